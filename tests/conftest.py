"""Shared fixtures: loopback-only environment, temporary archives, the test portal, `warta` runs."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
PROXY_VARS = ("http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "all_proxy")


@pytest.fixture(autouse=True, scope="session")
def _no_proxies():
    """Tests talk to 127.0.0.1 only: no proxy may redirect that traffic elsewhere."""
    saved = {k: os.environ.pop(k) for k in PROXY_VARS if k in os.environ}
    os.environ["NO_PROXY"] = os.environ["no_proxy"] = "127.0.0.1,localhost"
    yield
    os.environ.update(saved)


@pytest.fixture
def archive_path(tmp_path) -> Path:
    """A fresh archive file path inside the test's temporary folder."""
    return tmp_path / "archive.db"


def run_warta(
    *args: str, db: Path | None = None, timeout: float = 240, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess:
    """Run the real `warta` command in a subprocess (Scrapy's reactor runs once per process)."""
    cmd = [sys.executable, "-m", "crawler.cli", *args]
    if db is not None:
        cmd += ["--db", str(db)]
    full_env = {k: v for k, v in os.environ.items() if k not in PROXY_VARS}
    full_env.update(env or {})
    return subprocess.run(
        cmd, cwd=REPO, capture_output=True, text=True, timeout=timeout, env=full_env
    )
