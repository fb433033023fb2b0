"""Documents not in the template's shape with tables of edges, arrow steps and PlantUML: a
README whose only template-like heading is "Data flow" is read as edge statements, a sender
column is the sender and a "what" column the data, an ``A → B → C`` column is one edge per
hop, a role word (``Сайт``, ``CRM``) is a system at the end of an arrow, and a process step
written as an arrow takes its ends from it."""

from __future__ import annotations

import pytest

import flowviz
from flowviz.check import check
from flowviz.errors import MapError
from flowviz.parse.blocks import Table, parse_blocks
from tests.conftest import FIXTURES
from tests.loose_support import named_edges

LOOSE = FIXTURES / "loose"


def _rows(name: str) -> list[tuple[int, str, str, str]]:
    model = flowviz.load(LOOSE / name)
    return [(r.line, r.source or "", r.target or "", r.source_data) for r in model.integrations]


def test_one_data_flow_heading_does_not_make_a_readme_a_template_map() -> None:
    model = flowviz.load(LOOSE / "ru-readme-data-flow.md")
    codes = {d.code for d in check(model)}
    assert "FV111" in codes
    assert not codes & {"FV201", "FV202", "FV109", "FV250"}


def test_a_from_column_is_the_sender_and_a_what_column_the_data() -> None:
    assert _rows("ru-readme-data-flow.md")[:3] == [
        (9, "tilda", "amocrm", "заявка с формы"),
        (10, "amocrm", "unisender", "контакт и сегмент"),
        (11, "tilda", "ga4", "события корзины"),
    ]


def test_a_step_written_as_an_arrow_takes_its_ends_from_it_and_is_one_row() -> None:
    model = flowviz.load(LOOSE / "ru-readme-data-flow.md")
    (flow,) = model.flows
    assert [(s.source, s.target) for s in flow.steps] == [
        ("tilda", "amocrm"),
        ("amocrm", "unisender"),
        (None, None),
    ]
    assert [row[0] for row in _rows("ru-readme-data-flow.md")] == [9, 10, 11, 15, 16]


def test_role_words_at_both_ends_of_an_arrow_are_systems_of_their_kind() -> None:
    model = flowviz.load(LOOSE / "en-direction-table.md")
    kinds = {s.id: s.kind for s in model.systems}
    assert kinds["crm"] == "crm"
    assert (4, "crm", "slack", "") in _rows("en-direction-table.md")
    assert (4, "slack", "crm", "") in _rows("en-direction-table.md")


def test_a_navigation_path_stays_out() -> None:
    assert 5 not in {row[0] for row in _rows("en-direction-table.md")}


def test_a_direction_column_gives_one_edge_per_hop_and_its_arrow_sets_the_way() -> None:
    rows = [row[:3] for row in _rows("en-direction-table.md") if 9 <= row[0] <= 12]
    assert rows == [
        (9, "shopify", "klaviyo"),
        (10, "klaviyo", "bigquery"),
        (10, "bigquery", "looker-studio"),
        (11, "shopify", "zendesk"),
        (12, "shopify", "acme-loyalty"),
    ]


def test_plantuml_messages_keep_their_labels_and_quoted_participants() -> None:
    model = flowviz.load(LOOSE / "en-direction-table.md")
    assert [row for row in _rows("en-direction-table.md") if row[0] >= 17] == [
        (17, "shopify", "order-service", "order created"),
        (18, "order-service", "warehouse", "stock update"),
    ]
    assert "FV112" not in {d.code for d in model.diagnostics}


def test_an_unknown_end_is_reported_without_naming_section_1() -> None:
    model = flowviz.load(LOOSE / "en-direction-table.md")
    messages = [d.message for d in model.diagnostics if d.code == "FV101"]
    assert messages == [
        "'Acme Loyalty' is not a product flowviz knows; read as a new system 'acme-loyalty'"
    ]


def test_one_integrations_heading_does_not_make_a_readme_a_template_map() -> None:
    model = flowviz.load(LOOSE / "ru-clinic-integrations.md")
    codes = {d.code for d in check(model)}
    assert "FV111" in codes
    assert not codes & {"FV201", "FV250", "FV260"}


def test_headings_tables_and_diagrams_of_one_readme_all_give_edges() -> None:
    assert [row[:3] for row in _rows("ru-clinic-integrations.md")] == [
        (7, "cms", "amocrm"),
        (8, "amocrm", "1s-meditsina"),
        (9, "roistat", "amocrm"),
        (9, "amocrm", "roistat"),
        (11, "cms", "iandeks-metrika"),
        (21, "cms", "amocrm"),
        (22, "amocrm", "marketing"),
        (23, "amocrm", "telegram-bot"),
        (29, "cms", "amocrm"),
    ]


