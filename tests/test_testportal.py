"""The test portal: routes, headers, 304s, REST, feeds, sitemaps, epochs and truth agree (loopback)."""

from __future__ import annotations

import http.client
import json
import re
import socket
import subprocess
import sys
import urllib.error
import urllib.request
import xml.etree.ElementTree as ET
from datetime import datetime, timedelta
from html import escape
from pathlib import Path
from urllib.parse import quote, urlsplit

import lxml.html
import pytest

from crawler.fingerprints import content_hash, url_key
from crawler.items import ArticleItem, article_columns
from crawler.testportal import (
    PortalSpec,
    PortalSpecError,
    build_portal,
    build_portals,
    serve_portals,
    serve_portals_in_thread,
)
from crawler.testportal.model import slugify
from crawler.testportal.showcase import SHOWCASE, SYNDICATED_KEY

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
NEWS = "{http://www.google.com/schemas/sitemap-news/0.9}"


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


OPENER = urllib.request.build_opener(urllib.request.ProxyHandler({}), _NoRedirect())


def fetch(url: str, headers: dict[str, str] | None = None) -> tuple[int, dict[str, str], bytes]:
    """GET on loopback without following redirects: (status, headers, body)."""
    assert urlsplit(url).hostname == "127.0.0.1"
    request = urllib.request.Request(url, headers=headers or {})
    try:
        with OPENER.open(request, timeout=30) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


def xml_locs(body: bytes, tag: str = "url") -> list[str]:
    """`<loc>` values of a sitemap or sitemap index."""
    root = ET.fromstring(body)
    return [el.findtext(f"{SITEMAP}loc") for el in root.iter(f"{SITEMAP}{tag}")]


BLOCK_TAG = re.compile(r"(?=<(?:p|/p|div|/div|li|h[1-6]|figure|figcaption)\b)")


def block_text(body: bytes) -> str:
    """Page text with one space between blocks but spacing inside a block kept as printed."""
    html = BLOCK_TAG.sub("\n", body.decode("utf-8"))
    return re.sub(r"\s*\n\s*", " ", lxml.html.fromstring(html).text_content())


def page_text(body: bytes) -> str:
    """The visible text of an HTML page (bytes are UTF-8 even where a page claims otherwise)."""
    return " ".join(lxml.html.fromstring(body.decode("utf-8")).text_content().split())


@pytest.fixture(scope="module")
def portals():
    """The main WordPress portal (JNews, 40 generated articles) and the syndicating second one."""
    specs = [
        PortalSpec(name="main", articles=40),
        PortalSpec(name="second", second_portal=True, articles=6),
    ]
    with serve_portals_in_thread(specs) as handles:
        yield handles


@pytest.fixture(scope="module")
def main(portals):
    return portals[0]


@pytest.fixture(scope="module")
def blog():
    """A Blogspot portal."""
    with serve_portals_in_thread([PortalSpec(name="blog", platform="blogspot", articles=30)]) as (
        handle,
    ):
        yield handle


# ---- the public API: subprocess serving -----------------------------------------------------


def test_serve_portals_runs_a_subprocess_and_stops_it():
    specs = [PortalSpec(theme="plain"), PortalSpec(name="second", second_portal=True)]
    with serve_portals(specs) as handles:
        assert [h.name for h in handles] == ["main", "second"]
        for handle in handles:
            parts = urlsplit(handle.url)
            assert parts.hostname == "127.0.0.1" and parts.port
            status, _headers, body = fetch(handle.url + "/")
            assert status == 200 and b"<html" in body
        assert b"twentytwentyone" in fetch(handles[0].url + "/")[2]
        assert b"td-post-content" not in fetch(handles[1].url + "/")[2]  # a listing, not a post
        first_url = handles[0].truth()[0]["url"]
        assert handles[0].truth()[0]["title"] in page_text(fetch(first_url)[2])
        port = urlsplit(handles[0].url).port
    with pytest.raises(OSError), socket.create_connection(("127.0.0.1", port), timeout=2):
        pass


def test_command_line_prints_urls_and_exits_cleanly_on_sigterm():
    process = subprocess.Popen(
        [sys.executable, "-m", "crawler.testportal", "--articles", "5", "--second-portal"],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        line = json.loads(process.stdout.readline())
        assert [p["name"] for p in line["portals"]] == ["main", "second"]
        assert fetch(line["portals"][0]["url"] + "/robots.txt")[0] == 200
    finally:
        process.terminate()
        assert process.wait(timeout=10) == 0
        process.stdout.close()


def test_command_line_refuses_a_bad_option():
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "crawler.testportal",
            "--specs",
            json.dumps([{"theme": "wordpress-2000"}]),
        ],
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert result.returncode == 2 and "unknown theme" in result.stderr


