"""Listing pages as a discovery channel: next-page detection and the classified links of a listing.

Next page, in order of trust: `rel=next` (`<link>` or `<a>`); theme pagination controls
(WordPress `a.next.page-numbers` and `.nav-previous`, JNews `.page_nav.next`, tagDiv's right-arrow
icon, Blogger's `blog-pager-older-link` with `updated-max`); else a link on the page to page N+1 of
the same listing (`/page/N/` or `?paged=N`). Calendar traps are the caller's to bound (a page
limit per walk); this module only refuses a "next" page that is the page itself or goes backwards.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any
from urllib.parse import parse_qs, urlencode, urlsplit, urlunsplit

from lxml import etree

from crawler.discovery._dates import parse_w3c_datetime
from crawler.discovery._html import (
    anchors,
    class_values,
    document_base,
    element_text,
    parse_html,
    rel_values,
)
from crawler.discovery._urls import absolute_url
from crawler.discovery.links import classify_url, same_portal
from crawler.discovery.pages import CANDIDATE_KINDS, page_signals
from crawler.discovery.records import Discovered

PAGE_SEGMENT = "page"
"""WordPress's pagination base (`/page/N/`)."""

PAGE_QUERY_KEYS = ("paged", "page")
"""Query keys holding a page number: WordPress plain permalinks, and `?page=` index pages."""

MAX_CARD_LEVELS = 4
"""Ancestors of a link searched for its `<time datetime>`: theme post cards nest the title link
2-4 levels below the card (JNews `.jeg_post`, tagDiv `.td_module_wrap`, `<article>`)."""

NEXT_CLASS_SETS = (
    {"next", "page-numbers"},  # WordPress paginate_links()
    {"page_nav", "next"},  # JNews
    {"blog-pager-older-link"},  # Blogger
    {"next-page"},
    {"older-posts"},
)
"""Class combinations that mark a theme's next-page (older posts) link."""

NEXT_CONTAINER_CLASSES = frozenset({"nav-previous", "older", "next"})
"""Containers whose link is the next (older) page: WordPress `the_posts_navigation()`."""

NEXT_ICON_CLASSES = frozenset({"td-icon-menu-right"})
"""Icons that make a link the next page: tagDiv's (Newspaper) right arrow."""


@dataclass(frozen=True)
class PageLink:
    """One on-portal link of a listing page."""

    url: str
    """Absolute URL, fragment removed."""
    kind: str
    """'article', 'listing', 'page' (only its content can tell) or 'other', from the URL's shape."""
    text: str | None = None
    """Anchor text (first non-empty one when the page links the URL several times)."""
    published_at: str | None = None
    """`<time datetime>` of the post card holding the link, when it holds only this article."""


def page_number(url: str) -> int:
    """The page number a listing URL names (`/page/N/`, `?paged=N`, `?page=N`); 1 when none."""
    try:
        parts = urlsplit(url)
    except (AttributeError, TypeError, ValueError):
        return 1
    segments = [s for s in parts.path.split("/") if s]
    for index, segment in enumerate(segments[:-1]):
        if segment.lower() == PAGE_SEGMENT and segments[index + 1].isdigit():
            return max(1, int(segments[index + 1]))
    query = parse_qs(parts.query)
    for key in PAGE_QUERY_KEYS:
        value = query.get(key, [""])[0]
        if value.isdigit():
            return max(1, int(value))
    return 1


def listing_root(url: str) -> str:
    """A listing URL without its page number (`/category/x/page/3/` -> `/category/x/`)."""
    try:
        parts = urlsplit(url)
    except (AttributeError, TypeError, ValueError):
        return url if isinstance(url, str) else ""
    segments = parts.path.split("/")
    for index in range(len(segments) - 1):
        if segments[index].lower() == PAGE_SEGMENT and segments[index + 1].isdigit():
            segments = [*segments[:index], ""]
            break
    path = "/".join(segments) or "/"
    query = [
        (k, v) for k, vs in parse_qs(parts.query, keep_blank_values=True).items() for v in vs
        if k not in PAGE_QUERY_KEYS
    ]  # fmt: skip
    return urlunsplit((parts.scheme, parts.netloc, path, urlencode(query), ""))


def page_url(listing_url: str, number: int) -> str:
    """Page `number` of a listing: `/page/N/` for pretty permalinks, `?paged=N` when the URL uses it."""
    root = listing_root(listing_url)
    if number <= 1 or absolute_url(root) is None:
        return root
    parts = urlsplit(root)
    original_query = parse_qs(urlsplit(listing_url).query)
    for key in PAGE_QUERY_KEYS:
        if key in original_query or (key == "paged" and parts.query):
            query = parts.query + ("&" if parts.query else "") + urlencode([(key, number)])
            return urlunsplit((parts.scheme, parts.netloc, parts.path, query, ""))
    path = parts.path if parts.path.endswith("/") else parts.path + "/"
    return urlunsplit(
        (parts.scheme, parts.netloc, f"{path}{PAGE_SEGMENT}/{number}/", parts.query, "")
    )


def updated_max(url: str) -> str | None:
    """The `updated-max` of a Blogger listing URL (`/search?updated-max=...`), or None."""
    try:
        return parse_qs(urlsplit(url).query).get("updated-max", [None])[0]
    except (AttributeError, TypeError, ValueError):
        return None


def _goes_forward(candidate: str, current: str) -> bool:
    if candidate == current:
        return False
    candidate_max, current_max = updated_max(candidate), updated_max(current)
    if candidate_max and current_max:
        older, newer = parse_w3c_datetime(candidate_max), parse_w3c_datetime(current_max)
        if not older or not newer or "T" not in older or "T" not in newer:
            return False
        return datetime.fromisoformat(older) < datetime.fromisoformat(newer)
    if listing_root(candidate) == listing_root(current):
        return page_number(candidate) > page_number(current)
    return True


