"""No secret reaches any output: six kinds planted in one map, looked for in every export
format, every picture and every message.

``tests/fixtures/secrets/six-kinds.md`` carries a bearer token, API keys, a password in a URL,
a JWT, Stripe and Mailchimp keys and a Telegram bot token in section 1, integration cells, a
sync rule, flow steps and the technical requirements. Every output may show a secret's first
four characters (and the mask), never more: no eight characters in a row past the fourth.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from flowviz.cli import main
from flowviz.exports import EXPORT_FORMATS
from tests.conftest import FIXTURES

pytestmark = [pytest.mark.dot, pytest.mark.slow]

MAP = FIXTURES / "secrets" / "six-kinds.md"
SECRETS = {
    "password in a URL": "Gardenia7Petals",
    "bearer token": "sk-proj-9aZ3kLmQ8wXyTb7Vc2Nd",
    "API key header": "3f9a8c7e6d5b4a3928171615141312ab",
    "API secret": "Qw8Er7Ty6Ui5Op4As3Df2Gh1",
    "JWT": (
        "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0."
        "SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c"
    ),
    "Stripe key": "sk_live_51HxYzAbCdEfGhIjKlMnOpQr",
    "Mailchimp key": "a1b2c3d4e5f60718293a4b5c6d7e8f90-us21",
    "Telegram bot token": "7012345678:AAF1b2C3d4E5f6G7h8I9j0KlMnOpQrStUvW",
}
WINDOW = 8


def leaks(text: str) -> list[str]:
    """The secrets of which ``text`` shows more than the first four characters, in any case
    (a system id slugged from a token is the token in lower case)."""
    text = text.casefold()
    return [
        name
        for name, secret in SECRETS.items()
        if any(
            secret[i : i + WINDOW].casefold() in text for i in range(4, len(secret) - WINDOW + 1)
        )
    ]


def _text(path: Path) -> str:
    return path.read_bytes().decode("utf-8", errors="replace")


@pytest.fixture(scope="module")
def exports(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("exports")
    made = {}
    for fmt in EXPORT_FORMATS:
        target = folder / f"map.{fmt}"
        assert main(["export", str(MAP), "--to", fmt, "-o", str(target)]) == 0, fmt
        made[fmt] = target
    return made


def test_the_map_really_carries_every_secret() -> None:
    assert sorted(leaks(MAP.read_text(encoding="utf-8"))) == sorted(SECRETS)


def test_without_redaction_the_data_export_keeps_them(tmp_path: Path) -> None:
    target = tmp_path / "map.json"
    assert main(["export", str(MAP), "--to", "json", "--no-redact", "-o", str(target)]) == 0
    assert sorted(leaks(_text(target))) == sorted(SECRETS)


@pytest.mark.parametrize("fmt", EXPORT_FORMATS)
def test_no_export_format_shows_a_secret(fmt: str, exports: dict[str, Path]) -> None:
    text = _text(exports[fmt])
    assert text.strip()
    assert leaks(text) == []


def test_no_picture_shows_a_secret(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    main(["render", str(MAP), "--view", "all", "--format", "svg,png,dot", "-o", str(tmp_path)])
    written = sorted(tmp_path.iterdir())
    assert {p.suffix for p in written} >= {".svg", ".png", ".dot"}
    for path in written:
        assert leaks(_text(path)) == [], path.name
    out, err = capsys.readouterr()
    assert leaks(out + err) == []


def test_no_message_of_the_check_shows_a_secret(capsys: pytest.CaptureFixture[str]) -> None:
    for fmt in ("text", "json", "github"):
        main(["check", str(MAP), "--format", fmt])
        out, err = capsys.readouterr()
        assert "FV270" in out
        assert leaks(out + err) == [], fmt
