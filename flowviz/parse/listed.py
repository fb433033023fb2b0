"""A tool's lists of what it connects to: a list right under a heading or a lead-in that says
it holds the tool's destinations, sources or integrations (``## Supported integrations``,
``Some examples of connections that are available through Tightlock are:``, ``Источники
данных:``) is one edge per item that opens with a product of the catalogue, between that
product and the tool the document's title names: into the tool for sources, out of it
otherwise."""

from __future__ import annotations

import re
from collections.abc import Iterator

from flowviz.parse.arrows import ARROW, Candidate, candidate
from flowviz.parse.blocks import Block, Heading, ListBlock, Paragraph
from flowviz.parse.keywords import LISTED_OUT_WORDS, LISTED_SOURCE_WORDS, alternation
from flowviz.parse.systems import catalogue_spelling

MAX_LEAD_WORDS = 12
"""A heading or lead-in longer than this tells more than what the list below holds."""


def listed_integrations(
    blocks: list[Block],
    subject: str | None,
    products: re.Pattern[str],
    extra: dict[str, list[str]],
) -> Iterator[Candidate]:
    """The edges of the lists of ``subject``'s destinations, sources or integrations."""
    if subject is None:
        return
    way: str | None = None
    for block in blocks:
        if isinstance(block, ListBlock) and way is not None:
            yield from _items(block, subject, way, products, extra)
        way = _way_of(block)


def _way_of(block: Block) -> str | None:
    """``from`` when ``block`` leads in a list of sources, ``to`` when one of destinations or
    integrations, else None (a paragraph must end with a colon to lead in a list)."""
    text = _lead_text(block)
    if text is None or len(text.split()) > MAX_LEAD_WORDS:
        return None
    if _SOURCES.search(text):
        return "from"
    return "to" if _OUT.search(text) else None


def _lead_text(block: Block) -> str | None:
    """The text of a heading, or of a paragraph ending with a colon; else None."""
    if isinstance(block, Heading):
        return block.text
    if isinstance(block, Paragraph) and block.text.rstrip().endswith(":"):
        return block.text
    return None


_SOURCES = re.compile(alternation(LISTED_SOURCE_WORDS, stems_only=True), re.IGNORECASE)
_OUT = re.compile(alternation(LISTED_OUT_WORDS, stems_only=True), re.IGNORECASE)


def _items(
    block: ListBlock,
    subject: str,
    way: str,
    products: re.Pattern[str],
    extra: dict[str, list[str]],
) -> Iterator[Candidate]:
    """One edge per top-level item that opens with a product other than ``subject``; one per
    item nested in it when it has some (``**Google Ads**`` over ``Customer Match``, ``Offline
    Conversions``: one way of sending each)."""
    for item in block.items:
        first = item.text.split("\n", 1)[0]
        if ARROW.search(first):
            continue  # an arrow line of its own, read as such
        found = products.match(_HEAD_MARKUP.sub("", first))
        if found is None:
            continue
        product = catalogue_spelling(found.group(), extra)
        if product.casefold() == subject.casefold():
            continue
        pair = (product, subject) if way == "from" else (subject, product)
        for said in item.children or [item]:
            text = said.text.split("\n", 1)[0].strip()
            statement = candidate(f"{pair[0]} -> {pair[1]}: {text}", said.line)
            if statement is not None:
                yield statement


_HEAD_MARKUP = re.compile(r"^[\s*_`\[]+")
"""Emphasis or a link's bracket before an item's first word (``**Google Ads**``)."""
