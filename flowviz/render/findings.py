"""Findings as text for people, JSON for tools and GitHub Actions annotations for CI."""

from __future__ import annotations

import json
from collections.abc import Sequence

from flowviz.model import Diagnostic

FINDINGS_SCHEMA = "flowviz/findings@1"
GITHUB_LEVEL = {"error": "error", "warning": "warning", "info": "notice"}


def counts(findings: Sequence[Diagnostic]) -> dict[str, int]:
    """How many findings of each severity."""
    out = {"error": 0, "warning": 0, "info": 0}
    for item in findings:
        out[item.severity] += 1
    return out


def _one_line(text: str) -> str:
    return " ".join(text.split())


def one_line(item: Diagnostic) -> str:
    """``path:line:col: CODE severity: message``."""
    return (
        f"{item.file}:{item.line}:{item.column}: {item.code} {item.severity}: "
        f"{_one_line(item.message)}"
    )


def to_text(findings: Sequence[Diagnostic], files: Sequence[str]) -> str:
    """``path:line:col: CODE severity: message`` lines, each hint below, and a summary."""
    lines = []
    for item in findings:
        lines.append(one_line(item))
        if item.hint:
            lines.append(f"    hint: {_one_line(item.hint)}")
    c = counts(findings)
    checked = f"{len(files)} map" + ("s" if len(files) != 1 else "")
    lines.append(
        f"{checked} checked: {c['error']} error(s), {c['warning']} warning(s), {c['info']} info"
    )
    return "\n".join(lines) + "\n"


def to_json(findings: Sequence[Diagnostic]) -> str:
    """``{"schema": "flowviz/findings@1", "findings": [...], "summary": {...}}``."""
    data = {
        "schema": FINDINGS_SCHEMA,
        "findings": [item.model_dump(mode="json") for item in findings],
        "summary": counts(findings),
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def to_github(findings: Sequence[Diagnostic]) -> str:
    """One ``::error file=...,line=...,col=...,title=...::message`` workflow command each."""
    lines = []
    for item in findings:
        props = ",".join(
            [
                f"file={_escape_property(item.file)}",
                f"line={item.line}",
                f"col={item.column}",
                f"title={_escape_property(item.code)}",
            ]
        )
        message = item.message + (f" (hint: {item.hint})" if item.hint else "")
        lines.append(f"::{GITHUB_LEVEL[item.severity]} {props}::{_escape_data(message)}")
    return "\n".join(lines) + ("\n" if lines else "")
