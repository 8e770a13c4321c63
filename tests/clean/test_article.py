"""`clean_article` end to end: one invented article per convention of issue 3 (no corpus text)."""

from __future__ import annotations

import pytest

from crawler.clean import CleanText, clean_article, clean_body_text

STORY = [
    "Pertemuan digelar untuk menyamakan langkah menjelang pemilihan kepala daerah serentak.",
    "Ketua PPK Cibatu, Dedi Supriadi S.Pd, mengatakan kunjungan ini merupakan langkah awal koordinasi.",
    "“Kami ingin seluruh tahapan berjalan aman dan lancar,” ujarnya kepada wartawan.",
]


def paragraphs_of(result: CleanText) -> list[str]:
    return result.body.split("\n\n") if result.body else []


def test_wordpress_article_with_signoff_account_and_author_box():
    result = clean_article(
        [
            "Garut , WGN.com – Kapolsek Cibatu Iptu Rahmat Hidayat SH menerima kunjungan Panitia "
            "Pemilihan Kecamatan di Mapolsek Cibatu, Selasa Sore (21/05/2024)",
            *STORY,
            "Koordinasi akan dilanjutkan dengan rapat bersama camat pekan depan. (Joni Karbot)",
            "admin",
            "Joni Karbot, S.Th.I",
        ],
        title="Jelang Pilkada, Polsek Cibatu Terima Kunjungan PPK",
    )
    assert result.authors == ["Joni Karbot"]  # the quoted Iptu ... SH is not an author
    assert result.posted_by == "admin"
    assert (result.dateline_place, result.dateline_outlet) == ("Garut", "WGN.com")
    assert paragraphs_of(result) == [
        "Kapolsek Cibatu Iptu Rahmat Hidayat SH menerima kunjungan Panitia Pemilihan Kecamatan "
        "di Mapolsek Cibatu, Selasa Sore (21/05/2024)",
        *STORY,
        "Koordinasi akan dilanjutkan dengan rapat bersama camat pekan depan.",
    ]
    assert result.language == "id"


def test_related_link_variants_and_caption_above_dateline():
    result = clean_article(
        [
            "Polres menyiapkan empat pos pengamanan lebaran. Foto : Ani/Wartaoki.Co--",
            "KAYUAGUNG, WARTAOKI.CO - Polres OKI menyiapkan empat pos pengamanan lebaran tahun ini.",
            "Pos tersebar di ruas jalan tol maupun jalan arteri.",
            "BACA JUGA:Petugas Pos Bantu Sopir Kelelahan di Rest Area",
            "BACA JUGA:Jelang Natal, Gereja Dijaga Ketat",
            "Yakni di rest area kilometer 277 dan kilometer 306.",
            "Baca Juga  Pasar Takjil Ramai Pembeli",
            "Baca: Harga Cabai di Garut Turun dan Stok Beras Bulog Aman",
            "Setiap pos dijaga dua puluh personel gabungan.",
        ]
    )
    assert paragraphs_of(result) == [
        "Polres OKI menyiapkan empat pos pengamanan lebaran tahun ini.",
        "Pos tersebar di ruas jalan tol maupun jalan arteri.",
        "Yakni di rest area kilometer 277 dan kilometer 306.",
        "Setiap pos dijaga dua puluh personel gabungan.",
    ]
    assert result.related_links == [
        "Petugas Pos Bantu Sopir Kelelahan di Rest Area",
        "Jelang Natal, Gereja Dijaga Ketat",
        "Pasar Takjil Ramai Pembeli",
        "Harga Cabai di Garut Turun",
        "Stok Beras Bulog Aman",
    ]
    assert (result.dateline_place, result.dateline_outlet) == ("KAYUAGUNG", "WARTAOKI.CO")


def test_duplicate_related_link_recorded_once():
    result = clean_article(
        [
            "GARUT – Bupati mengantar bantuan bahan bangunan untuk korban kebakaran.",
            "BACA JUGA:Pasar Baru Garut Dibuka",
            "Kebakaran menghanguskan empat rumah warga pada Rabu pagi.",
            "BACA JUGA:Pasar Baru Garut Dibuka",
            "Bupati meminta warga tetap bersabar.",
        ]
    )
    assert result.related_links == ["Pasar Baru Garut Dibuka"]
    assert len(paragraphs_of(result)) == 3


def test_byline_above_story_with_date_line():
    result = clean_article(
        [
            "Selasa 06-08-2024,13:15 WIB",
            "Reporter : Ibnu Hartono",
            "Editor : Rina Marlina",
            "WARTAKITA.ID - Bupati mendatangi keluarga korban kebakaran di Desa Sukamaju.",
            "Bantuan berupa bahan bangunan dan sembako diserahkan langsung.",
        ],
        site_name="wartakita.id",
    )
    assert result.authors == ["Ibnu Hartono"]
    assert result.editor == "Rina Marlina"
    assert (result.dateline_place, result.dateline_outlet) == (None, "WARTAKITA.ID")
    assert paragraphs_of(result) == [
        "Bupati mendatangi keluarga korban kebakaran di Desa Sukamaju.",
        "Bantuan berupa bahan bangunan dan sembako diserahkan langsung.",
    ]


def test_a_report_credit_run_into_the_dateline():
    result = clean_article(
        [
            "Laporan Wartawan WartaKita.id, Ibnu Hartono dan Rina Marlina | GARUT - Bupati "
            "mendatangi keluarga korban kebakaran di Desa Sukamaju.",
            "Bantuan berupa bahan bangunan dan sembako diserahkan langsung.",
        ],
        site_name="wartakita.id",
    )
    assert result.authors == ["Ibnu Hartono", "Rina Marlina"]
    assert (result.dateline_place, result.dateline_outlet) == ("GARUT", "WartaKita.id")
    assert (
        paragraphs_of(result)[0] == "Bupati mendatangi keluarga korban kebakaran di Desa Sukamaju."
    )


