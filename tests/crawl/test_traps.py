"""Crawl traps are decided from URLs alone: tables of traps and of real-looking URLs that are not."""

from __future__ import annotations

from datetime import date

import pytest

from crawler.crawl.policy.traps import (
    MAX_PATH_DEPTH,
    calendar_trap,
    redirect_trap,
    strip_session_params,
    trap_reason,
    url_dates,
)

TODAY = date(2024, 6, 1)
P = "http://portal.example"


@pytest.mark.parametrize(
    "url",
    [
        f"{P}/",
        f"{P}/2024/05/21/banjir-bandang-terjang-tarogong-kidul/",
        f"{P}/2024/05/21/banjir-bandang/amp/",
        f"{P}/2024/05/05/",  # twice the same number is a real date
        f"{P}/berita/daerah/berita-daerah-hari-ini/",
        f"{P}/kanal/sub/read/2024/05/21/123456/judul-berita-panjang",
        f"{P}/category/pilkada/page/57/",
        f"{P}/indeks?date=2024-05-31",
        f"{P}/indeks?date=2024-06-03",  # two days ahead: time-zone slack
        f"{P}/?m=202405",
        f"{P}/search?updated-max=2024-05-01T10:00:00%2B07:00&max-results=20",
        f"{P}/2009/01/",
        f"{P}/1995/12/31/arsip-pertama/",
        f"{P}/berita/2345/slug-dengan-angka",  # a four-digit id, not a year
        f"{P}/tag/2030/",  # a number alone is not a date
        f"{P}/agenda?bulan=5&tahun=2024",
    ],
)
def test_real_urls_are_not_traps(url):
    assert trap_reason(url, today=TODAY) is None


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        (f"{P}/a/b/a/b/a/b/", "repeated-segment"),
        (f"{P}/berita/berita/berita/", "repeated-segment"),
        (f"{P}/kategori/Daerah/kategori/daerah/KATEGORI/", "repeated-segment"),
        (f"{P}/" + "/".join(f"s{i}" for i in range(MAX_PATH_DEPTH + 1)) + "/", "path-depth"),
        (f"{P}/agenda/2024/07/", "calendar"),
        (f"{P}/agenda/2031/01/01/", "calendar"),
        (f"{P}/arsip/1899/12/", "calendar"),
        (f"{P}/kalender?tanggal=2024-06-05", "calendar"),
        (f"{P}/kalender?date=20990101", "calendar"),
        (f"{P}/kalender?month=7&year=2024", "calendar"),
        (f"{P}/kalender?bulan=01&tahun=2099", "calendar"),
        (f"{P}/kalender?year=2100", "calendar"),
        (f"{P}/events/?m=199001", "calendar"),
        (f"{P}/" + "x" * 2100, "url-too-long"),
    ],
)
def test_traps(url, reason):
    assert trap_reason(url, today=TODAY) == reason


def test_limits_are_parameters():
    deep = f"{P}/a/b/c/d/e/"
    assert trap_reason(deep, today=TODAY, max_path_depth=4) == "path-depth"
    assert trap_reason(deep, today=TODAY, max_path_depth=5) is None
    assert trap_reason(f"{P}/x/x/", today=TODAY, max_repeats=2) == "repeated-segment"
    assert trap_reason(f"{P}/2024/06/10/", today=TODAY, future_days=10) is None
    assert trap_reason(f"{P}/2024/06/12/", today=TODAY, future_days=10) == "calendar"


@pytest.mark.parametrize(
    ("url", "dates"),
    [
        (f"{P}/2024/05/21/judul/", [(2024, 5, 21)]),
        (f"{P}/2024/05/", [(2024, 5, None)]),
        (f"{P}/2024/13/", []),  # no month 13
        (f"{P}/2024/05/45/", [(2024, 5, None)]),  # 45 is not a day
        (f"{P}/indeks?date=2024-05-31", [(2024, 5, 31)]),
        (f"{P}/?m=202405", [(2024, 5, None)]),
        (f"{P}/?tahun=2024&bulan=5", [(2024, 5, None)]),
        (f"{P}/?q=2024-05-31", []),  # not a date-named parameter
        ("::not a url::", []),
    ],
)
def test_url_dates(url, dates):
    assert url_dates(url) == dates


def test_calendar_bounds():
    assert not calendar_trap(f"{P}/2024/06/03/", today=TODAY)
    assert calendar_trap(f"{P}/2024/06/04/", today=TODAY)
    assert calendar_trap(f"{P}/1994/12/", today=TODAY)
    assert not calendar_trap(f"{P}/1994/12/", today=TODAY, earliest_year=1990)
    assert not calendar_trap(f"{P}/2024/02/30/", today=TODAY)  # impossible day: not a date


@pytest.mark.parametrize(
    ("url", "stripped"),
    [
        (f"{P}/page/2/?PHPSESSID=abc123", f"{P}/page/2/"),
        (f"{P}/page/2/?sid=9&paged=3", f"{P}/page/2/?paged=3"),
        (f"{P}/page/2/;jsessionid=0AF3?x=1", f"{P}/page/2/?x=1"),
        (f"{P}/(S(lit3py55t21z5v55vlm25s55))/berita.aspx", f"{P}/berita.aspx"),
        (f"{P}/a/?utm_source=fb&utm_medium=x&id=7", f"{P}/a/?id=7"),
        (f"{P}/a/?fbclid=IwAR0&gclid=1#komentar", f"{P}/a/#komentar"),
        (f"{P}/a/?id=7&b=2", f"{P}/a/?id=7&b=2"),  # nothing to strip: the same string
        (f"{P}/a/?b=2&id=7", f"{P}/a/?b=2&id=7"),  # order kept when nothing is stripped
        ("not a url", "not a url"),
    ],
)
def test_strip_session_params(url, stripped):
    assert strip_session_params(url) == stripped


@pytest.mark.parametrize(
    ("chain", "target", "reason"),
    [
        ([f"{P}/a"], f"{P}/b", None),
        ([f"{P}/a", f"{P}/b"], f"{P}/a", "redirect-loop"),
        ([f"{P}/a"], f"{P}/a", "redirect-loop"),
        ([f"{P}/a"], f"{P}/a#x", "redirect-loop"),  # a fragment is not another page
        (["http://p.example/a"], "https://p.example/a", None),  # http -> https is no loop
        ([f"{P}/r/{i}" for i in range(10)], f"{P}/r/10", None),  # 10th redirect: allowed
        ([f"{P}/r/{i}" for i in range(11)], f"{P}/r/11", "redirect-chain"),
    ],
)
def test_redirect_traps(chain, target, reason):
    assert redirect_trap(chain, target, max_hops=10) == reason


def test_junk_never_raises():
    assert trap_reason(None, today=TODAY) == "unparsable"  # type: ignore[arg-type]
    assert trap_reason("http://[", today=TODAY) == "unparsable"
    assert strip_session_params(None) is None  # type: ignore[arg-type]
