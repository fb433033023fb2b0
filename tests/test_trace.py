"""The identifier tracer, the flow player's steps and the focus rule (``flowviz.views.trace``).

The hops of ``client_id`` in the seed template, ``email`` in ``ru-petshop`` and ``lead_id`` in
``en-saas`` are written out by hand from the maps' text (sections 2-7 and 10), with their
lines. The other statements hold for every identifier of every map we have: hops in flow order
then document order, each member once and each one a row, step, rule, binding or identifier of
the model that carries the identifier; a picture highlights exactly the edges whose members
carry it. The player gives one entry per step with the edges that draw it. The same traces in
two processes with other hash seeds: ``test_determinism``.
"""

from __future__ import annotations

from itertools import pairwise

import pytest
from drift_support import read

import flowviz
from flowviz.errors import UsageError
from flowviz.model import Map, System
from flowviz.views import (
    FOCUS_SYSTEMS,
    Hop,
    ViewSpec,
    all_identifiers,
    build,
    default_depth,
    flow,
    flow_steps,
    highlighted_edges,
    highlighted_nodes,
    identifiers,
    overview,
    redacted,
    resolve_identifier,
    trace,
)
from tests.conftest import MAPS, SEED, TEMPLATE_MAPS

MAP_FILES = TEMPLATE_MAPS


@pytest.fixture(scope="module", params=MAP_FILES, ids=[p.stem for p in MAP_FILES])
def model(request: pytest.FixtureRequest) -> Map:
    return read(request.param)


def brief(hops: tuple[Hop, ...]) -> list[tuple[str, str, str | None, str | None, int]]:
    return [(h.member, h.role, h.source, h.target, h.line) for h in hops]


# -- by hand ----------------------------------------------------------------------------------


def test_client_id_in_the_seed_template() -> None:
    found = trace(read(SEED), "client_id")
    assert found.identifier == "client_id"
    assert brief(found.hops) == [
        # section 7, in flow and step order
        ("step:1.4", "creates", "cms", "analytics", 189),  # "(создается client_id)"
        ("step:1.5", "sends", "crm", "analytics", 190),
        ("step:1.6", "sends", "esp", "analytics", 191),
        ("step:2.4", "sends", "crm", "analytics", 198),
        ("step:3.1", "receives", "analytics", None, 202),  # "Analytics собирает ... client_id"
        ("step:3.2", "sends", "analytics", "crm", 203),
        # then the document: rows of sections 2, 3 and 5 (section 4 never names client_id)
        ("integration:2.1", "sends", "cms", "crm", 70),
        ("integration:2.3", "sends", "cms", "analytics", 72),
        ("integration:3.2", "sends", "crm", "analytics", 92),
        ("integration:5.1", "sends", "analytics", "crm", 131),
        ("integration:5.2", "sends", "analytics", "crm", 132),
        ("integration:5.3", "sends", "analytics", "crm", 133),
        # section 6: "client_id (GA4 / Analytics)" and the sync rules that name it
        ("identifier:1", "creates", "ga4", None, 151),
        ("rule:6.1", "maps", "cms", "crm", 162),
        ("rule:6.3", "maps", "crm", "analytics", 164),
        ("rule:6.5", "maps", "analytics", "crm", 166),
        # section 10: the bindings client_id -> lead_id and subscriber_id -> client_id
        ("binding:10.1", "maps", "ga4", "crm", 298),
        ("binding:10.3", "maps", "esp", "ga4", 308),
    ]
    by_member = {h.member: h for h in found.hops}
    assert by_member["step:1.4"].target_parts == ("ga4", "meta-pixel")
    assert by_member["rule:6.5"].source_parts == ("ga4",)
    assert by_member["step:1.4"].method == "dataLayer/Pixel"
    assert by_member["rule:6.1"].text == "client_id → user_id, lead_id"
    assert by_member["binding:10.1"].text == "Привязка client_id к lead_id"
    assert by_member["identifier:1"].text == "уникальный идентификатор пользователя в аналитике"
    # the template's rows give their identifiers only as examples ("[Например: ...]")
    assert [h.example for h in found.hops if h.member.startswith("integration:")] == [True] * 6
    assert not any(h.example for h in found.hops if not h.member.startswith("integration:"))


def test_the_systems_on_client_id_path_in_the_seed_template() -> None:
    roles = dict(trace(read(SEED), "client_id").systems)
    assert roles["ga4"] == ("creates", "sends", "receives", "maps")  # owner; created in 1.4
    assert roles["meta-pixel"] == ("creates", "sends", "receives")
    assert roles["cms"] == ("sends", "maps")
    assert roles["crm"] == ("sends", "receives", "maps")
    assert roles["esp"] == ("sends", "maps")
    assert roles["iandeks-metrika"] == ("receives",)  # only row 2.3 names it
    assert list(roles)[:3] == ["cms", "ga4", "meta-pixel"]  # in the order hops name them


