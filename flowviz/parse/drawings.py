"""The vertical connectors of an ASCII drawing in a plain code block: boxes written
``(gcs)``, ``[init]``, ``{ps-data}``, joined by lines of ``|`` / ``║`` / ``│`` that may turn at
a corner (``└---> {ps-tran}``) and end in an arrowhead (``V``, ``^``, ``>``). Each run of
connector cells that touches two boxes and holds a vertical stroke is an edge: to the box an
arrowhead points at, else downwards. One-line arrows (``(gcs) ──> [init]``) are read by
``arrows.drawing_candidate``; a run with no vertical stroke is left to it."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from operator import attrgetter

from flowviz.parse.arrows import Candidate
from flowviz.parse.walled import (
    as_drawn,
    bridged,
    frames_opened,
    titled_frames,
    walled_boxes,
    without_holders,
)

_BOX = re.compile(r"[(\[{]([^\s()\[\]{}][^()\[\]{}]{0,40})[)\]}]")
_VERTICAL = frozenset("|║│┃")
_STARTS = _VERTICAL | frozenset("▼▲")
"""Where a run is traced from: a vertical stroke, or a drawn arrowhead under a join."""
_HORIZONTAL = frozenset("-─═━")
_CORNERS = frozenset("└┘┌┐╚╝╔╗+├┤┴┬")
_RAIL = re.compile(r"\s*\+[-─+]*\+\s*")
"""A line that only spreads a stroke to several drops: ``+-----+-----+``."""
_HEADS = {"V": (1, 0), "v": (1, 0), "▼": (1, 0), "^": (-1, 0), "▲": (-1, 0), ">": (0, 1)}
"""Arrowheads and the way (row, column) each points."""

Cell = tuple[int, int]
_ROW = attrgetter("row")


@dataclass(frozen=True, slots=True)
class Box:
    """A box of the drawing: its name, row and columns."""

    name: str
    row: int
    start: int
    end: int
    top: int | None = None
    """For a walled box, its top and bottom rows (``row`` is the one it is named on)."""
    bottom: int | None = None
    framed: bool = True
    """Drawn as a box (walls or brackets): a system whatever it says; a run of words is one
    only as an end of an edge statement is."""

    def touches(self, cell: Cell) -> bool:
        """Whether ``cell`` is next to the box (above, below or beside it)."""
        row, col = cell
        top = self.row if self.top is None else self.top
        bottom = self.row if self.bottom is None else self.bottom
        return top - 1 <= row <= bottom + 1 and self.start - 1 <= col <= self.end

    def under(self, cell: Cell) -> int | None:
        """How many rows below ``cell`` the box's top is, when the box stands in its column."""
        top = self.row if self.top is None else self.top
        row, col = cell
        return top - row if top >= row and self.start <= col < self.end else None


def connector_candidates(text: str, first_line: int) -> Iterator[Candidate]:
    """The edges drawn by vertical connectors between boxes, as drawn candidates."""
    lines = [as_drawn(line) for line in text.split("\n")]
    drawn = frames_opened(lines)
    grid, walls = walled_boxes(drawn)
    walls = without_holders(walls) + titled_frames(lines)
    boxes = [Box(w.name, w.row, w.start, w.end, w.top, w.bottom) for w in walls]
    walled = len(walls) >= 2
    boxes += _text_boxes(grid, walled) if _drawn_with_heads(grid) else _boxes(grid)
    if len(boxes) < 2:
        return
    if walled:
        grid = bridged(grid)
        yield from _side_strokes(grid, drawn, boxes, first_line)
    seen: set[Cell] = set()
    edges: list[tuple[Box, Box]] = []
    for cell in _connector_cells(grid):
        if cell in seen or grid[cell[0]][cell[1]] not in _STARTS:
            continue
        run = _run(grid, cell)
        seen |= run
        edges += _edges(grid, run, boxes)
    stores = _tables_stored(edges)
    for upper, lower in edges:
        if lower.name in stores:
            continue  # a table drawn under the store that holds it
        source, target = stores.get(upper.name, upper), stores.get(lower.name, lower)
        yield Candidate(
            first_line + upper.row,
            [[source.name], [target.name]],
            ["forward"],
            ["", ""],
            drawn=True,
            boxed=frozenset(box.name for box in (source, target) if box.framed),
        )


_TABLE = re.compile(r"[a-z][a-z0-9]*(?:_[a-z0-9]+)+|.+\s(?i:tables?)|(?i:таблица)\s.+")
"""A box named as a table (``capi_events_enriched``, ``contacts table``)."""


