"""Integration tables (sections 2-5 and any further one): one Integration per row."""

from __future__ import annotations

import re

from flowviz.model import Details, Integration, Status
from flowviz.parse.blocks import Row, Table
from flowviz.parse.context import Context
from flowviz.parse.keywords import ColumnMap
from flowviz.parse.sections import ARROW, RawSection
from flowviz.parse.text import as_int, identifier_list, split_head, split_label, split_top, stems

_URL = re.compile(r"https?://[^\s,;)\]}>\"'`]+")
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
    table: Table,
    mapped: ColumnMap,
    section: RawSection,
    owner: str | None,
    ctx: Context,
    first_index: int,
) -> list[Integration]:
    """Every row of an integration table, in order (a row may name several receivers)."""
    out: list[Integration] = []
    owner = owner or _owner_from_header(table, mapped, ctx)
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
    mentions = ctx.registry.mentions(table.header[col].text)
    return ctx.registry.top(mentions[0].system) if mentions else None


def _row(
    row: Row, mapped: ColumnMap, section: RawSection, owner: str | None, ctx: Context, index: int
) -> list[Integration]:
    read = mapped.read(row)
    values, cells = read.values, read.columns
    label = section.label
    pair = _pair(values)
    if pair is not None:
        source, source_parts = ctx.system(pair[0], row.line, cells.get("pair", 1), label)
        targets = _targets(pair[1], row, cells, ctx, label)
    else:
        source_text = values.get("source", "") if "source" in values else values.get("fields", "")
        source, source_parts = _source(source_text, owner, row, cells, ctx, label)
        targets = _targets(values.get("target", ""), row, cells, ctx, label)
    status, justification = parse_status(values.get("status", ""))
    if status != "not_required" and _says_not_required(values.get("method", "")):
        status, justification = parse_status(values["method"])
    common = {
        "section": section.number,
        "number": as_int(values.get("number", "")),
        "line": row.line,
        "source": source,
        "source_parts": list(source_parts),
        "source_data": values.get("source", ""),
        "target_text": pair[1] if pair is not None else values.get("target", ""),
        "method": values.get("method", ""),
        "identifiers": identifier_list(values.get("identifiers", "")),
        "fields": split_top(values.get("fields", ""), ",;\n"),
        "purpose": values.get("purpose", ""),
        "details": parse_details(values.get("details", ""), read.links.get("details", ())),
        "status": status,
        "status_text": values.get("status", ""),
        "justification": justification,
        "columns": cells,
        "placeholders": read.placeholders,
    }
    section_key = section.number if section.number is not None else "x"
    return [
        Integration(
            id=f"{section_key}.{index + 1 + n}", target=target, target_parts=list(parts), **common
        )
        for n, (target, parts) in enumerate(targets)
    ]


def _pair(values: dict[str, str]) -> tuple[str, str] | None:
    """``Website → Pipedrive`` in an 'Integration' column that stands for both ends."""
    if "target" in values or not ARROW.search(values.get("pair", "")):
        return None
    left, right = ARROW.split(values["pair"], maxsplit=1)
    return left.strip(), right.strip()


def _source(
    text: str, owner: str | None, row: Row, cells: dict, ctx: Context, label: str
) -> tuple[str | None, tuple[str, ...]]:
    """The sending system: the cell's system when it names one, else the section's owner."""
    resolved = ctx.registry.resolve(text) if text else None
    if resolved is not None and resolved.system is not None:
        return resolved.system, resolved.parts
    if owner is not None:
        _, inner = split_head(text)
        named = _declared_system(inner, owner, ctx)
        if named is not None:
            return named, ()
        return owner, tuple(_parts_of(owner, inner, ctx))
    if not text:
        return None, ()
    column = cells.get("source", 1)
    return ctx.system(text, row.line, column, label)


def _declared_system(inner: str | None, owner: str, ctx: Context) -> str | None:
    """``Звонки (Mango Office)`` in analytics' table: a bracket that is just the name of
    another system section 1 declares says that system sends the data."""
    system = ctx.registry.lookup(inner) if inner else None
    if system is None or system == owner:
        return None
    draft = ctx.registry.systems[system]
    if draft.kind == "actor" or draft.line is None or ctx.registry.top(system) == owner:
        return None
    return system


def _parts_of(owner: str, inner: str | None, ctx: Context) -> list[str]:
    """Tools of ``owner`` named in a source-data bracket (``События (GA4, Meta Pixel)``)."""
    if not inner:
        return []
    names = split_top(inner, ",;/")
    hits = [ctx.registry.lookup(n) for n in names]
    if hits and all(h is not None and ctx.registry.systems[h].parent == owner for h in hits):
        return [h for h in hits if h]
    return []


def _targets(
    text: str, row: Row, cells: dict, ctx: Context, label: str
) -> list[tuple[str | None, tuple[str, ...]]]:
    """The receiving system(s) of a row; several when the cell names several groups."""
    if not text:
        return [(None, ())]
    column = cells.get("target", 1)
    resolved = ctx.registry.resolve(text)
    if resolved.system is not None and not resolved.others:
        return [(resolved.system, resolved.parts)]
    if resolved.system is not None:
        return [(resolved.system, resolved.parts)] + [(o, ()) for o in resolved.others]
    return [ctx.system(text, row.line, column, label)]


def _phrase_pattern(phrases: list[str]) -> re.Pattern[str]:
    """One pattern for several phrases, each a whole word where it starts or ends with one."""
    parts = [
        ("(?<!\\w)" if p[0].isalnum() else "")
        + re.escape(p)
        + ("(?!\\w)" if p[-1].isalnum() else "")
        for p in phrases
    ]
    return re.compile("|".join(parts))


_STATUS_PATTERNS = [(status, _phrase_pattern(words)) for status, words in STATUS_WORDS]


def parse_status(text: str) -> tuple[Status, str | None]:
    """Normalise a status cell; ``Не требуется — причина`` keeps the reason. Where several
    statuses are named the earliest wins (``Не настроено``), and a list of options
    (``Настроено / Требует настройки``) is no status at all."""
    lowered = text.lower().replace("ё", "е")
    found = {
        status: match.start()
        for status, pattern in _STATUS_PATTERNS
        if (match := pattern.search(lowered)) is not None
    }
    if "not_required" in found:
        return "not_required", _justification(text)
    if not found or (len(found) > 1 and "/" in lowered):
        return "unknown", None
    return min(found, key=lambda status: found[status]), None


def _justification(text: str) -> str | None:
    """What follows ``Не требуется`` (after a dash, colon or bracket), if anything."""
    match = re.search(
        r"(?:не требуется|not required|not needed|n/a|not applicable|не нужн\w*|не используется|"
        r"out of scope|вне рамок)\s*[—–:,(.-]*\s*(.*)$",
        text,
        re.I | re.S,
    )
    reason = match.group(1).strip().rstrip(")").strip() if match else ""
    return reason or None


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
        urls=list(dict.fromkeys([*(u.rstrip(".") for u in _URL.findall(text)), *links])),
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
