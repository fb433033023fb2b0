"""The one place that knows what a secret looks like: detection (detect-secrets' plugins plus a
few patterns of our own) and redaction, used by every output and by the check's secret rule."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from functools import cache, lru_cache
from typing import Any, NamedTuple

MASK = "********"
SHOWN = 4
"""How many leading characters of a secret any output may show."""

_MARKER = re.compile(
    r"://[^\s/@]+:[^\s/@]+@|"
    r"(?:password|passwd|pwd|secret|token|api[_-]?key|apikey|пароль|ключ)\S*\s*[:=]",
    re.IGNORECASE,
)
_RUN = re.compile(r"[A-Za-z0-9+_=.-]{16,}")
_DIGIT = re.compile(r"\d")
_LETTER = re.compile(r"[A-Za-z]")


def _candidate(text: str) -> bool:
    """Whether ``text`` may hold a secret: a password in a URL, a secret keyword before ``:``
    or ``=``, or a run of 16 or more token characters with both digits and letters."""
    if _MARKER.search(text):
        return True
    return any(_DIGIT.search(run) and _LETTER.search(run) for run in _RUN.findall(text))


_PLUGIN_SHAPES = re.compile(
    r"""
    (?i:key|pw|pass|secret|token|contrase)\w*
      (?:[]'"]{0,2}\s*[:=!]|['"]?]?[ ]+['"]?[\w-]{24}|\S*\s*['"`])
    |[!=]{2}
    |(?i:softlayer|hooks\.slack\.com|xox[abposr]-)
    |(?:A3T[A-Z0-9]|ABIA|ACCA|AKIA|ASIA)[0-9A-Z]{16}
    |AKC[a-zA-Z0-9]{10}|AP[\dA-F][a-zA-Z0-9]{8}
    |://[^\s@]+:[^\s@]+@
    |[MNO][\w-]{23,25}\.[\w-]{6}\.[\w-]{27}
    |gh[pousr]_|gl(?:pat|dt|ft|soat|rt|cbt|imt|ptt|agent|oas)-|GR1348941
    |['"](?:[0-9a-fA-F]{9,}|[A-Za-z0-9+/\\=_-]{23,})['"]
    |\d\.\d{1,3}\.\d{1,3}\.\d
    |eyJ|[0-9a-z]{32}-us\d|T3BlbkFJ|BEGIN|PuTTY-User-Key-File-2|pypi-AgE|SG\.|sq0csp-
    |[rs]k_live_|\d{8}:[\w-]{35}|(?:AC|SK)[a-z0-9]{32}
    """,
    re.VERBOSE,
)
"""Where one of detect-secrets' line plugins (1.5) could fire, and nowhere much else: a
necessary condition of each plugin's patterns, so that the plugins (and the 0.2-0.5 s import
of detect-secrets and requests) are skipped for the IDs and host names a map is full of.
Keyword, Azure ``AccountKey=``, Cloudant, IBM, SoftLayer and npm ``_authToken`` all need a
key/password/token/secret word followed by an assignment (``:``, ``=``, ``!=``, spaces and a
24+ character value) or a quote (or a ``==`` comparison before it); AWS key ids; Artifactory; basic
auth (and Cloudant) in URLs; Discord; GitHub; GitLab; a quoted Base64/hex run (the
high-entropy plugins look only at quoted strings in a line of "cell.ini", and their entropy
limits need 9 or more hex digits or 23 or more Base64 characters); a public IPv4 address;
JWT; Mailchimp; OpenAI; private keys; PyPI; SendGrid; Square; Stripe; Telegram; Twilio;
Slack. tests/test_secrets.py holds a typical secret for each plugin."""

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


class Secret(NamedTuple):
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
    if MASK in text and not _candidate(text.replace(MASK, " ")):
        return ()
    if not _candidate(text):
        return ()
    spans: list[tuple[int, int, str]] = []
    for kind, value in _plugin_hits(text) if _PLUGIN_SHAPES.search(text) else ():
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


Trail = tuple[Any, str | int] | None
"""The keys to a text as a linked list, (trail of the parent, key): cheap to extend."""


class Cell(NamedTuple):
    """A text somewhere in a model's data, with the place in the map it came from."""

    trail: Trail
    text: str
    line: int
    """Line of the nearest object that knows its line."""
    column: int
    """1-based column of the cell, where the object records it; else 1."""

    @property
    def path(self) -> tuple[str | int, ...]:
        """Keys from the top of the data to the text."""
        keys: list[str | int] = []
        trail = self.trail
        while trail is not None:
            trail, key = trail
            keys.append(key)
        return tuple(reversed(keys))


def cells(data: Any) -> Iterator[Cell]:
    """Every non-empty text inside JSON-like ``data`` (a dumped model), in document order:
    the one walk that redaction and the check's secret rule share."""
    stack: list[tuple[Any, Trail, int, Any, str | None]] = [(data, None, 1, None, None)]
    while stack:
        value, trail, line, columns, column_key = stack.pop()
        if type(value) is str:
            if value:
                column = columns.get(column_key, 1) if columns else 1
                yield Cell(trail, value, line, column)
        elif type(value) is dict:
            owner = type(value.get("line")) is int
            if owner:
                line, columns = value["line"], value.get("columns")
            stack.extend(
                (item, (trail, key), line, columns, key if owner else column_key)
                for key, item in reversed(value.items())
                if key != "columns" and type(item) is not int
            )
        elif type(value) is list:
            stack.extend(
                (item, (trail, index), line, columns, column_key)
                for index, item in reversed(list(enumerate(value)))
            )


def secret_cells(data: Any, allow: Iterable[str] = ()) -> Iterator[tuple[Cell, list[Secret]]]:
    """The cells of ``data`` that hold secrets, with the secrets found in each."""
    allowed = tuple(allow)
    for cell in cells(data):
        found = find_secrets(cell.text, allowed)
        if found:
            yield cell, found


_JSON_STRING = re.compile(r'"([^"\\]*(?:\\.[^"\\]*)*)"')


def any_secret_in_json(text: str, allow: Iterable[str] = ()) -> bool:
    """Whether any string of the JSON document ``text`` holds a secret: each distinct string
    is looked at once, without building the document's objects (the quick answer, usually
    no, that spares a walk over every text of a big model)."""
    allowed = tuple(allow)
    for raw in set(_JSON_STRING.findall(text)):
        value = json.loads(f'"{raw}"') if "\\" in raw else raw
        if find_secrets(value, allowed):
            return True
    return False


def redact_data(data: Any, allow: Iterable[str] = ()) -> Any:
    """``data`` with every secret in its texts cut to four characters and a mask; the input
    is left as it is (only the containers on the way to a changed text are copied)."""
    allowed = tuple(allow)
    for cell, _ in list(secret_cells(data, allowed)):
        data = _replaced(data, cell.path, redact(cell.text, allowed))
    return data


def _replaced(data: Any, path: tuple[str | int, ...], value: str) -> Any:
    if not path:
        return value
    head, rest = path[0], path[1:]
    copy = dict(data) if isinstance(data, dict) else list(data)
    copy[head] = _replaced(data[head], rest, value)  # type: ignore[index]
    return copy
