"""Indonesian date parsing and the page-level choice of publication / modification times."""

from datetime import UTC, datetime, timedelta, timezone

import pytest

from crawler.extract.dates import (
    WIB,
    WIT,
    WITA,
    DateCandidate,
    dates_by_kind,
    parse_date_details,
    parse_indonesian_date,
    pick_dates,
    url_date,
)
from crawler.extract.page import extract_page
from tests.extract.pages import STORY_HTML, page

NOW = datetime(2024, 5, 21, 16, 0, tzinfo=WIB)
"""The fetch time the relative dates are read against."""


def at(*parts, tz=WIB):
    return datetime(*parts, tzinfo=tz)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("21/05/2024", at(2024, 5, 21)),
        ("21-5-2024", at(2024, 5, 21)),
        ("Selasa (21/5/2024) 14.30 WIB", at(2024, 5, 21, 14, 30)),
        ("21 Mei 2024 | 14:30 WITA", at(2024, 5, 21, 14, 30, tz=WITA)),
        ("Senin, 3 Juni 2024 09:15 WIT", at(2024, 6, 3, 9, 15, tz=WIT)),
        ("Kamis, 5 November 2015 - 15:56 wib", at(2015, 11, 5, 15, 56)),
        ("Jum'at, 17 Februari 2017 - 13:30 wib", at(2017, 2, 17, 13, 30)),
        ("Rabu, 4 Agu 2021 08:00", at(2021, 8, 4, 8, 0)),
        ("12 Okt 2020", at(2020, 10, 12)),
        ("1 Des 2019, 23:59 WIB", at(2019, 12, 1, 23, 59)),
        ("Minggu, 7 Januari 2024", at(2024, 1, 7)),
        ("Sabtu, 2 Maret 2024 pukul 19.05 WIB", at(2024, 3, 2, 19, 5)),
        ("14:30 WIB, 21 Mei 2024", at(2024, 5, 21, 14, 30)),
        ("14:30 WIB, Selasa 21 Mei 2024", at(2024, 5, 21, 14, 30)),
        ("Diposting 4 Nop 2023", at(2023, 11, 4)),
        ("Diposting 21 Pebruari 2023", at(2023, 2, 21)),
        ("December 23, 2016", at(2016, 12, 23)),
        ("Sept. 3, 2019 10:12 p.m.", at(2019, 9, 3, 22, 12)),
        ("2024-05-21T14:30:00+07:00", at(2024, 5, 21, 14, 30)),
        ("2024-05-21T07:30:00Z", at(2024, 5, 21, 7, 30, tz=UTC)),
        ("2024-05-21 T07:30:00Z", at(2024, 5, 21, 7, 30, tz=UTC)),
        ("2024-05-21T20-59-53Z", at(2024, 5, 21, 20, 59, 53, tz=UTC)),
        ("2024-05-21 14:30:00", at(2024, 5, 21, 14, 30)),
        ("2024/05/21 14:30:00", at(2024, 5, 21, 14, 30)),
        ("2024-05-21T14:30:00.000+0800", at(2024, 5, 21, 14, 30, tz=WITA)),
        ("2024-05-21", at(2024, 5, 21)),
        ("2 jam lalu", at(2024, 5, 21, 14, 0)),
        ("30 menit yang lalu", at(2024, 5, 21, 15, 30)),
        ("3 hari lalu", at(2024, 5, 18)),
        ("kemarin", at(2024, 5, 20)),
        ("kemarin 10:00 WIB", at(2024, 5, 20, 10, 0)),
        ("3 hours ago", at(2024, 5, 21, 13, 0)),
        ("Isnin, 5 Ogos 2024 @ 4:15 PTG", at(2024, 8, 5, 16, 15)),
        ("Jumaat, 15 Mac 2024", at(2024, 3, 15)),
        ("3 Julai 2024 pada 9:05 PG", at(2024, 7, 3, 9, 5)),
        ("12 Disember 2023", at(2023, 12, 12)),
        ("miércoles 12 de junio de 2024, 21:10 h", at(2024, 6, 12, 21, 10)),
        ("3 octobre 2024", at(2024, 10, 3)),
        ("12 de junho de 2024", at(2024, 6, 12)),
    ],
)
def test_parse_shapes(text, expected):
    assert parse_indonesian_date(text, now=NOW) == expected


