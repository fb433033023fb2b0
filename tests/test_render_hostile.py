"""`flowviz render` on a hostile map: untrusted text is shown as written, never run, and
secrets never reach a picture.

``tests/fixtures/hostile/hostile.md`` is a small map written by hand whose system names,
cells, flow title and steps carry markup, scripts, quotes, backslashes, DOT keywords and
syntax, control characters and Cyrillic, and whose cells and steps carry live-looking
secrets. It is rendered once in-process (every view, SVG + PNG + DOT) and the files written
are read back.
"""

from __future__ import annotations

import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import NamedTuple

import pytest

from flowviz.cli import main
from flowviz.secrets import MASK, SHOWN
from tests.conftest import FIXTURES

pytestmark = pytest.mark.dot

HOSTILE = FIXTURES / "hostile" / "hostile.md"
SVG = "{http://www.w3.org/2000/svg}"
XLINK_TITLE = "{http://www.w3.org/1999/xlink}title"
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"

SECRETS = {
    "stripe key in a details cell": "sk_live_7Qm2Xv9LpR4tZk8Wn3Hc6Jd1",
    "password in a URL in a details cell": "Pa55w0rdXyz",
    "restricted stripe key in a flow step": "rk_live_Rb4Nw8Ty2Lq6Zs0Vx5Kp9Mh3",
}
VIEWS = {
    "overview",
    "flow-1",
    "identifiers",
    "system-webflow",
    "system-hubspot",
    "system-mailchimp",
    "system-analytics",
    "system-ga4",
    "system-legacy-erp-v2-billing",
    "system-1s-bukhgalteriia-oplacheno",
}


def render(folder: Path, *options: str) -> int:
    """Render the hostile map into ``folder`` in-process; the CLI's exit status."""
    return main(["render", str(HOSTILE), "-o", str(folder), *options])


class Rendered(NamedTuple):
    """One render of the hostile map: its exit status and the files it wrote."""

    status: int
    folder: Path

    def files(self, suffix: str = "") -> list[Path]:
        return sorted(p for p in self.folder.iterdir() if p.name.endswith(suffix))


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> Rendered:
    if shutil.which("dot") is None:
        pytest.skip("Graphviz's dot is not installed")
    folder = tmp_path_factory.mktemp("hostile")
    status = render(folder, "--view", "all", "--format", "svg,png,dot")
    return Rendered(status, folder)


class Shown(NamedTuple):
    """What a reader of the SVGs sees: every <text> line and every tooltip."""

    texts: list[str]
    tooltips: list[str]


@pytest.fixture(scope="module")
def shown(rendered: Rendered) -> Shown:
    texts, tooltips = [], []
    for svg in rendered.files(".svg"):
        root = ET.parse(svg).getroot()
        texts += [(t.text or "").replace("\xa0", " ") for t in root.iter(f"{SVG}text")]
        tooltips += [e.get(XLINK_TITLE) for e in root.iter() if e.get(XLINK_TITLE)]
    return Shown(texts, tooltips)


# -- the render -----------------------------------------------------------------------------


def test_every_view_is_written_in_every_format(rendered: Rendered) -> None:
    assert rendered.status == 0
    names = {p.name for p in rendered.files()}
    pictures = {f"{view}.{fmt}" for view in VIEWS for fmt in ("svg", "png", "dot")}
    assert names == pictures | {"architecture.svg", "architecture.png"}
    for png in rendered.files(".png"):
        assert png.read_bytes().startswith(PNG_SIGNATURE), png.name


def test_every_svg_is_inert_xml(rendered: Rendered) -> None:
    """Well-formed XML with no <script> element, no ``on...`` event attribute and no
    ``javascript:`` link, whatever the map's text says."""
    for svg in rendered.files(".svg"):
        root = ET.parse(svg).getroot()
        assert root.tag == f"{SVG}svg", svg.name
        for element in root.iter():
            assert element.tag.rsplit("}", 1)[-1].lower() != "script", svg.name
            for name, value in element.attrib.items():
                local = name.rsplit("}", 1)[-1].lower()
                assert not local.startswith("on"), f"{svg.name}: {name}={value!r}"
                if local == "href":
                    link = "".join(value.split()).lower()
                    assert not link.startswith("javascript:"), f"{svg.name}: {value!r}"


def test_every_dot_file_lays_out_again_with_dot(rendered: Rendered) -> None:
    """The DOT written beside a picture is a valid graph on its own: ``dot`` redraws it with
    no error and no warning."""
    for path in rendered.files(".dot"):
        done = subprocess.run(
            ["dot", "-Tsvg", str(path)], capture_output=True, timeout=60, check=False
        )
        assert done.returncode == 0, f"{path.name}: {done.stderr.decode()}"
        assert done.stderr == b"", f"{path.name}: {done.stderr.decode()}"
        ET.fromstring(done.stdout)


# -- secrets --------------------------------------------------------------------------------


@pytest.mark.parametrize("secret", SECRETS.values(), ids=SECRETS.keys())
def test_a_secret_never_reaches_a_written_file(rendered: Rendered, secret: str) -> None:
    """No SVG, PNG or DOT file holds the secret, nor more than its first four characters;
    its first four characters and the mask do reach the tooltips (redacted, not dropped)."""
    too_much = secret[: SHOWN + 1]
    for path in rendered.files():
        data = path.read_bytes()
        assert too_much.encode() not in data, f"{path.name} shows {too_much!r}..."
    previews = [secret[:SHOWN] + MASK in path.read_text("utf-8") for path in rendered.files(".svg")]
    assert any(previews), "the redacted secret is in no picture at all"


