"""One portal: its corpus seen in an epoch, its URLs, and the truth Warta must reproduce."""

from __future__ import annotations

import threading
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime

from crawler.fingerprints import content_hash, portal_key, url_key, word_count
from crawler.testportal.blocks import LinkTarget, render_pages
from crawler.testportal.content import build_corpus, clock
from crawler.testportal.model import (
    SPLIT_NEXTPAGE,
    Article,
    Corpus,
    Person,
    SiteInfo,
    StaticPage,
    slugify,
)
from crawler.testportal.paging import page_links, paged_url
from crawler.testportal.permalinks import (
    FAULTS,
    PICK_PATH,
    POPULAR_PATH,
    SECTIONS,
    SHORT_SLUG_THEME,
    short_slug_paths,
)
from crawler.testportal.showcase import PDF_PATH
from crawler.testportal.spec import PortalSpec

MAX_EPOCH = 2
DEFAULT_BASE_URL = "http://127.0.0.1"
"""Base URL of a portal that is not served (yet); the server replaces it with its real address."""


@dataclass
class Term:
    """A category, tag or author archive: its slug, name and articles (newest first)."""

    slug: str
    name: str
    articles: list[Article] = field(default_factory=list)
    person: Person | None = None


@dataclass
class EpochState:
    """What the portal publishes in one epoch, indexed for routing."""

    epoch: int
    clock: datetime
    articles: list[Article]
    """Visible articles, newest first (the empty-body post included: it is published)."""
    by_path: dict[str, Article]
    by_key: dict[str, Article]
    """Every article ever published, in its latest version up to this epoch (link titles)."""
    gone: dict[str, int]
    """Paths that no longer serve their article: 404 (removed) or 301 (redirected home)."""
    categories: dict[str, Term]
    tags: dict[str, Term]
    authors: dict[str, Term]
    by_day: dict[date, list[Article]]
    page_paths: dict[str, tuple[Article, int]] = field(default_factory=dict)
    """`<permalink>N/` paths of the `<!--nextpage-->` articles with their page number (1 too:
    WordPress redirects `/slug/1/` to the permalink)."""


