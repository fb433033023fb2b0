"""What an edge's tooltip in the DOT picture says: every member with everything it says, or,
when that would be too long to read (or to hover), every member on a line of its own."""

from __future__ import annotations

import re

from flowviz.graph import Edge, Graph, Member, Node
from flowviz.render.dot import TOOLTIP_FULL_MAX, to_dot


def _member(row: int, purpose: str) -> Member:
    return Member(
        id=f"integration:2.{row}",
        kind="integration",
        line=10 + row,
        label="Webhook",
        status="configured",
        facts=(("source_data", "method", "purpose"), (f"Заказ {row}", "Webhook", purpose)),
    )


def _tooltip(members: tuple[Member, ...]) -> str:
    graph = Graph(
        kind="overview",
        name="overview",
        title="t",
        language="ru",
        nodes=(Node("system:site", "site", "Сайт", "cms"), Node("system:crm", "crm", "CRM", "crm")),
        edges=(Edge("pair:site/crm", "system:site", "system:crm", "n", members, "configured"),),
    )
    (line,) = [line for line in to_dot(graph).splitlines() if " -> " in line]
    found = re.search(r' tooltip="((?:[^"\\]|\\.)*)"', line)
    assert found is not None
    return found.group(1).replace("\\n", "\n")


def test_a_folded_edge_lists_every_member_with_every_fact() -> None:
    tooltip = _tooltip((_member(1, "Лиды"), _member(2, "Оплаты")))
    assert tooltip.split("\n\n") == [
        "2.1\nИсточник данных: Заказ 1\nМетод: Webhook\nЦель: Лиды\n(строка 11)",
        "2.2\nИсточник данных: Заказ 2\nМетод: Webhook\nЦель: Оплаты\n(строка 12)",
    ]


def test_a_tooltip_too_long_to_read_gives_each_member_one_line() -> None:
    members = tuple(_member(row, "x" * 400) for row in range(1, 31))
    tooltip = _tooltip(members)
    assert len(tooltip) < TOOLTIP_FULL_MAX
    lines = tooltip.split("\n")
    assert len(lines) == len(members)
    for member, line in zip(members, lines, strict=True):
        assert line.startswith(member.id.removeprefix("integration:") + " · ")
        assert line.endswith(f"(строка {member.line})")
