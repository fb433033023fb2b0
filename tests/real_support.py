"""Measuring the reader on the corpus of real documents (``tests/fixtures/real``).

A document is loaded as a user would load it; the edges the reader reports (integration rows
and flow steps with both a sender and a receiver) are compared with the hand count in its
YAML file. An edge is matched by its two ends, mapped to the counted systems through their
spellings (name and aliases), and by its line (the counted ``line`` .. ``end_line``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from flowviz.errors import FlowvizError
from flowviz.load import load
from flowviz.model import Map, Step, System

REAL = Path(__file__).resolve().parent / "fixtures" / "real"
DOCS = sorted(p.stem for p in REAL.glob("*.md") if p.name != "README.md")


@dataclass
class Measure:
    """What the reader made of one document, against its hand count."""

    name: str
    counted: int = 0
    found: int = 0
    invented: int = 0
    prose: int = 0
    traps: int = 0
    steps: int = 0
    steps_found: int = 0
    error: str | None = None
    missed: list[dict[str, Any]] = field(default_factory=list)
    extra: list[tuple[str, str, int]] = field(default_factory=list)


def count_of(name: str) -> dict[str, Any]:
    """The hand count of one document."""
    return yaml.load((REAL / f"{name}.yaml").read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)


_BRACKET = re.compile(r"\s*\([^()]*\)$")
"""A bracket at the end of a name (``Consumer Group A (analytics)``)."""


def _norm(text: str) -> str:
    """A spelling as the rendered text shows it: case, ``ё``, code backticks and a label's
    line break (``Authorization server<br/>recipient's ASE``) aside."""
    text = _LINE_BREAK.sub(" ", text)
    return " ".join(text.casefold().replace("ё", "е").replace("`", "").split())


_LINE_BREAK = re.compile(r"<br\s*/?>", re.IGNORECASE)


def _counted_name(
    system: System, spellings: dict[str, str], shared: dict[str, list[str]] | None = None
) -> str:
    """The counted system a reported one stands for: an exact spelling first, then one of the
    same words in another order, else the longest counted spelling its name contains; else its
    own name (an invented system). A spelling contained in the name that the count gives
    several systems (``shared``) stands for the one whose name is likest the reported one's."""
    shared = shared or {}
    forms = [_norm(f) for f in (system.name, *system.aliases)]
    for form in forms:
        if form in spellings:
            return spellings[form]
    words = {form: sorted(form.split()) for form in forms}
    for spelling, counted in spellings.items():
        if sorted(spelling.split()) in words.values():
            return counted  # the same words in another order (``SHM API``, ``API SHM``)
    inside = [s for s in spellings if any(s in form for form in forms) and len(s) > 2]
    if inside:
        spelling = max(inside, key=len)
        return _likest(forms, shared.get(spelling, [spellings[spelling]]))
    return system.name


def _likest(forms: list[str], counted: list[str]) -> str:
    """Of the counted systems a spelling stands for (an alias the count gives two of them,
    ``Auth server`` of the sender's and of the recipient's), the one whose name shares the most
    words with the reported system's names."""
    words = {w for form in forms for w in form.split()}
    return max(counted, key=lambda name: len(words & set(_norm(name).split())))


def _end(system: str, parts: list[str]) -> str:
    """The tool an end names inside its group, else the system."""
    return parts[0] if len(parts) == 1 else system


def reported_edges(model: Map) -> list[tuple[str, str, int]]:
    """(source id, target id, line) of every edge the reader reports, each once."""
    people = {system.id for system in model.systems if system.kind == "actor"}
    out = [
        (_end(i.source, i.source_parts), _end(i.target, i.target_parts), i.line)
        for i in model.integrations
        if i.source and i.target and not {i.source, i.target} & people
    ]
    rows = {(a, b): [line for x, y, line in out if (x, y) == (a, b)] for a, b, _ in out}
    out += [
        (s.source, s.target, s.line)
        for f in model.flows
        for s in f.steps
        if s.source
        and s.target
        and s.source != s.target
        and not _stated(s, rows)
        and not {s.source, s.target} & people  # a person's step is no edge between systems
    ]
    return list(dict.fromkeys(out))


STEP_LINES = 12
"""How far below a step's first line the row of its edge may be (a step written as a bold
title and a sentence is one edge, on the sentence's line)."""


def _stated(step: Step, rows: dict[tuple[str, str], list[int]]) -> bool:
    """Whether a flow step's edge is already reported by the row made from it."""
    lines = rows.get((step.source or "", step.target or ""), [])
    return any(step.line <= line < step.line + STEP_LINES for line in lines)


def _matches(edge: tuple[str, str, int], counted: dict[str, Any]) -> bool:
    source, target, line = edge
    last = counted.get("end_line", counted["line"])
    return (source, target) == (counted["from"], counted["to"]) and counted["line"] <= line <= last


def _two_way(reported: list[tuple[str, str, int]]) -> dict[tuple, tuple | None]:
    """An edge and its reverse on one line are one two-way edge (docs/decisions.md): the
    first of the pair maps to the reverse, the second to None."""
    seen = set(reported)
    paired: dict[tuple, tuple | None] = {}
    for a, b, line in reported:
        if (a, b, line) not in paired and a != b and (b, a, line) in seen:
            paired[(a, b, line)] = (b, a, line)
            paired[(b, a, line)] = None
    return paired


@cache
def read(name: str) -> Map:
    """The document ``name`` of the corpus as the reader reads it, read once per process
    (the tests do not change a model)."""
    return load(REAL / f"{name}.md")


def measure(name: str) -> Measure:
    """Load ``name`` and compare what it reports with its hand count."""
    count = count_of(name)
    result = Measure(name, counted=len(count["edges"]))
    step_lines = {s["line"] for f in count.get("flows") or [] for s in f["steps"]}
    result.steps = len(step_lines)
    try:
        model = read(name)
    except FlowvizError as exc:
        result.error = str(exc)
        result.missed = list(count["edges"])
        return result
    spellings = {
        _norm(form): s["name"]
        for s in count["systems"]
        for form in [s["name"], *s.get("aliases", [])]
    }
    unbracketed: dict[str, set[str]] = {}  # a bracket never makes a second system ...
    for form, counted in spellings.items():
        unbracketed.setdefault(_BRACKET.sub("", form), set()).add(counted)
    for form, counted in unbracketed.items():  # ... unless it tells two counted ones apart
        if len(counted) == 1:
            spellings.setdefault(form, counted.pop())
    shared: dict[str, list[str]] = {}
    for s in count["systems"]:
        for form in {_norm(f) for f in [s["name"], *s.get("aliases", [])]}:
            shared.setdefault(form, []).append(s["name"])
    names = {s.id: _counted_name(s, spellings, shared) for s in model.systems}
    result.steps_found = len(step_lines & {s.line for f in model.flows for s in f.steps})
    # two reported ends the count takes for one system (topics of one broker) make one edge
    reported = list(dict.fromkeys((names[a], names[b], n) for a, b, n in reported_edges(model)))
    open_edges = list(count["edges"])
    prose = list(count.get("prose_edges") or [])
    traps = {t["line"] for t in count.get("traps") or []}
    paired = _two_way(reported)
    for edge in reported:
        # the second row of a two-way edge is counted with the first, unless it was counted
        # on its own (``A → B → A`` is two edges)
        second = edge in paired and paired[edge] is None
        if second and not any(_matches(edge, c) for c in open_edges):
            continue
        forms = [edge] + ([paired[edge]] if paired.get(edge) else [])
        hit = next((c for c in open_edges for f in forms if _matches(f, c)), None)
        if hit is not None:
            open_edges.remove(hit)
            result.found += 1
        elif any(_matches(f, p) for f in forms for p in prose):
            result.prose += 1
        else:
            result.invented += 1
            result.extra.append(edge)
            result.traps += edge[2] in traps
    result.missed = open_edges
    return result


def measure_all() -> list[Measure]:
    """Every document of the corpus, measured."""
    return [measure(name) for name in DOCS]


def summary(results: list[Measure]) -> str:
    """The corpus totals as a small Markdown table, one row per document and a total."""
    keys = ("counted", "found", "invented", "traps", "steps", "steps_found")
    rows = ["| document | " + " | ".join(keys) + " | error |", "| --- |" + " ---: |" * 7]
    for r in results:
        error = "refused" if r.error else ""
        figures = " | ".join(str(getattr(r, k)) for k in keys)
        rows.append(f"| {r.name} | {figures} | {error} |")
    total = [sum(getattr(r, k) for r in results) for k in keys]
    rows.append("| **total** | " + " | ".join(str(n) for n in total) + " | |")
    return "\n".join(rows) + "\n"
