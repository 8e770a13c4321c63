"""Related-posts boxes inside the content: removed from the body, their link titles reported."""

import pytest

from crawler.extract import extract_page, raw_from_wp_post
from crawler.extract.containers import extract_blocks
from crawler.extract.dom import parse_fragment, parse_html
from crawler.extract.related import is_related_heading, take_related_boxes, teaser_card_lists
from tests.extract.pages import STORY, STORY_HTML, page

TITLES = [
    "Banjir Rendam Ratusan Rumah di Desa Sukamaju",
    "Harga Cabai Merah Naik Menjelang Lebaran",
    "Jembatan Gantung Baru Diresmikan Bupati Banyuasin",
]
"""Invented headlines of other posts."""

LINKS = "".join(f"<li><a href='/2024/05/{i}/'>{t}</a></li>" for i, t in enumerate(TITLES))


def with_box(box: str) -> str:
    """An entry-content container with `box` between the second and third paragraph."""
    paragraphs = [f"<p>{p}</p>" for p in STORY]
    return "<div class='entry-content'>" + "".join(paragraphs[:2]) + box + paragraphs[2] + "</div>"


def blocks(html: str):
    return extract_blocks(parse_html(page(html)))


@pytest.mark.parametrize(
    "box",
    [
        pytest.param(
            "<div class='baca-juga-box'><p class='baca-juga-title'><strong>Baca Juga</strong></p>"
            f"<ul>{LINKS}</ul></div>",
            id="plugin-box-class",
        ),
        pytest.param(
            f"<div class='wp-block-group'><p><strong>BACA JUGA:</strong></p><ul>{LINKS}</ul></div>",
            id="neutral-wrapper-with-heading",
        ),
        pytest.param(
            f"<p><strong>Berita Terkait</strong></p><ul>{LINKS}</ul>", id="heading-then-list"
        ),
        pytest.param(f"<h3>Baca juga</h3><ol>{LINKS}</ol>", id="h3-then-ordered-list"),
        pytest.param(
            f"<div id='yarpp-related' class='yarpp'><h3>Artikel lain</h3><ol>{LINKS}</ol></div>",
            id="yarpp-plugin",
        ),
        pytest.param(
            "<div class='jnews_inline_related_post'><div class='jeg_block_heading'>Baca Juga"
            "</div>"
            + "".join(
                f"<article><div class='jeg_thumb'><a href='/{i}/'></a></div>"
                f"<h3 class='jeg_post_title'><a href='/{i}/'>{t}</a></h3><div class='jeg_post_meta'>"
                f"<a href='/category/sumsel/' rel='category tag'>Sumsel</a> <span class='date'>"
                f"<a href='/{i}/'>21 Mei 2024</a></span></div></article>"
                for i, t in enumerate(TITLES)
            )
            + "</div>",
            id="post-cards-with-thumbnails-categories-dates",
        ),
    ],
)
def test_box_removed_and_titles_reported_in_order(box):
    result = blocks(with_box(box))
    assert result.paragraphs == STORY
    assert result.related_links == TITLES


def test_marker_line_in_a_paragraph_stays_for_the_cleaning_grammar():
    line = f"<p>Baca juga: <a href='/x/'>{TITLES[0]}</a></p>"
    result = blocks(with_box(line))
    assert f"Baca juga: {TITLES[0]}" in result.paragraphs
    assert result.related_links == []


def test_list_of_sources_without_a_related_heading_is_story():
    sources = f"<p>Data diolah dari:</p><ul>{LINKS}</ul>"
    result = blocks(with_box(sources))
    assert TITLES[0] in result.paragraphs
    assert result.related_links == []


def test_a_short_label_over_linked_headlines_is_a_box_in_any_language():
    box = f"<div class='mehr-zum-thema'><span>Mehr zum Thema</span><ul>{LINKS}</ul></div>"
    result = blocks(with_box(box))
    assert result.paragraphs == STORY
    assert result.related_links == TITLES


