"""Distributed mode: the shared Redis frontier (scrapy-redis), the reliable item queue, workers and
the single ingester that writes the archive.

How the pieces fit (the README's "Many workers" section says the same for users):

- **Frontier.** Every `warta worker` runs scrapy-redis' scheduler and request duplicate filter on
  one Redis, with `FrontierQueue` (a scrapy-redis queue class) as the shared request queue. Seeds
  (one JSON line of spider arguments per portal) are pushed by `warta crawl --redis`; a worker that
  claims a seed runs the generic spider's `start()` for that portal, so robots.txt, sitemaps, the
  feed and the home page enter the shared queue. Requests are JSON in Redis, never pickle, so
  whoever can write to Redis cannot run code in a worker.
- **Politeness across workers.** `CONCURRENT_REQUESTS_PER_DOMAIN` and `DOWNLOAD_DELAY` keep their
  meaning fleet-wide: a request is only handed to a worker (one Lua script, atomic) when its portal
  holds fewer download leases than its concurrency and its last hand-out is `DOWNLOAD_DELAY` old
  (Redis' clock, so workers on machines with skewed clocks agree). A lease ends when the response
  leaves the worker's downloader, or expires after `DOWNLOAD_TIMEOUT` plus slack if the worker
  died. Registry overrides (`download_delay`, `concurrency`) apply per portal. Within one priority,
  portals are interleaved (start-time fair queuing), so one portal's 10,000 articles never block
  another portal behind them. Each worker's own Scrapy slots (per portal) still apply on top.
- **In-flight recovery.** Handing out a request moves it, in the same Lua step, into the worker's
  in-flight hash; it leaves that hash only when the callback (or errback) has finished and its
  child requests are in the queue, when its item has gone through the pipelines, or when its retry
  or redirect has been queued in its place (one step). Workers refresh a heartbeat key (TTL
  `WARTA_HEARTBEAT_SECONDS`); any worker or the ingester that finds a registered worker without a
  heartbeat re-queues its in-flight requests and seeds (atomic: only one reaper wins) and tells the
  ingester to close that worker's `crawl_runs` rows as `worker-lost`.
- **Known URLs.** Workers never open archive.db. The ingester mirrors the archive's seen-URL table
  (`urls`: channel, fetched_at, outcome, etag, last_modified) into a Redis hash at start and after
  every commit; workers read it for "already archived?" and conditional revisits. Their seen-URL
  writes (`note_urls`, `mark_fetched`, `mark_taken_down`) travel to the ingester as events. Chosen
  over opening archive.db read-only (workers on other machines have no archive) and over the
  request duplicate filter alone (which forgets between crawl rounds and knows no ETags).
- **Item queue.** Workers push finished items after Clean and Validate (cleaning is CPU work that
  should scale with workers; deduplication needs the whole archive, so it stays with the single
  writer) and every seen-URL event to one Redis list. The single `warta ingest` (holding a lease)
  moves a batch to a processing list (LMOVE), applies it through the same Deduplicate and Store
  functions as a single-process crawl, commits, and only then drops the batch from the processing
  list; a new ingester first moves a dead one's processing list back. Delivery is at-least-once;
  applying a message twice leaves the same rows (a repeated article counts as `unchanged`).

Modules: `keys` (key scheme, tunables, Lua scripts), `codec` (requests and items as JSON),
`frontier` (the Redis frontier, plain Python), `ingester` (the single writer), `worker` (one worker's
state), `adapters` (the Scrapy glue: `WorkerSpider`, `FrontierScheduler`, `FrontierQueue`,
`ItemQueuePipeline`, `WorkerRecorder`, the offsite and address-guard middlewares, `run_worker`).
Everything but `adapters` is plain Python without Scrapy.
"""

from crawler.distributed.adapters import (
    FrontierQueue,
    FrontierScheduler,
    ItemQueuePipeline,
    PortalAddressGuardMiddleware,
    PortalOffsiteMiddleware,
    WorkerRecorder,
    WorkerSpider,
    apply_redis_settings,
    run_worker,
)
from crawler.distributed.codec import decode_item, decode_request, encode_item, encode_request
from crawler.distributed.frontier import Frontier, registry_portals, seed_portals
from crawler.distributed.ingester import Ingester, IngestError
from crawler.distributed.keys import FrontierError

__all__ = [
    "Frontier",
    "FrontierError",
    "FrontierQueue",
    "FrontierScheduler",
    "IngestError",
    "Ingester",
    "ItemQueuePipeline",
    "PortalAddressGuardMiddleware",
    "PortalOffsiteMiddleware",
    "WorkerRecorder",
    "WorkerSpider",
    "apply_redis_settings",
    "decode_item",
    "decode_request",
    "encode_item",
    "encode_request",
    "registry_portals",
    "run_worker",
    "seed_portals",
]
