"""Tables of edges in a document not in the template: a sender and a receiver column, a
direction column, a ``From \\ To`` matrix of marks, a receivers table under a component's
heading, a table of components with what each consumes and produces, and labelled
``Producer`` / ``Consumers`` lists."""

from __future__ import annotations

import re
from collections.abc import Callable

from flowviz.model import Integration
from flowviz.parse.arrows import ARROW, is_component, looks_like_name
from flowviz.parse.blocks import Block, Heading, Paragraph, Row, Table
from flowviz.parse.context import Context, TablePlace
from flowviz.parse.integrations import read_integration_rows
from flowviz.parse.keywords import (
    IO_BARE_HEADERS,
    IO_INPUT_HEADERS,
    IO_NAME_HEADERS,
    IO_OUTPUT_HEADERS,
    MATRIX_FROM_WORDS,
    MATRIX_TO_WORDS,
    MAX_END_WORDS,
    NETWORK_WORDS,
    PEER_HEADERS,
    TRAFFIC_BOTH_WORDS,
    TRAFFIC_IN_WORDS,
    TRAFFIC_OUT_WORDS,
    ColumnMap,
    alternation,
    edge_table_columns,
)
from flowviz.parse.labelled import labelled_edges
from flowviz.parse.loose_names import component_named, component_system, system_of
from flowviz.parse.sections import RawSection
from flowviz.parse.systems import is_person
from flowviz.parse.text import split_head, split_top, without_emoji


def edge_table(table: Table) -> ColumnMap | None:
    """The columns of a table of edges (a source and a receiver column, or one column of
    ``A → B`` pairs), else None: a column taken for pairs that holds none, the arrows being in
    another (``Connection Name | Purpose``, ``googleads_raw_dataflow | For Google Ads API ->
    Bigquery Raw Dataset``), makes no table of edges; its rows are read as arrow lines."""
    mapped = edge_table_columns([c.text for c in table.header])
    if mapped is not None and (_tasks_at_an_end(table, mapped) or _a_ledger(table)):
        return None
    if mapped is None or "source" in mapped.columns or "pair" not in mapped.columns:
        return mapped
    column = mapped.columns["pair"]
    pairs = [row.cells[column].text for row in table.rows if column < len(row.cells)]
    others = [c.text for row in table.rows for at, c in enumerate(row.cells) if at != column]
    paired = any(ARROW.search(p) or _WORDED_DIRECTION.fullmatch(p) for p in pairs)
    return mapped if paired or not any(ARROW.search(o) for o in others) else None


def _a_ledger(table: Table) -> bool:
    """Whether a table with a source and a destination column records money moving between
    accounts (``entryId | date | source | destination | amount``): a ledger, its ends account
    codes, no table of edges."""
    return any(_MONEY.fullmatch(cell.text.strip(" *_`")) for cell in table.header)


_MONEY = re.compile(
    r"amount|sum|total|price|cost|balance|debit|credit|сумма|стоимость|цена|баланс|дебет|кредит",
    re.IGNORECASE,
)
"""A column of money: the table is a ledger."""


def _tasks_at_an_end(table: Table, mapped: ColumnMap) -> bool:
    """Whether a sender or receiver column holds sentences, not names (``To | See``: ``Send
    inventory levels to Shopify.``, a task and the article on it): no table of edges."""
    for role in ("sender", "target"):
        column = mapped.columns.get(role)
        cells = [r.cells[column].text.strip() for r in table.rows if column is not None]
        cells = [c for c in cells if c]
        if cells and sum(map(_sentence, cells)) * 2 > len(cells):
            return True
    return False


def _sentence(text: str) -> bool:
    """A cell that reads as a sentence: it ends with a full stop after a word, or is longer
    than an end's name may be."""
    return (text.endswith(".") and text[-2:-1].isalpha()) or len(text.split()) > MAX_END_WORDS


def edge_tables(
    blocks: list[Block], ctx: Context, names: Callable[[str], list[tuple[int, str]]]
) -> list[Integration]:
    """The rows of every table of edges, read as the template's integration tables are (the
    products of the catalogue in them made systems first, so that a list of them splits)."""
    section = RawSection("integrations", None, "", 2, 1)
    out: list[Integration] = []
    heading = lead = ""
    for block in blocks:
        heading = block.text if isinstance(block, Heading) else heading
        lead = _lead(block, lead)
        mapped = edge_table(block) if isinstance(block, Table) else None
        if mapped is not None and isinstance(block, Table):
            table = _peer_directions(block, lead or heading, names, ctx)
            table = _directions_as_arrows(table, mapped)
            place = TablePlace(section, _heading_sender(heading, mapped, ctx))
            for row in table.rows:
                for cell in row.cells:
                    names(cell.text)
            _components_first(table, mapped, ctx)
            ends = _end_cells(table, mapped)
            for row in table.rows:
                _listed_ends(row, mapped, ctx, ends)
            out += read_integration_rows(table, mapped, place, ctx)
    return out


