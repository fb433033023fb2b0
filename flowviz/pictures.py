"""Pictures of graph views: DOT from the renderer, laid out by the backend, every edge counted.

``dot`` can exit with an error or silently drop edges on big graphs. Each picture is laid out
first as SVG and its edges are counted against the edges asked for; when any is missing, the
next label strategy is tried (``label``, then ``xlabel``, then no labels, then ``sfdp``). What
is still missing after the last try is named in a finding, never left as a silent gap.
"""

from __future__ import annotations

import re
import struct
from collections.abc import Sequence
from dataclasses import dataclass, field

from flowviz.backend import (
    DIAGRAMS_FORMATS,
    GraphvizError,
    GraphvizTimeout,
    Layout,
    drawn_edges,
    run_diagrams,
    run_graphviz,
    run_graphviz_each,
)
from flowviz.graph import Graph
from flowviz.model import Diagnostic, Severity
from flowviz.render.architecture import to_plan
from flowviz.render.dot import LabelMode, to_dot

PICTURE_FORMATS = ("svg", "png", "dot")
ARCHITECTURE_FORMATS = DIAGRAMS_FORMATS
"""The architecture picture has no DOT file: ``diagrams``' DOT links its icons by absolute
path into the installed package, so it means nothing elsewhere."""
STRATEGIES: tuple[tuple[str, LabelMode], ...] = (
    ("dot", "label"),
    ("dot", "xlabel"),
    ("dot", "none"),
    ("sfdp", "none"),
)
LABEL_EDGES_MAX = 150
"""Above this many edges start with ``xlabel``: ``dot`` loses edges with ``label`` at a
thousand, and takes three times longer at a few hundred (a picture that dense is read by its
tooltips anyway)."""


@dataclass(frozen=True, slots=True)
class Picture:
    """One view drawn: each format's bytes, how it was laid out, and what it could not draw."""

    graph: Graph
    outputs: dict[str, bytes]
    engine: str
    labels: LabelMode
    tries: int
    findings: list[Diagnostic] = field(default_factory=list)

    @property
    def complete(self) -> bool:
        """Whether every edge asked for is in the picture."""
        return not any(f.code == "FV301" for f in self.findings)


def draw(graph: Graph, formats: Sequence[str], file: str) -> Picture:
    """``graph`` as every format in ``formats`` (``svg``, ``png``, ``dot``); ``file`` is the
    map, named by the findings."""
    asked = [edge.id for edge in graph.edges]
    first = 0 if len(asked) <= LABEL_EDGES_MAX else 1
    chosen: tuple[str, LabelMode, str, Layout] | None = None
    missing: list[str] = asked
    best = (len(asked) + 1, True)
    tries = 0
    # A small picture's first layout nearly always stands: its PNG comes from the same run.
    bitmaps = ["png"] if "png" in formats and first == 0 else []
    for engine, labels in STRATEGIES[first:]:
        tries += 1
        text = to_dot(graph, labels)
        try:
            layout = run_graphviz(text, ["svg", *bitmaps], engine)
        except GraphvizTimeout:
            continue
        drawn = drawn_edges(layout.outputs["svg"])
        lost = [edge_id for edge_id in asked if edge_id not in drawn]
        score = (len(lost), layout.returncode != 0)
        if score < best:
            chosen, missing, best = (engine, labels, text, layout), lost, score
        if score == (0, False):
            break
    if chosen is None:
        raise GraphvizTimeout(f"no layout of '{graph.name}' finished in time")
    engine, labels, text, layout = chosen
    outputs = {"svg": layout.outputs["svg"], "dot": text.encode("utf-8")}
    findings = [*_unplaced(graph, file), *_lost(graph, missing, file)]
    if "png" in formats:
        bitmap = layout if "png" in layout.outputs else run_graphviz(text, ["png"], engine)
        outputs["png"] = bitmap.outputs["png"]
        if bitmap.scaled:
            findings.append(_scaled(graph, file))
    wanted = {fmt: outputs[fmt] for fmt in formats if fmt in outputs}
    return Picture(graph, wanted, engine, labels, tries, findings)


