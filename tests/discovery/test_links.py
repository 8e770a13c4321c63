"""links: article/listing URL shapes and the same-portal test (platform probe: test_wordpress.py)."""

from __future__ import annotations

import pytest

from crawler.discovery.links import (
    classify_url,
    lists_articles,
    looks_like_article_url,
    looks_like_listing_url,
    same_portal,
)

P = "https://kabarsambas.example"

ARTICLES = [
    f"{P}/2024/05/21/banjir-rob-genangi-pesisir-paloh/",  # WordPress day permalink
    f"{P}/2024/05/21/banjir/",  # day permalink with a one-word slug
    f"{P}/2024/05/21/banjir-rob-genangi-pesisir-paloh/amp/",  # its AMP twin
    f"{P}/2024/05/lomba-sampan-bidar-meriahkan-hut-kota.html",  # Blogger post
    f"{P}/2024/05/tach.html",
    f"{P}/berita/12345/jalan-rusak-di-teluk-keramat",  # numeric id + slug
    f"{P}/berita/546646/prototipe",
    f"{P}/read/746674/SAMBAS.CO",  # /read/ id
    f"{P}/read/2023/11/04/21040031/Warga.Sambas.Gelar.Ritual.Adat",
    f"{P}/news-6775-bupati-sambas-resmikan-pasar-baru",  # id glued to a slug
    f"{P}/169565-jalan-rusak-warga-mengeluh.html",
    f"{P}/daerah/pemkab/berita-171502/serahkan-bantuan-korban-kebakaran.html",
    f"{P}/kesehatan/d-7016153/posyandu-balita-ramai-dikunjungi",
    f"{P}/ragam/perahu-naga-khas-sambas-822151",
    f"{P}/daerah/drama-penangkapan-pencuri-sapi-di-tebas/",  # long slug under a section
    f"{P}/warga-gotong-royong-perbaiki-jembatan-desa/",  # long slug at the root
    f"{P}/amp/685640/peduli-kebakaran-bupati-antar-bantuan",
    f"{P}/?p=7818",  # WordPress plain permalink
    f"{P}/index.php?p=7818",
    f"{P}/ekonomi/harga-lada.html",
    f"{P}/artikel/jalan-baru",
    f"{P}/2024/05/21/banjir-rob-genangi-pesisir-paloh/?utm_source=facebook",
    f"{P}/berita/%E2%80%9Cwarga-desa-sungai-kelambu-tolak-tambang%E2%80%9D/",
    f"{P}/ekonomi/archive/2024/05/harga-lada-naik-lagi/361373/",  # date and slug after `archive`
    f"{P}/archives/2024/05/21/festival_budaya_sambas.html",
    f"{P}/archives/7818",  # WordPress's numeric permalink
    f"{P}/blog/warga-gotong-royong-perbaiki-jembatan/2024/05",  # the date closes the path
    f"{P}/page/cara-menanam-lada-di-lahan-gambut",  # `page` before no number: a section
    f"{P}/?p=7818/",
    f"{P}/berita/harga-lada-naik-lagi-bulan-ini/?label=promo&aid=5",  # a campaign's `label`
    f"{P}/ekonomi/harga-lada-naik.html;jsessionid=A1B2C3",  # a servlet's session on the path
]

LISTINGS = [
    f"{P}/",
    f"{P}/category/daerah/",
    f"{P}/category/daerah/page/3/",
    f"{P}/category/daerah/amp/",  # AMP of a listing is no article
    f"{P}/kategori/politik/",
    f"{P}/tag/pilkada-sambas-2024/",
    f"{P}/topik/banjir-rob-genangi-pesisir-paloh/",
    f"{P}/author/admin/",
    f"{P}/penulis/redaksi/page/2/",
    f"{P}/page/2/",
    f"{P}/2024/05/",
    f"{P}/2024/05/21/",
    f"{P}/2024/",
    f"{P}/indeks",
    f"{P}/indeks?date=2024-05-21",
    f"{P}/search?updated-max=2024-05-20T07%3A59%3A00%2B07%3A00&max-results=5",
    f"{P}/search/label/Sambas",
    f"{P}/2016_03_27_archive.html",
    f"{P}/?cat=4",
    f"{P}/?s=banjir",
    f"{P}/?m=202405",
    f"{P}/arsip/2024/05/21/",  # an archive word before a bare date is still the archive
    f"{P}/archives/2024/",
    f"{P}/halaman/2/",
    f"{P}/daerah/?label=sambas",
]

