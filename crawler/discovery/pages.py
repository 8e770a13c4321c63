"""What a fetched HTML page shows it is, whatever its URL: its own claims and its structure, as
recognition signals (`crawler.article.page_kind` weighs them).

A page says what it is in its platform's markup (WordPress body classes), its structured data
(JSON-LD types and what they are about) and OpenGraph; it shows it in its structure: one main text
block of article length, or a list of teasers (heading links to other posts) without one, or
several full posts each under its own heading. Signals:

- `wp:archive`            WordPress archive body classes (category, tag, author, date, taxonomy,
                          search results, the posts home), with no single-post class
- `wp:single` / `wp:page` WordPress single-post (`single`, `postid-N`) / static page (`page-id-N`)
- `og:article`            `og:type` is `article`
- `jsonld:Article`        a JSON-LD article object about this page (its URL or canonical, or none)
- `listing:collection`    JSON-LD says the page is a CollectionPage, SearchResultsPage or ProfilePage
- `listing:describes-other`  the only JSON-LD articles describe posts the page links as teasers
- `listing:teasers`       several teasers and no block of article length
- `listing:posts`         several full posts, each under its own heading link
- `listing:home`          the URL is the site's home page (`/`, `/index.php`), which a news
                          portal never gives to one story
- `text:block`            a text block of article length outside the page's chrome
- `listed:<channel>`      the discovery channel that found the page lists posts one by one (a
                          feed, Google News entries, the REST API: `crawler.article.LISTED_BY`)
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any
from urllib.parse import urlsplit

from lxml import etree

from crawler.article import listed_signals, page_kind, recognise
from crawler.discovery._html import document_base, parse_html, rel_values
from crawler.discovery._urls import absolute_url
from crawler.discovery.links import classify_url, same_portal
from crawler.extract.dom import HEADING_TAGS, attribute_words, class_name_words
from crawler.extract.metadata import ARTICLE_TYPES, jsonld_objects
from crawler.fingerprints import url_key

__all__ = ["CANDIDATE_KINDS", "page_signals", "signals_of"]

CANDIDATE_KINDS = ("article", "page")
"""Link kinds (crawler.discovery.links.classify_url) that may be an article: a teaser's target."""

MIN_BLOCK_CHARS = 400
"""Characters of one text block that make it article length: WARTA_MIN_BODY_CHARS, the shortest
real article in the dev corpus; a listing's teaser excerpts run 150-300 (WordPress cuts at 55
words, themes at about 30)."""

MIN_TEASERS = 3
"""Distinct teaser links that make a page without an article-length block a listing: a section
front or archive shows ten or so; an article page without a body is rarer than a listing of
three (a tag with two posts is left to the other signals)."""

MIN_FULL_POSTS = 2
"""Full posts, each with its own heading link, that make a page a listing (a full-text archive)."""

ARCHIVE_CLASSES = frozenset({"category", "tag", "author", "date"})
"""WordPress body classes that name the archive next to `archive` (`archive category ...`)."""

ARCHIVE_CLASS_PREFIXES = ("tax-", "post-type-archive")
"""WordPress body classes of custom taxonomy and post-type archives (with `archive`)."""

SEARCH_CLASSES = frozenset({"search-results", "search-no-results"})
"""WordPress body classes of a search results page."""

POSTS_HOME_CLASSES = (frozenset({"home", "blog"}), frozenset({"blog", "paged"}))
"""WordPress body classes of the posts home and its further pages (both of a pair together)."""

SINGLE_CLASSES = frozenset({"single", "single-post"})
"""WordPress body classes of one post (`postid-N` too); `singular` is not here: themes print it
on every page (Twenty Twenty-One's markup as the test portal serves it)."""

COLLECTION_TYPES = frozenset({"collectionpage", "searchresultspage", "profilepage"})
"""schema.org page types of listings (Yoast and Rank Math print them on archives, search and
author pages). `ItemList` is not here: article pages use it for "top 10" lists."""

