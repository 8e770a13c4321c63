"""`warta sites add`: probe a portal's platform and which discovery channels answer (a few GETs)."""

from __future__ import annotations

import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import urljoin

from crawler import __version__
from crawler.discovery import (
    DiscoveryError,
    blogspot,
    feeds,
    links,
    platform,
    robots,
    sitemaps,
    wordpress,
)

PROBE_TIMEOUT_S = 20  # a slow regional host answers within 20 s; slower ones time out in crawls too
PROBE_MAX_BYTES = 5 * 1024 * 1024  # enough for any home page or first sitemap; more is not read
SAMPLE_ARTICLES = 8
"""Newest articles a probe reads to suggest the portal's home region: enough datelines for a
clear majority (crawler.places.home_region), few requests for one `warta sites add`."""


class ProbeError(Exception):
    """The portal cannot be probed (one-line message)."""


@dataclass
class ProbeResult:
    """What a probe found out about a portal."""

    url: str
    platform: str
    channels: list[str] = field(default_factory=list)
    sitemaps: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    articles: list[str] = field(default_factory=list)
    """Article URLs the feed or sitemaps listed (newest first where they say)."""
    home_regency: str | None = None
    """Suggested home region: the regency code most of the sampled articles' datelines name."""
    home_votes: tuple[int, int] = (0, 0)
    """(datelines naming that regency, sampled articles with a coded dateline)."""


Fetcher = Callable[[str], tuple[int, dict[str, str], bytes]]


def http_fetch(url: str, *, user_agent: str | None = None) -> tuple[int, dict[str, str], bytes]:
    """GET a URL (status, headers, at most PROBE_MAX_BYTES of body); HTTP errors are answers."""
    opener = urllib.request.build_opener()
    request = urllib.request.Request(
        url, headers={"User-Agent": user_agent or f"Warta/{__version__} (portal probe)"}
    )
    try:
        with opener.open(request, timeout=PROBE_TIMEOUT_S) as response:
            return response.status, dict(response.headers.items()), response.read(PROBE_MAX_BYTES)
    except urllib.error.HTTPError as exc:
        return exc.code, dict(exc.headers.items()), exc.read(PROBE_MAX_BYTES)
    except (urllib.error.URLError, OSError, ValueError) as exc:
        reason = getattr(exc, "reason", exc)
        raise ProbeError(f"cannot reach {url}: {reason}") from None


def probe_portal(url: str, fetch: Fetcher = http_fetch) -> ProbeResult:
    """The portal's platform (wordpress / blogspot / other) and the channels that answer."""
    status, headers, home = fetch(url)
    if status >= 400:
        raise ProbeError(f"{url} answered HTTP {status}")
    result = ProbeResult(url=url, platform=platform.probe_platform(home, headers, url))

    def answers(target: str) -> bytes | None:
        try:
            code, _, body = fetch(target)
        except ProbeError:
            return None
        return body if code < 400 and body else None

    found_sitemaps: list[str] = []
    robots_txt = answers(urljoin(url, "/robots.txt"))
    if robots_txt:
        found_sitemaps += [s for s in robots.sitemaps_from_robots(robots_txt, url)
                           if links.same_portal(s, url)]  # fmt: skip
    if not found_sitemaps:
        found_sitemaps = sitemaps.sitemap_candidates(url)
    for candidate in found_sitemaps:
        body = answers(candidate)
        if body is None:
            continue
        try:
            page = sitemaps.parse_sitemap(candidate, body)
        except DiscoveryError:
            continue
        result.sitemaps.append(candidate)
        result.articles += [e.url for e in page.entries if e.kind == "article"]
        if any(e.channel == "news-sitemap" for e in page.entries):
            _add(result.channels, "news-sitemap")
        else:
            _add(result.channels, "sitemap")
    feed_urls = feeds.feed_links_from_html(home, url)
    for feed_url in feed_urls[:2]:
        body = answers(feed_url)
        try:
            entries = feeds.parse_feed(feed_url, body) if body else []
            if entries:
                _add(result.channels, "feed")
                result.articles = [e.url for e in entries] + result.articles  # newest first
                break
        except DiscoveryError:
            continue
    if result.platform == "wordpress":
        code, api_headers, body = _safe(fetch, wordpress.wp_posts_url(url, 1, per_page=1))
        try:
            posts, _ = wordpress.parse_wp_posts(body, api_headers, code)
            if posts:
                _add(result.channels, "wp-json")
        except DiscoveryError as exc:
            result.notes.append(f"REST API unusable: {exc}")
    if result.platform == "blogspot":
        body = answers(blogspot.blogger_feed_url(url, max_results=1))
        try:
            if body and blogspot.parse_blogger_feed(url, body).entries:
                _add(result.channels, "blogspot-feed")
        except DiscoveryError:
            pass
    result.channels.append("pagination")
    return result


def suggest_home(
    result: ProbeResult, fetch: Fetcher = http_fetch, *, sample: int = SAMPLE_ARTICLES
):
    """Read up to `sample` of the probed portal's articles and set `result.home_regency` to the
    regency most of their datelines name (crawler.places.home_region), when one clearly does."""
    from crawler.article import extract_article
    from crawler.places import home_region, locate

    locations = []
    for article_url in list(dict.fromkeys(result.articles))[:sample]:
        try:
            status, headers, body = fetch(article_url)
            if status >= 400 or not body:
                continue
            item = extract_article(body, article_url, headers=headers)
        except Exception:  # one unreadable page must not stop `sites add`
            continue
        locations.append(locate(item.dateline_place, item.title, item.body))
    code, votes, total = home_region(locations)
    result.home_regency, result.home_votes = code, (votes, total)
    return result


def _safe(fetch: Fetcher, url: str) -> tuple[int, dict[str, str], bytes]:
    try:
        return fetch(url)
    except ProbeError:
        return 599, {}, b""


def _add(channels: list[str], channel: str) -> None:
    if channel not in channels:
        channels.append(channel)
