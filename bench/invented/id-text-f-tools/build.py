#!/usr/bin/env python3
"""Generator for id-text-f.json (held-out text-cleaning set, 50 records).

All outlets, hosts, people, quotes and stories are invented.
Markup used only inside this script:  ⟦...⟧ marks a boilerplate span.
  - a whole paragraph wrapped in ⟦⟧ is a boilerplate paragraph;
  - a span at the start of a paragraph is the dateline prefix;
  - a span inside/at the end of a paragraph is inline boilerplate
    (e.g. "(Baca juga: ...)", "(nam/red)").
raw paragraph  = markup removed, span text kept.
clean paragraph = spans removed, runs of spaces collapsed, stripped.
boilerplate    = every span text (exact substrings of raw paragraphs).
"""
import json, os, re

SPAN = re.compile(r"⟦(.*?)⟧")
RECS = []


def R(site, title, paras, place=None, outlet=None, authors=(), editor=None,
      agency=None, conv=()):
    raw, body, bp = [], [], []
    for p in paras:
        raw.append(p.replace("⟦", "").replace("⟧", ""))
        bp.extend(SPAN.findall(p))
        c = re.sub(r" {2,}", " ", SPAN.sub("", p)).strip()
        if c:
            body.append(c)
    RECS.append({
        "id": "f-%03d" % (len(RECS) + 1),
        "site": site,
        "title": title,
        "raw_paragraphs": raw,
        "expected": {
            "body": "\n\n".join(body),
            "dateline_place": place,
            "dateline_outlet": outlet,
            "authors": list(authors),
            "editor": editor,
            "agency_tag": agency,
        },
        "boilerplate": bp,
        "conventions": list(conv),
    })

# ---------------------------------------------------------------- 001
R("kabarpasundan.com",
  "Tebing Longsor Tutup Jalan Sumedang–Cijelag, Arus Kendaraan Dialihkan",
  ["⟦Alat berat milik Dinas PUTR Sumedang membersihkan material longsor di ruas Jalan Sumedang–Cijelag, Desa Cinanjung, Selasa pagi.⟧",
   "⟦FOTO: Agus Salim/Kabar Pasundan⟧",
   "⟦SUMEDANG, KABARPASUNDAN.COM –⟧ Tebing setinggi sekitar 15 meter di ruas Jalan Sumedang–Cijelag, Desa Cinanjung, Kecamatan Tanjungsari, longsor pada Senin (9/6/2025) malam dan menutup seluruh badan jalan.",
   "Material tanah bercampur batu dan pohon tumbang menimbun jalan sepanjang kurang lebih 30 meter. Tidak ada korban jiwa dalam kejadian itu, tetapi dua sepeda motor yang diparkir di warung dekat lokasi ikut tertimbun.",
   "⟦Baca juga: Dua Jembatan di Sumedang Utara Rusak Diterjang Banjir Bandang⟧",
   "Kepala Pelaksana BPBD Sumedang, Hendra Kusnadi, mengatakan longsor dipicu hujan deras yang turun hampir enam jam tanpa henti.",
   "“Tanahnya sudah jenuh air. Kami minta warga yang rumahnya di bawah tebing untuk sementara mengungsi ke rumah saudara,” ujar Hendra, Selasa (10/6/2025).",
   "Selama proses pembersihan, arus kendaraan dari arah Tanjungsari menuju Cijelag dialihkan melalui jalan desa di Kecamatan Sukasari. Polisi memperkirakan jalan bisa kembali dilalui paling cepat Rabu sore.",
   "⟦Penulis: Wawan Setiawan | Editor: Lilis Suryani⟧"],
  place="SUMEDANG", outlet="KABARPASUNDAN.COM", authors=["Wawan Setiawan"], editor="Lilis Suryani",
  conv=["caption-line", "caption-credit-caps", "dateline-caps-outlet-endash", "baca-juga", "penulis-editor-pipe"])

# ---------------------------------------------------------------- 002
R("wartasleman.id",
  "Harga Salak Pondoh Anjlok, Petani Turi Pilih Olah Jadi Keripik",
  ["⟦SLEMAN, (14/6) –⟧ Harga salak pondoh di tingkat petani di Kecamatan Turi, Kabupaten Sleman, turun hingga Rp 3.000 per kilogram dalam dua pekan terakhir, separuh dari harga normal.",
   "Penurunan harga terjadi karena panen raya berlangsung bersamaan di sejumlah sentra salak, sementara permintaan dari luar daerah justru melemah.",
   "⟦ADVERTISEMENT⟧",
   "⟦SCROLL TO CONTINUE WITH CONTENT⟧",
   "Sugiyanto (52), petani salak di Dusun Gadung, Desa Bangunkerto, mengaku tidak lagi menjual seluruh panennya ke pengepul. Sebagian ia olah sendiri menjadi keripik dan dodol salak.",
   "“Kalau dijual segar cuma tiga ribu, belum ongkos petik. Kalau jadi keripik, satu kilo salak bisa jadi dua bungkus, dijual lima belas ribu,” katanya.",
   "Kelompok Wanita Tani di desa itu kini menerima pesanan keripik salak dari toko oleh-oleh di Kota Yogyakarta. Dalam sepekan, mereka mampu mengolah hingga 200 kilogram salak.",
   "Dinas Pertanian, Pangan dan Perikanan Sleman berencana memfasilitasi alat pengering vakum untuk dua kelompok tani tambahan tahun ini. ⟦(nam/red)⟧"],
  place="SLEMAN", agency="nam/red",
  conv=["dateline-date-in-parens", "ad-marker", "scroll-marker-en", "signoff-initials-inline"])

# ---------------------------------------------------------------- 003
R("metrobanyumas.com",
  "Tiga Tahun Menunggu, Sutarmi Akhirnya Punya Jamban Sendiri",
  ["Sutarmi, 61 tahun, tak lagi harus berjalan ke sungai setiap pagi. Sejak pekan lalu, rumahnya di Desa Karangsalam, Kecamatan Kedungbanteng, Kabupaten Banyumas, sudah dilengkapi jamban sehat lengkap dengan septic tank.",
   "Jamban itu dibangun lewat program sanitasi berbasis masyarakat yang didanai dana desa. Tahun ini, sebanyak 47 rumah di Karangsalam mendapat bantuan serupa.",
   "⟦Scroll untuk melanjutkan⟧",
   "“Dulu kalau hujan, ke sungai itu licin, pernah jatuh sampai kaki bengkak. Sekarang alhamdulillah,” tutur Sutarmi sambil tersenyum.",
   "Kepala Desa Karangsalam, Darsono, mengatakan pihaknya menargetkan seluruh warga bebas buang air besar sembarangan pada akhir 2025. Saat ini masih ada sekitar 30 keluarga yang belum memiliki jamban.",
   "Puskesmas Kedungbanteng mencatat kasus diare pada balita di desa itu turun dari 26 kasus pada 2023 menjadi sembilan kasus sepanjang 2024.",
   "⟦Reporter: Teguh Prasetyo | Editor: Ari Wibowo⟧"],
  authors=["Teguh Prasetyo"], editor="Ari Wibowo",
  conv=["no-dateline", "lede-name-comma", "lookalike-keep", "scroll-marker", "reporter-editor-pipe"])

# ---------------------------------------------------------------- 004
R("lintassulsel.co.id",
  "Sopir Pete-pete Makassar Keluhkan Rute Baru Trans Mamminasata",
  ["⟦MAKASSAR | LINTASSULSEL —⟧ Puluhan sopir angkutan kota atau pete-pete mendatangi Kantor Dinas Perhubungan Kota Makassar, Rabu (21/5/2025), memprotes rute baru bus Trans Mamminasata yang dinilai memotong jalur mereka.",
   "Para sopir menyebut penghasilan harian mereka turun hingga separuh sejak koridor baru beroperasi dua pekan lalu. ⟦(Baca juga: Dishub Makassar Tambah Dua Koridor Bus Listrik Tahun Ini)⟧ Mereka meminta rute di Jalan Urip Sumoharjo dan Jalan Perintis Kemerdekaan ditinjau ulang.",
   "“Kami bukan menolak bus. Kami cuma minta jangan lewat persis di jalur kami. Anak kami juga mau sekolah,” kata Daeng Sila, koordinator sopir trayek Sentral–Daya.",
   "Kepala Bidang Angkutan Dishub Makassar, Andi Rahmat Tawakkal, menerima perwakilan sopir. Ia berjanji membawa aspirasi itu ke rapat bersama Balai Pengelola Transportasi Darat.",
   "Pertemuan berikutnya dijadwalkan pekan depan dengan melibatkan Organda Makassar. ⟦(*)⟧"],
  place="MAKASSAR", outlet="LINTASSULSEL", agency="*",
  conv=["dateline-pipe-emdash", "baca-juga-inline-midparagraph", "signoff-star-inline"])

# ---------------------------------------------------------------- 005
R("kalbarterkini.com",
  "BMKG Prakirakan Titik Panas di Kalbar Meningkat Akhir Juli",
  ["⟦Pontianak (ANTARA) -⟧ Badan Meteorologi, Klimatologi, dan Geofisika (BMKG) Stasiun Supadio Pontianak memprakirakan jumlah titik panas di Kalimantan Barat meningkat pada akhir Juli seiring berkurangnya curah hujan.",
   "Kepala Stasiun Meteorologi Supadio, Rinaldi Gunawan, di Pontianak, Senin, mengatakan sebagian besar wilayah Kalbar akan memasuki puncak musim kemarau pada Agustus.",
   "“Masyarakat kami imbau tidak membuka lahan dengan cara membakar karena potensi api menjalar sangat tinggi, terutama di lahan gambut,” kata Rinaldi.",
   "Berdasarkan pantauan satelit, pada Minggu (13/7) terdeteksi 18 titik panas di Kalbar, terbanyak di Kabupaten Ketapang dan Kubu Raya.",
   "Pemerintah Provinsi Kalbar telah menetapkan status siaga darurat bencana kebakaran hutan dan lahan sejak awal Juli.",
   "⟦Pewarta: Lestari Handayani Editor: Bambang Susilo⟧",
   "⟦Copyright © ANTARA 2025⟧"],
  place="Pontianak", outlet="ANTARA", authors=["Lestari Handayani"], editor="Bambang Susilo", agency="ANTARA",
  conv=["dateline-agency-parens", "agency-republish", "pewarta-editor-oneline", "copyright-line"])