STORY_LINES = [
    "GARUT - Bupati mendatangi keluarga korban kebakaran di Desa Sukamaju, Selasa siang.",
    "Bantuan berupa bahan bangunan dan sembako diserahkan langsung kepada tiga keluarga.",
]


@pytest.mark.parametrize(
    "closing",
    [
        "*) Penulis adalah guru honorer di sebuah sekolah dasar di Kecamatan Cibeber.",
        "*Rina Marlina adalah dosen di sebuah perguruan tinggi negeri di Tasikmalaya.",
        "Admin adalah pengelola portal WartaKita.id yang menyajikan kabar seputar Garut.",
        "Joni Karbot adalah jurnalis WartaKita yang meliput isu pertanian di Garut selatan.",
        "Joni Karbot is a staff reporter at WartaKita covering farming in southern Garut.",
    ],
)
def test_a_note_on_the_writer_closing_the_story_goes(closing):
    result = clean_article([*STORY_LINES, closing], site_name="wartakita.id")
    assert paragraphs_of(result) == [
        "Bupati mendatangi keluarga korban kebakaran di Desa Sukamaju, Selasa siang.",
        STORY_LINES[1],
    ]


def test_a_story_sentence_about_a_journalist_stays():
    closing = "Joni Karbot adalah jurnalis senior yang kini mengajar di kampus negeri."
    result = clean_article([*STORY_LINES, closing], site_name="wartakita.id")
    assert paragraphs_of(result)[-1] == closing  # the site is not named: no author box


def test_english_text_datelined_from_a_place_and_its_province_gets_the_grammar():
    result = clean_article(
        [
            "Mataram, W Nusa Tenggara (ANTARA) - The regency government has distributed rice "
            "seeds to farmers in three villages hit by the floods.",
            "The seeds were handed over at the village hall on Monday, officials said.",
            "Reporter: Joni Karbot\nEditor: Rina Marlina",
        ]
    )
    assert (result.dateline_place, result.dateline_outlet) == ("Mataram, W Nusa Tenggara", "ANTARA")
    assert (result.authors, result.editor) == (["Joni Karbot"], "Rina Marlina")


def test_a_report_credit_then_a_comma_before_the_place():
    result = clean_article(
        [
            "Laporan Wartawan WartaKita.id, Ibnu Hartono, Tarogong – Bupati mendatangi keluarga "
            "korban kebakaran di Desa Sukamaju.",
            "Bantuan berupa bahan bangunan dan sembako diserahkan langsung.",
        ],
        site_name="wartakita.id",
    )
    assert (result.authors, result.dateline_place) == (["Ibnu Hartono"], "Tarogong")


def test_a_known_place_dateline_under_a_credited_caption():
    result = clean_article(
        [
            "Truk pengangkut pasir melintas di jalan desa, Cilawu. (WartaKita/Ibnu Hartono)",
            "Muara Enim, Rabu (5/3/2025) – Warga mengeluhkan debu dari truk yang melintas siang "
            "dan malam di jalan desa.",
            "Kepala desa berjanji menyurati perusahaan angkutan pekan ini.",
        ],
        site_name="wartakita.id",
    )
    assert result.dateline_place == "Muara Enim"
    assert paragraphs_of(result)[0].startswith("Warga mengeluhkan debu")


def test_a_route_after_story_sentences_is_no_dateline():
    paragraphs = [
        "Ratusan warga menerima sertifikat tanah dari kantor pertanahan, Kamis siang.",
        "Sertifikat itu diserahkan untuk 320 bidang tanah di desa perbatasan.",
        "Atambua - Motaain yang berjarak 30 kilometer menjadi jalur yang dilalui warga.",
    ]
    result = clean_article(paragraphs)
    assert result.dateline_place is None
    assert paragraphs_of(result) == paragraphs


def test_an_editors_pick_box_goes_with_its_titles():
    result = clean_article(
        [
            *STORY_LINES,
            "Editor's Pick",
            "Jembatan Gantung Cikaso Mulai Dibangun Bulan Depan",
            "Harga Cabai Rawit di Pasar Ciawitali Turun Tipis",
        ],
        site_name="wartakita.id",
    )
    assert paragraphs_of(result)[-1] == STORY_LINES[1]


def test_a_reader_poll_goes_with_its_answers():
    result = clean_article(
        [
            *STORY_LINES,
            "Apakah pemerintah sudah cukup cepat? Berikan suara Anda dalam jajak pendapat di "
            "bawah ini.",
            "Ya, sudah cukup cepat",
            "Tidak, masih lambat",
            "Kepala desa berjanji menyurati perusahaan angkutan pekan ini.",
        ],
        site_name="wartakita.id",
    )
    assert paragraphs_of(result)[2:] == [
        "Kepala desa berjanji menyurati perusahaan angkutan pekan ini."
    ]


def test_the_sites_own_photo_credit_closes_a_caption_mid_story_and_signs_the_end():
    caption = "Warga membersihkan saluran air di Desa Sukamaju. (WartaKita/Ibnu Hartono)"
    result = clean_article(
        [*STORY_LINES, caption, STORY_LINES[1] + " Lagi."], site_name="wartakita.id"
    )
    assert caption not in paragraphs_of(result)
    closing = "Bantuan diserahkan langsung kepada warga. (WartaKita/Ibnu Hartono)"
    result = clean_article([*STORY_LINES, closing], site_name="wartakita.id")
    assert paragraphs_of(result)[-1].startswith("Bantuan diserahkan langsung")


