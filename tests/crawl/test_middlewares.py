"""The Scrapy adapters, driven with Request/Response objects, stub resolvers and stub fetchers:
nothing here resolves a name or opens a connection (tests/netguard.py trips if anything tries)."""

from __future__ import annotations

import asyncio
import gzip
import zlib

import brotli
import pytest
import zstandard
from scrapy import Spider
from scrapy.exceptions import DownloadCancelledError, DownloadTimeoutError, NotConfigured
from scrapy.http import HtmlResponse, Request, Response, TextResponse
from scrapy.utils.test import get_crawler

import crawler.settings as project_settings
from crawler.crawl.middlewares import (
    AddressGuardMiddleware,
    CappedDecompressionMiddleware,
    DiskDupeFilter,
    PacingMiddleware,
    RedirectTrapMiddleware,
    Refused,
    RetryAfterMiddleware,
    RobotsPolicyMiddleware,
    TrapFilterMiddleware,
    pacer_for,
)
from crawler.crawl.policy.robots import rules_from_failure, rules_from_response
from crawler.crawl.policy.seenset import SEEN_FILE
from tests.netguard import loopback_only  # noqa: F401 - fixture

pytestmark = pytest.mark.usefixtures("loopback_only")

PORTAL = "http://127.0.0.1:8000"


def make_crawler(start_url: str = f"{PORTAL}/", **overrides):
    """A configured (not running) crawler with Warta's settings and a spider that has a start URL."""
    settings = {k: getattr(project_settings, k) for k in dir(project_settings) if k.isupper()}
    settings.update(overrides)
    crawler = get_crawler(Spider, settings)
    spider = Spider.from_crawler(crawler, name="portal")
    spider.start_url = start_url
    crawler.spider = spider
    return crawler


def run(coroutine):
    return asyncio.run(coroutine)


def stats(crawler) -> dict:
    return crawler.stats.get_stats()


class StubResolver:
    def __init__(self, zone):
        self.zone = zone
        self.asked: list[str] = []

    def __call__(self, host):
        self.asked.append(host)
        if host not in self.zone:
            raise OSError("stub: unknown name")
        return self.zone[host]


# --- address guard -----------------------------------------------------------------------------


ZONE = {
    "kabar-garut.example": ["93.184.216.34"],
    "metadata.example": ["169.254.169.254"],
    "intranet.example": ["10.0.0.5"],
    "localhost": ["127.0.0.1"],
}


def guard(start_url=f"{PORTAL}/", zone=ZONE):
    crawler = make_crawler(start_url)
    return crawler, AddressGuardMiddleware(crawler, resolver=StubResolver(zone))


@pytest.mark.parametrize(
    ("url", "kind"),
    [
        (f"{PORTAL}/2024/05/21/a/", None),  # the portal's own loopback address
        ("http://localhost:8000/", None),  # resolves to the same address
        ("http://kabar-garut.example/", None),  # public
        ("http://127.0.0.2:8000/", "address-loopback"),  # another loopback host
        ("http://169.254.169.254/latest/meta-data/", "address-link-local"),
        ("http://metadata.example/", "address-link-local"),
        ("http://intranet.example/", "address-private"),
        ("http://192.168.1.1/", "address-private"),
        ("http://nowhere.example/", "dns"),
        ("file:///etc/passwd", "scheme"),
    ],
)
def test_address_guard_on_requests(url, kind):
    crawler, middleware = guard()
    if kind is None:
        assert run(middleware.process_request(Request(url))) is None
        return
    with pytest.raises(Refused) as refused:
        run(middleware.process_request(Request(url)))
    assert refused.value.kind == kind
    assert stats(crawler)[f"warta/errors/{kind}"] == 1


def test_address_guard_checks_each_redirect_hop():
    # a redirect is a new request through the same middleware: its target is judged anew
    _crawler, middleware = guard("http://kabar-garut.example/")
    first = Request("http://kabar-garut.example/2024/05/21/a/")
    assert run(middleware.process_request(first)) is None
    hop = first.replace(url="http://metadata.example/latest/", meta={"redirect_urls": [first.url]})
    with pytest.raises(Refused):
        run(middleware.process_request(hop))


def test_a_public_portal_exempts_no_private_address():
    _crawler, middleware = guard("http://kabar-garut.example/")
    with pytest.raises(Refused):
        run(middleware.process_request(Request(f"{PORTAL}/")))


