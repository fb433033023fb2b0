"""The command line: exports, versions, and one clear line (exit 2) for unusable input. The
same JSON and YAML in two processes with other hash seeds: ``test_determinism``."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

import flowviz
from flowviz.cli import main
from flowviz.load import relocate
from tests.conftest import EXAMPLES, ROOT, SEED

RU_MAP = ROOT / "maps" / "ru-petshop.md"


def run_cli(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """Run the installed console script as a user would."""
    exe = Path(sys.executable).with_name("flowviz")
    return subprocess.run(
        [str(exe), *args], capture_output=True, text=True, cwd=ROOT, env=env, check=False
    )


def test_version() -> None:
    result = run_cli("--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"flowviz {flowviz.__version__}"


def test_export_json_to_stdout(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", str(RU_MAP), "--to", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["schema"] == "flowviz/map@1"
    assert list(data)[:4] == ["schema", "file", "language", "project"]
    for key in ("systems", "integrations", "identifiers", "id_rules", "flows", "requirements"):
        assert data[key], key
    assert data["diagnostics"] == []
    step = data["flows"][0]["steps"][1]
    assert {"source", "target", "method", "identifiers"} <= set(step)


def test_export_to_a_dash_writes_stdout_and_no_file(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["export", str(RU_MAP), "--to", "yaml", "-o", "-"]) == 0
    assert capsys.readouterr().out.startswith("schema: flowviz/map@1")
    assert list(tmp_path.iterdir()) == []


def test_export_yaml_to_file_and_read_it_back(tmp_path: Path) -> None:
    out = tmp_path / "deep" / "map.yaml"
    assert main(["export", str(RU_MAP), "--to", "yaml", "-o", str(out)]) == 0
    assert yaml.safe_load(out.read_text(encoding="utf-8"))["schema"] == "flowviz/map@1"
    assert flowviz.load(out) == relocate(flowviz.load(RU_MAP), str(out))


@pytest.mark.parametrize("path", [*EXAMPLES, SEED], ids=lambda p: p.stem)
@pytest.mark.parametrize("fmt", ["yaml", "json"])
def test_round_trip_gives_the_same_model(path: Path, fmt: str, tmp_path: Path) -> None:
    out = tmp_path / f"export.{fmt}"
    assert main(["export", str(path), "--to", fmt, "-o", str(out), "--no-redact"]) == 0
    assert flowviz.load(out) == relocate(flowviz.load(path), str(out))


def _write_bytes(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


BAD_INPUTS = {
    "missing file": (lambda tmp: tmp / "nope.md", "no such file"),
    "a directory": (lambda tmp: tmp, "is a directory"),
    "binary file": (
        lambda tmp: _write_bytes(tmp, "x.md", bytes(range(256)) * 4),
        "binary file",
    ),
    "cp1251": (
        lambda tmp: _write_bytes(
            tmp, "cp.md", "## 2. Интеграции сайта\n\nСайт отправляет данные\n".encode("cp1251")
        ),
        "cp1251, not UTF-8",
    ),
    "utf-16": (
        lambda tmp: _write_bytes(tmp, "u16.md", "## 2. Интеграции\n".encode("utf-16")),
        "UTF-16",
    ),
    "utf-16 without bom": (
        lambda tmp: _write_bytes(tmp, "be.md", "## 2. Интеграции\n".encode("utf-16-be")),
        "UTF-16-BE without a byte order mark",
    ),
    "not a map": (
        lambda tmp: _write_bytes(tmp, "readme.md", b"# Hello\n\nJust some notes.\n"),
        "not an integration map",
    ),
    "empty file": (lambda tmp: _write_bytes(tmp, "empty.md", b""), "not an integration map"),
    "broken yaml": (
        lambda tmp: _write_bytes(tmp, "map.yaml", b"schema: [flowviz\n  - x: {\n"),
        "not valid YAML",
    ),
    "foreign yaml": (
        lambda tmp: _write_bytes(tmp, "other.yaml", b"name: something\n"),
        "not a flowviz map export",
    ),
}


@pytest.mark.parametrize("case", sorted(BAD_INPUTS))
def test_unusable_input_is_one_line_with_the_file_and_exit_2(
    case: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """In-process (an exception escaping ``main`` fails the test as a traceback would show);
    ``test_check_cli`` reads exit 2 and its line from the installed command too."""
    make, expected = BAD_INPUTS[case]
    path = make(tmp_path)
    assert main(["export", str(path)]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith(f"flowviz: {path}")
    assert expected in lines[0]


def test_findings_on_a_yaml_input_name_the_yaml_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "map.md"
    source.write_text(
        RU_MAP.read_text(encoding="utf-8").replace("| Настроено |", "| [указать] |", 1),
        encoding="utf-8",
    )
    out = tmp_path / "map.yaml"
    assert main(["export", str(source), "--to", "yaml", "-o", str(out)]) == 0
    capsys.readouterr()
    assert main(["check", str(out)]) == 0
    placeholder = next(line for line in capsys.readouterr().out.splitlines() if "FV210" in line)
    assert placeholder.startswith(f"{out}:50:")


def test_bad_flowviz_yaml_names_its_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "map.md").write_text(RU_MAP.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "flowviz.yaml").write_text("aliases: [1, 2]\n", encoding="utf-8")
    assert main(["export", str(tmp_path / "map.md")]) == 2
    err = capsys.readouterr().err
    assert "flowviz.yaml" in err
    assert "aliases" in err


def test_unknown_format_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", str(ROOT / "maps/en-saas.md"), "--to", "xml"]) == 2
    assert "'xml' is not one of" in capsys.readouterr().err


def test_failed_write_leaves_no_partial_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    assert main(["export", str(ROOT / "maps/en-saas.md"), "-o", str(blocker / "out.json")]) == 2
    assert "cannot write output" in capsys.readouterr().err
    assert blocker.read_text(encoding="utf-8") == "x"
