"""Process lists of a document not in the template's shape: a list (or numbered sub-headings)
under a heading such as "Процесс", "Как это работает", "How it works", "Workflow", after a
line such as "Для этого:", or a numbered list right after a short lead-in ("Поток данных
проходит через решение следующим образом.", "The data flows as follows:"), is a flow whose
items are its steps. A step that names two systems is an edge from the first to the second
(``из X в Y`` / ``from X to Y`` read as written); a person is never an end."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from flowviz.model import Flow, Step
from flowviz.parse.blocks import Block, Heading, ListBlock, Paragraph, flatten
from flowviz.parse.components import is_components_title
from flowviz.parse.flows import method_in
from flowviz.parse.keywords import (
    ARCHITECTURE_WORDS,
    BASIS_MARKERS,
    CAPTION_WORDS,
    FOLLOW_WORDS,
    LEAD_IN_MAX_WORDS,
    LEAD_IN_WORDS,
    METHOD_MARKERS,
    PARTICIPLES,
    PERSON_WORDS,
    PROCESS_WORDS,
    PURPOSE_MARKERS,
    READ_VERBS,
    SETUP_VERBS,
    SETUP_WORDS,
    SOURCE_MARKERS,
    SUBJECT_PRONOUNS,
    TARGET_MARKERS,
    TRIGGER_VERBS,
    WATCH_MARKERS,
    WRITE_VERBS,
    alternation,
)
from flowviz.parse.text import leading_number

_PROCESS = re.compile(alternation(PROCESS_WORDS, stems_only=True), re.IGNORECASE)
_LEAD_IN = re.compile(alternation(LEAD_IN_WORDS, stems_only=True), re.IGNORECASE)
_SETUP = re.compile(alternation(SETUP_WORDS, stems_only=True), re.IGNORECASE)
_ARCHITECTURE = re.compile(alternation(ARCHITECTURE_WORDS, stems_only=True), re.IGNORECASE)
_CAPTION = re.compile(
    r"[\s*_]*(?:" + alternation(CAPTION_WORDS) + r")\.?\s*\d*[\s*_:.]*", re.IGNORECASE
)
"""A heading that is only a caption (``*Image 1*``, ``Рисунок 2.``)."""
_PERSON = re.compile(alternation(PERSON_WORDS, stems_only=True), re.IGNORECASE)
_TAG = re.compile(r"<[^<>]*>")
_METHOD = re.compile(alternation((*METHOD_MARKERS, *PURPOSE_MARKERS)), re.IGNORECASE)
_SENDER_MARKERS = (*SOURCE_MARKERS, *BASIS_MARKERS, *WATCH_MARKERS)
_SOURCE = re.compile(r"(?:" + alternation(_SENDER_MARKERS) + r")\s+\S*\s*$", re.IGNORECASE)
_BRACKETS = re.compile(r"\([^()]*\)")
"""A bracket after a name is another name of it or a note (``Object Storage (S3)``)."""
_CLAUSES = re.compile(r";\s+|\.\s+(?=[A-ZА-ЯЁ])")
_LATER_CLAUSES = re.compile(
    r";\s+|\.\s+(?=[A-ZА-ЯЁ])|,\s+(?=(?:" + alternation((*SUBJECT_PRONOUNS, *PARTICIPLES)) + "))",
    re.IGNORECASE,
)
_FOLLOW = alternation(FOLLOW_WORDS)
_PERSON_SUBJECT = re.compile(rf"\s*(?:{_FOLLOW}[\s,]+)?(?:you|we|вы|мы)\b", re.IGNORECASE)
"""A later clause addressed to the reader (``You can also bring in data from X``): its one
system moves data to or from the step's engine."""
_IMPERATIVE = re.compile(
    r"\W*(?:[а-яё]+(?:йте|ите|ьте)|" + alternation(SETUP_VERBS) + r")(?!\w)", re.IGNORECASE
)
"""An item that tells the reader what to do (``Создайте``, ``Connect``): a setup step."""
_ACTIONS = re.compile(
    r",?\s+(?:and|then|и|а|затем|потом)\s+(?="
    + alternation((*WRITE_VERBS, *READ_VERBS))
    + r"|[а-яё]+(?:ет|ит|ют|ят|ется|ится)\b)",
    re.IGNORECASE,
)
"""Where a step's first clause goes on with another action of its subject (``… and adds it
to the Mailchimp audience``, ``… и сохраняет их в ClickHouse``)."""
_PRONOUN_SUBJECT = re.compile(
    rf"\s*(?:{_FOLLOW}[\s,]+)?{alternation((*SUBJECT_PRONOUNS, *PARTICIPLES))}"
    rf"(?:\s+{_FOLLOW})?",
    re.IGNORECASE,
)
_MARKED = re.compile(
    r"(?:^|\s)(?P<marker>" + alternation((*SOURCE_MARKERS, *TARGET_MARKERS)) + r")"
    r"(?:\s+\S+){0,2}\s*$",
    re.IGNORECASE,
)
"""A preposition of place up to two words before a system (``на следующую очередь``)."""

