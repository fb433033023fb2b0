"""Drifted integration maps: hand-written expectations for maps that depart from the template.

Every map in ``tests/fixtures/drift/`` was filled in "by someone else": other heading levels,
bold lines instead of headings, translated or reworded section titles, product names instead of
roles, reordered / renamed / missing columns, a section 1 written as a table, bulleted steps,
``->`` and ``=>`` arrows, ``Шаг 1:`` prefixes, flows as headings or list items, Russian word
forms, extra sections, and a few deliberate defects.

The expectations below were written by reading each map as a person would, not by running the
parser. Where flowviz disagrees with that reading the expectation stays as it is and the one test
case carries ``xfail(strict=True)`` with the disagreement spelled out in ``XFAIL``.

The checks themselves (``test_systems``, ``test_flow_steps``, ...) are written once in
``tests/drift_support.py`` and shared with ``tests/test_drift_more.py``; imported here, each runs
once per map below (and once per flow for the per-flow checks).
"""

from __future__ import annotations

from pathlib import Path

from drift_support import *  # noqa: F403 (the shared checks, run over this batch)
from drift_support import Batch, Expect, line_of

DRIFT = Path(__file__).resolve().parent / "fixtures" / "drift"

# --------------------------------------------------------------------------------------------
# Expectations, one block per map (written by hand from the Markdown).
# --------------------------------------------------------------------------------------------

A = "analytics"

