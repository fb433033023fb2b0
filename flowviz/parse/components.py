"""Components lists of architecture pages: a list under a heading such as "Компоненты",
"Сервисы", "Components" or "Key technologies" (up to the next heading of any level) declares
the systems the page's data flow names.
An item declares the link or bold text it starts with (``[Azure CDN](...). Предоставляет ...``),
else the whole item when it is a short name (``- Локальный Oracle``); its other names are the
sides of a dash (``Службы приложений — веб-приложения``) and a bracket right after the name
(``[Azure Active Directory](...) (Azure AD)``). A side that is a role word (``веб-приложения``)
makes the component the system that role's words name in the page. A short lead-in sentence
(``Эта архитектура состоит из следующих компонентов.``, ``The solution uses these services:``)
starts such a list too, up to the next heading, and there a paragraph that starts with a link
or bold text (``[Azure Databricks][databricks]. Databricks – это ...``) is one more item."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache
from typing import NamedTuple

from flowviz.parse.blocks import Block, Heading, Item, ListBlock, Paragraph
from flowviz.parse.keywords import (
    COMPONENT_HEADING_MAX_WORDS,
    COMPONENT_LEAD_IN_WORDS,
    COMPONENT_PLURALS,
    COMPONENT_WORDS,
    LEAD_IN_MAX_WORDS,
    alternation,
)
from flowviz.parse.participants import is_verb
from flowviz.parse.systems import NOT_SYSTEMS, Registry, catalogue_names, role_stems
from flowviz.parse.text import stems

_TITLE = re.compile(alternation(COMPONENT_WORDS, stems_only=True), re.IGNORECASE)
_LEAD_IN = re.compile(alternation(COMPONENT_LEAD_IN_WORDS, stems_only=True), re.IGNORECASE)
_PLURAL_LEAD_IN = re.compile(r"(?:" + "|".join(COMPONENT_PLURALS) + r")\s*:$", re.IGNORECASE)
_TAG = re.compile(r"<[^<>]*>")
_MARKER = re.compile(r"^\s*(?:>\s*)*(?:[-*+]|\d+[.)])\s+(?:\[[ xX]\]\s+)?")
_LEADING = re.compile(
    r"^(?:\[(?P<link>[^\[\]]+)\](?:\([^()\s]*\)|\[[^\[\]]*\])?"
    r"|\*\*(?P<bold>[^*]+)\*\*|__(?P<under>[^_]+)__)"
)
_BRACKET = re.compile(r"^\s*\((?P<inner>[^()]{1,40})\)")
_INNER_BRACKET = re.compile(r"\s+\((?P<inner>[^()]{1,40})\)$")
"""Another name in brackets that closes a bold label (``Notification Processor (Worker)``)."""
_SIDES = re.compile(r"\s+[—–-]\s+")
_PLAIN_STOP = re.compile(r"[.:;!?→<>=|]")
_MARKUP = re.compile(r"[`*_]")

MAX_NAME_WORDS = 7
"""A link or bold text longer than this is a sentence, not a component's name."""
MAX_PLAIN_WORDS = 4
"""A plain item (no link or bold text) declares a component only when it is this short."""


class Component(NamedTuple):
    """A system a components list declares: its name, its other names and the item's line."""

    name: str
    aliases: tuple[str, ...]
    line: int


def is_components_title(text: str) -> bool:
    """A heading that introduces a list of components (``Компоненты``, ``Key technologies``)."""
    plain = _TAG.sub(" ", text).strip()
    return len(plain.split()) <= COMPONENT_HEADING_MAX_WORDS and bool(_TITLE.search(plain))


def is_components_lead_in(text: str) -> bool:
    """A short paragraph ending in ':' or '.' that introduces the components below it
    (``Эта архитектура состоит из следующих компонентов.``)."""
    plain = text.strip()
    short = len(plain.split()) <= LEAD_IN_MAX_WORDS and plain.endswith((":", "."))
    return short and bool(_LEAD_IN.search(plain))


def is_plural_lead_in(text: str) -> bool:
    """A short paragraph ending in a components' plural and a colon (``The template contains
    four separated modules:``): the items below name them by plain labels."""
    plain = text.strip()
    return len(plain.split()) <= LEAD_IN_MAX_WORDS and bool(_PLURAL_LEAD_IN.search(plain))


