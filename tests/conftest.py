"""Shared paths and helpers for the test suite."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from drift_support import read

from flowviz.model import Map
from tests.chromium import chromium

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
GOLDEN = ROOT / "tests" / "golden"
MAPS = ROOT / "maps"
SEED = FIXTURES / "seed-template.md"
EXAMPLES = sorted(MAPS.glob("*.md"))


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


SHARED = {
    "test_explorer_graph.py": "browser",
    "test_explorer_server.py": "browser",
    "test_html_report.py": "browser",
    "test_mermaid.py": "browser",
    "test_explorer_app.py": "explorer",
    "test_render_cli.py": "render",
    "test_determinism.py": "determinism",
}
"""Modules whose tests share costly set-up (a Chromium, an explorer server, Mermaid's Node run,
Streamlit's caches, every view drawn by ``dot``, two whole writing processes), by the group of
tests one xdist worker runs, so that the set-up is made once per run rather than once per
worker."""


@pytest.hookimpl(optionalhook=True)
def pytest_xdist_make_scheduler(config: pytest.Config, log: Any) -> Any:
    """``pytest -n N`` (``--dist load``, the default) hands out each group of ``SHARED`` as one
    unit, the largest groups first, and every other test on its own as a worker frees up
    (pytest-xdist's own ``loadgroup`` marks do not take effect under pytest 9)."""
    if config.getvalue("dist") != "load":
        return None
    from xdist.scheduler import LoadScopeScheduling  # noqa: PLC0415 (only with xdist)

    class SharedSetUp(LoadScopeScheduling):  # type: ignore[misc]
        def _split_scope(self, nodeid: str) -> str:
            module = nodeid.split("::", 1)[0].rsplit("/", 1)[-1]
            return SHARED.get(module, nodeid)

    return SharedSetUp(config, log)


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """One headless Chromium for the session; each test opens its own page or context."""
    with chromium() as running:
        yield running
