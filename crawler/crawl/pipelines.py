"""Clean -> Validate -> Deduplicate -> Store: thin Scrapy adapters over crawler.article and storage."""

from __future__ import annotations

import functools
import logging
import time

from scrapy.exceptions import DropItem

from crawler.archive.reprocess import backfill_profiles
from crawler.archive.storage import Archive
from crawler.article import build_article, published_earlier, why_not_article
from crawler.crawl.extensions import shared_archive, shared_profiles
from crawler.fingerprints import url_key
from crawler.items import ArticleItem
from crawler.places import home_codes, locate
from crawler.profiles import ProfileBook, book_for
from crawler.profiles.remote import RemoteProfiles

logger = logging.getLogger(__name__)


def link_copies(archive: Archive, item: ArticleItem) -> int:
    """Set `item.duplicate_of` from the archive: an exact copy of an archived body points at its
    original; an earlier published copy becomes the original of the archived ones instead.
    Returns how many archived rows became copies of this item."""
    item.url_key = item.url_key or url_key(item.canonical_url or item.url)
    original = archive.original_of(item.content_hash, item.url_key)
    item.duplicate_of = None
    if original is None:
        return 0
    if published_earlier(item.published_at, original["published_at"]):
        moved = archive.relink_copies(original["url_key"], item.url_key)
        logger.info(
            "%s is an earlier copy of %s: now the original of %d rows",
            item.url,
            original["url_key"],
            moved,
        )
        return moved
    item.duplicate_of = original["url_key"]
    logger.info("exact copy of %s: %s", original["url_key"], item.url)
    return 0


@functools.lru_cache(maxsize=1024)
def _home(province: str | None, regency: str | None) -> tuple[str, ...]:
    return tuple(home_codes(province, regency))


def place_article(item: ArticleItem) -> ArticleItem:
    """Fill the story-location fields from the item's dateline place, title and body, reading
    shared names by its portal's home region (`province`, `regency` from the registry)."""
    found = locate(
        item.dateline_place, item.title, item.body, home=_home(item.province, item.regency)
    )
    for name, value in found.fields().items():
        setattr(item, name, value)
    return item


def store_article(
    archive: Archive, item: ArticleItem, *, keep_raw: bool, now: str | None = None,
    requested_url: str | None = None,
) -> str:  # fmt: skip
    """Write one article (and its raw response when `keep_raw`) and mark its URL fetched, in the
    archive's open transaction; returns `new`, `updated`, `unchanged` or `duplicate`. `now` dates
    the row (an import uses the capture's time); `requested_url` is the URL asked for when a
    redirect answered it."""
    if item.story_location_source is None and not item.story_places:
        place_article(item)  # an import or ingest that did not pass the Clean pipeline
    if keep_raw and item.raw_body is not None:
        archive.save_raw_page(
            url=requested_url or (item.raw.url if item.raw else item.url),
            final_url=item.url,
            url_key=item.url_key,
            site=item.site,
            status=item.http_status or 200,
            headers=item.raw_headers or {},
            body=item.raw_body,
            fetched_at=item.fetched_at,
        )
        for part in item.raw_parts:
            archive.save_raw_page(
                url=part["url"], final_url=part["final_url"], url_key=url_key(part["url"]),
                site=item.site, status=part["status"], headers=part["headers"],
                body=part["body"], fetched_at=part["fetched_at"], part_of=item.url_key,
                part=part["number"],
            )  # fmt: skip
    outcome = archive.save_article(item, now=now)
    archive.mark_fetched(
        item.url_key,
        url=item.url,
        site=item.site,
        outcome="article",
        fetched_at=item.fetched_at,
        etag=item.etag,
        last_modified=item.last_modified,
    )
    if outcome == "new" and item.duplicate_of:
        outcome = "duplicate"
    return outcome


def _site_phrases(crawler, site: str) -> list[str]:
    """Boilerplate lines of the item's portal: the setting's, plus its registry entry's (a
    distributed worker's spider keeps one portal context per site)."""
    spider = getattr(crawler, "spider", None)
    portal = getattr(spider, "portals", {}).get(site, spider)
    spider_phrases = getattr(portal, "extra_boilerplate", None) or []
    return [*crawler.settings.getlist("WARTA_EXTRA_BOILERPLATE"), *spider_phrases]


