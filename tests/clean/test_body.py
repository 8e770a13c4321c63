"""Paragraph-level rules: whole-line boilerplate, related links, captions, date lines, summaries."""

from __future__ import annotations

import pytest

from crawler.clean.body import clean_paragraphs, drop_repeated_summary
from crawler.clean.byline import is_date_line
from crawler.clean.lines import is_boilerplate_line, is_caption, related_titles

BOILERPLATE = [
    "ADVERTISEMENT",
    "SCROLL TO RESUME CONTENT",
    "Cek Berita dan Artikel yang lain di Google News",
    "Google News",
    "Ikuti saluran WhatsApp Warta Garut untuk berita terkini",
    "Dapatkan update berita pilihan setiap hari dari wartagarut.com di Telegram",
    "Dapatkan update berita pilihan dan breaking news setiap hari dari wartagarut.com. Mari"
    ' bergabung di Grup Telegram "Warta Garut Update", caranya klik link'
    " https://t.me/wartagarutupdate, kemudian join.",  # past 180 characters, with its link
    "Jangan lupa subscribe kanal YouTube Warta Garut TV",
    "Ikuti kami di media sosial untuk informasi lebih lanjut.",
    "Mau dapat kabar menarik lainnya? Follow akun Instagram Warta Garut.",
    "Ingin mendapatkan berita terbaru dari Warta Garut setiap hari? Silakan klik tautan ini untuk"
    " bergabung dengan grup WhatsApp kami.",
    "Silakan ikuti saluran WhatsApp Warta Garut.",
    "Baca berita menarik lainnya dari wartagarut.com klik di sini",
    "1 2 3 Selanjutnya",
    "Isi artikel menjadi tanggung jawab sepenuhnya penulis.",
    "Disclaimer: Artikel ini hasil kerja sama wartagarut.com dengan Pemkab Garut.",
    "Tentang Penulis: Joni Karbot menulis untuk wartagarut.com sejak 2019.",
    "Kirim berita dan rilis ke WhatsApp redaksi 0812-0000-1111.",
    "Dilarang mengambil dan/atau menayangkan ulang sebagian atau keseluruhan artikel ini tanpa"
    " seizin redaksi.",
    "0 Komentar",
    "Komentar",
    "Leave a Reply",
    "What's Your Reaction?",
    "Share:",
    "Bagikan",
    "Bagikan ke :",
    "Share on Facebook Share on Twitter Share on Whatsapp",
    "Share on Facebook Tweet about this on Twitter Email this to someone",
    "© 2024 Warta Garut. All rights reserved.",
    "Copyright © 2024 wartagarut.com",
    "Tags: banjir, garut",
    "Artikel Sebelumnya",
    "Berita Selanjutnya",
    "Klik untuk baca: wartagarut.com/berita",
    "Sumber:",
    "donasi relawan wartagarut.com",
    "Selasa 06-08-2024,13:15 WIB",
    "Minggu, 14-Oktober-2018, 10:07",
    "Diperbarui: Selasa, 21 Mei 2024 | 14:30 WIB",
    "wartagarut.com",
    "https://wartagarut.com/2024/05/21/berita",
    "#garut #banjir",
    "- Advertisement -",
    "Simak video pilihan berikut ini:",
    "Posted in Berita Daerah",
    "2 jam lalu",
    "Konten di bawah ini disajikan oleh advertiser. Jurnalis Warta Garut tidak terlibat dalam"
    " materi konten ini.",
    "Punya informasi menarik? Hubungi redaksi di WhatsApp 0812-0000-1111.",
    "Terima kasih telah membaca artikel ini.",
    "Dilarang keras mengutip sebagian atau seluruh isi berita tanpa izin tertulis dari redaksi.",
    # a Blogger template's chrome inside or around a post
    "Iklan Tengah Artikel 2",
    "Tidak ada komentar:",
    "Posting Komentar",
    '0 Response to "Jembatan Gantung Diresmikan"',
    "Posting Lebih Baru Posting Lama Beranda",
    "Newer Post Older Post Home",
    "Langganan: Posting Komentar (Atom)",
    "Email ThisBlogThis!Share to XShare to Facebook",
    "Lihat Semua",
    # Jetpack's sharing and likes, a theme's author box and post navigation
    "Share this:",
    "Bagikan ini:",
    "Klik untuk berbagi di Twitter (Membuka di jendela yang baru)",
    "Click to print (Opens in new window)",
    "Suka ini:",
    "Like Loading...",
    "Jadilah yang pertama menyukai ini.",
    "Memuat...",
    "About The Author",
    "Lihat postingan lainnya",
    "Pos Sebelumnya",
    "*Penulis adalah Dosen FISIP Universitas Garut",  # an opinion piece's note on its writer
    # view counters and reading times, in any language
    "Dibaca 1.234 kali",
    "Dilihat: 45",
    "Dibaca: 3rb kali",
    "1.205 views",
    "12K views",
    "Waktu baca 2 menit",
    "Waktu baca: ±3 menit",
    "3 menit membaca",
    "5 min read",
    "Reading Time: 8 minutes",
    # comment counts and a comment form's notes, newsletter fields, copy-link toasts
    "Respon (0)",
    "Tanggapan (3)",
    "Alamat email Anda tidak akan dipublikasikan. Ruas yang wajib ditandai *",
    "Masukkan alamat email Anda",
    "Link berhasil disalin",
    # pagers, buttons and labels
    "Sebelumnya",
    "Laman berikutnya",
    "Next Page",
    "Halaman Sebelumnya",
    "Lihat Selengkapnya",
    "Indeks Berita",
    "Klik di sini untuk update berita terbaru lainnya",
    "ADVERTORIAL",
    "Lanjut baca di bawah ini",
    # a share row printed as text, a call to share, a print plugin's button, a pager pair, a
    # plugin's view counter, an ad-sales line, a reader's piece's disclaimer
    "Bagikan: Facebook Twitter WhatsApp Telegram",
    "Share this: Facebook, X, LinkedIn",
    "Bagikan artikel ini ke teman-teman Anda.",
    "Print Friendly, PDF & Email",
    "Sebelumnya Selanjutnya",
    "« Previous | Next »",
    "Post Views: 245",
    "Untuk informasi pemasangan iklan hubungi 0812-0000-1111.",
    "Tulisan ini merupakan kiriman pembaca dan menjadi tanggung jawab penulis sepenuhnya.",
    # an author box's links and avatar, the footer menu, the newsroom's address
    "Latest posts by Joni Karbot (see all)",
    "View all posts by admin",
    "Lihat semua tulisan dari Joni Karbot",
    "Tulisan Terbaru dari Joni Karbot",
    "Artikel lain dari penulis ini",
    "Avatar photo",
    "Redaksi | Pedoman Media Siber | Kontak | Tentang Kami",
    "Pedoman Media Siber",
    "Alamat Redaksi: Jl. Merdeka No. 1, Tarogong Kidul, Garut",
    # a Blogger template's gadget titles and credits, a telephone line
    "Cari Blog Ini",
    "Arsip Blog",
    "Laporkan Penyalahgunaan",
    "Tema Sederhana. Diberdayakan oleh Blogger.",
    "Powered by Blogger",
    "Template by Warta Garut",
    "Telp/WA: 0812-0000-1111",
    "Telp: (0262) 123456 / 0812 0000 1111 (Joni)",
    # embed stand-ins, calls to comment, pagination, channel labels, a scraping ban
    "[Gambas:Video 20contoh]",
    "[embed]https://video.contoh.id/v/123[/embed]",
    "Bagaimana pendapat Anda soal jembatan ini? Tulis di kolom komentar!",
    "Jangan lupa like, share, dan komentar ya!",
    "Yuk, bagikan berita ini ke teman-temanmu!",
    "Salam Presisi!",
    "Catatan Redaksi: Berita ini tidak bertujuan menginspirasi tindakan bunuh diri. Jika Anda"
    " memiliki pikiran untuk mengakhiri hidup, segera hubungi layanan kesehatan jiwa terdekat.",
    "Halaman 2 dari 3",
    "Lanjut ke halaman berikutnya",
    "Berita Wartagarut.com Lainnya di Google News",
    "Dilarang keras mengambil konten dari situs ini tanpa izin tertulis dari redaksi.",
]


