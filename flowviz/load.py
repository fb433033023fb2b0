"""``load(path) -> Map``: pick the reader by the file's kind (Markdown or flowviz YAML/JSON)."""

from __future__ import annotations

import json
from pathlib import Path

from flowviz.config import Config, load_config
from flowviz.errors import MapError
from flowviz.model import SCHEMA, Map
from flowviz.parse.markdown import read_markdown
from flowviz.source import SourceText, read_source

DATA_SUFFIXES = {".yaml", ".yml", ".json"}


def load(path: str | Path, config: Config | None = None) -> Map:
    """Read the map at ``path``; raise MapError (or ConfigError) when it cannot be used."""
    source = read_source(path)
    if Path(path).suffix.lower() in DATA_SUFFIXES:
        return read_data(source)
    return read_markdown(source, config if config is not None else load_config(path))


def read_data(source: SourceText) -> Map:
    """A map written as flowviz YAML or JSON (what ``export`` writes) back into the model."""
    data = _json(source) if source.path.lower().endswith(".json") else _yaml(source)
    return _validate(data, source)


def _json(source: SourceText) -> object:
    try:
        return json.loads(source.text)
    except json.JSONDecodeError as exc:
        raise MapError(f"not valid JSON ({exc.msg})", source.path, exc.lineno) from None


def _yaml(source: SourceText) -> object:
    import yaml  # noqa: PLC0415 (only YAML maps need it)

    try:
        # libyaml's loader when PyYAML has it (ten times faster), else PyYAML's own
        return yaml.load(source.text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else 1
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise MapError(f"not valid YAML ({problem})", source.path, line) from None


def _validate(data: object, source: SourceText) -> Map:
    """The export's data as the model, or a MapError naming the first bad field."""
    if not isinstance(data, dict) or data.get("schema") != SCHEMA:
        raise MapError(f"not a flowviz map export: expected 'schema: {SCHEMA}'", source.path, 1)
    from pydantic import ValidationError  # noqa: PLC0415 (only data maps are validated)

    try:
        return relocate(Map.model_validate(data), source.path)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        raise MapError(f"invalid map data at {where}: {first['msg']}", source.path, 1) from None


def relocate(model: Map, path: str) -> Map:
    """The model as read from ``path``: its findings name that file; every object keeps the
    line of the Markdown it came from."""
    diagnostics = [d.model_copy(update={"file": path}) for d in model.diagnostics]
    return model.model_copy(update={"file": path, "diagnostics": diagnostics})


__all__ = ["load", "read_data", "relocate"]
