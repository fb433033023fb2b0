"""Edge statements written in words, each rewritten as the arrow line it states: a table
cell ``BigQuery To Google Ads``, a sync line ``Синхронизация X из A с Y в B``, a name with its
way in brackets ``Заказы (из Sales в Supply Chain)``, a title naming a direction ``Sync New
Salesforce Leads to Dynamics 365 Contacts`` or ``Twilio to Slack Bridge``, and a sync line
naming one end (``Synchronize inventory from MoneyWorks``), the other being the tool the
document's title names. Weaker, read only where no other form is (``told``): a sentence moving
data ``from A … to B``, a subject moving data to a receiver (``D365 F&O synchronizes changes
to Adobe Commerce``), and a feature line of the titled tool (``Posts notifications to Slack``)."""

from __future__ import annotations

import re

from flowviz.parse.arrows import ARROW, VARIABLE, is_code_component
from flowviz.parse.keywords import (
    DOCUMENT_WORDS,
    FORMAT_WORDS,
    KEPT_SECRET_WORDS,
    MOVE_VERBS,
    NOT_PARTICIPANT_WORDS,
    READ_VERBS,
    READING_STEMS,
    SYNC_WORDS,
    TITLE_WORDS,
    TITLED_AFTER_WORDS,
    WORD_ARROWS,
    WRITE_VERBS,
    alternation,
)
from flowviz.parse.systems import (
    PLATFORM_BRANDS,
    VENDOR_WORDS,
    catalogue_kind,
    catalogue_pattern,
    catalogue_spelling,
    names_who_runs_it,
    opens_a_makers_product,
)
from flowviz.parse.text import MARKDOWN_LINK, SENTENCE_BREAK, stem, without_emoji


