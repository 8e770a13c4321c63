"""Near-duplicate benchmark: pair precision / recall of crawler.archive.neardup on a generated syndication
corpus, and the time to cluster 100,000 articles (pure, and through an archive.db).

The corpus is Warta's own invented Indonesian text (no third-party text): stories on a handful of
regional topics, each possibly republished by other portals with the edits regional portals make
(another dateline and outlet, added "Baca juga" lines, the first or last paragraph cut, another
byline, light rewording), mixed with distinct stories on the same topics.

    python bench/neardup.py                      # quality on seed "eval" + 100,000-article timing
    python bench/neardup.py --stories 3000 --articles 0 --seed tune --threshold 0.5
    python bench/neardup.py --archive            # also time `warta cluster` on a 100k archive

Targets (issue 5): pair precision >= 0.98, recall >= 0.95; 100,000 articles clustered < 120 s.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make the repo importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from crawler.archive import neardup
from crawler.testportal.formats import DAYS, MONTHS

PRECISION_TARGET, RECALL_TARGET = 0.98, 0.95  # issue 5
SECONDS_TARGET, SPEED_ARTICLES = 120.0, 100_000  # issue 5: 100,000 articles in under 2 minutes

# -- invented Indonesian material -------------------------------------------------------------

FIRST_NAMES = [
    "Suharjo",
    "Wahyudi",
    "Rudi",
    "Agus",
    "Dedi",
    "Yanto",
    "Hendra",
    "Slamet",
    "Bambang",
    "Joko",
    "Asep",
    "Ujang",
    "Rahmat",
    "Syamsul",
    "Herman",
    "Darmawan",
    "Fajar",
    "Irwan",
    "Sri",
    "Siti",
    "Nur",
    "Dewi",
    "Rina",
    "Yuli",
    "Wulan",
    "Ratna",
    "Lestari",
    "Fitri",
    "Maya",
    "Anisa",
    "Puspita",
    "Kurnia",
    "Taufik",
    "Arif",
    "Budi",
    "Eko",
    "Hadi",
    "Imam",
    "Sutrisno",
    "Teguh",
    "Zulkifli",
    "Nanang",
    "Ridwan",
]
LAST_NAMES = [
    "Wibowo",
    "Saputra",
    "Hidayat",
    "Santoso",
    "Pratama",
    "Kusuma",
    "Gunawan",
    "Siregar",
    "Nasution",
    "Harahap",
    "Simanjuntak",
    "Wijaya",
    "Setiawan",
    "Hakim",
    "Firmansyah",
    "Maulana",
    "Permana",
    "Suryadi",
    "Rahman",
    "Hasibuan",
    "Lubis",
    "Sembiring",
    "Purnama",
    "Anggraini",
    "Handayani",
    "Rachmawati",
    "Susanti",
    "Utami",
    "Yulianti",
    "Sari",
    "Nugroho",
    "Prasetyo",
    "Kurniawan",
]
REGENCIES = (
    "Banyuasin", "Garut", "Musi Rawas", "Ogan Ilir", "Lahat", "Sleman", "Bantul", "Ciamis",
    "Tasikmalaya", "Kuningan", "Muara Enim", "Pringsewu", "Tanggamus", "Magetan", "Ngawi",
    "Pacitan", "Sumedang", "Majalengka", "Indramayu", "Kebumen", "Wonosobo", "Blora",
)  # fmt: skip
VILLAGE_PARTS = [
    "Suka",
    "Tanjung",
    "Karang",
    "Sungai",
    "Talang",
    "Muara",
    "Bukit",
    "Sidomulyo",
    "Mekar",
    "Cinta",
    "Rawa",
    "Padang",
    "Lubuk",
    "Air",
    "Pulau",
    "Teluk",
    "Batu",
    "Kebon",
    "Jati",
    "Harapan",
    "Makmur",
    "Jaya",
    "Sari",
    "Rejo",
    "Agung",
    "Indah",
    "Baru",
    "Asri",
]
OUTLETS = (
    "KabarDaerah.com", "SuaraDesa.id", "WartaRakyat.co.id", "InfoKabupaten.net", "BeritaLokal.id",
    "PantauNusantara.com", "DetakSumsel.id", "GemaPriangan.com", "LensaPublik.id", "KoranKita.net",
    "RadarPinggiran.com", "SerambiWarga.id", "TribunDesa.net", "MataRakyat.co", "KilasDaerah.id",
)  # fmt: skip
ROLES = (
    "Kepala Dinas Pekerjaan Umum", "Kepala Dinas Kesehatan", "Camat", "Kepala Desa", "Bupati",
    "Wakil Bupati", "Ketua DPRD", "Kapolres", "Kapolsek", "Kepala Pelaksana BPBD",
    "Kepala Dinas Pendidikan", "Sekretaris Daerah", "Kepala Dinas Pertanian", "Ketua KPU",
    "Kepala Dinas Sosial", "Kepala Puskesmas", "Kepala Sekolah", "Ketua Koperasi",
)  # fmt: skip

# Per topic: subjects, objects and clause fragments that combine into many sentences.
TOPICS: dict[str, dict[str, tuple[str, ...]]] = {
    "banjir": {
        "thing": ("banjir", "genangan air", "luapan sungai", "banjir bandang", "air bah"),
        "act": (
            "merendam ratusan rumah warga",
            "memutus akses jalan antardesa",
            "merusak tanggul darurat",
            "menggenangi lahan sawah",
            "memaksa warga mengungsi",
            "menghanyutkan jembatan gantung",
            "merendam gedung sekolah dasar",
            "melumpuhkan pasar tradisional",
        ),
        "fix": (
            "membangun tanggul permanen",
            "menormalisasi aliran sungai",
            "menyiapkan perahu karet",
            "mendirikan dapur umum",
            "membagikan paket sembako",
            "mengerahkan pompa air",
        ),
        "measure": ("ketinggian air mencapai", "debit sungai naik hingga", "curah hujan tercatat"),
    },
    "jalan": {
        "thing": ("jalan rusak", "jalan berlubang", "ruas jalan kabupaten", "jembatan penghubung"),
        "act": (
            "menyulitkan pengangkutan hasil kebun",
            "membahayakan pengendara sepeda motor",
            "memperlambat distribusi bahan pokok",
            "membuat angkutan sekolah berhenti beroperasi",
            "menyebabkan kecelakaan tunggal",
            "mengganggu perjalanan pedagang ke pasar",
        ),
        "fix": (
            "mengaspal ulang ruas tersebut",
            "menambal lubang secara bertahap",
            "memasang rambu peringatan",
            "mengalokasikan anggaran perbaikan",
            "mengajukan bantuan ke provinsi",
            "melebarkan badan jalan",
        ),
        "measure": (
            "panjang kerusakan mencapai",
            "anggaran perbaikan sebesar",
            "lebar lubang sekitar",
        ),
    },
    "pilkada": {
        "thing": (
            "tahapan pilkada",
            "pemutakhiran data pemilih",
            "debat calon bupati",
            "kampanye terbuka",
        ),
        "act": (
            "menarik perhatian ribuan warga",
            "diawasi ketat oleh Bawaslu",
            "berlangsung tertib dan damai",
            "diwarnai protes tim pemenangan",
            "dijaga personel gabungan",
            "diikuti seluruh pasangan calon",
        ),
        "fix": (
            "menambah jumlah tempat pemungutan suara",
            "melatih petugas KPPS",
            "menertibkan alat peraga",
            "mencocokkan data pemilih ganda",
            "menggelar simulasi pencoblosan",
            "menyebarkan undangan memilih",
        ),
        "measure": (
            "jumlah pemilih tetap sebanyak",
            "partisipasi pemilih ditargetkan",
            "anggaran hibah sebesar",
        ),
    },
    "kesehatan": {
        "thing": (
            "angka stunting",
            "kasus demam berdarah",
            "cakupan imunisasi",
            "layanan posyandu",
        ),
        "act": (
            "menjadi perhatian pemerintah daerah",
            "meningkat pada musim hujan",
            "menurun dibanding tahun lalu",
            "tersebar di beberapa kecamatan",
            "membutuhkan penanganan lintas sektor",
            "dipantau kader kesehatan",
        ),
        "fix": (
            "melakukan pengasapan di permukiman",
            "membagikan makanan tambahan",
            "menggelar penyuluhan gizi",
            "menambah tenaga bidan desa",
            "memeriksa jentik nyamuk",
            "membuka posyandu keliling",
        ),
        "measure": ("prevalensi tercatat", "jumlah kasus mencapai", "sasaran balita sebanyak"),
    },
    "kebakaran": {
        "thing": ("kebakaran rumah", "kebakaran lahan gambut", "api", "kebakaran gudang"),
        "act": (
            "menghanguskan tiga rumah semipermanen",
            "merambat ke kebun warga",
            "menimbulkan kabut asap",
            "menghabiskan harta benda korban",
            "sulit dipadamkan karena angin kencang",
            "dipicu korsleting listrik",
        ),
        "fix": (
            "menurunkan dua unit mobil pemadam",
            "membuat sekat bakar",
            "menyiram lahan dengan helikopter",
            "menyalurkan bantuan bagi korban",
            "memeriksa saksi di lokasi",
            "memasang garis polisi",
        ),
        "measure": (
            "kerugian ditaksir mencapai",
            "luas lahan terbakar sekitar",
            "api padam setelah",
        ),
    },
    "pertanian": {
        "thing": ("harga cabai", "panen padi", "pupuk bersubsidi", "harga gabah kering"),
        "act": (
            "naik tajam menjelang hari raya",
            "terganggu serangan hama wereng",
            "langka di tingkat pengecer",
            "anjlok saat panen raya",
            "dikeluhkan kelompok tani",
            "berdampak pada pendapatan petani",
        ),
        "fix": (
            "menggelar operasi pasar murah",
            "membagikan benih unggul",
            "mengawasi distribusi pupuk",
            "membeli gabah petani melalui Bulog",
            "memperbaiki saluran irigasi",
            "melatih penyuluh pertanian",
        ),
        "measure": ("harga per kilogram mencapai", "luas tanam tercatat", "produksi diperkirakan"),
    },
    "pendidikan": {
        "thing": (
            "penerimaan siswa baru",
            "ruang kelas rusak",
            "bantuan operasional sekolah",
            "ujian sekolah",
        ),
        "act": (
            "dikeluhkan orang tua murid",
            "berjalan dengan sistem zonasi",
            "membuat siswa belajar di teras",
            "dicairkan dalam dua tahap",
            "diawasi tim dari dinas",
            "diikuti ribuan pelajar",
        ),
        "fix": (
            "merehabilitasi gedung sekolah",
            "menambah kuota jalur afirmasi",
            "mengangkat guru honorer",
            "membagikan seragam gratis",
            "memeriksa laporan penggunaan dana",
            "membuka posko pengaduan",
        ),
        "measure": (
            "jumlah pendaftar mencapai",
            "dana yang dicairkan sebesar",
            "ruang kelas rusak sebanyak",
        ),
    },
    "kriminal": {
        "thing": (
            "peredaran sabu",
            "pencurian sepeda motor",
            "penipuan daring",
            "judi sabung ayam",
        ),
        "act": (
            "meresahkan warga setempat",
            "dibongkar jajaran satuan reserse",
            "melibatkan jaringan antarprovinsi",
            "terungkap dari laporan masyarakat",
            "terjadi berulang kali",
            "menyasar kalangan pelajar",
        ),
        "fix": (
            "meringkus dua tersangka",
            "menyita barang bukti",
            "menggelar patroli malam",
            "memeriksa sejumlah saksi",
            "mengimbau warga lebih waspada",
            "memburu pelaku lain",
        ),
        "measure": ("barang bukti seberat", "kerugian korban mencapai", "ancaman hukuman hingga"),
    },
}

CONNECTORS = (
    "Menurut dia,", "Selain itu,", "Di sisi lain,", "Sementara itu,", "Oleh karena itu,",
    "Dalam kesempatan itu,", "Lebih lanjut,", "Meski demikian,", "Adapun", "Sebelumnya,",
)  # fmt: skip
SAY = ("kata", "ujar", "tutur", "jelas", "ungkap", "terang")
SYNONYMS = {
    "mengatakan": "menyampaikan", "warga": "masyarakat", "sejumlah": "beberapa", "hingga": "sampai",
    "pihaknya": "instansinya", "segera": "secepatnya", "kata": "ucap", "ujar": "tutur",
    "ratusan": "puluhan", "mencapai": "menyentuh", "lokasi": "tempat", "kemarin": "sebelumnya",
    "bantuan": "pertolongan", "telah": "sudah", "akan": "bakal", "namun": "tetapi",
    "setempat": "sekitar", "mengimbau": "meminta", "kondisi": "keadaan", "pemerintah": "pemda",
}  # fmt: skip
RELATED_TITLES = (
    "Pemkab Gelar Lomba Desa Bersih", "Harga Beras Mulai Turun di Pasar Induk",
    "Ratusan Pelajar Ikuti Lomba Baca Puisi", "Dua Pemuda Diamankan Usai Balap Liar",
    "Jembatan Baru Diresmikan Bupati", "Petani Kopi Panen Lebih Awal", "Festival Kuliner Digelar Akhir Pekan",
    "Gudang Logistik KPU Dijaga Ketat", "Warga Keluhkan Lampu Jalan Padam", "Posyandu Remaja Dibentuk",
)  # fmt: skip


# -- generation --------------------------------------------------------------------------------


@dataclass
class Story:
    """One generated article: its text blocks and the cluster it truly belongs to."""

    key: str
    group: int
    paragraphs: list[str]
    published_at: str
    is_original: bool

    @property
    def body(self) -> str:
        """Text blocks joined as the archive joins a body."""
        return "\n\n".join(self.paragraphs)


def _person(rng: random.Random) -> str:
    return f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"


def _village(rng: random.Random) -> str:
    return f"Desa {rng.choice(VILLAGE_PARTS)} {rng.choice(VILLAGE_PARTS)}"


def _number(rng: random.Random) -> str:
    kind = rng.randrange(4)
    if kind == 0:
        return f"{rng.randint(2, 950)} {rng.choice(('unit', 'kepala keluarga', 'orang', 'titik'))}"
    if kind == 1:
        return f"Rp{rng.randint(1, 99)},{rng.randint(1, 9)} {rng.choice(('juta', 'miliar'))}"
    if kind == 2:
        return (
            f"{rng.randint(10, 300)} {rng.choice(('sentimeter', 'meter', 'kilometer', 'hektare'))}"
        )
    return f"{rng.randint(2, 98)} persen"


def _sentence(rng: random.Random, topic: dict, place: str, people: list[tuple[str, str]]) -> str:
    """One sentence: topic fragments and fresh slot values interleaved every few words."""
    name, role = rng.choice(people)
    thing, act, fix, measure = (rng.choice(topic[k]) for k in ("thing", "act", "fix", "measure"))
    village = _village(rng)
    day = (
        f"{rng.choice(DAYS)} ({rng.randint(1, 28)}/{rng.randint(1, 12)}/{rng.randint(2019, 2024)})"
    )
    shape = rng.randrange(9)
    if shape == 0:
        return f"{thing.capitalize()} di {village}, Kecamatan {rng.choice(VILLAGE_PARTS)}, {act} sejak {day}."
    if shape == 1:
        return f"{role} {place}, {name}, mengatakan pihaknya segera {fix} bersama {rng.choice(ROLES).lower()}."
    if shape == 2:
        return f'"Kami minta warga {rng.choice(("tetap tenang", "tidak panik", "melapor", "bersabar"))}, {fix} sudah kami mulai," {rng.choice(SAY)} {name}.'
    if shape == 3:
        return f"{rng.choice(CONNECTORS)} {measure} {_number(rng)} di {village} pada {day}."
    if shape == 4:
        return f"{name}, warga {village}, menuturkan {thing} {act} dan belum pernah separah ini sejak {rng.randint(1990, 2018)}."
    if shape == 5:
        return f"Pemerintah Kabupaten {place} menganggarkan {_number(rng)} untuk {fix} di {rng.randint(2, 40)} kecamatan."
    if shape == 6:
        return f"{rng.choice(CONNECTORS)} {role.lower()} meminta {rng.choice(ROLES).lower()} {fix} sebelum {rng.choice(MONTHS)} {rng.randint(2020, 2025)}."
    if shape == 7:
        return f"Data {rng.choice(ROLES).lower()} mencatat {measure} {_number(rng)}, sementara {thing} {act}."
    return f"Hingga {rng.choice(DAYS).lower()} sore, {rng.randint(2, 60)} petugas masih {fix} di sekitar {village}."


def original_story(
    rng: random.Random, key: str, group: int, topic_name: str, when: datetime
) -> Story:
    """A new story on a topic: dateline, 3-9 paragraphs of 1-3 sentences, a byline line."""
    topic = TOPICS[topic_name]
    place = rng.choice(REGENCIES)
    people = [(_person(rng), rng.choice(ROLES)) for _ in range(3)]
    paragraphs = [
        " ".join(_sentence(rng, topic, place, people) for _ in range(rng.randint(1, 3)))
        for _ in range(rng.randint(3, 9))
    ]
    paragraphs[0] = f"{place.upper()}, {rng.choice(OUTLETS)} – {paragraphs[0]}"
    paragraphs.append(f"Penulis: {_person(rng)} | Editor: {_person(rng)}")
    return Story(key, group, paragraphs, when.isoformat(), True)


def follow_up_story(
    rng: random.Random, key: str, group: int, earlier: Story, topic_name: str, when: datetime
) -> Story:
    """A distinct story on the same event: a new lead and new paragraphs, but one or two background
    paragraphs (and the dateline place) repeated from the earlier story, as portals do."""
    fresh = original_story(rng, key, group, topic_name, when)
    background = [p for p in earlier.paragraphs[1:-1]]
    reused = rng.sample(background, min(len(background), rng.randint(1, 2)))
    body = fresh.paragraphs[:-1]
    place = earlier.paragraphs[0].split(",", 1)[0]
    body[0] = f"{place}, " + body[0].split(", ", 1)[-1]
    for paragraph in reused:
        body.insert(rng.randint(1, len(body)), paragraph)
    return Story(key, group, [*body, fresh.paragraphs[-1]], when.isoformat(), True)


def _reword(rng: random.Random, paragraph: str, rate: float) -> str:
    """Light rewording: synonyms for a share of the replaceable words, and now and then two
    sentences swapped or a date written another way."""
    tokens = []
    for token in paragraph.split(" "):
        bare = token.strip(',."')
        if bare in SYNONYMS and rng.random() < rate:
            token = token.replace(bare, SYNONYMS[bare])
        tokens.append(token)
    paragraph = " ".join(tokens)
    sentences = paragraph.split(". ")
    if len(sentences) > 1 and rng.random() < rate:
        i = rng.randrange(len(sentences) - 1)
        sentences[i], sentences[i + 1] = sentences[i + 1].rstrip("."), sentences[i]
        paragraph = ". ".join(sentences).rstrip(".") + "."
    if rng.random() < rate:
        for day in DAYS:
            paragraph = paragraph.replace(f"{day} (", f"{day} lalu (", 1)
    return paragraph


EDITS = ("dateline", "baca-juga", "cut-first", "cut-last", "byline", "reword")


def copy_story(
    rng: random.Random, original: Story, key: str, when: datetime
) -> tuple[Story, list[str]]:
    """A republished copy with a random mix of the edits regional portals make; returns the edits."""
    paragraphs = list(original.paragraphs[:-1])  # the byline line is the portal's own
    edits = [e for e in EDITS if rng.random() < 0.5] or [rng.choice(EDITS)]
    if "cut-first" in edits and "cut-last" in edits:
        edits.remove(rng.choice(("cut-first", "cut-last")))
    lead = paragraphs[0].split(" – ", 1)[-1]
    if "dateline" in edits:
        place = original.paragraphs[0].split(",", 1)[0].title()
        paragraphs[0] = f"{place} ({rng.choice(OUTLETS).split('.')[0]}) - {lead}"
    if "cut-first" in edits and len(paragraphs) > 4:
        paragraphs = paragraphs[1:]
    if "cut-last" in edits and len(paragraphs) > 4:
        paragraphs = paragraphs[:-1]
    if "reword" in edits:
        rate = rng.uniform(0.2, 0.6)  # light: a fifth to three fifths of the replaceable words
        paragraphs = [_reword(rng, p, rate) for p in paragraphs]
    if "baca-juga" in edits:
        for _ in range(rng.randint(1, 3)):
            at = rng.randint(1, len(paragraphs) - 1)
            paragraphs.insert(at, f"Baca juga: {rng.choice(RELATED_TITLES)}")
    if "byline" in edits:
        paragraphs.append(
            rng.choice(
                (
                    f"({rng.choice(('ant', 'rls', 'red', 'adv'))}/{rng.choice('abcdefg')}{rng.choice('hijklm')})",
                    f"Reporter: {_person(rng)}",
                    f"Sumber: {rng.choice(OUTLETS)}",
                )
            )
        )
    else:
        paragraphs.append(original.paragraphs[-1])
    return Story(key, original.group, paragraphs, when.isoformat(), False), edits


def build_corpus(stories: int, seed: str) -> tuple[list[Story], Counter]:
    """`stories` stories and their copies: 55 % have none, 30 % one or two, 11 % three to six,
    4 % seven to twenty. A quarter of the stories are follow-ups of an earlier story (same place,
    same topic, one or two of its paragraphs repeated): distinct articles that must not merge."""
    rng = random.Random(seed)
    start = datetime(2024, 1, 1, 6, tzinfo=UTC)
    corpus: list[Story] = []
    originals: list[tuple[Story, str]] = []
    edit_counts: Counter = Counter()
    topics = sorted(TOPICS)
    for group in range(stories):
        when = start + timedelta(minutes=rng.randint(0, 60 * 24 * 365))
        if originals and rng.random() < 0.25:
            earlier, topic = rng.choice(originals)
            original = follow_up_story(rng, f"o{group}", group, earlier, topic, when)
            edit_counts["follow-up story"] += 1
        else:
            topic = rng.choice(topics)
            original = original_story(rng, f"o{group}", group, topic, when)
        originals.append((original, topic))
        corpus.append(original)
        roll = rng.random()
        if roll < 0.55:
            copies = 0
        elif roll < 0.85:
            copies = rng.randint(1, 2)
        elif roll < 0.96:
            copies = rng.randint(3, 6)
        else:
            copies = rng.randint(7, 20)
        for c in range(copies):
            later = when + timedelta(minutes=rng.randint(5, 60 * 72))
            copy, edits = copy_story(rng, original, f"o{group}c{c}", later)
            edit_counts.update(edits)
            corpus.append(copy)
    rng.shuffle(corpus)
    return corpus, edit_counts


# -- scoring -----------------------------------------------------------------------------------


def _pairs(sizes: Iterable[int]) -> int:
    return sum(n * (n - 1) // 2 for n in sizes)


def score(corpus: list[Story], clusters: list[neardup.Cluster]) -> dict[str, float]:
    """Pair precision and recall of predicted clusters against the true groups, and how often the
    chosen canonical copy is the true original."""
    group_of = {s.key: s.group for s in corpus}
    predicted = _pairs(len(c.members) for c in clusters)
    true = _pairs(Counter(s.group for s in corpus).values())
    correct = 0
    canonical_right = 0
    for c in clusters:
        correct += _pairs(Counter(group_of[k] for k in c.members).values())
        canonical_right += c.canonical.startswith("o") and "c" not in c.canonical
    return {
        "pairs_true": true,
        "pairs_predicted": predicted,
        "precision": correct / predicted if predicted else 1.0,
        "recall": correct / true if true else 1.0,
        "canonical_is_original": canonical_right / len(clusters) if clusters else 1.0,
    }


def quality(stories: int, seed: str) -> dict:
    """Cluster a generated corpus and score it."""
    corpus, edits = build_corpus(stories, seed)
    docs = [neardup.Doc(s.key, s.body, s.published_at) for s in corpus]
    started = time.perf_counter()
    clusters = neardup.find_clusters(docs)
    seconds = time.perf_counter() - started
    result = score(corpus, clusters)
    result.update(articles=len(corpus), clusters=len(clusters), seconds=round(seconds, 2))
    result["edits"] = dict(sorted(edits.items()))
    return result


def speed(articles: int, seed: str, *, compare: bool = False) -> dict:
    """Time `find_clusters` on about `articles` generated articles (and, with `compare`, the LSH
    step against datasketch's MinHashLSH index on the same signatures)."""
    stories = max(1, int(articles / 1.95))  # build_corpus averages ~1.95 articles per story
    corpus, _ = build_corpus(stories, seed)
    corpus = corpus[:articles]
    docs = [neardup.Doc(s.key, s.body, s.published_at) for s in corpus]
    started = time.perf_counter()
    clusters = neardup.find_clusters(docs)
    result = {
        "articles": len(docs),
        "clusters": len(clusters),
        "seconds": round(time.perf_counter() - started, 1),
        "_corpus": corpus,
    }
    if compare:
        sigs, valid = neardup.signatures(d.body for d in docs)
        timings = {}
        found = {}
        for name, pairs_of in (
            ("numpy-banding", neardup.similar_pairs),
            ("datasketch-MinHashLSH", neardup.similar_pairs_datasketch),
        ):
            t = time.perf_counter()
            found[name] = {(min(a, b), max(a, b)) for a, b in pairs_of(sigs, valid)}
            timings[name] = round(time.perf_counter() - t, 1)
        result["lsh_seconds"] = timings
        result["lsh_same_pairs"] = len(set(map(len, found.values()))) == 1 and (
            found["numpy-banding"] == found["datasketch-MinHashLSH"]
        )
    return result


def archive_speed(corpus: list[Story]) -> dict:
    """Time `cluster_archive` (read bodies, cluster, write columns) on an archive of the corpus."""
    from crawler.archive.storage import Archive

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "bench.db"
        with Archive(path) as archive:
            started = time.perf_counter()
            for i, s in enumerate(corpus):
                archive.save_article(
                    {
                        "url": f"https://{s.key}.example/",
                        "url_key": f"{s.key}.example/",
                        "site": "bench",
                        "title": s.key,
                        "body": s.body,
                        "published_at": s.published_at,
                        "content_hash": s.key,
                    }
                )
                if i % 5000 == 4999:
                    archive.commit()
            archive.commit()
            load = time.perf_counter() - started
            summary = neardup.cluster_archive(archive)
        return {
            "articles": summary.articles,
            "clusters": summary.clusters,
            "rows_changed": summary.rows_changed,
            "seconds": round(summary.seconds, 1),
            "timings": {k: round(v, 1) for k, v in summary.timings.items()},
            "load_seconds": round(load, 1),
        }


def main(argv: list[str] | None = None) -> int:
    """Print the quality and speed figures (a markdown table, or JSON)."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--stories", type=int, default=4000, help="originals in the quality corpus")
    parser.add_argument("--seed", default="eval", help="corpus seed (tune thresholds on another)")
    parser.add_argument(
        "--articles", type=int, default=SPEED_ARTICLES, help="speed corpus (0: skip)"
    )
    parser.add_argument("--archive", action="store_true", help="also time cluster_archive")
    parser.add_argument(
        "--compare-datasketch", action="store_true", help="also time datasketch's MinHashLSH"
    )
    parser.add_argument("--threshold", type=float, help="override neardup.THRESHOLD")
    parser.add_argument("--shingle-words", type=int, help="override neardup.SHINGLE_WORDS")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    if args.threshold is not None:
        neardup.THRESHOLD = args.threshold
    if args.shingle_words is not None:
        neardup.SHINGLE_WORDS = args.shingle_words
    report: dict = {
        "settings": {
            "shingle_words": neardup.SHINGLE_WORDS,
            "num_perm": neardup.NUM_PERM,
            "threshold": neardup.THRESHOLD,
            "lsh_bands_rows": list(neardup.LSH_PARAMS),
        }
    }
    report["quality"] = quality(args.stories, args.seed)
    if args.articles:
        timed = speed(args.articles, f"{args.seed}:speed", compare=args.compare_datasketch)
        corpus = timed.pop("_corpus")
        report["speed"] = timed
        if args.archive:
            report["archive"] = archive_speed(corpus)
    if args.json:
        print(json.dumps(report, indent=2))
        return 0
    q = report["quality"]
    print(f"settings: {report['settings']}")
    print("| measure | value | target |\n|---|---|---|")
    print(f"| articles (quality corpus) | {q['articles']} | |")
    print(f"| true copy pairs | {q['pairs_true']} | |")
    print(f"| pair precision | {q['precision']:.4f} | >= {PRECISION_TARGET} |")
    print(f"| pair recall | {q['recall']:.4f} | >= {RECALL_TARGET} |")
    print(f"| canonical = original | {q['canonical_is_original']:.4f} | |")
    if "speed" in report:
        s = report["speed"]
        print(
            f"| find_clusters, {s['articles']} articles | {s['seconds']} s | < {SECONDS_TARGET:.0f} s |"
        )
        if "lsh_seconds" in s:
            print(f"| LSH step alone | {s['lsh_seconds']} (same pairs: {s['lsh_same_pairs']}) | |")
    if "archive" in report:
        a = report["archive"]
        print(
            f"| cluster_archive, {a['articles']} articles | {a['seconds']} s {a['timings']} |"
            f" < {SECONDS_TARGET:.0f} s |"
        )
    print(f"edits applied to copies: {q['edits']}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
