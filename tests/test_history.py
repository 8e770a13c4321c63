"""Word-level history of an article: diffs, rendering, revisions from the archive, `warta history`."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from crawler.cli import cli
from crawler.fingerprints import content_hash
from crawler.history import article_history, render_diff, render_history, tokens, word_diff
from crawler.items import ArticleItem
from crawler.storage import Archive

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
