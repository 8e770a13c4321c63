"""Scrapy adapters for Warta's guards: address guard, RFC 9309 robots, pacing, Retry-After retries,
capped decompression, crawl-trap filters and the on-disk dupefilter.

Each class is a thin adapter over plain functions (crawler/crawl/policy/guards.py, robots.py, pacing.py,
traps.py, seenset.py, discovery/safexml.py), switches itself off with NotConfigured when its
setting is off, and counts what it refuses as `warta/errors/<kind>` (so the run's `crawl_runs`
row shows it) before raising `Refused`, an IgnoreRequest that names its kind.
"""

from __future__ import annotations

import logging
import time
from collections.abc import AsyncIterator, Awaitable, Callable, Iterable
from datetime import date
from pathlib import Path
from typing import Any, cast
from urllib.parse import urljoin

from scrapy.downloadermiddlewares.retry import RetryMiddleware
from scrapy.dupefilters import BaseDupeFilter
from scrapy.exceptions import (
    CannotResolveHostError,
    DownloadCancelledError,
    DownloadConnectionRefusedError,
    DownloadTimeoutError,
    IgnoreRequest,
    NotConfigured,
)
from scrapy.http import Request, Response, TextResponse
from scrapy.http.request import NO_CALLBACK
from scrapy.responsetypes import responsetypes
from scrapy.utils.defer import maybe_deferred_to_future
from scrapy.utils.job import job_dir
from scrapy.utils.request import RequestFingerprinter, referer_str
from twisted.internet.defer import Deferred
from twisted.internet.error import ConnectionRefusedError as TwistedConnectionRefusedError
from twisted.internet.error import DNSLookupError, TCPTimedOutError
from twisted.internet.error import TimeoutError as TwistedTimeoutError
from w3lib.url import safe_url_string

from crawler.crawl.policy.guards import PortalAddressPolicy, literal_address, resolve_host, url_host
from crawler.crawl.policy.pacing import HostPacer, parse_retry_after, retry_wait
from crawler.crawl.policy.revisits import queued_twice, redirects_to_queued
from crawler.crawl.policy.robots import (
    RobotsCache,
    RobotsRules,
    is_robots_url,
    product_token,
    robots_url,
    rules_from_failure,
    rules_from_response,
)
from crawler.crawl.policy.seenset import SEEN_FILE, SeenSet, set_aside_unclean_queue
from crawler.crawl.policy.traps import redirect_trap, strip_session_params, trap_reason
from crawler.discovery import DiscoveryError
from crawler.discovery.safexml import decode_content

logger = logging.getLogger(__name__)

ACCEPTED_ENCODINGS = b"gzip, deflate, br, zstd"
"""Content codings asked for: the four crawler/discovery/safexml.py decodes with a size cap."""

REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
"""Statuses Scrapy's RedirectMiddleware follows with a Location header."""

ROBOTS_PRIORITY = 1000
"""robots.txt goes before anything else on its portal (Scrapy's RobotsTxtMiddleware uses 1000)."""

RETRIED_ROBOTS_STATUSES = frozenset({408, 429})
"""4xx statuses Scrapy's retry would fetch again: a robots.txt answered so is not handed on."""

SHARED_ROBOTS_FLAG = "robots-shared"
"""Flag of a robots.txt response handed on from the robots middleware's own fetch (not fetched)."""
SHARED_ROBOTS_STAT = "warta/robots/shared"
"""Count of such responses: Scrapy counts them in `downloader/response_count` all the same."""

Sleep = Callable[[float], Awaitable[None]]


class Refused(IgnoreRequest):
    """A request Warta refused on purpose; `kind` is the outcome it was counted under."""

    def __init__(self, kind: str, message: str):
        super().__init__(message)
        self.kind = kind


def _refuse(
    crawler, kind: str, message: str, *, counter: str = "warta/errors", level: int = logging.WARNING
) -> Refused:
    crawler.stats.inc_value(f"{counter}/{kind}")
    logger.log(level, "%s (%s)", message, kind)
    return Refused(kind, message)


