"""Quoting: any text from a map reaches a picture as written, and never as markup or code.

``flowviz.render.quoting`` is the one module that puts map text into DOT. Each hostile string
below goes through ``quote`` (a node's label and tooltip) and through ``html`` (a cell of an
HTML-like label) into a tiny graph, which the real ``dot`` lays out as SVG: ``dot`` must accept
it without a word on stderr, the SVG must be inert (no script, no event handler, no
``javascript:`` link), and a reader must see the string as written: control characters
dropped, a tab as a space, CRLF and a lone CR as a line break, nothing else changed.
"""

from __future__ import annotations

import doctest
import importlib
import shutil
import subprocess
import xml.etree.ElementTree as ET
from concurrent.futures import ThreadPoolExecutor
from typing import NamedTuple

import pytest

from flowviz.render.quoting import (
    ELLIPSIS,
    clean,
    html,
    quote,
    quote_each,
    quote_tooltip,
    unquoted_tooltips,
)
from tests.conftest import ROOT

SVG = "{http://www.w3.org/2000/svg}"
XLINK_TITLE = "{http://www.w3.org/1999/xlink}title"

# -- doctests -------------------------------------------------------------------------------

DOCTEST_MODULES = sorted(
    ".".join(path.relative_to(ROOT).with_suffix("").parts)
    for path in (ROOT / "flowviz").rglob("*.py")
    if ">>> " in path.read_text(encoding="utf-8")
)
"""Every module of flowviz with examples in its docstrings."""


@pytest.mark.parametrize("name", DOCTEST_MODULES)
def test_doctests_of_module_pass(name: str) -> None:
    """pytest runs without --doctest-modules, so the examples in these docstrings run here."""
    results = doctest.testmod(importlib.import_module(name), verbose=False, report=False)
    assert results.attempted > 0, f"{name} has no doctests to run"
    assert results.failed == 0, f"{results.failed} doctest(s) of {name} failed (see stdout)"


# -- hostile strings ------------------------------------------------------------------------

LONG = 'x<&>"\\{}' * 1250
"""10,000 characters, every one of them special somewhere (XML, DOT, HTML-like labels)."""
LONG_CYRILLIC = ("Оплачено " * 1112)[:10_000]
"""10,000 characters of a Russian map, two bytes each in UTF-8."""

HOSTILE: list[tuple[str, str, str]] = [
    # (id, text in the map, what a reader must see)
    ("double quote", '"', '"'),
    ("backslash", "\\", "\\"),
    ("trailing backslash", "ends with \\", "ends with \\"),
    ("escaped-looking quote", '\\"', '\\"'),
    ("backslash n written out", "C:\\new", "C:\\new"),
    ("braces", "{braces}", "{braces}"),
    ("bold markup", "<b>bold</b>", "<b>bold</b>"),
    ("script", "<script>alert(1)</script>", "<script>alert(1)</script>"),
    ("event handler", "<img src=x onerror=alert(1)>", "<img src=x onerror=alert(1)>"),
    ("port syntax", "a:b", "a:b"),
    ("keyword end", "end", "end"),
    ("keyword graph", "graph", "graph"),
    ("keyword node", "node", "node"),
    ("keyword subgraph", "subgraph", "subgraph"),
    ("statement injection", '"]; x -> y; a [label="', '"]; x -> y; a [label="'),
    ("newline", "one\ntwo", "one\ntwo"),
    ("crlf", "one\r\ntwo", "one\ntwo"),
    ("lone cr", "one\rtwo", "one\ntwo"),
    ("tab", "a\tb", "a b"),
    ("nul", "a\x00b", "ab"),
    ("escape sequence", "a\x1b[31mred\x1b[0m", "a[31mred[0m"),
    ("long", LONG, LONG),
    ("long cyrillic", LONG_CYRILLIC, LONG_CYRILLIC),
    ("cyrillic", "Сайт → amoCRM «Оплачено»", "Сайт → amoCRM «Оплачено»"),
    ("entity written literally", "AT&amp;T", "AT&amp;T"),
    ("lt entity written literally", "&lt;", "&lt;"),
    ("numeric entity written literally", "&#60;", "&#60;"),
    ("windows path", "C:\\Users\\Name\\Exports", "C:\\Users\\Name\\Exports"),
    ("unc path", "\\\\fileserver\\share", "\\\\fileserver\\share"),
    ("graph name escape", "see \\G", "see \\G"),
]

DOT_ESCAPES = ("windows path", "unc path", "graph name escape")
"""Texts holding ``\\N``, ``\\G``, ``\\E`` or ``\\\\``, which ``dot`` reads as its own escapes."""


