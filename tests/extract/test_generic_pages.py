"""Generic pages: page-builder wrappers, tags the parser leaves open, comment state classes, prose
figures, and the trafilatura fallback when the rules hold only part of a page's prose."""

import pytest

from crawler.extract import extract_page
from crawler.extract.chrome import strip_page_chrome
from crawler.extract.containers import extract_blocks
from crawler.extract.dom import parse_html
from crawler.extract.fallback import (
    FALLBACK_CONTAINER,
    PageProse,
    fallback_paragraphs,
    needs_fallback,
    page_prose,
    sentence_chars,
)
from tests.extract.pages import STORY, STORY_HTML, page

MORE = [
    "Kepala desa berjanji memasang lampu jalan di kedua ujung jembatan sebelum musim hujan tiba, "
    "agar warga tetap aman menyeberang pada malam hari.",
    "Dinas pekerjaan umum akan memeriksa kekuatan tali baja setiap enam bulan, dan hasilnya "
    "diumumkan di balai desa supaya warga ikut mengawasi.",
    "Para pedagang sayur mengaku kini bisa membawa dagangan lebih banyak karena tidak lagi harus "
    "memutar lewat jalan kabupaten yang rusak.",
]
"""Three more invented story paragraphs."""
URL = "https://portal.test/2024/05/21/jembatan-baru/"


def blocks_of(html: str):
    doc = parse_html(html)
    strip_page_chrome(doc)
    return extract_blocks(doc)


def test_page_builder_widget_wrappers_keep_the_story():
    widgets = "".join(
        "<div class='elementor-element elementor-widget elementor-widget-text-editor'>"
        f"<div class='elementor-widget-container'><p>{text}</p></div></div>"
        for text in STORY
    )
    markup = f"<div class='entry-content'><div class='elementor-widget-wrap'>{widgets}</div></div>"
    result = blocks_of(page(markup))
    assert result.container == "wp:entry-content"
    assert result.paragraphs == STORY


def test_content_swallowed_by_an_unclosed_button_is_unwrapped():
    markup = (
        f"<header><button class='menu-button'><span>Menu</span><div class='isi'>{STORY_HTML}</div>"
    )
    result = blocks_of(page(markup))
    assert result.paragraphs[-3:] == STORY


def test_a_noscript_copy_of_the_story_is_read_once():
    copy = f"<noscript><div class='isi'>{STORY_HTML}</div></noscript>"
    result = blocks_of(page(f"<main><div class='isi'>{STORY_HTML}</div>{copy}</main>"))
    assert result.paragraphs == STORY


def test_content_swallowed_by_an_unclosed_noscript_is_unwrapped():
    markup = f"<noscript><img src='piksel.gif'><div class='isi'>{STORY_HTML}</div>"
    result = blocks_of(page(markup))
    assert result.paragraphs == STORY


def test_syntax_highlighted_code_keeps_its_comments():
    code = (
        "<pre><code class='hljs bash'><span class='hljs-comment'># unduh arsip portal</span>\n"
        "<span class='hljs-built_in'>warta</span> crawl</code></pre>"
    )
    result = blocks_of(page(f"<div class='entry-content'>{STORY_HTML}{code}</div>"))
    assert any("# unduh arsip portal" in p and "warta crawl" in p for p in result.paragraphs)


INTRO = (
    "Setelah tiga tahun menunggu, warga Desa Sukamaju akhirnya punya jembatan sendiri untuk "
    "menyeberangi sungai yang setiap musim hujan memutus jalan mereka ke pasar."
)
"""An invented opening paragraph that a page keeps apart from the rest of the story."""


def generic_story(opening: str) -> str:
    """A page the theme rules do not know: `opening` before the story's own block."""
    body = "".join(f"<p>{text}</p>" for text in [*STORY, *MORE])
    return page(f"<div class='susunan'>{opening}<div class='bagian-utama'>{body}</div></div>")


def test_an_opening_kept_beside_the_story_is_read_first():
    result = blocks_of(generic_story(f"<div class='pembuka'><p>{INTRO}</p></div>"))
    assert result.container == "generic"
    assert result.paragraphs == [INTRO, *STORY, *MORE]
    assert result.opening == 1  # the fallback is weighed on the container's own text


