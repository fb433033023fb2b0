"""The participants of a process list: a name that two of its steps give as the subject of
their verb (``Клиент отправляет запрос …`` / ``Клиент получает ответ …``, ``The Billing
worker posts …`` / ``The Billing worker reads …``) is one of the document's systems, though no
catalogue knows it."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from flowviz.parse.keywords import (
    LEAD_SUBJECT_HEADS,
    NOT_PARTICIPANT_WORDS,
    PARTICIPANT_VERBS,
    SERVICE_KIND_WORDS,
    STEP_OPENERS,
    alternation,
)
from flowviz.parse.text import leading_number, stems

_MARKUP = re.compile(r"\*\*|__|`|\[([^\]]*)\]\([^)]*\)|\[([^\]]*)\]\[[^\]]*\]")


_LABEL = re.compile(r"^\s*(?P<label>[^.:—–→]{1,60}?)\s*(?::|\s[—–-]|→|->)\s+(?=\S)")
"""A step's label before what it says (``**Transmit** — JSON data is sent …``), or its actor
when what it says opens with a verb (``**Frontend** → Calls the mutation``)."""


_OPENER = re.compile(rf"\s*(?:{alternation(STEP_OPENERS)})[\s,]*", re.IGNORECASE)


_ARTICLE = re.compile(r"^(?:the|a|an|this|that|этот|эта|это)\s+", re.IGNORECASE)


_RUSSIAN_VERB = re.compile(r"[а-яё]+(?:ает|яет|еет|ует|ит|ят|ют|ёт|ается|яется|ится|ется)")


_VERB = re.compile(alternation(PARTICIPANT_VERBS), re.IGNORECASE)


_ADVERB = re.compile(r"[a-z]{3,}ly")


_NAME_WORD = re.compile(r"[\w][\w.+/-]*")


MAX_NAME_WORDS = 4


def subject_of(text: str, *, common: bool = False) -> str | None:
    """The name a step opens with as the subject of its verb, or None (a person, a pronoun,
    what is moved rather than who moves it, or no verb after at most four words). A common
    noun after an article (``The service sends …``) is a name only when ``common``: under a
    component's heading it is that component (``The function reads …``)."""
    _, body = leading_number(_MARKUP.sub(lambda m: m.group(1) or m.group(2) or "", text))
    label = _LABEL.match(body)
    if label is not None:
        said = body[label.end() :]
        if is_verb(said.split(maxsplit=1)[0]):
            return _name(label["label"].split())
        if said[:1].isupper():
            body = said
    body = _OPENER.sub("", body, count=1) if _OPENER.match(body) else body
    article = bool(_ARTICLE.match(body))
    words = _ARTICLE.sub("", body).split(maxsplit=MAX_NAME_WORDS + 1)
    for at in range(1, min(len(words), MAX_NAME_WORDS + 1)):
        if is_verb(words[at]):
            name = [w.strip(",;:") for w in words[:at]]
            while name and (_OPENER.fullmatch(name[-1]) or _ADVERB.fullmatch(name[-1])):
                name.pop()  # ``Integration flow then invokes``, ``… flow ultimately invokes``
            if article and len(name) == 1 and name[0].islower() and not common:
                return None  # ``The function reads …``: the component its section is about
            return _name(name)
    return None


def is_verb(word: str) -> bool:
    """Whether ``word`` is a verb a subject moves data by (``sends``, ``возвращает``,
    ``создает/обновляет``)."""
    word = word.strip(",;:").casefold().split("/", 1)[0]
    if word.isascii():  # ``sends``, not ``call`` (``AI phone call via VAPI``)
        return word.endswith("s") and bool(_VERB.fullmatch(word))
    return bool(_RUSSIAN_VERB.fullmatch(word))


def _name(words: list[str]) -> str | None:
    """The words as a participant's name, or None when they are not a name."""
    if not words or not all(_NAME_WORD.fullmatch(w) for w in words):
        return None
    if words[-1].casefold() in NOT_PARTICIPANT_WORDS:
        return None
    if words[0].casefold() in NOT_PARTICIPANT_WORDS and not _headed(words):
        return None  # ``Notification is sent``, not ``Notification Processor Lambda``
    name = " ".join(words)
    return name[:1].upper() + name[1:]


