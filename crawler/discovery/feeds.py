"""Feeds as a discovery channel: RSS / Atom / RDF / CDF / JSON Feed items and `<link rel=alternate>`
autodiscovery.

Read as feedparser reads them (its corpus in ../shared/conformance/feeds is the yardstick,
bench/conformance.py): an item's page is its `<link>` (Atom 0.3 may write it as text, RSS as an
`href`), else a permalink `guid` / Atom `id` that is a URL; relative links resolve against
`xml:base`, then the `Content-Location` header, then the feed's URL. A DOCTYPE naming a public
DTD (RSS 0.91) is read, a bare `&` kept literally (safexml).
"""

from __future__ import annotations

import html
import json
import re
from typing import Any

from lxml import etree

from crawler.discovery._dates import parse_rfc822_datetime, parse_w3c_datetime
from crawler.discovery._html import document_base, parse_html, rel_values
from crawler.discovery._http import as_bytes, header_value, looks_like_html
from crawler.discovery._urls import absolute_url
from crawler.discovery.links import looks_like_article_url
from crawler.discovery.records import Discovered, DiscoveryError
from crawler.discovery.safexml import (
    MAX_XML_BYTES,
    after_server_noise,
    cut_after_last_record,
    gunzip_if_gzipped,
    local_name,
    namespace,
    parse_xml,
)

ATOM_NS = "http://www.w3.org/2005/Atom"
RDF_NS = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
FEEDBURNER_NS = "http://rssnamespace.org/feedburner/ext/1.0"

FEED_TYPES = frozenset(
    {"application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/feed+json"}
)
"""MIME types of `<link rel=alternate>` feeds (RSS Board autodiscovery, RFC 4287, JSON Feed 1.1)."""

JSON_FEED_VERSION = "https://jsonfeed.org/version/"
"""The prefix of a JSON Feed's `version` (1 and 1.1; `http://` in some 1.0 feeds)."""

FALLBACK_FEED_PATH = "/feed/"
"""WordPress's feed URL, tried when a page advertises none."""

MAX_FEED_BYTES = MAX_XML_BYTES
"""Largest feed parsed: the sitemap limit (real feeds are tens of kB; this only stops abuse)."""

_ITEMS = frozenset({"item", "entry", "ITEM"})
_FEED_ROOTS = frozenset({"rss", "feed", "RDF", "channel", "CHANNEL"})
_URL_SHAPED = re.compile(r"(?i)https?://")


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


def _resolved(href: str | None, element: etree._Element, base_url: str) -> str | None:
    """`href` made absolute against the element's `xml:base` (which lxml resolves) or the feed's URL."""
    if not href:
        return None
    return absolute_url(href, element.base or base_url)


def _permalink(element: etree._Element | None, base_url: str) -> str | None:
    """An RSS `guid` or Atom `id` that is a permalink: an http(s) URL or a `/path` on the portal."""
    if element is None or (element.get("isPermaLink") or "true").strip().lower() == "false":
        return None
    text = "".join(element.itertext()).strip()
    if not (_URL_SHAPED.match(text) or text.startswith("/")):
        return None  # `tag:`, `urn:uuid:`, a bare number: an identifier, not a page
    return _resolved(text, element, base_url)


def _rss_link(item: etree._Element, base_url: str) -> str | None:
    """An RSS item's page: FeedBurner's original link, `<link>` text (or an `href` written Atom
    style), an `atom:link rel=alternate`, a permalink `guid`, then RSS 1.0's `rdf:about`."""
    original = _child(item, "origLink", FEEDBURNER_NS)
    candidates = [] if original is None else [(original, (original.text or "").strip())]
    for link in item:
        if local_name(link) != "link":
            continue
        text = "".join(link.itertext()).strip()
        if text and namespace(link) != ATOM_NS:
            candidates.append((link, text))
        elif link.get("href") and (link.get("rel") or "alternate").strip() == "alternate":
            candidates.append((link, link.get("href", "").strip()))
    for element, href in candidates:
        url = _resolved(href, element, base_url)
        if url is not None:
            return url
    permalink = _permalink(_child(item, "guid"), base_url)
    if permalink is not None:
        return permalink
    return _resolved(item.get(f"{{{RDF_NS}}}about"), item, base_url)


def _rss_item(item: etree._Element, base_url: str, channel: str) -> Discovered | None:
    url = _rss_link(item, base_url)
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