def test_widget_lists_never_take_the_credit_line_under_them():
    result = clean_article(
        [
            *STORY_LINES,
            "TERPOPULER",
            "Tol Cipularang Padat Merayap, Polisi Berlakukan Contraflow",
            "Harga Sate Maranggi Naik Jelang Libur Sekolah",
            "Reporter: Ibnu Hartono | Redaktur: Rina Marlina",
        ],
        site_name="wartakita.id",
    )
    assert (result.authors, result.editor) == (["Ibnu Hartono"], "Rina Marlina")
    result = clean_article(
        [
            *STORY_LINES,
            "Bagaimana pendapat Anda soal pembatasan solar bagi nelayan?",
            "Setuju",
            "Tidak setuju",
            "Tim Liputan: Ibnu Hartono dan Joni Karbot",
            "Editor: Admin",
        ],
        site_name="wartakita.id",
    )
    assert (result.authors, result.editor) == (["Ibnu Hartono", "Joni Karbot"], None)
    assert paragraphs_of(result)[-1] == STORY_LINES[1]


def test_lines_about_the_page_and_links_in_brackets_go():
    result = clean_article(
        [
            "Laporan Ibnu Hartono",
            "Warga membersihkan saluran air di Desa Sukamaju. FOTO: WARTAKITA/LA ODE HAMZAH "
            "KONAWE, wartakita.id – Ratusan warga bergotong royong sejak pagi hari.",
            "Harga gabah naik tipis. (Baca: Harga Cabai Rawit Tembus Rp80 Ribu) Menurut petani,"
            " panen tahun ini lebih baik.",
            "Artikel ini telah diperbarui pada Kamis (15/5/2025) pukul 16.40 WIB.",
            "Catatan redaksi: Artikel ini diperbarui untuk memperbaiki nama jabatan narasumber.",
            "Punya informasi menarik? Kirimkan foto dan videonya ke WhatsApp redaksi di nomor "
            "0812-2200-1155.",
        ],
        site_name="wartakita.id",
    )
    assert result.authors == ["Ibnu Hartono"]
    assert (result.dateline_place, result.dateline_outlet) == ("KONAWE", "wartakita.id")
    assert paragraphs_of(result) == [
        "Ratusan warga bergotong royong sejak pagi hari.",
        "Harga gabah naik tipis. Menurut petani, panen tahun ini lebih baik.",
    ]
    assert result.related_links == ["Harga Cabai Rawit Tembus Rp80 Ribu"]


def test_builder_shortcodes_tip_headings_and_member_calls_go():
    result = clean_article(
        [
            "[vc_row][vc_column][vc_column_text]",
            *STORY_LINES,
            '[/vc_column_text][vc_empty_space height="20px"][/vc_column][/vc_row]',
            "WartaKita adalah media independen yang dibiayai pembaca. Dukung liputan seperti ini "
            "dengan menjadi anggota mulai Rp25.000 per bulan.",
            "Punya info menarik di Garut?",
            "Kirim tulisan, foto, atau video ke WhatsApp redaksi 0812-0000-3624.",
        ],
        site_name="wartakita.id",
    )
    assert paragraphs_of(result) == [
        "Bupati mendatangi keluarga korban kebakaran di Desa Sukamaju, Selasa siang.",
        STORY_LINES[1],
    ]


def test_two_signoffs_in_a_row():
    result = clean_article(
        [
            "Wartakita.com - Polres Muaro menggelar patroli bersepeda di kompleks perkantoran.",
            'Kapolres mengatakan "polisi hadir sebagai pengayom masyarakat"(MJ-3)',
            "(Joko Humas Polres Muaro)",
        ]
    )
    assert result.authors == ["Joko"]
    assert result.agency_tag == "MJ-3"
    assert (
        paragraphs_of(result)[-1]
        == 'Kapolres mengatakan "polisi hadir sebagai pengayom masyarakat"'
    )


def test_footer_after_signoff_tag_words_author_box_and_motto():
    result = clean_article(
        [
            "Sumbawa NTB - Beberapa polsek melakukan pengamanan pemilihan kepala desa antarwaktu.",
            "Pengamanan dilakukan agar tidak terjadi gesekan antarpendukung calon. (Adb)",
            "ntb",
            "Syafruddin Hartono",
            "Syafruddin Hartono",
            "Menulis adalah bekerja untuk keabadian.",
        ]
    )
    assert result.agency_tag == "Adb"
    assert result.authors == []
    assert result.dateline_place == "Sumbawa NTB"
    assert paragraphs_of(result) == [
        "Beberapa polsek melakukan pengamanan pemilihan kepala desa antarwaktu.",
        "Pengamanan dilakukan agar tidak terjadi gesekan antarpendukung calon.",
    ]


def test_prompts_ads_and_widgets_removed():
    result = clean_article(
        [
            "GARUT – Dinas Pertanian menyalurkan bibit padi unggul kepada kelompok tani.",
            "ADVERTISEMENT",
            "SCROLL TO RESUME CONTENT",
            "Bibit dibagikan kepada dua puluh kelompok tani di lima kecamatan.",
            "Cek Berita dan Artikel yang lain di Google News",
            "Sumber:",
            "Share:",
            "Leave a Reply",
            "What's Your Reaction?",
            "0 Komentar",
            "© 2024 Warta Garut",
        ]
    )
    assert paragraphs_of(result) == [
        "Dinas Pertanian menyalurkan bibit padi unggul kepada kelompok tani.",
        "Bibit dibagikan kepada dua puluh kelompok tani di lima kecamatan.",
    ]


def test_a_call_for_reader_support_in_english_goes_in_any_language():
    story = [
        "The regency government has distributed rice seeds to farmers in three villages.",
        "The seeds were handed over at the village hall on Monday, officials said.",
    ]
    call = "Support independent local journalism. Become a Garut Weekly supporter today."
    assert paragraphs_of(clean_article([*story, call])) == story


def test_repeated_summary_above_story():
    summary = (
        "Dinas Pertanian menyalurkan bibit padi unggul kepada kelompok tani di lima kecamatan."
    )
    result = clean_article(
        [
            summary,
            "GARUT, WARTAGARUT.COM – " + summary,
            "Bibit dibagikan langsung oleh kepala dinas di balai desa.",
        ]
    )
    assert paragraphs_of(result) == [
        summary,
        "Bibit dibagikan langsung oleh kepala dinas di balai desa.",
    ]