async def reactor_sleep(seconds: float) -> None:
    """Wait without blocking the reactor."""
    from twisted.internet import reactor
    from twisted.internet.task import deferLater

    await maybe_deferred_to_future(deferLater(reactor, seconds, lambda: None))


def pacer_for(crawler) -> HostPacer:
    """The crawler's one HostPacer, shared by the robots, retry and pacing middlewares."""
    pacer = getattr(crawler, "_warta_pacer", None)
    if pacer is None:
        pacer = HostPacer()
        crawler._warta_pacer = pacer
    return pacer


def _host_key(url: str) -> str:
    return url_host(url) or ""


# --- requests replayed from a stopped run's queue -------------------------------------------


class ResumedQueueMiddleware:
    """Drops an article request from an earlier run's job-folder queue once this run has queued
    the same URL itself (crawler/crawl/policy/revisits.queued_twice); adopts it otherwise, so a run
    resumed after Ctrl-C requests each pending article once. Off without a job folder (JOBDIR)."""

    def __init__(self, crawler):
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler):
        if not crawler.settings.get("JOBDIR"):
            raise NotConfigured
        return cls(crawler)

    def process_request(self, request: Request) -> None:
        meta = request.meta
        queued_by = meta.get("run_id")
        spider = self.crawler.spider
        run_id = int(self.crawler.stats.get_value("warta/run_id") or 0)
        if meta.get("kind") != "article" or queued_by in (None, run_id):
            return
        from crawler.fingerprints import url_key

        asked = meta.get("redirect_urls", [request.url])[0]
        key = url_key(asked)
        archive = spider.archive
        if queued_twice(archive.url_state(key), run_id=run_id, queued_by=queued_by):
            self.crawler.stats.inc_value("warta/skipped/requeued")
            raise Refused("requeued", f"{asked} is queued again by this run")
        archive.mark_queued(key, run_id)  # adopted: this run fetches it from the old queue
        meta["run_id"] = run_id


# --- address guard ------------------------------------------------------------------------


class AddressGuardMiddleware:
    """Refuses requests to private, loopback, link-local, ... addresses (after DNS resolution and
    after redirects: each redirect is a new request) unless the portal's start URL is on one."""

    def __init__(self, crawler, resolver: Callable[[str], Iterable[str]] | None = None):
        if not crawler.settings.getbool("WARTA_ADDRESS_GUARD"):
            raise NotConfigured
        self.crawler = crawler
        self.resolver = resolver
        self.dns_timeout = crawler.settings.getfloat("DNS_TIMEOUT")
        self._policy: PortalAddressPolicy | None = None

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    async def resolve(self, host: str) -> tuple[str, ...]:
        """The host's addresses: literal, the injected resolver's, or Scrapy's resolver's.

        Scrapy's resolver caches its answer (DNSCACHE_ENABLED), so the connection that follows
        uses the very address checked here (no DNS-rebinding window)."""
        if literal_address(host) is not None or self.resolver is not None:
            return resolve_host(host, self.resolver or (lambda _host: ()))
        from twisted.internet import reactor

        try:
            found = await maybe_deferred_to_future(
                cast(Any, reactor).resolve(host, timeout=(self.dns_timeout,))
            )
        except Exception:  # DNS failure: nothing to connect to
            return ()
        return (str(found),) if found else ()

    async def policy(self) -> PortalAddressPolicy:
        """The portal's policy (its start URL's own addresses exempt), built on first use."""
        if self._policy is None:
            spider = self.crawler.spider
            start = getattr(spider, "start_url", None) or next(
                iter(getattr(spider, "start_urls", None) or []), None
            )
            host = url_host(start) if start else None
            addresses = await self.resolve(host) if host else ()
            self._policy = PortalAddressPolicy(start, addresses)
        return self._policy

    async def policy_for(self, request: Request) -> PortalAddressPolicy:
        """The policy that judges `request` (a subclass serving many portals overrides this)."""
        return await self.policy()

    async def process_request(self, request: Request) -> None:
        policy = await self.policy_for(request)
        host = url_host(request.url)
        addresses = await self.resolve(host) if host else ()
        verdict = policy.check(request.url, addresses)
        if verdict.allowed:
            return None
        kind = {"unresolvable": "dns", "scheme": "scheme", "no-host": "scheme"}.get(
            verdict.reason or "", f"address-{verdict.reason}"
        )
        raise _refuse(
            self.crawler,
            kind,
            f"refused {request.url}: {host or 'no host'} is at "
            f"{', '.join(verdict.addresses) or 'no address'} ({verdict.reason})",
        )


