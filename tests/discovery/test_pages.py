"""pages: what a page shows it is (platform markup, structured data, structure), whatever its URL."""

from __future__ import annotations

import json

import pytest

from crawler.discovery.pagination import read_listing

P = "https://kabarsambas.example"
STORY = "".join(
    f"<p>Warga Desa Sungai Kelambu bergotong royong memperbaiki jembatan gantung yang rusak "
    f"diterjang banjir pekan lalu, bagian {n} dari laporan ini.</p>"
    for n in range(6)
)  # about 700 characters: one text block of article length
EXCERPT = "<p>Warga Desa Sungai Kelambu bergotong royong memperbaiki jembatan gantung.</p>"


def page(body: str, *, head: str = "", body_class: str = "") -> str:
    return (
        f'<!doctype html><html lang="id"><head><meta charset="utf-8"><title>Judul</title>{head}'
        f'</head><body class="{body_class}">{body}</body></html>'
    )


def jsonld(data: dict) -> str:
    return f'<script type="application/ld+json">{json.dumps(data)}</script>'


def teaser(slug: str, excerpt: str = EXCERPT, tag: str = "div") -> str:
    return (
        f'<{tag} class="item"><h2><a href="{P}/news/{slug}/">Judul {slug}</a></h2>{excerpt}</{tag}>'
    )


def signals(html: str, url: str = f"{P}/news/banjir-paloh/") -> list[str]:
    return read_listing(html.encode(), url).signals


@pytest.mark.parametrize(
    ("body_class", "expected"),
    [
        ("archive category category-daerah category-12", "wp:archive"),
        ("archive tag tag-pilkada", "wp:archive"),
        ("archive author author-admin", "wp:archive"),
        ("archive date", "wp:archive"),
        ("archive tax-wilayah term-sambas", "wp:archive"),
        ("search search-results", "wp:archive"),
        ("home blog", "wp:archive"),
        ("blog paged paged-2", "wp:archive"),
        ("post-template-default single single-post postid-7818", "wp:single"),
        ("page-template-default page page-id-42", "wp:page"),
    ],
)
def test_wordpress_body_classes_name_the_page(body_class, expected):
    assert expected in signals(page("<main></main>", body_class=body_class))


@pytest.mark.parametrize("body_class", ["home", "blog", "archive", "blog-post hs-blog-post", ""])
def test_lone_words_in_body_classes_are_not_wordpress_archives(body_class):
    # `blog` alone is HubSpot's post page; `home` alone any site's front: no platform evidence
    assert "wp:archive" not in signals(page("<main></main>", body_class=body_class))


def test_an_article_page_with_related_teasers_shows_its_text_block():
    related = "".join(teaser(f"lain-{n}", excerpt="") for n in range(4))
    html = page(
        f'<main><article><h1>Jembatan Desa Diperbaiki</h1><div class="entry-content">{STORY}'
        f"</div></article><section>{related}</section></main>",
        head='<meta property="og:type" content="article">',
    )
    found = signals(html)
    assert "og:article" in found and "text:block" in found
    assert not [s for s in found if s.startswith("listing:")]


def test_teasers_without_a_text_block_are_a_listing():
    html = page("".join(teaser(f"kabar-{n}") for n in range(5)))
    assert "listing:teasers" in signals(html, f"{P}/berita/")


def test_two_teasers_are_not_enough_for_a_listing():
    html = page("".join(teaser(f"kabar-{n}") for n in range(2)))
    assert "listing:teasers" not in signals(html, f"{P}/berita/")


def test_teasers_in_a_sidebar_or_related_box_do_not_count():
    boxes = "".join(teaser(f"lain-{n}", excerpt="") for n in range(6))
    html = page(f'<div class="jeg_sidebar">{boxes}</div><aside>{boxes}</aside>')
    assert "listing:teasers" not in signals(html)


def test_body_classes_about_navigation_do_not_make_the_page_chrome():
    # Twenty Twenty-One prints `has-main-navigation` on <body>: the story is still the main text
    html = page(f"<main><article>{STORY}</article></main>", body_class="has-main-navigation")
    assert "text:block" in signals(html)