class WordedStatements:
    """The rules for one document (its ``flowviz.yaml`` products among the catalogue's)."""

    def __init__(self, extra: dict[str, list[str]], subject: str | None = None) -> None:
        self.extra = extra
        self.products = catalogue_pattern(extra)
        self.subject = subject
        """The tool the document is about (its title names it), the end its one-ended sync
        lines leave out."""

    def as_arrow_line(self, text: str) -> str:
        """``text`` as ``A -> B: what`` when it states one edge in words; else as it is."""
        text = _BRACKETED_FROM_TO.sub(_as_arrow, _BRACKETED_WAY.sub(_way_as_arrow, text))
        text = _SYNC_FROM_TO.sub(_as_arrow, text)
        text = _direction_in_words(text, self.products, self.extra)
        if not ARROW.search(text):
            text = self._one_ended(text)
        return text if ARROW.search(text) else self._hyphened(text)

    def titled_records(self, heading: str) -> str:
        """A heading naming a product's records and where they go (``Zoho Leads to Hull Users``,
        ``Calendly Event Scheduled to PostHog``) as ``A -> B``; else as it is. Each side opens
        with its product, one side's at least of the catalogue; the records a side names
        after its product (``Users``, ``Accounts``) are left out of its name."""
        found = _RECORDS_TO.fullmatch(heading.strip(" *_#"))
        if found is None:
            return heading
        sender, receiver = self._opening(found["a"]), self._opening(found["b"])
        if sender is None or receiver is None or sender.casefold() == receiver.casefold():
            return heading
        if not (self.products.match(found["a"]) or self.products.match(found["b"])):
            return heading
        return f"{sender} -> {receiver}: {heading.strip()}"

    def _opening(self, side: str) -> str | None:
        """The product a side of a heading opens with: one of the catalogue (not a maker
        opening one of its products, ``Zoho Books``), else the side without the records it
        names (``Hull Users`` -> ``Hull``) when that is one word read as a name."""
        product = self.products.match(side)
        if product is not None:
            records = _RECORD_NAMES.match(side, product.end()) is not None
            if opens_a_makers_product(product, side) and not records:
                return None
            return product.group()
        name = _without_records(side)
        one_word = " " not in name and looks_like_a_name(name)
        return name if name != side.strip() and one_word else None  # not ``Sales Pipeline``

    def told(self, text: str, *, both_named: bool = False) -> str:
        """``text`` as ``A -> B: text`` when one of its sentences moves data from one product
        to another (``How to stream changes from a PostgreSQL database into Apache Kafka``,
        ``выгружает заказы из Shopify в МойСклад``), has a subject that moves data to a
        receiver (``_subject_moved``), or says what the document's tool does to one product
        (``_acted_on_one``); else as it is. Read after the forms of
        ``as_arrow_line``, and weaker: a process step on the same line reads it better.
        ``both_named`` (an item of a numbered list, whose unnamed subject is no document's
        tool but the step's actor): only a sentence naming both ends."""
        pairs = self._made_from(text)
        for found in _MOVED_FROM_TO.finditer(text):
            if _NOT_DONE.search(text[max(0, found.start() - 30) : found.start()]):
                continue  # ``will fail to sync from A to B``: what does not happen
            pair = self._moved_pair(self._whole_product(text, found), found["b"])
            if pair is not None:
                pairs.append((pair[0], ", ".join([pair[1], *self._listed_after(pair[1], found)])))
        if not pairs:
            moved = (
                self._subject_moved(text)
                or self._subject_received(text)
                or self._later_direction(text)
            )
            return moved or (text if both_named else self._acted_on_one(text))
        if len(set(pairs)) != 1:
            return text
        a, b = pairs[0]
        return f"{a} -> {b}: {text.strip()}"

    def _made_from(self, text: str) -> list[tuple[str, str]]:
        """The pairs of ``Creates customers in ERPNext from WooCommerce customer data`` and
        ``Creates ERPNext items from WooCommerce products``: records made in B out of A's, an
        edge A -> B (the pair's ends checked as ``from A … to B``'s are)."""
        pairs = []
        for found in _MADE_FROM.finditer(text):
            if _NOT_DONE.search(text[max(0, found.start() - 30) : found.start()]):
                continue
            made_in = found["b"] or found["product"]
            if found["product"] and not self.products.fullmatch(found["product"]):
                continue  # ``Creates Sales Orders from …``: records, no product
            pair = self._moved_pair(found["a"], made_in)
            if pair is not None:
                pairs.append(pair)
        return pairs

    def _whole_product(self, text: str, found: re.Match[str]) -> str:
        """The sender of ``from A … to B`` as the whole product name it opens with (``Dynamics
        365`` of ``from Dynamics 365 to``, which the few words allowed before ``to`` would
        otherwise cut to ``Dynamics``), or the whole name of capitalised words (``from
        Intelligent Order Management to``)."""
        product = self.products.match(text, found.start("a"))
        if product is None or not found.end("a") < product.end() < found.start("b"):
            name = _LEADING_NAME.match(text, found.start("a"))  # ``Intelligent Order Management``
            cut = name is not None and found.end("a") < name.end() < found.start("b")
            return name.group() if cut and name is not None else found["a"]
        named_for = _NAMED_FOR.match(text, product.end(), found.start("b"))
        return text[product.start() : named_for.end()] if named_for else product.group()

    def _listed_after(self, first: str, found: re.Match[str]) -> list[str]:
        """The products listed after the first receiver of ``from A to B`` (``to Cosmos DB
        and Synapse Analytics``, ``в ClickHouse и в Object Storage``): each also a receiver;
        none unless every item of the list is a product of the catalogue."""
        rest = found["b"].strip()
        if not rest.casefold().startswith(first.casefold()):
            return []
        items = _LIST_ITEM.split(rest[len(first) :].rstrip(" .;"))
        if len(items) < 2 or items[0]:
            return []
        names = [self.products.fullmatch(item.strip(" *_`")) for item in items[1:]]
        if not all(names):
            return []
        return [catalogue_spelling(name.group(), self.extra) for name in names if name]

    def _moved_pair(self, a: str, b: str) -> tuple[str, str] | None:
        """The two ends of ``from A … to B``: products of the catalogue, or one product and a
        name (``from commercetools to Fluent Commerce``); else None."""
        ends = []
        for side in (a, b):
            product = self.products.match(side)
            name = _LEADING_NAME.match(side)
            if product is not None:
                found, known = product, True
                said = catalogue_spelling(product.group(), self.extra)
            elif name is not None and _a_name_not_a_maker(name.group()):
                found, known, said = name, False, name.group()
            else:
                return None
            named_for = _NAMED_FOR.match(side, found.end())  # ``Amazon RDS for MySQL``
            ends.append((said + (named_for.group() if named_for else ""), known))
        (first, known), (second, also) = ends
        if not (known or also) or first.casefold() == second.casefold():
            return None
        return first, second

    def trigger_and_action(self, lines: list[str], first: int) -> list[tuple[str, int]]:
        """A paragraph's ``Trigger: … in A`` line and a later ``Action: … in B`` line (a
        recipe of an automation: ``*Trigger*: customer created in commercetools`` /
        ``*Action*: profile created in klaviyo``) as the arrow line ``A -> B: action`` on the
        trigger's line; none when either names no product or both name the same."""
        trigger = next((n for n, line in enumerate(lines) if _TRIGGER.match(line)), None)
        if trigger is None:
            return []
        action = next(
            (n for n, line in enumerate(lines) if n > trigger and _ACTION.match(line)), None
        )
        if action is None:
            return []
        senders = _products_in(lines[trigger], self.products, self.extra)
        acted = _products_in(lines[action], self.products, self.extra)
        receivers = [p for p in acted if p not in senders]
        if len(senders) != 1 or not receivers:
            return []
        said = _ACTION.sub("", lines[action]).strip()
        return [(f"{senders[0]} -> {', '.join(receivers)}: {said}", first + trigger)]

    def _one_ended(self, text: str) -> str:
        """A sync line naming one product, after ``from`` / ``из`` or ``to`` / ``в``
        (``Synchronize inventory quantity from MoneyWorks``), as an edge between it and the
        document's subject; else as it is."""
        found = _ONE_ENDED.match(text)
        if found is None or self.subject is None:
            return text
        named = found["named"].strip(" *_`")
        if not (self.products.fullmatch(named) or looks_like_a_name(named)):
            return text
        product = catalogue_spelling(named, self.extra) if self.products.fullmatch(named) else named
        if product.casefold() == self.subject.casefold():
            return text
        sent = found["way"].casefold() in ("from", "из")
        pair = (product, self.subject) if sent else (self.subject, product)
        return f"{pair[0]} -> {pair[1]}: {text.strip()}"

    def _subject_moved(self, text: str) -> str | None:
        """The first sentence of ``text`` that is ``A syncs … to B`` with a name acting first
        (``D365 F&O synchronizes changes in order flow to Adobe Commerce``) as ``A -> B:
        sentence``; None when none is."""
        for sentence in SENTENCE_BREAK.split(text.strip()):
            moved = self._sentence_moved(sentence)
            if moved is not None:
                return moved
        return None

    def _sentence_moved(self, text: str) -> str | None:
        """One sentence of ``_subject_moved`` as ``A -> B: sentence``, or None."""
        found = _SUBJECT_MOVED.match(text)
        if found is None:
            return None
        sender = self._named(_ARTICLE.sub("", found["a"].strip(" *_`[]")))
        if found["modal"] and (sender or "").casefold() in NOT_PARTICIPANT_WORDS:
            return None  # ``You can export posted sales invoices to Shopify``: the reader's doing
        product = self.products.match(found["b"])
        if product is not None and opens_a_makers_product(product, found["b"]):
            product = None  # ``to SAP Event Mesh``: the maker's product, named in full
        receiver = product.group() if product else self._named(_first_words(found["b"]))
        if sender is None or receiver is None or sender.casefold() == receiver.casefold():
            return None
        receiver = catalogue_spelling(receiver, self.extra) if product else receiver
        origin = self._taken_from(found["first"] or "")
        if origin is not None and origin.casefold() not in (sender.casefold(), receiver.casefold()):
            return f"{origin} -> {sender} -> {receiver}: {text.strip()}"
        return f"{sender} -> {receiver}: {text.strip()}"

    def _subject_received(self, text: str) -> str | None:
        """The first sentence of ``text`` whose subject takes data from senders (``The
        Gateway receives events from Kafka``, ``Центр ATA получает данные от всех шлюзов ATA
        и упрощенных шлюзов ATA``) as ``B -> A: sentence`` (``B, C -> A``), or from a sender to
        a receiver it names (``IFlow receives updates from Amazon to SAP S4HANA``) as that
        pair; None when none is."""
        for sentence in SENTENCE_BREAK.split(text.strip()):
            found = _SUBJECT_RECEIVED.match(sentence)
            if found is None:
                continue
            senders, rest = self._senders(found["b"])
            onward = _ONWARD.match(rest)
            if onward is not None and senders:
                receiver = self._named(_first_words(onward["to"]))
            else:
                receiver = self._subject(_ARTICLE.sub("", found["a"].strip(" *_`[]")))
            if receiver is None:
                continue
            senders = [s for s in senders if s.casefold() != receiver.casefold()]
            if senders:
                return f"{', '.join(senders)} -> {receiver}: {sentence.strip()}"
        return None

    def _subject(self, text: str) -> str | None:
        """A sentence's subject as a system's name (``_named``), or the product it opens with
        when lower-case words of a part of it follow (``Make.com webhook``, ``Tilda form``)."""
        named = self._named(text)
        if named is not None:
            return named
        product = self.products.match(text)
        rest = text[product.end() :].split() if product else []
        if product is None or not rest or not all(w.islower() for w in rest) or len(rest) > 2:
            return None
        return catalogue_spelling(product.group(), self.extra)

    def _senders(self, text: str) -> tuple[list[str], str]:
        """The products a ``from`` side names, one after another joined by ``and`` / ``и`` /
        a comma, each after at most two other words (``всех развернутых шлюзов ATA и
        упрощенных шлюзов ATA``), else the name it opens with, else none; and the text after
        them."""
        names: list[str] = []
        at = 0
        for product in self.products.finditer(text):
            gap = text[at : product.start()]
            if not (_FIRST_GAP if not names else _JOINED_GAP).fullmatch(gap):
                break
            names.append(self._singular(catalogue_spelling(product.group(), self.extra)))
            at = product.end()
        if names:
            return names, text[at:]
        first = _first_words(text)
        named = self._named(first) if first else None
        if named is None:
            return [], text
        after = text.split(maxsplit=len(first.split()))
        return [named], " " + after[-1] if len(after) > len(first.split()) else ""

    def _singular(self, name: str) -> str:
        """A product named in an English plural (``all ATA Gateways``) as the catalogue (or
        the document's components list) names it; any other name as it is."""
        plural = name.endswith("s") and catalogue_kind(name, self.extra) is None
        return name[:-1] if plural and catalogue_kind(name[:-1], self.extra) else name

    def _taken_from(self, first: str) -> str | None:
        """The system the subject's first action takes data from (``receives the Zammad
        webhook event and``, ``reads orders from Shopify and``), else None."""
        found = _TAKEN.match(first)
        if found is None:
            return None
        return self._named((found["before_data"] or found["after_from"]).strip(" *_`"))

    def _later_direction(self, text: str) -> str | None:
        """A later sentence of a line that is only a direction between two products, with at
        most three words of what goes before it (``… for real-time updates. From Adobe
        Commerce to Hubspot.``, ``Shipment status from Hubspot to Adobe Commerce``), as
        ``A -> B: text``; None when there is none."""
        for sentence in SENTENCE_BREAK.split(text.strip())[1:]:
            found = _LATER_DIRECTION.fullmatch(sentence.strip())
            if found is None:
                continue
            ends = [self.products.fullmatch(found[side].strip(" *_`")) for side in ("a", "b")]
            if all(ends) and ends[0].group().casefold() != ends[1].group().casefold():
                a, b = (catalogue_spelling(end.group(), self.extra) for end in ends)
                return f"{a} -> {b}: {text.strip()}"
        return None

    def _named(self, text: str) -> str | None:
        """``text`` as a system's name: a product of the catalogue, or words that read as a
        name; else None."""
        if self.products.fullmatch(text):
            return catalogue_spelling(text, self.extra)
        product = self.products.match(text)
        if product is not None and looks_like_a_name(text[product.end() :]):
            return text  # ``commercetools Subscription``: a part of a product in lower case
        return text if looks_like_a_name(text) or is_code_component(text) else None

    def _acted_on_one(self, text: str) -> str:
        """A line that says what the document's tool does to one product, opening with the
        verb (``Posts notifications to Slack channel``, ``Отправляет заявки в amoCRM``), as
        an edge between the tool and the product (from the product after ``from`` / ``из``);
        else as it is."""
        found = _ACTED.match(text)
        if found is None or self.subject is None or self.subject.casefold() in text.casefold():
            return text  # a line naming the tool names its own ends
        product = self.products.match(text, found.end())
        if product is None or len(self.products.findall(text)) != 1:
            return text
        name = catalogue_spelling(product.group(), self.extra)
        if name.casefold() == self.subject.casefold():
            return text
        sent = found["way"].casefold() in ("from", "из", "от")
        pair = (name, self.subject) if sent else (self.subject, name)
        return f"{pair[0]} -> {pair[1]}: {text.strip()}"

    def named_pair(self, text: str) -> str:
        """A short line (a list item, a link's text) that is only two products joined by
        ``to`` (``Kafka to BigQuery``, ``[Cloud Spanner change streams to Pub/Sub](…)``,
        ``Cloud Bigtable to Avro Files in Cloud Storage``) as ``A -> B: text``: each side
        names one product of the catalogue, the sender's first; else as it is. A sentence
        (a full stop, an article: ``DynamoDB streams the changes to BigQuery.``) and a bold
        label saying what it is (``**Amazon SQS** queue to Slack``) are no such line."""
        if _LABELLED.match(text) or text.rstrip().endswith("."):
            return text
        plain = MARKDOWN_LINK.sub(r"\g<text>", text).strip(" *_`")
        found = _PAIR_TO.fullmatch(plain)
        if found is None or len(plain.split()) > MAX_WORD_ARROW_WORDS:
            return text
        if _DETERMINER.search(found["a"]):
            return text
        a = self.products.match(found["a"]) or VARIABLE.fullmatch(found["a"])
        b = list(self.products.finditer(found["b"])) or list(VARIABLE.finditer(found["b"]))
        if a is None or len(b) != 1 or self.products.search(found["a"], a.end()):
            return text
        sender, receiver = (catalogue_spelling(m.group(), self.extra) for m in (a, b[0]))
        if sender.casefold() == receiver.casefold():
            return text
        return f"{sender} -> {receiver}: {plain}"

    def product_chain(self, text: str) -> str:
        """A title that is only three products of the catalogue or more joined by ``to``
        (``Amazon EventBridge Scheduler to AWS Lambda to Amazon SES``) as ``A -> B -> C:
        text``; else as it is (a title naming only two, ``Twilio to Slack``, is no edge)."""
        plain = without_emoji(MARKDOWN_LINK.sub(r"\g<text>", text)).strip(" *_`#")
        sides = _CHAIN_TO.split(plain)
        products = all(self.products.fullmatch(side.strip()) for side in sides)
        if len(sides) < MIN_CHAIN_PRODUCTS or not products:
            return text
        names = [catalogue_spelling(side.strip(), self.extra) for side in sides]
        if len({name.casefold() for name in names}) < 2:
            return text
        return f"{' -> '.join(names)}: {plain}"

    def _hyphened(self, text: str) -> str:
        """``text`` as ``A -> B: text`` when it names one ``A-to-B`` pair of two products of
        the catalogue (``real-time Stripe-to-PostgreSQL sync``); else as it is."""
        pairs = [
            (found["a"], found["b"])
            for found in _HYPHENED.finditer(text)
            if all(self.products.fullmatch(side) for side in (found["a"], found["b"]))
        ]
        if len(pairs) != 1:
            return text
        (a, b), extra = pairs[0], self.extra
        return f"{catalogue_spelling(a, extra)} -> {catalogue_spelling(b, extra)}: {text.strip()}"


