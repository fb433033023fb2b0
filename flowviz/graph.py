"""The graph view: nodes, clusters and edges that every picture is drawn from.

A view (``flowviz.views``) builds a :class:`Graph` from the model; renderers draw it and never
look at the model's raw fields. Ids are stable and generated from the model's ids, never from
map text: ``system:crm``, ``integration:2.1``, ``step:1.3``, ``rule:6.2``, ``binding:10.1``.
The types are named tuples: immutable, typed, and four times cheaper to build than frozen
dataclasses, which counts at thousands of rows.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import partial
from typing import Literal, NamedTuple

ViewKind = Literal["overview", "flow", "identifiers", "system", "architecture"]
"""``architecture`` is the overview drawn with icons (``diagrams``) instead of Graphviz shapes."""
NodeKind = Literal["cms", "crm", "esp", "analytics", "other", "actor", "group"]
EdgeStatus = Literal["configured", "needs_setup", "not_required", "unknown", "mixed"]
MemberKind = Literal["integration", "step", "rule", "binding"]


Facts = tuple[tuple[str, ...], tuple[str, ...]]
"""What a member, node or note says, for its tooltip: ``(keys, values)``, the value
``values[i]`` under the language-neutral key ``keys[i]`` (``method``, ``purpose``, ...);
``zip(*facts)`` gives the pairs. Facts with a value, but a record node lists each identifier
it holds, described or not. Two plain tuples rather than a tuple of pairs or a named tuple:
the overview gives thousands of rows their facts, and the rows with every cell filled in
share one tuple of keys."""

NO_FACTS: Facts = ((), ())


def facts_of(pairs: Iterable[tuple[str, str]]) -> Facts:
    """The facts of those ``(key, value)`` pairs that have a value, in order.

    >>> facts_of([("method", "API"), ("purpose", ""), ("status", "Настроено")])
    (('method', 'status'), ('API', 'Настроено'))
    """
    kept = [pair for pair in pairs if pair[1]]
    if not kept:
        return NO_FACTS
    keys, values = zip(*kept, strict=True)
    return keys, values


def fact(facts: Facts, key: str) -> str:
    """The value of the fact ``key``; empty when there is none.

    >>> fact((("method", "status"), ("API", "Настроено")), "status")
    'Настроено'
    >>> fact(NO_FACTS, "status")
    ''
    """
    keys, values = facts
    return values[keys.index(key)] if key in keys else ""


ROW_FACTS = (
    "source_data",
    "target",
    "method",
    "identifiers",
    "fields",
    "purpose",
    "details",
    "status",
)
"""The facts of an integration row, in order: the keys of every row with each cell filled in
(most rows), one tuple for them all."""


class Member(NamedTuple):
    """A row, step or rule that an edge stands for."""

    id: str
    """Stable id: ``integration:2.1``, ``step:1.3``, ``rule:6.2``, ``binding:10.1``."""
    kind: MemberKind
    """What it is."""
    line: int
    """Its line in the map."""
    label: str
    """A short label (the method, or a step's number)."""
    status: str = "unknown"
    """Integration status; ``unknown`` for steps and rules."""
    facts: Facts = NO_FACTS
    """Everything the row says, for the tooltip."""


class Node(NamedTuple):
    """A system, a tool of a group, an actor, or a group addressed as a whole."""

    id: str
    """``system:<id>``."""
    key: str
    """The system id the node draws (safe for any output's node id)."""
    label: str
    """Display name in the map's own words."""
    kind: NodeKind
    """Role; ``group`` for a group's own node inside its cluster."""
    cluster: str | None = None
    """Id of the cluster it sits in."""
    line: int | None = None
    """Where the system is declared."""
    facts: Facts = NO_FACTS
    """Product, URL, IDs ..., for the tooltip."""
    ports: tuple[str, ...] = ()
    """Rows of a record node (the identifiers view: the identifiers a system holds)."""


class Cluster(NamedTuple):
    """A group of tools (``Analytics (GA4, Meta Pixel)``) drawn as a box around its parts."""

    id: str
    """``system:<group id>``."""
    key: str
    """The group's system id."""
    label: str
    """The group's name."""
    kind: NodeKind
    """The group's role."""


class Edge(NamedTuple):
    """A directed edge: one or more members between the same two drawn ends."""

    id: str
    """A member's id, or ``pair:<source>/<target>`` when members are folded."""
    source: str
    """Node id of the sending end."""
    target: str
    """Node id of the receiving end."""
    label: str
    """Short label: the method, a folded edge's count and methods, a step's number."""
    members: tuple[Member, ...]
    """What the edge stands for, in document order."""
    status: EdgeStatus = "unknown"
    """The members' common status, ``mixed`` when they differ."""
    source_port: str | None = None
    """Row of the source record (identifiers view)."""
    target_port: str | None = None
    """Row of the target record (identifiers view)."""
    order: int | None = None
    """A flow step's number."""

    @property
    def lines(self) -> tuple[int, ...]:
        """The map lines of every member."""
        return tuple(member.line for member in self.members)


class Note(NamedTuple):
    """A line shown beside the picture (a flow's step list), or a member not drawn."""

    text: str
    """The text, in the map's own words."""
    line: int
    """Its line in the map."""
    member: str | None = None
    """Id of the member it is about."""
    drawn: bool = True
    """False for a member the picture cannot draw (e.g. a step with no sender)."""
    facts: Facts = NO_FACTS
    """What the member says (a step's text, method, identifiers), for a flow player."""


class Graph(NamedTuple):
    """What one picture shows."""

    kind: ViewKind
    """Which view built it."""
    name: str
    """File stem: ``overview``, ``flow-1``, ``identifiers``, ``system-crm`` (filters added)."""
    title: str
    """The picture's title in the map's language."""
    language: Literal["ru", "en"]
    """The map's language, for legends and titles."""
    nodes: tuple[Node, ...] = ()
    clusters: tuple[Cluster, ...] = ()
    edges: tuple[Edge, ...] = ()
    notes: tuple[Note, ...] = ()
    """A flow's steps in order (drawn beside the picture)."""
    filters: tuple[tuple[str, str], ...] = ()
    """The filters applied, as (name, value)."""

    def members(self) -> tuple[Member, ...]:
        """Every member of every edge, in edge order."""
        return tuple(member for edge in self.edges for member in edge.members)


new_member = partial(tuple.__new__, Member)
"""``Member._make`` without its count of the fields, for a view that makes a member per row
(thousands): the caller passes every field, in order."""
new_edge = partial(tuple.__new__, Edge)
"""``Edge._make`` without its count of the fields, for a view that makes an edge per row: the
caller passes every field, in order."""