def test_a_standfirst_caption_byline_or_summary_before_the_story_is_not_its_opening():
    summary = f"<div class='poin'><ul><li>{STORY[1]}</li></ul></div>"
    for opening in (
        f"<h2 class='subjudul'>{INTRO}</h2>",
        f"<div class='foto'><img src='a.jpg'><div class='caption-teks'>{INTRO}</div></div>",
        f"<div class='penulis'><p>{INTRO}</p></div>",
        summary,
    ):
        result = blocks_of(generic_story(opening))
        assert result.paragraphs == [*STORY, *MORE], opening
        assert result.opening == 0


def test_short_blocks_of_a_builder_named_editor_are_story_not_bylines():
    # the builder names every block `editor-blok`: a heading block is as much story as the prose
    heading = "<section class='editor-blok editor-judul'><h2>Kata warga</h2></section>"
    prose = "".join(f"<p>{p}</p>" for p in MORE)
    prose = f"<section class='editor-blok editor-teks'>{prose}</section>"
    result = blocks_of(page(f"<div class='entry-content'>{STORY_HTML}{heading}{prose}</div>"))
    assert result.paragraphs == [*STORY, "Kata warga", *MORE]
    assert result.byline_texts == []


def test_an_editor_box_is_still_a_byline():
    box = "<div class='editor-box'>Editor: Rina Kartika</div>"
    result = blocks_of(page(f"<div class='entry-content'>{STORY_HTML}{box}</div>"))
    assert result.paragraphs == STORY
    assert result.byline_texts == ["Editor: Rina Kartika"]


def test_a_name_run_together_with_its_date_or_its_bio_is_read_alone():
    # the name's own span stays beside the box's text that goes on from it
    for after in ("<span class='date'>May 21, 2024</span>", "<p>Rina Wati is a reporter.</p>"):
        box = f"<div class='author-info'><span class='author-name'>Rina Wati</span> {after}</div>"
        raw = extract_page(page(f"{box}<div class='entry-content'>{STORY_HTML}</div>"), URL)
        assert "Rina Wati" in raw.byline_texts, after


def test_main_content_left_inside_an_unclosed_menu_is_read():
    # The menu's last <li> is never closed: the parser puts <main> and the story inside the <nav>.
    for story in (f"<div class='entry-content'>{STORY_HTML}</div>", f"<div>{STORY_HTML}</div>"):
        markup = (
            "<nav class='site-nav'><ul><li><a href='/'>Beranda</a></li><li><a href='/d'>Daerah</a>"
            f"<div class='dropdown'><main><article>{story}</article></main>"
        )
        result = blocks_of(page(markup))
        assert result.paragraphs[-3:] == STORY


def test_table_of_contents_of_in_page_links_is_dropped():
    toc = (
        "<ul class='daftar'><li><a href='#awal'>Awal pembangunan</a></li>"
        "<li><a href='#biaya'>Biaya dari desa</a></li><li><a href='#warga'>Kata warga</a></li></ul>"
    )
    links = (
        "<ul><li><a href='/a'>Pasar desa dibuka lagi</a></li><li><a href='/b'>Jalan baru</a></li>"
        "<li><a href='/c'>Panen raya</a></li></ul>"
    )
    result = blocks_of(page(f"<div class='isi'>{toc}{STORY_HTML}{links}</div>"))
    assert "Awal pembangunan" not in result.paragraphs
    assert result.paragraphs[:3] == STORY


def test_comment_state_class_does_not_exclude_the_article():
    markup = f"<article class='post has-comments comments-open'><div>{STORY_HTML}</div></article>"
    result = blocks_of(page(markup))
    assert result.container == "generic"
    assert result.paragraphs == STORY


