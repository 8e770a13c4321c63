"""WordPress REST API posts and Blogger JSON feed entries -> RawArticle (same flattening as pages)."""

from __future__ import annotations

import html
from collections.abc import Mapping
from datetime import UTC, datetime, timedelta, timezone
from typing import Any
from urllib.parse import urljoin

from crawler.extract.containers import (
    clean_container,
    flatten_blocks,
    trim_trailing_link_sections,
)
from crawler.extract.dates import WIB, iso_minute, parse_date_details
from crawler.extract.dom import fold, parse_fragment, text_of
from crawler.extract.related import take_related_boxes
from crawler.items import RawArticle

MAX_SITE_OFFSET = timedelta(hours=14)
"""The widest real UTC offset; a `date` / `date_gmt` gap beyond it is not a zone."""

OFFSET_STEP = timedelta(minutes=15)
"""Every real zone offset is a multiple of 15 minutes."""


def _rendered(value: Any) -> str:
    if isinstance(value, Mapping):
        value = value.get("rendered", value.get("raw", ""))
    return value if isinstance(value, str) else ""


def _plain(fragment: str) -> str | None:
    """Text of a small HTML fragment (a rendered title or excerpt), entities decoded."""
    if not fragment:
        return None
    element = parse_fragment(fragment)
    text = fold(text_of(element)) if element is not None else fold(html.unescape(fragment))
    return text or None


def _blocks(fragment: str) -> tuple[list[str], list[str], list[str]]:
    """Paragraph blocks, byline texts and related-box link titles of a rendered post body."""
    element = parse_fragment(fragment)
    if element is None:
        return [], [], []
    related = take_related_boxes(element)
    bylines = list(clean_container(element))
    trim_trailing_link_sections(element)
    return flatten_blocks(element), bylines, related


def _naive(text: Any) -> datetime | None:
    if not isinstance(text, str) or not text.strip():
        return None
    try:
        moment = datetime.fromisoformat(text.strip().replace("Z", "+00:00"))
    except ValueError:
        parsed = parse_date_details(text)
        return parsed.moment.replace(tzinfo=None) if parsed else None
    return moment.replace(tzinfo=None) if moment.tzinfo is None else moment


def wp_time(local: Any, gmt: Any) -> str | None:
    """ISO time with the site's offset from a WordPress `date` / `date_gmt` pair (WIB if alone)."""
    local_time, gmt_time = _naive(local), _naive(gmt)
    if isinstance(local_time, datetime) and local_time.tzinfo is not None:
        return iso_minute(local_time)
    if local_time is not None and gmt_time is not None and gmt_time.tzinfo is None:
        offset = local_time - gmt_time
        if abs(offset) <= MAX_SITE_OFFSET and offset % OFFSET_STEP == timedelta(0):
            return iso_minute(local_time.replace(tzinfo=timezone(offset)))
    if gmt_time is not None:
        if gmt_time.tzinfo is None:
            gmt_time = gmt_time.replace(tzinfo=UTC)
        return iso_minute(gmt_time)
    if local_time is not None:
        return iso_minute(local_time.replace(tzinfo=WIB))
    return None


def _terms(embedded: Mapping[str, Any], taxonomy: str) -> list[str]:
    names: list[str] = []
    groups = embedded.get("wp:term") if isinstance(embedded, Mapping) else None
    for group in groups if isinstance(groups, list) else []:
        for term in group if isinstance(group, list) else []:
            if isinstance(term, Mapping) and term.get("taxonomy") == taxonomy:
                name = _plain(str(term.get("name") or ""))
                if name and name not in names:
                    names.append(name)
    return names


