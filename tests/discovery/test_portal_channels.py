"""Every discovery channel against the loopback test portal finds every article of its truth."""

from __future__ import annotations

import urllib.error
import urllib.request

import pytest

from crawler.discovery import (
    DiscoveryError,
    archives,
    blogspot,
    feeds,
    pagination,
    platform,
    robots,
    sitemaps,
    wordpress,
)
from crawler.testportal import PortalSpec, serve_portals_in_thread

ARTICLES = 60  # small: a few listing pages and REST pages, still several sitemap files
NO_PROXY = urllib.request.build_opener(urllib.request.ProxyHandler({}))
MAX_WALK = 200  # listing pages per walk in these tests (the portal has about 10)


def fetch(url: str) -> tuple[int, dict[str, str], bytes]:
    assert url.startswith("http://127.0.0.1:"), url  # loopback only, whatever a channel returns
    try:
        with NO_PROXY.open(url, timeout=10) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


def without_query(url: str) -> str:
    return url.split("?", 1)[0]


@pytest.fixture(scope="module", params=["wordpress", "blogspot"])
def portal(request):
    spec = PortalSpec(articles=ARTICLES, platform=request.param)
    with serve_portals_in_thread([spec]) as (served,):
        yield served


@pytest.fixture(scope="module")
def truth(portal) -> set[str]:
    return {article["url"] for article in portal.truth()}


def test_platform_probe(portal):
    status, headers, home = fetch(portal.url + "/")
    assert status == 200
    assert platform.probe_platform(home, headers, portal.url) == portal.spec.platform


def test_sitemaps_from_robots_and_well_known_paths_find_every_article(portal, truth):
    base = portal.url + "/"
    _status, _headers, robots_txt = fetch(base + "robots.txt")
    queue = [(url, 0) for url in robots.sitemaps_from_robots(robots_txt, base)]
    queue += [(url, 0) for url in sitemaps.sitemap_candidates(base)]
    seen: set[str] = set()
    found: set[str] = set()
    refused: dict[str, str] = {}
    while queue:
        url, depth = queue.pop(0)
        if url in seen:  # the caller's seen set breaks index loops
            continue
        seen.add(url)
        status, headers, body = fetch(url)
        if status != 200:
            continue
        try:
            page = sitemaps.parse_sitemap(url, body, headers, depth=depth)
        except DiscoveryError as error:
            refused[url.rsplit("/", 1)[-1]] = error.reason
            continue
        if page.truncated:  # cut off on purpose: read up to the cut, still a bad sitemap
            refused[url.rsplit("/", 1)[-1]] = "truncated"
        queue += [(e.url, depth + 1) for e in page.entries if e.kind == "sitemap"]
        found |= {e.url for e in page.entries if e.kind != "sitemap"}
    assert truth <= found
    bad_sitemaps = {
        d["url"].rsplit("/", 1)[-1] for d in portal.expected_drops() if d["stage"] == "discovery"
    }
    assert set(refused) == bad_sitemaps


def test_api_channel_finds_every_article(portal, truth):
    found: set[str] = set()
    if portal.spec.platform == "wordpress":
        page = 1
        while page < MAX_WALK:
            status, headers, body = fetch(wordpress.wp_posts_url(portal.url, page, per_page=25))
            posts, total_pages = wordpress.parse_wp_posts(body, headers, status)
            found |= {post["url"] for post in posts}
            if not posts or (total_pages and page >= total_pages):
                break
            page += 1
    else:
        url: str | None = blogspot.blogger_feed_url(portal.url, max_results=25)
        while url:
            page_of_feed = blogspot.parse_blogger_feed(url, fetch(url)[2])
            found |= {e.url for e in page_of_feed.entries}
            url = page_of_feed.next_url
    assert truth <= found


def test_feed_autodiscovery_gives_newest_articles(portal, truth):
    _status, _headers, home = fetch(portal.url + "/")
    feed_url = feeds.feed_links_from_html(home, portal.url + "/")[0]
    parse = feeds.parse_feed if portal.spec.platform == "wordpress" else blogspot.parse_blogger_feed
    result = parse(feed_url, fetch(feed_url)[2])
    items = result if isinstance(result, list) else result.entries
    assert items and {item.url for item in items} <= truth


def test_home_pagination_walk_finds_every_article(portal, truth):
    url: str | None = portal.url + "/"
    found: set[str] = set()
    pages = 0
    while url and pages < MAX_WALK:
        _status, _headers, body = fetch(url)
        pages += 1
        found |= {
            without_query(link.url)
            for link in pagination.listing_links(body, url)
            if link.kind == "article"
        }
        url = pagination.next_page_url(body, url)
    assert url is None  # the walk ended by itself
    assert truth <= found


def test_month_archives_find_every_article(portal, truth):
    if portal.spec.platform != "wordpress":
        pytest.skip("Blogger portals have no WordPress date archives")
    dates = sorted(str(article["published_at"])[:10] for article in portal.truth())
    found: set[str] = set()
    for archive_url in archives.month_archive_urls(portal.url, dates[0], dates[-1]):
        url: str | None = archive_url
        while url:
            status, _headers, body = fetch(url)
            if status != 200:
                break
            entries = archives.parse_archive_page(url, body)
            found |= {without_query(e.url) for e in entries if e.kind == "article"}
            url = next((e.url for e in entries if e.kind == "listing"), None)
    assert truth <= found
