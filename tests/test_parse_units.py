"""Unit specifications of the parser stages: blocks, text helpers, sections, columns, steps."""

from __future__ import annotations

import doctest

import pytest

import flowviz
import flowviz.check
from flowviz.parse import systems as systems_module
from flowviz.parse.blocks import Paragraph, Table, parse_blocks, raw_cells
from flowviz.parse.context import Context, Report
from flowviz.parse.flows import read_step
from flowviz.parse.integrations import parse_details, parse_status
from flowviz.parse.keywords import classify_table
from flowviz.parse.sections import classify_heading, is_flow_title
from flowviz.parse.systems import Registry
from flowviz.parse.text import fill, identifier_list, leading_number, split_top, stems
from tests.conftest import FIXTURES


def test_cells_lose_emphasis_and_backticks_and_keep_breaks() -> None:
    table = parse_blocks("| a | b |\n|---|---|\n| **x** _y_ | `q` <br> z \\| w |\n")[0]
    assert isinstance(table, Table)
    assert [c.text for c in table.rows[0].cells] == ["x y", "q\nz | w"]


def test_cell_columns_are_one_based_and_skip_escaped_pipes() -> None:
    assert raw_cells("| ab | c \\| d |  e |") == [(3, "ab"), (8, "c \\| d"), (18, "e")]
    assert raw_cells("a | b") == [(1, "a"), (5, "b")]


def test_links_keep_their_words_in_text_and_their_addresses_apart() -> None:
    table = parse_blocks("| a |\n|---|\n| See [the hook](https://x.example/h) <b>now</b> |\n")[0]
    assert isinstance(table, Table)
    cell = table.rows[0].cells[0]
    assert (cell.text, cell.links) == ("See the hook now", ("https://x.example/h",))
    assert parse_details(cell.text, cell.links).urls == ["https://x.example/h"]


def test_unknown_tags_stay_as_text() -> None:
    para = parse_blocks("Cell <script>alert(1)</script> and <i>x</i>\n")[0]
    assert isinstance(para, Paragraph)
    assert para.text == "Cell <script>alert(1)</script> and x"


def test_table_lines_that_are_not_a_table_are_flagged() -> None:
    para = parse_blocks("| a | b |\n| --- |\n| 1 | 2 |\n")[0]
    assert isinstance(para, Paragraph)
    assert para.raw_table_lines == (1, 2, 3)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("[Например: Webhook / REST API]", ("Webhook / REST API", True)),
        ("[e.g. Webhook]", ("Webhook", True)),
        ("[указать]", ("", True)),
        ("[specify]", ("", True)),
        ("[Настроено / Требует настройки]", ("Настроено / Требует настройки", True)),
        ("Webhook", ("Webhook", False)),
        ("[x] done", ("[x] done", False)),
    ],
)
def test_placeholders_keep_their_example(text: str, expected: tuple[str, bool]) -> None:
    assert fill(text) == expected


def test_split_top_respects_brackets() -> None:
    text = "event_name, event_params (value, currency), utm_source"
    assert split_top(text) == ["event_name", "event_params (value, currency)", "utm_source"]
    assert identifier_list("client_id (GA4), user_id / lead_id") == [
        "client_id",
        "user_id",
        "lead_id",
    ]


@pytest.mark.parametrize(
    ("text", "number"),
    [("2. Интеграции", 2), ("Раздел 3: CRM", 3), ("10) Bindings", 10), ("Overview", None)],
)
def test_leading_numbers(text: str, number: int | None) -> None:
    assert leading_number(text)[0] == number


