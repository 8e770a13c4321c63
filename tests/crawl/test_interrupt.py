"""Every way a crawl can end: killed (SIGKILL), stopped (Ctrl-C once), forced (Ctrl-C twice).

Real `warta crawl` processes against the loopback test portal, interrupted by real signals at a
moment the test portal itself fixes: its article gate holds requests after a set number, so the
crawl is provably mid-way when the signal arrives, however fast or slow the machine is.
"""

from __future__ import annotations

import os
import queue
import signal
import subprocess
import sys
import threading
import time
from collections import Counter
from pathlib import Path

import pytest

from crawler.archive.sqlite import sqlite3  # the SQLite library the archive uses
from crawler.archive.storage import Archive
from crawler.testportal import PortalSpec, serve_portals
from tests.conftest import PROXY_VARS, REPO, run_warta

pytestmark = pytest.mark.e2e

LOOPBACK = ["-s", "DOWNLOAD_DELAY=0", "-s", "AUTOTHROTTLE_ENABLED=False"]
ARTICLES = 40
LET_THROUGH = 12  # article responses served before the gate holds the rest


def _rows(db: Path) -> dict[str, tuple]:
    with Archive(db, readonly=True) as archive:
        return {
            r[0]: r[1:]
            for r in archive.conn.execute(
                "SELECT url_key, content_hash, title, authors, published_at FROM articles"
            )
        }


def _stored(db: Path) -> int:
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5) as conn:
            return conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    except sqlite3.Error:  # not created yet
        return 0


def _wait_until_stored(db: Path, crawl: subprocess.Popen, n: int = 1, timeout: float = 120) -> None:
    """Block until the crawl has committed `n` articles (it cannot finish: the gate holds the rest)."""
    deadline = time.monotonic() + timeout
    while _stored(db) < n:
        assert crawl.poll() is None, "the crawl ended while the gate held its articles"
        assert time.monotonic() < deadline, f"no {n} articles stored in {timeout} s"
        time.sleep(0.05)