_LABELLED = re.compile(r"\s*(?:\*\*[^*]+\*\*|__[^_]+__)\s*\S")
"""A bold label with more text after it."""
_DETERMINER = re.compile(r"(?<!\w)(?i:the|an?|its|their|our|your|this|these)(?!\w)")

MIN_CHAIN_PRODUCTS = 3
"""The fewest products a title names to be read as a chain of them."""

_CHAIN_TO = re.compile(r"\s+(?:to|To|TO|в|во)\s+")
"""What joins the products of a title naming a chain (``A to B to C``)."""


_PAIR_TO = re.compile(
    r"(?P<a>[A-Z0-9][\w./&-]*(?:\s+[\w./&-]+){0,3}?|\{\{\s*[\w-]+\s*\}\})"
    r"\s+(?:to|To|TO|into|в|во)\s+"
    r"(?P<b>[A-Z0-9][\w./&-]*(?:\s+[\w./&-]+){0,5}?|\{\{\s*[\w-]+\s*\}\})(?:\s+\([^()]*\))?"
)
"""Up to four words, ``to`` (``в``), up to six more and maybe a bracket, each side opening with
a capital or a site's variable for a name: a pair's line, no sentence (``Secrets Manager to
manage TikTok credentials``)."""


_HYPHENED = re.compile(
    r"(?<![\w/.:-])(?P<a>\w+(?:\.\w+)?)-to-(?P<b>\w+(?:\.\w+)?)(?![\w/-])", re.IGNORECASE
)
"""Two names joined by ``-to-`` (``Stripe-to-PostgreSQL``, ``S3-to-BigQuery``), not in a
path or an address (``/s3-to-bigquery``)."""