# --- robots.txt -------------------------------------------------------------------------------


def pages_fetched(stats: dict[str, Any]) -> int:
    """Responses a run really fetched: Scrapy's count less robots.txt answers handed on."""
    return int(stats.get("downloader/response_count", 0)) - int(stats.get(SHARED_ROBOTS_STAT, 0))


def network_failure_kind(exc: BaseException) -> str | None:
    """`dns`, `timeout` or `connection-refused` for a download that got no answer of that kind
    (Scrapy's and Twisted's names for each), else None."""
    if isinstance(exc, DNSLookupError | CannotResolveHostError):
        return "dns"
    if isinstance(exc, DownloadTimeoutError | TwistedTimeoutError | TCPTimedOutError):
        return "timeout"
    if isinstance(
        exc, DownloadConnectionRefusedError | TwistedConnectionRefusedError | ConnectionRefusedError
    ):
        return "connection-refused"
    return None


def _failure_kind(exc: BaseException) -> str:
    if isinstance(exc, Refused):
        return f"refused-{exc.kind}"
    return network_failure_kind(exc) or "network"


class RobotsPolicyMiddleware:
    """robots.txt per RFC 9309 (replaces Scrapy's RobotsTxtMiddleware, which fails open): 4xx
    allows all; 5xx, 429, time-out or network error disallows the portal for now; Crawl-delay is
    handed to the pacer."""

    def __init__(
        self,
        crawler,
        fetch: Callable[[str], Awaitable[RobotsRules]] | None = None,
        clock: Callable[[], float] = time.monotonic,
    ):
        if not crawler.settings.getbool("ROBOTSTXT_OBEY"):
            raise NotConfigured
        self.crawler = crawler
        settings = crawler.settings
        self.agent = product_token(
            settings.get("ROBOTSTXT_USER_AGENT") or settings.get("USER_AGENT")
        )
        self.cache = RobotsCache()
        self.clock = clock
        self.fetch = fetch or self._download
        self.pacer = pacer_for(crawler)
        self._waiting: dict[str, list[Deferred]] = {}
        self._answers: dict[str, Response] = {}  # the last robots.txt response fetched, per URL

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    async def process_request(self, request: Request) -> Response | None:
        if request.meta.get("dont_obey_robotstxt"):
            return None
        if is_robots_url(request.url):
            return await self.robots_answer(request)
        robots = robots_url(request.url)
        if robots is None:
            return None  # not http(s): the address guard refuses it
        rules = await self.rules_for(robots)
        delay = rules.crawl_delay(self.agent)
        self.pacer.set_interval(_host_key(request.url), delay)
        if rules.allows(request.url, self.agent):
            return None
        if rules.verdict == "disallow-all":
            raise _refuse(
                self.crawler,
                "robots-unreachable",
                f"robots.txt of {request.url} unreachable ({rules.reason}): portal disallowed for now",
                level=logging.DEBUG,  # said once, as a warning, when the robots.txt fetch failed
            )
        raise _refuse(
            self.crawler,
            "robots-disallowed",
            f"forbidden by robots.txt: {request.url}",
            counter="warta/skipped",
        )

    async def robots_answer(self, request: Request) -> Response | None:
        """A request for robots.txt itself (the spider reads its Sitemap: lines) is answered with
        the response this middleware fetched for its rules, so a portal gets one robots.txt
        request, not two. When robots.txt is unreachable the request is refused (it was just
        tried, and counted); when no response was kept it goes to the network as usual."""
        robots = robots_url(request.url)
        if robots is None:
            return None
        rules = await self.rules_for(robots)
        answer = self._answers.pop(robots, None)  # handed on once: the spider asks once a run
        if answer is not None:
            headers = answer.headers.copy()
            headers.pop(b"Content-Encoding", None)  # the kept body is already decoded
            self.crawler.stats.inc_value(SHARED_ROBOTS_STAT)
            return answer.replace(
                headers=headers, request=request, flags=[*answer.flags, SHARED_ROBOTS_FLAG]
            )
        if rules.verdict == "disallow-all":
            raise _refuse(
                self.crawler,
                "robots-unreachable",
                f"{robots} unreachable ({rules.reason})",
                level=logging.DEBUG,  # said once, as a warning, when the fetch failed
            )
        return None

    async def rules_for(self, robots: str) -> RobotsRules:
        """Fresh rules for a robots.txt URL, fetching it once however many requests wait."""
        cached = self.cache.get(robots, self.clock())
        if cached is not None:
            return cached
        if robots in self._waiting:
            waiter: Deferred = Deferred()
            self._waiting[robots].append(waiter)
            return await maybe_deferred_to_future(waiter)
        self._waiting[robots] = []
        try:
            fetched = await self.fetch(robots)
        except Exception as exc:  # the fetch itself must never take the crawl down
            fetched = rules_from_failure(_failure_kind(exc), now=self.clock())
        rules = self.cache.put(robots, fetched)
        self._record(robots, rules)
        for waiter in self._waiting.pop(robots, []):
            waiter.callback(rules)
        return rules

    def _record(self, robots: str, rules: RobotsRules) -> None:
        stats = self.crawler.stats
        stats.inc_value(f"warta/robots/{rules.verdict}")
        if rules.truncated:
            logger.warning("%s is longer than 500 KiB; its first 500 KiB apply", robots)
        raw = rules.raw_crawl_delay(self.agent)
        if raw is not None:
            stats.set_value("warta/robots/crawl_delay", rules.crawl_delay(self.agent))
            if raw > (rules.crawl_delay(self.agent) or 0):
                logger.warning("%s asks for Crawl-delay %s s; capped", robots, raw)
        if rules.verdict == "disallow-all":
            stats.inc_value(f"warta/errors/robots.txt:{rules.reason}")  # why, once a fetch
            logger.warning(
                "%s unreachable (%s): the portal is disallowed for now", robots, rules.reason
            )

    async def _download(self, robots: str) -> RobotsRules:
        request = Request(
            robots,
            priority=ROBOTS_PRIORITY,
            callback=NO_CALLBACK,
            dont_filter=True,
            meta={"dont_obey_robotstxt": True, "allow_offsite": True, "warta_robots": True},
        )
        try:
            response = await self.crawler.engine.download_async(request)
        except Refused as exc:
            if exc.kind in ("redirect-loop", "redirect-chain"):
                # RFC 9309 2.3.1.2: after too many redirects robots.txt counts as unavailable
                return RobotsRules("allow-all", exc.kind, self.clock() + 24 * 3600)
            return rules_from_failure(f"refused-{exc.kind}", now=self.clock())
        except Exception as exc:
            return rules_from_failure(_failure_kind(exc), now=self.clock())
        if response.status < 500 and response.status not in RETRIED_ROBOTS_STATUSES:
            self._answers[robots] = response
        else:
            self._answers.pop(robots, None)
        cache_control = response.headers.get(b"Cache-Control")
        return rules_from_response(
            response.status,
            response.body,
            now=self.clock(),
            cache_control=cache_control.decode("latin-1") if cache_control else None,
        )


