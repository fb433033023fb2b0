"""How long flowviz takes on maps of growing size, against the floor of tokenising the same text.

For every size (``--sizes``) a map is generated with ``make_map`` and written once to a
temporary directory. Then, each the median of ``--repeat`` runs:

- floor: markdown-it-py tokenising the text, ``MarkdownIt("commonmark").enable("table")``
  built once, ``.parse(text)`` timed; no Markdown reader can be faster than this;
- every stage of ``STAGES`` (today ``load``: ``flowviz.load(path)``), as wall time and as a
  multiple of the floor;

and, in one further run per stage under tracemalloc, the stage's peak traced memory.
The result is a Markdown table on stdout.

    .venv/bin/python benchmarks/bench.py [--sizes 100 300 1000 3000] [--repeat 5]

A stage is one entry of ``STAGES``: a name and a callable that takes the map's path. A
``flowviz check`` stage is one more line there.
"""

from __future__ import annotations

import argparse
import gc
import os
import platform
import statistics
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path

from make_map import LANGUAGES, make_map
from markdown_it import MarkdownIt

import flowviz
from flowviz.check import check


def load_and_check(path: Path) -> object:
    """What ``flowviz check MAP`` does: read the map, then run every rule."""
    return check(flowviz.load(path))


STAGES: dict[str, Callable[[Path], object]] = {
    "load": flowviz.load,
    "check": load_and_check,
}
"""Stage name -> callable(map_path). Each gets its own columns in the table."""

DEFAULT_SIZES = (100, 300, 1000, 3000)
_PARSER = MarkdownIt("commonmark").enable("table")


def floor(text: str) -> object:
    """The floor: tokenising the map with markdown-it-py (the parser flowviz builds on)."""
    return _PARSER.parse(text)


def median_ms(func: Callable[[object], object], arg: object, repeat: int) -> float:
    """Median wall time of ``repeat`` calls, in milliseconds (garbage collected before each)."""
    times = []
    for _ in range(repeat):
        gc.collect()
        start = time.perf_counter()
        func(arg)
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def peak_mib(func: Callable[[object], object], arg: object) -> float:
    """Peak memory traced by tracemalloc during one call, in MiB."""
    gc.collect()
    tracemalloc.start()
    try:
        func(arg)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return peak / 2**20


def measure(
    rows: int, stages: dict[str, Callable[[Path], object]], repeat: int, language: str, seed: int
) -> list[str]:
    """One table row: rows, bytes, floor ms, then ms, ratio and peak MiB of every stage."""
    text = make_map(rows, language=language, seed=seed)
    with tempfile.TemporaryDirectory(prefix="flowviz-bench-") as tmp:
        path = Path(tmp) / f"map-{rows}.md"
        path.write_text(text, encoding="utf-8")
        _sanity(path, rows)
        floor_ms = median_ms(floor, text, repeat)
        cells = [str(rows), str(path.stat().st_size), f"{floor_ms:.1f}"]
        for func in stages.values():
            stage_ms = median_ms(func, path, repeat)
            cells += [
                f"{stage_ms:.1f}",
                f"{stage_ms / floor_ms:.1f}",
                f"{peak_mib(func, path):.1f}",
            ]
    return cells


def _sanity(path: Path, rows: int) -> None:
    """Warn when flowviz does not read the generated map as generated (the timings would then
    measure something else)."""
    model = flowviz.load(path)
    problems = [d for d in model.diagnostics if d.severity != "info"]
    if len(model.integrations) != rows or problems:
        print(
            f"warning: map of {rows} rows read as {len(model.integrations)} integrations "
            f"with {len(problems)} findings above info",
            file=sys.stderr,
        )


def header(stages: Sequence[str]) -> list[str]:
    cells = ["rows", "bytes", "floor ms"]
    for name in stages:
        cells += [f"{name} ms", f"{name}/floor", f"{name} peak MiB"]
    return cells


def markdown_table(head: list[str], rows: list[list[str]]) -> str:
    lines = ["| " + " | ".join(head) + " |", "|" + "|".join("---:" for _ in head) + "|"]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines)


def parse_sizes(values: list[str]) -> list[int]:
    """``--sizes 100 300`` or ``--sizes 100,300``."""
    sizes = [int(v) for value in values for v in value.split(",") if v.strip()]
    if not sizes or min(sizes) < 1:
        raise argparse.ArgumentTypeError("sizes must be positive integers")
    return sizes


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--sizes",
        nargs="+",
        default=[str(s) for s in DEFAULT_SIZES],
        help="map sizes in integration rows (default: 100 300 1000 3000)",
    )
    parser.add_argument("--repeat", type=int, default=5, help="runs per median (default: 5)")
    parser.add_argument(
        "--stages",
        nargs="+",
        choices=sorted(STAGES),
        default=list(STAGES),
        help="stages to measure (default: all)",
    )
    parser.add_argument("--language", choices=LANGUAGES, default="ru")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    if args.repeat < 1:
        parser.error("--repeat must be at least 1")
    try:
        sizes = parse_sizes(args.sizes)
    except (ValueError, argparse.ArgumentTypeError):
        parser.error("--sizes takes positive integers")
    stages = {name: STAGES[name] for name in args.stages}
    print(
        f"flowviz {flowviz.__version__}, Python {platform.python_version()}, "
        f"{os.cpu_count()} CPUs, {date.today().isoformat()}; maps: language {args.language}, "
        f"seed {args.seed}; median of {args.repeat} runs\n"
    )
    table = [measure(rows, stages, args.repeat, args.language, args.seed) for rows in sizes]
    print(markdown_table(header(list(stages)), table))
    return 0


if __name__ == "__main__":
    sys.exit(main())