@pytest.mark.parametrize(
    "text",
    [
        None,
        "",
        "tidak ada tanggal di sini",
        "32/13/2024",
        "31 Februari 2024",
        "1 Januari 1980",  # before any Indonesian news portal
        "Pukul 14.30",
        12345,
    ],
)
def test_parse_rejects(text):
    assert parse_indonesian_date(text, now=NOW) is None


def test_default_zone_is_wib_and_can_be_changed():
    assert parse_indonesian_date("21 Mei 2024 10:00").utcoffset() == timedelta(hours=7)
    assert parse_indonesian_date("21 Mei 2024 10:00", default_tz=WITA).utcoffset() == timedelta(
        hours=8
    )


def test_details_tell_what_the_text_gave():
    day_only = parse_date_details("21 Mei 2024")
    assert not day_only.has_time and not day_only.zone_given
    stamped = parse_date_details("2024-05-21T07:30:00Z")
    assert stamped.has_time and stamped.zone_given and stamped.utc_stamp


def test_published_and_modified_kept_apart_with_sources():
    picked = pick_dates(
        [
            DateCandidate("2024-05-21T14:30:00+07:00", "jsonld", "published"),
            DateCandidate("2024-05-21T18:00:00+07:00", "jsonld", "modified"),
            DateCandidate("Selasa, 21 Mei 2024 14:30 WIB", "text", "published"),
        ],
        now=NOW,
    )
    assert picked.published_at == "2024-05-21T14:30:00+07:00"
    assert picked.published_at_source == "jsonld"
    assert picked.modified_at == "2024-05-21T18:00:00+07:00"
    assert picked.modified_at_source == "jsonld"


def test_structured_source_beats_printed_text():
    picked = pick_dates(
        [
            DateCandidate("Selasa, 21 Mei 2024 09:00 WIB", "text"),
            DateCandidate("2024-05-21T14:30:00+07:00", "meta"),
        ],
        now=NOW,
    )
    assert (picked.published_at, picked.published_at_source) == (
        "2024-05-21T14:30:00+07:00",
        "meta",
    )


def test_a_labelled_day_outside_the_lists_beats_timed_dates_of_lists_and_sentences():
    picked = pick_dates(
        [
            # a forecast sentence near the headline, a sidebar's timed dates
            DateCandidate("Peta berlaku 20 Mei 2024 pukul 07.00 WIT", "text"),
            DateCandidate("Senin, 20 Mei 2024 08:12 WIB", "text", chrome=True),
            DateCandidate("Diposting pada Minggu, 19 Mei 2024", "text"),
        ],
        now=NOW,
    )
    assert picked.published_at[:10] == "2024-05-19"


def test_a_structured_stamp_at_the_fetch_gives_way_to_the_printed_publication():
    # a theme that stamps `datePublished` with the moment it renders the page
    stamp = (NOW - timedelta(minutes=2)).isoformat()
    printed = DateCandidate("Rabu, 15 Mei 2024 | 16:48 WIB", "text")
    picked = pick_dates([DateCandidate(stamp, "jsonld"), printed], now=NOW)
    assert picked.published_at == "2024-05-15T16:48:00+07:00"
    # printed only in a list of other stories, or nothing printed: the stamp stays
    listed = DateCandidate("Rabu, 15 Mei 2024 | 16:48 WIB", "text", chrome=True)
    assert (
        pick_dates([DateCandidate(stamp, "jsonld"), listed], now=NOW).published_at_source
        == "jsonld"
    )
    assert pick_dates([DateCandidate(stamp, "jsonld")], now=NOW).published_at_source == "jsonld"
    # a stamp an hour before the fetch is the story's own
    earlier = (NOW - timedelta(hours=1)).isoformat()
    assert (
        pick_dates([DateCandidate(earlier, "jsonld"), printed], now=NOW).published_at_source
        == "jsonld"
    )