def test_syndication_line():
    result = clean_article(
        [
            "GARUT – Dinas Pertanian menyalurkan bibit padi unggul kepada kelompok tani.",
            'Artikel ini telah tayang di Wartagarut.com dengan judul "Bibit Padi untuk Petani".',
        ]
    )
    assert result.syndicated_from == "Wartagarut.com"
    assert len(paragraphs_of(result)) == 1


def test_hashtag_signature_then_reporter_line():
    result = clean_article(
        [
            "Wartamalut.com- Halut",
            "Pemerintah daerah menetapkan harga lahan milik empat warga desa.",
            "Harga ditetapkan setelah mempertimbangkan nilai jual objek pajak.",
            "Pungkasnya saat mengakhiri..#joni",
            "Reporter : Niklas.H",
        ]
    )
    assert (result.dateline_place, result.dateline_outlet) == ("Halut", "Wartamalut.com")
    assert result.authors == ["Niklas.H"]
    assert (
        paragraphs_of(result)[0]
        == "Pemerintah daerah menetapkan harga lahan milik empat warga desa."
    )
    assert paragraphs_of(result)[-1] == "Pungkasnya saat mengakhiri.."


def test_commas_only_dateline_caption_own_line_byline_and_reaction():
    result = clean_article(
        [
            "Wabup serahkan bantuan rumah terbakar",
            "KABAR WARGA,GARUT, Peristiwa kebakaran melanda dua rumah di Desa Sukamaju.",
            "Api dipadamkan dua unit mobil pemadam sekitar pukul 02.10 WIB.",
            "(Khairul)",
            "What's Your Reaction?",
        ]
    )
    assert (result.dateline_place, result.dateline_outlet) == ("GARUT", "KABAR WARGA")
    assert result.authors == ["Khairul"]
    assert paragraphs_of(result) == [
        "Peristiwa kebakaran melanda dua rumah di Desa Sukamaju.",
        "Api dipadamkan dua unit mobil pemadam sekitar pukul 02.10 WIB.",
    ]


def test_glued_dateline_after_one_word_caption():
    result = clean_article(
        [
            "ilustrasi",
            "matagarut.comGARUTPemkab Garut memastikan pemilihan kepala desa digelar tahun ini.",
            "Ada delapan puluh desa yang akan menggelar pemilihan serentak.",
        ]
    )
    assert (result.dateline_place, result.dateline_outlet) == ("GARUT", "matagarut.com")
    assert paragraphs_of(result)[0].startswith("Pemkab Garut memastikan")


def test_misspelt_and_mixed_labels_in_one_article():
    result = clean_article(
        [
            "Wartakita.com | Garut – Mahasiswa menggelar aksi damai di kantor pengawas pemilu.",
            "Aksi berlangsung tertib dan dikawal aparat kepolisian. (Erwan)",
            "Edtor : Bolok",
        ]
    )
    assert result.authors == ["Erwan"]
    assert result.editor == "Bolok"


def test_visible_byline_wins_over_structured_data():
    paragraphs = ["GARUT – Dinas Pertanian menyalurkan bibit padi unggul kepada kelompok tani."]
    result = clean_article(
        paragraphs,
        byline_texts=["Penulis: Ani Lestari | Editor: Budi Santoso"],
        meta_authors=["Budi Santoso"],
    )
    assert result.authors == ["Ani Lestari"]
    assert result.editor == "Budi Santoso"


def test_a_labelled_byline_outranks_bare_names_in_other_slots():
    # a related story's reporter and a job title sit under author-ish classes too
    result = clean_article(
        ["GARUT – Dinas Pertanian menyalurkan bibit padi unggul kepada kelompok tani."],
        byline_texts=["Oleh Ani Lestari", "Ani Lestari", "Staf Liputan Senior", "Citra Dewi"],
    )
    assert result.authors == ["Ani Lestari"]


@pytest.mark.parametrize(
    "slots",
    [
        ["Ani Lestari", "Redaktur Pelaksana"],  # the title in a slot of its own
        ["Ani Lestari, Pemimpin Redaksi"],
        ["Ani Lestari", "Associate Editor"],
        ["Ani Lestari, Tech Reporter"],
    ],
)
def test_a_job_title_beside_a_bare_name_is_no_second_author(slots):
    paragraphs = ["GARUT – Dinas Pertanian menyalurkan bibit padi unggul kepada kelompok tani."]
    assert clean_article(paragraphs, byline_texts=slots).authors == ["Ani Lestari"]


def test_structured_data_picks_among_bare_names_once_it_agrees_with_one():
    paragraphs = ["GARUT – Dinas Pertanian menyalurkan bibit padi unggul kepada kelompok tani."]
    bare = ["Ani Lestari", "Staf Liputan Senior", "Citra Dewi"]
    assert clean_article(paragraphs, byline_texts=bare, meta_authors=["Ani Lestari"]).authors == [
        "Ani Lestari"
    ]
    # structured data naming no one on the page decides nothing: the visible names stay
    kept = clean_article(paragraphs, byline_texts=bare[::2], meta_authors=["Budi Santoso"])
    assert kept.authors == ["Ani Lestari", "Citra Dewi"]
    # nor does a labelled editor: a bare reporter beside `Editor: X` is the reporter
    edited = clean_article(paragraphs, byline_texts=["Editor: Budi Santoso", "Ani Lestari"])
    assert (edited.authors, edited.editor) == (["Ani Lestari"], "Budi Santoso")


@pytest.mark.parametrize(
    ("line", "label"),
    [
        ("(Laporan: Joni Karbot)", "Laporan"),
        ("Reporter: Joni Karbot | Kameramen: Ani Lestari", "Kameramen"),  # a camera credit
    ],
)
def test_a_labelled_sign_off_names_the_reporter(line, label):
    story = "GARUT – Dinas Pertanian menyalurkan bibit padi unggul kepada kelompok tani."
    result = clean_article([story, line])
    assert result.authors == ["Joni Karbot"]
    assert label not in result.body
    both = clean_article([story, "(Penulis: Joni Karbot | Editor: Budi Santoso)"])
    assert (both.authors, both.editor, both.body) == (["Joni Karbot"], "Budi Santoso", result.body)


