"""Crawl traps: URLs that would make a crawl endless (repeated path segments, deep paths, endless
calendars, session and tracking parameters, redirect loops and chains), decided from the URL alone.

Pure: nothing here knows Scrapy; crawler/crawl/middlewares.py drops (and counts) what these refuse.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from datetime import date, timedelta
from urllib.parse import parse_qsl, urldefrag, urlencode, urlsplit, urlunsplit

from crawler.extract.dates import EARLIEST_YEAR
from crawler.fingerprints import is_tracking_param

MAX_PATH_DEPTH = 12
"""Most path segments a crawled URL may have: real portal URLs have 1-7 (`/2024/05/21/slug/`,
`/kanal/sub/read/2024/05/21/123/slug`); deeper ones are relative-link or calendar loops."""

MAX_SEGMENT_REPEATS = 3
"""A path segment seen this many times (`/a/b/a/b/a/`) is a relative-link loop; twice happens
legitimately (`/2024/05/05/`, `/berita/daerah/berita-daerah/`)."""

MAX_URL_LENGTH = 2083
"""Longest URL requested: Scrapy's URLLENGTH_LIMIT default (Internet Explorer's old limit)."""

FUTURE_DAYS = 2
"""A URL dated more than this many days after today is a calendar running into the future
(a day of slack for time zones: WIB is UTC+7, WIT UTC+9)."""

MAX_REDIRECT_HOPS = 10
"""Redirects followed for one request: Scrapy's REDIRECT_MAX_TIMES in crawler/settings.py;
RFC 9309 asks for at least five, browsers stop at about twenty."""

DATE_QUERY_KEYS = frozenset(
    {"date", "tanggal", "tgl", "day", "hari", "month", "bulan", "year", "tahun", "m", "d",
     "from", "to", "start", "end", "since", "until", "before", "after", "updated-max",
     "updated-min", "published-max", "published-min"}
)  # fmt: skip
"""Query keys whose value is a date in calendar and archive URLs (`?tanggal=2024-05-21`,
`?m=202405`, `?bulan=5&tahun=2024`, Blogger's `updated-max`)."""

_DATE_VALUE = re.compile(
    r"^(?P<year>\d{4})(?:-?(?P<month>\d{2})(?:-?(?P<day>\d{2}))?)?(?:[T ].*)?$"
)
_PATH_SESSION = re.compile(r";(?:jsessionid|phpsessid|sid|sessionid)=[^/?#]*", re.IGNORECASE)
_ASPNET_SESSION = re.compile(r"/\([A-Z]\([A-Za-z0-9]+\)\)", re.IGNORECASE)  # `/(S(abc123))/`


def _segments(path: str) -> list[str]:
    return [s for s in path.split("/") if s]


def _day_of(year: int, month: int | None, day: int | None) -> date | None:
    try:
        return date(year, month or 1, day or 1)
    except ValueError:
        return None


def url_dates(url: str) -> list[tuple[int, int | None, int | None]]:
    """(year, month, day) triples a URL's path (`/YYYY/MM/`, `/YYYY/MM/DD/`) or date-named query
    parameters carry; a four-digit path number alone is not a year (it may be an id)."""
    try:
        parts = urlsplit(url)
    except (ValueError, TypeError, AttributeError):
        return []
    found: list[tuple[int, int | None, int | None]] = []
    segments = _segments(parts.path)
    for index, segment in enumerate(segments[:-1]):
        following = segments[index + 1]
        if len(segment) == 4 and segment.isdigit() and following.isdigit() and len(following) <= 2:
            month = int(following)
            if not 1 <= month <= 12:
                continue
            day = None
            if index + 2 < len(segments):
                after = segments[index + 2]
                if after.isdigit() and len(after) <= 2 and 1 <= int(after) <= 31:
                    day = int(after)
            found.append((int(segment), month, day))
    query = parse_qsl(parts.query, keep_blank_values=False)
    values = {k.lower(): v for k, v in query}
    paired: set[str] = set()
    for year_key, month_key in (("year", "month"), ("tahun", "bulan")):
        year_text, month_text = values.get(year_key, ""), values.get(month_key, "")
        month_ok = month_text.isdigit() and 1 <= int(month_text) <= 12
        if year_text.isdigit() and len(year_text) == 4 and month_ok:
            found.append((int(year_text), int(month_text), None))
            paired.add(year_key)
    for key, value in query:
        key = key.lower()
        if key not in DATE_QUERY_KEYS or key in paired:
            continue
        match = _DATE_VALUE.match(value.strip())
        if match:
            query_month = int(match["month"]) if match["month"] else None
            query_day = int(match["day"]) if match["day"] else None
            if query_month is not None and not 1 <= query_month <= 12:
                continue
            found.append((int(match["year"]), query_month, query_day))
    return found


def calendar_trap(
    url: str,
    *,
    today: date,
    earliest_year: int = EARLIEST_YEAR,
    future_days: int = FUTURE_DAYS,
) -> bool:
    """True when a URL is dated before online news existed or after tomorrow (an endless calendar)."""
    latest = today + timedelta(days=future_days)
    for year, month, day in url_dates(url):
        if year < earliest_year:
            return True
        first_day = _day_of(year, month, day)
        if first_day is None:
            if year > latest.year:
                return True
            continue
        if first_day > latest:
            return True
    return False


def trap_reason(
    url: str,
    *,
    today: date,
    max_path_depth: int = MAX_PATH_DEPTH,
    max_repeats: int = MAX_SEGMENT_REPEATS,
    max_url_length: int = MAX_URL_LENGTH,
    earliest_year: int = EARLIEST_YEAR,
    future_days: int = FUTURE_DAYS,
) -> str | None:
    """Why a URL is a crawl trap (`url-too-long`, `path-depth`, `repeated-segment`, `calendar`),
    or None when it may be crawled."""
    if not isinstance(url, str):
        return "unparsable"
    if len(url) > max_url_length:
        return "url-too-long"
    try:
        parts = urlsplit(url)
    except ValueError:
        return "unparsable"
    segments = [s.lower() for s in _segments(parts.path)]
    if len(segments) > max_path_depth:
        return "path-depth"
    if segments and max(Counter(segments).values()) >= max_repeats:
        return "repeated-segment"
    if calendar_trap(url, today=today, earliest_year=earliest_year, future_days=future_days):
        return "calendar"
    return None


def strip_session_params(url: str) -> str:
    """`url` without session ids (query, `;jsessionid=` path, ASP.NET `/(S(...))/`) and tracking
    parameters; the same string when there is nothing to strip."""
    if not isinstance(url, str):
        return url
    try:
        parts = urlsplit(url)
    except ValueError:
        return url
    path = _ASPNET_SESSION.sub("", _PATH_SESSION.sub("", parts.path))
    query_pairs = parse_qsl(parts.query, keep_blank_values=True)
    kept = [(k, v) for k, v in query_pairs if not is_tracking_param(k)]
    if path == parts.path and len(kept) == len(query_pairs):
        return url
    query = urlencode(kept) if len(kept) != len(query_pairs) else parts.query
    return urlunsplit((parts.scheme, parts.netloc, path, query, parts.fragment))


def redirect_trap(
    chain: Sequence[str], target: str, *, max_hops: int = MAX_REDIRECT_HOPS
) -> str | None:
    """`redirect-loop` when `target` is already in the redirect `chain` (URLs fetched so far, first
    to last), `redirect-chain` when following it would make more than `max_hops` redirects."""
    target_key = urldefrag(target)[0]
    if any(urldefrag(url)[0] == target_key for url in chain):
        return "redirect-loop"
    if len(chain) > max_hops:
        return "redirect-chain"
    return None
