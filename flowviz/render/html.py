"""The HTML report: one self-contained page of a map, built as text from finished pictures and
the (redacted) model.

The page holds the header of section 1, every picture as inline SVG, tables of systems,
integrations, identifiers, sync rules, flow steps and findings, and a search box and a system
filter over the tables. It loads nothing: a Content-Security-Policy allows only its own style
sheet and script (by hash). Every map text reaches the page through :func:`escape`; the script
holds none (rows carry their systems in escaped ``data-systems`` attributes).
"""

from __future__ import annotations

import base64
import hashlib
from collections.abc import Iterator
from pathlib import Path
from typing import NamedTuple

from flowviz.model import Diagnostic, Integration, Map
from flowviz.render.html_assets import SCRIPT, STYLE
from flowviz.render.html_quoting import escape, inline_svg
from flowviz.render.html_tables import Tables
from flowviz.render.html_words import say


class Figure(NamedTuple):
    """A finished picture of one view."""

    name: str
    """The view's file stem (``overview``, ``identifiers``, ``flow-2``): generated, ASCII."""
    title: str
    """The view's title in the map's language."""
    svg: bytes
    """The SVG that Graphviz wrote."""


class Report(NamedTuple):
    """Everything the page shows."""

    model: Map
    """The model the tables show (redacted unless asked otherwise)."""
    findings: tuple[Diagnostic, ...]
    """The check's findings and the pictures' own."""
    figures: tuple[Figure, ...]
    """The pictures, by view."""
    version: str
    """flowviz's version, for the footer."""


# -- pictures -----------------------------------------------------------------------------


def _figure(report: Report, name: str) -> str:
    found = next((f for f in report.figures if f.name == name), None)
    if found is None:
        return ""
    return (
        f'<figure id="fig-{escape(name)}" aria-label="{escape(found.title)}">'
        f"{inline_svg(found.svg, name)}</figure>"
    )


# -- the page -----------------------------------------------------------------------------


def source_hash(text: str) -> str:
    """The CSP source that allows an inline ``<style>`` or ``<script>`` holding ``text``.

    >>> source_hash("")
    "'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='"
    """
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


CSP = (
    f"default-src 'none'; img-src data:; style-src {source_hash(STYLE)}; "
    f"script-src {source_hash(SCRIPT)}; base-uri 'none'; form-action 'none'"
)
"""The page's Content-Security-Policy: nothing loads; only our own style and script run."""


def to_html(report: Report) -> str:
    """The report as one HTML document (UTF-8 text, one trailing newline)."""
    model = report.model
    language = model.language
    tables = Tables(model)
    body = [
        _header(report),
        _toolbar(model),
        "<main>",
        *_overview(report, tables),
        *_identifiers(report, tables),
        *_flows(report, tables),
        *_findings(report, tables),
        "</main>",
        _footer(report),
    ]
    head = [
        "<!DOCTYPE html>",
        f'<html lang="{language}">',
        "<head>",
        '<meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{escape(CSP)}">',
        '<meta name="referrer" content="no-referrer">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f'<meta name="generator" content="flowviz {escape(report.version)}">',
        f"<title>{escape(_project(model))} — {escape(say(language, 'report'))}</title>",
        f"<style>{STYLE}</style>",
        "</head>",
        "<body>",
    ]
    tail = [f"<script>{SCRIPT}</script>", "</body>", "</html>"]
    return "\n".join(part for part in [*head, *body, *tail] if part) + "\n"


def _project(model: Map) -> str:
    return model.project.name or Path(model.file).stem


def _header(report: Report) -> str:
    model = report.model
    language = model.language
    project = model.project
    facts = [(say(language, key), getattr(project, key)) for key in _FACTS]
    facts += list(project.extra.items())
    rows = "".join(
        f"<dt>{escape(label)}</dt><dd>{escape(value)}</dd>" for label, value in facts if value
    )
    parts = [
        '<header class="top">',
        f'<p class="kicker">{escape(say(language, "report"))}</p>',
        f"<h1>{escape(_project(model))}</h1>",
        f'<dl class="facts">{rows}</dl>' if rows else "",
    ]
    if project.goals:
        goals = "".join(f"<li>{escape(goal)}</li>" for goal in project.goals)
        parts.append(f'<p>{escape(say(language, "goals"))}:</p><ul class="goals">{goals}</ul>')
    summary = say(
        language,
        "summary",
        systems=sum(1 for s in model.systems if s.kind != "actor"),
        integrations=len(model.integrations),
        flows=len(model.flows),
    )
    parts.append(f'<p class="summary">{escape(summary)} {_severity_counts(report)}</p>')
    parts += [_contents(report), "</header>"]
    return "\n".join(part for part in parts if part)


