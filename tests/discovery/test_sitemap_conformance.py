"""Scrapy's sitemap tests, read from ../shared/conformance at test time, against parse_sitemap.

Compared per entry: the URL (Scrapy's `loc`, stripped) and `lastmod` (Warta keeps it as the ISO
date or time it is; an empty one is none), and the kind of file. Not compared, because Warta does
not model them: `priority`, `changefreq` and hreflang `alternate` links (each language version is
listed in a `<url>` of its own by the protocol, so it is found anyway).

One deliberate difference: Scrapy reads the XXE sitemap with the entity left out; Warta refuses
any document that declares entities (reason `entity`), so nothing of the entity can be read.
"""

from __future__ import annotations

import pytest

from tests.conformance import SITEMAP_TESTS, SitemapCase, absent, sitemap_cases, sitemap_verdict

pytestmark = pytest.mark.skipif(bool(absent(SITEMAP_TESTS)), reason=absent(SITEMAP_TESTS) or "")


def _cases() -> list[SitemapCase]:
    return sitemap_cases() if absent(SITEMAP_TESTS) is None else []


def test_the_suite_is_read_whole():
    cases = _cases()
    assert len(cases) >= 12  # Scrapy's file has 13 cases with an expectation today
    assert sum(c.robots is not None for c in cases) == 2
    assert any(c.kind == "sitemapindex" for c in cases)
    assert any(b"<!ENTITY" in (c.body or b"") for c in cases if isinstance(c.body, bytes))


@pytest.mark.parametrize("case", _cases(), ids=lambda c: c.name)
def test_case(case: SitemapCase):
    passed, how = sitemap_verdict(case)
    assert passed, how
