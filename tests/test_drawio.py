"""`flowviz export --to drawio`: the overview as a diagrams.net file laid out by Graphviz.

The file is read back with ElementTree and held against what draw.io needs to open it (one
``mxfile`` / ``diagram`` / ``mxGraphModel`` / ``root``, cells ``0`` and ``1``, unique ids, every
parent present, vertices with a geometry, edges between vertices) and against the graph view it
was drawn from: one cell per node and per edge, with the view's ids, labels, ends and rows.
Hostile text comes back exactly as written and never as markup; the same map gives the same
bytes in two processes; the bundled example is a golden file (refresh with
``FLOWVIZ_UPDATE_GOLDEN=1 pytest tests/test_drawio.py``, review the diff like code).
"""

from __future__ import annotations

import doctest
import os
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import NamedTuple

import pytest
from drift_support import read

from flowviz.backend import run_graphviz
from flowviz.cli import main
from flowviz.errors import FlowvizError
from flowviz.graph import Edge, Graph, Member, Node
from flowviz.render import drawio, layout
from flowviz.render.dot import to_dot
from flowviz.render.drawio import cell_id, to_drawio, xml_text
from flowviz.render.layout import Placed, read_layout
from flowviz.views import overview, redacted
from tests.conftest import EXAMPLES, FIXTURES, GOLDEN, ROOT, SEED

pytestmark = pytest.mark.dot

HOSTILE = FIXTURES / "hostile" / "hostile.md"
CASES = [*EXAMPLES, SEED, HOSTILE]
GOLDEN_EXAMPLE = ROOT / "maps" / "ru-petshop.md"
CELL_TAGS = {"mxCell", "object"}
TAGS = {"mxfile", "diagram", "mxGraphModel", "root", "mxGeometry", "Array", "mxPoint", *CELL_TAGS}
HOSTILE_SECRETS = ("sk_live_7Qm2Xv9LpR4tZk8Wn3Hc6Jd1", "Pa55w0rdXyz", "rk_live_Rb4Nw8Ty2Lq6Zs0V")
HOSTILE_TEXT = [
    'say "hi"',
    "back\\slash",
    "trailing \\",
    "{braces}",
    "<b>bold</b>",
    "<script>alert(1)</script>",
    "a:b",
    "end",
    "two\nlines",
    "x" * 10_000,
    "Сайт → CRM «Оплачено»",
    "AT&amp;T &lt;",
    "%label% %id%",
    "esc\x1b[31m bell\x07",
]


def export_drawio(path: Path, folder: Path) -> bytes:
    """``flowviz export PATH --to drawio`` in-process; the bytes it wrote."""
    out = folder / f"{path.stem}.drawio"
    assert main(["export", str(path), "--to", "drawio", "-o", str(out)]) == 0
    return out.read_bytes()


class Cell(NamedTuple):
    """One draw.io cell read back: its data (the attributes of its ``object`` wrapper: id,
    label, facts) and its ``mxCell`` (style, parent, ends, geometry)."""

    attrs: dict[str, str]
    cell: ET.Element

    @property
    def id(self) -> str:
        return self.attrs["id"]

    def get(self, name: str) -> str | None:
        """An attribute of the ``mxCell``."""
        return self.cell.get(name)

    @property
    def geometry(self) -> ET.Element:
        found = self.cell.find("mxGeometry")
        assert found is not None, f"cell {self.id} has no mxGeometry"
        return found


class Read(NamedTuple):
    """A draw.io file read back."""

    mxfile: ET.Element
    model: ET.Element
    cells: dict[str, Cell]

    def vertices(self) -> dict[str, Cell]:
        return {k: c for k, c in self.cells.items() if c.cell.get("vertex") == "1"}

    def edges(self) -> dict[str, Cell]:
        return {k: c for k, c in self.cells.items() if c.cell.get("edge") == "1"}


