"""Multi-line tables of the Diplodoc (YFM) dialect that Yandex Cloud's and Bitrix24's
documentation is written in, as a markdown-it block rule::

    #|
    || **Источник** | **Получатель** ||
    || Интернет-магазин | Внешняя система ||
    |#

The rule gives the same tokens as a GFM table (its first row the header), each row's
``tr_open`` mapped to the line the row starts on, each cell one inline token of its text (a
cell running over several lines is joined with spaces), so that everything reading tables
reads these too."""

from __future__ import annotations

import re

from markdown_it import MarkdownIt
from markdown_it.rules_block import StateBlock

_OPEN = "#|"
_CLOSE = "|#"
_ROW_EDGE = "||"
_CELL_SPLIT = re.compile(r"(?<!\\)\|(?![|#])")
"""A ``|`` between two cells of a row (not ``||``, which opens or closes the row, nor an
escaped ``\\|``)."""


def yfm_table_plugin(md: MarkdownIt) -> None:
    """Read ``#| … |#`` blocks as tables."""
    md.block.ruler.before("table", "yfm_table", _yfm_table, {"alt": ["paragraph"]})


def _yfm_table(state: StateBlock, start: int, end: int, silent: bool) -> bool:
    if state.sCount[start] - state.blkIndent >= 4 or _text(state, start).strip() != _OPEN:
        return False
    close = next((n for n in range(start + 1, end) if _text(state, n).strip() == _CLOSE), None)
    if close is None:
        return False
    if silent:
        return True
    rows = _rows(state, start + 1, close)
    if not rows:
        return False
    width = max(len(cells) for _, cells in rows)
    table = state.push("table_open", "table", 1)
    table.map = [start, close + 1]
    for index, (line, cells) in enumerate(rows):
        if index == 0:
            state.push("thead_open", "thead", 1)
        elif index == 1:
            state.push("tbody_open", "tbody", 1)
        _push_row(state, line, cells + [""] * (width - len(cells)), "th" if index == 0 else "td")
        if index == 0:
            state.push("thead_close", "thead", -1)
    if len(rows) > 1:
        state.push("tbody_close", "tbody", -1)
    state.push("table_close", "table", -1)
    state.line = close + 1
    return True


def _text(state: StateBlock, line: int) -> str:
    return state.src[state.bMarks[line] + state.tShift[line] : state.eMarks[line]]


def _rows(state: StateBlock, first: int, close: int) -> list[tuple[int, list[str]]]:
    """(line the row starts on, its cells' text) for each ``|| … ||`` row before ``close``."""
    rows: list[tuple[int, list[str]]] = []
    open_at: int | None = None
    parts: list[str] = []
    for line in range(first, close):
        text = _text(state, line).strip()
        if open_at is None:
            if not text.startswith(_ROW_EDGE):
                continue
            open_at, text = line, text[len(_ROW_EDGE) :]
        ends = text.endswith(_ROW_EDGE)
        parts.append(text[: -len(_ROW_EDGE)] if ends else text)
        if ends:
            body = "\n".join(parts)
            rows.append((open_at, [" ".join(c.split()) for c in _CELL_SPLIT.split(body)]))
            open_at, parts = None, []
    return rows


def _push_row(state: StateBlock, line: int, cells: list[str], tag: str) -> None:
    row = state.push("tr_open", "tr", 1)
    row.map = [line, line + 1]
    for text in cells:
        state.push(f"{tag}_open", tag, 1)
        inline = state.push("inline", "", 0)
        inline.content = text
        inline.map = [line, line + 1]
        inline.children = []
        state.push(f"{tag}_close", tag, -1)
    state.push("tr_close", "tr", -1)
