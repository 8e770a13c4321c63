"""htmldate's publication day behind Warta's own date rules: recall where they find none, the day
where they disagree."""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Sequence
from dataclasses import replace
from datetime import UTC, date, datetime, time, timedelta, timezone
from typing import Any

from crawler.extract.dates import (
    FUTURE_TOLERANCE,
    INDONESIAN_OFFSETS,
    PRINTED_TIME_PRECISION,
    PUBLISHED_MARK,
    RELATIVE_STAMP,
    WIB,
    DateCandidate,
    PageDates,
    ParsedDate,
    iso_minute,
    parse_date_details,
    url_date,
)

log = logging.getLogger(__name__)

HTMLDATE_SOURCE = "htmldate"
"""`published_at_source` of a day that htmldate gave (the URL's day keeps the source `url`)."""

MAX_ZONE_SHIFT = timedelta(hours=14)
"""Offsets run from UTC-12 to UTC+14: an instant whose day differs from the page's own day by
less than a day (in the direction the offsets allow) is that day in some zone."""


def structured_day(doc: Any, url: str, now: datetime | None) -> str | None:
    """htmldate's first stages (the URL, then `<meta>` elements, then JSON-LD scripts, each as
    `find_date(original_date=True)` reads them) on Warta's own tree, read before page chrome is
    stripped from it: where one of them finds a date, `find_date` returns it unchanged, so the
    page need not be parsed a second time (two thirds of htmldate's time per page on
    wcxb-articles, median). None when they find nothing or htmldate's internals differ from the
    ones this was written against (1.11); never raises."""
    try:
        from htmldate.core import examine_header
        from htmldate.extractors import extract_url_date, json_search
        from htmldate.utils import Extractor
        from htmldate.validators import get_max_date, get_min_date

        options = Extractor(False, get_max_date(_latest(now)), get_min_date(None), True, "%Y-%m-%d")
        if not url:  # find_date's own probe for a page read without its URL
            link = doc.find('.//link[@rel="canonical"]')
            url = link.get("href") if link is not None else ""
        return (
            extract_url_date(url or None, options)
            or examine_header(doc, options)
            or json_search(doc, options)
        )
    except Exception:  # a changed or broken htmldate: its full search still runs
        log.debug("htmldate's header stages failed on %s", url, exc_info=True)
        return None


TEXT_SEARCH_SKIPPED_FOR = frozenset({"meta"})
"""Sources of Warta's own pick that htmldate's search of the page text is not run against: a
publication date the page states in its markup (meta tags, `itemprop=datePublished` with a
`datetime`, hAtom's `abbr.published`) where htmldate's own header stages found none. On the
pages where that search ran it was wrong more often than the markup: dates 28 of 28 pages right
by the markup, 27 after htmldate; wcxb-articles 13 of 15 both ways. JSON-LD is not among them
(wcxb-articles: 10 of 15 by JSON-LD, 14 with htmldate)."""


def page_day(
    page_text: str,
    url: str,
    now: datetime | None,
    structured: str | None = None,
    *,
    own_source: str | None = None,
) -> tuple[date, str] | None:
    """The publication day by htmldate's rules, with its source: the URL's own date first (as
    htmldate itself does), else `structured` (`structured_day` of the page), else
    `htmldate.find_date(original_date=True)` on the page, its quick search first (the free-text
    search with dateparser only where that finds nothing: the same days on the dev sets, a
    fraction of the time) — unless Warta's own pick came from `own_source` in
    TEXT_SEARCH_SKIPPED_FOR. Never raises, never fetches."""
    from_url = url_date(url)
    if from_url is not None:
        return from_url, "url"
    if structured:
        return _day(structured)
    if own_source in TEXT_SEARCH_SKIPPED_FOR:
        return None
    try:
        from htmldate import find_date
        from htmldate.utils import load_html
    except ImportError:  # a declared dependency; a broken install costs the fallback only
        return None
    latest = _latest(now)
    found = None
    try:
        # Bytes, never text: htmldate downloads a text that looks like a URL. Parsed once for
        # both searches: find_date copies a tree it is given before pruning it (0.8 ms a
        # wcxb-articles page against 2.4 to parse), and reads it as it reads the bytes.
        tree = load_html(page_text.encode("utf-8", "replace"))
    except Exception:  # the library's own bugs on hostile pages must not cost the article
        log.debug("htmldate cannot parse %s", url, exc_info=True)
        return None
    if tree is None:  # not HTML to htmldate either
        return None
    _drop_comment_regions(tree)  # a reader's comment is dated when it was written
    for extensive in (False, True):
        try:
            found = find_date(
                tree, original_date=True, url=url or None, max_date=latest,
                extensive_search=extensive,
            )  # fmt: skip
        except Exception:  # as above
            log.debug("htmldate failed on %s", url, exc_info=True)
            found = None
        if found:
            break
    return _day(found) if found else None


