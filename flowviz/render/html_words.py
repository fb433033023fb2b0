"""The words of the HTML report, per map language; the words it shares with the pictures
(statuses, column names) come from ``flowviz.wording``."""

from __future__ import annotations

from flowviz.wording import WORDS, Language

REPORT_WORDS: dict[str, dict[str, str]] = {
    "ru": {
        "report": "Карта интеграций",
        "client": "Клиент",
        "date": "Дата создания",
        "owner": "Ответственный",
        "sources": "Источник требований",
        "goals": "Цели интеграций",
        "contents": "Содержание",
        "search": "Поиск по таблицам",
        "search_hint": "слово, система, идентификатор…",
        "system_filter": "Система",
        "all_systems": "все системы",
        "rows_shown": "строк показано",
        "systems": "Системы",
        "name": "Название",
        "number": "№",
        "line_column": "Строка",
        "sender": "Отправитель",
        "receiver": "Получатель",
        "data": "Данные",
        "picture": "Схема",
        "integrations": "Интеграции",
        "identifier": "Идентификатор",
        "id_owner": "Где создаётся",
        "description": "Описание",
        "format": "Формат",
        "uniqueness": "Уникальность",
        "sync": "Синхронизация",
        "bindings": "Привязки",
        "id_rules": "Правила синхронизации идентификаторов",
        "source_system": "Система-источник",
        "source_ids": "Идентификаторы источника",
        "target_system": "Система-получатель",
        "target_ids": "Идентификаторы получателя",
        "binding": "Правило",
        "flows": "Потоки данных",
        "path": "Путь",
        "what_happens": "Что происходит",
        "findings": "Замечания проверки",
        "severity": "Уровень",
        "code": "Код",
        "message": "Сообщение",
        "hint": "Как исправить",
        "error": "ошибка",
        "warning": "предупреждение",
        "info": "к сведению",
        "no_rows": "Нет строк.",
        "no_findings": "Замечаний нет.",
        "summary": "Систем: {systems} · интеграций: {integrations} · потоков: {flows}",
        "made_by": "Сделано flowviz {version} из {file}.",
    },
    "en": {
        "report": "Integration map",
        "client": "Client",
        "date": "Created",
        "owner": "Owner",
        "sources": "Requirements from",
        "goals": "Integration goals",
        "contents": "Contents",
        "search": "Search the tables",
        "search_hint": "word, system, identifier…",
        "system_filter": "System",
        "all_systems": "all systems",
        "rows_shown": "rows shown",
        "systems": "Systems",
        "name": "Name",
        "number": "No.",
        "line_column": "Line",
        "sender": "Sender",
        "receiver": "Receiver",
        "data": "Data",
        "picture": "Diagram",
        "integrations": "Integrations",
        "identifier": "Identifier",
        "id_owner": "Created in",
        "description": "Description",
        "format": "Format",
        "uniqueness": "Uniqueness",
        "sync": "Sync",
        "bindings": "Bindings",
        "id_rules": "Identifier sync rules",
        "source_system": "Source system",
        "source_ids": "Source identifiers",
        "target_system": "Target system",
        "target_ids": "Target identifiers",
        "binding": "Rule",
        "flows": "Data flows",
        "path": "Path",
        "what_happens": "What happens",
        "findings": "Check findings",
        "severity": "Severity",
        "code": "Code",
        "message": "Message",
        "hint": "How to fix",
        "error": "error",
        "warning": "warning",
        "info": "info",
        "no_rows": "No rows.",
        "no_findings": "No findings.",
        "summary": "Systems: {systems} · integrations: {integrations} · flows: {flows}",
        "made_by": "Made by flowviz {version} from {file}.",
    },
}


def say(language: Language, key: str, **values: object) -> str:
    """The report's word for ``key`` in ``language`` (else the pictures' word), filled in.

    >>> say("en", "findings")
    'Check findings'
    >>> say("ru", "needs_setup")
    'требует настройки'
    >>> say("en", "summary", systems=3, integrations=5, flows=1)
    'Systems: 3 · integrations: 5 · flows: 1'
    """
    table = REPORT_WORDS[language]
    return (table[key] if key in table else WORDS[language][key]).format(**values)