SKIP_TAGS = frozenset(
    {"script", "style", "noscript", "template", "svg", "form", "select", "button", "iframe"}
)
"""Elements whose text is never a page's text (code, forms, embeds)."""

CHROME_TAGS = frozenset({"aside", "nav", "footer"})
"""Elements of page chrome whatever their classes."""

COMMENT_WORDS = frozenset({"comment", "comments", "commentlist", "komentar", "disqus"})
"""Class/id words of reader comments, whose long texts are no article body."""

CHROME_WORDS = frozenset(
    {"sidebar", "related", "terkait", "popular", "populer", "terpopuler", "trending", "recent",
     "terbaru", "terkini", "lainnya", "rekomendasi", "recommended", "footer", "menu", "nav",
     "navigation", "breadcrumb", "breadcrumbs", "share", "widget"}
)  # fmt: skip
"""Class/id words of boxes around the main content (sidebars, related and popular posts, menus):
their heading links are not the page's teasers, their text not its main block. Used only where a
mistake costs a stored listing (teasers, the main block), never where it would drop an article
(`listing:teasers` asks for no block anywhere outside CHROME_TAGS and comments)."""

PARAGRAPH_TAGS = frozenset({"p", "blockquote", "pre", "ul", "ol", *HEADING_TAGS})
"""Children whose whole text counts toward their parent's block."""

INLINE_TAGS = frozenset(
    {"span", "strong", "b", "em", "i", "a", "font", "u", "small", "mark", "sup", "sub", "br"}
)
"""Children that are part of their parent's running text (`<br>`-separated bodies)."""

CARD_CLASSES = frozenset({"hentry", "post", "type-post"})
"""Classes of a post card (besides `<article>`): WordPress `post_class()`."""


MIN_DIRECT_TEXT_CHARS = 80
"""Characters of text directly inside an element (no `<p>`, no `<br>`) that make it worth
measuring as a block: a sentence or two; shorter runs are labels and buttons."""


def _text_length(element: etree._Element) -> int:
    return len(" ".join("".join(element.itertext()).split()))


def _own_text(element: etree._Element) -> int:
    """Characters of an element's own running text (its text, its paragraphs and inline children),
    counted up to MIN_BLOCK_CHARS."""
    total = len((element.text or "").strip())
    for child in element:
        if total >= MIN_BLOCK_CHARS:
            break
        tag = child.tag if isinstance(child.tag, str) else ""
        if tag in PARAGRAPH_TAGS or tag in INLINE_TAGS:
            total += _text_length(child)
        total += len((child.tail or "").strip())
    return total


LAYOUT_SHARE = 0.5
"""Share of the page's text above which an element whose class names a box, and that holds the
page's headline, is the page's layout (`zen-one-sidebar-second`, `c-layout-sidebar-left`,
`id="navigation-container"` around the whole page: a sidebar's configuration, not a sidebar); the
extractor's containers use the same half (crawler.extract: a grown container's menus, forms)."""


class _Chrome:
    """Whether an element sits in page chrome, remembered for every ancestor looked at (`body`:
    the page's body, whose text length and first `<h1>` LAYOUT_SHARE weighs a box against)."""

    def __init__(self, body: etree._Element | None = None) -> None:
        self.seen: dict[etree._Element, tuple[bool, bool]] = {}
        self.body = body
        self.headline = next(body.iter("h1"), None) if body is not None else None
        self._page_chars: int | None = None  # measured when a box-named wrapper is first weighed

    def of(self, element: etree._Element) -> tuple[bool, bool]:
        """(hard, any): inside aside/nav/footer, comments or code; inside any chrome box."""
        path = []
        node: etree._Element | None = element
        while node is not None and node not in self.seen:
            path.append(node)
            node = node.getparent()
        hard, soft = self.seen[node] if node is not None else (False, False)
        for current in reversed(path):
            tag = current.tag if isinstance(current.tag, str) else ""
            # the body's classes describe the whole page (`has-main-navigation`), not a box
            marked = tag not in ("html", "body") and (current.get("class") or current.get("id"))
            words = attribute_words(current) if marked else []
            hard = hard or tag in CHROME_TAGS or tag in SKIP_TAGS
            hard = hard or any(w in COMMENT_WORDS for w in words)
            soft = (
                soft
                or hard
                or (bool(words) and _names_a_box(current) and not self._layout(current))
            )
            self.seen[current] = (hard, soft)
        return self.seen[element]

    def _layout(self, element: etree._Element) -> bool:
        """True when a box-named element holds the page's headline (if it has one) and more than
        LAYOUT_SHARE of its text."""
        headline = self.headline
        if self.body is None or (
            headline is not None
            and headline is not element
            and element not in headline.iterancestors()
        ):
            return False
        if self._page_chars is None:
            self._page_chars = _text_length(self.body)
        return _text_length(element) > LAYOUT_SHARE * self._page_chars


