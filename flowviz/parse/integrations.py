"""Integration tables (sections 2-5 and any further one): one Integration per row."""

from __future__ import annotations

import re
from itertools import pairwise

from flowviz.model import Details, Integration, Status
from flowviz.parse.arrows import ARROW, WAYS
from flowviz.parse.blocks import Row, Table
from flowviz.parse.context import Context, Report, TablePlace
from flowviz.parse.keywords import (
    TRAFFIC_BOTH_WORDS,
    TRAFFIC_IN_WORDS,
    TRAFFIC_OUT_WORDS,
    ColumnMap,
    alternation,
)
from flowviz.parse.sections import RawSection
from flowviz.parse.systems import role_stems, synonyms
from flowviz.parse.text import (
    URL,
    as_int,
    identifier_list,
    split_head,
    split_label,
    split_top,
    stems,
    words,
)

_HTTP = re.compile(r"\b(GET|POST|PUT|PATCH|DELETE)\b")
_FORMATS = ["JSON", "XML", "CSV", "YAML", "Protobuf", "form-data", "x-www-form-urlencoded"]
_FORMAT = re.compile(
    r"(?<![\w-])(?:" + "|".join(re.escape(f) for f in _FORMATS) + r")(?![\w-])", re.I
)
_AUTH = [
    ("OAuth 2.0", re.compile(r"\boauth\s*2(?:\.0)?\b|\boauth\b", re.I)),
    ("Bearer", re.compile(r"\bbearer\b", re.I)),
    ("API key", re.compile(r"\bapi[\s_-]?key\b|\bapi[\s-]ключ|x-api-key", re.I)),
    ("Basic", re.compile(r"\bbasic\s+auth|\bauthorization:\s*basic\b", re.I)),
    ("HMAC", re.compile(r"\bhmac\b|\bsignature\b|\bподпись", re.I)),
    ("JWT", re.compile(r"\bjwt\b", re.I)),
]
STATUS_WORDS: list[tuple[Status, list[str]]] = [
    (
        "not_required",
        [
            "не требуется",
            "не нужно",
            "не нужна",
            "не используется",
            "not required",
            "not needed",
            "n/a",
            "not applicable",
            "out of scope",
            "вне рамок",
        ],
    ),
    (
        "needs_setup",
        [
            "требует настройки",
            "не настроено",
            "не настроена",
            "в работе",
            "в процессе",
            "запланировано",
            "планируется",
            "нужно настроить",
            "needs setup",
            "needs configuration",
            "not configured",
            "to do",
            "todo",
            "planned",
            "in progress",
            "pending",
            "wip",
            "требуется настройка",
            "to be configured",
            "не готово",
        ],
    ),
    (
        "configured",
        [
            "настроено",
            "настроена",
            "работает",
            "готово",
            "подключено",
            "запущено",
            "configured",
            "done",
            "live",
            "active",
            "working",
            "ready",
            "in production",
            "enabled",
            "✅",
        ],
    ),
]


def read_integration_rows(
    table: Table, mapped: ColumnMap, place: TablePlace, ctx: Context
) -> list[Integration]:
    """Every row of an integration table, in order (a row may name several receivers)."""
    section, first_index = place.section, place.done
    out: list[Integration] = []
    owner = place.owner or _owner_from_header(table, mapped, ctx)
    for row in table.rows:
        if not any(c.text for c in row.cells):
            continue
        out.extend(_row(row, mapped, section, owner, ctx, first_index + len(out)))
    return out


def _owner_from_header(table: Table, mapped: ColumnMap, ctx: Context) -> str | None:
    """``Источник данных в CRM`` names the sending system for every row."""
    col = mapped.columns.get("source")
    if col is None:
        return None
    mentions = ctx.registry.named_in(table.header[col].text)
    return ctx.registry.top(mentions[0].system) if mentions else None


def _sender_line(row: Row, mapped: ColumnMap) -> int:
    """The line of a row's edge: its sender cell's where that cell has a line of its own (an
    HTML table written one cell per line), else the row's."""
    column = mapped.columns.get("sender")
    cell = row.cells[column] if column is not None and column < len(row.cells) else None
    return cell.line if cell is not None and cell.line else row.line


