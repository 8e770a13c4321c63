"""Byline labels (with their misspellings), sign-offs and agency tags."""

from __future__ import annotations

import pytest

from crawler.clean.byline import (
    _byline_text,
    classify_signoff,
    label_kind,
    own_line_signoff,
    parse_byline_line,
    strip_outlet_suffix,
    strip_trailing_byline,
    strip_trailing_signoff,
)

SITE = "garutonline.com"

# (line, authors, editors, posted_by)
BYLINES = [
    pytest.param("Penulis: Joni Karbot", ["Joni Karbot"], [], [], id="penulis"),
    pytest.param("Penulis : Joni Karbot", ["Joni Karbot"], [], [], id="space-before-colon"),
    pytest.param("Penulis ; Joni Karbot", ["Joni Karbot"], [], [], id="semicolon"),
    pytest.param("Edtor : Bolok Sitepu", [], ["Bolok Sitepu"], [], id="editor-misspelt"),
    pytest.param("Editor: Rina Marlina", [], ["Rina Marlina"], [], id="editor"),
    pytest.param("Penyunting: Rina", [], ["Rina"], [], id="penyunting"),
    pytest.param("Red: Rina Marlina", [], ["Rina Marlina"], [], id="red-short-for-redaktur"),
    pytest.param("Penanggung jawab: Budi Santoso", [], ["Budi Santoso"], [], id="penanggung-jawab"),
    pytest.param(
        "Penulis: Joni Karbot (@jonikarbot)", ["Joni Karbot"], [], [], id="handle-in-brackets"
    ),
    pytest.param(
        "Penulis: Joni Karbot | Email: joni@wartagarut.com", ["Joni Karbot"], [], [],
        id="e-mail-field",
    ),
    pytest.param("Redaktur : Tim Redaksi", [], ["Tim Redaksi"], [], id="redaktur-account"),
    pytest.param("Reporter : Niklas.H", ["Niklas.H"], [], [], id="reporter-initial"),
    pytest.param("Pewarta: Dedi Kusuma", ["Dedi Kusuma"], [], [], id="pewarta"),
    pytest.param("Author : JONI KARBOT", ["JONI KARBOT"], [], [], id="author-caps"),
    pytest.param("Jurnalis: Sri Wahyuni", ["Sri Wahyuni"], [], [], id="jurnalis"),
    pytest.param(
        "Penulis: Joni Karbot | Editor: Rina Marlina", ["Joni Karbot"], ["Rina Marlina"], [],
        id="pipe-joined",
    ),
    pytest.param("Penulis: Joni Karbot Editor : Rina", ["Joni Karbot"], ["Rina"], [], id="run-on"),
    pytest.param(
        "Pewarta: Ani Lestari Editor: Budi Santoso COPYRIGHT © WARTA 2024",
        ["Ani Lestari"], ["Budi Santoso"], [], id="with-copyright",
    ),
    pytest.param(
        "Laporan Wartawan Wartagarut.com, Joni Karbot", ["Joni Karbot"], [], [], id="laporan-outlet",
    ),
    pytest.param("Laporan wartawan Joni Karbot", ["Joni Karbot"], [], [], id="laporan-plain"),
    pytest.param("Kontributor Garut, Joni Karbot", ["Joni Karbot"], [], [], id="kontributor-place"),
    pytest.param(
        "Penulis: Kontributor Garut, Joni Karbot", ["Joni Karbot"], [], [], id="label-then-kontributor",
    ),
    pytest.param("Penulis: Joni Karbot, S.Th.I", ["Joni Karbot"], [], [], id="degree-stripped"),
    pytest.param(
        "Penulis: Ani Lestari dan Budi Santoso", ["Ani Lestari", "Budi Santoso"], [], [],
        id="two-authors",
    ),
    pytest.param("Oleh: Dr. Ani Lestari, M.Si", ["Ani Lestari"], [], [], id="oleh-titles"),
    pytest.param("Penulis Joni Karbot", ["Joni Karbot"], [], [], id="no-colon"),
    pytest.param("Ditulis oleh Joni Karbot", ["Joni Karbot"], [], [], id="two-word-no-colon"),
    pytest.param("Written By Ani Lestari", ["Ani Lestari"], [], [], id="written-by-no-colon"),
    pytest.param("Author Ani Lestari", ["Ani Lestari"], [], [], id="author-no-colon"),
    pytest.param("Reportet: Ani", ["Ani"], [], [], id="reporter-typo"),
    pytest.param("Penulis: Joni Karbot | Sumber: Antara", ["Joni Karbot"], [], [], id="with-source"),
    pytest.param(
        "Reporter: Joni Karbot | Editor: Rina | Foto: Dok. Humas", ["Joni Karbot"], ["Rina"], [],
        id="with-photo-credit",
    ),
    pytest.param("Editor: Rina | 21 Mei 2024", [], ["Rina"], [], id="with-date-field"),
    pytest.param(
        "Penulis: Joni Karbot - Selasa, 21 Mei 2024 14:30 WIB", ["Joni Karbot"], [], [],
        id="date-after-name",
    ),
    pytest.param("Penulis: admin", [], [], ["admin"], id="account-to-posted-by"),
    pytest.param("Publish : Humas Polres Garut", [], [], ["Humas Polres Garut"], id="publish"),
    pytest.param("Oleh Joni Karbot - garutonline.com", ["Joni Karbot"], [], [], id="no-colon-outlet"),
    pytest.param("Laporan: Joni Karbot, Garut", ["Joni Karbot"], [], [], id="name-then-place"),
    pytest.param(
        "Penulis: Joni Karbot, Sri Wahyuni", ["Joni Karbot", "Sri Wahyuni"], [], [], id="two-names"
    ),
    pytest.param(
        "Penulis: Joni Karbot (Kontributor Garut)", ["Joni Karbot"], [], [], id="role-in-brackets"
    ),
    pytest.param("Kontributor Garut: Joni Karbot", ["Joni Karbot"], [], [], id="label-and-place"),
    pytest.param(
        "Reporter GARUTONLINE: Joni Karbot", ["Joni Karbot"], [], [], id="label-and-outlet"
    ),
    pytest.param("Penulis: Bima", ["Bima"], [], [], id="a-name-that-is-a-regency"),
    pytest.param(
        "Penulis: Joni Karbot, Dosen FISIP Universitas Garut", ["Joni Karbot"], [], [],
        id="role-after-name",
    ),
    pytest.param(
        "Author: Joni Karbot, Contributor", ["Joni Karbot"], [], [], id="english-role-after-name"
    ),
    pytest.param("Posted by Joni Karbot at 10:30 AM", [], [], ["Joni Karbot"], id="blogger-posted"),
    pytest.param(
        "Diposting oleh Joni Karbot di 10.30", [], [], ["Joni Karbot"], id="blogger-diposting"
    ),
    pytest.param("By: Joni Karbot on 04-08-2021 5:11:10", ["Joni Karbot"], [], [], id="on-date"),
    pytest.param("Teks oleh Joni Karbot", ["Joni Karbot"], [], [], id="teks-oleh"),
    pytest.param("Text by Joni Karbot", ["Joni Karbot"], [], [], id="text-by"),
    pytest.param("Oleh Ahmad bin Hasan", ["Ahmad bin Hasan"], [], [], id="name-particle"),
    pytest.param("Rep: Joni Karbot/Ed: Rina", ["Joni Karbot"], ["Rina"], [], id="slash-labels"),
    pytest.param("Writer: Joni Karbot | Editor: Rina", ["Joni Karbot"], ["Rina"], [], id="writer"),
    pytest.param(
        "Reporter: Joni Karbot | Fotografer: Dedi Lestari | Editor: Rina",
        ["Joni Karbot"], ["Rina"], [], id="photographer-field-is-no-author",
    ),
    pytest.param("Fotografer: Dedi Lestari", [], [], [], id="photographer-alone"),
    pytest.param("كتب سامر الحداد", ["سامر الحداد"], [], [], id="arabic-wrote"),
    pytest.param("By JONI KARBOT Associated Press", ["JONI KARBOT"], [], [], id="wire-capitals"),
    pytest.param("Editor: M. Rizal", [], ["M. Rizal"], [], id="initial-dot-name"),
    pytest.param("Laporan: Joni Karbot | Garut", ["Joni Karbot"], [], [], id="filed-from-place"),
    pytest.param("Teks & Foto: Joni Karbot", ["Joni Karbot"], [], [], id="text-and-photos"),
    pytest.param(
        "Redaktur & Reporter : Joni Karbot", ["Joni Karbot"], [], [], id="ampersand-label"
    ),
    pytest.param("ByJoni Karbot", ["Joni Karbot"], [], [], id="by-run-into-the-name"),
    pytest.param("Ditulis olehJoni Karbot", ["Joni Karbot"], [], [], id="oleh-run-into-the-name"),
    pytest.param(
        "Tentang Joni Karbot128 Artikel", ["Joni Karbot"], [], [], id="author-box-heading-and-count"
    ),
    pytest.param(
        "oleh Joni Karbot dan Rina Marlina",
        ["Joni Karbot", "Rina Marlina"],
        [],
        [],
        id="colon-less-label-two-names",
    ),
]  # fmt: skip