# ---- routes --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "status", "content_type"),
    [
        ("/", 200, "text/html"),
        ("/page/2/", 200, "text/html"),
        ("/page/999/", 404, "text/html"),
        ("/category/sumsel/", 200, "text/html"),
        ("/category/sumsel/page/2/", 200, "text/html"),
        ("/tag/banjir/", 200, "text/html"),
        ("/author/admin/", 200, "text/html"),
        ("/2024/05/", 200, "text/html"),
        ("/2024/05/31/", 200, "text/html"),
        ("/1999/01/", 404, "text/html"),
        ("/indeks?date=2024-05-31", 200, "text/html"),
        ("/feed/", 200, "application/rss+xml"),
        ("/category/sumsel/feed/", 200, "application/rss+xml"),
        ("/comments/feed/", 200, "application/rss+xml"),
        ("/robots.txt", 200, "text/plain"),
        ("/wp-sitemap.xml", 200, "application/xml"),
        ("/wp-sitemap-posts-post-1.xml", 200, "application/xml"),
        ("/wp-sitemap-taxonomies-category-1.xml", 200, "application/xml"),
        ("/sitemap_index.xml", 200, "application/xml"),
        ("/post-sitemap.xml", 200, "application/xml"),
        ("/post-sitemap9.xml", 404, "text/html"),
        ("/news-sitemap.xml", 200, "application/xml"),
        ("/sitemap.xml", 301, "text/html"),
        ("/wp-json/", 200, "application/json"),
        ("/wp-json/wp/v2/posts", 200, "application/json"),
        ("/wp-json/wp/v2/categories", 200, "application/json"),
        ("/wp-json/wp/v2/tags", 200, "application/json"),
        ("/wp-json/wp/v2/nothing", 404, "application/json"),
        ("/tentang-kami/", 200, "text/html"),
        ("/redaksi/", 200, "text/html"),
        ("/kontak/", 200, "text/html"),
        ("/pedoman-media-siber/", 200, "text/html"),
        ("/wp-admin/", 403, "text/plain"),
        ("/tidak-ada/", 404, "text/html"),
    ],
)
def test_wordpress_routes(main, path, status, content_type):
    got_status, headers, _ = fetch(main.url + path)
    assert got_status == status
    assert headers["Content-Type"].startswith(content_type)


def test_every_html_page_advertises_the_feed_and_the_api(main):
    for path in ("/", "/category/sumsel/", "/tentang-kami/", urlsplit(main.truth()[3]["url"]).path):
        _, _headers, body = fetch(main.url + path)
        assert (
            f'type="application/rss+xml" title="Warta Daerah &raquo; Feed" href="{main.url}/feed/"'.encode()
            in body
        )
        assert f'rel="https://api.w.org/" href="{main.url}/wp-json/"'.encode() in body


def test_robots_names_the_sitemaps_and_keeps_crawlers_out_of_wp_admin(main):
    text = fetch(main.url + "/robots.txt")[2].decode()
    assert f"Sitemap: {main.url}/sitemap_index.xml" in text
    assert f"Sitemap: {main.url}/news-sitemap.xml" in text
    assert "Disallow: /wp-admin/" in text and "Disallow: /__control__/" in text


# ---- truth against what is served -------------------------------------------------------------


def test_sitemaps_list_exactly_the_published_posts(main):
    truth_urls = {row["url"] for row in main.truth()}
    empty = {d["url"] for d in main.expected_drops() if d["reason"] == "article with an empty body"}
    index = xml_locs(fetch(main.url + "/sitemap_index.xml")[2], "sitemap")
    yoast = set()
    for loc in index:
        if "/post-sitemap" in loc:
            yoast |= set(xml_locs(fetch(loc)[2]))
    core = set()
    for loc in xml_locs(fetch(main.url + "/wp-sitemap.xml")[2], "sitemap"):
        if "posts-post" in loc:
            core |= set(xml_locs(fetch(loc)[2]))
    assert yoast == core == truth_urls | empty
    assert len(truth_urls) == 30 + 40  # the showcase and the generated articles


def test_every_truth_article_is_served_with_its_title_and_body(main):
    articles = {main.portal.article_url(a): a for a in main.portal.state(1).articles}
    for row in main.truth():
        status, _headers, body = fetch(row["url"])
        assert status == 200, row["url"]
        doc = lxml.html.fromstring(body.decode("utf-8"))
        assert doc.xpath("//h1")[0].text_content() == row["title"]
        # a split article's text is on all of its pages (page 1 is the article URL)
        pages = main.portal.page_urls(articles[row["url"]])
        assert pages[0] == row["url"]
        text = " ".join([page_text(body), *(page_text(fetch(url)[2]) for url in pages[1:])])
        for paragraph in row["body"].split("\n\n"):
            assert paragraph in text, (row["url"], paragraph[:60])
        assert f'<link rel="canonical" href="{row["url"]}">'.encode() in body


def test_truth_rows_use_archive_field_names_and_clean_values(main):
    columns = set(article_columns())
    for row in main.truth():
        assert set(row) <= columns
        assert row["site"] == urlsplit(main.url).netloc
        assert row["url_key"] == url_key(row["url"])
        assert row["content_hash"] == content_hash(row["body"])
        assert datetime.fromisoformat(row["published_at"]).utcoffset() == timedelta(hours=7)
        assert row["published_at"] <= row["modified_at"]
        for name in row["authors"]:
            assert not re.search(r",|\bS\.(Sos|H|Pd|E|T)\b|\bM\.Si\b|\bDr\.", name), name
        for marker in (
            "Baca juga",
            "BACA JUGA",
            "ADVERTISEMENT",
            "Editor:",
            "Google News",
            "WartaDaerah.id –",
            "Share:",
            "(rls)",
            "What's Your Reaction",
        ):
            assert marker not in row["body"], (row["url"], marker)
    assert ArticleItem(url="x").language is None  # the data dictionary is the reference


def _showcase_page_text(portal, key: str) -> str:
    """The block text of a showcase article's page (of all its pages, in order, when split)."""
    article = portal.state(1).by_key[key]
    return " ".join(block_text(fetch(url)[2]) for url in portal.page_urls(article))


