"""Server time of a filter change in the explorer, on generated maps of growing size.

For every size (``--sizes``) a map is generated with ``make_map`` and read, checked and
redacted once (``explorer.data.prepared``: the warm cache). Then, for each filter change the
page can make from the overview, each the median of ``--repeat`` runs, what the page's script
runs on that rerun apart from Streamlit's own drawing:

- ``view``: ``model.draw_graph``, the graph of the chosen view (from the redacted model);
- ``dot``: ``pictures.draw(graph, ["svg", "dot"])``, Graphviz laying it out (a process);
- ``tables``: ``model.select`` + ``model.figures`` + ``model.tables`` (pandas) + Mermaid;
- ``rerun``: the whole rerun with the view's cache cold and the map's cache warm: the map's
  bytes read, ``data.prepared`` (a hit), ``data.shown`` (a miss: everything above) and
  ``data.findings_frame`` (a hit);
- ``again``: the same rerun once the view is cached too (going back to a filter seen before).

The goal is a ``rerun`` under 150 ms. The result is one Markdown table on stdout.

    .venv/bin/python benchmarks/bench_explorer.py [--sizes 500 1000] [--repeat 5]
"""

from __future__ import annotations

import argparse
import logging
import platform
import sys
import tempfile
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from bench import markdown_table, parse_sizes
from bench_render import timed
from make_map import LANGUAGES, make_map

from flowviz.explorer import data
from flowviz.explorer.files import open_map
from flowviz.explorer.model import Choice, draw_graph, figures, select, tables
from flowviz.pictures import draw
from flowviz.render.mermaid import to_mermaid

GOAL_MS = 150.0
DEFAULT_SIZES = (500, 1000)


def changes(ready: data.Prepared) -> dict[str, Choice]:
    """The filter changes measured: one of each kind, from the overview."""
    model = ready.model
    crm = next(s.id for s in model.systems if s.kind == "crm")
    ident = (
        "client_id" if "client_id" in ready.options.identifiers else ready.options.identifiers[0]
    )
    base = Choice()
    return {
        f"system={crm}": replace(base, system=crm),
        f"identifier={ident}": replace(base, identifier=ident),
        "status=needs_setup": replace(base, status="needs_setup"),
        "view=flow 1": replace(base, view="flow", flow=ready.options.flows[0]),
        "view=identifiers": replace(base, view="identifiers"),
    }


def rerun(folder: Path, name: str, choice: Choice) -> object:
    """What the page's script computes on a rerun (the map's bytes, then the cached calls)."""
    opened = open_map(folder, name)
    data.prepared(opened.name, opened.data, opened.config, opened.folder)
    view = data.shown(opened.name, opened.data, opened.config, opened.folder, choice)
    data.findings_frame(opened.name, opened.data, opened.config, opened.folder)
    return view


def measure(rows: int, language: str, repeat: int) -> list[list[str]]:
    """One table row per filter change on a map of ``rows`` integrations."""
    with tempfile.TemporaryDirectory(prefix="flowviz-bench-") as temp:
        folder = Path(temp)
        name = f"map-{rows}.md"
        (folder / name).write_text(make_map(rows, language=language), encoding="utf-8")
        opened = open_map(folder, name)
        ready = data.prepared(opened.name, opened.data, opened.config, opened.folder)
        rerun(folder, name, Choice())
        out = []
        for label, choice in changes(ready).items():
            view_ms, graph = timed(draw_graph, ready.model, choice, repeat=repeat)
            dot_ms, _ = timed(draw, graph, ["svg", "dot"], name, repeat=repeat)
            tables_ms, _ = timed(_tables, ready, choice, graph, repeat=repeat)
            cold = []
            for _ in range(repeat):
                data.shown.clear()
                cold.append(timed(rerun, folder, name, choice, repeat=1)[0])
            again_ms, _ = timed(rerun, folder, name, choice, repeat=repeat)
            whole = sorted(cold)[len(cold) // 2]
            out.append(
                [
                    str(rows),
                    label,
                    str(len(graph.edges)),
                    f"{view_ms:.1f}",
                    f"{dot_ms:.1f}",
                    f"{tables_ms:.1f}",
                    f"{whole:.1f}" + ("" if whole <= GOAL_MS else " ⚠"),
                    f"{again_ms:.1f}",
                ]
            )
        return out


def _tables(ready: data.Prepared, choice: Choice, graph: object) -> object:
    selection = select(ready.model, choice.filters())
    figures(selection, ready.findings)
    to_mermaid(graph)  # type: ignore[arg-type]
    return tables(ready.model, selection)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", nargs="+", default=[str(s) for s in DEFAULT_SIZES])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--language", choices=LANGUAGES, default="ru")
    args = parser.parse_args(argv)
    logging.getLogger("streamlit").setLevel(logging.ERROR)
    print(f"Python {platform.python_version()}, {platform.machine()}, median of {args.repeat}")
    head = ["rows", "filter change", "edges", "view ms", "dot ms", "tables ms", "rerun ms"]
    rows = [
        row for size in parse_sizes(args.sizes) for row in measure(size, args.language, args.repeat)
    ]
    print(markdown_table([*head, "again ms"], rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
