"""End to end: real `warta crawl`, `reprocess`, `import-warc`, `stats` and `sites show` against
loopback test portals in house styles (chrome no vocabulary lists), into real archives."""

from __future__ import annotations

import json
import urllib.request

import pytest

from crawler.archive import Archive
from crawler.article import article_record, extract_article
from crawler.profiles import MIN_PAGES
from crawler.testportal import PortalSpec, serve_portals
from crawler.testportal.house import house_leaks, house_styles
from tests.conftest import run_warta

pytestmark = pytest.mark.e2e

LOOPBACK = ["-s", "DOWNLOAD_DELAY=0", "-s", "AUTOTHROTTLE_ENABLED=False"]
COMPARED = ("title", "body", "authors", "dateline_place", "dateline_outlet", "agency_tag")


def plain_records(portal) -> dict[str, dict]:
    """What the shared grammar alone (today's cleaning, no profile) makes of each article page."""
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))  # loopback only
    records = {}
    for truth in portal.truth():
        with opener.open(truth["url"], timeout=30) as response:
            record = article_record(extract_article(response.read(), truth["url"]))
        records[truth["url_key"]] = {k: record[k] for k in COMPARED}
    return records


def stored_records(db) -> dict[str, dict]:
    with Archive(db, readonly=True) as archive:
        return {r["url_key"]: {k: r[k] for k in COMPARED} for r in archive.iter_articles()}


LARGE = PortalSpec(name="large", articles=50, showcase=False, house=13, theme="jnews")
SMALL = PortalSpec(name="small", articles=12, showcase=False, house=14, theme="plain")


def leaks(db, portal) -> int:
    """Articles of a served portal whose archived row still holds some of its house chrome."""
    truth = {t["url_key"]: t for t in portal.truth()}
    styles = house_styles(portal.spec.house, portal.spec.redesign)
    with Archive(db, readonly=True) as archive:
        rows = [r for r in archive.iter_articles() if r["url_key"] in truth]
    assert len(rows) == len(truth)
    return sum(bool(house_leaks(row, truth[row["url_key"]], styles)) for row in rows)


@pytest.fixture(scope="module")
def crawled(tmp_path_factory):
    """Both portals crawled with the backfill off (what a crawl stores as it learns), then the
    archive reprocessed; another archive crawled with the defaults; the first exported to WARC
    and imported into an empty archive."""
    folder = tmp_path_factory.mktemp("profiles")
    db, fresh, imported = folder / "a.db", folder / "b.db", folder / "imported.db"
    with serve_portals([LARGE, SMALL]) as portals:
        urls = [p.url for p in portals]
        crawl = run_warta("crawl", *urls, *LOOPBACK, "-s", "WARTA_PROFILE_BACKFILL=False", db=db)
        assert crawl.returncode == 0, crawl.stderr[-3000:]
        after_crawl = {p.name: leaks(db, p) for p in portals}
        stored = stored_records(db)
        plain = {p.name: plain_records(p) for p in portals}
        reprocessed = run_warta("reprocess", "--json", db=db)
        assert reprocessed.returncode == 0, reprocessed.stderr[-3000:]
        after_reprocess = {p.name: leaks(db, p) for p in portals}
        default = run_warta("crawl", *urls, *LOOPBACK, db=fresh)
        assert default.returncode == 0, default.stderr[-3000:]
        exported = run_warta("export-warc", "--output", str(folder / "a.warc.gz"), db=db)
        assert exported.returncode == 0, exported.stderr[-3000:]
        imported_run = run_warta("import-warc", str(folder / "a.warc.gz"), db=imported)
        assert imported_run.returncode == 0, imported_run.stderr[-3000:]
        yield {
            "portals": {p.name: p for p in portals},
            "db": db,
            "fresh": fresh,
            "imported": imported,
            "after_crawl": after_crawl,
            "stored_after_crawl": stored,
            "plain": plain,
            "after_reprocess": after_reprocess,
            "reprocess": json.loads(reprocessed.stdout),
            "default": {p.name: leaks(fresh, p) for p in portals},
            "after_import": {p.name: leaks(imported, p) for p in portals},
        }


def site_of(crawled, name: str) -> str:
    return crawled["portals"][name].portal.site_key


