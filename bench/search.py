"""Search benchmark: ingest, search latency and Parquet export on a generated archive.

Run `python bench/search.py` (1,000,000 articles, about 15 minutes on 2 cores) or
`python bench/search.py --articles 20000` for a quick look. It writes the archive itself through
the real `Archive.save_article` path (FTS and the stem index included) under bench/out/, then
measures the p95 latency of a two-word search with a site filter and of a phrase search, and the
export of every row to Parquet in a child process (rows/s and peak RSS). Prints a markdown table
with the targets of issue 6. Needs no corpus: the articles are invented Indonesian text.
"""

from __future__ import annotations

import argparse
import hashlib
import itertools
import json
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

if __package__ in (None, ""):  # run as a script: make the repo importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from crawler.archive.storage import Archive
from crawler.research.search import index_mismatches, search

OUT = Path(__file__).resolve().parent / "out"
BATCH = 1_000  # articles per transaction (the Store pipeline commits every 200; --batch 200)
QUERY_RUNS = 200  # queries per latency figure: enough for a stable p95
SYNC_SAMPLE = 2_000  # articles rebuilt to check both indexes against: ~10 s on 1,000,000
SEED = 20240521

TARGETS = {
    "ingest": 2_000,  # articles/s, issue 6
    "two_word_site_p95_ms": 50,
    "phrase_p95_ms": 100,
    "export_rows_per_s": 20_000,
    "export_peak_rss_mb": 500,
}

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


def build(path: Path, count: int, batch_size: int = BATCH) -> dict[str, float]:
    """Write `count` generated articles through Archive.save_article, `batch_size` per
    transaction; time the writes only."""
    generator = Generator()
    written = 0
    seconds = cpu = 0.0
    with Archive(path) as archive:
        source = generator.articles(count)
        while written < count:
            batch = [next(source) for _ in range(min(batch_size, count - written))]
            started, started_cpu = time.perf_counter(), time.process_time()
            with archive.transaction():
                for row in batch:
                    archive.save_article(row, now=row["fetched_at"])
            seconds += time.perf_counter() - started
            cpu += time.process_time() - started_cpu
            written += len(batch)
            if written % 50_000 == 0:
                print(
                    f"  ingested {written:,} ({written / seconds:,.0f}/s wall,"
                    f" {written / cpu:,.0f}/s of CPU time)",
                    file=sys.stderr,
                )
    return {
        "articles": written,
        "seconds": seconds,
        "per_s": written / seconds,
        "per_cpu_s": written / cpu,
    }


def p95_ms(archive: Archive, queries: list[tuple[str, dict[str, Any]]]) -> dict[str, float]:
    """p50/p95 wall and CPU time of `search` over the given (query, filters) pairs, plus mean
    hits (CPU time is what a loaded, shared machine cannot inflate)."""
    times, cpu_times, hits = [], [], []
    for query, kwargs in queries:
        started, started_cpu = time.perf_counter(), time.process_time()
        found = search(archive, query, **kwargs)
        times.append((time.perf_counter() - started) * 1000)
        cpu_times.append((time.process_time() - started_cpu) * 1000)
        hits.append(len(found))
    times.sort()
    cpu_times.sort()
    return {
        "p50": statistics.median(times),
        "p95": _p95(times),
        "cpu_p50": statistics.median(cpu_times),
        "cpu_p95": _p95(cpu_times),
        "hits": statistics.mean(hits),
    }


def _p95(ordered: list[float]) -> float:
    return ordered[int(len(ordered) * 0.95) - 1]


def query_sets(archive: Archive) -> dict[str, list[tuple[str, dict[str, Any]]]]:
    """Two-word searches with a site filter and phrase searches, drawn like a researcher would."""
    rng = random.Random(SEED + 1)
    sites = [
        (r[0], r[1])
        for r in archive.conn.execute("SELECT DISTINCT site, regency FROM articles ORDER BY site")
    ]
    two_word, phrase = [], []
    generator = Generator(SEED + 2)  # same sites and vocabulary, fresh headlines
    articles = archive.count_articles()
    for _ in range(QUERY_RUNS):
        site, regency = rng.choice(sites)
        topic = rng.choice(list(TOPICS))
        word = rng.choice(TOPICS[topic])
        two_word.append((f"{word} {regency.split()[0].lower()}", {"site": site}))
        # a phrase a researcher would type: two adjacent content words of a headline
        title = generator.article(rng.randrange(articles))["title"].lower().split()
        pairs = [
            pair
            for pair in itertools.pairwise(title)
            if not set(pair) & set(COMMON[:FUNCTION_WORDS])
        ] or list(itertools.pairwise(title))
        first, second = rng.choice(pairs)
        phrase.append((f'"{first} {second}"', {}))
    return {"two_word_site": two_word, "phrase": phrase}


EXPORT_CHILD = """
import json, resource, sys, time
from crawler.research.export import export
from crawler.archive.storage import Archive
started, started_cpu = time.perf_counter(), time.process_time()
with Archive(sys.argv[1], readonly=True) as archive:
    result = export(archive, sys.argv[2], fmt="parquet", progress=False)
seconds, cpu = time.perf_counter() - started, time.process_time() - started_cpu
peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({"rows": result.rows, "seconds": seconds, "cpu": cpu, "peak_mb": peak_kb / 1024}))
"""


