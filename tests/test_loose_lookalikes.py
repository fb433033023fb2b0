"""Lines that look like edges in documents not in the template's shape but move nothing: a
program's own console output, a list of event-name mappings, and a graph of identifiers; and a
request written inside a chain, which labels the hop through it."""

from __future__ import annotations

import flowviz
from tests.conftest import FIXTURES
from tests.loose_support import named_edges

LOOSE = FIXTURES / "loose"


def _edges() -> list[tuple[str, str, int]]:
    return named_edges(flowviz.load(LOOSE / "en-tracking-examples.md"))


def test_console_output_is_no_receiving_system() -> None:
    assert not [edge for edge in _edges() if edge[2] in (8, 9)]


def test_a_list_under_a_mappings_label_states_no_edge() -> None:
    assert not [edge for edge in _edges() if 11 <= edge[2] <= 14]


def test_a_request_between_two_ends_of_a_chain_labels_the_hop() -> None:
    """``collectorAPI → POST /collect → ingestServer``: no run order of actions, one edge."""
    model = flowviz.load(LOOSE / "en-tracking-examples.md")
    names = {s.id: s.name for s in model.systems}
    hops = [
        (names[r.source], names[r.target], r.source_data)
        for r in model.integrations
        if r.line == 19
    ]
    assert ("collectorAPI", "ingestServer", "POST /collect") in hops
    assert ("ingestServer", "BigQuery", "") in hops


def test_a_graph_under_an_identifiers_heading_draws_no_systems() -> None:
    """``Visitor --> Phone``, ``Phone --> Monday`` under ``User identification levels``: how
    identifiers hang together; what the document states is the chain alone."""
    assert _edges() == [("collectorAPI", "ingestServer", 19), ("ingestServer", "BigQuery", 19)]


def test_an_outcome_cried_or_cut_from_a_quotation_is_no_end(write_map) -> None:
    """``Keyword "free hearing test":`` and ``→ 20 calls … → PAUSE!`` under it tell what to do
    with a keyword: no system at either end, while an edge beside them stays one."""
    model = flowviz.load(
        write_map(
            '# Results\n\n```\nKeyword "free hearing test":\n'
            "  → 20 calls, 0 appointments → PAUSE!\n"
            'Keyword "hearing aid repair":\n  → 10 calls → INCREASE BUDGET!\n'
            "CallRail → Google Ads\n```\n"
        )
    )
    assert named_edges(model) == [("CallRail", "Google Ads", 8)]
