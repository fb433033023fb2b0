"""A document not in the template's shape -> the model: its edge statements wherever they
are (headings, list items, table cells, plain code blocks) become integrations, their ends
systems; one info finding (FV111) says the document was read this way."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import replace
from html import unescape
from typing import TYPE_CHECKING

from flowviz.config import Config
from flowviz.errors import MapError
from flowviz.model import Flow, Integration, Map, Project, Step
from flowviz.parse.arrows import (
    ACTION_FIRST,
    ARROW,
    HEADING_CHAIN,
    MECHANISM,
    Candidate,
    Ends,
    Hop,
    candidate,
    data_and_method,
    hops,
    is_clause,
)
from flowviz.parse.blocks import (
    Block,
    CodeBlock,
    Heading,
    Item,
    ListBlock,
    Paragraph,
    Row,
    Table,
    flatten,
)
from flowviz.parse.code_blocks import code_candidates, stacked
from flowviz.parse.components import Component, components, declare
from flowviz.parse.context import Context, Report
from flowviz.parse.described import described_components, described_transfers, system_like
from flowviz.parse.drawings import connector_candidates
from flowviz.parse.integrations import rows_with_an_end
from flowviz.parse.keywords import (
    INSTANCE_WORDS,
    OTHERS_WORDS,
    TITLED_AFTER_WORDS,
    alternation,
    mapping_label,
    not_done,
    quoted_prompts,
)
from flowviz.parse.lifelines import lifeline_candidates
from flowviz.parse.listed import capability_lists, listed_integrations
from flowviz.parse.loose_names import (
    boxes_apart,
    component_system,
    end_in_group,
    engine_of,
    known_end,
    names_finder,
    product_kind,
    short_names_merged,
    system_of,
)
from flowviz.parse.loose_tables import (
    edge_table,
    edge_tables,
    io_rows,
    labelled_rows,
    matrix_rows,
)
from flowviz.parse.process import process_flows
from flowviz.parse.sections import classify_heading
from flowviz.parse.systems import Registry
from flowviz.parse.text import checkbox, stem, without_emoji
from flowviz.parse.worded import (
    WordedStatements,
    document_subject,
    looks_like_a_name,
    word_arrow,
)
from flowviz.source import SourceText

if TYPE_CHECKING:
    from flowviz.parse.diagrams import Diagram

DIAGRAM_LANGUAGES = frozenset(
    {"mermaid", "plantuml", "puml", "dot", "graphviz", "structurizr", "structurizr-dsl", "c4"}
)
"""Code blocks in a diagram language: read by their own grammar, never as arrow lines."""


def read_loose(
    source: SourceText, blocks: list[Block], code: list[CodeBlock], config: Config
) -> Map:
    """Read a document that has none of the template's map sections; refuse it (MapError)
    when it states no edge either."""
    ctx = Context(Report(source.path), Registry(), template=False)
    ctx.report.add(
        "FV111",
        "info",
        1,
        "not in the template's shape: read its arrow lines, edge tables, diagrams and "
        "process lists; the template's sections are not asked for",
        hint="to check it as a map, write it in the template (sections 1-10)",
    )
    extra = config.products
    listed = components(blocks, source.text.splitlines())
    named = _with_components(extra, listed)  # statements may name them as products
    tables = edge_tables(blocks, ctx, names_finder(ctx, extra))
    tables += [r for b in blocks if isinstance(b, Table) for r in matrix_rows(b, ctx)]
    tables += [r for b in blocks if isinstance(b, Table) for r in io_rows(b, ctx)]
    tables += labelled_rows(blocks, ctx, extra)
    subject = document_subject(_project(blocks).name)
    statements = list(_candidates(blocks, code, source.text.splitlines(), named, subject))
    numbered = [item for item in statements if item.numbered]
    statements = [item for item in statements if not item.numbered]
    ends = Ends(
        lambda name: known_end(name, ctx, named),
        subject=subject,
        in_catalogue=lambda name: product_kind(name, named) is not None,
    )
    drawn, flows = _diagrams(code, blocks, ctx, extra)
    for hop in drawn:
        ends.see(hop.source, hop.line)
        ends.see(hop.target, hop.line)
    _see_ends(statements, ends)
    drawn_between = [hop for hop in drawn if hop.source != hop.target]
    ends.forget_paths(statements)
    ends.settle_trees(statements)
    stated = _once([hop for item in statements for hop in hops(item, ends)])
    rows = sorted(stated + drawn_between, key=_at)
    integrations = [
        row for number, hop in enumerate(rows, 1) for row in _rows(hop, number, ctx, extra)
    ]
    flows = [_flow(flow, n, ctx, extra) for n, flow in enumerate(flows, 1)]
    engine = engine_of(source.text, ctx, extra)
    declare(listed, ctx.registry, _kind_of(extra), extra)
    described = _described(blocks, source.text.splitlines(), ctx, extra)
    processes, edges = process_flows(
        blocks,
        names_finder(ctx, extra),
        engine,
        lambda title: component_system(title, ctx, extra),
        source.text.splitlines(),
        lambda found: [system_of(name, ctx, extra, exact=True) for name in found],
        ctx.registry.lookup_name,
    )
    edges += described
    unread = _not_steps(numbered, processes)
    _see_ends(unread, ends)
    told_hops = _once([hop for item in unread for hop in hops(item, ends)])
    integrations += [
        row
        for number, hop in enumerate(told_hops, len(rows) + 1)
        for row in _rows(hop, number, ctx, extra)
    ]
    rows += told_hops  # numbered on from here: the steps' rows come after
    told = {item.line for item in statements if item.told} & {s.line for s in edges}
    integrations = [row for row in integrations if row.line not in told]  # the step says more
    processes = [_arrow_ends(f, integrations) for f in processes]
    flows += [f.model_copy(update={"number": len(flows) + f.number}) for f in processes]
    stated = {row.line for row in integrations}
    integrations += _step_rows([s for s in edges if s.line not in stated], len(rows))
    integrations, flows = short_names_merged(ctx.registry, integrations + tables, flows)
    names = {s.id: " ".join([s.name, *s.aliases]) for s in ctx.registry.systems.values()}
    integrations = _numbered(
        [
            r
            for r in rows_with_an_end(integrations, ctx.report)
            if not _to_itself(r) and not _among_peers(r, names)
        ]
    )
    if not integrations and not any(f.steps for f in flows):
        raise MapError(
            "not an integration map: no integration, identifier or data-flow section, "
            "and no edge statement found",
            source.path,
            1,
        )
    return Map(
        file=source.path,
        language=_language(source.text),
        project=_project(blocks),
        systems=ctx.registry.freeze(),
        integrations=integrations,
        flows=flows,
        diagnostics=sorted(ctx.report.diagnostics, key=lambda d: (d.line, d.column, d.code)),
    )


def _has_the_tool_for_an_end(found: Candidate, subject: str | None) -> bool:
    """Whether an arrow statement has the document's tool for one of its ends."""
    return subject is not None and any(subject in segment for segment in found.segments)