def measure_export(path: Path) -> dict[str, float]:
    """Export every row to Parquet in a child process; rows/s and its peak RSS."""
    with tempfile.TemporaryDirectory(dir=OUT) as tmp:
        done = subprocess.run(
            [sys.executable, "-c", EXPORT_CHILD, str(path), str(Path(tmp) / "export")],
            capture_output=True,
            text=True,
            cwd=Path(__file__).resolve().parent.parent,
            check=False,
        )
    if done.returncode != 0:
        raise SystemExit(f"export child failed: {done.stderr.strip().splitlines()[-1:]}")
    figures = json.loads(done.stdout.strip().splitlines()[-1])
    figures["per_s"] = figures["rows"] / figures["seconds"]
    figures["per_cpu_s"] = figures["rows"] / figures["cpu"]
    return figures


def main(argv: list[str] | None = None) -> int:
    """Build (or reuse) the archive, measure, print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1_000_000)
    parser.add_argument(
        "--reuse", action="store_true", help="reuse bench/out/search-N.db when it exists"
    )
    parser.add_argument("--batch", type=int, default=BATCH, help="articles per transaction")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args(argv)
    OUT.mkdir(parents=True, exist_ok=True)
    path = OUT / f"search-{args.articles}.db"
    ingest: dict[str, float] | None = None
    if not (args.reuse and path.exists()):
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
        print(f"building {args.articles:,} articles in {path}", file=sys.stderr)
        ingest = build(path, args.articles, args.batch)
    with Archive(path, readonly=True) as archive:
        sets = query_sets(archive)
        for queries in sets.values():  # warm the page cache the way a running server has it
            p95_ms(archive, queries[:20])
        latency = {name: p95_ms(archive, queries) for name, queries in sets.items()}
        exact_phrase = p95_ms(archive, [(q, {**kw, "exact": True}) for q, kw in sets["phrase"]])
        sync = index_mismatches(archive, sample=SYNC_SAMPLE)
    exported = measure_export(path)
    figures = {
        "articles": args.articles,
        "db_mb": path.stat().st_size / 2**20,
        "ingest": ingest,
        "latency": latency,
        "exact_phrase": exact_phrase,
        "export": exported,
        "sync": sync,
    }
    if args.json:
        print(json.dumps(figures, indent=2))
        return 0
    print(table(figures))
    return 0


def table(figures: dict[str, Any]) -> str:
    """The figures as a markdown table against the issue's targets."""
    rows = [("measure", "figure", "target", "ok")]
    ingest = figures["ingest"]
    if ingest:
        rows.append(
            (
                "ingest via Archive.save_article (FTS + stems)",
                f"{ingest['per_s']:,.0f} articles/s ({ingest['per_cpu_s']:,.0f}/s of CPU time)",
                f">= {TARGETS['ingest']:,}",
                _ok(ingest["per_s"] >= TARGETS["ingest"]),
            )
        )
    for label, figure, target in (
        ("two-word search + site filter, p95 (stems)", figures["latency"]["two_word_site"],
         TARGETS["two_word_site_p95_ms"]),
        ("phrase search, p95 (stems)", figures["latency"]["phrase"], TARGETS["phrase_p95_ms"]),
        ("phrase search, p95 (--exact)", figures["exact_phrase"], TARGETS["phrase_p95_ms"]),
    ):  # fmt: skip
        rows.append(
            (
                label,
                f"{figure['p95']:.1f} ms, CPU {figure['cpu_p95']:.1f} ms (p50 {figure['p50']:.1f},"
                f" CPU {figure['cpu_p50']:.1f}; {figure['hits']:.1f} hits)",
                f"< {target} ms",
                _ok(figure["p95"] < target),
            )
        )
    export = figures["export"]
    rows += [
        (
            "export all rows to Parquet",
            f"{export['per_s']:,.0f} rows/s ({export['per_cpu_s']:,.0f}/s of CPU time;"
            f" {export['rows']:,} rows, {export['seconds']:.1f} s)",
            f">= {TARGETS['export_rows_per_s']:,}",
            _ok(export["per_s"] >= TARGETS["export_rows_per_s"]),
        ),
        (
            "export peak RSS (child process)",
            f"{export['peak_mb']:.0f} MB",
            f"< {TARGETS['export_peak_rss_mb']} MB",
            _ok(export["peak_mb"] < TARGETS["export_peak_rss_mb"]),
        ),
        (
            f"both FTS indexes vs a rebuild ({SYNC_SAMPLE:,} rows, their terms)",
            ", ".join(f"{index}: {count} differences" for index, count in figures["sync"].items()),
            "0",
            _ok(not any(figures["sync"].values())),
        ),
    ]
    head = f"Archive of {figures['articles']:,} generated articles, {figures['db_mb']:,.0f} MB\n\n"
    widths = [max(len(r[i]) for r in rows) for i in range(4)]
    lines = [
        "| " + " | ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)) + " |" for r in rows
    ]
    lines.insert(1, "|" + "|".join("-" * (w + 2) for w in widths) + "|")
    return head + "\n".join(lines)


def _ok(passed: bool) -> str:
    return "yes" if passed else "NO"


if __name__ == "__main__":
    raise SystemExit(main())
