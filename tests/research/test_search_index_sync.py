"""Both FTS indexes stay exactly what a rebuild from `articles` gives, whatever path wrote it."""

import pytest

from crawler.archive.sqlite import (
    ArchiveError,
    sqlite3,  # the SQLite library the archive uses
)
from crawler.archive.storage import Archive
from crawler.fingerprints import content_hash, url_key
from crawler.research.indexsync import EXACT_INDEX, STEM_INDEX, index_mismatches
from crawler.research.search import search
from tests.research.test_search_fixtures import (
    ARTICLES,
    article_item,
    build_archive,
    build_archive_from_before_the_stem_index,
)

IN_SYNC = {EXACT_INDEX: 0, STEM_INDEX: 0}
BRIDGE, PILKADA, FLOOD, TOURISM, BRIDGE_COPY = (url_key(spec["url"]) for spec in ARTICLES)


def every_write_path(archive: Archive) -> None:
    """One of each write the Archive makes to `articles`, plus a rolled-back batch and a delete."""
    url = "https://kabarbanyuasin.id/2024/07/01/rapat-desa/"
    partial = {"url": url, "url_key": url_key(url), "site": "kabarbanyuasin.id",
               "body": "Rapat desa membahas pembangunan irigasi."}  # fmt: skip
    assert archive.save_article(partial) == "new"  # no title; authors: the column default
    assert archive.save_article(article_item(ARTICLES[0])) == "unchanged"
    flood = article_item({**ARTICLES[2], "body": "Air surut, warga membersihkan rumah."})
    assert archive.save_article(flood) == "updated"
    retitled = article_item({**ARTICLES[1], "title": "Kampanye Pilkada Banyuasin memanas"})
    assert archive.save_article(retitled) == "updated"  # same body, new headline
    moved = article_item({**ARTICLES[3], "site": "wisatagarut.id", "body": "Jalur ditutup."})
    assert archive.save_article(moved) == "updated"  # the portal changed with the text
    assert archive.update_article_fields(BRIDGE, {"title": "Jembatan Sungsang dibangun",
                                                  "authors": ["Dedi Kurniawan"]})  # fmt: skip
    assert archive.update_article_fields(PILKADA, {"site": "banyuasinpos.id"})
    assert archive.update_article_fields(FLOOD, {"language": "jv", "word_count": 5})
    assert not archive.update_article_fields("nosuch.id/x", {"body": "tidak ada"})
    archive.relink_copies(BRIDGE, BRIDGE_COPY)
    archive.set_duplicate_of([(None, BRIDGE), (BRIDGE_COPY, PILKADA)])
    archive.set_clusters([("c1", 1, BRIDGE), ("c1", 0, BRIDGE_COPY)])
    archive.touch_article(FLOOD, when="2024-08-01T00:00:00+00:00")
    assert archive.mark_taken_down(TOURISM, when="2024-08-02T00:00:00+00:00")
    archive.commit()
    with pytest.raises(RuntimeError), archive.transaction():  # written, then rolled back
        gone = article_item({**ARTICLES[0], "url": "https://kabarbanyuasin.id/batal/"})
        archive.save_article(gone)
        archive.update_article_fields(FLOOD, {"body": "Teks yang dibatalkan."})
        raise RuntimeError("abandon the batch")
    with (
        archive.transaction()
    ):  # the Archive never deletes; the delete triggers cover SQL that does
        archive.conn.execute("DELETE FROM articles WHERE url_key = ?", (TOURISM,))


def test_every_write_path_keeps_both_indexes_in_sync(tmp_path):
    with Archive(build_archive(tmp_path / "a.db")) as archive:
        assert index_mismatches(archive) == IN_SYNC
        every_write_path(archive)
        assert index_mismatches(archive) == IN_SYNC
        assert index_mismatches(archive, sample=3) == IN_SYNC
        for index in (EXACT_INDEX, STEM_INDEX):
            archive.conn.execute(f"INSERT INTO {index}({index}) VALUES ('integrity-check')")
        assert [h.url for h in search(archive, "surut")] == [ARTICLES[2]["url"]]
        assert search(archive, "meluap") == []  # only the replaced body had it
        assert search(archive, "bangun", site="garutpos.id") == []  # the flood text changed
        assert [h.url for h in search(archive, "pilkada", site="banyuasinpos.id")] == [
            ARTICLES[1]["url"]
        ]
    with Archive(tmp_path / "a.db", readonly=True) as reader:  # the check needs no writer
        assert index_mismatches(reader) == IN_SYNC


@pytest.mark.parametrize(
    "desync",
    [
        "INSERT INTO articles (url_key, url, site, title, body, first_seen_at, last_seen_at)"
        " VALUES ('x.id/1', 'https://x.id/1', 'x.id', 'Banjir', 'Banjir bandang', 'now', 'now')",
        "UPDATE articles SET body = 'Jalan berlubang' WHERE id = 1",
        "UPDATE articles SET site = 'lain.id' WHERE id = 2",
    ],
)
def test_the_check_sees_a_write_that_bypassed_the_archive(tmp_path, desync):
    with Archive(build_archive(tmp_path / "a.db")) as archive:
        archive.conn.execute(desync)
        found = index_mismatches(archive)
        assert found[STEM_INDEX] > 0
        assert found[EXACT_INDEX] > 0 or "site" in desync  # the exact index holds no portal


