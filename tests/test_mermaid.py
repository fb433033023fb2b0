"""Mermaid: ``flowviz export --to mermaid`` writes one Markdown document that Mermaid itself
parses, and every label Mermaid reads back is the graph view's text as written.

Mermaid 11 runs offline under Node with jsdom (``tools/mermaid/check.mjs``, installed by
``make setup``). Every diagram of this module goes to it in ONE run per test session: the
documents of the bundled maps, the seed template and the hostile map, each hostile string
through each quoting function, ids made from Mermaid's keywords, a generated map too big for
one flowchart, and two control diagrams that must fail. The checker prints what Mermaid parsed
(vertices, edges, subgraphs; actors, numbered messages, notes) with entity codes resolved as
a browser shows them, so a ``"`` that Mermaid drops silently fails a test.

Golden documents: ``tests/golden/mermaid/<map>.md``; refresh them with
``FLOWVIZ_UPDATE_GOLDEN=1 pytest tests/test_mermaid.py`` and review the diff like code.
"""

from __future__ import annotations

import os
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from drift_support import read

import flowviz
from flowviz import views
from flowviz.cli import main
from flowviz.config import Config
from flowviz.exports import ExportRequest, export
from flowviz.graph import Edge, Graph, Member, Node, Note
from flowviz.model import Diagnostic
from flowviz.render.mermaid import (
    EDGES_MAX,
    NAME_MAX,
    STEP_MAX,
    step_message,
    step_note,
    to_markdown,
    to_mermaid,
)
from flowviz.render.mermaid_quoting import (
    RESERVED,
    label,
    markdown,
    message,
    note,
    participant,
    shown,
)
from flowviz.wording import shorten
from tests.chromium import watching
from tests.conftest import EXAMPLES, FIXTURES, GOLDEN, ROOT, SEED
from tests.mermaid_support import MERMAID, run_mermaid
from tests.test_quoting import HOSTILE

pytestmark = pytest.mark.mermaid

HOSTILE_MAP = FIXTURES / "hostile" / "hostile.md"
MAPS = [*EXAMPLES, SEED, HOSTILE_MAP]
GOLDEN_MAPS = [*EXAMPLES, SEED]
FLOWVIZ = [sys.executable, "-c", "from flowviz.cli import run; run()"]
"""The command line, run as a separate process by this interpreter."""
FENCE = re.compile(r"^```mermaid\n(.*?)^```$", re.MULTILINE | re.DOTALL)

MERMAID_HOSTILE: list[tuple[str, str, str]] = [
    # (id, text in the map, what a reader must see): Mermaid's own traps
    ("entity written literally", "#quot; and #59;", "#quot; and #59;"),
    ("semicolon", "a; b", "a; b"),
    ("hash", "Order #42", "Order #42"),
    ("directive", "%%{init: {'theme': 'dark'}}%%", "%%{init: {'theme': 'dark'}}%%"),
    ("comment", "%% hidden", "%% hidden"),
    ("markdown string", "`**bold**`", "`**bold**`"),
    ("katex", "$$x^2$$", "$$x^2$$"),
    ("icon", "fa:fa-car", "fa:fa-car"),
    ("placeholders", "\ufb02\u00b0lt\u00b6\u00df", "\ufb02\u00b0lt\u00b6\u00df"),
    ("style pre-pass", "lifestyle:#quot;x#quot;;", "lifestyle:#quot;x#quot;;"),
    ("wrap prefix", "wrap:text", "wrap:text"),
    ("arrow", "A->>B: x --> y", "A->>B: x --> y"),
    ("brackets", "]] ) }} [( ((", "]] ) }} [( (("),
    ("pipes", "|a|b|", "|a|b|"),
    ("line break tag", "one<br>two", "one<br>two"),
    ("nbsp entity", "&nbsp;", "&nbsp;"),
    ("statement", "end\nsubgraph x\nclick a call alert()", "end\nsubgraph x\nclick a call alert()"),
    ("style injection", "style a fill:#f00;", "style a fill:#f00;"),
    ("padded", "  padded  ", "padded"),
]
STRINGS = [(name, text, shown(seen)) for name, text, seen in [*HOSTILE, *MERMAID_HOSTILE]]
"""Every hostile string, and what a reader sees of it (the long ones cut with an ellipsis)."""