@pytest.mark.parametrize(("line", "authors", "editors", "posted"), BYLINES)
def test_byline_lines(line, authors, editors, posted):
    fields = parse_byline_line(line, site_name=SITE)
    assert fields is not None
    assert (fields.authors, fields.editors, fields.posted_by) == (authors, editors, posted)


NOT_BYLINES = [
    pytest.param("Wartawan: Bagaimana tanggapan Bapak soal banjir?", id="interview-question"),
    pytest.param("Kata dia: semua berjalan lancar", id="quote-label"),
    pytest.param("Oleh karena itu, warga diminta waspada.", id="oleh-karena-itu"),
    pytest.param("Catatan: rapat ditunda pekan depan", id="other-label"),
    pytest.param("Kapolres: Kami siap mengamankan pilkada", id="speaker-label"),
    pytest.param("Ketua: Joni Karbot", id="committee-role"),
    pytest.param("", id="empty"),
    pytest.param("Sumber: Antara | 21 Mei 2024", id="no-person-field"),
    # someone credited for something other than the text
    pytest.param("Photograph by Joni Karbot", id="photograph-by"),
    pytest.param("Reviewed by Joni Karbot", id="reviewed-by"),
]


@pytest.mark.parametrize("line", NOT_BYLINES)
def test_not_bylines(line):
    """Lines that open like a byline but are story text."""
    assert parse_byline_line(line) is None


