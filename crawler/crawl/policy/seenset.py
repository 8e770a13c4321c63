"""The on-disk seen-request set: request fingerprints in a SQLite side file, memory bounded.

Scrapy's RFPDupeFilter keeps every fingerprint in a Python set (about 123 bytes per URL, so
1.2 GB for ten million); this keeps them in a B-tree on disk with a fixed page cache
(bench/seenset.py measures both). The file is a side file (in JOBDIR when the crawl has one,
else a temporary file removed at close); it is never the archive, which only Archive writes.

Resumes: a run that closed cleanly leaves its set for the next run of the same JOBDIR (Scrapy
saved its request queue too). A run that was killed (SIGKILL, power cut) leaves a `running`
mark; the next run then starts with an empty set, because Scrapy's disk queue is only made
consistent at a clean close (queuelib writes its size header and `active.json` on close), so
requests seen before the kill may be lost from the queue and must be found again. The archive's
`urls` table keeps archived articles from being fetched twice.
"""

from __future__ import annotations

import logging
import os
import shutil
import tempfile
import time
from pathlib import Path

from crawler.archive.sqlite import sqlite3

logger = logging.getLogger(__name__)

SEEN_FILE = "warta-seen.sqlite"
"""Name of the side file inside a JOBDIR."""

SCRAPY_QUEUE_DIR = "requests.queue"
"""Scrapy's disk request queue folder inside a JOBDIR (scrapy/core/scheduler.py)."""

ABANDONED_QUEUE_DIR = "requests.queue.abandoned"
"""Where an unclean run's Scrapy queue is moved so the next run does not read a torn queue."""

CACHE_KIB = 16 * 1024
"""SQLite page cache of the set: 16 MiB keeps the B-tree's inner pages (about 1 % of a
10-million-key file) in memory, so a lookup reads about one leaf page from the OS cache."""

COMMIT_EVERY = 5000
"""Inserts per transaction: one commit per ~5,000 requests costs under 1 % of insert time."""

COMMIT_SECONDS = 2.0
"""Longest an insert waits uncommitted (the same bound as WARTA_COMMIT_SECONDS for articles)."""


class SeenSetError(Exception):
    """The seen-set file cannot be opened or written (one-line message)."""


def _connect(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(str(path), isolation_level=None, check_same_thread=False)
    conn.execute("PRAGMA journal_mode = WAL")  # survives a killed process without a torn file
    conn.execute("PRAGMA synchronous = OFF")  # a side file: an OS crash may lose it, a kill not
    conn.execute(f"PRAGMA cache_size = -{CACHE_KIB}")
    conn.execute("CREATE TABLE IF NOT EXISTS seen (key BLOB PRIMARY KEY) WITHOUT ROWID")
    conn.execute("CREATE TABLE IF NOT EXISTS state (name TEXT PRIMARY KEY, value TEXT)")
    return conn


class SeenSet:
    """A persistent set of byte keys (request fingerprints) with bounded memory."""

    def __init__(
        self,
        path: str | os.PathLike[str] | None = None,
        *,
        commit_every: int = COMMIT_EVERY,
        commit_seconds: float = COMMIT_SECONDS,
    ):
        self.temporary = path is None
        if path is None:
            self._tempdir = tempfile.mkdtemp(prefix="warta-seen-")
            path = Path(self._tempdir, SEEN_FILE)
        self.path = Path(path)
        self.commit_every = commit_every
        self.commit_seconds = commit_seconds
        self.previous_run_unclean = False
        self.resumed = 0
        try:
            self._open()
        except sqlite3.DatabaseError as exc:
            # a torn or foreign file: start afresh rather than refuse to crawl
            logger.warning("seen-set file %s unusable (%s); starting a new one", self.path, exc)
            self._remove_files()
            try:
                self._open()
            except sqlite3.DatabaseError as exc2:
                raise SeenSetError(f"cannot open seen-set file {self.path}: {exc2}") from None
        self._pending = 0
        self._last_commit = time.monotonic()

    def _open(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        existed = self.path.exists()
        self.conn = _connect(self.path)
        state = self.conn.execute("SELECT value FROM state WHERE name = 'run'").fetchone()
        if existed and state is not None and state[0] == "running":
            self.previous_run_unclean = True
            self.conn.execute("DELETE FROM seen")
        self.resumed = self.conn.execute("SELECT count(*) FROM seen").fetchone()[0]
        self.size = self.resumed
        self.conn.execute("INSERT OR REPLACE INTO state (name, value) VALUES ('run', 'running')")

    def _remove_files(self) -> None:
        for suffix in ("", "-wal", "-shm"):
            Path(str(self.path) + suffix).unlink(missing_ok=True)

    def add(self, key: bytes) -> bool:
        """Add a key; True when it was new, False when it was already in the set."""
        if not self.conn.in_transaction:
            self.conn.execute("BEGIN")
        cur = self.conn.execute("INSERT OR IGNORE INTO seen (key) VALUES (?)", (bytes(key),))
        new = cur.rowcount == 1
        if new:
            self.size += 1
            self._pending += 1
            if (
                self._pending >= self.commit_every
                or time.monotonic() - self._last_commit >= self.commit_seconds
            ):
                self.commit()
        return new

    def __contains__(self, key: bytes) -> bool:
        return (
            self.conn.execute("SELECT 1 FROM seen WHERE key = ?", (bytes(key),)).fetchone()
            is not None
        )

    def __len__(self) -> int:
        return self.size

    def commit(self) -> None:
        """Make the keys added so far durable (against a killed process)."""
        if self.conn.in_transaction:
            self.conn.execute("COMMIT")
        self._pending = 0
        self._last_commit = time.monotonic()

    def close(self, *, clean: bool = True) -> None:
        """Commit and close; a clean close lets the next run of the same file keep the set."""
        try:
            self.commit()
            if clean:
                self.conn.execute(
                    "INSERT OR REPLACE INTO state (name, value) VALUES ('run', 'closed')"
                )
        finally:
            self.conn.close()
            if self.temporary:
                shutil.rmtree(self._tempdir, ignore_errors=True)


def set_aside_unclean_queue(jobdir: str | os.PathLike[str]) -> bool:
    """Move Scrapy's request queue out of a JOBDIR whose last run was killed; True when moved.

    queuelib's disk queues write their size header and Scrapy its `active.json` only at a clean
    close, so after a kill they describe a queue that no longer exists; reading them can return
    torn records. The seen set of such a run is emptied too (see the module docstring)."""
    seen = Path(jobdir, SEEN_FILE)
    if not seen.exists():
        return False
    try:
        conn = sqlite3.connect(f"file:{seen}?mode=ro", uri=True)
        try:
            row = conn.execute("SELECT value FROM state WHERE name = 'run'").fetchone()
        finally:
            conn.close()
    except sqlite3.DatabaseError:
        row = ("running",)  # unreadable: treat as unclean
    if not row or row[0] != "running":
        return False
    queue = Path(jobdir, SCRAPY_QUEUE_DIR)
    if not queue.exists():
        return False
    abandoned = Path(jobdir, ABANDONED_QUEUE_DIR)
    shutil.rmtree(abandoned, ignore_errors=True)
    queue.rename(abandoned)
    logger.warning(
        "the last crawl of %s was killed: its request queue was set aside (%s); "
        "the crawl rediscovers what was pending",
        jobdir,
        abandoned,
    )
    return True
