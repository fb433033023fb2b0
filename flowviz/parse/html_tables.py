"""HTML tables and headings pasted into a map (from Confluence, Google Docs, a README's
centred title ...) as blocks' tables and headings; a module of its own so that only a map that
has one imports Python's HTML parser."""

from __future__ import annotations

from html.parser import HTMLParser

from flowviz.parse.blocks import Cell, Heading, Row, Table


class _HtmlTable(HTMLParser):
    """Rows of an HTML table pasted into a map (from Confluence, Google Docs ...)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.rows: list[tuple[int, bool, list[str]]] = []
        self.cell_lines: list[list[int]] = []
        self._cell: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "tr":
            self.rows.append((self.getpos()[0], False, []))
            self.cell_lines.append([])
        elif tag in ("td", "th") and self.rows:
            self._cell = []
            self.cell_lines[-1].append(self.getpos()[0])
            if tag == "th":
                line, _, cells = self.rows[-1]
                self.rows[-1] = (line, True, cells)
        elif tag == "br" and self._cell is not None:
            self._cell.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("td", "th") and self._cell is not None and self.rows:
            text = "".join(self._cell)
            self.rows[-1][2].append(
                "\n".join(" ".join(p.split()) for p in text.split("\n")).strip()
            )
            self._cell = None

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell.append(data)


def html_table(html: str, line: int) -> Table:
    """A Table from the first rows of an HTML table: its header row, then its body rows."""
    parser = _HtmlTable()
    parser.feed(html)
    parser.close()
    rows = [
        (line + offset - 1, cells, [line + at - 1 for at in starts])
        for (offset, _, cells), starts in zip(parser.rows, parser.cell_lines, strict=True)
        if cells
    ]
    if not rows:
        return Table((), (), line)
    (_, header, _), body = rows[0], rows[1:]
    width = len(header)
    return Table(
        tuple(Cell(text, 1) for text in header),
        tuple(
            Row(_cells(cells, starts, row_line, width), row_line, tuple(cells))
            for row_line, cells, starts in body
        ),
        line,
    )


def _cells(texts: list[str], starts: list[int], row_line: int, width: int) -> tuple[Cell, ...]:
    """A row's cells cut or padded to ``width``, each with its own line where it starts on
    another line than its row."""
    lines = [(at if at != row_line else 0) for at in starts]
    padded = zip((texts + [""] * width)[:width], lines + [0] * width, strict=False)
    return tuple(Cell(text, 1, (), at) for text, at in padded)


class _HtmlHeadings(HTMLParser):
    """The headings (``<h1>`` to ``<h6>``) of an HTML block, as text without their tags."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.headings: list[tuple[int, int, list[str]]] = []
        self._open = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if len(tag) == 2 and tag[0] == "h" and tag[1] in "123456":
            self.headings.append((int(tag[1]), self.getpos()[0], []))
            self._open = True

    def handle_endtag(self, tag: str) -> None:
        if len(tag) == 2 and tag[0] == "h" and tag[1] in "123456":
            self._open = False

    def handle_data(self, data: str) -> None:
        if self._open and self.headings:
            self.headings[-1][2].append(data)


def html_headings(html: str, line: int) -> list[Heading]:
    """The headings of an HTML block (``<h1 align=center>Синхрон из <code>ЮKassa</code> в
    <code>Мой Налог</code></h1>``), each on the line it opens on."""
    parser = _HtmlHeadings()
    parser.feed(html)
    parser.close()
    found = [(level, at, " ".join("".join(parts).split())) for level, at, parts in parser.headings]
    return [Heading(level, text, line + at - 1) for level, at, text in found if text]
