"""Secrets: one module finds them; every output shows at most their first four characters."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import flowviz
from flowviz.check import check
from flowviz.cli import main
from flowviz.secrets import MASK, find_secrets, redact, redact_data
from flowviz.views import redacted
from tests.conftest import FIXTURES

SECRETS = {
    "stripe key": "api_key: sk_live_4eC39HqLyjWDarjtT1zdp7dc",
    "aws key": "AKIAIOSFODNN7EXAMPLE",
    "password in url": "https://admin:hunter2pass@crm.example.com/hook",
    "password keyword": "password=SuperSecret123",
    "jwt": "Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0In0.abcDEF123456",
    "opaque bearer": "Authorization: Bearer abcdefghij0123456789XYZ",
    "hex token": "token: 9f8e7d6c5b4a39281706f5e4d3c2b1a0",
    "mailchimp": "key 0123456789abcdef0123456789abcdef-us6",
}
NOT_SECRETS = [
    "Authorization: Bearer {token}",
    "GA4 Measurement ID: G-XXXXXXXXXX, Meta Pixel ID: 123456789",
    "https://hooks.zoomarket.ru/tilda/order",
    "POST https://zoomarket.amocrm.ru/api/v4/leads/complex",
    "Контейнер GTM-ZM7Q4K2, VK-RTRG-418273-aBcDe",
    "ключ API из хранилища секретов",
    "lead_id, client_id, subscriber_id",
]


@pytest.mark.parametrize("name", sorted(SECRETS))
def test_secrets_are_found_and_cut_to_four_characters(name: str) -> None:
    text = SECRETS[name]
    found = find_secrets(text)
    assert len(found) == 1, found
    value = text[found[0].start : found[0].end]
    out = redact(text)
    assert value not in out
    assert value[:4] + MASK in out
    assert redact(out) == out, "redaction is idempotent"


@pytest.mark.parametrize("text", NOT_SECRETS)
def test_ordinary_cells_are_left_alone(text: str) -> None:
    assert find_secrets(text) == []
    assert redact(text) == text


def test_allowlist_and_nested_data() -> None:
    value = "sk_live_4eC39HqLyjWDarjtT1zdp7dc"
    data = {"a": [f"key: {value}", {"b": value}], "n": 3}
    out = redact_data(data)
    assert value not in json.dumps(out)
    assert out["n"] == 3
    assert redact_data(data, allow=[value]) == data


def test_export_redacts_unless_told_not_to(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    clean = (FIXTURES / "check" / "clean.md").read_text(encoding="utf-8")
    secret = "sk_live_4eC39HqLyjWDarjtT1zdp7dc"
    path = tmp_path / "map.md"
    path.write_text(clean.replace("POST, JSON |", f"POST, JSON, key: {secret} |", 1), "utf-8")
    for fmt in ("json", "yaml"):
        assert main(["export", str(path), "--to", fmt]) == 0
        out = capsys.readouterr().out
        assert secret not in out
        assert "sk_l" + MASK in out
        assert main(["export", str(path), "--to", fmt, "--no-redact"]) == 0
        assert secret in capsys.readouterr().out
    main(["check", str(path)])
    checked = capsys.readouterr()
    assert secret not in checked.out + checked.err
    assert "FV270" in checked.out


def test_check_reports_every_secret_that_redaction_masks() -> None:
    """A password in a linked URL and a token in a step's sub-point: the export masks them, so
    the check names them, on their own lines (one walk over the model serves both)."""
    model = flowviz.load(FIXTURES / "secrets" / "hidden-places.md")
    hits = {(f.line, f.message.split(" (")[0]) for f in check(model) if f.code == "FV270"}
    assert hits == {
        (10, "basic auth credentials in linked URL of integration 2.1"),
        (17, "json web token in sub-point of step 1.2"),
    }
    masked = json.dumps(redacted(model).model_dump(mode="json"), ensure_ascii=False)
    for secret in ("Hunter2Secret99", "abcDEF123456xyz"):
        assert secret in json.dumps(model.model_dump(mode="json"), ensure_ascii=False)
        assert secret not in masked


PLUGIN_SAMPLES = {
    "Stripe Access Key": "sk_live_4eC39HqLyjWDarjtT1zdp7dc",
    "AWS Access Key": "AKIAIOSFODNN7EXAMPLE",
    "Slack Token": "xoxb-123456789012-1234567890123-AbCdEfGhIjKlMnOpQrStUvWx",
    "GitHub Token": "ghp_aB3dE5gH7jK9mN1pQ3sT5vW7yZ9bC1dF3hJ5",
    "GitLab Token": "glpat-xY7kQ2mN9pL4rT6vW8zB",
    "JSON Web Token": "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0In0.abcDEF123456",
    "Private Key": "-----BEGIN RSA PRIVATE KEY----- MIIEpAIBAAKCAQEA3Tz2mr7SZiAMfQyuvBjM9Oi",
    "SendGrid API Key": "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",
    "Mailchimp Access Key": "0123456789abcdef0123456789abcdef-us6",
    "Basic Auth Credentials": "https://admin:hunter2pass@crm.example.com/hook",
    "Secret Keyword": "password=SuperSecret123",
    "Twilio API Key": "AC0123456789abcdef0123456789abcdef",
    "Telegram Bot Token": "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw1",
    "Square OAuth Secret": "sq0csp-aB3dE5gH7jK9mN1pQ3sT5vW7yZ9bC1dF3hJ5kL7nP9r",
    "NPM tokens": "//registry.npmjs.org/:_authToken=npm_aB3dE5gH7jK9mN1pQ3sT5vW7yZ9bC1dF3hJ5",
    "Base64 High Entropy String": 'value "8f3kQ9zLmN2pX7vR4tY6wB1cZaQ"',
    "Hex High Entropy String": 'value "9f8e7d6c5b4a3928"',
}


@pytest.mark.parametrize(
    ("kind", "text"),
    [*PLUGIN_SAMPLES.items(), ("Secret Keyword", "api_secret = 8f3kQ9zLmN2pX7vR4tY6wB1cZaQ")],
)
def test_each_detect_secrets_plugin_still_fires(kind: str, text: str) -> None:
    """detect-secrets is consulted only where one of its plugins could fire: each plugin's
    typical secret still gets through that gate and is named by the plugin."""
    assert kind in {s.kind for s in find_secrets(text)}
    assert find_secrets(f"в ячейке: {text} ;")


@pytest.mark.parametrize("name", ["ru-petshop.md", "en-saas.md"])
def test_bundled_map_ids_are_not_secrets_and_do_not_load_detect_secrets(name: str) -> None:
    """The IDs and host names of a normal map (``VK-RTRG-418273-aBcDe``,
    ``us21.api.mailchimp.com``, "API key from the vault", ``Bearer {token}``) are no secrets,
    and checking it does not import detect-secrets (and requests), a fifth of a second of the
    linter's start."""
    code = (
        "import sys\n"
        "from flowviz.cli import main\n"
        "try:\n"
        f"    main(['check', 'maps/{name}'])\n"
        "except SystemExit:\n"
        "    pass\n"
        "print('LOADED' if 'detect_secrets' in sys.modules else 'NOT LOADED')\n"
    )
    root = Path(__file__).resolve().parent.parent
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=root, capture_output=True, text=True, check=True
    ).stdout
    assert "FV270" not in out
    assert out.strip().endswith("NOT LOADED"), out


@pytest.mark.parametrize(
    "path",
    [
        FIXTURES / "secrets" / "hidden-places.md",
        FIXTURES / "secrets" / "six-kinds.md",
        FIXTURES / "hostile" / "hostile.md",
    ],
    ids=lambda p: p.stem,
)
def test_the_redacted_model_is_the_redacted_data_read_back(path: Path) -> None:
    """Redacting the model's objects gives what redacting its JSON data and reading it back
    gives, and shares every object that holds no secret."""
    model = flowviz.load(path)
    data = redact_data(model.model_dump(mode="json", by_alias=True))
    assert redacted(model) == type(model).model_validate(data)
    shown = redacted(model)
    assert shown != model
    for before, after in zip(model.integrations, shown.integrations, strict=True):
        assert after is before if after == before else MASK in repr(after)
