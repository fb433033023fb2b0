"""Documents not in the template's shape: edge statements, diagrams and their traps."""

from __future__ import annotations

import pytest

from flowviz.errors import MapError
from flowviz.load import load
from flowviz.model import Map
from flowviz.parse.worded import document_subject
from tests.loose_support import named_edges as _edges


def _codes(model: Map) -> list[tuple[str, int]]:
    return [(d.code, d.line) for d in model.diagnostics]


def test_arrow_lines_of_every_form_are_edges_with_their_lines(write_map) -> None:
    model = load(
        write_map(
            "# Лиды\n\n"
            "- Tilda → amoCRM: заявка\n"
            "- amoCRM ⇒ Telegram (webhook)\n"
            "- Mailchimp ⇐ amoCRM\n"
            "- amoCRM ↔ Google Sheets\n"
            "- Tilda → GA4 → BigQuery\n"
            "## amoCRM → Slack, UniSender & Zendesk\n"
        )
    )
    assert _edges(model) == [
        ("Tilda", "amoCRM", 3),
        ("amoCRM", "Telegram", 4),
        ("amoCRM", "Mailchimp", 5),
        ("amoCRM", "Google Sheets", 6),
        ("Google Sheets", "amoCRM", 6),
        ("Tilda", "GA4", 7),
        ("GA4", "BigQuery", 7),
        ("amoCRM", "Slack", 8),
        ("amoCRM", "UniSender", 8),
        ("amoCRM", "Zendesk", 8),
    ]
    first, second = model.integrations[:2]
    assert (first.id, first.source_data) == ("0.1", "заявка")
    assert (second.method, second.source_data) == ("webhook", "")
    assert [i.id for i in model.integrations if i.line == 6] == ["0.4", "0.4b"]
    assert {s.name: s.kind for s in model.systems}["amoCRM"] == "crm"


def test_traps_are_not_edges(write_map) -> None:
    model = load(
        write_map(
            "# Notes\n\n- Tilda → amoCRM\n"
            "- Настройки → Интеграции → amoCRM\n"
            "- визуальная команда → diff → применение\n"
            "- команда → diff → применение\n"
            "- **Робот не отображается** → Проверьте параметр FILTER и тип документа\n"
            "- MQL → SQL → Won\n"
            "- email → Email\n"
        )
    )
    assert _edges(model) == [("Tilda", "amoCRM", 3)]


def test_a_vertical_chain_in_a_code_block_is_one_edge_per_hop(write_map) -> None:
    model = load(
        write_map(
            "# Карта\n\n```text\nБитрикс24 (встройка)\n   |\n   v\nFrontend SPA: чат\n"
            "   | HTTPS\n   v\nBackend на сервере\n   |-- /api/data -> поля -> Вайбкод\n"
            "  -> Gateway\n```\n"
        )
    )
    assert _edges(model) == [
        ("Битрикс24", "Frontend SPA", 4),
        ("Frontend SPA", "Backend", 7),
        ("Backend", "Gateway", 10),
        ("Backend", "Вайбкод", 11),
    ]
    assert model.integrations[1].source_data == "HTTPS"


def test_a_request_and_a_list_of_doings_in_a_vertical_chain_are_no_boxes(write_map) -> None:
    """``POST /webhook/payment`` between two boxes is the way from one to the other, and a
    numbered list under a box (``1. Поиск контакта`` …, with a mapping ``"Русский" → enum_id``
    among its points) is what that box does: the chain goes on from the box, on the list's
    last line."""
    model = load(
        write_map(
            "# Оплаты\n\n```\nПлатформа Tilda (оплата)\n    ↓\nPOST /webhook/payment + HMAC\n"
            "    ↓\nFastAPI endpoint (проверка подписи)\n    ↓\nPaymentProcessor (логика)\n"
            "    ↓\n1. Поиск контакта\n2. Обновление полей:\n"
            '   - Предметы (маппинг: "Русский" → enum_id)\n   - Сумма оплаты\n'
            "3. Создание примечания\n    ↓\namoCRM API (обновление данных)\n```\n"
        )
    )
    assert _edges(model) == [
        ("Платформа Tilda", "FastAPI", 4),
        ("FastAPI", "PaymentProcessor", 8),
        ("PaymentProcessor", "amoCRM", 16),
    ]
    assert model.integrations[0].source_data == "POST /webhook/payment + HMAC"


def test_a_mermaid_flowchart_gives_its_edges_and_labels(write_map) -> None:
    model = load(
        write_map(
            "# Flow\n\n```mermaid\nflowchart LR\n  A[Tilda form] -->|lead| B(amoCRM)\n"
            '  B -- "new deal" --> C{{Telegram bot}}\n  B <--> D[(Sheets)]\n  A & B --> E\n```\n'
        )
    )
    assert _edges(model) == [
        ("Tilda form", "amoCRM", 5),
        ("amoCRM", "Telegram bot", 6),
        ("amoCRM", "Sheets", 7),
        ("Sheets", "amoCRM", 7),
        ("Tilda form", "E", 8),
        ("amoCRM", "E", 8),
    ]
    assert [i.source_data for i in model.integrations[:2]] == ["lead", "new deal"]


def test_a_sequence_diagram_is_a_flow_of_numbered_steps(write_map) -> None:
    model = load(
        write_map(
            "# Заявка\n\n## Как это работает\n\n```mermaid\nsequenceDiagram\n"
            "  participant S as Сайт\n  S->>+CRM: заявка\n  Note over S: x\n"
            "  CRM-->>Telegram: уведомление\n```\n"
        )
    )
    (flow,) = model.flows
    assert flow.title == "Как это работает"
    assert [(s.number, s.text, s.line) for s in flow.steps] == [
        (1, "заявка", 8),
        (2, "уведомление", 10),
    ]
    assert _edges(model) == [("Сайт", "CRM", 8), ("CRM", "Telegram", 10)]


def test_plantuml_arrows_are_edges(write_map) -> None:
    model = load(
        write_map(
            '# Arch\n\n```plantuml\n@startuml\nparticipant "Web site" as W\n'
            "W -> CRM : lead\nCRM <-- ESP\n' comment\n@enduml\n```\n"
        )
    )
    assert _edges(model) == [("Web site", "CRM", 6), ("ESP", "CRM", 7)]


def test_a_diagram_statement_that_does_not_parse_is_reported_and_the_rest_read(
    write_map,
) -> None:
    model = load(
        write_map(
            '# W\n\n```mermaid\nflowchart TD\n  A --> B -- "open label\n  text\n  B --> C\n```\n'
        )
    )
    assert ("FV112", 5) in _codes(model)
    assert _edges(model) == [("A", "B", 5), ("B", "C", 7)]


def test_a_process_list_is_a_flow_and_a_step_naming_two_systems_an_edge(write_map) -> None:
    model = load(
        write_map(
            "# Перенос\n\nДанные идут в витрину. Для этого:\n\n"
            "1. Перенесите данные из Яндекс Директ в Object Storage с использованием "
            "Cloud Functions.\n"
            "2. Выгрузите данные в Object Storage (S3).\n\n"
            "## How it works\n\n### 1. Trigger\n\n- text\n\n### 2. Notify\n\n- more\n"
        )
    )
    first, second = model.flows
    assert (first.title, [s.line for s in first.steps]) == ("Для этого", [5, 6])
    assert (second.title, [s.text for s in second.steps]) == (
        "How it works",
        ["1. Trigger", "2. Notify"],
    )
    assert _edges(model) == [("Яндекс Директ", "Object Storage", 5)]
    assert first.steps[1].target is None


@pytest.mark.parametrize(
    ("title", "items"),
    [
        ("**Data flow**", "1. **Extract**: orders leave Shopify for Klaviyo\n2. Log the run\n"),
        ("__Как это работает__", "- Заявка с Tilda уходит в amoCRM\n- Менеджер звонит\n"),
    ],
    ids=["en", "ru"],
)
def test_a_wholly_bold_line_over_a_list_is_a_process_heading(write_map, title, items) -> None:
    model = load(write_map(f"# Notes\n\nSome text.\n\n{title}\n\n{items}"))
    (flow,) = model.flows
    assert (flow.title, flow.line, [s.line for s in flow.steps]) == (title.strip("*_"), 5, [7, 8])
    assert len(_edges(model)) == 1


def test_a_numbered_list_broken_by_bullets_goes_on_as_one_flow(write_map) -> None:
    """``5.`` after a bulleted list under ``4.`` (written at the margin, so Markdown ends the
    numbered list there) is the fifth step; the bullets are the fourth step's notes, and
    their arrows (a branch's actions in order) are no edges."""
    model = load(
        write_map(
            "# Leads\n\n## How it works\n\n"
            "1. The form on Tilda sends the lead to amoCRM.\n"
            "2. **Save the lead**\n"
            "- **Sheets branch**: find the row → update it\n"
            "3. amoCRM sends the contact to Unisender.\n"
        )
    )
    (flow,) = model.flows
    assert [s.line for s in flow.steps] == [5, 6, 8]
    assert flow.steps[1].notes == ["Sheets branch: find the row → update it"]
    assert _edges(model) == [("Tilda", "amoCRM", 5), ("amoCRM", "Unisender", 8)]


@pytest.mark.parametrize(
    ("step", "expected"),
    [
        ("Posts a Slack message, optionally including a HubSpot link", ("n8n", "Slack")),
        ("Creates a contact in Pipedrive, along with a Google Sheets row", ("n8n", "Pipedrive")),
        ("Отправляет письмо в Unisender, включая ссылку на сделку в amoCRM", ("n8n", "Unisender")),
    ],
    ids=["including", "along-with", "включая"],
)
def test_a_system_in_what_goes_along_is_no_end_of_the_step(write_map, step, expected) -> None:
    model = load(write_map(f"# Leads in n8n\n\n## How it works\n\n1. **Notify**\n{step}\n"))
    assert _edges(model) == [(*expected, 6)]


@pytest.mark.parametrize(
    ("heading", "items", "expected"),
    [
        (
            "## Actions performed",
            "1. **Slack Setup**\n\n   * Creates a client channel\n   * Posts a welcome message\n"
            "2. **Save the deal**\n\n   * Saves the proposal in Pipedrive\n",
            [("n8n", "Slack", 9), ("n8n", "Pipedrive", 13)],
        ),
        (
            "## Что происходит",
            "1. **Telegram**\n   - Отправляет сообщение в Telegram\n"
            "2. **Сделка**\n   - Создаёт сделку в amoCRM\n",
            [("n8n", "Telegram", 8), ("n8n", "amoCRM", 10)],
        ),
    ],
    ids=["en", "ru"],
)
def test_the_items_nested_in_a_step_are_its_transfers_on_their_own_lines(
    write_map, heading, items, expected
) -> None:
    """One transfer per pair a step's nested items state (the second Slack item joins no new
    pair); a step's opening verb (``Saves``) never names a system whose name it begins
    (``Save Folder ID``, a node listed elsewhere)."""
    text = f"# Onboarding in n8n\n\nNodes: Save Folder ID → Pipedrive.\n\n{heading}\n\n{items}"
    model = load(write_map(text))
    assert [e for e in _edges(model) if e[2] > 4] == expected


def test_a_line_that_states_a_sync_in_words_is_an_edge(write_map) -> None:
    """``<sync word> X из A с Y в B`` and ``Sync X from A to B``: A's records go to B; a sync
    ``между A и B`` says no way and is no edge."""
    model = load(
        write_map(
            "# Интеграция\n\n"
            "- Синхронизация сделок непосредственно из amoCRM с заказами в 1С\n"
            "- Синхронизация остатков в 1С с товарами в Tilda\n"
            "- Синхронизация счетов непосредственно из 1С с amoCRM\n"
            "- Синхронизация заказов напрямую между amoCRM и 1С\n"
            "- Sync contacts from HubSpot to Mailchimp\n"
        )
    )
    assert _edges(model) == [
        ("amoCRM", "1С", 3),
        ("1С", "Tilda", 4),
        ("1С", "amoCRM", 5),
        ("HubSpot", "Mailchimp", 7),
    ]


