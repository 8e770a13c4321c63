"""htmldate behind Warta's own date rules: recall, the URL's day, honest sources."""

import json
from datetime import date, datetime

import pytest

from crawler.extract import extract_page
from crawler.extract.datefallback import page_day, reconcile
from crawler.extract.dates import DateCandidate, PageDates
from tests.extract.pages import STORY_HTML, page

FETCHED = datetime.fromisoformat("2024-12-01T10:00:00+07:00")


def ld(data) -> str:
    return f"<script type='application/ld+json'>{json.dumps(data)}</script>"


def test_date_only_htmldate_reads_comes_with_its_source():
    # A French date stamp: Warta's own rules read Indonesian and English month names only.
    body = (
        "<h1>Jembatan Gantung Diresmikan</h1><p class='auteur'>Publié le 21 mai 2024</p>"
        f"<div class='isi'>{STORY_HTML}</div>"
    )
    raw = extract_page(page(body), "https://contoh.fr/actualites/jembatan", fetched_at=FETCHED)
    assert raw.published_at == "2024-05-21T00:00:00+07:00"
    assert raw.published_at_source == "htmldate"


def test_url_day_first_and_a_utc_stamp_kept_as_the_same_instant():
    head = ld(
        {"@type": "NewsArticle", "headline": "Jembatan", "datePublished": "2024-05-22T03:28:00Z"}
    )
    url = "https://contoh.com/2024/05/21/jembatan/"
    raw = extract_page(
        page(f"<div class='isi'>{STORY_HTML}</div>", head=head), url, fetched_at=FETCHED
    )
    moment = datetime.fromisoformat(raw.published_at)
    assert moment.date() == date(2024, 5, 21)  # the page's own day (its URL)
    assert moment == datetime.fromisoformat("2024-05-22T03:28:00+00:00")  # the same instant
    assert raw.published_at_source == "jsonld"


def test_a_zone_the_page_prints_writes_the_shifted_instant():
    head = ld(
        {"@type": "NewsArticle", "headline": "Jembatan", "datePublished": "2024-05-22T03:28:00Z"}
    )
    body = f"<span class='date'>2024-05-21T20:28:00-07:00</span><div class='isi'>{STORY_HTML}</div>"
    url = "https://contoh.com/2024/05/21/jembatan/"
    raw = extract_page(page(body, head=head), url, fetched_at=FETCHED)
    assert raw.published_at == "2024-05-21T20:28:00-07:00"


def test_time_printed_in_wib_is_never_moved_by_another_date_on_the_page():
    body = (
        "<h1>Jembatan Gantung Diresmikan</h1>"
        "<div class='date'>Selasa, 21 Mei 2024 | 14:38 WIB</div>"
        f"<div class='isi'>{STORY_HTML}</div>"
        "<ul class='terkait'><li>Senin, 20 Mei 2024</li><li>Minggu, 19 Mei 2024</li></ul>"
    )
    raw = extract_page(page(body), "https://contoh.id/2024/05/20/jembatan", fetched_at=FETCHED)
    assert raw.published_at == "2024-05-21T14:38:00+07:00"
    assert raw.published_at_source == "text"


def test_reconcile_takes_the_day_with_a_time_printed_for_it():
    picked = PageDates("2021-08-12T19:35:00+00:00", "jsonld")
    candidates = [
        DateCandidate("2021-08-12T19:35:00+00:00", "jsonld"),
        DateCandidate("25 Februari 2025 08:15 WITA", "text"),
    ]
    got = reconcile(picked, (date(2025, 2, 25), "htmldate"), candidates)
    assert (got.published_at, got.published_at_source) == ("2025-02-25T08:15:00+08:00", "text")


def test_reconcile_without_a_time_gives_the_day_and_says_who_gave_it():
    picked = PageDates("2021-08-12T19:35:00+00:00", "jsonld")
    got = reconcile(picked, (date(2025, 2, 25), "htmldate"), [])
    assert (got.published_at, got.published_at_source) == ("2025-02-25T00:00:00+07:00", "htmldate")