def _drop_comment_regions(tree: Any) -> None:
    """Take the reader-comment regions (`scorer.comment_regions`) out of htmldate's tree."""
    from crawler.extract.scorer import comment_regions

    try:
        regions = comment_regions(tree)
    except Exception:  # the tree is htmldate's; a surprise in it costs only this pruning
        log.debug("comment regions unreadable", exc_info=True)
        return
    for region in regions:
        parent = region.getparent()
        if parent is not None and parent not in regions:
            parent.remove(region)


def _day(found: str) -> tuple[date, str] | None:
    try:
        return date.fromisoformat(found[:10]), HTMLDATE_SOURCE
    except ValueError:
        return None


def _latest(now: datetime | None) -> str:
    reference = now or datetime.now(UTC)
    if reference.tzinfo is None:
        reference = reference.replace(tzinfo=UTC)
    return (reference + FUTURE_TOLERANCE).date().isoformat()


def stated_in_indonesian_zone(
    picked: PageDates,
    candidates: Iterable[DateCandidate],
    *,
    now: datetime | None = None,
    default_tz: timezone = WIB,
) -> bool:
    """True when a candidate gives the chosen publication instant in an Indonesian zone: then no
    second opinion can move it (see `reconcile`), and htmldate need not run."""
    if not picked.published_at:
        return False
    return _stated_in_indonesian_zone(
        datetime.fromisoformat(picked.published_at), _parsed(candidates, now, default_tz)
    )


def _parsed(
    candidates: Iterable[DateCandidate], now: datetime | None, default_tz: timezone
) -> list[tuple[ParsedDate, str]]:
    return [
        (p, c.source)
        for c in candidates
        if c.kind == "published"
        and (p := parse_date_details(c.raw, now=now, default_tz=default_tz)) is not None
    ]


def reconcile(
    picked: PageDates,
    day: tuple[date, str] | None,
    candidates: Iterable[DateCandidate],
    *,
    now: datetime | None = None,
    default_tz: timezone = WIB,
) -> PageDates:
    """Warta's choice where htmldate's day agrees or is unknown; else that day.

    Where the two differ only by a time zone (an instant stamped in UTC that is still the previous
    evening on the page's own calendar), the instant is kept and written in the zone the page
    states for it, or else in the whole-hour offset nearest to the stamp's own that puts it on
    that day. Otherwise the day comes with the time of a candidate printed for it (with a zone),
    else as a day (midnight in `default_tz`, as URL dates always were).
    """
    if day is None:
        return picked
    target, source = day
    candidates = list(candidates)
    parsed = _parsed(candidates, now, default_tz)
    if picked.published_at and _labelled_modified(target, candidates, parsed, now, default_tz):
        return picked
    if picked.published_at:
        ours = datetime.fromisoformat(picked.published_at)
        # a printed time in WIB may be a sidebar's, which the URL's own day outranks
        sidebar_only = source == "url" and printed_only_in_lists(picked, candidates)
        if ours.date() == target or (not sidebar_only and _stated_in_indonesian_zone(ours, parsed)):
            return picked
        if _labelled_publication(ours, candidates, now, default_tz):
            return picked
        if _stated_relatively(ours, candidates, now, default_tz):
            return picked
        # a day alone (`10 Juli 2024` read as midnight) is no instant to move between zones
        instant = ours.time() != time(0) or any(
            found.has_time and abs(found.moment - ours) < _SAME_INSTANT for found, _ in parsed
        )
        if instant and ours.utcoffset() and ours.astimezone(UTC).date() == target:
            return picked  # the same instant, read by htmldate in UTC: the page's zone has its day
        shifted = _same_instant_on(ours, target, parsed) if instant else None
        if shifted is not None:
            return replace(picked, published_at=iso_minute(shifted))
    for found, found_source in parsed:
        if found.has_time and found.zone_given and found.moment.date() == target:
            return replace(
                picked, published_at=iso_minute(found.moment), published_at_source=found_source
            )
    midnight = datetime(target.year, target.month, target.day, tzinfo=default_tz)
    return replace(picked, published_at=iso_minute(midnight), published_at_source=source)


def printed_only_in_lists(picked: PageDates, candidates: Sequence[DateCandidate]) -> bool:
    """True when the chosen publication time is printed text found only in lists of other
    stories (`DateCandidate.chrome`)."""
    if picked.published_at_source != "text" or not picked.published_at:
        return False
    moment = datetime.fromisoformat(picked.published_at)
    giving = [
        c
        for c in candidates
        if c.source == "text"
        and (found := parse_date_details(c.raw)) is not None
        and abs(found.moment - moment) < _SAME_INSTANT
    ]
    return bool(giving) and all(c.chrome for c in giving)