def test_a_diagram_label_naming_the_platform_is_the_documents_own_system() -> None:
    names = [s.name for s in flowviz.load(LOOSE / "ru-clinic-integrations.md").systems]
    assert not any("WordPress" in name for name in names)


def test_a_lead_path_with_round_bracket_numbers_is_a_flow_and_a_role_word_its_system() -> None:
    (flow,) = flowviz.load(LOOSE / "ru-clinic-integrations.md").flows
    assert flow.title == "Путь заявки"
    assert [(s.number, s.source, s.target) for s in flow.steps] == [
        (1, "cms", None),
        (2, "cms", "amocrm"),
        (3, "amocrm", None),
        (4, "1s-meditsina", None),
    ]


def test_a_docfx_include_is_named_by_its_file_and_two_statements_in_a_cell_are_two_rows() -> None:
    assert [row[:3] for row in _rows("ru-docfx-sync-table.md")] == [
        (7, "erp-name", "shop-name"),
        (8, "erp-name", "shop-name"),
        (8, "shop-name", "erp-name"),
        (9, "shop-name", "erp-name"),
    ]


def test_a_mermaid_label_may_run_over_two_lines_while_its_bracket_is_open() -> None:
    """A label's next line continues its name (``Tunnel Host`` / ``abc.example.dev``) unless
    it is a note, as under ``<br>`` (``Webhook Receiver`` / ``port 8080``)."""
    model = flowviz.load(LOOSE / "en-multiline-mermaid.md")
    names = {s.id: s.name for s in model.systems}
    assert names["tunnel-host-abc-example-dev"] == "Tunnel Host abc.example.dev"
    assert [row[:3] for row in _rows("en-multiline-mermaid.md")][:3] == [
        (5, "shop-backend", "tunnel-host-abc-example-dev"),
        (7, "tunnel-host-abc-example-dev", "payment-sandbox"),
        (8, "payment-sandbox", "webhook-receiver"),
    ]
    assert "FV112" not in {d.code for d in model.diagnostics}


def test_a_role_word_in_a_document_with_no_product_of_that_role_is_its_own_system() -> None:
    model = flowviz.load(LOOSE / "en-multiline-mermaid.md")
    (flow,) = model.flows
    assert flow.steps[0].source == "crm"
    assert {s.id: s.kind for s in model.systems}["crm"] == "crm"


def test_an_ascii_drawing_gives_its_one_line_arrows_between_boxes_and_not_its_legend() -> None:
    assert [row[:3] for row in _rows("en-ascii-pipeline.md")] == [
        (5, "bucket", "loader"),
        (5, "loader", "events"),
        (7, "retries", "worker"),
        (9, "outbox", "sender"),
        (9, "sender", "mailgun"),
    ]


def test_a_workflow_of_numbered_sub_headings_is_read_as_steps_with_their_points() -> None:
    """A point is a bullet under the heading (nested ones too) or a paragraph."""
    model = flowviz.load(LOOSE / "en-workflow-subheadings.md")
    assert "FV111" in {d.code for d in model.diagnostics}
    (flow,) = model.flows
    assert [s.text for s in flow.steps] == [
        "1. Zendesk Trigger",
        "2. Contact Lookup",
        "3. Team Alert",
        "4. Archive",
        "5. Follow-up",
    ]
    assert [row[:3] for row in _rows("en-workflow-subheadings.md")] == [
        (9, "zendesk", "make-com"),
        (13, "make-com", "hubspot"),
        (16, "make-com", "slack"),
        (19, "make-com", "google-drive"),
        (23, "make-com", "intercom"),
    ]


def test_a_role_word_after_a_product_qualifies_it_and_a_purpose_names_no_end() -> None:
    ids = {s.id for s in flowviz.load(LOOSE / "en-workflow-subheadings.md").systems}
    assert "crm" not in ids


def test_the_documents_title_names_the_project_without_its_emoji_or_anchor(write_map) -> None:
    path = write_map('# <a name="top"></a>🚀 Lead routing\n\n- Tilda → amoCRM: заявка\n')
    assert flowviz.load(path).project.name == "Lead routing"


def test_an_ascii_drawing_gives_its_vertical_connectors_towards_their_arrowheads() -> None:
    """``|`` / ``║`` runs between boxes, turning at corners: to the box an arrowhead (``V``,
    ``^``, ``>``) points at, else downwards."""
    assert [row[:3] for row in _rows("en-ascii-connectors.md")] == [
        (4, "intake", "queue"),
        (4, "intake", "parser"),
        (4, "queue", "parser"),
        (7, "parser", "store"),
        (7, "store", "parser"),
    ]


