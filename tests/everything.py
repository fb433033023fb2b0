"""Everything flowviz writes or reads back for the determinism check (``test_determinism``),
written under one folder by whichever process runs it: this module imports nothing from the
test suite, so that a separate interpreter runs it as ``python -c`` from the repository."""

from __future__ import annotations

import json
from pathlib import Path

import flowviz
from flowviz.cli import main
from flowviz.exports import EXPORT_FORMATS
from flowviz.render.data import to_json, to_yaml
from flowviz.views import trace

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
DRAWN = [ROOT / "maps" / "ru-petshop.md", FIXTURES / "hostile" / "hostile.md"]
"""Drawn in every view and format and exported in every format."""
READ = [
    *sorted((ROOT / "maps").glob("*.md")),
    FIXTURES / "seed-template.md",
    *sorted((FIXTURES / "drift").glob("*.md")),
]
"""Read and written as JSON and YAML."""
PAGES = sorted((FIXTURES / "loose").glob("*-architecture.md"))
"""Architecture pages the loose reader reads."""
TRACED = [FIXTURES / "seed-template.md", ROOT / "maps" / "ru-petshop.md"]
IDENTIFIERS = ("client_id", "lead_id", "email")


def write_everything(out: Path) -> None:
    """``render --view all`` as SVG, PNG and DOT and ``export`` in every format for ``DRAWN``;
    the JSON and YAML of every map of ``READ``, the model of every page of ``PAGES`` and the
    traces of ``IDENTIFIERS`` in ``TRACED`` as files."""
    for path in DRAWN:
        folder = out / path.stem
        main(["render", str(path), "--view", "all", "--format", "svg,png,dot", "-o", str(folder)])
        for fmt in EXPORT_FORMATS:
            main(["export", str(path), "--to", fmt, "-o", str(folder / f"export.{fmt}")])
    data = out / "data"
    data.mkdir(parents=True)
    for path in READ:
        model = flowviz.load(path)
        (data / f"{path.stem}.json").write_text(to_json(model), encoding="utf-8")
        (data / f"{path.stem}.yaml").write_text(to_yaml(model), encoding="utf-8")
    for path in PAGES:
        (data / f"{path.stem}.model.json").write_text(
            flowviz.load(path).model_dump_json(), encoding="utf-8"
        )
    traces = {}
    for path in TRACED:
        model = flowviz.load(path)
        for name in IDENTIFIERS:
            found = trace(model, name)
            traces[f"{path.stem} {name}"] = [found.hops, found.systems, sorted(found.members)]
    (data / "traces.json").write_text(json.dumps(traces, ensure_ascii=False), encoding="utf-8")
