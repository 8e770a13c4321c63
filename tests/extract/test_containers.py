"""Content containers: theme rules, chrome removal, flattening, generic scoring, photo stories."""

import pytest

from crawler.extract.chrome import strip_page_chrome
from crawler.extract.containers import extract_blocks, flatten_blocks
from crawler.extract.dom import class_name_words, parse_fragment, parse_html
from tests.extract.pages import CHROME, COMMENTS, STORY, STORY_HTML, THEMES, page


def blocks_of(html: str, title: str | None = None):
    doc = parse_html(html)
    strip_page_chrome(doc)
    return extract_blocks(doc, title=title)


@pytest.mark.parametrize("rule", sorted(THEMES))
def test_theme_container_found_and_chrome_removed(rule):
    markup = THEMES[rule].format(story=STORY_HTML, chrome=CHROME)
    result = blocks_of(page("<h1>Judul</h1>" + markup + COMMENTS))
    assert result.container == rule
    assert result.paragraphs == STORY


def test_more_specific_theme_rule_wins_over_generic_entry_content():
    markup = (
        "<div class='entry-content'><div class='td-post-content'>" + STORY_HTML + "</div>"
        "<p>Teks di luar isi tema yang cukup panjang untuk dihitung sebagai paragraf.</p></div>"
    )
    assert blocks_of(page(markup)).container == "theme:tagdiv"


def test_rule_match_with_too_little_text_falls_through():
    markup = (
        "<div class='td-post-content'><p>Pendek.</p></div><article>" + STORY_HTML + "</article>"
    )
    result = blocks_of(page(markup))
    assert result.container == "generic"
    assert result.paragraphs == STORY


@pytest.mark.parametrize(
    ("fragment", "expected"),
    [
        pytest.param("<p>Satu</p><p>Dua</p>", ["Satu", "Dua"], id="paragraphs"),
        pytest.param("Satu<br><br>Dua", ["Satu", "Dua"], id="double-br"),
        pytest.param("Satu<br>Dua", ["Satu", "Dua"], id="single-br"),
        pytest.param(
            "<strong>JAKARTA</strong> - Teks <em>miring</em> dan <a href='#'>tautan</a>.",
            ["JAKARTA - Teks miring dan tautan."],
            id="inline-kept",
        ),
        pytest.param(
            "<p>  banyak \n\t spasi\u00a0di sini </p>", ["banyak spasi di sini"], id="fold"
        ),
        pytest.param("<ul><li>satu</li><li>dua</li></ul>", ["satu", "dua"], id="list-items"),
        pytest.param("<h2>Subjudul</h2><p>Isi</p>", ["Subjudul", "Isi"], id="heading"),
        pytest.param(
            "Teks langsung<div>blok</div>ekor", ["Teks langsung", "blok", "ekor"], id="tails"
        ),
        pytest.param("<p></p><p> </p>", [], id="empty"),
    ],
)
def test_flatten_blocks(fragment, expected):
    assert flatten_blocks(parse_fragment(fragment)) == expected


def test_br_separated_body_in_plain_div_found_by_generic_scoring():
    text = "<br><br>".join(STORY)
    markup = (
        "<div class='sidebar'><a href='/1'>Berita populer satu</a><a href='/2'>Dua</a></div>"
        f"<div class='kolom'><div class='isi-teks'>{text}</div></div>"
    )
    result = blocks_of(page(markup))
    assert result.container == "generic"
    assert result.paragraphs == STORY


def test_generic_ignores_long_reader_comments():
    long_comments = "".join(
        f"<div class='comment'><p>{'Komentar panjang, sangat panjang, ' * 12}</p></div>"
        for _ in range(6)
    )
    markup = f"<article><div class='konten'>{STORY_HTML}</div></article><div id='comments'>{long_comments}</div>"
    result = blocks_of(page(markup))
    assert result.paragraphs == STORY


def test_headline_and_date_stamp_dropped_from_generic_container():
    markup = (
        "<div class='main'><h1>Jembatan Baru Diresmikan</h1><div>Selasa, 21/05/2024 10:08 WIB</div>"
        + STORY_HTML
        + "</div>"
    )
    result = blocks_of(page(markup), title="Jembatan Baru Diresmikan")
    assert result.paragraphs == STORY


def test_byline_inside_container_moves_to_byline_texts():
    markup = (
        "<div class='entry-content'><div class='author-box'>Penulis: Joni Karbot</div>"
        + STORY_HTML
        + "</div>"
    )
    result = blocks_of(page(markup))
    assert result.byline_texts == ["Penulis: Joni Karbot"]
    assert result.paragraphs == STORY


