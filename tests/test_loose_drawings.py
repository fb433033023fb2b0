"""Trees, labelled arrows, diagrams and titles in documents not written in the template.

Architecture notes draw how data travels as a tree of boxes (``└──``, ``├─►``, ``↳``), put a
protocol in an arrow's shaft (``--REST-->``, ``──POST /call──►``) or describe the system in
C4-PlantUML (``Rel(a, b, "label")``). The same strokes draw folders, a record's fields and
decision trees, and a use-case diagram links people to what they do: none of those is an edge.
"""

from __future__ import annotations

import pytest

from flowviz.errors import MapError
from flowviz.load import load
from flowviz.parse.diagrams import read_mermaid
from tests.loose_support import named_edges


def _read(write_map, text: str) -> list[tuple[str, str, int]]:
    return named_edges(load(write_map(text)))


def test_a_tree_of_systems_is_an_edge_from_each_box_to_each_box_under_it(write_map) -> None:
    text = """# Events

```
Salesforce Platform Event
  └── Event Relay
        └── AWS EventBridge
              ├── AWS Lambda
              ├── AWS SQS
              └── Any EventBridge target
```
"""
    assert _read(write_map, text) == [
        ("Salesforce Platform Event", "Event Relay", 4),
        ("Event Relay", "AWS EventBridge", 5),
        ("AWS EventBridge", "AWS Lambda", 6),
        ("AWS EventBridge", "AWS SQS", 6),
    ]


def test_a_branch_hangs_from_the_box_its_stroke_leads_up_to(write_map) -> None:
    text = """# Components

```
Client/UI
   │ HTTP
   ▼
Controllers (Micronaut)
   │
   ├─► VisitService ──► BranchService ──► Kafka
   │        │
   │        └─► PrinterService
   │
   └─► AuthClient ──► Keycloak
```
"""
    edges = _read(write_map, text)
    assert ("Controllers", "VisitService", 7) in edges
    assert ("VisitService", "BranchService", 9) in edges
    assert ("VisitService", "PrinterService", 9) in edges
    assert ("Controllers", "AuthClient", 7) in edges
    assert ("AuthClient", "Keycloak", 13) in edges
    assert ("Client/UI", "Controllers", 4) in edges


def test_a_stroke_under_an_arrow_hangs_from_the_box_the_arrow_reaches(write_map) -> None:
    text = """# Call

```
UI ──POST /servicepoint/call──► ServicePointController
                           └──► VisitService.pick(...) ──► BranchService.update(...)
```
"""
    assert _read(write_map, text) == [
        ("UI", "ServicePointController", 4),
        ("ServicePointController", "VisitService", 4),
        ("VisitService", "BranchService", 5),
    ]
    rows = load(write_map(text)).integrations
    assert rows[0].source_data == "POST /servicepoint/call"


def test_a_hook_under_a_chain_is_a_branch_of_the_box_above_it(write_map) -> None:
    text = """# Трафик

```
Client → Nginx (80/443) → Spring Cloud Gateway (:8080) → Backend services
                                   ↳ Next.js frontend (:3000) для статики
```
"""
    edges = _read(write_map, text)
    assert ("Nginx", "Spring Cloud Gateway", 4) in edges
    assert ("Spring Cloud Gateway", "Next.js frontend", 4) in edges


@pytest.mark.parametrize(
    "tree",
    [
        "src/\n├── api/\n│   ├── main.py\n│   └── Service.java\n└── db/changelog/"
        "\n    └── changes/",
        "Branch\n ├─ Queues (id → Queue)\n ├─ Services (id → Service)\n └─ Reception / Entry",
        "Need real-time sync?\n  ├── YES → Is the consumer external?\n  │    └── YES → Pub/Sub API"
        "\n  └── NO → Scheduled batch sync",
        "External Consumer\n  ├── Process event\n  ├── Commit replay ID\n  └── Handle failures",
    ],
    ids=["folders", "fields", "decisions", "actions"],
)
def test_folders_fields_decisions_and_actions_drawn_as_trees_are_no_edges(
    write_map, tree: str
) -> None:
    with pytest.raises(MapError, match="not an integration map"):
        load(write_map(f"# Notes\n\n```\n{tree}\n```\n"))


def test_a_chain_of_states_in_capitals_is_no_edge_even_with_branches(write_map) -> None:
    text = """# Visit

```
CREATED → PLACED_IN_QUEUE → CALLED → SERVED → END
           │                   │
           ├── transfer ───────┘
```

- Tilda → amoCRM
"""
    assert _read(write_map, text) == [("Tilda", "amoCRM", 9)]


def test_a_label_in_a_dashed_arrow_is_the_edge_label(write_map) -> None:
    text = """# Flows

```
1. Salesforce --REST--> MuleSoft --BAPI--> SAP
2. SAP --Events--> MuleSoft
```
"""
    model = load(write_map(text))
    assert named_edges(model) == [
        ("Salesforce", "MuleSoft", 4),
        ("MuleSoft", "SAP", 4),
        ("SAP", "MuleSoft", 5),
    ]
    assert [r.method or r.source_data for r in model.integrations] == ["REST", "BAPI", "Events"]


def test_c4_plantuml_relations_are_edges_between_the_named_elements(write_map) -> None:
    text = """# Architecture

```plantuml
@startuml
!include <C4/C4_Component.puml>
Person(user, "Operator")
Container_Boundary(api, "Queue API") {
  Component(entry, "EntrypointController", "REST")
  Component(svc, "VisitService", "BL")
}
System_Ext(kc, "Keycloak")
ContainerDb(redis, "Redis", "Cache")
Rel(user, entry, "Creates visits")
Rel(entry, svc, "Create visit")
Rel_Back(kc, entry, "Tokens", "OIDC")
BiRel(svc, redis, "Cache")
Lay_R(svc, redis)
SHOW_LEGEND()
@enduml
```
"""
    model = load(write_map(text))
    names = {s.id: s.name for s in model.systems}
    edges = [
        (names[(r.source_parts or [r.source])[0]], names[(r.target_parts or [r.target])[0]], r.line)
        for r in model.integrations
    ]
    assert edges == [
        ("EntrypointController", "VisitService", 14),
        ("EntrypointController", "Keycloak", 15),
        ("VisitService", "Redis", 16),
        ("Redis", "VisitService", 16),
    ]
    assert not [d for d in model.diagnostics if d.code == "FV112"]
    parents = {s.name: names.get(s.parent or "") for s in model.systems}
    assert parents["VisitService"] == parents["EntrypointController"] == "Queue API"
    assert parents["Keycloak"] is None


def test_a_c4_dynamic_index_argument_is_neither_an_end_nor_a_label(write_map) -> None:
    """``$index=Index()-1`` numbers a dynamic diagram's relation, written last or first."""
    text = """# Events

```plantuml
@startuml
Container(bus, "Message Bus", "RabbitMQ")
Container(audit, "Audit Service", "C#")
ContainerDb(store, "Audit Store", "Event Store")
Rel_L(bus, audit, "Sends events to", "async", $index=Index()-1)
Rel($index=SetIndex(5)-2, audit, store, "Stores events in")
@enduml
```
"""
    model = load(write_map(text))
    assert named_edges(model) == [
        ("Message Bus", "Audit Service", 8),
        ("Audit Service", "Audit Store", 9),
    ]
    assert model.integrations[1].source_data == "Stores events in"
    assert not [d for d in model.diagnostics if d.code == "FV112"]


