"""The only code that runs processes (Graphviz, and ``diagrams`` over it) and writes output
files."""

from __future__ import annotations

import base64
import html
import importlib
import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from itertools import pairwise
from pathlib import Path
from typing import TYPE_CHECKING

from flowviz.errors import FlowvizError

if TYPE_CHECKING:
    from flowviz.render.architecture import Plan, PlanNode

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
    program = _program(engine)
    with tempfile.TemporaryDirectory(prefix="flowviz-") as folder:
        source = Path(folder) / "graph.gv"
        done = _run(program, source, dot_text, formats, timeout)
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


def run_graphviz_each(
    dot_texts: Sequence[str], fmt: str = "svg", engine: str = "dot", timeout: float = TIMEOUT
) -> list[bytes] | None:
    """Lay each of ``dot_texts`` out with one run of ``engine`` (a Graphviz process costs some
    16 ms of CPU before any layout) and render each to ``fmt``; None when that run failed or did
    not write one file per graph (the caller then draws them one by one)."""
    with tempfile.TemporaryDirectory(prefix="flowviz-") as folder:
        source = Path(folder) / "graphs.gv"
        try:
            done = _run(_program(engine), source, "\n".join(dot_texts), [fmt], timeout)
        except GraphvizError:
            return None
        # dot writes the first graph to graphs.gv.svg, the next to graphs.gv.2.svg, ...
        files = [Path(f"{source}.{fmt}")]
        files += [Path(f"{source}.{n}.{fmt}") for n in range(2, len(dot_texts) + 1)]
        if done.returncode != 0 or not all(f.exists() and f.stat().st_size for f in files):
            return None
        return [_PAGED.sub(rb'<g id="\1" class="graph"', f.read_bytes(), count=1) for f in files]


def _program(engine: str) -> str:
    """The path of a Graphviz engine, or a one-line error saying how to get it."""
    if engine not in ENGINES:
        raise GraphvizError(f"unknown engine: {engine!r} (must be one of {list(ENGINES)})")
    program = shutil.which(engine)
    if program is None:
        raise GraphvizError(
            f"Graphviz's '{engine}' is not installed "
            "(apt-get install graphviz, or run 'make setup')"
        )
    return program


def _run(
    program: str, source: Path, text: str, formats: Sequence[str], timeout: float
) -> subprocess.CompletedProcess[bytes]:
    """Write ``text`` to ``source`` and run ``program`` on it, each format written beside it
    (``-O``)."""
    source.write_text(text, encoding="utf-8")
    command = [program, *(f"-T{fmt}" for fmt in formats), "-O", str(source)]
    try:
        return subprocess.run(
            command, capture_output=True, timeout=timeout, check=False, cwd=source.parent
        )
    except subprocess.TimeoutExpired:
        raise GraphvizTimeout(f"{Path(program).name} ran longer than {timeout:.0f} s") from None


_PAGED = re.compile(rb'<g id="page\d+,\d+_([^"]*)" class="graph"')
"""How dot names a graph's group after the first of one run (``page0,1_<name>``): renamed to
``<name>``, as a run of that graph alone names it."""


_EDGE_END = b'" class="edge">'
"""How the start tag of an edge's group ends in a Graphviz SVG: ``<g id="..." class="edge">``."""
_PATH = b'<path fill="none"'
"""What an edge's group holds when ``dot`` drew the edge: its curve, a path never filled (the
arrowheads are polygons). The whole tag start, not ``<path`` alone: a long needle is found
in half the time in an SVG whose edges carry long tooltips."""


def drawn_edges(svg: bytes) -> set[str]:
    """The ids of the edges a Graphviz SVG really draws (an edge group with a path in it)."""
    starts = []
    found = svg.find(_EDGE_END)
    while found != -1:
        starts.append(found)
        found = svg.find(_EDGE_END, found + len(_EDGE_END))
    names = [
        svg[svg.rfind(b'<g id="', 0, start) + 7 : start]
        for start, end in pairwise([*starts, len(svg)])
        if svg.find(_PATH, start, end) != -1
    ]
    if not names:
        return set()
    # decoded together: an attribute value holds no '<' (dot writes it as &lt;), and dot
    # writes every '-' of an id as &#45;
    ids = b"<".join(names).decode("utf-8").replace("&#45;", "-").split("<")
    return {html.unescape(name) if "&" in name else name for name in ids}


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


