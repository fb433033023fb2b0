"""The redacted model that every picture and export is drawn from: each text of the model with
its secrets cut to four characters and a mask, and everything else the very same objects."""

from __future__ import annotations

from typing import Any

from flowviz.model import Map
from flowviz.records import Record
from flowviz.secrets import find_secrets, redact


def redacted(model: Map, allow: list[str] | tuple[str, ...] = ()) -> Map:
    """The model with every secret in its text cut to four characters and a mask; ``model``
    itself when it holds none. Each distinct text is looked at once, and only the records on
    the way to a changed text are copied."""
    allowed = tuple(allow)
    if not any(find_secrets(text, allowed) for text in _texts(model)):
        return model
    return _redacted(model, {}, allowed)


def _texts(model: Map) -> set[str]:
    """Every distinct non-empty text of the model (one quick walk, no copies)."""
    found: set[str] = set()
    stack: list[Any] = [model]
    while stack:
        value = stack.pop()
        if isinstance(value, Record):
            items: Any = [getattr(value, name) for name in value.text_fields()]
        elif type(value) is dict:
            items = value.values()
        else:
            items = value
        for item in items:
            if type(item) is str:
                found.add(item)
            elif item:
                stack.append(item)
    found.discard("")
    return found


def _redacted(value: Any, seen: dict[str, str], allow: tuple[str, ...]) -> Any:
    kind = type(value)
    if kind is str:
        cut = seen.get(value)
        if cut is None:
            cut = seen[value] = redact(value, allow) if value else value
        return value if cut == value else cut
    if kind is list or kind is tuple:
        items = [_redacted(item, seen, allow) for item in value]
        return value if _same(value, items) else kind(items)
    if kind is dict:
        items = [_redacted(item, seen, allow) for item in value.values()]
        return value if _same(value.values(), items) else dict(zip(value, items, strict=True))
    if isinstance(value, Record):
        return _record(value, seen, allow)
    return value


def _record(value: Record, seen: dict[str, str], allow: tuple[str, ...]) -> Record:
    names = value.text_fields()
    old = [getattr(value, name) for name in names]
    new = [_redacted(item, seen, allow) for item in old]
    changed = {name: b for name, a, b in zip(names, old, new, strict=True) if a is not b}
    return value.model_copy(update=changed) if changed else value


def _same(old: Any, new: list[Any]) -> bool:
    return all(a is b for a, b in zip(old, new, strict=True))
