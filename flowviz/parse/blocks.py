"""markdown-it-py tokens -> a flat list of blocks (headings, paragraphs, tables, lists), each
with its 1-based source line, its cells as plain text without Markdown emphasis."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html import unescape
from typing import NamedTuple

from markdown_it import MarkdownIt
from markdown_it.rules_core import text_join as _text_join_rule
from markdown_it.rules_core.state_core import StateCore
from markdown_it.token import Token
from mdit_py_plugins.deflist import deflist_plugin
from mdit_py_plugins.front_matter import front_matter_plugin

from flowviz.parse.yfm_tables import yfm_table_plugin

_BR = re.compile(r"^<br\s*/?>$", re.IGNORECASE)
_FORMATTING_TAG = re.compile(
    r"^</?(?:a|b|strong|i|em|u|s|strike|del|ins|span|font|mark|sup|sub|small|big|code|tt|kbd)"
    r"(?:\s[^<>]*)?/?>$",
    re.IGNORECASE,
)
_HTML_TABLE = re.compile(r"<t[rdh][\s>]", re.IGNORECASE)
_HTML_HEADING = re.compile(r"<h[1-6][\s>]", re.IGNORECASE)
_PIPE = re.compile(r"\|")
_QUOTE_MARKS = re.compile(r"^\s*(?:>\s*)*")
_TABLE_LINE = re.compile(r"^\s{0,3}(?:>\s*)*\|")
_INLINE_MARKUP = re.compile(r"[\n\\`*\[!<&]|(?<![^\W_])_|_(?![^\W_])")
"""A character that may start inline Markdown under ``_MD``'s inline rules (newline, escape,
backticks, emphasis, link, image, autolink, HTML, entity); an ``_`` between two letters or
digits cannot open or close emphasis, so it is not one."""


class Cell(NamedTuple):
    """A table cell as plain text, with the 1-based column where its text starts."""

    text: str
    column: int
    links: tuple[str, ...] = ()
    """Addresses of the links in the cell (their words are in ``text``)."""
    line: int = 0
    """The line its text starts on where that is not its row's (an HTML table written one cell
    per line), else 0."""


class Row(NamedTuple):
    """A table row: its cells (padded or cut to the header) and how many the line really had."""

    cells: tuple[Cell, ...]
    line: int
    raw_cells: tuple[str, ...]


class Table(NamedTuple):
    """A GFM table."""

    header: tuple[Cell, ...]
    rows: tuple[Row, ...]
    line: int


class Heading(NamedTuple):
    """A Markdown heading."""

    level: int
    text: str
    line: int


class Paragraph(NamedTuple):
    """A paragraph; ``strong`` when it is wholly bold (used as a sub-heading in maps)."""

    text: str
    line: int
    strong: bool
    raw_table_lines: tuple[int, ...] = ()


@dataclass(slots=True)
class Item:
    """A list item: its own text, its marker number and its nested items."""

    text: str
    line: int
    number: int | None
    ordered: bool
    children: list[Item] = field(default_factory=list)
    links: tuple[str, ...] = ()
    titles: tuple[str, ...] = ()
    """The words of each of its links (a linked article's title may name a direction)."""


def flatten(items: list[Item] | tuple[Item, ...]) -> list[Item]:
    """Items and their nested items, depth first, in document order."""
    out: list[Item] = []
    for item in items:
        out.append(item)
        out.extend(flatten(item.children))
    return out


class ListBlock(NamedTuple):
    """A top-level list with its (nested) items."""

    items: tuple[Item, ...]
    line: int
    ordered: bool


Block = Heading | Paragraph | Table | ListBlock


class CodeBlock(NamedTuple):
    """A fenced or indented code block: its info word (``mermaid``), its text and the line of
    its first text line. Kept beside the blocks: the template's sections never read them."""

    info: str
    text: str
    line: int
    file_diagrams: int = 0
    """For a diagram that is part of a file of diagram code (``.mmd``), how many the file holds."""
    opens: int = 0
    """For such a diagram, the line its source opens on (its front matter's first line)."""


_WORKSPACE = re.compile(
    r"\A(?:\s*(?://|#)[^\n]*\n|\s*/\*(?s:.*?)\*/)*\s*workspace\b[^\n{]*\{", re.IGNORECASE
)
"""A Structurizr workspace's opening, after comments (``//``, ``#``, ``/* … */``)."""


def is_structurizr(info: str, text: str) -> bool:
    """A Structurizr DSL block or file: by its info word or its ``workspace {`` opening."""
    return info in {"structurizr", "structurizr-dsl", "c4"} or bool(_WORKSPACE.match(text))


_HTML_DIAGRAM = re.compile(
    r"<(?P<tag>pre|div)\b[^>]*\b(?:lang|class)\s*=\s*[\"']?(?P<lang>mermaid|plantuml)\b[^>]*>"
    r"(?P<body>.*?)</(?P=tag)\s*>",
    re.IGNORECASE | re.DOTALL,
)
_CODE_TAG = re.compile(r"</?code\b[^>]*>", re.IGNORECASE)

_COMPONENT_DIAGRAM = re.compile(
    r"<Mermaid\b[^>`]*?\b\w+\s*=\s*\{\s*`(?P<body>[^`]*)`\s*\}[^>]*>", re.IGNORECASE
)
"""An MDX component given Mermaid code as a template literal."""


def html_diagrams(html: str, first_line: int) -> list[CodeBlock]:
    r"""Diagram code embedded in HTML (``<pre lang="mermaid">``, ``<pre class="mermaid">``,
    ``<div class="mermaid">``, as Mermaid's own pages embed it) as code blocks, their lines
    those of the document.

    >>> html_diagrams('<pre lang="mermaid">\n<code>\ngraph LR\nA --> B\n</code>\n</pre>', 7)
    [CodeBlock(info='mermaid', text='\n\ngraph LR\nA --> B\n\n', line=7, file_diagrams=0, opens=0)]
    """
    out = []
    for found in _HTML_DIAGRAM.finditer(html):
        body = _CODE_TAG.sub("", found.group("body"))
        line = first_line + html.count("\n", 0, found.start("body"))
        out.append(CodeBlock(found.group("lang").lower(), unescape(body), line))
    return out


def _inline(state: StateCore) -> None:
    """markdown-it's core ``inline`` rule, the same tokens faster: an inline token with no
    inline markup (most table cells) gets its one text child directly, and only the tokens
    the inline parser did parse are left for ``text_join`` (``env[_PARSED]``)."""
    md, parsed = state.md, []
    for token in state.tokens:
        if token.type != "inline":
            continue
        content = token.content
        if _INLINE_MARKUP.search(content):
            token.children = token.children or []
            md.inline.parse(content, md, state.env, token.children)
            parsed.append(token)
        else:
            token.children = [Token("text", "", 0, content=content)] if content else []
    state.env[_PARSED] = parsed


def _text_join(state: StateCore) -> None:
    """markdown-it's core ``text_join`` rule over the inline tokens that were parsed (a lone
    text child has nothing to join)."""
    joined = StateCore("", state.md, state.env)
    joined.tokens = state.env.pop(_PARSED, state.tokens)
    _text_join_rule(joined)


_PARSED = "flowviz_parsed_inline"
_MD = (
    MarkdownIt("commonmark", {"html": True})
    .enable("table")
    .use(deflist_plugin)
    .use(front_matter_plugin)
    .use(yfm_table_plugin)
)
_MD.core.ruler.at("inline", _inline)
_MD.core.ruler.at("text_join", _text_join)


def parse_blocks(text: str) -> list[Block]:
    """Split Markdown ``text`` into blocks in document order."""
    return parse_document(text)[0]


_INCLUDE = re.compile(r"\[!INCLUDE\s*\[[^\]]*\]\((?:[^)]*/)?([^/)]+?)(?:\.md)?\)\]", re.IGNORECASE)
"""A DocFX include (``[!INCLUDE[prod_short](includes/prod_short.md)]``): it stands for the text
of the file it names, which is the only name it gives."""


def parse_document(text: str) -> tuple[list[Block], list[CodeBlock]]:
    """Split Markdown ``text`` into blocks, and its code blocks, each in document order; a
    DocFX include reads as the name of its file (``prod_short``).

    >>> parse_document("[!INCLUDE[x](includes/prod_short.md)] -> CRM")[0][0].text
    'prod_short -> CRM'
    """
    bare = bare_diagrams(text)
    if bare:
        return [], bare
    if "[!" in text:
        text = _INCLUDE.sub(r"\1", text)
    embedded = component_diagrams(text)
    if embedded:
        text = _COMPONENT_DIAGRAM.sub(lambda found: "\n" * found.group().count("\n"), text)
    tokens = _MD.parse(text)
    walker = _Walker(tokens, text.split("\n"))
    blocks = walker.walk()
    return blocks, sorted(walker.code + embedded, key=lambda block: block.line)


def component_diagrams(text: str) -> list[CodeBlock]:
    r"""Mermaid code given to an MDX component as a template literal (``<Mermaid graph={`…`}
    />``, ``<Mermaid chart={`…`} />``, as Docusaurus and Starlight pages embed it), each a
    code block, its lines those of the document.

    >>> component_diagrams("Text\n\n<Mermaid\n  chart={`graph LR\nA --> B\n`}\n/>\n")
    [CodeBlock(info='mermaid', text='graph LR\nA --> B\n', line=4, file_diagrams=0, opens=0)]
    """
    if "={`" not in text:
        return []
    return [
        CodeBlock("mermaid", found.group("body"), 1 + text.count("\n", 0, found.start("body")))
        for found in _COMPONENT_DIAGRAM.finditer(text)
    ]


def bare_diagrams(text: str) -> list[CodeBlock]:
    """The diagrams of a file that is diagram code rather than Markdown (a Mermaid ``.mmd``,
    a PlantUML ``.puml``), one code block per diagram (each may follow front matter of its
    own); none for a Markdown document.

    >>> [(b.info, b.line) for b in bare_diagrams("---\\nconfig: {}\\n---\\ngraph LR\\nA --> B\\n")]
    [('mermaid', 4)]
    """
    lines = text.split("\n")
    starts = [at for at, line in enumerate(lines) if _DIAGRAM_START.match(line)]
    if not starts or any(line.strip() for line in _outside_front_matter(lines[: starts[0]])):
        return []
    opens = [0] + [_front_matter_start(lines, start) for start in starts[1:]]
    ends = [*opens[1:], len(lines)]
    return [
        CodeBlock(
            _language(lines[start]), "\n".join(lines[start:end]), start + 1, len(starts), at + 1
        )
        for start, end, at in zip(starts, ends, opens, strict=True)
    ]


_DIAGRAM_START = re.compile(
    r"(?:(?:flowchart|graph)(?:[ \t]+(?:TB|TD|BT|RL|LR))?|sequenceDiagram|architecture-beta)"
    r"[ \t]*;?[ \t]*$|@startuml\b"
)
"""The first line of a diagram written as a file of its own."""


def _outside_front_matter(lines: list[str]) -> list[str]:
    """The lines before a file's first diagram that are not its front matter (``---`` … ``---``)
    nor a Mermaid comment (``%%``)."""
    if lines and lines[0].strip() == "---" and "---" in (line.strip() for line in lines[1:]):
        lines = lines[1 + [line.strip() for line in lines[1:]].index("---") + 1 :]
    return [line for line in lines if not line.strip().startswith("%%")]


def _front_matter_start(lines: list[str], start: int) -> int:
    """Where the diagram starting on ``lines[start]`` opens, its front matter included."""
    if start > 0 and lines[start - 1].strip() == "---":
        above = [line.strip() for line in lines[: start - 1]]
        return max(at for at, line in enumerate(above) if line == "---") if "---" in above else 0
    return start


def _language(first: str) -> str:
    return "plantuml" if first.lstrip().startswith("@start") else "mermaid"


_SHORTCODE = re.compile(r"(?<!\S):[a-z0-9_+-]{2,}:(?!\S)")


def without_shortcodes(text: str) -> str:
    """A heading without the emoji it names by shortcode, as GitHub draws them.

    >>> without_shortcodes(":ru: Коннектор к ClickHouse :bar_chart:")
    'Коннектор к ClickHouse'
    """
    if ":" not in text or not _SHORTCODE.search(text):
        return text
    return " ".join(_SHORTCODE.sub(" ", text).split())


_TITLE = re.compile(r"^title:[ \t]*(?P<q>[\"']?)(?P<title>.+?)(?P=q)[ \t]*$", re.MULTILINE)


def front_matter_title(text: str, line: int) -> list[Heading]:
    """The ``title:`` of a document's front matter (``text``, opened by ``---`` on ``line``) as
    the document's first heading; the rest of the front matter is data about the page.

    >>> front_matter_title('ms.date: 03/29/2021\\ntitle: "Export to Adobe"\\n', 1)
    [Heading(level=1, text='Export to Adobe', line=3)]
    """
    found = _TITLE.search(text)
    if found is None:
        return []
    return [Heading(1, found["title"], line + 1 + text.count("\n", 0, found.start()))]


class _Walker:
    """One pass over the token stream that collects blocks."""

    def __init__(self, tokens: list[Token], lines: list[str]) -> None:
        self.tokens = tokens
        self.lines = lines
        self.pos = 0
        self.code: list[CodeBlock] = []

    def walk(self) -> list[Block]:
        blocks: list[Block] = []
        while self.pos < len(self.tokens):
            token = self.tokens[self.pos]
            if token.type == "heading_open":
                blocks.append(self._heading(token))
            elif token.type == "paragraph_open":
                blocks.append(self._paragraph(token))
            elif token.type == "table_open":
                blocks.append(self._table(token))
            elif token.type in ("bullet_list_open", "ordered_list_open"):
                blocks.append(self._list(token))
            elif token.type == "dl_open":
                blocks.append(self._definitions(token))
            elif token.type == "front_matter":
                blocks += front_matter_title(token.content, self._line(token))
                self.pos += 1
            elif token.type == "html_block" and _HTML_TABLE.search(token.content):
                from flowviz.parse.html_tables import html_table  # noqa: PLC0415 (rare)

                blocks.append(html_table(token.content, self._line(token)))
                self.pos += 1
            else:
                if token.type in ("fence", "code_block"):
                    info = token.info.strip().split(" ")[0].lower()
                    first = self._line(token) + (token.type == "fence")
                    self.code.append(CodeBlock(info, token.content, first))
                elif token.type == "html_block":
                    self.code += html_diagrams(token.content, self._line(token))
                    if _HTML_HEADING.search(token.content):
                        from flowviz.parse.html_tables import html_headings  # noqa: PLC0415

                        blocks += html_headings(token.content, self._line(token))
                self.pos += 1
        return blocks

    def _line(self, token: Token) -> int:
        return token.map[0] + 1 if token.map else 0

    def _heading(self, token: Token) -> Heading:
        inline = self.tokens[self.pos + 1]
        self.pos += 3
        return Heading(
            int(token.tag[1:]), without_shortcodes(inline_text(inline)), self._line(token)
        )

    def _paragraph(self, token: Token) -> Paragraph:
        inline = self.tokens[self.pos + 1]
        self.pos += 3
        start, end = token.map or (0, 0)
        table_lines = tuple(
            n + 1
            for n in range(start, end)
            if n < len(self.lines) and _TABLE_LINE.match(self.lines[n])
        )
        return Paragraph(inline_text(inline), self._line(token), is_strong(inline), table_lines)

    def _table(self, token: Token) -> Table:
        header: list[Cell] = []
        rows: list[Row] = []
        row_cells: list[tuple[str, tuple[str, ...]]] = []
        row_line = 0
        in_head = False
        self.pos += 1
        while self.tokens[self.pos].type != "table_close":
            tok = self.tokens[self.pos]
            if tok.type == "thead_open":
                in_head = True
            elif tok.type == "tbody_open":
                in_head = False
            elif tok.type == "tr_open":
                row_cells, row_line = [], self._line(tok)
            elif tok.type == "inline":
                row_cells.append((inline_text(tok), inline_links(tok)))
            elif tok.type == "tr_close":
                raw = raw_cells(self.lines[row_line - 1]) if row_line else []
                cells = _with_columns(row_cells, raw)
                if in_head:
                    header = list(cells)
                else:
                    rows.append(Row(cells, row_line, tuple(text for _, text in raw)))
            self.pos += 1
        self.pos += 1
        return Table(tuple(header), tuple(rows), self._line(token))

    def _definitions(self, token: Token) -> ListBlock:
        """A definition list (``Term`` / ``: definition``) read as ``Term: definition`` items."""
        items: list[Item] = []
        self.pos += 1
        while self.tokens[self.pos].type != "dl_close":
            tok = self.tokens[self.pos]
            if tok.type == "dt_open":
                term = self.tokens[self.pos + 1]
                items.append(Item(inline_text(term), self._line(tok), None, False))
                items[-1].links += inline_links(term)
                items[-1].text += ":"
            elif tok.type == "inline" and items and self.tokens[self.pos - 1].type != "dt_open":
                items[-1].text += " " + inline_text(tok)
                items[-1].links += inline_links(tok)
            self.pos += 1
        self.pos += 1
        return ListBlock(tuple(items), self._line(token), False)

    def _list(self, token: Token) -> ListBlock:
        ordered = token.type == "ordered_list_open"
        items = self._items(ordered)
        return ListBlock(tuple(items), self._line(token), ordered)

    def _items(self, ordered: bool) -> list[Item]:
        """Read list items up to the matching list close; ``pos`` is on the list open."""
        depth = 1
        self.pos += 1
        items: list[Item] = []
        while depth:
            tok = self.tokens[self.pos]
            if tok.type == "list_item_open" and depth == 1:
                items.append(self._item(tok, ordered))
                continue
            if tok.type.endswith("_list_open"):
                depth += 1
            elif tok.type.endswith("_list_close"):
                depth -= 1
            self.pos += 1
        return items

    def _item(self, token: Token, ordered: bool) -> Item:
        """Read one list item (text of its first paragraph, nested lists as children)."""
        number = int(token.info) if ordered and token.info.isdigit() else None
        item = Item("", self._line(token), number, ordered)
        texts: list[str] = []
        self.pos += 1
        while (
            self.tokens[self.pos].type != "list_item_close"
            or self.tokens[self.pos].level != token.level
        ):
            tok = self.tokens[self.pos]
            if tok.type in ("bullet_list_open", "ordered_list_open"):
                item.children.extend(self._items(tok.type == "ordered_list_open"))
                continue
            if tok.type == "inline" and not item.children:
                texts.append(inline_text(tok))
                item.links += inline_links(tok)
                item.titles += inline_link_words(tok)
            self.pos += 1
        self.pos += 1
        item.text = "\n".join(t for t in texts if t)
        return item


def inline_text(token: Token) -> str:
    """Plain text of an inline token: emphasis, backticks and formatting tags (``<b>``,
    ``<span>``) dropped, ``<br>`` as a newline, a link as its words (its address is in
    ``inline_links``). Any other tag stays as text."""
    children = token.children or []
    if len(children) == 1 and children[0].type == "text":  # most cells: one run of text
        text = children[0].content
        if "\n" not in text:
            return _unwrapped(text).strip()
    parts: list[str] = []
    for child in children:
        kind = child.type
        if kind in ("text", "code_inline"):
            parts.append(child.content)
        elif kind == "softbreak":
            parts.append(" ")
        elif kind == "hardbreak":
            parts.append("\n")
        elif kind == "html_inline":
            tag = child.content.strip()
            if _BR.match(tag):
                parts.append("\n")
            elif not _FORMATTING_TAG.match(tag):
                parts.append(child.content)
        elif kind == "image":
            parts.append(" ")  # its alt text describes a picture the reader does not read
    text = _unwrapped("".join(parts))
    return "\n".join(line.strip() for line in text.split("\n")).strip()


_KEPT_AS_WRITTEN = re.compile(r"\[!(?:DNL|UICONTROL)\s+([^\[\]]*)\]")
"""The markup a documentation site puts around names to keep them from translation
(``[!DNL Channel Manager]``, Adobe's; ``[!UICONTROL Save]``): the name is what it says."""


def _unwrapped(text: str) -> str:
    """``text`` with its do-not-translate markup taken off the names it wraps."""
    return _KEPT_AS_WRITTEN.sub(r"\1", text) if "[!" in text else text


def markdown_text(text: str) -> str:
    """The plain text of a line of Markdown (a Mermaid label written as a Markdown string:
    ``**Site** _main_`` -> ``Site main``)."""
    tokens = _MD.parseInline(text)
    return inline_text(tokens[0]) if tokens else text


def inline_links(token: Token) -> tuple[str, ...]:
    """The addresses of an inline token's links, in order."""
    return tuple(
        str(child.attrs.get("href", ""))
        for child in token.children or []
        if child.type == "link_open" and child.attrs.get("href")
    )


def inline_link_words(token: Token) -> tuple[str, ...]:
    """The words of an inline token's links, in order (``[Прием данных из Kafka в Azure Data
    Explorer](ingest-data-kafka.md)``)."""
    out: list[str] = []
    words: list[str] | None = None
    for child in token.children or []:
        if child.type == "link_open":
            words = []
        elif child.type == "link_close" and words is not None:
            out.append(" ".join("".join(words).split()))
            words = None
        elif words is not None and child.type in ("text", "code_inline"):
            words.append(child.content)
    return tuple(out)


def is_strong(token: Token) -> bool:
    """Whether an inline token is one bold run (``**Поток 1: ...**``), maybe with a colon."""
    kids = [c for c in token.children or [] if not (c.type == "text" and not c.content.strip(" :"))]
    return len(kids) >= 3 and kids[0].type == "strong_open" and kids[-1].type == "strong_close"


def raw_cells(line: str) -> list[tuple[int, str]]:
    """Cells of a raw table line split on unescaped pipes: (1-based column, text)."""
    body = _QUOTE_MARKS.sub("", line, count=1)
    offset = len(line) - len(body)
    if body.lstrip().startswith("||"):  # a row of a ``#| … |#`` table: ``|| a | b ||``
        body = body.replace("||", " |", 1)
        last = body.rfind("||")
        body = body[:last] + "| " + body[last + 2 :] if last != -1 else body
    bounds = [m.start() for m in _PIPE.finditer(body)]
    if "\\" in body:
        bounds = [at for at in bounds if not _escaped(body, at)]
    starts = [-1, *bounds]
    ends = [*bounds, len(body)]
    cells = []
    for index, (start, end) in enumerate(zip(starts, ends, strict=True)):
        text = body[start + 1 : end]
        edge = index == 0 or index == len(starts) - 1
        if edge and not text.strip() and bounds:
            continue
        lead = len(text) - len(text.lstrip())
        cells.append((offset + start + 2 + lead, text.strip()))
    return cells


def _escaped(text: str, index: int) -> bool:
    slashes = 0
    while index - slashes - 1 >= 0 and text[index - slashes - 1] == "\\":
        slashes += 1
    return slashes % 2 == 1


def _with_columns(
    cells: list[tuple[str, tuple[str, ...]]], raw: list[tuple[int, str]]
) -> tuple[Cell, ...]:
    columns = [col for col, _ in raw]
    return tuple(
        Cell(text, columns[i] if i < len(columns) else (columns[-1] if columns else 1), links)
        for i, (text, links) in enumerate(cells)
    )
