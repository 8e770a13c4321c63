"""Distributed mode's Scrapy adapters: scheduler, queue, spider, pipeline, recorder, middlewares, runner."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Mapping
from typing import Any

import redis
import scrapy
from scrapy import signals
from scrapy.downloadermiddlewares.offsite import OffsiteMiddleware
from scrapy.exceptions import IgnoreRequest, NotConfigured
from scrapy.http import Request
from scrapy.spidermiddlewares.httperror import HttpError
from scrapy.utils.defer import maybe_deferred_to_future
from scrapy.utils.httpobj import urlparse_cached
from scrapy.utils.misc import load_object
from scrapy_redis.queue import Base as ScrapyRedisQueue
from scrapy_redis.scheduler import Scheduler as ScrapyRedisScheduler
from twisted.internet.task import LoopingCall, deferLater

from crawler.archive.sqlite import utc_now
from crawler.crawl.middlewares import SHARED_ROBOTS_FLAG, AddressGuardMiddleware
from crawler.crawl.policy.guards import PortalAddressPolicy, url_host
from crawler.distributed.codec import encode_item
from crawler.distributed.frontier import Frontier
from crawler.distributed.keys import (
    BEATS_PER_TTL,
    DRAIN_CHECKS_EVERY,
    INFLIGHT_META,
    POLL_SECONDS,
    PORTAL_META,
    TRUE_WORDS,
    FrontierError,
    Keys,
)
from crawler.distributed.worker import Worker, worker_for
from crawler.fingerprints import portal_key
from crawler.items import ArticleItem
from spiders.portal import PortalSpider

logger = logging.getLogger(__name__)


def apply_redis_settings(settings: Any, url: str, *, heartbeat: float | None = None) -> None:
    """Switch Scrapy settings to distributed mode: scrapy-redis scheduler and duplicate filter on
    `url` with Warta's queue, the item queue instead of Deduplicate/Store, the worker recorder
    instead of RunRecorder, per-portal offsite filtering."""
    pipelines = dict(settings.getdict("ITEM_PIPELINES"))
    store_order = pipelines.get("crawler.crawl.pipelines.DeduplicatePipeline", 300)
    pipelines["crawler.crawl.pipelines.DeduplicatePipeline"] = None
    pipelines["crawler.crawl.pipelines.StorePipeline"] = None
    pipelines["crawler.distributed.adapters.ItemQueuePipeline"] = store_order
    extensions = dict(settings.getdict("EXTENSIONS"))
    extensions["crawler.crawl.extensions.RunRecorder"] = None
    extensions["crawler.distributed.adapters.WorkerRecorder"] = 500
    middlewares = dict(settings.getdict("DOWNLOADER_MIDDLEWARES"))
    middlewares["scrapy.downloadermiddlewares.offsite.OffsiteMiddleware"] = None
    middlewares["crawler.distributed.adapters.PortalOffsiteMiddleware"] = 50
    guard = "crawler.crawl.middlewares.AddressGuardMiddleware"
    if middlewares.get(guard) is not None:
        middlewares["crawler.distributed.adapters.PortalAddressGuardMiddleware"] = middlewares[
            guard
        ]
        middlewares[guard] = None
    overlay = {
        "WARTA_REDIS_URL": url,
        "REDIS_URL": url,
        "SCHEDULER": "crawler.distributed.adapters.FrontierScheduler",
        "SCHEDULER_QUEUE_CLASS": "crawler.distributed.adapters.FrontierQueue",
        "SCHEDULER_QUEUE_KEY": Keys().requests,
        "SCHEDULER_DUPEFILTER_KEY": Keys().seen,
        "DUPEFILTER_CLASS": "scrapy_redis.dupefilter.RFPDupeFilter",
        "SCHEDULER_PERSIST": True,  # the queue and the filter belong to the fleet, not one worker
        "SCHEDULER_FLUSH_ON_START": False,
        "SCHEDULER_IDLE_BEFORE_CLOSE": 0,
        "ITEM_PIPELINES": pipelines,
        "EXTENSIONS": extensions,
        "DOWNLOADER_MIDDLEWARES": middlewares,
    }
    if heartbeat is not None:
        overlay["WARTA_HEARTBEAT_SECONDS"] = heartbeat
    for key, value in overlay.items():
        settings.set(key, value, priority="cmdline")


def _truthy(value: Any) -> bool:
    return str(value).lower() in TRUE_WORDS


class RemoteArchive:
    """What the generic spider asks of the Archive, for a worker: reads come from the ingester's
    known-URL mirror in Redis, writes travel to the ingester as events."""

    def __init__(self, worker: Worker):
        self.worker = worker
        self._prefetched: dict[str, dict[str, Any] | None] = {}

    def note_urls(self, found: Iterable[Mapping[str, Any]], *, now: str | None = None) -> int:
        """Queue discovered URLs for the seen-URL table; prefetch their states (read next)."""
        rows = [
            {"lastmod": None, "published_at": None, "kind": "article", "channel": None, **r}
            for r in found
        ]
        if rows:
            self.worker.send({"type": "noted", "rows": rows, "at": now or utc_now()})
        self._prefetched = self.worker.frontier.known_states([r["url_key"] for r in rows])
        return 0

    def count_articles(self, *, site: str | None = None) -> int:
        """Article rows of a portal in the archive (as the ingester last published)."""
        return self.worker.frontier.archived_count(site) if site else 0

    def pending_urls(self, site: str) -> list[dict[str, Any]]:
        """Nothing: in distributed mode the Redis queue itself survives killed workers."""
        return []

    def mark_queued(self, url_key: str, run_id: int) -> None:
        """Nothing: across workers the shared request filter keeps a URL to one fetch a round."""

    def mark_listed(self, url_key: str, channel: str) -> None:
        """Queue the channel listing posts (a feed) that names a URL another channel found first."""
        self.worker.send({"type": "listed", "url_key": url_key, "channel": channel})

    def touch_article(self, url_key: str, *, when: str | None = None) -> None:
        """Queue "still online" for an unchanged (304) article."""
        self.worker.send({"type": "touched", "url_key": url_key, "at": when or utc_now()})

    def url_state(self, url_key: str) -> dict[str, Any] | None:
        """The archive's seen-URL state of a key, as the ingester last published it."""
        if url_key in self._prefetched:
            return self._prefetched[url_key]
        return self.worker.frontier.known_state(url_key)

    def mark_fetched(
        self,
        url_key: str,
        *,
        url: str,
        site: str,
        outcome: str,
        fetched_at: str | None = None,
        etag: str | None = None,
        last_modified: str | None = None,
        kind: str = "article",
    ) -> None:
        """Queue a fetch outcome for the seen-URL table."""
        self.worker.send(
            {
                "type": "fetched",
                "url_key": url_key,
                "url": url,
                "site": site,
                "outcome": outcome,
                "fetched_at": fetched_at or utc_now(),
                "etag": etag,
                "last_modified": last_modified,
                "kind": kind,
            }
        )

    def mark_taken_down(self, url_key: str, *, when: str | None = None) -> bool:
        """Queue a takedown; True when the mirror says the article is archived and was up."""
        state = self.url_state(url_key)
        self.worker.send({"type": "taken_down", "url_key": url_key, "at": when or utc_now()})
        return bool(state and state.get("outcome") == "article")


