"""Graph view + Graphviz's layout -> a diagrams.net (draw.io) file that a team can edit.

One ``<mxfile>`` with one uncompressed ``<diagram>``: every cluster is a container cell with
its nodes as children (their geometry relative to it), every node a vertex and every edge an
edge cell, each wrapped in an ``<object>`` (draw.io's UserObject) whose attributes carry the
facts of its rows, so that draw.io's "Edit Data" shows them. Positions and sizes are Graphviz's
(``render.layout``), one point to one draw.io unit; an edge follows points along Graphviz's
spline (``curved=1``) and its label sits where Graphviz put it.

The XML is built with ``xml.etree.ElementTree``, which escapes every attribute value; map text
is only ever an attribute value, and passes ``xml_text`` first (the one function that makes a
string fit for XML). Labels are plain text (``html=0``), so draw.io never reads map text as
HTML; no ``placeholders``, so ``%name%`` in a map stays as written. Cell ids are the graph
view's ids made fit for XML (``cell_id``), never map text; the same graph gives the same bytes.
"""

from __future__ import annotations

import math
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from itertools import pairwise

from flowviz.graph import Cluster, Edge, Facts, Graph, Member, Node
from flowviz.render.dot import FONT, KIND_STYLE, MEMBER_STYLE, STATUS_STYLE
from flowviz.render.ids import unique_ids
from flowviz.render.layout import Box, Placed, Point
from flowviz.wording import WORDS, Language, fact_label, word

MARGIN = 20.0
"""Space around the drawing on the page, in draw.io units."""
UNPLACED_HEIGHT = 40.0
"""Height of a node Graphviz gave no place (laid out in a row below the drawing)."""
RESERVED = frozenset({"id", "label", "placeholders", "tooltip", "link", "tags", "members", "lines"})
"""Attribute names that draw.io or this module gives a meaning (and any ``flowviz_...``): a
fact with such a key is written as ``fact_<key>``."""
SHAPES = {
    "cms": "rounded=1",
    "crm": "shape=cylinder3;boundedLbl=1;backgroundOutline=1;size=6",
    "esp": "shape=module;jettyWidth=8;jettyHeight=4",
    "analytics": "ellipse",
    "other": "rounded=0",
    "actor": "ellipse",
    "group": "shape=folder;tabWidth=24;tabHeight=6;tabPosition=left",
}
"""draw.io shapes closest to ``render.dot``'s (box, cylinder, component, ellipse, egg, tab)."""
TEXT = f"html=0;fontFamily={FONT}"
"""Plain-text labels (never HTML) in the font of the pictures."""
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_NOT_ID = re.compile(r"[^A-Za-z0-9._-]")
_NOT_NAME = re.compile(r"[^A-Za-z0-9_.-]")


def xml_text(text: str) -> str:
    """``text`` without the characters XML 1.0 cannot hold (control characters other than tab
    and line breaks, lone surrogates); ElementTree escapes the rest.

    >>> xml_text('<b>"a" & b</b>\\x1b[31m\\x07')
    '<b>"a" & b</b>[31m'
    >>> xml_text("tab\\tand\\nline")
    'tab\\tand\\nline'
    """
    return _NOT_XML.sub("", text)


def cell_id(graph_id: str) -> str:
    """A graph view id as a draw.io cell id (letters, digits, ``.``, ``-``, ``_``).

    >>> cell_id("system:crm"), cell_id("pair:tilda/amocrm")
    ('system_crm', 'pair_tilda_amocrm')
    """
    made = _NOT_ID.sub("_", graph_id)
    return made if made[:1].isalpha() else "c_" + made


def to_drawio(graph: Graph, placed: Placed) -> str:
    """``graph`` as a diagrams.net file, laid out as ``placed`` says."""
    ids = _cell_ids(graph)
    placed = _fit(graph, placed)
    model = _element(
        "mxGraphModel",
        grid="1",
        gridSize="10",
        guides="1",
        tooltips="1",
        connect="1",
        arrows="1",
        fold="1",
        page="1",
        pageScale="1",
        pageWidth=_number(placed.width),
        pageHeight=_number(placed.height),
        math="0",
        shadow="0",
    )
    root = ET.SubElement(model, "root")
    root.append(_element("mxCell", id="0"))
    root.append(_element("mxCell", id="1", parent="0"))
    root.extend(_cells(graph, placed, ids))
    diagram = _element("diagram", name=graph.title, id=graph.name)
    diagram.append(model)
    mxfile = _element("mxfile", host="flowviz")
    mxfile.append(diagram)
    ET.indent(mxfile, space="  ")
    return ET.tostring(mxfile, encoding="unicode") + "\n"