def test_people_and_use_cases_of_a_plantuml_diagram_are_no_systems(write_map) -> None:
    text = """# Roles

```plantuml
@startuml
actor Client
:Operator: as op
Client --> (Create visit)
op --> (Call visit)
Client -> Terminal: choose a service
Terminal -> Backend: POST /visit
@enduml
```
"""
    assert _read(write_map, text) == [("Terminal", "Backend", 10)]


def test_a_plantuml_participant_labelled_after_its_id_is_named_by_the_label(write_map) -> None:
    """``actor M as "Merchant\\n(Natural Person)"``: the id first, its label after ``as``; an
    actor's messages are no edges, the others join the labelled participants."""
    text = """# Registration

```plantuml
@startuml
actor M as "Merchant\\n(Natural Person)"
participant RP as "Merchant\\nRegistration\\nPortal"
database D as "Merchant Registry"
M -> RP: Enter details
RP -> D: Record data
@enduml
```
"""
    assert _read(write_map, text) == [("Merchant Registration Portal", "Merchant Registry", 9)]


def test_an_actor_of_a_mermaid_sequence_is_a_step_of_the_flow_but_no_edge(write_map) -> None:
    text = """# Order

```mermaid
sequenceDiagram
    actor Buyer
    Buyer->>Shop: places an order
    Shop->>CRM: creates a deal
```
"""
    model = load(write_map(text))
    assert named_edges(model) == [("Shop", "CRM", 7)]
    kinds = {s.name: s.kind for s in model.systems}
    assert kinds["Buyer"] == "actor"
    names = {s.id: s.name for s in model.systems}
    steps = [(names[s.source], names[s.target]) for f in model.flows for s in f.steps]
    assert steps == [("Buyer", "Shop"), ("Shop", "CRM")]


def test_boxes_stacked_in_a_paragraph_with_arrows_between_are_a_chain_of_systems(
    write_map,
) -> None:
    text = """# Workflow

📝 Jotform Submission
↓
🧠 AI Project Analysis
↓
🗂️ Asana Project Creation
↓
💬 Slack Channel Message
"""
    assert _read(write_map, text) == [
        ("Asana Project Creation", "Slack Channel Message", 7),
    ]
    names = {s.name for s in load(write_map(text)).systems}
    assert "AI Project Analysis" not in names


def test_a_sequence_message_may_name_a_participant_in_several_words(write_map) -> None:
    text = """# Enrichment

```mermaid
sequenceDiagram
    participant H as HM Passport Office
    H ->> GDX: Notification of death
    GDX->>+ DWP: Notification of death
    DWP->>-GDX: Return enrich with Nino
    GDX->>Pension Service: Supply pension number
```
"""
    assert _read(write_map, text) == [
        ("HM Passport Office", "GDX", 6),
        ("GDX", "DWP", 7),
        ("DWP", "GDX", 8),
        ("GDX", "Pension Service", 9),
    ]


@pytest.mark.parametrize(
    ("title", "edge"),
    [
        (
            "## Pattern 1: Sync New Salesforce Leads to Dynamics 365 Contacts",
            ("Salesforce", "Dynamics 365"),
        ),
        (
            "- **Поток обратной записи — из Active Directory в Workday.** Далее",
            ("Active Directory", "Workday"),
        ),
        ("## Выгрузка заказов из Shopify в Google Sheets", ("Shopify", "Google Sheets")),
    ],
)
def test_a_title_that_names_a_direction_in_words_is_an_edge(
    write_map, title: str, edge: tuple[str, str]
) -> None:
    assert _read(write_map, f"# Notes\n\n{title}\n") == [(*edge, 3)]


@pytest.mark.parametrize(
    "title",
    [
        "## Real-Time Account Sync",
        "## Sync contacts from the form to the sheet",
        "## Flow of Salesforce data into Salesforce reports",
        "## Синхронизация данных в Business Central с Microsoft Dataverse",
    ],
)
def test_a_title_with_no_product_on_a_side_names_no_edge(write_map, title: str) -> None:
    with pytest.raises(MapError, match="not an integration map"):
        load(write_map(f"# Notes\n\n{title}\n"))


def test_invisible_links_place_nodes_and_a_dotted_label_is_a_label(write_map) -> None:
    text = """# Architecture

```mermaid
flowchart LR
    forms[GOV.UK Forms]
    notify[GOV.UK Notify]
    forms ~~~ notify
    forms -. optional .-> notify
```
"""
    model = load(write_map(text))
    assert named_edges(model) == [("GOV.UK Forms", "GOV.UK Notify", 8)]
    assert model.integrations[0].source_data == "optional"


def test_participants_with_hyphens_and_people_of_a_sequence(write_map) -> None:
    text = """# Submission

```mermaid
sequenceDiagram
    actor user as User
    participant runner as Forms Runner
    participant runner-db as Forms Runner database
    user->>runner: submit
    runner->>runner-db: save Submission
    runner-db-->>runner: saved
```
"""
    assert _read(write_map, text) == [
        ("Forms Runner", "Forms Runner database", 9),
        ("Forms Runner database", "Forms Runner", 10),
    ]


def test_services_named_as_code_are_never_one_another_misspelt(write_map) -> None:
    text = """# Flows

| Источник | Получатель | Назначение |
| --- | --- | --- |
| virtualization-api | kubelet | proxy |
| virtualization-dra | kubelet | plugin |
| virtualization-audit | kube-apiserver | audit |
"""
    names = {s.name for s in load(write_map(text)).systems}
    assert {"virtualization-api", "virtualization-dra", "virtualization-audit"} <= names


def test_a_person_listed_among_senders_is_left_out_and_alone_is_an_actor(write_map) -> None:
    text = """# Flows

| Источник | Получатель | Назначение |
| --- | --- | --- |
| Пользователь / `d8` CLI | virtualization-api | API |
| Пользователь | kube-apiserver | CRD |
"""
    model = load(write_map(text))
    kinds = {s.name: s.kind for s in model.systems}
    assert kinds["d8 CLI"] == "other"
    assert kinds["Пользователь"] == "actor"
    assert all("Пользователь /" not in name for name in kinds)


def test_a_mermaid_architecture_diagram_gives_its_edges(write_map) -> None:
    text = """# Integrations

```mermaid
architecture-beta
group ext(cloud)[External]
service tms(internet)[Teacher Misconduct system] in ext
service api(server)[TRS API]
service files(disk)[Files]
tms:B --> T:api
api:R <--> L:files
```
"""
    assert _read(write_map, text) == [
        ("Teacher Misconduct system", "TRS API", 9),
        ("TRS API", "Files", 10),
        ("Files", "TRS API", 10),
    ]