# ---------------------------------------------------------------- 006
R("kabartemanggung.com",
  "Gerakan ‘Baca Juga Kampungmu’ Ajak Pelajar Menulis Sejarah Desa",
  ["⟦TEMANGGUNG –⟧ Tiga guru honorer di Kecamatan Kledung, Kabupaten Temanggung, menggagas gerakan literasi yang mengajak pelajar menelusuri dan menuliskan sejarah desa mereka sendiri.",
   "Baca Juga Kampungmu, nama gerakan itu, lahir dari keresahan para guru karena banyak siswa hafal nama tokoh film luar negeri tetapi tidak tahu asal-usul nama dusunnya.",
   "⟦Baca juga: Perpustakaan Desa di Parakan Buka hingga Malam Selama Ramadan⟧",
   "Sejak dimulai Januari lalu, sebanyak 63 siswa SMP dari empat desa sudah mewawancarai sesepuh kampung. Hasilnya ditulis tangan, lalu diketik ulang dan dijilid menjadi buku kecil.",
   "“Anak-anak kaget ternyata nama Dusun Kruwisan itu ada ceritanya. Mereka jadi bangga,” kata Nur Aini, salah satu penggagas.",
   "Buku pertama berjudul Jejak Lereng Sindoro rencananya diluncurkan pada peringatan Hari Jadi Temanggung, November mendatang. ⟦(ags)⟧"],
  place="TEMANGGUNG", agency="ags",
  conv=["dateline-place-only", "lookalike-keep", "story-starts-baca-juga", "baca-juga", "signoff-initials-inline"])

# ---------------------------------------------------------------- 007
R("baliwire.id",
  "Tabanan farmers get new subak water schedule after dry-season dispute",
  ["⟦Farmers inspect an irrigation channel in Jatiluwih, Tabanan, on Tuesday. (Photo: Komang Ardana/Bali Wire)⟧",
   "⟦DENPASAR, Bali Wire —⟧ Subak leaders in Tabanan regency have agreed on a rotating water schedule for the dry season after weeks of tension between upstream and downstream farmer groups.",
   "⟦Advertisement⟧",
   "The agreement, reached at a meeting at the Tabanan Agriculture Office on Monday, divides water from the Yeh Ho river into four-day rotations across 11 subak units.",
   "“Nobody gets everything, but nobody is left dry either. That is the spirit of the subak,” said I Wayan Sudarsa, head of one of the downstream subak groups.",
   "Local officials said the dispute began in June, when several downstream fields planted late and complained that water was being held back upstream.",
   "Editor's note: This article has been updated to correct the name of the river. An earlier version misidentified it as the Yeh Empas.",
   "⟦Reporting by Putu Eka Wirawan | Editing by Made Suryani⟧"],
  place="DENPASAR", outlet="Bali Wire", authors=["Putu Eka Wirawan"], editor="Made Suryani",
  conv=["english", "caption-photo-credit-inline", "dateline-mixedcase-outlet-emdash", "ad-marker-en",
        "editors-note-correction-keep", "lookalike-keep", "reporting-editing-pipe"])

# ---------------------------------------------------------------- 008
R("sumatrachronicle.com",
  "Medan flood canal project delayed again as land acquisition stalls",
  ["⟦Medan.⟧ A long-promised flood diversion canal in northern Medan has been delayed for a third time after the city failed to finish acquiring land from more than 200 households, officials said on Wednesday.",
   "The canal, designed to divert overflow from the Deli river during heavy rains, was originally scheduled for completion in 2024.",
   "⟦Read also: North Sumatra raises minimum wage by 6.5 percent⟧",
   "“We cannot start digging on land that is still disputed. We are negotiating house by house,” said Hotman Siagian, head of the Medan public works agency.",
   "Residents of Medan Labuhan and Medan Marelan, two districts that flood almost every rainy season, said they were tired of waiting.",
   "“Every year they come with maps and promises. Every year the water still comes into my kitchen,” said Rosmawati, a 47-year-old food vendor.",
   "⟦Editor's note: Sumatra Chronicle is now on WhatsApp. Join our channel for the latest news from across Sumatra.⟧",
   "⟦Follow Sumatra Chronicle on Google News⟧",
   "⟦Writer: Daniel Tampubolon⟧"],
  place="Medan", authors=["Daniel Tampubolon"],
  conv=["english", "dateline-place-period", "read-also", "editors-note-promo-drop", "google-news", "writer-line"])

# ---------------------------------------------------------------- 009
R("kuninganekspres.id",
  "Warga Cilimus Tolak Pembangunan Gudang, Pengembang Klaim Izin Lengkap",
  ["⟦KUNINGAN, KuninganEkspres.id -⟧ Ratusan warga Desa Caracas, Kecamatan Cilimus, Kabupaten Kuningan, menggelar aksi menolak rencana pembangunan gudang logistik di atas lahan sawah seluas empat hektare, Senin (3/3/2025).",
   "Warga khawatir pembangunan gudang akan mengganggu saluran irigasi yang mengairi sawah di tiga blok di bawahnya.",
   "“Kalau saluran ditutup, sawah kami yang kena. Kami tidak pernah diajak bicara,” kata Ujang Mulyadi, perwakilan warga.",
   "Kuasa hukum pengembang, PT Sinar Karya Mandala, Dimas Aryanto, menyatakan seluruh izin pembangunan telah terbit dan kajian teknis irigasi sudah dilakukan.",
   "“Kami siap membuat saluran pengganti yang lebih lebar. Kami juga terbuka untuk dialog dengan warga kapan saja,” ujar Dimas dalam keterangan tertulis yang diterima redaksi, Selasa (4/3/2025).",
   "Catatan Redaksi: Berita ini telah diperbarui pada Selasa (4/3/2025) pukul 14.20 WIB dengan memuat hak jawab dari PT Sinar Karya Mandala.",
   "⟦Editor: Heri Hermawan⟧"],
  place="KUNINGAN", outlet="KuninganEkspres.id", editor="Heri Hermawan",
  conv=["dateline-camelcase-outlet-hyphen", "hak-jawab-note-keep", "catatan-redaksi-story", "lookalike-keep", "editor-only"])

# ---------------------------------------------------------------- 010
R("jambipagi.com",
  "Dua Pekan Lagi, Jembatan Aur Duri II Ditutup Total untuk Perbaikan",
  ["⟦JAMBI -⟧ Jembatan Aur Duri II di Kota Jambi akan ditutup total selama 21 hari mulai Senin (28/7/2025) untuk perbaikan sambungan lantai jembatan yang rusak.",
   "Kepala Balai Pelaksanaan Jalan Nasional Jambi, Ir. Syahrial Effendi, mengatakan penutupan dilakukan karena pekerjaan tidak bisa dilakukan setengah lajur.",
   "“Sambungannya harus diganti sekaligus. Kalau dibuka setengah, getaran kendaraan berat bisa merusak beton yang baru dicor,” katanya.",
   "⟦Baca Juga :⟧",
   "⟦Pemkot Jambi Siapkan 40 Bus Gratis Selama Penutupan Jembatan⟧",
   "Selama penutupan, kendaraan dari arah Seberang Kota dialihkan melalui Jembatan Aur Duri I dan Jembatan Batanghari II. Kendaraan bertonase di atas 10 ton diminta melintas pada malam hari.",
   "Ralat: Pada versi sebelumnya berita ini menyebut penutupan berlangsung selama 12 hari. Yang benar adalah 21 hari. Redaksi mohon maaf atas kekeliruan tersebut.",
   "⟦Penulis : Rizki Ramadhan⟧",
   "⟦Editor : Yuliana⟧"],
  place="JAMBI", authors=["Rizki Ramadhan"], editor="Yuliana",
  conv=["dateline-place-hyphen", "baca-juga-label-then-title-line", "ralat-note-keep", "lookalike-keep", "penulis-editor-separate-lines"])

# ---------------------------------------------------------------- 011
R("harianpangandaran.id",
  "Kunjungan Wisatawan ke Pangandaran Turun, Pelaku Usaha Minta Promosi Digenjot",
  ["⟦PANGANDARAN, harianpangandaran.id —⟧ Jumlah kunjungan wisatawan ke Pantai Pangandaran selama libur sekolah tahun ini turun sekitar 18 persen dibandingkan tahun lalu.",
   "Data Dinas Pariwisata dan Kebudayaan Kabupaten Pangandaran mencatat sekitar 412.000 kunjungan sepanjang Juni hingga pertengahan Juli 2025.",
   "Ketua Perhimpunan Hotel dan Restoran setempat, Wawan Gunawan, menilai penurunan itu disebabkan kalah promosi dengan destinasi pesisir lain di selatan Jawa.",
   "“Cilacap sekarang punya pantai-pantai baru yang ramai di media sosial. Garut selatan juga. Kita jangan merasa paling cantik sendiri,” kata Wawan.",
   "Pangandaran, kata dia, tidak bisa terus bergantung pada nama besar pantainya. Pelaku usaha berharap pemerintah daerah menggandeng pembuat konten dan memperbaiki akses jalan menuju Green Canyon.",
   "Pemkab Pangandaran sendiri menyatakan akan menggelar festival layang-layang internasional pada Agustus untuk mendongkrak kunjungan. ⟦(Yudi Permana)⟧"],
  place="PANGANDARAN", outlet="harianpangandaran.id", authors=["Yudi Permana"],
  conv=["dateline-lowercase-outlet-emdash", "quote-starts-with-place", "paragraph-starts-place-comma", "lookalike-keep", "signoff-fullname-inline"])

