"""HTML plumbing shared by the channels: capped, charset-tolerant lxml parsing and link walking."""

from __future__ import annotations

from collections.abc import Iterator

import lxml.html
from lxml import etree

from crawler.discovery._http import as_bytes
from crawler.discovery._urls import absolute_url
from crawler.discovery.records import DiscoveryError

MAX_HTML_BYTES = 20 * 1024 * 1024
"""Largest HTML page parsed: the crawl's DOWNLOAD_MAXSIZE (crawler/settings.py); the largest
page in the dev corpus (../shared/corpus) is about 1 MB."""


def parse_html(body: bytes | str | None) -> etree._Element | None:
    """Parse an HTML page (UTF-8 first, else its declared charset); None when nothing parses."""
    data = as_bytes(body)
    if len(data) > MAX_HTML_BYTES:
        raise DiscoveryError(
            f"HTML body of {len(data)} bytes exceeds {MAX_HTML_BYTES}", "too-large"
        )
    if not data.strip():
        return None
    try:
        data.decode("utf-8")
        encoding: str | None = "utf-8"  # valid UTF-8 wins over a declared charset that lies
    except UnicodeDecodeError:
        encoding = None
    parser = lxml.html.HTMLParser(
        encoding=encoding, no_network=True, huge_tree=False, remove_comments=True, remove_pis=True
    )
    try:
        return etree.fromstring(data, parser)
    except (etree.ParserError, etree.XMLSyntaxError, ValueError):
        return None


def document_base(root: etree._Element | None, page_url: str) -> str:
    """The URL relative links resolve against: `<base href>` when present, else the page URL."""
    if root is not None:
        for base in root.iter("base"):
            resolved = absolute_url(base.get("href"), page_url)
            if resolved:
                return resolved
    return page_url


def element_text(element: etree._Element) -> str:
    """Visible text of an element with whitespace folded."""
    return " ".join("".join(element.itertext()).split())


def rel_values(element: etree._Element) -> set[str]:
    """The lower-cased tokens of an element's `rel` attribute."""
    return set((element.get("rel") or "").lower().split())


def class_values(element: etree._Element) -> set[str]:
    """The tokens of an element's `class` attribute."""
    return set((element.get("class") or "").split())


def anchors(root: etree._Element | None) -> Iterator[etree._Element]:
    """`<a href>` elements in document order."""
    if root is None:
        return iter(())
    return (a for a in root.iter("a") if a.get("href"))
