"""Shared state while one map is read: its file, the system registry and the findings."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, NamedTuple

from flowviz.model import Diagnostic, Severity
from flowviz.parse.systems import Registry, known_kind, person_key

if TYPE_CHECKING:
    from flowviz.parse.sections import RawSection


class TablePlace(NamedTuple):
    """Where a table sits, for the readers of tables: its section, the system that sends the
    rows of an integration section, and how many integrations that section has before it."""

    section: RawSection
    owner: str | None = None
    done: int = 0


MAX_NAME_WORDS = 10
"""The most words a system's name takes in a table cell (``Служба синхронизации Microsoft
Identity Manager``); a longer cell is a sentence."""


@dataclass(slots=True)
class Report:
    """Collects diagnostics for one file."""

    file: str
    diagnostics: list[Diagnostic] = field(default_factory=list)

    def add(
        self,
        code: str,
        severity: Severity,
        line: int,
        message: str,
        *,
        column: int = 1,
        section: str | None = None,
        hint: str | None = None,
    ) -> None:
        """Record one finding."""
        self.diagnostics.append(
            Diagnostic(
                code=code,
                severity=severity,
                file=self.file,
                line=max(line, 1),
                column=max(column, 1),
                message=message,
                section=section,
                hint=hint,
            )
        )


@dataclass(slots=True)
class Context:
    """What every section reader needs."""

    report: Report
    registry: Registry
    identifiers: set[str] = field(default_factory=set)
    """Lower-case names of the identifiers the map defines."""
    template: bool = True
    """The map is in the template's shape (section 1 is where its systems are listed)."""
    brackets: dict[str, str] = field(default_factory=dict)
    """System id -> the bracket section 1 writes after its name (``розница`` of ``amoCRM
    (розница)``), which tells it from a system of the same name with another bracket."""

    def system(
        self, cell: str, line: int, column: int, section: str
    ) -> tuple[str | None, tuple[str, ...]]:
        """Resolve a system cell, creating (and reporting) a system for an unknown name."""
        resolved = self.registry.resolve(cell)
        if resolved.system is not None:
            return resolved.system, resolved.parts
        if resolved.unknown is None or self._a_sentence(resolved.unknown):
            return None, ()
        if (person := person_key(resolved.unknown)) is not None:
            return self.registry.actor(person, resolved.unknown).id, ()  # a person, no system
        return self.unknown_system(resolved.unknown, line, column, section), ()

    def _a_sentence(self, cell: str) -> bool:
        """Whether a cell of a document not in the template's shape is a sentence about the
        row (``Поля ORIGINATOR_ID — код внешней системы и ORIGIN_ID — …``), longer than any
        system's name: no system."""
        return not self.template and len(cell.split()) > MAX_NAME_WORDS and not known_kind(cell)

    def unknown_system(self, name: str, line: int, column: int, section: str | None) -> str:
        """A new system for a name no section 1 entry or alias explains. An unknown name is
        reported here (FV101, info); a well-known product (``Roistat``) gets its kind, and the
        check reports it once as a system section 1 does not list (FV250)."""
        existing = self.registry.lookup(name)
        if existing is not None:
            return existing
        kind = known_kind(name)
        draft = self.registry.add(name, kind or "other")
        if kind is not None:
            return draft.id
        if self.template:
            message = f"'{name}' is not a system listed in section 1"
            hint = "list it in section 1 or map it to a system with 'aliases' in flowviz.yaml"
        else:
            message = f"'{name}' is not a product flowviz knows"
            hint = "give it a kind under 'products' in flowviz.yaml, or an alias under 'aliases'"
        self.report.add(
            "FV101",
            "info",
            line,
            f"{message}; read as a new system '{draft.id}'",
            column=column,
            section=section,
            hint=hint,
        )
        return draft.id
