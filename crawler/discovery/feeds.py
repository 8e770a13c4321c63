"""Feeds as a discovery channel: RSS 2.0 / Atom / RDF items and `<link rel=alternate>` autodiscovery."""

from __future__ import annotations

import html
from typing import Any

from lxml import etree

from crawler.discovery._dates import parse_rfc822_datetime, parse_w3c_datetime
from crawler.discovery._html import document_base, parse_html, rel_values
from crawler.discovery._http import as_bytes, looks_like_html
from crawler.discovery._urls import absolute_url
from crawler.discovery.links import looks_like_article_url
from crawler.discovery.records import Discovered, DiscoveryError
from crawler.discovery.safexml import (
    MAX_XML_BYTES,
    gunzip_if_gzipped,
    local_name,
    namespace,
    parse_xml,
)

ATOM_NS = "http://www.w3.org/2005/Atom"
RDF_NS = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
FEEDBURNER_NS = "http://rssnamespace.org/feedburner/ext/1.0"

FEED_TYPES = frozenset({"application/rss+xml", "application/atom+xml", "application/rdf+xml"})
"""MIME types of `<link rel=alternate>` feeds (RSS Board autodiscovery, RFC 4287)."""

FALLBACK_FEED_PATH = "/feed/"
"""WordPress's feed URL, tried when a page advertises none."""

MAX_FEED_BYTES = MAX_XML_BYTES
"""Largest feed parsed: the sitemap limit (real feeds are tens of kB; this only stops abuse)."""


def _child(element: etree._Element, name: str, ns: str | None = None) -> etree._Element | None:
    for child in element:
        if local_name(child) == name and (ns is None or namespace(child) == ns):
            return child
    return None


def _child_text(element: etree._Element, name: str, ns: str | None = None) -> str | None:
    child = _child(element, name, ns)
    if child is None:
        return None
    text = "".join(child.itertext()).strip()
    return text or None


def _clean_title(text: str | None) -> str | None:
    if not text:
        return None
    # titles often arrive HTML-escaped twice (`&amp;#8211;`) or with inline markup
    text = html.unescape(text)
    if "<" in text:
        fragment = parse_html(f"<div>{text}</div>")
        if fragment is not None:
            text = "".join(fragment.itertext())
    text = " ".join(text.split())
    return text or None


def _rss_item(item: etree._Element, base_url: str, channel: str) -> Discovered | None:
    link = _child_text(item, "origLink", FEEDBURNER_NS) or _child_text(item, "link")
    if link is None:
        guid = _child(item, "guid")
        if guid is not None and (guid.get("isPermaLink") or "true").lower() != "false":
            link = (guid.text or "").strip() or None
    if link is None:
        link = item.get(f"{{{RDF_NS}}}about")  # RSS 1.0 (RDF) items name their URL here
    url = absolute_url(link, base_url)
    if url is None:
        return None
    published = parse_rfc822_datetime(_child_text(item, "pubDate")) or parse_w3c_datetime(
        _child_text(item, "date")  # dc:date
    )
    return Discovered(
        url=url,
        channel=channel,
        kind="article",
        published_at=published,
        title=_clean_title(_child_text(item, "title")),
    )


def _atom_link(entry: etree._Element) -> str | None:
    candidates: list[tuple[int, str]] = []
    for link in entry:
        if local_name(link) != "link" or not link.get("href"):
            continue
        rel = (link.get("rel") or "alternate").lower()
        if rel != "alternate":
            continue
        is_html = (link.get("type") or "text/html").lower() in (
            "text/html",
            "application/xhtml+xml",
        )
        candidates.append((0 if is_html else 1, link.get("href", "")))
    return min(candidates)[1] if candidates else None


