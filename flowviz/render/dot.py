"""Graph view -> DOT text for Graphviz: styles by system kind and status, a legend, tooltips.

Pure text built by small functions; every map string goes through ``render.quoting``. Edge
labels can be drawn as ``label`` (the best layout), as ``xlabel`` (what ``dot`` still lays out
at thousands of edges) or not at all; the tooltips always carry everything.
"""

from __future__ import annotations

import textwrap
from collections.abc import Iterable, Iterator, Sequence
from functools import cache
from typing import Literal

from flowviz.graph import ROW_FACTS, Cluster, Edge, Facts, Graph, Member, Node, Note, fact
from flowviz.render.quoting import html, quote, quote_each, quote_tooltip, unquoted_tooltips
from flowviz.wording import WORDS, Language, fact_label, shorten, word

LabelMode = Literal["label", "xlabel", "none"]
LABEL_MODES: tuple[LabelMode, ...] = ("label", "xlabel", "none")
FONT = "DejaVu Sans"
STEP_WRAP = 72
TOOLTIP_FULL_MAX = 6_000
"""Longest tooltip of a folded edge that still lists each row with all its facts."""
NOTE_MAX = 400
"""Longest step text in a flow's step list (the step's tooltip has all of it)."""
NOTES_BYTES = 12_000

KIND_STYLE: dict[str, dict[str, str]] = {
    "cms": {"shape": "box", "style": "rounded,filled", "fillcolor": "#dbeafe", "color": "#1d4ed8"},
    "crm": {"shape": "cylinder", "style": "filled", "fillcolor": "#ffedd5", "color": "#c2410c"},
    "esp": {"shape": "component", "style": "filled", "fillcolor": "#dcfce7", "color": "#15803d"},
    "analytics": {
        "shape": "ellipse",
        "style": "filled",
        "fillcolor": "#ede9fe",
        "color": "#6d28d9",
    },
    "other": {"shape": "box", "style": "filled", "fillcolor": "#f1f5f9", "color": "#475569"},
    "actor": {"shape": "egg", "style": "filled", "fillcolor": "#fef9c3", "color": "#a16207"},
    "group": {"shape": "tab", "style": "filled", "fillcolor": "#f5f3ff", "color": "#6d28d9"},
}
STATUS_STYLE: dict[str, dict[str, str]] = {
    "configured": {"style": "solid", "penwidth": "1.6", "color": "#1f2937"},
    "needs_setup": {"style": "dashed", "penwidth": "1.6", "color": "#d97706"},
    "not_required": {"style": "dotted", "penwidth": "1.2", "color": "#9ca3af"},
    "unknown": {"style": "solid", "penwidth": "0.8", "color": "#6b7280"},
    "mixed": {"style": "solid", "penwidth": "1.2", "color": "#1f2937:#d97706"},
}
STATUS_SAMPLE = {
    "configured": "━━━━",
    "needs_setup": "╍╍╍╍",
    "not_required": "┈┈┈┈",
    "unknown": "────",
    "mixed": "═══",
}
MEMBER_STYLE: dict[str, dict[str, str]] = {
    "step": {"style": "solid", "penwidth": "1.4", "color": "#1f2937", "fontcolor": "#1d4ed8"},
    "rule": {"style": "solid", "penwidth": "1.3", "color": "#1d4ed8"},
    "binding": {"style": "dashed", "penwidth": "1.0", "color": "#6b7280", "arrowhead": "none"},
}
GRAPH_ATTRS = {
    "rankdir": "LR",
    "fontname": FONT,
    "fontsize": "16",
    "labelloc": "t",
    "labeljust": "l",
    "nodesep": "0.35",
    "ranksep": "0.9",
    "pad": "0.3",
    "outputorder": "edgesfirst",
    "compound": "true",
}
BIG_GRAPH_EDGES = 150
BIG_GRAPH_ATTRS = {"nslimit": "2", "mclimit": "0.22", "searchsize": "20"}
"""Bounds on ``dot``'s optimisation passes for big graphs: a 2,000-row overview lays out in
a third of a second instead of seconds, with a layout that is as readable at that size."""
NODE_ATTRS = {"fontname": FONT, "fontsize": "11", "margin": "0.15,0.06"}
EDGE_ATTRS = {"fontname": FONT, "fontsize": "9", "arrowsize": "0.7"}


def to_dot(graph: Graph, labels: LabelMode = "label") -> str:
    """The DOT text of ``graph`` with edge labels drawn as ``labels`` says."""
    return "".join([*_head(graph), *_edges(graph, labels), *_tail(graph)])


