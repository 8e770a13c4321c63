"""Extraction benchmark: Warta against trafilatura, readability-lxml and htmldate on ../shared/corpus.

Run `python bench/extraction.py` (markdown table) or `python bench/extraction.py --json`; `--sets`
picks some sets. Skips cleanly when ../shared is absent. Warta's path on a page is
`crawler.extract.extract_page` -> `crawler.clean.clean_article` (when that package imports), timed
together. Every system runs on the same page before the next page is read, so machine load hits
all alike; ratios between systems of one run are the figures to compare.

`python bench/extraction.py --portal [--articles N] [--verbose]` instead serves the test portal
(crawler.testportal, loopback, in a thread) in each theme and compares
`crawler.article.extract_article` field by field with the portal's truth.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
import urllib.request
import warnings
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

if __package__ in (None, ""):  # run as a script: make the repo importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.metrics import (
    CORPUS,
    corpus_f1,
    fold,
    leaks,
    load_gold,
    precision_recall,
    read_page,
    same_set,
    tokens,
)
from crawler.extract import extract_page

SETS = ("id-national", "scrapinghub", "wp-themes", "wcxb-articles", "dates")
SYSTEMS = ("warta", "trafilatura", "trafilatura-precision", "readability", "htmldate")
RUN_ORDER = ("htmldate", "trafilatura", "trafilatura-precision", "readability", "warta")
"""The order the systems read each page in. Warta calls trafilatura and htmldate itself, so every
system starts a page with those libraries' per-text memo caches emptied (`forget_text_caches`);
one-time warm-ups (dateparser's locale tables, compiled patterns) are paid by the first system
that needs them, the htmldate anchor, whose time is no target."""
TEXT_CACHE_MODULES = (
    "trafilatura.utils", "trafilatura.deduplication", "htmldate.extractors",
    "htmldate.validators", "courlan.filters",
)  # fmt: skip
"""Modules whose `lru_cache`d functions remember texts from one system's run of a page."""
DAY_SETS = frozenset({"id-national", "wp-themes", "wcxb-articles", "dates"})
"""Sets with a publication day in their gold: htmldate runs on these only."""
BODY_SETS = frozenset({"id-national", "scrapinghub", "wp-themes", "wcxb-articles"})
"""Sets with a body gold (or with/without snippets): readability-lxml runs on these only."""

FETCHED_AT = {
    "wcxb-articles": datetime.fromisoformat("2026-04-01T00:00:00+00:00"),
    "dates": datetime.fromisoformat("2024-01-01T00:00:00+00:00"),
}
"""A fetch time after every page of a set (wcxb-articles pages run to March 2026, dates to
November 2023), for relative dates and the future-date check."""
DEFAULT_FETCHED_AT = datetime.fromisoformat("2024-06-01T00:00:00+07:00")
"""The other sets' fetch time (their newest page is from 2023)."""

AUTHOR_FILLERS = frozenset({"and", "by", "dan", "oleh"})
"""Words joining or introducing names, left out when author strings compare as word sets."""


@dataclass
class Prediction:
    """What one system read off one page."""

    body: str = ""
    title: str | None = None
    authors: list[str] | None = None
    editor: str | None = None
    dateline_place: str | None = None
    dateline_outlet: str | None = None
    published_at: str | None = None
    ms: float = 0.0


@dataclass
class Page:
    """One corpus page with its gold record."""

    set_name: str
    key: str
    url: str
    html: bytes
    gold: dict[str, Any] = field(default_factory=dict)


def load_pages(set_name: str) -> list[Page]:
    """The pages of one dev set, or [] when it is absent."""
    gold = load_gold(set_name)
    if gold is None:
        return []
    base = CORPUS / set_name
    pages: list[Page] = []
    if set_name == "id-national":
        for record in gold:
            path = base / record["page"]
            pages.append(Page(set_name, record["id"], record["url"], read_page(path), record))
    elif set_name == "scrapinghub":
        for key, record in gold.items():
            path = base / "pages" / f"{key}.html.gz"
            pages.append(Page(set_name, key, record["url"], read_page(path), record))
    else:
        for key, record in gold.items():
            path = base / "pages" / key
            url = record["url"] if "://" in record["url"] else "https://example.invalid/"
            pages.append(Page(set_name, key, url, read_page(path), record))
    return pages


def _clean_function() -> Callable[..., Any] | None:
    try:
        from crawler.clean import clean_article
    except Exception:
        return None
    return clean_article


def run_warta(
    page: Page, clean_article: Callable[..., Any] | None, fetched_at: datetime | None = None
) -> Prediction:
    """Warta's full path on one page: extract_page, then clean_article when available; fetched
    when the page's set says unless `fetched_at` is given."""
    fetched_at = fetched_at or FETCHED_AT.get(page.set_name, DEFAULT_FETCHED_AT)
    started = time.perf_counter()
    raw = extract_page(page.html, page.url, fetched_at=fetched_at)
    cleaned = None
    if clean_article is not None:
        cleaned = clean_article(
            raw.paragraphs,
            title=raw.title,
            byline_texts=raw.byline_texts,
            meta_authors=raw.meta_authors,
            site_name=raw.site_name,
        )
    elapsed = (time.perf_counter() - started) * 1000
    if cleaned is None:
        return Prediction(
            body="\n\n".join(raw.paragraphs),
            title=raw.title,
            authors=list(raw.meta_authors),
            published_at=raw.published_at,
            ms=elapsed,
        )
    return Prediction(
        body=cleaned.body,
        title=raw.title,
        authors=list(cleaned.authors),
        editor=cleaned.editor,
        dateline_place=cleaned.dateline_place,
        dateline_outlet=cleaned.dateline_outlet,
        published_at=raw.published_at,
        ms=elapsed,
    )


def run_trafilatura(page: Page, *, precision: bool) -> Prediction:
    """trafilatura.extract timed (default or favor_precision); its metadata read untimed."""
    import trafilatura

    started = time.perf_counter()
    body = trafilatura.extract(page.html, url=page.url, favor_precision=precision) or ""
    elapsed = (time.perf_counter() - started) * 1000
    title = authors = published = None
    try:
        document = trafilatura.bare_extraction(
            page.html, url=page.url, favor_precision=precision, with_metadata=True
        )
    except Exception:
        document = None
    if document is not None:
        title = getattr(document, "title", None)
        author = getattr(document, "author", None)
        authors = [a.strip() for a in author.split(";") if a.strip()] if author else []
        published = getattr(document, "date", None)
    return Prediction(body=body, title=title, authors=authors, published_at=published, ms=elapsed)


def run_readability(page: Page) -> Prediction:
    """readability-lxml's summary as text, and its title."""
    import lxml.html
    from readability import Document

    started = time.perf_counter()
    body, title = "", None
    try:
        document = Document(page.html)
        summary = document.summary(html_partial=True)
        body = lxml.html.fromstring(summary).text_content() if summary.strip() else ""
        title = document.short_title()
    except Exception:
        pass
    elapsed = (time.perf_counter() - started) * 1000
    return Prediction(body=body, title=title, ms=elapsed)


def run_htmldate(page: Page) -> Prediction:
    """htmldate's publication day, as the corpus README measured its anchor:
    `find_date(html, original_date=True)`."""
    from htmldate import find_date

    started = time.perf_counter()
    try:
        found = find_date(page.html, original_date=True)
    except Exception:
        found = None
    elapsed = (time.perf_counter() - started) * 1000
    return Prediction(published_at=found, ms=elapsed)


def forget_text_caches() -> None:
    """Empty the per-text memo caches of trafilatura, htmldate and courlan (modules not loaded
    are skipped), so no system reads a page with caches another system filled on it."""
    for name in TEXT_CACHE_MODULES:
        module = sys.modules.get(name)
        if module is None:
            continue
        for value in vars(module).values():
            clear = getattr(value, "cache_clear", None)
            if callable(clear):
                clear()


def _instant(text: str | None) -> datetime | None:
    if not text:
        return None
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        return None
    return moment if moment.tzinfo is not None else None


def same_minute(predicted: str | None, gold: str, alternatives: Sequence[str] = ()) -> bool:
    """Publication time right to the minute (an instant comparison, offsets honoured)."""
    ours = _instant(predicted)
    if ours is None:
        return False
    ours = ours.astimezone(UTC).replace(second=0, microsecond=0)
    for expected in (gold, *alternatives):
        theirs = _instant(expected)
        if theirs is not None and theirs.astimezone(UTC).replace(second=0, microsecond=0) == ours:
            return True
    return False


def same_day(predicted: str | None, gold: str) -> bool:
    """Publication day right, as printed in the page's own offset."""
    return predicted is not None and predicted[:10] == gold[:10]


def same_author_words(predicted: list[str] | None, gold: str | None) -> bool:
    """wcxb-articles authors: one gold string (`A, B, and C`); right when the predicted names
    hold the same words, joining words left out."""
    expected = set(tokens(gold)) - AUTHOR_FILLERS
    return set(tokens(" ".join(predicted or []))) - AUTHOR_FILLERS == expected


def snippet_present(body: str, snippet: str) -> bool:
    """A with/without snippet appears in the body (substring after whitespace folding, as in
    trafilatura's own evaluation, whose snippets may start or end mid-word)."""
    return " ".join(snippet.split()) in body


def _share(hits: int, total: int) -> float | None:
    return round(hits / total, 3) if total else None


def _half(page: Page) -> str:
    """`even` or `odd` by the page's file number (wcxb-articles: `0042.html.gz`)."""
    digits = "".join(ch for ch in page.key.split(".")[0] if ch.isdigit())
    return "odd" if digits and int(digits) % 2 else "even"


def _body_scores(pairs: list[tuple[Page, Prediction]]) -> dict[str, Any]:
    scored = [precision_recall(pred.body, page.gold["body"]) for page, pred in pairs]
    precision, recall, f1 = corpus_f1(scored)
    return {
        "body_precision": round(precision, 4),
        "body_recall": round(recall, 4),
        "body_f1": round(f1, 4),
        "articles": len(pairs),
    }


def _snippet_scores(pairs: list[tuple[Page, Prediction]]) -> dict[str, Any]:
    with_total = with_hits = without_total = without_hits = 0
    for page, pred in pairs:
        body = " ".join(pred.body.split())
        for snippet in page.gold.get("with") or []:
            with_total += 1
            with_hits += snippet_present(body, snippet)
        for snippet in page.gold.get("without") or []:
            without_total += 1
            without_hits += snippet_present(body, snippet)
    return {
        "with_present": _share(with_hits, with_total),
        "without_present": _share(without_hits, without_total),
    }


def _day_scores(pairs: list[tuple[Page, Prediction]]) -> dict[str, Any]:
    dated = [(page, pred) for page, pred in pairs if page.gold.get("date")]
    hits = sum(same_day(pred.published_at, page.gold["date"]) for page, pred in dated)
    return {
        "date_day": _share(hits, len(dated)),
        "no_date": sum(not pred.published_at for _, pred in dated),
    }


def score_set(
    set_name: str, pages: list[Page], predictions: list[Prediction], system: str = "warta"
) -> dict[str, Any]:
    """Metrics of one system on one set (htmldate is scored on days only)."""
    result: dict[str, Any] = {"pages": len(pages)}
    if predictions:
        result["ms_median"] = round(statistics.median(p.ms for p in predictions), 2)
        result["ms_mean"] = round(statistics.fmean(p.ms for p in predictions), 2)
    pairs = list(zip(pages, predictions, strict=True))
    days_only = system == "htmldate"
    if set_name in ("id-national", "scrapinghub") and not days_only:
        result.update(_body_scores([(pg, pr) for pg, pr in pairs if pg.gold.get("body")]))
    if set_name == "id-national":
        result.update(_national_scores(pairs, days_only))
    if set_name == "wp-themes":
        if not days_only:
            result.update(_snippet_scores(pairs))
        if any(pred.published_at for pred in predictions):
            result["date_day"] = _day_scores(pairs)["date_day"]
    if set_name == "wcxb-articles":
        result.update(_wcxb_scores(pairs, days_only))
    if set_name == "dates":
        result.update(_day_scores(pairs))
    return result


def _national_scores(pairs: list[tuple[Page, Prediction]], days_only: bool) -> dict[str, Any]:
    result: dict[str, Any] = {}
    articles = [(page, pred) for page, pred in pairs if page.gold.get("body")]
    if not days_only:
        result["leaking_pages"] = sum(
            1
            for page, pred in articles
            if any(leaks(pred.body, bad) for bad in page.gold.get("must_not_contain", []))
        )
        result["title_exact"] = _share(
            sum(fold(pred.title) == fold(page.gold["title"]) for page, pred in articles),
            len(articles),
        )
        if any(pred.authors is not None for _, pred in articles):
            result["authors_exact"] = _share(
                sum(same_set(pred.authors, page.gold["authors"]) for page, pred in articles),
                len(articles),
            )
        for key in ("editor", "dateline_place", "dateline_outlet"):
            if any(getattr(pred, key) is not None for _, pred in articles):
                result[f"{key}_exact"] = _share(
                    sum(
                        fold(getattr(pred, key)) == fold(page.gold.get(key))
                        for page, pred in articles
                    ),
                    len(articles),
                )
    if any(pred.published_at for _, pred in pairs):
        result["published_minute"] = _share(
            sum(
                same_minute(
                    pred.published_at,
                    page.gold["published_at"],
                    page.gold.get("published_at_alt") or [],
                )
                for page, pred in pairs
            ),
            len(pairs),
        )
        result["published_day"] = _share(
            sum(same_day(pred.published_at, page.gold["published_at"]) for page, pred in pairs),
            len(pairs),
        )
    return result


def _wcxb_scores(pairs: list[tuple[Page, Prediction]], days_only: bool) -> dict[str, Any]:
    result: dict[str, Any] = {}
    if not days_only:
        result.update(_body_scores(pairs))
        for half in ("even", "odd"):
            part = [(page, pred) for page, pred in pairs if _half(page) == half]
            result[f"body_f1_{half}"] = _body_scores(part)["body_f1"] if part else None
        result["title_exact"] = _share(
            sum(fold(pred.title) == fold(page.gold.get("title")) for page, pred in pairs),
            len(pairs),
        )
        credited = [(page, pred) for page, pred in pairs if page.gold.get("author")]
        if any(pred.authors is not None for _, pred in credited):
            result["authors_exact"] = _share(
                sum(
                    same_author_words(pred.authors, page.gold["author"]) for page, pred in credited
                ),
                len(credited),
            )
        result.update(_snippet_scores(pairs))
    days = _day_scores(pairs)
    if any(pred.published_at for _, pred in pairs):
        result["date_day"] = days["date_day"]
        for half in ("even", "odd"):
            part = [(page, pred) for page, pred in pairs if _half(page) == half]
            result[f"date_day_{half}"] = _day_scores(part)["date_day"]
    return result


def systems_for(set_name: str, systems: Sequence[str]) -> list[str]:
    """The requested systems that have something to say on a set."""
    chosen = []
    for system in systems:
        if system == "htmldate" and set_name not in DAY_SETS:
            continue
        if system == "readability" and set_name not in BODY_SETS:
            continue
        chosen.append(system)
    return chosen


def run(
    systems: tuple[str, ...] = SYSTEMS,
    *,
    clean: bool = True,
    sets: Sequence[str] = (*SETS, "id-regional"),
) -> dict[str, Any] | None:
    """Score every system on every set; None when ../shared is absent."""
    if load_gold("scrapinghub") is None and load_gold("id-national") is None:
        return None
    warnings.simplefilter("ignore")
    clean_article = _clean_function() if clean else None
    report: dict[str, Any] = {
        "cleaning": clean_article is not None,
        "cleaning_requested": clean,
        "sets": {},
    }
    runners: dict[str, Callable[[Page], Prediction]] = {
        "warta": lambda page: run_warta(page, clean_article),
        "trafilatura": lambda page: run_trafilatura(page, precision=False),
        "trafilatura-precision": lambda page: run_trafilatura(page, precision=True),
        "readability": run_readability,
        "htmldate": run_htmldate,
    }
    for set_name in (s for s in SETS if s in sets):
        pages = load_pages(set_name)
        if not pages:
            continue
        chosen = systems_for(set_name, systems)
        predictions: dict[str, list[Prediction]] = {system: [] for system in chosen}
        order = [system for system in RUN_ORDER if system in chosen]
        for page in pages:  # systems interleaved per page, so machine load hits all alike
            for system in order:
                forget_text_caches()
                predictions[system].append(runners[system](page))
        report["sets"][set_name] = {
            system: score_set(set_name, pages, predictions[system], system) for system in chosen
        }
    regional: Callable[..., dict] | None
    try:
        from bench.regional import score_regional as regional
    except Exception:
        regional = None
    if regional is not None and "id-regional" in sets:
        try:
            report["sets"]["id-regional"] = {"warta": regional()}
        except Exception as error:  # the regional bench is another module's; report, don't die
            report["sets"]["id-regional"] = {"warta": {"error": repr(error)}}
    return report


COLUMNS = (
    ("body_f1", "body F1"),
    ("leaking_pages", "leaking pages"),
    ("title_exact", "title"),
    ("authors_exact", "authors"),
    ("editor_exact", "editor"),
    ("dateline_place_exact", "dateline place"),
    ("dateline_outlet_exact", "dateline outlet"),
    ("published_minute", "pub. minute"),
    ("published_day", "pub. day"),
    ("with_present", "with present"),
    ("without_present", "without present"),
    ("date_day", "date (day)"),
    ("ms_median", "ms/page (median)"),
    ("ms_mean", "ms/page (mean)"),
)
"""Table columns: metric key and heading."""


def markdown(report: dict[str, Any]) -> str:
    """One markdown table: a row per (set, system), a column per metric; then the wcxb halves."""
    present = [
        (key, heading)
        for key, heading in COLUMNS
        if any(key in scores for systems in report["sets"].values() for scores in systems.values())
    ]
    lines = [
        "| set | system | pages | " + " | ".join(h for _, h in present) + " |",
        "| --- | --- | --: | " + " | ".join("--:" for _ in present) + " |",
    ]
    for set_name, systems in report["sets"].items():
        if set_name == "id-regional":
            continue
        for system, scores in systems.items():
            cells = [_cell(scores.get(key)) for key, _ in present]
            pages = scores.get("pages", "")
            lines.append(f"| {set_name} | {system} | {pages} | " + " | ".join(cells) + " |")
    lines.extend(_halves_lines(report))
    regional = report["sets"].get("id-regional", {}).get("warta")
    if regional:
        extra = ", ".join(f"{k} {_cell(v)}" for k, v in regional.items())
        lines.append("")
        lines.append(f"id-regional (bench/regional.py, cleaning only): {extra}")
    lines.append("")
    if report["cleaning"]:
        path = " + clean_article"
    elif report.get("cleaning_requested", True):
        path = " only (crawler.clean not importable)"
    else:
        path = " only (--no-clean)"
    lines.append(
        "Warta = extract_page" + path + "; authors on wcxb-articles compare as word sets "
        "(its gold is one string per page); days as printed in each date's own offset."
    )
    return "\n".join(lines)


def _halves_lines(report: dict[str, Any]) -> list[str]:
    """wcxb-articles by even and odd file numbers: changes were decided on the even half."""
    systems = report["sets"].get("wcxb-articles")
    if not systems:
        return []
    cells = []
    for system, scores in systems.items():
        body = f"body F1 {_cell(scores.get('body_f1_even'))} / {_cell(scores.get('body_f1_odd'))}"
        day = f"day {_cell(scores.get('date_day_even'))} / {_cell(scores.get('date_day_odd'))}"
        cells.append(f"{system} " + (day if system == "htmldate" else f"{body}, {day}"))
    return ["", "wcxb-articles even / odd files: " + "; ".join(cells)]


def _cell(value: Any) -> str:
    if value is None:
        return "—"
    if isinstance(value, float):
        return f"{value:.3f}" if value < 10 else f"{value:.1f}"
    return str(value)


def profile_effect_markdown() -> str | None:
    """HOOK (issue 14, item 5): the portal-profile effect table of `bench/profiles.py`, appended
    after the extraction table by `main`. The lead wires it to that module's own entry point."""
    return None


PORTAL_THEMES = ("jnews", "tagdiv", "plain", "blogspot")
"""Every chrome the test portal serves (crawler/testportal/README.md, "Chromes")."""

EXTRACTION_FIELDS = (
    "title", "canonical_url", "published_at", "modified_at", "tags", "categories", "image_url",
)  # fmt: skip
"""Truth fields that come from `crawler.extract` alone."""

CLEANING_FIELDS = (
    "body", "authors", "editor", "posted_by", "dateline_place", "dateline_outlet", "agency_tag",
    "syndicated_from", "language",
)  # fmt: skip
"""Truth fields the cleaning grammar (`crawler.clean`) decides."""

SHARED_FIELDS = ("related_links",)
"""Truth fields both fill: "Baca juga" lines (cleaning) and related boxes (extraction)."""

FOLDED_FIELDS = frozenset({"authors", "dateline_place", "dateline_outlet"})
"""Compared with case folded (the portal README's truth conventions)."""


@dataclass
class PortalMismatch:
    """One field of one served article that differs from the portal's truth."""

    theme: str
    url: str
    field: str
    got: Any
    want: Any


def _folded(value: Any) -> Any:
    if isinstance(value, list):
        return [_folded(v) for v in value]
    return value.casefold() if isinstance(value, str) else value


def _fetch(opener: Any, url: str) -> tuple[bytes, dict[str, str]]:
    with opener.open(url, timeout=30) as response:
        return response.read(), dict(response.headers.items())


def check_portal(
    themes: tuple[str, ...] = PORTAL_THEMES, *, articles: int = 0
) -> dict[str, dict[str, Any]]:
    """Per theme: served articles, field mismatches against the truth, and the validate-stage
    drops a crawl would wrongly archive (the portal runs on 127.0.0.1 in this process)."""
    from crawler.article import extract_article, why_not_article
    from crawler.settings import WARTA_MIN_BODY_CHARS
    from crawler.testportal import PortalSpec, serve_portals_in_thread

    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))  # loopback only
    report: dict[str, dict[str, Any]] = {}
    for theme in themes:
        with serve_portals_in_thread([PortalSpec(theme=theme, articles=articles)]) as (portal,):
            fetched_at = portal.portal.now()
            mismatches: list[PortalMismatch] = []
            truths = portal.truth()
            for truth in truths:
                page, headers = _fetch(opener, str(truth["url"]))
                item = extract_article(
                    page,
                    str(truth["url"]),
                    headers=headers,
                    fetched_at=fetched_at,
                    fetch_page=lambda url: _fetch(opener, url),  # a split article's later pages
                )
                for name in EXTRACTION_FIELDS + CLEANING_FIELDS + SHARED_FIELDS:
                    got, want = getattr(item, name), truth.get(name)
                    if name in FOLDED_FIELDS:
                        got, want = _folded(got), _folded(want)
                    if got != want:
                        mismatches.append(PortalMismatch(theme, str(truth["url"]), name, got, want))
            drops = []
            for drop in portal.expected_drops():
                if drop["stage"] != "validate":
                    continue
                page, headers = _fetch(opener, drop["url"])
                item = extract_article(page, drop["url"], headers=headers, fetched_at=fetched_at)
                reason = why_not_article(item, min_body_chars=WARTA_MIN_BODY_CHARS)
                drops.append({"url": drop["url"], "expected": drop["reason"], "verdict": reason})
        report[theme] = {"articles": len(truths), "mismatches": mismatches, "drops": drops}
    return report


