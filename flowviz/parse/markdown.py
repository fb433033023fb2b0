"""A decoded Markdown map -> the model: split into sections, then read each kind in an order
that lets later sections resolve names the earlier ones declare."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from flowviz.config import Config
from flowviz.errors import MapError
from flowviz.model import MAP_KINDS, Map, Project, Section, SectionKind
from flowviz.parse.blocks import (
    CodeBlock,
    Heading,
    ListBlock,
    Paragraph,
    Table,
    is_structurizr,
    parse_document,
)
from flowviz.parse.context import Context, Report, TablePlace
from flowviz.parse.flows import read_flows
from flowviz.parse.identifiers import (
    IdentifierBook,
    read_bindings,
    read_id_rules,
    read_id_schema_rows,
    read_identifier_list,
)
from flowviz.parse.integrations import (
    STATUS_WORDS,
    parse_status,
    read_integration_rows,
    rows_with_an_end,
)
from flowviz.parse.keywords import (
    NOT_REQUIRED_SUBJECTS,
    ColumnMap,
    alternation,
    classify_table,
)
from flowviz.parse.overview import read_overview
from flowviz.parse.plan import (
    read_checklist,
    read_requirements,
    read_tests,
    requirements_from_table,
)
from flowviz.parse.sections import RawSection, classify_heading, split_sections
from flowviz.parse.systems import PLACE_PREPOSITIONS, Registry, word_before
from flowviz.parse.text import forget_stems, words
from flowviz.source import SourceText

SectionReader = Callable[[RawSection, Context], list[Any]]
TableReader = Callable[[Table, ColumnMap, TablePlace, Context], list[Any]]

SECTION_READERS: tuple[tuple[str, SectionKind, SectionReader], ...] = (
    ("flows", "flows", read_flows),
    ("requirements", "requirements", read_requirements),
    ("bindings", "id_schema", read_bindings),
    ("checklist", "checklist", read_checklist),
)
"""(model field, kind of section, reader) for what is read from a section's own text, in
this order, once section 1, the identifiers and every table are read."""

TABLE_READERS: dict[str, TableReader] = {
    "integrations": read_integration_rows,
    "id_rules": read_id_rules,
    "tests": read_tests,
    "requirements": requirements_from_table,
}
"""Kind of table (``keywords.classify_table``) -> its reader; the rows go to the model field
of that name."""


def read_markdown(source: SourceText, config: Config) -> Map:
    """Read a Markdown integration map; one without the template's map sections is read by
    its arrow lines, diagrams and process lists (``loose.read_loose``)."""
    forget_stems()
    blocks, code = parse_document(source.text)
    if source.text.lstrip().startswith("@startuml"):  # a PlantUML file, not Markdown
        blocks, code = [], [CodeBlock("plantuml", source.text, 1)]
    elif is_structurizr("", source.text):  # a Structurizr DSL workspace, not Markdown
        blocks, code = [], [CodeBlock("structurizr", source.text, 1)]
    _, sections = split_sections(blocks, source.text.count("\n") + 1)
    if not _template_shaped(sections):
        from flowviz.parse.loose import read_loose  # noqa: PLC0415 (documents not in the template)

        return read_loose(source, blocks, code, config)
    ctx = Context(Report(source.path), Registry())
    model = _Reader(source, sections, ctx, config).read()
    if model.integrations or model.identifiers or any(f.steps for f in model.flows):
        return model
    return _loose_instead(model, source, blocks, code, config)


def _template_shaped(sections: list[RawSection]) -> bool:
    """Whether a document is a map in the template's shape: it has one of the template's map
    sections and either the template's numbered top-level headings (``## 1. Системы``) or two
    kinds of map section with a table in one. A README with one "Integrations" or "Data flow"
    heading, or a workflow whose steps are numbered sub-headings, is not; its tables, arrow
    lines, diagrams and process lists are read as edge statements. A numbered sub-heading
    whose title names no kind of section (``### 2. HubSpot → Meta CAPI Sync``) is no map
    section, whatever kind its number has in the template."""
    if not sections:
        return False
    top = min(s.level for s in sections)
    mapped = [s for s in sections if s.kind in MAP_KINDS and (s.level == top or _titled_as(s))]
    numbered = any(s.number is not None and s.level == top and _titled_as(s) for s in mapped)
    tables = any(isinstance(b, Table) for s in mapped for b in s.blocks)
    return numbered or (len({s.kind for s in mapped}) >= 2 and tables)


def _titled_as(section: RawSection) -> bool:
    """Whether a numbered section's title says the kind its number gives it (``2.
    Интеграции``), not another one (``2. Поток A1 — Sheets → ClickHouse``: a flow where the
    template has its integrations)."""
    return classify_heading(section.title)[0] == section.kind


def _loose_instead(model: Map, source: SourceText, blocks: list, code: list, config: Config) -> Map:
    """A document whose headings look like the template's but in which nothing of a map could
    be read: read by its edge statements instead, when it has any."""
    from flowviz.parse.loose import read_loose  # noqa: PLC0415 (documents not in the template)

    try:
        return read_loose(source, blocks, code, config)
    except MapError:
        return model


class _Reader:
    """Reads the sections of one map into the model."""

    def __init__(
        self, source: SourceText, sections: list[RawSection], ctx: Context, config: Config
    ) -> None:
        self.source = source
        self.sections = sections
        self.ctx = ctx
        self.config = config
        self.book = IdentifierBook()
        self.owners: dict[int, str | None] = {}

    def read(self) -> Map:
        project = self._overview()
        self._apply_aliases()
        self._owners()
        self._identifiers()
        read = self._tables()
        for field, kind, reader in SECTION_READERS:
            read.setdefault(field, [])
            read[field] = [x for s in self._of(kind) for x in reader(s, self.ctx)] + read[field]
        return Map(
            file=self.source.path,
            language=_language(self.sections),
            project=project,
            sections=[_section(s, self.owners.get(i)) for i, s in enumerate(self.sections)],
            systems=self.ctx.registry.freeze(),
            integrations=rows_with_an_end(read["integrations"], self.ctx.report),
            identifiers=self.book.freeze(),
            id_rules=read["id_rules"],
            bindings=read["bindings"],
            flows=read["flows"],
            requirements=read["requirements"],
            tests=read["tests"],
            checklist=read["checklist"],
            diagnostics=sorted(
                self.ctx.report.diagnostics, key=lambda d: (d.line, d.column, d.code)
            ),
        )

    def _of(self, kind: str) -> list[RawSection]:
        return [s for s in self.sections if s.kind == kind]

    def _overview(self) -> Project:
        project = Project()
        for section in self._of("overview"):
            read = read_overview(section, self.ctx)
            project = read if project.line is None else project
        return project

    def _apply_aliases(self) -> None:
        registry = self.ctx.registry
        for key, names in self.config.aliases.items():
            system = key if key in registry.systems else registry.lookup(key)
            if system is None:
                system = registry.add(key, "other").id
            for name in names:
                registry.alias(system, str(name))

    def _owners(self) -> None:
        for index, section in enumerate(self.sections):
            if section.kind != "integrations":
                continue
            self.owners[index] = self._heading_sender(section.title)

    def _identifiers(self) -> None:
        for section in self._of("identifiers"):
            read_identifier_list(section, self.book, self.ctx)
        for section in self._of("id_schema"):
            for block in section.blocks:
                if isinstance(block, Table):
                    mapped = classify_table([c.text for c in block.header], section.kind)
                    if mapped is not None and mapped.kind == "id_schema":
                        self._id_schema(block, mapped, section)
        self.ctx.identifiers = set(self.book.drafts)

    def _tables(self) -> dict[str, list]:
        """Every table, read by its kind; a sub-heading that names a system inside an
        integration section (``### 2.2 Школа (GetCourse)``) makes it the sender below it."""
        out: dict[str, list] = {kind: [] for kind in TABLE_READERS}
        for index, section in enumerate(self.sections):
            owner = self.owners.get(index)
            for block in section.blocks:
                if isinstance(block, Heading) and section.kind == "integrations":
                    owner = self._heading_sender(block.text) or owner
                elif isinstance(block, Paragraph) and block.raw_table_lines:
                    self._broken_table(block, section)
                elif isinstance(block, Table):
                    self._table(block, section, owner, out)
        return out

    def _heading_sender(self, heading: str) -> str | None:
        """The system an integration (sub-)heading is about; one named as a destination
        ('Передача в CRM') is not."""
        registry = self.ctx.registry
        ws = words(heading)
        starts = {w.start: i for i, w in enumerate(ws)}
        for mention in registry.named_in(heading, actors=False):
            if word_before(ws, starts[mention.start]) not in PLACE_PREPOSITIONS:
                return registry.top(mention.system)
        return None

    def _table(self, table: Table, section: RawSection, owner: str | None, out: dict) -> None:
        self._row_shapes(table, section)
        mapped = classify_table([c.text for c in table.header], section.kind)
        kind = mapped.kind if mapped else None
        if mapped is None or (kind == "systems" and section.kind != "overview"):
            self._unread_table(table, section)
        elif kind in TABLE_READERS:
            done = sum(1 for i in out["integrations"] if i.section == section.number)
            place = TablePlace(section, owner, done)
            out[kind].extend(TABLE_READERS[kind](table, mapped, place, self.ctx))
        elif kind == "id_schema" and section.kind != "id_schema":
            self._id_schema(table, mapped, section)

    def _id_schema(self, table: Table, mapped: ColumnMap, section: RawSection) -> None:
        unread = read_id_schema_rows(table, mapped, self.book, self.ctx, section.label)
        for line in unread:
            self.ctx.report.add(
                "FV108",
                "warning",
                line,
                "identifier table row not read: its identifier cell is empty",
                section=section.label,
                hint="name the identifier in the first column",
            )

    def _row_shapes(self, table: Table, section: RawSection) -> None:
        width = len(table.header)
        for row in table.rows:
            count = len(row.raw_cells)
            if not any(c.text for c in row.cells):
                self.ctx.report.add(
                    "FV104",
                    "info",
                    row.line,
                    "empty table row; nothing to read",
                    section=section.label,
                    hint="remove the row or fill it in",
                )
                continue
            if count < width:
                missing = ", ".join(f"'{c.text}'" for c in table.header[count:])
                self.ctx.report.add(
                    "FV102",
                    "warning",
                    row.line,
                    f"row has {count} of {width} cells; read with {missing} empty",
                    column=row.cells[-1].column if row.cells else 1,
                    section=section.label,
                    hint="add the missing cells (an empty cell is '| |')",
                )
            elif count > width:
                extra = " | ".join(row.raw_cells[width:])
                self.ctx.report.add(
                    "FV103",
                    "warning",
                    row.line,
                    f"row has {count} cells but the header has {width}; the extra cells "
                    f"'{_short(extra)}' are not read",
                    section=section.label,
                    hint="escape a '|' inside a cell as '\\|' or add the column to the header",
                )

    def _unread_table(self, table: Table, section: RawSection) -> None:
        header = " | ".join(c.text for c in table.header)
        for row in table.rows:
            self.ctx.report.add(
                "FV105",
                "warning",
                row.line,
                f"table row not read: the header '{_short(header)}' is not one flowviz knows",
                section=section.label,
                hint="use the template's column names (source, receiver, method, ...)",
            )

    def _broken_table(self, block: Paragraph, section: RawSection) -> None:
        for line in block.raw_table_lines:
            self.ctx.report.add(
                "FV106",
                "warning",
                line,
                "table line not read: no valid header and '---' separator row above it "
                "(or their cell counts differ)",
                section=section.label,
                hint="give the table a header row and a separator row with as many cells",
            )


def _section(raw: RawSection, owner: str | None) -> Section:
    note = _not_required_note(raw)
    return Section(
        number=raw.number,
        kind=raw.kind,  # type: ignore[arg-type]
        owner=owner,
        title=raw.title,
        line=raw.line,
        end_line=raw.end_line,
        not_required_line=note[0] if note else None,
        justification=parse_status(note[1])[1] if note else None,
    )


_SECTION_NOT_REQUIRED = re.compile(
    r"^[^\w]*(?:" + alternation(NOT_REQUIRED_SUBJECTS) + r"\s*[:—–-]?\s*(?:is\s+)?)?"
    r"(?:" + alternation([w for s, ws in STATUS_WORDS if s == "not_required" for w in ws]) + ")"
    r"(?=\s*$|\s*[—–:.,;()!-])",
    re.IGNORECASE,
)
"""A line about the section as a whole: it starts with "Не требуется" (maybe after
``Раздел`` / ``Status:``) and the phrase ends there (``Не требуется — причина``), unlike a
note in which something else is not required (``Отдельная очередь повторов не требуется``)."""


def _not_required_note(raw: RawSection) -> tuple[int, str] | None:
    """``Не требуется — ...`` written in a section's own text (not in a table) about the
    section as a whole: a line that says so from its start, or the section's only text."""
    texts = [(b.line, b.text) for b in raw.blocks if isinstance(b, Paragraph)]
    texts += [(i.line, i.text) for b in raw.blocks if isinstance(b, ListBlock) for i in b.items]
    only = len(texts) == 1 and not any(isinstance(b, Table) for b in raw.blocks)
    for line, text in texts:
        if len(text) >= 400 or parse_status(text)[0] != "not_required":
            continue
        if only or _SECTION_NOT_REQUIRED.match(text.replace("ё", "е")):
            return line, text
    return None


def _language(sections: list[RawSection]) -> str:
    text = " ".join(s.title for s in sections)
    cyrillic = len(re.findall(r"[а-яё]", text, re.I))
    latin = len(re.findall(r"[a-z]", text, re.I))
    return "ru" if cyrillic >= latin else "en"


def _short(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