class PortalContext(PortalSpider):
    """One portal's discovery and parsing (the generic spider's own code) inside a worker: its
    requests call back into the worker and carry the portal's name; the seen-URL table is the Redis
    mirror; its counters also go to the portal's `crawl_runs` row."""

    def __init__(self, worker_spider: WorkerSpider, args: Mapping[str, Any]):
        super().__init__(**dict(args))
        self.worker_spider = worker_spider
        self.crawler = worker_spider.crawler
        self.settings = worker_spider.settings
        self.remote = RemoteArchive(worker_spider.worker)

    @property
    def archive(self):  # type: ignore[override]
        return self.remote

    def _count(self, key: str, n: int = 1) -> None:
        super()._count(key, n)
        self.worker_spider.worker.count(self.site, key, n)

    def _request(self, url: str, callback, *, kind: str, channel: str, **meta: Any) -> Request:
        request = super()._request(url, callback, kind=kind, channel=channel, **meta)
        request.callback = getattr(self.worker_spider, callback.__name__)
        request.errback = self.worker_spider.on_error
        request.meta[PORTAL_META] = self.site
        request.meta["download_slot"] = portal_key(url)  # Scrapy's own slot per portal, too
        return request

    def _article_request(self, url: str, **kwargs: Any) -> Request:
        # A single process keeps one fetch per URL and run through the archive's `queued_run`;
        # across workers the shared scrapy-redis request filter does it (atomically).
        request = super()._article_request(url, **kwargs)
        request.dont_filter = False
        return request


