"""``flowviz render``: which files it writes, that every edge a view asks for is in its SVG,
that two processes draw the same bytes, and one clear line (exit 2) for a bad request.

Every map is drawn once by real Graphviz: the ``renders`` fixture runs ``main`` for all of them
in two worker processes (the machine has two cores), and the tests read what each run wrote.
"""

from __future__ import annotations

import contextlib
import io
import multiprocessing
import os
import re
import shutil
import stat
import sys
import traceback
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import pytest
from drift_support import read

import flowviz
from flowviz.backend import drawn_edges
from flowviz.cli import main
from flowviz.pictures import LABEL_EDGES_MAX, draw
from flowviz.views import build, overview, parse_views
from tests.conftest import FIXTURES, MAPS, ROOT, SEED

PETSHOP = MAPS / "ru-petshop.md"
DRIFT = sorted((FIXTURES / "drift").glob("*.md")) + sorted((FIXTURES / "drift2").glob("*.md"))
PNG_MAGIC = b"\x89PNG\r\n\x1a\n"
FLOWVIZ = Path(sys.executable).parent / "flowviz"

VIEW_ALL_MAPS = [pytest.param(path, id=path.stem) for path in [SEED, *DRIFT]]
"""Most of these have a view with no edges under ``--view all`` (an identifiers view of a
map without sync rules, a system nothing links): such a picture is drawn too."""


def view_names(path: Path) -> list[str]:
    """The file stems ``--view all`` writes for the map at ``path``."""
    model = read(path)
    return [graph.name for graph in build(model, parse_views(model, "all"))]


# -- every map drawn once --------------------------------------------------------------------


@dataclass(frozen=True)
class Run:
    """One ``main`` call: its exit code ('crash' for an exception), stdout, stderr, folder."""

    code: int | str
    out: str
    err: str
    folder: Path

    @property
    def lines(self) -> list[str]:
        return self.out.splitlines()

    def files(self) -> set[str]:
        return {p.name for p in self.folder.iterdir()} if self.folder.exists() else set()


