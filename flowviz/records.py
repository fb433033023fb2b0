"""The base of the model's classes: frozen dataclasses that answer pydantic's calls.

Reading and checking a map only builds and walks these objects, so a ``flowviz check`` never
imports pydantic (about 0.2 s of a fresh process, half a save hook's budget). What
needs pydantic builds a ``TypeAdapter`` of the class on first use: validating data into the
model (``model_validate``: YAML/JSON maps, the redacted model) and the JSON Schema
(``model_json_schema``). pydantic reads each field's description and alias from the field's
metadata, and ``extra="forbid"`` from ``__pydantic_config__``.

``model_dump`` and ``model_copy`` are plain Python: the model holds only text, numbers,
booleans, ``None``, lists, string-keyed dicts and records, which dump as they are.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Callable, Collection
from functools import cache
from typing import (
    TYPE_CHECKING,
    Any,
    ClassVar,
    Literal,
    TypeVar,
    dataclass_transform,
    get_args,
    get_origin,
    get_type_hints,
)

if TYPE_CHECKING:
    from typing import Self

    from pydantic import TypeAdapter

Mode = Literal["python", "json"]
T = TypeVar("T")


def Field(
    default: Any = dataclasses.MISSING,
    *,
    default_factory: Callable[[], Any] | Any = dataclasses.MISSING,
    description: str,
    alias: str | None = None,
) -> Any:
    """A field with its description (and alias) for the JSON Schema; required if no default."""
    metadata = {"description": description}
    if alias is not None:
        metadata["alias"] = alias
    return dataclasses.field(default=default, default_factory=default_factory, metadata=metadata)


@dataclass_transform(kw_only_default=True, frozen_default=True, field_specifiers=(Field,))
def record(cls: type[T]) -> type[T]:
    """Make ``cls`` a model class: a slotted dataclass of keyword-only fields that cannot
    change. Its ``__init__``, equality, hash and repr are ``Record``'s, written once for every
    class: a dataclass's own are generated and compiled per class, which cost half the import
    time of the model."""
    return dataclasses.dataclass(init=False, repr=False, eq=False, kw_only=True, slots=True)(cls)


class Record:
    """Base of every model object: immutable, strict about unknown keys."""

    __slots__ = ()
    __pydantic_config__: ClassVar[dict[str, Any]] = {"extra": "forbid"}

    def __init__(self, **values: Any) -> None:
        cls = type(self)
        for name, default, factory in _inits(cls):
            if name in values:
                value = values[name]
            elif factory is not _MISSING:
                value = factory()
            elif default is not _MISSING:
                value = default
            else:
                raise TypeError(f"{cls.__qualname__}() missing keyword argument {name!r}")
            object.__setattr__(self, name, value)
        if not values.keys() <= _names(cls):
            unknown = sorted(values.keys() - _names(cls))
            raise TypeError(f"{cls.__qualname__}() got unexpected keyword arguments {unknown}")

    def __setattr__(self, name: str, value: object) -> None:
        raise dataclasses.FrozenInstanceError(f"cannot assign to field {name!r}")

    def __delattr__(self, name: str) -> None:
        raise dataclasses.FrozenInstanceError(f"cannot delete field {name!r}")

    def __getstate__(self) -> tuple[Any, ...]:
        return self._values()

    def __setstate__(self, state: tuple[Any, ...]) -> None:
        for (name, _), value in zip(_keys(type(self)), state, strict=True):
            object.__setattr__(self, name, value)

    @classmethod
    def text_fields(cls) -> tuple[str, ...]:
        """The names of the fields that can hold text (a string, a record, or a container of
        them), in order: what a walk over the model's texts needs to visit."""
        return _text_fields(cls)

    def _values(self) -> tuple[Any, ...]:
        return tuple(getattr(self, name) for name, _ in _keys(type(self)))

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return self._values() == other._values()  # type: ignore[attr-defined]

    def __hash__(self) -> int:
        return hash(self._values())

    def __repr__(self) -> str:
        shown = ", ".join(f"{name}={getattr(self, name)!r}" for name, _ in _keys(type(self)))
        return f"{type(self).__qualname__}({shown})"

    def model_dump(
        self, *, mode: Mode = "python", by_alias: bool = False, exclude: Collection[str] = ()
    ) -> dict[str, Any]:
        """The record as a dict of plain values (the same in both modes), fields in order;
        ``exclude`` names top-level fields to leave out."""
        del mode
        return {
            (alias if by_alias else name): _plain(getattr(self, name), by_alias)
            for name, alias in _keys(type(self))
            if name not in exclude
        }

    def model_dump_json(self, *, by_alias: bool = False) -> str:
        """``model_dump`` as compact JSON text, non-ASCII letters as they are."""
        return json.dumps(
            self.model_dump(by_alias=by_alias), ensure_ascii=False, separators=(",", ":")
        )

    def model_copy(self, *, update: dict[str, Any] | None = None) -> Self:
        """A copy with the fields of ``update`` replaced (not validated)."""
        return dataclasses.replace(self, **(update or {}))

    @classmethod
    def model_validate(cls, data: object) -> Self:
        """``data`` (as ``model_dump(by_alias=True)`` gives it) validated into the model;
        raises ``pydantic.ValidationError``."""
        return _adapter(cls).validate_python(data)

    @classmethod
    def model_json_schema(
        cls, *, by_alias: bool = True, mode: Literal["validation", "serialization"] = "validation"
    ) -> dict[str, Any]:
        """The JSON Schema of the class, as pydantic generates it."""
        return _adapter(cls).json_schema(by_alias=by_alias, mode=mode)


def _plain(value: Any, by_alias: bool) -> Any:
    if isinstance(value, Record):
        return value.model_dump(by_alias=by_alias)
    if isinstance(value, list | tuple):
        return [_plain(item, by_alias) for item in value]
    if isinstance(value, dict):
        return {key: _plain(item, by_alias) for key, item in value.items()}
    return value


_MISSING = dataclasses.MISSING


@cache
def _inits(cls: type[Record]) -> tuple[tuple[str, Any, Any], ...]:
    """Each field's name, default and default factory, in order."""
    return tuple((f.name, f.default, f.default_factory) for f in dataclasses.fields(cls))


@cache
def _names(cls: type[Record]) -> frozenset[str]:
    return frozenset(name for name, _ in _keys(cls))


@cache
def _text_fields(cls: type[Record]) -> tuple[str, ...]:
    hints = get_type_hints(cls)
    return tuple(name for name, _ in _keys(cls) if _holds_text(hints[name]))


def _holds_text(hint: Any) -> bool:
    """Whether a value of type ``hint`` can hold free text (a ``Literal`` cannot)."""
    if hint is str or (isinstance(hint, type) and issubclass(hint, Record)):
        return True
    origin = get_origin(hint)
    if origin is Literal:
        return False
    args = get_args(hint)
    if origin is dict:
        return _holds_text(args[1])
    return any(_holds_text(arg) for arg in args)


@cache
def _keys(cls: type[Record]) -> tuple[tuple[str, str], ...]:
    """Each field's name and its key by alias, in order."""
    return tuple(
        (field.name, field.metadata.get("alias", field.name)) for field in dataclasses.fields(cls)
    )


@cache
def _adapter(cls: type[Record]) -> TypeAdapter[Any]:
    from pydantic import TypeAdapter  # noqa: PLC0415 (only validation and the schema need it)

    return TypeAdapter(cls)
