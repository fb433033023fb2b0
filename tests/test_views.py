"""The graph views, stated as a specification over every map we have.

A view is a pure function from the model to a ``Graph`` (``flowviz.graph``): nodes
``system:<id>``, clusters ``cluster:<group>``, edges that list the integrations
(``integration:<section>.<row>``), steps (``step:<flow>.<n>``) or sync rules
(``rule:<section>.<row>``) they stand for. Each statement below is checked against the model
flowviz reads from the map, for the seed template, the bundled examples and every drifted map;
a few are checked on a small map written for the purpose (a group addressed as a whole, a step
with no sender, a planted secret) or by hand on the bundled ``ru-petshop`` map.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from itertools import product
from pathlib import Path

import pytest
from drift_support import read

import flowviz
from flowviz.errors import UsageError
from flowviz.graph import Edge, Graph, Member
from flowviz.model import Integration, Map
from flowviz.views import (
    Filters,
    ViewSpec,
    build,
    flow,
    identifiers,
    overview,
    parse_views,
    redacted,
    system,
)
from flowviz.views.edges import build_edges, fold_edges, integration_edges
from flowviz.views.links import integration_links
from tests.conftest import EXAMPLES, MAPS, SEED, TEMPLATE_MAPS

MAP_FILES = TEMPLATE_MAPS
PETSHOP = MAPS / "ru-petshop.md"
ASCII_STEM = re.compile(r"^[a-z0-9_.-]+$")


@pytest.fixture(scope="module", params=MAP_FILES, ids=[p.stem for p in MAP_FILES])
def model(request: pytest.FixtureRequest) -> Map:
    return read(request.param)


@pytest.fixture(scope="module")
def petshop() -> Map:
    return read(PETSHOP)


# -- helpers ---------------------------------------------------------------------------------


def groups(model: Map) -> set[str]:
    """Ids of the systems that have parts (tools)."""
    return {s.parent for s in model.systems if s.parent}


def ends(system_id: str, parts: list[str]) -> list[str]:
    """Where one end of a row or step is drawn: at each named part, else at the system."""
    return [f"system:{p}" for p in parts] or [f"system:{system_id}"]


def placed(model: Map) -> list[Integration]:
    return [row for row in model.integrations if row.source and row.target]


def member_ids(graph: Graph) -> set[str]:
    return {m.id for m in graph.members()}


def kept_rows(graph: Graph) -> set[str]:
    """The integration rows a graph draws, as ``<section>.<row>``."""
    return {m.id.removeprefix("integration:") for m in graph.members() if m.kind == "integration"}


def edges_of(graph: Graph, member: str) -> list[Edge]:
    return [edge for edge in graph.edges if any(m.id == member for m in edge.members)]


def strings(value: object) -> Iterator[str]:
    """Every string inside a graph (named tuples are tuples): labels, facts, titles, notes."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, tuple | list):
        for item in value:
            yield from strings(item)


# -- overview: nodes -------------------------------------------------------------------------


def test_overview_draws_every_system_but_actors_and_groups_with_parts(model: Map) -> None:
    graph = overview(model)
    ids = [node.id for node in graph.nodes]
    grouped = groups(model)
    drawable = {f"system:{s.id}" for s in model.systems if s.kind != "actor"} - {
        f"system:{g}" for g in grouped
    }
    assert drawable <= set(ids)
    edge_ends = {end for edge in graph.edges for end in (edge.source, edge.target)}
    assert edge_ends <= set(ids), "every edge ends at a node of the graph"
    assert set(ids) - edge_ends <= drawable, "no node for an actor or group nothing draws at"
    known = {s.id for s in model.systems}
    for node in graph.nodes:
        assert node.id == f"system:{node.key}"
        assert node.key in known


