"""The `postname` test theme: short-slug permalinks of every shape, listings of the same shapes,
bare posts and faults, served as its README says (loopback, no crawl)."""

from __future__ import annotations

import urllib.error
import urllib.request
import xml.etree.ElementTree as ET
from collections import Counter
from urllib.parse import urlsplit

import pytest

from crawler.testportal import PortalSpec, serve_portals_in_thread
from crawler.testportal.permalinks import shape_of
from crawler.testportal.postname import FAULTS, PICK_PATH, POPULAR_PATH, is_bare

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


OPENER = urllib.request.build_opener(urllib.request.ProxyHandler({}), _NoRedirect())


def fetch(url: str) -> tuple[int, dict[str, str], bytes]:
    assert urlsplit(url).hostname == "127.0.0.1"
    try:
        with OPENER.open(url, timeout=30) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


@pytest.fixture(scope="module")
def portal():
    with serve_portals_in_thread([PortalSpec(theme="postname", articles=40)]) as (served,):
        yield served


def test_posts_take_every_permalink_shape_with_unique_short_slugs(portal):
    paths = [urlsplit(t["url"]) for t in portal.truth()]
    shapes = Counter(shape_of(a) for a in portal.portal.state(1).articles)
    assert set(shapes) == {"berita", "news", "daerah", "root", "read", "query"}
    assert len({(p.path, p.query) for p in paths}) == len(paths)
    slugs = [
        p.path.strip("/").split("/")[-1] for p in paths if not p.query and "/read/" not in p.path
    ]
    assert all(len(slug.split("-")) in (2, 3) for slug in slugs)  # two words, `-2` on a clash


def test_every_post_is_served_at_its_permalink_with_its_own_markup(portal):
    for article in portal.portal.state(1).articles:
        status, _, body = fetch(portal.portal.article_url(article))
        assert status == 200
        page = body.decode()
        assert article.title.split()[0] in page
        bare = 'property="og:type"' not in page and "ld+json" not in page and "postid-" not in page
        assert bare == is_bare(article), portal.portal.article_path(article)


@pytest.mark.parametrize("path", ["/berita/", "/news/", "/daerah/", PICK_PATH, POPULAR_PATH])
def test_listings_shaped_like_posts_are_served(portal, path):
    status, _, body = fetch(portal.url + path)
    assert status == 200
    assert b"kabar-item" in body or b"pick-item" in body or b'class="indeks"' in body


def test_the_index_section_is_a_bare_list_of_links_on_pages_of_five(portal):
    _, _, body = fetch(portal.url + "/daerah/")
    assert b"og:type" not in body and b"ld+json" not in body
    index = body.split(b'<div class="indeks">', 1)[1].split(b"</div>", 1)[0]
    assert b"<h" not in index and index.count(b"<li><a ") == 5
    assert fetch(portal.url + "/daerah/page/2/")[0] == 200


def test_a_section_front_claims_to_be_an_article_and_pages_on(portal):
    _, _, body = fetch(portal.url + "/berita/")
    assert b'<meta property="og:type" content="article">' in body
    assert f"{portal.url}/berita/page/2/".encode() in body
    assert fetch(portal.url + "/berita/page/2/")[0] == 200


def test_the_pick_shows_one_post_in_full_with_its_structured_data(portal):
    _, _, body = fetch(portal.url + PICK_PATH)
    picked = portal.portal.state(1).articles[2]
    url = portal.portal.article_url(picked).encode()
    assert body.count(b"NewsArticle") == 1 and f'"url": "{url.decode()}"'.encode() in body
    assert picked.paragraphs[-1][:40].encode() in body


@pytest.mark.parametrize(
    ("path", "status"),
    [
        ("/berita/gangguan-server/", 500),
        ("/news/halaman-kosong/", 200),
        ("/berita/belum-tersedia/", 200),
        ("/news/pindah-alamat/", 301),
        ("/read/404404/", 404),
    ],
)
def test_faults_answer_as_documented(portal, path, status):
    got, headers, body = fetch(portal.url + path)
    assert got == status
    if path == "/news/halaman-kosong/":
        assert body == b""
    if status == 301:
        assert headers["Location"] == portal.url + "/"


def test_the_feed_and_the_post_sitemap_list_every_post_and_the_faults(portal):
    truth = {t["url"] for t in portal.truth()}
    faults = {portal.url + path for path in FAULTS}
    _, _, feed = fetch(portal.url + "/feed/")
    links = {item.findtext("link") for item in ET.fromstring(feed).iter("item")}
    assert truth | faults <= links
    _, _, sitemap = fetch(portal.url + "/post-sitemap.xml")
    locs = {loc.text for loc in ET.fromstring(sitemap).iter(f"{SITEMAP}loc")}
    assert truth | faults <= locs


def test_expected_drops_name_the_faults_and_the_post_shaped_listings(portal):
    drops = {d["url"]: d["stage"] for d in portal.expected_drops()}
    assert all(drops[portal.url + path] == "download" for path in FAULTS)
    assert drops[portal.url + PICK_PATH] == "validate"


def test_removed_and_moved_posts_answer_404_and_301_in_epoch_two_whatever_their_shape():
    spec = PortalSpec(theme="postname", articles=40)
    with serve_portals_in_thread([spec]) as (served,):
        served.set_epoch(2)
        for url in served.changes(2)["removed"]:
            assert fetch(url)[0] == 404
        for url in served.changes(2)["redirected"]:
            assert fetch(url)[0] == 301


def test_split_posts_page_on_whatever_their_permalink_shape(portal):
    """`<!--nextpage-->` on a `/?p=ID` permalink pages with `&page=N` (WordPress without pretty
    permalinks); the `?page=N` pager joins a path permalink with `?`."""
    split = {a.key: a for a in portal.portal.split_articles()}
    assert set(split) == {"banjir-bandang-tarogong-kidul", "panen-raya-ogan-ilir"}
    for article in split.values():
        url = portal.portal.article_url(article)
        pages = portal.portal.page_urls(article)
        joiner = "&" if "?" in url else "?"
        assert pages == [url, *(f"{url}{joiner}page={n}" for n in range(2, article.pages + 1))]
        text = ""
        for page in pages:
            status, _, body = fetch(page)
            assert status == 200, page
            text += " ".join(body.decode().split())
        first = fetch(url)[2]
        for page in pages[1:]:
            assert f'href="{page.replace("&", "&amp;")}"'.encode() in first  # page 1 links it
        for paragraph in article.paragraphs:
            assert " ".join(paragraph.split()) in text
        assert fetch(f"{url}{joiner}page={article.pages + 1}")[0] == 404
    nextpage = portal.portal.article_url(split["banjir-bandang-tarogong-kidul"])
    assert nextpage.startswith(f"{portal.url}/?p=")  # this portal's shape for that post id
    _, _, second = fetch(f"{nextpage}&page=2")
    assert f'<link rel="canonical" href="{nextpage}&page=2">'.encode() in second
