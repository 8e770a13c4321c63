"""The WordPress REST API as a discovery channel (`/wp-json/wp/v2/posts`) and WordPress detection.

The API gives each post's link, title, content, dates, author and terms directly, so
`parse_wp_posts` returns them as plain dicts the spider can use without fetching the page.
"""

from __future__ import annotations

import json
from datetime import date, datetime
from typing import Any
from urllib.parse import parse_qs, urlencode, urlsplit

from crawler.discovery._dates import parse_w3c_datetime, wordpress_datetime
from crawler.discovery._html import document_base, element_text, parse_html, rel_values
from crawler.discovery._http import (
    as_bytes,
    header_value,
    json_after_server_noise,
    link_header,
    looks_like_html,
)
from crawler.discovery._urls import absolute_url
from crawler.discovery.records import Discovered, DiscoveryError

WP_REST_MAX_PER_PAGE = 100
"""WordPress REST collections refuse `per_page` above 100 (WP_REST_Controller::get_collection_params)."""

API_LINK_REL = "https://api.w.org/"
"""The `rel` WordPress (4.4+) gives its REST root in `Link` headers and `<link>` elements."""

MAX_JSON_BYTES = 50 * 1024 * 1024
"""Largest REST response parsed: 100 posts with content are a few MB; the sitemap cap (50 MB)
bounds abuse without refusing any real page."""

INVALID_PAGE_CODE = "rest_post_invalid_page_number"
"""The error code WordPress answers (with HTTP 400) for a page past the last: the end, not an error."""

GENERATOR_PREFIX = "wordpress"
"""`<meta name="generator" content="WordPress 6.5.3">` starts with this (lower-cased)."""

WORDPRESS_MARKERS = (b"/wp-content/", b"/wp-includes/", b"wp-json", b"wp-embed")
"""Byte strings only WordPress pages carry: theme/plugin/core asset paths and the REST root."""


def wp_api_root(base_url: str) -> str | None:
    """The REST root of a portal (`https://host/wp-json/`), or the base itself when it already is one."""
    base = absolute_url(base_url)
    if base is None:
        return None
    parts = urlsplit(base)
    if "/wp-json" in parts.path or "rest_route" in parse_qs(parts.query):
        return base
    return absolute_url("wp-json/", base if base.endswith("/") else base + "/")


def _date_param(value: date | datetime | str | None, name: str) -> str | None:
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.isoformat(timespec="seconds")
    if isinstance(value, date):
        return f"{value.isoformat()}T00:00:00"
    if isinstance(value, str):
        parsed = parse_w3c_datetime(value)
        if parsed and len(parsed) == len("2024-05-21"):
            return f"{parsed}T00:00:00"
        if parsed and "T" in parsed:
            return parsed
    raise DiscoveryError(f"{name} must be an ISO 8601 date or datetime, got {value!r}")


def wp_posts_url(
    base: str,
    page: int,
    per_page: int = WP_REST_MAX_PER_PAGE,
    after: date | datetime | str | None = None,
    before: date | datetime | str | None = None,
) -> str:
    """URL of one page of `/wp/v2/posts`, newest first, embedded author/terms, optional date window."""
    root = wp_api_root(base)
    if root is None:
        raise DiscoveryError(f"not an http(s) base URL: {base!r}")
    if not isinstance(page, int) or page < 1:
        raise DiscoveryError(f"page must be a positive integer, got {page!r}")
    params = [
        ("page", str(page)),
        ("per_page", str(max(1, min(int(per_page), WP_REST_MAX_PER_PAGE)))),
        ("orderby", "date"),
        ("order", "desc"),
    ]
    for name, value in (("after", after), ("before", before)):
        formatted = _date_param(value, name)
        if formatted:
            params.append((name, formatted))
    params.append(("_embed", "1"))
    parts = urlsplit(root)
    if "rest_route" in parse_qs(parts.query):  # plain permalinks: `/?rest_route=/wp/v2/posts`
        query = urlencode([("rest_route", "/wp/v2/posts"), *params])
        return f"{parts.scheme}://{parts.netloc}{parts.path}?{query}"
    return f"{root.rstrip('/')}/wp/v2/posts?{urlencode(params)}"


def _rendered(value: Any) -> str:
    if isinstance(value, dict):
        value = value.get("rendered")
    return value if isinstance(value, str) else ""


def _html_text(fragment: str) -> str | None:
    if not fragment.strip():
        return None
    if "<" not in fragment and "&" not in fragment and fragment.isprintable():
        # no markup, no entity, no control or separator characters: the parser would give the
        # text back as it is (most titles and term names), at 20x the cost
        return " ".join(fragment.split()) or None
    root = parse_html(f"<div>{fragment}</div>")
    text = element_text(root) if root is not None else fragment
    return text or None


def _as_dict(value: Any) -> dict:
    return value if isinstance(value, dict) else {}


def _as_list(value: Any) -> list:
    return value if isinstance(value, list) else []


def _embedded_terms(embedded: dict) -> tuple[list[str], list[str]]:
    categories: list[str] = []
    tags: list[str] = []
    for group in _as_list(embedded.get("wp:term")):
        for term in map(_as_dict, _as_list(group)):
            name = _html_text(term["name"]) if isinstance(term.get("name"), str) else None
            taxonomy = term.get("taxonomy")
            target = {"category": categories, "post_tag": tags}.get(str(taxonomy))
            if target is not None and name and name not in target:
                target.append(name)
    return categories, tags


