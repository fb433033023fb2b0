"""Graphviz's layout read back: where ``dot -Tjson`` put each node, cluster and edge.

Pure functions over the JSON that ``backend.run_graphviz`` returns; no process runs here.
Everything is in points with the origin at the top left and y growing downwards (Graphviz's
origin is the bottom left), keyed by the ``id`` attribute ``render.dot`` gives each object: the
graph view's ids (``system:crm``, ``cluster:analytics``, ``integration:2.1``, ``pair:a/b``).

>>> text = (
...     b'{"bb": "0,0,100,50", "objects": [{"id": "system:a", "pos": "20,30",'
...     b' "width": "0.5", "height": "0.25"}], "edges": [{"id": "e",'
...     b' "pos": "e,90,10 10,40 30,40 60,10 85,10", "lp": "50,30"}]}'
... )
>>> placed = read_layout(text)
>>> placed.boxes["system:a"]
Box(x=2.0, y=11.0, width=36.0, height=18.0)
>>> placed.routes["e"][0], placed.routes["e"][-1], placed.labels["e"]
(Point(x=10.0, y=10.0), Point(x=90.0, y=40.0), Point(x=50.0, y=20.0))
"""

from __future__ import annotations

import json
from typing import Any, NamedTuple

from flowviz.errors import FlowvizError

POINTS_PER_INCH = 72.0
SAMPLES = (0.5, 1.0)
"""Where each cubic piece of a spline is sampled (its middle and its end)."""


class Point(NamedTuple):
    """A point in points, origin top left."""

    x: float
    y: float


class Box(NamedTuple):
    """A rectangle in points: its top-left corner and its size."""

    x: float
    y: float
    width: float
    height: float


class Placed(NamedTuple):
    """Where Graphviz put everything, by graph id."""

    width: float
    """The drawing's width in points."""
    height: float
    """The drawing's height in points."""
    boxes: dict[str, Box]
    """Nodes (their bounding box) and clusters (their frame)."""
    routes: dict[str, tuple[Point, ...]]
    """Each edge's path: its first point, points along its spline, its last point."""
    labels: dict[str, Point]
    """The centre of each edge's label, where Graphviz placed one."""


def read_layout(data: bytes) -> Placed:
    """``dot -Tjson`` output as a :class:`Placed`; raises ``FlowvizError`` if it is not JSON."""
    try:
        graph = json.loads(data.decode("utf-8", "replace"), strict=False)
    except ValueError as exc:
        raise FlowvizError(f"Graphviz's JSON layout could not be read ({exc})") from None
    left, bottom, right, top = _numbers(graph.get("bb", "0,0,0,0"))

    def flip(x: float, y: float) -> Point:
        return Point(round(x - left, 2), round(top - y, 2))

    boxes: dict[str, Box] = {}
    for item in graph.get("objects", []):
        box = _box(item, flip)
        if box is not None and isinstance(item.get("id"), str):
            boxes[item["id"]] = box
    routes: dict[str, tuple[Point, ...]] = {}
    labels: dict[str, Point] = {}
    for edge in graph.get("edges", []):
        key = edge.get("id")
        if not isinstance(key, str):
            continue
        route = _route(edge.get("pos", ""), flip)
        if route:
            routes[key] = route
        where = edge.get("lp") or edge.get("xlp")
        if isinstance(where, str) and where:
            labels[key] = flip(*_numbers(where)[:2])
    return Placed(round(right - left, 2), round(top - bottom, 2), boxes, routes, labels)


def _numbers(text: str) -> list[float]:
    return [float(part) for part in text.replace(" ", ",").split(",") if part]


def _box(item: dict[str, Any], flip: Any) -> Box | None:
    """A cluster's frame (``bb``) or a node's box (``pos``, ``width``, ``height`` in inches)."""
    if "bb" in item:
        left, bottom, right, top = _numbers(item["bb"])
        corner = flip(left, top)
        return Box(corner.x, corner.y, round(right - left, 2), round(top - bottom, 2))
    if "pos" in item and "width" in item and "height" in item:
        width = float(item["width"]) * POINTS_PER_INCH
        height = float(item["height"]) * POINTS_PER_INCH
        centre = flip(*_numbers(item["pos"])[:2])
        return Box(
            round(centre.x - width / 2, 2),
            round(centre.y - height / 2, 2),
            round(width, 2),
            round(height, 2),
        )
    return None


def _route(pos: str, flip: Any) -> tuple[Point, ...]:
    """Points along an edge's first spline: its start, each cubic piece sampled at
    ``SAMPLES``; the arrowhead's tip (``e,x,y``) ends it."""
    spline = pos.split(";", maxsplit=1)[0].split()
    tip = next((p for p in spline if p.startswith("e,")), None)
    controls = [
        flip(*_numbers(p)[:2]) for p in spline if not p.startswith(("e,", "s,")) and "," in p
    ]
    if len(controls) < 4:
        return tuple(controls)
    points = [controls[0]]
    for start in range(0, len(controls) - 3, 3):
        piece = controls[start : start + 4]
        points.extend(_bezier(piece, t) for t in SAMPLES)
    if tip is not None:
        points.append(flip(*_numbers(tip[2:])[:2]))
    return tuple(points)


def _bezier(piece: list[Point], t: float) -> Point:
    """The point at ``t`` of the cubic Bézier curve with control points ``piece``."""
    s = 1 - t
    weights = (s**3, 3 * s * s * t, 3 * s * t * t, t**3)
    x = sum(w * p.x for w, p in zip(weights, piece, strict=True))
    y = sum(w * p.y for w, p in zip(weights, piece, strict=True))
    return Point(round(x, 2), round(y, 2))
