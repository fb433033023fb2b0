"""What every rule shares: its signature and how it makes a finding at a place in the map."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from flowviz.config import Config
from flowviz.model import MAP_KINDS, Diagnostic, Map, Section, Severity

Rule = Callable[[Map, Config], Iterable[Diagnostic]]


def in_template_shape(model: Map) -> bool:
    """Whether the map has a section of the template's map kinds; a document without one was
    read by its edge statements (FV111) and is not asked for the template's sections."""
    return any(s.kind in MAP_KINDS for s in model.sections)


def section_at(model: Map, line: int) -> Section | None:
    """The section that holds ``line``."""
    return next((s for s in model.sections if s.line <= line <= s.end_line), None)


def section_label(section: Section | None) -> str | None:
    if section is None:
        return None
    return str(section.number) if section.number is not None else section.title


def finding(
    model: Map,
    code: str,
    severity: Severity,
    line: int,
    message: str,
    *,
    column: int = 1,
    hint: str | None = None,
) -> Diagnostic:
    """A finding at ``line`` of the model's file, named with the section that holds it."""
    return Diagnostic(
        code=code,
        severity=severity,
        file=model.file,
        line=max(line, 1),
        column=max(column, 1),
        message=message,
        section=section_label(section_at(model, line)),
        hint=hint,
    )


def quote(text: str, limit: int = 60) -> str:
    """The map's own words, in quotes, cut to a readable length, on one line."""
    flat = " ".join(text.split())
    if len(flat) > limit:
        flat = flat[: limit - 1] + "…"
    return f"'{flat}'"
