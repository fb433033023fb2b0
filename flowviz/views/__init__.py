"""Views: pure functions from the model to the graph a picture shows.

``overview`` (every system and integration), ``flow`` N (its steps, numbered), ``identifiers``
(section 6's sync rules and section 10's bindings) and ``system`` S (its neighbourhood);
``architecture`` is the overview again, for the picture with icons (``diagrams``). Each
takes ``Filters``; ``build`` picks the view for a ``ViewSpec`` and is where redaction is
decided: every picture is drawn from the redacted model unless asked otherwise.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from flowviz.cycles import no_cycle_collection
from flowviz.errors import UsageError
from flowviz.graph import Graph, Node, Note, ViewKind
from flowviz.model import Flow, Map
from flowviz.parse.systems import compact
from flowviz.views.edges import build_edges, fold_edges, integration_edges
from flowviz.views.filters import DIRECTIONS, Direction, Filters, apply, neighbourhood
from flowviz.views.links import (
    SHARED,
    End,
    Link,
    binding_links,
    integration_links,
    rule_links,
    step_links,
    step_member,
    unplaced_integrations,
)
from flowviz.views.nodes import build_nodes, node_id
from flowviz.views.redact import redacted
from flowviz.views.trace import (
    FOCUS_SYSTEMS,
    Hop,
    PlayerStep,
    Trace,
    TracedSystem,
    default_depth,
    flow_steps,
    highlighted_edges,
    highlighted_nodes,
    trace,
)
from flowviz.wording import word

__all__ = [
    "DIRECTIONS",
    "FOCUS_SYSTEMS",
    "Direction",
    "Filters",
    "Hop",
    "PlayerStep",
    "Trace",
    "TracedSystem",
    "ViewSpec",
    "architecture",
    "build",
    "default_depth",
    "flow",
    "flow_steps",
    "highlighted_edges",
    "highlighted_nodes",
    "identifiers",
    "overview",
    "parse_views",
    "redacted",
    "resolve_identifier",
    "resolve_system",
    "system",
    "trace",
]

NO_FILTERS = Filters()
VIEW_NAMES = ("overview", "flows", "flow:N", "identifiers", "system:S", "architecture", "all")


@dataclass(frozen=True, slots=True)
class ViewSpec:
    """Which view to build: ``overview``, ``flow`` (with its number), ``identifiers``,
    ``system`` (with its id), ``architecture``."""

    kind: ViewKind
    arg: str | None = None


# -- the views ----------------------------------------------------------------------------


@no_cycle_collection
def overview(
    model: Map,
    filters: Filters = NO_FILTERS,
    fold: bool = True,
    links: Sequence[Link] | None = None,
) -> Graph:
    """Every system (groups as clusters) and every integration, folded by pair. Filters work
    on the integration links (``links`` when the caller already has them: ``build`` makes
    them once for all its views); with none, the edges come straight from the rows."""
    narrowed = filters != NO_FILTERS
    if narrowed:
        links = apply(integration_links(model) if links is None else links, filters, model)
        edges = neighbourhood(build_edges(links), filters, model)
        edges = fold_edges(edges) if fold else tuple(edges)
    else:
        edges = integration_edges(model, fold)
    used = {edge.source for edge in edges} | {edge.target for edge in edges}
    if filters.system:
        used.add(node_id(filters.system))
    nodes, clusters = build_nodes(model, used, everything=not narrowed)
    return Graph(
        kind="overview",
        name=_name("overview", filters),
        title=_title(model, word(model.language, "overview") + ": " + _project(model), filters),
        language=model.language,
        nodes=nodes,
        clusters=clusters,
        edges=edges,
        notes=() if filters.system or filters.flow else _unplaced(model),
        filters=filters.applied(),
    )


@no_cycle_collection
def system(
    model: Map,
    system_id: str,
    filters: Filters = NO_FILTERS,
    fold: bool = True,
    links: Sequence[Link] | None = None,
) -> Graph:
    """``system_id`` and its neighbourhood (``filters.depth`` links away, in
    ``filters.direction``)."""
    found = model.system(system_id)
    own = replace(filters, system=system_id)
    title = word(model.language, "system", name=found.name if found else system_id)
    return overview(model, own, fold, links)._replace(
        kind="system",
        name=_name(f"system-{system_id}", own, without=("system",)),
        title=_title(model, title, own, without=("system",)),
        filters=own.applied(without=("system",)),
    )


def architecture(
    model: Map,
    filters: Filters = NO_FILTERS,
    fold: bool = True,
    links: Sequence[Link] | None = None,
) -> Graph:
    """The overview, named and titled for the architecture picture (``architecture.png``)."""
    title = word(model.language, "architecture") + ": " + _project(model)
    return overview(model, filters, fold, links)._replace(
        kind="architecture",
        name=_name("architecture", filters),
        title=_title(model, title, filters),
    )


def flow(model: Map, number: int, filters: Filters = NO_FILTERS) -> Graph:
    """Flow ``number``: its systems and actors, one numbered edge per step (an internal step
    is a loop on its system), and the step list."""
    chosen = _flow(model, number)
    links = apply(step_links(chosen), replace(filters, flow=None), model)
    own = ("flow",)
    edges = tuple(neighbourhood(build_edges(links), filters, model))
    nodes, clusters = build_nodes(model, [e for edge in edges for e in (edge.source, edge.target)])
    notes = tuple(
        Note(
            f"{s.number}. {s.text}",
            s.line,
            f"step:{number}.{s.number}",
            s.source is not None,
            step_member(chosen, s).facts,
        )
        for s in chosen.steps
    )
    title = word(model.language, "flow", number=number, title=chosen.title).rstrip(": ")
    return Graph(
        kind="flow",
        name=_name(f"flow-{number}", filters, without=own),
        title=_title(model, title, filters, without=own),
        language=model.language,
        nodes=nodes,
        clusters=clusters,
        edges=edges,
        notes=notes,
        filters=filters.applied(without=own),
    )


def identifiers(model: Map, filters: Filters = NO_FILTERS) -> Graph:
    """Systems as records of the identifiers they hold; section 6's sync rules between them
    (method and priority), section 10's bindings dashed."""
    links = apply([*rule_links(model), *binding_links(model)], filters, model)
    edges = tuple(neighbourhood(build_edges(links), filters, model))
    drawn = {member.id for edge in edges for member in edge.members}
    links = [link for link in links if link.member.id in drawn]
    held = _held_identifiers(model, links)
    nodes, _ = build_nodes(model, [node_id(key) for key in held])
    nodes = tuple(_record(model, node, held[node.key]) for node in nodes)
    return Graph(
        kind="identifiers",
        name=_name("identifiers", filters),
        title=_title(model, word(model.language, "identifiers") + ": " + _project(model), filters),
        language=model.language,
        nodes=nodes,
        edges=edges,
        filters=filters.applied(),
    )