def test_quote_figure_kept_photo_figure_dropped():
    quote = (
        "Kami sudah menunggu jembatan ini sejak anak sulung saya masih duduk di bangku sekolah "
        "dasar, dan kini cucu saya bisa menyeberang sendiri ke sekolah setiap pagi tanpa takut "
        "terseret arus sungai yang deras."
    )
    markup = (
        f"<article>{STORY_HTML}<figure class='pull-quote'><blockquote>{quote}</blockquote>"
        "<figcaption>Warga Desa Sukamaju</figcaption></figure>"
        "<figure><img src='a.jpg'><figcaption>Jembatan baru (Foto: Dok)</figcaption></figure>"
        "</article>"
    )
    result = blocks_of(page(markup))
    assert quote in result.paragraphs
    assert not any("Foto" in block or "Warga Desa" in block for block in result.paragraphs)


def test_prose_counts_unlinked_blocks_outside_navigation():
    markup = (
        f"<div>{STORY_HTML}</div><ul><li><a href='/a'>{STORY[0]}</a></li></ul>"
        f"<aside><p>{MORE[0]}</p></aside>"
    )
    doc = parse_html(page(markup))
    strip_page_chrome(doc)
    assert page_prose(doc).prose_chars > sum(
        len(p) for p in STORY
    )  # the aside counts without exclusions
    from crawler.extract.scorer import excluded_regions

    without_aside = page_prose(doc, excluded_regions(doc)).prose_chars
    assert without_aside < page_prose(doc).prose_chars
    assert without_aside >= sum(len(p) for p in STORY)


def test_needs_fallback_when_the_body_holds_too_little_of_the_page():
    assert needs_fallback([], PageProse())
    assert needs_fallback(STORY[:1], PageProse(10 * len(STORY[0]), 10 * len(STORY[0])))
    assert not needs_fallback(STORY, PageProse(sum(len(p) for p in STORY), 10**6))
    # too little of the page, but the page holds no more sentences: trafilatura is not run
    assert not needs_fallback(STORY[:1], PageProse(10 * len(STORY[0]), len(STORY[0])))


def test_sentence_chars_skip_labels_and_list_lines():
    assert sentence_chars(["Baca juga", "Selasa, 21 Mei 2024 14:30 WIB", STORY[0]]) == len(STORY[0])


SPLIT_STORY = "<h1>Jembatan Gantung Diresmikan</h1>" + "".join(
    f"<div class='blok-{n}'><div class='isi-blok'><p>{text}</p></div></div>"
    for n, text in enumerate(STORY + MORE)
)


def test_story_split_over_blocks_is_read_whole():
    raw = extract_page(page(f"<main class='halaman'>{SPLIT_STORY}</main>"), "https://contoh.id/a")
    assert raw.container == "generic"
    assert raw.paragraphs == STORY + MORE


TEASER_CARDS = "".join(
    f"<a href='/berita/{n}'><div class='kartu'><p>{text}</p></div></a>"
    for n, text in enumerate(
        [
            "Harga cabai merah di pasar induk turun tajam setelah panen raya di tiga kecamatan, "
            "pedagang mengaku lega.",
            "Ratusan pelajar mengikuti lomba baca puisi di gedung kesenian, panitia menyiapkan "
            "hadiah beasiswa bagi juaranya.",
            "Jalan desa yang rusak sejak awal tahun akhirnya diperbaiki, warga bergotong royong "
            "mengangkut batu dan pasir.",
            "Petugas pemadam kebakaran memadamkan api di gudang kayu dekat pelabuhan, tidak ada "
            "korban jiwa dalam peristiwa itu.",
        ]
    )
)
"""A sidebar of teaser cards whose links wrap whole blocks (HTML5 allows `<a><div><p>`)."""


def test_teaser_cards_wrapped_in_links_are_not_grown_into():
    # The story column's sibling holds sentences, but all of them are link text: the scorer's
    # choice must not grow over it, though no `<a>` sits inside the teasers' own blocks.
    markup = (
        f"<div class='baris'><div class='kolom-utama'>{SPLIT_STORY}</div>"
        f"<div class='kolom-samping'><p>Terpopuler</p>{TEASER_CARDS}</div></div>"
    )
    raw = extract_page(page(markup), "https://contoh.id/a")
    assert raw.paragraphs == STORY + MORE


