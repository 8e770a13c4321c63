"""WARC: import of another crawler's files, export with request/response/metadata records, round trip."""

from __future__ import annotations

import gzip
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from warcio.archiveiterator import ArchiveIterator
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from crawler.archive import warc
from crawler.archive.storage import Archive
from crawler.archive.warc import WarcError, export_warc, import_warc
from crawler.cli import cli

# -- invented pages ----------------------------------------------------------------------------

STORIES = {
    "banjir": (
        "Banjir Rendam Puluhan Rumah di Desa Sungai Rengit",
        [
            "BANYUASIN, KabarContoh.id – Banjir merendam puluhan rumah warga di Desa Sungai Rengit "
            "sejak Senin pagi setelah hujan deras mengguyur sepanjang malam.",
            "Kepala Desa Sungai Rengit, Darmawan, mengatakan warga mulai mengungsi ke balai desa "
            "dan masjid terdekat yang berada di tanah lebih tinggi.",
            "Baca juga: Harga Cabai Naik Menjelang Lebaran",
            "Petugas BPBD menyiapkan perahu karet dan dapur umum bagi para pengungsi hingga air "
            "surut.",
        ],
    ),
    "jalan": (
        "Jalan Poros Betung Rusak Parah, Warga Tanam Pisang",
        [
            "Warga Kelurahan Rimba Asam menanam pohon pisang di tengah jalan poros yang berlubang "
            "sebagai bentuk protes karena perbaikan tak kunjung datang.",
            "Ketua RT setempat, Yanto Siregar, menyebut lubang terdalam mencapai setengah meter "
            "dan sudah membuat tiga pengendara sepeda motor terjatuh bulan ini.",
            "Dinas Pekerjaan Umum berjanji menambal ruas tersebut pekan depan sambil menunggu "
            "anggaran perbaikan permanen dari provinsi.",
        ],
    ),
    "pilkada": (
        "KPU Garut Latih Ribuan Petugas KPPS",
        [
            "GARUT – Komisi Pemilihan Umum Kabupaten Garut melatih ribuan petugas KPPS di empat "
            "puluh dua kecamatan menjelang hari pemungutan suara.",
            "Ketua KPU Garut, Siti Rachmawati, mengatakan pelatihan menekankan tata cara "
            "penghitungan suara dan pengisian formulir hasil di tempat pemungutan suara.",
            "Pelatihan digelar bergiliran selama sepekan di aula kecamatan dengan simulasi "
            "lengkap dari pembukaan hingga penutupan TPS.",
        ],
    ),
}


def article_html(
    title: str, paragraphs: list[str], published: str, author: str = "Rudi Hartono"
) -> str:
    """A small WordPress-like article page with JSON-LD and OpenGraph metadata."""
    ld = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": title,
        "datePublished": published,
        "author": {"@type": "Person", "name": author},
    }
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (
        "<!DOCTYPE html><html lang='id'><head><meta charset='utf-8'>"
        f"<title>{title} - Kabar Contoh</title><meta property='og:type' content='article'>"
        f"<meta property='og:title' content='{title}'><meta property='og:site_name' content='Kabar Contoh'>"
        f"<script type='application/ld+json'>{json.dumps(ld)}</script></head>"
        f"<body><nav><a href='/'>Beranda</a></nav><article><h1>{title}</h1>"
        f"<div class='entry-content'>{body}</div></article>"
        "<footer><p>Hak cipta redaksi contoh.</p></footer></body></html>"
    )


def story_page(name: str, published: str = "2024-05-20T08:00:00+07:00", **edit) -> bytes:
    title, paragraphs = STORIES[name]
    return article_html(
        edit.get("title", title), edit.get("paragraphs", paragraphs), published
    ).encode()


HOME = (
    b"<!DOCTYPE html><html><head><title>Kabar Contoh</title></head><body><ul>"
    b"<li><a href='/2024/05/20/banjir/'>Banjir</a></li></ul></body></html>"
)


def _chunked(data: bytes) -> bytes:
    return (
        b"".join(
            b"%x\r\n%s\r\n" % (len(data[i : i + 700]), data[i : i + 700])
            for i in range(0, len(data), 700)
        )
        + b"0\r\n\r\n"
    )


