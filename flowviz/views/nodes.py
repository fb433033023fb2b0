"""Where links end in a picture: the nodes and clusters for a set of systems.

A group with named tools (``Analytics (GA4, Meta Pixel)``) is a cluster around its tools; the
group gets a node of its own inside the cluster only when something addresses it as a whole.
"""

from __future__ import annotations

from collections.abc import Iterable

from flowviz.graph import Cluster, Facts, Node, NodeKind, facts_of
from flowviz.model import Map, System
from flowviz.views.links import End


def node_id(system_id: str) -> str:
    """The graph id of a system's node."""
    return f"system:{system_id}"


def cluster_id(system_id: str) -> str:
    """The graph id of a group's cluster."""
    return f"cluster:{system_id}"


def groups(model: Map) -> set[str]:
    """Ids of the systems that have tools (parts)."""
    return {s.parent for s in model.systems if s.parent}


def end_nodes(end: End) -> list[str]:
    """The nodes an end is drawn at: each named tool, else the system itself."""
    return [node_id(part) for part in end.parts] or [node_id(end.system)]


def build_nodes(
    model: Map, used: Iterable[str], everything: bool = False
) -> tuple[tuple[Node, ...], tuple[Cluster, ...]]:
    """Nodes for the systems ``used`` (node ids), or every non-actor system with
    ``everything``, in the model's order; the clusters of their groups."""
    wanted = {key.removeprefix("system:") for key in used}
    grouped = groups(model)
    if everything:
        wanted |= {s.id for s in model.systems if s.kind != "actor" and s.id not in grouped}
    nodes, clusters = [], []
    by_id = {s.id: s for s in model.systems}
    for system in model.systems:
        if system.id in grouped and (
            system.id in wanted or any(p.id in wanted for p in _parts(model, system.id))
        ):
            clusters.append(Cluster(cluster_id(system.id), system.id, system.name, system.kind))
        if system.id in wanted:
            nodes.append(_node(system, grouped))
    known = set(by_id)
    nodes.extend(_unknown(key) for key in sorted(wanted - known))
    return tuple(nodes), tuple(clusters)


def _parts(model: Map, group: str) -> list[System]:
    return [s for s in model.systems if s.parent == group]


def _node(system: System, grouped: set[str]) -> Node:
    is_group = system.id in grouped
    kind: NodeKind = "group" if is_group else system.kind
    parent = system.id if is_group else system.parent
    return Node(
        id=node_id(system.id),
        key=system.id,
        label=system.name,
        kind=kind,
        cluster=cluster_id(parent) if parent else None,
        line=system.line,
        facts=_facts(system),
    )


def _facts(system: System) -> Facts:
    pairs = [
        ("kind", system.kind),
        ("product", system.product or ""),
        ("url", system.url or ""),
        ("ids", ", ".join(system.ids)),
        ("aliases", ", ".join(a for a in system.aliases if a != system.name)),
        ("line", str(system.line or "")),
    ]
    return facts_of(pairs)


def _unknown(system_id: str) -> Node:
    """A node for an id the model does not list (a YAML map edited by hand)."""
    return Node(id=node_id(system_id), key=system_id, label=system_id, kind="other")
