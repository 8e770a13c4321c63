"""The profile book of one archive: each portal's current profile, when to learn and re-learn it.

A `ProfileBook` is shared by everything that writes one archive (a crawl's spiders, an import, the
ingester). It keeps, per portal, the stored profile (table `portal_profiles`) and a window of the
last MIN_PAGES observed article pages. A portal without a profile gets one once MIN_PAGES of its
articles were observed (at first sight, its newest stored raw pages are read back, so a portal whose
articles arrive a few per run still gets one). A portal with a profile is checked every CHECK_EVERY
observed pages: a profile learned from the window that knows something the current one does not
becomes the next version (the union of both: an old layout's pages still re-extract), marked
`layout-changed` when most of the window's pages that carry the new chrome no longer match the
current profile (same container rule, half its usual features: `learn.matches`), or the container
rule changed; else `new-chrome` (chrome added to the same layout). Versions the
archive's stored rows have not been re-cleaned with are pending backfills
(`crawler.archive.reprocess.backfill_profiles`).
"""

from __future__ import annotations

import logging
import weakref
from collections import deque
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, TypedDict

from crawler.clean import names
from crawler.clean.cleaner import byline_fields
from crawler.clean.profile import PortalProfile
from crawler.extract import extract_page
from crawler.fingerprints import portal_key, url_key
from crawler.items import ArticleItem, RawArticle
from crawler.profiles.learn import (
    MIN_PAGES,
    Observation,
    feature_count,
    learn,
    matches,
    merge,
    restrict,
)

logger = logging.getLogger(__name__)

CHECK_EVERY = MIN_PAGES
"""Observed pages of a profiled portal between two re-learn checks (a full window of new pages)."""
LAYOUT_CHANGE_RATE = 0.5  # a majority either way decides
"""New chrome on pages of which more than this share no longer match the profile is a new layout
(`layout-changed`); on pages that still match, chrome added to the same layout (`new-chrome`)."""
LEARN_SAMPLE = 5 * MIN_PAGES  # a reprocess of an old archive learns from pages across its history
"""Stored pages a profile is learned from when an archive learns it afterwards (`warta reprocess`),
spread evenly over the portal's pages so every layout it had counts."""


@dataclass
class ProfileChange:
    """A profile learned or re-learned."""

    site: str
    version: int
    reason: str
    """`learned` (first), `layout-changed` or `new-chrome` (re-learned)."""
    profile: PortalProfile


@dataclass
class _Portal:
    profile: PortalProfile | None = None
    version: int = 0
    backfilled: bool = True
    window: deque[Observation] = field(default_factory=lambda: deque(maxlen=MIN_PAGES))
    since_check: int = 0
    observed: int = 0
    seeded: bool = False


def observation(raw: RawArticle, authors: list[str] | tuple[str, ...] = ()) -> Observation:
    """What learning keeps of a page's extraction (and its clean authors)."""
    identities = [raw.site_name, getattr(raw, "application_name", None), portal_key(raw.url)]
    return Observation(
        key=url_key(raw.canonical_url or raw.url),
        paragraphs=tuple(raw.paragraphs),
        title=raw.title,
        authors=tuple(authors),
        container=raw.container,
        byline_slots=_byline_slots(raw, authors),
        identities=tuple(dict.fromkeys(i for i in identities if isinstance(i, str) and i)),
    )


def _vouched_names(raw: RawArticle, authors: Sequence[str]) -> list[str]:
    """The people a page names outside its byline slots: its structured data's authors and the
    clean authors its text names (a sign-off), as folded names without titles."""
    text = " \n".join(raw.paragraphs).casefold()
    found = [
        name for name in raw.meta_authors if not names.is_account(name, site_name=raw.site_name)
    ]
    found += [name for name in authors if name.casefold() in text]
    folded = (_person_key(name) for name in found if names.looks_like_name(name))
    return [name for name in dict.fromkeys(folded) if name]


def _person_key(name: str) -> str:
    """A name as people are compared: titles removed, case and spacing folded."""
    return names.fold_key(names.strip_titles(name))


def _byline_slots(raw: RawArticle, authors: Sequence[str]) -> tuple[tuple[str, bool], ...]:
    """Each byline slot of the page that names a person, with whether that is one of the people
    the page names elsewhere (`_vouched_names`); nothing for a page that names no one elsewhere."""
    vouched = set(_vouched_names(raw, authors))
    if not vouched:
        return ()
    texts: dict[str, list[str]] = {}
    for text, slot in raw.byline_sources.items():
        texts.setdefault(slot, []).append(text)
    slots = []
    for slot, printed in texts.items():
        people = {_person_key(name) for name in byline_fields(printed, raw.site_name).authors}
        if people:
            slots.append((slot, bool(people & vouched)))
    return tuple(slots)