class CleanPipeline:
    """Turns the spider's raw extraction into clean archive fields, with the portal's learned
    profile once it has one."""

    def __init__(self, crawler):
        self.crawler = crawler
        self.profiles: ProfileBook | RemoteProfiles | None = None

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    def open_spider(self):
        self.profiles = shared_profiles(self.crawler)

    def process_item(self, item):
        if not isinstance(item, ArticleItem) or item.raw is None:
            return item
        profile = self.profiles.profile_for(item.site) if self.profiles is not None else None
        built = build_article(
            item.raw,
            item=item,
            extra_phrases=_site_phrases(self.crawler, item.site),
            profile=profile,
        )
        return place_article(built)


class ValidatePipeline:
    """Drops what is not an archivable article, counting each reason in the crawl stats."""

    def __init__(self, stats, min_body_chars: int):
        self.stats = stats
        self.min_body_chars = min_body_chars

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler.stats, crawler.settings.getint("WARTA_MIN_BODY_CHARS"))

    def process_item(self, item):
        if not isinstance(item, ArticleItem):
            return item
        reason = why_not_article(item, min_body_chars=self.min_body_chars)
        if reason:
            self.stats.inc_value(f"warta/dropped/{reason}")
            raise DropItem(f"{reason}: {item.url}")
        return item


class DeduplicatePipeline:
    """Links an exact copy of an archived body to its original (kept as a copy, never dropped); the
    earliest published copy is the original, whatever order the portals were crawled in."""

    def __init__(self, crawler):
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    def process_item(self, item):
        if not isinstance(item, ArticleItem):
            return item
        moved = link_copies(shared_archive(self.crawler), item)
        if moved:  # archived rows that became copies of this earlier original
            self.crawler.stats.inc_value("warta/articles/duplicate", moved)
        return item


class StorePipeline:
    """Writes articles (and their raw responses) to the archive in batched transactions."""

    def __init__(
        self, crawler, batch_size: int, commit_seconds: float, keep_raw: bool,
        profiles: bool = True, backfill: bool = True,
    ):  # fmt: skip
        self.crawler = crawler
        self.stats = crawler.stats
        self.batch_size = batch_size
        self.commit_seconds = commit_seconds
        self.keep_raw = keep_raw
        self.learn = profiles
        self.backfill = profiles and backfill
        self.pending = 0
        self.last_commit = time.monotonic()

    @classmethod
    def from_crawler(cls, crawler):
        s = crawler.settings
        return cls(
            crawler,
            s.getint("WARTA_BATCH_SIZE"),
            s.getfloat("WARTA_COMMIT_SECONDS"),
            s.getbool("WARTA_KEEP_RAW"),
            s.getbool("WARTA_PROFILES"),
            s.getbool("WARTA_PROFILE_BACKFILL"),
        )

    def open_spider(self):
        self.archive = shared_archive(self.crawler)
        self.book = book_for(self.archive) if self.learn else None

    def close_spider(self):
        self.archive.commit()  # the backfill commits (and on error rolls back) its own work
        if self.backfill and self.book is not None:  # the pages stored before a profile existed
            try:
                for summary in backfill_profiles(self.archive, self.book).values():
                    self.stats.inc_value("warta/profiles/backfilled", summary.updated)
            except Exception:  # the profile stays pending: the next crawl or reprocess applies it
                logger.exception("applying learned profiles to stored articles failed")
        self.archive.commit()

    def process_item(self, item):
        if not isinstance(item, ArticleItem):
            return item
        archive = self.archive
        outcome = store_article(archive, item, keep_raw=self.keep_raw)
        self.stats.inc_value(f"warta/articles/{outcome}")
        if self.book is not None:
            change = self.book.observe_item(item)
            if change is not None:
                self.stats.inc_value(f"warta/profiles/{change.reason}")
        self.pending += 1
        if (
            self.pending >= self.batch_size
            or time.monotonic() - self.last_commit >= self.commit_seconds
        ):
            archive.commit()
            self.pending = 0
            self.last_commit = time.monotonic()
        item.raw_body = None  # the response bodies are not needed past this point
        item.raw_parts = []
        return item
