"""The words flowviz's pictures use, per map language (titles, legends, tooltip labels), and
how a text is cut to fit a label."""

from __future__ import annotations

from typing import Literal

Language = Literal["ru", "en"]

WORDS: dict[str, dict[str, str]] = {
    "ru": {
        "overview": "Интеграции",
        "architecture": "Архитектура",
        "flow": "Поток {number}: {title}",
        "identifiers": "Идентификаторы и синхронизация",
        "system": "{name}: связи",
        "filter": "фильтр",
        "legend": "Легенда",
        "steps": "Шаги",
        "not_drawn": "не нарисовано",
        "undrawn": "Не на схеме: не названа система",
        "shared": "Общие идентификаторы",
        "cms": "Сайт (CMS)",
        "crm": "CRM",
        "esp": "Email-платформа (ESP)",
        "analytics": "Аналитика",
        "other": "Другая система",
        "actor": "Человек",
        "group": "Группа целиком",
        "configured": "настроено",
        "needs_setup": "требует настройки",
        "not_required": "не требуется",
        "unknown": "статус не указан",
        "mixed": "разные статусы",
        "rule": "правило синхронизации",
        "binding": "привязка",
        "source_data": "Источник данных",
        "target": "Получатель",
        "method": "Метод",
        "identifiers_fact": "Идентификаторы",
        "fields": "Поля данных",
        "purpose": "Цель",
        "details": "Технические детали",
        "status": "Статус",
        "justification": "Обоснование",
        "line": "строка",
        "step": "Шаг",
        "created": "Создаётся",
        "priority": "Приоритет",
        "note": "—",
        "kind": "Роль",
        "product": "Продукт",
        "url": "Адрес",
        "ids": "ID",
        "aliases": "Также",
        "no_sender": "отправитель не назван: нет стрелки",
        "mermaid_omitted": (
            "Mermaid рисует на одной схеме не больше {edges} связей и {chars} знаков; "
            "не показаны ({count}): {ids}."
        ),
    },
    "en": {
        "overview": "Integrations",
        "architecture": "Architecture",
        "flow": "Flow {number}: {title}",
        "identifiers": "Identifiers and sync",
        "system": "{name}: connections",
        "filter": "filter",
        "legend": "Legend",
        "steps": "Steps",
        "not_drawn": "not drawn",
        "undrawn": "Not drawn: no system named",
        "shared": "Shared identifiers",
        "cms": "Website (CMS)",
        "crm": "CRM",
        "esp": "Email platform (ESP)",
        "analytics": "Analytics",
        "other": "Other system",
        "actor": "Person",
        "group": "Whole group",
        "configured": "configured",
        "needs_setup": "needs setup",
        "not_required": "not required",
        "unknown": "status not given",
        "mixed": "mixed statuses",
        "rule": "sync rule",
        "binding": "binding",
        "source_data": "Source data",
        "target": "Receiver",
        "method": "Method",
        "identifiers_fact": "Identifiers",
        "fields": "Data fields",
        "purpose": "Purpose",
        "details": "Technical details",
        "status": "Status",
        "justification": "Justification",
        "line": "line",
        "step": "Step",
        "created": "Created",
        "priority": "Priority",
        "note": "—",
        "kind": "Role",
        "product": "Product",
        "url": "Address",
        "ids": "IDs",
        "aliases": "Also",
        "no_sender": "no sender named: no arrow",
        "mermaid_omitted": (
            "Mermaid draws at most {edges} links and {chars} characters in one diagram; "
            "left out ({count}): {ids}."
        ),
    },
}


def word(language: Language, key: str, **values: object) -> str:
    """The word for ``key`` in ``language`` with ``values`` filled in.

    >>> word("en", "flow", number=2, title="Checkout")
    'Flow 2: Checkout'
    >>> word("ru", "configured")
    'настроено'
    """
    return WORDS[language][key].format(**values)


def fact_label(language: Language, key: str) -> str:
    """The tooltip label of a fact key (``identifiers`` has its own key: it is also a title)."""
    return WORDS[language]["identifiers_fact" if key == "identifiers" else key]


LABEL_MAX = 24
"""Longest edge label before it is shortened with an ellipsis."""


def shorten(text: str, limit: int = LABEL_MAX) -> str:
    """``text`` on one line, cut to ``limit`` characters with an ellipsis.

    >>> shorten("Measurement Protocol / Conversion API", 20)
    'Measurement Protoco…'
    >>> shorten("  two\\nlines ")
    'two lines'
    """
    if len(text) <= limit and text.isprintable() and "  " not in text and text == text.strip():
        return text
    flat = " ".join(text.split())
    if len(flat) <= limit:
        return flat
    return flat[: limit - 1].rstrip(" ,;/·-…") + "…"
