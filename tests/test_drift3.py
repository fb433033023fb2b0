"""Drifted maps, batch 3: maps written by hand, as people and AI agents write them, against the
known weak points of the reader. Each map in ``tests/fixtures/drift3/`` has an expectation file
beside it (same stem, ``.yaml``), written from the Markdown alone, not from the parser.

The failure classes the maps cover (the reasons in ``XFAIL`` name them by number):

1. section 1 lines and tables that declare several tools for one role (``;``, ``<br>``, `` / ``,
   nested bullets, several table rows or lines of one cell), and role labels beyond the
   template's (call tracking, BI / DWH, ERP, LMS, booking, messengers, middleware);
2. one real system named with qualifiers in section 1 and in a shorter form later (version,
   edition, plan, quoted brand, platform phrase, abbreviation);
3. the right sender: a source-system column, a source cell naming a tool of the section's
   group, a sync rule sent by a tool;
4. flows that must not vanish: decorated titles, titles as headings, flows with no title;
5. false findings: "Not required" with its reason in another cell, notes under a table, a name
   reported twice, a status in the wrong cell of a short row;
6. lost text: binding rules written as bullets.

Expectation file keys (every key but ``systems`` may be left out; a left-out key is not
checked). Systems are named the way a reader names them: a product or display name ("GA4",
"Битрикс24"), a role ("analytics", "crm"), or a distinctive word of a longer name ("Drupal" for
"Сайт на Drupal 10"); see :func:`resolve`.

``systems``
    Every system of the map that is not a person, nothing more: ``{name, kind, parent, ids}``.
    ``kind`` and ``parent`` may be a list of accepted values (``[analytics, other]``,
    ``[analytics, null]``); a left-out ``parent`` means none. ``ids`` (checked apart, by
    ``test_system_ids``) must each be part of one of the system's IDs.
``no_two_systems_for``
    Names each of which must be found in exactly one system (its id, name, product or
    aliases, word by word): a short form read as a second system fails this. An entry that is
    a list (``[1С:Управление торговлей, 1С:УТ]``) names one system by all its forms, for a
    short form that is no part of the long one.
``integration_count``
    How many integrations the map has.
``integrations``
    By 1-based line of the table row: ``source`` / ``target`` (the system), ``source_tool`` /
    ``target_tool`` (that tool is the side itself, or one of its parts), ``source_parts`` /
    ``target_parts`` (exactly these tools), ``status``, ``justification`` (a part of it).
``id_rules``
    By line of the sync-rule row: ``source`` / ``target`` / ``source_tool`` / ``target_tool``
    as above (a rule has parts only if the model gives it ``source_parts`` / ``target_parts``).
``flows``
    ``count``; ``numbers`` and ``steps`` (step count) per flow in order; ``titles``: a part
    of each flow's title, ``null`` for a flow the map gives no title.
``flow_steps``
    By line of the step: ``source`` / ``target`` / ``source_tool`` / ``target_tool``.
``bindings``
    Lines of the binding rules of section 10: each is read as a binding, or a reader's
    finding names its line.
``not_required_sections``
    Numbers of the sections that say they are not required (all others must not be).
``findings``
    Findings (reader's and ``flowviz check``'s) that must be there: ``{code, line}``; ``code``
    may be a list (any of them) or left out (any code).
``no_findings``
    Codes that must not appear anywhere in the map.

Every map also goes through :func:`test_no_name_reported_twice` (no line carries both FV101
and FV250). Each check runs once per map as its own test case (``test_systems[ru-hotel-html]``);
a case where flowviz disagrees with the expectation is listed in ``XFAIL`` with what differs and
runs as ``xfail(strict=True)``, so a fix shows up as an XPASS failure until its entry is removed.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import Any

import pytest
import yaml
from drift_support import read

from flowviz.check import check
from flowviz.model import Diagnostic, Map, System

DRIFT = Path(__file__).resolve().parent / "fixtures" / "drift3"
MAPS = sorted(p.stem for p in DRIFT.glob("*.md"))
ROLES = ("cms", "crm", "esp", "analytics")
KEYS = {
    "systems",
    "no_two_systems_for",
    "integration_count",
    "integrations",
    "id_rules",
    "flows",
    "flow_steps",
    "bindings",
    "not_required_sections",
    "findings",
    "no_findings",
}

# --------------------------------------------------------------------------------------------
# Where flowviz disagrees with the expectations: (map, check) -> what differs.
# --------------------------------------------------------------------------------------------

XFAIL: dict[tuple[str, str], str] = {}
"""(map stem, check) -> what flowviz still reads differently; empty while every case passes."""
"""A known disagreement marks its case ``xfail(strict=True)`` here, with what differs."""


# --------------------------------------------------------------------------------------------
# Reading maps and expectations.
# --------------------------------------------------------------------------------------------


@cache
def expectation(name: str) -> dict[str, Any]:
    return yaml.load((DRIFT / f"{name}.yaml").read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)


def model_of(name: str) -> Map:
    return read(DRIFT / f"{name}.md")


@cache
def findings_of(name: str) -> tuple[Diagnostic, ...]:
    """The reader's findings and every rule's."""
    return tuple(check(model_of(name)))


@cache
def lines_of(name: str) -> list[str]:
    return (DRIFT / f"{name}.md").read_text(encoding="utf-8").splitlines()


def cases(check_name: str, key: str | None = None) -> list:
    """One pytest param per map whose expectations have ``key`` (default: ``check_name``)."""
    key = key or check_name
    out = []
    for name in MAPS:
        if key != "*" and key not in expectation(name):
            continue
        reason = XFAIL.get((name, check_name))
        marks = [pytest.mark.xfail(reason=reason, strict=True)] if reason else []
        out.append(pytest.param(name, marks=marks, id=name))
    return out


# --------------------------------------------------------------------------------------------
# Naming systems the way a reader does.
# --------------------------------------------------------------------------------------------


class Unresolved(LookupError):
    """A name in an expectation file that names no system, or several."""


def words(text: str) -> list[str]:
    return re.findall(r"\w+", text.casefold())


def has_words(text: str, name: str) -> bool:
    """``name``'s words appear in ``text`` in a row."""
    have, want = words(text), words(name)
    return bool(want) and any(have[i : i + len(want)] == want for i in range(len(have)))


