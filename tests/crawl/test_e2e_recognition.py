"""End to end: a portal whose URLs do not say what a page is (the `postname` test theme: short slugs
under sections, at the root, `?p=ID`, `/read/ID`, listings of the same shapes, posts without any
markup, faults among them), crawled by the real `warta crawl` through each channel alone."""

from __future__ import annotations

import json
import unicodedata
from collections import Counter

import pytest

from crawler.archive.sqlite import sqlite3  # the SQLite library the archive uses
from crawler.archive.storage import Archive
from crawler.discovery.links import classify_url
from crawler.fingerprints import url_key
from crawler.testportal import PortalSpec, serve_portals
from crawler.testportal.postname import FAULTS, PICK_PATH, POPULAR_PATH, Postname, is_bare
from tests.conftest import run_warta

pytestmark = pytest.mark.e2e

LOOPBACK = ["-s", "DOWNLOAD_DELAY=0", "-s", "AUTOTHROTTLE_ENABLED=False",
            "-s", "WARTA_RETRY_BACKOFF_BASE=0"]  # fmt: skip
GENERATED = 30  # on top of the 30 showcase articles: every permalink shape several times
CHANNELS = ("sitemap", "feed", "pagination")
FIELDS = ["title", "body", "authors", "editor", "posted_by", "dateline_place", "dateline_outlet",
          "agency_tag", "published_at", "related_links", "language"]  # fmt: skip
LISTINGS = ("/berita/", "/news/", "/daerah/", PICK_PATH, POPULAR_PATH)
"""Listing pages whose URL has the shape of a post: fetched as candidates, judged, not stored."""


def fold(value):
    """Names and places compare with case and Unicode width folded, as the dev-set gold does."""
    if isinstance(value, list):
        return [fold(v) for v in value]
    if isinstance(value, str):
        return unicodedata.normalize("NFKC", value).casefold()
    return value


def crawl(portal, db, *args):
    portal.requests(reset=True)
    result = run_warta("crawl", portal.url, *args, *LOOPBACK, db=db)
    assert result.returncode == 0, result.stderr[-3000:]
    assert "Traceback" not in result.stderr
    return portal.requests(reset=True)


@pytest.fixture(scope="module")
def portal():
    with serve_portals([PortalSpec(theme="postname", articles=GENERATED)]) as (served,):
        yield served


@pytest.fixture(scope="module")
def by_channel(portal, tmp_path_factory):
    """Each channel alone, into an archive of its own: {channel: (archive path, request log)}."""
    runs = {}
    for channel in CHANNELS:
        db = tmp_path_factory.mktemp(channel) / "archive.db"
        runs[channel] = (db, crawl(portal, db, "--channels", channel))
    return runs


def stored_keys(db) -> set[str]:
    with Archive(db, readonly=True) as archive:
        return {r[0] for r in archive.conn.execute("SELECT url_key FROM articles")}


def test_the_portal_hides_what_its_pages_are_behind_their_urls(portal):
    shapes = Counter(classify_url(t["url"]) for t in portal.truth())
    assert shapes["page"] >= 30 and shapes["article"] >= 10, shapes  # short slugs; ?p= and /read/
    assert {classify_url(portal.portal.url(path)) for path in LISTINGS} == {"page"}
    assert sum(is_bare(a) for a in portal.portal.state(1).articles) >= 5


@pytest.mark.parametrize("channel", CHANNELS)
def test_every_article_is_stored_through_each_channel_alone(portal, by_channel, channel):
    db, _ = by_channel[channel]
    truth = {t["url_key"] for t in portal.truth()}
    stored = stored_keys(db)
    assert truth - stored == set(), f"{len(truth - stored)} of {len(truth)} articles missed"
    assert stored - truth == set(), "a listing, fault or static page was stored as an article"


