"""Keyword sets (Russian and English, with synonyms) that recognise sections, table kinds and
columns, scored over the whole heading or header rather than by one substring."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from functools import cache
from typing import NamedTuple

from flowviz.parse.blocks import Row
from flowviz.parse.text import fill, stems

Patterns = Mapping[str, Sequence[str]]

DOCUMENT_TITLE = [
    "карта интеграций",
    "integration map",
    "integrations map",
    "схема интеграций",
    "integration overview map",
]
"""A heading that names the whole document, not a section."""

SECTION_PATTERNS: Patterns = {
    "overview": [
        "общая информация",
        "общие сведения",
        "о проекте",
        "системы проекта",
        "основные системы",
        "general information",
        "overview",
        "project information",
        "project and systems",
        "project overview",
        "systems overview",
        "project summary",
    ],
    "checklist": [
        "чеклист",
        "чек-лист",
        "обязательных полей",
        "checklist",
        "check list",
        "mandatory fields",
        "required fields",
    ],
    "integrations": ["интеграции", "integrations", "integration", "интеграция", "connections"],
    "identifiers": [
        "идентификаторы пользователей",
        "синхронизация данных",
        "синхронизация идентификаторов",
        "user identifiers",
        "identifiers",
        "data sync",
        "data synchronization",
        "identity",
        "identifier sync",
        "идентификаторы",
        "identification",
        "user identification",
        "идентификация",
        "идентификация пользователей",
    ],
    "flows": [
        "потоки данных",
        "схема потоков",
        "поток данных",
        "data flows",
        "data flow",
        "flows",
        "flow diagram",
        "сценарии",
        "scenarios",
    ],
    "requirements": [
        "технические требования",
        "требования",
        "technical requirements",
        "requirements",
        "non-functional requirements",
        "nfr",
        "sla",
    ],
    "tests": [
        "план тестирования",
        "тестирование",
        "тесты",
        "test plan",
        "testing",
        "tests",
        "qa",
        "testing plan",
        "acceptance",
    ],
    "id_schema": [
        "схема идентификаторов",
        "привязок",
        "привязки",
        "identifier schema",
        "id schema",
        "identifier mapping",
        "id mapping",
        "bindings",
        "identifier bindings",
        "identity map",
        "схема привязок",
    ],
}

SECTION_BY_NUMBER = {
    1: "overview",
    2: "integrations",
    3: "integrations",
    4: "integrations",
    5: "integrations",
    6: "identifiers",
    7: "flows",
    8: "requirements",
    9: "tests",
    10: "id_schema",
}

FLOW_WORDS = (
    "поток",
    "flow",
    "data flow",
    "сценарий",
    "scenario",
    "процесс",
    "process",
    "цепочка",
    "use case",
    "user journey",
    "journey",
    "кейс",
)
"""The word a flow title is built on (``Поток 1: ...``, ``Scenario 2 — ...``), wherever
decoration (an emoji, a sub-number) puts it."""

FLOW_LABEL_STEMS = (
    "поток",
    "flow",
    "сценари",
    "scenario",
    "процесс",
    "process",
    "цепочк",
    "use case",
    "journey",
    "кейс",
)
"""Word beginnings of a label that names flows in general (``**Основные потоки данных:**``,
``**Main data flows:**``): the step lists under it are flows without a title of their own."""

METHOD_WORDS = (
    "webhook",
    "webhooks",
    "вебхук",
    "вебхуки",
    "вебхуком",
    "api",
    "rest api",
    "rest",
    "graphql",
    "grpc",
    "soap",
    "sdk",
    "csv",
    "xml",
    "json",
    "sftp",
    "ftp",
    "smtp",
    "gtm",
    "datalayer",
    "measurement protocol",
    "conversions api",
    "capi",
    "pixel",
    "пиксель",
    "js-виджет",
    "виджет",
    "widget",
    "iframe",
    "oauth",
    "kafka",
    "rabbitmq",
    "pub/sub",
    "cron",
    "etl",
    "выгрузка",
    "export",
    "import",
    "sync",
    "синхронизация",
    "polling",
    "zapier",
    "make",
    "n8n",
    "albato",
    "commerceml",
    "utm",
    "utm-метки",
)
"""Words that name how data moves (``webhook``, ``REST API``, ``CSV``): in the label of an
arrow or a diagram's edge they are its method; the rest of the label is its data."""

STEP_WORDS = ("шаг", "step")
"""The word before a step's number in ``Шаг 2: ...`` / ``Step 2 — ...`` paragraphs."""

IMPORTANT_WORDS = ("важно", "важное", "important")
"""Words that open an aside (``**Важно:** ...``): what follows is no step, rule or test."""

ASIDE_WORDS = (*IMPORTANT_WORDS, "примечание", "примечания", "note", "notes")
"""Words of an aside in flows and identifier sections (``Примечание:``, ``Notes``)."""

NAME_JOINERS = (",", "/", "+", "&", "и", "или", "and", "or")
"""What stands between two names of one list (``GA4 и Метрика``, ``GA4 / Meta Pixel``)."""

BINDING_WORDS = (
    "привязка",
    "связь",
    "связка",
    "сопоставление",
    "binding",
    "link",
    "linking",
    "mapping",
    "matching",
)
"""First words of a binding rule of section 10 (``Привязка client_id к lead_id``)."""

BINDING_JOINERS = ("к", "с", "и", "to", "with", "and", "→", "->", "↔", "<->", "⟷", "<=>", "=", ",")
"""What joins the identifiers a binding rule names (``client_id и ym_uid к lead_id``)."""

BINDING_LABEL_STEMS = (
    "привязк",
    "связ",
    "сопоставлен",
    "binding",
    "linking",
    "mapping",
    "matching",
)
"""Word beginnings of a label over a list of binding rules (``**Правила привязки:**``,
``**Binding rules:**``): every item under it is a binding rule."""

NOT_REQUIRED_SUBJECTS = (
    "раздел",
    "этот раздел",
    "данный раздел",
    "весь раздел",
    "статус",
    "статус раздела",
    "section",
    "this section",
    "the section",
    "the whole section",
    "status",
)
"""Words a line may put before "Не требуется" when it speaks of the section as a whole
(``Раздел не требуется — ...``, ``Status: not required``)."""


def alternation(phrases: Sequence[str], *, stems_only: bool = False) -> str:
    """A regex alternation of ``phrases`` as whole words (longest first, a space matching any
    run of spaces); with ``stems_only`` a phrase may go on with more letters (``поток`` also
    matches ``потоки``)."""
    parts = [re.escape(p).replace(r"\ ", r"\s+") for p in sorted(phrases, key=len, reverse=True)]
    tail = r"\w*" if stems_only else r"(?![^\W\d_])"
    return rf"(?<!\w)(?:{'|'.join(parts)}){tail}"


ASIDE = re.compile(alternation(ASIDE_WORDS), re.IGNORECASE)
"""A word that opens an aside (``Важно``, ``Important note``, ``Note:``): no step, no row."""


