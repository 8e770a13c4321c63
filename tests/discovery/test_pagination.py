"""pagination: next-page detection per theme, page numbers, and classified listing links."""

from __future__ import annotations

import pytest

from crawler.discovery.pagination import (
    discovered_from_listing,
    listing_links,
    listing_root,
    next_page_url,
    page_number,
    page_url,
)

BASE = "https://warta-muba.example"


def page(body: str, head: str = "") -> bytes:
    return f"<!DOCTYPE html><html><head>{head}</head><body>{body}</body></html>".encode()


WP_PAGINATE_LINKS = page(
    '<nav class="navigation pagination"><div class="nav-links">'
    '<span aria-current="page" class="page-numbers current">1</span>'
    f'<a class="page-numbers" href="{BASE}/page/2/">2</a>'
    f'<a class="page-numbers" href="{BASE}/page/3/">3</a>'
    f'<a class="next page-numbers" href="{BASE}/page/2/">Berikutnya &raquo;</a></div></nav>'
)
WP_OLDER_POSTS = page(
    f'<div class="nav-previous"><a href="{BASE}/category/daerah/page/3/">Tulisan lama</a></div>'
    f'<div class="nav-next"><a href="{BASE}/category/daerah/">Tulisan baru</a></div>'
)
JNEWS = page(
    '<div class="jeg_navigation jeg_pagination jeg_pagenav_1">'
    '<span class="page_info">Halaman 1 dari 20</span><span class="page_number active">1</span>'
    '<a class="page_number" data-id="2" href="/page/2/">2</a>'
    '<a class="page_nav next" data-id="2" href="/page/2/"><span class="navtext">Next</span></a></div>'
)
TAGDIV = page(
    '<div class="page-nav td-pb-padding-side"><span class="current">4</span>'
    f'<a href="{BASE}/page/3/"><i class="td-icon-menu-left"></i></a>'
    f'<a href="{BASE}/page/5/" class="page" title="5">5</a>'
    f'<a href="{BASE}/page/5/"><i class="td-icon-menu-right"></i></a>'
    '<span class="pages">Halaman 4 dari 51</span></div>'
)
BLOGGER = page(
    "<div class='blog-pager' id='blog-pager'>"
    "<a class='blog-pager-newer-link' href='https://kabar.blogspot.com/search?updated-max=2024-05-30T08:00:00%2B07:00&amp;max-results=7&amp;reverse-paginate=true'>Posting Lebih Baru</a>"
    "<a class='blog-pager-older-link' href='https://kabar.blogspot.com/search?updated-max=2024-05-10T08:00:00%2B07:00&amp;max-results=7' id='Blog1_blog-pager-older-link'>Posting Lama</a>"
    "<a class='home-link' href='https://kabar.blogspot.com/'>Beranda</a></div>"
)
REL_NEXT_HEAD = page("<p>isi</p>", head=f'<link rel="next" href="{BASE}/tag/pilkada/page/2/" />')
NUMBERS_ONLY = page(
    "".join(f'<a href="{BASE}/indeks/page/{n}/">{n}</a>' for n in (1, 2, 4, 5)) + "<span>3</span>"
)
PAGED_QUERY = page(
    f'<a href="{BASE}/?cat=4&amp;paged=2">2</a><a href="{BASE}/?cat=4&amp;paged=3">3</a>'
)
LAST_PAGE = page(
    '<div class="nav-links"><a class="prev page-numbers" href="/page/50/">&laquo;</a>'
    '<a class="page-numbers" href="/page/50/">50</a><span class="page-numbers current">51</span></div>'
)
SELF_LOOP = page("", head=f'<link rel="next" href="{BASE}/page/7/" />')
BACKWARDS_THEN_FORWARD = page(
    f'<a rel="next" href="{BASE}/page/1/">keliru</a><a class="next page-numbers" href="{BASE}/page/3/">›</a>'
)
OFF_PORTAL = page('<a class="next page-numbers" href="https://lain.example/page/2/">›</a>')


