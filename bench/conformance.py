"""The formats Warta reads, held to other projects' test suites: one table for the README.

Suites (../shared/conformance, read at run time): Scrapy's sitemap tests, feedparser's feed corpus,
Google's robots.txt tests, warcio's WARC and ARC files. Per suite: its cases, how many Warta
passes, and the reference parser on the same cases, measured in the same run (Scrapy's own
`Sitemap`, feedparser where installed, Protego, warcio). Then robots.txt speed on a hostile
500 KiB file, Warta's matcher against Protego (which it replaced).

    python bench/conformance.py           # the Markdown tables
    python bench/conformance.py --json    # the figures as JSON

feedparser is not a Warta dependency; `pip install feedparser` for its column (else "n/a").
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
import time
import warnings
from collections import Counter
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from crawler.crawl.policy.robotstxt import RobotsTxt  # noqa: E402
from crawler.discovery import DiscoveryError  # noqa: E402
from crawler.discovery._urls import absolute_url  # noqa: E402
from crawler.discovery.sitemaps import parse_sitemap  # noqa: E402
from tests.conformance import (  # noqa: E402
    CONFORMANCE,
    FEED_DIFFERENCES,
    absent,
    feed_files,
    feedparser_links,
    hostile_robots,
    robots_cases,
    sitemap_cases,
    sitemap_verdict,
    warc_files,
    warcio_reading,
    warta_feed_links,
    warta_import,
    warta_robots_answer,
)

SPEED_URLS = 400
"""Decisions timed per matcher on the hostile file (Protego takes ~20 ms each)."""

TRUNCATION_BASE = "https://kabarcontoh.example/2024/05/"
ARTICLES = [f"{TRUNCATION_BASE}2{i}/warga-gotong-royong-{i}/" for i in range(3)]
WHOLE = (
    '<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
    + "".join(f"<url><loc>{url}</loc></url>" for url in ARTICLES)
)
BROKEN_SITEMAPS = {
    "no closing </urlset>": (WHOLE, 3),
    "cut inside a <loc>": (WHOLE + f"<url><loc>{ARTICLES[0][:-7]}", 3),
    "cut inside a <url>": (WHOLE[: WHOLE.rindex("<url>") + 9], 2),
    "blank lines before <?xml": ("\n\n  " + WHOLE + "</urlset>", 3),
    "BOM and a blank line before <?xml": ("\ufeff\n" + WHOLE + "</urlset>", 3),
    "a PHP warning before <?xml": (
        "<br />\n<b>Warning</b>:  Cannot modify header information - headers already sent in"
        " <b>/home/contoh/public_html/wp-includes/pluggable.php</b> on line <b>1435</b><br />\n"
        + WHOLE
        + "</urlset>",
        3,
    ),
}
"""The real-world breakage of the issue (invented URLs): body, complete entries before the cut."""


def scrapy_sitemap(body: bytes | str) -> list[dict]:
    """What Scrapy's own sitemap reader yields from a body (its warnings silenced)."""
    from scrapy.utils.sitemap import Sitemap

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        data = body.encode() if isinstance(body, str) else body
        try:
            return list(Sitemap(data))
        except Exception:  # Scrapy raises on some broken bodies: it yields nothing then
            return []


def sitemaps() -> dict[str, Any]:
    """Scrapy's cases: Warta's verdicts, and Scrapy's own reader on the same cases."""
    from scrapy.utils.sitemap import sitemap_urls_from_robots

    cases = sitemap_cases()
    warta = {case.name: sitemap_verdict(case) for case in cases}
    scrapy_passed = 0
    for case in cases:
        if case.robots is not None:
            robots = case.robots if isinstance(case.robots, bytes) else case.robots.encode()
            found = list(sitemap_urls_from_robots(robots, base_url=case.base_url))
        else:
            found = scrapy_sitemap(case.body)
        scrapy_passed += found == case.expected
    broken = {}
    for name, (body, kept) in BROKEN_SITEMAPS.items():
        wanted = ARTICLES[:kept]
        try:
            warta_urls = [e.url for e in parse_sitemap(TRUNCATION_BASE, body.encode()).entries]
        except DiscoveryError:
            warta_urls = []
        scrapy_urls = [entry.get("loc", "").strip() for entry in scrapy_sitemap(body)]
        broken[name] = {"warta": warta_urls == wanted, "scrapy": scrapy_urls == wanted}
    return {
        "cases": len(cases),
        "warta": sum(passed for passed, _ in warta.values()),
        "scrapy": scrapy_passed,
        "notes": {name: how for name, (passed, how) in warta.items() if "stricter" in how},
        "broken": broken,
    }