# -- choosing views -----------------------------------------------------------------------


def build(
    model: Map,
    specs: Sequence[ViewSpec],
    filters: Filters = NO_FILTERS,
    *,
    fold: bool = True,
    redact: bool = True,
    allow: Iterable[str] = (),
) -> list[Graph]:
    """The graphs for ``specs``, drawn from the redacted model unless ``redact`` is False."""
    source = redacted(model, tuple(allow)) if redact else model
    # the integration links, made once when several views filter every integration (``--view
    # all``); an unfiltered overview is drawn from the rows themselves
    from_links = [spec for spec in specs if spec.kind == "system" or filters != NO_FILTERS]
    drawn = sum(spec.kind in ("overview", "architecture", "system") for spec in from_links)
    links = list(integration_links(source)) if drawn > 1 else None
    graphs = []
    for spec in specs:
        if spec.kind == "overview":
            graphs.append(overview(source, filters, fold, links))
        elif spec.kind == "flow":
            graphs.append(flow(source, int(spec.arg or 0), filters))
        elif spec.kind == "identifiers":
            graphs.append(identifiers(source, filters))
        elif spec.kind == "architecture":
            graphs.append(architecture(source, filters, fold, links))
        else:
            graphs.append(system(source, spec.arg or "", filters, fold, links))
    return graphs


def parse_views(model: Map, text: str) -> list[ViewSpec]:
    """``overview,flows,flow:2,identifiers,system:crm,all`` as view specs, in order, once each.

    Raises ``UsageError`` naming the valid choices for an unknown view, flow or system."""
    specs: list[ViewSpec] = []
    for raw in (part.strip() for part in text.split(",")):
        if not raw:
            continue
        name, _, arg = raw.partition(":")
        specs.extend(_expand(model, name.strip().lower(), arg.strip()))
    return list(dict.fromkeys(specs))


