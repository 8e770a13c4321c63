"""extract_page end to end on synthetic pages: fields, signals, traps, and hostile input."""

import json
from datetime import datetime

import pytest

from crawler.clean import clean_article
from crawler.extract import extract_page
from crawler.extract.dates import WIB
from crawler.items import RawArticle
from tests.extract.pages import CHROME, STORY, STORY_HTML, THEMES, page

URL = "https://www.kabarsukamaju.co.id/2024/05/21/jembatan-gantung-diresmikan/"
FETCHED = datetime(2024, 5, 22, 8, 0, tzinfo=WIB)


def wordpress_page() -> str:
    head = (
        "<title>Jembatan Gantung Diresmikan - Kabar Sukamaju</title>"
        "<meta property='og:type' content='article'>"
        "<meta property='og:site_name' content='Kabar Sukamaju'>"
        "<meta property='article:published_time' content='2024-05-21T09:15:00+07:00'>"
        "<script type='application/ld+json'>"
        + json.dumps(
            {
                "@context": "https://schema.org",
                "@graph": [
                    {
                        "@type": "NewsArticle",
                        "headline": "Jembatan Gantung Diresmikan",
                        "datePublished": "2024-05-21T09:15:00+07:00",
                        "dateModified": "2024-05-21T11:00:00+07:00",
                        "author": {"@type": "Person", "name": "admin"},
                    }
                ],
            }
        )
        + "</script>"
    )
    body = (
        "<article class='post'><h1 class='entry-title'>Jembatan Gantung Diresmikan</h1>"
        "<div class='entry-meta'><span class='posted-on'>21 Mei 2024</span> "
        "<span class='byline'>Penulis: Joni Karbot</span></div>"
        + THEMES["theme:tagdiv"].format(story=STORY_HTML, chrome=CHROME)
        + "</article><div class='widget related'><span class='author'>Orang Lain</span></div>"
    )
    return page(body, head=head, body_class="post-template-default single single-post")


def test_wordpress_page_fields():
    raw = extract_page(wordpress_page().encode("utf-8"), URL, fetched_at=FETCHED)
    assert raw.title == "Jembatan Gantung Diresmikan"
    assert raw.paragraphs == STORY
    assert raw.container == "theme:tagdiv"
    assert raw.published_at == "2024-05-21T09:15:00+07:00"
    assert raw.published_at_source == "jsonld"
    assert raw.modified_at == "2024-05-21T11:00:00+07:00"
    assert raw.meta_authors == ["admin"]
    assert raw.byline_texts == ["Penulis: Joni Karbot"]  # not the related widget's author
    assert raw.site_name == "Kabar Sukamaju"
    assert raw.html_lang == "id"
    assert set(raw.article_signals) >= {"jsonld:NewsArticle", "og:article", "wp:single", "url:date"}


def test_national_portal_shape_with_false_z_and_printed_wib():
    head = (
        "<meta name='pubdate' content='2024-05-21 T10:08:58Z' itemprop='datePublished'>"
        "<meta content='2024-05-21 T10:00:26Z' itemprop='dateCreated'>"
    )
    body = (
        "<div class='jdl'><h1>Galaksi Ponsel Diuji</h1><div class='date'>Selasa, 21/05/2024 10:08 WIB"
        "</div></div><div class='text_detail'><strong>Jakarta</strong> - "
        + "<br><br>".join(STORY)
        + "<br><br>(abc/def)</div>"
    )
    raw = extract_page(page(body, head=head), "https://inet.contoh.com/read/2024/05/21/100026/1/x")
    assert raw.published_at == "2024-05-21T10:08:58+07:00"
    assert raw.published_at_source == "meta"
    assert raw.paragraphs[0].startswith("Jakarta - Pemerintah")
    assert raw.paragraphs[-1] == "(abc/def)"