# ---------------------------------------------------------------- 012
R("kabarcirebon.com",
  "Pabrik Tahu di Plered Terapkan Biogas, Limbah Tak Lagi Dibuang ke Sungai",
  ["⟦Laporan Wartawan KabarCirebon.com, Fajar Nugraha⟧",
   "⟦KABARCIREBON.COM, CIREBON -⟧ Sebanyak 12 perajin tahu di Kecamatan Plered, Kabupaten Cirebon, kini mengolah limbah cair produksinya menjadi biogas untuk bahan bakar tungku.",
   "Sebelumnya, limbah tahu dari sentra itu dibuang langsung ke Sungai Cipager sehingga airnya berbau menyengat, terutama saat kemarau.",
   "⟦-- ADVERTISEMENT --⟧",
   "Instalasi biogas komunal dibangun dengan dukungan dana tanggung jawab sosial sebuah bank daerah dan pendampingan dari perguruan tinggi di Cirebon.",
   "“Sekarang tungku pakai gas dari limbah sendiri. Kayu bakar berkurang hampir separuh,” ujar Casmadi, salah satu perajin.",
   "Dinas Lingkungan Hidup Kabupaten Cirebon menyebut kualitas air Sungai Cipager di titik pantau Plered membaik dalam tiga bulan terakhir.",
   "⟦Editor: Nia Kurniasih⟧"],
  place="CIREBON", outlet="KABARCIREBON.COM", authors=["Fajar Nugraha"], editor="Nia Kurniasih",
  conv=["laporan-wartawan-header", "dateline-outlet-first", "ad-marker-dashed", "editor-line"])

# ---------------------------------------------------------------- 013
R("lampungkini.com",
  "Ratusan Nelayan Kota Karang Terancam Tak Melaut Akibat Solar Langka",
  ["⟦BANDAR LAMPUNG (LampungKini) –⟧ Ratusan nelayan di Kelurahan Kota Karang, Kecamatan Telukbetung Timur, Bandar Lampung, terancam tidak bisa melaut karena sulit mendapatkan solar bersubsidi dalam sepekan terakhir.",
   "Nelayan mengaku harus antre sejak subuh di satu-satunya stasiun pengisian bahan bakar nelayan di kawasan itu, dan sering pulang dengan tangan kosong.",
   "“Kemarin saya antre dari jam empat pagi, jam sembilan dibilang habis. Mau beli eceran harganya sudah sembilan ribu lebih,” kata Rohman, nelayan bagan.",
   "⟦Baca juga: Harga Ikan di TPI Lempasing Naik, Pembeli Mengeluh⟧",
   "Ketua Himpunan Nelayan Seluruh Indonesia (HNSI) Bandar Lampung, Syarifuddin, meminta pemerintah menambah kuota solar untuk nelayan kecil.",
   "⟦Halaman selanjutnya⟧",
   "⟦1 2 Selanjutnya⟧"],
  place="BANDAR LAMPUNG", outlet="LampungKini",
  conv=["dateline-two-word-place", "dateline-outlet-parens", "baca-juga", "paginated-page1-only", "no-byline"])

# ---------------------------------------------------------------- 014
R("suarapamekasan.com",
  "KPU Pamekasan Mulai Sortir Surat Suara Pemungutan Suara Ulang",
  ["⟦PAMEKASAN, SuaraPamekasan –⟧ Komisi Pemilihan Umum (KPU) Kabupaten Pamekasan mulai menyortir dan melipat 48.500 lembar surat suara untuk pemungutan suara ulang (PSU) di 96 tempat pemungutan suara, Kamis (6/3/2025).",
   "Penyortiran melibatkan 60 pekerja harian yang sebagian besar warga sekitar gudang logistik KPU di Kecamatan Pademawu.",
   "Ketua KPU Pamekasan, Moh. Hasanuddin, mengatakan surat suara yang rusak akan dicatat dan dimusnahkan di hadapan Bawaslu dan saksi pasangan calon.",
   "“Kami pastikan tidak ada satu lembar pun yang keluar gudang tanpa berita acara,” ujarnya.",
   "PSU dijadwalkan berlangsung pada Sabtu (15/3/2025) sesuai putusan Mahkamah Konstitusi.",
   "⟦Polling: Apakah Anda akan datang ke TPS saat PSU nanti?⟧",
   "⟦Ya, pasti datang⟧",
   "⟦Belum tahu⟧",
   "⟦Tidak⟧",
   "⟦Lihat Hasil Polling⟧",
   "⟦Reporter: Zainal Abidin⟧"],
  place="PAMEKASAN", outlet="SuaraPamekasan", authors=["Zainal Abidin"],
  conv=["dateline-camelcase-outlet-endash", "poll-widget", "reporter-line"])

# ---------------------------------------------------------------- 015
R("kabarbanua.com",
  "Pedagang Pasar Terapung Lok Baintan Dapat Jukung Baru",
  ["⟦Pedagang sayur mendayung jukung di Pasar Terapung Lok Baintan, Kabupaten Banjar. (Foto: Dok. Kabar Banua)⟧",
   "⟦BANJARMASIN, KABARBANUA.COM –⟧ Sebanyak 40 pedagang Pasar Terapung Lok Baintan menerima bantuan jukung atau perahu kayu baru dari Pemerintah Provinsi Kalimantan Selatan, Sabtu (17/5/2025).",
   "Bantuan diberikan karena banyak jukung milik pedagang, yang sebagian besar perempuan lanjut usia, sudah lapuk dan bocor.",
   "“Jukung saya ini umurnya lebih tua dari cucu saya. Tiap pagi harus menimba air dulu,” kata Acil Masitah (67), pedagang pisang dan kue tradisional.",
   "Kepala Dinas Pariwisata Kalsel, Ahmad Fauzan Noor, mengatakan keberadaan pedagang perempuan itu adalah daya tarik utama pasar terapung sehingga perlu dijaga.",
   "Selain jukung, para pedagang juga menerima jaket pelampung dan payung tanggui yang menjadi ciri khas pedagang Lok Baintan.",
   "⟦#PasarTerapung #LokBaintan #Kalsel #WisataBanua⟧",
   "⟦Simak berita lainnya di Google News Kabar Banua⟧"],
  place="BANJARMASIN", outlet="KABARBANUA.COM",
  conv=["caption-with-inline-credit", "dateline-caps-outlet-endash", "hashtag-line", "google-news", "no-byline"])

# ---------------------------------------------------------------- 016
R("sultranow.id",
  "Aktivis Lingkungan Gelar Aksi Bersih Teluk Kendari, Kumpulkan 3 Ton Sampah",
  ["⟦KENDARI, SULTRANOW.ID |⟧ Ratusan relawan dari komunitas pecinta lingkungan, pelajar, dan mahasiswa membersihkan sampah di pesisir Teluk Kendari, Minggu (8/6/2025), dalam rangka Hari Laut Sedunia.",
   "Dalam tiga jam, relawan mengumpulkan sekitar tiga ton sampah, sebagian besar berupa plastik kemasan, styrofoam, dan sandal bekas.",
   "#SelamatkanTelukKendari, tagar yang diusung komunitas itu, sempat menjadi perbincangan warganet di Sulawesi Tenggara setelah foto tumpukan sampah di muara Sungai Wanggu beredar luas pekan lalu.",
   "“Teluk ini makin dangkal. Kalau sampah dan sedimen terus masuk, dua puluh tahun lagi mungkin tinggal rawa,” kata koordinator aksi, Laode Muhammad Arsyad.",
   "Dinas Lingkungan Hidup Kota Kendari menyatakan akan menambah jaring penyaring sampah di tiga muara sungai yang bermuara ke teluk.",
   "⟦Laporan: Wa Ode Sarni⟧",
   "⟦Tags: Teluk Kendari, Lingkungan, Hari Laut Sedunia⟧"],
  place="KENDARI", outlet="SULTRANOW.ID", authors=["Wa Ode Sarni"],
  conv=["dateline-pipe", "story-paragraph-starts-hashtag", "lookalike-keep", "laporan-line", "tags-line"])

# ---------------------------------------------------------------- 017
R("wartabekasi.net",
  "DPRD Kota Bekasi Dorong Penambahan Ruang Terbuka Hijau di Bekasi Utara",
  ["⟦ADVERTORIAL⟧",
   "⟦BEKASI –⟧ Komisi III DPRD Kota Bekasi mendorong pemerintah kota menambah ruang terbuka hijau (RTH) di wilayah Bekasi Utara yang dinilai paling padat permukiman.",
   "Dorongan itu disampaikan dalam rapat kerja bersama Dinas Perumahan, Kawasan Permukiman dan Pertanahan di Gedung DPRD Kota Bekasi, Selasa (22/4/2025).",
   "Ketua Komisi III, Hj. Ratna Sari Dewi, mengatakan proporsi RTH publik di Bekasi Utara masih jauh dari ketentuan 20 persen.",
   "“Kami minta lahan-lahan fasos fasum dari pengembang yang belum diserahkan segera ditagih, lalu dijadikan taman,” ujarnya.",
   "Pemkot Bekasi menyatakan tahun ini akan membangun tiga taman baru di Kelurahan Harapan Jaya dan Kaliabang Tengah. ⟦(adv)⟧"],
  place="BEKASI", agency="adv",
  conv=["advertorial-label", "dateline-place-only", "signoff-adv-inline"])
# ---------------------------------------------------------------- 018
R("kabarsumbawa.com",
  "Pemkab Sumbawa Salurkan Bantuan Bibit Jagung untuk 2.000 Petani",
  ["⟦SUMBAWA BESAR, KS —⟧ Pemerintah Kabupaten Sumbawa menyalurkan bantuan bibit jagung hibrida kepada sekitar 2.000 petani di tujuh kecamatan, Rabu (16/4/2025).",
   "Penyerahan secara simbolis dilakukan Bupati Sumbawa di Desa Lape, Kecamatan Lape. Total bantuan mencapai 30 ton bibit untuk lahan seluas 2.000 hektare.",
   "⟦Baca Juga: Harga Jagung di Sumbawa Tembus Rp 5.200 per Kilogram⟧",
   "Kepala Dinas Pertanian Sumbawa, Ir. Syamsul Hidayat, mengatakan bantuan diprioritaskan bagi petani lahan kering yang gagal panen akibat kemarau tahun lalu.",
   "“Kami juga turunkan penyuluh untuk mendampingi sejak tanam sampai panen, supaya hasilnya maksimal,” kata Syamsul.",
   "Pemkab menargetkan produksi jagung Sumbawa tahun ini mencapai 600.000 ton pipilan kering. ⟦(*/adv)⟧"],
  place="SUMBAWA BESAR", outlet="KS", agency="*/adv",
  conv=["dateline-outlet-abbrev-emdash", "baca-juga", "signoff-star-adv-inline"])

