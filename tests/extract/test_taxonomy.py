"""Categories and tags from the post's own meta links, never from blocks listing other posts."""

import pytest

from crawler.extract import extract_page
from crawler.extract.chrome import strip_page_chrome
from crawler.extract.containers import locate_container
from crawler.extract.dom import parse_html
from crawler.extract.taxonomy import post_scope, post_taxonomy
from tests.extract.pages import STORY_HTML, page

URL = "https://kabarsukamaju.co.id/2024/05/21/demam-berdarah-meningkat/"
TITLE = "Kasus Demam Berdarah di Sukamaju Meningkat"
SECTION_META = f"<meta property='article:section' content='Sumsel'><title>{TITLE}</title>"


def cat(name: str, slug: str) -> str:
    return f"<a href='/category/{slug}/' rel='category tag'>{name}</a>"


def tag(name: str, slug: str) -> str:
    return f"<a href='/tag/{slug}/' rel='tag'>{name}</a>"


OTHER_POSTS = (
    "<div class='jnews_related_post_container'><h3>Berita Terkait</h3><article>"
    f"<h3><a href='/lain/'>Judul Berita Lain</a></h3>{cat('Olahraga', 'olahraga')}"
    f"{tag('Sepak Bola', 'sepak-bola')}</article></div>"
)
"""A related-posts block inside the post container whose cards carry their own terms."""

SIDEBAR = (
    "<aside class='sidebar'><div class='widget widget_tag_cloud'>"
    f"{tag('Pilkada', 'pilkada')}{tag('Banjir', 'banjir')}</div>"
    f"<div class='widget'><ul><li>{cat('Ekonomi', 'ekonomi')}</li></ul></div></aside>"
)

JNEWS = (
    "<div class='jeg_inner_content'><div class='jeg_breadcrumbs'><a href='/'>Beranda</a>"
    f"{cat('Sumsel', 'sumsel')}{cat('Induk Rubrik', 'induk')}</div><div class='entry-header'>"
    f"<h1 class='jeg_post_title'>{TITLE}</h1><div class='jeg_meta_category'>"
    f"{cat('Sumsel', 'sumsel')}, {cat('Kesehatan', 'kesehatan')}</div></div>"
    f"<div class='entry-content'><div class='content-inner'>{STORY_HTML}</div></div>"
    f"<div class='jeg_post_tags'><span>Tags:</span>{tag('DBD', 'dbd')}{tag('OKI', 'oki')}</div>"
    f"{OTHER_POSTS}</div>{SIDEBAR}"
)
"""JNews shape: categories in the header meta, tags after the content, a breadcrumb and a
related block inside the same wrapper."""

TAGDIV = (
    "<article class='post type-post'><div class='td-post-header'><ul class='td-category'>"
    "<li class='entry-category'><a href='/category/sumsel/'>Sumsel</a></li>"
    "<li class='entry-category'><a href='/category/kesehatan/'>Kesehatan</a></li></ul>"
    f"<header><h1 class='entry-title'>{TITLE}</h1></header></div>"
    f"<div class='td-post-content'>{STORY_HTML}<p>Data dari <a href='/category/sehat/'>rubrik"
    " kesehatan</a> kami.</p></div><footer><div class='td-post-source-tags'><ul class='td-tags'>"
    "<li><span>TAGS</span></li><li><a href='/tag/dbd/'>DBD</a></li>"
    "<li><a href='/tag/oki/'>OKI</a></li></ul></div></footer></article>" + SIDEBAR
)
"""tagDiv shape: category and tag links without `rel`, found by their archive paths."""

BLOGSPOT = (
    "<div class='post'><h3 class='post-title entry-title'>" + TITLE + "</h3>"
    "<div class='post-body entry-content'>" + STORY_HTML + "</div><div class='post-footer'>"
    "<span class='byline post-labels'><span class='byline-label'>Label:</span>"
    "<a href='/search/label/Sumsel' rel='tag'>Sumsel</a>"
    "<a href='/search/label/DBD' rel='tag'>DBD</a></span></div></div>"
    "<aside class='sidebar-container'><div class='widget PopularPosts'><div class='post'>"
    "<a href='/2024/05/lain.html'>Judul Lain</a></div></div><div class='widget Label'>"
    "<a href='/search/label/Pilkada'>Pilkada</a></div></aside>"
)
"""Blogger shape: labels are `rel=tag` links in the post footer; label widget in the sidebar."""


@pytest.mark.parametrize(
    ("body", "categories", "tags"),
    [
        pytest.param(JNEWS, ["Sumsel", "Kesehatan"], ["DBD", "OKI"], id="jnews"),
        pytest.param(TAGDIV, ["Sumsel", "Kesehatan"], ["DBD", "OKI"], id="tagdiv-paths"),
        pytest.param(BLOGSPOT, [], ["Sumsel", "DBD"], id="blogspot-labels"),
    ],
)
def test_post_meta_links_read_and_other_posts_ignored(body, categories, tags):
    raw = extract_page(page(body, head=f"<title>{TITLE}</title>"), URL)
    assert raw.categories == categories
    assert raw.tags == tags


def test_single_section_meta_gains_the_second_category_from_links():
    raw = extract_page(page(JNEWS, head=SECTION_META), URL)
    assert raw.categories == ["Sumsel", "Kesehatan"]  # meta first, then what only links name


def test_without_headline_the_post_wrapper_scopes_the_links():
    body = (
        f"<article class='post'><div class='entry-content'>{STORY_HTML}</div>"
        f"<footer class='entry-footer'>{cat('Sumsel', 'sumsel')} {tag('DBD', 'dbd')}</footer>"
        f"</article>{SIDEBAR}"
    )
    raw = extract_page(page(body, head="<title>Judul yang tidak dicetak</title>"), URL)
    assert raw.categories == ["Sumsel"]
    assert raw.tags == ["DBD"]


def test_no_post_scope_no_link_terms():
    body = f"<div class='isi'>{STORY_HTML}</div>{cat('Sumsel', 'sumsel')}{SIDEBAR}"
    raw = extract_page(page(body, head=SECTION_META), URL)
    assert raw.categories == ["Sumsel"]  # the meta alone
    assert raw.tags == []


def test_scope_is_the_smallest_element_holding_headline_and_body():
    doc = parse_html(page(JNEWS))
    strip_page_chrome(doc)
    located = locate_container(doc)
    scope = post_scope(doc, located.element, TITLE)
    assert scope.get("class") == "jeg_inner_content"


def test_taxonomy_never_raises_on_missing_parts():
    doc = parse_html(page("<p>teks</p>"))
    assert post_taxonomy(doc, None, None) == ([], [])
    assert post_taxonomy(doc, None, "Judul") == ([], [])


def test_site_wide_category_list_inside_the_post_wrapper_is_ignored():
    site_list = "".join(
        f"<li class='cat-item cat-item-{i}'><a href='/category/{slug}/'>{slug.title()}</a></li>"
        for i, slug in enumerate(["ekonomi", "olahraga", "politik"])
    )
    body = (
        f"<main><h1>{TITLE}</h1><div class='entry-content'>{STORY_HTML}</div>"
        f"<ul class='post-categories'>{site_list}</ul>"
        f"<span class='cat-links'>{cat('Kesehatan', 'kesehatan')}</span></main>"
    )
    raw = extract_page(page(body, head=f"<title>{TITLE}</title>"), URL)
    assert raw.categories == ["Kesehatan"]