def test_an_arrow_from_a_steps_name_to_a_sentence_is_a_dash(write_map) -> None:
    """``**Node** → Sentence``: the arrow is a dash between the step's name and what it does
    (the step keeps its text as written); an arrow to a system stays an edge."""
    model = load(
        write_map(
            "# Requests in n8n\n\n## Workflow overview\n\n"
            "1. **Telegram Trigger** → Listens for new messages from the bot.\n"
            "2. **Google Sheets (Append Row)** → Stores the request.\n"
            "3. **Tilda** → amoCRM\n"
        )
    )
    assert _edges(model) == [
        ("Telegram", "n8n", 5),
        ("n8n", "Google Sheets", 6),
        ("Tilda", "amoCRM", 7),
    ]
    assert [s.text for s in model.flows[0].steps] == [
        "Telegram Trigger → Listens for new messages from the bot.",
        "Google Sheets (Append Row) → Stores the request.",
        "Tilda → amoCRM",
    ]


def test_a_line_of_boxes_in_a_drawing_is_a_chain_of_its_boxes(write_map) -> None:
    """``[A (x)] -> [B / C]`` in a plain code block: every box is one node named as written,
    a bracket or a slash inside it included."""
    model = load(
        write_map("# Architecture\n\n```\n[Форма (Tilda)] -> [Webhook / Albato] -> [amoCRM]\n```\n")
    )
    assert _edges(model) == [
        ("Форма (Tilda)", "Webhook / Albato", 4),
        ("Webhook / Albato", "amoCRM", 4),
    ]


def test_a_rail_under_one_box_fans_out_to_every_box_under_its_drops(write_map) -> None:
    """A tree drawn with a rail: the stroke from the box above meets the rail without a
    ``+``, and each drop reaches a box below; several boxes over a rail join one box under it."""
    drawing = (
        "           [Router]\n"
        "               |\n"
        "   +-----------+----------+\n"
        "   |                      |\n"
        "[amoCRM]            [Unisender]\n"
        "\n"
        "[Tilda]      [Albato]\n"
        "   |            |\n"
        "   +-----+------+\n"
        "         |\n"
        "     [Bitrix24]\n"
    )
    model = load(write_map(f"# Architecture\n\n```\n{drawing}```\n"))
    assert _edges(model) == [
        ("Router", "amoCRM", 4),
        ("Router", "Unisender", 4),
        ("Tilda", "Bitrix24", 10),
        ("Albato", "Bitrix24", 10),
    ]


def test_a_table_of_edges_anywhere_is_read_as_integrations(write_map) -> None:
    model = load(
        write_map(
            "# Обмен\n\n| Источник | Получатель | Данные |\n|---|---|---|\n"
            "| Tilda | amoCRM | заявка |\n| amoCRM | Telegram, Slack | уведомление |\n\n"
            "| Producer | Consumer |\n|---|---|\n| Shopify | BigQuery |\n\n"
            "| Направление | Что |\n|---|---|\n| Tilda → Mailchimp | подписка |\n"
        )
    )
    assert _edges(model) == [
        ("Tilda", "amoCRM", 5),
        ("amoCRM", "Telegram", 6),
        ("amoCRM", "Slack", 6),
        ("Shopify", "BigQuery", 10),
        ("Tilda", "Mailchimp", 14),
    ]
    assert [i.id for i in model.integrations] == ["0.1", "0.2", "0.3", "0.4", "0.5"]
    assert _codes(model) == [("FV111", 1)]


def test_a_step_naming_one_system_has_the_workflow_engine_as_its_other_end(write_map) -> None:
    model = load(
        write_map(
            "# Report\n\nThis n8n workflow builds a report.\n\n## Workflow\n\n"
            "1. **Get Google Analytics Data**: fetches sessions from Google Analytics.\n"
            "2. **Process GA Data**: parses the raw Google Analytics data.\n"
            "3. **Save Report to Google Drive**: uploads the report.\n"
            "4. **Get Twitter Analytics**: gathers metrics from Twitter.\n"
        )
    )
    assert _edges(model) == [
        ("Google Analytics", "n8n", 7),
        ("n8n", "Google Drive", 9),
        ("Twitter", "n8n", 10),
    ]


@pytest.mark.parametrize(
    ("step", "expected"),
    [
        ("Retrieves the lead's details using the HubSpot API.", [("HubSpot", "n8n", 7)]),
        ("Получает сделку с помощью API amoCRM.", [("amoCRM", "n8n", 7)]),
        ("Sends the summary to Slack using a webhook.", [("n8n", "Slack", 7)]),
        ("Scores the lead using JavaScript.", []),
    ],
)
def test_a_tool_named_only_after_using_is_the_steps_one_system(write_map, step, expected) -> None:
    """``using X`` names the tool of a step; when nothing before it is a system, X is the
    step's one system and the engine its other end."""
    model = load(write_map(f"# Leads\n\nAn n8n workflow.\n\n## Workflow\n\n1. {step}\n"))
    assert _edges(model) == expected


def test_points_under_a_numbered_step_heading_are_transfers_of_that_step(write_map) -> None:
    model = load(
        write_map(
            "# Onboarding\n\nRuns on n8n.\n\n## Workflow Overview\n\n### 1. Trigger\n"
            "- **Source:** events from **Stripe**\n\n### 2. Accounts\n"
            "- **HubSpot CRM:** Creates contact\n- **Plan:** premium or not\n"
        )
    )
    (flow,) = model.flows
    assert [s.text for s in flow.steps] == ["1. Trigger", "2. Accounts"]
    assert flow.steps[1].lines == [11, 12]
    assert _edges(model) == [("Stripe", "n8n", 8), ("n8n", "HubSpot", 11)]


def test_a_mermaid_subgraph_is_a_group_whose_nodes_are_its_tools(write_map) -> None:
    model = load(
        write_map(
            "# Setup\n\n```mermaid\ngraph LR\n  subgraph Server [Production server]\n"
            "    W[web-server] --> P[PHP app]\n  end\n  T[Tilda] --> W\n```\n"
        )
    )
    parents = {s.name: s.parent for s in model.systems}
    assert parents["web-server"] == parents["PHP app"] == "production-server"
    assert parents["Tilda"] is None
    inner, outer = model.integrations
    assert (inner.source, inner.source_parts, inner.target_parts) == (
        "production-server",
        ["web-server"],
        ["php-app"],
    )
    assert (outer.source, outer.target, outer.target_parts) == (
        "tilda",
        "production-server",
        ["web-server"],
    )


@pytest.mark.parametrize(
    ("step", "expected"),
    [
        (
            "Tilda sends the lead to HubSpot, Mailchimp and Slack.",
            [("Tilda", "HubSpot", 7), ("Tilda", "Mailchimp", 7), ("Tilda", "Slack", 7)],
        ),
        (
            "Метрика и GA4 передают события в BigQuery.",
            [("Метрика", "BigQuery", 7), ("GA4", "BigQuery", 7)],
        ),
        (
            "Заказы выгружаются из Shopify или WooCommerce в ClickHouse.",
            [("Shopify", "ClickHouse", 7), ("WooCommerce", "ClickHouse", 7)],
        ),
        ("Tilda sends the lead to HubSpot, then notifies the team.", [("Tilda", "HubSpot", 7)]),
        (
            "Fluent Bit / Logstash write the logs to ClickHouse.",
            [("Fluent Bit", "ClickHouse", 7), ("Logstash", "ClickHouse", 7)],
        ),
        (
            "Tilda sends the lead to HubSpot with the owner's name and Slack posts it.",
            [("Tilda", "HubSpot", 7)],
        ),
        (
            "n8n, the Acme scheduler, Airflow and Slack are used to run the nightly jobs.",
            [],
        ),
        (
            "Tilda, the Acme form service and Typeform send their leads to HubSpot.",
            [("Tilda", "HubSpot", 7), ("Typeform", "HubSpot", 7)],
        ),
    ],
)
def test_systems_listed_together_are_each_an_end_of_the_step(write_map, step, expected) -> None:
    """A list of systems (commas, ``and``/``or``, ``и``/``или``, a spaced ``/``) at one end of a
    step gives an
    edge for each, a name that is no system among them (``the Acme scheduler``) breaking no
    list; a system after a longer phrase is not one of the list."""
    model = load(write_map(f"# Leads\n\nA lead's path.\n\n## How it works\n\n1. {step}\n"))
    assert _edges(model) == expected


def test_a_product_named_in_full_is_not_the_product_that_plays_its_role(write_map) -> None:
    """GTM is an analytics product; ``Google Analytics`` is still a system of its own."""
    model = load(write_map("# Tags\n\n- GTM → Tilda: tags\n- Tilda → Google Analytics: events\n"))
    assert _edges(model) == [("GTM", "Tilda", 3), ("Tilda", "Google Analytics", 4)]


@pytest.mark.parametrize(
    ("step", "expected"),
    [
        ("Tilda collects the form. It then sends the lead to HubSpot.", [("Tilda", "HubSpot", 7)]),
        (
            "Cloud Functions читает файл. Затем она передаёт строки в ClickHouse.",
            [("Cloud Functions", "ClickHouse", 7)],
        ),
        (
            "The Stream Analytics job starts, which receives the events from Event Hubs.",
            [("Event Hubs", "Stream Analytics", 7)],
        ),
        ("Mailchimp sends the campaign. It is as reliable as HubSpot.", []),
        ("Систему описывает аналитик. Она передаёт данные в ClickHouse.", []),
    ],
)
def test_a_later_clause_whose_subject_is_a_pronoun_moves_data_of_the_first_system(
    write_map, step, expected
) -> None:
    """``It then sends … to X`` / ``Затем она передаёт … в X``: the step's first system is
    the sender; a clause that names its system with no preposition of place gives nothing."""
    model = load(write_map(f"# Leads\n\nA lead's path.\n\n## How it works\n\n1. {step}\n"))
    assert _edges(model) == expected


@pytest.mark.parametrize(
    "step",
    [
        "The event is reported to Google Analytics and/or Google Ads.",
        "The purchase event triggers the Analytics tag and the Google Ads tag.",
        "Amazon MSK or self-built Kafka is used as a buffer.",
    ],
)
def test_systems_that_are_all_one_list_are_not_each_others_ends(write_map, step) -> None:
    model = load(write_map(f"# Tags\n\nA tag's path.\n\n## How it works\n\n1. {step}\n"))
    assert _edges(model) == []


def test_a_product_in_a_russian_case_form_is_the_product(write_map) -> None:
    """``из Яндекс Метрики`` names Яндекс Метрика; a lower-case common word (``метрики
    производительности``) names nothing."""
    model = load(
        write_map(
            "# Отчёты\n\nПуть данных.\n\n## Как это работает\n\n"
            "1. Сервер отдаёт метрики производительности в ClickHouse.\n"
            "2. В ClickHouse данные приходят из Яндекс Метрики через Logs API.\n"
            "3. DataLens строит отчёты по данным ClickHouse.\n"
        )
    )
    assert _edges(model) == [
        ("Яндекс Метрика", "ClickHouse", 8),
        ("ClickHouse", "DataLens", 9),
    ]


@pytest.mark.parametrize(
    "heading",
    [
        "Шаги по созданию решения",
        "Setup steps",
        "Installation process",
        "Базовый сценарий проверки",
        "Test scenario",
    ],
)
def test_a_list_of_setup_steps_is_not_a_process(write_map, heading) -> None:
    """Setup work, or a test to run by hand, is a plan for the reader, not a process."""
    text = f"# Guide\n\n## {heading}\n\n1. Перенести данные из amoCRM в ClickHouse\n"
    model = load(write_map(text + "\n- amoCRM → ClickHouse\n"))
    assert model.flows == []


@pytest.mark.parametrize(
    ("step", "expected"),
    [
        (
            "Zapier creates a contact in HubSpot and adds it to the Mailchimp audience.",
            [("Zapier", "HubSpot", 7), ("Zapier", "Mailchimp", 7)],
        ),
        (
            "Albato забирает заявку из Tilda и создаёт сделку в amoCRM.",
            [("Tilda", "Albato", 7), ("Albato", "amoCRM", 7)],
        ),
        (
            "The backend writes the order to PostgreSQL; Metabase then reads it from PostgreSQL.",
            [("PostgreSQL", "Metabase", 7)],
        ),
        (
            "Tilda sends the lead to HubSpot; this replaces the form export.",
            [("Tilda", "HubSpot", 7)],
        ),
    ],
)
def test_a_steps_second_action_or_clause_gives_its_own_edge(write_map, step, expected) -> None:
    """``… and adds it to X`` is another transfer of the step's subject; a clause that starts
    with a system of its own is read as a step of its own."""
    model = load(write_map(f"# Leads\n\nA lead's path.\n\n## How it works\n\n1. {step}\n"))
    assert _edges(model) == expected


