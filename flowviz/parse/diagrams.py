"""Diagram code in a document: Mermaid ``flowchart`` / ``graph`` edges and ``sequenceDiagram``
messages, read with a grammar (lark, LALR) statement by statement. A statement that does not
parse is reported once with its line, and the rest of the block is still read.

A block is cut into statements by line (a quoted label may run over several lines); each is
parsed with the grammar of the block's kind into nodes and links."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from html import unescape

from lark import Lark, Token, Tree
from lark.exceptions import LarkError, UnexpectedInput
from yaml import YAMLError, safe_load

from flowviz.parse.arrows import Hop
from flowviz.parse.blocks import is_structurizr, markdown_text
from flowviz.parse.keywords import COMPONENT_HEADS
from flowviz.parse.systems import person_key
from flowviz.parse.text import without_emoji

SHAPES = (
    r"\(\(\(.*?\)\)\)", r"\(\(.*?\)\)", r"\(\[.*?\]\)", r"\[\[.*?\]\]", r"\[\(.*?\)\]",
    r"\{\{.*?\}\}",
    r'\("[^"]*"\)', r'\["[^"]*"\]', r'\{"[^"]*"\}', r"\[[^\]]*\]", r"\([^)]*\)", r"\{[^}]*\}",
    r">[^\]]*\]",
)  # fmt: skip
"""Mermaid node shapes, the triple and double ones first: ``(((double circle)))``,
``((circle))``, ``([stadium])``, ``[text]`` ..."""
SEQUENCE_WORDS = (
    "note", "loop", "alt", "else", "opt", "par", "and", "end", "activate", "deactivate",
    "autonumber", "rect", "critical", "option", "break", "box", "title", "create", "destroy",
    "links", "link", "properties", "details", "accTitle", "accDescr",
)  # fmt: skip
"""Statements of a Mermaid sequence diagram that are not messages."""
PLANTUML_KINDS = (
    "participant", "actor", "boundary", "control", "entity", "database", "collections", "queue",
    "component", "node", "cloud", "rectangle", "package", "interface", "usecase", "frame",
    "folder", "storage", "artifact", "system", "person", "container",
)  # fmt: skip
"""PlantUML declarations of a participant or element (``database "CRM" as crm``)."""
PERSON_KINDS = frozenset(("actor", "person", "usecase"))
"""PlantUML declarations of no system: a person, or a use case."""
PLANTUML_WORDS = (
    "note", "end", "loop", "alt", "else", "opt", "par", "group", "activate", "deactivate",
    "autonumber", "title", "skinparam", "box", "ref", "hide", "show", "left", "right", "top",
    "header", "footer", "legend", "newpage", "!", "'", "==", r"\.\.\.", r"\|\|",
)  # fmt: skip
"""PlantUML statements that draw no arrow."""

FLOWCHART = r"""
start: header | subgraph | END | directive | chain
header: ("flowchart" | "flowchart-elk" | "graph") DIRECTION?
subgraph: "subgraph" REST?
directive: DIRECTIVE REST?
chain: group (link group)*
group: node ("&" node)*
node: ID (SHAPE | ATTRS)? CLASS?
link: EDGE_ID? ARROW PIPE_LABEL? | EDGE_ID? LSTART LABEL ARROW

END: "end"
DIRECTIVE.2: /(?:classDef|class|style|linkStyle|click|direction|accTitle|accDescr)\b/
DIRECTION: /TB|TD|BT|RL|LR/
REST: /.+/s
ID: /[^\W-][\w]*(?:[.\-][^\W-][\w]*)*|\.{3}/
CLASS: /:::[\w-]+/
SHAPE: /{shapes}/s
ATTRS: /@\{[^{}]*\}/s
EDGE_ID: /[^\W-][\w-]*@(?=[-=.<ox~])/
ARROW: /(?:<|[ox](?=[-=.]))?(?:-{2,}|={2,}|-\.+-|\.+-)[>ox]?|<?~{3,}/
LSTART.2: /<?(?:--|==|-\.)(?=\s|[^\s\->=.ox|])/
LABEL: /"[^"]*"|[^"\s][^\n]*?(?=\s*(?:-{2,}|={2,}|\.+-)[>ox-]?)/
PIPE_LABEL: /\|[^|]*\|/

%ignore /[ \t\r\n]+/
"""

SEQUENCE = r"""
start: "sequenceDiagram" | participant | message | OTHER REST?
participant: PKIND PNAME CONFIG? ("as" REST)?
message: PID ARROW PID (":" REST?)?

OTHER.2: /(?:{sequence_words})\b/i
PKIND.2: /(?:participant|actor)\b/i
PNAME: /[^\s:<>\-+,~()@](?:[^:<>+,~@\n-]|-(?![->x)]))*?(?=\s+as\s|\s*$|@\{)/
PID: /[^\s:<>\-+,~()](?:(?:[^:<>+,~\n-]|-(?![->x)]))*[^\s:<>\-+,~])?/
CONFIG: /@\{[^{}]*\}/
ARROW: /(?:<<-{1,2}>>|-{1,2}>>|-{1,2}>|-{1,2}[x)])(?:[ \t]*[+-])?/
REST: /.+/s