_WORD = re.compile(r"\w+")
_LISTED = re.compile(
    r"[^\s,]+(?:\s+[^\s,]+){0,3}"
    r"(?:\s*,\s*(?:(?:and/or|and|or|и|или)\s+)?|\s+(?:and/or|and|or|и|или|&)\s+)"
    r"(?:(?:to|into|from|в|во|на|из)\s+)?(?:the\s+)?",
    re.IGNORECASE,
)
"""A name (up to four words) and what joins it to the next one of a list (``HubSpot, ``,
``Google Ads and/or ``, ``ClickHouse и в ``)."""
_TO_WORDS = frozenset(TARGET_MARKERS)
_NEXT_ACTION = re.compile(r",|\b(?:и|а|затем|потом|and|then)\b")
_VERBS = {**dict.fromkeys(WRITE_VERBS, "write"), **dict.fromkeys(READ_VERBS, "read")}

Names = Callable[[str], list[tuple[int, str]]]
"""Systems named in a text: (position, system id), left to right."""


@dataclass(slots=True)
class _Draft:
    title: str
    line: int
    steps: list[tuple[str, int]] = field(default_factory=list)
    points: dict[int, list[tuple[str, int]]] = field(default_factory=dict)
    """The list items under a step written as a numbered sub-heading, by step index."""
    numbered_only: bool = False
    """Under an architecture heading: only a numbered list gives the steps."""
    bold_steps: bool = False
    """The steps are paragraphs that open with a bold label."""

    def add_bold_step(self, text: str, line: int) -> None:
        """One more step written as a paragraph that opens with a bold label."""
        self.steps.append((text, line))
        self.bold_steps = True


def process_flows(
    blocks: list[Block],
    names: Names,
    engine: str | None = None,
    component: Callable[[str], str | None] = lambda title: None,
    lines: Sequence[str] = (),
) -> tuple[list[Flow], list[Step]]:
    """Every process list of the document as a flow, its steps with their ends, and every edge
    its steps state (on the line each is written on, an item's second line for ``1. **Title**``
    / ``The form sends … to X``); a step that
    names one system has the document's workflow ``engine`` as its other end when its verb
    says which way the data goes, or the component its heading names (``### Google Ads
    Reporting Service`` over ``The report is downloaded from Google Ads``): ``component``
    gives the system of a heading that names one. Also the points under numbered sub-heading
    steps that name both their ends: each one more transfer of its step."""
    drafts = _drafts(blocks, names, lines)
    flows, transfers = [], []
    document_engine = engine
    for number, draft in enumerate(d for d in drafts if d.steps):
        engine = component(_TAG.sub("", draft.title).strip()) or document_engine
        steps = []
        for n, (raw, line) in enumerate(draft.steps, 1):
            points = draft.points.get(n - 1, [])
            text = _one_line(raw)
            step = _implied(_step(text, line, n, names), engine, names)
            more = _coordinated(step, names) + _follow_ups(step, names, engine)
            transfers += [
                _at_statement(edge, text, names, lines) for edge in [step, *_new_pairs(step, more)]
            ]
            steps.append(
                step.model_copy(
                    update={"notes": [p for p, _ in points], "lines": [i for _, i in points]}
                )
            )
            for point, at in points:
                transfer = _implied(_point(point, at, step, names), engine, names)
                if transfer.source and transfer.target:
                    transfers.append(transfer)
        flows.append(Flow(number=number + 1, title=draft.title, line=draft.line, steps=steps))
    return flows, [t for t in transfers if t.source and t.target]


def _at_statement(edge: Step, text: str, names: Names, lines: Sequence[str]) -> Step:
    """The edge of a step written over several lines of the document (a bold title, then a
    sentence) on the line where its first end is named."""
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


def _point(text: str, line: int, step: Step, names: Names) -> Step:
    """A point under a sub-heading step, read as a step of its own; one that names no system
    is about the one system its heading names (``### Gmail Trigger`` / ``- Retrieves new
    emails``), and is stated on the heading's line."""
    point = _step(text, line, step.number, names)
    if point.source is None and step.source is not None and step.target is None:
        return point.model_copy(update={"source": step.source, "line": step.line})
    return point