class ReadingRules(TypedDict):
    """`extract_page` keywords: how a portal's good pages were read."""

    container_rule: str | None
    byline_rule: str | None
    byline_skip: tuple[str, ...]


def reading_rules(profile: PortalProfile | None) -> ReadingRules:
    """The container rule and byline slots a portal's profile learned (none without a profile)."""
    if profile is None:
        return ReadingRules(container_rule=None, byline_rule=None, byline_skip=())
    return ReadingRules(
        container_rule=profile.container,
        byline_rule=profile.byline,
        byline_skip=tuple(profile.byline_skip),
    )


def observation_of_item(item: ArticleItem) -> Observation | None:
    """The observation of a cleaned item: from its extraction, else from its raw response (the
    ingester's items travel without the extraction); None when it has neither."""
    raw = item.raw
    if raw is None and item.raw_body is not None:
        raw = extract_page(item.raw_body, item.url, headers=item.raw_headers or {})
    if raw is None:
        return None
    return observation(raw, item.authors)


def _fetched(value: str | None) -> datetime | None:
    try:
        return datetime.fromisoformat(value) if value else None
    except ValueError:
        return None


def stored_observations(archive: Any, site: str, limit: int, *, spread: bool = False):
    """Observations of a portal's stored raw pages (its newest `limit` articles, or `limit` spread
    over its whole history), read back through extraction."""
    ids = archive.raw_page_ids(site=site, latest=True)
    if spread and len(ids) > limit:
        step = len(ids) / limit
        ids = [ids[int(i * step)] for i in range(limit)]
    else:
        ids = ids[-limit:]
    for page in archive.raw_pages(ids):
        if page.get("body") is None:
            continue
        article = archive.get_article(page["url_key"])
        raw = extract_page(
            page["body"],
            page.get("final_url") or page["url"],
            headers=page.get("headers") or {},
            fetched_at=_fetched(page.get("fetched_at")),
        )
        yield observation(raw, (article or {}).get("authors") or ())


