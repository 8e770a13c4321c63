"""The search benchmark's archive: invented Indonesian regional news, written through the Archive."""

from __future__ import annotations

import hashlib
import itertools
import random
import sys
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

if __package__ in (None, ""):  # run as a script: make the repo importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from crawler.archive.storage import Archive

BATCH = 1_000  # articles per transaction (the Store pipeline commits every 200; --batch 200)
SEED = 20240521

# -- an invented but realistic archive ---------------------------------------------------------

REGIONS = [
    ("Sumatera Selatan", "Banyuasin"),
    ("Sumatera Selatan", "Musi Banyuasin"),
    ("Sumatera Selatan", "Ogan Ilir"),
    ("Sumatera Selatan", "Lahat"),
    ("Jawa Barat", "Garut"),
    ("Jawa Barat", "Tasikmalaya"),
    ("Jawa Barat", "Cianjur"),
    ("Jawa Barat", "Sukabumi"),
    ("Jawa Barat", "Kuningan"),
    ("Jawa Tengah", "Banyumas"),
    ("Jawa Tengah", "Cilacap"),
    ("Jawa Tengah", "Kebumen"),
    ("Jawa Tengah", "Wonosobo"),
    ("Jawa Timur", "Jember"),
    ("Jawa Timur", "Banyuwangi"),
    ("Jawa Timur", "Lumajang"),
    ("Jawa Timur", "Tulungagung"),
    ("Riau", "Kampar"),
    ("Riau", "Bengkalis"),
    ("Riau", "Siak"),
    ("Kalimantan Barat", "Sambas"),
    ("Kalimantan Barat", "Ketapang"),
    ("Kalimantan Selatan", "Banjar"),
    ("Kalimantan Selatan", "Tabalong"),
    ("Sulawesi Selatan", "Bone"),
    ("Sulawesi Selatan", "Gowa"),
    ("Sulawesi Selatan", "Maros"),
    ("Sulawesi Tengah", "Poso"),
    ("Nusa Tenggara Barat", "Lombok Timur"),
    ("Nusa Tenggara Barat", "Bima"),
    ("Nusa Tenggara Timur", "Manggarai"),
    ("Nusa Tenggara Timur", "Sikka"),
    ("Aceh", "Pidie"),
    ("Aceh", "Bireuen"),
    ("Lampung", "Lampung Selatan"),
    ("Lampung", "Tanggamus"),
    ("Bali", "Buleleng"),
    ("Bali", "Gianyar"),
    ("Maluku", "Seram Bagian Barat"),
    ("Papua", "Jayawijaya"),
]
SITE_SUFFIXES = ("news", "pos", "ekspres", "terkini", "today")