# Lines whose verdict turns on the site name (an account or the outlet as the "name").
SITE_DEPENDENT_LINES = [
    "Penulis garutonline",
    "Penulis: garutonline.com",
    "Oleh Redaksi Garut Online",
    "Kontributor Garut, garutonline",
    "Laporan wartawan garutonline.com",
]
SITES = (None, SITE, "Garut Online", "garutonline", "Warta Banyuasin")


@pytest.mark.parametrize(
    "line",
    [param.values[0] for param in BYLINES + NOT_BYLINES]
    + SITE_DEPENDENT_LINES
    + ["Bupati Garut meninjau lokasi banjir di Desa Sukamaju kemarin sore.", "Sumber: Antara"],
)
def test_site_free_verdict_never_hides_a_byline(line):
    """`parse_byline_line` skips lines `_byline_text` rules out whatever the site: for them every
    site must give None; lines that parse with some site must never be ruled out."""
    parsed = [parse_byline_line(line, site_name=site) for site in SITES]
    if _byline_text(line) is None:
        assert parsed == [None] * len(SITES)
    if any(fields is not None for fields in parsed):
        assert _byline_text(line) is not None


@pytest.mark.parametrize(
    ("label", "kind"),
    [
        ("Penulis", "author"),
        ("PENULIS", "author"),
        ("Penuls", "author"),
        ("Edtor", "editor"),
        ("Ediotr", "editor"),
        ("Redaktur", "editor"),
        ("Publish", "posted_by"),
        ("Kepala", None),
        ("Olah", None),  # short labels must match exactly
    ],
)
def test_label_kinds(label, kind):
    assert label_kind(label) == kind