@pytest.mark.parametrize(
    "wrapper",
    [
        "<div class='layout with-sidebar'>{}</div>",  # a layout's state, not a sidebar
        "<div class='content has-sidebar offset-nav'>{}</div>",
        "<main class='hasSidebar main_content'>{}</main>",
        "<span class='hs_cos_wrapper hs_cos_wrapper_widget'>{}</span>",  # a CMS's module wrapper
        "<div class='elementor-widget-text-editor'>{}</div>",
        "<section class='page [--sidebar-width:18rem] lg:flex'>{}</section>",  # utility classes
        # a post in the category `Terkini`: post_class() names its terms, not a box
        "<article class='post-7 post type-post status-publish hentry category-terkini'>{}</article>",
        "<main class='PageLayout_Main__2pNav'>{}</main>",  # a CSS module's hash, no `nav`
    ],
)
def test_a_story_in_a_layout_or_widget_wrapper_is_still_the_main_text(wrapper):
    assert "text:block" in signals(page(wrapper.format(STORY)))


@pytest.mark.parametrize(
    "box",
    [
        "<div class='sidebar'>{}</div>",
        "<div class='widget widget_recent_entries related'>{}</div>",
        "<div class='RelatedArticles_box__x1Y2'>{}</div>",  # a CSS module's camel case
        "<div class='category-menu'>{}</div>",  # a theme's own box, no post's term
        "<div class='Sidebar_wrap__a1B2c'>{}</div>",  # the hash goes, the sidebar stays
    ],
)
def test_a_block_in_a_sidebar_or_a_related_widget_is_not_the_main_text(box):
    # the page's own text: short lines (a listing's titles), more of it than the box holds
    titles = "".join(
        f"<li>Kabar singkat nomor {n} dari Kecamatan Paloh hari ini</li>" for n in range(20)
    )
    assert "text:block" not in signals(page(box.format(STORY) + f"<main><ul>{titles}</ul></main>"))


@pytest.mark.parametrize(
    "layout",
    [
        "<div class='panel-display zen-one-sidebar-second'>{}<div class='sidebar'>Iklan</div></div>",
        "<div id='navigation-container'><nav>Beranda</nav><main>{}</main></div>",
    ],
)
def test_a_box_name_on_the_wrapper_of_most_of_the_page_names_its_layout(layout):
    # the layout's sidebar configuration, or a wrapper named after the menu it also holds
    assert "text:block" in signals(page(layout.format(f"<h1>Jembatan Diperbaiki</h1>{STORY}")))


def test_a_sidebar_holding_most_of_a_pages_text_but_not_its_headline_stays_a_sidebar():
    html = page(f"<main><h1>Tag: jembatan</h1></main><div class='sidebar'>{STORY}</div>")
    assert "text:block" not in signals(html)


def test_a_block_in_comments_or_scripts_is_no_text_block():
    comments = f'<div id="comments" class="comments-area">{STORY}</div>'
    script = f"<script>var data = {json.dumps('x' * 900)};</script>"
    assert "text:block" not in signals(page(comments + script))


def test_a_body_of_br_separated_text_is_a_text_block():
    text = "<br><br>".join(
        f"Kalimat ke-{n} laporan banjir rob di pesisir Paloh yang merendam rumah warga."
        for n in range(8)
    )
    assert "text:block" in signals(page(f'<div class="isi-berita">{text}</div>'))


def test_several_full_posts_under_their_own_headings_are_a_listing():
    posts = "".join(
        f'<article class="post hentry"><h2><a href="{P}/news/kabar-{n}/">Kabar {n}</a></h2>'
        f'<div class="entry-content">{STORY}</div></article>'
        for n in range(3)
    )
    assert "listing:posts" in signals(page(f"<main>{posts}</main>"), f"{P}/berita/")


def test_one_full_post_is_not_several():
    post = (
        f'<article class="post hentry"><h1>Kabar</h1><div class="entry-content">{STORY}</div>'
        + "".join(teaser(f"lain-{n}", excerpt="", tag="article") for n in range(3))
        + "</article>"
    )
    assert "listing:posts" not in signals(page(post))


def test_structured_data_about_this_page_is_an_article_claim():
    url = f"{P}/news/banjir-paloh/"
    head = jsonld({"@type": "NewsArticle", "headline": "Banjir", "url": url})
    assert "jsonld:Article" in signals(page(STORY, head=head), url)


