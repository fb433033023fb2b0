"""Structurizr DSL (the C4 model's text form): the elements a ``model`` declares (``ccms =
softwareSystem "CCMS"``, ``tds = container "Temporary Data Store"``, ``person``) and the
relationships between them (``pui -> tds "Reads and writes data to" "JDBC"``, ``-> b`` inside
an element's braces, from that element), read with a grammar (lark, LALR) statement by
statement into a ``Diagram``. Views, styles, properties and deployment blocks draw no
integrations and are passed over; a statement of the model that does not parse is reported
with its line.

Identifiers are case-insensitive; a container is a part of the element whose braces hold it
(its group); a ``group "…" {}`` only frames its elements in a picture."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from lark import Lark, Token, Tree
from lark.exceptions import LarkError, UnexpectedInput

from flowviz.parse.arrows import Hop
from flowviz.parse.diagrams import Diagram, statements

GRAMMAR = r"""
start: element | relation | other | CLOSE
element: (NAME "=")? KIND value* OPEN?
relation: NAME? ARROW NAME value* OPEN?
other: (NAME | BANG | STRING) value* OPEN?

KIND.2: /(?:person|softwareSystem|container|component|element)(?![\w.-])/i
ARROW: /-(?:\[[^\]\n]*\])?>/
BANG: /![\w-]+/
NAME: /[A-Za-z_*][\w.*-]*/
STRING: /"(?:[^"\\\n]|\\.)*"/
NUMBER: /-?\d+(?:\.\d+)?/
OPEN: "{"
CLOSE: "}"
value: STRING | NAME | NUMBER | BANG

