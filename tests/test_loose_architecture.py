"""Architecture pages: a lead-in sentence before a numbered data flow, and a components list.

Many architecture pages (cloud vendors' reference architectures, in Russian and English) say
under "Архитектура" / "Architecture" that "the data flows through the solution as follows",
number the steps, and list the services under "Компоненты" / "Components". The reader takes
the numbered list as a flow, the listed services as the page's systems, and a step that names
two of them as an edge; nobody else (a person, a service the page does not declare) is an end.
The same model in two processes with other hash seeds: ``test_determinism``.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from flowviz.errors import MapError
from flowviz.load import load
from flowviz.model import Map
from flowviz.parse.blocks import parse_document
from flowviz.parse.components import components, is_components_title
from tests.loose_support import named_edges as _edges

LOOSE = Path(__file__).resolve().parent / "fixtures" / "loose"


def _steps(model: Map) -> list[tuple[int, str | None, str | None]]:
    names = {s.id: s.name for s in model.systems}
    return [
        (s.line, names.get(s.source or ""), names.get(s.target or ""))
        for f in model.flows
        for s in f.steps
    ]


def test_a_russian_architecture_page_gives_its_flow_and_the_edges_between_its_components() -> None:
    model = load(LOOSE / "ru-yc-clickstream-architecture.md")
    assert [(f.title, f.line, len(f.steps)) for f in model.flows] == [("Архитектура", 10, 6)]
    assert _edges(model) == [
        ("Сайт", "Yandex API Gateway", 12),
        ("Yandex API Gateway", "Yandex Data Streams", 13),
        ("Yandex Data Streams", "Cloud Functions", 14),
        ("Cloud Functions", "Object Storage", 14),
        ("Object Storage", "Managed Service for ClickHouse", 15),
        ("Managed Service for ClickHouse", "DataLens", 16),
    ]
    assert [s.name for s in model.systems] == [
        "Yandex API Gateway",
        "Yandex Data Streams",
        "Cloud Functions",
        "Object Storage",
        "Yandex Data Transfer",
        "Managed Service for ClickHouse",
        "DataLens",
        "Сайт",
    ]
    assert "S3" in {s.name: s for s in model.systems}["Object Storage"].aliases


def test_an_english_architecture_page_gives_its_flow_and_the_edges_between_its_components() -> None:
    model = load(LOOSE / "en-aws-order-events-architecture.md")
    assert [(f.line, len(f.steps)) for f in model.flows] == [(10, 8)]
    assert _edges(model) == [
        ("Amazon API Gateway", "AWS Lambda", 13),
        ("Amazon DynamoDB", "Amazon EventBridge", 15),
        ("Amazon EventBridge", "Amazon SQS", 16),
        ("Amazon EventBridge", "Amazon S3", 17),
    ]
    assert len(model.systems) == 8


@pytest.mark.parametrize(
    ("name", "line"),
    [
        ("ru-yc-clickstream-architecture.md", 17),  # Пользователь: a person
        ("en-aws-order-events-architecture.md", 12),  # the storefront: not a component
        ("en-aws-order-events-architecture.md", 18),  # Analysts: people
        ("en-aws-order-events-architecture.md", 19),  # the customer: a person
    ],
)
def test_a_step_whose_other_end_is_a_person_or_undeclared_is_no_edge(name: str, line: int) -> None:
    model = load(LOOSE / name)
    assert line in {s.line for f in model.flows for s in f.steps}
    assert line not in {i.line for i in model.integrations}


@pytest.mark.parametrize(
    "name", ["ru-yc-clickstream-architecture.md", "en-aws-order-events-architecture.md"]
)
def test_a_navigation_path_on_an_architecture_page_stays_out(name: str) -> None:
    text = (LOOSE / name).read_text(encoding="utf-8").splitlines()
    trap = next(n for n, line in enumerate(text, 1) if "→ Биллинг" in line or "-> Cloud" in line)
    assert trap not in {i.line for i in load(LOOSE / name).integrations}


PAGE = (
    "# Пример\n\n## Архитектура\n\n{lead}\n\n"
    "1. Фабрика данных загружает данные из Хранилища BLOB в Хранилище данных SQL.\n"
    "2. Analysis Services читает модель из Хранилища данных SQL.\n\n"
    "### Компоненты\n\n"
    "- [Хранилище BLOB](https://example.com/blob). Хранит файлы.\n"
    "- **Фабрика данных** — перенос данных.\n"
    "- Хранилище данных SQL\n"
    "- Analysis Services\n"
)


@pytest.mark.parametrize(
    "lead",
    [
        "Поток данных проходит через решение следующим образом.",
        "Данные передаются в сценарии следующим образом:",
        "The data flows through the solution as follows:",
        "Это сценарий загрузки. Данные проходят через компоненты так, как описано ниже:",
        "Импорт выполняется в следующем порядке:",
        "The import runs in the following order:",
    ],
)
def test_a_lead_in_sentence_makes_the_numbered_list_after_it_a_flow(write_map, lead) -> None:
    model = load(write_map(PAGE.format(lead=lead)))
    assert [(f.line, len(f.steps)) for f in model.flows] == [(5, 2)]
    assert model.flows[0].title in ("Архитектура", lead.rstrip(":"))
    assert _edges(model) == [
        ("Хранилище BLOB", "Хранилище данных SQL", 7),
        ("Хранилище данных SQL", "Analysis Services", 8),
    ]


@pytest.mark.parametrize(
    "text",
    [
        # a bulleted, not numbered, list
        "# P\n\n## Архитектура\n\nДанные передаются следующим образом.\n\n- A\n- B\n",
        # a numbered list under a heading that is neither a process nor an architecture
        "# P\n\n## Установка\n\nРешение построено в облаке.\n\n1. A\n2. B\n",
        # a long paragraph is prose, not a lead-in
        "# P\n\n## Setup\n\n" + "Words " * 45 + "as follows.\n\n1. A\n2. B\n",
    ],
)
def test_no_flow_from_a_bulleted_list_or_a_numbered_one_with_no_lead_in(write_map, text) -> None:
    with pytest.raises(MapError, match="not an integration map"):
        load(write_map(text))


@pytest.mark.parametrize(
    "text",
    [
        "# P\n\n## Архитектура\n\nРешение построено в облаке.\n\n1. A\n2. B\n",
        "# P\n\n## Architecture\n\n![diagram](a.png)\n\n##### *Image 1*\n\n1. A\n2. B\n",
    ],
)
def test_a_numbered_list_under_an_architecture_heading_is_a_flow(write_map, text) -> None:
    """Captions, images and prose may sit between the heading and its numbered data flow."""
    (flow,) = load(write_map(text)).flows
    assert [s.text for s in flow.steps] == ["A", "B"]


COMPONENTS = """# P

