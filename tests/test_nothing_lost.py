"""Nothing lost: every table row and every flow step of a map ends up in the model or in a
diagnostic.

The rows and steps are found here by plain line scanning (``re`` only: no markdown-it, nothing
from ``flowviz.parse``), so that the parser is checked against an independent reading of the
same file, for the example maps as they are and for copies mangled in known ways.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from drift_support import model_lines, read

from flowviz import Map, load

ROOT = Path(__file__).resolve().parent.parent
MAPS = {
    "ru-petshop": ROOT / "maps" / "ru-petshop.md",
    "en-saas": ROOT / "maps" / "en-saas.md",
    "seed-template": ROOT / "tests" / "fixtures" / "seed-template.md",
}

# --------------------------------------------------------------------------------------------
# The independent scanner
# --------------------------------------------------------------------------------------------

TABLE_LINE = re.compile(r"^ {0,3}\|")
SEPARATOR_CELL = re.compile(r"^\s*:?-+:?\s*$")
HEADING = re.compile(r"^ {0,3}(#{1,6})\s+(.*?)(?:\s+#+)?\s*$")
BOLD_ONLY = re.compile(r"^ {0,3}\*\*(?P<inner>[^*].*?)\*\*\s*:?\s*$")
FLOW_TITLE = re.compile(r"^\s*(?:поток|flow)\s*(?:№|#)?\s*\d+", re.IGNORECASE)
LIST_LINE = re.compile(r"^\s*(?:\d{1,9}[.)]|[-*+])\s+\S")
THEMATIC_BREAK = re.compile(r"^ {0,3}(?:(?:-\s*){3,}|(?:\*\s*){3,}|(?:_\s*){3,})$")
NOTES = re.compile(r"важно|important|примечани|notes?\b", re.IGNORECASE)
SECTION_7 = re.compile(r"^7\s*[.):]?\s")


def split_cells(line: str) -> list[str]:
    """Cells of a pipe-table line, split on unescaped pipes, outer pipes dropped."""
    body = line.strip()
    cells: list[str] = []
    current = ""
    index = 0
    while index < len(body):
        char = body[index]
        if char == "\\" and index + 1 < len(body):
            current += body[index : index + 2]
            index += 2
            continue
        if char == "|":
            cells.append(current)
            current = ""
        else:
            current += char
        index += 1
    cells.append(current)
    if body.startswith("|"):
        cells = cells[1:]
    if body.endswith("|") and not body.endswith("\\|"):
        cells = cells[:-1]
    return [c.strip() for c in cells]


def is_separator(line: str) -> bool:
    """``| --- | :---: |`` (needs at least one pipe, so a ``---`` rule is no separator)."""
    if "|" not in line:
        return False
    cells = split_cells(line)
    return bool(cells) and all(SEPARATOR_CELL.match(c) for c in cells)


@dataclass
class ScannedTable:
    header: int
    separator: int
    rows: list[int]


def scan_tables(lines: list[str]) -> list[ScannedTable]:
    """Every GFM-looking table: a ``|`` line, a separator line, then its ``|`` body lines."""
    tables: list[ScannedTable] = []
    index = 0
    while index < len(lines) - 1:
        if TABLE_LINE.match(lines[index]) and is_separator(lines[index + 1]):
            rows: list[int] = []
            cursor = index + 2
            while cursor < len(lines) and TABLE_LINE.match(lines[cursor]):
                rows.append(cursor + 1)
                cursor += 1
            tables.append(ScannedTable(index + 1, index + 2, rows))
            index = cursor
        else:
            index += 1
    return tables


@dataclass
class ScannedFlows:
    section_line: int | None = None
    flows: dict[int, list[int]] = field(default_factory=dict)
    """Flow title line -> its step lines."""
    orphans: list[int] = field(default_factory=list)
    """List lines of the data-flow section under no flow title (and not under a notes title)."""


def _heading(line: str) -> tuple[int, str] | None:
    match = HEADING.match(line)
    return (len(match.group(1)), match.group(2).strip()) if match else None


def scan_flows(lines: list[str]) -> ScannedFlows:
    """Section 7's flow titles with the list lines under each, and its stray list lines."""
    out = ScannedFlows()
    level: int | None = None
    current: int | None = None
    in_notes = False
    in_code = False
    for number, line in enumerate(lines, start=1):
        if line.lstrip().startswith(("```", "~~~")):
            in_code = not in_code
            continue
        if in_code:
            continue
        heading = _heading(line)
        if level is None:
            if heading and SECTION_7.match(heading[1]):
                out.section_line, level = number, heading[0]
            continue
        if heading is not None:
            if FLOW_TITLE.match(heading[1]):
                current, in_notes = number, False
                out.flows[number] = []
                continue
            if heading[0] <= level:
                break  # the next section
            current, in_notes = None, bool(NOTES.search(heading[1]))
            continue
        bold = BOLD_ONLY.match(line)
        if bold is not None:
            if FLOW_TITLE.match(bold.group("inner")):
                current, in_notes = number, False
                out.flows[number] = []
            else:
                current, in_notes = None, bool(NOTES.search(bold.group("inner")))
            continue
        if THEMATIC_BREAK.match(line) or not LIST_LINE.match(line):
            continue
        if current is not None:
            out.flows[current].append(number)
        elif not in_notes:
            out.orphans.append(number)
    return out


