"""What the explorer's graph does beyond showing the view: a click on a system filters by it,
a click on a link picks its rows; the flow player steps through a flow view; the identifier
tracer lists an identifier's hops; on a large map the page opens on one neighbourhood.

Each decides which graph elements to highlight (ids the graph view made, never map text); the
step and the traced identifier live in the URL beside the filters (``step``, ``trace``).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import dataclass

import pandas as pd
import streamlit as st

from flowviz.errors import UsageError
from flowviz.explorer import graph as picture
from flowviz.explorer.model import Options
from flowviz.explorer.quoting import plain
from flowviz.explorer.words import tell
from flowviz.graph import Graph
from flowviz.model import Map
from flowviz.views import resolve_identifier
from flowviz.views.trace import (
    PlayerStep,
    Trace,
    default_depth,
    flow_steps,
    highlighted_edges,
    highlighted_nodes,
    trace,
)
from flowviz.wording import Language

STEP = "step"
TRACE = "trace"
EDGE = "_flowviz_edge"
"""Session key: the id of the link last clicked in the graph."""
PLAYED = "_flowviz_played"
"""Session key: the flow view the player's step belongs to."""
FOCUS = "_flowviz_focus"
"""Session key: the system a large map opened on."""


@dataclass(frozen=True, slots=True)
class Marks:
    """What the graph highlights."""

    lit: frozenset[str] = frozenset()
    fade: bool = False


# -- the URL and the first run ----------------------------------------------------------------


def seed(params: Mapping[str, object], model: Map, first: bool) -> None:
    """The step and the traced identifier from the URL on a session's first run; on another
    map's, a traced identifier it lacks is dropped."""
    if first:
        st.session_state[STEP] = _number(params.get(STEP)) or 1
        st.session_state[TRACE] = _identifier(model, params.get(TRACE))
        st.session_state[PLAYED] = None
    elif _identifier(model, st.session_state.get(TRACE)) is None:
        st.session_state[TRACE] = None
    st.session_state.pop(EDGE, None)


def _number(raw: object) -> int | None:
    try:
        value = int(str(raw).strip())
    except ValueError:
        return None
    return value if value >= 1 else None


def _identifier(model: Map, raw: object) -> str | None:
    if raw is None or not str(raw).strip():
        return None
    try:
        return resolve_identifier(model, str(raw))
    except UsageError:
        return None


def params(graph: Graph) -> dict[str, str]:
    """The URL's ``step`` (in a flow view) and ``trace`` (when one is traced)."""
    found = {}
    if graph.kind == "flow":
        found[STEP] = str(st.session_state.get(STEP) or 1)
    if st.session_state.get(TRACE):
        found[TRACE] = str(st.session_state[TRACE])
    return found


def focus(model: Map, overview: Graph) -> str | None:
    """On a map with more than ``FOCUS_SYSTEMS`` systems, the system with the most links (its
    depth-1 neighbourhood is what the page opens on); None on a smaller map."""
    if default_depth(model) is None:
        return None
    ends = Counter(end for edge in overview.edges for end in (edge.source, edge.target))
    ranked = sorted(
        (node for node in overview.nodes if node.kind != "actor"),
        key=lambda node: -ends[node.id],
    )
    return ranked[0].id.removeprefix("system:") if ranked else None


# -- clicks -----------------------------------------------------------------------------------


def callbacks(opts: Options, count: int) -> dict[str, Callable[[], None]]:
    """What a click on a system, on a link and an arrow key do (``count`` steps in the flow)."""

    def on_node() -> None:
        system = picture.clicked("node")
        if system in opts.systems:
            st.session_state["system"] = system
            st.session_state.pop(EDGE, None)

    def on_edge() -> None:
        st.session_state[EDGE] = picture.clicked("edge")

    def on_step() -> None:
        move({"previous": -1, "next": 1}.get(picture.clicked("step") or "", 0), count)

    return {"node": on_node, "edge": on_edge, "step": on_step}


def move(by: int, count: int) -> None:
    """The player's step moved by ``by``, kept within the flow's ``count`` steps."""
    step = int(st.session_state.get(STEP) or 1) + by
    st.session_state[STEP] = max(1, min(step, max(count, 1)))


# -- what to highlight ------------------------------------------------------------------------


