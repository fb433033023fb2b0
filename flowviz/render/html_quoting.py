"""All escaping of HTML text: every string from a map reaches the report through ``escape``,
and every picture through ``inline_svg``, which refuses any markup that could run."""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as ET

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def escape(text: str) -> str:
    """``text`` safe as HTML text or inside a double- or single-quoted attribute: ``& < > " '``
    become references; control characters that HTML forbids are dropped.

    >>> escape('<script>alert("x")</script>')
    '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;'
    >>> escape("<img src=x onerror='a'> & co")
    '&lt;img src=x onerror=&#x27;a&#x27;&gt; &amp; co'
    >>> escape("C:\\\\temp\\\\ {end} a:b")
    'C:\\\\temp\\\\ {end} a:b'
    >>> escape("Сайт → amoCRM\\x1b[0m")
    'Сайт → amoCRM[0m'
    """
    return html.escape(_CONTROL.sub("", text), quote=True)


SVG_ELEMENTS = frozenset(
    {"svg", "g", "title", "a", "text", "path", "polygon", "polyline", "ellipse", "rect"}
    | {"defs", "linearGradient", "radialGradient", "stop"}
)
"""The elements Graphviz's SVG is made of; anything else is refused, never inlined."""
_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)


def inline_svg(svg: bytes, prefix: str) -> str:
    """Graphviz's SVG ready to sit inside the page: no XML prolog, DOCTYPE or comments, every
    ``id`` prefixed with ``prefix-`` so that ids stay unique across pictures (``dot`` writes
    ``"`` in text and values as ``&quot;``, so `` id="`` only starts an attribute). Raises
    ``ValueError`` on an element or attribute that could run code (never made by ``dot``).

    >>> inline_svg(b'<?xml version="1.0"?>\\n<!-- x -->\\n<svg><g id="a"/></svg>\\n', "p")
    '<svg><g id="p-a"/></svg>'
    """
    text = _COMMENT.sub("", svg.decode("utf-8"))
    start = text.find("<svg")
    if start < 0:
        raise ValueError("not an SVG picture")
    text = text[start:].strip()
    _refuse_live_markup(text)
    return text.replace(' id="', f' id="{escape(prefix)}-')


def _refuse_live_markup(svg: str) -> None:
    for element in ET.fromstring(svg).iter():
        tag = element.tag.rpartition("}")[2]
        if tag not in SVG_ELEMENTS:
            raise ValueError(f"unexpected element in a picture: <{tag}>")
        for name in element.attrib:
            local = name.rpartition("}")[2].lower()
            if local.startswith("on") or local in {"href", "src", "style"}:
                raise ValueError(f"unexpected attribute in a picture: {local}=")