def write_foreign_warc(path: Path, responses: list[dict]) -> None:
    """A WARC as another crawler writes it: gzipped and chunked bodies, non-HTML and error
    responses, request records, no Warta metadata."""
    with open(path, "wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        writer.write_record(
            writer.create_warcinfo_record(path.name, {"software": "other-crawler/1"})
        )
        for r in responses:
            headers = [("Content-Type", r.get("type", "text/html; charset=UTF-8"))]
            payload = r.get("body", b"")
            if r.get("gzip"):
                payload = gzip.compress(payload)
                headers.append(("Content-Encoding", "gzip"))
            if r.get("chunked"):
                payload = _chunked(payload)
                headers.append(("Transfer-Encoding", "chunked"))
            headers += r.get("headers", [])
            status = r.get("status", "200 OK")
            writer.write_record(
                writer.create_warc_record(
                    r["url"],
                    "request",
                    payload=io.BytesIO(b""),
                    http_headers=StatusAndHeaders(
                        "GET / HTTP/1.1", [("Host", "x")], is_http_request=True
                    ),
                )
            )
            writer.write_record(
                writer.create_warc_record(
                    r["url"],
                    "response",
                    payload=io.BytesIO(payload),
                    http_headers=StatusAndHeaders(status, headers, protocol="HTTP/1.1"),
                    warc_headers_dict={"WARC-Date": r.get("date", "2024-05-23T03:00:00Z")},
                )
            )


KABAR = "https://kabar.example/2024/05/"
WARGA = "https://warga.example/2024/05/"


def kabar_responses() -> list[dict]:
    return [
        {"url": KABAR + "20/banjir/", "body": story_page("banjir"), "gzip": True},
        {
            "url": KABAR + "21/jalan-rusak/",
            "body": story_page("jalan", "2024-05-21T09:00:00+07:00"),
            "gzip": True,
            "chunked": True,
            "headers": [("ETag", '"j-1"'), ("Last-Modified", "Tue, 21 May 2024 02:00:00 GMT")],
            "date": "2024-05-21T03:00:00Z",
        },
        {"url": "https://kabar.example/", "body": HOME},
        {"url": "https://kabar.example/logo.png", "body": b"\x89PNG....", "type": "image/png"},
        {"url": KABAR + "19/hilang/", "body": b"<html>404</html>", "status": "404 Not Found"},
        {
            "url": KABAR + "18/pindah/",
            "status": "301 Moved Permanently",
            "headers": [("Location", "/")],
        },
    ]


def warga_responses() -> list[dict]:
    # The same flood story republished word for word one day later (an exact copy), and a new one.
    return [
        {
            "url": WARGA + "21/banjir-sungai-rengit/",
            "body": story_page("banjir", "2024-05-21T10:00:00+07:00"),
            "date": "2024-05-21T04:00:00Z",
        },
        {
            "url": WARGA + "22/kpu-latih-kpps/",
            "body": story_page("pilkada", "2024-05-22T07:00:00+07:00"),
        },
    ]


@pytest.fixture
def foreign_warcs(tmp_path) -> list[Path]:
    kabar, warga = tmp_path / "kabar.warc.gz", tmp_path / "warga.warc.gz"
    write_foreign_warc(kabar, kabar_responses())
    write_foreign_warc(warga, warga_responses())
    return [kabar, warga]


def rows(path: Path) -> dict[str, dict]:
    with Archive(path, readonly=True) as archive:
        return {
            r["url_key"]: {k: v for k, v in r.items() if k != "id"} for r in archive.iter_articles()
        }


# -- import ------------------------------------------------------------------------------------


