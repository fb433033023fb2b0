"""Synthetic integration maps of any size, shared by every benchmark.

``make_map(rows, language="ru", seed=0)`` returns a fully filled map that follows the ten-section
template (the headings and columns of ``maps/ru-petshop.md`` / ``maps/en-saas.md``):

- section 1 declares the core systems (CMS, CRM, ESP, analytics with two tools) and, in
  "Другие системы" / "Other systems", every further system (payments, telephony, ERP,
  warehouses, shops' tills, delivery, marketplaces, ...);
- exactly ``rows`` integration rows, one receiver each, spread over sections 2-5 and one extra
  integration section per further system that sends data ("11. Интеграции 1С:ERP с внешними
  системами", ...);
- identifiers defined in sections 6 and 10 and used in the rows, the sync table of section 6;
- about ``rows / 10`` flows of 3-7 steps in section 7; every system-to-system step repeats an
  integration row (same sender, same receiver, same method);
- sections 8 and 9 filled.

The same ``seed`` gives the same text. Only the standard library is used; ``--check`` (CLI)
reads the map back with flowviz and verifies counts, step counts, findings and step backing.

    python benchmarks/make_map.py ROWS [--language en] [--seed N] [-o FILE] [--check]
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

# --------------------------------------------------------------------------------------------
# Content
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Data:
    """A kind of record a system sends: the source-data cell, the object of a flow step, the
    data fields and an API resource name."""

    title: str
    phrase: str
    fields: str
    res: str
    tool: str = ""
    """For analytics: the tool (part) the data comes from."""


@dataclass(frozen=True, slots=True)
class Kind:
    """What systems of one kind own, send and receive."""

    ids: tuple[str, ...]
    sends: tuple[Data, ...]
    targets: tuple[str, ...]
    """Kinds this kind sends data to, most usual first."""
    methods: tuple[str, ...]
    """Methods by which data gets INTO a system of this kind."""
    purposes: tuple[str, ...]
    """Why data is sent to a system of this kind."""


D = Data

RU_KINDS: dict[str, Kind] = {
    "cms": Kind(
        ("order_id",),
        (
            D(
                "Форма оформления заказа (корзина)",
                "заказ",
                "имя, телефон, email, адрес доставки, состав заказа, сумма, промокод, "
                "utm_source, utm_medium, utm_campaign",
                "orders",
            ),
            D(
                "Форма обратного звонка",
                "заявку на обратный звонок",
                "имя, телефон, страница, utm_source",
                "callbacks",
            ),
            D(
                "Форма подписки на рассылку",
                "адрес из формы подписки",
                "email, имя, источник подписки, тип формы",
                "subscriptions",
            ),
            D(
                "События электронной торговли",
                "события электронной торговли",
                "event_name, items, value, currency (RUB), order_id, utm_source",
                "events",
            ),
            D(
                "Брошенные корзины",
                "брошенные корзины",
                "email, состав корзины, сумма, время последнего действия",
                "carts",
            ),
            D(
                "Отзывы о товарах",
                "отзывы о товарах",
                "артикул, оценка, текст отзыва, email",
                "reviews",
            ),
            D(
                "Регистрация в личном кабинете",
                "регистрации",
                "email, телефон, согласие на рассылку, дата регистрации",
                "accounts",
            ),
        ),
        ("crm", "esp", "analytics", "payments", "delivery", "chat", "loyalty", "erp", "sms"),
        ("REST API", "Webhook", "обмен CommerceML"),
        (
            "Актуальные цены, остатки и статусы заказов на витрине",
            "Статус заказа в личном кабинете без звонка в поддержку",
        ),
    ),
    "crm": Kind(
        ("lead_id", "contact_id"),
        (
            D(
                "Создание / обновление контакта",
                "контакт",
                "email, имя, телефон, сегмент, дата последней оплаты",
                "contacts",
            ),
            D(
                "Оплаченные заказы (сделка в статусе «Оплачено»)",
                "оплаченные заказы",
                "order_id, сумма, валюта (RUB), состав заказа, дата оплаты",
                "paid-orders",
            ),
            D(
                "Статусы сделок",
                "статусы сделок",
                "этап воронки, статус, причина отказа, дата изменения",
                "lead-statuses",
            ),
            D(
                "Сегменты для рассылок",
                "сегменты для рассылок",
                "сегмент, email, дата последней покупки, сумма покупок",
                "segments",
            ),
            D(
                "Заказы к отгрузке",
                "заказы к отгрузке",
                "адрес, состав заказа, вес, способ доставки, сумма к оплате",
                "shipments",
            ),
            D(
                "Счета на оплату",
                "счета на оплату",
                "реквизиты, сумма, НДС, срок оплаты",
                "invoices",
            ),
            D(
                "Задачи на звонок",
                "задачи на звонок",
                "телефон, время звонка, сценарий разговора",
                "call-tasks",
            ),
        ),
        ("esp", "analytics", "erp", "telephony", "sms", "delivery", "bi", "loyalty", "cms"),
        ("REST API", "Webhook", "API"),
        (
            "Создание и обновление сделки для обработки заказа и расчёта LTV",
            "Полная история покупок в карточке контакта для сегментации",
            "Атрибуция заказа к рекламному каналу для расчёта ROMI и CAC",
        ),
    ),
    "esp": Kind(
        ("subscriber_id",),
        (
            D(
                "Подписки и отписки",
                "статусы подписки",
                "email, статус подписки, список, дата события",
                "subscriptions",
            ),
            D(
                "Открытия и клики по ссылкам",
                "клики по ссылкам",
                "email, код рассылки, ссылка, дата и время клика",
                "clicks",
            ),
            D(
                "Переходы по ссылкам с UTM-метками",
                "переходы по ссылкам",
                "utm_source (unisender), utm_medium (email), utm_campaign, utm_content",
                "visits",
            ),
            D(
                "Недоставленные адреса и жалобы на спам",
                "недоставленные адреса",
                "email, тип ошибки, дата",
                "bounces",
            ),
        ),
        ("crm", "analytics"),
        ("API", "REST API"),
        (
            "Персональные письма и триггерные цепочки для роста LTV",
            "Актуальные сегменты рассылок без ручных выгрузок",
        ),
    ),
    "analytics": Kind(
        (),
        (
            D(
                "Визиты и источники трафика",
                "источники визитов",
                "utm_source, utm_medium, utm_campaign, число визитов до заказа",
                "visits",
                "Яндекс Метрика",
            ),
            D(
                "Атрибуция заказов",
                "атрибуцию заказов",
                "session_source, session_medium, session_campaign, канал первого визита",
                "attribution",
                "GA4",
            ),
            D(
                "Просмотренные категории каталога",
                "просмотренные категории",
                "категории каталога, число визитов за 30 дней, устройство, город",
                "categories",
                "Яндекс Метрика",
            ),
            D(
                "Аудитории ремаркетинга",
                "аудитории ремаркетинга",
                "название аудитории, размер, условия попадания",
                "audiences",
                "GA4",
            ),
            D(
                "Достигнутые цели",
                "достигнутые цели",
                "цель, дата, источник визита, ym_uid",
                "goals",
                "Яндекс Метрика",
            ),
        ),
        ("crm", "esp", "bi"),
        (),
        (
            "Сквозная аналитика: ROMI и CAC по рекламным каналам",
            "Учёт офлайн-конверсий для оптимизации ставок по реальной выручке",
        ),
    ),
    "payments": Kind(
        ("payment_id",),
        (
            D(
                "Подтверждение оплаты (уведомление Pay)",
                "статус оплаты",
                "сумма, дата и время оплаты, способ оплаты (карта, СБП)",
                "payments",
            ),
            D(
                "Возвраты платежей",
                "возвраты платежей",
                "сумма возврата, причина, дата",
                "refunds",
            ),
            D(
                "Фискальные чеки",
                "фискальные чеки",
                "номер чека, ФН, ФД, ФПД, сумма",
                "receipts",
            ),
            D(
                "Реестр платежей за день",
                "реестр платежей",
                "платежи, комиссия, сумма к перечислению",
                "registry",
            ),
        ),
        ("crm", "erp", "cms", "bi"),
        ("REST API", "JS-виджет"),
        (
            "Приём оплаты картой и по СБП, фискальный чек по 54-ФЗ",
            "Сверка платежей и возвратов с заказами",
        ),
    ),
    "telephony": Kind(
        ("call_id",),
        (
            D(
                "Входящие и пропущенные звонки",
                "звонки",
                "телефон, длительность, статус звонка, ссылка на запись",
                "calls",
            ),
            D(
                "Звонки с рекламных номеров (коллтрекинг)",
                "звонки с рекламных номеров",
                "номер, источник, utm_source, client_id",
                "calltracking",
            ),
            D(
                "Оценки качества разговоров",
                "оценки разговоров",
                "оценка, теги разговора, длительность",
                "ratings",
            ),
        ),
        ("crm", "analytics", "bi"),
        ("REST API", "API"),
        (
            "Автоматический обзвон и маршрутизация звонков на ответственного",
            "Напоминания о брошенной корзине звонком робота",
        ),
    ),
    "erp": Kind(
        ("invoice_id", "sku_id"),
        (
            D("Цены и остатки товаров", "цены и остатки", "sku_id, цена, остаток, склад", "stock"),
            D(
                "Справочник номенклатуры",
                "номенклатуру",
                "sku_id, наименование, категория, вес, штрихкод",
                "catalog",
            ),
            D(
                "Счета и отгрузки",
                "счета и отгрузки",
                "invoice_id, сумма, НДС, дата отгрузки",
                "invoices",
            ),
            D(
                "Статусы заказов",
                "статусы заказов",
                "order_id, статус, дата изменения",
                "order-statuses",
            ),
            D(
                "Задания на сборку",
                "задания на сборку",
                "order_id, sku_id, количество, склад, срок сборки",
                "picking",
            ),
        ),
        ("cms", "crm", "wms", "marketplace", "pos", "bi", "delivery"),
        ("обмен CommerceML", "OData", "REST API"),
        (
            "Учёт продаж, выручки и себестоимости в ERP",
            "Сверка взаиморасчётов и закрывающие документы",
        ),
    ),
    "wms": Kind(
        ("stock_doc_id",),
        (
            D("Остатки по складу", "остатки", "sku_id, количество, ячейка, резерв", "stock"),
            D(
                "Собранные заказы",
                "собранные заказы",
                "order_id, места, вес, дата сборки",
                "packed",
            ),
            D(
                "Приёмка товаров",
                "документы приёмки",
                "sku_id, количество, поставщик, дата приёмки",
                "receiving",
            ),
            D(
                "Результаты инвентаризации",
                "результаты инвентаризации",
                "sku_id, учётный и фактический остаток, расхождение",
                "inventory",
            ),
        ),
        ("erp", "delivery", "crm", "cms"),
        ("REST API", "SOAP", "RabbitMQ"),
        (
            "Резерв товара и сборка заказа на складе",
            "Актуальные остатки для планирования закупок",
        ),
    ),
    "pos": Kind(
        ("receipt_id",),
        (
            D("Чеки продаж", "чеки продаж", "sku_id, количество, цена, скидка, сумма", "sales"),
            D(
                "Возвраты в магазине",
                "возвраты",
                "receipt_id, sku_id, сумма возврата, причина",
                "returns",
            ),
            D(
                "Начисления бонусов на кассе",
                "начисления бонусов",
                "card_id, сумма покупки, бонусы",
                "bonuses",
            ),
            D("Итоги смены", "итоги смены", "выручка, число чеков, средний чек", "shifts"),
        ),
        ("erp", "crm", "loyalty", "bi", "analytics"),
        ("REST API", "RabbitMQ"),
        (
            "Единые цены и акции в офлайн-магазинах",
            "Продажи магазинов в общей отчётности",
        ),
    ),
    "delivery": Kind(
        ("tracking_id",),
        (
            D(
                "Статусы доставки",
                "статусы доставки",
                "tracking_id, статус, дата, пункт выдачи",
                "statuses",
            ),
            D(
                "Трек-номера отправлений",
                "трек-номера",
                "order_id, tracking_id, служба доставки",
                "tracks",
            ),
            D(
                "Наложенные платежи",
                "наложенные платежи",
                "order_id, сумма, дата перечисления",
                "cod",
            ),
        ),
        ("crm", "cms", "erp", "sms"),
        ("REST API", "Webhook"),
        (
            "Создание отправления и печать этикеток без ручного ввода",
            "Срок и стоимость доставки в заказе",
        ),
    ),
    "marketplace": Kind(
        ("posting_id",),
        (
            D(
                "Заказы маркетплейса",
                "заказы маркетплейса",
                "posting_id, sku_id, количество, цена, срок отгрузки",
                "postings",
            ),
            D(
                "Отчёты о реализации",
                "отчёты о реализации",
                "период, выручка, комиссия, логистика",
                "reports",
            ),
            D(
                "Возвраты маркетплейса",
                "возвраты маркетплейса",
                "posting_id, sku_id, причина возврата",
                "returns",
            ),
        ),
        ("erp", "wms", "crm", "bi"),
        ("API маркетплейса",),
        (
            "Актуальные цены и остатки на маркетплейсе без ручных правок",
            "Отгрузка заказов маркетплейса в срок",
        ),
    ),
    "chat": Kind(
        ("chat_id",),
        (
            D("Обращения в чат", "обращения из чата", "имя, телефон, email, текст", "chats"),
            D(
                "Оффлайн-сообщения",
                "оффлайн-сообщения",
                "email, телефон, текст сообщения",
                "offline",
            ),
        ),
        ("crm", "analytics"),
        ("REST API", "Webhook"),
        ("История заказов в окне чата для быстрых ответов",),
    ),
    "support": Kind(
        ("ticket_id",),
        (
            D(
                "Обращения в поддержку",
                "обращения в поддержку",
                "email, тема, категория, приоритет",
                "tickets",
            ),
            D(
                "Оценки качества поддержки",
                "оценки качества",
                "ticket_id, оценка, комментарий",
                "csat",
            ),
        ),
        ("crm", "esp", "bi"),
        ("REST API", "Webhook"),
        ("Контекст заказа в обращении для сокращения времени ответа",),
    ),
    "loyalty": Kind(
        ("card_id",),
        (
            D("Баланс бонусов", "балансы бонусов", "card_id, баланс, сгорание", "balances"),
            D(
                "Уровни программы лояльности",
                "уровни лояльности",
                "card_id, уровень, дата перехода",
                "tiers",
            ),
            D(
                "Персональные предложения",
                "персональные предложения",
                "card_id, предложение, срок действия",
                "offers",
            ),
        ),
        ("crm", "pos", "esp", "cms"),
        ("REST API",),
        ("Начисление и списание бонусов по единой программе лояльности",),
    ),
    "sms": Kind(
        ("message_id",),
        (
            D(
                "Статусы доставки SMS",
                "статусы SMS",
                "message_id, телефон, статус, дата",
                "statuses",
            ),
            D("Ответы на SMS", "ответы на SMS", "телефон, текст ответа, дата", "replies"),
        ),
        ("crm", "analytics"),
        ("REST API",),
        ("SMS-уведомления о статусе заказа и кодах подтверждения",),
    ),
    "bi": Kind(
        (),
        (),
        (),
        ("Kafka", "SFTP"),
        ("Отчётность по выручке, марже и ROMI в BI",),
    ),
}

EN_KINDS: dict[str, Kind] = {
    "cms": Kind(
        ("order_id",),
        (
            D(
                "Checkout form (cart)",
                "the order",
                "name, phone, email, shipping address, line items, total, coupon, utm_source, "
                "utm_medium, utm_campaign",
                "orders",
            ),
            D("Call-back request form", "the call-back request", "name, phone, page", "callbacks"),
            D(
                "Newsletter form",
                "the newsletter sign-up",
                "email, first name, form type, utm_source",
                "subscriptions",
            ),
            D(
                "E-commerce events",
                "e-commerce events",
                "event_name, items, value, currency (USD), order_id, utm_source",
                "events",
            ),
            D(
                "Abandoned carts",
                "abandoned carts",
                "email, cart items, total, last activity time",
                "carts",
            ),
            D("Product reviews", "product reviews", "SKU, rating, review text, email", "reviews"),
            D(
                "Account registration",
                "new registrations",
                "email, phone, marketing consent, registration date",
                "accounts",
            ),
        ),
        ("crm", "esp", "analytics", "payments", "delivery", "chat", "loyalty", "erp", "sms"),
        ("REST API", "Webhook", "GraphQL API"),
        (
            "Show current prices, stock and order status in the storefront",
            "Order status in the account area without a support call",
        ),
    ),
    "crm": Kind(
        ("lead_id", "contact_id"),
        (
            D(
                "New / updated contact",
                "the contact",
                "email, first name, phone, segment, last payment date",
                "contacts",
            ),
            D(
                "Paid orders (deal stage Paid)",
                "paid orders",
                "order_id, total, currency (USD), line items, payment date",
                "paid-orders",
            ),
            D(
                "Deal stage changes",
                "deal stage changes",
                "pipeline stage, status, lost reason, change date",
                "deal-stages",
            ),
            D(
                "Email segments",
                "email segments",
                "segment, email, last purchase date, lifetime spend",
                "segments",
            ),
            D(
                "Orders ready to ship",
                "orders ready to ship",
                "address, line items, weight, shipping method",
                "shipments",
            ),
            D("Invoices", "invoices", "billing details, total, tax, due date", "invoices"),
            D("Call tasks", "call tasks", "phone, call time, call script", "call-tasks"),
        ),
        ("esp", "analytics", "erp", "telephony", "sms", "delivery", "bi", "loyalty", "cms"),
        ("REST API", "Webhook", "API"),
        (
            "Create and update the deal for fulfilment and LTV reporting",
            "Full purchase history on the contact for segmentation",
            "Attribute the order to its ad channel for ROMI and CAC",
        ),
    ),
    "esp": Kind(
        ("subscriber_id",),
        (
            D(
                "Subscribes and unsubscribes",
                "subscription changes",
                "email, subscription status, audience, event time",
                "subscriptions",
            ),
            D(
                "Opens and link clicks",
                "link clicks",
                "email, campaign, link, click time",
                "clicks",
            ),
            D(
                "Visits from tagged links",
                "tagged visits",
                "utm_source (mailchimp), utm_medium (email), utm_campaign, utm_content",
                "visits",
            ),
            D(
                "Bounces and spam complaints",
                "bounces",
                "email, bounce type, date",
                "bounces",
            ),
        ),
        ("crm", "analytics"),
        ("API", "REST API"),
        (
            "Personal emails and triggered sequences that grow LTV",
            "Email segments kept current without manual exports",
        ),
    ),
    "analytics": Kind(
        (),
        (
            D(
                "First-touch acquisition",
                "first-touch sources",
                "first_user_source, first_user_medium, first_user_campaign, landing page",
                "acquisition",
                "GA4",
            ),
            D(
                "Order attribution",
                "order attribution",
                "session_source, session_medium, session_campaign",
                "attribution",
                "GA4",
            ),
            D(
                "Browsed categories",
                "browsed categories",
                "categories, sessions in 30 days, device, city",
                "categories",
                "GA4",
            ),
            D(
                "Remarketing audiences",
                "remarketing audiences",
                "audience name, size, membership rule",
                "audiences",
                "Meta Pixel",
            ),
            D(
                "Conversion events",
                "conversion events",
                "event_name, value, currency, event_id",
                "conversions",
                "Meta Pixel",
            ),
        ),
        ("crm", "esp", "bi"),
        (),
        (
            "End-to-end ROMI and CAC per ad channel",
            "Offline conversions so bidding optimises on real revenue",
        ),
    ),
    "payments": Kind(
        ("payment_id",),
        (
            D(
                "Payment confirmation (payment_intent.succeeded)",
                "the payment status",
                "amount, paid at, payment method (card, wallet)",
                "payments",
            ),
            D("Refunds", "refunds", "refund amount, reason, date", "refunds"),
            D("Receipts", "receipts", "receipt number, amount, tax", "receipts"),
            D("Daily payouts", "daily payouts", "payments, fees, net payout", "payouts"),
        ),
        ("crm", "erp", "cms", "bi"),
        ("REST API", "Payment Element"),
        (
            "Take card and wallet payments at checkout",
            "Reconcile payments and refunds with orders",
        ),
    ),
    "telephony": Kind(
        ("call_id",),
        (
            D(
                "Inbound and missed calls",
                "calls",
                "phone, duration, call status, recording link",
                "calls",
            ),
            D(
                "Calls from tracking numbers",
                "tracked calls",
                "number, source, utm_source, client_id",
                "calltracking",
            ),
            D("Call quality scores", "call scores", "score, call tags, duration", "ratings"),
        ),
        ("crm", "analytics", "bi"),
        ("REST API", "API"),
        (
            "Automatic dialling and routing of calls to the deal owner",
            "Abandoned-cart reminder calls",
        ),
    ),
    "erp": Kind(
        ("invoice_id", "sku_id"),
        (
            D("Prices and stock", "prices and stock", "sku_id, price, on hand, location", "stock"),
            D(
                "Item catalogue",
                "the item catalogue",
                "sku_id, name, category, weight, barcode",
                "catalog",
            ),
            D(
                "Invoices and fulfilments",
                "invoices and fulfilments",
                "invoice_id, total, tax, ship date",
                "invoices",
            ),
            D(
                "Order statuses",
                "order statuses",
                "order_id, status, change date",
                "order-statuses",
            ),
            D(
                "Pick tickets",
                "pick tickets",
                "order_id, sku_id, quantity, location, due time",
                "picking",
            ),
        ),
        ("cms", "crm", "wms", "marketplace", "pos", "bi", "delivery"),
        ("SuiteTalk REST", "REST API", "SFTP"),
        (
            "Book sales, revenue and cost of goods in the ERP",
            "Reconcile receivables and issue closing documents",
        ),
    ),
    "wms": Kind(
        ("stock_doc_id",),
        (
            D("Stock on hand", "stock levels", "sku_id, quantity, bin, reserved", "stock"),
            D("Packed orders", "packed orders", "order_id, parcels, weight, packed at", "packed"),
            D(
                "Goods received",
                "goods-received notes",
                "sku_id, quantity, supplier, received at",
                "receiving",
            ),
            D(
                "Cycle counts",
                "cycle count results",
                "sku_id, book and counted quantity, variance",
                "inventory",
            ),
        ),
        ("erp", "delivery", "crm", "cms"),
        ("REST API", "SOAP", "RabbitMQ"),
        (
            "Reserve stock and pick the order in the warehouse",
            "Current stock for purchase planning",
        ),
    ),
    "pos": Kind(
        ("receipt_id",),
        (
            D("Sales receipts", "sales receipts", "sku_id, quantity, price, discount", "sales"),
            D(
                "In-store returns",
                "in-store returns",
                "receipt_id, sku_id, refund, reason",
                "returns",
            ),
            D(
                "Points earned at the till",
                "points earned",
                "card_id, purchase amount, points",
                "points",
            ),
            D("Shift totals", "shift totals", "revenue, receipts, average ticket", "shifts"),
        ),
        ("erp", "crm", "loyalty", "bi", "analytics"),
        ("REST API", "RabbitMQ"),
        ("Same prices and promotions in physical shops", "Shop sales in company reporting"),
    ),
    "delivery": Kind(
        ("tracking_id",),
        (
            D(
                "Delivery statuses",
                "delivery statuses",
                "tracking_id, status, date, pickup point",
                "statuses",
            ),
            D(
                "Tracking numbers",
                "tracking numbers",
                "order_id, tracking_id, carrier",
                "tracks",
            ),
            D(
                "Cash on delivery",
                "cash-on-delivery remittances",
                "order_id, amount, remittance date",
                "cod",
            ),
        ),
        ("crm", "cms", "erp", "sms"),
        ("REST API", "Webhook"),
        ("Create shipments and print labels without retyping", "Delivery date and cost on order"),
    ),
    "marketplace": Kind(
        ("posting_id",),
        (
            D(
                "Marketplace orders",
                "marketplace orders",
                "posting_id, sku_id, quantity, price, ship-by date",
                "postings",
            ),
            D(
                "Settlement reports",
                "settlement reports",
                "period, sales, fees, fulfilment charges",
                "reports",
            ),
            D(
                "Marketplace returns",
                "marketplace returns",
                "posting_id, sku_id, return reason",
                "returns",
            ),
        ),
        ("erp", "wms", "crm", "bi"),
        ("Seller API",),
        ("Keep marketplace prices and stock current", "Ship marketplace orders on time"),
    ),
    "chat": Kind(
        ("chat_id",),
        (
            D("Chat conversations", "chat conversations", "name, email, phone, text", "chats"),
            D("Offline messages", "offline messages", "email, phone, message text", "offline"),
        ),
        ("crm", "analytics"),
        ("REST API", "Webhook"),
        ("Order history in the chat window for faster answers",),
    ),
    "support": Kind(
        ("ticket_id",),
        (
            D(
                "Support tickets",
                "support tickets",
                "email, subject, category, priority",
                "tickets",
            ),
            D("Satisfaction ratings", "satisfaction ratings", "ticket_id, score, comment", "csat"),
        ),
        ("crm", "esp", "bi"),
        ("REST API", "Webhook"),
        ("Order context on the ticket to cut response time",),
    ),
    "loyalty": Kind(
        ("card_id",),
        (
            D("Points balances", "points balances", "card_id, balance, expiry", "balances"),
            D("Loyalty tiers", "loyalty tiers", "card_id, tier, tier change date", "tiers"),
            D("Personal offers", "personal offers", "card_id, offer, valid until", "offers"),
        ),
        ("crm", "pos", "esp", "cms"),
        ("REST API",),
        ("Earn and burn points in one loyalty programme",),
    ),
    "sms": Kind(
        ("message_id",),
        (
            D(
                "SMS delivery receipts",
                "SMS delivery receipts",
                "message_id, phone, status, date",
                "statuses",
            ),
            D("SMS replies", "SMS replies", "phone, reply text, date", "replies"),
        ),
        ("crm", "analytics"),
        ("REST API",),
        ("SMS order updates and one-time codes",),
    ),
    "bi": Kind((), (), (), ("Kafka", "SFTP"), ("Revenue, margin and ROMI reporting in BI",)),
}

# Receiver kinds for each record a kind sends, in the order of ``Kind.sends`` (the same in both
# languages); ``Kind.targets`` is the fallback when none of them is in the map.
ROUTES: dict[str, list[tuple[str, ...]]] = {
    "cms": [
        ("crm", "payments", "erp", "loyalty"),
        ("crm", "telephony"),
        ("esp", "crm"),
        ("analytics",),
        ("esp", "crm", "telephony"),
        ("crm", "support"),
        ("crm", "esp", "loyalty"),
    ],
    "crm": [
        ("esp", "loyalty", "sms", "support"),
        ("analytics", "erp", "bi"),
        ("analytics", "cms", "sms", "bi"),
        ("esp", "sms"),
        ("delivery", "wms", "erp"),
        ("erp", "payments"),
        ("telephony",),
    ],
    "esp": [("crm",), ("crm", "analytics"), ("analytics",), ("crm",)],
    "analytics": [("crm", "bi"), ("crm", "bi"), ("crm", "esp"), ("esp", "crm"), ("crm", "bi")],
    "payments": [("crm", "cms", "erp"), ("crm", "erp"), ("erp", "crm"), ("erp", "bi")],
    "telephony": [("crm", "bi"), ("analytics", "crm"), ("crm", "bi")],
    "erp": [
        ("cms", "marketplace", "pos"),
        ("cms", "marketplace", "pos", "wms"),
        ("crm", "bi"),
        ("crm", "cms"),
        ("wms",),
    ],
    "wms": [("erp", "cms"), ("delivery", "crm", "erp"), ("erp",), ("erp", "bi")],
    "pos": [("erp", "bi", "crm"), ("erp",), ("loyalty",), ("erp", "bi")],
    "delivery": [("crm", "cms", "sms"), ("crm", "cms", "sms"), ("erp", "crm")],
    "marketplace": [("erp", "wms", "crm"), ("erp", "bi"), ("erp", "wms")],
    "chat": [("crm", "analytics"), ("crm", "support")],
    "support": [("crm", "bi"), ("crm", "bi")],
    "loyalty": [("crm", "pos", "cms"), ("crm", "esp"), ("esp", "pos", "cms")],
    "sms": [("crm",), ("crm",)],
    "bi": [],
}

# Identifier texts: description (section 6), uniqueness, format, rules, bindings (section 10).
RU_IDS: dict[str, tuple[str, str, str, str, str]] = {
    "order_id": (
        "номер заказа на сайте; связывает корзину, платёж и сделку",
        "Уникальный для каждого заказа",
        '"1839204117" (число)',
        "Создается при оформлении заказа, постоянный",
        "Передается в CRM, в платёжную систему, в службу доставки и в аналитику",
    ),
    "lead_id": (
        "ID сделки (заказа) в CRM",
        "Уникальный для каждой сделки",
        '"31874522" (число)',
        "Создается при создании сделки, постоянный",
        "Связан с order_id, client_id, ym_uid и contact_id",
    ),
    "contact_id": (
        "ID контакта в CRM; у контакта может быть много сделок",
        "Уникальный для каждого контакта",
        '"48213377" (число)',
        "Создается при первом заказе, дубли объединяются по phone и email",
        "Связан с subscriber_id, card_id и со всеми сделками",
    ),
    "subscriber_id": (
        "ID подписчика в ESP, хранится в поле контакта",
        "Уникальный для каждого подписчика",
        '"7731904512" (число)',
        "Создается при подписке или импорте из CRM, постоянный",
        "Привязка к contact_id через email, к client_id через utm_content",
    ),
    "client_id": (
        "идентификатор браузера в GA4 из cookie _ga",
        "Уникальный для браузера",
        '"1284756390.1741772400" (число.число)',
        "Создается при первом визите, хранится в cookie _ga 2 года",
        "Записывается в сделку, используется в Measurement Protocol",
    ),
    "ym_uid": (
        "идентификатор посетителя в Метрике из cookie _ym_uid",
        "Уникальный для браузера",
        '"1741772400918273645" (19 цифр)',
        "Создается при первом визите, хранится в cookie _ym_uid 1 год",
        "Записывается в сделку, ключ офлайн-конверсий и выгрузок Logs API",
    ),
    "payment_id": (
        "ID платежа в платёжной системе",
        "Уникальный для каждого платежа",
        '"2738459102" (число)',
        "Создается при оплате, постоянный",
        "Связан с order_id (invoiceId) и lead_id",
    ),
    "call_id": (
        "ID звонка в телефонии",
        "Уникальный для каждого звонка",
        '"c-48120933" (строка)',
        "Создается при начале звонка, постоянный",
        "Привязывается к contact_id по номеру телефона",
    ),
    "invoice_id": (
        "номер документа реализации в ERP",
        "Уникальный в пределах года",
        '"ЗМ-004512" (строка)',
        "Создается при отгрузке, постоянный",
        "Связан с order_id и lead_id",
    ),
    "sku_id": (
        "код номенклатуры (артикул) в ERP",
        "Уникальный для каждого товара",
        '"SKU-10482" (строка)',
        "Создается при заведении товара в ERP, не меняется",
        "Используется в каталоге сайта, на складах, на кассах и на маркетплейсах",
    ),
    "stock_doc_id": (
        "номер складского документа",
        "Уникальный в пределах склада",
        '"WH-77812" (строка)',
        "Создается при движении товара, постоянный",
        "Связан с sku_id и order_id",
    ),
    "receipt_id": (
        "номер кассового чека",
        "Уникальный в пределах кассы",
        '"0045-118273" (строка)',
        "Создается при пробитии чека, постоянный",
        "Связан с card_id и sku_id",
    ),
    "tracking_id": (
        "трек-номер отправления",
        "Уникальный для каждого отправления",
        '"1098234765" (число)',
        "Создается службой доставки при регистрации отправления",
        "Связан с order_id, передается покупателю в письме и SMS",
    ),
    "posting_id": (
        "номер отправления маркетплейса",
        "Уникальный для каждого заказа маркетплейса",
        '"39281734-0051-1" (строка)',
        "Создается маркетплейсом, постоянный",
        "Связан с sku_id и invoice_id",
    ),
    "chat_id": (
        "ID диалога в онлайн-чате",
        "Уникальный для каждого диалога",
        '"ch_5512093" (строка)',
        "Создается при первом сообщении, постоянный",
        "Привязывается к contact_id по email или телефону",
    ),
    "ticket_id": (
        "номер обращения в поддержку",
        "Уникальный для каждого обращения",
        '"#48211" (число)',
        "Создается при обращении, постоянный",
        "Привязывается к contact_id и lead_id",
    ),
    "card_id": (
        "номер карты лояльности",
        "Уникальный для каждого участника программы",
        '"7700123456789" (13 цифр)',
        "Создается при регистрации в программе, постоянный",
        "Связан с contact_id и receipt_id",
    ),
    "message_id": (
        "ID SMS-сообщения",
        "Уникальный для каждого сообщения",
        '"sm-99120345" (строка)',
        "Создается при отправке, постоянный",
        "Связан с phone и order_id",
    ),
    "email": (
        "основной идентификатор для синхронизации между CRM и ESP",
        "Уникальный для каждого покупателя",
        '"buyer@example.com" (в нижнем регистре)',
        "Приводится к нижнему регистру до записи",
        "Ключ синхронизации CRM, ESP и программы лояльности",
    ),
    "phone": (
        "ключ поиска дублей контактов в CRM",
        "Уникальный для каждого покупателя",
        '"+79990001122" (E.164)',
        "Нормализуется к формату E.164 до записи",
        "Ключ поиска контактов в CRM, телефонии и SMS",
    ),
}

EN_IDS: dict[str, tuple[str, str, str, str, str]] = {
    "order_id": (
        "order number in the store; ties the cart, the payment and the deal",
        "Unique per order",
        '"100482913" (number)',
        "Created at checkout, permanent",
        "Sent to the CRM, the payment provider, the carrier and analytics",
    ),
    "lead_id": (
        "ID of the deal in the CRM",
        "Unique per deal",
        '"18734592016" (number)',
        "Created with the deal, permanent",
        "Linked to order_id, client_id and contact_id",
    ),
    "contact_id": (
        "ID of the contact in the CRM; one contact can have many deals",
        "Unique per contact",
        '"70321458" (number)',
        "Created on the first order, deduplicated by email and phone",
        "Holds subscriber_id and card_id; linked to every deal",
    ),
    "subscriber_id": (
        "member ID in the ESP audience",
        "Unique per audience member",
        "32-character hex string",
        "Derived from the lower-cased email",
        "Bound to contact_id by email, to client_id through utm_content",
    ),
    "client_id": (
        "browser identifier from the _ga cookie",
        "Unique per browser",
        '"1298347561.1739876543" (number.number)',
        "Created on the first visit, kept in the _ga cookie for 2 years",
        "Copied to the deal; sent back in Measurement Protocol calls",
    ),
    "event_id": (
        "deduplication key of Pixel and Conversions API events",
        "Unique per event",
        '"evt_8K2QH7X1" (string)',
        "Created in the browser for every tracked event",
        "Sent with both the Pixel event and the server event",
    ),
    "payment_id": (
        "ID of the payment at the payment provider",
        "Unique per payment",
        '"pi_3Q7mXb2LkP9sD4a" (string)',
        "Created at payment, permanent",
        "Linked to order_id and lead_id",
    ),
    "call_id": (
        "ID of the call in the telephony system",
        "Unique per call",
        '"c-48120933" (string)',
        "Created when the call starts, permanent",
        "Bound to contact_id by phone number",
    ),
    "invoice_id": (
        "invoice number in the ERP",
        "Unique per year",
        '"INV-004512" (string)',
        "Created at fulfilment, permanent",
        "Linked to order_id and lead_id",
    ),
    "sku_id": (
        "item code in the ERP",
        "Unique per item",
        '"SKU-10482" (string)',
        "Created with the item in the ERP, never changes",
        "Used in the storefront, warehouses, tills and marketplaces",
    ),
    "stock_doc_id": (
        "warehouse document number",
        "Unique per warehouse",
        '"WH-77812" (string)',
        "Created for every stock movement, permanent",
        "Linked to sku_id and order_id",
    ),
    "receipt_id": (
        "till receipt number",
        "Unique per till",
        '"0045-118273" (string)',
        "Created when the receipt is printed, permanent",
        "Linked to card_id and sku_id",
    ),
    "tracking_id": (
        "parcel tracking number",
        "Unique per parcel",
        '"1Z999AA10123456784" (string)',
        "Created by the carrier when the shipment is booked",
        "Linked to order_id; sent by email and SMS",
    ),
    "posting_id": (
        "marketplace order number",
        "Unique per marketplace order",
        '"112-4829103-3381" (string)',
        "Created by the marketplace, permanent",
        "Linked to sku_id and invoice_id",
    ),
    "chat_id": (
        "ID of the chat conversation",
        "Unique per conversation",
        '"conv_5512093" (string)',
        "Created with the first message, permanent",
        "Bound to contact_id by email or phone",
    ),
    "ticket_id": (
        "support ticket number",
        "Unique per ticket",
        '"#48211" (number)',
        "Created with the ticket, permanent",
        "Bound to contact_id and lead_id",
    ),
    "card_id": (
        "loyalty card number",
        "Unique per member",
        '"7700123456789" (13 digits)',
        "Created when the member joins, permanent",
        "Linked to contact_id and receipt_id",
    ),
    "message_id": (
        "ID of the SMS message",
        "Unique per message",
        '"SM8f3c2a91d4" (string)',
        "Created when the message is sent, permanent",
        "Linked to phone and order_id",
    ),
    "email": (
        "main key between the CRM and the ESP",
        "Unique per person",
        '"jane.doe@example.com" (lower case)',
        "Stored lower-case",
        "Main key between the CRM, the ESP and the loyalty programme",
    ),
    "phone": (
        "key for finding duplicate contacts in the CRM",
        "Unique per person",
        '"+14155550123" (E.164)',
        "Normalised to E.164 before it is stored",
        "Lookup key in the CRM, telephony and SMS",
    ),
}

# The identifier each identifier is bound to in section 10's binding rules.
PARTNERS = {
    "lead_id": "order_id",
    "contact_id": "phone",
    "subscriber_id": "contact_id",
    "client_id": "lead_id",
    "ym_uid": "lead_id",
    "event_id": "client_id",
    "payment_id": "order_id",
    "call_id": "contact_id",
    "invoice_id": "order_id",
    "sku_id": "invoice_id",
    "stock_doc_id": "sku_id",
    "receipt_id": "card_id",
    "tracking_id": "order_id",
    "posting_id": "sku_id",
    "chat_id": "contact_id",
    "ticket_id": "contact_id",
    "card_id": "contact_id",
    "message_id": "phone",
}

# Further systems: (name, kind, note in section 1, API host).
RU_OTHERS: list[tuple[str, str, str, str]] = [
    ("CloudPayments", "payments", "приём платежей", "api.cloudpayments.ru"),
    ("Mango Office", "telephony", "телефония и коллтрекинг", "app.mango-office.ru"),
    ("1С:ERP", "erp", "учёт и ERP", "erp.{domain}"),
    ("МойСклад", "wms", "складской учёт", "api.moysklad.ru"),
    ("СДЭК", "delivery", "доставка", "api.cdek.ru"),
    ("DataLens", "bi", "BI-отчётность", "datalens.yandex.ru"),
    ("Ozon Seller", "marketplace", "маркетплейс", "api-seller.ozon.ru"),
    ("Jivo", "chat", "онлайн-чат", "api.jivosite.com"),
    ("Usedesk", "support", "служба поддержки", "api.usedesk.ru"),
    ("Loymax", "loyalty", "программа лояльности", "api.loymax.ru"),
    ("SMS.ru", "sms", "SMS-уведомления", "sms.ru"),
    ("Wildberries", "marketplace", "маркетплейс", "suppliers-api.wildberries.ru"),
    ("ЮKassa", "payments", "приём платежей", "api.yookassa.ru"),
    ("Boxberry", "delivery", "доставка", "api.boxberry.ru"),
    ("Sipuni", "telephony", "телефония", "sipuni.com"),
    ("1С:Бухгалтерия", "erp", "бухгалтерский учёт", "buh.{domain}"),
    ("Яндекс Маркет", "marketplace", "маркетплейс", "api.partner.market.yandex.ru"),
    ("DPD", "delivery", "доставка", "ws.dpd.ru"),
    ("ClickHouse", "bi", "хранилище данных", "dwh.{domain}"),
    ("Robokassa", "payments", "приём платежей", "auth.robokassa.ru"),
]
# fmt: off
RU_CITIES = [
    "Москва", "Казань", "Самара", "Пермь", "Уфа", "Омск", "Тюмень", "Тамбов", "Тула", "Сочи",
    "Иркутск", "Воронеж", "Саратов", "Барнаул", "Ижевск", "Ярославль", "Краснодар", "Челябинск",
    "Оренбург", "Кемерово", "Курск", "Рязань", "Липецк", "Пенза", "Астрахань", "Киров",
    "Чебоксары", "Калуга", "Тверь", "Белгород", "Владимир", "Смоленск", "Мурманск", "Сургут",
    "Вологда", "Кострома", "Брянск", "Иваново",
]
# fmt: on

EN_OTHERS: list[tuple[str, str, str, str]] = [
    ("Stripe", "payments", "payments", "api.stripe.com"),
    ("Aircall", "telephony", "telephony", "api.aircall.io"),
    ("NetSuite", "erp", "ERP", "erp.{domain}"),
    ("ShipStation", "wms", "warehouse", "ssapi.shipstation.com"),
    ("FedEx", "delivery", "shipping", "apis.fedex.com"),
    ("Looker Studio", "bi", "BI reporting", "lookerstudio.google.com"),
    ("Amazon Seller Central", "marketplace", "marketplace", "sellingpartnerapi-na.amazon.com"),
    ("Intercom", "chat", "live chat", "api.intercom.io"),
    ("Zendesk", "support", "support desk", "support.{domain}"),
    ("Yotpo", "loyalty", "loyalty programme", "loyalty.yotpo.com"),
    ("Twilio", "sms", "SMS notifications", "api.twilio.com"),
    ("eBay", "marketplace", "marketplace", "api.ebay.com"),
    ("Adyen", "payments", "payments", "checkout-live.adyen.com"),
    ("DHL", "delivery", "shipping", "express.api.dhl.com"),
    ("Talkdesk", "telephony", "contact centre", "api.talkdeskapp.com"),
    ("QuickBooks", "erp", "accounting", "quickbooks.api.intuit.com"),
    ("Walmart Marketplace", "marketplace", "marketplace", "marketplace.walmartapis.com"),
    ("Gorgias", "support", "helpdesk", "{slug}.gorgias.com"),
    ("Snowflake", "bi", "data warehouse", "dwh.{domain}"),
    ("Smile.io", "loyalty", "rewards", "api.smile.io"),
]
# fmt: off
EN_CITIES = [
    "Berlin", "Paris", "Madrid", "Lisbon", "Dublin", "London", "Boston", "Denver", "Austin",
    "Chicago", "Seattle", "Toronto", "Dallas", "Atlanta", "Miami", "Portland", "Oslo", "Vienna",
    "Prague", "Warsaw", "Munich", "Hamburg", "Lyon", "Milan", "Rome", "Zurich", "Geneva",
    "Brussels", "Helsinki", "Stockholm", "Tallinn", "Riga", "Vilnius", "Krakow", "Seville",
    "Valencia", "Porto", "Bergen",
]
# fmt: on

RU_PROJECTS = [
    ("ЗооМаркет", "zoomarket.ru", "интернет-магазин кормов и товаров для животных"),
    ("ДомТехника", "domtehnika.ru", "сеть магазинов бытовой техники"),
    ("СпортЛига", "sportliga.ru", "сеть магазинов спортивных товаров"),
    ("КнигоДом", "knigodom.ru", "книжный интернет-магазин с розничными точками"),
]
EN_PROJECTS = [
    ("Northwind Outfitters", "northwind.shop", "outdoor gear retailer"),
    ("Acme Home", "acmehome.com", "home appliance chain"),
    ("Bluebird Books", "bluebirdbooks.com", "online bookshop with high-street stores"),
    ("Peak Sports", "peaksports.com", "sporting goods chain"),
]

PEOPLE = {
    "ru": ["Дмитрий Корнеев", "Анна Белова", "Игорь Савин", "Мария Лебедева"],
    "en": ["Maya Lindqvist", "Tom Ashworth", "Priya Raman", "Lucas Moreau"],
}
OWNERS = {
    "ru": [
        "Full-Stack Developer",
        "Data Analyst",
        "Integration Engineer",
        "Marketing Automation Specialist",
    ],
    "en": [
        "Full-Stack Developer",
        "Data Analyst",
        "Integration Engineer",
        "Marketing Automation Specialist",
    ],
}
TRIGGERS = {
    "ru": [
        "при создании заказа",
        "при смене статуса",
        "раз в 15 минут",
        "при оплате",
        "ежедневно в 03:00 МСК",
        "при изменении карточки",
    ],
    "en": [
        "on order creation",
        "on status change",
        "every 15 minutes",
        "on payment",
        "daily at 03:00 UTC",
        "on record update",
    ],
}
NOT_REQUIRED = {
    "ru": [
        "объём обмена мал, данные раз в месяц выгружает бухгалтерия",
        "эти данные уже приходят через другую интеграцию раздела",
        "вернуться к вопросу после запуска второй фазы",
    ],
    "en": [
        "volume is tiny, finance exports the data once a month",
        "the same data already arrives through another integration of this section",
        "revisit after phase two goes live",
    ],
}
STATUS = {
    "ru": {"configured": "Настроено", "needs_setup": "Требует настройки", "nr": "Не требуется"},
    "en": {"configured": "Configured", "needs_setup": "Needs setup", "nr": "Not required"},
}

# --------------------------------------------------------------------------------------------
# The map being built
# --------------------------------------------------------------------------------------------


@dataclass(slots=True)
class System:
    """A system of the generated map."""

    key: str
    name: str
    kind: str
    host: str
    nom: str
    """How a flow step names it as the sender."""
    acc: str
    """How a flow step names it as the receiver, preposition included."""
    cells: tuple[str, ...]
    """Ways a receiver cell names it."""
    path: str
    """Its name in a flow title's path."""
    ids: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Target:
    """One way to address a receiver: the system, its cell text, step phrase and a fixed method
    (analytics tools take one method each)."""

    system: System
    cell: str
    acc: str
    method: str | None = None
    ids: tuple[str, ...] = ()