TABLE_COLUMNS: Mapping[str, Patterns] = {
    "integrations": {
        "source": [
            "источник",
            "источник данных",
            "откуда",
            "от кого",
            "отправитель",
            "source",
            "source data",
            "data source",
            "from",
            "sender",
            "origin",
            "trigger event",
            "событие",
            "event",
            "что передается",
            "what",
            "данные",
            "передаваемые данные",
            "data",
            "payload",
        ],
        "sender": [
            "система источник",
            "система отправитель",
            "source system",
            "sending system",
            "sender system",
            "from system",
            "producer",
        ],
        "target": [
            "получатель",
            "приемник",
            "куда",
            "к кому",
            "кому",
            "система назначения",
            "система получатель",
            "receiver",
            "recipient",
            "destination",
            "target",
            "to",
            "target system",
            "receiving system",
            "consumer",
            "consumers",
            "subscriber",
            "subscribers",
            "потребитель",
            "потребители",
            "подписчики",
            "получатели",
        ],
        "method": [
            "метод",
            "способ",
            "метод интеграции",
            "способ интеграции",
            "тип интеграции",
            "протокол",
            "method",
            "integration method",
            "mechanism",
            "transport",
            "protocol",
            "integration type",
            "как",
            "каким образом",
            "способ передачи",
            "transfer method",
            "connector",
            "how",
            "via",
        ],
        "identifiers": [
            "идентификаторы",
            "идентификатор",
            "ключи",
            "id",
            "ids",
            "identifiers",
            "identifier",
            "keys",
            "matching keys",
        ],
        "fields": [
            "поля",
            "поля данных",
            "данные",
            "атрибуты",
            "передаваемые данные",
            "fields",
            "data fields",
            "payload",
            "data",
            "attributes",
            "data points",
        ],
        "purpose": [
            "цель",
            "цель передачи",
            "зачем",
            "бизнес цель",
            "purpose",
            "goal",
            "why",
            "use case",
            "business goal",
            "reason",
        ],
        "details": [
            "технические детали",
            "детали",
            "примечания",
            "комментарий",
            "параметры",
            "конфигурация",
            "реализация",
            "technical details",
            "details",
            "tech details",
            "notes",
            "comment",
            "comments",
            "configuration",
            "implementation",
            "technical notes",
        ],
        "status": ["статус", "состояние", "готовность", "status", "state", "readiness"],
        "pair": [
            "интеграция",
            "связка",
            "направление",
            "маршрут",
            "integration",
            "direction",
            "route",
            "connection",
            "flow",
            "pair",
            "systems",
            "системы",
            "взаимодействие",
            "interaction",
            "обмен",
            "exchange",
        ],
    },
    "id_rules": {
        "source": [
            "система источник",
            "источник",
            "source system",
            "from system",
            "source",
            "system from",
            "from",
        ],
        "source_ids": [
            "идентификатор источник",
            "идентификатор источника",
            "source identifier",
            "source id",
            "from id",
            "from identifier",
            "source key",
        ],
        "target": [
            "система получатель",
            "получатель",
            "target system",
            "destination system",
            "receiver",
            "target",
            "to system",
            "to",
            "destination",
        ],
        "target_ids": [
            "идентификатор получатель",
            "идентификатор получателя",
            "target identifier",
            "target id",
            "destination identifier",
            "to id",
            "target key",
        ],
        "method": ["метод синхронизации", "метод", "способ", "sync method", "method", "how"],
        "priority": ["приоритет", "важность", "priority", "importance"],
    },
    "id_schema": {
        "name": ["идентификатор", "название", "identifier", "id", "name", "key"],
        "owner": [
            "система источник",
            "источник",
            "владелец",
            "система",
            "source system",
            "source",
            "owner",
            "system",
            "issued by",
        ],
        "uniqueness": ["уникальность", "uniqueness", "unique", "scope"],
        "format": ["формат", "тип", "пример", "format", "type", "example"],
        "rules": [
            "правила синхронизации",
            "правила",
            "жизненный цикл",
            "хранение",
            "sync rules",
            "rules",
            "lifecycle",
            "storage",
            "synchronization rules",
        ],
        "bindings": [
            "привязка",
            "привязка к другим системам",
            "связи",
            "bindings",
            "binding",
            "links",
            "linked to",
            "mapping",
            "relations",
            "binding to other systems",
        ],
        "description": [
            "описание",
            "назначение",
            "значение",
            "description",
            "meaning",
            "comment",
            "purpose",
        ],
    },
    "tests": {
        "name": [
            "этап",
            "этап тестирования",
            "тест",
            "проверка",
            "stage",
            "test",
            "test stage",
            "step",
            "test case",
            "check",
        ],
        "systems": ["системы", "интеграция", "systems", "scope", "integration", "system"],
        "criteria": [
            "критерии",
            "критерии успешности",
            "ожидаемый результат",
            "success criteria",
            "criteria",
            "acceptance",
            "expected result",
            "acceptance criteria",
        ],
        "owner": ["ответственный", "исполнитель", "owner", "responsible", "assignee"],
        "due": [
            "срок",
            "сроки",
            "длительность",
            "дата",
            "deadline",
            "due",
            "duration",
            "timeline",
            "date",
            "eta",
        ],
    },
    "systems": {
        "role": ["роль", "тип", "категория", "role", "type", "category", "kind"],
        "product": [
            "продукт",
            "сервис",
            "название",
            "инструмент",
            "платформа",
            "система",
            "product",
            "service",
            "name",
            "tool",
            "platform",
            "system",
        ],
        "url": [
            "url",
            "домен",
            "доступ",
            "адрес",
            "ссылка",
            "идентификаторы",
            "domain",
            "access",
            "address",
            "link",
            "ids",
            "account",
        ],
    },
    "steps": {
        "source": [
            "откуда",
            "от кого",
            "кто",
            "отправитель",
            "источник",
            "система источник",
            "from",
            "source",
            "sender",
            "who",
            "actor",
            "source system",
        ],
        "target": [
            "куда",
            "кому",
            "получатель",
            "система получатель",
            "to",
            "target",
            "receiver",
            "destination",
            "target system",
        ],
        "data": [
            "что",
            "что передается",
            "данные",
            "действие",
            "описание",
            "событие",
            "what",
            "data",
            "payload",
            "action",
            "description",
            "event",
            "step description",
        ],
        "method": ["метод", "как", "через", "способ", "method", "via", "how", "channel"],
        "identifiers": ["идентификаторы", "ключи", "ids", "identifiers", "keys"],
    },
    "requirements": {
        "label": [
            "параметр",
            "требование",
            "показатель",
            "метрика",
            "parameter",
            "requirement",
            "metric",
            "item",
        ],
        "value": ["значение", "целевое значение", "норма", "value", "target", "target value"],
    },
}

NUMBER_HEADERS = frozenset(
    {
        "№",
        "#",
        "n",
        "no",
        "no.",
        "nr",
        "nº",
        "номер",
        "num",
        "п/п",
        "№ п/п",
        "шаг",
        "step",
        "№ шага",
    }
)

REQUIRED_COLUMNS: Mapping[str, Sequence[frozenset[str]]] = {
    "integrations": [frozenset({"target", "pair"})],
    "id_rules": [frozenset({"source", "target"})],
    "steps": [frozenset({"source"}), frozenset({"target"})],
    "id_schema": [
        frozenset({"name"}),
        frozenset({"uniqueness", "format", "rules", "bindings", "description"}),
    ],
    "tests": [frozenset({"name"}), frozenset({"systems", "criteria"})],
    "systems": [frozenset({"role", "product"})],
    "requirements": [frozenset({"label"}), frozenset({"value"})],
}
"""Each set must have at least one of its columns present for the table to be of that kind."""

TABLE_FOR_SECTION = {
    "integrations": "integrations",
    "identifiers": "id_rules",
    "id_schema": "id_schema",
    "tests": "tests",
    "flows": "steps",
    "overview": "systems",
    "requirements": "requirements",
}


@cache
def _compiled(patterns: tuple[str, ...]) -> tuple[tuple[str, ...], ...]:
    return tuple(stems(p) for p in patterns)


@cache
def _stem_sets(patterns: tuple[str, ...]) -> dict[str, list[tuple[frozenset[str], int]]]:
    """Each non-empty pattern's stems as a set, with its length in words, filed under its
    first stem (a pattern can match only a text that has that stem)."""
    out: dict[str, list[tuple[frozenset[str], int]]] = {}
    for p in _compiled(patterns):
        if p:
            out.setdefault(p[0], []).append((frozenset(p), len(p)))
    return out


