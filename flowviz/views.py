"""Views over the model: filters and transforms that every renderer can start from."""

from __future__ import annotations

from flowviz.model import Map
from flowviz.render.data import map_data
from flowviz.secrets import redact_data


def redacted(model: Map, allow: list[str] | tuple[str, ...] = ()) -> Map:
    """The model with every secret in its text cut to four characters and a mask."""
    return Map.model_validate(redact_data(map_data(model), allow))