STEPS_UNDER_ANY_HEADING = """# Обмен данными

## {heading}

1. {first}
2. Из Битрикс24 раз в сутки выгружаются сделки в Google Sheets.
3. Google Sheets подтягиваются в Looker Studio для отчётов.
"""


def test_a_numbered_list_of_transfers_is_a_flow_under_any_heading(write_map) -> None:
    """Items that say what systems do make a numbered list a flow, whatever its heading."""
    text = STEPS_UNDER_ANY_HEADING.format(
        heading="Схема обмена", first="Заявка уходит в Битрикс24 через вебхук."
    )
    model = load(write_map(text))
    assert [(f.title, len(f.steps)) for f in model.flows] == [("Схема обмена", 3)]
    assert _edges(model) == [
        ("Битрикс24", "Google Sheets", 6),
        ("Google Sheets", "Looker Studio", 7),
    ]


@pytest.mark.parametrize(
    ("heading", "first"),
    [
        ("Схема обмена", "Подключите Битрикс24 к Google Sheets."),
        ("Схема обмена", "Connect Google Sheets to Looker Studio."),
        ("Шаги по созданию решения", "Заявка уходит в Битрикс24 через вебхук."),
        ("Используемые сервисы", "Заявка уходит в Битрикс24 через вебхук."),
    ],
)
def test_a_numbered_plan_of_work_or_components_list_is_no_flow(write_map, heading, first) -> None:
    """An item telling the reader what to do, a setup heading or a components heading keeps
    a numbered list out of the flows."""
    text = STEPS_UNDER_ANY_HEADING.format(heading=heading, first=first) + "\n- Tilda → Битрикс24\n"
    model = load(write_map(text))
    assert model.flows == []


def test_an_end_named_as_a_component_is_a_system_even_written_once(write_map) -> None:
    """``Event Service``, ``Event queue``, a lone ``Gateway``: systems by their form; one
    component is never another for sharing its component word (``User Service``)."""
    model = load(
        write_map(
            "# Services\n\n- Gateway → Event Service\n- Gateway → User Service\n"
            "- User Service → Event queue\n"
        )
    )
    assert _edges(model) == [
        ("Gateway", "Event Service", 3),
        ("Gateway", "User Service", 4),
        ("User Service", "Event queue", 5),
    ]


@pytest.mark.parametrize(
    "line",
    [
        "- **Service ↔ Service**: REST через Gateway",
        "- API → Service → DB",
        "- Выбор события → Выбор мест → Корзина → Оплата → Билет → Email",
    ],
)
def test_lone_component_words_and_paths_through_screens_are_no_edges(write_map, line) -> None:
    """A lone ``Service`` / ``API`` / ``DB`` is a layer, not a system; a chain of three ends or
    more, fewer than half of them systems, is a path through screens."""
    text = f"# Tests\n\n- Tilda → amoCRM\n- Выбор события → Корзина\n{line}\n"
    model = load(write_map(text))
    assert [(a, b) for a, b, _ in _edges(model)] == [("Tilda", "amoCRM")]


SERVICE_SECTION = """# Reporting

## Architecture

### Google Ads Reporting Service

1. Pub/Sub triggers the Cloud Function.
2. The report is downloaded from Google Ads.
3. The output is written as a CSV to Google Cloud Storage.
4. The config is used to pick the columns.

### Entire Solution

1. Pub/Sub triggers the function.
2. The report is downloaded from Google Ads.
"""


def test_a_component_heading_is_the_other_end_of_the_steps_under_it(write_map) -> None:
    """Steps that name one system under a heading that names a component (``Google Ads
    Reporting Service``) have that component as their other end; under another heading
    they have none."""
    model = load(write_map(SERVICE_SECTION))
    assert _edges(model) == [
        ("Pub/Sub", "Google Ads Reporting Service", 7),
        ("Google Ads", "Google Ads Reporting Service", 8),
        ("Google Ads Reporting Service", "Google Cloud Storage", 9),
    ]


def test_the_verb_before_a_steps_one_system_says_which_way_it_moves(write_map) -> None:
    """``The function pulls the YouTube data``: a read verb before the system makes it the
    sender to the section's component."""
    text = (
        "# Channels\n\n## Architecture\n\n### YouTube Channel Service\n\n"
        "1. The function pulls the YouTube data for each channel.\n"
        "2. The function sends the rows to BigQuery.\n"
    )
    assert _edges(load(write_map(text))) == [
        ("YouTube", "YouTube Channel Service", 7),
        ("YouTube Channel Service", "BigQuery", 8),
    ]


def test_a_participle_clause_moves_the_steps_subjects_data(write_map) -> None:
    """``…, sending the payload to sGTM``: the step's first system sends it; a server-side
    tag manager is the document's engine, the other end of steps that name one system."""
    text = (
        "# Profit bidding\n\n## How it works\n\n"
        "1. The Tilda site fires the purchase event, sending the payload to sGTM.\n"
        "2. A custom variable pulls profit data from Firestore.\n"
        "3. The updated event is sent to GA4 or Google Ads.\n"
    )
    assert _edges(load(write_map(text))) == [
        ("Tilda", "sGTM", 5),
        ("Firestore", "sGTM", 6),
        ("sGTM", "GA4", 7),
        ("sGTM", "Google Ads", 7),
    ]


def test_a_port_and_a_lone_component_word_name_the_documents_component(write_map) -> None:
    """``RabbitMQ :5672`` is RabbitMQ; ``Gateway`` is the document's one ``API Gateway``."""
    text = (
        "# Topology\n\n```mermaid\nflowchart LR\n  GW[API Gateway :8080] --> US[User Service]\n"
        "  US --> MQ[RabbitMQ :5672]\n```\n\n- Gateway → Billing Service\n"
    )
    assert _edges(load(write_map(text))) == [
        ("API Gateway", "User Service", 5),
        ("User Service", "RabbitMQ", 6),
        ("API Gateway", "Billing Service", 9),
    ]


def test_a_later_sentence_addressed_to_the_reader_moves_data_to_the_engine(write_map) -> None:
    """``You can also bring in data from X, Y, and/or Z``: each system sends to the engine."""
    text = (
        "# Shop template\n\nA Keboola flow.\n\n## How it works\n\n"
        "1. First, the Shopify component collects the orders. You can also bring in marketing "
        "data from your Facebook Ads, Google Ads, and/or Sklik accounts.\n"
    )
    edges = _edges(load(write_map(text)))
    assert [(a, b) for a, b, _ in edges] == [
        ("Shopify", "Keboola"),
        ("Facebook Ads", "Keboola"),
        ("Google Ads", "Keboola"),
        ("Sklik", "Keboola"),
    ]


def test_mermaid_in_an_html_pre_block_and_a_label_inside_the_arrow_are_read(write_map) -> None:
    """``<pre lang="mermaid"><code>…`` (and ``class="mermaid"``) is a Mermaid block at its own
    lines; ``a --read--> b`` is an edge with the label ``read``; node ids are per diagram and
    a label that only shares a word with another node's (``Router nginx``) is its own system."""
    text = (
        '# Logs\n\n<pre lang="mermaid">\n<code>\nflowchart LR\n'
        "  shipper --read--> events-api\n  A[Router Load Balancer]-->B[Router nginx];\n"
        '</code>\n</pre>\n\n<pre class="mermaid">\ngraph LR\n  A[Kibana] --> B[Elasticsearch]\n'
        "</pre>\n"
    )
    assert _edges(load(write_map(text))) == [
        ("shipper", "events-api", 6),
        ("Router Load Balancer", "Router nginx", 7),
        ("Kibana", "Elasticsearch", 13),
    ]


@pytest.mark.parametrize(
    ("line", "receiver"),
    [
        ("- Monolith DB → Booking DB до финального cutover", "Booking DB"),
        (
            "- Monolith DB → Driver DB для профилей и статусов до cutover; поток локации",
            "Driver DB",
        ),
        ("- Orders DB → Reporting DB until the final cutover of the orders", "Reporting DB"),
    ],
)
def test_a_receiver_ends_where_words_about_the_edge_begin(write_map, line, receiver) -> None:
    (edge,) = _edges(load(write_map(f"# Migration\n\n{line}\n")))
    assert edge[1] == receiver


def test_a_component_named_in_prose_is_a_system_and_a_tool_between_passes_it_on(write_map):
    """``через API Gateway в Booking Service``: the gateway sends to the service; a component
    named by its form (``Booking Service``) is a system in a step; a product's server or
    account (``a Discord server``) is the product."""
    text = (
        "# Saga\n\n## Последовательность\n\n"
        "1. Клиент отправляет `CreateBooking` через API Gateway в Booking Service.\n"
        "2. Booking Service publishes the event to the Discord server.\n"
    )
    assert _edges(load(write_map(text))) == [
        ("API Gateway", "Booking Service", 5),
        ("Booking Service", "Discord", 6),
    ]


def test_a_lead_in_sentence_before_numbered_sub_headings_starts_a_flow(write_map) -> None:
    """``Steps to implement the solution are listed below.`` over ``### 1. …`` headings; a
    ``Пайплайн`` heading is a process heading too."""
    text = (
        "# Customer 360\n\n## Setup\n\nSteps to implement the solution are listed below.\n\n"
        "### 1. Load the CSV to Dataverse\n\nText.\n\n### 2. Copy Dataverse to BigQuery\n\n"
        "## Общий пайплайн миграции\n\n1. Перенести данные из Monolith DB в Booking DB.\n"
    )
    model = load(write_map(text))
    assert [(f.title, [s.line for s in f.steps]) for f in model.flows] == [
        ("Setup", [7, 11]),
        ("Общий пайплайн миграции", [15]),
    ]


def test_arrow_lines_in_paragraphs_and_a_sender_after_from_are_read(write_map) -> None:
    """A paragraph's (or a quote's) line ``… при передаче из CMS -> CRM.`` is an edge from the
    system after ``из``; the words before it are its label."""
    text = (
        "# Фильтры\n\n> process_customer - позволяет изменить данные клиента при передаче "
        "из CMS -> CRM.\n\n"
        "> history_before_save - меняет данные заказа при передаче из CRM -> CMS.\n"
    )
    model = load(write_map(text))
    assert [(a, b, line) for a, b, line in _edges(model)] == [("CMS", "CRM", 3), ("CRM", "CMS", 5)]


def test_a_step_written_as_a_title_and_a_sentence_is_an_edge_on_the_sentences_line(
    write_map,
) -> None:
    text = (
        "# Leads\n\nAn n8n workflow.\n\n## How it works\n\n1. **Webhook receives the lead**\n"
        "Your Tilda form sends a POST request to the webhook.\n"
        "2. **Instant notifications**\nPosts a Slack message to a channel.\n"
    )
    model = load(write_map(text))
    assert _edges(model) == [("Tilda", "n8n", 8), ("n8n", "Slack", 10)]
    assert [s.line for s in model.flows[0].steps] == [7, 9]


def test_a_mermaid_block_stored_with_html_entities_is_read_decoded_with_a_warning(
    write_map,
) -> None:
    text = "# Flow\n\n```mermaid\nflowchart TD\n  A[Tilda] --&gt; B[HubSpot]\n```\n"
    model = load(write_map(text))
    assert _edges(model) == [("Tilda", "HubSpot", 5)]
    assert ("FV112", 3) in [(d.code, d.line) for d in model.diagnostics]


def test_paragraphs_opening_with_a_bold_label_are_the_steps_under_a_process_heading(
    write_map,
) -> None:
    text = (
        "# Stripe to Pipedrive\n\n## How it works\n\n"
        "**Stripe Webhook:** n8n triggers on payment events from Stripe.\n\n"
        "**Set node:** Extracts the payload.\n\n"
        "**Create Person:** Adds a new Pipedrive contact.\n"
    )
    model = load(write_map(text))
    assert [s.line for s in model.flows[0].steps] == [5, 7, 9]
    assert _edges(model) == [("Stripe", "n8n", 5), ("n8n", "Pipedrive", 9)]


def test_paragraphs_opening_with_an_emoji_are_the_steps_under_a_process_heading(
    write_map,
) -> None:
    text = (
        "# Onboarding\n\nAn n8n workflow.\n\n## What this workflow does\n\n"
        "Onboards a client in one go:\n\n"
        "📝 Capture details – the Jotform form collects the client's details.\n\n"
        "🗂️ Create the project – Creates a new project in Asana.\n\n"
        "📊 Audit log – Logs all activity to Google Sheets.\n"
    )
    model = load(write_map(text))
    assert [s.line for s in model.flows[0].steps] == [9, 11, 13]
    assert _edges(model) == [("n8n", "Asana", 11), ("n8n", "Google Sheets", 13)]