@pytest.mark.parametrize(
    ("body", "url", "expected"),
    [
        (WP_PAGINATE_LINKS, f"{BASE}/", f"{BASE}/page/2/"),
        (WP_OLDER_POSTS, f"{BASE}/category/daerah/page/2/", f"{BASE}/category/daerah/page/3/"),
        (JNEWS, f"{BASE}/", f"{BASE}/page/2/"),
        (TAGDIV, f"{BASE}/page/4/", f"{BASE}/page/5/"),
        (
            BLOGGER,
            "https://kabar.blogspot.com/",
            "https://kabar.blogspot.com/search?updated-max=2024-05-10T08:00:00%2B07:00&max-results=7",
        ),
        (REL_NEXT_HEAD, f"{BASE}/tag/pilkada/", f"{BASE}/tag/pilkada/page/2/"),
        (NUMBERS_ONLY, f"{BASE}/indeks/page/3/", f"{BASE}/indeks/page/4/"),
        (PAGED_QUERY, f"{BASE}/?cat=4&paged=2", f"{BASE}/?cat=4&paged=3"),
        (LAST_PAGE, f"{BASE}/page/51/", None),
        (SELF_LOOP, f"{BASE}/page/7/", None),
        (BACKWARDS_THEN_FORWARD, f"{BASE}/page/2/", f"{BASE}/page/3/"),
        (OFF_PORTAL, f"{BASE}/", None),
        (b"", f"{BASE}/", None),
    ],
)
def test_next_page_url(body, url, expected):
    assert next_page_url(body, url) == expected


def test_blogger_older_link_must_go_back_in_time():
    url = "https://kabar.blogspot.com/search?updated-max=2024-05-10T08:00:00%2B07:00&max-results=7"
    assert next_page_url(BLOGGER, url) is None  # the "older" link is the page itself: a trap


@pytest.mark.parametrize(
    ("url", "number", "root"),
    [
        (f"{BASE}/", 1, f"{BASE}/"),
        (f"{BASE}/page/7/", 7, f"{BASE}/"),
        (f"{BASE}/category/daerah/page/12/", 12, f"{BASE}/category/daerah/"),
        (f"{BASE}/?cat=4&paged=3", 3, f"{BASE}/?cat=4"),
        (f"{BASE}/indeks?page=9", 9, f"{BASE}/indeks"),
        (f"{BASE}/page/", 1, f"{BASE}/page/"),
        ("bukan url", 1, "bukan url"),
        ("http://[rusak/page/2/", 1, "http://[rusak/page/2/"),  # urllib refuses it: kept as is
    ],
)
def test_page_number_and_listing_root(url, number, root):
    assert page_number(url) == number
    assert listing_root(url) == root


@pytest.mark.parametrize(
    ("listing", "number", "expected"),
    [
        (f"{BASE}/category/daerah/", 2, f"{BASE}/category/daerah/page/2/"),
        (f"{BASE}/category/daerah/page/2/", 5, f"{BASE}/category/daerah/page/5/"),
        (f"{BASE}/category/daerah", 3, f"{BASE}/category/daerah/page/3/"),
        (f"{BASE}/category/daerah/page/4/", 1, f"{BASE}/category/daerah/"),
        (f"{BASE}/?cat=4", 2, f"{BASE}/?cat=4&paged=2"),
        (f"{BASE}/?cat=4&paged=2", 3, f"{BASE}/?cat=4&paged=3"),
    ],
)
def test_page_url(listing, number, expected):
    assert page_url(listing, number) == expected


HOME = page(
    f"""
<header><nav class="menu">
  <a href="{BASE}/">Beranda</a><a href="{BASE}/category/daerah/">Daerah</a>
  <a href="/kategori/politik/">Politik</a><a href="{BASE}/tentang-kami/">Tentang Kami</a>
  <a href="https://www.facebook.com/wartamuba">Facebook</a><a href="#">Menu</a>
  <a href="javascript:void(0)">Cari</a><a href="mailto:redaksi@warta-muba.example">Surel</a>
</nav></header>
<main>
  <article class="jeg_post">
    <div class="jeg_thumb"><a href="/2024/05/21/sumur-minyak-ilegal-di-babat-toman-ditutup/"><img src="/wp-content/uploads/a.jpg"></a></div>
    <h3 class="jeg_post_title"><a href="/2024/05/21/sumur-minyak-ilegal-di-babat-toman-ditutup/">Sumur Minyak Ilegal di Babat Toman Ditutup</a></h3>
    <div class="jeg_meta_date"><time datetime="2024-05-21T10:15:00+07:00">21 Mei 2024</time></div>
  </article>
  <article class="jeg_post">
    <h3><a href="{BASE}/2024/05/20/festival-perahu-bidar-sungai-musi/?utm_source=beranda#komentar">Festival Perahu Bidar</a></h3>
    <span class="date">20 Mei 2024</span>
  </article>
  <div class="td_module_wrap">
    <a href="{BASE}/2024/05/20/festival-perahu-bidar-sungai-musi/?utm_source=beranda">Baca</a>
  </div>
  <div class="two-cards">
    <a href="/2024/05/19/petani-sawit-keluhkan-harga-tbs-anjlok/">Harga TBS</a>
    <a href="/2024/05/18/kapolres-muba-pimpin-apel-siaga-karhutla/">Apel Siaga</a>
    <time datetime="2024-05-19T09:00:00+07:00">19 Mei</time>
  </div>
  <a href="{BASE}/wp-content/uploads/2024/05/pengumuman.pdf">Unduh pengumuman</a>
  <a href="{BASE}/tag/karhutla/">Karhutla</a>
  <a href="https://warta-muba.example:8443/2024/05/17/port-lain-bukan-portal-ini-ya/">port lain</a>
  <a href="http://www.warta-muba.example/2024/05/16/lewat-www-dan-http-tetap-portal-ini/">www</a>
  <div class="nav-links"><a class="next page-numbers" href="{BASE}/page/2/">›</a></div>
</main>"""
)


