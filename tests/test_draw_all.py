"""The report's pictures: the small ones laid out by one Graphviz run, the same pictures as
``draw`` makes one by one for the example maps, and every edge accounted for."""

from __future__ import annotations

import pytest

from flowviz.backend import run_graphviz_each
from flowviz.load import load
from flowviz.pictures import draw, draw_all
from flowviz.report import REPORT_VIEWS
from flowviz.views import build, parse_views
from tests.conftest import MAPS

pytestmark = pytest.mark.dot


@pytest.mark.parametrize("name", ["ru-petshop.md", "en-saas.md"])
def test_one_run_draws_the_example_maps_report_as_one_run_per_picture_does(name: str) -> None:
    path = MAPS / name
    model = load(path)
    graphs = build(model, parse_views(model, REPORT_VIEWS), redact=False)
    together = draw_all(graphs, str(path))
    assert len(graphs) > 3
    for graph, picture in zip(graphs, together, strict=True):
        alone = draw(graph, ["svg"], str(path))
        assert picture.outputs["svg"] == alone.outputs["svg"], graph.name
        assert picture.findings == alone.findings
        assert picture.complete


def test_a_run_that_fails_gives_nothing_so_each_picture_is_drawn_alone() -> None:
    good = 'digraph a { graph [id="a"]; x -> y }'
    assert run_graphviz_each([good, "digraph b { x -> }", good]) is None
    svgs = run_graphviz_each([good, good.replace('"a"', '"b"')])
    assert svgs is not None and len(svgs) == 2
    assert b'<g id="b" class="graph"' in svgs[1]  # not dot's ``page0,1_b``
