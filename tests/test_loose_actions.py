"""What looks like an edge but tells what happens: arrows joining actions, decision branches,
DNS records, alternatives at one end; and what a tool's feature list says it does to one
product."""

from __future__ import annotations

import pytest

from flowviz.load import load
from flowviz.model import Map
from flowviz.parse.arrows import name_of
from flowviz.parse.worded import WordedStatements, document_subject
from tests.loose_support import named_edges


def _process(write_map, *steps: str, russian: bool = False) -> Map:
    """A document whose one process list holds ``steps``, the first on line 5, read."""
    heading = "# Поток\n\n## Как это работает" if russian else "# Jobs\n\n## How it works"
    items = "".join(f"{n}. {step}\n" for n, step in enumerate(steps, 1))
    return load(write_map(f"{heading}\n\n{items}"))


def test_arrows_joining_actions_state_no_edge(write_map) -> None:
    """``→`` here orders actions; a receiver that has a verb of its own is a clause."""
    model = load(
        write_map(
            "# Sync\n\n- Tilda → amoCRM\n"
            "- amoCRM шлёт вебхук → сервер ставит блокировку → Google Sheets обновляет строку\n"
            "- Через 5 секунд Redis снимает блокировку → Redis-ключ истекает\n"
        )
    )
    assert named_edges(model) == [("Tilda", "amoCRM", 3)]


def test_a_sender_that_acts_in_latin_letters_is_still_the_sender(write_map) -> None:
    model = load(
        write_map(
            "# Map\n\n```text\nBitrix24 placement\n  -> Gateway передаёт X-Vibe-Authorization\n"
            "  -> Galaxy Node BFF\n```\n"
        )
    )
    assert [(a, b) for a, b, _ in named_edges(model)] == [
        ("Bitrix24", "Gateway"),
        ("Gateway", "Galaxy Node BFF"),
    ]


def test_a_tree_of_actions_and_decision_branches_is_no_edge(write_map) -> None:
    """A root that is a clause (who does what) and the ``Иначе`` / ``Если …`` branches of a
    decision are no systems; a branch naming a product under a product still is."""
    model = load(
        write_map(
            "# Flow\n\n```\n"
            "1. Пользователь редактирует строку в Google Sheets\n"
            "   ├─> Google Apps Script перехватывает событие\n"
            "   └─> Debounce: ждет 3 секунды\n\n"
            "Проверка Redis\n"
            "   ├─> Если блокировка активна → SKIP\n"
            "   └─> Иначе → продолжить\n\n"
            "Блокировка автоматически истекает через 5 секунд\n"
            "   └─> Следующие изменения обрабатываются\n\n"
            "Google Sheets\n"
            "   └─> AmoCRM\n```\n"
        )
    )
    assert [(a, b) for a, b, _ in named_edges(model)] == [("Google Sheets", "AmoCRM")]


@pytest.mark.parametrize(
    "record",
    ["n8n.example.com → IP_СЕРВЕРА", "api.example.com -> 203.0.113.7", "api.example.com → IP"],
)
def test_a_dns_record_is_no_edge(write_map, record: str) -> None:
    model = load(write_map(f"# Setup\n\n```\nTilda → amoCRM\n{record}\n{record}\n```\n"))
    assert named_edges(model) == [("Tilda", "amoCRM", 4)]


def test_systems_joined_by_a_bare_slash_are_alternatives_at_one_end(write_map) -> None:
    model = load(
        write_map(
            "# n8n\n\n## Первые шаги\n\n"
            "1. Настройте интеграции с вашими Bitrix24/Telegram\n"
            "2. n8n отправляет заявки в Bitrix24\n"
        )
    )
    assert named_edges(model) == [("n8n", "Bitrix24", 6)]


def test_a_tools_feature_list_states_what_it_does_to_each_product(write_map) -> None:
    """The title names the tool; an item opening with what it does names one product."""
    model = load(
        write_map(
            "# 🧾 LeadHook\n\nLeadHook includes a form that:\n\n"
            "- Validates and stores submissions in Google Sheets\n"
            "- Sends email notifications via Gmail API\n"
            "- Posts notifications to Slack channel\n"
            "- Imports contacts from HubSpot\n"
            "- Includes spam protection and rate limiting\n"
            "- Services communicate via RabbitMQ queues\n"
        )
    )
    assert named_edges(model) == [
        ("LeadHook", "Google Sheets", 5),
        ("LeadHook", "Gmail", 6),
        ("LeadHook", "Slack", 7),
        ("HubSpot", "LeadHook", 8),
    ]


def test_a_title_opening_with_an_emoji_names_its_tool() -> None:
    assert document_subject("🧾 SmartSheetConnect") == "SmartSheetConnect"


def test_kinesis_products_are_named_whole(write_map) -> None:
    model = load(
        write_map(
            "# Export\n\n## Architecture\n\n"
            "1. Amazon Kinesis Data Streams writes events into Amazon Kinesis Data Firehose\n"
            "2. Amazon Kinesis Data Firehose exports the event data to Amazon S3\n"
        )
    )
    assert named_edges(model) == [
        ("Amazon Kinesis Data Streams", "Amazon Kinesis Data Firehose", 5),
        ("Amazon Kinesis Data Firehose", "Amazon S3", 6),
    ]


def test_a_modules_abilities_in_infinitives_are_edges_of_the_module(write_map) -> None:
    """``Модуль позволяет`` followed by what one can do with the titled module."""
    model = load(
        write_map(
            "Webasyst модуль\n===============\n\n### Модуль позволяет\n\n"
            "* Выгружать заказы в retailCRM\n"
            "* Получать изменения по заказам из retailCRM и сохранять их в магазине\n"
            "* Настроить соответствие справочников retailCRM и Webasyst\n"
        )
    )
    assert named_edges(model) == [("Webasyst", "retailCRM", 6), ("retailCRM", "Webasyst", 7)]


def test_the_points_under_steps_tell_the_participants_too(write_map) -> None:
    """``Сервер`` acts in two nested points (one with two verbs joined by a slash)."""
    model = load(
        write_map(
            "# AmoCRM ↔ Google Sheets\n\n### Как это работает:\n\n"
            "1. **Google Sheets → AmoCRM:**\n"
            "    - Google Apps Script отправляет webhook на сервер\n"
            "    - Сервер создает/обновляет контакт и сделку в AmoCRM\n"
            "2. **AmoCRM → Google Sheets:**\n"
            "    - AmoCRM отправляет webhook на сервер\n"
            "    - Сервер обновляет строку в Google Sheets\n"
        )
    )
    assert ("Google Apps Script", "Сервер", 6) in named_edges(model)
    assert ("Сервер", "AmoCRM", 7) in named_edges(model)
    assert ("AmoCRM", "Сервер", 9) in named_edges(model)


def test_a_component_named_after_a_product_is_not_that_product(write_map) -> None:
    model = load(
        write_map(
            "# Forms\n\n_Formspree -> Zapier Email Parser -> Zapier -> Slack & Google Sheets_\n"
        )
    )
    assert named_edges(model) == [
        ("Formspree", "Zapier Email Parser", 3),
        ("Zapier Email Parser", "Zapier", 3),
        ("Zapier", "Slack", 3),
        ("Zapier", "Google Sheets", 3),
    ]


def test_a_sentence_to_a_makers_product_names_the_product_in_full() -> None:
    told = WordedStatements({}).told("S/4HANA System Sends Message to SAP Event Mesh daily")
    assert told.startswith("S/4HANA System -> SAP Event Mesh: ")


def test_an_automation_recipe_is_an_edge_from_its_trigger_to_its_action(write_map) -> None:
    """``Trigger: … in A`` over ``Action: … in B``; a brand written in lower case is still
    the product."""
    model = load(
        write_map(
            "# Sync\n\n### Customer creation\n\n"
            "*Trigger*: **customer** created in commercetools  \n"
            "*Subscription*: `CustomerCreated` message  \n"
            "*Action*: [profile created](https://example.com) in klaviyo\n\n"
            "### Orders\n\nTrigger: order placed\nAction: nothing else\n"
        )
    )
    assert named_edges(model) == [("commercetools", "klaviyo", 5)]


def test_a_labelled_arrow_line_and_a_sentence_after_it_name_only_the_ends(write_map) -> None:
    """``**One-way sync** — A → B. It never writes back``: the label before a dash and the
    sentence after the receiver are no part of the ends."""
    model = load(
        write_map("# Connector\n\n- **One-way sync** — Shopify → HubSpot. It never writes back.\n")
    )
    assert named_edges(model) == [("Shopify", "HubSpot", 3)]


def test_a_sequence_participant_named_as_a_user_is_a_person(write_map) -> None:
    model = load(
        write_map(
            "# Bot\n\n```mermaid\nsequenceDiagram\n    participant U as Telegram User\n"
            "    participant T as Telegram API\n    participant V as Vercel Webhook\n"
            "    U->>T: Forward message\n    T->>V: POST /api/webhook\n    V->>T: Reply\n"
            "    T->>U: Display\n```\n"
        )
    )
    assert [(a, b) for a, b, _ in named_edges(model)] == [
        ("Telegram API", "Vercel Webhook"),
        ("Vercel Webhook", "Telegram API"),
    ]