def _sleep(seconds: float) -> Any:
    from twisted.internet import reactor  # imported late: Scrapy installs the asyncio reactor

    return maybe_deferred_to_future(deferLater(reactor, seconds, lambda: None))


def _nudge(engine: Any) -> None:
    """Ask Scrapy's engine for requests now (it would otherwise wait for its 5 s heartbeat)."""
    nextcall = getattr(getattr(engine, "_slot", None), "nextcall", None)
    if nextcall is not None:
        nextcall.schedule()


class WorkerSpider(scrapy.Spider):
    """A `warta worker`'s spider: claims seeds from Redis and runs each portal's discovery and
    parsing (the generic spider's code) for requests from the shared queue."""

    name = "portal"
    worker: Worker

    def __init__(self, until_done: Any = False, **kwargs: Any):
        super().__init__(**kwargs)
        self.until_done = _truthy(until_done)
        self.portals: dict[str, PortalContext] = {}
        self.extra_boilerplate: list[str] = []

    @classmethod
    def from_crawler(cls, crawler, *args, **kwargs):
        spider = super().from_crawler(crawler, *args, **kwargs)
        spider.worker = worker_for(crawler)
        return spider

    def portal(self, site: str | None, args: Mapping[str, Any] | None = None) -> PortalContext:
        """The portal context of a site (built from its seed arguments in Redis on first use)."""
        context = self.portals.get(site or "")
        if context is None:
            args = args or (self.worker.frontier.portal_args(site) if site else None)
            if not args:
                raise FrontierError(f"no seed arguments for portal {site!r}")
            context = PortalContext(self, args)
            self.portals[context.site] = context
        return context

    def portal_of(self, request: Any) -> PortalContext | None:
        """The portal a request belongs to: named in its meta, else (robots.txt fetched by a
        middleware) the started portal on the same host; None when there is none."""
        site = request.meta.get(PORTAL_META)
        if site:
            try:
                return self.portal(site)
            except FrontierError:
                return None
        host = (urlparse_cached(request).hostname or "").lower()
        for context in self.portals.values():
            if host in context.allowed_domains:
                return context
        return None

    async def start(self):
        worker = self.worker
        idle_polls = 0
        told_to_wait = False
        while True:
            ready = worker.frontier.known_ready()
            seed = worker.claim_seed() if ready else None
            if seed is not None:
                idle_polls = 0
                seed_id, args = seed
                try:
                    context = self.portal(args.get("site"), args)
                    async for request in context.start():
                        yield request
                finally:
                    worker.seed_done(seed_id)
                continue
            if not ready and not told_to_wait:
                logger.warning("waiting for `warta ingest` to publish the archive's known URLs")
                told_to_wait = True
            idle_polls += 1
            if idle_polls % DRAIN_CHECKS_EVERY == 0 and worker.frontier.drained():
                if worker.run_stats:
                    worker.finish_runs("finished")
                if self.until_done and worker.frontier.ever_seeded():
                    return
            _nudge(self.crawler.engine)
            await _sleep(POLL_SECONDS)

    async def _dispatch(self, name: str, response):
        worker = self.worker
        owes_item = False
        try:
            site = response.meta.get(PORTAL_META)
            context = self.portal(site)
            if SHARED_ROBOTS_FLAG not in response.flags:  # handed on, not fetched
                worker.count(site, "downloader/response_count")
                worker.pages += 1
            # an article's request is released when the item has left the pipelines
            outputs = getattr(context, name)(response)
            if hasattr(outputs, "__aiter__"):  # parse_article awaits a split article's pages
                async for output in outputs:
                    owes_item = owes_item or isinstance(output, ArticleItem)
                    yield output
            else:
                for output in outputs or ():
                    owes_item = owes_item or isinstance(output, ArticleItem)
                    yield output
        finally:
            if not owes_item:
                worker.release(response.meta)

    def on_error(self, failure):
        request = failure.request
        try:
            site = request.meta.get(PORTAL_META)
            if failure.check(HttpError):
                self.worker.count(site, "downloader/response_count")
            return self.portal(site).on_error(failure)
        finally:
            self.worker.release(request.meta)


def _dispatcher(name: str) -> Callable[..., Any]:
    def callback(self: WorkerSpider, response: Any) -> Any:
        return self._dispatch(name, response)

    callback.__name__ = callback.__qualname__ = name
    callback.__doc__ = f"Run the portal's `{name}` for a response from the shared queue."
    return callback


