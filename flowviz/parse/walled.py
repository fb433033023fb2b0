"""Boxes drawn with walls in a plain code block (``┌──────┐`` / ``│ FileSync │`` /
``└──┬───┘``, or ``+------+`` / ``| MySQL |``): each is a box named by its first line of
text (and a bracket on the line after it, ``Matching.Engine`` / ``(ComparatorService)``), its
walls blanked out so that only the strokes between boxes are left to trace; a wide box of
capitals is a stage's banner, blanked too, no box. A message written between two arrowheads
(``▼`` / ``FileSyncDone`` / ``│``) is bridged, so that the stroke runs on through it."""

from __future__ import annotations

import re
from dataclasses import dataclass
from unicodedata import east_asian_width

_TOP_LEFT = "┌╔╭+"
_TOP_RIGHT = "┐╗╮+"
_BOTTOM_LEFT = "└╚╰+"
_BOTTOM_RIGHT = "┘╝╯+"
_TOP_EDGE = frozenset("─═━┬┴┼-=+v^")
_LEFT_WALL = frozenset("│║├┤|")
_RIGHT_WALL = frozenset("│║┤├|")
_BANNER = re.compile(r"[A-Z0-9&/ ,.:()-]+")
_BRACKET = re.compile(r"\([^()\s]+\)")
"""A bracket of one word: which one of its kind the box is (``(ComparatorService)``), not
what it does (``(reads rows)``)."""


@dataclass(frozen=True, slots=True)
class Wall:
    """A walled box: its name, the row it is named on, and its top, bottom and columns."""

    name: str
    row: int
    top: int
    bottom: int
    start: int
    end: int


def walled_boxes(grid: list[str]) -> tuple[list[str], list[Wall]]:
    """The grid with every walled box blanked out, and the boxes (banners left out)."""
    out = [list(line) for line in grid]
    walls = [
        wall
        for top, line in enumerate(grid)
        for start, char in enumerate(line)
        if char in _TOP_LEFT and (wall := _box_at(grid, top, start)) is not None
    ]
    boxes = []
    for wall in walls:
        if _holds_a_box(wall, walls):
            _open(out, wall)  # a box holding boxes (a frame a stroke reaches): its parts stay
        else:
            _blank(out, wall)
        if not _banner(wall, grid):
            boxes.append(wall)
    return ["".join(row) for row in out], [box for box in boxes if box.name]


def bridged(grid: list[str]) -> list[str]:
    """The grid with a message between an arrowhead above and a stroke below (or a stroke
    above and an arrowhead below) crossed by the stroke, so that it is one line."""
    out = [list(line) for line in grid]
    for row in range(1, len(grid) - 1):
        for col, char in enumerate(grid[row]):
            if char.isspace() or not (char.isalnum() or char in "._-"):
                continue
            above, below = _at(grid, row - 1, col), _at(grid, row + 1, col)
            if above in "▼│|" and below in "│|▼" and "▼" in (above, below, _at(grid, row - 2, col)):
                out[row][col] = "│"
    return ["".join(row) for row in out]


def _at(grid: list[str], row: int, col: int) -> str:
    return grid[row][col] if 0 <= row < len(grid) and 0 <= col < len(grid[row]) else " "


def as_drawn(line: str) -> str:
    """A line of a drawing with each wide character (an emoji, a CJK character) followed by a
    space, so that its columns are the ones an editor shows (``│ [💳 Pay Now] │`` has its
    right wall where the line above has it)."""
    if line.isascii():
        return line
    return "".join(c + " " if east_asian_width(c) in "WF" else c for c in line)


def frames_opened(grid: list[str]) -> list[str]:
    """The grid with each frame's walls and title blanked out: a box drawn around other
    boxes (``┌── MARKETING (Frappe CRM) ──┐`` over a row of boxes) is a group of them, no box,
    so that the arrows inside it join the boxes it holds. A stroke that crosses a frame's
    wall (``┼``) goes on through it."""
    walls = _all_boxes(grid)
    frames = [w for w in walls if _holds_a_box(w, walls) and not _reached_from_beside(grid, w)]
    if not frames:
        return grid
    out = [list(line) for line in grid]
    for frame in frames:
        _open(out, frame)
    return ["".join(row) for row in out]


