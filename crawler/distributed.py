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

Everything that talks to Redis without Scrapy (`Frontier`, `Ingester`, the codecs, `seed_portals`)
is plain Python; the Scrapy adapters (`WorkerSpider`, `FrontierScheduler`, `FrontierQueue`,
`ItemQueuePipeline`, `WorkerRecorder`, `PortalOffsiteMiddleware`) sit at the end.
"""

from __future__ import annotations

import base64
import itertools
import json
import logging
import os
import socket
import time
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

import redis
import scrapy
import zstandard
from scrapy import signals
from scrapy.downloadermiddlewares.offsite import OffsiteMiddleware
from scrapy.exceptions import IgnoreRequest, NotConfigured
from scrapy.http import Request
from scrapy.spidermiddlewares.httperror import HttpError
from scrapy.utils.defer import maybe_deferred_to_future
from scrapy.utils.httpobj import urlparse_cached
from scrapy.utils.misc import load_object
from scrapy.utils.request import request_from_dict
from scrapy_redis.queue import Base as ScrapyRedisQueue
from scrapy_redis.scheduler import Scheduler as ScrapyRedisScheduler
from twisted.internet.task import LoopingCall, deferLater

from crawler.extensions import run_errors
from crawler.fingerprints import portal_key
from crawler.guards import PortalAddressPolicy, url_host
from crawler.items import ArticleItem
from crawler.middlewares import SHARED_ROBOTS_FLAG, AddressGuardMiddleware, pages_fetched
from crawler.pipelines import link_copies, store_article
from crawler.storage import Archive, RunCounts, asdict_shallow, utc_now
from spiders.portal import PortalSpider

logger = logging.getLogger(__name__)

KEY_PREFIX = "warta"
"""Namespace of every Redis key Warta uses (one frontier per Redis database)."""
SCORE_BAND = 2**32
"""Queue score = -priority * SCORE_BAND + fair-queue sequence: a priority level holds 4 billion
sequence numbers, and scores stay exact doubles (|score| < 2**53) for priorities up to +-1,000,000."""
CLAIM_SCAN = 128
"""Queue entries a hand-out looks at to find a portal that politeness allows: with portals
interleaved by fair queuing, the head of the queue holds up to 128 different portals."""
LEASE_SLACK_SECONDS = 30.0
"""A download lease outlives DOWNLOAD_TIMEOUT by this much before it is presumed dead (a worker
killed mid-download gives its portal's concurrency back after timeout + 30 s at the latest)."""
DEFAULT_HEARTBEAT_SECONDS = 30.0
"""A worker silent this long is dead: Scrapy's reactor can be busy for seconds on a 50,000-URL
sitemap, so much shorter would reap live workers (their requests would then be fetched twice)."""
BEATS_PER_TTL = 3  # a worker refreshes its heartbeat three times per TTL, so one late beat is fine
POLL_SECONDS = 0.1
"""How often an idle worker asks the frontier again (and nudges Scrapy's engine, whose own
heartbeat is 5 s) while politeness holds queued requests back."""
DRAIN_CHECKS_EVERY = 5  # idle polls between two "is the whole crawl finished?" checks (0.5 s)
INGEST_WAIT_SECONDS = 1.0  # an idle ingester blocks on the item list this long between checks
INGEST_LEASE_SECONDS = 30.0
"""The ingester's lease on the archive: a second `warta ingest` waits this long after the first
died before it may take over (SQLite keeps one writer)."""
RAW_ZSTD_LEVEL = 3  # raw pages travel compressed (~6x on news HTML at a few hundred MB/s)
KNOWN_FIELDS = ("channel", "published_at", "fetched_at", "outcome", "etag", "last_modified")
"""The columns of the archive's `urls` row a worker needs: first channel, listed date (priority),
fetch state and validators."""
KNOWN_SYNC_BATCH = 1000  # rows per pipelined HSET when the ingester mirrors the urls table
INFLIGHT_META = (
    "warta_inflight"  # request meta: [in-flight id, lease portal] of a handed-out request
)
PORTAL_META = "warta_portal"  # request meta: the site name of the portal a request belongs to
LOST_REASON = "worker-lost"  # crawl_runs.finish_reason of a worker that stopped beating
TRUE_WORDS = {"1", "true", "yes", "on"}


class FrontierError(Exception):
    """Redis cannot be reached, or holds something Warta cannot use (one-line message)."""


# -- keys ---------------------------------------------------------------------------------------


class Keys:
    """Names of the Redis keys of one frontier."""

    def __init__(self, prefix: str = KEY_PREFIX):
        self.prefix = prefix
        self.requests = f"{prefix}:requests"  # ZSET: "portal\\njson request" by fair-queue score
        self.seen = f"{prefix}:seen"  # SET: scrapy-redis request fingerprints
        self.seeds = f"{prefix}:seeds"  # LIST: JSON spider arguments, one per portal
        self.seeded = f"{prefix}:seeded"  # STRING: set once anything was ever seeded
        self.portal_args = f"{prefix}:portal:args"  # HASH site -> JSON spider arguments
        self.portal_cap = f"{prefix}:portal:concurrency"  # HASH portal -> override
        self.portal_delay = f"{prefix}:portal:delay"  # HASH portal -> override (seconds)
        self.portal_next = f"{prefix}:portal:next"  # HASH portal -> earliest next hand-out
        self.portal_seq = f"{prefix}:portal:seq"  # HASH portal -> last fair-queue sequence
        self.portal_queued = f"{prefix}:portal:queued"  # HASH portal -> requests queued
        self.portal_claimed = f"{prefix}:portal:claimed"  # HASH portal -> requests handed out
        self.portal_items = f"{prefix}:portal:articles"  # HASH site -> articles ingested
        self.portal_archived = f"{prefix}:portal:archived"  # HASH site -> rows in the archive
        self.vclock = f"{prefix}:vclock"  # STRING: sequence of the last handed-out request
        self.lease_prefix = f"{prefix}:lease:"  # ZSET per portal: lease -> expiry time
        self.workers = f"{prefix}:workers"  # HASH worker -> JSON info (registered workers)
        self.alive_prefix = f"{prefix}:alive:"  # STRING per worker with a TTL: the heartbeat
        self.inflight_prefix = f"{prefix}:inflight:"  # HASH per worker: id -> kind, score, payload
        self.reaped_prefix = f"{prefix}:reaped:"  # STRING per reaped worker
        self.items = f"{prefix}:items"  # LIST: messages for the ingester (LPUSH, taken from right)
        self.processing = f"{prefix}:items:processing"  # LIST: the ingester's uncommitted batch
        self.failed = f"{prefix}:items:failed"  # LIST: messages the ingester could not apply
        self.known = f"{prefix}:known"  # HASH url_key -> JSON seen-URL state (archive mirror)
        self.known_building = f"{prefix}:known:building"
        self.known_ready = f"{prefix}:known:ready"  # STRING: the mirror has been built once
        self.ingester = f"{prefix}:ingester"  # STRING with TTL: the ingester's lease
        self.runs = f"{prefix}:runs"  # HASH run key -> crawl_runs id
        self.run_counts = f"{prefix}:run:articles"  # HASH run key -> JSON article outcomes
        self.run_stats = f"{prefix}:run:stats"  # HASH run key -> JSON worker stats (last beat)

    def alive(self, worker: str) -> str:
        """The heartbeat key of a worker."""
        return self.alive_prefix + worker

    def inflight(self, worker: str) -> str:
        """The in-flight hash of a worker."""
        return self.inflight_prefix + worker

    def reaped(self, worker: str) -> str:
        """Set (for a day) when a worker was reaped as dead, so it knows if it was alive after all."""
        return self.reaped_prefix + worker

    def leases(self, portal: str) -> str:
        """The download-lease set of a portal."""
        return self.lease_prefix + portal


# -- Lua: each step that must not be split by a crash or another worker -------------------------

_PUSH = f"""
local last = tonumber(redis.call('HGET', KEYS[2], ARGV[1]) or '0')
local clock = tonumber(redis.call('GET', KEYS[3]) or '0')
local seq = math.max(last + 1, clock)
redis.call('HSET', KEYS[2], ARGV[1], seq)
if redis.call('ZADD', KEYS[1], 'NX', -tonumber(ARGV[2]) * {SCORE_BAND} + seq, ARGV[3]) == 1 then
  redis.call('HINCRBY', KEYS[4], ARGV[1], 1)
end
if ARGV[4] ~= '' then
  redis.call('HDEL', KEYS[5], ARGV[4])
  redis.call('ZREM', KEYS[6], ARGV[5])
end
return seq
"""
"""Queue a request at its portal's next fair-queue sequence (never behind the current hand-out
point); optionally release the in-flight request it continues (retry, redirect) in the same step."""

_CLAIM = f"""
local t = redis.call('TIME')
local now = tonumber(t[1]) + tonumber(t[2]) / 1000000
local entries = redis.call('ZRANGE', KEYS[1], 0, tonumber(ARGV[6]) - 1, 'WITHSCORES')
local blocked = {{}}
for i = 1, #entries, 2 do
  local member = entries[i]
  local cut = string.find(member, '\\n', 1, true)
  if not cut then
    redis.call('ZREM', KEYS[1], member)
  else
    local portal = string.sub(member, 1, cut - 1)
    if not blocked[portal] then
      local leases = ARGV[7] .. portal
      redis.call('ZREMRANGEBYSCORE', leases, '-inf', now)
      local cap = tonumber(redis.call('HGET', KEYS[6], portal) or ARGV[3])
      local delay = tonumber(redis.call('HGET', KEYS[7], portal) or ARGV[4])
      local next_at = tonumber(redis.call('HGET', KEYS[5], portal) or '0')
      if now >= next_at and (cap <= 0 or redis.call('ZCARD', leases) < cap) then
        local score = entries[i + 1]
        redis.call('ZREM', KEYS[1], member)
        redis.call('ZADD', leases, now + tonumber(ARGV[5]), ARGV[2])
        if delay > 0 then redis.call('HSET', KEYS[5], portal, tostring(now + delay)) end
        redis.call('HSET', KEYS[2], ARGV[1], 'r\\n' .. score .. '\\n' .. member)
        redis.call('HSETNX', KEYS[9], ARGV[8], '{{}}')
        redis.call('HINCRBY', KEYS[3], portal, -1)
        redis.call('HINCRBY', KEYS[4], portal, 1)
        local seq = tonumber(score) % {SCORE_BAND}
        if seq > tonumber(redis.call('GET', KEYS[8]) or '0') then
          redis.call('SET', KEYS[8], seq)
        end
        return {{member, portal}}
      end
      blocked[portal] = true
    end
  end
end
return false
"""
"""Hand out the first queued request whose portal politeness allows now: take a download lease,
space the portal's next hand-out by its delay, move the request into the worker's in-flight hash
(and make sure the worker is registered, so nothing is ever held by a worker nobody watches)."""

_CLAIM_SEED = """
local seed = redis.call('LPOP', KEYS[1])
if not seed then return false end
redis.call('HSET', KEYS[2], ARGV[1], 's\\n0\\n' .. seed)
redis.call('HSETNX', KEYS[3], ARGV[2], '{}')
return seed
"""
"""Hand out the next seed, kept in the worker's in-flight hash until its start requests are queued."""

_REAP = """
if ARGV[4] ~= 'force' and redis.call('EXISTS', KEYS[2]) == 1 then return -1 end
if ARGV[4] ~= 'force' and redis.call('HEXISTS', KEYS[1], ARGV[1]) == 0 then return -1 end
local entries = redis.call('HGETALL', KEYS[3])
local moved = 0
for i = 1, #entries, 2 do
  local id, value = entries[i], entries[i + 1]
  local a = string.find(value, '\\n', 1, true)
  local b = string.find(value, '\\n', a + 1, true)
  local payload = string.sub(value, b + 1)
  if string.sub(value, 1, a - 1) == 'r' then
    local portal = string.sub(payload, 1, string.find(payload, '\\n', 1, true) - 1)
    if redis.call('ZADD', KEYS[4], 'NX', string.sub(value, a + 1, b - 1), payload) == 1 then
      redis.call('HINCRBY', KEYS[6], portal, 1)
    end
    redis.call('ZREM', ARGV[2] .. portal, ARGV[1] .. '/' .. id)
  else
    redis.call('LPUSH', KEYS[5], payload)
  end
  moved = moved + 1
end
redis.call('DEL', KEYS[3])
redis.call('DEL', KEYS[2])
redis.call('HDEL', KEYS[1], ARGV[1])
if ARGV[3] ~= '' then redis.call('LPUSH', KEYS[7], ARGV[3]) end
if ARGV[4] ~= 'force' then redis.call('SET', KEYS[8], '1', 'EX', 86400) end
return moved
"""
"""Put everything a dead (or retiring) worker held back in the queue and the seed list, unregister
it, and tell the ingester (only the reaper that wins does any of it)."""

_DRAINED = """
if redis.call('ZCARD', KEYS[1]) > 0 or redis.call('LLEN', KEYS[2]) > 0 then return 0 end
for _, worker in ipairs(redis.call('HKEYS', KEYS[3])) do
  if redis.call('HLEN', ARGV[1] .. worker) > 0 then return 0 end
end
return 1
"""
"""1 when no request or seed is queued and no worker holds one: the crawl round is over."""


# -- codecs -------------------------------------------------------------------------------------


def _jsonable(value: Any) -> Any:
    """A JSON-ready copy of request data: bytes tagged `$b` (base64), non-text-keyed dicts `$d`."""
    if value is None or isinstance(value, str | bool | int | float):
        return value
    if isinstance(value, bytes):
        return {"$b": base64.b64encode(value).decode("ascii")}
    if isinstance(value, Mapping):
        if all(isinstance(k, str) for k in value):
            return {k: _jsonable(v) for k, v in value.items()}
        return {"$d": [[_jsonable(k), _jsonable(v)] for k, v in value.items()]}
    if isinstance(value, list | tuple):
        return [_jsonable(v) for v in value]
    raise FrontierError(f"cannot queue a request carrying a {type(value).__name__}")


def _from_jsonable(value: Any) -> Any:
    """Inverse of `_jsonable`."""
    if isinstance(value, list):
        return [_from_jsonable(v) for v in value]
    if isinstance(value, dict):
        if len(value) == 1 and "$b" in value:
            return base64.b64decode(value["$b"])
        if len(value) == 1 and "$d" in value:
            return {_from_jsonable(k): _from_jsonable(v) for k, v in value["$d"]}
        return {k: _from_jsonable(v) for k, v in value.items()}
    return value


def _method_name(method: Any) -> str | None:
    if method is None:
        return None
    if isinstance(method, str):
        return method
    name = getattr(method, "__name__", None)
    if not name or getattr(method, "__self__", None) is None:
        raise FrontierError(f"a queued request's callback must be a spider method, not {method!r}")
    return name


def encode_request(request: Any) -> str:
    """A Scrapy Request as JSON (callbacks by method name, bytes base64) for the Redis queue."""
    data: dict[str, Any] = {}
    for attr in request.attributes:
        if attr in ("callback", "errback"):
            data[attr] = _method_name(getattr(request, attr))
        elif attr == "headers":
            data[attr] = _jsonable(dict(request.headers))
        else:
            data[attr] = _jsonable(getattr(request, attr))
    if type(request) is not Request:
        data["_class"] = f"{type(request).__module__}.{type(request).__name__}"
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def decode_request(payload: str, spider: Any) -> Any:
    """The Request that `encode_request` wrote, its callbacks bound to `spider`'s methods."""
    try:
        data = _from_jsonable(json.loads(payload))
        return request_from_dict(data, spider=spider)
    except (ValueError, TypeError, KeyError) as exc:
        raise FrontierError(f"unreadable request in the queue: {exc}") from None


_ZSTD = zstandard.ZstdCompressor(level=RAW_ZSTD_LEVEL)


def encode_item(item: ArticleItem) -> dict[str, Any]:
    """An ArticleItem's archive fields plus its raw response (zstd, base64) as a JSON-ready dict."""
    data = asdict_shallow(item)
    if item.raw_body is not None:
        data["raw_body"] = base64.b64encode(_ZSTD.compress(item.raw_body)).decode("ascii")
    data["raw_headers"] = item.raw_headers
    return data


def decode_item(data: Mapping[str, Any]) -> ArticleItem:
    """The ArticleItem `encode_item` wrote (raw response included, extraction output not)."""
    fields = {k: v for k, v in data.items() if k not in ("raw_body", "raw_headers")}
    try:
        item = ArticleItem(**fields)
        if data.get("raw_body"):
            compressed = base64.b64decode(data["raw_body"])
            item.raw_body = zstandard.ZstdDecompressor().decompress(compressed)
    except (TypeError, ValueError, zstandard.ZstdError) as exc:
        raise FrontierError(f"unreadable article message: {exc}") from None
    item.raw_headers = data.get("raw_headers")
    return item


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), default=str)


