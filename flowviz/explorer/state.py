"""The filters as the page's URL keeps them: query parameters read into a ``Choice`` and
written back, each value checked against the map (an unknown one is dropped and named, never
an error).

In the URL a system is its id (any of its names is accepted), an identifier as the map spells
it (any case), a flow its number; ``direction`` and ``depth`` as the CLI takes them.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import asdict, fields

from flowviz.errors import UsageError
from flowviz.explorer.model import DEPTHS, STATUSES, VIEWS, Choice, Options
from flowviz.model import Map
from flowviz.views import DIRECTIONS, resolve_identifier, resolve_system

KEYS = tuple(item.name for item in fields(Choice))
"""The query parameters that hold filters, in the order the sidebar shows them."""
DEFAULTS = Choice()


def _number(raw: str, allowed: tuple[int, ...]) -> int | None:
    try:
        value = int(str(raw).strip())
    except ValueError:
        return None
    return value if value in allowed else None


def _among(raw: str, allowed: tuple[str, ...]) -> str | None:
    """``raw`` as one of ``allowed`` (any case, spaces around ignored)."""
    wanted = str(raw).strip().casefold()
    return next((value for value in allowed if value.casefold() == wanted), None)


def _system(model: Map, opts: Options) -> Callable[[str], str | None]:
    def resolve(raw: str) -> str | None:
        try:
            found = resolve_system(model, str(raw))
        except UsageError:
            return None
        return found if found in opts.systems else None

    return resolve


def _identifier(model: Map) -> Callable[[str], str | None]:
    def resolve(raw: str) -> str | None:
        try:
            return resolve_identifier(model, str(raw))
        except UsageError:
            return None

    return resolve


def resolvers(model: Map, opts: Options) -> dict[str, Callable[[str], object | None]]:
    """For each filter, a function from a URL value to the model's value (None: unknown)."""
    return {
        "view": lambda raw: _among(raw, VIEWS),
        "system": _system(model, opts),
        "identifier": _identifier(model),
        "status": lambda raw: _among(raw, STATUSES),
        "method": lambda raw: _among(raw, opts.methods),
        "flow": lambda raw: _number(raw, opts.flows),
        "direction": lambda raw: _among(raw, DIRECTIONS),
        "depth": lambda raw: _number(raw, DEPTHS),
    }


def read(
    params: Mapping[str, object], model: Map, opts: Options
) -> tuple[dict[str, object], list[tuple[str, str]]]:
    """The filter values in ``params`` that the map knows, and the (name, value) pairs it
    does not (to be named in a notice); a missing or empty parameter keeps the default."""
    found: dict[str, object] = {}
    unknown: list[tuple[str, str]] = []
    for key, resolve in resolvers(model, opts).items():
        raw = params.get(key)
        if isinstance(raw, list):
            raw = raw[-1] if raw else None
        if raw is None or str(raw).strip() == "":
            continue
        value = resolve(str(raw))
        if value is None:
            unknown.append((key, str(raw)))
        else:
            found[key] = value
    return found, unknown


def kept(values: Mapping[str, object], opts: Options) -> tuple[dict[str, object], list[str]]:
    """``values`` (the sidebar's, from another map) without those this map does not offer."""
    allowed: dict[str, tuple[object, ...]] = {
        "view": VIEWS,
        "system": opts.systems,
        "identifier": opts.identifiers,
        "status": STATUSES,
        "method": opts.methods,
        "flow": opts.flows,
        "direction": DIRECTIONS,
        "depth": DEPTHS,
    }
    good = {k: v for k, v in values.items() if v is None or v in allowed.get(k, (v,))}
    return good, [k for k in values if k not in good]


def choice(values: Mapping[str, object]) -> Choice:
    """The choice the sidebar's values make (a missing one is the default)."""
    return Choice(**{key: values[key] for key in KEYS if values.get(key) is not None})  # type: ignore[arg-type]


def to_params(chosen: Choice) -> dict[str, str]:
    """The query parameters of ``chosen``: only the values that differ from the default.

    >>> to_params(Choice(view="system", system="crm", depth=2))
    {'view': 'system', 'system': 'crm', 'depth': '2'}
    """
    defaults = asdict(DEFAULTS)
    return {
        key: str(value)
        for key, value in asdict(chosen).items()
        if value is not None and value != defaults[key]
    }