@pytest.mark.parametrize(
    ("key", "printed"),
    [
        ("ppk-rantau-bayur-simulasi", "Banyuasin , WartaDaerah.id – Panitia"),
        ("ppk-rantau-bayur-simulasi", "dan adil. (Rudi Hartono)"),
        ("ppk-rantau-bayur-simulasi", "Iptu Ridwan Syahputra, S.H."),
        ("banjir-bandang-tarogong-kidul", "GARUT, WARTADAERAH.ID — Hujan"),
        ("banjir-bandang-tarogong-kidul", "BACA JUGA:Luapan Sungai Kelekar"),
        ("banjir-bandang-tarogong-kidul", "(Foto: Dok. BPBD Garut)"),
        ("longsor-jalan-pagar-alam", "Pagar Alam, WartaDaerah.id - Tanah"),
        ("longsor-jalan-pagar-alam", "Baca Juga  Bupati Lahat"),
        ("longsor-jalan-pagar-alam", "Cek Berita dan Artikel yang lain di Google News Sumber:"),
        ("dprd-muara-enim-apbd-perubahan", "Muara Enim, WartaDaerah.id -- Rapat"),
        ("dprd-muara-enim-apbd-perubahan", "BACA JUGA : Wali Kota"),
        ("dprd-muara-enim-apbd-perubahan", "ketua fraksi.(Dedi Kurniawan)"),
        ("panen-raya-ogan-ilir", "WARTADAERAH.ID | OGAN ILIR – Pemerintah"),
        ("panen-raya-ogan-ilir", "(Novi/WD)"),
        ("panen-raya-ogan-ilir", "Edtor : Ratna Sari Dewi"),
        ("bansos-beras-musi-rawas", "Musi Rawas | Sebanyak"),
        ("bansos-beras-musi-rawas", "Penulis ; Fajar Ramadhan"),
        ("bansos-beras-musi-rawas", "Hektare dan Harga Cabai"),
        ("curanmor-palembang-dibekuk", "Palembang # WartaDaerah.id _ Satuan"),
        ("curanmor-palembang-dibekuk", "Penulis : Yoga Pratama Editor: Hendra Gunawan"),
        ("imunisasi-polio-oku", "Author : WAHYU NUGROHO BATURAJA: Dinas"),
        ("siswi-sekayu-medali-emas-osn", "Jurnalis: Siti Rahmawati SEKAYU; Nadia"),
        ("siswi-sekayu-medali-emas-osn", "Simak juga: Tim Sepak Bola"),
        ("siswi-sekayu-medali-emas-osn", "(sr) Menulis untuk mencerahkan"),
        ("porprov-sepak-bola-pagar-alam", "WARTA DAERAH,PAGAR ALAM, Tim"),
        ("porprov-sepak-bola-pagar-alam", "Penulis: Dedi Kurniawan dan Fajar Ramadhan | Editor"),
        ("porprov-sepak-bola-pagar-alam", "Share:"),
        ("stunting-lubuklinggau-turun", "Lubuklinggau, WartaDaerah.id.- Prevalensi"),
        ("stunting-lubuklinggau-turun", "Laporan Wartawan WartaDaerah.id, Maulana Yusuf"),
        ("stunting-lubuklinggau-turun", "Leave a Reply"),
        ("harga-cabai-prabumulih", "Prabumulih.WartaDaerah.id,- Harga"),
        ("harga-cabai-prabumulih", "normal..#yoga Reporter : Yoga Pratama"),
        ("harga-cabai-prabumulih", "What's Your Reaction?"),
        ("kejari-muba-dana-desa", "WartaDaerah.id-Kepala Kejaksaan"),
        ("kejari-muba-dana-desa", "berubah. /red/ Pewarta: Agus Salim Harahap"),
        ("kejari-muba-dana-desa", "saluran WhatsApp"),
        ("jembatan-gantung-lahat", "Lahat-Bupati Lahat"),
        ("jembatan-gantung-lahat", "BACA ARTIKEL LAINNYA... Longsor"),
        ("jembatan-gantung-lahat", "(hds/bi) Redaktur: Bambang Irawan 0 Komentar"),
        ("kebakaran-rumah-panggung-empat-lawang", "wartadaerah.idEMPAT LAWANGTiga rumah"),
        ("kebakaran-rumah-panggung-empat-lawang", "makanan. ** Penyunting: Mega Puspita"),
        ("banjir-indralaya-kelekar", "INDRALAYA, WartaDaerah.id – Ratusan"),
        ("banjir-indralaya-kelekar", "Baca Juga : Banjir Bandang"),
        ("banjir-indralaya-kelekar", "ADVERTISEMENT SCROLL TO RESUME CONTENT"),
        ("pelantikan-pejabat-palembang", "WARTADAERAH.ID, PALEMBANG – Wali"),
        ("festival-perahu-bidar-musi", "ilustrasi PALEMBANG,WARTADAERAH.ID– Ribuan"),
        ("jambi-sumsel-jalan-perbatasan", "JAMBI, KABAR-JAMBI.CO.ID – Pemerintah"),
        ("jambi-sumsel-jalan-perbatasan", "-ANDI/KABARJAMBI-"),
        (
            "jambi-sumsel-jalan-perbatasan",
            "Artikel ini telah tayang di Kabar-Jambi.co.id dengan judul",
        ),
        ("nelayan-sumbawa-mesin-tempel", "Sumbawa, NTB (Warta Daerah) - Sebanyak"),
        ("bank-daerah-kur-umkm", "cabang. (adv)"),
        ("turnamen-voli-antar-desa-garut", "keramaian tersebut. (ant)"),
        ("opini-pilkada-damai-dari-desa", "Oleh: Dr. Ahmad Fauzi, M.Si"),
        ("sar-nelayan-hilang-sungsang", "(Ujang WD)"),
        ("narkoba-betung-diringkus", "Narkotika.(RS-2) (Sukarman Humas Polres Banyuasin)"),
    ],
)
def test_the_portal_carries_each_convention(main, key, printed):
    assert printed in _showcase_page_text(main.portal, key)


