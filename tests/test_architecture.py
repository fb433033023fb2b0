"""The architecture picture: the overview drawn by mingrammer's ``diagrams`` with an icon per
kind of system, groups as clusters and edges labelled by method.

``flowviz.render.architecture`` turns the graph into a plan (plain data, no ``diagrams``);
``backend.run_diagrams`` draws it. The plan is checked on its own; the pictures are drawn by
the real ``diagrams`` and ``dot``: every edge is in the SVG, the SVG links no file, map text is
shown as written and never as markup, no secret reaches a picture, and two processes draw the
same bytes.
"""

from __future__ import annotations

import ast
import base64
import doctest
import importlib
import re
import shutil
import struct
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import NamedTuple

import pytest
from drift_support import read

from flowviz.backend import drawn_edges, embed_images, run_diagrams
from flowviz.cli import main
from flowviz.graph import Edge, Graph, Member, Node, Note, facts_of
from flowviz.model import Map
from flowviz.pictures import draw_architecture, png_scaled
from flowviz.render import architecture
from flowviz.render.architecture import (
    ICONS,
    KEYWORDS,
    Plan,
    PlanCluster,
    PlanEdge,
    PlanNode,
    icon_for,
    to_plan,
)
from flowviz.views import Filters, ViewSpec, build, overview, parse_views
from flowviz.wording import shorten
from tests.conftest import FIXTURES, MAPS
from tests.test_quoting import HOSTILE, assert_inert, assert_shows
from tests.test_render_hostile import SECRETS

PETSHOP = MAPS / "ru-petshop.md"
HOSTILE_MAP = FIXTURES / "hostile" / "hostile.md"
SVG = "{http://www.w3.org/2000/svg}"
XLINK_HREF = "{http://www.w3.org/1999/xlink}href"
PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


def petshop() -> Map:
    return read(PETSHOP)


def petshop_graph() -> Graph:
    return overview(petshop())


def node(label: str, kind: str = "other", product: str = "", key: str = "x") -> Node:
    facts = facts_of((("kind", kind), ("product", product)))
    return Node(f"system:{key}", key, label, kind, facts=facts)  # type: ignore[arg-type]


def test_doctests_of_the_renderer_pass() -> None:
    results = doctest.testmod(architecture, verbose=False, report=False)
    assert results.attempted > 0
    assert results.failed == 0


def test_the_renderer_does_not_import_diagrams() -> None:
    """The plan is plain data: only the backend loads ``diagrams`` (and its ``graphviz``)."""
    tree = ast.parse(Path(architecture.__file__).read_text(encoding="utf-8"))
    imported = [
        alias.name for n in ast.walk(tree) if isinstance(n, ast.Import) for alias in n.names
    ]
    imported += [n.module or "" for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)]
    assert [name for name in imported if name.split(".")[0] in ("diagrams", "graphviz")] == []


def test_the_architecture_view_is_the_overview_named_for_its_picture() -> None:
    drawn = build(petshop(), parse_views(petshop(), "architecture"))
    assert [graph.kind for graph in drawn] == ["architecture"]
    graph, same = drawn[0], petshop_graph()
    assert (graph.nodes, graph.clusters, graph.edges) == (same.nodes, same.clusters, same.edges)
    assert graph.name == "architecture"
    assert graph.title == "Архитектура: " + same.title.split(": ", 1)[1]
    assert parse_views(petshop(), "all")[-1] == ViewSpec("architecture")


# -- icons ----------------------------------------------------------------------------------


def test_each_role_of_the_model_has_its_icon() -> None:
    """Site, CRM, email platform, analytics, other and person, from the map's roles."""
    roles = {"cms": "site", "crm": "crm", "esp": "email", "analytics": "analytics"}
    roles |= {"other": "other", "actor": "person"}
    for role, kind in roles.items():
        assert icon_for(node("Something", role)) == (kind, ICONS[kind]), role


