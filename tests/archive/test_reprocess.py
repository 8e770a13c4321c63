"""Reprocess: stored raw pages through today's extraction and cleaning, updating only what changed."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from crawler.archive.reprocess import changed_fields, reextract, reprocess
from crawler.archive.storage import Archive
from crawler.archive.warc import import_warc
from crawler.cli import cli
from tests.archive.test_warc import CLAIMLESS_PAGE, STORIES, article_html, write_foreign_warc

PORTAL_LINE = "Redaksi Kabar Contoh menerima tulisan warga melalui surel setiap hari kerja."
"""A line of the portal's own chrome inside some bodies: the shared vocabulary keeps it, a
registry rule for the portal removes it (the "cleaning-rule change" of the tests)."""

KABAR = "https://kabar.example/2024/05/"
WARGA = "https://warga.example/2024/05/"


def page(name: str, published: str, *, with_line: bool = False) -> bytes:
    title, paragraphs = STORIES[name]
    paragraphs = list(paragraphs)
    if with_line:
        paragraphs.insert(2, PORTAL_LINE)
    return article_html(title, paragraphs, published).encode()


def responses() -> list[dict]:
    return [
        # kabar-contoh: two of its three articles carry the portal's line.
        {
            "url": KABAR + "20/banjir/",
            "body": page("banjir", "2024-05-20T08:00:00+07:00", with_line=True),
        },
        {
            "url": KABAR + "21/jalan/",
            "body": page("jalan", "2024-05-21T08:00:00+07:00", with_line=True),
        },
        {"url": KABAR + "22/kpu/", "body": page("pilkada", "2024-05-22T08:00:00+07:00")},
        # warga.example: the flood story without the line, published a day later.
        {"url": WARGA + "21/banjir/", "body": page("banjir", "2024-05-21T09:00:00+07:00")},
    ]


@pytest.fixture
def crawled(tmp_path) -> Path:
    """An archive made the crawl's way (extraction, cleaning, dedupe, raw pages kept)."""
    kabar, warga = tmp_path / "kabar.warc.gz", tmp_path / "warga.warc.gz"
    write_foreign_warc(kabar, responses()[:3])
    write_foreign_warc(warga, responses()[3:])
    db = tmp_path / "archive.db"
    with Archive(db) as archive:
        assert import_warc(archive, [kabar], site="kabar-contoh").new == 3
        assert import_warc(archive, [warga]).new == 1
    return db


@pytest.fixture
def portal_rule(tmp_path, monkeypatch) -> Path:
    """The cleaning-rule change: kabar-contoh's registry entry names its own boilerplate line."""
    sites = tmp_path / "sites.toml"
    sites.write_text(
        '[[site]]\nname = "kabar-contoh"\nurl = "https://kabar.example/"\n'
        f'extra_boilerplate = ["{PORTAL_LINE[:40]}"]\n',
        encoding="utf-8",
    )
    monkeypatch.setenv("WARTA_SITES", str(sites))
    return sites


def rows(db: Path) -> dict[str, dict]:
    with Archive(db, readonly=True) as archive:
        return {r["url_key"]: r for r in archive.iter_articles()}


def file_digest(db: Path) -> str:
    return hashlib.sha256(db.read_bytes()).hexdigest()


def test_a_reprocess_that_changes_nothing_writes_nothing(crawled):
    before = file_digest(crawled)
    with Archive(crawled) as archive:
        changes = archive.conn.total_changes
        summary = reprocess(archive)
        assert archive.conn.total_changes == changes
    assert (summary.pages, summary.updated, summary.unchanged) == (4, 0, 4)
    assert file_digest(crawled) == before
    assert not Path(f"{crawled}-wal").exists() or Path(f"{crawled}-wal").stat().st_size == 0


