"""Section 7: numbered data flows, their declared path and their steps (who sends what to whom,
through what, naming and creating which identifiers)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from flowviz.model import Flow, Step
from flowviz.parse.blocks import Heading, Item, ListBlock, Paragraph, Table, flatten
from flowviz.parse.context import Context
from flowviz.parse.keywords import (
    ASIDE,
    FLOW_LABEL_STEMS,
    NAME_JOINERS,
    STEP_WORDS,
    alternation,
    classify_table,
)
from flowviz.parse.sections import ARROW, FLOW_TITLE, RawSection, is_flow_title
from flowviz.parse.systems import PLACE_PREPOSITIONS, Mention, word_before
from flowviz.parse.text import identifier_list, identifiers_in, leading_number, split_top, words

FROM_PREPOSITIONS = frozenset({"из", "от", "from", "со", "by"})
"""Words before the sender: 'из CRM', 'from HubSpot', '(is sent) by Klaviyo'."""

_STEP_PREFIX = re.compile(rf"^\s*(?:{'|'.join(STEP_WORDS)})\s*(\d+)\s*[:.)—–-]\s*", re.IGNORECASE)
_METHOD = re.compile(
    r"(?<![\w])(?:через|посредством|с помощью|via|using|through)\s+(?:the\s+|a\s+|an\s+)?"
    r"(?P<method>[^()]+?)(?=\s*\(|\s*[,;]|\.\s|\.?$|\s+(?:и|с|для|при|в|во|на|к|and|to|into|for|with|when|on)\s)",
    re.IGNORECASE,
)
_DELAY = re.compile(
    r"^\s*(?:\d+|несколько|пару|a few|few|\d+[.,]\d+)\s*(?:сек|мин|час|дн|недел|месяц|sec|min|"
    r"hour|day|week|month)",
    re.IGNORECASE,
)
"""``через 24 часа`` is a delay, not a method."""
_CREATE_BEFORE = re.compile(
    r"(?<![\w])(?:созда[её]тся|создаются|создается|генерируется|генерируются|присваивается|"
    r"присваиваются|формируется|выда[её]тся|появляется|creates?|generates?|assigns?|issues?|"
    r"new)(?![\w])",
    re.IGNORECASE,
)
_CREATE_AFTER = re.compile(
    r"^\s*(?:is |are |gets? |get )?(?:created|generated|assigned|issued|создан|создается)(?![\w])",
    re.IGNORECASE,
)


@dataclass(slots=True)
class _FlowDraft:
    number: int
    title: str
    path: list[list[str]]
    path_text: str
    line: int
    steps: list[Step] = field(default_factory=list)


_OPEN, _NOTES, _OTHER = "open", "notes", "other"
"""What the lists under no flow title are: flows of their own (right under the section heading
or under a label that names flows in general), notes, or lists under a heading that is no
flow title (reported, not read)."""

_FLOW_LABEL = re.compile(alternation(FLOW_LABEL_STEMS, stems_only=True), re.IGNORECASE)


def read_flows(section: RawSection, ctx: Context) -> list[Flow]:
    """Every flow of the section with its steps, in document order."""
    drafts: list[_FlowDraft] = []
    current: _FlowDraft | None = None
    place = _OPEN
    taken = _titled_numbers(section)
    label = section.label
    chained: _FlowDraft | None = None  # the untitled flow that 'Шаг N:' paragraphs go on
    for block in section.blocks:
        if isinstance(block, Paragraph) and _STEP_PREFIX.match(block.text) and current is None:
            chained = _step_paragraph(block, chained, place, drafts, taken, ctx, label)
            continue
        plain = isinstance(block, Paragraph) and not block.strong and not _is_notes_label(block)
        if not plain or _is_title(block):  # type: ignore[arg-type]
            chained = None
        if isinstance(block, Heading | Paragraph) and _is_title(block):
            current, place = _start(block.text, block.line, drafts, ctx, label), _OPEN
            drafts.append(current)
        elif isinstance(block, Heading) or (
            isinstance(block, Paragraph) and (block.strong or _is_notes_label(block))
        ):
            current, place = None, _place_under(block.text)
        elif isinstance(block, Paragraph) and _STEP_PREFIX.match(block.text) and current:
            current.steps.append(
                read_step(block.text, block.line, len(current.steps) + 1, ctx, label)
            )
        elif isinstance(block, ListBlock) and current is not None:
            _add_steps(current, block.items, ctx, label)
        elif isinstance(block, Table):
            flow = current
            if flow is None and place == _OPEN and _is_step_table(block) and block.rows:
                flow = _untitled(block.rows[0].line, drafts, taken, ctx, label)
            _step_table(block, flow, ctx, label)
        elif isinstance(block, ListBlock):
            found = _flows_in_list(block, drafts, ctx, label)
            drafts.extend(found)
            if not found and place != _NOTES:
                _untitled_lists(block, place, drafts, taken, ctx, label)
    return [
        Flow(
            number=d.number,
            title=d.title,
            path=d.path,
            path_text=d.path_text,
            line=d.line,
            steps=d.steps,
        )
        for d in drafts
    ]


def _place_under(text: str) -> str:
    """What the lists under a heading or label that is no flow title are."""
    if ASIDE.search(text):
        return _NOTES
    return _OPEN if _FLOW_LABEL.search(text) else _OTHER


def _is_notes_label(block: Paragraph) -> bool:
    """A plain label line such as ``Важно:`` / ``Notes:`` over a list of notes."""
    text = block.text.strip()
    return (
        not block.strong
        and "\n" not in text
        and len(text) <= 60
        and text.endswith(":")
        and bool(ASIDE.search(text))
    )


def _titled_numbers(section: RawSection) -> set[int]:
    """The numbers the section's flow titles give, wherever they stand."""
    numbers: set[int] = set()
    for block in section.blocks:
        if isinstance(block, Heading | Paragraph) and _is_title(block):
            texts = [block.text]
        elif isinstance(block, ListBlock) and all(
            is_flow_title(i.text.rstrip(":")) for i in block.items
        ):
            texts = [i.text for i in block.items]
        else:
            continue
        numbers.update(n for n in map(_title_number, texts) if n is not None)
    return numbers


