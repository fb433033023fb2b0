"""More drifted integration maps: hand-written expectations for styles the first batch
(``tests/test_drift.py``) does not cover.

Every map in ``tests/fixtures/drift2/`` drifts from the template in several new ways: setext
headings, emoji / trailing ``#`` / UPPER CASE / ``§ N`` / ``Part N`` / ``01.`` headings,
numbered sub-sections (``2.1``), section 1 written as dashed bullets or as a definition-like
list, several products for one role, tables without outer pipes, with alignment colons,
inline HTML, markdown links, ``\\|`` and very long cells, empty rows, an HTML ``<table>``
pasted from Confluence, a section written only as prose, an empty mandatory section, sections
out of order, Russian and English headings mixed, flows whose steps are a table, steps with
nested sub-bullets, flows without an arrow path, "Сценарий" / "Use case" / "Scenario" titles,
passive English steps, reflexive Russian steps, product synonyms (YM, GA 4, Google Analytics 4,
FB Pixel, Битрикс 24, amo), a mermaid block, and domains other than the first batch's.

The expectations below were written by reading each map as a careful person would, not by
running the parser. Where flowviz disagrees with that reading the expectation stays as it is
and the one test case carries ``xfail(strict=True)`` with the disagreement spelled out in
``XFAIL``.

The checks both batches share (``test_systems``, ``test_flow_steps``, ...) are written once in
``tests/drift_support.py``; imported here, each runs once per map below (and once per flow for
the per-flow checks). The checks only this batch has expectations for come after ``XFAIL``.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from drift_support import *  # noqa: F403 (the shared checks, run over this batch)
from drift_support import ANY, Batch, Expect, line_of, model_lines, per_map, per_row, text_lines

from flowviz.check import check
from flowviz.model import Map

DRIFT = Path(__file__).resolve().parent / "fixtures" / "drift2"

# --------------------------------------------------------------------------------------------
# Expectations, one block per map (written by hand from the Markdown).
# --------------------------------------------------------------------------------------------

A = "analytics"

EXPECT: dict[str, Expect] = {
    # B2B manufacturing: setext headings ("Раздел N. ...\n-----") under a setext "=====" title,
    # section 1 as dashed bullets ("Клиент — ...", "CRM — amoCRM (stalprofil.amocrm.ru)") under
    # a plain "Системы проекта:" line, an ERP role, tables without outer pipes and with
    # alignment colons, identifiers in backticks, "Сценарий N." flows with reflexive / passive
    # Russian steps ("Заявка передаётся с сайта в amoCRM"), "amo" for amoCRM, requirements as
    # "label — value" bullets, an extra section 11 for the ERP.
    "ru-metal-1c-erp.md": {
        "language": "ru",
        "name": "B2B-портал заявок на металлоконструкции",
        "client": "ООО «СтальПрофиль», завод металлоконструкций (Челябинск)",
        "goals": [
            "Заявка на расчёт с чертежом попадает в amoCRM за 2 секунды",
            "Счёт и заказ покупателя в 1С:ERP создаются из сделки без ручного ввода",
            "ROMI по каналам считается по оплаченным счетам, а не по заявкам",
        ],
        "systems": {
            ("tilda", "cms"),
            ("amocrm", "crm"),
            ("unisender", "esp"),
            (A, "analytics"),
            ("iandeks-metrika", "analytics"),
            ("calltouch", "analytics"),
            ("1s-erp", "other"),
            ("user", "actor"),
            ("manager", "actor"),
        },
        "parents": {"iandeks-metrika": A, "calltouch": A},
        "products": {
            "tilda": "Tilda",
            "amocrm": "amoCRM",
            "unisender": "Unisender",
            "1s-erp": "1С:ERP",
        },
        "system_ids": {},
        "sections": [
            (1, "overview", None),
            (2, "integrations", "tilda"),
            (3, "integrations", "amocrm"),
            (4, "integrations", "unisender"),
            (5, "integrations", A),
            (6, "identifiers", None),
            (7, "flows", None),
            (8, "requirements", None),
            (9, "tests", None),
            (10, "id_schema", None),
            (11, "integrations", "1s-erp"),
        ],
        "integrations": [
            ("2.1", "tilda", "amocrm"),
            ("2.2", "tilda", "unisender"),
            ("2.3", "tilda", A),
            ("2.4", "tilda", A),
            ("3.1", "amocrm", "1s-erp"),
            ("3.2", "amocrm", "unisender"),
            ("3.3", "amocrm", A),
            ("4.1", "unisender", A),
            ("4.2", "unisender", "amocrm"),
            ("5.1", A, "amocrm"),
            ("11.1", "1s-erp", "amocrm"),
        ],
        "parts": {
            "2.3": ([], ["iandeks-metrika"]),
            "2.4": ([], ["calltouch"]),
            "3.3": ([], ["iandeks-metrika"]),
            "4.1": ([], ["iandeks-metrika"]),
            "5.1": (["calltouch"], []),
        },
        "statuses": {
            "2.1": ("configured", None),
            "3.2": ("needs_setup", None),
            "4.2": ("needs_setup", None),
            "11.1": ("needs_setup", None),
        },
        "methods": {
            "2.1": "Webhook Tilda",
            "2.3": "Счётчик и цели",
            "3.1": "REST API 1С",
            "5.1": "Интеграция Calltouch",
        },
        "integration_ids": {
            "2.1": ["lead_id", "ym_uid", "phone"],
            "3.1": ["lead_id", "inn"],
        },
        "source_data": {},
        "details": {},
        "identifiers": {
            "ym_uid": "iandeks-metrika",
            "calltouch_session_id": "calltouch",
            "lead_id": "amocrm",
            "unisender_contact_id": "unisender",
            "order_id": "1s-erp",
            "inn": None,
            "phone": None,
        },
        "id_rules": [],
        "flows": [
            (1, "Заявка на расчёт", [["tilda"], ["amocrm"], ["1s-erp"]]),
            (2, "Звонок с рекламы", [[A], ["amocrm"], [A]]),
            (3, "Рассылка прайс-листа", [["amocrm"], ["unisender"], [A]]),
        ],
        "steps": {
            1: [
                ("user", "tilda"),
                ("tilda", "amocrm"),
                ("tilda", A),
                ("manager", "amocrm"),
                ("amocrm", "1s-erp"),
                ("1s-erp", "amocrm"),
            ],
            2: [("user", None), (A, "amocrm"), ("manager", "amocrm"), ("amocrm", A)],
            3: [("amocrm", "unisender"), ("unisender", None), ("unisender", A)],
        },
        "step_parts": {
            (1, 3): ([], ["iandeks-metrika"]),
            (2, 2): (["calltouch"], []),
            (2, 4): ([], ["iandeks-metrika"]),
            (3, 3): ([], ["iandeks-metrika"]),
        },
        "step_methods": {
            (1, 1): None,
            (1, 2): "Webhook Tilda",
            (1, 3): "счётчик",
            (1, 5): "REST API 1С",
            (1, 6): "REST API 1С",
            (2, 2): "интеграцию Calltouch",
            (2, 4): "офлайн-конверсии",
            (3, 1): "виджет Unisender",
            (3, 3): "UTM-метки",
        },
        "step_ids": {(1, 3): ["ym_uid"], (2, 4): ["ym_uid", "lead_id"]},
        "created": {
            1: {2: ["lead_id"], 5: ["order_id"]},
            2: {2: ["lead_id"]},
            3: {1: ["unisender_contact_id"]},
        },
        "requirements": {
            "timeout": ("<=", 5.0, "s"),
            "retries": ("=", 3.0, "count"),
            "latency": ("<=", 2.0, "s"),
            "success_rate": (">=", 99.9, "percent"),
        },
        "backoff": [1.0, 2.0, 4.0],
        "tests": [["tilda", "amocrm"], ["amocrm", "1s-erp"]],
        "problems": [],
        "info": [],
        "checked": [],
        # Rows of every table and steps of every flow, counted by hand.
        "rows": [33, 34, 35, 36, 43, 44, 45, 52, 53, 60, 111, 112, 119, 120, 121, 128],
        "step_lines": {1: [78, 79, 80, 81, 82, 83], 2: [87, 88, 89, 90], 3: [94, 95, 96]},
    },
    # Online school: "# 🎓 ... #" title, "## 📋 1. ОБЩАЯ ИНФОРМАЦИЯ ##" (emoji, UPPER CASE,
    # trailing #s), two sites for one role (GetCourse and Tilda) with section 2 split into
    # "### 2.1 Лендинги (Tilda)" and "### 2.2 Школа (GetCourse)", cells with <b>, <br>,
    # markdown links, "\|" and a very long details cell, an empty table row, the sync table
    # of section 6 above its list, flow 1 written as a table of steps, flow 2 with nested
    # sub-bullets under its steps, a "Сценарий 3 — ..." flow with no arrow path, "Битрикс 24".
    "ru-school-getcourse.md": {
        "language": "ru",
        "name": "Автоворонка бесплатного марафона",
        "client": "ООО «Инглиш Зиро», онлайн-школа английского для взрослых",
        "goals": [
            "Регистрация на марафон за 1 минуту попадает в GetCourse и в рассылку",
            "Окупаемость рекламы считается по оплатам GetCourse",
        ],
        "systems": {
            ("getcourse", "cms"),
            ("tilda", "cms"),
            ("bitriks24", "crm"),
            ("unisender", "esp"),
            (A, "analytics"),
            ("iandeks-metrika", "analytics"),
            ("vk-pixel", "analytics"),
            ("albato", "other"),
            ("user", "actor"),
            ("manager", "actor"),
        },
        "parents": {"iandeks-metrika": A, "vk-pixel": A},
        "products": {
            "getcourse": "GetCourse",
            "tilda": "Tilda",
            "bitriks24": "Битрикс24",
            "unisender": "Unisender",
            "albato": "Albato",
        },
        "system_ids": {},
        "sections": [
            (1, "overview", None),
            (2, "integrations", ANY),
            (3, "integrations", "bitriks24"),
            (4, "integrations", "unisender"),
            (5, "integrations", A),
            (6, "identifiers", None),
            (7, "flows", None),
            (8, "requirements", None),
            (9, "tests", None),
        ],
        "integrations": [
            ("2.1", "tilda", "getcourse"),
            ("2.2", "tilda", A),
            ("2.3", "getcourse", "bitriks24"),
            ("2.4", "getcourse", "unisender"),
            ("2.5", "getcourse", A),
            ("3.1", "bitriks24", A),
            ("3.2", "bitriks24", "unisender"),
            ("4.1", "unisender", A),
            ("5.1", A, "bitriks24"),
        ],
        "parts": {
            "2.2": ([], ["iandeks-metrika"]),
            "2.5": ([], ["iandeks-metrika", "vk-pixel"]),
            "3.1": ([], ["iandeks-metrika"]),
            "4.1": ([], ["iandeks-metrika"]),
            "5.1": (["vk-pixel"], []),
        },
        "statuses": {
            "2.1": ("configured", None),
            "2.4": ("needs_setup", None),
            "3.1": ("needs_setup", None),
            "5.1": ("not_required", "аудитории используются только в кабинете VK Рекламы"),
        },
        "methods": {
            "2.1": "Webhook",
            "2.2": "Цели Метрики",
            "2.3": "Webhook процесса",
            "2.4": "Интеграция GetCourse | Unisender через Albato",
            "3.2": "API",
        },
        "integration_ids": {
            "2.1": ["email", "phone", "gc_user_id"],
            "3.1": ["ym_uid", "deal_id"],
            "3.2": ["deal_id", "email"],
        },
        "source_data": {
            "2.1": "Форма регистрации на марафон",
            "2.3": "Заказы и оплаты",
        },
        "details": {
            "2.1": (["https://englishzero.getcourse.ru/pl/api/users"], "POST"),
            "2.3": (["https://englishzero.bitrix24.ru/rest/crm.deal.add.json"], "POST"),
        },
        "identifiers": {
            "gc_user_id": "getcourse",
            "gc_order_id": "getcourse",
            "deal_id": "bitriks24",
            "unisender_contact_id": "unisender",
            "ym_uid": "iandeks-metrika",
            "vk_rid": "vk-pixel",
        },
        "id_rules": [("tilda", "getcourse"), ("getcourse", "bitriks24")],
        "flows": [
            (1, "Регистрация на марафон", [["tilda"], ["getcourse"], ["unisender"]]),
            (2, "Оплата курса", [["getcourse"], ["bitriks24"], [A]]),
            (3, "Дожим неоплативших", []),
        ],
        "steps": {
            1: [
                ("user", "tilda"),
                ("tilda", "getcourse"),
                ("tilda", A),
                ("getcourse", "unisender"),
            ],
            2: [("user", "getcourse"), ("getcourse", "bitriks24"), ("bitriks24", A)],
            3: [("bitriks24", None), ("manager", "bitriks24"), ("bitriks24", "unisender")],
        },
        "step_parts": {(1, 3): ([], ["iandeks-metrika"]), (2, 3): ([], ["iandeks-metrika"])},
        "step_methods": {
            (1, 1): None,
            (1, 2): "Webhook",
            (1, 3): "Цели Метрики",
            (1, 4): "Albato",
            (2, 2): "Webhook процесса",
            (2, 3): "офлайн-конверсии",
            (3, 1): None,
            (3, 3): "API",
        },
        "step_ids": {(1, 3): ["ym_uid"], (2, 3): ["ym_uid", "deal_id"]},
        "created": {
            1: {2: ["gc_user_id"], 4: ["unisender_contact_id"]},
            2: {2: ["deal_id"]},
            3: {},
        },
        "requirements": {
            "timeout": ("<=", 5.0, "s"),
            "retries": ("=", 3.0, "count"),
            "success_rate": (">=", 99.9, "percent"),
        },
        "backoff": [1.0, 2.0, 4.0],
        "tests": [["tilda", "getcourse", "unisender"], ["getcourse", "bitriks24"]],
        "problems": [],
        "info": [],
        "checked": [],
        # Line 42 is the empty row: no integration, but named by some (info) finding.
        "rows": [32, 33, 39, 40, 41, 42, 48, 49, 55, 61, 67, 68, 113, 114],
        "step_lines": {1: [83, 84, 85, 86], 2: [90, 93, 95], 3: [99, 100, 101]},
    },
    # Clinic: "## § N. ..." headings, "МИС: MedElement" as a further system, "YM, GA 4" and
    # "Google Analytics 4" / "Битрикс 24" / "Яндекс Метрику" in cells and steps, section 3 as an
    # HTML <table> pasted from Confluence, section 5 written only as prose, section 9 left
    # empty, a step whose actor is a doctor ("Врач").
    "ru-clinic-medelement.md": {
        "language": "ru",
        "name": "Онлайн-запись и сквозная аналитика «Шипагер»",
        "client": "ТОО «Шипагер», многопрофильный медицинский центр (Алматы)",
        "goals": [],
        "systems": {
            ("1s-bitriks", "cms"),
            ("bitriks24", "crm"),
            ("sendpulse", "esp"),
            (A, "analytics"),
            ("iandeks-metrika", "analytics"),
            ("ga4", "analytics"),
            ("medelement", "other"),
            ("user", "actor"),
            ("manager", "actor"),
        },
        "parents": {"iandeks-metrika": A, "ga4": A},
        "products": {
            "1s-bitriks": "1С-Битрикс",
            "bitriks24": "Битрикс24",
            "sendpulse": "SendPulse",
            "medelement": "MedElement",
        },
        "system_ids": {},
        "sections": [
            (1, "overview", None),
            (2, "integrations", "1s-bitriks"),
            (3, "integrations", "bitriks24"),
            (4, "integrations", "sendpulse"),
            (5, "integrations", A),
            (6, "identifiers", None),
            (7, "flows", None),
            (8, "requirements", None),
            (9, "tests", None),
            (10, "id_schema", None),
        ],
        "integrations": [
            ("2.1", "1s-bitriks", "bitriks24"),
            ("2.2", "1s-bitriks", "medelement"),
            ("2.3", "1s-bitriks", A),
            ("2.4", "1s-bitriks", "sendpulse"),
            ("3.1", "bitriks24", "medelement"),
            ("3.2", "bitriks24", A),
            ("3.3", "bitriks24", "sendpulse"),
            ("4.1", "sendpulse", "bitriks24"),
            ("4.2", "sendpulse", A),
        ],
        "parts": {
            "2.3": ([], ["iandeks-metrika", "ga4"]),
            "3.2": ([], ["iandeks-metrika"]),
            "4.2": ([], ["ga4"]),
        },
        "statuses": {
            "2.1": ("configured", None),
            "2.4": ("needs_setup", None),
            "3.1": ("configured", None),
            "3.2": ("needs_setup", None),
            "4.1": ("configured", None),
        },
        "methods": {
            "2.2": "REST API MedElement",
            "2.3": "GTM",
            "3.2": "Офлайн-конверсии",
            "3.3": "API SendPulse",
        },
        "integration_ids": {
            "2.1": ["lead_id", "ym_uid", "client_id", "phone"],
            "3.1": ["lead_id", "patient_id"],
        },
        "source_data": {"3.1": "Запись подтверждена администратором"},
        "details": {},
        "identifiers": {
            "ym_uid": "iandeks-metrika",
            "client_id": "ga4",
            "lead_id": "bitriks24",
            "deal_id": "bitriks24",
            "patient_id": "medelement",
            "slot_id": "medelement",
            "subscriber_id": "sendpulse",
            "phone": None,
        },
        "id_rules": [],
        "flows": [
            (1, "Онлайн-запись", [["1s-bitriks"], ["bitriks24"], ["medelement"]]),
            (2, "Визит состоялся", [["medelement"], ["bitriks24"], [A]]),
            (3, "Календарь здоровья", [["sendpulse"], [A]]),
        ],
        "steps": {
            1: [
                ("user", "1s-bitriks"),
                ("1s-bitriks", "medelement"),
                ("1s-bitriks", "bitriks24"),
                ("1s-bitriks", A),
                ("manager", "bitriks24"),
                ("bitriks24", "medelement"),
            ],
            2: [("manager", "medelement"), ("medelement", "bitriks24"), ("bitriks24", A)],
            3: [("sendpulse", None), ("user", "sendpulse"), ("sendpulse", A)],
        },
        "step_parts": {
            (1, 4): ([], ["iandeks-metrika", "ga4"]),
            (2, 3): ([], ["iandeks-metrika"]),
            (3, 3): ([], ["ga4"]),
        },
        "step_methods": {
            (1, 2): "REST API MedElement",
            (1, 3): "Webhook",
            (1, 4): "GTM",
            (1, 6): "REST API MedElement",
            (2, 2): "REST API MedElement",
            (2, 3): "офлайн-конверсии",
            (3, 3): "UTM-метки",
        },
        "step_ids": {(1, 2): ["slot_id"], (1, 4): ["ym_uid", "client_id"]},
        "created": {1: {3: ["lead_id"], 6: ["patient_id"]}, 2: {}, 3: {}},
        "requirements": {
            "timeout": ("<=", 5.0, "s"),
            "retries": ("=", 3.0, "count"),
            "latency": ("<=", 2.0, "s"),
            "success_rate": (">=", 99.9, "percent"),
        },
        "backoff": [1.0, 2.0, 4.0],
        "tests": [],
        "problems": [],
        "info": [],
        # `flowviz check`: section 5 says something but holds nothing readable, section 9 is
        # empty: both are "there but empty" (FV202).
        "checked": [("FV202", "## § 5. Интеграции аналитики"), ("FV202", "## § 9. План")],
        "rows": [24, 25, 26, 27, 36, 37, 38, 46, 47, 100, 101],
        "step_lines": {1: [68, 69, 70, 71, 72, 73], 2: [77, 78, 79], 3: [83, 84, 85]},
    },
    # Bank landing: "## Part 1 — Overview" and "## PART 2 — LANDING PAGE INTEGRATIONS ##",
    # section 1 as a definition-like list ("Client\n: Northbank JSC ..."), "Source data /
    # Destination" columns with ":-:" alignment and markdown links in receiver cells, "Use case
    # N:" flows (one without an arrow path) with passive English steps ("The application is
    # sent to Creatio by the landing page via webhook"), "Google Analytics 4". Deliberate
    # defect: a step names Twilio, which section 1 does not list (FV101, info).
    "en-bank-creatio.md": {
        "language": "en",
        "name": "Credit card landing page and pre-approval funnel",
        "client": "Northbank JSC, retail lending division",
        "goals": [],
        "systems": {
            ("webflow", "cms"),
            ("creatio", "crm"),
            ("mindbox", "esp"),
            (A, "analytics"),
            ("ga4", "analytics"),
            ("meta-pixel", "analytics"),
            ("risklens", "other"),
            ("twilio", "other"),
            ("user", "actor"),
            ("manager", "actor"),
        },
        "parents": {"ga4": A, "meta-pixel": A},
        "products": {
            "webflow": "Webflow",
            "creatio": "Creatio",
            "mindbox": "Mindbox",
            "risklens": "RiskLens",
        },
        "system_ids": {},
        "sections": [
            (1, "overview", None),
            (2, "integrations", "webflow"),
            (3, "integrations", "creatio"),
            (4, "integrations", "mindbox"),
            (5, "integrations", A),
            (6, "identifiers", None),
            (7, "flows", None),
            (8, "requirements", None),
            (9, "tests", None),
        ],
        "integrations": [
            ("2.1", "webflow", "creatio"),
            ("2.2", "webflow", A),
            ("2.3", "webflow", A),
            ("2.4", "webflow", "mindbox"),
            ("3.1", "creatio", "risklens"),
            ("3.2", "creatio", "mindbox"),
            ("3.3", "creatio", A),
            ("3.4", "creatio", A),
            ("4.1", "mindbox", A),
            ("4.2", "mindbox", "creatio"),
            ("5.1", A, "creatio"),
        ],
        "parts": {
            "2.2": ([], ["ga4"]),
            "2.3": ([], ["meta-pixel"]),
            "3.3": ([], ["ga4"]),
            "3.4": ([], ["meta-pixel"]),
            "4.1": ([], ["ga4"]),
            "5.1": (["ga4"], []),
        },
        "statuses": {
            "2.1": ("configured", None),
            "2.4": ("needs_setup", None),
            "3.4": ("not_required", "Meta campaigns optimise on form_submit"),
            "5.1": ("needs_setup", None),
        },
        "methods": {
            "2.1": "Webhook",
            "3.1": "REST API",
            "3.3": "Measurement Protocol",
            "5.1": "BigQuery export",
        },
        "integration_ids": {
            "2.1": ["lead_id", "client_id", "phone"],
            "3.2": ["lead_id", "mindbox_customer_id", "email"],
        },
        "source_data": {"2.2": "Funnel events (form_start, form_submit)"},
        "details": {},
        "identifiers": {
            "client_id": "ga4",
            "fbp": "meta-pixel",
            "lead_id": "creatio",
            "score_id": "risklens",
            "mindbox_customer_id": "mindbox",
            "email": None,
            "phone": None,
        },
        "id_rules": [],
        "flows": [
            (1, "Card application", [["webflow"], ["creatio"], ["risklens"]]),
            (2, "Welcome series", []),
            (3, "Card issued", [["creatio"], [A]]),
        ],
        "steps": {
            1: [
                ("user", "webflow"),
                ("webflow", "creatio"),
                ("webflow", A),
                ("creatio", "risklens"),
                ("risklens", "creatio"),
                ("twilio", None),
                ("manager", "creatio"),
            ],
            2: [("creatio", "mindbox"), ("mindbox", None), ("mindbox", A)],
            3: [("manager", "creatio"), ("creatio", A)],
        },
        "step_parts": {
            (1, 3): ([], ["ga4", "meta-pixel"]),
            (2, 3): ([], ["ga4"]),
            (3, 2): ([], ["ga4"]),
        },
        "step_methods": {
            (1, 2): "webhook",
            (1, 3): "GTM",
            (1, 4): "REST API",
            (1, 5): "callback",
            (2, 1): "API",
            (2, 3): "UTM parameters",
            (3, 2): "Measurement Protocol",
        },
        "step_ids": {(1, 3): ["client_id", "fbp"], (2, 3): ["client_id"]},
        "created": {1: {2: ["lead_id"], 4: ["score_id"]}, 2: {1: ["mindbox_customer_id"]}, 3: {}},
        "requirements": {
            "timeout": ("<=", 3.0, "s"),
            "retries": ("=", 3.0, "count"),
            "throughput": (">=", 1000.0, "per_minute"),
            "latency": ("<=", 2.0, "s"),
            "success_rate": (">=", 99.95, "percent"),
        },
        "backoff": [1.0, 2.0, 4.0],
        "tests": [["webflow", "creatio"], ["creatio", "risklens"]],
        "problems": [],
        "info": [("FV101", "sent to the applicant by Twilio")],
        "checked": [],
        "rows": [40, 41, 42, 43, 49, 50, 51, 52, 58, 59, 65, 112, 113],
        "step_lines": {1: [81, 82, 83, 84, 85, 86, 87], 2: [91, 92, 93], 3: [97, 98]},
    },
    # Flower delivery: Russian and English headings mixed ("Website integrations (InSales)",
    # "Интеграции CRM (HubSpot)", "Data flows", "Identifier schema"), sections out of order
    # (7 before 6, 10 before 8), three analytics products each with its ID in brackets, two
    # further systems on one line (CloudPayments, Яндекс Доставка — next to Яндекс Метрика),
    # "Google Analytics 4", "YM", "FB Pixel", "GA 4" in cells and steps, "Поток" and "Flow"
    # titles, an empty table row. Deliberate defect: row 3.3 has an empty receiver cell
    # (FV251, an error of `flowviz check`).
    "mixed-flowers-hubspot.md": {
        "language": "ru",
        "name": "Доставка цветов: заказы, повторные продажи и сквозная аналитика",
        "client": "ООО «Флора Экспресс», доставка цветов (Санкт-Петербург)",
        "goals": [],
        "systems": {
            ("insales", "cms"),
            ("hubspot", "crm"),
            ("mailchimp", "esp"),
            (A, "analytics"),
            ("ga4", "analytics"),
            ("iandeks-metrika", "analytics"),
            ("meta-pixel", "analytics"),
            ("cloudpayments", "other"),
            ("iandeks-dostavka", "other"),
            ("user", "actor"),
            ("manager", "actor"),
        },
        "parents": {"ga4": A, "iandeks-metrika": A, "meta-pixel": A},
        "products": {
            "insales": "InSales",
            "hubspot": "HubSpot",
            "mailchimp": "Mailchimp",
            "cloudpayments": "CloudPayments",
            "iandeks-dostavka": "Яндекс Доставка",
        },
        "system_ids": {
            "ga4": ["G-FLORA2026X"],
            "iandeks-metrika": ["88112233"],
            "meta-pixel": ["556677889900"],
        },
        "sections": [
            (1, "overview", None),
            (2, "integrations", "insales"),
            (3, "integrations", "hubspot"),
            (4, "integrations", "mailchimp"),
            (5, "integrations", A),
            (7, "flows", None),
            (6, "identifiers", None),
            (10, "id_schema", None),
            (8, "requirements", None),
            (9, "tests", None),
        ],
        "integrations": [
            ("2.1", "insales", "hubspot"),
            ("2.2", "insales", "mailchimp"),
            ("2.3", "insales", A),
            ("2.4", "insales", "cloudpayments"),
            ("2.5", "insales", "iandeks-dostavka"),
            ("3.1", "hubspot", A),
            ("3.2", "hubspot", "mailchimp"),
            ("3.3", "hubspot", None),
            ("4.1", "mailchimp", A),
            ("4.2", "mailchimp", "hubspot"),
            ("5.1", A, "hubspot"),
        ],
        "parts": {
            "2.3": ([], ["ga4", "iandeks-metrika", "meta-pixel"]),
            "3.1": ([], ["ga4"]),
            "4.1": ([], ["ga4"]),
            "5.1": (["iandeks-metrika"], []),
        },
        "statuses": {
            "2.1": ("configured", None),
            "2.5": ("needs_setup", None),
            "3.3": ("needs_setup", None),
            "4.2": ("configured", None),
        },
        "methods": {
            "2.1": "Webhook InSales",
            "2.5": "API Яндекс Доставки",
            "3.2": "Встроенная интеграция HubSpot",
            "5.1": "Logs API и скрипт импорта",
        },
        "integration_ids": {
            "2.3": ["client_id", "ym_uid", "fbp"],
            "2.5": ["order_id", "delivery_id"],
        },
        "source_data": {},
        "details": {},
        "identifiers": {
            "client_id": "ga4",
            "ym_uid": "iandeks-metrika",
            "fbp": "meta-pixel",
            "deal_id": "hubspot",
            "mc_subscriber_id": "mailchimp",
            "order_id": "insales",
            "delivery_id": "iandeks-dostavka",
            "email": None,
            "phone": None,
        },
        "id_rules": [],
        "flows": [
            (1, "Заказ букета", [["insales"], ["hubspot"], ["mailchimp"]]),
            (2, "Доставка", [["insales"], ["iandeks-dostavka"]]),
            (3, "Повторная продажа к празднику", [["hubspot"], ["mailchimp"], [A]]),
        ],
        "steps": {
            1: [
                ("user", "insales"),
                ("insales", "hubspot"),
                ("insales", A),
                ("user", "cloudpayments"),
                ("cloudpayments", "hubspot"),
                ("hubspot", "mailchimp"),
            ],
            2: [
                ("manager", "hubspot"),
                ("insales", "iandeks-dostavka"),
                ("iandeks-dostavka", None),
            ],
            3: [
                ("hubspot", None),
                ("hubspot", "mailchimp"),
                ("mailchimp", None),
                ("mailchimp", A),
            ],
        },
        "step_parts": {
            (1, 3): ([], ["ga4", "iandeks-metrika", "meta-pixel"]),
            (3, 4): ([], ["ga4"]),
        },
        "step_methods": {
            (1, 2): "Webhook InSales",
            (1, 3): "GTM",
            (1, 5): "Webhook",
            (1, 6): "встроенную интеграцию",
            (2, 2): "API Яндекс Доставки",
            (3, 2): "встроенную интеграцию",
            (3, 4): "UTM-метки",
        },
        "step_ids": {
            (1, 3): ["client_id", "ym_uid", "fbp"],
            (3, 4): ["mc_subscriber_id", "client_id"],
        },
        "created": {1: {2: ["deal_id"], 6: ["mc_subscriber_id"]}, 2: {2: ["delivery_id"]}, 3: {}},
        "requirements": {
            "timeout": ("<=", 5.0, "s"),
            "retries": ("=", 5.0, "count"),
            "throughput": (">=", 1000.0, "per_minute"),
        },
        "backoff": None,
        "tests": [["insales", "hubspot"], ["hubspot", "iandeks-dostavka"]],
        "problems": [],
        "info": [],
        "checked": [("FV251", "| 3 | Повторный заказ к празднику |")],
        # Line 44 is the empty row: no integration, but named by some (info) finding.
        "rows": [24, 25, 26, 27, 28, 34, 35, 36, 42, 43, 44, 50, 92, 93, 105, 106],
        "step_lines": {1: [56, 57, 58, 59, 60, 61], 2: [65, 66, 67], 3: [71, 72, 73, 74]},
    },
    # B2B pumps: "## 01. Overview" numbering (a Notion export), section 1 as English dashed
    # bullets ("Client — ...", "CRM — Pipedrive (pumpco.pipedrive.com)") under a plain
    # "Systems in scope:" line, an ERP role, section 2 as an "Integration" column holding
    # "Website → Pipedrive", bold header cells and `code` identifiers, section 6 as an
    # "Identifier / Owner / Description" table, a mermaid diagram at the top of section 7,
    # "Scenario N —" flows with "gets synced" / "pushes" steps, unbolded requirement labels.
    "en-pumps-pipedrive-odoo.md": {
        "language": "en",
        "name": "Distributor RFQ funnel",
        "client": "PumpCo Industrial Ltd (Leeds, UK), B2B manufacturer of industrial pumps",
        "goals": [],
        "systems": {
            ("wordpress", "cms"),
            ("pipedrive", "crm"),
            ("brevo", "esp"),
            (A, "analytics"),
            ("ga4", "analytics"),
            ("linkedin-insight-tag", "analytics"),
            ("odoo", "other"),
            ("user", "actor"),
            ("manager", "actor"),
        },
        "parents": {"ga4": A, "linkedin-insight-tag": A},
        "products": {
            "wordpress": "WordPress",
            "pipedrive": "Pipedrive",
            "brevo": "Brevo",
            "odoo": "Odoo",
        },
        "system_ids": {"ga4": ["G-PUMP0420AB"]},
        "sections": [
            (1, "overview", None),
            (2, "integrations", "wordpress"),
            (3, "integrations", "pipedrive"),
            (4, "integrations", "brevo"),
            (5, "integrations", A),
            (6, "identifiers", None),
            (7, "flows", None),
            (8, "requirements", None),
            (9, "tests", None),
        ],
        "integrations": [
            ("2.1", "wordpress", "pipedrive"),
            ("2.2", "wordpress", A),
            ("2.3", "wordpress", A),
            ("2.4", "wordpress", "brevo"),
            ("3.1", "pipedrive", "odoo"),
            ("3.2", "pipedrive", A),
            ("3.3", "pipedrive", A),
            ("3.4", "pipedrive", "brevo"),
            ("4.1", "brevo", A),
            ("5.1", A, "pipedrive"),
        ],
        "parts": {
            "2.2": ([], ["ga4"]),
            "2.3": ([], ["linkedin-insight-tag"]),
            "3.2": ([], ["ga4"]),
            "3.3": ([], ["linkedin-insight-tag"]),
            "4.1": ([], ["ga4"]),
            "5.1": (["ga4"], []),
        },
        "statuses": {
            "2.1": ("configured", None),
            "3.2": ("needs_setup", None),
            "3.3": ("not_required", "LinkedIn campaigns optimise on rfq_submit"),
            "5.1": ("needs_setup", None),
        },
        "methods": {
            "2.1": "Webhook",
            "2.4": "Brevo form API",
            "3.1": "Zapier",
            "3.4": "Brevo app for Pipedrive",
        },
        "integration_ids": {
            "2.1": ["lead_id", "client_id", "vat_number"],
            "3.1": ["deal_id", "vat_number"],
        },
        "source_data": {"2.1": "RFQ form (product, quantity, company, VAT number)"},
        "details": {},
        "identifiers": {
            "client_id": "ga4",
            "li_fat_id": "linkedin-insight-tag",
            "lead_id": "pipedrive",
            "deal_id": "pipedrive",
            "brevo_contact_id": "brevo",
            "quote_id": "odoo",
            "vat_number": None,
        },
        "id_rules": [],
        "flows": [
            (1, "RFQ to quote", [["wordpress"], ["pipedrive"], ["odoo"]]),
            (2, "Distributor newsletter", [["wordpress"], ["brevo"], [A]]),
        ],
        "steps": {
            1: [
                ("user", "wordpress"),
                ("wordpress", "pipedrive"),
                ("wordpress", A),
                ("manager", "pipedrive"),
                ("pipedrive", "odoo"),
                ("odoo", None),
            ],
            2: [
                ("user", "wordpress"),
                ("wordpress", "brevo"),
                ("brevo", None),
                ("user", "brevo"),
                ("brevo", A),
            ],
        },
        "step_parts": {(1, 3): ([], ["ga4"]), (2, 5): ([], ["ga4"])},
        "step_methods": {
            (1, 2): "webhook",
            (1, 3): "GTM",
            (1, 5): "Zapier",
            (2, 2): "Brevo form API",
            (2, 5): "UTM parameters",
        },
        "step_ids": {(1, 3): ["client_id"], (2, 5): ["client_id"]},
        "created": {
            1: {2: ["lead_id"], 4: ["deal_id"], 5: ["quote_id"]},
            2: {2: ["brevo_contact_id"]},
        },
        "requirements": {
            "timeout": ("<=", 5.0, "s"),
            "retries": ("=", 3.0, "count"),
            "latency": ("<=", 2.0, "s"),
            "success_rate": (">=", 99.9, "percent"),
        },
        "backoff": [1.0, 2.0, 4.0],
        "tests": [["wordpress", "pipedrive"], ["pipedrive", "odoo"]],
        "problems": [],
        "info": [],
        "checked": [],
        "rows": [24, 25, 26, 27, 33, 34, 35, 36, 42, 48, 54, 55, 56, 57, 58, 59, 60, 99, 100],
        "step_lines": {1: [73, 74, 75, 76, 77, 78], 2: [82, 83, 84, 85, 86]},
    },
    # Hotel group: "## 1.0 General information" numbering, a "Notes" column after "Status" with
    # a very long cell and an empty last cell, "Flow N – ..." titles with an en dash, passive
    # English steps with a "by" agent ("The contact is synced to Klaviyo by HubSpot via ..."),
    # "gets created", an "**Important:**" note list inside the data-flow section, a latency
    # requirement in seconds above the default bound.
    "en-hotel-cloudbeds.md": {
        "language": "en",
        "name": "Direct bookings and guest lifecycle emails",
        "client": "Harbour View Hotels Ltd, three boutique hotels in Cornwall",
        "goals": [
            "Every direct booking reaches HubSpot within a minute, with its marketing source",
            "Pre-arrival and post-stay emails go out without manual exports",
        ],
        "systems": {
            ("squarespace", "cms"),
            ("hubspot", "crm"),
            ("klaviyo", "esp"),
            (A, "analytics"),
            ("ga4", "analytics"),
            ("meta-pixel", "analytics"),
            ("cloudbeds", "other"),
            ("user", "actor"),
            ("manager", "actor"),
        },
        "parents": {"ga4": A, "meta-pixel": A},
        "products": {
            "squarespace": "Squarespace",
            "hubspot": "HubSpot",
            "klaviyo": "Klaviyo",
            "cloudbeds": "Cloudbeds",
        },
        "system_ids": {},
        "sections": [
            (1, "overview", None),
            (2, "integrations", "squarespace"),
            (3, "integrations", "hubspot"),
            (4, "integrations", "klaviyo"),
            (5, "integrations", A),
            (6, "identifiers", None),
            (7, "flows", None),
            (8, "requirements", None),
            (9, "tests", None),
        ],
        "integrations": [
            ("2.1", "squarespace", "cloudbeds"),
            ("2.2", "squarespace", "klaviyo"),
            ("2.3", "squarespace", A),
            ("2.4", "squarespace", "hubspot"),
            ("3.1", "hubspot", "klaviyo"),
            ("3.2", "hubspot", A),
            ("4.1", "klaviyo", A),
            ("4.2", "klaviyo", "hubspot"),
            ("5.1", A, "klaviyo"),
        ],
        "parts": {
            "2.3": ([], ["ga4", "meta-pixel"]),
            "3.2": ([], ["ga4"]),
            "4.1": ([], ["ga4"]),
            "5.1": (["meta-pixel"], []),
        },
        "statuses": {
            "2.1": ("configured", None),
            "2.4": ("needs_setup", None),
            "3.2": ("not_required", "weddings are not advertised online"),
            "5.1": ("not_required", "audiences are used only in Meta Ads Manager"),
        },
        "methods": {
            "2.1": "Cloudbeds booking engine (iframe)",
            "2.4": "HubSpot forms API",
            "3.1": "Klaviyo HubSpot integration",
        },
        "integration_ids": {
            "2.1": ["booking_id", "client_id"],
            "3.1": ["contact_id", "email", "klaviyo_profile_id"],
        },
        "source_data": {"2.1": "Booking widget"},
        "details": {},
        "identifiers": {
            "booking_id": "cloudbeds",
            "client_id": "ga4",
            "fbp": "meta-pixel",
            "contact_id": "hubspot",
            "deal_id": "hubspot",
            "klaviyo_profile_id": "klaviyo",
            "email": None,
        },
        "id_rules": [],
        "flows": [
            (1, "Direct booking", [["squarespace"], ["cloudbeds"], ["hubspot"], ["klaviyo"]]),
            (2, "Wedding enquiry", [["squarespace"], ["hubspot"]]),
        ],
        "steps": {
            1: [
                ("user", "squarespace"),
                ("squarespace", "cloudbeds"),
                ("squarespace", A),
                ("cloudbeds", "hubspot"),
                ("hubspot", "klaviyo"),
                ("klaviyo", None),
            ],
            2: [("user", "squarespace"), ("squarespace", "hubspot"), ("manager", "hubspot")],
        },
        "step_parts": {(1, 3): ([], ["ga4"])},
        "step_methods": {
            (1, 3): "GTM",
            (1, 4): "Cloudbeds HubSpot app",
            (1, 5): "Klaviyo HubSpot integration",
            (2, 2): "HubSpot forms API",
        },
        "step_ids": {(1, 3): ["client_id"], (1, 6): []},
        "created": {
            1: {2: ["booking_id"], 4: ["contact_id"], 5: ["klaviyo_profile_id"]},
            2: {2: ["contact_id"], 3: ["deal_id"]},
        },
        "requirements": {
            "timeout": ("<=", 5.0, "s"),
            "retries": ("=", 3.0, "count"),
            "throughput": (">=", 1000.0, "per_minute"),
            "latency": ("<=", 60.0, "s"),
            "success_rate": (">=", 99.9, "percent"),
        },
        "backoff": [1.0, 2.0, 4.0],
        "tests": [["squarespace", "cloudbeds", "hubspot"], ["hubspot", "klaviyo"]],
        "problems": [],
        "info": [],
        "checked": [],
        "rows": [30, 31, 32, 33, 39, 40, 46, 47, 53, 99, 100],
        "step_lines": {1: [69, 70, 71, 72, 73, 74], 2: [78, 79, 80]},
    },
}

MAPS = list(EXPECT)

# --------------------------------------------------------------------------------------------
# Where flowviz disagrees with the human reading: (map, check[, key]) -> what differs.
# --------------------------------------------------------------------------------------------

METAL = "ru-metal-1c-erp.md"
SCHOOL = "ru-school-getcourse.md"
CLINIC = "ru-clinic-medelement.md"
BANK = "en-bank-creatio.md"
FLOWERS = "mixed-flowers-hubspot.md"
PUMPS = "en-pumps-pipedrive-odoo.md"
HOTEL = "en-hotel-cloudbeds.md"

XFAIL: dict[tuple, str] = {}
"""A known disagreement marks its case ``xfail(strict=True)`` here, with what differs."""


BATCH = Batch(DRIFT, EXPECT, XFAIL)
pytest_generate_tests = BATCH.generate_tests

# --------------------------------------------------------------------------------------------
# The checks only this batch has expectations for.
# --------------------------------------------------------------------------------------------


@per_map("project_name")
def test_project_name(model: Map, expect: Expect) -> None:
    assert model.project.name == expect["name"]


@per_map("goals")
def test_goals(model: Map, expect: Expect) -> None:
    """Section 1's goals, and only they (no system line read as a goal)."""
    assert model.project.goals == expect["goals"]