def test_reconcile_keeps_an_agreeing_or_unknown_day():
    picked = PageDates("2024-05-21T14:38:00+07:00", "meta", "2024-05-22T09:00:00+07:00", "meta")
    assert reconcile(picked, (date(2024, 5, 21), "htmldate"), []) == picked
    assert reconcile(picked, None, []) == picked


def test_page_day_reads_the_url_before_the_page():
    assert page_day("<html></html>", "https://contoh.id/2024/05/21/x/", FETCHED) == (
        date(2024, 5, 21),
        "url",
    )
    assert page_day("", "https://contoh.id/x/", FETCHED) is None  # nothing to read, no error


def test_htmldate_leaves_a_page_it_is_given_as_it_was_for_its_second_search():
    # page_day parses a page once for htmldate's quick and full searches: that holds only while
    # find_date reads a tree it is given as it reads the bytes, and copies it before pruning it
    from htmldate import find_date
    from htmldate.utils import load_html
    from lxml import etree

    body = (
        "<h1>Jembatan Gantung Diresmikan</h1><script>var dibaca = 12;</script>"
        f"<div class='isi'>{STORY_HTML}</div><p>Ditulis pada 21 mai 2024 oleh redaksi.</p>"
    )
    data = page(body).encode()
    tree = load_html(data)
    before = etree.tostring(tree)
    for extensive in (False, True):
        given = find_date(tree, original_date=True, extensive_search=extensive)
        assert given == find_date(data, original_date=True, extensive_search=extensive)
    assert given == "2024-05-21"  # the full search's day
    assert etree.tostring(tree) == before  # its script still there, which the quick search prunes


def test_reconcile_keeps_an_instant_htmldate_read_in_utc():
    # The same instant, +02:00 in JSON-LD and +00:00 in a meta tag: the page's own zone has the day.
    picked = PageDates("2024-05-22T01:30:00+02:00", "jsonld")
    assert reconcile(picked, (date(2024, 5, 21), "htmldate"), []) == picked


def test_structured_day_is_the_day_htmldate_finds_in_the_page_head():
    from htmldate import find_date

    from crawler.extract.datefallback import structured_day
    from crawler.extract.dom import parse_html

    html = page(
        f"<div class='isi'>{STORY_HTML}</div><p>Diperbarui 3 Juni 2024</p>",
        head="<meta property='article:published_time' content='2024-05-21T09:00:00+07:00'>",
    )
    doc = parse_html(html)
    expected = find_date(html.encode(), original_date=True, url="https://contoh.id/berita/x")
    assert structured_day(doc, "https://contoh.id/berita/x", FETCHED) == expected == "2024-05-21"
    assert page_day(html, "https://contoh.id/berita/x", FETCHED, "2024-05-21") == (
        date(2024, 5, 21),
        "htmldate",
    )
    # Nothing in the head: the full search on the page decides, as before.
    bare = parse_html(page(f"<div class='isi'>{STORY_HTML}</div>"))
    assert structured_day(bare, "https://contoh.id/berita/x", FETCHED) is None


def test_a_publication_date_stated_in_markup_is_not_replaced_by_a_date_in_the_text():
    # The microdata says when the story was published; the text prints when it was updated.
    # htmldate's head stages read no microdata, and its text search would take the update.
    body = (
        "<h1>Jembatan Gantung Diresmikan</h1>"
        "<p class='date-maj'>Mis à jour le 23 mai 2024</p>"
        "<span itemprop='datePublished' datetime='2024-05-21T09:00:00+02:00'>21.5.</span>"
        f"<div class='isi'>{STORY_HTML}</div>"
    )
    raw = extract_page(page(body), "https://contoh.fr/actualites/jembatan", fetched_at=FETCHED)
    assert raw.published_at == "2024-05-21T09:00:00+02:00"
    assert raw.published_at_source == "meta"


