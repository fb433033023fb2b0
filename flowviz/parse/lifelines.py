"""The messages of a lifeline drawing in a plain code block: participants named on one row
(bare, or in boxes), each with a lifeline of ``|`` / ``│`` under its name, and arrows drawn
across from one lifeline to another (``|------>|``, ``|<------|``, ``│──────►│``) under the
text that labels them. Each arrow is a message from the lifeline its tail leaves to the one
its head reaches, stated on the arrow's row; text on a lifeline with no arrow under it is
that participant's own work."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from flowviz.parse.arrows import Candidate

_STROKES = frozenset("|│┃║┆┊┬┼")
"""What a lifeline is drawn with (``┬`` where it leaves a participant's box)."""
_BOX_EDGES = frozenset("┌┐└┘─━═+-")
_NAME = re.compile(r"[^\s|│┃║┆┊]+(?: [^\s|│┃║┆┊]+)*")
"""A run of words with single spaces between: a participant's name on the header row."""
_ARROW = re.compile(r"(?P<back>[<◄◀])?[-─═━]{2,}(?:[|│┼+][-─═━]{2,})*(?P<forward>[>►▶])?")
"""A horizontal arrow, crossing the lifelines between its ends (``|----|---->|``)."""
MIN_LIFELINES = 2
MAX_LABEL_ROWS = 3
"""How many rows of text right above an arrow label it at most."""
NAME_REACH = 3
"""How far a lifeline may stand from the name over it (``Stripe`` over ``  |``)."""
MAX_BOX_ROWS = 5
"""How many rows a participant's box (or the rows above bare strokes) may take."""


@dataclass(frozen=True, slots=True)
class Lifeline:
    """A participant and the column its line is drawn in."""

    name: str
    column: int


def lifeline_candidates(text: str, first_line: int) -> list[Candidate]:
    """The messages of the lifeline drawing ``text`` is, one candidate per arrow between two
    lifelines; an empty list when ``text`` is no lifeline drawing."""
    rows = text.split("\n")
    lifelines = _lifelines(rows)
    if len(lifelines) < MIN_LIFELINES:
        return []
    return list(_messages(rows, lifelines, first_line))


def _lifelines(rows: list[str]) -> list[Lifeline]:
    """The participants of the first row of bare strokes (or of box bottoms) that names over
    them stand on."""
    for index, row in enumerate(rows):
        columns = _stroke_columns(row)
        if len(columns) >= MIN_LIFELINES:
            return _named_over(_header_rows(rows[:index], boxed="┬" in row), columns)
    return []


def _stroke_columns(row: str) -> list[int]:
    """The columns of a row drawn only with lifeline strokes, or of the bottoms of boxes
    that lifelines leave (``└───┬────┘``), else none."""
    drawn = _STROKES | _BOX_EDGES if "┬" in row else _STROKES
    if not row.strip() or any(c not in drawn and not c.isspace() for c in row):
        return []
    strokes = "┬" if "┬" in row else _STROKES
    return [at for at, c in enumerate(row) if c in strokes]


def _header_rows(above: list[str], boxed: bool) -> list[str]:
    """The rows that may name the participants: inside their boxes from the top down (a name
    first, a note in brackets under it), else the nearest row of text above the strokes."""
    if boxed:
        tops = [at for at, row in enumerate(above) if "┌" in row]
        return above[tops[-1] + 1 :] if tops and len(above) - tops[-1] <= MAX_BOX_ROWS else []
    written = [row for row in above[-MAX_BOX_ROWS:] if row.strip()]
    return written[-1:]


def _named_over(rows: list[str], columns: list[int]) -> list[Lifeline]:
    """The participants of the first row with one name over each stroke."""
    for row in rows:
        names = [(m.start(), m.end(), m.group()) for m in _NAME.finditer(row)]
        found = [_name_over(names, column) for column in columns]
        if all(found) and len(set(found)) == len(found):
            return [Lifeline(name, column) for name, column in zip(found, columns, strict=True)]
    return []


def _name_over(names: list[tuple[int, int, str]], column: int) -> str:
    near = [n for start, end, n in names if start - NAME_REACH <= column < end + NAME_REACH]
    return near[0] if len(near) == 1 else ""


def _messages(rows: list[str], lifelines: list[Lifeline], first_line: int) -> Iterator[Candidate]:
    for index, row in enumerate(rows):
        for arrow in _ARROW.finditer(row):
            back, forward = arrow["back"] is not None, arrow["forward"] is not None
            if back == forward:
                continue  # no head, or one at each end: no message with a way
            left = _nearest(lifelines, arrow.start() - 1)
            right = _nearest(lifelines, arrow.end())
            if left is None or right is None or left == right:
                continue
            sender, receiver = (right, left) if back else (left, right)
            label = _label(rows, index, sorted((left.column, right.column)))
            yield Candidate(
                first_line + index,
                [[sender.name], [receiver.name]],
                ["forward"],
                ["", label],
                drawn=True,
                boxed=frozenset({sender.name, receiver.name}),
            )


def _nearest(lifelines: list[Lifeline], column: int) -> Lifeline | None:
    """The lifeline an arrow's end touches: the one at most two columns from it."""
    near = [line for line in lifelines if abs(line.column - column) <= 2]
    return min(near, key=lambda line: abs(line.column - column)) if near else None


def _label(rows: list[str], index: int, span: list[int]) -> str:
    """The text between two lifelines on the rows right above an arrow."""
    said: list[str] = []
    for row in reversed(rows[max(index - MAX_LABEL_ROWS, 0) : index]):
        text = "".join(c for c in row[span[0] + 1 : span[1]] if c not in _STROKES).strip()
        if not text or _ARROW.fullmatch(text):
            break
        said.insert(0, " ".join(text.split()))
    return " ".join(said)
