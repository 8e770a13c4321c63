"""Seen-URL memory: Warta's on-disk dupefilter against Scrapy's in-memory RFPDupeFilter.

Each filter runs in its own child process and sees the same URLs (every tenth one twice); the
table gives the child's peak resident memory (VmHWM), its growth over the
imports, bytes per URL, time, and the side file's size. Issue 8 asks for ten million URLs under
100 MB; Scrapy keeps about 123 bytes per URL in a Python set.

    python bench/seenset.py                 # 10,000,000 URLs (a few minutes)
    python bench/seenset.py --urls 200000   # a quick run
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
LIMIT_MIB = 100
"""Issue 8: resident memory for ten million seen URLs under 100 MB."""
REPEAT_EVERY = 10
"""Every tenth URL is offered again (a URL found by a sitemap and again by a listing)."""


class UrlFingerprinter:
    """Scrapy's fingerprint shape (20-byte SHA-1) of a URL string, identical for both filters."""

    def fingerprint(self, request: str) -> bytes:
        """SHA-1 of the URL."""
        return hashlib.sha1(request.encode()).digest()


def url(i: int) -> str:
    """The i-th synthetic article URL (50 portals, dated paths, unique slugs)."""
    return f"https://portal-{i % 50}.example/20{10 + i % 15}/{1 + i % 12:02d}/{1 + i % 28:02d}/berita-{i}/"


def status_mib(field: str) -> float:
    """A memory field of this process's /proc status in MiB (VmRSS now, VmHWM the peak of this
    address space; unlike ru_maxrss, VmHWM does not carry the parent's RSS over fork and exec)."""
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith(field + ":"):
                return int(line.split()[1]) / 1024
    return 0.0


def child(kind: str, urls: int) -> None:
    """Feed `urls` URLs to one filter and print a JSON line of measurements."""
    from scrapy.dupefilters import RFPDupeFilter

    from crawler.crawl.middlewares import DiskDupeFilter

    folder = tempfile.mkdtemp(prefix="warta-seenbench-")
    path = Path(folder, "seen.sqlite")
    if kind == "disk":
        dupefilter = DiskDupeFilter(path, fingerprinter=UrlFingerprinter())
    else:
        dupefilter = RFPDupeFilter(fingerprinter=UrlFingerprinter())
    before = status_mib("VmRSS")
    started = time.perf_counter()
    wrong = 0
    for i in range(urls):
        wrong += dupefilter.request_seen(url(i))  # new: must be False
        if i % REPEAT_EVERY == 0:
            wrong += not dupefilter.request_seen(url(i // 2))  # seen before: must be True
    seconds = time.perf_counter() - started
    peak = status_mib("VmHWM")
    file_mib = sum(p.stat().st_size for p in Path(folder).glob("seen.sqlite*")) / 2**20
    dupefilter.close("finished")
    print(json.dumps({
        "kind": kind, "urls": urls, "seconds": seconds, "before_mib": before, "peak_mib": peak,
        "file_mib": file_mib, "wrong": wrong,
    }))  # fmt: skip
    for leftover in Path(folder).glob("*"):
        leftover.unlink()
    os.rmdir(folder)


def run_child(kind: str, urls: int) -> dict:
    """One measurement in a fresh process."""
    done = subprocess.run(
        [sys.executable, __file__, "--child", kind, "--urls", str(urls)],
        cwd=REPO,
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(REPO)},
    )
    if done.returncode != 0:
        raise SystemExit(f"{kind} child failed:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    """Measure both filters and print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--urls", type=int, default=10_000_000)
    parser.add_argument("--child", choices=("disk", "scrapy"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child, args.urls)
        return
    rows = [run_child("disk", args.urls), run_child("scrapy", args.urls)]
    print(f"seen set of {args.urls:,} URLs (every {REPEAT_EVERY}th offered twice), one child each:")
    print("| filter | peak RSS MiB | growth MiB | bytes/URL | seconds | side file MiB | wrong |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    names = {"disk": "Warta DiskDupeFilter (SQLite)", "scrapy": "Scrapy RFPDupeFilter (set)"}
    for row in rows:
        growth = row["peak_mib"] - row["before_mib"]
        print(
            f"| {names[row['kind']]} | {row['peak_mib']:.0f} | {growth:.0f} | "
            f"{growth * 2**20 / row['urls']:.0f} | {row['seconds']:.0f} | {row['file_mib']:.0f} | "
            f"{row['wrong']} |"
        )
    disk = rows[0]
    verdict = "under" if disk["peak_mib"] < LIMIT_MIB else "OVER"
    print(f"Warta's peak {disk['peak_mib']:.0f} MiB is {verdict} the {LIMIT_MIB} MB limit.")


if __name__ == "__main__":
    main()