def pattern_score(text_stems: Sequence[str], patterns: Sequence[str]) -> float:
    """Best score of ``patterns`` against a text: the length of the longest pattern whose stems
    all occur, plus one half when it covers the whole text."""
    have = frozenset(text_stems)
    by_first = _stem_sets(tuple(patterns))
    best = 0.0
    for first in have:
        for pattern, length in by_first.get(first, ()):
            if pattern <= have:
                score = length + (0.5 if pattern == have else 0.0)
                best = max(best, score)
    return best


@cache
def _field_patterns(kind: str) -> dict[str, list[tuple[str, frozenset[str], int]]]:
    """The patterns of every field of table ``kind`` as in ``_stem_sets``: (field, stems,
    length), filed under the pattern's first stem."""
    out: dict[str, list[tuple[str, frozenset[str], int]]] = {}
    for name, patterns in TABLE_COLUMNS[kind].items():
        for first, entries in _stem_sets(tuple(patterns)).items():
            out.setdefault(first, []).extend((name, p, n) for p, n in entries)
    return out


def section_scores(title: str) -> dict[str, float]:
    """Score of every section kind for a heading, summed over its matching patterns."""
    have = set(stems(title))
    scores: dict[str, float] = {}
    for kind, patterns in SECTION_PATTERNS.items():
        total = sum(len(p) for p in _compiled(tuple(patterns)) if p and set(p) <= have)
        if total:
            scores[kind] = float(total)
    return scores


_NOTHING = re.compile(r"^\s*(?:[—–-]+|n/?a|нет|none|—)?\s*$", re.IGNORECASE)
"""A cell that says there is nothing there: empty, a dash, 'n/a', 'нет'."""


class RowValues(NamedTuple):
    """One row read through a ColumnMap: text per field, placeholder fields, cell columns."""

    values: dict[str, str]
    placeholders: list[str]
    columns: dict[str, int]
    links: dict[str, tuple[str, ...]]


class ColumnMap(NamedTuple):
    """Which header cell holds which field of one table kind."""

    kind: str
    columns: dict[str, int]
    score: float

    def read(self, row: Row) -> RowValues:
        """The row's cells by field, placeholders resolved to their example values."""
        values: dict[str, str] = {}
        placeholders: list[str] = []
        columns: dict[str, int] = {}
        links: dict[str, tuple[str, ...]] = {}
        for name, index in self.columns.items():
            if index >= len(row.cells):
                continue
            links[name] = row.cells[index].links
            text = row.cells[index].text
            values[name], is_placeholder = fill("" if _NOTHING.match(text) else text)
            columns[name] = row.cells[index].column
            if is_placeholder:
                placeholders.append(name)
        return RowValues(values, placeholders, columns, links)


def map_columns(kind: str, header: Sequence[str]) -> ColumnMap:
    """Assign header cells to the fields of ``kind``, best matches first, each used once."""
    return _map_columns(kind, header, [stems(cell) for cell in header])


def _map_columns(
    kind: str, header: Sequence[str], header_stems: Sequence[tuple[str, ...]]
) -> ColumnMap:
    fields = TABLE_COLUMNS[kind]
    by_first = _field_patterns(kind)
    candidates: list[tuple[float, int, str]] = []
    for index, (cell, cell_stems) in enumerate(zip(header, header_stems, strict=True)):
        if cell.strip().lower() in NUMBER_HEADERS:
            candidates.append((3.0, index, "number"))
            continue
        # pattern_score of every field at once: only the patterns filed under a stem the cell has
        have = frozenset(cell_stems)
        best: dict[str, float] = {}
        for first in have:
            for name, pattern, length in by_first.get(first, ()):
                if pattern <= have:
                    score = length + (0.5 if pattern == have else 0.0)
                    best[name] = max(best.get(name, 0.0), score)
        candidates += [(best[name], index, name) for name in fields if name in best]
    candidates.sort(key=lambda c: (-c[0], c[1]))
    columns: dict[str, int] = {}
    used: set[int] = set()
    total = 0.0
    for score, index, name in candidates:
        if name in columns or index in used:
            continue
        columns[name] = index
        used.add(index)
        total += score if name != "number" else 0.0
    return ColumnMap(kind, columns, total)


def classify_table(header: Sequence[str], section_kind: str | None) -> ColumnMap | None:
    """The table kind that fits ``header`` best (the section's own kind breaks ties)."""
    preferred = TABLE_FOR_SECTION.get(section_kind or "")
    best: ColumnMap | None = None
    header_stems = [stems(cell) for cell in header]
    for kind in TABLE_COLUMNS:
        if kind == "steps" and section_kind != "flows":
            continue
        mapped = _map_columns(kind, header, header_stems)
        if not all(mapped.columns.keys() & need for need in REQUIRED_COLUMNS[kind]):
            continue
        score = mapped.score + (1.5 if kind == preferred else 0.0)
        if best is None or score > best.score:
            best = ColumnMap(kind, mapped.columns, score)
    return best


EDGE_TABLE_SENDERS = (
    "откуда",
    "от кого",
    "источник",
    "отправитель",
    "система",
    "from",
    "source",
    "sender",
    "origin",
    "producer",
    "publisher",
    "emitter",
    "издатель",
    "продюсер",
    "system",
)
"""Words that make up the whole header of a sending-system column in a table of edges with no
section owner (``Откуда``, ``Source system``); ``Источник данных`` (source data) is not one."""

LABEL_SENDERS = (
    "продюсер", "издатель", "отправитель", "источник", "откуда", "producer", "publisher",
    "sender", "source", "from", "emitted by", "published by",
)  # fmt: skip
"""Labels of a list item that names the sender (``**Продюсер**: Booking Service``)."""

LABEL_RECEIVERS = (
    "потребители", "потребитель", "подписчики", "получатели", "получатель", "куда",
    "consumers", "consumer", "subscribers", "receivers", "recipients", "to", "consumed by",
)  # fmt: skip
"""Labels of a list item that names the receivers (``**Потребители**: Fraud Service; …``)."""

_SENDER_STEMS = frozenset(s for word in EDGE_TABLE_SENDERS for s in stems(word))


_DESTINATION_STEMS = stems("Назначение")
"""``Назначение``: the purpose of a row, or its destination where it follows a sender column."""


def _destination_named(header: Sequence[str]) -> list[str]:
    """The header with the first ``Назначение`` after a sender column (``Источник``) read as the
    receiver (``Источник | Назначение``, ``Назначение | Порты | Источник | Назначение``): in
    such a pair the word names where the data goes, not what it is for.

    >>> _destination_named(["Назначение", "Источник", "Назначение"])
    ['Назначение', 'Источник', 'получатель']
    """
    cells = list(header)
    sender = next((i for i, c in enumerate(cells) if _only_sender_words(c)), None)
    if sender is None or any(_receiver_words(c) for c in cells):
        return cells
    later = range(sender + 1, len(cells))
    after = next((i for i in later if stems(cells[i]) == _DESTINATION_STEMS), None)
    if after is not None:
        cells[after] = "получатель"
    return cells


def _both_ends_named(header: Sequence[str]) -> bool:
    """Whether one header cell names the sender (``Source``, ``Откуда``) and another the
    receiver (``Target``, ``Получатель``): a table of edges whatever else its columns are."""
    return any(map(_only_sender_words, header)) and any(map(_receiver_words, header))


def _only_sender_words(cell: str) -> bool:
    """A header cell made of sender words only (``Откуда``, ``Система-источник``)."""
    return bool(stems(cell)) and set(stems(cell)) <= _SENDER_STEMS


def _receiver_words(cell: str) -> bool:
    """A header cell that names the receiver already (``Получатель``, ``To``)."""
    return map_columns("integrations", [cell]).columns.keys() == {"target"}