def portal_markdown(report: dict[str, dict[str, Any]], *, verbose: bool = False) -> str:
    """A row per theme: mismatching articles per field family, and wrongly archived drops."""
    lines = [
        "| theme | articles | extraction fields | cleaning fields | related_links | drops archived |",
        "| --- | --: | --- | --- | --: | --: |",
    ]
    details: list[str] = []
    for theme, result in report.items():
        mismatches: list[PortalMismatch] = result["mismatches"]

        def family(names: tuple[str, ...], found: list[PortalMismatch] = mismatches) -> str:
            counts = {n: sum(m.field == n for m in found) for n in names}
            return ", ".join(f"{n} {c}" for n, c in counts.items() if c) or "none"

        related = sum(m.field in SHARED_FIELDS for m in mismatches)
        archived = [d for d in result["drops"] if d["verdict"] is None]
        lines.append(
            f"| {theme} | {result['articles']} | {family(EXTRACTION_FIELDS)} | "
            f"{family(CLEANING_FIELDS)} | {related} | {len(archived)} |"
        )
        details += [
            f"- {m.theme} {m.url} {m.field}: got {m.got!r}, want {m.want!r}" for m in mismatches
        ]
        details += [f"- {theme} {d['url']} archived ({d['expected']})" for d in archived]
    if verbose and details:
        lines += ["", *details]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Command line: print the table (or JSON with --json)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="print the report as JSON")
    parser.add_argument("--systems", default=",".join(SYSTEMS), help="comma-separated systems")
    parser.add_argument(
        "--sets", default=",".join((*SETS, "id-regional")), help="comma-separated sets"
    )
    parser.add_argument(
        "--no-clean", action="store_true", help="score Warta's extraction alone (no cleaning)"
    )
    parser.add_argument(
        "--portal", action="store_true", help="compare with the test portal's truth instead"
    )
    parser.add_argument("--articles", type=int, default=0, help="--portal: generated articles")
    parser.add_argument("--verbose", action="store_true", help="--portal: list every mismatch")
    args = parser.parse_args(argv)
    if args.portal:
        checked = check_portal(articles=args.articles)
        if args.json:
            plain = {
                theme: {**result, "mismatches": [asdict(m) for m in result["mismatches"]]}
                for theme, result in checked.items()
            }
            print(json.dumps(plain, indent=2, ensure_ascii=False))
        else:
            print(portal_markdown(checked, verbose=args.verbose))
        return 0
    systems = tuple(s for s in args.systems.split(",") if s in SYSTEMS)
    sets = tuple(s for s in args.sets.split(",") if s)
    report = run(systems, clean=not args.no_clean, sets=sets)
    if report is None:
        print("bench/extraction.py: ../shared/corpus is absent; nothing to measure (skipped).")
        return 0
    if args.json:
        print(json.dumps(report, indent=2))
        return 0
    print(markdown(report))
    # --- portal-profile effect (bench/profiles.py, issue 14 item 5): appended here ---
    profiles = profile_effect_markdown()
    if profiles:
        print()
        print(profiles)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
