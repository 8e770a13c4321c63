"""Structured metadata: JSON-LD (graphs, lists, broken JSON), OpenGraph, meta tags, titles."""

import json

import pytest

from crawler.extract.dom import parse_html
from crawler.extract.metadata import clean_title, load_json_loosely, read_metadata
from tests.extract.pages import page

URL = "https://www.kabarsukamaju.co.id/2024/05/21/jembatan-baru/"


def meta_of(head: str, body: str = "<p>isi</p>", url: str = URL):
    return read_metadata(parse_html(page(body, head=head)), url)


def ld(data) -> str:
    return f"<script type='application/ld+json'>{json.dumps(data)}</script>"


def test_a_webpage_graph_without_an_article_names_its_author():
    # Yoast with its Article piece off: the WebPage node carries the author reference
    graph = {
        "@graph": [
            {"@type": "Person", "@id": "#joni", "name": "Joni Karbot"},
            {"@type": "WebPage", "datePublished": "2024-05-21T09:00:00+07:00",
             "author": {"@id": "#joni"}},
        ]
    }  # fmt: skip
    assert meta_of(ld(graph)).authors == ["Joni Karbot"]


@pytest.mark.parametrize(
    ("label", "authors"),
    [("Ditulis oleh", ["Joni Karbot"]), ("Written by", ["Joni Karbot"]), ("Est. reading time", [])],
)
def test_yoasts_twitter_label_names_the_author(label, authors):
    head = (
        f'<meta name="twitter:label1" content="{label}">'
        '<meta name="twitter:data1" content="Joni Karbot">'
        '<meta name="twitter:label2" content="Estimasi waktu membaca">'
        '<meta name="twitter:data2" content="3 menit">'
    )
    assert meta_of(head).authors == authors


def test_jsonld_graph_with_author_reference():
    graph = {
        "@context": "https://schema.org",
        "@graph": [
            {"@type": "WebSite", "@id": "#site", "name": "Kabar Sukamaju"},
            {"@type": "Person", "@id": "#joni", "name": "Joni Karbot"},
            {
                "@type": "NewsArticle",
                "headline": "Jembatan Gantung Diresmikan",
                "datePublished": "2024-05-21T09:00:00+07:00",
                "dateModified": "2024-05-21T12:00:00+07:00",
                "author": {"@id": "#joni"},
                "keywords": "jembatan, desa",
                "articleSection": ["Daerah"],
                "image": {"@type": "ImageObject", "url": "https://cdn.contoh.id/a.jpg"},
            },
        ],
    }
    meta = meta_of(ld(graph))
    assert meta.title == "Jembatan Gantung Diresmikan"
    assert meta.authors == ["Joni Karbot"]
    assert meta.tags == ["jembatan", "desa"]
    assert meta.categories == ["Daerah"]
    assert meta.image_url == "https://cdn.contoh.id/a.jpg"
    assert meta.site_name == "Kabar Sukamaju"
    assert "newsarticle" in meta.jsonld_types
    kinds = {(d.kind, d.source, d.raw) for d in meta.dates}
    assert ("published", "jsonld", "2024-05-21T09:00:00+07:00") in kinds
    assert ("modified", "jsonld", "2024-05-21T12:00:00+07:00") in kinds


@pytest.mark.parametrize(
    "block",
    [
        pytest.param('[{"@type": "ReportageNews", "headline": "Judul Daftar"}]', id="list"),
        pytest.param('{"@type": "NewsArticle", "headline": "Judul Daftar",}', id="trailing-comma"),
        pytest.param(
            '<!--\n{"@type": "BlogPosting", "headline": "Judul Daftar"}\n-->', id="comment"
        ),
        pytest.param('{"@type": "Article", "headline": "Judul\nDaftar"}', id="raw-newline"),
        pytest.param(
            '{"@type": ["NewsArticle", "Article"], "headline": "Judul Daftar"} garbage',
            id="garbage",
        ),
    ],
)
def test_jsonld_shapes_tolerated(block):
    head = f"<script type='application/ld+json'>{block}</script>"
    assert meta_of(head).title == "Judul Daftar"


def test_broken_jsonld_does_not_break_the_rest():
    head = (
        "<script type='application/ld+json'>{not json at all</script>"
        "<meta property='og:title' content='Judul dari OpenGraph'>"
    )
    assert meta_of(head).title == "Judul dari OpenGraph"


def test_load_json_loosely_never_raises():
    for text in ["", "{", "[1,", "null", "\x00\x01", "}}{{"]:
        load_json_loosely(text)