@pytest.mark.parametrize(
    ("label", "role", "product", "kind", "icon"),
    [
        ("Calltouch", "other", "", "calltracking", None),
        ("CoMagic", "analytics", "", "calltracking", None),
        ("Коллтрекинг", "other", "", "calltracking", None),
        ("Call tracking", "other", "", "calltracking", None),
        ("Meta Pixel", "analytics", "", "pixel", None),
        ("VK Pixel", "analytics", "", "pixel", None),
        ("Хранилище", "other", "BigQuery", "warehouse", "diagrams.gcp.analytics.Bigquery"),
        ("ClickHouse", "other", "", "warehouse", "diagrams.onprem.database.Clickhouse"),
        ("Отчёты", "other", "Power BI", "warehouse", "diagrams.onprem.analytics.Powerbi"),
        ("DataLens", "analytics", "", "warehouse", None),
        ("Looker Studio", "analytics", "", "warehouse", "diagrams.gcp.analytics.Looker"),
        ("Telegram-бот", "other", "", "messenger", "diagrams.saas.chat.Telegram"),
        ("WhatsApp", "other", "", "messenger", None),
        ("Чат-бот поддержки", "other", "", "messenger", None),
        ("Support bot", "other", "", "messenger", None),
    ],
)
def test_a_keyword_of_the_name_or_product_chooses_a_finer_icon(
    label: str, role: str, product: str, kind: str, icon: str | None
) -> None:
    assert icon_for(node(label, role, product)) == (kind, icon or ICONS[kind])  # type: ignore[index]


@pytest.mark.parametrize(
    ("label", "role", "kind"),
    [
        ("Обработка заказов", "other", "other"),  # "бот" inside a word is no bot
        ("Robotics ERP", "other", "other"),
        ("Bitrix24", "other", "other"),
        ("Telegram CRM", "crm", "crm"),  # the map's role stands for a CRM, site or ESP
        ("Pixel Shop", "cms", "site"),
    ],
)
def test_a_keyword_refines_only_whole_words_of_analytics_or_other_systems(
    label: str, role: str, kind: str
) -> None:
    assert icon_for(node(label, role))[0] == kind


def test_a_groups_own_node_has_the_groups_role() -> None:
    group = Node(
        "system:analytics", "analytics", "Analytics", "group", facts=(("kind",), ("analytics",))
    )
    assert icon_for(group)[0] == "analytics"


def test_every_icon_is_a_class_of_diagrams_with_its_picture() -> None:
    paths = set(ICONS.values()) | {icon for _, icon, _ in KEYWORDS if icon}
    for path in sorted(paths):
        module, _, name = path.rpartition(".")
        cls = getattr(importlib.import_module(module), name)
        assert cls._icon, path
        icon = Path(importlib.import_module("diagrams").__file__).parent.parent / cls._icon_dir
        assert (icon / cls._icon).is_file(), path


# -- the plan -------------------------------------------------------------------------------


def test_the_plan_of_petshop_has_its_icons_cluster_and_labelled_edges() -> None:
    graph = petshop_graph()
    plan = to_plan(graph)
    kinds = {n.id: n.kind for n in plan.nodes}
    assert kinds == {
        "tilda": "site",
        "amocrm": "crm",
        "unisender": "email",
        "analytics": "analytics",
        "ga4": "analytics",
        "iandeks-metrika": "analytics",
        "vk-pixel": "pixel",
        "cloudpayments": "other",
    }
    assert plan.clusters == (PlanCluster("analytics", "cluster:analytics", "Analytics"),)
    inside = {n.id for n in plan.nodes if n.cluster == "analytics"}
    assert inside == {"analytics", "ga4", "iandeks-metrika", "vk-pixel"}
    assert [e.id for e in plan.edges] == [e.id for e in graph.edges]
    for drawn, edge in zip(plan.edges, graph.edges, strict=True):
        assert drawn.label.split() == edge.label.split()
        assert (drawn.source, drawn.target) == (edge.source[7:], edge.target[7:])
    labels = {e.id: e.label for e in plan.edges}
    assert labels["pair:tilda/amocrm"] == "2× Webhook, REST API"
    assert labels["integration:3.4"] == "Офлайн-конверсии VK\nРек…"
    assert plan.title == graph.title


