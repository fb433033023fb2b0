"""``flowviz explore`` started for real, as the browser and server tests use it: a free port,
its output in a log file, its health endpoint polled, and a clean stop."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import NamedTuple

import pytest

from tests.conftest import ROOT

START_SECONDS = 60


class Server(NamedTuple):
    """The explorer's server process and its address."""

    process: subprocess.Popen[bytes]
    url: str


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def fetch(url: str) -> tuple[int, str]:
    with urllib.request.urlopen(url, timeout=5) as answer:
        return answer.status, answer.read().decode("utf-8")


@contextmanager
def serving(map_path: Path, log: Path) -> Iterator[Server]:
    """``flowviz explore MAP --port <free>`` until the block ends, its output in ``log``."""
    port = free_port()
    command = [sys.executable, "-c", "from flowviz.cli import run; run()", "explore"]
    with log.open("wb") as output:
        process = subprocess.Popen(
            [*command, str(map_path), "--port", str(port)],
            cwd=ROOT,
            env={**os.environ, "PYTHONPATH": str(ROOT)},
            stdout=output,
            stderr=subprocess.STDOUT,
        )
    running = Server(process, f"http://localhost:{port}")
    try:
        _wait_healthy(running, log)
        yield running
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def _wait_healthy(server: Server, log: Path) -> None:
    deadline = time.monotonic() + START_SECONDS
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            pytest.fail(f"the server stopped: {log.read_text(errors='replace')}")
        try:
            if fetch(f"{server.url}/_stcore/health") == (200, "ok"):
                return
        except OSError:
            pass
        time.sleep(0.3)
    pytest.fail(f"the server did not answer within {START_SECONDS} s")
