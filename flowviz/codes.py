"""Every finding code flowviz raises: the one list that ``--ignore`` and ``flowviz.yaml``'s
``ignore`` are checked against. docs/rules.md explains each code."""

from __future__ import annotations

READING = (
    "FV101", "FV102", "FV103", "FV104", "FV105", "FV106", "FV107", "FV108", "FV109", "FV110",
    "FV111", "FV112", "FV113",
)  # fmt: skip
CHECKING = (
    "FV201", "FV202", "FV203", "FV204", "FV210", "FV211", "FV230", "FV231", "FV232", "FV233",
    "FV234", "FV235", "FV240", "FV241", "FV250", "FV251", "FV260", "FV261", "FV270",
)  # fmt: skip
DRAWING = ("FV301", "FV302", "FV303", "FV304")
CODES = (*READING, *CHECKING, *DRAWING)


def unknown_codes(codes: list[str] | tuple[str, ...]) -> list[str]:
    """The codes in ``codes`` that flowviz does not have (any case).

    >>> unknown_codes(["fv101", "FV999"])
    ['FV999']
    """
    return [code.upper() for code in codes if code.upper() not in CODES]