def test_a_mermaid_init_directive_hides_no_diagram_and_a_self_message_is_no_edge() -> None:
    model = flowviz.load(LOOSE / "en-mermaid-init-sequence.md")
    assert "FV112" not in {d.code for d in model.diagnostics}
    (flow,) = model.flows
    assert [(s.source, s.target) for s in flow.steps] == [
        ("shopify", "shopify"),
        ("shopify", "klaviyo"),
        ("klaviyo", "shopify"),
    ]
    assert [row[:3] for row in _rows("en-mermaid-init-sequence.md")][:2] == [
        (11, "shopify", "klaviyo"),
        (12, "klaviyo", "shopify"),
    ]


def test_a_table_cell_that_names_a_transfer_in_words_is_an_edge() -> None:
    rows = [row[:3] for row in _rows("en-mermaid-init-sequence.md")]
    assert rows[2:] == [(19, "shopify", "klaviyo")]


def test_a_mermaid_labels_markup_and_emoji_stay_out_of_the_systems_name(write_map) -> None:
    path = write_map(
        "# Landscape\n\n```mermaid\nflowchart LR\n"
        '  A["💼 Sales Cloud<br/><small>Leads, Opps</small>"] --> B["☁️ <b>AWS S3</b>"]\n```\n'
    )
    names = sorted(s.name for s in flowviz.load(path).systems)
    assert names == ["AWS S3", "Sales Cloud"]


def _edges(name: str) -> list[tuple[str, str, int]]:
    return named_edges(flowviz.load(LOOSE / name))


def test_a_from_to_matrix_gives_an_edge_per_mark_and_a_consumers_list_one_per_consumer() -> None:
    """``From \\ To`` with ✓ marks: row to column; ``Publisher | Consumers``: one edge per
    consumer; a short name (``Billing``) is the component of the document it begins."""
    assert _edges("en-service-matrix.md") == [
        ("Storefront", "Orders Service", 7),
        ("Orders Service", "Billing Service", 8),
        ("Orders Service", "Mailer Service", 8),
        ("Billing Service", "Orders Service", 9),
        ("Orders Service", "Billing Service", 15),
        ("Orders Service", "Mailer Service", 15),
        ("Billing Service", "Orders Service", 16),
        ("Storefront", "Segment.com", 17),
        ("Mailer Service", "SendGrid", 22),
    ]


def test_a_russian_matrix_and_subscribers_list_name_the_services_by_their_short_names() -> None:
    """``Откуда \\ Куда`` with ``+`` marks and ``Издатель | Подписчики``; ``Заказы`` is the
    document's ``Сервис заказов``, ``Склад`` its ``Сервис склада``."""
    assert _edges("ru-service-matrix.md") == [
        ("Сайт", "Сервис заказов", 7),
        ("Сервис заказов", "Сервис склада", 8),
        ("Сервис заказов", "Сервис склада", 14),
        ("Сервис заказов", "1С:УНФ", 14),
        ("Сервис склада", "Сайт", 15),
    ]


def test_a_receivers_table_under_a_components_heading_is_sent_by_that_component() -> None:
    """``## Edge Gateway`` over ``Path | Target``: the gateway sends each row; a tech stack's
    ``Назначение`` (purpose) column is no receiver."""
    assert _edges("en-gateway-routes.md") == [
        ("Edge Gateway", "Orders Service", 9),
        ("Edge Gateway", "Billing Service", 10),
        ("Orders Service", "Kafka", 19),
    ]


def test_a_direction_table_keeps_its_data_column_and_1c_is_the_documents_1c_edition(
    write_map,
) -> None:
    """``Данные`` is the rows' data; ``1С`` in a direction cell and in a step is the
    document's one ``1С:УНФ``."""
    text = (
        "# Магазин\n\n## Схема\n\n| Система | Направление | Данные |\n|---|---|---|\n"
        "| 1С:УНФ | 1С → Сайт | Остатки, цены |\n| amoCRM | Сайт → amoCRM | Заявки |\n\n"
        "## Как это работает\n\n1. Раз в час 1С выгружает остатки на сайт.\n"
        "2. Сайт передаёт заявку в amoCRM.\n"
    )
    model = flowviz.load(write_map(text))
    names = {s.id: s.name for s in model.systems}
    rows = [(names[r.source], names[r.target], r.line, r.source_data) for r in model.integrations]
    assert rows[:2] == [
        ("1С:УНФ", "Сайт", 7, "Остатки, цены"),
        ("Сайт", "amoCRM", 8, "Заявки"),
    ]
    assert ("1С:УНФ", "Сайт", 12) in [(a, b, line) for a, b, line, _ in rows]
    assert sorted(names.values()) == ["1С:УНФ", "amoCRM", "Сайт"]