def _is_architecture_title(text: str) -> bool:
    """A heading over an architecture page's numbered data flow (``## Architecture``)."""
    return len(text.split()) <= 5 and bool(_ARCHITECTURE.search(_TAG.sub("", text)))


def is_process_title(text: str) -> bool:
    """A heading (or a line ending in ':') that introduces a process."""
    return len(text.split()) <= 8 and bool(_PROCESS.search(text)) and not _SETUP.search(text)


def _drafts(blocks: list[Block], names: Names, lines: Sequence[str] = ()) -> list[_Draft]:
    """Process headings, the flows under them and their raw steps, in document order; a
    numbered list elsewhere whose items state transfers (``_states_transfers``) too, and
    paragraphs that open with a bold label under a process heading (``**Stripe Webhook:**
    n8n triggers on payment events from Stripe``)."""
    drafts: list[_Draft] = []
    level: int | None = None
    strict = False
    current: _Draft | None = None
    heading = ""
    for index, block in enumerate(blocks):
        if isinstance(block, Heading) and _CAPTION.fullmatch(block.text):
            continue
        if isinstance(block, Heading):
            heading = block.text
            if level is not None and block.level > level:
                number, _ = leading_number(block.text)
                if number is not None and current is not None and not _has_list_steps(current):
                    current.steps.append((block.text, block.line))
                    continue
                current = _Draft(block.text, block.line, numbered_only=strict)
                drafts.append(current)
            elif block.level > 1 and (
                is_process_title(block.text) or _is_architecture_title(block.text)
            ):
                strict = not is_process_title(block.text)
                level, current = block.level, _Draft(block.text, block.line, numbered_only=strict)
                drafts.append(current)
            else:
                level, current, strict = None, None, False
        elif isinstance(block, Paragraph) and _process_line(block.text):
            current = _Draft(_process_line(block.text), block.line)
            drafts.append(current)
        elif isinstance(block, Paragraph) and _starts_flow(block, blocks[index + 1 :], current):
            if current is not None and current.numbered_only and not current.steps:
                drafts.remove(current)
            current = _Draft(_TAG.sub("", heading).strip() or block.text, block.line)
            drafts.append(current)
            after = blocks[index + 1] if index + 1 < len(blocks) else None
            if isinstance(after, Heading):  # its steps are the numbered sub-headings below
                level = after.level - 1
        elif isinstance(block, ListBlock) and current is None and _states_transfers(block, names):
            if not is_components_title(heading) and not _SETUP.search(heading):
                title = _TAG.sub("", heading).strip() or _one_line(block.items[0].text)
                steps = [(i.text, i.line) for i in block.items]
                drafts.append(_Draft(title, block.line, steps=steps))
        elif isinstance(block, ListBlock) and current is not None and not current.steps:
            if block.ordered or not current.numbered_only:
                current.steps = [(i.text, i.line) for i in block.items]
        elif isinstance(block, ListBlock) and current is not None and not _has_list_steps(current):
            points = current.points.setdefault(len(current.steps) - 1, [])
            points += [(_one_line(i.text), i.line) for i in flatten(block.items)]
        elif isinstance(block, Paragraph) and _bold_step(block, current, lines):
            current.add_bold_step(block.text, block.line)  # type: ignore[union-attr]
        elif isinstance(block, Paragraph) and current is not None and _has_heading_steps(current):
            points = current.points.setdefault(len(current.steps) - 1, [])
            points.append((_one_line(block.text), block.line))
    return drafts


MIN_TRANSFER_ITEMS = 2
"""A numbered list under no process heading is a process when this many of its items each
name two systems (and at least half of its items name one)."""


def _states_transfers(block: ListBlock, names: Names) -> bool:
    """Whether a numbered list reads as a process wherever it stands: its items tell what
    systems do (``Заявка уходит в Битрикс24 …``), not what a person should do (``Подключите
    amoCRM к Albato``, ``Connect HubSpot to Slack``)."""
    if not block.ordered or any(_IMPERATIVE.match(i.text) for i in block.items):
        return False
    counts = [len({s for _, s in names(_first_clause(_one_line(i.text)))}) for i in block.items]
    two = sum(1 for c in counts if c >= 2)
    return two >= MIN_TRANSFER_ITEMS and 2 * sum(1 for c in counts if c) >= len(counts)


def _bold_step(paragraph: Paragraph, current: _Draft | None, lines: Sequence[str]) -> bool:
    """A paragraph under a process heading that opens with a bold label (``**Create Deal:**
    Creates a deal …``) and is one more step of a flow made of such paragraphs."""
    if current is None or current.numbered_only or (current.steps and not current.bold_steps):
        return False
    raw = lines[paragraph.line - 1].lstrip() if 0 < paragraph.line <= len(lines) else ""
    return raw.startswith(("**", "__")) and not paragraph.strong


