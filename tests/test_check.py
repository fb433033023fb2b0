"""Each rule of `flowviz check`, on a small clean map and on a copy that breaks it once."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

import flowviz
from flowviz.check import check
from flowviz.config import Config, RequirementBounds
from tests.conftest import FIXTURES

CLEAN = (FIXTURES / "check" / "clean.md").read_text(encoding="utf-8")
SECRET = "sk_live_4eC39HqLyjWDarjtT1zdp7dc"


def line_of(text: str, snippet: str) -> int:
    """1-based line of the first line holding ``snippet``."""
    for number, line in enumerate(text.splitlines(), start=1):
        if snippet in line:
            return number
    raise AssertionError(f"{snippet!r} not in the map")


def column_of(text: str, snippet: str) -> int:
    line = text.splitlines()[line_of(text, snippet) - 1]
    return line.index(snippet) + 1


def replace(old: str, new: str):
    def mutate(text: str) -> str:
        assert old in text, old
        return text.replace(old, new, 1)

    return mutate


def cut(start: str, end: str):
    def mutate(text: str) -> str:
        a, b = text.index(start), text.index(end)
        return text[:a] + text[b:]

    return mutate


@dataclass(frozen=True)
class Case:
    mutate: object
    code: str
    where: str
    """A snippet of the expected line in the mutated map ('' for line 1)."""
    column_at: str | None = None
    severity: str = "warning"


CASES = {
    "FV201 missing section": Case(
        cut("#### 9. План", "#### 10. Схема"), "FV201", "", severity="error"
    ),
    "FV202 empty section": Case(
        cut("- **Таймаут запросов:**", "#### 9. План"), "FV202", "#### 8.", severity="error"
    ),
    "FV203 role without its section": Case(
        cut("#### 4. Интеграции ESP", "#### 5. Интеграции"), "FV203", "**ESP (Email"
    ),
    "FV204 checklist names a missing section": Case(
        replace("- [x] Раздел 7: Схема потоков данных", "- [x] Раздел 11: Интеграции ERP"),
        "FV204",
        "Раздел 11",
    ),
    "FV210 placeholder": Case(
        replace("| Битрикс24 | Webhook |", "| Битрикс24 | [Например: Webhook] |"),
        "FV210",
        "[Например: Webhook]",
        column_at="[Например: Webhook]",
    ),
    "FV210 placeholder in the test plan": Case(
        replace("| Developer | 1 день |", "| Developer | [Например: 1 день] |"),
        "FV210",
        "[Например: 1 день]",
        column_at="[Например: 1 день]",
    ),
    "FV211 section not required without reason": Case(
        replace(
            "| № | Источник данных в ESP |",
            "Не требуется\n\n| № | Источник данных в ESP |",
        ),
        "FV211",
        "Не требуется",
    ),
    "FV211 not required without reason": Case(
        replace("Не требуется — атрибуция в GA4", "Не требуется"), "FV211", "| Не требуется |"
    ),
    "FV230 step without integration": Case(
        replace(
            "3. CRM отправляет",
            "3. UniSender отправляет клики в GA4 через API\n4. CRM отправляет",
        ),
        "FV230",
        "UniSender отправляет клики",
    ),
    "FV231 step backed only the other way": Case(
        replace(
            "3. CRM отправляет",
            "3. CRM передает статус в UniSender через Webhook\n4. CRM отправляет",
        ),
        "FV231",
        "CRM передает статус",
        severity="info",
    ),
    "FV232 other method": Case(
        replace("в CRM через Webhook", "в CRM через REST API"),
        "FV232",
        "в CRM через REST API",
        severity="info",
    ),
    "FV233 path names a system no step has": Case(
        replace("(Сайт → CRM → Analytics)", "(Сайт → CRM → UniSender → Analytics)"),
        "FV233",
        "**Поток 1",
    ),
    "FV234 path pair without a step": Case(
        replace("(Сайт → CRM → Analytics)", "(Сайт → Analytics → CRM)"), "FV234", "**Поток 1"
    ),
    "FV235 step system not in the path": Case(
        replace("(Сайт → CRM → Analytics)", "(Сайт → CRM)"),
        "FV235",
        "3. CRM отправляет покупку",
        severity="info",
    ),
    "FV240 undefined identifier": Case(
        replace("| lead_id, client_id | имя", "| lead_id, client_id, order_id | имя"),
        "FV240",
        "order_id",
        column_at="lead_id, client_id, order_id",
    ),
    "FV241 unused identifier": Case(
        replace(
            "- **email** — универсальный", "- **phone** — телефон\n- **email** — универсальный"
        ),
        "FV241",
        "**phone**",
        severity="info",
    ),
    "FV250 system not listed in section 1": Case(
        replace("- **Analytics:** GA4 — G-BAKE12345\n", ""), "FV250", "| Analytics (GA4) |"
    ),
    "FV251 integration without receiver": Case(
        replace("| Форма подписки | UniSender |", "| Форма подписки |  |"),
        "FV251",
        "| Форма подписки |",
        severity="error",
    ),
    "FV260 requirement missing": Case(
        replace("- **Таймаут запросов:** ≤ 5 секунд\n", ""), "FV260", "#### 8."
    ),
    "FV261 requirement out of bounds": Case(
        replace("≤ 5 секунд", "≤ 30 секунд"), "FV261", "≤ 30 секунд"
    ),
    "FV270 secret in a cell": Case(
        replace("POST, JSON | Настроено", f"POST, JSON, key: {SECRET} | Настроено"),
        "FV270",
        SECRET,
        column_at="POST, JSON, key:",
    ),
    "FV102 row with a missing cell": Case(
        replace(
            "| 1 | Сайт и CRM | Сайт → CRM | Лид создается | Developer | 1 день |",
            "| 1 | Сайт и CRM | Сайт → CRM | Лид создается | Developer |",
        ),
        "FV102",
        "| Лид создается | Developer |",
    ),
    "FV103 row with an extra cell": Case(
        replace("| Developer | 1 день |", "| Developer | 1 день | лишнее |"), "FV103", "лишнее"
    ),
    "FV108 identifier row without a name": Case(
        replace("| client_id | GA4 | на браузер |", "|  | GA4 | на браузер |"),
        "FV108",
        "|  | GA4 | на браузер |",
    ),
    "FV107 steps under a heading that is no flow title": Case(
        replace("**Поток 1: Заказ (Сайт → CRM → Analytics)**\n", "**Заказ**\n"),
        "FV107",
        "1. Пользователь заполняет",
    ),
    "FV109 steps under a label that names flows in general": Case(
        replace("**Поток 1: Заказ (Сайт → CRM → Analytics)**\n", "**Основные потоки:**\n"),
        "FV109",
        "1. Пользователь заполняет",
    ),
    "FV110 bullet of section 10 that is no binding rule": Case(
        replace(
            "| email | Универсальный | на человека | email | нормализуется | все системы |",
            "| email | Универсальный | на человека | email | нормализуется | все системы |\n\n"
            "- Все идентификаторы хранятся в CRM",
        ),
        "FV110",
        "- Все идентификаторы хранятся в CRM",
        severity="info",
    ),
}


def _load(write_map, text: str, config: Config | None = None):
    model = flowviz.load(write_map(text))
    return check(model, config or Config())


def test_the_clean_map_has_no_findings(write_map) -> None:
    assert _load(write_map, CLEAN) == []


@pytest.mark.parametrize("name", sorted(CASES))
def test_rule_triggers_on_its_line(name: str, write_map) -> None:
    case = CASES[name]
    text = case.mutate(CLEAN)
    found = [f for f in _load(write_map, text) if f.code == case.code]
    assert found, f"{case.code} not reported"
    line = line_of(text, case.where) if case.where else 1
    assert line in [f.line for f in found], [(f.line, f.message) for f in found]
    hit = next(f for f in found if f.line == line)
    assert hit.severity == case.severity
    assert hit.file.endswith("map.md")
    if case.column_at:
        assert hit.column == column_of(text, case.column_at)


def test_a_section_that_says_why_it_is_not_required_is_not_empty(write_map) -> None:
    text = cut("| № | Источник данных в ESP |", "#### 5. Интеграции")(CLEAN)
    text = text.replace(
        "#### 4. Интеграции ESP (Email-платформы) с внешними системами\n",
        "#### 4. Интеграции ESP (Email-платформы) с внешними системами\n\n"
        "Не требуется — UniSender только принимает данные.\n\n",
    )
    found = _load(write_map, text)
    assert [(f.code, f.message) for f in found] == []


def test_placeholder_finding_names_section_and_column(write_map) -> None:
    text = CASES["FV210 placeholder"].mutate(CLEAN)
    hit = next(f for f in _load(write_map, text) if f.code == "FV210")
    assert hit.section == "2"
    assert "'method'" in hit.message
    assert "'Webhook'" in hit.message


def test_secret_is_never_repeated(write_map) -> None:
    text = CASES["FV270 secret in a cell"].mutate(CLEAN)
    for finding in _load(write_map, text):
        assert SECRET not in finding.message
        assert SECRET[:5] not in finding.message
    hit = next(f for f in _load(write_map, text) if f.code == "FV270")
    assert "sk_l" in hit.message
    assert "redact" in hit.message


def test_secret_allowlist(write_map) -> None:
    text = CASES["FV270 secret in a cell"].mutate(CLEAN)
    config = Config(secrets_allowlist=[SECRET])
    assert [f for f in _load(write_map, text, config) if f.code == "FV270"] == []


def test_bounds_come_from_flowviz_yaml(write_map) -> None:
    text = CASES["FV261 requirement out of bounds"].mutate(CLEAN)
    config = Config(requirements=RequirementBounds(timeout_max=60))
    assert [f for f in _load(write_map, text, config) if f.code == "FV261"] == []


def test_ignore_switches_rules_off(write_map) -> None:
    text = CASES["FV241 unused identifier"].mutate(CLEAN)
    model = flowviz.load(write_map(text))
    assert check(model, Config(), ignore=["fv241"]) == []
    assert check(model, Config(ignore=["FV241"])) == []


def test_seed_template_reports_placeholders_and_nothing_about_flows() -> None:
    model = flowviz.load(FIXTURES / "seed-template.md")
    found = check(model)
    placeholder_sections = {f.section for f in found if f.code == "FV210"}
    assert {"1", "2", "3", "4", "5"} <= placeholder_sections
    assert "9" in placeholder_sections
    flow_codes = {"FV230", "FV231", "FV232", "FV233", "FV234"}
    assert [f for f in found if f.code in flow_codes] == []
    assert [f for f in found if f.severity == "error"] == []
    flow_section = next(s for s in model.sections if s.kind == "flows")
    in_flows = [f for f in found if flow_section.line <= f.line <= flow_section.end_line]
    assert {f.severity for f in in_flows} <= {"info"}


@pytest.mark.parametrize("path", sorted((Path(__file__).parent.parent / "maps").glob("*.md")))
def test_bundled_maps_have_no_errors_or_warnings(path: Path) -> None:
    found = check(flowviz.load(path))
    assert [(f.line, f.code, f.message) for f in found if f.severity != "info"] == []