def test_page_with_only_printed_date():
    body = (
        "<div class='header'>Rabu, 22 Mei 2024</div><h1>Jembatan Gantung Diresmikan</h1>"
        "<div class='msmall grey'>Selasa, 21 Mei 2024 | 14:38 WIB</div>"
        f"<div class='isi'>{STORY_HTML}</div>"
        "<ul class='terkait'><li>Senin, 20 Mei 2024 | 08:00 WIB</li></ul>"
    )
    raw = extract_page(page(body), "https://contoh.id/berita/jembatan", fetched_at=FETCHED)
    assert raw.published_at == "2024-05-21T14:38:00+07:00"
    assert raw.published_at_source == "text"


def test_the_date_row_inside_the_container_wins_over_the_sidebar():
    """A custom portal whose story wrapper holds the headline and its byline and date row:
    reading the text takes that row apart, yet its date is the publication date, not the
    popular-posts widget's (nor the header's `today`)."""
    paragraphs = "<br><br>".join(
        f"Paragraf ke-{n} berita tentang perbaikan jembatan gantung di desa yang rusak diterjang"
        " banjir bandang, ditulis cukup panjang agar terbaca sebagai isi berita."
        for n in range(1, 6)
    )
    body = (
        "<div class='topbar'><span class='tanggal-hari-ini'>Jumat, 24 Mei 2024</span></div>"
        "<div class='col-lg-8'><div class='berita'><h1>Jembatan Gantung Diperbaiki Warga</h1>"
        "<div class='tanggal-penulis'><span class='penulis'>Penulis: <a href='/p/joni'>Joni "
        "Karbot</a></span><br><span class='tanggal'>Senin, 20 Mei 2024 | 10:12 WIB</span><br>"
        "<span class='updated-date'>Diperbarui: Selasa, 21 Mei 2024 | 08:30 WIB</span></div>"
        f"<div class='isi-berita'>{paragraphs}</div></div></div>"
        "<div class='col-lg-4'><div class='widget populer'><h3>Terpopuler</h3><ol><li>"
        "<a href='/a'>Harga cabai naik lagi di pasar kecamatan</a>"
        "<div class='small'>Rabu, 22 Mei 2024 | 11:55 WIB</div></li></ol></div></div>"
    )
    raw = extract_page(page(body), "https://contoh.id/berita/jembatan", fetched_at=FETCHED)
    assert raw.published_at == "2024-05-20T10:12:00+07:00"
    # the row's `<br>` lines are read apart: the name does not run on into the date
    assert "Penulis: Joni Karbot" in raw.byline_texts
    assert not any("Karbot" in text and "2024" in text for text in raw.byline_texts)


@pytest.mark.parametrize(
    "row",
    [
        "<div class='meta'><span>Penulis: <a href='/p/joni'>Joni Karbot</a></span></div>",
        "<div class='read-meta'>Oleh: <a href='/p/joni'>Joni Karbot</a> &ndash; Senin, 20 Mei"
        " 2024 10:12 WIB</div>",
    ],
)
def test_a_row_of_no_byline_class_opening_with_a_byline_label_is_a_byline(row):
    body = (
        f"<article><h1>Jembatan Gantung Diperbaiki Warga</h1>{row}"
        f"<div class='isi'>{STORY_HTML}</div></article>"
    )
    raw = extract_page(page(body), "https://contoh.id/berita/jembatan", fetched_at=FETCHED)
    assert {"Penulis: Joni Karbot", "Oleh: Joni Karbot"} & set(raw.byline_texts)


def test_a_meta_row_of_date_credit_and_counter_inside_the_story():
    row = "Senin, 20/05/2024 - 10:12 WIB &nbsp;|&nbsp; Laporan: Joni Karbot &nbsp;|&nbsp; Dibaca: 1284 kali"
    body = (
        f"<table><tr><td><b>Jembatan Gantung Diperbaiki Warga</b><br><font>{row}</font><br><br>"
        + "<br><br>".join(STORY)
        + "</td></tr></table>"
    )
    raw = extract_page(page(body), "https://contoh.id/berita.php?id=12", fetched_at=FETCHED)
    assert raw.published_at == "2024-05-20T10:12:00+07:00"
    cleaned = clean_article(raw.paragraphs, byline_texts=raw.byline_texts)
    assert cleaned.authors == ["Joni Karbot"]