def test_email_in_ru_petshop() -> None:
    found = trace(read(MAPS / "ru-petshop.md"), "email")
    assert brief(found.hops) == [
        ("step:1.1", "sends", "user", "tilda", 128),
        ("step:3.1", "sends", "user", "tilda", 145),
        ("step:3.2", "sends", "tilda", "unisender", 146),
        ("integration:2.1", "sends", "tilda", "amocrm", 50),
        ("integration:2.2", "sends", "tilda", "unisender", 51),
        ("integration:2.4", "sends", "tilda", "cloudpayments", 53),
        ("integration:3.1", "sends", "amocrm", "unisender", 64),
        ("integration:3.4", "sends", "amocrm", "analytics", 67),
        ("integration:4.2", "sends", "unisender", "amocrm", 76),
        ("integration:4.3", "sends", "unisender", "amocrm", 77),
        # "email" is "Универсальный": no owner creates it
        ("rule:6.2", "maps", "tilda", "amocrm", 113),
        ("rule:6.3", "maps", "amocrm", "unisender", 114),
        ("rule:6.6", "maps", "unisender", "amocrm", 117),
        ("binding:10.5", "maps", None, None, 256),  # phone and email: neither has an owner
    ]


def test_lead_id_in_en_saas() -> None:
    found = trace(read(MAPS / "en-saas.md"), "LEAD_ID")
    assert found.identifier == "lead_id"
    assert brief(found.hops) == [
        ("step:1.2", "creates", "webflow", "hubspot", 126),  # "(creates lead_id and contact_id)"
        ("step:3.2", "sends", "hubspot", "analytics", 143),
        ("step:4.5", "sends", "mailchimp", "hubspot", 153),
        ("integration:2.1", "sends", "webflow", "hubspot", 50),
        ("integration:3.4", "sends", "hubspot", "analytics", 67),
        ("integration:4.3", "sends", "mailchimp", "hubspot", 77),
        ("identifier:3", "creates", "hubspot", None, 99),
        ("rule:6.1", "maps", "webflow", "hubspot", 109),
        # binding 1 ties client_id -> lead_id -> contact_id: both of its pairs name lead_id
        ("binding:10.1/1", "maps", "ga4", "hubspot", 231),
        ("binding:10.1/2", "maps", "hubspot", "hubspot", 231),
    ]


def test_client_id_in_en_saas_starts_where_the_flows_create_it() -> None:
    hops = trace(read(MAPS / "en-saas.md"), "client_id").hops
    created = [(h.member, h.source, h.target) for h in hops if h.role == "creates"]
    assert created == [("step:5.2", "webflow", "analytics"), ("identifier:1", "ga4", None)]


def test_an_unknown_identifier_is_refused_naming_the_valid_ones() -> None:
    model = read(SEED)
    with pytest.raises(UsageError) as expected:
        resolve_identifier(model, "visitor_id")
    with pytest.raises(UsageError) as raised:
        trace(model, "visitor_id")
    assert str(raised.value) == str(expected.value)
    assert "client_id, user_id, lead_id" in str(raised.value)


# -- every map, every identifier ------------------------------------------------------------


def members_of(model: Map) -> set[str]:
    """Every member id the model has, formed from the model here (not by the code tested)."""
    rules = next((s.number for s in model.sections if s.kind == "identifiers" and s.number), 6)
    schema = next((s.number for s in model.sections if s.kind == "id_schema" and s.number), 10)
    ids = {f"integration:{row.id}" for row in model.integrations}
    ids |= {f"step:{f.number}.{s.number}" for f in model.flows for s in f.steps}
    ids |= {f"rule:{rules}.{n}" for n in range(1, len(model.id_rules) + 1)}
    ids |= {f"identifier:{n}" for n in range(1, len(model.identifiers) + 1)}
    for row, binding in enumerate(model.bindings, start=1):
        base = f"binding:{schema}.{binding.number or row}"
        pairs = len(binding.identifiers) - 1
        ids |= {base} if pairs == 1 else {f"{base}/{n}" for n in range(1, pairs + 1)}
    return ids