def _expand(model: Map, name: str, arg: str) -> list[ViewSpec]:
    flows = [ViewSpec("flow", str(f.number)) for f in model.flows]
    if name == "overview":
        return [ViewSpec("overview")]
    if name == "identifiers":
        return [ViewSpec("identifiers")]
    if name == "architecture":
        return [ViewSpec("architecture")]
    if name == "flows":
        return flows
    if name == "flow":
        if not any(spec.arg == arg for spec in flows):
            valid = ", ".join(str(f.number) for f in model.flows) or "none: the map has no flows"
            raise UsageError(f"unknown flow: {arg!r} (the map's flows: {valid})")
        return [ViewSpec("flow", arg)]
    if name == "system":
        return [ViewSpec("system", resolve_system(model, arg))]
    if name == "all":
        systems = [ViewSpec("system", s.id) for s in model.systems if s.kind != "actor"]
        everything = [ViewSpec("overview"), *flows, ViewSpec("identifiers"), *systems]
        return [*everything, ViewSpec("architecture")]
    raise UsageError(f"unknown view: {name!r} (must be one of {', '.join(VIEW_NAMES)})")


def resolve_system(model: Map, name: str) -> str:
    """The id of the system ``name`` names (its id, name, product or any alias, in any case)."""
    wanted = compact(name)
    for candidate in model.systems:
        names = (candidate.id, candidate.name, candidate.product or "", *candidate.aliases)
        if wanted and any(compact(n) == wanted for n in names):
            return candidate.id
    valid = ", ".join(s.id for s in model.systems if s.kind != "actor")
    raise UsageError(f"unknown system: {name!r} (the map's systems: {valid})")


def resolve_identifier(model: Map, name: str) -> str:
    """``name`` as the map spells the identifier (any case)."""
    known = all_identifiers(model)
    found = next((ident for ident in known if ident.casefold() == name.casefold()), None)
    if found is None:
        raise UsageError(
            f"unknown identifier: {name!r} (the map's identifiers: {', '.join(known) or 'none'})"
        )
    return found


def all_identifiers(model: Map) -> list[str]:
    """Every identifier the map names anywhere (schema, rows, sync rules, steps), once each,
    in the order first named."""
    names = [i.name for i in model.identifiers]
    names += [n for row in model.integrations for n in row.identifiers]
    names += [n for rule in model.id_rules for n in (*rule.source_ids, *rule.target_ids)]
    names += [n for f in model.flows for s in f.steps for n in (*s.identifiers, *s.created)]
    return list(dict.fromkeys(names))


# -- helpers ------------------------------------------------------------------------------


def _flow(model: Map, number: int) -> Flow:
    found = next((f for f in model.flows if f.number == number), None)
    if found is None:
        valid = ", ".join(str(f.number) for f in model.flows) or "none"
        raise UsageError(f"unknown flow: {number} (the map's flows: {valid})")
    return found


def _project(model: Map) -> str:
    return model.project.name or Path(model.file).stem


def _name(base: str, filters: Filters, without: tuple[str, ...] = ()) -> str:
    """The file stem: the view's name, then ``.<filter>-<value>`` for each filter in use."""
    return base + "".join(f".{key}-{value}" for key, value in filters.applied(without))


def _title(model: Map, title: str, filters: Filters, without: tuple[str, ...] = ()) -> str:
    """The view's title, with the filters in use as the map's reader wrote them."""
    shown = [f"{name} = {getattr(filters, name)}" for name in filters.in_use(without)]
    if not shown:
        return title
    return f"{title} ({word(model.language, 'filter')}: {'; '.join(shown)})"


def _unplaced(model: Map) -> tuple[Note, ...]:
    return tuple(
        Note(
            f"{row.id}: {row.source_data or '?'} → {row.target_text or '?'}",
            row.line,
            f"integration:{row.id}",
            drawn=False,
        )
        for row in unplaced_integrations(model)
    )


def _held_identifiers(model: Map, links: list[Link]) -> dict[str, list[str]]:
    """System id -> the identifiers it holds in the drawn rules and bindings, owned first; a
    rule that names tools of a group is held by those tools."""
    held: dict[str, list[str]] = {}
    for link in links:
        for end in (link.source, link.target):
            for key in _drawn_at(end):
                held.setdefault(key, [])
    for ident in model.identifiers:
        owner = ident.owner or SHARED
        if owner in held:
            held[owner].append(ident.name)
    for link in links:
        for end in (link.source, link.target):
            for key in _drawn_at(end):
                held[key] += end.ids
    return {key: list(dict.fromkeys(names)) for key, names in held.items()}


def _drawn_at(end: End | None) -> tuple[str, ...]:
    """The systems an end is drawn at: its tools, else the system itself."""
    if end is None:
        return ()
    return end.parts or (end.system,)


def _record(model: Map, node: Node, ports: list[str]) -> Node:
    label = word(model.language, "shared") if node.key == SHARED else node.label
    described = {i.name: i.description or i.format for i in model.identifiers}
    descriptions = tuple(described.get(name, "") for name in ports)
    keys, values = node.facts
    facts = (keys + tuple(ports), values + descriptions)
    return node._replace(label=label, ports=tuple(ports), facts=facts)
