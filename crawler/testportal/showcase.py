"""Hand-written showcase articles (each carries issue-3 conventions), epoch-2 changes, static pages.

All text here is invented for Warta's tests: people, quotes and events are fictional; regency names
are real places used as settings only.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from typing import Any

from crawler.testportal.blocks import (
    Dress,
    ad_inserter,
    baca,
    baca_box,
    baca_two_lines,
    caption,
    line,
    reactions,
    sharedaddy,
    strong_line,
)
from crawler.testportal.model import (
    SPLIT_NEXTPAGE,
    SPLIT_QUERY,
    Article,
    Comment,
    Person,
    SiteInfo,
    StaticPage,
    local,
)
from crawler.testportal.people import ACCOUNTS, COMMENT_TEXTS, COMMENTERS, REPORTERS

PDF_PATH = "/wp-content/uploads/2023/09/rancangan-perubahan-apbd-2023.pdf"
"""The PDF linked from the DPRD budget article (a non-HTML page a crawl meets)."""

GOOGLE_NEWS = "Cek Berita dan Artikel yang lain di Google News"
WHATSAPP = (
    "Ikuti saluran WhatsApp WartaDaerah.id untuk mendapatkan berita pilihan dan breaking news"
    " setiap hari. Klik tautan berikut, lalu tekan tombol Ikuti."
)


@dataclass(frozen=True)
class ShowcaseSpec:
    """One hand-written article: its text, how the page dresses it, and its truth fields."""

    key: str
    title: str
    when: str
    """Publication time, `YYYY-MM-DD HH:MM` local to the portal."""
    categories: tuple[str, ...]
    tags: tuple[str, ...]
    account: str
    """Posting account key (`admin`, `redaksi`, `tim-redaksi`, `wd-02`) or a reporter key."""
    dress: Dress
    paragraphs: tuple[str, ...]
    truth: dict[str, Any]
    """authors, editor, place, outlet, agency, syndicated_from (absent: None / empty)."""
    modified: str | None = None
    box: str | None = None
    """Reporter key shown in the author box."""
    jsonld: str = "yoast"
    jsonld_author: str = "account"
    conventions: tuple[str, ...] = ()
    flags: tuple[str, ...] = ()
    comments: int = 0
    page_breaks: tuple[int, ...] = ()
    """Paragraphs that open page 2, 3, … on WordPress (`Article.page_breaks`; empty: one page)."""
    split: str = ""
    """`SPLIT_NEXTPAGE` or `SPLIT_QUERY` for an article served over pages (`Article.split`)."""


_s = ShowcaseSpec

SHOWCASE: tuple[ShowcaseSpec, ...] = (
    _s(
        key="ppk-rantau-bayur-simulasi",
        title="PPK Rantau Bayur Gelar Simulasi Pemungutan Suara Pilkada Banyuasin",
        when="2024-05-31 16:20",
        modified="2024-05-31 18:05",
        categories=("Sumsel", "Politik"),
        tags=("Pilkada 2024", "Banyuasin", "KPU"),
        account="admin",
        box="rudi",
        dress=Dress(
            dateline="Banyuasin , WartaDaerah.id – ",
            inserts=((2, (baca("Baca juga: ", "narkoba-betung-diringkus"),)),),
            signoff=" (Rudi Hartono)",
        ),
        paragraphs=(
            "Panitia Pemilihan Kecamatan (PPK) Rantau Bayur menggelar simulasi pemungutan dan"
            " penghitungan suara di halaman Kantor Camat Rantau Bayur, Kamis (30/5/2024). Kegiatan"
            " ini melibatkan anggota Panitia Pemungutan Suara (PPS) dari 17 desa serta puluhan"
            " warga yang berperan sebagai pemilih.",
            "Simulasi digelar sebagai persiapan Pemilihan Kepala Daerah (Pilkada) serentak yang"
            " dijadwalkan berlangsung pada 27 November 2024 mendatang. Seluruh tahapan, mulai dari"
            " pendaftaran pemilih di meja KPPS hingga penghitungan suara di papan rekapitulasi,"
            " diperagakan secara berurutan.",
            "Ketua PPK Rantau Bayur, Sahrul Effendi, S.Pd, mengatakan simulasi bertujuan agar"
            " petugas di tingkat bawah memahami tata cara pemungutan suara yang benar. Menurutnya,"
            " kesalahan kecil di tempat pemungutan suara kerap memicu sengketa hasil.",
            "“Kami ingin setiap petugas paham betul apa yang harus dilakukan, mulai dari membuka"
            " kotak suara sampai menandatangani berita acara. Jangan sampai ada suara yang hilang"
            " karena petugas keliru,” ujar Sahrul.",
            "Kapolsek Rantau Bayur Iptu Ridwan Syahputra, S.H., yang hadir bersama sejumlah"
            " personel Bhabinkamtibmas, menyatakan pihaknya siap mengamankan seluruh tahapan"
            " Pilkada di wilayah hukumnya. Ia meminta penyelenggara segera melapor bila menemukan"
            " potensi gangguan keamanan.",
            "“Polsek Rantau Bayur akan menempatkan personel di setiap TPS. Kami juga rutin"
            " berpatroli ke desa-desa yang jaraknya jauh dari pusat kecamatan, terutama yang hanya"
            " bisa dijangkau lewat sungai,” kata Iptu Ridwan.",
            "Usai simulasi, PPK mencatat sejumlah bahan evaluasi, antara lain antrean pemilih yang"
            " menumpuk di meja pendaftaran dan lamanya proses penyalinan hasil ke formulir."
            " Evaluasi tersebut akan dibahas dalam rapat koordinasi bersama KPU Banyuasin pada"
            " Senin (3/6/2024).",
            "Sahrul berharap kerja sama antara penyelenggara, aparat keamanan, dan masyarakat terus"
            " terjaga sehingga Pilkada Banyuasin 2024 berlangsung aman, jujur, dan adil.",
        ),
        truth=dict(authors=("Rudi Hartono",), place="Banyuasin", outlet="WartaDaerah.id"),
        jsonld="yoast",
        jsonld_author="account",
        conventions=(
            "dateline `Place , Outlet –` (space before the comma, en dash)",
            "Baca juga: inside the body",
            "sign-off `(Nama)` after the last full stop",
            "posting account admin + author box with academic title and bio",
            "trap: quoted rank title `Iptu …, S.H.`",
            "trap: dates inside the text `Kamis (30/5/2024)`",
            "syndicated verbatim by the second portal",
        ),
        comments=2,
    ),
    _s(
        key="banjir-bandang-tarogong-kidul",
        title="Banjir Bandang Terjang Tarogong Kidul, Ratusan Rumah Terendam",
        when="2024-05-31 07:45",
        modified="2024-05-31 12:30",
        categories=("Jabar", "Peristiwa"),
        tags=("Banjir", "Garut", "BPBD"),
        account="asep",
        box="asep",
        dress=Dress(
            dateline="GARUT, WARTADAERAH.ID — ",
            inserts=(
                (
                    0,
                    (
                        caption(
                            "Petugas BPBD membantu warga melewati genangan di Tarogong Kidul,"
                            " Jumat (31/5/2024). (Foto: Dok. BPBD Garut)"
                        ),
                    ),
                ),
                (
                    3,
                    (
                        baca("BACA JUGA:", "banjir-indralaya-kelekar"),
                        baca("BACA JUGA:", "longsor-jalan-pagar-alam"),
                    ),
                ),
            ),
        ),
        paragraphs=(
            "Hujan deras yang mengguyur wilayah Garut sejak Kamis sore memicu banjir bandang di"
            " Kecamatan Tarogong Kidul. Sedikitnya 312 rumah di tiga kelurahan terendam air"
            " bercampur lumpur setinggi 50 sentimeter hingga satu meter.",
            "Air mulai naik sekitar pukul 21.00 WIB setelah Sungai Cimanuk dan anak sungainya"
            " meluap. Warga yang panik berusaha menyelamatkan barang berharga dan mengungsikan"
            " anak-anak serta lansia ke masjid terdekat.",
            "Kepala Pelaksana BPBD Garut, Dadang Suryana, mengatakan pihaknya menerjunkan 45"
            " personel beserta dua perahu karet untuk membantu evakuasi. Hingga Jumat (31/5/2024)"
            " pagi, tercatat 146 warga masih bertahan di lokasi pengungsian sementara.",
            "“Tidak ada korban jiwa. Fokus kami sekarang memastikan kebutuhan dasar pengungsi"
            " terpenuhi, terutama air bersih, makanan siap saji, dan selimut,” kata Dadang saat"
            " ditemui di posko pengungsian.",
            "Menurut Dadang, banjir kali ini dipicu curah hujan ekstrem di kawasan hulu. Selain"
            " itu, penyempitan aliran sungai akibat tumpukan sampah dan bangunan di bantaran"
            " memperparah luapan air.",
            "Warga Kelurahan Sukagalih, Euis Komariah (52), mengaku baru pertama kali rumahnya"
            " terendam setinggi pinggang. Ia berharap pemerintah segera membersihkan saluran air di"
            " sekitar permukiman agar kejadian serupa tidak terulang.",
            "BPBD mengimbau warga yang tinggal di sepanjang bantaran sungai tetap waspada karena"
            " prakiraan cuaca menunjukkan hujan lebat masih berpotensi terjadi hingga sepekan ke"
            " depan.",
        ),
        truth=dict(authors=("Asep Saepul Rohman",), place="Garut", outlet="WARTADAERAH.ID"),
        jsonld="plain",
        jsonld_author="site",
        conventions=(
            "dateline `PLACE, OUTLET —` (em dash)",
            "`BACA JUGA:Judul` with no space, twice in a row",
            "caption with a credit `(Foto: …)`",
            "byline is the reporter's own account (display name with academic title)",
            "trap: JSON-LD names the site as author",
            "split over 3 pages (3+2+2 paragraphs) by WordPress `<!--nextpage-->`: `/slug/2/`,"
            " `/slug/3/`, `wp_link_pages()` links",
        ),
        page_breaks=(3, 5),
        split=SPLIT_NEXTPAGE,
    ),
    _s(
        key="longsor-jalan-pagar-alam",
        title="Longsor Tutup Jalan Lintas Pagar Alam-Lahat, Kendaraan Dialihkan",
        when="2024-03-12 11:10",
        categories=("Sumsel", "Peristiwa"),
        tags=("Longsor", "Pagar Alam", "Jalan Nasional"),
        account="admin",
        dress=Dress(
            dateline="Pagar Alam, WartaDaerah.id - ",
            inserts=((2, (baca("Baca Juga  ", "jembatan-gantung-lahat", bold=False),)),),
            signoff=" (Hendri Saputra)",
            after=(
                line("Editor: Bambang Irawan", "editor"),
                strong_line(GOOGLE_NEWS, "prompt"),
                line("Sumber:", "prompt"),
            ),
        ),
        paragraphs=(
            "Tanah longsor menimbun badan jalan lintas Pagar Alam-Lahat di kawasan Tebing Tinggi,"
            " Kecamatan Dempo Selatan, Selasa (12/3/2024) dini hari. Material tanah dan batu"
            " menutup hampir seluruh lebar jalan sepanjang kurang lebih 30 meter.",
            "Akibatnya, arus kendaraan dari dua arah terhenti selama beberapa jam. Antrean truk"
            " pengangkut sayur dan batu bara mengular hingga dua kilometer sebelum petugas membuka"
            " jalur alternatif melalui Desa Sumber Jaya.",
            "Kepala Dinas Pekerjaan Umum dan Penataan Ruang Kota Pagar Alam, Ir. Syamsul Bahri,"
            " mengatakan dua unit alat berat telah dikerahkan untuk menyingkirkan material longsor."
            " Ia memperkirakan jalan bisa kembali dilalui satu lajur pada sore hari.",
            "“Tebingnya labil karena hujan turun hampir setiap hari sejak awal bulan. Kami minta"
            " pengendara tidak memaksakan diri melintas saat hujan deras – terutama pada malam"
            " hari – karena longsor susulan masih mungkin terjadi,” ujar Syamsul.",
            "Satlantas Polres Pagar Alam menempatkan personel di kedua ujung lokasi longsor untuk"
            " mengatur lalu lintas secara buka-tutup. Pengendara sepeda motor diarahkan melewati"
            " jalan desa yang lebih sempit namun aman.",
            "Warga setempat, Herman (47), menyebut titik tersebut hampir setiap musim hujan"
            " mengalami longsor kecil. Ia berharap pemerintah membangun dinding penahan tanah"
            " secara permanen.",
        ),
        truth=dict(
            authors=("Hendri Saputra",),
            editor="Bambang Irawan",
            place="Pagar Alam",
            outlet="WartaDaerah.id",
        ),
        jsonld="both",
        conventions=(
            "dateline `Place, Outlet -` (hyphen)",
            "`Baca Juga  Judul` with no colon",
            "Google News line followed by an empty `Sumber:`",
            "`Editor:` line",
            "trap: an en dash later in the story",
        ),
        comments=1,
    ),
    _s(
        key="dprd-muara-enim-apbd-perubahan",
        title="Pembahasan APBD Perubahan Muara Enim Alot, Dua Fraksi Walk Out",
        when="2023-09-14 15:40",
        modified="2023-09-15 08:12",
        categories=("Sumsel", "Politik", "Pemerintahan"),
        tags=("DPRD", "APBD", "Muara Enim"),
        account="admin",
        box="dedi",
        dress=Dress(
            dateline="Muara Enim, WartaDaerah.id -- ",
            inserts=((3, (baca("BACA JUGA : ", "pelantikan-pejabat-palembang"),)),),
            signoff="(Dedi Kurniawan)",
            after=(line("Editor: Yusuf Effendi", "editor"),),
            inline_links=((2, "laman resmi DPRD", PDF_PATH),),
        ),
        paragraphs=(
            "Rapat paripurna DPRD Kabupaten Muara Enim yang membahas Rancangan Peraturan Daerah"
            " tentang Perubahan APBD Tahun Anggaran 2023 berlangsung alot, Kamis (14/9/2023). Dua"
            " fraksi memilih meninggalkan ruang sidang sebelum rapat ditutup.",
            "Perdebatan dipicu usulan pemerintah daerah untuk menggeser anggaran perbaikan jalan"
            " kabupaten senilai Rp 18,4 miliar ke pos belanja lain. Sejumlah anggota dewan menilai"
            " pergeseran itu mengorbankan kebutuhan mendesak warga di wilayah pedalaman.",
            "Ketua Fraksi Persatuan Pembangunan, H. Zulkarnain, S.E., mengatakan fraksinya tidak"
            " dapat menyetujui rancangan tersebut sebelum ada penjelasan rinci dari Tim Anggaran"
            " Pemerintah Daerah (TAPD). Rincian rancangan sebenarnya sudah diunggah di laman resmi"
            " DPRD, namun menurutnya belum menjawab pertanyaan dewan.",
            "“Jalan di Kecamatan Lubai dan Rambang Niru rusak parah, anak sekolah harus berjalan"
            " kaki berkilo-kilo. Anggarannya malah dipotong. Ini yang kami tolak,” tegas"
            " Zulkarnain.",
            "Sementara itu, Sekretaris Daerah Muara Enim selaku Ketua TAPD, Drs. Hasanudin, M.Si,"
            " menjelaskan pergeseran anggaran dilakukan karena sebagian paket pekerjaan jalan tidak"
            " mungkin rampung sebelum akhir tahun. Dana tersebut, katanya, akan dianggarkan kembali"
            " pada APBD murni 2024.",
            "Rapat akhirnya diskors dan dijadwalkan kembali pada pekan depan setelah pimpinan dewan"
            " menggelar rapat konsultasi dengan seluruh ketua fraksi.",
        ),
        truth=dict(
            authors=("Dedi Kurniawan",),
            editor="Yusuf Effendi",
            place="Muara Enim",
            outlet="WartaDaerah.id",
        ),
        jsonld="yoast",
        jsonld_author="editor",
        conventions=(
            "dateline `Place, Outlet --` (double hyphen)",
            "`BACA JUGA :` (space before the colon)",
            "sign-off glued to the last full stop `ketua fraksi.(Nama)`",
            "trap: JSON-LD names the editor as author",
            "links a PDF (non-HTML page)",
        ),
        flags=("pdf-link",),
        comments=3,
    ),
    _s(
        key="panen-raya-ogan-ilir",
        title="Panen Raya di Ogan Ilir, Produktivitas Padi Naik Jadi 6,2 Ton per Hektare",
        when="2023-04-05 10:25",
        categories=("Sumsel", "Pertanian"),
        tags=("Panen Raya", "Ogan Ilir", "Padi"),
        account="admin",
        dress=Dress(
            dateline="WARTADAERAH.ID | OGAN ILIR – ",
            signoff=" (Novi/WD)",
            after=(line("Edtor : Ratna Sari Dewi", "editor"),),
        ),
        paragraphs=(
            "Pemerintah Kabupaten Ogan Ilir bersama kelompok tani menggelar panen raya padi di Desa"
            " Tanjung Pering, Kecamatan Indralaya Utara, Rabu (5/4/2023). Panen dilakukan di"
            " hamparan sawah seluas 120 hektare yang tahun ini menggunakan benih unggul bantuan"
            " pemerintah.",
            "Berdasarkan ubinan yang dilakukan petugas penyuluh, produktivitas padi di lokasi"
            " tersebut mencapai 6,2 ton gabah kering panen per hektare. Angka itu naik dibandingkan"
            " musim tanam sebelumnya yang hanya sekitar 4,8 ton per hektare.",
            "Kepala Dinas Pertanian Ogan Ilir, Ir. Muhammad Rasyid, M.P., menyebut kenaikan hasil"
            " panen tidak lepas dari perbaikan saluran irigasi tersier serta pendampingan penyuluh"
            " sejak masa tanam.",
            "“Petani sekarang sudah menanam serempak dan memakai pupuk berimbang. Hasilnya"
            " kelihatan, bulirnya lebih bernas dan serangan hama berkurang,” kata Rasyid di sela"
            " panen.",
            "Ketua Kelompok Tani Sido Makmur, Suparno (58), berharap harga gabah tetap stabil"
            " setelah panen raya. Ia menyebut harga di tingkat petani saat ini berkisar Rp 5.900"
            " hingga Rp 6.100 per kilogram.",
            "Pemerintah kabupaten menargetkan produksi padi Ogan Ilir tahun ini mencapai 210 ribu"
            " ton gabah kering giling untuk mendukung ketahanan pangan Sumatera Selatan.",
        ),
        truth=dict(
            authors=("Novi",), editor="Ratna Sari Dewi", place="Ogan Ilir", outlet="WARTADAERAH.ID"
        ),
        jsonld="plain",
        conventions=(
            "dateline `OUTLET | PLACE –` (outlet first, pipe)",
            "sign-off with an outlet code `(Nama/WD)`",
            "misspelt label `Edtor : Nama`",
            "split over 2 pages (3+3 paragraphs) by a `?page=N` pager (`div.paging`, Selanjutnya);"
            " sign-off and editor line close page 2",
        ),
        page_breaks=(3,),
        split=SPLIT_QUERY,
    ),
    _s(
        key="bansos-beras-musi-rawas",
        title="Ribuan Keluarga di Musi Rawas Terima Bantuan Beras 10 Kilogram",
        when="2023-12-18 13:00",
        categories=("Sumsel", "Sosial"),
        tags=("Bansos", "Musi Rawas", "Bantuan Pangan"),
        account="redaksi",
        dress=Dress(
            dateline="Musi Rawas | ",
            inserts=((1, (baca("Baca: ", "panen-raya-ogan-ilir", "harga-cabai-prabumulih"),)),),
            after=(line("Penulis ; Fajar Ramadhan", "byline"),),
        ),
        paragraphs=(
            "Sebanyak 8.426 keluarga penerima manfaat di Kabupaten Musi Rawas mulai menerima"
            " bantuan pangan berupa beras 10 kilogram, Senin (18/12/2023). Penyaluran tahap pertama"
            " dipusatkan di Kantor Pos Cabang Muara Beliti.",
            "Penyaluran dilakukan bertahap di 14 kecamatan dengan melibatkan petugas kantor pos,"
            " pendamping sosial, serta perangkat desa. Warga yang datang wajib membawa undangan dan"
            " kartu identitas agar bantuan tepat sasaran.",
            "Kepala Dinas Sosial Musi Rawas, Hj. Rosmala Dewi, S.Sos., mengatakan bantuan tersebut"
            " diharapkan meringankan beban warga menjelang akhir tahun saat harga kebutuhan pokok"
            " cenderung naik.",
            "“Kalau ada warga yang merasa layak tetapi belum terdata, silakan melapor ke desa. Data"
            " akan kami verifikasi ulang untuk penyaluran berikutnya,” ujar Rosmala.",
            "Salah seorang penerima, Marlina (39), warga Desa Air Beliti, mengaku bersyukur karena"
            " beras bantuan cukup untuk kebutuhan keluarganya selama dua pekan.",
        ),
        truth=dict(authors=("Fajar Ramadhan",), place="Musi Rawas"),
        jsonld="yoast",
        conventions=(
            "dateline `Place |` (place and pipe, no outlet)",
            "`Baca:` with two titles on one line joined by `dan`",
            "label `Penulis ; Nama` (semicolon)",
            "posting account Redaksi",
        ),
    ),
    _s(
        key="curanmor-palembang-dibekuk",
        title="Polisi Bekuk Komplotan Curanmor yang Beraksi di 12 Lokasi di Palembang",
        when="2022-08-09 14:55",
        categories=("Sumsel", "Hukum & Kriminal"),
        tags=("Curanmor", "Palembang", "Polrestabes"),
        account="redaksi",
        dress=Dress(
            dateline="Palembang # WartaDaerah.id _ ",
            after=(
                line("Penulis : Yoga Pratama", "byline"),
                line("Editor: Hendra Gunawan", "editor"),
            ),
        ),
        paragraphs=(
            "Satuan Reserse Kriminal Polrestabes Palembang membekuk tiga pria yang diduga kerap"
            " mencuri sepeda motor di sejumlah kawasan permukiman, Senin (8/8/2022) malam."
            " Komplotan ini diduga telah beraksi di sedikitnya 12 lokasi sejak awal tahun.",
            "Ketiga tersangka berinisial AR (27), MS (31), dan DN (24) ditangkap di sebuah rumah"
            " kontrakan di Kecamatan Kertapati. Dari tangan mereka, polisi menyita lima unit sepeda"
            " motor, sejumlah kunci letter T, dan dua telepon genggam.",
            "Kasat Reskrim Polrestabes Palembang Kompol Heru Wibowo, S.I.K., mengatakan para pelaku"
            " biasanya mengincar sepeda motor yang diparkir di teras rumah pada dini hari. Mereka"
            " hanya butuh waktu kurang dari satu menit untuk membobol kunci kontak.",
            "“Motor hasil curian dijual ke luar kota dengan harga murah, antara Rp 2 juta sampai"
            " Rp 4 juta. Kami masih memburu penadahnya,” ujar Kompol Heru saat konferensi pers,"
            " Selasa (9/8/2022).",
            "Atas perbuatannya, para tersangka dijerat Pasal 363 KUHP tentang pencurian dengan"
            " pemberatan dengan ancaman hukuman maksimal tujuh tahun penjara.",
            "Polisi mengimbau warga memasang kunci ganda dan memarkir kendaraan di dalam rumah atau"
            " area yang diterangi lampu pada malam hari.",
        ),
        truth=dict(
            authors=("Yoga Pratama",),
            editor="Hendra Gunawan",
            place="Palembang",
            outlet="WartaDaerah.id",
        ),
        jsonld="yoast",
        conventions=(
            "dateline `Place # Outlet _` (hash and underscore)",
            "`Penulis :` and `Editor:` in one article (different spacing)",
            "trap: quoted rank title `Kompol …, S.I.K.`",
        ),
        comments=2,
    ),
    _s(
        key="imunisasi-polio-oku",
        title="Cakupan Imunisasi Polio di OKU Capai 94 Persen",
        when="2022-11-24 09:30",
        categories=("Sumsel", "Kesehatan"),
        tags=("Imunisasi", "Polio", "OKU"),
        account="admin",
        dress=Dress(
            above=(line("Author : WAHYU NUGROHO", "byline"),),
            dateline="BATURAJA: ",
        ),
        paragraphs=(
            "Dinas Kesehatan Kabupaten Ogan Komering Ulu (OKU) mencatat cakupan Sub Pekan Imunisasi"
            " Nasional (PIN) Polio telah mencapai 94 persen dari total sasaran. Sebanyak 41.250"
            " anak usia 0 hingga 7 tahun telah menerima dua tetes vaksin polio.",
            "Kepala Dinas Kesehatan OKU, dr. Fitri Handayani, M.Kes, mengatakan capaian tersebut"
            " diperoleh berkat keterlibatan kader posyandu, sekolah, dan tokoh agama dalam mengajak"
            " orang tua membawa anaknya ke pos imunisasi.",
            "“Masih ada sekitar enam persen anak yang belum terjangkau, kebanyakan di desa-desa yang"
            " jauh. Tim kami akan menyisir dari rumah ke rumah sampai akhir bulan,” kata Fitri,"
            " Kamis (24/11/2022).",
            "Ia menegaskan vaksin polio aman dan halal. Efek samping yang mungkin muncul, seperti"
            " demam ringan, biasanya hilang dalam satu hingga dua hari.",
            "Salah seorang ibu di Kelurahan Sukaraya, Rina Marlina (31), mengaku sempat ragu namun"
            " akhirnya membawa kedua anaknya setelah mendapat penjelasan dari bidan desa.",
        ),
        truth=dict(authors=("Wahyu Nugroho",), place="Baturaja"),
        jsonld="plain",
        jsonld_author="account",
        conventions=(
            "dateline `PLACE:` (colon)",
            "byline above the story `Author : NAMA` (upper case; truth is title-cased)",
        ),
    ),
    _s(
        key="siswi-sekayu-medali-emas-osn",
        title="Siswi SMA di Sekayu Raih Medali Emas Olimpiade Sains Nasional",
        when="2023-08-21 16:15",
        categories=("Sumsel", "Pendidikan"),
        tags=("Olimpiade Sains", "Musi Banyuasin", "Prestasi"),
        account="admin",
        dress=Dress(
            above=(line("Jurnalis: Siti Rahmawati", "byline"),),
            dateline="SEKAYU; ",
            inserts=((2, (baca("Simak juga: ", "porprov-sepak-bola-pagar-alam"),)),),
            signoff=" (sr)",
            after=(
                line("Menulis untuk mencerahkan, bukan memecah belah.", "trailer"),
                line("pendidikan prestasi olimpiade", "trailer"),
                line("Siti Rahmawati Siti Rahmawati", "trailer"),
            ),
        ),
        paragraphs=(
            "Nadia Putri Ramadhani, siswi kelas XI SMA Negeri 2 Sekayu, Kabupaten Musi Banyuasin,"
            " meraih medali emas bidang kimia pada Olimpiade Sains Nasional (OSN) tingkat SMA yang"
            " digelar pekan lalu.",
            "Nadia menyisihkan ratusan peserta dari 38 provinsi. Ia mengaku mempersiapkan diri"
            " selama hampir setahun dengan berlatih soal bersama guru pembimbing setiap pulang"
            " sekolah.",
            "“Awalnya saya tidak menyangka bisa lolos ke tingkat nasional. Saya ingin membuktikan"
            " anak daerah juga bisa bersaing,” kata Nadia saat disambut di sekolahnya, Senin"
            " (21/8/2023).",
            "Kepala SMA Negeri 2 Sekayu, Drs. Abdul Muis, M.Pd., menyebut prestasi tersebut menjadi"
            " yang pertama bagi sekolahnya di ajang OSN. Pihak sekolah berencana membuka kelas"
            " pembinaan olimpiade bagi adik-adik kelas Nadia.",
            "Pemerintah Kabupaten Musi Banyuasin melalui Dinas Pendidikan memberikan beasiswa"
            " kepada Nadia hingga lulus kuliah sebagai bentuk apresiasi.",
        ),
        truth=dict(authors=("Siti Rahmawati",), place="Sekayu", agency="sr"),
        jsonld="yoast",
        conventions=(
            "dateline `PLACE;` (semicolon)",
            "byline above the story `Jurnalis: Nama`",
            "`Simak juga:`",
            "text after the sign-off: author-box motto, tag words, the author's name repeated",
        ),
    ),
    _s(
        key="porprov-sepak-bola-pagar-alam",
        title="Tim Sepak Bola Pagar Alam Melaju ke Final Porprov Sumsel",
        when="2023-11-09 20:40",
        categories=("Sumsel", "Olahraga"),
        tags=("Porprov", "Sepak Bola", "Pagar Alam"),
        account="admin",
        dress=Dress(
            above=(
                line("Penulis: Dedi Kurniawan dan Fajar Ramadhan | Editor: Mega Puspita", "byline"),
            ),
            dateline="WARTA DAERAH,PAGAR ALAM, ",
            after=(sharedaddy(),),
        ),
        paragraphs=(
            "Tim sepak bola Kota Pagar Alam memastikan satu tiket ke partai final Pekan Olahraga"
            " Provinsi (Porprov) Sumatera Selatan setelah menundukkan Lubuklinggau dengan skor 2-1"
            " di Stadion Petanang, Kamis (9/11/2023) sore.",
            "Pagar Alam sempat tertinggal lebih dulu lewat gol sundulan pemain Lubuklinggau pada"
            " menit ke-23. Gol penyeimbang dicetak Rizki Aditya melalui tendangan bebas menjelang"
            " turun minum.",
            "Di babak kedua, Pagar Alam tampil lebih menekan. Gol kemenangan lahir pada menit ke-78"
            " ketika Bayu Saputra memanfaatkan umpan silang dari sisi kanan pertahanan lawan.",
            "Pelatih Pagar Alam, Syahrial, mengaku puas dengan mental bertanding anak asuhnya."
            " “Kami tertinggal, tapi pemain tidak panik. Mereka disiplin menjalankan instruksi,”"
            " ujarnya.",
            "Di final, Pagar Alam akan menghadapi pemenang laga antara Palembang dan Musi Banyuasin"
            " yang digelar Jumat (10/11/2023).",
        ),
        truth=dict(
            authors=("Dedi Kurniawan", "Fajar Ramadhan"),
            editor="Mega Puspita",
            place="Pagar Alam",
            outlet="WARTA DAERAH",
        ),
        jsonld="yoast",
        conventions=(
            "dateline with commas only `OUTLET,PLACE,`",
            "byline above the story `Penulis: X dan Y | Editor: Z` (two authors)",
            "`Share:` block (Jetpack) inside the content",
        ),
        comments=4,
    ),
    _s(
        key="stunting-lubuklinggau-turun",
        title="Angka Stunting di Lubuklinggau Turun, Pemkot Perluas Program Dapur Sehat",
        when="2024-02-27 11:45",
        categories=("Sumsel", "Kesehatan"),
        tags=("Stunting", "Lubuklinggau", "Posyandu"),
        account="admin",
        dress=Dress(
            above=(line("Laporan Wartawan WartaDaerah.id, Maulana Yusuf", "byline"),),
            dateline="Lubuklinggau, WartaDaerah.id.- ",
            inserts=((2, (baca("Lihat juga: ", "imunisasi-polio-oku"),)),),
            after=(strong_line("Leave a Reply", "prompt"),),
        ),
        paragraphs=(
            "Prevalensi stunting di Kota Lubuklinggau turun dari 18,6 persen pada 2022 menjadi 14,1"
            " persen pada akhir 2023. Pemerintah kota kini memperluas program Dapur Sehat Atasi"
            " Stunting (Dashat) ke seluruh kelurahan.",
            "Kepala Dinas Kesehatan Lubuklinggau, dr. Hendra Kusuma, mengatakan penurunan tersebut"
            " merupakan hasil kerja bersama puskesmas, kader posyandu, dan tim pendamping"
            " keluarga.",
            "“Kami tidak hanya membagikan makanan tambahan, tetapi juga mengajari ibu-ibu cara"
            " memasak menu bergizi dengan bahan lokal yang murah,” kata Hendra, Selasa"
            " (27/2/2024).",
            "Tahun ini, Dashat ditargetkan menjangkau 72 kelurahan dengan sasaran utama ibu hamil,"
            " ibu menyusui, dan balita dari keluarga berisiko stunting.",
            "Pemerintah kota juga menggandeng perguruan tinggi untuk memantau tumbuh kembang balita"
            " secara berkala melalui aplikasi pencatatan di posyandu.",
        ),
        truth=dict(authors=("Maulana Yusuf",), place="Lubuklinggau", outlet="WartaDaerah.id"),
        jsonld="both",
        conventions=(
            "dateline with a trailing `.-` (`Place, Outlet.-`)",
            "byline above the story `Laporan Wartawan Outlet, Nama`",
            "`Lihat juga:`",
            "`Leave a Reply` after the story",
        ),
    ),
    _s(
        key="harga-cabai-prabumulih",
        title="Harga Cabai Merah di Pasar Prabumulih Tembus Rp 80 Ribu per Kilogram",
        when="2024-06-01 08:10",
        categories=("Sumsel", "Ekonomi"),
        tags=("Harga Cabai", "Prabumulih", "Inflasi"),
        account="admin",
        dress=Dress(
            dateline="Prabumulih.WartaDaerah.id,- ",
            signoff="#yoga",
            after=(line("Reporter : Yoga Pratama", "byline"), reactions()),
        ),
        paragraphs=(
            "Harga cabai merah keriting di Pasar Inpres Prabumulih melonjak hingga Rp 80.000 per"
            " kilogram dalam sepekan terakhir. Sebelumnya, harga komoditas tersebut masih berada di"
            " kisaran Rp 45.000 per kilogram.",
            "Pedagang menyebut kenaikan harga terjadi karena pasokan dari sentra produksi di Pagar"
            " Alam dan Curup berkurang akibat cuaca yang tidak menentu.",
            "“Barangnya sedikit, jadi harganya naik terus. Pembeli banyak yang mengurangi belanja,"
            " biasanya satu kilo sekarang cuma setengah,” kata Yuliana (44), pedagang sayur, Sabtu"
            " (1/6/2024).",
            "Kepala Dinas Perdagangan Prabumulih, Ahmad Fauzan, S.E., M.M., mengatakan pihaknya"
            " akan menggelar operasi pasar murah bersama Bulog dan distributor untuk menekan"
            " harga.",
            "Ia juga mengimbau warga tidak panik membeli dan memanfaatkan pekarangan untuk menanam"
            " cabai sendiri sambil menunggu harga kembali normal..",
        ),
        truth=dict(authors=("Yoga Pratama",), place="Prabumulih", outlet="WartaDaerah.id"),
        jsonld="yoast",
        conventions=(
            "dateline: place run into the outlet `Place.Outlet,-`",
            "hashtag sign-off glued after `..` (`normal..#yoga`; the `..` stays in the body)",
            "label `Reporter : Nama`",
            "`What's Your Reaction?` widget",
        ),
        comments=1,
    ),
    _s(
        key="kejari-muba-dana-desa",
        title="Kejari Musi Banyuasin Ingatkan Kades Soal Pengelolaan Dana Desa",
        when="2022-03-16 10:05",
        categories=("Sumsel", "Hukum & Kriminal", "Pemerintahan"),
        tags=("Dana Desa", "Kejaksaan", "Musi Banyuasin"),
        account="admin",
        dress=Dress(
            dateline="<strong>WartaDaerah.id</strong>-",
            signoff=" /red/",
            after=(line("Pewarta: Agus Salim Harahap", "byline"), line(WHATSAPP, "prompt")),
        ),
        paragraphs=(
            "Kepala Kejaksaan Negeri Musi Banyuasin mengumpulkan 227 kepala desa dalam sosialisasi"
            " pencegahan penyimpangan dana desa di Gedung Serba Guna Sekayu, Rabu (16/3/2022).",
            "Dalam paparannya, Kepala Seksi Intelijen Kejari Musi Banyuasin, Riza Pahlevi, S.H.,"
            " M.H., mengungkapkan sebagian besar perkara dana desa bermula dari pencatatan belanja"
            " yang tidak tertib dan pekerjaan fisik yang tidak sesuai rencana anggaran.",
            "“Kami tidak ingin ada kepala desa yang berurusan dengan hukum hanya karena salah"
            " administrasi. Kalau ragu, silakan konsultasi, pintu kami terbuka,” ujar Riza.",
            "Kejari juga memperkenalkan layanan Jaksa Jaga Desa, yakni pendampingan hukum bagi"
            " pemerintah desa dalam merencanakan dan melaksanakan kegiatan yang dibiayai dana"
            " desa.",
            "Salah seorang peserta, Kepala Desa Sido Rejo, Mulyadi, menilai sosialisasi semacam ini"
            " perlu digelar rutin karena aturan pengelolaan keuangan desa kerap berubah.",
        ),
        truth=dict(authors=("Agus Salim Harahap",), outlet="WartaDaerah.id", agency="red"),
        jsonld="plain",
        conventions=(
            "dateline glued to the first word `Outlet-Kepala`",
            "sign-off `/red/`",
            "label `Pewarta: Nama`",
            "WhatsApp channel prompt",
        ),
    ),
    _s(
        key="jembatan-gantung-lahat",
        title="Bupati Lahat Tinjau Jembatan Gantung yang Putus Diterjang Arus Sungai",
        when="2022-01-19 13:20",
        categories=("Sumsel", "Pemerintahan", "Peristiwa"),
        tags=("Jembatan", "Lahat", "Infrastruktur"),
        account="redaksi",
        dress=Dress(
            dateline="Lahat-",
            inserts=((3, (baca("BACA ARTIKEL LAINNYA... ", "longsor-jalan-pagar-alam"),)),),
            signoff=" (hds/bi)",
            after=(line("Redaktur: Bambang Irawan", "editor"), line("0 Komentar", "prompt")),
        ),
        paragraphs=(
            "Bupati Lahat meninjau jembatan gantung penghubung Desa Tanjung Sirih dan Desa Karang"
            " Endah yang putus diterjang arus Sungai Lematang, Rabu (19/1/2022). Jembatan sepanjang"
            " 86 meter itu selama ini menjadi satu-satunya akses warga menuju sekolah dan pasar.",
            "Sejak jembatan putus, warga terpaksa menyeberang menggunakan perahu kayu dengan tarif"
            " Rp 5.000 sekali jalan. Saat debit air tinggi, penyeberangan dihentikan karena"
            " berisiko.",
            "Di lokasi, bupati memerintahkan dinas terkait segera membangun jembatan darurat dari"
            " rangka baja. Ia juga meminta camat mendata anak sekolah yang terdampak agar bisa"
            " dicarikan solusi sementara.",
            "“Ini akses vital. Dalam dua minggu jembatan darurat harus bisa dilewati, setelah itu"
            " kita anggarkan jembatan permanen,” ujarnya.",
            "Kepala Desa Tanjung Sirih, Rusdi, menyampaikan terima kasih atas respons cepat"
            " pemerintah kabupaten. Menurutnya, warga siap bergotong royong membantu pembangunan"
            " jembatan darurat.",
        ),
        truth=dict(editor="Bambang Irawan", place="Lahat", agency="hds/bi"),
        jsonld="yoast",
        jsonld_author="site",
        conventions=(
            "dateline: place glued to the first word `Lahat-Bupati`",
            "`BACA ARTIKEL LAINNYA...`",
            "initials sign-off `(hds/bi)`",
            "label `Redaktur: Nama`",
            "`0 Komentar` after the story",
        ),
    ),
    _s(
        key="kebakaran-rumah-panggung-empat-lawang",
        title="Tiga Rumah Panggung di Empat Lawang Ludes Terbakar",
        when="2021-10-07 22:10",
        categories=("Sumsel", "Peristiwa"),
        tags=("Kebakaran", "Empat Lawang"),
        account="redaksi",
        dress=Dress(
            dateline="<strong>wartadaerah.id</strong><strong>EMPAT LAWANG</strong>",
            signoff=" **",
            after=(
                line("Penyunting: Mega Puspita", "editor"),
                line("Copyright © 2021 WartaDaerah.id. All Rights Reserved.", "trailer"),
            ),
        ),
        paragraphs=(
            "Tiga rumah panggung di Desa Muara Pinang Lama, Kecamatan Muara Pinang, ludes terbakar,"
            " Kamis (7/10/2021) sore. Api diduga berasal dari tungku dapur salah satu rumah yang"
            " ditinggal pemiliknya ke kebun.",
            "Warga berusaha memadamkan api dengan peralatan seadanya sebelum satu unit mobil"
            " pemadam kebakaran tiba sekitar 40 menit kemudian. Jarak lokasi yang cukup jauh dari"
            " pos pemadam membuat api cepat merambat ke rumah di sebelahnya.",
            "Kapolsek Muara Pinang AKP Darmawan Sitorus membenarkan peristiwa tersebut. Ia"
            " memastikan tidak ada korban jiwa, namun kerugian ditaksir mencapai Rp 450 juta.",
            "“Rumahnya berbahan kayu dan saling berdekatan, jadi api cepat sekali membesar. Kami"
            " masih menyelidiki penyebab pastinya,” kata AKP Darmawan.",
            "Para korban untuk sementara menumpang di rumah kerabat. Pemerintah desa bersama warga"
            " membuka posko bantuan untuk mengumpulkan pakaian dan bahan makanan.",
        ),
        truth=dict(
            editor="Mega Puspita", place="Empat Lawang", outlet="wartadaerah.id", agency="**"
        ),
        jsonld="plain",
        conventions=(
            "dateline: outlet run into the place and the first word with no space"
            " (`outletPLACETiga`)",
            "end mark `**` (kept as the agency tag, like `(*)`)",
            "label `Penyunting: Nama`",
            "copyright line inside the content",
            "trap: quoted rank title `AKP …`",
        ),
    ),
    _s(
        key="banjir-indralaya-kelekar",
        title="Luapan Sungai Kelekar Rendam Permukiman Warga Indralaya",
        when="2024-05-30 19:05",
        categories=("Sumsel", "Peristiwa"),
        tags=("Banjir", "Ogan Ilir", "Indralaya"),
        account="admin",
        box="hendri",
        dress=Dress(
            dateline="INDRALAYA, WartaDaerah.id –",
            dateline_own_line=True,
            inserts=(
                (1, baca_two_lines("Baca Juga :", "banjir-bandang-tarogong-kidul")),
                (2, (ad_inserter(),)),
            ),
            after=(line("(Hendri Saputra)", "signoff"),),
        ),
        paragraphs=(
            "Ratusan rumah di Kelurahan Indralaya Mulya dan Indralaya Raya, Kabupaten Ogan Ilir,"
            " terendam banjir setelah Sungai Kelekar meluap akibat hujan deras sejak Rabu"
            " (29/5/2024) malam.",
            "Ketinggian air di permukiman warga bervariasi antara 40 sentimeter hingga satu meter."
            " Sejumlah ruas jalan lingkungan tidak dapat dilalui kendaraan roda dua.",
            "Tim gabungan BPBD, TNI, dan Polri mengevakuasi warga lanjut usia dan anak-anak"
            " menggunakan perahu karet menuju posko pengungsian di gedung sekolah dasar terdekat.",
            "Kepala BPBD Ogan Ilir, Drs. Azwar Anas, mengatakan pihaknya telah mendirikan dapur umum"
            " untuk memenuhi kebutuhan makan para pengungsi. “Kami siagakan personel 24 jam karena"
            " hujan diperkirakan masih turun,” katanya.",
            "Warga berharap pemerintah segera menormalisasi Sungai Kelekar yang dinilai makin"
            " dangkal akibat sedimentasi.",
        ),
        truth=dict(authors=("Hendri Saputra",), place="Indralaya", outlet="WartaDaerah.id"),
        jsonld="yoast",
        conventions=(
            "dateline on a line of its own",
            "`Baca Juga :` marker on one line, the linked title on the next",
            "`ADVERTISEMENT` / `SCROLL TO RESUME CONTENT` inside the body",
            "sign-off `(Nama)` on its own line",
        ),
        comments=2,
    ),
    _s(
        key="pelantikan-pejabat-palembang",
        title="Wali Kota Palembang Lantik 40 Pejabat Administrator dan Pengawas",
        when="2023-02-02 15:00",
        categories=("Sumsel", "Pemerintahan"),
        tags=("Pelantikan", "Palembang", "ASN"),
        account="wd-02",
        dress=Dress(
            dateline="WARTADAERAH.ID, PALEMBANG – ",
            inserts=((1, (line("ADVERTISEMENT", "ad"),)),),
            signoff=" (rhd/ags)",
        ),
        paragraphs=(
            "Wali Kota Palembang melantik 40 pejabat administrator dan pengawas di lingkungan"
            " Pemerintah Kota Palembang di Ruang Parameswara, Kamis (2/2/2023). Pelantikan ini"
            " merupakan bagian dari penyegaran organisasi di awal tahun anggaran.",
            "Dalam sambutannya, wali kota meminta para pejabat yang baru dilantik segera"
            " beradaptasi dan menuntaskan program prioritas, terutama penanganan banjir, perbaikan"
            " jalan lingkungan, dan pelayanan administrasi kependudukan.",
            "“Jabatan adalah amanah. Saya tidak ingin mendengar ada pelayanan yang dipersulit atau"
            " pungutan di luar ketentuan,” tegasnya.",
            "Kepala Badan Kepegawaian dan Pengembangan Sumber Daya Manusia Palembang, Yusnita,"
            " S.STP., M.Si., menjelaskan pengisian jabatan telah melalui penilaian kinerja dan uji"
            " kompetensi.",
        ),
        truth=dict(place="Palembang", outlet="WARTADAERAH.ID", agency="rhd/ags"),
        jsonld="yoast",
        conventions=(
            "dateline `OUTLET, PLACE –` (outlet first; first of this site's two shapes)",
            "a bare `ADVERTISEMENT` paragraph",
            "initials sign-off `(rhd/ags)`",
            "posting account is an account code (`wd-02`)",
        ),
    ),
    _s(
        key="festival-perahu-bidar-musi",
        title="Festival Perahu Bidar Meriahkan Sungai Musi, Ribuan Warga Padati Benteng Kuto Besak",
        when="2023-08-17 17:30",
        categories=("Sumsel", "Budaya"),
        tags=("Bidar", "Palembang", "Festival"),
        account="admin",
        dress=Dress(
            above=(line("ilustrasi", "caption"),),
            dateline="PALEMBANG,WARTADAERAH.ID– ",
            signoff=" (qda)",
        ),
        paragraphs=(
            "Ribuan warga memadati pelataran Benteng Kuto Besak untuk menyaksikan lomba perahu"
            " bidar di Sungai Musi, Kamis (17/8/2023). Lomba tahunan ini menjadi puncak rangkaian"
            " peringatan Hari Kemerdekaan di Kota Palembang.",
            "Sebanyak 16 perahu bidar dari berbagai kecamatan dan instansi ambil bagian. Setiap"
            " perahu didayung sekitar 50 orang yang bergerak serempak mengikuti aba-aba juru"
            " mudi.",
            "Perahu dari Kecamatan Seberang Ulu I keluar sebagai juara setelah mencatat waktu"
            " tercepat pada babak final. Tim tersebut membawa pulang piala bergilir dan uang"
            " pembinaan Rp 25 juta.",
            "Seorang penonton, Firmansyah (35), mengaku datang sejak pagi bersama keluarganya agar"
            " mendapat tempat di tepi sungai. “Setiap tahun kami tidak pernah absen, ini hiburan"
            " rakyat,” ujarnya.",
            "Dinas Kebudayaan Palembang berencana mengusulkan lomba perahu bidar masuk dalam"
            " kalender wisata nasional tahun depan.",
        ),
        truth=dict(place="Palembang", outlet="WARTADAERAH.ID", agency="qda"),
        jsonld="both",
        conventions=(
            "dateline `PLACE,OUTLET–` (the site's second shape, no spaces)",
            "one-word caption `ilustrasi`",
            "initials sign-off `(qda)`",
        ),
        comments=3,
    ),
    _s(
        key="jambi-sumsel-jalan-perbatasan",
        title="Pemprov Jambi dan Sumsel Sepakati Penanganan Jalan Perbatasan",
        when="2023-06-08 14:00",
        categories=("Jambi", "Pemerintahan"),
        tags=("Jambi", "Perbatasan", "Jalan Provinsi"),
        account="redaksi",
        dress=Dress(
            dateline="JAMBI, KABAR-JAMBI.CO.ID – ",
            inserts=(
                (
                    0,
                    (
                        caption(
                            "Penandatanganan kesepakatan bersama di Kota Jambi. -ANDI/KABARJAMBI-"
                        ),
                    ),
                ),
            ),
            signoff=" (*)",
            after=(
                line(
                    "Artikel ini telah tayang di Kabar-Jambi.co.id dengan judul “Jambi-Sumsel"
                    " Teken Kesepakatan Jalan Perbatasan”, klik untuk baca selengkapnya.",
                    "syndication",
                ),
            ),
        ),
        paragraphs=(
            "Pemerintah Provinsi Jambi dan Pemerintah Provinsi Sumatera Selatan menandatangani"
            " kesepakatan bersama penanganan ruas jalan di wilayah perbatasan kedua provinsi, Kamis"
            " (8/6/2023).",
            "Kesepakatan mencakup pembagian kewenangan pemeliharaan ruas Sarolangun – Rawas Ulu"
            " sepanjang 47 kilometer yang selama ini kerap dikeluhkan pengguna jalan karena rusak"
            " dan berlubang.",
            "Sekretaris Daerah Provinsi Jambi, H. Sudirman, S.H., M.H., mengatakan kerja sama itu"
            " penting agar perbaikan jalan tidak lagi saling menunggu antarpemerintah daerah.",
            "“Selama ini warga bingung jalan itu tanggung jawab siapa. Dengan kesepakatan ini, jelas"
            " pembagiannya – dan anggarannya bisa disiapkan mulai tahun depan,” ujarnya.",
            "Kedua provinsi juga sepakat membentuk tim teknis bersama yang akan memantau kondisi"
            " jalan setiap tiga bulan.",
        ),
        truth=dict(
            place="Jambi",
            outlet="KABAR-JAMBI.CO.ID",
            agency="*",
            syndicated_from="Kabar-Jambi.co.id",
        ),
        jsonld="yoast",
        conventions=(
            "trap: outlet name with a hyphen `KABAR-JAMBI.CO.ID`",
            "trap: the dateline's dash appears again later in the story",
            "caption credit `-NAMA/OUTLET-`",
            "sign-off `(*)`",
            "`Artikel ini telah tayang di … dengan judul …`",
        ),
    ),
    _s(
        key="nelayan-sumbawa-mesin-tempel",
        title="Nelayan Sumbawa Terima Bantuan Mesin Tempel dan Alat Tangkap",
        when="2022-06-23 10:50",
        categories=("NTB", "Ekonomi"),
        tags=("Nelayan", "Sumbawa", "Kelautan"),
        account="redaksi",
        dress=Dress(
            summary=True,
            dateline="Sumbawa, NTB (Warta Daerah) - ",
            signoff=" (rls)",
        ),
        paragraphs=(
            "Sebanyak 65 nelayan kecil di Kabupaten Sumbawa, Nusa Tenggara Barat, menerima bantuan"
            " mesin tempel dan alat tangkap ikan dari pemerintah daerah, Kamis (23/6/2022).",
            "Bantuan diserahkan di Pelabuhan Perikanan Labuhan Sumbawa dan diperuntukkan bagi"
            " nelayan yang tergabung dalam kelompok usaha bersama. Setiap kelompok menerima satu"
            " unit mesin tempel berkekuatan 15 PK serta jaring insang.",
            "Kepala Dinas Kelautan dan Perikanan Sumbawa, Ir. Lalu Ahmad Zaini, mengatakan bantuan"
            " tersebut diharapkan meningkatkan jangkauan melaut nelayan sehingga hasil tangkapan"
            " bertambah.",
            "“Selama ini banyak nelayan masih memakai perahu dayung atau mesin pinjaman. Dengan"
            " mesin sendiri, mereka bisa melaut lebih jauh dan lebih hemat waktu,” ujarnya.",
            "Ketua Kelompok Nelayan Bintang Laut, Syamsuddin (49), berjanji akan merawat bantuan"
            " tersebut dan menggunakannya secara bergiliran bersama anggota kelompok.",
        ),
        truth=dict(place="Sumbawa, NTB", outlet="Warta Daerah", agency="rls"),
        jsonld="plain",
        conventions=(
            "dateline `Place, PROVINCE (Outlet) -`",
            "the first paragraph repeated above the story as a summary",
            "sign-off `(rls)`",
        ),
    ),
    _s(
        key="bank-daerah-kur-umkm",
        title="Bank Musi Sejahtera Salurkan KUR Rp 120 Miliar untuk UMKM",
        when="2023-10-30 09:00",
        categories=("Ekonomi", "Advertorial"),
        tags=("UMKM", "KUR", "Perbankan"),
        account="admin",
        dress=Dress(signoff=" (adv)"),
        paragraphs=(
            "Bank Musi Sejahtera menyalurkan Kredit Usaha Rakyat (KUR) senilai Rp 120 miliar kepada"
            " lebih dari 4.000 pelaku usaha mikro, kecil, dan menengah (UMKM) sepanjang Januari"
            " hingga Oktober 2023.",
            "Direktur Utama Bank Musi Sejahtera, Heriyanto Wijaya, mengatakan penyaluran kredit"
            " difokuskan pada sektor produktif seperti pertanian, perikanan, dan industri"
            " rumahan.",
            "“Kami ingin pelaku UMKM naik kelas. Bunganya ringan dan syaratnya kami permudah, cukup"
            " usaha yang sudah berjalan minimal enam bulan,” ujarnya.",
            "Selain kredit, bank juga memberikan pelatihan pencatatan keuangan dan pemasaran"
            " digital bagi debitur di 12 kantor cabang.",
        ),
        truth=dict(agency="adv"),
        jsonld="yoast",
        conventions=(
            "no dateline",
            "advertorial sign-off `(adv)`",
            "moved between the two crawls (epoch 2: 301 to the home page)",
        ),
    ),
    _s(
        key="opini-pilkada-damai-dari-desa",
        title="Opini: Menjaga Pilkada Tetap Damai dari Desa",
        when="2024-04-20 08:00",
        categories=("Opini",),
        tags=("Pilkada 2024", "Demokrasi"),
        account="admin",
        dress=Dress(above=(line("Oleh: Dr. Ahmad Fauzi, M.Si", "byline"),)),
        paragraphs=(
            "Setiap musim pilkada, desa selalu menjadi panggung yang paling riuh sekaligus paling"
            " rentan. Di sanalah tetangga bisa berbeda pilihan, keluarga bisa terbelah oleh baliho,"
            " dan grup percakapan warga mendadak penuh kabar yang belum tentu benar.",
            "Padahal desa juga punya modal sosial yang tidak dimiliki kota: musyawarah, gotong"
            " royong, dan tokoh yang didengar. Modal inilah yang semestinya dirawat sejak jauh hari"
            " sebelum hari pemungutan suara.",
            "Pemerintah desa dapat memulai dari hal sederhana, misalnya menyediakan ruang diskusi"
            " terbuka bagi semua tim pemenangan dan memastikan fasilitas desa tidak dipakai untuk"
            " kepentingan satu pihak.",
            "Penyelenggara pemilu dan aparat keamanan juga perlu hadir lebih sering di tingkat"
            " dusun, bukan hanya saat ada masalah. Kehadiran yang konsisten membuat warga percaya"
            " bahwa proses pemilihan berjalan jujur.",
            "Pada akhirnya, pilkada hanya berlangsung sehari, tetapi hubungan antarwarga harus"
            " bertahan bertahun-tahun. Menjaga desa tetap damai adalah tanggung jawab kita"
            " bersama.",
        ),
        truth=dict(authors=("Ahmad Fauzi",)),
        jsonld="yoast",
        jsonld_author="account",
        conventions=("no dateline", "byline above the story `Oleh: Dr. Nama, M.Si` (titles)"),
    ),
    _s(
        key="sar-nelayan-hilang-sungsang",
        title="Tim SAR Gabungan Cari Nelayan yang Hilang di Perairan Sungsang",
        when="2023-01-11 18:20",
        categories=("Sumsel", "Peristiwa"),
        tags=("Basarnas", "Nelayan", "Banyuasin"),
        account="admin",
        dress=Dress(
            dateline="Banyuasin, WartaDaerah.id – ",
            signoff=" (Ujang WD)",
            after=(
                baca_box(
                    "Baca Juga",
                    "banjir-bandang-tarogong-kidul",
                    "banjir-indralaya-kelekar",
                    "nelayan-sumbawa-mesin-tempel",
                ),
            ),
        ),
        paragraphs=(
            "Tim SAR gabungan melanjutkan pencarian seorang nelayan asal Desa Sungsang IV,"
            " Kecamatan Banyuasin II, yang dilaporkan hilang saat melaut sejak Senin (9/1/2023)."
            " Korban bernama Sarifudin (42) berangkat seorang diri menggunakan perahu ketek.",
            "Perahu korban ditemukan terapung tanpa awak oleh nelayan lain sekitar dua mil dari"
            " muara Sungai Musi. Di dalam perahu masih terdapat jaring dan bekal makanan.",
            "Koordinator Pos SAR setempat, Andi Wijaya, mengatakan pencarian melibatkan 30 personel"
            " dari Basarnas, Polairud, TNI AL, serta nelayan setempat dengan menyisir radius lima"
            " mil dari lokasi perahu ditemukan.",
            "“Gelombang cukup tinggi sejak kemarin sore sehingga pencarian kami batasi sampai"
            " petang. Besok pagi kami lanjutkan dengan memperluas area penyisiran,” ujar Andi.",
            "Keluarga korban berharap Sarifudin segera ditemukan. Warga desa secara bergantian"
            " menggelar doa bersama di rumah korban.",
        ),
        truth=dict(authors=("Ujang",), place="Banyuasin", outlet="WartaDaerah.id"),
        jsonld="yoast",
        conventions=(
            "sign-off with an outlet code `(Nama WD)`",
            "a related-posts box (`Baca Juga` + three links) inside the content",
        ),
    ),
    _s(
        key="narkoba-betung-diringkus",
        title="Edarkan Sabu, Dua Pemuda di Betung Diringkus Polisi",
        when="2023-05-26 13:35",
        categories=("Sumsel", "Hukum & Kriminal"),
        tags=("Narkoba", "Betung", "Polres Banyuasin"),
        account="redaksi",
        dress=Dress(
            dateline="BETUNG – ",
            signoff="(RS-2)",
            after=(line("(Sukarman Humas Polres Banyuasin)", "signoff"),),
        ),
        paragraphs=(
            "Satuan Reserse Narkoba Polres Banyuasin meringkus dua pemuda yang diduga mengedarkan"
            " sabu di Kelurahan Betung, Jumat (26/5/2023) dini hari. Keduanya ditangkap saat hendak"
            " bertransaksi di sebuah warung di pinggir jalan lintas.",
            "Kasat Resnarkoba Polres Banyuasin AKP Syaiful Anwar, S.H., mengatakan penangkapan"
            " berawal dari laporan warga yang resah dengan aktivitas mencurigakan di lokasi"
            " tersebut.",
            "Dari tangan tersangka berinisial RA (23) dan FS (25), petugas menyita 14 paket sabu"
            " siap edar dengan berat total 9,6 gram, satu timbangan digital, serta uang tunai hasil"
            " penjualan.",
            "“Kami masih mengembangkan kasus ini untuk mengungkap pemasok barang haram tersebut,”"
            " ujar AKP Syaiful.",
            "Kedua tersangka dijerat Pasal 114 ayat (1) dan Pasal 112 ayat (1) Undang-Undang Nomor"
            " 35 Tahun 2009 tentang Narkotika.",
        ),
        truth=dict(authors=("Sukarman",), place="Betung", agency="RS-2"),
        jsonld="yoast",
        conventions=(
            "dateline `PLACE –` (no outlet)",
            "two sign-offs in a row: a glued code `(RS-2)` then `(Nama Humas Polres …)`",
            "trap: quoted rank title `AKP …, S.H.`",
        ),
        comments=1,
    ),
    _s(
        key="kasus-dbd-oki-meningkat",
        title="Kasus DBD di OKI Meningkat, Dinkes Minta Warga Gencarkan 3M Plus",
        when="2024-01-23 14:30",
        categories=("Sumsel", "Kesehatan"),
        tags=("DBD", "OKI", "Kesehatan"),
        account="admin",
        dress=Dress(dateline="KAYUAGUNG, WartaDaerah.id – ", signoff=" (Maulana Yusuf)"),
        paragraphs=(
            "Dinas Kesehatan Kabupaten Ogan Komering Ilir (OKI) mencatat 187 kasus demam berdarah"
            " dengue (DBD) sejak awal Januari 2024, naik hampir dua kali lipat dibandingkan periode"
            " yang sama tahun lalu. Dua pasien di antaranya meninggal dunia.",
            "Kepala Dinas Kesehatan OKI, dr. Iwan Setiawan, M.Kes, meminta warga menggencarkan"
            " gerakan 3M Plus, yakni menguras, menutup, dan mendaur ulang barang bekas, ditambah"
            " mencegah gigitan nyamuk.",
            "“Fogging bukan solusi utama karena hanya membunuh nyamuk dewasa. Kuncinya memutus"
            " jentik di rumah masing-masing,” kata Iwan, Selasa (23/1/2024).",
            "Puskesmas di 18 kecamatan juga diminta mengaktifkan kembali juru pemantau jentik dan"
            " segera merujuk pasien demam tinggi ke rumah sakit.",
        ),
        truth=dict(authors=("Maulana Yusuf",), place="Kayuagung", outlet="WartaDaerah.id"),
        jsonld="none",
        conventions=(
            "trap: `article:published_time` ends in a false `Z`; the visible date is WIB",
        ),
        flags=("false-z",),
    ),
    _s(
        key="kedai-kopi-cafe-serambi-sekayu",
        title="Kedai Kopi “Café Sérambi” Jadi Ruang Kreatif Anak Muda Sekayu",
        when="2023-07-15 19:00",
        categories=("Sumsel", "Gaya Hidup"),
        tags=("Kopi", "UMKM", "Sekayu"),
        account="admin",
        dress=Dress(dateline="SEKAYU, WartaDaerah.id – ", signoff=" (Siti Rahmawati)"),
        paragraphs=(
            "Sebuah kedai kopi bernama “Café Sérambi” di pusat Kota Sekayu menjadi tempat"
            " berkumpul anak muda untuk berdiskusi, bermain musik akustik, hingga menggelar"
            " pameran foto kecil-kecilan.",
            "Pemiliknya, André Kurniawan (29), mengatakan kedai itu sengaja dirancang sebagai"
            " ruang bersama. “Saya ingin anak muda Sekayu punya tempat untuk berkarya tanpa harus"
            " pergi ke Palembang,” ujarnya.",
            "Kopi yang disajikan berasal dari petani di dataran tinggi Semende dan Pagar Alam. André"
            " menyebut setiap pekan ia membeli sekitar 40 kilogram biji kopi langsung dari"
            " kelompok tani.",
            "Setiap Sabtu malam, kedai menggelar “Panggung Terbuka” yang boleh diisi siapa saja,"
            " mulai dari pembacaan puisi hingga penampilan grup musik pelajar.",
        ),
        truth=dict(authors=("Siti Rahmawati",), place="Sekayu", outlet="WartaDaerah.id"),
        jsonld="yoast",
        conventions=(
            "trap: page declares `<meta charset=iso-8859-1>` but sends UTF-8 (curly quotes, é)",
        ),
        flags=("charset-lie",),
    ),
    _s(
        key="perbaikan-jalan-poros-betung",
        title="Perbaikan Jalan Poros Betung Ditargetkan Rampung Akhir Juli",
        when="2024-05-28 10:15",
        categories=("Sumsel", "Pemerintahan"),
        tags=("Jalan", "Betung", "Infrastruktur"),
        account="admin",
        box="rudi",
        dress=Dress(dateline="Banyuasin, WartaDaerah.id – ", signoff=" (Rudi Hartono)"),
        paragraphs=(
            "Dinas Pekerjaan Umum dan Penataan Ruang Kabupaten Banyuasin mulai memperbaiki jalan"
            " poros Betung sepanjang 6,3 kilometer, Selasa (28/5/2024). Ruas tersebut selama ini"
            " dipenuhi lubang dan kerap dikeluhkan pengendara.",
            "Pekerjaan meliputi penambalan, pelapisan ulang aspal, serta perbaikan saluran drainase"
            " di kedua sisi jalan. Proyek ini dibiayai APBD Banyuasin tahun 2024 senilai Rp 9,8"
            " miliar.",
            "Kepala Bidang Bina Marga Dinas PUPR Banyuasin, Ir. Taufik Hidayat, M.T., mengatakan"
            " pekerjaan ditargetkan rampung akhir Juli 2024 jika cuaca mendukung.",
            "“Selama pengerjaan, kami berlakukan sistem buka-tutup. Kami mohon maaf atas"
            " ketidaknyamanan pengguna jalan,” katanya.",
            "Warga Betung, Sarinah (45), berharap kualitas pekerjaan diawasi ketat agar jalan tidak"
            " cepat rusak kembali.",
        ),
        truth=dict(authors=("Rudi Hartono",), place="Banyuasin", outlet="WartaDaerah.id"),
        jsonld="yoast",
        conventions=("edited between the two crawls (epoch 2: new title, changed paragraph)",),
    ),
    _s(
        key="atap-sd-muratara-ambruk",
        title="Atap Ruang Kelas SD di Muratara Ambruk, Siswa Belajar di Teras",
        when="2021-11-04 12:00",
        categories=("Sumsel", "Pendidikan"),
        tags=("Sekolah", "Muratara", "Pendidikan"),
        account="fajar",
        box="fajar",
        dress=Dress(
            dateline="MURATARA, WartaDaerah.id – ",
            after=(line("Editor: Ratna Sari Dewi", "editor"),),
        ),
        paragraphs=(
            "Atap dua ruang kelas di sebuah sekolah dasar negeri di Kecamatan Rawas Ilir,"
            " Kabupaten Musi Rawas Utara (Muratara), ambruk setelah diguyur hujan deras, Rabu"
            " (3/11/2021) malam. Beruntung peristiwa terjadi saat sekolah kosong.",
            "Akibat kejadian itu, sekitar 60 siswa kelas IV dan V terpaksa belajar di teras dan"
            " ruang guru. Sebagian pelajaran dialihkan ke rumah warga yang berdekatan dengan"
            " sekolah.",
            "Kepala sekolah, Sumarni, S.Pd., mengatakan kerusakan atap sudah dilaporkan ke dinas"
            " pendidikan sejak awal tahun karena kayu penyangga mulai lapuk.",
            "Dinas Pendidikan Muratara berjanji segera mengirim tim untuk menghitung kebutuhan"
            " perbaikan dan mengusulkannya dalam anggaran tahun depan.",
        ),
        truth=dict(
            authors=("Fajar Ramadhan",),
            editor="Ratna Sari Dewi",
            place="Muratara",
            outlet="WartaDaerah.id",
        ),
        jsonld="plain",
        jsonld_author="account",
        conventions=("byline is the reporter's own account; no sign-off",),
    ),
    _s(
        key="turnamen-voli-antar-desa-garut",
        title="Turnamen Voli Antar-Desa di Garut Diikuti 48 Tim",
        when="2022-09-03 16:00",
        categories=("Jabar", "Olahraga"),
        tags=("Voli", "Garut", "Turnamen"),
        account="tim-redaksi",
        dress=Dress(dateline="Garut, WartaDaerah.id – ", signoff=" (ant)"),
        paragraphs=(
            "Sebanyak 48 tim bola voli putra dan putri ambil bagian dalam turnamen antar-desa yang"
            " digelar di lapangan Kecamatan Cisurupan, Garut, mulai Sabtu (3/9/2022).",
            "Turnamen yang berlangsung selama dua pekan ini diprakarsai karang taruna kecamatan"
            " untuk menjaring atlet muda berbakat sekaligus mempererat hubungan antarwarga.",
            "Ketua panitia, Ujang Sopandi, mengatakan pemenang akan mendapat trofi dan uang"
            " pembinaan. Pemain terbaik juga akan direkomendasikan ke klub voli kabupaten.",
            "Setiap sore, ratusan penonton memadati pinggir lapangan. Pedagang makanan kecil ikut"
            " kebagian rezeki dari keramaian tersebut.",
        ),
        truth=dict(place="Garut", outlet="WartaDaerah.id", agency="ant"),
        jsonld="yoast",
        conventions=(
            "agency sign-off `(ant)`",
            "posting account `Tim Redaksi`, no author named",
            "removed between the two crawls (epoch 2: 404)",
        ),
    ),
    _s(
        key="harga-tbs-sawit-muba-naik",
        title="Harga TBS Sawit di Musi Banyuasin Naik, Petani Sumringah",
        when="2024-02-08 13:25",
        categories=("Sumsel", "Pertanian", "Ekonomi"),
        tags=("Sawit", "Musi Banyuasin", "Harga TBS"),
        account="agus",
        box="agus",
        dress=Dress(
            dateline="Musi Banyuasin, WartaDaerah.id – ",
            inserts=((1, (ad_inserter(resume=False),)),),
            after=(line("Editor: Hendra Gunawan", "editor"),),
        ),
        paragraphs=(
            "Harga tandan buah segar (TBS) kelapa sawit di tingkat petani Kabupaten Musi Banyuasin"
            " naik menjadi Rp 2.450 per kilogram pada pekan kedua Februari 2024. Sepekan"
            " sebelumnya, harga masih berkisar Rp 2.200 per kilogram.",
            "Kenaikan harga disambut gembira petani swadaya di Kecamatan Sungai Lilin dan Keluang"
            " yang sebelumnya mengeluhkan biaya pupuk yang terus naik.",
            "“Alhamdulillah, sekarang hasil panen bisa menutup biaya pupuk dan upah panen. Semoga"
            " bertahan sampai Lebaran,” kata Paiman (51), petani di Sungai Lilin.",
            "Dinas Perkebunan Musi Banyuasin mengingatkan petani tetap menjaga mutu panen dengan"
            " memetik buah yang matang agar harga jual di pabrik tidak dipotong.",
        ),
        truth=dict(
            authors=("Agus Salim Harahap",),
            editor="Hendra Gunawan",
            place="Musi Banyuasin",
            outlet="WartaDaerah.id",
        ),
        jsonld="both",
        jsonld_author="reporter",
        conventions=("advertisement slot without a resume line", "reporter's own account + box"),
    ),
)
"""The showcase articles of the main portal (times are local to the portal)."""

EPOCH2_EDIT_KEY = "perbaikan-jalan-poros-betung"
EPOCH2_REMOVED_KEY = "turnamen-voli-antar-desa-garut"
EPOCH2_REDIRECTED_KEY = "bank-daerah-kur-umkm"
SYNDICATED_KEY = "ppk-rantau-bayur-simulasi"
"""The showcase article the second portal republishes verbatim."""

EPOCH2_NEW = _s(
    key="banjir-susulan-indralaya",
    title="Hujan Semalaman, Banjir Kembali Rendam Indralaya",
    when="2024-06-01 15:00",
    categories=("Sumsel", "Peristiwa"),
    tags=("Banjir", "Ogan Ilir", "Indralaya"),
    account="admin",
    box="hendri",
    dress=Dress(
        dateline="INDRALAYA, WartaDaerah.id – ",
        inserts=((1, (baca("Baca juga: ", "banjir-indralaya-kelekar"),)),),
        signoff=" (Hendri Saputra)",
    ),
    paragraphs=(
        "Banjir kembali merendam permukiman warga di Kelurahan Indralaya Mulya, Kabupaten Ogan Ilir,"
        " setelah hujan turun sepanjang malam hingga Sabtu (1/6/2024) pagi. Air yang sempat surut"
        " kini kembali naik setinggi lutut orang dewasa.",
        "Sebagian warga yang sudah kembali ke rumah terpaksa mengungsi lagi ke posko di gedung"
        " sekolah dasar. Petugas BPBD menambah dua perahu karet untuk membantu evakuasi.",
        "“Kami minta warga di bantaran Sungai Kelekar tidak pulang dulu sampai kondisi benar-benar"
        " aman,” kata seorang petugas BPBD di lokasi.",
        "Pemerintah kabupaten menyiapkan bantuan makanan siap saji dan obat-obatan untuk para"
        " pengungsi.",
    ),
    truth=dict(authors=("Hendri Saputra",), place="Indralaya", outlet="WartaDaerah.id"),
    jsonld="yoast",
    conventions=("published between the two crawls (epoch 2)",),
)

EPOCH2_EDIT_TITLE = "Perbaikan Jalan Poros Betung Molor, Kini Ditargetkan Rampung Agustus"
EPOCH2_EDIT_PARAGRAPH = (
    2,
    "Kepala Bidang Bina Marga Dinas PUPR Banyuasin, Ir. Taufik Hidayat, M.T., mengatakan target"
    " penyelesaian mundur ke pertengahan Agustus 2024 karena hujan deras menghambat pengaspalan"
    " pada dua pekan pertama.",
)

EMPTY_BODY = _s(
    key="galeri-foto-hut-bhayangkara",
    title="Galeri Foto: Upacara HUT Bhayangkara di Palembang",
    when="2023-07-01 11:00",
    categories=("Sumsel", "Foto"),
    tags=("Galeri", "Bhayangkara"),
    account="redaksi",
    dress=Dress(),
    paragraphs=(),
    truth={},
    jsonld="yoast",
    conventions=("bad input: an article page with an empty body",),
    flags=("empty-body",),
)


def _person(key: str) -> Person:
    return ACCOUNTS.get(key) or REPORTERS[key]


def _comments(count: int, seed: int) -> tuple[Comment, ...]:
    return tuple(
        Comment(
            COMMENTERS[(seed + i) % len(COMMENTERS)],
            COMMENT_TEXTS[(seed * 3 + i) % len(COMMENT_TEXTS)],
            # replies arrive over the first hours after publication
            minutes_after=35 + 50 * i,
        )
        for i in range(count)
    )


def build_article(spec: ShowcaseSpec, site: SiteInfo, seed: int = 0) -> Article:
    """Turn one showcase spec into an Article with times in the portal's zone."""
    truth = spec.truth
    published = local(spec.when, site.tz)
    modified = local(spec.modified, site.tz) if spec.modified else published
    return Article(
        key=spec.key,
        title=spec.title,
        published=published,
        modified=modified,
        categories=spec.categories,
        tags=spec.tags,
        paragraphs=spec.paragraphs,
        dress=spec.dress,
        account=_person(spec.account),
        box=_person(spec.box) if spec.box else None,
        authors=tuple(truth.get("authors", ())),
        editor=truth.get("editor"),
        dateline_place=truth.get("place"),
        dateline_outlet=truth.get("outlet"),
        agency_tag=truth.get("agency"),
        syndicated_from=truth.get("syndicated_from"),
        jsonld=spec.jsonld,
        jsonld_author=spec.jsonld_author,
        conventions=spec.conventions,
        flags=frozenset(spec.flags),
        comments=_comments(spec.comments, seed),
        page_breaks=spec.page_breaks,
        split=spec.split,
    )


