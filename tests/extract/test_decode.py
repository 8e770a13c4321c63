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
