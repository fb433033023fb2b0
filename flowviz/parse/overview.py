"""Section 1: project facts and the systems of the project (roles, products, URLs, IDs)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import NamedTuple

from flowviz.model import Project
from flowviz.parse.blocks import Item, ListBlock, Paragraph, Table, flatten
from flowviz.parse.context import Context
from flowviz.parse.keywords import map_columns, pattern_score
from flowviz.parse.sections import RawSection
from flowviz.parse.systems import (
    CATEGORY_KINDS,
    CATEGORY_WORDS,
    NOT_SYSTEMS,
    ROLE_WORDS,
    Draft,
    known_kind,
)
from flowviz.parse.text import fill, split_dash, split_head, split_label, split_top, stems

PROJECT_KEYS = {
    "name": ["название проекта", "проект", "project", "project name", "name"],
    "client": ["клиент", "заказчик", "client", "customer", "company", "компания"],
    "date": ["дата", "дата создания", "date", "created", "creation date"],
    "owner": ["ответственный", "автор", "owner", "responsible", "author", "prepared by"],
    "sources": [
        "источник требований",
        "источники",
        "requirements source",
        "sources",
        "source documents",
        "inputs",
    ],
}
OTHER_SYSTEMS = ["другие системы", "прочие системы", "other systems", "others", "other", "прочее"]
_ADDRESS = re.compile(r"https?://|\w\.\w{2,}")
_ID_LIKE = re.compile(r"^[A-Z0-9][\w-]*\d[\w-]*$|^\d{4,}$|^G-\w+$", re.IGNORECASE)
_TOKEN = re.compile(r"[^\W_]+(?:[_-][^\W_]+)*")
_SPACED_SLASH = re.compile(r"\s+/\s+")


class Entry(NamedTuple):
    """One piece of a section 1 declaration (``GA4 — G-1`` of an analytics line split on
    ``;`` / ``<br>``, or a bullet nested under it) with its line."""

    text: str
    line: int
    access: str = ""
    """Its IDs or address from a cell of their own (``| GA4<br>Метрика | G-1<br>123 |``)."""


class Tool(NamedTuple):
    """One tool of the analytics group as section 1 names it: name, IDs, own address."""

    name: str
    ids: tuple[str, ...]
    url: str
    line: int


def read_overview(section: RawSection, ctx: Context) -> Project:
    """Declare the systems section 1 lists and return the project facts."""
    facts = _Facts(ctx)
    context = "facts"
    for block in section.blocks:
        if isinstance(block, Paragraph) and (block.strong or _is_caption(block.text)):
            context = _context(block.text)
        elif isinstance(block, Table):
            _systems_table(block, ctx, section.label)
        elif isinstance(block, ListBlock):
            here = "systems" if context == "facts" and _lists_systems(block.items) else context
            facts.read(block.items, here)
    _join_analytics_group(ctx)
    return facts.project()


@dataclass(slots=True)
class _Facts:
    """The project facts, goals and extra lines of section 1's lists, read item by item."""

    ctx: Context
    facts: dict[str, str] = field(default_factory=dict)
    extra: dict[str, str] = field(default_factory=dict)
    goals: list[str] = field(default_factory=list)
    placeholders: list[str] = field(default_factory=list)
    lines: dict[str, int] = field(default_factory=dict)

    def read(self, items: Sequence[Item], here: str) -> None:
        """Each item, then its nested items unless they are more of the systems it declares
        (the tools under ``Analytics:``, the systems under ``Другие системы:``)."""
        for item in items:
            children = _declared_children(item, here)
            if not (self._item(item, children, here) and children):
                self.read(item.children, here)

    def _item(self, item: Item, children: Sequence[Item], here: str) -> bool:
        """Read one item; True when it declares systems."""
        labelled = split_label(item.text) or _dash_label(item.text, here)
        if here == "goals" or labelled is None:
            self.goals.append(item.text)
            return False
        label, value = labelled
        link = item.links[0] if item.links and not _ADDRESS.search(value) else ""
        key = _project_key(label)
        if key is None and _declare(
            label, value, link, item.line, self.ctx, here == "systems", children
        ):
            return True
        key = key or label
        self.lines.setdefault(key, item.line)
        text, is_placeholder = fill(f"{value} — {link}" if link else value)
        if is_placeholder:
            self.placeholders.append(key if key in PROJECT_KEYS else f"extra.{key}")
        if key in PROJECT_KEYS:
            self.facts[key] = text
        else:
            self.extra[key] = text
        return False

    def project(self) -> Project:
        first_line = min(self.lines.values(), default=None)
        return Project(
            **self.facts,
            goals=self.goals,
            extra=self.extra,
            line=first_line,
            lines=self.lines,
            placeholders=self.placeholders,
        )