@pytest.mark.parametrize("reader", ["Вы", "You", "Me"])
def test_a_sequence_participant_named_as_the_reader_is_a_person(write_map, reader: str) -> None:
    model = load(
        write_map(
            f"# Bot\n\n```mermaid\nsequenceDiagram\n    participant U as {reader}\n"
            "    participant C as connector\n    participant R as RetailCRM API\n"
            "    U->>C: bootstrap\n    C->>R: GET /reference/sites\n    C-->>U: done\n```\n"
        )
    )
    assert [(a, b) for a, b, _ in named_edges(model)] == [("connector", "RetailCRM API")]


def test_an_arrow_line_in_a_later_paragraph_of_a_list_item_is_read_on_its_line(write_map) -> None:
    model = load(
        write_map("# Map\n\n- **Lead path:**\n  Tilda → amoCRM\n\n  amoCRM → Unisender\n- Other\n")
    )
    assert named_edges(model) == [("Tilda", "amoCRM", 3), ("amoCRM", "Unisender", 6)]


@pytest.mark.parametrize(
    "step",
    [
        "User uses Amazon Cognito to log into the web application",
        "Software developer makes an API request to HubSpot",
        "The customer subscribes to the Telegram channel",
    ],
)
def test_a_step_a_person_takes_has_no_engine_at_its_other_end(write_map, step: str) -> None:
    """The workflow's engine is the other end of a step naming one system, unless a person
    opens the step: the person acts there, not the engine."""
    model = load(
        write_map(
            f"# Alerts\n\nAn n8n workflow.\n\n## How it works\n\n"
            f"1. {step}\n2. Slack gets an alert\n"
        )
    )
    assert [(a, b) for a, b, _ in named_edges(model)] == [("n8n", "Slack")]


@pytest.mark.parametrize(
    ("item", "edge"),
    [
        (
            "**Delta Updates:** Captures only changes. From Adobe Commerce to Hubspot.",
            ("Adobe Commerce", "Hubspot"),
        ),
        (
            "**Status:** Keeps status visible. Shipment status from Hubspot to Adobe Commerce",
            ("Hubspot", "Adobe Commerce"),
        ),
        ("**Статусы:** Статусы заказов. Из amoCRM в Unisender.", ("amoCRM", "Unisender")),
        ("**Prices:** Shown in the shop. From 10 to 20 euros.", None),
        ("**Leads:** Sent nightly. From the form to our team.", None),
        ("**Leads:** Sent nightly. From HubSpot to Slack, then to the team and back.", None),
    ],
)
def test_a_later_sentence_naming_only_a_direction_is_an_edge(
    write_map, item: str, edge: tuple[str, str] | None
) -> None:
    """A feature bullet whose later sentence only names a direction between two products is
    one edge; numbers or names no catalogue knows are none."""
    model = load(write_map(f"# Features\n\n- {item}\n- Tilda → amoCRM\n"))
    assert [(a, b) for a, b, _ in named_edges(model)] == [
        *([edge] if edge else []),
        ("Tilda", "amoCRM"),
    ]


def test_a_list_of_what_a_tool_never_does_states_no_edge_and_no_step(write_map) -> None:
    """Under ``What it never does:`` the items are no transfers, even under a process
    heading; the same items under ``What it does:`` are."""
    items = "- Publish a container to GTM\n- Send the report to Slack\n"
    head = "# Pipeline\n\nAn n8n workflow: Tilda → amoCRM.\n\n## What It Does\n\n"
    never = load(write_map(f"{head}**What it never does:**\n{items}"))
    assert [(a, b) for a, b, _ in named_edges(never)] == [("Tilda", "amoCRM")]
    assert not any(flow.steps for flow in never.flows)
    does = load(write_map(f"{head}{items}"))
    assert [(a, b) for a, b, _ in named_edges(does)] == [
        ("Tilda", "amoCRM"),
        ("n8n", "GTM"),
        ("n8n", "Slack"),
    ]


@pytest.mark.parametrize(
    ("step", "edge"),
    [
        ("Slack gets an urgent alert", ("n8n", "Slack")),
        ("If anomalies detected: Slack gets an urgent alert", ("n8n", "Slack")),
        ("HubSpot receives the new contact from Typeform", ("Typeform", "HubSpot")),
        ("Битрикс24 получает заявку из Tilda", ("Tilda", "Битрикс24")),
        ("Get new rows from Google Sheets", ("Google Sheets", "n8n")),
    ],
)
def test_a_subject_given_data_is_the_receiver(write_map, step: str, edge: tuple[str, str]) -> None:
    """``X gets`` / ``X receives`` / ``X получает``: X is given the data, by the system after
    ``from`` / ``из``, else by the workflow's engine; an imperative ``Get … from X`` still
    reads X."""
    model = load(write_map(f"# Alerts\n\nAn n8n workflow.\n\n## How it works\n\n1. {step}\n"))
    assert [(a, b) for a, b, _ in named_edges(model)] == [edge]


@pytest.mark.parametrize(
    ("step", "edge"),
    [
        (
            "An Amazon Athena query extracts unsubscribe events from the event data in Amazon S3.",
            ("Amazon S3", "Amazon Athena"),
        ),
        (
            "Event notifications are sent to AWS Lambda as new data arrives within Amazon S3.",
            ("Amazon S3", "AWS Lambda"),
        ),
        (
            "Contacts will be sent to Mailchimp as soon as they change in HubSpot.",
            ("HubSpot", "Mailchimp"),
        ),
        (
            "Data is sent to Amazon S3 and stored in Amazon Redshift.",
            ("Amazon S3", "Amazon Redshift"),
        ),
        ("Orders are pushed to HubSpot from Shopify.", ("Shopify", "HubSpot")),
        (
            "The Order Service calls the Billing API to retrieve the balance.",
            ("Billing API", "Order Service"),
        ),
        (
            "The Order Service calls the Billing API to store the balance.",
            ("Order Service", "Billing API"),
        ),
        (
            "AWS Step Functions invokes AWS Lambda to retrieve the list of images from the source.",
            ("AWS Step Functions", "AWS Lambda"),
        ),
    ],
)
def test_a_sender_named_after_what_it_holds_or_a_passive_receiver(
    write_map, step: str, edge: tuple[str, str]
) -> None:
    """``from the event data in X``: X is the sender as after a bare ``from``; ``are sent to
    A as … B``: A receives, B sends, unless B follows as a second action (``and stored in``);
    ``calls B to retrieve …``: the data comes from B, unless it is retrieved ``from`` elsewhere."""
    model = load(write_map(f"# Events\n\n## How it works\n\n1. {step}\n"))
    assert [(a, b) for a, b, _ in named_edges(model)] == [edge]


@pytest.mark.parametrize(
    ("item", "edge"),
    [
        (
            "Ability to load all products from commercetools to Fluent Commerce when installed.",
            ("commercetools", "Fluent Commerce"),
        ),
        (
            "Ability to capture order events from commercetools to Fluent Commerce, with payments.",
            ("commercetools", "Fluent Commerce"),
        ),
        ("Ability to load all products from commercetools to your team.", None),
        ("Ability to load all products from Fluent Commerce to Order Management.", None),
    ],
)
def test_moving_data_from_a_product_to_a_name_is_an_edge(
    write_map, item: str, edge: tuple[str, str] | None
) -> None:
    """``from A … to B`` after a verb that moves data: one end a product of the catalogue,
    the other may be a name no catalogue knows when another statement has it as an end too
    (here a second feature, itself an edge then); two unknown names state nothing."""
    more = "Ability to sync orders from commercetools to Fluent Commerce."
    text = f"# Connector\n\nIt provides:\n\n- {item}\n- {more}\n- Tilda → amoCRM\n"
    found = [(a, b) for a, b, _ in named_edges(load(write_map(text)))]
    confirmed = [edge, ("commercetools", "Fluent Commerce")] if edge else []
    assert found == [*confirmed, ("Tilda", "amoCRM")]


@pytest.mark.parametrize(
    ("lead", "doer"),
    [
        ("Leads Agent is a Slack bot that:", "Leads Agent"),
        ("The sync service:", "Sync service"),
        ("Our middleware will:", "Middleware"),
        ("Наш бот умеет:", "Бот"),
    ],
)
def test_a_lead_in_naming_who_acts_is_the_other_end_of_its_steps(
    write_map, lead: str, doer: str
) -> None:
    """A list under a lead-in that names its doer (a system of that name, or a name ending in
    a component word) reads each step that names one system as an edge with the doer; a step
    naming none (``Parses …``) states no edge."""
    model = load(
        write_map(
            f"# Leads\n\n## How it works\n\n{lead}\n"
            "1. Receives lead notifications from HubSpot\n"
            "2. Parses contact info from the message\n"
            "3. Sends the contact to Salesforce\n"
        )
    )
    assert named_edges(model) == [("HubSpot", doer, 6), (doer, "Salesforce", 8)]