def test_listing_links_are_on_portal_deduplicated_and_classified():
    found = {link.url: link for link in listing_links(HOME, f"{BASE}/")}
    assert list(found) == [
        f"{BASE}/",
        f"{BASE}/category/daerah/",
        f"{BASE}/kategori/politik/",
        f"{BASE}/tentang-kami/",
        f"{BASE}/2024/05/21/sumur-minyak-ilegal-di-babat-toman-ditutup/",
        f"{BASE}/2024/05/20/festival-perahu-bidar-sungai-musi/?utm_source=beranda",
        f"{BASE}/2024/05/19/petani-sawit-keluhkan-harga-tbs-anjlok/",
        f"{BASE}/2024/05/18/kapolres-muba-pimpin-apel-siaga-karhutla/",
        f"{BASE}/wp-content/uploads/2024/05/pengumuman.pdf",
        f"{BASE}/tag/karhutla/",
        "http://www.warta-muba.example/2024/05/16/lewat-www-dan-http-tetap-portal-ini/",
        f"{BASE}/page/2/",
    ]
    kinds = {url: link.kind for url, link in found.items()}
    assert kinds[f"{BASE}/category/daerah/"] == "listing"
    assert kinds[f"{BASE}/tentang-kami/"] == "other"
    assert kinds[f"{BASE}/wp-content/uploads/2024/05/pengumuman.pdf"] == "other"
    assert kinds[f"{BASE}/page/2/"] == "listing"
    assert kinds[f"{BASE}/2024/05/21/sumur-minyak-ilegal-di-babat-toman-ditutup/"] == "article"


def test_listing_link_text_and_card_dates():
    found = {link.url: link for link in listing_links(HOME, f"{BASE}/")}
    sumur = found[f"{BASE}/2024/05/21/sumur-minyak-ilegal-di-babat-toman-ditutup/"]
    assert sumur.text == "Sumur Minyak Ilegal di Babat Toman Ditutup"  # the image link had no text
    assert sumur.published_at == "2024-05-21T10:15:00+07:00"
    assert (
        found[
            f"{BASE}/2024/05/20/festival-perahu-bidar-sungai-musi/?utm_source=beranda"
        ].published_at
        is None
    )
    # a container holding two articles does not lend its date to either
    assert found[f"{BASE}/2024/05/19/petani-sawit-keluhkan-harga-tbs-anjlok/"].published_at is None


def test_discovered_from_listing_keeps_articles_listings_and_next():
    found = discovered_from_listing(HOME, f"{BASE}/")
    assert {d.channel for d in found} == {"pagination"}
    assert {d.kind for d in found} == {"article", "listing"}
    assert [d.kind for d in found if d.url == f"{BASE}/page/2/"] == ["listing"]
    assert not any(d.url.endswith(".pdf") or "tentang-kami" in d.url for d in found)


def test_base_href_is_respected():
    body = page(
        '<a href="2024/05/15/harga-beras-stabil-di-pasar-sekayu/">x</a>',
        head=f'<base href="{BASE}/">',
    )
    (link,) = listing_links(body, f"{BASE}/category/ekonomi/")
    assert link.url == f"{BASE}/2024/05/15/harga-beras-stabil-di-pasar-sekayu/"


@pytest.mark.parametrize("body", [b"", None, b"\x00\x00", "<html>", b"<a>" * 100_000])
def test_garbage_gives_no_links(body):
    assert listing_links(body, f"{BASE}/") == []
    assert next_page_url(body, f"{BASE}/") is None
