"""Crawl-wide services: the shared archive connection and the `crawl_runs` row of each run."""

from __future__ import annotations

import logging
import os
import socket
from typing import Any

from scrapy import logformatter, signals

from crawler.archive.crawlstate import RunCounts
from crawler.archive.sqlite import default_db_path
from crawler.archive.storage import Archive
from crawler.crawl.middlewares import pages_fetched
from crawler.profiles import ProfileBook, book_for
from crawler.profiles.remote import RemoteProfiles

logger = logging.getLogger(__name__)

# One writer connection per archive file per process (the design rule that keeps SQLite safe):
# every crawler in the process shares it; the reactor thread is the only thread that uses it.
_OPEN: dict[str, tuple[Archive, int]] = {}


def archive_path(settings) -> str:
    """The archive a crawl writes to: WARTA_DB setting, else `$WARTA_DB`, else ./archive.db."""
    return settings.get("WARTA_DB") or default_db_path()


def shared_archive(crawler) -> Archive:
    """The process's writer Archive for this crawler's WARTA_DB (opened on first use)."""
    archive = getattr(crawler, "_warta_archive", None)
    if archive is None:
        path = os.path.abspath(archive_path(crawler.settings))
        archive, users = _OPEN.get(path, (None, 0))
        if archive is None:
            archive = Archive(path)
        _OPEN[path] = (archive, users + 1)
        crawler._warta_archive = archive
    return archive


def shared_profiles(crawler) -> ProfileBook | RemoteProfiles | None:
    """Where this crawl reads portal profiles (opened on first use, shared by the spider's
    extraction and the cleaning pipeline): the archive's book, a distributed worker's copy of the
    ingester's (workers never open the archive), or nowhere (WARTA_PROFILES off)."""
    settings = crawler.settings
    if not settings.getbool("WARTA_PROFILES"):
        return None
    source = getattr(crawler, "_warta_profiles", None)
    if source is None:
        if settings.get("WARTA_REDIS_URL"):
            source = RemoteProfiles.from_url(settings.get("WARTA_REDIS_URL"))
        else:
            source = book_for(shared_archive(crawler))
        crawler._warta_profiles = source
    return source


def release_archive(crawler) -> None:
    """Drop this crawler's use of the shared Archive; the last user commits and closes it."""
    crawler._warta_profiles = None
    archive = getattr(crawler, "_warta_archive", None)
    if archive is None:
        return
    crawler._warta_archive = None
    path = str(archive.path.resolve())
    _, users = _OPEN.get(path, (archive, 1))
    if users <= 1:
        _OPEN.pop(path, None)
        archive.close()
    else:
        _OPEN[path] = (archive, users - 1)
        archive.commit()


def _prefixed(stats: dict[str, Any], prefix: str) -> dict[str, int]:
    return {k[len(prefix) :]: int(v) for k, v in stats.items() if k.startswith(prefix)}


def run_errors(stats: dict[str, Any]) -> dict[str, int]:
    """Errors of a run by kind: Warta's own counters, one per request that failed for good (HTTP
    errors of non-probe requests among them); download exceptions, one per attempt, retries
    included, as `attempts:<exception>`; spider exceptions."""
    errors = _prefixed(stats, "warta/errors/")
    for kind, count in _prefixed(stats, "downloader/exception_type_count/").items():
        if kind.startswith("crawler."):
            continue  # Warta's own refusals (crawler.crawl.middlewares.Refused) count themselves
        name = "attempts:" + kind.rsplit(".", 1)[-1]
        errors[name] = errors.get(name, 0) + count
    for kind, count in _prefixed(stats, "spider_exceptions/").items():
        errors[f"spider_{kind}"] = errors.get(f"spider_{kind}", 0) + count
    return errors


class WartaLogFormatter(logformatter.LogFormatter):
    """Drops are expected outcomes, counted per reason: one INFO line each, not the whole item."""

    def dropped(self, item, exception, response, spider=None):
        return {
            "level": logging.INFO,
            "msg": "dropped (%(reason)s)",
            "args": {"reason": exception},
        }


class RunRecorder:
    """Leaves one `crawl_runs` row per crawl, opened at start and closed with the run's stats."""

    def __init__(self, crawler):
        self.crawler = crawler
        self.run_id: int | None = None
        self.finished = False

    @classmethod
    def from_crawler(cls, crawler):
        ext = cls(crawler)
        crawler.signals.connect(ext.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(ext.spider_closed, signal=signals.spider_closed)
        crawler.signals.connect(ext.item_dropped, signal=signals.item_dropped)
        return ext

    def spider_opened(self, spider):
        archive = shared_archive(self.crawler)
        self.run_id = archive.start_run(
            spider=spider.name,
            site=getattr(spider, "site", None),
            worker=f"{socket.gethostname()}:{os.getpid()}",
        )
        self.crawler.stats.set_value("warta/run_id", self.run_id)

    def item_dropped(self, item, response, exception, spider):
        url_key = getattr(item, "url_key", None)
        if url_key:
            reason = str(exception).split(":", 1)[0]
            shared_archive(self.crawler).mark_fetched(
                url_key,
                url=item.url,
                site=item.site,
                outcome=f"dropped:{reason}",
                fetched_at=item.fetched_at,
            )

    def spider_closed(self, spider, reason):
        self.finish(reason)

    def finish(self, reason: str) -> None:
        """Close the run's row with the stats so far (once; also after a forced stop, when Scrapy
        never sends spider_closed) and release the shared archive, which commits what is stored."""
        if self.finished:
            return
        self.finished = True
        stats = self.crawler.stats.get_stats()
        archive = shared_archive(self.crawler)
        try:
            if self.run_id is not None:
                drops = _prefixed(stats, "warta/dropped/")
                counts = RunCounts(
                    pages_fetched=pages_fetched(stats),
                    articles_new=int(stats.get("warta/articles/new", 0)),
                    articles_updated=int(stats.get("warta/articles/updated", 0)),
                    articles_unchanged=int(stats.get("warta/articles/unchanged", 0)),
                    articles_duplicate=int(stats.get("warta/articles/duplicate", 0)),
                    articles_dropped=sum(drops.values()),
                )
                archive.finish_run(
                    self.run_id,
                    counts=counts,
                    finish_reason=reason,
                    drops=drops,
                    errors=run_errors(stats),
                    stats=stats,
                )
        finally:
            release_archive(self.crawler)


FORCED_SHUTDOWN = "forced-shutdown"
"""finish_reason of a run stopped by a second Ctrl-C: Scrapy stops at once, without closing it."""


def finish_unclosed_run(crawler, reason: str = FORCED_SHUTDOWN) -> bool:
    """Close the `crawl_runs` row of a crawler that Scrapy stopped without spider_closed (a second
    Ctrl-C); True when there was one to close."""
    for extension in crawler.extensions.middlewares if crawler.extensions else ():
        if isinstance(extension, RunRecorder) and extension.run_id is not None:
            if extension.finished:
                return False
            extension.finish(reason)
            return True
    return False
