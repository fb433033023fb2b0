"""Word stems come from PyStemmer (Snowball's own C build) when it is installed and from the
pure-Python snowballstemmer otherwise: both must give every word flowviz reads the same stem,
so that a map reads the same with either."""

from __future__ import annotations

import importlib.util
import os
import re

import pytest
from snowballstemmer.english_stemmer import EnglishStemmer
from snowballstemmer.russian_stemmer import RussianStemmer

from flowviz.parse import text
from tests.conftest import FIXTURES, MAPS, ROOT

HAS_PYSTEMMER = importlib.util.find_spec("Stemmer") is not None


def words_flowviz_reads() -> set[str]:
    """Every word of the vocabulary (flowviz/parse) and of the bundled and fixture maps."""
    sources = [*sorted((ROOT / "flowviz" / "parse").glob("*.py")), *sorted(MAPS.glob("*.md"))]
    sources += sorted(FIXTURES.rglob("*.md"))
    found: set[str] = set()
    for path in sources:
        found |= {w.lower().replace("ё", "е") for w in text._WORD.findall(path.read_text("utf-8"))}
    return found


@pytest.mark.skipif(
    not HAS_PYSTEMMER and not os.environ.get("CI"),
    reason="PyStemmer is not installed here (a dependency: run 'make setup')",
)
def test_pystemmer_and_snowballstemmer_give_the_same_stems() -> None:
    ru, en = RussianStemmer(), EnglishStemmer()
    differ = [
        word
        for word in sorted(words_flowviz_reads())
        if text.stem(word) != (ru if re.search("[а-я]", word) else en).stemWord(word)
    ]
    assert HAS_PYSTEMMER, "PyStemmer is a dependency of flowviz"
    assert differ == []
