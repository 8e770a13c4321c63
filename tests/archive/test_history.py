"""Word-level history of an article: diffs, rendering, revisions from the archive, `warta history`."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from crawler.archive.history import article_history, render_diff, render_history, tokens, word_diff
from crawler.archive.storage import Archive
from crawler.cli import cli
from crawler.fingerprints import content_hash
from crawler.items import ArticleItem

OLD = (
    "Jembatan gantung di Desa Karang Agung putus diterjang arus pada Rabu sore.\n\n"
    "Camat meminta warga memakai perahu sementara perbaikan disiapkan."
)


@pytest.mark.parametrize(
    "old, new, expected",
    [
        ("satu dua tiga", "satu dua tiga", [("=", "satu dua tiga")]),
        ("satu dua tiga", "satu tiga", [("=", "satu"), ("-", "dua"), ("=", "tiga")]),
        ("satu tiga", "satu dua tiga", [("=", "satu"), ("+", "dua"), ("=", "tiga")]),
        (
            "harga naik lima persen",
            "harga naik tujuh persen",
            [("=", "harga naik"), ("-", "lima"), ("+", "tujuh"), ("=", "persen")],
        ),
        ("", "baru ditulis", [("+", "baru ditulis")]),
        ("semua dihapus", "", [("-", "semua dihapus")]),
        # Spacing alone is no change: words are compared, not characters.
        ("a  b\tc", "a b c", [("=", "a b c")]),
        # A paragraph break is a token of its own.
        ("a b\n\nc", "a b c", [("=", "a b"), ("-", "\n\n"), ("=", "c")]),
    ],
)
def test_word_diff(old, new, expected):
    assert word_diff(old, new) == expected


def test_tokens_keep_paragraph_breaks_and_drop_spacing():
    assert tokens("a  b\n\n\n c\n d") == ["a", "b", "\n\n", "c", "d"]
    assert tokens(None) == []


def test_render_marks_changes_and_trims_long_unchanged_runs():
    new = OLD.replace("Rabu sore", "Rabu malam").replace("perahu", "perahu karet")
    text = render_diff(word_diff(OLD, new), context=3)
    assert "[-sore.-] {+malam.+}" in text
    assert "{+karet+}" in text
    assert "…" in text  # the run between the two changes is cut
    assert "diterjang arus" not in text
    colored = render_diff(word_diff(OLD, new), color=True)
    assert "\x1b[31msore.\x1b[0m" in colored and "\x1b[32mmalam.\x1b[0m" in colored


def _article(body: str, title: str, fetched: str) -> ArticleItem:
    return ArticleItem(
        url="https://kabar.example/2024/05/22/jembatan-putus/",
        url_key="kabar.example/2024/05/22/jembatan-putus",
        site="kabar.example",
        title=title,
        body=body,
        content_hash=content_hash(body),
        fetched_at=fetched,
    )


@pytest.fixture
def edited_archive(archive_path):
    """One article crawled three times: edited once, then unchanged, then taken down."""
    new = OLD.replace("Rabu sore", "Rabu malam")
    with Archive(archive_path) as archive:
        archive.save_article(
            _article(OLD, "Jembatan Putus", "2024-05-22T10:00:00+00:00"),
            now="2024-05-22T10:00:00+00:00",
        )
        archive.save_article(
            _article(new, "Jembatan Gantung Putus", "2024-05-23T10:00:00+00:00"),
            now="2024-05-23T10:00:00+00:00",
        )
        archive.save_article(
            _article(new, "Jembatan Gantung Putus", "2024-05-24T10:00:00+00:00"),
            now="2024-05-24T10:00:00+00:00",
        )
        archive.mark_taken_down(
            "kabar.example/2024/05/22/jembatan-putus", when="2024-05-25T10:00:00+00:00"
        )
    return archive_path


def test_article_history_lists_versions_oldest_first(edited_archive):
    with Archive(edited_archive, readonly=True) as archive:
        found = article_history(archive, "https://www.kabar.example/2024/05/22/jembatan-putus")
        assert article_history(archive, "https://kabar.example/tidak-ada/") is None
    assert [v.title for v in found.versions] == ["Jembatan Putus", "Jembatan Gantung Putus"]
    assert found.versions[0].fetched_at == "2024-05-22T10:00:00+00:00"
    assert found.versions[0].replaced_at == "2024-05-23T10:00:00+00:00"
    assert found.taken_down_at == "2024-05-25T10:00:00+00:00"
    text = render_history(found)
    assert "taken down at 2024-05-25T10:00:00+00:00" in text
    assert "title: Jembatan {+Gantung+} Putus" in text
    assert "[-sore.-] {+malam.+}" in text
    last_text = text.split("the last text archived", 1)[1]
    assert "Jembatan Gantung Putus" in last_text and "Rabu malam" in last_text


def test_cli_history_text_and_json(edited_archive):
    runner = CliRunner()
    url = "https://kabar.example/2024/05/22/jembatan-putus/"
    result = runner.invoke(cli, ["history", url, "--db", str(edited_archive)])
    assert result.exit_code == 0, result.output
    assert "(2 versions)" in result.output and "{+malam.+}" in result.output
    result = runner.invoke(cli, ["history", url, "--db", str(edited_archive), "--json"])
    data = json.loads(result.output)
    assert len(data["versions"]) == 2
    assert ["-", "sore."] in data["changes"][0]["body"]
    missing = runner.invoke(
        cli, ["history", "https://kabar.example/x/", "--db", str(edited_archive)]
    )
    assert missing.exit_code == 1 and "not in the archive" in missing.output


def test_an_unchanged_article_has_one_version(archive_path):
    with Archive(archive_path) as archive:
        archive.save_article(_article(OLD, "Jembatan Putus", "2024-05-22T10:00:00+00:00"))
        found = article_history(archive, "kabar.example/2024/05/22/jembatan-putus")
    assert len(found.versions) == 1
    assert "no earlier version" in render_history(found)


# -- end to end: the test portal edits, removes and redirects articles between two crawls ----------

LOOPBACK = ["-s", "DOWNLOAD_DELAY=0", "-s", "AUTOTHROTTLE_ENABLED=False"]


_CRAWLED: dict = {}  # one two-epoch crawl per test session, shared by every module that uses it


def shared_two_epoch_crawl(tmp_path_factory) -> dict:
    """Both test portals crawled in epoch 1, then switched to epoch 2 and crawled with --revisit.
    Gives the archive (tests that write must copy it), the epoch-1 rows, the changes and the
    epoch-2 truth. The crawl runs once per session for every module that asks."""
    if not _CRAWLED:
        _CRAWLED.update(_crawl_two_epochs(tmp_path_factory.mktemp("faithful") / "archive.db"))
    return _CRAWLED


@pytest.fixture(scope="session")
def two_epoch_crawl(tmp_path_factory):
    """The shared two-epoch crawl."""
    return shared_two_epoch_crawl(tmp_path_factory)


def _crawl_two_epochs(db) -> dict:
    from crawler.testportal import PortalSpec, serve_portals
    from tests.conftest import run_warta

    specs = [PortalSpec(name="main"), PortalSpec(name="second", second_portal=True)]
    with serve_portals(specs) as portals:
        first = run_warta("crawl", *[p.url for p in portals], *LOOPBACK, db=db)
        assert first.returncode == 0, first.stderr[-3000:]
        with Archive(db, readonly=True) as archive:
            epoch1 = {r["url_key"]: r for r in archive.iter_articles()}
        for portal in portals:
            portal.set_epoch(2)
        second = run_warta("crawl", *[p.url for p in portals], "--revisit", *LOOPBACK, db=db)
        assert second.returncode == 0, second.stderr[-3000:]
        return {
            "db": db,
            "epoch1": epoch1,
            "changes": {
                kind: [url for p in portals for url in p.changes(2)[kind]]
                for kind in ("added", "edited", "removed", "redirected")
            },
            "truth2": {t["url_key"]: t for p in portals for t in p.truth(2)},
        }


def _key(url: str) -> str:
    from crawler.fingerprints import url_key

    return url_key(url)


@pytest.mark.e2e
def test_an_edited_article_keeps_its_previous_version(two_epoch_crawl):
    crawl = two_epoch_crawl
    edited = {_key(url): url for url in crawl["changes"]["edited"]}
    assert len(edited) == 2, "each test portal edits one article in epoch 2"
    with Archive(crawl["db"], readonly=True) as archive:
        revised = {r[0] for r in archive.conn.execute("SELECT url_key FROM article_revisions")}
        assert revised == set(edited), "exactly the edited articles have a revision"
        for key in edited:
            before, now = crawl["epoch1"][key], archive.get_article(key)
            (revision,) = archive.article_revisions(key)
            assert (revision["title"], revision["body"]) == (before["title"], before["body"])
            assert revision["fetched_at"] == before["fetched_at"]
            assert revision["replaced_at"] == now["last_seen_at"]
            truth = crawl["truth2"][key]
            assert (now["title"], now["body"]) == (truth["title"], truth["body"])
            assert now["title"] != before["title"] and now["body"] != before["body"]
    for url in edited.values():
        shown = run_history(crawl["db"], url)
        assert "(2 versions)" in shown
        assert "title: " in shown and "{+" in shown


@pytest.mark.e2e
def test_removed_and_redirected_articles_are_taken_down_and_keep_their_text(two_epoch_crawl):
    crawl = two_epoch_crawl
    gone = {_key(url): url for kind in ("removed", "redirected") for url in crawl["changes"][kind]}
    assert len(gone) == 4, "each test portal removes one article (404) and redirects one home"
    with Archive(crawl["db"], readonly=True) as archive:
        marked = {
            r[0]
            for r in archive.conn.execute(
                "SELECT url_key FROM articles WHERE taken_down_at IS NOT NULL"
            )
        }
        assert marked == set(gone)
        for key, url in gone.items():
            row, before = archive.get_article(key), crawl["epoch1"][key]
            assert (row["title"], row["body"]) == (before["title"], before["body"])
            printed = run_history(crawl["db"], url)
            assert f"taken down at {row['taken_down_at']}" in printed
            assert row["body"].split("\n\n")[-1] in printed, "the last text is printed"


def run_history(db, url: str) -> str:
    from tests.conftest import run_warta

    shown = run_warta("history", url, db=db)
    assert shown.returncode == 0, shown.stderr
    return shown.stdout


@pytest.mark.e2e
def test_the_crawl_clustered_the_republished_article(two_epoch_crawl):
    with Archive(two_epoch_crawl["db"], readonly=True) as archive:
        copies = archive.conn.execute(
            "SELECT url_key, duplicate_of, cluster_id, is_canonical FROM articles"
            " WHERE duplicate_of IS NOT NULL"
        ).fetchall()
        assert copies, "the second portal republishes one article verbatim"
        for _copy, original, cluster_id, is_canonical in copies:
            first = archive.get_article(original)
            assert cluster_id is not None and cluster_id == first["cluster_id"]
            assert (is_canonical, first["is_canonical"]) == (0, 1)
