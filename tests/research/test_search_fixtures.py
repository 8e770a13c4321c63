"""A small invented archive shared by the search, export and serve tests (no tests here)."""

from __future__ import annotations

from pathlib import Path

from crawler.archive.crawlstate import RunCounts
from crawler.archive.storage import Archive
from crawler.fingerprints import content_hash, url_key
from crawler.items import ArticleItem

ARTICLES = [
    {
        "url": "https://kabarbanyuasin.id/2024/03/02/pembangunan-jembatan-sungsang/",
        "site": "kabarbanyuasin.id",
        "province": "Sumatera Selatan",
        "regency": "Banyuasin",
        "title": "Pembangunan jembatan Sungsang dimulai",
        "body": "Pemerintah kabupaten memulai pembangunan jembatan penghubung dua desa di"
        " Sungsang.\n\nKepala dinas mengatakan jembatan itu ditargetkan selesai akhir tahun.",
        "authors": ["Rina Wulandari"],
        "published_at": "2024-03-02T08:15:00+07:00",
        "language": "id",
        "tags": ["infrastruktur", "Banyuasin"],
        "categories": ["Daerah"],
    },
    {
        "url": "https://kabarbanyuasin.id/2024/06/11/pilkada-banyuasin-kampanye/",
        "site": "kabarbanyuasin.id",
        "province": "Sumatera Selatan",
        "regency": "Banyuasin",
        "title": "Pilkada Banyuasin memasuki masa kampanye",
        "body": "Para calon bupati berkampanye di desa-desa. Salah satu calon berjanji membangun"
        " pasar baru bagi pedagang kecil.",
        "authors": ["Agus Saputra", "Rina Wulandari"],
        "published_at": "2024-06-11T10:00:00+07:00",
        "language": "id",
        "tags": ["pilkada"],
        "categories": ["Politik"],
    },
    {
        "url": "https://garutpos.id/berita/2023/11/20/banjir-cimanuk/",
        "site": "garutpos.id",
        "province": "Jawa Barat",
        "regency": "Garut",
        "title": "Banjir merendam permukiman di tepi Cimanuk",
        "body": "Sungai Cimanuk meluap setelah hujan deras semalaman. Rumah yang dibangun di"
        " bantaran terendam hingga satu meter.",
        "authors": ["Dedi Kurniawan"],
        "published_at": "2023-11-20T21:40:00+07:00",
        "language": "id",
        "tags": ["banjir"],
        "categories": ["Peristiwa"],
    },
    {
        "url": "https://garutpos.id/berita/2024/01/15/wisata-papandayan/",
        "site": "garutpos.id",
        "province": "Jawa Barat",
        "regency": "Garut",
        "title": "Wisatawan memadati kawah Papandayan",
        "body": "Libur panjang membuat jalur pendakian ramai. Pengelola menambah petugas dan"
        " bangunan pos jaga baru.",
        "authors": ["Siti Rahmawati"],
        "published_at": "2024-01-15T07:05:00+07:00",
        "language": "su",
        "tags": ["wisata"],
        "categories": ["Wisata"],
    },
    {
        "url": "https://sumselterkini.id/2024/03/03/jembatan-sungsang/",
        "site": "sumselterkini.id",
        "province": "Sumatera Selatan",
        "regency": "Palembang",
        "title": "Pembangunan jembatan Sungsang dimulai",
        "body": "Pemerintah kabupaten memulai pembangunan jembatan penghubung dua desa di"
        " Sungsang.\n\nKepala dinas mengatakan jembatan itu ditargetkan selesai akhir tahun.",
        "authors": ["Rina Wulandari"],
        "published_at": "2024-03-03T09:00:00+07:00",
        "language": "id",
        "tags": [],
        "categories": [],
        "duplicate_of": url_key(
            "https://kabarbanyuasin.id/2024/03/02/pembangunan-jembatan-sungsang/"
        ),
    },
]
"""Five articles on three portals: one exact copy, one in Sundanese, a shared author."""

FETCHED_AT = "2024-07-01T00:00:00+00:00"


def article_item(spec: dict) -> ArticleItem:
    """An ArticleItem for one fixture spec, with its URL key and content hash."""
    item = ArticleItem(**spec)
    item.url_key = url_key(item.url)
    item.canonical_url = item.url
    item.content_hash = content_hash(item.body)
    item.word_count = len(item.body.split())
    item.fetched_at = FETCHED_AT
    item.http_status = 200
    return item


def build_archive(path: Path, articles: list[dict] = ARTICLES) -> Path:
    """Write the fixture articles into a real archive file at `path`."""
    with Archive(path) as archive:
        run = archive.start_run(spider="portal", site=None, started_at="2024-06-30T23:00:00+00:00")
        for spec in articles:
            archive.save_article(article_item(spec), now=FETCHED_AT)
        archive.commit()
        archive.finish_run(
            run,
            counts=RunCounts(articles_new=len(articles)),
            finish_reason="finished",
            drops={},
            errors={},
            stats={},
            finished_at="2024-07-01T00:30:00+00:00",
        )
    return path


def build_archive_from_before_the_stem_index(path: Path) -> Path:
    """The fixture archive as an older Warta left it: no stem index, its triggers, the view on it
    or the migrations from m007 on (they run again when the archive is next opened)."""
    build_archive(path)
    with Archive(path) as archive:
        archive.conn.execute("DROP TABLE articles_stem_fts")
        for trigger in ("ai", "ad", "au"):
            archive.conn.execute(f"DROP TRIGGER IF EXISTS articles_stem_{trigger}")
        archive.conn.execute("DROP VIEW article_list")
        archive.conn.execute("DELETE FROM _sqlite_migrations WHERE name >= 'm007'")
    return path