# ---------------------------------------------------------------- 019
R("infopadang.com",
  "Pemko Padang Uji Coba Pengangkutan Sampah Malam Hari di Pasar Raya",
  ["⟦FOTO: Humas Pemko Padang⟧",
   "⟦Padang, infopadang.com –⟧ Pemerintah Kota Padang mulai menguji coba pengangkutan sampah pada malam hari di kawasan Pasar Raya untuk mengurangi penumpukan sampah saat jam sibuk.",
   "Uji coba berlangsung selama satu bulan, mulai Senin (2/6/2025), dengan mengerahkan delapan truk sampah dan 40 petugas kebersihan.",
   "Kepala Dinas Lingkungan Hidup Kota Padang, Fadhli Rahman, mengatakan selama ini truk sampah kesulitan masuk ke Pasar Raya pada siang hari karena padatnya kendaraan dan pedagang.",
   "“Pedagang kami minta mengumpulkan sampah di titik yang sudah ditentukan paling lambat pukul 21.00 WIB,” ujarnya.",
   "⟦Tonton juga: Detik-detik Banjir Rendam Kawasan Lubuk Begalung⟧",
   "Pemko akan mengevaluasi hasil uji coba sebelum menerapkannya secara permanen di pasar-pasar lain. ⟦(rls)⟧"],
  place="Padang", outlet="infopadang.com", agency="rls",
  conv=["photo-credit-only", "dateline-mixedcase-place-lowercase-outlet", "tonton-juga", "signoff-rls-inline"])

# ---------------------------------------------------------------- 020
R("riauaktual.com",
  "Tujuh Gajah Liar Masuk Kebun Warga di Pelalawan",
  ["⟦PEKANBARU –⟧ Tujuh ekor gajah sumatera liar memasuki kebun sawit dan karet warga di Desa Lubuk Kembang Bunga, Kabupaten Pelalawan, Riau, dalam tiga malam terakhir.",
   "Balai Besar Konservasi Sumber Daya Alam (BBKSDA) Riau telah menurunkan tim untuk menggiring kawanan gajah itu kembali ke kawasan Taman Nasional Tesso Nilo.",
   "Kepala Bidang Wilayah I BBKSDA Riau, Hartono Siregar, meminta warga tidak melukai gajah dan segera melapor bila kawanan itu terlihat mendekati permukiman.",
   "“Gajah itu satwa dilindungi. Kami pakai cara menggiring dengan bunyi-bunyian dan mercon, bukan kekerasan,” katanya di Pekanbaru, Kamis.",
   "⟦Baca juga: Anak Gajah Sumatera Lahir di Pusat Latihan Gajah Minas⟧",
   "Menurut warga, sedikitnya dua hektare tanaman sawit muda rusak dimakan dan diinjak kawanan gajah tersebut. ⟦(ant/zul)⟧"],
  place="PEKANBARU", agency="ant/zul",
  conv=["dateline-place-only", "baca-juga", "signoff-agency-initials-inline"])

# ---------------------------------------------------------------- 021
R("malangraya.today",
  "Jembatan Bambu Penghubung Dua Dusun di Poncokusumo Ambrol",
  ["⟦Kondisi jembatan bambu di Dusun Gubuklakah yang ambrol, Rabu (7/5/2025).⟧",
   "⟦FOTO: Istimewa⟧",
   "⟦MALANG, malangraya.today -⟧ Jembatan bambu sepanjang 20 meter yang menghubungkan Dusun Krajan dan Dusun Gubuklakah, Kecamatan Poncokusumo, Kabupaten Malang, ambrol diterjang arus sungai, Selasa (6/5/2025) malam.",
   "Foto-foto jembatan yang ambrol itu kemudian beredar di grup-grup WhatsApp warga dan media sosial. Dalam foto tampak tiang-tiang bambu patah dan terseret hingga ke hilir.",
   "Akibatnya, sekitar 80 pelajar dari Dusun Gubuklakah harus memutar sejauh enam kilometer untuk berangkat ke sekolah.",
   "“Anak-anak sekarang diantar pakai motor, muter lewat desa sebelah. Yang tidak punya motor terpaksa numpang tetangga,” kata Mistono, warga setempat.",
   "Camat Poncokusumo, Agus Prihatin, mengatakan pihaknya sudah mengusulkan pembangunan jembatan permanen ke Dinas Pekerjaan Umum Bina Marga.",
   "⟦Penulis: Dimas Ardiansyah⟧",
   "⟦Editor: Rahma Fitri⟧"],
  place="MALANG", outlet="malangraya.today", authors=["Dimas Ardiansyah"], editor="Rahma Fitri",
  conv=["caption-line", "caption-credit-caps", "story-paragraph-starts-foto", "lookalike-keep", "penulis-editor-separate-lines"])

# ---------------------------------------------------------------- 022
R("kabarbontang.com",
  "Siswi SD Bontang Juara Lomba Ilustrasi Cerita Rakyat Tingkat Nasional",
  ["⟦Para pemenang lomba ilustrasi cerita rakyat berfoto bersama di Jakarta. (Foto: Dok. Disdikbud Bontang)⟧",
   "⟦BONTANG –⟧ Nayla Azzahra, siswi kelas V SD Negeri 009 Bontang Utara, meraih juara pertama lomba ilustrasi cerita rakyat tingkat nasional yang digelar Badan Bahasa di Jakarta, pekan lalu.",
   "Ilustrasi buatan Nayla mengangkat legenda Putri Junjung Buih dari Kalimantan. Ia menggambar sang putri muncul dari gumpalan buih di tengah sungai, dikelilingi perahu-perahu nelayan.",
   "⟦ADVERTISEMENT⟧",
   "Dewan juri menilai karya Nayla unggul dalam komposisi warna dan kemampuan menerjemahkan cerita ke dalam satu bidang gambar.",
   "“Saya suka gambar sungai, karena rumah nenek di pinggir sungai,” kata Nayla saat disambut di Bandara APT Pranoto, Samarinda, Senin (19/5/2025).",
   "Wali Kota Bontang berencana memberikan beasiswa pendidikan kepada Nayla hingga jenjang SMP.",
   "⟦Reporter: Irfan Maulana⟧"],
  place="BONTANG", authors=["Irfan Maulana"],
  conv=["caption-with-inline-credit", "dateline-place-only", "lede-name-comma-after-dateline", "story-paragraph-starts-ilustrasi",
        "lookalike-keep", "ad-marker", "reporter-line"])

# ---------------------------------------------------------------- 023
R("kepritoday.id",
  "Buku Sejarah Perempuan Pulau Penyengat Diluncurkan di Tanjungpinang",
  ["⟦TANJUNGPINANG, KEPRITODAY.ID –⟧ Sebuah buku tentang peran perempuan dalam sejarah Kerajaan Riau-Lingga di Pulau Penyengat diluncurkan di Gedung Daerah Tanjungpinang, Sabtu (10/5/2025).",
   "Buku tersebut disusun berdasarkan naskah-naskah lama, surat-menyurat keluarga kerajaan, dan wawancara dengan keturunan bangsawan yang masih tinggal di Penyengat.",
   "Judul: Perempuan di Balik Istana Penyengat",
   "Penulis: Raja Nurhayati",
   "Penerbit: Pustaka Segantang Lada",
   "Tebal: 312 halaman",
   "Dalam sambutannya, Raja Nurhayati mengatakan selama ini sejarah Penyengat lebih banyak ditulis dari sudut pandang para raja dan ulama laki-laki.",
   "“Padahal banyak perempuan yang menulis syair, mengajar mengaji, bahkan ikut mengatur urusan dagang kerajaan,” ujarnya.",
   "Buku itu akan dibagikan ke perpustakaan sekolah di Kepulauan Riau melalui kerja sama dengan Dinas Perpustakaan dan Kearsipan provinsi.",
   "⟦Penulis: Fadli Akbar⟧",
   "⟦Editor: Sri Wahyuni⟧"],
  place="TANJUNGPINANG", outlet="KEPRITODAY.ID", authors=["Fadli Akbar"], editor="Sri Wahyuni",
  conv=["dateline-caps-outlet-endash", "book-info-block-keep", "story-line-penulis", "lookalike-keep", "penulis-editor-separate-lines"])

# ---------------------------------------------------------------- 024
R("lebakhariini.com",
  "Jalan Desa di Cibeber Rusak Parah Meski Baru Setahun Diperbaiki",
  ["⟦LEBAK, LEBAKHARIINI.COM —⟧ Jalan desa sepanjang 1,8 kilometer di Desa Kujangsari, Kecamatan Cibeber, Kabupaten Lebak, rusak parah padahal baru diperbaiki kurang dari setahun lalu.",
   "Aspal di sejumlah titik mengelupas dan berlubang sedalam 20 sentimeter. Saat hujan, lubang-lubang itu tergenang air dan membahayakan pengendara sepeda motor.",
   "Berdasarkan papan proyek yang masih terpasang di ujung jalan, pekerjaan itu tercatat dengan keterangan berikut:",
   "Nilai kontrak: Rp 1.470.000.000",
   "Sumber dana: APBD Kabupaten Lebak Tahun Anggaran 2024",
   "Pelaksana: CV Karya Bhakti Nusantara",
   "Warga menduga kualitas pekerjaan tidak sesuai spesifikasi. “Waktu dikerjakan, aspalnya tipis sekali. Kami sudah protes, tapi katanya sesuai gambar,” kata Jaenudin, tokoh pemuda setempat.",
   "Kepala Bidang Bina Marga Dinas PUPR Lebak, Asep Saepudin, mengatakan jalan tersebut masih dalam masa pemeliharaan sehingga kontraktor wajib memperbaikinya. ⟦(*)⟧",
   "⟦Dapatkan update berita pilihan setiap hari dari LebakHariIni.com. Gabung di saluran Telegram kami, klik di sini.⟧"],
  place="LEBAK", outlet="LEBAKHARIINI.COM", agency="*",
  conv=["dateline-caps-outlet-emdash", "project-board-list-keep", "story-line-sumber", "lookalike-keep", "signoff-star-inline", "dapatkan-update"])