def edge_table_columns(header: Sequence[str]) -> ColumnMap | None:
    """The columns of a table of edges outside the template (no section owns its rows): a
    header cell made of sender words only (``Откуда``, ``From``, ``Source``) is the sender,
    and the data column (``Что передаём``, ``What``) keeps the source data; None when the
    table has no receiver column and no ``A → B`` column.

    >>> edge_table_columns(["Откуда", "Куда", "Что передаём"]).columns
    {'source': 2, 'target': 1, 'sender': 0}
    >>> sorted(edge_table_columns(["Источник данных", "Получатель"]).columns)
    ['source', 'target']
    """
    header = _destination_named(header)
    mapped = classify_table(header, None)
    if mapped is not None and mapped.kind != "integrations" and _both_ends_named(header):
        mapped = map_columns("integrations", header)  # ``# | Name | Source | Target | …``
    if mapped is None or mapped.kind != "integrations" or "sender" in mapped.columns:
        return mapped if mapped is not None and mapped.kind == "integrations" else None
    sender = next((i for i, cell in enumerate(header) if _only_sender_words(cell)), None)
    if sender is None:
        return mapped
    rest = ["" if i == sender else cell for i, cell in enumerate(header)]
    again = _map_columns("integrations", rest, [stems(cell) for cell in rest])
    return ColumnMap("integrations", {**again.columns, "sender": sender}, again.score)


IO_INPUT_HEADERS = (
    "consuming from", "consumes", "consumes from", "consumed from", "reads from", "reading from",
    "subscribes to", "subscribed to", "subscriptions", "listens to", "listening to",
    "input topics", "input queues", "inputs", "input",
    "читает из", "читает", "подписан на", "подписывается на", "подписки", "слушает",
    "входные топики", "входные очереди", "входы", "вход", "потребляет",
)  # fmt: skip
"""Headers of a column of what the row's component takes data from, in a table of components
(``Service | Consuming From | Producing To``)."""

IO_OUTPUT_HEADERS = (
    "producing to", "produces", "produces to", "produced to", "writes to", "writing to",
    "publishes to", "publishes", "publishing to", "sends to", "emits",
    "output topics", "output queues", "outputs", "output",
    "пишет в", "пишет", "публикует в", "публикует", "отправляет в", "отправляет",
    "выходные топики", "выходные очереди", "выходы", "выход", "производит",
)  # fmt: skip
"""Headers of a column of what the row's component sends data to, in a table of components."""

IO_BARE_HEADERS = frozenset(
    {"inputs", "input", "outputs", "output", "входы", "вход", "выходы", "выход"}
)
"""Input and output headers that say no way of their own: their table is one of components
only when its name column says so (``Function | Input | Output``), not of steps or fields."""

IO_NAME_HEADERS = (
    "service", "services", "microservice", "microservices", "component", "components",
    "function", "functions", "lambda", "app", "application", "applications", "client",
    "clients", "connector", "connectors", "job", "jobs", "worker", "workers", "consumer",
    "consumers", "producer", "producers", "module", "processor", "system", "systems",
    "сервис", "сервисы", "микросервис", "компонент", "компоненты", "функция", "приложение",
    "клиент", "коннектор", "модуль", "воркер", "обработчик", "система",
)  # fmt: skip
"""Words of the header of a table's name column that make its rows components."""


PRODUCT_USER_WORDS = frozenset({"user", "users", "пользователь", "пользователи"})
"""Words that, written beside a product, name its users (``WhatsApp User``, ``Пользователь
Telegram``): a person, where ``BigCommerce Customer`` names a record of the product."""


# --- Documents not in the template's shape: arrow statements ---------------------------------

ARROWS: dict[str, tuple[str, ...]] = {
    "both": ("<-->", "<->", "<=>", "↔", "⇔", "⟷"),
    "back": ("<--", "<-", "<=", "←", "⇐", "⟵"),
    "forward": ("-->", "->", "=>", "→", "⇒", "⟶", "➝", "➔", "—>", "–>"),
}
"""Arrow tokens of an edge statement (``A → B``, ``A <-> B``, ``A ← B``) by direction."""

WORD_ARROWS = ("to", "into")
"""Words that stand for an arrow in a table cell that is only a transfer between two names
(``BigQuery To Google Ads``)."""

MATRIX_FROM_WORDS = ("from", "source", "sender", "caller", "откуда", "от", "источник", "кто")
MATRIX_TO_WORDS = ("to", "target", "receiver", "callee", "куда", "к", "получатель", "кому")
"""Words of the corner cell of a matrix of systems (``From \\ To``, ``Откуда / Куда``):
a marked cell is an edge from the row's system to the column's."""

RECEIVER_SEPARATORS = (",", " & ", "+", " and ", " и ", " / ")
"""What separates the receivers of one arrow: ``A → B, C & D`` is an edge to each (an
ampersand inside a name, ``D365 F&O``, is a letter of it)."""

NAVIGATION_WORDS = (
    "настройки", "настройка", "меню", "раздел", "вкладка", "кнопка", "перейдите", "откройте",
    "выберите", "нажмите", "зайдите", "разработчикам", "приложения", "сервисы", "админка",
    "settings", "menu", "admin", "tab", "click", "select", "go to", "open", "navigate",
    "preferences",
)  # fmt: skip
"""Words of a UI navigation path (``Настройки → Интеграции → amoCRM``): an arrow line with
one of them in it is a path through an interface, never an edge."""

END_SUFFIXES = (
    "api", "bot", "webhook", "webhooks", "app", "account", "аккаунт", "бот", "org", "instance",
    "tenant", "workspace", "инстанс",
)  # fmt: skip
"""Last words of an end that name a part or access of a system, not another system: an end
``Eventbrite API`` and an end ``Eventbrite`` are one end when telling systems apart."""

KIND_TAILS = (
    "payment service provider", "payment provider", "payment gateway", "payment platform",
    "email service provider", "email service", "email platform", "messaging platform",
    "service provider", "provider", "crm system", "platform",
    "платёжный сервис", "платежный сервис", "платёжная система", "платежная система",
)  # fmt: skip
"""What kind of thing a product is, written after its name in lower case (``Adyen payment
service provider``): the product itself, no part of it."""

COMPONENT_HEADS = (
    "service", "services", "gateway", "queue", "database", "db", "cache", "broker", "storage",
    "bus", "server", "worker", "scheduler", "backend", "frontend", "microservice", "cluster",
    "replica", "warehouse", "lake", "store", "registry", "proxy", "balancer", "api", "parser",
    "adapter", "handler", "processor", "dispatcher", "listener", "servers", "workers", "queues",
    "handlers",
    "адаптер",
    "сервис", "микросервис", "шлюз", "очередь", "база", "кэш", "брокер", "хранилище", "сервер",
    "бэкенд", "фронтенд", "кластер", "реплика",
)  # fmt: skip
"""Last words that make an end of an edge statement a system by its form (``Event Service``,
``Event queue``, ``Read Replica 2``): a component of an architecture, written once or more.
The first ones also stand alone as a system (``Gateway``, ``Backend``)."""

LEAD_SUBJECT_HEADS = frozenset(
    {
        *(h for h in COMPONENT_HEADS if h not in ("api", "db", "lake", "store", "registry")),
        "bot", "app", "application", "agent", "connector", "middleware", "script", "function",
        "lambda", "handler", "processor", "module",
        "бот", "приложение", "коннектор", "скрипт", "модуль", "обработчик", "агент",
    }
)  # fmt: skip
"""Last words of a lead-in's subject that make it a system with no other sign (``The sync
service:``, ``Наш бот:``)."""

RUSSIAN_COMPONENT_STEMS = {
    "служб": "service", "агент": "agent", "модул": "module", "сервис": "service",
    "микросервис": "service", "шлюз": "gateway", "коннектор": "connector",
    "соединител": "connector", "обработчик": "handler", "функци": "function",
    "приложени": "app",
}  # fmt: skip
"""Stems of Russian words that open a component's name, the product it belongs to after them
(``Служба подготовки Azure AD``, ``функция приема в Azure Functions``) -> the English word of a
product's name each translates (``функция Cloud Functions`` is Cloud Functions itself)."""

