"""How one step of a process list reads: its two ends (the first systems of its first clause,
the one after ``из`` / ``from`` the sender), the engine or component as the other end of a
step that names one system, and the more edges it states (systems listed together, a second
action, a pronoun, participle or own-subject clause), each on the line that names it."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from itertools import pairwise
from typing import NamedTuple

from flowviz.model import Step
from flowviz.parse.arrows import ARROW
from flowviz.parse.flows import method_in
from flowviz.parse.keywords import (
    ACTION_NOUNS,
    ATTACHED_WORDS,
    BASIS_MARKERS,
    CARRIER_MARKERS,
    ENGINE_PART_WORDS,
    FOLLOW_WORDS,
    KEPT_SECRET_WORDS,
    KEPT_VERBS,
    KIND_WORDS,
    MAPPING_VERBS,
    METHOD_MARKERS,
    MOVE_VERBS,
    PARTICIPLES,
    PERSON_WORDS,
    PURPOSE_MARKERS,
    READ_VERBS,
    READING_STEMS,
    RECEIVE_VERBS,
    SOURCE_MARKERS,
    SUBJECT_PRONOUNS,
    TARGET_MARKERS,
    TRIGGER_VERBS,
    WATCH_MARKERS,
    WRITE_VERBS,
    alternation,
)
from flowviz.parse.participants import subject_of
from flowviz.parse.systems import ACTOR_WORDS
from flowviz.parse.text import MARKDOWN_LINK, SENTENCE_BREAK, WEBHOOK_AFTER, leading_number

_PERSON = re.compile(alternation(PERSON_WORDS, stems_only=True), re.IGNORECASE)


_METHOD = re.compile(alternation((*METHOD_MARKERS, *PURPOSE_MARKERS)), re.IGNORECASE)


_SENDER_MARKERS = (*SOURCE_MARKERS, *BASIS_MARKERS, *WATCH_MARKERS)


_HELD_IN = r"(?:the\s+)?(?:[a-z]+\s+){1,3}(?:in|of)\s+(?:the\s+)?"
"""What a sender holds, named between ``from`` and the sender (``from the event data in S3``)."""


_EXAMPLES = r"(?:[^\s,.;:]+\s+){1,6}(?:such\s+as|like|including|e\.g\.,?|например|такие\s+как)\s+"
"""Sorts of systems and the word that names examples of them (``from their data warehouse or
data lake such as``, ``в хранилища, такие как``): the marker before the sorts stands for the
examples."""


_SOURCE = re.compile(
    r"(?:" + alternation(_SENDER_MARKERS) + rf")\s+(?:\S*\s*|{_HELD_IN}|{_EXAMPLES})$",
    re.IGNORECASE,
)


_BRACKETS = re.compile(r"\([^()]*\)")
"""A bracket after a name is another name of it or a note (``Object Storage (S3)``)."""


_CLAUSES = re.compile(
    r";\s+|\.\s+(?=[A-ZА-ЯЁ])|,\s+(?:\w+\s+)?(?=(?i:" + alternation(ATTACHED_WORDS) + r")\b)"
    r"|,?\s+so\s+that\s+"
)
"""Where a step's first clause ends: a sentence, a ``;``, what goes along (``, optionally
including a CRM link``), or what it is for (``… in HubSpot so that Vitally can link …``)."""


_LATER_CLAUSES = re.compile(
    r";\s+|\.\s+(?=[A-ZА-ЯЁ])|,\s+(?=(?:" + alternation((*SUBJECT_PRONOUNS, *PARTICIPLES)) + "))",
    re.IGNORECASE,
)


_FOLLOW = alternation(FOLLOW_WORDS)


_PERSON_SUBJECT = re.compile(rf"\s*(?:{_FOLLOW}[\s,]+)?(?:you|we|вы|мы)\b", re.IGNORECASE)
"""A later clause addressed to the reader (``You can also bring in data from X``): its one
system moves data to or from the step's engine."""


_ANSWER_VERBS = ("returns", "responds", "replies", "raises")
"""Verbs of a later action by which a step's subject answers or signals the system named after
``to`` (``… and raises an external event to Saga Orchestrator``)."""

_ACTION_VERBS = (*WRITE_VERBS, *READ_VERBS, *(v for v in MOVE_VERBS if v.isascii()), *_ANSWER_VERBS)
_ACTIONS = re.compile(
    r",?\s+(?:and|then|и|а|затем|потом)\s+(?="
    + alternation(_ACTION_VERBS)
    + r"|[а-яё]+(?:ет|ит|ют|ят|ется|ится)\b)"
    + r"|,\s+(?="
    + alternation(tuple(v for v in _ACTION_VERBS if v.endswith("s")))
    + r"\s)",
    re.IGNORECASE,
)
"""Where a step's first clause goes on with another action of its subject (``… and adds it
to the Mailchimp audience``, ``… и сохраняет их в ClickHouse``, ``… and returns query results
to Amazon QuickSight``, ``…, persists the event data on Cosmos DB``); not a participle after a
comma (``…, importing the files from the bucket``: what the action does, not another)."""


_PRONOUN_SUBJECT = re.compile(
    rf"\s*(?:{_FOLLOW}[\s,]+)?{alternation((*SUBJECT_PRONOUNS, *PARTICIPLES))}"
    rf"(?:\s+{_FOLLOW})?",
    re.IGNORECASE,
)


_MARKED = re.compile(
    r"(?:^|\s)(?P<marker>" + alternation((*SOURCE_MARKERS, *TARGET_MARKERS)) + r")"
    r"(?:(?:\s+\S+){0,2}\s*|\s+" + _EXAMPLES + r")$",
    re.IGNORECASE,
)
"""A preposition of place up to two words before a system (``на следующую очередь``), or
before the sorts it is an example of (``from data lakes such as``)."""


_WORD = re.compile(r"\w+")


_LISTED = re.compile(
    r"[^\s,]+(?:\s+[^\s,]+){0,3}(?:\s*,\s*[^\s,]+(?:\s+[^\s,]+){0,3})*"
    r"(?:\s*,\s*(?:(?:and/or|and|or|и|или)\s+)?|\s+(?:and/or|and|or|и|или|&|/)\s+)"
    r"(?:(?:to|into|from|в|во|на|из)\s+)?(?:the\s+)?(?:[a-z]+-[a-z]+\s+)?",
    re.IGNORECASE,
)
"""A name (up to four words) and what joins it to the next one of a list (``HubSpot, ``,
``Google Ads and/or ``, ``ClickHouse и в ``, ``Fluent Bit / ``), maybe over items between them
that are no systems (``AWS Step Functions, AWS CloudFormation, AWS Lambda``)."""


_TO_WORDS = frozenset(TARGET_MARKERS)


_NEXT_ACTION = re.compile(r",|\b(?:и|а|затем|потом|and|then)\b")


_VERBS = {**dict.fromkeys(WRITE_VERBS, "write"), **dict.fromkeys(READ_VERBS, "read")}


Names = Callable[[str], list[tuple[int, str]]]
"""Systems named in a text: (position, system id), left to right."""


def _at_statement(edge: Step, text: str, names: Names, lines: Sequence[str]) -> Step:
    """The edge of a step written over several lines of the document on the line where the
    sentence naming both its ends opens (``… in a BigQuery table. Once done, QueryRunner sends
    a Pub/Sub message``), else where its first end is named (a bold title, then a sentence)."""
    opening = _sentence_naming(edge, text, names)
    if opening:
        line = _line_of(text, opening, edge.line, lines)
        return edge if line is None else edge.model_copy(update={"line": line})
    spots = [at for at, system in names(text) if system in (edge.source, edge.target)]
    first_line = lines[edge.line - 1] if 0 < edge.line <= len(lines) else ""
    word = re.match(r"[\w.+/-]+", text[spots[0] :]) if spots else None
    if word is None or word.group() in first_line:
        return edge
    taken = len(first_line.strip())
    for offset, source in enumerate(lines[edge.line : edge.line + MAX_STEP_LINES], 1):
        if taken > len(text) or not source.strip():
            break
        if word.group() in source:
            return edge.model_copy(update={"line": edge.line + offset})
        taken += len(source.strip()) + 1
    return edge