def word_arrow(cell: str) -> str:
    """A table cell that names a transfer in words (``BigQuery To Google Ads``, ``Shopify to
    Klaviyo``) written as an arrow; any other cell as it is.

    >>> word_arrow("BigQuery To Google Ads Customer Match")
    'BigQuery -> Google Ads Customer Match'
    >>> word_arrow("Send the lead to the CRM")
    'Send the lead to the CRM'
    """
    found = _WORD_ARROW.fullmatch(cell.strip())
    if found is None or len(cell.split()) > MAX_WORD_ARROW_WORDS:
        return cell
    if _AMOUNT.match(found.group(2)):
        return cell  # ``Up to 10 minutes``: how much, not where to
    return f"{found.group(1).strip()} -> {found.group(2)}"


_AMOUNT = re.compile(
    r"\d[\d.,]*\s*(?:%|ms|s|sec|seconds?|min|minutes?|h|hours?|days?|weeks?|months?|years?|"
    r"times|items|records|rows|MB|GB|KB|сек|секунд\w*|мин\w*|час\w*|дн\w*|недел\w*|"
    r"месяц\w*|раз|записей|строк)?\b",
    re.IGNORECASE,
)
"""A number and maybe its unit opening the words after ``to`` (``Up to 10 minutes``,
``from 5 to 20``): an amount, no end."""


MAX_WORD_ARROW_WORDS = 10


_WORD_ARROW = re.compile(
    rf"((?:[A-ZА-ЯЁ0-9][\w.&/-]*\s+)+?)(?i:{'|'.join(WORD_ARROWS)})\s+([A-ZА-ЯЁ0-9].*)"
)
"""Names (each word capitalised) on both sides of an arrow word."""


_BRACKETED_FROM_TO = re.compile(
    r"^(?P<what>[^()]{1,160}?)\s*\((?:из|from)\s+(?P<a>[^()]{1,40}?)\s+(?:в|во|to|into)\s+"
    r"(?P<b>[^()]{1,40}?)\)(?P<rest>.*)$",
    re.IGNORECASE,
)
"""Words (up to a sentence of 160 characters) followed by where they go in brackets
(``Заказы на продажу (из Sales в Supply Chain Management) — напрямую``, ``… необходима,
чтобы …: счета (из Sales в Supply Chain Management)``): an edge statement written in words."""


_BRACKET_NAME = r"[A-ZА-ЯЁ][\w.-]*(?:\s+[A-ZА-ЯЁ][\w.-]*){0,2}"
_BRACKETED_WAY = re.compile(
    rf"^(?P<what>[^()]{{1,80}}?)\s*\((?P<a>{_BRACKET_NAME})\s*(?:->|→|=>|\s(?:to|в)\s)\s*"
    rf"(?P<b>{_BRACKET_NAME})\)(?P<rest>[^()]*)$"
)
"""Words followed by the way they go in brackets, two names joined by an arrow or ``to``
(``For outgoing traffic (Hull -> Outreach) we first check …``, ``Synchronization of incoming
data (Outreach to Hull)``): an edge statement about those words."""