def test_a_producer_item_and_a_consumers_item_give_an_edge_per_consumer() -> None:
    """``Продюсер: X`` / ``Потребители: Y; Z`` (and ``Producer`` / ``Consumers``) under an
    event's heading: one edge per consumer, labelled with the event; a sentence after the
    list (``Checkout Service публикует …``) names no consumer."""
    model = flowviz.load(LOOSE / "ru-event-catalogue.md")
    names = {s.id: s.name for s in model.systems}
    rows = [(names[r.source], names[r.target], r.line, r.source_data) for r in model.integrations]
    assert rows == [
        ("Checkout Service", "Warehouse Service", 5, "OrderPaid"),
        ("Checkout Service", "CRM Sync", 5, "OrderPaid"),
        ("Checkout Service", "Analytics Service", 5, "OrderPaid"),
        ("Checkout Service", "Receipt Service", 12, "ReceiptRequested"),
        ("Checkout Service", "Email Gateway", 12, "ReceiptRequested"),
    ]


def test_an_interaction_column_of_arrows_gives_edges_between_names_only(write_map) -> None:
    """``Взаимодействие`` holding ``A → B`` is a direction column; an end written in lower case
    that is no role word (``форма согласия``) is a thing shown, not a system."""
    text = (
        "# SSO\n\n| # | Взаимодействие | Что происходит? |\n|---|---|---|\n"
        "| 1 | Вкладка приложения → Клиент Teams | вызов |\n"
        "| 2 | Клиент Teams → Azure AD | маркер |\n| 3 | Azure AD → форма согласия | запрос |\n"
    )
    assert named_edges(flowviz.load(write_map(text))) == [
        ("Вкладка приложения", "Клиент Teams", 5),
        ("Клиент Teams", "Azure AD", 6),
    ]


def test_from_whom_and_to_whom_columns_are_the_sender_and_the_receiver(write_map) -> None:
    path = write_map(
        "# Связи\n\n| От кого | К кому | Тип соединения |\n| --- | --- | --- |\n"
        "| Bitrix | Сервис интеграции | API |\n| Сервис интеграции | Mailchimp | API |\n"
        "| Bitrix | Благотворитель | UI |\n"
    )
    model = flowviz.load(path)
    assert named_edges(model)[:2] == [
        ("Bitrix", "Сервис интеграции", 5),
        ("Сервис интеграции", "Mailchimp", 6),
    ]
    assert {s.name: s.kind for s in model.systems}["Благотворитель"] == "actor"


def test_a_product_named_alone_is_not_the_longer_product_it_begins(write_map) -> None:
    """``Unisender`` and ``Unisender Go`` are two products of the catalogue: the first word
    of the second names the first, not the second."""
    path = write_map(
        "# Связи\n\n| От кого | К кому | Тип |\n| --- | --- | --- |\n"
        "| Сервис интеграции | Unisender Go | API |\n| Сервис интеграции | Unisender | API |\n"
    )
    assert named_edges(flowviz.load(path)) == [
        ("Сервис интеграции", "Unisender Go", 5),
        ("Сервис интеграции", "Unisender", 6),
    ]


def test_a_receiver_cell_naming_two_products_is_an_edge_to_each(write_map) -> None:
    """``MixPlat/CloudPayment`` after a row to ``CloudPayment``: the name no system has yet is
    a second receiver, not a word to drop; ``Site / BrightDesk app`` (a role and its product)
    stays one system."""
    path = write_map(
        "# Связи\n\n| От кого | К кому | Тип |\n| --- | --- | --- |\n"
        "| Сервис интеграции | CloudPayment | API |\n"
        "| Сервис интеграции | MixPlat/CloudPayment | API |\n"
        "| Сервис интеграции | Сайт / BrightDesk | API |\n"
    )
    assert named_edges(flowviz.load(path)) == [
        ("Сервис интеграции", "CloudPayment", 5),
        ("Сервис интеграции", "CloudPayment", 6),
        ("Сервис интеграции", "MixPlat", 6),
        ("Сервис интеграции", "Сайт / BrightDesk", 7),
    ]