def _head(graph: Graph) -> Iterator[str]:
    """The graph's attributes, clusters and nodes, each line ending with its line break."""
    yield f"digraph {quote(graph.name)} {{\n"
    attrs = {**GRAPH_ATTRS, "label": graph.title, "id": graph.name}
    if len(graph.edges) > BIG_GRAPH_EDGES:
        attrs |= BIG_GRAPH_ATTRS
    yield f"  graph [{_attrs(attrs)}]\n"
    yield f"  node [{_attrs(NODE_ATTRS)}]\n"
    yield f"  edge [{_attrs(EDGE_ATTRS)}]\n"
    lines = _node_lines(graph.nodes, graph.language)
    by_cluster: dict[str | None, list[str]] = {}
    for node, line in zip(graph.nodes, lines, strict=True):
        by_cluster.setdefault(node.cluster, []).append(line)
    for cluster in graph.clusters:
        yield from _cluster(cluster, by_cluster.get(cluster.id, []))
    for line in by_cluster.get(None, []):
        yield f"  {line}\n"
    orphans = {c for c in by_cluster if c is not None} - {c.id for c in graph.clusters}
    for key in sorted(orphans):
        for line in by_cluster[key]:
            yield f"  {line}\n"


def _tail(graph: Graph) -> Iterator[str]:
    """A flow's step list (or the rows the overview cannot draw), the legend, the end."""
    if graph.notes:
        yield from (f"  {line}\n" for line in _notes(graph.notes, graph))
    yield f"  {_legend(graph)}\n"
    yield '  { rank="sink" "_legend" }\n'
    yield "}\n"


def _attrs(attrs: dict[str, str]) -> str:
    return " ".join(f"{key}={_QUOTE.get(key, quote)(value)}" for key, value in attrs.items())


_QUOTE = {"tooltip": quote_tooltip, "labeltooltip": quote_tooltip}
"""Attributes whose text ``dot`` reads differently from a label's."""


def _cluster(cluster: Cluster, lines: list[str]) -> Iterator[str]:
    """A group's box, with the lines of the nodes inside it."""
    style = KIND_STYLE.get(cluster.kind, KIND_STYLE["other"])
    attrs = {
        "id": cluster.id,
        "label": cluster.label,
        "style": "rounded,dashed",
        "color": style["color"],
        "fontsize": "12",
        "labeljust": "l",
    }
    yield f"  subgraph {quote('cluster_' + cluster.key)} {{\n"
    yield f"    graph [{_attrs(attrs)}]\n"
    for line in lines:
        yield f"    {line}\n"
    yield "  }\n"


def _node_lines(nodes: Sequence[Node], language: Language) -> list[str]:
    """Each node's statement; ids, labels and tooltips quoted in one pass each."""
    keys = quote_each([node.key for node in nodes])
    ids = quote_each([node.id for node in nodes])
    labels = quote_each([node.label for node in nodes])
    tips = unquoted_tooltips([_tooltip(node.label, node.facts, language) for node in nodes])
    return [
        f'{key} [id={node_id} shape="plain" tooltip="{tip}" label={_record(node)}]'
        if node.ports
        else f'{key} [id={node_id} {_kind_style(node.kind)} label={label} tooltip="{tip}"]'
        for node, key, node_id, label, tip in zip(nodes, keys, ids, labels, tips, strict=True)
    ]


@cache
def _kind_style(kind: str) -> str:
    """The DOT attributes of a node's kind (shape and colours), written once."""
    return _attrs(KIND_STYLE.get(kind, KIND_STYLE["other"]))


def _record(node: Node) -> str:
    """An HTML-like table: the system as its header, one row (port ``p<i>``) per identifier."""
    style = KIND_STYLE.get(node.kind, KIND_STYLE["other"])
    rows = [f'<TR><TD BGCOLOR="{style["fillcolor"]}"><B>{html(node.label)}</B></TD></TR>']
    rows += [
        f'<TR><TD PORT="p{i}" ALIGN="LEFT">{html(name)}</TD></TR>'
        for i, name in enumerate(node.ports)
    ]
    table = '<TABLE BORDER="1" CELLBORDER="0" CELLSPACING="0" CELLPADDING="4" COLOR="{}">'
    return "<" + table.format(style["color"]) + "".join(rows) + "</TABLE>>"


class _Quoted(dict[str, str]):
    """Texts that repeat from edge to edge (node ids, labels), each quoted once."""

    def __missing__(self, text: str) -> str:
        self[text] = quote(text)
        return self[text]


