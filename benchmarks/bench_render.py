"""How long flowviz takes to draw the overview of maps of growing size, against Graphviz itself.

For every size (``--sizes``) a map is generated with ``make_map``, written once to a temporary
directory and read with ``flowviz.load``. Then, each the median of ``--repeat`` runs:

- ``redact``: ``views.redacted(model)`` (every picture is drawn from the redacted model);
- ``view``: ``views.overview(redacted)``, the graph the picture shows;
- ``dot text``: ``to_dot(graph, mode)`` with the label mode ``pictures.draw`` would choose
  (``label`` up to ``LABEL_EDGES_MAX`` edges, ``xlabel`` above);
- ``dot``: ``run_graphviz(text, ["svg"])``, the external ``dot`` process;
- ``post``: ``drawn_edges(svg)``, counting the edges really drawn;
- ``model→SVG``: the whole job, ``views.build`` + ``pictures.draw`` + ``write_bytes`` to a file;
- with ``--png``: ``run_graphviz(text, ["png"])`` and whether cairo scaled the bitmap down.

``ours/dot`` is (view + dot text + post) / dot. Every size is measured twice: folded (the
default picture, parallel integrations as one edge) and with ``fold=False`` (every row its
own edge, ``flowviz render --no-fold``). The result is two Markdown tables on stdout.

``--clock cpu`` times CPU seconds instead of wall time: this process's own, plus those of the
``dot`` processes it waited for. On a machine shared with other work, wall times of both sides
grow with the load (``dot``'s more than ours); CPU times keep the ratio of the work itself.

    .venv/bin/python benchmarks/bench_render.py [--sizes 30 100 1000 2000] [--repeat 5] [--png]
        [--clock wall|cpu]
"""

from __future__ import annotations

import argparse
import gc
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import Any

from bench import markdown_table, parse_sizes
from make_map import LANGUAGES, make_map

import flowviz
from flowviz import views
from flowviz.backend import drawn_edges, run_graphviz, write_bytes
from flowviz.graph import Graph
from flowviz.model import Map
from flowviz.pictures import LABEL_EDGES_MAX, draw
from flowviz.render.dot import LabelMode, to_dot

DEFAULT_SIZES = (30, 100, 1000, 2000)
OURS_GOAL = 0.10
"""Our own share of the work (view + DOT text + post-processing) as a fraction of dot's time."""
WHOLE_GOAL_MS = 1000.0
"""Model to SVG on disk, at 2,000 integrations."""


def cpu_time() -> float:
    """CPU seconds of this process and of every child process it has waited for."""
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.process_time() + children.ru_utime + children.ru_stime


CLOCKS: dict[str, Callable[[], float]] = {"wall": time.perf_counter, "cpu": cpu_time}
clock = CLOCKS["wall"]
"""What ``timed`` reads (``--clock``)."""


def timed(func: Callable[..., Any], *args: Any, repeat: int) -> tuple[float, Any]:
    """Median time (``clock``) of ``repeat`` calls in milliseconds, and what the last call
    returned. Before each call the previous call's result is freed and the garbage collected,
    so that a call's time is its own work (freeing a 2,000-row graph takes milliseconds)."""
    times = []
    result = None
    for _ in range(repeat):
        result = None
        gc.collect()
        start = clock()
        result = func(*args)
        times.append(clock() - start)
    return statistics.median(times) * 1000, result


def label_mode(graph: Graph) -> LabelMode:
    """The label mode ``pictures.draw`` tries first for ``graph``."""
    return "label" if len(graph.edges) <= LABEL_EDGES_MAX else "xlabel"


def model_to_svg(model: Map, file: Path, out: Path, fold: bool) -> Any:
    """What ``flowviz render MAP --views overview --format svg`` does after reading the map."""
    specs = views.parse_views(model, "overview")
    (graph,) = views.build(model, specs, fold=fold)
    picture = draw(graph, ["svg"], str(file))
    write_bytes(out, picture.outputs["svg"])
    return picture


def measure(
    model: Map, file: Path, out: Path, redact_ms: float, fold: bool, repeat: int, png: bool
) -> list[str]:
    """One table row for ``model`` drawn folded or not."""
    rows = len(model.integrations)
    redacted = views.redacted(model)
    view_ms, graph = timed(views.overview, redacted, views.Filters(), fold, repeat=repeat)
    mode = label_mode(graph)
    text_ms, text = timed(to_dot, graph, mode, repeat=repeat)
    dot_ms, layout = timed(run_graphviz, text, ["svg"], repeat=repeat)
    post_ms, drawn = timed(drawn_edges, layout.outputs["svg"], repeat=repeat)
    whole_ms, picture = timed(model_to_svg, model, file, out, fold, repeat=repeat)
    _sanity(model, graph, layout, drawn, picture, fold)
    members = {member.id for member in graph.members()}
    placed = sum(f"integration:{row.id}" in members for row in model.integrations)
    ours = (view_ms + text_ms + post_ms) / dot_ms
    cells = [
        str(rows),
        f"{len(graph.edges)}/{len(drawn)}",
        f"{placed}/{rows}",
        f"{picture.labels}" + (f", {picture.tries} tries" if picture.tries > 1 else ""),
        f"{redact_ms:.1f}",
        f"{view_ms:.1f}",
        f"{text_ms:.1f}",
        f"{dot_ms:.0f}",
        f"{post_ms:.1f}",
        f"{ours:.1%}",
        f"{whole_ms:.0f}",
    ]
    if png:
        png_ms, bitmap = timed(run_graphviz, text, ["png"], repeat=repeat)
        cells += [f"{png_ms:.0f}", "yes" if bitmap.scaled else "no"]
    return cells


