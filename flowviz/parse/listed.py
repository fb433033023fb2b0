"""A tool's lists of what it connects to: a list right under a heading or a lead-in that says
it holds the tool's destinations, sources or integrations (``## Supported integrations``,
``Some examples of connections that are available through Tightlock are:``, ``Источники
данных:``) is one edge per item that opens with a product of the catalogue, between that
product and the tool the document's title names: into the tool for sources, out of it
otherwise. A list of what a tool can do under a lead-in naming the doer (``With this
integration you can perform the following functions:``) is one edge per item that opens with
a verb and names one product (``Send Orders to QuickBooks``, ``Get Items from QuickBooks``)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import pairwise

from flowviz.parse.arrows import ARROW, Candidate, candidate
from flowviz.parse.blocks import Block, Heading, ListBlock, Paragraph
from flowviz.parse.keywords import (
    LISTED_OUT_WORDS,
    LISTED_SOURCE_WORDS,
    NOT_PARTICIPANT_WORDS,
    READ_VERBS,
    WRITE_VERBS,
    alternation,
)
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


def capability_lists(
    blocks: list[Block],
    subject: str | None,
    products: re.Pattern[str],
    extra: dict[str, list[str]],
) -> Iterator[Candidate]:
    """The edges of a list of what a tool can do, under a lead-in that names the doer (``With
    this integration you can perform the following functions:``, ``Модуль позволяет:``): each
    item that opens with a verb and names one product is an edge between the doer and it,
    out of the doer unless the product is where the data is taken from (``Get Items from
    QuickBooks as Products``, ``Poll for stock levels in QuickBooks``)."""
    for before, block in zip([None, *blocks], blocks, strict=False):
        if not isinstance(block, ListBlock) or block.ordered:
            continue  # a numbered list under a lead-in is a process, its steps read as such
        if isinstance(before, Heading):
            doer = subject if _FEATURES.fullmatch(_heading_words(before.text)) else None
        elif isinstance(before, Paragraph):
            doer = _doer(before.text, subject)
        else:
            continue
        if doer is None:
            continue
        for item in block.items:
            found = _capability(item.text.split("\n", 1)[0], doer, products, extra)
            statement = candidate(found, item.line) if found else None
            if statement is not None:
                yield statement


def _doer(lead_in: str, subject: str | None) -> str | None:
    """Who does what the list under ``lead_in`` says: the name the lead-in gives (``With
    Acme Sync you can:``), the document's tool for a pronoun or ``this tool``, or the words
    themselves as a name (``This Integration``) where the document names no tool; None when
    the lead-in names no doer of a list of abilities."""
    last = re.split(r"(?<=[.!?])\s+", lead_in.strip())[-1]
    found = _CAPABILITY_LEAD.match(last) if last.endswith(":") else None
    if found is None:
        return None
    doer = next(g for g in found.groups() if g is not None).strip(" ,*_`")
    doer = _ARTICLE.sub("", doer)  # ``The Acme Bridge lets you:``
    if doer.casefold() in NOT_PARTICIPANT_WORDS:
        return None  # ``You can assess the orders …:``: what the reader does
    pointing = _POINTING.fullmatch(doer)
    if pointing is None:
        return doer if doer[:1].isupper() and len(doer.split()) <= MAX_DOER_WORDS else None
    if subject is not None:
        return subject
    named = pointing.group("what") or pointing.group("alone")
    return doer.title() if named else None  # ``This Integration``, ``Модуль``


MAX_DOER_WORDS = 4

_FEATURES = re.compile(
    r"(?:key\s+|main\s+)?(?:features|capabilities|what\s+it\s+does|функции|возможности"
    r"|основные\s+возможности|что\s+умеет)",
    re.IGNORECASE,
)
"""A heading over the list of what the document's tool does (``## Features``)."""


def _heading_words(text: str) -> str:
    """A heading's words without emoji, marks and a closing colon."""
    return re.sub(r"^[^\w]+|[\s:]+$", "", text)


_ARTICLE = re.compile(r"^(?:[Tt]he|[Aa]n?)\s+(?=[A-Z])")

