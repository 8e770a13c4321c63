"""Run crawls from Python: Warta's settings, one portal spider per portal, all in one process, each
portal with its own lock and resumable job folder."""

from __future__ import annotations

import fcntl
import logging
import os
import re
import shutil
from collections.abc import Iterator, Mapping, Sequence
from contextlib import ExitStack, contextmanager
from pathlib import Path
from typing import Any

from scrapy.crawler import Crawler, CrawlerProcess
from scrapy.settings import Settings

from crawler.archive.storage import Archive
from crawler.crawl.extensions import finish_unclosed_run

logger = logging.getLogger(__name__)

LOOPBACK_SETTINGS = {
    # Our own loopback portal (demo, tests, benchmarks): no politeness delays are owed to it.
    "DOWNLOAD_DELAY": 0,
    "AUTOTHROTTLE_ENABLED": False,
    "CONCURRENT_REQUESTS_PER_DOMAIN": 8,
    "CONCURRENT_REQUESTS": 16,
    "RETRY_TIMES": 1,
}
PAUSED_MARKER = "paused"  # written when a run stops gracefully (Ctrl-C): its job folder resumes
# Registry politeness overrides become per-portal Scrapy settings.
POLITENESS_ARGS = {
    "download_delay": "DOWNLOAD_DELAY",
    "concurrency": "CONCURRENT_REQUESTS_PER_DOMAIN",
}


class PortalBusy(Exception):
    """Another run holds this portal's lock."""


def warta_settings(overrides: Mapping[str, Any] | None = None) -> Settings:
    """Warta's Scrapy settings (crawler.settings) with command-line overrides on top."""
    settings = Settings()
    settings.setmodule("crawler.settings", priority="project")
    if os.environ.get("WARTA_DB") and not (overrides or {}).get("WARTA_DB"):
        settings.set("WARTA_DB", os.environ["WARTA_DB"], priority="project")
    for key, value in (overrides or {}).items():
        settings.set(key, value, priority="cmdline")
    contact = settings.get("WARTA_CONTACT")
    if settings.getpriority("USER_AGENT") == settings.getpriority("BOT_NAME") and contact:
        # the identifying User-Agent follows a WARTA_CONTACT given at run time
        settings.set("USER_AGENT", re.sub(r"\+[^)]*\)", f"+{contact})", settings.get("USER_AGENT")),
                     priority="project")  # fmt: skip
    return settings


def state_folder(db: str | os.PathLike[str], settings: Settings, site: str) -> Path:
    """The per-portal state folder: lock file and Scrapy job folder (WARTA_STATE_DIR, else
    `state/` beside the archive)."""
    root = Path(settings.get("WARTA_STATE_DIR") or Path(db).resolve().parent / "state")
    return root / re.sub(r"[^A-Za-z0-9._-]", "_", site)


@contextmanager
def portal_lock(folder: Path) -> Iterator[None]:
    """Hold the portal's lock for the length of a run (released by the kernel even on SIGKILL)."""
    folder.mkdir(parents=True, exist_ok=True)
    handle = open(folder / "lock", "w")  # noqa: SIM115 - held open for the whole run
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        handle.close()
        raise PortalBusy(f"another run of this portal holds {folder / 'lock'}") from None
    try:
        handle.write(str(os.getpid()))
        handle.flush()
        yield
    finally:
        fcntl.flock(handle, fcntl.LOCK_UN)
        handle.close()


def prepare_job_folder(folder: Path) -> Path:
    """Scrapy's JOBDIR for a portal. A folder left by a graceful stop resumes; one left by a
    killed run is discarded (Scrapy writes its queue state only on a clean stop) and the
    archive's own frontier — URLs found but never fetched — resumes the work instead."""
    job = folder / "job"
    marker = job / PAUSED_MARKER
    if job.exists() and not marker.exists():
        logger.info("discarding the job folder of an interrupted run: %s", job)
        shutil.rmtree(job, ignore_errors=True)
    marker.unlink(missing_ok=True)
    return job


def finish_job_folder(job: Path, finish_reason: str | None) -> None:
    """Keep a paused job folder for the next run; remove a finished one (its seen-set would
    otherwise filter every listing page of the next run)."""
    if finish_reason == "shutdown" and job.exists():
        (job / PAUSED_MARKER).touch()
    else:
        shutil.rmtree(job, ignore_errors=True)


def _portal_spider(index: int, custom: dict[str, Any]):
    from spiders.portal import PortalSpider

    return type(f"PortalSpider{index}", (PortalSpider,), {"custom_settings": custom,
                                                           "__module__": PortalSpider.__module__})  # fmt: skip


def run_crawl(
    portals: Sequence[Mapping[str, Any]],
    *,
    db: str | os.PathLike[str],
    overrides: Mapping[str, Any] | None = None,
    echo=None,
) -> list[dict[str, Any]]:
    """Crawl each portal (spider arguments: url, site, since, until, ...) into the archive at `db`;
    returns the `crawl_runs` rows written by this call. A portal another run is crawling is
    skipped (said through `echo`)."""
    from crawler.fingerprints import portal_key

    db = str(Path(db))
    with Archive(db) as archive:  # fail fast on an unwritable path, before Scrapy starts
        first_new_run = _last_run_id(archive) + 1
    settings = warta_settings({**(overrides or {}), "WARTA_DB": db})
    process = CrawlerProcess(settings)
    logging.getLogger("scrapy").setLevel(settings.get("LOG_LEVEL"))
    jobs: dict[str, Path] = {}
    crawlers: list[Crawler] = []
    with ExitStack() as locks:
        for index, spider_args in enumerate(portals):
            args = dict(spider_args)
            site = args.get("site") or portal_key(args["url"])
            folder = state_folder(db, settings, site)
            try:
                locks.enter_context(portal_lock(folder))
            except PortalBusy as exc:
                (echo or logger.warning)(f"{site}: skipped, {exc}")
                continue
            job = jobs[site] = prepare_job_folder(folder)
            custom: dict[str, Any] = {"JOBDIR": str(job)}
            for arg, setting in POLITENESS_ARGS.items():
                if args.get(arg) is not None:
                    custom[setting] = args.pop(arg)
            crawlers.append(process.create_crawler(_portal_spider(index, custom)))
            process.crawl(crawlers[-1], **args)
        if crawlers:
            process.start()
            for crawler in crawlers:  # a second Ctrl-C stops the reactor before spider_closed
                finish_unclosed_run(crawler)
    with Archive(db) as archive:
        runs = [r for r in archive.runs(limit=len(portals) + 10) if r["id"] >= first_new_run][::-1]
        stored = sum(
            r["articles_new"] + r["articles_updated"] + r["articles_duplicate"] for r in runs
        )
        if stored and settings.getbool("WARTA_CLUSTER_AFTER_CRAWL"):
            from crawler.archive.neardup import cluster_archive

            cluster_archive(archive)  # syndicated copies across every portal of the archive
    for run in runs:
        if run["site"] in jobs:
            finish_job_folder(jobs.pop(run["site"]), run.get("finish_reason"))
    return runs


def _last_run_id(archive: Archive) -> int:
    row = archive.conn.execute("SELECT max(id) FROM crawl_runs").fetchone()
    return int(row[0] or 0)
