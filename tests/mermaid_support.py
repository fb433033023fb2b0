"""Mermaid itself, run once under Node (``tools/mermaid/check.mjs``) on a set of diagrams."""

from __future__ import annotations

import json
import shutil
import subprocess
from typing import Any

import pytest

from tests.conftest import ROOT

CHECKER = ROOT / "tools" / "mermaid" / "check.mjs"
MERMAID = ROOT / "tools" / "mermaid" / "node_modules" / "mermaid"


def run_mermaid(diagrams: dict[str, str]) -> dict[str, dict[str, Any]]:
    """What Mermaid read from each diagram, by name, and under ``run`` how the run ended (its
    exit status, 1 when a diagram failed, and what it printed to stderr); one Node run. Fails
    the test when Node or Mermaid is missing."""
    if shutil.which("node") is None:
        pytest.fail("Node.js is missing: install Node.js 20+ and run 'make setup'")
    if not MERMAID.is_dir():
        pytest.fail(f"Mermaid is not installed ({MERMAID} is missing): run 'make setup'")
    done = subprocess.run(
        ["node", str(CHECKER)],
        input=json.dumps([{"name": name, "text": text} for name, text in diagrams.items()]),
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=600,
        check=False,
    )
    assert done.returncode in (0, 1), done.stderr
    results = {result["name"]: result for result in json.loads(done.stdout)}
    results["run"] = {"returncode": done.returncode, "stderr": done.stderr}
    return results
