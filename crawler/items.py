"""The article record: raw fields from a page and the clean archive fields (the data dictionary)."""

from __future__ import annotations

from dataclasses import dataclass, field, fields


@dataclass
class RawArticle:
    """What `crawler.extract` reads off one page, before any Indonesian cleaning.

    Paragraph texts still carry the dateline, "Baca juga" lines, sign-offs and author boxes;
    `crawler.clean` turns them into fields.
    """

    url: str
    """The URL the page was fetched from (after redirects)."""
    canonical_url: str | None = None
    """`<link rel=canonical>` or `og:url` when it points at the same portal."""
    title: str | None = None
    """Headline: JSON-LD `headline`, else `og:title`, else the page's `<h1>`, site suffix removed."""
    paragraphs: list[str] = field(default_factory=list)
    """Text blocks of the article container in reading order (paragraphs, list items, headings),
    including in-body boilerplate, each with inner whitespace folded."""
    related_links: list[str] = field(default_factory=list)
    """Link titles of related-posts boxes ("Baca juga", "Berita terkait") inside the content,
    which extraction removes from `paragraphs`; in order, without duplicates."""
    byline_texts: list[str] = field(default_factory=list)
    """Visible byline / author-box texts found outside the body (`Penulis: X`, `By X`, author box name)."""
    byline_sources: dict[str, str] = field(default_factory=dict)
    """The slot each byline text was read from: `tag.class...` of its element (`span.byline`)."""
    meta_authors: list[str] = field(default_factory=list)
    """Author names from structured data (JSON-LD `author`, `article:author`, `<meta name=author>`)."""
    published_at: str | None = None
    """Publication time, ISO 8601 with offset (WIB +07:00 assumed where the page gives no zone)."""
    published_at_source: str | None = None
    """Where `published_at` came from: `jsonld`, `meta`, `url`, `text`, `htmldate`, `feed`, `sitemap`,
    `api`."""
    modified_at: str | None = None
    """Last modification time, ISO 8601 with offset."""
    modified_at_source: str | None = None
    """Where `modified_at` came from (same vocabulary as `published_at_source`)."""
    tags: list[str] = field(default_factory=list)
    """Tag names (`article:tag`, JSON-LD `keywords`, `rel=tag` links)."""
    categories: list[str] = field(default_factory=list)
    """Category / section names (`article:section`, JSON-LD `articleSection`, `rel=category` links)."""
    image_url: str | None = None
    """Lead image: `og:image` or JSON-LD `image`."""
    site_name: str | None = None
    """The portal's own name (`og:site_name`, else `application-name`, else the JSON-LD publisher
    or WebSite name)."""
    application_name: str | None = None
    """`<meta name=application-name>`, as the page gives it."""
    publisher: str | None = None
    """The JSON-LD article's publisher name, as the page gives it."""
    site_names: list[str] = field(default_factory=list)
    """Every name the page gives its site (`og:site_name`, `application-name`, JSON-LD publisher
    and WebSite names), in that order; the title has lost them as affixes."""
    description: str | None = None
    """`og:description` / `<meta name=description>`."""
    html_lang: str | None = None
    """The `<html lang>` attribute, as declared (often wrong on Indonesian portals)."""
    article_signals: list[str] = field(default_factory=list)
    """Why this looks like an article page: `jsonld:NewsArticle`, `og:article`, `wp:single`, `url:date`, ..."""
    container: str | None = None
    """Which content rule found the body: `theme:jnews`, `theme:tagdiv`, `wp:entry-content`, `fallback`, ..."""
    page_number: int = 1
    """Which page of an article split over several pages this page is (1: the article's own URL)."""
    page_urls: dict[int, str] = field(default_factory=dict)
    """Page number -> URL of the pages of a split article (`/slug/2/`, `?page=2`) that this page
    links, page 1 included; empty for an article on one page."""