# -- one run of Mermaid for the whole session ------------------------------------------------


@dataclass(frozen=True)
class Exported:
    """A map's Mermaid document and the graphs it was drawn from."""

    path: Path
    document: str
    graphs: list[Graph]

    @property
    def diagrams(self) -> list[str]:
        return FENCE.findall(self.document)


def _export(path: Path, folder: Path) -> Exported:
    """``flowviz export PATH --to mermaid -o FILE`` in-process, and the graphs of the same views
    built from the (redacted) model."""
    target = folder / f"{path.stem}.md"
    assert main(["export", str(path), "--to", "mermaid", "-o", str(target)]) == 0
    model = flowviz.load(path)
    specs = [views.ViewSpec("overview"), views.ViewSpec("identifiers")]
    specs += [views.ViewSpec("flow", str(f.number)) for f in model.flows]
    return Exported(path, target.read_text(encoding="utf-8"), views.build(model, specs))


def big_map_text(pairs: int, systems: int = 24) -> str:
    """A map of ``pairs`` integrations, each between its own ordered pair of ``systems``
    systems that section 1 declares (``Система 01`` ...), in one table with a source-system
    column."""
    names = [f"Система {i:02d}" for i in range(1, systems + 1)]
    ordered = [(a, b) for a in names for b in names if a != b][:pairs]
    assert len(ordered) == pairs, "too few systems for that many pairs"
    lines = ["## 1. Системы", "", *(f"- **Другие системы:** {name}" for name in names), ""]
    lines += ["## 5. Интеграции", "", "| Система-источник | Получатель | Данные | Метод |"]
    lines += ["|---|---|---|---|"]
    lines += [f"| {a} | {b} | заказы {n} | API |" for n, (a, b) in enumerate(ordered)]
    return "\n".join(lines) + "\n"


def _big_map(folder: Path) -> tuple[Exported, list[Diagnostic]]:
    """A map of 520 integrations between distinct pairs, more than Mermaid's 500 edges; its
    Mermaid document and the export's findings."""
    path = folder / "big.md"
    path.write_text(big_map_text(EDGES_MAX + 20), encoding="utf-8")
    model = flowviz.load(path)
    made = export(ExportRequest(model, Config(), str(path)), "mermaid")
    graphs = views.build(model, [views.ViewSpec("overview")])
    return Exported(path, made.data.decode("utf-8"), graphs), made.findings


STRINGS_PER_DIAGRAM = 48_000
"""Characters of hostile strings packed into one diagram (Mermaid's limit is 50,000): a few
diagrams instead of two per string keep Mermaid's run short."""


def _chunks() -> list[list[int]]:
    """The indexes of ``STRINGS`` in runs whose escaped text fits one diagram three times."""
    chunks: list[list[int]] = [[]]
    size = 0
    for index, (_, text, _) in enumerate(STRINGS):
        length = 3 * len(label(text)) + 60
        if chunks[-1] and size + length > STRINGS_PER_DIAGRAM:
            chunks.append([])
            size = 0
        chunks[-1].append(index)
        size += length
    return chunks


