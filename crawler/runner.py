"""Run crawls from Python: Warta's settings, one portal spider per portal, all in one process."""

from __future__ import annotations

import logging
import os
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from scrapy.crawler import CrawlerProcess
from scrapy.settings import Settings

from crawler.storage import Archive

LOOPBACK_SETTINGS = {
    # Our own loopback portal (demo, tests, benchmarks): no politeness delays are owed to it.
    "DOWNLOAD_DELAY": 0,
    "AUTOTHROTTLE_ENABLED": False,
    "CONCURRENT_REQUESTS_PER_DOMAIN": 8,
    "CONCURRENT_REQUESTS": 16,
    "RETRY_TIMES": 1,
}


def warta_settings(overrides: Mapping[str, Any] | None = None) -> Settings:
    """Warta's Scrapy settings (crawler.settings) with command-line overrides on top."""
    settings = Settings()
    settings.setmodule("crawler.settings", priority="project")
    if os.environ.get("WARTA_DB") and not (overrides or {}).get("WARTA_DB"):
        settings.set("WARTA_DB", os.environ["WARTA_DB"], priority="project")
    for key, value in (overrides or {}).items():
        settings.set(key, value, priority="cmdline")
    return settings


def run_crawl(
    portals: Sequence[Mapping[str, Any]],
    *,
    db: str | os.PathLike[str],
    overrides: Mapping[str, Any] | None = None,
) -> list[dict[str, Any]]:
    """Crawl each portal (spider arguments: url, site, since, until, ...) into the archive at `db`;
    returns the `crawl_runs` rows written by this call."""
    db = str(Path(db))
    with Archive(db) as archive:  # fail fast on an unwritable path, before Scrapy starts
        first_new_run = _last_run_id(archive) + 1
    settings = warta_settings({**(overrides or {}), "WARTA_DB": db})
    process = CrawlerProcess(settings)
    logging.getLogger("scrapy").setLevel(settings.get("LOG_LEVEL"))
    for spider_args in portals:
        process.crawl("portal", **spider_args)
    process.start()
    with Archive(db) as archive:
        return [r for r in archive.runs(limit=len(portals) + 10) if r["id"] >= first_new_run][::-1]


def _last_run_id(archive: Archive) -> int:
    row = archive.conn.execute("SELECT max(id) FROM crawl_runs").fetchone()
    return int(row[0] or 0)