# --- pacing and retries ---------------------------------------------------------------------


class PacingMiddleware:
    """Holds each request until its host's pacer allows it: Crawl-delay spacing, Retry-After
    pauses and per-request retry backoff (`warta_not_before` in meta, wall-clock seconds)."""

    def __init__(
        self, crawler, sleep: Sleep = reactor_sleep, clock: Callable[[], float] = time.time
    ):
        settings = crawler.settings
        if not (settings.getbool("ROBOTSTXT_OBEY") or settings.getbool("RETRY_ENABLED")):
            raise NotConfigured  # nothing sets a pace
        self.crawler = crawler
        self.pacer = pacer_for(crawler)
        self.sleep = sleep
        self.clock = clock
        self.longest = settings.getfloat("WARTA_RETRY_AFTER_MAX")

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    async def process_request(self, request: Request) -> None:
        not_before = float(request.meta.get("warta_not_before") or 0.0)
        wait = self.pacer.reserve(_host_key(request.url), self.clock(), not_before=not_before)
        wait = min(wait, self.longest)  # a wall clock that jumped must not stall a crawl
        if wait > 0:
            self.crawler.stats.inc_value("warta/pacing/waits")
            self.crawler.stats.inc_value("warta/pacing/seconds", wait)
            await self.sleep(wait)
        return None