MENU = (
    "<nav class='menu'><ul>"
    + "".join(
        f"<li><a href='/kanal/{name.lower()}'>{name}</a></li>"
        for name in ("Beranda", "Daerah", "Politik", "Olahraga")
    )
    + "</ul></nav>"
)


def test_menus_inside_a_grown_container_are_left_out():
    # The story's two halves sit in sibling columns, so the scorer's choice grows to the wrapper
    # that also holds the site's menu: the menu the scorer did not count is not story either.
    columns = (
        f"<div class='kolom'>{STORY_HTML}</div>"
        f"<div class='kolom'>{''.join(f'<p>{text}</p>' for text in MORE)}</div>"
    )
    raw = extract_page(
        page(f"<div class='pembungkus'>{MENU}{columns}</div>"), "https://contoh.id/a"
    )
    assert raw.container == "generic"
    assert raw.paragraphs == STORY + MORE


def test_a_story_an_unclosed_nav_wrapped_is_kept():
    # The page opens a `<nav>` it never closes before the story: the region holds most of the
    # container's text, so it is the story, not a menu.
    markup = f"<article><p>{STORY[0]}</p><nav class='menu'>{SPLIT_STORY}</article>"
    raw = extract_page(page(markup), "https://contoh.id/a")
    assert raw.paragraphs[-len(MORE) :] == MORE


def test_a_signup_form_in_the_story_is_left_out():
    signup = (
        "<form action='/langganan'><p>Dapatkan kabar terbaru dari desa Anda setiap pagi langsung "
        "ke kotak surat.</p><label>Alamat email</label><input type='email'>"
        "<button>Daftar</button></form>"
    )
    markup = f"<div class='entry-content'><p>{STORY[0]}</p>{signup}<p>{STORY[1]}</p></div>"
    assert blocks_of(page(markup)).paragraphs == STORY[:2]


def test_a_page_wrapped_in_one_form_keeps_its_story():
    # ASP.NET WebForms wraps the whole page in `<form id="aspnetForm">`, the story too.
    markup = f"<div class='entry-content'><form id='aspnetForm'>{STORY_HTML}</form></div>"
    assert blocks_of(page(markup)).paragraphs == STORY


def test_story_between_link_rows_falls_back_to_trafilatura():
    # Each paragraph deep in its own row beside a row of share links: the scorer's choice is one
    # paragraph, and the links keep it from growing; trafilatura reads the whole story.
    share = "".join(
        f"<a href='/bagikan/{n}'>Bagikan berita ini ke jejaring sosial nomor {n}</a>"
        for n in range(4)
    )
    rows = "".join(
        "<section class='baris'><div class='kolom'><div class='blok'><div class='isi'>"
        f"<p>{text}</p></div></div></div><div class='tombol'>{share}</div></section>"
        for text in STORY + MORE
    )
    markup = f"<main><h1>Jembatan Gantung Diresmikan</h1>{rows}</main>"
    raw = extract_page(page(markup), "https://contoh.id/a")
    assert raw.container == FALLBACK_CONTAINER
    assert raw.paragraphs == STORY + MORE  # the headline is left out, like a container's


def test_the_fallback_reads_a_table_layout_as_cells_not_pipe_rows():
    rows = "".join(f"<tr><td>{a}</td><td>{b}</td></tr>" for a, b in zip(STORY, MORE, strict=True))
    story = fallback_paragraphs(
        page(f"<main><table>{rows}</table></main>"), "https://contoh.id/a", []
    )
    assert story == [text for pair in zip(STORY, MORE, strict=True) for text in pair]


def test_theme_container_is_never_second_guessed():
    markup = f"<div class='td-post-content'>{STORY_HTML}</div>" + "".join(
        f"<div class='kolom'><p>{text}</p></div>" for text in MORE * 3
    )
    raw = extract_page(page(markup), "https://contoh.id/a")
    assert raw.container == "theme:tagdiv"
    assert raw.paragraphs == STORY


def test_fallback_refused_when_it_adds_no_sentences():
    teasers = "".join(
        f"<li><a href='/b{n}'>Judul berita lain nomor {n}</a> <span>21 Mei 2024</span></li>"
        for n in range(30)
    )
    html = page(f"<article>{STORY_HTML}</article><ul>{teasers}</ul>")
    assert fallback_paragraphs(html, "https://contoh.id/a", STORY) is None


