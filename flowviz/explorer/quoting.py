"""The one escaping function for map text the explorer puts into Streamlit Markdown (titles,
captions, notices): every ASCII punctuation mark is backslash-escaped, so no Markdown, HTML,
link, image, colour (``:red[...]``), icon (``:material/x:``) or formula (``$x$``) comes
alive; line breaks become spaces.

>>> plain("<b>bold</b> & **x**")
'\\\\<b\\\\>bold\\\\<\\\\/b\\\\> \\\\& \\\\*\\\\*x\\\\*\\\\*'
>>> plain("Сайт: 1С-Битрикс")
'Сайт\\\\: 1С\\\\-Битрикс'
>>> plain("two\\nlines")
'two lines'
"""

from __future__ import annotations

import re
import string

_PUNCTUATION = re.compile("([" + re.escape(string.punctuation) + "])")
_BREAKS = re.compile(r"[\r\n\t\f\v\u2028\u2029\x00-\x08\x0b-\x1f\x7f]+")


def plain(text: str) -> str:
    """``text`` shown as written in Streamlit Markdown, on one line."""
    return _PUNCTUATION.sub(r"\\\1", _BREAKS.sub(" ", str(text)))
