"""Archive writes: one row per URL key, revisions on change, FTS in sync, migrations, bad paths."""

from pathlib import Path

import pytest

from crawler.archive.crawlstate import RunCounts
from crawler.archive.sqlite import (
    ArchiveError,
    sqlite3,  # the SQLite library the archive uses
)
from crawler.archive.storage import BULK_CHECKPOINT_PAGES, WAL_CHECKPOINT_PAGES, Archive
from crawler.fingerprints import content_hash, url_key
from crawler.items import ArticleItem


def make_item(
    url="https://a.example.id/2024/05/21/banjir/",
    body="Banjir merendam rumah warga di Garut.",
    title="Banjir di Garut",
    **kw,
):
    item = ArticleItem(
        url=url,
        url_key=url_key(url),
        site="a.example.id",
        title=title,
        body=body,
        authors=["Rina Wulandari"],
        **kw,
    )
    item.content_hash = content_hash(body)
    return item


def fts_ids(archive, query):
    return [
        r[0]
        for r in archive.conn.execute(
            "SELECT rowid & 4294967295 AS id FROM articles_fts WHERE articles_fts MATCH ?"
            " ORDER BY id",  # a rowid holds the publication minute above the id (m012)
            (query,),
        )
    ]


def test_new_unchanged_updated_and_revision(archive_path):
    with Archive(archive_path) as archive:
        assert archive.save_article(make_item()) == "new"
        assert archive.save_article(make_item()) == "unchanged"
        assert (
            archive.save_article(make_item(body="Banjir surut, warga kembali ke rumah."))
            == "updated"
        )
        archive.commit()
        assert archive.count_articles() == 1
        revisions = archive.conn.execute("SELECT body FROM article_revisions").fetchall()
        assert revisions == [("Banjir merendam rumah warga di Garut.",)]
        row = archive.get_article(url_key(make_item().url))
        assert row["body"].startswith("Banjir surut")
        assert row["authors"] == ["Rina Wulandari"]


def test_a_revisit_keeps_when_the_article_was_first_seen(archive_path):
    with Archive(archive_path) as archive:
        archive.save_article(make_item(), now="2024-05-21T10:00:00+00:00")
        archive.save_article(make_item(), now="2024-05-22T10:00:00+00:00")
        archive.save_article(make_item(body="Banjir surut."), now="2024-05-23T10:00:00+00:00")
        row = archive.get_article(url_key(make_item().url))
    assert (row["first_seen_at"], row["last_seen_at"]) == (
        "2024-05-21T10:00:00+00:00",
        "2024-05-23T10:00:00+00:00",
    )


def test_fts_follows_inserts_updates_and_deletes(archive_path):
    with Archive(archive_path) as archive:
        archive.save_article(make_item())
        archive.commit()  # index writes land with the batch's commit
        assert fts_ids(archive, "merendam") == [1]
        archive.save_article(make_item(body="Banjir surut, warga kembali ke rumah."))
        archive.commit()
        assert fts_ids(archive, "merendam") == []
        assert fts_ids(archive, "surut") == [1]
        assert fts_ids(archive, "wulandari") == [1]
        archive.conn.execute("DELETE FROM articles")
        assert fts_ids(archive, "surut") == []
        assert (
            archive.conn.execute(
                "INSERT INTO articles_fts(articles_fts) VALUES ('integrity-check')"
            )
            is not None
        )


def test_unchanged_revisit_does_not_touch_fts(archive_path):
    with Archive(archive_path) as archive:
        archive.save_article(make_item())
        archive.commit()
        before = archive.conn.total_changes
        archive.save_article(make_item())
        # one UPDATE of bookkeeping columns; the FTS trigger (title/body/authors only) stays silent
        assert archive.conn.total_changes - before == 1


