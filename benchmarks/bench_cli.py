"""How long one ``flowviz check MAP`` takes in a fresh process, as a save hook or a pre-commit
hook runs it, against the floor of starting Python at all.

For every map (the bundled ``maps/ru-petshop.md`` and maps generated with ``make_map`` of
``--sizes`` rows), each the median of ``--repeat`` fresh processes, as wall time and as the CPU
time (user + system) of the process:

- ``python``: ``python -c pass``, the interpreter's own start (the floor of any Python tool);
- ``click``: ``python -c "import click"``, the floor of a command line built on click;
- ``markdown-it``: ``python -c "import markdown_it"``, the floor of a Markdown linter built on
  markdown-it-py;
- ``import``: ``python -c "import flowviz.cli"``, flowviz's imports without reading a map;
- ``check``: ``flowviz check MAP`` (``flowviz.cli.run`` with ``check MAP``), the whole command;
- ``check-import``: what reading and checking the map adds to the imports (wall).

The commands of one map run in rounds, one process of each per round, so that a busy moment of
a shared machine weighs on all of them alike. The processes run with this interpreter and its
environment (``PYTHONPATH`` included). Before the first run, flowviz's modules are compiled to
``__pycache__`` as an installed package has them (``PYTHONDONTWRITEBYTECODE`` would otherwise
make every run compile them again). The result is a Markdown table on stdout.

    .venv/bin/python benchmarks/bench_cli.py [--sizes 100 300] [--repeat 11]
"""

from __future__ import annotations

import argparse
import compileall
import os
import platform
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from make_map import LANGUAGES, make_map

import flowviz

ROOT = Path(__file__).resolve().parent.parent
BUNDLED = ROOT / "maps" / "ru-petshop.md"
DEFAULT_SIZES = (100, 300)
DEFAULT_REPEAT = 11
CHECK = "import sys; from flowviz.cli import run; sys.argv[0] = 'flowviz'; run()"
FLOORS = {
    "python": "pass",
    "click": "import click",
    "markdown-it": "import markdown_it",
    "import": "import flowviz.cli",
}
"""Column -> the code of a ``python -c`` process that gives a floor of the command."""


def run_once(args: Sequence[str]) -> tuple[float, float]:
    """Wall and CPU (user + system) seconds of one fresh ``python args`` process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, *args], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, check=False
    )
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(args)} failed:\n{done.stderr.decode(errors='replace')}")
    cpu = after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime
    return wall, cpu


def fresh_ms(commands: dict[str, Sequence[str]], repeat: int) -> dict[str, tuple[float, float]]:
    """Median wall and CPU milliseconds of each command over ``repeat`` rounds, one process of
    every command per round."""
    runs: dict[str, list[tuple[float, float]]] = {name: [] for name in commands}
    for _ in range(repeat):
        for name, args in commands.items():
            runs[name].append(run_once(args))
    return {
        name: (
            statistics.median(wall for wall, _ in times) * 1000,
            statistics.median(cpu for _, cpu in times) * 1000,
        )
        for name, times in runs.items()
    }


def measure(name: str, path: Path, repeat: int) -> list[str]:
    """One table row: the map, its size, the floors, the whole check and what it adds."""
    commands = {column: ["-c", code] for column, code in FLOORS.items()}
    commands["check"] = ["-c", CHECK, "check", str(path)]
    times = fresh_ms(commands, repeat)
    cells = [name, str(path.stat().st_size)]
    cells += [f"{wall:.0f} / {cpu:.0f}" for wall, cpu in times.values()]
    cells.append(f"{times['check'][0] - times['import'][0]:.0f}")
    return cells


def header() -> list[str]:
    return ["map", "bytes", *(f"{column} ms" for column in [*FLOORS, "check"]), "check-import ms"]


def compile_flowviz() -> None:
    """Write the ``__pycache__`` of the flowviz being measured, as installing it does."""
    compileall.compile_dir(Path(flowviz.__file__).parent, quiet=1)


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
    parser.add_argument(
        "--repeat", type=int, default=DEFAULT_REPEAT, help="runs per median (default: 11)"
    )
    parser.add_argument("--language", choices=LANGUAGES, default="ru")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    if args.repeat < 1 or any(size < 1 for size in args.sizes):
        parser.error("--repeat and --sizes take positive integers")
    print(
        f"Python {platform.python_version()}, {os.cpu_count()} CPUs, "
        f"{date.today().isoformat()}; generated maps: language {args.language}, seed "
        f"{args.seed}; median of {args.repeat} fresh processes each, wall / CPU (user + system)\n"
    )
    compile_flowviz()
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