@pytest.mark.parametrize(
    "lead",
    ["The data flows as follows:", "Research strategy:", "Steps:", "The integration:"],
)
def test_a_lead_in_naming_no_doer_gives_its_steps_no_other_end(write_map, lead: str) -> None:
    """A lead-in that names no system and no component (``Steps:``), or a known system's short
    name with more words (``Research strategy`` beside ``Research Service``), is no doer."""
    model = load(
        write_map(
            f"# Leads\n\n- Research Service → Salesforce\n\n## How it works\n\n{lead}\n"
            "1. Receives lead notifications from HubSpot\n"
            "2. Sends the contact to Salesforce\n"
        )
    )
    assert named_edges(model) == [("Research Service", "Salesforce", 3)]


def test_a_module_named_by_its_app_and_its_action_in_brackets_has_the_engine_at_its_other_end(
    write_map,
) -> None:
    """A scenario built in Make lists its modules as ``App (Action)``: a write action (``Add
    a row``, ``Send a message``) sends from the engine to the app, a read action (``Watch
    contacts``) from the app to the engine."""
    model = load(
        write_map(
            "# Lead capture\n\nBuilt in Make.com.\n\n## How it works\n\n"
            "1. **HubSpot (Watch contacts)** – picks up every new contact\n"
            "2. **Google Sheets (Add a row)** – stores every lead\n"
            "3. **Slack (Send a message)** – posts a new-lead alert\n"
        )
    )
    assert named_edges(model) == [
        ("HubSpot", "Make.com", 7),
        ("Make.com", "Google Sheets", 8),
        ("Make.com", "Slack", 9),
    ]


def test_a_step_that_only_lists_names_after_its_label_states_no_edge(write_map) -> None:
    """``**AI сервисы** - OpenAI GPT, YandexGPT, Anthropic Claude`` declares systems by their
    role; a step that moves data to a list (``… to amoCRM, Unisender``) still states edges."""
    model = load(
        write_map(
            "# Integrations\n\n"
            "1. **AI сервисы** - OpenAI GPT, YandexGPT, Anthropic Claude\n"
            "2. **Платежные системы** - YooKassa, Stripe, PayPal\n"
            "3. Tilda sends the lead to amoCRM, Unisender\n"
        )
    )
    assert named_edges(model) == [("Tilda", "amoCRM", 5), ("Tilda", "Unisender", 5)]


def test_a_bold_aside_under_a_flow_of_bold_steps_is_no_step(write_map) -> None:
    """``**Important note on Batches**: …`` under a flow of bold-labelled paragraphs is an
    aside, not one more step."""
    model = load(
        write_map(
            "# Sync\n\n## How it works\n\n"
            "**Create Deal:** Creates a deal in HubSpot.\n\n"
            "**Notify:** Posts a message to Slack.\n\n"
            "**Important note on Batches**: Salesforce sends the users to HubSpot in batches.\n"
        )
    )
    assert [s.line for f in model.flows for s in f.steps] == [5, 7]


def test_a_function_named_by_its_form_and_a_queried_store_send_as_the_data_goes(
    write_map,
) -> None:
    """``Notification Processor Lambda`` is a component by its form (a ``… Lambda function``
    is the same one), though its first word alone names no system; a store the step
    ``queries`` answers it, and a secrets store is a product like any other."""
    model = load(
        write_map(
            "# Carts\n\n## Architecture\n\n"
            "1. Amazon EventBridge Scheduler invokes the Notification Processor Lambda function.\n"
            "2. The Notification Processor Lambda queries Amazon DynamoDB for all records.\n"
            "3. The Notification Processor Lambda retrieves the API key from AWS Secrets Manager.\n"
            "4. Cloud Function reads the rows.\n"
        )
    )
    assert named_edges(model) == [
        ("Amazon EventBridge Scheduler", "Notification Processor Lambda", 5),
        ("Amazon DynamoDB", "Notification Processor Lambda", 6),
        ("AWS Secrets Manager", "Notification Processor Lambda", 7),
    ]
    assert "Cloud Function" not in {s.name for s in model.systems}


def test_a_lookup_call_to_a_system_brings_data_from_it_and_s4hana_is_one_erp(write_map) -> None:
    """``performs lookup calls to … S/4HANA`` takes data from S/4HANA; ``SAP S4HANA`` and
    ``S/4HANA`` are one product of the catalogue."""
    model = load(
        write_map(
            "# Orders\n\n## How it works\n\n"
            "1. The Order Service performs lookup calls to the backend — SAP S/4HANA — to get "
            "the order details.\n"
            "2. The Order Service sends the order to S4HANA.\n"
        )
    )
    assert named_edges(model) == [
        ("SAP S/4HANA", "Order Service", 5),
        ("Order Service", "SAP S/4HANA", 6),
    ]


def test_a_one_word_brand_beside_products_of_the_catalogue_is_a_system(write_map) -> None:
    """``Vitally -> Zendesk/HubSpot``: a brand no catalogue knows is a system at one end of a
    single arrow whose other end names only products; a verb, a language or a record there
    is not (``Typeform Trigger → Monitors …``, ``JavaScript -> Segment``, ``Lead -> HubSpot``)."""
    model = load(
        write_map(
            "# Automations\n\n## Vitally -> Zendesk/HubSpot\n\nText.\n\n"
            "- Typeform → Monitors form submissions\n"
            "- JavaScript -> Segment\n"
            "- Lead -> HubSpot\n"
        )
    )
    assert named_edges(model) == [("Vitally", "Zendesk", 3), ("Vitally", "HubSpot", 3)]


def test_a_navigation_word_in_a_message_label_does_not_make_a_ui_path(write_map) -> None:
    """``ASE->>R: Backend Admin API call``: ``Admin`` is a word of the label, not a screen of
    a path; ``Admin -> Events`` is a path."""
    model = load(
        write_map(
            "# Events\n\n- R->>ASE: Fires the event\n"
            "- ASE->>R: Backend Admin API call: createWithdrawal\n"
            "- Admin -> Events\n"
        )
    )
    assert named_edges(model) == [("R", "ASE", 3), ("ASE", "R", 4)]


def test_a_persons_doing_before_a_step_and_a_pipeline_service_end_nothing(write_map) -> None:
    """``When analysts access Analytics Studio, requests are sent to CloudFront``: the
    person's requests, no edge from the studio; AWS Glue named among the steps is one of
    them, not the engine every other step runs to."""
    model = load(
        write_map(
            "# Pipeline\n\n## How it works\n\n"
            "1. The AWS Glue job writes the output to Amazon S3.\n"
            "2. The web console uses Amazon DynamoDB to store persistent data.\n"
            "3. When analysts access Analytics Studio, requests are sent to Amazon CloudFront.\n"
            "4. The Report Service reads the rows from Amazon S3.\n"
        )
    )
    assert named_edges(model) == [
        ("AWS Glue", "Amazon S3", 5),
        ("Amazon S3", "Report Service", 8),
    ]


def test_a_heading_naming_a_sync_ends_at_the_receiver_and_sub_headings_make_no_template(
    write_map,
) -> None:
    """``### 2. HubSpot → Meta Pixel Sync`` is an edge to Meta Pixel, not to "Meta Pixel Sync";
    numbered sub-headings that name no kind of section make no template map, whatever the
    template's section of that number holds (here a table under the second)."""
    model = load(
        write_map(
            "# Sync\n\n## Overview\n\n1. **HubSpot** (CRM - source of truth)\n"
            "2. **Supabase** (Database - unified data store)\n\n## Architecture\n\n"
            "### 1. HubSpot → Supabase Sync\n\nEvery hour.\n\n### 2. HubSpot → Meta Pixel Sync\n\n"
            "| HubSpot Stage | Meta Event |\n|---|---|\n| lead | Lead |\n"
        )
    )
    assert named_edges(model) == [("HubSpot", "Supabase", 10), ("HubSpot", "Meta Pixel", 14)]
    assert {s.name for s in model.systems} == {"HubSpot", "Supabase", "Meta Pixel"}


def test_products_given_as_examples_after_from_are_senders(write_map) -> None:
    """``from their data warehouse or data lake such as Amazon Redshift``: the examples take
    the preposition of the sorts they illustrate."""
    model = load(
        write_map(
            "# Data\n\n## How it works\n\n"
            "1. The Ingest Service pulls data from a warehouse or a lake such as Amazon Redshift.\n"
            "2. The Ingest Service writes the profiles to Amazon DynamoDB.\n"
        )
    )
    assert named_edges(model) == [
        ("Amazon Redshift", "Ingest Service", 5),
        ("Ingest Service", "Amazon DynamoDB", 6),
    ]


def test_a_direction_in_brackets_is_an_edge_unless_it_is_a_menu_path(write_map) -> None:
    """``For outgoing traffic (Hull -> Outreach) we check …`` and ``### Incoming data (Outreach
    to Hull)`` state edges; ``Secret Manager (Security -> Secret Manager)`` is the path to the
    name written before it."""
    model = load(
        write_map(
            "# Connector\n\nFor outgoing traffic (Hull -> Outreach) we first check the user.\n\n"
            "### Synchronization of incoming data (Outreach to Hull)\n\n"
            "Create a secret in Secret Manager (Security -> Secret Manager) for Hull.\n"
        )
    )
    assert [(a, b, line) for a, b, line in named_edges(model)] == [
        ("Hull", "Outreach", 3),
        ("Outreach", "Hull", 5),
    ]