EXPECT: dict[str, Expect] = {
    # ## headings with one ### section, "Раздел 2. Сайт → внешние системы" titles, columns
    # "Куда / Что передаётся / Способ / Комментарий" in another order, no fields/purpose
    # columns, product names in cells, "Шаг N:" prefixes (bullets and paragraphs), "->" in
    # flow paths, "в Метрику" / "из CRM" / "на сайте", an extra section 11.
    "ru-dental-bitrix.md": {
        "language": "ru",
        "client": "ООО «Дентал Плюс», сеть стоматологических клиник (Казань, 4 филиала)",
        "systems": {
            ("wordpress", "cms"),
            ("bitriks24", "crm"),
            ("sendpulse", "esp"),
            (A, "analytics"),
            ("iandeks-metrika", "analytics"),
            ("ga4", "analytics"),
            ("infodent", "other"),
            ("user", "actor"),
            ("manager", "actor"),
        },
        "parents": {"iandeks-metrika": A, "ga4": A},
        "products": {
            "wordpress": "WordPress",
            "bitriks24": "Битрикс24",
            "sendpulse": "SendPulse",
            "infodent": "Инфодент",
        },
        "sections": [
            (1, "overview", None),
            (2, "integrations", "wordpress"),
            (3, "integrations", "bitriks24"),
            (4, "integrations", "sendpulse"),
            (5, "integrations", A),
            (6, "identifiers", None),
            (7, "flows", None),
            (8, "requirements", None),
            (9, "tests", None),
            (11, "integrations", "infodent"),
        ],
        "integrations": [
            ("2.1", "wordpress", "bitriks24"),
            ("2.2", "wordpress", "sendpulse"),
            ("2.3", "wordpress", A),
            ("2.4", "wordpress", "infodent"),
            ("3.1", "bitriks24", "sendpulse"),
            ("3.2", "bitriks24", A),
            ("3.3", "bitriks24", A),
            ("3.4", "bitriks24", "infodent"),
            ("4.1", "sendpulse", "bitriks24"),
            ("4.2", "sendpulse", A),
            ("5.1", A, "bitriks24"),
            ("11.1", "infodent", "wordpress"),
            ("11.2", "infodent", "bitriks24"),
        ],
        "parts": {
            "2.3": ([], ["iandeks-metrika", "ga4"]),
            "3.2": ([], ["iandeks-metrika"]),
            "3.3": ([], ["ga4"]),
            "4.2": ([], ["iandeks-metrika"]),
            "5.1": (["iandeks-metrika"], []),
        },
        "statuses": {
            "2.1": ("configured", None),
            "2.4": ("needs_setup", None),
            "3.2": ("needs_setup", None),
            "3.3": ("not_required", "рекламные кампании оптимизируются только по Метрике"),
            "3.4": ("configured", None),
            "5.1": ("needs_setup", None),
            "11.1": ("needs_setup", None),
        },
        "methods": {
            "2.1": "Webhook",
            "2.3": "GTM",
            "3.2": "Офлайн-конверсии",
            "4.2": "UTM-метки",
            "5.1": "Logs API",
        },
        "integration_ids": {
            "2.1": ["lead_id", "client_id", "ym_uid", "phone"],
            "2.4": ["slot_id", "phone"],
        },
        "identifiers": {
            "client_id": "ga4",
            "ym_uid": "iandeks-metrika",
            "lead_id": "bitriks24",
            "deal_id": "bitriks24",
            "patient_id": "infodent",
            "subscriber_id": "sendpulse",
            "phone": None,
        },
        "id_rules": [
            ("wordpress", "bitriks24"),
            ("bitriks24", "infodent"),
            ("bitriks24", "sendpulse"),
        ],
        "flows": [
            (1, "Запись на приём", [["wordpress"], ["bitriks24"], ["infodent"]]),
            (2, "Офлайн-конверсия", [["bitriks24"], [A]]),
            (3, "Напоминание о профгигиене", [["bitriks24"], ["sendpulse"], ["bitriks24"]]),
        ],
        "steps": {
            1: [
                ("user", "wordpress"),
                ("wordpress", "bitriks24"),
                ("wordpress", A),
                ("manager", "bitriks24"),
                ("bitriks24", "infodent"),
                ("bitriks24", "sendpulse"),
            ],
            2: [("manager", "bitriks24"), ("bitriks24", A), (A, None)],
            3: [
                ("bitriks24", "sendpulse"),
                ("sendpulse", None),
                ("user", "sendpulse"),
                ("sendpulse", "bitriks24"),
            ],
        },
        "step_parts": {
            (1, 3): ([], ["iandeks-metrika"]),
            (2, 2): ([], ["iandeks-metrika"]),
            (2, 3): (["iandeks-metrika"], []),
        },
        "step_methods": {
            (1, 1): None,
            (1, 2): "Webhook",
            (1, 3): "GTM",
            (1, 4): None,
            (1, 5): "REST API",
            (2, 2): "API офлайн-конверсий",
            (3, 1): "API",
            (3, 4): "Webhook",
        },
        "step_ids": {(1, 3): ["ym_uid"], (2, 2): ["ym_uid", "deal_id"]},
        "created": {
            1: {2: ["lead_id"], 5: ["patient_id"], 6: ["subscriber_id"]},
            2: {},
            3: {},
        },
        "requirements": {
            "timeout": ("<=", 5.0, "s"),
            "retries": ("=", 3.0, "count"),
            "latency": ("<=", 2.0, "s"),
            "success_rate": (">=", 99.5, "percent"),
        },
        "backoff": [1.0, 2.0, 4.0],
        "tests": [["wordpress", "bitriks24"], ["bitriks24", "infodent"]],
        "problems": [],
        "info": [],
    },
    # ### headings with English titles in natural wording ("About the project", "Website →
    # external systems", "Identity & data sync", "How data flows", "QA plan"), labels that are
    # not roles ("Storefront (CMS)", "Email", "Payments"), columns "Trigger / Destination / How /
    # Keys / Payload" and "Event / To / Via", no purpose or details columns, flows as
    # "#### Flow 1 — ..." headings with bulleted steps, "->" in paths and in a step, a
    # requirements table, an extra section 11 for payments.
    "en-coffee-shopify.md": {
        "language": "en",
        "client": "Bean & Barrel Coffee Roasters Ltd (Bristol, UK)",
        "systems": {
            ("shopify", "cms"),
            ("zoho-crm", "crm"),
            ("klaviyo", "esp"),
            (A, "analytics"),
            ("ga4", "analytics"),
            ("tiktok-pixel", "analytics"),
            ("paypal", "other"),
            ("user", "actor"),
            ("manager", "actor"),
        },
        "parents": {"ga4": A, "tiktok-pixel": A},
        "products": {
            "shopify": "Shopify",
            "zoho-crm": "Zoho CRM",
            "klaviyo": "Klaviyo",
            "paypal": "PayPal",
        },
        "sections": [
            (1, "overview", None),
            (2, "integrations", "shopify"),
            (3, "integrations", "zoho-crm"),
            (4, "integrations", "klaviyo"),
            (5, "integrations", A),
            (6, "identifiers", None),
            (7, "flows", None),
            (8, "requirements", None),
            (9, "tests", None),
            (11, "integrations", "paypal"),
        ],
        "integrations": [
            ("2.1", "shopify", "zoho-crm"),
            ("2.2", "shopify", "klaviyo"),
            ("2.3", "shopify", A),
            ("2.4", "shopify", "paypal"),
            ("3.1", "zoho-crm", "klaviyo"),
            ("3.2", "zoho-crm", A),
            ("4.1", "klaviyo", A),
            ("4.2", "klaviyo", "zoho-crm"),
            ("5.1", A, "zoho-crm"),
            ("5.2", A, "zoho-crm"),
            ("11.1", "paypal", "zoho-crm"),
            ("11.2", "paypal", "shopify"),
        ],
        "parts": {
            "2.3": ([], ["ga4", "tiktok-pixel"]),
            "3.2": ([], ["ga4"]),
            "4.1": ([], ["ga4"]),
            "5.1": (["ga4"], []),
            "5.2": (["tiktok-pixel"], []),
        },
        "statuses": {
            "2.1": ("configured", None),
            "3.1": ("needs_setup", None),
            "3.2": (
                "not_required",
                "wholesale orders are invoiced offline and never touch the site",
            ),
            "4.2": ("needs_setup", None),
            "5.1": ("needs_setup", None),
            "5.2": ("not_required", "TikTok is used for awareness only"),
            "11.1": ("configured", None),
        },
        "methods": {
            "2.1": "Shopify Flow webhook",
            "2.2": "Native Shopify integration",
            "4.1": "UTM parameters",
            "11.1": "IPN webhook",
        },
        "integration_ids": {
            "2.3": ["client_id", "ttclid", "order_id"],
            "11.1": ["paypal_txn_id", "order_id"],
        },
        "identifiers": {
            "client_id": "ga4",
            "ttclid": "tiktok-pixel",
            "order_id": "shopify",
            "contact_id": "zoho-crm",
            "deal_id": "zoho-crm",
            "profile_id": "klaviyo",
            "email": None,
        },
        "id_rules": [("shopify", "zoho-crm"), ("zoho-crm", "klaviyo")],
        "flows": [
            (1, "Online order", [["shopify"], ["zoho-crm"], ["klaviyo"]]),
            (2, "Newsletter", [["shopify"], ["klaviyo"], [A]]),
            (3, "Wholesale deal", [["zoho-crm"], ["klaviyo"]]),
        ],
        "steps": {
            1: [
                ("user", "shopify"),
                ("shopify", "zoho-crm"),
                ("shopify", A),
                ("shopify", "klaviyo"),
                ("klaviyo", None),
            ],
            2: [
                ("user", "shopify"),
                ("shopify", "klaviyo"),
                ("klaviyo", None),
                ("user", "klaviyo"),
                ("klaviyo", A),
            ],
            3: [("manager", "zoho-crm"), ("zoho-crm", "klaviyo")],
        },
        "step_parts": {(1, 3): ([], ["ga4"]), (2, 5): ([], ["ga4"])},
        "step_methods": {
            (1, 2): "webhook",
            (1, 3): "Google & YouTube app",
            (1, 4): "native integration",
            (2, 2): "native integration",
            (2, 5): "UTM parameters",
            (3, 2): "API",
        },
        "step_ids": {(1, 3): ["client_id", "order_id"], (2, 5): ["profile_id", "client_id"]},
        "created": {1: {2: ["contact_id"], 4: ["profile_id"]}, 2: {2: ["profile_id"]}, 3: {}},
        "requirements": {
            "timeout": ("<=", 5.0, "s"),
            "retries": ("=", 3.0, "count"),
            "throughput": (">=", 300.0, "per_minute"),
        },
        "backoff": [1.0, 2.0, 4.0],
        "tests": [["shopify", "zoho-crm"], ["shopify", "klaviyo"]],
        "problems": [],
        "info": [],
    },
    # Sections 4, 5, 7 and 9 written as bold lines between ## headings (pasted from a draft),
    # "Отправитель / Способ передачи" columns, "Настроено ✅", "Другие системы: не используются".
    "ru-furniture-bold.md": {
        "language": "ru",
        "client": "ООО «МебельГрад» (Екатеринбург)",
        "systems": {
            ("1s-bitriks", "cms"),
            ("retailcrm", "crm"),
            ("mindbox", "esp"),
            (A, "analytics"),
            ("iandeks-metrika", "analytics"),
            ("calltouch", "analytics"),
            ("user", "actor"),
            ("manager", "actor"),
        },
        "parents": {"iandeks-metrika": A, "calltouch": A},
        "products": {"1s-bitriks": "1С-Битрикс", "retailcrm": "RetailCRM", "mindbox": "Mindbox"},
        "sections": [
            (1, "overview", None),
            (2, "integrations", "1s-bitriks"),
            (3, "integrations", "retailcrm"),
            (4, "integrations", "mindbox"),
            (5, "integrations", A),
            (6, "identifiers", None),
            (7, "flows", None),
            (8, "requirements", None),
            (9, "tests", None),
        ],
        "integrations": [
            ("2.1", "1s-bitriks", "retailcrm"),
            ("2.2", "1s-bitriks", "retailcrm"),
            ("2.3", "1s-bitriks", A),
            ("3.1", "retailcrm", "mindbox"),
            ("3.2", "retailcrm", A),
            ("4.1", "mindbox", A),
            ("4.2", "mindbox", "retailcrm"),
            ("5.1", A, "retailcrm"),
        ],
        "parts": {
            "2.3": ([], ["iandeks-metrika"]),
            "3.2": ([], ["iandeks-metrika"]),
            "4.1": ([], ["iandeks-metrika"]),
            "5.1": (["calltouch"], []),
        },
        "statuses": {
            "2.1": ("configured", None),
            "3.2": ("needs_setup", None),
            "4.2": ("configured", None),
            "5.1": ("configured", None),
        },
        "methods": {
            "2.1": "Модуль RetailCRM для 1С-Битрикс",
            "3.2": "Офлайн-конверсии",
            "4.1": "UTM-метки",
            "5.1": "Интеграция Calltouch → RetailCRM",
        },
        "integration_ids": {
            "2.2": ["order_id", "phone", "ym_uid"],
            "5.1": ["calltouch_session_id", "phone"],
        },
        "identifiers": {
            "ym_uid": "iandeks-metrika",
            "calltouch_session_id": "calltouch",
            "customer_id": "retailcrm",
            "order_id": "retailcrm",
            "mindbox_id": "mindbox",
            "phone": None,
        },
        "id_rules": [],
        "flows": [
            (1, "Заказ мебели", [["1s-bitriks"], ["retailcrm"], ["mindbox"]]),
            (2, "Звонок с рекламы", [[A], ["retailcrm"]]),
        ],
        "steps": {
            1: [
                ("user", "1s-bitriks"),
                ("1s-bitriks", "retailcrm"),
                ("retailcrm", "mindbox"),
                ("mindbox", None),
            ],
            2: [("user", None), (A, "retailcrm"), ("manager", "retailcrm")],
        },
        "step_parts": {(2, 2): (["calltouch"], [])},
        "step_methods": {
            (1, 2): "модуль интеграции",
            (1, 3): "API",
            (2, 2): "интеграцию Calltouch",
        },
        "step_ids": {},
        "created": {
            1: {2: ["order_id"], 3: ["mindbox_id"]},
            2: {2: ["calltouch_session_id"], 3: ["order_id"]},
        },
        "requirements": {
            "timeout": ("<=", 10.0, "s"),
            "retries": ("=", 5.0, "count"),
            "success_rate": (">=", 99.0, "percent"),
        },
        "backoff": None,
        "tests": [["1s-bitriks", "retailcrm"], [A, "retailcrm"]],
        "problems": [],
        "info": [],
    },
    # Section 1 as a "Role | Product | URL / IDs" table with a non-role row (Scheduling), English
    # "Website/CRM/ESP/Analytics integrations" titles, "Source / Target" columns, "->" paths,
    # "LinkedIn" for "LinkedIn Insight Tag". Deliberate defects: a row one cell short (FV102), a
    # row with an unescaped "|" inside a cell (FV103), a table pasted without its separator
    # row (FV106).
    "en-advisory-table.md": {
        "language": "en",
        "client": "Northwind Advisory LLP, B2B finance consulting",
        "systems": {
            ("next-js", "cms"),
            ("salesforce", "crm"),
            ("brevo", "esp"),
            (A, "analytics"),
            ("mixpanel", "analytics"),
            ("linkedin-insight-tag", "analytics"),
            ("calendly", "other"),
            ("user", "actor"),
            ("manager", "actor"),
        },
        "parents": {"mixpanel": A, "linkedin-insight-tag": A},
        "products": {
            "next-js": "Next.js",
            "salesforce": "Salesforce",
            "brevo": "Brevo",
            "calendly": "Calendly",
        },
        "sections": [
            (1, "overview", None),
            (2, "integrations", "next-js"),
            (3, "integrations", "salesforce"),
            (4, "integrations", "brevo"),
            (5, "integrations", A),
            (6, "identifiers", None),
            (7, "flows", None),
            (8, "requirements", None),
            (9, "tests", None),
        ],
        "integrations": [
            ("2.1", "next-js", "salesforce"),
            ("2.2", "next-js", "brevo"),
            ("2.3", "next-js", A),
            ("2.4", "next-js", A),
            ("3.1", "salesforce", "brevo"),
            ("3.2", "salesforce", A),
            ("3.3", "salesforce", A),
            ("4.1", "brevo", A),
            ("4.2", "brevo", "salesforce"),
            ("5.1", A, "salesforce"),
        ],
        "parts": {
            "2.3": ([], ["mixpanel"]),
            "2.4": ([], ["linkedin-insight-tag"]),
            "3.2": ([], ["mixpanel"]),
            "3.3": ([], ["linkedin-insight-tag"]),
            "4.1": ([], ["mixpanel"]),
        },
        "statuses": {
            "2.1": ("configured", None),
            "2.3": ("unknown", None),
            "3.3": ("needs_setup", None),
            "5.1": ("not_required", "Salesforce stores the UTM fields from the form"),
        },
        "methods": {
            "2.1": "REST API",
            "2.3": "JS SDK",
            "3.3": "Conversions API",
            "4.2": "Webhook",
        },
        "integration_ids": {
            "2.1": ["lead_id", "distinct_id", "email"],
            "3.3": ["li_fat_id", "opportunity_id"],
        },
        "identifiers": {
            "distinct_id": "mixpanel",
            "lead_id": "salesforce",
            "opportunity_id": "salesforce",
            "brevo_contact_id": "brevo",
            "li_fat_id": "linkedin-insight-tag",
            "event_uuid": "calendly",
            "email": None,
        },
        "id_rules": [],
        "flows": [
            (1, "Demo request", [["next-js"], ["salesforce"], ["brevo"]]),
            (2, "Meeting booked", [["calendly"], ["salesforce"]]),
            (3, "Closed-won reporting", [["salesforce"], [A]]),
        ],
        "steps": {
            1: [
                ("user", "next-js"),
                ("next-js", "salesforce"),
                ("next-js", A),
                ("salesforce", "brevo"),
                ("brevo", None),
            ],
            2: [("user", "calendly"), ("calendly", "salesforce"), ("manager", "salesforce")],
            3: [("salesforce", A), ("salesforce", A)],
        },
        "step_parts": {
            (1, 3): ([], ["mixpanel"]),
            (3, 1): ([], ["mixpanel"]),
            (3, 2): ([], ["linkedin-insight-tag"]),
        },
        "step_methods": {
            (1, 2): "REST API",
            (1, 3): "JS SDK",
            (1, 4): "API",
            (2, 2): "webhook",
            (3, 1): "HTTP API",
            (3, 2): "Conversions API",
        },
        "step_ids": {(2, 2): ["event_uuid"], (3, 2): ["li_fat_id"]},
        "created": {
            1: {2: ["lead_id"], 4: ["brevo_contact_id"]},
            2: {3: ["opportunity_id"]},
            3: {},
        },
        "requirements": {
            "timeout": ("<=", 5.0, "s"),
            "retries": ("=", 3.0, "count"),
            "latency": ("<=", 2.0, "s"),
        },
        "backoff": [1.0, 2.0, 4.0],
        "tests": [["next-js", "salesforce"], ["calendly", "salesforce"]],
        "problems": [
            ("FV102", "| 3 | Page views and form submits"),
            ("FV103", "| 2 | Opportunity closed-won"),
            ("FV106", "| Service | Limit |"),
            ("FV106", "| Salesforce REST API |"),
            ("FV106", "| Brevo API |"),
        ],
        "info": [],
    },
    # "Платформа курсов / сайт" as the CMS label, "Что передаётся" columns, section 5 with
    # no table, flows as "### Поток N — ..." headings with numbered, bulleted and "Шаг N."
    # steps, a "ЮKassa -> GetCourse:" step, "в Метрику". Deliberate defect: the steps of a
    # fourth flow sit under "### Продление абонемента", a heading that is no flow title (FV107).
    "ru-chess-school.md": {
        "language": "ru",
        "client": "ИП Соколова А. В., онлайн-школа шахмат для детей 6–14 лет",
        "systems": {
            ("getcourse", "cms"),
            ("megaplan", "crm"),
            ("dashamail", "esp"),
            (A, "analytics"),
            ("iandeks-metrika", "analytics"),
            ("top-mail-ru", "analytics"),
            ("iukassa", "other"),
            ("user", "actor"),
            ("manager", "actor"),
        },
        "parents": {"iandeks-metrika": A, "top-mail-ru": A},
        "products": {
            "getcourse": "GetCourse",
            "megaplan": "Мегаплан",
            "dashamail": "DashaMail",
            "iukassa": "ЮKassa",
        },
        "sections": [
            (1, "overview", None),
            (2, "integrations", "getcourse"),
            (3, "integrations", "megaplan"),
            (4, "integrations", "dashamail"),
            (5, "integrations", A),
            (6, "identifiers", None),
            (7, "flows", None),
            (8, "requirements", None),
        ],
        "integrations": [
            ("2.1", "getcourse", "megaplan"),
            ("2.2", "getcourse", "dashamail"),
            ("2.3", "getcourse", A),
            ("2.4", "getcourse", "iukassa"),
            ("3.1", "megaplan", "dashamail"),
            ("3.2", "megaplan", A),
            ("4.1", "dashamail", A),
        ],
        "parts": {
            "2.3": ([], ["iandeks-metrika", "top-mail-ru"]),
            "3.2": ([], ["iandeks-metrika"]),
            "4.1": ([], ["iandeks-metrika"]),
        },
        "statuses": {
            "2.1": ("configured", None),
            "3.1": ("needs_setup", None),
            "3.2": ("needs_setup", None),
            "4.1": ("configured", None),
        },
        "methods": {
            "2.3": "Счётчики на страницах",
            "2.4": "Платёжный виджет",
            "3.2": "Офлайн-конверсии",
        },
        "integration_ids": {"2.4": ["payment_id", "deal_id"]},
        "identifiers": {
            "ym_uid": "iandeks-metrika",
            "deal_id": "megaplan",
            "dasha_subscriber_id": "dashamail",
            "payment_id": "iukassa",
            "phone": None,
        },
        "id_rules": [],
        "flows": [
            (1, "Пробный урок", [["getcourse"], ["megaplan"], ["dashamail"]]),
            (2, "Оплата абонемента", [["getcourse"], ["iukassa"], ["megaplan"]]),
            (3, "Возврат на вебинар", [["dashamail"], [A]]),
        ],
        "steps": {
            1: [
                ("user", "getcourse"),
                ("getcourse", "megaplan"),
                ("getcourse", A),
                ("manager", "megaplan"),
                ("megaplan", "dashamail"),
            ],
            2: [
                ("user", "getcourse"),
                ("getcourse", "iukassa"),
                ("iukassa", "getcourse"),
                ("getcourse", "megaplan"),
            ],
            3: [("dashamail", None), ("user", "dashamail"), ("dashamail", A)],
        },
        "step_parts": {(1, 3): ([], ["iandeks-metrika"]), (3, 3): ([], ["iandeks-metrika"])},
        "step_methods": {
            (1, 2): "Webhook",
            (1, 3): "счётчик",
            (1, 5): "API",
            (2, 2): "платёжный виджет",
            (2, 4): "Webhook",
            (3, 3): "UTM-метки",
        },
        "step_ids": {(1, 3): ["ym_uid"]},
        "created": {1: {2: ["deal_id"], 5: ["dasha_subscriber_id"]}, 2: {2: ["payment_id"]}, 3: {}},
        "requirements": {"timeout": ("=", 5.0, "s"), "retries": ("=", 3.0, "count")},
        "backoff": None,
        "tests": [],
        "problems": [
            ("FV107", "1. Мегаплан за 5 дней"),
            ("FV107", "2. Менеджер звонит родителю и отправляет"),
        ],
        "info": [],
    },
    # "Section N — ..." headings, "From / To / Via / IDs / Notes" columns, a section 5 table
    # whose data column is "Data" (no "From"), emoji statuses, flows as list items with nested
    # "Step N:" steps. Deliberate defect: a table of API environments in section 2 whose header
    # flowviz cannot know (FV105 on each row).
    "en-gym-freshsales.md": {
        "language": "en",
        "client": "PeakForm Gyms Ltd, 12 gyms in the Midlands",
        "systems": {
            ("drupal", "cms"),
            ("freshsales", "crm"),
            ("activecampaign", "esp"),
            (A, "analytics"),
            ("ga4", "analytics"),
            ("meta-pixel", "analytics"),
            ("hotjar", "analytics"),
            ("glofox", "other"),
            ("user", "actor"),
            ("manager", "actor"),
        },
        "parents": {"ga4": A, "meta-pixel": A, "hotjar": A},
        "products": {
            "drupal": "Drupal",
            "freshsales": "Freshsales",
            "activecampaign": "ActiveCampaign",
            "glofox": "Glofox",
        },
        "sections": [
            (1, "overview", None),
            (2, "integrations", "drupal"),
            (3, "integrations", "freshsales"),
            (4, "integrations", "activecampaign"),
            (5, "integrations", A),
            (6, "identifiers", None),
            (7, "flows", None),
            (8, "requirements", None),
            (9, "tests", None),
        ],
        "integrations": [
            ("2.1", "drupal", "freshsales"),
            ("2.2", "drupal", "activecampaign"),
            ("2.3", "drupal", A),
            ("2.4", "drupal", A),
            ("3.1", "freshsales", "activecampaign"),
            ("3.2", "freshsales", A),
            ("3.3", "freshsales", "glofox"),
            ("4.1", "activecampaign", A),
            ("5.1", A, "freshsales"),
        ],
        "parts": {
            "2.3": ([], ["ga4", "meta-pixel"]),
            "2.4": ([], ["hotjar"]),
            "3.2": ([], ["meta-pixel"]),
            "4.1": ([], ["ga4"]),
            "5.1": (["ga4"], []),
        },
        "statuses": {
            "2.1": ("configured", None),
            "2.4": ("needs_setup", None),
            "3.2": ("not_required", "Meta campaigns optimise on free_pass_submit"),
            "3.3": ("needs_setup", None),
            "5.1": ("needs_setup", None),
        },
        "methods": {
            "2.1": "Webhook",
            "2.3": "GTM",
            "3.1": "Freshsales workflow webhook",
            "4.1": "UTM tagging",
        },
        "integration_ids": {"2.3": ["client_id", "fbp"], "3.3": ["lead_id", "member_id"]},
        "identifiers": {
            "client_id": "ga4",
            "fbp": "meta-pixel",
            "lead_id": "freshsales",
            "ac_contact_id": "activecampaign",
            "member_id": "glofox",
            "email": None,
        },
        "id_rules": [],
        "flows": [
            (1, "Free pass", [["drupal"], ["freshsales"], ["activecampaign"]]),
            (2, "Joining", [["freshsales"], ["glofox"]]),
        ],
        "steps": {
            1: [
                ("user", "drupal"),
                ("drupal", "freshsales"),
                ("drupal", A),
                ("freshsales", "activecampaign"),
            ],
            2: [("manager", "freshsales"), ("freshsales", "glofox"), ("glofox", None)],
        },
        "step_parts": {(1, 3): ([], ["ga4", "meta-pixel"])},
        "step_methods": {
            (1, 2): "webhook",
            (1, 3): "GTM",
            (1, 4): "workflow webhook",
            (2, 2): "REST API",
        },
        "step_ids": {(1, 3): ["client_id", "fbp"]},
        "created": {1: {2: ["lead_id"], 4: ["ac_contact_id"]}, 2: {2: ["member_id"]}},
        "requirements": {
            "timeout": ("<=", 5.0, "s"),
            "retries": ("=", 3.0, "count"),
            "throughput": (">=", 200.0, "per_minute"),
            "alert_threshold": (">=", 5.0, "percent"),
        },
        "backoff": [1.0, 2.0, 4.0],
        "tests": [["drupal", "freshsales"], ["freshsales", "glofox"]],
        "problems": [
            ("FV105", "| Freshsales sandbox |"),
            ("FV105", "| ActiveCampaign | https://"),
        ],
        "info": [],
    },
    # "1)" numbering in headings, "Общие сведения" / "Заказчик" wording, an integration row
    # with two receivers, "Откуда / Куда / Как / Ключи" columns, an identifier table in section 6
    # with "Источник / ID в источнике / Получатель" columns and no list, "Сценарий N." flow
    # titles with "=>" paths and "1)" steps, section 10 with four columns. Deliberate defect: a
    # receiver (Telegram-бот) that section 1 does not list (FV101, an info finding).
    "ru-travel-uon.md": {
        "language": "ru",
        "client": "ООО «ТурЭкспресс» (Новосибирск)",
        "systems": {
            ("wix", "cms"),
            ("u-on-travel", "crm"),
            ("sendsay", "esp"),
            (A, "analytics"),
            ("iandeks-metrika", "analytics"),
            ("roistat", "analytics"),
            ("mango-office", "other"),
            ("telegram-bot", "other"),
            ("user", "actor"),
            ("manager", "actor"),
        },
        "parents": {"iandeks-metrika": A, "roistat": A},
        "products": {
            "wix": "Wix",
            "u-on-travel": "U-ON.Travel",
            "sendsay": "Sendsay",
            "mango-office": "Mango Office",
        },
        "sections": [
            (1, "overview", None),
            (2, "integrations", "wix"),
            (3, "integrations", "u-on-travel"),
            (4, "integrations", "sendsay"),
            (5, "integrations", A),
            (6, "identifiers", None),
            (7, "flows", None),
            (10, "id_schema", None),
        ],
        "integrations": [
            ("2.1", "wix", "u-on-travel"),
            ("2.2", "wix", "sendsay"),
            ("2.3", "wix", "telegram-bot"),
            ("2.4", "wix", A),
            ("3.1", "u-on-travel", "sendsay"),
            ("3.2", "u-on-travel", A),
            ("3.3", "u-on-travel", A),
            ("4.1", "sendsay", A),
            ("5.1", "mango-office", "u-on-travel"),
            ("5.2", A, "u-on-travel"),
        ],
        "parts": {
            "2.4": ([], ["iandeks-metrika", "roistat"]),
            "3.2": ([], ["roistat"]),
            "3.3": ([], ["iandeks-metrika"]),
            "4.1": ([], ["iandeks-metrika"]),
            "5.2": (["roistat"], []),
        },
        "statuses": {
            "2.1": ("configured", None),
            "2.2": ("configured", None),
            "3.1": ("needs_setup", None),
            "3.3": ("not_required", "продажи по каналам считает Roistat"),
            "5.1": ("configured", None),
        },
        "methods": {
            "2.1": "Webhook",
            "2.2": "Webhook",
            "2.4": "Счётчик и скрипт Roistat",
            "3.2": "API Roistat",
            "5.1": "Интеграция Mango Office",
        },
        "integration_ids": {
            "2.1": ["request_id", "email", "ym_uid"],
            "2.4": ["ym_uid", "roistat_visit"],
        },
        "identifiers": {
            "request_id": "u-on-travel",
            "ym_uid": "iandeks-metrika",
            "roistat_visit": "roistat",
            "sendsay_member_id": "sendsay",
        },
        "id_rules": [
            ("wix", "u-on-travel"),
            ("u-on-travel", "sendsay"),
            ("mango-office", "u-on-travel"),
        ],
        "flows": [
            (1, "Подбор тура", [["wix"], ["u-on-travel"], ["sendsay"]]),
            (2, "Звонок", [["mango-office"], ["u-on-travel"], [A]]),
            (3, "Обращение в Telegram", [["wix"], ["telegram-bot"], ["u-on-travel"]]),
        ],
        "steps": {
            1: [
                ("user", "wix"),
                ("wix", "u-on-travel"),
                ("wix", "sendsay"),
                ("manager", "u-on-travel"),
            ],
            2: [("user", None), ("mango-office", "u-on-travel"), ("u-on-travel", A)],
            3: [("user", "wix"), ("telegram-bot", "u-on-travel")],
        },
        "step_parts": {(2, 3): ([], ["roistat"])},
        "step_methods": {
            (1, 2): "Webhook",
            (1, 3): "API",
            (2, 2): "интеграцию Mango Office",
            (2, 3): "API Roistat",
            (3, 2): "API",
        },
        "step_ids": {(2, 3): ["roistat_visit", "request_id"]},
        "created": {
            1: {2: ["request_id"], 3: ["sendsay_member_id"]},
            2: {2: ["request_id"]},
            3: {2: ["request_id"]},
        },
        "requirements": {},
        "backoff": None,
        "tests": [],
        "problems": [],
        "info": [("FV101", "| 2 | Кнопка «Написать в Telegram»")],
    },
}