KIND_WORDS = ("сервис", "служба", "система", "платформа", "инструмент", "модуль", "библиотека")
"""Words that say what kind of thing a name is, after a dash (``Unisender Go — сервис
управления email-рассылками``): no second system."""

GENERIC_NODE_WORDS = frozenset(
    {"schedule", "manual", "cron", "webhook", "form", "chat", "error", "execute", "workflow",
     "interval", "n8n", "local", "file", "email", "rss", "sse", "mcp", "when", "daily",
     "weekly", "monthly", "hourly", "nightly", "timer", "start", "report", "test"}
)  # fmt: skip
"""Words of an automation engine's own trigger nodes, no app (``Schedule Trigger``, ``Manual
Trigger``, ``Weekly Report Trigger``)."""

PART_WORDS = (
    "plane", "layer", "engine", "platform", "suite", "hub", "studio", "console", "core",
    "sdk", "agent", "connector", "pipes", "profiles", "catalog", "crawler", "runtime", "module",
    "extension", "plugin", "widget", "portal", "dashboard", "job", "jobs",
)  # fmt: skip
"""Last words of a name that opens with a product of the catalogue and names a part of it
(``RudderStack Data Plane``, ``AWS Glue Crawler``, ``Amazon Connect Customer Profiles``): a
system of its own, not the product."""

NOT_PART_WORDS = frozenset({
    "api", "apis", "sdk", "crm", "app", "apps", "account", "accounts", "admin", "webhook",
    "webhooks", "user", "users", "contact", "contacts", "customer", "customers", "event",
    "events", "data", "setup", "settings", "card", "page", "tab", "field", "form", "button",
    "view", "list", "channel", "channels", "step", "steps", "order", "orders", "lead", "leads",
    "deal", "deals", "product", "products", "ticket", "tickets", "message", "messages",
    "record", "records", "table", "tables", "trigger", "triggers", "node", "nodes", "sync",
    "analytics", "stream", "streams", "the", "and", "or", "to", "from",
})  # fmt: skip
"""Last words after a product that name what it holds, shows or offers (``Shopify Orders``,
``Slack Setup``, ``Stripe API``, ``DynamoDB Streams``) or a workflow's node for it (``Typeform
Trigger``), not a part of it with a name of its own (``Braze Currents``)."""

LONE_COMPONENT_HEADS = (
    "gateway", "backend", "frontend", "database", "бэкенд", "фронтенд", "шлюз",
)  # fmt: skip
"""Component words that name a system on their own (``Frontend → Gateway``)."""

DATASET_WORDS = frozenset({"dataset", "datasets", "layer", "датасет", "датасеты", "слой"})
"""Last words of an end that names a dataset or layer of a warehouse by its stage (``Raw
dataset``, ``CDC dataset``, ``Reporting layer``): a part of the warehouse, no system."""

ANY_WORDS = (
    "any", "every", "each", "all", "other", "some", "любой", "любая", "любое", "каждый",
    "каждая", "все", "другие", "другой", "прочие",
)  # fmt: skip
"""First words of a name for any of a kind (``Any EventBridge target``, ``Другие сервисы``):
no system."""

LISTED_SOURCE_WORDS = (
    "sources", "data sources", "inputs", "источники", "источники данных",
)  # fmt: skip
"""Words of a heading or lead-in over a list of the products a tool takes data from."""

LISTED_OUT_WORDS = (
    "destinations", "targets", "outputs", "sinks", "integrations", "connections",
    "connectors", "приемники", "приёмники", "интеграции", "коннекторы",
)  # fmt: skip
"""Words of a heading or lead-in over a list of the products a tool sends data to, or of its
integrations (read as going out of the tool)."""

CONDITION_WORDS = frozenset({
    "если", "иначе", "то", "тогда", "когда", "if", "else", "otherwise", "then", "when",
    "unless",
})  # fmt: skip
"""First words of a branch of a decision (``Иначе → продолжить``, ``Если блокировка активна``,
``Else``): no system."""

CONTROL_WORDS = frozenset({
    "start", "end", "stop", "done", "finish", "exit", "approved", "rejected", "yes", "no",
    "ok", "success", "failure", "fail", "error", "true", "false", "начало", "конец", "старт",
    "стоп", "да", "нет", "успех", "ошибка", "готово",
})  # fmt: skip
"""A box of a drawn chart that only says where a run goes (``END``, ``APPROVED``, ``Да``): a
point of the chart, no system."""

RECORD_WORDS = frozenset({
    "lead", "leads", "deal", "deals", "opportunity", "opportunities", "invoice", "invoices",
    "лид", "лиды", "сделка", "сделки",
    "cart", "carts", "order", "orders", "payment", "payments",
})  # fmt: skip
"""A box or an end named by a kind of record of a CRM alone (``Lead``, ``Deal (CRM)``,
``Сделка``): the record a system holds, no system (``convert Lead → Deal`` is its
lifecycle)."""

STATE_PARTICIPLES = frozenset({
    "found", "detected", "completed", "failed", "approved", "rejected", "received", "passed",
    "missing", "done", "найдены", "найден", "обнаружены", "обнаружен", "завершено", "ошибка",
})  # fmt: skip
"""Last words of a box of a drawn run that says what came out (``Issues Found``, ``Payment
Failed``): a point of the chart, no system."""

MAX_END_WORDS = 5
"""An end of an edge statement longer than this is a sentence (``Ошибка … → Проверьте …``)."""

PROCESS_WORDS = (
    "процесс", "сценарий", "как это работает", "как работает", "поток", "потоки", "шаги",
    "порядок работы", "для этого", "how it works", "lead flow", "data flow", "workflow",
    "pipeline", "the flow", "flow", "steps", "process", "to do this", "путь", "маршрут",
    "последовательность", "алгоритм", "journey", "sequence", "walkthrough", "пайплайн",
    "конвейер", "этапы", "stages", "actions performed", "what it does", "что происходит",
    "выполняемые действия", "логика работы", "принцип работы", "схема работы", "под капотом",
    "under the hood", "behind the scenes", "end-to-end flow", "обмен данными",
    "схема взаимодействия", "порядок взаимодействия", "data exchange", "request flow",
    "message flow",
)  # fmt: skip
"""Words of a heading (or of a line ending in ':') that introduces a process list: the list
below it, or its numbered sub-headings, are the steps of a flow."""

SETUP_WORDS = (
    "по созданию", "по настройке", "по установке", "по развертыванию", "по развёртыванию",
    "настройка", "установка", "создание решения", "развертывание", "развёртывание",
    "setup", "set up", "setting up", "installation", "install", "getting started",
    "configuration", "to configure", "deployment", "to deploy", "prerequisites",
    "сценарий проверки", "сценарии проверки", "сценарий тестирования", "сценарии тестирования",
    "test scenario", "test scenarios", "testing steps", "steps to test", "to test",
)  # fmt: skip
"""Words of a heading over setup work or a test to run by hand (``Шаги по созданию решения``,
``Setup steps``, ``Базовый сценарий проверки``): its list is a plan of work, not a process,
even with a process word in it."""

SETUP_VERBS = (
    "connect", "create", "add", "install", "open", "go", "click", "select", "set", "configure",
    "enable", "copy", "paste", "log in", "sign in", "sign up", "navigate", "choose", "enter",
    "run", "deploy", "download", "register", "make sure", "ensure", "import", "upload", "wait",
    "подключить", "создать", "установить", "настроить", "открыть", "перейти", "нажать",
)  # fmt: skip
"""First words of a list item that tells the reader what to do (``Connect HubSpot to Slack``,
``Настроить обмен с 1С``): such a list is a plan of work, not a process (Russian imperatives
are told by their endings, ``Подключите``)."""

