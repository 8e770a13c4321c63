"""Crash loop: SIGKILL real `warta crawl` processes at random moments, check the archive after every
kill, resume each archive to its end and compare it with an uninterrupted crawl; print a table.

    python bench/crashloop.py                       # 100 kills (about 15 minutes)
    python bench/crashloop.py --kills 12 --articles 20

Only loopback traffic: the crawls fetch the bundled test portal served on 127.0.0.1.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from crawler.testportal import PortalSpec, serve_portals  # noqa: E402
from tests.crashkit import (  # noqa: E402
    archive_rows,
    check_archive,
    crawl_and_kill,
    crawl_to_end,
    kill_moment,
)


def _bucket(articles: int, total: int) -> str:
    if articles == 0:
        return "before the first article"
    if articles >= total:
        return "after the last article"
    return "mid-crawl"


def main() -> None:
    """Run the loop and print the table (and, with --json, the figures as JSON)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kills", type=int, default=100, help="SIGKILLs of running crawls")
    parser.add_argument("--per-archive", type=int, default=4, help="kills before a resume")
    parser.add_argument("--articles", type=int, default=40, help="generated test-portal articles")
    parser.add_argument("--seed", type=int, default=None)
    parser.add_argument("--json", type=Path, default=None, help="also write the figures here")
    args = parser.parse_args()
    seed = args.seed if args.seed is not None else random.randrange(1 << 30)
    rng = random.Random(seed)
    started = time.monotonic()
    figures = Counter()
    moments: Counter[str] = Counter()
    failures: list[str] = []
    with (
        tempfile.TemporaryDirectory(prefix="warta-crashloop-") as folder,
        serve_portals([PortalSpec(name="main", articles=args.articles)]) as (portal,),
    ):
        root = Path(folder)
        returncode, duration, stderr = crawl_to_end(portal.url, root / "reference.db")
        if returncode != 0:
            raise SystemExit(f"the uninterrupted crawl failed:\n{stderr}")
        reference = archive_rows(root / "reference.db")
        _, startup, _ = crawl_to_end(portal.url, root / "reference.db")  # nothing left to do
        print(f"test portal {portal.url}: {len(reference)} articles, an uninterrupted crawl takes "
              f"{duration:.1f} s, a run with nothing to do {startup:.1f} s; seed {seed}", flush=True)  # fmt: skip
        archive_number = 0
        while figures["killed"] < args.kills:
            archive_number += 1
            db = root / f"archive{archive_number}.db"
            for _ in range(args.per_archive):
                if figures["killed"] >= args.kills:
                    break
                done = (check_archive(db).articles / len(reference)) if db.exists() else 0.0
                moment = kill_moment(rng, startup=startup, full=duration, done=done)
                result = crawl_and_kill(portal.url, db, moment)
                figures["runs"] += 1
                figures["killed"] += result.killed
                check = check_archive(db)
                figures["checks"] += 1
                figures["integrity ok"] += check.integrity == "ok"
                figures["fts consistent"] += (
                    check.fts_consistent and check.fts_rows == check.articles
                )
                figures["stem index consistent"] += (
                    check.stem_index_consistent and check.stem_rows == check.articles
                )
                figures["half-written rows"] += len(check.half_rows)
                figures["checks passed"] += check.ok
                if result.killed:
                    moments[_bucket(check.articles, len(reference))] += 1
                if not check.ok:
                    failures.append(
                        f"archive {archive_number}, kill at {result.after_seconds:.2f} s: {check}"
                    )
            returncode, _, stderr = crawl_to_end(portal.url, db)
            figures["resumes"] += 1
            final = check_archive(db)
            same = returncode == 0 and final.ok and archive_rows(db) == reference
            figures["resumed to the reference rows"] += same
            if not same:
                failures.append(
                    f"archive {archive_number}: resume gave other rows ({returncode}) {stderr[-500:]}"
                )
            print(f"  {figures['killed']:>4} kills, {figures['checks passed']}/{figures['checks']} checks passed, "
                  f"{figures['resumed to the reference rows']}/{figures['resumes']} resumes equal", flush=True)  # fmt: skip
    elapsed = time.monotonic() - started
    print()
    print("| SIGKILLs of running crawls | archives checked | integrity_check ok | FTS = articles | "
          "half-written rows | resumes equal to an uninterrupted crawl |")  # fmt: skip
    print("|---:|---:|---:|---:|---:|---:|")
    print(f"| {figures['killed']} | {figures['checks']} | {figures['integrity ok']} | "
          f"{min(figures['fts consistent'], figures['stem index consistent'])} | "
          f"{figures['half-written rows']} | {figures['resumed to the reference rows']}/{figures['resumes']} |")  # fmt: skip
    print(f"kill moments: {dict(moments)}; {elapsed / 60:.1f} min; seed {seed}")
    if failures:
        print("FAILURES:")
        for failure in failures:
            print("  " + failure)
    if args.json:
        args.json.write_text(json.dumps({**figures, "moments": moments, "seed": seed,
                                         "minutes": elapsed / 60, "failures": failures}, indent=2))  # fmt: skip
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
