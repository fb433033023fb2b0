"""flowviz reads a Mermaid diagram as Mermaid itself does: the same links between the same
nodes, and the same labels as a reader sees them.

Mermaid 11 runs offline under Node with jsdom (``tools/mermaid/check.mjs``), once per test
session, on every file of ``tests/fixtures/mermaid_syntax`` (one form of the syntax a file) and
every Mermaid diagram of the real documents (``tests/fixtures/real``). A flowchart's links are
its edges but the invisible ``~~~`` ones; a sequence diagram's are its messages.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

import pytest

from flowviz.parse.blocks import markdown_text
from flowviz.parse.diagrams import Diagram, read_mermaid
from tests.conftest import FIXTURES
from tests.mermaid_support import run_mermaid

SYNTAX = sorted((FIXTURES / "mermaid_syntax").glob("*.mmd"))
REAL = FIXTURES / "real"
_FENCE = re.compile(r"^```mermaid[ \t]*\n(.*?)^```[ \t]*$", re.MULTILINE | re.DOTALL)


def _real_diagrams() -> dict[str, str]:
    """Every Mermaid diagram of the real documents, by ``<document>#<n>``."""
    found = {}
    for path in sorted(REAL.glob("*.md")):
        text = path.read_text(encoding="utf-8")
        for n, fence in enumerate(_FENCE.finditer(text), 1):
            found[f"{path.stem}#{n}"] = fence.group(1)
    for path in sorted(REAL.glob("*.mmd")):
        found[path.name] = path.read_text(encoding="utf-8")
    return found


SYNTAX_DIAGRAMS = {path.stem: path.read_text(encoding="utf-8") for path in SYNTAX}
REAL_DIAGRAMS = _real_diagrams()


@pytest.fixture(scope="module")
def mermaid() -> dict[str, dict[str, Any]]:
    """What Mermaid read from each diagram of this module, by name (one Node run)."""
    return run_mermaid({**SYNTAX_DIAGRAMS, **REAL_DIAGRAMS})


def _their_links(read: dict[str, Any]) -> Counter[tuple[str, str]]:
    if "edges" in read:
        return Counter((e["start"], e["end"]) for e in read["edges"] if e["stroke"] != "invisible")
    return Counter((m["from"], m["to"]) for m in read["messages"])


def _their_labels(read: dict[str, Any]) -> dict[str, str]:
    """Node (or participant) id -> its label as one line of plain text; a node that is a
    subgraph's id is the subgraph's box, which Mermaid draws with the subgraph's title."""
    boxes = read.get("vertices") or read.get("actors") or []
    titles = {group["id"]: group["title"] for group in read.get("subgraphs") or []}
    return {
        box["id"]: " ".join(markdown_text(titles.get(box["id"]) or box["text"] or "").split())
        for box in boxes
    }


def _our_links(diagram: Diagram) -> Counter[tuple[str, str]]:
    return Counter((link.source, link.target) for link in diagram.links)


@pytest.mark.parametrize("name", sorted(SYNTAX_DIAGRAMS))
def test_each_form_of_the_syntax_reads_as_mermaid_reads_it(
    name: str, mermaid: dict[str, dict[str, Any]]
) -> None:
    read = mermaid[name]
    assert read["ok"], f"Mermaid could not parse {name}: {read.get('error')}"
    diagram = read_mermaid(SYNTAX_DIAGRAMS[name], 1)
    assert diagram is not None
    assert diagram.errors == []
    assert _our_links(diagram) == _their_links(read)
    labels = _their_labels(read)
    assert {node: diagram.name(node) for node in labels} == labels


@pytest.mark.parametrize("name", sorted(REAL_DIAGRAMS))
def test_each_diagram_of_the_real_documents_has_the_links_mermaid_reads(
    name: str, mermaid: dict[str, dict[str, Any]]
) -> None:
    """Where Mermaid parses a real document's diagram, flowviz finds the same links (before a
    node with an empty label is taken for a bend of the links through it)."""
    read = mermaid[name]
    if not read["ok"] or not ("edges" in read or "messages" in read):
        reason = (read.get("error") or "another kind of diagram").splitlines()[0]
        pytest.skip(f"Mermaid reads no flowchart or sequence here: {reason}")
    diagram = read_mermaid(REAL_DIAGRAMS[name], 1)
    assert diagram is not None
    if diagram.junctions:
        pytest.skip("links bent through empty nodes: compared by test_loose_drawings")
    assert _our_links(diagram) == _their_links(read)


def test_a_comment_after_a_statement_is_dropped() -> None:
    """Mermaid refuses ``A --> B %% why``; the author meant a comment, and the link is read."""
    flowchart = read_mermaid("flowchart LR\n  A --> B %% why\n", 1)
    assert flowchart is not None and flowchart.errors == []
    assert [(k.source, k.target) for k in flowchart.links] == [("A", "B")]


def test_the_syntax_files_cover_every_link_and_message_arrow() -> None:
    """The forms this module compares include each arrow Mermaid 11 draws."""
    text = "\n".join(SYNTAX_DIAGRAMS.values())
    for arrow in ("-->", "---", "-.->", "==>", "--o", "--x", "<-->", "o--o", "x--x", "~~~", "@-->"):
        assert arrow in text, arrow
    for arrow in ("->>", "-->>", "-)", "--)", "-x", "--x", "<<->>", "<<-->>"):
        assert arrow in text, arrow


def test_the_syntax_folder_holds_its_forms() -> None:
    assert (FIXTURES / "mermaid_syntax" / "README.md").is_file() and len(SYNTAX) >= 40