@dataclass
class ArticleItem:
    """One archived article: the row of the `articles` table. Field docstrings are the data dictionary."""

    url: str
    """The URL the article was fetched from (after redirects)."""
    url_key: str = ""
    """Canonical URL key (`crawler.fingerprints.url_key`): scheme, `www.`, trailing slash, `/amp`,
    `utm_*` / `fbclid` and fragments folded. The archive holds one row per key."""
    canonical_url: str | None = None
    """The page's own canonical URL where it names one on the same portal, else `url`."""
    site: str = ""
    """Portal name: the registry name, or the host (with port when not 80/443) for an ad-hoc crawl."""
    province: str | None = None
    """Province of the portal, from the sites registry (None for unregistered portals)."""
    regency: str | None = None
    """Regency or city of the portal, from the sites registry."""
    title: str | None = None
    """Headline, without the site-name suffix."""
    body: str = ""
    """Clean article text: paragraphs joined by a blank line; no dateline prefix, "Baca juga" lines,
    sign-off, author box, share/tag/related/comment blocks or prompts."""
    authors: list[str] = field(default_factory=list)
    """Reporters (JSON list of names, academic and rank titles removed). Accounts such as `admin`
    or `Redaksi` are never authors (see `posted_by`)."""
    editor: str | None = None
    """Editor named in the article (`Editor:`, `Penyunting:`, `Redaktur:`)."""
    posted_by: str | None = None
    """The WordPress posting account (`admin`, `Redaksi`, an account code) when it is not a person."""
    dateline_place: str | None = None
    """Place of the dateline (`Banyuasin` in `Banyuasin, TTN.com –`), as written."""
    dateline_outlet: str | None = None
    """Outlet of the dateline (`TTN.com`), as written; often differs from the domain."""
    agency_tag: str | None = None
    """Trailing initials or agency code (`fyk/ash`, `ant`, `rls`, `*`), without parentheses."""
    related_links: list[str] = field(default_factory=list)
    """Titles (or URLs) of the "Baca juga" / "Lihat juga" links removed from the body (JSON list)."""
    syndicated_from: str | None = None
    """Source outlet named by an `Artikel ini telah tayang di ...` line."""
    published_at: str | None = None
    """Publication time, ISO 8601 with offset (`2024-05-21T14:30:00+07:00`)."""
    published_at_source: str | None = None
    """Where `published_at` came from: `jsonld`, `meta`, `url`, `text`, `htmldate`, `feed`, `sitemap`,
    `api`."""
    modified_at: str | None = None
    """Last modification time, ISO 8601 with offset."""
    modified_at_source: str | None = None
    """Where `modified_at` came from."""
    language: str | None = None
    """ISO 639-1 language detected from the clean text (not from `<html lang>`)."""
    tags: list[str] = field(default_factory=list)
    """Tag names (JSON list)."""
    categories: list[str] = field(default_factory=list)
    """Category names (JSON list)."""
    image_url: str | None = None
    """Lead image URL."""
    word_count: int = 0
    """Words (`\\w+` runs) in `body`."""
    content_hash: str = ""
    """SHA-256 (hex) of the normalised clean body (`crawler.fingerprints.content_hash`)."""
    duplicate_of: str | None = None
    """`url_key` of the original when this row is an exact copy (same clean body) of another
    archived article; the earliest published copy is the original. None for originals."""
    cluster_id: str | None = None
    """Near-duplicate cluster (syndicated copies with small edits); set by clustering."""
    is_canonical: bool = True
    """True for the canonical (earliest published) member of its near-duplicate cluster."""
    discovered_via: str | None = None
    """Discovery channel that first found the URL: `sitemap`, `news-sitemap`, `feed`, `wp-json`,
    `blogspot-feed`, `archive`, `pagination`, `link`, `start`."""
    http_status: int | None = None
    """HTTP status of the fetch that produced this row."""
    fetched_at: str | None = None
    """When the page was fetched (UTC, ISO 8601)."""
    etag: str | None = None
    """`ETag` response header, for conditional revisits."""
    last_modified: str | None = None
    """`Last-Modified` response header, for conditional revisits."""
    first_seen_at: str | None = None
    """When the archive first stored this URL key (UTC, ISO 8601); set by the archive."""
    last_seen_at: str | None = None
    """When a crawl last saw the article online (UTC, ISO 8601); set by the archive."""
    taken_down_at: str | None = None
    """When a revisit found the article removed (404/410 or redirected home); its last good text
    stays."""
    story_province_code: str | None = None
    """Kemendagri code of the province where the story happened (`16`), from its dateline, else
    its headline and body (`crawler.places`); None when the article does not say."""
    story_province: str | None = None
    """Official name of that province (`Sumatera Selatan`)."""
    story_regency_code: str | None = None
    """Kemendagri code of the regency or city where the story happened (`16.07`); None when the
    article names only a province, or a name several regencies share without a clue."""
    story_regency: str | None = None
    """Official name of that regency or city (`Kabupaten Banyuasin`, `Kota Palembang`)."""
    story_places: list[dict] = field(default_factory=list)
    """Every place the article names that could be coded (JSON list of objects): `code`
    (Kemendagri), `name` (official), `level` (`province`, `regency`, `district`, `village`),
    `where` (`dateline`, `title`, `body`) and `count` (mentions there), in reading order."""
    story_location_source: str | None = None
    """What decided the story's place: `dateline`, `text` (headline and body) or `portal` (a name
    several regions share, read as the one in the portal's home region); None when unknown."""
    story_location_confidence: float | None = None
    """How sure the location is, 0-1: 0.95 a dateline naming one region, 0.9 a shared dateline
    name the article's other places decide, 0.8 a regency's own name before a seat elsewhere, 0.7
    decided by the portal's home region, 0.5-0.85 headline and body alone (by the winning
    region's share of the place mentions)."""

    raw: RawArticle | None = field(default=None, repr=False, compare=False)
    """Extraction output the Clean pipeline reads; not stored."""
    raw_body: bytes | None = field(default=None, repr=False, compare=False)
    """The response body as fetched; stored compressed in `raw_pages`, not in `articles`."""
    raw_headers: dict[str, str] | None = field(default=None, repr=False, compare=False)
    """Response headers of the fetch; stored in `raw_pages`."""
    raw_parts: list[dict] = field(default_factory=list, repr=False, compare=False)
    """The fetches of a split article's later pages (`number`, `url`, `final_url`, `status`,
    `headers`, `body`, `fetched_at`), in page order; stored in `raw_pages` as parts of the
    article."""


TRANSIENT_FIELDS = frozenset({"raw", "raw_body", "raw_headers", "raw_parts"})
"""ArticleItem fields that travel through the pipelines but are not columns of `articles`."""

LIST_FIELDS = frozenset({"authors", "related_links", "tags", "categories"})
"""ArticleItem fields stored as JSON lists of strings."""

RECORD_LIST_FIELDS = frozenset({"story_places"})
"""ArticleItem fields stored as JSON lists of objects."""

STORY_FIELDS = (
    "story_province_code",
    "story_province",
    "story_regency_code",
    "story_regency",
    "story_places",
    "story_location_source",
    "story_location_confidence",
)
"""The story-location fields (`crawler.places.locate`), in data-dictionary order."""


def article_columns() -> list[str]:
    """Column names of the `articles` table, in data-dictionary order."""
    return [f.name for f in fields(ArticleItem) if f.name not in TRANSIENT_FIELDS]