@pytest.mark.parametrize("line", BOILERPLATE)
def test_boilerplate_lines(line):
    assert is_boilerplate_line(line)


STORY_LINES = [
    "Pelatihan jurnalis yang digelar Google News Initiative diikuti 40 wartawan dari Garut.",
    "Ia mengaku mendapat kabar dari grup WhatsApp warga pada Senin malam.",
    "Ikuti perkembangan kasus ini, polisi masih memeriksa saksi.",
    "Senin (3/6/2024) pukul 10.00 WIB, ratusan warga berkumpul.",
    "Warga berbagi informasi melalui Facebook dan Instagram.",
    "Share pasar tradisional di Garut menurun tahun ini.",
    "Sumber air warga mengering sejak bulan lalu.",
    "Komentar warga di media sosial beragam.",
    '"Lihat saja di media sosial, semua orang mengeluh," kata Budi.',  # a source's words
    "\u201cCek saja di Facebook, antrean sudah mengular sejak subuh,\u201d ujar Siti.",
    "Apa kata warga? Lihat saja di Facebook, ramai sekali.",
    "Warga dilarang mengambil pasir sungai tanpa izin dinas.",
    "Kirim bantuan ke posko di Desa Sukamaju, kata camat.",
    "Kunjungi laman sscasn.bkn.go.id untuk mendaftar sebelum batas waktu berakhir.",
    "Lihat, di sini air sudah setinggi lutut orang dewasa.",
    "Hubungi kami kalau jalan ini masih rusak bulan depan, kata Budi kepada warga.",
    "Iklan tengah artikel itu dibayar pemerintah daerah, kata Budi.",
    "Beranda rumah warga terendam air setinggi lutut.",
    "Terkait kasus itu, polisi memeriksa tiga saksi.",
    "Memuat barang ke truk butuh waktu dua jam.",
    "Warga membaca 3 menit sebelum rapat dimulai.",
    "Surat itu dibaca berulang kali oleh kepala desa.",
    "Sebelumnya, warga sudah dua kali mengajukan permohonan.",
    "Klik di sini, kata petugas sambil menunjuk layar pendaftaran.",
    "Bagikan informasi ini kepada tetangga.",
    "Warga membagikan foto banjir lewat Facebook dan WhatsApp sejak pagi.",
    "Pemasangan iklan di jembatan itu dilarang pemerintah kabupaten.",
    "Artikel ini menjadi bahan diskusi mahasiswa di kampus.",
    "Print out formulir pendaftaran dibagikan di kantor desa.",
    "Artikel lain dari penulis yang sama pernah dimuat koran daerah.",
    "Redaksi menerima surat keberatan dari warga pada Senin.",
    "Alamat rumah korban di Jalan Merdeka belum diketahui polisi.",
    "WA 0812 0000 1111 milik pelaku disita.",
    "Design by committee is slow.",
    "Kegiatan itu didukung oleh Blogger Garut dan komunitas lainnya.",
    "Popular posts on social media show the flood.",
    "Warga menulis keluhan di kolom komentar akun resmi pemkab sejak Senin.",
    "[Catatan redaksi: angka korban diperbarui pukul 15.00 WIB.]",
    "Halaman 2 dari laporan BPK itu memuat temuan soal dana desa.",
    "Jangan lupa membawa KTP saat datang ke posko, kata petugas.",
    "Salam hangat dari warga Garut untuk para relawan, kata kepala desa.",
    "Catatan redaksi: angka korban diperbarui pukul 15.00 WIB.",
    "Pelatihan itu dibuka pejabat yang juga mengelola kanal berita di Google News.",
]