def _string_diagrams() -> dict[str, str]:
    """Each hostile string in every place a label can be: a subgraph title, a node and an edge
    (``g<i>``, ``a<i>``, ``a<i> --> b<i>``); a participant, a message and a note (``p<i>``)."""
    diagrams = {}
    for number, chunk in enumerate(_chunks()):
        chart, sequence = ["flowchart LR"], ["sequenceDiagram", "  autonumber"]
        for i in chunk:
            text = STRINGS[i][1]
            chart += [f"  subgraph g{i} [{label(text)}]", f"    a{i}[{label(text)}]", "  end"]
            chart.append(f"  a{i} -->|{label(text)}| b{i}")
            sequence += [f"  participant p{i} as {participant(text)}"]
            sequence += [f"  p{i}->>p{i}: {message(text)}", f"  Note over p{i}: {note(text)}"]
        diagrams[f"strings-{number}/flowchart"] = "\n".join(chart) + "\n"
        diagrams[f"strings-{number}/sequence"] = "\n".join(sequence) + "\n"
    return diagrams


def _read_string(parsed: dict[str, dict[str, Any]], index: int) -> dict[str, list[str]]:
    """Every text Mermaid read for hostile string ``index``, by place."""
    number = next(n for n, chunk in enumerate(_chunks()) if index in chunk)
    chart = _ok(parsed, f"strings-{number}/flowchart")
    sequence = _ok(parsed, f"strings-{number}/sequence")
    return {
        "node": [v["text"] for v in chart["vertices"] if v["id"] == f"a{index}"],
        "edge": [e["text"] for e in chart["edges"] if e["start"] == f"a{index}"],
        "subgraph": [s["title"] for s in chart["subgraphs"] if s["id"] == f"g{index}"],
        "participant": [a["text"] for a in sequence["actors"] if a["id"] == f"p{index}"],
        "message": [m["text"] for m in sequence["messages"] if m["from"] == f"p{index}"],
        "note": [n["text"] for n in sequence["notes"] if n["actor"] == f"p{index}"],
    }


def _keyword_graphs() -> list[Graph]:
    """Graphs whose systems are named like Mermaid's keywords and traps (``end``, ``graph``,
    ``o``, ``x``, ``1c``, ``a-b`` beside ``a_b``)."""
    keys = [*sorted(RESERVED), "o", "x", "1c", "a-b", "a_b", "_shared", "end-x", "Графана"]
    nodes = tuple(Node(f"system:{key}", key, key, "other") for key in keys)
    steps = tuple(
        _step_edge(index + 1, nodes[index].id, nodes[index + 1].id, f"step {key}")
        for index, key in enumerate(keys[:-1])
    )
    edges = tuple(
        Edge(f"integration:2.{i}", steps[i].source, steps[i].target, "API", (_member(i),))
        for i in range(len(steps))
    )
    language = "en"
    overview = Graph("overview", "overview", "Keywords", language, nodes=nodes, edges=edges)
    actors = tuple(node._replace(kind="actor") if i % 2 else node for i, node in enumerate(nodes))
    flow = Graph("flow", "flow-1", "Keywords", language, nodes=actors, edges=steps)
    return [overview, flow]


def _member(index: int) -> Member:
    return Member(f"integration:2.{index}", "integration", 10 + index, "API", "configured")


def _step_edge(number: int, source: str, target: str, text: str) -> Edge:
    member = Member(
        f"step:1.{number}", "step", 100 + number, str(number), facts=(("step",), (text,))
    )
    return Edge(member.id, source, target, str(number), (member,), order=number)


CONTROLS = {
    "control/bad-id": "flowchart LR\n  end --> x\n",
    "control/dropped-quote": 'flowchart LR\n  a["say "hi""]\n',
}
"""A bare ``end`` id (a syntax error) and a ``"`` not escaped (Mermaid drops it silently)."""


@pytest.fixture(scope="session")
def exported(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Exported]:
    folder = tmp_path_factory.mktemp("mermaid")
    return {path.stem: _export(path, folder) for path in MAPS}


BIG_TEST = "test_a_map_too_big_for_one_flowchart_says_what_it_left_out_and_still_parses"


@pytest.fixture(scope="session")
def big(tmp_path_factory: pytest.TempPathFactory) -> tuple[Exported, list[Diagnostic]]:
    return _big_map(tmp_path_factory.mktemp("big"))


