"""Template placeholders left unfilled, and 'not required' without a reason."""

from __future__ import annotations

from collections.abc import Iterator

from flowviz.check.base import finding, quote
from flowviz.config import Config
from flowviz.model import Diagnostic, Map

LABELS = {
    "source": "source",
    "target": "receiver",
    "method": "method",
    "identifiers": "identifiers",
    "fields": "data fields",
    "purpose": "purpose",
    "details": "technical details",
    "status": "status",
    "source_ids": "source identifier",
    "target_ids": "target identifier",
    "priority": "priority",
    "name": "name",
    "systems": "systems",
    "criteria": "success criteria",
    "owner": "owner",
    "due": "deadline",
    "uniqueness": "uniqueness",
    "format": "format",
    "rules": "sync rules",
    "bindings": "bindings",
    "description": "description",
    "product": "product",
    "url": "URL / access",
    "text": "value",
}
HINT = "replace the bracketed example with the project's real value"


def _value(obj: object, field: str) -> str:
    value = getattr(obj, field, "")
    if field == "details":
        value = value.text
    if isinstance(value, list):
        value = ", ".join(value)
    return str(value or "")


def _message(field: str, value: str) -> str:
    label = LABELS.get(field, field)
    example = f"; the template's example is {quote(value)}" if value else ""
    return f"placeholder left in '{label}'{example}"


def unfilled_placeholders(model: Map, config: Config) -> Iterator[Diagnostic]:
    """FV210: a placeholder (``[указать]``, ``[Например: ...]``) is still in the map."""
    project = model.project
    for key in project.placeholders:
        plain = key.removeprefix("extra.")
        line = project.lines.get(plain, project.line or 1)
        value = project.extra.get(plain, "") if key.startswith("extra.") else getattr(project, key)
        yield finding(model, "FV210", "warning", line, _message(plain, value or ""), hint=HINT)
    for system in model.systems:
        if system.parent is not None:
            continue  # a tool of a group shares the group's cell
        for field in system.placeholders:
            value = _value(system, field) if field != "product" or system.product else ""
            yield finding(
                model,
                "FV210",
                "warning",
                system.line or 1,
                f"{quote(system.name)}: " + _message(field, value),
                hint=HINT,
            )
    for rows in (model.integrations, model.id_rules, model.tests):
        for row in rows:
            for field in row.placeholders:
                yield finding(
                    model,
                    "FV210",
                    "warning",
                    row.line,
                    _message(field, _value(row, field)),
                    column=row.columns.get(field, 1),
                    hint=HINT,
                )
    for ident in model.identifiers:
        for field in ident.placeholders:
            line = ident.line if field == "description" else ident.lines[-1]
            yield finding(
                model,
                "FV210",
                "warning",
                line,
                f"identifier {quote(ident.name)}: " + _message(field, _value(ident, field)),
                hint=HINT,
            )
    for requirement in model.requirements:
        if requirement.placeholders:
            yield finding(
                model,
                "FV210",
                "warning",
                requirement.line,
                _message(requirement.label or requirement.key, requirement.text),
                hint=HINT,
            )


def unjustified_not_required(model: Map, config: Config) -> Iterator[Diagnostic]:
    """FV211: an integration or a section marked 'Не требуется' / 'Not required' gives no
    reason."""
    for row in model.integrations:
        if row.status == "not_required" and not row.justification:
            yield finding(
                model,
                "FV211",
                "warning",
                row.line,
                f"integration {row.id} is marked {quote(row.status_text)} without a justification",
                column=row.columns.get("status", 1),
                hint=HINT_REASON,
            )
    for section in model.sections:
        if section.not_required_line and not section.justification:
            yield finding(
                model,
                "FV211",
                "warning",
                section.not_required_line,
                f"section {quote(section.title)} says it is not required without a justification",
                hint=HINT_REASON,
            )


HINT_REASON = "say why after a dash: 'Не требуется — <reason>'"
