"""``flowviz.yaml`` beside a map: one documented schema for every per-map setting."""

from __future__ import annotations

from pathlib import Path

from flowviz.errors import ConfigError
from flowviz.records import Field, Record, record

CONFIG_NAME = "flowviz.yaml"


@record
class RequirementBounds(Record):
    """The limits section 8's figures should stay within (the template's own values)."""

    timeout_max: float = Field(5.0, description="Request timeout at most, seconds.")
    retries_min: int = Field(3, description="Retry attempts at least.")
    throughput_min: float = Field(1000.0, description="Requests per minute at least.")
    latency_max: float = Field(2.0, description="Transfer latency at most, seconds.")
    success_rate_min: float = Field(99.9, description="Successful requests at least, percent.")


@record
class Config(Record):
    """Settings read from ``flowviz.yaml`` next to the map; every key is optional."""

    aliases: dict[str, list[str]] = Field(
        default_factory=dict,
        description="System (id, role or any name the map uses) -> further names for it.",
    )
    ignore: list[str] = Field(default_factory=list, description="Finding codes to switch off.")
    requirements: RequirementBounds = Field(
        default_factory=RequirementBounds, description="Bounds for section 8."
    )
    products: dict[str, list[str]] = Field(
        default_factory=dict,
        description="More well-known products by category (crm, esp, messenger, ...) -> names; "
        "a document not in the template's shape takes its systems from them.",
    )
    secrets_allowlist: list[str] = Field(
        default_factory=list, description="Cell values that look like secrets but are not."
    )


def load_config(map_path: str | Path) -> Config:
    """The ``flowviz.yaml`` beside ``map_path``, or the defaults when there is none."""
    path = Path(map_path).parent / CONFIG_NAME
    if not path.is_file():
        return Config()
    import yaml  # noqa: PLC0415 (only when there is a flowviz.yaml)

    shown = str(path)
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except UnicodeDecodeError:
        raise ConfigError("file is not UTF-8", shown, 1) from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else 1
        raise ConfigError(
            f"not valid YAML ({getattr(exc, 'problem', None) or exc})", shown, line
        ) from None
    if data is None:
        return Config()
    if not isinstance(data, dict):
        raise ConfigError("expected a mapping of settings at the top level", shown, 1)
    from pydantic import ValidationError  # noqa: PLC0415 (only a flowviz.yaml is validated)

    try:
        return Config.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"]) or "(top level)"
        raise ConfigError(f"{where}: {first['msg']}", shown, 1) from None