def _peer_directions(
    table: Table, lead: str, names: Callable[[str], list[tuple[int, str]]], ctx: Context
) -> Table:
    """A port table of one component (``Протокол | Port | В/Из | Direction``, ``Protocol |
    Port | To/From | Direction``): each row's way (``Исходящее``, ``Inbound``, ``Оба``)
    written as the arrow between the component its lead sentence names and the row's other
    party; a network (``Сеть организации``) is a place, not a party. Else the table as it is."""
    header = [c.text.strip().casefold() for c in table.header]
    peer = next((i for i, cell in enumerate(header) if cell in PEER_HEADERS), None)
    way = next((i for i, cell in enumerate(header) if i != peer and _a_way_header(cell)), None)
    if peer is None or way is None:
        return table
    owner = _lead_owner(lead, names, ctx)
    if owner is None:
        return table
    rows = []
    for row in table.rows:
        cells = list(row.cells)
        if max(peer, way) < len(cells):
            arrow = _traffic_arrow(cells[way].text, owner, _parties(cells[peer].text))
            cells[way] = cells[way]._replace(text=arrow or cells[way].text)
        rows.append(row._replace(cells=tuple(cells)))
    return table._replace(rows=tuple(rows))


def _lead(block: Block, lead: str) -> str:
    """The paragraph a table follows in its section (its lead sentence), else ``""``."""
    if isinstance(block, Paragraph):
        return block.text
    return "" if isinstance(block, Heading) else lead


def _a_way_header(cell: str) -> bool:
    return cell in ("direction", "направление", "traffic direction", "направление трафика")


def _lead_owner(
    lead: str, names: Callable[[str], list[tuple[int, str]]], ctx: Context
) -> str | None:
    """The system a table's lead sentence names: the last part of a product it names in
    Russian (``порты … для работы упрощенного шлюза ATA``), else the one system it names."""
    found = list(_PRODUCT_COMPONENT.finditer(lead))
    if found:
        return ctx.registry.systems[_part_of_product(found[-1].group(), ctx)].name
    named = {system for _, system in names(lead)}
    return ctx.registry.systems[named.pop()].name if len(named) == 1 else None


def _part_of_product(name: str, ctx: Context) -> str:
    """The system of that very name, made when there is none: ``упрощенного шлюза ATA`` is
    not the ``шлюз ATA`` its words name."""
    return (
        ctx.registry.lookup_name(name) or ctx.registry.add(name[:1].upper() + name[1:], "other").id
    )


_PRODUCT_COMPONENT = re.compile(
    r"(?<![\w-])(?:[а-яё]+(?:ого|его|ый|ий|ой|ая|ое|ые|ых|их|ому|ему|ым|им)\s+)?"
    r"[А-ЯЁа-яё]+\s+[A-Z][\w-]*(?![\w-])"
)
"""A part of a product named in Russian, head first (``упрощенного шлюза ATA``, ``Центра
ATA``), maybe after an adjective."""


def _parties(cell: str) -> str:
    """The parties a row names, without the networks among them (a place, not a party)."""
    parts = [p.strip() for p in _PARTIES.split(cell) if p.strip()]
    return ", ".join(p for p in parts if not _a_network(p))


_PARTIES = re.compile(r",\s*|\s+(?:и|and|or|или)\s+|\s*/\s*", re.IGNORECASE)
_NETWORK = re.compile(alternation(NETWORK_WORDS), re.IGNORECASE)


def _a_network(party: str) -> bool:
    """A network named in words, its head one of the first two (``Сеть организации``,
    ``Corporate network``, ``LAN``); not a product named after one (``Network Policy Server``)
    nor what is in one (``Все устройства в сети``)."""
    words = party.split()
    head = any(_NETWORK.fullmatch(word) for word in words[:2])
    return head and not any(word[:1].isupper() for word in words[1:])


def _traffic_arrow(way: str, owner: str, parties: str) -> str | None:
    """``owner → parties`` for outbound traffic, ``parties → owner`` for inbound, ``owner ↔
    parties`` for both; None when the cell says no way or no party is left."""
    text = way.strip().casefold()
    if not parties:
        return None
    if re.match(alternation(TRAFFIC_BOTH_WORDS, stems_only=True), text):
        return f"{owner} ↔ {parties}"
    if re.match(alternation(TRAFFIC_OUT_WORDS, stems_only=True), text):
        return f"{owner} → {parties}"
    if re.match(alternation(TRAFFIC_IN_WORDS, stems_only=True), text):
        return f"{parties} → {owner}"
    return None