@pytest.mark.parametrize("line", STORY_LINES)
def test_story_lines_are_not_boilerplate(line):
    assert not is_boilerplate_line(line)


def test_non_indonesian_mode_keeps_language_specific_lines():
    assert is_boilerplate_line("ADVERTISEMENT", indonesian=False)
    assert not is_boilerplate_line("Tags: banjir, garut", indonesian=False)


@pytest.mark.parametrize(
    "line",
    [
        "Advert",
        "This slideshow requires JavaScript.",
        "Please enable JavaScript to view this gallery.",
        "Like this story? Share it with a friend!",
        "5 min read",
        "Sign up for our newsletter for more stories like this one",
        "Subscribe To Our Newsletter",
        "The best of the week, delivered to your inbox every morning",
    ],
)
def test_widget_lines_in_any_language(line):
    assert is_boilerplate_line(line, indonesian=False)


def test_a_caption_with_a_bracketed_picture_credit_leaves_text_in_any_language():
    story = "The new bridge opened to traffic on Monday after three years of building work."
    lines = [
        story,
        "The bridge crosses the Musi river (Image: GETTY )",
        "Residents watch the opening [Photo: Reuters]",
        "Pack a wallet (credit/debit cards, cash, etc.) and water.",  # no credit
    ]
    kept = clean_paragraphs(lines, indonesian=False).paragraphs
    assert kept == [story, lines[-1]]