def test_every_showcase_article_documents_its_conventions():
    readme = (Path(__file__).parent.parent / "crawler" / "testportal" / "README.md").read_text()
    assert len(SHOWCASE) >= 30
    for spec in SHOWCASE:
        assert spec.conventions, spec.key
        assert 4 <= len(spec.paragraphs) <= 12, spec.key
        assert f"| `{spec.key}` |" in readme, spec.key


# ---- articles split over pages -------------------------------------------------------------

NEXTPAGE_KEY = "banjir-bandang-tarogong-kidul"  # WordPress <!--nextpage-->: /slug/2/, /slug/3/
QUERY_KEY = "panen-raya-ogan-ilir"  # a national-style ?page=N pager
STORED_BODY = {
    "jnews": '//div[contains(@class,"content-inner")]',
    "tagdiv": '//div[contains(@class,"td-post-content")]',
    "plain": '//div[contains(@class,"entry-content")]',
    "postname": '//div[contains(@class,"entry-content")]',
    "blogspot": '//div[contains(@class,"post-body")]',
}


def stored_paragraphs(body: bytes, theme: str) -> list[str]:
    """The text of each `<p>` of a page's stored body (its theme's container), in order."""
    doc = lxml.html.fromstring(body.decode("utf-8"))
    container = doc.xpath(STORED_BODY[theme])[0]
    return [" ".join(p.text_content().split()) for p in container.iter("p")]


def story_of(paragraphs: list[str], truth_paragraphs: list[str]) -> list[str]:
    """The truth paragraphs a page prints, in the page's order (datelines and sign-offs around
    them are the page's business)."""
    return [t for p in paragraphs for t in truth_paragraphs if t in p]


def html_text(html: str) -> str:
    return " ".join(lxml.html.fromstring(f"<div>{html}</div>").text_content().split())


def test_two_showcase_articles_are_split_and_keep_their_whole_truth(main):
    portal = main.portal
    split = {a.key: (a.split, a.pages, a.page_breaks) for a in portal.split_articles()}
    assert split == {NEXTPAGE_KEY: ("nextpage", 3, (3, 5)), QUERY_KEY: ("query", 2, (3,))}
    specs = {spec.key: spec for spec in SHOWCASE}
    for key in split:
        row = portal.truth_of(portal.state(1).by_key[key])
        assert row["body"] == "\n\n".join(specs[key].paragraphs)
        assert row["url"] == portal.page_urls(portal.state(1).by_key[key])[0]
    assert portal.truth_of(portal.state(1).by_key[NEXTPAGE_KEY])["related_links"] == [
        "Luapan Sungai Kelekar Rendam Permukiman Warga Indralaya",
        "Longsor Tutup Jalan Lintas Pagar Alam-Lahat, Kendaraan Dialihkan",
    ]  # the "Baca juga" pair stands on page 2; the truth still names it


def test_nextpage_article_links_its_pages_as_wp_link_pages_does(main):
    article = main.portal.state(1).by_key[NEXTPAGE_KEY]
    url = main.portal.article_url(article)
    pages = main.portal.page_urls(article)
    assert pages == [url, f"{url}2/", f"{url}3/"]
    first = fetch(url)[2].decode()
    assert (
        '<div class="page-links">Halaman: <span class="post-page-numbers current"'
        f' aria-current="page">1</span> <a href="{url}2/" class="post-page-numbers"><span>2</span>'
        f'</a> <a href="{url}3/" class="post-page-numbers"><span>3</span></a></div>'
    ) in first
    for number, page_url in enumerate(pages, start=1):
        status, headers, body = fetch(page_url)
        assert status == 200 and headers["Content-Type"].startswith("text/html")
        html = body.decode()
        assert f'<link rel="canonical" href="{page_url}">' in html  # as WordPress core prints it
        assert f'<meta property="og:url" content="{url}">' in html  # the chrome is page 1's
        assert f'aria-current="page">{number}</span>' in html
        for other, link in enumerate(pages, start=1):
            if other != number:
                assert (
                    f'<a href="{link}" class="post-page-numbers"><span>{other}</span></a>' in html
                )
        doc = lxml.html.fromstring(html)
        assert doc.xpath("//h1")[0].text_content() == article.title
        assert doc.xpath(f'{STORED_BODY["jnews"]}/div[@class="page-links"]')  # inside the content
        for chrome in (
            "jeg_post_tags",
            "jnews_author_box_container",
            "jnews_related_post_container",
        ):
            assert chrome in html, (page_url, chrome)
    assert fetch(f"{url}4/")[0] == 404
    assert fetch(f"{url}?page=4")[0] == 404
    for asked, location in (
        (f"{url}1/", url),
        (f"{url}?page=2", f"{url}2/"),
        (f"{url}3", f"{url}3/"),
    ):
        status, headers, _ = fetch(asked)
        assert (status, headers.get("Location")) == (301, location), asked


