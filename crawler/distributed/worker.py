"""One worker's place in the fleet: its id, heartbeat, in-flight requests and crawl_runs rows."""

from __future__ import annotations

import itertools
import logging
import os
import socket
from collections import Counter
from collections.abc import Mapping
from typing import Any

from crawler.archive.sqlite import utc_now
from crawler.distributed.codec import decode_request, encode_request
from crawler.distributed.frontier import Frontier
from crawler.distributed.keys import (
    DEFAULT_HEARTBEAT_SECONDS,
    INFLIGHT_META,
    LEASE_SLACK_SECONDS,
    FrontierError,
)
from crawler.fingerprints import portal_key

logger = logging.getLogger(__name__)


class Worker:
    """This process's place in the fleet: its id, the frontier, its in-flight requests, and the
    per-portal `crawl_runs` rows it reports to the ingester."""

    def __init__(self, crawler: Any):
        settings = crawler.settings
        url = settings.get("WARTA_REDIS_URL") or os.environ.get("WARTA_REDIS_URL")
        if not url:
            raise FrontierError("distributed mode needs WARTA_REDIS_URL")
        self.frontier = Frontier.connect(url)
        self.crawler = crawler
        self.worker_id = (
            f"{socket.gethostname()}:{os.getpid()}:{os.urandom(2).hex()}"  # pid reuse safe
        )
        self.heartbeat = settings.getfloat("WARTA_HEARTBEAT_SECONDS") or DEFAULT_HEARTBEAT_SECONDS
        self.concurrency = settings.getint("CONCURRENT_REQUESTS_PER_DOMAIN")
        self.delay = settings.getfloat("DOWNLOAD_DELAY")
        self.lease_seconds = settings.getfloat("DOWNLOAD_TIMEOUT") + LEASE_SLACK_SECONDS
        self.started_at = utc_now()
        self._ids = itertools.count(1)
        self.run_stats: dict[str, Counter] = {}
        self._dirty: set[str] = set()
        self.pages = 0
        self.articles = 0
        self.registered = False

    def run_key(self, site: str) -> str:
        """The key of this worker's `crawl_runs` row for one portal."""
        return f"{self.worker_id}|{site}"

    # -- requests -------------------------------------------------------------------------------

    def push(self, request: Any) -> None:
        """Queue a request (a continuation of an in-flight one releases it in the same step)."""
        parent = request.meta.pop(INFLIGHT_META, None)
        payload = encode_request(request)
        replaces = (self.worker_id, parent[0], parent[1]) if parent else None
        self.frontier.push_request(
            portal_key(request.url), request.priority, payload, replaces=replaces
        )

    def claim(self, spider: Any) -> Any:
        """The next request politeness allows, bound to `spider`, marked in flight; or None."""
        if not self.registered:
            self.beat()  # registered before holding anything, so reapers and drain checks see it
        inflight_id = str(next(self._ids))
        claim = self.frontier.claim_request(
            self.worker_id,
            inflight_id,
            concurrency=self.concurrency,
            delay=self.delay,
            lease_seconds=self.lease_seconds,
        )
        if claim is None:
            return None
        try:
            request = decode_request(claim.payload, spider)
        except FrontierError as exc:
            logger.error("%s; dropped", exc)
            self.frontier.release(self.worker_id, inflight_id, claim.portal)
            return None
        request.meta[INFLIGHT_META] = [inflight_id, claim.portal]
        return request

    def release(self, meta: Mapping[str, Any]) -> None:
        """Done with the request whose meta this is: children queued, items through the pipelines."""
        inflight = meta.get(INFLIGHT_META)
        if inflight:
            self.frontier.release(self.worker_id, inflight[0], inflight[1])

    def end_download(self, meta: Mapping[str, Any]) -> None:
        """The request left the downloader: its portal's lease ends."""
        inflight = meta.get(INFLIGHT_META)
        if inflight:
            self.frontier.end_download(self.worker_id, inflight[0], inflight[1])

    def claim_seed(self) -> tuple[str, dict[str, Any]] | None:
        """The next portal to start, or None."""
        if not self.registered:
            self.beat()
        inflight_id = f"seed-{next(self._ids)}"
        args = self.frontier.claim_seed(self.worker_id, inflight_id)
        return (inflight_id, args) if args else None

    def seed_done(self, inflight_id: str) -> None:
        """A seed's start requests are all queued."""
        self.frontier.release(self.worker_id, inflight_id, None)

    # -- runs -----------------------------------------------------------------------------------

    def count(self, site: str | None, key: str, n: int = 1) -> None:
        """Add to one portal's stats (the `crawl_runs` row), opening the row on first use."""
        if not site:
            return
        stats = self.run_stats.get(site)
        if stats is None:
            stats = self.run_stats[site] = Counter()
            self.send(
                {
                    "type": "run_started",
                    "run": self.run_key(site),
                    "site": site,
                    "worker": self.worker_id,
                    "spider": "portal",
                    "at": utc_now(),
                }
            )
        stats[key] += n
        self._dirty.add(site)

    def finish_runs(self, reason: str) -> int:
        """Close every open `crawl_runs` row of this worker (crawl round over, or shutting down)."""
        messages = [
            {
                "type": "run_finished",
                "run": self.run_key(site),
                "reason": reason,
                "stats": dict(stats),
                "at": utc_now(),
            }
            for site, stats in self.run_stats.items()
        ]
        self.send(*messages)
        self.run_stats.clear()
        self._dirty.clear()
        return len(messages)

    def send(self, *messages: Mapping[str, Any]) -> None:
        """Queue messages for the ingester."""
        self.frontier.send(*messages)

    def beat(self) -> None:
        """Refresh the heartbeat, keep the latest run stats, reap dead workers."""
        reaped = self.frontier.beat(
            self.worker_id,
            {
                "host": socket.gethostname(),
                "pid": os.getpid(),
                "started_at": self.started_at,
                "beat_at": utc_now(),
                "pages": self.pages,
                "articles": self.articles,
                "portals": len(self.run_stats),
            },
            self.heartbeat,
        )
        if reaped:
            # Silent longer than the heartbeat TTL: another process re-queued what this worker
            # held and closed its crawl_runs rows. Carry on with fresh rows.
            logger.warning(
                "this worker was presumed dead (heartbeat over %.0f s late)", self.heartbeat
            )
            self.run_stats.clear()
            self._dirty.clear()
        self.registered = True
        self.frontier.save_run_stats(
            {self.run_key(s): dict(self.run_stats[s]) for s in self._dirty if s in self.run_stats}
        )
        self._dirty.clear()
        self.frontier.reap()

    def retire(self) -> int:
        """Leave the fleet: anything still in flight goes back to the queue."""
        return self.frontier.retire(self.worker_id)


def worker_for(crawler: Any) -> Worker:
    """The crawler's Worker (created on first use from its settings)."""
    worker = getattr(crawler, "_warta_worker", None)
    if worker is None:
        worker = Worker(crawler)
        crawler._warta_worker = worker
    return worker