def _atom_link(entry: etree._Element, base_url: str) -> str | None:
    """An entry's page: FeedBurner's original link, its alternate link (HTML first; Atom 0.3 may
    write it as text), else a URL id."""
    original = _child(entry, "origLink", FEEDBURNER_NS)
    if original is not None:
        url = _resolved((original.text or "").strip(), original, base_url)
        if url is not None:
            return url
    candidates: list[tuple[int, int, str]] = []
    for position, link in enumerate(entry):
        if local_name(link) != "link":
            continue
        href = (link.get("href") or "".join(link.itertext())).strip()
        rel = (link.get("rel") or "alternate").strip().lower()
        if not href or rel != "alternate":
            continue
        is_html = (link.get("type") or "text/html").lower() in (
            "text/html",
            "application/xhtml+xml",
        )
        url = _resolved(href, link, base_url)
        if url is not None:
            candidates.append((0 if is_html else 1, position, url))
    if candidates:
        return min(candidates)[2]
    return _permalink(_child(entry, "id"), base_url)


def _atom_entry(entry: etree._Element, base_url: str, channel: str) -> Discovered | None:
    url = _atom_link(entry, base_url)
    if url is None:
        return None
    return Discovered(
        url=url,
        channel=channel,
        kind="article",
        lastmod=parse_w3c_datetime(
            _child_text(entry, "updated") or _child_text(entry, "modified")  # Atom 0.3: modified
        ),
        published_at=parse_w3c_datetime(
            _child_text(entry, "published") or _child_text(entry, "issued")  # Atom 0.3: issued
        ),
        title=_clean_title(_child_text(entry, "title")),
    )


def _cdf_item(item: etree._Element, base_url: str, channel: str) -> Discovered | None:
    url = absolute_url(_attribute(item, "href"), base_url)  # CDF's BASE, not xml:base
    if url is None:
        return None
    title = next((e for e in item if local_name(e).lower() == "title"), None)
    return Discovered(
        url=url,
        channel=channel,
        kind="article",
        lastmod=parse_w3c_datetime(_attribute(item, "lastmod")),
        title=_clean_title("".join(title.itertext()) if title is not None else None),
    )


def _attribute(element: etree._Element, name: str) -> str | None:
    """An attribute by case-insensitive name (CDF writes `HREF`, `href` or `Href`)."""
    return next((v for k, v in element.attrib.items() if str(k).lower() == name), None)


def feed_format(root: etree._Element) -> str | None:
    """'rss', 'atom', 'rdf' or 'cdf' for a parsed feed root, None when the root is no feed."""
    name = local_name(root)
    if name.upper() == "CHANNEL" and name != "channel":
        return "cdf"  # Microsoft's Channel Definition Format (1997): upper-case CHANNEL root
    return {"rss": "rss", "feed": "atom", "RDF": "rdf"}.get(name)


def entries_from_root(root: etree._Element, base_url: str, channel: str) -> list[Discovered]:
    """The items of an already parsed feed, deduplicated by URL (DiscoveryError if not a feed)."""
    shape = feed_format(root)
    if shape == "atom":
        items = [e for e in root if local_name(e) == "entry"]
        found = [_atom_entry(e, base_url, channel) for e in items]
    elif shape in ("rss", "rdf"):
        container = _child(root, "channel") if shape == "rss" else root
        scope = [*container, *root] if container is not None and shape == "rss" else [*root]
        items = [e for e in scope if local_name(e) == "item"]  # some RSS put items beside channel
        found = [_rss_item(e, base_url, channel) for e in items]
    elif shape == "cdf":
        base = _resolved(_attribute(root, "base"), root, base_url) or base_url
        items = [e for e in root.iter() if local_name(e).lower() == "item"]
        found = [_cdf_item(e, base, channel) for e in items]
    else:
        raise DiscoveryError(f"not a feed: root element <{local_name(root)}>")
    return _first_of_each_url(found)


def _first_of_each_url(found: list[Discovered | None]) -> list[Discovered]:
    """The entries in feed order, each URL once (its first entry), items without a page left out."""
    seen: set[str] = set()
    entries: list[Discovered] = []
    for entry in found:
        if entry is not None and entry.url not in seen:
            seen.add(entry.url)
            entries.append(entry)
    return entries


