"""Hostile input to the `warta` tools: every bad query, path or sites file gets a clear one-line
error and an exit code, never a traceback, and nothing is overwritten without --force."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from crawler.archive.storage import Archive
from crawler.cli import cli
from crawler.fingerprints import content_hash, url_key
from crawler.items import ArticleItem

BODY = (
    "Hujan deras sejak Kamis sore membuat Sungai Cimanuk meluap dan merendam tiga desa di Garut. "
    "Warga mengungsi ke balai desa, sementara petugas gabungan membuka dapur umum.\n\n"
    "Kepala desa Sukamaju, Darmaji Suryo, meminta warga tetap waspada banjir susulan."
)


@pytest.fixture
def runner():
    return CliRunner()


@pytest.fixture
def db(tmp_path) -> Path:
    """An archive with two invented articles."""
    path = tmp_path / "archive.db"
    with Archive(path) as archive:
        for n, title in enumerate(["Banjir Rendam Tiga Desa", "Dana Hibah Pilkada Cair"]):
            url = f"https://kabar-uji.example/2024/05/2{n}/berita-{n}/"
            item = ArticleItem(
                url=url,
                url_key=url_key(url),
                site="kabar-uji.example",
                title=title,
                body=BODY,
                authors=["Darmaji Suryo"],
                published_at=f"2024-05-2{n}T09:00:00+07:00",
            )
            item.content_hash = content_hash(BODY + title)
            archive.save_article(item)
    return path


CLICK_USAGE = ("Usage: ", "Try '")
"""Lines click puts above a usage error (a bad option value): the error itself is one line."""


def one_clear_line(result) -> str:
    """The error line: exactly one `Error: ...` line (click's usage lines aside), no traceback,
    no Python exception left uncaught."""
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert "Traceback" not in result.output
    lines = [line for line in result.output.strip().splitlines() if line.strip()]
    errors = [line for line in lines if not line.startswith(CLICK_USAGE)]
    assert len(errors) == 1, result.output
    return errors[0]


# --- search ------------------------------------------------------------------------------------

FTS_SYNTAX = [
    '"unbalanced',
    "AND",
    "OR OR",
    "NOT",
    "banjir AND",
    "NEAR(",
    "NEAR(banjir garut, -1)",
    "*",
    "banjir*)",
    "title:",
    "nosuchcolumn:banjir",
    "^",
    "{title body}:",
    "(((((",
    ")",
    "-banjir",
    "+",
    "'single quote",
    'a"b"c"',
    "\\",
    ";DROP TABLE articles;--",
    "' OR 1=1 --",
    "%",
    "banjir\x00garut",
    "\x00",
    " ",
    "",
    "x" * 10_000,
    "banjir " * 2_000,
    "\udcff",  # what Python makes of an invalid UTF-8 byte on the command line ($'\\xff')
    "🌊" * 500,
]


@pytest.mark.parametrize("query", FTS_SYNTAX, ids=range(len(FTS_SYNTAX)))
def test_search_never_crashes(runner, db, query):
    result = runner.invoke(cli, ["search", "--db", str(db), "--", query])  # `--`: "-banjir" too
    assert result.exit_code in (0, 2), (query, result.output)
    assert "Traceback" not in result.output
    if result.exit_code == 2:
        message = one_clear_line(result)
        assert message.startswith("Error:")
    assert "database is locked" not in result.output
    with Archive(db, readonly=True) as archive:
        assert archive.count_articles() == 2  # nothing dropped, whatever the query said


@pytest.mark.parametrize(
    "query", ['"dana hibah"', "banjir OR longsor", "title:banjir", "banj*", "pilkada NOT kpu"]
)
def test_real_fts_syntax_still_works(runner, db, query):
    result = runner.invoke(cli, ["search", query, "--db", str(db), "--json"])
    assert result.exit_code == 0, result.output


@pytest.mark.parametrize(
    "bad_db",
    ["missing/archive.db", "nofile.db", "a-directory", "not-sqlite.db", "empty.db"],
)
def test_search_with_a_bad_archive_path(runner, tmp_path, bad_db):
    (tmp_path / "a-directory").mkdir()
    (tmp_path / "not-sqlite.db").write_bytes(b"this is a text file, not SQLite\n" * 100)
    (tmp_path / "empty.db").write_bytes(b"")
    result = runner.invoke(cli, ["search", "banjir", "--db", str(tmp_path / bad_db)])
    assert result.exit_code in (1, 2)
    assert one_clear_line(result).startswith("Error:")
    assert not (tmp_path / "nofile.db").exists()  # a reader never creates an archive


# --- export ------------------------------------------------------------------------------------


def export(runner, db, output, *extra):
    return runner.invoke(
        cli, ["export", "--db", str(db), "--output", str(output), "--no-progress", *extra]
    )


def test_export_to_a_new_folder(runner, db, tmp_path):
    result = export(runner, db, tmp_path / "out")
    assert result.exit_code == 0, result.output
    assert (tmp_path / "out" / "manifest.json").exists()


def test_export_never_overwrites_without_force(runner, db, tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    precious = out / "catatan-peneliti.txt"
    precious.write_text("jangan dihapus")
    result = export(runner, db, out)
    assert result.exit_code != 0
    assert one_clear_line(result).startswith("Error:")
    assert "--force" in result.output
    assert precious.read_text() == "jangan dihapus"
    assert sorted(p.name for p in out.iterdir()) == ["catatan-peneliti.txt"]
    forced = export(runner, db, out, "--force")
    assert forced.exit_code == 0, forced.output
    assert (out / "manifest.json").exists()


def test_export_onto_a_file(runner, db, tmp_path):
    target = tmp_path / "data.jsonl"
    target.write_text("isi lama\n")
    result = export(runner, db, target)
    assert result.exit_code != 0
    assert one_clear_line(result).startswith("Error:")
    assert target.read_text() == "isi lama\n"


@pytest.mark.parametrize(
    "target",
    [
        "/proc/warta-export",  # a system folder nobody may create in
        "/sys/warta-export",
        "/proc/self",  # exists, is not ours
        "/dev/null",
        "/",
        "/etc",
    ],
)
def test_export_into_system_folders(runner, db, target):
    before = (
        sorted(os.listdir(target)) if os.path.isdir(target) and target != "/proc/self" else None
    )
    result = export(runner, db, target)
    assert result.exit_code != 0, result.output
    assert one_clear_line(result).startswith("Error:")
    if before is not None and target in ("/", "/etc"):
        assert sorted(os.listdir(target)) == before


def test_export_below_a_file_is_refused(runner, db, tmp_path):
    blocker = tmp_path / "berkas"
    blocker.write_text("bukan folder")
    result = export(runner, db, blocker / "out")
    assert result.exit_code != 0
    assert one_clear_line(result).startswith("Error:")


def test_export_to_a_read_only_folder(runner, db, tmp_path):
    if os.geteuid() == 0:
        pytest.skip("root writes into read-only folders; /proc and /sys cover unwritable targets")
    locked = tmp_path / "terkunci"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        result = export(runner, db, locked / "out")
        assert result.exit_code != 0
        assert one_clear_line(result).startswith("Error:")
    finally:
        locked.chmod(0o700)


# --- sites files ---------------------------------------------------------------------------------

BAD_SITES = {
    "not-toml": b"[[site]\nname = \n",
    "binary": bytes(range(256)) * 4,
    "latin-1": '[[site]]\nname = "kabar\xe9"\nurl = "https://kabar.example"\n'.encode("latin-1"),
    "wrong-type": b'site = "kabar"\n',
    "missing-url": b'[[site]]\nname = "kabar"\n',
    "bad-url": b'[[site]]\nname = "kabar"\nurl = "ftp://kabar.example"\n',
    "url-not-string": b'[[site]]\nname = "kabar"\nurl = 42\n',
    "duplicate": (
        b'[[site]]\nname = "kabar"\nurl = "https://a.example"\n'
        b'[[site]]\nname = "kabar"\nurl = "https://b.example"\n'
    ),
    "huge-name": b'[[site]]\nname = "' + b"x" * 100_000 + b'"\nurl = "https://a.example"\n',
    "nul": b'[[site]]\nname = "ka\x00bar"\nurl = "https://a.example"\n',
}


@pytest.mark.parametrize("kind", sorted(BAD_SITES))
def test_a_bad_sites_file_is_a_clear_error_and_is_left_alone(runner, tmp_path, kind):
    sites = tmp_path / "sites.toml"
    sites.write_bytes(BAD_SITES[kind])
    listed = runner.invoke(cli, ["sites", "list", "--sites", str(sites)])
    crawled = runner.invoke(
        cli, ["crawl", "--all", "--sites", str(sites), "--db", str(tmp_path / "a.db")]
    )
    added = runner.invoke(
        cli, ["sites", "add", "https://baru.example", "--no-probe", "--sites", str(sites)]
    )
    for result in (listed, crawled, added):
        assert result.exit_code in (1, 2), (kind, result.output)
        assert one_clear_line(result).startswith("Error:"), kind
    assert sites.read_bytes() == BAD_SITES[kind]  # never rewritten, not even by `sites add`
    assert not (tmp_path / "a.db").exists()  # refused before any archive was touched


def test_sites_file_that_is_a_folder_or_missing(runner, tmp_path):
    folder = tmp_path / "sites.toml"
    folder.mkdir()
    for args in (["sites", "list", "--sites", str(folder)],
                 ["crawl", "--all", "--sites", str(tmp_path / "nope.toml"), "--db", str(tmp_path / "a.db")]):  # fmt: skip
        result = runner.invoke(cli, args)
        assert result.exit_code in (1, 2), result.output
        assert one_clear_line(result).startswith("Error:")


def test_sites_add_does_not_replace_an_entry_without_force(runner, tmp_path):
    sites = tmp_path / "sites.toml"
    first = runner.invoke(
        cli,
        [
            "sites",
            "add",
            "https://kabar.example",
            "--name",
            "kabar",
            "--no-probe",
            "--sites",
            str(sites),
        ],
    )
    assert first.exit_code == 0, first.output
    before = sites.read_bytes()
    again = runner.invoke(
        cli,
        [
            "sites",
            "add",
            "https://lain.example",
            "--name",
            "kabar",
            "--no-probe",
            "--sites",
            str(sites),
        ],
    )
    assert again.exit_code != 0
    assert one_clear_line(again).startswith("Error:")
    assert sites.read_bytes() == before
    forced = runner.invoke(
        cli,
        ["sites", "add", "https://lain.example", "--name", "kabar", "--no-probe", "--force",
         "--sites", str(sites)],
    )  # fmt: skip
    assert forced.exit_code == 0, forced.output
    assert b"lain.example" in sites.read_bytes()


# --- crawl arguments -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "args",
    [
        ["crawl", "not a url"],
        ["crawl", "javascript:alert(1)"],
        ["crawl", "file:///etc/passwd"],
        ["crawl", "https://kabar.example", "--since", "kemarin"],
        ["crawl", "https://kabar.example", "--set", "NO_EQUALS_SIGN"],
        ["crawl", "https://kabar.example", "--all"],
        ["crawl"],
    ],
)
def test_bad_crawl_arguments_are_refused_before_any_fetch(runner, tmp_path, args):
    result = runner.invoke(cli, [*args, "--db", str(tmp_path / "a.db")])
    assert result.exit_code in (1, 2), result.output
    assert one_clear_line(result).startswith("Error:")