def _with_components(extra: dict[str, list[str]], listed: list[Component]) -> dict[str, list[str]]:
    """The ``flowviz.yaml`` products and the names of the document's components lists: a
    sentence between two components (``ATA Gateway sends data to the ATA Center``) is an
    edge statement as one between two products of the catalogue is."""
    names = [name for component in listed for name in (component.name, *component.aliases)]
    return {**extra, "other": [*extra.get("other", []), *names]} if names else extra


def _see_ends(statements: list[Candidate], ends: Ends) -> None:
    """Record where each end of the statements is written; a tree's boxes and a stacked
    hop's make no other end a system, so they are not recorded."""
    for item in statements:
        for segment in item.segments if item.tree is None and not item.stacked else ():
            for end in segment:
                ends.see(end, item.line, written=not item.drawn)


def _not_steps(items: list[Candidate], processes: list[Flow]) -> list[Candidate]:
    """The told items of numbered lists that no process reads as a step: a step on the same
    line names its ends in its own way."""
    at_steps = {step.line for flow in processes for step in flow.steps}
    return [item for item in items if item.line not in at_steps]


def _described(
    blocks: list[Block], lines: list[str], ctx: Context, extra: dict[str, list[str]]
) -> list[Step]:
    """The transfers the lists describing components state, each component made a system
    before any description is read (a description may name one listed below it)."""
    found = described_components(blocks, lines, extra)
    systems = [declare([item.component], ctx.registry, _kind_of(extra), extra)[0] for item in found]
    names = names_finder(ctx, extra)
    pairs = zip(found, systems, strict=True)
    return [step for item, system in pairs for step in described_transfers(item, system, names)]


