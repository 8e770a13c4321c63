"""Exports: round trips in every format, types, checksums, byte-identical re-exports, bad paths."""

import csv
import hashlib
import json
import os

import pytest
from click.testing import CliRunner

from crawler.archive.storage import Archive
from crawler.cli import cli
from crawler.research.export import ExportError, check_output, export, export_columns
from crawler.research.search import Filters
from tests.research.test_search_fixtures import ARTICLES, build_archive

BRIDGE, PILKADA, FLOOD, TOURISM, BRIDGE_COPY = (spec["url"] for spec in ARTICLES)


@pytest.fixture(scope="module")
def archive_file(tmp_path_factory):
    return build_archive(tmp_path_factory.mktemp("export") / "archive.db")


@pytest.fixture
def archive(archive_file):
    with Archive(archive_file, readonly=True) as archive:
        yield archive


def read_rows(folder, fmt):
    path = folder / f"articles.{fmt}"
    if fmt == "jsonl":
        return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    if fmt == "csv":
        with path.open(encoding="utf-8", newline="") as handle:
            return list(csv.DictReader(handle))
    import pyarrow.parquet as pq

    return pq.read_table(path).to_pylist()


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "parquet"])
def test_round_trip_rows_manifest_and_card(archive, tmp_path, fmt):
    result = export(archive, tmp_path / "out", fmt=fmt)
    folder = tmp_path / "out"
    rows = read_rows(folder, fmt)
    assert result.rows == len(rows) == len(ARTICLES)
    assert [r["url"] for r in rows] == [spec["url"] for spec in ARTICLES]  # ordered by id
    assert list(rows[0]) == export_columns()
    manifest = json.loads((folder / "manifest.json").read_text())
    assert manifest["rows"] == len(ARTICLES)
    assert manifest["format"] == fmt
    assert manifest["archive_last_crawl"] == "2024-07-01T00:30:00+00:00"
    assert set(manifest["files"]) == {f"articles.{fmt}", "README.md", "schema.json"}
    for name, digest in manifest["files"].items():
        assert hashlib.sha256((folder / name).read_bytes()).hexdigest() == digest
    card = (folder / "README.md").read_text()
    for needle in ("kabarbanyuasin.id", "| 2024-03 | 2 |", "`dateline_place`", "Known limits"):
        assert needle in card
    assert "Place of the dateline" in card  # the data dictionary's own words
    assert sorted(os.listdir(folder)) == [
        "README.md",
        f"articles.{fmt}",
        "manifest.json",
        "schema.json",
    ]


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "parquet"])
def test_re_export_is_byte_identical(archive, tmp_path, fmt):
    export(archive, tmp_path / "one", fmt=fmt)
    export(archive, tmp_path / "two", fmt=fmt)
    for name in os.listdir(tmp_path / "one"):
        assert (tmp_path / "one" / name).read_bytes() == (tmp_path / "two" / name).read_bytes()


def test_parquet_has_real_types(archive, tmp_path):
    import pyarrow as pa
    import pyarrow.parquet as pq

    export(archive, tmp_path / "p", fmt="parquet")
    table = pq.read_table(tmp_path / "p" / "articles.parquet")
    schema = table.schema
    assert schema.field("published_at").type == pa.timestamp("us", tz="UTC")
    assert schema.field("authors").type == pa.list_(pa.string())
    assert schema.field("tags").type == pa.list_(pa.string())
    assert schema.field("word_count").type == pa.int64()
    assert schema.field("is_canonical").type == pa.bool_()
    frame = table.to_pandas()
    assert str(frame["published_at"].dt.tz) == "UTC"
    first = frame.iloc[1]
    assert list(first["authors"]) == ["Agus Saputra", "Rina Wulandari"]
    assert first["published_at"].isoformat() == "2024-06-11T03:00:00+00:00"  # 10:00 WIB


def test_jsonl_keeps_offsets_and_lists(archive, tmp_path):
    export(archive, tmp_path / "j", fmt="jsonl")
    row = read_rows(tmp_path / "j", "jsonl")[1]
    assert row["published_at"] == "2024-06-11T10:00:00+07:00"
    assert row["authors"] == ["Agus Saputra", "Rina Wulandari"]
    assert row["is_canonical"] is True


@pytest.mark.parametrize(
    "kwargs, expected",
    [
        ({"filters": Filters(site="garutpos.id")}, [FLOOD, TOURISM]),
        ({"filters": Filters(canonical_only=True)}, [BRIDGE, PILKADA, FLOOD, TOURISM]),
        ({"filters": Filters(author="Agus Saputra")}, [PILKADA]),
        ({"query": "dibangun"}, [BRIDGE, PILKADA, FLOOD, TOURISM, BRIDGE_COPY]),
        ({"query": "dibangun", "exact": True}, [FLOOD]),
        ({"query": "jembatan", "filters": Filters(canonical_only=True)}, [BRIDGE]),
        ({"filters": Filters(region="Jawa Barat", since="2024-01-01")}, [TOURISM]),
    ],
)
def test_filters_and_query_select_rows(archive, tmp_path, kwargs, expected):
    result = export(archive, tmp_path / "f", fmt="jsonl", **kwargs)
    assert [r["url"] for r in read_rows(tmp_path / "f", "jsonl")] == expected
    manifest = json.loads((tmp_path / "f" / "manifest.json").read_text())
    assert manifest["rows"] == result.rows == len(expected)
    assert manifest["query"] == kwargs.get("query")