@pytest.fixture(scope="session")
def parsed(
    request: pytest.FixtureRequest, exported: dict[str, Exported]
) -> dict[str, dict[str, Any]]:
    """What Mermaid read from every diagram of this module, by name (one Node run); the big
    map (seconds to generate and read) only when its test is among those collected."""
    diagrams = dict(CONTROLS)
    for stem, made in exported.items():
        for graph, text in zip(made.graphs, made.diagrams, strict=True):
            diagrams[f"{stem}/{graph.name}"] = text
    if any(item.name == BIG_TEST for item in request.session.items):
        diagrams["big/overview"] = request.getfixturevalue("big")[0].diagrams[0]
    diagrams |= _string_diagrams()
    for graph in _keyword_graphs():
        diagrams[f"keywords/{graph.name}"] = to_mermaid(graph).text
    diagrams |= {f"synthetic/{g.name}": to_mermaid(g).text for g in _unplaced_graphs()}
    diagrams |= {f"systems/{g.name}": to_mermaid(g).text for g in _system_graphs()}
    return run_mermaid(diagrams)


def _ok(parsed: dict[str, dict[str, Any]], name: str) -> dict[str, Any]:
    result = parsed[name]
    assert result["ok"], f"Mermaid could not parse {name}: {result['error']}"
    return result


# -- the documents of the bundled maps ------------------------------------------------------


@pytest.mark.parametrize("path", MAPS, ids=[p.stem for p in MAPS])
def test_every_diagram_of_a_document_parses_in_mermaid(
    path: Path, exported: dict[str, Exported], parsed: dict[str, dict[str, Any]]
) -> None:
    made = exported[path.stem]
    assert len(made.diagrams) == len(made.graphs) >= 3
    for graph in made.graphs:
        kind = _ok(parsed, f"{path.stem}/{graph.name}")["type"]
        assert kind == ("sequence" if graph.kind == "flow" else "flowchart-v2")


@pytest.mark.parametrize("path", MAPS, ids=[p.stem for p in MAPS])
def test_flowchart_labels_read_back_as_the_graph_view_says(
    path: Path, exported: dict[str, Exported], parsed: dict[str, dict[str, Any]]
) -> None:
    for graph in exported[path.stem].graphs:
        if graph.kind != "flow":
            _assert_flowchart(graph, _ok(parsed, f"{path.stem}/{graph.name}"))


@pytest.mark.parametrize("path", MAPS, ids=[p.stem for p in MAPS])
def test_sequence_diagrams_read_back_as_the_flow_says(
    path: Path, exported: dict[str, Exported], parsed: dict[str, dict[str, Any]]
) -> None:
    for graph in exported[path.stem].graphs:
        if graph.kind == "flow":
            _assert_sequence(graph, _ok(parsed, f"{path.stem}/{graph.name}"))


def _assert_flowchart(graph: Graph, read: dict[str, Any]) -> None:
    """Nodes, identifier rows, subgraph titles, edges (ends and labels, in order) and edge
    styles are the graph view's."""
    names = {v["id"]: v["text"] for v in read["vertices"]}
    names |= {s["id"]: s["title"] for s in read["subgraphs"]}
    titles = [c.label for c in graph.clusters] + [n.label for n in graph.nodes if n.ports]
    assert sorted(s["title"] for s in read["subgraphs"]) == sorted(
        shown(t, NAME_MAX) for t in titles
    )
    boxes = [n.label for n in graph.nodes if not n.ports] + [
        p for n in graph.nodes for p in n.ports
    ]
    assert sorted(v["text"] for v in read["vertices"]) == sorted(shown(t, NAME_MAX) for t in boxes)
    by_id = {node.id: node for node in graph.nodes}
    expected = [
        (
            shown(edge.source_port or by_id[edge.source].label, NAME_MAX),
            shown(edge.target_port or by_id[edge.target].label, NAME_MAX),
            shown(edge.label, NAME_MAX),
        )
        for edge in graph.edges
    ]
    assert [(names[e["start"]], names[e["end"]], e["text"]) for e in read["edges"]] == expected
    dashed = [
        edge.status in ("needs_setup", "not_required", "mixed") or edge.members[0].kind == "binding"
        for edge in graph.edges
    ]
    assert [any("dasharray" in s for s in e["style"]) for e in read["edges"]] == dashed


