"""The shared frontier in Redis: fair per-portal queue, leases, in-flight requests, heartbeats, reaping."""

from __future__ import annotations

import json
import logging
import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

import redis

from crawler.archive.sqlite import utc_now
from crawler.distributed.codec import dumps, normalise_portal
from crawler.distributed.keys import (
    CLAIM_SCAN,
    CLAIM_SCRIPT,
    CLAIM_SEED_SCRIPT,
    DRAINED_SCRIPT,
    INGEST_LEASE_SECONDS,
    KEY_PREFIX,
    KNOWN_FIELDS,
    KNOWN_SYNC_BATCH,
    PUSH_SCRIPT,
    REAP_SCRIPT,
    FrontierError,
    Keys,
)
from crawler.fingerprints import portal_key

logger = logging.getLogger(__name__)


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
        self._push = client.register_script(PUSH_SCRIPT)
        self._claim = client.register_script(CLAIM_SCRIPT)
        self._claim_seed = client.register_script(CLAIM_SEED_SCRIPT)
        self._reap = client.register_script(REAP_SCRIPT)
        self._drained = client.register_script(DRAINED_SCRIPT)

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
            pipe.hset(k.portal_args, args["site"], dumps(args))
            pipe.rpush(k.seeds, dumps(args))
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
        pipe.hset(self.keys.workers, worker, dumps(dict(info)))
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
            event = dumps({"type": "run_lost", "worker": name, "at": utc_now()})
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
            self.redis.hset(self.keys.run_stats, mapping={k: dumps(v) for k, v in stats.items()})

    # -- the item queue -------------------------------------------------------------------------

    def send(self, *messages: Mapping[str, Any]) -> None:
        """Queue messages (articles and seen-URL events) for the ingester, in order."""
        if messages:
            self.redis.lpush(self.keys.items, *[dumps(m) for m in messages])

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
            pipe.lpush(self.keys.failed, dumps({"reason": reason, "message": raw}))
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
                pipe.hset(self.keys.known, key, dumps({f: state.get(f) for f in KNOWN_FIELDS}))
        pipe.execute()

    def replace_known(self, rows: Iterable[Mapping[str, Any]]) -> int:
        """Rebuild the mirror from the archive's `urls` rows (swapped in at once); returns rows."""
        k = self.keys
        self.redis.delete(k.known_building)
        count = 0
        pipe = self.redis.pipeline(transaction=False)
        for row in rows:
            pipe.hset(
                k.known_building, row["url_key"], dumps({f: row.get(f) for f in KNOWN_FIELDS})
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
    from crawler.crawl.registry import load_sites

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