def test_structured_data_author_used_when_nothing_visible():
    paragraphs = ["GARUT – Dinas Pertanian menyalurkan bibit padi unggul kepada kelompok tani."]
    assert clean_article(paragraphs, meta_authors=["Citra Dewi"]).authors == ["Citra Dewi"]


def test_a_name_typed_in_lower_case_is_still_a_name():
    paragraphs = ["GARUT – Dinas Pertanian menyalurkan bibit padi unggul kepada kelompok tani."]
    assert clean_article(paragraphs, meta_authors=["citra dewi"]).authors == ["Citra Dewi"]
    # an address is no name, in any case
    for address in ("citra[at]wartagarut.com", "citra.dewi@wartagarut.com"):
        assert clean_article(paragraphs, meta_authors=[address]).authors == []
    # a site named after its author, printed in lower case in the byline slot
    named = clean_article(paragraphs, byline_texts=["citra dewi"], site_name="Citra Dewi")
    assert named.authors == ["Citra Dewi"]


@pytest.mark.parametrize(
    "byline",
    [
        "By Joni Karbot @jonikarbot",
        "Joni Karbot@jonikarbot",  # a handle link run into the name
        "By Joni Karbot | Twitter: @jonikarbot",  # the label read in its own field
        "Joni Karbot joni@wartagarut.com",
    ],
)
def test_handles_and_addresses_beside_a_name_are_no_part_of_it(byline):
    paragraphs = ["GARUT – Dinas Pertanian menyalurkan bibit padi unggul kepada kelompok tani."]
    assert clean_article(paragraphs, byline_texts=[byline]).authors == ["Joni Karbot"]


def test_structured_data_account_or_editor_or_site_is_not_an_author():
    paragraphs = [
        "GARUT – Dinas Pertanian menyalurkan bibit padi unggul kepada kelompok tani.",
        "Editor: Budi Santoso",
    ]
    result = clean_article(
        paragraphs, meta_authors=["admin", "Budi Santoso", "Warta Garut"], site_name="Warta Garut"
    )
    assert result.authors == []
    assert result.posted_by == "admin"
    assert result.editor == "Budi Santoso"


@pytest.mark.parametrize(
    ("byline", "site_name", "authors"),
    [
        ("Written by Joni Karbot", "Joni Karbot Photography", ["Joni Karbot"]),  # named after him
        ("Joni Karbot", "Joni Karbot", ["Joni Karbot"]),
        ("Oleh: Warta Karbot", "Warta Karbot", []),  # an outlet word: the portal's own credit
        ("By Seputar Garut", "Seputar Garut", []),  # a regency: a regional outlet
        ("Oleh: Kabar Banyuasin", "kabarbanyuasin.com", []),
    ],
)
def test_a_visible_byline_naming_the_site_is_its_namesake_author_or_the_portal(
    byline, site_name, authors
):
    paragraphs = ["Dinas Pertanian menyalurkan bibit padi unggul kepada kelompok tani di desa."]
    result = clean_article(paragraphs, byline_texts=[byline], site_name=site_name)
    assert result.authors == authors


def test_structured_data_naming_the_site_alone_names_no_author():
    paragraphs = ["Dinas Pertanian menyalurkan bibit padi unggul kepada kelompok tani di desa."]
    result = clean_article(paragraphs, meta_authors=["Joni Karbot"], site_name="Joni Karbot")
    assert result.authors == []  # the publisher as often as a namesake: not enough alone


@pytest.mark.parametrize(
    ("posted", "authors", "posted_by"),
    [
        ("Diposting oleh Joni Karbot di 14.32", ["Joni Karbot"], "Joni Karbot"),
        ("Posted by Joni Karbot at 10.00", ["Joni Karbot"], "Joni Karbot"),
        ("Posted by admin at 10.00", [], "admin"),
        ("Diposting oleh Unknown di 14.32", [], "Unknown"),  # Blogger's nameless profile
        ("Publish: Humas Polres Garut", [], "Humas Polres Garut"),
    ],
)
def test_the_person_who_posted_is_the_author_when_nobody_else_is_credited(
    posted, authors, posted_by
):
    paragraphs = [
        "GARUT – Dinas Pertanian menyalurkan bibit padi unggul kepada kelompok tani.",
        posted,
    ]
    result = clean_article(paragraphs, site_name="Warta Garut")
    assert (result.authors, result.posted_by) == (authors, posted_by)


def test_a_credited_reporter_wins_over_the_person_who_posted():
    paragraphs = [
        "GARUT – Dinas Pertanian menyalurkan bibit padi unggul kepada kelompok tani. (Rudi)",
        "Posted by Joni Karbot at 10.00",
    ]
    result = clean_article(paragraphs, site_name="Warta Garut")
    assert (result.authors, result.posted_by) == (["Rudi"], "Joni Karbot")


def test_reporter_report_byline_outside_the_body():
    result = clean_article(
        ["GARUT – Dinas Pertanian menyalurkan bibit padi unggul kepada kelompok tani."],
        byline_texts=["Laporan Wartawan Wartagarut.com, Joni Karbot", "admin"],
    )
    assert result.authors == ["Joni Karbot"]
    assert result.posted_by == "admin"


def test_several_authors_become_a_list():
    result = clean_article(
        ["Penulis: Ani Lestari, Budi Santoso dan Citra Dewi", "GARUT – Petani mulai panen raya."]
    )
    assert result.authors == ["Ani Lestari", "Budi Santoso", "Citra Dewi"]


def test_title_repeated_in_container_is_dropped():
    result = clean_article(
        [
            "Petani Garut Mulai Panen Raya",
            "GARUT – Petani di lima kecamatan mulai memanen padi pekan ini.",
        ],
        title="Petani Garut Mulai Panen Raya",
    )
    assert paragraphs_of(result) == ["Petani di lima kecamatan mulai memanen padi pekan ini."]


