"""Search benchmark: every query form with every filter, both orders, the search page over HTTP,
ingest and export, on a generated archive of 1,000,000 articles.

`python bench/search.py` builds the archive through `Archive.save_article` (both FTS indexes
included; ~10 KB an article: 2,027 MiB at 200,000 articles, 12,018 at 1,256,000, 23,960 at
2,500,000; ~2,200 articles per CPU-second over the first 200,000, 1,200-1,530 for each 250,000
appended from 1,256,000 to 2,500,000: ~11 minutes of CPU for 1,000,000), then measures (~7 minutes
at 1,256,000, ~37 at 2,500,000 on a loaded machine). `--articles 200000` for a quick look;
`--articles 10000000` for the 10M figures, which needs ~100 GB of free disk (95 GiB at the ~10.3 KB
an article appended at 2-2.5M, plus the WAL, the export's Parquet and what others on a shared disk
need) and about 2 hours of CPU to build (10,000,000 at ~1,500 a CPU-second; 4-5 hours of wall time
at the 520-710 articles/s a `nice` build got on a shared 2-core machine). `--append N` writes N
more into an existing archive (to grow one in steps); `--reuse` measures an archive built earlier
(bench/out/search-N.db). README "How the cost grows" has the figures from 200,000 to 2,500,000.
Words are drawn by document frequency from the archive's own stem index: the top 1 % of its
vocabulary, the next 9 % (1-10 %), and the rest (rare). Prints markdown tables (p95 wall and CPU
time per form and filter, the ranking check against the uncapped ranking, the search page, ingest,
export).
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import random
import re
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from collections.abc import Callable
from pathlib import Path
from typing import Any

if __package__ in (None, ""):  # run as a script: make the repo importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.searchgen import BATCH, COMMON, FUNCTION_WORDS, SEED, Generator, append, build, optimize
from crawler.archive.storage import Archive
from crawler.research.indexsync import index_mismatches
from crawler.research.search import (
    AUTHORS_WEIGHT,
    BODY_WEIGHT,
    COMMON_SCAN,
    COMMON_SHARE,
    COMMON_WINDOW,
    RANK_CAP,
    RANK_WINDOW,
    SCAN_CAP,
    TITLE_WEIGHT,
    Filters,
    find,
    prepare,
)

OUT = Path(__file__).resolve().parent / "out"
RUNS = 25  # queries per form, filter and order: 192 cells x 25 = 4,800 timed searches
RANKING_RUNS = 20  # queries a band and filter whose top 20 is compared with the uncapped ranking
PAGE_RUNS = 60  # search page loads over HTTP (20 per frequency band)
SYNC_SAMPLE = 2_000  # articles rebuilt to check both indexes against: ~10 s on 1,000,000
SERVE_START_SECONDS = 120  # a cold Datasette start on a loaded 2-core machine
PAGE_TIMEOUT_S = 60

TARGETS = {
    "ingest": 2_000,  # articles/s, issue 6 and issue 16
    "query_p95_ms": 100,  # every form and filter, issue 16
    "page_p95_ms": 500,  # the search page with facets, issue 16
    "export_rows_per_s": 20_000,
    "export_peak_rss_mb": 500,
}

FILTERS = ("none", "site", "region", "author", "language", "dates", "canonical", "all")
ORDERS = ("relevance", "newest")


# -- words by document frequency -----------------------------------------------------------------


def vocabulary(archive: Archive, index: str) -> list[tuple[str, int]]:
    """(term, articles holding it) of one FTS index, most frequent first; portal tokens and
    numbers left out. One pass over the whole index (~20 s at 1,000,000)."""
    conn = archive.conn
    conn.execute(
        f"CREATE VIRTUAL TABLE IF NOT EXISTS temp.v_{index} USING fts5vocab(main, {index}, 'row')"
    )
    rows = conn.execute(f"SELECT term, doc FROM temp.v_{index}").fetchall()
    words = [(t, d) for t, d in rows if t.isalpha() and not re.fullmatch(r"s[0-9a-f]{6,}", t)]
    words.sort(key=lambda x: (-x[1], x[0]))
    return words


def bands(words: list[tuple[str, int]]) -> dict[str, list[tuple[str, int]]]:
    """The vocabulary split by document frequency: top 1 %, 1-10 %, the rest."""
    size = len(words)
    return {
        "top": words[: max(1, size // 100)],
        "mid": words[size // 100 : size // 10],
        "rare": words[size // 10 :],
    }


def cached_bands(archive: Archive, path: Path) -> dict[str, dict[str, list[tuple[str, int]]]]:
    """Bands of both indexes, kept beside the archive (the vocabulary scan is slow)."""
    cache = path.with_suffix(".bands.json")
    if cache.exists() and cache.stat().st_mtime >= path.stat().st_mtime:
        return json.loads(cache.read_text())
    found = {
        "stem": bands(vocabulary(archive, "articles_stem_fts")),
        "exact": bands(vocabulary(archive, "articles_fts")),
    }
    cache.write_text(json.dumps(found))
    return found


# -- the query forms -------------------------------------------------------------------------------


def forms(
    archive: Archive, word_bands: dict[str, Any]
) -> dict[str, Callable[[random.Random], tuple[str, bool]]]:
    """Each query form as a function drawing one (query, exact) from a random generator."""
    stem, exact = word_bands["stem"], word_bands["exact"]
    generator = Generator(SEED + 2)  # same vocabulary and sites, fresh headlines
    articles = archive.count_articles()

    def pick(band: list[tuple[str, int]], rng: random.Random) -> str:
        return rng.choice(band)[0]

    def phrase(rng: random.Random) -> str:
        title = generator.article(rng.randrange(articles))["title"].lower().split()
        pairs = [
            p for p in itertools.pairwise(title) if not set(p) & set(COMMON[:FUNCTION_WORDS])
        ] or list(itertools.pairwise(title))
        first, second = rng.choice(pairs)
        return f'"{first} {second}"'

    def prefix(rng: random.Random) -> str:
        word = pick([w for w in exact["top"] if len(w[0]) >= 5], rng)
        return word[:3] + "*"

    return {
        "one top-1% word": lambda r: (pick(stem["top"], r), False),
        "one 1-10% word": lambda r: (pick(stem["mid"], r), False),
        "one rare word": lambda r: (pick(stem["rare"], r), False),
        "two top words": lambda r: (f"{pick(stem['top'], r)} {pick(stem['top'], r)}", False),
        "top OR top": lambda r: (f"{pick(stem['top'], r)} OR {pick(stem['top'], r)}", False),
        "mid NOT top": lambda r: (f"{pick(stem['mid'], r)} NOT {pick(stem['top'], r)}", False),
        "phrase": lambda r: (phrase(r), False),
        "3-letter prefix (pem*)": lambda r: (prefix(r), False),
        "title:top": lambda r: (f"title:{pick(stem['top'], r)}", False),
        "NEAR(top mid, 5)": lambda r: (
            f"NEAR({pick(stem['top'], r)} {pick(stem['mid'], r)}, 5)",
            False,
        ),
        "top word --exact": lambda r: (pick(exact["top"], r), True),
        "phrase --exact": lambda r: (phrase(r), True),
    }


def filter_values(archive: Archive) -> dict[str, Callable[[random.Random], Filters]]:
    """Each filter as a function drawing one Filters value."""
    conn = archive.conn
    sites = [r[0] for r in conn.execute("SELECT DISTINCT site FROM articles")]
    regencies = sorted(
        {r[0] for r in conn.execute("SELECT DISTINCT regency FROM articles WHERE id % 97 = 0")}
    )
    authors = sorted(
        {
            a
            for (text,) in conn.execute("SELECT authors FROM articles WHERE id % 211 = 0")
            for a in json.loads(text)
        }
    )
    years = sorted(
        {
            r[0]
            for r in conn.execute(
                "SELECT DISTINCT substr(published_at, 1, 4) FROM articles WHERE id % 97 = 0"
            )
        }
    )

    def dates(rng: random.Random) -> tuple[str, str]:
        year = int(rng.choice(years))
        return f"{year}-01-01", f"{year + 1}-01-01"

    def everything(rng: random.Random) -> Filters:
        since, until = dates(rng)
        return Filters(
            site=rng.choice(sites), language="id", since=since, until=until, canonical_only=True
        )

    return {
        "none": lambda r: Filters(),
        "site": lambda r: Filters(site=r.choice(sites)),
        "region": lambda r: Filters(region=r.choice(regencies)),
        "author": lambda r: Filters(author=r.choice(authors)),
        "language": lambda r: Filters(language="id"),
        "dates": lambda r: Filters(since=(d := dates(r))[0], until=d[1]),
        "canonical": lambda r: Filters(canonical_only=True),
        "all": everything,
    }


# -- measurements ---------------------------------------------------------------------------------


def timed(fn: Callable[[], Any]) -> tuple[float, float, Any]:
    """(wall ms, CPU ms, result) of one call."""
    started, started_cpu = time.perf_counter(), time.process_time()
    result = fn()
    return (
        (time.perf_counter() - started) * 1000,
        (time.process_time() - started_cpu) * 1000,
        result,
    )


def p95(values: list[float]) -> float:
    """The 95th percentile (nearest rank)."""
    ordered = sorted(values)
    return ordered[max(0, -(-len(ordered) * 95 // 100) - 1)]


def draw_queries(archive: Archive, word_bands: dict[str, Any]) -> list[dict[str, Any]]:
    """Every timed search: RUNS per form x filter x order, drawn reproducibly (SEED)."""
    rng = random.Random(SEED + 1)
    query_forms = forms(archive, word_bands)
    filters = filter_values(archive)
    drawn = []
    for form, draw in query_forms.items():
        for filter_name in FILTERS:
            for order in ORDERS:
                for _ in range(RUNS):
                    query, exact = draw(rng)
                    chosen = filters[filter_name](rng)
                    drawn.append(
                        {"form": form, "filter": filter_name, "order": order, "query": query,
                         "exact": exact, "filters": chosen.as_json()}
                    )  # fmt: skip
    return drawn


def measure_queries(archive: Archive, word_bands: dict[str, Any]) -> dict[str, Any]:
    """p95 wall and CPU time of every form x filter x order cell (RUNS searches each)."""
    drawn = draw_queries(archive, word_bands)
    for spec in drawn[:: RUNS * len(ORDERS) * len(FILTERS)]:  # warm the page cache, as a server's
        find(archive, spec["query"], exact=spec["exact"])
    cells: dict[str, Any] = {}
    for spec in drawn:
        filters = Filters(**spec["filters"])
        wall, cpu, results = timed(
            lambda s=spec, f=filters: find(
                archive, s["query"], filters=f, order=s["order"], exact=s["exact"]
            )
        )
        cell = cells.setdefault(f"{spec['form']}|{spec['filter']}|{spec['order']}", [[], [], 0])
        cell[0].append(wall)
        cell[1].append(cpu)
        cell[2] += results.ranked is not None
    return {
        key: {
            "p95": p95(walls),
            "cpu_p95": p95(cpus),
            "p50": statistics.median(walls),
            "capped": capped / len(walls),
        }
        for key, (walls, cpus, capped) in cells.items()
    }


def uncapped_top(
    archive: Archive, query: str, filters: Filters, limit: int = 20
) -> list[tuple[int, float]]:
    """The (id, score) of the best `limit` matches ranked the way search ranked before issue 16:
    bm25 of the whole query over every match, the filters checked on the article rows."""
    match = prepare(query)
    where, args = filters.resolved(archive).sql("a")
    conditions = " AND ".join([f"f.{match.index} MATCH ?", *where])
    weights = f"{TITLE_WEIGHT}, {BODY_WEIGHT}, {AUTHORS_WEIGHT}, 0.0"
    rows = archive.conn.execute(
        f"SELECT f.rowid & 4294967295 AS id, bm25(f.{match.index}, {weights}) AS score"
        f" FROM {match.index} f CROSS JOIN articles a ON a.id = (f.rowid & 4294967295)"
        f" WHERE {conditions} ORDER BY score, id LIMIT ?",
        [match.fts, *args, limit],
    ).fetchall()
    return [(r[0], r[1]) for r in rows]


def whole_scores(archive: Archive, query: str, ids: list[int]) -> list[float]:
    """bm25 of the whole query (as uncapped_top scores it) of each of the articles `ids`."""
    match = prepare(query)
    weights = f"{TITLE_WEIGHT}, {BODY_WEIGHT}, {AUTHORS_WEIGHT}, 0.0"
    found = dict(
        archive.conn.execute(
            f"SELECT f.rowid & 4294967295, bm25(f.{match.index}, {weights}) FROM {match.index} f"
            f" WHERE f.{match.index} MATCH ? AND (f.rowid & 4294967295) IN"
            " (SELECT value FROM json_each(?))",
            [match.fts, json.dumps(ids)],
        ).fetchall()
    )
    return [found.get(i, 0.0) for i in ids]


TIE = 1e-5
"""Scores closer than this are a tie: a word in most articles adds at most ~2e-6 to a bm25 score
(its IDF is 1e-6), so leaving it out may reorder only matches within that of each other."""


def measure_ranking(archive: Archive, word_bands: dict[str, Any]) -> dict[str, Any]:
    """How often search's top 20 is the uncapped ranking's top 20, per band and filter; and the
    two-word forms whose ranking may leave a word in most articles out of the score (a word in
    most articles beside a 1-10 % word, and a NEAR of a top and a 1-10 % word): how often the
    hits' whole-query scores equal the uncapped ones rank by rank, ties (TIE) apart."""
    rng = random.Random(SEED + 3)
    filters = filter_values(archive)
    stem = word_bands["stem"]
    most = [w for w in stem["top"] if w[1] * 2 > archive.count_articles()] or stem["top"][:1]
    found: dict[str, Any] = {}
    draws: list[tuple[str, int, Callable[[], str]]] = [
        ("rare", RANKING_RUNS, lambda: rng.choice(stem["rare"])[0]),
        ("mid", RANKING_RUNS, lambda: rng.choice(stem["mid"])[0]),
        ("top", 5, lambda: rng.choice(stem["top"])[0]),
        ("mid + most", RANKING_RUNS, lambda: f"{rng.choice(stem['mid'])[0]} {rng.choice(most)[0]}"),
        ("NEAR(top mid, 5)", RANKING_RUNS,
         lambda: f"NEAR({rng.choice(stem['top'])[0]} {rng.choice(stem['mid'])[0]}, 5)"),
    ]  # fmt: skip
    for band, runs, draw in draws:
        for filter_name in ("none", "site", "region", "author", "dates", "canonical"):
            same, tied, overlap = 0, 0, []
            for _ in range(runs):
                query = draw()
                chosen = filters[filter_name](rng)
                mine = [h.id for h in find(archive, query, filters=chosen).hits]
                theirs = uncapped_top(archive, query, chosen)
                ids = [i for i, _ in theirs]
                same += mine == ids
                scores = whole_scores(archive, query, mine)
                tied += len(mine) == len(ids) and all(
                    abs(a - b[1]) <= TIE for a, b in zip(scores, theirs, strict=False)
                )
                overlap.append(len(set(mine) & set(ids)) / len(ids) if ids else 1.0)
            found[f"{band}|{filter_name}"] = {
                "same": same,
                "tied": tied,
                "runs": runs,
                "overlap": statistics.mean(overlap),
            }
    return found