def _element(tag: str, **attrs: str) -> ET.Element:
    """An element whose every attribute value has passed ``xml_text``: the one place where
    text enters the XML."""
    return ET.Element(tag, {_name(key): xml_text(value) for key, value in attrs.items()})


def _name(key: str) -> str:
    """A fact key as an XML attribute name."""
    made = _NOT_NAME.sub("_", key)
    return made if made[:1].isalpha() or made[:1] == "_" else "_" + made


def _cell_ids(graph: Graph) -> dict[str, str]:
    """Graph id -> cell id, unique: a second id that comes out the same gets ``-2``, ``-3``."""
    everything = [
        *(c.id for c in graph.clusters),
        *(n.id for n in graph.nodes),
        *(e.id for e in graph.edges),
    ]
    return unique_ids(everything, cell_id, reserved=("0", "1", "notes"))


def _fit(graph: Graph, placed: Placed) -> Placed:
    """``placed`` moved so that what ``graph`` draws starts ``MARGIN`` from the page's top
    left (Graphviz's title and legend, not drawn here, leave no gap), with the page's size as
    its size; a node Graphviz gave no place (never expected) goes in a row below, the notes
    under everything."""
    drawn = [*graph.clusters, *graph.nodes]
    boxes = {item.id: placed.boxes[item.id] for item in drawn if item.id in placed.boxes}
    routes = {e.id: placed.routes[e.id] for e in graph.edges if e.id in placed.routes}
    labels = {e.id: (placed.labels[e.id], e.label) for e in graph.edges if e.id in placed.labels}
    left, top, right, bottom = _extent(boxes, routes, labels)

    def move(point: Point) -> Point:
        return Point(round(point.x - left + MARGIN, 2), round(point.y - top + MARGIN, 2))

    moved = {key: Box(*move(Point(b.x, b.y)), b.width, b.height) for key, b in boxes.items()}
    width, height = right - left + 2 * MARGIN, bottom - top + 2 * MARGIN
    x = MARGIN
    for node in graph.nodes:
        if node.id not in moved:
            size = _text_size(_node_label(node))[0]
            moved[node.id] = Box(x, height, size, UNPLACED_HEIGHT)
            x += size + MARGIN
    if x > MARGIN:
        width, height = max(width, x), height + UNPLACED_HEIGHT + MARGIN
    if graph.notes:
        size = _text_size(_notes_label(graph))
        moved["notes"] = Box(MARGIN, height, *size)
        width, height = max(width, size[0] + 2 * MARGIN), height + size[1] + MARGIN
    return Placed(
        float(math.ceil(width)),
        float(math.ceil(height)),
        moved,
        {key: tuple(move(p) for p in route) for key, route in routes.items()},
        {key: move(point) for key, (point, _) in labels.items()},
    )


def _extent(
    boxes: dict[str, Box],
    routes: dict[str, tuple[Point, ...]],
    labels: dict[str, tuple[Point, str]],
) -> tuple[float, float, float, float]:
    """Left, top, right and bottom of the boxes, the routes and (about) the edge labels in
    9-point type."""
    corners = [(b.x, b.y, b.x + b.width, b.y + b.height) for b in boxes.values()]
    corners += [(p.x, p.y, p.x, p.y) for route in routes.values() for p in route]
    for centre, text in labels.values():
        half = 2.75 * len(text)
        corners.append((centre.x - half, centre.y - 6, centre.x + half, centre.y + 6))
    if not corners:
        return 0.0, 0.0, 0.0, 0.0
    return (
        min(c[0] for c in corners),
        min(c[1] for c in corners),
        max(c[2] for c in corners),
        max(c[3] for c in corners),
    )