def test_camel_case_class_names_are_read_as_words():
    # CSS modules and component libraries glue the words (`storyRelatedBox`, `postAuthorBox`)
    box = "<div class='storyRelatedBox'><p>Kabar lain dari Garut pekan ini ada di halaman kami.</p></div>"
    result = blocks_of(page(f"<div class='entry-content'>{STORY_HTML}{box}</div>"))
    assert result.paragraphs == STORY
    assert class_name_words("postAuthorBox_name__X1y2") == ("post", "author", "box", "name", "x1y2")


@pytest.mark.parametrize("name", ["tooltip", "popover-content", "hovercard", "rollover-block"])
def test_a_hidden_tooltip_block_in_the_story_leaves_it(name):
    # the definition a tooltip shows on hover is no paragraph of the story
    tip = (
        f"<div class='{name}'><p>Dokumen yang memuat keterangan dasar sebuah badan usaha.</p></div>"
    )
    result = blocks_of(page(f"<div class='entry-content'>{tip}{STORY_HTML}</div>"))
    assert result.paragraphs == STORY


def test_a_comment_form_inside_the_container_names_no_byline():
    form = (
        "<form id='commentform'><p class='comment-form-author'><label>Nama *</label>"
        "<input name='author'></p></form>"
    )
    result = blocks_of(page(f"<div class='entry-content'>{STORY_HTML}{form}</div>"))
    assert result.byline_texts == []
    assert result.paragraphs == STORY


def test_inline_baca_juga_box_removed_but_marker_lines_kept_for_cleaning():
    box = (
        "<div class='baca-juga'><ul><li><a href='/a'>Judul berita lain</a></li></ul></div>"
        "<p>Baca juga: <a href='/b'>Judul lain lagi di tengah cerita</a></p>"
    )
    markup = f"<div class='entry-content'>{STORY_HTML[:-4]}{box}<p>{STORY[-1]}</p></div>"
    result = blocks_of(page(markup))
    assert "Judul berita lain" not in " ".join(result.paragraphs)
    assert "Baca juga: Judul lain lagi di tengah cerita" in result.paragraphs


def test_trailing_related_link_list_with_heading_removed():
    trailing = (
        "<h3>Artikel lainnya:</h3><ul><li><a href='/1'>Banjir melanda desa tetangga</a></li>"
        "<li><a href='/2'>Harga cabai naik menjelang lebaran</a></li></ul>"
    )
    markup = f"<div class='entry-content'>{STORY_HTML}{trailing}</div>"
    assert blocks_of(page(markup)).paragraphs == STORY


def test_link_list_inside_the_story_is_kept():
    sources = "<ul><li><a href='/1'>Sumber data pertama</a></li><li><a href='/2'>Dua</a></li></ul>"
    markup = f"<div class='entry-content'>{STORY_HTML}{sources}<p>{STORY[0]}</p></div>"
    assert "Sumber data pertama" in blocks_of(page(markup)).paragraphs


def test_photo_story_keeps_its_captions():
    figures = "".join(
        f"<figure class='galeri-item'><img src='{i}.jpg'><figcaption>Foto ke-{i}: warga "
        f"menyeberangi jembatan gantung baru di Desa Sukamaju pada pagi hari.</figcaption></figure>"
        for i in range(1, 5)
    )
    markup = (
        f"<article class='main'><div class='galeri'>{figures}</div></article>"
        "<div class='terpopuler'><div class='ringkas'>Ringkasan berita lain yang pendek saja.</div></div>"
    )
    result = blocks_of(page(markup))
    assert result.container.endswith("+captions")
    assert len(result.paragraphs) == 4
    assert result.paragraphs[0].startswith("Foto ke-1")


def test_captions_of_an_ordinary_story_are_dropped():
    markup = (
        "<div class='entry-content'><figure><img src='a.jpg'><figcaption>Keterangan foto satu "
        "yang cukup panjang juga.</figcaption></figure>" + STORY_HTML + "</div>"
    )
    result = blocks_of(page(markup))
    assert result.paragraphs == STORY


def test_hidden_elements_dropped():
    markup = (
        "<div class='entry-content'><p style='display: none'>Teks tersembunyi</p>"
        + STORY_HTML
        + "<div hidden>juga tersembunyi</div></div>"
    )
    assert blocks_of(page(markup)).paragraphs == STORY


def test_template_script_body_is_read():
    markup = (
        "<div class='post-body'><script type='text/template'>"
        + STORY_HTML
        + "</script><noscript>cadangan</noscript></div>"
    )
    assert blocks_of(page(markup)).paragraphs == STORY


def test_page_without_text_gives_empty_result():
    result = blocks_of(page("<div><img src='a.jpg'></div>"))
    assert result.paragraphs == []


