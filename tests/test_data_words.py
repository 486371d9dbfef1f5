"""Language words read from the data files, not from Python (session 14 review): the lists load as words (YAML reads
a bare on, no or yes as a boolean) and each language reads its own."""
from __future__ import annotations

import pytest

from eventwire.extract.mentions import cues
from eventwire.geo import resources
from eventwire.geo.gazetteer import _cues

GEO_WORD_LISTS = ("gap_words", "link_words", "name_links", "pair_conjunctions", "pair_name_words", "glued_articles",
                  "outlet_nouns", "outlet_qualifiers", "compass_words", "directions", "direction_links", "nest_words",
                  "generic_parts", "list_joiners", "list_articles", "clock_words", "water_heads")


@pytest.mark.parametrize("key", GEO_WORD_LISTS)
def test_the_geocoders_word_lists_are_words(key: str) -> None:
    words = resources.cues()[key]
    assert words and all(isinstance(w, str) and w for w in words)


def test_a_body_name_after_on_is_no_body_name() -> None:
    assert "on" in _cues()["link"]   # quoted in the file: a bare on would be read as true


@pytest.mark.parametrize("lang, before, left", [
    ("en", "accused of massacres, kidnappings and the ", "accused of massacres, "),
    ("fr", "accusés de massacres, d'enlèvements et des ", "accusés de massacres, "),
])
def test_an_earlier_list_item_is_stripped_in_its_own_language(lang: str, before: str, left: str) -> None:
    m = cues(lang).list_tail.search(before)
    assert m is not None and before[:m.start()] == left


@pytest.mark.parametrize("lang, word, indefinite", [("fr", "des", True), ("fr", "d'", True), ("fr", "les", False),
                                                    ("en", "des", False), ("en", "the", False)])
def test_the_determiners_of_a_bare_plural_are_the_languages_own(lang: str, word: str, indefinite: bool) -> None:
    assert bool(cues(lang).indefinite_determiners.match(word)) is indefinite


def test_french_future_endings_are_read_in_french_only() -> None:
    assert cues("fr").future_form.match("riposterons") and cues("fr").future_form.match("frappera")
    assert not cues("en").future_form.match("riposterons")


def _booleans_in_lists(node: object, path: str) -> list[str]:
    """Paths of list items YAML read as booleans (a bare on, no, yes or off in a word list)."""
    if isinstance(node, dict):
        return [p for k, v in node.items() for p in _booleans_in_lists(v, f"{path}/{k}")]
    if isinstance(node, list):
        found: list[str] = []
        for i, item in enumerate(node):
            found += [f"{path}[{i}]"] if isinstance(item, bool) else _booleans_in_lists(item, f"{path}[{i}]")
        return found
    return []


def test_no_word_list_in_the_data_files_holds_a_boolean() -> None:
    import yaml
    from pathlib import Path

    import eventwire

    data = Path(eventwire.__file__).parent / "data"
    found = [f"{f.relative_to(data)}{p}" for f in sorted(data.rglob("*.yaml"))
             for p in _booleans_in_lists(yaml.safe_load(f.read_text(encoding="utf-8")), "")]
    assert found == []
