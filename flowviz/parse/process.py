"""Process lists of a document not in the template's shape: a list (or numbered sub-headings)
under a heading (or a wholly bold line) such as "Процесс", "Как это работает", "How it works",
"Workflow", after a line such as "Для этого:", or a numbered list right after a short lead-in
("Поток данных проходит через решение следующим образом.", "The data flows as follows:"), is
a flow whose items are its steps; how each step reads is ``flowviz.parse.steps``."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from flowviz.model import Flow, Step
from flowviz.parse.arrows import ARROW, HEADING_CHAIN
from flowviz.parse.blocks import Block, Heading, Item, ListBlock, Paragraph, flatten
from flowviz.parse.components import is_components_title
from flowviz.parse.keywords import (
    ARCHITECTURE_WORDS,
    ASIDE,
    CAPTION_WORDS,
    GENERIC_NODE_WORDS,
    LEAD_IN_MAX_WORDS,
    LEAD_IN_WORDS,
    LEAD_SUBJECT_HEADS,
    PROCESS_WORDS,
    SETUP_VERBS,
    SETUP_WORDS,
    alternation,
    not_done,
)
from flowviz.parse.participants import (
    called_components,
    is_verb,
    participants,
    shared_subjects,
    subject_of,
)
from flowviz.parse.steps import (
    Names,
    StepContext,
    first_clause,
    later_actions,
    new_pairs,
    point_edge,
    read_step,
)
from flowviz.parse.text import leading_number, opens_with_emoji

_PROCESS = re.compile(alternation(PROCESS_WORDS, stems_only=True), re.IGNORECASE)


_LEAD_IN = re.compile(alternation(LEAD_IN_WORDS, stems_only=True), re.IGNORECASE)


_SETUP = re.compile(alternation(SETUP_WORDS, stems_only=True), re.IGNORECASE)


_ARCHITECTURE = re.compile(alternation(ARCHITECTURE_WORDS, stems_only=True), re.IGNORECASE)


_CAPTION = re.compile(
    r"[\s*_]*(?:" + alternation(CAPTION_WORDS) + r")\.?\s*\d*[\s*_:.]*", re.IGNORECASE
)
"""A heading that is only a caption (``*Image 1*``, ``Рисунок 2.``)."""


_TAG = re.compile(r"<[^<>]*>")


_IMPERATIVE = re.compile(
    r"\W*(?:[а-яё]+(?:йте|ите|ьте)|" + alternation(SETUP_VERBS) + r")(?!\w)", re.IGNORECASE
)
"""An item that tells the reader what to do (``Создайте``, ``Connect``): a setup step."""


_FIELDS_LEAD = re.compile(
    r"(?:propert(?:y|ies)|fields?|attributes?|parameters?|columns?|"
    r"пол(?:я|ями)|свойств(?:а|ами)|параметр(?:ы|ами)|атрибут(?:ы|ами))\s*:\s*$"
)
"""The end of a step over the fields it sets (``Creates a Zendesk Organization with the
following properties:``): its items are fields and values, no transfers; not a label written
as a title (``**Displaying Input Fields:**``)."""


@dataclass(slots=True)
class _Draft:
    title: str
    line: int
    steps: list[tuple[str, int]] = field(default_factory=list)
    points: dict[int, list[tuple[str, int]]] = field(default_factory=dict)
    """The list items under a step written as a numbered sub-heading, by step index."""
    asides: dict[int, list[tuple[str, int]]] = field(default_factory=dict)
    """Bulleted lists that break a numbered list of steps in two, by the step they follow:
    kept as its notes, read for no edge (their arrows are a branch's actions in order)."""
    numbered_only: bool = False
    """Under an architecture heading: only a numbered list gives the steps."""
    bold_steps: bool = False
    """The steps are paragraphs that open with a bold label."""
    lead: str = ""
    """The paragraph ending in ':' right above the list of steps (``The sync service:``)."""
    heading: str = ""
    """The heading over a process a lead-in line titles (``### `main_daily_report.py` `` over
    ``Логика работы:``)."""

    def take(self, items: Sequence[Item]) -> None:
        """List items as more steps; the items nested in each are that step's points."""
        for item in items:
            self.steps.append((item.text, item.line))
            self.note(flatten(item.children), aside=_FIELDS_LEAD.search(item.text) is not None)

    def note(self, items: Sequence[Item], *, aside: bool = False) -> None:
        """List items as points of the last step (``aside``: its notes only, no edges)."""
        if items:
            kept = (self.asides if aside else self.points).setdefault(len(self.steps) - 1, [])
            kept += [(_one_line(i.text), i.line) for i in items]

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
    meet: Callable[[list[str]], list[str]] = lambda names: [],
    known: Callable[[str], str | None] = lambda name: None,
) -> tuple[list[Flow], list[Step]]:
    """Every process list of the document as a flow, its steps with their ends, and every edge
    its steps state (on the line each is written on, an item's second line for ``1. **Title**``
    / ``The form sends … to X``); a step that
    names one system has the document's workflow ``engine`` as its other end when its verb
    says which way the data goes, or the component its heading names (``### Google Ads
    Reporting Service`` over ``The report is downloaded from Google Ads``): ``component``
    gives the system of a heading that names one. Also the points under numbered sub-heading
    steps that name both their ends, and the items nested in a list step: each one more
    transfer of its step. ``meet`` makes systems of the steps' participants before the steps
    are read."""
    drafts = _drafts(blocks, names, lines)
    titled = [
        _component_titled(draft.title, component) or _component_titled(draft.heading, component)
        for draft in drafts
    ]
    common = not any(titled)  # where headings name components, ``The function`` is one
    said = [raw for d in drafts for raw, _ in (*d.steps, *_all_points(d))]
    found = participants((_one_line(raw) for raw in said), common=common)
    several = _shared_heading_ends(blocks)
    meet([name for name in found if name.casefold() not in several])
    meet(called_components(_one_line(raw) for raw in said))
    if engine is not None:
        meet(_node_apps(said))
    flows, transfers = [], []
    for number, (draft, system) in enumerate(
        (draft, system) for draft, system in zip(drafts, titled, strict=True) if draft.steps
    ):
        step_engine = system or _lead_subject(draft.lead, names, meet, known) or engine
        steps = []
        for n, (raw, line) in enumerate(draft.steps, 1):
            points = draft.points.get(n - 1, [])
            written = _one_line(raw)
            read = _dash_arrow(written, names)
            step, edges = read_step(read, line, n, StepContext(names, step_engine, lines))
            step, *edges = [_as_written(e, read, written) for e in [step, *edges]]
            transfers += edges
            noted = points + draft.asides.get(n - 1, [])
            update = {"notes": [p for p, _ in noted], "lines": [i for _, i in noted]}
            steps.append(step.model_copy(update=update))
            transfers += _point_edges(
                points, step, edges, names, step_engine, _has_list_steps(draft)
            )
        flows.append(Flow(number=number + 1, title=draft.title, line=draft.line, steps=steps))
    return flows, [t for t in transfers if t.source and t.target]