class Portal:
    """A test portal built from a spec: content, URLs, per-epoch state and truth (no server)."""

    def __init__(self, spec: PortalSpec, corpus: Corpus, source: Portal | None = None) -> None:
        self.spec = spec.resolved()
        self.corpus = corpus
        self.site: SiteInfo = corpus.site
        self.source = source
        self.base_url = DEFAULT_BASE_URL
        self._states: dict[int, EpochState] = {}
        self._paths: dict[str, str] = {}
        self._lock = threading.Lock()
        self.epoch = 1
        """The epoch the server currently serves (switched by `/__control__/epoch?set=N`)."""

    # ---- identity and URLs ------------------------------------------------------------------

    @property
    def is_blogspot(self) -> bool:
        """Whether the portal runs on the Blogspot platform."""
        return self.spec.platform == "blogspot"

    @property
    def site_key(self) -> str:
        """The `site` value of an ad-hoc crawl: host with port (`crawler.fingerprints.portal_key`)."""
        return portal_key(self.base_url)

    def url(self, path: str) -> str:
        """Absolute URL of a path on this portal."""
        return self.base_url.rstrip("/") + path

    def article_path(self, article: Article) -> str:
        """The article's permalink path (`/YYYY/MM/DD/slug/` or Blogspot `/YYYY/MM/slug.html`)."""
        path = self._paths.get(article.key)
        if path is None:
            stamp = article.published
            if self.is_blogspot:
                path = f"/{stamp.year:04d}/{stamp.month:02d}/{article.slug}.html"
            elif self.spec.theme == SHORT_SLUG_THEME:
                self._paths.update(short_slug_paths(self.corpus))
                path = self._paths[article.key]
            else:
                path = f"/{stamp.year:04d}/{stamp.month:02d}/{stamp.day:02d}/{article.slug}/"
            self._paths[article.key] = path
        return path

    def article_url(self, article: Article) -> str:
        """The article's absolute permalink."""
        return self.url(self.article_path(article))

    def page_path(self, page: StaticPage) -> str:
        """Path of a static page (`/slug/`, Blogspot `/p/slug.html`)."""
        return f"/p/{page.slug}.html" if self.is_blogspot else f"/{page.slug}/"

    def now(self, epoch: int = 1) -> datetime:
        """The portal's clock in an epoch."""
        return clock(self.spec, epoch)

    # ---- epochs -----------------------------------------------------------------------------

    def state(self, epoch: int = 1) -> EpochState:
        """The portal as published in `epoch` (1 or 2), built once and cached."""
        epoch = min(max(int(epoch), 1), MAX_EPOCH)
        with self._lock:
            if epoch not in self._states:
                self._states[epoch] = self._build_state(epoch)
            return self._states[epoch]

    def _build_state(self, epoch: int) -> EpochState:
        corpus = self.corpus
        articles = list(corpus.articles)
        gone: dict[str, int] = {}
        by_key_all = {a.key: a for a in articles}
        if epoch >= 2:
            if corpus.epoch2_edit is not None:
                articles = [
                    corpus.epoch2_edit if a.key == corpus.epoch2_edit.key else a for a in articles
                ]
            for key, status in ((corpus.epoch2_removed, 404), (corpus.epoch2_redirected, 301)):
                if key and key in by_key_all:
                    gone[self.article_path(by_key_all[key])] = status
            articles = [
                a
                for a in articles
                if a.key not in (corpus.epoch2_removed, corpus.epoch2_redirected)
            ]
            if corpus.epoch2_new is not None:
                articles.insert(0, corpus.epoch2_new)
            by_key_all.update({a.key: a for a in articles})
        categories: dict[str, Term] = {}
        tags: dict[str, Term] = {}
        authors: dict[str, Term] = {}
        by_day: dict[date, list[Article]] = defaultdict(list)
        for article in articles:
            for name in self.categories_of(article):
                categories.setdefault(slugify(name), Term(slugify(name), name)).articles.append(
                    article
                )
            for name in article.tags:
                tags.setdefault(slugify(name), Term(slugify(name), name)).articles.append(article)
            # the author box links to the reporter's archive (a guest-author plugin's page)
            for person in dict.fromkeys(p for p in (article.account, article.box) if p):
                term = authors.setdefault(
                    person.slug, Term(person.slug, person.display, person=person)
                )
                term.articles.append(article)
            by_day[article.published.date()].append(article)
        page_paths: dict[str, tuple[Article, int]] = {}
        for article in articles:
            path = self.article_path(article)
            if article.split == SPLIT_NEXTPAGE and "?" not in path:
                page_paths.update(
                    {f"{path}{n}/": (article, n) for n in range(1, article.pages + 1)}
                )
        return EpochState(
            epoch=epoch,
            clock=self.now(epoch),
            articles=articles,
            by_path={self.article_path(a): a for a in articles},
            by_key=by_key_all,
            gone=gone,
            categories=categories,
            tags=tags,
            authors=authors,
            by_day=dict(by_day),
            page_paths=page_paths,
        )

    def categories_of(self, article: Article) -> tuple[str, ...]:
        """Category names as the platform files them (Blogspot has only labels: none)."""
        return () if self.is_blogspot else article.categories

    def labels_of(self, article: Article) -> tuple[str, ...]:
        """Tag names as the page marks them (`rel=tag`; Blogspot labels are categories + tags)."""
        if self.is_blogspot:
            return tuple(dict.fromkeys((*article.categories, *article.tags)))
        return article.tags

    # ---- body -------------------------------------------------------------------------------

    def content(self, article: Article, epoch: int = 1) -> tuple[str, list[str]]:
        """The stored body HTML of an article in an epoch (every page of it) and the titles of its
        "Baca juga" links."""
        pages, related = self._render(article, epoch, split=False)
        return pages[0], related

    def content_pages(self, article: Article, epoch: int = 1) -> list[str]:
        """The stored body HTML of each page of an article, without page links (one item unless
        the article is split). The first is what WordPress's `get_the_content()` gives feeds and
        the AMP page; the REST API renders them all."""
        return self._render(article, epoch, split=True)[0]

    def page_content(self, article: Article, page: int = 1, epoch: int = 1) -> str:
        """The body HTML of page `page` of an article as its page prints it: that page's part, then
        the page links of a split article (`paging.page_links`)."""
        pages = self.content_pages(article, epoch)
        part = pages[min(max(page, 1), len(pages)) - 1]
        if len(pages) < 2:
            return part
        permalink = self.article_url(article)
        urls = [paged_url(permalink, article.split, n) for n in range(1, len(pages) + 1)]
        return f"{part}\n{page_links(urls, page, article.split)}"

    def _render(self, article: Article, epoch: int, split: bool) -> tuple[list[str], list[str]]:
        state = self.state(epoch)

        def target(key: str) -> LinkTarget | None:
            linked = state.by_key.get(key)
            if linked is None:
                return None
            return LinkTarget(self.article_url(linked), linked.title)

        breaks = article.page_breaks if split and article.split else ()
        pages, related = render_pages(article.paragraphs, article.dress, target, breaks)
        if not split:
            pages = ["\n".join(pages)]
        if "pdf-link" in article.flags:
            # the PDF path is a site path: make it absolute like every other WordPress link
            absolute = f'href="{self.url(PDF_PATH)}"'
            pages = [html.replace(f'href="{PDF_PATH}"', absolute) for html in pages]
        return pages, related

    # ---- pages of a split article ----------------------------------------------------------

    def page_url(self, article: Article, page: int = 1) -> str:
        """The URL of page `page` of an article (page 1: its permalink; see `crawler.testportal
        .paging`)."""
        permalink = self.article_url(article)
        return permalink if page <= 1 else paged_url(permalink, article.split, page)

    def page_urls(self, article: Article) -> list[str]:
        """Every page URL of an article in reading order: `[permalink]` for a one-page article,
        `[permalink, permalink + "2/", …]` or `[permalink, permalink + "?page=2", …]` for a split
        one."""
        return [self.page_url(article, n) for n in range(1, article.pages + 1)]

    def canonical_url(self, article: Article, page: int = 1) -> str:
        """`rel=canonical` of page `page`: the page's own URL for `<!--nextpage-->` (as WordPress
        core prints it), the permalink for the `?page=N` form and for page 1."""
        if article.split == SPLIT_NEXTPAGE:
            return self.page_url(article, page)
        return self.article_url(article)

    def split_articles(self, epoch: int = 1) -> list[Article]:
        """The articles of `epoch` served over more than one page, newest first."""
        return [a for a in self.state(epoch).articles if a.pages > 1]

    # ---- truth ------------------------------------------------------------------------------

    def truth(self, epoch: int = 1) -> list[dict[str, object]]:
        """One dict per archivable article in `epoch`, keyed by ArticleItem field names.

        Place names are title-cased as the dev-set gold does; compare authors and places with
        case folded. `duplicate_of` is the `url_key` of the first portal's article for a copy.
        """
        state = self.state(epoch)
        rows = []
        for article in state.articles:
            if "empty-body" in article.flags:
                continue
            rows.append(self.truth_of(article, epoch))
        return rows

    def truth_of(self, article: Article, epoch: int = 1) -> dict[str, object]:
        """The truth of one article (see `truth`)."""
        url = self.article_url(article)
        _, related = self.content(article, epoch)
        duplicate_of = None
        if article.copy_of and self.source is not None:
            original = self.source.state(epoch).by_key.get(article.copy_of)
            if original is not None:
                duplicate_of = url_key(self.source.article_url(original))
        labels = list(self.labels_of(article))
        return {
            "url": url,
            "url_key": url_key(url),
            "canonical_url": url,
            "site": self.site_key,
            "title": article.clean_title or article.title,
            "body": article.body,
            "authors": list(article.authors),
            "editor": article.editor,
            "posted_by": article.posted_by,
            "dateline_place": article.dateline_place,
            "dateline_outlet": article.dateline_outlet,
            "agency_tag": article.agency_tag,
            "related_links": related,
            "syndicated_from": article.syndicated_from,
            "published_at": article.published.isoformat(timespec="seconds"),
            "modified_at": article.modified.isoformat(timespec="seconds"),
            "language": "id",
            "tags": labels,
            "categories": list(self.categories_of(article)),
            "image_url": self.url(article.image),
            "word_count": word_count(article.body),
            "content_hash": content_hash(article.body),
            "duplicate_of": duplicate_of,
        }

    def expected_drops(self, epoch: int = 1) -> list[dict[str, str]]:
        """URLs that are bad or not articles on purpose, with why (`stage`: where a crawl meets it)."""
        state = self.state(epoch)
        drops: list[dict[str, str]] = []
        for article in state.articles:
            if "empty-body" in article.flags:
                drops.append(
                    _drop(self.article_url(article), "validate", "article with an empty body")
                )
            if "pdf-link" in article.flags:
                drops.append(_drop(self.url(PDF_PATH), "download", "PDF linked from an article"))
        if not self.is_blogspot:
            drops.append(_drop(self.url("/sitemap-broken.xml"), "discovery", "malformed sitemap"))
            drops.append(_drop(self.url("/video-sitemap.xml"), "discovery", "empty sitemap"))
        for page in self.corpus.pages:
            drops.append(_drop(self.url(self.page_path(page)), "validate", "not an article"))
        if self.spec.theme == SHORT_SLUG_THEME:
            for path in (*(f"/{s}/" for s in SECTIONS), PICK_PATH, POPULAR_PATH):
                drops.append(_drop(self.url(path), "validate", "listing shaped like a post"))
            for path, what in FAULTS.items():
                drops.append(_drop(self.url(path), "download", what))
        removed = {path: status for path, status in state.gone.items()}
        for path, status in removed.items():
            reason = "article removed (404)" if status == 404 else "redirected to the home page"
            drops.append(_drop(self.url(path), "download", reason))
        return drops

    def changes(self, epoch: int = 2) -> dict[str, list[str]]:
        """URLs added, edited, removed and redirected in `epoch` compared with epoch 1."""
        if epoch < 2:
            return {"added": [], "edited": [], "removed": [], "redirected": []}
        corpus, first = self.corpus, self.state(1)
        paths = {a.key: self.article_url(a) for a in first.articles}
        return {
            "added": [self.article_url(corpus.epoch2_new)] if corpus.epoch2_new else [],
            "edited": [paths[corpus.epoch2_edit.key]] if corpus.epoch2_edit else [],
            "removed": [paths[corpus.epoch2_removed]] if corpus.epoch2_removed else [],
            "redirected": [paths[corpus.epoch2_redirected]] if corpus.epoch2_redirected else [],
        }


def _drop(url: str, stage: str, reason: str) -> dict[str, str]:
    return {"url": url, "stage": stage, "reason": reason}


def build_portals(specs: list[PortalSpec]) -> list[Portal]:
    """Portals for a list of specs; a `second_portal` spec copies from the first other portal."""
    portals: list[Portal] = []
    first: Portal | None = None
    for spec in specs:
        resolved = spec.resolved()
        source = first if resolved.second_portal else None
        portal = Portal(resolved, build_corpus(resolved, source.corpus if source else None), source)
        portals.append(portal)
        if first is None and not resolved.second_portal:
            first = portal
    return portals