def feeds() -> dict[str, Any]:
    """feedparser's corpus: crashes, refusals, Expect-stated links, and feedparser's own links."""
    try:
        import feedparser
    except ImportError:
        feedparser = None
    keys = ("files", "exceptions", "refused", "claimed", "claimed_found", "reference")
    figures: Counter = Counter(dict.fromkeys((*keys, "reference_found", "extra"), 0))
    fewer: dict[str, list[str]] = {}
    for feed in feed_files():
        figures["files"] += 1
        found = warta_feed_links(feed)
        if isinstance(found, Exception):
            figures["exceptions" if not isinstance(found, DiscoveryError) else "refused"] += 1
            found = set()
        claimed = {absolute_url(link, feed.url) for link in feed.claimed_links()}
        figures["claimed"] += len(claimed)
        figures["claimed_found"] += len(claimed & found)
        if feedparser is None:
            continue
        reference = feedparser_links(feedparser, feed)
        figures["reference"] += len(reference)
        figures["reference_found"] += len(reference & found)
        figures["extra"] += len(found - reference)
        if reference - found:
            fewer[feed.name] = sorted(reference - found)
    return {
        **figures,
        "feedparser": getattr(feedparser, "__version__", None),
        "fewer": {name: FEED_DIFFERENCES.get(name, "NOT EXPLAINED") for name in fewer},
    }


def protego_allows(body: bytes, agent: str, url: str) -> bool:
    """Protego's answer as Warta used it (the body decoded as UTF-8, a leading BOM dropped)."""
    from protego import Protego

    text = body.decode("utf-8", errors="replace").lstrip("\ufeff")
    return bool(Protego.parse(text).can_fetch(url, agent))


def robots() -> dict[str, Any]:
    """Google's cases: Warta's answers; Protego on the allow/disallow decisions."""
    cases = robots_cases()
    passed = Counter()
    total = Counter()
    protego = Counter()
    for case in cases:
        group = "google" if case.google_only else "rfc"
        total[group] += 1
        passed[group] += warta_robots_answer(case) == case.expected
        if case.kind == "allowed":
            body, agent, url = case.args
            total["decisions"] += 1
            text = url.decode("utf-8", "surrogateescape")
            protego["decisions"] += protego_allows(body, agent.decode(), text) == case.expected
    return {
        "cases": len(cases),
        "rfc_cases": total["rfc"],
        "rfc_passed": passed["rfc"],
        "google_cases": total["google"],
        "google_passed": passed["google"],
        "decisions": total["decisions"],
        "protego_decisions": protego["decisions"],
    }


