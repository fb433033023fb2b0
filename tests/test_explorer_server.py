"""``flowviz explore`` for real: the Streamlit server starts on a free port, answers its
health check and serves the page, and stops cleanly when asked. One server for the module
(``test_explorer_graph.py`` drives the page in headless Chromium).
"""

from __future__ import annotations

import subprocess
from collections.abc import Iterator

import pytest

from tests.conftest import MAPS
from tests.explorer_server import Server, fetch, serving

pytestmark = [pytest.mark.server, pytest.mark.browser, pytest.mark.dot, pytest.mark.slow]


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """``flowviz explore maps/ru-petshop.md --port <free>``, stopped after the module."""
    log = tmp_path_factory.mktemp("explorer") / "server.log"
    with serving(MAPS / "ru-petshop.md", log) as running:
        yield running


def test_the_server_answers_its_health_check_and_serves_the_page(server: Server) -> None:
    assert fetch(f"{server.url}/_stcore/health") == (200, "ok")
    status, page = fetch(server.url)
    assert status == 200
    assert "<noscript>" in page.lower() or "streamlit" in page.lower()


def test_the_server_stops_cleanly_and_leaves_no_process(server: Server) -> None:
    """The last test: stop the module's server and check nothing is left behind."""
    server.process.terminate()
    assert server.process.wait(timeout=15) is not None
    with pytest.raises(OSError):
        fetch(f"{server.url}/_stcore/health")
    assert (
        "streamlit"
        not in subprocess.run(
            ["ps", "-o", "args=", "--ppid", str(server.process.pid)],
            capture_output=True,
            text=True,
            check=False,
        ).stdout
    )