@pytest.mark.parametrize(
    ("heading", "kind"),
    [
        ("2. Интеграции сайта (CMS) с внешними системами", "integrations"),
        ("Website (CMS) integrations", "integrations"),
        ("6. User identifiers and data sync", "identifiers"),
        ("Идентификаторы и синхронизация", "identifiers"),
        ("7. Data flow diagram", "flows"),
        ("8. Technical requirements for integrations", "requirements"),
        ("9. План тестирования интеграций", "tests"),
        ("Integration test plan", "tests"),
        ("10. Identifier schema and bindings", "id_schema"),
        ("1. Project and systems overview", "overview"),
        ("Required sections checklist", "checklist"),
        ("3. HubSpot", "integrations"),
        ("Карта интеграций: Клиент", None),
        ("PURPOSE: Шаблон детальной карты интеграций", None),
    ],
)
def test_sections_are_classified_by_keywords_and_number(heading: str, kind: str | None) -> None:
    assert classify_heading(heading)[0] == kind


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Поток 1: Создание лида (Сайт → CRM)", True),
        ("Flow 2 - Upgrade (Site -> Stripe)", True),
        ("3. Оплата (Сайт → CloudPayments)", True),
        ("🛒 Поток 1: Заказ букета (Сайт → 1С)", True),
        ("7.2 🔁 Flow 2 — Renewal", True),
        ("Поток №2", True),
        ("Сценарий 3. Отчёт ROMI", True),
        ("Flowers 1 and roses", False),
        ("Важно для ИИ-генерации", False),
        ("Основные потоки данных", False),
    ],
)
def test_flow_titles(text: str, expected: bool) -> None:
    assert is_flow_title(text) is expected


@pytest.mark.parametrize(
    ("header", "kind", "field", "index"),
    [
        (["#", "Source", "Destination", "Via", "Status"], "integrations", "target", 2),
        (["Что", "Куда", "Способ", "Статус"], "integrations", "method", 2),
        (["Получатель", "Источник данных в CRM", "Метод"], "integrations", "source", 1),
        (["From system", "From id", "To system", "To id"], "id_rules", "target_ids", 3),
        (["Identifier", "Owner", "Format", "Bindings"], "id_schema", "owner", 1),
        (["Stage", "Systems", "Success criteria", "Owner", "Due"], "tests", "due", 4),
    ],
)
def test_columns_by_header_keywords(header: list[str], kind: str, field: str, index: int) -> None:
    mapped = classify_table(header, None)
    assert mapped is not None
    assert mapped.kind == kind
    assert mapped.columns[field] == index


def test_unknown_header_is_no_table_kind() -> None:
    assert classify_table(["Foo", "Bar", "Baz"], None) is None


@pytest.mark.parametrize(
    ("text", "status", "why"),
    [
        ("Настроено", "configured", None),
        ("Не настроено", "needs_setup", None),
        ("Требует настройки", "needs_setup", None),
        ("Не требуется — нет офлайн-продаж", "not_required", "нет офлайн-продаж"),
        ("Not required (no paid ads yet)", "not_required", "no paid ads yet"),
        ("Не требуется", "not_required", None),
        ("Configured ✅", "configured", None),
        ("Настроено / Требует настройки", "unknown", None),
        ("???", "unknown", None),
    ],
)
def test_status_is_normalised(text: str, status: str, why: str | None) -> None:
    assert parse_status(text) == (status, why)


def test_details_are_read() -> None:
    details = parse_details(
        "URL: https://hooks.x.ru/lead, метод: POST, формат: JSON, "
        "заголовки: Authorization Bearer {token}, триггер: при создании сделки"
    )
    assert details.urls == ["https://hooks.x.ru/lead"]
    assert (details.http_method, details.format, details.auth) == ("POST", "JSON", "Bearer")
    assert details.trigger == "при создании сделки"


@pytest.fixture
def ctx() -> Context:
    registry = Registry()
    crm = registry.add("Битрикс24", "crm", product="Битрикс24")
    registry.claim_role(crm, "crm")
    metrics = registry.role("analytics")
    registry.part(metrics.id, "Яндекс Метрика")
    return Context(Report("m.md"), registry, {"lead_id", "client_id", "email"})


