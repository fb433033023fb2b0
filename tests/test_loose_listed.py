"""A tool's lists of what it connects to: one edge per product a list of its destinations,
sources or integrations names, between the product and the tool the title names."""

from __future__ import annotations

import pytest

from flowviz.load import load
from tests.loose_support import named_edges


def test_a_lead_in_naming_connections_makes_each_product_a_destination(write_map) -> None:
    model = load(
        write_map(
            "# Tightlock - First-Party Data Tool\n\n"
            "Some examples of connections that are available through Tightlock are:\n\n"
            "- Google Analytics / GA4 measurement\n"
            "- Google Ads API Customer Match\n"
            "- Offline conversions of any kind\n"
        )
    )
    assert named_edges(model) == [
        ("Tightlock", "Google Analytics", 5),
        ("Tightlock", "Google Ads", 6),
    ]


def test_an_item_with_nested_ways_is_one_edge_per_way(write_map) -> None:
    model = load(
        write_map(
            "# MDS - Marketing Data Sync\n\n## Supported integrations\n"
            "- **Google Ads**\n  - Customer Match\n  - Offline Conversions through gclid\n"
            "- **Appsflyer**\n"
        )
    )
    assert named_edges(model) == [
        ("MDS", "Google Ads", 5),
        ("MDS", "Google Ads", 6),
        ("MDS", "Appsflyer", 7),
    ]


def test_a_list_of_sources_sends_into_the_tool(write_map) -> None:
    model = load(write_map("# Loader\n\n## Источники данных\n\n- ClickHouse\n- PostgreSQL\n"))
    assert named_edges(model) == [("ClickHouse", "Loader", 5), ("PostgreSQL", "Loader", 6)]


def test_lists_under_other_headings_or_without_a_tool_state_nothing(write_map) -> None:
    stack = "# Loader\n\n## Stack\n\n- ClickHouse\n- PostgreSQL\n\n- Tilda → amoCRM\n"
    untitled = "Integrations:\n\n- ClickHouse\n- PostgreSQL\n\n- Tilda → amoCRM\n"
    far = "# Loader\n\n## Integrations\n\nWe use many.\n\n- ClickHouse\n\n- Tilda → amoCRM\n"
    for text in (stack, untitled, far):
        assert [(a, b) for a, b, _ in named_edges(load(write_map(text)))] == [("Tilda", "amoCRM")]


def test_a_list_describing_components_tells_who_sends_to_whom(write_map) -> None:
    """``by`` / ``from`` before a system: it sends to the component; ``to`` / ``in``: it
    receives; only the first such system of a sentence, and not one whose data is meant."""
    model = load(
        write_map(
            "# Fallback messaging\n\n## Architecture\n\n"
            "- **Amazon API Gateway:** Exposes an endpoint to send messages.\n"
            "- **Amazon SQS:** Messages received by the API Gateway are placed into a queue.\n"
            "- **AWS Lambda Handler:** This function is triggered by SQS. It logs the "
            "status in Amazon DynamoDB based on events from Amazon SNS.\n"
            "- **Mapping Service:** Maps AWS message IDs to WhatsApp message IDs.\n"
        )
    )
    assert named_edges(model) == [
        ("Amazon API Gateway", "Amazon SQS", 6),
        ("Amazon SQS", "AWS Lambda Handler", 7),
        ("AWS Lambda Handler", "Amazon DynamoDB", 7),
    ]


def test_what_a_description_keeps_in_a_system_or_takes_from_its_maker_is_no_transfer(
    write_map,
) -> None:
    """``frontend components from Adyen embedded``, ``to be used in connector``: what a
    component is built of or where it is used, no way data goes; a write ``in`` still is."""
    model = load(
        write_map(
            "# Connector\n\n## Architecture\n\n"
            "- **Amazon API Gateway:** A wrapper in which frontend components from Adyen are "
            "embedded.\n"
            "- **AWS Lambda Handler:** The SDK is to be used in Amazon SQS. It logs the status in "
            "Amazon DynamoDB.\n"
        )
    )
    assert named_edges(model) == [("AWS Lambda Handler", "Amazon DynamoDB", 6)]


def test_bold_labels_that_name_no_system_describe_nothing(write_map) -> None:
    model = load(
        write_map(
            "# Onboarding\n\n## Steps\n\n"
            "- **Source:** events from Stripe\n- **Branching:** premium customers to HubSpot\n"
            "\n- Tilda → amoCRM\n"
        )
    )
    assert [(a, b) for a, b, _ in named_edges(model)] == [("Tilda", "amoCRM")]