@pytest.mark.parametrize(
    ("line", "titles"),
    [
        ("Baca juga: Jembatan Gantung Sukamaju Diresmikan", ["Jembatan Gantung Sukamaju Diresmikan"]),
        ("BACA JUGA:Jembatan Gantung Diresmikan", ["Jembatan Gantung Diresmikan"]),
        ("Baca Juga  Jembatan Gantung Diresmikan", ["Jembatan Gantung Diresmikan"]),
        ("BACA JUGA : Pasar Baru Dibuka", ["Pasar Baru Dibuka"]),
        ("Baca: Pasar Baru Garut Dibuka dan Harga Cabai Merah Turun", ["Pasar Baru Garut Dibuka", "Harga Cabai Merah Turun"]),
        ("Baca: Pasar Dibuka dan Harga Turun", ["Pasar Dibuka dan Harga Turun"]),
        ("Baca juga: Pasar Baru Garut Dibuka dan Harga Cabai Merah Turun", ["Pasar Baru Garut Dibuka dan Harga Cabai Merah Turun"]),
        ("BACA ARTIKEL LAINNYA... Petani Panen Raya", ["Petani Panen Raya"]),
        ("Simak juga: Petani Panen Raya", ["Petani Panen Raya"]),
        ("Lihat juga: Petani Panen Raya", ["Petani Panen Raya"]),
        ("Kunjungi juga: Petani Panen Raya", ["Petani Panen Raya"]),
        ("Jangan lewatkan: Petani Panen Raya", ["Petani Panen Raya"]),
        ("Lanjut baca: Petani Panen Raya", ["Petani Panen Raya"]),
        ("BACA JUGA:Pasar Baru Dibuka BACA JUGA:Harga Cabai Turun", ["Pasar Baru Dibuka", "Harga Cabai Turun"]),
        ("[Baca juga: Pasar Baru Dibuka]", ["Pasar Baru Dibuka"]),
        ("Baca Juga :", []),
        ("Baca Juga", []),
    ],
)  # fmt: skip
def test_related_lines(line, titles):
    assert related_titles(line) == titles


@pytest.mark.parametrize(
    "line",
    [
        "Baca puisi menjadi kegiatan rutin siswa di sekolah itu.",
        "Lihat saja kondisi jalan yang rusak parah ini.",
        "Simak penjelasan Bupati soal anggaran desa berikut ini.",
        "Baca juga buku panduan yang dibagikan dinas agar tahu cara mengungsi, kata Budi.",
    ],
)
def test_not_related_lines(line):
    assert related_titles(line) is None


@pytest.mark.parametrize(
    ("line", "caption"),
    [
        ("ilustrasi", True),
        ("Ilustrasi", True),
        ("Foto: Humas Polres Garut", True),
        ("Dok. Humas", True),
        ("Bupati Garut meninjau lokasi banjir, Senin (3/6/2024). (Foto: Humas)", True),
        ("Warga memadati alun-alun Garut. Foto : Joni/Wartagarut--", True),
        ("Bupati menyerahkan bantuan kepada korban. -JONI/WARTAGARUT-", True),
        ("Bupati menyerahkan bantuan. (Foto Istimewa)", True),
        ("Ia meminta warga tidak panik (foto dan video hoaks beredar luas).", False),
        ("Warga memadati alun-alun Garut untuk menyaksikan pawai.", False),
    ],
)
def test_captions(line, caption):
    assert is_caption(line) is caption


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Selasa 06-08-2024,13:15 WIB", True),
        ("21/05/2024", True),
        ("Rabu, 22 Mei 2024 | 09:15 WITA", True),
        ("Senin (3/6/2024) pukul 10.00 WIB, ratusan warga berkumpul.", False),
        ("Mei 2024", True),
        ("Pameran Mei 2024 dibuka", False),
        ("06-08-2024, 13:15", True),
        ("10 20 30", False),  # a table row
    ],
)
def test_date_lines(line, expected):
    assert is_date_line(line) is expected