def carrying(model: Map, name: str) -> set[str]:
    """The member ids of the rows, steps, rules and binding pairs that name ``name``."""
    wanted = name.casefold()

    def names(values: list[str] | tuple[str, ...]) -> bool:
        return wanted in {value.casefold() for value in values}

    rules = next((s.number for s in model.sections if s.kind == "identifiers" and s.number), 6)
    schema = next((s.number for s in model.sections if s.kind == "id_schema" and s.number), 10)
    found = {f"integration:{row.id}" for row in model.integrations if names(row.identifiers)}
    found |= {
        f"step:{f.number}.{s.number}"
        for f in model.flows
        for s in f.steps
        if names([*s.identifiers, *s.created])
    }
    found |= {
        f"rule:{rules}.{n}"
        for n, rule in enumerate(model.id_rules, start=1)
        if names([*rule.source_ids, *rule.target_ids])
    }
    for row, binding in enumerate(model.bindings, start=1):
        base = f"binding:{schema}.{binding.number or row}"
        pairs = list(pairwise(binding.identifiers))
        for n, pair in enumerate(pairs, start=1):
            if names(pair):
                found.add(base if len(pairs) == 1 else f"{base}/{n}")
    return found


def test_hops_are_the_members_that_carry_the_identifier_each_once(model: Map) -> None:
    known = members_of(model)
    owners = {
        f"identifier:{n}": ident.name.casefold()
        for n, ident in enumerate(model.identifiers, start=1)
        if ident.owner
    }
    for name in all_identifiers(model):
        found = trace(model, name)
        members = [hop.member for hop in found.hops]
        assert len(members) == len(set(members)), f"{name}: a member twice"
        assert set(members) <= known, f"{name}: {set(members) - known}"
        own = {m for m, owned in owners.items() if owned == name.casefold()}
        assert set(members) == carrying(model, name) | own, name
        assert found.members == frozenset(members)


def test_hops_come_in_flow_order_then_document_order(model: Map) -> None:
    flow_order = [f"step:{f.number}.{s.number}" for f in model.flows for s in f.steps]
    for name in all_identifiers(model):
        hops = trace(model, name).hops
        steps = [hop.member for hop in hops if hop.member.startswith("step:")]
        assert steps == [m for m in flow_order if m in steps], name
        assert [hop.member for hop in hops[: len(steps)]] == steps, name
        rest = [hop.line for hop in hops[len(steps) :]]
        assert rest == sorted(rest), name


def test_every_system_on_a_hop_is_listed_with_a_role(model: Map) -> None:
    systems = {s.id for s in model.systems}
    for name in all_identifiers(model):
        found = trace(model, name)
        listed = {entry.system for entry in found.systems}
        assert listed <= systems, name
        for hop in found.hops:
            sources = hop.source_parts or (hop.source,)
            targets = hop.target_parts or (hop.target,)
            assert {s for s in (*sources, *targets) if s} <= listed, hop
        assert all(entry.roles for entry in found.systems), name


def test_highlighted_edges_are_those_whose_members_carry_it(model: Map) -> None:
    graphs = [overview(model), overview(model, fold=False), identifiers(model)]
    graphs += [flow(model, f.number) for f in model.flows]
    for name in all_identifiers(model):
        found = trace(model, name)
        carried = carrying(model, name)
        for graph in graphs:
            expected = {e.id for e in graph.edges if {m.id for m in e.members} & carried}
            assert highlighted_edges(graph, found) == expected, (graph.name, name)


def test_a_folded_edge_is_highlighted_when_one_of_its_rows_carries_it() -> None:
    model = read(SEED)
    graph = overview(model)
    lit = highlighted_edges(graph, trace(model, "client_id"))
    folded = {e.id: [m.id for m in e.members] for e in graph.edges if e.id.startswith("pair:")}
    # CMS -> CRM folds rows 2.1 (client_id) and 2.4 (no client_id)
    assert folded["pair:cms/crm"] == ["integration:2.1", "integration:2.4"]
    assert "pair:cms/crm" in lit
    # ESP -> CRM folds rows 4.2 and 4.3: neither names client_id
    assert "pair:esp/crm" not in lit


def test_highlighted_nodes_are_the_ends_of_highlighted_edges_and_the_owner() -> None:
    model = read(SEED)
    found = trace(model, "client_id")
    graph = overview(model)
    lit = highlighted_edges(graph, found)
    nodes = highlighted_nodes(graph, found)
    ends = {end for e in graph.edges if e.id in lit for end in (e.source, e.target)}
    assert ends <= nodes
    assert "system:ga4" in nodes
    assert nodes <= {node.id for node in graph.nodes}


# -- the flow player ------------------------------------------------------------------------


