"""Systems named but not listed in section 1; integrations with an end that names no system."""

from __future__ import annotations

from collections.abc import Iterator

from flowviz.check.base import finding, in_template_shape, quote
from flowviz.config import Config
from flowviz.model import Diagnostic, Map


def first_mention(model: Map, system_id: str) -> int:
    """The first line where a system takes part in something."""
    lines = [
        i.line
        for i in model.integrations
        if system_id in (i.source, i.target, *i.source_parts, *i.target_parts)
    ]
    lines += [r.line for r in model.id_rules if system_id in (r.source, r.target)]
    lines += [
        s.line
        for f in model.flows
        for s in f.steps
        if system_id in (s.source, s.target, *s.source_parts, *s.target_parts)
    ]
    lines += [f.line for f in model.flows if any(system_id in stage for stage in f.path)]
    lines += [t.line for t in model.tests if system_id in t.systems]
    return min(lines, default=1)


def unlisted_systems(model: Map, config: Config) -> Iterator[Diagnostic]:
    """FV250: a system takes part in the map but section 1 does not list it.

    Names no rule can place at all are reported once by the reader (FV101)."""
    if not in_template_shape(model):
        return
    for system in model.systems:
        if system.line is not None or system.kind in ("actor", "other"):
            continue
        yield finding(
            model,
            "FV250",
            "warning",
            first_mention(model, system.id),
            f"{quote(system.name)} is named in the map but section 1 does not list it",
            hint="add it to the systems of section 1",
        )


def unresolved_ends(model: Map, config: Config) -> Iterator[Diagnostic]:
    """FV251: an integration row whose source or receiver names no system."""
    for row in model.integrations:
        for end, field, label in (("source", "source", "source"), ("target", "target", "receiver")):
            if getattr(row, end) is None:
                yield finding(
                    model,
                    "FV251",
                    "error",
                    row.line,
                    f"integration {row.id} has no {label} system"
                    + (
                        f" ({quote(row.target_text)})"
                        if end == "target" and row.target_text
                        else ""
                    ),
                    column=row.columns.get(field, 1),
                    hint=f"name the {label} system as section 1 lists it",
                )
