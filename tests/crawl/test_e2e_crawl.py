"""End to end: the real `warta crawl` (Scrapy) against the loopback test portals into a real archive.db."""

from __future__ import annotations

import json
import re
import unicodedata

import pytest

from crawler.archive.sqlite import sqlite3  # the SQLite library the archive uses
from crawler.archive.storage import Archive
from crawler.research.search import search
from crawler.testportal import PortalSpec, serve_portals
from tests.conftest import run_warta

pytestmark = pytest.mark.e2e

LOOPBACK = ["-s", "DOWNLOAD_DELAY=0", "-s", "AUTOTHROTTLE_ENABLED=False"]
GENERATED = 20  # generated articles on top of the showcase: every convention plus ordinary stories


def fold(value):
    """Compare names and places with case and Unicode width folded, as the dev-set gold does."""
    if isinstance(value, list):
        return sorted(fold(v) for v in value)
    if isinstance(value, str):
        return unicodedata.normalize("NFKC", value).casefold()
    return value


@pytest.fixture(scope="module")
def crawled(tmp_path_factory):
    """Both portals crawled once, then crawled again; yields (portals, archive path, runs)."""
    db = tmp_path_factory.mktemp("e2e") / "archive.db"
    specs = [
        PortalSpec(name="main", articles=GENERATED),
        PortalSpec(name="second", second_portal=True),
    ]
    with serve_portals(specs) as portals:
        first = run_warta("crawl", *[p.url for p in portals], *LOOPBACK, db=db)
        assert first.returncode == 0, first.stderr[-3000:]
        with Archive(db, readonly=True) as archive:
            rows_after_first = archive.count_articles()
        second = run_warta("crawl", *[p.url for p in portals], *LOOPBACK, db=db)
        assert second.returncode == 0, second.stderr[-3000:]
        yield {
            "portals": portals,
            "db": db,
            "first": first,
            "second": second,
            "rows_after_first": rows_after_first,
            "truth": [t for p in portals for t in p.truth()],
        }


def stored(crawled, key):
    with Archive(crawled["db"], readonly=True) as archive:
        return archive.get_article(key)


def test_every_truth_article_is_stored(crawled):
    with Archive(crawled["db"], readonly=True) as archive:
        keys = {r[0] for r in archive.conn.execute("SELECT url_key FROM articles")}
    assert {t["url_key"] for t in crawled["truth"]} <= keys
    assert len(keys) == len(crawled["truth"]), "no page that is not an article may be stored"


EXACT_FIELDS = [
    "title",
    "body",
    "editor",
    "agency_tag",
    "published_at",
    "duplicate_of",
    "syndicated_from",
    "language",
]
FOLDED_FIELDS = ["authors", "dateline_place", "dateline_outlet"]


@pytest.mark.parametrize("field", EXACT_FIELDS + FOLDED_FIELDS)
def test_stored_fields_match_what_the_portal_served(crawled, field):
    wrong = []
    for truth in crawled["truth"]:
        row = stored(crawled, truth["url_key"])
        got, want = row[field], truth[field]
        if field in FOLDED_FIELDS:
            got, want = fold(got), fold(want)
        if got != want:
            wrong.append(f"{truth['url']}\n  got  {got!r}\n  want {want!r}")
    assert not wrong, f"{len(wrong)} of {len(crawled['truth'])} articles wrong:\n" + "\n".join(
        wrong[:5]
    )


BOILERPLATE = [
    "Baca Juga",
    "BACA JUGA",
    "Editor",
    "Penulis",
    "admin",
    "Google News",
    "ADVERTISEMENT",
    "Bagikan",
    "Komentar",
    "Tags:",
    "Leave a Reply",
    "Artikel ini telah tayang",
]
SHORT_LINE = 200  # boilerplate blocks are one short line; story paragraphs may mention the words


def leaks_boilerplate(paragraph: str) -> bool:
    """A paragraph that opens with a boilerplate marker, or a short line holding one as a word."""
    for marker in BOILERPLATE:
        if paragraph.startswith(marker):
            return True
        if len(paragraph) < SHORT_LINE and re.search(
            rf"(^|\W){re.escape(marker)}($|\W)", paragraph
        ):
            return True
    return False


