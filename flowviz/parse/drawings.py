"""The vertical connectors of an ASCII drawing in a plain code block: boxes written
``(gcs)``, ``[init]``, ``{ps-data}``, joined by lines of ``|`` / ``║`` / ``│`` that may turn at
a corner (``└---> {ps-tran}``) and end in an arrowhead (``V``, ``^``, ``>``). Each run of
connector cells that touches two boxes and holds a vertical stroke is an edge: to the box an
arrowhead points at, else downwards. One-line arrows (``(gcs) ──> [init]``) are read by
``arrows.drawing_candidate``; a run with no vertical stroke is left to it."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from operator import attrgetter

from flowviz.parse.arrows import Candidate

_BOX = re.compile(r"[(\[{]([^\s()\[\]{}][^()\[\]{}]{0,40})[)\]}]")
_VERTICAL = frozenset("|║│┃")
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

    def touches(self, cell: Cell) -> bool:
        """Whether ``cell`` is next to the box (above, below or beside it)."""
        row, col = cell
        return abs(row - self.row) <= 1 and self.start - 1 <= col <= self.end


def connector_candidates(text: str, first_line: int) -> Iterator[Candidate]:
    """The edges drawn by vertical connectors between boxes, as drawn candidates."""
    grid = text.split("\n")
    boxes = _boxes(grid)
    if len(boxes) < 2:
        return
    seen: set[Cell] = set()
    for cell in _connector_cells(grid):
        if cell in seen or grid[cell[0]][cell[1]] not in _VERTICAL:
            continue
        run = _run(grid, cell)
        seen |= run
        for source, target in _edges(grid, run, boxes):
            yield Candidate(
                first_line + source.row,
                [[source.name], [target.name]],
                ["forward"],
                ["", ""],
                drawn=True,
                boxed=frozenset({source.name, target.name}),
            )


def _boxes(grid: list[str]) -> list[Box]:
    return [
        Box(m.group(1).strip(), row, m.start(), m.end())
        for row, line in enumerate(grid)
        for m in _BOX.finditer(line)
        if any(c.isalnum() for c in m.group(1))
    ]


def _connector_cells(grid: list[str]) -> Iterator[Cell]:
    for row, line in enumerate(grid):
        for col, char in enumerate(line):
            if char in _VERTICAL:
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
    edge = _edge(grid, run, boxes)
    if edge is not None:
        return [edge]
    if any(grid[row][col] in _HEADS for row, col in run):
        return []
    touched = sorted((box for box in boxes if any(box.touches(c) for c in run)), key=_ROW)
    if len(touched) < 3:
        return []
    top = [box for box in touched if box.row == touched[0].row]
    bottom = [box for box in touched if box.row == touched[-1].row]
    if len(top) + len(bottom) != len(touched) or min(len(top), len(bottom)) != 1:
        return []
    return [(upper, lower) for upper in top for lower in bottom]


def _edge(grid: list[str], run: set[Cell], boxes: list[Box]) -> tuple[Box, Box] | None:
    """(sender, receiver) of a run that touches exactly two boxes, else None."""
    heads = [
        (row + _HEADS[grid[row][col]][0], col + _HEADS[grid[row][col]][1])
        for row, col in run
        if grid[row][col] in _HEADS
    ]
    touched = [box for box in boxes if any(box.touches(cell) for cell in (*run, *heads))]
    if len(touched) != 2:
        return None
    for pointed in heads:
        for index, box in enumerate(touched):
            if box.touches(pointed):
                return touched[1 - index], box
    upper, lower = sorted(touched, key=lambda box: box.row)
    return (upper, lower) if upper.row != lower.row else None