@per_map("system_ids")
def test_system_ids(model: Map, expect: Expect) -> None:
    want = expect["system_ids"]
    got = {s.id: s.ids for s in model.systems if s.id in want}
    assert got == want


@per_map("source_data")
def test_integration_source_data(model: Map, expect: Expect) -> None:
    """Source-data cells as a reader sees them (no <b> tags, brackets of data kept)."""
    got = per_row(model, expect["source_data"], lambda i: i.source_data)
    assert got == expect["source_data"]


@per_map("details")
def test_integration_details(model: Map, expect: Expect) -> None:
    """URLs and HTTP method read out of details cells (with <br> inside, or very long)."""
    got = per_row(model, expect["details"], lambda i: (i.details.urls, i.details.http_method))
    assert got == expect["details"]


@per_map("checked")
def test_check_findings(model: Map, expect: Expect) -> None:
    """The deliberate defects that `flowviz check` (not the reader) reports, on their lines."""
    found = {(d.code, d.line) for d in check(model)}
    want = {(code, line_of(model, needle)) for code, needle in expect["checked"]}
    assert want <= found


# --------------------------------------------------------------------------------------------
# Nothing lost: every table row and every flow step, counted by hand, is in the model or named
# by a diagnostic with its line.
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", MAPS)
def test_hand_counted_lines_are_rows_and_steps(name: str) -> None:
    """The hand counts themselves point at table rows and list steps (typo guard)."""
    lines = BATCH.text_lines(name)
    for n in EXPECT[name]["rows"]:
        text = lines[n - 1].strip()
        assert "|" in text or text.startswith("<tr>"), f"line {n} is no table row: {text!r}"
    for flow, numbers in EXPECT[name]["step_lines"].items():
        assert len(numbers) == len(EXPECT[name]["steps"][flow])
        for n in numbers:
            text = lines[n - 1].strip()
            assert text[:1].isdigit() or text.startswith("|"), f"line {n} is no step: {text!r}"


