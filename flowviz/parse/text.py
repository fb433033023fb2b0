"""Small text helpers shared by the section readers: word stems, placeholders, list splitting."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any, NamedTuple

_WORD = re.compile(r"[^\W_]+(?:_[^\W_]+)*", re.UNICODE)
_CYRILLIC = re.compile(r"[а-яё]", re.IGNORECASE)


def _stemmers() -> tuple[Any, Any]:
    """Snowball's Russian and English stemmers: PyStemmer's, compiled from the Snowball
    sources, when it is installed (a hundred times faster: a fresh ``flowviz check`` stems
    some 700 words), else snowballstemmer's pure-Python ones, which give the same stems."""
    try:
        import Stemmer  # noqa: PLC0415 (PyStemmer)
    except ImportError:
        from snowballstemmer.english_stemmer import EnglishStemmer  # noqa: PLC0415
        from snowballstemmer.russian_stemmer import RussianStemmer  # noqa: PLC0415

        return RussianStemmer(), EnglishStemmer()
    return Stemmer.Stemmer("russian"), Stemmer.Stemmer("english")


_RU, _EN = _stemmers()
_BRACKET = re.compile(r"\[([^\[\]]*)\]")
_EXAMPLE = re.compile(
    r"^\s*(?:например|напр\.?|пример|e\.\s?g\.?|eg|for example|example|such as)\s*[:.,]?\s*",
    re.IGNORECASE,
)
_TRAILING_DASH = re.compile(r"\s+([—–-])\s*$")
_LEADING_DASH = re.compile(r"^\s*[—–-]\s+")
_HEAD_AND_BRACKET = re.compile(r"^(.*?)\s*[(（]([^()]*)[)）]\s*(.*)$", re.DOTALL)
_SPACED_DASH = re.compile(r"\s+[—–]\s+|\s+-{1,2}\s+")
_LABEL = re.compile(r"^([^:\n]{1,80}?):(?:\s+|$)(.*)$", re.DOTALL)
_INT_CELL = re.compile(r"\s*#?(\d{1,6})\.?\s*")
_CHECKBOX = re.compile(r"^\s*\[( |x|X)\]\s+")
_INSTRUCTION = re.compile(
    r"^\s*(?:указать|указать\s.*|заполнить.*|вписать.*|tbd|todo|to do|fill in.*|specify.*|"
    r"enter .*|add .*|\.\.\.|…)?\s*$",
    re.IGNORECASE,
)


class Word(NamedTuple):
    """A word of a text: its stem and its span in the text."""

    stem: str
    start: int
    end: int


SENTENCE_BREAK = re.compile(r"(?<=[.!?])\s+(?=[A-ZА-ЯЁ])")
"""The space between two sentences: after a full stop, a question or an exclamation mark, before
a capital (``… in a BigQuery table. Once done, …``)."""

MARKDOWN_LINK = re.compile(r"\[(?P<text>[^\[\]]*)\]\((?:[^()\s]|\{\{[^{}]*\}\}|\([^()\s]*\))*\)")
"""A Markdown link, its words in ``text``; its address may hold a site's variable (``{{ host
}}``) or a bracket."""

WEBHOOK_AFTER = re.compile(r"\s+(?:webhooks?|вебхук\w*)\b", re.IGNORECASE)
"""Webhooks named right after a system (``via Shopify webhooks``, ``the Twilio webhook``): the
system's calls to the other end."""

URL = re.compile(r"https?://[^\s,;)\]}>\"'`]+")
"""An address in a text (it ends before a space or the punctuation that closes it)."""
_EMOJI = re.compile(r"[\U0001F000-\U0001FAFF\u2600-\u27BF\uFE0F\u200D]")


def without_emoji(text: str) -> str:
    """``text`` with its emoji taken out (a name's decoration, which no picture's font draws).

    >>> without_emoji("💼 Sales Cloud")
    'Sales Cloud'
    """
    return " ".join(_EMOJI.sub(" ", text).split()) if _EMOJI.search(text) else text


def opens_with_emoji(text: str) -> bool:
    """Whether ``text`` opens with an emoji (``📝 Capture Client Details – …``)."""
    return bool(_EMOJI.match(text.lstrip()))


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """Lower-case stem of one word, Russian or English by its letters; a noun's ``-ему``
    form stems as the noun (``систему`` as ``система``, where Snowball takes ``-ему`` for an
    adjective's ending and leaves ``сист``)."""
    word = word.lower().replace("ё", "е")
    if _CYRILLIC.search(word) and word.endswith("ему"):
        nominative = snowball_stem(word[:-1] + "а")
        if nominative == word[:-1]:
            return nominative
    return snowball_stem(word)