def test_import_of_another_crawlers_warc(foreign_warcs, archive_path):
    with Archive(archive_path) as archive:
        kabar = import_warc(archive, [foreign_warcs[0]], site="kabar-contoh")
        warga = import_warc(archive, [foreign_warcs[1]])
    assert (kabar.responses, kabar.new) == (3, 2)
    assert kabar.skipped == {
        "not-html": 1,
        "status-404": 1,
        "status-301": 1,
        "not-article:listing": 1,  # the home page
    }
    assert (warga.new, warga.duplicate) == (1, 1)
    stored = rows(archive_path)
    assert set(stored) == {
        "kabar.example/2024/05/20/banjir",
        "kabar.example/2024/05/21/jalan-rusak",
        "warga.example/2024/05/21/banjir-sungai-rengit",
        "warga.example/2024/05/22/kpu-latih-kpps",
    }
    jalan = stored["kabar.example/2024/05/21/jalan-rusak"]
    assert jalan["site"] == "kabar-contoh"  # a WARC without metadata takes --site
    assert jalan["title"] == STORIES["jalan"][0]
    assert jalan["body"].startswith("Warga Kelurahan Rimba Asam")  # gzip and chunks undone
    assert (jalan["etag"], jalan["fetched_at"]) == ('"j-1"', "2024-05-21T03:00:00+00:00")
    assert jalan["discovered_via"] == "warc"
    banjir = stored["kabar.example/2024/05/20/banjir"]
    assert "Baca juga" not in banjir["body"] and banjir["dateline_place"] == "BANYUASIN"
    copy = stored["warga.example/2024/05/21/banjir-sungai-rengit"]
    assert copy["site"] == "warga.example"
    assert copy["duplicate_of"] == "kabar.example/2024/05/20/banjir"
    with Archive(archive_path, readonly=True) as archive:
        kept = list(archive.raw_pages(archive.raw_page_ids()))
    assert len(kept) == 4
    assert {p["body"] for p in kept} >= {story_page("jalan", "2024-05-21T09:00:00+07:00")}


def test_importing_the_same_file_twice_adds_nothing(foreign_warcs, archive_path):
    with Archive(archive_path) as archive:
        import_warc(archive, foreign_warcs)
    before = rows(archive_path)
    with Archive(archive_path) as archive:
        again = import_warc(archive, foreign_warcs)
        assert archive.conn.execute("SELECT count(*) FROM raw_pages").fetchone()[0] == 4
    assert (again.new, again.updated, again.already_there) == (0, 0, 4)
    assert rows(archive_path) == before


def test_a_later_capture_with_changed_text_becomes_a_revision(tmp_path, archive_path):
    paragraphs = STORIES["jalan"][1]
    edited = [
        paragraphs[0],
        paragraphs[1].replace("tiga pengendara", "lima pengendara"),
        paragraphs[2],
    ]
    path = tmp_path / "two.warc"
    write_foreign_warc(
        path,
        [
            {
                "url": KABAR + "21/jalan-rusak/",
                "body": story_page("jalan"),
                "date": "2024-05-21T03:00:00Z",
            },
            {
                "url": KABAR + "21/jalan-rusak/",
                "body": story_page("jalan", paragraphs=edited),
                "date": "2024-05-22T03:00:00Z",
            },
        ],
    )
    with Archive(archive_path) as archive:
        summary = import_warc(archive, [path])
        revisions = archive.article_revisions("kabar.example/2024/05/21/jalan-rusak")
    assert (summary.new, summary.updated) == (1, 1)
    assert len(revisions) == 1 and "tiga pengendara" in revisions[0]["body"]
    assert revisions[0]["fetched_at"] == "2024-05-21T03:00:00+00:00"


@pytest.mark.parametrize(
    "content",
    [b"", b"this is not a warc file at all\r\n" * 20, b"\x1f\x8b\x08\x00garbage-gzip"],
)
def test_a_file_that_is_not_a_warc_raises_one_error_type(
    tmp_path, archive_path, foreign_warcs, content
):
    bad = tmp_path / "bad.warc.gz"
    bad.write_bytes(content)
    with Archive(archive_path) as archive:
        if content:
            with pytest.raises(WarcError):
                import_warc(archive, [foreign_warcs[0], bad])
        else:
            assert import_warc(archive, [bad]).responses == 0
    # The file before the bad one is committed whole.
    assert len(rows(archive_path)) == (2 if content else 0)


def write_arc(path: Path, pages: list[tuple[str, bytes]]) -> None:
    """An ARC (version 1) file, as the Internet Archive's older crawls wrote them."""
    header = b"1 0 Arsip Contoh\nURL IP-address Archive-date Content-type Archive-length\n"
    records = [
        b"filedesc://%s 127.0.0.1 20240521000000 text/plain %d\n%s"
        % (path.name.encode(), len(header), header)
    ]
    for url, page in pages:
        http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=UTF-8\r\n\r\n" + page
        records.append(
            b"%s 127.0.0.1 20240521073000 text/html %d\n%s" % (url.encode(), len(http), http)
        )
    path.write_bytes(b"\n".join(records) + b"\n")