# Every callback of the generic spider has a namesake on the worker that runs it for the
# response's own portal (queued requests name their callback; the worker resolves the name).
for _name in dir(PortalSpider):
    if _name.startswith("parse_") and callable(getattr(PortalSpider, _name)):
        setattr(WorkerSpider, _name, _dispatcher(_name))


class FrontierQueue(ScrapyRedisQueue):
    """scrapy-redis queue class over the Frontier: fair per-portal order, politeness at hand-out,
    in-flight tracking."""

    def __init__(self, server, spider, key, serializer=None):
        super().__init__(server, spider, key, serializer)
        self.worker = worker_for(spider.crawler)

    def __len__(self) -> int:
        return self.worker.frontier.queued()

    def push(self, request) -> None:
        """Queue a request."""
        self.worker.push(request)

    def pop(self, timeout: int = 0):
        """The next request politeness allows, or None. A claimed request opens its portal's
        `crawl_runs` row, so a worker killed with its first request in flight is recorded lost."""
        request = self.worker.claim(self.spider)
        if request is not None:
            self.worker.count(request.meta.get(PORTAL_META), "warta/distributed/claimed")
        return request

    def clear(self) -> None:
        """Drop every queued request."""
        self.worker.frontier.clear_requests()


class FrontierScheduler(ScrapyRedisScheduler):
    """scrapy-redis' scheduler; a retry or redirect of an in-flight request replaces it (queued and
    released in one step, or released when the duplicate filter refuses it)."""

    df: Any
    queue: Any

    def open(self, spider) -> None:
        """Attach the shared queue and duplicate filter (never flushed: they belong to the fleet)."""
        self.spider = spider
        self.queue = load_object(self.queue_cls)(
            server=self.server, spider=spider, key=self.queue_key, serializer=self.serializer
        )
        if not self.df:
            self.df = load_object(self.dupefilter_cls).from_spider(spider)

    def enqueue_request(self, request) -> bool:
        """Queue a request unless the shared duplicate filter has seen it."""
        parent = request.meta.get(INFLIGHT_META)
        if not request.dont_filter and self.df.request_seen(request):
            self.df.log(request, self.spider)
            if parent:
                self.queue.worker.release({INFLIGHT_META: request.meta.pop(INFLIGHT_META)})
            return False
        if self.stats:
            self.stats.inc_value("scheduler/enqueued/redis")
        self.queue.push(request)
        return True

    def next_request(self):
        """The next request politeness allows, or None."""
        request = self.queue.pop()
        if request is not None and self.stats:
            self.stats.inc_value("scheduler/dequeued/redis")
        return request


class ItemQueuePipeline:
    """Worker end of the item queue: each clean, valid article goes to Redis for the ingester
    (in distributed mode it takes the place of Deduplicate and Store)."""

    def __init__(self, crawler):
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    def process_item(self, item):
        if not isinstance(item, ArticleItem):
            return item
        worker = worker_for(self.crawler)
        worker.send(
            {"type": "article", "run": worker.run_key(item.site), "item": encode_item(item)}
        )
        worker.articles += 1
        item.raw_body = None  # the response bodies are not needed past this point
        item.raw_parts = []
        return item


