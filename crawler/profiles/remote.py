"""Profiles in distributed mode: the ingester learns and publishes them, workers read them.

The ingester (the archive's single writer) keeps the profile book: it observes the articles it
stores (extracting a page again from its raw body, since items travel without their extraction:
every page while a portal has no profile, one in INGEST_SAMPLE_EVERY afterwards) and writes every
portal's current profile to the Redis hash `<prefix>:profiles`. Workers clean with the copy they
read from that hash, refreshed every REFRESH_SECONDS; pages a worker cleaned before it saw a new
profile are re-cleaned by the ingester's backfill when a crawl round ends.
"""

from __future__ import annotations

import json
import logging
import time
from typing import Any

from crawler.clean.profile import PortalProfile
from crawler.items import ArticleItem
from crawler.profiles.book import ProfileBook, ProfileChange, book_for

logger = logging.getLogger(__name__)

KEY_PREFIX = "warta"
"""The frontier's key prefix (crawler.distributed.keys.KEY_PREFIX; not imported from there, since
crawler.distributed imports this module)."""
REFRESH_SECONDS = 10.0  # a portal serves ~4 pages/s at default politeness: <= ~40 pages unprofiled
"""How long a worker cleans with the profiles it read before reading them again."""
INGEST_SAMPLE_EVERY = 10  # re-extraction costs ~8 ms a page; one in ten keeps ingest near 1,000/s
"""The ingester observes one article in this many of a portal that has a profile."""


def profiles_key(prefix: str = KEY_PREFIX) -> str:
    """The Redis hash of the current profiles (site -> JSON `{version, profile}`)."""
    return f"{prefix}:profiles"


def _payload(version: int, profile: PortalProfile) -> str:
    return json.dumps({"version": version, "profile": profile.to_json()}, ensure_ascii=False)


class IngestProfiles:
    """The ingester's profile book, published to Redis whenever a profile changes."""

    def __init__(self, client: Any, archive: Any, *, prefix: str = KEY_PREFIX):
        self.client = client
        self.key = profiles_key(prefix)
        self.book: ProfileBook = book_for(archive)
        self.book.sample_every = INGEST_SAMPLE_EVERY
        self.book.on_change = self._publish_change
        self.changes: list[ProfileChange] = []

    def publish_all(self) -> int:
        """Replace the Redis copy with every stored profile; returns how many."""
        profiles = self.book.profiles()
        pipe = self.client.pipeline()
        pipe.delete(self.key)
        for site, profile in profiles.items():
            pipe.hset(self.key, site, _payload(self.book.version_of(site), profile))
        pipe.execute()
        return len(profiles)

    def _publish_change(self, change: ProfileChange) -> None:
        self.changes.append(change)
        self.client.hset(self.key, change.site, _payload(change.version, change.profile))

    def after_store(self, item: ArticleItem) -> ProfileChange | None:
        """Observe a stored article of its portal (when the book wants this one)."""
        return self.book.observe_item(item)


class RemoteProfiles:
    """A worker's read-only copy of the ingester's profiles."""

    def __init__(self, client: Any, *, prefix: str = KEY_PREFIX, refresh: float = REFRESH_SECONDS):
        self.client = client
        self.key = profiles_key(prefix)
        self.refresh = refresh
        self._read_at = float("-inf")
        self._profiles: dict[str, PortalProfile] = {}

    @classmethod
    def from_url(cls, url: str) -> RemoteProfiles:
        """A copy read from the Redis at `url`."""
        import redis

        return cls(redis.Redis.from_url(url, decode_responses=True))

    def _read(self) -> None:
        self._read_at = time.monotonic()
        try:
            stored = self.client.hgetall(self.key)
        except Exception as exc:  # Redis gone: keep cleaning with what was read last
            logger.warning("cannot read portal profiles from Redis: %s", exc)
            return
        profiles = {}
        for site, payload in stored.items():
            try:
                profile = PortalProfile.from_json(json.loads(payload).get("profile"))
            except (ValueError, AttributeError):
                profile = None
            if profile is not None:
                profiles[site.decode() if isinstance(site, bytes) else site] = profile
        self._profiles = profiles

    def profile_for(self, site: str | None) -> PortalProfile | None:
        """The portal's profile as last published (read again every `refresh` seconds)."""
        if time.monotonic() - self._read_at >= self.refresh:
            self._read()
        return self._profiles.get(site or "")