def authors_of(body: str, url: str) -> list[str]:
    """The authors Warta gives a page of this body: extraction, then cleaning with its bylines."""
    raw = extract_page(page(body), url, fetched_at=FETCHED)
    return clean_article(raw.paragraphs, byline_texts=raw.byline_texts).authors


def test_a_meta_row_whose_date_stands_apart_from_its_time_names_the_reporter():
    # the date and the time are two fields of the row (`Senin, 02/11/2026 - 16:45 WITA`)
    row = "Senin, 20/05/2024 - 10:12 WITA | Laporan: Andi Muh. Karbot | Dibaca: 1.233 kali"
    body = (
        f"<table><tr><td><font size='5'><b>Jembatan Gantung Diperbaiki Warga</b></font></td></tr>"
        f"<tr><td><font size='1'>{row}</font></td></tr><tr><td>"
        + "".join(f"<p>{p}</p>" for p in STORY)
        + "</td></tr></table>"
    )
    assert authors_of(body, "https://contoh.id/index.php/berita/12") == ["Andi Muh. Karbot"]


def test_a_labelled_meta_item_after_its_icon_names_both_writers():
    meta = (
        "<ul class='news-meta'><li><i class='bi bi-calendar3'></i> 20 Mei 2024</li>"
        "<li><i class='bi bi-person'></i> Penulis: Joni Karbot, Ani Lestari</li>"
        "<li><i class='bi bi-eye'></i> 1.082 kali dibaca</li></ul>"
    )
    body = f"<main><h1>Jembatan Gantung Diperbaiki Warga</h1>{meta}<div class='isi'>{STORY_HTML}</div></main>"
    assert authors_of(body, "https://contoh.id/berita/jembatan") == ["Joni Karbot", "Ani Lestari"]


def test_a_blogger_post_footer_names_its_author():
    """Blogger puts every post in its posts gadget (`widget Blog`) and the author in the post's
    own `post-footer`: neither is a list of other stories."""
    body = (
        "<div class='widget Blog' id='Blog1'><div class='post hentry'>"
        "<h3 class='post-title'>Jembatan Gantung Diperbaiki Warga</h3>"
        f"<div class='post-body entry-content'>{STORY_HTML}</div>"
        "<div class='post-footer'><div class='post-footer-line'><span class='post-author vcard'>"
        "Diposting oleh <span class='fn'><a rel='author' href='/p'>Joni Karbot</a></span></span>"
        "</div></div></div></div>"
    )
    raw = extract_page(page(body), "https://contoh.blogspot.com/2024/05/jembatan.html")
    assert any("Joni Karbot" in text for text in raw.byline_texts)


def test_a_teaser_card_inside_the_article_keeps_its_footer_out_of_the_byline():
    body = (
        f"<article class='post'><h1>Jembatan Gantung Diperbaiki Warga</h1><div class='content'>"
        f"{STORY_HTML}</div><div class='slider'><article class='teaser'><h3>Harga cabai naik"
        "</h3><footer class='teaser__footer'><span class='teaser__author'>Rudi Hartono</span>"
        "</footer></article></div></article>"
    )
    raw = extract_page(page(body), "https://contoh.id/berita/jembatan")
    assert not any("Rudi Hartono" in text for text in raw.byline_texts)


OPINION = (
    "Saya setuju sekali dengan berita ini, jembatan di kampung kami juga rusak sejak tahun lalu"
    " dan belum ada perbaikan dari dinas, padahal anak-anak setiap hari lewat sana untuk sekolah."
)
"""A reader's comment (`Saya setuju ...`): never story text."""


def _assert_the_story_and_no_comment(body: str, url: str, dateline: str) -> None:
    raw = extract_page(page(body), url)
    assert raw.paragraphs[0].startswith(f"{dateline} Warga Desa Sukamaju")
    assert not any(OPINION[:40] in p for p in raw.paragraphs)


