"""Sections 8 and 9 and the checklist: requirements with their figures, test stages, boxes."""

from __future__ import annotations

import re

from flowviz.model import ChecklistItem, Requirement, TestStage
from flowviz.parse.blocks import ListBlock, Paragraph, Table, flatten
from flowviz.parse.context import Context, TablePlace
from flowviz.parse.keywords import IMPORTANT_WORDS, ColumnMap, alternation, pattern_score
from flowviz.parse.sections import ARROW, RawSection
from flowviz.parse.text import as_int, checkbox, fill, leading_number, split_label, stems

REQUIREMENT_KEYS: dict[str, list[str]] = {
    "timeout": [
        "таймаут",
        "тайм-аут",
        "таймаут запросов",
        "время ответа",
        "timeout",
        "request timeout",
    ],
    "retries": ["повторные попытки", "повтор", "ретраи", "retries", "retry", "retry policy"],
    "throughput": ["пропускная способность", "нагрузка", "throughput", "rps", "rpm", "capacity"],
    "latency": ["задержка", "задержка передачи данных", "latency", "delay", "data delay"],
    "success_rate": [
        "надежность",
        "доступность",
        "успешных запросов",
        "reliability",
        "success rate",
        "availability",
        "uptime",
    ],
    "alert_threshold": ["алерты", "оповещения", "уведомления", "alerts", "alert", "alerting"],
    "format": ["формат данных", "формат", "data format", "format"],
    "auth": ["аутентификация", "метод аутентификации", "авторизация", "authentication", "auth"],
    "error_handling": ["обработка ошибок", "error handling", "errors"],
    "security": ["безопасность", "security"],
    "logging": ["логирование", "журналирование", "logging", "logs"],
    "dashboard": ["дашборд", "панель мониторинга", "dashboard"],
}
GROUPS = {
    "performance": ["производительность", "performance"],
    "monitoring": ["мониторинг", "monitoring", "observability"],
    "general": ["общие", "general", "технические требования", "technical requirements"],
}
_IMPORTANT = re.compile(alternation(IMPORTANT_WORDS), re.IGNORECASE)
_NUMBER = r"(\d+(?:[.,]\d+)?)"
_LESS = re.compile(
    r"≤|<=|<|не более|не больше|до\b|не выше|максимум|at most|max\w*|under|below|"
    r"no more than|up to|within",
    re.I,
)
_MORE = re.compile(
    r"≥|>=|>|не менее|не меньше|от\b|минимум|at least|min\w*|over|above|no less than", re.I
)
_UNITS: list[tuple[re.Pattern[str], str, float]] = [
    (re.compile(r"^\s*(?:мс|ms|миллисекунд\w*|milliseconds?)", re.I), "s", 0.001),
    (
        re.compile(
            r"^\s*(?:запрос\w*|requests?|req|events?|событи\w*)?\s*(?:/|в|per|an?)\s*(?:мин\w*|min\w*)",
            re.I,
        ),
        "per_minute",
        1.0,
    ),
    (re.compile(r"^\s*(?:rpm)", re.I), "per_minute", 1.0),
    (
        re.compile(
            r"^\s*(?:запрос\w*|requests?|req|events?|событи\w*)?\s*(?:/|в|per|an?)\s*(?:сек\w*|s\b|sec\w*|second)",
            re.I,
        ),
        "per_minute",
        60.0,
    ),
    (re.compile(r"^\s*(?:rps)", re.I), "per_minute", 60.0),
    (re.compile(r"^\s*%"), "percent", 1.0),
    (re.compile(r"^\s*(?:сек\w*|с\b|s\b|sec\w*|seconds?)", re.I), "s", 1.0),
    (re.compile(r"^\s*(?:мин\w*|min\w*)", re.I), "s", 60.0),
    (re.compile(r"^\s*(?:час\w*|h\b|hours?)", re.I), "s", 3600.0),
    (re.compile(r"^\s*(?:попыт\w*|attempts?|retries|times|раз\w*)", re.I), "count", 1.0),
]


def read_requirements(section: RawSection, ctx: Context) -> list[Requirement]:
    """Every requirement item of section 8 (lists, or a parameter | value table)."""
    out: list[Requirement] = []
    group = "general"
    skipping = False
    for block in section.blocks:
        if isinstance(block, Paragraph) and block.strong:
            skipping = bool(_IMPORTANT.search(block.text))
            group = _group(block.text) or group
        elif isinstance(block, ListBlock) and not skipping:
            out.extend(_requirement(item.text, item.line, group) for item in flatten(block.items))
    return out


def requirements_from_table(
    table: Table, mapped: ColumnMap, place: TablePlace, ctx: Context
) -> list[Requirement]:
    """A ``parameter | value`` table of section 8 (its place and the context are not needed:
    the signature is every table reader's)."""
    label_col, value_col = mapped.columns["label"], mapped.columns["value"]
    out = []
    for row in table.rows:
        label = row.cells[label_col].text
        value = row.cells[value_col].text
        if label or value:
            out.append(_requirement(f"{label}: {value}", row.line, "general"))
    return out


