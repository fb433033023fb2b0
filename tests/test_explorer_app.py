"""The explorer's page, driven by Streamlit's ``AppTest`` (no server, no browser).

Each bundled map loads; a system filter and an identifier filter change the figures and the
tables exactly as ``flowviz.views`` says; a link with filters opens that view; an unknown value
in a link is dropped with a notice; a bad upload or a map outside the explorer's folder gets
one clear message and no traceback; a hostile map's text is shown as written, never as HTML.

Streamlit and pandas (the page's modules import them) are imported by the tests that use them,
not at the top: every xdist worker collects this module, and only one runs it.
"""

from __future__ import annotations

import json
import re
import sys
import tomllib
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from drift_support import read as read_map
from markdown_it import MarkdownIt

from benchmarks.make_map import make_map
from flowviz.backend import explorer_command
from flowviz.cli import main
from flowviz.errors import FlowvizError
from flowviz.explorer import APP, PATH_VARIABLE
from flowviz.explorer.files import UPLOAD_MAX_BYTES, list_maps, open_map
from flowviz.explorer.quoting import plain
from flowviz.views import Filters, flow, overview, redacted
from flowviz.views.trace import (
    FOCUS_SYSTEMS,
    flow_steps,
    highlighted_edges,
    highlighted_nodes,
    trace,
)
from tests.conftest import EXAMPLES, FIXTURES, MAPS, ROOT, SEED

if TYPE_CHECKING:
    from streamlit.testing.v1 import AppTest

pytestmark = pytest.mark.dot

PETSHOP = MAPS / "ru-petshop.md"
HOSTILE = FIXTURES / "hostile" / "hostile.md"


def start(monkeypatch: pytest.MonkeyPatch, target: Path, **params: str) -> AppTest:
    """The page for ``target`` (a map or a folder), opened with ``params`` in its URL."""
    from streamlit.testing.v1 import AppTest  # noqa: PLC0415 (see the module's docstring)

    monkeypatch.setenv(PATH_VARIABLE, str(target))
    app = AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=60)
    app.query_params.update(params)
    return app.run()


def figures(app: AppTest) -> list[str]:
    return [metric.value for metric in app.metric]


def table(app: AppTest, key: str) -> list[int]:
    """The map lines of a table's rows (its first column)."""
    from flowviz.explorer.page import TABLES  # noqa: PLC0415

    frames = app.tabs[TABLES.index(key)].dataframe
    return [] if not frames else [int(line) for line in frames[0].value.iloc[:, 0]]


def graph_data(app: AppTest) -> dict[str, Any]:
    """The data the page sends to the graph component (its SVG, highlighted ids, ...)."""
    (component,) = app.get("bidi_component")
    assert component.proto.component_name == "flowviz_graph"
    return json.loads(component.proto.json)  # type: ignore[no-any-return]


def clean(app: AppTest) -> None:
    """No traceback, no error line."""
    assert not app.exception, [e.value for e in app.exception]
    assert not app.error, [e.value for e in app.error]


def expected(path: Path, filters: Filters) -> tuple[list[str], list[int]]:
    """(systems, integrations) figures and the integration rows' lines that ``filters`` keep,
    straight from the views (a row to a group's tools is drawn once per tool: counted once)."""
    model = redacted(read_map(path))
    graph = overview(model, filters, fold=False)
    rows = {m.id: m.line for m in graph.members() if m.kind == "integration"}
    lines = sorted(rows.values())
    systems = sum(1 for node in graph.nodes if node.kind != "actor")
    return [str(systems), str(len(lines))], lines


@pytest.fixture(autouse=True, scope="module")
def _components_found_once() -> Iterator[None]:
    """Streamlit looks through the metadata of every installed package for components each
    time an ``AppTest`` starts (half a second; its server does it once, when it starts): the
    module looks once and gives each ``AppTest`` what was found."""
    from streamlit.components.v2 import manifest_scanner  # noqa: PLC0415

    found = manifest_scanner.scan_component_manifests()
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(manifest_scanner, "scan_component_manifests", lambda *_, **__: found)
        yield


# -- the page -------------------------------------------------------------------------------


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_each_bundled_map_loads_with_its_figures_picture_and_tables(
    monkeypatch: pytest.MonkeyPatch, path: Path
) -> None:
    app = start(monkeypatch, path)
    clean(app)
    model = read_map(path)
    assert model.project.name and model.project.name in app.title[0].value.replace("\\", "")
    assert figures(app)[:2] == [
        str(sum(1 for s in model.systems if s.kind != "actor")),
        str(len(model.integrations)),
    ]
    assert table(app, "integrations") == [row.line for row in model.integrations]
    assert graph_data(app)["svg"].count('class="node"') > 0, "the view's graph is shown"
    assert app.query_params["map"] == path.name