def robots_speed() -> dict[str, Any]:
    """Parse and decision times on a 500 KiB file of 18,000 wildcard rules, Warta and Protego."""
    from protego import Protego

    body = hostile_robots()
    text = body.decode()
    rng = random.Random(3)
    patterns = [line.split(": ", 1)[1] for line in text.splitlines()[1:]]
    urls = [
        "http://p.example" + rng.choice(patterns).rstrip("$").replace("*", rng.choice(["", "x/"]))
        for _ in range(SPEED_URLS // 2)
    ]
    urls += [
        f"http://p.example/berita/foto/{rng.randint(0, 99_999)}/" for _ in range(SPEED_URLS // 2)
    ]
    start = time.perf_counter()
    warta = RobotsTxt.parse(body)
    warta.allowed("http://p.example/", "warta")  # the first question builds the index
    warta_parse = time.perf_counter() - start
    start = time.perf_counter()
    warta_answers = [warta.allowed(url, "warta") for url in urls]
    warta_decide = (time.perf_counter() - start) / len(urls)
    start = time.perf_counter()
    protego = Protego.parse(text)
    protego_parse = time.perf_counter() - start
    start = time.perf_counter()
    protego_answers = [protego.can_fetch(url, "warta") for url in urls]
    protego_decide = (time.perf_counter() - start) / len(urls)
    return {
        "bytes": len(body),
        "rules": len(patterns),
        "urls": len(urls),
        "disallowed": warta_answers.count(False),
        "agree": sum(a == b for a, b in zip(warta_answers, protego_answers, strict=True)),
        "warta_parse_ms": warta_parse * 1000,
        "protego_parse_ms": protego_parse * 1000,
        "warta_decision_us": warta_decide * 1e6,
        "protego_decision_us": protego_decide * 1e6,
    }


def warcs() -> dict[str, Any]:
    """warcio's files: read as warcio reads them, errors one line, captures, articles, drops."""
    keys = ("files", "tracebacks", "as_warcio", "errors", "records", "captures")
    figures: Counter = Counter(dict.fromkeys(keys, 0))
    drops: Counter = Counter()
    with tempfile.TemporaryDirectory(prefix="warta-conformance-") as folder:
        for number, path in enumerate(warc_files()):
            figures["files"] += 1
            reading, breaks = warcio_reading(path)
            try:
                summary, error = warta_import(path, Path(folder) / f"{number}.db")
            except Exception:  # a traceback: the figure the suite exists to keep at zero
                figures["tracebacks"] += 1
                continue
            same = (error is not None) is breaks and summary.responses == reading["capture"]
            same = same and summary.records == sum(
                reading[kind] for kind in ("response", "resource", "revisit")
            )
            one_line = error is None or "\n" not in str(error)
            figures["as_warcio"] += same and one_line
            figures["errors"] += error is not None
            figures["records"] += summary.records
            figures["captures"] += summary.responses
            figures["warcio_captures"] += reading["capture"]
            figures["articles"] += summary.new + summary.updated + summary.duplicate
            figures["arc_captures"] += summary.responses if ".arc" in path.name else 0
            figures["resources"] += reading["resource"]
            drops.update(summary.skipped)
    return {**figures, "drops": dict(sorted(drops.items()))}


def report(figures: dict[str, Any]) -> str:
    """The README's tables."""
    s, f, r, speed, w = (figures[k] for k in ("sitemaps", "feeds", "robots", "speed", "warc"))
    fp = f["feedparser"]
    fp_cell = (
        f"feedparser {fp}: {f['reference_found']:,} of its {f['reference']:,} entry links found, "
        f"{f['extra']} more"
        if fp
        else "feedparser not installed: n/a"
    )
    broken_warta = sum(v["warta"] for v in s["broken"].values())
    broken_scrapy = sum(v["scrapy"] for v in s["broken"].values())
    lines = [
        "| suite | cases | Warta passes | reference, same cases | |",
        "|---|--:|--:|---|---|",
        f"| sitemaps: Scrapy's tests | {s['cases']} | {s['warta']} | Scrapy {s['scrapy']} "
        f"| XXE case refused whole (stricter) |",
        f"| sitemaps: truncated, blank lines, BOM, a PHP warning | {len(s['broken'])} | {broken_warta} | "
        f"Scrapy {broken_scrapy} | invented bodies |",
        f"| feeds: feedparser's corpus, files | {f['files']:,} | {f['files'] - f['exceptions']:,} "
        f"without exception | {fp_cell} | {f['refused']} refused: entity declarations, no element |",
        f"| feeds: entry links the `Expect:` lines state | {f['claimed']} | {f['claimed_found']} | "
        f"— | |",
        f"| robots.txt: Google's tests, RFC 9309 (`ID_`) | {r['rfc_cases']} | {r['rfc_passed']} | "
        f"— | |",
        f"| robots.txt: Google's tests, Google-only | {r['google_cases']} | {r['google_passed']} | "
        f"— | |",
        f"| robots.txt: allow/disallow decisions | {r['decisions']} | "
        f"{r['decisions'] if r['rfc_passed'] + r['google_passed'] == r['cases'] else '?'} | "
        f"Protego {r['protego_decisions']} | |",
        f"| WARC/ARC: warcio's files | {w['files']} | {w['as_warcio']} read as warcio reads them | "
        f"warcio: {w['warcio_captures']} HTML captures | {w['tracebacks']} tracebacks, "
        f"{w['errors']} one-line errors |",
        "",
        "| robots.txt speed: 500 KiB, 18,000 wildcard rules | Warta | Protego | ratio |",
        "|---|--:|--:|--:|",
        f"| parse (Warta: and index) | {speed['warta_parse_ms']:.0f} ms | "
        f"{speed['protego_parse_ms']:.0f} ms | "
        f"{speed['protego_parse_ms'] / speed['warta_parse_ms']:.1f}x |",
        f"| one decision ({speed['urls']} URLs) | {speed['warta_decision_us']:.0f} µs | "
        f"{speed['protego_decision_us']:,.0f} µs | "
        f"{speed['protego_decision_us'] / speed['warta_decision_us']:.0f}x |",
        "",
        f"WARC: {w['records']} records, {w['captures']} captures ({w['arc_captures']} from ARC), "
        f"{w['articles']} articles, drops {w['drops']}.",
        f"robots speed: {speed['agree']} of {speed['urls']} decisions agree with Protego "
        f"({speed['disallowed']} disallowed).",
    ]
    for name, why in f["fewer"].items():
        lines.append(f"feeds, fewer links than feedparser: {name}: {why}")
    for name, how in s["notes"].items():
        lines.append(f"sitemaps, {name}: {how}")
    return "\n".join(lines)


def main() -> int:
    """Run every suite and print the tables (or JSON)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args()
    missing = absent(CONFORMANCE)
    if missing:
        print(f"bench/conformance.py: {missing}; nothing to measure (skipped).")
        return 0
    figures = {
        "sitemaps": sitemaps(),
        "feeds": feeds(),
        "robots": robots(),
        "speed": robots_speed(),
        "warc": warcs(),
    }
    print(json.dumps(figures, indent=2) if args.json else report(figures))
    return 0


if __name__ == "__main__":
    sys.exit(main())