BOX_NAMES_CACHE = 8192  # as crawler.extract.dom's WORDS_CACHE: a theme's class strings, remembered
"""Class-and-id strings whose verdict `_names_a_box` remembers."""

LAYOUT_STATE_WORDS = frozenset({"with", "has", "no", "is", "offset", "without"})
"""First words of a class name that states a layout's state (`with-sidebar`, `hasSidebar`,
`offset-nav`): the wrapper says the page has a sidebar beside it, not that it is one. With the widget wrappers and
utility classes below, 13 of the 66 dev-set pages (wcxb-articles, scrapinghub, wp-themes,
dates) that recognition had refused are articles again (wcxb-articles 23 -> 13 refused, dates 38
-> 35); none of the test portal's listings changed."""

WRAPPER_CHROME_WORDS = frozenset({"widget"})
"""CHROME_WORDS that name a box only beside another of them: CMSs wrap every block of a story in
a widget (HubSpot's `hs_cos_wrapper_widget`, `widget-type-rich_text`; Elementor's
`elementor-widget-text-editor`), as crawler.extract.dom's THEME_PREFIXES say of the extractor."""


def _names_a_box(element: etree._Element) -> bool:
    """True when an element's class or id names a chrome box (CHROME_WORDS), not a layout's state
    (LAYOUT_STATE_WORDS) nor a CMS's generic widget wrapper (WRAPPER_CHROME_WORDS)."""
    return _box_names(f"{element.get('class') or ''} {element.get('id') or ''}")


TERM_CLASS_PREFIXES = ("category-", "tag-", "kategori-")
"""Class names WordPress's post_class() gives a post for each of its terms (`category-popular`,
`tag-trending`) beside POST_CLASSES: the post's taxonomy, not a box of the page (a theme's own
`category-menu` stays one)."""

POST_CLASSES = frozenset({"hentry", "type-post", "status-publish"})
"""Classes post_class() prints on every post, with its term classes."""

CSS_MODULE_HASH = re.compile(r"__[A-Za-z0-9_-]{5}$")
"""The hash a CSS module appends to a class name (`BasePageLayout_Main__2pNav`, Next.js's
`[name]_[local]__[hash]`): letters by chance, no words (`2pNav` names no navigation)."""


def _box_name_part(name: str, *, post: bool) -> str:
    """The part of a class name that may name a box: none of a post's term class (`post`: the
    names are a post's); a CSS module's name without its hash."""
    if post and name.lower().startswith(TERM_CLASS_PREFIXES):
        return ""
    hashed = CSS_MODULE_HASH.search(name)
    if hashed and any(c.isdigit() or c.isupper() or c in "-_" for c in hashed.group()[2:]):
        name = name[: hashed.start()]
    return name


@lru_cache(maxsize=BOX_NAMES_CACHE)
def _box_names(names: str) -> bool:
    """`_names_a_box` for one class-and-id string (a theme prints a few hundred of them)."""
    words: set[str] = set()
    split = names.split()
    post = not POST_CLASSES.isdisjoint(split)
    for name in (_box_name_part(n, post=post) for n in split):
        # a utility class declares a style (Tailwind's `[--sidebar-width:18rem]`, `lg:flex`)
        parts = class_name_words(name) if name and not any(c in name for c in "[:") else ()
        if parts and parts[0] not in LAYOUT_STATE_WORDS:
            words.update(w for w in parts if w in CHROME_WORDS)
    return bool(words - WRAPPER_CHROME_WORDS) or len(words) > 1


