"""Reader widgets, wire credits and story records in the text `clean_article` gets (invented text)."""

from __future__ import annotations

import pytest

from crawler.clean import clean_article
from crawler.clean.dateline import split_dateline

OPENING = (
    "SUMEDANG, KabarTampomas.id – Pemerintah Kabupaten Sumedang mulai memperbaiki saluran irigasi "
    "di Kecamatan Tanjungsari, Senin (3/3/2025), setelah petani mengeluhkan sawah kering."
)
STORY = [
    "Perbaikan dikerjakan sepanjang dua kilometer dan ditargetkan rampung sebelum musim tanam.",
    "“Kami minta warga ikut menjaga saluran agar tidak tersumbat sampah,” kata camat setempat.",
]


def body_of(*lines: str, **kwargs) -> tuple[list[str], object]:
    result = clean_article([OPENING, *STORY, *lines], title="Saluran Irigasi Diperbaiki", **kwargs)
    return result.body.split("\n\n"), result


@pytest.mark.parametrize(
    "widget",
    [
        # a poll labelled as one, its answers and the results link
        ["Polling: Setujukah Anda saluran diperlebar?", "Setuju", "Tidak setuju", "Lihat Hasil"],
        # a reaction widget's counts in percent
        ["Senang 0% Biasa Saja 0% Sedih 0% Marah 0%"],
        # a video link as a related link, with its title on the next line
        ["Tonton juga video:", "Petani Tanjungsari Panen Lebih Awal"],
        ["Tonton juga: Petani Tanjungsari Panen Lebih Awal"],
        # a tip call that names the channel before what to send
        [
            "Catatan Redaksi: Punya video kejadian di sekitar Anda? Kirimkan melalui WhatsApp "
            "redaksi lewat tautan di bawah ini."
        ],
        # a split article's pager
        ["Lanjut baca ke bawah"],
        ["Halaman: 1 2 3 Show All"],
    ],
)
def test_reader_widgets_leave_the_story(widget):
    paragraphs, _ = body_of(*widget)
    assert paragraphs[1:] == STORY


def test_wire_credits_without_colons_name_reporter_and_editor():
    _, result = body_of("Reporting by Dewi Anggraeni | Editing by Rudi Hartono")
    assert result.authors == ["Dewi Anggraeni"] and result.editor == "Rudi Hartono"
    _, result = body_of("Reported by Dewi Anggraeni", "Edited by Rudi Hartono")
    assert result.authors == ["Dewi Anggraeni"] and result.editor == "Rudi Hartono"


def test_a_book_record_in_the_story_keeps_its_writer_line():
    record = ["Judul: Jejak Air Tampomas", "Penulis: Siti Rahmawati", "Penerbit: Pustaka Sunda"]
    paragraphs, result = body_of(*record, "Penulis: Asep Gunawan")
    assert paragraphs[-3:] == record
    assert result.authors == ["Asep Gunawan"]


def test_an_interviews_turns_are_no_record_before_the_credit():
    turns = [
        "Tanya: Apa yang paling dibutuhkan petani di Tanjungsari sekarang ini menurut Bapak?",
        "Jawab: Air yang cukup dan pupuk yang datang tepat waktu, itu saja sebenarnya.",
    ]
    paragraphs, result = body_of(*turns, "Penulis: Asep Gunawan")
    assert paragraphs[-2:] == turns
    assert result.authors == ["Asep Gunawan"]


def test_a_place_and_a_full_stop_opens_an_english_edition_story():
    found = split_dateline("Bandung. A new flood canal in the south of the city opened on Monday.")
    assert found is not None and found.place == "Bandung"
    assert found.rest.startswith("A new flood canal")
    # a word the gazetteer does not know as a place is a sentence
    assert split_dateline("Finally. A new flood canal opened on Monday.") is None


@pytest.mark.parametrize(
    ("byline", "authors"),
    [
        ("Von Katrin Mahler", ["Katrin Mahler"]),
        ("Par Élise Dumont", ["Élise Dumont"]),
        ("Por Juan Ortega", ["Juan Ortega"]),
        ("Door Femke Jansen", ["Femke Jansen"]),
        ("Von Redaktion", []),  # a newsroom account, in German
        ("Tekst: Femke de Waal", ["Femke de Waal"]),
        ("Email Rina", []),  # an author box's button
        ("Redazione", []),
        ("Tentang Redaksi Kabar Tampomas", []),  # an author box's heading
        ("Ikuti", []),  # a follow button
        ("By Rachel Dunmore Staff Writer", ["Rachel Dunmore"]),  # a title run on after the name
        ("AP Auto Writer", []),  # a title alone
        ("Penulis: Ani LestariEditor: Budi Santoso", ["Ani Lestari"]),  # glued spans
    ],
)
def test_bylines_in_other_languages_and_glued_labels(byline, authors):
    result = clean_article([OPENING, *STORY], byline_texts=[byline])
    assert result.authors == authors


@pytest.mark.parametrize(
    "line",
    [
        "Tulisan opini ini sepenuhnya menjadi tanggung jawab penulis dan tidak mencerminkan sikap "
        "redaksi Kabar Tampomas.",
        "*) Dr. Rina Kartika, M.Si. adalah dosen Fakultas Pertanian dan peneliti irigasi.",
        "Salurkan infak terbaik Anda melalui rekening BSI 7001 2233 44 a.n. Yayasan Tampomas Peduli.",
    ],
)
def test_an_opinion_desks_notes_and_a_donation_account_leave_the_story(line):
    paragraphs, _ = body_of(line)
    assert paragraphs[1:] == STORY


