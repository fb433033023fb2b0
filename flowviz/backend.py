"""The only code that runs processes (Graphviz) and writes output files."""

from __future__ import annotations

import html
import os
import re
import shutil
import subprocess
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from flowviz.errors import FlowvizError

ENGINES = ("dot", "sfdp")
FORMATS = ("svg", "png", "json")
"""What ``run_graphviz`` is asked for: pictures, and the layout itself as JSON (draw.io)."""
TIMEOUT = 120.0
"""Seconds one Graphviz run may take before the caller tries another layout."""


class GraphvizError(FlowvizError):
    """Graphviz is missing, or failed without writing anything."""


class GraphvizTimeout(GraphvizError):
    """A Graphviz run took longer than its time limit."""


@dataclass(frozen=True, slots=True)
class Layout:
    """What one Graphviz run gave: each format's bytes, its exit status and its stderr."""

    outputs: dict[str, bytes]
    returncode: int
    stderr: str

    @property
    def scaled(self) -> bool:
        """Whether cairo scaled a bitmap down to fit its size limit."""
        return "Scaling by" in self.stderr or "too large for cairo" in self.stderr


def run_graphviz(
    dot_text: str, formats: Sequence[str], engine: str = "dot", timeout: float = TIMEOUT
) -> Layout:
    """Lay ``dot_text`` out once with ``engine`` and render it to every format in ``formats``."""
    if engine not in ENGINES:
        raise GraphvizError(f"unknown engine: {engine!r} (must be one of {list(ENGINES)})")
    program = shutil.which(engine)
    if program is None:
        raise GraphvizError(
            f"Graphviz's '{engine}' is not installed "
            "(apt-get install graphviz, or run 'make setup')"
        )
    with tempfile.TemporaryDirectory(prefix="flowviz-") as folder:
        source = Path(folder) / "graph.gv"
        source.write_text(dot_text, encoding="utf-8")
        command = [program, *(f"-T{fmt}" for fmt in formats), "-O", str(source)]
        try:
            done = subprocess.run(
                command, capture_output=True, timeout=timeout, check=False, cwd=folder
            )
        except subprocess.TimeoutExpired:
            raise GraphvizTimeout(f"{engine} ran longer than {timeout:.0f} s") from None
        outputs = {}
        for fmt in formats:
            made = Path(f"{source}.{fmt}")
            if made.exists() and made.stat().st_size:
                outputs[fmt] = made.read_bytes()
    stderr = done.stderr.decode("utf-8", "replace")
    if len(outputs) < len(formats):
        first = stderr.strip().splitlines()[:1] or [f"exit status {done.returncode}"]
        raise GraphvizError(f"{engine} failed: {first[0]}")
    return Layout(outputs, done.returncode, stderr)


_EDGE = re.compile(rb'<g id="([^"]*)" class="edge">')


def drawn_edges(svg: bytes) -> set[str]:
    """The ids of the edges a Graphviz SVG really draws (an edge group with a path in it)."""
    starts = list(_EDGE.finditer(svg))
    ends = [match.start() for match in starts[1:]] + [len(svg)] * bool(starts)
    drawn = set()
    for match, end in zip(starts, ends, strict=True):
        if svg.find(b"<path", match.end(), end) != -1:
            drawn.add(html.unescape(match.group(1).decode("utf-8")))
    return drawn


@cache
def _file_mode() -> int:
    """The mode a new file gets under this process's umask (0644 under the usual 022)."""
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask


def write_text(path: str | Path, text: str) -> None:
    """Write ``text`` as UTF-8 atomically: a failure never leaves a half-written file."""
    write_bytes(path, text.encode("utf-8"))


def write_bytes(path: str | Path, data: bytes) -> None:
    """Write ``data`` atomically, with the mode the umask gives a new file."""
    target = Path(path)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        handle, temp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
        try:
            with os.fdopen(handle, "wb") as out:
                out.write(data)
            Path(temp).chmod(_file_mode())
            Path(temp).replace(target)
        except BaseException:
            Path(temp).unlink(missing_ok=True)
            raise
    except OSError as exc:
        raise FlowvizError(f"cannot write output ({exc.strerror or exc})", str(path)) from None