class ProfileBook:
    """The profiles of one archive's portals and the windows that learn and check them.

    `sample_every` observes one page in N of a profiled portal (the ingester, which must extract a
    page again to observe it); `on_change` is called with each ProfileChange after it is stored.
    """

    def __init__(
        self,
        archive: Any,
        *,
        sample_every: int = 1,
        on_change: Callable[[ProfileChange], None] | None = None,
    ):
        self.archive = archive
        self.sample_every = max(1, sample_every)
        self.on_change = on_change
        self._portals: dict[str, _Portal] = {}
        self.reload()

    def reload(self) -> None:
        """Read the stored profiles again (another writer may have learned some)."""
        portals: dict[str, _Portal] = {}
        for row in self.archive.profiles():
            portal = self._portals.get(row["site"]) or _Portal()
            portal.profile = PortalProfile.from_json(row["profile"])
            portal.version = row["version"]
            portal.backfilled = row["backfilled_at"] is not None
            portals[row["site"]] = portal
        for site, portal in self._portals.items():
            portals.setdefault(site, portal)
        self._portals = portals

    def _portal(self, site: str) -> _Portal:
        portal = self._portals.get(site)
        if portal is None:
            portal = self._portals[site] = _Portal()
        return portal

    # -- reading --------------------------------------------------------------------------------

    def profile_for(self, site: str | None) -> PortalProfile | None:
        """The portal's current profile, or None (too few pages yet: the shared grammar alone)."""
        portal = self._portals.get(site or "")
        return portal.profile if portal is not None else None

    def version_of(self, site: str) -> int:
        """The portal's current profile version (0: none yet)."""
        portal = self._portals.get(site)
        return portal.version if portal is not None else 0

    def profiles(self) -> dict[str, PortalProfile]:
        """Every portal's current profile."""
        return {site: p.profile for site, p in self._portals.items() if p.profile is not None}

    def pending_backfills(self) -> list[str]:
        """Portals whose current profile the archive's stored rows were not yet re-cleaned with."""
        return sorted(
            site for site, p in self._portals.items() if p.profile is not None and not p.backfilled
        )

    def mark_backfilled(self, site: str) -> None:
        """The portal's stored rows were re-cleaned with its current profile."""
        portal = self._portal(site)
        portal.backfilled = True
        if portal.version:
            self.archive.update_profile(site, portal.version, backfilled=True)

    # -- observing ------------------------------------------------------------------------------

    def wants(self, site: str) -> bool:
        """Whether the next page of this portal should be observed (always while it has no
        profile; one in `sample_every` afterwards)."""
        portal = self._portal(site)
        return portal.profile is None or portal.observed % self.sample_every == 0

    def skip(self, site: str) -> None:
        """A page of this portal was not observed (`wants` said no)."""
        self._portal(site).observed += 1

    def observe(self, site: str, obs: Observation) -> ProfileChange | None:
        """Add one article page of a portal; returns the change when a profile was (re-)learned."""
        portal = self._portal(site)
        if not portal.seeded:
            portal.seeded = True
            if portal.profile is None:
                self._seed(site, portal, exclude=obs.key)
        portal.observed += 1
        if any(seen.key == obs.key for seen in portal.window):
            return None
        portal.window.append(obs)
        portal.since_check += 1
        if portal.profile is None:
            if len(portal.window) >= MIN_PAGES:
                return self._store(site, portal, learn(list(portal.window)), "learned")
            return None
        if portal.since_check >= CHECK_EVERY and len(portal.window) >= MIN_PAGES:
            return self.check(site)
        return None

    def observe_item(self, item: ArticleItem) -> ProfileChange | None:
        """Observe a stored article of its portal, when the book wants this one. Never raises:
        a learning bug costs the portal its profile update, never the crawl."""
        if not self.wants(item.site):
            self.skip(item.site)
            return None
        try:
            obs = observation_of_item(item)
            return self.observe(item.site, obs) if obs is not None else None
        except Exception:
            logger.exception("%s: learning its profile from %s failed", item.site, item.url)
            return None

    def _seed(self, site: str, portal: _Portal, *, exclude: str) -> None:
        for obs in stored_observations(self.archive, site, MIN_PAGES):
            if obs.key != exclude and all(seen.key != obs.key for seen in portal.window):
                portal.window.append(obs)

    def check(self, site: str) -> ProfileChange | None:
        """Compare the portal's window with its profile; re-learn when the window holds chrome the
        profile does not know (records how many window pages matched)."""
        portal = self._portal(site)
        window = list(portal.window)
        portal.since_check = 0
        current = portal.profile
        if current is None or not window:
            return None
        matched = sum(matches(current, obs) for obs in window)
        self.archive.update_profile(site, portal.version, checked=len(window), matched=matched)
        fresh = learn(window)
        novel = fresh.feature_keys() - current.feature_keys()
        moved = fresh.container not in (None, current.container)
        if not novel and not moved:
            return None
        # The pages that carry the new chrome: if most of them no longer look like the profile's
        # pages, they are a new layout; if they do, the portal added chrome to the same layout.
        carriers = [obs for obs in window if feature_count(restrict(fresh, novel), obs)]
        unmatched = sum(not matches(current, obs) for obs in carriers)
        layout = moved or unmatched > LAYOUT_CHANGE_RATE * len(carriers)
        reason = "layout-changed" if layout else "new-chrome"
        return self._store(site, portal, merge(current, fresh), reason)

    def _store(
        self, site: str, portal: _Portal, profile: PortalProfile, reason: str
    ) -> ProfileChange:
        portal.version += 1
        portal.profile = profile
        portal.backfilled = False
        portal.since_check = 0
        self.archive.save_profile(
            site, portal.version, profile.to_json(), pages=profile.pages, reason=reason
        )
        change = ProfileChange(site, portal.version, reason, profile)
        logger.info(
            "%s: profile v%d %s from %d pages (%d lines, %d dateline shapes, %d sign-offs,"
            " %d title affixes, %d names)",
            site, portal.version, reason, profile.pages, len(profile.lines),
            len(profile.datelines), len(profile.signoffs),
            len(profile.title_prefixes) + len(profile.title_suffixes), len(profile.chrome_names),
        )  # fmt: skip
        if self.on_change is not None:
            self.on_change(change)
        return change

    # -- learning afterwards ----------------------------------------------------------------------

    def learn_stored(self, site: str) -> ProfileChange | None:
        """Learn a portal's profile from its stored raw pages (an archive crawled before profiles
        existed, or one whose profile format changed); None when it has too few pages."""
        portal = self._portal(site)
        if portal.profile is not None:
            return None
        observations = list(stored_observations(self.archive, site, LEARN_SAMPLE, spread=True))
        if len({obs.key for obs in observations}) < MIN_PAGES:
            return None
        portal.seeded = True
        return self._store(site, portal, learn(observations), "learned")


_BOOKS: weakref.WeakKeyDictionary[Any, ProfileBook] = weakref.WeakKeyDictionary()


def book_for(archive: Any) -> ProfileBook:
    """The archive's one profile book (every writer of an archive in this process shares it)."""
    book = _BOOKS.get(archive)
    if book is None:
        book = _BOOKS[archive] = ProfileBook(archive)
    return book
