"""Property tests: no public discovery function raises anything but DiscoveryError on any input."""

from __future__ import annotations

import gzip
import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from crawler.discovery import DiscoveryError
from crawler.discovery.archives import archive_date, parse_archive_page
from crawler.discovery.blogspot import parse_blogger_feed
from crawler.discovery.feeds import feed_links_from_html, feed_next_url, parse_feed
from crawler.discovery.links import classify_url, same_portal
from crawler.discovery.pagination import (
    discovered_from_listing,
    listing_root,
    next_page_url,
    page_number,
    page_url,
)
from crawler.discovery.platform import probe_platform
from crawler.discovery.robots import sitemaps_from_robots
from crawler.discovery.safexml import decompress_capped
from crawler.discovery.sitemaps import parse_sitemap
from crawler.discovery.wordpress import parse_wp_posts

BASE = "https://kabarfuzz.example/"
FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

TOKENS = [
    "<urlset>", "</urlset>", "<sitemapindex>", "<sitemap>", "<url>", "</url>", "<loc>", "</loc>",
    "<lastmod>2024-05-21</lastmod>", "<rss>", "<channel>", "<item>", "</item>", "<link>",
    "</link>", "<feed xmlns='http://www.w3.org/2005/Atom'>", "<entry>", "<a href='", "'>",
    "</a>", "<!DOCTYPE x [<!ENTITY e 'x'>]>", "&e;", "&amp;", "&", "<?xml version='1.0'?>",
    "<html>", "<!--", "-->", "<![CDATA[", "]]>", "https://kabarfuzz.example/2024/05/21/a-b-c-d/",
    "/page/2/", "<time datetime='2024-05-21T10:00'>", "\x00", "\ufeff", "é", " ", "\n",
]  # fmt: skip
"""Pieces of sitemaps, feeds and pages, shuffled into near-valid documents."""

documents = st.one_of(
    st.binary(max_size=3000),
    st.lists(st.sampled_from(TOKENS), max_size=60).map(lambda parts: "".join(parts).encode()),
    st.lists(st.sampled_from(TOKENS), max_size=60).map(
        lambda p: gzip.compress("".join(p).encode())
    ),
)
JSON_KEYS = [
    "link", "title", "rendered", "date", "date_gmt", "_embedded", "wp:term", "author", "name",
    "taxonomy", "content", "code", "feed", "entry", "wp:featuredmedia", "source_url",
]  # fmt: skip
"""Keys of WordPress REST posts and Blogger JSON feeds, for near-valid JSON shapes."""

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=20),
    lambda children: (
        st.lists(children, max_size=4)
        | st.dictionaries(st.sampled_from(JSON_KEYS), children, max_size=5)
    ),
    max_leaves=30,
)


def only_discovery_errors(call, *args, **kwargs):
    try:
        return call(*args, **kwargs)
    except DiscoveryError:
        return None


@FUZZ
@given(documents)
def test_xml_channels_raise_only_discovery_errors(body):
    only_discovery_errors(parse_sitemap, BASE + "sitemap.xml", body)
    only_discovery_errors(parse_feed, BASE + "feed/", body)
    only_discovery_errors(parse_blogger_feed, BASE + "feeds/posts/default", body)
    assert feed_next_url(BASE + "feed/", body) is None or isinstance(feed_next_url(BASE, body), str)


@FUZZ
@given(documents)
def test_html_channels_never_raise(body):
    assert isinstance(discovered_from_listing(body, BASE), list)
    assert isinstance(parse_archive_page(BASE + "2024/05/", body), list)
    assert isinstance(feed_links_from_html(body, BASE), list)
    next_page_url(body, BASE)
    assert probe_platform(body, {}, BASE) in ("wordpress", "blogspot", "other")
    assert isinstance(sitemaps_from_robots(body, BASE), list)


@FUZZ
@given(json_values, st.sampled_from([200, 400, 401, 404, 500]))
def test_rest_parser_raises_only_discovery_errors(value, status):
    body = json.dumps(value).encode()
    result = only_discovery_errors(parse_wp_posts, body, {"X-WP-TotalPages": "2"}, status)
    if result is not None:
        posts, _total = result
        assert all(post["url"].startswith(("http://", "https://")) for post in posts)


@FUZZ
@given(
    st.binary(max_size=2000), st.sampled_from(["gzip", "deflate", "br", "zstd", "identity", "x"])
)
def test_decompression_raises_only_discovery_errors(data, coding):
    result = only_discovery_errors(decompress_capped, data, coding, 4096)
    assert result is None or len(result) <= 4096


URL_PIECES = [
    "http://", "https://", "www.", "[", "]", ":", "::1", "/", "?", "&", "=", "#", "%", "%E2",
    "page", "2", "99999", "a-b", "kabarfuzz.example", " ",
]  # fmt: skip
"""Pieces of URLs, including the ones urllib chokes on (`[`, bad ports)."""

url_text = st.one_of(
    st.text(max_size=200), st.lists(st.sampled_from(URL_PIECES), max_size=30).map("".join)
)


@FUZZ
@given(url_text, url_text)
def test_url_helpers_never_raise(url, other):
    assert classify_url(url) in ("article", "listing", "page", "other")
    assert classify_url(BASE + url) in ("article", "listing", "page", "other")
    assert isinstance(same_portal(url, other), bool)
    assert isinstance(same_portal(BASE + url, BASE), bool)
    assert page_number(url) >= 1
    assert isinstance(listing_root(url), str)
    assert isinstance(page_url(BASE + url, 3), str)
    assert isinstance(page_url(url, 2), str)
    archive_date(BASE + url)
    archive_date(url)
