"""Sections 6 and 10: identifiers, their sync rules and their binding rules."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from flowviz.model import Binding, Identifier, IdRule
from flowviz.parse.blocks import Item, ListBlock, Paragraph, Table, flatten
from flowviz.parse.context import Context
from flowviz.parse.keywords import ColumnMap
from flowviz.parse.sections import RawSection
from flowviz.parse.text import (
    IDENTIFIER_TOKEN,
    fill,
    identifier_list,
    identifiers_in,
    split_dash,
    split_head,
)

_NAME = re.compile(r"^[\w.$:-]{1,48}$")
_IMPORTANT = re.compile(r"важно|important|примечани|notes?\b", re.I)


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
            skipping = bool(_IMPORTANT.search(block.text))
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


def read_id_rules(table: Table, mapped: ColumnMap, ctx: Context, label: str) -> list[IdRule]:
    """Rows of the identifier sync table."""
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


def read_bindings(section: RawSection, ctx: Context) -> list[Binding]:
    """Section 10's numbered binding rules with their sub-points."""
    out: list[Binding] = []
    skipping = False
    for block in section.blocks:
        if isinstance(block, Paragraph) and block.strong:
            skipping = bool(_IMPORTANT.search(block.text))
        if skipping or not isinstance(block, ListBlock) or not block.ordered:
            continue
        for item in block.items:
            title = item.text.rstrip(":").strip()
            tokens = [m.group() for m in IDENTIFIER_TOKEN.finditer(title)]
            names = identifiers_in(title, ctx.identifiers | {t.lower() for t in tokens})
            out.append(
                Binding(
                    number=item.number,
                    title=title,
                    identifiers=list(dict.fromkeys(names)),
                    items=[c.text for c in flatten(item.children)],
                    line=item.line,
                )
            )
    return out
