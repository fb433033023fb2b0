"""Golden files: the JSON export and the DOT pictures of every bundled map, compared byte for
byte, and the README's pictures kept current.

Refresh them after an intended change with ``make golden`` (FLOWVIZ_UPDATE_GOLDEN=1) and, for
the README's pictures, ``make pictures``; review the diff like code.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

import flowviz
from flowviz import views
from flowviz.cli import main
from flowviz.render.data import to_json
from flowviz.render.dot import to_dot
from tests.conftest import EXAMPLES, GOLDEN, ROOT, SEED

CASES = [*EXAMPLES, SEED]
README_EXAMPLE = ROOT / "maps" / "ru-petshop.md"
README_PICTURES = ROOT / "docs" / "images" / README_EXAMPLE.stem


def _matches_golden(text: str, golden: Path) -> None:
    if os.environ.get("FLOWVIZ_UPDATE_GOLDEN"):
        golden.write_text(text, encoding="utf-8")
    assert golden.exists(), f"no golden file {golden.name}: run 'make golden'"
    assert text == golden.read_text(encoding="utf-8")


@pytest.mark.parametrize("path", CASES, ids=[p.stem for p in CASES])
def test_json_export_matches_golden(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    relative = path.relative_to(ROOT).as_posix()
    _matches_golden(to_json(flowviz.load(relative)), GOLDEN / f"{path.stem}.json")


@pytest.mark.parametrize("path", CASES, ids=[p.stem for p in CASES])
def test_dot_pictures_match_golden(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    model = flowviz.load(path.relative_to(ROOT).as_posix())
    specs = views.parse_views(model, "overview,flows,identifiers")
    for graph in views.build(model, specs):
        _matches_golden(to_dot(graph), GOLDEN / "dot" / f"{path.stem}.{graph.name}.dot")


@pytest.mark.dot
def test_readme_pictures_are_current(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The README shows pictures of the bundled example: 'make pictures' draws them again."""
    monkeypatch.chdir(ROOT)
    example = README_EXAMPLE.relative_to(ROOT).as_posix()
    assert main(["render", example, "--view", "overview,flow:1", "-o", str(tmp_path)]) == 0
    for name in ("overview.svg", "flow-1.svg"):
        committed = README_PICTURES / name
        assert committed.exists(), f"{committed} is missing: run 'make pictures'"
        stale = "stale: run 'make pictures' and commit docs/images"
        assert (tmp_path / name).read_bytes() == committed.read_bytes(), f"{name} is {stale}"
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for name in ("overview.svg", "flow-1.svg"):
        assert f"docs/images/{README_EXAMPLE.stem}/{name}" in readme