def test_an_arc_file_is_imported(tmp_path, archive_path):
    arc = tmp_path / "lama.arc"
    write_arc(arc, [(KABAR + "20/banjir/", story_page("banjir")), ("dns:kabar.example", b"")])
    with Archive(archive_path) as archive:
        summary = import_warc(archive, [arc])
    assert (summary.responses, summary.new) == (1, 1)
    assert summary.skipped == {"not-http": 1}
    (row,) = rows(archive_path).values()
    assert row["url"] == KABAR + "20/banjir/" and "Darmawan" in row["body"]
    assert row["fetched_at"].startswith("2024-05-21T07:30:00")


def test_an_html_resource_record_counts_like_a_response(tmp_path, archive_path):
    path = tmp_path / "sumber.warc.gz"
    with open(path, "wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        for url, body, kind in [
            (KABAR + "22/kpu-latih-kpps/", story_page("pilkada"), "text/html"),
            ("https://kabar.example/logo.png", b"\x89PNG....", "image/png"),
            ("file:///rumah/arsip/banjir.html", story_page("banjir"), "text/html"),
        ]:
            writer.write_record(
                writer.create_warc_record(
                    url, "resource", payload=io.BytesIO(body), warc_content_type=kind
                )
            )
    with Archive(archive_path) as archive:
        summary = import_warc(archive, [path])
    assert (summary.responses, summary.new) == (1, 1)
    assert summary.skipped == {"not-html": 1, "not-http": 1}
    assert [r["url"] for r in rows(archive_path).values()] == [KABAR + "22/kpu-latih-kpps/"]


def test_a_file_broken_midway_keeps_what_came_before_and_is_one_line(tmp_path, archive_path):
    whole = tmp_path / "utuh.warc"
    with open(whole, "wb") as fh:
        writer = WARCWriter(fh, gzip=False)
        for name, day in (("banjir", "20"), ("jalan", "21")):
            writer.write_record(
                writer.create_warc_record(
                    KABAR + f"{day}/{name}/",
                    "response",
                    payload=io.BytesIO(story_page(name)),
                    http_headers=StatusAndHeaders(
                        "200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1"
                    ),
                )
            )
    data = whole.read_bytes()
    second = data.index(b"WARC/1", 10)
    broken = tmp_path / "rusak.warc"
    broken.write_bytes(data[:second] + b"<!doctype html> bukan rekaman WARC\r\n" + data[second:])
    with Archive(archive_path) as archive, pytest.raises(WarcError) as caught:
        import_warc(archive, [broken])
    message = str(caught.value)
    assert "\n" not in message and message.startswith(f"{broken} is not a readable WARC file: ")
    assert caught.value.summary is not None and caught.value.summary.new == 1
    assert [r["url"] for r in rows(archive_path).values()] == [KABAR + "20/banjir/"]


# -- export and round trip ---------------------------------------------------------------------


@pytest.fixture
def archive_a(foreign_warcs, archive_path):
    with Archive(archive_path) as archive:
        import_warc(archive, [foreign_warcs[0]], site="kabar-contoh")
        import_warc(archive, [foreign_warcs[1]])
        archive.update_article_fields(
            "kabar.example/2024/05/20/banjir",
            {"province": "Sumatera Selatan", "regency": "Banyuasin"},
        )
    return archive_path