def test_paragraphs_naming_a_node_then_what_it_does_are_steps_under_a_bold_title(
    write_map,
) -> None:
    """``**How It Works**`` over ``Typeform Trigger → Monitors …`` paragraphs: a flow whose
    steps are the paragraphs, ended by the next wholly bold title."""
    text = (
        "# Lead capture\n\nAn n8n workflow.\n\n**How It Works**\n\n"
        "Typeform Trigger → Monitors form submissions and passes the lead on.\n\n"
        "HubSpot Deduplication → Searches HubSpot by email.\n\n"
        "Slack Notification → Sends lead alerts to Slack.\n\n"
        "**Who Is This For?**\n\n"
        "❌ Duplicate contacts clogging HubSpot CRM.\n"
    )
    model = load(write_map(text))
    assert [(f.title, [s.line for s in f.steps]) for f in model.flows] == [
        ("How It Works", [7, 9, 11])
    ]
    assert _edges(model) == [("Typeform", "n8n", 7), ("HubSpot", "n8n", 9), ("n8n", "Slack", 11)]


@pytest.mark.parametrize(
    ("about", "engine"),
    [("This workflow captures leads.", "Workflow"), ("This n8n workflow captures leads.", "n8n")],
)
def test_the_workflow_a_page_describes_is_the_engine_when_no_product_is_named(
    write_map, about: str, engine: str
) -> None:
    """``This workflow captures …`` with no automation product named: the steps that name one
    system have the workflow itself as their other end."""
    text = f"# Leads\n\n{about}\n\n## How it works\n\n1. Get new leads from Typeform\n"
    text += "2. Creates a contact in HubSpot\n"
    model = load(write_map(text))
    assert _edges(model) == [("Typeform", engine, 7), (engine, "HubSpot", 8)]


def test_a_tool_named_after_via_with_no_verb_is_used_by_the_engine(write_map) -> None:
    """``AI phone call via VAPI`` in an n8n workflow: n8n calls VAPI; ``Schedules Google
    Calendar event``: n8n writes to the calendar."""
    text = (
        "# Branches\n\nAn n8n workflow.\n\n## How it works\n\n- AI phone call via VAPI\n"
        "- Schedules Google Calendar event\n"
    )
    assert _edges(load(write_map(text))) == [("n8n", "VAPI", 7), ("n8n", "Google Calendar", 8)]


def test_a_chain_of_actions_is_a_run_order_not_edges(write_map) -> None:
    text = (
        "# Branches\n\n- QUALIFIED: VAPI call → Schedule Calendar → Create Zoom → "
        "Gmail confirmation → HubSpot update\n- Tilda → amoCRM\n"
    )
    assert [(a, b) for a, b, _ in _edges(load(write_map(text)))] == [("Tilda", "amoCRM")]


def test_a_name_with_its_way_in_brackets_is_an_edge_statement(write_map) -> None:
    """``Заказы на продажу (из Sales в Supply Chain Management) — напрямую``."""
    text = (
        "# Синхронизация\n\n- Заказы (из Sales в Supply Chain Management) — напрямую\n"
        "- Продукты (from Supply Chain Management to Sales)\n"
    )
    assert _edges(load(write_map(text))) == [
        ("Sales", "Supply Chain Management", 3),
        ("Supply Chain Management", "Sales", 4),
    ]


def test_a_way_in_brackets_at_the_end_of_a_long_sentence_is_an_edge_statement(write_map) -> None:
    """A sentence of some hundred characters before the bracket still names what goes."""
    text = (
        "# Контакты из Sales в Supply Chain Management\n\n"
        "Следующая задача синхронизации необходима, чтобы стала возможна синхронизация "
        "контактов: счета (из Sales в Supply Chain Management)\n"
    )
    assert ("Sales", "Supply Chain Management", 3) in _edges(load(write_map(text)))


def test_an_english_plural_of_a_product_is_the_product_named_as_written(write_map) -> None:
    text = "# Tags\n\nAn sGTM setup.\n\n## How it works\n\n1. The event is sent to Floodlights.\n"
    assert _edges(load(write_map(text))) == [("sGTM", "Floodlights", 7)]


def test_a_component_named_as_code_is_a_system_of_a_step(write_map) -> None:
    text = """# Сервис

## Логика работы
1. **Создание** — `EntrypointController` создаёт визит через `VisitService`.
2. **События** — `EventService` публикует изменения визитов в Kafka.
"""
    model = load(write_map(text))
    assert [f.title for f in model.flows] == ["Логика работы"]
    names = {s.id: s.name for s in model.systems}
    steps = [(names.get(s.source or ""), names.get(s.target or "")) for s in model.flows[0].steps]
    assert steps[1] == ("EventService", "Kafka")
    assert ("EventService", "Kafka", 5) in _edges(model)


def test_a_russian_component_named_head_first_before_its_product_is_a_system(write_map) -> None:
    text = """# Подготовка

## Поток данных
1. Служба подготовки Azure AD выполняет синхронизацию удостоверений из Workday HR.
2. Служба подготовки Azure AD вызывает локальный агент подготовки Azure AD Connect.
3. Разверните службу API в AKS.
"""
    model = load(write_map(text))
    edges = _edges(model)
    assert ("Workday", "Служба подготовки Azure AD", 4) in edges
    assert ("Служба подготовки Azure AD", "Агент подготовки Azure AD Connect", 5) in edges
    assert "Службу API" not in {s.name for s in model.systems}


def test_a_russian_component_named_by_its_head_and_product_alone_is_a_system(write_map) -> None:
    """``Функция Azure``, ``Агент Azure Monitor``: the head word and the product it belongs
    to, nothing between, name a component of its own."""
    text = (
        "# Поток\n\n## Как это работает\n\n"
        "1. Функция Azure отправляет данные в Azure Event Hubs.\n"
        "2. Агент Azure Monitor передаёт журналы в ClickHouse.\n"
    )
    assert _edges(load(write_map(text))) == [
        ("Функция Azure", "Azure Event Hubs", 5),
        ("Агент Azure Monitor", "ClickHouse", 6),
    ]


def test_a_nested_point_naming_where_data_goes_receives_from_the_steps_system(
    write_map,
) -> None:
    text = """# Deploying

## How it works

1. **GitHub Actions builds and pushes a new Docker image**
   - The container is tagged with the commit SHA
   - It is published to the GitHub Container Registry
1. **Argo CD detects the change** and begins a sync:
   - Triggers a rolling update in Kubernetes
"""
    edges = _edges(load(write_map(text)))
    assert ("GitHub Actions", "GitHub Container Registry", 7) in edges
    assert ("Argo CD", "Kubernetes", 9) in edges


def test_a_front_matter_title_is_the_documents_first_heading(write_map) -> None:
    """A page's front matter is data about the page: its ``title:`` reads as a heading on its
    own line (here one naming a direction in words), the rest of it as nothing."""
    model = load(
        write_map(
            "---\n"
            "ms.date: 03/29/2021\n"
            'title: "Export data from Customer Insights to Adobe Campaign Standard"\n'
            "description: Tilda → amoCRM is not said here\n"
            "---\n"
            "# Tilda → amoCRM\n"
        )
    )
    assert _edges(model) == [
        ("Customer Insights", "Adobe Campaign Standard", 3),
        ("Tilda", "amoCRM", 6),
    ]


def test_a_customer_data_platform_is_a_product_of_the_catalogue(write_map) -> None:
    model = load(write_map("# Segments\n\n- Adobe Experience Platform → Adobe Campaign\n"))
    assert _edges(model) == [("Adobe Experience Platform", "Adobe Campaign", 3)]
    assert {s.name: s.kind for s in model.systems}["Adobe Campaign"] == "esp"


def test_cloud_ai_delivery_and_telephony_services_are_products_of_the_catalogue(
    write_map,
) -> None:
    """Well-known services beyond the marketing stack are systems wherever an arrow names
    them, and a product written two ways (``СДЭК`` / ``CDEK``, ``Amazon SQS`` / ``SQS``) is
    one system."""
    model = load(
        write_map(
            "# Заказы\n\n"
            "- Amazon Pinpoint → Amazon Bedrock\n"
            "- SQS -> Amazon Simple Notification Service\n"
            "- Amazon SQS -> Vertex AI\n"
            "- Тильда → Asterisk\n"
            "- Tilda → СДЭК\n"
            "- CDEK → Тинькофф\n"
        )
    )
    assert _edges(model) == [
        ("Amazon Pinpoint", "Amazon Bedrock", 3),
        ("SQS", "Amazon Simple Notification Service", 4),
        ("SQS", "Vertex AI", 5),
        ("Тильда", "Asterisk", 6),
        ("Тильда", "СДЭК", 7),
        ("СДЭК", "Тинькофф", 8),
    ]
    assert {s.name: s.kind for s in model.systems}["Amazon Pinpoint"] == "esp"


def test_a_connector_title_and_a_hyphened_pair_name_a_direction(write_map) -> None:
    """``Коннектор A к B`` (an emoji shortcode aside, a full stop inside a name) and
    ``A-to-B`` between two products are one edge each; ``end-to-end``, a pair in a path and
    a line naming two pairs are none."""
    model = load(
        write_map(
            "# :ru: Коннектор Logs API Яндекс.Метрики к ClickHouse :bar_chart:\n\n"
            "- A service for real-time Stripe-to-PostgreSQL sync.\n"
            "- End-to-end tests, see github.com/acme/s3-to-bigquery\n"
            "- HubSpot-to-Salesforce and Stripe-to-BigQuery jobs\n"
        )
    )
    assert _edges(model) == [("Метрика", "ClickHouse", 1), ("Stripe", "PostgreSQL", 3)]


def test_a_title_may_open_with_a_few_words_and_list_its_receivers(write_map) -> None:
    """``Сервис синхронизации ... из A в B`` (a sync word in another case, after a word) and
    ``Log data shipping from A to B и C`` (an edge to each receiver); after a label, the sync
    word must come first (``**Потребляемые события**: весь поток ... через Kafka в DataLens``
    names no direction)."""
    model = load(
        write_map(
            "# Сервис синхронизации email адресов из amoCRM в Unisender\n\n"
            "## Log data shipping from Kafka to BigQuery и ClickHouse\n\n"
            "- **Потребляемые события**: весь поток доменных событий через Kafka в DataLens\n"
        )
    )
    assert _edges(model) == [
        ("amoCRM", "Unisender", 1),
        ("Kafka", "BigQuery", 3),
        ("Kafka", "ClickHouse", 3),
    ]


@pytest.mark.parametrize(
    ("title", "edge"),
    [
        ("# Twilio to Slack Bridge", ("Twilio", "Slack", 1)),
        ("# Shopify to Klaviyo sync", ("Shopify", "Klaviyo", 1)),
        ("# amoCRM → Unisender integration", ("amoCRM", "Unisender", 1)),
        ("# Kafka to Salesforce using EventBridge Pipes", ("Kafka", "Salesforce", 1)),
        ("# Kafka to Salesforce with care", None),
        ("# Tilda sends the lead to amoCRM via a webhook", ("Tilda", "amoCRM", 1)),  # a sentence
        ("# Выгрузка: amoCRM в Unisender коннектор", None),
        ("# Twilio to Slack", None),
        ("# Ways to Slack Bridge", None),
    ],
)
def test_a_title_naming_two_products_then_what_carries_the_data_is_an_edge(
    write_map, title: str, edge: tuple[str, str, int] | None
) -> None:
    """``A to B Bridge``: the two products first, the bridge (sync, integration, connector)
    last; a title that only names two products, or one, is no edge."""
    model = load(write_map(f"{title}\n\nText.\n\n- Tilda → amoCRM\n"))
    assert _edges(model) == ([edge] if edge else []) + [("Tilda", "amoCRM", 5)]


def test_an_address_in_a_step_names_no_system(write_map) -> None:
    """``https://github.com/...`` in a step is where to read more, not GitHub as a system."""
    model = load(
        write_map(
            "# Лиды\n\n- Tilda → amoCRM: заявка\n\n## Как это работает\n\n"
            "1. amoCRM отправляет сделку в BigQuery\n"
            "2. Установите BigQuery SDK: https://github.com/googleapis/python-bigquery\n"
        )
    )
    assert _edges(model) == [("Tilda", "amoCRM", 3), ("amoCRM", "BigQuery", 7)]
    assert "GitHub" not in {s.name for s in model.systems}