def _directions_as_arrows(table: Table, mapped: ColumnMap) -> Table:
    """The table with each direction cell written in words (``Из интернет-магазина во
    внешнюю систему``, ``From Shopify to NetSuite``) as the arrow it says (``интернет-магазина
    → внешнюю систему``)."""
    column = mapped.columns.get("pair")
    if column is None:
        return table
    rows = []
    for row in table.rows:
        cells = list(row.cells)
        if column < len(cells) and (found := _WORDED_DIRECTION.fullmatch(cells[column].text)):
            cells[column] = cells[column]._replace(text=f"{found['a']} → {found['b']}")
        rows.append(row._replace(cells=tuple(cells)))
    return table._replace(rows=tuple(rows))


_WORDED_DIRECTION = re.compile(
    r"\s*(?:из|от|from)\s+(?P<a>[^,;.]{1,60}?)\s+(?:в|во|на|к|ко|to|into)\s+(?P<b>[^,;.]{1,60}?)\s*",
    re.IGNORECASE,
)
"""A direction cell that says its way in words: ``из A в B``, ``from A to B``."""


_MATRIX_CORNER = re.compile(
    rf"\s*(?:{alternation(MATRIX_FROM_WORDS)})\s*[\\/↓→]+\s*(?:{alternation(MATRIX_TO_WORDS)})\s*",
    re.IGNORECASE,
)


_MARK = re.compile(r"\s*(?:✓|✔|✔️|✅|☑|\+|x|да|yes)\s*", re.IGNORECASE)


def matrix_rows(table: Table, ctx: Context) -> list[Integration]:
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


def io_rows(table: Table, ctx: Context) -> list[Integration]:
    """The edges of a table of components and what each takes data from and sends it to
    (``Service | Consuming From | Producing To``, ``Сервис | Читает из | Пишет в``): one from
    each input to the row's component, one from the component to each output."""
    columns = _io_columns(table)
    if columns is None:
        return []
    inputs, outputs = columns
    out = []
    for row in table.rows:
        raw = row.raw_cells[0] if row.raw_cells else ""
        name = _io_item_text(row.cells[0].text, raw) if row.cells else ""
        if not name:
            continue
        component = system_of(name, ctx, {}, exact=True)
        ways = [(column, True) for column in inputs] + [(column, False) for column in outputs]
        for column, comes_in in ways:
            for item in _io_items(row, column, name):
                other = system_of(item, ctx, {}, exact=True)
                if other != component:
                    pair = (other, component) if comes_in else (component, other)
                    out.append(_matrix_row(*pair, row.line))
    return out


def _io_columns(table: Table) -> tuple[list[int], list[int]] | None:
    """The input and the output columns of a table of components (its first column names
    them), else None: a table of edges is none, and bare ``Input`` / ``Output`` headers make
    one only under a name column of components (``Function``, ``Service``)."""
    header = [_IO_HEADER_MARKS.sub(" ", c.text).strip().casefold() for c in table.header]
    inputs = [at for at, text in enumerate(header) if at and _IO_INPUT.fullmatch(text)]
    outputs = [at for at, text in enumerate(header) if at and _IO_OUTPUT.fullmatch(text)]
    if not (inputs or outputs) or edge_table(table) is not None:
        return None
    bare = all(" ".join(header[at].split()) in IO_BARE_HEADERS for at in inputs + outputs)
    if bare and not set(header[0].split()) & _IO_NAME_WORDS:
        return None
    return inputs, outputs


_IO_HEADER_MARKS = re.compile(r"[*_`:()]+")
_IO_INPUT = re.compile(alternation(IO_INPUT_HEADERS))
_IO_OUTPUT = re.compile(alternation(IO_OUTPUT_HEADERS))
_IO_NAME_WORDS = frozenset(IO_NAME_HEADERS)


def _io_items(row: Row, column: int, component: str) -> list[str]:
    """The names an input or output cell lists (a name in backquotes whatever its case: a
    topic, a queue); a name opening with the row's own component is a part of it (``KSQL
    streams and tables``)."""
    if column >= len(row.cells):
        return []
    plain = split_top(row.cells[column].text)
    raw = split_top(row.raw_cells[column]) if column < len(row.raw_cells) else []
    if len(raw) != len(plain):
        raw = [""] * len(plain)  # a link or bracket split otherwise: no name read as code
    items = [_io_item_text(p, r) for p, r in zip(plain, raw, strict=True)]
    own = component.casefold() + " "
    return [item for item in items if item and not item.casefold().startswith(own)]


def _io_item_text(plain: str, raw: str) -> str:
    """One listed name: what stands in backquotes, else a text that looks like a name."""
    name = plain.strip(" *_`")
    if _CODE_NAME.fullmatch(raw.strip()):
        return name
    return name if looks_like_name(name) else ""


_CODE_NAME = re.compile(r"`[\w.:/-]+`")