def test_query_pager_article_pages_on_with_selanjutnya_and_back_with_sebelumnya(main):
    article = main.portal.state(1).by_key[QUERY_KEY]
    url = main.portal.article_url(article)
    assert main.portal.page_urls(article) == [url, f"{url}?page=2"]
    first = fetch(url)[2].decode()
    assert (
        f'<div class="paging"><a href="{url}?page=1" class="active">1</a> <a href="{url}?page=2">'
        f'2</a> <a href="{url}?page=2">Selanjutnya</a></div>'
    ) in first
    assert "Sebelumnya" not in first
    status, _, body = fetch(f"{url}?page=2")
    last = body.decode()
    assert status == 200
    assert (
        f'<div class="paging"><a href="{url}?page=1">Sebelumnya</a> <a href="{url}?page=1">1</a>'
        f' <a href="{url}?page=2" class="active">2</a></div>'
    ) in last
    assert "Selanjutnya" not in last
    for html in (first, last):
        assert f'<link rel="canonical" href="{url}">' in html  # every page names the permalink
    again = fetch(f"{url}?page=1&utm_source=beranda")
    assert again[0] == 200 and again[2].decode() == first
    assert fetch(f"{url}?page=3")[0] == 404


@pytest.mark.parametrize("theme", ["jnews", "tagdiv", "plain", "postname"])
def test_split_pages_print_the_story_in_reading_order_in_every_theme(theme):
    with serve_portals_in_thread([PortalSpec(theme=theme, articles=15)]) as (served,):
        portal = served.portal
        split = portal.split_articles()
        assert {a.key for a in split} == {NEXTPAGE_KEY, QUERY_KEY}
        for article in split:
            wanted = portal.truth_of(article)["body"].split("\n\n")
            printed = [stored_paragraphs(fetch(url)[2], theme) for url in portal.page_urls(article)]
            stories = [story_of(page, wanted) for page in printed]
            assert all(stories) and len(stories) == article.pages == len(article.page_breaks) + 1
            assert [t for story in stories for t in story] == wanted
            assert printed[0][0].startswith(article.dress.dateline.strip())  # page 1 opens it
            assert fetch(portal.page_url(article, article.pages + 1))[0] == 404
        query = portal.state(1).by_key[QUERY_KEY]
        pages = [stored_paragraphs(fetch(u)[2], theme) for u in portal.page_urls(query)]
        last_story = pages[-1].index(next(p for p in pages[-1] if query.paragraphs[-1] in p))
        assert pages[-1][last_story].endswith("(Novi/WD)")  # the sign-off closes the last page
        assert pages[-1][last_story + 1] == "Edtor : Ratna Sari Dewi"
        assert not any("Novi/WD" in p or "Edtor" in p for p in pages[0])


def test_sitemaps_feeds_rest_listings_and_amp_name_page_one_only(main):
    portal = main.portal
    split = portal.split_articles()
    later = {url for article in split for url in portal.page_urls(article)[1:]}
    permalinks = {portal.article_url(article) for article in split}
    documents: dict[str, bytes] = {}
    for index, tag in (("/sitemap_index.xml", "sitemap"), ("/wp-sitemap.xml", "sitemap")):
        for loc in xml_locs(fetch(main.url + index)[2], tag):
            if "post" in loc:
                documents[loc] = fetch(loc)[2]
    listed = {loc for loc in documents for loc in xml_locs(documents[loc])}
    assert permalinks <= listed and not later & listed
    feed_items: dict[str, str] = {}
    for paged in range(1, 9):
        body = fetch(main.url + f"/feed/?paged={paged}")[2]
        documents[f"feed {paged}"] = body
        for item in ET.fromstring(body).iter("item"):
            encoded = item.findtext("{http://purl.org/rss/1.0/modules/content/}encoded")
            feed_items[item.findtext("link")] = encoded
    assert permalinks <= set(feed_items)
    for page in (1, 2):
        documents[f"rest {page}"] = fetch(
            main.url + f"/wp-json/wp/v2/posts?per_page=50&page={page}"
        )[2]
    documents["home"] = fetch(main.url + "/")[2]
    for article in split:
        slug = slugify(article.categories[1])
        documents[f"category {slug}"] = fetch(main.url + f"/category/{slug}/")[2]
        documents[f"amp {article.key}"] = fetch(portal.article_url(article) + "amp/")[2]
    for name, body in documents.items():
        for url in later:
            assert url.encode() not in body, (name, url)
        assert b"?page=" not in body and b"page-links" not in body, name
    for article in split:
        url = portal.article_url(article)
        first, second = article.paragraphs[0], article.paragraphs[article.page_breaks[0]]
        rest = json.loads(fetch(main.url + f"/wp-json/wp/v2/posts/{article.post_id}")[2])
        amp = fetch(url + "amp/")[2]
        assert f'<link rel="canonical" href="{url}">'.encode() in amp
        # get_the_content(): the first page's part, without page links
        for html in (feed_items[url], amp.decode()):
            assert first in html_text(html) and second not in html_text(html), article.key
        # the REST API renders the whole post_content: every page
        assert first in html_text(rest["content"]["rendered"])
        assert second in html_text(rest["content"]["rendered"])