def test_a_long_komentar_section_is_never_the_story():
    comment = (
        "<div class='komen'><b>Pembaca {n}</b> <small>21/05/2024</small><br>" + OPINION + "</div>"
    )
    body = (
        "<table><tr><td class='konten'><h1>Jembatan Gantung Diperbaiki Warga</h1>"
        "<div class='isi-berita'><p>GARUT - Warga Desa Sukamaju memperbaiki jembatan gantung yang"
        " rusak diterjang banjir pekan lalu secara gotong royong.</p><p>Kepala desa mengatakan"
        " bahan bangunan dibeli dari dana desa tahun ini, sementara tenaga datang dari warga.</p>"
        "</div></td></tr></table><table class='komentar'><tr><td><h3>Komentar (6)</h3>"
        + "".join(comment.format(n=n) for n in range(6))
        + "</td></tr></table>"
    )
    _assert_the_story_and_no_comment(body, "https://contoh.id/berita/baca/123/jembatan", "GARUT -")


def test_a_relative_stamp_is_not_moved_by_a_copyright_year():
    """`2 jam lalu` fixes the instant from the fetch time; htmldate reads the footer's year as
    1 January and must not move it."""
    body = (
        f"<h1>Judul Relatif</h1><span class='time-ago'>2 jam lalu</span><div>{STORY_HTML}</div>"
        "<p class='copy'>Copyright © 2024 Warta Contoh. All Rights Reserved.</p>"
    )
    raw = extract_page(page(body), "https://contoh.id/read/123/judul", fetched_at=FETCHED)
    assert raw.published_at == "2024-05-22T06:00:00+07:00"


def test_an_oleh_classed_byline_is_read():
    body = (
        "<h1>Jembatan Gantung Diperbaiki Warga</h1><div class='info-berita'><span class='oleh'>"
        f"Laporan: Joni Karbot</span> | Dibaca: 120 kali</div><div class='isi'>{STORY_HTML}</div>"
    )
    raw = extract_page(page(body), "https://contoh.id/berita/baca/123/jembatan")
    assert "Laporan: Joni Karbot" in raw.byline_texts


def test_the_fallback_leaves_out_komentar_it_does_not_know():
    """trafilatura reads `div.komentar` as text: when its text replaces a short story, the reader
    comments Warta knows by that name stay out."""
    card = (
        "<div class='col'><div class='card'><h5 class='card-title'><a href='/b/{n}'>Judul berita"
        " lain nomor {n} soal desa</a></h5><small>2{n} Mei 2024</small><p class='card-text'>"
        "Ringkasan berita lain nomor {n} yang menceritakan kegiatan warga desa di kecamatan"
        " sebelah.</p></div></div>"
    )
    comment = (
        "<div class='media komentar-item'><h6>Pembaca {n}</h6><p>" + OPINION + "</p>"
        "<a href='#' class='balas'>Balas</a></div>"
    )
    body = (
        "<div class='row'><div class='col-lg-8'><div class='news-detail'><h1>Jembatan Gantung"
        " Diperbaiki Warga</h1><div class='detail-content'><p>GARUT – Warga Desa Sukamaju"
        " memperbaiki jembatan gantung yang rusak diterjang banjir pekan lalu.</p><p>Kepala desa"
        " mengatakan bahan bangunan dibeli dari dana desa, sementara tenaga datang dari warga.</p>"
        "<p>Perbaikan ditargetkan selesai sebelum musim hujan berikutnya tiba di kecamatan itu.</p>"
        "</div><div class='box-penulis'><h4>Tentang Penulis</h4><strong>Joni Karbot</strong><p>Joni"
        " Karbot adalah jurnalis yang meliput isu pemerintahan desa di Garut dan sekitarnya sejak"
        " 2015.</p></div><div class='berita-lainnya'><h3>Berita Lainnya</h3><div class='row'>"
        + "".join(card.format(n=n) for n in range(1, 7))
        + "</div></div><div class='komentar' id='komentar'><h3>Komentar (5)</h3>"
        + "".join(comment.format(n=n) for n in range(5))
        + "</div></div></div></div>"
    )
    url = "https://contoh.id/ekonomi/jembatan-gantung-diperbaiki-warga"
    _assert_the_story_and_no_comment(body, url, "GARUT –")