_SYNC_FROM_TO = re.compile(
    r"^(?P<what>(?:" + alternation(SYNC_WORDS, stems_only=True) + r")\s+[^()\[\]]{1,80}?)\s+"
    r"(?:(?:непосредственно|напрямую|directly)\s+)?(?:(?:из|from)\s+(?P<a>[^(),;]{1,40}?)\s+"
    r"(?:с(?!\s+помощью)|to|into|with)\s+(?:[^(),;]{1,60}?\s+(?:в|во|in)\s+)?"
    r"|в\s+(?P<a_in>[^(),;]{1,40}?)\s+"
    r"с\s+[^(),;]{1,60}?\s+(?:в|во)\s+)(?P<b>[^(),;]{1,40}?)"
    r"(?P<rest>[.;:]?)\s*$",
    re.IGNORECASE,
)
"""A line that states one transfer in words: ``Синхронизация X [непосредственно] из A с Y в
B``, ``Синхронизация X в A с Y в B`` (not ``X в A с B``: data kept in step between two),
``Sync X from A to B``; the first system's records go to
the second. A sync ``между A и B`` names no way and states nothing."""


def _russian_stem(word: str) -> str:
    """A Russian word as its stem, so that its other cases match too (``синхронизации``,
    ``выгрузки``); an English word as it is."""
    return stem(word) if word.isalpha() and not word.isascii() else word


_IN_SENTENCE = r"(?:[^.!?:]|\.(?=\w))"
"""A character of one sentence: a full stop only inside a name (``Яндекс.Метрики``)."""

_TITLE_DIRECTION = re.compile(
    r"^(?P<title>(?:[^:—]{1,40}[:—]\s*|(?:[\w-]+\s+){0,3}?)(?:(?:"
    + alternation([_russian_stem(w) for w in (*SYNC_WORDS, *TITLE_WORDS)], stems_only=True)
    + rf")\b{_IN_SENTENCE}{{0,80}}?\s|(?:из|from)\s))(?P<a>{_IN_SENTENCE}{{1,60}}?)\s+"
    rf"(?:в|во|к|ко|to|into)\s+(?P<b>{_IN_SENTENCE}{{1,60}}?)(?P<rest>[.:](?!\w)|$)",
    re.IGNORECASE,
)
"""A title that names a direction in words, after a label or up to three words: ``Sync New
Salesforce Leads to Dynamics 365 Contacts``, ``Поток обратной записи — из Windows Server Active
Directory в Workday``, ``Коннектор Logs API Яндекс.Метрики к ClickHouse``, ``Сервис
синхронизации email адресов из AmoCRM в Unisender``, ``Log data shipping from Managed
Kubernetes to ClickHouse``."""


def _direction_in_words(text: str, products: re.Pattern[str], extra: dict[str, list[str]]) -> str:
    """``text`` as ``A -> B: text`` when it opens with a title naming a direction in words and
    one product of the catalogue on each side of it; else as it is."""
    if ARROW.search(text):
        return text
    found = _TITLE_DIRECTION.match(text)
    if found is None:
        found = _NAMED_THEN_TITLED.match(text)
        names_only = found is not None and all(
            products.fullmatch(found[side].strip(" *_`")) for side in ("a", "b")
        )
        if not names_only:  # ``Tilda отправляет заявку в amoCRM через вебхук``: a sentence
            return text
    if any(_names_a_credential(found[side], products) for side in ("a", "b")):
        return text  # ``exchange the Teams token to the SAP BTP access token``: tokens
    title = _LABEL.sub("", found["title"], count=1)  # ``Apache Pulsar: Streaming X to …``
    sides = [
        _written_product(name, products) or _products_in(side, products, extra) or _named_side(name)
        for side, name in ((title + found["a"], found["a"]), (found["b"], found["b"]))
    ]
    (senders, receivers), listed = sides, _LISTED.search(found["b"]) is not None
    if len(senders) != 1 or not (len(receivers) == 1 or listed) or senders[0] in receivers:
        return text
    return f"{senders[0]} -> {', '.join(receivers)}: {text[: found.end('b')].strip()}"


_CREDENTIAL = re.compile(
    r"\s+(?:[\w-]+\s+)?" + alternation(KEPT_SECRET_WORDS) + r"(?!\w)", re.IGNORECASE
)
"""A word for a secret right after a product (``Microsoft Teams token``, ``SAP BTP Access
Token``): the product's credential is meant, not the product."""


def _names_a_credential(side: str, products: re.Pattern[str]) -> bool:
    """Whether a side of a direction names a product's credential (``the user's Microsoft
    Teams token``) rather than the product."""
    return any(_CREDENTIAL.match(side, found.end()) for found in products.finditer(side))


def _products_in(text: str, products: re.Pattern[str], extra: dict[str, list[str]]) -> list[str]:
    """The products of the catalogue ``text`` names, each once, as the catalogue spells them."""
    found = (catalogue_spelling(m.group(), extra) for m in products.finditer(text))
    return list(dict.fromkeys(found))


def _written_product(side: str, products: re.Pattern[str]) -> list[str]:
    """A side of a direction that names one product of the catalogue after who runs it
    (``Managed Service for ClickHouse®``, ``Managed Kubernetes``) as the document writes it,
    its mark and a bracket after it aside; none for any other side (a list, a sentence, the
    product alone, a product with its records ``Dynamics 365 Contacts``)."""
    name = _WRITTEN_NOTE.sub("", side).strip(' *_`"«»')
    found = list(products.finditer(name))
    if len(found) != 1 or found[0].end() != len(name) or len(name.split()) > MAX_WRITTEN_WORDS:
        return []
    before = name[: found[0].start()].split()  # ``Logs API Яндекс.Метрики``: not who runs it
    if not before or not names_who_runs_it(before):
        return []
    return [name]


_WRITTEN_NOTE = re.compile(r"[®™]|\s*\([^()]*\)\s*$")
MAX_WRITTEN_WORDS = 5