def forms(system: System) -> list[str]:
    return [f for f in (system.id, system.name, system.product, *system.aliases) if f]


def resolve(model: Map, name: str) -> System:
    """The one system ``name`` means: the one whose id, name, product or an alias is ``name``;
    else, for a role word, the one top-level system of that kind; else the one whose forms
    contain ``name``'s words."""
    exact = [s for s in model.systems if name.casefold() in {f.casefold() for f in forms(s)}]
    if len(exact) == 1:
        return exact[0]
    if not exact and name.casefold() in ROLES:
        role = [s for s in model.systems if s.kind == name.casefold() and s.parent is None]
        if len(role) == 1:
            return role[0]
    found = exact or [s for s in model.systems if any(has_words(f, name) for f in forms(s))]
    if len(found) != 1:
        names = [s.id for s in found] or [s.id for s in model.systems]
        raise Unresolved(f"{name!r} names {len(found)} systems: {names}")
    return found[0]


def ends_differ(model: Map, obj: Any, want: dict[str, Any]) -> list[str]:
    """How the source and target of ``obj`` (an integration, rule or step) differ from
    ``want``'s ``source`` / ``target`` / ``*_tool`` / ``*_parts``."""
    try:
        return _ends_differ(model, obj, want)
    except Unresolved as error:
        return [str(error)]


def _ends_differ(model: Map, obj: Any, want: dict[str, Any]) -> list[str]:
    problems = []
    for side in ("source", "target"):
        got = getattr(obj, side)
        parts = list(getattr(obj, f"{side}_parts", []) or [])
        if side in want:
            expected = resolve(model, want[side]).id
            if got != expected:
                problems.append(f"{side} {got!r}, expected {expected!r}")
        if f"{side}_tool" in want:
            tool = resolve(model, want[f"{side}_tool"]).id
            if got != tool and tool not in parts:
                problems.append(f"{side} {got!r} with parts {parts}, expected the tool {tool!r}")
        if f"{side}_parts" in want:
            expected_parts = sorted(resolve(model, p).id for p in want[f"{side}_parts"])
            if sorted(parts) != expected_parts:
                problems.append(f"{side}_parts {sorted(parts)}, expected {expected_parts}")
    return problems


def settle(name: str, problems: list[str]) -> None:
    """Fail with the problems found, one a line (no traceback: the message says it all)."""
    if problems:
        pytest.fail(f"{name}:\n  " + "\n  ".join(problems), pytrace=False)


def quote_lines(name: str, numbers: list[int]) -> list[str]:
    return [f"line {n}: {lines_of(name)[n - 1][:80]}" for n in numbers]


def as_list(value: Any) -> list:
    return value if isinstance(value, list) else [value]