def test_a_product_is_not_the_other_product_it_qualifies(write_map) -> None:
    """``Gmail Pub/Sub`` is Pub/Sub (qualified by Gmail): ``Gmail`` alone is still Gmail."""
    path = write_map(
        "# Gmail Pub/Sub -> OpenClaw\n\n- Gmail watch -> Pub/Sub push -> OpenClaw webhook\n"
    )
    names = {s.name for s in flowviz.load(path).systems}
    assert {"Gmail", "Gmail Pub/Sub"} <= names


def test_a_sender_cell_naming_two_products_is_an_edge_from_each(write_map) -> None:
    path = write_map(
        "# Связи\n\n| От кого | К кому | Тип |\n| --- | --- | --- |\n"
        "| CloudPayment | Сервис интеграции | API |\n"
        "| MixPlat/CloudPayment | Сервис интеграции | webhook |\n"
    )
    assert named_edges(flowviz.load(path)) == [
        ("CloudPayment", "Сервис интеграции", 5),
        ("CloudPayment", "Сервис интеграции", 6),
        ("MixPlat", "Сервис интеграции", 6),
    ]


YFM_TABLE = """# Обмен заказами

#|
|| **Источник** | **Получатель** | **Что передаётся** ||
|| Tilda | amoCRM | Заявка с формы ||
|| amoCRM
| Unisender
| Контакт и теги,
список рассылки ||
|| Unisender | ClickHouse | События рассылки ||
|#
"""


def test_a_multi_line_table_of_the_yfm_dialect_is_a_table(write_map) -> None:
    """``#| … |#`` (Yandex Cloud's and Bitrix24's documentation): ``|| … ||`` rows, a cell
    running over several lines; each row an edge on the line it starts on, its cells' text
    joined."""
    model = flowviz.load(write_map(YFM_TABLE))
    assert [(r.line, r.source, r.target, r.source_data) for r in model.integrations] == [
        (5, "tilda", "amocrm", "Заявка с формы"),
        (6, "amocrm", "unisender", "Контакт и теги, список рассылки"),
        (10, "unisender", "clickhouse", "События рассылки"),
    ]


def test_a_yfm_table_in_a_template_map_is_read_as_a_table() -> None:
    """The markdown-it rule gives a GFM table's tokens: header cells, one row per ``|| … ||``."""
    tables = [b for b in parse_blocks(YFM_TABLE) if isinstance(b, Table)]
    assert [c.text for c in tables[0].header] == ["Источник", "Получатель", "Что передаётся"]
    assert [(row.line, [c.text for c in row.cells][:2]) for row in tables[0].rows] == [
        (5, ["Tilda", "amoCRM"]),
        (6, ["amoCRM", "Unisender"]),
        (10, ["Unisender", "ClickHouse"]),
    ]
    assert parse_blocks("#|\n|| a | b ||\n") and not any(
        isinstance(b, Table) for b in parse_blocks("#|\n|| a | b ||\n")
    ), "an unclosed #| is text"


def test_a_direction_cell_in_words_is_the_arrow_it_says(write_map) -> None:
    """``Из Моей Системы в amoCRM`` in a direction column is ``Моя Система → amoCRM`` (a case
    form of a name is the name); a way between two common nouns names no system: the row is
    reported (FV105), not read."""
    model = flowviz.load(
        write_map(
            "# Обмен\n\n| Сценарий | Направление |\n|---|---|\n"
            "| Лиды | Tilda → Моя Система |\n"
            "| Оплаты | Из Моей Системы в amoCRM |\n"
            "| Заказы | Из интернет-магазина во внешнюю систему |\n"
        )
    )
    assert [(r.line, r.source, r.target) for r in model.integrations] == [
        (5, "tilda", "moia-sistema"),
        (6, "moia-sistema", "amocrm"),
    ]
    assert [(d.code, d.line) for d in model.diagnostics if d.code == "FV105"] == [("FV105", 7)]


def test_numbered_headings_whose_titles_name_no_section_do_not_make_a_template_map(
    write_map,
) -> None:
    """``## 2. Поток A1 — Sheets → ClickHouse`` has the number of the template's integrations
    section but a title that names none of its sections: the document is read by its edge
    statements (the arrows of its headings), not as the template's sections."""
    model = flowviz.load(
        write_map(
            "# Архитектура\n\n## 1. Источники и назначения\n\n- ClickHouse — хранилище.\n\n"
            "## 2. Поток A1 — Google Sheets → ClickHouse\n\n1. Лоадер запускается раз в час.\n\n"
            "## 7. Поток F0 — ClickHouse → DataLens\n\n"
            "1. DataLens подключается к ClickHouse (только чтение).\n"
            "2. Отчёты обновляются каждый час.\n"
        )
    )
    assert "FV111" in {d.code for d in check(model)}
    edges = {(r.source, r.target) for r in model.integrations}
    assert {("google-sheets", "clickhouse"), ("clickhouse", "datalens")} <= edges
    assert ("datalens", "clickhouse") not in edges, "a tool connecting to a store reads from it"


