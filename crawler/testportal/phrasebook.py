"""Invented Indonesian sentence templates and name pools from which the generator writes articles.

Templates use `str.format` slots filled per article by `crawler.testportal.generator`: places
(`kab`, `kec`, `desa`, `desa2`, `sungai`), time (`hari`, `tgl`), people (`pejabat`, `pendek`,
`warga`, `umur`, `tokoh`), numbers (`n1` 2–9, `n2` 10–99, `n3` 100–999, `n4` thousands with a dot,
`rp`, `pct`) and topic words.
"""

from __future__ import annotations

FIRST_NAMES = (
    "Ahmad",
    "Budi",
    "Cahyo",
    "Darmawan",
    "Edi",
    "Fauzi",
    "Gunawan",
    "Hasan",
    "Irfan",
    "Joko",
    "Kurniadi",
    "Lukman",
    "Mulyadi",
    "Nanang",
    "Oki",
    "Purnomo",
    "Rahmat",
    "Samsul",
    "Taufik",
    "Usman",
    "Wawan",
    "Yusuf",
    "Zainal",
    "Ari",
    "Bayu",
    "Dimas",
    "Eko",
    "Firdaus",
    "Hendro",
    "Iwan",
    "Junaidi",
    "Kamal",
    "Muhtar",
    "Nurdin",
    "Rizal",
    "Sahrul",
    "Teguh",
    "Wahyudi",
    "Yudha",
    "Aminah",
    "Dewi",
    "Erna",
    "Fitria",
    "Herlina",
    "Indah",
    "Juwita",
    "Kartini",
    "Lilis",
    "Maryam",
    "Nurhayati",
    "Rosidah",
    "Sri",
    "Tuti",
    "Wulan",
    "Yanti",
    "Zubaidah",
    "Anisa",
    "Fadli",
    "Ridho",
    "Syamsul",
)
LAST_NAMES = (
    "Saputra",
    "Hidayat",
    "Nasution",
    "Siregar",
    "Lubis",
    "Harahap",
    "Wijaya",
    "Kusuma",
    "Pratama",
    "Setiawan",
    "Santoso",
    "Gunadi",
    "Hakim",
    "Ismail",
    "Jamil",
    "Kurniawan",
    "Lestari",
    "Maulana",
    "Nugraha",
    "Permana",
    "Rahman",
    "Sulaiman",
    "Syahputra",
    "Tanjung",
    "Utama",
    "Wibisono",
    "Yulianto",
    "Zulkifli",
    "Arifin",
    "Burhan",
    "Daulay",
    "Effendi",
    "Firmansyah",
    "Hamzah",
    "Iskandar",
    "Junaedi",
    "Mahmud",
    "Nainggolan",
    "Panjaitan",
    "Rasyid",
    "Sembiring",
    "Simanjuntak",
    "Sitompul",
    "Suherman",
    "Susanto",
    "Triyono",
    "Wardana",
    "Yusran",
    "Anwar",
    "Bahri",
    "Darwis",
    "Fikri",
    "Ghofur",
    "Halim",
    "Kadir",
    "Marzuki",
    "Noor",
    "Rosyadi",
    "Saleh",
    "Thalib",
)
ACADEMIC = ("S.Sos", "S.H.", "S.E.", "S.Pd", "S.T.", "M.Si", "S.IP", "S.Kom", "M.M.", "S.STP")
POLICE_RANKS = ("Iptu", "AKP", "Ipda", "Kompol")

VILLAGE_HEADS = (
    "Sido",
    "Sumber",
    "Karang",
    "Tanjung",
    "Sungai",
    "Muara",
    "Talang",
    "Suka",
    "Air",
    "Bukit",
    "Lubuk",
    "Teluk",
    "Pulau",
    "Rantau",
    "Tebing",
    "Pangkalan",
    "Tegal",
    "Srijaya",
    "Bumi",
    "Mekar",
)
VILLAGE_TAILS = (
    "Makmur",
    "Rejo",
    "Jaya",
    "Harapan",
    "Mulya",
    "Baru",
    "Indah",
    "Sari",
    "Agung",
    "Damai",
    "Lestari",
    "Permai",
    "Tengah",
    "Hilir",
    "Hulu",
    "Raya",
    "Asri",
    "Kencana",
    "Sejahtera",
    "Abadi",
)
DISTRICT_HEADS = ("Lembak", "Pematang", "Semangus", "Kelekar", "Teluk", "Batu", "Kota", "Tanah")
DISTRICT_TAILS = ("Barat", "Timur", "Selatan", "Utara", "Ilir", "Ulu", "Tengah", "Raya")

REGIONS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "Sumatera Selatan": (
        (
            "Banyuasin",
            "Musi Banyuasin",
            "Ogan Ilir",
            "Muara Enim",
            "Lahat",
            "Empat Lawang",
            "Musi Rawas",
            "Prabumulih",
            "Pagar Alam",
            "Lubuklinggau",
            "Palembang",
            "Ogan Komering Ulu",
            "Ogan Komering Ilir",
        ),
        (
            "Sungai Musi",
            "Sungai Lematang",
            "Sungai Ogan",
            "Sungai Komering",
            "Sungai Rawas",
            "Sungai Kelekar",
            "Sungai Enim",
        ),
    ),
    "Maluku Utara": (
        (
            "Halmahera Utara",
            "Halmahera Barat",
            "Halmahera Selatan",
            "Halmahera Timur",
            "Ternate",
            "Tidore Kepulauan",
            "Pulau Morotai",
            "Kepulauan Sula",
        ),
        ("Sungai Tiabo", "Sungai Akelamo", "Sungai Kao", "Sungai Ake Jira", "Sungai Dodaga"),
    ),
}
"""Regencies (real names, used as settings only) and rivers by province."""

