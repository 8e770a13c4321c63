"""Empty posts stay empty (never another post's text from a widget); pages are not posts."""

import json

import pytest

from crawler.extract import extract_page
from crawler.extract.chrome import strip_page_chrome
from crawler.extract.containers import extract_blocks
from crawler.extract.dom import parse_html
from tests.extract.pages import STORY, STORY_HTML, page

SNIPPET = (
    "Ringkasan berita populer lain tentang banjir yang merendam ratusan rumah warga di Desa "
    "Sukamaju sejak Senin malam, lengkap dengan keterangan kepala desa dan camat setempat, "
    "serta daftar bantuan yang sudah disalurkan oleh pemerintah kabupaten kepada para korban."
)
"""An invented popular-post snippet, long enough to pass for an article body."""

BLOGGER_SIDEBAR = (
    "<aside class='sidebar-container'><div class='widget PopularPosts'><div role='feed'>"
    + "".join(
        f"<div class='post'><div class='post-content'><a class='post-title' href='/{i}.html'>"
        f"Judul Populer {i}</a><div class='snippet-item post-snippet'>{SNIPPET}</div></div></div>"
        for i in range(3)
    )
    + "</div></div></aside>"
)

WORDPRESS_WIDGETS = (
    "<div class='jeg_sidebar'><div class='widget widget_jnews_popular'><ul>"
    + "".join(f"<li><div class='post-content'><p>{SNIPPET}</p></div></li>" for _ in range(3))
    + "</ul></div></div><footer class='site-footer'><p>Kabar Terkini dari Daerah. Alamat redaksi:"
    " Jalan Merdeka, Pangkalan Balai.</p></footer>"
)


def blogger_post(body: str) -> str:
    return (
        "<div class='widget Blog' id='Blog1'><div class='post'><h3 class='post-title'>Galeri"
        " Foto Upacara</h3><div class='post-body entry-content float-container'>"
        + body
        + "</div></div></div>"
        + BLOGGER_SIDEBAR
    )


EMPTY_POSTS = {
    "blogspot:post-body:empty": blogger_post("  "),
    "theme:tagdiv:empty": (
        "<article><h1>Galeri Foto</h1><div class='td-post-content tagdiv-type'><div class='td-a-rec"
        " td-a-rec-id-content_top'><span class='td-adspot-title'>- Advertisement -</span></div>"
        "</div></article>" + WORDPRESS_WIDGETS
    ),
    "theme:jnews:empty": (
        "<div class='jeg_inner_content'><h1>Galeri Foto</h1><div class='entry-content'><div"
        " class='jeg_share_button'><a href='#'>Bagikan</a></div><div class='content-inner'>"
        "<script>var x = 1;</script></div></div></div>" + WORDPRESS_WIDGETS
    ),
    "wp:entry-content:empty": (
        "<article class='post'><h1>Galeri Foto</h1><div class='entry-content'> </div></article>"
        + WORDPRESS_WIDGETS
    ),
}
"""Pages whose theme container is there but holds nothing but chrome."""


def blocks(html: str):
    doc = parse_html(page(html))
    strip_page_chrome(doc)
    return extract_blocks(doc)


@pytest.mark.parametrize("rule", sorted(EMPTY_POSTS))
def test_empty_theme_container_gives_no_paragraphs(rule):
    result = blocks(EMPTY_POSTS[rule])
    assert result.container == rule
    assert result.paragraphs == []


def test_empty_blogger_post_through_extract_page():
    raw = extract_page(blogger_post(""), "https://kabarsukamaju.blogspot.com/2024/05/galeri.html")
    assert raw.paragraphs == []
    assert "blogspot:post" in raw.article_signals  # still a post: Validate drops it as empty


def test_full_blogger_post_is_not_confused_with_the_sidebar():
    result = blocks(blogger_post(STORY_HTML))
    assert result.container == "blogspot:post-body"
    assert result.paragraphs == STORY


def test_short_blogger_post_never_falls_back_to_a_popular_posts_widget():
    result = blocks(blogger_post("<p>Foto-foto upacara di halaman kantor bupati.</p>"))
    assert not any(SNIPPET in p for p in result.paragraphs)


def test_container_holding_only_captions_is_not_an_empty_post():
    figures = "".join(
        f"<figure class='wp-caption'><img src='{i}.jpg'><figcaption>Foto {i}: peserta upacara."
        "</figcaption></figure>"
        for i in range(2)
    )
    result = blocks(f"<article><div class='entry-content'>{figures}</div></article>")
    assert not (result.container or "").endswith(":empty")


def test_story_outside_an_empty_generic_container_is_read():
    # a page builder renders the story in its own block; the post's entry-content stays empty
    builder = "".join(f"<div class='blok-teks'><p>{text}</p></div>" for text in STORY)
    markup = (
        "<article class='post'><h1>Jembatan Gantung Desa Sukamaju Diresmikan</h1>"
        f"<div class='entry-content'> </div></article><div class='susunan'>{builder}</div>"
    )
    raw = extract_page(page(markup), "https://kabarsukamaju.id/2024/05/jembatan/")
    assert raw.paragraphs == STORY


def test_empty_container_with_jsonld_article_body_uses_it():
    head = (
        "<script type='application/ld+json'>"
        + json.dumps(
            {"@type": "NewsArticle", "headline": "Galeri Foto", "articleBody": "\n".join(STORY)}
        )
        + "</script>"
    )
    raw = extract_page(page(EMPTY_POSTS["wp:entry-content:empty"], head=head), "https://a.id/x/")
    assert raw.paragraphs == STORY
    assert raw.container == "jsonld:articleBody"


@pytest.mark.parametrize(
    ("url", "body_class", "present", "absent"),
    [
        pytest.param(
            "https://kabarsukamaju.blogspot.com/p/kontak.html",
            "item-view",
            "blogspot:page",
            "blogspot:post",
            id="blogger-static-page",
        ),
        pytest.param(
            "https://kabarsukamaju.blogspot.com/2024/05/kontak.html",
            "item-view",
            "blogspot:post",
            "blogspot:page",
            id="blogger-post",
        ),
        pytest.param(
            "https://kabarsukamaju.co.id/kontak/",
            "page-template-default page page-id-7",
            "wp:page",
            "wp:single",
            id="wordpress-static-page",
        ),
    ],
)
def test_static_pages_are_signalled_as_pages(url, body_class, present, absent):
    body = f"<div class='post'><div class='post-body entry-content'>{STORY_HTML}</div></div>"
    raw = extract_page(page(body, body_class=body_class), url)
    assert present in raw.article_signals
    assert absent not in raw.article_signals


def test_bare_page_class_of_other_cms_is_no_wordpress_page():
    raw = extract_page(
        page(f"<div class='isi'>{STORY_HTML}</div>", body_class="page"), "https://a.id/"
    )
    assert "wp:page" not in raw.article_signals