def test_without_redaction_the_secrets_are_in_the_tooltips(tmp_path: Path) -> None:
    """``--no-redact`` keeps them: the test above would see a secret that leaked."""
    assert render(tmp_path, "--view", "overview,flows", "--format", "svg", "--no-redact") == 0
    tooltips = [
        e.get(XLINK_TITLE, "") for svg in tmp_path.glob("*.svg") for e in ET.parse(svg).iter()
    ]
    for name, secret in SECRETS.items():
        assert any(secret in tip for tip in tooltips), name


# -- hostile text as written ----------------------------------------------------------------

AS_WRITTEN: list[tuple[str, str, str]] = [
    # (id, "text" (inside some <text> element) or "tooltip" (a whole value in a tooltip), text)
    ("method script, tooltip", "tooltip", "<script>alert(1)</script>"),
    ("method script, step list", "text", "via <script>alert(1)</script>"),
    ("source data with quotes and braces", "tooltip", 'Order form "Quick" {braces}'),
    (
        "source data with an event handler",
        "tooltip",
        "Newsletter form <img src=x onerror=alert(1)>",
    ),
    ("source data with javascript:", "tooltip", "Page events javascript:alert(1)"),
    ("cyrillic purpose", "tooltip", "Сайт → amoCRM «Оплачено»"),
    ("entities and a line break", "tooltip", "AT&amp;T and &lt; written literally\nsecond line"),
    ("purpose with a script", "tooltip", "Invoices for <script>alert(2)</script> customers"),
    ("control characters dropped, tab as a space", "tooltip", "Funnel [31mreporting[0m and more"),
    (
        "details: DOT keywords, a colon, a trailing backslash, secrets redacted",
        "tooltip",
        f"POST https://svc_user:Pa55{MASK}@hooks.example.com/order, key sk_l{MASK}, "
        "words a:b end graph node, trailing backslash C:\\temp\\",
    ),
    (
        "details: escaped pipe, quote, lone backslash",
        "tooltip",
        'PUT https://us21.api.mailchimp.com/3.0/lists/{list}, pipe a | b, quote " and '
        "backslash \\ here",
    ),
    (
        "details: DOT statement injection",
        "tooltip",
        "POST https://erp.example.com/api/invoices, JSON, header X-Note: ]; digraph x {",
    ),
    ("details: UNC-like path", "tooltip", "Exchange folder \\fileserver\\1c\\ over SMB"),
    ("sync rule method", "tooltip", 'Hidden field "GA client ID" {copied} & kept'),
    ("system name with quotes and braces", "text", 'Legacy "ERP" {v2} Billing'),
    ("cyrillic system name with a colon", "text", "1С:Бухгалтерия «Оплачено»"),
    ("flow title", "text", 'Order "quoted" & {end}: graph, node, a:b'),
    ("project name", "text", 'Hostile "quotes" & {braces} test'),
    (
        "step with a script and a redacted secret",
        "tooltip",
        "The site sends the order to HubSpot via <script>alert(1)</script> "
        f"(creates lead_id, token rk_l{MASK})",
    ),
    (
        "step with quotes, braces and Cyrillic",
        "tooltip",
        'HubSpot sends the paid deal to Legacy "ERP" {v2} Billing via REST API '
        "(Сайт → amoCRM «Оплачено»)",
    ),
    (
        "step with a Windows path, tooltip",
        "tooltip",
        "User fills in the order form on the site (a copy is kept in C:\\Users\\Name\\Orders)",
    ),
    ("step with a Windows path, step list", "text", "C:\\Users\\Name\\Orders)"),
    (
        "details: Windows path",
        "tooltip",
        "GTM container GTM-HOSTILE, export folder D:\\Exports\\Leads",
    ),
]


@pytest.mark.parametrize(
    ("where", "text"),
    [
        pytest.param(
            where,
            text,
            id=name,
        )
        for name, where, text in AS_WRITTEN
    ],
)
def test_hostile_text_is_shown_as_written(shown: Shown, where: str, text: str) -> None:
    """The map's text reaches the reader as written (a tooltip shows a cell's whole value
    after its name, ``Method: ...``); no text becomes markup, code or DOT."""
    if where == "text":
        assert any(text in line for line in shown.texts)
    else:
        assert any(f": {text}\n" in tip + "\n" for tip in shown.tooltips)


# -- stability ------------------------------------------------------------------------------


def test_rendering_twice_gives_identical_files(rendered: Rendered, tmp_path: Path) -> None:
    assert render(tmp_path, "--view", "all", "--format", "svg,png,dot") == 0
    again = {p.name: p.read_bytes() for p in tmp_path.iterdir()}
    first = {p.name: p.read_bytes() for p in rendered.files()}
    assert sorted(again) == sorted(first)
    changed = [name for name in sorted(first) if first[name] != again[name]]
    assert changed == []


# -- a cell too long for dot ----------------------------------------------------------------


def test_a_very_long_cell_still_renders(write_map, tmp_path: Path) -> None:
    text = HOSTILE.read_text(encoding="utf-8")
    long_cell = "Подробности " * 800
    path = write_map(text.replace("| Closing documents | ", f"| Closing documents | {long_cell}"))
    out = tmp_path / "out"
    assert main(["render", str(path), "-o", str(out), "--view", "overview", "--format", "svg"]) == 0
    assert (out / "overview.svg").exists()