def test_a_data_exchange_heading_opens_a_process_list(write_map) -> None:
    """``## Обмен данными`` over a numbered list: its items are the steps of a flow."""
    model = load(
        write_map(
            "# Mini App\n\n## Обмен данными\n\n1. Клиент получает данные из Telegram.\n"
            "2. **Авторизация** — сервер возвращает токен.\n"
        )
    )
    assert [(f.title, [s.line for s in f.steps]) for f in model.flows] == [
        ("Обмен данными", [5, 6])
    ]


def test_where_a_visitor_comes_from_and_a_products_file_name_state_no_edge(write_map) -> None:
    """``Your friend visits from Facebook → Sees (555) 100-0002`` is a person's doing, and
    ``zapier-workflow.json`` in a file tree names a file, not the engine the document's one-end
    lines run in."""
    model = load(
        write_map(
            "# Tracking\n\n- Google Ads → CallRail\n\n## How it works\n\n"
            "- Your friend visits from Facebook → Sees **(555) 100-0002**\n"
            "- Another person types the address → Sees **(555) 100-0003**\n\n"
            "```\nrepo/\n└── zapier-workflow.json\n```\n"
        )
    )
    assert named_edges(model) == [("Google Ads", "CallRail", 3)]


def test_initials_name_the_system_they_abbreviate_and_data_read_in_a_store_comes_from_it(
    write_map,
) -> None:
    """``ALB`` and ``KDS`` are the ``Application Load Balancer`` and the ``Amazon Kinesis
    Data Streams`` named before (no system of their own); a step that ``consumes the events
    in KDS`` takes them from KDS."""
    model = load(
        write_map(
            "# Ingestion\n\n## How it works\n\n"
            "1. Amazon CloudFront sends events to the Application Load Balancer.\n"
            "2. ALB forwards all valid requests to Amazon ECS.\n"
            "3. Amazon ECS writes the events to Amazon Kinesis Data Streams.\n"
            "4. Apache Flink consumes the events in KDS.\n"
        )
    )
    assert named_edges(model) == [
        ("Amazon CloudFront", "Application Load Balancer", 5),
        ("Application Load Balancer", "Amazon ECS", 6),
        ("Amazon ECS", "Amazon Kinesis Data Streams", 7),
        ("Amazon Kinesis Data Streams", "Apache Flink", 8),
    ]
    assert not {"ALB", "KDS"} & {s.name for s in model.systems}


def test_a_handler_or_processor_is_a_component_by_its_last_word(write_map) -> None:
    """``Push Handler → FCM`` under a numbered component is the handler's edge, not the
    component's above it."""
    model = load(
        write_map(
            "# Notifications\n\n## Components\n\n"
            "1. **Channel Handlers**\n\n"
            "    * **Push Handler** → Firebase Cloud Messaging (FCM)\n"
            "    * **Email Handler** → AWS SES\n"
            "    * **SMS Handler** → Twilio or other providers\n"
        )
    )
    assert named_edges(model) == [
        ("Push Handler", "Firebase Cloud Messaging", 7),
        ("Email Handler", "AWS SES", 8),
        ("SMS Handler", "Twilio", 9),
    ]


def test_a_component_that_takes_data_and_forwards_it_is_between_two_systems(write_map) -> None:
    """``[eventing-service]: Takes Zammad webhook event via REST and forwards it to Apache
    Kafka``: Zammad sends to the service, which sends to Kafka; a component named as code in
    lower case with hyphens is a system like ``Eventing Service``."""
    model = load(
        write_map(
            "# Eventing\n\n```mermaid\nflowchart LR\n    z[Zammad] --> k[Apache Kafka]\n```\n\n"
            "## Components\n\n"
            "- [eventing-service]: Takes Zammad webhook event via REST and forwards it to "
            "Apache Kafka\n"
            "- Mail Handler: reads events from Apache Kafka and sends them to SendGrid\n"
        )
    )
    assert named_edges(model) == [
        ("Zammad", "Apache Kafka", 5),
        ("Zammad", "eventing-service", 10),
        ("eventing-service", "Apache Kafka", 10),
        ("Apache Kafka", "Mail Handler", 11),
        ("Mail Handler", "SendGrid", 11),
    ]


def test_a_later_sentence_of_a_step_is_read_with_its_own_later_actions(write_map) -> None:
    """A step whose first sentence names one system (``Amazon Kinesis Data Streams is used as
    a buffer.``) goes on with a sentence whose subject takes the data and then passes it on;
    servers named in the plural are a component like ``Ingestion Server``; sinking data into a
    store writes it there."""
    model = load(
        write_map(
            "# Ingestion\n\n## How it works\n\n"
            "1. Amazon Kinesis Data Streams is used as a buffer. AWS Lambda consumes the events "
            "in Kinesis Data Streams and then sinks them to Amazon S3 in batches.\n"
            "2. The Ingestion Servers buffer a batch of events and sink them to Amazon S3.\n"
        )
    )
    assert named_edges(model) == [
        ("Amazon Kinesis Data Streams", "AWS Lambda", 5),
        ("AWS Lambda", "Amazon S3", 5),
        ("Ingestion Servers", "Amazon S3", 6),
    ]


def test_a_component_named_alone_is_described_by_its_nested_items(write_map) -> None:
    """``2. **Notification Processor (Worker)**`` over ``* Reads from RabbitMQ.``: the nested
    items say what the component does, each on the component's line (``routes to the
    appropriate channel handler``: a word of choice between the way and the system); a bold
    label that is a step's name (``**Welcome Email**``) describes no component."""
    model = load(
        write_map(
            "# Notifications\n\n## Components\n\n"
            "1. **Notification Processor (Worker)**\n\n"
            "    * Reads from RabbitMQ.\n"
            "    * Fetches the template and routes to the appropriate channel handler\n\n"
            "2. **Channel Handlers**\n\n"
            "    * Sends messages to Twilio.\n\n"
            "3. **Welcome Email**\n\n"
            "    * Sends a personalised email to Gmail.\n"
        )
    )
    assert named_edges(model) == [
        ("RabbitMQ", "Notification Processor (Worker)", 5),
        ("Notification Processor (Worker)", "Channel Handlers", 5),
        ("Channel Handlers", "Twilio", 10),
    ]


def test_a_point_that_maps_values_states_no_transfer(write_map) -> None:
    """``Maps WooCommerce statuses to ERPNext statuses`` under a step pairs values of the two
    systems; the point above it that sends orders still moves them."""
    model = load(
        write_map(
            "# Sync\n\n## Detailed Process\n\n"
            "1. **Order Fetching**\n"
            "   - Sends all orders from WooCommerce to ERPNext\n\n"
            "2. **Status Mapping**\n"
            "   - Maps WooCommerce statuses to ERPNext statuses\n"
        )
    )
    assert named_edges(model) == [("WooCommerce", "ERPNext", 6)]


def test_a_server_of_a_product_is_one_system_in_every_case_form(write_map) -> None:
    """``на локальный сервер Exchange``, ``с локального сервера Exchange``: one server, named
    in the nominative and apart from the product's cloud service (``Exchange Online``)."""
    model = load(
        write_map(
            "# Как это работает\n\n"
            "1. EOP направляет сообщение в Exchange Online.\n"
            "2. EOP отправляет сообщение на локальный сервер Exchange в локальной организации.\n"
            "3. Сообщение отправляется с локального сервера Exchange в EOP.\n"
            "4. Локальный сервер Exchange передаёт сообщение на сервер почтовых ящиков Exchange.\n"
        )
    )
    assert named_edges(model) == [
        ("EOP", "Exchange Online", 3),
        ("EOP", "Локальный сервер Exchange", 4),
        ("Локальный сервер Exchange", "EOP", 5),
        ("Локальный сервер Exchange", "Сервер почтовых ящиков Exchange", 6),
    ]


def test_records_made_in_one_product_from_another_are_an_edge(write_map) -> None:
    """``Creates customers in ERPNext from WooCommerce customer data`` and ``Creates ERPNext
    items from WooCommerce products``: made in the one out of the other's records; records
    made from something that is no product (``Sales Orders from the cart``) are none."""
    model = load(
        write_map(
            "# Shop Sync\n\n## Features\n\n"
            "- **Creates customers** in ERPNext from WooCommerce customer data\n"
            "- **Automatic Item Creation**: Creates ERPNext items from WooCommerce products\n"
            "- Creates Sales Orders from the cart\n"
            "- Does not create Odoo partners from Shopify customers\n"
        )
    )
    assert named_edges(model) == [("WooCommerce", "ERPNext", 5), ("WooCommerce", "ERPNext", 6)]


def test_a_numbered_list_under_a_chain_heading_is_the_flow_of_that_chain(write_map) -> None:
    """``### Tilda > amoCRM > UniSender`` over ``1. …`` (and the same with ``→``): the list
    walks the chain, each item a step; the sub-heading after it starts nothing of it."""
    for arrow in ("\\>", "→"):
        model = load(
            write_map(
                f"# Leads\n\n## Paths\n\n### Tilda {arrow} amoCRM {arrow} UniSender\n\n"
                "1. A visitor fills in the form on Tilda.\n"
                "1. The lead is passed from Tilda into amoCRM.\n"
                "1. The deal is qualified in amoCRM.\n"
                "1. The export job sends the contact to UniSender.\n\n"
                "### Notes\n\n1. Every morning a report is built.\n"
            )
        )
        (flow,) = model.flows
        assert flow.title == f"Tilda {arrow.strip(chr(92))} amoCRM {arrow.strip(chr(92))} UniSender"
        assert [s.line for s in flow.steps] == [7, 8, 9, 10]
        names = {s.id: s.name for s in model.systems}
        assert (names[flow.steps[1].source], names[flow.steps[1].target]) == ("Tilda", "amoCRM")


