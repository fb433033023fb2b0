"""Time from a filter change in the explorer's page to the new graph drawn, in a real browser.

For every size (``--sizes``) a map is generated with ``make_map``; one ``flowviz explore``
server serves them all on a free port and Debian's headless Chromium (Playwright) opens each.
For each of ``--changes`` systems the page's system filter is set to it, and the time from the
click on the option to the component's new graph (its drawn view's digest changed) is taken.
This is what a user waits for: Streamlit's rerun, the view, ``dot``, the page's update and the
component's drawing. The result is one Markdown table on stdout (median and slowest change).

    .venv/bin/python benchmarks/bench_explorer_graph.py [--sizes 30 500] [--changes 3]
"""

from __future__ import annotations

import argparse
import platform
import statistics
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from bench import markdown_table, parse_sizes  # noqa: E402
from make_map import make_map  # noqa: E402

from flowviz import load  # noqa: E402
from flowviz.explorer.model import options  # noqa: E402
from tests.chromium import chromium  # noqa: E402
from tests.explorer_page import open_view, timed_change  # noqa: E402
from tests.explorer_server import serving  # noqa: E402

SYSTEM_FILTER = 2
"""Index of the system filter among the sidebar's select boxes (0 is the map)."""


def changes(page: object, url: str, systems: list[str]) -> list[float]:
    """Seconds of each filter change to one of ``systems``, from the map's overview."""
    view = open_view(page, url)
    seconds = []
    for system in systems:
        spent, view = timed_change(page, SYSTEM_FILTER, f"({system})", view)
        seconds.append(spent)
    return seconds


def main() -> None:
    """Print one row per map size."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", nargs="+", default=["30", "500"])
    parser.add_argument("--changes", type=int, default=3, help="filter changes per map")
    args = parser.parse_args()
    args.sizes = parse_sizes(args.sizes)
    print(f"python {platform.python_version()}, {platform.machine()}, wall clock")
    folder = Path(tempfile.mkdtemp(prefix="flowviz-bench-"))
    for rows in args.sizes:
        (folder / f"bench-{rows}.md").write_text(make_map(rows, language="en"), "utf-8")
    table = []
    first = folder / f"bench-{args.sizes[0]}.md"
    with serving(first, folder / "server.log") as server, chromium() as browser:
        page = browser.new_context(viewport={"width": 1280, "height": 860}).new_page()
        for rows in args.sizes:
            name = f"bench-{rows}.md"
            systems = options(load(folder / name)).systems[1 : 1 + args.changes]
            seconds = changes(page, f"{server.url}/?map={name}", systems)
            table.append(
                [
                    str(rows),
                    str(len(seconds)),
                    f"{statistics.median(seconds) * 1000:.0f}",
                    f"{max(seconds) * 1000:.0f}",
                ]
            )
    header = ["rows", "changes", "median ms", "slowest ms"]
    print(markdown_table(header, table))


if __name__ == "__main__":
    main()