END = "Warga berharap jalan segera diperbaiki."

# (closing text appended to END, author, tag, kept text)
SIGNOFFS = [
    pytest.param("(Joni Karbot)", "Joni Karbot", None, END, id="glued-to-full-stop"),
    pytest.param(" (Joni)", "Joni", None, END, id="one-name"),
    pytest.param(" (Joni/WP)", "Joni", None, END, id="name-slash-outlet-code"),
    pytest.param(" (Joni GO)", "Joni", None, END, id="name-outlet-initials"),
    pytest.param(" (Ani TS)", "Ani TS", None, END, id="name-and-initials"),
    pytest.param(" (fyk/ash)", None, "fyk/ash", END, id="initials-pair"),
    pytest.param(" (irw/ce2/ray/jpnn)", None, "irw/ce2/ray/jpnn", END, id="initials-chain"),
    pytest.param(" (Rl/Al)", None, "Rl/Al", END, id="capitalised-initials"),
    pytest.param(" (qda)", None, "qda", END, id="qda"),
    pytest.param(" (*)", None, "*", END, id="star"),
    pytest.param(" (ant)", None, "ant", END, id="ant"),
    pytest.param(" (rls)", None, "rls", END, id="rls"),
    pytest.param(" (adv)", None, "adv", END, id="adv"),
    pytest.param(" (Red)", None, "Red", END, id="red"),
    pytest.param(" (FHM)", None, "FHM", END, id="caps-initials"),
    pytest.param(" /red/", None, "red", END, id="slashed-red"),
    pytest.param("**", None, "**", END, id="double-star"),
    pytest.param(" [Joni]", "Joni", None, END, id="square-brackets"),
    pytest.param(" (Joni Karbot).", "Joni Karbot", None, END, id="full-stop-after"),
    pytest.param(" (habis)", None, None, END, id="end-marker"),
]


@pytest.mark.parametrize(("closing", "author", "tag", "kept"), SIGNOFFS)
def test_trailing_signoffs(closing, author, tag, kept):
    rest, signoff, _ = strip_trailing_signoff(END + closing, site_name=SITE)
    assert rest == kept
    assert signoff is not None
    assert (signoff.author, signoff.tag) == (author, tag)


def test_signoff_after_quote_without_stop():
    rest, signoff, _ = strip_trailing_signoff('Kata dia "polisi hadir"(MJ-3)')
    assert rest == 'Kata dia "polisi hadir"'
    assert signoff.tag == "MJ-3"


def test_signoff_after_speech_verb_without_stop():
    rest, signoff, _ = strip_trailing_signoff("“Sulit dilalui mobil,” ujarnya (Joni)")
    assert rest == "“Sulit dilalui mobil,” ujarnya"
    assert signoff.author == "Joni"


def test_hashtag_signature_is_cut_and_dots_kept():
    rest, signoff, marker = strip_trailing_signoff("Pungkasnya saat mengakhiri..#joni")
    assert (rest, signoff, marker) == ("Pungkasnya saat mengakhiri..", None, "#joni")


NOT_SIGNOFFS = [
    pytest.param("di Kabupaten Ogan Komering Ilir (OKI)", id="abbreviation-after-word"),
    pytest.param("harganya Rp 7 juta (45)", id="age-or-number"),
    pytest.param("untuk menjaga keamanan (Kamtibmas).", id="abbreviation-then-stop"),
    pytest.param("kata Bupati (Sapuan)", id="name-in-sentence"),
    pytest.param("kerja sama dengan PT Listrik (Persero)", id="company-form"),
    pytest.param("di warung kopi (dekat pasar)", id="lower-case-aside"),
    pytest.param("Warga berharap. (Kades, Babinsa dan Bhabinkamtibmas)", id="list-in-parens"),
]