def test_english_article_keeps_its_dateline():
    paragraphs = [
        "WASHINGTON (Reuters) - Scientists on Monday unveiled a new map of the ocean floor "
        "built from decades of sonar surveys and satellite measurements.",
        "The map shows ridges and trenches in far more detail than any earlier survey, "
        "researchers said in a statement released with the data.",
    ]
    result = clean_article(paragraphs)
    assert result.language == "en"
    assert result.dateline_place is None
    assert paragraphs_of(result) == paragraphs


def test_no_dateline_no_signoff_article_is_untouched():
    paragraphs = [
        "Dinas Pertanian menyalurkan bibit padi unggul kepada kelompok tani di lima kecamatan.",
        "Bibit dibagikan langsung oleh kepala dinas di balai desa, Senin (3/6/2024).",
        "“Kami berharap hasil panen meningkat,” kata kepala dinas.",
    ]
    result = clean_article(paragraphs)
    assert paragraphs_of(result) == paragraphs
    assert result.authors == [] and result.agency_tag is None


def test_bad_input_gives_an_empty_result():
    assert clean_article(None) == CleanText()  # type: ignore[arg-type]
    assert clean_article([]) == CleanText()
    assert clean_article([None, 3, "   "]).body == ""  # type: ignore[list-item]
    assert clean_article(["x"], title=5, site_name=object()).body == "x"  # type: ignore[arg-type]
    assert clean_body_text(None) == ""  # type: ignore[arg-type]


def test_results_are_deterministic():
    paragraphs = [
        "GARUT – Dinas Pertanian menyalurkan bibit padi unggul kepada kelompok tani. (Joni)",
        "admin",
    ]
    assert clean_article(paragraphs) == clean_article(list(paragraphs))


def test_clean_body_text_cleans_a_joined_text():
    text = (
        "GARUT – Petani mulai panen raya pekan ini.\n\nBACA JUGA: Harga Gabah Naik\n\nADVERTISEMENT"
    )
    assert clean_body_text(text) == "Petani mulai panen raya pekan ini."


def test_platform_and_photo_credit_bylines_are_not_authors():
    result = clean_article(
        ["GARUT – Dinas Pertanian menyalurkan bibit padi unggul kepada kelompok tani."],
        byline_texts=[
            "Facebook",
            "Dok.Humas Garut",
            "Joni Karbot - wartagarut",
            "Ani - 2 jam lalu",
        ],
        site_name="wartagarut.com",
    )
    assert result.authors == ["Joni Karbot", "Ani"]


def test_publisher_in_structured_data_is_not_an_author():
    result = clean_article(
        ["GARUT – Dinas Pertanian menyalurkan bibit padi unggul kepada kelompok tani."],
        meta_authors=["Warta Garut Media Group"],
    )
    assert result.authors == []


def test_editor_run_into_the_last_paragraph_after_the_signoff():
    result = clean_article(
        [
            "GARUT – Dinas Pertanian menyalurkan bibit padi unggul kepada kelompok tani.",
            "Bibit dibagikan di balai desa. (Joni) Editor: Rina Marlina",
        ]
    )
    assert result.authors == ["Joni"]
    assert result.editor == "Rina Marlina"
    assert paragraphs_of(result)[-1] == "Bibit dibagikan di balai desa."


def test_bracketed_name_followed_by_more_story_is_not_the_signoff():
    paragraphs = [
        "GARUT – Panitia mengumumkan pemenang lomba desa terbersih tingkat kabupaten tahun ini.",
        "Juara pertama diraih Desa Sukamaju. (Joni)",
        "Juara kedua diraih Desa Sukaresmi yang unggul dalam pengelolaan sampah rumah tangga.",
        "Juara ketiga diraih Desa Sukalaksana yang dinilai paling rapi menata taman desa.",
    ]
    result = clean_article(paragraphs)
    assert paragraphs_of(result)[-2:] == paragraphs[-2:]


def test_no_signoff_after_a_colon():
    paragraphs = [
        "GARUT – Panitia mengumumkan pemenang lomba desa terbersih tingkat kabupaten tahun ini.",
        "Berikut pemenangnya: (Juara I)",
        "Desa Sukamaju",
    ]
    result = clean_article(paragraphs)
    assert result.authors == []


def test_list_introduced_by_a_colon_keeps_its_items():
    paragraphs = [
        "GARUT – Panitia mengumumkan pemenang lomba desa terbersih tingkat kabupaten tahun ini.",
        "Juara pertama diraih desa berikut:",
        "Desa Sukamaju",
    ]
    assert paragraphs_of(clean_article(paragraphs))[-1] == "Desa Sukamaju"


def test_story_ending_in_a_list_of_names_keeps_it():
    names = ["Desa Sukamaju", "Desa Sukaresmi", "Desa Sukalaksana", "Desa Mekarsari"]
    paragraphs = [
        "GARUT – Pemkab memastikan delapan desa menggelar pemilihan kepala desa serentak tahun ini.",
        "Desa yang menggelar pemilihan antara lain",
        *names,
    ]
    assert paragraphs_of(clean_article(paragraphs))[-4:] == names


def test_author_box_without_signoff_is_dropped():
    paragraphs = [
        "GARUT – Pemkab memastikan delapan desa menggelar pemilihan kepala desa serentak tahun ini.",
        "admin",
        "Joni Karbot, S.Th.I",
    ]
    result = clean_article(paragraphs)
    assert paragraphs_of(result) == [paragraphs[0].removeprefix("GARUT – ")]
    assert result.posted_by == "admin"