def test_a_linked_articles_title_naming_a_direction_is_an_edge(write_map) -> None:
    """``[Прием данных из Kafka в Azure Data Explorer](…)`` in an item that states no edge of
    its own; a linked title naming two products with no direction is none."""
    text = (
        "# Методы приема\n\n"
        "* **Соединитель Kafka.** См. статью [Прием данных из Kafka в Azure Data Explorer](k.md).\n"
        "* [Интеграция Azure Data Explorer с Power BI](p.md).\n"
        "* [Copy data from Amazon S3 to BigQuery](c.md)\n"
    )
    assert _edges(load(write_map(text))) == [
        ("Kafka", "Azure Data Explorer", 3),
        ("Amazon S3", "BigQuery", 5),
    ]


def test_a_short_paragraph_saying_the_flow_is_below_leads_in_its_steps(write_map) -> None:
    text = (
        "# Бот\n\nНиже приведен поток логических действий бота.\n\n"
        "1. Бот запрашивает сведения из Dynamics CRM.\n"
        "2. Бот передаёт телеметрию в Application Insights.\n"
    )
    model = load(write_map(text))
    assert [s.line for s in model.flows[0].steps] == [5, 6]
    assert _edges(model) == [("Dynamics CRM", "Бот", 5), ("Бот", "Application Insights", 6)]


@pytest.mark.parametrize(
    ("step", "expected"),
    [
        ("Интеграция Azure Data Explorer с Power BI.", []),
        ("Integration of HubSpot with Slack.", []),
        ("Обновления Active Directory синхронизируются с Okta.", [("Active Directory", "Okta")]),
    ],
)
def test_two_systems_joined_by_with_name_no_direction(write_map, step, expected) -> None:
    model = load(
        write_map(f"# X\n\n## How it works\n\n1. {step}\n2. HubSpot sends deals to Slack.\n")
    )
    assert [(a, b) for a, b, _ in _edges(model)] == [*expected, ("HubSpot", "Slack")]


def test_a_russian_component_name_has_no_preposition_in_it(write_map) -> None:
    """``передающий события из служб в Azure Data Explorer``: ``служб в Azure Data Explorer`` is
    no component; ``Служба подготовки Azure AD`` is one."""
    text = (
        "# Поток\n\n## Как это работает\n\n"
        "1. Event Hubs — конвейер, передающий события из служб в Azure Data Explorer.\n"
        "2. Служба подготовки Azure AD отправляет запрос в Workday.\n"
    )
    model = load(write_map(text))
    assert {s.name for s in model.systems} >= {"Azure Data Explorer", "Служба подготовки Azure AD"}
    assert not [s.name for s in model.systems if s.name.startswith("служб")]


def test_roadmap_items_naming_a_direction_are_edges(write_map) -> None:
    """A checkbox item (ticked or not) is read without its box; ``1С`` alone is the ERP."""
    text = (
        "# medusa-1c\n\n## Roadmap\n\n"
        "- [x] Импорт товаров из 1C в Medusa (`import.xml`)\n"
        "- [ ] Экспорт заказов из Medusa в 1С\n"
    )
    assert _edges(load(write_map(text))) == [("1C", "Medusa", 5), ("Medusa", "1C", 6)]


@pytest.mark.parametrize(
    ("title", "subject"),
    [
        ("Tightlock - First-Party Data Tool", "Tightlock"),
        ("medusa-plugin-moneyworks", "medusa-plugin-moneyworks"),
        ("UniMail — Uniform Email Gateway", "UniMail"),
        ("ERPNext Medusa Integration", None),
        ("Architecture Overview", None),
        ("Сценарий: реализация единого входа", None),
        ("ADR-003 - Nginx Edge Proxy", None),
        ("Общие сведения о приеме данных в Azure Data Explorer", None),
    ],
)
def test_the_tool_a_documents_title_names(title: str, subject: str | None) -> None:
    assert document_subject(title) == subject


def test_a_sync_line_naming_one_end_joins_it_to_the_tool_the_title_names(write_map) -> None:
    """``Synchronize inventory from MoneyWorks`` in the plugin's README: MoneyWorks sends to
    the plugin (a name no catalogue knows is an end when two lines name it); a format
    (``CSV``) is no end, and a page whose title names no tool gives no edge."""
    lines = (
        "## Features\n\n- [x] Synchronize inventory quantity from MoneyWorks\n"
        "- [x] Synchronize SKU and barcode from MoneyWorks\n"
        "- Export orders to Business Central\n- Import contacts from CSV\n"
        "- Получение остатков из retailCRM\n"
    )
    model = load(write_map(f"# medusa-plugin-moneyworks\n\nA plugin.\n\n{lines}"))
    assert _edges(model) == [
        ("MoneyWorks", "medusa-plugin-moneyworks", 7),
        ("MoneyWorks", "medusa-plugin-moneyworks", 8),
        ("medusa-plugin-moneyworks", "Business Central", 9),
        ("retailCRM", "medusa-plugin-moneyworks", 11),
    ]
    with pytest.raises(MapError):
        load(write_map(f"# Architecture Overview\n\nA page.\n\n{lines}"))


def test_a_table_row_stating_its_edge_in_two_cells_is_one_edge(write_map) -> None:
    """A task table whose name and description both say ``Сохранение логов X в YDB``: the
    row's first such cell is its statement; cells drawing an arrow each count."""
    text = (
        "# Задачи\n\n| Задача | Описание |\n|---|---|\n"
        "| Сохранение логов ALB в YDB | Сохранение логов Application Load Balancer в YDB |\n"
        "| Tilda → amoCRM | amoCRM → Unisender |\n"
    )
    assert _edges(load(write_map(text))) == [
        ("ALB", "YDB", 5),
        ("Tilda", "amoCRM", 6),
        ("amoCRM", "Unisender", 6),
    ]


def test_labelled_nodes_of_one_name_in_one_subgraph_are_two_systems(write_map) -> None:
    """Two ``OTLP Receiver`` boxes of one collector, told apart by what their labels go on to
    say: each is a part of the collector named with its id."""
    text = (
        "# Telemetry\n\n```mermaid\nflowchart LR\n  subgraph oc[OTel Collector]\n"
        '    grpc[/"OTLP Receiver<br/>grpc://localhost:4317/"/]\n'
        '    http[/"OTLP Receiver<br/>http://localhost:4318/"/]\n'
        "    proc(Processors)\n    grpc --> proc\n    http --> proc\n  end\n"
        "  app(Service) --> grpc\n  app --> http\n```\n"
    )
    model = load(write_map(text))
    named = {system.id: system.name for system in model.systems}
    ends = [
        ([named[p] for p in row.source_parts], [named[p] for p in row.target_parts], row.line)
        for row in model.integrations
    ]
    assert ends == [
        (["OTLP Receiver grpc"], ["Processors"], 9),
        (["OTLP Receiver http"], ["Processors"], 10),
        ([], ["OTLP Receiver grpc"], 12),
        ([], ["OTLP Receiver http"], 13),
    ]


def test_a_row_from_an_instance_to_the_others_of_its_kind_is_no_edge(write_map) -> None:
    """Port tables list the traffic between a component's own nodes (``Узел`` -> ``Другие
    узлы кластера``, ``Новый узел`` -> ``API узла-лидера``): inside one system, no edge; rows
    between two systems stay."""
    text = (
        "# Порты\n\n| Источник | Получатель | Порт |\n|---|---|---|\n"
        "| Узел Vault | Другие узлы кластера | 8201 |\n"
        "| Новый узел Vault | API узла-лидера | 8200 |\n"
        "| Worker node | Other worker nodes | 7946 |\n"
        "| Узел Vault | PostgreSQL | 5432 |\n"
        "| Other HMPPS Services | HMPPS Auth | 443 |\n"
    )
    assert _edges(load(write_map(text))) == [
        ("Vault", "PostgreSQL", 8),
        ("Other HMPPS Services", "HMPPS Auth", 9),
    ]


@pytest.mark.parametrize(
    ("item", "edge"),
    [
        (
            "[Kafka](./k): How to stream changes from a PostgreSQL database into Apache Kafka",
            ("PostgreSQL", "Apache Kafka"),
        ),
        (
            "[Pulsar](./p): Streaming Postgres database changes to Apache Pulsar",
            ("Postgres", "Apache Pulsar"),
        ),
        ("Сервис выгружает заказы из Shopify в МойСклад каждый час.", ("Shopify", "МойСклад")),
        ("The order is pulled from BigCommerce into Salesforce.", ("BigCommerce", "Salesforce")),
        ("Data flows from HubSpot to BigQuery every night.", ("HubSpot", "BigQuery")),
        ("Заявка поступает из Tilda в Битрикс24 через вебхук.", ("Tilda", "Битрикс24")),
        ("How to use Kafka with SSL enabled", None),
        (
            "The team loads data from HubSpot to Salesforce; it exports from Stripe to BigQuery",
            None,
        ),
        ("If this step is missed, leads will fail to sync from HubSpot to Salesforce.", None),
        ("The list exists for not syncing feedback leads from HubSpot into Salesforce.", None),
        ("Сервис не выгружает заказы из Shopify в МойСклад.", None),
    ],
)
def test_a_sentence_moving_data_from_one_product_to_another_is_an_edge(
    write_map, item: str, edge: tuple[str, str] | None
) -> None:
    """A verb that moves data, then ``from A … to B`` in one sentence of a list item (up to
    three words after ``A``); two such pairs in one item are no single statement, and a move
    said not to happen (``will fail to sync``, ``не выгружает``) is none."""
    model = load(write_map(f"# Examples\n\n* {item}\n* Tilda → amoCRM\n"))
    assert [(a, b) for a, b, _ in _edges(model)] == ([edge] if edge else []) + [("Tilda", "amoCRM")]


@pytest.mark.parametrize(
    ("item", "edges"),
    [
        (
            "Two pipelines that extract data from a Dynamics 365 demo account to Cosmos DB and "
            "Azure Synapse Analytics.",
            [("Dynamics 365", "Cosmos DB"), ("Dynamics 365", "Azure Synapse Analytics")],
        ),
        (
            "Сервис выгружает заказы из Shopify в МойСклад и в ClickHouse.",
            [("Shopify", "МойСклад"), ("Shopify", "ClickHouse")],
        ),
        (
            "Stream changes from Amazon RDS for PostgreSQL to Amazon Kinesis.",
            [("Amazon RDS for PostgreSQL", "Amazon Kinesis")],
        ),
        (
            "Stream changes from PostgreSQL to Kafka and then to the dashboards.",
            [("PostgreSQL", "Kafka")],
        ),
    ],
)
def test_a_sentence_moving_data_names_whole_products_and_every_listed_receiver(
    write_map, item: str, edges: list[tuple[str, str]]
) -> None:
    """A sender is its whole name (``Dynamics 365``, not ``Dynamics``; ``Amazon RDS for
    PostgreSQL``, the product a service is made for being part of its name, which the
    product answers to); receivers listed after ``to`` / ``в`` are each an edge when every
    item of the list is a product."""
    model = load(write_map(f"# Examples\n\n* {item}\n* Tilda → amoCRM\n"))
    assert [(a, b) for a, b, _ in _edges(model)] == [*edges, ("Tilda", "amoCRM")]
    aliases = {alias for system in model.systems for alias in system.aliases}
    assert "RDS for" not in item or "Amazon RDS for PostgreSQL" in aliases


def test_a_sync_line_to_two_receivers_names_the_preposition_again(write_map) -> None:
    """``Copy … from A to B and to C``: one edge to each receiver."""
    model = load(
        write_map("# Pipes\n\n- Copy data from Dynamics 365 to Cosmos DB and to BigQuery.\n")
    )
    assert _edges(model) == [("Dynamics 365", "Cosmos DB", 3), ("Dynamics 365", "BigQuery", 3)]