def test_a_crawl_learns_after_twenty_pages_and_cleans_the_rest_with_the_profile(crawled):
    assert crawled["after_crawl"]["large"] == MIN_PAGES  # the pages stored before it was learned
    with Archive(crawled["db"], readonly=True) as archive:
        (row,) = archive.profiles()
        runs = archive.runs()
    assert (row["site"], row["version"], row["pages"]) == (site_of(crawled, "large"), 1, 20)
    stats = json.loads(next(r for r in runs if r["site"] == row["site"])["stats"])
    assert stats["warta/profiles/learned"] == 1
    # every later article page is read by the container the portal's good pages were read by
    assert row["profile"]["container"] == "theme:jnews"
    assert stats["warta/profiles/container-read"] == LARGE.articles - MIN_PAGES
    # the teaser naming another story's reporter is a slot learned to name other people: skipped
    style = house_styles(LARGE.house)[0]
    assert row["profile"]["byline_skip"] == sorted(
        [f"div.{style.teaser_class}", f"div.{style.byline_class}"]
    )
    assert row["profile"]["byline"] == "div.jnews_author_box_container"
    assert stats["warta/profiles/byline-read"] > 0


def test_reprocess_applies_the_profile_to_the_pages_stored_before_it(crawled):
    assert crawled["after_reprocess"]["large"] == 0
    assert crawled["reprocess"]["updated"] == MIN_PAGES
    with Archive(crawled["db"], readonly=True) as archive:
        (row,) = archive.profiles()
    assert row["backfilled_at"] is not None


def test_a_crawl_backfills_by_itself(crawled):
    assert crawled["default"]["large"] == 0


def test_the_pages_before_learning_are_cleaned_as_today(crawled):
    stored, plain = crawled["stored_after_crawl"], crawled["plain"]["large"]
    as_today = [key for key in plain if stored[key] == plain[key]]
    assert len(as_today) == MIN_PAGES  # the rest were cleaned with the profile: no chrome left


def test_a_portal_too_small_to_learn_from_is_cleaned_as_today(crawled):
    small = crawled["portals"]["small"]
    assert crawled["after_crawl"]["small"] == len(small.truth())  # nothing learned to remove
    plain = crawled["plain"]["small"]
    assert {key: crawled["stored_after_crawl"][key] for key in plain} == plain
    with Archive(crawled["fresh"], readonly=True) as archive:
        assert archive.profiles(site=site_of(crawled, "small")) == []


def test_import_warc_learns_each_portal_from_its_own_pages(crawled):
    assert crawled["after_import"] == {
        "large": 0,
        "small": len(crawled["portals"]["small"].truth()),
    }
    with Archive(crawled["imported"], readonly=True) as archive:
        assert [r["site"] for r in archive.profiles()] == [site_of(crawled, "large")]


def test_stats_and_sites_show_say_what_was_learned(crawled):
    site = site_of(crawled, "large")
    stats = run_warta("stats", db=crawled["db"])
    assert stats.returncode == 0, stats.stderr
    line = next(x for x in stats.stdout.splitlines() if x.startswith(site))
    assert line.rstrip().endswith("v1, 20 pages")
    small = next(x for x in stats.stdout.splitlines() if x.startswith(site_of(crawled, "small")))
    assert small.rstrip().endswith("none yet")
    data = json.loads(run_warta("stats", "--json", db=crawled["db"]).stdout)
    assert {d["site"]: (d["profile"] or {}).get("version") for d in data}[site] == 1
    shown = run_warta("sites", "show", site, db=crawled["db"])
    assert shown.returncode == 0, shown.stderr
    style = house_styles(LARGE.house)[0]
    assert "profile v1 (learned)" in shown.stdout
    for promo in style.promos:
        assert f"line: {promo}" in shown.stdout
    assert "dateline outlet" in shown.stdout and style.outlet in shown.stdout
    assert "byline slot: div.jnews_author_box_container" in shown.stdout
    assert f"byline slot naming other people (not read): div.{style.teaser_class}" in shown.stdout
    none = run_warta("sites", "show", site_of(crawled, "small"), db=crawled["db"])
    assert "no profile learned yet" in none.stdout


def test_a_redesigned_portal_is_relearned_and_stats_says_so(tmp_path):
    spec = PortalSpec(articles=80, showcase=False, house=21, redesign=22, theme="plain")
    db = tmp_path / "redesign.db"
    with serve_portals([spec]) as (portal,):
        crawl = run_warta("crawl", portal.url, *LOOPBACK, db=db)
        assert crawl.returncode == 0, crawl.stderr[-3000:]
        assert leaks(db, portal) == 0  # both layouts' chrome gone after the crawl's backfill
        site = portal.portal.site_key
    with Archive(db, readonly=True) as archive:
        history = archive.profiles(site=site, history=True)
    assert [row["reason"] for row in history][:2] == ["learned", "layout-changed"]
    stats = run_warta("stats", db=db)
    line = next(x for x in stats.stdout.splitlines() if x.startswith(site))
    assert "re-learned: the layout changed" in line
    shown = run_warta("sites", "show", site, db=db).stdout
    assert "profile v2 (re-learned: the layout changed)" in shown
