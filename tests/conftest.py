"""Shared paths and helpers for the test suite."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from drift_support import read

from flowviz.model import Map
from tests.chromium import chromium
from tests.scheduling import pytest_xdist_make_scheduler  # noqa: F401 (a hook for pytest)

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
GOLDEN = ROOT / "tests" / "golden"
MAPS = ROOT / "maps"
SEED = FIXTURES / "seed-template.md"
EXAMPLES = sorted(MAPS.glob("*.md"))
TEMPLATE_MAPS = [
    SEED,
    *EXAMPLES,
    *sorted((FIXTURES / "drift").glob("*.md")),
    *sorted((FIXTURES / "drift2").glob("*.md")),
    FIXTURES / "step-table.md",
]
"""The seed template, the bundled maps, the first drifted maps and the step table: the maps
the view and trace checks run on."""


@pytest.fixture
def write_map(tmp_path: Path):
    """Write Markdown text to a map file in a temporary folder and return its path."""

    def write(text: str, name: str = "map.md") -> Path:
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        return path

    return write


@pytest.fixture
def model(request: pytest.FixtureRequest) -> Map:
    """The map read from the file a drifted-map check is parametrised with (``drift_support``
    parametrises it indirectly); each file is read once."""
    return read(request.param)


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """One headless Chromium for the session."""
    with chromium() as running:
        yield running


@pytest.fixture(scope="session")
def tab(browser: Any) -> Iterator[Any]:
    """One tab of that Chromium, which every browser test navigates to its own page: each new
    tab costs Chromium a second of CPU or more (it builds its address bar's pop-up for each),
    and a page opened again in the same tab reuses the scripts it has compiled."""
    context = browser.new_context(viewport={"width": 1280, "height": 860})
    page = context.new_page()
    yield page
    context.close()
