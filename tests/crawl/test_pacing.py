"""Retry-After parsing, exponential backoff with jitter, and per-host pacing: pure timekeeping."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from crawler.crawl.policy.pacing import HostPacer, backoff_seconds, parse_retry_after, retry_wait

NOW = datetime(2024, 6, 1, 3, 0, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("value", "seconds"),
    [
        ("120", 120.0),
        (b"0", 0.0),
        (" 7 ", 7.0),
        ("Sat, 01 Jun 2024 03:01:00 GMT", 60.0),  # IMF-fixdate
        ("Saturday, 01-Jun-24 03:00:30 GMT", 30.0),  # RFC 850
        ("Sat Jun  1 03:00:10 2024", 10.0),  # asctime
        ("Fri, 31 May 2024 03:00:00 GMT", 0.0),  # in the past: go now
        ("9" * 40, float(int("9" * 12))),  # absurd digits are bounded, not an overflow
        ("-5", None),
        ("soon", None),
        ("", None),
        (None, None),
        ("1.5", None),  # delay-seconds is an integer
    ],
)
def test_parse_retry_after(value, seconds):
    assert parse_retry_after(value, now=NOW) == seconds


@pytest.mark.parametrize(
    ("attempt", "jitter", "seconds"),
    [
        (0, 1.0, 0.0),
        (1, 1.0, 1.0),
        (2, 1.0, 2.0),
        (3, 1.0, 4.0),
        (3, 0.0, 2.0),  # jitter never goes below half
        (10, 1.0, 60.0),  # capped
        (10_000, 1.0, 60.0),  # no overflow
    ],
)
def test_backoff(attempt, jitter, seconds):
    assert backoff_seconds(attempt, base=1.0, cap=60.0, jitter=jitter) == seconds


def test_backoff_jitter_is_random_within_bounds():
    waits = {backoff_seconds(4, base=1.0, cap=60.0) for _ in range(50)}
    assert len(waits) > 1
    assert all(4.0 <= w <= 8.0 for w in waits)


@pytest.mark.parametrize(
    ("status", "retry_after", "attempt", "expected"),
    [
        (503, 30.0, 1, 30.0),  # Retry-After honoured
        (429, 30.0, 1, 30.0),
        (503, 0.0, 3, 4.0),  # never shorter than the backoff
        (503, 601.0, 1, None),  # over the limit: give up now
        (500, 30.0, 1, 1.0),  # Retry-After on a 500 is not a promise; back off
        (503, None, 2, 2.0),
        (None, None, 1, 1.0),  # an exception
    ],
)
def test_retry_wait(status, retry_after, attempt, expected):
    assert retry_wait(status, retry_after, attempt, base=1.0, cap=60.0, jitter=1.0) == expected


def test_pacer_spaces_starts_per_host():
    pacer = HostPacer()
    pacer.set_interval("a.example", 5.0)
    assert pacer.reserve("a.example", 100.0) == 0.0
    assert pacer.reserve("a.example", 100.0) == 5.0  # a second concurrent request
    assert pacer.reserve("a.example", 101.0) == 9.0  # third: slot at 110
    assert pacer.reserve("b.example", 100.0) == 0.0  # other hosts are not held
    pacer.set_interval("a.example", None)
    assert pacer.reserve("a.example", 100.0) == 0.0


def test_pacer_pauses_and_not_before():
    pacer = HostPacer()
    pacer.pause("a.example", 130.0)
    pacer.pause("a.example", 120.0)  # a shorter pause never shortens the longer one
    assert pacer.paused_until("a.example") == 130.0
    assert pacer.reserve("a.example", 100.0) == 30.0
    assert pacer.reserve("a.example", 140.0) == 0.0
    assert pacer.reserve("c.example", 100.0, not_before=103.5) == 3.5