def test_opengraph_and_article_meta():
    head = (
        "<meta property='og:title' content='Harga Cabai Naik - Kabar Sukamaju'>"
        "<meta property='og:site_name' content='Kabar Sukamaju'>"
        "<meta property='og:type' content='article'>"
        "<meta property='og:image' content='/img/cabai.jpg'>"
        "<meta property='og:description' content='Harga cabai naik menjelang hari raya.'>"
        "<meta property='article:published_time' content='2024-05-21T08:00:00+07:00'>"
        "<meta property='article:modified_time' content='2024-05-21T10:00:00+07:00'>"
        "<meta property='article:author' content='https://facebook.com/kabarsukamaju'>"
        "<meta property='article:tag' content='cabai'><meta property='article:tag' content='pasar'>"
        "<meta property='article:section' content='Ekonomi'>"
        "<meta name='author' content='Siti Rahmawati'>"
        "<link rel='canonical' href='/2024/05/21/harga-cabai/'>"
    )
    meta = meta_of(head)
    assert meta.title == "Harga Cabai Naik"
    assert meta.og_type == "article"
    assert meta.image_url == "https://www.kabarsukamaju.co.id/img/cabai.jpg"
    assert meta.description == "Harga cabai naik menjelang hari raya."
    assert meta.authors == ["Siti Rahmawati"]  # the facebook URL is not a name
    assert meta.tags == ["cabai", "pasar"]
    assert meta.categories == ["Ekonomi"]
    assert meta.canonical_url == "https://www.kabarsukamaju.co.id/2024/05/21/harga-cabai/"
    assert {(d.kind, d.source) for d in meta.dates} == {("published", "meta"), ("modified", "meta")}


def test_canonical_on_another_portal_is_ignored():
    head = "<link rel='canonical' href='https://agregator.example.com/x'>"
    assert meta_of(head).canonical_url is None


@pytest.mark.parametrize(
    ("body", "authors"),
    [
        # a theme's hidden vcard: a Person item under the article's item
        (
            "<article itemscope itemtype='http://schema.org/NewsArticle'>"
            "<div style='display:none' itemprop='author' itemscope itemtype='http://schema.org/Person'>"
            "<strong itemprop='name'><a rel='author' href='/author/joni/'>Joni Karbot</a></strong>"
            "</div></article>",
            ["Joni Karbot"],
        ),
        # plain text under no item, its label printed inside
        ("<span itemprop='author'>Penulis: Ani Lestari</span>", ["Ani Lestari"]),
        # an organisation is no author
        (
            "<div itemprop='author' itemscope itemtype='https://schema.org/Organization'>"
            "<span itemprop='name'>Kabar Garut</span></div>",
            [],
        ),
        # a comment's author is not the article's
        (
            "<article itemscope itemtype='http://schema.org/BlogPosting'><ol>"
            "<li itemprop='comment' itemscope itemtype='http://schema.org/Comment'>"
            "<span itemprop='author'>Budi Pembaca</span></li></ol></article>",
            [],
        ),
    ],
    ids=["hidden-person", "labelled-text", "organisation", "comment"],
)
def test_microdata_authors(body, authors):
    assert meta_of("", body=body).authors == authors


def test_a_jsonld_author_whose_job_is_the_pictures_is_no_author():
    head = ld(
        {
            "@context": "https://schema.org",
            "@type": "NewsArticle",
            "author": [
                {"@type": "Person", "name": "Johanna Lind"},
                {"@type": "Person", "name": "Erik Nyberg", "jobTitle": "Fotograf"},
            ],
        }
    )
    assert meta_of(head).authors == ["Johanna Lind"]


def test_meta_tag_authors_come_before_microdata():
    head = "<meta name='author' content='Joni Karbot'>"
    body = "<span itemprop='author'>Ani Lestari</span>"
    assert meta_of(head, body=body).authors == ["Joni Karbot"]


def test_microdata_time_and_blogger_abbr_dates():
    body = (
        "<time itemprop='datePublished' datetime='2024-05-21T09:00:00+07:00'>21 Mei</time>"
        "<abbr class='published' title='2024-05-20T10:00:00+07:00'>kemarin</abbr>"
    )
    raws = {d.raw for d in meta_of("", body=body).dates}
    assert {"2024-05-21T09:00:00+07:00", "2024-05-20T10:00:00+07:00"} <= raws