def _kind(target: str, url: str, kinds: dict[str, str] | None) -> str:
    """A link's shape: from the page's classified links, or classified here (on-portal only)."""
    if kinds is not None:
        return kinds.get(target, "other")
    return classify_url(target) if same_portal(target, url) else "other"


def _teasers(
    body: etree._Element,
    base: str,
    url: str,
    kinds: dict[str, str] | None,
    own: set[str],
    chrome: _Chrome,
) -> dict[str, list[etree._Element]]:
    """Heading links to article candidates outside the chrome, by URL key, with their headings."""
    found: dict[str, list[etree._Element]] = {}
    for heading in body.iter(*HEADING_TAGS):
        links = [a for a in heading.iter("a") if a.get("href")]
        if not links or chrome.of(heading)[1]:
            continue
        for link in links:
            target = absolute_url(link.get("href"), base)
            if target is None or _kind(target, url, kinds) not in CANDIDATE_KINDS:
                continue
            key = url_key(target)
            if key not in own:
                found.setdefault(key, []).append(heading)
    return found


def _blocks(body: etree._Element, chrome: _Chrome) -> tuple[list[etree._Element], int]:
    """Elements holding a text block of article length outside hard chrome, and how many of them
    are outside any chrome."""
    holders = {p.getparent() for p in body.iter("p", "br")}
    holders.update(e for e in body.iter() if len((e.text or "").strip()) >= MIN_DIRECT_TEXT_CHARS)
    blocks, main = [], 0
    for element in holders:
        if element is None or not isinstance(element.tag, str):
            continue
        hard, soft = chrome.of(element)
        if not hard and _own_text(element) >= MIN_BLOCK_CHARS:
            blocks.append(element)
            main += not soft
    return blocks, main


def _card(element: etree._Element) -> etree._Element | None:
    for ancestor in element.iterancestors():
        if ancestor.tag == "article" or CARD_CLASSES & set((ancestor.get("class") or "").split()):
            return ancestor
    return None


def _full_posts(teasers: dict[str, list[etree._Element]], blocks: list[etree._Element]) -> int:
    """Innermost post cards holding both a teaser heading and a block of article length."""
    holders = set(blocks)
    cards = {
        card
        for headings in teasers.values()
        for heading in headings
        if (card := _card(heading)) is not None and any(e in holders for e in card.iter())
    }
    # a card around another card is the page (an article element wrapping related posts)
    return sum(
        1 for card in cards if not any(c is not card and card in c.iterancestors() for c in cards)
    )


def _body_signals(body: etree._Element | None) -> list[str]:
    classes = set((body.get("class") or "").split()) if body is not None else set()
    single = bool(classes & SINGLE_CLASSES) or any(c.startswith("postid-") for c in classes)
    page = any(c.startswith("page-id-") for c in classes)
    archive = (
        "archive" in classes
        and bool(classes & ARCHIVE_CLASSES or any(c.startswith(ARCHIVE_CLASS_PREFIXES) for c in classes))
    ) or bool(classes & SEARCH_CLASSES) or any(pair <= classes for pair in POSTS_HOME_CLASSES)  # fmt: skip
    if single:
        return ["wp:single"]
    if page:
        return ["wp:page"]
    return ["wp:archive"] if archive else []


def _types(obj: dict) -> set[str]:
    raw = obj.get("@type")
    values = raw if isinstance(raw, list) else [raw]
    return {v.rsplit("/", 1)[-1].lower() for v in values if isinstance(v, str)}


