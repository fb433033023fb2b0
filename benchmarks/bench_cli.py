"""How long one ``flowviz check MAP`` takes in a fresh process, as a save hook or a pre-commit
hook runs it, against the floor of starting Python at all.

For every map (the bundled ``maps/ru-petshop.md`` and maps generated with ``make_map`` of
``--sizes`` rows), each the median wall time of ``--repeat`` fresh processes:

- ``python``: ``python -c pass``, the interpreter's own start (the floor of any Python tool);
- ``markdown-it``: ``python -c "import markdown_it"``, the floor of a Markdown linter built on
  markdown-it-py;
- ``import``: ``python -c "import flowviz.cli"``, flowviz's imports without reading a map;
- ``check``: ``flowviz check MAP`` (``flowviz.cli.run`` with ``check MAP``), the whole command;
- ``check-import``: what reading and checking the map adds to the imports.

The result is a Markdown table on stdout. The processes run with this interpreter and its
environment (``PYTHONPATH`` included), one after another.

    .venv/bin/python benchmarks/bench_cli.py [--sizes 100 300] [--repeat 5]
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from make_map import LANGUAGES, make_map

ROOT = Path(__file__).resolve().parent.parent
BUNDLED = ROOT / "maps" / "ru-petshop.md"
DEFAULT_SIZES = (100, 300)
CHECK = "import sys; from flowviz.cli import run; sys.argv[0] = 'flowviz'; run()"
FLOORS = {
    "python ms": "pass",
    "markdown-it ms": "import markdown_it",
    "import ms": "import flowviz.cli",
}


def fresh_ms(args: Sequence[str], repeat: int) -> float:
    """Median wall time of ``repeat`` fresh ``python args`` processes, in milliseconds."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        done = subprocess.run(
            [sys.executable, *args], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, check=False
        )
        times.append(time.perf_counter() - start)
        if done.returncode not in (0, 1):
            raise SystemExit(f"{' '.join(args)} failed:\n{done.stderr.decode(errors='replace')}")
    return statistics.median(times) * 1000


def measure(name: str, path: Path, repeat: int) -> list[str]:
    """One table row: the map, its size, the floors, the whole check and what it adds."""
    cells = [name, str(path.stat().st_size)]
    floors = {column: fresh_ms(["-c", code], repeat) for column, code in FLOORS.items()}
    check_ms = fresh_ms(["-c", CHECK, "check", str(path)], repeat)
    cells += [f"{ms:.0f}" for ms in floors.values()]
    cells += [f"{check_ms:.0f}", f"{check_ms - floors['import ms']:.0f}"]
    return cells


def header() -> list[str]:
    return ["map", "bytes", *FLOORS, "check ms", "check-import ms"]


def markdown_table(head: list[str], rows: list[list[str]]) -> str:
    lines = ["| " + " | ".join(head) + " |", "|---|" + "|".join("---:" for _ in head[1:]) + "|"]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--sizes",
        nargs="*",
        type=int,
        default=list(DEFAULT_SIZES),
        help="generated map sizes in integration rows (default: 100 300)",
    )
    parser.add_argument("--repeat", type=int, default=5, help="runs per median (default: 5)")
    parser.add_argument("--language", choices=LANGUAGES, default="ru")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    if args.repeat < 1 or any(size < 1 for size in args.sizes):
        parser.error("--repeat and --sizes take positive integers")
    print(
        f"Python {platform.python_version()}, {os.cpu_count()} CPUs, "
        f"{date.today().isoformat()}; generated maps: language {args.language}, seed "
        f"{args.seed}; median of {args.repeat} fresh processes each\n"
    )
    table = [measure(str(BUNDLED.relative_to(ROOT)), BUNDLED, args.repeat)]
    with tempfile.TemporaryDirectory(prefix="flowviz-bench-cli-") as tmp:
        for rows in args.sizes:
            path = Path(tmp) / f"map-{rows}.md"
            path.write_text(make_map(rows, language=args.language, seed=args.seed), "utf-8")
            table.append(measure(f"generated, {rows} rows", path, args.repeat))
    print(markdown_table(header(), table))
    return 0


if __name__ == "__main__":
    sys.exit(main())
