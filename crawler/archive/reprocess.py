"""Re-extraction without re-crawling: stored raw pages through today's extraction and cleaning."""

from __future__ import annotations

import itertools
import logging
import multiprocessing
import signal
import sys
import time
from collections import Counter
from collections.abc import Collection, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from crawler import settings
from crawler.archive.neardup import iso_instant
from crawler.article import build_article, why_not_article
from crawler.clean.profile import PortalProfile
from crawler.discovery.pages import recognise_page
from crawler.extract import extract_page
from crawler.extract.parts import join_pages
from crawler.items import LIST_FIELDS, ArticleItem, article_columns
from crawler.places import home_codes, locate
from crawler.profiles import ProfileBook, book_for, reading_rules

logger = logging.getLogger(__name__)

DEFAULT_MIN_BODY_CHARS = settings.WARTA_MIN_BODY_CHARS  # the crawl's own validation
COMMIT_EVERY = settings.WARTA_BATCH_SIZE  # rows per write transaction, as the crawl
POOL_CHUNK = 8  # pages per task sent to a worker: amortises pickling without starving a worker
POOL_MIN_PAGES = 500
"""Fewer pages are re-extracted in this process: starting the worker processes (a clean server
process importing the extraction stack, 2-5 s here) costs more than a second core saves."""
POOL_BATCH = 64  # pages read per round: 8 chunks, enough to keep two workers busy while writing

EXTRACTED_FIELDS = (
    "url",
    "canonical_url",
    "title",
    "body",
    "authors",
    "editor",
    "posted_by",
    "dateline_place",
    "dateline_outlet",
    "agency_tag",
    "related_links",
    "syndicated_from",
    "published_at",
    "published_at_source",
    "modified_at",
    "modified_at_source",
    "language",
    "tags",
    "categories",
    "image_url",
    "word_count",
    "content_hash",
)
"""Fields that extraction and cleaning produce: the only ones a reprocess may change. Identity
(`url_key`), crawl facts (fetch time, status, discovery channel) and history stay as they are."""


@dataclass
class ReprocessSummary:
    """What one reprocess pass did."""

    pages: int = 0
    updated: int = 0
    unchanged: int = 0
    kept_invalid: int = 0
    """Pages whose re-extraction no longer makes an article: the stored row is kept as it was."""
    unreadable: int = 0
    """Raw pages that could not be decompressed or have no article row."""
    relinked: int = 0
    """Rows whose exact-copy link (`duplicate_of`) changed because bodies changed."""
    changed_fields: Counter = field(default_factory=Counter)
    seconds: float = 0.0
    clustering: Any = None
    """The ClusterSummary of the re-clustering that followed (None when no body changed)."""
    places_checked: int = 0
    """Articles whose story location was recomputed from their stored fields."""
    places_changed: int = 0
    """Of those, articles whose story-location fields changed (filled for the first time, or
    read differently by today's gazetteer and locator)."""
    profiles_learned: list[str] = field(default_factory=list)
    """Portals whose profile this pass learned from their stored pages first."""

    @property
    def pages_per_second(self) -> float:
        """Throughput of the whole pass."""
        return self.pages / self.seconds if self.seconds else 0.0


def _stored(value: Any, name: str) -> Any:
    if name in LIST_FIELDS:
        return list(value or [])
    return value


def changed_fields(old: Mapping[str, Any], new: Mapping[str, Any]) -> dict[str, Any]:
    """The extracted fields whose new value differs from the stored one."""
    return {
        name: new[name]
        for name in EXTRACTED_FIELDS
        if _stored(old.get(name), name) != _stored(new.get(name), name)
    }