class RetryAfterMiddleware(RetryMiddleware):
    """Scrapy's retries with exponential backoff, Retry-After honoured on 429/503 (the host is
    paused), and a give-up: after RETRY_TIMES, or at once when Retry-After is too long."""

    pacer: HostPacer

    def __init__(self, settings, clock: Callable[[], float] = time.time):
        super().__init__(settings)  # NotConfigured when RETRY_ENABLED is off
        self.base = settings.getfloat("WARTA_RETRY_BACKOFF_BASE")
        self.cap = settings.getfloat("WARTA_RETRY_BACKOFF_MAX")
        self.retry_after_max = settings.getfloat("WARTA_RETRY_AFTER_MAX")
        self.clock = clock

    @classmethod
    def from_crawler(cls, crawler):
        middleware = cls(crawler.settings)
        middleware.crawler = crawler
        middleware.pacer = pacer_for(crawler)
        return middleware

    def process_response(  # type: ignore[override]  # Scrapy 2.19 passes no spider
        self, request: Request, response: Response
    ) -> Request | Response:
        if request.meta.get("dont_retry", False) or response.status not in self.retry_http_codes:
            return response
        attempt = request.meta.get("retry_times", 0) + 1
        retry_after = parse_retry_after(response.headers.get(b"Retry-After"))
        wait = retry_wait(
            response.status,
            retry_after,
            attempt,
            base=self.base,
            cap=self.cap,
            retry_after_max=self.retry_after_max,
        )
        stats = self.crawler.stats
        if wait is None:
            stats.inc_value("warta/errors/retry-after-too-long")
            logger.warning(
                "%s asks to come back in %.0f s (over %.0f s): not retried in this run",
                request.url,
                retry_after,
                self.retry_after_max,
            )
            return response
        now = self.clock()
        if retry_after is not None or response.status == 429:
            self.pacer.pause(_host_key(request.url), now + wait)  # the portal asked us to wait
            stats.inc_value("warta/retry/retry-after-honoured")
        retry = self._retry(request, f"{response.status}")
        if retry is None:
            return response  # given up: the spider's errback counts the final status
        retry.meta["warta_not_before"] = now + wait
        return retry

    def process_exception(  # type: ignore[override]  # Scrapy 2.19 passes no spider
        self, request: Request, exception: Exception
    ) -> Request | Response | None:
        retry = super().process_exception(request, exception)
        if isinstance(retry, Request):
            attempt = retry.meta.get("retry_times", 1)
            wait = retry_wait(None, None, attempt, base=self.base, cap=self.cap)
            retry.meta["warta_not_before"] = self.clock() + (wait or 0.0)
        return retry


# --- decompression ------------------------------------------------------------------------------