def _text_size(text: str) -> tuple[float, float]:
    """About how much room ``text`` takes in 10-point type."""
    lines = text.split("\n")
    longest, count = max(len(line) for line in lines), len(lines)
    return round(12.0 + 6.0 * longest, 2), round(8.0 + 14.0 * count, 2)


def _cells(graph: Graph, placed: Placed, ids: dict[str, str]) -> Iterator[ET.Element]:
    """Containers for the clusters, then the nodes (in their container), then the edges."""
    boxes = placed.boxes
    frames = {c.id: boxes[c.id] for c in graph.clusters if c.id in boxes}
    for cluster in graph.clusters:
        if cluster.id in frames:
            yield _cluster(cluster, ids[cluster.id], frames[cluster.id])
    for node in graph.nodes:
        frame = frames.get(node.cluster or "")
        parent = ids[node.cluster] if frame is not None and node.cluster else "1"
        yield _node(node, ids[node.id], parent, _inside(boxes[node.id], frame), graph.language)
    for edge in graph.edges:
        yield _edge(edge, ids, placed, graph.language)
    if graph.notes:
        yield _notes(graph, placed)


def _inside(box: Box, frame: Box | None) -> Box:
    """``box`` on the page, or relative to the container ``frame`` it sits in."""
    if frame is None:
        return box
    return box._replace(x=round(box.x - frame.x, 2), y=round(box.y - frame.y, 2))


def _cluster(cluster: Cluster, key: str, frame: Box) -> ET.Element:
    colour = KIND_STYLE.get(cluster.kind, KIND_STYLE["other"])["color"]
    style = (
        "rounded=1;arcSize=4;dashed=1;fillColor=none;container=1;collapsible=0;"
        f"strokeColor={colour};verticalAlign=top;align=left;spacingLeft=8;spacingTop=2;"
        f"fontSize=12;fontColor=#000000;{TEXT}"
    )
    attrs = {"flowviz_id": cluster.id, "flowviz_kind": cluster.kind}
    return _vertex(key, cluster.label, attrs, style, "1", _inside(frame, None))


def _node(node: Node, key: str, parent: str, box: Box, language: Language) -> ET.Element:
    style = KIND_STYLE.get(node.kind, KIND_STYLE["other"])
    shape = SHAPES.get(node.kind, SHAPES["other"])
    text = f"{shape};whiteSpace=nowrap;fillColor={style['fillcolor']};"
    text += f"strokeColor={style['color']};fontSize=11;fontColor=#000000;{TEXT}"
    attrs = {"flowviz_id": node.id, "flowviz_kind": node.kind, **_facts(node.facts)}
    attrs["tooltip"] = _tooltip(node.label, node.facts, language)
    return _vertex(key, _node_label(node), attrs, text, parent, box)


def _notes(graph: Graph, placed: Placed) -> ET.Element:
    """A text cell below the drawing with the notes (the rows the overview cannot draw), so
    that none is left out silently; the ids of what they name are its data."""
    attrs = {"flowviz_id": "notes", "members": "\n".join(n.member or "" for n in graph.notes)}
    attrs["lines"] = ", ".join(str(note.line) for note in graph.notes)
    style = f"text;align=left;verticalAlign=top;spacingLeft=4;fontSize=10;fontColor=#000000;{TEXT}"
    return _vertex("notes", _notes_label(graph), attrs, style, "1", placed.boxes["notes"])


def _notes_label(graph: Graph) -> str:
    title = word(graph.language, "steps" if graph.kind == "flow" else "undrawn")
    return "\n".join([title, *(note.text for note in graph.notes)])


def _node_label(node: Node) -> str:
    """A node's label; a record (identifiers view) lists its rows under it."""
    return "\n".join([node.label, *node.ports])


def _vertex(
    key: str, label: str, attrs: dict[str, str], style: str, parent: str, box: Box
) -> ET.Element:
    wrapper = _element("object", id=key, label=label, **attrs)
    cell = ET.SubElement(wrapper, "mxCell")
    cell.attrib.update({"style": style, "vertex": "1", "parent": parent})
    geometry = {
        "x": _number(box.x),
        "y": _number(box.y),
        "width": _number(box.width),
        "height": _number(box.height),
        "as": "geometry",
    }
    ET.SubElement(cell, "mxGeometry", geometry)
    return wrapper