@pytest.mark.parametrize(
    "section",
    [
        # a sentence of the story over its list
        f"<div><h3>Daftar sekolah</h3><p>Sekolah berikut juga menerima bantuan tahun ini:</p>"
        f"<ul>{LINKS}</ul></div>",
        # a price label over shop links
        f"<div><span>Harga: Rp15.000-Rp70.000</span><ul>{LINKS}</ul></div>",
    ],
    ids=["sentence-over-list", "label-with-figures"],
)
def test_a_story_section_of_links_is_no_box(section):
    result = blocks(with_box(section))
    assert TITLES[0] in result.paragraphs
    assert result.related_links == []


LONG_TITLE = "Warga Tiga Desa di Hulu Sungai Mengungsi Setelah Banjir Bandang"
"""An invented headline of six words or more, as a labelled link line names one."""


@pytest.mark.parametrize(
    "line",
    [
        f"<p><strong>Te puede interesar:</strong> <a href='/2024/05/9/'>{LONG_TITLE}</a></p>",
        f"<p>Zobacz także: <a href='/2024/05/9/'>{LONG_TITLE}</a></p>",
        f"<div class='interlink'><span>Lees ook:</span> <a>{LONG_TITLE}</a></div>",
        f"<div><h4>Czytaj dalej</h4><a href='/2024/05/9/'>{LONG_TITLE}</a></div>",
    ],
    ids=["strong-label", "plain-label", "div-without-href", "heading-label"],
)
def test_a_label_over_one_linked_headline_leaves_the_body_in_any_language(line):
    result = blocks(with_box(line))
    assert result.paragraphs == STORY
    assert result.related_links == [LONG_TITLE]


@pytest.mark.parametrize(
    "line",
    [
        # a short linked name under a label is the story's (a product, a shop)
        "<p>Pictured: <a href='/plants/x'>Living Lace Parvati</a></p>",
        # a numbered step or a marked list item
        f"<p>Step 2: <a href='/2024/05/9/'>{LONG_TITLE}</a></p>",
        # a sentence leads into the link
        f"<p>Menurut laporan yang dirilis kemarin siang: <a href='/x'>{LONG_TITLE}</a></p>",
        # a link after the label is not the line's whole text
        f"<p>Sumber: <a href='/x'>{LONG_TITLE}</a>, diakses Senin.</p>",
        # a mail link
        f"<p>Kontak: <a href='mailto:a@b.id'>{LONG_TITLE}</a></p>",
    ],
    ids=["short-name", "numbered-step", "sentence-label", "more-text", "mailto"],
)
def test_labelled_lines_of_the_story_stay(line):
    result = blocks(with_box(line))
    assert result.related_links == []
    assert len(result.paragraphs) == len(STORY) + 1


def test_related_block_outside_the_content_is_not_reported():
    theme_block = f"<div class='related-posts'><h3>Berita Terkait</h3><ul>{LINKS}</ul></div>"
    result = blocks("<div class='entry-content'>" + STORY_HTML + "</div>" + theme_block)
    assert result.paragraphs == STORY
    assert result.related_links == []


def test_two_boxes_keep_document_order_without_duplicates():
    first = f"<div class='baca-juga'><p>Baca Juga</p><ul><li><a href='/a'>{TITLES[1]}</a></li></ul></div>"
    second = f"<div class='artikel-terkait'><p>Artikel Terkait</p><ul>{LINKS}</ul></div>"
    result = blocks(with_box(first + second))
    assert result.related_links == [TITLES[1], TITLES[0], TITLES[2]]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Baca Juga", True),
        ("BACA JUGA:", True),
        ("Baca juga :", True),
        ("Berita Terkait", True),
        ("Artikel Lainnya", True),
        ("Baca Juga Berita Lainnya", True),
        ("Simak juga", True),
        (f"Baca juga: {TITLES[0]}", False),  # a marker line with its title is not a box heading
        ("Data diolah dari:", False),
        ("", False),
        (None, False),
    ],
)
def test_related_heading(text, expected):
    assert is_related_heading(text) is expected