def read_back(data: bytes) -> Read:
    """Parse ``data`` and check the frame draw.io opens: mxfile > diagram > mxGraphModel >
    root, whose children are cells (``mxCell``, or ``object`` holding one ``mxCell``)."""
    mxfile = ET.fromstring(data)
    assert mxfile.tag == "mxfile"
    assert mxfile.get("host") == "flowviz"
    assert set(mxfile.attrib) == {"host"}, "no modified date, etag or agent: same bytes each run"
    (diagram,) = list(mxfile)
    assert diagram.tag == "diagram"
    assert diagram.get("name")
    assert diagram.get("id")
    (model,) = list(diagram)
    assert model.tag == "mxGraphModel"
    (root,) = list(model)
    assert root.tag == "root"
    cells: dict[str, Cell] = {}
    for child in root:
        assert child.tag in CELL_TAGS
        if child.tag == "object":
            (inner,) = list(child)
            assert inner.tag == "mxCell"
            assert "id" not in inner.attrib, "the id belongs on the object"
            cell = Cell(dict(child.attrib), inner)
        else:
            cell = Cell(dict(child.attrib), child)
        assert cell.id not in cells, f"duplicate cell id {cell.id}"
        cells[cell.id] = cell
    return Read(mxfile, model, cells)


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    folder = tmp_path_factory.mktemp("drawio")
    return {path.stem: export_drawio(path, folder) for path in CASES}


def view(path: Path) -> Graph:
    """The graph the export draws: the overview of the redacted map."""
    return overview(redacted(read(path)))


# -- what draw.io needs -------------------------------------------------------------------


@pytest.mark.parametrize("path", CASES, ids=[p.stem for p in CASES])
def test_the_file_has_the_structure_draw_io_opens(path: Path, exported: dict[str, bytes]) -> None:
    data = exported[path.stem]
    assert data.endswith(b"\n") and not data.endswith(b"\n\n")
    read = read_back(data)
    assert {element.tag for element in read.mxfile.iter()} <= TAGS
    cells = read.cells
    assert "parent" not in cells["0"].attrs
    assert cells["1"].get("parent") == "0"
    vertices = read.vertices()
    for cell in cells.values():
        if cell.id in ("0", "1"):
            continue
        assert cell.get("parent") in cells, f"{cell.id}: its parent is missing"
        assert (cell.cell.get("vertex") == "1") != (cell.cell.get("edge") == "1")
        assert cell.geometry.get("as") == "geometry"
        assert "html=0" in (cell.get("style") or "").split(";"), "map text is never HTML"
        assert "placeholders" not in cell.attrs, "no %placeholder% substitution in map text"
    for cell in read.edges().values():
        assert cell.get("source") in vertices
        assert cell.get("target") in vertices
        assert cell.get("parent") == "1"
        assert cell.geometry.get("relative") == "1"


@pytest.mark.parametrize("path", CASES, ids=[p.stem for p in CASES])
def test_everything_lies_on_the_page(path: Path, exported: dict[str, bytes]) -> None:
    """Graphviz's positions, y flipped, moved onto the page: every vertex, container child
    and waypoint lies inside the page (a child inside its container), nothing overlaps the
    page's top-left corner."""
    read = read_back(exported[path.stem])
    width = float(read.model.attrib["pageWidth"])
    height = float(read.model.attrib["pageHeight"])
    frames = {"1": (0.0, 0.0, width, height)}
    vertices = read.vertices()
    for key in sorted(vertices, key=lambda k: vertices[k].get("parent") != "1"):
        cell = vertices[key]
        g = {name: float(cell.geometry.attrib[name]) for name in ("x", "y", "width", "height")}
        assert g["width"] > 0 and g["height"] > 0
        left, top, frame_width, frame_height = frames[cell.get("parent")]
        assert 0 <= g["x"] <= frame_width - g["width"], f"{key} is off its frame"
        assert 0 <= g["y"] <= frame_height - g["height"], f"{key} is off its frame"
        frames[key] = (left + g["x"], top + g["y"], g["width"], g["height"])
    for cell in read.edges().values():
        for point in cell.geometry.iter("mxPoint"):
            if point.get("as") != "offset":
                assert 0 <= float(point.attrib["x"]) <= width
                assert 0 <= float(point.attrib["y"]) <= height


# -- the graph view, read back ------------------------------------------------------------


