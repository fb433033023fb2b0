"""Ids of output formats made unique: every renderer generates its node and cell ids from the
graph view's ids, and two that come out the same get a numbered suffix."""

from __future__ import annotations

from collections.abc import Callable, Iterable


def first_free(base: str, taken: set[str], joiner: str = "-") -> str:
    """``base``, else ``base-2``, ``base-3`` ...: the first not in ``taken``, which it joins.

    >>> taken = {"crm", "crm-2"}
    >>> first_free("crm", taken), first_free("crm", taken), first_free("esp", taken)
    ('crm-3', 'crm-4', 'esp')
    """
    candidate, n = base, 2
    while candidate in taken:
        candidate, n = f"{base}{joiner}{n}", n + 1
    taken.add(candidate)
    return candidate


def unique_ids(
    keys: Iterable[str],
    make: Callable[[str], str],
    reserved: Iterable[str] = (),
    joiner: str = "-",
) -> dict[str, str]:
    """Each key (once, in order) -> ``make(key)`` made unique against the others and
    ``reserved``.

    >>> unique_ids(["a:b", "a_b", "c", "a:b"], lambda key: key.replace(":", "_"))
    {'a:b': 'a_b', 'a_b': 'a_b-2', 'c': 'c'}
    """
    taken = set(reserved)
    ids: dict[str, str] = {}
    for key in keys:
        if key not in ids:
            ids[key] = first_free(make(key), taken, joiner)
    return ids
