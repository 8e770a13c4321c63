"""The pages of an article split over several (`/slug/2/`, `?page=2`), read from the links that a
page of it gives, and the article put back together from them."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from urllib.parse import parse_qsl, urljoin, urlsplit

from lxml import etree

from crawler.extract.dom import fold, text_of
from crawler.fingerprints import url_key
from crawler.items import ArticleItem, RawArticle

MAX_ARTICLE_PAGES = 50
"""Highest page number of one article that Warta reads. WordPress `<!--nextpage-->` stories of
regional portals run to a handful of pages and national portals' `?page=N` stories to about ten; a
bound keeps a pager that counts something else (a photo gallery of hundreds) from turning one
article into a crawl, and keeps numeric ids (`/berita/1234`) from reading as page numbers."""

COMMENT_PAGE_KEYS = frozenset({"cpage", "replytocom"})
"""Query keys of comment pages and reply links (WordPress `?cpage=2`, `?replytocom=N`): comments under
the same article are no page of its text."""

PATH_FORM = "/"
"""The form of a page number written as a last path segment (`/slug/2/`)."""


@dataclass(frozen=True)
class ArticlePages:
    """The pages of one split article that a page links."""

    number: int
    """Which page this is (1: the article's own URL)."""
    urls: dict[int, str] = field(default_factory=dict)
    """Page number -> absolute URL for every page the page links or is, page 1 included."""
    pager_texts: frozenset[str] = frozenset()
    """The texts of the elements that hold the page links (`Halaman: 1 2 3`): a pager, no part of
    the story."""


def article_pages(doc: etree._Element, url: str, canonical_url: str | None = None) -> ArticlePages:
    """The pages of the article on `doc` (fetched from `url`) when its links split it over
    several: links that are the article's own URL with a page number added, as a last path
    segment or as one more query parameter (numbers up to MAX_ARTICLE_PAGES, page 2 among them).

    A page whose own URL carries such a number (page 3 reached by a link) is that page of the URL
    without it when it links page 1 by its number (`?page=1`), or links that URL and, as pagers
    do, shows a page number as a link's text. One page is `ArticlePages(1)` with no URLs."""
    numbered = _numbered_links(doc, url)
    for base_url in dict.fromkeys(u for u in (canonical_url, url) if u):
        found = _pages(numbered, url_key(base_url), base_url)
        if found is not None:
            return ArticlePages(1, found.urls, _pager_texts(doc, url, found.urls))
        parent = _parent(base_url)
        if parent is None:
            continue
        parent_url, number = parent
        found = _pages(numbered, url_key(parent_url), parent_url, number)
        if found is None:
            continue
        if not found.links_first:  # then it must link page 1 itself, from a pager
            texts = _texts_of_links_to(doc, url, url_key(parent_url))
            if not texts or not (found.pager or "1" in texts):
                continue
        urls = dict(sorted((found.urls | {number: url}).items()))
        return ArticlePages(number, urls, _pager_texts(doc, url, urls))
    return ArticlePages(1)


def pager_scope(container: etree._Element) -> etree._Element:
    """Where an article's pager is looked for: its text's container and what stands beside it (a
    theme puts `wp_link_pages` inside the content, a `?page=N` pager after it). Links elsewhere on
    the page number other things: a listing widget's pages, a carousel, a box of short news."""
    parent = container.getparent()
    return parent if parent is not None else container


def _anchors(doc: etree._Element, url: str) -> Iterator[tuple[str, etree._Element]]:
    """(absolute URL without fragment, anchor) of the links under `doc` (resolved against the
    document's `<base href>`, wherever `doc` is in it)."""
    base = doc.getroottree().getroot().find(".//base[@href]")
    try:
        base_url = urljoin(url, base.get("href", "")) if base is not None else url
    except ValueError:
        base_url = url
    for anchor in doc.iter("a"):
        href = (anchor.get("href") or "").strip()
        if not href or href.startswith(("#", "javascript:", "mailto:")):
            continue
        try:
            yield urljoin(base_url, href).split("#", 1)[0], anchor
        except ValueError:  # `http://[not-an-address]/`
            continue


def _numbered_links(doc: etree._Element, url: str) -> dict[str, tuple[str, str]]:
    """URL key -> (absolute URL, link text) of the links whose URL ends in a number (the first
    link of each key): the only ones that can name a page."""
    found: dict[str, tuple[str, str]] = {}
    for absolute, anchor in _anchors(doc, url):
        if absolute.rstrip("/")[-1:].isdigit():
            key = url_key(absolute)
            if key and key not in found:
                found[key] = (absolute, fold(text_of(anchor)))
    return found


PAGER_LEVELS = 2
"""Ancestors of a page link searched for the pager that holds it: WordPress wraps a number in a
`<span>` inside the link, themes a link in an `<li>` of a list."""


def _pager_texts(doc: etree._Element, url: str, urls: dict[int, str]) -> frozenset[str]:
    """The folded texts of the elements holding the page links: for each link, the nearest
    ancestor (up to PAGER_LEVELS) with more text than the link's own."""
    wanted = set(urls.values())
    texts = set()
    for absolute, anchor in _anchors(doc, url):
        if absolute not in wanted:
            continue
        own = fold(text_of(anchor))
        holder = anchor.getparent()
        for _ in range(PAGER_LEVELS):
            if holder is None or fold(text_of(holder)) != own:
                break
            holder = holder.getparent()
        if holder is not None:
            texts.add(fold(text_of(holder)))
    return frozenset(texts)


def _texts_of_links_to(doc: etree._Element, url: str, key: str) -> set[str]:
    """The texts of the document's links to the URL whose key is `key`."""
    tail = key.rpartition("/")[2].partition("?")[0]
    return {
        fold(text_of(anchor))
        for absolute, anchor in _anchors(doc, url)
        if tail in absolute and url_key(absolute) == key
    }


@dataclass(frozen=True)
class _Found:
    """The links of one page that number the pages of one base URL."""

    urls: dict[int, str]
    """Page number -> URL, page 1 (the base URL) included."""
    pager: bool
    """Some link's text is its own page number, as a pager's are."""
    links_first: bool
    """Some link names page 1 by number (`?page=1`)."""


def _pages(
    links: dict[str, tuple[str, str]], base_key: str, base_url: str, this_page: int = 1
) -> _Found | None:
    """The links that are `base_key` with a page number (of one form: the path segment or one
    query key); None when page 2 is not among them, unless this is a later page (which may link
    page 1 alone)."""
    by_form: dict[str, dict[int, tuple[str, str]]] = {}
    for key, link in links.items():
        numbered = _page_of(key, base_key)
        if numbered is not None:
            form, number = numbered
            by_form.setdefault(form, {}).setdefault(number, link)
    best: dict[int, tuple[str, str]] = {}
    for pages in by_form.values():
        if (2 in pages or this_page > 1) and len(pages) > len(best):
            best = pages
    if 2 not in best and this_page == 1:
        return None
    urls = {number: link[0] for number, link in best.items()} | {1: base_url}
    return _Found(
        dict(sorted(urls.items())),
        pager=any(text == str(number) for number, (_, text) in best.items()),
        links_first=1 in best,
    )


def _page_of(key: str, base_key: str) -> tuple[str, int] | None:
    """(form, number) when the URL key `key` is `base_key` with a page number added: `PATH_FORM`
    for a last path segment, else the query key that holds it."""
    if key.startswith(base_key + "/"):
        rest = key[len(base_key) + 1 :]
        if rest.isdigit() and "?" not in base_key:
            return _in_range(PATH_FORM, rest)
        return None
    path, _, query = key.partition("?")
    base_path, _, base_query = base_key.partition("?")
    if path != base_path or not query:
        return None
    extra = _params(query)
    for pair in _params(base_query):
        if pair not in extra:
            return None
        extra.remove(pair)
    if len(extra) != 1 or extra[0][0] in COMMENT_PAGE_KEYS:
        return None
    return _in_range(extra[0][0], extra[0][1])


def _params(query: str) -> list[tuple[str, str]]:
    return parse_qsl(query, keep_blank_values=True)


def _in_range(form: str, digits: str) -> tuple[str, int] | None:
    if not digits.isdigit() or len(digits) > 3:
        return None
    number = int(digits)
    return (form, number) if 1 <= number <= MAX_ARTICLE_PAGES else None


def _parent(url: str) -> tuple[str, int] | None:
    """(URL of page 1, number) when `url` names a page number of another URL: its last path
    segment, or the last query parameter that holds a number."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    path = parts.path.rstrip("/")
    head, _, last = path.rpartition("/")
    if not parts.query and head and _in_range(PATH_FORM, last):
        return parts._replace(path=head + ("/" if parts.path.endswith("/") else "")).geturl(), int(
            last
        )
    params = _params(parts.query)
    for index in range(len(params) - 1, -1, -1):
        name, value = params[index]
        if name not in COMMENT_PAGE_KEYS and _in_range(name, value) and int(value) > 1:
            rest = params[:index] + params[index + 1 :]
            query = "&".join(f"{k}={v}" for k, v in rest)
            return parts._replace(query=query, fragment="").geturl(), int(value)
    return None


def join_pages(first: RawArticle, others: list[RawArticle]) -> RawArticle:
    """The article whose first page is `first` with the text of its other pages after its own, in
    page order: their paragraphs (but lines every page repeats, such as the pager, once) and
    related links; bylines a later page adds (a reporter's sign-off on the last page) join the
    first page's."""
    seen = set(first.paragraphs)
    for page in others:
        for paragraph in page.paragraphs:
            if paragraph not in seen:
                seen.add(paragraph)
                first.paragraphs.append(paragraph)
        for link in page.related_links:
            if link not in first.related_links:
                first.related_links.append(link)
        for text in page.byline_texts:
            if text not in first.byline_texts:
                first.byline_texts.append(text)
                if text in page.byline_sources:
                    first.byline_sources[text] = page.byline_sources[text]
    return first


@dataclass
class SplitArticle:
    """A split article while its pages are read one after another: the item of its first page,
    the pages known so far (page number -> URL) and the later pages read."""

    item: ArticleItem
    known: dict[int, str]
    parts: dict[int, RawArticle] = field(default_factory=dict)
    asked: set[int] = field(default_factory=lambda: {1})

    def next_page(self) -> int | None:
        """The lowest page number not asked for yet (now asked), or None when every known page
        was, or MAX_ARTICLE_PAGES were."""
        pending = [number for number in self.known if number not in self.asked]
        if not pending or len(self.asked) >= MAX_ARTICLE_PAGES:
            return None
        number = min(pending)
        self.asked.add(number)
        return number

    def add(self, number: int, page: RawArticle) -> bool:
        """Keep one later page and the pages it links; False, and nothing kept, when it has no text
        or most of its paragraphs were read already (a link that only reloads the article with a
        widget's next page, `?page_b=2`)."""
        first = self.item.raw
        read = set(first.paragraphs if first is not None else ())
        for part in self.parts.values():
            read.update(part.paragraphs)
        new = sum(paragraph not in read for paragraph in page.paragraphs)
        if not page.paragraphs or new * 2 < len(page.paragraphs):
            return False
        self.parts[number] = page
        for later, url in page.page_urls.items():
            self.known.setdefault(later, url)
        return True

    def joined(self) -> ArticleItem:
        """The article item with the text of every page read."""
        if self.item.raw is not None:
            join_pages(self.item.raw, [self.parts[number] for number in sorted(self.parts)])
        return self.item