def test_a_donation_box_inside_the_post_is_chrome():
    body = (
        f"<h1>Jembatan Gantung Diperbaiki Warga</h1><div class='entry-content'>{STORY_HTML}"
        "<div class='donasi-box'><p>Liputan dari desa-desa butuh biaya. Bantu kerja redaksi kami"
        " mulai Rp10.000 lewat tautan ini.</p></div></div>"
    )
    raw = extract_page(page(body), "https://contoh.id/berita/jembatan-gantung-diperbaiki-warga")
    assert raw.paragraphs
    assert not any("butuh biaya" in p for p in raw.paragraphs)


def test_a_berita_lainnya_grid_inside_the_story_wrapper_is_chrome():
    card = (
        "<div class='card'><h5><a href='/b/{n}'>Judul berita lain nomor {n} soal desa</a></h5>"
        "<p class='card-text'>Ringkasan berita lain nomor {n} yang menceritakan kegiatan warga"
        " desa di kecamatan sebelah pekan lalu.</p></div>"
    )
    body = (
        "<div class='berita'><h1>Jembatan Gantung Diperbaiki Warga</h1><div class='isi-berita'>"
        "GARUT – Warga Desa Sukamaju memperbaiki jembatan gantung yang rusak diterjang banjir pekan"
        " lalu secara gotong royong.<br><br>Kepala desa mengatakan bahan bangunan dibeli dari dana"
        " desa, sementara tenaga datang dari warga.<br><br>Perbaikan ditargetkan selesai sebelum"
        " musim hujan tiba.<br><br>Warga dari dua dusun bergantian bekerja setiap pagi dan sore,"
        " sementara ibu-ibu menyiapkan makanan di balai desa.<br><br>Camat berjanji mengusulkan"
        " jembatan permanen dalam musyawarah perencanaan pembangunan kabupaten tahun depan.</div>"
        "<div class='berita-lainnya'><h3>Berita Lainnya</h3>"
        + "".join(card.format(n=n) for n in range(1, 3))
        + "</div></div>"
    )
    raw = extract_page(page(body), "https://contoh.id/berita/jembatan-gantung-diperbaiki-warga")
    assert raw.paragraphs[0].startswith("GARUT – Warga Desa Sukamaju")
    assert not any("Ringkasan berita lain" in p for p in raw.paragraphs)


def test_relative_printed_date_uses_fetch_time():
    body = f"<h1>Judul Relatif</h1><span class='time'>2 jam lalu</span><div>{STORY_HTML}</div>"
    raw = extract_page(page(body), "https://contoh.id/berita/x", fetched_at=FETCHED)
    assert raw.published_at == "2024-05-22T06:00:00+07:00"


def test_blogspot_post_signals():
    head = "<meta content='blogger' name='generator'>"
    body = THEMES["blogspot:post-body"].format(story=STORY_HTML, chrome="")
    raw = extract_page(page(body, head=head), "https://desa.blogspot.com/2024/05/jembatan.html")
    assert "blogspot:post" in raw.article_signals
    assert raw.container == "blogspot:post-body"
    assert raw.published_at is None  # a blog URL gives year and month only: no day, no date


@pytest.mark.parametrize("generator", ["blogger", "Blogger"])
def test_a_blogger_post_outside_the_post_body_container_is_still_a_post(generator):
    # a custom Blogger template: the story sits in no `post-body`; the generator meta tells
    head = f"<meta content='{generator}' name='generator'>"
    body = f"<div class='isi-kabar'><h1>Jembatan Baru</h1>{STORY_HTML}</div>"
    raw = extract_page(page(body, head=head), "https://desa.blogspot.com/2024/05/jembatan.html")
    assert raw.container != "blogspot:post-body"
    assert "blogspot:post" in raw.article_signals