def test_one_player_step_per_step_with_the_edges_that_draw_it(model: Map) -> None:
    for chosen in model.flows:
        graph = flow(model, chosen.number)
        steps = flow_steps(graph)
        assert [s.number for s in steps] == [s.number for s in chosen.steps]
        edges = {edge.id: edge for edge in graph.edges}
        for step, source in zip(steps, chosen.steps, strict=True):
            assert step.member == f"step:{chosen.number}.{source.number}"
            assert (step.text, step.line) == (source.text, source.line)
            assert step.method == (source.method or "")
            assert step.created == tuple(source.created)
            assert set(step.identifiers) == {*source.identifiers, *source.created}
            assert set(step.edges) <= set(edges)
            drawn = [e for e in graph.edges if step.member in {m.id for m in e.members}]
            assert list(step.edges) == [e.id for e in drawn]
            if source.source is None:
                assert step.edges == ()
            elif source.target is None:  # an internal step is a loop on its system
                assert step.edges
                assert all(edges[e].source == edges[e].target for e in step.edges)
            else:
                assert len(step.edges) == max(len(source.source_parts), 1) * max(
                    len(source.target_parts), 1
                )


def test_a_step_to_two_tools_has_two_edges() -> None:
    steps = flow_steps(flow(read(SEED), 1))
    assert steps[3].edges == ("step:1.4/cms/ga4", "step:1.4/cms/meta-pixel")
    assert steps[3].identifiers == ("client_id",)
    assert steps[3].created == ("client_id",)
    assert steps[1].edges == ("step:1.2",)


PLAYER_MAP = """\
## 1. Системы

- **CMS:** Tilda
- **CRM:** HubSpot

## 2. Интеграции сайта

| Источник данных на сайте | Получатель | Метод | Идентификаторы | Статус |
|---|---|---|---|---|
| Форма заказа | HubSpot | Webhook | lead_id | Настроено |

## 7. Потоки данных

**Поток 1: Заявка (Сайт → HubSpot)**

1. Пользователь заполняет форму на сайте
2. Сайт отправляет заявку в HubSpot через Webhook (создается lead_id)
3. Заявка обрабатывается
4. HubSpot сохраняет контакт по lead_id
"""


def test_the_player_keeps_a_step_with_no_sender_and_an_internal_step(write_map) -> None:
    model = flowviz.load(write_map(PLAYER_MAP))
    steps = flow_steps(flow(model, 1))
    assert [(s.number, s.edges) for s in steps] == [
        (1, ("step:1.1",)),
        (2, ("step:1.2",)),
        (3, ()),  # nobody acts: drawn nowhere, still a step of the player
        (4, ("step:1.4",)),  # HubSpot's own step: a loop
    ]
    assert steps[2].text == "Заявка обрабатывается"
    assert (steps[1].method, steps[1].created) == ("Webhook", ("lead_id",))
    hops = trace(model, "lead_id").hops
    assert brief(hops)[:2] == [
        ("step:1.2", "creates", "tilda", "hubspot", 17),
        ("step:1.4", "receives", "hubspot", None, 19),
    ]


def test_the_player_reads_flow_views_only() -> None:
    with pytest.raises(ValueError, match="not a flow view"):
        flow_steps(overview(read(SEED)))


# -- focus ------------------------------------------------------------------------------------


def with_systems(model: Map, count: int) -> Map:
    """``model`` with ``count`` systems besides its actors."""
    actors = [s for s in model.systems if s.kind == "actor"]
    made = [System(id=f"s{n}", name=f"S{n}", kind="other") for n in range(count)]
    return model.model_copy(update={"systems": [*made, *actors]})


def test_a_map_of_more_than_forty_systems_opens_at_depth_one() -> None:
    model = read(SEED)
    assert FOCUS_SYSTEMS == 40
    assert default_depth(with_systems(model, FOCUS_SYSTEMS)) is None
    assert default_depth(with_systems(model, FOCUS_SYSTEMS + 1)) == 1


def test_the_bundled_maps_open_whole(model: Map) -> None:
    assert default_depth(model) is None


SECRET = "sk_live_" + "Zq7Lm2Xc9Vb4Nw8Kp3Rt6Yh1"


def test_traced_from_the_redacted_model_no_secret_is_shown(write_map) -> None:
    text = PLAYER_MAP.replace("по lead_id", f"по lead_id с ключом {SECRET}")
    model = flowviz.load(write_map(text))
    assert any(SECRET in hop.text for hop in trace(model, "lead_id").hops)
    hidden = redacted(model)
    assert not any(SECRET[4:] in repr(value) for value in trace(hidden, "lead_id"))
    graph = build(model, [ViewSpec("flow", "1")])[0]
    assert not any(SECRET[4:] in repr(step) for step in flow_steps(graph))