# ---------------------------------------------------------------- 025
R("kabarngawi.com",
  "214 Warga Binaan Lapas Ngawi Ikuti Ujian Paket C",
  ["SEBANYAK 214 warga binaan Lembaga Pemasyarakatan Kelas IIB Ngawi mengikuti ujian pendidikan kesetaraan Paket C yang digelar di dalam lapas, Senin (21/4/2025).",
   "Ujian diselenggarakan bekerja sama dengan Pusat Kegiatan Belajar Masyarakat (PKBM) Sekar Jagad dan Dinas Pendidikan Kabupaten Ngawi.",
   "Kepala Lapas Ngawi, Bambang Hermanto, mengatakan sebagian besar peserta putus sekolah saat SMP atau SMA karena alasan ekonomi.",
   "“Ijazah ini bekal mereka setelah bebas. Banyak lowongan kerja yang minimal minta lulusan SMA,” ujarnya.",
   "⟦Gulir ke bawah untuk lanjut membaca⟧",
   "Salah seorang peserta, R (34), mengaku sempat ragu ikut ujian karena sudah lebih dari 15 tahun tidak belajar di kelas.",
   "“Matematika yang paling susah. Tapi teman-teman saling bantu,” katanya.",
   "⟦Reporter: Sigit Nugroho / Editor: Tri Handayani⟧"],
  authors=["Sigit Nugroho"], editor="Tri Handayani",
  conv=["no-dateline", "caps-kicker-first-word", "lookalike-keep", "scroll-marker", "reporter-editor-slash"])

# ---------------------------------------------------------------- 026
R("kotabimanews.com",
  "Kasus DBD di Kota Bima Naik, Dinkes Gencarkan Fogging dan PSN",
  ["⟦Ilustrasi nyamuk Aedes aegypti. (Foto: Dok. Net)⟧",
   "Kepala Dinas Kesehatan Kota Bima, dr. Syarifah Nurlaila, mengatakan kasus demam berdarah dengue (DBD) di wilayahnya meningkat tajam sejak awal tahun. Hingga pekan ini tercatat 143 kasus, dua di antaranya meninggal dunia.",
   "Jumlah itu hampir dua kali lipat dibandingkan periode yang sama tahun lalu. Kasus terbanyak ditemukan di Kecamatan Rasanae Barat dan Mpunda.",
   "“Fogging saja tidak cukup. Yang paling penting pemberantasan sarang nyamuk di rumah masing-masing,” kata Syarifah, Selasa (11/3/2025).",
   "Dinkes telah membentuk juru pemantau jentik di setiap kelurahan dan meminta sekolah-sekolah menggelar Jumat bersih setiap pekan.",
   "Warga yang mengalami demam tinggi lebih dari dua hari diminta segera memeriksakan diri ke puskesmas terdekat. ⟦(red)⟧"],
  agency="red",
  conv=["caption-ilustrasi", "no-dateline", "lede-title-name-comma", "lookalike-keep", "signoff-red-inline"])

# ---------------------------------------------------------------- 027
R("palembangterkini.id",
  "Dua Pelajar Terluka dalam Tawuran di Jalan Soekarno-Hatta, Polisi Amankan Senjata Tajam",
  ["⟦PALEMBANG, PALEMBANGTERKINI.ID —⟧ Dua pelajar SMK terluka akibat sabetan senjata tajam dalam tawuran antarkelompok pelajar di Jalan Soekarno-Hatta, Kecamatan Alang-Alang Lebar, Palembang, Jumat (16/5/2025) dini hari.",
   "Kedua korban, sebut saja A (16) dan F (17), dilarikan warga ke rumah sakit terdekat dengan luka di lengan dan punggung. Kondisi keduanya kini berangsur membaik.",
   "Kapolsek Alang-Alang Lebar, Kompol Hendri Saputra, mengatakan polisi mengamankan lima remaja beserta dua bilah celurit dan satu gir yang diikat sabuk.",
   "“Tawuran ini janjian lewat media sosial. Kami masih mendalami siapa yang menggerakkan,” ujarnya.",
   "Catatan redaksi: Nama dan identitas para pelajar dalam berita ini sengaja tidak kami tampilkan karena mereka masih berusia anak, sesuai Pedoman Pemberitaan Ramah Anak.",
   "⟦Catatan Redaksi: Punya informasi atau video kejadian di sekitar Anda? Kirimkan melalui WhatsApp redaksi Palembang Terkini lewat tautan di bawah ini.⟧",
   "⟦Penulis: Ahmad Rivai⟧"],
  place="PALEMBANG", outlet="PALEMBANGTERKINI.ID", authors=["Ahmad Rivai"],
  conv=["dateline-caps-outlet-emdash", "catatan-redaksi-story-keep", "catatan-redaksi-promo-drop", "lookalike-keep", "penulis-line"])

# ---------------------------------------------------------------- 028
R("mojokertoonline.com",
  "Spesialis Pencuri Kotak Amal Masjid Dibekuk Polisi di Mojosari",
  ["⟦MOJOKERTO —⟧ Seorang pria berinisial SH (38), warga Kecamatan Pungging, ditangkap Satreskrim Polres Mojokerto karena diduga mencuri kotak amal di sedikitnya tujuh masjid dan musala.",
   "Pelaku ditangkap di rumah kontrakannya di Kecamatan Mojosari, Sabtu (24/5/2025), setelah aksinya terekam kamera pengawas salah satu masjid di Desa Kebondalem.",
   "⟦Baca juga: Maling Motor di Parkiran Pasar Kedungmaling Tertangkap Basah⟧",
   "Kasat Reskrim Polres Mojokerto, AKP Yudha Pratama, mengatakan pelaku biasa beraksi selepas salat Subuh saat masjid sepi. Uang hasil curian dipakai untuk judi daring.",
   "“Dari pengakuannya, sekali ambil bisa dapat dua ratus sampai lima ratus ribu rupiah,” kata Yudha.",
   "Atas perbuatannya, pelaku dijerat Pasal 363 Kitab Undang-Undang Hukum Pidana (KUHP) tentang pencurian dengan pemberatan dengan ancaman hukuman tujuh tahun penjara. ⟦(ryn/red)⟧"],
  place="MOJOKERTO", agency="ryn/red",
  conv=["dateline-place-emdash", "baca-juga", "parenthetical-acronym-keep", "signoff-initials-inline"])

# ---------------------------------------------------------------- 029
R("wartahoras.com",
  "Angkot di Pematangsiantar Kian Sepi Penumpang, Sopir Beralih Jadi Ojol",
  ["⟦SIANTAR (Warta Horas):⟧ Jumlah angkutan kota yang beroperasi di Kota Pematangsiantar terus menyusut. Dari sekitar 1.100 unit pada 2015, kini tinggal kurang dari 400 unit yang masih aktif melayani penumpang.",
   "Banyak sopir memilih menjual kendaraannya dan beralih menjadi pengemudi ojek daring karena penghasilan dari angkot tidak lagi mencukupi.",
   "“Dulu satu hari bisa bawa pulang dua ratus ribu. Sekarang setengah hari keliling, penumpang cuma tiga orang,” kata Jhonson Manurung (49), sopir angkot trayek Parluasan.",
   "Kepala Dinas Perhubungan Pematangsiantar, Rudolf Simanjuntak, mengakui layanan angkot kalah bersaing. Pemko berencana menata ulang trayek agar angkot bisa menjadi pengumpan bus kota.",
   "⟦(ds)⟧"],
  place="SIANTAR", outlet="Warta Horas",
  agency="ds",
  conv=["dateline-outlet-parens-colon", "signoff-initials-own-line"])

# ---------------------------------------------------------------- 030
R("jatimraya.com",
  "Ribuan Warga Padati Festival Rujak Uleg di Kawasan Kembang Jepun",
  ["⟦Surabaya, JatimRaya.com —⟧ Ribuan warga memadati kawasan Kembang Jepun, Surabaya, Minggu (11/5/2025), untuk mengikuti Festival Rujak Uleg yang digelar dalam rangkaian Hari Jadi Kota Surabaya.",
   "Sebanyak 1.500 peserta dari perwakilan kampung, instansi, dan sekolah menguleg rujak secara serentak di sepanjang jalan. Sebagian peserta tampil dengan kostum warna-warni dan riasan unik.",
   "⟦ADVERTISEMENT⟧",
   "“Ini tradisi yang ditunggu tiap tahun. Anak-anak kami ajak supaya tahu rujak cingur itu makanan asli Surabaya,” ujar Sulastri (45), peserta dari Kelurahan Tambaksari.",
   "Panitia menyiapkan tiga ton cingur dan sayuran yang dibagikan gratis kepada pengunjung setelah lomba.",
   "⟦Baca juga: Jalan Tunjungan Ditutup Sementara untuk Parade Budaya Akhir Pekan Ini⟧",
   "⟦Editor: Galih Pratama⟧",
   "⟦Copyright © 2025 JatimRaya.com. All Rights Reserved.⟧"],
  place="Surabaya", outlet="JatimRaya.com", editor="Galih Pratama",
  conv=["dateline-mixedcase-emdash", "ad-marker", "baca-juga-trailing", "editor-line", "copyright-line"])
# ---------------------------------------------------------------- 031
R("beritadesa-tapanuli.blogspot.com",
  "GOTONG ROYONG WARGA HUTABARAT PERBAIKI JALAN KE SAWAH",
  ["⟦TARUTUNG -⟧ Puluhan warga Desa Hutabarat Partali Toruan, Kecamatan Tarutung, Kabupaten Tapanuli Utara, bergotong royong memperbaiki jalan usaha tani yang rusak menuju persawahan, Sabtu (26/4/2025).",
   "Warga membawa cangkul, sekop dan batu dari sungai untuk menimbun lubang-lubang di jalan sepanjang kurang lebih 700 meter itu. Kaum ibu menyiapkan makanan dan kopi untuk para pekerja.",
   "Kepala Desa, Parulian Hutabarat, mengatakan jalan tersebut sangat penting untuk mengangkut hasil panen padi dan kopi warga.",
   '"Kalau jalan rusak, gabah harus dipikul, ongkosnya mahal. Makanya kami kerjakan bersama-sama, tidak usah menunggu proyek," katanya.',
   "Ia berharap pemerintah kabupaten dapat membantu pengerasan jalan tersebut melalui anggaran tahun depan.",
   "⟦(Marbun Sitorus)⟧",
   "⟦Bagikan berita ini:⟧",
   "⟦Facebook Twitter WhatsApp⟧"],
  place="TARUTUNG", authors=["Marbun Sitorus"],
  conv=["blogspot", "dateline-place-hyphen", "straight-quotes", "signoff-fullname-own-line", "share-bar-text"])