class CappedDecompressionMiddleware:
    """Decodes gzip / deflate / br / zstd bodies with a decompressed-size cap (replaces Scrapy's
    HttpCompressionMiddleware); a bomb stops at the cap, a corrupt or truncated body is refused."""

    def __init__(self, crawler):
        settings = crawler.settings
        if not settings.getbool("COMPRESSION_ENABLED"):
            raise NotConfigured
        self.crawler = crawler
        self.cap = settings.getint("WARTA_MAX_DECOMPRESSED_SIZE")

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    def process_request(self, request: Request) -> None:
        request.headers.setdefault(b"Accept-Encoding", ACCEPTED_ENCODINGS)
        return None

    def process_response(self, request: Request, response: Response) -> Response:
        if request.method == "HEAD":
            return response
        codings = b",".join(response.headers.getlist(b"Content-Encoding")).decode("latin-1")
        if not codings.strip(" ,") or codings.strip().lower() == "identity":
            return response
        try:
            body = decode_content(response.body, codings, self.cap)
        except DiscoveryError as exc:
            kind = "too-large" if exc.reason == "too-large" else "bad-encoding"
            raise _refuse(self.crawler, kind, f"refused body of {response.url}: {exc}") from None
        stats = self.crawler.stats
        stats.inc_value("httpcompression/response_count")
        stats.inc_value("httpcompression/response_bytes", len(body))
        response_class = responsetypes.from_args(
            headers=response.headers, url=response.url, body=body
        )
        kwargs: dict[str, Any] = {"body": body}
        if issubclass(response_class, TextResponse):
            kwargs["encoding"] = None  # detect it again from the decoded body
        response = response.replace(cls=response_class, **kwargs)
        del response.headers[b"Content-Encoding"]
        return response

    def process_exception(self, request: Request, exception: Exception) -> None:
        if isinstance(exception, DownloadCancelledError):
            # Scrapy cancels a transfer that passes DOWNLOAD_MAXSIZE (announced or received)
            raise _refuse(
                self.crawler, "too-large", f"refused {request.url}: larger than DOWNLOAD_MAXSIZE"
            ) from None
        return None


# --- crawl traps ----------------------------------------------------------------------------------


class TrapFilterMiddleware:
    """Spider middleware: strips session and tracking parameters from requested URLs and drops
    (counting) requests that are crawl traps: repeated segments, deep paths, endless calendars."""

    def __init__(self, crawler, today: Callable[[], date] = date.today):
        settings = crawler.settings
        if not settings.getbool("WARTA_TRAP_FILTER"):
            raise NotConfigured
        self.crawler = crawler
        self.today = today
        self.limits = {
            "max_path_depth": settings.getint("WARTA_MAX_PATH_DEPTH"),
            "max_url_length": settings.getint("URLLENGTH_LIMIT") or 2083,
        }

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    def filter(self, request: Request) -> Request | None:
        """The request to send (session parameters stripped), or None when it is a trap."""
        stripped = strip_session_params(request.url)
        if stripped != request.url:
            self.crawler.stats.inc_value("warta/traps/stripped-params")
            request = request.replace(url=stripped)
        reason = trap_reason(request.url, today=self.today(), **self.limits)
        if reason:
            self.crawler.stats.inc_value(f"warta/errors/trap-{reason}")
            logger.info("crawl trap (%s) not followed: %s", reason, request.url)
            return None
        return request

    def _one(self, output: Any) -> Any:
        return self.filter(output) if isinstance(output, Request) else output

    def process_spider_output(self, response: Response, result: Iterable[Any]):
        for output in result:
            output = self._one(output)
            if output is not None:
                yield output

    async def process_spider_output_async(self, response: Response, result: AsyncIterator[Any]):
        async for output in result:
            output = self._one(output)
            if output is not None:
                yield output


