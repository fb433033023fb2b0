"""Identifiers used but never defined, and defined but never used."""

from __future__ import annotations

from collections.abc import Iterator

from flowviz.check.base import finding, quote
from flowviz.config import Config
from flowviz.model import Diagnostic, Map

HINT_DEFINE = "define it in section 6 (list) and section 10 (table), or correct the name"


def uses(model: Map) -> list[tuple[str, int, int, str]]:
    """Every identifier use: (name, line, column, where) in document order."""
    found: list[tuple[str, int, int, str]] = []
    for row in model.integrations:
        if "identifiers" not in row.placeholders:
            column = row.columns.get("identifiers", 1)
            found += [(n, row.line, column, f"integration {row.id}") for n in row.identifiers]
    for flow in model.flows:
        for step in flow.steps:
            where = f"step {flow.number}.{step.number}"
            found += [(n, step.line, 1, where) for n in step.identifiers]
    for rule in model.id_rules:
        for field in ("source_ids", "target_ids"):
            if field not in rule.placeholders:
                column = rule.columns.get(field, 1)
                names = getattr(rule, field)
                found += [(n, rule.line, column, "identifier sync rule") for n in names]
    return found


def undefined_identifiers(model: Map, config: Config) -> Iterator[Diagnostic]:
    """FV240: an identifier is used but sections 6 and 10 do not define it."""
    defined = {i.name.lower() for i in model.identifiers}
    if not defined:
        return
    seen: set[tuple[str, int]] = set()
    for name, line, column, where in uses(model):
        key = (name.lower(), line)
        if name.lower() in defined or key in seen:
            continue
        seen.add(key)
        yield finding(
            model,
            "FV240",
            "warning",
            line,
            f"{where} uses identifier {quote(name)}, which sections 6 and 10 do not define",
            column=column,
            hint=HINT_DEFINE,
        )


def unused_identifiers(model: Map, config: Config) -> Iterator[Diagnostic]:
    """FV241: an identifier is defined but no integration, step or sync rule uses it."""
    used = {name.lower() for name, *_ in uses(model)}
    for ident in model.identifiers:
        if ident.name.lower() not in used:
            yield finding(
                model,
                "FV241",
                "info",
                ident.line,
                f"identifier {quote(ident.name)} is defined but no integration, flow step or "
                "sync rule uses it",
                hint="name it where it is passed, or drop it if the project does not use it",
            )