_NAME_ARROW_SENTENCE = re.compile(
    r"^(?P<head>[^.!?]{1,80}?)\s*(?:" + ARROW.pattern + r")\s*(?P<tail>[A-ZА-ЯЁ][a-zа-яё].*)$"
)


def _shared_heading_ends(blocks: list[Block]) -> set[str]:
    """The last words two or more headings end with (``module`` of ``## Calculation module``
    and ``## Actual inventory realization module``): a participant that is that word alone
    (``The module``) is each section's own, no one system."""
    ends = Counter(
        words[-1] for b in blocks if isinstance(b, Heading) and (words := b.text.casefold().split())
    )
    return {word for word, count in ends.items() if count >= 2}


def _component_titled(title: str, component: Callable[[str], str | None]) -> str | None:
    """The component a flow's title names, if any; a chain of stages (``Точка управления -->
    SQL Server``) names its ends, no component."""
    return None if _a_chain(title) else component(_TAG.sub("", title).strip())


def _dash_arrow(text: str, names: Names) -> str:
    """``**Telegram Trigger** → Listens for new messages``: an arrow between a step's name and
    a sentence about it (the sentence opens with a capital and no system) is a dash, written
    as ``:``; an arrow to a system stays an arrow."""
    found = _NAME_ARROW_SENTENCE.match(text)
    if found is None or ARROW.search(found["tail"]):
        return text
    if any(start == 0 for start, _ in names(found["tail"])):
        return text
    return f"{found['head']}: {found['tail']}"