def test_a_cleaning_rule_change_updates_exactly_the_affected_rows(crawled, portal_rule):
    before = rows(crawled)
    with Archive(crawled) as archive:
        summary = reprocess(archive)
    after = rows(crawled)
    affected = {"kabar.example/2024/05/20/banjir", "kabar.example/2024/05/21/jalan"}
    assert summary.updated == 2 and summary.unchanged == 2
    assert {k for k in after if after[k] != before[k]} >= affected
    for key in set(after) - affected - {"warga.example/2024/05/21/banjir"}:
        assert after[key] == before[key]
    for key in affected:
        assert PORTAL_LINE not in after[key]["body"]
        assert PORTAL_LINE in before[key]["body"]
        differing = {f for f in after[key] if after[key][f] != before[key][f]}
        assert differing - {"cluster_id", "is_canonical", "duplicate_of"} == {
            "body",
            "word_count",
            "content_hash",
        }
    assert dict(summary.changed_fields) == {"body": 2, "word_count": 2, "content_hash": 2}
    # The full-text index follows the in-place update.
    with Archive(crawled, readonly=True) as archive:
        hits = archive.conn.execute(
            "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'surel'"
        ).fetchone()[0]
    assert hits == 0


def test_bodies_made_identical_are_relinked_as_exact_copies_and_clustered(crawled, portal_rule):
    before = rows(crawled)
    assert before["warga.example/2024/05/21/banjir"]["duplicate_of"] is None
    with Archive(crawled) as archive:
        summary = reprocess(archive)
    after = rows(crawled)
    original, copy = "kabar.example/2024/05/20/banjir", "warga.example/2024/05/21/banjir"
    assert after[copy]["content_hash"] == after[original]["content_hash"]
    assert after[copy]["duplicate_of"] == original  # published a day later
    assert after[original]["duplicate_of"] is None
    assert summary.relinked == 1
    assert after[copy]["cluster_id"] == after[original]["cluster_id"] is not None
    assert (after[original]["is_canonical"], after[copy]["is_canonical"]) == (1, 0)


def test_reprocess_then_again_writes_nothing_the_second_time(crawled, portal_rule):
    with Archive(crawled) as archive:
        reprocess(archive)
    before = file_digest(crawled)
    with Archive(crawled) as archive:
        assert reprocess(archive).updated == 0
    assert file_digest(crawled) == before


def test_a_stale_row_is_brought_back_to_what_extraction_gives(crawled):
    key = "kabar.example/2024/05/22/kpu"
    good = rows(crawled)[key]
    with Archive(crawled) as archive:
        archive.update_article_fields(key, {"title": "Judul Lama", "authors": ["Admin"]})
        archive.commit()
        summary = reprocess(archive)
    assert summary.updated == 1
    assert dict(summary.changed_fields) == {"title": 1, "authors": 1}
    assert rows(crawled)[key] == good


@pytest.mark.parametrize(
    "filters, pages",
    [
        ({"site": "kabar-contoh"}, 3),
        ({"site": "warga.example"}, 1),
        ({"site": "tidak-ada"}, 0),
        ({"since": "2024-05-21"}, 3),  # published on or after
        ({"since": "2024-05-22", "site": "kabar-contoh"}, 1),
    ],
)
def test_site_and_since_filters(crawled, portal_rule, filters, pages):
    with Archive(crawled) as archive:
        summary = reprocess(archive, **filters)
    assert summary.pages == pages


def test_a_page_that_no_longer_makes_an_article_keeps_its_row(crawled, portal_rule):
    key = "kabar.example/2024/05/21/jalan"
    before = rows(crawled)[key]
    with Archive(crawled) as archive:
        archive.save_raw_page(
            url=KABAR + "21/jalan/",
            final_url=KABAR + "21/jalan/",
            url_key=key,
            site="kabar-contoh",
            status=200,
            headers={"Content-Type": "text/html"},
            body=b"<html><body><p>Halaman dalam perbaikan.</p></body></html>",
            fetched_at="2024-06-01T00:00:00+00:00",
        )
        archive.commit()
        summary = reprocess(archive, site="kabar-contoh")
    assert summary.kept_invalid == 1
    assert rows(crawled)[key] == before