def reextract(
    page: Mapping[str, Any],
    article: Mapping[str, Any],
    *,
    extra_phrases: Sequence[str] = (),
    min_body_chars: int = DEFAULT_MIN_BODY_CHARS,
    profile: PortalProfile | None = None,
) -> tuple[dict[str, Any] | None, str | None]:
    """Run extraction and cleaning on one stored raw page, starting from its stored article row
    (with the portal's learned `profile`, when it has one).

    Returns `(fields, None)` with the new extracted fields, or `(None, reason)` when the page no
    longer makes an archivable article. Pure: reads nothing but its arguments (so it runs in a
    worker process). A date the discovery channel gave stays when the page itself has none.
    """
    try:
        fetched_at = datetime.fromisoformat(page["fetched_at"]) if page.get("fetched_at") else None
    except ValueError:
        fetched_at = None
    try:
        raw = _read(page, fetched_at, profile)
        url, channel = page["final_url"] or page["url"], article.get("discovered_via")
        recognise_page(raw, page["body"], url, channel=channel)  # as the crawl did
        if len(raw.page_urls) > 1:  # a split article: its later pages as the crawl stored them
            join_pages(raw, [_read(part, fetched_at, profile) for part in page.get("parts", ())])
        item = ArticleItem(**{k: article[k] for k in article_columns() if k in article})
        build_article(raw, item=item, extra_phrases=extra_phrases, profile=profile)
    except Exception as exc:  # one broken page must not stop a reprocess of the whole archive
        logger.warning("re-extraction of %s failed: %s", page.get("final_url"), exc)
        return None, "error"
    reason = why_not_article(item, min_body_chars=min_body_chars)
    if reason:
        return None, reason
    return {name: getattr(item, name) for name in EXTRACTED_FIELDS}, None


def _read(page: Mapping[str, Any], fetched_at: datetime | None, profile: PortalProfile | None):
    """One stored raw page through extraction (with the portal's learned reading rules)."""
    return extract_page(
        page["body"],
        page["final_url"] or page["url"],
        headers=page.get("headers") or {},
        fetched_at=fetched_at,
        **reading_rules(profile),
    )


def _work(task: tuple) -> tuple[int, dict[str, Any] | None, str | None]:
    index, page, article, phrases, min_chars, profile = task
    fields, reason = reextract(
        page, article, extra_phrases=phrases, min_body_chars=min_chars, profile=profile
    )
    return index, fields, reason


def _worker_init() -> None:
    """Workers die on SIGTERM / SIGINT like any process (the pool's terminate relies on it)."""
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def site_phrases(site: str | None) -> list[str]:
    """A portal's own boilerplate lines from the sites registry plus WARTA_EXTRA_BOILERPLATE (what
    the crawl's Clean pipeline uses for it); empty when the registry cannot be read."""
    from crawler.crawl.registry import SitesError, find_site, load_sites

    phrases = list(settings.WARTA_EXTRA_BOILERPLATE)
    if not site:
        return phrases
    try:
        entry = find_site(load_sites(), site)
    except (SitesError, OSError):
        return phrases
    return phrases + list(entry.extra_boilerplate) if entry else phrases


def _tasks(
    archive,
    ids: list[int],
    site: str | None,
    since: str | None,
    summary: ReprocessSummary,
    phrases_of,
    min_chars: int,
    profiles: ProfileBook,
    url_keys: Collection[str] | None,
) -> Iterator[tuple]:
    for index, page in enumerate(archive.raw_pages(ids)):
        if url_keys is not None and page["url_key"] not in url_keys:
            continue
        article = archive.get_article(page["url_key"])
        if page["body"] is None or article is None:
            summary.unreadable += 1
            continue
        if (site and article["site"] != site) or (
            since and (article.get("published_at") or "") < since
        ):
            continue
        profile = profiles.profile_for(article["site"])
        page["parts"] = archive.raw_parts(page["url_key"], page["fetched_at"])
        yield index, page, article, phrases_of(article["site"]), min_chars, profile