def without_holders(walls: list[Wall]) -> list[Wall]:
    """The boxes that hold no other box: the ends a stroke between boxes may have (a box
    holding boxes is reached only beside them, by a level arrow line)."""
    return [wall for wall in walls if not _holds_a_box(wall, walls)]


def _reached_from_beside(grid: list[str], frame: Wall) -> bool:
    """Whether a level stroke outside a frame ends at its side wall (``│ Agent │────▶│ A2H
    Gateway │`` over the gateway's parts): the frame is a box the drawing joins to others, not
    a group to open."""
    for row in range(frame.top + 1, frame.bottom):
        left, right = _at(grid, row, frame.start - 1), _at(grid, row, frame.end)
        if left in _LEVEL_STROKE or right in _LEVEL_STROKE:
            return True
    return False


_LEVEL_STROKE = frozenset("─━═▶►◀◄")


def titled_frames(grid: list[str]) -> list[Wall]:
    """The frames that bear a title of their own on their first line inside (``│ Go WhatsApp
    Web Multidevice │`` over its boxes) and no stroke crossing their top: an arrowhead drawn
    down onto such a frame's top points at the frame, the system its boxes are parts of.
    Each is given as its top wall alone, named by that title."""
    walls = _all_boxes(grid)
    out = []
    for frame in walls:
        if not _holds_a_box(frame, walls):
            continue
        title = _title(grid, frame)
        top = grid[frame.top][frame.start + 1 : frame.end - 1]
        if title and not any(c in _CROSSINGS for c in top):
            out.append(Wall(title, frame.top, frame.top, frame.top, frame.start, frame.end))
    return out


def _title(grid: list[str], frame: Wall) -> str:
    """A frame's first line of text inside it, when it is words and no part of a box."""
    for row in range(frame.top + 1, frame.bottom):
        text = grid[row][frame.start + 1 : frame.end - 1].strip(" │║|")
        if text:
            return text if _TITLE.fullmatch(text) else ""
    return ""


_TITLE = re.compile(r"[\w][\w .&:/()>-]*")
_CROSSINGS = frozenset("┼┬╋╦+")
"""What a stroke crossing or leaving a frame's top wall is drawn with."""


def _all_boxes(grid: list[str]) -> list[Wall]:
    return [
        wall
        for top, line in enumerate(grid)
        for start, char in enumerate(line)
        if char in _TOP_LEFT and (wall := _box_at(grid, top, start, loose=True)) is not None
    ]


def _holds_a_box(wall: Wall, walls: list[Wall]) -> bool:
    """Whether another of ``walls`` is drawn inside ``wall``."""
    return any(_inside(other, wall) for other in walls)


def _inside(box: Wall, frame: Wall) -> bool:
    """Whether ``box`` is drawn inside ``frame``."""
    return (
        frame.top < box.top
        and box.bottom < frame.bottom
        and frame.start < box.start
        and box.end < frame.end
    )


_FRAME_CHARS = frozenset("│║┐┘╗╝╮╯─═┼┬┴├┤+|")
"""What a frame's right wall may be drawn with, a column off where its corner says."""

_THROUGH = {"┼": "│", "┬": "│", "┴": "│", "├": "─", "┤": "─"}
"""What a frame's wall character leaves when the frame is opened: a stroke crossing it."""


def _open(out: list[list[str]], frame: Wall) -> None:
    """Blank ``frame``'s walls (keeping strokes that cross them) and its title."""
    right = frame.end - 1
    cells = [(frame.top, c) for c in range(frame.start, frame.end)]
    cells += [(frame.bottom, c) for c in range(frame.start, frame.end)]
    for row in range(frame.top, frame.bottom + 1):
        cells.append((row, frame.start))
        wall = next((right + shift for shift in _LOOSE if _at_row(out[row], right + shift)), None)
        cells += [(row, wall)] if wall is not None else []
    for row, col in cells:
        if col < len(out[row]):
            out[row][col] = _THROUGH.get(out[row][col], " ")
    title = out[frame.row]
    text = "".join(title[frame.start + 1 : right]) if frame.row != frame.top else ""
    if text.strip() and "│" not in text.strip():
        for col in range(frame.start + 1, min(right, len(title))):
            title[col] = " "


def _at_row(row: list[str], col: int) -> bool:
    """Whether a frame's right wall may stand at ``col`` of ``row``."""
    return 0 <= col < len(row) and row[col] in _FRAME_CHARS


