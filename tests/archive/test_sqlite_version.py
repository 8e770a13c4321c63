"""The start-up check says which SQLite the archive uses and whether the WAL-reset bug applies."""

from __future__ import annotations

import logging

import pytest

from crawler.archive import sqlite as archive_sqlite
from crawler.archive.sqlite import (
    sqlite3,  # the SQLite library the archive uses
    sqlite_wal_note,
)
from crawler.archive.storage import Archive


@pytest.mark.parametrize(
    ("version", "affected"),
    [
        ("3.6.23", False),  # before WAL existed
        ("3.7.0", True),  # first release with WAL and the bug
        ("3.40.1", True),  # this machine's Python
        ("3.51.2", True),  # last affected
        ("3.51.3", False),  # fixed
        ("3.52.0", False),
        ("4.0.0", False),
        ("3.x.y", True),  # unknown: assume the worst
    ],
)
def test_wal_reset_range(version, affected):
    found, note = sqlite_wal_note(version)
    assert found is affected
    assert version in note


def test_the_writer_logs_the_check_once(tmp_path, caplog, monkeypatch):
    monkeypatch.setattr(archive_sqlite, "_sqlite_checked", False)
    with caplog.at_level(logging.INFO, logger="crawler.archive.sqlite"):
        Archive(tmp_path / "a.db").close()
        Archive(tmp_path / "a.db").close()
        Archive(tmp_path / "a.db", readonly=True).close()
    notes = [r.getMessage() for r in caplog.records if "SQLite" in r.getMessage()]
    assert notes == [sqlite_wal_note(sqlite3.sqlite_version)[1]]
