"""Blogger (Blogspot) as a discovery channel: paged post feeds (Atom and `alt=json`) and detection."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field, replace
from typing import Any
from urllib.parse import parse_qs, parse_qsl, urlencode, urlsplit

from crawler.discovery._dates import parse_w3c_datetime
from crawler.discovery._http import as_bytes, looks_like_html
from crawler.discovery._urls import absolute_url, host_and_port
from crawler.discovery.feeds import entries_from_root, feed_format, parse_feed_root
from crawler.discovery.records import Discovered, DiscoveryError
from crawler.discovery.safexml import MAX_XML_BYTES, gunzip_if_gzipped, local_name
from crawler.discovery.wordpress import generator

FEED_PATH = "/feeds/posts/default"
"""Blogger's feed of all posts, newest first."""

BLOGGER_MAX_RESULTS = 150
"""Blogger serves at most 150 entries per feed page whatever `max-results` asks."""

OPENSEARCH_NAMES = ("totalResults", "startIndex", "itemsPerPage")
"""OpenSearch 1.1 elements Blogger feeds carry for paging."""

BLOGGER_MARKERS = (
    b"blogger.com/static/",
    b"blogger.com/feeds/",
    b"blogger.com/dyn-css",
    b"blogblog.com/",
)
"""Byte strings of Blogger's own asset and feed hosts, present on every Blogger page, custom domain or not."""


@dataclass
class BloggerFeedPage:
    """One page of a Blogger posts feed."""

    entries: list[Discovered] = field(default_factory=list)
    """Posts (channel `blogspot-feed`, kind `article`)."""
    total_results: int | None = None
    """`openSearch:totalResults`: posts in the whole feed."""
    start_index: int | None = None
    """`openSearch:startIndex`: 1-based index of this page's first post."""
    items_per_page: int | None = None
    """`openSearch:itemsPerPage`."""
    next_url: str | None = None
    """The next page's URL on the portal's own host, None on the last page."""


def blogger_feed_url(
    base_url: str,
    start_index: int = 1,
    max_results: int = BLOGGER_MAX_RESULTS,
    alt: str | None = None,
) -> str:
    """`/feeds/posts/default?start-index=N&max-results=M` (plus `alt=json` / `alt=rss` when asked)."""
    root = absolute_url("/", base_url)
    if root is None:
        raise DiscoveryError(f"not an http(s) base URL: {base_url!r}")
    if not isinstance(start_index, int) or start_index < 1:
        raise DiscoveryError(f"start_index must be a positive integer, got {start_index!r}")
    params = [
        ("start-index", str(start_index)),
        ("max-results", str(max(1, min(int(max_results), BLOGGER_MAX_RESULTS)))),
    ]
    if alt:
        params.append(("alt", alt))
    return f"{root.rstrip('/')}{FEED_PATH}?{urlencode(params)}"


def blogger_next_url(url: str, start_index: int, count: int, total: int | None) -> str | None:
    """The feed page after one that started at `start_index` and held `count` posts, or None."""
    if count <= 0:
        return None
    next_index = start_index + count
    if total is not None and next_index > total:
        return None
    parts = urlsplit(url)
    query = parse_qs(parts.query, keep_blank_values=True)
    max_results = _int(query.get("max-results", [""])[0]) or BLOGGER_MAX_RESULTS
    if total is None and count < max_results:
        return None  # a short page is the last one
    alt = query.get("alt", [None])[0]
    return blogger_feed_url(url, next_index, max_results, alt)


def _int(text: Any) -> int | None:
    """An integer from text or a Blogger JSON `{"$t": "12"}` value, or None."""
    if isinstance(text, dict):
        text = text.get("$t")
    try:
        return int(str(text).strip())
    except (TypeError, ValueError):
        return None


def _json_page(url: str, data: bytes) -> BloggerFeedPage:
    try:
        payload = json.loads(data)
    except (ValueError, RecursionError):
        raise DiscoveryError("Blogger feed answered malformed JSON") from None
    feed = payload.get("feed") if isinstance(payload, dict) else None
    if not isinstance(feed, dict):
        raise DiscoveryError("Blogger JSON feed without a `feed` object")
    page = BloggerFeedPage(
        total_results=_int(feed.get("openSearch$totalResults")),
        start_index=_int(feed.get("openSearch$startIndex")),
        items_per_page=_int(feed.get("openSearch$itemsPerPage")),
    )
    seen: set[str] = set()
    for entry in feed.get("entry") or []:
        if not isinstance(entry, dict):
            continue
        links = [link for link in entry.get("link") or [] if isinstance(link, dict)]
        href = next((link.get("href") for link in links if link.get("rel") == "alternate"), None)
        entry_url = _post_of_comment(absolute_url(href, url))
        if entry_url is None or entry_url in seen:
            continue
        seen.add(entry_url)
        title = entry.get("title", {}).get("$t") if isinstance(entry.get("title"), dict) else None
        page.entries.append(
            Discovered(
                url=entry_url,
                channel="blogspot-feed",
                kind="article",
                lastmod=parse_w3c_datetime(_json_text(entry.get("updated"))),
                published_at=parse_w3c_datetime(_json_text(entry.get("published"))),
                title=" ".join(title.split()) if isinstance(title, str) and title.strip() else None,
            )
        )
    for link in feed.get("link") or []:
        if isinstance(link, dict) and link.get("rel") == "next":
            page.next_url = absolute_url(link.get("href"), url)
    return page


