"""Graph view -> Mermaid: a ``flowchart`` for the overview, system and identifiers views, a
``sequenceDiagram`` for a flow, and the Markdown document that holds them all.

Pure text built by small functions; every map string goes through ``render.mermaid_quoting``
and every node id is made there from a system id. Mermaid refuses a flowchart of more than
500 edges and draws no diagram longer than 50,000 characters: what does not fit is left out
from the end, listed in the :class:`Diagram` and named under the diagram in the document.
"""

from __future__ import annotations

import textwrap
from collections.abc import Iterable, Iterator, Sequence
from typing import NamedTuple

from flowviz.graph import Edge, Graph, Node, Note, fact
from flowviz.render.dot import KIND_STYLE
from flowviz.render.mermaid_quoting import Ids, label, markdown, message, note, participant
from flowviz.wording import Language, shorten, word

EDGES_MAX = 500
"""Mermaid's ``maxEdges``: a flowchart with more edges is a syntax error."""
TEXT_MAX = 50_000
"""Mermaid's ``maxTextSize``: a longer diagram is drawn as an error box."""
NAME_MAX = 80
"""Longest system name in a node or participant."""
STEP_MAX = 300
"""Longest step text in a message or note (cut with an ellipsis)."""
STEP_WRAP = 48
"""Characters per line of a message or note."""

SHAPES = {
    "cms": ("(", ")"),
    "crm": ("[(", ")]"),
    "esp": ("[[", "]]"),
    "analytics": ("([", "])"),
    "other": ("[", "]"),
    "actor": (">", "]"),
    "group": ("{{", "}}"),
}
"""Node shape by kind: site rounded, CRM a cylinder, ESP a subroutine, analytics a stadium."""
LINK_STYLE = {
    "configured": "stroke:#1f2937,stroke-width:1.6px",
    "needs_setup": "stroke:#d97706,stroke-width:1.6px,stroke-dasharray:6 4",
    "not_required": "stroke:#9ca3af,stroke-width:1.2px,stroke-dasharray:2 3",
    "unknown": "stroke:#6b7280,stroke-width:1px",
    "mixed": "stroke:#b45309,stroke-width:1.6px,stroke-dasharray:10 3",
    "rule": "stroke:#1d4ed8,stroke-width:1.3px",
    "binding": "stroke:#6b7280,stroke-width:1px,stroke-dasharray:4 3",
    "step": "stroke:#1f2937,stroke-width:1.4px",
}
"""Edge style by integration status, or by what the edge is (rule, binding, step)."""
SAMPLE = {
    "configured": "━━━",
    "needs_setup": "╍╍╍",
    "not_required": "┈┈┈",
    "unknown": "───",
    "mixed": "═══",
    "rule": "━━━",
    "binding": "╌╌╌",
    "step": "━━━",
}


class Omitted(NamedTuple):
    """A member (integration, step, rule, binding) that a diagram had to leave out."""

    id: str
    line: int


class Diagram(NamedTuple):
    """One view as Mermaid text, and what did not fit in it."""

    graph: Graph
    text: str
    omitted: tuple[Omitted, ...] = ()


def to_mermaid(graph: Graph) -> Diagram:
    """``graph`` as Mermaid: a sequence diagram for a flow, else a flowchart."""
    return sequence(graph) if graph.kind == "flow" else flowchart(graph)


def _fit(head: list[str], items: Sequence[list[str]], tail: Iterable[str] = ()) -> int:
    """How many of ``items`` (each a few lines) fit after ``head`` within ``TEXT_MAX``."""
    size = sum(_length(line) + 1 for line in (*head, *tail))
    for count, lines in enumerate(items):
        size += sum(_length(line) + 1 for line in lines)
        if size > TEXT_MAX:
            return count
    return len(items)


def _length(text: str) -> int:
    """Length as Mermaid counts it (UTF-16 code units)."""
    return len(text) if text.isascii() else len(text.encode("utf-16-le")) // 2


# -- flowchart ------------------------------------------------------------------------------


def flowchart(graph: Graph) -> Diagram:
    """A left-to-right flowchart: groups as subgraphs, shapes by kind, edge labels, a link
    style per status; in the identifiers view each system is a subgraph of its identifiers."""
    ids = Ids()
    for node in graph.nodes:
        ids(node.key)
    head = [
        "flowchart LR",
        *_class_defs(graph.nodes),
        *_node_lines(graph, ids),
    ]
    ports = {node.id: node.ports for node in graph.nodes}
    edge_lines = [[_edge_line(edge, ports, ids)] for edge in graph.edges]
    styles = _link_styles(graph.edges)
    count = min(len(edge_lines), EDGES_MAX, _fit(head, edge_lines, styles))
    kept = graph.edges[:count]
    lines = [*head, *(line for lines in edge_lines[:count] for line in lines)]
    lines += _link_styles(kept)
    omitted = tuple(Omitted(m.id, m.line) for edge in graph.edges[count:] for m in edge.members)
    return Diagram(graph, "\n".join(lines) + "\n", omitted)


