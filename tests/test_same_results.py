"""Shortcuts taken for a fresh process's speed give the results of the libraries they stand
in for: word stems come from PyStemmer (Snowball's own C build) when it is installed and from
the pure-Python snowballstemmer otherwise; system ids spell Russian letters in Latin before
python-slugify sees them. A map reads the same either way."""

from __future__ import annotations

import importlib.util
import os
import re

import pytest
from slugify import slugify
from snowballstemmer.english_stemmer import EnglishStemmer
from snowballstemmer.russian_stemmer import RussianStemmer

from flowviz.parse import text
from flowviz.parse.systems import slug
from tests.conftest import FIXTURES, MAPS, ROOT

HAS_PYSTEMMER = importlib.util.find_spec("Stemmer") is not None


def texts_flowviz_reads() -> list[str]:
    """The vocabulary (flowviz/parse) and the bundled and fixture maps."""
    sources = [*sorted((ROOT / "flowviz" / "parse").glob("*.py")), *sorted(MAPS.glob("*.md"))]
    sources += sorted(FIXTURES.rglob("*.md"))
    return [path.read_text("utf-8") for path in sources]


def words_flowviz_reads() -> set[str]:
    """Every word of ``texts_flowviz_reads``, as ``text.stem`` sees it."""
    found: set[str] = set()
    for source in texts_flowviz_reads():
        found |= {w.lower().replace("ё", "е") for w in text._WORD.findall(source)}
    return found


RUSSIAN = "абвгдеёжзийклмнопрстуфхцчшщъыьэюя"
TRICKY = [
    *RUSSIAN,
    *RUSSIAN.upper(),
    "Мобильное приложение «Ромашка»",
    "1С:Управление нашей фирмой",
    "Объявления и подъезд",
    "Сайт на Drupal 10",
    "Ёлка",
    "и\u0306од",
    "It's ь'",
    "&amp; Яндекс",
    "Київ",
    "Ελλάδα",
    "",
]


MAX_NAME_CHARS = 60


@pytest.mark.parametrize("name", TRICKY)
def test_a_system_id_is_python_slugifys_slug_of_its_name(name: str) -> None:
    assert slug(name) == slugify(name)


def test_every_line_and_word_of_the_maps_slugs_as_python_slugify_does() -> None:
    """Every word, and every line short enough to be a name (a system's name is a cell, a
    heading or an end of a statement, never a paragraph)."""
    names = set()
    for source in texts_flowviz_reads():
        lines = {line.strip() for line in source.splitlines() if len(line) <= MAX_NAME_CHARS}
        names |= lines | set(text._WORD.findall(source))
    assert [name for name in sorted(names) if slug(name) != slugify(name)] == []


@pytest.mark.skipif(
    not HAS_PYSTEMMER and not os.environ.get("CI"),
    reason="PyStemmer is not installed here (a dependency: run 'make setup')",
)
def test_pystemmer_and_snowballstemmer_give_the_same_stems() -> None:
    ru, en = RussianStemmer(), EnglishStemmer()
    differ = [
        word
        for word in sorted(words_flowviz_reads())
        if text.snowball_stem(word) != (ru if re.search("[а-я]", word) else en).stemWord(word)
    ]
    assert HAS_PYSTEMMER, "PyStemmer is a dependency of flowviz"
    assert differ == []
