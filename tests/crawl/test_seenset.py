"""The on-disk seen set: set semantics, bounded memory design, survival of a SIGKILL."""

from __future__ import annotations

import hashlib
import os
import signal
import subprocess
import sys
import textwrap

from crawler.crawl.policy.seenset import SEEN_FILE, SeenSet, set_aside_unclean_queue


def key(i: int) -> bytes:
    return hashlib.sha1(f"http://portal.example/{i}".encode()).digest()


def test_set_semantics(tmp_path):
    seen = SeenSet(tmp_path / SEEN_FILE, commit_every=3)
    assert [seen.add(key(i)) for i in (1, 2, 1, 3, 2)] == [True, True, False, True, False]
    assert key(1) in seen and key(4) not in seen
    assert len(seen) == 3
    seen.close()
    again = SeenSet(tmp_path / SEEN_FILE)
    assert not again.previous_run_unclean
    assert again.resumed == 3 and key(2) in again
    again.close()


def test_a_temporary_set_removes_its_file():
    seen = SeenSet()
    seen.add(key(1))
    folder = seen.path.parent
    seen.close()
    assert not folder.exists()


def test_a_foreign_file_is_replaced(tmp_path):
    path = tmp_path / SEEN_FILE
    path.write_bytes(b"this is not an SQLite file" * 100)
    seen = SeenSet(path)
    assert seen.add(key(1))
    seen.close()


def test_survives_sigkill_and_the_next_run_starts_empty(tmp_path):
    path = tmp_path / "job" / SEEN_FILE
    (tmp_path / "job" / "requests.queue").mkdir(parents=True)
    child = textwrap.dedent(
        f"""
        import hashlib, os, signal, sys
        from crawler.crawl.policy.seenset import SeenSet
        seen = SeenSet({str(path)!r}, commit_every=100)
        for i in range(5000):
            seen.add(hashlib.sha1(str(i).encode()).digest())
        print("ready", flush=True)
        os.kill(os.getpid(), signal.SIGKILL)
        """
    )
    result = subprocess.run(
        [sys.executable, "-c", child], capture_output=True, text=True, timeout=60, cwd=os.getcwd()
    )
    assert result.returncode == -signal.SIGKILL, result.stderr
    assert set_aside_unclean_queue(tmp_path / "job")  # Scrapy's torn queue is moved away
    assert (tmp_path / "job" / "requests.queue.abandoned").exists()
    seen = SeenSet(path)
    assert seen.previous_run_unclean
    assert len(seen) == 0
    integrity = seen.conn.execute("PRAGMA integrity_check").fetchone()[0]
    assert integrity == "ok"
    seen.close()
    assert not set_aside_unclean_queue(tmp_path / "job")  # a clean close: nothing to set aside