def _labelled_modified(
    target: date,
    candidates: list[DateCandidate],
    parsed: list[tuple[ParsedDate, str]],
    now: datetime | None,
    default_tz: timezone,
) -> bool:
    """True when the page's markup labels `target` a modification (`article:modified_time`,
    `dateModified`) and labels no publication on that day: htmldate's header stages fall back to
    a modified date where a page has no published `<meta>`, which Yoast's pages (a JSON-LD
    `WebPage` with its `datePublished`, no `article:published_time`) give on every update."""
    if any(target in _found_days(found) for found, _ in parsed):
        return False
    return any(
        candidate.kind == "modified"
        and (found := parse_date_details(candidate.raw, now=now, default_tz=default_tz)) is not None
        and target in _days(found.moment)
        for candidate in candidates
    )


def _labelled_publication(
    moment: datetime, candidates: list[DateCandidate], now: datetime | None, default_tz: timezone
) -> bool:
    """True when the page prints this instant (or its day, printed without a time) under a
    publication label (`Diterbitkan 14 Agu 2024, 10:22`, `Published on ...`) and labels no other
    day so: its own word on which time it
    is, which a date list elsewhere on the page (the day's header, related posts) must not move.
    Labels on several days are a comment thread's (`Posted by: X at ...`), no word at all."""
    labelled = [
        found
        for candidate in candidates
        if candidate.source == "text"
        and candidate.kind == "published"
        and PUBLISHED_MARK.search(candidate.raw)
        and (found := parse_date_details(candidate.raw, now=now, default_tz=default_tz)) is not None
    ]
    return len({found.moment.date() for found in labelled}) == 1 and any(
        abs(found.moment - moment) < _SAME_INSTANT
        if found.has_time
        else found.moment.date() == moment.date()  # `Diposting pada 20 Mei 2024`: the day alone
        for found in labelled
    )


def _stated_relatively(
    moment: datetime, candidates: list[DateCandidate], now: datetime | None, default_tz: timezone
) -> bool:
    """True when the page's printed stamp nearest its headline is relative to the fetch (`2 hari
    lalu`, `kemarin 19:40`, `3 hours ago`) and gives this day: a stamp no other page carries,
    where htmldate's day is most often the header's `today` (the fetch day itself)."""
    printed = next((c for c in candidates if c.source == "text" and c.kind == "published"), None)
    if printed is None or _YEAR.search(printed.raw) or not RELATIVE_STAMP.search(printed.raw):
        return False
    found = parse_date_details(printed.raw, now=now, default_tz=default_tz)
    return found is not None and found.moment.date() == moment.date()


_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")


def _days(moment: datetime) -> tuple[date, date]:
    """The instant's day as written and in UTC (htmldate reads some stamps in UTC)."""
    return moment.date(), moment.astimezone(UTC).date()


def _found_days(found: ParsedDate) -> tuple[date, ...]:
    """`_days` of a parsed date; a day printed without a time is that day alone (midnight in the
    default zone is no instant whose UTC day means anything)."""
    return _days(found.moment) if found.has_time else (found.moment.date(),)


def _stated_in_indonesian_zone(moment: datetime, parsed: list[tuple[ParsedDate, str]]) -> bool:
    """True when the page gives this instant in an Indonesian zone (`14:38 WIB`, `+08:00`): Warta's
    own rules read Indonesian pages, and a date list elsewhere on the page (related posts, the
    day's header) must not move it."""
    return any(
        found.zone_given
        and found.moment.utcoffset() in INDONESIAN_OFFSETS
        and abs(found.moment - moment) < _SAME_INSTANT
        for found, _ in parsed
    )


_SAME_INSTANT = PRINTED_TIME_PRECISION


def _same_instant_on(
    moment: datetime, target: date, parsed: list[tuple[ParsedDate, str]]
) -> datetime | None:
    """`moment` written on the calendar day `target`: in a zone the page states for the same
    instant, else in the nearest whole-hour offset; None when no real offset can do it."""
    for found, _ in parsed:
        same = abs(found.moment - moment) < _SAME_INSTANT
        if same and found.zone_given and found.has_time and found.moment.date() == target:
            return found.moment
    own = moment.utcoffset() or timedelta(0)
    for hours in range(1, 27):  # widen the shift an hour at a time, in the needed direction
        step = timedelta(hours=hours if target > moment.date() else -hours)
        offset = own + step
        if not -timedelta(hours=12) <= offset <= MAX_ZONE_SHIFT:
            return None
        local = moment.astimezone(timezone(offset))
        if local.date() == target:
            return local
    return None
