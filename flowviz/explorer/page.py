"""The explorer's page: the map chooser and filters in the sidebar, then the figures, the
view's picture and downloads, the tables and the check's findings.

Map text reaches the page only as data (tables, metrics, widget options) or through
``quoting.plain`` (Markdown); the picture is the SVG our renderer escaped, shown by the graph
component (``explorer.graph``), which parses it as SVG and sets tooltips as text.
Every error the library raises on purpose is one ``st.error`` line, never a traceback.
"""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st

from flowviz.errors import FlowvizError
from flowviz.explorer import data, files, interact, state
from flowviz.explorer import graph as picture
from flowviz.explorer.model import DEPTHS, STATUSES, VIEWS, Choice, Options
from flowviz.explorer.quoting import plain
from flowviz.explorer.words import tell
from flowviz.views import DIRECTIONS
from flowviz.views.trace import PlayerStep, Trace
from flowviz.wording import Language

SEEDED = "_flowviz_seeded"
"""Session key: the map whose filters were last read from the URL or checked."""
LANGUAGE = "_flowviz_language"
FOCUS = interact.FOCUS
TABLES = ("integrations", "id_rules", "identifiers", "steps")


def main() -> None:
    """Draw the page once (Streamlit runs this on every page event)."""
    st.set_page_config(page_title="flowviz", layout="wide")
    try:
        where = files.place()
    except FlowvizError as exc:
        st.error(str(exc))
        return
    listing = files.list_maps(where.root)
    problems = _seed_map(where, listing)
    opened, ready = _read(where, listing, problems)
    language: Language = ready.model.language if ready else st.session_state.get(LANGUAGE, "en")
    st.session_state[LANGUAGE] = language
    _source_widgets(language, where, listing)
    st.title(tell(language, "report") + (f": {plain(_project(ready))}" if ready else ""))
    for problem in problems:
        st.error(problem)
    if ready is None or opened is None:
        return
    chosen = _filters(ready, opened, language)
    st.query_params.from_dict(
        {**({"map": opened.name} if opened.folder else {}), **state.to_params(chosen)}
    )
    _body(ready, opened, chosen, language)


# -- choosing the map ---------------------------------------------------------------------


def _seed_map(where: files.Place, listing: list[str]) -> list[str]:
    """On a session's first run, choose the map the URL names (else the one given at start,
    else the first); the URL's problem, if any, is returned."""
    if "map" in st.session_state or not listing:
        return []
    asked = st.query_params.get("map")
    default = where.chosen if where.chosen in listing else listing[0]
    st.session_state["map"] = default
    if not asked:
        return []
    if asked in listing:
        st.session_state["map"] = asked
        return []
    try:
        files.open_map(where.root, asked)
    except FlowvizError as exc:
        return [str(exc)]
    return [f"{asked}: not a map in the explorer's folder"]


def _read(
    where: files.Place, listing: list[str], problems: list[str]
) -> tuple[files.Opened | None, data.Prepared | None]:
    """The chosen (or uploaded) map, read and checked; its problem added to ``problems``."""
    upload = st.session_state.get("upload")
    try:
        if upload is not None:
            opened = files.take_upload(upload.name, upload.getvalue())
        elif listing:
            opened = files.open_map(where.root, st.session_state["map"])
        else:
            return None, None
        ready = data.prepared(opened.name, opened.data, opened.config, opened.folder)
    except FlowvizError as exc:
        problems.append(str(exc))
        return None, None
    return opened, ready


def _source_widgets(language: Language, where: files.Place, listing: list[str]) -> None:
    with st.sidebar:
        if listing:
            st.selectbox(tell(language, "map"), listing, key="map")
        else:
            st.info(tell(language, "no_maps", root=plain(str(where.root))))
        # No ``type=``: Streamlit would refuse another kind of file with a traceback before
        # the script runs; ``files.take_upload`` names it in one line instead.
        st.file_uploader(
            tell(language, "upload"), key="upload", max_upload_size=files.UPLOAD_MAX_MB
        )


