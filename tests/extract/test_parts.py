"""Split articles (crawler.extract.parts): which links are an article's other pages, and how the
pages are joined. Fixture pages are invented; the dev corpus check reads ../shared."""

from __future__ import annotations

import pytest
from lxml import html

from bench.extraction import load_pages
from crawler.extract import extract_page
from crawler.extract.parts import (
    MAX_ARTICLE_PAGES,
    ArticlePages,
    SplitArticle,
    article_pages,
    join_pages,
)
from crawler.items import ArticleItem, RawArticle

POST = "https://kabarcontoh.test/2024/05/10/banjir-rendam-sawah-warga/"
READ = "https://kabarcontoh.test/read/2024/05/10/123/banjir-rendam-sawah-warga"


def doc(*links: tuple[str, str]):
    anchors = "".join(f'<a href="{href}">{text}</a>' for href, text in links)
    return html.fromstring(f"<html><body><p>Isi berita.</p>{anchors}</body></html>")


def test_wordpress_nextpage_links_are_the_pages_of_the_article():
    found = article_pages(doc((f"{POST}2/", "2"), (f"{POST}3/", "3")), POST)
    assert (found.number, found.urls) == (1, {1: POST, 2: f"{POST}2/", 3: f"{POST}3/"})


def test_a_page_query_parameter_is_a_page_and_a_comment_page_is_not():
    found = article_pages(
        doc((f"{READ}?page=2", "2"), (f"{READ}?page=2", "Selanjutnya"), (f"{READ}?cpage=3", "3")),
        READ,
    )
    assert found.urls == {1: READ, 2: f"{READ}?page=2"}
    plain = "https://kabarcontoh.test/?p=123"
    assert article_pages(doc(("/?p=123&page=2", "2")), plain).urls == {
        1: plain,
        2: "https://kabarcontoh.test/?p=123&page=2",
    }


@pytest.mark.parametrize(
    "links",
    [
        [("https://kabarcontoh.test/category/daerah/page/2/", "2")],  # a listing's pages
        [(f"{POST}?replytocom=2", "Balas")],  # a reply link
        [(f"{POST}3/", "3")],  # no page 2: not a pager
        [(f"{POST}{MAX_ARTICLE_PAGES + 1}/", "x"), (f"{POST}2000/", "y")],
    ],
)
def test_links_that_number_something_else_are_no_pages(links):
    assert article_pages(doc(*links), POST) == ArticlePages(1)


def test_numeric_article_ids_are_no_page_numbers():
    # /berita/12 links articles 11 and 13 and its section: none is a page of it
    links = [("/berita", "Berita"), ("/berita/11", "Judul lain"), ("/berita/13", "Judul lagi")]
    assert article_pages(doc(*links), "https://kabarcontoh.test/berita/12") == ArticlePages(1)


def test_a_later_page_names_its_number_and_the_first_page():
    page2 = article_pages(doc((POST, "1"), (f"{POST}3/", "3")), f"{POST}2/")
    assert (page2.number, page2.urls) == (2, {1: POST, 2: f"{POST}2/", 3: f"{POST}3/"})
    last = article_pages(doc((f"{READ}?page=1", "Sebelumnya")), f"{READ}?page=2", READ)
    assert last.number == 2 and last.urls[1] == READ
    # a pager needs a number as a link text: a "back" link alone is no pager
    assert article_pages(doc((POST, "Kembali")), f"{POST}2/") == ArticlePages(1)


def test_a_widgets_pager_beside_the_story_is_not_read():
    page = f"""<html><head><title>Banjir rendam sawah</title></head><body>
    <header><nav><a href="{POST}2/">2</a></nav></header>
    <main><article class="post"><h1>Banjir rendam sawah warga</h1>
    <div class="entry-content">{"".join(f"<p>Paragraf berita nomor {i} tentang banjir yang merendam sawah warga desa.</p>" for i in range(8))}
    <div class="page-links">Halaman: <span>1</span> <a href="{POST}2/">2</a></div></div>
    </article></main>
    <aside><div class="widget"><a href="{POST}?tab_page=2">2</a></div></aside></body></html>"""
    raw = extract_page(page, POST)
    assert raw.page_number == 1 and raw.page_urls == {1: POST, 2: f"{POST}2/"}
    assert raw.paragraphs[-1].startswith("Paragraf berita nomor 7")  # the pager is no paragraph
    lone = page.replace(
        f'<div class="page-links">Halaman: <span>1</span> <a href="{POST}2/">2</a></div>', ""
    )
    assert extract_page(lone, POST).page_urls == {}  # the menu's link is far from the story


