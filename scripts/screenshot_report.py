"""Screenshot of a map's HTML report, for the README.

    python scripts/screenshot_report.py [MAP] [PNG]

Writes the report of MAP (default ``maps/ru-petshop.md``) with ``flowviz export --to html``,
opens it in headless Chromium (Debian's ``/usr/bin/chromium``) 1280 px wide and saves the
top of the page (at most 1600 px) as PNG (default ``docs/images/<map-stem>/report.png``).
"""

from __future__ import annotations

import contextlib
import io
import sys
import tempfile
from pathlib import Path

from flowviz.cli import main

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from tests.chromium import chromium  # noqa: E402 (the tests' own way to start Chromium)

WIDTH = 1280
HEIGHT = 1600


def screenshot(map_path: Path, png: Path) -> None:
    """Export ``map_path``'s report and save the top of it as ``png``."""
    with tempfile.TemporaryDirectory(prefix="flowviz-report-") as folder:
        page_file = Path(folder) / "report.html"
        with contextlib.redirect_stdout(io.StringIO()):
            status = main(["export", str(map_path), "--to", "html", "-o", str(page_file)])
        if status:
            raise SystemExit(f"flowviz export failed with status {status}")
        with chromium() as browser:
            page = browser.new_page(viewport={"width": WIDTH, "height": HEIGHT})
            page.goto(page_file.as_uri())
            png.parent.mkdir(parents=True, exist_ok=True)
            clip = {"x": 0, "y": 0, "width": WIDTH, "height": HEIGHT}
            page.screenshot(path=str(png), full_page=True, clip=clip)


def run(argv: list[str]) -> None:
    """``[MAP] [PNG]`` from the command line."""
    map_path = Path(argv[0]) if argv else ROOT / "maps" / "ru-petshop.md"
    default = ROOT / "docs" / "images" / map_path.stem / "report.png"
    png = Path(argv[1]) if len(argv) > 1 else default
    screenshot(map_path, png)
    print(png)


if __name__ == "__main__":
    run(sys.argv[1:])