@pytest.mark.parametrize(
    ("text", "source", "target", "method", "created"),
    [
        (
            "Сайт отправляет данные в Битрикс24 через Webhook (создается lead_id)",
            "cms",
            "bitriks24",
            "Webhook",
            ["lead_id"],
        ),
        ("Пользователь заполняет форму на сайте", "user", "cms", None, []),
        ("Пользователь кликает по ссылке в email", "user", "esp", None, []),
        ("Данные из CRM передаются в ESP через API", "bitriks24", "esp", "API", []),
        (
            "При оплате Битрикс24 передает сделку в Метрику через API офлайн-конверсий",
            "bitriks24",
            "analytics",
            "API офлайн-конверсий",
            [],
        ),
        (
            "The site sends the lead to the CRM via webhook (lead_id is created)",
            "cms",
            "bitriks24",
            "webhook",
            ["lead_id"],
        ),
        ("User clicks the link in the email", "user", "esp", None, []),
        ("CRM обновляет данные лида", "bitriks24", None, None, []),
        ("Шаг 3: ESP -> Analytics через UTM", "esp", "analytics", "UTM", []),
    ],
)
def test_step_roles(
    ctx: Context, text: str, source: str, target: str | None, method: str | None, created: list
) -> None:
    step = read_step(text, 10, 1, ctx)
    assert (step.source, step.target, step.method, step.created) == (
        source,
        target,
        method,
        created,
    )


def test_step_tool_mentions_are_parts_of_their_group(ctx: Context) -> None:
    step = read_step("CRM отправляет конверсию в Яндекс Метрику", 1, 1, ctx)
    assert (step.target, step.target_parts) == ("analytics", ["iandeks-metrika"])


def test_email_as_a_word_is_not_an_identifier_mention_when_it_is_the_letter(ctx: Context) -> None:
    step = read_step("Пользователь кликает по ссылке в email (client_id)", 1, 1, ctx)
    assert step.identifiers == ["client_id"]


def test_close_spellings_resolve_but_distinct_names_stay_apart() -> None:
    registry = Registry()
    crm = registry.add("Bitrix24", "crm", product="Bitrix24")
    omsk = registry.add("WMS Омск", "other")
    tomsk = registry.add("WMS Томск", "other")
    assert registry.lookup("Bitirx24") == crm.id
    assert registry.lookup("Битрикс 24") == crm.id
    assert registry.lookup("WMS Томск") == tomsk.id
    assert registry.lookup("WMS Омск") == omsk.id
    assert registry.lookup("WMS Тамск") == tomsk.id
    assert registry.lookup("WMS Томск", fuzzy=False) == tomsk.id
    assert registry.lookup("Bitirx24", fuzzy=False) is None


def test_two_products_of_the_catalogue_are_never_one_misspelt() -> None:
    """``UnisenderGo`` is a product of its own, not ``Unisender`` misspelt; a product in the
    plural is still the one in the singular."""
    registry = Registry()
    unisender = registry.add("Unisender", "esp", product="Unisender")
    sheet = registry.add("Google Sheet", "other")
    assert registry.lookup("UnisenderGo") is None
    assert registry.lookup("Unisenderr") == unisender.id
    assert registry.lookup("Google Sheets") == sheet.id


def test_a_trailing_number_tells_systems_apart_by_its_value() -> None:
    """``Склад 2`` is not ``Склад 1``, ``Server 1`` is ``Server 01``, and a role word with a
    number (``Сайт 2``) names a system of its own, not the one that plays the role."""
    registry = Registry()
    site = registry.add("Tilda", "cms", product="Tilda", line=1)
    registry.claim_role(site, "cms")
    first = registry.add("Склад 1", "other", product="Склад 1", line=2)
    server = registry.add("Server 01", "other", product="Server 01", line=3)
    assert registry.lookup("Склад №1") == first.id
    assert registry.lookup("Склад 2") is None
    assert registry.lookup("Server 1") == server.id
    assert registry.lookup("Server 2") is None
    assert registry.lookup("Сайт") == site.id
    assert registry.lookup("Сайт 2") is None
    assert registry.lookup("Landing 2") is None
    assert registry.lookup("Tilda 2") == site.id  # a product's number may be its version