def test_microdata_dates_in_a_content_attribute():
    # Microdata on a `<span>` (not `<time>`) states its value in `content`; a `<meta itemprop>`
    # is read once, with the other meta keys.
    body = (
        "<span itemprop='datePublished' content='2024-05-21 09:00:00'>21. Mai 2024</span>"
        "<span itemprop='dateModified' content='2024-05-23 10:00:00'>23. Mai</span>"
        "<meta itemprop='datePublished' content='2024-05-21T09:00:00+07:00'>"
    )
    dates = sorted((d.kind, d.raw) for d in meta_of("", body=body).dates)
    assert dates == [
        ("modified", "2024-05-23 10:00:00"),
        ("published", "2024-05-21 09:00:00"),
        ("published", "2024-05-21T09:00:00+07:00"),
    ]


@pytest.mark.parametrize(
    ("title", "site_name", "headings", "expected"),
    [
        ("Jembatan Baru Diresmikan - Kabar Sukamaju", None, [], "Jembatan Baru Diresmikan"),
        ("Jembatan Baru Diresmikan | KabarSukamaju.co.id", None, [], "Jembatan Baru Diresmikan"),
        ("Jembatan Baru - Daerah :: Kabar Sukamaju", None, [], "Jembatan Baru"),
        ("Kabar Sukamaju - Jembatan Baru Diresmikan", None, [], "Jembatan Baru Diresmikan"),
        ("Jembatan Baru Diresmikan : Warta Desa", "Warta Desa", [], "Jembatan Baru Diresmikan"),
        ("Tri Indonesia: Jaringan Desa Meluas", None, [], "Tri Indonesia: Jaringan Desa Meluas"),
        ("Hati-Hati Banjir - Kabar Sukamaju", None, [], "Hati-Hati Banjir"),
        (
            "Warga Bertanya - Pemerintah Menjawab Soal Jembatan",
            None,
            [],
            "Warga Bertanya - Pemerintah Menjawab Soal Jembatan",
        ),
        (
            "Jembatan Baru Diresmikan Bupati - Berita Terkini Hari Ini",
            None,
            ["Jembatan Baru Diresmikan Bupati"],
            "Jembatan Baru Diresmikan Bupati",
        ),
        ("  Judul   dengan  spasi  ", None, [], "Judul dengan spasi"),
        (
            "Jembatan Baru Diresmikan – KabarSukamaju.co.id – Portal Berita Garut",
            None,
            [],
            "Jembatan Baru Diresmikan",
        ),  # the site's name in the middle, its tagline after it
        ("Jembatan Baru Diresmikan - Halaman 2", None, [], "Jembatan Baru Diresmikan"),
        ("Jembatan Baru Diresmikan - Wartagarut.com", None, [], "Jembatan Baru Diresmikan"),
        (
            "Bupati - Wakil Bupati Resmikan Jembatan - Kabar Sukamaju",
            None,
            [],
            "Bupati - Wakil Bupati Resmikan Jembatan",
        ),
        ("Jembatan Baru&amp;#8230; Diresmikan", None, [], "Jembatan Baru\u2026 Diresmikan"),
        (  # the headline the page prints ends in the site's name too
            "Jembatan Baru Diresmikan – Kabar Sukamaju - Kabar Sukamaju",
            None,
            ["Jembatan Baru Diresmikan – Kabar Sukamaju"],
            "Jembatan Baru Diresmikan",
        ),
        (  # a printed headline that opens with the site's name keeps it
            "Kabar Sukamaju: Jembatan Baru Diresmikan",
            None,
            ["Kabar Sukamaju: Jembatan Baru Diresmikan"],
            "Kabar Sukamaju: Jembatan Baru Diresmikan",
        ),
        (None, None, [], None),
    ],
)
def test_clean_title(title, site_name, headings, expected):
    assert clean_title(title, url=URL, site_name=site_name, headings=headings) == expected


def test_title_priority_jsonld_then_og_then_h1():
    head = ld({"@type": "NewsArticle", "headline": "Dari JSON-LD"})
    head += "<meta property='og:title' content='Dari OpenGraph'><title>Dari Title</title>"
    assert meta_of(head).title == "Dari JSON-LD"
    assert meta_of("<title>Dari Title - Kabar Sukamaju</title>", body="<h1>Dari H1</h1>").title == (
        "Dari Title"
    )
    assert meta_of("", body="<h1>Dari H1</h1>").title == "Dari H1"


def test_jsonld_text_escaped_as_html_is_unescaped():
    head = ld(
        {
            "@type": "NewsArticle",
            "headline": "Wapres Kunjungi Garut",
            "author": {"@type": "Person", "name": "Ma&#8217;ruf Hidayat"},
            "description": "Kunjungan &amp; dialog dengan warga",
        }
    )
    meta = meta_of(head)
    assert meta.authors == ["Ma\u2019ruf Hidayat"]
    assert meta.description == "Kunjungan & dialog dengan warga"