def steps_of(graph: Graph) -> list[PlayerStep]:
    """The flow view's steps (none for another view); the step is reset on a new flow."""
    if graph.kind != "flow":
        return []
    steps = flow_steps(graph)
    if st.session_state.get(PLAYED) not in (None, graph.name):
        st.session_state[STEP] = 1
    st.session_state[PLAYED] = graph.name
    st.session_state[STEP] = max(1, min(int(st.session_state.get(STEP) or 1), len(steps) or 1))
    return steps


def traced(model: Map) -> Trace | None:
    name = st.session_state.get(TRACE)
    return trace(model, name) if name else None


def marks(graph: Graph, steps: list[PlayerStep], path: Trace | None) -> Marks:
    """The traced identifier's path, else the player's step, else the link clicked."""
    if path is not None:
        return Marks(highlighted_edges(graph, path) | highlighted_nodes(graph, path), True)
    if steps:
        edges = set(steps[int(st.session_state[STEP]) - 1].edges)
        return Marks(_with_ends(graph, edges), True)
    edge = st.session_state.get(EDGE)
    if edge and any(e.id == edge for e in graph.edges):
        return Marks(_with_ends(graph, {edge}), False)
    return Marks()


def _with_ends(graph: Graph, edges: set[str]) -> frozenset[str]:
    ends = {end for e in graph.edges if e.id in edges for end in (e.source, e.target)}
    return frozenset(edges | ends)


def edge_lines(graph: Graph) -> tuple[str, list[int]] | None:
    """The link clicked in the graph and its integration rows' lines (None: no link)."""
    edge = st.session_state.get(EDGE)
    found = next((e for e in graph.edges if e.id == edge), None)
    if found is None:
        return None
    lines = sorted({m.line for m in found.members if m.kind == "integration"})
    return found.id, lines


# -- the panels -------------------------------------------------------------------------------


def player(steps: list[PlayerStep], language: Language) -> None:
    """The flow player beside the graph: the step's words, Previous and Next."""
    st.markdown(f"**{tell(language, 'player')}**")
    if not steps:
        st.caption(tell(language, "no_steps"))
        return
    number = int(st.session_state[STEP])
    step = steps[number - 1]
    back, forth = st.columns(2)
    back.button(
        tell(language, "previous"), key="step_back", on_click=move, args=(-1, len(steps)),
        disabled=number <= 1, width="stretch",
    )  # fmt: skip
    forth.button(
        tell(language, "next"), key="step_next", on_click=move, args=(1, len(steps)),
        disabled=number >= len(steps), width="stretch",
    )  # fmt: skip
    st.markdown(f"**{tell(language, 'step_of', number=step.number, total=len(steps))}**")
    st.markdown(plain(step.text))
    facts = [
        (tell(language, "method"), step.method),
        (tell(language, "identifiers_fact"), ", ".join(step.identifiers)),
    ]
    for label, value in facts:
        if value:
            st.markdown(f"{plain(label)}: {plain(value)}")
    st.caption(tell(language, "step_line", line=step.line))


def tracer(opts: Options, path: Trace | None, language: Language) -> None:
    """The identifier picker and a table of its hops in the tracer's order."""
    st.subheader(tell(language, "tracer"))
    st.selectbox(
        tell(language, TRACE), (None, *opts.identifiers), key=TRACE,
        format_func=lambda v: tell(language, "any") if v is None else str(v),
    )  # fmt: skip
    if path is not None:
        frame = hops_table(language, path, opts.names)
        st.dataframe(frame, hide_index=True, key="table_hops")


def hops_table(language: Language, path: Trace, names: dict[str, str]) -> pd.DataFrame:
    """One row per hop: from, to, role, method, map item, line, text."""

    def who(system: str | None, parts: tuple[str, ...]) -> str:
        named = [names.get(p, p) for p in parts] or ([names.get(system, system)] if system else [])
        return ", ".join(named)

    rows = [
        {
            tell(language, "hop_from"): who(hop.source, hop.source_parts),
            tell(language, "hop_to"): who(hop.target, hop.target_parts),
            tell(language, "hop_role"): tell(language, f"role_{hop.role}"),
            tell(language, "method"): hop.method,
            tell(language, "hop_member"): hop.member,
            tell(language, "line_column"): hop.line,
            tell(language, "text"): hop.text,
        }
        for hop in path.hops
    ]
    return pd.DataFrame(rows)