def draw_all(graphs: Sequence[Graph], file: str) -> list[Picture]:
    """Every graph as SVG, as ``draw`` draws it; the small ones are laid out by one Graphviz
    run, and a picture that run did not draw whole is drawn again on its own, with ``draw``'s
    fallbacks."""
    small = [n for n, graph in enumerate(graphs) if len(graph.edges) <= LABEL_EDGES_MAX]
    texts = [to_dot(graphs[n], "label") for n in small]
    svgs = run_graphviz_each(texts) if len(small) > 1 else None
    done: dict[int, Picture] = {}
    for n, svg in zip(small, svgs or [], strict=False):
        graph = graphs[n]
        drawn = drawn_edges(svg)
        if all(edge.id in drawn for edge in graph.edges):
            done[n] = Picture(graph, {"svg": svg}, "dot", "label", 1, _unplaced(graph, file))
    return [done.get(n) or draw(graph, ["svg"], file) for n, graph in enumerate(graphs)]


def draw_architecture(graph: Graph, formats: Sequence[str], file: str) -> Picture:
    """``graph`` drawn with ``diagrams`` (icons, clusters, edges labelled by method) as every
    format in ``formats`` that it has (``png``, ``svg``); its edges are counted in its SVG as
    ``draw`` counts them, with the same label strategies."""
    wanted = [fmt for fmt in dict.fromkeys(formats) if fmt in ARCHITECTURE_FORMATS]
    asked = [edge.id for edge in graph.edges]
    first = 0 if len(asked) <= LABEL_EDGES_MAX else 1
    chosen: tuple[LabelMode, dict[str, bytes]] | None = None
    missing, tries, failure = asked, 0, ""
    for labels in ("label", "xlabel", "none")[first:]:
        tries += 1
        try:
            outputs = run_diagrams(to_plan(graph, labels), sorted({"svg", *wanted}))
        except GraphvizError as exc:
            failure = str(exc)
            continue
        lost = [edge_id for edge_id in asked if edge_id not in drawn_edges(outputs["svg"])]
        if chosen is None or len(lost) < len(missing):
            chosen, missing = (labels, outputs), lost
        if not lost:
            break
    if chosen is None:
        raise GraphvizError(f"no architecture picture of '{graph.name}': {failure}")
    labels, outputs = chosen
    findings = [*_unplaced(graph, file), *_lost(graph, missing, file)]
    if "png" in outputs and png_scaled(outputs["svg"], outputs["png"]):
        findings.append(_scaled(graph, file))
    kept = {fmt: outputs[fmt] for fmt in wanted}
    return Picture(graph, kept, "diagrams", labels, tries, findings)


_SVG_SIZE = re.compile(rb'<svg[^>]*?\swidth="([0-9.]+)pt"\s+height="([0-9.]+)pt"')


def png_scaled(svg: bytes, png: bytes) -> bool:
    """Whether cairo scaled a PNG down to fit its size limit: the PNG is smaller than the SVG
    of the same layout at Graphviz's 96 dpi (``diagrams`` hides ``dot``'s warning)."""
    size = _SVG_SIZE.search(svg)
    if size is None or len(png) < 24:
        return False
    width, height = struct.unpack(">II", png[16:24])
    return width < float(size[1]) * 96 / 72 - 2 or height < float(size[2]) * 96 / 72 - 2


def _finding(
    code: str, severity: Severity, file: str, line: int, message: str, hint: str
) -> Diagnostic:
    return Diagnostic(
        code=code, severity=severity, file=file, line=line, message=message, hint=hint
    )


def _lost(graph: Graph, missing: list[str], file: str) -> list[Diagnostic]:
    by_id = {edge.id: edge for edge in graph.edges}
    return [
        _finding(
            "FV301",
            "warning",
            file,
            member.line,
            f"{member.id} is missing from the '{graph.name}' picture: Graphviz could not draw it",
            "Render a narrower view (--system, --status, --identifier, --flow).",
        )
        for edge_id in missing
        for member in by_id[edge_id].members
    ]


def _scaled(graph: Graph, file: str) -> Diagnostic:
    return _finding(
        "FV302",
        "info",
        file,
        1,
        f"the '{graph.name}' PNG was scaled down to fit cairo's size limit",
        "Use the SVG, which is never scaled, or render a narrower view.",
    )


def _unplaced(graph: Graph, file: str) -> list[Diagnostic]:
    """A finding for each member the view could not place (an integration with no sender or
    receiver, a step with no sender)."""
    return [
        _finding(
            "FV303",
            "warning",
            file,
            note.line,
            f"{note.member or note.text} is not in the '{graph.name}' picture: "
            "its sender or receiver names no system",
            "Name both systems as section 1 lists them.",
        )
        for note in graph.notes
        if not note.drawn
    ]