def test_split_pages_answer_conditional_gets_and_count_as_article_requests(main):
    portal = main.portal
    urls = [url for article in portal.split_articles() for url in portal.page_urls(article)[1:]]
    permalink = portal.article_url(portal.state(1).by_key[NEXTPAGE_KEY])
    main.requests(reset=True)
    etags = set()
    for url in urls:
        status, headers, _ = fetch(url)
        assert status == 200 and headers["ETag"] and headers["Last-Modified"]
        etags.add(headers["ETag"])
        assert fetch(url, {"If-None-Match": headers["ETag"]})[0] == 304
        assert fetch(url, {"If-Modified-Since": headers["Last-Modified"]})[0] == 304
    log = main.requests()["log"]
    counts = main.requests()["counts"]
    assert counts["article"] == counts["total"] == 3 * len(urls) == 9  # pages 2, 3 and ?page=2
    targets = [url[len(main.url) :] for url in urls for _ in range(3)]
    assert [entry[0] for entry in log] == targets
    first = fetch(permalink)[1]
    assert first["ETag"] not in etags and len(etags) == len(urls)  # every page its own validator
    assert fetch(permalink + "2/")[1]["Last-Modified"] == first["Last-Modified"]


def test_a_page_query_on_a_one_page_article_is_ignored(main):
    article = main.portal.state(1).by_key["longsor-jalan-pagar-alam"]
    url = main.portal.article_url(article)
    assert main.portal.page_urls(article) == [url]
    _, headers, body = fetch(url)
    for query in ("?page=2", "?page=9", "?page=abc"):
        again = fetch(url + query)
        assert again[0] == 200 and again[1]["ETag"] == headers["ETag"], query
    assert b"page-links" not in body and b'class="paging"' not in body
    assert fetch(f"{url}2/")[0] == 404


def test_blogspot_articles_stay_on_one_page(blog):
    assert blog.portal.split_articles() == []
    article = blog.portal.state(1).by_key[NEXTPAGE_KEY]
    url = blog.portal.article_url(article)
    assert blog.portal.page_urls(article) == [url]
    status, headers, body = fetch(url)
    assert status == 200 and b"page-links" not in body
    wanted = blog.portal.truth_of(article)["body"].split("\n\n")
    assert story_of(stored_paragraphs(body, "blogspot"), wanted) == wanted
    assert fetch(url + "?page=2")[1]["ETag"] == headers["ETag"]


# ---- headers and conditional GET -----------------------------------------------------------


def test_articles_answer_conditional_gets_with_304(main):
    url = main.truth()[5]["url"]
    status, headers, body = fetch(url)
    assert status == 200 and headers["ETag"] and headers["Last-Modified"]
    assert int(headers["Content-Length"]) == len(body)
    assert fetch(url, {"If-None-Match": headers["ETag"]})[0] == 304
    assert fetch(url, {"If-Modified-Since": headers["Last-Modified"]})[0] == 304
    assert fetch(url, {"If-None-Match": '"something-else"'})[0] == 200
    assert fetch(url, {"If-Modified-Since": "Mon, 01 Jan 2018 00:00:00 GMT"})[0] == 200
    tracked = fetch(url + "?utm_source=beranda&utm_medium=listing")
    assert tracked[0] == 200 and tracked[1]["ETag"] == headers["ETag"]


def test_listings_link_articles_with_tracking_fragments_and_amp(main):
    home = fetch(main.url + "/")[2].decode()
    assert "?utm_source=" in home and "#comments" in home
    assert f'href="{main.truth()[0]["url"]}amp/"' in home
    article = main.truth()[0]["url"]
    status, _, body = fetch(article + "amp/")
    assert status == 200 and f'<link rel="canonical" href="{article}">'.encode() in body
    assert fetch(article + "?replytocom=1#respond")[0] == 200
    no_slash = fetch(article.rstrip("/"))
    assert no_slash[0] == 301 and no_slash[1]["Location"] == article


# ---- REST ----------------------------------------------------------------------------------