# -- the explorer ---------------------------------------------------------------------------


def explorer_command(script: str | Path, port: int | None) -> list[str]:
    """The ``streamlit run`` command line of the explorer: headless, no usage statistics, on
    ``port`` (else Streamlit's own setting, ``STREAMLIT_SERVER_PORT``, else 8501), serving
    this machine only unless ``STREAMLIT_SERVER_ADDRESS`` says otherwise (which also spares
    Streamlit looking up the machine's external address on the internet)."""
    command = [sys.executable, "-m", "streamlit", "run", str(script)]
    command += ["--server.headless", "true", "--browser.gatherUsageStats", "false"]
    command += ["--client.toolbarMode", "minimal"]
    if not os.environ.get("STREAMLIT_SERVER_ADDRESS"):
        command += ["--server.address", "localhost"]
    return command + (["--server.port", str(port)] if port is not None else [])


def run_explorer(command: Sequence[str], env: dict[str, str]) -> None:
    """Replace this process with the explorer's server (``command``), so that stopping it
    (Ctrl+C, a signal) stops the server and leaves no process behind."""
    sys.stdout.flush()
    sys.stderr.flush()
    try:
        os.execve(command[0], list(command), env)
    except OSError as exc:
        raise FlowvizError(f"cannot start the explorer ({exc.strerror or exc})") from None


# -- diagrams -------------------------------------------------------------------------------

DIAGRAMS_FORMATS = ("png", "svg")


def run_diagrams(plan: Plan, formats: Sequence[str]) -> dict[str, bytes]:
    """Draw ``plan`` with mingrammer's ``diagrams`` in a temporary folder; each format's bytes.

    Every node gets its ``nodeid`` from the plan (``diagrams`` would draw random ids), every
    text is escaped once by ``render.quoting`` and marked as no HTML, and the SVG's icons are
    embedded as data URIs so that it links to no file."""
    unknown = [fmt for fmt in formats if fmt not in DIAGRAMS_FORMATS]
    if unknown or not formats:
        raise GraphvizError(f"unknown format: {unknown} (must be one of {list(DIAGRAMS_FORMATS)})")
    if shutil.which("dot") is None:
        raise GraphvizError("Graphviz's 'dot' is not installed (apt-get install graphviz)")
    import graphviz  # noqa: PLC0415 (diagrams and its graphviz load only for this picture)

    with tempfile.TemporaryDirectory(prefix="flowviz-") as folder:
        stem = Path(folder) / "architecture"
        try:
            _draw_plan(plan, str(stem), list(formats))
        except graphviz.ExecutableNotFound:
            raise GraphvizError("Graphviz's 'dot' is not installed") from None
        except subprocess.CalledProcessError as exc:
            stderr = exc.stderr.decode("utf-8", "replace") if exc.stderr else ""
            first = stderr.strip().splitlines()[:1] or [f"exit status {exc.returncode}"]
            raise GraphvizError(f"diagrams' dot failed: {first[0]}") from None
        outputs = {fmt: Path(f"{stem}.{fmt}").read_bytes() for fmt in formats}
    if "svg" in outputs:
        outputs["svg"] = embed_images(outputs["svg"])
    return outputs