def _row(
    row: Row, mapped: ColumnMap, section: RawSection, owner: str | None, ctx: Context, index: int
) -> list[Integration]:
    read = mapped.read(row)
    values, cells = read.values, read.columns
    ends = _ends(values, cells, row, owner, ctx, section.label)
    status, status_text, justification = _row_status(row, mapped, values)
    common = {
        "section": section.number,
        "number": as_int(values.get("number", "")),
        "line": _sender_line(row, mapped),
        "source_data": values.get("source", ""),
        "method": values.get("method", ""),
        "identifiers": identifier_list(values.get("identifiers", "")),
        "fields": split_top(values.get("fields", ""), ",;\n"),
        "purpose": values.get("purpose", ""),
        "details": parse_details(values.get("details", ""), read.links.get("details", ())),
        "status": status,
        "status_text": status_text,
        "justification": justification,
        "columns": cells,
        "placeholders": read.placeholders,
    }
    section_key = section.number if section.number is not None else "x"
    targets = [
        (source, parts, target, target_parts, text)
        for source, parts, receivers, text in ends
        for target, target_parts in receivers
    ]
    return [
        Integration(
            id=f"{section_key}.{index + 1 + n}",
            source=source,
            source_parts=list(parts),
            target=target,
            target_parts=list(target_parts),
            target_text=text,
            **common,
        )
        for n, (source, parts, target, target_parts, text) in enumerate(targets)
    ]


Ends = list[tuple[str | None, tuple[str, ...], list[tuple[str | None, tuple[str, ...]]], str]]
"""(sender, its parts, receivers with their parts, the receiver as written) of each edge."""


def _ends(
    values: dict[str, str], cells: dict, row: Row, owner: str | None, ctx: Context, label: str
) -> Ends:
    """The edges a row states: one sender and its receivers, or each hop of an ``A → B → C``
    column that stands for both ends."""
    hops = _pair_hops(values)
    if hops:
        column = cells.get("pair", 1)
        return [
            (*ctx.system(a, row.line, column, label), _targets(b, row, cells, ctx, label), b)
            for a, b in hops
        ]
    if _names_no_way(values):
        return [(None, (), [(None, ())], "")]  # ``Flows: `U1` | Data crossing: Session …``
    source_text = values.get("source", "") if "source" in values else values.get("fields", "")
    receivers = _targets(values.get("target", ""), row, cells, ctx, label)
    if not values.get("sender"):
        source, source_parts = _source(source_text, owner, row, cells, ctx, label)
        return [(source, source_parts, receivers, values.get("target", ""))]
    senders = _cell_systems(values["sender"], row, cells["sender"], ctx, label)
    target = values.get("target", "")
    return [
        (source, _with_tools(source, parts, source_text, ctx), receivers, target)
        for source, parts in senders
    ]


def _names_no_way(values: dict[str, str]) -> bool:
    """Whether a row's direction cell, the table's only way to its ends, holds no arrow and no
    way of traffic (``Outbound``) but names something else (flows ``U1``, ``U2``): the row's
    other cells (the data crossing) name no sender."""
    if "pair" not in values or {"sender", "target"} & values.keys():
        return False
    way = values["pair"].strip()
    return bool(way) and _TRAFFIC.fullmatch(way) is None


_TRAFFIC = re.compile(
    alternation((*TRAFFIC_OUT_WORDS, *TRAFFIC_IN_WORDS, *TRAFFIC_BOTH_WORDS), stems_only=True)
    + r"\w*(?:\s+\w+)?",
    re.IGNORECASE,
)
"""A direction cell of a port table: the way of the traffic (``Outbound``, ``Входящий``)."""


def _with_tools(
    source: str | None, parts: tuple[str, ...], text: str, ctx: Context
) -> tuple[str, ...]:
    """A sender's tools: those its cell names, else those its source-data ``text`` names."""
    if source is None or parts:
        return parts
    return tuple(_tools_named(source, text, ctx))


def _pair_hops(values: dict[str, str]) -> list[tuple[str, str]]:
    """The (sender, receiver) hops of an 'Integration' column that stands for both ends:
    ``A → B → C`` is two, ``A ← B`` is B to A, ``A ↔ B`` one each way; none when the table
    has a receiver column.

    >>> _pair_hops({"pair": "Klaviyo → BigQuery → Looker Studio"})
    [('Klaviyo', 'BigQuery'), ('BigQuery', 'Looker Studio')]
    >>> _pair_hops({"pair": "CRM <-> Site"})
    [('CRM', 'Site'), ('Site', 'CRM')]
    >>> _pair_hops({"pair": "BC -> Sales и Sales -> BC; note"})
    [('BC', 'Sales'), ('Sales', 'BC')]
    """
    if "target" in values:
        return []
    hops: list[tuple[str, str]] = []
    for statement in _STATEMENTS.split(values.get("pair", "")):
        ends = [part.strip() for part in ARROW.split(statement)]
        ways = [WAYS[m.group()] for m in ARROW.finditer(statement)]
        for (a, b), way in zip(pairwise(ends), ways, strict=True):
            if a and b and not _common_noun(a) and not _common_noun(b):
                hops += [(a, b)] if way != "back" else []
                hops += [(b, a)] if way != "forward" else []
    return hops


