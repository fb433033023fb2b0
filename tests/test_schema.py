"""The published JSON Schema of flowviz/map@1 is generated from the model and kept in sync."""

from __future__ import annotations

import json
import os

import flowviz
from flowviz.model import Map
from flowviz.render.data import map_data
from tests.conftest import ROOT, SEED

SCHEMA_FILE = ROOT / "docs" / "schema" / "map-1.json"


def current_schema() -> str:
    schema = Map.model_json_schema(by_alias=True, mode="serialization")
    return json.dumps(schema, ensure_ascii=False, indent=2) + "\n"


def test_schema_file_is_up_to_date() -> None:
    text = current_schema()
    if os.environ.get("FLOWVIZ_UPDATE_GOLDEN"):
        SCHEMA_FILE.write_text(text, encoding="utf-8")
    assert SCHEMA_FILE.read_text(encoding="utf-8") == text, "run 'make golden'"


def test_export_has_the_documented_top_level_keys() -> None:
    data = map_data(flowviz.load(SEED))
    assert list(data) == [
        "schema",
        "file",
        "language",
        "project",
        "sections",
        "systems",
        "integrations",
        "identifiers",
        "id_rules",
        "bindings",
        "flows",
        "requirements",
        "tests",
        "checklist",
        "diagnostics",
    ]