def _kind_of(extra: dict[str, list[str]]) -> Callable[[str], str]:
    """A declared component's kind: its product's in the catalogue, else ``other``."""
    return lambda name: product_kind(name, extra) or "other"


def _to_itself(row: Integration) -> bool:
    """A statement whose two ends are one system (``Service ↔ Service``) is no edge."""
    same = row.source is not None and row.source == row.target
    return same and row.source_parts == row.target_parts


def _among_peers(row: Integration, names: dict[str, str]) -> bool:
    """A statement from an instance of a component to the others (``Узел Vault`` -> ``Другие
    узлы кластера``, ``Worker`` -> ``other worker nodes``) or to the leader of its kind
    (``Новый узел`` -> ``API узла-лидера``) is traffic inside one system, no edge; ``Other
    HMPPS Services`` are no instances of anything."""
    if row.source is None or row.target is None or row.source == row.target:
        return False  # inside a group its parts tell (``Other HMPPS Services``' two APIs)
    ends = [names.get(row.source, ""), names.get(row.target, "")]
    for one, other in (ends, ends[::-1]):
        for found in _OTHERS.finditer(other):
            kind = found["kind"] or found["head"]
            if not any(_same_kind(kind, word) for word in INSTANCE_WORDS):
                continue
            if found["kind"] or any(_same_kind(kind, w) for w in _WORDS.findall(one)):
                return True  # ``other nodes`` are the sender's; a leader, of its own kind
    return False


def _same_kind(a: str, b: str) -> bool:
    """Whether two words name one kind of thing: one stem, or stems a dropped vowel apart
    (``узел``, ``узла``)."""
    a, b = stem(a), stem(b)
    if a == b:
        return True
    if min(len(a), len(b)) < 3 or a[:2] != b[:2] or abs(len(a) - len(b)) != 1:
        return False
    longer, shorter = (a, b) if len(a) > len(b) else (b, a)
    return any(longer[:i] + longer[i + 1 :] == shorter for i in range(len(longer)))


_OTHERS = re.compile(
    r"(?<!\w)(?:" + alternation(OTHERS_WORDS) + r")\s+(?P<kind>[^\W\d_]+)"
    r"|(?<!\w)(?P<head>[^\W\d_]+)-(?:лидер[а-я]*|leader|primary|master)(?!\w)",
    re.IGNORECASE,
)
"""``другие узлы``, ``other pods``, ``узла-лидера``: the others of a kind, or its leader."""


_WORDS = re.compile(r"[^\W\d_]+")


def _project(blocks: list[Block]) -> Project:
    """The document's title (its first top-level heading) as the project's name."""
    title = next((b for b in blocks if isinstance(b, Heading) and b.level == 1), None)
    name = without_emoji(title.text) if title else ""
    return Project(name=name or None, line=title.line if name else None)


def _source_lines(block: Paragraph, lines: list[str]) -> str:
    """The lines a paragraph is written on, as written (up to the next blank line)."""
    written = []
    for raw in lines[block.line - 1 :]:
        if not raw.strip():
            break
        written.append(raw)
    return "\n".join(written)


