"""Edges from links: each link drawn at its ends' nodes, parallel integrations folded."""

from __future__ import annotations

from collections.abc import Iterable
from itertools import product
from operator import attrgetter

from flowviz.graph import Edge, EdgeStatus, Member, new_edge
from flowviz.model import Integration, Map
from flowviz.views.links import Labels, Link, integration_member
from flowviz.views.nodes import end_nodes, node_id
from flowviz.wording import shorten

FOLD_LABEL_MAX = 30

Key = tuple[str, str, str | None, str | None]
"""(source node, target node, source port, target port)."""


def link_edges(link: Link) -> list[Edge]:
    """A link's edges: one per pair of drawn ends (a link to two tools gives two edges); an
    internal step is a loop on its sender."""
    source_end, target_end, member = link.source, link.target, link.member
    if source_end is None:
        return []
    status = _one_status(member.status)
    source_port = source_end.ids[0] if source_end.ids else None
    target_port = target_end.ids[0] if target_end is not None and target_end.ids else None
    if target_end is not None and not source_end.parts and not target_end.parts:
        # the common case: one system to another, one edge under the member's own id
        source, target = node_id(source_end.system), node_id(target_end.system)
        edge = Edge(
            member.id, source, target, member.label, (member,), status, source_port,
            target_port, link.order,
        )  # fmt: skip
        return [edge]
    sources = end_nodes(source_end)
    if target_end is None:
        pairs = [(source, source) for source in sources]
    else:
        pairs = list(product(sources, end_nodes(target_end)))
    fanned = len(pairs) > 1
    return [
        Edge(
            f"{member.id}/{_key(source)}/{_key(target)}" if fanned else member.id,
            source,
            target,
            member.label,
            (member,),
            status,
            source_port,
            target_port,
            link.order,
        )
        for source, target in pairs
    ]


def build_edges(links: Iterable[Link]) -> list[Edge]:
    """Every link's edges, in order."""
    return [edge for link in links for edge in link_edges(link)]


def fold_edges(edges: Iterable[Edge]) -> tuple[Edge, ...]:
    """Integrations between the same two ends become one edge (count and methods as its
    label, every row a member); other edges stay as they are."""
    buckets: dict[Key, list[Edge]] = {}
    out: list[Edge | Key] = []
    for edge in edges:
        if edge.members[0].kind != "integration":
            out.append(edge)
            continue
        key = (edge.source, edge.target, edge.source_port, edge.target_port)
        if key not in buckets:
            buckets[key] = []
            out.append(key)
        buckets[key].append(edge)
    return tuple(item if isinstance(item, Edge) else _fold(buckets[item]) for item in out)


def integration_edges(model: Map, fold: bool = True) -> tuple[Edge, ...]:
    """The edges of every integration with both ends known, folded by pair with ``fold``:
    what ``fold_edges(build_edges(integration_links(model)))`` gives, straight from the rows
    (no link or unfolded edge on the way: the unfiltered overview draws thousands)."""
    if fold:
        return _folded_edges(model.integrations)
    nodes = _NodeIds()
    return tuple(
        [_row_edge(edge_id, nodes[s], nodes[t], m) for edge_id, s, t, m in _drawn_rows(model)]
    )


Drawn = tuple[str, str, str, Member]
"""(edge id, source system, target system, member): a row between two drawn ends."""


def _drawn_rows(model: Map) -> list[Drawn]:
    """(edge id, source system, target system, member) for each pair of drawn ends of each
    row with both ends known, in the rows' order, as ``link_edges`` draws them (a row to two
    tools: two)."""
    labels = Labels()
    drawn: list[Drawn] = []
    add = drawn.append
    for row in model.integrations:
        if not (row.source and row.target):
            continue
        member = integration_member(row, labels)
        if not row.source_parts and not row.target_parts:
            add((member.id, row.source, row.target, member))
            continue
        pairs = _tool_pairs(row)
        fanned = len(pairs) > 1
        for source, target in pairs:
            add((f"{member.id}/{source}/{target}" if fanned else member.id, source, target, member))
    return drawn