def test_bodies_carry_no_boilerplate(crawled):
    with Archive(crawled["db"], readonly=True) as archive:
        bodies = [r[0] for r in archive.conn.execute("SELECT body FROM articles")]
    leaks = [p[:80] for body in bodies for p in body.split("\n\n") if leaks_boilerplate(p)]
    assert not leaks


def test_syndicated_copy_is_linked_to_the_original(crawled):
    _main, second = crawled["portals"]
    copies = [t for t in second.truth() if t["duplicate_of"]]
    assert copies, "the second portal republishes one article"
    for copy in copies:
        row = stored(crawled, copy["url_key"])
        assert row["duplicate_of"] == copy["duplicate_of"]
        original = stored(crawled, copy["duplicate_of"])
        assert original["duplicate_of"] is None
        assert original["content_hash"] == row["content_hash"]


def test_second_crawl_adds_no_rows(crawled):
    with Archive(crawled["db"], readonly=True) as archive:
        assert archive.count_articles() == crawled["rows_after_first"]
        runs = archive.runs(limit=4)
    second_runs = runs[:2]
    assert all(r["articles_new"] == 0 and r["articles_duplicate"] == 0 for r in second_runs)
    # nothing changed, so nothing went to the revisions table either
    with sqlite3.connect(crawled["db"]) as conn:
        assert conn.execute("SELECT count(*) FROM article_revisions").fetchone() == (0,)


def test_fts_finds_articles_by_words_of_their_bodies(crawled):
    with Archive(crawled["db"], readonly=True) as archive:
        for truth in crawled["truth"][:10]:
            words = [w for w in truth["body"].split() if w.isalpha() and len(w) > 6][:3]
            query = " ".join(f'"{w}"' for w in words)
            urls = {h.url for h in search(archive, query, limit=50)}
            assert truth["url"] in urls or truth["canonical_url"] in urls, query


def test_every_dateline_is_coded_to_its_regency(crawled):
    """The crawl codes where each story happened: the test portal's datelines name regencies."""
    from crawler.places import find_mentions

    checked = 0
    for truth in crawled["truth"]:
        row = stored(crawled, truth["url_key"]) if truth.get("dateline_place") else None
        if row is None:
            continue
        place = truth["dateline_place"]  # a regency or a seat (`Indralaya`)
        wanted = {e.code[:5] for m in find_mentions(place, "dateline") for e in m.entries}
        assert row["story_regency_code"] in wanted, (truth["dateline_place"], row["story_places"])
        checked += 1
    assert checked >= 10


def test_crawl_runs_record_drops_by_reason(crawled):
    with Archive(crawled["db"], readonly=True) as archive:
        runs = archive.runs(limit=4)[2:]  # the first crawl of both portals
    drops = {}
    for run in runs:
        for reason, n in json.loads(run["drops"]).items():
            drops[reason] = drops.get(reason, 0) + n
        assert run["finish_reason"] == "finished"
        assert run["pages_fetched"] > 0
    assert (
        drops.get("not-article", 0) >= 4
    )  # about, editorial board, contact, media guideline pages
    assert drops.get("empty-body", 0) + drops.get("short-body", 0) >= 1


def test_crawl_output_is_a_summary_not_a_traceback(crawled):
    for run in (crawled["first"], crawled["second"]):
        assert "Traceback" not in run.stderr
        assert "pages" in run.stdout and "new" in run.stdout


def test_unreachable_portal_is_a_clear_error(tmp_path):
    # Port 1 on loopback: nothing listens there, the connection is refused at once.
    result = run_warta("crawl", "http://127.0.0.1:1/", *LOOPBACK, db=tmp_path / "a.db", timeout=120)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "no page could be fetched" in result.stderr
    with Archive(tmp_path / "a.db", readonly=True) as archive:
        (run,) = archive.runs()
        assert run["pages_fetched"] == 0 and "connection-refused" in run["errors"]