%ignore /[ \t\r\n]+/
"""

PLANTUML = r"""
start: participant | message | macro | OTHER REST? | MARK REST? | CLOSE
participant: KIND end TAIL?
message: end ARROW end (":" REST?)?
end: PID | STRING | COMPONENT | USECASE | ACTOR
macro: MACRO "(" [argument ("," argument)*] ")" OPEN?
argument: STRING | NAMED | PID | NUMBER

MARK.3: /@(?:start|end)\w*/
MACRO.3: /[A-Za-z_]\w*(?=[ \t]*\()/
KIND.2: /(?:{plantuml_kinds})\b/
OTHER.2: /(?:{plantuml_words})/
PID: /[^\W][\w.]*/
NUMBER: /-?\d+(?:\.\d+)?/
NAMED: /\$\w+[ \t]*=[ \t]*(?:"[^"]*"|[^,()\s]*(?:\([^()]*\)[^,()\s]*)*)/
STRING: /"[^"]*"/
COMPONENT: /\[[^\]]*\]/
USECASE: /\([^)]*\)/
ACTOR: /:[^:\n]+:/
OPEN: "{"
CLOSE: "}"
TAIL: /(?:as\b|#|<<|order\b)[^\n]*/
ARROW: /<{0,2}[-.]+(?:\[[^\]]*\][-.]*)?(?:up|down|left|right)?[-.]*>{0,2}|<{1,2}[-.]+/
REST: /.+/s

%ignore /[ \t\r\n]+/
"""

FLOWCHART = FLOWCHART.replace("{shapes}", "|".join(SHAPES))
SEQUENCE = SEQUENCE.replace("{sequence_words}", "|".join(SEQUENCE_WORDS))
PLANTUML = PLANTUML.replace("{plantuml_kinds}", "|".join(PLANTUML_KINDS)).replace(
    "{plantuml_words}", "|".join(PLANTUML_WORDS)
)

ARCHITECTURE = r"""
start: "architecture-beta" | element | edge | OTHER REST?
element: EKIND NAME ICON? TITLE? ("in" NAME)?
edge: NAME GROUPED? ":" SIDE ARROW SIDE ":" NAME GROUPED?

EKIND.2: /(?:group|service|junction)\b/
OTHER.2: /(?:title|accTitle|accDescr)\b/
NAME: /[\w-]+/
ICON: /\([^)]*\)/
TITLE: /\[[^\]]*\]/
GROUPED: "{group}"
SIDE: /[LRTB]/
ARROW: /<?--+>?/
REST: /.+/s

