"""Views over the model: filters and transforms that every renderer can start from."""

from __future__ import annotations

from flowviz.model import Map
from flowviz.secrets import redact_data


def redacted(model: Map, allow: list[str] | tuple[str, ...] = ()) -> Map:
    """The model with every secret in its text cut to four characters and a mask."""
    data = model.model_dump(mode="json", by_alias=True)
    cleaned = redact_data(data, allow)
    return model if cleaned is data else Map.model_validate(cleaned)
