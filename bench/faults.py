"""The fault table for the README: crawl the fault portal with the real `warta crawl`, then say per
fault kind how many times it was injected, how the crawl ended it, and that no data was lost.

    python bench/faults.py              # one crawl of every fault portal (about half a minute)
    python bench/faults.py --runs 3     # injections add up over three fresh crawls

Only loopback traffic: the fault portal runs on 127.0.0.1 (tests/faultportal).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from tests.crashkit import check_archive  # noqa: E402
from tests.faultportal import (  # noqa: E402
    FAULTS,
    crawl_fault_portals,
    lost_articles,
    observe,
    serve_fault_portals,
)

REACHABLE = ("main", "traps", "robots-404", "robots-403")
"""Portals whose healthy articles must all be archived whole."""


def main() -> None:
    """Crawl, observe, print the Markdown table and the memory peak."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=1, help="fresh crawls of the fault portal")
    args = parser.parse_args()
    injected: Counter[str] = Counter()
    as_expected: Counter[str] = Counter()
    lost: list[str] = []
    peaks: list[float] = []
    seconds: list[float] = []
    archives_sound = 0
    for run in range(args.runs):
        with (
            tempfile.TemporaryDirectory(prefix="warta-faults-") as folder,
            serve_fault_portals() as portals,
        ):
            db = Path(folder) / "archive.db"
            result = crawl_fault_portals(portals, db)
            if result.returncode != 0:
                raise SystemExit(
                    f"run {run + 1}: warta crawl exited {result.returncode}\n{result.stderr[-3000:]}"
                )
            for observation in observe(result, portals, db):
                injected[observation.fault.kind] += observation.injected
                as_expected[observation.fault.kind] += observation.ok
            for portal in REACHABLE:
                lost += lost_articles(portals, db, portal)
            archives_sound += check_archive(db).ok
            peaks.append(result.max_rss_kib / 1024)
            seconds.append(result.seconds)
    with (
        tempfile.TemporaryDirectory(prefix="warta-faults-") as folder,
        serve_fault_portals() as portals,
    ):
        baseline = crawl_fault_portals(portals, Path(folder) / "archive.db", only=["robots-404"])
        portal_count = len(portals.urls)
    data_lost = "none" if not lost and archives_sound == args.runs else "SEE BELOW"
    print(
        f"{args.runs} crawl(s) of the fault portal ({len(FAULTS)} fault kinds, {portal_count} portals):\n"
    )
    print("| fault | injected | outcome | as expected | data lost |")
    print("|---|---:|---|---|---|")
    for fault in FAULTS:
        ok = f"{as_expected[fault.kind]}/{args.runs}"
        print(f"| {fault.kind} | {injected[fault.kind]} | {fault.outcome} | {ok} | {data_lost} |")
    print(
        f"\nno crash; every healthy article archived whole: {'yes' if not lost else 'NO'}; "
        f"archive integrity_check + FTS check: {archives_sound}/{args.runs}; "
        f"peak RSS of the crawl process: {max(peaks):.0f} MiB (a fault-free two-article crawl: "
        f"{baseline.max_rss_kib / 1024:.0f} MiB); crawl time {max(seconds):.0f} s"
    )
    if lost:
        print("lost or altered:", *lost, sep="\n  ")
    sys.exit(0 if not lost and all(v == args.runs for v in as_expected.values()) else 1)


if __name__ == "__main__":
    main()
