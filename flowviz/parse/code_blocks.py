"""Plain code blocks: arrow lines, vertical chains of boxes, and trees of boxes.

A box on its own line with ``|`` / ``v`` / ``↓`` lines under it and the next box is a vertical
chain; ``├── a`` / ``└─► b`` / ``↳ c`` lines hang from the box their stroke leads up to, a
tree. Each gives ``arrows.Candidate`` statements, read as any arrow line is."""

from __future__ import annotations

import re
from collections.abc import Iterator

from flowviz.parse.arrows import (
    ACTION_FIRST,
    ARROW,
    CALL,
    COMPONENT_WORDS,
    LABELLED_ARROW,
    Candidate,
    box_chain,
    candidate,
    clean_end,
    drawing_candidate,
    end_and_label,
    is_clause,
    plain_arrows,
)
from flowviz.parse.keywords import COMPONENT_HEADS, LEAD_SUBJECT_HEADS
from flowviz.parse.systems import catalogue_pattern
from flowviz.parse.walled import as_drawn, frames_opened

_DOWN = re.compile(r"^(?:[|│]|v|V|↓|⬇️?|⇓|▼)(?:\s+(.*))?$")
"""A line of a vertical chain under a box: a stroke or an arrow down, and its label."""
_DOWNWARD = "vV↓⬇⇓▼"
"""The first characters of a line that points down (a stroke alone only joins)."""


def stacked(text: str) -> bool:
    """Whether the lines of ``text`` are boxes with a line going down between each two
    (``Jotform Submission`` / ``↓`` / ``Asana Project`` ...): a vertical chain, wherever it
    is written."""
    lines = [line.strip() for line in text.split("\n")]
    downs = lines[1::2]
    return (
        len(downs) >= 2
        and all(_DOWN.match(line) for line in downs)
        and not any(_DOWN.match(box) for box in lines[0::2])
    )


_BRANCH = re.compile(
    r"^(?:(?:\|--|\|—|`--|\+--|\\--)(?P<tip>-*>)?|[├└][─━]{1,3}(?P<head>[►▶>])?|(?P<hook>↳))"
    r"\s*(?P<content>.*)$"
)
"""A tree's branch: ``├── a``, ``└─► a`` and ``+--> a`` (an arrow to ``a``), ``↳ a``, ``|-- x
-> a``."""


def code_candidates(text: str, first_line: int) -> Iterator[Candidate]:
    """The statements of a plain code block: arrow lines, vertical chains (a box, lines of
    ``|`` / ``v`` or ``-> next box``, the next box) and trees (a box, then ``├── a`` /
    ``└─► b -> c`` lines under it: an edge from the box to each branch, ``|-- x -> b`` a
    branch to ``b`` labelled ``x``). An arrow line that branches hang from is a drawing."""
    box: tuple[str, int] | None = None
    down, label = False, ""
    lines = text.split("\n")
    branches = _branch_lines(lines)
    if branches:
        lines = [_ANNOTATION.sub("", line) for line in lines]
    lines = walled_boxes_named(frames_opened([as_drawn(line) for line in lines]))
    lines = _captions_dropped(lines)
    rows = {index for index, line in enumerate(lines) if _ARROW_AT_WALL.search(line)}
    lines = [line.replace("|", " ") if index in rows else line for index, line in enumerate(lines)]
    owners = {index: _tree_owner(lines, index, first_line) for index in branches}
    drawings = {
        owner[1]
        for owner in owners.values()
        if owner is not None and ARROW.search(plain_arrows(lines[owner[1] - first_line]))
    }
    for offset, raw in enumerate(lines):
        line, stripped = first_line + offset, _inside_walls(raw.strip())
        if not stripped:
            box, down, label = None, False, ""
            continue
        branch = _BRANCH.match(_STROKES_BEFORE.sub("", raw)) if offset in owners else None
        connector = _DOWN.match(stripped)
        hang = owners[offset] if owners.get(offset) is not None else box
        if branch and hang is not None:
            if hang[0]:  # a question's answers hang from no box
                for found in _branch(branch, hang, line, hang[1] in drawings):
                    found.tree = _root(owners, offset, first_line) if found.line != line else None
                    yield found
        elif connector:
            down = down or stripped[0] in _DOWNWARD
            label = label or clean_end(connector.group(1) or "")
        elif box is not None and down and _listed(lines, offset):
            # ``PaymentProcessor`` / ``↓`` / ``1. Поиск контакта`` …: what the box does; the
            # arrow down goes on from the list's last line
            box = (box[0], line)
        elif ARROW.match(stripped) and box is not None:
            found = candidate(box[0] + " " + stripped, box[1], drawn=True)
            if found is not None:
                yield found
                box = (end_and_label(stripped[ARROW.match(stripped).end() :], False)[0], line)
        elif ARROW.search(plain_arrows(stripped)):
            found = box_chain(stripped, line) or drawing_candidate(raw, line)
            found = found or candidate(_last_column(stripped), line, drawn=line in drawings)
            if found is not None and offset in rows:  # ``| source |-------> broker |``
                found.drawn = True
                found.boxed = frozenset(e for segment in found.segments for e in segment if e)
            if found is not None:
                yield found
            box = None
        elif box is not None and down and _REQUEST.match(stripped):
            label = label or stripped  # ``↓`` / ``POST /webhook/payment`` / ``↓``: the way
        else:
            name = end_and_label(stripped, False)[0] if not _COLUMNS.search(stripped) else ""
            if box is not None and down and name:
                yield Candidate(box[1], [[box[0]], [name]], ["forward"], ["", label], True)
            box, down, label = ((name, line) if name else None), False, ""


