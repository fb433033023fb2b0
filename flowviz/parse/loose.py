"""A document not in the template's shape -> the model: its edge statements wherever they
are (headings, list items, table cells, plain code blocks) become integrations, their ends
systems; one info finding (FV111) says the document was read this way."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import replace
from html import unescape

from flowviz.config import Config
from flowviz.errors import MapError
from flowviz.model import Flow, Integration, Map, Project, Step
from flowviz.parse.arrows import (
    ARROW,
    Candidate,
    Ends,
    Hop,
    candidate,
    code_candidates,
    component_qualifier,
    data_and_method,
    hops,
    is_component,
    looks_like_name,
)
from flowviz.parse.arrows import name_of as _name_of
from flowviz.parse.blocks import (
    Block,
    CodeBlock,
    Heading,
    ListBlock,
    Paragraph,
    Row,
    Table,
    flatten,
)
from flowviz.parse.components import components, declare
from flowviz.parse.context import Context, Report, TablePlace
from flowviz.parse.drawings import connector_candidates
from flowviz.parse.integrations import read_integration_rows
from flowviz.parse.keywords import (
    COMPONENT_HEADS,
    MATRIX_FROM_WORDS,
    MATRIX_TO_WORDS,
    WORD_ARROWS,
    ColumnMap,
    alternation,
    edge_table_columns,
)
from flowviz.parse.labelled import labelled_edges
from flowviz.parse.process import process_flows
from flowviz.parse.sections import RawSection
from flowviz.parse.systems import (
    MORE_PRODUCTS,
    PLATFORM_WORDS,
    ROLE_NAMES,
    ROLE_WORDS,
    Mention,
    Registry,
    catalogue_kind,
    catalogue_pattern,
    catalogue_spelling,
    role_stems,
)
from flowviz.parse.text import split_top, stems, without_emoji
from flowviz.source import SourceText

DIAGRAM_LANGUAGES = frozenset({"mermaid", "plantuml", "puml", "dot", "graphviz"})
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
    tables = _edge_tables(blocks, ctx, _names(ctx, extra))
    tables += [r for b in blocks if isinstance(b, Table) for r in _matrix_rows(b, ctx)]
    tables += _labelled_rows(blocks, ctx, extra)
    found = list(_candidates(blocks, code))
    ends = Ends(lambda name: _known_end(name, ctx, extra))
    drawn, flows = _diagrams(code, blocks, ctx)
    for hop in drawn:
        ends.see(hop.source, hop.line)
        ends.see(hop.target, hop.line)
    for item in found:
        for segment in item.segments:
            for end in segment:
                ends.see(end, item.line)
    drawn_between = [hop for hop in drawn if hop.source != hop.target]
    ends.forget_paths(found)
    rows = sorted([hop for item in found for hop in hops(item, ends)] + drawn_between, key=_at)
    integrations = [
        row for number, hop in enumerate(rows, 1) for row in _rows(hop, number, ctx, extra)
    ]
    flows = [_flow(flow, n, ctx, extra) for n, flow in enumerate(flows, 1)]
    engine = _engine(source.text, ctx, extra)
    found = components(blocks, source.text.splitlines())
    declare(found, ctx.registry, lambda name: _product(name, extra) or "other", extra)
    processes, edges = process_flows(
        blocks,
        _names(ctx, extra),
        engine,
        lambda title: _component_system(title, ctx, extra),
        source.text.splitlines(),
    )
    processes = [_arrow_ends(f, integrations) for f in processes]
    flows += [f.model_copy(update={"number": len(flows) + f.number}) for f in processes]
    stated = {row.line for row in integrations}
    integrations += _step_rows([s for s in edges if s.line not in stated], len(rows))
    integrations, flows = _short_names_merged(ctx.registry, integrations + tables, flows)
    integrations = _numbered([r for r in integrations if not _to_itself(r)])
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


def _component_system(title: str, ctx: Context, extra: dict[str, list[str]]) -> str | None:
    """The system a heading names when it is a component's name (``Google Ads Reporting
    Service``), else None."""
    name = without_emoji(title).strip(" *_`#:")
    if not is_component(name) or len(name.split()) > MAX_COMPONENT_TITLE_WORDS:
        return None
    return _system(name, ctx, extra, exact=True)


MAX_COMPONENT_TITLE_WORDS = 6


def _to_itself(row: Integration) -> bool:
    """A statement whose two ends are one system (``Service ↔ Service``) is no edge."""
    same = row.source is not None and row.source == row.target
    return same and row.source_parts == row.target_parts


def _project(blocks: list[Block]) -> Project:
    """The document's title (its first top-level heading) as the project's name."""
    title = next((b for b in blocks if isinstance(b, Heading) and b.level == 1), None)
    name = without_emoji(title.text) if title else ""
    return Project(name=name or None, line=title.line if name else None)


def _word_arrow(cell: str) -> str:
    """A table cell that names a transfer in words (``BigQuery To Google Ads``, ``Shopify to
    Klaviyo``) written as an arrow; any other cell as it is.

    >>> _word_arrow("BigQuery To Google Ads Customer Match")
    'BigQuery -> Google Ads Customer Match'
    >>> _word_arrow("Send the lead to the CRM")
    'Send the lead to the CRM'
    """
    found = _WORD_ARROW.fullmatch(cell.strip())
    if found is None or len(cell.split()) > MAX_WORD_ARROW_WORDS:
        return cell
    return f"{found.group(1).strip()} -> {found.group(2)}"


MAX_WORD_ARROW_WORDS = 10
_WORD_ARROW = re.compile(
    rf"((?:[A-ZА-ЯЁ0-9][\w.&/-]*\s+)+?)(?i:{'|'.join(WORD_ARROWS)})\s+([A-ZА-ЯЁ0-9].*)"
)
"""Names (each word capitalised) on both sides of an arrow word."""


def _candidates(blocks: list[Block], code: list[CodeBlock]) -> Iterator[Candidate]:
    """Every arrow statement of headings, list items, table cells, lines of paragraphs and
    plain code blocks."""
    texts: list[tuple[str, int]] = []
    for block in blocks:
        if isinstance(block, Heading):
            texts.append((block.text, block.line))
        elif isinstance(block, ListBlock):
            texts += [(i.text.split("\n")[0], i.line) for i in flatten(block.items)]
        elif isinstance(block, Table) and _edge_table(block) is None:
            texts += [(_word_arrow(c.text), r.line) for r in block.rows for c in r.cells]
        elif isinstance(block, Paragraph):
            texts += [(text, block.line + n) for n, text in enumerate(block.text.split("\n"))]
    for text, line in texts:
        if ARROW.search(text):
            found = candidate(text, line)
            if found is not None:
                yield found
    for block in code:
        if block.info not in DIAGRAM_LANGUAGES and not block.text.lstrip().startswith("@start"):
            yield from code_candidates(block.text, block.line)
            yield from connector_candidates(block.text, block.line)


def _edge_table(table: Table) -> ColumnMap | None:
    """The columns of a table of edges (a source and a receiver column, or one column of
    ``A → B`` pairs), else None."""
    return edge_table_columns([c.text for c in table.header])


def _edge_tables(
    blocks: list[Block], ctx: Context, names: Callable[[str], list[tuple[int, str]]]
) -> list[Integration]:
    """The rows of every table of edges, read as the template's integration tables are (the
    products of the catalogue in them made systems first, so that a list of them splits)."""
    section = RawSection("integrations", None, "", 2, 1)
    out: list[Integration] = []
    heading = ""
    for block in blocks:
        heading = block.text if isinstance(block, Heading) else heading
        mapped = _edge_table(block) if isinstance(block, Table) else None
        if mapped is not None:
            place = TablePlace(section, _heading_sender(heading, mapped, ctx))
            for row in block.rows:
                for cell in row.cells:
                    names(cell.text)
            _components_first(block, mapped, ctx)
            for row in block.rows:
                _listed_ends(row, mapped, ctx)
            out += read_integration_rows(block, mapped, place, ctx)
    return out


_MATRIX_CORNER = re.compile(
    rf"\s*(?:{alternation(MATRIX_FROM_WORDS)})\s*[\\/↓→]+\s*(?:{alternation(MATRIX_TO_WORDS)})\s*",
    re.IGNORECASE,
)
_MARK = re.compile(r"\s*(?:✓|✔|✔️|✅|☑|\+|x|да|yes)\s*", re.IGNORECASE)


def _matrix_rows(table: Table, ctx: Context) -> list[Integration]:
    """The edges of a matrix of systems (``From \\ To | User | Event``, a ✓ in a cell): one
    from the row's system to the column's for every marked cell."""
    header = [c.text.strip() for c in table.header]
    if not header or not _MATRIX_CORNER.fullmatch(header[0]):
        return []
    out = []
    for row in table.rows:
        sender = _matrix_end(row.cells[0].text.strip(), ctx)
        for column, cell in enumerate(row.cells[1:], 1):
            if sender is None or column >= len(header) or not _MARK.fullmatch(cell.text):
                continue
            receiver = _matrix_end(header[column], ctx)
            if receiver is not None and receiver != sender:
                out.append(_matrix_row(sender, receiver, row.line))
    return out


def _labelled_rows(
    blocks: list[Block], ctx: Context, extra: dict[str, list[str]]
) -> list[Integration]:
    """The edges of labelled lists (``Продюсер: X`` / ``Потребители: Y; Z``)."""
    out = []
    for edge in labelled_edges(blocks):
        if looks_like_name(edge.sender) and looks_like_name(edge.receiver):
            sender = _system(edge.sender, ctx, extra, exact=True)
            receiver = _system(edge.receiver, ctx, extra, exact=True)
            row = _matrix_row(sender, receiver, edge.line)
            out.append(row.model_copy(update={"source_data": without_emoji(edge.label)}))
    return out


def _matrix_end(name: str, ctx: Context) -> str | None:
    """The system a matrix's row or column names: a component of the document it is a short
    name of (``User`` -> ``User Service``), else a system of that name."""
    name = name.strip(" *_`")
    if not looks_like_name(name):
        return None
    return _component_named(name, ctx) or _system(name, ctx, {}, exact=True)


def _matrix_row(sender: str, receiver: str, line: int) -> Integration:
    return Integration(
        id="0.0", section=None, line=line, source=sender, target=receiver, source_data=""
    )


def _heading_sender(heading: str, mapped: ColumnMap, ctx: Context) -> str | None:
    """The sender of a table with a receiver column and no sender column (``Path | Target``)
    under a heading that names a component (``## API Gateway``): that component."""
    if "target" not in mapped.columns or "sender" in mapped.columns:
        return None
    return _component_system(heading, ctx, {})


def _components_first(table: Table, mapped: ColumnMap, ctx: Context) -> None:
    """Make the components a table's end cells name (``Payment Service``) systems before its
    lists are read, so that a short name in a list (``Payment``) finds them."""
    columns = [mapped.columns[r] for r in ("sender", "target") if r in mapped.columns]
    for row in table.rows:
        for column in columns:
            text = row.cells[column].text.strip() if column < len(row.cells) else ""
            if looks_like_name(text) and is_component(text):
                _system(text, ctx, {}, exact=True)


def _listed_ends(row: Row, mapped: ColumnMap, ctx: Context) -> None:
    """Make each name of a list in a sender or receiver cell (``Notification, Analytics``) a
    system, so that the row names several ends, not one system called by the whole list;
    a short name of a component of the document (``Payment`` for ``Payment Service``)
    stands for it."""
    for role in ("sender", "target"):
        column = mapped.columns.get(role)
        if column is None or column >= len(row.cells):
            continue
        parts = [p.strip() for p in split_top(row.cells[column].text)]
        if len(parts) < 2 or not all(looks_like_name(p) for p in parts):
            continue
        for part in parts:
            short = _component_named(part, ctx)
            if short is not None:
                ctx.registry.alias(short, part)
            else:
                _system(part, ctx, {}, exact=True)


def _component_named(short: str, ctx: Context) -> str | None:
    """The one component of the document whose name is ``short`` and a component word
    (``Payment`` -> ``Payment Service``, ``Заказы`` -> ``Сервис заказов``), else None."""
    if ctx.registry.lookup(short, fuzzy=False) is not None:
        return None
    return _short_forms(ctx.registry).get(stems(short))


_PLAIN_QUALIFIERS = frozenset(
    {"api", "main", "edge", "public", "central", "core", "основной", "главный", "единый"}
)
"""Words before a component word that leave it the one component of its kind (``API
Gateway`` is the document's ``Gateway``; ``Draft backend`` is not its ``Backend``)."""


def _short_forms(registry: Registry) -> dict[tuple[str, ...], str]:
    """The stems of each component's qualifier (``Mailer`` of ``Mailer Service``) and of its
    component word (``Gateway`` of ``API Gateway``) -> the component, for the short forms
    only one component has."""
    found: dict[tuple[str, ...], set[str]] = {}
    for system in registry.systems.values():
        qualifier = component_qualifier(system.name)
        if qualifier != system.name:
            found.setdefault(stems(qualifier), set()).add(system.id)
            if qualifier.casefold() in _PLAIN_QUALIFIERS:  # ``Gateway`` of ``API Gateway``
                found.setdefault(stems(_head(system.name)), set()).add(system.id)
    return {key: ids.pop() for key, ids in found.items() if len(ids) == 1 and key}


def _short_names_merged(
    registry: Registry, integrations: list[Integration], flows: list[Flow]
) -> tuple[list[Integration], list[Flow]]:
    """The systems named only by a component's qualifier (``Mailer``, read before ``Mailer
    Service`` was known) merged into that component, in the rows and the flow steps."""
    forms = _short_forms(registry)
    merged = {
        system.id: forms[stems(system.name)]
        for system in list(registry.systems.values())
        if stems(system.name) in forms
        and forms[stems(system.name)] != system.id
        and system.parent is None
        and not any(other.parent == system.id for other in registry.systems.values())
    }
    for short, component in merged.items():
        registry.alias(component, registry.systems[short].name)
        del registry.systems[short]
    if not merged:
        return integrations, flows

    def moved(item: Integration | Step) -> Integration | Step:
        ends = {"source": merged.get(item.source or "", item.source)}
        ends["target"] = merged.get(item.target or "", item.target)
        return item.model_copy(update=ends)

    rows = [moved(row) for row in integrations]
    flows = [f.model_copy(update={"steps": [moved(s) for s in f.steps]}) for f in flows]
    return rows, flows  # type: ignore[return-value]


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


def _known_end(name: str, ctx: Context, extra: dict[str, list[str]]) -> bool:
    """An end that is a system on its own: a product of the catalogue, a role word (``Сайт``,
    ``CRM``) or a system of an edge table of the document."""
    return _product(name, extra) is not None or ctx.registry.lookup(name, fuzzy=False) is not None


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


def _product(name: str, extra: dict[str, list[str]]) -> str | None:
    """The catalogue kind of ``name`` or of its first words (``Telegram Bot``)."""
    words = re.split(r"\s+", name.strip())
    for size in range(min(len(words), 3), 0, -1):
        kind = catalogue_kind(" ".join(words[:size]), extra)
        if kind is not None:
            return kind
    return role_stems().get(stems(name))


def _names(ctx: Context, extra: dict[str, list[str]]) -> Callable[[str], list[tuple[int, str]]]:
    """Systems named in a text: known ones, products of the catalogue and components named
    by their form (``Booking Service``), the last two made systems."""
    catalogue = catalogue_pattern(extra)

    def names(text: str) -> list[tuple[int, str]]:
        for match in catalogue.finditer(text):
            spelling = catalogue_spelling(match.group(), extra)
            if spelling == match.group() or match.group()[:1].isupper():
                _system(spelling, ctx, extra, exact=True)  # ``метрики`` is a common word
        for match in _COMPONENT_NAME.finditer(text):
            qualifier = component_qualifier(match.group())
            if catalogue_kind(qualifier, extra) is None and not ctx.registry.lookup_name(qualifier):
                _system(match.group(), ctx, extra, exact=True)  # not ``Discord server``
        found = ctx.registry.mentions(text, actors=False)
        mentions = [_role_alone(m, ctx) for m in _qualifiers_dropped(found, text)]
        return [
            (m.start, m.system)
            for m in mentions
            if not m.pending
            and not m.weak
            and (stems(m.surface) not in role_stems() or m.system in _role_systems(ctx))
        ]

    return names


_COMPONENT_NAME = re.compile(
    r"(?<![\w.-])(?!(?:The|A|An|This|That|Our|Your|Each|Every|Its|Their|Any)\s)"
    r"(?:[A-Z][\w-]*\s+){1,3}(?i:"
    + "|".join(sorted((h for h in COMPONENT_HEADS if h.isascii()), key=len, reverse=True))
    + r")(?![\w-])(?!\s+(?:for|of|для)\b)"
)
"""A component named in prose by its form: capitalised words and a component word
(``Booking Service``, ``Payments DB``, ``Event queue``)."""


def _qualifiers_dropped(mentions: list[Mention], text: str) -> list[Mention]:
    """The mentions without a role word that qualifies the name before it (``Airtable CRM``:
    Airtable used as the CRM, one system)."""
    out: list[Mention] = []
    for mention in mentions:
        role = stems(mention.surface) in role_stems()
        if role and out and not text[out[-1].end : mention.start].strip():
            continue
        out.append(mention)
    return out


def _role_alone(mention: Mention, ctx: Context) -> Mention:
    """A role word written as such (``your CRM``, not a case form or a longer word of the
    same stem) in a document that names no product of that role: the role's own system,
    made now; any other mention as it is."""
    kind = role_stems().get(stems(mention.surface))
    if kind is None or not mention.pending or mention.surface.casefold() not in _ROLE_WORDS:
        return mention
    if any(d.kind == kind for d in ctx.registry.systems.values()):
        return mention
    settled = ctx.registry.settle([mention])[0]
    ctx.registry.systems[settled.system].name = mention.surface[:1].upper() + mention.surface[1:]
    return settled


_ROLE_WORDS = frozenset(word for words in ROLE_WORDS.values() for word in words)
"""A role word (``Analytics``, ``CRM``) names no product in a document without section 1; it
names the system of that role where an edge statement made one (``Сайт → amoCRM``), or where
the document names no product of that role at all (``a request from your CRM``)."""


def _role_systems(ctx: Context) -> set[str]:
    """The systems role words name: those an edge statement made, and components that
    claimed a role (``Службы приложений — веб-приложения``)."""
    return {*ROLE_NAMES, *ctx.registry.roles.values()}


def _engine(text: str, ctx: Context, extra: dict[str, list[str]]) -> str | None:
    """The workflow engine the document is about: the automation product it names first."""
    products = [*MORE_PRODUCTS["automation"], *extra.get("automation", [])]
    match = re.search(alternation(products), text, re.IGNORECASE)
    return _system(match.group(), ctx, extra, exact=True) if match else None


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


def _at(hop: Hop) -> int:
    return hop.line


def _system(text: str, ctx: Context, extra: dict[str, list[str]], exact: bool = False) -> str:
    """The system an end names, merged with one of the same identity (a diagram's label
    ``Сайт на WordPress`` is the document's ``Сайт`` when there is one)."""
    text = _PORT.sub("", text) or text  # ``Notification Service :8084``
    head = _name_of(text)
    name = text if exact else head
    registry = ctx.registry
    found = registry.lookup(text, fuzzy=False) or registry.lookup(name, fuzzy=False)
    if found is not None and (_by_role_only(name, ctx) or _other_component(name, found, ctx)):
        found = None  # ``Google Analytics`` is not the GTM that plays the analytics role
    if found is not None and exact and _named_in_part(name, ctx):
        found = None  # ``Router nginx`` is not ``Router Load Balancer``
    if found is None and _on_platform(text, head):
        found = registry.lookup(head, fuzzy=False)
    if found is None:
        found = registry.add(name, _product(name, extra) or "other").id  # type: ignore[arg-type]
    if text != name or _edition_named(text, registry.systems[found].name):
        registry.alias(found, text)
    return found


def _edition_named(short: str, name: str) -> bool:
    """Whether ``name`` is an edition of ``short`` (``1С:УНФ`` of ``1С``)."""
    return name.casefold().startswith(short.strip().casefold() + ":")


def _by_role_only(name: str, ctx: Context) -> bool:
    """Whether a name reaches a known system only through a word of it that any system of its
    kind could have: a product's full name (``Google Analytics``) through its role word (the
    system being another product that plays that role), a component's name (``User
    Service``) through its component word (``Event Service``)."""
    if stems(name) in role_stems():
        return False
    found = ctx.registry.mentions(name, actors=False)
    if catalogue_kind(name) is not None:
        return bool(found) and all(stems(m.surface) in role_stems() for m in found)
    covered = sum(len(m.surface.split()) for m in found)
    whole = covered >= len(name.split())
    return (
        is_component(name)
        and bool(found)
        and not whole
        and all(_head_only(m.surface) for m in found)
    )


def _named_in_part(name: str, ctx: Context) -> bool:
    """Whether a full name (a diagram's label) reaches a known system only through some of
    its words, the others naming something of their own (``Router nginx``, ``Draft backend``),
    not a role, a component word, a platform or a version (``Сайт на Drupal 10``)."""
    found = ctx.registry.mentions(name, actors=False)
    if not found:
        return False
    rest = name
    for mention in sorted(found, key=lambda m: -m.start):
        rest = rest[: mention.start] + " " + rest[mention.end :]
    words = [w.casefold() for w in re.findall(r"[^\W\d_][\w.+-]*", rest)]
    plain = {*COMPONENT_HEADS, *PLATFORM_WORDS, "на", "on", "в", "in", "for", "для", "the"}
    return any(w not in plain and stems(w) not in role_stems() for w in words)


def _other_component(name: str, found: str, ctx: Context) -> bool:
    """Whether a component's name (``Event queue``) reached a system of another component
    word (``Event Service``), or a product (``YouTube``) the component named after it
    (``YouTube Channel Service``): different systems."""
    system = ctx.registry.systems[found]
    if not is_component(name):
        named_after = is_component(system.name) and catalogue_kind(name) is not None
        return named_after and stems(system.name) != stems(name)
    heads = {_head(n) for n in (system.name, *system.aliases)}
    return _head(name) not in heads


def _head(name: str) -> str:
    words = [w for w in name.casefold().split() if not w.isdigit()]
    return words[-1] if words else ""


def _head_only(surface: str) -> bool:
    """Whether a mention's words are only component words (``Service``)."""
    return all(word in COMPONENT_HEADS for word in surface.casefold().split())


_PORT = re.compile(r"\s+:\d{2,5}\s*$")
"""A port after a name (``RabbitMQ :5672``) is no part of the system's name."""


def _on_platform(text: str, head: str) -> bool:
    """Whether ``text`` is ``head`` and the platform it runs on (``Сайт на WordPress``)."""
    rest = text[len(head) :].split()
    return any(" ".join(rest[:n]).casefold() in PLATFORM_WORDS for n in (1, 2))


def _end_in_group(
    text: str, group: str, ctx: Context, extra: dict[str, list[str]], exact: bool
) -> tuple[str, list[str]]:
    """(system, parts) of an end: a node drawn in a diagram group is a tool of the group's
    system, as a tool of a group is in the template (the group the end, the node its part)."""
    system = _system(text, ctx, extra, exact)
    if not group:
        return system, []
    drafts = ctx.registry.systems
    owner = drafts[system].parent or _system(group, ctx, extra, exact=True)
    if owner == system or drafts[owner].parent is not None:
        return system, []
    drafts[system].parent = owner
    return owner, [system]


def _rows(hop: Hop, number: int, ctx: Context, extra: dict[str, list[str]]) -> list[Integration]:
    """One integration for the hop; a two-way hop is two, one each way on the same line."""
    source = _end_in_group(hop.source, hop.groups[0], ctx, extra, hop.exact)
    target = _end_in_group(hop.target, hop.groups[1], ctx, extra, hop.exact)
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
    code: list[CodeBlock], blocks: list[Block], ctx: Context
) -> tuple[list[Hop], list[tuple[str, int, list[Hop]]]]:
    """The links of every Mermaid block as hops (every node is a system), and each sequence
    diagram as a flow (title, line, its messages as steps); a statement that does not parse
    is reported (FV112)."""
    from flowviz.parse.diagrams import read_diagram  # noqa: PLC0415 (lark, only for diagrams)

    out: list[Hop] = []
    flows: list[tuple[str, int, list[Hop]]] = []
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
        out += drawn
        if diagram.kind == "sequence" and drawn:
            flows.append((_heading_above(blocks, block.line), block.line, drawn))
    return out, flows


_ENTITY_ARROW = re.compile(r"(?:-|=|\.)&gt;|&lt;(?:-|=|\.)")
"""An arrow of diagram code stored HTML-escaped (``A --&gt; B``)."""


def _heading_above(blocks: list[Block], line: int) -> str:
    above = [b.text for b in blocks if isinstance(b, Heading) and b.line < line]
    return above[-1] if above else ""


def _flow(
    flow: tuple[str, int, list[Hop]], number: int, ctx: Context, extra: dict[str, list[str]]
) -> Flow:
    title, line, drawn = flow
    steps = [
        Step(
            number=n,
            text=hop.label or f"{hop.source} → {hop.target}",
            source=_system(hop.source, ctx, extra, True),
            target=_system(hop.target, ctx, extra, True),
            line=hop.line,
        )
        for n, hop in enumerate(drawn, 1)
    ]
    return Flow(number=number, title=title, line=line, steps=steps)


def _language(text: str) -> str:
    cyrillic = len(re.findall(r"[а-яё]", text, re.I))
    latin = len(re.findall(r"[a-z]", text, re.I))
    return "ru" if cyrillic * 3 >= latin else "en"
