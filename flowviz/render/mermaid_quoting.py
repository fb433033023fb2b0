"""All quoting of Mermaid and of the Markdown around it: every map string reaches the Mermaid
document through one of these.

Mermaid reads ``#name;`` and ``#123;`` as entity codes in any text, so every character that
means something somewhere is written as one: ``"`` (it ends a quoted label; inside one Mermaid
drops it silently), ``#``, ``;`` (it ends a sequence message), ``<`` and ``>`` (labels are
HTML), ``&`` (so that ``&lt;`` in a map stays ``&lt;``), ``%`` (``%%{init}%%`` directives),
``:`` (``wrap:`` prefixes, ``fa:fa-x`` icons, and a pre-pass of Mermaid's that trims the ``;`` of
a line holding ``style ... :#...;``), ``` ` ``` (markdown strings), ``$`` (KaTeX), ``|``, ``\\``
(a written ``\\n`` breaks a line), and the two characters of Mermaid's own entity placeholders.
A line break becomes ``<br>``. Each function cuts its text to ``limit`` characters (with an
ellipsis) before escaping, so that no diagram outgrows Mermaid's text limit.

``label`` is a flowchart label (quoted), ``message``, ``note`` and ``participant`` are the texts
of a sequence diagram, ``markdown`` is a heading or line of the document, ``Ids`` makes node ids.
"""

from __future__ import annotations

import re

from flowviz.render.ids import first_free
from flowviz.render.quoting import ELLIPSIS, clean

LIMIT = 2_000
"""Longest text (before escaping) of one label, message or note."""

ENTITIES = {
    "&": "#amp;",
    "#": "#35;",
    '"': "#quot;",
    ";": "#59;",
    "<": "#lt;",
    ">": "#gt;",
    "%": "#37;",
    ":": "#58;",
    "`": "#96;",
    "$": "#36;",
    "|": "#124;",
    "\\": "#92;",
    "\ufb02": "#64258;",
    "\u00b6": "#182;",
}
"""Characters written as Mermaid entity codes."""
_SPECIAL = re.compile("[" + re.escape("".join(ENTITIES)) + "]")

RESERVED = frozenset((
    "accdescr", "acctitle", "activate", "actor", "alt", "and", "as", "autonumber", "box", "br",
    "break", "bt", "call", "class", "classdef", "click", "create", "critical", "deactivate",
    "default", "destroy", "details", "direction", "else", "end", "flowchart", "graph", "href",
    "interpolate", "left", "link", "links", "linkstyle", "loop", "lr", "note", "of", "off", "opt",
    "option", "over", "par", "par_over", "participant", "properties", "rect", "right", "rl",
    "sequencediagram", "style", "subgraph", "tb", "td", "title", "v",
))  # fmt: skip
"""Words that Mermaid's flowchart or sequence lexer reads as keywords (in any case)."""
ID_MAX = 48


def shown(text: str, limit: int = LIMIT) -> str:
    """What a reader sees of ``text``: control characters dropped, the ends trimmed (Mermaid
    trims them), cut to ``limit`` characters with an ellipsis.

    >>> shown("  a\\tb\\x00c  ")
    'a bc'
    >>> shown("0123456789", limit=5)
    '0123…'
    """
    text = clean(text).strip()
    if len(text) > limit:
        text = text[: max(limit - 1, 0)].rstrip() + ELLIPSIS
    return text


def _escape(text: str, limit: int) -> str:
    """``shown(text)`` with its special characters as entity codes, its line breaks as
    ``<br>``."""
    escaped = _SPECIAL.sub(lambda match: ENTITIES[match.group()], shown(text, limit))
    return escaped.replace("\n", "<br>")


def label(text: str, limit: int = LIMIT) -> str:
    """A quoted flowchart label (node, edge or subgraph title) that shows ``text``.

    >>> print(label('say "hi"'))
    "say #quot;hi#quot;"
    >>> print(label("<b>bold</b> & co"))
    "#lt;b#gt;bold#lt;/b#gt; #amp; co"
    >>> print(label("end"))
    "end"
    >>> print(label("a:b; {c} [d] (e)"))
    "a#58;b#59; {c} [d] (e)"
    >>> print(label("trailing \\\\"))
    "trailing #92;"
    >>> print(label("two\\nlines"))
    "two<br>lines"
    >>> print(label("Сайт → CRM"))
    "Сайт → CRM"
    >>> print(label("%%{init: {}}%%"))
    "#37;#37;{init#58; {}}#37;#37;"
    >>> print(label("0123456789", limit=5))
    "0123…"
    """
    return '"' + _escape(text, limit) + '"'


