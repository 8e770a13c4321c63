"""Which platform a portal runs on (WordPress, Blogspot or other), from its home page."""

from __future__ import annotations

from typing import Any

from crawler.discovery import blogspot, wordpress
from crawler.discovery.records import DiscoveryError


def probe_platform(
    home_html: bytes | str | None, headers: Any = None, url: str | None = None
) -> str:
    """'wordpress', 'blogspot' or 'other' from a portal's home page (and its headers and URL)."""
    try:
        if blogspot.looks_like_blogger(home_html, headers, url):
            return "blogspot"
        if wordpress.looks_like_wordpress(home_html, headers):
            return "wordpress"
    except DiscoveryError:
        return "other"
    return "other"