# --------------------------------------------------------------------------------------------
# What the model holds (every ``line`` / ``lines`` value: ``drift_support.model_lines``)
# --------------------------------------------------------------------------------------------


def diagnostic_lines(model: Map, code: str | None = None) -> set[int]:
    return {d.line for d in model.diagnostics if code is None or d.code == code}


def assert_nothing_lost(text: str, model: Map) -> tuple[list[ScannedTable], ScannedFlows]:
    """The core check: every scanned row, step and stray list line is in the model or in a
    diagnostic, and every flow has the steps the scan found under its title."""
    lines = text.split("\n")
    tables = scan_tables(lines)
    flows = scan_flows(lines)
    kept = model_lines(model)
    reported = diagnostic_lines(model)

    rows = [row for table in tables for row in table.rows]
    lost_rows = [n for n in rows if n not in kept and n not in reported]
    assert not lost_rows, "table rows neither in the model nor in a diagnostic:\n" + "\n".join(
        f"  {n}: {lines[n - 1][:100]}" for n in lost_rows
    )

    steps = [n for step_lines in flows.flows.values() for n in step_lines]
    lost_steps = [n for n in steps + flows.orphans if n not in kept and n not in reported]
    assert not lost_steps, "flow list lines neither in the model nor in a diagnostic:\n" + (
        "\n".join(f"  {n}: {lines[n - 1][:100]}" for n in lost_steps)
    )

    model_flows = {flow.line: [step.line for step in flow.steps] for flow in model.flows}
    assert model_flows == flows.flows, "flows (title line -> step lines) differ from the scan"
    assert {f.line: len(f.steps) for f in model.flows} == {
        line: len(steps) for line, steps in flows.flows.items()
    }
    return tables, flows


# --------------------------------------------------------------------------------------------
# The example maps as they are
# --------------------------------------------------------------------------------------------

# What the scan must find in each map (so the check can never pass on an empty scan):
# rows per table, and steps per flow in order.
EXPECTED = {
    "ru-petshop": ([5, 4, 3, 3, 7, 8, 8], [6, 5, 4, 5, 7, 5]),
    "en-saas": ([5, 4, 3, 3, 7, 8, 7], [6, 5, 4, 5, 6, 4]),
    "seed-template": ([4, 3, 3, 3, 5, 7, 5], [6, 4, 3, 4]),
}


