"""Readers keep working while a crawl writes: `warta search`, `warta export` and `warta serve` run
over and over during a real crawl, and not one says "database is locked" (WAL, one writer
connection, read-only readers, a busy timeout)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import time
import urllib.request

import pytest

from crawler.archive.sqlite import sqlite3  # the SQLite library the archive uses
from crawler.testportal import PortalSpec, serve_portals
from tests.crashkit import REPO, crawl_command

pytestmark = [pytest.mark.e2e, pytest.mark.slow]

GENERATED_ARTICLES = 150
"""A crawl long enough (about 180 articles, committed every 5) for several reader rounds."""
MIN_ROUNDS = 3
"""Reader rounds (search + export + serve queries, together) run in all; at least two of them
must start while the crawl is writing."""
ARTICLES_PER_ROUND = 10  # the crawl commits every 5 articles (crashkit.CRAWL_ARGS)
MIN_GATED_ROUNDS = 3  # reader rounds held mid-crawl by the portal's gate, then it runs free
PROXY_VARS = ("http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "all_proxy")


def _env():
    return {k: v for k, v in os.environ.items() if k not in PROXY_VARS}


def warta(*args: str, timeout: float = 120) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "crawler.cli", *args],
        cwd=REPO,
        env=_env(),
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def has_articles(db) -> bool:
    try:
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
        try:
            return conn.execute("SELECT count(*) FROM articles").fetchone()[0] > 0
        finally:
            conn.close()
    except sqlite3.Error:
        return False


def http_get(url: str) -> tuple[int, str]:
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    try:
        with opener.open(url, timeout=60) as response:
            return response.status, response.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read().decode("utf-8", "replace")


def test_search_export_and_serve_never_see_a_locked_database(tmp_path):
    db = tmp_path / "archive.db"
    outputs: list[str] = []
    failures: list[str] = []
    with serve_portals([PortalSpec(name="main", articles=GENERATED_ARTICLES)]) as (portal,):
        portal.gate(close_after=ARTICLES_PER_ROUND)
        with open(tmp_path / "crawl.log", "wb") as log:
            crawl = subprocess.Popen(
                crawl_command(portal.url, db), cwd=REPO, env=_env(), stdout=log, stderr=log
            )
        serve = None
        try:
            deadline = time.monotonic() + 120
            portal.wait_for_gate(waiting=1)
            while not has_articles(db):
                assert crawl.poll() is None, "the crawl ended before writing anything"
                assert time.monotonic() < deadline
                time.sleep(0.1)
            serve = subprocess.Popen(
                [sys.executable, "-m", "crawler.cli", "serve", "--db", str(db), "--port", "0"],
                cwd=REPO,
                env=_env(),
                stdout=subprocess.PIPE,
                stderr=subprocess.STDOUT,
                text=True,
            )
            line = serve.stdout.readline()
            assert "http://" in line, line
            address = line.split(" at ", 1)[1].split(" ", 1)[0].rstrip("/")

            def searcher(round_number):
                done = warta("search", "banjir", "--db", str(db), "--limit", "5")
                outputs.append(done.stdout + done.stderr)
                if done.returncode != 0:
                    failures.append(f"search: {done.stderr[-500:]}")

            def exporter(round_number):
                out = tmp_path / f"export{round_number}"
                done = warta("export", "--db", str(db), "--output", str(out), "--no-progress")
                outputs.append(done.stdout + done.stderr)
                if done.returncode != 0:
                    failures.append(f"export: {done.stderr[-500:]}")

            def browser(round_number):
                for path in (
                    "/archive/articles.json?_size=5",
                    "/archive/articles.json?_search=banjir&_size=5",
                ):
                    status, body = http_get(address + path)
                    outputs.append(body)
                    if status != 200:
                        failures.append(f"serve {path}: {status} {body[:300]}")

            rounds = during = 0
            while crawl.poll() is None or rounds < MIN_ROUNDS:
                # the gate lets a few articles through per round and holds the next, so the crawl
                # is provably alive (and writing) while the readers of this round run
                held = crawl.poll() is None and portal.gate()["waiting"] > 0
                during += held
                threads = [
                    threading.Thread(target=reader, args=(rounds,))
                    for reader in (searcher, exporter, browser)
                ]
                for thread in threads:
                    thread.start()
                for thread in threads:
                    thread.join()
                rounds += 1
                if rounds < MIN_GATED_ROUNDS:  # let a few more through and wait until it holds
                    portal.gate(close_after=ARTICLES_PER_ROUND)
                    portal.wait_for_gate(waiting=1)
                else:
                    portal.gate(open=1)
            assert crawl.wait(timeout=300) == 0, (tmp_path / "crawl.log").read_text()[-3000:]
        finally:
            if crawl.poll() is None:
                crawl.kill()
            if serve is not None:
                serve.terminate()
                try:
                    serve.wait(timeout=10)
                except subprocess.TimeoutExpired:
                    serve.kill()
    assert not failures, failures
    locked = [o for o in outputs if "database is locked" in o.lower()]
    assert not locked, locked[:3]
    crawl_log = (tmp_path / "crawl.log").read_text(errors="replace")
    assert "database is locked" not in crawl_log.lower()
    assert during >= 2, f"only {during} reader rounds overlapped the crawl"
    exported = sorted(tmp_path.glob("export*/manifest.json"))
    assert exported, "export wrote nothing"
    assert all(json.loads(m.read_text()) for m in exported)
