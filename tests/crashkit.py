"""Crash-safety harness: SIGKILL real `warta crawl` processes at random moments and check the archive
each time (integrity, FTS in step with articles, no half-written article), then resume.

Used by tests/crawl/test_crash.py (a few kills) and bench/crashloop.py (hundreds).
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from crawler.archive.sqlite import sqlite3  # the SQLite library the archive uses
from crawler.fingerprints import content_hash
from crawler.settings import WARTA_MIN_BODY_CHARS

REPO = Path(__file__).resolve().parent.parent
PROXY_VARS = ("http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "all_proxy")

CRAWL_ARGS = (
    "-s", "DOWNLOAD_DELAY=0",
    "-s", "AUTOTHROTTLE_ENABLED=False",
    "-s", "CONCURRENT_REQUESTS_PER_DOMAIN=8",
    "-s", "WARTA_BATCH_SIZE=5",  # many small commits: more kills land inside or near one
    "-s", "WARTA_COMMIT_SECONDS=0.2",
    "--log-level", "ERROR",
)  # fmt: skip
"""A loopback crawl that commits often (the moments a kill is most dangerous)."""
GATE_TIMEOUT_SECONDS = 120  # a crawl reaches its first article request in seconds


def crawl_command(url: str, db: Path) -> list[str]:
    """The real `warta crawl` command line for one portal."""
    return [sys.executable, "-m", "crawler.cli", "crawl", url, "--db", str(db), *CRAWL_ARGS]


def _env() -> dict[str, str]:
    return {k: v for k, v in os.environ.items() if k not in PROXY_VARS}


@dataclass
class KillResult:
    """One run that was (or finished before it could be) killed."""

    after_seconds: float
    killed: bool
    returncode: int


def crawl_and_kill(
    url: str, db: Path, after_seconds: float, *, log: Path | None = None
) -> KillResult:
    """Start a crawl and SIGKILL it `after_seconds` later (unless it finished first)."""
    with open(log or os.devnull, "ab") as sink:
        process = subprocess.Popen(
            crawl_command(url, db),
            cwd=REPO,
            env=_env(),
            stdin=subprocess.DEVNULL,
            stdout=sink,
            stderr=sink,
        )
        try:
            returncode = process.wait(timeout=after_seconds)
            return KillResult(after_seconds, False, returncode)
        except subprocess.TimeoutExpired:
            process.send_signal(signal.SIGKILL)
            return KillResult(after_seconds, True, process.wait())


def crawl_and_kill_at_gate(
    portal, db: Path, *, let_through: int, extra_seconds: float, log: Path | None = None
) -> KillResult:
    """Start a crawl, let `let_through` more article requests pass the portal's gate, and SIGKILL
    the crawl `extra_seconds` after the gate first holds one (the crawl cannot end while it holds:
    the kill lands mid-crawl on any machine). Not killed only when the crawl ended before any
    article reached the gate."""
    portal.gate(close_after=let_through)
    with open(log or os.devnull, "ab") as sink:
        process = subprocess.Popen(
            crawl_command(portal.url, db), cwd=REPO, env=_env(), stdin=subprocess.DEVNULL,
            stdout=sink, stderr=sink,
        )  # fmt: skip
        try:
            deadline = time.monotonic() + GATE_TIMEOUT_SECONDS
            while portal.gate()["waiting"] < 1:
                if process.poll() is not None:
                    return KillResult(0.0, False, process.returncode)
                if time.monotonic() > deadline:
                    raise TimeoutError("no article request reached the gate")
                time.sleep(0.02)
            time.sleep(extra_seconds)  # where in the processing of the let-through pages it lands
            process.send_signal(signal.SIGKILL)
            return KillResult(extra_seconds, True, process.wait())
        finally:
            portal.gate(open=1)


def crawl_to_end(url: str, db: Path, *, timeout: float = 300) -> tuple[int, float, str]:
    """Run a crawl to its end; (exit code, seconds, stderr tail)."""
    started = time.monotonic()
    done = subprocess.run(
        crawl_command(url, db),
        cwd=REPO,
        env=_env(),
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    return done.returncode, time.monotonic() - started, done.stderr[-3000:]


def kill_moment(rng, *, startup: float, full: float, done: float) -> float:
    """A random moment (seconds after start) that falls inside the next run with high odds.

    `startup` is how long a run that finds nothing to do takes (imports, robots, sitemaps),
    `full` an uninterrupted crawl, `done` the share of articles already archived; the run still
    to come takes about `startup + (full - startup) * (1 - done)`, and the moment is drawn over
    90 % of that, so kills land in start-up, mid-crawl and commits alike."""
    expected = startup + max(0.0, full - startup) * (1.0 - min(max(done, 0.0), 1.0))
    return rng.uniform(0.3, max(0.6, 0.9 * expected))


@dataclass
class ArchiveCheck:
    """The state of an archive after a kill."""

    integrity: str = "missing"
    fts_consistent: bool = False
    stem_index_consistent: bool = False
    articles: int = 0
    fts_rows: int = 0
    stem_rows: int = 0
    half_rows: list[str] = field(default_factory=list)
    error: str | None = None

    @property
    def ok(self) -> bool:
        """Integrity ok, both FTS indexes in step with `articles`, no half-written row."""
        return (
            self.integrity == "ok"
            and self.fts_consistent
            and self.stem_index_consistent
            and self.fts_rows == self.articles
            and self.stem_rows == self.articles
            and not self.half_rows
            and self.error is None
        )


def check_archive(db: Path) -> ArchiveCheck:
    """Open the archive as a plain SQLite reader+checker and verify it (never raises)."""
    check = ArchiveCheck()
    if not db.exists():
        check.integrity = "ok"  # killed before the archive was created: nothing to break
        check.fts_consistent = check.stem_index_consistent = True
        return check
    try:
        conn = sqlite3.connect(str(db), isolation_level=None)
        try:
            check.integrity = conn.execute("PRAGMA integrity_check").fetchone()[0]
            tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
            if "articles" not in tables:
                check.fts_consistent = check.stem_index_consistent = True
                return check
            check.articles = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
            check.fts_rows = conn.execute("SELECT count(*) FROM articles_fts").fetchone()[0]
            # rank 1: compare the index with the articles table it indexes, row by row
            conn.execute(
                "INSERT INTO articles_fts(articles_fts, rank) VALUES ('integrity-check', 1)"
            )
            check.fts_consistent = True
            if "articles_stem_fts" in tables:
                check.stem_rows = conn.execute("SELECT count(*) FROM articles_stem_fts").fetchone()[
                    0
                ]
                conn.execute(
                    "INSERT INTO articles_stem_fts(articles_stem_fts) VALUES ('integrity-check')"
                )
            else:
                check.stem_rows = check.articles
            check.stem_index_consistent = True
            check.half_rows = half_written(conn)
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        check.error = f"{type(exc).__name__}: {exc}"
    return check


def half_written(conn: sqlite3.Connection) -> list[str]:
    """Articles whose row, raw page or fetch record is not whole (all three are written in one
    transaction, so after any kill either all exist or none)."""
    bad = []
    rows = conn.execute(
        "SELECT a.url_key, a.title, a.body, a.content_hash, a.word_count,"
        " (SELECT count(*) FROM raw_pages r WHERE r.url_key = a.url_key),"
        " (SELECT outcome FROM urls u WHERE u.url_key = a.url_key)"
        " FROM articles a"
    )
    for key, title, body, digest, words, raw_pages, outcome in rows:
        if not title or not body or len(body) < WARTA_MIN_BODY_CHARS:
            bad.append(f"{key}: empty or short")
        elif digest != content_hash(body):
            bad.append(f"{key}: content hash does not match the body")
        elif words <= 0:
            bad.append(f"{key}: no word count")
        elif raw_pages < 1:
            bad.append(f"{key}: no raw page")
        elif outcome != "article":
            bad.append(f"{key}: fetch not recorded ({outcome})")
    return bad


def archive_rows(db: Path) -> dict[str, tuple[str, str]]:
    """url_key -> (title, content hash) of every article: what two archives are compared on."""
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        return {
            k: (t, h)
            for k, t, h in conn.execute("SELECT url_key, title, content_hash FROM articles")
        }
    finally:
        conn.close()