@dataclass(slots=True)
class Row:
    """One integration row."""

    sender: System
    target: Target
    data: Data
    method: str
    ids: list[str]
    fields: str
    purpose: str
    details: str
    status: str
    nom: str
    """The sender as a flow step names it (an analytics tool for section 5 rows)."""


@dataclass(slots=True)
class Section:
    number: int
    title: str
    source_header: str
    owner: System
    rows: list[Row] = field(default_factory=list)


@dataclass(slots=True)
class Flow:
    number: int
    title: str
    path: list[str]
    steps: list[str]
    backed: list[Row]


@dataclass(slots=True)
class Built:
    """The generated text and what it should read back into."""

    text: str
    rows: list[Row]
    flows: list[Flow]
    systems: list[System]


class _Builder:
    def __init__(self, rows: int, language: str, seed: int) -> None:
        if language not in ("ru", "en"):
            raise ValueError(f"language must be 'ru' or 'en', not {language!r}")
        if rows < 1:
            raise ValueError("rows must be at least 1")
        self.rows = rows
        self.lang = language
        self.ru = language == "ru"
        self.rng = random.Random(seed)
        self.kinds = RU_KINDS if self.ru else EN_KINDS
        for name, kind in self.kinds.items():
            if len(kind.sends) != len(ROUTES[name]):
                raise RuntimeError(f"ROUTES[{name!r}] does not match the records of {name!r}")
        self.id_texts = RU_IDS if self.ru else EN_IDS
        project, domain, about = self.rng.choice(RU_PROJECTS if self.ru else EN_PROJECTS)
        self.project, self.domain, self.about = project, domain, about
        self.slug = domain.split(".")[0]
        self.systems: list[System] = []
        self.core: dict[str, System] = {}
        self.targets: dict[str, list[Target]] = {}
        self.tools: dict[str, str] = {}
        self.notes: dict[str, str] = {}

    # -- systems ----------------------------------------------------------------------------
    def declare_systems(self) -> None:
        ru = self.ru
        if ru:
            core = [
                ("cms", "Tilda", self.domain, "Сайт", "на сайт", ("**Сайт (CMS)**", "Tilda")),
                ("crm", "amoCRM", f"{self.slug}.amocrm.ru", "amoCRM", "в amoCRM", ("**CRM**",)),
                (
                    "esp",
                    "UniSender",
                    "api.unisender.com",
                    "UniSender",
                    "в UniSender",
                    ("**ESP (Email-платформа)**", "UniSender"),
                ),
            ]
        else:
            core = [
                ("cms", "Shopify", self.domain, "The site", "to the site", ("**Site**", "Shopify")),
                ("crm", "HubSpot", "api.hubapi.com", "HubSpot", "to HubSpot", ("**CRM**",)),
                ("esp", "Mailchimp", "us21.api.mailchimp.com", "Mailchimp", "to Mailchimp", ()),
            ]
        for key, name, host, nom, acc, cells in core:
            system = System(key, name, key, host, nom, acc, (name, *cells), nom.split()[-1])
            system.ids = self.kinds[key].ids
            self.core[key] = system
        self.core["cms"].path = "Сайт" if ru else "Site"
        tools = ("GA4", "Яндекс Метрика") if ru else ("GA4", "Meta Pixel")
        group = System(
            "analytics",
            "Analytics",
            "analytics",
            "",
            "Analytics",
            "в Analytics" if ru else "to Analytics",
            (f"**Analytics ({', '.join(tools)})**",),
            "Analytics",
            ids=("client_id", "ym_uid") if ru else ("client_id", "event_id"),
        )
        self.core["analytics"] = group
        self.tools = dict(zip(tools, group.ids, strict=True))
        self.systems = list(self.core.values())
        self._declare_others()
        self._targets()

    def _declare_others(self) -> None:
        pool = list(RU_OTHERS if self.ru else EN_OTHERS)
        cities = list(RU_CITIES if self.ru else EN_CITIES)
        for city in cities:
            pool.append((f"WMS {city}", "wms", "", f"wms-{len(pool)}.{self.domain}"))
            pool.append((f"POS {city}", "pos", "", f"pos-{len(pool)}.{self.domain}"))
        wanted = max(2, min(len(pool), self.rows // 25))
        for index, (name, kind, _note, host_pattern) in enumerate(pool[:wanted]):
            acc = f"в {name}" if self.ru else f"to {name}"
            host = host_pattern.format(domain=self.domain, slug=self.slug)
            system = System(f"o{index}", name, kind, host, name, acc, (name, f"**{name}**"), name)
            system.ids = self.kinds[kind].ids
            self.systems.append(system)
        self.notes.update((name, note) for name, _k, note, _h in pool[:wanted])

    def _targets(self) -> None:
        for system in self.systems:
            if system.key != "analytics":
                self.targets.setdefault(system.kind, []).append(
                    Target(system, "", system.acc, None, system.ids)
                )
        group = self.core["analytics"]
        ga4, second = list(self.tools)
        if self.ru:
            second_acc, second_method = "в Яндекс Метрику", "API офлайн-конверсий"
        else:
            second_acc, second_method = "to Meta Pixel", "Conversions API"
        self.targets["analytics"] = [
            Target(group, group.cells[0], group.acc, None, group.ids),
            Target(
                group,
                ga4,
                f"в {ga4}" if self.ru else f"to {ga4}",
                "Measurement Protocol",
                (self.tools[ga4],),
            ),
            Target(group, second, second_acc, second_method, (self.tools[second],)),
        ]

    def _analytics_targets(self, sender: System) -> list[Target]:
        """The site tags pages for the whole group (GTM), mail and chat links carry UTM
        parameters; other systems post conversions to one tool's server API."""
        group, *tools = self.targets["analytics"]
        if sender.kind == "cms":
            return [Target(group.system, group.cell, group.acc, "GTM", group.ids)]
        if sender.kind in ("esp", "sms", "chat"):
            utm = "UTM-метки" if self.ru else "UTM parameters"
            return [Target(group.system, group.cell, group.acc, utm, group.ids)]
        return tools

    # -- integration sections ---------------------------------------------------------------
    def sections(self) -> list[Section]:
        ru = self.ru
        core_titles = (
            [
                ("Интеграции сайта (CMS) с внешними системами", "Источник данных на сайте"),
                ("Интеграции CRM с внешними системами", "Источник данных в CRM"),
                (
                    "Интеграции ESP (Email-платформы) с внешними системами",
                    "Источник данных в ESP",
                ),
                (
                    f"Интеграции аналитики ({', '.join(self.tools)}) с внешними системами",
                    "Источник данных в аналитике",
                ),
            ]
            if ru
            else [
                ("Website (CMS) integrations", "Source data on the site"),
                ("CRM integrations", "Source data in the CRM"),
                ("Email platform (ESP) integrations", "Source data in the ESP"),
                (f"Analytics ({', '.join(self.tools)}) integrations", "Source data in analytics"),
            ]
        )
        out = [
            Section(n + 2, title, header, self.core[key])
            for n, ((title, header), key) in enumerate(
                zip(core_titles, ("cms", "crm", "esp", "analytics"), strict=True)
            )
        ]
        senders = [s for s in self.systems[4:] if self.kinds[s.kind].sends]
        for system in senders[: max(0, self.rows - 4)]:
            title = (
                f"Интеграции {system.name} с внешними системами"
                if ru
                else f"{system.name} integrations"
            )
            header = f"Источник данных в {system.name}" if ru else f"Source data in {system.name}"
            out.append(Section(len(out) + 7, title, header, system))
        counts = _spread(self.rows, [1.5 if s.number <= 5 else 1.0 for s in out])
        for section, count in zip(out, counts, strict=True):
            section.rows = [self.row(section.owner) for _ in range(count)]
        return out

    def row(self, sender: System) -> Row:
        rng = self.rng
        kind = self.kinds[sender.kind]
        index = rng.randrange(len(kind.sends))
        data = kind.sends[index]
        present = [k for k in ROUTES[sender.kind][index] if self._receivers(k, sender)]
        present = present or [k for k in kind.targets if self._receivers(k, sender)]
        target = rng.choice(self._receivers(rng.choice(present or ["crm"]), sender))
        method = target.method or self._method(sender, data, target)
        if sender.key == "analytics":
            nom = data.tool
            source_ids = [self.tools[data.tool]]
        else:
            nom = sender.nom
            source_ids = list(sender.ids)
        ids = list(dict.fromkeys([*source_ids[:2], *target.ids[:2]]))
        if rng.random() < 0.3:
            ids.append(rng.choice(["email", "phone"]))
        cell = target.cell or rng.choice(target.system.cells)
        roll = rng.random()
        status = "nr" if roll < 0.04 else "needs_setup" if roll < 0.3 else "configured"
        purpose = rng.choice(self.kinds[target.system.kind].purposes)
        return Row(
            sender=sender,
            target=Target(target.system, cell, target.acc, target.method, target.ids),
            data=data,
            method=method,
            ids=ids,
            fields=data.fields,
            purpose=purpose,
            details=self._details(method, target.system, data),
            status=status,
            nom=nom,
        )

    def _receivers(self, kind: str, sender: System) -> list[Target]:
        if kind == "analytics":
            return [] if sender.key == "analytics" else self._analytics_targets(sender)
        return [t for t in self.targets.get(kind, []) if t.system is not sender]

    def _method(self, sender: System, data: Data, target: Target) -> str:
        if sender.key == "analytics":
            if self.ru:
                return "Logs API" if data.tool == "Яндекс Метрика" else "GA4 Data API"
            return "BigQuery export" if data.tool == "GA4" else "Marketing API"
        method = self.rng.choice(self.kinds[target.system.kind].methods)
        if method in ("JS-виджет", "Payment Element") and sender.kind != "cms":
            return "REST API"
        if method == "обмен CommerceML" and sender.kind not in ("erp", "wms", "crm"):
            return "REST API"
        return method

    def _details(self, method: str, receiver: System, data: Data) -> str:
        trigger = self.rng.choice(TRIGGERS[self.lang])
        token = "`Authorization: Bearer {token}`"
        host, res, dom = receiver.host, data.res, self.domain
        http = self.rng.choice(["POST", "PATCH", "PUT"])
        ru = self.ru
        texts = {
            "Webhook": f"URL webhook: https://hooks.{dom}/{res}, "
            + (f"метод: POST, формат: JSON, подпись HMAC, триггер: {trigger}" if ru else "")
            + ("" if ru else f"POST, JSON, HMAC signature, trigger: {trigger}"),
            "SOAP": f"SOAP https://{host}/ws/{res}?wsdl, "
            + ("формат: XML, Basic auth, " if ru else "XML, Basic auth, ")
            + (f"триггер: {trigger}" if ru else f"trigger: {trigger}"),
            "RabbitMQ": f"mq.{dom}, queue {res}, JSON, "
            + (f"триггер: {trigger}" if ru else f"trigger: {trigger}"),
            "Kafka": f"Kafka kafka.{dom}, topic {res}, JSON"
            + (", ежедневно в 03:00 МСК" if ru else ", daily at 03:00 UTC"),
            "SFTP": f"CSV sftp://files.{dom}/{res}"
            + (", ключ SSH из хранилища секретов" if ru else ", SSH key from the vault"),
            "обмен CommerceML": f"CommerceML 2.10 (XML): https://{host}/exchange/{res}, "
            "Basic auth из хранилища секретов, каждые 15 минут",
            "OData": f"GET https://{host}/odata/standard.odata/{res}?$format=json, Basic auth, "
            "раз в час",
            "Measurement Protocol": "POST https://www.google-analytics.com/mp/collect, "
            + ("api_secret из хранилища секретов, формат: JSON" if ru else "api_secret, JSON"),
            "API офлайн-конверсий": "POST https://api-metrika.yandex.net/management/v1/counter/"
            "93847561/offline_conversions/upload, формат: CSV, "
            "заголовки: `Authorization: OAuth {token}`, раз в час",
            "Conversions API": "POST https://graph.facebook.com/v19.0/482915736104528/events, "
            "JSON, access token from the vault, deduplicated by event_id",
            "GTM": "Контейнер GTM-ZM7Q4K2 на всех страницах, dataLayer, события: view_item, "
            "add_to_cart, begin_checkout, purchase"
            if ru
            else "GTM container GTM-BD4K9XQ on every page, dataLayer events: view_item, "
            "add_to_cart, begin_checkout, purchase",
            "UTM-метки": "UTM-разметка ссылок, utm_content = subscriber_id",
            "UTM parameters": "Link tagging with utm_content = subscriber_id",
            "Logs API": "https://api-metrika.yandex.net/management/v1/counter/93847561/"
            f"logrequests, ежедневно в 03:00 МСК, запись через API получателя, {token}",
            "GA4 Data API": "POST https://analyticsdata.googleapis.com/v1beta/properties/"
            "412873561:runReport, сервисный аккаунт, ежедневно в 04:00 МСК",
            "BigQuery export": "Daily job at 03:00 UTC on the GA4 BigQuery export, then "
            f"the receiver's API with {token}",
            "Marketing API": "GET https://graph.facebook.com/v19.0/act_4829157/customaudiences, "
            "access token from the vault, daily",
            "JS-виджет": f"Скрипт https://{host}/widget.js на странице оплаты, publicId из "
            "личного кабинета, order_id передаётся как invoiceId",
            "Payment Element": f"Payment Element on the checkout page, intents via https://{host}"
            "/v1/payment_intents, secret key from the vault",
            "API маркетплейса": f"POST https://{host}/v1/{res}, заголовки: Client-Id и Api-Key "
            "из хранилища секретов, формат: JSON, каждые 30 минут",
            "Seller API": f"POST https://{host}/v1/{res}, OAuth 2.0 refresh token from the "
            "vault, JSON, every 30 minutes",
            "SuiteTalk REST": f"https://{host}/services/rest/record/v1/{res}, OAuth 2.0, JSON, "
            f"trigger: {trigger}",
        }
        if method in texts:
            return texts[method]
        if ru:
            return (
                f"{http} https://{host}/api/v2/{res}, формат: JSON, заголовки: {token}, "
                f"триггер: {trigger}"
            )
        return f"{http} https://{host}/api/v2/{res}, JSON, {token}, trigger: {trigger}"

    # -- flows ------------------------------------------------------------------------------
    def flows(self, sections: list[Section]) -> list[Flow]:
        usable = [r for s in sections for r in s.rows if r.status != "nr"]
        by_sender: dict[str, list[Row]] = {}
        for row in usable:
            by_sender.setdefault(row.sender.key, []).append(row)
        count = max(1, round(self.rows / 10)) if usable else 0
        return [self._flow(n + 1, usable, by_sender) for n in range(count)]

    def _flow(self, number: int, usable: list[Row], by_sender: dict[str, list[Row]]) -> Flow:
        rng = self.rng
        total = rng.randint(3, 7)
        actor = rng.random() < 0.6
        internal = rng.random() < 0.4
        if total - actor - internal < 2:
            internal = False
        if total - actor - internal < 2:
            actor = False
        chain = [rng.choice(usable)]
        while len(chain) < total - actor - internal:
            chain.append(self._next(chain, usable, by_sender))
        steps = [self._step(row, n == 0) for n, row in enumerate(chain)]
        if actor:
            steps.insert(0, self._actor_step(chain[0].sender))
        if internal:
            steps.append(self._internal_step(chain[-1].target.system))
        path = [chain[0].sender.path]
        for row in chain:
            if row.sender.path != path[-1] or row.target.system.path in path:
                break
            path.append(row.target.system.path)
        title = chain[0].data.title.split(" (")[0]
        return Flow(number, title, path, steps, chain)

    def _next(self, chain: list[Row], usable: list[Row], by_sender: dict[str, list[Row]]) -> Row:
        """The next step: from the last receiver to a system not yet in the flow if possible,
        else from any system of the flow."""
        seen = {r.sender.key for r in chain} | {r.target.system.key for r in chain}
        last = by_sender.get(chain[-1].target.system.key, [])
        anywhere = [r for key in sorted(seen) for r in by_sender.get(key, [])]
        for pool in (last, anywhere):
            fresh = [r for r in pool if r.target.system.key not in seen]
            if fresh:
                return self.rng.choice(fresh)
        rest = [r for r in last or anywhere if r not in chain]
        return self.rng.choice(rest or usable)

    def _step(self, row: Row, first: bool) -> str:
        rng = self.rng
        own = [i for i in row.ids if i in row.target.ids]
        theirs = [i for i in row.ids if i not in row.target.ids and i not in ("email", "phone")]
        if own and first and rng.random() < 0.6:
            clause = f"создается {own[0]}" if self.ru else f"{own[0]} is created"
        elif own and theirs:
            clause = (
                f"привязка {theirs[0]} к {own[0]}"
                if self.ru
                else f"{theirs[0]} is tied to {own[0]}"
            )
        else:
            key = (theirs or own or ["email"])[0]
            clause = f"ключ {key}" if self.ru else f"matched on {key}"
        if self.ru:
            verb = rng.choice(["передаёт", "отправляет", "выгружает", "синхронизирует"])
            return (
                f"{row.nom} {verb} {row.data.phrase} {row.target.acc} через {row.method} ({clause})"
            )
        verb = rng.choice(["sends", "pushes", "exports", "syncs"])
        return f"{row.nom} {verb} {row.data.phrase} {row.target.acc} via {row.method} ({clause})"

    def _actor_step(self, system: System) -> str:
        """A person's action that starts a flow, in the system where it happens."""
        if self.ru:
            choices = {
                "cms": [
                    "Пользователь оформляет заказ на сайте",
                    "Пользователь заполняет форму на сайте",
                ],
                "esp": ["Пользователь кликает по ссылке в письме"],
                "analytics": ["Пользователь переходит на сайт по рекламной ссылке"],
                "crm": [f"Менеджер переводит сделку в статус «Оплачено» в {system.name}"],
            }
            default = f"Менеджер запускает обработку в {system.name}"
        else:
            choices = {
                "cms": [
                    "The user places an order on the site",
                    "The user fills in a form on the site",
                ],
                "esp": ["The user clicks a link in the email"],
                "analytics": ["A visitor lands on the site from an ad"],
                "crm": [f"The sales rep moves the deal to Won in {system.name}"],
            }
            default = f"The operator starts the run in {system.name}"
        return self.rng.choice(choices.get(system.kind, [default]))

    def _internal_step(self, system: System) -> str:
        nom = system.nom
        if self.ru:
            return f"{nom} сохраняет полученные данные и обновляет карточку"
        return f"{nom} stores the data and updates the record"

    # -- rendering --------------------------------------------------------------------------
    def build(self) -> Built:
        self.declare_systems()
        sections = self.sections()
        flows = self.flows(sections)
        parts = [
            self._head(),
            self._overview(),
            *[self._integrations(s) for s in sections[:4]],
            self._identifiers(sections),
            self._flows(flows),
            self._requirements(),
            self._tests(sections),
            self._id_schema(),
            *[self._integrations(s) for s in sections[4:]],
        ]
        text = "\n---\n\n".join(parts)
        rows = [r for s in sections for r in s.rows]
        return Built(text, rows, flows, self.systems)

    def _h(self, number: int, title: str) -> str:
        return f"{'####' if self.ru else '##'} {number}. {title}\n\n"

    def _head(self) -> str:
        if self.ru:
            return (
                f"# Карта интеграций: {self.project}\n\n"
                f"Версия 2.1 от 2026-03-12. Документ описывает обмен данными между сайтом, "
                f"amoCRM, UniSender, аналитикой и ещё {len(self.systems) - 4} системами. "
                "Изменения согласуются с CTO и вносятся сюда до начала работ.\n\n---\n\n"
                "## ЧЕКЛИСТ ОБЯЗАТЕЛЬНЫХ ПОЛЕЙ\n\n"
                "- [x] Раздел 1: Общая информация о проекте и системах\n"
                "- [x] Раздел 2: Интеграции сайта (CMS) с внешними системами\n"
                "- [x] Раздел 3: Интеграции CRM с внешними системами\n"
                "- [x] Раздел 4: Интеграции ESP (Email-платформы) с внешними системами\n"
                "- [x] Раздел 5: Интеграции аналитики с внешними системами\n"
                "- [x] Раздел 6: Идентификаторы пользователей и синхронизация данных\n"
                "- [x] Раздел 7: Схема потоков данных (визуальное описание)\n"
            )
        return (
            f"# {self.project} — Integration Map\n\n"
            "Version 2.1, 2026-03-12. How the store, HubSpot, Mailchimp, analytics and "
            f"{len(self.systems) - 4} further systems exchange data. Any new integration is "
            "added here before it is built.\n\n---\n\n"
            "## Required sections checklist\n\n"
            "- [x] Section 1: Project overview and systems\n"
            "- [x] Section 2: Website (CMS) integrations\n"
            "- [x] Section 3: CRM integrations\n"
            "- [x] Section 4: Email platform (ESP) integrations\n"
            "- [x] Section 5: Analytics integrations\n"
            "- [x] Section 6: User identifiers and data sync\n"
            "- [x] Section 7: Data flow diagram\n"
        )

    def _overview(self) -> str:
        others = ", ".join(
            f"{s.name} ({self.notes[s.name]})" if self.notes[s.name] else s.name
            for s in self.systems[4:]
        )
        core = self.core
        if self.ru:
            return (
                self._h(1, "Общая информация о проекте и системах")
                + f"- **Название проекта:** {self.project} — интеграции магазина и сквозная "
                "аналитика\n"
                f"- **Клиент:** ООО «{self.project}», {self.about}\n"
                "- **Дата создания:** 2026-03-12\n"
                f"- **Ответственный:** Chief Technology Officer (CTO), "
                f"{self.rng.choice(PEOPLE['ru'])}\n"
                "- **Источник требований:** Project_Plan.md, Marketing_Strategy.md, "
                "Creative_Package.md\n\n"
                "**Основные системы проекта:**\n\n"
                f"- **CMS / Framework:** {core['cms'].name} — {self.domain}\n"
                f"- **CRM:** {core['crm'].name} — {core['crm'].host}\n"
                f"- **ESP (Email-платформа):** {core['esp'].name} — {core['esp'].host}\n"
                "- **Analytics:** GA4, Яндекс Метрика — G-ZM4K2P9Q1L, 93847561\n"
                f"- **Другие системы:** {others} — ключи доступа в хранилище секретов\n\n"
                "**Цель интеграций:**\n\n"
                "- Передавать заказы во все системы без ручного ввода, не позже чем через "
                "2 секунды\n"
                "- Связать визит, заказ, оплату и отгрузку для сквозной аналитики (ROMI, CAC, "
                "LTV)\n"
                "- Держать цены и остатки одинаковыми на сайте, в магазинах и на "
                "маркетплейсах\n"
            )
        return (
            self._h(1, "Project overview and systems")
            + f"- **Project name:** {self.project} store integrations and attribution\n"
            f"- **Client:** {self.project} Inc., {self.about}\n"
            "- **Created:** 2026-03-12\n"
            f"- **Owner:** Chief Technology Officer (CTO), {self.rng.choice(PEOPLE['en'])}\n"
            "- **Requirements source:** Project_Plan.md, Marketing_Strategy.md, "
            "Creative_Package.md\n\n"
            "**Core systems:**\n\n"
            f"- **CMS / Framework:** {core['cms'].name} — {self.domain}\n"
            f"- **CRM:** {core['crm'].name} — {core['crm'].host}\n"
            f"- **ESP (email platform):** {core['esp'].name} — {core['esp'].host}\n"
            "- **Analytics:** GA4, Meta Pixel — G-BD7R3X5W2N, 482915736104528\n"
            f"- **Other systems:** {others} — credentials in the vault\n\n"
            "**Integration goals:**\n\n"
            "- Every order reaches every system that needs it within 2 seconds, no retyping\n"
            "- Tie visit, order, payment and shipment together for ROMI, CAC and LTV\n"
            "- Keep prices and stock the same on the site, in shops and on marketplaces\n"
        )

    def _integrations(self, section: Section) -> str:
        ru = self.ru
        head = self._h(section.number, section.title)
        if not section.rows:
            return head + ("Исходящих интеграций нет.\n" if ru else "No outgoing integrations.\n")
        columns = (
            [
                "№",
                section.source_header,
                "Получатель",
                "Метод интеграции",
                "Идентификаторы",
                "Поля данных",
                "Цель передачи",
                "Технические детали",
                "Статус",
            ]
            if ru
            else [
                "#",
                section.source_header,
                "Receiver",
                "Integration method",
                "Identifiers",
                "Data fields",
                "Purpose",
                "Technical details",
                "Status",
            ]
        )
        intro = (
            f"Исходящие интеграции {section.owner.name}: {len(section.rows)}. Запросы идут через "
            f"обработчик hooks.{self.domain} с очередью повторов.\n\n"
            if ru
            else f"Outgoing integrations of {section.owner.name}: {len(section.rows)}. Calls go "
            f"through the handler at hooks.{self.domain} with a retry queue.\n\n"
        )
        lines = [_table_row(columns), _table_row(["---"] * len(columns))]
        for n, row in enumerate(section.rows, 1):
            source = f"**{row.data.title}**"
            if row.data.tool:
                source = f"**{row.data.title} ({row.data.tool})**"
            lines.append(
                _table_row(
                    [
                        str(n),
                        source,
                        row.target.cell,
                        row.method,
                        ", ".join(row.ids),
                        row.fields,
                        row.purpose,
                        row.details,
                        self._status(row.status),
                    ]
                )
            )
        return head + intro + "\n".join(lines) + "\n"

    def _status(self, status: str) -> str:
        words = STATUS[self.lang]
        if status == "nr":
            return f"{words['nr']} — {self.rng.choice(NOT_REQUIRED[self.lang])}"
        return words[status]

    def _used_ids(self) -> list[tuple[str, str]]:
        """(identifier, owner name) of every identifier the map defines."""
        out: dict[str, str] = {}
        for system in self.systems:
            if system.key == "analytics":
                for tool, ident in self.tools.items():
                    out.setdefault(ident, tool)
            else:
                for ident in system.ids:
                    out.setdefault(ident, system.name)
        universal = "Универсальный" if self.ru else "Universal"
        out.setdefault("email", universal)
        out.setdefault("phone", universal)
        return list(out.items())

    def _identifiers(self, sections: list[Section]) -> str:
        ru = self.ru
        lines = [
            self._h(6, "Идентификаторы пользователей и синхронизация данных")
            if ru
            else self._h(6, "User identifiers and data sync"),
            "**Основные идентификаторы:**\n\n" if ru else "**Core identifiers:**\n\n",
        ]
        for ident, owner in self._used_ids():
            description = self.id_texts[ident][0]
            if owner in ("Универсальный", "Universal"):
                lines.append(f"- **{ident}** — {description}\n")
            else:
                lines.append(f"- **{ident}** ({owner}) — {description}\n")
        lines.append(
            "\n**Правила синхронизации идентификаторов:**\n\n" if ru else "\n**Sync rules:**\n\n"
        )
        columns = (
            [
                "Система-источник",
                "Идентификатор-источник",
                "Система-получатель",
                "Идентификатор-получатель",
                "Метод синхронизации",
                "Приоритет",
            ]
            if ru
            else [
                "Source system",
                "Source identifier",
                "Target system",
                "Target identifier",
                "Sync method",
                "Priority",
            ]
        )
        table = [_table_row(columns), _table_row(["---"] * len(columns))]
        seen: set[tuple[str, str]] = set()
        limit = max(5, self.rows // 15)
        for row in (r for s in sections for r in s.rows):
            pair = (row.sender.key, row.target.system.key)
            if pair in seen or len(seen) >= limit:
                continue
            seen.add(pair)
            source_ids = [i for i in row.ids if i not in row.target.ids] or ["email"]
            target_ids = [i for i in row.ids if i in row.target.ids] or source_ids[:1]
            priority = self.rng.choice(["Высокий", "Средний"] if ru else ["High", "Medium"])
            method = (
                f"{row.method} → привязка по {source_ids[0]}"
                if ru
                else f"{row.method}, matched on {source_ids[0]}"
            )
            table.append(
                _table_row(
                    [
                        f"**{row.sender.name if row.sender.key != 'analytics' else row.nom}**",
                        " / ".join(source_ids),
                        f"**{row.target.system.path}**",
                        " / ".join(target_ids),
                        method,
                        priority,
                    ]
                )
            )
        return "".join(lines) + "\n".join(table) + "\n"

    def _flows(self, flows: list[Flow]) -> str:
        ru = self.ru
        out = [
            self._h(7, "Схема потоков данных (визуальное описание)" if ru else "Data flow diagram"),
            "**Основные потоки данных:**\n" if ru else "**Main data flows:**\n",
        ]
        word = "Поток" if ru else "Flow"
        arrow = " → " if ru else " -> "
        for flow in flows:
            out.append(f"\n**{word} {flow.number}: {flow.title} ({arrow.join(flow.path)})**\n\n")
            out.extend(f"{n}. {step}\n" for n, step in enumerate(flow.steps, 1))
        return "".join(out)

    def _requirements(self) -> str:
        if self.ru:
            return (
                self._h(8, "Технические требования к интеграциям")
                + "**Общие технические требования:**\n\n"
                "- **Формат данных:** JSON для всех API и вебхуков; XML для CommerceML и SOAP, "
                "CSV для офлайн-конверсий Метрики\n"
                "- **Метод аутентификации:** OAuth 2.0, API Key, HMAC-подпись вебхуков; все "
                "ключи хранятся в хранилище секретов\n"
                f"- **Таймаут запросов:** ≤ 5 секунд на любой исходящий запрос "
                f"hooks.{self.domain}\n"
                "- **Повторные попытки:** 3 попытки с экспоненциальной задержкой (1 сек, 2 сек, "
                "4 сек)\n"
                "- **Обработка ошибок:** Логирование всех ошибок интеграций для мониторинга и "
                "отладки\n"
                "- **Безопасность:** HTTPS для всех API-запросов, проверка подписи вебхуков, "
                "персональные данные хранятся в РФ (152-ФЗ)\n\n"
                "**Требования к производительности:**\n\n"
                "- **Пропускная способность:** ≥ 1000 запросов/минуту на приёме вебхуков\n"
                "- **Задержка передачи данных:** ≤ 2 секунды от оформления заказа до сделки в "
                "CRM\n"
                "- **Надежность:** ≥ 99.9% успешных запросов за календарный месяц\n\n"
                "**Требования к мониторингу:**\n\n"
                "- Логирование всех интеграций (успешные и неуспешные запросы), хранение 90 "
                "дней\n"
                "- Алерты в Telegram-чат при ≥ 5% ошибок за 5 минут по любой интеграции\n"
                "- Дашборд в Grafana со статусом всех интеграций\n"
            )
        return (
            self._h(8, "Technical requirements") + "**General requirements:**\n\n"
            "- **Data format:** JSON for every API call and webhook; XML for SOAP, CSV over SFTP\n"
            "- **Authentication:** OAuth 2.0, API key, signed webhooks; every credential lives "
            "in the vault\n"
            f"- **Request timeout:** ≤ 5 seconds for every outgoing call from hooks.{self.domain}\n"
            "- **Retries:** 3 attempts with exponential backoff (1 s, 2 s, 4 s)\n"
            "- **Error handling:** every failed call is logged with status code and body\n"
            "- **Security:** HTTPS only, webhook signatures verified, payloads validated\n\n"
            "**Performance:**\n\n"
            "- **Throughput:** ≥ 1000 requests/minute on the webhook handler\n"
            "- **Latency:** ≤ 2 seconds from checkout to the deal in the CRM\n"
            "- **Reliability:** ≥ 99.9% successful requests per calendar month\n\n"
            "**Monitoring:**\n\n"
            "- All integration calls logged (successful and failed), kept for 90 days\n"
            "- Alerts on ≥ 5% errors within 5 minutes for any integration\n"
            "- One dashboard with the status of every integration\n"
        )

    def _tests(self, sections: list[Section]) -> str:
        ru = self.ru
        columns = (
            ["№", "Этап тестирования", "Системы", "Критерии успешности", "Ответственный", "Срок"]
            if ru
            else ["#", "Test stage", "Systems", "Success criteria", "Owner", "Deadline"]
        )
        table = [_table_row(columns), _table_row(["---"] * len(columns))]
        arrow = " → " if ru else " -> "
        number = 0
        for section in sections:
            if not section.rows:
                continue
            number += 1
            receivers = list(dict.fromkeys(r.target.system.path for r in section.rows))
            days = self.rng.randint(1, 3)
            table.append(
                _table_row(
                    [
                        str(number),
                        f"**Тестирование интеграций: {section.owner.path}**"
                        if ru
                        else f"**{section.owner.path} integrations**",
                        f"{section.owner.path}{arrow}{' / '.join(receivers)}",
                        f"Все {len(section.rows)} интеграций раздела {section.number} проходят на "
                        "тестовых данных, идентификаторы совпадают у получателей"
                        if ru
                        else f"All {len(section.rows)} integrations of section {section.number} "
                        "pass on test data, identifiers match at every receiver",
                        self.rng.choice(OWNERS[self.lang]),
                        f"{days} {'день' if days == 1 else 'дня'}"
                        if ru
                        else f"{days} day{'s' if days > 1 else ''}",
                    ]
                )
            )
        table.append(
            _table_row(
                [
                    str(number + 1),
                    "**Комплексное тестирование всех потоков данных**"
                    if ru
                    else "**End-to-end run of all flows**",
                    "Все системы" if ru else "All systems",
                    "Все потоки проходят от начала до конца, данные не теряются"
                    if ru
                    else "All flows run from start to finish, nothing is lost",
                    "CTO",
                    "3 дня" if ru else "3 days",
                ]
            )
        )
        head = (
            self._h(9, "План тестирования интеграций")
            + "Тесты идут на тестовых стендах, тестовые заказы помечаются тегом «test».\n\n"
            + "**Этапы тестирования:**\n\n"
            if ru
            else self._h(9, "Integration test plan")
            + "All tests run against sandboxes; test orders are tagged test.\n\n"
            + "**Test stages:**\n\n"
        )
        return head + "\n".join(table) + "\n"

    def _id_schema(self) -> str:
        ru = self.ru
        columns = (
            [
                "Идентификатор",
                "Система-источник",
                "Уникальность",
                "Формат",
                "Правила синхронизации",
                "Привязка к другим системам",
            ]
            if ru
            else ["Identifier", "Source system", "Uniqueness", "Format", "Sync rules", "Bindings"]
        )
        table = [_table_row(columns), _table_row(["---"] * len(columns))]
        used = self._used_ids()
        for ident, owner in used:
            _, unique, fmt, rules, bindings = self.id_texts[ident]
            table.append(_table_row([f"**{ident}**", owner, unique, fmt, rules, bindings]))
        rules_head = "**Правила привязки идентификаторов:**" if ru else "**Binding rules:**"
        defined = {i for i, _ in used}
        pairs = [(i, PARTNERS[i]) for i, _ in used if PARTNERS.get(i) in defined]
        items = []
        for n, (left, right) in enumerate(pairs, 1):
            how = self.id_texts[left][4]
            if ru:
                items.append(
                    f"{n}. **Привязка {left} к {right}:**\n\n"
                    f"   - {left} хранится в той же записи, что и {right}\n"
                    f"   - {how}\n"
                )
            else:
                items.append(
                    f"{n}. **{left} to {right}:**\n\n"
                    f"   - {left} is stored on the record that holds {right}\n"
                    f"   - {how}\n"
                )
        title = "Схема идентификаторов и привязок" if ru else "Identifier schema and bindings"
        return self._h(10, title) + "\n".join(table) + f"\n\n{rules_head}\n\n" + "\n".join(items)


def _table_row(cells: Sequence[str]) -> str:
    return "| " + " | ".join(c.replace("|", "\\|") for c in cells) + " |"


def _spread(total: int, weights: list[float]) -> list[int]:
    """``total`` split in proportion to ``weights`` (largest remainder), each at least 1 while
    ``total`` allows."""
    base = min(total, len(weights))
    counts = [1] * base + [0] * (len(weights) - base)
    rest = total - base
    whole = sum(weights)
    shares = [rest * w / whole for w in weights]
    counts = [c + int(s) for c, s in zip(counts, shares, strict=True)]
    order = sorted(range(len(weights)), key=lambda i: int(shares[i]) - shares[i])
    for i in order[: total - sum(counts)]:
        counts[i] += 1
    return counts


def build(rows: int, *, language: str = "ru", seed: int = 0) -> Built:
    """The map text with what it should read back into (rows, flows and their backing rows)."""
    return _Builder(rows, language, seed).build()


def make_map(rows: int, *, language: str = "ru", seed: int = 0) -> str:
    """A realistic, fully filled integration map with exactly ``rows`` integration rows."""
    return build(rows, language=language, seed=seed).text


# --------------------------------------------------------------------------------------------
# Self-check against flowviz
# --------------------------------------------------------------------------------------------


def check(rows: int, *, language: str = "ru", seed: int = 0) -> tuple[list[str], list[str]]:
    """Read a generated map with flowviz; return (problems, notes).

    Problems: a wrong integration count, a row read with another sender or receiver, a finding
    above ``info``, a flow with another number of steps, a system-to-system step that is not
    read as the generated row's sender, receiver and method or that no integration backs.
    Notes: ``info`` findings (a generated map should have none)."""
    import flowviz  # noqa: PLC0415 - only the self-check needs flowviz

    built = build(rows, language=language, seed=seed)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"map-{rows}-{language}.md"
        path.write_text(built.text, encoding="utf-8")
        model = flowviz.load(path)
    problems = [
        f"finding {d.code} ({d.severity}) at line {d.line}: {d.message}"
        for d in model.diagnostics
        if d.severity != "info"
    ]
    notes = [
        f"finding {d.code} (info) at line {d.line}: {d.message}"
        for d in model.diagnostics
        if d.severity == "info"
    ]
    if len(model.integrations) != len(built.rows):
        problems.append(f"{len(model.integrations)} integrations read, {len(built.rows)} generated")
    ids = {s.name: s.id for s in model.systems}

    def edge(row: Row) -> tuple[str | None, str | None, str]:
        return ids.get(row.sender.name), ids.get(row.target.system.name), row.method

    for n, (row, read) in enumerate(zip(built.rows, model.integrations, strict=False), 1):
        if edge(row) != (read.source, read.target, read.method):
            problems.append(
                f"row {n} (line {read.line}): read {read.source} -> {read.target}, "
                f"generated {edge(row)[:2]}"
            )
    if len(model.flows) != len(built.flows):
        problems.append(f"{len(model.flows)} flows read, {len(built.flows)} generated")
    edges = {(i.source, i.target, i.method) for i in model.integrations}
    actors = {s.id for s in model.systems if s.kind == "actor"}
    for flow, made in zip(model.flows, built.flows, strict=False):
        if len(flow.steps) != len(made.steps):
            problems.append(
                f"flow {flow.number}: {len(flow.steps)} steps read, {len(made.steps)} generated"
            )
        steps = [s for s in flow.steps if s.source and s.target and s.source not in actors]
        read = [(s.source, s.target, s.method) for s in steps]
        if read != [edge(r) for r in made.backed]:
            problems.append(
                f"flow {flow.number}: system steps read as {read}, "
                f"generated {[edge(r) for r in made.backed]}"
            )
        problems += [
            f"flow {flow.number} step {s.number}: no integration {s.source} -> {s.target} "
            f"via {s.method!r}"
            for s, key in zip(steps, read, strict=True)
            if key not in edges
        ]
    return problems, notes


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("rows", type=int, help="number of integration table rows")
    parser.add_argument("--language", choices=["ru", "en"], default="ru")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("-o", "--output", type=Path, help="write here instead of stdout")
    parser.add_argument(
        "--check", action="store_true", help="read the map back with flowviz and report problems"
    )
    args = parser.parse_args(argv)
    if args.rows < 1:
        parser.error("ROWS must be at least 1")
    if args.check:
        problems, notes = check(args.rows, language=args.language, seed=args.seed)
        for line in problems + notes:
            print(line, file=sys.stderr)
        print(
            f"{args.rows} rows, {args.language}, seed {args.seed}: "
            + ("OK" if not problems else f"{len(problems)} problem(s)")
        )
        return 1 if problems else 0
    text = make_map(args.rows, language=args.language, seed=args.seed)
    if args.output is None:
        sys.stdout.write(text)
    else:
        args.output.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