def _class_defs(nodes: Iterable[Node]) -> Iterator[str]:
    for kind in dict.fromkeys(node.kind for node in nodes):
        style = KIND_STYLE.get(kind, KIND_STYLE["other"])
        yield f"  classDef {kind} fill:{style['fillcolor']},stroke:{style['color']},color:#111827"


def _node_lines(graph: Graph, ids: Ids) -> Iterator[str]:
    clusters = {cluster.id for cluster in graph.clusters}
    for cluster in graph.clusters:
        yield f"  subgraph {ids(cluster.key, '_group')} [{label(cluster.label, NAME_MAX)}]"
        for node in graph.nodes:
            if node.cluster == cluster.id:
                yield from _node(node, ids, "    ")
        yield "  end"
    for node in graph.nodes:
        if node.cluster not in clusters:
            yield from _node(node, ids, "  ")


def _node(node: Node, ids: Ids, indent: str) -> Iterator[str]:
    """A node, or (identifiers view) a subgraph of the identifiers the system holds."""
    if not node.ports:
        opening, closing = SHAPES.get(node.kind, SHAPES["other"])
        text = label(node.label, NAME_MAX)
        yield f"{indent}{ids(node.key)}{opening}{text}{closing}:::{node.kind}"
        return
    yield f"{indent}subgraph {ids(node.key)} [{label(node.label, NAME_MAX)}]"
    for port in node.ports:
        yield f"{indent}  {ids(node.key, '.' + port)}[{label(port, NAME_MAX)}]:::{node.kind}"
    yield f"{indent}end"


def _edge_line(edge: Edge, ports: dict[str, tuple[str, ...]], ids: Ids) -> str:
    """``a -->|"label"| b``; a binding is a dotted line without arrowhead."""
    arrow = "-.-" if edge.members[0].kind == "binding" else "-->"
    text = f"|{label(edge.label, NAME_MAX)}|" if edge.label else ""
    source = _end(edge.source, edge.source_port, ports, ids)
    target = _end(edge.target, edge.target_port, ports, ids)
    return f"  {source} {arrow}{text} {target}"


def _end(node_id: str, port: str | None, ports: dict[str, tuple[str, ...]], ids: Ids) -> str:
    """The id an edge ends at: the identifier's node when the system has that row, else the
    system (or, in the identifiers view, its subgraph)."""
    if port is not None and port in ports.get(node_id, ()):
        return ids(_key(node_id), "." + port)
    return ids(_key(node_id))


def _style_key(edge: Edge) -> str:
    kind = edge.members[0].kind
    return edge.status if kind == "integration" else kind


def _link_styles(edges: Sequence[Edge]) -> list[str]:
    """One ``linkStyle`` line per style, naming the edges (by position) that have it."""
    by_style: dict[str, list[str]] = {}
    for index, edge in enumerate(edges):
        by_style.setdefault(_style_key(edge), []).append(str(index))
    return [f"  linkStyle {','.join(n)} {LINK_STYLE[key]}" for key, n in by_style.items()]


# -- sequence diagram -----------------------------------------------------------------------


def sequence(graph: Graph) -> Diagram:
    """A numbered sequence diagram of a flow: people as actors, systems as participants in
    order of first appearance, one message per step (an internal step to itself), a step with
    no sender as a note; ``autonumber`` keeps each message at its step's number."""
    ids = Ids()
    nodes = {node.id: node for node in graph.nodes}
    order = list(dict.fromkeys(end for edge in graph.edges for end in (edge.source, edge.target)))
    head = ["sequenceDiagram", "  autonumber"]
    head += [_participant(nodes.get(key), key, ids) for key in order]
    if not order and graph.notes:
        head.append(f"  participant {ids('steps')} as {participant(word(graph.language, 'steps'))}")
        order = ["steps"]
    over = ",".join(dict.fromkeys([ids(_key(order[0])), ids(_key(order[-1]))])) if order else ""
    items = list(_steps(graph, ids, over))
    count = _fit(head, [lines for _, lines in items])
    lines = [*head, *(line for _, chunk in items[:count] for line in chunk)]
    omitted = tuple(om for chunk, _ in items[count:] for om in chunk)
    return Diagram(graph, "\n".join(lines) + "\n", omitted)


def _key(node_id: str) -> str:
    return node_id.removeprefix("system:")


def _participant(node: Node | None, node_id: str, ids: Ids) -> str:
    keyword = "actor" if node is not None and node.kind == "actor" else "participant"
    name = node.label if node is not None else _key(node_id)
    return f"  {keyword} {ids(_key(node_id))} as {participant(name, NAME_MAX)}"