def _one_line(text: str) -> str:
    """A list item's or paragraph's text on one line: a step wrapped over several lines is
    one step, and none of its words is lost."""
    return " ".join(text.split())


def _has_heading_steps(draft: _Draft) -> bool:
    """Whether the draft's steps are numbered sub-headings (text under them is their points)."""
    return bool(draft.steps) and not _has_list_steps(draft)


def _process_line(text: str) -> str:
    """The title a line ending in ':' gives the process list below it (``Для этого:``), or
    an empty string."""
    if not text.rstrip().endswith(":"):
        return ""
    tail = text.rstrip(": ").split(".")[-1].strip()
    return tail if is_process_title(tail) else ""


def _starts_flow(paragraph: Paragraph, following: list[Block], current: _Draft | None) -> bool:
    """A lead-in paragraph outside a process list already waiting for its steps (under an
    architecture heading, the lead-in starts the flow itself)."""
    waiting = current is not None and not current.steps and not current.numbered_only
    return not waiting and _leads_in(paragraph, following[0] if following else None)


def _leads_in(paragraph: Paragraph, after: Block | None) -> bool:
    """A short paragraph ending in ':' or '.' whose last sentence introduces the numbered list
    (or numbered sub-headings) right after it (``Поток данных проходит через решение
    следующим образом.``, ``Steps to implement the solution are listed below.``)."""
    text = paragraph.text.strip()
    numbered_heading = isinstance(after, Heading) and leading_number(after.text)[0] is not None
    if not numbered_heading and (not isinstance(after, ListBlock) or not after.ordered):
        return False
    last = re.split(r"[.!?]\s+", text.rstrip(".:"))[-1]
    short = len(text.split()) <= LEAD_IN_MAX_WORDS
    return short and text.endswith((":", ".")) and bool(_LEAD_IN.search(last))


def _has_list_steps(draft: _Draft) -> bool:
    return bool(draft.steps) and leading_number(draft.steps[0][0])[0] is None


def _implied(step: Step, engine: str | None, names: Names) -> Step:
    """The step with the engine as its other end. The named system is the sender after a read
    verb (``Get``, ``Fetches``), after ``from`` / ``из``, or as the step's subject (``Pub/Sub
    triggers the function``); the receiver after a write verb (``Creates``, ``Adds``) or
    after ``to`` / ``в`` (``The output is written as a CSV to Cloud Storage``)."""
    if engine is None or step.target is not None or step.source in (None, engine):
        return step
    sends = _sends_to_engine(step, names)
    if sends is None:
        return step
    if sends:
        return step.model_copy(update={"target": engine})
    return step.model_copy(update={"source": engine, "target": step.source})


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
    if any(_MARKED.search(b) and _ACTION.search(b) for _, b in spots):
        return False
    if spots and set(_WORD.findall(spots[0][1].casefold())) <= _ARTICLES:
        after = _WORD.findall(text[spots[0][0] :].split(":")[0])
        acting = any(_ACTION.fullmatch(w) and w[:1].islower() for w in after[1:3])
        return True if acting else None  # not a title's noun (``CRM Lead Update``)
    verbs = [w for w in _WORD.findall(spots[0][1].casefold()) if w in _VERBS] if spots else []
    return _VERBS[verbs[0]] == "read" if verbs else None  # ``The function pulls the X data``


_ARTICLES = frozenset(
    {"the", "a", "an", "first", "then", "next", "finally", "сначала", "затем", "потом", "далее"}
)
"""What may stand before a step's subject (``The CRM sends``, ``First, Pub/Sub triggers``)."""
_ACTION = re.compile(
    r"\b(?:"
    + alternation((*WRITE_VERBS, *READ_VERBS, *TRIGGER_VERBS))
    + r"|[a-z]+(?:ed|en)|[а-яё]+(?:ет|ит|ют|ят|тся))\b",
    re.IGNORECASE,
)
"""A word that tells of an action (``triggers``, ``is written``, ``отправляется``): a step
whose system stands after ``to`` with no such word before it (``A reference to the BigQuery
table``) moves nothing."""


def _leading_words(text: str) -> list[str]:
    """The words a step's verb can be: the first of its title and the first after ``: ``
    (``Get X Data: Fetches ...``); a verb later in a sentence says nothing of the step."""
    parts = text.casefold().split(": ", 1)
    return [words[0] for words in (_WORD.findall(p) for p in parts) if words]


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


