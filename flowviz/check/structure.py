"""Sections: mandatory ones missing or empty, checklist items that point nowhere."""

from __future__ import annotations

from collections.abc import Iterator

from flowviz.check.base import finding, in_template_shape, quote
from flowviz.config import Config
from flowviz.model import Diagnostic, Map, Section

MANDATORY = {
    "overview": (1, "general information and systems"),
    "integrations": (2, "integrations"),
    "identifiers": (6, "identifiers and data sync"),
    "flows": (7, "data flows"),
    "requirements": (8, "technical requirements"),
    "tests": (9, "test plan"),
    "id_schema": (10, "identifier schema and bindings"),
}
ROLES = {"cms": 2, "crm": 3, "esp": 4, "analytics": 5}


def missing_sections(model: Map, config: Config) -> Iterator[Diagnostic]:
    """FV201: a mandatory section of the template is not in the map."""
    if not in_template_shape(model):
        return
    kinds = {s.kind for s in model.sections}
    for kind, (number, name) in MANDATORY.items():
        if kind not in kinds:
            yield finding(
                model,
                "FV201",
                "error",
                1,
                f"mandatory section {number} ({name}) is missing",
                hint=f"add a section headed '{number}. ...' as in the template",
            )


def _lines_in(section: Section, lines: list[int]) -> bool:
    return any(section.line <= line <= section.end_line for line in lines)


def content_lines(model: Map) -> list[int]:
    """Every line the model read something from."""
    lines: list[int] = [s.line for s in model.systems if s.line]
    lines += list(model.project.lines.values())
    lines += [i.line for i in model.integrations]
    lines += [n for i in model.identifiers for n in i.lines]
    lines += [r.line for r in model.id_rules] + [b.line for b in model.bindings]
    lines += [f.line for f in model.flows] + [s.line for f in model.flows for s in f.steps]
    lines += [r.line for r in model.requirements] + [t.line for t in model.tests]
    lines += [c.line for c in model.checklist]
    lines += [s.not_required_line for s in model.sections if s.not_required_line]
    return lines


def empty_sections(model: Map, config: Config) -> Iterator[Diagnostic]:
    """FV202: a mandatory section is there but nothing in it could be read."""
    lines = content_lines(model)
    for section in model.sections:
        if (
            section.kind in MANDATORY
            and not _lines_in(section, lines)
            and not section.not_required_line
        ):
            yield finding(
                model,
                "FV202",
                "error",
                section.line,
                f"section {quote(section.title)} is empty: nothing in it could be read",
                hint="fill it in as the template shows (tables, lists, numbered steps)",
            )


def missing_role_sections(model: Map, config: Config) -> Iterator[Diagnostic]:
    """FV203: a system that section 1 lists has no integration section of its own."""
    if not in_template_shape(model):
        return
    owners = {s.owner for s in model.sections if s.kind == "integrations"}
    sources = {i.source for i in model.integrations}
    for system in model.systems:
        number = ROLES.get(system.kind)
        if number is None or system.parent or system.line is None:
            continue
        if system.id not in owners and system.id not in sources:
            yield finding(
                model,
                "FV203",
                "warning",
                system.line,
                f"{quote(system.name)} has no integration section (section {number} of the "
                "template): what does it send to other systems?",
                hint="add its integration table, or write 'Не требуется' with the reason",
            )


def checklist_items(model: Map, config: Config) -> Iterator[Diagnostic]:
    """FV204: a checklist item names a section that is missing or empty."""
    lines = content_lines(model)
    for item in model.checklist:
        if item.section is None:
            continue
        section = next((s for s in model.sections if s.number == item.section), None)
        if section is None:
            yield finding(
                model,
                "FV204",
                "warning",
                item.line,
                f"checklist item {quote(item.text)} names section {item.section}, "
                "which the map does not have",
                column=3,
                hint="add the section, or remove the item if it does not apply",
            )
        elif not _lines_in(section, lines):
            yield finding(
                model,
                "FV204",
                "warning",
                item.line,
                f"checklist item {quote(item.text)} names section {item.section}, which is empty",
                column=3,
                hint="fill in the section",
            )
