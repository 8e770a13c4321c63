"""URL plumbing shared by the channels: absolute http(s) URLs and host/port identity."""

from __future__ import annotations

import contextlib
from functools import lru_cache
from urllib.parse import urljoin, urlsplit, urlunsplit

DEFAULT_PORTS = {"http": 80, "https": 443}
"""Ports a URL may leave out (RFC 9110); an explicit default port names the same origin."""


URL_CACHE = 8192  # a listing page's menus, cards and `_card_time` walks resolve ~600 hrefs
"""Resolved hrefs and URL identities remembered (a few pages' worth)."""


def absolute_url(href: object, base_url: str | None = None) -> str | None:
    """`href` resolved against `base_url`, whitespace and fragment removed; None unless http(s) with a host."""
    if not isinstance(href, str):
        return None
    if type(base_url) is not str and base_url is not None:
        return _absolute_url.__wrapped__(href, base_url)  # not a cache key
    return _absolute_url(_plain(href), base_url)


def _plain(text: str) -> str:
    """A str subclass (lxml's smart strings hold their whole document) as a plain cache key."""
    return text if type(text) is str else str(text)


@lru_cache(maxsize=URL_CACHE)
def _absolute_url(href: str, base_url: str | None) -> str | None:
    href = href.strip()
    if not href:
        return None
    try:
        already_absolute = href[: len("https://")].lower().startswith(("http://", "https://"))
        joined = urljoin(base_url, href) if base_url and not already_absolute else href
        parts = urlsplit(joined)
        if parts.scheme.lower() not in DEFAULT_PORTS or not parts.hostname:
            return None
        parts.port  # noqa: B018 - raises ValueError on a malformed port
    except ValueError:
        return None
    return urlunsplit((parts.scheme.lower(), parts.netloc, parts.path or "/", parts.query, ""))


def host_and_port(url: str) -> tuple[str, int | None] | None:
    """(host without `www.` and trailing dot, port or None when default) of a URL, or None."""
    return _host_and_port(_plain(url)) if isinstance(url, str) else _uncached_host_and_port(url)


@lru_cache(maxsize=URL_CACHE)
def _host_and_port(url: str) -> tuple[str, int | None] | None:
    return _uncached_host_and_port(url)


def _uncached_host_and_port(url: str) -> tuple[str, int | None] | None:
    try:
        parts = urlsplit(url.strip())
        host = (parts.hostname or "").rstrip(".")
        port = parts.port
    except (AttributeError, ValueError):
        return None
    if not host:
        return None
    with contextlib.suppress(UnicodeError):  # a host IDNA cannot encode still equals itself
        host = host.encode("idna").decode("ascii")
    if host.startswith("www."):
        host = host[4:]
    if port == DEFAULT_PORTS.get(parts.scheme.lower()):
        port = None
    return host, port