def _title_number(text: str) -> int | None:
    text = text.strip().rstrip(":").strip()
    match = FLOW_TITLE.match(text)
    if match and match.group(1):
        return int(match.group(1))
    return leading_number(text)[0]


def _untitled(
    line: int, drafts: list[_FlowDraft], taken: set[int], ctx: Context, label: str
) -> _FlowDraft | None:
    """A flow for steps that have no title: the next number, unless a flow title of the
    section gives that number (then the steps stand above their flows and are not read)."""
    number = max((d.number for d in drafts), default=0) + 1
    if number in taken:
        return None
    ctx.report.add(
        "FV109",
        "warning",
        line,
        f"steps in the data-flow section under no flow title; read as flow {number} with no title",
        section=label,
        hint=f"put a title such as '**Поток {number}: ... (A → B)**' above the steps",
    )
    draft = _FlowDraft(number, "", [], "", line)
    drafts.append(draft)
    return draft


def _untitled_lists(
    block: ListBlock,
    place: str,
    drafts: list[_FlowDraft],
    taken: set[int],
    ctx: Context,
    label: str,
) -> None:
    """A list under no flow title: each run of it (a numbered list that starts again at 1
    is a new run) is a flow with no title, or is reported when it cannot be one."""
    for run in _runs(block.items):
        flow = _untitled(run[0].line, drafts, taken, ctx, label) if place == _OPEN else None
        if flow is None:
            _orphan_items(run, ctx, label)
        else:
            _add_steps(flow, run, ctx, label)


def _runs(items: tuple[Item, ...]) -> list[list[Item]]:
    """The items of a list split where its numbering starts again (``5.`` then ``1.``)."""
    runs: list[list[Item]] = []
    for item in items:
        last = runs[-1][-1] if runs else None
        restart = (
            last is not None
            and item.number is not None
            and last.number is not None
            and item.number <= last.number
        )
        if last is None or restart:
            runs.append([item])
        else:
            runs[-1].append(item)
    return runs