@pytest.mark.parametrize("paragraph", NOT_SIGNOFFS)
def test_not_signoffs(paragraph):
    rest, signoff, marker = strip_trailing_signoff(paragraph)
    assert (rest, signoff, marker) == (paragraph, None, None)


@pytest.mark.parametrize(
    ("line", "author", "tag"),
    [
        ("(Khairul)", "Khairul", None),
        ("(Joko Humas Polres Garut)", "Joko", None),
        ("-Joni Karbot-", "Joni Karbot", None),
        ("(Adb)", None, "Adb"),
        ("(Humas Polres Garut)", None, "Humas Polres Garut"),
        ("(Joni - Wartagarut)", "Joni", None),
        ("(Joni/Humas)", "Joni", None),
        ("(*/red)", None, "*/red"),
        ("/red/", None, "red"),
        ("Joni Karbot/WG", "Joni Karbot", None),
        ("(Wartagarut.com/Joni Karbot)", "Joni Karbot", None),  # the outlet, then its reporter
        ("(Wartagarut.com/Antara)", None, "Wartagarut.com/Antara"),  # outlets only
        ("(ADV/Humas Pemkab)", None, "ADV/Humas Pemkab"),
    ],
)
def test_own_line_signoffs(line, author, tag):
    signoff = own_line_signoff(line)
    assert signoff is not None
    assert (signoff.author, signoff.tag) == (author, tag)


@pytest.mark.parametrize(
    ("paragraph", "kept", "authors", "editors"),
    [
        ("Warga berharap. Editor: Rina Marlina", "Warga berharap.", [], ["Rina Marlina"]),
        (
            "Warga berharap. Penulis: Joni Karbot | Editor: Rina",
            "Warga berharap.",
            ["Joni Karbot"],
            ["Rina"],
        ),
        (
            "Warga berharap, kata Editor: Ini Semua",
            "Warga berharap, kata Editor: Ini Semua",
            [],
            [],
        ),
    ],
)
def test_byline_run_into_the_last_paragraph(paragraph, kept, authors, editors):
    rest, fields = strip_trailing_byline(paragraph)
    assert rest == kept
    assert (fields.authors if fields else [], fields.editors if fields else []) == (
        authors,
        editors,
    )


def test_sentence_is_not_an_own_line_signoff():
    assert own_line_signoff("Warga berharap jalan segera diperbaiki. (Joni)") is None


@pytest.mark.parametrize("line", ["Garut/Tasikmalaya", "Dana desa/APBDes", "Rp 5 juta/bulan"])
def test_slashed_words_are_not_an_own_line_signoff(line):
    assert own_line_signoff(line) is None


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("Erwan", ("Erwan", None)),
        ("ERWAN", ("ERWAN", None)),
        ("ANA", (None, "ANA")),
        ("Adb", (None, "Adb")),
        ("MJ-3", (None, "MJ-3")),
        ("Apdian Utama", ("Apdian Utama", None)),
    ],
)
def test_classify_signoff(content, expected):
    signoff = classify_signoff(content)
    assert (signoff.author, signoff.tag) == expected


@pytest.mark.parametrize(
    ("line", "authors", "editors"),
    [
        ("AuthorAni LestariEditorBudi SantosoCredits (2)", ["Ani Lestari"], ["Budi Santoso"]),
        ("EditorBudi SantosoPhotographerAni Lestari", [], ["Budi Santoso"]),  # the pictures' credit
    ],
)
def test_labels_glued_to_names(line, authors, editors):
    fields = parse_byline_line(line)
    assert (fields.authors, fields.editors) == (authors, editors)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Joni Karbot - wartagarut", "Joni Karbot"),
        ("Joni Karbot | Warta Garut", "Joni Karbot"),
        ("Joni Karbot - WartaGarut.com", "Joni Karbot"),
        ("Joni Karbot", "Joni Karbot"),
        ("Ani - Budi Santoso", "Ani - Budi Santoso"),
    ],
)
def test_outlet_suffix_after_a_byline_name(text, name):
    assert strip_outlet_suffix(text, site_name="wartagarut.com") == name