def _declared_children(item: Item, context: str) -> tuple[Item, ...]:
    """The nested items that are more of the systems a line declares: under the analytics
    line, the line of other systems, or a system label with no value; never items that are
    labelled lines themselves (``- **Системы:**`` over ``- CRM: amoCRM``)."""
    labelled = split_label(item.text) or _dash_label(item.text, context)
    if not item.children or labelled is None or context == "goals":
        return ()
    label, value = labelled
    if _project_key(label) is not None or any(_is_labelled(c.text) for c in item.children):
        return ()
    listing = _role_of(label) == "analytics" or _is_others(label)
    declares = _role_of(label) is not None or context == "systems"
    return tuple(item.children) if listing or (declares and not value.strip()) else ()


def _is_labelled(text: str) -> bool:
    """``CRM: amoCRM``, ``ERP — 1С:ERP``: a line whose label is a role, category of system,
    project fact or the other systems."""
    labelled = split_label(text) or _short_dash_label(text)
    if labelled is None:
        return False
    label = labelled[0]
    return _is_system_label(label) or _is_others(label) or _project_key(label) is not None


def _is_caption(text: str) -> bool:
    """A short line ending with a colon that names the list below it (``Цели интеграций:``)."""
    return text.rstrip().endswith(":") and len(text.split()) <= 6 and "\n" not in text


def _lists_systems(items: Sequence[Item]) -> bool:
    """Whether a list of section 1 declares systems: two or more of its items name a role
    (the template's or another category of system: ERP, LMS, call tracking ...)."""
    roles = 0
    for item in flatten(items):
        labelled = split_label(item.text) or _short_dash_label(item.text)
        roles += bool(labelled and _is_system_label(labelled[0]))
    return roles >= 2


def _short_dash_label(text: str) -> tuple[str, str] | None:
    """``ERP — 1С:ERP``: a short text before a spaced dash, and what follows it."""
    left, right = split_dash(text)
    return (left, right) if right and len(left.split()) <= 4 else None


def _dash_label(text: str, context: str) -> tuple[str, str] | None:
    """``CRM — amoCRM (company.amocrm.ru)``: a label before a spaced dash; in a list of
    systems any short label, elsewhere a role or a project fact."""
    labelled = _short_dash_label(text)
    if labelled is None or context == "systems":
        return labelled
    left = labelled[0]
    known = _role_of(left) or _project_key(left) or _is_others(left)
    return labelled if known else None


def _context(text: str) -> str:
    """What the list under a bold line of section 1 holds: systems, goals or facts."""
    text_stems = stems(text)
    if pattern_score(text_stems, ["цель", "цели", "goals", "goal", "objectives", "aims"]):
        return "goals"
    if pattern_score(text_stems, ["системы", "systems", "стек", "stack", "tools", "инструменты"]):
        return "systems"
    return "facts"


def _project_key(label: str) -> str | None:
    if _is_system_label(label):
        return None
    label_stems = stems(label)
    best, score = None, 0.0
    for key, patterns in PROJECT_KEYS.items():
        value = pattern_score(label_stems, patterns)
        if value > score:
            best, score = key, value
    return best


def _label_parts(label: str) -> list[str]:
    head, inner = split_head(label)
    return [*re.split(r"\s*/\s*", head), head, *([inner] if inner else [])]


def _role_of(label: str) -> str | None:
    """The role a section 1 label names (``ESP (Email-платформа)`` -> esp), else None."""
    return _vocabulary_of(label, _ROLE_KEYS)


def _category_of(label: str) -> str | None:
    """The category of system a label beyond the template's roles names (``Коллтрекинг``
    -> call_tracking, ``BI / DWH`` -> bi, ``LMS`` -> lms), else None; a role comes first."""
    return None if _role_of(label) else _vocabulary_of(label, _CATEGORY_KEYS)