def test_a_system_that_only_owns_the_object_moved_is_no_end(write_map) -> None:
    """``Zapier sends the Tilda lead to Bitrix24``: the lead is Tilda's, Zapier sends it to
    Bitrix24; an owner written after ``from`` stays the sender, and a mover that is no system
    leaves the owner the sender."""
    model = load(
        write_map(
            "# How it works\n\n"
            "1. Zapier sends the Tilda lead to Bitrix24.\n"
            "2. n8n pushes each Shopify order into NetSuite.\n"
            "3. Zapier copies the rows from Airtable to HubSpot.\n"
            "4. The nightly job sends the Shopify order to NetSuite.\n"
        )
    )
    assert named_edges(model) == [
        ("Zapier", "Bitrix24", 3),
        ("n8n", "NetSuite", 4),
        ("Airtable", "HubSpot", 5),
        ("Shopify", "NetSuite", 6),
    ]


def test_an_action_is_no_participant(write_map) -> None:
    """``The provider action updates the order in Shopify``: an action of a workflow is a step,
    not a system, however often it acts."""
    model = load(
        write_map(
            "# Orders\n\n## How it works\n\n"
            "1. The order is pulled from Shopify into Odoo.\n"
            "2. The provider action updates the order status in Shopify.\n"
            "3. The provider action sends the invoice to Shopify.\n"
        )
    )
    assert {s.name for s in model.systems} == {"Shopify", "Odoo"}


def test_a_products_token_is_no_end_of_a_direction(write_map) -> None:
    """``exchange the user's Slack token to the Okta access token``: tokens of the two products
    change hands inside one service, neither product receives anything."""
    model = load(
        write_map(
            "# Approvals\n\n- The bridge service will exchange the user's Slack token to the "
            "Okta Access Token via token exchange.\n- Sync orders from Shopify to HubSpot.\n"
        )
    )
    assert named_edges(model) == [("Shopify", "HubSpot", 4)]


@pytest.mark.parametrize("lead_in", ["Примеры рабочих промптов:", "Prompts we used:"])
def test_a_list_of_prompts_states_no_edge(write_map, lead_in: str) -> None:
    """Prompts quoted to an AI assistant ask for an architecture; the document states it
    elsewhere."""
    model = load(
        write_map(
            "# Demo\n\n## Architecture\n\n- Tilda -> amoCRM\n\n"
            f"## Notes\n\n{lead_in}\n\n- `Build a demo: Tilda -> amoCRM -> Telegram`\n"
        )
    )
    assert named_edges(model) == [("Tilda", "amoCRM", 5)]


@pytest.mark.parametrize(
    "item",
    [
        "sync HubSpot -> Mailchimp",
        "nightly export Shopify → BigQuery",
        "ручная и плановая синхронизация amoCRM → UniSender",
    ],
)
def test_a_sender_after_words_naming_the_sync_is_the_name(write_map, item: str) -> None:
    """``daily sync HubSpot -> Mailchimp``: the words before the name say what the edge is."""
    model = load(write_map(f"# Demo\n\n## Features\n\n- {item}\n"))
    assert len(named_edges(model)) == 1
    ((sender, _, _),) = named_edges(model)
    assert sender in ("HubSpot", "Shopify", "amoCRM")


def test_a_component_named_by_four_capitalised_words_keeps_them_all(write_map) -> None:
    """``the Acme Cloud Event Mesh Service``: a name of four words before its component word is
    one system, and ``from`` before it makes it the sender."""
    model = load(
        write_map(
            "# Orders\n\n## How it works\n\n"
            "1. The Shopify webhook sends the order to the Acme Cloud Event Mesh Service.\n"
            "2. The Billing service reads the order from the Acme Cloud Event Mesh Service.\n"
        )
    )
    assert named_edges(model) == [
        ("Shopify", "Acme Cloud Event Mesh Service", 5),
        ("Acme Cloud Event Mesh Service", "Billing service", 6),
    ]


def test_a_bold_line_over_a_list_of_what_systems_do_is_a_flow(write_map) -> None:
    """``**After a customer pays**`` over bullets telling what the systems do: a flow whose
    steps are the bullets; a bold line over a list of features is none."""
    model = load(
        write_map(
            "# Payments\n\n**After a customer pays**\n\n"
            "- Stripe sends the payment event to the Billing service.\n"
            "- The Billing service writes the invoice to PostgreSQL.\n"
            "- The Billing service posts a message to Slack.\n\n"
            "**Features**\n\n- Fast checkout\n- Invoices in PDF\n"
        )
    )
    (flow,) = model.flows
    assert flow.title == "After a customer pays"
    assert [s.line for s in flow.steps] == [5, 6, 7]
    assert ("Stripe", "Billing service", 5) in named_edges(model)


def test_an_edge_of_a_later_sentence_of_a_step_is_on_the_line_it_is_written(write_map) -> None:
    """A step wrapped over lines whose second sentence states an edge: that edge is on the
    line where its sentence opens (``Once done, …``), not on the step's first line."""
    model = load(
        write_map(
            "# Pipeline\n\n## How it works\n\n"
            "1. `DataImporter` receives the file from Amazon S3 and\n"
            "   saves the rows in a BigQuery table. Once done,\n"
            "   `DataImporter` sends a message to Slack.\n"
        )
    )
    assert ("DataImporter", "Slack", 6) in named_edges(model)


@pytest.mark.parametrize(
    ("end", "name"),
    [
        ("Точка управления", "Точка управления"),
        ("Сервер сайта", "Сервер сайта"),
        ("Точка веб-службы каталога приложений", "Точка веб-службы каталога приложений"),
        ("Сервер отправляет данные", "Сервер"),
        ("Backend на Black Hole", "Backend"),
        ("Шлюз для партнёров", "Шлюз"),
    ],
)
def test_a_russian_name_keeps_the_genitive_of_its_noun(end: str, name: str) -> None:
    """``Точка управления`` (a management point) is not ``Точка``; a verb, a preposition or a
    participle still ends the name."""
    assert name_of(end) == name


def test_roles_named_by_a_noun_and_its_genitive_stay_apart(write_map) -> None:
    """Headings ``Точка управления --> сервер сайта``: each role its own system, and a
    receiver written in lower case is the one written as a name at another end."""
    model = load(
        write_map(
            "# Порты\n\n### Точка управления --> Сервер сайта\n\nПорт 443.\n\n"
            "### Точка распространения --> точка управления\n\nПорт 80.\n\n"
            "### Сервер сайта <--> точка распространения\n\nПорт 445.\n"
        )
    )
    assert {s.name for s in model.systems} == {
        "Точка управления",
        "Точка распространения",
        "Сервер сайта",
    }
    assert ("Точка распространения", "Точка управления", 7) in named_edges(model)
    assert not model.flows


@pytest.mark.parametrize(
    ("heading", "edge"),
    [
        ("Точка миграции состояния --> SQL Server", ("Точка миграции состояния", "SQL Server", 3)),
        ("Lead Capture Form → HubSpot", ("Lead Capture Form", "HubSpot", 3)),
        ("Stripe -> Email Webhook", None),
    ],
)
def test_a_heading_arrow_names_its_end_beside_a_product(write_map, heading, edge) -> None:
    """A heading that is one arrow, a product at one end: the other end needs only read as a
    name of a few words; one naming how data is pushed (``Email Webhook``) is none."""
    model = load(write_map(f"# Ports\n\n### {heading}\n\nPort 443.\n\n- Tilda → amoCRM\n"))
    expected = [edge] if edge else []
    assert named_edges(model) == [*expected, ("Tilda", "amoCRM", 7)]


def test_a_thing_named_in_brackets_is_the_end_by_its_name(write_map) -> None:
    """``the Lambda (Log Processor)``: the bracket names the end; an abbreviation in brackets
    (``the Acme Container Registry (ACR)``) is no other name."""
    model = load(
        write_map(
            "# Logs\n\n## How it works\n\n"
            "1. The Log Buffer triggers the Lambda (Log Processor) to run.\n"
            "1. The Log Buffer keeps the logs for a day.\n"
            "2. The Log Processor writes the records to OpenSearch.\n"
            "3. The Log Processor pushes the image to the Acme Container Registry (ACR).\n"
        )
    )
    edges = named_edges(model)
    assert ("Log Buffer", "Log Processor", 5) in edges
    assert ("Log Processor", "Acme Container Registry", 8) in edges