def test_rest_posts_paginate_with_totals_and_refuse_pages_past_the_end(main):
    published = len(main.truth()) + 1  # the empty-body post is published too
    first = fetch(main.url + "/wp-json/wp/v2/posts?per_page=7&orderby=date&order=desc")
    assert first[1]["X-WP-Total"] == str(published)
    pages = int(first[1]["X-WP-TotalPages"])
    assert pages == -(-published // 7) and 'rel="next"' in first[1]["Link"]
    links = []
    for page in range(1, pages + 1):
        status, _, body = fetch(main.url + f"/wp-json/wp/v2/posts?per_page=7&page={page}")
        assert status == 200
        links += [post["link"] for post in json.loads(body)]
    assert set(links) >= {row["url"] for row in main.truth()} and len(links) == published
    past = fetch(main.url + f"/wp-json/wp/v2/posts?per_page=7&page={pages + 1}")
    assert past[0] == 400 and json.loads(past[2])["code"] == "rest_post_invalid_page_number"
    assert fetch(main.url + "/wp-json/wp/v2/posts?per_page=101")[0] == 400


def test_rest_date_window_and_embedded_terms(main):
    after, before = "2024-05-01T00:00:00", "2024-06-01T00:00:00+07:00"
    query = f"after={after}&before={quote(before)}&per_page=100&_embed"
    _, _headers, body = fetch(main.url + f"/wp-json/wp/v2/posts?{query}")
    posts = json.loads(body)
    expected = [
        row for row in main.truth() if "2024-05-01T00:00:00+07:00" < row["published_at"] < before
    ]
    assert {p["link"] for p in posts} == {row["url"] for row in expected}
    post = next(p for p in posts if p["link"] == expected[0]["url"])
    assert post["title"]["rendered"] and "<p>" in post["content"]["rendered"]
    assert post["_embedded"]["author"][0]["name"]
    assert [t["name"] for t in post["_embedded"]["wp:term"][0]] == expected[0]["categories"]


# ---- feeds and sitemaps --------------------------------------------------------------------


def test_feed_holds_the_ten_newest_articles(main):
    root = ET.fromstring(fetch(main.url + "/feed/")[2])
    links = [item.findtext("link") for item in root.iter("item")]
    newest = [row["url"] for row in main.truth()[:10]]
    assert links == newest
    assert len(list(ET.fromstring(fetch(main.url + "/feed/?paged=2")[2]).iter("item"))) == 10


def test_news_sitemap_holds_the_last_48_hours(main):
    root = ET.fromstring(fetch(main.url + "/news-sitemap.xml")[2])
    entries = {
        u.findtext(f"{SITEMAP}loc"): u.findtext(f"{NEWS}news/{NEWS}publication_date")
        for u in root.iter(f"{SITEMAP}url")
    }
    clock = main.portal.now(1)
    recent = {
        row["url"]
        for row in main.truth()
        if datetime.fromisoformat(row["published_at"]) >= clock - timedelta(hours=48)
    }
    assert set(entries) == recent and len(recent) >= 4


def test_bad_inputs_are_served_and_documented(main):
    drops = {d["reason"]: d["url"] for d in main.expected_drops()}
    empty = lxml.html.fromstring(fetch(drops["article with an empty body"])[2])
    assert (
        empty.xpath("//h1")
        and not "".join(empty.xpath('//div[contains(@class,"content-inner")]//text()')).strip()
    )
    status, headers, body = fetch(drops["PDF linked from an article"])
    assert (
        status == 200 and headers["Content-Type"] == "application/pdf" and body.startswith(b"%PDF")
    )
    with pytest.raises(ET.ParseError):
        ET.fromstring(fetch(drops["malformed sitemap"])[2])
    assert fetch(drops["empty sitemap"])[2] == b""
    index = fetch(main.url + "/sitemap_index.xml")[2].decode()
    assert drops["malformed sitemap"] in index and drops["empty sitemap"] in index
    liar = main.portal.state(1).by_key["kedai-kopi-cafe-serambi-sekayu"]
    status, headers, body = fetch(main.portal.article_url(liar))
    assert headers["Content-Type"] == "text/html" and b'<meta charset="iso-8859-1">' in body
    assert "“Café Sérambi”".encode() in body and body.decode("utf-8")


# ---- epochs --------------------------------------------------------------------------------


def test_epoch_two_adds_edits_removes_and_redirects(main):
    changes = main.changes(2)
    first = {row["url"]: row for row in main.truth(1)}
    second = {row["url"]: row for row in main.truth(2)}
    try:
        main.set_epoch(2)
        added, edited = changes["added"][0], changes["edited"][0]
        removed, redirected = changes["removed"][0], changes["redirected"][0]
        assert added in second and added not in first
        assert second[edited]["title"] != first[edited]["title"]
        assert second[edited]["body"] != first[edited]["body"]
        assert second[edited]["modified_at"] > first[edited]["modified_at"]
        assert removed not in second and redirected not in second
        assert fetch(removed)[0] == 404
        status, headers, _ = fetch(redirected)
        assert status == 301 and headers["Location"] == main.url + "/"
        assert page_text(fetch(edited)[2]).count(second[edited]["title"]) >= 1
        home = fetch(main.url + "/")[2].decode()
        assert added in home
        sitemap = {loc for loc in xml_locs(fetch(main.url + "/post-sitemap.xml")[2])}
        assert added in sitemap and removed not in sitemap and redirected not in sitemap
        assert {d["url"] for d in main.expected_drops(2)} >= {removed, redirected}
    finally:
        main.set_epoch(1)
    assert fetch(removed)[0] == 200


# ---- second portal -------------------------------------------------------------------------


def test_second_portal_republishes_one_article_verbatim(portals):
    main, second = portals
    original = main.portal.state(1).by_key[SYNDICATED_KEY]
    copies = [row for row in second.truth() if row["duplicate_of"]]
    assert len(copies) == 1
    copy = copies[0]
    origin = main.portal.truth_of(original)
    assert copy["duplicate_of"] == url_key(origin["url"])
    assert copy["body"] == origin["body"] and copy["content_hash"] == origin["content_hash"]
    assert copy["dateline_outlet"] != origin["dateline_outlet"] and copy["site"] != origin["site"]
    assert copy["syndicated_from"] == "WartaDaerah.id"
    body = fetch(copy["url"])[2]
    assert b"td-post-content" in body and b"jeg_post_title" not in body
    assert "Artikel ini telah tayang di WartaDaerah.id" in page_text(body)


# ---- Blogspot ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "status", "content_type"),
    [
        ("/", 200, "text/html"),
        ("/feeds/posts/default", 200, "application/atom+xml"),
        ("/feeds/posts/default?alt=rss", 200, "application/rss+xml"),
        ("/feeds/posts/default?alt=json", 200, "application/json"),
        ("/feeds/posts/summary?max-results=3", 200, "application/atom+xml"),
        ("/search?max-results=5", 200, "text/html"),
        ("/sitemap.xml", 200, "application/xml"),
        ("/sitemap.xml?page=1", 200, "application/xml"),
        ("/sitemap-pages.xml", 200, "application/xml"),
        ("/p/tentang-kami.html", 200, "text/html"),
        ("/2024/05/", 200, "text/html"),
        ("/robots.txt", 200, "text/plain"),
        ("/wp-json/wp/v2/posts", 404, "text/html"),
        ("/2024/05/tidak-ada.html", 404, "text/html"),
    ],
)
def test_blogspot_routes(blog, path, status, content_type):
    got_status, headers, _ = fetch(blog.url + path)
    assert got_status == status and headers["Content-Type"].startswith(content_type)


