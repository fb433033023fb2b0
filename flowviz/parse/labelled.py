"""Labelled lists: the items of one list that name a sender and its receivers by label
(``**Продюсер**: Booking Service.`` / ``**Потребители**: Fraud Service (…); Analytics
Service``, ``- From: Stripe`` / ``- To: HubSpot, Slack``) state an edge from the sender to each
receiver, labelled with the heading above the list (the event or message they pass)."""

from __future__ import annotations

import re
from typing import NamedTuple

from flowviz.parse.blocks import Block, Heading, ListBlock
from flowviz.parse.keywords import LABEL_RECEIVERS, LABEL_SENDERS
from flowviz.parse.text import split_label, split_top, stems

_BRACKETS = re.compile(r"\([^()]*\)|\[[^\[\]]*\]\([^()]*\)")
_SENTENCE_END = re.compile(r"\.\s+(?=[A-ZА-ЯЁ])|\.$")
_MARKUP = re.compile(r"[*_`]")


class Labelled(NamedTuple):
    """An edge a labelled list states: sender, receiver, the sender's line, the receiver's
    line and the heading above (what is passed)."""

    sender: str
    receiver: str
    line: int
    end_line: int
    label: str


def labelled_edges(blocks: list[Block]) -> list[Labelled]:
    """Every edge of the document's labelled lists, in document order."""
    out: list[Labelled] = []
    heading = ""
    for block in blocks:
        if isinstance(block, Heading):
            heading = block.text
        elif isinstance(block, ListBlock):
            out += _edges_of(block, heading)
    return out


def _edges_of(block: ListBlock, heading: str) -> list[Labelled]:
    senders, receivers = [], []
    for item in block.items:
        split = split_label(_MARKUP.sub("", " ".join(item.text.split())))
        if split is None:
            continue
        role = _role(split[0])
        if role == "sender":
            senders += [(name, item.line) for name in _names(split[1])[:1]]
        elif role == "receiver":
            receivers += [(name, item.line) for name in _names(split[1])]
    return [
        Labelled(sender, receiver, line, at, heading)
        for sender, line in senders[:1]
        for receiver, at in receivers
        if receiver.casefold() != sender.casefold()
    ]


def _role(label: str) -> str | None:
    """``Продюсер`` -> sender, ``Потребители`` -> receiver, else None."""
    key = stems(label)
    if key in _SENDER_KEYS:
        return "sender"
    return "receiver" if key in _RECEIVER_KEYS else None


def _names(value: str) -> list[str]:
    """The names a label's value lists, up to the end of its first sentence, without the
    notes in brackets after them."""
    plain = value
    while _BRACKETS.search(plain):
        plain = _BRACKETS.sub("", plain)
    first = _SENTENCE_END.split(plain, maxsplit=1)[0]
    names = [" ".join(n.split()).strip(" .") for n in split_top(first, ",;")]
    return [n for n in names if n and len(n.split()) <= MAX_NAME_WORDS and _a_name(n)]


def _a_name(text: str) -> bool:
    """Every word a name's: with a capital or a digit in it (``amoCRM``, ``Service 2``), or a
    joining word; ``Booking Service публикует …`` is a sentence."""
    return all(any(c.isupper() or c.isdigit() for c in w) or w in _JOINING for w in text.split())


_JOINING = frozenset({"of", "for", "de", "и", "на", "для", "&", "-", "—"})


MAX_NAME_WORDS = 5
_SENDER_KEYS = frozenset(stems(w) for w in LABEL_SENDERS)
_RECEIVER_KEYS = frozenset(stems(w) for w in LABEL_RECEIVERS)