def showcase_articles(site: SiteInfo) -> list[Article]:
    """The hand-written showcase articles for a portal in `site`'s zone."""
    return [build_article(spec, site, seed=i) for i, spec in enumerate(SHOWCASE)]


def epoch2_new_article(site: SiteInfo) -> Article:
    """The article published between the two crawls."""
    return build_article(EPOCH2_NEW, site)


def empty_body_article(site: SiteInfo) -> Article:
    """A gallery post whose content has no text at all (an expected drop)."""
    return build_article(EMPTY_BODY, site)


def edited_version(
    article: Article, edited_at_hours_before_clock: float, clock: datetime
) -> Article:
    """The epoch-2 version of the edited article: new title, one paragraph rewritten."""
    index, text = EPOCH2_EDIT_PARAGRAPH
    paragraphs = list(article.paragraphs)
    paragraphs[index] = text
    return replace(
        article,
        title=EPOCH2_EDIT_TITLE,
        paragraphs=tuple(paragraphs),
        modified=clock - timedelta(hours=edited_at_hours_before_clock),
    )


def syndicated_copy(original: Article, site: SiteInfo, delay_hours: float = 3) -> Article:
    """The second portal's verbatim republication: same clean body, its own chrome and dateline."""
    outlet = site.outlet.upper()
    published = original.published.astimezone(site.tz) + timedelta(hours=delay_hours)
    return replace(
        original,
        key=f"salinan-{original.key}",
        published=published,
        modified=published,
        account=ACCOUNTS["redaksi"],
        box=None,
        dress=Dress(
            dateline=f"BANYUASIN, {outlet} – ",
            signoff=" (Rudi Hartono/WD)",
            after=(
                line(
                    f"Artikel ini telah tayang di {original.dateline_outlet or 'WartaDaerah.id'}"
                    f" dengan judul “{original.title}”.",
                    "syndication",
                ),
            ),
        ),
        dateline_place="Banyuasin",
        dateline_outlet=outlet,
        syndicated_from=original.dateline_outlet or "WartaDaerah.id",
        jsonld="plain",
        jsonld_author="account",
        conventions=("verbatim copy of a first-portal article (stored as a copy of it)",),
        flags=frozenset(),
        comments=(),
        page_breaks=(),
        split="",
        copy_of=original.key,
        slug="",
        post_id=0,
    )