def test_a_day_the_page_labels_modified_does_not_replace_its_publication():
    # Yoast on a page (not a post): a modified_time meta and a JSON-LD WebPage with both dates.
    # htmldate's head stages fall back to the modified meta; the page calls that day an update.
    head = "<meta property='article:modified_time' content='2024-05-30T08:00:00+00:00'>" + ld(
        {
            "@graph": [
                {
                    "@type": "WebPage",
                    "name": "Jembatan",
                    "datePublished": "2024-05-21T09:00:00+00:00",
                    "dateModified": "2024-05-30T08:00:00+00:00",
                }
            ]
        }
    )
    raw = extract_page(
        page(f"<div class='isi'>{STORY_HTML}</div>", head=head),
        "https://contoh.com/panduan/jembatan-gantung/",
        fetched_at=FETCHED,
    )
    assert raw.published_at == "2024-05-21T09:00:00+00:00"
    assert raw.published_at_source == "jsonld"
    assert raw.modified_at == "2024-05-30T08:00:00+00:00"


def test_reconcile_takes_a_modified_day_that_is_also_a_publication_day():
    # The page labels 21 May both published (a meta tag) and modified: htmldate's day stands.
    candidates = [
        DateCandidate("2024-05-23T09:00:00+00:00", "jsonld", "published"),
        DateCandidate("2024-05-21T09:00:00+00:00", "meta", "published"),
        DateCandidate("2024-05-21T10:00:00+00:00", "meta", "modified"),
    ]
    picked = PageDates("2024-05-23T09:00:00+00:00", "jsonld")
    result = reconcile(picked, (date(2024, 5, 21), "htmldate"), candidates)
    assert result.published_at == "2024-05-21T09:00:00+00:00"


def test_reconcile_keeps_a_time_the_page_labels_its_publication():
    # `Diterbitkan ...` is the page's own word; the top bar's today (htmldate's pick) is not
    candidates = [
        DateCandidate("Diterbitkan 14 Agu 2024, 10:22", "text"),
        DateCandidate("Senin, 19 Agustus 2024", "text"),
    ]
    picked = PageDates("2024-08-14T10:22:00+07:00", "text")
    assert reconcile(picked, (date(2024, 8, 19), "htmldate"), candidates) == picked


@pytest.mark.parametrize(
    ("candidates", "ours", "htmldate_day"),
    [
        # `Diposting pada 20 Mei 2024`, with a sidebar's older dates that htmldate picked
        (
            [
                DateCandidate("Diposting pada 20 Mei 2024", "text"),
                DateCandidate("2 Februari 2024", "text", chrome=True),
            ],
            "2024-05-20T00:00:00+07:00",
            date(2024, 2, 2),
        ),
        # htmldate read `dateModified` (the 18th); a sidebar prints the 19th as a day alone,
        # which is no instant on the 18th in UTC
        (
            [
                DateCandidate("2024-06-18T20:02:51+07:00", "jsonld", "modified"),
                DateCandidate("Senin, 17 Juni 2024", "text"),
                DateCandidate("19 Juni 2024", "text", chrome=True),
            ],
            "2024-06-17T00:00:00+07:00",
            date(2024, 6, 18),
        ),
    ],
    ids=["labelled-day-without-a-time", "modification-beside-a-lists-later-day"],
)
def test_reconcile_keeps_the_printed_day(candidates, ours, htmldate_day):
    picked = PageDates(ours, "text")
    assert reconcile(picked, (htmldate_day, "htmldate"), candidates) == picked


def test_reconcile_moves_a_labelled_time_when_labels_name_several_days():
    # `Posted by: X at ...` on several days is a comment thread, not the story's own label
    candidates = [
        DateCandidate("Posted by: Ayu at 18 Agu 2024, 10:22", "text"),
        DateCandidate("Posted by: Budi at 19 Agu 2024, 08:00", "text"),
    ]
    picked = PageDates("2024-08-18T10:22:00+07:00", "text")
    moved = reconcile(picked, (date(2024, 8, 16), "url"), candidates)
    assert moved.published_at == "2024-08-16T00:00:00+07:00"


def test_reconcile_gives_the_url_day_over_a_printed_day_alone():
    # `10 Juli 2024` (a sidebar's day, read as midnight WIB) is no instant that UTC puts on the 9th
    candidates = [DateCandidate("10 Juli 2024", "text")]
    picked = PageDates("2024-07-10T00:00:00+07:00", "text")
    moved = reconcile(picked, (date(2024, 7, 9), "url"), candidates)
    assert (moved.published_at, moved.published_at_source) == ("2024-07-09T00:00:00+07:00", "url")