def test_two_systems_of_one_name_are_told_apart_by_their_brackets(write_map) -> None:
    """Section 1 naming one product twice with other brackets declares two systems, each
    named with its bracket and found by it in tables and flow paths."""
    path = write_map(
        "## 1. Общая информация\n\n"
        "- **CRM:** amoCRM (розница) — shop.amocrm.ru\n"
        "- **Другие системы:** amoCRM (опт), Stripe (платежи)\n\n"
        "## 2. Интеграции сайта\n\n"
        "| Источник данных на сайте | Получатель | Метод |\n|---|---|---|\n"
        "| Заказ | amoCRM (розница) | API |\n| Анкета | amoCRM (опт) | API |\n"
        "| Оплата | Stripe | API |\n\n"
        "## 7. Схема потоков данных\n\n"
        "**Поток 1. Опт (Сайт → amoCRM (опт) → amoCRM (розница))**\n\n"
        "1. Сайт передаёт анкету в amoCRM (опт) через API\n"
    )
    model = flowviz.load(path)
    names = {s.id: s.name for s in model.systems if s.kind != "actor"}
    assert names["amocrm"] == "amoCRM (розница)"
    assert names["amocrm-opt"] == "amoCRM (опт)"
    assert names["stripe"] == "Stripe"
    assert [i.target for i in model.integrations] == ["amocrm", "amocrm-opt", "stripe"]
    assert model.flows[0].path == [["cms"], ["amocrm-opt"], ["amocrm"]]
    assert [(s.source, s.target) for s in model.flows[0].steps] == [("cms", "amocrm-opt")]


def test_html_tables_pasted_into_a_map_are_read_with_their_row_lines() -> None:
    text = (
        "<table>\n"
        "<tr><th>Источник</th><th>Получатель</th></tr>\n"
        "<tr><td>Форма &amp; заявка</td><td><b>CRM</b></td></tr>\n"
        "<tr>\n  <td>Подписка<br>footer</td>\n  <td>ESP</td>\n</tr>\n"
        "</table>\n"
    )
    table = parse_blocks(text)[0]
    assert isinstance(table, Table)
    assert [c.text for c in table.header] == ["Источник", "Получатель"]
    assert [(r.line, [c.text for c in r.cells]) for r in table.rows] == [
        (3, ["Форма & заявка", "CRM"]),
        (4, ["Подписка\nfooter", "ESP"]),
    ]


def test_section_one_labels_with_a_dash_declare_systems(write_map) -> None:
    path = write_map(
        "## 1. Общая информация\n\n"
        "- Клиент — ООО «Ромашка»\n"
        "- CRM — amoCRM (romashka.amocrm.ru)\n"
        "- Сайт — Tilda\n"
        "- Аналитика — Яндекс.Метрика, GA4\n\n"
        "## 2. Интеграции сайта\n\n"
        "| Источник данных на сайте | Получатель | Метод |\n|---|---|---|\n"
        "| Форма | amo | Webhook |\n"
    )
    model = flowviz.load(path)
    assert model.project.client == "ООО «Ромашка»"
    crm = model.system("amocrm")
    assert (crm.kind, crm.url) == ("crm", "romashka.amocrm.ru")
    assert [(s.id, s.parent) for s in model.systems if s.kind == "analytics"] == [
        ("analytics", None),
        ("iandeks-metrika", "analytics"),
        ("ga4", "analytics"),
    ]
    assert [(i.source, i.target) for i in model.integrations] == [("tilda", "amocrm")]
    assert model.diagnostics == []


def test_flow_steps_written_as_a_table() -> None:
    model = flowviz.load(FIXTURES / "step-table.md")
    steps = model.flows[0].steps
    assert [(s.line, s.source, s.target, s.method) for s in steps] == [
        (24, "user", "cms", None),
        (25, "cms", "hubspot", "Webhook"),
        (26, "hubspot", "mailchimp", "API"),
        (27, "mailchimp", None, None),
    ]
    assert steps[1].created == ["lead_id"]
    assert steps[1].text == "Сайт | HubSpot | лид (создается lead_id) | Webhook"
    assert [d for d in model.diagnostics if d.code != "FV101"] == []