# --------------------------------------------------------------------------------------------
# Where flowviz disagrees with the human reading: (map, check[, key]) -> what differs.
# --------------------------------------------------------------------------------------------

XFAIL: dict[tuple, str] = {}
"""A known disagreement marks its case ``xfail(strict=True)`` here, with what differs."""


BATCH = Batch(DRIFT, EXPECT, XFAIL)
pytest_generate_tests = BATCH.generate_tests

# --------------------------------------------------------------------------------------------
# Single points worth their own test.
# --------------------------------------------------------------------------------------------


def test_two_receivers_in_one_cell_share_the_row_number() -> None:
    """ru-travel-uon.md row 2.1 names "U-ON.Travel, Sendsay": two integrations of one row."""
    model = BATCH.read("ru-travel-uon.md")
    rows = [i for i in model.integrations if i.section == 2]
    assert [(i.number, i.target) for i in rows[:2]] == [(1, "u-on-travel"), (1, "sendsay")]
    assert all(i.line == line_of(model, "| 1 | Форма подбора тура") for i in rows[:2])


def test_details_read_from_a_notes_column() -> None:
    """en-gym-freshsales.md: the "Notes" column holds the technical details."""
    details = {i.id: i.details for i in BATCH.read("en-gym-freshsales.md").integrations}["2.1"]
    assert details.http_method == "POST"
    assert details.format == "JSON"
    assert details.urls == ["https://peakform.myfreshworks.com/crm/sales/api/leads"]
