"""Links: the model's integrations, steps, sync rules and bindings as uniform directed links.

A link is what a view filters and draws: a member (the row, step or rule with its facts) and
its two ends at the model's level (a system id and the tools of a group it names). Turning a
link's ends into drawn nodes is ``views.ends``' job.
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import pairwise
from typing import NamedTuple

from flowviz.graph import ROW_FACTS, Member, facts_of, new_member
from flowviz.model import Flow, Integration, Map, Step
from flowviz.wording import LABEL_MAX, shorten


class End(NamedTuple):
    """One end of a link: a system and the tools of its group it names (none: the whole)."""

    system: str
    parts: tuple[str, ...] = ()
    ids: tuple[str, ...] = ()
    """The identifiers held at this end (identifiers view); the first is where edges end."""

    @property
    def port(self) -> str | None:
        """The identifier row an edge ends at, if any."""
        return self.ids[0] if self.ids else None


class Link(NamedTuple):
    """A member with its ends at the model's level; ``target`` None for an internal step."""

    member: Member
    source: End | None
    target: End | None
    method: str = ""
    identifiers: frozenset[str] = frozenset()
    order: int | None = None


def integration_links(model: Map) -> Iterator[Link]:
    """One link per integration row with both ends known (see ``unplaced_integrations``)."""
    for row in model.integrations:
        if row.source and row.target:
            yield Link(
                integration_member(row),
                End(row.source, tuple(row.source_parts)),
                End(row.target, tuple(row.target_parts)),
                row.method,
                frozenset(row.identifiers),
            )


def unplaced_integrations(model: Map) -> list[Integration]:
    """Rows whose sender or receiver names no system: they cannot be drawn."""
    return [row for row in model.integrations if not (row.source and row.target)]


class Labels(dict[str, str]):
    """A method -> its short edge label, each shortened once (a map has a few methods and
    thousands of rows)."""

    def __missing__(self, method: str) -> str:
        self[method] = shorten(method)
        return self[method]


def integration_member(row: Integration, labels: Labels | None = None) -> Member:
    """A row as an edge member with everything it says as its facts; ``labels`` shortens its
    method once per view. One call a row, no more: the overview makes a member for each of
    thousands."""
    label = shorten(row.method) if labels is None else labels[row.method]
    identifiers, fields = ", ".join(row.identifiers), ", ".join(row.fields)
    details, status = row.details.text, row.status_text or row.status
    values = (
        row.source_data, row.target_text, row.method, identifiers, fields, row.purpose, details,
        status,
    )  # fmt: skip
    if all(values) and not row.justification:
        facts = ROW_FACTS, values
    else:
        pairs = zip(ROW_FACTS, values, strict=True)
        facts = facts_of((*pairs, ("justification", row.justification or "")))
    return new_member(("integration:" + row.id, "integration", row.line, label, row.status, facts))


def step_links(flow: Flow) -> Iterator[Link]:
    """One link per step of ``flow`` that has a sender; an internal step links to nothing."""
    for step in flow.steps:
        if step.source:
            yield Link(
                member=step_member(flow, step),
                source=End(step.source, tuple(step.source_parts)),
                target=End(step.target, tuple(step.target_parts)) if step.target else None,
                method=step.method or "",
                identifiers=frozenset(step.identifiers) | frozenset(step.created),
                order=step.number,
            )


def step_member(flow: Flow, step: Step) -> Member:
    """A step as an edge member: numbered, with its text and identifiers."""
    label = str(step.number)
    if step.method:
        label = f"{step.number} · {shorten(step.method, LABEL_MAX - 4)}"
    return Member(
        id=f"step:{flow.number}.{step.number}",
        kind="step",
        line=step.line,
        label=label,
        facts=facts_of(
            (
                ("step", step.text),
                ("method", step.method or ""),
                ("identifiers", ", ".join(step.identifiers)),
                ("created", ", ".join(step.created)),
            )
        ),
    )


def rule_links(model: Map) -> Iterator[Link]:
    """One link per sync rule of section 6 (``rule:6.<row>``) with both systems known; a rule
    that names tools of a group (``GA4``) ends at those tools, as an integration does."""
    number = section_number(model, "identifiers", 6)
    for row, rule in enumerate(model.id_rules, start=1):
        if not (rule.source and rule.target):
            continue
        ids = [*rule.source_ids, *rule.target_ids]
        label = " → ".join(", ".join(side) for side in (rule.source_ids, rule.target_ids) if side)
        yield Link(
            member=Member(
                id=f"rule:{number}.{row}",
                kind="rule",
                line=rule.line,
                label=shorten(" · ".join(x for x in (rule.priority, rule.method) if x), 32),
                facts=facts_of(
                    (("identifiers", label), ("method", rule.method), ("priority", rule.priority))
                ),
            ),
            source=End(rule.source, tuple(rule.source_parts), tuple(rule.source_ids)),
            target=End(rule.target, tuple(rule.target_parts), tuple(rule.target_ids)),
            method=rule.method,
            identifiers=frozenset(ids),
        )


def binding_links(model: Map) -> Iterator[Link]:
    """Section 10's binding rules: a link between each adjacent pair of identifiers it binds,
    from the system that owns the first to the one that owns the second."""
    number = section_number(model, "id_schema", 10)
    owners = {ident.name: ident.owner for ident in model.identifiers}
    for row, binding in enumerate(model.bindings, start=1):
        names = binding.identifiers
        for index, (first, second) in enumerate(pairwise(names)):
            suffix = f"/{index + 1}" if len(names) > 2 else ""
            yield Link(
                member=Member(
                    id=f"binding:{number}.{binding.number or row}{suffix}",
                    kind="binding",
                    line=binding.line,
                    label="",
                    facts=facts_of(
                        (("binding", binding.title), *(("note", item) for item in binding.items))
                    ),
                ),
                source=End(owners.get(first) or SHARED, ids=(first,)),
                target=End(owners.get(second) or SHARED, ids=(second,)),
                identifiers=frozenset(names),
            )


SHARED = "_shared"
"""The record that holds identifiers no system owns (``email`` — 'Универсальный'); system ids
are slugs, so an underscore never meets one."""


def section_number(model: Map, kind: str, default: int) -> int:
    """The number of the map's section of ``kind`` (``default`` when it has none)."""
    return next((s.number for s in model.sections if s.kind == kind and s.number), default)