@pytest.mark.parametrize("channel", CHANNELS)
def test_no_article_page_is_fetched_twice(portal, by_channel, channel):
    _, log = by_channel[channel]
    truth = {t["url_key"] for t in portal.truth()}
    fetched = Counter(url_key(portal.url + target) for target, _ in log["log"])
    twice = {key: n for key, n in fetched.items() if key in truth and n > 1}
    assert not twice
    later = [url for a in portal.portal.split_articles() for url in portal.portal.page_urls(a)[1:]]
    assert later, "the portal splits articles over pages"
    # and the empty-body gallery post, and each later page of a split article once
    assert log["counts"]["article"] == len(truth) + 1 + len(later)
    assert all(fetched[url_key(url)] == 1 for url in later)


@pytest.mark.parametrize("channel", CHANNELS)
def test_an_old_address_of_a_post_this_run_fetches_is_not_followed(portal, by_channel, channel):
    db, _ = by_channel[channel]
    moved = Postname(portal.portal).moved(portal.portal.state(1))
    assert moved, "the theme lists an old address"
    with Archive(db, readonly=True) as archive:
        for path, article in moved.items():
            old = archive.url_state(url_key(portal.url + path))
            assert old is not None and old["outcome"] == "redirected", old
            assert url_key(portal.portal.article_url(article)) in stored_keys(db)
        (run,) = archive.runs()
    assert json.loads(run["stats"]).get("warta/skipped/redirect-to-queued") == len(moved)


@pytest.mark.parametrize("channel", CHANNELS)
def test_stored_articles_are_clean(portal, by_channel, channel):
    db, _ = by_channel[channel]
    wrong = []
    with Archive(db, readonly=True) as archive:
        for truth in portal.truth():
            row = archive.get_article(truth["url_key"])
            wrong += [
                f"{truth['url']} {name}: {row[name]!r} != {truth[name]!r}"
                for name in FIELDS
                if fold(row[name]) != fold(truth[name])
            ]
    assert not wrong, "\n".join(wrong[:5])


def test_listings_shaped_like_posts_are_judged_and_dropped_with_their_reason(portal, by_channel):
    db, log = by_channel["pagination"]
    fetched = {target for target, _ in log["log"]}
    assert set(LISTINGS) <= fetched  # found among the home page's links
    with Archive(db, readonly=True) as archive:
        outcomes = {
            path: archive.url_state(url_key(portal.url + path))["outcome"] for path in LISTINGS
        }
        (run,) = archive.runs(limit=1)
    judged = {path: outcome for path, outcome in outcomes.items() if path != "/daerah/"}
    assert set(judged.values()) == {"dropped:listing"}, outcomes
    assert json.loads(run["drops"]).get("listing", 0) >= len(judged)
    # the bare index says nothing either way: not stored (its body is a list of titles) ...
    assert outcomes["/daerah/"].startswith("dropped:")
    # ... and, like a section front judged a listing, walked as a category is
    assert {"/berita/page/2/", "/daerah/page/2/"} <= fetched


def test_faults_leave_no_row_and_are_counted(portal, by_channel):
    db, log = by_channel["sitemap"]
    fetched = {target for target, _ in log["log"]}
    assert set(FAULTS) <= fetched
    with Archive(db, readonly=True) as archive:
        urls = {r[0] for r in archive.conn.execute("SELECT url FROM articles")}
        (run,) = archive.runs(limit=1)
    assert not {portal.url + path for path in FAULTS} & urls
    errors, drops = json.loads(run["errors"]), json.loads(run["drops"])
    assert errors.get("http_500") == 1 and errors.get("http_404") == 1
    assert drops.get("empty-body", 0) >= 2  # the empty 200 and the gallery post
    assert drops.get("short-body", 0) + drops.get("not-article", 0) >= 1  # the soft 404


def test_a_second_run_fetches_no_article_page(portal, tmp_path):
    db = tmp_path / "archive.db"
    crawl(portal, db)
    first = stored_keys(db)
    assert first == {t["url_key"] for t in portal.truth()}
    counts = crawl(portal, db)["counts"]
    assert counts.get("article", 0) == 0, counts
    assert stored_keys(db) == first
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT count(*) FROM article_revisions").fetchone() == (0,)