# ---------------------------------------------------------------- 032
R("kabarsolo.id",
  "Pasar Gede Solo Perpanjang Jam Buka Selama Libur Lebaran",
  ["⟦SOLO, KABARSOLO.ID –⟧ Pengelola Pasar Gede Hardjonagoro, Solo, memperpanjang jam operasional pasar selama libur Lebaran untuk mengantisipasi lonjakan pengunjung dan wisatawan kuliner.",
   "Selama sepekan ke depan, pasar buka mulai pukul 05.00 hingga 20.00 WIB, atau tiga jam lebih lama dari biasanya.",
   "⟦Baca Juga : Libur Lebaran, Okupansi Hotel di Solo Diprediksi Tembus 90 Persen⟧",
   "Lurah Pasar Gede, Joko Susilo, mengatakan sejumlah kios kuliner legendaris seperti dawet telasih dan lenjongan selalu diserbu pembeli saat musim libur.",
   "“Kami tambah petugas parkir dan kebersihan. Toilet juga kami buka sampai malam,” ujarnya.",
   "⟦Tonton juga video:⟧",
   "⟦Antrean Pembeli Dawet Telasih Mengular hingga Luar Pasar⟧",
   "⟦Penulis: Bayu Aji Nugroho | Editor: Maria Ulfa⟧"],
  place="SOLO", outlet="KABARSOLO.ID", authors=["Bayu Aji Nugroho"], editor="Maria Ulfa",
  conv=["dateline-caps-outlet-endash", "baca-juga-spaced-colon", "tonton-juga-label-then-title", "penulis-editor-pipe"])

# ---------------------------------------------------------------- 033
R("acehterkini.com",
  "Harga Cabai Merah di Banda Aceh Tembus Rp 80 Ribu per Kilogram",
  ["⟦BANDA ACEH -⟧ Harga cabai merah di sejumlah pasar tradisional di Banda Aceh melonjak hingga Rp 80.000 per kilogram, naik dua kali lipat dibandingkan awal bulan.",
   "Di Pasar Al-Mahirah Lamdingin, pedagang mengaku pasokan dari sentra cabai di Bener Meriah dan Aceh Tengah berkurang karena gagal panen akibat hujan berkepanjangan.",
   "⟦BACA JUGA: Pemerintah Aceh Gelar Pasar Murah di 23 Kabupaten/Kota⟧",
   "“Pembeli sekarang belinya seperempat, ada yang cuma sepuluh ribu. Kami pun ambil barang sedikit saja,” kata Nurhayati (50), pedagang sayur.",
   "Kepala Dinas Perindustrian dan Perdagangan Aceh, Teuku Mirza, mengatakan pihaknya akan berkoordinasi dengan daerah penghasil di Sumatera Utara untuk menambah pasokan. ⟦(BACA JUGA: Inflasi Aceh Maret 2025 Dipicu Kenaikan Harga Cabai)⟧ Operasi pasar juga akan digelar di empat titik pekan depan.",
   "⟦Editor: Zulfikar⟧"],
  place="BANDA ACEH", editor="Zulfikar",
  conv=["dateline-two-word-place", "baca-juga-caps", "baca-juga-inline-midparagraph", "editor-line"])

# ---------------------------------------------------------------- 034
R("lomboktimur.news",
  "Petani Tembakau Lombok Timur Mulai Panen, Harga Daun Kering Membaik",
  ["⟦SELONG, lomboktimur.news -⟧ Petani tembakau virginia di Kabupaten Lombok Timur mulai memasuki masa panen raya. Harga tembakau kering di tingkat petani tahun ini disebut lebih baik dibandingkan musim lalu.",
   "Di Kecamatan Sakra Barat, tembakau kualitas atas dihargai Rp 62.000 hingga Rp 68.000 per kilogram, naik sekitar Rp 7.000 dari tahun lalu.",
   "⟦Ikuti saluran WhatsApp Lombok Timur News untuk update berita terkini. Klik di sini.⟧",
   "Lalu Muhammad Zaini, petani di Desa Boro’ Tumbuh, mengatakan cuaca yang cukup kering pada Juli membuat kualitas daun lebih bagus.",
   "“Oven juga lancar, kayu bakar tidak susah. Mudah-mudahan harga bertahan sampai akhir panen,” ujarnya.",
   "Dinas Pertanian Lombok Timur mencatat luas tanam tembakau virginia tahun ini sekitar 14.000 hektare.",
   "⟦Dapatkan update berita pilihan dan breaking news setiap hari dari lomboktimur.news. Gabung di kanal Telegram kami.⟧",
   "⟦Pewarta: Baiq Rina Safitri Editor: Lalu Ahmad Hamdani⟧"],
  place="SELONG", outlet="lomboktimur.news", authors=["Baiq Rina Safitri"], editor="Lalu Ahmad Hamdani",
  conv=["dateline-lowercase-outlet-hyphen", "whatsapp-channel", "paragraph-starts-lalu-name", "lookalike-keep",
        "dapatkan-update", "pewarta-editor-oneline"])

# ---------------------------------------------------------------- 035
R("kaltaranews.id",
  "Banjir Rendam Jalan Poros Tanjung Selor–Tanjung Palas",
  ["⟦TANJUNG SELOR –⟧ Banjir setinggi 40 hingga 70 sentimeter merendam ruas jalan poros Tanjung Selor–Tanjung Palas, Kabupaten Bulungan, Kalimantan Utara, Rabu (14/5/2025).",
   "Genangan terjadi setelah hujan lebat turun sejak dini hari dan Sungai Kayan meluap akibat air pasang.",
   "⟦Foto: Banjir di Jalan Poros Tanjung Palas, Rabu pagi. (Dok. BPBD Bulungan)⟧",
   "Sejumlah pengendara sepeda motor nekat menerobos banjir dan mogok di tengah jalan. Petugas BPBD dan relawan membantu mendorong kendaraan ke tempat yang lebih tinggi.",
   "Kepala Pelaksana BPBD Bulungan, Andi Syamsuddin, mengatakan pihaknya menyiagakan perahu karet di dua titik rawan.",
   "“Kalau air naik lagi malam ini, warga di bantaran kami evakuasi ke sekolah terdekat,” kata Andi.",
   "⟦© 2025 Kaltara News. Hak cipta dilindungi undang-undang.⟧"],
  place="TANJUNG SELOR",
  conv=["dateline-two-word-place", "caption-midarticle-foto-prefix", "copyright-line", "no-byline"])

# ---------------------------------------------------------------- 036
R("kabarjember.com",
  "Survei Kampus: Mayoritas Warga Jember Puas dengan Layanan Puskesmas",
  ["⟦JEMBER, kabarjember.com –⟧ Hasil survei Pusat Kajian Kebijakan Publik sebuah universitas di Jember menunjukkan sebagian besar warga puas dengan layanan puskesmas, meski keluhan soal antrean masih tinggi.",
   "Survei dilakukan terhadap 800 responden di 31 kecamatan pada Februari hingga Maret 2025, dengan margin of error sekitar 3,5 persen.",
   "Ketika ditanya tingkat kepuasan terhadap layanan puskesmas, jawaban responden sebagai berikut:",
   "Sangat puas: 18 persen",
   "Puas: 49 persen",
   "Kurang puas: 26 persen",
   "Tidak puas: 7 persen",
   "Ketua tim peneliti, Dr. Lukman Hakim, mengatakan keluhan terbanyak adalah waktu tunggu yang lebih dari satu jam dan sulitnya mendapat nomor antrean secara daring.",
   "“Puskesmas di kota relatif baik. Yang di pinggiran masih kekurangan dokter,” katanya.",
   "⟦Bagaimana pendapat Anda tentang berita ini?⟧",
   "⟦Senang 0% Biasa Saja 0% Sedih 0% Marah 0%⟧",
   "⟦Penulis: Eko Susanto⟧"],
  place="JEMBER", outlet="kabarjember.com", authors=["Eko Susanto"],
  conv=["dateline-lowercase-outlet-endash", "survey-result-lines-keep", "lookalike-keep", "reaction-poll-widget", "penulis-line"])

# ---------------------------------------------------------------- 037
R("suarapegunungan.id",
  "Mama-mama Pedagang Pinang di Wamena Minta Los Pasar Beratap",
  ["⟦Oleh: Yohanis Wenda⟧",
   "⟦WAMENA –⟧ Puluhan mama-mama pedagang pinang dan sayur di Pasar Jibama, Wamena, Kabupaten Jayawijaya, meminta pemerintah membangun los berjualan yang beratap.",
   "Selama ini mereka berjualan beralas karung di tanah terbuka. Saat hujan turun, dagangan basah dan pembeli enggan datang.",
   "“Kami jualan dari pagi sampai sore, hujan panas kami tahan. Kami minta atap saja, tidak minta lebih,” kata Mama Yuliana Lokobal (52).",
   "Kepala Dinas Perindustrian dan Perdagangan Jayawijaya, Markus Itlay, mengatakan pembangunan los khusus pedagang orang asli Papua sudah masuk rencana anggaran perubahan tahun ini.",
   "⟦Baca juga: Harga Bensin Eceran di Wamena Tembus Rp 25 Ribu per Liter⟧",
   "Ia menargetkan los tersebut dapat digunakan sebelum Natal. ⟦(*)⟧"],
  place="WAMENA", authors=["Yohanis Wenda"], agency="*",
  conv=["oleh-byline-top", "dateline-place-only", "baca-juga", "signoff-star-inline"])

# ---------------------------------------------------------------- 038
R("kabartegal.com",
  "Warteg di Tegal Kesulitan Cari Juru Masak Muda",
  ["⟦Laporan Kontributor Kabar Tegal, Siti Maemunah⟧",
   "⟦TEGAL, kabartegal.com —⟧ Pengusaha warung tegal (warteg) di Kota Tegal mengaku semakin sulit mencari juru masak muda. Sebagian besar anak muda dari desa-desa asal pekerja warteg kini memilih bekerja di pabrik atau merantau ke luar negeri.",
   "Ketua paguyuban pengusaha warteg setempat, Casudi, mengatakan rata-rata usia juru masak warteg saat ini di atas 45 tahun.",
   "“Masak di warteg itu berat, bangun jam tiga pagi, menu bisa dua puluh macam. Anak sekarang tidak kuat,” katanya.",
   "⟦Lanjutkan membaca artikel di bawah⟧",
   "Untuk mengatasi hal itu, paguyuban bekerja sama dengan sebuah SMK di Kabupaten Tegal membuka kelas singkat memasak menu warteg bagi lulusan baru.",
   "Kelas angkatan pertama diikuti 25 peserta dan berlangsung selama dua bulan."],
  place="TEGAL", outlet="kabartegal.com", authors=["Siti Maemunah"],
  conv=["laporan-kontributor-header", "dateline-lowercase-outlet-emdash", "scroll-marker"])