def test_literal_addresses_need_no_resolver_and_no_dns():
    crawler = make_crawler()
    middleware = AddressGuardMiddleware(crawler)  # the real path, but only literals are asked
    assert run(middleware.process_request(Request(f"{PORTAL}/x"))) is None
    with pytest.raises(Refused):
        run(middleware.process_request(Request("http://10.9.8.7/")))


def test_address_guard_switches_off():
    with pytest.raises(NotConfigured):
        AddressGuardMiddleware(make_crawler(WARTA_ADDRESS_GUARD=False))


# --- robots.txt -----------------------------------------------------------------------------------


class StubFetch:
    """Answers robots.txt fetches with given rules (or an exception), counting calls."""

    def __init__(self, make_rules, delay: float = 0.0):
        self.make_rules = make_rules
        self.delay = delay
        self.calls: list[str] = []

    async def __call__(self, robots_url):
        self.calls.append(robots_url)
        if self.delay:
            await asyncio.sleep(self.delay)
        result = self.make_rules()
        if isinstance(result, BaseException):
            raise result
        return result


ROBOTS = b"User-agent: *\nDisallow: /cari/\nCrawl-delay: 3\n"


def robots_middleware(make_rules, **settings):
    crawler = make_crawler(**settings)
    fetch = StubFetch(make_rules)
    return crawler, fetch, RobotsPolicyMiddleware(crawler, fetch=fetch, clock=lambda: 100.0)


def test_robots_allows_disallows_and_paces():
    crawler, fetch, middleware = robots_middleware(
        lambda: rules_from_response(200, ROBOTS, now=100)
    )
    assert run(middleware.process_request(Request(f"{PORTAL}/2024/05/21/a/"))) is None
    with pytest.raises(Refused) as refused:
        run(middleware.process_request(Request(f"{PORTAL}/cari/?q=banjir")))
    assert refused.value.kind == "robots-disallowed"
    assert stats(crawler)["warta/skipped/robots-disallowed"] == 1
    assert "warta/errors/robots-disallowed" not in stats(crawler)  # policy, not an error
    assert pacer_for(crawler).interval("127.0.0.1") == 3.0
    assert fetch.calls == [f"{PORTAL}/robots.txt"]  # cached: fetched once


@pytest.mark.parametrize(
    ("make_rules", "allowed"),
    [
        (lambda: rules_from_response(404, b"", now=100), True),
        (lambda: rules_from_response(403, b"", now=100), True),
        (lambda: rules_from_response(503, b"", now=100), False),
        (lambda: rules_from_response(429, b"", now=100), False),
        (lambda: rules_from_failure("timeout", now=100), False),
        (lambda: DownloadTimeoutError("stub"), False),
        (lambda: ConnectionResetError("stub"), False),
    ],
)
def test_robots_outcomes(make_rules, allowed):
    crawler, _fetch, middleware = robots_middleware(make_rules)
    request = Request(f"{PORTAL}/2024/05/21/a/")
    if allowed:
        assert run(middleware.process_request(request)) is None
        return
    with pytest.raises(Refused) as refused:
        run(middleware.process_request(request))
    assert refused.value.kind == "robots-unreachable"
    assert stats(crawler)["warta/errors/robots-unreachable"] == 1


def test_robots_is_fetched_once_for_concurrent_requests():
    crawler = make_crawler()
    fetch = StubFetch(lambda: rules_from_response(200, ROBOTS, now=100), delay=0.05)
    middleware = RobotsPolicyMiddleware(crawler, fetch=fetch, clock=lambda: 100.0)

    async def many():
        return await asyncio.gather(
            *(middleware.process_request(Request(f"{PORTAL}/p/{i}")) for i in range(5)),
            return_exceptions=True,
        )

    assert run(many()) == [None] * 5
    assert len(fetch.calls) == 1


def test_opted_out_requests_pass_without_a_fetch():
    _crawler, fetch, middleware = robots_middleware(lambda: rules_from_failure("timeout", now=0))
    opted = Request(f"{PORTAL}/x", meta={"dont_obey_robotstxt": True})
    assert run(middleware.process_request(opted)) is None
    assert fetch.calls == []