OPENERS = (
    "{pejabat} mengatakan pihaknya telah turun langsung ke lokasi untuk memastikan penanganan"
    " berjalan baik.",
    "Hal itu dibenarkan {pejabat} saat dikonfirmasi wartawan di kantornya.",
    "Menurut {pejabat}, persoalan tersebut sudah dibahas bersama instansi terkait sejak pekan"
    " lalu.",
    "{pejabat} memimpin langsung kegiatan tersebut didampingi sejumlah staf.",
    "Informasi itu disampaikan {pejabat} kepada awak media di sela kegiatan.",
)
"""Second paragraphs: who confirms the story."""

ATTRIBUTIONS = (
    "kata {pendek}",
    "ujar {pendek}",
    "ungkap {pendek}",
    "jelas {pendek}",
    "tegas {pendek}",
)

GENERIC_FACTS = (
    "Kegiatan tersebut turut dihadiri unsur Forum Koordinasi Pimpinan Kecamatan {kec}, kepala"
    " desa, dan tokoh masyarakat setempat.",
    "Pihaknya juga berkoordinasi dengan pemerintah desa agar informasi cepat sampai ke warga"
    " hingga tingkat dusun.",
    "Menurut {pendek}, langkah itu sejalan dengan program prioritas Pemerintah Kabupaten {kab}"
    " tahun ini.",
    "Warga berharap perhatian serupa juga diberikan kepada desa-desa lain di Kecamatan {kec}"
    " yang menghadapi persoalan yang sama.",
    "Hasil pendataan sementara akan dilaporkan kepada bupati dalam rapat evaluasi pekan depan.",
    "Camat {kec}, {tokoh}, menyatakan siap mendukung dan memantau pelaksanaannya di lapangan.",
    "Sejumlah warga yang ditemui mengaku baru mengetahui informasi tersebut dari pengumuman di"
    " masjid dan grup percakapan desa.",
    "Dalam kesempatan itu, {pendek} juga meminta seluruh pihak tidak mudah percaya pada kabar"
    " yang belum jelas sumbernya.",
)