def _candidates(
    blocks: list[Block],
    code: list[CodeBlock],
    lines: list[str],
    extra: dict[str, list[str]],
    subject: str | None = None,
) -> Iterator[Candidate]:
    """Every arrow statement of headings, list items, table cells, lines of paragraphs and
    plain code blocks; a paragraph of boxes stacked with arrows between is read as a code
    block's vertical chain (``lines``: the document's)."""
    texts: list[tuple[str, int]] = []
    titles: list[tuple[str, int]] = []
    numbered: set[int] = set()  # a numbered list's items: a step's subject is often the tool
    headings: set[int] = set()  # a title names its ends: they need only read as names
    worded = WordedStatements(extra, subject)
    lead_in: Block | None = None
    for block in blocks:
        if isinstance(block, ListBlock) and lead_in is not None and _no_statements(lead_in):
            pass  # ``What it never does:`` over ``- Publish a GTM container``
        elif isinstance(block, Heading):
            texts.append((block.text, block.line))
            headings.add(block.line)
        elif isinstance(block, ListBlock):
            texts += _item_texts(block, lines)
            titles += [(t, i.line) for i in flatten(block.items) for t in i.titles]
            numbered |= {i.line for i in flatten(block.items) if block.ordered}
        elif isinstance(block, Table) and edge_table(block) is None:
            rows = block.rows
            texts += [(cell, row.line) for row in rows for cell in _row_statements(row, worded)]
        elif isinstance(block, Paragraph) and stacked(stack := _source_lines(block, lines)):
            boxes = "\n".join(without_emoji(line) for line in stack.split("\n"))
            for found in code_candidates(boxes, block.line):
                found.drawn, found.stacked = False, True
                yield found
        elif isinstance(block, Paragraph):
            said = block.text.split("\n")
            texts += [(text, block.line + n) for n, text in enumerate(said)]
            texts += worded.trigger_and_action(said, block.line)
        lead_in = block if isinstance(block, (Heading, Paragraph)) else lead_in
    stated: set[int] = set()
    series = _heading_series(texts, headings)
    for written, line in texts:
        text = _arrow_line(worded, written, heading=line in headings)
        titled = line in headings and bool(ARROW.search(text)) and not ARROW.search(written)
        told = not ARROW.search(text)
        text = worded.told(text, both_named=line in numbered) if told else text
        if ARROW.search(text):
            found = candidate(text, line)
            if found is not None:
                # a numbered item's other end taken for the document's tool: a process step
                # read on its line says more (its doer may be named: ``### `report.py` ``)
                found.told = told or (line in numbered and _has_the_tool_for_an_end(found, subject))
                found.numbered = told and line in numbered
                # ``Синхрон из ЮKassa в Мой Налог``: a title names its ends
                found.drawn, found.titled = titled, line in headings
                stated.add(line)
                yield _named_ends(found) if line in series else found
    for title, line in titles:  # a linked article's title (``Прием данных из Kafka в X``)
        text = worded.as_arrow_line(title)
        if line not in stated and not ARROW.search(title) and ARROW.search(text):
            found = candidate(text, line)
            if found is not None:
                yield found
    for found in (
        *listed_integrations(blocks, subject, worded.products, extra),
        *capability_lists(blocks, subject, worded.products, extra),
    ):
        if found.line not in stated:
            yield found
    yield from _plain_code_candidates(code)


def _plain_code_candidates(code: list[CodeBlock]) -> Iterator[Candidate]:
    """The statements of the code blocks that are no diagram code (Mermaid, PlantUML)."""
    for block in code:
        if block.info not in DIAGRAM_LANGUAGES and not block.text.lstrip().startswith("@start"):
            yield from _drawn_candidates(block)


def _heading_series(texts: list[tuple[str, int]], headings: set[int]) -> set[int]:
    """The lines of the headings that are arrows between two ends, when a document has
    ``MIN_HEADING_SERIES`` of them or more (a reference of connections, one section each:
    ``### Сервер сайта --> контроллер домена``); none otherwise."""
    lines = {
        line
        for text, line in texts
        if line in headings and len(ARROW.findall(text)) == 1 and not ARROW.match(text.strip())
    }
    return lines if len(lines) >= MIN_HEADING_SERIES else set()


MIN_HEADING_SERIES = 3
"""The fewest headings that are arrows for a document to be a reference of connections."""


def _named_ends(found: Candidate) -> Candidate:
    """A heading's arrow of a series as a statement whose two ends are names as the
    heading writes them, the first letter of each capitalised (a heading writes a name after
    its first word in lower case: ``--> точка распространения``); as it is when it has more
    ends or one is a way of pushing (``Stripe->Email Webhook``: how the mail is sent)."""
    ends = [end for segment in found.segments for end in segment]
    if len(found.segments) != 2 or any(MECHANISM.search(end) for end in ends):
        return found
    segments = [[end[:1].upper() + end[1:] for end in segment] for segment in found.segments]
    return replace(found, segments=segments, drawn=True)