def test_a_system_filter_changes_figures_and_tables_as_the_views_say(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    app = start(monkeypatch, PETSHOP)
    app.selectbox(key="system").set_value("amocrm").run()
    clean(app)
    shown, lines = expected(PETSHOP, Filters(system="amocrm"))
    assert figures(app)[:2] == shown
    assert table(app, "integrations") == lines
    assert 0 < len(lines) < len(read_map(PETSHOP).integrations)
    assert app.query_params["system"] == "amocrm"


def test_an_identifier_filter_changes_figures_and_tables_as_the_views_say(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    app = start(monkeypatch, PETSHOP)
    app.selectbox(key="identifier").set_value("client_id").run()
    clean(app)
    shown, lines = expected(PETSHOP, Filters(identifier="client_id"))
    assert figures(app)[:2] == shown
    assert table(app, "integrations") == lines
    model = read_map(PETSHOP)
    rows = {row.line: row for row in model.integrations}
    assert all("client_id" in rows[line].identifiers for line in lines)
    assert table(app, "identifiers") == [i.line for i in model.identifiers if i.name == "client_id"]


def test_changing_one_filter_keeps_the_others(monkeypatch: pytest.MonkeyPatch) -> None:
    app = start(monkeypatch, PETSHOP, status="configured")
    app.selectbox(key="system").set_value("amocrm").run()
    clean(app)
    assert app.query_params["status"] == "configured"
    assert app.query_params["system"] == "amocrm"
    _, lines = expected(PETSHOP, Filters(system="amocrm", status="configured"))
    assert table(app, "integrations") == lines


def test_a_link_with_filters_opens_that_view(monkeypatch: pytest.MonkeyPatch) -> None:
    app = start(monkeypatch, MAPS, map=PETSHOP.name, view="flow", flow="2", identifier="CLIENT_ID")
    clean(app)
    model = read_map(PETSHOP)
    title = next(f.title for f in model.flows if f.number == 2)
    assert title in app.caption[0].value.replace("\\", "")
    assert app.selectbox(key="view").value == "flow"
    assert app.selectbox(key="flow").value == 2
    assert app.selectbox(key="identifier").value == "client_id"
    assert app.query_params["identifier"] == "client_id"
    steps = [s.line for f in model.flows if f.number == 2 for s in f.steps]
    assert set(table(app, "steps")) <= set(steps)


def test_an_unknown_value_in_a_link_is_dropped_with_a_notice(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    app = start(monkeypatch, PETSHOP, system="<b>nope</b>", depth="9", status="configured")
    clean(app)
    notices = " ".join(w.value for w in app.warning)
    assert "nope" in notices and "depth" in notices
    assert "<b>" not in notices.replace("\\<", "")
    assert "system" not in app.query_params and "depth" not in app.query_params
    assert app.query_params["status"] == "configured"
    _, lines = expected(PETSHOP, Filters(status="configured"))
    assert table(app, "integrations") == lines


def test_a_filter_change_draws_the_view_again_but_does_not_read_the_map_again(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """Reading and checking are cached on the file's content; a new filter only builds and
    draws its view, and a filter seen before costs nothing."""
    from flowviz.explorer import data  # noqa: PLC0415

    copy = tmp_path / PETSHOP.name
    copy.write_bytes(PETSHOP.read_bytes() + b"\n")  # content of its own: a cold cache
    calls = {"read": 0, "show": 0}
    for name in calls:
        real = getattr(data, f"{name}_map" if name == "read" else name)

        def counted(*args: object, _real: Any = real, _name: str = name) -> object:
            calls[_name] += 1
            return _real(*args)

        monkeypatch.setattr(data, f"{name}_map" if name == "read" else name, counted)
    app = start(monkeypatch, copy)
    app.selectbox(key="system").set_value("amocrm").run()
    app.selectbox(key="status").set_value("configured").run()
    app.selectbox(key="status").set_value(None).run()
    clean(app)
    assert calls == {"read": 1, "show": 3}


def test_the_downloads_are_the_views_svg_png_dot_and_mermaid() -> None:
    from flowviz.explorer import data  # noqa: PLC0415
    from flowviz.explorer.model import Choice  # noqa: PLC0415

    opened = open_map(MAPS, PETSHOP.name)
    chosen = Choice(view="system", system="amocrm")
    view = data.shown(opened.name, opened.data, opened.config, opened.folder, chosen)
    assert view.graph.name == "system-amocrm"
    assert view.svg.startswith(b"<?xml") and b'class="edge"' in view.svg
    assert view.dot.startswith(b"digraph")
    assert view.mermaid.startswith("flowchart")
    png = data.png(opened.name, opened.data, opened.config, opened.folder, chosen)
    assert png.startswith(b"\x89PNG\r\n\x1a\n")


# -- what cannot be opened --------------------------------------------------------------------

BAD_UPLOADS = {
    "binary": ("image.md", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "binary file"),
    "cp1251": ("old.md", "# Карта интеграций\n\nСайт и CRM\n".encode("cp1251"), "cp1251"),
    "not a map": ("notes.md", b"# Shopping list\n\n- milk\n", "not an integration map"),
    "too large": ("big.md", b"#" * (UPLOAD_MAX_BYTES + 1), "too large"),
    "not a map file": ("picture.png", b"\x89PNG", "not a map file"),
}


@pytest.mark.parametrize("case", BAD_UPLOADS, ids=str)
def test_a_bad_upload_gets_one_clear_message_and_no_traceback(
    monkeypatch: pytest.MonkeyPatch, case: str
) -> None:
    name, content, message = BAD_UPLOADS[case]
    app = start(monkeypatch, PETSHOP)
    app.file_uploader(key="upload").upload(name, content).run()
    assert not app.exception
    assert len(app.error) == 1
    assert app.error[0].value.startswith(f"{name}:")
    assert message in app.error[0].value
    assert not app.metric


def test_an_uploaded_map_is_shown(monkeypatch: pytest.MonkeyPatch) -> None:
    app = start(monkeypatch, PETSHOP)
    english = MAPS / "en-saas.md"
    app.file_uploader(key="upload").upload(english.name, english.read_bytes()).run()
    clean(app)
    assert table(app, "integrations") == [row.line for row in read_map(english).integrations]


@pytest.mark.parametrize("asked", ["../README.md", "/etc/passwd", "../maps/../../x.md"])
def test_a_link_to_a_map_outside_the_folder_is_refused(
    monkeypatch: pytest.MonkeyPatch, asked: str
) -> None:
    app = start(monkeypatch, MAPS, map=asked)
    assert not app.exception
    assert [e.value for e in app.error] == [
        f"{asked}: refused: only maps inside the explorer's folder open"
    ]


@pytest.fixture
def folder_with_a_link_out(tmp_path: Path) -> Path:
    """A folder with one map and a link to a map outside it."""
    inside = tmp_path / "maps"
    inside.mkdir()
    (inside / "petshop.md").write_bytes(PETSHOP.read_bytes())
    outside = tmp_path / "secret.md"
    outside.write_bytes((MAPS / "en-saas.md").read_bytes())
    (inside / "link.md").symlink_to(outside)
    return inside


def test_a_link_leading_out_of_the_folder_is_refused(
    monkeypatch: pytest.MonkeyPatch, folder_with_a_link_out: Path
) -> None:
    assert list_maps(folder_with_a_link_out) == ["petshop.md"]
    with pytest.raises(FlowvizError, match="a link that leads outside"):
        open_map(folder_with_a_link_out, "link.md")
    app = start(monkeypatch, folder_with_a_link_out, map="link.md")
    assert not app.exception
    assert [e.value for e in app.error] == [
        "link.md: refused: a link that leads outside the explorer's folder"
    ]
    assert table(app, "integrations") == [row.line for row in read_map(PETSHOP).integrations]


# -- hostile text --------------------------------------------------------------------------


def test_a_hostile_maps_text_is_shown_as_written_never_as_html(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    app = start(monkeypatch, HOSTILE, view="identifiers")
    clean(app)
    for element in [*app.markdown, *app.title, *app.caption, *app.warning, *app.info]:
        assert not getattr(element.proto, "allow_html", False)
        assert not re.search(r"(?<!\\)[<>\[\]*_`:$]", element.value.split(": ", 1)[-1])
    cells = " ".join(
        str(value) for frame in app.dataframe for value in frame.value.to_numpy().ravel()
    )
    assert "<script>alert(1)</script>" in cells
    assert "Invoices for <script>alert(2)</script> customers" in cells
    for secret in ("sk_live_7Qm2Xv9LpR4tZk8Wn3Hc6Jd1", "Pa55w0rdXyz", "rk_live_Rb4Nw8Ty2Lq6Zs0"):
        assert secret not in cells
    assert not app.get("html") and not app.get("iframe")


HOSTILE_TEXT = [
    '"quoted"',
    "back\\slash",
    "trailing\\",
    "{braces}",
    "<b>bold</b>",
    "<script>alert(1)</script>",
    "a:b",
    "end",
    "two\nlines",
    "x" * 10_000,
    "Сайт «Оплачено»",
    "[link](javascript:alert(1)) ![img](http://x/y.png)",
    ":red[colour] :material/home: $x^2$",
]


@pytest.mark.parametrize("text", HOSTILE_TEXT, ids=lambda t: t[:20])
def test_plain_shows_markdown_text_as_written(text: str) -> None:
    escaped = plain(text)
    assert "\n" not in escaped
    rendered = MarkdownIt("commonmark").render(escaped)
    assert "<b>" not in rendered and "<script" not in rendered and "<a " not in rendered
    assert "<img" not in rendered
    assert re.sub(r"\\(.)", r"\1", escaped) == " ".join(text.split("\n"))


# -- state and files -------------------------------------------------------------------------


def test_filters_go_to_the_url_and_back() -> None:
    from flowviz.explorer.model import Choice, options  # noqa: PLC0415
    from flowviz.explorer.state import read, to_params  # noqa: PLC0415

    model = read_map(PETSHOP)
    chosen = Choice(view="system", system="amocrm", identifier="client_id", flow=2, depth=2)
    values, unknown = read(to_params(chosen), model, options(model))
    assert unknown == []
    assert Choice(**values) == chosen  # type: ignore[arg-type]
    assert to_params(Choice()) == {}


@pytest.mark.parametrize("path", [*EXAMPLES, HOSTILE], ids=lambda p: p.name)
def test_the_steps_table_keeps_what_each_flows_view_keeps(path: Path) -> None:
    from flowviz.explorer.model import options, select  # noqa: PLC0415

    model = redacted(read_map(path))
    for system_id in options(model).systems:
        for direction, depth in (("in", 1), ("out", 1), ("both", 1), ("both", 2)):
            filters = Filters(system=system_id, direction=direction, depth=depth)  # type: ignore[arg-type]
            drawn = {m.id for f in model.flows for m in flow(model, f.number, filters).members()}
            want = [
                (f.number, s.number)
                for f in model.flows
                for s in f.steps
                if f"step:{f.number}.{s.number}" in drawn
            ]
            got = [(number, step.number) for number, step in select(model, filters).steps]
            assert got == want, (system_id, direction, depth)


def test_explore_names_a_missing_path_in_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["explore", "no/such/map.md"]) == 2
    assert capsys.readouterr().err == "flowviz: no/such/map.md: no such map file or folder\n"
    assert main(["explore", "pyproject.toml"]) == 2
    assert "not a map file" in capsys.readouterr().err


def test_the_server_command_is_headless_without_usage_statistics() -> None:
    command = explorer_command(APP, 8123)
    assert command[1:5] == ["-m", "streamlit", "run", str(APP)]
    assert command[5:7] == ["--server.headless", "true"]
    assert command[7:9] == ["--browser.gatherUsageStats", "false"]
    assert command[-2:] == ["--server.port", "8123"]
    assert "--server.port" not in explorer_command(APP, None)


# -- the graph: clicks, the flow player, the tracer, focus ----------------------------------


def test_the_graph_gets_the_views_svg_and_the_selected_system(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    app = start(monkeypatch, PETSHOP, system="amocrm")
    clean(app)
    sent = graph_data(app)
    assert 'id="system:amocrm"' in sent["svg"]
    assert sent["selected"] == "amocrm"
    assert sent["lit"] == [] and not sent["player"]


def test_the_url_holds_the_flow_and_the_step_and_the_step_is_highlighted(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    app = start(monkeypatch, PETSHOP, view="flow", flow="1", step="2")
    clean(app)
    model = redacted(read_map(PETSHOP))
    steps = flow_steps(flow(model, 1))
    sent = graph_data(app)
    assert sent["player"] and sent["fade"]
    assert set(steps[1].edges) <= set(sent["lit"])
    assert not set(steps[0].edges) & set(sent["lit"]) - set(steps[1].edges)
    assert app.query_params["flow"] == "1" and app.query_params["step"] == "2"
    app.button(key="step_next").click().run()
    assert app.query_params["step"] == "3"
    assert set(steps[2].edges) <= set(graph_data(app)["lit"])
    app.button(key="step_back").click().run()
    app.button(key="step_back").click().run()
    assert app.query_params["step"] == "1"


def test_the_tracer_lists_every_hop_in_the_tracers_order_and_lights_its_path(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    app = start(monkeypatch, SEED, trace="client_id")
    clean(app)
    model = redacted(read_map(SEED))
    path = trace(model, "client_id")
    frame = app.dataframe[0].value  # the hops table comes before the tabs
    assert list(zip(frame.iloc[:, 4], frame.iloc[:, 5], strict=True)) == [
        (hop.member, hop.line) for hop in path.hops
    ]
    assert app.query_params["trace"] == "client_id"
    sent = graph_data(app)
    assert sent["fade"]
    assert set(sent["lit"]) == highlighted_edges(overview(model), path) | highlighted_nodes(
        overview(model), path
    )


@pytest.mark.slow
def test_a_large_map_opens_on_the_busiest_systems_neighbourhood(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    big = tmp_path / "big.md"
    big.write_text(make_map(1000, language="en"), encoding="utf-8")  # 46 systems
    app = start(monkeypatch, big)
    clean(app)
    systems = app.selectbox(key="system").options[1:]  # after "all"
    assert len(systems) > FOCUS_SYSTEMS, "more systems than a whole view shows at first"
    assert app.selectbox(key="system").value is not None
    assert app.query_params["system"] == app.selectbox(key="system").value
    assert app.info, "the page says why it shows a neighbourhood"


def test_above_the_focus_threshold_the_busiest_system_is_chosen_unless_the_link_names_one(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from flowviz.explorer.model import options  # noqa: PLC0415

    tracer = sys.modules["flowviz.views.trace"]  # (``views.trace`` is also the function)
    monkeypatch.setattr(tracer, "FOCUS_SYSTEMS", 3)  # the example has 6 systems
    model = redacted(read_map(PETSHOP))
    ends = Counter(end for e in overview(model).edges for end in (e.source, e.target))
    busiest = max(options(model).systems, key=lambda s: ends[f"system:{s}"])  # first of equals
    app = start(monkeypatch, PETSHOP)
    clean(app)
    assert app.query_params["system"] == busiest
    assert graph_data(app)["selected"] == busiest
    app = start(monkeypatch, PETSHOP, system="tilda")
    assert app.query_params["system"] == "tilda"
    assert not app.info


def test_a_link_clicked_in_the_graph_keeps_only_its_rows(monkeypatch: pytest.MonkeyPatch) -> None:
    from flowviz.explorer.interact import EDGE  # noqa: PLC0415

    app = start(monkeypatch, PETSHOP)
    app.session_state[EDGE] = "integration:5.3"
    app.run()
    clean(app)
    assert table(app, "integrations") == [89]
    assert "integration:5.3" in graph_data(app)["lit"]
    app.button(key="all_rows").click().run()
    assert table(app, "integrations") == [row.line for row in read_map(PETSHOP).integrations]


def test_the_graphs_script_inserts_no_html_and_keeps_svg_pan_zooms_notice() -> None:
    from flowviz.explorer.graph import HERE, script  # noqa: PLC0415

    code = (HERE / "graph.js").read_text(encoding="utf-8")
    for unsafe in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval("):
        assert unsafe not in code
    assert 'parseFromString(text, "image/svg+xml")' in code and "textContent" in code
    whole = script()
    assert whole.startswith("/*\nsvg-pan-zoom 3.6.2")
    assert "Copyright 2009-2010 Andrea Leofreddi" in whole.split("*/", 1)[0]
    assert "// svg-pan-zoom v3.6.2" in whole and whole.endswith(code)
    packaged = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    kept = packaged["tool"]["setuptools"]["package-data"]["flowviz.explorer.graph"]
    assert {"*.js", "*.css", "*.html", "LICENSE"} <= set(kept)


@pytest.mark.parametrize(
    "name",
    [
        "en-sf-integration-landscape",  # a Mermaid flowchart with subgraphs
        "ru-bc-sales-mapping",  # a table with a direction column
        "en-n8n-marketing-report",  # a process list with a workflow engine
        "en-tentacles-architecture",  # an ASCII drawing
    ],
)
def test_a_document_not_in_the_template_opens_with_its_graph_and_tables(
    monkeypatch: pytest.MonkeyPatch, name: str
) -> None:
    path = FIXTURES / "real" / f"{name}.md"
    app = start(monkeypatch, path)
    clean(app)
    model = redacted(read_map(path))
    assert graph_data(app)["svg"].count('class="edge"') == len(overview(model).edges)
    assert figures(app)[1] == str(len({m.id for m in overview(model, fold=False).members()}))
    assert figures(app)[2] == "—", "no row states a status: no share configured"