def measure_page(path: Path, word_bands: dict[str, Any]) -> dict[str, Any]:
    """The search page with facets, fetched over HTTP from `warta serve` on loopback."""
    rng = random.Random(SEED + 4)
    env = {k: v for k, v in os.environ.items() if not k.lower().endswith("_proxy")}
    process = subprocess.Popen(
        [sys.executable, "-m", "crawler.cli", "serve", "--port", "0", "--db", str(path)],
        cwd=Path(__file__).resolve().parent.parent,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    try:
        line = process.stdout.readline()
        address = re.search(r"http://127\.0\.0\.1:\d+/", line)
        if not address:
            raise SystemExit(f"serve printed {line!r}: {process.stderr.read()[-300:]}")
        base = f"{address.group(0)}{path.stem}/search?"
        opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
        walls: dict[str, list[float]] = {"top": [], "mid": [], "rare": []}
        estimated = 0
        for band in ("top", "mid", "rare"):
            for _ in range(PAGE_RUNS // 3 + 2):
                word = rng.choice(word_bands["stem"][band])[0]
                started = time.perf_counter()
                with opener.open(
                    base + urllib.parse.urlencode({"q": word}), timeout=PAGE_TIMEOUT_S
                ) as r:
                    html = r.read().decode()
                walls[band].append((time.perf_counter() - started) * 1000)
                estimated += "(estimated)" in html
        for band in walls:
            walls[band] = walls[band][2:]  # the first two loads of a band warm its pages
        every = [w for values in walls.values() for w in values]
        return {
            "p95": p95(every),
            "p50": statistics.median(every),
            "by_band": {band: p95(values) for band, values in walls.items()},
            "estimated_share": estimated / (3 * (PAGE_RUNS // 3 + 2)),
        }
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()


EXPORT_CHILD = """
import json, resource, sys, time
from crawler.research.export import export
from crawler.archive.storage import Archive
started, started_cpu = time.perf_counter(), time.process_time()
with Archive(sys.argv[1], readonly=True) as archive:
    result = export(archive, sys.argv[2], fmt="parquet", progress=False)
seconds, cpu = time.perf_counter() - started, time.process_time() - started_cpu
peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({"rows": result.rows, "seconds": seconds, "cpu": cpu, "peak_mb": peak_kb / 1024}))
"""


def measure_export(path: Path) -> dict[str, float]:
    """Export every row to Parquet in a child process; rows/s and its peak RSS."""
    with tempfile.TemporaryDirectory(dir=OUT) as tmp:
        done = subprocess.run(
            [sys.executable, "-c", EXPORT_CHILD, str(path), str(Path(tmp) / "export")],
            capture_output=True,
            text=True,
            cwd=Path(__file__).resolve().parent.parent,
            check=False,
        )
    if done.returncode != 0:
        raise SystemExit(f"export child failed: {done.stderr.strip().splitlines()[-1:]}")
    figures = json.loads(done.stdout.strip().splitlines()[-1])
    figures["per_s"] = figures["rows"] / figures["seconds"]
    figures["per_cpu_s"] = figures["rows"] / figures["cpu"]
    return figures


def main(argv: list[str] | None = None) -> int:
    """Build (or reuse) the archive, measure, print the tables."""
    global RUNS
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1_000_000)
    parser.add_argument(
        "--db", type=Path, help="archive to build or reuse (default bench/out/search-N.db)"
    )
    parser.add_argument("--reuse", action="store_true", help="reuse the archive when it exists")
    parser.add_argument("--batch", type=int, default=BATCH, help="articles per transaction")
    parser.add_argument(
        "--skip", default="", help="comma-separated parts to skip: queries,ranking,page,export,sync"
    )
    parser.add_argument(
        "--append",
        type=int,
        default=0,
        metavar="N",
        help="first write N more articles into the archive and time them (ingest at its size)",
    )
    parser.add_argument(
        "--optimize",
        action="store_true",
        help="merge both search indexes into one segment first, as `warta optimize` does (timed)",
    )
    parser.add_argument("--json", type=Path, help="also write the figures to this JSON file")
    parser.add_argument("--runs", type=int, default=RUNS, help="searches per form, filter, order")
    parser.add_argument("--dump-queries", type=Path, help="write the timed searches as JSON; exit")
    args = parser.parse_args(argv)
    RUNS = args.runs
    skip = set(filter(None, args.skip.split(",")))
    OUT.mkdir(parents=True, exist_ok=True)
    path = args.db or OUT / f"search-{args.articles}.db"
    ingest: dict[str, float] | None = None
    if not (args.reuse and path.exists()):
        for suffix in ("", "-wal", "-shm", ".bands.json"):
            Path(f"{path}{suffix}" if suffix.startswith("-") else str(path) + suffix).unlink(
                missing_ok=True
            )
        print(f"building {args.articles:,} articles in {path}", file=sys.stderr)
        ingest = build(path, args.articles, args.batch)
    appended = append(path, args.append, args.batch) if args.append else None
    merged = optimize(path) if args.optimize else None
    with Archive(path, readonly=True) as archive:
        articles = archive.count_articles()
        word_bands = cached_bands(archive, path)
        figures: dict[str, Any] = {
            "articles": articles,
            "db_mb": path.stat().st_size / 2**20,
            "ingest": ingest,
            "append": appended,
            "optimize": merged,
            "bands": {
                index: {
                    band: [words[0][1], words[-1][1], len(words)] for band, words in found.items()
                }
                for index, found in word_bands.items()
            },
        }
        if args.dump_queries:
            args.dump_queries.write_text(json.dumps(draw_queries(archive, word_bands)))
            return 0
        if "queries" not in skip:
            figures["queries"] = measure_queries(archive, word_bands)
        if "ranking" not in skip:
            figures["ranking"] = measure_ranking(archive, word_bands)
        if "sync" not in skip:
            figures["sync"] = index_mismatches(archive, sample=SYNC_SAMPLE)
    if "page" not in skip:
        figures["page"] = measure_page(path, word_bands)
    if "export" not in skip:
        figures["export"] = measure_export(path)
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2))
    print(tables(figures))
    return 0


# -- tables ---------------------------------------------------------------------------------------


def tables(figures: dict[str, Any]) -> str:
    """The figures as markdown tables against the issue's targets."""
    out = [f"Archive of {figures['articles']:,} generated articles, {figures['db_mb']:,.0f} MB"]
    bands_line = ", ".join(
        f"{band} {low:,}-{high:,} articles ({count:,} words)"
        for band, (high, low, count) in figures["bands"]["stem"].items()
    )
    out.append(f"Words by document frequency (stems): {bands_line}. Ranking cap: {RANK_CAP:,}.")
    if "queries" in figures:
        out.append(query_table(figures["queries"]))
    if "ranking" in figures:
        rows = [("band", "filter", "same top 20", "same scores", "mean overlap")]
        for key, found in figures["ranking"].items():
            band, filter_name = key.split("|")
            tied = f"{found['tied']}/{found['runs']}" if "tied" in found else "-"
            rows.append(
                (band, filter_name, f"{found['same']}/{found['runs']}", tied,
                 f"{found['overlap']:.0%}")
            )  # fmt: skip
        out.append(markdown(rows))
        out.append(
            f"same scores: the hits' bm25 of the whole query equal the uncapped ranking's rank by"
            f" rank, within {TIE:g} (a word in most articles left out of the score reorders only"
            f" such ties)."
        )
    rows = [("measure", "figure", "target", "ok")]
    ingest = figures.get("ingest")
    if ingest:
        rows.append(
            (
                "ingest via Archive.save_article (both indexes)",
                f"{ingest['per_s']:,.0f} articles/s ({ingest['per_cpu_s']:,.0f}/s of CPU time)"
                + (
                    f"; the indexes' merge at the end {ingest['merge_seconds']:,.0f} s of it"
                    if ingest.get("merge_seconds")
                    else ""
                ),
                f">= {TARGETS['ingest']:,}",
                ok(ingest["per_s"] >= TARGETS["ingest"]),
            )
        )
    appended = figures.get("append")
    if appended:
        rows.append(
            (
                f"ingest of {appended['articles']:,} more at {appended['at']:,} articles",
                f"{appended['per_s']:,.0f} articles/s ({appended['per_cpu_s']:,.0f}/s of CPU time)",
                f">= {TARGETS['ingest']:,}",
                ok(appended["per_s"] >= TARGETS["ingest"]),
            )
        )
    merged = figures.get("optimize")
    if merged:
        segments = " and ".join(f"{n} ({index})" for index, n in merged["segments"].items())
        rows.append(
            (
                "warta optimize: segments merged into one",
                f"{segments} in {merged['seconds']:,.0f} s ({merged['cpu']:,.0f} s of CPU)",
                "-",
                "-",
            )
        )
    page = figures.get("page")
    if page:
        bands = ", ".join(f"{b} {v:.0f}" for b, v in page["by_band"].items())
        rows.append(
            (
                "search page with facets over HTTP, p95",
                f"{page['p95']:.0f} ms (p50 {page['p50']:.0f}; by band {bands}; facets estimated on"
                f" {page['estimated_share']:.0%} of pages)",
                f"< {TARGETS['page_p95_ms']} ms",
                ok(page["p95"] < TARGETS["page_p95_ms"]),
            )
        )
    export = figures.get("export")
    if export:
        rows += [
            (
                "export all rows to Parquet",
                f"{export['per_s']:,.0f} rows/s ({export['per_cpu_s']:,.0f}/s of CPU time; {export['rows']:,} rows)",
                f">= {TARGETS['export_rows_per_s']:,}",
                ok(export["per_s"] >= TARGETS["export_rows_per_s"]),
            ),
            (
                "export peak RSS (child process)",
                f"{export['peak_mb']:.0f} MB",
                f"< {TARGETS['export_peak_rss_mb']} MB",
                ok(export["peak_mb"] < TARGETS["export_peak_rss_mb"]),
            ),
        ]
    if "sync" in figures:
        rows.append(
            (
                f"both FTS indexes vs a rebuild ({SYNC_SAMPLE:,} rows)",
                ", ".join(f"{i}: {n}" for i, n in figures["sync"].items()),
                "0",
                ok(not any(figures["sync"].values())),
            )
        )
    out.append(markdown(rows))
    return "\n\n".join(out)


def query_table(cells: dict[str, Any]) -> str:
    """p95 wall / CPU ms per form (rows) and filter (columns), relevance then newest-first."""
    lines = []
    for order in ORDERS:
        rows = [(f"{order}: p95 ms (CPU)", *FILTERS)]
        forms_seen = dict.fromkeys(key.split("|")[0] for key in cells)
        for form in forms_seen:
            row = [form]
            for filter_name in FILTERS:
                cell = cells[f"{form}|{filter_name}|{order}"]
                mark = "*" if cell["capped"] else ""
                row.append(f"{cell['p95']:.0f} ({cell['cpu_p95']:.0f}){mark}")
            rows.append(tuple(row))
        lines.append(markdown(rows))
    worst = max(cells.items(), key=lambda kv: kv[1]["p95"])
    worst_cpu = max(cells.items(), key=lambda kv: kv[1]["cpu_p95"])
    lines.append(
        f"Worst cell: {worst[0]} {worst[1]['p95']:.0f} ms wall; worst CPU: {worst_cpu[0]}"
        f" {worst_cpu[1]['cpu_p95']:.0f} ms (target < {TARGETS['query_p95_ms']} ms). * = some"
        f" queries were ranked over their newest matches: a common query (every word it needs in"
        f" more than {COMMON_SHARE:.1%} of the articles) over its newest {COMMON_WINDOW:,}, shared"
        f" among its phrases, portal tokens and positions (with a filter checked match by match,"
        f" the newest {COMMON_SCAN:,} likewise shared checked); another with more than"
        f" {RANK_CAP:,} per phrase over its newest {RANK_WINDOW:,} per phrase (the newest"
        f" {SCAN_CAP:,} checked)."
    )
    return "\n\n".join(lines)


def markdown(rows: list[tuple[str, ...]]) -> str:
    """Rows as a markdown table, the first row the header."""
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    lines = [
        "| " + " | ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)) + " |" for r in rows
    ]
    lines.insert(1, "|" + "|".join("-" * (w + 2) for w in widths) + "|")
    return "\n".join(lines)


def ok(passed: bool) -> str:
    """`yes` or `NO`."""
    return "yes" if passed else "NO"


if __name__ == "__main__":
    raise SystemExit(main())