# Roots with the affixed forms Indonesian news actually uses (the stem index folds them).
ROOTS = {
    "bangun": ["pembangunan", "dibangun", "membangun", "bangunan"],
    "perintah": ["pemerintah", "pemerintahan", "diperintahkan"],
    "kata": ["mengatakan", "dikatakan", "katanya"],
    "jelas": ["menjelaskan", "dijelaskan", "penjelasan"],
    "baik": ["perbaikan", "diperbaiki", "memperbaiki"],
    "bantu": ["bantuan", "membantu", "dibantu"],
    "laksana": ["pelaksanaan", "dilaksanakan", "melaksanakan"],
    "layan": ["pelayanan", "melayani", "layanan"],
    "sehat": ["kesehatan", "menyehatkan"],
    "didik": ["pendidikan", "pendidik", "mendidik"],
    "rusak": ["kerusakan", "merusak", "dirusak"],
    "tingkat": ["meningkat", "peningkatan", "ditingkatkan"],
    "periksa": ["pemeriksaan", "diperiksa", "memeriksa"],
    "tangkap": ["penangkapan", "ditangkap", "menangkap"],
    "salur": ["penyaluran", "disalurkan", "menyalurkan"],
    "tanam": ["penanaman", "ditanam", "menanam", "tanaman"],
    "pilih": ["pemilihan", "pemilih", "memilih", "terpilih"],
    "daftar": ["pendaftaran", "mendaftar", "terdaftar"],
    "kembang": ["pengembangan", "berkembang", "perkembangan"],
    "selesai": ["penyelesaian", "diselesaikan", "menyelesaikan"],
    "usul": ["usulan", "mengusulkan", "diusulkan"],
    "rendam": ["merendam", "terendam", "direndam"],
    "awas": ["pengawasan", "mengawasi", "diawasi"],
    "jual": ["penjualan", "menjual", "dijual", "penjual"],
    "harga": ["seharga", "menghargai"],
    "kunjung": ["kunjungan", "mengunjungi", "berkunjung"],
    "sampai": ["menyampaikan", "disampaikan", "penyampaian"],
    "gelar": ["menggelar", "digelar"],
    "lapor": ["laporan", "melaporkan", "dilaporkan", "pelapor"],
    "tindak": ["tindakan", "menindak", "ditindak"],
}
COMMON = [
    "yang",
    "di",
    "dan",
    "itu",
    "dengan",
    "untuk",
    "dari",
    "dalam",
    "pada",
    "ini",
    "akan",
    "tidak",
    "ke",
    "juga",
    "oleh",
    "sudah",
    "telah",
    "bisa",
    "saat",
    "ada",
    "para",
    "warga",
    "tahun",
    "kepala",
    "dinas",
    "desa",
    "kabupaten",
    "kota",
    "daerah",
    "masyarakat",
    "program",
    "kegiatan",
    "hari",
    "jalan",
    "rumah",
    "sekolah",
    "anak",
    "orang",
    "lebih",
    "masih",
    "karena",
    "agar",
    "sebagai",
    "setelah",
    "menjadi",
    "hingga",
    "sejak",
    "kami",
    "kita",
    "mereka",
    "tersebut",
    "secara",
    "terhadap",
    "namun",
    "seperti",
    "bagi",
    "antara",
    "kepada",
    "camat",
    "lurah",
    "bupati",
    "wakil",
    "ketua",
    "anggota",
    "rapat",
    "dana",
    "anggaran",
    "rupiah",
    "persen",
    "sekitar",
    "wilayah",
    "kecamatan",
    "pasar",
    "petani",
    "nelayan",
    "sawah",
    "sungai",
    "musim",
    "pagi",
    "malam",
    "kantor",
    "polisi",
    "polres",
    "sekretaris",
    "provinsi",
    "pusat",
    "tim",
    "petugas",
    "pihak",
    "upaya",
    "kondisi",
    "proses",
    "hasil",
    "data",
    "jumlah",
    "target",
    "tahap",
    "rencana",
    "bulan",
    "minggu",
]
TOPICS = {
    "banjir": ["banjir", "sungai", "meluap", "terendam", "pengungsi", "hujan", "tanggul"],
    "longsor": ["longsor", "tebing", "tertimbun", "hujan", "evakuasi", "relawan"],
    "pilkada": ["pilkada", "kampanye", "calon", "kpu", "bawaslu", "suara", "pemilih"],
    "jalan": ["jalan", "berlubang", "aspal", "pengaspalan", "jembatan", "kontraktor"],
    "narkoba": ["narkoba", "sabu", "tersangka", "barang", "bukti", "penyidik"],
    "pertanian": ["pupuk", "panen", "gabah", "petani", "irigasi", "benih"],
    "kesehatan": ["puskesmas", "stunting", "imunisasi", "posyandu", "dokter", "pasien"],
    "pendidikan": ["sekolah", "guru", "siswa", "beasiswa", "ujian", "kurikulum"],
    "dana": ["dana", "desa", "anggaran", "korupsi", "inspektorat", "audit"],
    "kebakaran": ["kebakaran", "api", "pemadam", "hangus", "korsleting", "kerugian"],
    "pasar": ["pasar", "pedagang", "harga", "cabai", "beras", "minyak"],
    "pariwisata": ["wisata", "pantai", "wisatawan", "festival", "budaya", "homestay"],
    "lalu lintas": ["kecelakaan", "pengendara", "truk", "tabrakan", "sepeda", "motor"],
    "olahraga": ["sepak", "bola", "turnamen", "atlet", "porprov", "medali"],
    "lingkungan": ["sampah", "hutan", "karhutla", "asap", "limbah", "reboisasi"],
    "air bersih": ["pdam", "air", "bersih", "sumur", "kekeringan", "pipa"],
}
FUNCTION_WORDS = 30  # the first 30 of COMMON are the function words that dominate any text
TAIL_WORDS = 30_000  # a regional archive's vocabulary beyond its few hundred everyday words
ONSETS = (
    "b",
    "c",
    "d",
    "g",
    "h",
    "j",
    "k",
    "l",
    "m",
    "n",
    "p",
    "r",
    "s",
    "t",
    "w",
    "y",
    "ng",
    "ny",
)
FIRST = [
    "Rina",
    "Agus",
    "Dedi",
    "Siti",
    "Budi",
    "Wahyu",
    "Nur",
    "Eko",
    "Sri",
    "Andi",
    "Dewi",
    "Hendra",
    "Yusuf",
    "Lestari",
    "Fajar",
    "Intan",
]
LAST = [
    "Wulandari",
    "Saputra",
    "Hidayat",
    "Kurniawan",
    "Pratama",
    "Susanti",
    "Nugroho",
    "Rahmawati",
    "Setiawan",
    "Halim",
]