ARCHITECTURE_WORDS = (
    "architecture", "solution architecture", "overview", "how the solution works",
    "архитектура", "архитектура решения", "обзор", "схема работы",
)  # fmt: skip
"""Words of a heading under which a numbered list (not a bulleted one) is a process: an
architecture page's data flow (``## Architecture`` / ``1. The tag sends ... to ...``)."""

CAPTION_WORDS = (
    "image", "figure", "fig", "gif", "table", "code", "diagram", "picture",
    "рисунок", "рис", "изображение", "схема", "таблица", "листинг",
)  # fmt: skip
"""Words of a caption written as a heading (``##### *Image 1*``): it starts no section."""

METHOD_MARKERS = (
    "с использованием", "с помощью", "при помощи", "посредством", "используя", "using", "via",
    "by means of", "through", "with the help of",
)  # fmt: skip
"""Words after which a process step names the tool it uses, not an end of the transfer."""

ACTION_NOUNS = (
    "получение", "сохранение", "обновление", "создание", "удаление", "добавление",
    "обработка", "отправка", "загрузка", "выгрузка", "проверка", "валидация", "запись",
    "чтение", "формирование", "генерация", "преобразование", "заполнение",
)  # fmt: skip
"""Russian nouns of doing that open a box or an end saying what is done (``Получение
данных``, ``Обработка и сохранение в PostgreSQL``), as a verb opens one in English."""

CARRIER_MARKERS = ("via", "through", "через")
"""Method words after which a step whose subject sends and names no receiver names the system
its data goes to (``the Lambda sends it via Amazon SES``, ``публикует сообщение через
RabbitMQ``)."""

PURPOSE_MARKERS = (
    "to find", "to look up", "to identify", "to search for", "to check", "in order to",
    "чтобы найти", "чтобы проверить", "для поиска", "для проверки", "с целью",
    "с разрешениями", "разрешениями на доступ", "permissions to",
)  # fmt: skip
"""Words after which a process step says what it is for (``Queries Tavily to find the lead's
LinkedIn profile``): a system named there is not an end of the transfer."""

KEPT_SECRET_WORDS = (
    "credentials", "credential", "secret", "secrets", "key", "keys", "token", "tokens",
    "password", "passwords", "учетные данные", "учётные данные", "ключ", "ключи", "токен",
    "токены", "пароль", "пароли", "секрет", "секреты",
)  # fmt: skip
"""What a step may say is kept somewhere (``access credentials are stored in Secrets Manager
and encrypted with AWS KMS``): a secret at rest, no transfer between the systems named."""

KEPT_VERBS = (
    "stored", "kept", "encrypted", "saved", "held", "хранятся", "хранится", "зашифрованы",
    "зашифрован", "сохраняются", "сохраняется",
)  # fmt: skip

LANGUAGE_WORDS = frozenset({
    "javascript", "typescript", "python", "java", "kotlin", "swift", "golang", "ruby", "php",
    "rust", "scala", "perl", "bash", "powershell", "html", "css", "json", "yaml", "xml", "csv",
    "sql", "graphql",
})  # fmt: skip
"""Languages and formats: a word for how something is written, never a system by itself at
an end of an arrow (``from a JavaScript source``, ``CSV → BigQuery``)."""

RECEIVE_VERBS = ("gets", "receives", "получает", "принимает", "connects", "подключается")
"""Verbs by which a step's subject is given data (``Slack gets an urgent alert``): the subject
is the receiver, the sender the system after ``from`` / ``от`` / ``из``, else the engine."""

TRIGGER_VERBS = (
    "triggers", "starts", "runs", "publishes", "emits", "fires", "forwards", "passes",
    "запускает", "инициирует", "публикует", "пересылает",
)  # fmt: skip
"""Verbs by which a system named as a step's subject starts the step's engine (``Pub/Sub
triggers the Cloud Function``): it is the sender."""

SUBJECT_PRONOUNS = (
    "он", "она", "оно", "они", "который", "которая", "которое", "которые",
    "it", "they", "which",
)  # fmt: skip
"""Words that open a later clause of a process step whose subject is the step's system
(``Затем она передаёт статью в очередь``, ``, which writes the rows to BigQuery``)."""

PARTICIPLES = (
    "sending", "passing", "posting", "pushing", "writing", "forwarding", "uploading",
    "отправляя", "передавая", "записывая", "пересылая", "загружая",
)  # fmt: skip
"""Words that open a later clause whose subject is the step's first system (``…, sending
the payload to sGTM``)."""

SYNC_WORDS = (
    "синхронизация", "синхронизировать", "передача", "перенос", "выгрузка", "загрузка",
    "импорт", "экспорт", "репликация", "sync", "synchronization", "synchronisation",
    "synchronize", "synchronise", "export", "import", "transfer", "replication",
    "прием", "приём", "копирование", "получение", "отправка", "сохранение", "ingest",
    "ingesting",
    "ingestion", "copy", "copying", "streaming", "стриминг",
)  # fmt: skip
"""First words of a line that states one transfer in words (``Синхронизация продуктов из
Supply Chain Management с продуктами в Sales``, ``Sync contacts from HubSpot to Mailchimp``)."""

TITLE_WORDS = ("поток", "flow", "pattern", "коннектор", "connector", "bridge", "мост")
"""Besides the sync words, what a title naming a direction opens with (a flow, or the
connector / bridge that carries the data)."""

TITLED_AFTER_WORDS = (
    "sync", "synchronization", "synchronisation", "integration", "bridge", "connector",
    "pipeline", "export", "exporter", "import", "importer", "forwarder", "relay", "flow",
    "синхронизация", "интеграция", "мост", "коннектор", "выгрузка", "экспорт", "импорт",
    "пайплайн", "поток",
)  # fmt: skip
"""What a title that names its two products first ends with (``Twilio to Slack Bridge``)."""

ATTACHED_WORDS = (
    "including", "includes", "with a link", "together with", "along with", "containing",
    "включая", "в том числе", "вместе с", "со ссылкой", "содержащий", "содержащее",
    "содержащую", "содержащие",
)  # fmt: skip
"""Words that open a step's last clause about what goes along with the data (``Posts a Slack
message, optionally including a CRM link``): a system named there is no end of the step."""

FOLLOW_WORDS = (
    "затем", "потом", "далее", "после этого", "после чего", "также", "then", "next", "also",
    "finally", "after that",
)  # fmt: skip
"""Words that may stand before or after the pronoun of such a clause (``It then sends``)."""

SOURCE_MARKERS = ("из", "от", "from")
"""A preposition before a system that makes it the sender (``Перенесите из X в Y``)."""

BASIS_MARKERS = (
    "построенные на", "построенный на", "построенная на", "построенных на", "построен на",
    "на основе", "built on", "based on", "built on top of", "powered by", "по данным",
    "на данных", "по данным из", "on data from", "on top of data from",
)  # fmt: skip
"""Words before a system that something named earlier in a step is built on: its data come
from it (``дашборды DataLens, построенные на витринах ClickHouse``), so it is the sender."""

WATCH_MARKERS = (
    "наблюдения за", "наблюдение за", "мониторинга", "мониторинг", "отслеживания",
    "monitoring", "monitoring of", "to monitor", "observability of", "to observe",
)  # fmt: skip
"""Words before a system that a tool named earlier in a step watches (``метрики для
наблюдения за работоспособностью веб-приложения``): the metrics come from it, the sender."""

TARGET_MARKERS = ("в", "во", "на", "to", "into", "onto")
"""A preposition between the sender and a later system that makes it the receiver (``из X в
промежуточные таблицы Y``): the step's subject is then the mover, not an end."""

READING_STEMS = ("read", "quer", "fetch", "pull", "consum", "poll", "retriev", "collect", "scrap")
"""Stems of verbs by which the one acting takes data from the system it names (``queries
B``, ``consumes the events in B``, ``is polled by B``): the data comes from that system."""

