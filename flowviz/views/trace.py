"""The identifier tracer, the flow player's steps and the focus rule, as plain typed data.

``trace`` follows one identifier through the map: who creates it (its owner in sections 6 and
10, a step that says it is created), who sends and receives it (integration rows and flow
steps that carry it) and which sync rules (section 6) and bindings (section 10) map it. Each
hop names the member it comes from with the graph view's ids, so a picture can highlight the
identifier's path (``highlighted_edges``) and fade the rest. ``flow_steps`` lists a flow
view's steps with the edges that draw each one. Trace the redacted model (``views.redacted``)
for anything shown to a reader: hops quote the map's text.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Literal, NamedTuple

from flowviz.graph import Facts, Graph, fact
from flowviz.model import Flow, Identifier, IdRule, Integration, Map, Step
from flowviz.views.links import SHARED, binding_links, section_number
from flowviz.views.nodes import node_id

Role = Literal["creates", "sends", "receives", "maps"]
ROLES: tuple[Role, ...] = ("creates", "sends", "receives", "maps")

FOCUS_SYSTEMS = 40
"""Above this many systems (actors aside) the explorer opens a depth-1 neighbourhood."""


class Hop(NamedTuple):
    """One place where the identifier moves, is created or is mapped."""

    source: str | None
    """The system id it comes from (the creator for an owner); None when unknown."""
    target: str | None
    """The system id it goes to; None for an owner or an internal step."""
    role: Role
    """``creates``, ``sends``, ``receives`` or ``maps``."""
    method: str
    """The row's, step's or rule's method, as written."""
    member: str
    """``integration:2.1``, ``step:1.3``, ``rule:6.2``, ``binding:10.1``, ``identifier:1``."""
    line: int
    """Its line in the map."""
    text: str
    """The map's words for it (a step's text, a row's data and receiver, a rule's ids)."""
    source_parts: tuple[str, ...] = ()
    """Tools of the source group it names (GA4 of Analytics)."""
    target_parts: tuple[str, ...] = ()
    """Tools of the target group it names."""
    example: bool = False
    """True when the map names the identifier there only in a template example
    (``[Например: lead_id, client_id]``)."""


class TracedSystem(NamedTuple):
    """A system on the identifier's path and what it does with it."""

    system: str
    """Its id (a group's tool where a hop names one)."""
    roles: tuple[Role, ...]
    """In the order of ``ROLES``."""


class Trace(NamedTuple):
    """Where one identifier goes."""

    identifier: str
    """As the map spells it."""
    hops: tuple[Hop, ...]
    """Flow steps in flow and step order, then the rest in document order."""
    systems: tuple[TracedSystem, ...]
    """Every system on a hop, in the order the hops first name them."""
    members: frozenset[str]
    """The member ids of every hop, to highlight in a graph."""


class PlayerStep(NamedTuple):
    """One step of a flow view, for a player that highlights it."""

    number: int
    text: str
    method: str
    identifiers: tuple[str, ...]
    """The identifiers it names, created ones included."""
    created: tuple[str, ...]
    line: int
    member: str
    """``step:<flow>.<n>``."""
    edges: tuple[str, ...]
    """Ids of the graph's edges that draw it: a loop for an internal step, one per receiving
    tool, none for a step with no sender."""


# -- the tracer ---------------------------------------------------------------------------


def trace(model: Map, identifier: str) -> Trace:
    """Every hop of ``identifier`` (any case); an unknown one raises ``UsageError`` naming the
    map's identifiers, as ``resolve_identifier`` does."""
    from flowviz.views import resolve_identifier  # noqa: PLC0415 (views imports this module)

    name = resolve_identifier(model, identifier)
    wanted = name.casefold()
    flows = [hop for f in model.flows for hop in _step_hops(f, wanted)]
    rest = [*_owner_hops(model, wanted), *_row_hops(model, wanted), *_rule_hops(model, wanted)]
    rest += _binding_hops(model, wanted)
    ordered = flows + sorted(rest, key=lambda hop: hop.line)
    unique: dict[str, Hop] = {}
    for hop in ordered:
        unique.setdefault(hop.member, hop)
    hops = tuple(unique.values())
    return Trace(name, hops, _systems(hops), frozenset(hop.member for hop in hops))


def _carries(names: Iterable[str], wanted: str) -> bool:
    return any(name.casefold() == wanted for name in names)


def _owner_hops(model: Map, wanted: str) -> Iterator[Hop]:
    """The identifier's owner (section 6 or 10) creates it: ``identifier:<n>``, its position
    among the map's identifiers."""
    for number, ident in enumerate(model.identifiers, start=1):
        if ident.owner and ident.name.casefold() == wanted:
            yield Hop(ident.owner, None, "creates", "", f"identifier:{number}", ident.line,
                      _described(ident))  # fmt: skip


def _described(ident: Identifier) -> str:
    return ident.description or ident.owner_text or ident.name


def _step_hops(flow: Flow, wanted: str) -> Iterator[Hop]:
    for step in flow.steps:
        if _carries((*step.identifiers, *step.created), wanted):
            yield Hop(
                step.source,
                step.target,
                _step_role(step, wanted),
                step.method or "",
                f"step:{flow.number}.{step.number}",
                step.line,
                step.text,
                tuple(step.source_parts),
                tuple(step.target_parts),
            )


def _step_role(step: Step, wanted: str) -> Role:
    """Created here; else sent from one system to another; else taken in by the one system
    the step names (an internal step, or one with no sender)."""
    if _carries(step.created, wanted):
        return "creates"
    if step.source and step.target:
        return "sends"
    return "receives"


