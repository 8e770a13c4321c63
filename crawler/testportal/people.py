"""Invented newsroom of the test portals: reporters with academic titles, editors, posting accounts."""

from __future__ import annotations

from crawler.testportal.model import Person

ADMIN = Person("admin", "admin", "admin", is_person=False)
REDAKSI = Person(
    "redaksi",
    "Redaksi",
    "Redaksi",
    bio="Akun resmi meja redaksi. Kirim rilis dan informasi ke surel redaksi.",
    is_person=False,
)
TIM_REDAKSI = Person("tim-redaksi", "Tim Redaksi", "Tim Redaksi", is_person=False)
ACCOUNT_CODE = Person("wd-02", "wd-02", "wd-02", is_person=False)
ACCOUNTS = {p.key: p for p in (ADMIN, REDAKSI, TIM_REDAKSI, ACCOUNT_CODE)}

_REPORTERS = (
    ("rudi", "Rudi Hartono", "Rudi Hartono, S.Sos", "liputan Banyuasin dan Musi Banyuasin"),
    ("asep", "Asep Saepul Rohman", "Asep Saepul Rohman, S.I.Kom", "liputan Garut dan Priangan"),
    ("dedi", "Dedi Kurniawan", "Dedi Kurniawan, S.H.", "liputan politik dan parlemen daerah"),
    ("siti", "Siti Rahmawati", "Siti Rahmawati, S.Pd", "liputan pendidikan dan keluarga"),
    ("maulana", "Maulana Yusuf", "Maulana Yusuf, S.Th.I", "liputan kesehatan dan keagamaan"),
    ("novi", "Novi Anggraini", "Novi Anggraini, A.Md", "liputan pertanian dan perkebunan"),
    ("fajar", "Fajar Ramadhan", "Fajar Ramadhan, S.I.P", "liputan sosial dan pemerintahan"),
    ("yoga", "Yoga Pratama", "Yoga Pratama, S.Kom", "liputan ekonomi dan pasar"),
    ("lestari", "Lestari Wulandari", "Dra. Lestari Wulandari, M.Si", "liputan lingkungan"),
    ("hendri", "Hendri Saputra", "Hendri Saputra, S.E.", "liputan peristiwa dan kebencanaan"),
    ("agus", "Agus Salim Harahap", "Agus Salim Harahap, S.Sos.I", "liputan hukum dan kriminal"),
    ("wahyu", "Wahyu Nugroho", "Wahyu Nugroho, S.T.", "liputan infrastruktur dan transportasi"),
)
REPORTERS = {
    key: Person(
        key,
        name,
        display,
        bio=f"Wartawan yang menekuni {beat}. Bergabung dengan redaksi sejak beberapa tahun lalu"
        " dan telah mengikuti uji kompetensi wartawan.",
    )
    for key, name, display, beat in _REPORTERS
}
"""Reporters by key; `display` carries the academic title the author box prints."""

EDITORS = ("Bambang Irawan", "Ratna Sari Dewi", "Hendra Gunawan", "Yusuf Effendi", "Mega Puspita")

COMMENTERS = (
    "Warga Betung",
    "Bang Jaya",
    "Ibu Rosna",
    "Anak Rantau",
    "Pemuda Desa",
    "Hamba Allah",
    "Pak RT",
    "Netizen Sumsel",
)
COMMENT_TEXTS = (
    "Semoga cepat ditangani, kasihan warga yang terdampak.",
    "Mantap, terus kawal sampai tuntas.",
    "Di kampung kami juga sama, mohon diperhatikan pemerintah.",
    "Terima kasih infonya, sangat bermanfaat.",
    "Kapan realisasinya? Jangan cuma janji.",
    "Bangga dengan anak daerah, semoga jadi contoh.",
    "Harus ada pengawasan ketat supaya tidak disalahgunakan.",
    "Setuju, yang penting aman dan tertib.",
)