def test_a_plantuml_file_is_read_as_its_diagram(write_map) -> None:
    text = """@startuml Payments
actor "Donor" as Donor
participant "1С-\\nБитрикс" as Bitrix
participant "Сервис\\n интеграции" as IntService
Donor -> Bitrix: fills the form
Bitrix -> IntService: POST /subscriptions
IntService -> IntService: validates
@enduml
"""
    assert _read(write_map, text) == [("1С-Битрикс", "Сервис интеграции", 6)]


def test_a_person_declared_in_a_sequence_is_a_person_in_the_whole_document(write_map) -> None:
    text = """# Sync

```mermaid
sequenceDiagram
    actor Prison Staff
    Prison Staff ->> Adjudication UI: Maintain
    Adjudication UI ->> Adjudication API: Call
```
"""
    model = load(write_map(text))
    assert {s.name: s.kind for s in model.systems}["Prison Staff"] == "actor"
    assert named_edges(model) == [("Adjudication UI", "Adjudication API", 7)]


def test_a_node_of_a_subgraph_is_never_the_subgraph_by_its_first_word(write_map) -> None:
    text = """# Architecture

```mermaid
graph LR
    subgraph "Клиенты"
        c1[1С:Предприятие]
        c2[Клиент на Node.js]
    end
    api[REST API Backend]
    c2 --> api
```
"""
    names = {s.name for s in load(write_map(text)).systems}
    assert "Клиент на Node.js" in names


def test_a_mermaid_label_is_named_by_its_first_line_when_the_others_describe_it(
    write_map,
) -> None:
    """Lines under a node's name that say what it holds (a ``<small>`` line, a call, a
    bracket, a list, ``via``) are not its name; a name wrapped onto two lines is one name."""
    model = load(
        write_map(
            "# Outbox\n\n```mermaid\ngraph TB\n"
            '    Send["SendMessage(Service, Channel)<br/>Stored in OutQueue<br/>Status: 0"]\n'
            '    Queue["OutQueue<br/>MessageID (UUID)<br/>CreatedAt, SentAt"]\n'
            '    Mongo["MongoDB<br/><small>Port 27017</small>"]\n'
            '    Api["Locations Inside<br/>Prison API"]\n'
            "    Send --> Queue\n    Queue --> Mongo\n    Mongo --> Api\n```\n"
        )
    )
    assert named_edges(model) == [
        ("SendMessage(Service, Channel)", "OutQueue", 9),
        ("OutQueue", "MongoDB", 10),
        ("MongoDB", "Locations Inside Prison API", 11),
    ]


def test_an_escaped_line_break_in_a_mermaid_label_breaks_it_as_br_does(write_map) -> None:
    """``\\n`` in a quoted label is a line break, as ``<br>`` is: ``1. Validate request\\n
    (FluentValidation)`` is named by its first line; two nodes of one diagram whose names hold
    the same letters spaced apart (``CommunicationServices``, ``Communication Services\\n(e.g.,
    KlaviyoServices)``) stay two systems."""
    model = load(
        write_map(
            "# Gateway\n\n```mermaid\nflowchart LR\n"
            '    V["1. Validate request\\n(FluentValidation)"]\n'
            '    Router["CommunicationServices"]\n'
            '    Mail["Communication Services\\n(e.g., KlaviyoServices)"]\n'
            '    Api["Email APIs\\n(Klaviyo, Mayur, etc.)"]\n'
            "    V --> Router\n    Router --> Mail\n    Mail --> Api\n```\n"
        )
    )
    assert named_edges(model) == [
        ("1. Validate request", "CommunicationServices", 9),
        ("CommunicationServices", "Communication Services", 10),
        ("Communication Services", "Email APIs", 11),
    ]


def test_a_mermaid_labels_notes_under_its_name_are_no_part_of_it(write_map) -> None:
    """A label going on on the next lines of the diagram, styled apart (``GOV.UK`` over
    ``<font …>The best place to find …</font>``), a first line closing with a bracket
    (``Задание 1 (Прием)``) or a request under the name (``GET /applications/…``): the first
    line names the node; lines all styled alike (``<font>GLEIF`` / ``<font>Services``) and a
    name wrapped onto three lines are one name."""
    model = load(
        write_map(
            "# Forms\n\n```mermaid\ngraph TD\n"
            "    gov.uk[GOV.UK\n    <font color=#d2e2f1>The best place to find\n"
            "    government services</font>]\n"
            '    job["Задание 1 (Прием)<br/>AMQP Consumer<br/>Соединение 2 мин."]\n'
            '    conf["Конфигурация<br/>GET /applications/{app}/runtime"]\n'
            '    gl["<font color=white>GLEIF<br/><font color=white>Services"]\n'
            '    portal["Merchant<br/>Registration<br/>Portal"]\n'
            "    gov.uk --> job\n    job --> conf\n    conf --> gl\n    gl --> portal\n```\n"
        )
    )
    assert named_edges(model) == [
        ("GOV.UK", "Задание 1 (Прием)", 12),
        ("Задание 1 (Прием)", "Конфигурация", 13),
        ("Конфигурация", "GLEIF Services", 14),
        ("GLEIF Services", "Merchant Registration Portal", 15),
    ]


def test_a_note_pointing_at_a_trees_entry_is_no_edge(write_map) -> None:
    """``helper/      ← HTTP client`` in a package tree: the arrow after the gap points a note at
    the entry; neither the note nor the tree's folders and files are systems."""
    model = load(
        write_map(
            "# Layout\n\n- Shopify → Klaviyo\n\n```\n"
            "co.acme.gateway                 ← Core routing\n"
            "├── AuthFilter.groovy           ← Servlet filter\n"
            "└── shipping/\n"
            "    ├── fedex/                  ← FedEx\n"
            "    └── purolator/              ← Purolator (SOAP)\n```\n"
        )
    )
    assert named_edges(model) == [("Shopify", "Klaviyo", 3)]


def test_mermaid_two_way_labelled_links_and_one_name_in_two_subgraphs() -> None:
    """``C <-- ok --> D`` is a link both ways labelled ``ok``; an ``API`` node in each of two
    subgraphs is two systems, each named with its subgraph."""
    diagram = read_mermaid(
        "flowchart LR\n"
        "    subgraph SHM\n        TPL(Template) --> API\n    end\n"
        "    subgraph Marzban\n        MZ(API)\n    end\n"
        "    API --> MZ\n    TPL <-- ok --> BOT(telegram_bot)\n",
        1,
    )
    assert diagram is not None
    links = [
        (diagram.name(h.source), diagram.name(h.target), h.label, h.way) for h in diagram.links
    ]
    assert links == [
        ("Template", "SHM API", "", "forward"),
        ("SHM API", "Marzban API", "", "forward"),
        ("Template", "telegram_bot", "ok", "both"),
    ]


def test_a_sequence_drawing_every_box_as_an_actor_keeps_its_programs() -> None:
    """Every participant declared ``actor``, programs among them: the programs are systems,
    only the one a person's word names is a person."""
    diagram = read_mermaid(
        "sequenceDiagram\n    actor Staff User\n    actor Storefront\n    actor Payment App\n"
        "    Staff User->>Storefront: places an order\n"
        "    Storefront->>Payment App: Webhook: TRANSACTION_INITIALIZE\n",
        1,
    )
    assert diagram is not None
    assert diagram.people == {"Staff User"}


