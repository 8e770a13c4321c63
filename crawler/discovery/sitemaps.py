"""Sitemaps as a discovery channel: indexes, urlsets and Google News sitemaps (`.xml.gz` too).

Covers WordPress core (`wp-sitemap.xml` -> `wp-sitemap-posts-post-N.xml`), Yoast
(`sitemap_index.xml` -> `post-sitemap.xml`), Rank Math (`sitemap_index.xml` -> `post-sitemap1.xml`),
Blogger (`sitemap.xml` index), Google News (`news:publication_date`, `news:title`), and the
protocol's plain-text and RSS/Atom sitemap forms. Image and video tags are ignored.

Limits (the sitemaps protocol's own): a file holds at most 50,000 URLs and 50 MB (52,428,800
bytes) uncompressed. A larger body is refused (`too-large`). More than 50,000 entries are
TRUNCATED: the first 50,000 are returned and the rest counted in `SitemapPage.over_limit`, so the
caller logs and counts the stop while keeping the valid part. Index nesting: the caller passes
each file's depth (0 for a sitemap named by robots.txt or a well-known path, parent depth + 1 for
an index child); depth above 10 is refused (`depth`).

Broken files (as Scrapy's sitemap reader, with lxml's recovering parser): blank lines or a BOM
before `<?xml` are skipped, a bare `&` in a URL stays literal, and a file cut off mid-download
(no `</urlset>`, or cut inside a `<url>`) gives every complete entry before the cut
(`SitemapPage.truncated`). Entity and DTD declarations stay refused (`entity`, safexml).

Loops (an index listing itself or an ancestor) are the caller's to break: keep a seen set of
sitemap URLs per crawl and never fetch one twice; the depth limit ends any loop that slips through.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from lxml import etree

from crawler.discovery._dates import parse_any_datetime
from crawler.discovery._http import as_bytes, header_value, looks_like_html
from crawler.discovery._urls import absolute_url
from crawler.discovery.feeds import entries_from_root, feed_format, parse_feed_root
from crawler.discovery.links import FILE_EXTENSIONS, classify_url
from crawler.discovery.records import Discovered, DiscoveryError
from crawler.discovery.safexml import (
    after_server_noise,
    cut_after_last_record,
    decompress_capped,
    local_name,
    namespace,
    stream_children,
)

MAX_SITEMAP_URLS = 50_000
"""Sitemaps protocol: at most 50,000 URLs per sitemap file (and sitemaps per index)."""

MAX_SITEMAP_BYTES = 52_428_800
"""Sitemaps protocol: at most 50 MB (52,428,800 bytes) per file, uncompressed."""

MAX_SITEMAP_DEPTH = 10
"""Deepest index nesting followed (issue 8); real portals nest one level (index -> urlset)."""

WELL_KNOWN_SITEMAP_PATHS = (
    "/wp-sitemap.xml",
    "/sitemap_index.xml",
    "/sitemap.xml",
    "/news-sitemap.xml",
    "/sitemap-news.xml",
    "/post-sitemap.xml",
)
"""Where sitemaps live when robots.txt names none: WordPress core (5.5+), Yoast and Rank Math,
the generic name (also Blogger's), the two common Google News plugin names, Yoast's post file."""

NEWS_NS = "http://www.google.com/schemas/sitemap-news/0.9"

_RECORDS = frozenset({"url", "sitemap"})
_ROOTS = frozenset({"urlset", "sitemapindex"})
_ZSTD_MAGIC = b"\x28\xb5\x2f\xfd"
_GZIP_MAGIC = b"\x1f\x8b"


@dataclass
class SitemapPage:
    """What one sitemap file holds."""

    kind: str
    """'index' (entries are sitemaps), 'urlset', 'feed' (an RSS/Atom sitemap) or 'text'."""
    entries: list[Discovered] = field(default_factory=list)
    """Child sitemaps (kind `sitemap`) or page URLs (kind `article` / `listing`), file order."""
    over_limit: int = 0
    """Entries past the 50,000-URL limit: counted, not returned."""
    truncated: bool = False
    """The file stops before its end (a download cut short): the entries are the complete ones
    before the cut, a half-written last entry is left out."""


def sitemap_candidates(base_url: str) -> list[str]:
    """The well-known sitemap URLs of a portal, in the order worth trying."""
    found: list[str] = []
    for path in WELL_KNOWN_SITEMAP_PATHS:
        url = absolute_url(path, base_url)
        if url and url not in found:
            found.append(url)
    return found


def _decoded(body: Any, headers: Any) -> bytes:
    data = as_bytes(body)
    if data[:2] == _GZIP_MAGIC:  # `.xml.gz` files arrive still compressed
        return decompress_capped(data, "gzip", MAX_SITEMAP_BYTES)
    if data[:4] == _ZSTD_MAGIC:
        return decompress_capped(data, "zstd", MAX_SITEMAP_BYTES)
    coding = (header_value(headers, "content-encoding") or "").lower()
    if coding in ("br", "deflate") and data.lstrip()[:1] != b"<":  # still encoded
        return decompress_capped(data, coding, MAX_SITEMAP_BYTES)
    if len(data) > MAX_SITEMAP_BYTES:
        raise DiscoveryError(f"sitemap of {len(data)} bytes exceeds 50 MB", reason="too-large")
    return data


def _tag(element: etree._Element) -> str:
    """An element's name without namespace, in lower case: XML names are case-sensitive, but a
    hand-written sitemap's `<URLSET><URL><LOC>` means nothing else."""
    return local_name(element).lower()


def _children_text(element: etree._Element, name: str, skip_ns: str = NEWS_NS) -> str | None:
    for child in element:
        if _tag(child) == name and namespace(child) != skip_ns:
            text = (child.text or "").strip()
            return text or None
    return None


def _news(element: etree._Element) -> tuple[str | None, str | None] | None:
    """(publication date, title) of a `<news:news>` child, or None when there is none."""
    for child in element:
        if _tag(child) == "news" and namespace(child) == NEWS_NS:
            published = title = None
            for part in child:
                if _tag(part) == "publication_date":
                    published = parse_any_datetime(part.text)
                elif _tag(part) == "title":
                    title = " ".join((part.text or "").split()) or None
            return published, title
    return None


def _page_entry(url: str, element: etree._Element) -> Discovered | None:
    if url.rsplit("?", 1)[0].rsplit(".", 1)[-1].lower() in FILE_EXTENSIONS:
        return None  # an image or download listed as a page: nothing to crawl
    kind = "listing" if classify_url(url) == "listing" else "article"
    lastmod = parse_any_datetime(_children_text(element, "lastmod"))
    news = _news(element)
    if news is None:
        return Discovered(url=url, channel="sitemap", kind=kind, lastmod=lastmod)
    published, title = news
    return Discovered(
        url=url,
        channel="news-sitemap",
        kind=kind,
        lastmod=lastmod,
        published_at=published,
        title=title,
    )


def _xml_sitemap(url: str, data: bytes) -> SitemapPage:
    whole, truncated = cut_after_last_record(data, _RECORDS, _ROOTS)
    # recovering like Scrapy's sitemap reader: one broken entry does not cost the file
    root, children = stream_children(whole, max_bytes=MAX_SITEMAP_BYTES, recover=True)
    root_name = _tag(root)
    if root_name == "sitemapindex":
        page, wanted = SitemapPage(kind="index"), "sitemap"
    elif root_name == "urlset":
        page, wanted = SitemapPage(kind="urlset"), "url"
    elif feed_format(root) is not None:
        # the protocol accepts RSS/Atom feeds as sitemaps; parse the whole (small) feed instead
        feed_root = parse_feed_root(data, url)  # same 50 MB cap; xml:base, a cut-off item
        entries = entries_from_root(feed_root, url, "sitemap")
        over_limit = max(0, len(entries) - MAX_SITEMAP_URLS)
        return SitemapPage("feed", entries[:MAX_SITEMAP_URLS], over_limit)
    elif (rest := after_server_noise(data)) is not None:
        return _xml_sitemap(url, rest)  # a PHP warning printed before the XML
    else:
        raise DiscoveryError(f"not a sitemap: root element <{root_name}>")
    page.truncated = truncated
    seen: set[str] = set()
    for child in children:
        if _tag(child) != wanted:
            continue
        loc = absolute_url(_children_text(child, "loc"), url)
        if loc is None or loc in seen:
            continue
        if len(seen) >= MAX_SITEMAP_URLS:
            page.over_limit += 1
            continue
        seen.add(loc)
        if wanted == "sitemap":
            lastmod = parse_any_datetime(_children_text(child, "lastmod"))
            page.entries.append(
                Discovered(url=loc, channel="sitemap", kind="sitemap", lastmod=lastmod)
            )
        else:
            entry = _page_entry(loc, child)
            if entry is not None:
                page.entries.append(entry)
    return page


def _text_sitemap(url: str, data: bytes) -> SitemapPage:
    page = SitemapPage(kind="text")
    seen: set[str] = set()
    for line in data.decode("utf-8", errors="replace").splitlines():
        loc = absolute_url(line.strip().lstrip("\ufeff")) if line.strip() else None
        if loc is None or loc in seen:
            continue
        if len(seen) >= MAX_SITEMAP_URLS:
            page.over_limit += 1
            continue
        seen.add(loc)
        kind = "listing" if classify_url(loc) == "listing" else "article"
        page.entries.append(Discovered(url=loc, channel="sitemap", kind=kind))
    if not page.entries:
        raise DiscoveryError("neither XML nor a list of URLs: not a sitemap")
    return page


def parse_sitemap(url: str, body: Any, headers: Any = None, *, depth: int = 0) -> SitemapPage:
    """Entries of one sitemap file (index or urlset, plain or gzip); DiscoveryError when it is none."""
    if depth > MAX_SITEMAP_DEPTH:
        raise DiscoveryError(
            f"sitemap nested {depth} deep, beyond the limit of {MAX_SITEMAP_DEPTH}", reason="depth"
        )
    data = _decoded(body, headers)
    stripped = data.lstrip(b"\xef\xbb\xbf \t\r\n")
    if not stripped:
        raise DiscoveryError("empty sitemap body", reason="empty")
    if looks_like_html(stripped):
        raise DiscoveryError("an HTML page, not a sitemap (soft 404?)", reason="html")
    if not stripped.startswith(b"<") and data[:2] not in (b"\xff\xfe", b"\xfe\xff"):
        return _text_sitemap(url, data)
    return _xml_sitemap(url, data)