_CAPTIONED = re.compile(r"^(?P<box>[^←<]+?)\s+(?:←|<-{1,2})\s+(?P<caption>[^←<>→]+)$")
"""A box of a vertical chain with a caption pointed at it (``CloudPayments Widget ← Прием
платежа``): the chain goes on through the box, the caption says what happens there."""


def _captions_dropped(lines: list[str]) -> list[str]:
    """The lines of a vertical chain with the captions pointed at its boxes left out (``↓`` /
    ``IBlock (survey_want_help) ← Сохранение данных``): the chain goes on through the box. A
    caption naming a product (``← Meta requirement``) or a box saying what is done (``Hash
    PII``) is left as written."""
    out = list(lines)
    for index in range(1, len(lines)):
        found = _CAPTIONED.match(lines[index].strip())
        if found is None or not _DOWN.match(lines[index - 1].strip()):
            continue
        if catalogue_pattern().search(found["caption"]) or ACTION_FIRST.match(found["box"]):
            continue
        out[index] = lines[index][: lines[index].index(found["box"]) + len(found["box"])]
    return out


_REQUEST = re.compile(r"(?:GET|POST|PUT|PATCH|DELETE)\s+/\S*")
"""A request written between two boxes of a vertical chain (``POST /webhook/payment + HMAC
подпись``): the way from the box above to the box below, no box."""

_LIST_ITEM = re.compile(r"^\s*(?:\d{1,2}[.)]|[-*•])\s+\S")


def _listed(lines: list[str], offset: int) -> bool:
    """Whether a line of a vertical chain is an item of a list of two or more (``1. Поиск
    контакта`` / ``2. Создание контакта`` …): what the box above does, no box of the chain."""
    if not _LIST_ITEM.match(lines[offset]):
        return False
    around = [lines[i] for i in (offset - 1, offset + 1) if 0 <= i < len(lines)]
    return any(_LIST_ITEM.match(line) for line in around)


def _last_column(text: str) -> str:
    """An arrow line of two columns from its second on, when the wide gap between them stands
    before its first arrow (``Lightdash + Slack AI      Reverse ETL → HubSpot``: the left
    column is another box). Captions under a row of boxes have more columns: left whole."""
    gaps = list(_GAP.finditer(text))
    arrow = ARROW.search(text)
    if len(gaps) != 1 or arrow is None or gaps[0].start() > arrow.start():
        return text
    return text[gaps[0].end() :]


_GAP = re.compile(r"(?<=\S)\s{4,}(?=\w)")
"""Four spaces or more before a word: a gap between two columns of a drawing."""


_COLUMNS = re.compile(r"\w\s{2,}\w")
"""Words three spaces apart or more: two columns of a drawing (``Candidate   Forecast``), no
one box's name."""


_ARROW_AT_WALL = re.compile(r"\|-+>|<-+\|")
"""An arrow run into a box's wall, its head standing for the wall (``| source |-------> broker
|``): the row is a chain of boxes, read with its walls blanked."""


def _inside_walls(line: str) -> str:
    """A line written inside a box's two walls as what it says (``│  GOOGLE SHEETS → AmoCRM
    │``: a banner naming a direction), when an arrow stands in it; else as it is."""
    inside = _WALLED_LINE.fullmatch(line)
    return inside.group(1) if inside and ARROW.search(inside.group(1)) else line


_WALLED_LINE = re.compile(r"[│║]\s*(\S(?:.*\S)?)\s*[│║]")