@per_map("nothing_lost")
def test_nothing_lost(model: Map, expect: Expect) -> None:
    kept = model_lines(model)
    reported = {d.line for d in model.diagnostics}
    step_lines = [n for numbers in expect["step_lines"].values() for n in numbers]
    lost = [n for n in [*expect["rows"], *step_lines] if n not in kept | reported]
    lines = text_lines(Path(model.file))
    assert lost == [], "\n".join(f"{n}: {lines[n - 1][:90]}" for n in lost)


@per_map("step_lines")
def test_step_lines(model: Map, expect: Expect) -> None:
    """Each flow's steps come from exactly the lines counted by hand (no sub-bullet, no line
    of a mermaid block, no table header)."""
    got = {f.number: [s.line for s in f.steps] for f in model.flows}
    assert got == expect["step_lines"]


# --------------------------------------------------------------------------------------------
# Single points worth their own test.
# --------------------------------------------------------------------------------------------


def test_empty_rows_are_no_integrations_and_no_warnings() -> None:
    """An empty table row ("|   |   |") holds no integration; it may be noted, not warned."""
    for name, needle_line in (("ru-school-getcourse.md", 42), ("mixed-flowers-hubspot.md", 44)):
        m = BATCH.read(name)
        assert needle_line not in {i.line for i in m.integrations}
        assert not [d for d in m.diagnostics if d.line == needle_line and d.severity != "info"], (
            name
        )


def test_escaped_pipe_stays_in_its_cell() -> None:
    """ru-school-getcourse.md row 2.4: "GetCourse \\| Unisender" is one method cell."""
    m = BATCH.read("ru-school-getcourse.md")
    row = line_of(m, "| 2 | Регистрация на марафон | Unisender |")
    assert not [d for d in m.diagnostics if d.line == row and d.code in ("FV102", "FV103")]
