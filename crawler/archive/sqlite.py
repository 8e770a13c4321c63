"""The archive's SQLite file itself: its default path, the SQLite build's WAL-reset check, and the
one-writer-per-archive lock (no table SQL: that is crawler.archive.storage's)."""

from __future__ import annotations

import fcntl
import logging
import os
from datetime import UTC, datetime
from pathlib import Path

from sqlite_utils.utils import sqlite3  # the module sqlite-utils connects with (see below)

DEFAULT_DB = "archive.db"

SQLITE_MODULE = sqlite3.__name__
"""`pysqlite3` (pysqlite3-binary: a current SQLite built in, a dependency where its wheel exists)
or the standard library's `sqlite3`. Every module of Warta takes `sqlite3` from here, as
sqlite-utils takes the same one, so one SQLite library serves a process. Why not the standard
library's alone: the SQLite that Debian 12's Python 3.11 links (3.40.1) has FTS5 return fewer
matches of an AND or a phrase read newest first (`ORDER BY rowid DESC`) than oldest first on a
1,256,000-article archive (`"desa" AND "sudah"`: 584,000 against 584,289); SQLite 3.51.1 returns
584,289 both ways. Newest-first search listings read that way."""


class ArchiveError(Exception):
    """The archive cannot be opened or written (one-line message for the user)."""


def utc_now() -> str:
    """Current UTC time, ISO 8601 with offset, second precision."""
    return datetime.now(UTC).replace(microsecond=0).isoformat()


def default_db_path() -> str:
    """The archive path: `$WARTA_DB`, else `archive.db` in the working directory."""
    return os.environ.get("WARTA_DB") or DEFAULT_DB


WAL_RESET_BUG_VERSIONS = ((3, 7, 0), (3, 51, 2))
"""SQLite releases with the WAL-reset corruption bug (first and last; fixed in 3.51.3): a race
between connections writing and checkpointing one WAL database at the same moment. One writer
connection per archive is the design rule that keeps Warta out of that race."""

_logger = logging.getLogger(__name__)
_sqlite_checked = False


def sqlite_wal_note(version: str | None = None) -> tuple[bool, str]:
    """Which SQLite the archive uses and what it means: (inside the WAL-reset bug range, note)."""
    version = version or sqlite3.sqlite_version
    try:
        numbers = tuple(int(part) for part in version.split(".")[:3])
    except ValueError:
        return True, f"SQLite {version}: unknown version, treated as affected by the WAL-reset bug"
    first, last = WAL_RESET_BUG_VERSIONS
    if first <= numbers <= last:
        return True, (
            f"SQLite {version} has the WAL-reset bug (3.7.0-3.51.2, fixed in 3.51.3): safe while "
            "one connection writes each archive (Warta's rule: one writer per process, readers "
            "read-only); never run two writing warta commands on one archive at the same time"
        )
    return False, f"SQLite {version}: outside the WAL-reset bug range (3.7.0-3.51.2)"


def check_sqlite_once() -> tuple[bool, str]:
    """Log (once per process) which SQLite the archive uses and whether the WAL-reset bug applies."""
    global _sqlite_checked
    affected, note = sqlite_wal_note()
    if not _sqlite_checked:
        _sqlite_checked = True
        _logger.info(note)
    return affected, note


# One writer per archive file, enforced: the WAL-reset bug needs two writing connections, so a
# second process that opens an archive for writing is refused while the first holds this lock.
# Within one process the writers share it (the crawl shares one connection; tests may open more).
_WRITER_LOCKS: dict[str, list] = {}


def lock_writer(path: Path) -> str:
    """Take (or share, within this process) the archive's writer lock; ArchiveError when another
    process holds it. Returns the key to release it with."""
    key = str(path.resolve())
    held = _WRITER_LOCKS.get(key)
    if held is not None:
        held[1] += 1
        return key
    handle = open(key + ".writer.lock", "a")  # noqa: SIM115 - held for the writer's lifetime
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        handle.close()
        raise ArchiveError(
            f"another warta process is writing to {path}; run one writing command per archive"
            " at a time (crawl several portals in one `warta crawl` instead)"
        ) from None
    _WRITER_LOCKS[key] = [handle, 1]
    return key


def unlock_writer(key: str) -> None:
    """Release one use of the writer lock; the last use of the process unlocks the file."""
    held = _WRITER_LOCKS.get(key)
    if held is None:
        return
    held[1] -= 1
    if held[1] <= 0:
        _WRITER_LOCKS.pop(key, None)
        fcntl.flock(held[0], fcntl.LOCK_UN)
        held[0].close()