# ---------------------------------------------------------------- 039
R("kabarsidoarjo.com",
  "Polresta Sidoarjo Buka Layanan SIM Keliling di Alun-alun Setiap Akhir Pekan",
  ["⟦SIDOARJO, KabarSidoarjo.com –⟧ Kepolisian Resor Kota Sidoarjo membuka layanan perpanjangan surat izin mengemudi (SIM) keliling di kawasan Alun-alun Sidoarjo setiap Sabtu dan Minggu mulai pekan ini.",
   "Layanan dibuka pukul 08.00 hingga 12.00 WIB dan hanya melayani perpanjangan SIM A dan SIM C yang masa berlakunya belum habis.",
   "Kasat Lantas Polresta Sidoarjo, Kompol Rizal Effendi, mengatakan layanan akhir pekan dibuka karena banyak warga yang bekerja di hari kerja tidak sempat ke Satpas.",
   "Pemohon cukup membawa KTP asli, SIM lama, dan surat keterangan sehat jasmani serta tes psikologi. ⟦(hms)⟧",
   "⟦Sumber: Humas Polresta Sidoarjo⟧"],
  place="SIDOARJO", outlet="KabarSidoarjo.com", agency="hms",
  conv=["dateline-camelcase-outlet-endash", "signoff-hms-inline", "sumber-line"])

# ---------------------------------------------------------------- 040
R("purwakartanews.id",
  "Ribuan Pencari Kerja Serbu Job Fair di Purwakarta",
  ["⟦PURWAKARTA–⟧Ribuan pencari kerja memadati bursa kerja yang digelar Dinas Tenaga Kerja dan Transmigrasi Kabupaten Purwakarta di Gedung Kembang Kapas, Kamis (24/7/2025).",
   "Sebanyak 42 perusahaan membuka sekitar 1.600 lowongan, sebagian besar untuk posisi operator produksi di kawasan industri Bungursari dan Jatiluhur.",
   "Antrean pencari kerja sudah terlihat sejak pukul 06.00 WIB. Panitia sempat menutup pintu masuk sementara karena ruangan terlalu padat.",
   "“Sudah tiga bulan lamar sana-sini belum dapat. Semoga kali ini ada rezeki,” ujar Rina Oktaviani (21), lulusan SMK asal Kecamatan Campaka.",
   "Kepala Disnakertrans Purwakarta, Drs. Yayat Supriatna, mengatakan bursa kerja serupa akan digelar kembali pada Oktober dengan jumlah perusahaan lebih banyak.",
   "⟦(gin/dk)⟧",
   "⟦Simak berita Purwakarta lainnya di Google News⟧"],
  place="PURWAKARTA", agency="gin/dk",
  conv=["dateline-no-space-around-dash", "bold-removed-dateline", "signoff-initials-own-line", "google-news"])
# ---------------------------------------------------------------- 041
R("sampitpost.com",
  "Tiga Kecamatan di Kotim Masih Terendam, Ribuan Warga Bertahan di Rumah",
  ["⟦SAMPIT, Kamis (15/5/2025) -⟧ Banjir masih merendam permukiman di tiga kecamatan di Kabupaten Kotawaringin Timur, Kalimantan Tengah. Ketinggian air di sejumlah desa bahkan mencapai dada orang dewasa.",
   "Tiga kecamatan yang terdampak paling parah yaitu Mentaya Hulu, Bukit Santuai, dan Telaga Antang. Sedikitnya 2.300 kepala keluarga terdampak.",
   "⟦ADVERTISEMENT⟧",
   "Meski rumahnya terendam, sebagian besar warga memilih bertahan dengan membuat panggung darurat di dalam rumah. Mereka enggan mengungsi karena khawatir harta bendanya hilang.",
   "Kepala Pelaksana BPBD Kotim, Rahmat Hidayat, mengatakan pihaknya mendistribusikan bantuan menggunakan perahu motor atau kelotok ke desa-desa yang terisolasi.",
   "“Akses darat terputus. Satu-satunya jalan lewat sungai,” ujarnya.",
   "⟦Reporter: Yusuf Hamdani⟧"],
  place="SAMPIT", authors=["Yusuf Hamdani"],
  conv=["dateline-weekday-date", "ad-marker", "reporter-line"])

# ---------------------------------------------------------------- 042
R("kabarblora.com",
  "Blora Lirik Wisata Sejarah Minyak di Cepu",
  ["Blora, kabupaten yang selama ini lebih dikenal lewat minyak bumi dan hutan jati, mulai serius menggarap wisata sejarah perminyakan di Cepu.",
   "Pemerintah Kabupaten Blora bersama pengelola lapangan minyak tua di Desa Ledok menyiapkan paket wisata edukasi yang mengajak pengunjung melihat sumur-sumur minyak peninggalan zaman Belanda.",
   "Pengunjung juga bisa menyaksikan langsung penambang tradisional menimba minyak dengan tali dan katrol, cara yang sudah dipakai warga turun-temurun.",
   "“Sumur tua ini sejarah hidup. Di tempat lain sudah jadi museum, di sini masih ditimba,” kata Kepala Dinas Pariwisata Blora, Bambang Wiyono.",
   "Paket wisata itu rencananya mulai dibuka untuk umum pada September mendatang, dengan kuota terbatas demi alasan keselamatan.",
   "⟦Editor: Dwi Astuti⟧",
   "⟦Hak Cipta © KabarBlora.com⟧"],
  editor="Dwi Astuti",
  conv=["no-dateline", "lede-place-comma-not-dateline", "lookalike-keep", "editor-line", "copyright-line"])

# ---------------------------------------------------------------- 043
R("kabarbogor.id",
  "Pemkot Bogor Uji Coba Satu Arah di Jalan Suryakencana",
  ["⟦BOGOR, KABARBOGOR.ID —⟧ Pemerintah Kota Bogor mulai menguji coba sistem satu arah di Jalan Suryakencana, kawasan pecinan Bogor, mulai Senin (7/7/2025).",
   "Kendaraan dari arah Jalan Otto Iskandardinata hanya bisa melintas menuju Jalan Siliwangi. Sebaliknya, kendaraan dari arah Siliwangi diarahkan melalui Jalan Lawang Saketeng.",
   "⟦Lanjut baca ke bawah⟧",
   "Kepala Dinas Perhubungan Kota Bogor, Sandi Firmansyah, mengatakan uji coba berlangsung selama tiga bulan dan akan dievaluasi setiap dua pekan.",
   "“Jalan ini sempit, trotoarnya baru diperlebar. Kalau dua arah, pejalan kaki tidak nyaman,” ujarnya.",
   "⟦Lanjut ke halaman berikutnya⟧",
   "⟦Halaman: 1 2 3 Show All⟧"],
  place="BOGOR", outlet="KABARBOGOR.ID",
  conv=["dateline-caps-outlet-emdash", "scroll-marker", "paginated-page1-only", "no-byline"])

# ---------------------------------------------------------------- 044
R("papuabaratnews.id",
  "Nelayan Manokwari Keluhkan Cold Storage yang Tak Kunjung Beroperasi",
  ["⟦MANOKWARI, PAPUABARATNEWS.ID -⟧ Nelayan di Kelurahan Sowi, Distrik Manokwari Selatan, mengeluhkan fasilitas gudang pendingin ikan atau cold storage yang sudah dua tahun selesai dibangun tetapi belum juga beroperasi.",
   "Akibatnya, nelayan terpaksa menjual hasil tangkapan dengan harga murah kepada pengepul karena ikan tidak bisa disimpan lama.",
   "“Kalau ikan banyak, harga jatuh. Kalau ada cold storage, kami bisa tahan dulu sampai harga naik,” kata Yakob Mandacan, ketua kelompok nelayan setempat.",
   "Kepala Dinas Kelautan dan Perikanan Manokwari, Ferdinand Rumbiak, mengatakan cold storage itu belum beroperasi karena daya listrik di lokasi belum mencukupi.",
   "Pihaknya sudah mengajukan penambahan daya ke PLN dan menargetkan fasilitas itu bisa digunakan akhir tahun ini.",
   "⟦Reporter: Agustinus Kareth dan Maria Rumbewas⟧",
   "⟦Editor: Herman Wambrauw⟧"],
  place="MANOKWARI", outlet="PAPUABARATNEWS.ID", authors=["Agustinus Kareth", "Maria Rumbewas"], editor="Herman Wambrauw",
  conv=["dateline-caps-outlet-hyphen", "two-reporters-dan", "editor-line"])

# ---------------------------------------------------------------- 045
R("halmaherapos.id",
  "Harga Pala dan Cengkih di Ternate Mulai Naik Jelang Akhir Tahun",
  ["⟦TERNATE, KABARMALUT.COM –⟧ Harga pala dan cengkih di tingkat pengepul di Kota Ternate, Maluku Utara, mulai merangkak naik menjelang akhir tahun.",
   "Pala biji kering kini dihargai Rp 98.000 per kilogram, naik dari Rp 85.000 pada bulan lalu. Adapun cengkih kering dibeli Rp 112.000 per kilogram.",
   "Salah satu pengepul di kawasan Pelabuhan Ahmad Yani, Haji Abdullah Sangaji, mengatakan kenaikan dipicu permintaan eksportir di Surabaya yang meningkat.",
   "“Petani dari Tidore dan Halmahera sudah mulai bawa barang. Tapi stok belum banyak karena panen raya cengkih baru Januari,” katanya.",
   "Petani berharap harga bertahan hingga panen raya agar bisa menutup biaya perawatan kebun. ⟦(fik)⟧",
   '⟦Artikel ini telah tayang di KabarMalut.com dengan judul "Harga Pala dan Cengkih di Ternate Mulai Naik Jelang Akhir Tahun"⟧'],
  place="TERNATE", outlet="KABARMALUT.COM", agency="fik",
  conv=["syndicated-dateline-other-outlet", "signoff-initials-inline", "artikel-ini-telah-tayang"])

