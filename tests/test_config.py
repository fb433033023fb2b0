"""flowviz.yaml beside a map: aliases extend system resolution; bad files are clear errors."""

from __future__ import annotations

import pytest

import flowviz
from flowviz.config import Config, load_config

MAP = """\
#### 1. Общая информация о проекте и системах

**Основные системы проекта:**

- **CMS / Framework:** Tilda — shop.ru
- **CRM:** Битрикс24 — shop.bitrix24.ru

#### 2. Интеграции сайта (CMS) с внешними системами

| № | Источник данных на сайте | Получатель | Метод интеграции | Статус |
| --- | --- | --- | --- | --- |
| 1 | Форма заявки | Портал продаж | Webhook | Настроено |
| 2 | Форма заявки | Битрикс 24 | Webhook | Настроено |
| 3 | Форма звонка | Mango Office | API | Настроено |
"""


def test_product_from_section_one_is_the_crm(write_map) -> None:
    model = flowviz.load(write_map(MAP))
    crm = model.system("bitriks24")
    assert crm is not None
    assert crm.kind == "crm"
    assert crm.name == "Битрикс24"
    assert model.integrations[1].target == "bitriks24", "near-miss spelling resolves"


def test_unknown_name_becomes_an_other_system_with_an_info(write_map) -> None:
    model = flowviz.load(write_map(MAP))
    assert model.integrations[2].target == "mango-office"
    assert model.system("mango-office").kind == "other"
    infos = [d for d in model.diagnostics if d.code == "FV101"]
    assert {(d.line, d.severity) for d in infos} == {(12, "info"), (14, "info")}
    assert "'Портал продаж'" in infos[0].message


def test_aliases_in_flowviz_yaml_extend_resolution(write_map) -> None:
    path = write_map(MAP)
    (path.parent / "flowviz.yaml").write_text(
        "aliases:\n  crm: [Портал продаж]\n", encoding="utf-8"
    )
    model = flowviz.load(path)
    assert model.integrations[0].target == "bitriks24"
    assert "Портал продаж" in model.system("bitriks24").aliases
    assert [d.line for d in model.diagnostics if d.code == "FV101"] == [14]


def test_defaults_without_a_file(tmp_path) -> None:
    assert load_config(tmp_path / "map.md") == Config()


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("aliases: [1]\n", "aliases"),
        ("unknown_key: 1\n", "unknown_key"),
        ("aliases: {crm: [x]\n", "not valid YAML"),
        ("- a\n- b\n", "mapping"),
    ],
)
def test_bad_config_is_a_config_error(tmp_path, text: str, message: str) -> None:
    (tmp_path / "flowviz.yaml").write_text(text, encoding="utf-8")
    with pytest.raises(flowviz.ConfigError) as error:
        load_config(tmp_path / "map.md")
    assert message in str(error.value)
    assert "flowviz.yaml" in str(error.value)
