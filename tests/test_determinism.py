"""The same map gives the same bytes: every picture and every export format, written by two
separate processes with different hash seeds.

One process per seed writes everything (``render --view all`` as SVG, PNG and DOT, the
architecture picture included, and ``export`` in every format) for the bundled example and
the hostile map; the two processes run side by side, and their folders must
hold the same files with the same bytes.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from flowviz.exports import EXPORT_FORMATS
from tests.conftest import FIXTURES, ROOT

pytestmark = [pytest.mark.dot, pytest.mark.slow]

MAPS = [ROOT / "maps" / "ru-petshop.md", FIXTURES / "hostile" / "hostile.md"]
SEEDS = ("0", "4242")
WRITE_EVERYTHING = """
import sys
from pathlib import Path
from flowviz.cli import main

out, maps = Path(sys.argv[1]), sys.argv[2:]
for path in maps:
    stem = Path(path).stem
    main(["render", path, "--view", "all", "--format", "svg,png,dot", "-o", str(out / stem)])
    for fmt in FORMATS:
        main(["export", path, "--to", fmt, "-o", str(out / stem / f"export.{fmt}")])
"""


def _written(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


@pytest.fixture(scope="module")
def trees(tmp_path_factory: pytest.TempPathFactory) -> list[dict[str, bytes]]:
    """What each process wrote, by path."""
    script = f"FORMATS = {EXPORT_FORMATS!r}\n{WRITE_EVERYTHING}"
    runs = []
    for seed in SEEDS:
        folder = tmp_path_factory.mktemp(f"seed-{seed}")
        process = subprocess.Popen(
            [sys.executable, "-c", script, str(folder), *map(str, MAPS)],
            cwd=ROOT,
            env={**os.environ, "PYTHONHASHSEED": seed},
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        runs.append((folder, process))
    found = []
    for folder, process in runs:
        _, err = process.communicate(timeout=300)
        assert process.returncode == 0, err
        found.append(_written(folder))
    return found


def test_every_map_gets_every_picture_and_every_export(trees: list[dict[str, bytes]]) -> None:
    written = trees[0]
    for path in MAPS:
        mine = {name for name in written if name.startswith(path.stem + "/")}
        assert {f"{path.stem}/export.{fmt}" for fmt in EXPORT_FORMATS} <= mine
        for picture in ("overview", "identifiers", "architecture"):
            assert f"{path.stem}/{picture}.svg" in mine
            assert f"{path.stem}/{picture}.png" in mine
        assert all(written[name] for name in mine), "an empty file"


def test_two_processes_with_different_hash_seeds_write_the_same_bytes(
    trees: list[dict[str, bytes]],
) -> None:
    first, second = trees
    assert sorted(first) == sorted(second)
    differ = [name for name in first if first[name] != second[name]]
    assert differ == []