def _edges(graph: Graph, labels: LabelMode) -> list[str]:
    """Every edge's line in pieces, so that its long tooltip (written twice) is copied only
    once, into the text; the edges' ids are quoted in one pass, their tooltips one by one."""
    edges = graph.edges
    ids = quote_each([edge.id for edge in edges])
    tooltips = unquoted_tooltips(_edge_tooltips(edges, graph.language))
    quoted = _Quoted()
    ends = _Ends(graph, quoted)
    pieces: list[str] = []
    for edge, edge_id, tooltip in zip(edges, ids, tooltips, strict=True):
        label = f" {labels}={quoted[edge.label]}" if edge.label and labels != "none" else ""
        source = (
            ends[edge.source]
            if edge.source_port is None
            else ends.port(edge.source, edge.source_port)
        )
        target = (
            ends[edge.target]
            if edge.target_port is None
            else ends.port(edge.target, edge.target_port)
        )
        head = f'  {source} -> {target} [id={edge_id} {_style(edge)}{label} tooltip="'
        pieces += (head, tooltip, '" labeltooltip="', tooltip, '"]\n')
    return pieces


def _style(edge: Edge) -> str:
    """An edge's attributes: by its status (an integration) or its members' kind; a step
    from a system to itself is a dotted loop."""
    kind = edge.members[0].kind
    if kind == "integration":
        return _edge_style(edge.status)
    return _edge_style("loop" if edge.source == edge.target and kind == "step" else kind)


@cache
def _edge_style(name: str) -> str:
    """The DOT attributes of an edge's style (a status, a member kind, or a step's ``loop``),
    written once."""
    if name == "loop":
        return _attrs({**MEMBER_STYLE["step"], "style": "dotted"})
    return _attrs(STATUS_STYLE[name] if name in STATUS_STYLE else MEMBER_STYLE[name])


class _Ends(dict[str, str]):
    """Node id -> the quoted node an edge ends at; ``port`` for an end at a record's row."""

    def __init__(self, graph: Graph, quoted: _Quoted) -> None:
        super().__init__()
        self.graph, self.quoted = graph, quoted

    def __missing__(self, node_id: str) -> str:
        self[node_id] = self.quoted[node_id.removeprefix("system:")]
        return self[node_id]

    def port(self, node_id: str, port: str) -> str:
        node = next((n for n in self.graph.nodes if n.id == node_id), None)
        if node is None or port not in node.ports:
            return self[node_id]
        return f"{self[node_id]}:{quote('p' + str(node.ports.index(port)))}"


def _edge_tooltips(edges: Sequence[Edge], language: Language) -> list[str]:
    """Each edge's tooltip: every member with everything it says, a blank line between
    members; when that is too long for one tooltip, every member on one line (id, method,
    status, line) instead."""
    try:
        return _tooltips(edges, language, _fact_prefixes(language))
    except KeyError:  # a fact with no label in the wording stands for itself
        return _tooltips(edges, language, _Prefixes(_fact_prefixes(language)))


def _tooltips(edges: Sequence[Edge], language: Language, prefixes: dict[str, str]) -> list[str]:
    """``_edge_tooltips`` with the fact prefixes ``prefixes``: each member's id, a line per
    fact and its line in the map (one loop, no call per member: the overview has thousands;
    a row with every cell filled in is written by one f-string)."""
    tail = f"\n({_fact_labels(language)['line']} "
    p1, p2, p3, p4, p5, p6, p7, p8 = (prefixes[key] for key in ROW_FACTS)
    tooltips = []
    for edge in edges:
        texts: list[str] = []
        for member in edge.members:
            name, (keys, values), line = member.id.partition(":")[2], member.facts, member.line
            if keys is ROW_FACTS:
                a, b, c, d, e, f, g, h = values
                texts.append(
                    f"{name}{p1}{a}{p2}{b}{p3}{c}{p4}{d}{p5}{e}{p6}{f}{p7}{g}{p8}{h}{tail}{line})"
                )
            else:
                said = "".join(
                    [prefixes[key] + value for key, value in zip(keys, values, strict=True)]
                )
                texts.append(f"{name}{said}{tail}{line})")
        full = "\n\n".join(texts)
        if len(full) > TOOLTIP_FULL_MAX and len(edge.members) > 1:
            labels = _fact_labels(language)
            full = "\n".join([_member_line(member, labels) for member in edge.members])
        tooltips.append(full)
    return tooltips


def _member_line(member: Member, labels: dict[str, str]) -> str:
    """A member on one line: its id, data, method and status, and its line in the map."""
    source, status = fact(member.facts, "source_data"), fact(member.facts, "status")
    if len(source) > 40 or not source.isprintable():
        source = shorten(source, 40)
    if len(status) > 30 or not status.isprintable():
        status = shorten(status, 30)
    parts = (member.id.partition(":")[2], source, member.label, status)
    return f"{' · '.join(filter(None, parts))} ({labels['line']} {member.line})"