def _tables_stored(edges: list[tuple[Box, Box]]) -> dict[str, Box]:
    """The store each table box is drawn under (``Supabase`` over ``contacts table`` and
    ``capi_events_enriched``): the table stands for it, its edges are the store's."""
    stores: dict[str, Box] = {}
    for source, target in edges:
        if _TABLE.fullmatch(target.name) and not _TABLE.fullmatch(source.name):
            stores.setdefault(target.name, source)
    return stores


def _side_strokes(
    grid: list[str], drawn: list[str], boxes: list[Box], first_line: int
) -> Iterator[Candidate]:
    """Strokes with no arrowhead drawn level between two walled boxes (``│ Ozon │────│ Ozon
    Adapter │``): each an edge from the left box to the right one, as a drawing is read. A box
    divided into cells (``├────┤`` between ``Wildberries`` and ``Ozon``) is the cell the stroke
    leaves or reaches, from the line naming it; a stroke from a dividing wall or from a cell's
    later line (a drawing a line off) is left out."""
    for row, line in enumerate(grid):
        for stroke in _LEVEL_STROKE.finditer(line):
            left = _cell_at(drawn, boxes, row, stroke.start() - 1)
            right = _cell_at(drawn, boxes, row, stroke.end())
            if left is None or right is None or left == right:
                continue
            yield Candidate(
                first_line + row,
                [[left], [right]],
                ["forward"],
                ["", ""],
                drawn=True,
                boxed=frozenset((left, right)),
            )


def _cell_at(drawn: list[str], boxes: list[Box], row: int, col: int) -> str | None:
    """The name of the walled box (or of its cell) whose wall stands at (``row``, ``col``),
    None when no box or several do, or the wall divides two cells there."""
    found = [
        box
        for box in boxes
        if box.top is not None
        and box.bottom is not None
        and box.top < row < box.bottom
        and col in (box.start - 1, box.start, box.end - 1, box.end)
    ]
    if len(found) != 1:
        return None
    box = found[0]
    if _divides(drawn, box, row):
        return None
    top = next(r for r in range(row, box.top - 1, -1) if r == box.top or _divides(drawn, box, r))
    if top == box.top:
        return box.name
    named = next((r for r in range(top + 1, row + 1) if _inside(drawn, box, r)), None)
    return _inside(drawn, box, row) if named == row else None  # not a cell's later line


_DIVIDERS = frozenset("├╠┼")


def _divides(drawn: list[str], box: Box, row: int) -> bool:
    """Whether ``row`` is a wall dividing the box into cells (``├─────┤``)."""
    return _at(drawn, row, box.start) in _DIVIDERS


def _inside(drawn: list[str], box: Box, row: int) -> str:
    """The text written between the box's walls on ``row``."""
    return drawn[row][box.start + 1 : box.end - 1].strip() if row < len(drawn) else ""


_LEVEL_STROKE = re.compile(r"(?<=\s)[─━═]{3,}(?=\s)")
"""A level stroke of box-drawing dashes, blank at both ends (the walls it joins blanked)."""


def _boxes(grid: list[str]) -> list[Box]:
    return [
        Box(m.group(1).strip(), row, m.start(), m.end())
        for row, line in enumerate(grid)
        for m in _BOX.finditer(line)
        if any(c.isalnum() for c in m.group(1)) and not _a_note(m.group())
    ]


def _a_note(bracketed: str) -> bool:
    """A bracket that says something of a stroke rather than names a box: words in round
    brackets all in lower case (``(manual upload)``) or opening with a preposition (``(For
    campaign details)``, ``(e.g., Weather)``); ``(gcs)``, one word, is a box."""
    if not bracketed.startswith("("):
        return False
    words = bracketed.strip("()").split()
    lower = len(words) > 1 and all(w[:1].islower() for w in words)
    return lower or (bool(words) and words[0].casefold().rstrip(".,:") in _NOTE_OPENERS)


_NOTE_OPENERS = frozenset({
    "for", "via", "e.g", "i.e", "with", "from", "to", "by", "see",
    "для", "через", "см", "например",
})  # fmt: skip
"""First words of a note in round brackets (``(For campaign details)``, ``(e.g., Weather)``)."""


def _drawn_with_heads(grid: list[str]) -> bool:
    """Whether a drawing is made of box-drawing strokes and arrowheads (``│`` and ``▼``), in
    which every run of words is a box (a shell pipe ``|`` or a table never is one)."""
    text = "\n".join(grid)
    return "│" in text and ("▼" in text or "▲" in text)


