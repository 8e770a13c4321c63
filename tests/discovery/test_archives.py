"""archives: date-archive URL builders (newest first, bounded window) and archive-page parsing."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from crawler.discovery import DiscoveryError
from crawler.discovery.archives import (
    archive_date,
    archive_urls,
    day_archive_urls,
    indeks_urls,
    month_archive_urls,
    parse_archive_page,
)

BASE = "https://kabarpalu.example"


def test_month_archives_newest_first_across_a_year_boundary():
    assert month_archive_urls(BASE + "/kategori/x/", date(2023, 11, 20), date(2024, 2, 3)) == [
        f"{BASE}/2024/02/",
        f"{BASE}/2024/01/",
        f"{BASE}/2023/12/",
        f"{BASE}/2023/11/",
    ]


def test_day_archives_newest_first():
    assert day_archive_urls(BASE, "2024-02-28", datetime(2024, 3, 1, 23, 0)) == [
        f"{BASE}/2024/03/01/",
        f"{BASE}/2024/02/29/",
        f"{BASE}/2024/02/28/",
    ]


def test_indeks_urls_default_and_custom():
    assert indeks_urls(BASE, date(2024, 5, 30), date(2024, 5, 31)) == [
        f"{BASE}/indeks?date=2024-05-31",
        f"{BASE}/indeks?date=2024-05-30",
    ]
    assert indeks_urls(
        BASE, date(2024, 5, 31), date(2024, 5, 31), "/index.php?m=indeks", "tanggal", "%d-%m-%Y"
    ) == [f"{BASE}/index.php?m=indeks&tanggal=31-05-2024"]


def test_archive_urls_are_discovered_listings():
    found = archive_urls(BASE, date(2024, 5, 1), date(2024, 5, 2), style="day")
    assert [(d.url, d.channel, d.kind) for d in found] == [
        (f"{BASE}/2024/05/02/", "archive", "listing"),
        (f"{BASE}/2024/05/01/", "archive", "listing"),
    ]


def test_empty_window():
    assert day_archive_urls(BASE, date(2024, 5, 2), date(2024, 5, 1)) == []
    assert month_archive_urls(BASE, date(2024, 6, 1), date(2024, 5, 1)) == []


@pytest.mark.parametrize(
    ("since", "until", "style", "reason"),
    [
        ("kemarin", "2024-05-01", "day", "malformed"),
        (date(1900, 1, 1), date(2024, 1, 1), "day", "too-large"),
        (date(2024, 1, 1), date(2024, 1, 2), "week", "malformed"),
        (None, date(2024, 1, 2), "month", "malformed"),
    ],
)
def test_bad_windows_are_refused(since, until, style, reason):
    with pytest.raises(DiscoveryError) as caught:
        archive_urls(BASE, since, until, style=style)
    assert caught.value.reason == reason


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        (f"{BASE}/2024/05/", date(2024, 5, 1)),
        (f"{BASE}/2024/05/21/", date(2024, 5, 21)),
        (f"{BASE}/2024/05/21/page/2/", date(2024, 5, 21)),
        (f"{BASE}/indeks?date=2024-05-21", date(2024, 5, 21)),
        (f"{BASE}/2024/13/", None),
        (f"{BASE}/category/daerah/", None),
        (f"{BASE}/indeks?date=besok", None),
    ],
)
def test_archive_date(url, expected):
    assert archive_date(url) == expected


ARCHIVE_PAGE = f"""<!DOCTYPE html><html><body>
<nav><a href="{BASE}/category/sulteng/">Sulteng</a></nav>
<h1>Arsip Harian: 21 Mei 2024</h1>
<article><h2><a href="{BASE}/2024/05/21/nelayan-donggala-dapat-bantuan-mesin-tempel/">Nelayan Donggala Dapat Bantuan</a></h2>
<time datetime="2024-05-21T16:00:00+08:00">21/05/2024</time></article>
<article><h2><a href="/2024/05/21/sekolah-adat-di-lore-dibuka-kembali/">Sekolah Adat di Lore</a></h2>
<time datetime="2024-05-21T09:30:00+08:00">21/05/2024</time></article>
<a class="next page-numbers" href="{BASE}/2024/05/21/page/2/">Berikutnya</a>
</body></html>"""


def test_parse_archive_page():
    found = parse_archive_page(f"{BASE}/2024/05/21/", ARCHIVE_PAGE.encode())
    assert [(d.url, d.kind, d.published_at) for d in found] == [
        (
            f"{BASE}/2024/05/21/nelayan-donggala-dapat-bantuan-mesin-tempel/",
            "article",
            "2024-05-21T16:00:00+08:00",
        ),
        (
            f"{BASE}/2024/05/21/sekolah-adat-di-lore-dibuka-kembali/",
            "article",
            "2024-05-21T09:30:00+08:00",
        ),
        (f"{BASE}/2024/05/21/page/2/", "listing", None),
    ]
    assert {d.channel for d in found} == {"archive"}
    assert found[0].title == "Nelayan Donggala Dapat Bantuan"


def test_empty_archive_page():
    assert (
        parse_archive_page(f"{BASE}/2024/05/21/", b"<html><body>Tidak ada tulisan</body></html>")
        == []
    )