def _step_paragraph(
    block: Paragraph,
    chained: _FlowDraft | None,
    place: str,
    drafts: list[_FlowDraft],
    taken: set[int],
    ctx: Context,
    label: str,
) -> _FlowDraft | None:
    """A ``Шаг N:`` paragraph under no flow title: a step of the untitled flow the previous
    ``Шаг`` paragraphs began (a new one at ``Шаг 1``), or reported."""
    match = _STEP_PREFIX.match(block.text)
    restart = match is not None and int(match.group(1)) == 1
    if chained is None or restart:
        chained = _untitled(block.line, drafts, taken, ctx, label) if place == _OPEN else None
    if chained is None:
        _orphan(block.line, ctx, label)
        return None
    chained.steps.append(read_step(block.text, block.line, len(chained.steps) + 1, ctx, label))
    return chained


def _is_step_table(table: Table) -> bool:
    mapped = classify_table([c.text for c in table.header], "flows")
    return mapped is not None and mapped.kind == "steps"


def _step_table(table: Table, flow: _FlowDraft | None, ctx: Context, label: str) -> None:
    """A flow's steps written as a table: ``| Шаг | Откуда | Куда | Что | Метод |``."""
    mapped = classify_table([c.text for c in table.header], "flows")
    if mapped is None or mapped.kind != "steps":
        return  # the reader of tables reports a table it cannot place
    for row in table.rows:
        if flow is None:
            ctx.report.add(
                "FV107",
                "warning",
                row.line,
                "step table row in the data-flow section is under no flow title; not read",
                section=label,
                hint="put a title such as '**Поток 1: ... (A → B)**' above it",
            )
            continue
        values = mapped.read(row).values
        if any(values.values()):
            skip = mapped.columns.get("number")
            text = " | ".join(c.text for i, c in enumerate(row.cells) if i != skip and c.text)
            step = _table_step(values, text, row.line, len(flow.steps) + 1, ctx, label)
            flow.steps.append(step)


def _cell_system(text: str, line: int, ctx: Context, label: str) -> tuple[str | None, tuple]:
    """A system cell of a step table; a person (``Пользователь``) is the actor."""
    mentions = ctx.registry.named_in(text)
    if len(mentions) == 1 and ctx.registry.kind_of(mentions[0].system) == "actor":
        return mentions[0].system, ()
    return ctx.system(text, line, 1, label)


def _table_step(
    values: dict[str, str], text: str, line: int, number: int, ctx: Context, label: str
) -> Step:
    source, source_parts = _cell_system(values.get("source", ""), line, ctx, label)
    target, target_parts = _cell_system(values.get("target", ""), line, ctx, label)
    data = values.get("data", "")
    named = identifier_list(values.get("identifiers", ""))
    named += [n for n in identifiers_in(data, ctx.identifiers) if n not in named]
    top = ctx.registry.top
    return Step(
        number=number,
        text=text,
        source=top(source) if source else None,
        target=top(target) if target and top(target) != (top(source) if source else None) else None,
        source_parts=[*source_parts, *([source] if source and top(source) != source else [])],
        target_parts=[*target_parts, *([target] if target and top(target) != target else [])],
        method=values.get("method") or None,
        identifiers=named,
        created=_created(data, named),
        line=line,
    )


def _is_title(block: Heading | Paragraph) -> bool:
    if isinstance(block, Paragraph) and not block.strong:
        match = FLOW_TITLE.match(block.text)
        return bool(match and match.group(1)) and "\n" not in block.text
    return is_flow_title(block.text.rstrip(":"))


def _orphan_items(items: list[Item], ctx: Context, label: str) -> None:
    for item in flatten(items):
        _orphan(item.line, ctx, label)


