"""A page's own identity (site name, application name, publisher, domain) cut from its title."""

import json

import pytest

from crawler.extract import extract_page
from crawler.extract.dom import parse_html
from crawler.extract.metadata import clean_title, read_metadata
from tests.extract.pages import STORY_HTML, page

URL = "https://kabarsatu.com/2024/05/21/banjir-surut/"


def meta_of(head: str, url: str = URL):
    return read_metadata(parse_html(page("<p>isi</p>", head=head)), url)


@pytest.mark.parametrize(
    ("title", "url", "expected"),
    [
        ("Banjir Surut di Lembah Hijau - Kabarsatu.com", URL, "Banjir Surut di Lembah Hijau"),
        ("Kabarsatu.com: Banjir Surut di Lembah Hijau", URL, "Banjir Surut di Lembah Hijau"),
        ("Banjir Surut di Lembah Hijau | KABARSATU", URL, "Banjir Surut di Lembah Hijau"),
        (
            "Banjir Surut | KABARSATU.CO.ID",
            "https://www.kabarsatu.co.id/banjir-surut/",
            "Banjir Surut",
        ),
        (
            "Banjir Surut di Lembah Hijau • Kabarsatu",
            "https://berita.kabarsatu.ai/banjir/",
            "Banjir Surut di Lembah Hijau",
        ),
        # A colon after a name that is not the site's own stays part of the headline.
        ("Lembah Hijau: Banjir Surut Sore Ini", URL, "Lembah Hijau: Banjir Surut Sore Ini"),
        # Twice-escaped entities are undone once.
        (
            "Harga Beras &amp; Gula Turun &#8211; Pasar Ramai",
            URL,
            "Harga Beras & Gula Turun – Pasar Ramai",
        ),
    ],
)
def test_site_affixes_cut_by_domain(title, url, expected):
    assert clean_title(title, url=url) == expected


def test_og_site_name_with_initials():
    head = (
        "<meta property='og:site_name' content='Suara Rakyat Sigi'>"
        "<meta property='og:title' content='Jalan Desa Diperbaiki | SRS'>"
    )
    meta = meta_of(head, url="https://srs-news.id/jalan-desa/")
    assert meta.title == "Jalan Desa Diperbaiki"
    assert meta.site_names == ["Suara Rakyat Sigi"]


def test_application_name_and_publisher_are_identities():
    article = {
        "@type": "NewsArticle",
        "headline": "Warta Lembah - Pasar Baru Dibuka Pekan Depan",
        "publisher": {"@type": "Organization", "name": "Warta Lembah"},
    }
    head = (
        "<meta name='application-name' content='WL Online'>"
        f"<script type='application/ld+json'>{json.dumps(article)}</script>"
    )
    meta = meta_of(head, url="https://wl-online.id/pasar-baru/")
    assert meta.title == "Pasar Baru Dibuka Pekan Depan"
    assert meta.site_names == ["WL Online", "Warta Lembah"]
    assert meta.site_name == "WL Online"


def test_publisher_suffix_cut_even_without_og_site_name():
    article = {
        "@type": "NewsArticle",
        "headline": "Pasar Baru Dibuka Pekan Depan :: Warta Lembah Raya",
        "publisher": {"@type": "Organization", "name": "Warta Lembah Raya"},
    }
    head = f"<script type='application/ld+json'>{json.dumps(article)}</script>"
    assert meta_of(head, url="https://wlr.example.id/x/").title == "Pasar Baru Dibuka Pekan Depan"


def test_raw_article_keeps_the_site_name_for_cleaning():
    head = (
        "<meta property='og:site_name' content='Kabarsatu.com'>"
        "<meta property='og:title' content='Kabarsatu.com: Jembatan Gantung Diresmikan'>"
    )
    body = f"<h1>Jembatan Gantung Diresmikan</h1><div class='isi'>{STORY_HTML}</div>"
    raw = extract_page(page(body, head=head), URL)
    assert raw.title == "Jembatan Gantung Diresmikan"
    assert raw.site_name == "Kabarsatu.com"
    assert raw.site_names == ["Kabarsatu.com"]


def test_blog_name_heading_is_not_the_headline():
    head = "<title>Kabar Lembah :: Jembatan Gantung Diresmikan</title>"
    body = (
        "<div class='header'><h1 class='title'>Kabar Lembah</h1></div>"
        f"<div class='post-body'>{STORY_HTML}</div>"
    )
    raw = extract_page(
        page(body, head=head), "https://kabarlembah.blogspot.com/2024/05/jembatan.html"
    )
    assert raw.title == "Jembatan Gantung Diresmikan"


def test_a_title_that_is_only_the_site_name_gives_way_to_the_next_source():
    head = (
        "<meta property='og:site_name' content='Kabar Lembah'>"
        "<meta property='og:title' content='Kabar Lembah'>"
        "<title>Jembatan Gantung Diresmikan | Kabar Lembah</title>"
    )
    assert meta_of(head).title == "Jembatan Gantung Diresmikan"


def test_raw_article_keeps_application_name_and_publisher():
    article = {
        "@type": "NewsArticle",
        "headline": "Pasar Baru",
        "publisher": {"name": "PT Warta Lembah"},
    }
    head = (
        "<meta name='application-name' content='WL Online'>"
        f"<script type='application/ld+json'>{json.dumps(article)}</script>"
    )
    raw = extract_page(page(f"<div class='isi'>{STORY_HTML}</div>", head=head), URL)
    assert (raw.application_name, raw.publisher) == ("WL Online", "PT Warta Lembah")
    assert raw.site_name == "WL Online"  # no og:site_name: the application's name stands in


HOME_HEADER_PAGE = """<html><head><title>Kabar Lembah :: Jembatan Gantung Desa Sukamaju Diresmikan</title>
</head><body><header><h1><a href="https://sembilan-news.example/">Kabar Lembah</a></h1></header>
<div class="post"><h3 class="post-title">Kabar Lembah :: Jembatan Gantung Desa Sukamaju Diresmikan</h3>
<div class="post-body"><p>Warga Desa Sukamaju kini dapat menyeberangi sungai tanpa perahu setelah
jembatan gantung sepanjang enam puluh meter diresmikan oleh bupati pada Senin pagi.</p>
<p>Pembangunan jembatan memakan waktu empat bulan dan melibatkan tenaga warga setempat secara
bergotong royong, kata kepala desa kepada wartawan.</p></div></div></body></html>"""


def test_a_header_heading_linking_home_is_the_sites_name_not_the_headline():
    raw = extract_page(HOME_HEADER_PAGE, "https://sembilan-news.example/2024/05/jembatan.html")
    assert raw.title == "Jembatan Gantung Desa Sukamaju Diresmikan"
    assert "Kabar Lembah" in raw.site_names


def test_a_heading_linking_to_the_article_itself_stays_a_headline():
    page = HOME_HEADER_PAGE.replace(
        '<h1><a href="https://sembilan-news.example/">Kabar Lembah</a></h1>',
        '<h1><a href="https://sembilan-news.example/2024/05/jembatan.html">Jembatan Gantung Desa'
        " Sukamaju Diresmikan</a></h1>",
    )
    raw = extract_page(page, "https://sembilan-news.example/2024/05/jembatan.html")
    assert raw.title.endswith("Jembatan Gantung Desa Sukamaju Diresmikan")
    assert "Kabar Lembah" not in raw.site_names  # nothing on the page says it is the site's name