def test_export_writes_request_response_metadata_per_raw_page(archive_a, tmp_path):
    output = tmp_path / "out.warc.gz"
    with Archive(archive_a, readonly=True) as archive:
        summary = export_warc(archive, output)
        digests = dict(archive.conn.execute("SELECT final_url, payload_digest FROM raw_pages"))
    assert (summary.pages, summary.records) == (4, 13)
    assert not (tmp_path / "out.warc.gz.part").exists()
    with open(output, "rb") as fh:
        records = [
            (
                r.rec_type,
                r.rec_headers.get_header("WARC-Target-URI"),
                r.rec_headers.get_header("WARC-Payload-Digest"),
                r.rec_headers.get_header("WARC-Concurrent-To"),
                r.rec_headers.get_header("WARC-Record-ID"),
                r.http_headers.get_header("Content-Encoding") if r.http_headers else None,
                r.content_stream().read(),
            )
            for r in ArchiveIterator(fh, check_digests=True)
        ]
    assert [r[0] for r in records] == ["warcinfo"] + ["request", "response", "metadata"] * 4
    for request, response, metadata in zip(
        records[1::3], records[2::3], records[3::3], strict=True
    ):
        assert request[1] == response[1] == metadata[1]
        assert request[3] == metadata[3] == response[4]  # both point at their response
        assert response[2] == digests[response[1]]  # the digest the archive stored
        assert response[5] is None  # the body is the decoded HTML
        assert response[6].startswith(b"<!DOCTYPE html>")
    banjir_meta = next(r[6] for r in records if r[0] == "metadata" and r[1].endswith("20/banjir/"))
    assert b"warta-site: kabar-contoh" in banjir_meta
    assert b"warta-province: Sumatera Selatan" in banjir_meta


def test_round_trip_export_then_import_into_an_empty_archive(archive_a, tmp_path):
    output = tmp_path / "a.warc.gz"
    with Archive(archive_a, readonly=True) as archive:
        export_warc(archive, output)
    archive_b = tmp_path / "b.db"
    with Archive(archive_b) as archive:
        summary = import_warc(archive, [output])
    # Pages come back in fetch order: the later-fetched but earlier-published original arrives
    # second and takes over, as in a crawl; the rows end up the same.
    assert (summary.new + summary.duplicate, sum(summary.skipped.values())) == (4, 0)
    assert rows(archive_b) == rows(archive_a)


def test_export_filters_by_site_and_fetch_date(archive_a, tmp_path):
    with Archive(archive_a, readonly=True) as archive:
        assert export_warc(archive, tmp_path / "k.warc", site="kabar-contoh").pages == 2
        assert export_warc(archive, tmp_path / "s.warc", since="2024-05-22").pages == 2
        assert export_warc(archive, tmp_path / "n.warc", site="tidak-ada").pages == 0
    with open(tmp_path / "n.warc", "rb") as fh:
        assert [r.rec_type for r in ArchiveIterator(fh)] == ["warcinfo"]


def test_export_to_a_missing_folder_is_one_error(archive_a, tmp_path):
    with Archive(archive_a, readonly=True) as archive, pytest.raises(WarcError):
        export_warc(archive, tmp_path / "no" / "such" / "out.warc.gz")


@pytest.mark.parametrize(
    "iso, expected",
    [
        ("2024-05-21T14:30:00+07:00", "2024-05-21T07:30:00Z"),
        ("2024-05-21T07:30:00+00:00", "2024-05-21T07:30:00Z"),
        ("2024-05-21T07:30:00", "2024-05-21T07:30:00Z"),
    ],
)
def test_warc_dates(iso, expected):
    assert warc.warc_date(iso) == expected
    assert (
        warc.iso_from_warc_date(expected).isoformat()
        == warc.iso_from_warc_date(warc.warc_date(iso)).isoformat()
    )


def test_cli_export_and_import(archive_a, tmp_path):
    runner = CliRunner()
    output = tmp_path / "cli.warc.gz"
    result = runner.invoke(cli, ["export-warc", "--db", str(archive_a), "--output", str(output)])
    assert result.exit_code == 0, result.output
    assert "wrote 4 raw pages (13 records" in result.output
    target = tmp_path / "cli.db"
    result = runner.invoke(cli, ["import-warc", str(output), "--db", str(target)])
    assert result.exit_code == 0, result.output
    assert "4 HTML responses" in result.output
    # import-warc clusters what it stored; cluster the source the same way before comparing.
    clustered = runner.invoke(cli, ["cluster", "--db", str(archive_a)])
    assert clustered.exit_code == 0, clustered.output
    assert "1 clusters holding 2 articles; 2 rows changed" in clustered.output
    assert rows(target) == rows(archive_a)
    missing = runner.invoke(cli, ["import-warc", str(tmp_path / "nope.warc"), "--db", str(target)])
    assert missing.exit_code == 2 and "no such file" in missing.output
    bad_date = runner.invoke(
        cli, ["export-warc", "--db", str(archive_a), "-o", str(output), "--since", "kemarin"]
    )
    assert bad_date.exit_code == 2