def walled_boxes_named(lines: list[str]) -> list[str]:
    """The lines of a drawing with each box an arrow line crosses (``│ Shopify │──►│ Klaviyo
    │``) written as ``[name]``, the name being the box's first line of text (its other lines
    say what it holds), so that the arrow joins two boxes.

    >>> walled_boxes_named(["┌─────┐   ┌────┐", "│ ERP │   │ BI │", "│ SAP │──►│    │"])[2]
    ' [ERP] ──► [BI] '
    """
    out = list(lines)
    for index, line in enumerate(lines):
        if "│" not in line or not _DRAWN_HEAD.search(line):
            continue
        cells = list(_WALLED.finditer(line))
        names = [_box_name(lines, index, cell.start(), cell.end()) for cell in cells]
        for cell, name in reversed(list(zip(cells, names, strict=True))):
            if name:
                out[index] = out[index][: cell.start()] + f" [{name}] " + out[index][cell.end() :]
    return out


def _box_name(lines: list[str], index: int, start: int, end: int) -> str:
    """The first line of text of the box whose walls stand at ``start`` and ``end - 1`` on
    ``lines[index]``, up to its top border (its top corner may stand a column off, as a
    hand-drawn box's does), and the component word under it that ends its name (``Instance``
    / ``Manager``); empty when no such box is drawn there."""
    top = index
    while top > 0 and _cell(lines, top - 1, start) in "│║":
        top -= 1
    if top == 0 or all(_cell(lines, top - 1, start + s) not in "┌╔╭├" for s in (0, -1, 1)):
        return ""
    row = next((r for r in range(top, index + 1) if _inside(lines, r, start, end)), None)
    if row is None:
        return ""
    name, under = _inside(lines, row, start, end), _inside(lines, row + 1, start, end)
    if _cell(lines, row + 1, start) in "│║" and under.casefold() in _NAME_ENDS:
        return f"{name} {under}"
    return name


def _inside(lines: list[str], row: int, start: int, end: int) -> str:
    return lines[row][start + 1 : end - 1].strip() if 0 <= row < len(lines) else ""


def _cell(lines: list[str], row: int, col: int) -> str:
    return lines[row][col] if 0 <= row < len(lines) and 0 <= col < len(lines[row]) else " "


_NAME_ENDS = frozenset({*COMPONENT_HEADS, *LEAD_SUBJECT_HEADS, "manager", "webhook", "router"})
"""A box's second line that ends the name begun on its first (``Trace`` / ``Store``)."""


_WALLED = re.compile(r"[│║]([^│║►▶◄◀─━═]*)[│║]")
"""What stands between two walls of a box on one line (no arrow: that is between boxes)."""
_DRAWN_HEAD = re.compile(r"[►▶◄◀]|[─━═]>")
"""A drawn arrow's head."""

_ANNOTATION = re.compile(r"(?<=\S)\s{3,}(?:←|<-+|<=+)\s.*$|(?<=\S)\s{2,}(?:#|//)\s.*$")
"""What a tree's line says of its entry after a gap (``TenantAuthFilter.groovy   ← Servlet
filter``, ``b2b_dlt/   # Production ELT — live API connectors → Snowflake``): a note pointing
at it or a comment, not an edge."""
_STROKES_BEFORE = re.compile(r"^[\s│|]*(?=[├└|`+\\↳])")
"""The strokes of the branches above that a tree's branch line starts with (``│   ├── a``)."""


def _root(owners: dict[int, tuple[str, int] | None], index: int, first_line: int) -> int:
    """The line of the root box of the tree the branch on line ``index`` belongs to."""
    seen = {index}
    while (owner := owners.get(index)) is not None and owner[1] - first_line not in seen:
        index = owner[1] - first_line
        seen.add(index)
    return first_line + index


def _branch_lines(lines: list[str]) -> list[int]:
    """The indexes of the lines that are a tree's branch (``├── a``, ``│   └─► b``)."""
    return [i for i, raw in enumerate(lines) if _BRANCH.match(_STROKES_BEFORE.sub("", raw))]


def _branch(
    branch: re.Match[str], owner: tuple[str, int], line: int, drawing: bool
) -> Iterator[Candidate]:
    """The edges of a tree's branch line under the box ``owner`` (name, line): ``├── a``
    an edge to ``a`` when both are systems (or the box is part of a ``drawing``); ``├─► a
    ──► b`` an edge to ``a`` and the arrows after it; ``|-- x -> b`` one to ``b`` labelled
    ``x``."""
    content = _NEXT_BRANCH.split(branch["content"])[0]
    drawn = plain_arrows(_IN_BRACKETS.sub("", CALL.sub("", content)))  # ``Queues (id → Queue)``
    headed = bool(branch["head"] or branch["hook"] or branch["tip"])
    if ARROW.search(drawn) and ARROW.split(drawn)[0].strip(" ─━═-").endswith("?"):
        return  # ``├─ Not Signed In? ──→ Redirect``: a decision's branch, no transfer
    if ARROW.search(drawn) and not headed:
        tail = candidate(drawn, line, drawn=True)
        if tail is not None:
            tail.segments[0] = [owner[0]]
            yield tail
        return
    child = _acted_on(end_and_label(ARROW.split(drawn)[0], False)[0])
    if not child or _FILE.search(child) or _FILE.search(owner[0]) or _a_phrase(child):
        return  # a file tree's folders and files; what a box does (``Handle failures``)
    yield Candidate(owner[1], [[owner[0]], [child]], ["forward"], ["", ""], drawing or headed)
    if ARROW.search(drawn):
        found = candidate(drawn, line, drawn=True)
        if found is not None:
            yield found


