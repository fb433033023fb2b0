"""The one place that knows what a secret looks like: detection (detect-secrets' plugins plus a
few patterns of our own) and redaction, used by every output and by the check's secret rule."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any

MASK = "********"
SHOWN = 4
"""How many leading characters of a secret any output may show."""

_CANDIDATE = re.compile(
    r"(?=[A-Za-z0-9+_=.-]*\d)(?=[A-Za-z0-9+_=.-]*[A-Za-z])[A-Za-z0-9+_=.-]{16,}|"
    r"://[^\s/@]+:[^\s/@]+@|"
    r"(?:password|passwd|pwd|secret|token|api[_-]?key|apikey|пароль|ключ)\S*\s*[:=]",
    re.IGNORECASE,
)
_OWN_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("Bearer token", re.compile(r"\bBearer\s+([A-Za-z0-9._~+/-]{16,}=*)")),
    (
        "Secret keyword",
        re.compile(
            r"(?:password|passwd|pwd|secret|token|api[_-]?key|apikey|пароль|ключ)"
            r"[\"']?\s*[:=]\s*[\"']?([^\s\"',;{}<>()\[\]]{8,})",
            re.IGNORECASE,
        ),
    ),
    ("Password in URL", re.compile(r"://[^\s/@:]+:([^\s/@]{3,})@")),
    ("Hex token", re.compile(r"(?<![\w-])([0-9a-f]{32,})(?![\w-])")),
]
_NOT_SECRET = re.compile(r"^(?:\{[^}]*\}|<[^>]*>|\$\{?\w+\}?|x{4,}|\*+|\.{3}|…|example\w*)$", re.I)


@dataclass(frozen=True, slots=True)
class Secret:
    """A secret found in a text: what it looks like and where it is."""

    kind: str
    start: int
    end: int

    def preview(self, text: str) -> str:
        """At most the first four characters, then the mask."""
        return text[self.start : self.start + SHOWN] + MASK


def find_secrets(text: str, allow: Iterable[str] = ()) -> list[Secret]:
    """Secrets in ``text`` in order, none overlapping; values in ``allow`` are not secrets."""
    found = _find(text)
    if not found:
        return []
    allowed = set(allow)
    return [s for s in found if text[s.start : s.end] not in allowed]


@lru_cache(maxsize=8192)
def _find(text: str) -> tuple[Secret, ...]:
    if MASK in text and not _CANDIDATE.search(text.replace(MASK, " ")):
        return ()
    if not _CANDIDATE.search(text):
        return ()
    spans: list[tuple[int, int, str]] = []
    for kind, value in _plugin_hits(text):
        for match in re.finditer(re.escape(value), text):
            spans.append((*_whole_token(text, match.start(), match.end()), kind))
    for kind, pattern in _OWN_PATTERNS:
        for match in pattern.finditer(text):
            spans.append((match.start(1), match.end(1), kind))
    return tuple(_merge(text, spans))


def _plugin_hits(text: str) -> list[tuple[str, str]]:
    """detect-secrets' line plugins (keyword, AWS, Stripe, JWT, basic auth ...) over each line."""
    from detect_secrets.core.scan import _process_line_based_plugins  # noqa: PLC0415 (slow)

    _use_default_settings()
    lines = list(enumerate(text.splitlines() or [text], start=1))
    return [
        (found.type, found.secret_value)
        for found in _process_line_based_plugins(lines, "cell.ini")
        if found.secret_value
    ]


@cache
def _use_default_settings() -> None:
    """Switch on every detect-secrets plugin once (what its ``default_settings`` does, without
    a context to close): its settings are process-global, and entering them per text costs
    more than the scan itself."""
    from detect_secrets.core.plugins.util import (  # noqa: PLC0415 (pulls in requests)
        get_mapping_from_secret_type_to_class,
    )
    from detect_secrets.settings import (  # noqa: PLC0415
        cache_bust,
        configure_settings_from_baseline,
    )

    plugins = get_mapping_from_secret_type_to_class().values()
    cache_bust()
    configure_settings_from_baseline({"plugins_used": [{"name": p.__name__} for p in plugins]})


def _whole_token(text: str, start: int, end: int) -> tuple[int, int]:
    """Widen a hit to the whole token around it (a JWT's signature, a key's suffix)."""
    while start > 0 and re.match(r"[A-Za-z0-9+/_.-]", text[start - 1]):
        start -= 1
    while end < len(text) and re.match(r"[A-Za-z0-9+/_.=-]", text[end]):
        end += 1
    return start, end


def _merge(text: str, spans: list[tuple[int, int, str]]) -> list[Secret]:
    out: list[Secret] = []
    for start, end, kind in sorted(spans, key=lambda s: (s[0], -s[1])):
        value = text[start:end]
        if _NOT_SECRET.match(value) or MASK in value:
            continue
        if out and start < out[-1].end:
            continue
        out.append(Secret(kind, start, end))
    return out


def redact(text: str, allow: Iterable[str] = ()) -> str:
    """``text`` with every secret cut to its first four characters and a mask."""
    found = find_secrets(text, allow)
    for secret in reversed(found):
        text = text[: secret.start] + secret.preview(text) + text[secret.end :]
    return text


def redact_data(data: Any, allow: Iterable[str] = ()) -> Any:
    """Redact every string inside plain JSON-like data (dicts, lists, strings)."""
    allowed = tuple(allow)
    if isinstance(data, str):
        return redact(data, allowed)
    if isinstance(data, dict):
        return {key: _redact_value(value, allowed) for key, value in data.items()}
    if isinstance(data, list):
        return [_redact_value(value, allowed) for value in data]
    return data


def _redact_value(value: Any, allowed: tuple[str, ...]) -> Any:
    if isinstance(value, str):
        return redact(value, allowed) if value else value
    if isinstance(value, dict | list):
        return redact_data(value, allowed)
    return value