def _derived_words() -> list[str]:
    return [form for forms in ROOTS.values() for form in forms] + list(ROOTS)


class Generator:
    """Invented regional news: portals per regency, topics, affixed words, copies."""

    def __init__(self, seed: int = SEED):
        self.rng = random.Random(seed)
        self.sites = [
            (f"{regency.lower().replace(' ', '')}{suffix}.id", province, regency)
            for province, regency in REGIONS
            for suffix in SITE_SUFFIXES[: 1 + len(regency) % 2]
        ]
        self.sites.sort()
        # Zipf word ranks as in real news text: function words first, then the real content
        # words in shuffled order, then a long tail of invented Indonesian-looking words, so a
        # content word appears in ~1-20% of articles rather than in nearly all of them.
        content = COMMON[FUNCTION_WORDS:] + _derived_words()
        self.rng.shuffle(content)
        vocab = COMMON[:FUNCTION_WORDS] + content + self._tail_words(TAIL_WORDS)
        weights = list(itertools.accumulate(1.0 / (rank + 1) for rank in range(len(vocab))))
        self.sentences = [
            self._sentence(vocab, weights) for _ in range(20_000)
        ]  # a pool keeps generation cheap; bodies still differ in order and topic sentences
        self.authors = [f"{f} {last}" for f in FIRST for last in LAST]
        self.start = datetime(2019, 1, 1, tzinfo=UTC)

    def _tail_words(self, count: int) -> list[str]:
        """`count` distinct invented words built from Indonesian syllables."""
        words: set[str] = set()
        while len(words) < count:
            syllables = self.rng.randint(2, 4)
            word = "".join(
                self.rng.choice(ONSETS) + self.rng.choice("aiueo") for _ in range(syllables)
            )
            if self.rng.random() < 0.4:
                word += self.rng.choice(("n", "r", "k", "t", "s", "ng", "l"))
            words.add(word)
        return sorted(words)

    def _sentence(self, vocab: list[str], cumulative: list[float]) -> str:
        words = self.rng.choices(vocab, cum_weights=cumulative, k=self.rng.randint(8, 16))
        words[0] = words[0].capitalize()
        return " ".join(words) + "."

    def article(self, number: int) -> dict[str, Any]:
        """The `number`-th invented article as an `articles` row mapping."""
        rng = self.rng
        site, province, regency = self.sites[number % len(self.sites)]
        topic = rng.choice(list(TOPICS))
        keys = TOPICS[topic]
        root, forms = rng.choice(list(ROOTS.items()))
        title = (
            f"{rng.choice(forms).capitalize()} {rng.choice(keys)} di {regency}"
            f" {rng.choice(keys)} {rng.choice(COMMON)}"
        )
        topic_lines = [
            f"{rng.choice(keys).capitalize()} {rng.choice(keys)} di {regency} {rng.choice(forms)}"
            f" {rng.choice(COMMON)} {rng.choice(keys)} {rng.randint(2, 900)} {rng.choice(COMMON)}."
            for _ in range(rng.randint(2, 4))
        ]
        lines = topic_lines + rng.sample(self.sentences, rng.randint(14, 26))
        rng.shuffle(lines)
        paragraphs = [" ".join(lines[i : i + 3]) for i in range(0, len(lines), 3)]
        body = "\n\n".join(paragraphs)
        when = self.start + timedelta(minutes=rng.randint(0, 6 * 365 * 24 * 60))
        published = when.astimezone(_WIB).isoformat()
        url = f"https://{site}/{when:%Y/%m/%d}/{number}-{topic.replace(' ', '-')}-{root}/"
        return {
            "url": url,
            "url_key": url.removeprefix("https://").rstrip("/"),
            "canonical_url": url,
            "site": site,
            "province": province,
            "regency": regency,
            "title": title,
            "body": body,
            "authors": rng.sample(self.authors, rng.choice((1, 1, 1, 2))),
            "published_at": published,
            "published_at_source": "jsonld",
            "language": "id",
            "tags": [topic, regency],
            "categories": [rng.choice(("Daerah", "Peristiwa", "Politik", "Ekonomi"))],
            "word_count": len(body.split()),
            "content_hash": hashlib.sha256(body.encode()).hexdigest(),
            "http_status": 200,
            "fetched_at": (when + timedelta(hours=2)).replace(microsecond=0).isoformat(),
            "discovered_via": "sitemap",
        }

    def articles(self, count: int) -> Iterator[dict[str, Any]]:
        """`count` articles in publication-independent order."""
        for number in range(count):
            yield self.article(number)


