"""``flowviz explore`` for real: the Streamlit server starts on a free port, answers its
health check and serves the page, and stops cleanly when asked. One server for the module
(``test_explorer_graph.py`` drives the page in headless Chromium).
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from typing import NamedTuple

import pytest

from tests.conftest import MAPS, ROOT

pytestmark = [pytest.mark.server, pytest.mark.browser, pytest.mark.dot, pytest.mark.slow]

START_SECONDS = 60


class Server(NamedTuple):
    """The explorer's server process and its address."""

    process: subprocess.Popen[str]
    url: str


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def fetch(url: str) -> tuple[int, str]:
    with urllib.request.urlopen(url, timeout=5) as answer:
        return answer.status, answer.read().decode("utf-8")


def wait_healthy(server: Server) -> None:
    deadline = time.monotonic() + START_SECONDS
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            pytest.fail(f"the server stopped: {server.process.stdout.read()}")  # type: ignore[union-attr]
        try:
            if fetch(f"{server.url}/_stcore/health") == (200, "ok"):
                return
        except OSError:
            pass
        time.sleep(0.3)
    pytest.fail(f"the server did not answer within {START_SECONDS} s")


@pytest.fixture(scope="module")
def server() -> Iterator[Server]:
    """``flowviz explore maps/ru-petshop.md --port <free>``, stopped after the module."""
    port = free_port()
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    command = [sys.executable, "-c", "from flowviz.cli import run; run()", "explore"]
    process = subprocess.Popen(
        [*command, str(MAPS / "ru-petshop.md"), "--port", str(port)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    running = Server(process, f"http://localhost:{port}")
    try:
        wait_healthy(running)
        yield running
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        process.stdout.close()  # type: ignore[union-attr]


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
