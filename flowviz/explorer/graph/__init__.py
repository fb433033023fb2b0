"""The explorer's interactive graph: a Streamlit custom component (v2, no iframe) that shows
our renderer's SVG with pan and zoom, the full row on hover, and sends back the system or link
clicked and the flow player's arrow keys.

Its HTML, CSS and JavaScript are files beside this module, read once at import; the vendored
svg-pan-zoom 3.6.2 (BSD-2-Clause, notice in ``LICENSE``) goes in front of ``graph.js``. Map
text reaches the component only as data: the SVG (escaped by ``flowviz.render.dot``), which
the script parses as an SVG document, and lists of element ids to highlight.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from pathlib import Path

import streamlit as st

HERE = Path(__file__).parent
NAME = "flowviz_graph"
TRIGGERS = ("node", "edge", "step")
"""What the component sends: a system id, an edge id, ``previous`` or ``next``."""


def _read(name: str) -> str:
    return (HERE / name).read_text(encoding="utf-8")


def script() -> str:
    """The component's JavaScript: svg-pan-zoom's notice and code, then ``graph.js``."""
    notice = _read("LICENSE")
    return f"/*\n{notice}*/\n{_read('svg-pan-zoom.min.js')}\n{_read('graph.js')}"


_COMPONENT = st.components.v2.component(
    NAME, html=_read("graph.html"), css=_read("graph.css"), js=script(), isolate_styles=True
)


def view_key(svg: bytes) -> str:
    """A short digest of the SVG: the page sets it on the graph once drawn (tests wait on it)."""
    return hashlib.sha256(svg).hexdigest()[:16]


def show(
    svg: bytes,
    *,
    lit: Iterable[str] = (),
    fade: bool = False,
    selected: str | None = None,
    player: bool = False,
    on_click: dict[str, Callable[[], None]] | None = None,
    key: str = "graph",
) -> object:
    """Mount the graph: ``lit`` are element ids to highlight (the rest faded when ``fade``),
    ``selected`` a system id, ``player`` turns on the arrow keys; ``on_click`` holds a
    callback per trigger (``node``, ``edge``, ``step``)."""
    callbacks = {f"on_{name}_change": (on_click or {}).get(name, _nothing) for name in TRIGGERS}
    payload = {
        "svg": svg.decode("utf-8"),
        "lit": sorted(lit),
        "fade": fade,
        "selected": selected,
        "player": player,
        "view": view_key(svg),
    }
    return _COMPONENT(key=key, data=payload, **callbacks)


def _nothing() -> None:
    """A trigger with no callback still needs one, so Streamlit keeps its value."""


def clicked(name: str, key: str = "graph") -> str | None:
    """The value of trigger ``name`` in a callback (None when it did not fire)."""
    result = st.session_state.get(key)
    value = getattr(result, name, None) if result is not None else None
    return value if isinstance(value, str) else None