@pytest.mark.parametrize("path", CASES, ids=[p.stem for p in CASES])
def test_one_cell_per_node_and_edge_of_the_view(path: Path, exported: dict[str, bytes]) -> None:
    graph = view(path)
    read = read_back(exported[path.stem])
    vertices, edges = read.vertices(), read.edges()
    expected = {cell_id(item.id) for item in (*graph.nodes, *graph.clusters)}
    assert set(vertices) == expected | ({"notes"} if graph.notes else set())
    assert set(edges) == {cell_id(edge.id) for edge in graph.edges}
    for cluster in graph.clusters:
        cell = vertices[cell_id(cluster.id)]
        assert cell.attrs["label"] == cluster.label
        assert "container=1" in (cell.get("style") or "")
    for node in graph.nodes:
        cell = vertices[cell_id(node.id)]
        assert cell.attrs["flowviz_id"] == node.id
        assert cell.attrs["label"] == xml_text(node.label)
        assert cell.attrs["flowviz_kind"] == node.kind
        assert cell.get("parent") == (cell_id(node.cluster) if node.cluster else "1")
        for key, value in zip(*node.facts, strict=True):
            assert cell.attrs[key] == xml_text(value), f"{node.id}: fact {key}"
    for edge in graph.edges:
        cell = edges[cell_id(edge.id)]
        assert cell.attrs["flowviz_id"] == edge.id
        assert cell.attrs["label"] == xml_text(edge.label)
        assert cell.get("source") == cell_id(edge.source)
        assert cell.get("target") == cell_id(edge.target)
        assert cell.attrs["flowviz_status"] == edge.status
        assert cell.attrs["flowviz_kind"] == edge.members[0].kind
        assert cell.attrs["members"].split("\n") == [m.id for m in edge.members]
        assert cell.attrs["lines"] == ", ".join(str(line) for line in edge.lines)
        if len(edge.members) == 1:
            for key, value in zip(*edge.members[0].facts, strict=True):
                assert cell.attrs[key] == xml_text(value), f"{edge.id}: fact {key}"


def test_a_folded_edge_carries_every_row(exported: dict[str, bytes]) -> None:
    """Two rows from Tilda to amoCRM are one edge; its data names both, its tooltip holds
    each row's facts with its line."""
    cell = read_back(exported["ru-petshop"]).edges()["pair_tilda_amocrm"]
    assert cell.attrs["label"] == "2× Webhook, REST API"
    assert cell.attrs["members"] == "integration:2.1\nintegration:2.5"
    assert cell.attrs["lines"] == "50, 54"
    assert "Метод: Webhook" in cell.attrs["tooltip"]
    assert "(строка 54)" in cell.attrs["tooltip"]
    assert "method" not in cell.attrs, "a folded edge's facts are its rows', not one row's"


def test_styles_follow_kind_and_status(exported: dict[str, bytes]) -> None:
    cells = read_back(exported["ru-petshop"]).cells
    style = {key: (cell.get("style") or "").split(";") for key, cell in cells.items()}
    assert "shape=cylinder3" in style["system_amocrm"]
    assert "fillColor=#ffedd5" in style["system_amocrm"]
    assert "ellipse" in style["system_ga4"]
    assert "dashed=1" in style["integration_3.3"], "needs setup is dashed"
    assert "strokeColor=#d97706" in style["integration_3.3"]
    assert "dashed=1" not in style["integration_2.2"], "configured is solid"
    assert "dashPattern=1 3" in style["integration_3.4"], "not required is dotted"


def test_rows_the_overview_cannot_draw_are_a_note(tmp_path: Path) -> None:
    """A row whose receiver names no system is in a text cell below the drawing."""
    path = FIXTURES / "drift2" / "mixed-flowers-hubspot.md"
    cells = read_back(export_drawio(path, tmp_path)).cells
    note = cells["notes"]
    assert note.attrs["members"] == "integration:3.3"
    assert "3.3: Повторный заказ к празднику → ?" in note.attrs["label"].split("\n")


def test_without_a_layout_every_cell_is_still_there() -> None:
    """Nodes that Graphviz gave no place (none here: no layout at all) stand in a row on the
    page; edges keep their ends and let draw.io route them."""
    graph = view(GOLDEN_EXAMPLE)
    read = read_back(to_drawio(graph, Placed(0.0, 0.0, {}, {}, {})).encode("utf-8"))
    assert set(read.vertices()) == {cell_id(node.id) for node in graph.nodes}
    assert set(read.edges()) == {cell_id(edge.id) for edge in graph.edges}
    assert all(cell.geometry.find("Array") is None for cell in read.edges().values())
    width = float(read.model.attrib["pageWidth"])
    for cell in read.vertices().values():
        assert cell.get("parent") == "1"
        assert float(cell.geometry.attrib["x"]) + float(cell.geometry.attrib["width"]) <= width