LEARNED_PAGE = (
    "<div class='post-content'><p>Pengumuman singkat dari redaksi tentang jadwal siaran radio "
    "desa pekan depan yang berubah karena perbaikan menara pemancar di bukit.</p>"
    "<p>Terima kasih atas pengertian para pendengar setia di seluruh penjuru kecamatan.</p></div>"
    f"<article class='berita'>{STORY_HTML}<p>{MORE[0]}</p></article>"
)


def test_learned_container_rule_is_tried_first_and_trusted():
    # Unhinted, the generic rule holds too little of the page's prose and the fallback reads on.
    assert extract_page(page(LEARNED_PAGE), "https://contoh.id/a").container == FALLBACK_CONTAINER
    raw = extract_page(page(LEARNED_PAGE), "https://contoh.id/a", container_rule="wp:post-content")
    assert raw.container == "wp:post-content"
    assert raw.paragraphs[0].startswith("Pengumuman singkat")  # no fallback second-guesses it


def test_unknown_learned_rule_is_ignored():
    plain = extract_page(page(LEARNED_PAGE), "https://contoh.id/a")
    hinted = extract_page(page(LEARNED_PAGE), "https://contoh.id/a", container_rule="tidak:ada")
    assert (hinted.container, hinted.paragraphs) == (plain.container, plain.paragraphs)


def test_short_text_stops_at_its_limit():
    from crawler.extract.dom import short_text

    doc = parse_html(
        page(f"<div class='isi'><span class='tgl'> 21  Mei 2024 </span>{STORY_HTML}</div>")
    )
    span = doc.find(".//span")
    assert short_text(span, 120) == "21 Mei 2024"
    assert short_text(doc.find(".//div[@class='isi']"), 120) is None  # the whole story
    assert short_text(span, 5) is None


@pytest.mark.parametrize(
    ("markup", "byline"),
    [
        # HTML's rel=author link in a date row the story container holds (a blog's postarea)
        (
            "<div class='postarea'><h1>Judul</h1><p class='post-date'>Posted on <a href='/x/'>May"
            " 21, 2024</a> Posted by <a href='/author/rw/' rel='author'>Rina Wati</a> <a"
            f" href='#comments'>12 Comments</a></p>{STORY_HTML}</div>",
            "Rina Wati",
        ),
        # a screen reader's hidden label is no part of the byline
        (
            "<span class='byline'><span class='screen-reader-text'>Post author</span>By <a"
            f" href='/author/rw/'>Rina Wati</a></span><div class='entry-content'>{STORY_HTML}</div>",
            "By Rina Wati",
        ),
        # Elementor wraps the story's own post-info row in `elementor-widget` blocks too
        (
            "<div class='elementor-widget elementor-widget-post-info'><div"
            " class='elementor-widget-container'><ul><li itemprop='author'><span"
            " class='elementor-post-info__item--type-author'>Posted by Rina Wati</span></li></ul>"
            f"</div></div><div class='entry-content'>{STORY_HTML}</div>",
            "Posted by Rina Wati",
        ),
    ],
    ids=["author-link-in-meta-row", "screen-reader-label", "elementor-post-info"],
)
def test_bylines_of_blog_themes_and_page_builders(markup, byline):
    assert byline in extract_page(page(markup), URL).byline_texts


def test_a_name_inside_a_photo_credit_row_is_no_byline():
    credits = (
        "<ul class='bylines'><li class='byline'><span class='byline__role'>Tekst:</span> <a"
        " class='byline__name' href='/a/rw'>Rina Wati</a></li><li class='byline'><span"
        " class='byline__role'>Foto:</span> <a class='byline__name' href='/a/ds'>Dedi"
        " Supriadi</a></li></ul>"
    )
    raw = extract_page(page(f"{credits}<div class='entry-content'>{STORY_HTML}</div>"), URL)
    assert not any("Dedi Supriadi" in text and "Foto" not in text for text in raw.byline_texts)
    assert any("Rina Wati" in text for text in raw.byline_texts)