def test_a_label_ended_by_a_dash_or_linked_describes_its_component_too(write_map) -> None:
    model = load(
        write_map(
            "# Приём данных\n\n"
            "* **[Power Automate —](https://flow.microsoft.com/)** конвейер с передачей данных"
            " в Azure Data Explorer.\n"
            "* **Соединитель Apache Spark** — реализует приём данных из Kafka.\n"
            "* **Центр Интернета вещей** — конвейер передачи данных в Azure Data Explorer.\n"
        )
    )
    assert named_edges(model) == [
        ("Power Automate", "Azure Data Explorer", 3),
        ("Kafka", "Соединитель Apache Spark", 4),
        ("Центр Интернета вещей", "Azure Data Explorer", 5),
    ]


def test_a_list_of_functions_by_code_name_says_what_each_takes_from_where(write_map) -> None:
    """Items naming a function in code case and saying what it does are its description;
    items naming fields in code case (``source_table: A reference …``) are not."""
    functions = load(
        write_map(
            "# WhatsApp chat\n\n### Functions\n"
            "- twilioIncomingMessage. Process incoming messages from Twilio.\n"
            "- cloudApiIncomingMessage. Process incoming messages from Twilio.\n"
            "- dial. Place calls on user request.\n"
        )
    )
    assert named_edges(functions) == [
        ("Twilio", "twilioIncomingMessage", 4),
        ("Twilio", "cloudApiIncomingMessage", 5),
    ]
    fields = (
        "# Activation\n\nWhere:\n\n"
        "* `activation_type`: A value from the file kept in Amazon S3.\n"
        "* `source_table`: A reference to the table in BigQuery.\n\nSite → CRM\n"
    )
    assert [(a, b) for a, b, _ in named_edges(load(write_map(fields)))] == [("Site", "CRM")]


def test_a_bold_label_acting_by_its_verb_describes_its_component(write_map) -> None:
    """``**Twilio Functions** collect … and store them in AWS S3``: the label is the subject
    of its verb, as if a colon followed it; a label followed by no verb describes nothing."""
    model = load(
        write_map(
            "# Reminders\n\n## Components\n\n"
            "- **Twilio Functions** collect appointment events and store them in AWS S3.\n"
            "- **Twilio Studio** implements the SMS conversation.\n"
            "- **Amazon SQS** queue to Slack.\n"
        )
    )
    assert named_edges(model) == [("Twilio Functions", "AWS S3", 5)]


def test_a_list_of_functions_linked_to_their_files_says_what_each_exchanges(write_map) -> None:
    """``[create-invoice](./functions/create-invoice.js): handles the Twilio webhook …``: a
    function named as its file; a product whose webhook it handles calls it. One such item
    alone, or a linked page that names no function, describes nothing."""
    text = (
        "# Payment links\n\nIt is divided into two functions:\n\n"
        "- [create-invoice](./functions/create-invoice.js): handles the Twilio webhook event"
        " and creates the invoice in Stripe.\n"
        "- [send-invoice-sms](./functions/send-invoice-sms.js): handles the Stripe webhook"
        " event and texts the payment link to the customer.\n"
    )
    assert named_edges(load(write_map(text))) == [
        ("Twilio", "create-invoice", 5),
        ("create-invoice", "Stripe", 5),
        ("Stripe", "send-invoice-sms", 6),
    ]
    guide = (
        "# Guide\n\n- [set-up](./setup.md): handles the Stripe webhook in HubSpot.\n"
        "- Tilda → amoCRM\n"
    )
    assert [(a, b) for a, b, _ in named_edges(load(write_map(guide)))] == [("Tilda", "amoCRM")]


@pytest.mark.parametrize(
    "lead_in",
    [
        "With this integration you can perform the following functions:",
        "The Acme Bridge lets you:",
    ],
)
def test_a_list_of_abilities_is_an_edge_per_item_between_the_doer_and_its_product(
    write_map, lead_in: str
) -> None:
    """Items opening with a verb and naming one product: out of the doer, unless the product
    is where the data is taken from; an item naming no product, or a list of what the reader
    can do, states none."""
    model = load(
        write_map(
            f"# Xero Sync\n\nThe sync for accounting.\n\n{lead_in}\n\n"
            "* Send Invoices to Xero as Bills\n* Get Contacts from Xero as Customers\n"
            "* Poll for payments in Xero\n* Keep an audit log\n\n"
            "You can then take the next steps:\n\n* Delete orders from Xero to retry them\n"
        )
    )
    (name,) = {s.name for s in model.systems} - {"Xero"}
    assert name in ("Xero Sync", "This Integration", "Acme Bridge")
    assert named_edges(model) == [(name, "Xero", 7), ("Xero", name, 8), ("Xero", name, 9)]