_IN_BRACKETS = re.compile(r"\s*\([^()]*\)")


def _a_phrase(box: str) -> bool:
    """Words in sentence case rather than a name (``Process event``, ``Commit replay ID``):
    a second word in lower case that is no component word."""
    words = box.split()
    return len(words) > 1 and words[1][:1].islower() and words[1].casefold() not in COMPONENT_WORDS


def _acted_on(box: str) -> str:
    """A tree's box without the action it opens with (``Publish Platform Event`` ->
    ``Platform Event``); ``""`` for an action on no name (``Process event``: what the box
    above does, not where its data goes)."""
    action = ACTION_FIRST.match(box)
    if action is None:
        return box
    rest = box[action.end() :].strip()
    return rest if rest[:1].isupper() else ""


_FILE = re.compile(
    r"/$|\.(?:xml|ya?ml|json|py|md|ts|tsx|java|kt|go|rs|sql|txt|conf|cfg|ini|sh|env|toml|lock"
    r"|html|css|csv|properties|gradle|tf|log)$",
    re.IGNORECASE,
)
"""A folder (``db/changelog/``) or a file (``001-create-events.xml``) of a file tree."""
_NEXT_BRANCH = re.compile(r"\s{2,}(?=[└├│┘┐┌┤])")
"""Where a second branch drawn on the same line starts (``transfer ──┘    └── return``)."""
_TREE_STROKES = frozenset("│|├└┬┼┤╎┆+")
_PIECE = re.compile(r"[^\s│├└┬┼┤─━═►▶]+(?: [^\s│├└┬┼┤─━═►▶]+)*")


def _tree_owner(lines: list[str], index: int, first_line: int) -> tuple[str, int] | None:
    """The box a tree's branch on ``lines[index]`` hangs from, and its line: up its stroke
    (``│``, a sibling's ``├``; a column off either way), the first box across it (``""``
    when that is no box: a question); None when the stroke reaches no text. A stroke that
    meets an arrow hangs from the box the arrow leaves, or from the one it reaches when it
    meets the arrow's head or the label in its shaft."""
    row = lines[index]
    column = len(_STROKES_BEFORE.match(row).group()) if _STROKES_BEFORE.match(row) else 0
    for up in range(index - 1, -1, -1):
        above = lines[up]
        near = [c for c in (column, column - 1, column + 1) if 0 <= c < len(above)]
        stroke = next((c for c in near if above[c] in _TREE_STROKES), None)
        if stroke is not None:
            column = stroke
            continue
        name = _box_across(above, column)
        if name is not None and is_clause(clean_end(name)):
            return "", first_line + up  # ``Пользователь редактирует строку``: what happens
        return None if name is None else (end_and_label(name, False)[0], first_line + up)
    return None


def _box_across(row: str, column: int) -> str | None:
    """The text of the box of ``row`` that a stroke at ``column`` meets, or None."""
    for arrow in LABELLED_ARROW.finditer(row):
        if arrow.start() <= column < arrow.start("target"):
            return arrow["target"]
    if column < len(row) and row[column] in _SHAFTS:
        after = row[column:].lstrip(_SHAFTS + " ")
        if row[column] in _ARROWCOMPONENT_WORDS and after:
            return _PIECE.match(after).group() if _PIECE.match(after) else None
        before = row[:column].rstrip(_SHAFTS + " ")
        pieces = list(_PIECE.finditer(before))
        return _node_at(row, pieces[-1], len(before)) if pieces else None
    for piece in _PIECE.finditer(row):
        if piece.start() - 1 <= column <= piece.end():
            return _node_at(row, piece, column)
    return None


_SHAFTS = "─━═►▶>"
_ARROWCOMPONENT_WORDS = "►▶>"


def _node_at(row: str, piece: re.Match[str], column: int) -> str:
    """The node of a run of words across ``column``: the part between two arrows there
    (``B`` of ``A -> B``), or the last part of a ``├── x -> b`` branch (``b``, ``x`` being
    its label)."""
    branch = _BRANCH.match(row.strip())
    parts = ARROW.split(piece.group())
    if branch and not (branch["head"] or branch["hook"]):
        return parts[-1]
    start = piece.start()
    for part in parts:
        if start + len(part) >= column:
            return part
        start += len(part) + 2
    return piece.group()
