"""The docs keep up with the code: every finding code and every command is documented."""

from __future__ import annotations

import re

from flowviz.cli import cli
from flowviz.codes import CODES
from tests.conftest import ROOT


def test_every_finding_code_is_listed_and_in_the_rules_reference() -> None:
    files = [p for p in (ROOT / "flowviz").rglob("*.py") if p.name != "codes.py"]
    source = "\n".join(p.read_text(encoding="utf-8") for p in files)
    raised = set(re.findall(r'"(FV\d{3})"', source))
    rules = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    documented = set(re.findall(r"^\| (FV\d{3}) \|", rules, re.MULTILINE))
    assert raised, "no codes found in the source"
    assert raised == documented == set(CODES)


def test_every_command_is_in_the_readme() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for name in cli.commands:
        assert f"flowviz {name} " in readme, name
