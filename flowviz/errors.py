"""The one error family of flowviz: every unusable input raises a FlowvizError."""

from __future__ import annotations


class FlowvizError(Exception):
    """Base of every error flowviz raises on purpose; printed as ``path:line: message``."""

    def __init__(self, message: str, path: str | None = None, line: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.path = path
        self.line = line

    def __str__(self) -> str:
        where = self.path or ""
        if where and self.line:
            where = f"{where}:{self.line}"
        return f"{where}: {self.message}" if where else self.message


class MapError(FlowvizError):
    """The map file cannot be read as an integration map at all."""


class ConfigError(FlowvizError):
    """``flowviz.yaml`` beside a map is malformed."""


class UsageError(FlowvizError):
    """A command names something the map does not have (a view, system or identifier)."""
