"""All quoting of DOT text: every string from a map reaches DOT through one of these.

``quote`` makes a double-quoted DOT string (ids, labels, tooltips); ``html`` makes text safe
inside an HTML-like label (``<...>``). Both drop control characters that XML forbids, so the
SVG that ``dot`` writes stays well-formed, and escape ``&`` so that ``dot`` shows the map's
text as written rather than decoding entities in it. Escape the *final* text: a quoted piece
pasted into another string is no longer quoted.
"""

from __future__ import annotations

import re

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def clean(text: str) -> str:
    """``text`` without control characters, with one kind of line break.

    >>> clean("a\\r\\nb\\x00c\\x1b")
    'a\\nbc'
    """
    return _CONTROL.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))


def quote(text: str) -> str:
    """A double-quoted DOT string showing ``text`` as written: ``\\`` doubled, ``"`` escaped,
    ``&`` as ``&amp;``, line breaks as ``\\n``.

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
    """
    if not text.isprintable():
        text = clean(text).replace("\t", " ")
    text = text.replace("\\", "\\\\").replace('"', '\\"').replace("&", "&amp;")
    return '"' + text.replace("\n", "\\n") + '"'


def html(text: str) -> str:
    """``text`` safe inside an HTML-like label; line breaks become ``<BR/>``.

    >>> html('<script>alert("x")</script>')
    '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;'
    >>> html("a & b\\nc")
    'a &amp; b<BR ALIGN="LEFT"/>c'
    >>> html("back\\\\slash")
    'back\\\\slash'
    """
    text = clean(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = text.replace('"', "&quot;").replace("'", "&#39;").replace("\t", " ")
    return text.replace("\n", '<BR ALIGN="LEFT"/>')