def _project(ready: data.Prepared) -> str:
    return ready.model.project.name or ready.model.file


# -- filters ------------------------------------------------------------------------------


def _filters(ready: data.Prepared, opened: files.Opened, language: Language) -> Choice:
    """The sidebar's filters; on a map's first run their values come from the URL, later from
    the sidebar (values another map had but this one lacks are dropped), each named."""
    opts = ready.options
    key = f"{opened.name}\0{hash(opened.data)}"
    if st.session_state.get(SEEDED) != key:
        first = st.session_state.get(SEEDED) is None
        interact.seed(st.query_params.to_dict(), ready.model, first)
        if first:
            values, unknown = state.read(st.query_params.to_dict(), ready.model, opts)
        else:
            current = {k: st.session_state.get(k) for k in state.KEYS}
            values, lost = state.kept(current, opts)
            unknown = [(k, str(current[k])) for k in lost]
        _focus(ready, values)
        for name in state.KEYS:
            st.session_state[name] = values.get(name, getattr(state.DEFAULTS, name))
        for name, value in unknown:
            st.warning(tell(language, "unknown_value", name=name, value=plain(value)))
        st.session_state[SEEDED] = key
    with st.sidebar:
        st.header(tell(language, "filters"))
        _select(language, "view", VIEWS, lambda v: tell(language, f"view_{v}"))
        _select(language, "system", (None, *opts.systems), _named(language, opts))
        _select(language, "identifier", (None, *opts.identifiers), _any(language, str))
        _select(language, "status", (None, *STATUSES), _any(language, lambda s: tell(language, s)))
        _select(language, "method", (None, *opts.methods), _any(language, str))
        _select(language, "flow", (None, *opts.flows), _any(language, lambda n: _flow(opts, n)))
        _select(language, "direction", DIRECTIONS, lambda d: tell(language, f"direction_{d}"))
        _select(language, "depth", DEPTHS, str)
    return state.choice({name: st.session_state.get(name) for name in state.KEYS})


def _focus(ready: data.Prepared, values: dict[str, object]) -> None:
    """On a large map with no system chosen, open on the busiest one's neighbourhood."""
    st.session_state[FOCUS] = None
    if values.get("system") is None:
        values["system"] = st.session_state[FOCUS] = interact.focus(ready.model, ready.overview)


def _select(
    language: Language, key: str, options: tuple[object, ...], label: Callable[[object], str]
) -> None:
    st.selectbox(
        tell(language, key), options, key=key, format_func=label, placeholder=tell(language, "any")
    )


def _any(language: Language, label: Callable[[object], str]) -> Callable[[object], str]:
    return lambda value: tell(language, "any") if value is None else label(value)


def _flow(opts: Options, number: object) -> str:
    title = opts.titles.get(number, "")  # type: ignore[call-overload]
    return f"{number}. {title}" if title else str(number)


def _named(language: Language, opts: Options) -> Callable[[object], str]:
    return _any(language, lambda key: f"{opts.names.get(str(key), key)} ({key})")


# -- the page -----------------------------------------------------------------------------


def _body(ready: data.Prepared, opened: files.Opened, chosen: Choice, language: Language) -> None:
    if chosen.view == "system" and not chosen.system:
        st.info(tell(language, "system_needed"))
    try:
        view = data.shown(opened.name, opened.data, opened.config, opened.folder, chosen)
    except FlowvizError as exc:
        st.error(str(exc))
        return
    steps = interact.steps_of(view.graph)
    path = interact.traced(ready.model)
    st.query_params.update(interact.params(view.graph))
    focused = st.session_state.get(FOCUS)
    if focused and focused == chosen.system:
        count = len(ready.options.systems)
        st.info(
            tell(
                language,
                "focus",
                count=count,
                system=plain(_named(language, ready.options)(focused)),
            )
        )
    _figures(view.figures, language)
    _picture(view, ready, opened, chosen, language, (steps, path))
    interact.tracer(ready.options, path, language)
    _tables(view, language)
    st.subheader(tell(language, "findings"))
    found = data.findings_frame(opened.name, opened.data, opened.config, opened.folder)
    if found.empty:
        st.success(tell(language, "no_findings"))
    else:
        st.dataframe(found, hide_index=True, key="findings")
        _csv(found, "findings", language)