def raw_from_wp_post(post: Mapping[str, Any], *, site_url: str) -> RawArticle:
    """One `/wp-json/wp/v2/posts?_embed` object as a RawArticle (empty on a malformed object)."""
    link = post.get("link") if isinstance(post, Mapping) else None
    url = urljoin(site_url or "", link) if isinstance(link, str) and link else (site_url or "")
    if not isinstance(post, Mapping):
        return RawArticle(url=url)
    try:
        return _from_wp_post(post, url)
    except Exception:  # malformed API objects must not escape; an empty result is documented
        return RawArticle(url=url)


def _from_wp_post(post: Mapping[str, Any], url: str) -> RawArticle:
    raw_embedded = post.get("_embedded")
    embedded: Mapping[str, Any] = raw_embedded if isinstance(raw_embedded, Mapping) else {}
    paragraphs, bylines, related = _blocks(_rendered(post.get("content")))
    authors = []
    for author in embedded.get("author") or []:
        if isinstance(author, Mapping) and isinstance(author.get("name"), str):
            name = fold(author["name"])
            if name:
                authors.append(name)
    image = None
    media = embedded.get("wp:featuredmedia")
    if isinstance(media, list) and media and isinstance(media[0], Mapping):
        image = media[0].get("source_url")
    image = image or post.get("jetpack_featured_media_url")
    published = wp_time(post.get("date"), post.get("date_gmt"))
    modified = wp_time(post.get("modified"), post.get("modified_gmt"))
    return RawArticle(
        url=url,
        canonical_url=url or None,
        title=_plain(_rendered(post.get("title"))),
        paragraphs=paragraphs,
        related_links=related,
        byline_texts=bylines,
        meta_authors=authors,
        published_at=published,
        published_at_source="api" if published else None,
        modified_at=modified,
        modified_at_source="api" if modified else None,
        tags=_terms(embedded, "post_tag"),
        categories=_terms(embedded, "category"),
        image_url=image if isinstance(image, str) and image else None,
        description=_plain(_rendered(post.get("excerpt"))),
        article_signals=["wp:api"],
        container="wp:api",
    )


def _feed_text(value: Any) -> str:
    if isinstance(value, Mapping):
        value = value.get("$t", "")
    return value if isinstance(value, str) else ""


def raw_from_blogger_entry(entry: Mapping[str, Any], *, site_url: str) -> RawArticle:
    """One Blogger JSON feed entry (`/feeds/posts/default?alt=json`) as a RawArticle."""
    if not isinstance(entry, Mapping):
        return RawArticle(url=site_url or "")
    url = site_url or ""
    try:
        for link in entry.get("link") or []:
            if isinstance(link, Mapping) and link.get("rel") == "alternate" and link.get("href"):
                url = urljoin(site_url or "", str(link["href"]))
                break
        content = _feed_text(entry.get("content")) or _feed_text(entry.get("summary"))
        paragraphs, bylines, related = _blocks(content)
        authors = [
            fold(_feed_text(author.get("name")))
            for author in entry.get("author") or []
            if isinstance(author, Mapping) and fold(_feed_text(author.get("name")))
        ]
        published = wp_time(_feed_text(entry.get("published")), None)
        modified = wp_time(_feed_text(entry.get("updated")), None)
        thumbnail = entry.get("media$thumbnail")
        image = thumbnail.get("url") if isinstance(thumbnail, Mapping) else None
        categories = [
            str(category["term"])
            for category in entry.get("category") or []
            if isinstance(category, Mapping) and category.get("term")
        ]
        return RawArticle(
            url=url,
            canonical_url=url or None,
            title=_plain(_feed_text(entry.get("title"))),
            paragraphs=paragraphs,
            related_links=related,
            byline_texts=bylines,
            meta_authors=authors,
            published_at=published,
            published_at_source="feed" if published else None,
            modified_at=modified,
            modified_at_source="feed" if modified else None,
            tags=categories,
            image_url=image if isinstance(image, str) and image else None,
            article_signals=["blogspot:post"],
            container="blogspot:feed",
        )
    except Exception:  # malformed feed entries must not escape; an empty result is documented
        return RawArticle(url=url)
