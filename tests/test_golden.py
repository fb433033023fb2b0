"""Golden files: the JSON export of every bundled map, compared byte for byte.

Refresh them after an intended change with ``make golden`` (FLOWVIZ_UPDATE_GOLDEN=1) and review
the diff like code.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

import flowviz
from flowviz.render.data import to_json
from tests.conftest import EXAMPLES, GOLDEN, ROOT, SEED

CASES = [*EXAMPLES, SEED]


@pytest.mark.parametrize("path", CASES, ids=[p.stem for p in CASES])
def test_json_export_matches_golden(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    relative = path.relative_to(ROOT).as_posix()
    text = to_json(flowviz.load(relative))
    golden = GOLDEN / f"{path.stem}.json"
    if os.environ.get("FLOWVIZ_UPDATE_GOLDEN"):
        golden.write_text(text, encoding="utf-8")
    assert golden.exists(), f"no golden file {golden.name}: run 'make golden'"
    assert text == golden.read_text(encoding="utf-8")