def test_a_group_is_a_cluster_with_a_node_only_when_addressed_as_a_whole(model: Map) -> None:
    graph = overview(model)
    grouped = groups(model)
    assert {c.id for c in graph.clusters} == {f"cluster:{g}" for g in sorted(grouped)}
    whole = {row.source for row in placed(model) if row.source in grouped and not row.source_parts}
    whole |= {row.target for row in placed(model) if row.target in grouped and not row.target_parts}
    ids = {node.id for node in graph.nodes}
    for group in grouped:
        assert (f"system:{group}" in ids) == (group in whole), group
    parent = {s.id: s.parent for s in model.systems}
    for node in graph.nodes:
        if node.key in grouped:
            assert (node.kind, node.cluster) == ("group", f"cluster:{node.key}")
        elif parent[node.key]:
            assert node.cluster == f"cluster:{parent[node.key]}"
        else:
            assert node.cluster is None


def test_overview_nodes_are_unique(model: Map) -> None:
    for fold in (True, False):
        graph = overview(model, fold=fold)
        ids = Counter(node.id for node in graph.nodes)
        assert [key for key, n in ids.items() if n > 1] == []
        shown = Counter((node.label, node.cluster) for node in graph.nodes)
        assert [key for key, n in shown.items() if n > 1] == []


# -- overview: edges -------------------------------------------------------------------------


def test_overview_accounts_for_every_integration_exactly(model: Map) -> None:
    graph = overview(model)
    drawn = member_ids(graph)
    notes = {note.member: note for note in graph.notes}
    for row in model.integrations:
        member = f"integration:{row.id}"
        if row.source and row.target:
            assert member in drawn, member
            assert member not in notes, member
        else:
            assert member not in drawn, member
            assert member in notes, f"{member} has no sender or receiver and no note"
            assert notes[member].drawn is False
            assert notes[member].line == row.line
    assert drawn <= {f"integration:{row.id}" for row in model.integrations}
    assert all(note.drawn is False for note in graph.notes)


def test_every_edge_lists_its_rows_with_their_lines(model: Map) -> None:
    line = {f"integration:{row.id}": row.line for row in model.integrations}
    for fold in (True, False):
        for edge in overview(model, fold=fold).edges:
            assert edge.members, edge.id
            assert edge.lines == tuple(line[m.id] for m in edge.members)
            assert all(m.kind == "integration" for m in edge.members)


def test_folded_overview_has_one_edge_per_pair_of_nodes(model: Map) -> None:
    graph = overview(model, fold=True)
    pairs = Counter((edge.source, edge.target) for edge in graph.edges)
    assert [pair for pair, n in pairs.items() if n > 1] == []
    for edge in graph.edges:
        if len(edge.members) > 1:
            source, target = (end.removeprefix("system:") for end in (edge.source, edge.target))
            assert edge.id == f"pair:{source}/{target}"
            assert edge.label.startswith(f"{len(edge.members)}× "), edge.label
        else:
            assert edge.id.startswith(edge.members[0].id)
    assert len({edge.id for edge in graph.edges}) == len(graph.edges)


def test_unfolded_overview_has_one_edge_per_row_and_pair_of_drawn_ends(model: Map) -> None:
    graph = overview(model, fold=False)
    assert all(len(edge.members) == 1 for edge in graph.edges)
    drawn = Counter((edge.members[0].id, edge.source, edge.target) for edge in graph.edges)
    expected = Counter(
        (f"integration:{row.id}", source, target)
        for row in placed(model)
        for source, target in product(
            ends(row.source, row.source_parts), ends(row.target, row.target_parts)
        )
    )
    assert drawn == expected
    assert len({edge.id for edge in graph.edges}) == len(graph.edges)
    folded = overview(model, fold=True)
    assert Counter(
        (m.id, edge.source, edge.target) for edge in folded.edges for m in edge.members
    ) == Counter(drawn)