def test_a_sub_heading_naming_a_system_makes_it_the_sender(write_map) -> None:
    table = "| Данные | Получатель | Метод |\n|---|---|---|\n| Заявки | amoCRM | API |\n"
    path = write_map(
        "## 1. Системы\n\n- **CMS:** Tilda\n- **CRM:** amoCRM\n- **Другие системы:** GetCourse\n\n"
        "## 2. Интеграции сайтов\n\n### 2.1 Лендинги\n\n"
        + table
        + "\n### 2.2 Школа (GetCourse)\n\n"
        + table
        + "\n### 2.3 Передача в amoCRM\n\n"
        + table
    )
    model = flowviz.load(path)
    assert [(i.id, i.source) for i in model.integrations] == [
        ("2.1", "tilda"),
        ("2.2", "getcourse"),
        ("2.3", "getcourse"),
    ]


# -- section 1: several tools per line, category labels, short forms ------------------------

SITE_TABLE = (
    "## 2. Интеграции сайта\n\n| Источник данных на сайте | Получатель | Метод |\n|---|---|---|\n"
)


def _tools(model: flowviz.Map) -> list[tuple[str, str | None, list[str]]]:
    return [(s.name, s.parent, s.ids) for s in model.systems if s.kind == "analytics"]


@pytest.mark.parametrize(
    "line",
    [
        "- **Analytics:** GA4 — G-1A2B; Яндекс Метрика — счётчик 123; VK Pixel — 456",
        "- **Analytics:** GA4 — G-1A2B<br>Яндекс Метрика — счётчик 123<br>VK Pixel — 456",
        "- **Analytics:** GA4 (G-1A2B) / Яндекс Метрика (счётчик 123) / VK Pixel (456)",
        "- **Analytics:** GA4, Яндекс Метрика, VK Pixel — G-1A2B, счётчик 123, 456",
        "- **Analytics:** GA4 / Яндекс Метрика / VK Pixel — G-1A2B / 123 / 456",
        "- **Analytics:** GA4 — G-1A2B / Яндекс Метрика — 123 / VK Pixel — 456",
        "- **Analytics:**\n  - GA4 — G-1A2B\n  - Яндекс Метрика: 123\n  - VK Pixel — 456",
    ],
)
def test_an_analytics_line_lists_every_tool_with_its_id(write_map, line: str) -> None:
    path = write_map(
        "## 1. Системы\n\n- **CMS:** Tilda\n"
        + line
        + "\n\n"
        + SITE_TABLE
        + "| Форма | GA4 | JS |\n"
    )
    model = flowviz.load(path)
    assert _tools(model) == [
        ("Analytics", None, []),
        ("GA4", "analytics", ["G-1A2B"]),
        ("Яндекс Метрика", "analytics", ["123"]),
        ("VK Pixel", "analytics", ["456"]),
    ]
    assert [d.code for d in model.diagnostics] == []


def test_rows_of_one_role_in_a_systems_table_make_one_group(write_map) -> None:
    path = write_map(
        "## 1. Системы\n\n| Роль | Система | ID |\n|---|---|---|\n"
        "| CMS | Tilda | site.ru |\n"
        "| Analytics | GA4 | G-7GAR77XQ1K |\n"
        "| Analytics | Calltouch | site_id 51423 |\n"
        "| Analytics | Meta Pixel<br>TikTok Pixel | 5566001122<br>CHBL77TT01 |\n"
        "| Коллтрекинг | CoMagic | кабинет 40123 |\n\n"
        + SITE_TABLE
        + "| События | Analytics | GTM |\n"
    )
    model = flowviz.load(path)
    tools = _tools(model)
    assert tools[:3] == [
        ("Analytics", None, []),
        ("GA4", "analytics", ["G-7GAR77XQ1K"]),
        ("Calltouch", "analytics", ["51423"]),
    ]
    assert ("CoMagic", "analytics", ["40123"]) in tools
    assert len([s for s in model.systems if s.kind == "analytics" and s.parent is None]) == 1