@pytest.mark.parametrize(
    "box",
    [
        ["Tentang Penulis", "Joni Karbot", "Joni adalah wartawan Warta Garut yang meliput Garut."],
        ["About the Author", "Joni Karbot is a reporter in Garut.", "View all posts by Joni"],
        ["Profil Penulis:", "Joni Karbot"],
    ],
)
def test_author_box_under_its_own_heading_leaves_the_body(box):
    story = [
        "GARUT – Pemkab memastikan delapan desa menggelar pemilihan kepala desa serentak tahun ini.",
        "Pemilihan digelar pada bulan Oktober dengan pengawasan dari kecamatan masing-masing.",
    ]
    result = clean_article(story + box, site_name="Warta Garut")
    assert paragraphs_of(result) == [story[0].removeprefix("GARUT – "), story[1]]


def test_a_heading_followed_by_more_story_than_a_box_holds_is_left_alone():
    story = [
        "GARUT – Pemkab memastikan delapan desa menggelar pemilihan kepala desa serentak tahun ini.",
        "Tentang Penulis",
        "Para calon wajib menyerahkan riwayat hidup kepada panitia pemilihan di desa masing-masing.",
        "Riwayat hidup itu memuat pendidikan, pengalaman organisasi dan karya tulis para calon.",
        "Panitia akan mengumumkan calon yang lolos verifikasi pada pekan pertama bulan depan.",
        "Warga dapat menyampaikan keberatan atas calon tertentu kepada panitia selama tiga hari.",
    ]
    assert paragraphs_of(clean_article(story, site_name="Warta Garut"))[-4:] == story[-4:]
    long_bio = [story[0], "Tentang Penulis", " ".join(story[2:])]  # 50 words: a box's bio
    assert paragraphs_of(clean_article(long_bio, site_name="Warta Garut")) == [
        story[0].removeprefix("GARUT – ")
    ]
    longer = [story[0], "Tentang Penulis", " ".join(story[2:] + story[2:4])]  # 75: story
    assert longer[2] in paragraphs_of(clean_article(longer, site_name="Warta Garut"))


@pytest.mark.parametrize(
    ("chrome", "related"),
    [
        # an author box's links and the footer menu, whose `Redaksi` is no posting account
        (
            [
                "Latest posts by Joni Karbot (see all)",
                "Lihat semua tulisan dari Joni Karbot",
                "Redaksi | Pedoman Media Siber | Kontak | Tentang Kami",
            ],
            [],
        ),
        # Blogger's gadget titles take their lists of titles with them
        (
            [
                "Popular Posts",
                "Jembatan Gantung Sukamaju Diresmikan Bupati",
                "Postingan Terkait",
                "Harga Cabai di Pasar Guntur Naik Lagi",
            ],
            [
                "Jembatan Gantung Sukamaju Diresmikan Bupati",
                "Harga Cabai di Pasar Guntur Naik Lagi",
            ],
        ),
    ],
)
def test_chrome_after_the_story_leaves_the_body_and_names_no_one(chrome, related):
    opening = "GARUT – Pemkab memastikan delapan desa menggelar pilkades serentak tahun ini."
    result = clean_article([opening, *chrome], site_name="Warta Garut")
    assert paragraphs_of(result) == [opening.removeprefix("GARUT – ")]
    assert result.related_links == related
    assert (result.posted_by, result.authors) == (None, [])


@pytest.mark.parametrize(
    "line",
    [
        "Joni Karbot | Senin, 4 Maret 2024 | 10:00 WIB",
        "Senin, 4 Maret 2024 | Oleh Joni Karbot",
        "Senin, 4 Maret 2024 10:00 WIB Oleh Joni Karbot",
    ],
)
def test_a_name_printed_with_the_date_above_the_story_is_its_reporter(line):
    story = [
        line,
        "GARUT, WARTAGARUT.COM – Pemkab memastikan delapan desa menggelar pilkades serentak.",
        "Pemilihan digelar pada bulan Oktober dengan pengawasan dari kecamatan masing-masing.",
    ]
    result = clean_article(story, site_name="Warta Garut")
    assert result.authors == ["Joni Karbot"]
    assert (result.dateline_place, result.dateline_outlet) == ("GARUT", "WARTAGARUT.COM")
    assert paragraphs_of(result)[0].startswith("Pemkab memastikan")


def test_a_byline_line_whose_fields_name_no_one_still_leaves_the_body():
    story = [
        "Pemkab memastikan delapan desa menggelar pemilihan kepala desa serentak tahun ini.",
        "Editor: -",
        "Pemilihan digelar pada bulan Oktober dengan pengawasan dari kecamatan masing-masing.",
    ]
    assert paragraphs_of(clean_article(story)) == [story[0], story[2]]


def test_a_bare_name_after_the_date_may_be_the_site_and_names_no_reporter():
    story = [
        "Senin, 4 Maret 2024 | Seputar Sigi",
        "Pemkab memastikan delapan desa menggelar pemilihan kepala desa serentak tahun ini.",
    ]
    assert clean_article(story).authors == []


def test_a_region_printed_with_the_date_is_a_place_not_a_reporter():
    story = [
        "Garut | Senin, 4 Maret 2024 | 10:00 WIB",
        "Pemkab memastikan delapan desa menggelar pemilihan kepala desa serentak tahun ini.",
    ]
    result = clean_article(story, site_name="Warta Garut")
    assert result.authors == []
    assert result.dateline_place == "Garut"


def test_an_embedded_video_or_infographic_title_is_a_related_link():
    story = [
        "GARUT – Pemkab memastikan delapan desa menggelar pemilihan kepala desa serentak tahun ini.",
        "Video: Warga Gotong Royong Perbaiki Jembatan",
        "Pemilihan digelar pada bulan Oktober dengan pengawasan dari kecamatan masing-masing.",
        "Infografis: Jadwal Pilkades Serentak 2024",
        "Gambar hanya ilustrasi.",
    ]
    result = clean_article(story, site_name="Warta Garut")
    assert paragraphs_of(result) == [story[0].removeprefix("GARUT – "), story[2]]
    assert result.related_links == [
        "Warga Gotong Royong Perbaiki Jembatan",
        "Jadwal Pilkades Serentak 2024",
    ]


