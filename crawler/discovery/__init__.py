"""Discovery channels: plain functions from a fetched response (url, body, headers) to URLs to crawl.

Each module is one channel family and knows nothing of Scrapy:

- `robots`      robots.txt `Sitemap:` lines
- `sitemaps`    sitemap indexes, urlsets, Google News sitemaps (`.xml.gz` too)
- `feeds`       RSS 2.0 / Atom / RDF items and `<link rel=alternate>` autodiscovery
- `wordpress`   the WordPress REST API (`/wp-json/wp/v2/posts`) and WordPress detection
- `blogspot`    Blogger feeds (`/feeds/posts/default`, Atom and `alt=json`) and Blogger detection
- `archives`    date archives (`/YYYY/MM/`, `/YYYY/MM/DD/`, `/indeks?date=`)
- `pagination`  next-page detection and listing-page links
- `links`       URL shape (article / listing), same-portal test, platform probe
- `safexml`     the one XML entry point (entity-safe, capped) and capped decompression

Results are `Discovered` records carrying the channel that found them, so the archive can record
which channel first found each URL. URLs are absolute, stripped of whitespace and fragments;
on-portal filtering is left to `links.same_portal` (callers decide), except `listing_links`,
which returns on-portal links only. The only exception any of these functions raises is
`DiscoveryError`, for malformed or oversized input.
"""

from __future__ import annotations

from dataclasses import dataclass

CHANNELS = frozenset(
    {
        "robots",
        "sitemap",
        "news-sitemap",
        "feed",
        "wp-json",
        "blogspot-feed",
        "archive",
        "pagination",
        "link",
        "start",
    }
)
"""Discovery channel names, as stored in `ArticleItem.discovered_via`."""

KINDS = frozenset({"article", "listing", "sitemap", "feed", "api"})
"""What a discovered URL is expected to be when fetched."""


@dataclass(frozen=True)
class Discovered:
    """One URL found by a discovery channel, with what the channel tells about it."""

    url: str
    """Absolute http(s) URL, whitespace and fragment removed."""
    channel: str
    """The channel that found it (one of `CHANNELS`)."""
    kind: str
    """'article' | 'listing' | 'sitemap' | 'feed' | 'api'."""
    lastmod: str | None = None
    """Last modification the channel reports (ISO 8601; a bare date stays a date)."""
    published_at: str | None = None
    """Publication time the channel reports (ISO 8601 with offset; WIB assumed when none given)."""
    title: str | None = None
    """Title the channel reports (feed item, news sitemap, REST post, listing anchor)."""

    def __post_init__(self) -> None:
        if self.channel not in CHANNELS:
            raise ValueError(f"unknown discovery channel {self.channel!r}")
        if self.kind not in KINDS:
            raise ValueError(f"unknown discovered kind {self.kind!r}")


class DiscoveryError(Exception):
    """Malformed or oversized discovery input; `reason` is a short code for counting stops.

    Reasons: `empty`, `malformed`, `html`, `too-large`, `entity` (DTD / entity declarations),
    `depth` (sitemap nesting), `http` (an error status), `encoding` (unknown content coding).
    """

    def __init__(self, message: str, reason: str = "malformed") -> None:
        super().__init__(message)
        self.reason = reason


__all__ = ["CHANNELS", "KINDS", "Discovered", "DiscoveryError"]