## {heading}

- [Azure CDN](https://example.com/cdn). Delivers static content.
- [Azure Active Directory](https://example.com/aad) (Azure AD) signs users in.
- **Amazon SQS**: queues messages.
- __Kafka Connect__ moves records.
- Локальный сервер SQL Server
- A plain sentence that is much too long to be a name.
- Configure the endpoint: paste the token.
"""


@pytest.mark.parametrize(
    "heading",
    ["Компоненты", "Components", "Используемые сервисы", "Key technologies", "Services"],
)
def test_a_components_list_declares_the_names_its_items_start_with(heading: str) -> None:
    text = COMPONENTS.format(heading=heading)
    blocks, _ = parse_document(text)
    found = components(blocks, text.splitlines())
    assert [(c.name, c.aliases, c.line) for c in found] == [
        ("Azure CDN", (), 5),
        ("Azure Active Directory", ("Azure AD",), 6),
        ("Amazon SQS", (), 7),
        ("Kafka Connect", (), 8),
        ("Локальный сервер SQL Server", (), 9),
    ]


@pytest.mark.parametrize(
    ("heading", "expected"),
    [
        ("Компоненты", True),
        ('<a name="components"></a>Компоненты', True),
        ("Solution components", True),
        ("Как настроить сервисы рассылки для новых клиентов", False),
        ("Notes", False),
        ("Tech stack", False),
        ("Технический стек", False),
        ("Architecture", False),
    ],
)
def test_a_components_heading_is_told_by_its_words(heading: str, expected: bool) -> None:
    assert is_components_title(heading) is expected


def test_a_list_under_another_heading_declares_nothing(write_map) -> None:
    text = PAGE.format(lead="The data flows as follows:").replace("Компоненты", "Примечания")
    model = load(write_map(text))
    assert _edges(model) == []
    assert [line for line, _, _ in _steps(model)] == [7, 8]


def test_a_component_named_with_a_role_word_is_the_system_that_role_names(write_map) -> None:
    model = load(
        write_map(
            "# P\n\n## Архитектура\n\nДанные передаются следующим образом:\n\n"
            "1. Веб-сайт извлекает сведения о товаре из Базы данных SQL.\n"
            "2. Сайт сохраняет изображения в хранилище BLOB-объектов.\n\n"
            "## Компоненты\n\n"
            "- [Службы приложений — веб-приложения](https://example.com/app). Размещает сайт.\n"
            "- [База данных SQL](https://example.com/sql). Реляционная база.\n"
            "- [Хранилище BLOB-объектов](https://example.com/blob). Файлы.\n"
        )
    )
    assert _edges(model) == [
        ("База данных SQL", "Службы приложений — веб-приложения", 7),
        ("Службы приложений — веб-приложения", "Хранилище BLOB-объектов", 8),
    ]


@pytest.mark.parametrize(
    ("step", "edge"),
    [
        # the subject moves the data from one component into another
        ("Фабрика данных переносит файлы из Object Storage в кластер ClickHouse.", ("os", "ch")),
        ("Data Factory copies files from Object Storage into ClickHouse.", ("os", "ch")),
        # a second action of the subject: it receives what it reads and sends what it writes
        (
            "Фабрика данных читает файлы из Object Storage и пишет их в ClickHouse.",
            [("os", "df"), ("df", "ch")],
        ),
        (
            "Data Factory reads files from Object Storage, then writes to ClickHouse.",
            [("os", "df"), ("df", "ch")],
        ),
        # what something is built on, and what a monitor watches, is where data come from
        ("Дашборды Фабрика данных, построенные на витринах ClickHouse.", ("ch", "df")),
        ("ClickHouse собирает метрики для наблюдения за работой Object Storage.", ("os", "ch")),
        # a person is no end, even when a word of theirs looks like a role
        ("Бизнес-аналитики используют ClickHouse для отчётов из Object Storage.", ("os", "ch")),
    ],
)
def test_a_step_between_components_reads_its_direction(write_map, step, edge) -> None:
    model = load(
        write_map(
            f"# P\n\n## Architecture\n\nThe data flows as follows:\n\n1. {step}\n\n"
            "## Components\n\n- **Фабрика данных**\n- **Data Factory**\n"
            "- **Object Storage**\n- **ClickHouse**\n- **GA4**\n"
        )
    )
    short = {"Фабрика данных": "df", "Data Factory": "df", "Object Storage": "os"}
    short["ClickHouse"] = "ch"
    edges = edge if isinstance(edge, list) else [edge]
    assert [(short[a], short[b]) for a, b, _ in _edges(model)] == edges


def test_a_makers_name_alone_is_no_component(write_map) -> None:
    model = load(
        write_map(
            "# P\n\n## Architecture\n\nThe data flows as follows:\n\n"
            "1. Files land in Blob Storage in Azure.\n\n"
            "## Components\n\n- **Blob Storage**\n- **Azure Active Directory**\n"
        )
    )
    assert _edges(model) == []


COMPONENT_PARAGRAPHS = """# P

## Architecture

{lead}

[Snowflake][snowflake]. Snowflake keeps the orders and the customers.

**Amazon Kinesis** (Kinesis). Streams the clicks.

A paragraph that names Snowflake but does not start with a name.

[snowflake]: https://example.com/snowflake
"""


@pytest.mark.parametrize(
    "lead",
    [
        "Эта архитектура состоит из следующих компонентов.",
        "The solution uses the following services:",
        "The main components are:",
    ],
)
def test_a_lead_in_sentence_starts_components_written_as_paragraphs(lead: str) -> None:
    """Paragraphs that start with a link or bold text after a components lead-in are items."""
    text = COMPONENT_PARAGRAPHS.format(lead=lead)
    blocks, _ = parse_document(text)
    found = components(blocks, text.splitlines())
    assert [(c.name, c.aliases, c.line) for c in found] == [
        ("Snowflake", (), 7),
        ("Amazon Kinesis", ("Kinesis",), 9),
    ]


def test_paragraphs_after_an_ordinary_sentence_declare_nothing() -> None:
    text = COMPONENT_PARAGRAPHS.format(lead="Data moves between the systems every hour.")
    blocks, _ = parse_document(text)
    assert components(blocks, text.splitlines()) == []


def test_a_heading_under_the_components_title_ends_its_list() -> None:
    """The steps, features or error handling written under sub-headings of "Key Components"
    are no components (``**File Generation**: ERP generates the file``); a sub-heading that is
    a components title itself goes on declaring them."""
    text = (
        "## Key Components\n\n- **Inventory Service**: handles the updates\n\n"
        "### Synchronization Steps\n\n1. **File Generation**: ERP generates the file\n"
        "2. **SFTP Upload**: the file goes to the SFTP server\n\n"
        "### External services\n\n- **Adobe Commerce**: the shop\n"
    )
    blocks, _ = parse_document(text)
    found = components(blocks, text.splitlines())
    assert [(c.name, c.line) for c in found] == [("Inventory Service", 3), ("Adobe Commerce", 12)]


def test_a_plan_of_work_under_an_overview_heading_is_no_flow(write_map) -> None:
    """``## Обзор`` over ``1. Создадите приложение … 3. Свяжете инстансы GREEN-API с
    GoHighLevel``: the list tells the reader what to do, no process and no edge; the same
    list after a line calling it a scenario is a flow of its steps."""
    plan = (
        "1. Создадите своё приложение в GoHighLevel Marketplace\n"
        "2. Настроите и развернёте сервис-адаптер\n"
        "3. Свяжете инстансы GREEN-API с вашим суб-аккаунтом GoHighLevel\n"
    )
    told = "# Интеграция\n\n## Обзор\n\n" + plan + "\n## Каналы\n\n* GREEN-API → GoHighLevel\n"
    model = load(write_map(told))
    assert model.flows == []
    assert [(a, b) for a, b, _ in _edges(model)] == [("GREEN-API", "GoHighLevel")]
    scenario = "# Интеграция\n\n## Архитектура\n\nСценарий состоит из трёх шагов.\n\n" + plan
    assert [len(f.steps) for f in load(write_map(scenario)).flows] == [3]


def test_a_step_that_only_lists_systems_states_no_transfer(write_map) -> None:
    """``External integrations: WhatsApp (via UazAPI), Google Calendar, and a speech-to-text
    API`` is an inventory of the page's systems, with no verb and no direction: no edge, though
    the diagram below makes each of them a system; the same systems after a verb are edges."""
    overview = (
        "# Clinic\n\n## Overview\n\n1. n8n sends escalated conversations to HubSpot.\n"
        "2. External integrations: WhatsApp (via a Cloud API provider, UazAPI), Google "
        "Calendar, and a speech-to-text API for voice messages.\n\n## Diagram\n\n"
        "- UazAPI → n8n\n- n8n → Speech-to-text API\n- n8n → Google Calendar API\n"
    )
    model = load(write_map(overview))
    assert [(a, b, line) for a, b, line in _edges(model) if line < 10] == [("n8n", "HubSpot", 5)]
    told = overview.replace("External integrations:", "n8n sends the messages to")
    assert ("n8n", "WhatsApp", 6) in _edges(load(write_map(told)))


def test_a_sender_naming_only_the_system_it_sends_through_sends_to_it(write_map) -> None:
    """``The Notification Processor builds an email and sends it via Amazon SES``: with no
    receiver named, the system after ``via`` is where the email goes; ``sends the lead via
    Kafka to amoCRM`` names the receiver after the way, and Kafka is only the way; a system
    read ``through`` another is no receiver of it but takes what it reads from it."""
    model = load(
        write_map(
            "# Cart\n\n## How it works\n\n"
            "1. The Notification Processor builds an email and sends it via **Amazon SES**.\n"
            "2. Tilda sends the lead via Kafka to amoCRM.\n"
            "3. The Notification Processor reads the carts through Amazon DynamoDB.\n"
        )
    )
    assert _edges(model) == [
        ("Notification Processor", "Amazon SES", 5),
        ("Tilda", "amoCRM", 6),
        ("Amazon DynamoDB", "Notification Processor", 7),
    ]


def test_a_product_named_apart_with_and_without_its_maker_is_one_system(write_map) -> None:
    """``Redshift`` and ``Amazon Redshift``, ``Kafka`` and ``Apache Kafka`` are one system each
    (named first without the maker, the product keeps the name it is first given; named apart,
    it takes the maker's); ``Azure Active Directory`` is not the ``Active Directory`` beside
    it."""
    model = load(
        write_map(
            "# Pipeline\n\n- Kafka → Redshift\n- Amazon Redshift → Looker\n"
            "- Apache Kafka → ClickHouse\n- Active Directory → Azure Active Directory\n"
        )
    )
    assert sorted(s.name for s in model.systems) == [
        "Active Directory",
        "Apache Kafka",
        "Azure Active Directory",
        "ClickHouse",
        "Looker",
        "Redshift",
    ]
    assert [(a, b) for a, b, _ in _edges(model)] == [
        ("Apache Kafka", "Redshift"),
        ("Redshift", "Looker"),
        ("Apache Kafka", "ClickHouse"),
        ("Active Directory", "Azure Active Directory"),
    ]


def test_a_product_followed_by_what_kind_of_thing_it_is_is_the_product(write_map) -> None:
    """``Adyen payment service provider`` (a drawing's box) and ``Adyen`` (a list's arrow) are
    one system; a part named with capitals (``Stripe Payment Service``) stays a system apart."""
    model = load(
        write_map(
            "# Payments\n\n```mermaid\nflowchart LR\n"
            '    proc["Payment Processor"] --> psp("Adyen payment service provider")\n'
            "```\n\n- Adyen → Payment Processor\n- Stripe Payment Service → Stripe\n"
        )
    )
    assert sorted(s.name for s in model.systems) == [
        "Adyen",
        "Payment Processor",
        "Stripe",
        "Stripe Payment Service",
    ]
    assert _edges(model) == [
        ("Payment Processor", "Adyen", 5),
        ("Adyen", "Payment Processor", 8),
        ("Stripe Payment Service", "Stripe", 9),
    ]


def test_a_record_drawn_as_a_node_is_no_system_in_a_sentence(write_map) -> None:
    """A drawing's ``cart`` and ``payment`` nodes are systems there; in a sentence ``for cart
    creation`` and ``the payment operations`` are records, not those nodes, so the sentence's
    other system is its end (``Adyen processes the payment operations and returns the response
    to the Processor``)."""
    model = load(
        write_map(
            "# Payments\n\n```mermaid\nflowchart LR\n"
            '    checkout["Checkout"] --> cart("cart")\n'
            '    proc["Processor"] --> payment("payment")\n```\n\n## How it works\n\n'
            "1. The Checkout sends requests to Adyen for cart creation.\n"
            "2. Adyen processes the payment operations and returns the response to the "
            "Processor.\n"
        )
    )
    assert _edges(model) == [
        ("Checkout", "cart", 5),
        ("Processor", "payment", 6),
        ("Checkout", "Adyen", 11),
        ("Adyen", "Processor", 12),
    ]


def test_an_operation_in_a_services_list_is_no_component() -> None:
    """``**create#Fulfillment**`` (a Moqui service) and ``get_users()`` are operations of the
    document's service, not systems; a named service beside them still is one."""
    text = (
        "# Connector\n\n### Core Services\n\n"
        "1. **create#Fulfillment**: Creates a fulfillment in Shopify.\n"
        "2. **get_users()**: Gets the users.\n"
        "3. **Order Sync Service**: Sends orders to NetSuite.\n"
    )
    blocks, _ = parse_document(text)
    assert [c.name for c in components(blocks, text.splitlines())] == ["Order Sync Service"]
