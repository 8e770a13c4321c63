"""Dates as discovery channels write them (W3C Datetime, RFC 822, WordPress REST) -> ISO 8601."""

from __future__ import annotations

import email.utils
import re
from datetime import UTC, date, datetime, timedelta, timezone

WIB = timezone(timedelta(hours=7))
"""Western Indonesia Time: the zone assumed when a channel gives a time without one
(the same rule as `RawArticle.published_at` in crawler/items.py)."""

_DATE_ONLY_LENGTHS = {4: "%Y", 7: "%Y-%m", 10: "%Y-%m-%d"}
"""W3C Datetime's reduced precisions: YYYY, YYYY-MM, YYYY-MM-DD."""


def _iso(moment: datetime) -> str:
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=WIB)
    return moment.isoformat(timespec="seconds")


def parse_w3c_datetime(text: str | None) -> str | None:
    """W3C Datetime / ISO 8601 text (sitemap lastmod, Atom, dc:date) -> ISO 8601, or None."""
    if not text:
        return None
    text = text.strip()
    fmt = _DATE_ONLY_LENGTHS.get(len(text))
    if fmt:
        try:
            parsed = datetime.strptime(text, fmt)
        except ValueError:
            return None
        return text if fmt != "%Y-%m-%d" else parsed.date().isoformat()
    candidate = text.replace(" ", "T", 1)
    if candidate.endswith(("Z", "z")):
        candidate = candidate[:-1] + "+00:00"
    try:
        return _iso(datetime.fromisoformat(candidate))
    except ValueError:
        return None


def parse_rfc822_datetime(text: str | None) -> str | None:
    """RFC 822 / 2822 text (RSS pubDate) -> ISO 8601, or None; falls back to W3C Datetime."""
    if not text:
        return None
    try:
        parsed = email.utils.parsedate_to_datetime(text.strip())
    except (TypeError, ValueError, IndexError, OverflowError):
        return parse_w3c_datetime(text) or _as_printed(text)
    return _iso(parsed)


def _as_printed(text: str) -> str | None:
    """A date a CMS wrote in neither standard: Indonesian month or day names (`Sen, 04 Mei 2024
    10:30:00 +0700`), unpadded (`2024-3-4`) or day-first (`04/03/2024`) numbers, read with the
    article pages' date grammar (crawler.extract.dates); a day alone stays a day."""
    from crawler.extract.dates import parse_date_details

    if len(text) > MAX_PRINTED_DATE_CHARS or not _YEAR.search(text):
        return None  # no year: a relative date (`kemarin`, `3 jam lalu`) moves with the clock
    found = parse_date_details(text.strip())
    if found is None:
        return None
    return _iso(found.moment) if found.has_time else found.moment.date().isoformat()


_YEAR = re.compile(r"\d{4}")

MAX_PRINTED_DATE_CHARS = 80
"""A channel's date field is a short string (`Senin, 04 Maret 2024 10:30:00 +0700` is 36); a
longer one is a description, not a date."""


def parse_any_datetime(text: str | None) -> str | None:
    """A channel's date in either common shape -> ISO 8601, or None."""
    return parse_w3c_datetime(text) or parse_rfc822_datetime(text)


def wordpress_datetime(local: str | None, gmt: str | None) -> str | None:
    """WordPress REST `date` (site-local, no zone) with `date_gmt` (UTC) -> ISO 8601 with the site's offset."""
    try:
        local_time = datetime.fromisoformat(local) if local else None
        gmt_time = datetime.fromisoformat(gmt).replace(tzinfo=UTC) if gmt else None
    except (TypeError, ValueError):
        return parse_w3c_datetime(local) if isinstance(local, str) else None
    if local_time is not None and local_time.tzinfo is not None:
        return _iso(local_time)
    if local_time is not None and gmt_time is not None:
        offset = local_time - gmt_time.replace(tzinfo=None)
        # real zones are whole quarter hours within +-14 h; anything else is a broken pair
        if abs(offset) <= timedelta(hours=14) and offset % timedelta(minutes=15) == timedelta(0):
            return _iso(local_time.replace(tzinfo=timezone(offset)))
    if gmt_time is not None:
        return _iso(gmt_time)
    return _iso(local_time) if local_time is not None else None


def as_date(value: date | datetime | str) -> date:
    """A date from a date, datetime or ISO text (ValueError when it is none of them)."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        return datetime.fromisoformat(value.strip()[:10]).date()
    raise ValueError(f"not a date: {value!r}")