def test_the_plan_has_stable_ids_from_system_ids() -> None:
    graph = petshop_graph()
    first, second = to_plan(graph), to_plan(overview(read(PETSHOP)))
    assert first == second
    assert [n.id for n in first.nodes] == [n.key for n in graph.nodes]
    assert [n.element for n in first.nodes] == [n.id for n in graph.nodes]
    assert all(re.fullmatch(r"[a-z0-9-]+", n.id) for n in first.nodes)


def test_ids_that_become_the_same_stay_apart() -> None:
    """System ids of a hand-edited YAML map may hold anything; DOT ids are made safe and
    stay distinct."""
    graph = Graph(
        "overview",
        "o",
        "t",
        "en",
        nodes=(node("A", key="a:b"), node("B", key="a_b"), node("C", key="a b")),
        edges=(Edge("integration:1", "system:a:b", "system:a b", "x", ()),),
    )
    plan = to_plan(graph)
    assert [n.id for n in plan.nodes] == ["a_b", "a_b-2", "a_b-3"]
    assert (plan.edges[0].source, plan.edges[0].target) == ("a_b", "a_b-3")


def test_a_long_name_is_cut_and_wrapped_under_its_icon() -> None:
    plan = to_plan(Graph("overview", "o", "t", "en", nodes=(node("Очень " * 100),)))
    label = plan.nodes[0].label
    assert label.endswith("…")
    assert all(len(line) <= architecture.LABEL_WRAP for line in label.split("\n"))
    assert len(label) <= architecture.LABEL_MAX + label.count("\n")


def test_labels_are_drawn_as_the_strategy_says() -> None:
    plan = to_plan(petshop_graph(), "xlabel")
    assert plan.labels == "xlabel"
    assert ("splines", "spline") in plan.graph_attrs


# -- hostile text, escaped once -------------------------------------------------------------


def hostile_plan() -> Plan:
    """One node per hostile string (its label), one edge per string (its label), and a
    cluster and a title of hostile text."""
    nodes = [PlanNode("hub", "system:hub", "hub", "other", ICONS["other"])]
    edges = []
    for i, (_, text, _) in enumerate(HOSTILE):
        nodes.append(PlanNode(f"n{i}", f"system:n{i}", text, "other", ICONS["other"], "c"))
        edges.append(PlanEdge(f"integration:{i}", "hub", f"n{i}", text, ()))
    cluster = PlanCluster("c", "cluster:c", '<b>"Группа"</b> \\ end')
    return Plan(
        "architecture", '<script>alert("t")</script> \\', tuple(nodes), (cluster,), tuple(edges), ""
    )


class Drawn(NamedTuple):
    """The hostile plan drawn as SVG: each element's text lines by its id."""

    svg: bytes
    texts: dict[str, str]


@pytest.fixture(scope="module")
def hostile_drawn() -> Drawn:
    if shutil.which("dot") is None:
        pytest.skip("Graphviz's dot is not installed")
    svg = run_diagrams(hostile_plan(), ["svg"])["svg"]
    root = ET.fromstring(svg)
    texts = {
        group.get("id", ""): "\n".join(
            (t.text or "").replace("\xa0", " ").strip(" ") for t in group.iter(f"{SVG}text")
        )
        for group in root.iter(f"{SVG}g")
    }
    return Drawn(svg, texts)


@pytest.mark.dot
def test_hostile_text_makes_an_inert_svg(hostile_drawn: Drawn) -> None:
    assert_inert(hostile_drawn.svg)


@pytest.mark.dot
@pytest.mark.parametrize(
    ("index", "shown"), [pytest.param(i, s, id=name) for i, (name, _, s) in enumerate(HOSTILE)]
)
def test_hostile_text_is_shown_as_written(hostile_drawn: Drawn, index: int, shown: str) -> None:
    """Escaped once: the ``graphviz`` package under ``diagrams`` adds the quotes and reads no
    HTML; ``dot`` expands no escape of the map's own."""
    assert_shows(hostile_drawn.texts[f"system:n{index}"], shown)
    assert_shows(hostile_drawn.texts[f"integration:{index}"], shown)