def test_original_of_ignores_self_and_copies(archive_path):
    with Archive(archive_path) as archive:
        first = make_item()
        archive.save_article(first)
        copy = make_item(url="https://b.example.id/berita/banjir-garut/")
        assert archive.original_of(copy.content_hash, copy.url_key)["url_key"] == first.url_key
        assert archive.original_of(first.content_hash, first.url_key) is None
        copy.duplicate_of = first.url_key
        archive.save_article(copy)
        third = make_item(url="https://c.example.id/banjir/")
        assert archive.original_of(third.content_hash, third.url_key)["url_key"] == first.url_key


def test_uncommitted_batch_is_lost_whole_on_crash(archive_path):
    archive = Archive(archive_path)
    archive.save_article(make_item())
    archive.commit()
    archive.save_article(make_item(url="https://a.example.id/2024/05/22/longsor/", body="Longsor."))
    archive.conn.close()  # a crash: the open transaction is never committed
    with Archive(archive_path) as reopened:
        assert reopened.count_articles() == 1
        assert reopened.conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)


def test_seen_urls_keep_first_channel(archive_path):
    with Archive(archive_path) as archive:
        key = url_key("https://a.example.id/x-y-z/")
        new = archive.note_urls(
            [
                {
                    "url_key": key,
                    "url": "https://a.example.id/x-y-z/",
                    "site": "a.example.id",
                    "channel": "sitemap",
                }
            ]
        )
        assert new == 1
        archive.note_urls(
            [
                {
                    "url_key": key,
                    "url": "https://a.example.id/x-y-z/",
                    "site": "a.example.id",
                    "channel": "feed",
                }
            ]
        )
        assert archive.url_state(key)["channel"] == "sitemap"
        archive.mark_fetched(
            key,
            url="https://a.example.id/x-y-z/",
            site="a.example.id",
            outcome="article",
            etag='"abc"',
        )
        state = archive.url_state(key)
        assert state["outcome"] == "article" and state["etag"] == '"abc"' and state["fetched_at"]


def test_runs_are_recorded(archive_path):
    with Archive(archive_path) as archive:
        run = archive.start_run(spider="portal", site="a.example.id")
        archive.finish_run(
            run,
            counts=RunCounts(pages_fetched=5, articles_new=3),
            finish_reason="finished",
            drops={"short-body": 1},
            errors={"http_500": 2},
            stats={"x": 1},
        )
        (row,) = archive.runs()
        assert row["pages_fetched"] == 5 and row["finish_reason"] == "finished"
        assert '"http_500": 2' in row["errors"]


def test_migrations_upgrade_an_older_archive_in_place(archive_path):
    with Archive(archive_path) as archive:
        archive.save_article(make_item())
        archive.conn.execute("DROP TABLE article_revisions")
        archive.conn.execute("DROP TABLE raw_pages")
        archive.conn.execute(
            "DELETE FROM _sqlite_migrations WHERE name = 'm005_raw_pages_and_revisions'"
        )
    with Archive(archive_path) as upgraded:
        assert upgraded.count_articles() == 1
        assert upgraded.db["article_revisions"].exists() and upgraded.db["raw_pages"].exists()


def test_wal_mode(archive_path):
    with Archive(archive_path) as archive:
        assert archive.conn.execute("PRAGMA journal_mode").fetchone() == ("wal",)


def test_a_bulk_writer_checkpoints_less_often_and_on_demand(archive_path):
    with Archive(archive_path) as crawl_writer:
        assert crawl_writer.conn.execute("PRAGMA wal_autocheckpoint").fetchone() == (
            WAL_CHECKPOINT_PAGES,
        )
    with Archive(archive_path, bulk=True) as bulk:
        assert bulk.conn.execute("PRAGMA wal_autocheckpoint").fetchone() == (BULK_CHECKPOINT_PAGES,)
        bulk.save_article(make_item())
        bulk.checkpoint()  # commits the open batch, then empties the WAL into the file
        assert not bulk.conn.in_transaction
        assert Path(f"{archive_path}-wal").stat().st_size == 0
        with Archive(archive_path, readonly=True) as reader:
            assert reader.count_articles() == 1