def reprocess(
    archive,
    *,
    site: str | None = None,
    since: str | None = None,
    workers: int = 1,
    min_body_chars: int = DEFAULT_MIN_BODY_CHARS,
    progress: bool = False,
    recluster: bool = True,
    places_only: bool = False,
    url_keys: Collection[str] | None = None,
    learn: bool = True,
) -> ReprocessSummary:
    """Re-extract the newest stored raw page of every article (of one portal, published on or after
    `since`; only `url_keys` when given) and update in place only the rows whose extracted fields
    changed; FTS follows through the triggers. Each portal's learned profile is applied; with
    `learn`, a portal that has none gets one from its stored pages first (when it has enough).
    Exact-copy links of changed bodies are re-derived and, when any body changed, near-duplicate
    clusters are recomputed. Then the story location of those articles is recomputed from their
    stored fields (rows without a raw page too; `places_only` does only this). A pass that changes
    nothing writes nothing."""
    from tqdm import tqdm

    started = time.perf_counter()
    summary = ReprocessSummary()
    if places_only:
        summary.places_checked, summary.places_changed = place_archive(
            archive, site=site, since=since
        )
        summary.seconds = time.perf_counter() - started
        return summary
    profiles = book_for(archive)
    if learn:
        summary.profiles_learned = learn_missing_profiles(archive, profiles, site=site)
    # The article's portal decides (`site` of its row); raw pages of other portals are skipped
    # after one cheap read.
    ids = archive.raw_page_ids(site=site if url_keys is not None else None, latest=True)
    phrase_cache: dict[str, list[str]] = {}

    def phrases_of(name: str) -> list[str]:
        if name not in phrase_cache:
            phrase_cache[name] = site_phrases(name)
        return phrase_cache[name]

    articles: dict[int, dict[str, Any]] = {}
    bar = tqdm(total=len(ids), desc="reprocess", unit="page", file=sys.stderr, disable=not progress)
    touched_hashes: set[str] = set()
    pending = 0
    pool = None

    def results() -> Iterator[tuple]:
        """Re-extraction results in page order. Every archive read stays in this thread: a batch is
        read, handed to the workers, and the previous batch's results are written meanwhile."""
        tasks = _tasks(
            archive, ids, site, since, summary, phrases_of, min_body_chars, profiles, url_keys
        )
        if pool is None:
            for task in tasks:
                articles[task[0]] = task[2]
                yield _work(task)
            return
        running = None
        while True:
            batch = list(itertools.islice(tasks, POOL_BATCH))
            for task in batch:
                articles[task[0]] = task[2]
            submitted = pool.map_async(_work, batch, chunksize=POOL_CHUNK) if batch else None
            if running is not None:
                yield from running.get()
            if submitted is None:
                return
            running = submitted

    try:
        if workers > 1 and len(ids) >= POOL_MIN_PAGES:
            # Workers start from a clean server process, not a fork of this one: a fork would
            # inherit locks held by other threads and signal handlers (Scrapy's, when a crawl ran
            # in this process), and hang.
            method = (
                "forkserver" if "forkserver" in multiprocessing.get_all_start_methods() else "spawn"
            )
            context = multiprocessing.get_context(method)
            if method == "forkserver":
                context.set_forkserver_preload(["crawler.archive.reprocess"])
            pool = context.Pool(workers, initializer=_worker_init)
        for index, fields, reason in results():
            article = articles.pop(index)
            summary.pages += 1
            bar.update()
            if fields is None:
                summary.kept_invalid += 1
                logger.info("%s: re-extraction gives %s; stored row kept", article["url"], reason)
                continue
            diff = changed_fields(article, fields)
            if not diff:
                summary.unchanged += 1
                continue
            archive.update_article_fields(article["url_key"], diff)
            summary.updated += 1
            summary.changed_fields.update(diff.keys())
            if "content_hash" in diff:
                touched_hashes.update(
                    h for h in (article["content_hash"], diff["content_hash"]) if h
                )
            pending += 1
            if pending >= COMMIT_EVERY:
                archive.commit()
                pending = 0
        archive.commit()
    except BaseException:
        archive.rollback()
        raise
    finally:
        bar.close()
        if pool is not None:
            pool.terminate()
            pool.join()
    if touched_hashes:
        summary.relinked = relink_exact_copies(archive, touched_hashes)
        archive.commit()
        if recluster:
            from crawler.archive.neardup import cluster_archive

            summary.clustering = cluster_archive(archive, progress=progress)
    summary.places_checked, summary.places_changed = place_archive(
        archive, site=site, since=since, url_keys=url_keys
    )
    if url_keys is None and since is None:  # every stored article of these portals re-cleaned
        for name in profiles.pending_backfills():
            if site is None or name == site:
                profiles.mark_backfilled(name)
        archive.commit()
    summary.seconds = time.perf_counter() - started
    return summary