def test_lying_charset_page_decodes():
    line = "Warga Kabupatén Sukamaju – “kutipan” kepala désa tentang jembatan baru."
    html = page(THEMES["wp:entry-content"].format(story=f"<p>{line}</p>" * 8, chrome=""))
    body = html.replace("charset='utf-8'", "charset='iso-8859-1'").encode("utf-8")
    raw = extract_page(body, URL, headers={"Content-Type": "text/html; charset=ISO-8859-1"})
    assert raw.paragraphs[0] == line


def test_html_lang_is_reported_as_declared():
    html = page(STORY_HTML).replace("lang='id'", "lang='en'")
    assert extract_page(html, URL).html_lang == "en"


def test_jsonld_article_body_is_last_resort():
    head = (
        "<script type='application/ld+json'>"
        + json.dumps({"@type": "NewsArticle", "headline": "Judul", "articleBody": "\n".join(STORY)})
        + "</script>"
    )
    raw = extract_page(page("<div><img src='a.jpg'></div>", head=head), URL)
    assert raw.paragraphs == STORY
    assert raw.container == "jsonld:articleBody"


def nested(depth: int) -> bytes:
    return b"<html><body>" + b"<div>" * depth + b"teks" + b"</div>" * depth + b"</body></html>"


@pytest.mark.parametrize(
    "body",
    [
        pytest.param(b"", id="empty"),
        pytest.param(None, id="none"),
        pytest.param(b"\x00\xff\xfe\x01" * 500, id="binary"),
        pytest.param(bytes(range(256)) * 40, id="all-bytes"),
        pytest.param(b"just text, no markup at all", id="no-markup"),
        pytest.param(b"<html><head><title>t</title></head></html>", id="no-body"),
        pytest.param(
            b"<?xml version='1.0' encoding='utf-8'?><html><body><p>x</p></body></html>",
            id="xml-decl",
        ),
        pytest.param(nested(100_000), id="100k-nested"),
        pytest.param(b"<p>" * 20_000, id="unclosed"),
        pytest.param(
            b"<script type='application/ld+json'>" + b"[" * 5000 + b"</script>", id="deep-json"
        ),
        pytest.param("<p>string input</p>", id="str"),
    ],
)
def test_never_raises(body):
    raw = extract_page(body, URL)
    assert isinstance(raw, RawArticle)
    assert raw.url == URL


@pytest.mark.parametrize("url", ["", None, "not a url", "https://[bad"])
def test_never_raises_on_bad_urls(url):
    assert isinstance(extract_page(wordpress_page(), url), RawArticle)


BYLINE_SHAPES = [
    pytest.param(
        "<div class='read-page--credits'><ul><li>Author</li><li><a href='/a'>Siti Rahmawati</a>"
        "</li><li>Editor</li><li>Budi Santoso</li></ul></div>",
        ["Author: Siti Rahmawati", "Editor: Budi Santoso"],
        id="credits-box-label-then-name",
    ),
    pytest.param(
        "<div class='autor'><div>Dewi Lestari</div><span>Jurnalis</span></div>",
        ["Jurnalis: Dewi Lestari"],
        id="name-then-label",
    ),
    pytest.param(
        "<div class='kcm-copy'><table><tr><td>Penulis</td><td>: Agus Salim</td></tr>"
        "<tr><td>Editor</td><td>: Rina Marlina</td></tr><tr><td>Sumber</td><td>: Kantor Berita"
        "</td></tr></table></div>",
        ["Penulis: Agus Salim", "Editor: Rina Marlina"],
        id="credit-table-source-row-dropped",
    ),
    pytest.param(
        "<p class='byline'>Oleh <a href='/penulis/joni' rel='author'>Joni Karbot</a></p>",
        ["Oleh Joni Karbot"],
        id="inline-byline",
    ),
    pytest.param(
        "<div class='author-meta'><span>By Joni Karbot</span><p>on 21 Mei 2024 at 09:10 WIB</p></div>",
        ["By Joni Karbot"],
        id="printed-date-dropped",
    ),
    pytest.param(
        "<div class='byline'><span class='by'>Oleh</span> <span class='author'><a href='/a/joni'>"
        "Joni Karbot</a></span> <span class='job_title'>Koresponden Banyuasin</span></div>",
        ["Oleh Joni Karbot"],
        id="job-title-beside-the-name-dropped",
    ),
    pytest.param(
        "<div class='author-line'><span class='author-name'><a href='/a/joni'>Joni Karbot</a>"
        "</span> <span class='author-title'>Senior Reporter</span></div>",
        ["Joni Karbot"],
        id="author-title-beside-an-author-name-dropped",
    ),
    pytest.param(
        "<div class='author-box'><h4 class='author-title'>Joni Karbot</h4></div>",
        ["Joni Karbot"],
        id="author-title-alone-is-the-name",
    ),
    pytest.param(
        "<div class='author-heading'><h2 class='author-title'>Ditulis oleh <span "
        "class='author-name'>Joni Karbot</span></h2></div>",
        ["Ditulis oleh Joni Karbot"],
        id="author-title-around-the-name-is-kept",
    ),
    pytest.param(
        "<figure class='foto'><img src='a.jpg'><span class='credit'>FOTO/ANTON</span></figure>",
        [],
        id="photo-credit-is-no-byline",
    ),
    pytest.param(
        "<div class='editor-choices'><h4>Topik Pilihan</h4><ul>"
        + "".join(f"<li><a href='/t{i}'>Topik nomor {i}</a></li>" for i in range(8))
        + "</ul></div>",
        [],
        id="editor-picks-list-is-no-byline",
    ),
]


