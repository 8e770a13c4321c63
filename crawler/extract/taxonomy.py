"""The post's own category and tag links, read in the post around its headline and body only."""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import urlsplit

from crawler.extract.dom import attribute_words, fold, text_of
from crawler.extract.marks import inside

POST_WRAPPER_CLASSES = frozenset({"hentry", "type-post", "post", "post-outer"})
"""Whole class names of the element wrapping one post (WordPress `post_class()`, Blogger
`.post`), used when the headline is not found next to the body."""

CHROME_WORDS = frozenset(
    {"related", "terkait", "popular", "populer", "terpopuler", "sidebar", "widget", "breadcrumb",
     "breadcrumbs", "crumb", "crumbs", "nav", "navigation", "menu", "comment", "comments",
     "recommended", "rekomendasi", "trending", "terkini", "latest", "recent", "postblock",
     "tagcloud", "cloud"}
)  # fmt: skip
"""Class/id words of regions inside a post container that list OTHER posts or the site's
sections (related blocks, breadcrumbs, tag clouds): their taxonomy links are not this post's."""

CHROME_TAGS = frozenset({"nav", "aside"})
"""HTML5 regions that are never the post's own meta."""

SITE_LIST_CLASSES = frozenset({"cat-item", "tag-cloud-link", "menu-item", "page-item"})
"""Whole class names WordPress prints on site-wide lists (`wp_list_categories()`,
`wp_tag_cloud()`, menus): every category of the site, not this post's."""

HEADLINE_CHROME_WORDS = frozenset(
    {"related", "terkait", "popular", "populer", "terpopuler", "sidebar", "recommended",
     "rekomendasi", "trending"}
)  # fmt: skip
"""Class/id words of blocks whose headings are other posts' titles. Narrower than CHROME_WORDS:
Blogger's main column is a `widget Blog`."""

CATEGORY_PATH = re.compile(r"/category/[^/?#]+")
"""WordPress's default category archive path, for themes printing category links without
`rel="category tag"` (tagDiv's `.td-category`)."""

TAG_PATH = re.compile(r"/(?:tag|search/label)/[^/?#]+")
"""WordPress's default tag archive and Blogger's label search, for tag and label links without
`rel="tag"` (tagDiv's `.td-tags`)."""

MAX_TERM_CHARS = 60
"""Category and tag names are a few words (longest in the dev sets: 52 characters); a longer
link text is a headline."""

MAX_TERMS = 30
"""More links than this in one post's meta is a tag cloud, not the post's own terms (the dev
sets' posts carry at most 23: 6 categories and 17 tags)."""


def _headline(doc: Any, title: str | None) -> Any | None:
    """The heading that prints the title (h1, or Blogger's h3 post title), outside chrome."""
    wanted = fold(title).casefold() if title else ""
    if not wanted:
        return None
    for heading in doc.iter("h1", "h2", "h3"):
        if fold(text_of(heading)).casefold() == wanted and not _in_region(
            heading, None, HEADLINE_CHROME_WORDS
        ):
            return heading
    return None


def _common_ancestor(first: Any, second: Any) -> Any | None:
    lineage = {id(node): node for node in (first, *first.iterancestors())}
    for node in (second, *second.iterancestors()):
        if id(node) in lineage:
            return node
    return None


def _post_wrapper(element: Any) -> Any | None:
    for node in (element, *element.iterancestors()):
        if node.tag in ("body", "html"):
            return None
        classes = set((node.get("class") or "").split())
        if node.tag == "article" or POST_WRAPPER_CLASSES.intersection(classes):
            return node
    return None


def post_scope(doc: Any, content: Any | None, title: str | None) -> Any | None:
    """The element holding one post's header, body and footer meta, or None when unsure.

    The smallest element holding both the headline and the body; when they share nothing below
    `<body>`, the post wrapper (`<article>`, `.hentry`, `.post`) around the body.
    """
    heading = _headline(doc, title)
    if heading is not None and content is not None:
        scope = _common_ancestor(heading, content)
        if scope is not None and scope.tag not in ("body", "html"):
            return scope
    anchor = content if content is not None else heading
    return _post_wrapper(anchor) if anchor is not None else None


def _in_region(element: Any, scope: Any | None, words: frozenset[str]) -> bool:
    """True when the element sits in a chrome region (`words`, CHROME_TAGS) below `scope`."""
    for ancestor in (element, *element.iterancestors()):
        if ancestor is scope or ancestor.tag in ("body", "html"):
            return False
        if ancestor.tag in CHROME_TAGS or words.intersection(attribute_words(ancestor)):
            return True
        if SITE_LIST_CLASSES.intersection((ancestor.get("class") or "").split()):
            return True
    return False


_ARCHIVE_PATH_MARKERS = ("/category/", "/tag/", "/search/label/")
"""What CATEGORY_PATH or TAG_PATH needs in a link before the (slower) URL split is worth it."""


def _never_archive_link(href: str) -> bool:
    """True when neither archive path can match `href` and splitting it cannot fail (so the
    answer does not depend on where the link sits): the cheap test before the ancestor walk."""
    if "[" in href or "]" in href or not href.isascii():
        return False  # urlsplit may raise ValueError on these (IPv6 brackets, NFKC netlocs)
    # urlsplit drops tabs and newlines anywhere in a URL; the path is a piece of what is left
    bare = href.replace("\t", "").replace("\r", "").replace("\n", "")
    return not any(marker in bare for marker in _ARCHIVE_PATH_MARKERS)


def _link_kind(anchor: Any, content: Any | None) -> str | None:
    rel = (anchor.get("rel") or "").lower().split()
    if "category" in rel:
        return "category"  # WordPress prints `rel="category tag"` on category links
    if "tag" in rel:
        return "tag"
    href = anchor.get("href") or ""
    if _never_archive_link(href):
        return None
    if inside(anchor, content):
        return None  # a story's link to an archive page is prose, not the post's meta
    path = urlsplit(href).path
    if CATEGORY_PATH.search(path):
        return "category"
    if TAG_PATH.search(path):
        return "tag"
    return None


def post_taxonomy(doc: Any, content: Any | None, title: str | None) -> tuple[list[str], list[str]]:
    """(categories, tags) the post's own meta links name, in page order, without duplicates.

    Read before the container is cleaned (some themes print tags inside it). Links in blocks
    listing other posts, breadcrumbs, menus and widgets are ignored; with no post scope, none.
    """
    try:
        return _taxonomy(doc, content, title)
    except (ValueError, TypeError, RecursionError):
        return [], []


def _taxonomy(doc: Any, content: Any | None, title: str | None) -> tuple[list[str], list[str]]:
    scope = post_scope(doc, content, title)
    if scope is None:
        return [], []
    found: dict[str, list[str]] = {"category": [], "tag": []}
    for anchor in scope.iter("a"):
        kind = _link_kind(anchor, content)
        if kind is None or _in_region(anchor, scope, CHROME_WORDS):
            continue
        name = fold(text_of(anchor))
        if not name or len(name) > MAX_TERM_CHARS:
            continue
        names = found[kind]
        if name.casefold() not in (n.casefold() for n in names):
            names.append(name)
    if len(found["category"]) + len(found["tag"]) > MAX_TERMS:
        return [], []
    return found["category"], found["tag"]