def _start_crawl(url: str, db: Path, *extra: str) -> subprocess.Popen:
    env = {k: v for k, v in os.environ.items() if k not in PROXY_VARS}
    return subprocess.Popen(
        [sys.executable, "-m", "crawler.cli", "crawl", url, "--db", str(db), *LOOPBACK,
         "-s", "CONCURRENT_REQUESTS_PER_DOMAIN=4", *extra],
        cwd=REPO, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip


def _article_requests(portal) -> Counter[str]:
    """How often each article page was requested, from the portal's own request log."""
    log = portal.requests()["log"]
    return Counter(
        target.split("?")[0]
        for target, _status in log
        if target.split("?")[0] in portal.truth_paths
    )


@pytest.fixture
def portal():
    with serve_portals([PortalSpec(articles=ARTICLES, showcase=False)]) as (served,):
        served.truth_paths = {
            "/" + t["url"].split("/", 3)[3] for t in served.truth()
        }  # path of each truth article
        yield served


def _reference(portal, tmp_path) -> dict[str, tuple]:
    reference = tmp_path / "reference.db"
    assert run_warta("crawl", portal.url, *LOOPBACK, db=reference).returncode == 0
    portal.requests(reset=True)
    return _rows(reference)


def test_resume_after_sigkill_gives_the_same_archive(portal, tmp_path):
    expected = _reference(portal, tmp_path)
    db = tmp_path / "killed.db"
    portal.gate(close_after=LET_THROUGH)
    crawl = _start_crawl(portal.url, db, "-s", "WARTA_BATCH_SIZE=1")
    portal.wait_for_gate(waiting=1)
    _wait_until_stored(db, crawl)
    crawl.send_signal(signal.SIGKILL)
    crawl.communicate()
    portal.gate(open=1)
    killed_at = len(_rows(db))
    assert 0 < killed_at <= LET_THROUGH < len(expected)
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    resumed = run_warta("crawl", portal.url, *LOOPBACK, db=db)
    assert resumed.returncode == 0, resumed.stderr[-2000:]
    assert _rows(db) == expected
    with sqlite3.connect(db) as conn:
        conn.execute("INSERT INTO articles_fts(articles_fts) VALUES ('integrity-check')")


def test_ctrl_c_once_then_resume_requests_each_article_once(portal, tmp_path):
    expected = _reference(portal, tmp_path)
    db = tmp_path / "stopped.db"
    portal.gate(close_after=LET_THROUGH)
    crawl = _start_crawl(portal.url, db)
    portal.wait_for_gate(waiting=1)
    crawl.send_signal(signal.SIGINT)  # graceful: Scrapy waits for the requests in flight
    portal.gate(open=1)
    out, err = crawl.communicate(timeout=120)
    assert crawl.returncode == 130, err[-2000:]
    assert "(shutdown)" in out and "interrupted" in err.lower()
    assert "again to resume" in err
    state_job = tmp_path / "state"
    assert any(state_job.rglob("paused")), "a graceful stop keeps the job folder"
    first = _article_requests(portal)
    assert 0 < len(first) < len(expected)
    resumed = run_warta("crawl", portal.url, *LOOPBACK, db=db)
    assert resumed.returncode == 0, resumed.stderr[-2000:]
    both = _article_requests(portal)
    twice = {path: n for path, n in both.items() if n > 1}
    assert not twice, f"articles requested more than once across the two runs: {twice}"
    assert set(both) == portal.truth_paths
    assert _rows(db) == expected
    with sqlite3.connect(db) as conn:
        raw, distinct = conn.execute(
            "SELECT count(*), count(DISTINCT url_key) FROM raw_pages"
        ).fetchone()
        runs = conn.execute("SELECT finish_reason FROM crawl_runs ORDER BY id").fetchall()
    assert raw == distinct == len(expected), "one raw page per article"
    assert runs == [("shutdown",), ("finished",)]


def test_ctrl_c_twice_leaves_a_true_record(portal, tmp_path):
    db = tmp_path / "forced.db"
    portal.gate(close_after=LET_THROUGH)
    crawl = _start_crawl(portal.url, db, "-s", "WARTA_BATCH_SIZE=1", "--log-level", "INFO")
    portal.wait_for_gate(waiting=1)
    _wait_until_stored(db, crawl)
    err_lines: queue.Queue[str] = queue.Queue()
    reader = threading.Thread(target=lambda: [err_lines.put(line) for line in crawl.stderr])
    reader.start()
    crawl.send_signal(signal.SIGINT)
    deadline = time.monotonic() + 60
    while "shutting down gracefully" not in err_lines.get(timeout=60):  # Scrapy took the first
        assert time.monotonic() < deadline
    crawl.send_signal(signal.SIGINT)  # forced: the reactor stops, no spider_closed
    out = crawl.stdout.read()
    crawl.wait(timeout=120)
    reader.join(timeout=60)
    portal.gate(open=1)
    err = "".join(err_lines.queue)
    assert crawl.returncode == 130, err[-2000:]
    assert "no page could be fetched" not in err
    assert "interrupted" in err.lower() and "again to resume" in err
    stored = len(_rows(db))
    assert stored > 0
    with sqlite3.connect(db) as conn:
        run = conn.execute(
            "SELECT finish_reason, pages_fetched, articles_new, finished_at FROM crawl_runs"
        ).fetchall()
    assert len(run) == 1
    reason, pages, new, finished_at = run[0]
    assert reason == "forced-shutdown" and finished_at
    assert pages >= stored and new == stored, run
    assert f"{pages} pages, {new} new" in out and "(forced-shutdown)" in out
    # the next run resumes what the forced stop left and completes the portal
    resumed = run_warta("crawl", portal.url, *LOOPBACK, db=db)
    assert resumed.returncode == 0, resumed.stderr[-2000:]
    assert len(_rows(db)) == ARTICLES