def _group(text: str) -> str | None:
    text_stems = stems(text)
    scores = {g: pattern_score(text_stems, patterns) for g, patterns in GROUPS.items()}
    best = max(scores, key=lambda g: scores[g])
    return best if scores[best] else None


def _requirement(text: str, line: int, group: str) -> Requirement:
    labelled = split_label(text)
    label, value = labelled if labelled else ("", text)
    filled, placeholder = fill(value)
    key = _key(label or re.split(r"[(,;:]", text, maxsplit=1)[0])
    figures = _figures(key, filled if labelled else text)
    return Requirement(
        key=key,
        group=group,
        label=label,
        text=filled if labelled else text,
        line=line,
        placeholders=["text"] if placeholder else [],
        **figures,
    )


def _key(text: str) -> str:
    text_stems = stems(text)
    scores = {k: pattern_score(text_stems, p) for k, p in REQUIREMENT_KEYS.items()}
    best = max(scores, key=lambda k: scores[k])
    return best if scores[best] else "other"


def _figures(key: str, text: str) -> dict:
    """Comparator, value (base units) and unit; retry delays; alert window."""
    if key not in {
        "timeout",
        "retries",
        "throughput",
        "latency",
        "success_rate",
        "alert_threshold",
    }:
        return {}
    main = re.split(r"\(", text, maxsplit=1)[0] if key == "retries" else text
    match = re.search(_NUMBER, main)
    if not match:
        return {}
    value = float(match.group(1).replace(",", "."))
    unit, factor = _unit(main[match.end() :], key)
    figures: dict = {
        "comparator": _comparator(main[: match.start()], key),
        "value": round(value * factor, 6),
        "unit": unit,
    }
    if key == "retries":
        figures["unit"] = "count"
        figures["backoff"] = _backoff(text[len(main) :])
    if key == "alert_threshold":
        figures["window"] = _window(text[match.end() :])
    return figures


def _unit(rest: str, key: str) -> tuple[str | None, float]:
    for pattern, unit, factor in _UNITS:
        if pattern.match(rest):
            return unit, factor
    defaults = {"timeout": "s", "latency": "s", "retries": "count", "throughput": "per_minute"}
    return defaults.get(key), 1.0


def _comparator(before: str, key: str) -> str:
    if _LESS.search(before):
        return "<="
    if _MORE.search(before):
        return ">="
    return "="


def _backoff(text: str) -> list[float]:
    delays = []
    for match in re.finditer(_NUMBER, text):
        _, factor = _unit(text[match.end() :], "timeout")
        delays.append(round(float(match.group(1).replace(",", ".")) * factor, 6))
    return delays


def _window(text: str) -> float | None:
    match = re.search(r"(?:за|в течение|within|over|in|per|during)\s+" + _NUMBER, text, re.I)
    if not match:
        return None
    _, factor = _unit(text[match.end() :], "timeout")
    return round(float(match.group(1).replace(",", ".")) * factor, 6)


def read_tests(table: Table, mapped: ColumnMap, place: TablePlace, ctx: Context) -> list[TestStage]:
    """Rows of the test-plan table (its place is not needed: the signature is every table
    reader's)."""
    out = []
    for row in table.rows:
        read = mapped.read(row)
        values, placeholders, cols = read.values, read.placeholders, read.columns
        if not any(values.values()):
            continue
        systems_text = values.get("systems", "")
        out.append(
            TestStage(
                number=as_int(values.get("number", "")),
                name=values.get("name", ""),
                systems=_systems(systems_text, ctx),
                systems_text=systems_text,
                criteria=values.get("criteria", ""),
                owner=values.get("owner", ""),
                due=values.get("due", ""),
                line=row.line,
                columns=cols,
                placeholders=placeholders,
            )
        )
    return out


def _systems(text: str, ctx: Context) -> list[str]:
    ids: list[str] = []
    for stage in ARROW.split(text):
        for mention in ctx.registry.named_in(stage):
            top = ctx.registry.top(mention.system)
            if top not in ids:
                ids.append(top)
    return ids


def read_checklist(section: RawSection, ctx: Context) -> list[ChecklistItem]:
    """The checklist's boxes and the section each names (the context is not needed: the
    signature is every section reader's)."""
    out = []
    for block in section.blocks:
        if not isinstance(block, ListBlock):
            continue
        for item in flatten(block.items):
            checked, text = checkbox(item.text)
            if checked is None:
                continue
            number = re.search(r"(?:раздел|section|§)\s*(\d+)", text, re.I)
            if number is None:
                number_value, _ = leading_number(text)
            else:
                number_value = int(number.group(1))
            out.append(
                ChecklistItem(text=text, checked=checked, section=number_value, line=item.line)
            )
    return out