def test_labels_beyond_the_template_declare_systems_of_their_category(write_map) -> None:
    path = write_map(
        "## 1. Системы\n\n"
        "- **CMS / Framework:** Сайт на WordPress — garage.ru\n"
        "- **CRM:** Битрикс24\n"
        "- **LMS:** GetCourse — school.getcourse.ru\n"
        "- **Онлайн-запись:** YCLIENTS — компания 778812\n"
        "- **Мессенджеры:** Telegram-бот (@garage_bot); Umnico (WhatsApp и VK)\n"
        "- **BI / DWH:** Хранилище на PostgreSQL, отчёты в Power BI\n\n"
        + SITE_TABLE
        + "| Виджет онлайн-записи | YCLIENTS | JS-виджет |\n"
        "| Заявка | Онлайн-запись | API |\n"
        "| Визиты | Хранилище | ETL |\n"
        "| Чат | Umnico | API |\n"
    )
    model = flowviz.load(path)
    kinds = {s.name: s.kind for s in model.systems if s.kind != "actor"}
    assert kinds == {
        "Сайт на WordPress": "cms",
        "Битрикс24": "crm",
        "GetCourse": "other",
        "YCLIENTS": "other",
        "Telegram-бот": "other",
        "Umnico": "other",
        "Хранилище на PostgreSQL, отчёты в Power BI": "other",
    }
    ends = [(i.source, i.target) for i in model.integrations]
    dwh = "khranilishche-na-postgresql-otchety-v-power-bi"
    site = "sait-na-wordpress"
    assert ends == [(site, "yclients"), (site, "yclients"), (site, dwh), (site, "umnico")]
    assert [d.code for d in model.diagnostics] == []


def test_a_category_label_names_its_system_in_a_step_only_as_a_place(write_map) -> None:
    path = write_map(
        "## 1. Системы\n\n- **CRM:** amoCRM\n- **Booking:** Dockwa\n- **Chat:** Intercom\n\n"
        "## 7. Data flows\n\n**Flow 1: Booking**\n\n"
        "1. amoCRM sends the booking to the booking system via API\n"
        "2. amoCRM sends the booking widget settings to Intercom\n"
    )
    steps = flowviz.load(path).flows[0].steps
    assert [(s.source, s.target) for s in steps] == [("amocrm", "dockwa"), ("amocrm", "intercom")]


@pytest.mark.parametrize(
    ("label", "declared", "later"),
    [
        ("Другие системы", "Сайт на Drupal 10", "Сайт на Drupal"),
        (
            "Другие системы",
            "Портал на 1С-Битрикс: Управление сайтом (редакция «Бизнес»)",
            "1С-Битрикс",
        ),
        (
            "Другие системы",
            "Мобильное приложение «Ромашка» (iOS и Android)",
            "Мобильное приложение",
        ),
        ("Other systems", 'Patient app "SmileBook"', "the patient app"),
        ("BI / DWH", "Хранилище на PostgreSQL, отчёты в Power BI", "Хранилище"),
        ("ERP", "1С:Управление нашей фирмой", "1С:УНФ"),
        ("ERP", "1С:Управление торговлей 11.5", "1С:УТ"),
        ("Booking", "Calendly (Teams plan)", "Calendly"),
        ("BI", "Yandex DataLens", "DataLens"),
    ],
)
def test_a_shorter_form_names_the_system_section_one_declares(
    write_map, label: str, declared: str, later: str
) -> None:
    path = write_map(
        f"## 1. Системы\n\n- **CRM:** amoCRM\n- **CMS:** Tilda\n- **{label}:** {declared}\n\n"
        + SITE_TABLE
        + f"| Заказ | {later} | API |\n"
    )
    model = flowviz.load(path)
    others = [s for s in model.systems if s.kind == "other"]
    assert len(others) == 1
    assert model.integrations[0].target == others[0].id
    assert model.diagnostics == []


