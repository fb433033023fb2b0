"""The HTML report's tables: systems, integrations, identifiers, sync rules, bindings, flow
steps and findings, each row carrying the systems it names for the page's system filter.

Cells are HTML built here from escaped text only (``html_quoting.escape``); a row's
``data-systems`` holds generated system ids. A row of an integration, step or rule gets the
anchor ``line-<n>`` that the findings link to.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import NamedTuple

from flowviz.model import Diagnostic, Flow, Integration, Map
from flowviz.render.html_quoting import escape
from flowviz.render.html_words import say
from flowviz.wording import Language


class Column(NamedTuple):
    """A table column."""

    key: str
    """Its word (``html_words.say``)."""
    numeric: bool = False
    """Right-aligned and narrow (numbers, lines)."""
    optional: bool = False
    """Left out when every cell is empty."""


class Row(NamedTuple):
    """A table row of finished cells."""

    cells: tuple[str, ...]
    """HTML of each cell, made from escaped text."""
    systems: tuple[str, ...] | None
    """Ids of the systems it names; None when the system filter does not apply to it."""
    anchor: str | None = None
    """Its ``id`` (``line-<n>``), if findings link to it."""


def table(columns: Sequence[Column], rows: Sequence[Row], language: Language, empty: str) -> str:
    """A table of ``rows`` (or the ``empty`` word when there are none)."""
    if not rows:
        return f'<p class="empty">{escape(say(language, empty))}</p>'
    kept = [
        index
        for index, column in enumerate(columns)
        if not column.optional or any(row.cells[index] for row in rows)
    ]
    head = "".join(
        f"<th{_numeric(columns[i])}>{escape(say(language, columns[i].key))}</th>" for i in kept
    )
    body = "\n".join(_row(row, [columns[i] for i in kept], kept) for row in rows)
    return f"<table>\n<thead><tr>{head}</tr></thead>\n<tbody>\n{body}\n</tbody>\n</table>"


def _numeric(column: Column) -> str:
    return ' class="n"' if column.numeric else ""


def _row(row: Row, columns: list[Column], kept: list[int]) -> str:
    attrs = ' data-row=""'
    if row.anchor:
        attrs += f' id="{escape(row.anchor)}"'
    if row.systems is not None:
        attrs += f' data-systems="{escape(" ".join(row.systems))}"'
    cells = "".join(
        f"<td{_numeric(column)}>{row.cells[i]}</td>"
        for column, i in zip(columns, kept, strict=True)
    )
    return f"<tr{attrs}>{cells}</tr>"


def codes(names: Iterable[str]) -> str:
    """Identifiers as code, comma-separated."""
    return ", ".join(f"<code>{escape(name)}</code>" for name in names)


def sub(text: str) -> str:
    """A smaller second line under a cell's text."""
    return f'<div class="sub">{escape(text)}</div>' if text else ""