def test_an_unreachable_robots_txt_is_not_requested_again_for_the_spider():
    crawler, fetch, middleware = robots_middleware(lambda: rules_from_failure("timeout", now=0))
    with pytest.raises(Refused) as refused:
        run(middleware.process_request(Request(f"{PORTAL}/robots.txt")))
    assert refused.value.kind == "robots-unreachable"
    assert fetch.calls == [f"{PORTAL}/robots.txt"]
    assert crawler.stats.get_value("warta/errors/robots-unreachable") == 1


def test_without_a_kept_response_the_spiders_robots_request_goes_out():
    _crawler, fetch, middleware = robots_middleware(
        lambda: rules_from_response(200, ROBOTS, now=100)
    )
    assert run(middleware.process_request(Request(f"{PORTAL}/robots.txt"))) is None
    assert len(fetch.calls) == 1


def test_robots_refetched_after_expiry():
    crawler = make_crawler()
    fetch = StubFetch(lambda: rules_from_response(200, ROBOTS, now=now[0]))
    now = [100.0]
    middleware = RobotsPolicyMiddleware(crawler, fetch=fetch, clock=lambda: now[0])
    run(middleware.process_request(Request(f"{PORTAL}/a")))
    now[0] += 24 * 3600 + 1
    run(middleware.process_request(Request(f"{PORTAL}/b")))
    assert len(fetch.calls) == 2


class FakeEngine:
    def __init__(self, outcome):
        self.outcome = outcome
        self.requests: list[Request] = []

    async def download_async(self, request):
        self.requests.append(request)
        if isinstance(self.outcome, BaseException):
            raise self.outcome
        return self.outcome


@pytest.mark.parametrize(
    ("outcome", "verdict", "reason"),
    [
        (TextResponse(f"{PORTAL}/robots.txt", status=200, body=ROBOTS), "parsed", "http_200"),
        (Response(f"{PORTAL}/robots.txt", status=404), "allow-all", "http_404"),
        (Response(f"{PORTAL}/robots.txt", status=503), "disallow-all", "http_503"),
        (DownloadTimeoutError("stub"), "disallow-all", "timeout"),
        (ConnectionRefusedError("stub"), "disallow-all", "connection-refused"),
        (ValueError("stub"), "disallow-all", "network"),
        (Refused("redirect-chain", "stub"), "allow-all", "redirect-chain"),
        (Refused("address-link-local", "stub"), "disallow-all", "refused-address-link-local"),
    ],
)
def test_robots_download_outcomes(outcome, verdict, reason):
    crawler = make_crawler()
    crawler.engine = FakeEngine(outcome)
    middleware = RobotsPolicyMiddleware(crawler, clock=lambda: 100.0)
    rules = run(middleware._download(f"{PORTAL}/robots.txt"))
    assert (rules.verdict, rules.reason) == (verdict, reason)
    sent = crawler.engine.requests[0]
    assert sent.meta["dont_obey_robotstxt"] and sent.dont_filter


def test_the_spiders_robots_request_gets_the_fetched_response():
    crawler = make_crawler()
    fetched = TextResponse(
        f"{PORTAL}/robots.txt",
        status=200,
        body=ROBOTS,
        headers={"Content-Encoding": "gzip", "Content-Type": "text/plain"},
    )
    crawler.engine = FakeEngine(fetched)
    middleware = RobotsPolicyMiddleware(crawler, clock=lambda: 100.0)
    asked = Request(f"{PORTAL}/robots.txt", meta={"kind": "robots"})
    answer = run(middleware.process_request(asked))
    assert answer.body == ROBOTS and answer.status == 200 and answer.request is asked
    assert b"Content-Encoding" not in answer.headers  # decoded already: not to be decoded again
    assert len(crawler.engine.requests) == 1  # one robots.txt request reached the portal
    # an article after it needs no further fetch either
    assert run(middleware.process_request(Request(f"{PORTAL}/berita/a"))) is None
    assert len(crawler.engine.requests) == 1