@pytest.mark.dot
def test_hostile_cluster_and_title_are_shown_as_written(hostile_drawn: Drawn) -> None:
    assert hostile_drawn.texts["cluster:c"] == '<b>"Группа"</b> \\ end'
    assert '<script>alert("t")</script> \\' in hostile_drawn.texts["graph0"].split("\n")


# -- the command ----------------------------------------------------------------------------


class Rendered(NamedTuple):
    status: int
    out: str
    err: str
    folder: Path


@pytest.fixture(scope="module")
def petshop_rendered(tmp_path_factory: pytest.TempPathFactory) -> Rendered:
    if shutil.which("dot") is None:
        pytest.skip("Graphviz's dot is not installed")
    folder = tmp_path_factory.mktemp("petshop")
    return _render(PETSHOP, folder, "--view", "architecture", "--format", "png,svg")


@pytest.fixture(scope="module")
def hostile_rendered(tmp_path_factory: pytest.TempPathFactory) -> Rendered:
    if shutil.which("dot") is None:
        pytest.skip("Graphviz's dot is not installed")
    folder = tmp_path_factory.mktemp("hostile")
    return _render(HOSTILE_MAP, folder, "--view", "architecture", "--format", "svg,png")


def _render(path: Path, folder: Path, *options: str) -> Rendered:
    import contextlib  # noqa: PLC0415
    import io  # noqa: PLC0415

    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        status = main(["render", str(path), "-o", str(folder), *options])
    return Rendered(status, out.getvalue(), err.getvalue(), folder)


@pytest.mark.dot
def test_render_view_architecture_writes_png_and_svg(petshop_rendered: Rendered) -> None:
    run = petshop_rendered
    assert (run.status, run.err) == (0, "")
    written = [run.folder / "architecture.png", run.folder / "architecture.svg"]
    assert run.out.splitlines() == [str(path) for path in written]
    assert sorted(p.name for p in run.folder.iterdir()) == ["architecture.png", "architecture.svg"]
    assert written[0].read_bytes().startswith(PNG_MAGIC)
    assert b"<svg" in written[1].read_bytes()[:1000]


@pytest.mark.dot
def test_every_edge_and_system_of_the_overview_is_in_the_svg(petshop_rendered: Rendered) -> None:
    svg = (petshop_rendered.folder / "architecture.svg").read_bytes()
    graph = petshop_graph()
    assert drawn_edges(svg) == {edge.id for edge in graph.edges}
    root = ET.fromstring(svg)
    ids = {g.get("id") for g in root.iter(f"{SVG}g")}
    assert {n.id for n in graph.nodes} | {"cluster:analytics", "legend"} <= ids


@pytest.mark.dot
def test_the_svg_embeds_its_icons_and_links_no_file(petshop_rendered: Rendered) -> None:
    svg = (petshop_rendered.folder / "architecture.svg").read_bytes()
    images = list(ET.fromstring(svg).iter(f"{SVG}image"))
    assert len(images) == len(petshop_graph().nodes)
    for image in images:
        links = [v for k, v in image.attrib.items() if k.rsplit("}", 1)[-1] == "href"]
        assert len(links) == 1
        assert links[0].startswith("data:image/png;base64,")
        assert base64.b64decode(links[0].split(",", 1)[1]).startswith(PNG_MAGIC)
    assert b"site-packages" not in svg
    assert re.search(rb'href="(?!data:)', svg) is None


def test_embedding_refuses_a_link_that_is_not_an_icon(tmp_path: Path) -> None:
    from flowviz.backend import GraphvizError  # noqa: PLC0415

    for name in ("notes.txt", "picture.png"):
        other = tmp_path / name
        other.write_bytes(PNG_MAGIC)
        with pytest.raises(GraphvizError, match="not an icon"):
            embed_images(f'<svg><image xlink:href="{other}" /></svg>'.encode())
    assert embed_images(b"<svg><text>href</text></svg>") == b"<svg><text>href</text></svg>"