def normalise_portal(args: Mapping[str, Any]) -> dict[str, Any]:
    """Spider arguments of one portal as a seed: URL with a scheme, `site` always named, empty
    values left out; raises ValueError on a bad URL or date (the spider's own checks)."""
    seed = {k: v for k, v in args.items() if v not in (None, "", [])}
    url = str(seed.get("url") or "")
    if not url:
        raise ValueError("a portal needs a url")
    if "://" not in url:
        url = "https://" + url
    seed["url"] = url
    spider = PortalSpider(**seed)  # validates the URL and the since/until dates
    seed["site"] = spider.site
    return seed


# -- the frontier: everything in Redis, no Scrapy -----------------------------------------------


@dataclass
class Claim:
    """A request handed to a worker: its in-flight id, its portal, and the queued payload."""

    inflight_id: str
    portal: str
    payload: str


class Frontier:
    """The shared state of a distributed crawl in one Redis: request queue, seeds, workers and
    their in-flight requests, politeness leases, the item queue and the known-URL mirror."""

    def __init__(self, client: redis.Redis, *, prefix: str = KEY_PREFIX):
        self.redis: Any = client  # decode_responses: every reply is str (the stubs say bytes|str)
        self.keys = Keys(prefix)
        self._push = client.register_script(_PUSH)
        self._claim = client.register_script(_CLAIM)
        self._claim_seed = client.register_script(_CLAIM_SEED)
        self._reap = client.register_script(_REAP)
        self._drained = client.register_script(_DRAINED)

    @classmethod
    def connect(cls, url: str, *, prefix: str = KEY_PREFIX) -> Frontier:
        """Open the frontier at a Redis URL (`redis://host:6379/0`), checking it answers."""
        try:
            client = redis.Redis.from_url(
                url,
                decode_responses=True,
                socket_connect_timeout=10,  # a reachable Redis answers in milliseconds
                socket_timeout=60,  # longer than any blocking pop Warta issues
                health_check_interval=30,
            )
            client.ping()
        except ValueError as exc:
            raise FrontierError(f"not a Redis URL: {url} ({exc})") from None
        except redis.RedisError as exc:
            raise FrontierError(f"cannot reach Redis at {url}: {exc}") from None
        return cls(client, prefix=prefix)

    # -- requests -------------------------------------------------------------------------------

    def push_request(
        self,
        portal: str,
        priority: int,
        payload: str,
        *,
        replaces: tuple[str, str, str] | None = None,
    ) -> None:
        """Queue one request of `portal`; `replaces` = (worker, in-flight id, lease portal) of the
        handed-out request it continues (a retry or a redirect), released in the same step."""
        k = self.keys
        worker, inflight_id, lease_portal = replaces or ("", "", "")
        self._push(
            keys=[
                k.requests,
                k.portal_seq,
                k.vclock,
                k.portal_queued,
                k.inflight(worker),
                k.leases(lease_portal),
            ],
            args=[
                portal,
                int(priority),
                f"{portal}\n{payload}",
                inflight_id,
                f"{worker}/{inflight_id}",
            ],
        )

    def claim_request(
        self,
        worker: str,
        inflight_id: str,
        *,
        concurrency: int,
        delay: float,
        lease_seconds: float,
    ) -> Claim | None:
        """Hand the first request that politeness allows to `worker`, or None (nothing queued, or
        every queued portal is at its concurrency or inside its delay)."""
        k = self.keys
        found = self._claim(
            keys=[
                k.requests,
                k.inflight(worker),
                k.portal_queued,
                k.portal_claimed,
                k.portal_next,
                k.portal_cap,
                k.portal_delay,
                k.vclock,
                k.workers,
            ],
            args=[
                inflight_id,
                f"{worker}/{inflight_id}",
                int(concurrency),
                float(delay),
                float(lease_seconds),
                CLAIM_SCAN,
                k.lease_prefix,
                worker,
            ],
        )
        if not found:
            return None
        member, portal = found
        return Claim(inflight_id, portal, member[len(portal) + 1 :])

    def release(self, worker: str, inflight_id: str, portal: str | None) -> None:
        """The worker is done with an in-flight request (or seed): forget it, end its lease."""
        pipe = self.redis.pipeline()
        pipe.hdel(self.keys.inflight(worker), inflight_id)
        if portal:
            pipe.zrem(self.keys.leases(portal), f"{worker}/{inflight_id}")
        pipe.execute()

    def end_download(self, worker: str, inflight_id: str, portal: str) -> None:
        """The response arrived: the portal's download lease ends (the request stays in flight)."""
        self.redis.zrem(self.keys.leases(portal), f"{worker}/{inflight_id}")

    def queued(self) -> int:
        """Requests waiting in the queue."""
        return int(self.redis.zcard(self.keys.requests))

    def clear_requests(self) -> None:
        """Drop every queued request (scrapy-redis' flush; Warta keeps the queue by default)."""
        self.redis.delete(self.keys.requests, self.keys.portal_queued)

    # -- seeds ----------------------------------------------------------------------------------

    def seed(
        self,
        portals: Iterable[Mapping[str, Any]],
        *,
        concurrency: Mapping[str, int] | None = None,
        delay: Mapping[str, float] | None = None,
    ) -> int:
        """Queue normalised seeds (see `normalise_portal`), with per-portal politeness overrides
        keyed by portal; returns how many were queued."""
        k = self.keys
        pipe = self.redis.pipeline()
        count = 0
        for args in portals:
            pipe.hset(k.portal_args, args["site"], _dumps(args))
            pipe.rpush(k.seeds, _dumps(args))
            count += 1
        for portal, cap in (concurrency or {}).items():
            pipe.hset(k.portal_cap, portal, int(cap))
        for portal, seconds in (delay or {}).items():
            pipe.hset(k.portal_delay, portal, float(seconds))
        pipe.set(k.seeded, utc_now())
        pipe.execute()
        return count

    def claim_seed(self, worker: str, inflight_id: str) -> dict[str, Any] | None:
        """Hand the next seed to `worker` (kept in flight until `release`), or None."""
        found = self._claim_seed(
            keys=[self.keys.seeds, self.keys.inflight(worker), self.keys.workers],
            args=[inflight_id, worker],
        )
        if not found:
            return None
        try:
            return json.loads(found)
        except ValueError:
            logger.warning("unreadable seed dropped: %.200s", found)
            self.release(worker, inflight_id, None)
            return None

    def portal_args(self, site: str) -> dict[str, Any] | None:
        """The spider arguments a portal was seeded with."""
        found = self.redis.hget(self.keys.portal_args, site)
        return json.loads(found) if found else None

    def start_round(self) -> bool:
        """Before seeding: when no crawl is running, forget the previous round's request
        fingerprints (as each single-process crawl starts with an empty filter). True if it did."""
        if not self.drained():
            return False
        self.redis.delete(self.keys.seen)
        return True

    def ever_seeded(self) -> bool:
        """Whether anything was ever seeded on this frontier."""
        return bool(self.redis.exists(self.keys.seeded))

    # -- workers --------------------------------------------------------------------------------

    def beat(self, worker: str, info: Mapping[str, Any], ttl: float) -> bool:
        """Register `worker` (or refresh it) with a heartbeat that expires after `ttl` seconds;
        True when it had been reaped as dead since its last beat."""
        pipe = self.redis.pipeline()
        pipe.set(self.keys.alive(worker), utc_now(), px=max(1, int(ttl * 1000)))
        pipe.hset(self.keys.workers, worker, _dumps(dict(info)))
        pipe.getdel(self.keys.reaped(worker))
        return bool(pipe.execute()[2])

    def workers(self) -> dict[str, dict[str, Any]]:
        """Registered workers: info of their last beat, `alive`, and `inflight` count."""
        k = self.keys
        found = self.redis.hgetall(k.workers)
        names = sorted(found)
        pipe = self.redis.pipeline()
        for name in names:
            pipe.exists(k.alive(name))
            pipe.hlen(k.inflight(name))
        answers = pipe.execute()
        out = {}
        for i, name in enumerate(names):
            try:
                info = json.loads(found[name])
            except ValueError:
                info = {}
            info["alive"] = bool(answers[2 * i])
            info["inflight"] = int(answers[2 * i + 1])
            out[name] = info
        return out

    def reap(self) -> dict[str, int]:
        """Re-queue the in-flight requests and seeds of every registered worker whose heartbeat
        expired; returns {worker: entries re-queued} for the workers this call reaped."""
        k = self.keys
        names = list(self.redis.hkeys(k.workers))
        if not names:
            return {}
        pipe = self.redis.pipeline()
        for name in names:
            pipe.exists(k.alive(name))
        alive = pipe.execute()
        reaped = {}
        for name, is_alive in zip(names, alive, strict=True):
            if is_alive:
                continue
            event = _dumps({"type": "run_lost", "worker": name, "at": utc_now()})
            moved = self._retire(name, event, force=False)
            if moved >= 0:
                logger.warning(
                    "worker %s stopped beating: %d requests back in the queue", name, moved
                )
                reaped[name] = moved
        return reaped

    def retire(self, worker: str) -> int:
        """A worker leaving cleanly: its in-flight requests go back to the queue, it unregisters."""
        return max(0, self._retire(worker, "", force=True))

    def _retire(self, worker: str, event: str, *, force: bool) -> int:
        k = self.keys
        return int(
            self._reap(
                keys=[
                    k.workers,
                    k.alive(worker),
                    k.inflight(worker),
                    k.requests,
                    k.seeds,
                    k.portal_queued,
                    k.items,
                    k.reaped(worker),
                ],
                args=[worker, k.lease_prefix, event, "force" if force else ""],
            )
        )

    def drained(self) -> bool:
        """True when nothing is queued or seeded and no registered worker holds a request."""
        k = self.keys
        return bool(self._drained(keys=[k.requests, k.seeds, k.workers], args=[k.inflight_prefix]))

    def save_run_stats(self, stats: Mapping[str, Mapping[str, Any]]) -> None:
        """Keep the latest per-run stats of a worker (used if it dies before it reports them)."""
        if stats:
            self.redis.hset(self.keys.run_stats, mapping={k: _dumps(v) for k, v in stats.items()})

    # -- the item queue -------------------------------------------------------------------------

    def send(self, *messages: Mapping[str, Any]) -> None:
        """Queue messages (articles and seen-URL events) for the ingester, in order."""
        if messages:
            self.redis.lpush(self.keys.items, *[_dumps(m) for m in messages])

    def take(self, limit: int, *, wait: float = 0) -> list[str]:
        """Move up to `limit` oldest messages to the processing list and return them (waits up to
        `wait` seconds for the first one)."""
        k = self.keys
        first = (
            self.redis.blmove(k.items, k.processing, wait, "RIGHT", "LEFT")
            if wait
            else self.redis.lmove(k.items, k.processing, "RIGHT", "LEFT")
        )
        if first is None:
            return []
        taken = [first]
        while len(taken) < limit:
            found = self.redis.lmove(k.items, k.processing, "RIGHT", "LEFT")
            if found is None:
                break
            taken.append(found)
        return taken

    def done_with_taken(self, *, failed: Iterable[tuple[str, str]] = ()) -> None:
        """The taken batch is committed: drop it from the processing list (failed messages go to
        the failed list with their reason)."""
        pipe = self.redis.pipeline()
        for raw, reason in failed:
            pipe.lpush(self.keys.failed, _dumps({"reason": reason, "message": raw}))
        pipe.delete(self.keys.processing)
        pipe.execute()

    def recover_taken(self) -> int:
        """Put a dead ingester's uncommitted batch back at the head of the item list."""
        k = self.keys
        moved = 0
        while self.redis.lmove(k.processing, k.items, "LEFT", "RIGHT") is not None:
            moved += 1
        return moved

    def waiting(self) -> int:
        """Messages waiting for the ingester (not counting a batch being applied)."""
        return int(self.redis.llen(self.keys.items))

    def hold_ingest_lease(self, holder: str, ttl: float = INGEST_LEASE_SECONDS) -> str | None:
        """Take or renew the ingester lease; returns the other holder when someone else has it."""
        k = self.keys
        ms = int(ttl * 1000)
        if self.redis.set(k.ingester, holder, nx=True, px=ms):
            return None
        current = self.redis.get(k.ingester)
        if current == holder:
            self.redis.pexpire(k.ingester, ms)
            return None
        return current or None

    def drop_ingest_lease(self, holder: str) -> None:
        """Give the ingester lease up (only if `holder` has it)."""
        if self.redis.get(self.keys.ingester) == holder:
            self.redis.delete(self.keys.ingester)

    # -- known URLs (the archive's seen-URL table, mirrored by the ingester) ---------------------

    def known_state(self, url_key: str) -> dict[str, Any] | None:
        """The archive's seen-URL state of one URL key, as last published by the ingester."""
        found = self.redis.hget(self.keys.known, url_key)
        return _state(url_key, found)

    def known_states(self, url_keys: list[str]) -> dict[str, dict[str, Any] | None]:
        """`known_state` for many keys in one round trip."""
        if not url_keys:
            return {}
        found = self.redis.hmget(self.keys.known, url_keys)
        return {key: _state(key, raw) for key, raw in zip(url_keys, found, strict=True)}

    def publish_known(self, states: Mapping[str, Mapping[str, Any] | None]) -> None:
        """Update the mirror for these URL keys (None: the archive has no row)."""
        if not states:
            return
        pipe = self.redis.pipeline()
        for key, state in states.items():
            if state is None:
                pipe.hdel(self.keys.known, key)
            else:
                pipe.hset(self.keys.known, key, _dumps({f: state.get(f) for f in KNOWN_FIELDS}))
        pipe.execute()

    def replace_known(self, rows: Iterable[Mapping[str, Any]]) -> int:
        """Rebuild the mirror from the archive's `urls` rows (swapped in at once); returns rows."""
        k = self.keys
        self.redis.delete(k.known_building)
        count = 0
        pipe = self.redis.pipeline(transaction=False)
        for row in rows:
            pipe.hset(
                k.known_building, row["url_key"], _dumps({f: row.get(f) for f in KNOWN_FIELDS})
            )
            count += 1
            if count % KNOWN_SYNC_BATCH == 0:
                pipe.execute()
        pipe.execute()
        if count:
            self.redis.rename(k.known_building, k.known)
        else:
            self.redis.delete(k.known)
        self.redis.set(k.known_ready, utc_now())
        return count

    def known_ready(self) -> bool:
        """Whether an ingester has mirrored the archive's known URLs at least once."""
        return bool(self.redis.exists(self.keys.known_ready))

    def replace_archived_counts(self, counts: Mapping[str, int]) -> None:
        """Publish the archive's article rows per site (workers' "incremental run?" question)."""
        pipe = self.redis.pipeline()
        pipe.delete(self.keys.portal_archived)
        if counts:
            pipe.hset(self.keys.portal_archived, mapping={k: int(v) for k, v in counts.items()})
        pipe.execute()

    def archived_count(self, site: str) -> int:
        """Article rows of a site in the archive, as the ingester last published."""
        return int(self.redis.hget(self.keys.portal_archived, site) or 0)

    # -- status ---------------------------------------------------------------------------------

    def status(self) -> dict[str, Any]:
        """Everything `warta queue` shows, as plain data."""
        k = self.keys
        pipe = self.redis.pipeline()
        pipe.zcard(k.requests)
        pipe.llen(k.seeds)
        pipe.scard(k.seen)
        pipe.hlen(k.known)
        pipe.exists(k.known_ready)
        pipe.llen(k.items)
        pipe.llen(k.processing)
        pipe.llen(k.failed)
        pipe.get(k.ingester)
        pipe.pttl(k.ingester)
        pipe.hgetall(k.portal_queued)
        pipe.hgetall(k.portal_claimed)
        pipe.hgetall(k.portal_items)
        pipe.hgetall(k.portal_args)
        (
            queued,
            seeds,
            seen,
            known,
            known_ready,
            items,
            processing,
            failed,
            ingester,
            ingester_ttl,
            portal_queued,
            portal_claimed,
            portal_items,
            portal_args,
        ) = pipe.execute()
        portals: dict[str, dict[str, int]] = {}
        site_of = {}
        for site, raw in portal_args.items():
            try:
                site_of[portal_key(json.loads(raw)["url"])] = site
            except (ValueError, KeyError):
                continue
        for portal, n in portal_queued.items():
            portals.setdefault(site_of.get(portal, portal), {})["queued"] = int(n)
        for portal, n in portal_claimed.items():
            portals.setdefault(site_of.get(portal, portal), {})["fetched"] = int(n)
        for site, n in portal_items.items():
            portals.setdefault(site, {})["articles"] = int(n)
        return {
            "requests_queued": int(queued),
            "seeds_waiting": int(seeds),
            "seen_requests": int(seen),
            "known_urls": int(known),
            "known_ready": bool(known_ready),
            "items_waiting": int(items),
            "items_processing": int(processing),
            "items_failed": int(failed),
            "ingester": ingester,
            "ingester_lease_seconds": round(ingester_ttl / 1000, 1) if ingester_ttl > 0 else None,
            "portals": {
                name: {"queued": 0, "fetched": 0, "articles": 0, **counts}
                for name, counts in sorted(portals.items())
            },
            "workers": self.workers(),
            "drained": self.drained(),
        }


