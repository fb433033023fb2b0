"""What the explorer shows, as pure functions of the model: the filter choices a map offers,
the rows a filter keeps, the headline figures and the tables (pandas)."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

import pandas as pd

from flowviz.graph import Graph
from flowviz.model import Diagnostic, IdRule, Integration, Map, Step
from flowviz.views import Filters, ViewSpec, all_identifiers, build, identifiers, overview
from flowviz.views.edges import build_edges
from flowviz.views.filters import apply, neighbourhood
from flowviz.views.links import step_links
from flowviz.wording import Language, word

VIEWS = ("overview", "flow", "identifiers", "system")
STATUSES = ("configured", "needs_setup", "not_required", "unknown")
DEPTHS = (1, 2, 3, 4, 5)


@dataclass(frozen=True, slots=True)
class Options:
    """The values each filter can take on one map (ids and names as the model has them)."""

    systems: tuple[str, ...]
    identifiers: tuple[str, ...]
    methods: tuple[str, ...]
    flows: tuple[int, ...]
    names: dict[str, str] = field(default_factory=dict)
    """System id -> its name, for the choice's label."""
    titles: dict[int, str] = field(default_factory=dict)
    """Flow number -> its title, for the choice's label."""


@dataclass(frozen=True, slots=True)
class Choice:
    """The view and filters chosen in the page (hashable: the view's cache key)."""

    view: str = "overview"
    system: str | None = None
    identifier: str | None = None
    status: str | None = None
    method: str | None = None
    flow: int | None = None
    direction: str = "both"
    depth: int = 1

    def filters(self) -> Filters:
        """The filters every view and table takes."""
        return Filters(
            system=self.system,
            identifier=self.identifier,
            status=self.status,
            method=self.method,
            flow=self.flow,
            direction=self.direction,  # type: ignore[arg-type]
            depth=self.depth,
        )

    def spec(self, model: Map) -> ViewSpec:
        """The view to draw: a flow view without a flow draws the first one; a system view
        without a system draws the overview."""
        if self.view == "flow" and model.flows:
            return ViewSpec("flow", str(self.flow or model.flows[0].number))
        if self.view == "system" and self.system:
            return ViewSpec("system", self.system)
        if self.view == "identifiers":
            return ViewSpec("identifiers")
        return ViewSpec("overview")


def options(model: Map) -> Options:
    """The choices ``model`` offers for each filter, in document order."""
    systems = tuple(s.id for s in model.systems if s.kind != "actor")
    methods = [row.method for row in model.integrations] + [r.method for r in model.id_rules]
    return Options(
        systems=systems,
        identifiers=tuple(all_identifiers(model)),
        methods=tuple(dict.fromkeys(m.strip() for m in methods if m.strip())),
        flows=tuple(f.number for f in model.flows),
        names={s.id: s.name for s in model.systems},
        titles={f.number: f.title for f in model.flows},
    )


def draw_graph(model: Map, choice: Choice) -> Graph:
    """The graph of the chosen view; ``model`` is already redacted."""
    filters = choice.filters()
    if choice.view == "flow":
        filters = replace(filters, flow=None)
    return build(model, [choice.spec(model)], filters, redact=False)[0]


# -- what the filters keep ----------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Selection:
    """The rows the filters keep, in document order."""

    integrations: list[Integration]
    rules: list[IdRule]
    steps: list[tuple[int, Step]]
    identifiers: list[str]
    systems: int


def select(model: Map, filters: Filters, picture: Graph | None = None) -> Selection:
    """The integrations, sync rules, flow steps and identifiers that ``filters`` keep, and the
    number of systems the filtered overview shows; everything when nothing is filtered. The
    identifiers are those the kept rows carry, or only the one an identifier filter names.
    ``picture`` is the filtered overview when the caller has it already."""
    picture = picture or overview(model, filters)
    systems = sum(1 for node in picture.nodes if node.kind != "actor")
    if not filters.in_use():
        steps = [(f.number, s) for f in model.flows for s in f.steps]
        return Selection(
            list(model.integrations), list(model.id_rules), steps, all_identifiers(model), systems
        )
    kept = {m.id for m in picture.members()}
    rows = [row for row in model.integrations if f"integration:{row.id}" in kept]
    rule_lines = {m.line for m in identifiers(model, filters).members() if m.kind == "rule"}
    rules = [rule for rule in model.id_rules if rule.line in rule_lines]
    steps = _steps(model, filters)
    names = [n for row in rows for n in row.identifiers]
    names += [n for rule in rules for n in (*rule.source_ids, *rule.target_ids)]
    names += [n for _, step in steps for n in (*step.identifiers, *step.created)]
    if filters.identifier:
        names = [filters.identifier]
    return Selection(rows, rules, steps, list(dict.fromkeys(names)), systems)