def _named_side(side: str) -> list[str]:
    """A side of a title that names no product of the catalogue as its one end when it reads
    as a name (``из ЮKassa в Мой Налог``); else none."""
    name = _TRAILING_NOTE.sub("", side).strip(' *_`"«»')
    if VARIABLE.search(name) and not VARIABLE.fullmatch(name):
        return []  # ``витрину {{ CH }}``: a site's variable is a name only as the whole side
    return [name] if looks_like_a_name(name) else []


_TRAILING_NOTE = re.compile(
    r"\s+(?:для|for|с\s+помощью|при\s+помощи|using|via)\s.*$|\s*\([^()]*\)\s*$", re.IGNORECASE
)
"""What a title says after its end: who it is for, the tool it is done with, a note in
brackets."""


_LABEL = re.compile(r"^[^:—]{1,40}[:—]\s*")
"""A list item's label before the title it goes on with: the item's name, no end."""


_LISTED = re.compile(r",\s|\s(?:и|and|&)\s", re.IGNORECASE)
"""The receivers of a title listed (``в Object Storage и ClickHouse``): an edge to each."""


_MOVED_FROM_TO = re.compile(
    r"(?<!\w)(?:" + alternation([_russian_stem(w) for w in MOVE_VERBS], stems_only=True) + r")"
    r"[^.;!?]{0,40}?\s(?:from|из)\s+(?:an?\s+|the\s+)?(?P<a>[^.;!?]{1,40}?)\s+"
    r"(?:\w+\s+){0,3}?(?:to|into|в|во)\s+(?:an?\s+|the\s+)?(?P<b>[^.;!?]{1,40})",
    re.IGNORECASE,
)
"""A verb that moves data, then ``from A … to B`` in one sentence (up to three words after
``A``: ``from a PostgreSQL database to``)."""


_MADE_FROM = re.compile(
    r"(?<![\w-])(?i:creates?|creating|builds?|adds?|generates?|imports?|updates?)\s+"
    r"(?:(?:[\w*-]+\s+){1,3}?(?:in|into|within)\s+(?:the\s+)?(?P<b>[A-Z][\w.&-]*(?:\s+[A-Z0-9][\w.&-]*){0,2})"
    r"|(?P<product>[A-Z][\w.&-]*(?:\s+[A-Z0-9][\w.&-]*){0,2})\s+(?:[a-z][\w-]*\s+){1,2}?)"
    r"\s*from\s+(?:the\s+)?(?P<a>[A-Z][^.;!?]{0,40})"
)
"""A verb that makes records, the product they are made in (``in ERPNext``, or the product
before the records: ``ERPNext items``), then ``from`` the product they come from."""


_NOT_DONE = re.compile(
    r"(?:\b(?:fail(?:s|ed)?\s+to|not|never|no\s+longer|cannot|can't|won't|doesn't|don't"
    r"|(?:blocked|prevented|excluded|kept|stopped|barred)\s+from)"
    r"|(?<!\w)(?:не|нельзя|никогда))\s+(?:\w+\s+)?$",
    re.IGNORECASE,
)
"""Words right before a verb of moving that say the move does not happen (``will fail to
sync``, ``not syncing``, ``blocked from syncing``, ``не выгружает``)."""


_RECORDS_TO = re.compile(
    r"(?P<a>[A-ZА-ЯЁ][\w.&-]*(?:\s+[\w.&/-]+){1,4}?)"
    r"\s+to\s+(?P<b>[A-ZА-ЯЁ][\w.&-]*(?:\s+[A-Z][\w.&-]*){0,2})"
)
"""A heading of a product and its records, ``to``, a product and maybe its records."""


_RECORD_NAMES = re.compile(
    r"(?:\s+(?:users?|accounts?|contacts?|leads?|companies|company|deals?|events?|orders?|"
    r"customers?|profiles?|records?|objects?|tickets?|organizations?)\b)+",
    re.IGNORECASE,
)
"""Kinds of record a heading names after a product (`` Leads``, `` Users``)."""


_TRAILING_RECORDS = re.compile(_RECORD_NAMES.pattern + "$", re.IGNORECASE)


def _without_records(side: str) -> str:
    """A side of a heading without the kinds of record it names after its product (``Hull
    Users`` -> ``Hull``)."""
    return _TRAILING_RECORDS.sub("", side).strip()


_NAMED_FOR = re.compile(r"\s+for\s+[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*)?(?![\w-])")
"""What a product's name may go on with: the product it is made for (``Amazon RDS for
PostgreSQL``, ``Managed Service for ClickHouse``)."""


_LIST_ITEM = re.compile(
    r"\s*(?:,\s*(?:and\s+|и\s+)?|\s(?:and|и|&)\s+)(?:(?:to|into|в|во)\s+)?", re.I
)
"""What separates the receivers listed after a first one: a comma, ``and`` / ``и`` / ``&``,
with the preposition said again or not (``to A and to B``)."""


_LATER_DIRECTION = re.compile(
    r"(?:[\w-]+\s+){0,3}?(?:from|из)\s+(?P<a>[^.;!?]{1,40}?)\s+(?:to|into|в|во)\s+"
    r"(?P<b>[^.;!?]{1,40}?)[.!]?",
    re.IGNORECASE,
)
"""A sentence that only names a direction (``From Adobe Commerce to Hubspot.``, ``Shipment
status from Hubspot to Adobe Commerce``)."""


_LEADING_NAME = re.compile(r"[A-ZА-ЯЁ][\w&.-]*(?:\s+[A-ZА-ЯЁ][\w&.-]*){0,2}(?=[\s,;.]|$)")
"""The capitalised words an end of a sentence opens with (``Fluent Commerce`` of ``Fluent
Commerce when the connector is installed``)."""


_ONE_ENDED = re.compile(
    r"^\W*(?:"
    + alternation([_russian_stem(w) for w in SYNC_WORDS], stems_only=True)
    + r")\s+[^.:;!?]{0,60}?\s(?P<way>from|из|to|into|в|во)\s+(?P<named>[^.:;!?()]{1,40}?)"
    r"\s*(?:\([^()]*\))?[.;]?$",
    re.IGNORECASE,
)
"""A sync line naming one end (``Synchronize inventory quantity from MoneyWorks``,
``Экспорт заказов в МойСклад``)."""