def place_archive(
    archive,
    *,
    site: str | None = None,
    since: str | None = None,
    url_keys: Collection[str] | None = None,
) -> tuple[int, int]:
    """Recompute the story location of archived articles (of one portal, published on or after
    `since`; only `url_keys` when given) from their stored dateline place, title and body, with
    their portal's home region; write only the rows whose location fields changed. Returns
    (articles checked, changed)."""
    homes: dict[tuple[str | None, str | None], tuple[str, ...]] = {}
    checked = changed = 0
    try:
        for row in archive.iter_articles(site=site):
            if since and (row.get("published_at") or "") < since:
                continue
            if url_keys is not None and row["url_key"] not in url_keys:
                continue
            checked += 1
            region = (row["province"], row["regency"])
            if region not in homes:
                homes[region] = tuple(home_codes(*region))
            found = locate(row["dateline_place"], row["title"], row["body"], home=homes[region])
            diff = {k: v for k, v in found.fields().items() if row.get(k) != v}
            if diff:
                archive.update_article_fields(row["url_key"], diff)
                changed += 1
                if changed % COMMIT_EVERY == 0:
                    archive.commit()
        archive.commit()
    except BaseException:
        archive.rollback()
        raise
    return checked, changed


def learn_missing_profiles(archive, profiles: ProfileBook, *, site: str | None = None) -> list[str]:
    """Learn the profile of every portal (or of `site`) that has none, from its stored pages;
    returns the portals that got one (those with fewer than MIN_PAGES pages keep none)."""
    sites = [site] if site else archive.article_sites()
    learned = [s for s in sites if profiles.learn_stored(s) is not None]
    archive.commit()
    return learned


def backfill_profiles(archive, profiles: ProfileBook | None = None) -> dict[str, ReprocessSummary]:
    """Re-clean the stored articles that a new profile (or version) would change: each portal
    with a pending backfill, only its rows still holding what the profile removes. Exact copies
    are relinked; clustering is left to the caller (a crawl, an import and the ingester cluster
    after this). Returns the summary per portal."""
    profiles = profiles or book_for(archive)
    done: dict[str, ReprocessSummary] = {}
    for site in profiles.pending_backfills():
        profile = profiles.profile_for(site)
        if profile is None:
            continue
        keys = {
            row["url_key"]
            for row in archive.iter_articles(site=site)
            if profile.touches(row.get("title"), row.get("body") or "", row.get("authors") or [])
        }
        if keys:
            done[site] = reprocess(archive, site=site, url_keys=keys, learn=False, recluster=False)
        profiles.mark_backfilled(site)
        archive.commit()
        logger.info("%s: profile applied to %d stored articles", site, len(keys))
    return done


def original_order(row: Mapping[str, Any]) -> tuple:
    """Which of several identical bodies is the original: the earliest published (a known date
    before an unknown one), then the first archived."""
    return (iso_instant(row.get("published_at")), iso_instant(row.get("first_seen_at")))


def relink_exact_copies(archive, content_hashes: set[str]) -> int:
    """Re-derive `duplicate_of` for every article whose body hash is one of these (the earliest
    published copy is the original, the others point at it); returns the rows changed."""
    changes: list[tuple[str | None, str]] = []
    for content_hash in sorted(content_hashes):
        rows = archive.same_body_rows(content_hash)
        if not rows:
            continue
        ordered = sorted(enumerate(rows), key=lambda pair: (*original_order(pair[1]), pair[0]))
        original = ordered[0][1]["url_key"]
        for row in rows:
            wanted = None if row["url_key"] == original else original
            if row["duplicate_of"] != wanted:
                changes.append((wanted, row["url_key"]))
    return archive.set_duplicate_of(changes) if changes else 0
