"""Sections 6 and 10: identifiers, their sync rules and their binding rules."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from flowviz.model import Binding, Identifier, IdRule
from flowviz.parse.blocks import Heading, Item, ListBlock, Paragraph, Table, flatten
from flowviz.parse.context import Context, TablePlace
from flowviz.parse.keywords import (
    ASIDE,
    BINDING_JOINERS,
    BINDING_LABEL_STEMS,
    BINDING_WORDS,
    ColumnMap,
    alternation,
)
from flowviz.parse.sections import RawSection
from flowviz.parse.text import (
    IDENTIFIER_TOKEN,
    fill,
    identifier_list,
    identifiers_in,
    split_dash,
    split_head,
    split_label,
)

_NAME = re.compile(r"^[\w.$:-]{1,48}$")
_LATIN_NAME = re.compile(r"^[A-Za-z][A-Za-z0-9_.$-]{0,47}$")


@dataclass(slots=True)
class IdentifierDraft:
    """An identifier while sections 6 and 10 are read."""

    name: str
    line: int
    owner: str | None = None
    owner_text: str = ""
    fields: dict[str, str] = field(default_factory=dict)
    lines: list[int] = field(default_factory=list)
    placeholders: list[str] = field(default_factory=list)

    def freeze(self) -> Identifier:
        return Identifier(
            name=self.name,
            owner=self.owner,
            owner_text=self.owner_text,
            line=self.line,
            lines=self.lines,
            placeholders=self.placeholders,
            **self.fields,
        )


class IdentifierBook:
    """Identifiers by lower-case name, in order of first definition."""

    def __init__(self) -> None:
        self.drafts: dict[str, IdentifierDraft] = {}

    def define(self, name: str, line: int) -> IdentifierDraft:
        key = name.lower()
        if key not in self.drafts:
            self.drafts[key] = IdentifierDraft(name, line)
        draft = self.drafts[key]
        if line not in draft.lines:
            draft.lines.append(line)
        return draft

    def freeze(self) -> list[Identifier]:
        return [d.freeze() for d in self.drafts.values()]


def read_identifier_list(section: RawSection, book: IdentifierBook, ctx: Context) -> None:
    """``- **client_id** (GA4 / Analytics) — описание`` items of section 6."""
    skipping = False
    for block in section.blocks:
        if isinstance(block, Paragraph) and block.strong:
            skipping = bool(ASIDE.search(block.text))
        if skipping or not isinstance(block, ListBlock):
            continue
        for item in block.items:
            _identifier_item(item, book, ctx, section.label)


def _identifier_item(item: Item, book: IdentifierBook, ctx: Context, label: str) -> None:
    left, description = split_dash(item.text)
    if not description:
        left, _, description = item.text.partition(":")
    name, owner_text = split_head(left)
    name = name.strip().strip("`*\"'")
    if not _NAME.match(name):
        return
    draft = book.define(name, item.line)
    text, placeholder = fill(description.strip())
    draft.fields.setdefault("description", text)
    if placeholder:
        draft.placeholders.append("description")
    if owner_text:
        draft.owner_text = owner_text
        draft.owner = _owner(owner_text, item.line, ctx, label)


def _owner(text: str, line: int, ctx: Context, label: str) -> str | None:
    resolved = ctx.registry.resolve(text)
    if resolved.system is None:
        return None
    return resolved.parts[0] if resolved.parts else resolved.system


def read_id_schema_rows(
    table: Table, mapped: ColumnMap, book: IdentifierBook, ctx: Context, label: str
) -> list[int]:
    """Rows of the section 10 table merge into the identifiers; returns unread row lines."""
    unread: list[int] = []
    for row in table.rows:
        read = mapped.read(row)
        values, placeholders = read.values, read.placeholders
        name = values.get("name", "").strip().strip("`*\"'")
        if not name:
            if any(values.values()):
                unread.append(row.line)
            continue
        draft = book.define(name, row.line)
        for key in ("uniqueness", "format", "rules", "bindings"):
            if values.get(key):
                draft.fields[key] = values[key]
        if values.get("description"):
            draft.fields.setdefault("description", values["description"])
        draft.placeholders.extend(p for p in placeholders if p not in draft.placeholders)
        owner_text = values.get("owner", "")
        if owner_text and draft.owner is None:
            draft.owner_text = owner_text
            draft.owner = _owner(owner_text, row.line, ctx, label)
    return unread


def read_id_rules(table: Table, mapped: ColumnMap, place: TablePlace, ctx: Context) -> list[IdRule]:
    """Rows of the identifier sync table."""
    label = place.section.label
    rules: list[IdRule] = []
    for row in table.rows:
        read = mapped.read(row)
        values, placeholders = read.values, read.placeholders
        if not any(values.values()):
            continue
        cols = read.columns
        source, source_parts = ctx.system(
            values.get("source", ""), row.line, cols.get("source", 1), label
        )
        target, target_parts = ctx.system(
            values.get("target", ""), row.line, cols.get("target", 1), label
        )
        rules.append(
            IdRule(
                source=source,
                source_parts=list(source_parts),
                source_ids=identifier_list(values.get("source_ids", "")),
                target=target,
                target_parts=list(target_parts),
                target_ids=identifier_list(values.get("target_ids", "")),
                method=values.get("method", ""),
                priority=values.get("priority", ""),
                line=row.line,
                columns=cols,
                placeholders=placeholders,
            )
        )
    return rules


_BINDING_START = re.compile(r"^[^\w]*" + alternation(BINDING_WORDS), re.IGNORECASE)
_JOINER = re.compile(
    r"\s*(?:"
    + "|".join(
        re.escape(j) if not j[0].isalpha() else rf"(?<!\S){re.escape(j)}(?!\S)"
        for j in sorted(BINDING_JOINERS, key=len, reverse=True)
    )
    + r")\s*",
    re.IGNORECASE,
)
_BINDING_LABEL = re.compile(alternation(BINDING_LABEL_STEMS, stems_only=True), re.IGNORECASE)


def read_bindings(section: RawSection, ctx: Context) -> list[Binding]:
    """Section 10's binding rules with their sub-points: every item of a numbered list, every
    item of a bulleted one under a binding-rules label (``**Правила привязки:**``), and any
    other bulleted item that starts with a binding word or binds two identifiers; another
    bulleted item is reported (FV110). Lists under a notes label (``**Важно:**``) are skipped."""
    out: list[Binding] = []
    skipping = rules = False
    for block in section.blocks:
        if isinstance(block, Heading) or (isinstance(block, Paragraph) and block.strong):
            skipping = bool(ASIDE.search(block.text))
            rules = bool(_BINDING_LABEL.search(block.text)) and not skipping
        if skipping or not isinstance(block, ListBlock):
            continue
        for item in block.items:
            binding = _binding(item, ctx)
            if block.ordered or rules or _is_binding(item.text, binding):
                out.append(binding)
            else:
                ctx.report.add(
                    "FV110",
                    "info",
                    item.line,
                    "list item in the identifier-schema section is not read as a binding rule:"
                    " it names fewer than two identifiers",
                    section=section.label,
                    hint="write it as '- **Привязка a к b:** ...' or under '**Правила привязки:**'",
                )
    return out


def _binding(item: Item, ctx: Context) -> Binding:
    """A rule ``Привязка a к b: text`` / ``a ↔ b — text``: its head is the title, the text
    after it its first sub-point; the identifiers are the head's (the whole text's when the
    head names fewer than two)."""
    text = item.text.strip()
    head, rest = _rule_head(text)
    title = head.rstrip(":").strip()
    names = _identifiers(title, ctx)
    if len(names) < 2 and rest:
        names = _identifiers(text, ctx)
    return Binding(
        number=item.number if item.ordered else None,
        title=title,
        identifiers=names,
        items=[*([rest] if rest else []), *(c.text for c in flatten(item.children))],
        line=item.line,
    )


def _rule_head(text: str) -> tuple[str, str]:
    """``head: rest`` or ``head — rest``, whichever separator comes first; a text with
    neither is all head."""
    cuts = []
    labelled = split_label(text)
    if labelled and labelled[1]:
        cuts.append((len(labelled[0]), labelled))
    head, rest = split_dash(text)
    if rest:
        cuts.append((len(head), (head, rest)))
    if not cuts:
        return text, ""
    return min(cuts, key=lambda cut: cut[0])[1]


def _identifiers(text: str, ctx: Context) -> list[str]:
    """Identifiers the text names: known ones, snake_case tokens, and any single word that a
    joiner sets beside another (``phone`` in ``Привязка phone к lead_id``)."""
    tokens = [m.group() for m in IDENTIFIER_TOKEN.finditer(text)]
    body = text[_BINDING_START.match(text).end() :] if _BINDING_START.match(text) else text
    pieces = [p.strip().strip("`*\"'") for p in _JOINER.split(body)]
    if len(pieces) > 1:
        tokens += [p for p in pieces if _LATIN_NAME.match(p)]
    return list(dict.fromkeys(identifiers_in(text, ctx.identifiers | {t.lower() for t in tokens})))


def _is_binding(text: str, binding: Binding) -> bool:
    return len(binding.identifiers) >= 2 or bool(_BINDING_START.match(text))