def test_affiliate_disclaimer_paragraph_removed():
    markup = (
        "<div class='entry-content'>" + STORY_HTML + "<p class='aawp-disclaimer'>Tautan di atas "
        "adalah tautan afiliasi, kami menerima komisi dari setiap pembelian.</p></div>"
    )
    assert blocks_of(page(markup)).paragraphs == STORY


def test_dangling_lead_in_after_removed_embed_is_dropped():
    markup = (
        "<div class='inner-post-entry'>" + STORY_HTML + "<p>Topik ini mungkin menarik juga:</p>"
        "<blockquote class='wp-embedded-content'><a href='/x'>Artikel lain</a></blockquote></div>"
    )
    assert blocks_of(page(markup)).paragraphs == STORY


def story_with(inserted: str, story: list[str] = STORY, at: int = 2) -> str:
    """An entry-content container of the story's paragraphs with `inserted` markup after the
    first `at` of them."""
    paragraphs = "".join(f"<p>{p}</p>" for p in story[:at])
    rest = "".join(f"<p>{p}</p>" for p in story[at:])
    return f"<div class='entry-content'>{paragraphs}{inserted}{rest}</div>"


@pytest.mark.parametrize("embed", ["instagram-media", "tiktok-embed"])
def test_a_social_embed_whose_script_did_not_run_leaves_the_story(embed):
    # the embed's blockquote prints the post's caption and `A post shared by` in the page's language
    markup = story_with(
        f"<blockquote class='{embed}' data-instgrm-permalink='https://www.instagram.com/p/x/'>"
        "<p>Hari pertama di lokasi pengungsian, terima kasih para relawan! #banjir</p>"
        "<p>Kiriman dibagikan oleh Relawan Sukamaju (@relawansukamaju)</p></blockquote>"
    )
    assert blocks_of(page(markup)).paragraphs == STORY


@pytest.mark.parametrize(
    "promo",
    [
        "<div class='whatsapp-cta'><a href='#'>Gabung saluran WhatsApp kami untuk kabar terbaru</a></div>",
        "<div class='follow-fb'><p>Sukai halaman kami di Facebook agar tak ketinggalan kabar!</p></div>",
        "<div class='google-news'>Ikuti Kabar Sukamaju di Google News</div>",
        "<div class='telegram-channel'>Bergabunglah dengan kanal Telegram kami</div>",
        "<div class='poll-box'><strong>Hasil Polling: Isu apa yang paling penting?</strong>"
        "<ul><li>Lapangan kerja – 41%</li><li>Jalan dan jembatan – 33%</li></ul></div>",
    ],
    ids=["whatsapp-cta", "follow", "google-news", "telegram", "poll"],
)
def test_a_follow_or_channel_call_in_the_story_leaves_it(promo):
    assert blocks_of(page(story_with(promo))).paragraphs == STORY


LONGER_STORY = [*STORY, "Bantuan logistik dijadwalkan tiba di posko pengungsian pada Selasa pagi."]
"""The story and one more paragraph: a caption's class must be one no other paragraph has."""


@pytest.mark.parametrize(
    "picture",
    [
        "<div class='slide'><img src='/a.jpg'><p class='didascalia'>{}</p></div>",
        "<p align='center'><img src='/a.jpg'></p><p class='pic-note'>{}</p>",
        "<div class='pull-left'><img src='/a.jpg'><p class='img_caption'>{}</p></div>",
    ],
    ids=["italian-class", "image-paragraph-then-note", "caption-class"],
)
def test_a_caption_paragraph_under_a_picture_leaves_the_story(picture):
    caption = "Warga membersihkan lumpur di depan rumahnya, Senin pagi (foto: Joni Karbot)"
    markup = story_with(picture.format(caption), LONGER_STORY)
    assert blocks_of(page(markup)).paragraphs == LONGER_STORY


def test_a_story_paragraph_of_its_own_class_under_a_picture_stays():
    picture = f"<p><img src='/a.jpg'></p><p class='col-12 mt-4'>{LONGER_STORY[2]}</p>"
    markup = story_with(picture, [*LONGER_STORY[:2], *LONGER_STORY[3:]])
    assert blocks_of(page(markup)).paragraphs == LONGER_STORY


def test_a_caption_under_the_pictures_own_line_break_leaves_the_story():
    caption = "Ketua pengadilan membuka sosialisasi layanan daring di ruang sidang utama"
    picture = (
        "<p style='text-align: center;'><img src='/a.jpg' width='600'><br>"
        f"<span style='font-size: 8pt;'><em>{caption}</em></span></p>"
    )
    floated = f"<p><img src='/b.jpg' align='left'>{STORY[2]}</p>"  # a picture beside the text
    markup = (
        "<div class='entry-content'>"
        + "".join(f"<p>{p}</p>" for p in STORY[:2])
        + picture
        + floated
        + "</div>"
    )
    assert blocks_of(page(markup)).paragraphs == STORY
