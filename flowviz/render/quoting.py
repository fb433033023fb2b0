"""All quoting of DOT text: every string from a map reaches DOT through one of these.

``quote`` makes a double-quoted DOT string for ids and labels, ``quote_tooltip`` one for
tooltips, ``html`` makes text safe inside an HTML-like label (``<...>``). Each drops the
control characters that XML forbids, so the SVG that ``dot`` writes stays well-formed; each
escapes ``&`` so that ``dot`` shows the map's text as written rather than decoding entities in
it; each escapes ``\\`` as many times as ``dot`` expands its own escapes (``\\N``, ``\\G``,
``\\E``, ``\\L``) in that place: once in labels and HTML-like labels, twice in tooltips. And
each cuts its text with an ellipsis to what ``dot`` 2.43 accepts in one string (16,384 bytes).
Escape the *final* text: a quoted piece pasted into another string is no longer quoted.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

MAX_BYTES = 16_000
"""Longest string token written to DOT: ``dot`` 2.43 refuses one of 16,384 bytes or more."""
ELLIPSIS = "…"
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def clean(text: str) -> str:
    """``text`` without control characters, with one kind of line break and no tabs.

    >>> clean("a\\r\\nb\\x00c\\x1b\\td")
    'a\\nbc d'
    """
    if text.isprintable() or ("\n" in text and text.replace("\n", " ").isprintable()):
        return text
    return _CONTROL.sub("", text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", " "))


def quote(text: str, limit: int = MAX_BYTES) -> str:
    """A double-quoted DOT string that a label shows as ``text`` is written: ``\\`` doubled,
    ``"`` escaped, ``&`` as ``&amp;``, line breaks as ``\\n``.

    >>> print(quote('say "hi"'))
    "say \\"hi\\""
    >>> print(quote("trailing \\\\"))
    "trailing \\\\"
    >>> print(quote("a:b"))
    "a:b"
    >>> print(quote("end"))
    "end"
    >>> print(quote("{braces}"))
    "{braces}"
    >>> print(quote("<b>bold</b> & co"))
    "<b>bold</b> &amp; co"
    >>> print(quote("two\\nlines"))
    "two\\nlines"
    >>> print(quote("Сайт → CRM"))
    "Сайт → CRM"
    >>> print(quote("0123456789abc", limit=12))
    "0123456…"
    """
    return f'"{_fit(text, _label_escape, limit - 2)}"'


def unquoted(text: str, limit: int = MAX_BYTES) -> str:
    """``quote(text)`` without its two quotes, for a library that adds them itself and leaves
    an escaped ``\\"`` as it is (the ``graphviz`` package under ``diagrams``): the same escapes,
    applied once.

    >>> print(unquoted('say "hi" \\\\ & <b>'))
    say \\"hi\\" \\\\ &amp; <b>
    >>> print(unquoted("trailing \\\\"))
    trailing \\\\
    """
    return quote(text, limit)[1:-1]


def quote_tooltip(text: str, limit: int = MAX_BYTES) -> str:
    """A double-quoted DOT string that a tooltip shows as ``text`` is written: ``dot`` expands
    escapes in a tooltip twice, so ``\\`` is written four times.

    >>> print(quote_tooltip("C:\\\\Users\\\\Name"))
    "C:\\\\\\\\Users\\\\\\\\Name"
    >>> print(quote_tooltip('a "b"\\nc'))
    "a \\"b\\"\\nc"
    """
    return f'"{_fit(text, _tooltip_escape, limit - 2)}"'


def quote_each(texts: Sequence[str], limit: int = MAX_BYTES) -> list[str]:
    """``[quote(text, limit) for text in texts]``, escaped in one pass over them all: a big
    picture quotes thousands of edge ids (short texts, for which a call each costs more than
    the escaping).

    >>> print(*quote_each(['say "hi"', "a:b", ""]))
    "say \\"hi\\"" "a:b" ""
    """
    return [f'"{text}"' for text in _fit_each(texts, _label_escape, limit - 2)]


def unquoted_tooltips(texts: Sequence[str], limit: int = MAX_BYTES) -> list[str]:
    """``[quote_tooltip(text, limit) for text in texts]`` without their two quotes: a big
    picture writes thousands of edge tooltips, each twice, between quotes of its own. Each is
    escaped on its own: tooltips are long, and a long text costs less escaped alone than
    joined to the others and split again.

    >>> print(*unquoted_tooltips(["C:\\\\Users", "a\\nb", "tab\\there"]))
    C:\\\\\\\\Users a\\nb tab here
    """
    return [_fit(text, _tooltip_escape, limit - 2) for text in texts]


def html(text: str, limit: int = MAX_BYTES) -> str:
    """``text`` safe inside an HTML-like label; line breaks become ``<BR/>``, ``\\`` doubled.

    >>> html('<script>alert("x")</script>')
    '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;'
    >>> html("a & b\\nc")
    'a &amp; b<BR ALIGN="LEFT"/>c'
    >>> html("back\\\\slash")
    'back\\\\\\\\slash'
    """
    return _fit(text, _html_escape, limit)


def _label_escape(text: str) -> str:
    return _escape(text, "\\\\")


def _tooltip_escape(text: str) -> str:
    return _escape(text, "\\\\\\\\")


def _escape(text: str, backslash: str) -> str:
    """``\\`` as ``backslash``, ``"`` escaped, ``&`` as ``&amp;``, line breaks as ``\\n``;
    each replacement made only when the character is there (finding it costs a fraction of
    replacing it, and a long tooltip seldom has one)."""
    if "\\" in text:
        text = text.replace("\\", backslash)
    if '"' in text:
        text = text.replace('"', '\\"')
    if "&" in text:
        text = text.replace("&", "&amp;")
    return text.replace("\n", "\\n") if "\n" in text else text


def _html_escape(text: str) -> str:
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = text.replace('"', "&quot;").replace("'", "&#39;").replace("\\", "\\\\")
    return text.replace("\n", '<BR ALIGN="LEFT"/>')


_JOIN = "\u241e"
"""What ``_fit_each`` joins texts with (␞, the symbol for a record separator): no escape
touches it, and it is printable, so that one check over the joined text covers them all."""


def _fit_each(texts: Sequence[str], escape: Callable[[str], str], limit: int) -> list[str]:
    """``[_fit(text, escape, limit) for text in texts]``: every escape replaces single
    characters, so the texts are escaped joined, then split; a text that holds the separator,
    needs cleaning or may be too long for ``limit`` goes through ``_fit`` on its own."""
    joined = escape(_JOIN.join(texts))
    escaped = joined.split(_JOIN)
    if len(escaped) != len(texts):
        return [_fit(text, escape, limit) for text in texts]
    printable = joined.isprintable()
    for index, done in enumerate(escaped):
        if (len(done) * 4 > limit or not printable) and not (
            _fits(done, limit) and done.isprintable()
        ):
            escaped[index] = _fit(texts[index], escape, limit)
    return escaped


def _fits(escaped: str, limit: int) -> bool:
    """Whether ``escaped`` is at most ``limit`` bytes in UTF-8."""
    return len(escaped) * 4 <= limit or len(escaped.encode("utf-8")) <= limit


def _fit(text: str, escape: Callable[[str], str], limit: int) -> str:
    """``escape(clean(text))``, the text first cut (with an ellipsis) until it is at most
    ``limit`` bytes in UTF-8."""
    escaped = escape(text)
    if not escaped.isprintable():
        # every escape writes line breaks as printable text, so only a text that ``clean``
        # would change (or one with other unprintable characters) is escaped again
        text = clean(text)
        escaped = escape(text)
    size = len(escaped.encode("utf-8")) if len(escaped) * 4 > limit else len(escaped)
    while size > limit:
        keep = max(int(len(text) * limit / size) - 1, 0)
        text = text[:keep].rstrip() + ELLIPSIS
        escaped = escape(text)
        size = len(escaped.encode("utf-8"))
    return escaped
