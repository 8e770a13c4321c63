"""Language of an article from its text (py3langid), with Indonesian told apart from Malay."""

from __future__ import annotations

import threading
from functools import lru_cache

from crawler.clean import vocabulary as v

MIN_LETTERS = 25  # below ~25 letters (`Kami siap`, `ilustrasi`) langid's best guess is noise
"""Letters a text needs before a language is claimed for it."""
MIN_CONFIDENCE = 0.5  # normalised probability; short Indonesian lines that are right score > 0.8
"""Below this probability the text gets no language."""
SAMPLE_CHARS = 4000  # the opening paragraphs decide as well as the whole text (dev sets)
"""How much of a long text is classified."""

CACHE_SIZE = 256  # cleaning asks about the same body up to three times in a row; a few pages' worth
"""Samples whose language is remembered."""

_INDONESIAN = frozenset(v.INDONESIAN_MARKERS)
_MALAY = frozenset(v.MALAY_MARKERS)
_LOCK = threading.Lock()


@lru_cache(maxsize=1)
def _identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def _indonesian_or_malay(text: str) -> str:
    words = [w.casefold() for w in v.WORD.findall(text)]
    indonesian = sum(w in _INDONESIAN for w in words)
    malay = sum(w in _MALAY for w in words)
    return "ms" if malay > indonesian else "id"


def detect_language(text: str | None) -> str | None:
    """ISO 639-1 code of the text's language, or None when it is too short or unclear."""
    if not isinstance(text, str):
        return None
    return _detect_sample(text[:SAMPLE_CHARS])


def _has_letters(sample: str, needed: int) -> bool:
    for ch in sample:
        if ch.isalpha():
            needed -= 1
            if needed <= 0:
                return True
    return False


@lru_cache(maxsize=CACHE_SIZE)
def _detect_sample(sample: str) -> str | None:
    if not _has_letters(sample, MIN_LETTERS):
        return None
    try:
        with _LOCK:
            language, probability = _identifier().classify(sample)
    except Exception:  # a broken model file must not break cleaning
        return None
    if language in v.INDONESIAN_FAMILY:
        # langid mixes up Indonesian, Malay, Javanese and Sundanese news text; markers decide.
        return _indonesian_or_malay(sample)
    if probability < MIN_CONFIDENCE:
        return None
    language = v.ISO_639_1_FOR.get(language, language)
    return language if len(language) == 2 else None
