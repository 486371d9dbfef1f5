"""Language identification with lingua (French and English are processed; others are reported)."""
from __future__ import annotations

from functools import lru_cache

SUPPORTED = ("fr", "en")


@lru_cache(maxsize=1)
def _detector():
    from lingua import Language, LanguageDetectorBuilder

    langs = [Language.FRENCH, Language.ENGLISH, Language.SPANISH, Language.GERMAN, Language.ITALIAN,
             Language.PORTUGUESE, Language.ARABIC, Language.RUSSIAN, Language.TURKISH, Language.DUTCH,
             Language.UKRAINIAN, Language.PERSIAN]
    return LanguageDetectorBuilder.from_languages(*langs).with_preloaded_language_models().build()


def detect_language(text: str) -> str:
    """ISO 639-1 code of the text's language ('' when it cannot be told)."""
    sample = text[:2000]
    if not sample.strip():
        return ""
    lang = _detector().detect_language_of(sample)
    return lang.iso_code_639_1.name.lower() if lang is not None else ""