def test_a_purpose_column_drawing_arrows_is_read_when_the_name_column_holds_none(
    write_map,
) -> None:
    """``Connection Name | Purpose``: the name column holds no pair, the purpose cells draw the
    arrows (after a purpose's ``For``); a dataset named by its stage (``Raw dataset``,
    ``CDC dataset``) is a part of the warehouse, no system."""
    model = flowviz.load(
        write_map(
            "# Connections\n\n| Connection Name | Purpose |\n|---|---|\n"
            "| `ads_raw` | For Google Ads API -> BigQuery Raw Dataset |\n"
            "| `ads_cdc` | For Raw dataset -> CDC dataset transfer |\n"
            "| `ads_rep` | For CDC dataset -> Reporting dataset transfer |\n"
        )
    )
    assert named_edges(model) == [("Google Ads", "BigQuery Raw Dataset", 5)]


def test_an_end_cell_naming_either_of_two_products_is_one_system(write_map) -> None:
    """``MySQL / MariaDB`` in a receiver cell is one server that may be either product, while
    ``Controller / CDI``, whose first name ends another row, lists two senders; a cell naming
    a system in other words (``API Kubernetes``) keeps its spelling."""
    model = flowviz.load(
        write_map(
            "# Порты\n\n| Источник | Получатель | Порт |\n| --- | --- | --- |\n"
            "| Узел | MySQL / MariaDB | `3306`/TCP |\n"
            "| Узел | API Kubernetes | `6443`/TCP |\n"
            "| Controller / CDI | DVCR | HTTPS |\n"
            "| Prometheus | Controller | HTTPS |\n"
        )
    )
    assert named_edges(model) == [
        ("Узел", "MySQL / MariaDB", 5),
        ("Узел", "Kubernetes", 6),
        ("Controller", "DVCR", 7),
        ("CDI", "DVCR", 7),
        ("Prometheus", "Controller", 8),
    ]
    (kubernetes,) = [s for s in model.systems if s.name == "Kubernetes"]
    assert "API Kubernetes" in kubernetes.aliases


def test_a_components_table_gives_an_edge_from_each_input_and_to_each_output() -> None:
    """``Service | Consuming From | Producing To``: what a row consumes sends to its service,
    what it produces receives from it; names in backquotes are ends whatever their case, ``-``
    is none, and a name opening with the row's own service is a part of it. Bare ``Input`` /
    ``Output`` columns are ends under a ``Function`` column, not under a ``Step`` one."""
    assert _edges("en-component-io.md") == [
        ("carts", "Checkout Service", 7),
        ("prices", "Checkout Service", 7),
        ("Checkout Service", "orders", 7),
        ("orders", "Mailer Service", 8),
        ("orders", "Stream Processor", 9),
        ("Stream Processor", "order-totals", 9),
        ("Sales DB", "Nightly Export", 15),
        ("Nightly Export", "Reporting Bucket", 15),
    ]


def test_a_russian_components_table_reads_from_and_writes_to() -> None:
    assert _edges("ru-component-io.md") == [
        ("cart-events", "Сервис заказов", 5),
        ("Сервис заказов", "order-events", 5),
        ("Сервис заказов", "1С:УНФ", 5),
        ("order-events", "Сервис уведомлений", 6),
        ("Сервис уведомлений", "Telegram", 6),
    ]


def test_a_table_of_tasks_and_the_articles_on_them_names_no_systems(write_map) -> None:
    """``To | See``: each row a task written as a sentence and the article on it; no system
    is named by a whole sentence, and the arrow line beside the table is still read."""
    text = (
        "# Connector\n\nShopify → Business Central: orders\n\n"
        "|**To**|**See**|\n|---|---|\n"
        "| Send inventory levels to Shopify.| [Sync inventory](sync.md)|\n"
        "| Learn about nuances when working with Shopify POS | [POS](pos.md)|\n"
    )
    model = flowviz.load(write_map(text))
    assert sorted(s.name for s in model.systems) == ["Business Central", "Shopify"]
    assert named_edges(model) == [("Shopify", "Business Central", 3)]