@pytest.mark.parametrize("name", list(MAPS))
def test_example_map_loses_nothing(name: str) -> None:
    path = MAPS[name]
    text = path.read_text(encoding="utf-8")
    model = read(path)
    tables, flows = assert_nothing_lost(text, model)

    rows_per_table, steps_per_flow = EXPECTED[name]
    assert [len(t.rows) for t in tables] == rows_per_table
    assert [len(s) for s in flows.flows.values()] == steps_per_flow
    assert [len(f.steps) for f in model.flows] == steps_per_flow
    assert flows.orphans == []
    # The clean maps read every row as data, not merely as a finding.
    rows = {n for t in tables for n in t.rows}
    assert rows <= model_lines(model)
    assert not rows & diagnostic_lines(model) - diagnostic_lines(model, "FV101")


def test_scanner_sees_the_known_lines_of_ru_petshop() -> None:
    """Spot checks that tie the scan to lines one can read in the file."""
    lines = MAPS["ru-petshop"].read_text(encoding="utf-8").split("\n")
    tables = scan_tables(lines)
    assert tables[0].header == 48
    assert tables[0].rows == [50, 51, 52, 53, 54]
    assert tables[-1].rows == list(range(226, 234))
    flows = scan_flows(lines)
    assert flows.section_line == 122
    assert list(flows.flows) == [126, 135, 143, 150, 158, 168]
    assert flows.flows[126] == list(range(128, 134))
    assert flows.flows[168] == list(range(170, 175))


# --------------------------------------------------------------------------------------------
# Mangled copies
# --------------------------------------------------------------------------------------------


@dataclass
class Mangled:
    text: str
    check: Callable[[Map, list[ScannedTable], ScannedFlows], None]


def _rebuild(cells: list[str]) -> str:
    return "| " + " | ".join(cells) + " |"


def _tables(text: str) -> tuple[list[str], list[ScannedTable]]:
    lines = text.split("\n")
    return lines, scan_tables(lines)


def mangle_missing_cell(text: str) -> Mangled:
    """The first row of the first table loses its last cell."""
    lines, tables = _tables(text)
    row = tables[0].rows[0]
    cells = split_cells(lines[row - 1])
    lines[row - 1] = _rebuild(cells[:-1])
    width = len(split_cells(lines[tables[0].header - 1]))

    def check(model: Map, _tables: list[ScannedTable], _flows: ScannedFlows) -> None:
        found = [d for d in model.diagnostics if d.code == "FV102" and d.line == row]
        assert len(found) == 1, f"no FV102 on line {row}"
        assert f"{width - 1} of {width}" in found[0].message
        assert row in {i.line for i in model.integrations}, "the short row is still read"

    return Mangled("\n".join(lines), check)


def mangle_extra_cell(text: str) -> Mangled:
    """The second row of the first table gets one cell more than its header."""
    lines, tables = _tables(text)
    row = tables[0].rows[1]
    lines[row - 1] = lines[row - 1].rstrip() + " surplus cell |"
    width = len(split_cells(lines[tables[0].header - 1]))

    def check(model: Map, _tables: list[ScannedTable], _flows: ScannedFlows) -> None:
        found = [d for d in model.diagnostics if d.code == "FV103" and d.line == row]
        assert len(found) == 1, f"no FV103 on line {row}"
        assert f"{width + 1} cells" in found[0].message
        assert "surplus cell" in found[0].message
        assert row in {i.line for i in model.integrations}, "the long row is still read"

    return Mangled("\n".join(lines), check)


def mangle_broken_separator(text: str, original: Map) -> Mangled:
    """The separator of the second table loses a cell, so it is no table in GFM any more."""
    lines, tables = _tables(text)
    table = tables[1]
    cells = split_cells(lines[table.separator - 1])
    lines[table.separator - 1] = _rebuild(cells[:-1])

    def check(model: Map, _tables: list[ScannedTable], _flows: ScannedFlows) -> None:
        assert set(table.rows) <= diagnostic_lines(model, "FV106")
        read = {i.line for i in model.integrations}
        assert not set(table.rows) & read
        assert len(model.integrations) == len(original.integrations) - len(table.rows)

    return Mangled("\n".join(lines), check)