def snowball_stem(word: str) -> str:
    """Snowball's stem of one lower-case word, Russian or English by its letters."""
    return _RU.stemWord(word) if _CYRILLIC.search(word) else _EN.stemWord(word)


@lru_cache(maxsize=65536)
def word_key(word: str) -> str:
    """How a word is compared: its stem, a number without its leading zeros (``Server 01``
    is ``Server 1``)."""
    return number_key(word) if word.isdigit() else stem(word)


def number_key(digits: str) -> str:
    """A number as names compare it: ``01`` and ``1`` are one."""
    return digits.lstrip("0") or "0"


def words(text: str) -> list[Word]:
    """Every word of ``text`` with its key (``word_key``) and span (``lead_id`` is one word)."""
    return [Word(word_key(m.group()), m.start(), m.end()) for m in _WORD.finditer(text)]


def stems(text: str) -> tuple[str, ...]:
    """The stems of ``text``'s words (``word_key``), in order."""
    found = _STEMS.get(text)
    if found is None:
        if len(_STEMS) >= _STEMS_LIMIT:
            _STEMS.clear()
        found = _STEMS[text] = tuple([word_key(m.group()) for m in _WORD.finditer(text)])
    return found


_STEMS: dict[str, tuple[str, ...]] = {}
"""``stems`` of the texts met while reading one map (its cells are looked up by several
readers); ``forget_stems`` empties it before the next map."""
_STEMS_LIMIT = 65536


def forget_stems() -> None:
    """Drop the remembered ``stems`` of the map read before."""
    _STEMS.clear()


def fill(text: str) -> tuple[str, bool]:
    """Resolve template placeholders in ``text``.

    ``[Например: X]`` becomes ``X``, an instruction (``[указать]``) becomes nothing, any
    other bracketed hint (``[Настроено / Требует настройки]``) its inner text; returns the
    text and whether any placeholder was found. A text with no square brackets is returned as it is.
    """
    if "[" not in text or _CHECKBOX.match(text):
        return text, False
    found = False

    def replace(match: re.Match[str]) -> str:
        nonlocal found
        inner = match.group(1)
        if _CHECKBOX.match(match.group(0) + " "):
            return match.group(0)
        found = True
        example = _EXAMPLE.match(inner)
        if example:
            return inner[example.end() :]
        return "" if _INSTRUCTION.match(inner) else inner

    value = _BRACKET.sub(replace, text)
    value = _TRAILING_DASH.sub("", value.strip())
    value = _LEADING_DASH.sub("", value)
    return value.strip(), found


def checkbox(text: str) -> tuple[bool | None, str]:
    """``[x] text`` -> (True, text); ``[ ] text`` -> (False, text); else (None, text)."""
    match = _CHECKBOX.match(text)
    if not match:
        return None, text
    return match.group(1) != " ", text[match.end() :]


def split_top(text: str, separators: str = ",;\n") -> list[str]:
    """Split on separators outside brackets; strip and drop empty parts."""
    parts: list[str] = []
    depth = 0
    last = 0
    for match in _split_marks(separators).finditer(text):  # only brackets and separators
        ch, at = match.group(), match.start()
        if ch in "([{":
            depth += 1
        elif ch in ")]}" and depth:
            depth -= 1
        if ch in separators and not depth:
            parts.append(text[last:at])
            last = at + 1
    parts.append(text[last:])
    return [p.strip() for p in parts if p.strip()]


@lru_cache(maxsize=64)
def _split_marks(separators: str) -> re.Pattern[str]:
    """The characters ``split_top`` acts on: brackets and ``separators``."""
    return re.compile("[" + re.escape("()[]{}" + separators) + "]")


def split_head(text: str) -> tuple[str, str | None]:
    """``Analytics (GA4, Meta Pixel)`` -> (``Analytics``, ``GA4, Meta Pixel``)."""
    match = _HEAD_AND_BRACKET.match(text.strip())
    if not match:
        return text.strip(), None
    head = (match.group(1) + " " + match.group(3)).strip()
    return head, match.group(2).strip()


def split_dash(text: str) -> tuple[str, str]:
    """``Битрикс24 — https://x`` -> (``Битрикс24``, ``https://x``) on a spaced dash."""
    parts = _SPACED_DASH.split(text, maxsplit=1)
    return parts[0].strip(), (parts[1].strip() if len(parts) > 1 else "")


