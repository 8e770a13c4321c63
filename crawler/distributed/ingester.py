"""The single writer of a distributed crawl: applies queued items and URL events to archive.db."""

from __future__ import annotations

import json
import logging
import os
import socket
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from crawler.archive.crawlstate import RunCounts
from crawler.archive.reprocess import backfill_profiles
from crawler.archive.storage import Archive
from crawler.crawl.extensions import run_errors
from crawler.crawl.middlewares import pages_fetched
from crawler.crawl.pipelines import link_copies, store_article
from crawler.distributed.codec import decode_item, dumps
from crawler.distributed.frontier import Frontier
from crawler.distributed.keys import INGEST_WAIT_SECONDS, KNOWN_FIELDS, LOST_REASON, FrontierError
from crawler.profiles.remote import IngestProfiles

logger = logging.getLogger(__name__)


@dataclass
class IngestTotals:
    """What one `warta ingest` did."""

    messages: int = 0
    articles: Counter = field(default_factory=Counter)
    events: int = 0
    runs_started: int = 0
    runs_closed: int = 0
    failed: int = 0
    batches: int = 0
    seconds: float = 0.0

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        return {**self.__dict__, "articles": dict(self.articles)}


class IngestError(Exception):
    """The ingester cannot run (another one holds the archive lease, Redis is gone)."""


