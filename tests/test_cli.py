"""The `warta` CLI through click's CliRunner, checked against the archive through the Python API."""

import gzip
import json

import pytest
from click.testing import CliRunner

from crawler.archive.storage import Archive
from crawler.cli import cli
from crawler.fingerprints import content_hash, url_key
from crawler.items import ArticleItem

PAGE = """<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>Warga Betung Gotong Royong Bersihkan Saluran Air - Kabar Betung</title>
<meta property="og:type" content="article">
<meta property="article:published_time" content="2024-03-04T08:15:00+07:00">
<script type="application/ld+json">{"@type":"NewsArticle","headline":"Warga Betung Gotong Royong Bersihkan Saluran Air",
"datePublished":"2024-03-04T08:15:00+07:00","author":{"@type":"Person","name":"admin"}}</script>
</head><body class="post-template-default single single-post">
<h1 class="entry-title">Warga Betung Gotong Royong Bersihkan Saluran Air</h1>
<div class="entry-content">
<p>Betung, KabarBetung.com – Ratusan warga Kelurahan Betung bergotong royong membersihkan saluran air
yang tersumbat sampah menjelang musim hujan, Minggu (3/3/2024).</p>
<p>Baca Juga: Jembatan Gantung Desa Lubuk Karet Diperbaiki</p>
<p>Lurah Betung, Sri Wahyuni, mengatakan kegiatan ini digelar setiap bulan agar banjir tidak lagi
merendam permukiman warga seperti tahun lalu.</p>
<p>"Kami ingin warga ikut menjaga lingkungan, bukan hanya menunggu petugas," katanya. (Dedi Kurniawan)</p>
</div>
<div class="author-box"><span class="author-name">admin</span></div>
</body></html>"""


@pytest.fixture
def runner():
    return CliRunner()


def test_extract_prints_archive_fields(runner, tmp_path):
    page = tmp_path / "page.html.gz"
    page.write_bytes(gzip.compress(PAGE.encode()))
    result = runner.invoke(
        cli,
        ["extract", str(page), "--url", "https://kabarbetung.example.id/2024/03/04/gotong-royong/"],
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["title"] == "Warga Betung Gotong Royong Bersihkan Saluran Air"
    assert data["dateline_place"] == "Betung" and data["dateline_outlet"] == "KabarBetung.com"
    assert data["authors"] == ["Dedi Kurniawan"]
    assert data["body"].startswith("Ratusan warga") and "Baca Juga" not in data["body"]
    assert data["body"].endswith('petugas," katanya.')
    assert data["published_at"] == "2024-03-04T08:15:00+07:00"
    assert data["language"] == "id"
    assert set(data) >= {"url", "url_key", "site", "content_hash", "word_count", "related_links"}


def test_extract_reads_stdin(runner):
    result = runner.invoke(
        cli, ["extract", "-", "--url", "https://kabarbetung.example.id/a/"], input=PAGE
    )
    assert result.exit_code == 0
    assert json.loads(result.output)["authors"] == ["Dedi Kurniawan"]


def test_extract_bad_inputs_are_one_line_errors(runner, tmp_path):
    result = runner.invoke(
        cli, ["extract", str(tmp_path / "missing.html"), "--url", "https://a.id/"]
    )
    assert result.exit_code != 0 and "Traceback" not in result.output
    broken = tmp_path / "broken.html.gz"
    broken.write_bytes(gzip.compress(PAGE.encode())[:40])
    result = runner.invoke(cli, ["extract", str(broken), "--url", "https://a.id/"])
    assert result.exit_code == 1 and "not valid gzip" in result.output


def _archive_with_one_article(path):
    with Archive(path) as archive:
        body = "Banjir merendam tiga desa di Kecamatan Rantau Bayur setelah hujan deras semalaman."
        url = "https://kabarbetung.example.id/2024/03/05/banjir/"
        item = ArticleItem(
            url=url,
            url_key=url_key(url),
            site="kabarbetung.example.id",
            title="Banjir Rendam Tiga Desa",
            body=body,
            authors=["Dedi Kurniawan"],
            published_at="2024-03-05T09:00:00+07:00",
        )
        item.content_hash = content_hash(body)
        archive.save_article(item)


def test_search_json_and_errors(runner, tmp_path):
    db = tmp_path / "a.db"
    _archive_with_one_article(db)
    result = runner.invoke(cli, ["search", "banjir", "--db", str(db), "--json"])
    assert result.exit_code == 0
    hit = json.loads(result.output.splitlines()[0])
    assert hit["title"] == "Banjir Rendam Tiga Desa" and "[Banjir]" in hit["snippet"]
    for bad in ['"unbalanced', "AND", "title:"]:
        result = runner.invoke(cli, ["search", bad, "--db", str(db)])
        assert result.exit_code == 2, bad
        assert len(result.output.strip().splitlines()) == 1 and "Traceback" not in result.output


def test_search_without_archive_says_so(runner, tmp_path):
    result = runner.invoke(cli, ["search", "banjir", "--db", str(tmp_path / "none.db")])
    assert result.exit_code == 1 and "no archive" in result.output


def test_db_from_environment(runner, tmp_path, monkeypatch):
    db = tmp_path / "env.db"
    _archive_with_one_article(db)
    monkeypatch.setenv("WARTA_DB", str(db))
    result = runner.invoke(cli, ["stats"])
    assert result.exit_code == 0 and "kabarbetung.example.id" in result.output


def test_stats_json(runner, tmp_path):
    db = tmp_path / "a.db"
    _archive_with_one_article(db)
    result = runner.invoke(cli, ["stats", "--db", str(db), "--json"])
    (row,) = json.loads(result.output)
    assert row["site"] == "kabarbetung.example.id" and row["articles"] == 1
    assert row["missing_author"] == 0 and row["missing_dateline"] == 1


def test_crawl_refuses_unwritable_db_and_bad_urls(runner, tmp_path):
    result = runner.invoke(
        cli, ["crawl", "http://127.0.0.1:9/", "--db", str(tmp_path / "no" / "a.db")]
    )
    assert result.exit_code == 1 and "cannot create archive" in result.output
    result = runner.invoke(cli, ["crawl", "ftp://example.id/", "--db", str(tmp_path / "a.db")])
    assert result.exit_code == 2 and "not a portal URL" in result.output