class Tables:
    """The tables of one model."""

    def __init__(self, model: Map) -> None:
        self.model = model
        self.language = model.language
        self.names = {system.id: system.name for system in model.systems}
        self.parents = {system.id: system.parent for system in model.systems if system.parent}
        self.by_line: dict[int, tuple[str, ...]] = {}
        for row in model.integrations:
            self.by_line.setdefault(row.line, self._involved(_ends(row)))
        for rule in model.id_rules:
            self.by_line.setdefault(rule.line, self._involved(_ends(rule)))
        for flow in model.flows:
            for step in flow.steps:
                self.by_line.setdefault(step.line, self._involved(_ends(step)))

    def _involved(self, ids: Iterable[str | None]) -> tuple[str, ...]:
        """The systems named, each followed by its group."""
        out: list[str] = []
        for key in ids:
            if key:
                out += [key, self.parents.get(key, "")]
        return tuple(key for key in dict.fromkeys(out) if key)

    def _system(self, key: str | None, parts: Sequence[str], written: str = "") -> str:
        """A system's name with the tools of it the row names: ``Analytics (GA4, VK Pixel)``."""
        if key is None:
            return escape(written or "—")
        name = self.names.get(key, key)
        if parts:
            name += " (" + ", ".join(self.names.get(p, p) for p in parts) + ")"
        return escape(name)

    def _table(self, columns: Sequence[Column], rows: Sequence[Row], empty: str = "no_rows") -> str:
        return table(columns, rows, self.language, empty)

    def systems(self) -> str:
        """Section 1's systems and the actors of the flows."""
        rows = [
            Row(
                (
                    escape(s.name),
                    escape(say(self.language, s.kind)),
                    escape(s.product or ""),
                    escape(s.url or ""),
                    codes(s.ids),
                    str(s.line or ""),
                ),
                self._involved([s.id]),
            )
            for s in self.model.systems
        ]
        return self._table(SYSTEM_COLUMNS, rows)

    def integrations(self, rows: Sequence[Integration]) -> str:
        """The rows of one integration section, every column."""
        return self._table(INTEGRATION_COLUMNS, [self._integration(row) for row in rows])

    def _integration(self, row: Integration) -> Row:
        details = row.details.text
        folded = (
            f"<details><summary>{escape(say(self.language, 'details'))}</summary>"
            f"{escape(details)}</details>"
            if details
            else ""
        )
        cells = (
            escape(row.id),
            self._system(row.source, row.source_parts),
            self._system(row.target, row.target_parts, row.target_text),
            escape(row.source_data) + sub(", ".join(row.fields)),
            escape(row.method),
            codes(row.identifiers),
            escape(row.purpose) + folded,
            self._status(row),
            str(row.line),
        )
        return Row(cells, self.by_line[row.line], f"line-{row.line}")

    def _status(self, row: Integration) -> str:
        chip = f'<span class="chip s-{row.status}">{escape(say(self.language, row.status))}</span>'
        return chip + sub(row.justification or "")

    def identifiers(self) -> str:
        """Section 6's identifiers with section 10's schema of each."""
        touching = self._identifier_systems()
        rows = [
            Row(
                (
                    codes([i.name]),
                    self._system(i.owner, (), i.owner_text),
                    escape(i.description),
                    escape(i.format),
                    escape(i.uniqueness),
                    escape(i.rules),
                    escape(i.bindings),
                    str(i.line),
                ),
                self._involved([i.owner, *touching.get(i.name, ())]),
            )
            for i in self.model.identifiers
        ]
        return self._table(IDENTIFIER_COLUMNS, rows)

    def _identifier_systems(self) -> dict[str, list[str | None]]:
        """Identifier -> the systems whose rows or rules carry it."""
        out: dict[str, list[str | None]] = {}
        for row in self.model.integrations:
            for name in row.identifiers:
                out.setdefault(name, []).extend(_ends(row))
        for rule in self.model.id_rules:
            for name in (*rule.source_ids, *rule.target_ids):
                out.setdefault(name, []).extend(_ends(rule))
        return out

    def id_rules(self) -> str:
        """Section 6's sync rules."""
        rows = [
            Row(
                (
                    self._system(r.source, r.source_parts),
                    codes(r.source_ids),
                    self._system(r.target, r.target_parts),
                    codes(r.target_ids),
                    escape(r.method),
                    escape(r.priority),
                    str(r.line),
                ),
                self.by_line[r.line],
                f"line-{r.line}",
            )
            for r in self.model.id_rules
        ]
        return self._table(RULE_COLUMNS, rows)

    def bindings(self) -> str:
        """Section 10's binding rules."""
        rows = [
            Row(
                (
                    str(b.number or ""),
                    escape(b.title) + "".join(sub(item) for item in b.items),
                    codes(b.identifiers),
                    str(b.line),
                ),
                None,
            )
            for b in self.model.bindings
        ]
        return self._table(BINDING_COLUMNS, rows)

    def steps(self, flow: Flow) -> str:
        """A flow's numbered steps."""
        created = say(self.language, "created")
        rows = [
            Row(
                (
                    str(s.number),
                    escape(s.text) + "".join(sub(note) for note in s.notes),
                    self._system(s.source, s.source_parts),
                    self._system(s.target, s.target_parts),
                    escape(s.method or ""),
                    codes(s.identifiers) + sub(_listed(created, s.created)),
                    str(s.line),
                ),
                self.by_line[s.line],
                f"line-{s.line}",
            )
            for s in flow.steps
        ]
        return self._table(STEP_COLUMNS, rows)

    def findings(self, findings: Sequence[Diagnostic]) -> str:
        """The check's and the pictures' findings, with their lines."""
        rows = [
            Row(
                (
                    self._severity(f),
                    f"<code>{escape(f.code)}</code>",
                    self._line_link(f.line),
                    escape(f.message),
                    escape(f.hint or ""),
                ),
                self.by_line.get(f.line),
            )
            for f in findings
        ]
        return self._table(FINDING_COLUMNS, rows, "no_findings")

    def _severity(self, finding: Diagnostic) -> str:
        word = escape(say(self.language, finding.severity))
        return f'<span class="sev {escape(finding.severity)}">{word}</span>'

    def _line_link(self, line: int) -> str:
        if line in self.by_line:
            return f'<a href="#line-{line}">{line}</a>'
        return str(line)


def _listed(label: str, names: Sequence[str]) -> str:
    """``label: a, b`` when there are names, else nothing."""
    return f"{label}: {', '.join(names)}" if names else ""


def _ends(item: object) -> list[str | None]:
    """The systems an integration, rule or step names at either end, tools included."""
    return [
        getattr(item, "source", None),
        *getattr(item, "source_parts", ()),
        getattr(item, "target", None),
        *getattr(item, "target_parts", ()),
    ]


LINE = Column("line_column", numeric=True)
SYSTEM_COLUMNS = (
    Column("name"),
    Column("kind"),
    Column("product", optional=True),
    Column("url", optional=True),
    Column("ids", optional=True),
    LINE,
)
INTEGRATION_COLUMNS = (
    Column("number", numeric=True),
    Column("sender"),
    Column("receiver"),
    Column("data"),
    Column("method"),
    Column("identifiers_fact"),
    Column("purpose"),
    Column("status"),
    LINE,
)
IDENTIFIER_COLUMNS = (
    Column("identifier"),
    Column("id_owner"),
    Column("description", optional=True),
    Column("format", optional=True),
    Column("uniqueness", optional=True),
    Column("sync", optional=True),
    Column("bindings", optional=True),
    LINE,
)
RULE_COLUMNS = (
    Column("source_system"),
    Column("source_ids"),
    Column("target_system"),
    Column("target_ids"),
    Column("method"),
    Column("priority"),
    LINE,
)
BINDING_COLUMNS = (
    Column("number", numeric=True),
    Column("binding"),
    Column("identifiers_fact"),
    LINE,
)
STEP_COLUMNS = (
    Column("step", numeric=True),
    Column("what_happens"),
    Column("sender"),
    Column("receiver"),
    Column("method"),
    Column("identifiers_fact"),
    LINE,
)
FINDING_COLUMNS = (
    Column("severity"),
    Column("code"),
    LINE,
    Column("message"),
    Column("hint", optional=True),
)