def test_a_row_to_named_parts_ends_at_each_part_never_at_the_group(model: Map) -> None:
    for fold in (True, False):
        graph = overview(model, fold=fold)
        for row in placed(model):
            found = edges_of(graph, f"integration:{row.id}")
            assert {e.source for e in found} == set(ends(row.source, row.source_parts)), row.id
            assert {e.target for e in found} == set(ends(row.target, row.target_parts)), row.id


SMALL_MAP = """\
## 1. Системы

- **CMS:** Tilda
- **CRM:** HubSpot
- **Analytics:** GA4, Яндекс Метрика

## 2. Интеграции сайта

| Источник данных на сайте | Получатель | Метод | Технические детали | Статус |
|---|---|---|---|---|
| Форма заказа | HubSpot | Webhook | POST https://hooks.example.ru/order, {details} | Настроено |
| События | Analytics | GTM | контейнер GTM-AB12CD | Настроено |
| Покупки | Analytics (GA4, Яндекс Метрика) | GTM | | Требует настройки |

## 7. Потоки данных

**Поток 1: Заявка (Сайт → HubSpot)**

1. Пользователь заполняет форму на сайте
2. Сайт отправляет заявку в HubSpot через Webhook (создается lead_id)
3. Заявка обрабатывается
4. HubSpot сохраняет контакт
"""


def test_a_group_addressed_as_a_whole_gets_its_own_node(write_map) -> None:
    model = flowviz.load(write_map(SMALL_MAP.format(details="формат: JSON")))
    assert [(r.target, r.target_parts) for r in model.integrations[1:]] == [
        ("analytics", []),
        ("analytics", ["ga4", "iandeks-metrika"]),
    ]
    graph = overview(model, fold=False)
    assert [e.target for e in edges_of(graph, "integration:2.2")] == ["system:analytics"]
    assert sorted(e.target for e in edges_of(graph, "integration:2.3")) == [
        "system:ga4",
        "system:iandeks-metrika",
    ]
    node = next(n for n in graph.nodes if n.id == "system:analytics")
    assert (node.kind, node.cluster) == ("group", "cluster:analytics")
    assert [c.id for c in graph.clusters] == ["cluster:analytics"]


# -- flows -----------------------------------------------------------------------------------


def test_every_step_with_a_sender_is_a_numbered_edge(model: Map) -> None:
    for chosen in model.flows:
        graph = flow(model, chosen.number)
        assert graph.name == f"flow-{chosen.number}"
        prefix = f"step:{chosen.number}."
        assert all(m.id.startswith(prefix) for m in graph.members())
        for step in chosen.steps:
            member = f"{prefix}{step.number}"
            found = edges_of(graph, member)
            if step.source is None:
                assert found == [], member
                continue
            assert found, f"{member} ({step.text!r}) is not drawn"
            for edge in found:
                assert [m.id for m in edge.members] == [member]
                assert edge.members[0].line == step.line
                assert edge.order == step.number
                assert re.match(rf"{step.number}(\D|$)", edge.label), edge.label
                assert edge.source in ends(step.source, step.source_parts)
                if step.target is None:
                    assert edge.source == edge.target, f"internal {member} is not a loop"
                else:
                    assert edge.target in ends(step.target, step.target_parts)
        nodes = {node.id for node in graph.nodes}
        assert {end for e in graph.edges for end in (e.source, e.target)} <= nodes


def test_flow_notes_list_every_step_in_order(model: Map) -> None:
    for chosen in model.flows:
        notes = flow(model, chosen.number).notes
        assert [n.member for n in notes] == [
            f"step:{chosen.number}.{s.number}" for s in chosen.steps
        ]
        assert [n.line for n in notes] == [s.line for s in chosen.steps]
        assert [n.drawn for n in notes] == [s.source is not None for s in chosen.steps]