def _assert_sequence(graph: Graph, read: dict[str, Any]) -> None:
    """Actors and participants in order of first appearance, people as actors; one message
    per drawn step, numbered as the step, saying the step's text, method and identifiers."""
    nodes = {node.id: node for node in graph.nodes}
    order = list(dict.fromkeys(end for edge in graph.edges for end in (edge.source, edge.target)))
    assert [(a["text"], a["type"]) for a in read["actors"]] == [
        (
            shown(nodes[key].label, NAME_MAX),
            "actor" if nodes[key].kind == "actor" else "participant",
        )
        for key in order
    ]
    messages = read["messages"]
    assert [m["number"] for m in messages] == [edge.order for edge in graph.edges]
    assert [m["text"] for m in messages] == [shown(step_message(edge)) for edge in graph.edges]
    for edge, read_message in zip(graph.edges, messages, strict=True):
        facts = dict(zip(*edge.members[0].facts, strict=True))
        words = " ".join(read_message["text"].split())
        assert " ".join(shorten(facts["step"], STEP_MAX).split()) in words
        for fact in ("method", "identifiers"):
            assert facts.get(fact, "") in words
    undrawn = [item for item in graph.notes if not item.drawn]
    assert [n["text"] for n in read["notes"]] == [
        shown(step_note(item, graph.language)) for item in undrawn
    ]


def _system_graphs() -> list[Graph]:
    """Every system view of the bundled example (a flowchart each, as the overview)."""
    model = read(ROOT / "maps" / "ru-petshop.md")
    return [g for g in views.build(model, views.parse_views(model, "all")) if g.kind == "system"]


def test_system_views_are_flowcharts_whose_labels_read_back(
    parsed: dict[str, dict[str, Any]],
) -> None:
    graphs = _system_graphs()
    assert [g.kind for g in graphs] == ["system"] * len(graphs) and len(graphs) > 3
    for graph in graphs:
        _assert_flowchart(graph, _ok(parsed, f"systems/{graph.name}"))


# -- what cannot be drawn -------------------------------------------------------------------


def _unplaced_graphs() -> list[Graph]:
    """A flow whose second step names no sender, another whose only step names none, and an
    overview with a row that names no system."""
    nodes = (Node("system:site", "site", "Site", "cms"), Node("system:crm", "crm", "CRM", "crm"))
    steps = (_step_edge(1, "system:site", "system:crm", "Site sends"),)
    notes = (
        Note("1. Site sends", 101, "step:1.1"),
        Note('2. Someone "checks" it; <b>maybe</b>', 102, "step:1.2", drawn=False),
        Note("3. Site sends again", 103, "step:1.3"),
    )
    steps += (_step_edge(3, "system:site", "system:crm", "Site sends again"),)
    flow = Graph("flow", "flow-1", "Flow 1", "en", nodes=nodes, edges=steps, notes=notes)
    lonely = Graph(
        "flow",
        "flow-2",
        "Flow 2",
        "ru",
        notes=(Note("1. Кто-то что-то", 5, "step:2.1", drawn=False),),
    )
    row = Note("2.4: Orders → ?", 44, "integration:2.4", drawn=False)
    overview = Graph("overview", "overview", "Integrations", "en", nodes=nodes, notes=(row,))
    return [flow, lonely, overview]