def test_a_destination_after_a_source_column_is_the_receiver(write_map) -> None:
    """``Назначение`` names a row's purpose, but after ``Источник`` it is where the data goes:
    in ``Назначение | Порт | Источник | Назначение`` the second is the receiver."""
    model = flowviz.load(
        write_map(
            "# Порты\n\n| Назначение | Порт | Источник | Назначение |\n| --- | --- | --- | --- |\n"
            "| Входящая почта | 25 | Интернет | Сервер Exchange |\n"
            "| Выгрузка | 443 | 1С | Битрикс24 |\n"
        )
    )
    assert named_edges(model) == [("Интернет", "Сервер Exchange", 5), ("1С", "Битрикс24", 6)]


def test_a_purpose_column_alone_names_no_receiver(write_map) -> None:
    """Without a sender column ``Назначение`` stays the purpose: no table of edges."""
    with pytest.raises(MapError, match="not an integration map"):
        flowviz.load(
            write_map(
                "# Порты\n\n| Назначение | Порт | Примечания |\n| --- | --- | --- |\n"
                "| Входящая почта | 25 | Сервер Exchange слушает порт |\n"
            )
        )


def test_an_html_table_written_one_cell_per_line_gives_each_edge_its_sender_line(
    write_map,
) -> None:
    """An HTML table pasted with every cell on a line of its own: each row is an edge, on the
    line of its sender cell, the purpose cell its label."""
    model = flowviz.load(
        write_map(
            "# Mail flow\n\n<table>\n<thead>\n<tr>\n<th>Purpose</th>\n<th>Source</th>\n"
            "<th>Destination</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td><p>Inbound mail</p></td>\n"
            "<td><p>Internet</p></td>\n<td><p>Edge Transport server</p></td>\n</tr>\n<tr>\n"
            "<td><p>Outbound mail</p></td>\n<td><p>Mailbox server</p></td>\n"
            "<td><p>Internet</p></td>\n</tr>\n</tbody>\n</table>\n"
        )
    )
    assert named_edges(model) == [
        ("Internet", "Edge Transport server", 14),
        ("Mailbox server", "Internet", 19),
    ]


def test_a_port_table_reads_each_way_against_the_component_its_lead_sentence_names(
    write_map,
) -> None:
    """``Протокол | Port | В/Из | Direction`` under ``порты … для работы шлюза ATA``: an
    outbound row is an edge from the gateway, an inbound one to it, ``Оба`` one each way; a
    network is where traffic goes, not a party, and an adjective makes another component."""
    model = flowviz.load(
        write_map(
            "# Порты\n\nВ таблице перечислены порты, необходимые для работы шлюза ATA.\n\n"
            "|Протокол|Port|В/Из|Direction|\n|---|---|---|---|\n"
            "|LDAP|389|Контроллеры домена|Исходящее|\n"
            "|Syslog|514|Сервер SIEM|Входящие|\n"
            "|NetBIOS|137|Все устройства в сети|Оба|\n"
            "|HTTP|80|Сеть организации|Входящий трафик|\n\n"
            "## Упрощенный шлюз\n\nПорты для работы упрощенного шлюза ATA.\n\n"
            "|Protocol|Port|To/From|Direction|\n|---|---|---|---|\n"
            "|DNS|53|DNS servers|Outbound|\n"
        )
    )
    assert named_edges(model) == [
        ("Шлюза ATA", "Контроллеры домена", 7),
        ("Сервер SIEM", "Шлюза ATA", 8),
        ("Шлюза ATA", "Все устройства в сети", 9),
        ("Все устройства в сети", "Шлюза ATA", 9),
        ("Упрощенного шлюза ATA", "DNS servers", 18),
    ]


def test_a_port_table_without_a_named_component_states_no_edge(write_map) -> None:
    """Ways with nobody to read them against: no edge, the row kept with its one end."""
    model = flowviz.load(
        write_map(
            "# Ports\n\nOpen these ports.\n\n|Protocol|Port|To/From|Direction|\n"
            "|---|---|---|---|\n|DNS|53|DNS servers|Outbound|\n"
        )
    )
    assert named_edges(model) == []
    assert [row.line for row in model.integrations] == [7]


def test_a_source_and_a_target_column_make_a_table_of_edges_whatever_else_it_has(
    write_map,
) -> None:
    """``# | Name | Source | Target | Information | Description`` reads as edges, not as a
    schema of identifiers; ``EDI & Online Shop`` lists two senders."""
    model = flowviz.load(
        write_map(
            "# Outbound goods\n\n| # | Name | Source | Target | Information | Description |\n"
            "|--|--|--|--|--|--|\n"
            "| 1 | Orders | EDI & Online Shop | Dynamics 365 | Sales orders | EDI places them |\n"
            "| 2 | Items | Dynamics 365 | Cubing software | Products | feeds it |\n"
        )
    )
    assert named_edges(model) == [
        ("EDI", "Dynamics 365", 5),
        ("Online Shop", "Dynamics 365", 5),
        ("Dynamics 365", "Cubing software", 6),
    ]


