"""The fault portal: hostile and broken portals on 127.0.0.1, and a harness that crawls them with the
real `warta crawl` and says, per fault kind, how often it was injected and how the crawl ended it.

with serve_fault_portals() as portals:          # a subprocess, one port per portal
    portals.urls["main"]                          # http://127.0.0.1:PORT/
    result = crawl_fault_portals(portals, db)     # `warta crawl` in a subprocess, peak memory
    fault_table(result)                           # rows: kind, injected, outcome, data lost
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent.parent
STARTUP_SECONDS = 30
PROXY_VARS = ("http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "all_proxy")

CRAWL_SETTINGS = {
    "DOWNLOAD_DELAY": "0",
    "AUTOTHROTTLE_ENABLED": "False",
    "CONCURRENT_REQUESTS_PER_DOMAIN": "8",
    "DOWNLOAD_TIMEOUT": "3",  # the stall (10 s) must end as a time-out; a busy machine's pages not
    "RETRY_TIMES": "2",
    "WARTA_RETRY_BACKOFF_BASE": "0.2",
    "WARTA_RETRY_AFTER_MAX": "30",  # the portal's 86,400 s Retry-After gives up at once
}
"""Settings of the fault crawl: loopback speed, a short time-out, quick but real backoff."""


@dataclass(frozen=True)
class Fault:
    """How one fault kind must end in a crawl."""

    kind: str
    outcome: str
    """The README table's words for the outcome."""
    url_outcome: str | None = None
    """The `urls.outcome` the archive must record for the fault's own URL, when it has one
    (ending in `:`, any outcome of that family: `dropped:` is any drop)."""
    counter: str | None = None
    """A crawl stat that must be at least 1 in the portal's run."""
    portal: str = "main"


FAULTS = [
    Fault("http-500", "retried with backoff, given up, counted", "error:http_500"),
    Fault("http-502", "retried with backoff, given up, counted", "error:http_502"),
    Fault("http-503", "retried with backoff, given up, counted", "error:http_503"),
    Fault("http-503-retry-after", "Retry-After honoured (portal paused), given up, counted",
          "error:http_503", "warta/retry/retry-after-honoured"),
    Fault("http-429-retry-after", "Retry-After honoured (portal paused), given up, counted",
          "error:http_429", "warta/retry/retry-after-honoured"),
    Fault("retry-after-too-long", "86,400 s not waited for: given up at once, counted",
          "error:http_503", "warta/errors/retry-after-too-long"),
    Fault("http-503-then-ok", "retried after Retry-After, then archived", "article"),
    Fault("reset-mid-body", "retried, given up, counted; nothing half-stored",
          "error:ResponseDataLossError"),
    Fault("stall", "timed out, retried, given up, counted", "error:timeout"),
    Fault("truncated-gzip", "refused as bad-encoding; nothing half-stored", "error:bad-encoding"),
    Fault("gzip-bomb", "decoding stopped at the 20 MB cap, refused", "error:too-large"),
    Fault("brotli-bomb", "decoding stopped at the 20 MB cap, refused", "error:too-large"),
    Fault("zstd-bomb", "decoding stopped at the 20 MB cap, refused", "error:too-large"),
    Fault("page-50mb", "refused on its Content-Length (DOWNLOAD_MAXSIZE)", "error:too-large"),
    Fault("page-50mb-chunked", "cut at DOWNLOAD_MAXSIZE while streaming, refused",
          "error:too-large"),
    Fault("redirect-chain", "stopped at REDIRECT_MAX_TIMES, counted", None,
          "warta/errors/redirect-chain"),
    Fault("redirect-loop", "loop seen on its second lap, counted", None,
          "warta/errors/redirect-loop"),
    Fault("redirect-other-host", "refused by the address guard before connecting", None,
          "warta/errors/address-loopback"),
    Fault("invalid-utf8", "archived, bad bytes replaced", "article"),
    Fault("lying-charset", "archived, decoded as the UTF-8 it is", "article"),
    Fault("no-body", "dropped as empty, counted", "dropped:empty-body"),
    Fault("nested-100k", "parsed without harm; nothing usable: dropped as empty, counted",
          "dropped:empty-body"),
    Fault("binary-as-html", "dropped as no article, counted", "dropped:"),
    Fault("split-page-500", "page 1 archived; the failing page 2 counted (part-missing), logged",
          "article", "warta/articles/part-missing"),
    Fault("entity-bomb-sitemap", "refused before parsing (DTD), counted", None,
          "warta/errors/bad-sitemap"),
    Fault("endless-calendar", "stopped past tomorrow's date, counted", None,
          "warta/errors/trap-calendar", "traps"),
    Fault("session-ids", "session id stripped, the page fetched once", None,
          "warta/traps/stripped-params", "traps"),
    Fault("relative-link-loop", "stopped at 3 repeated segments, counted", None,
          "warta/errors/trap-repeated-segment", "traps"),
    Fault("deep-path", "stopped past 12 path segments, counted", None,
          "warta/errors/trap-path-depth", "traps"),
    Fault("robots-disallowed", "not fetched (robots.txt Disallow), counted",
          "error:robots-disallowed", "warta/skipped/robots-disallowed"),
    Fault("robots-500", "whole portal disallowed for now, counted", None,
          "warta/errors/robots-unreachable", "robots-500"),
    Fault("robots-503", "whole portal disallowed for now, counted", None,
          "warta/errors/robots-unreachable", "robots-503"),
    Fault("robots-429", "whole portal disallowed for now, counted", None,
          "warta/errors/robots-unreachable", "robots-429"),
    Fault("robots-stall", "timed out: whole portal disallowed for now", None,
          "warta/errors/robots-unreachable", "robots-stall"),
    Fault("robots-reset", "network error: whole portal disallowed for now", None,
          "warta/errors/robots-unreachable", "robots-reset"),
    Fault("robots-404", "4xx: everything allowed, articles archived", None,
          "warta/articles/new", "robots-404"),
    Fault("robots-403", "4xx: everything allowed, articles archived", None,
          "warta/articles/new", "robots-403"),
]  # fmt: skip
"""Every fault the portal injects and how the crawl must end it."""


