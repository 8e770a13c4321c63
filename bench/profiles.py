"""Portal-profile benchmark: leaking articles on test portals whose chrome no vocabulary lists.

Each portal is the loopback test portal (`crawler.testportal`) in a house style of its own
(`crawler.testportal.house`: an invented outlet, dateline shape, reporter-code sign-off, title
affix, promotion lines, widget labels, date header and a share label in a byline slot, random per
portal from a seed), over the four themes. Every portal is crawled three times by the real `warta
crawl`, each into a fresh archive:

- **without the profile** (`WARTA_PROFILES=False`: today's shared grammar alone);
- **after learning (crawl)**: profiles on, the end-of-crawl backfill off, so the pages stored before
  the portal's profile existed (its first MIN_PAGES) are counted as the crawl left them;
- **after reprocess**: the same archive after `warta reprocess`.

An article leaks when its archived row still holds any of its portal's chrome (a chrome paragraph,
the date header, the dateline left in the body, the sign-off, the title affix, the share label among
the authors). The same run times Warta per page (extract_page + profile lookup + clean with the
profile) against `trafilatura.extract` on the same pages, and `--curve` learns each portal's profile
from its first k pages for several k (the pages a profile needs).

    python bench/profiles.py                 # 8 portals x 60 articles, table
    python bench/profiles.py --json
    python bench/profiles.py --curve         # + the learning curve
    from bench.profiles import measure, markdown   # bench/extraction.py appends the table
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
import warnings
from collections import Counter
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
if __package__ in (None, ""):  # run as a script: make the repo importable
    sys.path.insert(0, str(REPO))

from crawler.archive import Archive  # noqa: E402
from crawler.article import build_article  # noqa: E402
from crawler.extract import extract_page  # noqa: E402
from crawler.profiles import MIN_PAGES, ProfileBook, learn, observation, reading_rules  # noqa: E402
from crawler.testportal import PortalSpec, serve_portals  # noqa: E402
from crawler.testportal.house import house_leaks, house_styles  # noqa: E402

THEMES = ("jnews", "tagdiv", "plain", "blogspot")
PORTALS = 8  # two portals per theme
ARTICLES = 60  # three learning windows per portal: the first 20 pages leak until the backfill
BASE_SEED = 1400  # house seeds BASE_SEED + 1 ... (issue 14); any seed gives a different house
CURVE = (5, 10, 15, 20, 30, 40)
"""Pages a profile is learned from in the learning curve."""
LOOPBACK = {"DOWNLOAD_DELAY": "0", "AUTOTHROTTLE_ENABLED": "False", "LOG_LEVEL": "WARNING"}
CRAWL_TIMEOUT_S = 1800


def specs(portals: int = PORTALS, articles: int = ARTICLES) -> list[PortalSpec]:
    """The benchmark's portals: house styles from consecutive seeds over the four themes."""
    return [
        PortalSpec(
            name=f"house{i}",
            articles=articles,
            showcase=False,
            house=BASE_SEED + i,
            theme=THEMES[i % len(THEMES)],
        )
        for i in range(portals)
    ]


def _crawl(urls: list[str], db: Path, settings: dict[str, str]) -> None:
    command = [sys.executable, "-m", "crawler.cli", "crawl", *urls, "--db", str(db)]
    for name, value in {**LOOPBACK, **settings}.items():
        command += ["-s", f"{name}={value}"]
    done = subprocess.run(
        command, cwd=REPO, capture_output=True, text=True, timeout=CRAWL_TIMEOUT_S
    )
    if done.returncode != 0:
        raise RuntimeError(f"warta crawl failed: {done.stderr[-2000:]}")


def _leaks(db: Path, served) -> tuple[int, Counter]:
    """(leaking articles, leaks by kind) of the served portals in an archive."""
    kinds: Counter = Counter()
    leaking = 0
    with Archive(db, readonly=True) as archive:
        rows = {row["url_key"]: row for row in archive.iter_articles()}
    for portal in served:
        styles = house_styles(portal.spec.house, portal.spec.redesign)
        for truth in portal.truth():
            row = rows.get(truth["url_key"])
            if row is None:
                kinds["missing"] += 1
                leaking += 1
                continue
            found = house_leaks(row, truth, styles)
            leaking += bool(found)
            kinds.update({f.split(":")[0] for f in found})
    return leaking, kinds


def _fetch(urls: list[str]) -> list[tuple[str, bytes]]:
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))  # loopback only
    pages = []
    for url in urls:
        with opener.open(url, timeout=30) as response:
            pages.append((url, response.read()))
    return pages


def time_per_page(pages: list[tuple[str, bytes]], site_of, book: ProfileBook) -> dict[str, float]:
    """Median ms a page: Warta (extraction, profile lookup, cleaning with it) and trafilatura."""
    import trafilatura

    warnings.simplefilter("ignore")
    warta, traf = [], []
    for url, html in pages:  # interleaved, so machine load hits both alike
        started = time.perf_counter()
        profile = book.profile_for(site_of(url))
        raw = extract_page(html, url, **reading_rules(profile))
        build_article(raw, profile=profile)
        warta.append((time.perf_counter() - started) * 1000)
        started = time.perf_counter()
        trafilatura.extract(html, url=url)
        traf.append((time.perf_counter() - started) * 1000)
    return {
        "warta_ms": round(statistics.median(warta), 2),
        "trafilatura_ms": round(statistics.median(traf), 2),
    }