def test_repeated_summary_dropped_once():
    summary = "Pemkab Garut menyalurkan bantuan beras kepada dua ratus keluarga korban banjir."
    story = "GARUT – " + summary + " Bantuan diserahkan langsung oleh Bupati di balai desa."
    rest = "Warga menyambut bantuan dengan gembira."
    assert drop_repeated_summary([summary, story, rest]) == [story, rest]


def test_different_lead_sentences_are_both_kept():
    first = "Pemkab Garut menyalurkan bantuan beras kepada korban banjir di Sukamaju."
    second = "Sementara itu, warga Desa Sukaresmi masih menunggu bantuan dari provinsi."
    assert drop_repeated_summary([first, second]) == [first, second]


def test_marker_line_then_title_line():
    result = clean_paragraphs(
        [
            "GARUT – Warga Desa Sukamaju memperbaiki jembatan yang rusak diterjang banjir.",
            "Baca Juga :",
            "Pasar Baru Garut Dibuka Kembali Setelah Renovasi",
            "Perbaikan dilakukan secara gotong royong selama tiga hari.",
        ]
    )
    assert result.related_links == ["Pasar Baru Garut Dibuka Kembali Setelah Renovasi"]
    assert result.paragraphs == [
        "Warga Desa Sukamaju memperbaiki jembatan yang rusak diterjang banjir.",
        "Perbaikan dilakukan secara gotong royong selama tiga hari.",
    ]


def test_bare_marker_takes_the_headlines_under_it_and_stops_at_the_story():
    result = clean_paragraphs(
        [
            "GARUT – Warga Desa Sukamaju memperbaiki jembatan yang rusak diterjang banjir.",
            "Baca Juga:",
            "Pasar Baru Garut Dibuka Kembali Setelah Renovasi",
            "Harga Cabai di Garut Turun Jelang Panen Raya",
            "warga lain masih menunggu bantuan semen dari kabupaten",
            "Perbaikan dilakukan secara gotong royong selama tiga hari.",
        ]
    )
    assert result.related_links == [
        "Pasar Baru Garut Dibuka Kembali Setelah Renovasi",
        "Harga Cabai di Garut Turun Jelang Panen Raya",
    ]
    assert result.paragraphs[1:] == [
        "warga lain masih menunggu bantuan semen dari kabupaten",
        "Perbaikan dilakukan secara gotong royong selama tiga hari.",
    ]


def test_english_related_marker_in_indonesian_text():
    result = clean_paragraphs(
        [
            "GARUT – Warga Desa Sukamaju memperbaiki jembatan yang rusak diterjang banjir.",
            "Don't miss: Pasar Baru Garut Dibuka Kembali Setelah Renovasi",
            "Perbaikan dilakukan secara gotong royong selama tiga hari.",
        ]
    )
    assert result.related_links == ["Pasar Baru Garut Dibuka Kembali Setelah Renovasi"]
    assert len(result.paragraphs) == 2


def test_post_navigation_labels_take_the_neighbouring_titles():
    story = [
        "Warga Desa Sukamaju memperbaiki jembatan yang rusak diterjang banjir pekan lalu.",
        "Perbaikan dilakukan secara gotong royong selama tiga hari oleh warga dua dusun.",
    ]
    result = clean_paragraphs(
        [
            *story,
            "Artikel Sebelumnya",
            "Pasar Baru Garut Dibuka Kembali Setelah Renovasi",
            "Next article",
            "Harga Cabai di Garut Turun Jelang Panen",
        ]
    )
    assert result.paragraphs == story
    assert result.related_links == [
        "Pasar Baru Garut Dibuka Kembali Setelah Renovasi",
        "Harga Cabai di Garut Turun Jelang Panen",
    ]


def test_a_story_sentence_after_a_navigation_word_stays():
    story = [
        "Warga Desa Sukamaju memperbaiki jembatan yang rusak diterjang banjir pekan lalu.",
        "Selanjutnya",
        "Perbaikan dilakukan secara gotong royong selama tiga hari.",
    ]
    assert clean_paragraphs(story).paragraphs == [story[0], story[2]]


