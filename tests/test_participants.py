"""Participants of a process list: who acts in two of its steps is a system."""

from __future__ import annotations

import pytest

from flowviz.load import load
from flowviz.parse.participants import participants, subject_of
from tests.loose_support import named_edges


@pytest.mark.parametrize(
    ("step", "subject"),
    [
        ("1. Клиент отправляет запрос на подписку.", "Клиент"),
        ("3. Серверный код использует поток OBO.", "Серверный код"),
        ("Затем веб-API запрашивает запись из базы.", "Веб-API"),
        ("2. Consumer stores webhook events in the database", "Consumer"),
        ("**Log** — The Ledger service writes the entry.", "Ledger service"),
        ("4. Finally, the Billing worker posts the invoice", "Billing worker"),
        ("Этот Сервер авторизации возвращает токены.", "Сервер авторизации"),
        ("2. **Saleor** → Triggers `TRANSACTION_PROCESS` webhook", "Saleor"),
        ("Typeform Trigger → Monitors form submissions", "Typeform Trigger"),
    ],
)
def test_the_subject_of_a_step_is_the_name_before_its_verb(step: str, subject: str) -> None:
    assert subject_of(step) == subject


@pytest.mark.parametrize(
    "step",
    [
        "1. Пользователь отправляет форму.",  # a person
        "2. Данные передаются в хранилище.",  # what is moved
        "3. It then sends the rows to BigQuery.",  # a pronoun
        "4. AI phone call via VAPI",  # a noun, not a verb
        "5. Если запрос допустим, сервер отвечает.",  # a condition first
        "6. Create a contact in HubSpot",  # an order to the reader
        "7. The very long name of some thing here sends data",  # more than four words
        "8. The function reads the filters from the Sheet",  # the section's component
        "9. Так как оба получателя имеют адреса в домене, сообщение доставляется в EOP.",  # a cause
        "10. Вторая копия отправляется из Exchange Online в EOP.",  # what is moved
        "11. Once the job completes, Glue writes to S3.",  # a time clause first
    ],
)
def test_a_step_without_an_acting_name_has_no_subject(step: str) -> None:
    assert subject_of(step) is None


def test_a_participant_acts_in_two_steps() -> None:
    steps = [
        "Клиент отправляет запрос в Шлюз.",
        "Шлюз пересылает запрос в Биллинг.",
        "Шлюз возвращает ответ клиенту.",
        "Клиенту приходит ответ от Шлюза.",
        "Биллинг сохраняет платёж.",
    ]
    assert participants(steps) == ["Клиент", "Шлюз"]


def test_participants_of_a_process_list_are_the_ends_of_its_steps(write_map) -> None:
    model = load(
        write_map(
            "# Подписка на уведомления\n\n"
            "## Как это работает\n\n"
            "1. Клиент отправляет запрос на подписку в Сервер уведомлений.\n"
            "2. Сервер уведомлений отправляет маркер проверки клиенту.\n"
            "3. Клиент возвращает маркер проверки в сервер уведомлений.\n"
            "4. Сервер уведомлений публикует изменения клиенту.\n"
        )
    )
    assert named_edges(model) == [
        ("Клиент", "Сервер уведомлений", 5),
        ("Сервер уведомлений", "Клиент", 6),
        ("Клиент", "Сервер уведомлений", 7),
        ("Сервер уведомлений", "Клиент", 8),
    ]


def test_a_numbered_list_told_by_its_participants_is_a_process_wherever_it_stands(
    write_map,
) -> None:
    """Under a heading that is no process word, the steps still tell who acts: ``The service``
    and ``Notify`` act in two steps each (the provider, in none, is no system here); the
    recipient is a person."""
    model = load(
        write_map(
            "# API architecture\n\n## Sending an email\n\n"
            "1. The service sends an email notification to Notify.\n"
            "1. Notify sends the email to the provider.\n"
            "1. The recipient receives the email.\n"
            "1. Notify sends an API response to the service.\n"
            "1. The service receives the API response.\n"
        )
    )
    assert named_edges(model) == [("Service", "Notify", 5), ("Notify", "Service", 8)]


def test_a_common_noun_is_no_participant_where_headings_name_components(write_map) -> None:
    """``The function reads …`` under ``### Exclusion Service`` is that service."""
    model = load(
        write_map(
            "# Architecture\n\n### Exclusion Service\n\n"
            "1. The function reads the filters from Google Sheets.\n"
            "2. The function writes the exclusions to BigQuery.\n"
        )
    )
    assert "Function" not in {system.name for system in model.systems}


def test_a_participant_written_longer_in_one_step_is_its_shorter_name() -> None:
    steps = [
        "1. Клиентский код надстройки вызывает Office.js API.",
        "2. Клиентский код выполняет HTTP-запрос к серверу.",
        "3. The integration flow then invokes the AI API.",
        "4. The integration flow ultimately invokes the LLM.",
    ]
    assert participants(steps) == ["Клиентский код", "Integration flow"]


@pytest.mark.parametrize(
    ("steps", "expected"),
    [
        (["9. Microsoft Graph возвращает данные в серверный код."], ["Microsoft Graph"]),
        (["2. Deckhouse генерирует файл и сохраняет его в Secret."], ["Deckhouse"]),
        (["1. **Notify** Отправляет письмо в Unisender"], []),  # a label, then a sentence
        (["1. Service sends data to the queue."], []),  # English: one step names no system
    ],
)
def test_a_latin_name_acting_in_a_russian_step_is_a_participant_though_once(
    steps: list[str], expected: list[str]
) -> None:
    assert participants(steps) == expected


def test_what_a_token_gives_access_to_is_no_end_of_the_step(write_map) -> None:
    model = load(
        write_map(
            "# Вход\n\n## Как это работает\n\n"
            "1. Серверный код запрашивает маркер с разрешениями для Microsoft Graph.\n"
            "2. Серверный код выполняет запрос и получает ответ.\n"
            "3. Microsoft Graph возвращает данные в серверный код.\n"
        )
    )
    assert named_edges(model) == [("Microsoft Graph", "Серверный код", 7)]


def test_a_code_name_acting_once_is_a_participant() -> None:
    """``ReportBuilder`` acts in one step only; a name joined of capitalised parts is a
    component's name in code, a system all the same; a plain word acting once is not."""
    steps = [
        "1. ReportBuilder reads the orders from BigQuery and writes a PDF to Cloud Storage.",
        "2. Mailer sends the PDF to SendGrid.",
    ]
    assert participants(steps) == ["ReportBuilder"]