_CAPABILITY_LEAD = re.compile(
    r"^(?:(?:with|using|through)\s+(?P<doer>[^,:]{1,40}?),?\s+you\s+can\b"
    r"|(?P<doer2>[^,:]{1,40}?)\s+(?:can|allows\s+you\s+to|lets\s+you|enables\s+you\s+to)\b"
    r"|с\s+помощью\s+(?P<doer3>[^,:]{1,40}?),?\s+(?:вы\s+)?можно\b"
    r"|(?P<doer4>[^,:]{1,40}?)\s+(?:позволяет|умеет|может|выполняет\s+следующие\s+функции"
    r"|performs\s+the\s+following\s+functions)\b)[^:]*:$",
    re.IGNORECASE,
)
"""A lead-in naming who can do what its list says."""

_TOOL_WORDS = (
    r"integration|app|application|plugin|module|connector|extension|service|tool|интеграция|"
    r"приложение|плагин|модуль|коннектор|сервис"
)
_POINTING = re.compile(
    rf"(?:it|this|our|этот|эта|это|он|она|наш|наша|наше)(?:\s+(?P<what>{_TOOL_WORDS}))?"
    rf"|(?P<alone>{_TOOL_WORDS})",
    re.IGNORECASE,
)
"""A doer named by pointing at the document's tool (``this integration``, ``it``, ``Модуль``)."""


def _capability(
    text: str, doer: str, products: re.Pattern[str], extra: dict[str, list[str]]
) -> str | None:
    """One item of abilities as its arrow line: a verb first, one product named after a word
    of place; None for any other item."""
    words = text.split(maxsplit=1)
    if len(words) < 2 or words[0].casefold().strip("*_") not in _ABILITY_VERBS:
        return None
    found = [m for m in products.finditer(text) if not _names_the_doer(m.group(), doer, extra)]
    named = list(dict.fromkeys(catalogue_spelling(m.group(), extra) for m in found))
    place = _PLACE.search(text)
    listed = all(_ONE_LIST.fullmatch(text[a.end() : b.start()]) for a, b in pairwise(found))
    if not named or not listed or place is None:
        return None  # ``Send X to A, then read B``: which is the doer's end is not said
    product = ", ".join(named)  # ``получение данных от шлюзов ATA и упрощенных шлюзов ATA``
    taken = place.group("way").casefold() in ("from", "из", "от") or (
        words[0].casefold() in _TAKING_VERBS
    )
    pair = (product, doer) if taken else (doer, product)
    return f"{pair[0]} -> {pair[1]}: {text.strip()}"


def _names_the_doer(name: str, doer: str, extra: dict[str, list[str]]) -> bool:
    """Whether a product an item names is the doer itself or the product its name is made of
    (``Chatwoot`` of ``Chatwoot integration``)."""
    spelled = catalogue_spelling(name, extra).casefold()
    return spelled == doer.casefold() or spelled in doer.casefold().split()


_ONE_LIST = re.compile(r"\s*(?:,|/|&|\band\b|\bи\b|\bor\b|\bили\b)\s*", re.IGNORECASE)
"""What stands between the products of one list in an item (``от шлюзов ATA и упрощенных
шлюзов ATA``): nothing else, or they are not one end."""


_PLACE = re.compile(r"\s(?P<way>to|into|in|from|в|во|из|от|на)\s+(?:the\s+)?\S", re.IGNORECASE)
_ABILITY_VERBS = frozenset(
    {
        *READ_VERBS, *WRITE_VERBS, "sync", "synchronize", "export", "cancel", "delete",
        "remove", "set", "poll", "transfer", "copy", "move", "load",
        "отправлять", "получать", "выгружать", "загружать", "синхронизировать", "создавать",
        "обновлять", "удалять", "передавать", "импортировать", "экспортировать",
        "получение", "отправка", "передача", "выгрузка", "загрузка", "синхронизация", "сбор",
        "импорт", "экспорт", "запись", "чтение",
    }
)  # fmt: skip
_TAKING_VERBS = frozenset(
    {*READ_VERBS, "poll", "получать", "загружать", "импортировать", "получение", "загрузка",
     "сбор", "импорт", "чтение"}
)  # fmt: skip
"""Verbs by which the doer takes the data from the product it names (``Poll for stock levels
in QuickBooks``)."""