# --------------------------------------------------------------------------------------------
# The checks.
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", cases("systems"))
def test_systems(name: str) -> None:
    model = model_of(name)
    problems, matched = [], {}
    for want in expectation(name)["systems"]:
        try:
            system = resolve(model, want["name"])
            parents = [
                None if p is None else resolve(model, p).id for p in as_list(want.get("parent"))
            ]
        except Unresolved as error:
            problems.append(str(error))
            continue
        if system.id in matched:
            problems.append(f"{want['name']!r} and {matched[system.id]!r} are one system")
        matched[system.id] = want["name"]
        if system.kind not in as_list(want["kind"]):
            problems.append(f"{system.id}: kind {system.kind!r}, expected {want['kind']!r}")
        if system.parent not in parents:
            problems.append(f"{system.id}: parent {system.parent!r}, expected {parents}")
    extra = [s.id for s in model.systems if s.kind != "actor" and s.id not in matched]
    if extra:
        problems.append(f"systems nobody expects: {extra}")
    settle(name, problems)


@pytest.mark.parametrize("name", cases("system_ids", "systems"))
def test_system_ids(name: str) -> None:
    """The container / pixel / counter IDs section 1 gives each tool."""
    model = model_of(name)
    problems = []
    for want in expectation(name)["systems"]:
        if not want.get("ids"):
            continue
        try:
            system = resolve(model, want["name"])
        except Unresolved as error:
            problems.append(str(error))
            continue
        for ident in want["ids"]:
            if not any(ident in i for i in system.ids):
                problems.append(f"{system.id}: ids {system.ids} lack {ident!r}")
    settle(name, problems)


@pytest.mark.parametrize("name", cases("same_system", "no_two_systems_for"))
def test_same_system(name: str) -> None:
    model = model_of(name)
    problems = []
    for group in expectation(name)["no_two_systems_for"]:
        holders = set()
        for word in as_list(group):
            found = [s.id for s in model.systems if any(has_words(f, word) for f in forms(s))]
            holders.update(found)
            if len(found) != 1:
                problems.append(f"{word!r} is in {len(found)} systems: {found}")
        if len(holders) > 1 and isinstance(group, list):
            problems.append(f"{group} are not one system: {sorted(holders)}")
    settle(name, problems)


@pytest.mark.parametrize("name", cases("integration_count"))
def test_integration_count(name: str) -> None:
    model = model_of(name)
    got = [(i.id, i.line) for i in model.integrations]
    want = expectation(name)["integration_count"]
    settle(name, [] if len(got) == want else [f"{len(got)} integrations, expected {want}: {got}"])


@pytest.mark.parametrize("name", cases("integrations"))
def test_integrations(name: str) -> None:
    model = model_of(name)
    problems = []
    for line, want in expectation(name)["integrations"].items():
        rows = [i for i in model.integrations if i.line == line]
        if len(rows) != 1:
            problems.append(f"line {line}: {len(rows)} integrations")
            continue
        row = rows[0]
        problems += [f"line {line} ({row.id}): {p}" for p in ends_differ(model, row, want)]
        if "status" in want and row.status != want["status"]:
            problems.append(f"line {line} ({row.id}): status {row.status!r} ({row.status_text!r})")
        if "justification" in want:
            text = row.justification or ""
            if want["justification"].casefold() not in text.casefold():
                problems.append(f"line {line} ({row.id}): justification {text!r}")
    settle(name, problems)


@pytest.mark.parametrize("name", cases("id_rules"))
def test_id_rules(name: str) -> None:
    model = model_of(name)
    problems = []
    for line, want in expectation(name)["id_rules"].items():
        rules = [r for r in model.id_rules if r.line == line]
        if len(rules) != 1:
            problems.append(f"line {line}: {len(rules)} sync rules")
            continue
        problems += [f"line {line}: {p}" for p in ends_differ(model, rules[0], want)]
    settle(name, problems)


@pytest.mark.parametrize("name", cases("flows"))
def test_flows(name: str) -> None:
    model = model_of(name)
    want = expectation(name)["flows"]
    flows = model.flows
    summary = [(f.number, f.title, f.line, len(f.steps)) for f in flows]
    problems = []
    if len(flows) != want["count"]:
        problems.append(f"{len(flows)} flows, expected {want['count']}")
    if "numbers" in want and [f.number for f in flows] != want["numbers"]:
        problems.append(f"numbers {[f.number for f in flows]}, expected {want['numbers']}")
    if [len(f.steps) for f in flows] != want["steps"]:
        problems.append(f"steps {[len(f.steps) for f in flows]}, expected {want['steps']}")
    for flow, title in zip(flows, want.get("titles", []), strict=False):
        if title is not None and title.casefold() not in flow.title.casefold():
            problems.append(f"flow {flow.number} title {flow.title!r}, expected {title!r}")
    settle(name, problems + ([f"read: {summary}"] if problems else []))