def _steps(model: Map, filters: Filters) -> list[tuple[int, Step]]:
    """Steps of the flows (only ``filters.flow`` when set) that each flow's view keeps (as
    ``views.flow`` keeps them, without building its nodes: a map can have a hundred flows).
    One link away from a system, a step is kept on its own ends whatever flow it is in, so
    the flows are filtered together; further away, each flow on its own."""
    chosen = [f for f in model.flows if filters.flow in (None, f.number)]
    own = replace(filters, flow=None)
    together = filters.system is None or filters.depth <= 1
    groups = [chosen] if together else [[item] for item in chosen]
    kept: set[str] = set()
    for group in groups:
        links = apply([link for item in group for link in step_links(item)], own, model)
        if filters.system is None:
            kept.update(link.member.id for link in links)
        else:
            edges = neighbourhood(build_edges(links), filters, model)
            kept.update(member.id for edge in edges for member in edge.members)
    return [(f.number, s) for f in chosen for s in f.steps if f"step:{f.number}.{s.number}" in kept]


# -- figures ------------------------------------------------------------------------------


def figures(selection: Selection, findings: list[Diagnostic]) -> dict[str, int | str]:
    """The headline figures: systems, integrations, share configured (of the filtered rows;
    "—" when no row states a status, as in a document not in the template), open
    placeholders and findings by severity (of the whole map)."""
    rows = selection.integrations
    configured = sum(1 for row in rows if row.status == "configured")
    stated = any(row.status != "unknown" for row in rows)
    share = f"{round(100 * configured / len(rows))}%" if stated else "—"
    counts = {sev: sum(1 for f in findings if f.severity == sev) for sev in ("error", "warning")}
    return {
        "fig_systems": selection.systems,
        "fig_integrations": len(rows),
        "fig_configured": share,
        "fig_placeholders": sum(1 for f in findings if f.code == "FV210"),
        "fig_errors": counts["error"],
        "fig_warnings": counts["warning"],
        "fig_info": sum(1 for f in findings if f.severity == "info"),
    }


# -- tables -------------------------------------------------------------------------------


def tables(model: Map, selection: Selection) -> dict[str, pd.DataFrame]:
    """The filtered rows as tables with the map's line first, column names in its language."""
    lang = model.language
    names = {s.id: s.name for s in model.systems}
    return {
        "integrations": _frame(lang, _integration_rows(lang, selection.integrations, names)),
        "id_rules": _frame(lang, _rule_rows(selection.rules, names)),
        "identifiers": _frame(lang, _identifier_rows(model, selection.identifiers, names)),
        "steps": _frame(lang, _step_rows(selection.steps, names)),
    }


def _frame(language: Language, rows: list[dict[str, object]]) -> pd.DataFrame:
    from flowviz.explorer.words import tell  # noqa: PLC0415

    frame = pd.DataFrame(rows)
    return frame.rename(columns={key: tell(language, key) for key in frame.columns})


def _who(system: str | None, text: str, names: dict[str, str]) -> str:
    return names.get(system or "", text or system or "")


def _integration_rows(
    language: Language, rows: list[Integration], names: dict[str, str]
) -> list[dict[str, object]]:
    return [
        {
            "line_column": row.line,
            "number": row.id,
            "sender": _who(row.source, "", names),
            "receiver": _who(row.target, row.target_text, names),
            "data": row.source_data,
            "method": row.method,
            "identifiers_fact": ", ".join(row.identifiers),
            "status": word(language, row.status),
            "purpose": row.purpose,
        }
        for row in rows
    ]


def _rule_rows(rules: list[IdRule], names: dict[str, str]) -> list[dict[str, object]]:
    return [
        {
            "line_column": rule.line,
            "source_system": _who(rule.source, "", names),
            "source_ids": ", ".join(rule.source_ids),
            "target_system": _who(rule.target, "", names),
            "target_ids": ", ".join(rule.target_ids),
            "method": rule.method,
            "priority": rule.priority,
        }
        for rule in rules
    ]


def _identifier_rows(
    model: Map, wanted: list[str], names: dict[str, str]
) -> list[dict[str, object]]:
    keep = set(wanted)
    return [
        {
            "line_column": ident.line,
            "identifier": ident.name,
            "id_owner": _who(ident.owner, ident.owner_text, names),
            "description": ident.description,
            "format": ident.format,
        }
        for ident in model.identifiers
        if ident.name in keep
    ]


def _step_rows(steps: list[tuple[int, Step]], names: dict[str, str]) -> list[dict[str, object]]:
    return [
        {
            "line_column": step.line,
            "flow": number,
            "step": step.number,
            "text": step.text,
            "sender": _who(step.source, "", names),
            "receiver": _who(step.target, "", names),
            "identifiers_fact": ", ".join([*step.identifiers, *step.created]),
        }
        for number, step in steps
    ]


def findings_table(language: Language, found: list[Diagnostic]) -> pd.DataFrame:
    """The check's findings: line, severity (in the map's words), code, message, hint."""
    rows = [
        {
            "line_column": f.line,
            "severity": word_or(language, f.severity),
            "code": f.code,
            "message": f.message,
            "hint": f.hint or "",
        }
        for f in found
    ]
    return _frame(language, rows)


def word_or(language: Language, key: str) -> str:
    """The report's word for a severity."""
    from flowviz.explorer.words import tell  # noqa: PLC0415

    return tell(language, key)
