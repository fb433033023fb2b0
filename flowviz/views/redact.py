"""Views over the model: filters and transforms that every renderer can start from."""

from __future__ import annotations

from flowviz.model import Map
from flowviz.secrets import any_secret_in_json, redact_data


def redacted(model: Map, allow: list[str] | tuple[str, ...] = ()) -> Map:
    """The model with every secret in its text cut to four characters and a mask."""
    if not any_secret_in_json(model.model_dump_json(by_alias=True), allow):
        return model
    return Map.model_validate(redact_data(model.model_dump(mode="json", by_alias=True), allow))