def _as_written(step: Step, read: str, written: str) -> Step:
    """``step`` with the text as the document writes it, where it was read otherwise."""
    return step if step.text != read else step.model_copy(update={"text": written})


_NODE = re.compile(
    r"^[\W_]*(?P<app>[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*){0,2}?)[*_]*(?:\s+Trigger(?![\w-])"
    r"|\s*\([^()>\n]{1,30}>[^()\n]{1,30}\))"
)
"""A step naming an automation's node by its app: ``**Pachca Trigger**``, ``**Pachca**
(Message > Create)``."""


def _node_apps(said: list[str]) -> list[str]:
    """The apps a workflow's steps name as its nodes (``**Pachca Trigger**`` -> ``Pachca``),
    the engine's own triggers left out."""
    found = (_NODE.match(_one_line(raw)) for raw in said)
    apps = (m["app"] for m in found if m is not None)
    return list(
        dict.fromkeys(a for a in apps if not GENERIC_NODE_WORDS & set(a.casefold().split()))
    )


def _point_edges(
    points: list[tuple[str, int]],
    step: Step,
    edges: list[Step],
    names: Names,
    engine: str | None,
    nested: bool,
) -> list[Step]:
    """The transfers the points of ``step`` state. Points ``nested`` in a list step (an
    item's own list) are stated on their own lines, and a pair the step or an earlier point
    already joins is not joined again (``Slack Setup`` / ``Creates a channel`` / ``Posts a
    welcome message``: one transfer to Slack)."""
    if not nested:
        return [point_edge(point, at, step, names, engine) for point, at in points]
    found: list[Step] = []
    for point, at in points:
        edge = point_edge(point, at, step, names, engine, nested=True, before=_last(found))
        found += [edge, *later_actions(edge, names, engine)]  # ``… и отправляет его в X``
    return new_pairs([step, *edges], found)


def _last(found: list[Step]) -> Step | None:
    """The last transfer with both ends among the points read so far."""
    return next((s for s in reversed(found) if s.source and s.target), None)


def _is_architecture_title(text: str) -> bool:
    """A heading over an architecture page's numbered data flow (``## Architecture``)."""
    return len(text.split()) <= 5 and bool(_ARCHITECTURE.search(_TAG.sub("", text)))


def _a_chain(text: str) -> bool:
    """Whether a title is a chain of stages (``BigCommerce > Intelligent Order Management >
    Flexe``, ``Shopify → HubSpot``)."""
    return bool(ARROW.search(text) or HEADING_CHAIN.search(text))


def _heading_over_steps(text: str) -> str | None:
    """What a heading over a process is: ``"titled"`` for a process or architecture title
    (whose sub-headings may be its steps), ``"chain"`` for a chain of stages (the numbered list
    right under it walks the chain); None for any other heading."""
    if is_process_title(text) or _is_architecture_title(text):
        return "titled"
    return "chain" if _a_chain(text) else None


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
            elif block.level > 1 and (kind := _heading_over_steps(block.text)) is not None:
                strict = not is_process_title(block.text)
                current = _Draft(block.text, block.line, numbered_only=strict)
                level = None if kind == "chain" else block.level  # a chain: its own list only
                drafts.append(current)
            else:
                level, current, strict = None, None, False
        elif isinstance(block, Paragraph) and (
            title := _title_line(block, _next(blocks, index), names)
        ):
            current = _Draft(title, block.line, heading=heading)
            drafts.append(current)
        elif isinstance(block, Paragraph) and _starts_flow(block, _next(blocks, index), current):
            if current is not None and current.numbered_only and not current.steps:
                drafts.remove(current)
            current = _Draft(_TAG.sub("", heading).strip() or block.text, block.line)
            drafts.append(current)
            # its steps may be the numbered sub-headings below
            if isinstance(after := _next(blocks, index), Heading):
                level = after.level - 1
        elif isinstance(block, ListBlock) and current is None and _states_transfers(block, names):
            if not is_components_title(heading) and not _SETUP.search(heading):
                title = _TAG.sub("", heading).strip() or _one_line(block.items[0].text)
                drafts.append(_list_draft(title, block, _lead(blocks, index)))
        elif isinstance(block, ListBlock) and _after_not_done(blocks, index):
            continue  # ``What it never does:`` over its list: no steps
        elif isinstance(block, ListBlock) and current is not None and not current.steps:
            current = _first_list(current, block, blocks, index)
        elif isinstance(block, ListBlock) and _another_process(
            current, block, _next(blocks, index), names
        ):
            current = _list_draft(current.title, block, _lead(blocks, index))  # type: ignore[union-attr]
            drafts.append(current)
        elif isinstance(block, ListBlock) and _goes_on(current, block, _next(blocks, index)):
            _go_on(current, block)  # type: ignore[arg-type]
        elif isinstance(block, Paragraph) and current is not None:
            current = _paragraph(current, block, lines)
    return drafts