def _arrow_line(worded: WordedStatements, written: str, *, heading: bool) -> str:
    """A text as the arrow line it states in words, a heading also by the records it names
    and where they go (``Zoho Leads to Hull Users``)."""
    text = worded.as_arrow_line(written)
    if not heading:
        return text if ARROW.search(text) else worded.named_pair(worded.product_chain(text))
    if not ARROW.search(text) and HEADING_CHAIN.search(text):
        text = HEADING_CHAIN.sub(" -> ", text)  # ``BigCommerce (new order) > IOM > Flexe``
    if not ARROW.search(text):
        text = worded.product_chain(text)  # ``Amazon EventBridge Scheduler to AWS Lambda to …``
    return _TITLE_TAIL.sub("", text) if ARROW.search(text) else worded.titled_records(text)


_TITLE_TAIL = re.compile(r"\s+(?:" + alternation(TITLED_AFTER_WORDS) + r")\s*$", re.IGNORECASE)
"""What a heading naming a direction ends with after its receiver (``HubSpot → Supabase
Sync``): the heading's subject, no part of the receiver's name."""


def _drawn_candidates(block: CodeBlock) -> Iterator[Candidate]:
    """The statements of a plain code block: a drawing of lifelines gives its arrows only (its
    text is each participant's own work), any other its arrow lines, chains and connectors."""
    messages = lifeline_candidates(block.text, block.line)
    yield from messages
    if not messages:
        yield from code_candidates(block.text, block.line)
        yield from connector_candidates(block.text, block.line)


def _item_texts(block: ListBlock, lines: list[str]) -> list[tuple[str, int]]:
    """The first line of each item of a list, and the arrow lines further down an item."""
    items = flatten(block.items)
    texts = [(checkbox(item.text.split("\n")[0])[1], item.line) for item in items]
    return texts + [said for item in items for said in _arrow_lines_after(item, lines)]


def _arrow_lines_after(item: Item, lines: list[str]) -> list[tuple[str, int]]:
    """The lines of a list item after its first that draw an arrow (``- **Lead path:**`` over
    ``Tilda → amoCRM``), each on the source line that holds it (a blank line inside an item
    is no line of its text)."""
    found: list[tuple[str, int]] = []
    at = item.line
    for text in item.text.split("\n")[1:]:
        if not text.strip():
            continue
        key = _plain(text)[:MATCH_CHARS]
        line = next(
            (
                n
                for n in range(at + 1, min(at + MAX_ITEM_LINES, len(lines)) + 1)
                if key and key in _plain(lines[n - 1])
            ),
            None,
        )
        if line is not None:
            found.append((text, line))
            at = line
    return found


MATCH_CHARS = 24
"""How much of an item's line is matched against the source to find its line."""
MAX_ITEM_LINES = 40
"""How far below an item's first line its other lines are looked for."""


def _plain(text: str) -> str:
    """``text`` without markup or spaces, to match an item's line with its source line."""
    return re.sub(r"[\s*_`\[\]()>#]+", "", text)


def _row_statements(row: Row, worded: WordedStatements) -> list[str]:
    """The cells of a table row to read for arrows: those that draw one; else the first that
    states an edge in words (``Сохранение логов ALB в YDB`` in the name and again in the
    description is one edge), already written as its arrow line; else the cells written as
    sentences, for the sentence reader."""
    cells = [word_arrow(cell.text) for cell in row.cells]
    drawn = [cell for cell in cells if ARROW.search(cell)]
    if drawn:
        return drawn
    stated = (worded.as_arrow_line(cell) for cell in cells)
    said = next(([text] for text in stated if ARROW.search(text)), [])
    return said or [cell for cell in cells if len(cell.split()) >= MIN_SENTENCE_WORDS]


MIN_SENTENCE_WORDS = 6
"""How many words a table cell needs to be read as a sentence (``Walmart sends the order to
Channel Manager.``) when no cell of its row states an edge in a form of its own."""


def _numbered(integrations: list[Integration]) -> list[Integration]:
    """Ids ``0.<n>`` in line order; the second row of a two-way edge keeps its ``b``."""
    out: list[Integration] = []
    for row in sorted(integrations, key=lambda i: i.line):
        two_way = row.id.endswith("b") and out and out[-1].line == row.line
        number = out[-1].id if two_way else f"0.{len(out) + 1 - _seconds(out)}"
        out.append(row.model_copy(update={"id": number + "b" if two_way else number}))
    return out