class FaultPortalError(RuntimeError):
    """The fault portal did not start."""


@dataclass
class FaultPortals:
    """Running fault portals: their URLs by portal name and the server's injection counts."""

    urls: dict[str, str]
    process: subprocess.Popen

    def counts(self) -> dict[str, int]:
        """Injections per fault kind so far."""
        opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
        with opener.open(self.urls["main"] + "__faults__", timeout=10) as response:
            return json.loads(response.read())

    def request_times(self) -> dict[str, list[float]]:
        """Monotonic arrival times of every request, by `<portal><path>`."""
        opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
        with opener.open(self.urls["main"] + "__times__", timeout=10) as response:
            return json.loads(response.read())

    def site_of(self, portal: str) -> str:
        """The archive's `site` of a portal (host:port)."""
        return self.urls[portal].split("//", 1)[1].rstrip("/")


@contextmanager
def serve_fault_portals() -> Iterator[FaultPortals]:
    """Serve the fault portals from a subprocess (`python -m tests.faultportal`); stop on exit."""
    env = {k: v for k, v in os.environ.items() if k not in PROXY_VARS}
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO), env.get("PYTHONPATH")]))
    process = subprocess.Popen(
        [sys.executable, "-m", "tests.faultportal"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=REPO,
        env=env,
    )
    try:
        import selectors

        selector = selectors.DefaultSelector()
        selector.register(process.stdout, selectors.EVENT_READ)
        if not selector.select(STARTUP_SECONDS):
            raise FaultPortalError(f"fault portal printed nothing in {STARTUP_SECONDS} s")
        line = process.stdout.readline()
        try:
            urls = json.loads(line)["portals"]
        except (ValueError, KeyError) as exc:
            raise FaultPortalError(f"fault portal said {line!r}") from exc
        yield FaultPortals(urls, process)
    finally:
        if process.poll() is None:
            process.send_signal(signal.SIGTERM)
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        for stream in (process.stdout, process.stderr):
            if stream:
                stream.close()


@dataclass
class CrawlResult:
    """A `warta crawl` of the fault portals: exit, output, peak memory, runs, injections."""

    returncode: int
    stdout: str
    stderr: str
    max_rss_kib: int
    seconds: float
    runs: list[dict[str, Any]] = field(default_factory=list)
    injected: dict[str, int] = field(default_factory=dict)
    baseline_rss_kib: int = 0
    """Peak of a fault-free crawl with the same settings, when measured."""


def run_measured(
    command: list[str], *, timeout: float, env: dict[str, str] | None = None
) -> tuple[int, str, str, int, float]:
    """Run a command; return (exit code, stdout, stderr, peak RSS of that process in KiB, seconds).

    The peak is the child's VmHWM (its own address space's high-water mark, read from /proc
    while it runs): ru_maxrss would also carry the parent's RSS over fork and exec."""
    import tempfile

    started = time.monotonic()
    full_env = {k: v for k, v in os.environ.items() if k not in PROXY_VARS}
    full_env.update(env or {})
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        with open(os.devnull, "rb") as devnull:
            process = subprocess.Popen(
                command, cwd=REPO, env=full_env, stdin=devnull, stdout=out, stderr=err
            )
        deadline = started + timeout
        peak = 0
        while True:
            peak = max(peak, _vm_hwm_kib(process.pid))
            pid, status, usage = os.wait4(process.pid, os.WNOHANG)
            if pid:
                break
            if time.monotonic() > deadline:
                process.kill()
                pid, status, usage = os.wait4(process.pid, 0)
                break
            time.sleep(0.02)
        process.returncode = os.waitstatus_to_exitcode(status)  # reaped here, not by Popen
        out.seek(0)
        err.seek(0)
        stdout = out.read().decode("utf-8", "replace")
        stderr = err.read().decode("utf-8", "replace")
    return process.returncode, stdout, stderr, peak or usage.ru_maxrss, time.monotonic() - started


def _vm_hwm_kib(pid: int) -> int:
    """A running process's peak resident memory in KiB (0 when it cannot be read)."""
    try:
        with open(f"/proc/{pid}/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def crawl_fault_portals(
    portals: FaultPortals, db: Path, *, only: list[str] | None = None, timeout: float = 240
) -> CrawlResult:
    """Crawl every fault portal (or `only` these) with the real `warta crawl` CLI into `db`."""
    from crawler.archive.storage import Archive

    urls = [portals.urls[name] for name in only] if only else list(portals.urls.values())
    command = [sys.executable, "-m", "crawler.cli", "crawl", *urls]
    for name, value in CRAWL_SETTINGS.items():
        command += ["-s", f"{name}={value}"]
    command += ["--db", str(db), "--log-level", "INFO"]
    returncode, stdout, stderr, peak, seconds = run_measured(command, timeout=timeout)
    result = CrawlResult(returncode, stdout, stderr, peak, seconds, injected=portals.counts())
    if db.exists():
        with Archive(db, readonly=True) as archive:
            result.runs = archive.runs(limit=100)
    return result


def run_stats(result: CrawlResult, portals: FaultPortals, portal: str) -> dict[str, Any]:
    """The Scrapy stats of the run of one portal."""
    site = portals.site_of(portal)
    for run in result.runs:
        if run["site"] == site:
            return json.loads(run.get("stats") or "{}")
    return {}


def _urls_outcomes(db: Path) -> dict[str, str | None]:
    from crawler.archive.storage import Archive

    with Archive(db, readonly=True) as archive:
        return dict(archive.conn.execute("SELECT url, outcome FROM urls"))


def healthy_truth(portals: FaultPortals) -> dict[str, list]:
    """The healthy articles each portal serves, with absolute URLs: {portal: [(url, Article)]}."""
    from tests.faultportal import server

    truth: dict[str, list] = {
        "main": [(None, a) for a in server.healthy()],
        "traps": [(None, a) for a in server.traps_articles()],
    }
    for index, kind in enumerate(server.ROBOTS_FAULTS):
        offset = server.HEALTHY + server.ROBOTS_PORTAL_ARTICLES * index
        truth[kind] = [
            (None, a) for a in server.healthy(n=server.ROBOTS_PORTAL_ARTICLES, offset=offset)
        ]
    return {
        portal: [(portals.urls[portal].rstrip("/") + a.path, a) for _, a in items]
        for portal, items in truth.items()
    }


def lost_articles(portals: FaultPortals, db: Path, portal: str) -> list[str]:
    """Healthy articles of a reachable portal that are missing or not stored whole."""
    from crawler.archive.storage import Archive
    from crawler.fingerprints import url_key

    lost = []
    with Archive(db, readonly=True) as archive:
        for url, article in healthy_truth(portals)[portal]:
            row = archive.get_article(url_key(url))
            if row is None or row["title"] != article.title or row["body"] != article.body:
                lost.append(url)
    return lost


@dataclass
class Observation:
    """What the crawl did with one fault."""

    fault: Fault
    injected: int
    url_outcome: str | None
    counter: int
    ok: bool


def observe(result: CrawlResult, portals: FaultPortals, db: Path) -> list[Observation]:
    """Per fault kind: how often it was injected, what the archive and the stats show, and
    whether that is the expected outcome."""
    from tests.faultportal import server

    outcomes = _urls_outcomes(db) if db.exists() else {}
    observations = []
    for fault in FAULTS:
        stats = run_stats(result, portals, fault.portal)
        url_outcome = None
        if fault.kind in server.ARTICLE_FAULTS:
            url = portals.urls["main"].rstrip("/") + server.fault_path(fault.kind)
            url_outcome = outcomes.get(url)
        counter = int(stats.get(fault.counter, 0)) if fault.counter else 0
        expected = fault.url_outcome
        outcome_ok = expected is None or (
            url_outcome == expected
            or (expected.endswith(":") and (url_outcome or "").startswith(expected))
        )
        ok = outcome_ok and (fault.counter is None or counter >= 1)
        injected = result.injected.get(fault.kind, 0)
        if fault.kind == "robots-disallowed":
            injected = 1  # offered once in the sitemap; the server never had to answer it
        observations.append(Observation(fault, injected, url_outcome, counter, ok))
    return observations


def fault_table(observations: list[Observation], *, data_lost: str) -> str:
    """The README's Markdown table: fault kind, times injected, outcome, data lost."""
    lines = [
        "| fault | injected | outcome | as expected | data lost |",
        "|---|---:|---|---|---|",
    ]
    for o in observations:
        lines.append(
            f"| {o.fault.kind} | {o.injected} | {o.fault.outcome} | "
            f"{'yes' if o.ok else 'NO'} | {data_lost} |"
        )
    return "\n".join(lines)
