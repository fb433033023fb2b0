"""Filters every view accepts: keep the links about one system, identifier, status, method or
flow, and a system's neighbourhood to a depth in one direction."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, fields
from typing import Literal

from slugify import slugify

from flowviz.graph import Edge
from flowviz.model import Map
from flowviz.views.links import Link

Direction = Literal["in", "out", "both"]
DIRECTIONS: tuple[Direction, ...] = ("in", "out", "both")


@dataclass(frozen=True, slots=True)
class Filters:
    """What a view keeps. ``None`` keeps everything; values are the model's own ids."""

    system: str | None = None
    """A system id: keep its neighbourhood (``depth`` links away, in ``direction``)."""
    identifier: str | None = None
    """Keep only what carries this identifier."""
    status: str | None = None
    """Keep only integrations with this status (steps and rules have none: they stay)."""
    method: str | None = None
    """Keep only links whose method contains this text (any case)."""
    flow: int | None = None
    """Keep only what flow N uses: its steps, and the rows and rules between its pairs."""
    direction: Direction = "both"
    """With ``system``: links into it (``in``), out of it (``out``), or both."""
    depth: int = 1
    """With ``system``: how many links away from it."""

    def in_use(self, without: tuple[str, ...] = ()) -> list[str]:
        """Names of the filters that narrow the view (``direction`` and ``depth`` only with a
        ``system``), leaving out those in ``without``."""
        names = []
        for item in fields(self):
            value = getattr(self, item.name)
            if item.name in without or value is None or value == item.default:
                continue
            if item.name in ("direction", "depth") and self.system is None:
                continue
            names.append(item.name)
        return names

    def applied(self, without: tuple[str, ...] = ()) -> tuple[tuple[str, str], ...]:
        """The filters in use as (name, ASCII value), for file names.

        >>> Filters(status="needs_setup", method="Webhook / API").applied()
        (('status', 'needs_setup'), ('method', 'webhook-api'))
        """
        return tuple(
            (name, slugify(str(getattr(self, name)), regex_pattern=r"[^-a-z0-9_]+") or "x")
            for name in self.in_use(without)
        )


def apply(links: Iterable[Link], filters: Filters, model: Map) -> list[Link]:
    """The links that pass the filters on what they carry (identifier, status, method, flow),
    in their order; ``system`` is applied to their edges (``neighbourhood``)."""
    if filters.identifier is None and filters.status is None and filters.method is None:
        kept = list(links)
    else:
        kept = [link for link in links if _passes(link, filters)]
    if filters.flow is not None:
        kept = [link for link in kept if _in_flow(link, filters.flow, model)]
    return kept


def _passes(link: Link, filters: Filters) -> bool:
    if filters.identifier is not None and filters.identifier not in link.identifiers:
        return False
    if (
        filters.status is not None
        and link.member.kind == "integration"
        and link.member.status != filters.status
    ):
        return False
    return filters.method is None or filters.method.casefold() in link.method.casefold()


def _in_flow(link: Link, number: int, model: Map) -> bool:
    if link.member.kind == "step":
        return link.member.id.startswith(f"step:{number}.")
    flow = next((f for f in model.flows if f.number == number), None)
    if flow is None or link.source is None or link.target is None:
        return False
    pairs = {(step.source, step.target) for step in flow.steps}
    return (link.source.system, link.target.system) in pairs


def neighbourhood(edges: list[Edge], filters: Filters, model: Map) -> list[Edge]:
    """The edges within ``filters.depth`` hops of ``filters.system``, following
    ``filters.direction``; all of them when no system is asked for. A tool counts as part of
    its group, and an edge to a group as a whole reaches each of its tools."""
    if filters.system is None:
        return edges
    parent_of = {s.id: s.parent for s in model.systems}
    reached, frontier, kept = {filters.system}, {filters.system}, set()
    for _ in range(max(filters.depth, 0)):
        found: set[str] = set()
        for index, edge in enumerate(edges):
            if index in kept:
                continue
            for near, far in _directed(edge, filters.direction):
                if any(_touches(near, system, parent_of) for system in frontier):
                    kept.add(index)
                    found.add(far)
        frontier = found - reached
        reached |= found
        if not frontier:
            break
    return [edge for index, edge in enumerate(edges) if index in kept]


def _directed(edge: Edge, direction: Direction) -> list[tuple[str, str]]:
    """(end near the system, far end) as system ids, to follow in ``direction``."""
    source, target = edge.source.removeprefix("system:"), edge.target.removeprefix("system:")
    out = [(source, target)] if direction in ("out", "both") else []
    if direction in ("in", "both"):
        out.append((target, source))
    return out


def _touches(end: str, system: str, parent_of: dict[str, str | None]) -> bool:
    """Whether a drawn end is ``system``, one of its tools, or the group it belongs to."""
    return end == system or parent_of.get(end) == system or parent_of.get(system) == end
