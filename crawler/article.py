"""From a fetched page to archive fields: the one path shared by crawl, `warta extract` and reprocess."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import datetime

from crawler.clean import clean_article
from crawler.clean.profile import PortalProfile
from crawler.extract import extract_page
from crawler.extract.parts import SplitArticle
from crawler.fingerprints import content_hash, portal_key, url_key, word_count
from crawler.items import ArticleItem, RawArticle, article_columns


def canonical_for(raw: RawArticle) -> str:
    """The page's own canonical URL when it stays on the same portal, else the fetched URL."""
    if raw.canonical_url and portal_key(raw.canonical_url) == portal_key(raw.url):
        return raw.canonical_url
    return raw.url


def site_identities(raw: RawArticle) -> list[str]:
    """The names a page gives its own site: `og:site_name` (and the application name and JSON-LD
    publisher where extraction reads them) and the host; any may be a dateline's outlet."""
    names = [getattr(raw, name, None) for name in ("site_name", "application_name", "publisher")]
    names.append(portal_key(raw.url))
    return list(dict.fromkeys(n for n in names if isinstance(n, str) and n.strip()))


def build_article(
    raw: RawArticle,
    *,
    item: ArticleItem | None = None,
    site: str | None = None,
    extra_phrases: Sequence[str] = (),
    profile: PortalProfile | None = None,
) -> ArticleItem:
    """Clean a RawArticle into the archive's fields (fills and returns `item`, or a new one);
    `profile` is the portal's learned chrome (None: the shared grammar alone)."""
    item = item or ArticleItem(url=raw.url)
    title = profile.strip_title(raw.title) if profile is not None else raw.title
    host = portal_key(raw.url)
    cleaned = clean_article(
        raw.paragraphs,
        title=title,
        byline_texts=raw.byline_texts,
        meta_authors=raw.meta_authors,
        site_name=raw.site_name or host,  # the host names outlet codes too
        extra_phrases=extra_phrases,
        profile=profile,
        site_hints=site_identities(raw),
    )
    item.url = raw.url
    item.canonical_url = canonical_for(raw)
    item.url_key = url_key(item.canonical_url)
    item.site = item.site or site or portal_key(raw.url)
    item.title = title
    item.body = cleaned.body
    item.authors = list(cleaned.authors)
    item.editor = cleaned.editor
    item.posted_by = cleaned.posted_by
    item.dateline_place = cleaned.dateline_place
    item.dateline_outlet = cleaned.dateline_outlet
    item.agency_tag = cleaned.agency_tag
    # Text lines first, then the titles of related boxes extraction took out of the content.
    item.related_links = list(dict.fromkeys([*cleaned.related_links, *raw.related_links]))
    item.syndicated_from = cleaned.syndicated_from
    item.language = cleaned.language
    # A date the discovery channel gave (feed, sitemap, API) stays when the page has none.
    if raw.published_at:
        item.published_at, item.published_at_source = raw.published_at, raw.published_at_source
    if raw.modified_at:
        item.modified_at, item.modified_at_source = raw.modified_at, raw.modified_at_source
    item.tags = list(raw.tags)
    item.categories = list(raw.categories)
    item.image_url = raw.image_url
    item.word_count = word_count(item.body)
    item.content_hash = content_hash(item.body) if item.body else ""
    item.raw = raw
    return item


def extract_article(
    page: bytes | str,
    url: str,
    *,
    headers: Mapping[str, str] | None = None,
    fetched_at: datetime | None = None,
    site: str | None = None,
    extra_phrases: Sequence[str] = (),
    fetch_page: Callable[[str], tuple[bytes, Mapping[str, str]]] | None = None,
) -> ArticleItem:
    """Extract and clean one page without Scrapy (what `warta extract` prints). With `fetch_page`
    (URL -> body and headers), the later pages of a split article are fetched and joined as the
    crawl joins them; without, the page stands alone."""
    raw = extract_page(page, url, headers=headers, fetched_at=fetched_at)
    if fetch_page is not None and len(raw.page_urls) > 1:
        split = SplitArticle(ArticleItem(url=url, raw=raw), dict(raw.page_urls))
        while (number := split.next_page()) is not None:
            body, part_headers = fetch_page(split.known[number])
            later = extract_page(body, split.known[number], headers=part_headers,
                                 fetched_at=fetched_at)  # fmt: skip
            if not split.add(number, later):
                break
        split.joined()
    return build_article(raw, site=site, extra_phrases=extra_phrases)