def test_migrations_backfill_in_sync(tmp_path):
    """An archive from before the stem index gets one that matches a rebuild."""
    path = build_archive_from_before_the_stem_index(tmp_path / "old.db")
    with Archive(path) as archive:
        assert index_mismatches(archive) == IN_SYNC
        every_write_path(archive)
        assert index_mismatches(archive) == IN_SYNC


def test_only_delete_triggers_remain(archive_path):
    with Archive(archive_path) as archive:
        triggers = {
            r[0]
            for r in archive.conn.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")
        }
    assert triggers == {"articles_ad"}  # one delete trigger keeps both indexes


def test_a_batch_of_saves_flushes_the_index_once(archive_path):
    """No per-row flush: 50 articles in one transaction make one new segment per index, not 50
    (a trigger-fired or savepoint-opening write in the batch would flush every row, and so would
    rowids written out of order: these come newest first, as a sitemap lists them)."""
    with Archive(archive_path) as archive:
        for index in (EXACT_INDEX, STEM_INDEX):  # keep every segment: no merging while counting
            archive.conn.execute(f"INSERT INTO {index}({index}, rank) VALUES ('automerge', 0)")
            archive.conn.execute(f"INSERT INTO {index}({index}, rank) VALUES ('crisismerge', 64)")
        before = {i: _rows(archive, i) for i in (EXACT_INDEX, STEM_INDEX)}
        with archive.transaction():
            for number in range(50):
                url = f"https://a.id/{number}/"
                body = f"Warga desa {number} bergotong royong membangun jalan."
                archive.save_article(
                    {
                        "url": url,
                        "url_key": url_key(url),
                        "site": "a.id",
                        "title": "Kerja bakti",
                        "body": body,
                        "content_hash": content_hash(body),
                        "published_at": f"2024-03-01T{23 - number // 3:02d}:{59 - number:02d}:00+07:00",
                    }
                )
                archive.mark_fetched(url_key(url), url=url, site="a.id", outcome="article")
                archive.save_raw_page(url=url, final_url=url, url_key=url_key(url), site="a.id",
                                      status=200, headers={}, body=b"<html></html>")  # fmt: skip
        for index, rows in before.items():
            assert _rows(archive, index) - rows < 10, index


def _rows(archive: Archive, index: str) -> int:
    return archive.conn.execute(f"SELECT count(*) FROM {index}_data").fetchone()[0]


def test_a_failed_index_write_rolls_the_batch_back(tmp_path):
    """A row is never committed without its index entries: the batch goes instead."""

    def refuse_stem_writes(action, table, *_):
        refused = action == sqlite3.SQLITE_INSERT and table == STEM_INDEX
        return sqlite3.SQLITE_DENY if refused else sqlite3.SQLITE_OK

    with Archive(build_archive(tmp_path / "a.db")) as archive:
        archive.begin()
        assert archive.update_article_fields(FLOOD, {"language": "jv"})
        archive.conn.set_authorizer(refuse_stem_writes)
        archive.save_article(article_item({**ARTICLES[0], "url": "https://a.id/baru/"}))
        with pytest.raises(ArchiveError, match="search index"):
            archive.commit()  # the index writes of a batch are written at its commit
        assert not archive.conn.in_transaction
        archive.conn.set_authorizer(None)
        assert archive.count_articles() == len(ARTICLES)
        assert archive.get_article(FLOOD)["language"] == "id"
        assert index_mismatches(archive) == IN_SYNC


def test_reindex_checks_and_rebuilds_from_the_articles(tmp_path):
    from click.testing import CliRunner

    from crawler.cli import cli

    path = build_archive(tmp_path / "a.db")
    runner = CliRunner()
    checked = runner.invoke(cli, ["reindex", "--check", "--all", "--db", str(path)])
    assert checked.exit_code == 0 and "articles_stem_fts: 0 differences" in checked.output
    with Archive(path) as archive:  # a write that bypasses the Archive: the indexes lag
        archive.conn.execute("UPDATE articles SET body = 'Jalan berlubang', published_at = NULL")
    checked = runner.invoke(cli, ["reindex", "--check", "--all", "--db", str(path)])
    assert checked.exit_code == 1 and "warta reindex" in checked.output
    rebuilt = runner.invoke(cli, ["reindex", "--db", str(path)])
    assert rebuilt.exit_code == 0 and f"{len(ARTICLES)} articles indexed" in rebuilt.output
    with Archive(path, readonly=True) as archive:
        assert index_mismatches(archive) == IN_SYNC
        assert len(search(archive, "berlubang")) == len(ARTICLES)
