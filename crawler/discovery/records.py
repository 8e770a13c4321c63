"""What every discovery channel returns: `Discovered` records, channel and kind names, `DiscoveryError`."""

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
