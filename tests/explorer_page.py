"""The explorer's page in a browser, for the browser tests and the benchmark of a filter
change: where the graph is, how to wait for it to be drawn, and how to time a change."""

from __future__ import annotations

import time
from typing import Any

GRAPH = ".flowviz-graph"
NODES = f"{GRAPH} g.node"
WAIT = 30_000
"""Milliseconds to wait for the page (Chromium's and Streamlit's first start are slow)."""
VIEW = """(old) => {
  for (const host of document.querySelectorAll('[data-testid^="stBidiComponent"]')) {
    const graph = (host.shadowRoot || host).querySelector('.flowviz-graph');
    if (graph && graph.dataset.view && graph.dataset.view !== old) return graph.dataset.view;
  }
  return false;
}"""
"""The graph's drawn view (a digest of its SVG) once it differs from ``old``."""


def open_view(page: Any, url: str) -> str:
    """Open ``url`` and wait for the graph; its drawn view's digest."""
    page.goto(url, wait_until="domcontentloaded")
    page.locator(NODES).first.wait_for(timeout=WAIT)
    return str(page.wait_for_function(VIEW, arg="", timeout=WAIT).json_value())


def timed_change(page: Any, filter_index: int, option: str, old: str) -> tuple[float, str]:
    """Seconds from picking ``option`` to the new graph drawn, and its view."""
    box = page.locator('[data-testid="stSidebar"] [data-testid="stSelectbox"]').nth(filter_index)
    box.click()
    page.keyboard.type(option)
    target = page.locator('[role="option"]').filter(has_text=option).first
    target.wait_for(timeout=WAIT)
    start = time.perf_counter()
    target.click()
    view = page.wait_for_function(VIEW, arg=old, timeout=WAIT, polling="raf").json_value()
    return time.perf_counter() - start, str(view)