def test_a_step_with_no_sender_is_a_note_not_drawn(write_map) -> None:
    model = flowviz.load(write_map(SMALL_MAP.format(details="формат: JSON")))
    steps = model.flows[0].steps
    assert [(s.source, s.target) for s in steps] == [
        ("user", "tilda"),
        ("tilda", "hubspot"),
        (None, None),
        ("hubspot", None),
    ]
    graph = flow(model, 1)
    assert [e.id for e in graph.edges] == ["step:1.1", "step:1.2", "step:1.4"]
    assert graph.edges[-1].source == graph.edges[-1].target == "system:hubspot"
    assert [n.drawn for n in graph.notes] == [True, True, False, True]


PARTS_STEP_MAP = """\
## 1. Системы

- **CMS:** Tilda
- **Analytics:** GA4, Яндекс Метрика

## 2. Интеграции сайта

| Источник данных на сайте | Получатель | Метод |
|---|---|---|
| Покупки | Analytics (GA4, Яндекс Метрика) | GTM |

## 7. Потоки данных

**Поток 1: Покупка (Сайт → Analytics)**

1. Сайт отправляет покупку в GA4 и Яндекс Метрику через GTM
2. GA4 и Яндекс Метрика учитывают покупку в отчётах
"""


def test_an_internal_step_of_named_parts_is_a_loop_on_each_part(write_map) -> None:
    model = flowviz.load(write_map(PARTS_STEP_MAP))
    step = model.flows[0].steps[1]
    assert (step.source, step.source_parts, step.target) == (
        "analytics",
        ["ga4", "iandeks-metrika"],
        None,
    )
    found = edges_of(flow(model, 1), "step:1.2")
    assert sorted((e.source, e.target) for e in found) == [
        ("system:ga4", "system:ga4"),
        ("system:iandeks-metrika", "system:iandeks-metrika"),
    ]


# -- identifiers -----------------------------------------------------------------------------


def test_identifiers_view_has_one_edge_per_sync_rule(model: Map) -> None:
    """One edge per rule and pair of drawn ends: a rule that names a tool (``GA4``) is drawn
    at the tool, as an integration row is."""
    graph = identifiers(model)
    section = next((s.number for s in model.sections if s.kind == "identifiers" and s.number), 6)
    rules = {
        f"rule:{section}.{n}": rule
        for n, rule in enumerate(model.id_rules, start=1)
        if rule.source and rule.target
    }
    drawn = [e for e in graph.edges if e.members[0].kind == "rule"]
    assert list(dict.fromkeys(e.members[0].id for e in drawn)) == list(rules)
    nodes = {node.id: node for node in graph.nodes}
    for rule_id, rule in rules.items():
        pairs = list(
            product(ends(rule.source, rule.source_parts), ends(rule.target, rule.target_parts))
        )
        found = [e for e in drawn if e.members[0].id == rule_id]
        assert [(e.source, e.target) for e in found] == pairs, rule_id
        if len(pairs) == 1:
            assert found[0].id == rule_id
    for edge in drawn:
        rule = rules[edge.members[0].id]
        assert [(m.id, m.line) for m in edge.members] == [(edge.members[0].id, rule.line)]
        assert set(rule.source_ids) <= set(nodes[edge.source].ports), edge.id
        assert set(rule.target_ids) <= set(nodes[edge.target].ports), edge.id
        for port, node in ((edge.source_port, edge.source), (edge.target_port, edge.target)):
            assert port is None or port in nodes[node].ports
    assert all(e.members[0].kind in ("rule", "binding") for e in graph.edges)


# -- filters ---------------------------------------------------------------------------------


def test_identifier_filter_keeps_only_what_carries_it(petshop: Map) -> None:
    graph = overview(petshop, Filters(identifier="client_id"))
    expected = {row.id for row in placed(petshop) if "client_id" in row.identifiers}
    assert expected == {"2.1", "2.3", "3.2", "4.1"}
    assert kept_rows(graph) == expected
    assert graph.name == "overview.identifier-client_id"
    steps = flow(petshop, 1, Filters(identifier="client_id")).members()
    assert [m.id for m in steps] == ["step:1.3", "step:1.6"]
    kept = identifiers(petshop, Filters(identifier="client_id")).members()
    assert {m.id for m in kept if m.kind == "rule"} == {
        f"rule:6.{n}"
        for n, rule in enumerate(petshop.id_rules, start=1)
        if "client_id" in (*rule.source_ids, *rule.target_ids)
    }
    assert {m.line for m in kept if m.kind == "binding"} == {
        b.line for b in petshop.bindings if "client_id" in b.identifiers
    }