def message(text: str, limit: int = LIMIT) -> str:
    """A sequence diagram's message text (after ``A->>B:``) that shows ``text``.

    >>> print(message("Order #42; paid"))
    Order #35;42#59; paid
    >>> print(message("wrap: C:\\\\new"))
    wrap#58; C#58;#92;new
    """
    return _escape(text, limit)


def note(text: str, limit: int = LIMIT) -> str:
    """A sequence diagram's note text (after ``Note over A:``) that shows ``text``.

    >>> print(note('1. "User" -> site; <script>'))
    1. #quot;User#quot; -#gt; site#59; #lt;script#gt;
    """
    return _escape(text, limit)


def participant(text: str, limit: int = LIMIT) -> str:
    """A participant's or actor's name (after ``participant id as``) that shows ``text``.

    >>> print(participant("1С:Бухгалтерия «Оплачено»"))
    1С#58;Бухгалтерия «Оплачено»
    """
    return _escape(text, limit)


_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#!|<>&~:@$])")
_MARKDOWN_START = re.compile(r"^([-+=]|\d+(?=[.)]))")


def markdown(text: str) -> str:
    """``text`` as plain Markdown text on one line, for GitHub and GitLab alike: backslash
    before every character that could start markup, a link, HTML, an entity, an emoji, a
    mention or math (and before a list marker at the start), line breaks as spaces.

    >>> print(markdown('Hostile "quotes" & <b>{braces}</b>'))
    Hostile "quotes" \\& \\<b\\>\\{braces\\}\\</b\\>
    >>> print(markdown("# not a heading\\n[link](x) @team :rocket: $x$"))
    \\# not a heading \\[link\\]\\(x\\) \\@team \\:rocket\\: \\$x\\$
    >>> print(markdown("1. not a list, - nor this"))
    1\\. not a list, - nor this
    >>> print(markdown("Сайт → CRM"))
    Сайт → CRM
    """
    flat = " ".join(clean(text).split())
    escaped = _MARKDOWN_SPECIAL.sub(r"\\\1", flat)
    return _MARKDOWN_START.sub(_escape_start, escaped)


def _escape_start(match: re.Match[str]) -> str:
    """``\\-``, ``\\+``, ``\\=`` or ``1\\.``: no list item, rule or heading underline."""
    found = match.group()
    return found + "\\" if found[0].isdigit() else "\\" + found


class Ids:
    """Mermaid ids for the keys of one diagram: ``[A-Za-z0-9_]``, starting with a letter, never a
    keyword, unique; the same key (and suffix) always gets the same id, the first to ask for a
    name gets it and later ones a ``_2``, ``_3`` suffix.

    >>> ids = Ids()
    >>> [ids("iandeks-metrika"), ids("end"), ids("1c-bitrix"), ids("_shared")]
    ['iandeks_metrika', 'end_', 's1c_bitrix', 'shared']
    >>> [ids("a-b"), ids("a_b"), ids("a-b"), ids("a", "-b"), ids("crm", ".lead_id")]
    ['a_b', 'a_b_2', 'a_b', 'a_b_3', 'crm_lead_id']
    """

    def __init__(self) -> None:
        self._ids: dict[tuple[str, str], str] = {}
        self._taken: set[str] = set()

    def __call__(self, key: str, suffix: str = "") -> str:
        """The id of ``key`` (a system id) with ``suffix`` (a subgraph's, an identifier's)."""
        if (key, suffix) not in self._ids:
            self._ids[key, suffix] = first_free(safe_id(key + suffix), self._taken, "_")
        return self._ids[key, suffix]


def safe_id(key: str) -> str:
    """``key`` as a Mermaid id, before making it unique: runs of other characters as one ``_``,
    an ``s`` before a digit, a ``_`` after a keyword.

    >>> [safe_id("Графана"), safe_id("graph"), safe_id("v"), safe_id("a--b__c"), safe_id("x" * 60)]
    ['s', 'graph_', 'v_', 'a_b_c', 'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx']
    """
    text = re.sub(r"[^A-Za-z0-9]+", "_", key)[:ID_MAX].strip("_") or "s"
    if not text[0].isalpha():
        text = "s" + text
    if text.lower() in RESERVED:
        text += "_"
    return text