def _first_list(
    current: _Draft, block: ListBlock, blocks: list[Block], index: int
) -> _Draft | None:
    """The draft after the first list under its heading (``block``, ``blocks[index]``): its
    steps taken (a bulleted one only under a process heading); None after a plan of work."""
    if _a_plan(current, block, blocks[index - 1]):
        return None  # ``## Обзор`` over ``1. Создадите приложение``: no process
    if block.ordered or not current.numbered_only:
        current.lead = _lead(blocks, index)
        current.take(block.items)
    return current


def _a_plan(current: _Draft, block: ListBlock, before: Block) -> bool:
    """Whether a list right under an overview or architecture heading tells the reader what
    to do (``1. Создадите приложение``, ``2. Настроите сервис-адаптер``): a plan of work, no
    process, unless the line above it calls it one (``Сценарий состоит из пяти шагов.``)."""
    if not current.numbered_only or not any(_IMPERATIVE.match(i.text) for i in block.items):
        return False
    return not (isinstance(before, Paragraph) and is_process_title(before.text))


def _list_draft(title: str, block: ListBlock, lead: str) -> _Draft:
    """A flow titled ``title`` whose steps are the items of ``block``, ``lead`` the line
    ending in ':' above it."""
    draft = _Draft(title, block.line, lead=lead)
    draft.take(block.items)
    return draft


def _paragraph(current: _Draft, paragraph: Paragraph, lines: Sequence[str]) -> _Draft | None:
    """The draft after a paragraph inside it: one more step (``**Create Deal:** Creates …``),
    a point of a numbered sub-heading step, or the end of a flow of paragraph steps (a wholly
    bold line, ``**👤 Who Is This For?**``: a new title, None)."""
    if _ends_bold_steps(paragraph, current):
        return None
    if _bold_step(paragraph, current, lines):
        current.add_bold_step(paragraph.text, paragraph.line)
    elif _has_heading_steps(current):
        points = current.points.setdefault(len(current.steps) - 1, [])
        points.append((_one_line(paragraph.text), paragraph.line))
    return current


def _lead(blocks: list[Block], index: int) -> str:
    """The paragraph ending in ':' right before ``blocks[index]``, else ''."""
    before = blocks[index - 1] if index > 0 else None
    if isinstance(before, Paragraph) and before.text.rstrip().endswith(":"):
        return before.text.strip()
    return ""


_LEAD_SUBJECT = re.compile(
    r"^(?:(?:the|our|this|наш|наша|наше|этот|эта|это)\s+)?"
    r"(?P<name>[\w.&/-]+(?:\s+[\w.&/-]+){0,3}?)\s*"
    r"(?:(?:is|—|–|-)\s+(?:an?\s+)?[^:]{0,60}?\s+(?:that|which|который|которая|которое)"
    r"|then|will|can|does(?:\s+the\s+following)?|performs|handles|умеет|может"
    r"|делает(?:\s+следующее)?|выполняет(?:\s+следующее)?)?\s*:$",
    re.IGNORECASE,
)
"""A lead-in that names who does what its list says: ``The sync service:``, ``Leads Agent is
a Slack bot that:``, ``Our middleware will:``, ``Бот умеет:``."""


