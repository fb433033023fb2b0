"""Section 1: project facts and the systems of the project (roles, products, URLs, IDs)."""

from __future__ import annotations

import re

from flowviz.model import Project
from flowviz.parse.blocks import Item, ListBlock, Paragraph, Table, flatten
from flowviz.parse.context import Context
from flowviz.parse.keywords import map_columns, pattern_score
from flowviz.parse.sections import RawSection
from flowviz.parse.systems import NOT_SYSTEMS, ROLE_WORDS, Draft, known_kind
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


def read_overview(section: RawSection, ctx: Context) -> Project:
    """Declare the systems section 1 lists and return the project facts."""
    facts: dict[str, str] = {}
    extra: dict[str, str] = {}
    goals: list[str] = []
    placeholders: list[str] = []
    lines: dict[str, int] = {}
    context = "facts"
    for block in section.blocks:
        if isinstance(block, Paragraph) and (block.strong or _is_caption(block.text)):
            context = _context(block.text)
        elif isinstance(block, Table):
            _systems_table(block, ctx, section.label)
        elif isinstance(block, ListBlock):
            items = flatten(block.items)
            here = "systems" if context == "facts" and _lists_systems(items) else context
            for item in items:
                labelled = split_label(item.text) or _dash_label(item.text, here)
                if here == "goals" or labelled is None:
                    goals.append(item.text)
                    continue
                label, value = labelled
                if item.links and not _ADDRESS.search(value):
                    value = f"{value} — {item.links[0]}"
                key = _project_key(label)
                if key is None and _declare(label, value, item.line, ctx, here == "systems"):
                    continue
                key = key or label
                lines.setdefault(key, item.line)
                text, is_placeholder = fill(value)
                if is_placeholder:
                    placeholders.append(key if key in PROJECT_KEYS else f"extra.{key}")
                if key in PROJECT_KEYS:
                    facts[key] = text
                else:
                    extra[key] = text
    first_line = min(lines.values(), default=None)
    return Project(
        **facts, goals=goals, extra=extra, line=first_line, lines=lines, placeholders=placeholders
    )


def _is_caption(text: str) -> bool:
    """A short line ending with a colon that names the list below it (``Цели интеграций:``)."""
    return text.rstrip().endswith(":") and len(text.split()) <= 6 and "\n" not in text


def _lists_systems(items: list[Item]) -> bool:
    """Whether a list of section 1 declares systems: two or more of its items name a role."""
    roles = 0
    for item in items:
        labelled = split_label(item.text) or _dash_label(item.text, "facts")
        roles += bool(labelled and _role_of(labelled[0]))
    return roles >= 2


def _dash_label(text: str, context: str) -> tuple[str, str] | None:
    """``CRM — amoCRM (company.amocrm.ru)``: a label before a spaced dash; in a list of
    systems any short label, elsewhere a role or a project fact."""
    left, right = split_dash(text)
    if not right or len(left.split()) > 4:
        return None
    if context == "systems":
        return left, right
    known = _role_of(left) or _project_key(left) or pattern_score(stems(left), OTHER_SYSTEMS)
    return (left, right) if known else None


def _context(text: str) -> str:
    """What the list under a bold line of section 1 holds: systems, goals or facts."""
    text_stems = stems(text)
    if pattern_score(text_stems, ["цель", "цели", "goals", "goal", "objectives", "aims"]):
        return "goals"
    if pattern_score(text_stems, ["системы", "systems", "стек", "stack", "tools", "инструменты"]):
        return "systems"
    return "facts"


def _project_key(label: str) -> str | None:
    label_stems = stems(label)
    best, score = None, 0.0
    for key, patterns in PROJECT_KEYS.items():
        value = pattern_score(label_stems, patterns)
        if value > score:
            best, score = key, value
    role = _role_of(label)
    return None if role else best


def _role_of(label: str) -> str | None:
    """The role a section 1 label names (``ESP (Email-платформа)`` -> esp), else None."""
    head, inner = split_head(label)
    for part in [*re.split(r"\s*/\s*", head), head, *([inner] if inner else [])]:
        key = stems(part)
        for kind, surfaces in ROLE_WORDS.items():
            if any(stems(s) == key for s in surfaces):
                return kind
    return None