def _orphan(line: int, ctx: Context, label: str) -> None:
    ctx.report.add(
        "FV107",
        "warning",
        line,
        "list item in the data-flow section is under no flow title; not read as a step",
        section=label,
        hint="put a title such as '**Поток 1: ... (A → B)**' above the steps",
    )


def _flows_in_list(
    block: ListBlock, drafts: list[_FlowDraft], ctx: Context, label: str
) -> list[_FlowDraft]:
    """Flows written as list items (``- **Поток 1: ...**``) with their steps nested."""
    found: list[_FlowDraft] = []
    if not all(is_flow_title(item.text.rstrip(":")) for item in block.items):
        return found
    for item in block.items:
        draft = _start(item.text, item.line, drafts + found, ctx, label)
        _add_steps(draft, item.children, ctx, label)
        found.append(draft)
    return found


def _start(text: str, line: int, drafts: list[_FlowDraft], ctx: Context, label: str) -> _FlowDraft:
    """A flow from its title: number, title and declared path."""
    text = text.strip().rstrip(":").strip()
    match = FLOW_TITLE.match(text)
    number: int | None = None
    if match and match.group(1):
        number, title = int(match.group(1)), match.group(2)
    else:
        number, title = leading_number(text)
    if number is None:
        number = max((d.number for d in drafts), default=0) + 1
    title, path_text = _split_path(title)
    path = _path(path_text, line, ctx, label)
    return _FlowDraft(number, title, path, path_text, line)


def _split_path(title: str) -> tuple[str, str]:
    """``Создание лида (Сайт → CRM)`` -> (``Создание лида``, ``Сайт → CRM``); the path's
    names may have brackets of their own (``Сайт → amoCRM (опт)``)."""
    for start, end in _bracket_groups(title):
        inner = title[start + 1 : end]
        if ARROW.search(inner):
            rest = (title[:start] + title[end + 1 :]).strip(" :—–-")
            return rest, inner.strip()
    if ARROW.search(title):
        head, sep, tail = title.partition(":")
        if sep and ARROW.search(tail) and not ARROW.search(head):
            return head.strip(), tail.strip()
        return title.strip(), title.strip()
    return title.strip(), ""


def _bracket_groups(text: str) -> list[tuple[int, int]]:
    """The (start, end) of each outermost pair of round brackets in ``text``."""
    groups, depth, start = [], 0, 0
    for i, char in enumerate(text):
        if char == "(":
            start = i if depth == 0 else start
            depth += 1
        elif char == ")" and depth:
            depth -= 1
            if depth == 0:
                groups.append((start, i))
    return groups


def _path(text: str, line: int, ctx: Context, label: str) -> list[list[str]]:
    stages: list[list[str]] = []
    if not text:
        return stages
    for stage in ARROW.split(text):
        ids: list[str] = []
        for name in split_top(stage, ",/+&"):
            for piece in re.split(r"\s+(?:и|and)\s+", name):
                system = ctx.system(piece, line, 1, label)[0]
                if system is not None:
                    top = ctx.registry.top(system)
                    if top not in ids:
                        ids.append(top)
        if ids:
            stages.append(ids)
    return stages


def _add_steps(
    draft: _FlowDraft, items: list[Item] | tuple[Item, ...], ctx: Context, label: str | None = None
) -> None:
    """Steps of a list. Items nested under a step are its sub-points; under a line that names
    no system (a group label such as 'Регистрация:') they are steps themselves."""
    for item in items:
        step = read_step(item.text, item.line, len(draft.steps) + 1, ctx, label)
        if item.children and (step.source or step.target):
            nested = flatten(item.children)
            step = step.model_copy(
                update={"notes": [n.text for n in nested], "lines": [n.line for n in nested]}
            )
            draft.steps.append(step)
            continue
        draft.steps.append(step)
        _add_steps(draft, item.children, ctx, label)


def method_in(text: str) -> re.Match[str] | None:
    """Where a step names its method (``через Webhook``, ``via the API``; its ``method``
    group), a delay (``через 24 часа``) not counted."""
    return next((m for m in _METHOD.finditer(text) if not _DELAY.match(m["method"])), None)