@pytest.mark.parametrize("name", cases("flow_steps"))
def test_flow_steps(name: str) -> None:
    model = model_of(name)
    steps = {s.line: s for f in model.flows for s in f.steps}
    problems = []
    for line, want in expectation(name)["flow_steps"].items():
        if line not in steps:
            problems.append(f"line {line}: no step")
            continue
        problems += [f"line {line}: {p}" for p in ends_differ(model, steps[line], want)]
    settle(name, problems)


@pytest.mark.parametrize("name", cases("bindings"))
def test_bindings(name: str) -> None:
    model = model_of(name)
    read_lines = {b.line for b in model.bindings}
    reported = {d.line for d in model.diagnostics}
    lost = [n for n in expectation(name)["bindings"] if n not in read_lines | reported]
    settle(name, quote_lines(name, lost))


@pytest.mark.parametrize("name", cases("not_required_sections"))
def test_not_required_sections(name: str) -> None:
    model = model_of(name)
    got = sorted(s.number for s in model.sections if s.not_required_line is not None)
    want = sorted(expectation(name)["not_required_sections"])
    marked = [
        f"section {s.number}: not required by line {s.not_required_line} ({s.justification!r})"
        for s in model.sections
        if s.not_required_line is not None
    ]
    settle(name, [] if got == want else [f"expected {want}", *marked])


@pytest.mark.parametrize("name", cases("findings"))
def test_findings(name: str) -> None:
    found = findings_of(name)
    missing = []
    for want in expectation(name)["findings"]:
        codes = as_list(want.get("code")) if want.get("code") else None
        if not any(d.line == want["line"] and (codes is None or d.code in codes) for d in found):
            missing.append(f"no {codes or 'finding'} on line {want['line']}")
    settle(name, missing)


@pytest.mark.parametrize("name", cases("no_findings"))
def test_no_findings(name: str) -> None:
    banned = set(expectation(name)["no_findings"])
    found = [f"{d.code} line {d.line}: {d.message}" for d in findings_of(name) if d.code in banned]
    settle(name, found)


@pytest.mark.parametrize("name", cases("no_name_reported_twice", "*"))
def test_no_name_reported_twice(name: str) -> None:
    """A name section 1 does not list is one finding, FV101 or FV250, never both on a line."""
    by_line: dict[int, set[str]] = {}
    for d in findings_of(name):
        by_line.setdefault(d.line, set()).add(d.code)
    twice = [line for line, codes in by_line.items() if {"FV101", "FV250"} <= codes]
    settle(name, quote_lines(name, twice))


# --------------------------------------------------------------------------------------------
# The expectation files themselves (typo guards; never xfail).
# --------------------------------------------------------------------------------------------


def test_every_map_has_its_expectations() -> None:
    assert len(MAPS) >= 8
    yamls = sorted(p.stem for p in DRIFT.glob("*.yaml"))
    assert yamls == MAPS


@pytest.mark.parametrize("name", MAPS)
def test_expectations_point_at_the_right_lines(name: str) -> None:
    want = expectation(name)
    assert set(want) <= KEYS, set(want) - KEYS
    assert "systems" in want
    lines = lines_of(name)

    def text(n: int) -> str:
        assert 1 <= n <= len(lines), f"line {n} is past the end"
        return lines[n - 1].strip()

    for n in [*want.get("integrations", {}), *want.get("id_rules", {})]:
        assert text(n).startswith("|") and "---" not in text(n), f"line {n}: {text(n)!r}"
    for n in [*want.get("flow_steps", {}), *want.get("bindings", [])]:
        assert re.match(r"(\d+[.)]|[-*+]) ", text(n)), f"line {n}: {text(n)!r}"
    for item in want.get("findings", []):
        assert text(item["line"]), f"line {item['line']} is empty"
    flows = want.get("flows", {})
    if flows:
        assert len(flows["steps"]) == flows["count"]
        for key in ("numbers", "titles"):
            assert len(flows.get(key, flows["steps"])) == flows["count"], key


def test_xfail_entries_name_real_cases() -> None:
    """Every ``XFAIL`` entry names a map and a check that has a case for it."""
    checks = {
        "systems": "systems",
        "system_ids": "systems",
        "same_system": "no_two_systems_for",
        "integration_count": "integration_count",
        "integrations": "integrations",
        "id_rules": "id_rules",
        "flows": "flows",
        "flow_steps": "flow_steps",
        "bindings": "bindings",
        "not_required_sections": "not_required_sections",
        "findings": "findings",
        "no_findings": "no_findings",
        "no_name_reported_twice": None,
    }
    for name, check_name in XFAIL:
        assert name in MAPS, name
        assert check_name in checks, check_name
        key = checks[check_name]
        assert key is None or key in expectation(name), (name, check_name)