STATIC_PAGES: tuple[StaticPage, ...] = (
    StaticPage(
        "tentang-kami",
        "Tentang Kami",
        (
            "WartaDaerah.id adalah media siber yang menyajikan berita dari kabupaten dan kota di"
            " Sumatera Selatan serta daerah sekitarnya. Kami percaya kabar dari desa dan kecamatan"
            " sama pentingnya dengan kabar dari ibu kota.",
            "Redaksi bekerja dengan jaringan wartawan daerah yang tersebar di berbagai kabupaten."
            " Setiap berita melalui proses verifikasi dan penyuntingan sebelum diterbitkan.",
        ),
    ),
    StaticPage(
        "redaksi",
        "Redaksi",
        (
            "Pemimpin Redaksi: Bambang Irawan. Redaktur Pelaksana: Ratna Sari Dewi. Redaktur:"
            " Hendra Gunawan, Yusuf Effendi, Mega Puspita.",
            "Wartawan: Rudi Hartono, S.Sos (Banyuasin), Asep Saepul Rohman, S.I.Kom (Garut), Dedi"
            " Kurniawan, S.H. (Muara Enim), Siti Rahmawati, S.Pd (Musi Banyuasin), Hendri Saputra,"
            " S.E. (Ogan Ilir).",
            "Wartawan WartaDaerah.id dibekali kartu identitas dan tidak diperkenankan menerima"
            " imbalan dalam bentuk apa pun dari narasumber.",
        ),
    ),
    StaticPage(
        "kontak",
        "Kontak",
        (
            "Kirim informasi, rilis, dan hak jawab ke surel redaksi. Kantor redaksi buka Senin"
            " sampai Jumat pukul 09.00 hingga 17.00 WIB.",
            "Untuk kerja sama iklan dan advertorial, silakan hubungi bagian pemasaran melalui"
            " surel yang sama dengan menyebutkan nama instansi atau perusahaan.",
        ),
    ),
    StaticPage(
        "pedoman-media-siber",
        "Pedoman Pemberitaan Media Siber",
        (
            "Redaksi berpegang pada pedoman pemberitaan media siber dan kode etik jurnalistik."
            " Setiap berita diverifikasi kepada pihak yang diberitakan sebelum atau segera setelah"
            " diterbitkan.",
            "Komentar pembaca menjadi tanggung jawab penulisnya. Redaksi berhak menyunting atau"
            " menghapus komentar yang mengandung kebencian, fitnah, atau unsur suku, agama, ras,"
            " dan antargolongan.",
            "Ralat, koreksi, dan hak jawab dimuat pada berita yang sama dengan mencantumkan waktu"
            " pemutakhiran.",
        ),
    ),
)