ENGLISH_STORY = [
    "The river authority opened two new flood gates on Monday after a week of heavy rain upstream.",
    "Residents said the water had reached their doorsteps twice since the start of the month.",
]


@pytest.mark.parametrize(
    "line",
    [
        "This post may contain affiliate links. Please read my disclosure policy.",
        "When you buy through links on our site, we may earn an affiliate commission.",
        "Acest articol conține linkuri afiliate.",
        "Dieser Artikel enthält Affiliate-Links.",
        "Table of Contents",
        "Indice",
        "Jump to Recipe Print Recipe",
        "Werbung",
        "Leggi anche: Come pulire il frigorifero",
        "Czytaj także: Nowy most na rzece",
        "A lire aussi : Le marché couvert rouvre ses portes",  # the capital's accent left off
        "FOR IMMEDIATE RELEASE",
        "Media contact: Dana Whitfield, Communications Director, (555) 010-0142",
        "###",
        "See a spelling or grammar error in our story? Please click here to report it.",
        "Помітили помилку? Виділіть її та натисніть Ctrl+Enter",
        "Have a news tip? Email newsroom@riverside.example or call 555-0100.",
        "This story appears in the Spring 2025 issue of Riverside Quarterly.",
        "You may republish this story for free under a Creative Commons license.",
        "© Tagesblick 2024 – Alle Rechte vorbehalten",
        "Sebuah kiriman dibagikan oleh Info Tampomas (@infotampomas)",
        "Cet article est réservé aux abonnés.",
        "Il vous reste 68 % de l’article à lire.",
        "This story is available to subscribers only. Subscribe now.",
        "You’ve read 2 of 3 free articles this month.",
        "Subscribe now for unlimited access to local business news.",
    ],
)
def test_widget_lines_of_any_language_leave_the_story(line):
    result = clean_article([ENGLISH_STORY[0], line, ENGLISH_STORY[1]])
    assert result.body.split("\n\n") == ENGLISH_STORY


def test_a_story_about_affiliate_marketing_stays():
    line = (
        "Affiliate marketing now pays for a third of the town's small newsrooms, the survey found."
    )
    result = clean_article([ENGLISH_STORY[0], line, ENGLISH_STORY[1]])
    assert line in result.body


def test_a_list_item_lettered_c_is_no_copyright_line():
    item = "(c) the third condition applies to every member of the board, the court said."
    result = clean_article([ENGLISH_STORY[0], item, ENGLISH_STORY[1]])
    assert item in result.body


@pytest.mark.parametrize(
    ("last", "kept"),
    [
        ("Dewi Anggraeni is a river ecologist and writes on water policy for the paper.", False),
        ("Dewi Anggraeni ist Hydrologin und schreibt über Wasserpolitik.", False),
        ("Dewi Anggraeni, the authority's spokeswoman, said the gates would stay open.", True),
        ("Contact Dewi Anggraeni at (555) 010-0142. Follow her on X: @dewianggraeni", False),
        ("Dewi Anggraeni 기자 dewi@kabar.example", False),
        (
            "Questions for the authority can go to floods@authority.example, Dewi Anggraeni said"
            " on Monday after the meeting with the families of the lower village.",
            True,
        ),
    ],
    ids=[
        "english-bio",
        "german-bio",
        "a-quote-of-a-namesake",
        "contact",
        "signoff-with-email",
        "a-sentence-with-an-address",
    ],
)
def test_a_closing_paragraph_about_the_writer_leaves_the_story(last, kept):
    result = clean_article([*ENGLISH_STORY, last], byline_texts=["By Dewi Anggraeni"])
    assert result.authors == ["Dewi Anggraeni"]
    assert (last in result.body) is kept


def test_a_publisher_beside_the_writer_is_no_author_accents_aside():
    result = clean_article([OPENING, *STORY], byline_texts=["Par Marie Merlet", "Prisma Média"])
    assert result.authors == ["Marie Merlet"]


def test_a_press_release_ends_at_its_closing_mark():
    about = (
        "About the Riverside Water Trust: founded in 2004, the trust restores creeks and wetlands"
        " across three counties. Learn more at its website."
    )
    release = [
        *ENGLISH_STORY,
        "The trust said the gates would stay open until the river falls below its spring mark.",
        "Volunteers will clear debris from the lower channel on Saturday morning, it added.",
    ]
    result = clean_article([*release, "###", about, "Media inquiries: press@trust.example"])
    assert result.body.split("\n\n") == release


def test_a_mark_early_in_the_text_divides_the_story():
    story = [*ENGLISH_STORY, "Residents will meet the river authority again next Thursday evening."]
    result = clean_article([story[0], "###", *story[1:]])
    assert result.body.split("\n\n") == story


def test_a_labelled_credit_line_closing_a_story_in_another_language_names_its_writer():
    result = clean_article([*ENGLISH_STORY, "Text: Dewi Anggraeni Fotos: Budi Santoso"])
    assert result.body.split("\n\n") == ENGLISH_STORY
    assert result.authors == ["Dewi Anggraeni"]