def _about(obj: dict) -> str | None:
    """The URL a JSON-LD object says it describes (`url`, `mainEntityOfPage`, `@id`)."""
    for key in ("url", "mainEntityOfPage", "@id"):
        value = obj.get(key)
        if isinstance(value, dict):
            value = value.get("@id") or value.get("url")
        if isinstance(value, str) and value.strip():
            return value.strip()
    return None


def _structured(
    root: etree._Element, base: str, url: str, own: set[str]
) -> tuple[bool, bool, set[str]]:
    """(an article object about this page, a listing page type, keys of the other pages that
    article objects describe)."""
    about_self = collection = False
    others: set[str] = set()
    for obj in jsonld_objects(root):
        types = _types(obj)
        collection = collection or bool(types & COLLECTION_TYPES)
        if not types & ARTICLE_TYPES:
            continue
        about = absolute_url(_about(obj), base)
        if about and same_portal(about, url) and url_key(about) not in own:
            others.add(url_key(about))
        else:
            about_self = True
    return about_self, collection, others


def _canonical(root: etree._Element, base: str) -> str | None:
    for link in root.iter("link"):
        if "canonical" in rel_values(link):
            return absolute_url(link.get("href"), base)
    return None


def _og_type(root: etree._Element) -> str:
    for meta in root.iter("meta"):
        if (meta.get("property") or meta.get("name") or "").strip().lower() == "og:type":
            return (meta.get("content") or "").strip().lower()
    return ""


def page_signals(root: Any, url: str, kinds: dict[str, str] | None = None) -> list[str]:
    """Recognition signals of a parsed page (`kinds`: its on-portal links classified by shape, when
    the caller has them; else its heading links are classified here)."""
    if root is None:
        return []
    base = document_base(root, url)
    canonical = _canonical(root, base)
    own = {url_key(url)} | ({url_key(canonical)} if canonical else set())
    body = root.find("body")
    signals = _body_signals(body)
    if _is_home(url):
        signals.append("listing:home")
    if _og_type(root) == "article":
        signals.append("og:article")
    about_self, collection, others = _structured(root, base, url, own)
    if about_self:
        signals.append("jsonld:Article")
    elif collection:
        signals.append("listing:collection")
    teasers: dict[str, list[etree._Element]] = {}
    blocks: list[etree._Element] = []
    main_blocks = 0
    if body is not None:
        chrome = _Chrome(body)
        teasers = _teasers(body, base, url, kinds, own, chrome)
        blocks, main_blocks = _blocks(body, chrome)
    if not about_self and "wp:single" not in signals and others & set(teasers):
        signals.append("listing:describes-other")
    if len(teasers) >= MIN_TEASERS and not blocks:
        signals.append("listing:teasers")
    if _full_posts(teasers, blocks) >= MIN_FULL_POSTS:
        signals.append("listing:posts")
    if main_blocks:
        signals.append("text:block")
    return signals


HOME_PATHS = frozenset({"", "/", "/index.php", "/index.html", "/index.htm"})
"""Paths of a site's home page."""


def _is_home(url: str) -> bool:
    """True for the site's own home page (no post named in its query, as `/?p=7818` names one)."""
    try:
        path = urlsplit(url).path
    except ValueError:
        return False
    return path in HOME_PATHS and classify_url(url) in ("listing", "page")


def signals_of(html_body: Any, url: str) -> list[str]:
    """Recognition signals of a page's HTML (parsed here; no link list, no next page)."""
    return page_signals(parse_html(html_body), url)


def recognise_page(raw: Any, html_body: Any, url: str, *, channel: str | None = None) -> str:
    """What an extracted page is ('article', 'listing' or 'unknown'), judged as a crawl judges it:
    a page whose URL and own claims both say article is one; any other is read for what it shows
    (`crawler.article.recognise` with this page's signals, which it adds to `raw`), and for what
    the discovery `channel` that found it says (a feed lists posts: `listed_signals`)."""
    if classify_url(url) == "article" and page_kind(raw.article_signals) == "article":
        return "article"
    return recognise(raw, [*signals_of(html_body, url), *listed_signals(channel)])