_FACTS = ("client", "date", "owner", "sources")


def _severity_counts(report: Report) -> str:
    language = report.model.language
    counts = dict.fromkeys(("error", "warning", "info"), 0)
    for finding in report.findings:
        counts[finding.severity] += 1
    return " ".join(
        f'<a class="sev {severity}" href="#findings">'
        f"{escape(say(language, 'count_' + severity))}: {n}</a>"
        for severity, n in counts.items()
        if n
    )


def _contents(report: Report) -> str:
    language = report.model.language
    links = [
        ("overview", say(language, "overview")),
        ("identifiers", say(language, "identifiers")),
        ("flows", say(language, "flows")),
        ("findings", say(language, "findings")),
    ]
    anchors = "".join(f'<a href="#{key}">{escape(text)}</a>' for key, text in links)
    return f'<nav class="toc" aria-label="{escape(say(language, "contents"))}">{anchors}</nav>'


def _toolbar(model: Map) -> str:
    language = model.language
    options = [f'<option value="">{escape(say(language, "all_systems"))}</option>']
    options += [
        f'<option value="{escape(system.id)}">{escape(system.name)}</option>'
        for system in model.systems
    ]
    return (
        '<div class="toolbar" id="fv-toolbar" hidden>'
        f"<label>{escape(say(language, 'search'))} "
        f'<input id="fv-search" type="search" autocomplete="off" '
        f'placeholder="{escape(say(language, "search_hint"))}"></label>'
        f"<label>{escape(say(language, 'system_filter'))} "
        f'<select id="fv-system">{"".join(options)}</select></label>'
        f'<output id="fv-count" aria-live="polite"></output>'
        f"<span>{escape(say(language, 'rows_shown'))}</span>"
        "</div>"
    )


def _footer(report: Report) -> str:
    made = say(
        report.model.language,
        "made_by",
        version=report.version,
        file=Path(report.model.file).name,
    )
    return f"<footer>{escape(made)}</footer>"


# -- sections -----------------------------------------------------------------------------


def _overview(report: Report, tables: Tables) -> Iterator[str]:
    model = report.model
    language = model.language
    yield f'<h2 id="overview">{escape(say(language, "overview"))}</h2>'
    yield _figure(report, "overview")
    yield f'<h3 id="systems">{escape(say(language, "systems"))}</h3>'
    yield tables.systems()
    by_section: dict[int | None, list[Integration]] = {}
    for row in model.integrations:
        by_section.setdefault(row.section, []).append(row)
    titles = {s.number: s.title for s in model.sections if s.kind == "integrations"}
    for number, rows in by_section.items():
        title = titles.get(number) or say(language, "integrations")
        heading = f"{number}. {title}" if number is not None else title
        anchor = f"section-{number}" if number is not None else "section-other"
        yield f'<h3 id="{anchor}">{escape(heading)}</h3>'
        yield tables.integrations(rows)


def _identifiers(report: Report, tables: Tables) -> Iterator[str]:
    language = report.model.language
    yield f'<h2 id="identifiers">{escape(say(language, "identifiers"))}</h2>'
    yield _figure(report, "identifiers")
    yield tables.identifiers()
    yield f'<h3 id="id-rules">{escape(say(language, "id_rules"))}</h3>'
    yield tables.id_rules()
    if report.model.bindings:
        yield f'<h3 id="bindings">{escape(say(language, "bindings"))}</h3>'
        yield tables.bindings()


def _flows(report: Report, tables: Tables) -> Iterator[str]:
    language = report.model.language
    yield f'<h2 id="flows">{escape(say(language, "flows"))}</h2>'
    if not report.model.flows:
        yield f'<p class="empty">{escape(say(language, "no_rows"))}</p>'
    for flow in report.model.flows:
        title = say(language, "flow", number=flow.number, title=flow.title).rstrip(": ")
        yield f'<h3 id="flow-{flow.number}">{escape(title)}</h3>'
        if flow.path_text:
            yield f"<p>{escape(say(language, 'path'))}: {escape(flow.path_text)}</p>"
        yield _figure(report, f"flow-{flow.number}")
        yield tables.steps(flow)


def _findings(report: Report, tables: Tables) -> Iterator[str]:
    language = report.model.language
    yield f'<h2 id="findings">{escape(say(language, "findings"))}</h2>'
    if not report.findings:
        yield f'<p class="empty">{escape(say(language, "no_findings"))}</p>'
        return
    yield tables.findings(report.findings)


__all__ = ["CSP", "Figure", "Report", "escape", "inline_svg", "source_hash", "to_html"]