def _draw_plan(plan: Plan, filename: str, formats: list[str]) -> None:
    """Build the plan with ``diagrams``; leaving its ``Diagram`` renders every format."""
    from diagrams import Cluster, Diagram, Edge, Node  # noqa: PLC0415

    attrs = {key: _dot(value) for key, value in plan.graph_attrs}
    attrs["label"] = _dot(plan.title)
    with Diagram(
        filename=filename,
        show=False,
        outformat=formats,
        graph_attr=attrs,
        node_attr={key: _dot(value) for key, value in plan.node_attrs},
        edge_attr={key: _dot(value) for key, value in plan.edge_attrs},
    ):
        drawn: dict[str, object] = {}
        clusters = {cluster.id: cluster for cluster in plan.clusters}
        for key, members in _by_cluster(plan).items():
            if key is None:
                drawn |= {node.id: _icon_node(node) for node in members}
                continue
            cluster = clusters[key]
            cluster_attrs = {k: _dot(v) for k, v in plan.cluster_attrs}
            cluster_attrs |= {"label": _dot(cluster.label), "id": _dot(cluster.element)}
            with Cluster(cluster.id, graph_attr=cluster_attrs):
                drawn |= {node.id: _icon_node(node) for node in members}
        if plan.legend:
            Node(plan.legend, nodeid="_legend", id="legend", shape="plain", fixedsize="false")
        label_attr = {"label": "label", "xlabel": "xlabel"}.get(plan.labels)
        for edge in plan.edges:
            # diagrams gives every edge its own font: the plan's edge attributes go on each.
            edge_attrs = {key: _dot(value) for key, value in (*plan.edge_attrs, *edge.style)}
            edge_attrs["id"] = _dot(edge.id)
            if label_attr and edge.label:
                edge_attrs[label_attr] = _dot(edge.label)
            source, target = drawn.get(edge.source), drawn.get(edge.target)
            if source is not None and target is not None:
                source >> Edge(**edge_attrs) >> target  # type: ignore[operator]


def _by_cluster(plan: Plan) -> dict[str | None, list[PlanNode]]:
    """The plan's nodes by cluster, clusters in the plan's order, nodes outside any last."""
    groups: dict[str | None, list[PlanNode]] = {cluster.id: [] for cluster in plan.clusters}
    for node in plan.nodes:
        groups.setdefault(node.cluster if node.cluster in groups else None, []).append(node)
    return {key: nodes for key, nodes in groups.items() if nodes}


def _icon_node(node: PlanNode) -> object:
    """A ``diagrams`` node of the plan's icon class, with the plan's id and escaped label."""
    module, _, name = node.icon.rpartition(".")
    if not module.startswith("diagrams."):
        raise GraphvizError(f"not a diagrams icon: {node.icon!r}")
    cls = getattr(importlib.import_module(module), name)
    attrs = {key: _dot(value) for key, value in node.attrs}
    return cls(_dot(node.label), nodeid=node.id, id=_dot(node.element), **attrs)


def _dot(text: str) -> str:
    """``text`` escaped once for the ``graphviz`` package, which adds the quotes itself and
    would otherwise read ``<...>`` as an HTML-like label."""
    from graphviz import nohtml  # noqa: PLC0415

    from flowviz.render.quoting import unquoted  # noqa: PLC0415

    return nohtml(unquoted(text))


@cache
def _icon_folder() -> Path:
    """Where ``diagrams`` keeps its icons (``resources/`` beside the package)."""
    import diagrams  # noqa: PLC0415

    return (Path(diagrams.__file__).parent.parent / "resources").resolve()


_IMAGE_HREF = re.compile(rb'(<image\b[^>]*?\s)((?:xlink:)?href)="([^"]*)"')


def embed_images(svg: bytes) -> bytes:
    """``svg`` with every ``<image>`` that links an icon of ``diagrams`` (a PNG file among its
    resources) holding the picture instead, as a ``data:image/png;base64`` URI; a link to
    anything else is an error, never kept."""
    icons = _icon_folder()

    def inline(match: re.Match[bytes]) -> bytes:
        target = html.unescape(match.group(3).decode("utf-8"))
        if target.startswith("data:image/png;base64,"):
            return match.group(0)
        path = Path(target).resolve()
        if not (path.suffix.lower() == ".png" and path.is_relative_to(icons) and path.is_file()):
            raise GraphvizError(f"the SVG links an image that is not an icon: {target!r}")
        data = base64.b64encode(path.read_bytes())
        return match.group(1) + match.group(2) + b'="data:image/png;base64,' + data + b'"'

    return _IMAGE_HREF.sub(inline, svg)