def _folded_edges(rows: Iterable[Integration]) -> tuple[Edge, ...]:
    """``integration_edges`` folded: the rows drawn between each two systems, in the order
    each pair first appears, as one edge (a row alone keeps its own edge)."""
    labels = Labels()
    pairs: dict[tuple[str, str], list[Member]] = {}
    fanned: set[str] = set()
    for row in rows:
        if not (row.source and row.target):
            continue
        member = integration_member(row, labels)
        if not row.source_parts and not row.target_parts:  # most rows
            key = (row.source, row.target)
            members = pairs.get(key)
            if members is None:
                pairs[key] = [member]
            else:
                members.append(member)
            continue
        tools = _tool_pairs(row)
        if len(tools) > 1:
            fanned.add(member.id)
        for key in tools:
            pairs.setdefault(key, []).append(member)
    nodes = _NodeIds()
    return tuple(
        [
            _pair_edge(source, target, members, nodes, fanned)
            for (source, target), members in pairs.items()
        ]
    )


def _tool_pairs(row: Integration) -> list[tuple[str, str]]:
    """The systems a row naming tools of a group is drawn between: each tool it names on one
    side (else that side's system) with each on the other."""
    return list(product(row.source_parts or [row.source], row.target_parts or [row.target]))


class _NodeIds(dict[str, str]):
    """System id -> its node id, each made once."""

    def __missing__(self, system_id: str) -> str:
        self[system_id] = node_id(system_id)
        return self[system_id]


def _row_edge(edge_id: str, source: str, target: str, member: Member) -> Edge:
    """One row's own edge between the nodes ``source`` and ``target``."""
    status = _one_status(member.status)
    return new_edge((edge_id, source, target, member.label, (member,), status, None, None, None))


def _pair_edge(
    source: str, target: str, members: list[Member], nodes: _NodeIds, fanned: set[str]
) -> Edge:
    """The edge from system ``source`` to ``target`` for the rows ``members`` there: the row's
    own edge when it is alone (its id says the pair when the row fans out to several), else
    the folded edge (as ``fold_edges`` makes it)."""
    if len(members) == 1:
        member = members[0]
        edge_id = f"{member.id}/{source}/{target}" if member.id in fanned else member.id
        return _row_edge(edge_id, nodes[source], nodes[target], member)
    folded = tuple(members)
    return new_edge(
        (
            f"pair:{source}/{target}",
            nodes[source],
            nodes[target],
            fold_label(folded),
            folded,
            _status(folded),
            None,
            None,
            None,
        )
    )


def _fold(edges: list[Edge]) -> Edge:
    if len(edges) == 1:
        return edges[0]
    members = tuple(m for edge in edges for m in edge.members)
    first = edges[0]
    return Edge(
        id=f"pair:{_key(first.source)}/{_key(first.target)}",
        source=first.source,
        target=first.target,
        label=fold_label(members),
        members=members,
        status=_status(members),
        source_port=first.source_port,
        target_port=first.target_port,
    )


def fold_label(members: Iterable[Member]) -> str:
    """``3× Webhook, API``: how many rows, and their methods without repeats.

    >>> m = lambda label: Member("integration:2.1", "integration", 1, label)
    >>> fold_label([m("Webhook"), m("API"), m("Webhook")])
    '3× Webhook, API'
    """
    members = tuple(members)
    methods = ", ".join(dict.fromkeys(filter(None, map(_label, members))))
    return shorten(f"{len(members)}× {methods}".strip(), FOLD_LABEL_MAX)


_label = attrgetter("label")
_member_status = attrgetter("status")
_KNOWN_STATUSES = frozenset(("configured", "needs_setup", "not_required"))


def _one_status(status: str) -> EdgeStatus:
    return status if status in _KNOWN_STATUSES else "unknown"  # type: ignore[return-value]


def _status(members: Iterable[Member]) -> EdgeStatus:
    found = set(map(_member_status, members))
    return _one_status(found.pop()) if len(found) == 1 else "mixed"


def _key(node: str) -> str:
    return node.removeprefix("system:")