MAX_STEP_LINES = 12
"""How far below a step's first line its statement may be looked for."""


def _sentence_naming(edge: Step, text: str, names: Names) -> int:
    """Where the first sentence of ``text`` that names both ends of ``edge`` opens; 0 when it is
    the first sentence or none names both."""
    starts = [0, *(m.end() for m in SENTENCE_BREAK.finditer(text))]
    for start, end in zip(starts, [*starts[1:], len(text)], strict=True):
        named = {system for _, system in names(text[start:end])}
        if {edge.source, edge.target} <= named:
            return start
    return 0


def _line_of(text: str, at: int, first: int, lines: Sequence[str]) -> int | None:
    """The line of the document, at or below ``first``, on which the sentence of ``text``
    opening at ``at`` is written, found by its first word; None when it is not found."""
    word = re.match(r"[\w.+/-]+", text[at:])
    taken = len(lines[first - 1].strip()) if 0 < first <= len(lines) else 0
    if word is None or at < taken:
        return None
    for offset, source in enumerate(lines[first : first + MAX_STEP_LINES], 1):
        if not source.strip():
            break
        taken += len(source.strip()) + 1
        if word.group() in source and at <= taken:
            return first + offset
    return None


def _point(text: str, line: int, step: Step, names: Names, *, nested: bool = False) -> Step:
    """A point under a sub-heading step, read as a step of its own; one that names no system
    is about the one system its heading names (``### Gmail Trigger`` / ``- Retrieves new
    emails``), and is stated on the heading's line (on its own when ``nested``); a nested one
    that names only where data goes receives it from the step's system."""
    point = _step(text, line, step.number, names)
    if point.source is None and step.source is not None and step.target is None:
        return point.model_copy(
            update={"source": step.source, "line": line if nested else step.line}
        )
    one = point.source is not None and point.target is None and point.source != step.source
    if nested and one and step.source is not None and _sends_to_engine(point, names) is False:
        # ``GitHub Actions builds an image`` / ``- It's published to GitHub Container Registry``
        return point.model_copy(update={"source": step.source, "target": point.source})
    return point


def _implied(step: Step, engine: str | None, names: Names) -> Step:
    """The step with the engine as its other end. The named system is the sender after a read
    verb (``Get``, ``Fetches``), after ``from`` / ``из``, or as the step's subject (``Pub/Sub
    triggers the function``); the receiver after a write verb (``Creates``, ``Adds``) or
    after ``to`` / ``в`` (``The output is written as a CSV to Cloud Storage``)."""
    if engine is not None and step.source is None and step.target not in (None, engine):
        return step.model_copy(update={"source": engine})  # ``Slack gets an alert``
    if engine is None or step.target is not None or step.source in (None, engine):
        return step
    if _other_actor(step.text, names) or _person_opens(step.text):
        return step  # ``Segment forwards events to Amplitude``: Segment sends, not the engine
    sends = _sends_to_engine(step, names)
    if sends is None:
        return step
    if sends:
        return step.model_copy(update={"target": engine})
    return step.model_copy(update={"source": engine, "target": step.source})


def _other_actor(text: str, names: Names) -> bool:
    """Whether a step's subject is a name of its own that no system of the document bears
    (``Segment forwards events to Amplitude``): the step's sender is that name, not the
    engine."""
    subject = subject_of(text)
    if subject is None or names(subject) or _PERSON.match(subject):
        return False
    if subject.split()[-1].casefold() in ENGINE_PART_WORDS:
        return False  # ``Webhook receives the lead``: a part of the engine
    _, body = leading_number(text.replace("`", ""))  # a bold name is a step's title
    proper = all(word[:1].isupper() or word[:1].isdigit() for word in subject.split())
    return proper and re.match(rf"(?:[Tt]he\s+)?{re.escape(subject)}\s+[a-zа-яё]", body) is not None


def _person_opens(text: str) -> bool:
    """Whether a step opens with a person as the subject of its verb (``User uses Amazon
    Cognito to log in``, ``Software developer makes an API request``): what it names is the
    person's doing, the engine no end of it (``Each customer ID is pushed …`` opens with an
    identifier, not a person)."""
    _, body = leading_number(text.replace("*", ""))
    words = _ARTICLE_OPENING.sub("", body).split(maxsplit=MAX_PERSON_WORDS + 1)
    for at, word in enumerate(words[:MAX_PERSON_WORDS]):
        if word.casefold().strip(",:") in _PERSON_NOUNS and at + 1 < len(words):
            return words[at + 1][:1].islower()
    return False


MAX_PERSON_WORDS = 2
"""How many words a step's opening person takes at most (``Software developer``)."""
_ARTICLE_OPENING = re.compile(r"^\s*(?:the|a|an|our|your)\s+", re.IGNORECASE)
_PERSON_NOUNS = frozenset(
    form
    for words in ACTOR_WORDS.values()
    for word in (*words, "developer")
    for form in (word, word + "s")
    if " " not in word
)


def _sends_to_engine(step: Step, names: Names) -> bool | None:
    """Whether the one system a step names sends to the engine (True), receives from it
    (False), or the step does not say (None)."""
    verb = next((w for w in _leading_words(step.text) if w in _VERBS), None)
    if verb is not None:
        return _VERBS[verb] == "read"
    _, text = leading_number(step.text)
    if text.rstrip().endswith(":"):
        return None  # a label over a list (``Telegram alerts for:``)
    spots = [(p, text[:p]) for p, system in names(text) if system == step.source]
    if any(_SOURCE.search(b) for _, b in spots):
        return True
    if spots and _METHOD.search(spots[0][1]) and not names(spots[0][1]):
        return False  # ``AI phone call via VAPI``: the engine uses the tool
    marked = next((m for _, b in spots if (m := _MARKED.search(b)) and _ACTION.search(b)), None)
    if marked is not None:  # ``reads the filters from the config Sheet``: the Sheet sends
        return marked.group("marker").casefold() in SOURCE_MARKERS
    if spots and set(_WORD.findall(spots[0][1].casefold())) <= _ARTICLES:
        module = _MODULE_ACTION.match(text, spots[0][0])
        if module is not None and module["verb"].casefold() in _VERBS:
            return _VERBS[module["verb"].casefold()] == "read"  # ``Google Sheets (Add a row)``
        if _TRIGGER_NODE.match(text, spots[0][0]):
            return True  # ``**Telegram Trigger** — событие New Message``: an n8n trigger node
        after = _WORD.findall(text[spots[0][0] :].split(":")[0])
        acting = any(_ACTION.fullmatch(w) and w[:1].islower() for w in after[1:3])
        return True if acting else None  # not a title's noun (``CRM Lead Update``)
    verbs = [w for w in _WORD.findall(spots[0][1].casefold()) if w in _VERBS] if spots else []
    return _VERBS[verbs[0]] == "read" if verbs else None  # ``The function pulls the X data``


_MODULE_ACTION = re.compile(r"[^()\n:–—]{1,40}?\((?:[^()>\n]{1,30}>\s*)?(?P<verb>\w+)")
"""A module of an automation named by its app and, in brackets, its action (``Google Sheets
(Add a row)``, ``Slack (Send a message)``, ``HubSpot (Watch contacts)``), maybe after the
resource it acts on (n8n's ``Pachca (Message > Create)``, ``Pachca (Task > Get Many)``)."""

_TRIGGER_NODE = re.compile(r"[^()\n:–—*]{1,40}?\s+Trigger\b")
"""An automation's trigger node named by its app (``Telegram Trigger``, ``Pachca Trigger``)."""