def test_status_filter_keeps_only_rows_with_that_status(petshop: Map) -> None:
    graph = overview(petshop, Filters(status="needs_setup"))
    assert kept_rows(graph) == {"3.3", "4.3", "5.1", "5.3"}
    assert kept_rows(graph) == {r.id for r in placed(petshop) if r.status == "needs_setup"}
    assert {e.status for e in graph.edges} == {"needs_setup"}
    assert graph.name == "overview.status-needs_setup"


def test_method_filter_is_a_substring_in_any_case(petshop: Map) -> None:
    for text in ("webhook", "WEBHOOK", "api", "Logs"):
        graph = overview(petshop, Filters(method=text))
        expected = {r.id for r in placed(petshop) if text.casefold() in r.method.casefold()}
        assert expected
        assert kept_rows(graph) == expected, text
    assert kept_rows(overview(petshop, Filters(method="webhook"))) == {"2.1", "4.2", "4.3"}


def test_system_filter_out_depth_1_keeps_only_edges_leaving_it(petshop: Map) -> None:
    graph = overview(petshop, Filters(system="amocrm", direction="out", depth=1))
    assert kept_rows(graph) == {"3.1", "3.2", "3.3", "3.4"}
    assert {edge.source for edge in graph.edges} == {"system:amocrm"}
    inbound = overview(petshop, Filters(system="amocrm", direction="in", depth=1))
    assert {edge.target for edge in inbound.edges} == {"system:amocrm"}
    assert kept_rows(inbound) == {r.id for r in placed(petshop) if r.target == "amocrm"}
    view = system(petshop, "amocrm", Filters(direction="out"))
    assert view.kind == "system"
    assert view.name == "system-amocrm.direction-out"
    assert kept_rows(view) == kept_rows(graph)


def test_system_filter_keeps_the_rows_into_or_out_of_a_system(model: Map) -> None:
    """For every system that is not a tool of a group: ``out`` keeps exactly the rows it
    sends, ``in`` exactly the rows it receives, drawn at it or at its own tools."""
    for found in model.systems:
        if found.kind == "actor" or found.parent:
            continue
        at = {f"system:{found.id}"} | {
            f"system:{s.id}" for s in model.systems if s.parent == found.id
        }
        for direction, end in (("out", "source"), ("in", "target")):
            graph = overview(model, Filters(system=found.id, direction=direction))
            rows = {r.id for r in placed(model) if getattr(r, end) == found.id}
            assert kept_rows(graph) == rows, (found.id, direction)
            assert {getattr(edge, end) for edge in graph.edges} <= at, (found.id, direction)


def test_system_filter_on_a_tool_keeps_only_edges_at_that_tool(petshop: Map) -> None:
    graph = overview(petshop, Filters(system="ga4", direction="in"), fold=False)
    assert kept_rows(graph) == {"2.3", "3.2", "4.1"}
    assert {edge.target for edge in graph.edges} == {"system:ga4"}


def test_system_filter_depth_2_reaches_the_next_systems(petshop: Map) -> None:
    """By hand: amoCRM sends to UniSender (3.1) and to GA4, Яндекс Метрика and VK Pixel
    (3.2-3.4); those send on to GA4 and Метрика (4.1), back to amoCRM (4.2, 4.3, 5.1, 5.2),
    and the analytics group as a whole, which holds GA4 and Метрика, sends to amoCRM (5.3).
    The site's rows (section 2) never leave a system reached from amoCRM."""
    graph = system(petshop, "amocrm", Filters(direction="out", depth=2))
    first = {"3.1", "3.2", "3.3", "3.4"}
    assert kept_rows(graph) == first | {"4.1", "4.2", "4.3", "5.1", "5.2", "5.3"}
    assert graph.name == "system-amocrm.direction-out.depth-2"
    assert kept_rows(system(petshop, "amocrm", Filters(direction="out"))) == first