def test_a_makers_name_opening_a_product_name_is_not_the_maker(write_map) -> None:
    """``SAP`` is an ERP of the catalogue; ``SAP AI Core`` (a product of its own) and ``SAP's
    co-pilot`` are not it."""
    model = load(
        write_map(
            "# Grounding\n\n## How it works\n\n"
            "1. The integration flow sends the payload to SAP AI Core for embeddings.\n"
            "2. Joule, SAP's co-pilot, triggers the integration flow.\n"
            "3. The integration flow writes the embeddings to Snowflake.\n"
            "4. The integration flow posts the summary to SAP.\n"
        )
    )
    assert _edges(model) == [
        ("Integration flow", "SAP AI Core", 5),
        ("Integration flow", "Snowflake", 7),
        ("Integration flow", "SAP", 8),
    ]


def test_an_html_title_naming_its_two_ends_is_an_edge(write_map) -> None:
    """A centred ``<h1>`` is a heading; a title naming a direction between two names that no
    catalogue knows makes them the ends."""
    model = load(
        write_map(
            "<h1 align=center>Авто-Синхрон чеков из <code>ЮKassa</code> в <code>Мой Налог</code>"
            " для самозанятых (НПД)</h1>\n\n> Синхронизация платежей.\n"
        )
    )
    assert _edges(model) == [("ЮKassa", "Мой Налог", 1)]


def test_a_product_named_with_and_without_its_maker_is_one_system(write_map) -> None:
    """``Amazon DynamoDB`` and ``DynamoDB``, ``Google BigQuery`` and ``BigQuery`` are one
    system each; ``Google Ads`` never answers to ``Ads``, nor ``GOOGLE SHEETS`` to ``SHEETS``
    (a word in capitals, not initials)."""
    model = load(
        write_map(
            "# Orders\n\n## How it works\n\n"
            "1. The shop writes orders to Amazon DynamoDB.\n"
            "2. DynamoDB streams the changes to Google BigQuery.\n"
            "3. BigQuery sends the audiences to Google Ads.\n"
        )
    )
    names = sorted(s.name for s in model.systems)
    assert names == ["Amazon DynamoDB", "Google Ads", "Google BigQuery"]
    shouted = "# Sync\n\n- GOOGLE SHEETS → AmoCRM\n- AmoCRM → SHEETS\n- SHEETS → Slack\n"
    names = sorted(s.name for s in load(write_map(shouted)).systems)
    assert names == ["AmoCRM", "GOOGLE SHEETS", "SHEETS", "Slack"]
    assert _edges(model) == [
        ("Amazon DynamoDB", "Google BigQuery", 6),
        ("Google BigQuery", "Google Ads", 7),
    ]


def test_a_product_followed_by_a_named_part_is_that_part(write_map) -> None:
    """``RudderStack Data Plane``, ``AWS Glue Crawler``: a part of the product with a name of
    its own, a system apart from it; ``the Stream Analytics job`` is still Stream Analytics."""
    text = (
        "# Events\n\n## How it works\n\n"
        "1. The SDK sends events to the RudderStack Data Plane.\n"
        "2. The RudderStack Data Plane writes the events to Amazon S3.\n"
        "3. The AWS Glue Crawler reads the files from Amazon S3.\n"
    )
    model = load(write_map(text))
    assert _edges(model) == [
        ("RudderStack Data Plane", "Amazon S3", 6),
        ("Amazon S3", "AWS Glue Crawler", 7),
    ]


def test_a_product_followed_by_capitalised_words_is_a_product_of_its_own(write_map) -> None:
    """``Braze Currents`` and ``Braze Connected Content`` are systems apart from Braze; what
    Braze holds or does (``Braze Contacts``, ``HubSpot Deduplication``) is Braze."""
    text = (
        "# Personalisation\n\n## Data flow\n\n"
        "1. Braze Currents stream engagement data to Amazon S3.\n"
        "2. Braze Connected Content reads the content from Amazon DynamoDB.\n"
        "3. Braze Contacts are exported to Amazon S3.\n"
        "4. HubSpot Deduplication searches HubSpot before Braze sends the welcome email.\n"
    )
    model = load(write_map(text))
    names = {system.name for system in model.systems}
    assert {"Braze Currents", "Braze Connected Content"} <= names
    assert not names & {"Braze Contacts", "HubSpot Deduplication"}
    assert ("Braze Currents", "Amazon S3", 5) in _edges(model)
    assert ("Amazon DynamoDB", "Braze Connected Content", 6) in _edges(model)


@pytest.mark.parametrize(
    "step",
    [
        "Google Cloud Big Query access credentials are stored in Secrets Manager and "
        "encrypted with AWS KMS.",
        "Токены amoCRM хранятся в Redis.",
    ],
)
def test_a_secret_kept_somewhere_moves_no_data(write_map, step: str) -> None:
    text = f"# Sync\n\n## How it works\n\n1. {step}\n2. BigQuery sends the rows to Amazon S3.\n"
    assert _edges(load(write_map(text))) == [("BigQuery", "Amazon S3", 6)]


@pytest.mark.parametrize(
    ("step", "edge"),
    [
        ("The Billing Service is triggered by Amazon SQS.", ("Amazon SQS", "Billing Service")),
        ("The Billing Service will be triggered by Amazon SQS.", ("Amazon SQS", "Billing Service")),
        ("Amazon S3 is written by the Export Service.", ("Export Service", "Amazon S3")),
        ("Amazon S3 is queried by the Report Service.", ("Amazon S3", "Report Service")),
        (
            "Amazon API Gateway is backed by a custom Lambda Authorizer function.",
            ("Lambda Authorizer function", "Amazon API Gateway"),
        ),
    ],
)
def test_a_passive_step_with_by_names_its_sender(write_map, step: str, edge: tuple) -> None:
    """``A is triggered by B``, ``A is written by B``: B sends; ``A is queried by B``: B
    takes A's data."""
    model = load(write_map(f"# Jobs\n\n## How it works\n\n1. {step}\n"))
    assert [(a, b) for a, b, _ in _edges(model)] == [edge]


def test_an_order_of_stages_in_lower_case_names_no_systems(write_map) -> None:
    """``pipeline: triage → research → scoring`` in a step is the order of a tool's stages,
    even where boxes of a drawing are named by its words; a run of products in lower case
    (``amoCRM → tilda → unisender``) is still a chain of systems."""
    boxes = "".join(
        f"+----------+\n| {name:<8} |\n+----------+\n" + ("     |\n     v\n" if more else "")
        for name, more in (("Triage", True), ("Research", True), ("Scoring", False))
    )
    model = load(
        write_map(
            "# Lead bot\n\n## How it works\n\n"
            "1. Tilda sends the lead to amoCRM.\n"
            "2. Runs a multi-stage pipeline: **triage → research → scoring**\n"
            "3. amoCRM → tilda → unisender\n\n"
            f"```\n{boxes}```\n"
        )
    )
    assert not [edge for edge in _edges(model) if edge[2] == 6]
    assert [(a, b) for a, b, line in _edges(model) if line == 7] == [
        ("amoCRM", "tilda"),
        ("tilda", "unisender"),
    ]
    assert ("Triage", "Research") in {(a, b) for a, b, _ in _edges(model)}


def test_the_alt_text_of_a_picture_states_no_edge(write_map) -> None:
    """``![Webflow → Sheets → Slack](overview.png)`` describes a picture the reader cannot
    see; a caption written as text under it still counts."""
    model = load(
        write_map(
            "# Leads\n\n![Scenario overview — Webflow → Google Sheets → Slack](./overview.png)\n\n"
            "Webflow → Slack\n"
        )
    )
    assert _edges(model) == [("Webflow", "Slack", 5)]


def test_a_sender_listing_products_is_an_edge_from_each(write_map) -> None:
    """``Tilda, WordPress → amoCRM`` and ``Gmail/Telegram/VK → ClickHouse → DataLens``: one
    edge from each listed product (not a system named ``Tilda, WordPress``); ``Pub/Sub`` is
    one product, not a list."""
    model = load(
        write_map(
            "# Leads\n\n- Tilda, WordPress → amoCRM\n"
            "- Сквозная интеграция: Gmail/Telegram/VK → ClickHouse → DataLens\n"
            "- Pub/Sub → BigQuery\n"
        )
    )
    assert sorted(_edges(model)) == [
        ("ClickHouse", "DataLens", 4),
        ("Gmail", "ClickHouse", 4),
        ("Pub/Sub", "BigQuery", 5),
        ("Telegram", "ClickHouse", 4),
        ("Tilda", "amoCRM", 3),
        ("VK", "ClickHouse", 4),
        ("WordPress", "amoCRM", 3),
    ]


def test_a_step_whose_subject_is_a_name_of_its_own_is_not_the_engines(write_map) -> None:
    """``Segment forwards events to Amplitude`` in a Zapier page: Segment sends, though no
    catalogue knows it, so the engine is no end of the step; a part of the engine
    (``Webhook receives …``) and a step with no subject still have it as their other end."""
    text = (
        "# Leads\n\nA Zapier automation.\n\n## How it works\n\n"
        "1. Segment forwards events to Amplitude.\n"
        "2. Webhook receives the lead from Typeform.\n"
        "3. Creates a contact in HubSpot.\n"
    )
    assert _edges(load(write_map(text))) == [("Typeform", "Zapier", 8), ("Zapier", "HubSpot", 9)]


@pytest.mark.parametrize(
    "text",
    [
        "# Payments\n\n## How it works\n\n"
        "1. Your server creates a payment with the token through the Stripe API.\n"
        "2. Stripe sends a webhook to your server.\n",
        "# Платежи\n\n## Как это работает\n\n"
        "1. Ваш сервер создаёт платёж с токеном по API Stripe.\n"
        "2. Stripe отправляет уведомление на ваш сервер.\n",
    ],
    ids=["en", "ru"],
)
def test_the_readers_own_server_is_a_system_a_provider_talks_to(write_map, text) -> None:
    """``your server`` / ``ваш сервер`` on a provider's page is the reader's system; a
    subject that works through a product's API (``through the Stripe API``) calls it."""
    model = load(write_map(text))
    server = "Your server" if text.startswith("# Payments") else "Ваш сервер"
    assert [(a, b) for a, b, _ in _edges(model)] == [(server, "Stripe"), ("Stripe", server)]


def test_a_tool_after_a_method_word_is_no_end_when_it_is_no_api(write_map) -> None:
    """``Your server signs the request using OpenSSL``: a tool, not a system called."""
    text = (
        "# Payments\n\n## How it works\n\n1. Your server signs the request using OpenSSL.\n"
        "2. Your server sends the request to Stripe.\n"
    )
    assert [(a, b) for a, b, _ in _edges(load(write_map(text)))] == [("Your server", "Stripe")]


def test_a_heading_naming_records_and_where_they_go_is_an_edge(write_map) -> None:
    """``Zoho Leads to Hull Users``: each side opens with its product (one of them of the
    catalogue), the records it names after the product left out; a side that is no product
    and more than one word (``Sales Pipeline Events``) or no side at all (``Welcome to
    PostHog``) gives none."""
    text = (
        "# Connector\n\nText.\n\n## Zoho Leads to Hull Users\n\n## Hull Accounts to Zoho Accounts"
        "\n\n## Calendly Event Scheduled to PostHog\n\n## Sales Pipeline Events to PostHog\n\n"
        "## Welcome to PostHog\n"
    )
    assert _edges(load(write_map(text))) == [
        ("Zoho", "Hull", 5),
        ("Hull", "Zoho", 7),
        ("Calendly", "PostHog", 9),
    ]


def test_a_component_named_by_its_owner_is_a_system(write_map) -> None:
    """``Acme's worker``: the owner's component, a system of its own (``Acme Worker``), the
    other end of what a step says it queries or writes."""
    text = (
        "# Pipeline\n\n## How it works\n\n"
        "1. Acme's worker issues queries to ClickHouse every minute.\n"
        "2. Acme's worker writes the results to Postgres.\n"
    )
    assert _edges(load(write_map(text))) == [
        ("ClickHouse", "Acme Worker", 5),
        ("Acme Worker", "Postgres", 6),
    ]


def test_modules_a_lead_in_names_by_plain_labels_are_systems_of_their_own(write_map) -> None:
    """Under ``The connector contains three modules:``, ``- Order export: Receives messages
    from Shopify …`` describes the module ``Order export``: Shopify sends to it."""
    text = (
        "# Connector\n\n## Getting started\n\n"
        "The connector contains three modules:\n\n"
        "- Order export: Receives messages from Shopify once an order is created.\n"
        "- Product export: Receives messages from Shopify when a product is published.\n"
        "- Settings page: Lets the merchant pick a warehouse.\n"
    )
    assert _edges(load(write_map(text))) == [
        ("Shopify", "Order export", 7),
        ("Shopify", "Product export", 8),
    ]