def test_actors_beside_participants_are_people() -> None:
    diagram = read_mermaid(
        "sequenceDiagram\n    actor Customer\n    participant Shop API\n"
        "    Customer->>Shop API: pays\n",
        1,
    )
    assert diagram is not None
    assert diagram.people == {"Customer"}


def test_boxes_side_by_side_joined_by_a_drawn_arrow_are_an_edge(write_map) -> None:
    """``│ Shopify │──►│ Klaviyo │``: each box named by its first line of text (the lines under
    it say what it holds), ``◄───►`` an edge each way."""
    model = load(
        write_map(
            "# Architecture\n\n```\n"
            "┌──────────────┐         ┌──────────────┐\n"
            "│   Your ERP   │◄───────►│ Eryxon Flow  │\n"
            "│ (SAP, etc.)  │         │              │\n"
            "└──────────────┘         └──────────────┘\n```\n\n```\n"
            "┌──────────────┐         ┌──────────────┐\n"
            "│   Shopify    │         │   Klaviyo    │\n"
            "│   (orders)   │────────►│   (email)    │\n"
            "└──────────────┘         └──────────────┘\n```\n"
        )
    )
    assert named_edges(model) == [
        ("Your ERP", "Eryxon Flow", 5),
        ("Eryxon Flow", "Your ERP", 5),
        ("Shopify", "Klaviyo", 13),
    ]


WALLED = """# Pipeline

```
    ┌──────────────┐
    │   FileSync   │  (watches the bucket)
    └──────┬───────┘
           ├──────────────────────┐
           ▼                      ▼
    ParserStartedMessage     CleanerStartedMessage
           │                      │
           ▼                      ▼

┌─────────────────────────────────────────────────────────┐
│                    PARSING STAGE                        │
└─────────────────────────────────────────────────────────┘

    ┌──────────────┐        ┌─────────────────┐
    │    Parser    │        │ Matching.Engine │
    │ (reads rows) │        │ (Cleaner)       │
    └──────┬───────┘        └────────┬────────┘
           └──────────┬──────────────┘
                      ▼
              ┌──────────────┐
              │    Import    │
              └──────────────┘
```
"""


def test_walled_boxes_are_joined_by_the_strokes_between_them(write_map) -> None:
    """A box drawn with walls is named by its first line of text (a bracket alone on the next
    line goes with it); a stroke forks to the boxes its arrowheads point at, runs on through
    a message written between two arrowheads and across a stage's banner, and joins several
    boxes into the one it points at."""
    assert named_edges(load(write_map(WALLED))) == [
        ("FileSync", "Parser", 5),
        ("FileSync", "Matching.Engine (Cleaner)", 5),
        ("Parser", "Import", 18),
        ("Matching.Engine (Cleaner)", "Import", 19),
    ]


def test_boxes_drawn_with_plus_corners_are_walled_boxes_too(write_map) -> None:
    """``+------+------+`` borders (the middle ``+`` a stroke's exit) and a ``v`` in the lower
    box's top border: MySQL feeds Kafka Connect, which feeds PostgreSQL; the bracket saying
    what Kafka Connect holds is no part of its name."""
    text = (
        "# Topology\n\n```\n"
        "    +-------------+\n    |    MySQL    |\n    +------+------+\n           |\n"
        "   +-------v--------------+\n   |    Kafka Connect     |\n"
        "   |  (Debezium, JDBC)    |\n   +-------+--------------+\n           |\n"
        "   +-------v-------+\n   |  PostgreSQL   |\n   +---------------+\n```\n"
    )
    assert named_edges(load(write_map(text))) == [
        ("MySQL", "Kafka Connect", 5),
        ("Kafka Connect", "PostgreSQL", 9),
    ]


def test_a_file_of_mermaid_diagrams_is_read_diagram_by_diagram(write_map) -> None:
    """A ``.mmd`` file: each diagram after front matter of its own, ids kept apart."""
    text = (
        "---\nconfig:\n  theme: default\n---\nflowchart LR\n  A[Shopify]\n  B[EventBridge]\n"
        "  A --> B\n\n---\nconfig:\n  theme: default\n---\nflowchart LR\n"
        '  A["Stripe"] --> B["Slack"]\n'
    )
    model = load(write_map(text, "flows.mmd"))
    assert named_edges(model) == [("Shopify", "EventBridge", 8), ("Stripe", "Slack", 15)]
    assert [(d.code, d.line) for d in model.diagnostics if d.code == "FV113"] == [("FV113", 10)]


def test_markdown_that_mentions_a_graph_first_is_still_markdown(write_map) -> None:
    model = load(write_map("graph of our systems\n\n- Tilda → amoCRM\n"))
    assert [(a, b) for a, b, _ in named_edges(model)] == [("Tilda", "amoCRM")]


def test_a_node_with_an_empty_label_is_a_bend_of_the_links_through_it(write_map) -> None:
    text = (
        "# Checkout\n\n```mermaid\nflowchart TD\n    node1(( ))\n"
        '    checkout("Checkout Page")----node1\n'
        '    node1--"create cart"------>coco["Commercetools"]\n```\n'
    )
    model = load(write_map(text))
    assert named_edges(model) == [("Checkout Page", "Commercetools", 7)]
    assert "node1" not in {s.name for s in model.systems}


def test_the_ends_and_actions_of_a_drawn_run_are_no_systems(write_map) -> None:
    """A chart of a run drawn in a code block: ``END``, ``APPROVED``, boxes that say what is
    done (``Write report``, ``Wait for human approval``) or what came out (``Issues Found``)
    are no systems."""
    edges = _read(
        write_map,
        "# Run\n\n```\nGA4 Monitor ──► Slack ──► Write report ──► END\n"
        "Slack ──► Wait for human approval\nAPPROVED ──► GTM Implementer\nREJECTED ──► END\n"
        "Issues Found ──► Slack\n```\n",
    )
    assert edges == [("GA4 Monitor", "Slack", 4)]


def test_a_box_whose_line_names_a_direction_is_an_edge(write_map) -> None:
    """``│  GOOGLE SHEETS → AmoCRM  │``: a banner over the steps it heads states its edge;
    a table row in a code block (``| A → B |``) is read as before."""
    edges = _read(
        write_map,
        "# Sync\n\n```\n┌──────────────────────────────┐\n│   GOOGLE SHEETS → AmoCRM     │\n"
        "└──────────────────────────────┘\n\n1. A row is edited\n```\n",
    )
    assert edges == [("GOOGLE SHEETS", "AmoCRM", 5)]