def _tooltip(title: str, facts: Facts, language: Language) -> str:
    labels = _fact_labels(language)
    lines = (f"{labels.get(key, key)}: {value}" for key, value in zip(*facts, strict=True))
    return "\n".join([title, *lines])


@cache
def _fact_labels(language: Language) -> dict[str, str]:
    return {key: fact_label(language, key) for key in WORDS[language]}


class _Prefixes(dict[str, str]):
    """Fact key -> what starts its tooltip line (``\\nМетод: ``); a key with no label stands
    for itself."""

    def __missing__(self, key: str) -> str:
        return f"\n{key}: "


@cache
def _fact_prefixes(language: Language) -> dict[str, str]:
    """Every fact key of the wording -> what starts its tooltip line (a plain dict: looked up
    eight times a row)."""
    return {key: f"\n{label}: " for key, label in _fact_labels(language).items()}


def _notes(notes: tuple[Note, ...], graph: Graph) -> Iterator[str]:
    """The step list beside a flow's picture (or the rows the overview cannot draw), as
    tables of at most ``NOTES_BYTES`` each, so that ``dot`` takes every one."""
    language = graph.language
    steps = graph.kind == "flow"
    title = word(language, "steps" if steps else "undrawn")
    rows = [f'<TR><TD ALIGN="LEFT"><B>{html(title)}</B></TD></TR>']
    for note in notes:
        text = shorten(note.text, NOTE_MAX)
        if steps and not note.drawn:
            text += f" ({word(language, 'not_drawn')})"
        wrapped = "\n".join(textwrap.wrap(text, STEP_WRAP)) or text
        rows.append(f'<TR><TD ALIGN="LEFT" BALIGN="LEFT">{html(wrapped)}</TD></TR>')
    table = '<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="2">'
    for index, chunk in enumerate(_chunks(rows, NOTES_BYTES)):
        name = "notes" if index == 0 else f"notes-{index + 1}"
        label = f"<{table}{''.join(chunk)}</TABLE>>"
        yield f'{quote("_" + name)} [id={quote(name)} shape="plain" label={label}]'
        yield f'{{ rank="source" {quote("_" + name)} }}'


def _chunks(rows: list[str], limit: int) -> Iterator[list[str]]:
    """``rows`` in runs whose UTF-8 size stays under ``limit``."""
    chunk: list[str] = []
    size = 0
    for row in rows:
        length = len(row.encode("utf-8"))
        if chunk and size + length > limit:
            yield chunk
            chunk, size = [], 0
        chunk.append(row)
        size += length
    if chunk:
        yield chunk


def _legend(graph: Graph) -> str:
    """One table: the kinds of node drawn, then the edge styles used."""
    language = graph.language
    rows = [f'<TR><TD COLSPAN="2" ALIGN="LEFT"><B>{html(word(language, "legend"))}</B></TD></TR>']
    for kind in dict.fromkeys(node.kind for node in graph.nodes):
        fill = KIND_STYLE.get(kind, KIND_STYLE["other"])["fillcolor"]
        rows.append(
            f'<TR><TD BGCOLOR="{fill}" BORDER="1">  </TD>'
            f'<TD ALIGN="LEFT">{html(word(language, kind))}</TD></TR>'
        )
    for kind, status in dict.fromkeys(_edge_styles(graph.edges)):
        sample, colour, name = _sample(kind, status, language)
        rows.append(
            f'<TR><TD><FONT COLOR="{colour}">{sample}</FONT></TD>'
            f'<TD ALIGN="LEFT">{html(name)}</TD></TR>'
        )
    table = '<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="2" CELLPADDING="2">'
    return f'"_legend" [id="legend" shape="plain" label=<{table}{"".join(rows)}</TABLE>>]'


def _edge_styles(edges: Iterable[Edge]) -> Iterator[tuple[str, str]]:
    for edge in edges:
        kind = edge.members[0].kind
        yield (kind, edge.status if kind == "integration" else kind)


def _sample(kind: str, status: str, language: Language) -> tuple[str, str, str]:
    if kind == "integration":
        colour = STATUS_STYLE[status]["color"].split(":")[0]
        return STATUS_SAMPLE[status], colour, word(language, status)
    if kind == "step":
        return "━━ 1", MEMBER_STYLE["step"]["color"], word(language, "step")
    colour = MEMBER_STYLE[kind]["color"]
    return ("━━━━" if kind == "rule" else "╍╍╍╍"), colour, word(language, kind)