class RedirectTrapMiddleware:
    """Refuses a redirect back into its own chain (a loop) or past REDIRECT_MAX_TIMES hops, before
    RedirectMiddleware follows it, so the outcome is counted (Scrapy's own stop is silent); and an
    article's redirect to an article URL this run queued itself (`redirect-to-queued`: fetched
    once, from its own request)."""

    def __init__(self, crawler):
        settings = crawler.settings
        if not (settings.getbool("WARTA_TRAP_FILTER") and settings.getbool("REDIRECT_ENABLED")):
            raise NotConfigured
        self.crawler = crawler
        self.max_hops = settings.getint("REDIRECT_MAX_TIMES")

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    def process_response(self, request: Request, response: Response) -> Response:
        meta = request.meta
        if (
            response.status not in REDIRECT_STATUSES
            or b"Location" not in response.headers
            or meta.get("dont_redirect")
            or meta.get("handle_httpstatus_all")
            or response.status in meta.get("handle_httpstatus_list", ())
        ):
            return response
        location = safe_url_string((response.headers[b"Location"] or b"").decode("latin-1"))
        target = urljoin(request.url, location)
        chain = [*meta.get("redirect_urls", ()), request.url]
        reason = redirect_trap(chain, target, max_hops=self.max_hops)
        if reason:
            raise _refuse(self.crawler, reason, f"{reason}: {request.url} -> {target}")
        if meta.get("kind") == "article" and self._queued_by_this_run(chain[0], target):
            raise _refuse(
                self.crawler,
                "redirect-to-queued",
                f"{chain[0]} redirects to {target}, which this run fetches itself",
                counter="warta/skipped",
                level=logging.INFO,
            )
        return response

    def _queued_by_this_run(self, asked: str, target: str) -> bool:
        from crawler.fingerprints import url_key

        archive = getattr(self.crawler.spider, "archive", None)
        run_id = int(self.crawler.stats.get_value("warta/run_id") or 0)
        key = url_key(target)
        if archive is None or key == url_key(asked):
            return False
        return redirects_to_queued(archive.url_state(key), run_id=run_id)


# --- seen set -------------------------------------------------------------------------------------


class DiskDupeFilter(BaseDupeFilter):
    """Scrapy's request dupefilter with its fingerprints on disk (crawler/crawl/policy/seenset.py), not in a
    Python set; kept in JOBDIR across clean resumes, emptied after a killed run."""

    def __init__(
        self,
        path: str | Path | None = None,
        debug: bool = False,
        *,
        fingerprinter=None,
        stats=None,
    ):
        self.fingerprinter = fingerprinter or RequestFingerprinter()
        self.seen = SeenSet(path)
        self.debug = debug
        self.stats = stats
        self.logdupes = True
        if self.seen.previous_run_unclean:
            logger.warning("the last run of %s was killed: its seen set starts empty", path)
        elif self.seen.resumed:
            logger.info("resuming with %d seen requests from %s", self.seen.resumed, path)

    @classmethod
    def from_crawler(cls, crawler):
        jobdir = job_dir(crawler.settings)
        path = None
        if jobdir:
            set_aside_unclean_queue(jobdir)  # before the scheduler reads its torn queue
            path = Path(jobdir, SEEN_FILE)
        dupefilter = cls(
            path,
            crawler.settings.getbool("DUPEFILTER_DEBUG"),
            fingerprinter=crawler.request_fingerprinter,
            stats=crawler.stats,
        )
        return dupefilter

    def request_seen(self, request: Request) -> bool:
        return not self.seen.add(self.fingerprinter.fingerprint(request))

    def close(self, reason: str) -> None:
        if self.stats is not None:
            self.stats.set_value("warta/seen/requests", len(self.seen))
        self.seen.close(clean=True)

    def log(self, request: Request, spider) -> None:
        if self.debug:
            logger.debug(
                "Filtered duplicate request: %(request)s (referer: %(referer)s)",
                {"request": request, "referer": referer_str(request)},
                extra={"spider": spider},
            )
        elif self.logdupes:
            logger.debug(
                "Filtered duplicate request: %(request)s - no more duplicates will be shown",
                {"request": request},
                extra={"spider": spider},
            )
            self.logdupes = False
        spider.crawler.stats.inc_value("dupefilter/filtered")