@pytest.mark.parametrize("status", [404, 503, 429])
def test_a_robots_error_status_is_handed_on_only_when_it_is_final(status):
    crawler = make_crawler()
    crawler.engine = FakeEngine(Response(f"{PORTAL}/robots.txt", status=status))
    middleware = RobotsPolicyMiddleware(crawler, clock=lambda: 100.0)
    asked = Request(f"{PORTAL}/robots.txt")
    if status == 404:  # 4xx: every path allowed; the spider sees the 404 and reads no sitemaps
        assert run(middleware.process_request(asked)).status == 404
    else:  # 5xx, 429: the portal is disallowed for now and the request is not sent again
        with pytest.raises(Refused):
            run(middleware.process_request(asked))
    assert len(crawler.engine.requests) == 1


def test_robots_switches_off():
    with pytest.raises(NotConfigured):
        RobotsPolicyMiddleware(make_crawler(ROBOTSTXT_OBEY=False))


# --- pacing and Retry-After ---------------------------------------------------------------------


class Clock:
    def __init__(self, now=1_000_000.0):
        self.now = now

    def __call__(self):
        return self.now


def pacing(crawler, clock):
    waits: list[float] = []

    async def sleep(seconds):
        waits.append(seconds)
        clock.now += seconds

    return waits, PacingMiddleware(crawler, sleep=sleep, clock=clock)


def test_crawl_delay_spaces_request_starts():
    crawler, clock = make_crawler(), Clock()
    waits, middleware = pacing(crawler, clock)
    pacer_for(crawler).set_interval("127.0.0.1", 3.0)
    for i in range(3):
        run(middleware.process_request(Request(f"{PORTAL}/{i}")))
    assert waits == [3.0, 3.0]
    run(middleware.process_request(Request("http://kabar-garut.example/")))  # other host: free
    assert waits == [3.0, 3.0]


def retry_middleware(crawler, clock):
    middleware = RetryAfterMiddleware(crawler.settings, clock=clock)
    middleware.crawler = crawler
    middleware.pacer = pacer_for(crawler)
    return middleware


def test_retry_after_pauses_the_host_and_the_retry():
    crawler, clock = make_crawler(WARTA_RETRY_BACKOFF_BASE=0.5), Clock()
    retry = retry_middleware(crawler, clock)
    request = Request(f"{PORTAL}/a")
    response = Response(request.url, status=503, headers={"Retry-After": "7"})
    again = retry.process_response(request, response)
    assert isinstance(again, Request)
    assert again.meta["retry_times"] == 1
    assert again.meta["warta_not_before"] == clock.now + 7
    waits, pacing_mw = pacing(crawler, clock)
    run(pacing_mw.process_request(Request(f"{PORTAL}/other-page")))  # the whole host waits
    assert waits == [7.0]
    assert stats(crawler)["warta/retry/retry-after-honoured"] == 1


def test_retries_back_off_then_give_up():
    crawler, clock = make_crawler(RETRY_TIMES=3, WARTA_RETRY_BACKOFF_BASE=1.0), Clock()
    retry = retry_middleware(crawler, clock)
    request = Request(f"{PORTAL}/a")
    waits = []
    for _ in range(3):
        again = retry.process_response(request, Response(request.url, status=500))
        assert isinstance(again, Request)
        waits.append(again.meta["warta_not_before"] - clock.now)
        request = again
    assert 0.5 <= waits[0] <= 1.0 and 1.0 <= waits[1] <= 2.0 and 2.0 <= waits[2] <= 4.0
    final = Response(request.url, status=500)
    assert retry.process_response(request, final) is final  # gave up: the spider counts http_500
    assert stats(crawler)["retry/max_reached"] == 1


def test_a_too_long_retry_after_gives_up_at_once():
    crawler, clock = make_crawler(WARTA_RETRY_AFTER_MAX=60), Clock()
    retry = retry_middleware(crawler, clock)
    request = Request(f"{PORTAL}/a")
    response = Response(request.url, status=429, headers={"Retry-After": "86400"})
    assert retry.process_response(request, response) is response
    assert stats(crawler)["warta/errors/retry-after-too-long"] == 1


def test_429_without_retry_after_pauses_the_host():
    crawler, clock = make_crawler(WARTA_RETRY_BACKOFF_BASE=2.0), Clock()
    retry = retry_middleware(crawler, clock)
    retry.process_response(Request(f"{PORTAL}/a"), Response(f"{PORTAL}/a", status=429))
    assert pacer_for(crawler).paused_until("127.0.0.1") >= clock.now + 1.0


