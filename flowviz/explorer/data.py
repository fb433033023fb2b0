"""Reading, checking and drawing for the page, cached on the map file's content.

``prepared`` reads, checks and redacts a map once per content (``st.cache_resource``: the
model is frozen, so every session shares one copy instead of unpickling 50 ms of it on each
hit); ``shown`` builds one view (its graph, SVG, DOT, Mermaid, figures and tables) once per
content and choice (``st.cache_data``). A filter change calls ``shown`` with a new choice:
the map is not read again.
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import streamlit as st

from flowviz.check import check
from flowviz.config import Config, load_config
from flowviz.explorer.model import (
    Choice,
    Options,
    draw_graph,
    figures,
    findings_table,
    options,
    select,
    tables,
)
from flowviz.graph import Graph
from flowviz.load import DATA_SUFFIXES, read_data
from flowviz.model import Diagnostic, Map
from flowviz.parse.markdown import read_markdown
from flowviz.secrets import redact_data
from flowviz.source import SourceText, decode
from flowviz.views import overview, redacted


@dataclass(frozen=True, slots=True)
class Prepared:
    """A map read, checked and redacted: everything a view of it starts from."""

    model: Map
    """The redacted model (what every view and table shows)."""
    findings: list[Diagnostic]
    """The check's findings, redacted."""
    options: Options
    overview: Graph
    """The unfiltered overview (its systems are the figure when nothing is filtered)."""


@dataclass(frozen=True, slots=True)
class Shown:
    """One view of a map: what the page shows for one choice of filters."""

    graph: Graph
    svg: bytes
    dot: bytes
    mermaid: str
    figures: dict[str, int | str]
    tables: dict[str, pd.DataFrame]
    drawing: list[Diagnostic]
    """What the picture could not draw."""


def read_map(name: str, data: bytes, folder: str = "") -> tuple[Map, Config]:
    """The map in ``data`` (named ``name``; ``folder`` holds its ``flowviz.yaml``, if any)."""
    path = str(Path(folder) / name) if folder else name
    config = load_config(path) if folder else Config()
    source = SourceText(path=name, text=_text(data, name))
    if Path(name).suffix.lower() in DATA_SUFFIXES:
        return read_data(source), Config()
    return read_markdown(source, config), config


def _text(data: bytes, name: str) -> str:
    return decode(data, name).replace("\r\n", "\n").replace("\r", "\n")


def prepare(name: str, data: bytes, folder: str = "") -> Prepared:
    """Read, check and redact the map (uncached: the benchmark and ``prepared`` call it)."""
    model, config = read_map(name, data, folder)
    found = check(model, config)
    if found:
        cleaned = redact_data([f.model_dump(mode="json") for f in found], config.secrets_allowlist)
        found = [Diagnostic.model_validate(item) for item in cleaned]
    clean = redacted(model, tuple(config.secrets_allowlist))
    return Prepared(clean, found, options(clean), overview(clean))


@st.cache_resource(max_entries=16, show_spinner=False)
def prepared(name: str, data: bytes, config: bytes, folder: str = "") -> Prepared:
    """``prepare``, once per map content (and ``flowviz.yaml`` content)."""
    del config  # part of the cache key only: read_map reads the file itself
    return prepare(name, data, folder)


def show(ready: Prepared, choice: Choice, file: str) -> Shown:
    """The view ``choice`` asks for (uncached). Graphviz lays the picture out in its own
    process while the tables are built."""
    from flowviz.pictures import draw  # noqa: PLC0415 (runs dot)
    from flowviz.render.mermaid import to_mermaid  # noqa: PLC0415

    graph = draw_graph(ready.model, choice)
    with ThreadPoolExecutor(max_workers=1) as pool:
        drawing = pool.submit(draw, graph, ["svg", "dot"], file)
        filters = choice.filters()
        if choice.spec(ready.model).kind in ("overview", "system"):
            picture: Graph | None = graph
        else:
            picture = None if filters.in_use() else ready.overview
        selection = select(ready.model, filters, picture)
        shown_tables = tables(ready.model, selection)
        mermaid = to_mermaid(graph).text
        picture = drawing.result()
    return Shown(
        graph=graph,
        svg=picture.outputs["svg"],
        dot=picture.outputs["dot"],
        mermaid=mermaid,
        figures=figures(selection, ready.findings),
        tables=shown_tables,
        drawing=picture.findings,
    )


@st.cache_data(max_entries=256, show_spinner=False)
def shown(name: str, data: bytes, config: bytes, folder: str, choice: Choice) -> Shown:
    """``show``, once per map content and choice."""
    return show(prepared(name, data, config, folder), choice, name)


@st.cache_data(max_entries=64, show_spinner=False)
def png(name: str, data: bytes, config: bytes, folder: str, choice: Choice) -> bytes:
    """The view as PNG, drawn only when asked for (a download)."""
    from flowviz.pictures import draw  # noqa: PLC0415

    ready = prepared(name, data, config, folder)
    return draw(draw_graph(ready.model, choice), ["png"], name).outputs["png"]


@st.cache_data(max_entries=16, show_spinner=False)
def findings_frame(name: str, data: bytes, config: bytes, folder: str) -> pd.DataFrame:
    """The check's findings as a table."""
    ready = prepared(name, data, config, folder)
    return findings_table(ready.model.language, ready.findings)