def _first_words(text: str) -> str:
    """The capitalised words ``text`` opens with (``D365 F&O`` of ``D365 F&O.``)."""
    words = []
    for written in text.split():
        word = written.strip(".,;:*_`")
        if not (word[:1].isupper() or word[:1].isdigit()) or len(words) == MAX_SUBJECT_WORDS:
            break
        words.append(word)
    return " ".join(words)


def _acts(verb: str) -> bool:
    """Whether ``verb`` is the form a tool's feature opens with (``sends``, ``отправляет``)."""
    return verb.endswith("s") if verb.isascii() else verb.endswith(("ет", "ит", "ёт"))


_ACTING_VERB = alternation([v for v in (*WRITE_VERBS, *READ_VERBS, *MOVE_VERBS) if _acts(v)])
_LOOKING = r"(?:Редактир|Смотр|Посмотр|Просмотр|Откр|Перей|Перех|Чит|Измен)"
"""Russian verbs of looking at or editing a page (``Редактировать на GitHub``, ``Открыть в
Postman``): what a reader does with the page, nothing its subject moves."""

_ACTED = re.compile(
    r"^\W*(?:(?:[A-Z][a-z]+s|[А-ЯЁ][а-яё]+(?:ет|ит|ёт))\s+(?:and|и)\s+)?"
    rf"(?:(?i:{_ACTING_VERB})|(?!{_LOOKING})[А-ЯЁ][а-яё]+(?:ать|ять|ить|овать|евать|ывать|ивать))"
    r"[^.:;!?]{0,60}?\s(?P<way>to|into|in|on|via|through|from|в|во|на|из|от|через)\s+"
    r"(?:the\s+|an?\s+|your\s+)?",
)
"""A line opening with what its subject does, up to the product it does it to or from
(``Validates and stores submissions in ``, ``Sends email notifications via ``), or with
what it lets one do (``Выгружать заказы в ``, under ``Модуль позволяет``)."""


_TRIGGER = re.compile(r"^\W*(?:trigger|триггер|событие)\W*:\W*", re.IGNORECASE)
_ACTION = re.compile(r"^\W*(?:action|действие)\W*:\W*", re.IGNORECASE)
"""The labels of an automation recipe's two lines (``*Trigger*:``, ``Действие:``)."""


_RUSSIAN_MOVE_STEMS = sorted({_russian_stem(v) for v in MOVE_VERBS if not v.isascii()})
"""The stems of the Russian verbs that move data, for their infinitives after a modal
(``будет передавать``, ``может отправлять``)."""

_MODALS = ("will", "can", "should", "must", "may", "would", "could")
_RUSSIAN_MODALS = ("будет", "будут", "может", "могут", "должен", "должна", "должно", "должны")
"""Words before a verb's bare form (an infinitive in Russian) that change no direction."""


def _after(*words: str) -> str:
    """A pattern that holds right after one of ``words`` and a space (lookbehinds, each of its
    own width)."""
    return "(?:" + "|".join(rf"(?<={w}\s)" for w in words) + ")"


_SUBJECT_MOVED = re.compile(
    r"^\W*(?:(?i:once|when|whenever|after|as\s+soon\s+as|когда|после)\s[^,;:.]{1,80},\s*)?"
    r"(?P<a>[^\s*_`][^.;:!?,]{0,38}?)\W*\s+"
    # a first action (``builds a new image and``, ``: Takes Zammad webhook event … and``)
    r"(?P<first>(?:[a-z]+s|(?<=:\s)[A-Z][a-z]+s)\s[^.;:!?,]{1,40}?\s(?:and|then|и)\s+)?"
    r"(?:(?:also|then|[a-z]+ly)\s+)?"  # ``Segment then forwards``, ``… automatically sends``
    rf"(?:(?P<modal>{'|'.join((*_MODALS, *_RUSSIAN_MODALS))})\s+(?:also\s+|then\s+|также\s+)?)?"
    r"(?:(?:is|are)\s+(?:responsible\s+for|in\s+charge\s+of|used\s+to)\s+|handles\s+)?"
    r"(?i:"
    + alternation([v for v in MOVE_VERBS if _acts(v)])
    + "|"
    + _after(*sorted({m[-2:] for m in _RUSSIAN_MODALS}))  # ``может отправлять``
    + "(?:"
    + alternation(_RUSSIAN_MOVE_STEMS, stems_only=True)
    + r")[а-яё]*ть|"
    + _after("s", *_MODALS, "for", "of", r"used\sto")  # ``Currents stream``, ``will send``
    + "(?:"
    + alternation([v for v in MOVE_VERBS if v.isascii() and not _acts(v) and v.isalpha()])
    + r"))[^.;:!?]{0,80}?\s(?:to|into|в|во)\s+(?:the\s+|an?\s+)?(?P<b>[^.;:!?]{1,60})"
)
"""A sentence whose subject moves data to a receiver (``Adobe Commerce synchronizes new
orders to D365 F&O``, ``Braze Currents stream data to Amazon S3``, ``Zapier will send the lead
to HubSpot``, ``Tilda будет передавать заявки в amoCRM``), maybe after a first
thing it does (``GitHub Actions builds a new image and pushes it to``) or a clause of
when (``Once an order is placed, the Subscription sends a message to Pub/Sub``)."""

_ARTICLE = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)

_SUBJECT_RECEIVED = re.compile(
    r"^\W*(?:(?i:once|when|whenever|after|когда|после)\s[^,;:.]{1,80},\s*)?"
    r"(?P<a>[^\s*_`](?:[^.;:!?,]|\.(?=\w)){0,38}?)\W*\s+"
    r"(?i:receives|gets|reads|pulls|fetches|retrieves|consumes|collects|ingests|imports|"
    r"получает|принимает|забирает|считывает|читает|загружает|собирает|импортирует)"
    r"\s(?:[^.;:!?]{0,60}?\s)?(?i:from|от|из|с|со)\s+(?P<b>[^.;:!?]{1,80})"
)
"""A sentence whose subject takes data from a sender (``ATA Center receives data from the
ATA Gateways``, ``Центр ATA получает данные от шлюзов ATA``)."""