def test_words_in_a_drawing_of_strokes_and_arrowheads_are_its_boxes(write_map) -> None:
    """In a drawing made of ``│`` strokes and ``▼`` heads, each run of words is a box, a
    name wrapped under itself (``Candidate`` / ``Service``) one box, a bracket under a name
    (``(geo)``) its note; a box that says what is done (``Write report``) is no system."""
    drawing = (
        "```text\n"
        "   Report Job\n"
        "        │\n"
        "    ┌───┴───┐\n"
        "    ▼       ▼\n"
        " Overpass  Open-Meteo\n"
        "   (geo)   (weather)\n"
        "    │        │\n"
        "    ▼        ▼\n"
        " Candidate  Forecast\n"
        "  Service   Service\n"
        "    │        │\n"
        "    ▼        ▼\n"
        " Write     Telegram\n"
        " report    Service\n"
        "```\n"
    )
    edges = _read(write_map, f"# Flow\n\n{drawing}")
    assert sorted((a, b) for a, b, _ in edges) == [
        ("Forecast Service", "Telegram Service"),
        ("Open-Meteo", "Forecast Service"),
        ("Overpass", "Candidate Service"),
        ("Report Job", "Open-Meteo"),
        ("Report Job", "Overpass"),
    ]


def test_a_round_bracket_that_says_something_of_a_stroke_is_no_box(write_map) -> None:
    """``(manual upload)`` and ``(For campaign details)`` beside strokes are notes; ``(gcs)``
    is a box."""
    drawing = (
        "```\n[Google Sheet]    (gcs)\n      |   (manual upload)\n      |     |  (For details)\n"
        "      v     v\n     [SA360]\n```\n"
    )
    edges = _read(write_map, f"# Flow\n\n{drawing}")
    assert sorted((a, b) for a, b, _ in edges) == [("Google Sheet", "SA360")]


def test_branches_drawn_with_a_plus_and_an_arrow_hang_from_the_box_above(write_map) -> None:
    """``+--> Klaviyo (…) --> Google Sheets``: a branch with an arrowhead to its first box,
    going on as a chain; a second ``+-->`` further down hangs from the same box."""
    drawing = (
        "```\nShopify (orders, products)\n    |\n"
        "    +--> Klaviyo (flows, metrics) --> Google Sheets --> Looker Studio\n    |\n"
        "    +--> GA4 (traffic) --> Google Sheets --> Looker Studio\n```\n"
    )
    edges = sorted((a, b) for a, b, _ in _read(write_map, f"# Pipeline\n\n{drawing}"))
    assert edges == sorted(
        [
            ("Shopify", "Klaviyo"),
            ("Klaviyo", "Google Sheets"),
            ("Google Sheets", "Looker Studio"),
            ("Shopify", "GA4"),
            ("GA4", "Google Sheets"),
            ("Google Sheets", "Looker Studio"),
        ]
    )


def test_arrows_run_into_the_walls_of_ascii_boxes_join_them(write_map) -> None:
    """``| source |-------> broker |``: the arrow's head stands for the next box's wall; the
    row is a chain of the boxes it draws."""
    drawing = (
        "```\n+--------+       +--------+       +--------+\n"
        "| source |-------> broker |-------> target |\n"
        "+--------+  (1)  +---^----+  (3)  +--------+\n```\n"
    )
    assert _read(write_map, f"# Bridge\n\n{drawing}") == [
        ("source", "broker", 5),
        ("broker", "target", 5),
    ]


def test_words_under_one_framed_box_are_boxes_even_on_a_stroke(write_map) -> None:
    """A drawing of words with one framed box at its top: the words an arrowhead points into
    (``Scoring Service`` between ``▼`` and ``│``) are boxes, as in a drawing with no frame;
    only between two framed boxes are words on a stroke what it carries. Words two spaces
    apart are two columns (``Overpass  Open-Meteo``)."""
    drawing = (
        "```text\n"
        "┌───────────────┐\n"
        "│ MorningReport │\n"
        "│     Job       │\n"
        "└───────┬───────┘\n"
        "        │\n"
        "    ┌───┴───┐\n"
        "    ▼       ▼\n"
        " Overpass  Open-Meteo\n"
        "    │        │\n"
        "    ▼        ▼\n"
        " Candidate  Forecast\n"
        "  Service   Service\n"
        "    │        │\n"
        "    └────┬───┘\n"
        "         ▼\n"
        "   Scoring Service\n"
        "         │\n"
        "         ▼\n"
        "   Report Service\n"
        "```\n"
    )
    edges = _read(write_map, f"# Flow\n\n{drawing}")
    assert [(a, b) for a, b, _ in edges] == [
        ("MorningReport Job", "Overpass"),
        ("MorningReport Job", "Open-Meteo"),
        ("Overpass", "Candidate Service"),
        ("Open-Meteo", "Forecast Service"),
        ("Candidate Service", "Scoring Service"),
        ("Forecast Service", "Scoring Service"),
        ("Scoring Service", "Report Service"),
    ], "two columns two spaces apart are two boxes, and each edge is stated once"


FRAMED = """```
┌───────────────────────────────────────────────────┐
│               MARKETING (Frappe CRM)               │
│                                                   │
│  ┌──────────┐     ┌─────────┐     ┌──────────┐    │
│  │ Webflow  │────▶│   n8n   │────▶│ HubSpot  │    │
│  │   Form   │     │ Webhook │     │          │    │
│  └──────────┘     └─────────┘     └────┬─────┘    │
│                                        │         │
└────────────────────────────────────────┼─────────┘
                                         │
                                         │ Convert to Customer
                                         ▼
                                    ┌──────────┐
                                    │ ERPNext  │
                                    └──────────┘
```
"""


def test_boxes_inside_a_frame_are_read_and_the_frame_is_a_group(write_map) -> None:
    """A box drawn around other boxes (its right wall a column off, as drawn by hand) is a
    group: the arrows inside it join the boxes it holds, the stroke crossing its wall (``┼``)
    goes on to the box below, and the words beside that stroke are what it carries."""
    edges = _read(write_map, f"# Leads\n\n{FRAMED}")
    assert [(a, b) for a, b, _ in edges] == [
        ("Webflow", "n8n"),
        ("n8n", "HubSpot"),
        ("HubSpot", "ERPNext"),
    ]


TITLED_FRAME = """```
┌─────────────────┐      ┌──────────────┐
│  WhatsApp User  │      │   Chatwoot   │
└────────┬────────┘      └──────┬───────┘
         │ Incoming             │ Outgoing
         ▼                      ▼
┌────────────────────────────────────────┐
│         WhatsApp Bridge Service        │
│                                        │
│  ┌───────────────┐   ┌──────────────┐  │
│  │ Event Handler │   │  Dispatcher  │  │
│  └───────┬───────┘   └──────────────┘ │
│          ▼                            │
│  ┌───────────────┐                    │
│  │ Inbox Writer  │                    │
│  └───────────────┘                    │
└────────────────────────────────────────┘
```
"""


def test_an_arrowhead_onto_a_titled_frame_points_at_the_frame(write_map) -> None:
    """A frame with a title of its own over its boxes (its right wall a column off further
    down) is the system its boxes are parts of: the arrow drawn down onto its top points at
    it, and the arrows inside still join its boxes. A product's user (``WhatsApp User``) is a
    person, not WhatsApp."""
    model = load(write_map(f"# Bridge\n\n{TITLED_FRAME}"))
    assert [(a, b) for a, b, _ in named_edges(model)] == [
        ("WhatsApp User", "WhatsApp Bridge Service"),
        ("Chatwoot", "WhatsApp Bridge Service"),
        ("Event Handler", "Inbox Writer"),
    ]
    assert {s.name: s.kind for s in model.systems}["WhatsApp User"] == "actor"