def read_step(text: str, line: int, number: int, ctx: Context, label: str | None = None) -> Step:
    """One step: the acting system, the receiving one, the method and the identifiers."""
    body = _STEP_PREFIX.sub("", text, count=1)
    method_match = method_in(body)
    method_span = method_match.span() if method_match else (0, 0)
    depth = _paren_depth(body)
    every = ctx.registry.named_in(body)
    mentions = [
        m for m in every if depth[m.start] == 0 and not method_span[0] <= m.start < method_span[1]
    ]
    source, target = _roles(body, mentions, ctx)
    if source is None:
        source = _unknown_sender(body, depth, line, ctx, label)
    skip = [(m.start, m.end) for m in every] + _letters(body)
    named = identifiers_in(body, ctx.identifiers, skip)
    registry = ctx.registry
    return Step(
        number=number,
        text=text,
        source=registry.top(source.system) if source else None,
        target=registry.top(target.system) if target else None,
        source_parts=_parts(source, body, every, ctx),
        target_parts=_parts(target, body, every, ctx),
        method=method_match.group("method").strip() if method_match else None,
        identifiers=named,
        created=_created(body, named),
        line=line,
    )


def _roles(
    body: str, mentions: list[Mention], ctx: Context
) -> tuple[Mention | None, Mention | None]:
    """Who acts (the first system not after a place preposition, or the one after 'из/from')
    and who receives (the first other system after 'в/на/to/in')."""
    arrowed = _arrow_roles(body, mentions, ctx)
    if arrowed is not None:
        return arrowed
    before = {m.start: _word_before(body, m.start) for m in mentions}
    kind = ctx.registry.kind_of
    placed = [
        m for m in mentions if before[m.start] in PLACE_PREPOSITIONS and kind(m.system) != "actor"
    ]
    sources = [m for m in mentions if before[m.start] in FROM_PREPOSITIONS]
    sources += [
        m for m in mentions if m not in sources and before[m.start] not in PLACE_PREPOSITIONS
    ]
    source = sources[0] if sources else None
    top = ctx.registry.top
    target = next(
        (m for m in placed if source is None or top(m.system) != top(source.system)), None
    )
    if source is None and target is not None and len(placed) > 1:
        source, target = (
            target,
            next((m for m in placed[1:] if top(m.system) != top(target.system)), None),
        )
    acting_person = source is not None and kind(top(source.system)) == "actor"
    if acting_person and target is not None and target.weak:
        # a person's action goes where it happens: 'subscribes to the newsletter on the site'
        target = next((m for m in placed if not m.weak), target)
    if target is None and acting_person:
        target = next(
            (m for m in mentions if ctx.registry.systems[top(m.system)].kind != "actor"), None
        )
    return source, target


_UNKNOWN_SENDER = re.compile(
    r"(?<![\w-])(?:by|from|из|от)\s+(?:the\s+)?([A-Z][\w.+-]*[A-Za-z0-9](?:\s[A-Z][\w.+-]*)?)"
)
_NOT_NAME_WORDS = (
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April "
    "May June July August September October November December API UTM"
)
_NOT_NAMES = frozenset(_NOT_NAME_WORDS.split())


def _unknown_sender(
    body: str, depth: list[int], line: int, ctx: Context, label: str | None
) -> Mention | None:
    """``... is sent to the applicant by Twilio``: a product name no section lists, named as
    the sender, becomes a new system (reported) rather than leaving the step without one."""
    for match in _UNKNOWN_SENDER.finditer(body):
        name = match.group(1)
        if depth[match.start(1)] or name.split()[0] in _NOT_NAMES:
            continue
        system = ctx.unknown_system(name, line, match.start(1) + 1, label)
        return Mention(system, match.start(1), match.end(1), name)
    return None


