"""The explorer for real: one ``flowviz explore`` server for the module on a free port (a
folder with the example, the seed template and the hostile map) answers its health check,
serves the page and stops cleanly; its graph is driven in Debian's Chromium by Playwright, in
the suite's one tab. How long a filter change takes to redraw the graph is measured by
``benchmarks/bench_explorer_graph.py``, not here.

The graph's ``g.node`` elements are looked for inside the graph component (Streamlit's own
icons are SVG too); the component draws into a shadow root, which Playwright's CSS locators
enter. Set ``FLOWVIZ_UPDATE_SCREENSHOTS=1`` to write the README's screenshot
(``docs/images/explorer.png``); the test's other screenshots go to its temporary folder.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from flowviz import load
from flowviz.views import redacted
from flowviz.views.trace import trace
from tests.chromium import Seen, watching
from tests.conftest import FIXTURES, MAPS, ROOT, SEED
from tests.explorer_page import GRAPH, NODES, VIEW, WAIT, open_view, timed_change
from tests.explorer_server import Server, fetch, serving

pytestmark = [pytest.mark.server, pytest.mark.browser, pytest.mark.dot, pytest.mark.slow]

README_SHOT = ROOT / "docs" / "images" / "explorer.png"


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    where = tmp_path_factory.mktemp("explorer-maps")
    shutil.copy(MAPS / "ru-petshop.md", where)
    shutil.copy(SEED, where)
    shutil.copy(FIXTURES / "hostile" / "hostile.md", where)
    return where


@pytest.fixture(scope="module")
def server(folder: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """``flowviz explore FOLDER/ru-petshop.md --port <free>``, stopped after the module."""
    log = tmp_path_factory.mktemp("explorer-log") / "server.log"
    with serving(folder / "ru-petshop.md", log) as running:
        yield running


@pytest.fixture
def seen(tab: Any) -> Iterator[Seen]:
    """What the page says while the test runs (console errors, uncaught exceptions, dialogs)."""
    with watching(tab) as watched:
        yield watched


@pytest.fixture
def page(tab: Any, seen: Seen) -> Iterator[Any]:
    """The suite's tab, watched while the test runs and left on a blank page after it (the
    explorer's page would go on calling a stopped server)."""
    yield tab
    tab.goto("about:blank")


def node_ids(page: Any) -> set[str]:
    return set(page.locator(NODES).evaluate_all("nodes => nodes.map(n => n.id)"))


def choose(page: Any, filter_index: int, option: str) -> None:
    """Pick ``option`` in the sidebar's ``filter_index``-th select box (0: the map)."""
    box = page.locator('[data-testid="stSidebar"] [data-testid="stSelectbox"]').nth(filter_index)
    box.click()
    page.keyboard.type(option)
    page.locator('[role="option"]').filter(has_text=option).first.click()


# -- the server -------------------------------------------------------------------------------


def test_the_server_answers_its_health_check_and_serves_the_page(server: Server) -> None:
    assert fetch(f"{server.url}/_stcore/health") == (200, "ok")
    status, text = fetch(server.url)
    assert status == 200
    assert "<noscript>" in text.lower() or "streamlit" in text.lower()


# -- the graph --------------------------------------------------------------------------------


def test_the_graph_hovers_zooms_selects_on_click_and_redraws_on_a_filter(
    server: Server, page: Any, seen: Seen
) -> None:
    """One page of the example: its systems drawn; a hover shows a system's and a link's row;
    the wheel zooms; a click on a link keeps only its row and a click on a system selects it;
    a filter change draws the view again (the page is opened once: Streamlit's first run of a
    session is the slow part)."""
    first = open_view(page, f"{server.url}/?map=ru-petshop.md")
    before = node_ids(page)
    assert {"system:amocrm", "system:tilda"} <= before
    page.locator(f'{GRAPH} g[id="system:amocrm"]').hover()
    tip = page.locator(f"{GRAPH} .flowviz-tip")
    tip.wait_for(state="visible", timeout=WAIT)
    assert "amoCRM" in tip.inner_text() and "zoomarket.amocrm.ru" in tip.inner_text()
    edge = page.locator(f'{GRAPH} g.edge[id="integration:5.3"] path.flowviz-hit').first
    edge.dispatch_event("mousemove", {"bubbles": True, "clientX": 200, "clientY": 200})
    assert "Logs API" in tip.inner_text() and "(строка 89)" in tip.inner_text()
    viewport = page.locator(f"{GRAPH} g.svg-pan-zoom_viewport")
    zoom = viewport.get_attribute("transform")
    frame = page.locator(GRAPH).bounding_box()
    page.mouse.move(frame["x"] + frame["width"] / 2, frame["y"] + frame["height"] / 2)
    page.mouse.wheel(0, -400)
    page.wait_for_function(
        """(old) => {
          for (const h of document.querySelectorAll('[data-testid^="stBidiComponent"]')) {
            const v = (h.shadowRoot || h).querySelector('.svg-pan-zoom_viewport');
            if (v && v.getAttribute('transform') !== old) return true;
          }
          return false;
        }""",
        arg=zoom,
        timeout=WAIT,
    )
    assert viewport.get_attribute("transform") != zoom
    page.locator(f'{GRAPH} g.edge[id="integration:5.3"]').dispatch_event("click")
    page.get_by_text("integration:5.3", exact=False).first.wait_for(timeout=WAIT)
    rows = page.locator('[data-testid="stDataFrame"]').first.locator("td[aria-colindex='1']")
    rows.first.wait_for(state="attached", timeout=WAIT)
    assert rows.all_inner_texts() == ["89"], "only the clicked link's row"
    page.locator(f'{GRAPH} g[id="system:amocrm"]').click()
    page.wait_for_url("**system=amocrm**", timeout=WAIT)
    selected = str(page.wait_for_function(VIEW, arg=first, timeout=WAIT).json_value())
    assert page.locator(f'{GRAPH} g.flowviz-selected[id="system:amocrm"]').count() == 1
    seconds, after_view = timed_change(page, 2, "(unisender)", selected)
    assert after_view not in (first, selected)
    page.wait_for_url("**system=unisender**", timeout=WAIT)
    after = node_ids(page)
    assert "system:unisender" in after and after != before
    assert page.locator(f'{GRAPH} g.flowviz-selected[id="system:unisender"]').count() == 1
    assert seconds < 15
    assert page.locator('[data-testid="stException"]').count() == 0
    assert seen.errors == [], "no console error, no uncaught exception"