def _post_of_comment(url: str | None) -> str | None:
    """The post a comment's permalink points into (`post.html?showComment=1721012345678#c44`: a
    comments feed's entry is its post's page, with the comment's anchor)."""
    if url is None or "showComment=" not in url:
        return url
    parts = urlsplit(url)
    query = [
        (k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if k != "showComment"
    ]
    return parts._replace(query=urlencode(query), fragment="").geturl()


def _json_text(value: Any) -> str | None:
    """The `$t` text of a Blogger JSON value."""
    if isinstance(value, dict) and isinstance(value.get("$t"), str):
        return value["$t"]
    return None


def _atom_page(url: str, data: bytes) -> BloggerFeedPage:
    root = parse_feed_root(data)
    if feed_format(root) is None:
        raise DiscoveryError(f"not a Blogger feed: root element <{local_name(root)}>")
    entries, seen = [], set()
    for entry in entries_from_root(root, url, "blogspot-feed"):
        entry = replace(entry, url=_post_of_comment(entry.url) or entry.url)
        if entry.url not in seen:
            seen.add(entry.url)
            entries.append(entry)
    page = BloggerFeedPage(entries=entries)
    scope = root
    if feed_format(root) == "rss":
        scope = next((child for child in root if local_name(child) == "channel"), root)
    for child in scope:
        name = local_name(child)
        if name == "totalResults":
            page.total_results = _int(child.text)
        elif name == "startIndex":
            page.start_index = _int(child.text)
        elif name == "itemsPerPage":
            page.items_per_page = _int(child.text)
        elif name == "link" and (child.get("rel") or "").lower() == "next":
            page.next_url = absolute_url(child.get("href"), url)
    return page


_JSONP = re.compile(rb"^(?:\s*//[^\n]*\n)*\s*[A-Za-z_$][\w$.]*\s*\(\s*(\{.*\})\s*\)\s*;?\s*$", re.S)
"""Blogger's `alt=json-in-script` answer: an optional `// API callback` line, the callback's
name, the JSON object in its call."""


def parse_blogger_feed(url: str, body: Any, headers: Any = None) -> BloggerFeedPage:
    """Posts and paging of one Blogger feed page (Atom, RSS or `alt=json`)."""
    data = gunzip_if_gzipped(as_bytes(body), MAX_XML_BYTES)
    stripped = data.lstrip(b"\xef\xbb\xbf \t\r\n")
    if not stripped:
        raise DiscoveryError("empty Blogger feed body", reason="empty")
    if looks_like_html(stripped):
        raise DiscoveryError("an HTML page, not a Blogger feed", reason="html")
    wrapped = _JSONP.match(stripped)  # `?alt=json-in-script&callback=f`: f({...});
    if wrapped:
        stripped = wrapped.group(1)
    page = _json_page(url, stripped) if stripped[:1] == b"{" else _atom_page(url, data)
    # Blogger's own rel=next points at www.blogger.com: compute the next page on the portal's host
    # instead, and keep the feed's link only when it is on that host and nothing says "last page"
    advertised, page.next_url = page.next_url, None
    query = parse_qs(urlsplit(url).query)
    start = page.start_index or _int(query.get("start-index", ["1"])[0]) or 1
    if page.total_results is not None or "max-results" in query:
        page.next_url = blogger_next_url(url, start, len(page.entries), page.total_results)
    elif advertised and host_and_port(advertised) == host_and_port(url) and page.entries:
        page.next_url = advertised
    return page


def blogger_search_url(base_url: str, updated_max: str, max_results: int = 20) -> str | None:
    """The listing `/search?updated-max=...&max-results=N` of posts updated before `updated_max`."""
    root = absolute_url("/", base_url)
    if root is None or not updated_max:
        return None
    query = urlencode([("updated-max", updated_max), ("max-results", str(max_results))])
    return f"{root.rstrip('/')}/search?{query}"


def looks_like_blogger(html_body: Any, headers: Any = None, url: str | None = None) -> bool:
    """True for a `.blogspot.` host, a `blogger` generator meta, or Blogger's asset hosts in the page."""
    identity = host_and_port(url) if isinstance(url, str) else None
    if identity is not None and ".blogspot." in f".{identity[0]}":
        return True
    data = as_bytes(html_body)
    if not data:
        return False
    if (generator(data) or "").strip().lower() == "blogger":
        return True
    lowered = data.lower()
    return any(marker in lowered for marker in BLOGGER_MARKERS)