def _vocabulary_of(label: str, keys: dict[tuple[str, ...], str]) -> str | None:
    for part in _label_parts(label):
        kind = keys.get(stems(part))
        if kind is not None:
            return kind
    return None


def _stemmed(vocabulary: dict[str, list[str]]) -> dict[tuple[str, ...], str]:
    """The stems of a vocabulary's every word -> its kind (the first kind naming them)."""
    keys: dict[tuple[str, ...], str] = {}
    for kind, surfaces in vocabulary.items():
        for surface in surfaces:
            keys.setdefault(stems(surface), kind)
    return keys


_ROLE_KEYS = _stemmed(ROLE_WORDS)
_CATEGORY_KEYS = _stemmed(CATEGORY_WORDS)


def _is_system_label(label: str) -> bool:
    return _role_of(label) is not None or _category_of(label) is not None


def _is_others(label: str) -> bool:
    return not _is_system_label(label) and bool(pattern_score(stems(label), OTHER_SYSTEMS))


def _declare(
    label: str,
    value: str,
    access: str,
    line: int,
    ctx: Context,
    any_label: bool,
    children: Sequence[Item] = (),
) -> bool:
    """Declare the system(s) of one ``Label: value`` line (or table row, its ``access`` in a
    column of its own; ``children`` the bullets nested under it); False when it names none.

    A label that is no role declares systems only where the list is one of systems."""
    role = _role_of(label)
    category = _category_of(label)
    entries = [Entry(p, line) for p in split_top(value, ";\n")] if value else []
    entries += [Entry(c.text, c.line) for c in children]
    if _is_others(label):
        return _declare_others(entries, access, ctx)
    if role == "analytics":
        _declare_analytics(label, entries, access, line, ctx)
        return True
    if role is None:
        return _declare_named(label, category, entries, access, ctx, any_label)
    product_text, own_access = split_dash(value or (children[0].text if children else ""))
    product, product_placeholder = fill(product_text)
    access, access_placeholder = fill(own_access or access)
    draft = _role_system(role, label, product, product_placeholder, line, ctx)
    draft.url = access or draft.url
    if access_placeholder:
        draft.placeholders.append("url")
    return True


def _declare_named(
    label: str,
    category: str | None,
    entries: list[Entry],
    access: str,
    ctx: Context,
    any_label: bool,
) -> bool:
    """In a list of systems, the systems of a line whose label is no role: one per entry
    (``Мессенджеры: Telegram-бот; Umnico``). A category label (``ERP``, ``LMS``) decides the
    kind and names its system only weakly; any label names its system only when the line
    has one."""
    if not any_label:
        return False
    drafts: list[Draft] = []
    for entry in entries:
        product_text, own_access = split_dash(entry.text)
        product, placeholder = fill(product_text)
        if not product or placeholder:
            continue
        head, _ = split_head(product)
        kind = CATEGORY_KINDS.get(category, "other") if category else known_kind(head)
        draft = _new_system(product, kind or "other", entry.line, ctx)
        url = fill(own_access or (access if len(entries) == 1 else ""))[0]
        ids = _ids_in(url) if draft.kind == "analytics" else ()
        draft.ids.extend(ids)
        draft.url = None if ids else url or None
        drafts.append(draft)
    if len(drafts) == 1 and category is None:
        ctx.registry.alias(drafts[0].id, label)
    elif len(drafts) == 1:
        for part in dict.fromkeys([label, *_label_parts(label)]):
            ctx.registry.label(drafts[0].id, part)
    return bool(drafts)


def _role_system(
    role: str, label: str, product: str, placeholder: bool, line: int, ctx: Context
) -> Draft:
    """The system playing ``role``, named after its product unless that is a placeholder."""
    registry = ctx.registry
    head, _ = split_head(label)
    if product and not placeholder:
        name, inner = split_head(product)
        draft = registry.add(name, role, key=name, product=name, line=line)  # type: ignore[arg-type]
        if inner and _ADDRESS.search(inner):
            draft.url = inner
        elif inner:
            ctx.brackets[draft.id] = " ".join(inner.split())
    else:
        draft = registry.add(head, role, key=role, line=line)  # type: ignore[arg-type]
        if product:
            draft.product = product
            draft.placeholders.append("product")
    registry.claim_role(draft, role)
    registry.alias(draft.id, head)
    return draft