@pytest.mark.dot
def test_a_filter_applies_to_the_architecture_picture(tmp_path: Path) -> None:
    run = _render(
        PETSHOP, tmp_path, "--view", "architecture", "--system", "amocrm", "--format", "svg"
    )
    assert (run.status, run.err) == (0, "")
    svg = (tmp_path / "architecture.system-amocrm.svg").read_bytes()
    model = petshop()
    asked = build(model, parse_views(model, "architecture"), Filters(system="amocrm"))[0]
    assert asked.name == "architecture.system-amocrm"
    assert drawn_edges(svg) == {edge.id for edge in asked.edges}
    assert len(asked.edges) < len(petshop_graph().edges)


@pytest.mark.dot
def test_asking_only_for_dot_says_the_architecture_is_not_drawn(tmp_path: Path) -> None:
    run = _render(PETSHOP, tmp_path, "--view", "overview,architecture", "--format", "dot")
    assert run.status == 0
    assert run.out.splitlines() == [str(tmp_path / "overview.dot")]
    assert len(run.err.splitlines()) == 1
    assert "architecture" in run.err and "not drawn" in run.err


# -- every edge drawn or reported -----------------------------------------------------------


@pytest.mark.dot
def test_an_edge_it_cannot_draw_is_reported() -> None:
    """An edge whose end is no node cannot be drawn: a finding names its row; a row the view
    could not place is named too."""
    member = Member("integration:2.1", "integration", 12, "API")
    graph = Graph(
        "overview",
        "architecture",
        "t",
        "en",
        nodes=(node("Site", "cms", key="site"),),
        clusters=(),
        edges=(Edge("integration:2.1", "system:site", "system:gone", "API", (member,)),),
        notes=(Note("2.2: Orders → ?", 13, "integration:2.2", drawn=False),),
    )
    picture = draw_architecture(graph, ["svg"], "map.md")
    assert not picture.complete
    found = {(f.code, f.line) for f in picture.findings}
    assert found == {("FV301", 12), ("FV303", 13)}
    assert "integration:2.1" in next(f.message for f in picture.findings if f.code == "FV301")


def test_a_png_smaller_than_its_svg_was_scaled_down() -> None:
    """cairo scales a bitmap past 32,767 pixels down; ``diagrams`` hides ``dot``'s warning, so
    the PNG's size is compared with the SVG's at 96 dpi (an FV302 when it is smaller)."""
    svg = b'<svg width="885pt" height="1286pt" viewBox="0 0 885 1286">'

    def png(width: int, height: int) -> bytes:
        return PNG_MAGIC + b"\x00\x00\x00\rIHDR" + struct.pack(">II", width, height)

    assert not png_scaled(svg, png(1179, 1715))
    assert png_scaled(svg, png(590, 858))
    assert not png_scaled(b"<svg>", png(1, 1))


# -- the hostile map ------------------------------------------------------------------------


@pytest.mark.dot
def test_the_hostile_maps_picture_is_inert_and_shows_its_names_as_written(
    hostile_rendered: Rendered,
) -> None:
    run = hostile_rendered
    assert (run.status, run.err) == (0, "")
    svg = (run.folder / "architecture.svg").read_bytes()
    assert_inert(svg)
    root = ET.fromstring(svg)
    groups = {g.get("id"): g for g in root.iter(f"{SVG}g")}
    graph = overview(read(HOSTILE_MAP))
    shown = [*graph.nodes, *graph.edges]
    assert 'Legacy "ERP" {v2} Billing' in [n.label for n in graph.nodes]
    assert any("<script>" in e.label for e in graph.edges)
    for item in shown:
        lines = [(t.text or "").replace("\xa0", " ") for t in groups[item.id].iter(f"{SVG}text")]
        assert " ".join(" ".join(lines).split()) == " ".join(shorten(item.label, 64).split())
    title = " ".join((t.text or "") for t in root.find(f"{SVG}g").findall(f"{SVG}text"))
    assert 'Hostile "quotes" & {braces} test' in title


@pytest.mark.dot
@pytest.mark.parametrize("secret", SECRETS.values(), ids=SECRETS.keys())
def test_no_secret_reaches_the_architecture_picture(
    hostile_rendered: Rendered, secret: str
) -> None:
    for path in hostile_rendered.folder.iterdir():
        assert secret[:5].encode() not in path.read_bytes(), path.name


# -- determinism ----------------------------------------------------------------------------