def test_plain_labels_without_a_modules_lead_in_are_no_systems(write_map) -> None:
    """The same items under a lead-in that names no components describe no modules: the
    document states no edge."""
    text = (
        "# Connector\n\n## Getting started\n\n"
        "What the merchant sees:\n\n"
        "- Order export: Receives messages from Shopify once an order is created.\n"
        "- Product export: Receives messages from Shopify when a product is published.\n"
    )
    with pytest.raises(MapError, match="not an integration map"):
        load(write_map(text))


def test_a_later_sentence_of_a_paragraph_whose_subject_moves_data_is_an_edge(write_map) -> None:
    """``Once … is triggered, the commercetools Subscription sends message to Google Cloud
    Pub/Sub``: the third sentence of a paragraph, after a clause of when, the subject a part
    of a product written in lower case."""
    text = (
        "# Mail sender\n\n"
        "The module sends e-mails. It is deployed by a script. Once an order is placed, the "
        "commercetools Subscription sends a message to Google Cloud Pub/Sub.\n"
    )
    assert _edges(load(write_map(text))) == [
        ("commercetools Subscription", "Google Cloud Pub/Sub", 3)
    ]


def test_a_second_numbered_list_under_one_heading_is_a_process_of_its_own(write_map) -> None:
    """Under ``### Data modeling``, a list of steps, a picture, then a list numbered from 1
    again whose items name systems: two flows, the second one's steps read too."""
    text = (
        "# Pipeline\n\n### Data modeling\n\n"
        "1. Amazon S3 emits an event to Amazon EventBridge.\n"
        "2. Amazon EventBridge invokes AWS Lambda.\n\n"
        "![athena](athena.png)\n\n"
        "1. Amazon EventBridge sends the schedule to AWS Step Functions.\n"
        "2. AWS Step Functions writes the partitions to AWS Glue.\n"
    )
    model = load(write_map(text))
    assert [len(flow.steps) for flow in model.flows] == [2, 2]
    assert ("AWS Step Functions", "AWS Glue", 11) in _edges(model)


def test_a_flowchart_of_what_a_user_does_draws_no_systems(write_map) -> None:
    """``Sign up --> Cookie session --> Connect a source --> …``: actions and what comes of
    them, no system among most nodes; a flowchart of systems beside it is read."""
    text = (
        "# Hub\n\n## How it works\n\n"
        "```mermaid\nflowchart LR\n"
        "    A[Sign up] --> B[Cookie session]\n"
        "    B --> C[Connect a source]\n"
        "    C --> D[(Encrypted vault)]\n"
        "    D --> E[Discover accounts]\n"
        "    E --> F[Read normalized metrics]\n"
        "```\n\n"
        "```mermaid\nflowchart LR\n"
        "    S[Shopify] --> H[HubSpot]\n"
        "    H --> K[Klaviyo]\n"
        "```\n"
    )
    assert [(a, b) for a, b, _ in _edges(load(write_map(text)))] == [
        ("Shopify", "HubSpot"),
        ("HubSpot", "Klaviyo"),
    ]


def test_a_numbered_item_outside_a_process_states_the_move_it_names(write_map) -> None:
    """Under a heading that names no process, a numbered item whose subject does one thing
    and then moves data to a named receiver (``GitHub Actions builds a new image and pushes
    it to GitHub Container Registry``) is an edge; an item that names one system and leaves
    its actor unsaid (``Finds the Company in HubSpot``) is none, whatever the title's tool."""
    text = (
        "# Releases\n\n### Continuous deployment\n\n"
        "1. A PR is merged into the main branch and passes CI.\n"
        "1. GitHub Actions builds a new image and pushes it to GitHub Container Registry.\n"
        "1. Finds the Company by name in HubSpot.\n"
    )
    assert [(a, b) for a, b, _ in _edges(load(write_map(text)))] == [
        ("GitHub Actions", "GitHub Container Registry"),
    ]


def test_a_carrier_named_after_the_receiver_sends_and_a_ratio_moves_nothing(write_map) -> None:
    """``Доставляется клиенту в WhatsApp через GREEN-API``: GREEN-API carries the message to
    WhatsApp; ``несколько инстансов GREEN-API на один портал Bitrix24`` says how many go with
    one portal, no transfer."""
    text = (
        "# Коннектор\n\n## Как работает интеграция\n\n"
        "1. Bitrix24 передает сообщение в GREEN-API\n"
        "2. Доставляется клиенту в WhatsApp через GREEN-API\n"
        "3. Обрабатывать несколько инстансов GREEN-API на один портал Bitrix24\n"
    )
    assert [(a, b) for a, b, _ in _edges(load(write_map(text)))] == [
        ("Bitrix24", "GREEN-API"),
        ("GREEN-API", "WhatsApp"),
    ]


def test_two_boxes_of_one_diagram_are_two_systems_though_one_name_opens_the_other(
    write_map,
) -> None:
    """Participants ``Shipstation Shipping App`` and ``Shipstation``: the app calls the
    service, no message to itself."""
    text = (
        "# App\n\n```mermaid\nsequenceDiagram\n"
        "    participant SALEOR as Saleor API\n"
        "    participant SSA as Shipstation Shipping App\n"
        "    participant SS as Shipstation\n"
        "    SALEOR ->>+ SSA: sync webhook\n"
        "    SSA ->>+ SS: fetch getRates\n"
        "    SS ->>- SSA: available rates\n"
        "```\n"
    )
    assert [(a, b) for a, b, _ in _edges(load(write_map(text)))] == [
        ("Saleor API", "Shipstation Shipping App"),
        ("Shipstation Shipping App", "Shipstation"),
        ("Shipstation", "Shipstation Shipping App"),
    ]


def test_an_adapter_is_a_component_by_its_name(write_map) -> None:
    """``Telegram -> Telegram Adapter -> Messaging Service``: the adapter is a system of its
    own, not Telegram."""
    text = "# Hub\n\n- Telegram -> Telegram Adapter -> Messaging Service\n"
    assert [(a, b) for a, b, _ in _edges(load(write_map(text)))] == [
        ("Telegram", "Telegram Adapter"),
        ("Telegram Adapter", "Messaging Service"),
    ]


def test_a_step_subject_ending_in_a_component_word_is_a_system_though_named_once(
    write_map,
) -> None:
    """``The gateway module receives …`` and ``The transformation module transforms … and
    sends it to Amplitude``: each module, named once in lower case, is an end of its step."""
    text = (
        "# Pipeline\n\n## Data plane workflow\n\n"
        "1. The gateway module receives event data from Shopify.\n"
        "2. The transformation module transforms the event and sends it to Amplitude.\n"
    )
    assert [(a, b) for a, b, _ in _edges(load(write_map(text)))] == [
        ("Shopify", "Gateway module"),
        ("Transformation module", "Amplitude"),
    ]


def test_a_heading_chaining_stages_with_greater_than_signs_is_a_chain_of_edges(write_map) -> None:
    """``BigCommerce (new order) \\> Order Hub \\> Finance + Operations (accounting)``: each
    ``>`` (escaped or not) between a heading's words is an arrow; a sender's note in brackets
    is the first edge's label, and a product named with a ``+`` is one system."""
    text = (
        "# Scenarios\n\n"
        "### BigCommerce (new order) \\> Order Hub \\> Flexe (fulfillment) \\> "
        "Finance + Operations (accounting)\n\n"
        "Text.\n\n"
        "### Shopify > Order Hub\n"
    )
    model = load(write_map(text))
    assert _edges(model) == [
        ("BigCommerce", "Order Hub", 3),
        ("Order Hub", "Flexe", 3),
        ("Flexe", "Finance + Operations", 3),
        ("Shopify", "Order Hub", 7),
    ]
    assert model.integrations[0].source_data == "new order"


@pytest.mark.parametrize(
    "heading",
    [
        "Settings > Integrations > amoCRM",
        "SQLite (dev) > PostgreSQL (production)",
        "Graph (Neo4j) > Exporter",
    ],
)
def test_a_heading_chain_of_a_ui_path_or_of_stages_is_no_edge(write_map, heading: str) -> None:
    """A chained heading that is a UI path, a system's stages (``dev``, ``production``) or a
    bracket naming another product is no route."""
    model = load(write_map(f"# Notes\n\n## {heading}\n\n* Tilda → amoCRM\n"))
    assert [(a, b) for a, b, _ in _edges(model)] == [("Tilda", "amoCRM")]


def test_a_product_named_with_a_plus_is_one_receiver(write_map) -> None:
    """``→ Finance + Operations`` is one system (the catalogue names it), while ``→ amoCRM +
    Unisender`` lists two receivers."""
    text = "# Flows\n\n* Shopify → Finance + Operations\n* Tilda → amoCRM + Unisender\n"
    assert [(a, b) for a, b, _ in _edges(load(write_map(text)))] == [
        ("Shopify", "Finance + Operations"),
        ("Tilda", "amoCRM"),
        ("Tilda", "Unisender"),
    ]


def test_a_senders_note_in_brackets_labels_its_edge(write_map) -> None:
    """``Tilda (форма) → amoCRM``: the note is what the first edge carries, not a name."""
    model = load(write_map("# Поток\n\n* Tilda (форма) → amoCRM\n* Мойсклад → 1С\n"))
    assert [(a, b) for a, b, _ in _edges(model)] == [("Tilda", "amoCRM"), ("Мойсклад", "1С")]
    assert model.integrations[0].source_data == "форма"


def test_a_subject_taking_data_from_senders_is_an_edge_from_each(write_map) -> None:
    """``A receives … from B and C`` (``A получает … от B и C``) is B -> A and C -> A; with a
    receiver named after the senders (``from B to D``) it is B -> D; a person receiving is no
    system."""
    text = (
        "# Notes\n\n"
        "Amplitude receives events from Shopify and Stripe.\n\n"
        "The user receives an email from Mailchimp.\n\n"
        "The IFlow receives delivery updates from Amazon S3 to SAP S/4HANA.\n\n"
        "Amplitude получает события от всех сайтов Tilda и Битрикс24.\n"
    )
    assert _edges(load(write_map(text))) == [
        ("Shopify", "Amplitude", 3),
        ("Stripe", "Amplitude", 3),
        ("Amazon S3", "SAP S/4HANA", 7),
        ("Tilda", "Amplitude", 9),
        ("Битрикс24", "Amplitude", 9),
    ]


@pytest.mark.parametrize(
    ("text", "center", "gateway"),
    [
        (
            "# Architecture\n\n## Components\n\n"
            "- **ATA Center**  \nATA Center receives data from all ATA Gateways.\n"
            "- **ATA Gateway**  \nInstalled on a dedicated server.\n\n"
            "The ATA Gateway sends the parsed traffic to the ATA Center.\n",
            "ATA Center",
            "ATA Gateway",
        ),
        (
            "# Архитектура\n\n## Компоненты\n\n"
            "- **Центр ATA**  \nЦентр ATA получает данные от всех развернутых шлюзов ATA.\n"
            "- **Шлюз ATA**  \nУстанавливается на выделенном сервере.\n\n"
            "Шлюз ATA отправляет проанализированный трафик в центр ATA.\n",
            "Центр ATA",
            "Шлюз ATA",
        ),
    ],
)
def test_sentences_between_listed_components_are_edges(
    write_map, text: str, center: str, gateway: str
) -> None:
    """Components a components list declares are named in sentences as products of the
    catalogue are, in any case form or plural, also on an item's later line."""
    model = load(write_map(text))
    assert _edges(model) == [(gateway, center, 6), (gateway, center, 10)]
    assert sorted(s.name for s in model.systems) == sorted([center, gateway])


@pytest.mark.parametrize(
    ("item", "edge"),
    [
        ("[Kafka to BigQuery](https://example.com/kafka)", ("Kafka", "BigQuery")),
        ("Cloud Spanner change streams to BigQuery", ("Cloud Spanner", "BigQuery")),
        ("Cloud Bigtable to Avro Files on Cloud Storage", ("Cloud Bigtable", "Cloud Storage")),
        ("MongoDB to BigQuery (CDC)", ("MongoDB", "BigQuery")),
        ("Secrets Manager to manage TikTok credentials", None),
        ("Pub/Sub to Pub/Sub", None),
        ("Welcome to Salesforce", None),
        ("Stripe and HubSpot to BigQuery", None),
    ],
)
def test_a_line_that_is_only_two_products_joined_by_to_is_an_edge(
    write_map, item: str, edge: tuple[str, str] | None
) -> None:
    """A list item or a link's text naming one product, ``to`` and another (a catalogue of
    pipeline templates: ``Kafka to BigQuery``) is an edge from the first to the second; an
    infinitive (``to manage``), a product to itself and a side naming two products are not."""
    model = load(write_map(f"# Templates\n\n* {item}\n* Tilda → amoCRM\n"))
    assert [(a, b) for a, b, _ in _edges(model)] == ([edge] if edge else []) + [("Tilda", "amoCRM")]