def test_what_a_step_consumes_comes_from_who_made_it(write_map) -> None:
    """``Billing consumes the event generated by the OrderValidator``: the validator sends."""
    model = load(
        write_map(
            "# Saga\n\n## How it works\n\n"
            "1. `OrderValidator` checks the order and writes the result to Cosmos DB.\n"
            "2. `Billing` consumes the event generated by the `OrderValidator` and bills it.\n"
            "3. `Billing` writes the invoice to Cosmos DB.\n"
        )
    )
    assert ("OrderValidator", "Billing", 6) in named_edges(model)


def test_what_a_step_consumes_through_a_carrier_comes_from_the_carrier(write_map) -> None:
    """``Transfer consumes the command … through Event Hubs``: Event Hubs hands it over; a
    system named by a verb (``Transfer``) is no verb of its step."""
    model = load(
        write_map(
            "# Saga\n\n## How it works\n\n"
            "1. `Transfer` consumes the command sent by the orchestrator through Event Hubs.\n"
            "2. `Transfer` writes the result to Cosmos DB.\n"
        )
    )
    assert ("Event Hubs", "Transfer", 5) in named_edges(model)


def test_a_component_a_step_calls_is_a_system_and_its_end(write_map) -> None:
    """``calls the Command Producer Activity to produce a command to Event Hubs``: the called
    component is the step's receiver, though it never acts; a kind of service called (``the
    Cloud Function``) is no name of its own."""
    model = load(
        write_map(
            "# Saga\n\n## How it works\n\n"
            "1. `Saga Orchestrator` calls the `Command Producer Activity` to produce a command "
            "to Event Hubs.\n"
            "2. `Saga Orchestrator` writes the state to Cosmos DB.\n"
            "3. Pub/Sub calls the Cloud Function with the message.\n"
        )
    )
    assert ("Saga Orchestrator", "Command Producer Activity", 5) in named_edges(model)
    assert "Cloud Function" not in {s.name for s in model.systems}


def test_a_later_action_that_calls_a_component_sends_to_it(write_map) -> None:
    """``… receives the reply and calls the Command Producer Activity to produce a command to
    Event Hubs``: the later action turns to the component it calls, not to where that one
    writes."""
    model = load(
        write_map(
            "# Saga\n\n## How it works\n\n"
            "1. `Saga Orchestrator` writes the state to Cosmos DB.\n"
            "2. `Saga Orchestrator` receives the reply and calls the `Command Producer Activity` "
            "to produce a command to Event Hubs.\n"
        )
    )
    edges = named_edges(model)
    assert ("Saga Orchestrator", "Command Producer Activity", 6) in edges
    assert ("Saga Orchestrator", "Event Hubs", 6) not in edges


def test_a_subject_that_will_or_can_move_data_sends_it(write_map) -> None:
    """``Zapier will send the lead to HubSpot``, ``HubSpot should forward the deal to Slack``:
    a modal before the verb changes no direction; ``You can export invoices to Shopify`` is
    the reader's doing, no edge."""
    model = load(
        write_map(
            "# Leads\n\n- Zapier will send the lead to HubSpot.\n"
            "- HubSpot should forward the deal to Slack.\n"
            "- You can export posted invoices to Shopify.\n"
            "- Tilda будет передавать заявки в amoCRM.\n"
            "- amoCRM может отправлять сделки в Telegram.\n"
        )
    )
    assert named_edges(model) == [
        ("Zapier", "HubSpot", 3),
        ("HubSpot", "Slack", 4),
        ("Tilda", "amoCRM", 6),
        ("amoCRM", "Telegram", 7),
    ]


@pytest.mark.parametrize(
    "item",
    [
        "Zapier is responsible for sending leads to HubSpot.",
        "Zapier is used to send leads to HubSpot.",
        "Zapier then forwards the leads to HubSpot.",
        "Zapier automatically pushes the leads to HubSpot.",
    ],
)
def test_a_subject_that_moves_data_after_other_words_sends_it(write_map, item: str) -> None:
    """An adverb or a phrase of duty between a subject and its verb of moving changes no
    direction."""
    model = load(write_map(f"# Leads\n\n- {item}\n"))
    assert named_edges(model) == [("Zapier", "HubSpot", 3)]


ZAP = (
    "# Sales automations\n\nWe use Zapier to link HubSpot, Zendesk and PostHog.\n\n"
    "## New organisations\n\nA playbook posts the traits to a webhook that starts a Zap.\n\n"
)


def test_a_lead_in_telling_what_its_doer_does_next_opens_a_process(write_map) -> None:
    """``The Zap then:`` over a numbered list: its items are steps of the document's engine;
    the one system each names is read by its verb (``Tries to find`` reads, ``Captures`` and
    ``Submits`` write)."""
    model = load(
        write_map(
            ZAP + "The Zap then:\n\n"
            "1. Tries to find a HubSpot contact matching the email\n"
            "2. Captures a signup event in PostHog\n"
            "3. Submits a new organisation to Zendesk\n"
        )
    )
    assert [len(f.steps) for f in model.flows] == [3]
    assert named_edges(model) == [
        ("HubSpot", "Zapier", 11),
        ("Zapier", "PostHog", 12),
        ("Zapier", "Zendesk", 13),
    ]


def test_a_bulleted_list_after_then_is_no_process(write_map) -> None:
    """Only a numbered list makes ``… then:`` a process; bullets after it are no steps."""
    model = load(
        write_map(ZAP + "The Zap then:\n\n- Tries to find a HubSpot contact\n\nHubSpot → Zendesk\n")
    )
    assert model.flows == []


def test_the_fields_a_step_sets_are_no_transfers(write_map) -> None:
    """``Creates a Zendesk Organization with the following properties:`` over its fields: one
    edge, none from a field's value naming a product."""
    model = load(
        write_map(
            ZAP + "The Zap then:\n\n"
            "1. Creates a Zendesk Organization with the following properties:\n"
            "   * `domain` - The domain name from the HubSpot Company\n"
            "   * `name` - The PostHog organisation name\n"
        )
    )
    assert named_edges(model) == [("Zapier", "Zendesk", 11)]


def test_what_a_step_is_for_names_no_end(write_map) -> None:
    """``… in HubSpot so that Zendesk can link to the company``: the system named after ``so
    that`` is no receiver."""
    model = load(
        write_map(
            ZAP + "The Zap then:\n\n"
            "1. Tries to find a HubSpot contact matching the email\n"
            "2. Creates a company in HubSpot so that Zendesk can link to it\n"
        )
    )
    assert named_edges(model) == [("HubSpot", "Zapier", 11), ("Zapier", "HubSpot", 12)]


@pytest.mark.parametrize(
    "heading", ["### `main_daily_report.py`", "### 2. Ежедневный отчёт (`main_daily_report.py`)"]
)
def test_a_heading_naming_a_script_gives_the_doer_of_its_steps(write_map, heading: str) -> None:
    """A heading naming a script by its file (alone, or in brackets after what it does) over a
    process: the script does its steps, and a Russian noun of doing before ``в X`` writes to
    X (``Запись в Google Sheets``)."""
    model = load(
        write_map(
            f"# Мониторинг amoCRM\n\n{heading}\n\nГлавный скрипт отчёта. Логика работы:\n\n"
            "1. Получение событий из amoCRM\n2. Подсчёт событий\n3. Запись в Google Sheets\n"
        )
    )
    assert named_edges(model) == [
        ("amoCRM", "main_daily_report.py", 7),
        ("main_daily_report.py", "Google Sheets", 9),
    ]


def test_a_product_then_a_verb_in_a_title_is_no_part_of_it(write_map) -> None:
    """``### 2. Power Pages Starts Live Chat``: what the product does, no system of its own
    (``RudderStack Data Plane`` is one)."""
    model = load(
        write_map(
            "# Escalation\n\n## End-to-End Flow\n\n### 1. Customer Entry via WhatsApp\n"
            "- Message is ingested by Dynamics 365 Contact Center\n\n"
            "### 2. Power Pages Starts Live Chat\n"
            "- Power Pages sends the session to Dynamics 365 Contact Center\n"
        )
    )
    assert "Power Pages Starts Live Chat" not in {s.name for s in model.systems}
    assert ("Power Pages", "Dynamics 365 Contact Center", 9) in named_edges(model)


def test_what_a_person_does_with_two_systems_is_no_transfer_between_them(write_map) -> None:
    """``The admin opens the Amazon Lex web client, and uses Amazon Cognito to authenticate``:
    each system is the person's doing."""
    model = load(
        write_map(
            "# Bot\n\nThe process flow is as follows:\n\n"
            "1. The admin deploys the solution, opens the Amazon Lex web client, and uses "
            "Amazon Cognito to authenticate.\n"
            "2. Amazon Lex forwards requests to Amazon DynamoDB.\n"
        )
    )
    assert named_edges(model) == [("Amazon Lex", "Amazon DynamoDB", 6)]


PIPELINE = "# Dashboard\n\nThe process is as follows:\n\n"


def test_a_later_action_that_returns_results_to_a_system_sends_to_it(write_map) -> None:
    """``Amazon Athena queries the S3 data and returns query results to Amazon QuickSight``."""
    model = load(
        write_map(
            PIPELINE + "1. Amazon Athena queries the Amazon S3 bucket data and returns query "
            "results to Amazon QuickSight.\n2. Amazon QuickSight builds dashboards.\n"
        )
    )
    assert ("Amazon Athena", "Amazon QuickSight", 5) in named_edges(model)