def test_a_step_with_no_sender_is_a_note_in_its_place_and_numbers_stay_the_steps(
    parsed: dict[str, dict[str, Any]],
) -> None:
    flow, *_ = _unplaced_graphs()
    read = _ok(parsed, "synthetic/flow-1")
    _assert_sequence(flow, read)
    assert [m["number"] for m in read["messages"]] == [1, 3]
    expected = '2. Someone "checks" it; <b>maybe</b>\n(no sender named: no arrow)'
    assert [n["text"] for n in read["notes"]] == [expected]
    text = to_mermaid(flow).text
    assert text.index("Note over") < text.index("autonumber 3") < text.rindex("->>")
    alone = _ok(parsed, "synthetic/flow-2")
    assert [a["text"] for a in alone["actors"]] == ["Шаги"]
    assert [n["text"] for n in alone["notes"]] == [
        "1. Кто-то что-то\n(отправитель не назван: нет стрелки)"
    ]


def test_the_document_lists_the_rows_no_diagram_can_place(
    parsed: dict[str, dict[str, Any]],
) -> None:
    *_, overview = _unplaced_graphs()
    _ok(parsed, "synthetic/overview")
    document = to_markdown("Shop", [to_mermaid(overview)], "en")
    assert "Not drawn: no system named:\n\n- 2.4: Orders → ? (line 44)\n" in _unescaped(document)


# -- the limits -----------------------------------------------------------------------------


@pytest.mark.slow
def test_a_map_too_big_for_one_flowchart_says_what_it_left_out_and_still_parses(
    big: tuple[Exported, list[Diagnostic]], parsed: dict[str, dict[str, Any]]
) -> None:
    made, findings = big
    (graph,) = made.graphs
    assert len(graph.edges) == EDGES_MAX + 20, "one edge per pair of systems"
    read = _ok(parsed, "big/overview")
    assert len(read["edges"]) == EDGES_MAX
    _assert_flowchart(graph._replace(edges=graph.edges[:EDGES_MAX]), read)
    left_out = [m.id for edge in graph.edges[EDGES_MAX:] for m in edge.members]
    assert f"не показаны ({len(left_out)}): {', '.join(left_out)}." in _unescaped(made.document)
    assert [(f.code, f.message.split()[0]) for f in findings] == [("FV304", i) for i in left_out]


def _unescaped(markdown_text: str) -> str:
    return re.sub(r"\\(.)", r"\1", markdown_text)


def test_a_diagram_never_outgrows_mermaids_text_limit() -> None:
    nodes = tuple(Node(f"system:s{i}", f"s{i}", "Система " * 12, "other") for i in range(2))
    long_label = '"Метод"; ' * 200
    """Cut to 80 characters, then nearly 300 once its quotes and semicolons are entity codes."""
    edges = tuple(
        Edge(f"integration:2.{i}", nodes[0].id, nodes[1].id, long_label, (_member(i),))
        for i in range(300)
    )
    diagram = to_mermaid(Graph("overview", "overview", "Big", "ru", nodes=nodes, edges=edges))
    assert len(diagram.text) <= 50_000
    kept = diagram.text.count(" -->")
    assert 0 < kept < 300
    assert [om.id for om in diagram.omitted] == [f"integration:2.{i}" for i in range(kept, 300)]


# -- escaping -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("index", "text", "seen"),
    [(i, t, s) for i, (_, t, s) in enumerate(STRINGS)],
    ids=[n for n, _, _ in STRINGS],
)
def test_a_hostile_string_reads_back_as_written_in_every_place(
    index: int, text: str, seen: str, parsed: dict[str, dict[str, Any]]
) -> None:
    read = _read_string(parsed, index)
    assert read == {place: [seen] for place in read}


@pytest.mark.parametrize(
    ("text", "seen"), [(t, s) for _, t, s in STRINGS], ids=[n for n, _, _ in STRINGS]
)
def test_a_hostile_string_is_plain_text_in_the_markdown_around_the_diagrams(
    text: str, seen: str
) -> None:
    escaped = markdown(text)
    assert "\n" not in escaped
    assert not re.search(r"(?<!\\)[<>&`*_\[\]#|:@$~]", escaped), escaped
    assert _unescaped(escaped) == " ".join(shown(text, len(text)).split())