def _sanity(
    model: Map, graph: Graph, layout: Any, drawn: set[str], picture: Any, fold: bool
) -> None:
    """Warn on stderr when the picture does not account for every integration (the timings
    would then measure something else)."""
    where = f"{len(model.integrations)} rows, {'folded' if fold else 'fold=False'}"
    members = {member.id for member in graph.members()}
    unplaced = [row.id for row in model.integrations if f"integration:{row.id}" not in members]
    if unplaced:
        print(
            f"warning: {where}: {len(unplaced)} integrations in no edge "
            f"(first: {', '.join(unplaced[:5])})",
            file=sys.stderr,
        )
    lost = {edge.id for edge in graph.edges} - drawn
    if lost or layout.returncode:
        print(
            f"warning: {where}: dot exited {layout.returncode} and drew "
            f"{len(drawn)} of {len(graph.edges)} edges",
            file=sys.stderr,
        )
    fv301 = [f for f in picture.findings if f.code == "FV301"]
    if fv301:
        print(f"warning: {where}: {len(fv301)} FV301 findings (edges lost)", file=sys.stderr)
    if picture.tries > 1:
        print(
            f"warning: {where}: draw() needed {picture.tries} tries "
            f"(ended with {picture.engine}, {picture.labels})",
            file=sys.stderr,
        )


def redaction(model: Map, repeat: int) -> tuple[float, float | None]:
    """Warm median of ``views.redacted``, and the time of its first call when that call is
    the one that imported detect-secrets (the cold cost a fresh process pays once)."""
    imported = "detect_secrets" in sys.modules
    gc.collect()
    start = clock()
    views.redacted(model)
    first_ms = (clock() - start) * 1000
    warm_ms, _ = timed(views.redacted, model, repeat=repeat)
    cold = first_ms if not imported and "detect_secrets" in sys.modules else None
    return warm_ms, cold


def header(png: bool) -> list[str]:
    cells = [
        "rows",
        "edges asked/drawn",
        "integrations in edges",
        "labels",
        "redact ms",
        "view ms",
        "dot text ms",
        "dot ms",
        "post ms",
        "ours/dot",
        "model→SVG ms",
    ]
    return [*cells, "png ms", "png scaled"] if png else cells


def _dot_version() -> str:
    program = shutil.which("dot")
    if program is None:
        return "dot not found"
    done = subprocess.run([program, "-V"], capture_output=True, text=True, check=False)
    return (done.stderr or done.stdout).strip().removeprefix("dot - ")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--sizes",
        nargs="+",
        default=[str(s) for s in DEFAULT_SIZES],
        help="map sizes in integration rows (default: 30 100 1000 2000)",
    )
    parser.add_argument("--repeat", type=int, default=5, help="runs per median (default: 5)")
    parser.add_argument("--language", choices=LANGUAGES, default="ru")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument(
        "--png", action="store_true", help="also time dot to PNG and report cairo's scaling"
    )
    parser.add_argument(
        "--clock",
        choices=sorted(CLOCKS),
        default="wall",
        help="wall time (default) or CPU time of this process and its dot processes",
    )
    args = parser.parse_args(argv)
    global clock  # noqa: PLW0603 - one setting for every timing of the run
    clock = CLOCKS[args.clock]
    if args.repeat < 1:
        parser.error("--repeat must be at least 1")
    try:
        sizes = parse_sizes(args.sizes)
    except (ValueError, argparse.ArgumentTypeError):
        parser.error("--sizes takes positive integers")
    print(
        f"flowviz {flowviz.__version__}, Python {platform.python_version()}, "
        f"{_dot_version()}, {os.cpu_count()} CPUs, {date.today().isoformat()}; "
        f"maps: language {args.language}, seed {args.seed}; median of {args.repeat} runs, "
        f"{args.clock} time; load average {os.getloadavg()[0]:.1f}\n"
    )
    tables: dict[bool, list[list[str]]] = {True: [], False: []}
    cold: tuple[int, float, float] | None = None
    with tempfile.TemporaryDirectory(prefix="flowviz-bench-") as tmp:
        for rows in sizes:
            file = Path(tmp) / f"map-{rows}.md"
            file.write_text(make_map(rows, language=args.language, seed=args.seed), "utf-8")
            model = flowviz.load(file)
            if len(model.integrations) != rows:
                print(
                    f"warning: map of {rows} rows read as {len(model.integrations)} integrations",
                    file=sys.stderr,
                )
            redact_ms, first_ms = redaction(model, args.repeat)
            if first_ms is not None:
                cold = (rows, first_ms, redact_ms)
            out = Path(tmp) / "out" / f"overview-{rows}.svg"
            for fold in (True, False):
                tables[fold].append(
                    measure(model, file, out, redact_ms, fold, args.repeat, args.png)
                )
    print("Folded (the default picture: parallel integrations between two systems are one edge):")
    print()
    print(markdown_table(header(args.png), tables[True]))
    print()
    print("Every row its own edge (`fold=False`, `flowviz render --no-fold`):")
    print()
    print(markdown_table(header(args.png), tables[False]))
    if cold:
        rows, first_ms, warm_ms = cold
        print(
            f"\nThe first redaction of the process ({rows} rows) imported detect-secrets and took "
            f"{first_ms:.0f} ms, against a warm median of {warm_ms:.0f} ms."
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