def _lead_subject(
    lead: str,
    names: Names,
    meet: Callable[[list[str]], list[str]],
    known: Callable[[str], str | None],
) -> str | None:
    """The system a lead-in names as the doer of its list's steps: a system of that very name
    (``known``), or a name whose last word is a component word (``sync service``,
    ``бот``), made a system; else None."""
    found = _LEAD_SUBJECT.match(lead)
    if found is None:
        return None
    name = found["name"]
    if names(name) and (system := known(name)) is not None:
        return system  # ``Leads Agent is …``: a system, named whole
    if name.split()[-1].casefold() not in LEAD_SUBJECT_HEADS:
        return None
    made = meet([name[:1].upper() + name[1:]])
    return made[0] if made else None


def _after_not_done(blocks: list[Block], index: int) -> bool:
    """Whether the block before ``blocks[index]`` is a lead-in saying its list is not done."""
    before = blocks[index - 1] if index > 0 else None
    return isinstance(before, (Heading, Paragraph)) and not_done(before.text)


MIN_TRANSFER_ITEMS = 2
"""A numbered list under no process heading is a process when this many of its items each
name two systems (and at least half of its items name one)."""


def _states_transfers(block: ListBlock, names: Names) -> bool:
    """Whether a numbered list reads as a process wherever it stands: its items tell what
    systems do (``Заявка уходит в Битрикс24 …``, or who acts in them), not what a person
    should do (``Подключите amoCRM к Albato``, ``Connect HubSpot to Slack``)."""
    return block.ordered and _items_state_transfers(block, names)


def _items_state_transfers(block: ListBlock, names: Names) -> bool:
    """Whether the items of a list, numbered or bulleted, tell what systems do (see
    ``_states_transfers``)."""
    if any(_IMPERATIVE.match(i.text) for i in block.items):
        return False
    clauses = [first_clause(_one_line(i.text), doings=True) for i in block.items]
    counts = [len({s for _, s in names(clause)}) for clause in clauses]
    two = sum(1 for c in counts if c >= 2)
    if two >= MIN_TRANSFER_ITEMS and 2 * sum(1 for c in counts if c) >= len(counts):
        return True
    return _told_by_participants([_one_line(i.text) for i in block.items])


def _told_by_participants(items: list[str]) -> bool:
    """Whether most items of a numbered list open with who acts, and two share one
    (``The service sends … to GC Notify`` / ``GC Notify sends … to the provider``)."""
    subjects = [subject_of(item, common=True) for item in items]
    acting = sum(1 for subject in subjects if subject is not None)
    return 2 * acting >= len(items) and bool(
        shared_subjects(list(zip(subjects, items, strict=True)))
    )


def _ends_bold_steps(paragraph: Paragraph, current: _Draft) -> bool:
    """Whether a wholly bold line (no arrow in it) ends a flow of paragraph steps: a title of
    what follows, as a heading would be."""
    return current.bold_steps and paragraph.strong and not ARROW.search(paragraph.text)


def _bold_step(paragraph: Paragraph, current: _Draft | None, lines: Sequence[str]) -> bool:
    """A paragraph under a process heading that opens with a bold label (``**Create Deal:**
    Creates a deal …``) or an emoji (``🗂️ Create Asana Project – Generates …``) and is one
    more step of a flow made of such paragraphs."""
    if current is None or current.numbered_only or (current.steps and not current.bold_steps):
        return False
    raw = lines[paragraph.line - 1].lstrip() if 0 < paragraph.line <= len(lines) else ""
    labelled = raw.startswith(("**", "__")) or opens_with_emoji(raw)
    aside = ASIDE.match(raw.lstrip("*_ ")) is not None  # ``**Important note on Batches**``
    return (labelled or _names_then_acts(raw)) and not paragraph.strong and not aside


def _names_then_acts(line: str) -> bool:
    """``Typeform Trigger → Monitors form submissions …``: a node's name, an arrow and what
    it does, opening with a verb."""
    found = _NAME_ARROW_SENTENCE.match(line)
    return (
        found is not None and len(found["head"].split()) <= 4 and is_verb(found["tail"].split()[0])
    )


def _all_points(draft: _Draft) -> list[tuple[str, int]]:
    """The points under every step of a draft (a step's nested items), in order."""
    return [point for n in sorted(draft.points) for point in draft.points[n]]


def _one_line(text: str) -> str:
    """A list item's or paragraph's text on one line: a step wrapped over several lines is
    one step, and none of its words is lost."""
    return " ".join(text.split())