def test_a_structured_day_printed_nowhere_gives_way_to_the_labelled_publication_time():
    # a site-wide `DC.date` (the portal's launch) beside the story's own labelled stamp
    launch = DateCandidate("2019-03-01", "meta")
    labelled = DateCandidate("Diposting: Senin, 20 Mei 2024 | 14:10 WITA", "text")
    assert pick_dates([launch, labelled], now=NOW).published_at == "2024-05-20T14:10:00+08:00"
    # printed on its own day too, the structured day stands
    printed = DateCandidate("1 Maret 2019", "text")
    assert pick_dates([launch, printed, labelled], now=NOW).published_at[:10] == "2019-03-01"


def test_false_z_that_is_really_wib_is_caught():
    picked = pick_dates(
        [
            DateCandidate("2024-05-21 T10:08:58Z", "meta"),
            DateCandidate("Selasa, 21/05/2024 10:08 WIB", "text"),
        ],
        now=NOW,
    )
    assert picked.published_at == "2024-05-21T10:08:58+07:00"


def test_true_utc_stamp_confirmed_by_printed_time_is_kept():
    picked = pick_dates(
        [
            DateCandidate("2024-05-21T02:10:56Z", "jsonld"),
            DateCandidate("21 Mei 2024 09:10 WIB", "text"),
        ],
        now=NOW,
    )
    moment = datetime.fromisoformat(picked.published_at)
    assert moment == at(2024, 5, 21, 9, 10, 56)


def test_impossible_future_date_is_rejected():
    picked = pick_dates(
        [
            DateCandidate("2031-01-01T10:00:00+07:00", "jsonld"),
            DateCandidate("20 Mei 2024 08:00 WIB", "text"),
        ],
        now=NOW,
    )
    assert picked.published_at == "2024-05-20T08:00:00+07:00"
    assert picked.published_at_source == "text"


def test_modification_before_publication_is_dropped():
    picked = pick_dates(
        [
            DateCandidate("2024-05-21T10:00:00+07:00", "meta", "published"),
            DateCandidate("2020-01-01T10:00:00+07:00", "meta", "modified"),
        ],
        now=NOW,
    )
    assert picked.modified_at is None


def test_url_day_is_the_last_resort_and_borrows_a_printed_time():
    only_url = pick_dates([], url="https://contoh.id/2024/05/19/judul/", now=NOW)
    assert (only_url.published_at, only_url.published_at_source) == (
        "2024-05-19T00:00:00+07:00",
        "url",
    )
    day_then_time = pick_dates(
        [DateCandidate("2024-05-19", "meta"), DateCandidate("19 Mei 2024 | 07:45 WIB", "text")],
        now=NOW,
    )
    assert day_then_time.published_at == "2024-05-19T07:45:00+07:00"


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://contoh.id/2024/05/21/judul-berita/", (2024, 5, 21)),
        ("https://contoh.id/read/2015/11/04/21040031/judul", (2015, 11, 4)),
        ("https://contoh.id/berita/20240521-judul", (2024, 5, 21)),
        ("https://contoh.id/berita/judul-tanpa-tanggal", None),
        ("https://contoh.id/2024/13/40/salah", None),
        (None, None),
    ],
)
def test_url_date(url, expected):
    found = url_date(url)
    assert (found.timetuple()[:3] if found else None) == expected


def test_zone_offsets():
    assert WIB.utcoffset(None) == timedelta(hours=7)
    assert WITA.utcoffset(None) == timedelta(hours=8)
    assert WIT.utcoffset(None) == timedelta(hours=9)
    assert isinstance(WIB, timezone)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Senin, 4 Maret 2024 10:30 WIB", [("published", "Senin, 4 Maret 2024 10:30 WIB")]),
        (
            "Diperbarui: Selasa, 5 Maret 2024 08:00 WIB | Diterbitkan: Senin, 4 Maret 2024 10:30 WIB",
            [
                ("modified", "Selasa, 5 Maret 2024 08:00 WIB"),
                ("published", "Senin, 4 Maret 2024 10:30 WIB"),
            ],
        ),
        (
            "4 Maret 2024 10:30 WIB (Update terakhir: 5 Maret 2024 08:00 WIB)",
            [("published", "4 Maret 2024 10:30 WIB"), ("modified", "5 Maret 2024 08:00 WIB")],
        ),
    ],
)
def test_a_printed_date_line_is_cut_where_it_says_which_time_follows(text, expected):
    assert dates_by_kind(text) == expected