def test_related_box_heading_takes_its_titles_and_stops_at_the_story():
    result = clean_paragraphs(
        [
            "GARUT – Warga Desa Sukamaju memperbaiki jembatan yang rusak diterjang banjir.",
            "Berita Terkait",
            "Pasar Baru Garut Dibuka Kembali",
            "Harga Cabai di Garut Turun",
            "Perbaikan dilakukan secara gotong royong selama tiga hari oleh warga desa.",
        ]
    )
    assert result.related_links == ["Pasar Baru Garut Dibuka Kembali", "Harga Cabai di Garut Turun"]
    assert result.paragraphs[-1].startswith("Perbaikan dilakukan")


@pytest.mark.parametrize(
    "heading", ["Pilihan Redaksi", "Terkait", "Pos terkait", "Terpopuler", "Rekomendasi untuk Anda"]
)
def test_a_box_heading_takes_its_titles(heading):
    result = clean_paragraphs(
        [
            "GARUT – Warga Desa Sukamaju memperbaiki jembatan yang rusak diterjang banjir.",
            heading,
            "Pasar Baru Garut Dibuka Kembali",
            "Perbaikan dilakukan secara gotong royong selama tiga hari oleh warga desa.",
        ]
    )
    assert result.related_links == ["Pasar Baru Garut Dibuka Kembali"]
    assert len(result.paragraphs) == 2


STORY = "Warga Desa Sukamaju memperbaiki jembatan yang rusak diterjang banjir pekan lalu."


@pytest.mark.parametrize(
    "line",
    [
        "Jangan lewatkan berita menarik lainnya, kunjungi wartagarut.com",
        "Baca artikel Warta Garut lainnya di sini",
        "Update berita seputar Garut hari ini di WartaGarut.com",
        "Saksikan siaran langsung Warta Garut TV setiap malam",
    ],
)
def test_a_call_naming_the_outlet_itself_is_its_promotion(line):
    for site_name in ("Warta Garut", "www.wartagarut.com"):
        result = clean_paragraphs(
            [STORY, line, STORY.replace("pekan", "bulan")], site_name=site_name
        )
        assert line not in result.paragraphs


@pytest.mark.parametrize(
    "line",
    [
        "Kunjungi posko Warta Garut di alun-alun bila ingin menyumbang, kata Budi.",
        '"Baca saja laporan Warta Garut kemarin," kata Budi.',
        "Pembaca Warta Garut bisa ikut menyumbang di posko alun-alun.",  # no call
    ],
)
def test_lines_naming_the_outlet_that_are_story_stay(line):
    result = clean_paragraphs([STORY, line], site_name="Warta Garut")
    assert result.paragraphs[-1] == line


def test_marker_line_before_a_story_sentence_keeps_it():
    result = clean_paragraphs(
        [
            "Baca juga:",
            "Perbaikan dilakukan secara gotong royong selama tiga hari oleh warga.",
        ]
    )
    assert result.paragraphs == [
        "Perbaikan dilakukan secara gotong royong selama tiga hari oleh warga."
    ]
    assert result.related_links == []


def test_bare_label_then_name_line():
    result = clean_paragraphs(
        [
            "Warga Desa Sukamaju memperbaiki jembatan yang rusak diterjang banjir pekan lalu.",
            "Penulis :",
            "Joni Karbot",
        ]
    )
    assert result.fields.authors == ["Joni Karbot"]
    assert result.paragraphs == [
        "Warga Desa Sukamaju memperbaiki jembatan yang rusak diterjang banjir pekan lalu."
    ]


def test_extra_phrases_from_the_registry():
    result = clean_paragraphs(
        [
            "Warga Desa Sukamaju memperbaiki jembatan yang rusak diterjang banjir.",
            "Kirim berita Anda ke redaksi kami lewat surel.",
        ],
        extra_phrases=["Kirim berita Anda ke redaksi"],
    )
    assert result.paragraphs == [
        "Warga Desa Sukamaju memperbaiki jembatan yang rusak diterjang banjir."
    ]