def labelled_rows(
    blocks: list[Block], ctx: Context, extra: dict[str, list[str]]
) -> list[Integration]:
    """The edges of labelled lists (``Продюсер: X`` / ``Потребители: Y; Z``)."""
    out = []
    for edge in labelled_edges(blocks):
        if looks_like_name(edge.sender) and looks_like_name(edge.receiver):
            sender = system_of(edge.sender, ctx, extra, exact=True)
            receiver = system_of(edge.receiver, ctx, extra, exact=True)
            row = _matrix_row(sender, receiver, edge.line)
            out.append(row.model_copy(update={"source_data": without_emoji(edge.label)}))
    return out


def _matrix_end(name: str, ctx: Context) -> str | None:
    """The system a matrix's row or column names: a component of the document it is a short
    name of (``User`` -> ``User Service``), else a system of that name."""
    name = name.strip(" *_`")
    if not looks_like_name(name):
        return None
    return component_named(name, ctx) or system_of(name, ctx, {}, exact=True)


def _matrix_row(sender: str, receiver: str, line: int) -> Integration:
    return Integration(
        id="0.0", section=None, line=line, source=sender, target=receiver, source_data=""
    )


def _heading_sender(heading: str, mapped: ColumnMap, ctx: Context) -> str | None:
    """The sender of a table with a receiver column and no sender column (``Path | Target``)
    under a heading that names a component (``## API Gateway``): that component."""
    if "target" not in mapped.columns or "sender" in mapped.columns:
        return None
    return component_system(heading, ctx, {})


def _components_first(table: Table, mapped: ColumnMap, ctx: Context) -> None:
    """Make the components a table's end cells name (``Payment Service``) systems before its
    lists are read, so that a short name in a list (``Payment``) finds them."""
    columns = [mapped.columns[r] for r in ("sender", "target") if r in mapped.columns]
    for row in table.rows:
        for column in columns:
            text = row.cells[column].text.strip() if column < len(row.cells) else ""
            if looks_like_name(text) and is_component(text):
                system_of(text, ctx, {}, exact=True)


_SPACED_SLASH = re.compile(r"\s/\s")
_SPACED_JOIN = re.compile(rf"{_SPACED_SLASH.pattern}|\s+&\s+")
"""A spaced slash or ampersand between two names of a list (``EDI & Online Shop``)."""


def _alternatives(text: str, ends: set[str]) -> bool:
    """Whether an end cell names one system as either of two products (``MySQL / MariaDB``,
    ``Сервер LDAP / Active Directory``), not a list of ends: names joined by a spaced slash,
    neither a person nor an end of another row of the table (``virtualization-controller /
    CDI``)."""
    parts = _SPACED_SLASH.split(text)
    return (
        len(parts) > 1
        and looks_like_name(text)
        and "," not in text
        and not any(is_person(p) or _end_key(p) in ends for p in parts)
    )


def _end_key(cell: str) -> str:
    """An end cell as compared with others: its name without a bracket, case aside."""
    return split_head(cell)[0].strip().casefold()


def _end_cells(table: Table, mapped: ColumnMap) -> set[str]:
    """The sender and receiver cells of a table, as ``_end_key`` gives them."""
    columns = [mapped.columns[r] for r in ("sender", "target") if r in mapped.columns]
    return {
        _end_key(row.cells[c].text) for row in table.rows for c in columns if c < len(row.cells)
    }


def _spelling_kept(text: str, ctx: Context) -> None:
    """An end cell naming a system of the document in other words (``API Kubernetes`` for
    ``Kubernetes``) is one of its spellings."""
    found = ctx.registry.lookup(text, fuzzy=False)
    if found is not None and "/" not in text:
        ctx.registry.alias(found, text)


def _listed_ends(row: Row, mapped: ColumnMap, ctx: Context, ends: set[str]) -> None:
    """Make each name of a list in a sender or receiver cell (``Notification, Analytics``,
    ``Controller / CDI``) a
    system, so that the row names several ends, not one system called by the whole list;
    a short name of a component of the document (``Payment`` for ``Payment Service``)
    stands for it."""
    for role in ("sender", "target"):
        column = mapped.columns.get(role)
        if column is None or column >= len(row.cells):
            continue
        text = row.cells[column].text.strip()
        if _alternatives(text, ends):
            system_of(text, ctx, {}, exact=True)
            continue
        parts = [p.strip() for p in split_top(_SPACED_JOIN.sub(",", text))]
        if len(parts) == 1 and looks_like_name(text):
            _spelling_kept(text, ctx)
        if len(parts) < 2 or not all(looks_like_name(p) for p in parts):
            continue
        for part in parts:
            if is_person(part):
                continue  # a person is left out of a list of ends
            short = component_named(part, ctx)
            if short is not None:
                ctx.registry.alias(short, part)
            else:
                system_of(part, ctx, {}, exact=True)