READ_VERBS = (
    "get", "gets", "fetch", "fetches", "retrieve", "retrieves", "collect", "collects", "gather",
    "gathers", "pull", "pulls", "read", "reads", "receive", "receives", "import", "imports",
    "получает", "получить", "забирает", "загружает", "импортирует", "собирает",
    "monitor", "monitors", "watch", "watches", "listen", "listens", "detect", "detects",
    "отслеживает", "слушает", "search", "searches", "look", "looks", "lookup", "confirm",
    "confirms", "verify", "verifies", "find", "finds", "ищет", "находит", "проверяет",
)  # fmt: skip
"""Verbs of a process step by which the document's workflow engine takes data from the one
system the step names (``Get Google Analytics Data``)."""

WRITE_VERBS = (
    "create", "creates", "send", "sends", "add", "adds", "post", "posts", "save", "saves",
    "upload", "uploads", "write", "writes", "push", "pushes", "update", "updates", "notify",
    "notifies", "alert", "alerts", "enroll", "enrolls", "уведомляет", "создает", "создаёт",
    "record", "records", "store", "stores", "log", "logs", "schedule", "schedules", "book",
    "books", "deliver", "delivers", "publish", "publishes", "забронирует", "планирует",
    "отправляет", "добавляет", "записывает", "сохраняет",
    "передает", "передаёт", "публикует", "обновляет",
    "query", "queries", "call", "calls", "invoke", "invokes", "request", "requests", "use",
    "uses", "запрашивает", "вызывает", "использует",
    "sink", "sinks", "persist", "persists",
    "captures", "submit", "submits", "insert", "inserts", "upsert", "upserts", "ingests",
    "enqueue", "enqueues", "tracks",
)  # fmt: skip
"""Verbs of a process step by which the workflow engine sends data to the one system the step
names (``Creates Trello cards``, ``Adds new contacts to Agile CRM``)."""

# --- Architecture pages: a lead-in to the data flow and a list of components -----------------

NEGATION_WORDS = (
    "never", "not", "no", "won't", "doesn't", "don't", "cannot", "can't", "isn't", "aren't",
    "out of scope", "limitations", "никогда", "не", "нет", "нельзя", "ограничения",
)  # fmt: skip
"""Words of a heading or a lead-in over a list of what a tool does not do (``What it never
does:``, ``Чего сервис не делает``, ``Limitations``): its items state no edge."""


def not_done(lead_in: str) -> bool:
    """Whether a heading or a short lead-in says that the list under it is what is not done
    (``What it never does:``): its items are no edges and no steps."""
    return len(lead_in.split()) <= NOT_DONE_MAX_WORDS and bool(_NEGATION.search(lead_in))


NOT_DONE_MAX_WORDS = 8
_NEGATION = re.compile(alternation(NEGATION_WORDS), re.IGNORECASE)

PROMPT_WORDS = ("prompt", "prompts", "промпт", "промпты", "промптов", "промпта", "промптами")
"""Words of a short lead-in whose list quotes requests to an AI assistant (``Примеры рабочих
промптов:``): what someone asked for, not what the systems do."""

_PROMPTS = re.compile(alternation(PROMPT_WORDS), re.IGNORECASE)


def quoted_prompts(lead_in: str) -> bool:
    """Whether a heading or a short lead-in says that the list under it quotes prompts: its
    items are no edges (an arrow chain in a prompt asks for an architecture, the document
    states it elsewhere)."""
    return len(lead_in.split()) <= NOT_DONE_MAX_WORDS and bool(_PROMPTS.search(lead_in))


OWN_OUTPUT_ENDS = frozenset({
    "console", "console logging", "console log", "console logs", "console output", "terminal",
    "консоль", "вывод в консоль", "логирование в консоль",
})  # fmt: skip
"""Ends that name a program's own output (``destinationDemo → Console logging``): what it
prints for debugging, no system; a product's console (``Twilio console``) is the product."""

MAPPING_WORDS = (
    "mapping", "mappings", "маппинг", "маппинги", "сопоставление", "сопоставления",
    "соответствие", "соответствия",
)  # fmt: skip
"""Words of a label over a list of mappings (``**Event mappings**:``, ``Маппинг полей:``):
each item pairs names (``Page views → GA4 `page_view```), no transfer."""

MAPPING_VERBS = ("maps", "map", "mapped", "сопоставляет", "сопоставляются", "сопоставить")
"""Verbs that pair values of two systems (``Maps WooCommerce statuses to ERPNext statuses``):
no transfer."""

CHOICE_WORDS = ("appropriate", "configured", "relevant", "corresponding", "target", "external")
"""Words of choice between a way and the system it names (``routes to the appropriate channel
handler``): the way still holds."""

MAPPING_LABEL_MAX_WORDS = 4
_MAPPING = re.compile(alternation(MAPPING_WORDS), re.IGNORECASE)


def mapping_label(lead_in: str) -> bool:
    """Whether a short label over a list says its items are mappings."""
    return len(lead_in.split()) <= MAPPING_LABEL_MAX_WORDS and bool(_MAPPING.search(lead_in))


LEAD_IN_WORDS = (
    "следующим образом", "как показано ниже", "описан ниже", "описаны ниже",
    "поток данных", "потоки данных", "данные передаются", "данные проходят",
    "as follows", "the following steps", "in the following steps", "in these steps",
    "data flow", "dataflow", "the data flows", "data flows through", "works like this",
    "listed below", "steps below", "перечислены ниже", "ниже перечислены", "шаги ниже",
    "ниже приведен", "приведен ниже", "ниже описан", "ниже показан", "показан ниже",
    "below is", "below are", "outlined below", "shown below", "described below",
    "в следующем порядке", "в таком порядке", "in the following order", "in this order",
)  # fmt: skip
"""Words of a short paragraph that introduces the numbered list right after it as the steps of
a flow ("Поток данных проходит через решение следующим образом.", "The data flows through the
solution as follows:", "Импорт выполняется в следующем порядке:")."""

LEAD_IN_MAX_WORDS = 40
"""A lead-in paragraph longer than this is prose that happens to end before a list."""

COMPONENT_WORDS = (
    "компоненты", "компоненты решения", "компоненты архитектуры", "сервисы", "службы",
    "используемые сервисы", "используемые службы", "технологии", "ключевые технологии",
    "используемые технологии", "продукты", "используемые продукты",
    "components", "solution components", "architecture components", "services",
    "services used", "key technologies", "technologies", "technologies used", "products used",
    "building blocks",
)  # fmt: skip
"""Words of a heading whose lists declare the systems of the page (``### Компоненты``,
``## Key technologies``): each item names one, by the link or bold text it starts with, or as a
short plain item. A tech stack (``Стек``, ``Tech stack``) lists libraries and languages, not
the systems data moves between: not one of them."""

COMPONENT_LEAD_IN_WORDS = (
    "следующих компонентов", "следующие компоненты", "следующих служб", "следующие службы",
    "следующих сервисов", "следующие сервисы", "из компонентов", "компоненты решения",
    "following components", "these components", "following services", "these services",
    "components are", "consists of the following", "uses the following", "is built from",
)  # fmt: skip
"""Words of a short paragraph that introduces a components list below it (``Эта архитектура
состоит из следующих компонентов.``, ``The solution uses the following services:``)."""

COMPONENT_PLURALS = (
    "modules", "components", "services", "microservices", "functions", "lambdas", "workers",
    "applications", "apps", "parts", "модулей", "модуля", "компонентов", "компонента",
    "сервисов", "сервиса", "служб", "функций", "частей",
)  # fmt: skip
"""The last word of a lead-in that ends with a colon and introduces components below it
(``The template contains four separated modules:``, ``Решение состоит из трёх модулей:``)."""

COMPONENT_HEADING_MAX_WORDS = 4
"""A heading longer than this is about something else ("Как настроить сервисы рассылки")."""

