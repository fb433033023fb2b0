"""Secrets pasted into cells: warn, without ever repeating the secret."""

from __future__ import annotations

from collections.abc import Iterator

from flowviz.check.base import finding
from flowviz.config import Config
from flowviz.model import Diagnostic, Map
from flowviz.secrets import find_secrets

TEXT_FIELDS = ("source_data", "target_text", "method", "purpose", "status_text")


def _cells(model: Map) -> Iterator[tuple[str, int, int, str]]:
    """(text, line, column, where) for every text the map's author wrote."""
    for row in model.integrations:
        yield row.details.text, row.line, row.columns.get("details", 1), "technical details"
        for field in TEXT_FIELDS:
            yield getattr(row, field), row.line, 1, field.replace("_", " ")
        yield ", ".join(row.fields), row.line, row.columns.get("fields", 1), "data fields"
    for system in model.systems:
        yield system.url or "", system.line or 1, 1, f"URL of {system.name}"
    for key, value in {**model.project.extra}.items():
        yield value, model.project.lines.get(key, 1), 1, key
    for rule in model.id_rules:
        yield rule.method, rule.line, rule.columns.get("method", 1), "sync method"
    for ident in model.identifiers:
        for field in ("format", "rules", "bindings", "description"):
            yield getattr(ident, field), ident.line, 1, f"identifier {ident.name}"
    for flow in model.flows:
        for step in flow.steps:
            yield step.text, step.line, 1, f"step {flow.number}.{step.number}"
    for requirement in model.requirements:
        yield requirement.text, requirement.line, 1, "technical requirements"
    for stage in model.tests:
        yield stage.criteria, stage.line, stage.columns.get("criteria", 1), "test plan"


def secrets_in_cells(model: Map, config: Config) -> Iterator[Diagnostic]:
    """FV270: a token, key or password written into the map."""
    for text, line, column, where in _cells(model):
        if not text:
            continue
        for secret in find_secrets(text, config.secrets_allowlist):
            yield finding(
                model,
                "FV270",
                "warning",
                line,
                f"{secret.kind.lower()} in {where} ({secret.preview(text)}); renders and "
                "exports redact it",
                column=column,
                hint="keep secrets in a vault and write a reference ('{token}', 'from the "
                "vault'); add a false alarm to 'secrets_allowlist' in flowviz.yaml",
            )