def _state(url_key: str, raw: str | None) -> dict[str, Any] | None:
    if not raw:
        return None
    try:
        state = json.loads(raw)
    except ValueError:
        return None
    return {"url_key": url_key, **state}


def seed_portals(frontier: Frontier, portals: Iterable[Mapping[str, Any]]) -> dict[str, Any]:
    """Seed portals (spider-argument dicts: url, site, since, until, province, regency,
    download_delay, concurrency, ...) for the workers; returns what happened. Raises ValueError
    (naming the portal) on a bad URL or date before anything is queued."""
    seeds = []
    concurrency: dict[str, int] = {}
    delay: dict[str, float] = {}
    for args in portals:
        try:
            seed = normalise_portal(args)
        except ValueError as exc:
            raise ValueError(f"{args.get('url') or args.get('site')}: {exc}") from None
        key = portal_key(seed["url"])
        if seed.get("concurrency") is not None:
            concurrency[key] = int(seed["concurrency"])
        if seed.get("download_delay") is not None:
            delay[key] = float(seed["download_delay"])
        seeds.append(seed)
    fresh = frontier.start_round()
    count = frontier.seed(seeds, concurrency=concurrency, delay=delay)
    return {
        "seeded": count,
        "fresh_round": fresh,
        "known_ready": frontier.known_ready(),
        "ingester": frontier.redis.get(frontier.keys.ingester),
    }