def raw(*paragraphs: str, **fields) -> RawArticle:
    return RawArticle(url=POST, paragraphs=list(paragraphs), **fields)


def test_pages_are_joined_in_order_and_lines_every_page_repeats_once():
    first = raw("Banyuasin - Satu.", "Dua.", "Halaman 1 2 3", related_links=["Baca A"])
    second = raw("Tiga.", "Halaman 1 2 3", byline_texts=["Penulis: Joni"])
    third = raw("Empat. (Joni Karbot)", related_links=["Baca A", "Baca B"])
    joined = join_pages(first, [second, third])
    assert joined.paragraphs == [
        "Banyuasin - Satu.",
        "Dua.",
        "Halaman 1 2 3",
        "Tiga.",
        "Empat. (Joni Karbot)",
    ]
    assert joined.related_links == ["Baca A", "Baca B"]
    assert joined.byline_texts == ["Penulis: Joni"]


def test_a_split_article_asks_each_page_once_and_learns_later_pages():
    item = ArticleItem(url=POST, raw=raw("Satu.", page_urls={1: POST, 2: f"{POST}2/"}))
    split = SplitArticle(item, dict(item.raw.page_urls))
    assert split.next_page() == 2
    assert split.add(2, raw("Dua.", page_urls={1: POST, 3: f"{POST}3/"}))
    assert split.next_page() == 3 and split.next_page() is None
    assert split.add(3, raw("Tiga."))
    assert split.joined().raw.paragraphs == ["Satu.", "Dua.", "Tiga."]


def test_a_page_that_repeats_the_text_read_is_not_joined():
    item = ArticleItem(url=POST, raw=raw("Satu.", "Dua.", "Tiga."))
    split = SplitArticle(item, {1: POST, 2: f"{POST}?box_page=2"})
    split.next_page()
    assert not split.add(2, raw("Satu.", "Dua.", "Tiga.", "Kabar singkat lain."))
    assert not split.add(2, raw())  # no text at all
    assert split.joined().raw.paragraphs == ["Satu.", "Dua.", "Tiga."]


def test_a_split_article_stops_at_the_page_bound():
    urls = {n: f"{POST}{n}/" for n in range(1, MAX_ARTICLE_PAGES + 10)}
    split = SplitArticle(ArticleItem(url=POST, raw=raw("Satu.")), urls)
    asked = list(iter(split.next_page, None))
    assert asked == list(range(2, MAX_ARTICLE_PAGES + 1))


def dev_pages(name: str):
    try:
        return {page.key: page for page in load_pages(name)}
    except (OSError, ValueError):
        return {}


@pytest.mark.skipif(not dev_pages("wcxb-articles"), reason="../shared/corpus is absent")
def test_dev_pages_split_and_not_split():
    """Real pages: a national portal's `?page=2` story and a WordPress `<!--nextpage-->` post are
    split; pages whose list widgets, carousels or tabs carry page numbers are not."""
    national = dev_pages("id-national")["htmldate-kompas-menhub"]
    assert sorted(extract_page(national.html, national.url).page_urls) == [1, 2]
    wcxb = dev_pages("wcxb-articles")
    post = wcxb["4682.html.gz"]
    assert sorted(extract_page(post.html, post.url).page_urls) == [1, 2, 3]
    for key in ("0158.html.gz", "0231.html.gz", "0279.html.gz", "2976.html.gz"):
        page = wcxb[key]
        assert extract_page(page.html, page.url).page_urls == {}, key