def test_a_direction_column_without_an_arrow_makes_no_system_of_the_data(write_map) -> None:
    """``Flows | Crossing | Data crossing``: the ``Flows`` cells name flows (`` `U1` ``), no
    ``A → B``; the row's data (``Session cookie, form submissions``) is no sender, and the row
    is reported (FV105) rather than read as a system of that name."""
    model = flowviz.load(
        write_map(
            "# Boundaries\n\n- Tilda → amoCRM\n\n"
            "| Flows | Crossing | Data crossing |\n| --- | --- | --- |\n"
            "| `U1`, `U2` | TB1 → TB2 | Session cookie, form submissions |\n"
            "| `A6` | TB2 → TB3 | Location hierarchy, staff usernames |\n"
        )
    )
    assert sorted(s.name for s in model.systems) == ["Tilda", "amoCRM"]
    assert named_edges(model) == [("Tilda", "amoCRM", 3)]
    reported = [(d.code, d.line) for d in model.diagnostics if d.code == "FV105"]
    assert reported == [("FV105", 7), ("FV105", 8)]


def test_a_sentence_in_a_receiver_cell_makes_no_system(write_map) -> None:
    """``Куда записать идентификатор`` over ``Поля ORIGINATOR_ID — код внешней системы и
    ORIGIN_ID — идентификатор объекта в ней. Поля доступны в фильтре``: a cell longer than any
    system's name says where a value goes, no system; a short one still names a system."""
    model = flowviz.load(
        write_map(
            "# Обмен\n\n| Объект | Куда |\n|---|---|\n"
            "| Сделка | Поля ORIGINATOR_ID — код внешней системы и ORIGIN_ID — идентификатор "
            "объекта в ней. Поля доступны в фильтре списочных методов |\n"
            "| Лид | Битрикс24 |\n"
        )
    )
    assert sorted(s.name for s in model.systems) == ["Битрикс24"]


def test_a_sentence_in_a_table_cell_is_read_when_no_cell_states_an_edge(write_map) -> None:
    """A table of operations whose description cells say who sends what (``Walmart sends the
    order to Channel Manager.``) and whose delay cells read ``Up to 30 minutes``: the
    sentences are edges, an amount after ``to`` is none."""
    model = flowviz.load(
        write_map(
            "# Operations\n\n| Operation | Description | Expected delay |\n| --- | --- | --- |\n"
            "| Order sync | Shopify sends the order to the Acme OMS. | **Up to 30 minutes** |\n"
            "| Price updates | When a price changes, the Acme OMS syncs it to Shopify. "
            "| Up to 5 minutes |\n"
        )
    )
    assert named_edges(model) == [("Shopify", "Acme OMS", 5), ("Acme OMS", "Shopify", 6)]


def test_names_kept_from_translation_are_the_names(write_map) -> None:
    """Adobe's ``[!DNL Channel Manager]`` markup wraps a name; the name is what it says."""
    model = flowviz.load(
        write_map(
            "# [!DNL Channel Manager]\n\n- [!DNL Walmart Marketplace] sends the order to "
            "[!DNL Channel Manager].\n- [!DNL Channel Manager] syncs the stock to "
            "[!DNL Walmart Marketplace].\n"
        )
    )
    assert {s.name for s in model.systems} == {"Walmart Marketplace", "Channel Manager"}


def test_a_ledger_with_source_and_destination_accounts_is_no_table_of_edges(write_map) -> None:
    """``entryId | date | source | destination | amount``: money moving between account codes,
    not systems; a table of the same ends without money is one of edges."""
    ledger = (
        "| entryId | date | source | destination | amount |\n| --- | --- | --- | --- | --- |\n"
        "| 1 | 2024-06-18 | AAA/SPNDS | BBB | 1.5 |\n"
    )
    text = f"# Ledger\n\n{ledger}\n- Tilda → amoCRM\n"
    assert named_edges(flowviz.load(write_map(text))) == [("Tilda", "amoCRM", 7)]
    edges = "| Source | Destination | Data |\n| --- | --- | --- |\n| Tilda | amoCRM | leads |\n"
    assert named_edges(flowviz.load(write_map(f"# Map\n\n{edges}"))) == [("Tilda", "amoCRM", 5)]
