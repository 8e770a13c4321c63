"""Data model of the test portal: people, sites, articles (with their truth), static pages."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone

from crawler.testportal.blocks import Dress

WIB = timezone(timedelta(hours=7), "WIB")
WITA = timezone(timedelta(hours=8), "WITA")
WIT = timezone(timedelta(hours=9), "WIT")
ZONES = {"WIB": WIB, "WITA": WITA, "WIT": WIT}
"""Indonesia's three zones by the names portals print."""

SPLIT_NEXTPAGE = "nextpage"
"""`Article.split`: WordPress `<!--nextpage-->` on pretty permalinks; page N at `<permalink>N/`
(`?page=N` appended when the permalink is a query) with `wp_link_pages()` links under the text."""
SPLIT_QUERY = "query"
"""`Article.split`: the `?page=N` pager of national-style portals; page N at `<permalink>?page=N`,
a `div.paging` block under the text, every page canonical to the permalink."""
SPLITS = (SPLIT_NEXTPAGE, SPLIT_QUERY)


@dataclass(frozen=True)
class Person:
    """A WordPress account or a reporter: `name` is the clean name, `display` what the site prints."""

    key: str
    name: str
    display: str
    bio: str = ""
    is_person: bool = True

    @property
    def slug(self) -> str:
        """The account's URL slug (`/author/<slug>/`)."""
        return slugify(self.key)


@dataclass(frozen=True)
class Comment:
    """A reader comment under an article."""

    author: str
    text: str
    minutes_after: int
    """Minutes after publication."""


@dataclass(frozen=True)
class Article:
    """One article: what the page shows and the clean fields Warta must produce from it."""

    key: str
    title: str
    published: datetime
    modified: datetime
    categories: tuple[str, ...]
    tags: tuple[str, ...]
    paragraphs: tuple[str, ...]
    """The clean body, one string per paragraph (truth: joined by a blank line)."""
    dress: Dress
    account: Person
    """The WordPress posting account (admin, Redaksi, an account code or a reporter's account)."""
    box: Person | None = None
    """The reporter shown in the author box (name with academic title, bio), if any."""
    authors: tuple[str, ...] = ()
    editor: str | None = None
    dateline_place: str | None = None
    dateline_outlet: str | None = None
    agency_tag: str | None = None
    syndicated_from: str | None = None
    jsonld: str = "yoast"
    """Structured data style: `yoast` (@graph), `plain` (a NewsArticle object), `both`, `none`."""
    jsonld_author: str = "account"
    """Who JSON-LD names as author: `account`, `reporter`, `site` (a trap) or `editor` (a trap)."""
    conventions: tuple[str, ...] = ()
    """Issue-3 conventions this article carries (for the README table and the tests)."""
    flags: frozenset[str] = frozenset()
    """Traps: `charset-lie`, `false-z`, `pdf-link`, `empty-body`."""
    comments: tuple[Comment, ...] = ()
    copy_of: str | None = None
    """Key of the article on the source portal that this one republishes verbatim."""
    slug: str = ""
    post_id: int = 0
    image: str = ""
    """Lead image path on the portal."""
    clean_title: str | None = None
    """The headline without the affix a house style prints around it (truth of `title`)."""
    page_breaks: tuple[int, ...] = ()
    """Indices of the paragraphs that open page 2, 3, … of an article split over pages (empty: one
    page). The truth stays the whole article; only the served pages are split."""
    split: str = ""
    """How a split article is paged: `SPLIT_NEXTPAGE` or `SPLIT_QUERY` (empty: one page)."""

    @property
    def pages(self) -> int:
        """How many pages the article is served on (1 unless it is split)."""
        return len(self.page_breaks) + 1 if self.split else 1

    @property
    def body(self) -> str:
        """The clean body: paragraphs joined by a blank line."""
        return "\n\n".join(self.paragraphs)

    @property
    def posted_by(self) -> str | None:
        """The posting account when it is not a person (truth of `posted_by`)."""
        return None if self.account.is_person else self.account.name

    @property
    def excerpt(self) -> str:
        """The first sentence or so of the story, as listings and feeds show it."""
        if not self.paragraphs:
            return ""
        words = self.paragraphs[0].split()
        return " ".join(words[:EXCERPT_WORDS]) + (" […]" if len(words) > EXCERPT_WORDS else "")


EXCERPT_WORDS = 30  # WordPress trims the automatic excerpt at 55 words; themes cut to about 30


@dataclass(frozen=True)
class StaticPage:
    """A WordPress page that is not an article (about, newsroom, contact, cyber-media guideline)."""

    slug: str
    title: str
    paragraphs: tuple[str, ...]


@dataclass(frozen=True)
class SiteInfo:
    """Identity of one portal: its name, the outlet name its datelines print, zone and wording."""

    name: str
    outlet: str
    tagline: str
    tz: timezone = WIB
    tz_label: str = "WIB"
    region: str = "Sumatera Selatan"
    region_category: str = "Sumsel"
    """The category generated articles file under besides their topic."""
    email: str = "redaksi@example.test"
    address: str = ""


@dataclass
class Corpus:
    """Everything one portal publishes, across epochs."""

    site: SiteInfo
    articles: list[Article]
    """Articles of epoch 1, newest first."""
    pages: list[StaticPage]
    epoch2_new: Article | None = None
    epoch2_edit: Article | None = None
    """The edited version (same key and slug as the article it replaces)."""
    epoch2_removed: str | None = None
    epoch2_redirected: str | None = None
    empty_body_key: str | None = None
    extra: dict[str, object] = field(default_factory=dict)


_NON_SLUG = re.compile(r"[^a-z0-9]+")


def slugify(text: str, max_words: int = 0) -> str:
    """A WordPress-style slug: ASCII, lower case, words joined by hyphens."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    words = [w for w in _NON_SLUG.split(ascii_text.lower()) if w]
    if max_words:
        words = words[:max_words]
    return "-".join(words) or "tanpa-judul"


def local(text: str, tz: timezone) -> datetime:
    """`YYYY-MM-DD HH:MM` as an aware local time in `tz`."""
    return datetime.strptime(text, "%Y-%m-%d %H:%M").replace(tzinfo=tz)
