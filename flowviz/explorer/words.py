"""The explorer's words, per map language; column names and statuses it shares with the HTML
report and the pictures come from ``render.html_words`` and ``wording``."""

from __future__ import annotations

from flowviz.render.html_words import say
from flowviz.wording import Language

EXPLORER_WORDS: dict[str, dict[str, str]] = {
    "ru": {
        "title": "Карта интеграций",
        "map": "Карта",
        "upload": "Или загрузите карту (.md, .yaml, .json)",
        "no_maps": "В папке {root} нет карт (.md, .yaml, .json): загрузите карту.",
        "filters": "Фильтры",
        "view": "Вид",
        "view_overview": "обзор",
        "view_flow": "поток",
        "view_identifiers": "идентификаторы",
        "view_system": "система",
        "system": "Система",
        "identifier": "Идентификатор",
        "status": "Статус",
        "method": "Метод",
        "flow": "Поток",
        "direction": "Направление",
        "direction_in": "входящие",
        "direction_out": "исходящие",
        "direction_both": "в обе стороны",
        "depth": "Глубина",
        "any": "все",
        "fig_systems": "Системы",
        "fig_integrations": "Интеграции",
        "fig_configured": "Настроено",
        "fig_placeholders": "Незаполненные поля",
        "fig_errors": "Ошибки",
        "fig_warnings": "Предупреждения",
        "fig_info": "К сведению",
        "picture": "Схема",
        "downloads": "Скачать вид",
        "tables": "Таблицы",
        "steps": "Шаги потоков",
        "csv": "Скачать CSV",
        "flow_number": "Поток",
        "step": "Шаг",
        "text": "Текст",
        "priority": "Приоритет",
        "system_needed": "Вид «система»: выберите систему в фильтрах; пока показан обзор.",
        "unknown_value": "В ссылке неизвестное значение фильтра «{name}»: {value}; оно отброшено.",
        "not_drawn": "Не на схеме ({count}): {items}",
        "empty_view": "В этом виде нет связей.",
    },
    "en": {
        "title": "Integration map",
        "map": "Map",
        "upload": "Or upload a map (.md, .yaml, .json)",
        "no_maps": "No maps (.md, .yaml, .json) in {root}: upload one.",
        "filters": "Filters",
        "view": "View",
        "view_overview": "overview",
        "view_flow": "flow",
        "view_identifiers": "identifiers",
        "view_system": "system",
        "system": "System",
        "identifier": "Identifier",
        "status": "Status",
        "method": "Method",
        "flow": "Flow",
        "direction": "Direction",
        "direction_in": "into it",
        "direction_out": "out of it",
        "direction_both": "both ways",
        "depth": "Depth",
        "any": "all",
        "fig_systems": "Systems",
        "fig_integrations": "Integrations",
        "fig_configured": "Configured",
        "fig_placeholders": "Open placeholders",
        "fig_errors": "Errors",
        "fig_warnings": "Warnings",
        "fig_info": "Info",
        "picture": "Diagram",
        "downloads": "Download the view",
        "tables": "Tables",
        "steps": "Flow steps",
        "csv": "Download CSV",
        "flow_number": "Flow",
        "step": "Step",
        "text": "Text",
        "priority": "Priority",
        "system_needed": "The system view needs a system: choose one in the filters; "
        "the overview is shown meanwhile.",
        "unknown_value": "Unknown value of the '{name}' filter in the link: {value}; dropped.",
        "not_drawn": "Not in the diagram ({count}): {items}",
        "empty_view": "Nothing to draw in this view.",
    },
}


def tell(language: Language, key: str, **values: object) -> str:
    """The explorer's word for ``key`` in ``language`` (else the report's or the pictures'
    word), filled in.

    >>> tell("en", "depth")
    'Depth'
    >>> tell("ru", "configured")
    'настроено'
    """
    table = EXPLORER_WORDS[language]
    return table[key].format(**values) if key in table else say(language, key, **values)