def components(blocks: list[Block], lines: list[str]) -> list[Component]:
    """Every component the document's components lists declare, in document order; ``lines``
    are the document's lines (an item's link or bold text is read from its own line)."""
    out: list[Component] = []
    listing = False
    for block in blocks:
        found: list[Component | None] = []
        if isinstance(block, Heading):
            # a heading under the components title starts a part of its own (a component's
            # files, the steps, the error handling): the list goes on only under a components
            # title of its own
            listing = is_components_title(block.text)
        elif isinstance(block, Paragraph) and is_components_lead_in(block.text):
            listing = True
        elif isinstance(block, ListBlock) and listing:
            found = [_component(item.text, item.line, lines) for item in block.items]
        elif isinstance(block, Paragraph) and listing:
            found = [_component(block.text, block.line, lines, plain=False)]
        out += [c for c in found if c is not None]
    return out


def declare(
    found: list[Component],
    registry: Registry,
    kind_of: Callable[[str], str],
    extra: dict[str, list[str]] | None = None,
) -> list[str]:
    """Make each component a system (or an alias of the system already of that name), also
    named by a product of the catalogue its name holds (``Managed Service for ClickHouse`` is
    the page's ClickHouse); the ids of the components, in order."""
    products = _products(tuple(catalogue_names(extra)))
    ids: list[str] = []
    for component in found:
        name = component.name
        system = registry.lookup(name, fuzzy=False)
        if system is None:
            kind = kind_of(name)
            system = registry.add(name, kind, product=name, line=component.line).id  # type: ignore[arg-type]
        inside = [m.group() for m in products.finditer(name)]
        for alias in (*component.aliases, *inside):
            if registry.lookup(alias, fuzzy=False) in (None, system):
                registry.alias(system, alias)
        roles = [role_stems()[stems(a)] for a in component.aliases if stems(a) in role_stems()]
        if roles:
            registry.claim_role(registry.systems[system], roles[0])
        ids.append(system)
    return list(dict.fromkeys(ids))


def _component(text: str, line: int, lines: list[str], plain: bool = True) -> Component | None:
    """The component a list item (or, not ``plain``, a paragraph) declares, or None (a
    sentence, an empty or role-only item)."""
    raw = lines[line - 1] if 0 < line <= len(lines) else text
    body = _MARKER.sub("", raw, count=1)
    leading = _LEADING.match(body)
    if leading is not None:
        name = _clean(leading.group("link") or leading.group("bold") or leading.group("under"))
        bracket = _BRACKET.match(body[leading.end() :])
        extra = (bracket.group("inner").strip(),) if bracket else ()
        if not 0 < len(name.split()) <= MAX_NAME_WORDS:
            return None
    elif plain:
        name, extra = _clean(text.split("\n", maxsplit=1)[0]), ()
        if _PLAIN_STOP.search(name) or not 0 < len(name.split()) <= MAX_PLAIN_WORDS:
            return None
    else:
        return None
    if not stems(name) or stems(name) in NOT_SYSTEMS or stems(name) in role_stems():
        return None
    if _OPERATION.fullmatch(name):
        return None  # ``get#FulfillmentOrders``, ``get_users()``: an operation of a service
    sides = tuple(s.strip() for s in _SIDES.split(name)) if _SIDES.search(name) else ()
    aliases = tuple(a for a in (*sides, *extra) if a and a != name)
    return Component(name, aliases, line)


_OPERATION = re.compile(r"[a-z][A-Za-z]*#[A-Za-z][\w.]*|[a-z_][\w.]*\([^()]*\)")
"""A name written as an operation, not a component: a verb and ``#`` and what it acts on
(``create#Fulfillment``, a Moqui service) or a call (``get_users()``, ``get_events(date)``)."""


def plainly_labelled_component(line: int, lines: list[str]) -> tuple[Component, str] | None:
    """The component a list item names by a short plain label and a colon (``Order export:
    Receives message from …``), with what it says after it; None for any other item."""
    raw = lines[line - 1] if 0 < line <= len(lines) else ""
    found = _PLAIN_LABELLED.match(_MARKER.sub("", raw, count=1))
    if found is None:
        return None
    component = _component(found.group("label"), line, [])
    return None if component is None else (component, found.group("text"))


def outlined_component(item: Item, lines: list[str]) -> tuple[Component, str] | None:
    """The component a list item names by a bold label alone (``2. **Notification Processor
    (Worker)**``) over items of its own that tell what it does (``* Reads from RabbitMQ.``),
    with what they say, one sentence each; None for any other item."""
    raw = lines[item.line - 1] if 0 < item.line <= len(lines) else ""
    if not item.children or not _BOLD_ONLY.match(_MARKER.sub("", raw, count=1)):
        return None
    component = _component(item.text, item.line, lines)
    if component is None:
        return None
    bracket = _INNER_BRACKET.search(component.name)
    if bracket is not None:  # ``Notification Processor (Worker)``
        name = component.name[: bracket.start()]
        component = component._replace(name=name, aliases=(*component.aliases, bracket["inner"]))
    said = (" ".join(child.text.split()) for child in item.children)
    return component, " ".join(_sentence(s) for s in said if s)


