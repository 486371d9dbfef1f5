"""Language identification with lingua (French and English are processed; others are reported)."""
from __future__ import annotations

from functools import lru_cache

SUPPORTED = ("fr", "en")


@lru_cache(maxsize=1)
def _detector():
    """lingua's detector over the languages told apart. Its models are loaded as texts need them, not all preloaded:
    a text of 120 characters or more reads trigrams only, a shorter one every n-gram order (1 to 5), and only of
    the languages its script allows. Preloading every order of all 12 languages held ~415 MiB in each process; the
    short Latin-script warm-up of :meth:`eventwire.pipeline.Pipeline.load` loads the 8 Latin-script languages
    (~225 MiB), and Arabic, Persian, Russian and Ukrainian load when a text in their script comes. The models
    are the same whenever they load, so every answer is the same."""
    from lingua import Language, LanguageDetectorBuilder

    langs = [Language.FRENCH, Language.ENGLISH, Language.SPANISH, Language.GERMAN, Language.ITALIAN,
             Language.PORTUGUESE, Language.ARABIC, Language.RUSSIAN, Language.TURKISH, Language.DUTCH,
             Language.UKRAINIAN, Language.PERSIAN]
    return LanguageDetectorBuilder.from_languages(*langs).build()


def detect_language(text: str) -> str:
    """ISO 639-1 code of the text's language ('' when it cannot be told)."""
    sample = text[:2000]
    if not sample.strip():
        return ""
    lang = _detector().detect_language_of(sample)
    return lang.iso_code_639_1.name.lower() if lang is not None else ""