%ignore /[ \t\r\n]+/
"""

DIAGRAM_KINDS = {
    "flowchart": "flowchart",
    "flowchart-elk": "flowchart",
    "graph": "flowchart",
    "sequencediagram": "sequence",
    "architecture-beta": "architecture",
}
"""First word of a Mermaid block -> the grammar that reads it; other kinds (``stateDiagram``,
``gantt``, ``pie`` ...) draw no integrations and are not read."""


@dataclass(slots=True)
class Diagram:
    """What one block draws: node labels by id, links in order, and statements not read."""

    kind: str
    language: str = "Mermaid"
    labels: dict[str, str] = field(default_factory=dict)
    links: list[Hop] = field(default_factory=list)
    """The links as drawn: node ids at both ends (``name`` gives a node's label)."""
    groups: dict[str, str] = field(default_factory=dict)
    """Node id -> title of the subgraph it is first drawn in."""
    open_groups: list[str] = field(default_factory=list)
    errors: list[tuple[int, str]] = field(default_factory=list)
    people: set[str] = field(default_factory=set)
    """Nodes that are persons (``actor``, C4 ``Person``), use cases (``(Log in)``) or stand-ins
    (``[. . .]``): no system, so a link to one is no integration."""
    actors: set[str] = field(default_factory=set)
    """The participants of a sequence declared ``actor``."""
    participants: set[str] = field(default_factory=set)
    """The participants of a sequence declared ``participant``."""
    junctions: set[str] = field(default_factory=set)
    """Nodes drawn with an empty label (``node1(( ))``): bends of the links through them."""
    boxes: dict[str, str] = field(default_factory=dict)
    """Participant id -> title of the sequence ``box`` it is declared in (its boxes are no
    groups of systems: they tell apart participants of one label)."""
    open_blocks: list[str] = field(default_factory=list)
    """The blocks of a sequence open here, innermost last: a box's title, else ''."""
    edge_ids: set[str] = field(default_factory=set)
    """Ids given to links (``A e1@--> B``): ``e1@{ animate: true }`` styles a link, no node."""

    def between_systems(self, link: Hop) -> bool:
        """Whether both ends of ``link`` are systems (no person, no use case)."""
        return link.source not in self.people and link.target not in self.people

    def name(self, node: str) -> str:
        """The node's label, else its id."""
        return self.labels.get(node, node)

    def group(self, node: str) -> str:
        """The title of the subgraph the node belongs to, else nothing."""
        return self.groups.get(node, "")


@cache
def _parser(kind: str) -> Lark:
    grammars = {"flowchart": FLOWCHART, "sequence": SEQUENCE, "plantuml": PLANTUML}
    grammar = {**grammars, "architecture": ARCHITECTURE}[kind]
    return Lark(grammar, parser="lalr", lexer="contextual", propagate_positions=False)


def _open(text: str) -> bool:
    """Whether a quote or a square bracket is still open at the end of ``text``."""
    if text.count('"') % 2:
        return True
    outside = text.split('"')[0::2]
    return sum(part.count("[") - part.count("]") for part in outside) > 0


def _closes_soon(lines: list[str], offset: int, taken: int) -> bool:
    """Whether the open statement closes within ``MAX_STATEMENT_LINES`` lines."""
    first = offset - taken + 1
    return any(
        not _open("\n".join(lines[first:end]))
        for end in range(offset + 2, min(first + MAX_STATEMENT_LINES, len(lines)) + 1)
    )


_DIRECTIVE = re.compile(r"%%\{.*?\}%%|^[ \t]*accDescr[ \t]*\{[^}]*\}", re.DOTALL | re.MULTILINE)
_FRONT_MATTER = re.compile(r"\A\s*---\n.*?\n---[ \t]*(?=\n|\Z)", re.DOTALL)


def without_directives(text: str) -> str:
    r"""A Mermaid block with its ``%%{init: ...}%%`` directives, its front matter (``---`` /
    ``config: ...`` / ``---``) and its ``accDescr { … }`` descriptions blanked, over as many
    lines as they run, so that the diagram's kind is its first word and its lines keep their
    numbers.

    >>> without_directives("%%{init: {\n 'theme': 'base'}}%%\nsequenceDiagram").split("\n")
    ['', '', 'sequenceDiagram']
    """
    blank = lambda m: "\n" * m.group().count("\n")  # noqa: E731
    return _DIRECTIVE.sub(blank, _FRONT_MATTER.sub(blank, text))


def diagram_kind(text: str) -> str | None:
    """The grammar for a Mermaid block by its first word, or None."""
    for raw in text.split("\n"):
        line = raw.strip()
        if line and not line.startswith("%%") and line != "---":
            return DIAGRAM_KINDS.get(line.split()[0].lower())
    return None


MAX_STATEMENT_LINES = 6
"""Lines one statement may run over while a quote or a node's bracket is open (a longer run
is a stray bracket: its lines are read one by one)."""


def statements(text: str, first_line: int) -> list[tuple[int, str]]:
    """(line, text) of each statement: a line, or lines joined while a quote or a node's
    bracket (``B[Ngrok host⏎ xxxx.app]``) is open; ``%%`` comments and ``;`` ends dropped."""
    out: list[tuple[int, str]] = []
    buffer: list[str] = []
    start = first_line
    lines = text.split("\n")
    for offset, raw in enumerate(lines):
        line = raw.split("%%")[0] if raw.count('"') % 2 == 0 and not buffer else raw
        if not buffer:
            start = first_line + offset
        buffer.append(line.rstrip().rstrip(";"))
        joined = "\n".join(buffer)
        if not _open(joined) or not _closes_soon(lines, offset, len(buffer)):
            if joined.strip():
                out.append((start, joined))
            buffer = []
    if buffer:
        out.append((start, "\n".join(buffer)))
    return out


def is_plantuml(info: str, text: str) -> bool:
    """A PlantUML block: by its info word or its ``@startuml`` line."""
    return info in {"plantuml", "puml", "uml"} or text.lstrip().startswith("@startuml")


def read_diagram(info: str, text: str, first_line: int) -> Diagram | None:
    """The diagram of a code block: Mermaid (``mermaid``), PlantUML or Structurizr DSL, else
    None."""
    from flowviz.parse.structurizr import read_structurizr  # noqa: PLC0415 (circular)

    if is_structurizr(info, text):
        return read_structurizr(text, first_line)
    if is_plantuml(info, text):
        diagram = Diagram("plantuml", "PlantUML")
        for line, statement in statements(text, first_line):
            if not statement.strip().startswith("'"):
                _statement(diagram, line, statement)
        return diagram
    return read_mermaid(text, first_line) if info == "mermaid" else None


def read_mermaid(text: str, first_line: int) -> Diagram | None:
    """The nodes and links of a Mermaid block, or None for a kind that draws no edges."""
    text = without_directives(text)
    kind = diagram_kind(text)
    if kind is None:
        return None
    diagram = Diagram(kind)
    found = statements(text, first_line)
    for line, statement in _links_carried_on(found) if kind == "flowchart" else found:
        for part in _parts(statement, kind):
            _statement(diagram, line, part)
    _told_apart(diagram)
    _actors_as_boxes(diagram)
    _through_junctions(diagram)
    return diagram


def _links_carried_on(found: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """The statements of a flowchart with one that ends in a link (``ingest[Ingest worker]
    -.-``) joined to the next, where the link's other node is written, as Mermaid reads it."""
    out: list[tuple[int, str]] = []
    for line, statement in found:
        if out and _OPEN_LINK.search(out[-1][1]):
            out[-1] = (out[-1][0], f"{out[-1][1]}\n{statement}")
        else:
            out.append((line, statement))
    return out


_OPEN_LINK = re.compile(r"(?:--+|==+|-\.+-|--+[>ox]|==+[>ox]|-\.+->|~~~)\s*$")
"""A link at a statement's end, its other node still to come."""


def _parts(statement: str, kind: str) -> list[str]:
    """The statements a line holds: a ``;`` ends one as a new line does (``A-->B;B-->C``;
    ``A->>B: one; B->>A: two`` are two messages), but not one that closes an entity code
    (``#59;``) nor, in a flowchart, one inside a quote, a ``|label|`` or a node's brackets."""
    if ";" not in statement:
        return [statement]
    ends = [at for at in range(len(statement)) if _ends_there(statement, at, kind)]
    cuts = zip([-1, *ends], [*ends, len(statement)], strict=True)
    return [part for a, b in cuts if (part := statement[a + 1 : b]).strip()]


def _ends_there(statement: str, at: int, kind: str) -> bool:
    """Whether the ``;`` at ``at`` ends a statement."""
    if statement[at] != ";" or _CODE_END.search(statement, 0, at + 1):
        return False
    if kind != "flowchart":
        return True
    before = statement[:at]
    inside = re.sub(r'"[^"]*"|\|[^|]*\|', "", before)  # quotes and pipe labels closed
    if inside.count('"') % 2 or inside.count("|") % 2:
        return False
    return sum(inside.count(o) - inside.count(c) for o, c in ("[]", "()", "{}")) <= 0


_CODE_END = re.compile(r"#\w+;$")
"""The end of an entity code (``#59;``, ``#quot;``) in a label or a message."""


def _through_junctions(diagram: Diagram) -> None:
    """Each link into a node with an empty label and each link out of it as one link from the
    one's sender to the other's receiver (``checkout ---- node1`` and ``node1 --"create
    cart"--> coco``: the checkout page to Commerce), on the line of the link out."""
    for junction in sorted(diagram.junctions):
        into = [k for k in diagram.links if k.target == junction and k.source != junction]
        out = [k for k in diagram.links if k.source == junction and k.target != junction]
        if not into or not out:
            continue
        diagram.links = [k for k in diagram.links if junction not in (k.source, k.target)]
        diagram.links += [
            Hop(i.source, o.target, o.line, o.label or i.label, o.way, method=o.method)
            for i in into
            for o in out
        ]
        diagram.links.sort(key=lambda k: k.line)


def _told_apart(diagram: Diagram) -> None:
    """Nodes of one name in different subgraphs (an ``API`` in ``SHM``, another ``API`` in
    ``Marzban``) or sequence boxes (a ``Sync service`` in ``NOMIS``, another in ``Prisoner
    Finance``) are two systems: each is named with its group's title before its own.
    Labelled nodes of one name in one subgraph (``oc-grpc`` and ``oc-http``, both ``OTLP
    Receiver``) are two systems too, each named with its id after its label."""
    by_name: dict[str, list[str]] = {}
    for node in dict.fromkeys([*diagram.labels, *diagram.groups]):
        by_name.setdefault(diagram.name(node).casefold(), []).append(node)
    for nodes in by_name.values():
        groups = {diagram.group(node) or diagram.boxes.get(node, "") for node in nodes}
        if len(nodes) > 1 and len(groups) == len(nodes) and "" not in groups:
            for node in nodes:
                title = diagram.group(node) or diagram.boxes[node]
                diagram.labels[node] = f"{title} {diagram.name(node)}"
        elif len(nodes) > 1 and all(node in diagram.labels for node in nodes):
            for node in nodes:  # two ``OTLP Receiver`` boxes of one group: their ids tell
                diagram.labels[node] = f"{diagram.name(node)} {node}"


def _statement(diagram: Diagram, line: int, statement: str) -> None:
    """Read one statement; one that does not parse is reported, then read line by line as
    far as each line parses (an unclosed quote does not lose the lines after it)."""
    try:
        _read(diagram, line, _parser(diagram.kind).parse(statement))
        return
    except UnexpectedInput as exc:
        diagram.errors.append((line + exc.line - 1, _reason(exc)))
    except LarkError as exc:
        diagram.errors.append((line, type(exc).__name__))
    for offset, part in enumerate(statement.split("\n")):
        _prefix(diagram, line + offset, part)


def _prefix(diagram: Diagram, line: int, text: str) -> None:
    """Read the longest start of ``text`` that parses (nothing when none does)."""
    text = text.strip()
    while text:
        try:
            _read(diagram, line, _parser(diagram.kind).parse(text))
            return
        except UnexpectedInput as exc:
            cut = text[: max(exc.column - 1, 0)].rstrip() if exc.line == 1 else ""
            cut = re.sub(r"\s*(?:--|==|-\.)$", "", cut)
            if len(cut) >= len(text):
                return
            text = cut
        except LarkError:
            return


def _reason(exc: UnexpectedInput) -> str:
    expected = sorted(getattr(exc, "expected", None) or getattr(exc, "allowed", None) or [])
    near = str(getattr(exc, "char", "") or getattr(exc, "token", ""))[:20]
    return f"unexpected {near!r}" + (f" (expected {', '.join(expected[:4])})" if expected else "")


def _read(diagram: Diagram, line: int, tree: Tree) -> None:
    """Add what one parsed statement draws to ``diagram``."""
    if diagram.kind == "sequence" and tree.children and _word(tree.children[0]) == "OTHER":
        _sequence_block(diagram, tree.children)
        return
    for node in tree.children:
        if isinstance(node, Token) and node.type in ("END", "CLOSE") and diagram.open_groups:
            diagram.open_groups.pop()
        elif isinstance(node, Tree) and node.data == "subgraph":
            diagram.open_groups.append(_subgraph(diagram, node))
        elif isinstance(node, Tree) and node.data in _LINKS:
            _LINKS[node.data](diagram, line, node)
        elif isinstance(node, Tree) and node.data in _NAMES:
            _NAMES[node.data](diagram, node)


def _subgraph(diagram: Diagram, node: Tree) -> str:
    """The title of a subgraph; ``subgraph coco["Composable Commerce"]`` also labels the id
    ``coco``, which a link may name as its end (Mermaid draws it to the subgraph's box)."""
    title = node.children[0].value if node.children else ""
    bracket = re.search(r"\[(.*)\]", title)
    name = _text(bracket.group(1) if bracket else title)
    ident = title[: bracket.start()].strip() if bracket else ""
    if ident and name:
        diagram.labels.setdefault(ident, name)
    return name


def _word(node: Tree | Token) -> str:
    """The type of a token, else nothing."""
    return node.type if isinstance(node, Token) else ""


_BLOCK_OPENERS = frozenset({"loop", "alt", "opt", "par", "critical", "break", "rect", "box"})
"""Words that open a block of a sequence diagram, which an ``end`` closes."""


def _sequence_block(diagram: Diagram, children: list[Tree | Token]) -> None:
    """Open or close a block of a sequence diagram: a ``box`` holds the participants declared
    in it (``box NOMIS`` / ``participant NOMIS.sync as Sync service``), its title read after
    its colour as Mermaid reads it; any other block holds none."""
    word = str(children[0]).casefold()
    if word == "end" and diagram.open_blocks:
        diagram.open_blocks.pop()
    elif word in _BLOCK_OPENERS:
        rest = str(children[1]).strip() if len(children) > 1 else ""
        diagram.open_blocks.append(_box_title(rest) if word == "box" else "")


def _box_title(text: str) -> str:
    """A box's title: what follows its colour, when its first word is one (``box Aqua Group
    A``, ``box rgb(33,66,99) Payments``), else the whole text (``box NOMIS``); its line breaks
    and markup as a label's.

    >>> _box_title("rgb(225,245,254) Sender's<br/>account servicing entity")
    "Sender's account servicing entity"
    """
    found = re.match(r"((?:rgba?|hsla?)\s*\(.*?\)|\w*)(.*)$", text)
    if found is not None and found.group(1):
        color, title = found.group(1), found.group(2).strip()
        named = color.casefold() in ("transparent", "currentcolor")
        if named or "(" in color or _css_color(color):
            text = title
    return " ".join(_LABEL_MARKUP.sub("", _LABEL_BREAK.sub(" ", text)).split())


def _css_color(word: str) -> bool:
    """Whether ``word`` is a CSS colour name (``Aqua``, ``purple``)."""
    import webcolors  # noqa: PLC0415 (only for a sequence diagram's boxes)

    try:
        webcolors.name_to_hex(word.casefold())
    except ValueError:
        return False
    return True


def _text(raw: str) -> str:
    """A label without its brackets and quotes, its lines joined by spaces (or its first line
    alone when the others describe the node) and the markup Mermaid allows in a label dropped
    (``Managers<br/><small>Desktop</small>``).

    >>> _text('["Sales Cloud<br/><small>Leads, Opps</small>"]')
    'Sales Cloud'
    >>> _text('["Residential<br/>Locations UI"]')
    'Residential Locations UI'
    >>> _text('"1С-\\\\nБитрикс"'), _text('"Сервис\\\\n интеграции"')
    ('1С-Битрикс', 'Сервис интеграции')
    >>> _text('["1. Validate request\\\\n(FluentValidation)"]')
    '1. Validate request'
    """
    inner = raw.strip().lstrip("[](){}>/\\").rstrip("[](){}/\\").strip().strip('"').strip()
    if len(inner) > 1 and inner[0] == inner[-1] == "`":  # a Markdown string: ``"`**A**`"``
        inner = markdown_text(inner[1:-1])
    inner = _ENTITY_CODE.sub(_entity, inner).replace("-\\n", "-")
    inner = _name_line(_LABEL_BREAK.split(inner))
    return without_emoji(" ".join(_LABEL_MARKUP.sub("", inner).split()))


_ENTITY_CODE = re.compile(r"#(\w+);")
"""Mermaid's entity codes in a label: ``#quot;``, ``#35;``, ``#9829;``."""


def _entity(code: re.Match[str]) -> str:
    """The character an entity code stands for; an unknown code as written."""
    name = code.group(1)
    decoded = unescape(f"&#{name};" if name.isdigit() else f"&{name};")
    return code.group() if decoded.startswith("&") else decoded


def _name_line(lines: list[str]) -> str:
    """The lines of a label broken with ``<br>``: its first line alone when the rest says
    what the node holds or does (a ``<small>`` line, a bracket, ``via``, ``e.g.``, a list, a
    call, a port, a request or a path) or when the first closes with a bracket (``Задание 1
    (Прием)``), else all of them: a name wrapped onto several lines."""
    lines = [line for line in lines if line.strip()]
    if len(lines) <= 1:
        return lines[0] if lines else ""
    rest = " ".join(lines[1:]).strip()
    if lines[0].rstrip().endswith((",", "-", "/", "&")):
        return " ".join(lines)
    restyled = _STYLED.match(rest) is not None and _STYLED.search(lines[0]) is None
    closed = lines[0].rstrip().endswith(")")  # ``Задание 1 (Прием)``, ``Send(Service)``
    if _DETAIL.match(rest) or restyled or closed or any(mark in rest for mark in ",:()"):
        return lines[0]
    return " ".join(lines)


_STYLED = re.compile(r"<(?:font|span)\b", re.IGNORECASE)
"""Lines styled apart from a node's name (``GOV.UK`` / ``<font color=…>The best place to
find …``) describe it; lines all styled alike (``<font>GLEIF`` / ``<font>Services``) are one
name."""


_DETAIL = re.compile(
    r"<small|[(\[+/]|(?:via|e\.g\.|i\.e\.|через|порт|port)\b|(?:GET|POST|PUT|PATCH|DELETE)\s",
    re.IGNORECASE,
)
"""How a label's second line opens when it describes the node rather than continues its
name."""


_LABEL_BREAK = re.compile(r"<br\s*/?>|\\n|\n", re.IGNORECASE)
"""A line break in a label: ``<br>``, an escaped ``\\n`` or the label going on on the next
line of the diagram."""
_LABEL_MARKUP = re.compile(
    r"</?(?:small|big|b|strong|i|em|u|s|sub|sup|span|font|code|mark)(?:\s[^<>]*)?>", re.IGNORECASE
)
"""Formatting tags Mermaid draws in a label: their text stays, the tags go."""


def _chain(diagram: Diagram, line: int, chain: Tree) -> None:
    groups: list[list[tuple[str, int]]] = []
    links: list[tuple[str, str]] = []
    if len(chain.children) == 1 and _styles_a_link(diagram, chain.children[0]):
        return
    for part in chain.children:
        if part.data == "group":
            groups.append([_node(diagram, line, n) for n in part.children])
        else:
            diagram.edge_ids.update(t.value[:-1] for t in part.children if t.type == "EDGE_ID")
            links.append(_link(part))
    for index, (label, way) in enumerate(links):
        if way == "none":
            continue  # ``A ~~~ B``: an invisible link that only places the nodes
        for source, at in groups[index]:
            for target, _ in groups[index + 1]:
                diagram.links.append(Hop(source, target, at, label, way))


_PLACEHOLDER = re.compile(
    r"[.\s…·]+|[.\s…·]*(?:(?:and|&)\s+more|etc\.?|others|и\s+(?:другие|др\.?|т\.\s?д\.?))[.\s…·]*",
    re.IGNORECASE,
)
"""A node's label of dots alone (``. . .``, ``…``) or of more unnamed (``...and more``, ``и
другие``): a stand-in for what the drawing leaves out, no system."""


def _styles_a_link(diagram: Diagram, group: Tree) -> bool:
    """Whether a statement is ``e1@{ animate: true }`` for a link given the id ``e1``."""
    nodes = group.children
    return len(nodes) == 1 and nodes[0].children[0].value in diagram.edge_ids


def _node(diagram: Diagram, line: int, node: Tree) -> tuple[str, int]:
    token: Token = node.children[0]
    shape = next((c for c in node.children[1:] if c.type in ("SHAPE", "ATTRS")), None)
    if shape is None and _PLACEHOLDER.fullmatch(token.value):
        diagram.people.add(token.value)  # ``... --> A``: a stand-in
    if shape is not None and token.value not in diagram.labels:
        text = _text(shape.value) if shape.type == "SHAPE" else _attrs_label(shape.value)
        diagram.labels[token.value] = text or token.value
        if not text and shape.type == "SHAPE":
            diagram.junctions.add(token.value)
        elif _PLACEHOLDER.fullmatch(text):
            diagram.people.add(token.value)  # ``ingress[. . .]``: whatever comes before, no system
    if diagram.open_groups and token.value not in diagram.groups:
        diagram.groups[token.value] = diagram.open_groups[-1]
    return token.value, line + (token.line or 1) - 1


def _attrs_label(attrs: str) -> str:
    """The label of a node drawn ``A@{ shape: cyl, label: "Orders DB" }`` (its attributes a
    YAML mapping), else nothing."""
    try:
        read = safe_load(attrs[1:])
    except YAMLError:
        return ""
    label = read.get("label") if isinstance(read, dict) else None
    return _text(str(label)) if label is not None else ""


def _link(link: Tree) -> tuple[str, str]:
    arrow = next(t for t in link.children if t.type == "ARROW").value
    labels = [t.value for t in link.children if t.type in ("LABEL", "PIPE_LABEL")]
    label = _text(labels[0].strip("|")) if labels else ""
    start = next((t.value for t in link.children if t.type == "LSTART"), "")
    opened = arrow.startswith("<") or start.startswith("<")  # ``A <-- text --> B``
    way = "both" if opened and arrow[-1] in ">ox" else "forward"
    return label, "none" if arrow.strip("<").startswith("~") else way


_QUOTED_AS = re.compile(r'\s*as\s+("[^"]*")')
"""A PlantUML participant's label written after its id (``M as "Merchant"``)."""


def _participant(diagram: Diagram, node: Tree) -> None:
    values = [c.children[0].value if isinstance(c, Tree) else c.value for c in node.children]
    if diagram.kind == "plantuml":
        kind, values = values[0], values[1:]
        name = _text(values[0])
        labelled = _QUOTED_AS.match(values[1]) if len(values) > 1 else None
        alias = re.match(r"\s*as\s+(\S+)", values[1]) if len(values) > 1 else None
        if labelled:  # ``actor M as "Merchant Representative"``: the id first, then its label
            pid, diagram.labels[name] = name, _text(labelled.group(1))
        elif alias:
            pid, diagram.labels[alias.group(1)] = alias.group(1), name
        else:
            pid = name
        if kind in PERSON_KINDS:
            diagram.people.add(pid)
        return
    kind, pid, *rest = [c.value for c in node.children if c.type != "CONFIG"]
    if rest:
        diagram.labels[pid] = _plain(rest[0])
    if diagram.open_blocks and diagram.open_blocks[-1]:
        diagram.boxes.setdefault(pid, diagram.open_blocks[-1])  # declared in a ``box``
    if kind.casefold() == "actor":
        diagram.people.add(pid)
        diagram.actors.add(pid)
    else:
        diagram.participants.add(pid)
        if _a_user(diagram.name(pid)) or _one_person(diagram.name(pid)):
            diagram.people.add(pid)  # ``participant U as Telegram User``: drawn as a box


def _plain(label: str) -> str:
    """A participant's alias as a reader sees it: its lines (``<br/>``) joined by spaces,
    formatting tags dropped, entity codes decoded."""
    lines = _LABEL_BREAK.split(_ENTITY_CODE.sub(_entity, label))
    return " ".join(_LABEL_MARKUP.sub("", " ".join(lines)).split())


def _actors_as_boxes(diagram: Diagram) -> None:
    """A sequence diagram that declares every box an ``actor``, programs among them (``actor
    NP Atobarai App``), uses the actor's figure for every box: only the actors a person's word
    names (``Staff User``, ``Customer``) are people."""
    actors = diagram.actors
    if not actors or diagram.participants:
        return
    if any(_PROGRAM_WORD.search(diagram.name(actor)) for actor in actors):
        diagram.people = {
            a for a in diagram.people if a not in actors or _a_person(diagram.name(a))
        }


_PROGRAM_WORD = re.compile(
    r"(?<!\w)(?:" + "|".join(("app", "application", "bot", "system", "platform", "crm", "erp",
    *COMPONENT_HEADS, "приложение", "бот", "система", "платформа")) + r")(?!\w)",
    re.IGNORECASE,
)  # fmt: skip
"""A word that makes a box a program (``NP Atobarai App``, ``Payment API``)."""


def _a_user(name: str) -> bool:
    """Whether a participant's name ends with a word for the person using a program
    (``Telegram User``), with no word that makes it a program."""
    words = name.casefold().split()
    return bool(words) and words[-1] in _USER_WORDS and not _PROGRAM_WORD.search(name)


_USER_WORDS = frozenset({"user", "users", "пользователь", "пользователи", "visitor", "посетитель"})


def _one_person(name: str) -> bool:
    """Whether a participant's whole name is one word for a person (``participant
    Practitioner``, ``participant Customer``) or the reader or writer themselves
    (``participant U as Вы``, ``participant Me``)."""
    if len(name.split()) != 1:
        return False
    return person_key(name) is not None or name.casefold() in _PRONOUNS


_PRONOUNS = frozenset({"you", "i", "me", "we", "us", "вы", "ты", "я", "мы"})


def _a_person(name: str) -> bool:
    """Whether a word of ``name`` names a person (``Staff User``, ``Покупатель``)."""
    return any(person_key(word) is not None for word in name.split())


def _message(diagram: Diagram, line: int, node: Tree) -> None:
    tokens = [c.children[0] if isinstance(c, Tree) else c for c in node.children]
    source, arrow, target = (t.value.lstrip("+- \t") for t in tokens[:3])
    if diagram.kind == "plantuml":
        source, arrow, target = _text(source), tokens[1].value, _text(target)
        for token, end in ((tokens[0], source), (tokens[2], target)):
            if token.type in ("USECASE", "ACTOR"):
                diagram.people.add(end)
    label = " ".join(tokens[3].split()) if len(tokens) > 3 else ""
    way = "forward"
    if arrow.startswith("<"):
        way = "both" if arrow.endswith(">") else "back"
    diagram.links.append(Hop(source, target, line, label, way))


def _macro(diagram: Diagram, line: int, node: Tree) -> None:
    """A C4-PlantUML call: ``Rel(a, b, "label", "technology")`` links two elements (``BiRel``
    both ways, ``Rel_Back`` back); an element (``Container(id, "Name", ...)``) names its id;
    ``Person`` is no system; a boundary opened with ``{`` is a group around what follows."""
    name = node.children[0].value
    values = [_argument(c) for c in node.children[1:] if isinstance(c, Tree)]
    positional = [v for v in values if not v.startswith("$")]
    if name.startswith(("Rel", "BiRel")) and len(positional) >= 2:
        way = "both" if name.startswith("BiRel") else "back" if "Back" in name else "forward"
        label = positional[2] if len(positional) > 2 else ""
        method = positional[3] if len(positional) > 3 else ""
        diagram.links.append(Hop(positional[0], positional[1], line, label, way, method=method))
        return
    if not positional or name.startswith("Lay_"):
        return
    alias = positional[0]
    if len(positional) > 1:
        diagram.labels.setdefault(alias, positional[1])
    if name.startswith("Person"):
        diagram.people.add(alias)
    if diagram.open_groups and alias not in diagram.groups:
        diagram.groups[alias] = diagram.open_groups[-1]
    if any(isinstance(c, Token) and c.type == "OPEN" for c in node.children):
        diagram.open_groups.append(diagram.name(alias))


def _element(diagram: Diagram, node: Tree) -> None:
    """An ``architecture-beta`` service (or group, junction): its id names its title."""
    tokens = {t.type: t.value for t in node.children if isinstance(t, Token)}
    title = tokens.get("TITLE")
    if title:
        diagram.labels.setdefault(node.children[1].value, _text(title))


def _edge(diagram: Diagram, line: int, node: Tree) -> None:
    """An ``architecture-beta`` edge ``a:R --> L:b`` (``<-->`` both ways, ``<--`` back, ``--``
    as written)."""
    names = [t.value for t in node.children if isinstance(t, Token) and t.type == "NAME"]
    arrow = next(t.value for t in node.children if isinstance(t, Token) and t.type == "ARROW")
    way = "both" if arrow.startswith("<") and arrow.endswith(">") else "forward"
    way = "back" if arrow.startswith("<") and way == "forward" else way
    diagram.links.append(Hop(names[0], names[1], line, "", way))


def _argument(node: Tree) -> str:
    """A macro's argument as written, a quoted one without its quotes."""
    token: Token = node.children[0]
    return _text(token.value) if token.type == "STRING" else token.value


_LINKS: dict[str, Callable[[Diagram, int, Tree], None]] = {
    "chain": _chain,
    "message": _message,
    "macro": _macro,
    "edge": _edge,
}
"""Statements that draw links (and may name nodes), by their rule."""
_NAMES: dict[str, Callable[[Diagram, Tree], None]] = {
    "participant": _participant,
    "element": _element,
}
"""Statements that only name nodes, by their rule."""