def test_a_box_naming_a_kind_of_record_is_no_system(write_map) -> None:
    """``Lead (CRM)`` and ``Deal`` are records a CRM holds, and ``convert Lead → Deal`` is
    their lifecycle: no edge, in a drawing or in a sentence."""
    drawing = (
        "```\n"
        "┌─────────┐     ┌──────────┐     ┌──────────┐\n"
        "│ Webflow │────▶│   Lead   │────▶│   Deal   │\n"
        "│         │     │  (CRM)   │     │          │\n"
        "└─────────┘     └──────────┘     └──────────┘\n"
        "```\n"
    )
    text = f"# Leads\n\n{drawing}\n- When ready, convert Lead → Deal\n- Tilda → amoCRM\n"
    assert [(a, b) for a, b, _ in _read(write_map, text)] == [("Tilda", "amoCRM")]


@pytest.mark.parametrize(
    ("box", "title"),
    [
        ("NOMIS", "NOMIS"),
        ("Aqua Payments", "Payments"),
        ("rgb(33, 66, 99) Payments", "Payments"),
        ("transparent Payments", "Payments"),
        ("Payments team", "Payments team"),
    ],
)
def test_participants_of_one_label_in_two_sequence_boxes_are_two_systems(
    box: str, title: str
) -> None:
    """``box NOMIS`` / ``participant N as Sync service`` and ``box …`` / ``participant P as
    Sync service``: each is named with its box's title (read after the box's colour, as
    Mermaid reads it); a box is no group of systems, so a label of its own stays as it is."""
    diagram = read_mermaid(
        "sequenceDiagram\n"
        f"  box {box}\n    participant N as Sync service\n    participant L as Ledger\n  end\n"
        "  box Prisoner Finance\n    participant P as Sync service\n  end\n"
        "  loop every night\n    N->>P: POST balances\n  end\n  P->>L: write\n",
        1,
    )
    assert diagram is not None
    assert [(diagram.name(k.source), diagram.name(k.target)) for k in diagram.links] == [
        (f"{title} Sync service", "Prisoner Finance Sync service"),
        ("Prisoner Finance Sync service", "Ledger"),
    ]


def test_a_node_of_dots_is_a_stand_in_not_a_system(write_map) -> None:
    """``ingress[. . .] --> ingest``: the dots stand for what the drawing leaves out."""
    text = (
        "# Pipeline\n\n```mermaid\nflowchart LR\n  ingress[. . .] --> ingest[Ingestion]\n"
        "  ingest --> queue[Queue]\n  queue --> egress[…]\n```\n"
    )
    assert [(a, b) for a, b, _ in _read(write_map, text)] == [("Ingestion", "Queue")]


@pytest.mark.parametrize("label", ["...and more", "… and more", "etc.", "и другие", "и т.д."])
def test_a_node_of_more_unnamed_is_a_stand_in_not_a_system(write_map, label: str) -> None:
    """``B -->|Automatic| H[...and more]``: the channels the drawing does not name, no system."""
    text = (
        "# Hub\n\n```mermaid\ngraph TD\n  A[Agent] --> B[Hub]\n  B --> C[WhatsApp]\n"
        f"  B -->|Automatic| H[{label}]\n```\n"
    )
    assert [(a, b) for a, b, _ in _read(write_map, text)] == [("Agent", "Hub"), ("Hub", "WhatsApp")]


def test_a_decision_on_a_branch_and_a_wide_character_in_a_box_state_no_edge(write_map) -> None:
    """``├─ Not Signed In? ──→ Redirect``: a decision's branch, no transfer; ``[💳 Pay Now]``
    in a box is read with the emoji two columns wide, as an editor shows it, so the box's walls
    stand where they are drawn and the button is no box of its own."""
    text = (
        "# Payments\n\n```\n"
        "1. PRICING PAGE\n"
        "   │\n"
        "   ├─ Not Signed In? ──→ Redirect to /auth/sign-in\n"
        "   │\n"
        "   ▼\n"
        "┌──────────────────┐\n"
        "│  Stripe Checkout │  ← Secure Stripe hosted page\n"
        "│  [💳 Pay Now]    │\n"
        "└──────────────────┘\n"
        "```\n"
    )
    edges = _read(write_map, text)
    assert all("Redirect" not in b and "Pay Now" not in b for _, b, _ in edges)


def test_a_participant_named_by_a_word_for_a_person_is_a_person() -> None:
    """``participant Practitioner``, ``Actor User as User`` (Mermaid's keywords in any case):
    people, so their messages are no integrations; ``participant Frontend`` is a system."""
    diagram = read_mermaid(
        "sequenceDiagram\n  participant Practitioner\n  Actor U as User\n"
        "  participant Frontend\n  participant Backend\n"
        "  Practitioner->>Frontend: open\n  U->>Frontend: start\n  Frontend->>Backend: load\n",
        1,
    )
    assert diagram is not None
    assert [(k.source, k.target) for k in diagram.links if diagram.between_systems(k)] == [
        ("Frontend", "Backend")
    ]


BARE_LIFELINES = """\
Shop                 Connector                 CRM
  |                      |                      |
  | POST /webhooks       |                      |
  | order.paid           |                      |
  |--------------------->|                      |
  |   200 OK             |                      |
  |<---------------------|                      |
  |                      | map the order        |
  |                      |                      |
  |                      | upsert the contact   |
  |                      |--------------------->|
  |----------------------|--------------------->|
"""

BOXED_LIFELINES = """\
┌────────┐          ┌──────────┐
│ Client │          │ Billing  │
└───┬────┘          └────┬─────┘
    │   POST /invoices   │
    │───────────────────►│
    │    invoice id      │
    │◄───────────────────│
"""


def test_a_lifeline_drawing_is_a_message_per_arrow_between_two_lifelines(write_map) -> None:
    """Participants named over their lifelines; an arrow is a message from the lifeline its
    tail leaves to the one its head reaches, across the lifelines between them; the text on
    a lifeline with no arrow under it is no edge."""
    model = load(write_map(f"# Webhooks\n\n```\n{BARE_LIFELINES}```\n"))
    assert named_edges(model) == [
        ("Shop", "Connector", 8),
        ("Connector", "Shop", 10),
        ("Connector", "CRM", 14),
        ("Shop", "CRM", 15),
    ]
    labels = {(i.line, i.source_data) for i in model.integrations}
    assert (8, "POST /webhooks order.paid") in labels


def test_participants_in_boxes_name_their_lifelines(write_map) -> None:
    model = load(write_map(f"# Billing\n\n```\n{BOXED_LIFELINES}```\n"))
    assert named_edges(model) == [("Client", "Billing", 8), ("Billing", "Client", 10)]


