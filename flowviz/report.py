"""The HTML report of a map: its pictures drawn, its check run, the page built.

This is where the pieces meet: the views are built from the redacted model and drawn as SVG
by ``pictures.draw`` (which runs ``dot`` through the backend), the check runs on the model as
read (its secret rule must see the secrets; its texts are then redacted like everything
else), and ``render.html`` turns the finished pictures and data into one page.
"""

from __future__ import annotations

from flowviz import __version__
from flowviz.check import check
from flowviz.exports import Export, ExportRequest
from flowviz.model import Diagnostic
from flowviz.pictures import draw_all
from flowviz.render.html import Figure, Report, to_html
from flowviz.secrets import redact_data
from flowviz.views import build, parse_views

REPORT_VIEWS = "overview,identifiers,flows"
"""The views the report shows, in this order."""


def html_report(request: ExportRequest) -> Export:
    """``request``'s map as one self-contained HTML page; the pictures' findings (what they
    could not draw) are in the page and returned as the export's findings."""
    model = request.shown_model()
    figures: list[Figure] = []
    drawing: list[Diagnostic] = []
    graphs = build(model, parse_views(model, REPORT_VIEWS), redact=False)
    for graph, picture in zip(graphs, draw_all(graphs, request.file), strict=True):
        figures.append(Figure(graph.name, graph.title, picture.outputs["svg"]))
        drawing.extend(picture.findings)
    found = sorted(
        [*_check(request), *drawing], key=lambda d: (d.line, d.column, d.code, d.message)
    )
    page = to_html(Report(model, tuple(found), tuple(figures), __version__))
    return Export(page.encode("utf-8"), drawing)


def _check(request: ExportRequest) -> list[Diagnostic]:
    """The check's findings on the map as read, redacted unless asked otherwise."""
    found = check(request.model, request.config)
    if not request.redact or not found:
        return found
    data = [item.model_dump(mode="json") for item in found]
    cleaned = redact_data(data, request.config.secrets_allowlist)
    return [Diagnostic.model_validate(item) for item in cleaned]
