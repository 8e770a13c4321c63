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


def archive_in_many_segments(path):
    """The fixture archive plus 24 more articles (200 words of their own each), each in its own
    commit with automerge off: each index in ~25 segments of ~40 pages, as a long crawl leaves it."""
    build_archive(path)
    with Archive(path) as archive:
        for index in (EXACT_INDEX, STEM_INDEX):
            archive.conn.execute(f"INSERT INTO {index} ({index}, rank) VALUES ('automerge', 0)")
        for n in range(24):
            codes = " ".join(f"pasal{n}x{i}" for i in range(200))  # distinct words: many pages
            body = f"Rapat ke-{n} membahas banjir dan pembangunan jembatan desa. {codes}"
            spec = {**ARTICLES[n % 4], "url": f"https://garutpos.id/berita/2024/02/{n}/rapat/",
                    "body": body}  # fmt: skip
            with archive.transaction():
                archive.save_article(article_item(spec))
    return path


SEGMENT_QUERIES = ("banjir", "jembatan", "bangun", '"jembatan desa"', "NEAR(banjir jembatan, 3)")


def ranked(path):
    """Every match of SEGMENT_QUERIES, best first, both as stemmed and as --exact searches."""
    with Archive(path, readonly=True) as archive:
        return {
            (query, exact): [hit.id for hit in search(archive, query, exact=exact, limit=100)]
            for query in SEGMENT_QUERIES
            for exact in (False, True)
        }


def segment_counts(path):
    with Archive(path, readonly=True) as archive:
        return {index: archive.segment_count(index) for index in (EXACT_INDEX, STEM_INDEX)}


def test_optimize_merges_each_index_into_one_segment_and_keeps_every_match(tmp_path):
    from click.testing import CliRunner

    from crawler.cli import cli

    path = archive_in_many_segments(tmp_path / "a.db")
    before, matches = segment_counts(path), ranked(path)
    assert min(before.values()) >= 20 and matches[("banjir", False)]
    merged = CliRunner().invoke(cli, ["optimize", "--db", str(path)])
    assert merged.exit_code == 0, merged.output
    assert f"{STEM_INDEX}: {before[STEM_INDEX]} segments -> 1" in merged.output
    assert segment_counts(path) == {EXACT_INDEX: 1, STEM_INDEX: 1}
    assert ranked(path) == matches  # the same matches in the same order (bm25's figures stay)
    with Archive(path, readonly=True) as archive:
        assert index_mismatches(archive) == IN_SYNC
    again = CliRunner().invoke(cli, ["optimize", "--db", str(path)])
    assert again.exit_code == 0 and f"{EXACT_INDEX}: 1 segments -> 1" in again.output


def test_a_bulk_writer_suggests_optimize_only_while_an_index_is_in_many_segments(tmp_path):
    from crawler.archive.storage import SEGMENTS_BEFORE_MERGE
    from crawler.cli.common import settle_bulk_write

    path = archive_in_many_segments(tmp_path / "a.db")
    segments = max(segment_counts(path).values())
    assert segments > SEGMENTS_BEFORE_MERGE
    with Archive(path) as archive:  # a few articles added: a hint, nothing merged
        assert f"up to {segments} segments: `warta optimize`" in settle_bulk_write(archive, 24)
    assert max(segment_counts(path).values()) == segments
    with Archive(path) as archive:
        archive.merge_search_indexes()
        assert settle_bulk_write(archive, 24) is None


def test_a_bulk_write_that_grew_the_archive_by_a_tenth_merges_its_indexes(tmp_path, monkeypatch):
    from crawler.archive import storage
    from crawler.cli.common import settle_bulk_write

    path = archive_in_many_segments(tmp_path / "a.db")
    before, matches = segment_counts(path), ranked(path)
    monkeypatch.setattr(storage, "BULK_MERGE_MIN_ARTICLES", 10)  # the fixture's 28 articles
    with Archive(path) as archive:
        total = archive.count_articles()
        assert settle_bulk_write(archive, int(storage.BULK_MERGE_SHARE * total) - 1) is not None
        assert segment_counts(path) == before  # under a tenth: hinted, not merged
        line = settle_bulk_write(archive, 24)
    assert line == (
        f"merged the search indexes from up to {max(before.values())} segments into one"
        " (faster searches)"
    )
    assert segment_counts(path) == {EXACT_INDEX: 1, STEM_INDEX: 1}
    assert ranked(path) == matches
    with Archive(path, readonly=True) as archive:
        assert index_mismatches(archive) == IN_SYNC


def test_an_interrupted_optimize_goes_on_when_run_again(tmp_path, monkeypatch):
    from crawler.archive import migrations

    path = archive_in_many_segments(tmp_path / "a.db")
    matches = ranked(path)
    monkeypatch.setattr(migrations, "MERGE_STEP_PAGES", 1)  # many small steps
    steps = []

    def stop_after_three_steps():
        steps.append(1)
        if len(steps) == 3:
            raise KeyboardInterrupt

    with Archive(path, bulk=True) as archive, pytest.raises(KeyboardInterrupt):
        migrations.merge_into_one_segment(archive.conn, STEM_INDEX, stop_after_three_steps)
    stopped = segment_counts(path)
    assert stopped[STEM_INDEX] > 1  # stopped in the middle, its steps committed
    assert ranked(path) == matches
    with Archive(path, bulk=True) as archive:
        assert archive.merge_search_indexes() == {
            EXACT_INDEX: (stopped[EXACT_INDEX], 1),
            STEM_INDEX: (stopped[STEM_INDEX], 1),
        }
    assert ranked(path) == matches
    with Archive(path, readonly=True) as archive:
        assert index_mismatches(archive) == IN_SYNC


def test_optimize_refuses_a_missing_archive(tmp_path):
    from click.testing import CliRunner

    from crawler.cli import cli

    missing = tmp_path / "nothing.db"
    result = CliRunner().invoke(cli, ["optimize", "--db", str(missing)])
    assert result.exit_code == 2 and f"no archive at {missing}" in result.output
    assert not missing.exists()


def test_a_full_disk_stops_optimize_with_one_line_and_loses_nothing(tmp_path):
    path = archive_in_many_segments(tmp_path / "a.db")
    matches = ranked(path)
    with Archive(path, bulk=True) as archive:
        pages = archive.conn.execute("PRAGMA page_count").fetchone()[0]
        archive.conn.execute(f"PRAGMA max_page_count = {pages}")  # the file may not grow
        with pytest.raises(ArchiveError, match=r"cannot merge articles_fts of .*full.*run again"):
            archive.merge_search_indexes()
    assert ranked(path) == matches
    with Archive(path, bulk=True) as archive:
        assert archive.merge_search_indexes()[STEM_INDEX][1] == 1
    assert ranked(path) == matches
    with Archive(path, readonly=True) as archive:
        assert index_mismatches(archive) == IN_SYNC