def test_level_strokes_between_walled_boxes_run_left_to_right(write_map) -> None:
    """A stroke with no arrowhead drawn level between two walled boxes is an edge from the
    left box to the right one; a box divided into cells is the cell on the stroke's line, and
    a stroke from a dividing wall or from a cell's later line gives no edge."""
    text = """# Data flow

```
┌─────────────┐        ┌─────────────┐        ┌─────────────┐
│ Wildberries │────────│ WB Adapter  │        │             │
├─────────────┤        ├─────────────┤────────│ Integration │
│ Ozon        │────────│ Ozon Adapter│        │   Service   │
├─────────────┤        │             │        │             │
│ Avito       │────────│             │        │             │
└─────────────┘        └─────────────┘        └─────────────┘
```
"""
    model = load(write_map(text))
    names = {s.id: s.name for s in model.systems}
    edges = [(names[r.source], names[r.target], r.line) for r in model.integrations]
    assert edges == [("Wildberries", "WB Adapter", 5), ("Ozon", "Ozon Adapter", 7)]


def test_a_box_saying_what_is_done_and_a_branch_stroke_name_no_system(write_map) -> None:
    """A walled box opening with a verb that goes on in lower case (``Verify signature
    with``) is an action, not a system, unlike ``[Send to Slack]``, a node naming its product;
    a branch's trailing strokes (``├─ Success ────┐``) are no part of its name."""
    text = """# Webhooks

```
Stripe
   │
   ▼
┌────────────────────────┐
│ Verify signature with  │
│ STRIPE_WEBHOOK_SECRET  │
└────────────────────────┘
   │
   ├─ Success ──────┐
   ▼                ▼
┌────────────────────────┐
│ Process event by type  │
└────────────────────────┘
```

```
[Format Slack] Block Kit JSON
         │
         ▼
[Send to Slack] Webhook POST
```
"""
    model = load(write_map(text))
    names = {s.id: s for s in model.systems}
    edges = [(names[r.source].name, names[r.target].aliases[-1]) for r in model.integrations]
    assert edges == [("Format Slack", "Send to Slack")]
    assert not {"Verify", "Process", "Success"} & {s.name for s in model.systems}


def test_a_comment_in_a_file_tree_states_no_edge(write_map) -> None:
    """``├── b2b_dlt/   # live API connectors → Snowflake``: a file tree's comment says what a
    folder holds, no edge from the tree's root."""
    text = """# Repository

```
revops/
├── b2b_dlt/                   # Production ELT — live API connectors → Snowflake
├── scripts/reverse_etl.py     # Snowflake → HubSpot (custom destination)
```

- Stripe → Snowflake
"""
    assert _read(write_map, text) == [("Stripe", "Snowflake", 9)]


def test_a_row_of_products_over_a_downward_arrow_sends_each_to_the_box_below(write_map) -> None:
    """``HubSpot · Stripe · Internal DB`` / ``↓ (dlt)`` / ``Snowflake``: one edge per product
    of the row (a component beside them is one too)."""
    model = load(
        write_map(
            "# Stack\n\n```\nHubSpot · Stripe · Internal DB\n     ↓  (dlt — incremental)\n"
            "Snowflake\n```\n"
        )
    )
    assert named_edges(model) == [
        ("HubSpot", "Snowflake", 4),
        ("Stripe", "Snowflake", 4),
        ("Internal DB", "Snowflake", 4),
    ]


def test_a_table_drawn_under_its_store_stands_for_the_store(write_map) -> None:
    """Boxes named as tables (``contacts`` / ``table``, ``capi_events_`` / ``enriched``) under
    a store's box are the store's: no edge to them, and the store sends what leaves them."""
    drawing = "\n".join(
        [
            "┌──────────┐",
            "│ Supabase │",
            "└────┬─────┘",
            "     │",
            "     ├──────────────┐",
            "     │              │",
            "     ▼              ▼",
            "┌──────────┐  ┌─────────────┐",
            "│ contacts │  │capi_events_ │",
            "│  table   │  │  enriched   │",
            "└──────────┘  └──────┬──────┘",
            "                     │",
            "                     ▼",
            "              ┌─────────────────┐",
            "              │ Meta Pixel      │",
            "              └─────────────────┘",
            "",
        ]
    )
    model = load(write_map(f"# Sync\n\n```\n{drawing}```\n"))
    assert named_edges(model) == [("Supabase", "Meta Pixel", 12)]
    assert {s.name for s in model.systems} == {"Supabase", "Meta Pixel"}


def test_an_arrow_in_the_second_of_two_columns_starts_at_that_column(write_map) -> None:
    """``Lightdash + Slack     Reverse ETL → HubSpot``: the left column is another box, no
    sender; ``Step 1: Ingest — dlt → Snowflake`` is labelled, its sender a product in lower
    case of three letters."""
    model = load(
        write_map(
            "# Stack\n\n```\nLightdash + Slack      Reverse ETL → HubSpot\n"
            "Step 1: Ingest    — dlt → Snowflake\nStep 2: Activate  — Reverse ETL → HubSpot\n```\n"
        )
    )
    assert named_edges(model) == [
        ("Reverse ETL", "HubSpot", 4),
        ("dlt", "Snowflake", 5),
        ("Reverse ETL", "HubSpot", 6),
    ]


def test_captions_under_a_row_of_boxes_state_no_edge(write_map) -> None:
    """Captions in four columns under boxes, the last one ``Triage → Research``, name the
    stages of the last box, no edge."""
    model = load(
        write_map(
            "# Agent\n\n```\n[HubSpot] ──▶ [Slack] ──▶ [Leads Agent] ──▶ [OpenAI]\n"
            "   Form        Bot message     Filter & parse     Triage → Research\n```\n"
        )
    )
    assert [(a, b) for a, b, _ in named_edges(model)] == [
        ("HubSpot", "Slack"),
        ("Slack", "Leads Agent"),
        ("Leads Agent", "OpenAI"),
    ]


def test_a_link_to_a_subgraph_by_its_id_ends_at_the_subgraph_named_by_its_title() -> None:
    """``subgraph coco["Composable Commerce"]`` names the box ``coco``: a link to ``coco``
    reaches ``Composable Commerce``; a subgraph without a bracket is named by its words."""
    diagram = read_mermaid(
        "flowchart TD\n"
        '    subgraph coco["Composable Commerce"]\n        cart\n    end\n'
        "    subgraph connector\n        processor\n    end\n"
        '    processor("processor (APIs)") -- "update shipping info" --> coco\n'
        "    connector --> coco\n",
        1,
    )
    assert diagram is not None
    links = [(diagram.name(h.source), diagram.name(h.target)) for h in diagram.links]
    assert links == [
        ("processor (APIs)", "Composable Commerce"),
        ("connector", "Composable Commerce"),
    ]


def test_a_caption_pointed_at_a_box_of_a_vertical_chain_keeps_the_chain(write_map) -> None:
    """``↓`` / ``OrderStore (orders) ← Сохранение данных``: the caption says what happens at
    the box, the chain goes on through it."""
    model = load(
        write_map(
            "# Donations\n\n```\nPaymentForm\n    ↓\nOrderService\n    ↓\n"
            "OrderStore (orders) ← Сохранение данных\n    ↓\n"
            "CloudPayments Widget ← Прием платежа\n```\n"
        )
    )
    assert [(a, b) for a, b, _ in named_edges(model)] == [
        ("PaymentForm", "OrderService"),
        ("OrderService", "OrderStore"),
        ("OrderStore", "CloudPayments Widget"),
    ]