# -- end to end: a real crawl of the test portals ----------------------------------------------

from tests.archive.test_history import shared_two_epoch_crawl  # noqa: E402


@pytest.fixture(scope="session")
def two_epoch_crawl(tmp_path_factory):
    """The two-epoch crawl of tests/archive/test_history.py (one crawl per session)."""
    return shared_two_epoch_crawl(tmp_path_factory)


COMPARED = (
    "url", "canonical_url", "site", "title", "body", "authors", "editor", "posted_by",
    "dateline_place", "dateline_outlet", "agency_tag", "related_links", "syndicated_from",
    "published_at", "published_at_source", "modified_at", "language", "tags", "categories",
    "image_url", "word_count", "content_hash", "duplicate_of", "discovered_via", "http_status",
    "fetched_at", "etag", "last_modified", "cluster_id", "is_canonical",
)  # fmt: skip
"""Every field a WARC carries back (the crawl's first/last-seen and takedown times are the
archive's own bookkeeping, not part of any capture)."""


@pytest.mark.e2e
def test_round_trip_of_a_crawled_archive(two_epoch_crawl, tmp_path):
    source = two_epoch_crawl["db"]
    output = tmp_path / "crawl.warc.gz"
    with Archive(source, readonly=True) as archive:
        exported = export_warc(archive, output)
        revisions = archive.conn.execute(
            "SELECT url_key, title, body FROM article_revisions"
        ).fetchall()
    assert exported.pages > 40
    from tests.conftest import run_warta

    imported = run_warta("import-warc", str(output), db=tmp_path / "copy.db")
    assert imported.returncode == 0, imported.stderr[-2000:]
    want = {k: {f: r[f] for f in COMPARED} for k, r in rows(source).items()}
    got = {k: {f: r[f] for f in COMPARED} for k, r in rows(tmp_path / "copy.db").items()}
    assert got == want
    with Archive(tmp_path / "copy.db", readonly=True) as archive:
        assert (
            archive.conn.execute("SELECT url_key, title, body FROM article_revisions").fetchall()
            == revisions
        )


CLAIMLESS_PAGE = (
    "<!DOCTYPE html><html lang='id'><head><meta charset='utf-8'><title>Jembatan Baru Penghubung Dua Desa Dibuka untuk Warga</title>"
    "</head><body><nav><a href='/'>Beranda</a> <a href='/kabar/'>Kabar</a></nav><main>"
    "<h1>Jembatan Baru Penghubung Dua Desa Dibuka untuk Warga</h1>"
    "<p class='tanggal'>Senin, 20 Mei 2024 08:00 WIB</p><div class='isi'>"
    + "".join(
        f"<p>{text}</p>"
        for text in [
            "Jembatan beton sepanjang empat puluh meter yang menghubungkan Desa Sukamaju dan Desa"
            " Mekarsari akhirnya dibuka untuk umum setelah dua tahun pembangunan.",
            "Kepala desa mengatakan warga tidak lagi harus memutar sejauh tujuh kilometer untuk"
            " membawa hasil panen ke pasar kecamatan setiap pekan.",
            "Pemerintah kabupaten berjanji memasang lampu penerangan di kedua ujung jembatan"
            " sebelum akhir tahun agar aman dilalui pada malam hari.",
        ]
    )
    + "</div></main><footer><p>Redaksi contoh.</p></footer></body></html>"
).encode()


def test_a_page_that_claims_nothing_is_judged_by_its_content_as_a_crawl_judges_it(
    tmp_path, archive_path
):
    """No OpenGraph type, no JSON-LD, a URL without a date: one main text block with a headline
    and a date of its own makes it an article, in an import as in a crawl."""
    path = tmp_path / "polos.warc.gz"
    write_foreign_warc(
        path, [{"url": "https://polos.example/kabar/jembatan-baru", "body": CLAIMLESS_PAGE}]
    )
    with Archive(archive_path) as archive:
        summary = import_warc(archive, [path])
    assert summary.new == 1, summary
    (row,) = rows(archive_path).values()
    assert row["title"] == "Jembatan Baru Penghubung Dua Desa Dibuka untuk Warga"
    assert row["published_at"].startswith("2024-05-20T08:00")
