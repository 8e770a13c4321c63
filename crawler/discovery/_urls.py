"""URL plumbing shared by the channels: absolute http(s) URLs and host/port identity."""

from __future__ import annotations

import contextlib
from urllib.parse import urljoin, urlsplit, urlunsplit

DEFAULT_PORTS = {"http": 80, "https": 443}
"""Ports a URL may leave out (RFC 9110); an explicit default port names the same origin."""


def absolute_url(href: object, base_url: str | None = None) -> str | None:
    """`href` resolved against `base_url`, whitespace and fragment removed; None unless http(s) with a host."""
    if not isinstance(href, str):
        return None
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
