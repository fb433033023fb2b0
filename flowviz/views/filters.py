"""Filters every view accepts: keep the links about one system, identifier, status, method or
flow, and a system's neighbourhood to a depth in one direction."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, fields
from typing import Literal

from slugify import slugify

from flowviz.model import Map
from flowviz.views.links import End, Link

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

    def applied(self) -> tuple[tuple[str, str], ...]:
        """The filters in use as (name, ASCII value), for file names and titles."""
        out = []
        for item in fields(self):
            value = getattr(self, item.name)
            if value is None or (item.name, value) in (("direction", "both"), ("depth", 1)):
                continue
            if item.name in ("direction", "depth") and self.system is None:
                continue
            out.append((item.name, slugify(str(value), regex_pattern=r"[^-a-z0-9_]+") or "x"))
        return tuple(out)


def apply(links: Iterable[Link], filters: Filters, model: Map) -> list[Link]:
    """The links that pass every filter, in their order."""
    kept = [link for link in links if _passes(link, filters)]
    if filters.flow is not None:
        kept = [link for link in kept if _in_flow(link, filters.flow, model)]
    if filters.system is not None:
        kept = neighbourhood(kept, filters.system, filters.direction, filters.depth, model)
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


def neighbourhood(
    links: list[Link], system: str, direction: Direction, depth: int, model: Map
) -> list[Link]:
    """The links within ``depth`` hops of ``system``, following ``direction``."""
    parent_of = {s.id: s.parent for s in model.systems}
    reached, frontier, kept = {system}, {system}, set()
    for _ in range(max(depth, 0)):
        found = set()
        for index, link in enumerate(links):
            if index in kept:
                continue
            for near, far in _directed_ends(link, direction):
                if near is not None and any(near.touches(s, parent_of) for s in frontier):
                    kept.add(index)
                    if far is not None:
                        found.update(_systems_of(far))
        frontier = found - reached
        reached |= found
        if not frontier:
            break
    return [link for index, link in enumerate(links) if index in kept]


def _directed_ends(link: Link, direction: Direction) -> list[tuple[End | None, End | None]]:
    """(end near the system, far end) pairs to follow in ``direction``."""
    out = [(link.source, link.target)] if direction in ("out", "both") else []
    if direction in ("in", "both"):
        out.append((link.target, link.source))
    return out


def _systems_of(end: End) -> set[str]:
    return set(end.parts) or {end.system}