def test_exceptions_are_retried_with_backoff():
    crawler, clock = make_crawler(WARTA_RETRY_BACKOFF_BASE=4.0), Clock()
    retry = retry_middleware(crawler, clock)
    again = retry.process_exception(Request(f"{PORTAL}/a"), DownloadTimeoutError("stub"))
    assert isinstance(again, Request)
    assert 2.0 <= again.meta["warta_not_before"] - clock.now <= 4.0


def test_pacing_caps_a_wait_from_a_jumped_clock():
    crawler, clock = make_crawler(WARTA_RETRY_AFTER_MAX=10), Clock()
    waits, middleware = pacing(crawler, clock)
    request = Request(f"{PORTAL}/a", meta={"warta_not_before": clock.now + 10_000})
    run(middleware.process_request(request))
    assert waits == [10.0]


# --- decompression --------------------------------------------------------------------------------

PAGE = (
    "<html><head><title>Banjir</title></head><body><p>"
    + "Warga Garut mengungsi. " * 50
    + "</p></body></html>"
).encode()
CAP = 64 * 1024


def decompression(**settings):
    crawler = make_crawler(WARTA_MAX_DECOMPRESSED_SIZE=CAP, **settings)
    return crawler, CappedDecompressionMiddleware(crawler)


def compressed(coding: str, data: bytes) -> bytes:
    return {  # fastest levels: the tests compress up to 100 MB of zeros
        "gzip": lambda d: gzip.compress(d, compresslevel=1),
        "deflate": lambda d: zlib.compress(d, 1),
        "br": lambda d: brotli.compress(d, quality=1),
        "zstd": zstandard.ZstdCompressor(level=1).compress,
    }[coding](data)


def encoded_response(body: bytes, coding: str, content_type="text/html; charset=utf-8"):
    return Response(
        f"{PORTAL}/a",
        status=200,
        body=body,
        headers={"Content-Encoding": coding, "Content-Type": content_type},
    )


@pytest.mark.parametrize("coding", ["gzip", "deflate", "br", "zstd"])
def test_decodes_each_coding(coding):
    _crawler, middleware = decompression()
    request = Request(f"{PORTAL}/a")
    decoded = middleware.process_response(
        request, encoded_response(compressed(coding, PAGE), coding)
    )
    assert isinstance(decoded, HtmlResponse)
    assert decoded.body == PAGE
    assert b"Content-Encoding" not in decoded.headers
    assert "Banjir" in decoded.text


@pytest.mark.parametrize("coding", ["gzip", "deflate", "br", "zstd"])
def test_a_bomb_stops_at_the_cap(coding):
    crawler, middleware = decompression()
    bomb = compressed(coding, b"\0" * (CAP * 50))
    with pytest.raises(Refused) as refused:
        middleware.process_response(Request(f"{PORTAL}/a"), encoded_response(bomb, coding))
    assert refused.value.kind == "too-large"
    assert stats(crawler)["warta/errors/too-large"] == 1


@pytest.mark.parametrize(
    ("body", "coding"),
    [
        (gzip.compress(PAGE, mtime=0)[:-40], "gzip"),  # truncated
        (b"this is not gzip at all", "gzip"),
        (compressed("zstd", PAGE)[:-5], "zstd"),
        (PAGE, "compress"),  # a coding nobody decodes
    ],
    # named, not by their bytes: a gzip header's time made the ids differ between two
    # pytest-xdist workers that collected in different seconds
    ids=["truncated-gzip", "not-gzip", "truncated-zstd", "unknown-coding"],
)
def test_a_corrupt_body_is_refused_not_half_used(body, coding):
    _crawler, middleware = decompression()
    with pytest.raises(Refused) as refused:
        middleware.process_response(Request(f"{PORTAL}/a"), encoded_response(body, coding))
    assert refused.value.kind == "bad-encoding"


def test_stacked_codings_and_identity():
    _crawler, middleware = decompression()
    twice = gzip.compress(brotli.compress(PAGE))
    out = middleware.process_response(Request(f"{PORTAL}/a"), encoded_response(twice, "br, gzip"))
    assert out.body == PAGE
    plain = encoded_response(PAGE, "identity")
    assert middleware.process_response(Request(f"{PORTAL}/a"), plain) is plain
    head = Request(f"{PORTAL}/a", method="HEAD")
    bogus = encoded_response(b"", "gzip")
    assert middleware.process_response(head, bogus) is bogus


