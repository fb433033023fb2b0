"""The model as JSON or YAML data (schema ``flowviz/map@1``): deterministic, UTF-8, one
trailing newline."""

from __future__ import annotations

import json
from typing import Any

import yaml

from flowviz.model import Map


def map_data(model: Map) -> dict[str, Any]:
    """The model as plain JSON-able data with the documented key names."""
    return model.model_dump(mode="json", by_alias=True)


def to_json(model: Map) -> str:
    """The model as pretty-printed JSON."""
    return json.dumps(map_data(model), ensure_ascii=False, indent=2) + "\n"


class _Dumper(yaml.SafeDumper):
    """Safe YAML with block style for multi-line strings."""


def _str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    style = "|" if "\n" in value and not value.endswith((" ", "\t")) and "\r" not in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _str)


def to_yaml(model: Map) -> str:
    """The model as YAML that ``flowviz.load`` reads back into the same model."""
    return yaml.dump(
        map_data(model), Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=100
    )