def _main_in_worker(argv: list[str]) -> tuple[int | str, str, str]:
    """``main(argv)`` in a worker process with its output captured."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code: int | str = main(argv)
        except Exception:
            code = "crash"
            err.write(traceback.format_exc())
    return code, out.getvalue(), err.getvalue()


@pytest.fixture(scope="module")
def renders(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Run]:
    """ru-petshop with ``--view all --format svg,png,dot``; the seed template and every
    drifted map with ``--view all --format svg``; all under umask 022."""
    base = tmp_path_factory.mktemp("render")
    jobs = {PETSHOP.stem: (PETSHOP, "svg,png,dot")} | {p.stem: (p, "svg") for p in [SEED, *DRIFT]}
    argv = {
        stem: ["render", str(path), "-o", str(base / stem), "--view", "all", "--format", formats]
        for stem, (path, formats) in jobs.items()
    }
    mask = os.umask(0o022)
    try:
        context = multiprocessing.get_context("fork")
        with ProcessPoolExecutor(max_workers=2, mp_context=context) as pool:
            futures = {stem: pool.submit(_main_in_worker, args) for stem, args in argv.items()}
            return {stem: Run(*future.result(), base / stem) for stem, future in futures.items()}
    finally:
        os.umask(mask)


# -- what render writes ----------------------------------------------------------------------


@pytest.mark.dot
def test_render_writes_overview_flows_and_identifiers_and_prints_each_path(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["render", str(PETSHOP), "-o", str(tmp_path)]) == 0
    out, err = capsys.readouterr()
    names = ["overview", *(f"flow-{n}" for n in range(1, 7)), "identifiers"]
    assert out.splitlines() == [str(tmp_path / f"{name}.svg") for name in names]
    assert err == ""
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(f"{n}.svg" for n in names)
    for name in names:
        assert b"<svg" in (tmp_path / f"{name}.svg").read_bytes()[:1000]


@pytest.mark.dot
def test_view_all_writes_every_system_in_every_format(renders: dict[str, Run]) -> None:
    run = renders[PETSHOP.stem]
    assert run.code == 0, run.err
    systems = [s.id for s in read(PETSHOP).systems if s.kind != "actor"]
    assert systems == [
        "tilda",
        "amocrm",
        "unisender",
        "analytics",
        "ga4",
        "iandeks-metrika",
        "vk-pixel",
        "cloudpayments",
    ]
    names = [
        "overview",
        *(f"flow-{n}" for n in range(1, 7)),
        "identifiers",
        *(f"system-{key}" for key in systems),
    ]
    written = [f"{name}.{fmt}" for name in names for fmt in ("svg", "png", "dot")]
    written += ["architecture.svg", "architecture.png"]  # no DOT: it links icon files
    assert run.files() == set(written)
    assert run.lines == [str(run.folder / name) for name in written]
    for name in names:
        assert (run.folder / f"{name}.png").read_bytes().startswith(PNG_MAGIC), name
        assert (run.folder / f"{name}.dot").read_text(encoding="utf-8").startswith("digraph ")
        assert b"<svg" in (run.folder / f"{name}.svg").read_bytes()[:1000]


@pytest.mark.dot
def test_written_files_are_0644_under_umask_022(renders: dict[str, Run]) -> None:
    run = renders[PETSHOP.stem]
    modes = {p.name: oct(stat.S_IMODE(p.stat().st_mode)) for p in run.folder.iterdir()}
    assert modes
    assert {name: mode for name, mode in modes.items() if mode != "0o644"} == {}


@pytest.mark.dot
@pytest.mark.parametrize(
    "path",
    [pytest.param(PETSHOP, id=PETSHOP.stem), *VIEW_ALL_MAPS],
)
def test_every_svg_draws_every_edge_the_view_asked_for(renders: dict[str, Run], path: Path) -> None:
    run = renders[path.stem]
    assert run.code in (0, 1), run.err
    model = read(path)
    for graph in build(model, parse_views(model, "all")):
        svg = (run.folder / f"{graph.name}.svg").read_bytes()
        asked = [edge.id for edge in graph.edges]
        assert len(set(asked)) == len(asked)
        assert drawn_edges(svg) == set(asked), graph.name


@pytest.mark.dot
@pytest.mark.parametrize("path", VIEW_ALL_MAPS)
def test_view_all_draws_the_seed_and_every_drifted_map(renders: dict[str, Run], path: Path) -> None:
    run = renders[path.stem]
    if run.code == 1:
        assert any(" FV301 " in line for line in run.err.splitlines()), run.err
    else:
        assert run.code == 0, run.err
    flows = {f"flow-{f.number}.svg" for f in read(path).flows}
    assert flows
    assert {name for name in run.files() if name.startswith("flow-")} == flows
    assert run.files() == {f"{name}.svg" for name in view_names(path)}
    assert run.lines == [str(run.folder / f"{name}.svg") for name in view_names(path)]


@pytest.mark.dot
def test_a_view_with_no_edges_is_still_drawn(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """step-table.md has no section 6 or 10: its identifiers view has no edges."""
    path = FIXTURES / "step-table.md"
    assert build(read(path), parse_views(read(path), "identifiers"))[0].edges == ()
    assert main(["render", str(path), "--view", "identifiers", "-o", str(tmp_path)]) == 0
    assert (tmp_path / "identifiers.svg").exists()
    assert capsys.readouterr().err == ""


def test_an_svg_with_no_edges_draws_none() -> None:
    assert drawn_edges(b'<svg><g id="graph0" class="graph"><text>x</text></g></svg>') == set()


def test_only_edge_groups_with_a_path_count_as_drawn() -> None:
    """An edge group that ``dot`` left without its curve (an unfilled path, as ``dot`` writes
    every edge's: only its title, or only its label) is not drawn; ids come back as the DOT
    gave them (``dot`` writes ``-`` as ``&#45;``)."""
    svg = (
        b'<svg><g id="graph0" class="graph">'
        b'<g id="system:a" class="node"><title>a</title><path d="M0,0"/></g>'
        b'<g id="integration:2.1" class="edge"><title>a&#45;&gt;b</title>'
        b'<g id="a_integration:2.1"><a xlink:title="2.1&#10;x &lt;path">'
        b'<path fill="none" stroke="black" d="M1,1"/></a></g></g>'
        b'<g id="integration:2.2" class="edge"><title>a&#45;&gt;b</title>'
        b'<g id="a_integration:2.2&#45;label"><a xlink:title="&lt;path"><text>API</text></a>'
        b"</g></g>"
        b'<g id="pair:meta&#45;pixel/crm" class="edge"><title>t</title>'
        b'<path fill="none" stroke="grey" d="M2,2"/></g>'
        b'<g id="integration:2.3" class="edge"><title>t</title></g>'
        b"</g></svg>"
    )
    assert drawn_edges(svg) == {"integration:2.1", "pair:meta-pixel/crm"}


# -- unusable requests -----------------------------------------------------------------------


def _choices(key: str) -> list[str]:
    model = read(PETSHOP)
    return {
        "view": ["overview", "flows", "flow:N", "identifiers", "system:S", "all"],
        "flow": [str(f.number) for f in model.flows],
        "system": [s.id for s in model.systems if s.kind != "actor"],
        "identifier": ["client_id", "ym_uid", "lead_id", "contact_id", "subscriber_id"],
        "format": ["svg", "png", "dot"],
    }[key]


@pytest.mark.parametrize(
    ("args", "named", "choices"),
    [
        (["--view", "nope"], "'nope'", "view"),
        (["--view", "overview,flow:99"], "99", "flow"),
        (["--view", "system:nope"], "'nope'", "system"),
        (["--system", "nope"], "'nope'", "system"),
        (["--identifier", "nope"], "'nope'", "identifier"),
        (["--format", "gif"], "'gif'", "format"),
        (["--format", "svg,gif"], "'gif'", "format"),
    ],
    ids=["view", "flow", "system-view", "system", "identifier", "format", "format-list"],
)
def test_an_unknown_choice_is_one_line_naming_the_valid_ones(
    args: list[str],
    named: str,
    choices: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    out_dir = tmp_path / "out"
    assert main(["render", str(PETSHOP), "-o", str(out_dir), *args]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    lines = err.splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("flowviz: ")
    assert named in lines[0]
    rest = lines[0].split(named, 1)[1]
    for choice in _choices(choices):
        word = rf"(?<![\w:-]){re.escape(choice)}(?![\w:-])"
        assert re.search(word, rest), f"{choice!r} is not named in {lines[0]!r}"
    assert not out_dir.exists() or not any(out_dir.iterdir())


def test_a_missing_map_is_one_line_naming_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "nope.md"
    assert main(["render", str(missing), "-o", str(tmp_path / "out")]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert len(err.splitlines()) == 1, err
    assert err.startswith("flowviz: ")
    assert str(missing) in err
    assert not (tmp_path / "out").exists()


# -- determinism and folders -----------------------------------------------------------------


@pytest.fixture
def same_stem(tmp_path: Path) -> list[str]:
    """Two copies of one small map, both called shop.md, in different folders."""
    paths = []
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        paths.append(str(shutil.copy(FIXTURES / "step-table.md", tmp_path / folder / "shop.md")))
    return paths


@pytest.mark.dot
def test_two_maps_with_one_stem_never_share_a_folder(
    same_stem: list[str],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["render", *same_stem, "--view", "overview"]) == 0
    expected = [Path("output/shop/overview.svg"), Path("output/shop-2/overview.svg")]
    assert capsys.readouterr().out.splitlines() == [str(p) for p in expected]
    assert all(p.is_file() for p in expected)

    target = tmp_path / "pictures"
    assert main(["render", *same_stem, "--view", "overview", "-o", str(target)]) == 0
    expected = [target / "shop" / "overview.svg", target / "shop-2" / "overview.svg"]
    assert capsys.readouterr().out.splitlines() == [str(p) for p in expected]
    assert sorted(p.name for p in target.iterdir()) == ["shop", "shop-2"]


# -- big views -------------------------------------------------------------------------------


@pytest.mark.dot
@pytest.mark.slow
def test_a_view_of_a_thousand_rows_is_drawn_with_xlabels_and_loses_no_edge(
    tmp_path: Path,
) -> None:
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        from make_map import make_map  # noqa: PLC0415
    finally:
        sys.path.remove(str(ROOT / "benchmarks"))
    path = tmp_path / "big.md"
    path.write_text(make_map(1000), encoding="utf-8")
    graph = overview(flowviz.load(path), fold=False)
    assert len(graph.edges) > LABEL_EDGES_MAX
    picture = draw(graph, ["svg"], str(path))
    assert picture.labels == "xlabel"
    assert [f for f in picture.findings if f.code == "FV301"] == []
    assert picture.complete
    assert drawn_edges(picture.outputs["svg"]) == {edge.id for edge in graph.edges}


def test_the_command_line_offers_every_direction_the_views_know() -> None:
    from flowviz import cli, views  # noqa: PLC0415

    assert set(cli.DIRECTIONS) == set(views.DIRECTIONS)
