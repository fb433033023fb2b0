"""Every view and export of the real documents not in the template (``test_real_documents``
measures what the reader finds in them): a module of its own, so that a second worker draws
them while the first one measures."""

from __future__ import annotations

import pytest
from real_support import DOCS, REAL, read
from test_real_documents import STATE

from flowviz.config import Config
from flowviz.exports import EXPORT_FORMATS, ExportRequest, export
from flowviz.views import build, parse_views


@pytest.mark.parametrize("name", [n for n in DOCS if not STATE[n][0]])
def test_every_view_and_export_works_for_a_document_not_in_the_template(name: str) -> None:
    model = read(name)
    graphs = build(model, parse_views(model, "all"))
    assert graphs[0].kind == "overview"
    assert bool(graphs[0].edges) == bool(model.integrations)
    for fmt in EXPORT_FORMATS:
        assert export(ExportRequest(model, Config(), str(REAL / f"{name}.md")), fmt).data