def test_ids_made_from_keywords_parse_and_stay_distinct(parsed: dict[str, dict[str, Any]]) -> None:
    chart = _ok(parsed, "keywords/overview")
    overview, flow = _keyword_graphs()
    assert len({v["id"] for v in chart["vertices"]}) == len(overview.nodes)
    _assert_flowchart(overview, chart)
    sequence = _ok(parsed, "keywords/flow-1")
    assert len(sequence["actors"]) == len(flow.nodes)
    _assert_sequence(flow, sequence)


def test_the_checker_fails_on_a_bad_diagram_and_shows_a_dropped_quote(
    parsed: dict[str, dict[str, Any]],
) -> None:
    assert not parsed["control/bad-id"]["ok"]
    assert "Parse error" in parsed["control/bad-id"]["error"]
    assert parsed["run"]["returncode"] == 1
    assert parsed["run"]["stderr"].startswith("control/bad-id: Parse error on line 2")
    (vertex,) = _ok(parsed, "control/dropped-quote")["vertices"]
    assert vertex["text"] == "say hi", "the comparison of labels would not catch a dropped quote"


# -- the document ---------------------------------------------------------------------------


@pytest.mark.parametrize("path", GOLDEN_MAPS, ids=[p.stem for p in GOLDEN_MAPS])
def test_document_matches_golden(path: Path, exported: dict[str, Exported]) -> None:
    golden = GOLDEN / "mermaid" / f"{path.stem}.md"
    text = exported[path.stem].document
    if os.environ.get("FLOWVIZ_UPDATE_GOLDEN"):
        golden.parent.mkdir(exist_ok=True)
        golden.write_text(text, encoding="utf-8")
    assert golden.exists(), f"no golden file {golden.name}: run 'make golden'"
    assert text == golden.read_text(encoding="utf-8")


def test_document_has_a_title_and_a_heading_and_fence_per_view_in_the_maps_language(
    exported: dict[str, Exported],
) -> None:
    made = exported["ru-petshop"]
    lines = made.document.splitlines()
    assert lines[0] == "# ЗооМаркет — интеграции интернет-магазина и сквозная аналитика"
    headings = [line for line in lines if line.startswith("## ")]
    assert headings[:3] == [
        "## Интеграции",
        "## Идентификаторы и синхронизация",
        "## Поток 1\\: Оформление заказа",
    ]
    assert len(headings) == len(made.diagrams) == 2 + 6
    assert made.document.endswith("```\n") or made.document.endswith("\n")
    assert not made.document.endswith("\n\n")
    assert [d.split("\n", 1)[0] for d in made.diagrams] == ["flowchart LR"] * 2 + [
        "sequenceDiagram"
    ] * 6
    english = exported["en-saas"].document
    assert "## Integrations\n" in english
    assert "## Identifiers and sync\n" in english


def test_the_hostile_document_holds_no_secret_and_no_raw_markup(
    exported: dict[str, Exported],
) -> None:
    document = exported["hostile"].document
    for secret in (
        "Pa55w0rdXyz",
        "sk_live_7Qm2Xv9LpR4tZk8Wn3Hc6Jd1",
        "rk_live_Rb4Nw8Ty2Lq6Zs0Vx5Kp9Mh3",
    ):
        assert secret not in document
    for diagram in exported["hostile"].diagrams:
        assert "<script" not in diagram
        assert '"' not in re.sub(r'(?<=[\[({|])"|"(?=[\])}|])', "", diagram), diagram


# -- drawn in a browser, as GitHub and GitLab draw it ---------------------------------------