def _declare(label: str, value: str, line: int, ctx: Context, any_label: bool) -> bool:
    """Declare the system(s) of one ``Label: value`` line; False when it names none.

    A label that is no role declares a system only where the list is one of systems."""
    role = _role_of(label)
    if role is None and pattern_score(stems(label), OTHER_SYSTEMS):
        return _declare_others(value, line, ctx)
    product_text, access_text = split_dash(value)
    product, product_placeholder = fill(product_text)
    access, access_placeholder = fill(access_text)
    if role is None:
        if not any_label or not product or product_placeholder:
            return False
        draft = _new_system(product, known_kind(product) or "other", line, ctx)
        ctx.registry.alias(draft.id, label)
        draft.url = access or None
        return True
    if role == "analytics":
        _declare_analytics(
            label, product, product_placeholder, access, access_placeholder, line, ctx
        )
        return True
    draft = _role_system(role, label, product, product_placeholder, line, ctx)
    draft.url = access or draft.url
    if access_placeholder:
        draft.placeholders.append("url")
    return True


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
    else:
        draft = registry.add(head, role, key=role, line=line)  # type: ignore[arg-type]
        if product:
            draft.product = product
            draft.placeholders.append("product")
    registry.claim_role(draft, role)
    registry.alias(draft.id, head)
    return draft


def _declare_analytics(
    label: str,
    tools: str,
    tools_placeholder: bool,
    access: str,
    access_placeholder: bool,
    line: int,
    ctx: Context,
) -> None:
    """The analytics group and its tools: ``GA4 (G-1), Яндекс Метрика — G-1, 123``."""
    group = _role_system("analytics", label, "", True, line, ctx)
    group.product = None
    group.placeholders.clear()
    if tools_placeholder:
        group.placeholders.append("product")
    if access_placeholder:
        group.placeholders.append("url")
    names = split_top(tools, ",;")
    access_ids = [a for a in split_top(access, ",;") if a]
    parts: list[Draft] = []
    for name in names:
        head, inner = split_head(name)
        if not head:
            continue
        part = ctx.registry.part(group.id, head, line)
        part.line = line
        if tools_placeholder and "product" not in part.placeholders:
            part.placeholders.append("product")
        if inner:
            part.ids.extend(i for i in split_top(inner, ",;") if _ID_LIKE.match(i))
        parts.append(part)
    if tools_placeholder:
        group.url = access or None
    elif len(access_ids) == len(parts) and all(_ID_LIKE.match(a) for a in access_ids):
        for part, ident in zip(parts, access_ids, strict=True):
            if ident not in part.ids:
                part.ids.append(ident)
    elif access:
        group.url = access


def _declare_others(value: str, line: int, ctx: Context) -> bool:
    """``Другие системы: CloudPayments (платежи), 1С — доступ`` -> one system each; False
    when the value is only a placeholder (it is then kept as a project fact)."""
    names, access = split_dash(value)
    names, placeholder = fill(names)
    if placeholder:
        return False
    for name in split_top(names, ",;"):
        head, _ = split_head(name)
        if (
            head
            and stems(head) not in NOT_SYSTEMS
            and ctx.registry.lookup(head, fuzzy=False) is None
        ):
            draft = _new_system(head, known_kind(head) or "other", line, ctx)
            draft.url = fill(access)[0] or None
    return True


def _new_system(name: str, kind: str, line: int, ctx: Context) -> Draft:
    head, _ = split_head(name)
    return ctx.registry.add(head, kind, key=head, product=head, line=line)  # type: ignore[arg-type]


def _systems_table(table: Table, ctx: Context, section: str) -> None:
    """A section 1 table of systems: role | product | URL."""
    mapped = map_columns("systems", [c.text for c in table.header])
    role_col = mapped.columns.get("role")
    product_col = mapped.columns.get("product")
    url_col = mapped.columns.get("url")
    for row in table.rows:
        cells = [c.text for c in row.cells]
        label = cells[role_col] if role_col is not None else cells[product_col or 0]
        product = cells[product_col] if product_col is not None else ""
        url = cells[url_col] if url_col is not None else ""
        value = f"{product} — {url}" if url else product
        if not _declare(label, value, row.line, ctx, True):
            ctx.report.add(
                "FV105",
                "warning",
                row.line,
                "row of the systems table names no system; not read",
                section=section,
                hint="fill in the role and the product",
            )