def article_record(item: ArticleItem) -> dict:
    """An item's archive fields as a plain dict, in data-dictionary order."""
    return {name: getattr(item, name) for name in article_columns()}


ARTICLE_SIGNALS = ("jsonld:", "og:article", "wp:single", "blogspot:post", "api:")
"""Signal prefixes that mark a page as one article (set by crawler.extract)."""

PLATFORM_PAGE_TYPES = {"wp:archive": "listing", "wp:single": "article", "api:": "article"}
"""Signals of what the platform itself says a page is, which nothing on the page overrules:
WordPress core prints its body classes from the query it answered; the REST API lists posts."""

LISTING_SIGNALS = ("listing:",)
"""Signal prefixes of a page's structure or structured data that lists other pages (set by
crawler.discovery.pages): they overrule an article's claims (OpenGraph, JSON-LD, URL date)."""

WEAK_ARTICLE_SIGNALS = ("url:", "content:", "listed:")
"""Article evidence weaker than a claim: a date in the URL, a text block with headline and date,
the portal's own list of its posts (LISTED_BY)."""

LISTED_BY = frozenset({"feed", "blogspot-feed", "news-sitemap", "wp-json"})
"""Discovery channels in which a portal lists its posts one by one (a feed's items, Google News
entries, the REST API's posts), unlike a sitemap, an archive or a section page, which list pages
of any kind. A page such a channel found is an article by the portal's own word unless the page
shows a listing (`listed:<channel>`, see `listed_signals`): a portal's pages may claim nothing
of themselves (no JSON-LD, no `og:type`, no dated URL, no single-post classes) nor show a text
block of article length (a story in short `<div>` lines), and its feed still lists them."""


def listed_signals(channel: str | None) -> list[str]:
    """The recognition signal of the channel that found a page (`listed:feed`), if it lists posts."""
    return [f"listed:{channel}"] if channel in LISTED_BY else []


TEXT_BLOCK = "text:block"
"""crawler.discovery.pages: a text block of article length outside the page's chrome."""

CONTENT_ARTICLE = "content:text"
"""Set by `recognise`: no claim either way, but one main text block with a headline and a date."""


def page_kind(signals: Sequence[str]) -> str:
    """'article', 'listing' or 'unknown' from a page's recognition signals: the platform's own page
    type first, then a listing's structure, then an article's claims, then its content."""
    for prefix, kind in PLATFORM_PAGE_TYPES.items():
        if any(s.startswith(prefix) for s in signals):
            return kind
    if any(s.startswith(LISTING_SIGNALS) for s in signals):
        return "listing"
    if any(s.startswith((*ARTICLE_SIGNALS, *WEAK_ARTICLE_SIGNALS)) for s in signals):
        return "article"
    return "unknown"


def recognise(raw: RawArticle, page_signals: Sequence[str]) -> str:
    """Add what a page shows it is (crawler.discovery.pages signals) to `raw.article_signals` and
    return its kind (see `page_kind`). A page with no claim either way is an article by its
    content when its main text block comes with a headline and a date of its own: call this
    before a channel's date fills `raw.published_at`."""
    signals = raw.article_signals
    for signal in page_signals:
        if signal not in signals:
            signals.append(signal)
    kind = page_kind(signals)
    if kind == "unknown" and TEXT_BLOCK in signals and raw.title and raw.published_at:
        signals.append(CONTENT_ARTICLE)
        kind = "article"
    return kind


def why_not_article(item: ArticleItem, *, min_body_chars: int) -> str | None:
    """The reason a cleaned item is not an archivable article (`listing`, `empty-body`,
    `short-body`, `no-title`, `not-article`), or None when it is one."""
    raw = item.raw
    signals = raw.article_signals if raw else []
    kind = page_kind(signals)
    if kind == "listing":
        return "listing"
    if any(s.startswith("wp:page") for s in signals) and not any(
        s.startswith(ARTICLE_SIGNALS) for s in signals
    ):
        return "not-article"
    if not item.body.strip():
        return "empty-body"
    if not (item.title or "").strip():
        return "no-title"
    if len(item.body) < min_body_chars:
        return "short-body"
    if raw is not None and kind != "article":
        return "not-article"
    return None


def published_earlier(a: str | None, b: str | None) -> bool:
    """True when ISO 8601 time `a` is strictly before `b` (offsets respected; unknown is never
    earlier)."""
    if not a or not b:
        return False
    try:
        first, second = datetime.fromisoformat(a), datetime.fromisoformat(b)
        if (first.tzinfo is None) != (second.tzinfo is None):
            return a < b
        return first < second
    except ValueError:
        return False