def test_accept_encoding_and_oversized_transfers():
    _crawler, middleware = decompression()
    request = Request(f"{PORTAL}/a")
    middleware.process_request(request)
    assert request.headers[b"Accept-Encoding"] == b"gzip, deflate, br, zstd"
    with pytest.raises(Refused) as refused:
        middleware.process_exception(request, DownloadCancelledError("over DOWNLOAD_MAXSIZE"))
    assert refused.value.kind == "too-large"
    assert middleware.process_exception(request, DownloadTimeoutError("x")) is None


def test_decompression_switches_off():
    with pytest.raises(NotConfigured):
        CappedDecompressionMiddleware(make_crawler(COMPRESSION_ENABLED=False))


# --- traps ---------------------------------------------------------------------------------------


def test_trap_filter_drops_counts_and_strips():
    from datetime import date

    crawler = make_crawler()
    middleware = TrapFilterMiddleware(crawler, today=lambda: date(2024, 6, 1))
    item = {"title": "bukan request"}
    output = [
        Request(f"{PORTAL}/2024/05/21/a/"),
        Request(f"{PORTAL}/agenda/2030/01/"),
        Request(f"{PORTAL}/x/y/x/y/x/"),
        Request(f"{PORTAL}/page/2/?PHPSESSID=77&paged=2"),
        item,
    ]
    kept = list(middleware.process_spider_output(None, output))
    assert [getattr(o, "url", o) for o in kept] == [
        f"{PORTAL}/2024/05/21/a/",
        f"{PORTAL}/page/2/?paged=2",
        item,
    ]
    counted = stats(crawler)
    assert counted["warta/errors/trap-calendar"] == 1
    assert counted["warta/errors/trap-repeated-segment"] == 1
    assert counted["warta/traps/stripped-params"] == 1

    async def source():
        for o in output:
            yield o

    async def collect():
        return [o async for o in middleware.process_spider_output_async(None, source())]

    assert len(run(collect())) == 3


def test_redirect_traps_are_refused_before_following():
    crawler = make_crawler(REDIRECT_MAX_TIMES=3)
    middleware = RedirectTrapMiddleware(crawler)

    def redirect(request, location, status=302):
        return middleware.process_response(
            request, Response(request.url, status=status, headers={"Location": location})
        )

    first = Request(f"{PORTAL}/a")
    response = redirect(first, "/b")
    assert response.status == 302  # a normal hop goes on to RedirectMiddleware
    looped = Request(f"{PORTAL}/b", meta={"redirect_urls": [f"{PORTAL}/a"]})
    with pytest.raises(Refused) as refused:
        redirect(looped, f"{PORTAL}/a")
    assert refused.value.kind == "redirect-loop"
    long = Request(f"{PORTAL}/r/3", meta={"redirect_urls": [f"{PORTAL}/r/{i}" for i in range(3)]})
    with pytest.raises(Refused) as refused:
        redirect(long, "/r/4")
    assert refused.value.kind == "redirect-chain"
    handled = Request(
        f"{PORTAL}/b", meta={"redirect_urls": [f"{PORTAL}/a"], "handle_httpstatus_list": [302]}
    )
    assert redirect(handled, f"{PORTAL}/a").status == 302
    assert middleware.process_response(first, Response(first.url, status=304)).status == 304


def test_an_articles_redirect_to_an_article_this_run_queued_is_not_followed(tmp_path):
    from types import SimpleNamespace

    from crawler.archive import Archive
    from crawler.fingerprints import url_key

    crawler = make_crawler()
    crawler.stats.set_value("warta/run_id", 7)
    middleware = RedirectTrapMiddleware(crawler)
    with Archive(tmp_path / "archive.db") as archive:
        crawler.spider = SimpleNamespace(archive=archive)
        for path, run in (("/2024/05/banjir-garut/", 7), ("/2024/05/jalan-rusak/", 6)):
            url = f"{PORTAL}{path}"
            archive.note_urls([{"url_key": url_key(url), "url": url, "site": "portal",
                                "kind": "article", "channel": "sitemap"}])  # fmt: skip
            archive.mark_queued(url_key(url), run)

        def redirect(path, location, kind="article"):
            request = Request(f"{PORTAL}{path}", meta={"kind": kind})
            response = Response(request.url, status=301, headers={"Location": location})
            return middleware.process_response(request, response)

        with pytest.raises(Refused) as refused:  # queued by this run: fetched once, on its own
            redirect("/read/123/", "/2024/05/banjir-garut/")
        assert refused.value.kind == "redirect-to-queued"
        assert stats(crawler)["warta/skipped/redirect-to-queued"] == 1
        assert redirect("/read/124/", "/2024/05/jalan-rusak/").status == 301  # an earlier run's
        assert redirect("/read/125/", "/2024/05/baru/").status == 301  # never seen
        assert redirect("/2024/05/banjir-garut", "/2024/05/banjir-garut/").status == 301  # itself
        assert redirect("/kategori/", "/2024/05/banjir-garut/", kind="listing").status == 301