def rows_with_an_end(rows: list[Integration], report: Report) -> list[Integration]:
    """The rows that name a system at one end at least; a row naming none (a direction cell
    between two common nouns, ``интернет-магазина → внешнюю систему``) is reported (FV105),
    not read."""
    for row in rows:
        if row.source is None and row.target is None:
            report.add(
                "FV105",
                "warning",
                row.line,
                "a row of an integration table names no system at either end; not read",
                hint="name the systems (a product, a component or a role such as CRM)",
            )
    return [row for row in rows if row.source is not None or row.target is not None]


def _common_noun(end: str) -> bool:
    """An end written in lower case that is no role word (``форма согласия``): a thing
    shown or done, not a system.

    >>> _common_noun("форма согласия"), _common_noun("сайт"), _common_noun("amoCRM")
    (True, False, False)
    """
    if not _LOWER_WORDS.fullmatch(end):
        return False  # a capital, digit or mark (``amoCRM``, ``prod_short``): a name
    return stems(end) not in role_stems()


_LOWER_WORDS = re.compile(r"[^\W\d_A-ZА-ЯЁ]+(?:[\s-]+[^\W\d_A-ZА-ЯЁ]+)*")


_STATEMENTS = re.compile(r"\s+(?:и|and)\s+|;|\n")
"""What separates two arrow statements in one cell: ``A -> B и B -> A``, ``A → B; C → D``, a
line break (a note on a line of its own has no arrow and gives no hop)."""


def _source(
    text: str, owner: str | None, row: Row, cells: dict, ctx: Context, label: str
) -> tuple[str | None, tuple[str, ...]]:
    """The sending system: the cell's system when the whole cell names one, else the
    section's owner (with the tools of its group the cell names)."""
    if owner is None:
        if not text:
            return None, ()
        return ctx.system(text, row.line, cells.get("source", 1), label)
    resolved = _whole_name(text, ctx)
    if resolved is not None:
        return resolved
    head, inner = split_head(text)
    labelled = split_label(head)
    for name in (inner, labelled[0] if labelled else None):
        named = _declared_system(name, owner, ctx)
        if named is not None:
            return named, ()
    return owner, tuple(_tools_named(owner, text, ctx))


def _whole_name(text: str, ctx: Context) -> tuple[str, tuple[str, ...]] | None:
    """The system (and tools) a source cell names when the cell, but for a bracket, is
    nothing but names: ``Calendly``, ``Analytics (GA4)``; not ``Виджет онлайн-записи``,
    where one word is a system's role label and the other is data."""
    resolved = ctx.registry.resolve(text) if text else None
    if resolved is None or resolved.system is None:
        return None
    head, _ = split_head(text)
    spans = [(m.start, m.end) for m in ctx.registry.mentions(head, actors=False)]
    loose = [w for w in words(head) if w.stem not in _JOINERS]
    if spans and not all(any(a <= w.start and w.end <= b for a, b in spans) for w in loose):
        return None
    return resolved.system, resolved.parts


_JOINERS = frozenset(stems("и или and or"))
"""Words that join the names of a cell (``GA4 и Метрика``) and name nothing themselves."""


def _declared_system(name: str | None, owner: str, ctx: Context) -> str | None:
    """``Звонки (Mango Office)`` or ``Mango Office: звонки`` in analytics' table: a bracket or
    a label that is just the name of another system section 1 declares says that system
    sends the data."""
    system = ctx.registry.lookup(name) if name else None
    if system is None or system == owner:
        return None
    draft = ctx.registry.systems[system]
    if draft.kind == "actor" or draft.line is None or ctx.registry.top(system) == owner:
        return None
    return system


def _tools_named(group: str, text: str, ctx: Context) -> list[str]:
    """Tools of ``group`` a source-data cell names anywhere, in the order named
    (``События (GA4, Meta Pixel)``, ``Яндекс Метрика: визиты``, ``GA4 events export``,
    ``Звонки (коллтрекинг Calltouch)``). Only looks: names no tool is known by stay data."""
    have = stems(text)
    found: list[tuple[int, str]] = []
    for tool in ctx.registry.systems.values():
        if tool.parent != group:
            continue
        forms = {tool.name, tool.product or "", *tool.aliases, *synonyms(tool.name)}
        at = [_find(have, stems(form)) for form in forms if form]
        hits = [i for i in at if i is not None]
        if hits:
            found.append((min(hits), tool.id))
    return [tool for _, tool in sorted(found)]