def _post(item: Any) -> dict | None:
    if not isinstance(item, dict):
        return None
    url = absolute_url(item.get("link"))
    if url is None:
        return None
    embedded = _as_dict(item.get("_embedded"))
    authors = [
        author["name"].strip()
        for author in map(_as_dict, _as_list(embedded.get("author")))
        if isinstance(author.get("name"), str) and author["name"].strip()
    ]
    categories, tags = _embedded_terms(embedded)
    media = _as_list(embedded.get("wp:featuredmedia"))
    image_url = absolute_url(_as_dict(media[0]).get("source_url")) if media else None
    content = _as_dict(item.get("content"))
    return {
        "url": url,
        "id": item.get("id") if isinstance(item.get("id"), int) else None,
        "slug": item.get("slug") if isinstance(item.get("slug"), str) else None,
        "title": _html_text(_rendered(item.get("title"))),
        "content_html": "" if content.get("protected") else _rendered(content),
        "excerpt": _html_text(_rendered(item.get("excerpt"))),
        "published_at": wordpress_datetime(item.get("date"), item.get("date_gmt")),
        "modified_at": wordpress_datetime(item.get("modified"), item.get("modified_gmt")),
        "author_names": authors,
        "categories": categories,
        "tags": tags,
        "image_url": image_url,
    }


def parse_wp_posts(
    body: Any, headers: Any = None, status: int = 200
) -> tuple[list[dict], int | None]:
    """Posts of one `/wp/v2/posts` response and `X-WP-TotalPages`; ([], n) past the last page.

    Each post: url, id, slug, title (text), content_html, excerpt (text), published_at and
    modified_at (ISO 8601 with the site's offset), author_names (WordPress display names: may be
    accounts such as `admin`), categories, tags, image_url. DiscoveryError on 401/403/404 and other
    error statuses, an HTML answer, or JSON that is not a list of posts.
    """
    data = as_bytes(body)
    total_text = header_value(headers, "x-wp-totalpages")
    total_pages = int(total_text) if total_text and total_text.isdigit() else None
    if len(data) > MAX_JSON_BYTES:
        raise DiscoveryError(
            f"REST body of {len(data)} bytes exceeds {MAX_JSON_BYTES}", "too-large"
        )
    if looks_like_html(data):
        raise DiscoveryError(f"REST API answered HTML (status {status})", reason="html")
    try:
        payload = json.loads(data) if data.strip() else None
    except (ValueError, RecursionError):
        try:  # a PHP warning printed before the JSON
            payload = json_after_server_noise(data)
        except (ValueError, RecursionError):
            payload = None
            if status < 400:
                raise DiscoveryError("REST API answered malformed JSON") from None
    code = payload.get("code") if isinstance(payload, dict) else None
    if status == 400 and code == INVALID_PAGE_CODE:
        return [], total_pages
    if status >= 400:
        detail = f" ({code})" if isinstance(code, str) else ""
        raise DiscoveryError(f"REST API answered HTTP {status}{detail}", reason="http")
    if payload is None:
        raise DiscoveryError("REST API answered an empty body", reason="empty")
    if not isinstance(payload, list):
        detail = f" ({code})" if isinstance(code, str) else ""
        raise DiscoveryError(f"REST API answered {type(payload).__name__}, not a list{detail}")
    posts = [post for post in map(_post, payload) if post is not None]
    return posts, total_pages


def discovered_from_wp_posts(posts: list[dict]) -> list[Discovered]:
    """REST posts as `Discovered` (channel `wp-json`, kind `article`, dates and title kept)."""
    return [
        Discovered(
            url=post["url"],
            channel="wp-json",
            kind="article",
            lastmod=post.get("modified_at"),
            published_at=post.get("published_at"),
            title=post.get("title"),
        )
        for post in posts
    ]


def wp_api_root_from_headers(headers: Any, base_url: str | None = None) -> str | None:
    """The REST root a response advertises in `Link: <...>; rel="https://api.w.org/"`, or None."""
    for target, rels in link_header(headers):
        if API_LINK_REL in rels:
            return absolute_url(target, base_url)
    return None


def wp_api_root_from_html(html_body: Any, base_url: str) -> str | None:
    """The REST root a page advertises in `<link rel="https://api.w.org/" href>`, or None."""
    root = parse_html(html_body)
    if root is None:
        return None
    base = document_base(root, base_url)
    for link in root.iter("link"):
        if API_LINK_REL in rel_values(link):
            return absolute_url(link.get("href"), base)
    return None


def generator(html_body: Any) -> str | None:
    """The page's `<meta name="generator">` content, or None."""
    root = parse_html(html_body)
    if root is None:
        return None
    for meta in root.iter("meta"):
        if (meta.get("name") or "").strip().lower() == "generator" and meta.get("content"):
            return meta.get("content", "").strip()
    return None


def looks_like_wordpress(html_body: Any, headers: Any = None) -> bool:
    """True when the REST `Link` header, the generator meta or WordPress asset paths say WordPress."""
    if wp_api_root_from_headers(headers):
        return True
    data = as_bytes(html_body)
    if not data:
        return False
    if (generator(data) or "").lower().startswith(GENERATOR_PREFIX):
        return True
    lowered = data.lower()
    return any(marker in lowered for marker in WORDPRESS_MARKERS)
