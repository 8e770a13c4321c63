"""URL keys fold every variant of one article URL; content hashes ignore only whitespace and case."""

import pytest

from crawler.fingerprints import content_hash, fetch_url, portal_key, url_key

SAME_ARTICLE = [
    "https://portal.example.id/2024/05/21/banjir-garut/",
    "http://portal.example.id/2024/05/21/banjir-garut",
    "https://www.portal.example.id/2024/05/21/banjir-garut/",
    "https://PORTAL.example.id:443/2024/05/21/banjir-garut/",
    "https://portal.example.id/2024/05/21/banjir-garut/amp/",
    "https://portal.example.id/2024/05/21/banjir-garut/amp",
    "https://portal.example.id/2024/05/21/banjir-garut/?utm_source=wa&utm_medium=share",
    "https://portal.example.id/2024/05/21/banjir-garut/?fbclid=IwAR0abc",
    "https://portal.example.id/2024/05/21/banjir-garut/#comments",
    "https://portal.example.id//2024/05/21/banjir-garut/",
]


@pytest.mark.parametrize("variant", SAME_ARTICLE)
def test_url_key_folds_variants(variant):
    assert (
        url_key(variant) == url_key(SAME_ARTICLE[0]) == "portal.example.id/2024/05/21/banjir-garut"
    )


@pytest.mark.parametrize(
    "a, b",
    [
        ("https://a.example.id/berita/1/", "https://a.example.id/berita/2/"),
        ("https://a.example.id/?p=1", "https://a.example.id/?p=2"),
        ("https://a.example.id/x/", "https://b.example.id/x/"),
        ("http://127.0.0.1:8001/x/", "http://127.0.0.1:8002/x/"),
    ],
)
def test_url_key_keeps_different_articles_apart(a, b):
    assert url_key(a) != url_key(b)


def test_url_key_sorts_meaningful_parameters():
    assert url_key("https://a.id/read?id=5&cat=2") == url_key("https://a.id/read?cat=2&id=5")


def test_portal_key():
    assert portal_key("https://www.ttn.co.id/x") == "ttn.co.id"
    assert portal_key("http://127.0.0.1:8123/") == "127.0.0.1:8123"
    assert portal_key("not a url") == ""


def test_fetch_url_strips_tracking_and_amp_only():
    assert fetch_url("https://a.id/2024/01/02/judul/amp/?utm_source=x&page=2#c") == (
        "https://a.id/2024/01/02/judul/?page=2"
    )


def test_content_hash_ignores_whitespace_and_case_not_words():
    body = "Banjir merendam 300 rumah.\n\nWarga mengungsi."
    assert content_hash(body) == content_hash("banjir  merendam 300 rumah. warga mengungsi.")
    assert content_hash(body) != content_hash("Banjir merendam 30 rumah.\n\nWarga mengungsi.")