def test_a_russian_compound_name_is_also_named_by_its_component_word(write_map) -> None:
    """``Сервис-адаптер`` is "ваш адаптер" and "Адаптер" further on; a message made into a
    system's format (``в формат Bitrix24``) goes to no receiver."""
    text = (
        "# Интеграция\n\n## Компоненты\n\n- **Сервис-адаптер** — приложение NestJS\n\n"
        "## Как работает интеграция\n\n"
        "1. GREEN-API получает сообщение и передает его в ваш адаптер.\n"
        "2. Адаптер преобразует сообщение в формат Bitrix24.\n"
        "3. Адаптер создает контакт в Bitrix24.\n"
    )
    assert _edges(load(write_map(text))) == [
        ("GREEN-API", "Сервис-адаптер", 9),
        ("Сервис-адаптер", "Bitrix24", 11),
    ]


def test_a_step_receiving_then_forwarding_is_an_edge_to_where_it_forwards(write_map) -> None:
    """``GREEN-API receives the message and forwards it to Bitrix24``: the second action moves
    the subject's data on."""
    text = (
        "# Integration\n\n## How it works\n\n"
        "1. GREEN-API receives the message and forwards it to Bitrix24.\n"
        "2. Bitrix24 creates a deal and pushes it to HubSpot.\n"
    )
    assert _edges(load(write_map(text))) == [
        ("GREEN-API", "Bitrix24", 5),
        ("Bitrix24", "HubSpot", 6),
    ]


def test_a_nested_point_acting_twice_states_its_second_transfer(write_map) -> None:
    """``1. Когда клиент пишет в WhatsApp:`` over ``- GREEN-API получает сообщение и
    отправляет его в Bitrix24``: the point's second action is an edge from its subject."""
    text = (
        "# Интеграция\n\n## Как работает интеграция\n\n"
        "1. Когда клиент отправляет сообщение на ваш номер WhatsApp:\n"
        "    - GREEN-API получает сообщение и отправляет его в Bitrix24\n"
        "    - Сообщение появляется в Контакт-центре Bitrix24\n"
    )
    assert ("GREEN-API", "Bitrix24", 6) in _edges(load(write_map(text)))


def test_a_nested_point_where_data_only_arrives_comes_from_the_last_handler(write_map) -> None:
    """``- Сообщение появляется в интерфейсе Amplitude`` after ``- GREEN-API … отправляет
    его в Bitrix24``: what arrives with no one acting comes from the last system that
    handled it; a catalogue item naming a product after ``to`` (``Google Cloud to Neo4j``)
    takes no sender from the item above."""
    text = (
        "# Интеграция\n\n## Как работает интеграция\n\n"
        "1. Когда клиент отправляет сообщение на ваш номер WhatsApp:\n"
        "    - GREEN-API получает сообщение и отправляет его в Bitrix24\n"
        "    - Сообщение появляется в интерфейсе Amplitude\n"
    )
    edges = _edges(load(write_map(text)))
    assert ("Bitrix24", "Amplitude", 7) in edges
    assert ("WhatsApp", "Amplitude", 7) not in edges


def test_an_automations_nodes_named_by_their_app_say_which_way_data_goes(write_map) -> None:
    """In an n8n workflow, ``**Acme Trigger**`` is Acme sending to the engine, ``**Acme**
    (Task > Get Many)`` the engine reading from it and ``**Acme** (Message > Create)`` the
    engine writing to it, an app the catalogue does not know made a system by its node;
    ``**Schedule Trigger**`` and ``**Weekly Report Trigger**`` are the engine's own."""
    text = (
        "# Примеры workflow в n8n\n\n## Задачи\n\n**Как работает:**\n\n"
        "1. **Schedule Trigger** — ежедневный запуск\n"
        "2. **Acme Trigger** — событие `New Message`\n"
        "3. **Acme** (Task > Get Many) — получение списка задач\n"
        "4. **Acme** (Message > Create) — уведомление в чат\n"
        "5. **Weekly Report Trigger** — запуск по понедельникам\n"
    )
    model = load(write_map(text))
    assert _edges(model) == [("Acme", "n8n", 8), ("Acme", "n8n", 9), ("n8n", "Acme", 10)]
    assert sorted(s.name for s in model.systems) == ["Acme", "n8n"]


def test_what_kind_of_thing_a_step_says_its_system_is_names_no_second_system(write_map) -> None:
    """``1. Unisender Go — сервис управления email-рассылками, интеграция через API``: the
    words after the dash say what Unisender Go is, no system it sends to."""
    text = (
        "# Система\n\n## Интеграции\n\nСистема использует следующие сервисы:\n\n"
        "1. Unisender Go — сервис управления email-рассылками, интеграция через API\n"
        "2. CloudPayments — сервис обработки платежей, взаимодействие через API\n"
        "3. Tilda — отправляет заявки в amoCRM\n"
    )
    model = load(write_map(text))
    assert [(a, b) for a, b, _ in _edges(model)] == [("Tilda", "amoCRM")]
    assert not any(s.name.casefold().startswith("сервис") for s in model.systems)


def test_a_person_at_either_end_of_an_arrow_line_is_no_end(write_map) -> None:
    """``User → Tilda → amoCRM``: the person opens the path, the edge is Tilda → amoCRM;
    ``User → HubSpot`` and ``HubSpot → Пользователь`` are no edges, however often the person
    is an end; ``Client`` may be a program and stays."""
    text = (
        "# Flows\n\n* User → Tilda → amoCRM\n* User → HubSpot\n* HubSpot → Пользователь\n"
        "* Пользователь → HubSpot\n* Client → API Gateway\n* API Gateway → Client\n"
    )
    model = load(write_map(text))
    assert [(a, b) for a, b, _ in _edges(model)] == [
        ("Tilda", "amoCRM"),
        ("Client", "API Gateway"),
        ("API Gateway", "Client"),
    ]
    assert "User" not in {s.name for s in model.systems}


def test_a_part_of_a_product_taking_data_in_is_that_product(write_map) -> None:
    """``Make.com webhook receives the new message from Webflow``: the subject is the product
    its lower-case words are a part of."""
    text = "# Flow\n\n**Make.com webhook receives the new message from Webflow.**\n"
    assert [(a, b) for a, b, _ in _edges(load(write_map(text)))] == [("Webflow", "Make.com")]


def test_a_title_of_products_joined_by_to_is_a_chain(write_map) -> None:
    """``# Amazon EventBridge Scheduler to AWS Lambda to Amazon SES`` (a pattern's title) and a
    list item of the same form are chains of edges; a title with another word than products
    between (``Amazon S3 to manage the AWS Lambda logs``) is none."""
    model = load(
        write_map(
            "# Amazon EventBridge Scheduler to AWS Lambda to Amazon SES\n\n"
            "- Amazon API Gateway to AWS Lambda to Amazon DynamoDB\n\n"
            "## Amazon S3 to manage the AWS Lambda logs\n"
        )
    )
    assert _edges(model) == [
        ("Amazon EventBridge Scheduler", "AWS Lambda", 1),
        ("AWS Lambda", "Amazon SES", 1),
        ("Amazon API Gateway", "AWS Lambda", 3),
        ("AWS Lambda", "Amazon DynamoDB", 3),
    ]


def test_a_russian_noun_of_doing_opens_an_action_not_a_system(write_map) -> None:
    """``Валидация через WB API`` between two systems of a chain says what is done, through the
    system it names; ``Получение данных`` and ``Обработка и сохранение в PostgreSQL`` are no
    systems."""
    model = load(
        write_map(
            "# Stock Tracker\n\n### Data Flow\n\n"
            "1. **Регистрация**: Telegram Bot → PostgreSQL\n"
            "2. **Добавление ключа**: Telegram Bot → Валидация через WB API → PostgreSQL\n"
            "3. **Синхронизация**:\n   - WB API → Получение данных\n"
            "   - SyncService → Обработка и сохранение в PostgreSQL\n"
        )
    )
    names = {s.name for s in model.systems}
    assert not {"Получение", "Обработка", "Валидация"} & names
    assert ("Telegram", "WB API", 6) in _edges(model)
    assert ("Telegram", "PostgreSQL", 6) not in _edges(model)


def test_titles_naming_a_direction_with_v_or_a_sites_variables_are_edges(write_map) -> None:
    """``Kafka в ClickHouse`` is ``Kafka to ClickHouse`` in Russian; a documentation site's
    variable for a product's name (``{{ KF }}``) is a name as written, an end once another
    title names it too; ``с помощью X`` names the tool, never a second receiver."""
    model = load(
        write_map(
            "# Руководства\n\n"
            "* [{{ KF }} в {{ CH }}](a.md)\n"
            "* [{{ KF }} в {{ PG }}](b.md)\n"
            "* [{{ PG }} в {{ CH }}](c.md)\n"
            "* [Kafka в ClickHouse](d.md)\n\n"
            "## Синхронизация данных из {{ metrika }} в витрину {{ CH }} с помощью {{ dt }}\n"
        )
    )
    assert _edges(model) == [
        ("{{ KF }}", "{{ CH }}", 3),
        ("{{ KF }}", "{{ PG }}", 4),
        ("{{ PG }}", "{{ CH }}", 5),
        ("Kafka", "ClickHouse", 6),
    ]


def test_an_expression_between_braces_is_no_name(write_map) -> None:
    model = load(write_map("# Flow\n\n- {{ $json.email }} → HubSpot\n- Tilda → amoCRM\n"))
    assert _edges(model) == [("Tilda", "amoCRM", 4)]


def test_a_reference_of_connections_one_heading_each_names_its_ends(write_map) -> None:
    """Headings that are arrows, three or more (a reference of ports per connection): each
    heading's two ends are names as written, the second in lower case as a heading writes it;
    a way of pushing (``Email Webhook``) is still no end."""
    model = load(
        write_map(
            "# Порты\n\n### Сервер приёма --> контроллер домена\n\nLDAP, порт 389.\n\n"
            "### Сервер приёма --> SQL Server\n\nTCP 1433.\n\n"
            "### Точка сбора --> сервер приёма\n\nHTTPS.\n\n"
            "### Stripe->Email Webhook\n\nПисьмо покупателю.\n"
        )
    )
    assert _edges(model) == [
        ("Сервер приёма", "Контроллер домена", 3),
        ("Сервер приёма", "SQL Server", 7),
        ("Точка сбора", "Сервер приёма", 11),
    ]


def test_a_sender_of_several_capitalised_words_is_named_whole(write_map) -> None:
    """``sends an order from Intelligent Order Management to Finance + Operations``: the
    sender is the whole name, not its first word."""
    model = load(
        write_map(
            "# Orders\n\n- The provider action sends an order from Intelligent Order Management "
            "to Finance + Operations when the order is ready.\n"
            "- Intelligent Order Management → BigCommerce\n"
        )
    )
    assert _edges(model) == [
        ("Intelligent Order Management", "Finance + Operations", 3),
        ("Intelligent Order Management", "BigCommerce", 4),
    ]


def test_a_product_named_with_who_runs_it_keeps_its_written_name(write_map) -> None:
    """``из Managed Service for ClickHouse® в Managed Kubernetes``: each end is the name the
    document writes (its mark aside), still a product of the catalogue for its last words after
    who runs it; a name ending in a product after any other words is no such name."""
    model = load(
        write_map(
            "# Обмен\n\n"
            "* Загружать данные из Managed Service for ClickHouse® в Managed Kubernetes.\n"
            "* Поток обратной записи — из Windows Server Active Directory в Workday.\n"
            "1. Выберите **Human Resources (Human Resources Dataverse в Finance)**.\n"
        )
    )
    assert _edges(model) == [
        ("Managed Service for ClickHouse", "Managed Kubernetes", 3),
        ("Windows Server Active Directory", "Workday", 4),
    ]
