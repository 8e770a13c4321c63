"""One SQLite library per process: the archive's, sqlite-utils' and every module's `sqlite3`."""

from __future__ import annotations

import platform
import sys

import pytest
from sqlite_utils.utils import sqlite3 as sqlite_utils_sqlite3

from crawler.archive import Archive
from crawler.archive.sqlite import SQLITE_MODULE, sqlite3


def test_warta_and_sqlite_utils_use_one_sqlite_library(tmp_path):
    assert sqlite3 is sqlite_utils_sqlite3
    with Archive(tmp_path / "archive.db") as archive:
        assert isinstance(archive.conn, sqlite3.Connection)
        try:
            archive.conn.execute("SELECT * FROM no_such_table")
        except sqlite3.OperationalError:
            pass  # the error classes Warta catches are the ones its connection raises
        else:
            pytest.fail("a missing table raised nothing")


@pytest.mark.skipif(
    not (sys.platform == "linux" and platform.machine() == "x86_64"),
    reason="pysqlite3-binary has wheels for Linux x86-64 only; elsewhere the standard library's",
)
def test_on_linux_x86_64_the_archive_has_a_current_sqlite():
    # SQLite 3.40.1's FTS5 drops matches of AND and phrases read newest first; 3.51.1 does not
    assert SQLITE_MODULE == "pysqlite3"
    assert sqlite3.sqlite_version_info >= (3, 51, 1)
