"""When the next request may start: Retry-After, retry backoff, Crawl-delay spacing per host.

Pure timekeeping (callers pass `now`, a monotonic clock reading in seconds); nothing here sleeps
or knows Scrapy.
"""

from __future__ import annotations

import random
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime

RETRY_AFTER_STATUSES = frozenset({429, 503})
"""RFC 9110 section 10.2.3: Retry-After is meaningful on 503 and (RFC 6585) 429 answers."""

BACKOFF_BASE_SECONDS = 1.0
"""First retry waits about this long; each next one twice as long (exponential backoff)."""

BACKOFF_MAX_SECONDS = 60.0
"""Longest backoff between two attempts at one URL: a minute keeps a run moving."""

RETRY_AFTER_MAX_SECONDS = 600.0
"""A Retry-After longer than this (10 minutes) is not waited for: the request gives up at once
(a portal saying "come back tomorrow" is retried by the next scheduled run, not this one)."""


def parse_retry_after(value: str | bytes | None, *, now: datetime | None = None) -> float | None:
    """Seconds to wait from a Retry-After value (delay-seconds or an HTTP-date), or None if unusable."""
    if value is None:
        return None
    if isinstance(value, bytes):
        value = value.decode("latin-1", errors="replace")
    value = value.strip()
    if not value:
        return None
    if value.isdigit():
        return float(int(value[:12]))  # 12 digits: 30,000 years, no overflow games
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError, OverflowError):
        return None
    if when is None:
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)  # RFC 9110 HTTP-dates are GMT
    now = now or datetime.now(UTC)
    return max(0.0, (when - now).total_seconds())


def backoff_seconds(
    attempt: int,
    *,
    base: float = BACKOFF_BASE_SECONDS,
    cap: float = BACKOFF_MAX_SECONDS,
    jitter: float | None = None,
) -> float:
    """Wait before retry number `attempt` (1, 2, ...): base * 2^(attempt-1), capped, with jitter.

    `jitter` in [0, 1) scales the wait between 50 % and 100 % ("equal jitter", so retries of many
    URLs do not hit the portal in lock-step); None draws it at random."""
    if attempt < 1 or base <= 0:
        return 0.0
    exponent = min(attempt - 1, 32)  # 2^32 s is far past any cap
    wait = min(cap, base * (2**exponent))
    if jitter is None:
        jitter = random.random()
    jitter = min(max(jitter, 0.0), 1.0)
    return wait * (0.5 + 0.5 * jitter)


def retry_wait(
    status: int | None,
    retry_after: float | None,
    attempt: int,
    *,
    base: float = BACKOFF_BASE_SECONDS,
    cap: float = BACKOFF_MAX_SECONDS,
    retry_after_max: float = RETRY_AFTER_MAX_SECONDS,
    jitter: float | None = None,
) -> float | None:
    """Seconds to wait before retrying, or None to give up now (Retry-After beyond the limit).

    A Retry-After on 429/503 is honoured (never less than the backoff); other failures back off."""
    backoff = backoff_seconds(attempt, base=base, cap=cap, jitter=jitter)
    if status in RETRY_AFTER_STATUSES and retry_after is not None:
        if retry_after > retry_after_max:
            return None
        return max(retry_after, backoff)
    return backoff


class HostPacer:
    """Per host: the earliest time the next request may start (Crawl-delay spacing, pauses)."""

    def __init__(self) -> None:
        self._interval: dict[str, float] = {}
        self._next_start: dict[str, float] = {}
        self._paused_until: dict[str, float] = {}

    def set_interval(self, host: str, seconds: float | None) -> None:
        """Space request starts to `host` at least `seconds` apart (None or 0: no spacing)."""
        if seconds and seconds > 0:
            self._interval[host] = float(seconds)
        else:
            self._interval.pop(host, None)

    def interval(self, host: str) -> float:
        """The spacing in force for `host` (0 when none)."""
        return self._interval.get(host, 0.0)

    def pause(self, host: str, until: float) -> None:
        """Start nothing on `host` before `until` (a Retry-After); later pauses extend it."""
        self._paused_until[host] = max(self._paused_until.get(host, 0.0), until)

    def paused_until(self, host: str) -> float:
        """The end of the pause on `host` (0 when none)."""
        return self._paused_until.get(host, 0.0)

    def reserve(self, host: str, now: float, *, not_before: float = 0.0) -> float:
        """Book the next start on `host` and return how long to wait for it (0: go now).

        Concurrent callers get successive slots `interval` apart, so two requests in flight
        still start Crawl-delay seconds apart."""
        start = max(now, not_before, self._paused_until.get(host, 0.0))
        interval = self._interval.get(host, 0.0)
        if interval:
            start = max(start, self._next_start.get(host, 0.0))
            self._next_start[host] = start + interval
        return start - now