def split_label(text: str) -> tuple[str, str] | None:
    """``Label: value`` -> (label, value) when a short label ends with a colon and a space
    (``1С:ERP`` is a name, not a label)."""
    match = _LABEL.match(text)
    if not match or "://" in match.group(0)[: match.end(1) + 3]:
        return None
    return match.group(1).strip(), match.group(2).strip()


def leading_number(text: str) -> tuple[int | None, str]:
    """``2. Title`` / ``Раздел 2: Title`` / ``§2 Title`` / ``📋 2.0 Title`` -> (2, ``Title``);
    a sub-number (``2.1 Title``) is no section number."""
    match = re.match(
        r"^[^\w§]*(?:раздел|section|часть|part|§)?\s*(\d{1,3})(?:\.0)?(?:[.):]|\s*[—–-])?\s+(.*)$",
        text,
        re.IGNORECASE | re.DOTALL,
    )
    if not match:
        return None, text.strip()
    return int(match.group(1)), match.group(2).strip()


def as_int(text: str) -> int | None:
    """The integer a cell holds (``1``, ``1.``, ``#1``), else None."""
    match = _INT_CELL.fullmatch(text)
    return int(match.group(1)) if match else None


IDENTIFIER_TOKEN = re.compile(r"(?<![\w.@/-])[A-Za-z][A-Za-z0-9]*(?:_[A-Za-z0-9]+)+(?![\w@/-])")
"""A snake_case token (``lead_id``, ``utm_source``), the usual way maps name identifiers."""


def identifiers_in(text: str, known: set[str], skip: list[tuple[int, int]] = ()) -> list[str]:
    """Identifiers named in ``text`` in order: known names and ``*_id`` tokens, outside ``skip``."""
    found: list[tuple[int, str]] = []
    if known:
        found += [(m.start(), m.group()) for m in _names_pattern(frozenset(known)).finditer(text)]
    for match in _ID_TOKEN.finditer(text):
        found.append((match.start(), match.group()))
    out: list[str] = []
    for start, name in sorted(found):
        if any(a <= start < b for a, b in skip):
            continue
        if name.lower() not in (o.lower() for o in out):
            out.append(name)
    return out


@lru_cache(maxsize=64)
def _names_pattern(names: frozenset[str]) -> re.Pattern[str]:
    """One pattern for a set of identifier names, each a whole word, longest first."""
    ordered = sorted(names, key=lambda n: (-len(n), n))
    return re.compile(
        r"(?<![\w-])(?:" + "|".join(re.escape(n) for n in ordered) + r")(?![\w-])", re.IGNORECASE
    )


_ID_TOKEN = re.compile(
    r"(?<![\w-])[A-Za-z][A-Za-z0-9]*(?:_[A-Za-z0-9]+)*_(?:id|uid|key|ids)(?![\w-])"
)


_ENDINGS = (
    "ами ями ых их ым им ого его ому ему ыми ими ов ев ей ой ом ем ам ям ах ях ую юю ая яя "
    "ое ее ые ие ый ий"
)
_RU_ENDINGS = sorted([*_ENDINGS.split(), *"аяуюеыиоьй"], key=len, reverse=True)


@lru_cache(maxsize=65536)
def light_stem(word: str) -> str:
    """A gentler stem for names: lower case, one Russian case ending cut (``Мегаплане`` and
    ``Мегаплан`` meet where the Snowball stemmer parts them), an English plural cut."""
    word = word.lower().replace("ё", "е")
    if _CYRILLIC.search(word):
        for ending in _RU_ENDINGS:
            if word.endswith(ending) and len(word) - len(ending) >= 3:
                return word[: -len(ending)]
        return word
    if word.endswith("'s"):
        return word[:-2]
    return word[:-1] if word.endswith("s") and len(word) > 4 else word


def light_key(text: str) -> tuple[str, ...]:
    """The light stems of ``text``'s words."""
    return tuple(light_stem(m.group()) for m in _WORD.finditer(text))


def identifier_list(text: str) -> list[str]:
    """``client_id (GA4), user_id / lead_id`` -> [client_id, user_id, lead_id]."""
    out: list[str] = []
    for part in split_top(text, ",;/\n"):
        head, _ = split_head(part)
        head = head.strip().strip("\"'`*")
        if head and head not in out:
            out.append(head)
    return out