def mangle_unknown_columns(text: str, original: Map) -> Mangled:
    """The fifth table (identifier sync rules) gets column names nobody knows."""
    lines, tables = _tables(text)
    table = tables[4]
    width = len(split_cells(lines[table.header - 1]))
    lines[table.header - 1] = _rebuild([f"Qzx{n} Wvb" for n in range(width)])

    def check(model: Map, _tables: list[ScannedTable], _flows: ScannedFlows) -> None:
        assert original.id_rules, "the unmangled map has id rules"
        assert {r.line for r in original.id_rules} == set(table.rows)
        assert set(table.rows) <= diagnostic_lines(model, "FV105")
        assert model.id_rules == []

    return Mangled("\n".join(lines), check)


ORPHAN_STEPS = [
    "1. Сайт отправляет заявку в CRM через API (создается lead_id)",
    "2. CRM sends the lead to Analytics via API",
    "- Analytics передаёт данные в CRM",
]


def mangle_orphan_steps(text: str) -> Mangled:
    """A step list right under the data-flow section heading, above every flow title."""
    lines = text.split("\n")
    heading = scan_flows(lines).section_line
    assert heading is not None
    lines[heading:heading] = ["", *ORPHAN_STEPS, ""]
    inserted = list(range(heading + 2, heading + 2 + len(ORPHAN_STEPS)))

    def check(model: Map, _tables: list[ScannedTable], flows: ScannedFlows) -> None:
        assert flows.orphans == inserted
        assert set(inserted) <= diagnostic_lines(model, "FV107")
        step_lines = {s.line for f in model.flows for s in f.steps}
        assert not set(inserted) & step_lines

    return Mangled("\n".join(lines), check)


def mangle_heading_title(text: str) -> Mangled:
    """The third flow's bold title becomes a heading one level below the section's."""
    lines = text.split("\n")
    flows = scan_flows(lines)
    title = list(flows.flows)[2]
    steps = flows.flows[title]
    assert flows.section_line is not None
    section_heading = _heading(lines[flows.section_line - 1])
    assert section_heading is not None
    level = section_heading[0]
    inner = BOLD_ONLY.match(lines[title - 1])
    assert inner is not None
    lines[title - 1] = "#" * min(level + 1, 6) + " " + inner.group("inner")

    def check(model: Map, _tables: list[ScannedTable], scanned: ScannedFlows) -> None:
        assert scanned.flows[title] == steps
        flow = next(f for f in model.flows if f.line == title)
        assert [s.line for s in flow.steps] == steps

    return Mangled("\n".join(lines), check)


MANGLES: dict[str, Callable[[str, Map], Mangled]] = {
    "missing-cell": lambda text, _m: mangle_missing_cell(text),
    "extra-cell": lambda text, _m: mangle_extra_cell(text),
    "broken-separator": mangle_broken_separator,
    "unknown-columns": mangle_unknown_columns,
    "steps-under-no-title": lambda text, _m: mangle_orphan_steps(text),
    "flow-title-as-heading": lambda text, _m: mangle_heading_title(text),
}


@pytest.mark.parametrize("mangle", list(MANGLES))
@pytest.mark.parametrize("name", list(MAPS))
def test_mangled_map_loses_nothing(name: str, mangle: str, tmp_path: Path) -> None:
    source = MAPS[name]
    text = source.read_text(encoding="utf-8")
    mangled = MANGLES[mangle](text, read(source))
    assert mangled.text != text
    path = tmp_path / f"{name}-{mangle}.md"
    path.write_text(mangled.text, encoding="utf-8")

    model = load(path)

    assert all(d.file == str(path) for d in model.diagnostics)
    tables, flows = assert_nothing_lost(mangled.text, model)
    mangled.check(model, tables, flows)