def _theme_next(root: etree._Element) -> list[etree._Element]:
    found: list[etree._Element] = []
    for link in anchors(root):
        classes = class_values(link)
        parent = link.getparent()
        parent_classes = class_values(parent) if parent is not None else set()
        marked = any(wanted <= classes for wanted in NEXT_CLASS_SETS)
        in_container = bool(parent_classes & NEXT_CONTAINER_CLASSES) and not any(
            "prev" in name for name in classes
        )
        with_icon = any(class_values(icon) & NEXT_ICON_CLASSES for icon in link.iter("i", "span"))
        if marked or in_container or with_icon:
            found.append(link)
    return found


def next_page_url(html_body: Any, url: str) -> str | None:
    """The next (older) page of a listing page, on the same portal, or None on the last page."""
    return _next_page(parse_html(html_body), url)


def _next_page(root: etree._Element | None, url: str) -> str | None:
    if root is None:
        return None
    base = document_base(root, url)
    candidates: list[str | None] = []
    for element in root.iter("link", "a"):
        if "next" in rel_values(element):
            candidates.append(absolute_url(element.get("href"), base))
    candidates += [absolute_url(link.get("href"), base) for link in _theme_next(root)]
    wanted_root, wanted_number = listing_root(url), page_number(url) + 1
    for link in anchors(root):
        target = absolute_url(link.get("href"), base)
        if target and page_number(target) == wanted_number and listing_root(target) == wanted_root:
            candidates.append(target)
    for candidate in candidates:
        if candidate and same_portal(candidate, url) and _goes_forward(candidate, url):
            return candidate
    return None


def _card_time(link: etree._Element, url: str, below: dict[etree._Element, set[str]]) -> str | None:
    node = link
    for _level in range(MAX_CARD_LEVELS):
        node = node.getparent()
        if node is None:
            return None
        if below.get(node, set()) - {url}:
            return None  # the container already holds another article: not this link's card
        for time in node.iter("time"):
            stamp = parse_w3c_datetime(time.get("datetime"))
            if stamp:
                return stamp
    return None


def _candidates_below(
    targets: dict[etree._Element, str], kinds: dict[str, str]
) -> dict[etree._Element, set[str]]:
    """For each ancestor of a candidate link, up to two of the candidate URLs it holds (two tell
    whether it holds another than a given one): one upward pass per link, not a scan per card."""
    below: dict[etree._Element, set[str]] = {}
    for anchor, target in targets.items():
        if kinds.get(target) not in CANDIDATE_KINDS:
            continue
        for node in anchor.iterancestors():
            held = below.setdefault(node, set())
            if len(held) == 2:
                break  # it holds two already, and so does every element around it
            held.add(target)
    return below


def listing_links(html_body: Any, base_url: str) -> list[PageLink]:
    """The on-portal links of a listing page, deduplicated, classified by URL shape (article,
    listing, page, other)."""
    return _links(parse_html(html_body), base_url)


def _links(root: etree._Element | None, base_url: str) -> list[PageLink]:
    if root is None:
        return []
    base = document_base(root, base_url)
    order: list[str] = []
    texts: dict[str, str | None] = {}
    kinds: dict[str, str] = {}
    first_anchor: dict[str, etree._Element] = {}
    targets: dict[etree._Element, str] = {}  # each anchor resolved once (card dates look again)
    for link in anchors(root):
        url = absolute_url(link.get("href"), base)
        if url is None or not same_portal(url, base_url):
            continue
        targets[link] = url
        text = element_text(link) or (link.get("title") or "").strip() or None
        if url not in kinds:
            order.append(url)
            kinds[url] = classify_url(url)
            texts[url] = text
            first_anchor[url] = link
        elif texts[url] is None and text:
            texts[url] = text
    below = _candidates_below(targets, kinds)
    return [
        PageLink(
            url=url,
            kind=kinds[url],
            text=texts[url],
            published_at=_card_time(first_anchor[url], url, below)
            if kinds[url] in CANDIDATE_KINDS
            else None,
        )
        for url in order
    ]


@dataclass(frozen=True)
class ListingPage:
    """One fetched page read for the crawl (one parse): its links, its next page, and what the
    page itself shows it is (crawler.discovery.pages signals)."""

    links: list[PageLink]
    next_url: str | None
    signals: list[str]


def read_listing(html_body: Any, url: str) -> ListingPage:
    """A page's classified on-portal links, its next page and its recognition signals."""
    root = parse_html(html_body)
    found = _links(root, url)
    kinds = {link.url: link.kind for link in found}
    return ListingPage(found, _next_page(root, url), page_signals(root, url, kinds))


def discovered_from_listing(
    html_body: Any, url: str, channel: str = "pagination"
) -> list[Discovered]:
    """A listing page's article candidates (`article` and `page` shapes, as kind `article`) and
    listing links, then its next page, as `Discovered`."""
    found = [
        Discovered(url=link.url, channel=channel, title=link.text, published_at=link.published_at,
                   kind="article" if link.kind in CANDIDATE_KINDS else "listing")
        for link in listing_links(html_body, url)
        if link.kind in (*CANDIDATE_KINDS, "listing")
    ]  # fmt: skip
    following = next_page_url(html_body, url)
    if following and all(entry.url != following for entry in found):
        found.append(Discovered(url=following, channel=channel, kind="listing"))
    return found