@pytest.mark.parametrize(
    "date_line",
    [
        # the update time printed first: not the publication's
        "<div class='tanggal'>Diperbarui: Selasa, 5 Maret 2024 08:00 WIB | Diterbitkan: Senin,"
        " 4 Maret 2024 10:30 WIB</div>",
        # a line that names its times, with neither a date class nor a zone word
        "<p class='text-muted'>Dipublikasikan pada 04/03/2024 10:30 &middot; Diperbarui"
        " 05/03/2024 08:00</p>",
    ],
)
def test_a_date_line_gives_each_time_it_names_its_own(date_line):
    html = page(
        f"<h1>Jembatan Gantung Diresmikan</h1>{date_line}<div class='isi'>{STORY_HTML}</div>"
    )
    raw = extract_page(html, "https://contoh.id/jembatan", fetched_at=at(2024, 3, 10))
    assert (raw.published_at, raw.modified_at) == (
        "2024-03-04T10:30:00+07:00",
        "2024-03-05T08:00:00+07:00",
    )


@pytest.mark.parametrize(
    ("printed", "expected"),
    [
        ("Sabtu, 8 Juni 2024 | 00:35 WIB", "2024-06-08T00:35:00+07:00"),  # the zone it names
        ("Sa., 8. Juni 2024, 02:35 Uhr", "2024-06-08T02:35:00+09:00"),  # the gap of the clocks
    ],
)
def test_a_utc_stamp_is_written_in_the_zone_the_page_prints_its_time_in(printed, expected):
    picked = pick_dates(
        [DateCandidate("2024-06-07T17:35:00+00:00", "meta"), DateCandidate(printed, "text")],
        now=NOW + timedelta(days=30),
    )
    assert picked.published_at == expected
    assert picked.published_at_source == "meta"


def test_a_utc_stamp_stays_utc_when_no_printed_clock_is_a_real_zone_away():
    picked = pick_dates(
        [
            DateCandidate("2024-06-07T17:35:00+00:00", "meta"),
            DateCandidate("7 Juni 2024 09:12", "text"),  # 8 h 23 min: no zone is that far
        ],
        now=NOW + timedelta(days=30),
    )
    assert picked.published_at == "2024-06-07T17:35:00+00:00"


def test_a_utc_stamp_takes_the_one_indonesian_zone_the_page_prints_its_times_in():
    live = [DateCandidate(f"27 Nov 2024 {t} WITA", "text") for t in ("16:45", "11:30", "07:15")]
    picked = pick_dates(
        [DateCandidate("2024-11-26T23:00:00Z", "meta"), *live], now=NOW + timedelta(days=200)
    )
    assert picked.published_at == "2024-11-27T07:00:00+08:00"
    # a relative stamp's zone is the fetch clock's, not the page's: the stamp stays in UTC
    picked = pick_dates(
        [DateCandidate("2024-05-21T04:31:00Z", "meta"), DateCandidate("5 menit lalu", "text")],
        now=NOW,
    )
    assert picked.published_at == "2024-05-21T04:31:00+00:00"


def test_a_utc_stamp_goes_onto_the_day_the_page_prints_alone():
    stamp = DateCandidate("2024-03-04T18:40:00+00:00", "meta")
    picked = pick_dates([stamp, DateCandidate("5 Maret 2024", "text")], now=NOW)
    assert picked.published_at == "2024-03-05T01:40:00+07:00"  # the same instant, in WIB
    # the printed day the UTC calendar already shows leaves the stamp as it is
    picked = pick_dates([stamp, DateCandidate("4 Maret 2024", "text")], now=NOW)
    assert picked.published_at == "2024-03-04T18:40:00+00:00"