class WorkerRecorder:
    """Worker bookkeeping from Scrapy signals: heartbeats, per-portal `crawl_runs` rows through
    the ingester, releasing requests once their items are through, leases when downloads end."""

    def __init__(self, crawler):
        self.crawler = crawler
        self.worker = worker_for(crawler)
        self.loop: Any = None

    @classmethod
    def from_crawler(cls, crawler):
        if not crawler.settings.get("WARTA_REDIS_URL"):
            raise NotConfigured("distributed mode is off")
        ext = cls(crawler)
        connect = crawler.signals.connect
        connect(ext.spider_opened, signal=signals.spider_opened)
        connect(ext.spider_closed, signal=signals.spider_closed)
        connect(ext.item_scraped, signal=signals.item_scraped)
        connect(ext.item_dropped, signal=signals.item_dropped)
        connect(ext.item_error, signal=signals.item_error)
        connect(ext.request_left_downloader, signal=signals.request_left_downloader)
        connect(ext.spider_error, signal=signals.spider_error)
        return ext

    def spider_opened(self, spider):
        self.worker.beat()
        self.loop = LoopingCall(self._beat)
        self.loop.start(self.worker.heartbeat / BEATS_PER_TTL, now=False)

    def _beat(self) -> None:
        try:
            self.worker.beat()
        except redis.RedisError as exc:
            logger.error("heartbeat failed: %s", exc)

    def item_scraped(self, item, response, spider):
        if response is not None:
            self.worker.release(response.meta)

    def item_dropped(self, item, response, exception, spider):
        url_key = getattr(item, "url_key", None)
        reason = str(exception).split(":", 1)[0]
        site = getattr(item, "site", None) or (response.meta.get(PORTAL_META) if response else None)
        self.worker.count(site, f"warta/dropped/{reason}")
        if url_key:
            RemoteArchive(self.worker).mark_fetched(
                url_key,
                url=item.url,
                site=item.site,
                outcome=f"dropped:{reason}",
                fetched_at=item.fetched_at,
            )
        if response is not None:
            self.worker.release(response.meta)

    def item_error(self, item, response, spider, failure):
        if response is not None:
            self.worker.release(response.meta)

    def request_left_downloader(self, request, spider):
        self.worker.end_download(request.meta)

    def spider_error(self, failure, response, spider):
        if response is not None:
            name = failure.type.__name__ if failure.type else "error"
            self.worker.count(response.meta.get(PORTAL_META), f"spider_exceptions/{name}")

    def spider_closed(self, spider, reason):
        if self.loop is not None and self.loop.running:
            self.loop.stop()
        self.worker.finish_runs(reason)
        moved = self.worker.retire()
        if moved:
            logger.info("%d unfinished requests went back to the shared queue", moved)


class PortalAddressGuardMiddleware(AddressGuardMiddleware):
    """The address guard with each portal's own start-URL addresses exempt (a worker crawls many
    portals; the single-process guard exempts the one portal's)."""

    def __init__(self, crawler, resolver=None):
        super().__init__(crawler, resolver)
        self._policies: dict[str, PortalAddressPolicy] = {}

    async def policy_for(self, request) -> PortalAddressPolicy:
        """The policy of the request's portal (its start URL resolved once)."""
        spider = self.crawler.spider
        context = spider.portal_of(request)
        site = context.site if context else ""
        policy = self._policies.get(site)
        if policy is None:
            start = context.start_url if context else None
            host = url_host(start) if start else None
            policy = PortalAddressPolicy(start, await self.resolve(host) if host else ())
            self._policies[site] = policy
        return policy


class PortalOffsiteMiddleware(OffsiteMiddleware):
    """Scrapy's offsite filter with each request held to its own portal's domain (a worker crawls
    many portals, so the spider-wide `allowed_domains` cannot say it)."""

    def should_follow(self, request, spider) -> bool:
        site = request.meta.get(PORTAL_META)
        if not site:
            return True
        try:
            domains = spider.portal(site).allowed_domains
        except FrontierError:
            return False
        host = (urlparse_cached(request).hostname or "").lower()
        return any(host == d or host.endswith("." + d) for d in domains if d)

    def request_scheduled(self, request, spider) -> None:
        try:
            super().request_scheduled(request, spider)
        except IgnoreRequest:
            if INFLIGHT_META in request.meta:  # a redirect off the portal ends its parent
                worker_for(self.crawler).release(request.meta)
            raise


def run_worker(
    redis_url: str,
    *,
    overrides: Mapping[str, Any] | None = None,
    until_done: bool = False,
    heartbeat: float | None = None,
) -> dict[str, Any]:
    """Run one worker in this process until stopped (or until the crawl is done); returns its
    id, pages, articles queued and finish reason."""
    from scrapy.crawler import CrawlerProcess

    from crawler.crawl.runner import warta_settings

    Frontier.connect(redis_url)  # fail fast with a one-line error
    settings = warta_settings(overrides)
    apply_redis_settings(settings, redis_url, heartbeat=heartbeat)
    process = CrawlerProcess(settings)
    logging.getLogger("scrapy").setLevel(settings.get("LOG_LEVEL"))
    process.crawl(WorkerSpider, until_done=until_done)
    crawler = next(iter(process.crawlers))
    process.start()
    worker = getattr(crawler, "_warta_worker", None)
    stats = crawler.stats.get_stats() if crawler.stats else {}
    return {
        "worker": worker.worker_id if worker else None,
        "pages": worker.pages if worker else 0,
        "articles": worker.articles if worker else 0,
        "finish_reason": stats.get("finish_reason"),
    }