def _cases(known: dict[str, str] | None = None) -> list:
    """The hostile strings as parameters; ``known`` maps a case to the bug it is known to
    fail on (an expected failure that must keep failing until the bug is fixed)."""
    known = known or {}
    return [
        pytest.param(
            text,
            shown,
            id=name,
            marks=[pytest.mark.xfail(strict=True, reason=known[name])] if name in known else [],
        )
        for name, text, shown in HOSTILE
    ]


def quoted_graph(text: str) -> str:
    """A graph with one node whose label is ``text`` through ``quote`` and whose tooltip is
    ``text`` through ``quote_tooltip``."""
    return f'digraph g {{ "a" [label={quote(text)} tooltip={quote_tooltip(text)}] }}\n'


def html_graph(text: str) -> str:
    """A graph with one node whose HTML-like label holds ``text`` through ``html``."""
    return f'digraph g {{ "a" [label=<<TABLE><TR><TD>{html(text)}</TD></TR></TABLE>>] }}\n'


# -- laying the graphs out ------------------------------------------------------------------


class Layout(NamedTuple):
    """What ``dot -Tsvg`` made of one graph."""

    returncode: int
    stderr: str
    svg: bytes


def _dot_svg(source: str) -> Layout:
    done = subprocess.run(
        ["dot", "-Tsvg"],
        input=source.encode("utf-8"),
        capture_output=True,
        timeout=60,
        check=False,
    )
    return Layout(done.returncode, done.stderr.decode("utf-8", "replace"), done.stdout)


@pytest.fixture(scope="module")
def laid_out() -> dict[str, Layout]:
    """Every graph of this module laid out once; ``dot`` spends most of its 40 ms start
    waiting, so a few run at a time."""
    if shutil.which("dot") is None:
        pytest.skip("Graphviz's dot is not installed")
    sources = [make(text) for _, text, _ in HOSTILE for make in (quoted_graph, html_graph)]
    with ThreadPoolExecutor(max_workers=4) as pool:
        return dict(zip(sources, pool.map(_dot_svg, sources), strict=True))


def _node(layout: Layout) -> ET.Element:
    """The SVG group of node ``a``."""
    root = ET.fromstring(layout.svg)
    for group in root.iter(f"{SVG}g"):
        if group.get("class") == "node" and group.findtext(f"{SVG}title") == "a":
            return group
    raise AssertionError("node 'a' is not in the SVG")


def _seen(lines: list[str]) -> str:
    """Lines as a reader sees them: ``dot`` writes runs of spaces with no-break spaces and
    may pad a line; the words and every other character must match exactly."""
    return "\n".join(line.replace("\xa0", " ").strip(" ") for line in lines)


def _label(layout: Layout) -> str:
    return _seen([text.text or "" for text in _node(layout).iter(f"{SVG}text")])


def _tooltips(layout: Layout) -> set[str]:
    return {a.get(XLINK_TITLE, "") for a in _node(layout).iter(f"{SVG}a")}


def assert_shows(seen: str, shown: str) -> None:
    """The text is shown as written; a text too long for one DOT string (16,384 bytes in
    ``dot`` 2.43) is shown as its first thousands of characters and an ellipsis."""
    if seen == shown:
        return
    assert seen.endswith(ELLIPSIS), f"shown as {seen[:80]!r}, not as {shown[:80]!r}"
    assert shown.startswith(seen[: -len(ELLIPSIS)]), f"{seen[:80]!r} is not how it starts"
    assert len(seen) > 3000, f"cut to {len(seen)} characters"


def assert_inert(svg: bytes) -> None:
    """The SVG is well-formed XML that runs nothing: no script element, no ``on...`` event
    attribute, no ``javascript:`` link."""
    root = ET.fromstring(svg)
    assert root.tag == f"{SVG}svg"
    for element in root.iter():
        assert element.tag.rsplit("}", 1)[-1].lower() != "script", "a <script> element"
        for name, value in element.attrib.items():
            local = name.rsplit("}", 1)[-1].lower()
            assert not local.startswith("on"), f"event attribute {name}={value!r}"
            if local == "href":
                assert not "".join(value.split()).lower().startswith("javascript:"), value


# -- quote ----------------------------------------------------------------------------------


@pytest.mark.dot
@pytest.mark.parametrize(("text", "shown"), _cases())
def test_quoted_text_is_valid_dot_and_the_svg_is_inert(
    laid_out: dict[str, Layout], text: str, shown: str
) -> None:
    layout = laid_out[quoted_graph(text)]
    assert layout.returncode == 0, layout.stderr
    assert layout.stderr == ""
    assert_inert(layout.svg)