@pytest.mark.parametrize(("markup", "expected"), BYLINE_SHAPES)
def test_byline_shapes_outside_the_body(markup, expected):
    body = f"<h1>Judul</h1>{markup}<div class='entry-content'>{STORY_HTML}</div>"
    raw = extract_page(page(body), URL)
    assert raw.paragraphs == STORY
    assert raw.byline_texts == expected


def test_body_classes_do_not_make_the_whole_page_chrome():
    # a theme's `footer-on-bottom` and `has-sidebar` describe the page, not a region of it
    byline = "<div class='entry-meta'><span class='author vcard'>Joni Karbot</span></div>"
    body = f"<h1>Judul</h1>{byline}<div class='entry-content'>{STORY_HTML}</div>"
    raw = extract_page(page(body, body_class="single footer-on-bottom has-sidebar"), URL)
    assert raw.byline_texts == ["Joni Karbot"]


@pytest.mark.parametrize("name", ["blog__authorname", "articleauthor", "storybyline"])
def test_a_byline_class_glued_to_its_neighbour_is_read(name):
    byline = f"<div class='{name}'>Joni Karbot</div>"
    body = f"<h1>Judul</h1>{byline}<div class='entry-content'>{STORY_HTML}</div>"
    assert extract_page(page(body), URL).byline_texts == ["Joni Karbot"]


def test_a_byline_class_in_camel_case_is_read():
    byline = "<div class='articleMeta_authorName__N6j3Y'>Joni Karbot</div>"  # a CSS module's
    body = f"<h1>Judul</h1>{byline}<div class='entry-content'>{STORY_HTML}</div>"
    assert extract_page(page(body), URL).byline_texts == ["Joni Karbot"]


def test_a_page_builders_text_editor_blocks_are_no_editor_bylines():
    blocks = "".join(
        f"<div class='elementor-widget elementor-widget-text-editor'>{text}</div>"
        for text in ("Dibagikan", "Email*")
    )
    body = f"<h1>Judul</h1>{blocks}<div class='entry-content'>{STORY_HTML}</div>"
    raw = extract_page(page(body), URL)
    assert raw.byline_texts == []
    # the plain `editor` slot of a portal stays a byline
    editor = "<div class='post-editor'>Editor: Budi Santoso</div>"
    body = f"<h1>Judul</h1>{editor}<div class='entry-content'>{STORY_HTML}</div>"
    assert extract_page(page(body), URL).byline_texts == ["Editor: Budi Santoso"]


