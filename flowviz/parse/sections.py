"""Blocks -> sections: a heading starts a section when its keywords (or its number) say which
section it is, whatever its level; deeper headings inside a section stay part of it."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from flowviz.parse.blocks import Block, Heading, Paragraph
from flowviz.parse.keywords import (
    DOCUMENT_TITLE,
    FLOW_WORDS,
    SECTION_BY_NUMBER,
    alternation,
    pattern_score,
    section_scores,
)
from flowviz.parse.text import leading_number, stems

_META = re.compile(r"^[A-Z][A-Z ]{2,}:")
FLOW_TITLE = re.compile(
    r"^[^\w]*(?:\d+(?:\.\d+)+\.?(?=[^\w.])[^\w]*)?" + alternation(FLOW_WORDS) + r"\s*"
    r"(?:№|#|no\.?)?\s*(\d+)?\s*[:.)—–-]?\s*(.*)$",
    re.IGNORECASE | re.DOTALL,
)
"""A flow title: its word and number after any decoration (an emoji, ``#``, a sub-number
``7.1``): ``🛒 Поток 1: ...``, ``Flow 2 — ...``, ``Поток №3``, ``Сценарий 4.``."""
ARROW = re.compile(r"\s*(?:→|->|⟶|➝|➔|=>|—>|–>|⇒|→)\s*")


def is_flow_title(text: str) -> bool:
    """``Поток 1: ...``, ``Flow 2 - ...`` or a numbered title with an arrow path."""
    match = FLOW_TITLE.match(text)
    if match and (match.group(1) or ARROW.search(text)):
        return True
    number, _ = leading_number(text)
    return number is not None and bool(ARROW.search(text))


MAX_TITLE_WORDS = 16


@dataclass(slots=True)
class RawSection:
    """A top-level section: its heading facts and the blocks under it."""

    kind: str
    number: int | None
    title: str
    level: int
    line: int
    end_line: int = 0
    blocks: list[Block] = field(default_factory=list)

    @property
    def label(self) -> str:
        """How findings name the section: its number, else its title."""
        return str(self.number) if self.number is not None else self.title


def classify_heading(text: str) -> tuple[str | None, int | None, str]:
    """(section kind or None, number, title without the number) of a heading text."""
    number, title = leading_number(text)
    if _META.match(text) or len(title.split()) > MAX_TITLE_WORDS:
        return None, number, title
    if number is None and pattern_score(stems(title), DOCUMENT_TITLE):
        return None, number, title
    scores = section_scores(title)
    if number is not None and SECTION_BY_NUMBER.get(number) in scores:
        scores[SECTION_BY_NUMBER[number]] += 1.0
    if scores:
        return max(scores, key=lambda k: (scores[k], k == "integrations")), number, title
    if number is not None and number in SECTION_BY_NUMBER:
        return SECTION_BY_NUMBER[number], number, title
    return None, number, title


def split_sections(blocks: list[Block], last_line: int) -> tuple[list[Block], list[RawSection]]:
    """The blocks before the first section, and the sections in document order.

    A first heading of level 1 without a number is the document's title, not a section."""
    preamble: list[Block] = []
    sections: list[RawSection] = []
    current: RawSection | None = None
    first = next((b for b in blocks if isinstance(b, Heading)), None)
    for block in blocks:
        if block is first and block.level == 1 and leading_number(block.text)[0] is None:
            preamble.append(block)
            continue
        started = _starts_section(block, current)
        if started is not None:
            if current is not None:
                current.end_line = block.line - 1
            current = started
            sections.append(current)
        elif current is None:
            preamble.append(block)
        else:
            current.blocks.append(block)
    if current is not None:
        current.end_line = last_line
    return preamble, sections


def _bold_section(block: Paragraph, current: RawSection | None) -> RawSection | None:
    """A wholly bold line ``**4. Интеграции ESP**`` starts a section when it has a number and
    its keywords name a section kind (inside section 7 such lines are flow titles)."""
    text = block.text.rstrip(":")
    if current is not None and current.kind == "flows" and is_flow_title(text):
        return None
    number, title = leading_number(text)
    if number is None or not section_scores(title) or "\n" in text:
        return None
    kind, number, title = classify_heading(text)
    if kind is None:
        return None
    level = current.level if current is not None else 7
    return RawSection(kind, number, title, level, block.line)


def _starts_section(block: Block, current: RawSection | None) -> RawSection | None:
    if isinstance(block, Paragraph) and block.strong:
        return _bold_section(block, current)
    if not isinstance(block, Heading):
        return None
    if current is not None and current.kind == "flows" and is_flow_title(block.text):
        return None
    kind, number, title = classify_heading(block.text)
    if current is not None and block.level > current.level:
        deeper_ok = kind is not None and number is not None and current.kind != "flows"
        return RawSection(kind, number, title, block.level, block.line) if deeper_ok else None
    if kind is not None:
        return RawSection(kind, number, title, block.level, block.line)
    if current is not None and block.level <= current.level:
        return RawSection("other", number, title, block.level, block.line)
    return None