def test_a_layout_that_is_not_json_is_an_error() -> None:
    with pytest.raises(FlowvizError, match="JSON layout could not be read"):
        read_layout(b"Error: syntax error in line 1")


# -- hostile text -------------------------------------------------------------------------


def test_hostile_map_comes_back_as_written(exported: dict[str, bytes]) -> None:
    data = exported["hostile"]
    for secret in HOSTILE_SECRETS:
        assert secret.encode() not in data
    assert b"<script" not in data and b"<img" not in data
    cells = read_back(data).cells
    assert cells["system_legacy-erp-v2-billing"].attrs["label"] == 'Legacy "ERP" {v2} Billing'
    assert cells["system_1s-bukhgalteriia-oplacheno"].attrs["label"] == "1С:Бухгалтерия «Оплачено»"
    first = cells["integration_2.1"].attrs
    assert first["method"] == "<script>alert(1)</script>"
    assert first["label"] == "<script>alert(1)</script>"[:23] + "…"
    assert first["details"].endswith("trailing backslash C:\\temp\\")
    assert "Pa55w0rdXyz" not in first["details"]
    assert cells["integration_2.3"].attrs["purpose"] == "Funnel [31mreporting[0m\tand more"


@pytest.mark.parametrize("text", HOSTILE_TEXT, ids=range(len(HOSTILE_TEXT)))
def test_any_text_survives_dot_and_the_xml(text: str) -> None:
    """A node, a cluster and an edge labelled ``text``, laid out by ``dot`` for real: the
    labels and facts read back are ``text`` (less what XML cannot hold) and never markup."""
    member = Member("integration:2.1", "integration", 7, text, "configured", (("method",), (text,)))
    graph = Graph(
        kind="overview",
        name="overview",
        title=text,
        language="en",
        nodes=(
            Node("system:a", "a", text, "cms", facts=(("url",), (text,))),
            Node("system:b", "b", "B", "crm"),
        ),
        edges=(Edge("integration:2.1", "system:a", "system:b", text, (member,), "configured"),),
    )
    placed = read_layout(run_graphviz(to_dot(graph), ["json"]).outputs["json"])
    assert set(placed.boxes) >= {"system:a", "system:b"}
    data = to_drawio(graph, placed).encode("utf-8")
    read = read_back(data)
    assert {element.tag for element in read.mxfile.iter()} <= TAGS
    shown = xml_text(text)
    assert shown == text or "\x1b" in text
    assert read.mxfile[0].get("name") == shown
    assert read.cells["system_a"].attrs["label"] == shown
    assert read.cells["system_a"].attrs["url"] == shown
    assert read.cells["integration_2.1"].attrs["label"] == shown
    assert read.cells["integration_2.1"].attrs["method"] == shown


@pytest.mark.parametrize("text", HOSTILE_TEXT, ids=range(len(HOSTILE_TEXT)))
def test_xml_text_keeps_all_that_xml_can_hold(text: str) -> None:
    element = ET.Element("object", label=xml_text(text))
    back = ET.fromstring(ET.tostring(element, encoding="unicode")).get("label")
    assert back == "".join(c for c in text if c.isprintable() or c in "\t\n\r")


# -- golden -------------------------------------------------------------------------------


def test_the_bundled_example_matches_its_golden_file(exported: dict[str, bytes]) -> None:
    """``dot -Tjson`` gives the same bytes on every run here, so the file is a golden file."""
    golden = GOLDEN / "drawio" / f"{GOLDEN_EXAMPLE.stem}.drawio"
    data = exported[GOLDEN_EXAMPLE.stem]
    if os.environ.get("FLOWVIZ_UPDATE_GOLDEN"):
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_bytes(data)
    refresh = "FLOWVIZ_UPDATE_GOLDEN=1 pytest tests/test_drawio.py"
    assert golden.exists(), f"no golden file {golden.name}: run '{refresh}'"
    assert data == golden.read_bytes(), f"{golden.name} differs: review, then run '{refresh}'"


@pytest.mark.parametrize("module", [drawio, layout], ids=["drawio", "layout"])
def test_doctests_of_module_pass(module: object) -> None:
    results = doctest.testmod(module, verbose=False, report=False)  # type: ignore[arg-type]
    assert results.attempted > 0
    assert results.failed == 0