TOPICS: dict[str, dict[str, tuple[str, ...]]] = {
    "banjir": {
        "category": ("Peristiwa",),
        "tags": ("Banjir", "BPBD", "Cuaca Ekstrem", "Bencana"),
        "role": ("Kepala Pelaksana BPBD {kab}", "Kepala Seksi Kedaruratan BPBD {kab}"),
        "titles": (
            "Banjir Rendam {n3} Rumah di {kec}, Warga Mulai Mengungsi",
            "{sungai} Meluap, Desa {desa} Terendam Banjir",
            "BPBD {kab} Dirikan Posko Banjir di Desa {desa}",
        ),
        "leads": (
            "Sebanyak {n3} rumah di Desa {desa} dan Desa {desa2}, Kecamatan {kec}, Kabupaten {kab},"
            " terendam banjir setelah {sungai} meluap, {hari} ({tgl}).",
            "Hujan deras yang mengguyur Kabupaten {kab} sejak malam membuat {sungai} meluap dan"
            " merendam permukiman di Desa {desa}, {hari} ({tgl}), dengan ketinggian air mencapai"
            " {n2} sentimeter.",
            "Banjir kembali melanda Kecamatan {kec}, Kabupaten {kab}, {hari} ({tgl}). Air mulai"
            " masuk ke rumah warga Desa {desa} sekitar pukul {jam}.00 WIB.",
        ),
        "facts": (
            "Ketinggian air di sejumlah titik bervariasi antara {n2} sentimeter hingga lebih dari"
            " satu meter.",
            "Sebanyak {n2} kepala keluarga memilih mengungsi ke balai desa dan rumah kerabat yang"
            " berada di dataran lebih tinggi.",
            "Petugas gabungan mengerahkan {n1} perahu karet untuk mengevakuasi warga lanjut usia,"
            " ibu hamil, dan anak-anak.",
            "Akses jalan penghubung Desa {desa} dan Desa {desa2} terputus sehingga warga harus"
            " memutar sejauh {n2} kilometer.",
            "Dapur umum didirikan di halaman kantor desa untuk menyiapkan makanan bagi para"
            " pengungsi.",
            "Sawah seluas {n3} hektare yang baru ditanami padi ikut terendam dan terancam gagal"
            " panen.",
            "Warga menyebut banjir tahun ini lebih tinggi dibandingkan kejadian serupa dua tahun"
            " lalu.",
            "BPBD mencatat sedikitnya {n1} titik tanggul di sepanjang {sungai} dalam kondisi"
            " kritis.",
            "Bantuan berupa beras, mi instan, air mineral, dan selimut mulai disalurkan ke posko"
            " pengungsian.",
        ),
        "quotes": (
            "“Kami minta warga yang tinggal di bantaran sungai tetap waspada dan segera mengungsi"
            " jika air terus naik,” {att}.",
            "“Personel kami siaga 24 jam. Prioritas pertama adalah keselamatan warga, barang bisa"
            " dicari lagi,” {att}.",
            "“Air naiknya cepat sekali, dalam satu jam sudah sepinggang. Kami hanya sempat"
            " menyelamatkan surat-surat penting,” kata {warga} ({umur}), warga Desa {desa}.",
            "“Kebutuhan paling mendesak saat ini adalah air bersih dan obat-obatan untuk anak-anak,”"
            " {att}.",
        ),
        "closes": (
            "Hingga berita ini diturunkan, air dilaporkan mulai surut perlahan di sebagian"
            " wilayah.",
            "BPBD mengimbau warga terus memantau informasi cuaca karena hujan lebat masih"
            " berpotensi terjadi dalam beberapa hari ke depan.",
            "Pemerintah kabupaten berencana menormalisasi aliran {sungai} setelah musim hujan"
            " berakhir.",
        ),
    },
    "kebakaran": {
        "category": ("Peristiwa",),
        "tags": ("Kebakaran", "Damkar", "Peristiwa"),
        "role": ("Kepala Dinas Pemadam Kebakaran {kab}", "Kapolsek {kec} {pangkat}"),
        "titles": (
            "{n1} Rumah di Desa {desa} Ludes Terbakar",
            "Kebakaran Hanguskan Rumah Warga {kec}, Kerugian Capai {rp}",
            "Diduga Korsleting Listrik, Rumah di {kec} Terbakar",
        ),
        "leads": (
            "Sebanyak {n1} rumah warga di Desa {desa}, Kecamatan {kec}, Kabupaten {kab}, ludes"
            " terbakar, {hari} ({tgl}) sekitar pukul {jam}.00 WIB.",
            "Kebakaran melanda permukiman padat di Desa {desa}, Kecamatan {kec}, {hari} ({tgl})."
            " Api dengan cepat merambat ke bangunan di sekitarnya yang sebagian besar berbahan"
            " kayu.",
            "Sebuah rumah milik {warga} ({umur}) di Desa {desa}, Kabupaten {kab}, terbakar pada"
            " {hari} ({tgl}) dini hari saat penghuninya terlelap.",
        ),
        "facts": (
            "Warga sempat berupaya memadamkan api menggunakan ember dan air sumur sebelum"
            " petugas tiba.",
            "Sebanyak {n1} unit mobil pemadam diterjunkan ke lokasi dan api berhasil dipadamkan"
            " setelah sekitar {n2} menit.",
            "Tidak ada korban jiwa dalam peristiwa tersebut, tetapi seorang warga mengalami luka"
            " bakar ringan di tangan.",
            "Kerugian akibat kebakaran ditaksir mencapai {rp}.",
            "Api diduga berasal dari korsleting listrik di bagian dapur.",
            "Petugas kesulitan menjangkau lokasi karena akses jalan yang sempit dan sumber air yang"
            " jauh.",
            "Pemilik rumah hanya sempat menyelamatkan pakaian yang melekat di badan.",
            "Polisi telah memasang garis polisi dan memeriksa {n1} orang saksi.",
            "Pemerintah desa mendata kebutuhan korban untuk segera disalurkan bantuan.",
        ),
        "quotes": (
            "“Penyebab pastinya masih kami selidiki. Dugaan sementara berasal dari hubungan arus"
            " pendek listrik,” {att}.",
            "“Saat kami tiba, api sudah besar. Petugas fokus mencegah api merambat ke rumah lain,”"
            " {att}.",
            "“Saya terbangun karena bau asap, langsung membangunkan anak-anak dan lari keluar,”"
            " kata {warga} ({umur}), pemilik rumah.",
            "“Kami imbau warga rutin memeriksa instalasi listrik dan tidak meninggalkan tungku"
            " menyala,” {att}.",
        ),
        "closes": (
            "Para korban untuk sementara menumpang di rumah kerabat terdekat.",
            "Warga sekitar bergotong royong membersihkan puing sisa kebakaran keesokan harinya.",
            "Dinas Sosial {kab} menyalurkan bantuan makanan dan perlengkapan darurat kepada para"
            " korban.",
        ),
    },
    "jalan": {
        "category": ("Pemerintahan",),
        "tags": ("Infrastruktur", "Jalan Rusak", "PUPR"),
        "role": ("Kepala Dinas PUPR {kab}", "Kepala Bidang Bina Marga Dinas PUPR {kab}"),
        "titles": (
            "Jalan Penghubung Desa {desa}-{desa2} Rusak Parah, Warga Tanam Pisang",
            "Dinas PUPR {kab} Mulai Perbaiki Jalan di Kecamatan {kec}",
            "Perbaikan Jalan {n2} Kilometer di {kec} Telan Anggaran {rp}",
        ),
        "leads": (
            "Warga Desa {desa}, Kecamatan {kec}, Kabupaten {kab}, menanam pohon pisang di tengah"
            " jalan yang rusak parah sebagai bentuk protes, {hari} ({tgl}).",
            "Pemerintah Kabupaten {kab} mulai memperbaiki ruas jalan penghubung Desa {desa} dan"
            " Desa {desa2} sepanjang {n2} kilometer, {hari} ({tgl}).",
            "Jalan utama di Kecamatan {kec}, Kabupaten {kab}, yang rusak sejak bertahun-tahun"
            " akhirnya mulai diaspal, {hari} ({tgl}).",
        ),
        "facts": (
            "Kerusakan jalan berupa lubang sedalam {n2} sentimeter yang berubah menjadi kubangan"
            " saat hujan.",
            "Proyek perbaikan dibiayai APBD {kab} dengan nilai kontrak {rp}.",
            "Pengerjaan ditargetkan rampung dalam {n3} hari kalender.",
            "Truk pengangkut hasil kebun kerap terperosok sehingga arus kendaraan tersendat"
            " berjam-jam.",
            "Anak-anak sekolah terpaksa berjalan kaki karena ojek enggan melintasi jalan"
            " berlumpur.",
            "Kontraktor pelaksana menyiapkan {n1} unit alat berat untuk pekerjaan pengaspalan.",
            "Selain pengaspalan, proyek juga mencakup pembangunan saluran drainase di kedua sisi"
            " jalan.",
            "Warga telah berulang kali mengusulkan perbaikan jalan melalui musyawarah perencanaan"
            " pembangunan desa.",
            "Ruas tersebut merupakan jalur utama pengangkutan karet dan sawit dari {n1} desa.",
        ),
        "quotes": (
            "“Sudah bertahun-tahun kami menunggu. Kalau hujan, jalan ini seperti sawah,” kata"
            " {warga} ({umur}), warga Desa {desa}.",
            "“Kami minta masyarakat ikut mengawasi pekerjaan. Kalau ada yang tidak sesuai,"
            " laporkan,” {att}.",
            "“Anggaran kita terbatas, jadi perbaikan dilakukan bertahap sesuai skala prioritas,”"
            " {att}.",
            "“Selama pengerjaan, pengendara diminta berhati-hati karena diberlakukan sistem"
            " buka-tutup,” {att}.",
        ),
        "closes": (
            "Warga berharap kualitas pekerjaan diawasi ketat agar jalan tidak cepat rusak kembali.",
            "Dinas PUPR menjanjikan perbaikan ruas lain di Kecamatan {kec} pada tahun anggaran"
            " berikutnya.",
            "Pengguna jalan diimbau mencari jalur alternatif selama pekerjaan berlangsung.",
        ),
    },
    "anggaran": {
        "category": ("Politik", "Pemerintahan"),
        "tags": ("DPRD", "APBD", "Anggaran"),
        "role": (
            "Ketua Komisi III DPRD {kab}",
            "Wakil Ketua DPRD {kab}",
            "Sekretaris Daerah {kab}",
        ),
        "titles": (
            "DPRD {kab} Soroti Serapan Anggaran yang Baru {pct} Persen",
            "Rapat Banggar DPRD {kab} Memanas, Pokir Jadi Sorotan",
            "Pansus DPRD {kab} Temukan Proyek Mangkrak Senilai {rp}",
        ),
        "leads": (
            "DPRD Kabupaten {kab} menyoroti rendahnya serapan anggaran pemerintah daerah yang baru"
            " mencapai {pct} persen hingga {hari} ({tgl}).",
            "Rapat Badan Anggaran DPRD Kabupaten {kab} bersama Tim Anggaran Pemerintah Daerah"
            " berlangsung alot, {hari} ({tgl}).",
            "Panitia Khusus DPRD Kabupaten {kab} melakukan inspeksi mendadak ke sejumlah proyek di"
            " Kecamatan {kec}, {hari} ({tgl}).",
        ),
        "facts": (
            "Sejumlah anggota dewan mempertanyakan proyek fisik yang belum dimulai meski tahun"
            " anggaran tinggal {n1} bulan.",
            "Dewan meminta organisasi perangkat daerah menyampaikan laporan realisasi secara"
            " tertulis paling lambat pekan depan.",
            "Nilai proyek yang disorot mencapai {rp} dan bersumber dari dana alokasi khusus.",
            "Rapat sempat diskors selama {n2} menit karena perbedaan pendapat antarfraksi.",
            "Beberapa fraksi mengusulkan pergeseran anggaran untuk perbaikan jalan dan fasilitas"
            " kesehatan.",
            "Pemerintah daerah beralasan keterlambatan disebabkan proses lelang yang sempat gagal"
            " dua kali.",
            "Dewan juga menyoroti belanja perjalanan dinas yang dinilai terlalu besar.",
            "Hasil rapat akan dituangkan dalam rekomendasi resmi DPRD kepada bupati.",
            "Pembahasan dilanjutkan dengan agenda pandangan akhir fraksi-fraksi.",
        ),
        "quotes": (
            "“Uang rakyat harus segera dirasakan manfaatnya. Jangan sampai menumpuk di akhir tahun"
            " lalu dikerjakan asal-asalan,” {att}.",
            "“Kami akan memanggil kepala dinas terkait untuk menjelaskan penyebab"
            " keterlambatan,” {att}.",
            "“Semua masukan dewan kami catat dan akan kami tindak lanjuti,” {att}.",
            "“Kalau memang tidak sanggup dikerjakan tahun ini, lebih baik dialihkan ke kebutuhan"
            " yang mendesak,” {att}.",
        ),
        "closes": (
            "DPRD menjadwalkan rapat lanjutan setelah pemerintah daerah melengkapi data yang"
            " diminta.",
            "Rekomendasi dewan akan disampaikan dalam rapat paripurna mendatang.",
            "Pemerintah daerah berjanji mempercepat realisasi anggaran pada triwulan terakhir.",
        ),
    },
    "pilkada": {
        "category": ("Politik",),
        "tags": ("Pilkada", "KPU", "Bawaslu", "Pemilu"),
        "role": ("Ketua KPU {kab}", "Ketua Bawaslu {kab}", "Ketua PPK {kec}"),
        "titles": (
            "KPU {kab} Tetapkan {n4} Pemilih di Kecamatan {kec}",
            "Bawaslu {kab} Temukan {n2} Alat Peraga Kampanye Langgar Aturan",
            "PPK {kec} Gelar Bimbingan Teknis untuk Anggota KPPS",
        ),
        "leads": (
            "Komisi Pemilihan Umum (KPU) Kabupaten {kab} menetapkan daftar pemilih tetap di"
            " Kecamatan {kec} sebanyak {n4} orang dalam rapat pleno terbuka, {hari} ({tgl}).",
            "Badan Pengawas Pemilu (Bawaslu) Kabupaten {kab} menertibkan {n2} alat peraga kampanye"
            " yang dipasang di lokasi terlarang di Kecamatan {kec}, {hari} ({tgl}).",
            "Panitia Pemilihan Kecamatan (PPK) {kec}, Kabupaten {kab}, menggelar bimbingan teknis"
            " bagi anggota kelompok penyelenggara pemungutan suara, {hari} ({tgl}).",
        ),
        "facts": (
            "Rapat pleno dihadiri perwakilan partai politik, panitia pengawas, dan aparat"
            " keamanan.",
            "Alat peraga yang ditertibkan antara lain dipasang di pohon, tiang listrik, dan"
            " fasilitas sekolah.",
            "Jumlah tempat pemungutan suara di kecamatan tersebut mencapai {n3} TPS.",
            "Petugas juga mencoret pemilih yang telah meninggal dunia dan pindah domisili.",
            "Materi bimbingan teknis meliputi tata cara pemungutan, penghitungan suara, dan"
            " pengisian formulir hasil.",
            "Penyelenggara mengimbau warga mengecek namanya melalui laman resmi KPU atau di kantor"
            " desa.",
            "Pengawas kelurahan dan desa diminta aktif melaporkan dugaan pelanggaran netralitas"
            " aparatur desa.",
            "Sebanyak {n2} pemilih pemula tercatat untuk pertama kalinya dalam daftar pemilih.",
            "Polres {kab} menyiapkan personel pengamanan di setiap tahapan pemilihan.",
        ),
        "quotes": (
            "“Kami ingin daftar pemilih benar-benar bersih. Satu orang satu suara,” {att}.",
            "“Aturannya jelas, alat peraga tidak boleh dipasang di tempat ibadah, sekolah, dan"
            " fasilitas pemerintah,” {att}.",
            "“Petugas KPPS adalah ujung tombak. Kesalahan kecil di TPS bisa berujung sengketa,”"
            " {att}.",
            "“Kami mengajak semua pihak menjaga suasana tetap sejuk dan tidak menyebarkan kabar"
            " bohong,” {att}.",
        ),
        "closes": (
            "Tahapan berikutnya adalah distribusi logistik pemilihan ke setiap kecamatan.",
            "Penyelenggara berharap partisipasi pemilih tahun ini lebih tinggi dibanding pemilihan"
            " sebelumnya.",
            "Warga yang belum terdaftar masih dapat melapor ke panitia pemungutan suara di"
            " desanya.",
        ),
    },
    "kriminal": {
        "category": ("Hukum & Kriminal",),
        "tags": ("Kriminal", "Polres", "Narkoba", "Pencurian"),
        "role": ("Kapolsek {kec} {pangkat}", "Kasat Reskrim Polres {kab} {pangkat}"),
        "titles": (
            "Polisi Tangkap Pencuri Sepeda Motor di Desa {desa}",
            "Satresnarkoba Polres {kab} Amankan {n1} Pengedar Sabu",
            "Pelaku Pencurian Kabel di {kec} Diringkus Warga",
        ),
        "leads": (
            "Jajaran Polsek {kec}, Kabupaten {kab}, menangkap seorang pria yang diduga mencuri"
            " sepeda motor milik warga Desa {desa}, {hari} ({tgl}).",
            "Satuan Reserse Narkoba Polres {kab} mengamankan {n1} orang yang diduga terlibat"
            " peredaran sabu di Kecamatan {kec}, {hari} ({tgl}).",
            "Seorang pria yang kedapatan mencuri kabel tembaga di Desa {desa}, Kecamatan {kec},"
            " diamankan warga sebelum diserahkan ke polisi, {hari} ({tgl}).",
        ),
        "facts": (
            "Pelaku berinisial {inisial} ({umur}) ditangkap tanpa perlawanan di rumahnya.",
            "Dari tangan pelaku, polisi menyita barang bukti berupa {n1} paket sabu seberat {n2}"
            " gram.",
            "Penangkapan berawal dari laporan warga yang curiga dengan gerak-gerik pelaku.",
            "Pelaku mengaku sudah beraksi di {n1} lokasi berbeda dalam sebulan terakhir.",
            "Barang hasil curian rencananya dijual kepada penadah di luar kecamatan.",
            "Polisi masih memburu {n1} pelaku lain yang melarikan diri saat penggerebekan.",
            "Tersangka kini ditahan di rumah tahanan Polres {kab} untuk pemeriksaan lebih lanjut.",
            "Tersangka dijerat pasal berlapis dengan ancaman hukuman di atas lima tahun penjara.",
            "Kerugian korban ditaksir mencapai {rp}.",
        ),
        "quotes": (
            "“Kami masih mengembangkan kasus ini untuk mengungkap jaringan di atasnya,” {att}.",
            "“Terima kasih kepada masyarakat yang cepat melapor. Peran warga sangat membantu"
            " kami,” {att}.",
            "“Kami imbau warga tidak main hakim sendiri dan segera menyerahkan pelaku kepada"
            " polisi,” {att}.",
            "“Jangan tinggalkan kendaraan dengan kunci masih menempel, meski hanya sebentar,”"
            " {att}.",
        ),
        "closes": (
            "Polisi mengimbau warga meningkatkan kewaspadaan dan mengaktifkan kembali ronda malam.",
            "Kasus tersebut kini ditangani unit reserse untuk dilengkapi berkasnya.",
            "Pihak kepolisian membuka layanan pengaduan bagi warga yang merasa menjadi korban"
            " pelaku yang sama.",
        ),
    },
    "kesehatan": {
        "category": ("Kesehatan",),
        "tags": ("Kesehatan", "Puskesmas", "Posyandu", "Dinkes"),
        "role": ("Kepala Dinas Kesehatan {kab}", "Kepala Puskesmas {kec}"),
        "titles": (
            "Kasus DBD di {kab} Meningkat, Warga Diminta Gencarkan PSN",
            "Puskesmas {kec} Gelar Pemeriksaan Kesehatan Gratis untuk Lansia",
            "{n3} Balita di {kec} Terima Makanan Tambahan Bergizi",
        ),
        "leads": (
            "Dinas Kesehatan Kabupaten {kab} mencatat {n2} kasus demam berdarah dengue di"
            " Kecamatan {kec} dalam sebulan terakhir, {hari} ({tgl}).",
            "Puskesmas {kec}, Kabupaten {kab}, menggelar pemeriksaan kesehatan gratis bagi warga"
            " lanjut usia di Balai Desa {desa}, {hari} ({tgl}).",
            "Sebanyak {n3} balita di Kecamatan {kec}, Kabupaten {kab}, menerima paket makanan"
            " tambahan bergizi dari puskesmas setempat, {hari} ({tgl}).",
        ),
        "facts": (
            "Pemeriksaan meliputi tekanan darah, gula darah, kolesterol, dan konsultasi dokter.",
            "Petugas juga melakukan fogging di {n1} titik yang ditemukan banyak jentik nyamuk.",
            "Kader posyandu membantu mendata warga yang belum pernah memeriksakan kesehatannya.",
            "Paket makanan tambahan berisi telur, susu, kacang hijau, dan biskuit bergizi.",
            "Sebagian besar pasien yang dirawat merupakan anak usia sekolah.",
            "Puskesmas menyiapkan {n1} ruang perawatan tambahan untuk mengantisipasi lonjakan"
            " pasien.",
            "Warga diminta segera membawa anggota keluarga yang demam tinggi lebih dari dua hari ke"
            " fasilitas kesehatan.",
            "Program ini menyasar keluarga dengan balita berisiko gizi kurang.",
            "Tenaga kesehatan juga memberikan penyuluhan tentang pola makan sehat dan perilaku"
            " hidup bersih.",
        ),
        "quotes": (
            "“Pencegahan paling efektif tetap dari rumah, yaitu menguras, menutup, dan mendaur"
            " ulang barang bekas,” {att}.",
            "“Banyak lansia yang ternyata punya tekanan darah tinggi tapi tidak menyadarinya,”"
            " {att}.",
            "“Kami ingin tidak ada lagi balita di desa ini yang kekurangan gizi,” {att}.",
            "“Alhamdulillah, sekarang tidak perlu jauh-jauh ke kota untuk periksa,” kata {warga}"
            " ({umur}), warga Desa {desa}.",
        ),
        "closes": (
            "Kegiatan serupa dijadwalkan bergilir ke desa-desa lain setiap bulan.",
            "Dinas Kesehatan meminta warga aktif datang ke posyandu setiap bulan.",
            "Puskesmas membuka layanan konsultasi melalui telepon bagi warga yang membutuhkan.",
        ),
    },
    "pendidikan": {
        "category": ("Pendidikan",),
        "tags": ("Pendidikan", "Sekolah", "Guru", "Siswa"),
        "role": ("Kepala Dinas Pendidikan {kab}", "Kepala SD Negeri {n1} {kec}"),
        "titles": (
            "Ruang Kelas SD di Desa {desa} Rusak, Siswa Belajar Bergantian",
            "Dinas Pendidikan {kab} Salurkan Seragam Gratis untuk {n3} Siswa",
            "Pelajar {kec} Juara Lomba Cerdas Cermat Tingkat Kabupaten",
        ),
        "leads": (
            "Siswa sebuah sekolah dasar di Desa {desa}, Kecamatan {kec}, Kabupaten {kab}, terpaksa"
            " belajar bergantian karena {n1} ruang kelas rusak, {hari} ({tgl}).",
            "Dinas Pendidikan Kabupaten {kab} menyalurkan seragam sekolah gratis kepada {n3} siswa"
            " baru di Kecamatan {kec}, {hari} ({tgl}).",
            "Tim pelajar dari Kecamatan {kec} keluar sebagai juara lomba cerdas cermat tingkat"
            " Kabupaten {kab} yang digelar {hari} ({tgl}).",
        ),
        "facts": (
            "Atap ruang kelas bocor dan sebagian plafon sudah runtuh.",
            "Sekolah tersebut memiliki {n3} siswa dengan {n2} orang guru.",
            "Seragam dibagikan beserta tas dan buku tulis bagi siswa dari keluarga kurang mampu.",
            "Lomba diikuti {n2} tim dari seluruh kecamatan di kabupaten tersebut.",
            "Pihak sekolah telah mengusulkan rehabilitasi sejak dua tahun lalu.",
            "Para pemenang akan mewakili kabupaten pada lomba tingkat provinsi.",
            "Sebagian siswa harus menempuh perjalanan {n2} kilometer untuk sampai ke sekolah.",
            "Komite sekolah berinisiatif menggalang dana untuk perbaikan sementara.",
            "Guru honorer di sekolah itu mengajar lebih dari satu kelas sekaligus.",
        ),
        "quotes": (
            "“Anak-anak tetap semangat belajar, tapi kami khawatir dengan keselamatan mereka,”"
            " {att}.",
            "“Bantuan ini untuk meringankan beban orang tua di awal tahun ajaran,” {att}.",
            "“Kami latihan setiap pulang sekolah selama tiga bulan,” kata {warga}, salah seorang"
            " anggota tim.",
            "“Perbaikan sudah kami masukkan dalam usulan anggaran tahun depan,” {att}.",
        ),
        "closes": (
            "Orang tua siswa berharap perbaikan sekolah tidak ditunda lagi.",
            "Dinas Pendidikan berjanji meninjau langsung kondisi sekolah dalam waktu dekat.",
            "Pemerintah kabupaten memberikan penghargaan kepada para pelajar berprestasi.",
        ),
    },
    "pertanian": {
        "category": ("Pertanian",),
        "tags": ("Pertanian", "Petani", "Panen", "Pupuk"),
        "role": ("Kepala Dinas Pertanian {kab}", "Koordinator Penyuluh Pertanian {kec}"),
        "titles": (
            "Petani Desa {desa} Panen Padi di Lahan {n2} Hektare",
            "Pupuk Subsidi Langka, Petani {kec} Mengeluh",
            "Harga Karet di {kab} Naik, Petani Bersyukur",
        ),
        "leads": (
            "Kelompok tani di Desa {desa}, Kecamatan {kec}, Kabupaten {kab}, memanen padi di lahan"
            " seluas {n2} hektare, {hari} ({tgl}).",
            "Petani di Kecamatan {kec}, Kabupaten {kab}, mengeluhkan sulitnya mendapatkan pupuk"
            " bersubsidi menjelang musim tanam, {hari} ({tgl}).",
            "Harga getah karet di tingkat petani Kabupaten {kab} naik menjadi Rp {n2}.{n3} per"
            " kilogram, {hari} ({tgl}).",
        ),
        "facts": (
            "Hasil panen tahun ini mencapai {n1} ton gabah kering per hektare.",
            "Petani terpaksa membeli pupuk nonsubsidi dengan harga hampir dua kali lipat.",
            "Kenaikan harga karet dipengaruhi membaiknya permintaan dari pabrik pengolahan.",
            "Penyuluh pertanian mendampingi petani sejak masa pengolahan lahan.",
            "Sebagian petani beralih menggunakan pupuk organik buatan sendiri.",
            "Saluran irigasi yang baru diperbaiki membuat sawah bisa ditanami dua kali setahun.",
            "Kelompok tani berencana membeli mesin perontok padi secara swadaya.",
            "Pengecer pupuk beralasan kuota dari distributor berkurang.",
            "Petani berharap pemerintah membangun gudang penyimpanan gabah di desa.",
        ),
        "quotes": (
            "“Kalau pupuk terlambat, hasil panen pasti turun. Kami berharap pemerintah turun"
            " tangan,” kata {warga} ({umur}), petani Desa {desa}.",
            "“Produktivitas naik karena petani sudah menerapkan tanam serempak,” {att}.",
            "“Kami akan berkoordinasi dengan distributor supaya penyaluran pupuk lancar,” {att}.",
            "“Harga sekarang lumayan, bisa untuk biaya sekolah anak,” kata {warga} ({umur}).",
        ),
        "closes": (
            "Dinas Pertanian menargetkan produksi tahun ini lebih tinggi dibanding tahun lalu.",
            "Petani berharap harga tetap stabil hingga akhir musim panen.",
            "Pemerintah kabupaten berjanji menambah alokasi pupuk bagi kecamatan yang kekurangan.",
        ),
    },
    "olahraga": {
        "category": ("Olahraga",),
        "tags": ("Olahraga", "Sepak Bola", "Turnamen", "Atlet"),
        "role": ("Ketua KONI {kab}", "Ketua Panitia Turnamen {kec}"),
        "titles": (
            "Turnamen Sepak Bola Antardesa di {kec} Diikuti {n2} Tim",
            "Atlet Silat {kab} Sabet Medali Emas di Kejuaraan Provinsi",
            "Tim Voli Desa {desa} Juara Turnamen Kecamatan",
        ),
        "leads": (
            "Turnamen sepak bola antardesa se-Kecamatan {kec}, Kabupaten {kab}, resmi dibuka,"
            " {hari} ({tgl}), dan diikuti {n2} tim.",
            "Atlet pencak silat asal Kabupaten {kab}, {warga}, meraih medali emas pada kejuaraan"
            " tingkat provinsi yang berakhir {hari} ({tgl}).",
            "Tim bola voli Desa {desa} keluar sebagai juara turnamen tingkat Kecamatan {kec} setelah"
            " mengalahkan tim Desa {desa2} di partai final, {hari} ({tgl}).",
        ),
        "facts": (
            "Pertandingan digelar setiap sore di lapangan kecamatan dan selalu dipadati penonton.",
            "Pemenang akan memperebutkan trofi bergilir dan uang pembinaan {rp}.",
            "Final berlangsung ketat hingga set kelima.",
            "Atlet tersebut berlatih enam hari dalam sepekan di perguruan silat desanya.",
            "Panitia melibatkan wasit berlisensi dari asosiasi kabupaten.",
            "Turnamen ini juga menjadi ajang pencarian bakat untuk tim kabupaten.",
            "Pedagang kaki lima ikut merasakan ramainya pengunjung selama turnamen.",
            "KONI berjanji memberikan bonus bagi atlet yang meraih medali.",
            "Pertandingan pembuka berakhir dengan skor {n1}-{n1b}.",
        ),
        "quotes": (
            "“Turnamen ini untuk mempererat persaudaraan antardesa sekaligus menjauhkan pemuda"
            " dari narkoba,” {att}.",
            "“Kami ingin atlet daerah bisa bersaing sampai tingkat nasional,” {att}.",
            "“Medali ini saya persembahkan untuk orang tua dan pelatih,” kata {warga}.",
            "“Pemain kami masih muda, tapi mentalnya kuat,” {att}.",
        ),
        "closes": (
            "Partai final dijadwalkan berlangsung akhir pekan depan.",
            "Panitia berharap turnamen serupa dapat digelar setiap tahun.",
            "Atlet berprestasi akan dipanggil mengikuti pemusatan latihan kabupaten.",
        ),
    },
    "pasar": {
        "category": ("Ekonomi",),
        "tags": ("Ekonomi", "Harga Pangan", "Pasar", "Inflasi"),
        "role": ("Kepala Dinas Perdagangan {kab}", "Kepala UPTD Pasar {kec}"),
        "titles": (
            "Harga {komoditas} di Pasar {kec} Naik Jelang Akhir Pekan",
            "Operasi Pasar Murah Digelar di {kec}, Warga Antre Sejak Pagi",
            "Pedagang Pasar {kec} Keluhkan Sepinya Pembeli",
        ),
        "leads": (
            "Harga {komoditas} di Pasar {kec}, Kabupaten {kab}, naik menjadi Rp {n2}.000 per"
            " kilogram, {hari} ({tgl}).",
            "Pemerintah Kabupaten {kab} menggelar operasi pasar murah di halaman kantor Camat {kec},"
            " {hari} ({tgl}). Ratusan warga antre sejak pagi.",
            "Pedagang di Pasar {kec}, Kabupaten {kab}, mengeluhkan sepinya pembeli dalam dua pekan"
            " terakhir, {hari} ({tgl}).",
        ),
        "facts": (
            "Kenaikan harga dipicu berkurangnya pasokan dari daerah sentra produksi.",
            "Dalam operasi pasar, beras dijual Rp {n2}.000 per kilogram, lebih murah dari harga"
            " pasar.",
            "Setiap warga dibatasi membeli maksimal {n1} kilogram.",
            "Pedagang menyebut omzet mereka turun hingga {pct} persen.",
            "Petugas juga memantau harga bawang, minyak goreng, dan gula pasir.",
            "Sebagian pedagang memilih mengurangi stok agar tidak merugi.",
            "Stok beras di gudang Bulog dipastikan aman hingga beberapa bulan ke depan.",
            "Warga mengaku terbantu karena harga di operasi pasar lebih terjangkau.",
            "Dinas Perdagangan menurunkan tim untuk memantau kemungkinan penimbunan.",
        ),
        "quotes": (
            "“Barang dari petani berkurang, jadi harga ikut naik,” kata {warga} ({umur}),"
            " pedagang di Pasar {kec}.",
            "“Operasi pasar akan kami gelar bergilir di setiap kecamatan,” {att}.",
            "“Kami pastikan tidak ada penimbunan. Kalau ditemukan, akan kami tindak,” {att}.",
            "“Biasanya beli dua kilo, sekarang cukup satu kilo saja,” kata {warga} ({umur}),"
            " pembeli.",
        ),
        "closes": (
            "Pemerintah daerah berharap harga kembali stabil dalam beberapa pekan.",
            "Warga diimbau berbelanja sesuai kebutuhan dan tidak panik.",
            "Dinas Perdagangan akan terus memantau perkembangan harga setiap hari.",
        ),
    },
    "sosial": {
        "category": ("Sosial",),
        "tags": ("Bansos", "Sosial", "Bantuan", "Warga Miskin"),
        "role": ("Kepala Dinas Sosial {kab}", "Kepala Desa {desa}"),
        "titles": (
            "{n3} Keluarga di {kec} Terima Bantuan Sosial Tunai",
            "Warga Desa {desa} Gotong Royong Bedah Rumah Lansia",
            "Dinas Sosial {kab} Data Ulang Penerima Bantuan",
        ),
        "leads": (
            "Sebanyak {n3} keluarga penerima manfaat di Kecamatan {kec}, Kabupaten {kab}, menerima"
            " bantuan sosial tunai, {hari} ({tgl}).",
            "Warga Desa {desa}, Kecamatan {kec}, bergotong royong memperbaiki rumah milik {warga}"
            " ({umur}), seorang lansia yang tinggal sendirian, {hari} ({tgl}).",
            "Dinas Sosial Kabupaten {kab} mulai mendata ulang penerima bantuan sosial di Kecamatan"
            " {kec}, {hari} ({tgl}).",
        ),
        "facts": (
            "Setiap keluarga menerima bantuan sebesar Rp {n3}.000 untuk kebutuhan tiga bulan.",
            "Penyaluran dilakukan melalui kantor pos dengan pengawasan pendamping sosial.",
            "Material bangunan berasal dari sumbangan warga dan pemerintah desa.",
            "Pendataan ulang dilakukan karena masih ditemukan penerima yang sudah mampu.",
            "Warga yang berhak tetapi belum terdata diminta melapor ke kantor desa.",
            "Rumah yang diperbaiki sebelumnya berdinding papan lapuk dan beratap bocor.",
            "Petugas mendatangi rumah warga satu per satu untuk memastikan kondisi ekonomi.",
            "Bantuan diprioritaskan bagi lansia, penyandang disabilitas, dan keluarga dengan anak"
            " balita.",
            "Pembagian bantuan berlangsung tertib dengan sistem antrean bernomor.",
        ),
        "quotes": (
            "“Kami ingin bantuan benar-benar sampai kepada yang berhak,” {att}.",
            "“Terima kasih kepada tetangga semua, sekarang saya bisa tidur tanpa takut hujan,”"
            " kata {warga} ({umur}).",
            "“Data penerima akan kami perbarui setiap enam bulan,” {att}.",
            "“Gotong royong seperti ini sudah jadi kebiasaan warga kami sejak dulu,” {att}.",
        ),
        "closes": (
            "Penyaluran tahap berikutnya dijadwalkan pada bulan depan.",
            "Pemerintah desa berharap semangat gotong royong terus terjaga.",
            "Dinas Sosial membuka layanan pengaduan bagi warga yang keberatan dengan hasil"
            " pendataan.",
        ),
    },
}
"""Topic pools: titles, leads, facts, quotes (with `{att}` attribution), closes, and metadata."""

COMMODITIES = (
    "cabai merah",
    "bawang merah",
    "bawang putih",
    "tomat",
    "daging ayam",
    "telur ayam",
    "gula pasir",
    "minyak goreng",
)