def _text_boxes(grid: list[str], walled: bool) -> list[Box]:
    """The runs of words of a drawing as boxes (a run opening with a bracketed name is that
    name: ``[Generate Data] Synthetic metrics``), a run right under another one (its columns
    shared) being the same box's next line (``Candidate`` / ``Service``, ``Overpass`` /
    ``(geo)``). Beside ``walled`` boxes, words written on a stroke are what it carries."""
    runs = [
        Box(m.group().strip(), row, m.start(), m.end(), framed=False)
        for row, line in enumerate(grid)
        for m in _WORDS.finditer(line)
        if not (walled and _on_a_stroke(grid, row, m.start(), m.end()))
        and not _beside_a_stroke(grid, row, m.start())
        and not m.group().rstrip().endswith("?")  # ``Not Signed In?``: a decision, no box
    ]
    bracketed = {(box.row, box.start): box for box in _boxes(grid)}
    runs = [bracketed.get((run.row, run.start), run) for run in runs]  # ``[Generate Data] …``
    boxes: list[Box] = []
    for run in runs:
        above = next((b for b in boxes if b.bottom == run.row - 1 and _overlap(b, run)), None)
        if above is None:
            boxes.append(replace(run, top=run.row, bottom=run.row))
            continue
        note = run.name.startswith("(") and run.name.endswith(")")  # ``(geo)`` under a name
        joined = Box(
            above.name if note else f"{above.name} {run.name}",
            above.row,
            min(above.start, run.start),
            max(above.end, run.end),
            above.top,
            run.row,
            framed=False,
        )
        boxes[boxes.index(above)] = joined
    return boxes


def _on_a_stroke(grid: list[str], row: int, start: int, end: int) -> bool:
    """Whether a run of words is written on a stroke (``▼`` or ``│`` right above it and
    right below it in one column): what the stroke carries, no box."""
    return any(
        _at(grid, row - 1, col) in _STARTS and _at(grid, row + 1, col) in _STARTS
        for col in range(start, end)
    )


def _beside_a_stroke(grid: list[str], row: int, start: int) -> bool:
    """Whether a run of words is written right after a vertical stroke that comes from above
    and goes on down to an arrowhead (``│ Convert to Customer`` over ``▼``): what the stroke
    carries, no box."""
    col = start - 1
    while col >= 0 and grid[row][col] == " " and start - col <= 2:
        col -= 1
    if col < 0 or grid[row][col] not in _VERTICAL:
        return False
    return _at(grid, row - 1, col) in _STARTS | _CORNERS and _heads_to(grid, row + 1, col)


def _heads_to(grid: list[str], row: int, col: int) -> bool:
    """Whether the stroke going down from (``row``, ``col``) ends in an arrowhead (a
    connector, not a box's wall)."""
    while _at(grid, row, col) in _VERTICAL:
        row += 1
    return _at(grid, row, col) in "▼v"


def _at(grid: list[str], row: int, col: int) -> str:
    return grid[row][col] if 0 <= row < len(grid) and 0 <= col < len(grid[row]) else " "


def _overlap(one: Box, other: Box) -> bool:
    return one.start < other.end and other.start < one.end


_STROKES = "│║┃─═━└┘┌┐╚╝╔╗├┤┴┬▼▲►◄"
_WORDS = re.compile(
    rf"[^\s{_STROKES}](?:[^{_STROKES}]*?[^\s{_STROKES}])?(?=\s{{2}}|\s*$|\s*[{_STROKES}])"
)
"""A run of words in a drawing: it ends at two spaces, the line's end or a stroke."""


def _connector_cells(grid: list[str]) -> Iterator[Cell]:
    for row, line in enumerate(grid):
        for col, char in enumerate(line):
            if char in _STARTS:
                yield row, col


def _is_connector(grid: list[str], cell: Cell) -> bool:
    row, col = cell
    if not (0 <= row < len(grid) and 0 <= col < len(grid[row])):
        return False
    char = grid[row][col]
    return char in _VERTICAL or char in _HORIZONTAL or char in _CORNERS or char in _HEADS


def _run(grid: list[str], start: Cell) -> set[Cell]:
    """The connector cells joined to ``start``: vertical strokes go up and down, horizontal
    ones and corners left and right too."""
    run, todo = {start}, [start]
    while todo:
        row, col = todo.pop()
        char = grid[row][col]
        steps = [(-1, 0), (1, 0)] if char in _VERTICAL else [(0, -1), (0, 1), (-1, 0), (1, 0)]
        for d_row, d_col in steps:
            nxt = (row + d_row, col + d_col)
            if nxt not in run and _is_connector(grid, nxt) and _joins(grid, (row, col), nxt):
                run.add(nxt)
                todo.append(nxt)
    return run


