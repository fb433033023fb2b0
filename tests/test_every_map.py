"""What must hold on every map the project has, bundled or fixture, in any language: one system
per real system, no "not listed in section 1" for a name section 1 lists, and no "not required
without a reason" for a row that gives its reason in any cell."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import pytest
from drift_support import read

from flowviz.check import check
from flowviz.model import Diagnostic, Map
from flowviz.parse.systems import compact
from tests.conftest import FIXTURES, MAPS, ROOT

EVERY_MAP = sorted(
    [*MAPS.glob("*.md"), *FIXTURES.glob("*.md"), *FIXTURES.glob("drift*/*.md")],
    key=lambda p: p.relative_to(ROOT).as_posix(),
)
NOT_REQUIRED = re.compile(r"не требуется|не нужн|not required|not needed|n/a because", re.I)
WORD = re.compile(r"\w+")


@cache
def _read(path: Path) -> tuple[Map, tuple[Diagnostic, ...], tuple[str, ...]]:
    model = read(path)
    return model, tuple(check(model)), tuple(path.read_text(encoding="utf-8").splitlines())


def _ids(paths: list[Path]) -> list[str]:
    return [p.relative_to(ROOT).as_posix() for p in paths]


@pytest.mark.parametrize("path", EVERY_MAP, ids=_ids(EVERY_MAP))
def test_no_two_systems_for_one_real_system(path: Path) -> None:
    """No system's name is made of a part of another's words ('Drupal' beside 'Сайт на
    Drupal 10', 'HubSpot' beside 'HubSpot (Marketing Hub Pro)'); a number or a letter is a
    word too ('Склад 1' and 'Склад 2', 'Warehouse A' and 'Warehouse B' are two)."""
    model, _, _ = _read(path)
    systems = [s for s in model.systems if s.kind != "actor"]
    words = {s.id: set(WORD.findall(s.name.lower())) for s in systems}
    for first in systems:
        for second in systems:
            a, b = words[first.id], words[second.id]
            if first.id < second.id and a and b:
                assert not (a <= b or b <= a), (first.name, second.name)


@pytest.mark.parametrize("path", EVERY_MAP, ids=_ids(EVERY_MAP))
def test_no_fv250_for_a_name_section_1_lists(path: Path) -> None:
    model, findings, lines = _read(path)
    overview = next((s for s in model.sections if s.kind == "overview"), None)
    listed = compact("\n".join(lines[overview.line - 1 : overview.end_line])) if overview else ""
    for finding in findings:
        if finding.code == "FV250":
            name = re.search(r"'([^']+)'", finding.message)
            assert name is not None, finding.message
            assert compact(name.group(1)) not in listed, (finding.line, finding.message)


@pytest.mark.parametrize("path", EVERY_MAP, ids=_ids(EVERY_MAP))
def test_no_fv211_where_the_row_gives_a_reason(path: Path) -> None:
    """An FV211 row says 'not required' in one cell (its status), and with no reason there:
    no other cell of the row speaks of it."""
    model, findings, lines = _read(path)
    rows = {row.line for row in model.integrations}
    for finding in findings:
        if finding.code == "FV211" and finding.line in rows:
            cells = [c.strip() for c in lines[finding.line - 1].strip().strip("|").split("|")]
            saying = [c for c in cells if NOT_REQUIRED.search(c)]
            assert len(saying) == 1, (finding.line, cells)
            assert NOT_REQUIRED.sub("", saying[0]).strip(" .-—–:") == "", (finding.line, cells)