HUB = """# Hub

```
┌─────────────────────────────────────────────────────────────┐
│                         OMNI HUB                             │
├─────────────────────────────────────────────────────────────┤
│                                                               │
│  ┌──────────────┐      ┌───────────────┐      ┌──────────┐ │
│  │   WhatsApp   │─────▶│   Instance    │─────▶│   AI     │ │
│  │   Webhook    │      │   Manager     │      │  Agent   │ │
│  └──────────────┘      └───────────────┘      └──────────┘ │
│                                                               │
│                         ┌─────▼──────┐                       │
│  ┌──────────────┐      │   Message   │      ┌──────────┐   │
│  │   Slack      │─────▶│   Router    │─────▶│  Trace   │   │
│  │   (Soon)     │      │  & Handler  │      │  Store   │   │
│  └──────────────┘      └─────────────┘      └──────────┘   │
└─────────────────────────────────────────────────────────────┘
```
"""


def test_boxes_in_a_hand_drawn_frame_are_joined_by_the_arrows_between_them(write_map) -> None:
    """A frame whose right wall drifts by a few columns (wide lines drawn by hand) still holds
    the boxes; a box's name goes on with the component word under it (``Instance`` /
    ``Manager``), and a box whose top corner stands a column off its wall is a box."""
    assert _read(write_map, HUB) == [
        ("WhatsApp", "Instance Manager", 9),
        ("Instance Manager", "AI Agent", 9),
        ("Slack", "Message Router", 15),
        ("Message Router", "Trace Store", 15),
    ]


MDX = """# Payments

<MermaidWrapper diagramName="incoming-payment">

<Mermaid
  graph={`sequenceDiagram
    participant C as Client
    participant AS as Authorization server

    C->>+AS: POST grant request
    AS-->>-C: 200 OK, returns access token
`}
/>

</MermaidWrapper>
"""


def test_mermaid_given_to_an_mdx_component_is_a_diagram(write_map) -> None:
    """``<Mermaid graph={`sequenceDiagram …`} />``: the template literal is Mermaid code, read
    as a diagram (participants by their labels, messages that activate their receivers), its
    lines not read again as arrow lines."""
    assert _read(write_map, MDX) == [
        ("Client", "Authorization server", 10),
        ("Authorization server", "Client", 11),
    ]


def test_a_box_title_broken_over_lines_names_its_participants_in_one_line(write_map) -> None:
    """``box rgb(…) Sender's<br/>entity``: the break is a space in the names it gives the
    participants of one label it tells apart."""
    text = (
        "# Payments\n\n```mermaid\nsequenceDiagram\n"
        "  box rgb(225,245,254) Sender's<br/>entity\n  participant SAS as Auth server\n  end\n"
        "  box rgb(232,245,233) Recipient's<br/>entity\n  participant RAS as Auth server\n  end\n"
        "  SAS->>RAS: Requests a grant\n```\n"
    )
    assert _read(write_map, text) == [
        ("Sender's entity Auth server", "Recipient's entity Auth server", 11)
    ]


GATEWAY = """# SMS channel

```
┌─────────────┐     ┌─────────────────┐     ┌─────────────┐
│   Agent     │────▶│   A2H Gateway   │────▶│   Twilio    │
└─────────────┘     │                 │     └─────────────┘
                    │  ┌───────────┐  │
                    │  │SmsChannel │  │
                    │  └───────────┘  │
                    │        │        │
                    │        ▼        │
                    │  ┌───────────┐  │
                    │  │ Provider  │  │
                    │  └───────────┘  │
                    └─────────────────┘
```
"""


def test_a_box_holding_boxes_that_arrows_reach_from_beside_is_a_box(write_map) -> None:
    """The A2H Gateway drawn around its parts, with arrows reaching its side walls: a box the
    drawing joins to the agent and to Twilio, its parts joined inside it."""
    assert _read(write_map, GATEWAY) == [
        ("Agent", "A2H Gateway", 5),
        ("A2H Gateway", "Twilio", 5),
        ("SmsChannel", "Provider", 8),
    ]


def test_a_frame_titled_with_a_console_path_is_what_the_arrow_points_at(write_map) -> None:
    """``Twilio Console > Virtual Phone`` over the message it shows: the arrow drawn down onto
    the frame points at it, not at the message (``Your approval code: 847291``)."""
    text = (
        "# SMS\n\n```\n"
        "┌─────────────┐\n"
        "│   Twilio    │\n"
        "└──────┬──────┘\n"
        "       ▼\n"
        "┌─────────────────────────────────────┐\n"
        "│  Twilio Console > Virtual Phone     │\n"
        "│  ┌─────────────────────────────┐    │\n"
        "│  │ Your approval code: 847291  │    │\n"
        "│  └─────────────────────────────┘    │\n"
        "└─────────────────────────────────────┘\n"
        "```\n"
    )
    assert _read(write_map, text) == [("Twilio", "Twilio Console > Virtual Phone", 5)]


def test_a_product_before_a_colon_sends_what_follows_it(write_map) -> None:
    """``MySQL: SELECT порция N → BulkUpsert(порция N) → YDB``: a product of the catalogue
    before the first colon and none after it is the sender, the rest what it sends, a query's
    capitals no step of a UI; a label before a name (``Лиды: Tilda``) stays a label, and a UI
    path after a product (``HubSpot: Settings → Integrations``) stays no edge."""
    text = (
        "# Импорт\n\n```text\nMySQL: SELECT порция N   →  BulkUpsert(порция N)   →  YDB\n```\n\n"
        "* Shopify: orders → HubSpot\n* Лиды: Tilda → amoCRM\n"
        "* HubSpot: Settings → Integrations → Slack\n"
    )
    assert _read(write_map, text) == [
        ("MySQL", "YDB", 4),
        ("Shopify", "HubSpot", 7),
        ("Tilda", "amoCRM", 8),
    ]


def test_a_statement_in_a_bracket_before_a_colon_is_an_edge_labelled_by_the_words_before(
    write_map,
) -> None:
    """``Обратная синхронизация (CRM --> WC):``: a few words, then the whole statement in a
    bracket and a colon, is that statement, the words its label; a bracket with no colon after
    it is an aside (stages ``New → Working``)."""
    text = (
        "## Статусы\n\nОбратная синхронизация (CRM --> WC):\n\n* в WC ставится pending\n\n"
        "Прямая синхронизация (WC --> CRM):\n\n* статус не меняется\n\n"
        "* Qualify the lead (New → Working → Qualified)\n"
    )
    model = load(write_map(text))
    assert named_edges(model) == [("CRM", "WC", 3), ("WC", "CRM", 7)]
    assert [i.source_data for i in model.integrations] == [
        "Обратная синхронизация",
        "Прямая синхронизация",
    ]