_ARTICLES = frozenset(
    {"the", "a", "an", "first", "then", "next", "finally", "сначала", "затем", "потом", "далее"}
)
"""What may stand before a step's subject (``The CRM sends``, ``First, Pub/Sub triggers``)."""


_ACTION = re.compile(
    r"\b(?:"
    + alternation((*WRITE_VERBS, *READ_VERBS, *TRIGGER_VERBS, *ACTION_NOUNS))
    + r"|[a-z]+(?:ed|en)|sent|put|got|brought|[а-яё]+(?:ет|ит|ют|ят|тся))\b",
    re.IGNORECASE,
)
"""A word that tells of an action (``triggers``, ``is written``, ``отправляется``): a step
whose system stands after ``to`` with no such word before it (``A reference to the BigQuery
table``) moves nothing."""


def _leading_words(text: str) -> list[str]:
    """The words a step's verb can be: the first of its title and the first after ``: ``
    (``Get X Data: Fetches ...``); a verb later in a sentence says nothing of the step."""
    parts = (_TRYING.sub("", p) for p in text.casefold().split(": ", 1))
    return [words[0] for words in (_WORD.findall(p) for p in parts) if words]


_TRYING = re.compile(r"^\W*(?:tries|attempts|try|attempt|пытается|пробует)\s+(?:to\s+)?")
"""What a step opens with before its verb (``Tries to find a HubSpot contact``)."""


def _blank(match: re.Match[str]) -> str:
    return " " * len(match.group())


def _from_to(
    clause: str, named: list[tuple[int, str]], sender: tuple[int, str]
) -> tuple[str, str] | None:
    """``из X в Y`` / ``from X to Y`` after the step's subject: (X, Y) when a later system
    follows the sender with a preposition of place between them."""
    later = [m for m in named if m[0] > sender[0] and m[1] != sender[1]]
    if not later:
        return None
    between = clause[sender[0] : later[0][0]].casefold()
    if _NEXT_ACTION.search(between):
        return None  # ``из X и сохраняет в Y``: a second action of the subject
    return (sender[1], later[0][1]) if _TO_WORDS & set(between.split()) else None


def _to_between(clause: str, sender: tuple[int, str], receiver: tuple[int, str]) -> bool:
    """Whether a preposition of place stands between a sender after ``from`` and a later
    system (``from X to Y``, ``из X в Y``)."""
    return bool(_TO_WORDS & set(clause[sender[0] : receiver[0]].casefold().split()))