PAGES = [
    f"{P}/daerah/",  # a section without a category base
    f"{P}/daerah/sambas/",
    f"{P}/news/banjir-rob/",  # WordPress /%category%/%postname%/ with a short slug
    f"{P}/berita/jalan-rusak/",
    f"{P}/banjir-paloh/",  # /%postname%/ with a short slug
    f"{P}/a/b/c/",
    f"{P}/ekonomi/lada.html",
    f"{P}/123/",  # WordPress's `/%post_id%/` permalink or a fixed page: only it can tell
    f"{P}/daerah/banjir-rob-meluas/24.600.504",  # a dotted id is no file extension
]

OTHERS = [
    f"{P}/tentang-kami/",
    f"{P}/redaksi/",
    f"{P}/pedoman-pemberitaan-media-siber/",
    f"{P}/wp-content/uploads/2024/05/foto-banjir-rob-di-pesisir-paloh.jpg",
    f"{P}/wp-admin/admin-ajax.php",
    f"{P}/wp-json/wp/v2/posts",
    f"{P}/feed/",
    f"{P}/2024/05/21/banjir-rob-genangi-pesisir-paloh/feed/",
    f"{P}/comments/feed/",
    f"{P}/dokumen/laporan-tahunan-dinas-kesehatan-2023.pdf",
    f"{P}/p/kebijakan-privasi.html",
    f"{P}/?page_id=42",
    f"{P}/cdn-cgi/l/email-protection",
    f"{P}/attachment/foto-banjir/",
    f"{P}/feeds/posts/default",
    "mailto:redaksi@kabarsambas.example",
    "javascript:void(0)",
    "",
    "   ",
]


@pytest.mark.parametrize("url", ARTICLES)
def test_article_shapes(url):
    assert classify_url(url) == "article"
    assert looks_like_article_url(url)


@pytest.mark.parametrize("url", LISTINGS)
def test_listing_shapes(url):
    assert classify_url(url) == "listing"
    assert looks_like_listing_url(url)
    assert not looks_like_article_url(url)


@pytest.mark.parametrize("url", PAGES)
def test_shapes_only_the_page_can_tell(url):
    assert classify_url(url) == "page"
    assert not looks_like_article_url(url)
    assert not looks_like_listing_url(url)


@pytest.mark.parametrize(
    ("sitemap", "lists_posts"),
    [
        (f"{P}/post-sitemap.xml", True),  # Yoast, Rank Math
        (f"{P}/post-sitemap2.xml", True),
        (f"{P}/wp-sitemap-posts-post-1.xml", True),  # WordPress core
        (f"{P}/news-sitemap.xml", True),
        (f"{P}/sitemap-berita.xml.gz", True),
        (f"{P}/wp-sitemap-posts-page-1.xml", False),  # pages, not posts
        (f"{P}/post_tag-sitemap.xml", False),
        (f"{P}/category-sitemap.xml", False),
        (f"{P}/sitemap.xml", False),  # says nothing: entries keep their shapes
        (None, False),
    ],
)
def test_post_and_news_sitemaps_are_known_by_name(sitemap, lists_posts):
    assert lists_articles(sitemap) is lists_posts


@pytest.mark.parametrize("url", OTHERS)
def test_other_shapes(url):
    assert classify_url(url) == "other"
    assert not looks_like_article_url(url)


@pytest.mark.parametrize("url", [None, 42, "http://[::1", "https://x.example:99999/a-b-c-d-e-f/"])
def test_bad_input_is_other(url):
    assert classify_url(url) == "other"


@pytest.mark.parametrize(
    ("url", "base", "include_subdomains", "expected"),
    [
        (f"{P}/a/", P, False, True),
        ("https://www.kabarsambas.example/a/", P, False, True),  # www. folded
        (
            "http://kabarsambas.example/a/",
            "https://www.kabarsambas.example/",
            False,
            True,
        ),  # default ports
        ("https://kabarsambas.example:443/a/", P, False, True),
        ("https://KABARSAMBAS.example./a/", P, False, True),  # case and trailing dot
        ("https://kabarsambas.example:8443/a/", P, False, False),  # another port
        ("http://127.0.0.1:8001/a/", "http://127.0.0.1:8002/", False, False),  # two test portals
        ("http://127.0.0.1:8001/a/", "http://127.0.0.1:8001/", False, True),
        ("https://m.kabarsambas.example/a/", P, False, False),  # subdomain not included...
        ("https://m.kabarsambas.example/a/", P, True, True),  # ...unless asked
        ("https://notkabarsambas.example/a/", P, True, False),
        ("https://kabarsambas.example.evil.example/", P, True, False),
        ("/relative/path", P, False, False),
        ("mailto:redaksi@kabarsambas.example", P, False, False),
        (None, P, False, False),
        (P, None, False, False),
        ("https://xn--bcher-kva.example/", "https://bücher.example/", False, True),  # IDNA
    ],
)
def test_same_portal(url, base, include_subdomains, expected):
    assert same_portal(url, base, include_subdomains=include_subdomains) is expected
