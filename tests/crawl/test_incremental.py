"""Backfill through each channel, cheap second runs, date windows, new articles
— all through the real `warta crawl` against the loopback test portal."""

from __future__ import annotations

import pytest

from crawler.archive.storage import Archive
from crawler.testportal import PortalSpec, serve_portals
from tests.conftest import run_warta

pytestmark = pytest.mark.e2e

LOOPBACK = ["-s", "DOWNLOAD_DELAY=0", "-s", "AUTOTHROTTLE_ENABLED=False"]


def keys(db) -> set[str]:
    with Archive(db, readonly=True) as archive:
        return {r[0] for r in archive.conn.execute("SELECT url_key FROM articles")}


def rows(db) -> dict[str, tuple]:
    with Archive(db, readonly=True) as archive:
        return {
            r[0]: r[1:]
            for r in archive.conn.execute(
                "SELECT url_key, content_hash, title, authors, published_at FROM articles"
            )
        }


@pytest.fixture(scope="module")
def wordpress_portal():
    with serve_portals([PortalSpec(articles=40)]) as (portal,):
        yield portal


@pytest.mark.parametrize(
    "channels",
    ["sitemap", "wp-json", "feed,pagination", "pagination"],
)
def test_backfill_finds_every_article_through_each_channel(wordpress_portal, tmp_path, channels):
    db = tmp_path / "a.db"
    result = run_warta("crawl", wordpress_portal.url, "--channels", channels, *LOOPBACK, db=db)
    assert result.returncode == 0, result.stderr[-2000:]
    assert keys(db) == {t["url_key"] for t in wordpress_portal.truth()}


def test_channel_that_first_found_each_url_is_recorded(wordpress_portal, tmp_path):
    db = tmp_path / "a.db"
    run_warta("crawl", wordpress_portal.url, "--channels", "wp-json", *LOOPBACK, db=db)
    with Archive(db, readonly=True) as archive:
        channels = {
            r[0] for r in archive.conn.execute("SELECT DISTINCT discovered_via FROM articles")
        }
        discovered = archive.conn.execute(
            "SELECT count(*) FROM urls WHERE channel = 'wp-json' AND discovered_at IS NOT NULL"
        ).fetchone()[0]
    assert channels == {"wp-json"}
    assert discovered >= len(wordpress_portal.truth())


def test_rest_api_fields_are_used(wordpress_portal, tmp_path):
    db = tmp_path / "a.db"
    run_warta("crawl", wordpress_portal.url, "--channels", "wp-json", *LOOPBACK, db=db)
    with Archive(db, readonly=True) as archive:
        sources = {
            r[0] for r in archive.conn.execute("SELECT DISTINCT published_at_source FROM articles")
        }
    assert sources == {"api"}
    truth = {t["url_key"]: t for t in wordpress_portal.truth()}
    for key, (_, title, _, published) in rows(db).items():
        assert (title, published) == (truth[key]["title"], truth[key]["published_at"])


def test_blogspot_portal_backfill(tmp_path):
    with serve_portals([PortalSpec(platform="blogspot", articles=30)]) as (portal,):
        db = tmp_path / "a.db"
        result = run_warta("crawl", portal.url, "--channels", "blogspot-feed", *LOOPBACK, db=db)
        assert result.returncode == 0, result.stderr[-2000:]
        assert keys(db) == {t["url_key"] for t in portal.truth()}


def test_second_run_fetches_only_listings_then_finds_the_new_article(tmp_path):
    with serve_portals([PortalSpec(articles=60)]) as (portal,):
        db = tmp_path / "a.db"
        run_warta("crawl", portal.url, *LOOPBACK, db=db)
        first_rows = rows(db)
        log = portal.requests(reset=True)["log"]
        assert [path for path, _ in log].count("/") == 1  # the home page, once (its menu links it)
        second = run_warta("crawl", portal.url, *LOOPBACK, db=db)
        assert second.returncode == 0
        counts = portal.requests()["counts"]
        assert counts.get("article", 0) == 0, counts  # no article page fetched again
        assert counts["total"] < len(first_rows) / 2, counts
        assert rows(db) == first_rows
        # epoch 2 publishes one new article: the next run fetches it and nothing else new
        portal.set_epoch(2)
        portal.requests(reset=True)
        third = run_warta("crawl", portal.url, *LOOPBACK, db=db)
        assert third.returncode == 0
        (added,) = portal.changes(2)["added"]
        from crawler.fingerprints import url_key

        assert url_key(added) in keys(db)
        assert portal.requests()["counts"].get("article", 0) <= 3, (
            "the new one (and the edited one)"
        )


def test_since_until_bounds_hold(wordpress_portal, tmp_path):
    db = tmp_path / "a.db"
    truth = wordpress_portal.truth()
    dates = sorted(t["published_at"][:10] for t in truth)
    since, until = dates[len(dates) // 3], dates[2 * len(dates) // 3]
    result = run_warta(
        "crawl", wordpress_portal.url, "--since", since, "--until", until, *LOOPBACK, db=db
    )
    assert result.returncode == 0, result.stderr[-2000:]
    expected = {t["url_key"] for t in truth if since <= t["published_at"][:10] < until}
    with Archive(db, readonly=True) as archive:
        stored = {
            r[0]: r[1] for r in archive.conn.execute("SELECT url_key, published_at FROM articles")
        }
    assert set(stored) == expected
    assert all(since <= p[:10] < until for p in stored.values())


def test_bad_window_is_a_usage_error(tmp_path):
    result = run_warta("crawl", "http://127.0.0.1:1/", "--since", "2024-05-01", "--until", "2024-01-01",
                       db=tmp_path / "a.db")  # fmt: skip
    assert result.returncode == 2 and "before --until" in result.stderr


def test_a_second_run_of_a_locked_portal_is_skipped(tmp_path):
    from crawler.crawl.runner import portal_lock

    with serve_portals([PortalSpec(articles=3)]) as (portal,):
        db = tmp_path / "a.db"
        site = portal.portal.site_key.replace(":", "_")
        with portal_lock(tmp_path / "state" / site):
            result = run_warta("crawl", portal.url, *LOOPBACK, db=db)
        assert "skipped, another run of this portal holds" in result.stdout
        assert keys(db) == set()