# --- the on-disk dupefilter ----------------------------------------------------------------------


def test_dupefilter_filters_duplicates_on_disk(tmp_path):
    crawler = make_crawler(JOBDIR=str(tmp_path / "job"))
    dupefilter = DiskDupeFilter.from_crawler(crawler)
    assert not dupefilter.request_seen(Request(f"{PORTAL}/a?x=1&y=2"))
    assert dupefilter.request_seen(Request(f"{PORTAL}/a?y=2&x=1"))  # Scrapy's canonical form
    assert dupefilter.request_seen(Request(f"{PORTAL}/a?x=1&y=2#frag"))
    assert not dupefilter.request_seen(Request(f"{PORTAL}/a?x=1&y=2", method="POST"))
    dupefilter.close("finished")
    assert (tmp_path / "job" / SEEN_FILE).exists()
    assert stats(crawler)["warta/seen/requests"] == 2


def test_dupefilter_resumes_after_a_clean_close(tmp_path):
    crawler = make_crawler(JOBDIR=str(tmp_path / "job"))
    first = DiskDupeFilter.from_crawler(crawler)
    first.request_seen(Request(f"{PORTAL}/a"))
    first.close("shutdown")
    second = DiskDupeFilter.from_crawler(make_crawler(JOBDIR=str(tmp_path / "job")))
    assert second.request_seen(Request(f"{PORTAL}/a"))
    second.close("finished")


def test_dupefilter_after_a_killed_run_starts_empty_and_sets_the_queue_aside(tmp_path):
    job = tmp_path / "job"
    killed = DiskDupeFilter.from_crawler(make_crawler(JOBDIR=str(job)))
    killed.request_seen(Request(f"{PORTAL}/a"))
    killed.seen.commit()  # durable, but the run never closes: as after SIGKILL
    (job / "requests.queue").mkdir()
    (job / "requests.queue" / "active.json").write_text("[]")
    resumed = DiskDupeFilter.from_crawler(make_crawler(JOBDIR=str(job)))
    assert resumed.seen.previous_run_unclean
    assert not resumed.request_seen(Request(f"{PORTAL}/a"))  # found again, fetched again
    assert not (job / "requests.queue").exists()
    assert (job / "requests.queue.abandoned" / "active.json").exists()
    resumed.close("finished")


def test_dupefilter_without_jobdir_leaves_no_file():
    dupefilter = DiskDupeFilter.from_crawler(make_crawler())
    path = dupefilter.seen.path
    assert not dupefilter.request_seen(Request(f"{PORTAL}/a"))
    assert path.exists()
    dupefilter.close("finished")
    assert not path.exists()


@pytest.mark.parametrize("coding", ["gzip", "deflate", "br", "zstd"])
def test_a_bomb_costs_little_memory_at_the_real_cap(coding):
    import tracemalloc

    cap = project_settings.WARTA_MAX_DECOMPRESSED_SIZE
    crawler = make_crawler()
    middleware = CappedDecompressionMiddleware(crawler)
    bomb = compressed(coding, b"\0" * (cap * 5))  # 100 MB of zeros, a few hundred KB on the wire
    response = encoded_response(bomb, coding)
    tracemalloc.start()
    try:
        with pytest.raises(Refused):
            middleware.process_response(Request(f"{PORTAL}/a"), response)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 1.1 * cap + 2 * 1024 * 1024  # stops at the cap: never 1.1x past it
    assert peak < 50 * 1024 * 1024  # issue 8: under 50 MB of growth
