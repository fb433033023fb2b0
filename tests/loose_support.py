"""What the tests of documents not in the template compare: the edges a model reports."""

from __future__ import annotations

from flowviz.model import Map


def named_edges(model: Map) -> list[tuple[str, str, int]]:
    """(sender name, receiver name, line) of every integration row with both ends; a row of
    no system stays in the model but is no edge."""
    names = {s.id: s.name for s in model.systems}
    rows = [r for r in model.integrations if r.source and r.target]
    return [(names[r.source], names[r.target], r.line) for r in rows]
