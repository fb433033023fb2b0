"""What a list describing components says each of them exchanges. In ``**Amazon SQS:**
Messages received by the API Gateway are placed into a queue in SQS`` or ``**AWS Lambda
Event Processor:** This function is triggered by SNS … It updates the status … in
DynamoDB``, a system named right after ``by`` / ``from`` sends to the described component,
one named right after ``to`` / ``into`` / ``in`` receives from it."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import NamedTuple

from flowviz.model import Step
from flowviz.parse.arrows import is_component
from flowviz.parse.blocks import Block, ListBlock, Paragraph
from flowviz.parse.components import (
    CODE_NAME,
    FILE_NAME,
    Component,
    is_plural_lead_in,
    labelled_component,
    outlined_component,
    plainly_labelled_component,
)
from flowviz.parse.keywords import CHOICE_WORDS, alternation
from flowviz.parse.systems import catalogue_pattern
from flowviz.parse.text import SENTENCE_BREAK, WEBHOOK_AFTER

Names = Callable[[str], list[tuple[int, str]]]

MIN_DESCRIBED = 2
"""A list describes components when at least this many of its items do."""


class Described(NamedTuple):
    """A component a list item names by its bold label, and what the item says of it."""

    component: Component
    text: str


def described_components(
    blocks: list[Block], lines: list[str], extra: dict[str, list[str]]
) -> list[Described]:
    """The components of every bulleted list whose items open with a bold label and a colon
    or a dash (``**Amazon SNS:** SNS plays a key role …``), each with its description, when
    at least two labels name systems (products of the catalogue with ``extra``'s)."""
    out: list[Described] = []
    for before, block in zip([None, *blocks], blocks, strict=False):
        if isinstance(block, ListBlock) and _under_plural_lead_in(before):
            found = [plainly_labelled_component(item.line, lines) for item in block.items]
            labelled = [d for d in found if d is not None]
            if len(labelled) >= MIN_DESCRIBED:  # ``- Order export: Receives message from …``
                out += [Described(c, text) for c, text in labelled]
                continue
        if isinstance(block, ListBlock):
            found = [outlined_component(item, lines) for item in block.items]
            outlined = [d for d in found if d is not None and is_component(d[0].name)]
            if len(outlined) >= MIN_DESCRIBED:  # not ``**Welcome Email**``, a step's name
                out += [Described(c, text) for c, text in outlined if c.name[:1].isupper()]
                continue  # ``2. **Notification Processor**`` over ``* Reads from RabbitMQ.``
        if isinstance(block, ListBlock) and not block.ordered:
            found = [labelled_component(item.line, lines) for item in block.items]
            labelled = [d for d in found if d is not None]
            systems = [d for d in labelled if system_like(d[0].name, extra)]
            coded = [
                (c, text)
                for c, text in labelled
                if _CODE_NAME.fullmatch(c.name) and not _NOUN_FIRST.match(text)
            ]  # ``processConnectMessage. Process …``, not ``source_table: A reference …``
            if len(systems) >= MIN_DESCRIBED:  # then ``Концентратор событий`` is one too
                out += [Described(c, text) for c, text in labelled if c.name[:1].isupper()]
            elif len(coded) >= MIN_DESCRIBED:  # functions by their code names, what each does
                out += [Described(c, text) for c, text in coded]
    return out


_CODE_NAME = re.compile(f"{CODE_NAME}|{FILE_NAME}")
_NOUN_FIRST = re.compile(
    r"(?:a|an|the|this|that|these|those|its|their|our|your|each|any)\b", re.IGNORECASE
)
"""How a field's description opens (``A reference to …``, ``the initial image tag``), where a
function's says what it does (``Process incoming messages …``)."""


def _under_plural_lead_in(before: Block | None) -> bool:
    """Whether a list follows a lead-in that ends with the components' plural (``The template
    contains four separated modules:``)."""
    return isinstance(before, Paragraph) and is_plural_lead_in(before.text)


def system_like(label: str, extra: dict[str, list[str]]) -> bool:
    """A label that names a system: a product of the catalogue in it (``Amazon SQS (Simple
    Queue Service)``), or a component's form (``Booking Service``), not a step's or a
    field's name (``Source``, ``Branching``)."""
    return bool(catalogue_pattern(extra).search(label)) or is_component(label)


def described_transfers(described: Described, system: str, names: Names) -> Iterator[Step]:
    """The transfers a description states between its component (``system``) and the
    systems it names right after ``by`` / ``from`` (senders) or ``to`` / ``into`` / ``in``
    (receivers); one per other system, the first mention deciding."""
    seen: set[str] = set()
    for sentence in SENTENCE_BREAK.split(described.text):
        named = [(at, other) for at, other in names(sentence) if other != system]
        for at, other in named:
            if other not in seen and WEBHOOK_AFTER.match(sentence, _end_of_name(sentence, at)):
                seen.add(other)  # ``handles the Stripe webhook event``: Stripe calls it
                yield _transfer(sentence, other, system, described)
        marked = [
            (m, at, o)
            for at, o in named
            if (m := _MARKER.search(sentence[:at])) and not _NO_WAY.search(sentence[:at])
        ]
        for marker, at, other in marked[:1]:  # ``updated by X based on events from SNS``
            if other in seen or _DATA_AFTER.match(sentence, _end_of_name(sentence, at)):
                continue  # ``maps IDs to WhatsApp message IDs``: the product's data
            seen.add(other)
            sent = marker.group("word").casefold() in _SENDER_WORDS
            source, target = (other, system) if sent else (system, other)
            yield _transfer(sentence, source, target, described)


def _transfer(sentence: str, source: str, target: str, described: Described) -> Step:
    """One transfer a description states, on its component's line."""
    return Step(
        number=0, text=sentence.strip(), source=source, target=target, line=described.component.line
    )


_MARKER = re.compile(
    r"(?:^|\s)(?P<word>by|from|to|into|in|от|из|в|во)\s+(?:the\s+|an?\s+|this\s+)?"
    rf"(?:{alternation(CHOICE_WORDS)}\s+)?$",
    re.IGNORECASE,
)
"""The word right before a system that says its way (``triggered by SQS``, ``in DynamoDB``)."""
_NO_WAY = re.compile(
    r"\b(?:(?:used|embedded|included|implemented|built|written|defined|available|contained"
    r"|hosted|deployed|running)\s+in|(?:components|component|libraries|library|widgets|assets"
    r"|sdks?|scripts|modules|elements)\s+from)\s+(?:the\s+|an?\s+)?$",
    re.IGNORECASE,
)
"""What a description says is kept, built or run in a system or made by it (``to be used in
connector``, ``frontend components from Adyen embedded``): where it lives or comes from, no way
data goes."""
_SENDER_WORDS = frozenset({"by", "from", "от", "из"})
_DATA_AFTER = re.compile(
    r"\s+(?:message|messages|ids?|data|events?|records?|fields?|objects?|данны\w*|сообщени\w*)\b",
    re.IGNORECASE,
)
"""What follows a product named as whose data it is (``WhatsApp message IDs``)."""


def _end_of_name(sentence: str, at: int) -> int:
    """Where the capitalised name starting at ``at`` ends."""
    found = _NAME.match(sentence, at)
    return found.end() if found else at


_NAME = re.compile(r"[\w.-]+(?:\s+[A-Z0-9][\w.-]*)*")