@pytest.mark.parametrize(
    ("printed", "day"),
    [
        ("15. března 2024 0:12", "2024-03-15"),  # Czech, genitive
        ("15 Mart 2024 Cuma 00:40", "2024-03-15"),  # Turkish
        ("7 listopada 2023", "2023-11-07"),  # Polish, genitive
        ("14 марта 2024, 10:05", "2024-03-14"),  # Russian, genitive
        ("12 березня 2025, 00:35", "2025-03-12"),  # Ukrainian, genitive
        ("Publicado el 9 abr. 2024 - 12:47", "2024-04-09"),  # Spanish, abbreviated
    ],
)
def test_months_of_more_languages_are_read(printed, day):
    found = parse_date_details(printed)
    assert found is not None and found.moment.date().isoformat() == day


@pytest.mark.parametrize(
    "row",
    [
        "<ul class='info'><li><i class='icon-clock'></i> 2024.03.15 06:00</li></ul>",  # an icon
        "<div class='haber-bilgi'><span class='tarih'>15 Mart 2024 Cuma 06:00</span></div>",
    ],
    ids=["clock-icon", "turkish-date-class"],
)
def test_a_utc_stamp_takes_the_zone_of_a_time_printed_under_an_icon_or_a_foreign_class(row):
    head = "<meta property='article:published_time' content='2024-03-14T21:00:00+00:00'>"
    html = page(f"<h1>Judul</h1>{row}<div class='entry-content'>{STORY_HTML}</div>", head=head)
    raw = extract_page(html, "https://contoh.id/berita/123", fetched_at=at(2024, 3, 20))
    assert raw.published_at == "2024-03-15T06:00:00+09:00"


@pytest.mark.parametrize(
    "label", ["Opublikowano:", "Publikováno:", "Yayınlanma:", "Publicerad:", "Julkaistu:"]
)
def test_a_utc_stamp_takes_the_zone_of_a_time_printed_under_a_publish_label_of_any_class(label):
    head = "<meta property='article:published_time' content='2024-03-14T23:40:00+00:00'>"
    row = f"<div class='metryczka'>{label} 15.03.2024, 00:40</div>"
    html = page(f"<h1>Judul</h1>{row}<div class='entry-content'>{STORY_HTML}</div>", head=head)
    raw = extract_page(html, "https://contoh.pl/wiadomosci/123", fetched_at=at(2024, 3, 20))
    assert raw.published_at == "2024-03-15T00:40:00+01:00"


def test_a_clock_written_with_an_h_is_a_time():
    found = parse_date_details("Publicado em 22/01/2025 às 23h50")
    assert (
        found is not None
        and found.has_time
        and (found.moment.hour, found.moment.minute)
        == (
            23,
            50,
        )
    )
    # the clock gap to a UTC stamp is then the page's zone: Brasília, the day before in UTC terms
    picked = pick_dates(
        [
            DateCandidate("2025-01-23T02:50:00+00:00", "meta"),
            DateCandidate("Publicado em 22/01/2025 às 23h50", "text"),
        ],
        now=datetime(2025, 2, 1, tzinfo=UTC),
    )
    assert picked.published_at == "2025-01-22T23:50:00-03:00"


def test_a_z_stamp_is_read_as_wib_only_beside_a_time_printed_in_wib():
    stamp = DateCandidate("2024-05-21T10:08:58Z", "meta")
    beside_wib = pick_dates([stamp, DateCandidate("21/05/2024 10:08 WIB", "text")], now=NOW)
    assert beside_wib.published_at == "2024-05-21T10:08:58+07:00"
    # a clock with no zone, the page's own (`um 12:08 Uhr`): the stamp keeps its instant
    beside_clock = pick_dates([stamp, DateCandidate("21. Mai 2024, 12:08 Uhr", "text")], now=NOW)
    assert datetime.fromisoformat(beside_clock.published_at) == at(2024, 5, 21, 10, 8, 58, tz=UTC)