_GAP_WORD = r"(?:(?!(?i:to|into|в|во|and|или|и|or|&)\s)[\w-]+\s+)"
_FIRST_GAP = re.compile(
    r"\s*(?:(?i:the|an?|all|every|each|всех|каждого|каждой)\s+)?" + _GAP_WORD + "{0,2}?"
)
_ONWARD = re.compile(r"\s+(?:to|into|в|во)\s+(?:the\s+)?(?P<to>\S.*)", re.IGNORECASE)
"""A receiver named after the senders of a ``from`` side (``from Amazon to SAP S4HANA``)."""
_JOINED_GAP = re.compile(r"\s*(?:,|,?\s*(?i:and|or|и|или|&))\s*" + _GAP_WORD + "{0,2}?")
"""What may stand before the first sender of a ``from`` side, and between two senders."""

_TAKEN = re.compile(
    rf"(?i:receives|takes|gets|accepts|(?:{'|'.join(READING_STEMS)})\w*)\s+"
    r"(?:(?i:the|a|an|new|all)\s+)?"
    r"(?:(?P<before_data>(?:[A-Z][\w.-]*\s+){1,3}?)(?i:webhooks?|events?|messages?|data|orders?|"
    r"records?|requests?|notifications?|updates?|payloads?|leads?|contacts?)\b"
    r"|[^.;:!?,]{1,40}?\s(?i:from)\s+(?:the\s+)?(?P<after_from>[^.;:!?,]{1,40}?)\s+(?:and|then)\s*$)"
)
"""A first action of taking data, and the system it comes from: the name before what is
taken (``receives the Zammad webhook event``) or after ``from`` (``reads orders from Shopify``)."""


_NAMED_THEN_TITLED = re.compile(  # an empty ``title``: read as _TITLE_DIRECTION's matches are
    r"^(?P<title>)(?P<a>[^:—.!?]{1,40}?)\s+(?:to|into|в|во|к|ко|->|→)\s+"
    r"(?P<b>[^:—.!?]{1,40}?)\s+(?:(?:"
    + alternation([_russian_stem(w) for w in TITLED_AFTER_WORDS], stems_only=True)
    + r")\W*$|(?:using|via|through|с\s+помощью|через)\s)",
    re.IGNORECASE,
)
"""A title that names its two products first and what carries the data last: ``Twilio to
Slack Bridge``, ``Shopify to Klaviyo Sync``, ``amoCRM → Unisender integration``, ``MSK to
Salesforce using EventBridge Pipes``."""


def _way_as_arrow(match: re.Match[str]) -> str:
    """``what (A -> B) rest`` as ``A -> B: what rest``, unless the bracket is the path to a name
    just written before it (``Secret Manager (Security -> Secret Manager)``: a menu path)."""
    if match["b"].casefold() in match["what"].casefold():
        return match.group()
    return _as_arrow(match)


def _as_arrow(match: re.Match[str]) -> str:
    """``what (из A в B) rest`` or ``what из A с B`` as ``A -> B: what rest``."""
    sender = match["a"] or match.groupdict().get("a_in")
    receivers = _PREPOSITION_AGAIN.sub(", ", match["b"])  # ``to A and to B``: two receivers
    return f"{sender} -> {receivers}: {match['what'].strip()}{match['rest']}"


_PREPOSITION_AGAIN = re.compile(r",?\s+(?:and|и)\s+(?:to|into|в|во)\s+", re.IGNORECASE)
"""``and to`` / ``и в`` between two receivers of one transfer."""


def document_subject(title: str | None) -> str | None:
    """The tool a document's title names, the part before a dash or colon when that is a
    short name (``Tightlock - First-Party Data Tool``, ``medusa-plugin-moneyworks``); None
    for a title that says something (``Общие сведения о приеме данных``) or names a transfer
    or a pair (``ERPNext Medusa Integration``)."""
    if not title:
        return None
    title = without_emoji(title)  # ``🧾 SmartSheetConnect``
    name = re.split(r"\s[-—–|:]\s|:\s", title, maxsplit=1)[0].strip(" *_`#")
    if not name or len(name.split()) > MAX_SUBJECT_WORDS or not name[:1].isalnum():
        return None
    if _ONE_PRODUCTS_TOOL.fullmatch(name):
        return name  # ``NuOrder Integration``: the integration of one product, a tool
    if _SUBJECT_NOT.search(name) or ARROW.search(name) or _ABOUT.search(name):
        return None
    return name


_ONE_PRODUCTS_TOOL = re.compile(
    r"[A-Z][\w.-]*\s+(?:Integration|Connector|Plugin|Extension|App|Bot|Adapter|Bridge)"
)
"""A title naming one product and the tool made for it (``NuOrder Integration``, ``Klaviyo
Connector``): the tool is the document's subject."""


MAX_SUBJECT_WORDS = 3


_ABOUT = re.compile(alternation(DOCUMENT_WORDS, stems_only=True) + r"|^ADR\b", re.IGNORECASE)
"""A title that says what kind of page it is (``Architecture Overview``, ``Сценарий``,
``ADR-003``), not which tool."""


def _a_name_not_a_maker(text: str) -> bool:
    """Whether words read as a system's name and are not a maker's or a cloud's alone (``into
    AWS``: the place of many products, named for none of them)."""
    maker = text.casefold() in VENDOR_WORDS or text.casefold() in PLATFORM_BRANDS
    return looks_like_a_name(text) and not maker


def looks_like_a_name(text: str) -> bool:
    """Whether an end no catalogue knows reads as a system's name: up to three words, each
    capitalised (``MoneyWorks``, ``Business Central``), and no file format (``CSV``)."""
    words = text.split()
    return (
        0 < len(words) <= MAX_SUBJECT_WORDS
        and all(w[:1].isupper() or w[:1].isdigit() for w in words)
        and text.casefold() not in FORMAT_WORDS
    )


_SUBJECT_NOT = re.compile(
    alternation(
        [_russian_stem(w) for w in (*SYNC_WORDS, *TITLE_WORDS, *TITLED_AFTER_WORDS)],
        stems_only=True,
    )
    + r"|\s(?:to|from|в|из|и|and|&|with|с)\s",
    re.IGNORECASE,
)
