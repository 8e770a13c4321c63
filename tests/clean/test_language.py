"""Language from the text: Indonesian vs Malay, other languages, short and empty texts."""

from __future__ import annotations

import pytest

from crawler.clean import language
from crawler.clean.language import detect_language
from crawler.clean.vocabulary import INDONESIAN_FAMILY

INDONESIAN = (
    "Pemerintah Kabupaten Garut menyalurkan bantuan beras kepada warga yang menjadi korban "
    "banjir. Bupati mengatakan bantuan akan terus diberikan sampai kondisi warga pulih."
)
MALAY = (
    "Kerajaan negeri akan memastikan rakyat mendapat bantuan kerana banjir besar melanda "
    "kawasan itu, iaitu selepas hujan lebat sejak pagi semalam, kata polis."
)
ENGLISH = (
    "The city council approved a new budget on Monday that expands bus service and repairs "
    "several bridges damaged by last winter's floods."
)
GERMAN = (
    "Der Stadtrat hat am Montag einen neuen Haushalt beschlossen, der den Busverkehr ausweitet "
    "und mehrere Brücken repariert."
)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (INDONESIAN, "id"),
        (MALAY, "ms"),
        (ENGLISH, "en"),
        (GERMAN, "de"),
        ("Bupati Garut meninjau lokasi banjir di Desa Sukamaju kemarin sore.", "id"),
        ("Kami siap", None),  # too short to tell
        ("ilustrasi", None),
        ("", None),
        ("12345 67890 !!! ???", None),
    ],
)
def test_detect_language(text, language):
    assert detect_language(text) == language


def test_non_text_gives_none():
    assert detect_language(None) is None
    assert detect_language(42) is None  # type: ignore[arg-type]


# The vectorised classifier must give py3langid's own answer, probability included, bit for bit.
VECTORISED_CASES = [
    INDONESIAN,
    MALAY,
    ENGLISH,
    GERMAN,
    (INDONESIAN + "\n\n") * 40,  # longer than the 4,000-character sample
    "BUPATI GARUT MENINJAU LOKASI BANJIR DI DESA SUKAMAJU",  # all caps: py3langid lowers it
    "Kepala Dinas mengatakan 😀 bantuan tiba, 日本語 и русский текст, café naïve",
    "Foto: Dok. Humas Pemkab Banyuasin",
    "a",
    "12345 67890 !!! ???",
    "",
    "".join(chr(0x20 + (i * 7919) % 0x2FD0) for i in range(600)),  # assorted code points
]


@pytest.mark.parametrize("text", VECTORISED_CASES)
def test_vectorised_classify_equals_py3langid(text):
    assert language._classify(text) == language._identifier().classify(text)


@pytest.mark.parametrize("text", [INDONESIAN, ENGLISH, (MALAY + " ") * 30])
def test_vectorised_walk_vouches_for_itself(text):
    data = language._identifier()._encode(text)
    assert language._visit_counts(data, language._model()) is not None  # the fast path runs


def test_too_short_window_falls_back_to_py3langid(monkeypatch):
    monkeypatch.setattr(language, "DFA_WINDOW", 1)
    data = language._identifier()._encode(INDONESIAN)
    assert language._visit_counts(data, language._model()) is None  # the check catches it
    assert language._classify(INDONESIAN) == language._identifier().classify(INDONESIAN)


@pytest.mark.parametrize(
    "text",
    [INDONESIAN, MALAY, ENGLISH, GERMAN, "Kami siap", "", None, "12345 67890 !!! ???", 42],
)
def test_indonesian_family_gate_agrees_with_detect_language(text):
    detected = detect_language(text)
    expected = detected is None or detected in INDONESIAN_FAMILY
    assert language.in_indonesian_family(text) is expected
