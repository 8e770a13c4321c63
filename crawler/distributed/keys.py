"""Distributed mode's Redis key scheme, its tunables and the Lua scripts that make hand-outs atomic."""

from __future__ import annotations

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

PUSH_SCRIPT = f"""
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

CLAIM_SCRIPT = f"""
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

CLAIM_SEED_SCRIPT = """
local seed = redis.call('LPOP', KEYS[1])
if not seed then return false end
redis.call('HSET', KEYS[2], ARGV[1], 's\\n0\\n' .. seed)
redis.call('HSETNX', KEYS[3], ARGV[2], '{}')
return seed
"""
"""Hand out the next seed, kept in the worker's in-flight hash until its start requests are queued."""

REAP_SCRIPT = """
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

DRAINED_SCRIPT = """
if redis.call('ZCARD', KEYS[1]) > 0 or redis.call('LLEN', KEYS[2]) > 0 then return 0 end
for _, worker in ipairs(redis.call('HKEYS', KEYS[3])) do
  if redis.call('HLEN', ARGV[1] .. worker) > 0 then return 0 end
end
return 1
"""
"""1 when no request or seed is queued and no worker holds one: the crawl round is over."""


# -- codecs -------------------------------------------------------------------------------------