def registry_portals(
    sites_file: str | os.PathLike[str] | None = None,
    *,
    since: str | None = None,
    until: str | None = None,
) -> list[dict[str, Any]]:
    """Spider arguments of every portal in the sites registry (`warta crawl --all`)."""
    from crawler.sites import load_sites

    portals = []
    for site in load_sites(sites_file):
        args = site.spider_args()
        if since:
            args["since"] = since
        if until:
            args["until"] = until
        portals.append(args)
    return portals


# -- the ingester: the archive's single writer in distributed mode ------------------------------


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
        counts = self.archive.conn.execute("SELECT site, count(*) FROM articles GROUP BY site")
        self.frontier.replace_archived_counts(dict(counts.fetchall()))
        cur = self.archive.conn.execute(f"SELECT url_key, {', '.join(KNOWN_FIELDS)} FROM urls")
        names = [d[0] for d in cur.description]
        return self.frontier.replace_known(dict(zip(names, row, strict=True)) for row in cur)

    def cluster(self) -> None:
        """Recompute near-duplicate clusters (a crawl round is over and it stored articles), as
        `warta crawl` does after a single-process crawl."""
        from crawler.neardup import cluster_archive

        cluster_archive(self.archive)
        self.archive.commit()
        self.stored_since_clustering = 0

    def close(self) -> None:
        """Commit and give the lease up."""
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
                pipe.hset(f.keys.run_counts, key, _dumps(dict(self._run_counts[key])))
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