def test_flow_filter_keeps_rows_between_the_flows_pairs(petshop: Map) -> None:
    """Flow 1 steps: user → site, site → amoCRM, site → analytics, amoCRM → UniSender,
    UniSender → analytics; the rows between those pairs are 2.1, 2.5, 2.3, 3.1 and 4.1."""
    chosen = petshop.flows[0]
    pairs = {(s.source, s.target) for s in chosen.steps}
    graph = overview(petshop, Filters(flow=1))
    assert kept_rows(graph) == {r.id for r in placed(petshop) if (r.source, r.target) in pairs}
    assert kept_rows(graph) == {"2.1", "2.3", "2.5", "3.1", "4.1"}
    assert graph.name == "overview.flow-1"


@pytest.mark.parametrize(
    ("filters", "stem"),
    [
        (Filters(status="needs_setup"), "overview.status-needs_setup"),
        (Filters(identifier="client_id"), "overview.identifier-client_id"),
        (Filters(system="amocrm"), "overview.system-amocrm"),
        (
            Filters(system="amocrm", direction="out", depth=2),
            "overview.system-amocrm.direction-out.depth-2",
        ),
        (Filters(method="API офлайн-конверсий"), None),
        (Filters(method="Webhook", status="configured"), None),
    ],
)
def test_a_filter_adds_an_ascii_suffix_to_the_file_stem(
    petshop: Map, filters: Filters, stem: str | None
) -> None:
    """``<view>.<filter>-<value>``: every view of the map, each filter in the stem, ASCII."""
    for graph in build(petshop, parse_views(petshop, "all"), filters, redact=False):
        assert ASCII_STEM.match(graph.name), graph.name
        view, _, suffix = graph.name.partition(".")
        assert view in ("overview", "identifiers", "architecture") or re.match(
            r"(flow|system)-", view
        )
        wanted = [
            f"{key}-{value}"
            for key, value in filters.applied()
            if not (key == "system" and graph.kind == "system")
        ]
        assert suffix == ".".join(wanted), graph.name
    if stem is not None:
        assert overview(petshop, filters).name == stem


# -- choosing views --------------------------------------------------------------------------


def test_all_expands_to_overview_flows_identifiers_and_systems(model: Map) -> None:
    assert parse_views(model, "all") == [
        ViewSpec("overview"),
        *(ViewSpec("flow", str(f.number)) for f in model.flows),
        ViewSpec("identifiers"),
        *(ViewSpec("system", s.id) for s in model.systems if s.kind != "actor"),
        ViewSpec("architecture"),
    ]
    assert parse_views(model, "flows,overview,overview") == [
        *(ViewSpec("flow", str(f.number)) for f in model.flows),
        ViewSpec("overview"),
    ]


def test_a_system_view_is_named_by_its_id(petshop: Map) -> None:
    assert parse_views(petshop, "system:amoCRM, system:Яндекс Метрика") == [
        ViewSpec("system", "amocrm"),
        ViewSpec("system", "iandeks-metrika"),
    ]
    names = [g.name for g in build(petshop, parse_views(petshop, "all"))]
    assert names[:8] == ["overview", *(f"flow-{n}" for n in range(1, 7)), "identifiers"]
    systems = [s.id for s in petshop.systems if s.kind != "actor"]
    assert names[8:] == [*(f"system-{key}" for key in systems), "architecture"]
    assert all(ASCII_STEM.match(name) for name in names)