def _headed(words: list[str]) -> bool:
    """Whether a name of several words ends in a component's word (``… Processor Lambda``)."""
    return len(words) > 1 and words[-1].casefold() in LEAD_SUBJECT_HEADS


def _component_named(name: str) -> bool:
    """Whether a subject names a component by its word (``Gateway module``, ``Notification
    Processor Lambda``), a system though one step alone names it; not a kind of service
    (``Lambda function``, ``Cloud Function``)."""
    words = name.casefold().split()
    return _headed(words) and not SERVICE_KIND_WORDS & set(words[:-1])


_CODE_NAME = re.compile(r"[A-Z][a-z0-9]+(?:[A-Z][a-z0-9]+)+")
"""One word joined of capitalised parts (``ChartCreator``, ``OrderSyncService``): a
component's name in code, a system though one step alone names it."""


def participants(steps: Iterable[str], *, common: bool = False) -> list[str]:
    """The subjects of ``steps`` that at least two of them share (by their stems), in order;
    a subject written longer in one step (``Клиентский код надстройки`` / ``Клиентский код``)
    is the shorter one, and a name in Latin letters acting in a Russian step is one though
    one step alone names it (``Microsoft Graph возвращает …``)."""
    return shared_subjects([(subject_of(step, common=common), step) for step in steps])


def shared_subjects(said: list[tuple[str | None, str]]) -> list[str]:
    """:func:`participants` of steps whose subjects are known: (subject or None, step)."""
    subjects = [(name, step) for name, step in said if name is not None]
    keys = _shortest_keys([stems(name) for name, _ in subjects])
    counts = Counter(keys)
    first = {stems(name): name for name, _ in reversed(subjects)}  # a name as first written
    return list(
        dict.fromkeys(
            first[key]
            for key, (name, step) in zip(keys, subjects, strict=True)
            if counts[key] > 1
            or _foreign_name(name, step)
            or _component_named(name)
            or _CODE_NAME.fullmatch(name)
        )
    )


def _shortest_keys(keys: list[tuple[str, ...]]) -> list[tuple[str, ...]]:
    """Each key as the shortest of the keys it holds as a run of its words."""
    return [min((k for k in keys if _holds(key, k)), key=len) for key in keys]


def _holds(longer: tuple[str, ...], shorter: tuple[str, ...]) -> bool:
    """Whether ``shorter``'s words stand together in ``longer``."""
    size = len(shorter)
    return any(longer[i : i + size] == shorter for i in range(len(longer) - size + 1))


def _foreign_name(name: str, step: str) -> bool:
    """Whether ``name`` is written in Latin letters and followed by a Russian verb
    (``Microsoft Graph возвращает …``, ``Deckhouse генерирует …``): a product's name, though
    one step alone names it; not a step's label (``**Notify**`` over ``Отправляет …``)."""
    if not (name.isascii() and name[:1].isupper()):
        return False
    return re.search(rf"(?<!\w){re.escape(name)}\W*\s+[а-яё]", step) is not None


def called_components(steps: Iterable[str]) -> list[str]:
    """The components the steps call by a name of capitalised words (``Saga Orchestrator calls
    the Command Producer Activity to produce …``): each a system, though it never acts as a
    step's subject."""
    found = (m.group("name") for step in steps for m in _CALLED.finditer(step))
    return list(dict.fromkeys(name for name in found if _a_component_name(name)))


def _a_component_name(name: str) -> bool:
    """Whether a called name is a component's, not a kind of service (``Cloud Function``)."""
    words = name.split()
    return words[0] not in _NOT_A_NAME and not all(
        w.casefold() in SERVICE_KIND_WORDS for w in words
    )


_CALLED = re.compile(
    r"\b(?:calls|invokes)\s+(?:the\s+|an?\s+)?"
    r"(?P<name>[A-Z][\w-]*(?:\s+[A-Z][\w-]*){1,3})(?=\s+(?:to|with|that|which|and|for)\b|[,.;]|$)"
)
"""A component a step calls, named by two to four capitalised words."""

_NOT_A_NAME = frozenset({"The", "A", "An", "This", "That", "It"})