def _declare_analytics(
    label: str, entries: list[Entry], access: str, line: int, ctx: Context
) -> None:
    """The analytics group and its tools, however the line or row lists them: ``GA4, Meta
    Pixel — G-1, 123``; ``GA4 (G-1), Метрика (123)``; ``GA4 — G-1; Метрика — 123`` (or
    ``<br>``, lines of a cell, nested bullets); ``GA4 (G-1) / Метрика (123)``. Every analytics
    line or row of section 1 adds to the one group."""
    registry = ctx.registry
    group = _analytics_group(label, line, ctx)
    single = len(entries) == 1
    shared = split_top(access, ",;/\n") if access and not _ADDRESS.search(access) else []
    if (
        len(entries) > 1
        and len(shared) == len(entries)
        and not any(split_dash(e.text)[1] for e in entries)
    ):  # a cell of tools beside a cell of their IDs, line by line
        entries = [Entry(e.text, e.line, a) for e, a in zip(entries, shared, strict=True)]
        access = ""
    for entry in entries or [Entry("", line)]:
        names_text, own_access = split_dash(entry.text)
        own_access = own_access or entry.access
        labelled = None if own_access else split_label(entry.text)
        if labelled and "[" not in labelled[0]:
            names_text, own_access = labelled  # a nested "GA4: G-XXXX"
        if _SPACED_SLASH.search(own_access) and split_dash(own_access)[1]:
            pieces = split_top(_SPACED_SLASH.sub(";", entry.text), ";")
            _declare_analytics(label, [Entry(p, entry.line) for p in pieces], "", line, ctx)
            continue
        names_text, tools_placeholder = fill(names_text)
        given, access_placeholder = fill(own_access or (access if single else ""))
        for missing, name in ((tools_placeholder, "product"), (access_placeholder, "url")):
            if missing and name not in group.placeholders:
                group.placeholders.append(name)
        offered = "" if tools_placeholder else given
        tools, rest = _tools(names_text, offered, entry.line, own=bool(own_access) and not single)
        rest = given if tools_placeholder else rest
        for tool in tools:
            part = registry.part(group.id, tool.name, tool.line)
            part.line = tool.line
            if tools_placeholder and "product" not in part.placeholders:
                part.placeholders.append("product")
            part.ids.extend(i for i in tool.ids if i not in part.ids)
            part.url = part.url or tool.url or None
        if rest and (tools_placeholder or not group.url):
            group.url = rest
    if access and not single:
        group.url = group.url or fill(access)[0] or None


def _analytics_group(label: str, line: int, ctx: Context) -> Draft:
    """The analytics group section 1 declares: made by its first analytics line or row,
    named by every later one."""
    registry = ctx.registry
    existing = registry.roles.get("analytics")
    if existing is not None and registry.systems[existing].line is not None:
        registry.alias(existing, split_head(label)[0])
        return registry.systems[existing]
    group = _role_system("analytics", label, "", True, line, ctx)
    group.product = None
    group.placeholders.clear()
    return group


def _tools(names_text: str, access: str, line: int, own: bool) -> tuple[list[Tool], str]:
    """The tools ``GA4, Meta Pixel`` (or ``GA4 / Meta Pixel``) with their IDs: from each
    name's bracket, and from ``access`` shared out one piece per tool; what no tool takes is
    returned for the group (``GTM-XXXX``, an address). ``own``: ``access`` is the entry's own
    (``Mixpanel — app.mixpanel.com``), an address there is the tool's."""
    names = [n for n in split_top(_SPACED_SLASH.sub(",", names_text), ",;") if n]
    heads = [split_head(n) for n in names]
    tools = [(head, list(_ids_in(inner or ""))) for head, inner in heads if head]
    pieces = [_ids_in(p) for p in split_top(access, ",;/")] if access else []
    rest = access
    if tools and access and len(pieces) == len(tools) > 1 and all(pieces):
        for (_, ids), piece in zip(tools, pieces, strict=True):
            ids.extend(piece)
        rest = ""
    elif len(tools) == 1 and _ids_in(access):
        tools[0][1].extend(_ids_in(access))
        rest = ""
    url = rest if own and len(tools) == 1 and _ADDRESS.search(rest) else ""
    out = [Tool(head, tuple(dict.fromkeys(ids)), url, line) for head, ids in tools]
    return out, "" if url else rest


