"""flowviz: integration maps (Markdown or YAML) read into a typed graph of systems,
integrations, identifiers and data flows."""

from __future__ import annotations

from flowviz.errors import ConfigError, FlowvizError, MapError
from flowviz.load import load
from flowviz.model import Map

__version__ = "0.1.0"
__all__ = ["ConfigError", "FlowvizError", "Map", "MapError", "__version__", "load"]
