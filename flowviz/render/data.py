"""The model as JSON or YAML data (schema ``flowviz/map@1``): deterministic, UTF-8, one
trailing newline."""

from __future__ import annotations

import json
import re
from typing import Any

import yaml

from flowviz.model import Map


def map_data(model: Map) -> dict[str, Any]:
    """The model as plain JSON-able data with the documented key names."""
    return model.model_dump(mode="json", by_alias=True)


def to_json(model: Map) -> str:
    """The model as pretty-printed JSON."""
    return json.dumps(map_data(model), ensure_ascii=False, indent=2) + "\n"


class _Dumper(getattr(yaml, "CSafeDumper", yaml.SafeDumper)):  # type: ignore[misc]
    """Safe YAML with block style for multi-line strings, written by libyaml's emitter when
    PyYAML has it (ten times faster than its own)."""


_BREAKS_YAML_FOLDS = re.compile("[\x85\u2028\u2029]")
_BLOCK_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]")


def _str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    """Multi-line text as a literal block; text with characters that YAML folds or cannot
    print in a block (NEL, line and paragraph separators, controls) double-quoted, where
    they are escaped, so the text reads back unchanged."""
    style = None
    if _BREAKS_YAML_FOLDS.search(value):
        style = '"'
    elif "\n" in value and not _BLOCK_UNSAFE.search(value) and value == value.strip(" \t"):
        style = "|"
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _str)


def to_yaml(model: Map) -> str:
    """The model as YAML that ``flowviz.load`` reads back into the same model."""
    return yaml.dump(
        map_data(model), Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=100
    )