PERSON_WORDS = (
    "бизнес-аналитик", "аналитик данных", "аналитики данных", "бизнес-пользовател",
    "business analyst", "data analyst", "analyst", "business user", "end user",
)  # fmt: skip
"""People a process step may name whose words would otherwise read as a role system
(``Бизнес-аналитики`` is not the analytics system): never an end of a step."""

STEP_OPENERS = (
    *FOLLOW_WORDS, "first", "afterwards", "сначала", "наконец", "в конце", "after this",
)  # fmt: skip
"""Words a step may open with before its subject (``Затем клиент …``, ``Finally, the app …``)."""

PARTICIPANT_VERBS = (
    *WRITE_VERBS, *READ_VERBS, *TRIGGER_VERBS, "returns", "return", "consumes", "processes",
    "exposes", "places", "puts", "loads", "inserts", "copies", "syncs", "synchronizes",
    "subscribes", "makes", "receives", "responds", "replies", "redirects", "exchanges",
    "validates", "checks", "downloads", "exports", "transforms", "converts", "generates",
    "encodes", "extracts", "authenticates", "connects", "polls", "forwards", "picks", "routes",
    "passes", "emits",
)  # fmt: skip
"""English verbs by which the subject of a step acts (``The consumer stores …``); Russian
ones are known by their ending (``отправляет``, ``возвращается``)."""

SERVICE_KIND_WORDS = frozenset({"function", "functions", "lambda", "cloud"})
"""Words of a subject that names a kind of service, not a component of the document (``the
Lambda function``, ``a Cloud Function``)."""

NOT_PARTICIPANT_WORDS = frozenset({
    "it", "this", "that", "these", "they", "he", "she", "we", "you", "i", "one", "each",
    "он", "она", "оно", "они", "это", "этот", "эта", "вы", "мы", "я", "каждый", "который",
    "user", "users", "customer", "customers", "developer", "developers", "admin", "people",
    "recipient", "recipients", "visitor", "visitors", "buyer", "buyers", "subscriber",
    "subscribers", "employee", "employees", "manager", "operator",
    "пользователь", "пользователи", "покупатель", "покупатели", "клиенты", "разработчик",
    "администратор", "менеджер", "оператор", "человек", "сотрудник",
    "data", "message", "messages", "event", "events", "request", "requests", "response",
    "file", "files", "record", "records", "payload", "notification", "notifications",
    "token", "result", "results", "action", "actions", "information", "script", "step",
    "process", "system",
    "данные", "сообщение", "сообщения", "событие", "события", "запрос", "запросы", "ответ",
    "файл", "файлы", "уведомление", "уведомления", "маркер", "результат", "результаты",
    "информация", "скрипт", "шаг", "процесс", "система", "если", "if", "when", "когда",
    "для", "for", "при", "after", "после", "в", "in", "on", "на", "с", "with", "по",
    "так", "поскольку", "затем", "since", "because", "once", "then",
    "копия", "копии", "copy", "письмо",
})  # fmt: skip
"""Words that never open or close a participant's name: people, pronouns, what is moved
rather than who moves it, and words that open a clause (``Если``, ``When``)."""

FORMAT_WORDS = frozenset({
    "csv", "tsv", "json", "xml", "yaml", "pdf", "xlsx", "xls", "parquet", "avro", "file",
    "files", "api", "rest api", "sftp", "ftp", "s3 bucket", "the api", "excel file",
})  # fmt: skip
"""What a one-ended sync line may name that is a format or a way, not a system (``Import from
CSV``)."""

DOCUMENT_WORDS = (
    "overview", "architecture", "guide", "introduction", "scenario", "testing", "deployment",
    "design", "template", "instruction", "process", "activation", "report", "day", "target",
    "event-driven", "readme", "documentation", "docs", "manual", "setup", "tutorial",
    "сценари", "инструкци", "архитектур", "обзор", "руководств", "дизайн", "продаж",
    "описани", "документаци", "системн",
)  # fmt: skip
"""Stems of words by which a title says what kind of page it is, not which tool it is about
(``Architecture Overview``, ``Сценарий``)."""

OTHERS_WORDS = (
    "другие", "других", "другим", "другими", "остальные", "остальных", "соседние", "соседних",
    "other", "others", "the other", "remaining", "peer",
)  # fmt: skip
"""Words that name the others of a kind (``Другие узлы кластера``, ``other pods``): a
statement from one of them to the others stays inside one system."""

INSTANCE_WORDS = (
    "узел", "узлы", "нода", "под", "реплика", "экземпляр", "инстанс", "воркер", "брокер", "шард",
    "node", "pod", "replica", "instance", "worker", "broker", "member", "peer", "shard",
)  # fmt: skip
"""Words for one instance of a component: a statement from one to the others of its kind
(``Узел`` -> ``Другие узлы``) stays inside the component."""

ENGINE_PART_WORDS = frozenset({
    "webhook", "trigger", "node", "workflow", "scenario", "flow", "automation", "zap", "step",
    "вебхук", "триггер", "узел", "сценарий", "шаг",
})  # fmt: skip
"""Last words of a step's subject that name a part of the document's workflow engine
(``Webhook receives the lead``, ``Gmail Trigger fires``): the engine acts, not a system of
its own."""

MOVE_VERBS = (
    "stream", "streams", "streaming", "sync", "syncs", "syncing", "synchronize", "synchronizes",
    "replicate", "replicates", "replicating", "copy", "copies", "copying", "export", "exports",
    "exporting", "import", "imports", "importing", "load", "loads", "loading", "push", "pushes",
    "pushing", "send", "sends", "sending", "forward", "forwards", "forwarding", "migrate",
    "migrates", "migrating", "extract", "extracts", "extracting", "move", "moves", "moving",
    "capture", "captures", "capturing", "pull", "pulls", "pulling", "transfer", "transfers",
    "transferring", "fetch", "fetches", "fetching", "ingest", "ingests", "ingesting", "publish",
    "publishes", "publishing", "deliver", "delivers", "delivering", "flow", "flows", "flowing",
    "выгружает", "выгружают", "выгрузка", "передает", "передаёт", "передают", "передача",
    "копирует", "копирование", "переносит", "перенос", "загружает", "загрузка",
    "синхронизирует", "синхронизация", "отправляет", "реплицирует", "репликация",
    "поступает", "попадает", "приходит", "импортирует", "экспортирует", "пересылает",
    "публикует", "доставляет", "направляет", "транслирует",
)  # fmt: skip
"""Verbs (and their nouns) that move data: one of them, then ``from A … to B`` in one sentence,
states an edge from A to B (``stream changes from a PostgreSQL database into Apache Kafka``)."""


STAGE_WORDS = frozenset({
    "dev", "development", "test", "testing", "staging", "stage", "prod", "production", "local",
    "sandbox", "qa", "uat", "demo", "preview", "разработка", "тест", "тестовый", "прод",
    "продакшн", "продакшен", "боевой", "локально", "песочница",
})  # fmt: skip
"""Words for a stage a system runs in (``SQLite (dev) → PostgreSQL (production)``): a note of
one, not a role in an exchange."""


PEER_HEADERS = (
    "в/из", "из/в", "откуда/куда", "куда/откуда", "to/from", "from/to", "peer", "remote",
    "remote host", "other party", "удаленный узел", "удалённый узел",
)  # fmt: skip
"""Header cells of a port table naming each row's other party, the row's way told apart."""

TRAFFIC_OUT_WORDS = ("исходящ", "outbound", "outgoing", "egress", "out")
TRAFFIC_IN_WORDS = ("входящ", "inbound", "incoming", "ingress", "in")
TRAFFIC_BOTH_WORDS = (
    "оба",
    "обе",
    "в обе стороны",
    "двунаправлен",
    "both",
    "bidirectional",
    "two-way",
)
"""How a port table's direction cell says a row's way, for the component the table is of."""

NETWORK_WORDS = ("сеть", "сети", "network", "subnet", "подсеть", "vlan", "lan")
"""Heads of a network, the place traffic crosses rather than a party to it."""
