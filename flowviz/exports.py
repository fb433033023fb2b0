"""Exports: one map as one file of a format (data, DOT, Mermaid, HTML report, draw.io).

Each format is one small function from an :class:`ExportRequest` to an :class:`Export`; the
command line picks it from ``EXPORTERS``. Every export is drawn from the redacted model unless
``redact`` is False, and the same map always gives the same bytes. The modules behind each
format are imported when it runs, so that one format does not pay for another.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from flowviz.config import Config
from flowviz.model import Diagnostic, Map


@dataclass(frozen=True, slots=True)
class ExportRequest:
    """What an export is made from: the model as read, its config and file, and whether to
    redact secrets."""

    model: Map
    config: Config
    file: str
    redact: bool = True

    def shown_model(self) -> Map:
        """The model every export is made from: redacted unless asked otherwise."""
        from flowviz.views import redacted  # noqa: PLC0415 (only exports that need it)

        return redacted(self.model, self.config.secrets_allowlist) if self.redact else self.model


@dataclass(frozen=True, slots=True)
class Export:
    """An export's bytes, and what it had to leave out or could not draw."""

    data: bytes
    findings: list[Diagnostic] = field(default_factory=list)


def _json(request: ExportRequest) -> Export:
    from flowviz.render.data import to_json  # noqa: PLC0415

    return Export(to_json(request.shown_model()).encode("utf-8"))


def _yaml(request: ExportRequest) -> Export:
    from flowviz.render.data import to_yaml  # noqa: PLC0415 (YAML only when asked)

    return Export(to_yaml(request.shown_model()).encode("utf-8"))


def _dot(request: ExportRequest) -> Export:
    """The overview as DOT text, as ``flowviz render --format dot`` writes it."""
    from flowviz.pictures import LABEL_EDGES_MAX  # noqa: PLC0415
    from flowviz.render.dot import to_dot  # noqa: PLC0415
    from flowviz.views import overview  # noqa: PLC0415

    graph = overview(request.shown_model())
    labels = "label" if len(graph.edges) <= LABEL_EDGES_MAX else "xlabel"
    return Export(to_dot(graph, labels).encode("utf-8"))


def _mermaid(request: ExportRequest) -> Export:
    """One Markdown document: the overview, identifiers and every flow as Mermaid, each under a
    heading in the map's language; what Mermaid cannot take is named in it and in findings."""
    from flowviz.render.mermaid import (  # noqa: PLC0415
        EDGES_MAX,
        TEXT_MAX,
        to_markdown,
        to_mermaid,
    )
    from flowviz.views import flow, identifiers, overview  # noqa: PLC0415

    model = request.shown_model()
    graphs = [overview(model), identifiers(model)]
    graphs += [flow(model, f.number) for f in model.flows]
    diagrams = [to_mermaid(graph) for graph in graphs]
    title = model.project.name or Path(model.file).stem
    findings = [
        Diagnostic(
            code="FV304",
            severity="warning",
            file=request.file,
            line=omitted.line,
            message=f"{omitted.id} is missing from the '{diagram.graph.name}' Mermaid diagram: "
            f"Mermaid takes at most {EDGES_MAX} edges and {TEXT_MAX:,} characters",
            hint="Draw it with 'flowviz render' (SVG), or narrow the map.",
        )
        for diagram in diagrams
        for omitted in diagram.omitted
    ]
    return Export(to_markdown(title, diagrams, model.language).encode("utf-8"), findings)


def _html(request: ExportRequest) -> Export:
    """One self-contained HTML page: section 1's header, every view as inline SVG, the
    tables and the check's findings, a search box and a system filter."""
    from flowviz.report import html_report  # noqa: PLC0415 (runs dot: only when asked)

    return html_report(request)


def _drawio(request: ExportRequest) -> Export:
    """The overview as a diagrams.net file, laid out by Graphviz (``dot -Tjson``)."""
    from flowviz.backend import GraphvizTimeout, run_graphviz  # noqa: PLC0415
    from flowviz.pictures import LABEL_EDGES_MAX  # noqa: PLC0415
    from flowviz.render.dot import to_dot  # noqa: PLC0415
    from flowviz.render.drawio import to_drawio  # noqa: PLC0415
    from flowviz.render.layout import read_layout  # noqa: PLC0415
    from flowviz.views import overview  # noqa: PLC0415

    graph = overview(request.shown_model())
    labels = "label" if len(graph.edges) <= LABEL_EDGES_MAX else "xlabel"
    try:
        layout = run_graphviz(to_dot(graph, labels), ["json"])
    except GraphvizTimeout:
        layout = run_graphviz(to_dot(graph, "none"), ["json"], "sfdp")
    placed = read_layout(layout.outputs["json"])
    return Export(to_drawio(graph, placed).encode("utf-8"))


EXPORTERS: dict[str, Callable[[ExportRequest], Export]] = {
    "json": _json,
    "yaml": _yaml,
    "dot": _dot,
    "mermaid": _mermaid,
    "html": _html,
    "drawio": _drawio,
}
EXPORT_FORMATS = tuple(EXPORTERS)


def export(request: ExportRequest, fmt: str) -> Export:
    """``request``'s map as format ``fmt`` (one of ``EXPORT_FORMATS``)."""
    return EXPORTERS[fmt](request)
