"""Scores Warta on the invented held-out sets in bench/invented (cleaning, extraction, discovery).

The sets were written by separate authors who read neither Warta's code nor the dev corpus
(`bench/invented/README.md`): Indonesian regional articles as text (`id-text-*`), whole pages of
the themes and CMSs such portals run (`id-html-*`, beside trafilatura), pages of small sites in
other languages (`gen-html-*`, beside trafilatura), dated pages with traps (`dates-*`, beside
htmldate), and the sitemaps, feeds, REST answers and URLs those stacks serve (`discovery*`).
All text in them is invented, so they live in the repository, unlike `../shared/corpus`.

Run: `python bench/invented.py` (`--verbose` lists every failed check, `--json` for a report).
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any
from urllib.parse import quote, unquote

if __package__ in (None, ""):  # `python bench/invented.py` from the repo root
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.extraction import Page, run_htmldate, run_trafilatura, run_warta
from bench.metrics import corpus_f1, leaks, precision_recall, same_set
from bench.regional import field_checks
from crawler.clean import clean_article

ROOT = Path(__file__).resolve().parent / "invented"
TEXT_SETS = ("id-text-a", "id-text-b", "id-text-c", "id-text-d", "id-text-e", "id-text-f")
HTML_SETS = (
    "id-html-a",
    "id-html-b",
    "id-html-c",
    "id-html-d",
    "id-html-e",
    "id-html-f",
    "gen-html-a",
    "gen-html-b",
    "id-html-g",
    "id-html-h",
    "gen-html-c",
    "id-html-i",
    "gen-html-d",
    "gen-html-e",
    "id-html-j",
    "gen-html-f",
    "id-html-k",
)
DATE_SETS = ("dates-a", "dates-b", "dates-c", "dates-d", "dates-e", "dates-f")
DISCOVERY_SETS = ("discovery", "discovery-b", "discovery-c", "discovery-d")
FETCHED_AT = datetime(2025, 12, 20, 12, 0, tzinfo=timezone(timedelta(hours=7)))
"""When the invented pages count as fetched (after every date they print), unless a page's record
gives its own `fetched_at` or its set is in SET_FETCHED_AT."""
SET_FETCHED_AT = {"id-html-i": datetime(2026, 11, 25, 12, 0, tzinfo=timezone(timedelta(hours=7)))}
"""Sets whose pages print dates after FETCHED_AT (id-html-i's are of November 2026): fetched on
this day instead, after every date they print (the set's author gave `fetched_at` only to pages
printing a relative time, as the brief asked)."""


def _left(body: str, boilerplate: str, expected: str) -> bool:
    """A boilerplate string still in the body (one with no word, `(*)`, by its characters)."""
    if not boilerplate.strip() or leaks(expected, boilerplate):
        return False
    if any(c.isalnum() for c in boilerplate):
        return leaks(body, boilerplate)
    return boilerplate.strip() in body


def score_text(name: str, failures: list[str]) -> dict[str, Any]:
    """Cleaning on one text set: body F1, records with boilerplate left, field accuracy."""
    records = json.loads((ROOT / f"{name}.json").read_text(encoding="utf-8"))
    pairs = []
    counts = dict.fromkeys(("place", "outlet", "authors", "editor", "agency"), 0)
    leaking = 0
    for record in records:
        expected = record["expected"]
        result = clean_article(
            list(record["raw_paragraphs"]), title=record.get("title"), site_name=record.get("site")
        )
        pairs.append(precision_recall(result.body, expected["body"]))
        checks = field_checks(result, expected)
        for key, ok in checks.items():
            counts[key] += ok
            if not ok:
                failures.append(f"{name} {record['id']}: {key}")
        left = [b for b in record.get("boilerplate", []) if _left(result.body, b, expected["body"])]
        if left:
            leaking += 1
            failures.append(f"{name} {record['id']}: left {left!r}")
    total = len(records)
    _, _, f1 = corpus_f1(pairs)
    report: dict[str, Any] = {"records": total, "body_f1": round(f1, 4), "leaking": leaking}
    report.update({key: round(value / total, 3) for key, value in counts.items()})
    return report


def score_html(name: str, failures: list[str], *, systems: tuple[str, ...]) -> dict[str, Any]:
    """Extraction and cleaning on one page set, per system: body F1, pages leaking a snippet that
    must not appear, authors and the publication day."""
    gold = json.loads((ROOT / name / "gold.json").read_text(encoding="utf-8"))
    report: dict[str, Any] = {}
    for system in systems:
        pairs, leaking, authors, days = [], 0, 0, 0
        for file_name, record in sorted(gold.items()):
            html = gzip.decompress((ROOT / name / "pages" / f"{file_name}.gz").read_bytes())
            page = Page(name, file_name, record["url"], html, record)
            if system == "warta":
                fetched = record.get("fetched_at")  # a page printing only `2 jam lalu`
                fetched_at = (
                    datetime.fromisoformat(fetched)
                    if fetched
                    else SET_FETCHED_AT.get(name, FETCHED_AT)
                )
                predicted = run_warta(page, clean_article, fetched_at)
            else:
                predicted = run_trafilatura(page, precision=False)
            body, names = predicted.body or "", predicted.authors or []
            published = predicted.published_at
            pairs.append(precision_recall(body, record["body"]))
            leaked = [s for s in record.get("without", []) if leaks(body, s)]
            leaking += bool(leaked)
            authors_ok = same_set(names, record.get("authors") or [])
            authors += authors_ok
            day_ok = (published or "")[:10] == record["date"]
            days += day_ok
            if system == "warta":
                failures.extend(
                    f"{name} {file_name}: {what}"
                    for what, bad in (
                        (f"leaks {leaked!r}", leaked),
                        (f"authors {names!r}", not authors_ok),
                        (f"day {published!r}", not day_ok),
                    )
                    if bad
                )
        total = len(gold)
        report[system] = {
            "pages": total,
            "body_f1": round(corpus_f1(pairs)[2], 4),
            "leaking": leaking,
            "authors": round(authors / total, 3),
            "day": round(days / total, 3),
        }
    return report


def _same_url(url: str) -> str:
    """A URL as compared: percent-encoding normalised, a trailing slash ignored."""
    return quote(unquote(url), safe=":/?&=#%+;,@!$'()*~").rstrip("/")


def score_dates(name: str, failures: list[str], *, systems: tuple[str, ...]) -> dict[str, Any]:
    """The publication day on one set of dated pages, per system (a page whose gold is null
    prints no publication date: right when none is given)."""
    gold = json.loads((ROOT / name / "gold.json").read_text(encoding="utf-8"))
    report: dict[str, Any] = {}
    for system in systems:
        days = 0
        for file_name, record in sorted(gold.items()):
            html = gzip.decompress((ROOT / name / "pages" / f"{file_name}.gz").read_bytes())
            page = Page(name, file_name, record["url"], html, record)
            if system == "warta":
                fetched_at = datetime.fromisoformat(record["fetched_at"])
                published = run_warta(page, clean_article, fetched_at).published_at
            else:
                published = run_htmldate(page).published_at
            day_ok = (published[:10] if published else None) == record["date"]
            days += day_ok
            if system == "warta" and not day_ok:
                failures.append(f"{name} {file_name}: day {published!r}, not {record['date']}")
        report[system] = {"pages": len(gold), "day": round(days / len(gold), 3)}
    return report


def score_discovery(name: str, failures: list[str]) -> dict[str, Any]:
    """The discovery readers on every invented file (as the crawl calls them, after the HTTP
    layer has undone `Content-Encoding`) and the URL-shape classifier on the labelled URLs."""
    from crawler.discovery.blogspot import parse_blogger_feed
    from crawler.discovery.feeds import parse_feed
    from crawler.discovery.links import classify_url
    from crawler.discovery.records import DiscoveryError
    from crawler.discovery.safexml import decode_content
    from crawler.discovery.sitemaps import parse_sitemap
    from crawler.discovery.wordpress import parse_wp_posts

    base = ROOT / name
    cases = json.loads((base / "cases.json").read_text(encoding="utf-8"))
    passed = found = wanted = tracebacks = 0
    for case in cases:
        body = (base / "files" / case["file"]).read_bytes()
        headers = dict(case.get("headers") or {})
        coding = next((v for k, v in headers.items() if k.lower() == "content-encoding"), None)
        if coding:
            body = decode_content(body, coding, 60_000_000)
            headers = {k: v for k, v in headers.items() if k.lower() != "content-encoding"}
        try:
            if case["kind"] == "sitemap":
                got = [e.url for e in parse_sitemap(case["url"], body, headers).entries]
            elif case["kind"] == "feed":
                got = [e.url for e in parse_feed(case["url"], body, headers)]
            elif case["kind"] == "wp-json":
                got = [post["url"] for post in parse_wp_posts(body, headers)[0]]
            else:
                got = [e.url for e in parse_blogger_feed(case["url"], body, headers).entries]
        except DiscoveryError as error:  # right for an error answer, which lists nothing
            got = []
            if case["expect_urls"]:
                failures.append(f"{name} {case['file']}: refused ({error.reason}: {error})")
        except Exception as error:  # what the bench is here to catch
            got = []
            tracebacks += 1
            failures.append(f"{name} {case['file']}: raised {error!r}")
        want = [_same_url(u) for u in case["expect_urls"]]
        have = [_same_url(u) for u in got]
        parents = [_same_url(u) for u in case.get("parent_article_urls", [])]
        if parents and have == parents:  # a comments feed read as the stories it comments on
            want = parents
        literal = [_same_url(u) for u in case.get("expect_urls_xml_literal", [])]
        if literal and have == literal:  # `&amp;` inside CDATA read as the XML says (discovery-d)
            want = literal
        optional = {_same_url(u) for u in case.get("optional_urls", [])}
        missing = [u for u in want if u not in have]
        extra = [u for u in have if u not in want and u not in optional]
        wanted += len(want)
        found += len(want) - len(missing)
        if missing or extra:
            failures.append(f"{name} {case['file']}: missing {missing[:3]}, extra {extra[:3]}")
        else:
            passed += 1
    labelled = json.loads((base / "urls.json").read_text(encoding="utf-8"))
    refused_articles = [u["url"] for u in labelled if u["label"] == "article"]
    refused_articles = [u for u in refused_articles if classify_url(u) not in ("article", "page")]
    failures.extend(f"{name} url {u}: an article refused by its shape" for u in refused_articles)
    return {
        "files": len(cases),
        "files_read_right": passed,
        "urls_found": f"{found}/{wanted}",
        "tracebacks": tracebacks,
        "article_urls_refused": len(refused_articles),
    }


def run(*, systems: tuple[str, ...] = ("warta", "trafilatura")) -> tuple[dict[str, Any], list[str]]:
    """Every invented set's scores and the list of failed checks."""
    failures: list[str] = []
    report: dict[str, Any] = {name: score_text(name, failures) for name in TEXT_SETS}
    report.update({name: score_html(name, failures, systems=systems) for name in HTML_SETS})
    date_systems = tuple("htmldate" if system == "trafilatura" else system for system in systems)
    report.update({name: score_dates(name, failures, systems=date_systems) for name in DATE_SETS})
    report.update({name: score_discovery(name, failures) for name in DISCOVERY_SETS})
    return report, failures


def markdown(report: dict[str, Any]) -> str:
    lines = [
        "| set | system | records | body F1 | leaking | dateline place / outlet | authors | editor"
        " | agency tag | day |",
        "|---|---|--:|--:|--:|--:|--:|--:|--:|--:|",
    ]
    for name in TEXT_SETS:
        r = report[name]
        lines.append(
            f"| {name} | Warta (cleaning) | {r['records']} | {r['body_f1']:.3f} | {r['leaking']} "
            f"| {r['place']:.3f} / {r['outlet']:.3f} | {r['authors']:.3f} | {r['editor']:.3f} "
            f"| {r['agency']:.3f} | |"
        )
    for name in HTML_SETS:
        for system, r in report[name].items():
            lines.append(
                f"| {name} | {system} | {r['pages']} | {r['body_f1']:.3f} | {r['leaking']} | "
                f"| {r['authors']:.3f} | | | {r['day']:.3f} |"
            )
    for name in DATE_SETS:
        for system, r in report[name].items():
            lines.append(f"| {name} | {system} | {r['pages']} | | | | | | | {r['day']:.3f} |")
    lines.append("")
    for name in DISCOVERY_SETS:
        d = report[name]
        lines.append(
            f"{name}: {d['files_read_right']} of {d['files']} files read right, URLs found "
            f"{d['urls_found']}, {d['tracebacks']} tracebacks; article URLs refused by their "
            f"shape: {d['article_urls_refused']}"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--verbose", action="store_true", help="list every failed check")
    parser.add_argument("--json", action="store_true", help="print the report as JSON")
    parser.add_argument("--systems", default="warta,trafilatura", help="comma-separated systems")
    args = parser.parse_args(argv)
    report, failures = run(systems=tuple(args.systems.split(",")))
    print(json.dumps(report, indent=2) if args.json else markdown(report))
    if args.verbose:
        print("\n".join(failures))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