def learning_curve(pages_by_portal: dict[str, list[tuple[str, bytes]]], served) -> dict[int, int]:
    """Leaking articles (all portals) when each profile is learned from its first k pages."""
    truths = {t["url"]: t for p in served for t in p.truth()}
    styles = {p.name: house_styles(p.spec.house, p.spec.redesign) for p in served}
    curve = {}
    for k in CURVE:
        leaking = 0
        for name, pages in pages_by_portal.items():
            raws = [extract_page(html, url) for url, html in pages]
            profile = learn([observation(raw, build_article(raw).authors) for raw in raws[:k]])
            for url, html in pages:  # read as the profile learned, as a crawl does
                raw = extract_page(html, url, **reading_rules(profile))
                record = build_article(raw, profile=profile)
                leaking += bool(house_leaks(record.__dict__, truths[url], styles[name]))
        curve[k] = leaking
    return curve


def measure(
    portals: int = PORTALS, articles: int = ARTICLES, *, curve: bool = False
) -> dict[str, Any]:
    """The benchmark's figures (see the module docstring)."""
    report: dict[str, Any] = {"portals": portals, "articles_per_portal": articles}
    with (
        tempfile.TemporaryDirectory(prefix="warta-profiles-") as folder,
        serve_portals(specs(portals, articles)) as served,
    ):
        work = Path(folder)
        urls = [p.url for p in served]
        report["articles"] = sum(len(p.truth()) for p in served)
        plain, learned = work / "plain.db", work / "learned.db"
        _crawl(urls, plain, {"WARTA_PROFILES": "False"})
        report["without_profile"], kinds = _leaks(plain, served)
        report["without_profile_kinds"] = dict(kinds)
        _crawl(urls, learned, {"WARTA_PROFILE_BACKFILL": "False"})
        report["after_crawl"], kinds = _leaks(learned, served)
        report["after_crawl_kinds"] = dict(kinds)
        with Archive(learned) as archive:
            from crawler.archive.reprocess import reprocess

            summary = reprocess(archive, recluster=False)
            report["reprocess_updated"] = summary.updated
            report["profiles_learned"] = len(archive.profiles())
            book = ProfileBook(archive)
            report["after_reprocess"], kinds = _leaks(learned, served)
            report["after_reprocess_kinds"] = dict(kinds)
            pages_by_portal = {p.name: _fetch([str(t["url"]) for t in p.truth()]) for p in served}
            site_of = {str(t["url"]): p.portal.site_key for p in served for t in p.truth()}
            pages = [page for found in pages_by_portal.values() for page in found]
            report.update(time_per_page(pages, site_of.__getitem__, book))
        if curve:
            report["curve"] = learning_curve(pages_by_portal, served)
    return report


def markdown(report: dict[str, Any]) -> str:
    """The table (and the learning curve, when measured)."""

    def kinds(key: str) -> str:
        found = report.get(f"{key}_kinds") or {}
        return ", ".join(f"{k} {n}" for k, n in sorted(found.items())) or "none"

    lines = [
        f"Portal profiles: {report['portals']} test portals in house styles no vocabulary lists,"
        f" {report['articles']} articles (`python bench/profiles.py`)",
        "",
        "| stage | leaking articles | what leaks |",
        "| --- | --: | --- |",
        f"| without the profile | {report['without_profile']} | {kinds('without_profile')} |",
        f"| after learning (crawl) | {report['after_crawl']} | {kinds('after_crawl')} |",
        f"| after reprocess | {report['after_reprocess']} | {kinds('after_reprocess')} |",
        "",
        f"Profiles learned: {report['profiles_learned']} of {report['portals']} portals, each from"
        f" {MIN_PAGES} pages; reprocess rewrote {report['reprocess_updated']} rows. Per page:"
        f" Warta (extraction + profile lookup + cleaning) {report['warta_ms']} ms,"
        f" trafilatura {report['trafilatura_ms']} ms (medians, same pages, same run).",
    ]
    if report.get("curve"):
        lines += [
            "",
            "| pages learned from | " + " | ".join(str(k) for k in report["curve"]) + " |",
            "| --- | " + " | ".join("--:" for _ in report["curve"]) + " |",
            "| leaking articles | " + " | ".join(str(n) for n in report["curve"].values()) + " |",
        ]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Command line: print the table (or JSON with --json)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--portals", type=int, default=PORTALS)
    parser.add_argument("--articles", type=int, default=ARTICLES)
    parser.add_argument("--curve", action="store_true", help="also the learning curve")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    report = measure(args.portals, args.articles, curve=args.curve)
    print(json.dumps(report, indent=2) if args.json else markdown(report))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