class Ingester:
    """Applies the item queue to archive.db: articles through the Deduplicate and Store functions of
    the single-process pipeline, seen-URL events through Archive, `crawl_runs` rows per worker."""

    def __init__(
        self,
        frontier: Frontier,
        archive: Archive,
        *,
        batch_size: int = 200,
        keep_raw: bool = True,
        cluster_after_crawl: bool = True,
        holder: str | None = None,
    ):
        self.frontier = frontier
        self.archive = archive
        self.batch_size = batch_size
        self.keep_raw = keep_raw
        self.cluster_after_crawl = cluster_after_crawl
        self.holder = holder or f"{socket.gethostname()}:{os.getpid()}"
        self.totals = IngestTotals()
        self._run_counts: dict[str, Counter] = {}
        self._dirty_runs: set[str] = set()
        self._touched: set[str] = set()
        self._site_articles: Counter = Counter()
        self._site_rows: Counter = Counter()
        self.stored_since_clustering = 0
        self.profiles = IngestProfiles(frontier.redis, archive, prefix=frontier.keys.prefix)

    # -- lifecycle ------------------------------------------------------------------------------

    def open(self) -> int:
        """Take the archive lease, recover a dead ingester's batch, publish the known-URL mirror;
        returns the URL rows mirrored. Raises IngestError when another ingester is running."""
        other = self.frontier.hold_ingest_lease(self.holder)
        if other:
            raise IngestError(f"another `warta ingest` ({other}) is writing the archive")
        recovered = self.frontier.recover_taken()
        if recovered:
            logger.warning("re-queued %d messages a previous ingester had not committed", recovered)
        self.profiles.publish_all()  # workers clean with the portals' learned profiles
        counts = self.archive.conn.execute("SELECT site, count(*) FROM articles GROUP BY site")
        self.frontier.replace_archived_counts(dict(counts.fetchall()))
        cur = self.archive.conn.execute(f"SELECT url_key, {', '.join(KNOWN_FIELDS)} FROM urls")
        names = [d[0] for d in cur.description]
        return self.frontier.replace_known(dict(zip(names, row, strict=True)) for row in cur)

    def cluster(self) -> None:
        """Recompute near-duplicate clusters (a crawl round is over and it stored articles), as
        `warta crawl` does after a single-process crawl."""
        from crawler.archive.neardup import cluster_archive

        backfill_profiles(self.archive, self.profiles.book)  # profiles learned this round
        cluster_archive(self.archive)
        self.archive.commit()
        self.stored_since_clustering = 0

    def close(self) -> None:
        """Apply profiles learned since the last round to the stored articles, commit and give
        the lease up."""
        backfill_profiles(self.archive, self.profiles.book)
        self.archive.commit()
        self.frontier.drop_ingest_lease(self.holder)

    def round_over(self) -> bool:
        """Nothing queued, in flight or waiting to be written."""
        return self.frontier.waiting() == 0 and self.frontier.drained()

    def finished(self) -> bool:
        """The crawl is over: seeded once, nothing queued or in flight, no worker registered, no
        message waiting."""
        f = self.frontier
        return (
            f.ever_seeded()
            and f.waiting() == 0
            and not f.redis.hlen(f.keys.workers)
            and f.drained()
        )

    def run(
        self,
        *,
        until_done: bool = False,
        should_stop: Callable[[], bool] = lambda: False,
        wait: float = INGEST_WAIT_SECONDS,
    ) -> IngestTotals:
        """Apply batches until stopped (or, with `until_done`, until the crawl is finished)."""
        started = time.monotonic()
        try:
            while not should_stop():
                if self.frontier.hold_ingest_lease(self.holder):
                    raise IngestError("lost the archive lease to another ingester")
                if self.step(wait=wait):
                    continue
                self.frontier.reap()
                if self.cluster_after_crawl and self.stored_since_clustering and self.round_over():
                    self.cluster()
                if until_done and self.finished():
                    break
        finally:
            self.totals.seconds = round(time.monotonic() - started, 3)
        return self.totals

    def step(self, *, wait: float = 0) -> int:
        """Apply one batch (up to `batch_size` messages); returns how many were taken."""
        raws = self.frontier.take(self.batch_size, wait=wait)
        if not raws:
            return 0
        saved_counts = {k: Counter(v) for k, v in self._run_counts.items()}
        saved_totals = Counter(self.totals.articles)
        failed: list[tuple[str, str]] = []
        try:
            for raw in raws:
                self._apply_raw(raw, failed)
            self.archive.commit()
        except Exception as exc:  # one bad message must not stop the archive: retry one by one
            logger.warning(
                "batch failed (%s); applying its %d messages one at a time", exc, len(raws)
            )
            self.archive.rollback()
            self._run_counts = saved_counts
            self._touched.clear()
            self._site_articles.clear()
            self._site_rows.clear()
            self.totals.articles = saved_totals
            failed = []
            for raw in raws:
                try:
                    self._apply_raw(raw, failed)
                    self.archive.commit()
                except Exception as one:
                    self.archive.rollback()
                    failed.append((raw, f"{type(one).__name__}: {one}"))
        self._publish()
        self.frontier.done_with_taken(failed=failed)
        self.totals.messages += len(raws)
        self.totals.failed += len(failed)
        self.totals.batches += 1
        return len(raws)

    def _publish(self) -> None:
        """After a commit: the known-URL mirror, per-run article counts and per-portal totals."""
        f = self.frontier
        f.publish_known({key: self.archive.url_state(key) for key in self._touched})
        self._touched.clear()
        pipe = f.redis.pipeline()
        for key in self._dirty_runs:
            if key in self._run_counts:
                pipe.hset(f.keys.run_counts, key, dumps(dict(self._run_counts[key])))
        for site, n in self._site_articles.items():
            pipe.hincrby(f.keys.portal_items, site, n)
        for site, n in self._site_rows.items():
            pipe.hincrby(f.keys.portal_archived, site, n)
        pipe.execute()
        self._dirty_runs.clear()
        self._site_articles.clear()
        self._site_rows.clear()

    # -- messages -------------------------------------------------------------------------------

    def _apply_raw(self, raw: str, failed: list[tuple[str, str]]) -> None:
        try:
            message = json.loads(raw)
            kind = message["type"]
            handler = self._handlers()[kind]
        except (ValueError, KeyError, TypeError) as exc:
            failed.append((raw, f"unreadable message: {exc}"))
            return
        try:
            handler(message)
        except FrontierError as exc:
            failed.append((raw, str(exc)))

    def _handlers(self) -> dict[str, Callable[[dict[str, Any]], None]]:
        return {
            "article": self.apply_article,
            "noted": self.apply_noted,
            "fetched": self.apply_fetched,
            "taken_down": self.apply_taken_down,
            "touched": self.apply_touched,
            "listed": self.apply_listed,
            "run_started": self.apply_run_started,
            "run_finished": self.apply_run_finished,
            "run_lost": self.apply_run_lost,
        }

    def apply_article(self, message: dict[str, Any]) -> None:
        """Deduplicate and store one article, exactly as the single-process pipeline does."""
        item = decode_item(message["item"])
        link_copies(self.archive, item)
        outcome = store_article(self.archive, item, keep_raw=self.keep_raw)
        self.totals.articles[outcome] += 1
        run = message.get("run")
        if run:
            self._counts(run)[outcome] += 1
            self._dirty_runs.add(run)
        self._site_articles[item.site] += 1
        if outcome in ("new", "duplicate"):
            self._site_rows[item.site] += 1
        if outcome != "unchanged":
            self.stored_since_clustering += 1
        self._touched.add(item.url_key)
        self.profiles.after_store(item)  # learns the portal's profile, re-learns on a new layout

    def apply_noted(self, message: dict[str, Any]) -> None:
        """Discovered URLs into the seen-URL table."""
        rows = message.get("rows") or []
        self.archive.note_urls(rows, now=message.get("at"))
        self._touched.update(r["url_key"] for r in rows)
        self.totals.events += 1

    def apply_fetched(self, message: dict[str, Any]) -> None:
        """A fetch outcome into the seen-URL table."""
        self.archive.mark_fetched(
            message["url_key"],
            url=message["url"],
            site=message["site"],
            outcome=message["outcome"],
            fetched_at=message.get("fetched_at") or message.get("at"),
            etag=message.get("etag"),
            last_modified=message.get("last_modified"),
            kind=message.get("kind") or "article",
        )
        self._touched.add(message["url_key"])
        self.totals.events += 1

    def apply_touched(self, message: dict[str, Any]) -> None:
        """An unchanged article (HTTP 304) is still online."""
        self.archive.touch_article(message["url_key"], when=message.get("at"))
        self.totals.events += 1

    def apply_listed(self, message: dict[str, Any]) -> None:
        """A channel listing posts names a URL another channel found first (published to the
        workers' mirror, so that the URL is fetched again for it once)."""
        self.archive.mark_listed(message["url_key"], message["channel"])
        self._touched.add(message["url_key"])
        self.totals.events += 1

    def apply_taken_down(self, message: dict[str, Any]) -> None:
        """An archived article found removed."""
        self.archive.mark_taken_down(message["url_key"], when=message.get("at"))
        self._touched.add(message["url_key"])
        self.totals.events += 1

    def apply_run_started(self, message: dict[str, Any]) -> None:
        """Open the `crawl_runs` row of one worker's share of one portal."""
        run = message["run"]
        if self.frontier.redis.hexists(self.frontier.keys.runs, run):
            return  # delivered twice
        run_id = self.archive.start_run(
            spider=message.get("spider") or "portal",
            site=message.get("site"),
            worker=message.get("worker"),
            started_at=message.get("at"),
        )
        self.frontier.redis.hset(self.frontier.keys.runs, run, run_id)
        self.totals.runs_started += 1

    def apply_run_finished(self, message: dict[str, Any]) -> None:
        """Close a worker's `crawl_runs` row with its stats and the articles the ingester stored."""
        self._finish_run(
            message["run"],
            message.get("stats") or {},
            message.get("reason") or "finished",
            message.get("at"),
        )

    def apply_run_lost(self, message: dict[str, Any]) -> None:
        """A worker died: close its open rows with its last reported stats."""
        worker = message["worker"]
        f = self.frontier
        prefix = f"{worker}|"
        for run in [r for r in f.redis.hkeys(f.keys.runs) if r.startswith(prefix)]:
            raw = f.redis.hget(f.keys.run_stats, run)
            stats = json.loads(raw) if raw else {}
            self._finish_run(run, stats, LOST_REASON, message.get("at"))

    def _counts(self, run: str) -> Counter:
        counts = self._run_counts.get(run)
        if counts is None:
            raw = self.frontier.redis.hget(self.frontier.keys.run_counts, run)
            counts = Counter(json.loads(raw) if raw else {})
            self._run_counts[run] = counts
        return counts

    def _finish_run(self, run: str, stats: dict[str, Any], reason: str, at: str | None) -> None:
        f = self.frontier
        run_id = f.redis.hget(f.keys.runs, run)
        if run_id is None:
            return  # never started here, or already closed (a repeated message)
        articles = self._counts(run)
        stats = dict(stats)
        for outcome, n in articles.items():
            stats[f"warta/articles/{outcome}"] = n
        drops = {
            k[len("warta/dropped/") :]: int(v)
            for k, v in stats.items()
            if k.startswith("warta/dropped/")
        }
        counts = RunCounts(
            pages_fetched=pages_fetched(stats),
            articles_new=articles["new"],
            articles_updated=articles["updated"],
            articles_unchanged=articles["unchanged"],
            articles_duplicate=articles["duplicate"],
            articles_dropped=sum(drops.values()),
        )
        self.archive.finish_run(
            int(run_id),
            counts=counts,
            finish_reason=reason,
            drops=drops,
            errors=run_errors(stats),
            stats=stats,
            finished_at=at,
        )
        pipe = f.redis.pipeline()
        pipe.hdel(f.keys.runs, run)
        pipe.hdel(f.keys.run_counts, run)
        pipe.hdel(f.keys.run_stats, run)
        pipe.execute()
        self._run_counts.pop(run, None)
        self._dirty_runs.discard(run)
        self.totals.runs_closed += 1


# -- Scrapy adapters ----------------------------------------------------------------------------