_WIB = timezone(timedelta(hours=7))  # the portals' own zone (WIB); the host's zone never leaks in


# -- measurements -------------------------------------------------------------------------------


def write_batch(archive: Archive, batch: list[dict]) -> tuple[float, float]:
    """Save one batch of generated articles in one transaction: (wall seconds, CPU seconds)."""
    started, started_cpu = time.perf_counter(), time.process_time()
    with archive.transaction():
        for row in batch:
            archive.save_article(row, now=row["fetched_at"])
    return time.perf_counter() - started, time.process_time() - started_cpu


def checkpoint(archive: Archive) -> tuple[float, float]:
    """Copy the WAL into the database, as closing the archive would: (wall seconds, CPU seconds).
    A bulk writer's rate includes it: its WAL holds up to BULK_CHECKPOINT_PAGES when it stops."""
    started, started_cpu = time.perf_counter(), time.process_time()
    archive.checkpoint()
    return time.perf_counter() - started, time.process_time() - started_cpu


def build(path: Path, count: int, batch_size: int = BATCH) -> dict[str, float]:
    """Write `count` generated articles through Archive.save_article, `batch_size` per
    transaction; time the writes, the last checkpoint and the end of a bulk write
    (`Archive.settle_bulk_write`: a build adds the whole archive, so it merges the search indexes
    as `warta ingest` and `import-warc` do after such a write)."""
    generator = Generator()
    written = 0
    seconds = cpu = 0.0
    with Archive(path, bulk=True) as archive:  # as `warta ingest` and `import-warc` open it
        source = generator.articles(count)
        while written < count:
            batch = [next(source) for _ in range(min(batch_size, count - written))]
            batch_seconds, batch_cpu = write_batch(archive, batch)
            seconds += batch_seconds
            cpu += batch_cpu
            written += len(batch)
            if written % 50_000 == 0:
                print(
                    f"  ingested {written:,} ({written / seconds:,.0f}/s wall,"
                    f" {written / cpu:,.0f}/s of CPU time)",
                    file=sys.stderr,
                )
        last_seconds, last_cpu = checkpoint(archive)
        started, started_cpu = time.perf_counter(), time.process_time()
        merged = archive.settle_bulk_write(written)
        merge_seconds = time.perf_counter() - started
        merge_cpu = time.process_time() - started_cpu
    seconds += last_seconds + merge_seconds
    cpu += last_cpu + merge_cpu
    return {
        "articles": written,
        "seconds": seconds,
        "per_s": written / seconds,
        "per_cpu_s": written / cpu,
        "merge_seconds": merge_seconds if merged else 0.0,
    }


WARM_ARTICLES = 3_000  # stemmed before an append is timed: a running crawler's stem cache is warm


def append(path: Path, count: int, batch_size: int = BATCH) -> dict[str, float]:
    """Write `count` more generated articles into an existing archive (new URLs), `batch_size`
    per transaction, as `build` does; time the writes and the last checkpoint. The ingest rate at
    the archive's size."""
    from crawler.research.stemming import stem_row

    generator = Generator()
    seconds = cpu = 0.0
    with Archive(path, bulk=True) as archive:  # as `warta ingest` and `import-warc` open it
        start = archive.count_articles()
        for number in range(WARM_ARTICLES):
            row = generator.article(number)
            stem_row(row["title"], row["body"], " ".join(row["authors"]), row["site"])
        first = 100_000_000 + start  # beyond every number `build` or an earlier append used
        written = 0
        while written < count:
            size = min(batch_size, count - written)
            batch = [generator.article(first + written + i) for i in range(size)]
            batch_seconds, batch_cpu = write_batch(archive, batch)
            seconds += batch_seconds
            cpu += batch_cpu
            written += size
        last_seconds, last_cpu = checkpoint(archive)
    seconds += last_seconds
    cpu += last_cpu
    return {
        "articles": written,
        "at": start,
        "seconds": seconds,
        "per_s": written / seconds,
        "per_cpu_s": written / cpu,
    }


def optimize(path: Path) -> dict[str, Any]:
    """Merge each search index into one segment, as `warta optimize` does; time it (wall and CPU)
    and give each index's segments before."""
    started, started_cpu = time.perf_counter(), time.process_time()
    with Archive(path, bulk=True) as archive:
        merged = archive.merge_search_indexes()
    return {
        "seconds": time.perf_counter() - started,
        "cpu": time.process_time() - started_cpu,
        "segments": {index: before for index, (before, _) in merged.items()},
    }
