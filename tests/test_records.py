"""The model's classes are plain frozen dataclasses (reading and checking never import
pydantic), yet they answer pydantic's calls exactly as pydantic models would: the same dumps,
the same validation, the same JSON Schema (tests/test_schema.py)."""

from __future__ import annotations

import dataclasses
import json
import pickle

import pytest
from pydantic import TypeAdapter, ValidationError

import flowviz
from flowviz.config import Config
from flowviz.model import Details, Diagnostic, Integration, Map, System
from tests.conftest import EXAMPLES, FIXTURES, SEED

MAPS = [*EXAMPLES, SEED, *sorted((FIXTURES / "hostile").glob("*.md"))]
MAPS += sorted((FIXTURES / "secrets").glob("*.md"))


@pytest.fixture(scope="module", params=MAPS, ids=lambda path: path.name)
def model(request: pytest.FixtureRequest) -> Map:
    return flowviz.load(request.param)


def test_the_dump_is_the_one_pydantic_makes_of_the_same_model(model: Map) -> None:
    adapter = TypeAdapter(Map)
    for by_alias in (True, False):
        ours = model.model_dump(mode="json", by_alias=by_alias)
        assert ours == adapter.dump_python(model, mode="json", by_alias=by_alias)
        assert list(ours) == list(adapter.dump_python(model, by_alias=by_alias))
    assert model.model_dump_json(by_alias=True) == adapter.dump_json(model, by_alias=True).decode()


def test_a_dumped_model_validates_back_into_an_equal_model(model: Map) -> None:
    data = json.loads(json.dumps(model.model_dump(mode="json", by_alias=True)))
    again = Map.model_validate(data)
    assert again == model
    assert all(type(row) is Integration for row in again.integrations)


def test_exclude_leaves_out_top_level_fields(model: Map) -> None:
    data = model.model_dump(by_alias=True, exclude={"diagnostics", "flows"})
    assert "diagnostics" not in data and "flows" not in data and data["schema"] == "flowviz/map@1"


def system(**changes: object) -> System:
    return System(**{"id": "amocrm", "name": "amoCRM", "kind": "crm", **changes})


def test_fields_are_keyword_only_with_their_defaults() -> None:
    made = system()
    assert made.ids == [] and made.parent is None and made.line is None
    assert system().ids is not made.ids, "each record gets its own list"
    assert Details().text == ""
    with pytest.raises(TypeError, match="missing keyword argument 'kind'"):
        System(id="amocrm", name="amoCRM")  # type: ignore[call-arg]
    with pytest.raises(TypeError, match="unexpected keyword arguments \\['colour'\\]"):
        system(colour="blue")
    with pytest.raises(TypeError):
        System("amocrm", "amoCRM", "crm")  # type: ignore[misc]


def test_records_cannot_change() -> None:
    made = system()
    with pytest.raises(dataclasses.FrozenInstanceError):
        made.name = "Bitrix24"  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        del made.name  # type: ignore[misc]
    assert made.model_copy(update={"name": "Bitrix24"}).name == "Bitrix24"
    assert made.name == "amoCRM"


def test_equality_hash_repr_and_pickle_go_by_the_fields() -> None:
    assert system() == system() and system() != system(name="Bitrix24")
    assert system() != Details(text="amoCRM")
    found = Diagnostic(code="FV101", severity="error", file="m.md", line=3, message="m")
    assert hash(found) == hash(found.model_copy()) and {found, found.model_copy()} == {found}
    assert repr(Details(text="x")) == (
        "Details(text='x', urls=[], http_method=None, format=None, auth=None, trigger=None)"
    )
    assert pickle.loads(pickle.dumps(system(ids=["1"]))) == system(ids=["1"])


def test_validation_is_pydantics_and_strict_about_unknown_keys() -> None:
    with pytest.raises(ValidationError, match="colour"):
        System.model_validate({"id": "a", "name": "A", "kind": "crm", "colour": "blue"})
    with pytest.raises(ValidationError, match="kind"):
        System.model_validate({"id": "a", "name": "A", "kind": "printer"})
    assert Config.model_validate({"ignore": ["FV101"]}).ignore == ["FV101"]
    assert Map.model_json_schema()["properties"]["schema"]["const"] == "flowviz/map@1"