def test_syndication_run_into_last_paragraph():
    result = clean_paragraphs(
        [
            "Warga Desa Sukamaju memperbaiki jembatan yang rusak diterjang banjir.",
            "Perbaikan selesai dalam tiga hari. Artikel ini telah tayang di Wartagarut.com dengan "
            'judul "Jembatan Sukamaju Diperbaiki".',
        ]
    )
    assert result.syndicated_from == "Wartagarut.com"
    assert result.paragraphs[-1] == "Perbaikan selesai dalam tiga hari."


@pytest.mark.parametrize("source", ["Antara", "Bagian Humas dan Protokol Setwan DPRD Sukamaju"])
def test_source_credit_line(source):
    result = clean_paragraphs(
        [
            "Warga Desa Sukamaju memperbaiki jembatan yang rusak diterjang banjir.",
            f"Sumber: {source}",
        ]
    )
    assert result.syndicated_from == source
    assert len(result.paragraphs) == 1


def test_label_and_value_printed_as_two_blocks_are_joined():
    result = clean_paragraphs(
        [
            "Dinas Pertanian menyalurkan bibit padi unggul kepada kelompok tani di Garut.",
            "Penulis",
            ": Ani Lestari",
            "Editor",
            ": Budi Santoso",
        ]
    )
    assert result.fields.authors == ["Ani Lestari"]
    assert result.fields.editors == ["Budi Santoso"]
    assert len(result.paragraphs) == 1


def test_kicker_above_the_first_sentence_is_dropped():
    result = clean_paragraphs(
        [
            "FotoBisnis",
            "Dinas Pertanian menyalurkan bibit padi unggul kepada kelompok tani di Garut.",
            "Persaingan",
            "Harga gabah diperkirakan naik menjelang musim tanam berikutnya di Garut.",
        ]
    )
    # the lead label goes; a subheading inside the story stays
    assert result.paragraphs[0].startswith("Dinas Pertanian")
    assert "Persaingan" in result.paragraphs


@pytest.mark.parametrize(
    "line",
    [
        "KONTAK: humas@pemkabgarut.go.id",
        "Narahubung: Ani (0812 0000 0000)",
        "Video: https://video.wartagarut.com/123",
    ],
)
def test_press_release_contact_and_link_lines(line):
    assert is_boilerplate_line(line)


def test_table_cells_and_repeated_numbers_survive():
    cells = ["Peringkat", "1", "1", "Tim Garut", "17", "17"]
    assert clean_paragraphs(cells, indonesian=False).paragraphs == cells


def test_sentence_printed_twice_in_a_row_is_kept_once():
    sentence = "Dinas Pertanian menyalurkan bibit padi unggul kepada kelompok tani di Garut."
    assert clean_paragraphs([sentence, sentence]).paragraphs == [sentence]


def test_invisible_characters_deleted_but_emoji_joiners_kept():
    family = "Keluarga 👨\u200d👩\u200d👧 berlibur ke Garut pekan lalu bersama kerabat."
    result = clean_paragraphs(["Warga\u200b Garut\ufeff berkumpul di alun-alun kota.", family])
    assert result.paragraphs == ["Warga Garut berkumpul di alun-alun kota.", family]


def test_a_paragraph_of_only_zero_width_joiners_is_blank():
    story = "Warga Garut berkumpul di alun-alun kota untuk menyambut bupati baru."
    result = clean_paragraphs([story, "\u200d", " \u200c\u200d ", story.replace("bupati", "wakil")])
    assert result.paragraphs == [story, story.replace("bupati", "wakil")]


def test_related_link_lines_leave_text_in_any_language():
    story = "The new bridge opened to traffic on Monday after three years of building work."
    lines = [
        story,
        "Read more: Bridge closes for repairs",
        "SEE MORE: Flood waters recede in the valley",
        "DON'T MISS",
        "More than forty homes along the river were flooded last week.",  # a sentence
        "Related to the flood, the council opened two shelters.",
    ]
    result = clean_paragraphs(lines, indonesian=False)
    assert result.paragraphs == [story, lines[4], lines[5]]
    assert result.related_links == [
        "Bridge closes for repairs",
        "Flood waters recede in the valley",
    ]


@pytest.mark.parametrize(
    "line",
    [
        "The newsletter was delivered late, residents said.",
        "I also read 28 newsletters, a small subset of the newsletters I subscribe to.",
    ],
)
def test_sentences_about_newsletters_stay(line):
    assert not is_boilerplate_line(line, indonesian=False)