def test_a_short_form_never_takes_a_name_from_another_system() -> None:
    registry = Registry()
    name = "Хранилище на PostgreSQL"
    dwh = registry.add(name, "other", product=name, line=3)
    assert registry.lookup("PostgreSQL") == dwh.id
    postgres = registry.add("PostgreSQL", "other", product="PostgreSQL", line=4)
    assert registry.lookup("PostgreSQL") == postgres.id
    assert registry.lookup("Хранилище") == dwh.id
    assert "PostgreSQL" not in dwh.aliases
    later = registry.add("Сайт на Tilda 2", "other", product="Сайт на Tilda 2")
    assert registry.lookup("Tilda") is None, "only section 1's names have short forms"
    assert later.aliases == ["Сайт на Tilda 2"]


def test_a_look_up_never_creates_a_system() -> None:
    registry = Registry()
    assert registry.lookup("CRM") is None
    assert registry.lookup("Пользователь") is None
    assert registry.lookup("на сайте") is None
    assert registry.systems == {}
    assert registry.resolve("CRM").system == "crm"
    assert list(registry.systems) == ["crm"]


def test_a_known_product_section_one_omits_is_reported_once(write_map) -> None:
    path = write_map(
        "## 1. Системы\n\n- **CRM:** amoCRM\n- **CMS:** Tilda\n\n"
        + SITE_TABLE
        + "| Звонки | Roistat | API |\n| Заказы | Склад Омск | API |\n"
    )
    model = flowviz.load(path)
    assert (model.system("roistat").kind, model.system("sklad-omsk").kind) == ("analytics", "other")
    found = [(d.code, d.line) for d in flowviz.check.check(model) if d.code in ("FV101", "FV250")]
    assert sorted(found) == [("FV101", 11), ("FV250", 10)]


def test_examples_of_the_registry_hold() -> None:
    results = doctest.testmod(systems_module, verbose=False, report=False)
    assert results.attempted > 0
    assert results.failed == 0


def test_a_nouns_form_in_emu_stems_as_the_noun() -> None:
    """``вашу систему`` names ``Ваша система``: Snowball alone stems ``систему`` as ``сист``;
    an adjective's ``-ему`` (``новому``) keeps Snowball's stem."""
    assert stems("вашу систему") == stems("Ваша система") == stems("вашей системы")
    assert stems("схему") == stems("схема")
    assert stems("новому") == stems("новый")


def _named(registry: Registry, text: str) -> list[str]:
    """The systems ``text`` names, as a sentence of a document names them."""
    return [m.system for m in registry.mentions(text, actors=False)]


def test_a_word_begins_a_longer_name_only_as_written() -> None:
    """``LinkedIn`` names ``LinkedIn Insight Tag`` and ``Payments`` names ``Payment Gateway``;
    ``Customer``, which stems as ``custom``, does not name ``Custom API``."""
    registry = Registry()
    tag = registry.add("LinkedIn Insight Tag", "analytics")
    custom = registry.add("Custom API", "other")
    gateway = registry.add("Payment Gateway", "other")

    assert _named(registry, "LinkedIn tracks the visit") == [tag.id]
    assert _named(registry, "Payments checks the card") == [gateway.id]
    assert custom.id not in _named(registry, "Customer initiates a WhatsApp conversation")


def test_a_makers_product_is_named_by_the_rest_of_its_name_where_it_stands_as_a_name() -> None:
    """``Pinpoint`` names ``Amazon Pinpoint`` after a word in lower case or before a verb;
    a sentence's first word given an order (``Connect the app``) and the first word of a
    longer name (``the Bedrock Knowledge Base``) name no maker's product."""
    registry = Registry()
    pinpoint = registry.add("Amazon Pinpoint", "esp")
    connect = registry.add("Amazon Connect", "other")
    bedrock = registry.add("Amazon Bedrock", "other")

    assert _named(registry, "Pinpoint streams event data") == [pinpoint.id]
    assert _named(registry, "The data is sent back to Pinpoint.") == [pinpoint.id]
    assert connect.id not in _named(registry, "Connect the app to your store")
    assert bedrock.id not in _named(
        registry, "It forwards the request to the Bedrock Knowledge Base"
    )