def _steps(graph: Graph, ids: Ids, over: str) -> Iterator[tuple[tuple[Omitted, ...], list[str]]]:
    """Each step's lines in step order, with the members they stand for."""
    by_member: dict[str, list[Edge]] = {}
    for edge in graph.edges:
        by_member.setdefault(edge.members[0].id, []).append(edge)
    number = 1
    for item in graph.notes:
        if not item.drawn:
            yield (Omitted(item.member or "", item.line),), [_note(item, graph.language, over)]
            continue
        for edge in by_member.pop(item.member or "", []):
            lines, number = _message(edge, ids, number)
            yield tuple(Omitted(m.id, m.line) for m in edge.members), lines
    for edge in (edge for edges in by_member.values() for edge in edges):
        lines, number = _message(edge, ids, number)
        yield tuple(Omitted(m.id, m.line) for m in edge.members), lines


def _message(edge: Edge, ids: Ids, number: int) -> tuple[list[str], int]:
    """The lines of a step's message (an ``autonumber`` first when its number is not the next
    one), and the number after it."""
    lines = []
    if edge.order is not None and edge.order != number:
        lines.append(f"  autonumber {edge.order}")
        number = edge.order
    source, target = ids(_key(edge.source)), ids(_key(edge.target))
    lines.append(f"  {source}->>{target}: {message(step_message(edge))}")
    return lines, number + 1


def step_message(edge: Edge) -> str:
    """What a step's message says: the step's text (wrapped), then its method and identifiers.

    >>> from flowviz.graph import Member
    >>> facts = ("step", "method", "identifiers"), ("Site sends the order", "API", "lead_id")
    >>> member = Member("step:1.2", "step", 9, "2 · API", facts=facts)
    >>> step_message(Edge("step:1.2", "system:cms", "system:crm", "2", (member,), order=2))
    'Site sends the order\\nAPI · lead_id'
    """
    facts = edge.members[0].facts
    lines = _wrap(fact(facts, "step"))
    tail = " · ".join(v for v in (fact(facts, "method"), fact(facts, "identifiers")) if v)
    return "\n".join([*lines, tail] if tail else lines)


def step_note(item: Note, language: Language) -> str:
    """What the note of a step with no sender says: the step, and why it is a note."""
    return "\n".join([*_wrap(item.text), f"({word(language, 'no_sender')})"])


def _wrap(text: str) -> list[str]:
    short = shorten(text, STEP_MAX)
    return textwrap.wrap(short, STEP_WRAP, break_on_hyphens=False) or ([short] if short else [])


def _note(item: Note, language: Language, over: str) -> str:
    return f"  Note over {over}: {note(step_note(item, language))}"


# -- the document ---------------------------------------------------------------------------


def to_markdown(title: str, diagrams: Sequence[Diagram], language: Language) -> str:
    """One Markdown document: ``title``, then each diagram under a heading in the map's
    language, in a ```` ```mermaid ```` fence, with what it leaves out named below it."""
    lines = [f"# {markdown(title)}", ""]
    for diagram in diagrams:
        lines += [f"## {markdown(heading(diagram.graph))}", "", "```mermaid"]
        lines += diagram.text.rstrip("\n").split("\n")
        lines += ["```", ""]
        lines += _below(diagram, language)
    return "\n".join(lines).rstrip("\n") + "\n"


def heading(graph: Graph) -> str:
    """A view's heading: its kind for the overview and identifiers (the document's title names
    the project), else its title."""
    if graph.kind in ("overview", "identifiers") and not graph.filters:
        return word(graph.language, graph.kind)
    return graph.title


def _below(diagram: Diagram, language: Language) -> list[str]:
    """The legend, what was left out, and what no picture can place, as paragraphs."""
    graph = diagram.graph
    lines = []
    if graph.kind != "flow" and graph.edges:
        keys = dict.fromkeys(_style_key(edge) for edge in graph.edges)
        legend = " · ".join(f"{SAMPLE[key]} {word(language, key)}" for key in keys)
        lines += [f"{markdown(word(language, 'legend'))}: {markdown(legend)}", ""]
    if diagram.omitted:
        listed = ", ".join(om.id for om in diagram.omitted)
        text = word(
            language,
            "mermaid_omitted",
            edges=EDGES_MAX,
            chars=f"{TEXT_MAX:,}".replace(",", " "),
            count=len(diagram.omitted),
            ids=listed,
        )
        lines += [markdown(text), ""]
    unplaced = [item for item in graph.notes if not item.drawn and graph.kind != "flow"]
    if unplaced:
        lines += [markdown(word(language, "undrawn")) + ":", ""]
        line_word = word(language, "line")
        lines += [f"- {markdown(f'{n.text} ({line_word} {n.line})')}" for n in unplaced]
        lines.append("")
    return lines