def test_unwritable_path_is_a_clear_error(tmp_path):
    with pytest.raises(ArchiveError, match="no folder"):
        Archive(tmp_path / "missing" / "archive.db")
    with pytest.raises(ArchiveError, match="no archive"):
        Archive(tmp_path / "none.db", readonly=True)
    not_a_db = tmp_path / "notes.db"
    not_a_db.write_text("these are notes, not a database " * 100)
    with pytest.raises(ArchiveError, match="cannot open archive"):
        Archive(not_a_db)


def test_readonly_archive_refuses_writes(archive_path):
    Archive(archive_path).close()
    with Archive(archive_path, readonly=True) as ro, pytest.raises(sqlite3.OperationalError):
        ro.conn.execute("DELETE FROM articles")


def test_relink_copies_makes_an_earlier_copy_the_original(archive_path):
    with Archive(archive_path) as archive:
        late = make_item(url="https://b.example.id/banjir/")
        archive.save_article(late)
        copy = make_item(url="https://c.example.id/banjir/", duplicate_of=late.url_key)
        archive.save_article(copy)
        early = make_item(url="https://a.example.id/banjir/")
        assert archive.relink_copies(late.url_key, early.url_key) == 2
        archive.save_article(early)
        assert archive.get_article(late.url_key)["duplicate_of"] == early.url_key
        assert archive.get_article(copy.url_key)["duplicate_of"] == early.url_key
        assert archive.get_article(early.url_key)["duplicate_of"] is None


def test_a_second_writing_process_is_refused(archive_path):
    import subprocess
    import sys

    probe = (
        "import sys\nfrom crawler.archive.storage import Archive\nfrom crawler.archive.sqlite import ArchiveError\n"
        "try:\n    Archive(sys.argv[1])\nexcept ArchiveError as e:\n    print(e)\n"
    )
    with Archive(archive_path):
        busy = subprocess.run([sys.executable, "-c", probe, str(archive_path)],
                              capture_output=True, text=True, timeout=60)  # fmt: skip
        assert "another warta process is writing" in busy.stdout
        with Archive(archive_path, readonly=True) as reader:  # readers are never refused
            assert reader.count_articles() == 0
    free = subprocess.run([sys.executable, "-c", probe, str(archive_path)],
                          capture_output=True, text=True, timeout=60)  # fmt: skip
    assert free.stdout == "" and free.returncode == 0


def segments(archive, index):
    return archive.conn.execute(f"SELECT count(DISTINCT segid) FROM {index}_idx").fetchone()[0]


def test_finish_merges_does_the_merges_automerge_has_due(archive_path):
    from crawler.archive.migrations import finish_merges

    def commit_segments(archive, numbers):
        for n in numbers:  # one segment a commit
            with archive.transaction():
                archive.save_article(make_item(url=f"https://a.example.id/2024/05/{n}/banjir/"))

    with Archive(archive_path) as archive:
        conn = archive.conn
        conn.execute("INSERT INTO articles_fts (articles_fts, rank) VALUES ('automerge', 0)")
        commit_segments(archive, range(1, 16))
        conn.execute("INSERT INTO articles_fts (articles_fts, rank) VALUES ('automerge', 16)")
        with archive.transaction():
            finish_merges(conn, "articles_fts")
        assert segments(archive, "articles_fts") == 15  # under 16: automerge would wait too
        conn.execute("INSERT INTO articles_fts (articles_fts, rank) VALUES ('automerge', 0)")
        commit_segments(archive, range(16, 18))
        conn.execute("INSERT INTO articles_fts (articles_fts, rank) VALUES ('automerge', 16)")
        assert segments(archive, "articles_fts") == 17
        with archive.transaction():
            finish_merges(conn, "articles_fts")
        assert segments(archive, "articles_fts") == 1  # a level of 16 or more: merged whole
        assert len(fts_ids(archive, "banjir")) == 17
