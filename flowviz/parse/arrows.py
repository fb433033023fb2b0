"""Arrow statements of a document not in the template's shape: ``A → B``, ``A -> B: what``,
``A ⇒ B (method)``, ``A ↔ B``, ``A ← B``, chains ``A → B → C``, receivers ``A → B, C & D``,
and the vertical chains of plain code blocks (a box, ``|`` / ``v`` or ``->`` lines, a box).

Reading is in two passes: every candidate line is cut into its ends first (``Candidate``);
which ends are systems is settled once the whole document is seen (``Ends``), because an end
is a system when it is a product of the catalogue or an end of another statement."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace

from flowviz.parse.components import FILE_NAME
from flowviz.parse.keywords import (
    ACTION_NOUNS,
    ANY_WORDS,
    ARROWS,
    COMPONENT_HEADS,
    CONDITION_WORDS,
    CONTROL_WORDS,
    DATASET_WORDS,
    END_SUFFIXES,
    LANGUAGE_WORDS,
    LONE_COMPONENT_HEADS,
    MAX_END_WORDS,
    METHOD_WORDS,
    NAVIGATION_WORDS,
    OWN_OUTPUT_ENDS,
    READ_VERBS,
    RECEIVER_SEPARATORS,
    RECORD_WORDS,
    SETUP_VERBS,
    STAGE_WORDS,
    STATE_PARTICIPLES,
    SYNC_WORDS,
    TRIGGER_VERBS,
    WRITE_VERBS,
    alternation,
)
from flowviz.parse.participants import is_verb
from flowviz.parse.systems import catalogue_pattern, person_key

WAYS = {token: way for way, tokens in ARROWS.items() for token in tokens}
"""Each arrow token -> its direction (``forward``, ``back``, ``both``)."""
ARROW = re.compile("|".join(re.escape(t) for t in sorted(WAYS, key=len, reverse=True)))
_NAVIGATION = re.compile(alternation(NAVIGATION_WORDS), re.IGNORECASE)
_SEPARATORS = re.compile("|".join(re.escape(s) for s in RECEIVER_SEPARATORS))
HEADING_CHAIN = re.compile(r"\s+\\?>\s+")
"""A greater-than sign between words of a heading (escaped or not, ``BigCommerce (new order)
\\> Intelligent Order Management``): a chain of stages, each an arrow."""


_DECORATION = re.compile(
    r"^[\s|`'\"*_#>•·├└─+\\-]+|(?<![.\s])\.(?=[\s|`'\"*_│]*$)|[\s|`'\"*_│┃║─━═┐┘┤╮╯]+$"
)
_LABEL_CUT = re.compile(r":\s|:$|\s\(|\s[—–]\s|;|(?<=\w)\.\s+(?=[A-ZА-ЯЁ])")
"""Where a later segment's end stops and its label starts: a colon, a bracket, a dash, a
semicolon, or the end of the sentence (``→ Salesforce. It never writes back``)."""
_NUMBERED = re.compile(r"^\d{1,2}[.)]\s+")
"""A list number a line of a code block opens with (``1. Salesforce --REST--> MuleSoft``)."""
CALL = re.compile(r"(?<=\w)\.[a-z_]\w*\([^()]*\)")
"""A method called on a component (``VisitService.pick(...)``): the component is the end."""
_NOT_NAME = re.compile(r"://|\{\{|\}\}|[()\[\]=<>$]")
VARIABLE = re.compile(r"\{\{\s*[A-Za-z][\w-]*\s*\}\}")
"""A documentation site's variable for a product's name (``{{ KF }}``, ``{{ mkf-full-name }}``
in Yandex Cloud's Diplodoc pages): a name as written; an expression (``{{ $json.email }}``) is
none."""


@dataclass(slots=True)
class Hop:
    """One edge as written: sender and receiver text, its line, label, direction."""

    source: str
    target: str
    line: int
    label: str = ""
    way: str = "forward"
    exact: bool = False
    """Its ends are node labels of a diagram: names as they are, not cut at a lower-case word."""
    method: str = ""
    groups: tuple[str, str] = ("", "")
    """Titles of the diagram groups (Mermaid subgraphs) its sender and receiver are drawn in."""


@dataclass(slots=True)
class Candidate:
    """An arrow line cut into its segments (each a list of receivers) and the arrows between;
    ``sender``/``line_of_sender`` when a vertical chain gives the first end."""

    line: int
    segments: list[list[str]]
    ways: list[str]
    labels: list[str]
    drawn: bool = False
    """Part of a drawn code-block chain: its ends only need to look like names."""
    boxed: frozenset[str] = frozenset()
    """Ends drawn as boxes in a plain code block (``(gcs)``, ``[init]``, ``{ps-data}``): nodes
    by notation, whatever their case."""
    stacked: bool = False
    """A hop of boxes stacked in a paragraph with an arrow between (``Jotform`` / ``↓`` /
    ``Asana``): both ends must be systems, and its ends make no other end a system."""
    told: bool = False
    """Told in a sentence rather than stated (``stream changes from PostgreSQL into Kafka``):
    a process step read on its line says more, and stands in its place."""
    numbered: bool = False
    """Told in an item of a numbered list: read only where no process reads the item as a
    step (a list of steps names its ends in its own way)."""
    titled: bool = False
    """A heading that is the arrow statement (``### Точка служб отчетов --> SQL Server``): an
    end beside a product needs only read as a name."""
    tree: int | None = None
    """For a box and a branch under it (``├── a``), the line of the tree's root. Its ends make
    no other end a system (a tree names every node twice): the edge holds when both are
    systems, or when half the tree's boxes are (``Ends.settle_trees``)."""


@dataclass(slots=True)
class Ends:
    """Where each end is written, to settle which ends are systems."""

    is_product: Callable[[str], bool]
    lines: dict[str, set[int]] = field(default_factory=dict)
    in_catalogue: Callable[[str], bool] = lambda _: False
    """Whether a name is a product of the catalogue (not merely an end seen before)."""
    subject: str | None = None
    """The tool the document's title names: a system whatever its form."""

    named: set[str] = field(default_factory=set)
    """The ends written as names in a statement (``Точка управления --> …``), by their key; a
    drawing's boxes (``| Triage |``) are not among them."""

    def see(self, name: str, line: int, *, written: bool = False) -> None:
        """Record ``name`` as an end on ``line``, ``written`` in a statement, not drawn."""
        self.lines.setdefault(key(name), set()).add(line)
        if written and looks_like_name(name):
            self.named.add(key(name))

    def forget_paths(self, found: list[Candidate]) -> None:
        """Forget the ends written on paths (``_a_path``): two paths through the same screens
        do not make those screens systems."""
        paths = {item.line for item in found if _a_path(item, self)}
        for seen in self.lines.values():
            seen.difference_update(paths)

    def settle_trees(self, found: list[Candidate]) -> None:
        """A tree half of whose boxes are systems is a drawing of systems: every box of it
        that looks like a name is one (``External Consumer`` beside ``Pub/Sub API``); in any
        other tree (folders, a record's fields) only systems are."""
        trees: dict[int, list[Candidate]] = {}
        for item in found:
            if item.tree is not None:
                trees.setdefault(item.tree, []).append(item)
        for items in trees.values():
            boxes = {end for item in items for segment in item.segments for end in segment}
            systems = [box for box in boxes if self.system(box, -1, False)]
            if 2 * len(systems) >= len(boxes):
                for item in items:
                    item.drawn = True

    def _named_elsewhere(self, name: str, line: int) -> bool:
        """Whether an end written in lower case (``--> точка управления`` after a heading's
        arrow) is written as a name at an end of another line (``Точка управления --> …``)."""
        found = key(name)
        return found in self.named and bool(self.lines.get(found, set()) - {line})

    def system(self, name: str, line: int, drawn: bool) -> bool:
        """A product of the catalogue, or a name that is an end elsewhere (or in a drawing);
        never a lone word for a part of any system (``Service``, ``API``, ``DB``)."""
        if self.subject is not None and key(name) == key(self.subject):
            return True
        if _generic(name):
            return False
        if not looks_like_name(name):
            brand = _LOWER_CASE_BRAND.fullmatch(name) is not None and self.is_product(name)
            return brand or is_code_component(name) or self._named_elsewhere(name, line)
        if _a_dataset(name) and not self.in_catalogue(name.split(maxsplit=1)[0]):
            return False  # ``CDC dataset``: a part of the warehouse that holds it
        if self.is_product(name) or is_component(name):
            return True
        if is_clause(name):
            return False  # ``Блокировка автоматически истекает``: what happens, not who
        if name.casefold() in CONTROL_WORDS or ACTION_FIRST.match(name) or _an_outcome(name):
            return False  # ``END``, ``Write report``, ``Issues Found``: a point, an action
        if is_record(name):
            return False  # ``Lead (CRM)``: a record a system holds
        if name.casefold() in OWN_OUTPUT_ENDS:
            return False  # ``→ Console logging``: the sender's own output
        return drawn or bool(self.lines.get(key(name), set()) - {line})


def is_record(name: str) -> bool:
    """Whether an end names a kind of record alone (``Lead``, ``Deal (CRM)``, ``Сделка``)."""
    return _RECORD_NOTE.sub("", name).casefold() in RECORD_WORDS


def _a_dataset(name: str) -> bool:
    """Whether an end names a dataset or layer of a warehouse by its stage (``Raw dataset``,
    ``CDC dataset``, ``Reporting layer``), no product named with it (``BigQuery Raw
    Dataset`` is the product's)."""
    words = name_of(name).casefold().split()
    return len(words) > 1 and words[-1] in DATASET_WORDS


_RECORD_NOTE = re.compile(r"\s*\([^()]*\)$")
"""A bracket after a record's name (``Deal (CRM)``): where it is kept."""


def _an_outcome(name: str) -> bool:
    """Whether a box says what came out of a step (``Issues Found``, ``Payment Failed``)."""
    words = name.split()
    return 1 < len(words) <= MAX_OUTCOME_WORDS and words[-1].casefold() in STATE_PARTICIPLES


MAX_OUTCOME_WORDS = 3


_LOWER_CASE_BRAND = re.compile(r"[a-z][a-z0-9.-]{2,}")
"""A product written in lower case, as some brands are (``commercetools``, ``klaviyo``)."""


def is_component(name: str) -> bool:
    """Whether an end is a system by its form: a name ending in a component word (``Event
    Service``, ``Read Replica 2``) or a lone ``Gateway`` / ``Backend``.

    >>> is_component("Event Service"), is_component("Read Replica 2"), is_component("Gateway")
    (True, True, True)
    >>> is_component("Service"), is_component("Выбор мест"), is_component("Email")
    (False, False, False)
    >>> is_component("EventService"), is_component("orders-db"), is_component("userId")
    (True, True, False)
    >>> is_component("Сервис заказов"), component_qualifier("Сервис заказов")
    (True, 'заказов')
    """
    words = _name_words(name)
    if len(words) == 1:
        return words[0] in _LONE_HEADS
    russian_head_first = bool(words) and words[0] in COMPONENT_WORDS and _CYRILLIC.match(words[0])
    return bool(words) and (words[-1] in COMPONENT_WORDS or bool(russian_head_first))


_CODE_NAME = re.compile(FILE_NAME)


def is_code_component(name: str) -> bool:
    """Whether an end is a component named as code, in lower case with hyphens and its last
    word a component's (``eventing-service``, ``orders-db``), not any hyphened word
    (``real-time``).

    >>> is_code_component("eventing-service"), is_code_component("real-time")
    (True, False)
    """
    return bool(_CODE_NAME.fullmatch(name)) and is_component(name)


def component_head(name: str) -> str:
    """The last word of a name that is not a number (``service`` of ``Event Service 2``)."""
    words = _name_words(name)
    return words[-1] if words else ""


def _name_words(name: str) -> list[str]:
    """A name's words in lower case, numbers left out; one written as code is cut into its
    words (``EventService``, ``order-service``, ``stage_bucket``)."""
    spaced = _CODE_WORDS.sub(" ", name) if " " not in name.strip() else name
    return [w for w in spaced.casefold().split() if not w.isdigit()]


_CODE_WORDS = re.compile(r"(?<=[a-zа-яё0-9])(?=[A-ZА-ЯЁ])|[-_]")


def component_qualifier(name: str) -> str:
    """A component's name without its component word: ``Mailer`` of ``Mailer Service``,
    ``заказов`` of ``Сервис заказов``; the name itself when it is no component."""
    words = name.split()
    if len(words) < 2 or not is_component(name):
        return name
    return " ".join(words[1:] if _CYRILLIC.match(words[0].casefold()) else words[:-1])


_CYRILLIC = re.compile(r"[а-яё]")


def _generic(name: str) -> bool:
    """A lone component word that is not a system by itself (``Service``, ``API``, ``DB``),
    or a name for any of a kind (``Any EventBridge target``, ``Other services``)."""
    word = name.strip().casefold()
    if word.split(" ", 1)[0] in ANY_WORDS or word.split(" ", 1)[0] in CONDITION_WORDS:
        return True  # ``Другие сервисы``; ``Иначе``, ``Если блокировка активна``: a branch
    return word not in _LONE_HEADS and (word in COMPONENT_WORDS or word in END_SUFFIXES)


COMPONENT_WORDS = frozenset(COMPONENT_HEADS)
_LONE_HEADS = frozenset(LONE_COMPONENT_HEADS)


def key(name: str) -> str:
    """The form two spellings of one end share (``Eventbrite API`` -> ``eventbrite``)."""
    words = name.casefold().replace("ё", "е").split()
    while len(words) > 1 and words[-1] in END_SUFFIXES:
        words.pop()
    return " ".join(words)


def looks_like_name(text: str) -> bool:
    """Short, with a capital, digit or dot in it, and not a URL, template or code, a cry
    (``INCREASE BUDGET!``) or a piece of a quotation (``Keyword "free hearing``); a site's
    variable for a name (``{{ KF }}``) reads as a name."""
    text = VARIABLE.sub("Name", text)
    words = text.split()
    if not words or len(words) > MAX_END_WORDS or _NOT_NAME.search(text):
        return False
    if text.count('"') % 2 or text.rstrip().endswith("!"):
        return False
    return any(c.isupper() or c.isdigit() or c in "./" for c in text) and any(
        c.isalpha() for c in text
    )


def name_of(text: str) -> str:
    """The name an end starts with: its words up to the first word in lower case (``Backend
    на Black Hole`` -> ``Backend``), a Russian noun's genitive kept (``Точка управления``,
    ``Сервер сайта``) and ``for`` / ``of`` before a capitalised word (``Managed Service for
    ClickHouse``); the whole text is kept as an alias."""
    words = text.split()
    kept = words[:1]
    for at, word in enumerate(words[1:], 1):
        lower = word[:1].islower() and not any(c.isupper() or c.isdigit() for c in word)
        kept_word = word.casefold() in COMPONENT_WORDS or word.casefold() in DATASET_WORDS
        linked = (
            word in ("for", "of") and words[at + 1 : at + 2] != [] and words[at + 1][:1].isupper()
        )
        kept_word = kept_word or linked  # ``Managed Service for ClickHouse``
        if lower and not kept_word and not _russian_genitive(word, kept):
            break  # ``Event queue`` keeps its queue, ``CDC dataset`` its dataset
        kept.append(word)
    return " ".join(kept)


_GENITIVE = re.compile(
    r"[а-яё][а-яё-]{2,}(?:ния|ции|сти|ства|ента|ера|ора|ика|ата|ета|ита|ола|ала|ана|ена|ина|она"
    r"|ки|ги|ов|ев|ей|ий|ных|ого|его|ой|ы|а|я)"
)
"""A lower-case Russian word in the genitive after a noun (``управления``, ``сайта``,
``домена``, ``распространения``, ``обновлений``)."""


def _russian_genitive(word: str, kept: list[str]) -> bool:
    """Whether a lower-case word goes on a Russian name as the genitive of the noun before it
    (``Точка управления``); not a function word, a verb or a participle, and only within the
    name's first words (``MAX_GENITIVES``)."""
    if len(kept) > MAX_GENITIVES or not _CYRILLIC_NOUN.fullmatch(kept[-1]):
        return False
    return bool(_GENITIVE.fullmatch(word)) and not _RUSSIAN_DOING.search(word)


MAX_GENITIVES = 4
"""How many words a Russian name may have before another genitive (``Точка синхронизации
каталога аналитики активов``)."""

_CYRILLIC_NOUN = re.compile(r"[А-ЯЁа-яё][а-яё-]+")
_RUSSIAN_DOING = re.compile(
    r"(?:ет|ит|ут|ют|ат|ят|ется|ится|ал|ала|ало|али|ть|ться|щий|щая|щее|щие|вший|нный|нная"
    r"|мый|мая|ся)$"
)


def clean_end(text: str) -> str:
    """An end without the decoration around it (list marks and numbers, strokes, quotes, a
    full stop) and without a purpose's ``For`` before a name (``For Google Ads API``)."""
    return _FOR.sub("", _NUMBERED.sub("", _DECORATION.sub("", text).strip()))


_FOR = re.compile(r"^(?:for|для)\s+(?=[A-ZА-ЯЁ0-9])", re.IGNORECASE)
"""A purpose's preposition before the name an end starts with (``For Google Ads API -> …``)."""


def end_and_label(segment: str, first: bool) -> tuple[str, str]:
    """(end, label) of one segment: the first one is what follows its last ``: `` or `` — ``; a
    later one ends at ``:`` / `` (`` / `` — `` and the rest is its label. A question (``Is consumer
    external?``, a decision tree's node) is no end: it gives ``""``."""
    text = CALL.sub("", clean_end(segment))
    if first:
        if _payload_sent(segment):
            head, _, tail = text.rpartition(": ")
            return clean_end(head), tail  # ``MySQL: SELECT порция N → …``: what it sends
        _, sep, tail = text.rpartition(": ")
        _, dash, tail = tail.rpartition(" — ")  # ``One-way sync — Humanitix → …``: a label
        sep = sep or dash
        end = clean_end(tail) if sep else _NUMBERED.sub("", text)
        if end.endswith("?"):
            return "", ""
        noted = _NOTED.fullmatch(end)
        if noted and looks_like_name(noted["name"]) and _a_role(noted["note"]):
            return noted["name"], "(" + noted["note"]  # ``BigCommerce (new order) → IOM``
        synced = _SYNC_LEAD.fullmatch(end)
        if synced and looks_like_name(synced["name"]):
            return synced["name"], synced["label"]  # ``daily sync HubSpot → Mailchimp``
        return _namedend_and_label(end)
    cut = _LABEL_CUT.search(text)
    if (cut is None or cut.group().strip() == "(") and text.endswith("?"):
        return "", ""
    if cut is None:
        return _named_start(text)
    label = clean_end(text[cut.end() :])
    if cut.group().strip() == "(":
        label = "(" + label.rstrip(")")
    end, more = _named_start(clean_end(text[: cut.start()]))
    return end, ", ".join(part for part in (more, label) if part)


_CODE_WORD = re.compile(r"\b[A-Z]{3,}\b")
"""A word in capitals in what a product sends (``SELECT порция N``): a query's, no UI's."""


def _payload_sent(segment: str) -> bool:
    """Whether a first segment ``A: what`` names a product of the catalogue before its colon
    and none after it (``MySQL: SELECT порция N``, ``Shopify: orders``): the product sends,
    the rest is what it sends; a label before a name (``Лиды: Tilda``) is no such segment."""
    head, sep, tail = CALL.sub("", clean_end(segment)).rpartition(": ")
    products = catalogue_pattern()
    return (
        bool(sep) and products.fullmatch(clean_end(head)) is not None and not products.search(tail)
    )


_SYNC_LEAD = re.compile(
    r"(?P<label>(?:[a-zа-яё][\w-]*\s+){0,4}?(?i:"
    + alternation(SYNC_WORDS)
    + r"))\s+(?P<name>(?:[A-ZА-ЯЁ0-9]|[a-z]+[A-Z])\S*(?:\s+[A-ZА-ЯЁ0-9]\S*){0,3})"
)
"""A sender written after lower-case words that name the edge, ending in a sync word (``sync
HubSpot``, ``ручной и cron-driven sync RetailCRM``, ``плановая синхронизация amoCRM``): the
name is the end, the words its label."""

_NOTED = re.compile(r"(?P<name>[^()]+?)\s+\((?P<note>[^()]+)\)")
"""A sender with a note in brackets (``Tilda (форма)``, ``BigCommerce (new order)``)."""


def _a_role(note: str) -> bool:
    """Whether a sender's note in brackets tells its role (``new order``, ``форма``): lower
    case words, not another name (``Graph (Neo4j)``) nor a stage (``SQLite (dev)``)."""
    words = note.split()
    return note.islower() and not any(w.casefold() in STAGE_WORDS for w in words)


def _namedend_and_label(text: str) -> tuple[str, str]:
    """(end, label) of a sender written after words about the edge (``позволяет изменить
    данные клиента при передаче из CMS``): the name after the last ``из`` / ``from`` when the
    whole is too long to be a name."""
    if len(text.split()) <= MAX_END_WORDS or _PERSON_DOING.match(text):
        return text, ""  # ``Your friend visits from Facebook``: where a person comes from
    found = _FROM_NAME.search(text)
    if found is None or not looks_like_name(found.group("name")):
        return text, ""
    return found.group("name"), clean_end(text[: found.start()])


_PERSON_DOING = re.compile(
    r"(?:you|your\s+\w+|another\s+(?:person|user|visitor)|someone|a\s+(?:user|visitor|customer)"
    r"|the\s+(?:user|visitor|customer)|users|visitors|customers)\s+\w+",
    re.IGNORECASE,
)
"""A person opening an end and what they do (``Your friend visits from Facebook``)."""
_FROM_NAME = re.compile(r"(?:^|\s)(?:из|от|from)\s+(?P<name>\S+(?:\s+\S+){0,2})\s*$", re.I)


def _named_start(text: str) -> tuple[str, str]:
    """(end, label) of a receiver written with words after it and no mark between
    (``Notification DB до 100% writer cutover``): a name at its start when the whole is too
    long to be one, the rest its label."""
    words = text.split()
    cut = next((i for i, w in enumerate(words) if i and w.casefold() in _AFTER_NAME), None)
    if cut is not None:
        return " ".join(words[:cut]), " ".join(words[cut:])  # ``Booking DB до cutover``
    if looks_like_name(text) or len(words) <= MAX_END_WORDS:
        return text, ""
    name = name_of(text)
    return (name, clean_end(text[len(name) :])) if looks_like_name(name) else (text, "")


_AFTER_NAME = frozenset(
    {"до", "для", "при", "после", "перед", "через", "until", "before", "after", "during", "via"}
)
"""Words that end a receiver's name and start what is said of the edge (``Booking DB до
финального cutover``)."""


def _sender_note(found: Candidate, index: int) -> str:
    """The note in brackets after a statement's first sender (``Tilda (форма)``), the label
    of its first edge when the receiver has none."""
    first = found.labels[0] if index == 1 else ""
    return first if first.startswith("(") else ""


def _label_and_method(label: str) -> tuple[str, str]:
    """A label, or the method a bracket after the receiver names (``B (webhook)``)."""
    if label.startswith("("):
        return "", label[1:]
    return label, ""


_METHOD_WORD = re.compile(alternation(METHOD_WORDS), re.IGNORECASE)
_BRACKET = re.compile(r"\s*\(([^()]*)\)\s*")


def data_and_method(label: str, method: str = "") -> tuple[str, str]:
    """What an edge's label says is carried, and how: a bracket that names a method word is
    the method (``заявка (webhook)``), else the method words of the label are; a bracket
    with no method word is data (``(офлайн-конверсии)``).

    >>> data_and_method("заявка с формы (webhook)")
    ('заявка с формы', 'webhook')
    >>> data_and_method("order webhook")
    ('order webhook', 'webhook')
    >>> data_and_method("", "офлайн-конверсии")
    ('офлайн-конверсии', '')
    >>> data_and_method("contact sync", "REST API")
    ('contact sync', 'REST API')
    """
    if method:
        if _METHOD_WORD.search(method):
            return label, method
        label, method = " ".join(part for part in (label, method) if part), ""
    for bracket in _BRACKET.finditer(label):
        if _METHOD_WORD.search(bracket.group(1)):
            rest = (label[: bracket.start()] + " " + label[bracket.end() :]).strip()
            return rest, bracket.group(1).strip()
    words = [m.group(0) for m in _METHOD_WORD.finditer(label)]
    return label, ", ".join(dict.fromkeys(words))


def candidate(text: str, line: int, drawn: bool = False) -> Candidate | None:
    """The arrow statement on one line of text, or None (no arrow, or a navigation path)."""
    text = _LABELLED_DASHES.sub(lambda m: f" -> {m['target']}: {m['label']}", text)
    text = _bracketed_statement(text)
    parts = ARROW.split(text)
    if len(parts) < 2 or _CONVERTED.search(parts[0]):
        return None
    ways = [WAYS[m.group(0)] for m in ARROW.finditer(text)]
    segments: list[list[str]] = []
    labels: list[str] = []
    for index, part in enumerate(parts):
        end, label = end_and_label(part, index == 0)
        receivers = _receivers(end) if index else [end]
        segments.append([r for r in receivers if r] or [end])
        labels.append(label)
    lead = _CODE_WORD.sub("", parts[0]) if _payload_sent(parts[0]) else parts[0]
    if _NAVIGATION.search(" ".join([lead] + [" ".join(s) for s in segments[1:]])):
        return None  # a UI path (``Admin -> Events``); not a label's words (``: Admin API``)
    return Candidate(line, segments, ways, labels, drawn)


def _bracketed_statement(text: str) -> str:
    """A line whose only arrows are in a bracket after words that name the edge (``Обратная
    синхронизация (CRM --> WC):``) as the statement in the bracket, the words its label."""
    found = _IN_BRACKET.fullmatch(text.strip())
    if found is None or ARROW.search(found["label"]) or not ARROW.search(found["inner"]):
        return text
    if len(found["label"].split()) > MAX_BRACKET_LABEL_WORDS:
        return text  # ``… workflow (Integration → Staging → Production)``: an aside
    label = clean_end(found["label"])
    return f"{found['inner']}: {label}" if label else found["inner"]


_IN_BRACKET = re.compile(r"(?P<label>[^()]*\w[^()]*?)\s*\((?P<inner>[^()]+)\)\s*:")
"""A few words, then a bracket holding the whole statement and a colon before what it says
(``Прямая синхронизация (WC --> CRM):``); a bracket with no colon after it is an aside (``Qualify
the lead (New → Working → Qualified)``)."""

MAX_BRACKET_LABEL_WORDS = 4


def _receivers(end: str) -> list[str]:
    """The receivers an arrow's end lists (``B, C & D``); a product whose name holds a
    separator (``Finance + Operations``) is one."""
    if catalogue_pattern().fullmatch(end.strip()):
        return [clean_end(end)]
    return [clean_end(r) for r in _SEPARATORS.split(end)]


_CONVERTED = re.compile(
    r"(?<!\w)(?:convert|converts|converted|converting|конвертир\w*)\s+(?:\S+\s+){0,2}?\S+\s*$",
    re.IGNORECASE,
)
"""A conversion verb right before an arrow's sender (``convert Lead → Deal``): a record
turned into another, its lifecycle, no edge."""


def drawing_candidate(text: str, line: int) -> Candidate | None:
    """The arrows of one line of an ASCII drawing: box-drawing arrows (``──>``, ``═══>``,
    ``└--->``, ``▸▹▸▹``) read as ``->``, the drawing's columns (two spaces or more) cut apart,
    and boxes (``(gcs) ──> [init]``) taken as nodes whatever their case.

    >>> found = drawing_candidate("'nudge'  └---> {ps-tran} ──────> [tran]  from the queue", 7)
    >>> found.segments, sorted(found.boxed)
    ([[''], ['ps-tran'], ['tran']], ['ps-tran', 'tran'])
    """
    plain = plain_arrows(text)
    if plain == text or _NAVIGATION.search(text):
        return None
    found = candidate(plain, line, drawn=True)
    if found is None:
        return None
    boxed: set[str] = set()
    for index, segment in enumerate(found.segments):
        columns = _COLUMNS.split(segment[0]) if len(segment) == 1 else [segment[0]]
        end = clean_end(columns[-1] if index == 0 else columns[0])
        inner = _BOXED.match(end)
        if inner:
            end = inner.group(1)
            boxed.add(end)
        found.segments[index] = [end] if len(segment) == 1 else segment
    found.boxed = frozenset(boxed)
    return found


def box_chain(text: str, line: int) -> Candidate | None:
    """A line of boxes and arrows only (``[User/Scheduler] -> [Cloud Run (FastAPI)] ->
    [Marketing Agent / Decision Agent]``): each box one node, named as written inside it.

    >>> box_chain("[Form (Tilda)] -> [amoCRM] <-> [1С / ERP]", 3).segments
    [['Form (Tilda)'], ['amoCRM'], ['1С / ERP']]
    """
    pieces = _BOX_CHAIN.split(text.strip())
    if len(pieces) < 5 or any(pieces[0::4]) or len(pieces) % 4 != 1:
        return None
    boxes = [" ".join(box.split()) for box in pieces[1::4]]
    ways = [WAYS[arrow] for arrow in pieces[2::4][: len(boxes) - 1]]
    if len(ways) != len(boxes) - 1 or not all(boxes):
        return None
    return Candidate(line, [[b] for b in boxes], ways, [""] * len(boxes), True, frozenset(boxes))


_BOX_CHAIN = re.compile(r"\s*\[([^\[\]]{1,60})\]\s*(?:(" + ARROW.pattern + r")|$)\s*()")


_LABELLED_DASHES = re.compile(
    r"(?<![-=])(?:--|==)(?P<label>[^\s<>=-](?:[^<>]*?[^\s<>=-])?)(?:-->|==>)\s*"
    r"(?P<target>[^\s<>=-](?:[^\s<>=]| (?![\s-]))*)"
)
"""An arrow with a label in its shaft written in dashes (``Salesforce --REST--> MuleSoft``)."""
_DRAWN_ARROW = re.compile(r"[─━═]+[>►▶]|[=\-]{3,}>|[▸▹►▶]{2,}")
"""A drawn arrow: ``──►``, ``═══>``, ``--->``, ``▸▹▸▹``."""
LABELLED_ARROW = re.compile(
    r"[─━═]{2,}(?P<label>[^─━═►▶>\s][^─━═►▶>]*?)\s*[─━═]+[>►▶]\s*"
    r"(?P<target>[^─━═►▶>\s](?:[^─━═►▶>\s]| (?! ))*)"
)
"""A drawn arrow with a label in its shaft (``──POST /call──► Controller``)."""


def plain_arrows(text: str) -> str:
    """A drawing's line with its drawn arrows as ``->``, a label in an arrow's shaft moved
    after the box it points to (``A -> Controller: POST /call``).

    >>> plain_arrows("UI ──POST /call──► Controller  └──► Next")
    'UI  -> Controller: POST /call  └ ->  Next'
    >>> plain_arrows("[ERP]◄───►[Flow] ◄── [Shop]")
    '[ERP] <-> [Flow]  <-  [Shop]'
    """
    text = LABELLED_ARROW.sub(lambda m: f" -> {m['target']}: {m['label'].strip()}", text)
    if "◄" in text or "◀" in text:
        text = _DRAWN_LEFT.sub(" <- ", _DRAWN_BOTH.sub(" <-> ", text))
    return _DRAWN_ARROW.sub(" -> ", text)


_DRAWN_BOTH = re.compile(r"[◄◀][─━═]+[►▶]")
"""A drawn arrow both ways: ``◄───►``."""
_DRAWN_LEFT = re.compile(r"[◄◀][─━═]+")
"""A drawn arrow back: ``◄───``."""


_COLUMNS = re.compile(r"\s{2,}")
_BOXED = re.compile(r"^[(\[{]([^\s()\[\]{}][^()\[\]{}]{0,40})[)\]}]$")


def hops(found: Candidate, ends: Ends) -> Iterator[Hop]:
    """The edges of one statement: from the last system end to each system end after it; an
    end that is not a system between two that are is a label; a person at either end of it
    (``User → Everywhere UI → …``) is no end."""
    found = _without_people(found)
    if len(found.segments) < 2 or _a_path(found, ends) or _an_address_record(found):
        return
    senders: list[str] = []
    label = ""
    for index, written in enumerate(found.segments):
        segment = _listed(written, found, ends)
        whole = " ".join(segment) if len(segment) == 1 else None
        systems = [
            r
            for r in segment
            if (r in found.boxed and not is_record(r) and not _an_action(r))
            or ends.system(r, found.line, found.drawn)
            or _beside_a_product(r, index, found, ends)
        ]
        if len(systems) != len(segment):
            if index == 0 and not found.boxed and len(found.segments) < MIN_PATH_SEGMENTS:
                return
            if not senders:
                continue
            label = (label + ", " if label else "") + (whole or ", ".join(segment))
            continue
        way = found.ways[index - 1] if index else "forward"
        text, method = _label_and_method(found.labels[index] or _sender_note(found, index))
        for sender in senders:
            for receiver in systems:
                yield Hop(sender, receiver, found.line, label or text, way, method=method)
        if len(systems) > 1 and (index or len(written) > 1):
            return  # ``A → B, C → D``: which of them sends on is not said
        senders, label = systems, ""


def _without_people(found: Candidate) -> Candidate:
    """The statement without the segments at its ends that are one word for a person
    (``User``, ``Пользователь``, ``Staff``; not ``Client``, a program as often); boxes of a
    drawing stay as drawn."""
    if found.boxed:
        return found
    segments, ways, labels = found.segments, found.ways, found.labels
    while segments and _a_person_segment(segments[0]):
        segments, ways, labels = segments[1:], ways[1:], labels[1:]
    while segments and _a_person_segment(segments[-1]):
        segments, ways, labels = segments[:-1], ways[:-1], labels[:-1]
    if len(segments) == len(found.segments):
        return found
    return replace(found, segments=segments, ways=ways, labels=labels)


def _a_person_segment(segment: list[str]) -> bool:
    return len(segment) == 1 and len(segment[0].split()) == 1 and person_key(segment[0]) is not None


def _an_action(name: str) -> bool:
    """Whether a box says what is done, a verb going on in lower case (``Verify signature
    with``, ``Process event based on type``); not a component (``Search Service``) nor a
    node naming the product it acts on (``Send to Slack``)."""
    words = name.split()
    named = any(w[:1].isupper() for w in words[1:])  # ``Send to Slack``: a node naming its end
    return (
        len(words) > 1 and bool(ACTION_FIRST.match(name)) and words[1][:1].islower() and not named
    )


def _beside_a_product(name: str, index: int, found: Candidate, ends: Ends) -> bool:
    """A one-word brand (``Vitally``, ``Polytomic``) at one end of a single arrow whose other
    end names only products of the catalogue (``Vitally -> Zendesk/HubSpot``)."""
    if len(found.segments) != 2 or found.boxed or found.told:
        return False
    titled = found.titled and _TITLED_NAME.fullmatch(name) and not MECHANISM.search(name)
    if not (_BRAND.fullmatch(name) or titled):
        return False
    word = name.casefold()
    if _generic(name) or is_record(name) or word in CONTROL_WORDS or _an_outcome(name):
        return False
    if is_verb(word) or word in _ACTION_VERBS or word in LANGUAGE_WORDS:
        return False  # ``Telegram Trigger → Listens for …``, ``GA4 ──► Fetch …``
    other = found.segments[1 - index]
    items = [clean_end(i) for e in other for i in _LIST_SEPARATOR.split(e) if clean_end(i)]
    return bool(items) and all(ends.in_catalogue(item) for item in items)


_ACTION_VERBS = frozenset((*READ_VERBS, *WRITE_VERBS, *TRIGGER_VERBS))


_TITLED_NAME = re.compile(r"[A-ZА-ЯЁ][\w.-]*(?:\s+[\w.-]+){0,4}")
"""An end a heading's arrow names beside a product: up to five words, a capital first
(``Точка служб отчетов``, ``Reporting Point``)."""

MECHANISM = re.compile(
    r"\b(?:webhooks?|callbacks?|triggers?|events?|notifications?|вебхуки?|события?|"
    r"уведомлени[ея])$",
    re.IGNORECASE,
)
"""The last word of an end that names how data is pushed rather than who takes it
(``Stripe->Email Webhook``): no system by its name alone."""

_BRAND = re.compile(r"[A-Z][a-z]+[A-Za-z0-9]*|[A-Z][a-z]+[A-Z][A-Za-z0-9]+")
"""One word written as a brand: a capital and letters (``Vitally``, ``HubSpot``)."""


def _listed(segment: list[str], found: Candidate, ends: Ends) -> list[str]:
    """An end that lists products (``Tilda, WordPress``, ``Gmail/Telegram/VK``, ``HubSpot ·
    Stripe · Internal DB``) as one system each, when every item of it is a product of the
    catalogue or a component and one at least a product (``Pub/Sub`` is no list); else the
    segment as it is."""
    if len(segment) != 1:
        return segment
    items = [item for item in map(clean_end, _LIST_SEPARATOR.split(segment[0])) if item]
    products = [item for item in items if ends.is_product(item)]
    named = all(item in products or is_component(item) for item in items)
    if len(items) < 2 or not products or not named:
        return segment
    return items


_LIST_SEPARATOR = re.compile(r"\s*,\s*|\s+(?:and|и|&)\s+|\s*/\s*|\s+[+·•]\s+")
"""What separates the items of a list of systems written as one end."""


MIN_PATH_SEGMENTS = 3
ACTION_FIRST = re.compile(
    r"(?:"
    + "|".join(
        sorted({*WRITE_VERBS, *READ_VERBS, *SETUP_VERBS, *ACTION_NOUNS}, key=len, reverse=True)
    )
    + r")(?=\s|$)",
    re.IGNORECASE,
)
"""An end that starts with a verb or a Russian noun of doing, a word of its own (``Create
Zoom``, ``Send email``, ``Получение данных``; not ``Open-Meteo``, ``Send.io``), is an action."""


def _a_path(found: Candidate, ends: Ends) -> bool:
    """Whether a chain is a path through screens or states (``Выбор события → Выбор мест →
    Корзина → … → Email``) or a run order of actions (``VAPI call → Schedule Calendar →
    Create Zoom``) rather than edges: three ends or more, fewer than half of them systems or
    one of them an action."""
    segments = [s for s in found.segments if not all(map(_HTTP_REQUEST.fullmatch, s))]
    ends_ = [end for segment in segments for end in segment]
    if len(segments) >= MIN_PATH_SEGMENTS and all(map(_a_state, ends_)):
        return not any(map(ends.is_product, ends_))  # ``CREATED → PLACED_IN_QUEUE → CALLED``
    if len(segments) < MIN_PATH_SEGMENTS or found.drawn:
        return False
    if any(ACTION_FIRST.match(end) and not ends.is_product(end) for end in ends_):
        return True  # ``VAPI call → Schedule Calendar → Create Zoom``: a run order of actions
    if any(is_clause(end) for segment in segments[1:] for end in segment):
        return True  # ``AmoCRM отправляет вебхук → сервер ставит блокировку → пишет в таблицу``
    systems = sum(
        1
        for segment in segments
        if all(r in found.boxed or ends.system(r, found.line, found.drawn) for r in segment)
    )
    return 2 * systems < len(segments)


_HTTP_REQUEST = re.compile(r"(?:GET|POST|PUT|PATCH|DELETE)\s+/\S*")
"""A request written between two ends of a chain (``A → POST /collect → B``): the label of
the hop through it, neither an end nor an action of a run order."""


def _an_address_record(found: Candidate) -> bool:
    """Whether a statement maps addresses (``n8n.example.com → IP_СЕРВЕРА``, ``api.example.com
    -> 203.0.113.7``): a DNS record, every end a host name or an IP address, one an IP."""
    ends_ = [end for segment in found.segments for end in segment]
    addresses = all(_HOST.fullmatch(end) or _IP.fullmatch(end) for end in ends_)
    return addresses and any(_IP.fullmatch(end) for end in ends_)


_HOST = re.compile(r"[a-z0-9-]+(?:\.[a-z0-9-]+)+", re.IGNORECASE)
_IP = re.compile(
    r"\d{1,3}(?:\.\d{1,3}){3}(?::\d+)?|<?IP(?:[_ -][\w-]+)?>?|<[\w -]*\bip\b[\w -]*>",
    re.IGNORECASE,
)
"""An IP address, or a placeholder for one (``IP_СЕРВЕРА``, ``<server ip>``)."""


def is_clause(end: str) -> bool:
    """Whether an end is a clause with a verb of its own whose subject is no name in Latin
    letters (``сервер устанавливает блокировку``, ``Блокировка истекает``): what happens
    rather than who receives it (``Gateway передаёт X-Vibe-Authorization`` is the Gateway)."""
    words = end.split()
    verb = next((at for at, word in enumerate(words[1:], 1) if is_verb(word)), None)
    return verb is not None and not any(_LATIN_NAME.match(word) for word in words[:verb])


_LATIN_NAME = re.compile(r"[A-Z0-9]")


def _a_state(end: str) -> bool:
    """A state or event written in capitals (``CREATED``, ``PLACED_IN_QUEUE``, ``WAITING_*``)."""
    letters = end.replace("_", "").replace("*", "")
    return letters.isupper() and letters.isalnum()