def test_a_later_sentence_naming_a_system_again_by_its_kind_is_its_doing(write_map) -> None:
    """``… uses an AWS Lambda function … . The Lambda function … sends it to an Amazon Simple
    Storage Service (Amazon S3) bucket``: the function sends; S3 is one system by either
    name."""
    model = load(
        write_map(
            PIPELINE + "1. Amazon Kinesis Data Firehose uses an AWS Lambda function for data "
            "transformation. The Lambda function extracts the data and sends it to an Amazon "
            "Simple Storage Service (Amazon S3) bucket.\n"
            "2. Amazon Athena queries the Amazon S3 bucket data.\n"
        )
    )
    assert named_edges(model) == [
        ("Amazon Kinesis Data Firehose", "AWS Lambda", 5),
        ("AWS Lambda", "Amazon Simple Storage Service", 5),
        ("Amazon Simple Storage Service", "Amazon Athena", 6),
    ]


def test_a_title_naming_one_product_and_its_tool_names_the_documents_tool(write_map) -> None:
    """``# Chatwoot Integration`` over ``The Chatwoot integration allows you to:``: the title
    names the document's tool, so the lead-in naming it has a doer, and the abilities it lists
    are edges (before, a title with a tool word named no tool)."""
    model = load(
        write_map(
            "# Chatwoot Integration\n\nThe Chatwoot integration allows you to:\n"
            "- Receive WhatsApp messages in your Chatwoot inbox\n"
            "- Reply to WhatsApp messages directly from Chatwoot\n"
        )
    )
    assert ("WhatsApp", "Chatwoot", 4) in named_edges(model)


def test_a_step_that_reads_from_a_named_place_takes_from_it(write_map) -> None:
    """``The function reads the filters from the config Sheet`` under a component's heading:
    the Sheet (``Google Sheet``, named by the rest of its name) sends to the component, though
    two words stand between ``from`` and it."""
    model = load(
        write_map(
            "# Excluder\n\nGoogle Sheet -> BigQuery: filters\n\n## Architecture\n\n"
            "### Google Ads Exclusion service\n\n"
            "The Google Ads Excluder service applies the filters in the config Google Sheet to "
            "the data.\nChannels are then uploaded to Google Ads.\n\n"
            "1. Pub/Sub triggers the Cloud Function.\n"
            "2. The function reads the filters from the config Sheet.\n"
            "3. It applies the filters to BigQuery to identify channels.\n"
            "4. These are then uploaded to Google Ads.\n"
        )
    )
    assert ("Google Sheet", "Google Ads Exclusion service", 13) in named_edges(model)


@pytest.mark.parametrize(
    "link", ["Редактировать на GitHub", "Открыть в Postman", "Смотреть на GitHub"]
)
def test_a_link_to_look_at_or_edit_the_page_states_no_edge(write_map, link: str) -> None:
    """``###### [Редактировать на GitHub](…)`` under a tool's title: what a reader does with
    the page, no edge from the tool."""
    model = load(
        write_map(f"# QIWI PAY\n\n###### [{link}](https://github.com/x/y)\n\nQIWI PAY -> Сайт\n")
    )
    assert named_edges(model) == [("QIWI PAY", "Сайт", 5)]


@pytest.mark.parametrize(
    ("step", "edges"),
    [
        (  # two systems a person is authenticated by, one or the other
            "Users are authenticated by either Amazon Cognito (in AWS Regions) or by an OpenID "
            "connect provider such as Auth0.",
            [],
        ),
        (  # the sender a thing of no name, the queue only what the step goes by
            "The Amazon EC2 instance gets the object from the source bucket based on the "
            "Amazon SQS message.",
            [],
        ),
        (  # where a task runs is no receiver
            "When the JobWorker node finds a large file, a Multipart Upload task running in "
            "Amazon EC2 is started.",
            [],
        ),
        (  # a nested workflow is a part of its starter's run
            "The Step Functions Orchestrator initiates a nested Step Functions Get Inventory "
            "workflow.",
            [],
        ),
        (  # a person's second doing that moves data still does
            "User uploads data to Amazon S3 or exports data from AWS Clean Rooms to Amazon S3.",
            [("AWS Clean Rooms", "Amazon S3", 5)],
        ),
    ],
)
def test_steps_that_name_two_systems_but_move_nothing_between_them(
    write_map, step: str, edges: list[tuple[str, str, int]]
) -> None:
    """A step names two systems as alternatives a person uses, as a basis after an unnamed
    sender, as where something runs or as a nested part of its doer: no edge between them."""
    model = load(
        write_map(f"# Pipeline\n\n## How it works\n\n1. {step}\n2. Amazon SQS sends it.\n")
    )
    assert named_edges(model) == edges


def test_a_host_and_its_platform_are_no_ends_of_a_step(write_map) -> None:
    """``A container hosted on Amazon ECS on AWS Fargate polls Neptune Streams``: ECS and
    Fargate are where the container runs, no edge between them."""
    model = load(
        write_map(
            "# Simulator\n\n## How it works\n\n"
            "1. A Node JS container hosted on Amazon ECS on AWS Fargate polls Amazon Neptune.\n"
            "2. Amazon Neptune sends the changes to Amazon SQS.\n"
        )
    )
    assert ("Amazon ECS", "AWS Fargate", 5) not in named_edges(model)
    assert ("Amazon Neptune", "Amazon SQS", 6) in named_edges(model)


def test_the_kind_word_several_sections_use_for_their_own_is_no_system(write_map) -> None:
    """``The module …`` in the steps of three ``… module`` sections: each section's own module,
    no one system ``Module`` that a step invokes."""
    sections = "".join(
        f"## {name} module\n\nThis module performs the following workflow:\n\n"
        f"1. The module reads the {name} data from Amazon SQS.\n"
        "2. The module writes the result to Amazon Neptune.\n\n"
        for name in ("Calculation", "Realization", "Generation")
    )
    text = "# Simulator\n\n" + sections + "The Plan Lambda function invokes the module.\n"
    model = load(write_map(text))
    assert "Module" not in {s.name for s in model.systems}


def test_what_a_step_serves_from_where_it_is_hosted_comes_from_there(write_map) -> None:
    """``Amazon CloudFront delivers the web UI which is hosted in an Amazon S3 bucket``: S3
    keeps what CloudFront serves, so S3 sends to CloudFront."""
    model = load(
        write_map(
            "# Dashboard\n\nThe process flow is as follows:\n\n"
            "1. Amazon CloudFront delivers the web UI which is hosted in an Amazon S3 bucket.\n"
            "2. Amazon Cognito authenticates users for Amazon API Gateway.\n"
        )
    )
    assert ("Amazon S3", "Amazon CloudFront", 5) in named_edges(model)


def test_a_name_spelled_out_before_its_abbreviation_is_the_system_of_either(write_map) -> None:
    """``the Claims Mediator (CM)`` where a diagram names the systems by abbreviations: the
    bracket is another name of the end, not an aside to drop; what goes along (``, containing
    the … (HA) number``) names no receiver."""
    model = load(
        write_map(
            "# Claims\n\n```mermaid\nsequenceDiagram\n  HP->>CM: claim\n  CM->>IL: claim\n"
            "  IL->>HA: decision\n```\n\n## Steps\n\n"
            "1. The Hospital Portal (HP) submits a claim to the Claims Mediator (CM), containing "
            "the Health Authority (HA) number.\n"
            "2. CM forwards the claim to the Insurer Ledger (IL).\n"
            "3. IL sends the decision to HA.\n"
        )
    )
    steps = [(s.source, s.target, s.line) for f in model.flows for s in f.steps if s.line > 10]
    assert steps == [("hp", "cm", 12), ("cm", "il", 13), ("il", "ha", 14)]


@pytest.mark.parametrize(
    ("step", "edge"),
    [
        ("Amazon DynamoDB is used to hold the jobs configured for Amazon Personalize.", None),
        ("Redis holds the rate limits set up for the Stripe webhooks.", None),
        ("AWS Lambda sends the weekly report for Slack.", ("AWS Lambda", "Slack")),
        (
            "Перенесите данные из Object Storage в Managed Service for ClickHouse.",
            ("Object Storage", "Managed Service for ClickHouse"),
        ),
    ],
)
def test_a_system_a_step_works_for_is_no_receiver(write_map, step: str, edge) -> None:
    """``… configured for Amazon Personalize``: what the work is for, nothing sent to it,
    unless a verb of sending says so; a name's own ``for`` is no such word."""
    model = _process(write_map, step, "Amazon S3 sends files to AWS Lambda.")
    assert [(a, b) for a, b, line in named_edges(model) if line == 5] == ([edge] if edge else [])


@pytest.mark.parametrize(
    ("step", "edge"),
    [
        (
            "AWS Lambda сохраняет данные в Apache Cassandra, запущенном на Azure Virtual Machines.",
            ("AWS Lambda", "Cassandra"),
        ),
        (
            "AWS Lambda writes the sessions to Redis, which is hosted on Amazon EC2.",
            ("AWS Lambda", "Redis"),
        ),
        ("Kafka Connect is deployed on Kubernetes.", None),
        ("Kafka Connect sends the rows to BigQuery.", ("Kafka Connect", "BigQuery")),
    ],
)
def test_a_system_another_runs_on_is_its_host_not_a_receiver(write_map, step: str, edge) -> None:
    """``в Apache Cassandra, запущенном на Azure Virtual Machines``, ``hosted on Amazon EC2``:
    where the system named before runs, no end of what the step sends."""
    model = _process(write_map, step, "Amazon S3 sends files to AWS Lambda.")
    assert [(a, b) for a, b, line in named_edges(model) if line == 5] == ([edge] if edge else [])