def _not_hosts(clause: str, named: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """``named`` without the systems a clause names as where something runs (``a task running
    in Amazon EC2``) or as a nested part of its doer's run (``initiates a nested Step Functions
    workflow``): no end of a transfer. Content hosted in a store (``assets hosted in the Amazon
    S3 bucket``) is served from it: the store stays an end."""
    kept, host_end = [], -1
    for at, system in named:
        before = clause[max(0, at - 40) : at]
        if _HOSTED.search(before) or (host_end >= 0 and _ON_A_HOST.fullmatch(clause[host_end:at])):
            host_end = _name_end(clause, at)  # ``hosted on Amazon ECS on AWS Fargate``
            continue
        kept.append((at, system))
    return kept


def _not_captured(clause: str, named: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """``named`` without the systems a clause names only as where data it handles was taken
    from earlier (``merge all of the user data captured from both the Web SDK and Shopify
    webhooks into a profile``) or as whose identifier it handles, named nowhere else in it
    (``assign the Shopify customer ID as the user alias``): what the data is, no end."""
    spans = [
        (found.end(), _PHRASE_END.search(clause, found.end()) or None)
        for found in _CAPTURED_FROM.finditer(clause)
    ]
    bounds = [(start, end.start() if end else len(clause)) for start, end in spans]
    return [
        (at, s)
        for index, (at, s) in enumerate(named)
        if not any(a <= at < b for a, b in bounds) and not _its_id(clause, named, index)
    ]


def _its_id(clause: str, named: list[tuple[int, str]], index: int) -> bool:
    """Whether the system ``named[index]`` (not the first) stands only before an identifier
    of its own (``the Shopify customer ID``) and is named nowhere else in the clause."""
    at, system = named[index]
    again = any(other == system for i, (_, other) in enumerate(named) if i != index)
    return (
        index > 0
        and not again
        and _ITS_ID.match(clause, _name_end(clause, at)) is not None
        and _THE.search(clause[:at]) is not None
    )


_CAPTURED_FROM = re.compile(
    r"\b(?:data|events?|information|records?|profiles?)\s+(?:\w+\s+){0,2}?"
    r"(?:captured|collected|received|gathered|ingested|imported|synced)\s+from\s+"
    r"(?:both\s+)?(?:the\s+)?",
    re.IGNORECASE,
)
"""Data named by where it was taken from before (``the user data captured from``)."""
_ITS_ID = re.compile(r"(?:\s+[a-z]+){0,2}\s+(?:ID|IDs|id|ids|identifiers?|tokens?)\b")
"""An identifier a system gives after its name (``the Shopify customer ID``): its data."""
_THE = re.compile(r"\b(?:the|its|their|[a-z]+'s)\s+$", re.IGNORECASE)
_PHRASE_END = re.compile(r"\s(?:into|to|in|onto|with)\s|[,.;:]", re.IGNORECASE)


def _name_end(clause: str, at: int) -> int:
    """Where the name starting at ``at`` ends: before the first word in lower case."""
    found = _NAME_RUN.match(clause, at)
    return found.end() if found else at


_NAME_RUN = re.compile(r"(?:[\w/&.-]+|\([^()]*\))(?:\s+(?:[A-Z0-9][\w/&.-]*|\([^()]*\)))*")
"""A name's words: its first, then those in capitals or brackets (``Amazon ECS``)."""


_HOSTED = re.compile(
    r"\b(?:running|runs|run|deployed)\s+(?:in|on|within)\s+(?:the\s+|an?\s+)?$"
    r"|\bhosted\s+on\s+(?:the\s+|an?\s+)?$"
    r"|(?<![\w-])(?:запущенн|размещенн|размещённ|развернут|развёрнут|работающ)[а-яё]*\s+(?:на|в|во)"
    r"\s+(?:[а-яё][\w-]*\s+){0,2}$"
    r"|\b(?:an?|the)\s+(?:nested|child)\s+$",
    re.IGNORECASE,
)
_ON_A_HOST = re.compile(r"\s+on\s+(?:the\s+|an?\s+)?")
"""``… on AWS Fargate`` right after a host: the host's own platform, a host too."""


def _named_ends(clause: str, names: Names) -> list[tuple[int, str]]:
    """The systems a clause names as ends: those before a method word (``using``, ``через``);
    when it names none there, the one the method word names is the step's one system
    (``Retrieves lead details using CRM API``), or its sender when a receiver follows after
    ``в`` / ``to`` (``отправляет заказ через API Gateway в Booking Service``)."""
    cut = _METHOD.search(clause)
    if cut is None:
        return _not_hosts(clause, _not_captured(clause, names(clause)))
    before = _not_hosts(clause, names(clause[: cut.start()]))
    if len(before) > 1:
        return before
    after = [(at + cut.end(), system) for at, system in names(clause[cut.end() :])]
    if before:
        api = after and _calls_an_api(clause, before[0], after[0])
        onward = len(after) > 1 and _MARKED.search(clause[: after[1][0]][-40:]) is not None
        if onward and _sent_through(clause, before[0], cut, after[0]):
            return [*before, after[1]]  # ``Tilda sends the lead via Kafka to amoCRM``
        carried = after and _sent_through(clause, before[0], cut, after[0])
        read = after and _READ_THROUGH.search(clause[before[0][0] : after[0][0]])
        if api or carried or read:  # ``… through the Stripe API``, ``consumes … through B``
            return [*before, after[0]]
        return before
    if len(after) > 1 and _MARKED.search(clause[: after[1][0]][-40:]):
        return after[:2]  # ``через API Gateway в Booking Service``: the tool passes it on
    return after[:1]


def _sent_through(
    clause: str, subject: tuple[int, str], cut: re.Match[str], tool: tuple[int, str]
) -> bool:
    """Whether the clause's subject sends something and names no receiver but the system
    after ``via`` / ``through`` / ``через`` (``the Lambda builds an email and sends it via
    Amazon SES``): that system is where it goes."""
    if cut.group().casefold() not in CARRIER_MARKERS or tool[1] == subject[1]:
        return False
    name = re.match(r"\S+", clause[subject[0] :])  # ``Transfer consumes …``: a name, no verb
    between = clause[subject[0] + (name.end() if name else 0) : cut.start()]
    return _opens_with(clause, subject[0]) and _SENDING.search(between) is not None


_SENDING = re.compile(
    r"(?<![\w-])(?:"
    + alternation((*WRITE_VERBS, *MOVE_VERBS, *TRIGGER_VERBS))
    + r"|sent)(?![\w-])",
    re.IGNORECASE,
)
"""A verb by which a step's subject sends something on (``sends``, ``publishes``,
``отправляет``); not a part of a compound noun (``Push-уведомлений``)."""


_API_OF = re.compile(r"[^\s,;.]+(?:\s+[^\s,;.]+){0,2}?\s+API\b|API\s+\S")
"""A system's API named after a method word (``through the Stripe API``, ``по API ЮKassa``):
the system the step's subject calls."""


def _calls_an_api(clause: str, subject: tuple[int, str], tool: tuple[int, str]) -> bool:
    """Whether the clause's subject works through another system's API named after a
    method word: that system is the step's receiver."""
    opens = _opens_with(clause, subject[0])
    return opens and tool[1] != subject[1] and _API_OF.match(clause, tool[0]) is not None


def first_clause(text: str, *, doings: bool = False) -> str:
    """A step's first clause, its number, brackets and people blanked out (positions kept),
    and what a person does before it (``When analysts access X,``) unless ``doings``."""
    number, title = leading_number(text)
    body = text if number is None else " " * (len(text) - len(title)) + title
    body = MARKDOWN_LINK.sub(_link_text, body)
    clause = _SPELLED_OUT.sub(_abbreviation, _CLAUSES.split(body)[0])
    clause = _BRACKETS.sub(_blank, _NAMED_IN_BRACKETS.sub(_bracket_name, clause))
    clause = _KIND_SAID.sub(_blank, _FORMAT_OF.sub(_blank, clause))
    return _PERSON.sub(_blank, clause if doings else _after_persons_doing(clause))


def _link_text(found: re.Match[str]) -> str:
    """A link's words where the link stands (``[получает](https://…)``), its marks and address
    blanked, positions kept: the words are the sentence's."""
    return f" {found['text']}".ljust(len(found.group()))


_NAMED_IN_BRACKETS = re.compile(
    r"(?P<kind>\b(?:the|an?)\s+[^()\s,.;:]+(?:\s+[^()\s,.;:]+){0,2}\s+)"
    r"\((?P<name>[A-Z][a-z][\w-]*(?:\s+[A-Z][a-z][\w-]*){0,3})\)"
)
"""A thing of some kind and the name it goes by in brackets (``the Lambda (Log Processor)``,
``an Amazon S3 bucket (Backup Bucket)``): the name is the end; not an abbreviation of the
words before it (``the GitHub Container Registry (GHCR)``)."""


def _bracket_name(match: re.Match[str]) -> str:
    """``the Lambda (Log Processor)`` as ``Log Processor``, the kind blanked (positions kept)."""
    return " " * (len(match["kind"]) + 1) + match["name"] + " "


_SPELLED_OUT = re.compile(
    r"(?P<words>\b(?:[a-z][\w-]*\s+)?[A-Z][\w-]*(?:\s+(?:[A-Z][\w-]*|of|for|and)){1,5})"
    r"(?P<gap>\s+\()(?P<short>[A-Z][A-Za-z]{1,8})\)"
)
"""Capitalised words and the abbreviation after them in brackets (``the Information Mediator
(IM)``, ``the requesting Building Block (RBB)``)."""


def _abbreviation(match: re.Match[str]) -> str:
    """``Payments Building Block (PBB)`` with its brackets blanked (positions kept), when the
    capitals of the abbreviation are the initials of the last words, linking words aside: the
    document may name the system by either (``PBB forwards …``); any other bracket as it was,
    to be blanked."""
    capitals = [c for c in match["short"] if c.isupper()]
    words = [w for w in match["words"].split() if w not in ("of", "for", "and")]
    if len(words) < len(capitals) or any(
        w[0].upper() != c for w, c in zip(words[-len(capitals) :], capitals, strict=True)
    ):
        return match.group()
    return match["words"] + " " * len(match["gap"]) + match["short"] + " "


_KIND_SAID = re.compile(
    r"(?<=\S)\s+(?:—|–|-|\\-)\s+(?:" + "|".join(KIND_WORDS) + r")[а-яё]*(?:\s+[а-яё][а-яё-]*){0,4}",
    re.IGNORECASE,
)
"""What kind of thing a name is, said after a dash (``Unisender Go — сервис управления
email-рассылками``): no second system."""

_FORMAT_OF = re.compile(
    r"(?<!\w)(?:в|во)\s+формат[а-яё]*\s+[^\s,.;:]+"
    r"|(?<!\w)(?:to|into|in)\s+(?:the\s+|an?\s+)?[^\s,.;:]+(?:\s+[^\s,.;:]+)?\s+format(?!\w)",
    re.IGNORECASE,
)
"""A system's format a message is made into (``преобразует сообщение в формат Bitrix24``,
``converts the order to the Shopify format``): no receiver."""


def _after_persons_doing(clause: str) -> str:
    """A step's clause with what a person does first blanked out (``When analysts access
    Analytics Studio, requests are sent to X``: the person is where the request starts)."""
    done = _PERSON_DOES.match(clause)
    return clause if done is None else " " * done.end() + clause[done.end() :]


_WORKING_PEOPLE = ("analyst", "analysts", "marketer", "marketers", "аналитик", "аналитики")
"""People named by their work whom a step may follow (``When analysts access …``), though a
list of their doings is still a flow."""


_PERSON_DOES = re.compile(
    r"^\W*(?:\d{1,2}[.)]\s*)?(?:when|once|after|if|когда|после\s+того\s+как)\s+"
    r"(?:the\s+|a\s+|an\s+)?(?:"
    + "|".join(sorted({*_PERSON_NOUNS, *_WORKING_PEOPLE}, key=len, reverse=True))
    + r")"
    r"\b[^,]*,",
    re.IGNORECASE,
)
"""A step opening with what a person does (``When analysts access Analytics Studio,``): the
systems of that clause are where the person is, no end of what the step then says."""


def new_pairs(joined: Iterable[Step], more: list[Step]) -> list[Step]:
    """The transfers of ``more`` between a pair neither ``joined`` nor the ones before join."""
    seen = {(step.source, step.target) for step in joined}
    out = []
    for transfer in more:
        if (transfer.source, transfer.target) not in seen:
            seen.add((transfer.source, transfer.target))
            out.append(transfer)
    return out


def _follow_ups(step: Step, names: Names, engine: str | None = None) -> list[Step]:
    """Transfers of a step's later actions and clauses: one whose subject is left out (``…
    and adds it to the Mailchimp audience``) or a pronoun standing for the step's first
    system (``Затем она передаёт статью в Service Bus``, ``, which writes the rows to
    BigQuery``) moves that system's data; a clause with a subject of its own (``; Fivetran
    then loads it into Snowflake``) is read as a step of its own."""
    clause = first_clause(step.text)
    first = names(clause)
    subject = None  # unless a system is the step's subject (not ``The function reads … from X``)
    if first and not _MARKED.search(clause[: first[0][0]]):
        subject = first[0][1]
    head, *later = _LATER_CLAUSES.split(step.text)
    out = []
    if subject is not None:
        first_action, *actions = _ACTIONS.split(head)
        out += _called_to_do(step, first_action, names)
        out += [t for action in actions for t in _moved(step, subject, action, names)]
    for clause in later:
        if _PRONOUN_SUBJECT.match(clause):
            out += _moved(step, subject, clause, names) if subject is not None else []
        else:
            own = _step(clause, step.line, step.number, names)
            if own.source and own.target and _starts_with_system(clause, names):
                out.append(step.model_copy(update={"source": own.source, "target": own.target}))
                out += [  # ``B consumes the events in A and then sinks them to C``
                    step.model_copy(update={"source": t.source, "target": t.target})
                    for t in _follow_ups(own, names, engine)
                ]
            elif own.source and not own.target and _PERSON_SUBJECT.match(clause):
                own = _implied(own, engine, names)  # ``You can also bring in data from X``
                out += [own, *_coordinated(own, names)] if own.target else []
            elif (named_again := _named_again(clause, first)) is not None:
                out += _moved(step, named_again, clause, names)  # ``The Lambda function …``
    return out


def _called_to_do(step: Step, action: str, names: Names) -> list[Step]:
    """The transfer of what a step's subject calls its second system to do (``The Log Buffer
    triggers the Lambda to copy objects … to the staging bucket``): that system's own."""
    named = _named_ends(action, names)
    for at, system in named[1:2]:
        if _CALLED.search(action[:at]):
            rest = action[_name_end(action, at) :]
            purpose = _PURPOSE.match(rest)
            done = _moved(step, system, rest[purpose.end() :], names) if purpose else []
            return [t for t in done if not _one_system(t.source or "", t.target or "")]
    return []


def _one_system(a: str, b: str) -> bool:
    """Whether two ids name one system and its part (``salesforce-api`` of ``salesforce``:
    ``invokes Salesforce API to update … to Salesforce``)."""
    return a.startswith(b + "-") or b.startswith(a + "-")


def _named_again(clause: str, named: list[tuple[int, str]]) -> str | None:
    """The system a later sentence's subject names again by a word of its name and its kind
    (``… uses an AWS Lambda function … . The Lambda function sends it to Amazon S3``): the one
    system of the step's first clause whose name holds that word."""
    found = _AGAIN.match(clause)
    if found is None:
        return None
    word = found["word"].casefold()
    systems = {s for _, s in named if word in s.split("-")}
    return systems.pop() if len(systems) == 1 else None


_AGAIN = re.compile(
    r"(?:The|This|That)\s+(?P<word>[A-Z][\w]+)\s+(?:function|service|bucket|database|queue|"
    r"topic|stream|app|application|bot|server|instance|table)\s+[a-z]+s\b"
)
"""A later sentence opening with a system named again: ``The Lambda function extracts``."""


def _starts_with_system(clause: str, names: Names) -> bool:
    """Whether a clause's subject is a system: it names one within its first three words."""
    named = names(clause)
    return bool(named) and len(clause[: named[0][0]].split()) <= 2


def _moved(step: Step, subject: str, clause: str, names: Names) -> list[Step]:
    """The transfer of a clause whose subject is ``subject``: the first system it names after
    ``в`` / ``to`` receives from it, after ``из`` / ``from`` sends to it."""
    named = _named_ends(clause, names)
    called = [(at, s) for at, s in named[:1] if s != subject and _CALLED.search(clause[:at])]
    if called:  # ``… and calls the Command Producer Activity to produce … to Event Hubs``
        at, system = called[0]
        rest = clause[_name_end(clause, at) :]
        purpose = _PURPOSE.match(rest)  # what the called system does: its own transfer
        done = _moved(step, system, rest[purpose.end() :], names) if purpose else []
        return [step.model_copy(update={"source": subject, "target": system}), *done]
    ends = [
        (at, s)
        for at, s in named
        if s != subject and (_MARKED.search(clause[:at]) or _STORED_ON.match(clause[:at]))
    ]
    if not ends:
        return []
    at, other = ends[0]
    marker = _MARKED.search(clause[:at])
    sent = marker is not None and marker.group("marker").casefold() in SOURCE_MARKERS
    pair = (other, subject) if sent else (subject, other)
    return [step.model_copy(update={"source": pair[0], "target": pair[1]})]


_STORED_ON = re.compile(
    r"\W*(?:persists|stores|saves|writes|records|caches)\s[^,;]*?\s(?:on|in)\s+(?:the\s+|an?\s+)?$",
    re.IGNORECASE,
)
"""A later action of keeping something, right before the store it is kept on or in
(``…, persists the event data on Cosmos DB``): the subject writes to that store."""

_PURPOSE = re.compile(r"[`*_\s]*to\s+(?=[a-z]+\s)")
"""``to`` and a verb right after a system a step calls (``calls the Command Producer Activity to
produce …``): what that system is called to do."""

_CALLED = re.compile(
    r"\b(?:calls|invokes|notifies|informs|triggers)\s+(?:the\s+|an?\s+)?$", re.IGNORECASE
)
"""A verb by which a clause's subject turns to the system right after it (``calls the``)."""


def _coordinated(step: Step, names: Names) -> list[Step]:
    """One more transfer for each system listed beside an end of a step (``sends the lead to
    HubSpot, Mailchimp and Slack``, ``из Facebook Ads и Google Ads``): the same step with that
    system at that end."""
    clause = first_clause(step.text)
    named = _named_ends(clause, names)
    out = [step.model_copy(update={"target": s}) for s in _listed_with(step.target, named, clause)]
    out += [step.model_copy(update={"source": s}) for s in _listed_with(step.source, named, clause)]
    return [s for s in out if s.source and s.target and s.source != s.target]


def _listed_with(system: str | None, named: list[tuple[int, str]], clause: str) -> list[str]:
    """The systems written right after ``system``'s first mention, joined to it by commas and
    ``and`` / ``or`` / ``и`` / ``или`` only."""
    at = next((i for i, (_, s) in enumerate(named) if s == system), None)
    if at is None:
        return []
    out: list[str] = []
    for (start, _), (after, other) in zip(named[at:], named[at + 1 :], strict=False):
        if not _LISTED.fullmatch(clause[start:after]):
            break
        if other != system and other not in out:
            out.append(other)
    return out


def _end_order(clause: str, named: list[tuple[int, str]]) -> list[str]:
    """The systems a clause names, the ones listed with its first (its subject) left out
    (``Метрика и GA4 передают события в BigQuery``: the receiver is BigQuery); systems that
    are all one list (``is reported to GA4 and/or Google Ads``) are one end, not each other's
    sender and receiver."""
    ids = list(dict.fromkeys(system for _, system in named))
    if len(ids) < 2:
        return ids
    listed = {ids[0], *_listed_with(ids[0], named, clause), *_slashed_with(named, clause)}
    if len(listed) < len(ids):
        return [ids[0], *(s for s in ids if s not in listed)]
    return ids[:1]


_OWNED_OBJECT = re.compile(
    r"(?<!\w)(?:" + alternation((*WRITE_VERBS, *MOVE_VERBS, *TRIGGER_VERBS)) + r")"
    r"\s+(?:the|a|an|its|their|each|every|this)\s+$",
    re.IGNORECASE,
)
"""A verb that moves something and the article of its object, right before a system that is
only the object's owner (``sends the HubSpot deal to Salesforce``)."""

_TO_RECEIVER = re.compile(
    r"^(?:(?!\bto\s)[^,;:]){1,40}?(?:\s+(?!to\b)[a-z][\w-]*){1,3}\s+(?:to|into|onto)\s+"
    r"(?:the\s+)?$"
)
"""What follows the owner up to the receiver: the object's lower-case words and ``to``; not a
purpose on the way (``calls the Command Producer Activity to produce a command to …``)."""


def _without_owners(clause: str, named: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """The systems a clause names as ends, less one that only owns the object moved
    (``Zapier sends the HubSpot deal to Salesforce``: Zapier to Salesforce, the deal
    HubSpot's)."""
    for index, ((at, system), (after, _)) in enumerate(pairwise(named)):
        if index == 0 or not _OWNED_OBJECT.search(clause[:at]):
            continue
        owned = _TO_RECEIVER.match(clause[at:after]) and not _NEXT_ACTION.search(clause[at:after])
        if owned and system not in {s for _, s in named[:index]}:
            return named[:index] + named[index + 1 :]
    return named


def _slashed_with(named: list[tuple[int, str]], clause: str) -> list[str]:
    """The systems written right after the first one with a bare slash between them
    (``CRM/Telegram``): alternatives at one end, not each other's sender and receiver."""
    out = []
    for (start, _), (after, other) in pairwise(named):
        if not _SLASHED.fullmatch(clause[start:after]):
            break
        out.append(other)
    return out


_SLASHED = re.compile(r"[^\s/]+/")


_SECRET_KEPT = re.compile(
    alternation(KEPT_SECRET_WORDS)
    + r"(?:\s+\w+){0,2}\s+(?:are|is|будут|\w+\s+)?\s*"
    + alternation(KEPT_VERBS),
    re.IGNORECASE,
)
"""A secret kept somewhere (``credentials are securely stored in …``): no transfer."""

_MAPS = re.compile(r"(?:^|[:*]\s*)Maps\b|" + alternation(MAPPING_VERBS))
"""A mapping of values (``Maps WooCommerce statuses to ERPNext statuses``): names paired, no
transfer (``Google Maps`` is a product)."""


_RECEIVING = re.compile(r"[^\s,;:]+(?:\s+[^\s,;:]+){0,3}?\s+(?:" + alternation(RECEIVE_VERBS) + ")")
"""A name (up to four words) and a verb by which it is given data (``Slack gets``)."""


def _opens_with(clause: str, at: int) -> bool:
    """Whether the system named at ``at`` is the clause's subject: only a label, a number or
    an article before it (``If anomalies detected: Slack gets …``)."""
    before = clause[:at].rsplit(":", maxsplit=1)[-1]
    return set(_WORD.findall(before.casefold())) <= _ARTICLES


_DONE_BY = re.compile(
    r"\b(?:is|are|was|were|be|been|gets|get|being)\s+(?:\w+ly\s+)?(?P<verb>\w+?)(?:ed|d|en)\s+by\s+"
    r"(?:the\s+|an?\s+)?(?:[a-z][\w-]*\s+)?\S*$",
    re.IGNORECASE,
)
"""A passive verb and ``by`` right before the second system, a word of kind perhaps between
(``A is triggered by the CosmosDB``, ``… are written by B``, ``is backed by a custom B``)."""


def _done_by(between: str) -> bool:
    """Whether the words between a step's two systems make the second the sender: a passive
    verb of sending or starting and ``by`` (``is triggered by``, ``are written by``); not one
    of reading (``is queried by B``: B takes the data)."""
    found = _DONE_BY.search(between)
    if found is None:
        return False
    verb = found["verb"].casefold()
    return not any(read.startswith(verb) or verb.startswith(read) for read in READING_STEMS)


_WITH = re.compile(r"\s(?:с|со|with)\s+$", re.IGNORECASE)
"""The word between two systems that joins them with no direction (``Интеграция Azure Data
Explorer с Фабрикой данных Azure``, ``Integration of HubSpot with Slack``)."""


def _step(text: str, line: int, number: int, names: Names) -> Step:
    """A step; its ends are the first two systems its first clause names before any method
    word, the one after ``из`` / ``from`` being the sender; a subject that is given data
    (``Slack gets an urgent alert``) is the receiver."""
    clause = first_clause(text)
    listed = _only_names(clause) or _names_listed(clause, names)
    kept = _SECRET_KEPT.search(clause) or _MAPS.search(clause)
    named = _named_ends(clause, names) if not kept and not listed else []
    named = _without_owners(clause, named)
    ids = _end_order(clause, named)
    source = target = None
    if named and _RECEIVING.match(clause[named[0][0] :]) and _opens_with(clause, named[0][0]):
        target = named[0][1]
        source = next(
            (
                s
                for at, s in named[1:]
                if (_SOURCE.search(clause[:at]) or _ASKS_AT.search(clause[:at]))
                and not _UNNAMED_SOURCE.search(clause[named[0][0] : at])
            ),
            None,
        )
    elif len(ids) >= 2:
        first, second = named[0], next(m for m in named if m[1] == ids[1])
        source, target = ids[0], ids[1]
        if _UNNAMED_SOURCE.search(clause[first[0] : second[0]]):
            source = target = None  # ``gets the object from the bucket based on the SQS message``
        elif _SOURCE.search(clause[: second[0]]) and not _SOURCE.search(clause[: first[0]]):
            source, target = _from_to(clause, named, second) or (target, source)
        elif _SOURCE.search(clause[: first[0]]) and not _to_between(clause, first, second):
            target = None  # ``pulls from the Sheet the Google Ads IDs``: one end, the Sheet
        between = clause[first[0] : second[0]]
        if _WITH.search(between) and not _ACTION.search(between):
            source = target = None  # ``Интеграция A с B``: the two together, no way named
        elif _done_by(between) and (source, target) == (ids[0], ids[1]):
            source, target = target, source  # ``A is triggered by B``: B sends
        elif (source, target) == (ids[0], ids[1]) and _sent_to(clause, first, second):
            source, target = target, source  # ``Events are sent to B as data arrives in A``
        elif (source, target) == (ids[0], ids[1]) and _TO_FETCH.match(clause, second[0]):
            source, target = target, source  # ``A calls B's API to retrieve the balance``
        elif (source, target) == (ids[0], ids[1]) and (
            _second_answers(between) or _webhooks_of(clause, names(clause), target)
        ):
            source, target = target, source  # ``A queries B``, ``via B webhooks``: B sends
        elif (source, target) == (ids[0], ids[1]) and (
            _READS_IN.search(between) or _READ_THROUGH.search(between)
        ):
            source, target = target, source  # ``A consumes the events in B``: B holds them
        elif (source, target) == (ids[0], ids[1]) and _STORED_IN.search(between):
            source, target = target, source  # ``delivers the web UI, hosted in an S3 bucket``
        elif (source, target) == (ids[0], ids[1]) and _carried_to(clause, first, between):
            source, target = target, source  # ``Доставляется в WhatsApp через GREEN-API``
        if _PER.search(between):
            source = target = None  # ``несколько инстансов A на один портал B``: a ratio
        elif _FOR_A_SYSTEM.search(between) and not _SENDING.search(between):
            source = target = None  # ``A tracks the events configured for B``: what it is for
        elif (_SET_UP.search(between) and not _SENDING.search(between)) or _GRANTS.search(between):
            source = target = None  # ``В сервисе A создается канал под …``, ``manages access to``
        elif _person_opens(text) and (_ANOTHER_DOING.search(between) or _OR.search(between)):
            # ``The admin opens A, and uses B``, ``by A or by B``: what a person does
            source = target = None
    elif ids:
        source = ids[0]
    method = method_in(text)
    return Step(
        number=number,
        text=text,
        source=source,
        target=target,
        method=method.group("method").strip() if method else None,
        line=line,
    )


_ANOTHER_DOING = re.compile(r",\s+(?:and\s+|then\s+)?[a-z]+s\s")
"""Another verb of a step's subject between two systems (``…, and uses``): each system is what
the subject does something with, no end of a transfer between them."""


_STORED_IN = re.compile(
    r"\bhosted\s+(?:as\s+[\w\s-]{1,40}?\s+)?in\s+(?:an?\s+|the\s+)?$", re.IGNORECASE
)
"""What a step's subject serves, kept in the system named next (``CloudFront delivers the web
UI which is hosted in an Amazon S3 bucket``): the store sends to the subject."""

_OR = re.compile(r"\b(?:or|или)\s+(?!(?:[a-z]+s|[а-яё]+(?:ет|ит|ют|ят))\b)", re.IGNORECASE)
"""Two systems a person's step names as alternatives (``Users are authenticated by either
Amazon Cognito or by an OpenID connect provider``), not a second doing (``… or exports data
from AWS Clean Rooms to Amazon S3``)."""

_UNNAMED_SOURCE = re.compile(
    r"\bfrom\s+(?:the\s+|an?\s+)?[a-z][\w-]*(?:\s+[a-z][\w-]*)?\s+(?:"
    + alternation(BASIS_MARKERS)
    + r")\s+(?:the\s+|an?\s+)?$",
    re.IGNORECASE,
)
"""A sender named as a thing of no name, then what the step goes by (``gets the object from
the source bucket based on the Amazon SQS message``): the basis is no sender."""


_PASSIVE_TO = re.compile(
    r"\b(?:is|are|was|were|be|been|gets|get|being)\s+(?:\w+ly\s+)?\w+(?:ed|t|en)\s+(?:back\s+)?"
    r"(?:to|into)\s+(?:the\s+|an?\s+)?$",
    re.IGNORECASE,
)
"""A passive verb of sending right before a system (``Event notifications are sent to``,
``Contacts will be sent to``)."""


def _sent_to(clause: str, first: tuple[int, str], second: tuple[int, str]) -> bool:
    """Whether the first system is where a passive verb sends something (``are sent to A``)
    and the second is named after it in a clause of its own (``as new data arrives within
    B``), not as a second action or place (``and stored in B``, ``to A in B``)."""
    between = clause[first[0] : second[0]]
    return (
        _PASSIVE_TO.search(clause[: first[0]]) is not None
        and _NEXT_ACTION.search(between.casefold()) is None
        and _MARKED.search(between[-40:]) is None
    )


_CARRIED_BY = re.compile(r"\s(?:через|via)\s+(?:\S+\s+){0,2}$", re.IGNORECASE)
"""A carrier right before the second system (``в WhatsApp через GREEN-API``)."""


def _carried_to(clause: str, first: tuple[int, str], between: str) -> bool:
    """Whether the first system is where data goes (after ``в`` / ``to``) and the second the
    carrier that takes it there (after ``через`` / ``via``): the carrier sends."""
    marker = _MARKED.search(clause[: first[0]])
    to = marker is not None and marker.group("marker").casefold() in _TO_WORDS
    return to and _CARRIED_BY.search(between) is not None


_FOR_A_SYSTEM = re.compile(r"\s[a-zа-яё][\w-]*\s+(?:for|для)\s+(?:the\s+|an?\s+)?$")
"""``for`` after a word in lower case right before a step's second system (``DynamoDB is used
to track the scheduled events configured for Amazon Personalize``): what the work is for,
where nothing is sent unless a verb between says so (``sends the report for Slack``); not a
name's own ``for`` (``в Managed Service for ClickHouse``)."""

_SET_UP = re.compile(
    r"(?<!\w)(?:созда[её]тся|создаются|настраивается|настраиваются"
    r"|deploys\s+(?:in)?to|is\s+deployed\s+(?:in)?to|powered\s+by)(?!\w)",
    re.IGNORECASE,
)
"""Something made, configured or deployed between a step's two systems (``В сервисе A создается
канал под платформу B и ваше приложение``, ``A web console powered by AWS Amplify deploys into an
S3 bucket``): set-up naming both, nothing sent unless a verb of sending says so."""

_GRANTS = re.compile(
    r"\b(?:manages?|controls?|grants?|ensures?|authorized)\s+(?:\w+\s+)?access\s+to\b",
    re.IGNORECASE,
)
"""Access a system controls right before the second system (``manages user access to the
console …, and the MCP Server``, ``to ensure authorized access to``): who may reach it, nothing
sent, whatever verbs follow in the list."""

_PER = re.compile(
    r"\s(?:на\s+(?:один|одну|одно|каждый|каждую|каждое)|per|for\s+each)\s+(?:\S+\s+){0,2}$",
    re.IGNORECASE,
)
"""A ratio between two systems (``несколько инстансов GREEN-API на один портал Bitrix24``,
``one instance per HubSpot portal``): how many of one go with the other, no transfer."""


_READS_IN = re.compile(
    rf"\b(?:{'|'.join(READING_STEMS)})\w*\s+(?:the\s+|all\s+|new\s+)*\w+(?:\s+\w+)?"
    r"\s+(?:in|on|of|stored\s+in|held\s+in|(?:generated|produced|created|sent|published|"
    r"emitted)\s+by)\s+(?:the\s+|an?\s+)?$",
    re.IGNORECASE,
)
"""A verb of reading, what is read and where it lies or who made it right before the second
system (``The Flink application consumes the events in KDS``, ``reads the messages on the
queue``, ``consumes the event generated by the Validator``): the data comes from that system."""


_READ_THROUGH = re.compile(
    rf"\b(?:{'|'.join(READING_STEMS)})\w*\s[^.;:]{{0,60}}?\s(?:through|via|через)\s+"
    r"(?:the\s+|an?\s+)?$",
    re.IGNORECASE,
)
"""A verb of reading and the way the data comes by right before the second system (``Transfer
consumes the command generated by the orchestrator through Event Hubs``): the data comes from
that system."""


def _webhooks_of(clause: str, named: list[tuple[int, str]], system: str) -> bool:
    """Whether a clause names ``system``'s webhooks (``captures the data via Shopify
    webhooks``): the webhooks are its calls to the other end."""
    return any(
        s == system and WEBHOOK_AFTER.match(clause, _name_end(clause, at)) for at, s in named
    )


def _second_answers(between: str) -> bool:
    """Whether the words between a step's two systems make the second the one that answers
    or publishes: it is queried, looked up, subscribed to or asked (``A queries B``, ``A
    subscribes to the B topic``, ``A запрашивает в B``)."""
    return any(found.search(between) for found in (_QUERIES, _SUBSCRIBED, _ASKS_AT))


_SUBSCRIBED = re.compile(
    r"(?<![\w-])(?:subscribes|subscribed|subscribing|subscribe|listens|listening|listen"
    r"|подписывается|подписываются|подписан[аоы]?|подписанный|слушает|слушают|прослушивает)"
    r"\s+(?:to|on|for|на)\s+(?:the\s+|an?\s+|its\s+)?$",
    re.IGNORECASE,
)
"""A subscription right before the second system (``A subscribes to the B topic``, ``A
listens to B``, ``A подписывается на B``): B publishes what A receives."""

_ASKS_AT = re.compile(
    r"(?<![\w-])(?:запрашива|получа|забира|скачива|считыва)(?:ет|ют|ется|ются)"
    r"(?:\s+[а-яё][\w-]*){0,2}\s+(?:в|во|у)\s+$",
    re.IGNORECASE,
)
"""A Russian verb of asking or getting and ``в`` / ``у`` right before the second system
(``поставщик услуг запрашивает в B токен``, ``получает в B публичный ключ``, ``получает данные
у B``): B answers, the subject receives."""

_QUERIES = re.compile(
    r"\b(?:quer(?:y|ies)|look-?ups?(?:\s+calls?)?\s+(?:to|in|on)|look(?:s|ing)?\s+up"
    r"|(?:(?:can|could|will|to)\s+access|accesses|accessing)(?!\s+to\b))\b[^.;:]{0,60}$",
    re.IGNORECASE,
)
"""A verb of asking before the second system (``The Lambda queries the DynamoDB index``,
``perform lookup calls to the backend systems — S/4HANA``, ``will look up the data in
Firestore``, ``can access the content stored in DynamoDB``): the data comes from the system
asked."""


_TO_FETCH = re.compile(
    r"[^,;.]{0,40}?\bto\s+(?:\w+\s+(?:and|&)\s+)?"
    r"(?:retrieve|fetch|get|obtain|read|pull|load|query|download|look\s+up)\b"
    r"(?![^,;.]{0,60}\bfrom\b)",
    re.IGNORECASE,
)
"""The purpose a step gives after its second system, when it is to take data from it (``calls
the Processor's API to retrieve the balance``, ``communicates with X to authenticate and
fetch``): the data comes from that system, unless the purpose names where it is taken from
(``invokes AWS Lambda to retrieve the list of images from the source``)."""


def _only_names(clause: str) -> bool:
    """Whether a step only lists names after its label (``**AI сервисы** - OpenAI GPT,
    YandexGPT, Anthropic Claude``): systems declared by their role, no transfer."""
    found = _LABEL_END.search(clause)
    tail = clause[found.end() :] if found else clause
    items = [item.strip(" *_`.") for item in _ITEM_SEPARATOR.split(tail.strip())]
    return len(items) >= 2 and all(_NAME_ITEM.fullmatch(item) for item in items)


def _names_listed(clause: str, names: Names) -> bool:
    """Whether a step lists systems with no verb and no direction (``External integrations:
    WhatsApp (via UazAPI), Google Calendar, and a speech-to-text API for voice messages``):
    an inventory, no transfer."""
    named = names(clause)
    if len({system for _, system in named}) < 2 or ARROW.search(clause):
        return False
    joined = _LISTING.search(clause[named[0][0] : named[1][0]]) is not None
    return joined and not _ACTION.search(clause) and not _PLACE.search(clause)


_LISTING = re.compile(r",|\s(?:and|or|и|или)\s", re.IGNORECASE)
_PLACE = re.compile(
    r"(?<![\w-])" + alternation((*SOURCE_MARKERS, *TARGET_MARKERS)) + r"(?![\w-])", re.IGNORECASE
)


_LABEL_END = re.compile(r"^[^:—–]{1,40}?(?:\s[-—–]\s|:\s)")
"""The end of a step's label (``**AI сервисы** - ``, ``CRM: ``)."""
_ITEM_SEPARATOR = re.compile(r"\s*,\s*(?:(?:and|и)\s+)?|\s+(?:and|и)\s+")
_NAME_ITEM = re.compile(r"(?:[A-ZА-ЯЁ0-9][\w.&+/-]*)(?:\s+[A-ZА-ЯЁ0-9][\w.&+/-]*){0,3}")
"""An item of a list of names: up to four words, each opening with a capital or a digit."""


class StepContext(NamedTuple):
    """What reading a step needs besides its text: how systems are named, the engine (or the
    heading's component) that is the other end of a step naming one system, and the
    document's lines (to put each edge on the line that names it)."""

    names: Names
    engine: str | None
    lines: Sequence[str]


def read_step(text: str, line: int, number: int, context: StepContext) -> tuple[Step, list[Step]]:
    """A step with its ends, and the edges it states (itself first), each on its own line; a
    step opening with what came back from a system (``После возвращения данных из A B
    создаёт …``) states first that A sent it to B, then what B does."""
    names = context.names
    returned = _returned_from(text, names)
    body = text if returned is None else " " * returned[1] + text[returned[1] :]
    step = _implied(_step(body, line, number, names), context.engine, names)
    more = _coordinated(step, names) + _follow_ups(step, names, context.engine)
    edges = [step, *new_pairs([step], more)]
    if returned is not None and step.source is not None:
        back = step.model_copy(update={"text": text, "source": returned[0], "target": step.source})
        step = step.model_copy(update={"text": text})
        edges = [back, *new_pairs([back], [step, *edges[1:]])]
    return step, [_at_statement(edge, text, names, context.lines) for edge in edges]


def _returned_from(text: str, names: Names) -> tuple[str, int] | None:
    """The system a step's opening clause says something came back or came from (``After the
    scores return from Amazon Rekognition, AWS Lambda …``, ``После получения ответа от ЮKassa
    сервер …``) and where the clause's subject, named right after it, starts; None for any
    other step."""
    opening = _AFTER.match(text)
    if opening is None:
        return None
    named = names(text)
    if len(named) < 2 or named[0][0] < opening.end():
        return None
    (at, sender), (subject_at, subject) = named[0], named[1]
    marker = _MARKED.search(text[opening.end() : at])
    if marker is None or marker.group("marker").casefold() not in SOURCE_MARKERS:
        return None
    name = text[at:subject_at]  # the sender's name, a comma perhaps, nothing more
    if sender == subject or len(name.split()) > MAX_SENDER_WORDS or _NOT_A_NAME.search(name):
        return None
    return sender, subject_at


_AFTER = re.compile(
    r"^[^\w]*(?:\d{1,3}[.)]\s*)?(?:после|after|once|когда|как\s+только)\s", re.IGNORECASE
)
"""A step opening with what happened before its subject acts (``После …``, ``After …``)."""

MAX_SENDER_WORDS = 5
_NOT_A_NAME = re.compile(
    r"[.;:]|,.*\S.*,|(?<![\w-])(?:в|во|на|к|из|от|и|to|into|in|from|and|is|are|was|were)(?![\w-])",
    re.IGNORECASE,
)
"""What the words between an opening clause's sender and the step's subject may not hold: a
preposition, a verb of being, a second list item or a sentence's end (``from Amazon S3 is
loaded into Redshift``: Redshift is no subject)."""


def later_actions(step: Step, names: Names, engine: str | None) -> list[Step]:
    """The transfers of the later actions and clauses of a step that opens with its acting
    system (``GREEN-API получает сообщение и отправляет его в ваш адаптер``), on its line."""
    if not _starts_with_system(first_clause(step.text), names):
        return []
    return [s for s in _follow_ups(step, names, engine) if s.source and s.target]


def point_edge(
    text: str,
    line: int,
    step: Step,
    names: Names,
    engine: str | None,
    *,
    nested: bool = False,
    before: Step | None = None,
) -> Step:
    """The edge a point under a sub-heading step states (ends None when it states none); a
    ``nested`` point (an item of a step's own list) is stated on its own line, and one that
    names only where data arrives (``- Сообщение появляется в Контакт-центре Bitrix24``) has
    it come from the last system that handled it in the transfer ``before`` it."""
    where = _arrives_at(text, names) if nested and before is not None else None
    if where is not None and before is not None:
        sender = before.source if before.target == where else before.target
        return _step(text, line, step.number, names).model_copy(
            update={"source": sender, "target": where}
        )
    return _implied(_point(text, line, step, names, nested=nested), engine, names)


def _arrives_at(text: str, names: Names) -> str | None:
    """The one system a clause with no acting system names after ``в`` / ``to``
    (``Сообщение появляется в интерфейсе GHL``, ``Контакты создаются в CRM Bitrix24``)."""
    clause = first_clause(text)
    named = names(clause)
    if len({system for _, system in named}) != 1 or _starts_with_system(clause, names):
        return None
    marker = _MARKED.search(clause[: named[0][0]])
    to = marker is not None and marker.group("marker").casefold() in _TO_WORDS
    arriving = marker is not None and _ARRIVING.search(clause[: marker.start()]) is not None
    return named[0][1] if to and arriving else None


_ARRIVING = re.compile(
    r"[а-яё]+(?:ется|ются|ится|ятся)(?![а-яё])"
    r"|(?<!\w)(?:is|are|gets|get)\s+(?:\w+\s+)?\w+ed(?!\w)"
    r"|(?<!\w)(?:appears?|arrives?|lands?|shows\s+up|show\s+up)(?!\w)",
    re.IGNORECASE,
)
"""What data does as it arrives, no one acting (``появляется``, ``создаются``, ``is
stored``, ``appears``)."""