def _seconds(rows: list[Integration]) -> int:
    return sum(1 for r in rows if r.id.endswith("b"))


def _arrow_ends(flow: Flow, arrows: list[Integration]) -> Flow:
    """The flow with each step written as an arrow (``Сайт → CRM: заявка``) taking its ends
    from the arrow's integration on the same line."""
    by_line: dict[int, Integration] = {}
    for row in arrows:
        by_line.setdefault(row.line, row)
    steps = [
        s.model_copy(update={"source": by_line[s.line].source, "target": by_line[s.line].target})
        if s.line in by_line
        else s
        for s in flow.steps
    ]
    return flow.model_copy(update={"steps": steps})


def _step_rows(steps: list[Step], done: int) -> list[Integration]:
    """An integration for each step that names its two ends."""
    steps = [s for s in steps if s.source and s.target and s.source != s.target]
    return [
        Integration(
            id=f"0.{done + n}",
            section=None,
            line=step.line,
            source=step.source,
            target=step.target,
            source_data=step.text,
            method=step.method or "",
        )
        for n, step in enumerate(steps, 1)
    ]


def _once(found: list[Hop]) -> list[Hop]:
    """The hops with one of each pair written the same way on one line: a drawing read both
    as strokes between boxes and as a chain of lines states each of its edges once."""
    first: dict[tuple[str, str, int, str], Hop] = {}
    for hop in found:
        first.setdefault((hop.source, hop.target, hop.line, hop.way), hop)
    return list(first.values())


def _at(hop: Hop) -> int:
    return hop.line


def _rows(hop: Hop, number: int, ctx: Context, extra: dict[str, list[str]]) -> list[Integration]:
    """One integration for the hop; a two-way hop is two, one each way on the same line."""
    source = end_in_group(hop.source, hop.groups[0], ctx, extra, hop.exact)
    target = end_in_group(hop.target, hop.groups[1], ctx, extra, hop.exact)
    if hop.way == "back":
        source, target = target, source
    pairs = [(source, target)] + ([(target, source)] if hop.way == "both" else [])
    data, method = data_and_method(hop.label, hop.method)
    return [
        Integration(
            id=f"0.{number}" + ("" if i == 0 else "b"),
            section=None,
            line=hop.line,
            source=a[0],
            source_parts=a[1],
            target=b[0],
            target_parts=b[1],
            source_data=data,
            target_text=hop.target,
            method=method,
        )
        for i, (a, b) in enumerate(pairs)
    ]


def _diagrams(
    code: list[CodeBlock], blocks: list[Block], ctx: Context, extra: dict[str, list[str]]
) -> tuple[list[Hop], list[DrawnFlow]]:
    """The links between systems of every diagram block as hops (a link to a person or a use
    case is none), and each sequence diagram as a flow (its messages as steps, a person's
    among them); a statement that does not parse is reported (FV112)."""
    from flowviz.parse.diagrams import read_diagram  # noqa: PLC0415 (lark, only for diagrams)

    out: list[Hop] = []
    flows: list[DrawnFlow] = []
    for written in code:
        escaped = bool(_ENTITY_ARROW.search(written.text))
        block = written._replace(text=unescape(written.text)) if escaped else written
        if escaped:
            ctx.report.add(
                "FV112",
                "warning",
                max(block.line - 1, 1),
                "diagram written with HTML entities (--&gt;): read with them decoded",
                hint="write the arrows as they are (-->); a renderer draws no edge from --&gt;",
            )
        diagram = read_diagram(block.info, block.text, block.line)
        if diagram is None:
            continue
        if block.file_diagrams > 1 and block.opens > 1:  # the file's second diagram or later
            ctx.report.add(
                "FV113",
                "warning",
                block.opens,
                f"one more {diagram.language} diagram in the same file ({block.file_diagrams} "
                "in all): a diagram tool draws one diagram per source; read on its own",
                hint="keep each diagram in a file (or a fenced block) of its own",
            )
        for line, reason in diagram.errors:
            ctx.report.add(
                "FV112",
                "warning",
                line,
                f"{diagram.language} statement not read: {reason}",
                hint="close the quote or bracket; the rest of the diagram was read",
            )
        drawn = [
            replace(
                k,
                source=diagram.name(k.source),
                target=diagram.name(k.target),
                exact=True,
                groups=(diagram.group(k.source), diagram.group(k.target)),
            )
            for k in diagram.links
        ]
        links = zip(drawn, diagram.links, strict=True)
        if _a_run_order(diagram, extra):
            continue  # ``Sign up --> Cookie session --> Connect a source``: what a user does
        boxes_apart([end for hop in drawn for end in (hop.source, hop.target)], ctx, extra)
        if not _of_identifiers(_heading_above(blocks, block.line)):
            out += [hop for hop, link in links if diagram.between_systems(link)]
        if diagram.kind == "sequence" and drawn:
            people = {diagram.name(person) for person in diagram.people}
            flows.append((_heading_above(blocks, block.line), block.line, drawn, people))
    return out, flows