def _atom_entry(entry: etree._Element, base_url: str, channel: str) -> Discovered | None:
    url = absolute_url(_atom_link(entry), base_url)
    if url is None:
        return None
    return Discovered(
        url=url,
        channel=channel,
        kind="article",
        lastmod=parse_w3c_datetime(_child_text(entry, "updated")),
        published_at=parse_w3c_datetime(
            _child_text(entry, "published") or _child_text(entry, "issued")  # Atom 0.3: issued
        ),
        title=_clean_title(_child_text(entry, "title")),
    )


def feed_format(root: etree._Element) -> str | None:
    """'rss', 'atom' or 'rdf' for a parsed feed root, None when the root is no feed."""
    return {"rss": "rss", "feed": "atom", "RDF": "rdf"}.get(local_name(root))


def entries_from_root(root: etree._Element, base_url: str, channel: str) -> list[Discovered]:
    """The items of an already parsed feed, deduplicated by URL (DiscoveryError if not a feed)."""
    shape = feed_format(root)
    if shape == "atom":
        items = [e for e in root if local_name(e) == "entry"]
        found = [_atom_entry(e, base_url, channel) for e in items]
    elif shape in ("rss", "rdf"):
        container = _child(root, "channel") if shape == "rss" else root
        scope = container if container is not None else root
        items = [e for e in scope if local_name(e) == "item"]
        found = [_rss_item(e, base_url, channel) for e in items]
    else:
        raise DiscoveryError(f"not a feed: root element <{local_name(root)}>")
    seen: set[str] = set()
    entries: list[Discovered] = []
    for entry in found:
        if entry is not None and entry.url not in seen:
            seen.add(entry.url)
            entries.append(entry)
    return entries


def parse_feed_root(body: Any) -> etree._Element:
    """Parse a feed body (gzip sniffed, broken XML recovered, entities refused) to its root element."""
    data = gunzip_if_gzipped(as_bytes(body), MAX_FEED_BYTES)
    if not data.strip():
        raise DiscoveryError("empty feed body", reason="empty")
    if looks_like_html(data):
        raise DiscoveryError("an HTML page, not a feed", reason="html")
    return parse_xml(data, max_bytes=MAX_FEED_BYTES, recover=True)


def parse_feed(
    url: str, body: Any, headers: Any = None, *, channel: str = "feed"
) -> list[Discovered]:
    """Items of an RSS 2.0 / Atom / RDF feed: link, title, date as ISO 8601 (kind `article`)."""
    return entries_from_root(parse_feed_root(body), url, channel)


def feed_next_url(url: str, body: Any, headers: Any = None) -> str | None:
    """The next page of a paged feed (`<atom:link rel="next">`, RFC 5005), or None."""
    try:
        root = parse_feed_root(body)
    except DiscoveryError:
        return None
    scope = _child(root, "channel") if local_name(root) == "rss" else root
    for link in scope if scope is not None else ():
        if local_name(link) == "link" and "next" in rel_values(link):
            return absolute_url(link.get("href"), url)
    return None


def _is_comment_feed(url: str) -> bool:
    path = url.split("?", 1)[0].rstrip("/")
    if "/comments/feed" in path or path.endswith("/comments"):
        return True
    return path.endswith("/feed") and looks_like_article_url(path[: -len("/feed")] + "/")


def feed_links_from_html(html_body: Any, base_url: str, *, fallback: bool = True) -> list[str]:
    """Feed URLs a page advertises (`<link rel=alternate>` RSS/Atom, comment feeds left out), else `/feed/`.

    The `/feed/` fallback on the page's host is returned only when the page advertises none and
    `fallback` is set.
    """
    root = parse_html(html_body)
    base = document_base(root, base_url)
    found: list[str] = []
    for link in root.iter("link") if root is not None else ():
        if "alternate" not in rel_values(link):
            continue
        if (link.get("type") or "").strip().lower() not in FEED_TYPES:
            continue
        url = absolute_url(link.get("href"), base)
        if url and url not in found and not _is_comment_feed(url):
            found.append(url)
    if not found and fallback:
        url = absolute_url(FALLBACK_FEED_PATH, base_url)
        if url:
            found.append(url)
    return found