_LOOSE = (0, -1, 1, -2, 2, -3, 3)
"""How far a hand-drawn frame's right wall may stand from where its corner says: wide lines
drawn by hand drift by a few columns."""


def _box_at(grid: list[str], top: int, start: int, loose: bool = False) -> Wall | None:
    """The box whose top-left corner is at (``top``, ``start``), else None; ``loose``: its
    right wall may stand a column left or right of its corner (a wide frame drawn by hand)."""
    line = grid[top]
    end = start + 1
    while end < len(line) and line[end] in _TOP_EDGE and line[end] not in "┐╗╮":
        end += 1
    if line[start] == "+":  # ``+------+------+``: the last ``+`` is the corner
        end -= 1
        while end > start and line[end] != "+":
            end -= 1
    if end >= len(line) or line[end] not in _TOP_RIGHT or end - start < 3:
        return None
    if line[start] == "+" and "-" not in line[start:end]:
        return None
    shifts = _LOOSE if loose else (0,)
    row = top + 1
    while row < len(grid) and _at(grid, row, start) in _LEFT_WALL:
        if all(_at(grid, row, end + shift) not in _RIGHT_WALL for shift in shifts):
            return None
        row += 1
    corner = any(_at(grid, row, end + shift) in _BOTTOM_RIGHT for shift in shifts)
    if _at(grid, row, start) not in _BOTTOM_LEFT or not corner:
        return None
    name, at = _name(grid, top, row, start, end)
    return Wall(name, at, top, row, start, end + 1)


_WORD_RUN = re.compile(r"\w+")
"""The rest of an identifier broken after ``_`` (``enriched`` under ``capi_events_``)."""
_TABLE_WORDS = frozenset({"table", "tables", "таблица"})
"""A box's second line saying its first names a table (``contacts`` / ``table``)."""
_NAME_GOES_ON = re.compile(r"[A-ZА-ЯЁ][\w.-]*(?: [A-ZА-ЯЁ][\w.-]*)?")
"""A line of one or two capitalised words: with the box's first line alike, one name."""


def _name(grid: list[str], top: int, bottom: int, start: int, end: int) -> tuple[str, int]:
    """A box's first line of text and the row it stands on; a bracket alone on the next
    line goes with it, and names the row (``Matching.Engine`` / ``(ComparatorService)``), as
    does the rest of an identifier broken after ``_``, the word ``table`` under a table's
    name, and a second line of capitalised words under a first one alike (``Per-Tenant`` /
    ``PostgreSQL``)."""
    texts = [(grid[row][start + 1 : end].strip(), row) for row in range(top + 1, bottom)]
    texts = [(text, row) for text, row in texts if text]
    if not texts:
        return "", top
    (name, row), rest = texts[0], texts[1:]
    if rest and name.endswith("_") and _WORD_RUN.fullmatch(rest[0][0]):
        return name + rest[0][0], row  # ``capi_events_`` / ``enriched``: one name broken
    if rest and rest[0][0].casefold() in _TABLE_WORDS:
        return f"{name} {rest[0][0]}", row  # ``contacts`` / ``table``
    if rest and _NAME_GOES_ON.fullmatch(name) and _NAME_GOES_ON.fullmatch(rest[0][0]):
        return f"{name} {rest[0][0]}", row  # ``Per-Tenant`` / ``PostgreSQL``
    if rest and _BRACKET.fullmatch(rest[0][0]) and not _BRACKET.search(name):
        return f"{name} {rest[0][0]}", rest[0][1]  # the bracket tells which one it is
    return name, row


def _blank(out: list[list[str]], wall: Wall) -> None:
    for row in range(wall.top, wall.bottom + 1):
        for col in range(wall.start, min(wall.end, len(out[row]))):
            out[row][col] = " "


def _banner(wall: Wall, grid: list[str]) -> bool:
    """A stage's title across the drawing: a wide box of one line of capitals."""
    texts = [
        grid[row][wall.start + 1 : wall.end - 1].strip() for row in range(wall.top + 1, wall.bottom)
    ]
    texts = [text for text in texts if text]
    return len(texts) == 1 and bool(_BANNER.fullmatch(texts[0])) and wall.end - wall.start > 40