def test_take_related_boxes_survives_odd_input():
    fragment = parse_fragment("<div class='baca-juga'><ul><li><a>satu</a></li></ul></div>")
    assert take_related_boxes(fragment) == []  # one-word link texts are not headlines
    assert take_related_boxes(parse_fragment("<p>teks</p>")) == []


def test_extract_page_fills_related_links():
    box = f"<div class='baca-juga-box'><p>Baca Juga</p><ul>{LINKS}</ul></div>"
    html = page(f"<article><h1>Judul Berita</h1>{with_box(box)}</article>")
    raw = extract_page(html, "https://kabarsukamaju.co.id/2024/05/21/judul-berita/")
    assert raw.related_links == TITLES
    assert raw.paragraphs == STORY


def test_rest_api_post_fills_related_links():
    box = f"<div class='baca-juga-box'><p>Baca Juga</p><ul>{LINKS}</ul></div>"
    post = {
        "link": "https://kabarsukamaju.co.id/2024/05/21/judul-berita/",
        "title": {"rendered": "Judul Berita"},
        "content": {"rendered": with_box(box)[len("<div class='entry-content'>") : -len("</div>")]},
    }
    raw = raw_from_wp_post(post, site_url="https://kabarsukamaju.co.id/")
    assert raw.related_links == TITLES
    assert raw.paragraphs == STORY


EXCERPT = (
    "Ringkasan berita lain yang panjang sekali, ditulis sebagai cuplikan kartu di bawah cerita, "
    "menyebut warga, pejabat desa, dan angka anggaran yang tidak ada hubungannya dengan berita "
    "ini, lalu berlanjut dengan kalimat kedua yang juga cukup panjang untuk sebuah ringkasan."
)
"""An invented teaser excerpt, longer than a story paragraph."""


def test_teaser_cards_with_long_excerpts_under_a_related_heading_leave_the_story():
    cards = "".join(
        f"<div class='col'><div class='card'><a class='cat' href='/c'>Daerah</a>"
        f"<h4 class='title'><a href='/2024/05/{i}/'>{title}</a></h4>"
        f"<p class='excerpt'>{EXCERPT}</p></div></div>"
        for i, title in enumerate(TITLES * 2)
    )
    body = (
        f"<div class='post-wrap'><div class='entry'>{STORY_HTML}</div>"
        f"<div class='slider'><div class='sec-title'><h4>Related Post</h4></div>"
        f"<div class='row'>{cards}</div></div></div>"
    )
    raw = extract_page(page(body).encode(), "https://contoh.id/2024/05/21/jembatan/")
    assert raw.paragraphs == STORY
    assert raw.related_links == TITLES
    assert raw.container != "fallback:trafilatura"


def _grid(path: str) -> str:
    return "".join(
        f"<div class='col'><div class='card'><h3><a href='{path}{i}/'>{title}</a></h3>"
        f"<small>2 Des 2025</small><p>{EXCERPT}</p></div></div>"
        for i, title in enumerate(TITLES * 2)
    )


def test_cards_linking_into_the_story_itself_are_its_slides():
    grid = parse_fragment(f"<div class='row'>{_grid('/foto/20240521/')}</div>")
    assert len(teaser_card_lists(grid)) == 6
    assert teaser_card_lists(grid, "https://contoh.id/berita/20240521/jembatan") == []


def test_accordion_sections_and_whole_sections_are_no_teaser_cards():
    accordion = "".join(
        f"<div class='panel'><h4><a href='#faq{i}'>{title}</a></h4><p>{EXCERPT}</p></div>"
        for i, title in enumerate(TITLES)
    )
    assert teaser_card_lists(parse_fragment(f"<div>{accordion}</div>")) == []
    sections = "".join(
        f"<div class='section'><h2><a href='/2024/05/{i}/'>{title}</a></h2>"
        f"<p>{EXCERPT * 4}</p></div>"
        for i, title in enumerate(TITLES)
    )
    assert teaser_card_lists(parse_fragment(f"<div>{sections}</div>")) == []  # a year's review
