"""``check``: rules over the model that tell the map's author what is missing or inconsistent.
Rules never change the model; each yields findings in the one shared shape."""

from __future__ import annotations

from collections.abc import Iterable

from flowviz.check import (
    flows,
    identifiers,
    placeholders,
    requirements,
    secrets,
    structure,
    systems,
)
from flowviz.check.base import Rule
from flowviz.config import Config
from flowviz.model import Diagnostic, Map

RULES: tuple[Rule, ...] = (
    structure.missing_sections,
    structure.empty_sections,
    structure.missing_role_sections,
    structure.checklist_items,
    placeholders.unfilled_placeholders,
    placeholders.unjustified_not_required,
    flows.unbacked_steps,
    flows.declared_paths,
    identifiers.undefined_identifiers,
    identifiers.unused_identifiers,
    systems.unlisted_systems,
    systems.unresolved_ends,
    requirements.missing_requirements,
    requirements.out_of_bounds,
    secrets.secrets_in_cells,
)


def check(model: Map, config: Config | None = None, ignore: Iterable[str] = ()) -> list[Diagnostic]:
    """Every finding on ``model``: the reader's own and every rule's, sorted by position."""
    config = config or Config()
    skipped = {code.upper() for code in [*config.ignore, *ignore]}
    found = list(model.diagnostics)
    for rule in RULES:
        found.extend(rule(model, config))
    unique = {(d.line, d.column, d.code, d.message): d for d in found if d.code not in skipped}
    return sorted(unique.values(), key=lambda d: (d.line, d.column, d.code, d.message))


__all__ = ["RULES", "check"]