def test_empty_selection_is_a_valid_dataset(archive, tmp_path):
    import pyarrow.parquet as pq

    result = export(archive, tmp_path / "e", fmt="parquet", query="zzzzz")
    assert result.rows == 0
    assert pq.read_table(tmp_path / "e" / "articles.parquet").num_rows == 0


def test_refuses_non_empty_folder_without_force(archive, tmp_path):
    target = tmp_path / "busy"
    target.mkdir()
    (target / "notes.txt").write_text("mine")
    with pytest.raises(ExportError, match="not empty"):
        export(archive, target)
    assert (target / "notes.txt").read_text() == "mine"
    export(archive, target, force=True)
    assert not (target / "notes.txt").exists()
    assert (target / "articles.jsonl").exists()


def test_failed_export_leaves_nothing(archive, tmp_path):
    with pytest.raises(ExportError):
        export(archive, tmp_path / "bad", query='"unbalanced')
    assert os.listdir(tmp_path) == []


@pytest.mark.parametrize(
    "path, message",
    [
        ("/usr/share/warta-export", "system folder"),
        ("/etc/warta", "system folder"),
        ("/proc/self/x", "system folder"),
        ("/", "root folder"),
        ("", "no output folder"),
        ("/nonexistent-parent/out", "no folder"),
    ],
)
def test_bad_output_paths(path, message):
    with pytest.raises(ExportError, match=message):
        check_output(path)


def test_unwritable_parent(tmp_path):
    if os.geteuid() == 0:
        pytest.skip("root may write anywhere: the permission check cannot fail")
    locked = tmp_path / "locked"
    locked.mkdir(mode=0o500)
    with pytest.raises(ExportError, match="not writable"):
        check_output(locked / "out")


def test_output_that_is_a_file(tmp_path):
    (tmp_path / "file").write_text("x")
    with pytest.raises(ExportError, match="not a folder"):
        check_output(tmp_path / "file")


def test_cli_export_and_errors(archive_file, tmp_path):
    runner = CliRunner()
    out = tmp_path / "cli"
    result = runner.invoke(
        cli,
        [
            "export",
            "--db",
            str(archive_file),
            "--format",
            "csv",
            "--output",
            str(out),
            "--site",
            "garutpos.id",
        ],
    )
    assert result.exit_code == 0, result.output
    assert "2 articles" in result.output
    assert len(read_rows(out, "csv")) == 2
    again = runner.invoke(cli, ["export", "--db", str(archive_file), "--output", str(out)])
    assert again.exit_code == 2
    assert "not empty" in again.output and "Traceback" not in again.output
    system = runner.invoke(cli, ["export", "--db", str(archive_file), "--output", "/usr/lib/x"])
    assert system.exit_code == 2
    assert len(system.output.strip().splitlines()) == 1
    bad_date = runner.invoke(
        cli, ["export", "--db", str(archive_file), "--output", str(tmp_path / "d"), "--since", "x"]
    )
    assert bad_date.exit_code == 2
    assert "not a date" in bad_date.output


def test_cli_help_has_example():
    result = CliRunner().invoke(cli, ["export", "--help"])
    assert "Example:" in result.output and "--canonical-only" in result.output


def test_unusual_times_become_utc_or_null(tmp_path):
    import pyarrow.parquet as pq

    from tests.research.test_search_fixtures import article_item

    path = tmp_path / "t.db"
    with Archive(path) as archive:
        for number, published in enumerate(
            ["2024-05-21T14:30:00+07:00", "2024-05-21T07:30:00Z", "2024-05-21T07:30:00", "kemarin"]
        ):
            spec = {**ARTICLES[0], "url": f"https://a.id/{number}/", "published_at": published}
            archive.save_article(article_item(spec))
    with Archive(path, readonly=True) as archive:
        export(archive, tmp_path / "out", fmt="parquet")
    times = pq.read_table(tmp_path / "out" / "articles.parquet")["published_at"].to_pylist()
    assert [t.isoformat() if t else None for t in times] == [
        "2024-05-21T07:30:00+00:00",
        "2024-05-21T07:30:00+00:00",
        "2024-05-21T07:30:00+00:00",
        None,
    ]


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "parquet"])
def test_the_portals_own_day_survives_every_format(tmp_path, fmt):
    # 00:27 WIB on the 29th is 17:27 UTC on the 28th: a UTC-only export puts it on the wrong day
    late_night = {**ARTICLES[0], "published_at": "2023-01-29T00:27:00+07:00"}
    db = build_archive(tmp_path / "archive.db", [late_night])
    with Archive(db, readonly=True) as archive:
        export(archive, tmp_path / "out", fmt=fmt)
    (row,) = read_rows(tmp_path / "out", fmt)
    assert str(row["published_date"]) == "2023-01-29"
    assert row["published_utc_offset"] == "+07:00"
    if fmt == "parquet":
        from datetime import UTC, datetime

        assert row["published_at"] == datetime(2023, 1, 28, 17, 27, tzinfo=UTC)  # the instant
    else:
        assert row["published_at"] == "2023-01-29T00:27:00+07:00"  # as the portal wrote it
    card = (tmp_path / "out" / "README.md").read_text()
    assert "`published_date`" in card and "portal's own time zone" in card