@pytest.mark.parametrize(
    ("step", "edges"),
    [
        (
            "После возвращения данных из Amazon Rekognition AWS Lambda создаёт запись в "
            "Amazon DynamoDB.",
            [("Amazon Rekognition", "AWS Lambda"), ("AWS Lambda", "Amazon DynamoDB")],
        ),
        (
            "After the scores return from Amazon Rekognition, AWS Lambda writes them to "
            "Amazon DynamoDB.",
            [("Amazon Rekognition", "AWS Lambda"), ("AWS Lambda", "Amazon DynamoDB")],
        ),
        (
            "После получения ответа от ЮKassa amoCRM отправляет письмо в Unisender.",
            [("ЮKassa", "amoCRM"), ("amoCRM", "Unisender")],
        ),
    ],
)
def test_a_step_opening_with_what_came_back_from_a_system_has_it_sent_to_the_subject(
    write_map, step: str, edges: list[tuple[str, str]]
) -> None:
    """``После возвращения данных из A B создаёт запись в C``: what came back from A reached B,
    the step's subject, written right after A with or without a comma; then B sends to C. Two
    capitalised products side by side are two systems, no component named by both."""
    model = _process(write_map, step, russian=True)
    assert [(a, b) for a, b, _ in named_edges(model)] == edges
    assert sorted(s.name for s in model.systems) == sorted({end for edge in edges for end in edge})


@pytest.mark.parametrize(
    ("step", "edge"),
    [
        ("AWS Lambda subscribes to the Amazon SNS topic.", ("Amazon SNS", "AWS Lambda")),
        ("The Order Service listens to Apache Kafka.", ("Apache Kafka", "Order Service")),
        ("AWS Lambda is subscribed to Amazon SNS.", ("Amazon SNS", "AWS Lambda")),
        ("AWS Lambda подписывается на Apache Kafka.", ("Apache Kafka", "AWS Lambda")),
        ("AWS Lambda sends the events to Amazon SNS.", ("AWS Lambda", "Amazon SNS")),
    ],
)
def test_a_subscriber_receives_from_what_it_subscribes_to(write_map, step: str, edge) -> None:
    """``A subscribes to the B topic``, ``listens to B``, ``подписывается на B``: B publishes
    what A receives; a verb of sending keeps its way."""
    model = _process(write_map, step)
    assert [(a, b) for a, b, _ in named_edges(model)] == [edge]


@pytest.mark.parametrize(
    ("step", "edge"),
    [
        ("AWS Lambda will look up the data in Firestore.", ("Firestore", "AWS Lambda")),
        ("Braze can access the content stored in Amazon DynamoDB.", ("Amazon DynamoDB", "Braze")),
        ("AWS Lambda writes the content to Amazon DynamoDB.", ("AWS Lambda", "Amazon DynamoDB")),
    ],
)
def test_a_system_looked_up_or_accessed_sends_its_data(write_map, step: str, edge) -> None:
    """``looks up the data in Firestore``, ``can access the content stored in DynamoDB``: the
    data comes from the system asked, as from one queried."""
    model = _process(write_map, step)
    assert [(a, b) for a, b, _ in named_edges(model)] == [edge]


@pytest.mark.parametrize(
    ("step", "edge"),
    [
        ("AWS Lambda запрашивает в amoCRM список сделок.", ("amoCRM", "AWS Lambda")),
        ("AWS Lambda получает в ЮKassa статус платежа.", ("ЮKassa", "AWS Lambda")),
        ("AWS Lambda отправляет получателю в amoCRM письмо.", ("AWS Lambda", "amoCRM")),
        (
            "AWS Lambda [получает](https://{{ host }}/keys) в ЮKassa публичный ключ.",
            ("ЮKassa", "AWS Lambda"),
        ),
    ],
)
def test_a_russian_request_at_a_system_has_it_answer(write_map, step: str, edge) -> None:
    """``A запрашивает в B токен``, ``A получает в B ключ``: B answers and A receives, a verb
    written as a link's words too; a noun of the same stem (``получателю в B``) asks nothing."""
    model = _process(write_map, step, russian=True)
    assert [(a, b) for a, b, _ in named_edges(model)] == [edge]


@pytest.mark.parametrize(
    ("step", "edges"),
    [
        (
            "As the customer checks out, Braze will capture the Shopify user data via Shopify "
            "webhooks.",
            [("Shopify", "Braze")],
        ),
        (
            "Braze will merge all of the user data captured from both Segment and Shopify "
            "webhooks into a single user profile in Braze.",
            [],
        ),
        ("Braze will also assign the Shopify customer ID as the user alias.", []),
        ("Braze sends the Shopify customer ID to Shopify.", [("Braze", "Shopify")]),
    ],
)
def test_webhooks_captured_data_and_identifiers_name_their_systems_rightly(
    write_map, step: str, edges: list[tuple[str, str]]
) -> None:
    """``via Shopify webhooks``: Shopify calls the subject; ``data captured from A and B``:
    where the data came from earlier, no end; ``the Shopify customer ID``: Shopify's
    identifier, no end unless Shopify is named again as one."""
    model = _process(write_map, step)
    assert [(a, b) for a, b, _ in named_edges(model)] == edges


@pytest.mark.parametrize(
    "step",
    [
        "A web console powered by AWS Amplify deploys into an Amazon S3 bucket.",
        "An Amazon Cognito user pool manages user access to the console, the load tester API "
        "and AWS Lambda.",
        "Amazon API Gateway validates the user's Amazon Cognito authentication token.",
    ],
)
def test_deploying_controlling_access_and_checking_a_token_send_nothing(write_map, step) -> None:
    """``deploys into an S3 bucket``, ``manages user access to …``, ``validates the user's
    Cognito token``: set-up, access control and a system's own token, no transfer."""
    model = _process(write_map, step, "Amazon S3 sends files to AWS Lambda.")
    assert [(a, b, line) for a, b, line in named_edges(model)] == [("Amazon S3", "AWS Lambda", 6)]


def test_a_steps_actions_after_commas_each_move_its_subjects_data(write_map) -> None:
    """``X consumes …, persists … on PostgreSQL and raises … to Y``: each action after a comma
    or ``and`` is the subject's own, a store it keeps something on the receiver; a participle
    after a comma (``, importing the files from Amazon S3 …``) tells what the action does."""
    model = load(
        write_map(
            "# Billing\n\n## How it works\n\n"
            "1. `Billing Worker` consumes the invoice event from Apache Kafka, persists the "
            "invoice on PostgreSQL and raises a completion event to `Ledger Service`.\n"
            "2. `Ledger Service` sends COPY commands to Amazon Redshift, importing the files "
            "from Amazon S3 into Redshift tables.\n"
        )
    )
    assert sorted((a, b) for a, b, _ in named_edges(model)) == [
        ("Apache Kafka", "Billing Worker"),
        ("Billing Worker", "Ledger Service"),
        ("Billing Worker", "PostgreSQL"),
        ("Ledger Service", "Amazon Redshift"),
    ]


def test_a_sites_variable_in_a_step_is_the_system_it_names(write_map) -> None:
    """``Приложение передает токен в {{ cns-short-name }}``: the variable names the service
    (the diagram shows it as written); a channel created in it for a platform and an app is
    set-up, ``Push-`` of ``Push-уведомлений`` no verb of sending."""
    model = load(
        write_map(
            "# Push\n\n## Порядок работы\n\n"
            "1. В сервисе {{ cns-short-name }} создается канал Push-уведомлений под платформу "
            "и ваше приложение.\n"
            "2. Ваше приложение передает токен в {{ cns-short-name }}.\n"
        )
    )
    assert named_edges(model) == [("Ваше приложение", "{{ cns-short-name }}", 6)]


def test_what_a_step_calls_a_system_to_do_is_that_systems_transfer(write_map) -> None:
    """``calls the Ledger Writer to write the entry to PostgreSQL``: the called system does
    the writing; a system's own API called to update it is no second end."""
    model = load(
        write_map(
            "# Ledger\n\n## How it works\n\n"
            "1. `Billing Scheduler` triggers the `Export Worker` to copy the files from "
            "Amazon S3 into the archive.\n"
            "2. Apache Airflow receives the event and calls the `Ledger Writer` to write the "
            "entry to PostgreSQL.\n"
            "3. AWS Lambda invokes Salesforce API to update the contacts to Salesforce.\n"
        )
    )
    assert sorted((a, b) for a, b, _ in named_edges(model)) == [
        ("AWS Lambda", "Salesforce API"),
        ("Airflow", "Ledger Writer"),
        ("Amazon S3", "Export Worker"),
        ("Billing Scheduler", "Export Worker"),
        ("Ledger Writer", "PostgreSQL"),
    ]