def _ids_in(text: str) -> tuple[str, ...]:
    """The IDs a text gives: the whole text when it is one (``G-1A2B``, ``456``), else its
    words with digits (``счётчик 12345678`` -> ``12345678``); none in an address."""
    text = text.strip()
    if not text or _ADDRESS.search(text):
        return ()
    if _ID_LIKE.match(text) or (_TOKEN.fullmatch(text) and any(c.isdigit() for c in text)):
        return (text,)
    found = [t for t in _TOKEN.findall(text) if any(c.isdigit() for c in t) and len(t) >= 3]
    return tuple(found)


def _join_analytics_group(ctx: Context) -> None:
    """Every analytics tool section 1 declares on a line of its own (``Коллтрекинг:
    CoMagic``) is a tool of the analytics group, when section 1 declares one."""
    registry = ctx.registry
    group = registry.roles.get("analytics")
    if group is None:
        return
    for draft in registry.systems.values():
        declared = draft.line is not None and draft.id != group
        if draft.kind == "analytics" and draft.parent is None and declared:
            draft.parent = group


def _declare_others(entries: list[Entry], access: str, ctx: Context) -> bool:
    """``Другие системы: CloudPayments (платежи), 1С — доступ`` -> one system each (also
    separated by ``;``, ``<br>`` or nested bullets); False when the value is only a
    placeholder (it is then kept as a project fact)."""
    declared = False
    for entry in entries:
        names, own_access = split_dash(entry.text)
        names, placeholder = fill(names)
        if placeholder:
            continue
        declared = True
        url = fill(own_access or (access if len(entries) == 1 else ""))[0] or None
        for name in split_top(names, ",;"):
            head, _ = split_head(name)
            if (
                head
                and stems(head) not in NOT_SYSTEMS
                and (ctx.registry.lookup(head, fuzzy=False) is None or _twin(name, ctx))
            ):
                draft = _new_system(name, known_kind(head) or "other", entry.line, ctx)
                draft.url = url
    return declared


def _new_system(name: str, kind: str, line: int, ctx: Context) -> Draft:
    """The system section 1 declares as ``name``, named without its bracket, unless another
    system of section 1 has that name with another bracket (``amoCRM (розница)``, ``amoCRM
    (опт)``): the brackets are then all that tells them apart, and each is named with its."""
    head, inner = split_head(name)
    twin = _twin(name, ctx)
    if twin is not None:
        twin.name = f"{twin.name} ({ctx.brackets[twin.id]})"
        ctx.registry.alias(twin.id, twin.name)
        head = f"{head} ({inner})"
    draft = ctx.registry.add(head, kind, key=head, product=head, line=line)  # type: ignore[arg-type]
    if inner:
        ctx.brackets[draft.id] = " ".join(inner.split())
    return draft


def _twin(name: str, ctx: Context) -> Draft | None:
    """The system of section 1 named as ``name`` is but with another bracket, if any."""
    head, inner = split_head(name)
    found = ctx.registry.lookup_name(head) if inner else None
    twin = ctx.registry.systems[found] if found else None
    if twin is None or twin.line is None or twin.name != head or twin.id not in ctx.brackets:
        return None
    return twin if ctx.brackets[twin.id].casefold() != " ".join(inner.split()).casefold() else None


def _systems_table(table: Table, ctx: Context, section: str) -> None:
    """A section 1 table of systems: role | product | URL (several rows may share a role)."""
    mapped = map_columns("systems", [c.text for c in table.header])
    role_col = mapped.columns.get("role")
    product_col = mapped.columns.get("product")
    url_col = mapped.columns.get("url")
    for row in table.rows:
        cells = [c.text for c in row.cells]
        label = cells[role_col] if role_col is not None else cells[product_col or 0]
        product = cells[product_col] if product_col is not None else ""
        url = cells[url_col] if url_col is not None else ""
        if not _declare(label, product, url, row.line, ctx, True):
            ctx.report.add(
                "FV105",
                "warning",
                row.line,
                "row of the systems table names no system; not read",
                section=section,
                hint="fill in the role and the product",
            )