@pytest.mark.dot
@pytest.mark.parametrize(("text", "shown"), _cases())
def test_quoted_label_shows_the_text_as_written(
    laid_out: dict[str, Layout], text: str, shown: str
) -> None:
    assert_shows(_label(laid_out[quoted_graph(text)]), _seen(shown.split("\n")))


@pytest.mark.dot
@pytest.mark.parametrize(
    ("text", "shown"),
    _cases(),
)
def test_quoted_tooltip_shows_the_text_as_written(
    laid_out: dict[str, Layout], text: str, shown: str
) -> None:
    (tooltip,) = _tooltips(laid_out[quoted_graph(text)])
    assert_shows(_seen(tooltip.split("\n")), _seen(shown.split("\n")))


# -- html -----------------------------------------------------------------------------------


@pytest.mark.dot
@pytest.mark.parametrize(("text", "shown"), _cases())
def test_html_text_is_valid_dot_and_the_svg_is_inert(
    laid_out: dict[str, Layout], text: str, shown: str
) -> None:
    layout = laid_out[html_graph(text)]
    assert layout.returncode == 0, layout.stderr
    assert layout.stderr == ""
    assert_inert(layout.svg)


@pytest.mark.dot
@pytest.mark.parametrize(
    ("text", "shown"),
    _cases(),
)
def test_html_label_shows_the_text_as_written(
    laid_out: dict[str, Layout], text: str, shown: str
) -> None:
    assert_shows(_label(laid_out[html_graph(text)]), _seen(shown.split("\n")))


# -- the quoted DOT text itself -------------------------------------------------------------


@pytest.mark.parametrize(("text", "shown"), _cases())
def test_quote_is_one_dot_string(text: str, shown: str) -> None:
    """One double-quoted string on one line: every inner quote escaped, no raw line break,
    no control character left (the SVG stays well-formed XML 1.0)."""
    out = quote(text)
    assert len(out) >= 2
    assert out[0] == out[-1] == '"'
    inner, i = out[1:-1], 0
    while i < len(inner):
        assert inner[i] != '"', f"an unescaped quote at {i}: {out[:80]!r}"
        i += 2 if inner[i] == "\\" else 1
    assert i == len(inner), "a lone backslash escapes the closing quote"
    assert all(ch.isprintable() for ch in out)


@pytest.mark.parametrize(("text", "shown"), _cases())
def test_html_leaves_no_markup(text: str, shown: str) -> None:
    """No raw ``<``, ``>`` or quote: the only markup is the line breaks ``html`` writes."""
    out = html(text).replace('<BR ALIGN="LEFT"/>', "")
    assert not set(out) & set("<>\"'")
    assert all(ch.isprintable() for ch in out)


# -- control characters are dropped before escaping --------------------------------------------

UNPRINTABLE = [
    *[pytest.param(text, id=name) for name, text, _ in HOSTILE],
    pytest.param("a\xa0b\u00adc\u200bd\u2028e", id="no-break space, soft hyphen, zero width"),
    pytest.param("строка\r\nвторая\x07\tтретья\x7f", id="cyrillic with controls"),
    pytest.param(("x\x01" * 9000), id="long with controls"),
]


@pytest.mark.parametrize("text", UNPRINTABLE)
def test_each_quoting_escapes_the_cleaned_text(text: str) -> None:
    """``quote``, ``quote_tooltip`` and ``html`` give for any text what they give for the
    text ``clean`` leaves (they skip cleaning only where it would change nothing)."""
    for escape in (quote, quote_tooltip, html):
        assert escape(text) == escape(clean(text))


# -- many texts at once ------------------------------------------------------------------------

BATCHES = [
    pytest.param([text for _, text, _ in HOSTILE], id="every hostile string"),
    pytest.param([p.values[0] for p in UNPRINTABLE], id="every unprintable string"),
    pytest.param(["Сайт → amoCRM", "a:b", "two\nlines", "x" * 3_000, ""], id="printable"),
    pytest.param(["a\u241eb", "c", "\u241e"], id="texts holding the separator"),
    pytest.param(["Оплачено " * 900, "short", "x\x01" * 10], id="too long or unclean"),
    pytest.param([], id="none"),
]


@pytest.mark.parametrize("texts", BATCHES)
def test_quoting_many_texts_at_once_gives_what_quoting_each_gives(texts: list[str]) -> None:
    """``quote_each`` and ``unquoted_tooltips`` escape many texts in one pass: the result is
    text for text what ``quote`` and ``quote_tooltip`` give (the tooltips without their
    quotes)."""
    assert quote_each(texts) == [quote(text) for text in texts]
    assert unquoted_tooltips(texts) == [quote_tooltip(text)[1:-1] for text in texts]
