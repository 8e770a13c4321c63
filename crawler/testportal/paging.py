"""Articles split over pages: their page URLs and the page links printed under each page's text.

Two forms (`Article.split`): WordPress `<!--nextpage-->` on pretty permalinks (`SPLIT_NEXTPAGE`,
page N at `<permalink>N/`, `wp_link_pages()` markup) and the `?page=N` pager of national-style
portals (`SPLIT_QUERY`, page N at `<permalink>?page=N`, a `div.paging` block). A permalink that is
itself a query (`/?p=ID`) takes `&page=N` in both forms, as WordPress without pretty permalinks does.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from crawler.testportal.model import SPLIT_NEXTPAGE, SPLIT_QUERY

PAGE_PARAM = "page"
"""The query parameter of a page number (`?page=2`; WordPress's `page` query var)."""


def paged_url(permalink: str, split: str, page: int) -> str:
    """URL of page `page` of an article at `permalink` as its pager links it (page 1 of the
    `?page=N` form is `?page=1`; of the `<!--nextpage-->` form, the permalink itself)."""
    if split == SPLIT_NEXTPAGE and page <= 1:
        return permalink
    if split == SPLIT_NEXTPAGE and "?" not in permalink:
        return f"{permalink}{page}/"
    joiner = "&" if "?" in permalink else "?"
    return f"{permalink}{joiner}{PAGE_PARAM}={page}"


def query_page(raw: str | None) -> int | None:
    """The page number a `page` query value asks for (`2`, `2/`), or None when it names none."""
    text = (raw or "").strip().strip("/")
    return int(text) if text.isdigit() else None


def page_links(urls: Sequence[str], current: int, split: str) -> str:
    """The page links under page `current` (1-based) of an article whose pages are `urls`, as the
    pager links them (`paged_url`): WordPress's `wp_link_pages()` (current page as a span) or a
    national-style `div.paging` with Sebelumnya / Selanjutnya."""
    if len(urls) < 2:
        return ""
    if split == SPLIT_QUERY:
        items = []
        if current > 1:
            items.append(f'<a href="{escape(urls[current - 2])}">Sebelumnya</a>')
        for number, url in enumerate(urls, start=1):
            active = ' class="active"' if number == current else ""
            items.append(f'<a href="{escape(url)}"{active}>{number}</a>')
        if current < len(urls):
            items.append(f'<a href="{escape(urls[current])}">Selanjutnya</a>')
        return f'<div class="paging">{" ".join(items)}</div>'
    items = [
        f'<span class="post-page-numbers current" aria-current="page">{number}</span>'
        if number == current
        else f'<a href="{escape(url)}" class="post-page-numbers"><span>{number}</span></a>'
        for number, url in enumerate(urls, start=1)
    ]
    return f'<div class="page-links">Halaman: {" ".join(items)}</div>'
