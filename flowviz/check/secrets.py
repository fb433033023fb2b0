"""Secrets pasted into the map: warn, without ever repeating the secret.

The rule walks the same texts as redaction (``secrets.cells``), so whatever an export or a
picture masks is reported here, wherever it sits: a cell, a linked URL, a step's sub-point."""

from __future__ import annotations

from collections.abc import Iterator

from flowviz.check.base import finding
from flowviz.config import Config
from flowviz.model import Diagnostic, Map
from flowviz.secrets import Cell, secret_cells

FIELD_NAMES = {
    "details": "technical details",
    "text": "text",
    "urls": "linked URL",
    "target_text": "receiver",
    "status_text": "status",
    "source_ids": "source identifiers",
    "target_ids": "target identifiers",
    "systems_text": "systems",
    "notes": "sub-point",
    "items": "sub-point",
    "url": "URL",
}
OBJECT_NAMES = {
    "integrations": "integration",
    "systems": "system",
    "identifiers": "identifier",
    "id_rules": "sync rule",
    "bindings": "binding rule",
    "flows": "flow",
    "requirements": "technical requirements",
    "tests": "test plan",
    "checklist": "checklist",
    "project": "project facts",
    "sections": "heading",
}


def secrets_in_cells(model: Map, config: Config) -> Iterator[Diagnostic]:
    """FV270: a token, key or password written into the map."""
    data = model.model_dump(mode="json", by_alias=True, exclude={"diagnostics"})
    seen: set[tuple[int, str]] = set()
    for cell, found in secret_cells(data, config.secrets_allowlist):
        for secret in found:
            value = cell.text[secret.start : secret.end]
            if (cell.line, value) in seen:
                continue
            seen.add((cell.line, value))
            yield finding(
                model,
                "FV270",
                "warning",
                cell.line,
                f"{secret.kind.lower()} in {_where(cell, data)} ({secret.preview(cell.text)}); "
                "renders and exports redact it",
                column=cell.column,
                hint="keep secrets in a vault and write a reference ('{token}', 'from the "
                "vault'); add a false alarm to 'secrets_allowlist' in flowviz.yaml",
            )


def _where(cell: Cell, data: dict) -> str:
    """``technical details of integration 2.1``, ``text of step 1.3`` ..."""
    keys = [key for key in cell.path if isinstance(key, str)]
    field = FIELD_NAMES.get(keys[-1], keys[-1].replace("_", " ")) if keys else "text"
    if keys and keys[-1] == "text" and len(keys) > 1:
        field = FIELD_NAMES.get(keys[-2], keys[-2].replace("_", " "))
    return f"{field} of {_owner(cell.path, data)}"


def _owner(path: tuple[str | int, ...], data: dict) -> str:
    top = path[0] if path else ""
    name = OBJECT_NAMES.get(str(top), str(top))
    if top == "flows" and len(path) > 3 and path[2] == "steps":
        flow = data["flows"][path[1]]
        return f"step {flow['number']}.{flow['steps'][path[3]]['number']}"
    if len(path) > 1 and isinstance(path[1], int):
        item = data[top][path[1]]
        label = item.get("id") or item.get("name") or item.get("number") or ""
        return f"{name} {label}".strip()
    return name
