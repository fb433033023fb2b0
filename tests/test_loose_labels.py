"""What an arrow's or a diagram edge's label says, in documents not in the template's shape:
a method word (``webhook``, ``sync``) is the row's method, the rest of the label its data, and
a bracket with no method word is data."""

from __future__ import annotations

import flowviz
from tests.conftest import FIXTURES

LOOSE = FIXTURES / "loose"


def _rows(name: str) -> list[tuple[int, str, str, str, str]]:
    model = flowviz.load(LOOSE / name)
    return [
        (r.line, r.source or "", r.target or "", r.source_data, r.method)
        for r in model.integrations
    ]


def test_arrow_lines_give_data_and_method() -> None:
    rows = _rows("ru-lead-arrows.md")
    assert rows[:5] == [
        (7, "tilda", "amocrm", "заявка с формы", "webhook"),
        (8, "amocrm", "unisender", "контакт после квалификации", ""),
        (9, "amocrm", "iandeks-metrika", "офлайн-конверсии", ""),
        (10, "roistat", "amocrm", "", ""),
        (10, "amocrm", "roistat", "", ""),
    ]


def test_navigation_and_funnel_lines_are_no_rows() -> None:
    lines = {row[0] for row in _rows("ru-lead-arrows.md")}
    assert not lines & {21, 23}


def test_mermaid_edge_labels_give_data_and_method() -> None:
    rows = _rows("en-mermaid-table.md")
    assert rows[:4] == [
        (5, "shopify-store", "segment", "order webhook", "webhook"),
        (6, "segment", "ga4", "", ""),
        (7, "segment", "hubspot", "", ""),
        (8, "hubspot", "mailchimp", "contact sync", "sync"),
    ]


def test_a_process_step_names_its_method_as_a_template_step_does() -> None:
    model = flowviz.load(LOOSE / "ru-lead-arrows.md")
    (flow,) = model.flows
    assert [(s.source, s.target, s.method) for s in flow.steps] == [
        ("tilda", None, None),
        ("tilda", "amocrm", "вебхук"),
        ("amocrm", None, None),
        ("amocrm", "unisender", None),
    ]
    assert (15, "tilda", "amocrm", "вебхук") in [
        row[:3] + row[4:] for row in _rows("ru-lead-arrows.md")
    ]