def _figures(figures: dict[str, int | str], language: Language) -> None:
    for column, (key, value) in zip(st.columns(len(figures)), figures.items(), strict=True):
        column.metric(tell(language, key), value)


def _picture(
    view: data.Shown,
    ready: data.Prepared,
    opened: files.Opened,
    chosen: Choice,
    language: Language,
    played: tuple[list[PlayerStep], Trace | None],
) -> None:
    """The graph (with the flow player beside a flow view), then the view's downloads."""
    steps, path = played
    st.subheader(tell(language, "picture"))
    st.caption(plain(view.graph.title))
    if view.graph.edges or view.graph.nodes:
        marks = interact.marks(view.graph, steps, path)
        where, beside = st.columns([3, 1]) if view.graph.kind == "flow" else (st.container(), None)
        with where:
            picture.show(
                view.svg,
                lit=marks.lit,
                fade=marks.fade,
                selected=chosen.system,
                player=bool(steps),
                on_click=interact.callbacks(ready.options, len(steps)),
            )
            st.caption(plain(tell(language, "graph_help")))
        if beside is not None:
            with beside:
                interact.player(steps, language)
    else:
        st.info(tell(language, "empty_view"))
    missing = [plain(d.message) for d in view.drawing]
    if missing:
        st.caption(tell(language, "not_drawn", count=len(missing), items="; ".join(missing)))
    name = view.graph.name
    svg, png, dot, mermaid = st.columns(4)
    svg.download_button("SVG", view.svg, f"{name}.svg", "image/svg+xml", key="get_svg")
    png.download_button(
        "PNG",
        lambda: data.png(opened.name, opened.data, opened.config, opened.folder, chosen),
        f"{name}.png",
        "image/png",
        key="get_png",
    )
    dot.download_button("DOT", view.dot, f"{name}.dot", "text/vnd.graphviz", key="get_dot")
    mermaid.download_button("Mermaid", view.mermaid, f"{name}.mmd", "text/plain", key="get_mmd")


def _tables(view: data.Shown, language: Language) -> None:
    st.subheader(tell(language, "tables"))
    tabs = st.tabs([f"{tell(language, key)} ({len(view.tables[key])})" for key in TABLES])
    for tab, key in zip(tabs, TABLES, strict=True):
        with tab:
            frame = view.tables[key]
            if key == "integrations":
                frame = _edge_rows(view, frame, language)
            if frame.empty:
                st.caption(tell(language, "no_rows"))
                continue
            st.dataframe(frame, hide_index=True, key=f"table_{key}")
            _csv(frame, key, language)


def _edge_rows(view: data.Shown, frame: object, language: Language) -> object:
    """The integrations table, only the rows of the link clicked in the graph (if any)."""
    chosen = interact.edge_lines(view.graph)
    if chosen is None or frame.empty:  # type: ignore[attr-defined]
        return frame
    edge, lines = chosen
    st.info(tell(language, "edge_rows", edge=plain(edge), count=len(lines)))
    st.button(
        tell(language, "all_rows"),
        key="all_rows",
        on_click=st.session_state.pop,
        args=(interact.EDGE, None),
    )
    return frame[frame.iloc[:, 0].isin(lines)]  # type: ignore[attr-defined]


def _csv(frame: object, key: str, language: Language) -> None:
    text = frame.to_csv(index=False)  # type: ignore[attr-defined]
    st.download_button(
        tell(language, "csv"), text.encode("utf-8"), f"{key}.csv", "text/csv", key=f"csv_{key}"
    )