%ignore /[ \t\r]+/
"""

PASSED_BLOCKS = frozenset(
    {
        "views", "styles", "properties", "branding", "terminology", "configuration",
        "perspectives", "deploymentenvironment", "users", "themes", "!docs", "!adrs",
        "animation", "filtered", "dynamic",
    }
)  # fmt: skip
"""Blocks that draw no integrations: their statements are not read."""


@dataclass(slots=True)
class _Frame:
    """One block open at a statement: what opened it and the element it belongs to."""

    word: str
    element: str | None = None


@dataclass(slots=True)
class _Model:
    diagram: Diagram
    frames: list[_Frame] = field(default_factory=list)
    ids: dict[str, str] = field(default_factory=dict)
    """Identifier (case folded, also its hierarchical path) -> the node it names."""
    count: int = 0

    def passed(self) -> bool:
        """Whether a block that draws no integrations is open."""
        return any(frame.word in PASSED_BLOCKS for frame in self.frames)

    def element(self) -> str | None:
        """The element whose braces are innermost open, else None."""
        return next((f.element for f in reversed(self.frames) if f.element), None)

    def group(self) -> str:
        """The group a new element is drawn in: the element whose braces hold it (a
        container is a part of its software system), else none (a ``group`` only frames
        what it holds in a picture)."""
        holder = self.element()
        return self.diagram.name(holder) if holder else ""

    def node(self, ref: str) -> str:
        """The node an identifier names (a hierarchical one by its last part too)."""
        key = ref.casefold()
        return self.ids.get(key) or self.ids.get(key.rsplit(".", 1)[-1]) or ref


@cache
def _parser() -> Lark:
    return Lark(GRAMMAR, parser="lalr", lexer="contextual")


def read_structurizr(text: str, first_line: int) -> Diagram:
    """The elements and relationships of a Structurizr DSL workspace (or a model's part)."""
    model = _Model(Diagram("structurizr", "Structurizr DSL"))
    for line, statement in statements(_without_comments(text), first_line):
        for offset, part in enumerate(statement.split("\n")):
            if part.strip():
                _statement(model, line + offset, part.strip())
    _names_told_apart(model.diagram)
    return model.diagram


_COMMENT = re.compile(r'^\s*(?://|#).*$|(?<=\s)//[^"\n]*$', re.MULTILINE)
_BLOCK_COMMENT = re.compile(r"/\*.*?\*/", re.DOTALL)


def _without_comments(text: str) -> str:
    """``text`` with its comments blanked, lines kept."""
    text = _BLOCK_COMMENT.sub(lambda m: "\n" * m.group().count("\n"), text)
    return _COMMENT.sub("", text)


def _statement(model: _Model, line: int, text: str) -> None:
    """Read one statement into the model; one of the model that does not parse is reported."""
    if text == "}":
        if model.frames:
            model.frames.pop()
        return
    try:
        tree = _parser().parse(text)
    except UnexpectedInput as exc:
        if not model.passed():
            model.diagram.errors.append(
                (line, f"unexpected {str(exc.get_context(text)).strip()!r}")
            )
        _open_unknown(model, text)
        return
    except LarkError as exc:
        model.diagram.errors.append((line, type(exc).__name__))
        return
    node = tree.children[0]
    if isinstance(node, Token):  # ``}``
        if model.frames:
            model.frames.pop()
    elif model.passed():
        _open_unknown(model, text)
    elif node.data == "element":
        _element(model, node)
    elif node.data == "relation":
        _relation(model, line, node)
    else:
        _other(model, node)


def _open_unknown(model: _Model, text: str) -> None:
    """A statement not read that opens a block: a block of its first word."""
    if text.rstrip().endswith("{"):
        model.frames.append(_Frame(text.split(maxsplit=1)[0].casefold()))


def _strings(node: Tree) -> list[str]:
    """The quoted values of a statement, unquoted, in order."""
    out = []
    for value in node.find_data("value"):
        token = value.children[0] if value.children else None
        if isinstance(token, Token) and token.type == "STRING":
            out.append(_unquoted(token.value))
    return out


def _unquoted(value: str) -> str:
    return re.sub(r"\\(.)", r"\1", value[1:-1]).strip()


def _opens(node: Tree) -> bool:
    return any(isinstance(c, Token) and c.type == "OPEN" for c in node.children)


def _element(model: _Model, node: Tree) -> None:
    """``id = softwareSystem "Name" "Description" { …``: a node labelled by its name, in the
    group of what holds it; a person is no system."""
    tokens = [c for c in node.children if isinstance(c, Token)]
    kind = next(t.value for t in tokens if t.type == "KIND").casefold()
    ident = next((t.value for t in tokens if t.type == "NAME"), None)
    strings = _strings(node)
    name = strings[0] if strings else (ident or kind)
    model.count += 1
    key = ident or f"{kind}#{model.count}"
    holder = model.element()
    model.ids[key.casefold()] = key
    if holder is not None:
        model.ids[f"{holder}.{key}".casefold()] = key
    diagram = model.diagram
    diagram.labels.setdefault(key, name)
    group = model.group()
    if group and group != name:
        diagram.groups.setdefault(key, group)
    if kind == "person":
        diagram.people.add(key)
    if _opens(node):
        model.frames.append(_Frame(kind, element=key))


def _relation(model: _Model, line: int, node: Tree) -> None:
    """``a -> b "Description" "Technology"`` (``-> b`` from the element whose braces hold
    it): a link labelled by its description, its technology the method."""
    names = [c.value for c in node.children if isinstance(c, Token) and c.type == "NAME"]
    if len(names) == 1:
        source, target = model.element(), names[0]
    else:
        source, target = names[0], names[1]
    strings = _strings(node)
    if source is not None and source.casefold() != "this":
        label = strings[0] if strings else ""
        method = strings[1] if len(strings) > 1 else ""
        hop = Hop(model.node(source), model.node(target), line, label, "forward", method=method)
        model.diagram.links.append(hop)
    if _opens(node):
        model.frames.append(_Frame("relationship"))


def _other(model: _Model, node: Tree) -> None:
    """Any other statement: one that opens a block is a frame (``group "Data" {``)."""
    if not _opens(node):
        return
    first = node.children[0]
    model.frames.append(_Frame(first.value.casefold() if isinstance(first, Token) else ""))


def _names_told_apart(diagram: Diagram) -> None:
    """Elements of one name held by different elements (an ``EBS`` in CCMS, another in CWA)
    are two systems: each is named with its holder's name after its own (``EBS (CCMS)``);
    an element named as its holder (``MAAT`` in MAAT) is that system."""
    by_name: dict[str, list[str]] = {}
    for node, label in diagram.labels.items():
        by_name.setdefault(label.casefold(), []).append(node)
    for nodes in by_name.values():
        holders = {diagram.group(node) for node in nodes}
        if len(nodes) > 1 and len(holders) == len(nodes):
            for node in nodes:
                if diagram.group(node):
                    diagram.labels[node] = f"{diagram.name(node)} ({diagram.group(node)})"
