"""`flowviz check` runs on every save and in pre-commit hooks, so a fresh process imports only
what reading and checking a map need: drawing, YAML, validation and secret scanning libraries
wait until a command or a map asks for them (issue 10's speed goal; times are in
benchmarks/README.md, this test guards the imports, not the clock)."""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys

from tests.conftest import MAPS, ROOT

NOT_FOR_CHECK = (
    "pydantic",
    "yaml",
    "rapidfuzz",
    "detect_secrets",
    "requests",
    "graphviz",
    "diagrams",
    "playwright",
    "html.parser",
    "text_unidecode",
    "lark",
    "flowviz.parse.loose",
    "flowviz.views",
    "flowviz.graph",
    "flowviz.pictures",
    "flowviz.backend",
    "flowviz.render.dot",
)
"""Modules a check of a clean map never needs: validation (pydantic: YAML/JSON maps and
flowviz.yaml), YAML, the close-spelling search (rapidfuzz: a name no known name matches),
detect-secrets (a cell shaped like a secret), pictures and their tools, HTML tables, and
text-unidecode (a system name in letters other than Russian and Latin)."""

if importlib.util.find_spec("Stemmer") is not None:
    NOT_FOR_CHECK += ("snowballstemmer",)
    """With PyStemmer installed, the pure-Python stemmers are not imported at all."""


def imported_after(code: str) -> set[str]:
    """The modules a fresh interpreter has imported after running ``code``."""
    script = f"{code}\nimport json, sys\nprint(json.dumps(sorted(sys.modules)))"
    path = os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))
    env = {**os.environ, "PYTHONPATH": path}
    done = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        check=True,
    )
    return set(json.loads(done.stdout.splitlines()[-1]))


def test_importing_the_command_line_imports_none_of_the_heavy_modules() -> None:
    assert imported_after("import flowviz.cli") & set(NOT_FOR_CHECK) == set()


def test_checking_the_bundled_maps_imports_none_of_them() -> None:
    maps = [str(path) for path in sorted(MAPS.glob("*.md"))]
    modules = imported_after(
        f"from flowviz.cli import main\nassert main(['check', *{maps!r}]) == 0, 'check failed'"
    )
    assert modules & set(NOT_FOR_CHECK) == set()


def test_a_yaml_map_still_imports_what_validating_it_needs(tmp_path) -> None:
    exported = tmp_path / "map.yaml"
    modules = imported_after(
        "from flowviz.cli import main\n"
        f"assert main(['export', {str(MAPS / 'ru-petshop.md')!r}, '--to', 'yaml', "
        f"'-o', {str(exported)!r}]) == 0\n"
        f"assert main(['check', {str(exported)!r}]) == 0"
    )
    assert {"yaml", "pydantic"} <= modules