def _has_heading_steps(draft: _Draft) -> bool:
    """Whether the draft's steps are numbered sub-headings (text under them is their points)."""
    return bool(draft.steps) and not _has_list_steps(draft)


def _process_line(text: str, *, doer_then: bool = False) -> str:
    """The title a line ending in ':' gives the process list below it (``Для этого:``), or
    an empty string; with ``doer_then`` (over a numbered list), also a line telling what its
    doer does next (``The Zap then:``)."""
    if not text.rstrip().endswith(":"):
        return ""
    tail = text.rstrip(": ").split(".")[-1].strip()
    then = doer_then and _DOER_THEN.search(text.rstrip()) is not None
    return tail if is_process_title(tail) or then else ""


_DOER_THEN = re.compile(r"(?:\s(?:then|will)|,\s*this|\s(?:затем|далее))\s*:$", re.IGNORECASE)
"""The end of a lead-in telling what its doer does next (``The Zap then:``, ``On startup the
app will:``, ``… is triggered when a deal changes, this:``)."""


def _title_line(paragraph: Paragraph, after: Block | None, names: Names) -> str:
    """The title a paragraph gives the process list below it (``after``): a line ending in
    ':' (``Для этого:``), or a wholly bold line used as a heading over a list (``**Data
    flow**``, ``**How It Works**`` over paragraphs ``Typeform Trigger → Monitors …``); else
    an empty string."""
    steps_follow = isinstance(after, ListBlock) or (
        isinstance(after, Paragraph) and _names_then_acts(after.text.split("\n")[0])
    )
    if paragraph.strong and steps_follow and is_process_title(paragraph.text):
        return paragraph.text.strip()
    if paragraph.strong and isinstance(after, ListBlock) and _items_state_transfers(after, names):
        return paragraph.text.strip()  # ``**After the order is created**`` over what happens
    numbered = isinstance(after, ListBlock) and after.ordered
    return _process_line(paragraph.text, doer_then=numbered)


def _starts_flow(paragraph: Paragraph, after: Block | None, current: _Draft | None) -> bool:
    """A lead-in paragraph (``after`` it, the block that follows) outside a process list
    already waiting for its steps (under an architecture heading, the lead-in starts the flow
    itself)."""
    waiting = current is not None and not current.steps and not current.numbered_only
    return not waiting and _leads_in(paragraph, after)


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


def _continues(draft: _Draft | None, block: Block | None) -> bool:
    """Whether ``block`` is a numbered list that goes on with the list steps of ``draft``
    (``5.`` after ``4.``, a bulleted list or a paragraph having broken the list in two)."""
    if draft is None or not isinstance(block, ListBlock) or not block.ordered:
        return False
    return _has_list_steps(draft) and block.items[0].number == len(draft.steps) + 1


def _goes_on(draft: _Draft | None, block: ListBlock, after: Block | None) -> bool:
    """Whether ``block`` belongs to the steps of ``draft``: the points of its last step
    written as a numbered sub-heading, more list steps going on with their numbers, or what
    broke them in two (``4.``, a bulleted list, ``5.``)."""
    if draft is not None and draft.steps and not _has_list_steps(draft):
        return True
    return _continues(draft, block) or _continues(draft, after)


def _another_process(
    draft: _Draft | None, block: ListBlock, after: Block | None, names: Names
) -> bool:
    """Whether a numbered list under a heading whose flow already has its list of steps is a
    process of its own (a second drawing's steps, numbered from 1 again), not more of them."""
    if draft is None or not _has_list_steps(draft) or not block.ordered:
        return False
    if _continues(draft, block) or _continues(draft, after):
        return False
    return _states_transfers(block, names)


def _go_on(draft: _Draft, block: ListBlock) -> None:
    """``block``'s items as more steps of ``draft`` (going on with its numbers), or as points
    of its last step (asides when its steps are a list)."""
    if _continues(draft, block):
        draft.take(block.items)
    else:
        draft.note(flatten(block.items), aside=_has_list_steps(draft))


def _next(blocks: list[Block], index: int) -> Block | None:
    return blocks[index + 1] if index + 1 < len(blocks) else None


def _has_list_steps(draft: _Draft) -> bool:
    return bool(draft.steps) and leading_number(draft.steps[0][0])[0] is None
