"""Smoke run of bench/crawl.py on a tiny portal, so the crawl benchmark does not rot."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest

from tests.conftest import REPO

pytestmark = pytest.mark.e2e

TINY_PORTAL = 10  # generated articles on top of the 30 showcase ones: a run of a few seconds
SHOWCASE = 30  # hand-written articles of every main test portal (crawler/testportal/README.md)
ROW = re.compile(
    r"^\| (?P<articles>[\d,]+) \| (?P<pages>[^|]+) \| (?P<full>[\d.]+) \| (?P<raw>[\d.]+) \|"
    r" (?P<ratio>[\d.]+) (?P<verdict>PASS|MISS) \| (?P<full_cpu>[\d.]+) \| (?P<raw_cpu>[\d.]+) \|"
    r" (?P<full_rss>\d+) MB \| (?P<crawl_rss>\d+) MB \| (?P<raw_rss>\d+) MB \|$"
)


@pytest.fixture(scope="module")
def bench_output() -> str:
    """The table printed by one tiny benchmark run (one full and one raw run)."""
    done = subprocess.run(
        [sys.executable, "bench/crawl.py", "--articles", str(TINY_PORTAL), "--repeat", "1"],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    return done.stdout


def test_prints_the_table_header_with_the_targets(bench_output):
    header = bench_output.splitlines()[0]
    for column in ("articles", "pages fetched", "pages/s full", "pages/s raw", "target >= 0.5"):
        assert column in header
    assert "peak RSS full" in header and "peak RSS raw" in header


def test_row_measures_both_runs_over_the_same_pages(bench_output):
    rows = [m for line in bench_output.splitlines() if (m := ROW.match(line))]
    assert len(rows) == 1, bench_output
    row = rows[0]
    assert row["articles"] == str(TINY_PORTAL)
    # a plain count: the raw run fetched exactly the URL list of the full run
    assert row["pages"].strip().isdigit(), row["pages"]
    assert int(row["pages"]) > TINY_PORTAL + SHOWCASE  # articles plus discovery pages
    assert float(row["full"]) > 0 and float(row["raw"]) > 0
    full, raw = float(row["full"]), float(row["raw"])
    ratio = full / raw
    # the rates are printed to 0.1 page/s and the ratio to 0.001: the tolerance is what that
    # rounding allows, however slow a loaded machine makes the runs
    rounding = ratio * (0.05 / full + 0.05 / raw) + 0.0005
    assert abs(float(row["ratio"]) - ratio) <= rounding
    assert row["verdict"] == ("PASS" if ratio >= 0.5 else "MISS")
    assert int(row["raw_rss"]) > 0
    # the crawl phase is part of the whole run, so its peak cannot be higher
    assert 0 < int(row["crawl_rss"]) <= int(row["full_rss"])


def test_says_growth_needs_two_sizes(bench_output):
    assert "Peak RSS growth: needs two portal sizes" in bench_output