def _named_ends(clause: str, names: Names) -> list[tuple[int, str]]:
    """The systems a clause names as ends: those before a method word (``using``, ``через``);
    when it names none there, the one the method word names is the step's one system
    (``Retrieves lead details using CRM API``), or its sender when a receiver follows after
    ``в`` / ``to`` (``отправляет заказ через API Gateway в Booking Service``)."""
    cut = _METHOD.search(clause)
    if cut is None:
        return names(clause)
    before = names(clause[: cut.start()])
    if before:
        return before
    after = [(at + cut.end(), system) for at, system in names(clause[cut.end() :])]
    if len(after) > 1 and _MARKED.search(clause[: after[1][0]][-40:]):
        return after[:2]  # ``через API Gateway в Booking Service``: the tool passes it on
    return after[:1]


def _first_clause(text: str) -> str:
    """A step's first clause, its number, brackets and people blanked out (positions kept)."""
    number, title = leading_number(text)
    body = text if number is None else " " * (len(text) - len(title)) + title
    clause = _BRACKETS.sub(_blank, _CLAUSES.split(body)[0])
    return _PERSON.sub(_blank, clause)


def _new_pairs(step: Step, more: list[Step]) -> list[Step]:
    """The transfers of ``more`` between a pair the step and the ones before do not join."""
    seen = {(step.source, step.target)}
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
    clause = _first_clause(step.text)
    first = names(clause)
    subject = None  # unless a system is the step's subject (not ``The function reads … from X``)
    if first and not _MARKED.search(clause[: first[0][0]]):
        subject = first[0][1]
    head, *later = _LATER_CLAUSES.split(step.text)
    out = []
    if subject is not None:
        out += [
            t for action in _ACTIONS.split(head)[1:] for t in _moved(step, subject, action, names)
        ]
    for clause in later:
        if _PRONOUN_SUBJECT.match(clause):
            out += _moved(step, subject, clause, names) if subject is not None else []
        else:
            own = _step(clause, step.line, step.number, names)
            if own.source and own.target and _starts_with_system(clause, names):
                out.append(step.model_copy(update={"source": own.source, "target": own.target}))
            elif own.source and not own.target and _PERSON_SUBJECT.match(clause):
                own = _implied(own, engine, names)  # ``You can also bring in data from X``
                out += [own, *_coordinated(own, names)] if own.target else []
    return out


def _starts_with_system(clause: str, names: Names) -> bool:
    """Whether a clause's subject is a system: it names one within its first three words."""
    named = names(clause)
    return bool(named) and len(clause[: named[0][0]].split()) <= 2


def _moved(step: Step, subject: str, clause: str, names: Names) -> list[Step]:
    """The transfer of a clause whose subject is ``subject``: the first system it names after
    ``в`` / ``to`` receives from it, after ``из`` / ``from`` sends to it."""
    named = _named_ends(clause, names)
    ends = [(at, s) for at, s in named if s != subject and _MARKED.search(clause[:at])]
    if not ends:
        return []
    at, other = ends[0]
    marker = _MARKED.search(clause[:at])
    sent = marker is not None and marker.group("marker").casefold() in SOURCE_MARKERS
    pair = (other, subject) if sent else (subject, other)
    return [step.model_copy(update={"source": pair[0], "target": pair[1]})]


def _coordinated(step: Step, names: Names) -> list[Step]:
    """One more transfer for each system listed beside an end of a step (``sends the lead to
    HubSpot, Mailchimp and Slack``, ``из Facebook Ads и Google Ads``): the same step with that
    system at that end."""
    clause = _first_clause(step.text)
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
    listed = {ids[0], *_listed_with(ids[0], named, clause)}
    if len(listed) < len(ids):
        return [ids[0], *(s for s in ids if s not in listed)]
    return ids[:1]


def _step(text: str, line: int, number: int, names: Names) -> Step:
    """A step; its ends are the first two systems its first clause names before any method
    word, the one after ``из`` / ``from`` being the sender."""
    clause = _first_clause(text)
    named = _named_ends(clause, names)
    ids = _end_order(clause, named)
    source = target = None
    if len(ids) >= 2:
        first, second = named[0], next(m for m in named if m[1] == ids[1])
        source, target = ids[0], ids[1]
        if _SOURCE.search(clause[: second[0]]) and not _SOURCE.search(clause[: first[0]]):
            source, target = _from_to(clause, named, second) or (target, source)
        elif _SOURCE.search(clause[: first[0]]) and not _to_between(clause, first, second):
            target = None  # ``pulls from the Sheet the Google Ads IDs``: one end, the Sheet
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