_BOLD_ONLY = re.compile(r"^\*\*[^*]{1,80}\*\*\s*:?\s*$")
"""A list item that is only a bold label (a colon may close it)."""


def _sentence(text: str) -> str:
    """A nested item's text as a sentence of its own: closed with a full stop."""
    return text if text.endswith((".", "!", "?")) else f"{text}."


_PLAIN_LABELLED = re.compile(
    r"^(?P<label>[A-ZА-ЯЁ][\w&/-]*(?:[ \t]+[\w&/-]+){0,3})[ \t]*:[ \t]+(?P<text>\S.*)$"
)
"""A list item opening with one to four plain words and a colon, then what it says of them."""


def labelled_component(line: int, lines: list[str]) -> tuple[Component, str] | None:
    """The component a list item names by a bold label and a colon or a dash (``**Amazon SQS
    (Simple Queue Service):** Messages …``, ``**[Power Automate —](…)** конвейер …``) or by a
    name written as code (``processConnectMessage. Process …``), with what it says after it;
    None for any other item or a label that reads as no system."""
    raw = lines[line - 1] if 0 < line <= len(lines) else ""
    item = _MARKER.sub("", raw, count=1)
    coded = _CODE_LABELLED.match(item) or _CODE_LINK_LABELLED.match(item)
    if coded is not None:  # ``- twilioIncomingMessage. Process incoming messages …``
        return Component(coded.group("code"), (), line), coded.group("text")
    found = _LABELLED.match(item)
    if found is None:
        return None
    label = found.group("link") or found.group("bold")
    separated = bool(_SEPARATOR_END.search(label)) or bool(found.group("after"))
    separated = separated or _acts(found.group("text"))
    label = _SEPARATOR_END.sub("", label).strip()
    component = _component(f"**{label}**", line, []) if separated and label else None
    return None if component is None else (component, found.group("text"))


_LABELLED = re.compile(
    r"^\*\*(?:\[(?P<link>[^\[\]]{1,80})\]\([^()\s]*\)|(?P<bold>[^*\[]{1,80}?))\*\*"
    r"\s*(?P<after>[:—–]|-(?=\s))?\s*(?P<text>\S.*)$"
)
"""A list item opening with a bold label (a link's words in it, or plain words), then what it
says of it; the label ends with a colon or a dash, inside the bold or after it."""


def _acts(text: str) -> bool:
    """Whether what follows a bold label opens with a verb the label does (``**Twilio
    Functions** collect … from the EHR``, ``**Studio Flow** sends …``): the label is the
    subject, as if a colon followed it."""
    verb = text.split(maxsplit=1)[0] if text.strip() else ""
    third_person = len(verb) > 4 and verb.endswith("s") and not verb.endswith("ss")
    return verb.isalpha() and verb.islower() and (third_person or is_verb(verb + "s"))


FILE_NAME = r"[a-z][a-z0-9]*(?:-[a-z0-9]+)+"
"""A function named as its file is (``create-invoice``, ``send-invoice-sms``)."""
CODE_NAME = r"[a-z][a-z0-9]*(?:[A-Z][a-z0-9]*)+|[a-z][a-z0-9]*(?:_[a-z0-9]+)+"
"""A name written as code (``processConnectMessage``, ``send_report``)."""
_CODE_LABELLED = re.compile(rf"^`?(?P<code>{CODE_NAME})`?(?:[.:]|\s[—–-])\s+(?P<text>\S.*)$")
"""A list item opening with a name written as code (``processConnectMessage.``,
``send_report:``), then what it says of it: a function of the system described."""
_CODE_LINK_LABELLED = re.compile(
    rf"^\[`?(?P<code>{CODE_NAME}|{FILE_NAME})`?\]\([^()\s]+\)\s*(?::|\s[—–-])\s+(?P<text>\S.*)$"
)
"""A list item opening with a link to a function's file, named as the file is
(``[create-invoice](./functions/create-invoice.js): handles …``), then what it does."""
_SEPARATOR_END = re.compile(r"\s*(?::|[—–]|\s-)\s*$")


def _clean(text: str) -> str:
    return " ".join(_MARKUP.sub("", text).split()).strip(" .,:;")


@cache
def _products(names: tuple[str, ...]) -> re.Pattern[str]:
    """The catalogue's products as whole words, made once per set of names."""
    return re.compile(alternation(names), re.IGNORECASE)