def apply_redis_settings(settings: Any, url: str, *, heartbeat: float | None = None) -> None:
    """Switch Scrapy settings to distributed mode: scrapy-redis scheduler and duplicate filter on
    `url` with Warta's queue, the item queue instead of Deduplicate/Store, the worker recorder
    instead of RunRecorder, per-portal offsite filtering."""
    pipelines = dict(settings.getdict("ITEM_PIPELINES"))
    store_order = pipelines.get("crawler.pipelines.DeduplicatePipeline", 300)
    pipelines["crawler.pipelines.DeduplicatePipeline"] = None
    pipelines["crawler.pipelines.StorePipeline"] = None
    pipelines["crawler.distributed.ItemQueuePipeline"] = store_order
    extensions = dict(settings.getdict("EXTENSIONS"))
    extensions["crawler.extensions.RunRecorder"] = None
    extensions["crawler.distributed.WorkerRecorder"] = 500
    middlewares = dict(settings.getdict("DOWNLOADER_MIDDLEWARES"))
    middlewares["scrapy.downloadermiddlewares.offsite.OffsiteMiddleware"] = None
    middlewares["crawler.distributed.PortalOffsiteMiddleware"] = 50
    guard = "crawler.middlewares.AddressGuardMiddleware"
    if middlewares.get(guard) is not None:
        middlewares["crawler.distributed.PortalAddressGuardMiddleware"] = middlewares[guard]
        middlewares[guard] = None
    overlay = {
        "WARTA_REDIS_URL": url,
        "REDIS_URL": url,
        "SCHEDULER": "crawler.distributed.FrontierScheduler",
        "SCHEDULER_QUEUE_CLASS": "crawler.distributed.FrontierQueue",
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

    def _dispatch(self, name: str, response):
        worker = self.worker
        owes_item = False
        try:
            site = response.meta.get(PORTAL_META)
            context = self.portal(site)
            if SHARED_ROBOTS_FLAG not in response.flags:  # handed on, not fetched
                worker.count(site, "downloader/response_count")
                worker.pages += 1
            for output in getattr(context, name)(response) or ():
                if isinstance(output, ArticleItem):
                    owes_item = True  # released when the item has left the pipelines
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
        """The next request politeness allows, or None."""
        return self.worker.claim(self.spider)

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
        item.raw_body = None  # the response body is not needed past this point
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

    from crawler.runner import warta_settings

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