def feed_base(url: str, headers: Any = None) -> str:
    """The URL a feed's relative links resolve against: its `Content-Location` (RFC 9110
    8.7, resolved against the request URL) when it sends one, else its own URL."""
    location = absolute_url(header_value(headers, "content-location"), url)
    return location or url


def parse_feed_root(body: Any, base_url: str | None = None) -> etree._Element:
    """Parse a feed body (gzip sniffed, broken XML recovered, entities refused) to its root element.

    `base_url` is the feed's base (see `feed_base`): each element's `.base` then resolves
    `xml:base` against it. A feed cut off mid-download loses only its half-written last item.
    """
    data = gunzip_if_gzipped(as_bytes(body), MAX_FEED_BYTES)
    if not data.strip():
        raise DiscoveryError("empty feed body", reason="empty")
    if looks_like_html(data):
        raise DiscoveryError("an HTML page, not a feed", reason="html")

    def parsed(document: bytes) -> etree._Element:
        whole, _truncated = cut_after_last_record(document, _ITEMS, _FEED_ROOTS)
        return parse_xml(whole, max_bytes=MAX_FEED_BYTES, recover=True, base_url=base_url)

    root = parsed(data)
    if feed_format(root) is None and (rest := after_server_noise(data)) is not None:
        root = parsed(rest)  # a PHP warning printed before the XML
    return root


def parse_feed(
    url: str, body: Any, headers: Any = None, *, channel: str = "feed"
) -> list[Discovered]:
    """Items of an RSS 0.9x-2.0 / Atom 0.3-1.0 / RDF / CDF feed or a JSON Feed: link, title, date
    as ISO 8601 (kind `article`); links resolve against `xml:base` and the `Content-Location`
    header."""
    base = feed_base(url, headers)
    data = gunzip_if_gzipped(as_bytes(body), MAX_FEED_BYTES)
    payload = _json_feed(data)
    if payload is not None:
        return _json_feed_entries(payload, base, channel)
    return entries_from_root(parse_feed_root(data, base), base, channel)


def _json_feed(data: bytes) -> dict[str, Any] | None:
    """The object of a JSON Feed (jsonfeed.org: a `version` under its URL), or None when the body
    is no JSON Feed (an XML feed, or JSON of another kind)."""
    text = data.lstrip(b"\xef\xbb\xbf \t\r\n")
    if not text.startswith(b"{"):
        return None
    try:
        payload = json.loads(text)
    except (ValueError, RecursionError):
        return None
    version = payload.get("version") if isinstance(payload, dict) else None
    if not isinstance(version, str) or not version.replace("http://", "https://", 1).startswith(
        JSON_FEED_VERSION
    ):
        return None
    return payload


def _json_feed_entries(payload: dict[str, Any], base_url: str, channel: str) -> list[Discovered]:
    """A JSON Feed's items: `url` (else an `id` that is a URL), `title`, `date_published`,
    `date_modified`; `external_url` is a page the item links to, not the item."""
    items = payload.get("items")
    if not isinstance(items, list):
        raise DiscoveryError("JSON Feed without an `items` list")
    return _first_of_each_url([_json_feed_item(i, base_url, channel) for i in items])


def _json_feed_item(item: Any, base_url: str, channel: str) -> Discovered | None:
    if not isinstance(item, dict):
        return None
    href = _string(item.get("url"))
    if not href or not href.strip():
        identifier = _string(item.get("id"))
        href = identifier if identifier and _URL_SHAPED.match(identifier) else None
    url = absolute_url(href, base_url) if href else None
    if url is None:
        return None
    return Discovered(
        url=url,
        channel=channel,
        kind="article",
        lastmod=parse_w3c_datetime(_string(item.get("date_modified"))),
        published_at=parse_w3c_datetime(_string(item.get("date_published"))),
        title=_clean_title(_string(item.get("title"))),
    )


def _string(value: Any) -> str | None:
    return value if isinstance(value, str) else None


def feed_next_url(url: str, body: Any, headers: Any = None) -> str | None:
    """The next page of a paged feed (`<atom:link rel="next">`, RFC 5005; a JSON Feed's
    `next_url`), or None."""
    try:
        data = gunzip_if_gzipped(as_bytes(body), MAX_FEED_BYTES)
    except DiscoveryError:
        return None
    payload = _json_feed(data)
    if payload is not None:
        return absolute_url(_string(payload.get("next_url")), url)
    try:
        root = parse_feed_root(data, url)
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