def test_a_features_heading_lists_what_the_documents_tool_does(write_map) -> None:
    """``## Features`` over bare verbs (``Sync contacts from HubSpot``) in a document whose
    title names its tool: the tool is the doer; under any other heading an order such as
    ``Send orders to Mailchimp`` is the reader's to do (a sync line is an edge anywhere)."""
    text = (
        "# Acme\n\nA small connector.\n\n## {heading}\n\n- Sync contacts from HubSpot\n"
        "- Send orders to Mailchimp as purchases\n- Keep a log\n\n- Tilda → amoCRM\n"
    )
    model = load(write_map(text.format(heading="Features")))
    assert named_edges(model) == [
        ("HubSpot", "Acme", 7),
        ("Acme", "Mailchimp", 8),
        ("Tilda", "amoCRM", 11),
    ]
    model = load(write_map(text.format(heading="Setup")))
    assert ("Acme", "Mailchimp", 8) not in named_edges(model)


def test_a_russian_list_of_abilities_names_the_documents_tool(write_map) -> None:
    """``Модуль позволяет:`` over infinitives: the module the title names is the doer."""
    model = load(
        write_map(
            "# Склад-Синк\n\nМодуль для магазина.\n\nМодуль позволяет:\n\n"
            "- выгружать заказы в МойСклад\n- получать остатки из МойСклад\n"
        )
    )
    assert named_edges(model) == [("Склад-Синк", "МойСклад", 7), ("МойСклад", "Склад-Синк", 8)]


def test_a_list_of_abilities_of_a_products_integration_has_that_product_for_its_doer(
    write_map,
) -> None:
    """``The Chatwoot integration allows you to:`` over ``Receive WhatsApp messages in your
    Chatwoot inbox``: Chatwoot named in the item is the doer, WhatsApp the one product."""
    model = load(
        write_map(
            "# Support inbox\n\nThe Chatwoot integration allows you to:\n"
            "- Receive WhatsApp messages in your Chatwoot inbox\n"
            "- Send replies to Telegram from the Chatwoot dashboard\n"
        )
    )
    assert [(a, b) for a, b, _ in named_edges(model)] == [
        ("WhatsApp", "Chatwoot"),
        ("Chatwoot", "Telegram"),
    ]


def test_table_formats_and_stores_of_a_lakehouse_are_products(write_map) -> None:
    """Apache Iceberg, HBase and Authorize.net are products of the catalogue: a title joining
    two of them by ``to`` is an edge."""
    model = load(
        write_map(
            "# Templates\n\n- [Kafka to Iceberg](a.md)\n- [Cloud Bigtable to HBase](b.md)\n"
            "- [Authorize.net to Stripe](c.md)\n"
        )
    )
    assert [(a, b) for a, b, _ in named_edges(model)] == [
        ("Kafka", "Iceberg"),
        ("Cloud Bigtable", "HBase"),
        ("Authorize.net", "Stripe"),
    ]


def test_a_russian_list_of_functions_names_its_doer_and_the_products_listed_in_an_item(
    write_map,
) -> None:
    """``**Центр сбора** выполняет следующие функции:`` over nouns of doing (``получение
    данных от агентов сбора и шлюзов сбора``): each product of the item's list is an end."""
    model = load(
        write_map(
            "# Архитектура\n\n## Компоненты\n\n- **Агент сбора** — служба на сервере.\n"
            "- **Шлюз сбора** — служба в сети.\n- **Центр сбора** — сервер анализа.\n\n"
            "**Центр сбора** выполняет следующие функции:\n\n"
            "- получение данных от агентов сбора и шлюзов сбора;\n"
            "- выявление подозрительных действий;\n"
        )
    )
    assert [(a, b) for a, b, _ in named_edges(model)] == [
        ("Агент сбора", "Центр сбора"),
        ("Шлюз сбора", "Центр сбора"),
    ]
