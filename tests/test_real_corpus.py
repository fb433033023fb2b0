"""The corpus of real integration documents is consistent with its own hand counts.

Each ``tests/fixtures/real/<name>.md`` is a public document stored as published (possibly
trimmed), and ``<name>.yaml`` beside it records its source, its licence and what a careful
reader counted in it: systems, edges, flows and traps. These tests check the corpus itself,
not any reader of it: every count points at a real line that says what the count claims, every
arrow-looking line is accounted for, and the README's table agrees with the YAML files.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml

REAL = Path(__file__).resolve().parent / "fixtures" / "real"
DOCS = sorted(p.stem for p in REAL.glob("*.md") if p.name != "README.md")

LICENCES = {
    "MIT",
    "MIT-0",
    "Apache-2.0",
    "BSD-2-Clause",
    "BSD-3-Clause",
    "CC-BY-4.0",
    "CC0-1.0",
    "Unlicense",
}
KINDS = {"tables", "arrows", "mermaid", "plantuml", "process", "ascii", "mixed"}
REQUIRED = {"source", "licence", "language", "kind", "systems", "edges", "flows", "traps"}
SOURCE_KEYS = {"repo", "path", "commit", "url"}
# Tokens that make a line look like an arrow statement to a reader.
ARROW = re.compile(r"→|←|↔|⇒|⇐|⇔|<-|->|=>|^\s*v\s*$")


def _load(name: str) -> dict[str, Any]:
    return yaml.load((REAL / f"{name}.yaml").read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)


def _lines(name: str) -> list[str]:
    return (REAL / f"{name}.md").read_text(encoding="utf-8").splitlines()


def _spellings(doc: dict[str, Any]) -> dict[str, list[str]]:
    """Every system's canonical name with the aliases it is written as in the document."""
    return {s["name"]: [s["name"], *s.get("aliases", [])] for s in doc["systems"]}


def _mentions(text: str, spellings: list[str]) -> bool:
    low = text.casefold()
    return any(s.casefold() in low for s in spellings)


def test_the_corpus_has_at_least_fifteen_documents_in_both_languages() -> None:
    languages = [_load(name)["language"] for name in DOCS]
    assert len(DOCS) >= 15
    assert languages.count("ru") >= 7
    assert languages.count("en") >= 7


def test_every_document_has_its_count_and_every_count_its_document() -> None:
    yamls = sorted(p.stem for p in REAL.glob("*.yaml"))
    assert yamls == DOCS


def _the_count_has_every_required_key(name: str) -> None:
    doc = _load(name)
    assert doc.keys() >= REQUIRED
    assert doc["source"].keys() >= SOURCE_KEYS
    assert re.fullmatch(r"[0-9a-f]{40}", doc["source"]["commit"])
    assert doc["source"]["url"].startswith(f"https://github.com/{doc['source']['repo']}/")
    assert doc["language"] in {"ru", "en"}
    assert doc["kind"] in KINDS
    cyrillic = re.search("[А-Яа-яЁё]", (REAL / f"{name}.md").read_text(encoding="utf-8"))
    assert bool(cyrillic) == (doc["language"] == "ru")


def _the_licence_allows_redistribution(name: str) -> None:
    assert _load(name)["licence"] in LICENCES


def _systems_are_named_once(name: str) -> None:
    names = [s["name"] for s in _load(name)["systems"]]
    assert len(names) == len(set(names))


def _every_edge_points_at_a_line_that_states_it(name: str) -> None:
    doc, lines = _load(name), _lines(name)
    spell = _spellings(doc)
    for edge in doc["edges"] + doc.get("prose_edges", []):
        assert edge["from"] in spell and edge["to"] in spell, edge
        last = edge.get("end_line", edge["line"])
        assert 1 <= edge["line"] <= last <= len(lines), edge
        text = " ".join(" ".join(lines[edge["line"] - 1 : last]).split())
        implied = edge.get("implied")
        assert implied in {None, "from", "to"}, edge
        ends = all(implied == side or _mentions(text, spell[edge[side]]) for side in ("from", "to"))
        label = edge.get("label")
        assert ends or (label and label.casefold() in text.casefold()), (edge, text)


def _every_trap_and_flow_step_quotes_its_line(name: str) -> None:
    doc, lines = _load(name), _lines(name)
    quoted = list(doc["traps"])
    for flow in doc["flows"]:
        quoted.extend(flow["steps"])
    for item in quoted:
        assert 1 <= item["line"] <= len(lines), item
        assert item["text"] in lines[item["line"] - 1], item
    for trap in doc["traps"]:
        assert trap.get("why"), trap


def _every_arrow_looking_line_is_accounted_for(name: str) -> None:
    doc, lines = _load(name), _lines(name)
    counted = set()
    for edge in doc["edges"] + doc.get("prose_edges", []):
        counted |= set(range(edge["line"], edge.get("end_line", edge["line"]) + 1))
    counted |= {t["line"] for t in doc["traps"]}
    counted |= {s["line"] for f in doc["flows"] for s in f["steps"]}
    counted |= {f["line"] for f in doc.get("expected_findings", [])}
    arrows = [n for n, text in enumerate(lines, 1) if ARROW.search(text)]
    assert [n for n in arrows if n not in counted] == []


@pytest.mark.parametrize("name", DOCS)
def test_the_count_of_a_document_is_sound(name: str) -> None:
    """Its count has every key, a licence that allows redistribution, each system named
    once; every edge points at a line that states it, every trap and flow step quotes its
    line, and every line that looks like an arrow is accounted for."""
    _the_count_has_every_required_key(name)
    _the_licence_allows_redistribution(name)
    _systems_are_named_once(name)
    _every_edge_points_at_a_line_that_states_it(name)
    _every_trap_and_flow_step_quotes_its_line(name)
    _every_arrow_looking_line_is_accounted_for(name)


def test_the_readme_table_agrees_with_the_counts() -> None:
    readme = (REAL / "README.md").read_text(encoding="utf-8")
    for name in DOCS:
        doc = _load(name)
        row = next(line for line in readme.splitlines() if line.startswith(f"| `{name}`"))
        cells = [c.strip() for c in row.strip("|").split("|")]
        assert cells[1] == doc["language"]
        assert cells[2] == doc["kind"]
        assert cells[3] == doc["licence"]
        numbers = [
            len(doc["systems"]),
            len(doc["edges"]),
            sum(1 for e in doc["edges"] if e.get("implied")),
            sum(len(f["steps"]) for f in doc["flows"]),
            len(doc["traps"]),
        ]
        assert [int(c) for c in cells[4:9]] == numbers, name