def _row_hops(model: Map, wanted: str) -> Iterator[Hop]:
    for row in model.integrations:
        if _carries(row.identifiers, wanted):
            yield Hop(
                row.source,
                row.target,
                "sends",
                row.method,
                f"integration:{row.id}",
                row.line,
                _row_text(row),
                tuple(row.source_parts),
                tuple(row.target_parts),
                "identifiers" in row.placeholders,
            )


def _row_text(row: Integration) -> str:
    return f"{row.source_data or '?'} → {row.target_text or '?'}"


def _rule_hops(model: Map, wanted: str) -> Iterator[Hop]:
    number = section_number(model, "identifiers", 6)
    for row, rule in enumerate(model.id_rules, start=1):
        if _carries((*rule.source_ids, *rule.target_ids), wanted):
            yield Hop(
                rule.source,
                rule.target,
                "maps",
                rule.method,
                f"rule:{number}.{row}",
                rule.line,
                _rule_text(rule),
                tuple(rule.source_parts),
                tuple(rule.target_parts),
                bool({"source_ids", "target_ids"} & set(rule.placeholders)),
            )


def _rule_text(rule: IdRule) -> str:
    return " → ".join(", ".join(side) or "?" for side in (rule.source_ids, rule.target_ids))


def _binding_hops(model: Map, wanted: str) -> Iterator[Hop]:
    """Each pair of a binding that names the identifier, as the identifiers view draws it."""
    for link in binding_links(model):
        source, target = link.source, link.target
        if source is None or target is None or not _carries((*source.ids, *target.ids), wanted):
            continue
        yield Hop(
            None if source.system == SHARED else source.system,
            None if target.system == SHARED else target.system,
            "maps",
            "",
            link.member.id,
            link.member.line,
            fact(link.member.facts, "binding"),
        )


def _systems(hops: Iterable[Hop]) -> tuple[TracedSystem, ...]:
    """Each system on a hop with its roles: a hop's sender sends, its receiver receives (or
    creates, in a step that creates it); both ends of a rule or binding map it."""
    found: dict[str, set[Role]] = {}
    for hop in hops:
        for system, role in _ends(hop):
            found.setdefault(system, set()).add(role)
    return tuple(
        TracedSystem(system, tuple(r for r in ROLES if r in roles))
        for system, roles in found.items()
    )


def _ends(hop: Hop) -> list[tuple[str, Role]]:
    """(system, role) for each system a hop names, a group's tools where it names them."""
    sources = list(hop.source_parts) or ([hop.source] if hop.source else [])
    targets = list(hop.target_parts) or ([hop.target] if hop.target else [])
    if hop.role == "maps":
        return [(s, "maps") for s in (*sources, *targets)]
    if hop.role == "receives" or (hop.role == "creates" and not targets):
        return [(s, hop.role) for s in (*sources, *targets)]
    received: Role = "creates" if hop.role == "creates" else "receives"
    return [*((s, "sends") for s in sources), *((t, received) for t in targets)]


# -- highlighting -------------------------------------------------------------------------


def highlighted_edges(graph: Graph, trace: Trace) -> frozenset[str]:
    """Ids of the graph's edges with a member on the trace (a folded ``pair:`` edge when any
    of its rows is)."""
    return frozenset(
        edge.id for edge in graph.edges if any(m.id in trace.members for m in edge.members)
    )


def highlighted_nodes(graph: Graph, trace: Trace) -> frozenset[str]:
    """Ids of the graph's nodes on the trace: the ends of its highlighted edges and every
    system the trace names (an owner that sends nothing)."""
    edges = highlighted_edges(graph, trace)
    ends = {end for edge in graph.edges if edge.id in edges for end in (edge.source, edge.target)}
    ends |= {node_id(found.system) for found in trace.systems}
    return frozenset(node.id for node in graph.nodes if node.id in ends)


# -- the flow player and the focus rule -----------------------------------------------------


def flow_steps(graph: Graph) -> list[PlayerStep]:
    """The steps of a flow view (``views.flow``) in order, each with the edges that draw it."""
    if graph.kind != "flow":
        raise ValueError(f"not a flow view: {graph.kind}")
    drawn: dict[str, list[str]] = {}
    for edge in graph.edges:
        for member in edge.members:
            drawn.setdefault(member.id, []).append(edge.id)
    return [_player_step(note.member or "", note.line, note.facts, drawn)
            for note in graph.notes]  # fmt: skip


def _player_step(member: str, line: int, facts: Facts, drawn: dict[str, list[str]]) -> PlayerStep:
    created = _names(fact(facts, "created"))
    return PlayerStep(
        number=int(member.rpartition(".")[2]),
        text=fact(facts, "step"),
        method=fact(facts, "method"),
        identifiers=tuple(dict.fromkeys((*_names(fact(facts, "identifiers")), *created))),
        created=created,
        line=line,
        member=member,
        edges=tuple(drawn.get(member, ())),
    )


def _names(joined: str) -> tuple[str, ...]:
    """``"a, b"`` back to ``("a", "b")`` (how a member's facts list identifiers)."""
    return tuple(name for name in joined.split(", ") if name)


def default_depth(model: Map) -> int | None:
    """1 when the map has more than ``FOCUS_SYSTEMS`` systems (actors aside), so the explorer
    opens a neighbourhood; None: the whole view."""
    systems = sum(1 for system in model.systems if system.kind != "actor")
    return 1 if systems > FOCUS_SYSTEMS else None
