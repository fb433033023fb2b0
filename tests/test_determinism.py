"""The same map gives the same bytes in every process: every picture and every export of the
bundled example and the hostile map, the JSON and YAML of every bundled and drifted map, the
loose reader's architecture pages and the identifier traces (``tests/everything.py``).

This test process writes them all while a separate interpreter, started with another hash
seed (``PYTHONHASHSEED``; this process's is random unless the environment sets one), writes
them beside it; the two folders must hold the same files with the same bytes.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from flowviz.exports import EXPORT_FORMATS
from tests.conftest import ROOT
from tests.everything import DRAWN, IDENTIFIERS, PAGES, READ, TRACED, write_everything

pytestmark = [pytest.mark.dot, pytest.mark.slow]

OTHER_PROCESS = (
    "import sys, pathlib, tests.everything as e; e.write_everything(pathlib.Path(sys.argv[1]))"
)


def _written(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def other_seed() -> str:
    """A hash seed that is not this process's."""
    return "4242" if os.environ.get("PYTHONHASHSEED") == "0" else "0"


@pytest.fixture(scope="module")
def trees(tmp_path_factory: pytest.TempPathFactory) -> list[dict[str, bytes]]:
    """What this process and the other one wrote, by path."""
    theirs = tmp_path_factory.mktemp("other-process")
    process = subprocess.Popen(
        [sys.executable, "-c", OTHER_PROCESS, str(theirs)],
        cwd=ROOT,
        env={**os.environ, "PYTHONHASHSEED": other_seed()},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        mine = tmp_path_factory.mktemp("this-process")
        write_everything(mine)
    finally:
        _, err = process.communicate(timeout=300)
    assert process.returncode == 0, err
    return [_written(mine), _written(theirs)]


def test_every_map_gets_every_picture_and_every_export(trees: list[dict[str, bytes]]) -> None:
    written = trees[0]
    for path in DRAWN:
        mine = {name for name in written if name.startswith(path.stem + "/")}
        assert {f"{path.stem}/export.{fmt}" for fmt in EXPORT_FORMATS} <= mine
        for picture in ("overview", "identifiers", "architecture"):
            assert f"{path.stem}/{picture}.svg" in mine
            assert f"{path.stem}/{picture}.png" in mine
        assert all(written[name] for name in mine), "an empty file"


def test_every_map_read_back_every_page_and_every_trace_is_written(
    trees: list[dict[str, bytes]],
) -> None:
    data = {name.removeprefix("data/") for name in trees[0] if name.startswith("data/")}
    assert {f"{p.stem}.{fmt}" for p in READ for fmt in ("json", "yaml")} <= data
    assert {f"{p.stem}.model.json" for p in PAGES} <= data
    assert len(READ) >= 10 and len(PAGES) == 2
    traces = json.loads(trees[0]["data/traces.json"])
    assert len(traces) == len(TRACED) * len(IDENTIFIERS)
    assert all(hops for hops, _, _ in traces.values()), "every identifier is traced somewhere"


def test_two_processes_with_different_hash_seeds_write_the_same_bytes(
    trees: list[dict[str, bytes]],
) -> None:
    first, second = trees
    assert sorted(first) == sorted(second)
    differ = [name for name in first if first[name] != second[name]]
    assert differ == []
