"""The checks every drifted integration map goes through, and the machinery that runs them.

``tests/test_drift.py`` and ``tests/test_drift_more.py`` each hold one batch of drifted maps:
the expectations written by hand for every map (``EXPECT``) and the cases where flowviz is known
to disagree with them (``XFAIL``). A batch module wraps both in a :class:`Batch`, hands it to
pytest as the module's ``pytest_generate_tests`` and takes the checks below with
``from drift_support import *``; each check then runs once per map of that batch (and, for a
per-flow check, once per flow), under the same test ids as if it were written out in the batch
module itself. A check only one batch has expectations for is written in that module, marked
with :func:`per_map` the same way.

A check reads as a statement about one map: it is given the ``model`` flowviz read from the map
(the ``model`` fixture in ``tests/conftest.py`` reads it, once per file) and the ``expect`` block
written for it. A case named in ``XFAIL`` as ``(map, check)`` or ``(map, check, flow)`` is marked
``xfail(strict=True)`` with the disagreement as its reason.

Not collected by pytest (no ``test_`` prefix); ``model_lines`` also serves
``tests/test_nothing_lost.py``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from flowviz import load
from flowviz.model import Flow, Integration, Map, Step

Expect = dict[str, Any]
"""The hand-written expectations for one map (one block of a batch's ``EXPECT``)."""

ANY = "*"
"""A section owner the map leaves open (two sites share section 2)."""


# --------------------------------------------------------------------------------------------
# Reading the fixture files.
# --------------------------------------------------------------------------------------------


@cache
def read(path: Path) -> Map:
    return load(path)


@cache
def text_lines(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").splitlines()


def line_of(model: Map, needle: str) -> int:
    """1-based line of the one line of the model's file that contains ``needle``."""
    path = Path(model.file)
    hits = [n for n, text in enumerate(text_lines(path), 1) if needle in text]
    assert len(hits) == 1, f"{needle!r} found on lines {hits} of {path.name}"
    return hits[0]


def model_lines(model: Map) -> set[int]:
    """Every ``line`` and ``lines`` value anywhere in the model, diagnostics left out."""
    found: set[int] = set()

    def walk(value: Any) -> None:
        if isinstance(value, dict):
            for key, item in value.items():
                if key == "line" and isinstance(item, int):
                    found.add(item)
                elif key == "lines" and isinstance(item, list):
                    found.update(i for i in item if isinstance(i, int))
                else:
                    walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)

    data = model.model_dump()
    data.pop("diagnostics")
    walk(data)
    return found


# --------------------------------------------------------------------------------------------
# Running checks over a batch of maps.
# --------------------------------------------------------------------------------------------


def per_map(check: str, per_flow_in: str | None = None) -> Callable:
    """Run the decorated test once per map of the batch, as ``(model, expect)``; with
    ``per_flow_in``, once per flow of ``expect[per_flow_in]``, as ``(model, expect, flow)``.
    ``check`` is the name the batch's ``XFAIL`` knows the test by."""

    def mark(test: Callable) -> Callable:
        test.drift_check = (check, per_flow_in)  # type: ignore[attr-defined]
        return test

    return mark


@dataclass(frozen=True, eq=False)
class Batch:
    """One folder of drifted maps, the expectations written for them and the known
    disagreements."""

    folder: Path
    expect: dict[str, Expect]
    xfail: dict[tuple, str]

    @property
    def maps(self) -> list[str]:
        return list(self.expect)

    def read(self, name: str) -> Map:
        return read(self.folder / name)

    def text_lines(self, name: str) -> list[str]:
        return text_lines(self.folder / name)

    def cases(self, check: str, keyed: str | None = None) -> list:
        """pytest params ``(file, expect[, key])`` for ``check`` over every map (and every key
        of ``EXPECT[map][keyed]``), the known disagreements marked strict xfails."""
        out = []
        for name in self.maps:
            keys = [None] if keyed is None else list(self.expect[name][keyed])
            for key in keys:
                ident = (name, check) if key is None else (name, check, key)
                reason = self.xfail.get(ident)
                marks = [pytest.mark.xfail(reason=reason, strict=True)] if reason else []
                test_id = name.removesuffix(".md") + ("" if key is None else f"-{key}")
                args = (self.folder / name, self.expect[name])
                if key is not None:
                    args = (*args, key)
                out.append(pytest.param(*args, marks=marks, id=test_id))
        return out

    def generate_tests(self, metafunc: pytest.Metafunc) -> None:
        """``pytest_generate_tests`` of a batch module: parametrise its ``per_map`` tests."""
        marked = getattr(metafunc.function, "drift_check", None)
        if marked is None:
            return
        check, per_flow_in = marked
        names = ["model", "expect"] if per_flow_in is None else ["model", "expect", "flow"]
        metafunc.parametrize(names, self.cases(check, per_flow_in), indirect=["model"])


# --------------------------------------------------------------------------------------------
# The checks.
# --------------------------------------------------------------------------------------------


@per_map("language")
def test_language_and_client(model: Map, expect: Expect) -> None:
    assert model.language == expect["language"]
    assert model.project.client == expect["client"]


@per_map("systems")
def test_systems(model: Map, expect: Expect) -> None:
    assert {(s.id, s.kind) for s in model.systems} == expect["systems"]


@per_map("parents")
def test_system_parents_and_products(model: Map, expect: Expect) -> None:
    assert {s.id: s.parent for s in model.systems if s.parent} == expect["parents"]
    products = {s.id: s.product for s in model.systems if s.id in expect["products"]}
    assert products == expect["products"]


@per_map("sections")
def test_sections(model: Map, expect: Expect) -> None:
    """Sections in the order of the file; an owner written as ``ANY`` matches any owner."""
    want = expect["sections"]
    got = [(s.number, s.kind, s.owner) for s in model.sections]
    for index, (number, kind, _owner) in enumerate(got[: len(want)]):
        if want[index][2] == ANY:
            got[index] = (number, kind, ANY)
    assert got == want


@per_map("integration_count")
def test_integration_count(model: Map, expect: Expect) -> None:
    assert len(model.integrations) == len(expect["integrations"])


@per_map("integration_pairs")
def test_integration_pairs(model: Map, expect: Expect) -> None:
    got = [(i.source, i.target) for i in model.integrations]
    assert got == [(s, t) for _, s, t in expect["integrations"]]


@per_map("integration_ids")
def test_integration_ids(model: Map, expect: Expect) -> None:
    got = [(i.id, i.source, i.target) for i in model.integrations]
    assert got == expect["integrations"]


def per_row(model: Map, keys: Iterable[str], value: Callable[[Integration], Any]) -> dict:
    """``value`` of each integration whose id ("2.1", ...) is in ``keys``; None for an id the
    model does not have."""
    rows = {i.id: i for i in model.integrations}
    return {key: value(rows[key]) if key in rows else None for key in keys}


@per_map("integration_parts")
def test_integration_parts(model: Map, expect: Expect) -> None:
    got = per_row(model, expect["parts"], lambda i: (i.source_parts, i.target_parts))
    assert got == expect["parts"]


@per_map("statuses")
def test_integration_statuses(model: Map, expect: Expect) -> None:
    got = per_row(model, expect["statuses"], lambda i: (i.status, i.justification))
    assert got == expect["statuses"]


@per_map("methods")
def test_integration_methods(model: Map, expect: Expect) -> None:
    got = per_row(model, expect["methods"], lambda i: i.method)
    assert got == expect["methods"]


@per_map("integration_identifiers")
def test_integration_identifiers(model: Map, expect: Expect) -> None:
    got = per_row(model, expect["integration_ids"], lambda i: i.identifiers)
    assert got == expect["integration_ids"]


@per_map("identifiers")
def test_identifiers(model: Map, expect: Expect) -> None:
    got = {i.name: i.owner for i in model.identifiers}
    assert got == expect["identifiers"]


@per_map("id_rules")
def test_id_rules(model: Map, expect: Expect) -> None:
    got = [(r.source, r.target) for r in model.id_rules]
    assert got == expect["id_rules"]


@per_map("flows")
def test_flows(model: Map, expect: Expect) -> None:
    got = [(f.number, f.title, f.path) for f in model.flows]
    assert got == expect["flows"]


@per_map("step_counts")
def test_flow_step_counts(model: Map, expect: Expect) -> None:
    got = {f.number: len(f.steps) for f in model.flows}
    assert got == {n: len(steps) for n, steps in expect["steps"].items()}


def flow_of(model: Map, flow: int) -> Flow:
    """Flow ``flow`` of the model (it must have been read)."""
    flows = {f.number: f for f in model.flows}
    assert flow in flows, f"flow {flow} not read"
    return flows[flow]


@per_map("steps", per_flow_in="steps")
def test_flow_steps(model: Map, expect: Expect, flow: int) -> None:
    got = [(s.source, s.target) for s in flow_of(model, flow).steps]
    assert got == expect["steps"][flow]


@per_map("created", per_flow_in="created")
def test_flow_created(model: Map, expect: Expect, flow: int) -> None:
    got = {s.number: s.created for s in flow_of(model, flow).steps if s.created}
    assert got == expect["created"][flow]


def per_step(model: Map, keys: Iterable[tuple[int, int]], value: Callable[[Step], Any]) -> dict:
    """``value`` of each step ``(flow, number)`` in ``keys`` (every one must have been read)."""
    got = {}
    for flow, number in keys:
        steps = {s.number: s for s in flow_of(model, flow).steps}
        assert number in steps, f"step {flow}.{number} not read"
        got[flow, number] = value(steps[number])
    return got


@per_map("step_methods")
def test_step_methods(model: Map, expect: Expect) -> None:
    got = per_step(model, expect["step_methods"], lambda s: s.method)
    assert got == expect["step_methods"]


@per_map("step_parts")
def test_step_parts(model: Map, expect: Expect) -> None:
    got = per_step(model, expect["step_parts"], lambda s: (s.source_parts, s.target_parts))
    assert got == expect["step_parts"]


@per_map("step_identifiers")
def test_step_identifiers(model: Map, expect: Expect) -> None:
    got = per_step(model, expect["step_ids"], lambda s: s.identifiers)
    assert got == expect["step_ids"]


@per_map("requirements")
def test_requirements(model: Map, expect: Expect) -> None:
    want = expect["requirements"]
    got = {r.key: (r.comparator, r.value, r.unit) for r in model.requirements if r.key in want}
    assert got == want
    backoff = next((r.backoff for r in model.requirements if r.key == "retries"), None)
    if expect["backoff"] is not None:
        assert backoff == expect["backoff"]


@per_map("tests")
def test_test_plan(model: Map, expect: Expect) -> None:
    assert [t.systems for t in model.tests] == expect["tests"]


@per_map("problems")
def test_warnings_and_errors(model: Map, expect: Expect) -> None:
    """No warning or error from reading unless the map has a deliberate reading defect, and
    then on its line."""
    got = sorted((d.code, d.line) for d in model.diagnostics if d.severity in ("warning", "error"))
    want = sorted((code, line_of(model, needle)) for code, needle in expect["problems"])
    assert got == want


@per_map("unknown_systems")
def test_unknown_systems(model: Map, expect: Expect) -> None:
    """FV101 only where a map names a system section 1 does not list."""
    got = sorted((d.code, d.line) for d in model.diagnostics if d.code == "FV101")
    want = sorted((code, line_of(model, needle)) for code, needle in expect["info"])
    assert got == want


__all__ = [name for name in dict(globals()) if name.startswith("test_")]
"""The shared checks: what ``from drift_support import *`` gives a batch module."""