RENDER = """async (texts) => {
  mermaid.initialize({ startOnLoad: false, securityLevel: 'strict' });
  const out = [];
  for (const [i, text] of texts.entries()) {
    try {
      const { svg } = await mermaid.render('d' + i, text);
      document.body.insertAdjacentHTML('beforeend', svg);
      out.push('');
    } catch (error) {
      out.push(String(error));
    }
  }
  return out;
}"""


@pytest.mark.browser
@pytest.mark.slow
def test_chromium_draws_every_diagram_and_runs_nothing_from_the_map(
    exported: dict[str, Exported], tab: Any
) -> None:
    """Mermaid (its browser bundle) draws each diagram of the hostile and the Russian document
    in headless Chromium: no error, no dialog, no script, and the hostile text shown as text."""
    bundle = MERMAID / "dist" / "mermaid.min.js"
    if not bundle.is_file():
        pytest.fail(f"Mermaid is not installed ({bundle} is missing): run 'make setup'")
    texts = exported["hostile"].diagrams + exported["ru-petshop"].diagrams
    with watching(tab) as seen:
        tab.goto("about:blank")
        tab.set_content("<!DOCTYPE html><html><body></body></html>")
        tab.add_script_tag(path=str(bundle))
        errors = tab.evaluate(RENDER, texts)
        shown_text = tab.evaluate("document.body.textContent")
        scripts = tab.evaluate("document.querySelectorAll('svg script, svg img').length")
    assert errors == [""] * len(texts)
    assert seen.dialogs == []
    assert scripts == 0
    assert "<script>alert(1)</scrip…" in shown_text
    assert 'Legacy "ERP" {v2} Billing' in shown_text


# -- secrets --------------------------------------------------------------------------------

PLANTED = {
    "bearer token": "Authorization: Bearer abcdefghij0123456789XYZ",
    "api key": "api_key: sk_live_4eC39HqLyjWDarjtT1zdp7dc",
    "password in a url": "https://admin:hunter2pass@crm.example.com/hook",
    "jwt": "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0In0.abcDEF123456",
    "mailchimp key": "0123456789abcdef0123456789abcdef-us6",
    "telegram bot token": "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw1",
}
SECRET_PARTS = (
    "abcdefghij0123456789XYZ",
    "4eC39HqLyjWDarjtT1zdp7dc",
    "hunter2pass",
    "abcDEF123456",
    "0123456789abcdef0123456789abcdef",
    "AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw1",
)


def test_no_planted_secret_reaches_the_document(tmp_path: Path) -> None:
    """Six kinds of secret in the project name, an integration's method, a step and a sync
    rule's method of the bundled example: the document shows none (unless --no-redact)."""
    text = (ROOT / "maps" / "ru-petshop.md").read_text(encoding="utf-8")
    secrets = list(PLANTED.values())
    text = text.replace("интеграции интернет-магазина", f"интеграции {secrets[0]}", 1)
    text = text.replace("| Webhook | lead_id, contact_id,", f"| Webhook {secrets[1]} | lead_id,", 1)
    text = text.replace("(создается lead_id, создается contact_id)", f"({secrets[2]} {secrets[3]})")
    text = text.replace("сегмент «Покупатели»", f"сегмент {secrets[1]}", 1)
    text = text.replace("промокод на первый заказ", f"промокод {secrets[4]} {secrets[5]}", 1)
    path = tmp_path / "planted.md"
    path.write_text(text, encoding="utf-8")
    target = tmp_path / "planted.mermaid.md"
    assert main(["export", str(path), "--to", "mermaid", "-o", str(target)]) == 0
    raw = tmp_path / "raw.mermaid.md"
    assert main(["export", str(path), "--to", "mermaid", "--no-redact", "-o", str(raw)]) == 0
    for written, redact in ((target, True), (raw, False)):
        document = _unescaped(written.read_text(encoding="utf-8").replace("<br>", ""))
        found = [part for part in SECRET_PARTS if part in document]
        assert found == ([] if redact else list(SECRET_PARTS))