@pytest.mark.parametrize("path", [SEED, *EXAMPLES], ids=lambda p: p.stem)
def test_unknown_views_flows_and_systems_name_the_valid_choices(path: Path) -> None:
    model = read(path)
    with pytest.raises(UsageError) as caught:
        parse_views(model, "overview,nope")
    for choice in ("overview", "flows", "flow:N", "identifiers", "system:S", "all"):
        assert choice in str(caught.value)
    assert "'nope'" in str(caught.value)
    with pytest.raises(UsageError) as caught:
        parse_views(model, "flow:99")
    assert "99" in str(caught.value)
    for chosen in model.flows:
        assert str(chosen.number) in str(caught.value).split("99", 1)[1]
    with pytest.raises(UsageError) as caught:
        parse_views(model, "system:nope")
    for found in model.systems:
        if found.kind != "actor":
            assert found.id in str(caught.value)


# -- redaction -------------------------------------------------------------------------------

SECRET = "sk_live_" + "Zq7Lm2Xc9Vb4Nw8Kp3Rt6Yh1"


def test_views_are_drawn_from_the_redacted_model(write_map) -> None:
    assert len(SECRET) == len("sk_live_") + 24
    text = SMALL_MAP.format(details=f"api_key={SECRET}")
    text = text.replace("сохраняет контакт", f"сохраняет контакт с ключом {SECRET}")
    model = flowviz.load(write_map(text))
    assert SECRET in model.flows[0].steps[-1].text
    specs = parse_views(model, "all")
    redacted = build(model, specs, redact=True)
    leaked = [text for text in strings(redacted) if SECRET in text]
    assert leaked == []
    tail = SECRET[4:]
    chunks = {tail[i : i + 6] for i in range(len(tail) - 5)}
    shown = [t for t in strings(redacted) if any(chunk in t for chunk in chunks)]
    assert shown == [], "a redacted secret shows more than its first four characters"
    plain = build(model, specs, redact=False)
    facts = [value for graph in plain for m in graph.members() for value in m.facts[1]]
    assert any(SECRET in value for value in facts), "the planted secret never reached a fact"


@pytest.mark.parametrize("path", [*EXAMPLES, SEED], ids=lambda p: p.stem)
def test_views_built_together_are_the_views_built_alone(path: Path) -> None:
    """``build`` makes the integration links once for all its views; each graph is still the
    one its view gives on its own."""
    model = redacted(flowviz.load(path))
    specs = parse_views(model, "all")
    together = build(model, specs, redact=False)
    alone = [build(model, [spec], redact=False)[0] for spec in specs]
    assert together == alone
    assert {g.kind for g in together} >= {"overview", "system", "architecture"}


@pytest.mark.parametrize("fold", [True, False], ids=["folded", "unfolded"])
def test_the_unfiltered_overview_from_rows_is_the_one_from_links(model: Map, fold: bool) -> None:
    """The unfiltered overview draws its edges straight from the rows; they are the edges the
    filtered views draw from the integration links (built, then folded by pair)."""
    links = integration_links(model)
    from_links = fold_edges(build_edges(links)) if fold else tuple(build_edges(links))
    assert integration_edges(model, fold) == from_links
    narrowed = overview(model, Filters(method=""), fold)  # a filter that keeps everything
    assert overview(model, fold=fold).edges == narrowed.edges


@pytest.mark.parametrize("fold", [True, False], ids=["folded", "unfolded"])
def test_edges_and_members_built_in_bulk_are_the_ones_their_classes_build(
    model: Map, fold: bool
) -> None:
    """The overview builds its members and edges without the classes' count of the fields
    (``graph.new_member``, ``graph.new_edge``); each is what the class builds from its
    fields by name, every field there."""
    for edge in integration_edges(model, fold):
        assert edge == Edge(**edge._asdict())
        assert len(edge) == len(Edge._fields)
        for member in edge.members:
            assert member == Member(**member._asdict())
            assert len(member) == len(Member._fields)