def _edge(edge: Edge, ids: dict[str, str], placed: Placed, language: Language) -> ET.Element:
    first = edge.members[0]
    attrs = {"flowviz_id": edge.id, "flowviz_kind": first.kind, "flowviz_status": edge.status}
    attrs["members"] = "\n".join(member.id for member in edge.members)
    attrs["lines"] = ", ".join(str(line) for line in edge.lines)
    if len(edge.members) == 1:
        attrs |= _facts(first.facts)
    attrs["tooltip"] = "\n\n".join(_member_tooltip(m, language) for m in edge.members)
    wrapper = _element("object", id=ids[edge.id], label=edge.label, **attrs)
    cell = ET.SubElement(wrapper, "mxCell")
    cell.attrib.update(
        {
            "style": _edge_style(edge),
            "edge": "1",
            "parent": "1",
            "source": ids[edge.source],
            "target": ids[edge.target],
        }
    )
    geometry = ET.SubElement(cell, "mxGeometry", {"relative": "1", "as": "geometry"})
    route = list(placed.routes.get(edge.id, ()))
    if len(route) > 2:
        points = ET.SubElement(geometry, "Array", {"as": "points"})
        for point in route[1:-1]:
            ET.SubElement(points, "mxPoint", {"x": _number(point.x), "y": _number(point.y)})
    label = placed.labels.get(edge.id)
    if edge.label and label is not None and len(route) >= 2:
        middle, centre = _middle(route), label
        offset = {"x": _number(centre.x - middle.x), "y": _number(centre.y - middle.y)}
        ET.SubElement(geometry, "mxPoint", {**offset, "as": "offset"})
    return wrapper


def _middle(route: list[Point]) -> Point:
    """The point halfway along ``route`` by length, where draw.io puts an edge's label."""
    lengths = [math.dist(a, b) for a, b in pairwise(route)]
    half = sum(lengths) / 2
    for (a, b), length in zip(pairwise(route), lengths, strict=True):
        if half <= length and length > 0:
            t = half / length
            return Point(a.x + (b.x - a.x) * t, a.y + (b.y - a.y) * t)
        half -= length
    return route[-1]


def _edge_style(edge: Edge) -> str:
    """draw.io's style for ``render.dot``'s edge style: colour, width, dashes, arrow."""
    kind = edge.members[0].kind
    dot = STATUS_STYLE[edge.status] if kind == "integration" else MEMBER_STYLE[kind]
    parts = [
        "edgeStyle=none",
        "curved=1",
        "rounded=0",
        f"strokeColor={dot['color'].split(':')[0]}",
        f"strokeWidth={dot['penwidth']}",
        "endArrow=none" if dot.get("arrowhead") == "none" else "endArrow=classic",
        "endSize=6",
    ]
    if "dashed" in dot["style"]:
        parts.append("dashed=1")
    if "dotted" in dot["style"] or (edge.source == edge.target and kind == "step"):
        parts.append("dashed=1;dashPattern=1 3")
    parts += ["fontSize=9", f"fontColor={dot.get('fontcolor', '#000000')}"]
    parts += ["labelBackgroundColor=#ffffff", TEXT]
    return ";".join(parts)


def _facts(facts: Facts) -> dict[str, str]:
    """Facts as attributes (a key draw.io or this module uses gets ``fact_`` before it)."""
    return {
        (f"fact_{key}" if key in RESERVED or key.startswith("flowviz_") else key): value
        for key, value in zip(*facts, strict=True)
    }


def _member_tooltip(member: Member, language: Language) -> str:
    title = member.id.split(":", 1)[1]
    line = f"\n({fact_label(language, 'line')} {member.line})"
    return _tooltip(title, member.facts, language) + line


def _tooltip(title: str, facts: Facts, language: Language) -> str:
    labels = WORDS[language]
    lines = (
        f"{fact_label(language, k) if k in labels else k}: {v}" for k, v in zip(*facts, strict=True)
    )
    return "\n".join([title, *lines])


def _number(value: float) -> str:
    """A coordinate with at most two decimals and no trailing zeros.

    >>> _number(12.5), _number(3.0), _number(-0.001)
    ('12.5', '3', '0')
    """
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text