def test_blogspot_feed_pages_cover_every_post(blog):
    truth = {row["url"] for row in blog.truth()}
    seen, start = [], 1
    while True:
        body = fetch(blog.url + f"/feeds/posts/default?start-index={start}&max-results=25")[2]
        root = ET.fromstring(body)
        atom = "{http://www.w3.org/2005/Atom}"
        for entry in root.iter(f"{atom}entry"):
            seen += [
                link.get("href")
                for link in entry.iter(f"{atom}link")
                if link.get("rel") == "alternate"
            ]
        total = int(root.findtext("{http://a9.com/-/spec/opensearchrss/1.0/}totalResults"))
        if not any(link.get("rel") == "next" for link in root.findall(f"{atom}link")):
            break
        start += 25
    empty = {d["url"] for d in blog.expected_drops() if "empty" in d["reason"]}
    assert set(seen) == truth | empty and len(seen) == total == len(truth) + 1
    assert all(re.search(r"/\d{4}/\d{2}/[a-z0-9-]+\.html$", url) for url in truth)
    json_feed = json.loads(fetch(blog.url + "/feeds/posts/default?alt=json&max-results=2")[2])
    assert json_feed["feed"]["openSearch$totalResults"]["$t"] == str(total)


def test_blogspot_search_pagination_walks_back_by_updated_max(blog):
    seen, url = [], blog.url + "/"
    while url:
        doc = lxml.html.fromstring(fetch(url)[2])
        seen += doc.xpath('//h3[contains(@class,"post-title")]/a/@href')
        older = doc.xpath('//a[contains(@class,"blog-pager-older-link")]/@href')
        url = older[0] if older else None
    assert set(seen) == {row["url"] for row in blog.truth()} | {
        d["url"] for d in blog.expected_drops() if "empty" in d["reason"]
    }
    assert "Disallow: /search" in fetch(blog.url + "/robots.txt")[2].decode()
    row = blog.truth()[0]
    assert datetime.fromisoformat(row["published_at"]).utcoffset() == timedelta(hours=9)
    assert f"<title>{escape(row['title'], quote=True)}</title>".encode() in fetch(row["url"])[2]


# ---- control, content and speed ------------------------------------------------------------


def test_post_and_head_are_answered_without_breaking_keep_alive(main):
    host = urlsplit(main.url)
    connection = http.client.HTTPConnection(host.hostname, host.port, timeout=10)
    form = {"Content-Type": "application/x-www-form-urlencoded"}
    connection.request("POST", "/wp-comments-post.php", body=b"comment=halo", headers=form)
    response = connection.getresponse()
    assert response.status == 405 and response.read()
    connection.request("HEAD", "/")
    head = connection.getresponse()
    assert head.status == 200 and head.read() == b"" and int(head.headers["Content-Length"]) > 0
    connection.request("GET", "/robots.txt")
    assert connection.getresponse().read().startswith(b"# START YOAST BLOCK")
    connection.close()


def test_request_log_counts_by_kind(main):
    main.requests(reset=True)
    fetch(main.truth()[0]["url"])
    fetch(main.url + "/feed/")
    fetch(main.url + "/post-sitemap.xml")
    counts = main.requests()["counts"]
    assert counts["article"] == 1 and counts["feed"] == 1 and counts["sitemap"] == 1
    assert counts["total"] == 3


def test_generator_is_deterministic_and_varied():
    # (its speed is a benchmark's business: bench/crawl.py builds 5,000-article portals)
    portal = build_portal(PortalSpec(articles=10_000))
    rows = portal.state(1).articles
    assert len(rows) == 10_000 + 31
    assert len({a.body for a in rows}) == len(rows)
    years = {a.published.year for a in rows}
    assert len(years) >= 4
    again = build_portal(PortalSpec(articles=50))
    same = build_portal(PortalSpec(articles=50))
    other = build_portal(PortalSpec(articles=50, seed=2))
    assert [a.body for a in again.state(1).articles] == [a.body for a in same.state(1).articles]
    assert [a.body for a in again.state(1).articles] != [a.body for a in other.state(1).articles]


def test_generated_articles_are_distinct_stories_not_near_copies():
    articles = [
        a for a in build_portal(PortalSpec(articles=300)).state(1).articles if a.key.startswith("g")
    ]

    def shingles(text: str) -> set[tuple[str, ...]]:
        words = re.findall(r"\w+", text.lower())
        return {tuple(words[i : i + 4]) for i in range(len(words) - 3)}

    sets = [shingles(a.body) for a in articles]
    worst = max(len(a & b) / len(a | b) for i, a in enumerate(sets) for b in sets[i + 1 :])
    assert worst < 0.5


def test_spec_options_are_checked():
    with pytest.raises(PortalSpecError):
        PortalSpec(theme="nope").resolved()
    with pytest.raises(PortalSpecError):
        PortalSpec(now="2024-06-01 10:00").resolved()
    assert PortalSpec(theme="blogspot").resolved().platform == "blogspot"
    assert PortalSpec(second_portal=True).resolved().theme == "tagdiv"
    alone = build_portals([PortalSpec(name="second", second_portal=True, articles=3)])[0]
    assert all(row["duplicate_of"] is None for row in alone.truth())
