"""The profile book of an archive: too few pages learn nothing, 20 learn a profile kept in
archive.db, a redesign is re-learned, and reprocess / backfill apply profiles to stored rows."""

from __future__ import annotations

import pytest

from crawler.archive import Archive
from crawler.archive.reprocess import backfill_profiles, reprocess
from crawler.article import build_article
from crawler.crawl.pipelines import store_article
from crawler.profiles import MIN_PAGES, ProfileBook
from crawler.testportal import PortalSpec
from crawler.testportal.house import house_leaks, house_styles
from tests.profiles.pages import pages

SITE = "127.0.0.1"  # the site name of an unserved test portal (`portal_key` of its base URL)
HOUSE = PortalSpec(articles=40, showcase=False, house=8, theme="jnews")


def store(archive: Archive, page, profile=None) -> None:
    """Archive one page as the crawl would (read and cleaned as the profile says, raw kept)."""
    item = build_article(page.raw if profile is None else page.read(profile), profile=profile)
    item.raw_body, item.raw_headers = page.html, {"Content-Type": "text/html; charset=UTF-8"}
    item.fetched_at = "2024-06-01T03:00:00+00:00"
    store_article(archive, item, keep_raw=True)


def leaking(archive: Archive, spec: PortalSpec) -> int:
    truth = {page.truth["url_key"]: page.truth for page in pages(spec)}
    styles = house_styles(spec.house or 0, spec.redesign)
    return sum(
        bool(house_leaks(row, truth[row["url_key"]], styles)) for row in archive.iter_articles()
    )


def test_a_portal_with_too_few_pages_keeps_the_shared_grammar(archive_path):
    served = pages(HOUSE)
    with Archive(archive_path) as archive:
        book = ProfileBook(archive)
        for page in served[: MIN_PAGES - 1]:
            assert book.observe(SITE, page.observe()) is None
        assert book.profile_for(SITE) is None and archive.profiles() == []
        change = book.observe(SITE, served[MIN_PAGES - 1].observe())
    assert change is not None and (change.version, change.reason) == (1, "learned")
    with Archive(archive_path, readonly=True) as archive:
        (row,) = archive.profiles()
    assert (row["site"], row["version"], row["pages"], row["reason"]) == (SITE, 1, 20, "learned")
    assert row["learned_at"] and row["backfilled_at"] is None
    assert row["profile"]["lines"], "the house's promotion line and widgets repeat"


def test_a_stored_profile_is_read_back_and_waits_for_its_backfill(archive_path):
    served = pages(HOUSE)
    with Archive(archive_path) as archive:
        book = ProfileBook(archive)
        for page in served[:MIN_PAGES]:
            book.observe(SITE, page.observe())
        learned = book.profile_for(SITE)
    with Archive(archive_path) as archive:
        again = ProfileBook(archive)
        assert again.profile_for(SITE).feature_keys() == learned.feature_keys()
        assert again.pending_backfills() == [SITE]
        again.mark_backfilled(SITE)
        assert ProfileBook(archive).pending_backfills() == []


def test_a_book_seeds_its_window_from_the_pages_already_stored(archive_path):
    served = pages(HOUSE)
    with Archive(archive_path) as archive:
        for page in served[1:MIN_PAGES]:  # an earlier run stored 19 articles
            store(archive, page)
        archive.commit()
        book = ProfileBook(archive)  # this run sees one more
        change = book.observe(SITE, served[0].observe())
    assert change is not None and change.profile.pages == MIN_PAGES


def test_a_redesign_is_relearned_and_the_new_version_keeps_the_old_chrome(archive_path):
    spec = PortalSpec(articles=80, showcase=False, house=21, redesign=22, theme="plain")
    served = pages(spec)
    old, new = served[40:][::-1], served[:40][::-1]  # the portal's pages in publication order
    with Archive(archive_path) as archive:
        book = ProfileBook(archive)
        changes = [book.observe(SITE, page.observe()) for page in [*old, *new]]
        changes = [c for c in changes if c is not None]
        history = archive.profiles(site=SITE, history=True)
    assert [(c.version, c.reason) for c in changes][:2] == [(1, "learned"), (2, "layout-changed")]
    assert [row["reason"] for row in history][:2] == ["learned", "layout-changed"]
    first, latest = changes[0].profile, changes[-1].profile
    assert first.feature_keys() < latest.feature_keys()
    styles = house_styles(21, 22)
    for page in served:
        assert house_leaks(page.record(latest), page.truth, styles) == [], page.url


def test_reprocess_learns_the_profile_of_an_old_archive_and_applies_it(archive_path):
    with Archive(archive_path) as archive:
        for page in pages(HOUSE):  # crawled before profiles existed
            store(archive, page)
        archive.commit()
        assert leaking(archive, HOUSE) == len(pages(HOUSE))
        summary = reprocess(archive, recluster=False)
        assert summary.profiles_learned == [SITE]
        assert summary.updated == len(pages(HOUSE))
        assert leaking(archive, HOUSE) == 0
        assert reprocess(archive, recluster=False).updated == 0  # nothing left to change
        (row,) = archive.profiles()
    assert row["backfilled_at"] is not None and row["pages"] == len(pages(HOUSE))


@pytest.mark.parametrize("learned_after", [MIN_PAGES])
def test_backfill_re_cleans_only_the_rows_stored_before_the_profile(archive_path, learned_after):
    served = pages(HOUSE)
    with Archive(archive_path) as archive:
        book = ProfileBook(archive)
        for page in served:  # what a crawl does: clean with the profile once there is one
            store(archive, page, profile=book.profile_for(SITE))
            book.observe(SITE, page.observe())
        archive.commit()
        assert leaking(archive, HOUSE) == learned_after
        assert book.pending_backfills() == [SITE]
        done = backfill_profiles(archive, book)
        assert done[SITE].pages == learned_after and done[SITE].updated == learned_after
        assert leaking(archive, HOUSE) == 0
        assert book.pending_backfills() == [] and backfill_profiles(archive, book) == {}
