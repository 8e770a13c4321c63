"""Scrapy's sitemap tests, read from ../shared/conformance at test time, against parse_sitemap.

Compared per entry: the URL (Scrapy's `loc`, stripped) and `lastmod` (Warta keeps it as the ISO
date or time it is; an empty one is none). Not compared, because Warta does not model them:
`priority`, `changefreq` and hreflang `alternate` links (each language version is listed in a
`<url>` of its own by the protocol, so it is found anyway).

One deliberate difference: Scrapy reads the XXE sitemap with the entity left out; Warta refuses
any document that declares entities (reason `entity`), so nothing of the entity can be read.
"""

from __future__ import annotations

import pytest

from crawler.discovery import DiscoveryError
from crawler.discovery._dates import parse_w3c_datetime
from crawler.discovery._urls import absolute_url
from crawler.discovery.robots import sitemaps_from_robots
from crawler.discovery.sitemaps import SitemapPage, parse_sitemap
from tests.conformance import SITEMAP_TESTS, SitemapCase, absent, sitemap_cases

pytestmark = pytest.mark.skipif(bool(absent(SITEMAP_TESTS)), reason=absent(SITEMAP_TESTS) or "")

SCRAPY_KINDS = {"urlset": "urlset", "sitemapindex": "index"}
"""Scrapy's `Sitemap.type` and Warta's `SitemapPage.kind` for the same root."""


def _cases() -> list[SitemapCase]:
    return sitemap_cases() if absent(SITEMAP_TESTS) is None else []


def declares_entities(case: SitemapCase) -> bool:
    """The case's body declares entities (the XXE test): Warta refuses those whole."""
    body = case.body.encode() if isinstance(case.body, str) else case.body or b""
    return b"<!ENTITY" in body


def warta_entries(page: SitemapPage) -> list[tuple[str, str | None]]:
    """(url, lastmod) of each entry Warta found."""
    return [(entry.url, entry.lastmod) for entry in page.entries]


def scrapy_entries(case: SitemapCase) -> list[tuple[str | None, str | None]]:
    """(url, lastmod) of each entry Scrapy's test expects, in Warta's normal form."""
    return [
        (absolute_url(entry["loc"].strip()), parse_w3c_datetime(entry.get("lastmod") or None))
        for entry in case.expected or []
    ]


def test_the_suite_is_read_whole():
    cases = _cases()
    assert len(cases) >= 12  # Scrapy's file has 13 cases with an expectation today
    assert sum(c.robots is not None for c in cases) == 2
    assert any(c.kind == "sitemapindex" for c in cases)


@pytest.mark.parametrize("case", [c for c in _cases() if c.robots is None], ids=lambda c: c.name)
def test_sitemap_case(case: SitemapCase):
    url = "http://www.example.com/sitemap.xml"
    if declares_entities(case):
        with pytest.raises(DiscoveryError) as caught:
            parse_sitemap(url, case.body)
        assert caught.value.reason == "entity"
        return
    try:
        page = parse_sitemap(url, case.body)
    except DiscoveryError:
        assert case.expected == []  # Scrapy yields nothing from it either
        return
    assert warta_entries(page) == scrapy_entries(case)
    if case.kind is not None:
        assert page.kind == SCRAPY_KINDS[case.kind]


@pytest.mark.parametrize(
    "case", [c for c in _cases() if c.robots is not None], ids=lambda c: c.name
)
def test_sitemaps_named_by_robots_txt(case: SitemapCase):
    assert sitemaps_from_robots(case.robots, case.base_url) == case.expected