# ---------------------------------------------------------------- 046
R("kabarbengkulu.com",
  "Puluhan Jurnalis Bengkulu Ikuti Pelatihan Verifikasi Digital",
  ["⟦BENGKULU, KABARBENGKULU.COM –⟧ Sebanyak 35 jurnalis dari media cetak, daring, dan radio di Provinsi Bengkulu mengikuti pelatihan verifikasi digital dan cek fakta selama dua hari di Kota Bengkulu, 19–20 Juni 2025.",
   "Pelatihan digelar oleh organisasi profesi jurnalis setempat bekerja sama dengan sebuah lembaga pemantau hoaks.",
   "Peserta belajar menelusuri asal-usul foto dan video, memeriksa metadata, hingga mengenali akun-akun penyebar disinformasi menjelang pemilihan kepala daerah.",
   "Peserta juga diajarkan cara mengoptimalkan berita lokal agar mudah ditemukan di mesin pencari dan Google News tanpa mengorbankan akurasi judul.",
   "“Media lokal jangan sampai ikut-ikutan judul bombastis demi klik. Kepercayaan pembaca itu modal utama,” kata pemateri pelatihan, Ratna Juwita.",
   "⟦Simak berita lainnya di Google News Kabar Bengkulu⟧",
   "⟦Penulis: Rendi Saputra | Editor: Yeni Marlina⟧"],
  place="BENGKULU", outlet="KABARBENGKULU.COM", authors=["Rendi Saputra"], editor="Yeni Marlina",
  conv=["dateline-caps-outlet-endash", "story-mentions-google-news", "lookalike-keep", "google-news", "penulis-editor-pipe"])

# ---------------------------------------------------------------- 047
R("kabarsamosir.com",
  "Pemkab Samosir Larang Keramba Baru di Perairan Danau Toba",
  ["⟦SAMOSIR, KABARSAMOSIR.COM –⟧ Pemerintah Kabupaten Samosir melarang pemasangan keramba jaring apung baru di perairan Danau Toba yang masuk wilayahnya. Larangan itu berlaku sejak awal Juli 2025.",
   "Kebijakan tersebut diambil untuk menekan pencemaran air danau yang dinilai mengancam sektor pariwisata.",
   "Sejumlah pembudidaya ikan nila mempertanyakan dasar hukum larangan tersebut. Namun, Kepala Dinas Lingkungan Hidup Samosir, Rikardo Simbolon, meminta mereka membaca aturan secara utuh.",
   "“Baca juga Peraturan Presiden tentang kawasan Danau Toba, di situ daya tampungnya sudah diatur. Jangan hanya baca surat edaran kami,” kata Rikardo, Rabu (9/7/2025).",
   "⟦Baca juga: Wisatawan Mancanegara ke Danau Toba Naik 12 Persen⟧",
   "Pembudidaya yang sudah memiliki keramba tetap diizinkan beroperasi, tetapi tidak boleh menambah jumlah petak.",
   "⟦(Hotman Sinaga)⟧"],
  place="SAMOSIR", outlet="KABARSAMOSIR.COM", authors=["Hotman Sinaga"],
  conv=["dateline-caps-outlet-endash", "quote-starts-baca-juga", "lookalike-keep", "baca-juga", "signoff-fullname-own-line"])

# ---------------------------------------------------------------- 048
R("watampone.news",
  "Dinas Pendidikan Bone Rekrut 120 Guru Kontrak untuk Sekolah Terpencil",
  ["⟦WATAMPONE —⟧ Dinas Pendidikan Kabupaten Bone membuka rekrutmen 120 guru kontrak untuk ditempatkan di sekolah-sekolah dasar di wilayah terpencil dan kepulauan.",
   "Pendaftaran dibuka mulai 1 hingga 14 Agustus 2025 secara daring. Pelamar minimal berijazah S1 kependidikan dan bersedia tinggal di lokasi penempatan.",
   "Kepala Dinas Pendidikan Bone, Andi Muh. Yasir, mengatakan kekurangan guru paling parah terjadi di Kecamatan Bontocani dan Libureng.",
   "“Ada sekolah yang gurunya cuma dua, termasuk kepala sekolah. Satu guru pegang tiga kelas,” ujarnya.",
   "Guru kontrak akan digaji setara upah minimum kabupaten ditambah tunjangan daerah terpencil.",
   "⟦Sumber: Siaran pers Dinas Pendidikan Kabupaten Bone⟧",
   "⟦Penulis: Andi Nurfadillah⟧",
   "⟦Editor: Muh. Ilham⟧"],
  place="WATAMPONE", authors=["Andi Nurfadillah"], editor="Muh. Ilham",
  conv=["dateline-place-emdash", "sumber-line", "penulis-editor-separate-lines"])

# ---------------------------------------------------------------- 049
R("kupangterkini.com",
  "Warga Oesapa Keluhkan Air PDAM Mati Sepekan",
  ["⟦Kupang, Kupangterkini.com--⟧ Ratusan pelanggan Perumda Air Minum Tirta Lontar di Kelurahan Oesapa, Kecamatan Kelapa Lima, Kota Kupang, mengeluhkan air bersih yang tidak mengalir selama sepekan terakhir.",
   "Warga terpaksa membeli air tangki seharga Rp 150.000 hingga Rp 200.000 per 5.000 liter untuk kebutuhan sehari-hari.",
   "“Kami bayar tagihan tiap bulan, tapi air tidak jalan. Beli tangki terus, uang dapur habis,” kata Maria Bria (43).",
   "Direktur Perumda Tirta Lontar, Yunus Ndolu, mengatakan gangguan terjadi karena pompa di sumber mata air Baumata rusak dan masih menunggu suku cadang dari Surabaya.",
   "⟦BACA JUGA⟧",
   "⟦Kemarau, Debit Mata Air di Kupang Turun hingga 40 Persen⟧",
   "⟦Krisis Air Bersih, Warga Sabu Raijua Antre di Embung⟧",
   "Sementara itu, perusahaan mengerahkan mobil tangki untuk mendistribusikan air gratis ke titik-titik yang paling terdampak. ⟦(ktc)⟧"],
  place="Kupang", outlet="Kupangterkini.com", agency="ktc",
  conv=["dateline-double-hyphen-no-space", "related-block-label-then-titles", "signoff-initials-inline"])

# ---------------------------------------------------------------- 050
R("sulutkini.com",
  "Petani Bunga Tomohon Bersiap Sambut Festival Bunga Internasional",
  ["⟦Petani merawat tanaman krisan di kebun bunga Kakaskasen, Tomohon. (Foto: Stevan Rumengan/Sulut Kini)⟧",
   "⟦MANADO, sulutkini.com –⟧ Para petani bunga di Kota Tomohon, Sulawesi Utara, mulai memperbanyak tanaman krisan, gerbera, dan anggrek untuk memenuhi kebutuhan Tomohon International Flower Festival pada Agustus mendatang.",
   "Kebutuhan bunga untuk parade kendaraan hias tahun ini diperkirakan mencapai 1,5 juta tangkai.",
   "Tomohon, kata Ketua Kelompok Tani Bunga Kakaskasen, Frangky Wowor, harus bisa memenuhi kebutuhan bunga festival dari kebun sendiri, tidak lagi mendatangkan dari luar daerah.",
   "“Tahun lalu masih ada yang dibeli dari Jawa. Tahun ini kami mau buktikan petani lokal sanggup,” ujarnya.",
   "Dinas Pertanian Tomohon menyalurkan bantuan bibit dan paranet kepada 15 kelompok tani bunga sejak April.",
   "⟦Reporter: Christy Lumowa | Editor: Jefry Pangemanan⟧"],
  place="MANADO", outlet="sulutkini.com", authors=["Christy Lumowa"], editor="Jefry Pangemanan",
  conv=["caption-with-inline-credit", "dateline-lowercase-outlet-endash", "paragraph-starts-place-comma", "lookalike-keep", "reporter-editor-pipe"])


# ================================================================= checks
def check():
    assert len(RECS) == 50, len(RECS)
    ids, sites = set(), set()
    eng = 0
    for r in RECS:
        assert r["id"] not in ids; ids.add(r["id"])
        assert r["site"] not in sites, r["site"]; sites.add(r["site"])
        raw = "\n".join(r["raw_paragraphs"])
        e = r["expected"]
        assert "⟦" not in raw and "⟧" not in raw and "⟦" not in e["body"]
        assert e["body"] and "\n\n\n" not in e["body"]
        for b in r["boilerplate"]:
            assert b and b == b.strip(), (r["id"], b)
            assert any(b in p for p in r["raw_paragraphs"]), (r["id"], b)
            assert b not in e["body"], (r["id"], b)
        for a in e["authors"]:
            assert a in raw, (r["id"], a)
        if e["editor"]:
            assert e["editor"] in raw
        if e["agency_tag"] and e["agency_tag"] != "ANTARA":
            assert "(" + e["agency_tag"] + ")" in raw, r["id"]
        if e["dateline_place"]:
            first = r["boilerplate"]
            assert any(e["dateline_place"] in b for b in first), r["id"]
        if e["dateline_outlet"]:
            assert any(e["dateline_outlet"] in b for b in r["boilerplate"]), r["id"]
        # body paragraphs are (clean) raw paragraphs or their trimmed forms
        for bp in e["body"].split("\n\n"):
            assert "  " not in bp and bp == bp.strip()
        if "english" in r["conventions"]:
            eng += 1
    assert eng == 2
    n_look = sum("lookalike-keep" in r["conventions"] for r in RECS)
    assert n_look >= 8, n_look
    return n_look


if __name__ == "__main__":
    n_look = check()
    here = os.path.dirname(os.path.abspath(__file__))
    out = os.path.join(os.path.dirname(here), "id-text-f.json")
    with open(out, "w", encoding="utf-8") as f:
        json.dump(RECS, f, ensure_ascii=False, indent=1)
        f.write("\n")
    print("wrote", out, len(RECS), "records;", n_look, "lookalike-keep")