def test_structured_data_about_the_canonical_url_is_about_this_page():
    canonical = f"{P}/news/banjir-paloh/"
    head = f'<link rel="canonical" href="{canonical}">' + jsonld(
        {"@type": "NewsArticle", "mainEntityOfPage": {"@id": canonical}}
    )
    assert "jsonld:Article" in signals(page(STORY, head=head), f"{P}/news/banjir-paloh/?amp=1")


def test_a_teasers_structured_data_makes_its_page_a_listing():
    # a tag or "editor's pick" page with one post, in full, and that post's NewsArticle
    other = f"{P}/news/kabar-0/"
    head = '<meta property="og:type" content="article">' + jsonld(
        {"@type": "NewsArticle", "url": other, "headline": "Kabar"}
    )
    html = page(f'<article><h2><a href="{other}">Kabar</a></h2>{STORY}</article>', head=head)
    found = signals(html, f"{P}/pilihan-redaksi/")
    assert "listing:describes-other" in found
    assert "jsonld:Article" not in found


def test_structured_data_naming_another_url_the_page_does_not_list_is_no_listing():
    # real articles name their language-neutral twin (`/en/...` left out): not a teaser
    head = jsonld({"@type": "NewsArticle", "url": f"{P}/news/banjir-paloh-en/"})
    assert "listing:describes-other" not in signals(page(STORY, head=head))


@pytest.mark.parametrize("kind", ["CollectionPage", "SearchResultsPage", "ProfilePage"])
def test_listing_page_types(kind):
    head = jsonld({"@context": "https://schema.org", "@graph": [{"@type": kind, "@id": P}]})
    assert "listing:collection" in signals(page("", head=head), f"{P}/berita/")


def test_an_item_list_on_an_article_is_no_listing():
    head = jsonld({"@type": "ItemList", "itemListElement": []})
    assert not [s for s in signals(page(STORY, head=head)) if s.startswith("listing:")]


@pytest.mark.parametrize("body", [b"", b"   ", b"\x00\x01binary", b"<html>"])
def test_empty_or_broken_pages_give_no_signals(body):
    assert read_listing(body, f"{P}/news/x/").signals == []


@pytest.mark.parametrize(
    ("path", "home"),
    [
        ("/", True),
        ("", True),
        ("/index.php", True),
        ("/?p=7818", False),
        ("/news/banjir-paloh/", False),
    ],
)
def test_the_sites_home_page_is_a_listing_whatever_it_shows(path, home):
    # One story of article length with a headline and a date: on the home page still no article.
    from crawler.article import page_kind

    html = page(
        f"<main><h1>Jembatan Desa Diperbaiki</h1><time>21 Mei 2024</time>{STORY}</main>",
        head='<meta property="og:type" content="article">',
    )
    found = signals(html, f"{P}{path}")
    assert ("listing:home" in found) is home
    assert page_kind(found) == ("listing" if home else "article")


QUIET_STORY = "".join(
    f"<div>Air sungai naik lagi di Kampung Tanjung, catatan warga nomor {n}.</div>"
    for n in range(12)
)  # a story in short <div> lines: no block of article length, no date, no claim


@pytest.mark.parametrize(
    ("channel", "kind"),
    [("feed", "article"), ("news-sitemap", "article"), ("sitemap", "unknown"), (None, "unknown")],
)
def test_a_page_that_says_nothing_is_an_article_when_the_portal_lists_it_as_a_post(channel, kind):
    from crawler.discovery.pages import recognise_page
    from crawler.extract import extract_page

    html = page(f"<main><h1>Sungai Meluap Lagi</h1>{QUIET_STORY}</main>")
    url = f"{P}/kabar/sungai-meluap-lagi/"
    raw = extract_page(html.encode(), url)
    assert recognise_page(raw, html.encode(), url, channel=channel) == kind
    assert ("listed:feed" in raw.article_signals) is (channel == "feed")


def test_a_listing_stays_a_listing_when_a_feed_names_it():
    from crawler.discovery.pages import recognise_page
    from crawler.extract import extract_page

    html = page("".join(teaser(f"kabar-{n}") for n in range(5)))
    url = f"{P}/kabar/terbaru/"
    raw = extract_page(html.encode(), url)
    assert recognise_page(raw, html.encode(), url, channel="feed") == "listing"