FLOOD_STORY = "Air sungai meluap sejak kemarin sore di Garut. " * 12
SLOTTED_PAGE = (
    "<html><head><title>Banjir</title></head><body><h1>Banjir merendam Garut</h1>"
    '<div class="post-meta"><span class="byline author-name">Penulis: Joni Karbot</span></div>'
    f'<div class="entry-content"><p>{FLOOD_STORY}</p>'
    '<div class="kabar-author-share"><a href="#">Bagikan</a></div></div>'
    '<div class="next-byline"><a href="#">Siti Aminah</a></div>'
    '<div class="editor-line">Editor: Budi Santoso</div></body></html>'
)


def test_byline_texts_name_the_slot_each_came_from():
    raw = extract_page(SLOTTED_PAGE, "http://portal.test/2024/05/21/banjir/")
    assert raw.byline_sources == {
        "Penulis: Joni Karbot": "span.author-name.byline",
        "Siti Aminah": "div.next-byline",
        "Editor: Budi Santoso": "div.editor-line",
        "Bagikan": "div.kabar-author-share",
    }


def test_a_learned_byline_slot_leaves_out_bare_names_of_other_slots():
    url = "http://portal.test/2024/05/21/banjir/"
    read = extract_page(SLOTTED_PAGE, url, byline_rule="span.author-name.byline")
    assert read.byline_texts == ["Penulis: Joni Karbot", "Editor: Budi Santoso"]
    skipped = extract_page(SLOTTED_PAGE, url, byline_skip=("div.next-byline",))
    assert skipped.byline_texts == ["Penulis: Joni Karbot", "Editor: Budi Santoso", "Bagikan"]
    # a slot the page does not have leaves every byline text as it was
    absent = extract_page(SLOTTED_PAGE, url, byline_rule="div.td-post-author-name")
    assert absent.byline_texts == extract_page(SLOTTED_PAGE, url).byline_texts


def test_a_byline_element_without_a_class_is_read_when_no_slot_was_learned():
    page = SLOTTED_PAGE.replace(
        '<div class="editor-line">',
        '<p>Oleh <a rel="author" href="/penulis/rina/">Rina Wati</a></p><div class="editor-line">',
    )
    raw = extract_page(page, "http://portal.test/2024/05/21/banjir/")
    assert "Rina Wati" in raw.byline_texts and "Siti Aminah" in raw.byline_texts
    assert "Rina Wati" not in raw.byline_sources  # an element without a class names no slot


def test_a_name_after_a_person_icon_near_the_story_is_its_byline():
    meta = (
        "<div class='meta'><span><i class='fa fa-calendar'></i> 20 Mei 2024</span>"
        "<span><i class='fa fa-user'></i> Ani Lestari&nbsp;</span>"
        "<a href='/akun'><i class='fa fa-user'></i> Akun Saya</a></div>"
    )
    sidebar = (
        "<aside><h3>Aparatur Desa</h3><ul><li><i class='fa fa-user'></i> Budi Santoso</li>"
        "<li><i class='fa fa-user'></i> Citra Dewi</li></ul></aside>"
    )
    body = (
        f"<div class='wrap'><h2>Jembatan Gantung Diperbaiki Warga</h2><div class='konten'>{meta}"
        f"<div class='isi'>{STORY_HTML}</div></div></div>{sidebar}"
    )
    assert authors_of(body, "https://sukamaju.desa.id/artikel/2024/5/20/jembatan") == [
        "Ani Lestari"
    ]


def test_a_row_of_several_icons_fields_names_no_one_by_its_person_icon():
    row = (
        "<p class='info-berita'><i class='fa fa-calendar'></i> Rabu, 20 Mei 2024 | "
        "<i class='fa fa-user'></i> admin | <i class='fa fa-folder-open'></i> "
        "<a href='/kategori/daerah'>Berita Daerah</a></p>"
    )
    body = f"<article><h2>Jembatan Gantung Diperbaiki Warga</h2>{row}<div class='isi'>{STORY_HTML}</div></article>"
    assert authors_of(body, "https://contoh.id/berita/jembatan") == []