def _find(have: tuple[str, ...], want: tuple[str, ...]) -> int | None:
    """Where the words ``want`` stand together in ``have``, if they do."""
    if not want:
        return None
    return next(
        (i for i in range(len(have) - len(want) + 1) if have[i : i + len(want)] == want), None
    )


def _targets(
    text: str, row: Row, cells: dict, ctx: Context, label: str
) -> list[tuple[str | None, tuple[str, ...]]]:
    """The receiving system(s) of a row; several when the cell names several groups."""
    return _cell_systems(text, row, cells.get("target", 1), ctx, label)


def _cell_systems(
    text: str, row: Row, column: int, ctx: Context, label: str
) -> list[tuple[str | None, tuple[str, ...]]]:
    """The systems a sender or receiver cell names, each with the tools named with it:
    several when it names several groups, or a product no system has yet beside a known one
    (``MixPlat/CloudPayment``)."""
    if not text:
        return [(None, ())]
    resolved = ctx.registry.resolve(text)
    if resolved.system is not None and not resolved.others and not resolved.unnamed:
        return [(resolved.system, resolved.parts)]
    if resolved.system is not None:
        unnamed = [ctx.unknown_system(n, row.line, column, label) for n in resolved.unnamed]
        others = [*resolved.others, *unnamed]
        return [(resolved.system, resolved.parts)] + [(o, ()) for o in others]
    return [ctx.system(text, row.line, column, label)]


def _phrase_pattern(phrases: list[str], flags: int = 0) -> re.Pattern[str]:
    """One pattern for several phrases, each a whole word where it starts or ends with one."""
    parts = [
        ("(?<!\\w)" if p[0].isalnum() else "")
        + re.escape(p)
        + ("(?!\\w)" if p[-1].isalnum() else "")
        for p in phrases
    ]
    return re.compile("|".join(parts), flags)


_STATUS_PATTERNS = [(status, _phrase_pattern(words)) for status, words in STATUS_WORDS]


def parse_status(text: str) -> tuple[Status, str | None]:
    """Normalise a status cell; ``Не требуется — причина`` keeps the reason. Where several
    statuses are named the earliest wins (``Не настроено``), and a list of options
    (``Настроено / Требует настройки``) is no status at all."""
    lowered = text.lower().replace("ё", "е")
    found: dict[Status, int] = {}
    for (status, pattern), (_, phrases) in zip(_STATUS_PATTERNS, STATUS_WORDS, strict=True):
        # a phrase the pattern finds is in the text as it is: look for one before the regex
        if any(map(lowered.__contains__, phrases)) and (match := pattern.search(lowered)):
            found[status] = match.start()
    if "not_required" in found:
        return "not_required", _justification(text)
    if not found or (len(found) > 1 and "/" in lowered):
        return "unknown", None
    return min(found, key=lambda status: found[status]), None


_NOT_REQUIRED = _phrase_pattern(dict(STATUS_WORDS)["not_required"], re.IGNORECASE)
_AFTER_PHRASE = re.compile(r"^\s*[—–:,(.-]*\s*(.*)$", re.S)
_LEADING_REASON = re.compile(r"\s*[—–:-]\s*(\S.*)$", re.S)
REASON_MIN_WORDS = 3
"""Words a cell needs beside its 'not required' phrase to be a reason on its own
(``Сообщения отправляет Fitbase напрямую, дублировать не нужно``; not ``Пока не нужно``)."""


def _phrase(text: str) -> re.Match[str] | None:
    """Where ``text`` says 'not required' ('не требуется', 'not needed', ...), if it does."""
    return _NOT_REQUIRED.search(text.replace("ё", "е").replace("Ё", "Е"))


def _justification(text: str) -> str | None:
    """What follows ``Не требуется`` (after a dash, colon or bracket), if anything."""
    match = _phrase(text)
    if match is None:
        return None
    after = _AFTER_PHRASE.match(text[match.end() :])
    reason = after.group(1).strip().rstrip(")").strip() if after else ""
    return reason or None


def _status_reason(text: str) -> str | None:
    """The reason a status cell gives: what follows 'Не требуется', else the whole cell when
    it is a sentence ending in the phrase (``..., дублировать из Битрикс24 не нужно``)."""
    reason = _justification(text)
    if reason is not None:
        return reason
    match = _phrase(text)
    if match is not None and len(words(text[: match.start()])) >= REASON_MIN_WORDS:
        return text.strip()
    return None


