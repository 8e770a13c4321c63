"""Date archives as a discovery channel: `/YYYY/MM/`, `/YYYY/MM/DD/`, `/indeks?date=` for a window."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any
from urllib.parse import urlencode, urlsplit

from crawler.discovery._dates import as_date
from crawler.discovery._urls import absolute_url
from crawler.discovery.links import YEARS
from crawler.discovery.pages import CANDIDATE_KINDS
from crawler.discovery.pagination import listing_links, next_page_url
from crawler.discovery.records import Discovered, DiscoveryError

MAX_ARCHIVE_DAYS = 40 * 366
"""Widest window built (in days): 40 years reaches back before the first Indonesian news
portals (mid-1990s); a wider window is a caller's bug, refused rather than built."""

INDEKS_PATH = "/indeks"
"""The index page most Indonesian portals expose (`/indeks?date=YYYY-MM-DD`)."""

INDEKS_PARAM = "date"
INDEKS_DATE_FORMAT = "%Y-%m-%d"

ARCHIVE_STYLES = ("month", "day", "indeks")
"""Archive URL shapes `archive_urls` builds."""


def _window(since: date | datetime | str, until: date | datetime | str) -> tuple[date, date]:
    try:
        first, last = as_date(since), as_date(until)
    except ValueError as exc:
        raise DiscoveryError(f"bad archive window: {exc}") from None
    if (last - first).days > MAX_ARCHIVE_DAYS:
        raise DiscoveryError(
            f"archive window of {(last - first).days} days exceeds {MAX_ARCHIVE_DAYS}", "too-large"
        )
    return first, last


def _root(base_url: str) -> str:
    root = absolute_url("/", base_url)
    if root is None:
        raise DiscoveryError(f"not an http(s) base URL: {base_url!r}")
    return root.rstrip("/")


def _days_newest_first(first: date, last: date) -> list[date]:
    return [last - timedelta(days=offset) for offset in range((last - first).days + 1)]


def day_archive_urls(
    base_url: str, since: date | datetime | str, until: date | datetime | str
) -> list[str]:
    """`/YYYY/MM/DD/` for every day of the window, newest first."""
    first, last = _window(since, until)
    root = _root(base_url)
    return [f"{root}/{day:%Y/%m/%d}/" for day in _days_newest_first(first, last)]


def month_archive_urls(
    base_url: str, since: date | datetime | str, until: date | datetime | str
) -> list[str]:
    """`/YYYY/MM/` for every month the window touches, newest first."""
    first, last = _window(since, until)
    root = _root(base_url)
    urls: list[str] = []
    year, month = last.year, last.month
    while (year, month) >= (first.year, first.month):
        urls.append(f"{root}/{year:04d}/{month:02d}/")
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    return urls


def indeks_urls(
    base_url: str,
    since: date | datetime | str,
    until: date | datetime | str,
    path: str = INDEKS_PATH,
    param: str = INDEKS_PARAM,
    date_format: str = INDEKS_DATE_FORMAT,
) -> list[str]:
    """`/indeks?date=YYYY-MM-DD` (path, parameter and format adjustable) per day, newest first."""
    first, last = _window(since, until)
    page = absolute_url(path, _root(base_url) + "/")
    if page is None:
        raise DiscoveryError(f"bad index path {path!r}")
    separator = "&" if urlsplit(page).query else "?"
    return [
        f"{page}{separator}{urlencode([(param, day.strftime(date_format))])}"
        for day in _days_newest_first(first, last)
    ]


def archive_urls(
    base_url: str, since: date | datetime | str, until: date | datetime | str, style: str = "month"
) -> list[Discovered]:
    """Archive pages of one style (`month`, `day`, `indeks`) for the window, newest first."""
    builders = {"month": month_archive_urls, "day": day_archive_urls, "indeks": indeks_urls}
    if style not in builders:
        raise DiscoveryError(f"unknown archive style {style!r}; expected one of {ARCHIVE_STYLES}")
    return [
        Discovered(url=url, channel="archive", kind="listing")
        for url in builders[style](base_url, since, until)
    ]


def archive_date(url: str) -> date | None:
    """The day a date-archive URL names (the 1st for a month archive), or None."""
    try:
        parts = urlsplit(url)
    except (AttributeError, TypeError, ValueError):
        return None
    for key_value in parts.query.split("&"):
        key, _, value = key_value.partition("=")
        if key == INDEKS_PARAM:
            try:
                return datetime.strptime(value, INDEKS_DATE_FORMAT).date()
            except ValueError:
                return None
    segments = [s for s in parts.path.split("/") if s]
    for index in range(len(segments) - 1):
        year, month = segments[index], segments[index + 1]
        if not (year.isdigit() and len(year) == 4 and int(year) in YEARS and month.isdigit()):
            continue
        day = segments[index + 2] if index + 2 < len(segments) else "1"
        try:
            return date(int(year), int(month), int(day) if day.isdigit() else 1)
        except ValueError:
            return None
    return None


def parse_archive_page(url: str, html_body: Any) -> list[Discovered]:
    """An archive page's article links (with card dates), then its next page (kind `listing`)."""
    found = [
        Discovered(url=link.url, channel="archive", kind="article", title=link.text,
                   published_at=link.published_at)
        for link in listing_links(html_body, url)
        if link.kind in CANDIDATE_KINDS
    ]  # fmt: skip
    following = next_page_url(html_body, url)
    if following:
        found.append(Discovered(url=following, channel="archive", kind="listing"))
    return found