def test_short_list_of_names_closing_a_story_is_kept():
    paragraphs = [
        "GARUT – Tiga desa dinobatkan sebagai desa terbersih tingkat kabupaten tahun ini.",
        "Ketiganya adalah",
        "Desa Sukamaju",
        "Desa Sukaresmi",
    ]
    assert paragraphs_of(clean_article(paragraphs))[-2:] == ["Desa Sukamaju", "Desa Sukaresmi"]


def test_penulis_and_editor_labels_in_one_article():
    result = clean_article(
        [
            "Penulis : Ani Lestari",
            "GARUT – Dinas Pertanian menyalurkan bibit padi unggul kepada kelompok tani.",
            "Editor: Budi Santoso",
        ]
    )
    assert (result.authors, result.editor) == (["Ani Lestari"], "Budi Santoso")
    assert paragraphs_of(result) == [
        "Dinas Pertanian menyalurkan bibit padi unggul kepada kelompok tani."
    ]


def test_related_marker_after_a_bare_marker_is_read_as_a_marker():
    result = clean_article(
        [
            "GARUT – Dinas Pertanian menyalurkan bibit padi unggul kepada kelompok tani.",
            "Baca Juga :",
            "BACA JUGA: Harga Gabah Naik",
            "Bibit dibagikan langsung oleh kepala dinas di balai desa.",
        ]
    )
    assert result.related_links == ["Harga Gabah Naik"]
    assert len(paragraphs_of(result)) == 2


@pytest.mark.parametrize("position", [2, 3])
def test_a_name_and_outlet_line_after_story_sentences_never_takes_the_story_with_it(position):
    # `Nama | Outlet` reads like an own-line dateline (`Banyuasin | Kabar Contoh`); after story
    # sentences it is not where the story starts, and the text before it must stay. Cleaning
    # twice (the fixed point) had dropped the whole body once the real dateline was gone.
    story = [
        "BANYUASIN, KABARCONTOH.COM – Warga Desa Sukamaju memperbaiki jembatan yang rusak.",
        "Perbaikan dilakukan secara gotong royong selama tiga hari oleh puluhan warga desa.",
        "Kepala desa berharap pemerintah kabupaten segera membangun jembatan permanen.",
    ]
    paragraphs = [*story[:position], "Joni Karbot | Kabar Contoh", *story[position:]]
    result = clean_article(paragraphs, site_name="Kabar Contoh")
    assert result.dateline_place == "BANYUASIN"
    for sentence in story[1:]:
        assert sentence in result.body
    assert result.body.startswith("Warga Desa Sukamaju")


@pytest.mark.parametrize(
    ("last", "authors", "kept"),
    [
        (
            "Joni Karbot | Kabar Contoh",
            ["Joni Karbot"],
            False,
        ),  # a reporter signing with the outlet
        ("Joni Karbot - Kabarcontoh.com", ["Joni Karbot"], False),
        ("Sungai Musi | Sungai Ogan", [], True),  # no outlet: the story's own line
    ],
)
def test_a_name_signed_with_the_outlet_closes_the_story(last, authors, kept):
    story = [
        "BANYUASIN, KABARCONTOH.COM – Warga Desa Sukamaju memperbaiki jembatan yang rusak.",
        "Perbaikan dilakukan secara gotong royong selama tiga hari oleh puluhan warga desa.",
    ]
    result = clean_article([*story, last], site_name="Kabar Contoh")
    assert result.authors == authors
    assert (last in result.body) is kept


ENGLISH_STORY = [
    "Authorities have temporarily barred coal barges from passing under the old river bridge"
    " after a collision damaged one of its pillars on Tuesday night.",
    "The head of the harbour master's office said the restriction would stay in place until"
    " engineers finish inspecting the structure.",
]


def test_an_english_edition_datelined_in_indonesia_is_cleaned_like_an_indonesian_one():
    paragraphs = [
        "By Joni Karbot",
        "SAMARINDA, Kabar Mahakam – " + ENGLISH_STORY[0],
        ENGLISH_STORY[1],
        "Editor: Rina Marlina",
    ]
    result = clean_article(paragraphs, site_name="kabarmahakam.com")
    assert paragraphs_of(result) == ENGLISH_STORY
    assert (result.dateline_place, result.authors, result.editor) == (
        "SAMARINDA",
        ["Joni Karbot"],
        "Rina Marlina",
    )


def test_an_english_story_datelined_elsewhere_keeps_its_lines():
    paragraphs = ["WASHINGTON, Kabar Dunia – " + ENGLISH_STORY[0], ENGLISH_STORY[1]]
    result = clean_article(paragraphs, site_name="kabardunia.com")
    assert paragraphs_of(result) == paragraphs
    assert result.dateline_place is None


@pytest.mark.parametrize(
    ("bylines", "authors"),
    [
        (["Fotografer: Dedi Lestari"], ["Dedi Lestari"]),  # a photo story: its photographer
        (["Penulis: Joni Karbot", "Fotografer: Dedi Lestari"], ["Joni Karbot"]),
        (["Penulis: Tim Redaksi", "Fotografer: Dedi Lestari"], []),  # a desk wrote it
    ],
    ids=["photo-story", "writer-and-photographer", "desk-and-photographer"],
)
def test_a_photographer_is_the_author_only_of_a_story_crediting_no_writer(bylines, authors):
    assert clean_article(STORY_LINES, byline_texts=bylines).authors == authors


@pytest.mark.parametrize(
    ("byline", "authors"),
    [
        ("Oleh: Pusdalops BPBD Sukamaju", []),  # an agency's desk
        ("By Joni Karbot, Associated Press", ["Joni Karbot"]),
        ("By Joni Karbot | Fox News", ["Joni Karbot"]),
    ],
)
def test_an_institution_or_outlet_in_the_byline_is_no_author(byline, authors):
    assert clean_article(STORY_LINES, byline_texts=[byline]).authors == authors
