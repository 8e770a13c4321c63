"""Language from the text: Indonesian vs Malay, other languages, short and empty texts."""

from __future__ import annotations

import pytest

from crawler.clean.language import detect_language

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