def test_two_workers_give_the_same_archive_as_one(tmp_path, crawled, portal_rule, monkeypatch):
    monkeypatch.setattr("crawler.archive.reprocess.POOL_MIN_PAGES", 0)  # a pool even for four pages
    twin = tmp_path / "twin.db"
    twin.write_bytes(crawled.read_bytes())
    with Archive(crawled) as archive:
        one = reprocess(archive, workers=1)
    with Archive(twin) as archive:
        two = reprocess(archive, workers=2)
    assert (one.updated, one.unchanged) == (two.updated, two.unchanged) == (2, 2)
    assert rows(twin) == rows(crawled)


@pytest.mark.parametrize(
    "old, new, expected",
    [
        ({"title": "a", "authors": ["x"]}, {"title": "a", "authors": ["x"]}, {}),
        ({"title": "a", "authors": None}, {"title": "a", "authors": []}, {}),
        ({"title": "a"}, {"title": "b"}, {"title": "b"}),
        ({"tags": ["a", "b"]}, {"tags": ["b", "a"]}, {"tags": ["b", "a"]}),
        ({"cluster_id": "x", "site": "s"}, {"cluster_id": "y", "site": "t"}, {}),
    ],
)
def test_changed_fields_compares_only_extracted_fields(old, new, expected):
    assert changed_fields(old, new) == expected


def test_cli_reprocess(crawled, portal_rule):
    runner = CliRunner()
    result = runner.invoke(cli, ["reprocess", "--db", str(crawled), "--workers", "1"])
    assert result.exit_code == 0, result.output
    assert "4 pages" in result.output and "2 updated, 2 unchanged" in result.output
    assert "changed fields: " in result.output
    result = runner.invoke(cli, ["reprocess", "--db", str(crawled), "--workers", "1", "--json"])
    data = json.loads(result.output)
    assert (data["pages"], data["updated"], data["changed_fields"]) == (4, 0, {})
    bad = runner.invoke(cli, ["reprocess", "--db", str(crawled), "--since", "2024-13-45"])
    assert bad.exit_code == 2


# -- end to end: a real crawl of the test portals ----------------------------------------------

from tests.archive.test_history import shared_two_epoch_crawl  # noqa: E402


@pytest.fixture(scope="session")
def two_epoch_crawl(tmp_path_factory):
    """The two-epoch crawl of tests/archive/test_history.py (one crawl per session)."""
    return shared_two_epoch_crawl(tmp_path_factory)


@pytest.mark.e2e
def test_reprocess_of_a_fresh_crawl_changes_nothing(two_epoch_crawl, tmp_path):
    """Reprocess runs exactly the crawl's extraction and cleaning: on what the crawl just stored it
    finds nothing to change and writes nothing."""
    db = tmp_path / "copy.db"
    db.write_bytes(two_epoch_crawl["db"].read_bytes())
    before = file_digest(db)
    with Archive(db) as archive:
        summary = reprocess(archive, workers=1)
    assert summary.pages == archive_count(db) > 40
    assert (summary.updated, summary.kept_invalid, summary.unreadable) == (0, 0, 0)
    assert file_digest(db) == before


def archive_count(db: Path) -> int:
    with Archive(db, readonly=True) as archive:
        return archive.count_articles()


def test_a_page_recognised_by_its_content_is_re_extracted_not_refused():
    """A stored page that claims nothing (no OpenGraph type, no JSON-LD) but shows one article is
    judged again as the crawl judged it: reprocess rewrites it instead of calling it no article."""
    url = "https://polos.example/kabar/jembatan-baru"
    page = {"body": CLAIMLESS_PAGE, "url": url, "final_url": url, "headers": {}, "fetched_at": None}
    article = {"url": url, "site": "polos.example", "title": "lama", "body": "lama"}
    fields, reason = reextract(page, article)
    assert reason is None
    assert fields["title"] == "Jembatan Baru Penghubung Dua Desa Dibuka untuk Warga"
