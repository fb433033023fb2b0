"""`flowviz check` as CI runs it: formats, exit codes, strictness, ignores. Each exit code (0,
1, 2) and an error line come once from the installed command in a fresh process, as CI sees
them; the rest is read from ``main`` in-process (its return value is the process's exit
code)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from flowviz.cli import main
from tests.conftest import FIXTURES, ROOT

EXE = str(Path(sys.executable).with_name("flowviz"))
SEED = "tests/fixtures/seed-template.md"


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [EXE, "check", *args], capture_output=True, text=True, cwd=ROOT, check=False
    )


def test_clean_maps_exit_0_with_a_summary() -> None:
    result = run("maps/ru-petshop.md", "maps/en-saas.md")
    assert result.returncode == 0, result.stdout
    assert result.stdout.strip() == "2 maps checked: 0 error(s), 0 warning(s), 0 info"


def checked(capsys: pytest.CaptureFixture[str], *args: str) -> str:
    """What ``flowviz check ARGS`` prints (in-process, from the repository's root); it exits 0."""
    assert main(["check", *args]) == 0
    return capsys.readouterr().out


@pytest.fixture(autouse=True)
def _at_root(monkeypatch: pytest.MonkeyPatch) -> None:
    """Relative paths as the command line is given them, from the repository's root."""
    monkeypatch.chdir(ROOT)


def test_text_lines_name_file_line_column_code_and_severity(
    capsys: pytest.CaptureFixture[str],
) -> None:
    out = checked(capsys, SEED)  # the template has warnings but no errors
    first = out.splitlines()[0]
    assert first.startswith(f"{SEED}:39:1: FV210 warning: placeholder left in 'name'")
    assert out.splitlines()[1].startswith("    hint: ")


def test_strict_fails_on_warnings() -> None:
    assert main(["check", SEED, "--strict"]) == 1


def test_errors_exit_1(tmp_path: Path) -> None:
    text = (FIXTURES / "check" / "clean.md").read_text(encoding="utf-8")
    broken = tmp_path / "broken.md"
    broken.write_text(text.split("#### 9.")[0], encoding="utf-8")
    result = run(str(broken))
    assert result.returncode == 1
    assert "FV201 error: mandatory section 9 (test plan) is missing" in result.stdout


def test_json_format(capsys: pytest.CaptureFixture[str]) -> None:
    data = json.loads(checked(capsys, SEED, "--format", "json"))
    assert data["schema"] == "flowviz/findings@1"
    assert set(data["summary"]) == {"error", "warning", "info"}
    assert data["summary"]["warning"] == sum(
        1 for f in data["findings"] if f["severity"] == "warning"
    )
    assert set(data["findings"][0]) == {
        "code",
        "severity",
        "file",
        "line",
        "column",
        "message",
        "section",
        "hint",
    }


def test_github_annotations(capsys: pytest.CaptureFixture[str]) -> None:
    lines = checked(capsys, SEED, "--format", "github").splitlines()
    assert lines[0].startswith(f"::warning file={SEED},line=39,col=1,title=FV210::")
    assert any(line.startswith("::notice ") for line in lines)
    assert all(line.startswith("::") for line in lines)


def test_ignore_option_and_config(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = checked(capsys, SEED, "--ignore", "FV210", "--ignore", "FV241", "--ignore", "FV235")
    assert out.strip() == "1 map checked: 0 error(s), 0 warning(s), 0 info"
    copy = tmp_path / "seed.md"
    copy.write_text((ROOT / SEED).read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "flowviz.yaml").write_text("ignore: [FV210, FV241, FV235]\n", encoding="utf-8")
    assert "0 warning(s), 0 info" in checked(capsys, str(copy))


def test_unusable_input_exits_2() -> None:
    result = run("nope.md")
    assert result.returncode == 2
    assert result.stderr.strip() == "flowviz: nope.md: no such file"


def test_every_readable_map_is_checked_and_each_unreadable_one_named(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "missing.md"
    assert main(["check", "maps/en-saas.md", str(missing), "maps/ru-petshop.md"]) == 2
    out, err = capsys.readouterr()
    assert err.strip() == f"flowviz: {missing}: no such file"
    assert "2 maps checked" in out


def test_an_unknown_code_to_ignore_is_refused_naming_the_known_ones(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["check", "maps/en-saas.md", "--ignore", "FV999"]) == 2
    out, err = capsys.readouterr()
    assert len(err.strip().splitlines()) == 1
    assert "FV999" in err
    assert "FV101" in err
    assert out == ""


def test_an_unknown_code_in_flowviz_yaml_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "map.md").write_text((ROOT / "maps/en-saas.md").read_text(encoding="utf-8"))
    (tmp_path / "flowviz.yaml").write_text("ignore: [FV241, FV998]\n", encoding="utf-8")
    assert main(["check", str(tmp_path / "map.md")]) == 2
    err = capsys.readouterr().err
    assert "FV998" in err
    assert "flowviz.yaml" in err
