"""Distributed-crawl benchmark: pages/s with 1, 2 and 4 `warta worker` processes on one Redis
against test portals whose server waits a fixed time before every response (so the crawl is bound
by latency and per-worker concurrency, not by this machine's 2 cores), and the ingester's
articles/s draining a full item queue into a fresh archive.

Run `python bench/distributed.py` (markdown table) or with `--json`. Everything runs on 127.0.0.1:
its own redis-server (skipped cleanly, exit 0, when the binary is absent), the test portals in a
subprocess, real worker and ingester processes.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Any

if __package__ in (None, ""):  # run as a script: make the repo importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import redis

from crawler.archive.storage import Archive
from crawler.distributed import Frontier, Ingester, encode_item
from crawler.items import ArticleItem
from crawler.testportal import PortalSpec, serve_portals

REPO = Path(__file__).resolve().parent.parent
PORTALS = 4  # portals crawled at once: the fleet's share of each stays within its politeness cap
ARTICLES = 40  # generated articles per portal (about 2.8 pages fetched per article)
DELAY_MS = 800  # the server's wait before every response: latency-bound, so 2 cores keep up
WORKER_CONCURRENCY = 4  # requests one worker keeps in flight (CONCURRENT_REQUESTS)
PORTAL_CONCURRENCY = 16  # fleet-wide per-portal cap: above 4 workers x 4, so never the limit here
INGEST_MESSAGES = 1000  # article messages the ingester drains in its own measurement
START_TIMEOUT = 120  # seconds for processes to come up on a loaded machine
PROXY_VARS = ("http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "all_proxy")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def local_redis(folder: Path):
    """A redis-server on 127.0.0.1 (free port, no persistence) for the length of the block."""
    binary = shutil.which("redis-server")
    port = _free_port()
    process = subprocess.Popen(
        [binary, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
         "--dir", str(folder)],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    url = f"redis://127.0.0.1:{port}/0"
    try:
        client = redis.Redis.from_url(url)
        deadline = time.monotonic() + 10
        while True:
            try:
                client.ping()
                break
            except redis.ConnectionError:
                if time.monotonic() > deadline or process.poll() is not None:
                    raise SystemExit("redis-server did not start") from None
                time.sleep(0.05)
        yield url
    finally:
        process.terminate()
        process.wait(timeout=10)


def _env(url: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in PROXY_VARS}
    env.update({"WARTA_REDIS_URL": url, "NO_PROXY": "127.0.0.1,localhost"})
    return env


def _warta(*args: str, env: dict[str, str], log: Path | None = None) -> subprocess.Popen:
    out = open(log, "w") if log else subprocess.DEVNULL  # noqa: SIM115 - lives with the process
    return subprocess.Popen(
        [sys.executable, "-m", "crawler.cli", *args], cwd=REPO, env=env, stdout=out,
        stderr=subprocess.STDOUT,
    )  # fmt: skip


def _wait(condition, timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise SystemExit(f"timed out waiting for {what}")
        time.sleep(0.05)


def crawl_with(workers: int, portals: list, url: str, folder: Path) -> dict[str, Any]:
    """One distributed crawl of the portals with `workers` workers; the clock runs from seeding
    (workers already up and waiting) until the frontier is drained."""
    redis.Redis.from_url(url).flushall()
    frontier = Frontier.connect(url)
    env = _env(url)
    db = folder / f"archive-{workers}.db"
    ingester = _warta("ingest", "--db", str(db), "--until-done", env=env, log=folder / "ingest.log")
    _wait(frontier.known_ready, START_TIMEOUT, "the ingester")
    settings = [
        "-s", "DOWNLOAD_DELAY=0", "-s", "AUTOTHROTTLE_ENABLED=False",
        "-s", f"CONCURRENT_REQUESTS={WORKER_CONCURRENCY}",
        "-s", f"CONCURRENT_REQUESTS_PER_DOMAIN={PORTAL_CONCURRENCY}",
    ]  # fmt: skip
    fleet = [
        _warta("worker", "--until-done", *settings, env=env, log=folder / f"worker{i}.log")
        for i in range(workers)
    ]
    _wait(lambda: len(frontier.workers()) == workers, START_TIMEOUT, "the workers")
    seeded = subprocess.run(
        [sys.executable, "-m", "crawler.cli", "crawl", *[p.url for p in portals]],
        cwd=REPO, env=env, capture_output=True, text=True, check=True,
    )  # fmt: skip
    started = time.monotonic()
    assert "seeded" in seeded.stdout
    most_waiting = 0

    def done() -> bool:
        nonlocal most_waiting
        most_waiting = max(most_waiting, frontier.waiting())
        return frontier.drained()

    time.sleep(0.5)  # let the seeds be claimed
    _wait(done, 30 * 60, "the crawl")
    seconds = time.monotonic() - started
    pages = sum(int(v) for v in frontier.redis.hvals(frontier.keys.portal_claimed))
    for process in [*fleet, ingester]:
        process.wait(timeout=START_TIMEOUT)
    with Archive(db, readonly=True) as archive:
        articles = archive.count_articles()
    return {
        "workers": workers,
        "pages": pages,
        "articles": articles,
        "seconds": round(seconds, 2),
        "pages_per_s": round(pages / seconds, 1),
        "most_items_waiting": most_waiting,
        "db": str(db),
    }


def ingest_rate(source_db: Path, url: str, folder: Path, messages: int) -> dict[str, Any]:
    """Articles/s of the ingester: `messages` article messages (the crawled pages, re-keyed so
    each is a new row) queued at once, drained by an in-process Ingester into a fresh archive."""
    redis.Redis.from_url(url).flushall()
    frontier = Frontier.connect(url)
    with Archive(source_db, readonly=True) as archive:
        rows = list(archive.iter_articles())
        bodies = {
            key: body for key, body in archive.conn.execute("SELECT url_key, body FROM raw_pages")
        }
    import zstandard

    decompress = zstandard.ZstdDecompressor().decompress
    columns = set(ArticleItem.__dataclass_fields__)
    batch = []
    for i in range(messages):
        row = dict(rows[i % len(rows)])
        copy = i // len(rows)
        if copy:
            row["url"] = row["url"] + f"?salinan={copy}"
            row["url_key"] = row["url_key"] + f"?salinan={copy}"
        item = ArticleItem(**{k: v for k, v in row.items() if k in columns and k != "id"})
        raw = bodies.get(rows[i % len(rows)]["url_key"])
        item.raw_body = decompress(raw) if raw else None
        item.raw_headers = {}
        batch.append({"type": "article", "run": None, "item": encode_item(item)})
        if len(batch) == 200:
            frontier.send(*batch)
            batch = []
    frontier.send(*batch)
    with Archive(folder / "ingest-bench.db") as archive:
        ingester = Ingester(frontier, archive, cluster_after_crawl=False)
        ingester.open()
        started = time.monotonic()
        while ingester.step():
            pass
        seconds = time.monotonic() - started
        ingester.close()
    return {
        "messages": messages,
        "seconds": round(seconds, 2),
        "articles_per_s": round(messages / seconds, 1),
        "outcomes": dict(ingester.totals.articles),
    }


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print its table (or JSON)."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--workers", default="1,2,4", help="worker counts to run (default 1,2,4)")
    parser.add_argument("--portals", type=int, default=PORTALS)
    parser.add_argument("--articles", type=int, default=ARTICLES)
    parser.add_argument("--delay-ms", type=int, default=DELAY_MS)
    parser.add_argument("--ingest-messages", type=int, default=INGEST_MESSAGES)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    if shutil.which("redis-server") is None:
        print("skipped: no redis-server binary (apt-get install redis-server)")
        return 0
    counts = [int(n) for n in args.workers.split(",") if n.strip()]
    specs = [
        PortalSpec(name=f"p{i}", articles=args.articles, showcase=False, seed=i + 1,
                   delay_ms=args.delay_ms)
        for i in range(args.portals)
    ]  # fmt: skip
    with tempfile.TemporaryDirectory(prefix="warta-bench-") as tmp:
        folder = Path(tmp)
        with local_redis(folder) as url, serve_portals(specs) as portals:
            runs = [crawl_with(n, portals, url, folder) for n in counts]
            ingest = ingest_rate(Path(runs[0]["db"]), url, folder, args.ingest_messages)
    base = runs[0]["pages_per_s"] / runs[0]["workers"]
    for run in runs:
        run["speedup"] = round(run["pages_per_s"] / runs[0]["pages_per_s"], 2)
        run["efficiency"] = round(run["pages_per_s"] / (base * run["workers"]), 2)
        run.pop("db")
    result = {
        "setup": {
            "portals": args.portals,
            "articles_per_portal": args.articles,
            "server_delay_ms": args.delay_ms,
            "worker_concurrency": WORKER_CONCURRENCY,
            "portal_concurrency": PORTAL_CONCURRENCY,
            "cores": os.cpu_count(),
        },
        "runs": runs,
        "ingest": ingest,
    }
    if args.json:
        print(json.dumps(result, indent=2))
        return 0
    print(
        f"{args.portals} test portals x {args.articles} articles, server delay {args.delay_ms} ms,"
        f" {WORKER_CONCURRENCY} requests in flight per worker, {os.cpu_count()} cores\n"
    )
    print("| workers | pages | articles | seconds | pages/s | speed-up | efficiency |")
    print("|---:|---:|---:|---:|---:|---:|---:|")
    for run in runs:
        print(
            f"| {run['workers']} | {run['pages']} | {run['articles']} | {run['seconds']} |"
            f" {run['pages_per_s']} | {run['speedup']}x | {run['efficiency']:.0%} |"
        )
    print(
        f"\ningester: {ingest['messages']} articles in {ingest['seconds']} s ="
        f" {ingest['articles_per_s']} articles/s (dedupe + store + raw page, one writer)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