def _arrow_roles(
    body: str, mentions: list[Mention], ctx: Context
) -> tuple[Mention, Mention | None] | None:
    """``Shopify -> GA4: purchase``: the system before the first arrow sends to the one after."""
    depth = _paren_depth(body)
    arrow = next((m for m in ARROW.finditer(body) if depth[m.start()] == 0), None)
    if arrow is None:
        return None
    left = [m for m in mentions if m.end <= arrow.start()]
    right = [m for m in mentions if m.start >= arrow.end()]
    if not left:
        return None
    target = right[0] if right and ctx.registry.kind_of(right[0].system) != "actor" else None
    return left[-1], target


def _word_before(text: str, start: int) -> str:
    before = words(text[:start])
    return word_before(before, len(before))


def _parts(mention: Mention | None, body: str, every: list[Mention], ctx: Context) -> list[str]:
    """The tools named with a system: the mention itself when it is a tool, or its bracket."""
    if mention is None:
        return []
    registry = ctx.registry
    top = registry.top(mention.system)
    parts = [mention.system] if mention.system != top else []
    parts += [p for p in _joined_parts(mention, body, every, ctx) if p not in parts]
    bracket = re.match(r"\s*\(([^()]*)\)", body[mention.end :])
    if bracket:
        resolved = registry.resolve(f"{registry.systems[top].name} ({bracket.group(1)})")
        parts += [p for p in resolved.parts if p not in parts]
    return parts


_JOINER = re.compile(r"^\s*(?:" + "|".join(map(re.escape, NAME_JOINERS)) + r")\s*$", re.IGNORECASE)


def _joined_parts(mention: Mention, body: str, every: list[Mention], ctx: Context) -> list[str]:
    """``в GA4 и Метрику``: tools of the same group joined to a mention by 'и', 'and', ','."""
    registry = ctx.registry
    top = registry.top(mention.system)
    out: list[str] = []
    previous = mention
    for other in every:
        if other.start < mention.end:
            continue
        if not _JOINER.match(body[previous.end : other.start]) or registry.top(other.system) != top:
            break
        if other.system != top:
            out.append(other.system)
        previous = other
    return out


_A_LETTER = re.compile(r"\b(?:an?|one)\s+(?:[\w-]+\s+)?(e-?mail)\b", re.IGNORECASE)


def _letters(body: str) -> list[tuple[int, int]]:
    """``a pre-arrival email`` is a letter, not the identifier ``email``."""
    return [match.span(1) for match in _A_LETTER.finditer(body)]


def _created(body: str, named: list[str]) -> list[str]:
    """Identifiers the step creates: ``(создается lead_id)``, ``(creates lead_id)``,
    ``(lead_id is created)``."""
    created: list[str] = []
    for match in _CREATE_BEFORE.finditer(body):
        clause = re.split(r"[,;()]|\.\s", body[match.end() :], maxsplit=1)[0]
        created += [n for n in named if _has(clause, n)]
    for name in named:
        for match in re.finditer(rf"(?<![\w-]){re.escape(name)}(?![\w-])", body, re.I):
            if _CREATE_AFTER.match(body[match.end() :]):
                created.append(name)
    return [n for n in named if n in created]


def _has(text: str, name: str) -> bool:
    return re.search(rf"(?<![\w-]){re.escape(name)}(?![\w-])", text, re.I) is not None


def _paren_depth(text: str) -> list[int]:
    """Per character: how deep it sits in brackets or quotes (a quoted «label» names no
    system that acts or receives)."""
    depth, quoted, out, last = 0, False, [], 0
    for match in _DEPTH_MARKS.finditer(text):  # the depth changes only at these
        ch, at = match.group(), match.start()
        out.extend([depth] * (at - last))
        last = at + 1
        if ch == '"':
            quoted = not quoted
        if ch in "(«“" or (ch == '"' and quoted):
            depth += 1
        out.append(depth)
        if (ch in ")»”" or (ch == '"' and not quoted)) and depth:
            depth -= 1
    out.extend([depth] * (len(text) - last))
    out.append(depth)
    return out


_DEPTH_MARKS = re.compile('[(«“)»”"]')
