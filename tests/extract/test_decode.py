"""Decoding: BOMs, charsets that lie, header before meta, cp1252 fallback, never raising."""

import pytest

from crawler.extract.decode import decode_html, detect_encoding, normalise_encoding

WORD = "Kabupatén Banyuasin – ‘berita’"
"""Invented text with letters outside ASCII (é, en dash, curly quotes)."""


@pytest.mark.parametrize(
    ("body", "headers", "expected"),
    [
        pytest.param(b"\xef\xbb\xbf" + WORD.encode("utf-8"), None, "utf-8", id="utf8-bom"),
        pytest.param(b"\xff\xfe" + WORD.encode("utf-16-le"), None, "utf-16-le", id="utf16le-bom"),
        pytest.param(
            WORD.encode("utf-8"),
            {"Content-Type": "text/html; charset=iso-8859-1"},
            "utf-8",
            id="utf8-despite-latin1-header",
        ),
        pytest.param(
            b'<meta charset="iso-8859-1">' + WORD.encode("utf-8"),
            None,
            "utf-8",
            id="utf8-despite-latin1-meta",
        ),
        pytest.param(
            b'<meta charset="windows-1251">' + WORD.encode("cp1252"),
            {"content-type": "text/html; charset=windows-1252"},
            "cp1252",
            id="header-beats-meta",
        ),
        pytest.param(
            b'<meta http-equiv="Content-Type" content="text/html; charset=windows-1251">'
            + "Новости".encode("cp1251"),
            None,
            "cp1251",
            id="meta-http-equiv",
        ),
        pytest.param(WORD.encode("cp1252"), None, "cp1252", id="undeclared-legacy-fallback"),
        pytest.param(
            WORD.encode("cp1252"),
            {"Content-Type": "text/html; charset=utf-8"},
            "utf-8",
            id="declared-utf8-kept-for-broken-bytes",
        ),
        pytest.param(
            b'<meta charset="no-such-charset">' + WORD.encode("cp1252"),
            None,
            "cp1252",
            id="unknown-label-falls-back",
        ),
    ],
)
def test_detect_encoding(body, headers, expected):
    assert detect_encoding(body, headers) == expected


def test_utf8_page_declaring_latin1_decodes_correctly():
    body = b'<html><head><meta charset="iso-8859-1"></head><body><p>' + WORD.encode("utf-8")
    text = decode_html(body, {"Content-Type": "text/html; charset=ISO-8859-1"})
    assert WORD in text
    assert "Ã" not in text


def test_cp1252_page_decodes_curly_quotes():
    text = decode_html(WORD.encode("cp1252"), {"Content-Type": "text/html; charset=iso-8859-1"})
    assert text == WORD


def test_bom_is_removed():
    assert decode_html(b"\xef\xbb\xbf<p>halo</p>") == "<p>halo</p>"


def test_str_passes_through_without_control_characters():
    assert decode_html("a\x00b\x0bc\nd") == "abc\nd"


@pytest.mark.parametrize(
    "body",
    [None, b"", b"\x00\x01\x02", bytes(range(256)), b"\xff" * 1000, "", bytearray(b"<p>x</p>")],
)
def test_never_raises_and_returns_str(body):
    assert isinstance(decode_html(body), str)


@pytest.mark.parametrize(
    ("label", "codec"),
    [("ISO-8859-1", "cp1252"), ("latin1", "cp1252"), ("UTF8", "utf-8"), ("x-bogus", None)],
)
def test_whatwg_labels(label, codec):
    assert normalise_encoding(label) == codec


def test_a_page_encoded_twice_is_repaired_once():
    # The site encoded its UTF-8 text as UTF-8 again: `’` arrives as `â\x80\x99`, `–` as `â\x80\x93`.
    story = "Warga\u2019s jembatan \u2013 \u201cdiresmikan\u201d bupati, caf\u00e9 Sukamaju."
    twice = story.encode("utf-8").decode("latin-1").encode("utf-8")
    page = b"<html><head><meta charset='utf-8'></head><body><p>" + twice + b"</p></body></html>"
    assert story in decode_html(page)


@pytest.mark.parametrize(
    "text",
    [
        "\u00c2ge d\u2019or \u00e0 Paris",  # French, `Âge` is a word
        "Warga berkata \u201cjembatan sudah rusak\u201d \u2013 kata Budi.",
        "S\u00e3o Paulo, \u00c3 tudo",  # Portuguese
    ],
)
def test_correct_text_is_left_alone(text):
    assert decode_html(f"<p>{text}</p>".encode()) == f"<p>{text}</p>"
