"""The explorer's own words, per map language. A word the HTML report or the pictures already
have (a column name, a status, the title) is not repeated here: ``tell`` falls back to
``render.html_words.say``, which falls back to ``wording.word``."""

from __future__ import annotations

from flowviz.render.html_words import say
from flowviz.wording import Language

EXPLORER_WORDS: dict[str, dict[str, str]] = {
    "ru": {
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
        "downloads": "Скачать вид",
        "tables": "Таблицы",
        "steps": "Шаги потоков",
        "csv": "Скачать CSV",
        "text": "Текст",
        "system_needed": "Вид «система»: выберите систему в фильтрах; пока показан обзор.",
        "unknown_value": "В ссылке неизвестное значение фильтра «{name}»: {value}; оно отброшено.",
        "not_drawn": "Не на схеме ({count}): {items}",
        "empty_view": "В этом виде нет связей.",
        "player": "Проигрыватель потока",
        "previous": "← Назад",
        "next": "Вперёд →",
        "step_of": "Шаг {number} из {total}",
        "step_line": "строка {line}",
        "no_steps": "В этом потоке нет шагов.",
        "tracer": "Путь идентификатора",
        "trace": "Идентификатор для трассировки",
        "hop_from": "Откуда",
        "hop_to": "Куда",
        "hop_role": "Роль",
        "hop_member": "Элемент карты",
        "role_creates": "создаёт",
        "role_sends": "отправляет",
        "role_receives": "получает",
        "role_maps": "сопоставляет",
        "edge_rows": "Строки выбранной на схеме связи {edge}: {count}",
        "all_rows": "Показать все строки",
        "focus": "Карта большая ({count} систем): показано окружение системы {system} на "
        "глубину 1. Уберите фильтр системы, чтобы увидеть всю карту.",
        "graph_help": "Колесо: масштаб; перетаскивание: сдвиг; щелчок по системе: фильтр; "
        "по связи: её строки в таблице.",
    },
    "en": {
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
        "downloads": "Download the view",
        "tables": "Tables",
        "steps": "Flow steps",
        "csv": "Download CSV",
        "text": "Text",
        "system_needed": "The system view needs a system: choose one in the filters; "
        "the overview is shown meanwhile.",
        "unknown_value": "Unknown value of the '{name}' filter in the link: {value}; dropped.",
        "not_drawn": "Not in the diagram ({count}): {items}",
        "empty_view": "Nothing to draw in this view.",
        "player": "Flow player",
        "previous": "← Previous",
        "next": "Next →",
        "step_of": "Step {number} of {total}",
        "step_line": "line {line}",
        "no_steps": "This flow has no steps.",
        "tracer": "Identifier tracer",
        "trace": "Identifier to trace",
        "hop_from": "From",
        "hop_to": "To",
        "hop_role": "Role",
        "hop_member": "Map item",
        "role_creates": "creates",
        "role_sends": "sends",
        "role_receives": "receives",
        "role_maps": "maps",
        "edge_rows": "Rows of the link chosen in the diagram {edge}: {count}",
        "all_rows": "Show all rows",
        "focus": "A large map ({count} systems): the neighbourhood of {system} is shown at "
        "depth 1. Clear the system filter to see the whole map.",
        "graph_help": "Wheel: zoom; drag: pan; click a system: filter by it; "
        "click a link: its rows in the table.",
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