MIN_RUN_ORDER_NODES = 5
"""A flowchart of fewer nodes than this is read for its links, whatever its labels say."""


def _a_run_order(diagram: Diagram, extra: dict[str, list[str]]) -> bool:
    """Whether a flowchart draws what someone does in order (``Sign up --> Cookie session -->
    Connect a source --> Encrypted vault``) rather than systems: two of its nodes or more are
    actions and fewer than half name a system (a product, a name, a component)."""
    if diagram.kind != "flowchart":
        return False
    ends = (node for link in diagram.links for node in (link.source, link.target))
    labels = list(dict.fromkeys(diagram.name(node) for node in ends))
    if len(labels) < MIN_RUN_ORDER_NODES:
        return False
    actions = sum(1 for label in labels if ACTION_FIRST.match(label) or is_clause(label))
    named = sum(1 for label in labels if system_like(label, extra) or looks_like_a_name(label))
    return actions >= 2 and 2 * named < len(labels)


def _no_statements(lead_in: Block) -> bool:
    """Whether a lead-in says the list under it states no edge: what is not done (``What it
    never does:``), prompts quoted (``Примеры рабочих промптов:``), or mappings (``**Event
    mappings**:`` over ``- Page views → GA4 `page_view```)."""
    text = lead_in.text  # type: ignore[attr-defined]
    said = not_done(text) or quoted_prompts(text)
    return said or (isinstance(lead_in, Paragraph) and mapping_label(text))


def _of_identifiers(heading: str) -> bool:
    """Whether a diagram stands under a heading of identifiers (``User identification
    levels``, ``Схема идентификаторов``): it draws how identifiers hang together (a user, their
    devices, their sessions), not systems."""
    return classify_heading(heading)[0] in ("identifiers", "id_schema")


_ENTITY_ARROW = re.compile(r"(?:-|=|\.)&gt;|&lt;(?:-|=|\.)")
"""An arrow of diagram code stored HTML-escaped (``A --&gt; B``)."""


def _heading_above(blocks: list[Block], line: int) -> str:
    above = [b.text for b in blocks if isinstance(b, Heading) and b.line < line]
    return above[-1] if above else ""


DrawnFlow = tuple[str, int, list[Hop], set[str]]
"""A sequence diagram as a flow: the heading above it, its line, its messages in order, and
the names of the persons among its participants."""


def _flow(flow: DrawnFlow, number: int, ctx: Context, extra: dict[str, list[str]]) -> Flow:
    title, line, drawn, people = flow

    def end(name: str) -> str:
        if name not in people:
            return system_of(name, ctx, extra, True)
        found = ctx.registry.lookup_name(name)
        if found is None:
            return ctx.registry.add(name, "actor").id
        ctx.registry.systems[found].kind = "actor"  # declared a person: one everywhere
        return found

    steps = [
        Step(
            number=n,
            text=hop.label or f"{hop.source} → {hop.target}",
            source=end(hop.source),
            target=end(hop.target),
            line=hop.line,
        )
        for n, hop in enumerate(drawn, 1)
    ]
    return Flow(number=number, title=title, line=line, steps=steps)


def _language(text: str) -> str:
    cyrillic = len(re.findall(r"[а-яё]", text, re.I))
    latin = len(re.findall(r"[a-z]", text, re.I))
    return "ru" if cyrillic * 3 >= latin else "en"