def _cell_reason(text: str) -> str | None:
    """The reason another cell of a 'not required' row gives when it says so itself: the
    words after a leading ``Not needed:`` / ``Не нужно —``, else the whole cell as written
    (``Not needed in phase 1: ...``, ``В первой фазе не нужно: ...``), if it says more than
    the phrase."""
    match = _phrase(text)
    if match is None:
        return None
    before, after = text[: match.start()], text[match.end() :]
    lead = _LEADING_REASON.match(after)
    if not before.strip() and lead is not None:
        return lead.group(1).strip()
    return text.strip() if len(words(before) + words(after)) >= REASON_MIN_WORDS else None


_NOT_TEXT = frozenset({"number", "source", "sender", "target", "pair", "identifiers"})
"""Fields whose cells name systems, numbers or identifiers: never a status or a reason."""


def _row_status(
    row: Row, mapped: ColumnMap, values: dict[str, str]
) -> tuple[Status, str, str | None]:
    """The row's status, the text it was read from and, when not required, why.

    The status cell rules; the method cell's 'Не требуется' overrides a status that is not
    'not required'. In a short row whose status cell is one of the missing cells, a cell that
    holds only a status word (``Настроено`` left in the details column) is the status. The
    reason of a 'not required' row: the status cell's own (after a dash, or the cell is a
    sentence around the phrase); else the first cell that says 'not needed' with a reason
    (``Not needed: ...`` in the purpose or details column); else, for a status word left in
    another cell of a short row, the next filled cell after it."""
    text = values.get("status", "")
    status, justification = parse_status(text)
    if status == "not_required" and justification is None:
        justification = _status_reason(text)
    fields = sorted(
        (index, name)
        for name, index in mapped.columns.items()
        if name not in _NOT_TEXT and name != "status"
    )
    moved: int | None = None
    if status != "not_required" and _says_not_required(values.get("method", "")):
        text = values["method"]
        status, justification = parse_status(text)
        moved = mapped.columns["method"]
    elif _status_missing(row, mapped) and not text:
        for index, name in reversed(fields):
            word = _status_word(values.get(name, ""))
            if word is not None:
                text, (status, justification), moved = values[name], word, index
                break
    if status != "not_required" or justification is not None:
        return status, text, justification
    for index, name in fields:
        reason = _cell_reason(values.get(name, "")) if index != moved else None
        if reason is not None:
            return status, text, reason
    if moved is not None and _status_missing(row, mapped):
        after = [values.get(name, "") for index, name in fields if index > moved]
        justification = next((cell for cell in after if cell.strip()), None)
    return status, text, justification


def _status_missing(row: Row, mapped: ColumnMap) -> bool:
    """The row is short and its status cell is one of the cells it lacks."""
    index = mapped.columns.get("status")
    return index is not None and index >= len(row.raw_cells)


def _status_word(text: str) -> tuple[Status, str | None] | None:
    """The status a cell holds when it is nothing but a status word (``Настроено``,
    ``Configured``), or 'not required' with its reason after a dash."""
    lowered = text.strip().lower().replace("ё", "е")
    for status, pattern in _STATUS_PATTERNS:
        match = pattern.match(lowered)
        if match is None:
            continue
        rest = lowered[match.end() :].strip(" .!")
        if not rest:
            return status, None
        if status == "not_required" and rest[:1] in "—–:-(":
            return status, _justification(text)
    return None


def _says_not_required(text: str) -> bool:
    return parse_status(text)[0] == "not_required"


def parse_details(text: str, links: tuple[str, ...] = ()) -> Details:
    """Read URLs (written out or linked), HTTP method, format, auth scheme and trigger out of a
    details cell."""
    if not text and not links:
        return Details()
    http = _HTTP.search(text)
    named = _FORMAT.search(text)
    data_format = next(f for f in _FORMATS if f.lower() == named.group().lower()) if named else None
    auth = next((name for name, pattern in _AUTH if pattern.search(text)), None)
    trigger = _trigger(text)
    return Details(
        text=text,
        urls=list(dict.fromkeys([*(u.rstrip(".") for u in URL.findall(text)), *links])),
        http_method=http.group(1) if http else None,
        format=data_format,
        auth=auth,
        trigger=trigger,
    )


def _trigger(text: str) -> str | None:
    for part in split_top(text, ",;\n"):
        labelled = split_label(part)
        if labelled and stems(labelled[0])[:1] in (("триггер",), ("trigger",), ("запуск",)):
            return labelled[1] or None
    return None