def test_the_flow_player_highlights_step_two_and_the_arrow_keys_move_it(
    server: Server, page: Any
) -> None:
    open_view(page, f"{server.url}/?map=ru-petshop.md&view=flow&flow=1&step=1")
    page.get_by_role("button", name="Вперёд →").click()
    page.wait_for_url("**step=2**", timeout=WAIT)
    lit = page.locator(f'{GRAPH} g.edge.flowviz-lit[id="step:1.2"]')
    lit.wait_for(timeout=WAIT)
    edges = page.locator(f"{GRAPH} g.edge")
    faded = page.locator(f"{GRAPH} g.edge.flowviz-faded")
    assert faded.count() == edges.count() - 1
    page.get_by_text("Шаг 2 из").wait_for(timeout=WAIT)
    assert page.get_by_text("Шаг 2 из").count() == 1
    shoot(page)
    page.locator(GRAPH).focus()
    page.keyboard.press("ArrowRight")
    page.wait_for_url("**step=3**", timeout=WAIT)
    page.locator(f'{GRAPH} g.edge.flowviz-lit[id="step:1.3"]').wait_for(timeout=WAIT)


def test_the_tracer_lists_the_hops_of_client_id_in_the_seed_template(
    server: Server, page: Any
) -> None:
    open_view(page, f"{server.url}/?map=seed-template.md&trace=client_id")
    path = trace(redacted(load(SEED)), "client_id")
    table = page.locator('[data-testid="stDataFrame"]').first
    table.locator("td").first.wait_for(state="attached", timeout=WAIT)
    cells = table.locator("td").all_inner_texts()
    members = [text for text in cells if text.partition(":")[0] in ("step", "integration")]
    members += [text for text in cells if text.partition(":")[0] in ("rule", "binding")]
    shown = [hop.member for hop in path.hops if hop.member in set(members)]
    assert len(shown) >= 3
    assert [m for m in cells if m in shown] == shown, "the hops in the tracer's order"
    assert page.locator(f"{GRAPH} g.flowviz-lit").count() > 0
    assert page.locator(f"{GRAPH} g.flowviz-faded").count() > 0


def test_the_hostile_map_runs_no_script_and_shows_its_text_as_text(
    server: Server, page: Any, seen: Seen
) -> None:
    open_view(page, f"{server.url}/?map=hostile.md")
    edge = page.locator(f"{GRAPH} g.edge path.flowviz-hit")
    tip = page.locator(f"{GRAPH} .flowviz-tip")
    texts = []
    for index in range(edge.count()):
        edge.nth(index).dispatch_event("mousemove", {"bubbles": True, "clientX": 9, "clientY": 9})
        texts.append(tip.inner_text())
    assert any("<script>alert(1)</script>" in text for text in texts)
    page.get_by_text("Paid deals", exact=False).first.wait_for(state="attached", timeout=WAIT)
    assert page.locator(f"{GRAPH} script, {GRAPH} img, {GRAPH} foreignObject").count() == 0
    assert page.locator("img[src=x]").count() == 0
    page.wait_for_timeout(500)
    assert seen.dialogs == [] and seen.errors == []


def test_the_server_stops_cleanly_and_leaves_no_process(server: Server) -> None:
    """The last test: stop the module's server and check nothing is left behind."""
    server.process.terminate()
    assert server.process.wait(timeout=15) is not None
    with pytest.raises(OSError):
        fetch(f"{server.url}/_stcore/health")
    assert (
        "streamlit"
        not in subprocess.run(
            ["ps", "-o", "args=", "--ppid", str(server.process.pid)],
            capture_output=True,
            text=True,
            check=False,
        ).stdout
    )


def shoot(page: Any) -> None:
    """The README's screenshot (the graph and the player beside it), when asked for."""
    if os.environ.get("FLOWVIZ_UPDATE_SCREENSHOTS") != "1":
        return
    graph = page.locator(GRAPH)
    graph.scroll_into_view_if_needed()
    lit = page.locator(f"{GRAPH} g.edge.flowviz-lit").first.bounding_box()
    page.mouse.move(lit["x"] + lit["width"] / 2, lit["y"] + lit["height"] / 2)
    for _ in range(2):
        page.mouse.wheel(0, -200)
        page.wait_for_timeout(150)
    page.mouse.move(0, 0)
    page.wait_for_timeout(300)
    frame = graph.bounding_box()
    clip = {"x": frame["x"] - 8, "y": frame["y"] - 8, "width": 1280 - frame["x"] - 24}
    README_SHOT.parent.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(README_SHOT), clip={**clip, "height": max(frame["height"] + 16, 440)})