def test_a_blogger_posts_date_header_is_its_day_and_its_comments_dates_are_not():
    body = (
        "<div class='date-outer'><h2 class='date-header'><span>Jumaat, 15 Mac 2024</span></h2>"
        f"<div class='post'><h3 class='post-title'>Jembatan Gantung Diresmikan</h3>"
        f"<div class='post-body entry-content'>{STORY_HTML}</div></div></div>"
        "<div class='comments'><div class='comment-header'><cite>Anonim</cite> "
        "<span class='datetime'>2 April 2024 pada 11:47 PTG</span></div>"
        "<p>Tahniah kepada warga kampung, jambatan ini lama dinanti oleh semua orang.</p></div>"
    )
    head = "<meta name='generator' content='blogger'><title>Jembatan Gantung Diresmikan</title>"
    raw = extract_page(
        page(body, head).encode(),
        "https://contoh.blogspot.com/2024/03/jembatan-gantung.html",
        fetched_at=datetime.fromisoformat("2024-06-01T10:00:00+07:00"),
    )
    assert raw.published_at[:10] == "2024-03-15"


def test_reconcile_keeps_the_day_of_a_relative_stamp_under_the_headline():
    # `2 hari lalu` against the fetch: htmldate's day is the header's today
    fetched = datetime.fromisoformat("2024-08-15T09:30:00+08:00")
    candidates = [
        DateCandidate("2 hari lalu", "text"),
        DateCandidate("Kamis, 15 Agustus 2024", "text"),
    ]
    picked = PageDates("2024-08-13T00:00:00+07:00", "text")
    kept = reconcile(picked, (date(2024, 8, 15), "htmldate"), candidates, now=fetched)
    assert kept == picked
    # a dated stamp nearest the headline is no relative one: htmldate's day still decides
    candidates = [DateCandidate("13 Agustus 2024", "text"), *candidates[1:]]
    moved = reconcile(picked, (date(2024, 8, 15), "htmldate"), candidates, now=fetched)
    assert moved.published_at.startswith("2024-08-15")


def test_a_labelled_stamp_under_the_story_is_its_publication():
    body = (
        "<article><div class='updated'>Diperbarui: Selasa, 25 Juni 2024 10:12 WIB</div>"
        f"<h1>Jembatan Gantung Diresmikan</h1><div class='isi'>{STORY_HTML}"
        "<p>Tayang perdana: Senin, 24 Juni 2024 21:30 WIB</p>"
        "<p>Film dokumenter itu tayang perdana pada 20 Juni 2024 di balai desa.</p></div></article>"
    )
    raw = extract_page(page(body).encode(), "https://contoh.id/berita/jembatan", fetched_at=FETCHED)
    assert raw.published_at == "2024-06-24T21:30:00+07:00"


def test_htmldate_is_not_shown_the_readers_comments():
    body = (
        f"<h1>Jembatan Gantung Diresmikan</h1><div class='isi'>{STORY_HTML}</div>"
        "<div id='comments' class='comments-area'><div class='comment'><span>3 Oktober 2024"
        "</span><p>Selamat untuk warga desa, semoga jembatannya awet.</p></div></div>"
    )
    assert page_day(page(body), "https://contoh.id/berita/jembatan", FETCHED) is None


def test_the_urls_day_outranks_a_sidebars_time_in_wita():
    body = (
        f"<h1>Petani Kakao Mulai Fermentasi</h1><div class='isi'>{STORY_HTML}</div>"
        "<aside class='sidebar'><h3>Terbaru</h3><ul><li><a href='/x'>Jalan desa diperbaiki warga"
        "</a><span class='tanggal'>23 Mei 2024, 15:10 WITA</span></li></ul></aside>"
    )
    url = "https://contoh.id/news/20240522/114502/petani-kakao"
    raw = extract_page(page(body).encode(), url, fetched_at=FETCHED)
    assert raw.published_at[:10] == "2024-05-22"