def _joins(grid: list[str], here: Cell, there: Cell) -> bool:
    """Whether two neighbouring connector cells are one line: a vertical stroke joins only
    up and down, a horizontal one only left and right, but for a vertical stroke meeting a
    rail (a line of only ``+`` and ``-``: a ``T`` drawn without its ``+``)."""
    vertical_step = here[0] != there[0]
    a, b = grid[here[0]][here[1]], grid[there[0]][there[1]]
    if vertical_step:
        rail = here if a in _HORIZONTAL else there
        tee = (a in _VERTICAL) != (b in _VERTICAL) and _RAIL.fullmatch(grid[rail[0]]) is not None
        return (tee or (a not in _HORIZONTAL and b not in _HORIZONTAL)) and ">" not in (a, b)
    return a not in _VERTICAL and b not in _VERTICAL and b not in "Vv^▼▲"


def _edges(grid: list[str], run: set[Cell], boxes: list[Box]) -> list[tuple[Box, Box]]:
    """(sender, receiver) of a run that touches two boxes; of a tree drawn with a rail
    (``+----+----+`` under one box, over several), one pair from the box above to each box
    below (or from each box above to the one below); else none."""
    heads = _heads(grid, run, boxes)
    edge = _edge(run, heads, boxes)
    if edge is not None:
        return [edge]
    if heads:
        return _fanned(run, heads, boxes)
    touched = sorted((box for box in boxes if any(box.touches(c) for c in run)), key=_ROW)
    if len(touched) < 3:
        return []
    top = [box for box in touched if box.row == touched[0].row]
    bottom = [box for box in touched if box.row == touched[-1].row]
    if len(top) + len(bottom) != len(touched) or min(len(top), len(bottom)) != 1:
        return []
    return [(upper, lower) for upper in top for lower in bottom]


def _heads(grid: list[str], run: set[Cell], boxes: list[Box]) -> list[Cell]:
    """The cells a run's arrowheads point at; a head pointing down at blank space points at
    the first box below it in its column, when only blank rows stand between (a stage's
    banner blanked out among them)."""
    out = []
    for row, col in run:
        if grid[row][col] not in _HEADS:
            continue
        d_row, d_col = _HEADS[grid[row][col]]
        cell = (row + d_row, col + d_col)
        if d_row == 1 and _blank_at(grid, cell):
            cell = _dropped(grid, cell, boxes) or cell
        out.append(cell)
    return out


def _blank_at(grid: list[str], cell: Cell) -> bool:
    row, col = cell
    return row >= len(grid) or col >= len(grid[row]) or grid[row][col].isspace()


def _dropped(grid: list[str], cell: Cell, boxes: list[Box]) -> Cell | None:
    """The cell right above the first box below ``cell`` in its column, if nothing but blank
    rows stands between them."""
    gaps = [gap for box in boxes if (gap := box.under(cell)) is not None]
    below = [gap for gap in gaps if gap > 0]
    if not below or 0 in gaps:
        return None  # no box below, or the head stands on a walled box's top
    gap = min(below)
    row, col = cell
    if gap > MAX_DROP or not all(_blank_at(grid, (r, col)) for r in range(row, row + gap)):
        return None
    return row + gap - 1, col


MAX_DROP = 12
"""How many blank rows an arrowhead may point across to the box below it."""


def _fanned(run: set[Cell], heads: list[Cell], boxes: list[Box]) -> list[tuple[Box, Box]]:
    """A run that forks from one box to the boxes its arrowheads point at (``├────┐`` under
    ``FileSync``), or joins several boxes into the one it points at (``└──┬──┘``)."""
    pointed = [box for box in boxes if any(box.touches(head) for head in heads)]
    senders = [box for box in boxes if box not in pointed and any(box.touches(c) for c in run)]
    if len(senders) == 1 and len(pointed) > 1:
        return [(senders[0], box) for box in pointed]
    if len(pointed) == 1 and len(senders) > 1:
        return [(box, pointed[0]) for box in senders]
    return []


def _edge(run: set[Cell], heads: list[Cell], boxes: list[Box]) -> tuple[Box, Box] | None:
    """(sender, receiver) of a run that touches exactly two boxes (counting the cells its
    arrowheads point at), else None."""
    touched = [box for box in boxes if any(box.touches(cell) for cell in (*run, *heads))]
    if len(touched) != 2:
        return None
    for pointed in heads:
        for index, box in enumerate(touched):
            if box.touches(pointed):
                return touched[1 - index], box
    upper, lower = sorted(touched, key=lambda box: box.row)
    return (upper, lower) if upper.row != lower.row else None
