"""robots.txt as a discovery channel: the `Sitemap:` lines (RFC 9309 section 2.2.4)."""

from __future__ import annotations

from crawler.discovery._urls import absolute_url
from crawler.discovery.records import Discovered

MAX_ROBOTS_BYTES = 500 * 1024
"""RFC 9309 section 2.5: crawlers must parse at least the first 500 KiB; we read exactly that."""


def sitemaps_from_robots(text: str | bytes | None, base_url: str | None = None) -> list[str]:
    """Sitemap URLs named by `Sitemap:` lines, absolute, in file order, without duplicates."""
    if text is None:
        return []
    if isinstance(text, bytes | bytearray):
        data = bytes(text[:MAX_ROBOTS_BYTES])
        for bom in (b"\xef\xbb\xbf", b"\xef\xbb", b"\xef"):  # whole or cut short, as Google
            if data.startswith(bom):
                data = data[len(bom) :]
                break
        text = data.decode("utf-8", errors="replace")
    elif isinstance(text, str):
        text = text[:MAX_ROBOTS_BYTES]
    else:
        return []
    found: list[str] = []
    for line in text.lstrip("\ufeff").splitlines():
        field, separator, value = line.partition(":")
        if not separator or field.strip().lower() not in ("sitemap", "site-map"):
            continue
        value = value.split("#", 1)[
            0
        ]  # RFC 9309: '#' starts a comment (a fragment is dropped anyway)
        url = absolute_url(value, base_url)
        if url and url not in found:
            found.append(url)
    return found


def discovered_from_robots(
    text: str | bytes | None, base_url: str | None = None
) -> list[Discovered]:
    """The sitemaps of a robots.txt as `Discovered` (channel `robots`, kind `sitemap`)."""
    return [
        Discovered(url=url, channel="robots", kind="sitemap")
        for url in sitemaps_from_robots(text, base_url)
    ]
