"""The seed template itself is the reference reading of section 7 and of the tables."""

from __future__ import annotations

import pytest

import flowviz
from tests.conftest import SEED


@pytest.fixture(scope="module")
def seed() -> flowviz.Map:
    return flowviz.load(SEED)


def test_four_system_groups_plus_the_user(seed: flowviz.Map) -> None:
    tops = [(s.id, s.kind) for s in seed.systems if s.parent is None]
    assert tops == [
        ("cms", "cms"),
        ("crm", "crm"),
        ("esp", "esp"),
        ("analytics", "analytics"),
        ("user", "actor"),
    ]
    parts = {s.name for s in seed.systems if s.parent == "analytics"}
    assert {"GA4", "Meta Pixel", "Яндекс Метрика"} <= parts


def test_thirteen_integrations_over_eight_pairs(seed: flowviz.Map) -> None:
    pairs = [(i.source, i.target) for i in seed.integrations]
    assert len(pairs) == 13
    assert set(pairs) == {
        ("cms", "crm"),
        ("cms", "esp"),
        ("cms", "analytics"),
        ("crm", "esp"),
        ("crm", "analytics"),
        ("esp", "analytics"),
        ("esp", "crm"),
        ("analytics", "crm"),
    }
    assert [i.id for i in seed.integrations][:4] == ["2.1", "2.2", "2.3", "2.4"]


def test_placeholders_keep_the_example_value(seed: flowviz.Map) -> None:
    first = seed.integrations[0]
    assert first.method == "Webhook / REST API"
    assert first.identifiers == ["lead_id", "client_id", "utm_source"]
    assert "method" in first.placeholders
    assert first.status == "unknown"
    assert first.status_text == "Настроено / Требует настройки"
    assert first.details.http_method == "POST"
    assert first.details.format == "JSON"
    assert first.details.auth == "Bearer"
    assert first.details.urls == ["https://crm.example.com/webhook/lead"]


def test_group_parts_on_each_side(seed: flowviz.Map) -> None:
    by_id = {i.id: i for i in seed.integrations}
    assert by_id["2.3"].target_parts == ["ga4", "meta-pixel", "iandeks-metrika"]
    assert by_id["3.3"].target_parts == ["ga4"]
    assert by_id["5.1"].source_parts == ["ga4", "meta-pixel"]
    assert by_id["2.3"].source == "cms", "a bracket in source data lists data, not parts"


def test_five_identifier_sync_rules(seed: flowviz.Map) -> None:
    rules = [(r.source, r.target) for r in seed.id_rules]
    assert rules == [
        ("cms", "crm"),
        ("crm", "esp"),
        ("crm", "analytics"),
        ("esp", "crm"),
        ("analytics", "crm"),
    ]
    assert seed.id_rules[0].source_ids == ["client_id"]
    assert seed.id_rules[0].target_ids == ["user_id", "lead_id"]


STEPS = {
    1: [
        ("user", "cms", None, [], []),
        ("cms", "crm", "Webhook/API", ["lead_id"], ["lead_id"]),
        ("crm", "esp", "API", ["subscriber_id"], ["subscriber_id"]),
        ("cms", "analytics", "dataLayer/Pixel", ["client_id"], ["client_id"]),
        ("crm", "analytics", "Conversion API", ["lead_id", "client_id"], []),
        ("esp", "analytics", "UTM-параметры", ["subscriber_id", "client_id"], []),
    ],
    2: [
        ("user", "esp", None, [], []),
        ("esp", "crm", "Webhook", [], []),
        ("cms", "analytics", "UTM-параметры", [], []),
        ("crm", "analytics", "Conversion API", ["client_id"], []),
    ],
    3: [
        ("analytics", None, None, ["client_id"], []),
        ("analytics", "crm", "API", ["client_id", "lead_id"], []),
        ("crm", None, None, [], []),
    ],
    4: [
        ("crm", None, None, [], []),
        ("crm", "esp", "API", [], []),
        ("esp", None, None, [], []),
        ("esp", "analytics", "UTM-параметры", [], []),
    ],
}


@pytest.mark.parametrize("number", sorted(STEPS))
def test_flow_steps_match_section_seven(seed: flowviz.Map, number: int) -> None:
    flow = next(f for f in seed.flows if f.number == number)
    got = [(s.source, s.target, s.method, s.identifiers, s.created) for s in flow.steps]
    assert got == STEPS[number]


def test_flow_titles_and_declared_paths(seed: flowviz.Map) -> None:
    assert [(f.title, f.path) for f in seed.flows] == [
        ("Создание лида", [["cms"], ["crm"], ["esp"], ["analytics"]]),
        ("Конверсия из email", [["esp"], ["crm"], ["analytics"]]),
        ("Синхронизация атрибуции", [["analytics"], ["crm"]]),
        ("Автоматизация email-цепочек", [["crm"], ["esp"], ["analytics"]]),
    ]
    assert seed.flows[0].steps[3].target_parts == ["ga4", "meta-pixel"]


def test_requirements_read_as_numbers(seed: flowviz.Map) -> None:
    figures = {r.key: (r.comparator, r.value, r.unit) for r in seed.requirements if r.value}
    assert figures == {
        "timeout": ("<=", 5.0, "s"),
        "retries": ("=", 3.0, "count"),
        "throughput": (">=", 1000.0, "per_minute"),
        "latency": ("<=", 2.0, "s"),
        "success_rate": (">=", 99.9, "percent"),
        "alert_threshold": (">=", 5.0, "percent"),
    }
    retries = next(r for r in seed.requirements if r.key == "retries")
    assert retries.backoff == [1.0, 2.0, 4.0]
    alerts = next(r for r in seed.requirements if r.key == "alert_threshold")
    assert alerts.window == 300.0


def test_test_plan_identifiers_and_checklist(seed: flowviz.Map) -> None:
    assert len(seed.tests) == 7
    assert seed.tests[0].systems == ["cms", "crm"]
    assert seed.tests[6].systems == []
    assert "due" in seed.tests[0].placeholders
    assert [i.name for i in seed.identifiers] == [
        "client_id",
        "user_id",
        "lead_id",
        "subscriber_id",
        "email",
        "phone",
    ]
    client = seed.identifiers[0]
    assert client.owner == "ga4"
    assert client.uniqueness == "Уникальный для каждого пользователя"
    assert len(client.lines) == 2
    assert [b.identifiers for b in seed.bindings] == [
        ["client_id", "lead_id"],
        ["lead_id", "subscriber_id"],
        ["subscriber_id", "client_id"],
    ]
    assert [c.section for c in seed.checklist] == [1, 2, 3, 4, 5, 6, 7]
    assert not any(c.checked for c in seed.checklist)


def test_sections_found_by_number_and_keywords(seed: flowviz.Map) -> None:
    kinds = [(s.number, s.kind) for s in seed.sections]
    assert kinds == [
        (None, "checklist"),
        (1, "overview"),
        (2, "integrations"),
        (3, "integrations"),
        (4, "integrations"),
        (5, "integrations"),
        (6, "identifiers"),
        (7, "flows"),
        (8, "requirements"),
        (9, "tests"),
        (10, "id_schema"),
    ]
    assert seed.language == "ru"


def test_no_warnings_on_the_template(seed: flowviz.Map) -> None:
    assert [d for d in seed.diagnostics if d.severity != "info"] == []
