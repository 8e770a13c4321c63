"""What a page marks its elements as (byline, date, chrome) by their class and id words.

Shared by the byline and the date reading of `page`: an element's attribute words, the regions
that list other stories (chrome), the story's own post wrapper, the marked elements.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from lxml import etree

from crawler.extract.dom import WORDS_CACHE, camel_case_apart

BYLINE_ATTRIBUTE_WORDS = frozenset(
    {"author", "byline", "penulis", "reporter", "editor", "wartawan", "jurnalis", "pewarta",
     "kontributor", "credit", "credits", "writer", "authors", "autor", "oleh",
     # the same words glued to their neighbour (`blog__authorname`, `articleByline`)
     "authorname", "authornames", "authorlink", "authorinfo", "authorwrapper", "authorcontainer",
     "authorbox", "authorblock", "authortext", "authorlabel", "authorholder", "articleauthor",
     "articlebyline", "storybyline", "postauthor", "entryauthor", "bylinename", "bylinelink",
     "bylinewrapper", "contributorbyline"}
)  # fmt: skip
"""Class/id words of visible byline elements outside the body. The glued forms are the ones the
dev pages print on two or more sites (`bypostauthor`, WordPress's class for the post author's
own comments, and `commentauthor` are not among them)."""


DATE_ATTRIBUTE_WORDS = frozenset(
    {"date", "time", "tanggal", "tgl", "waktu", "publish", "published", "posted", "timestamp",
     "datetime", "updated", "meta", "dateline", "jam", "entry", "post",
     "datum", "fecha", "tarih"}  # German, Dutch, Czech and Swedish; Spanish; Turkish
)  # fmt: skip
"""Class/id words of elements that print the article's date."""


CHROME_ANCESTOR_WORDS = frozenset(
    {"related", "terkait", "popular", "populer", "terpopuler", "sidebar", "widget", "comment",
     "comments", "footer", "recommended", "rekomendasi", "lainnya", "trending", "terkini",
     "latest", "recent", "nav", "menu"}
)  # fmt: skip
"""Class/id words of page regions listing other articles (their bylines and dates are not ours)."""


_WORDS = re.compile(r"[\s_\-]+")


def _attribute_text(element: Any) -> str:
    """An element's class, id and itemprop as one string, as written."""
    return f"{element.get('class') or ''} {element.get('id') or ''} {element.get('itemprop') or ''}"


def class_words(element: Any) -> set[str]:
    return {w for w in _WORDS.split(_attribute_text(element).lower()) if w}


def in_chrome(element: Any, post: Any = None) -> bool:
    """True inside a region listing other articles (CHROME_ANCESTOR_WORDS). `<body>`'s classes
    describe the whole page, not a region of it (a theme's `footer-on-bottom` or `has-sidebar`
    on every page), so they are not read. Inside `post`, the story's own post wrapper
    (`post_wrapper`), a `footer` is the post's footer (Blogger's `post-footer` prints `Posted by`;
    HTML's `<footer>` in an `<article>` holds its author); Blogger's posts gadget (`widget Blog`)
    holds the story, not a list of others."""
    # the post's own footer: the first post-like ancestor is the story's post itself (a teaser
    # card inside it is an `<article>` of its own, and its footer names another story's author)
    below_post = post is not None and _nearest_post(element) is post
    for ancestor in element.iterancestors():
        if ancestor.tag in ("body", "html"):
            return False
        if ancestor is post:
            below_post = False
            continue
        attributes = _attributes(ancestor)
        if not _is_chrome(attributes) or _is_blogger_posts_gadget(attributes):
            continue
        if below_post and _only_footer(attributes):
            continue
        return True
    return False


def post_wrapper(container: Any) -> Any:
    """The story's own post element around its text container (an `<article>` or a `hentry`),
    or None."""
    return None if container is None else _nearest_post(container, itself=True)


def _nearest_post(element: Any, *, itself: bool = False) -> Any:
    """The nearest `<article>` or `hentry` around an element (or the element itself), or None."""
    for candidate in (element, *element.iterancestors()) if itself else element.iterancestors():
        if candidate.tag == "article" or "hentry" in class_words(candidate):
            return candidate
    return None


def _is_blogger_posts_gadget(attributes: str) -> bool:
    """Blogger's posts gadget (`<div class="widget Blog" id="Blog1">`): a widget holding the
    blog's posts, the story among them."""
    return _chrome_words(attributes) == {"widget"} and "blog" in _WORDS.split(attributes)


def _only_footer(attributes: str) -> bool:
    """True when `footer` is the only CHROME_ANCESTOR_WORDS word of an attribute string."""
    return _chrome_words(attributes) == {"footer"}


@lru_cache(maxsize=4096)
def _chrome_words(attributes: str) -> frozenset[str]:
    """The CHROME_ANCESTOR_WORDS words of a lower-cased `class id itemprop` string."""
    return frozenset(CHROME_ANCESTOR_WORDS.intersection(_WORDS.split(attributes)))


@lru_cache(maxsize=4096)  # a theme's wrappers repeat on every page (test portal: ~800 strings)
def _is_chrome(attributes: str) -> bool:
    """True when a lower-cased `class id itemprop` string has a CHROME_ANCESTOR_WORDS word, not
    counting the `widget` of Elementor's wrappers (ELEMENTOR_WIDGET)."""
    if "elementor-widget" in attributes:
        attributes = ELEMENTOR_WIDGET.sub("elementor", attributes)
    return not CHROME_ANCESTOR_WORDS.isdisjoint(_WORDS.split(attributes))


ELEMENTOR_WIDGET = re.compile(r"(?<![\w-])elementor-widget(?=$|[\s-])")
"""Elementor wraps every block it prints in `elementor-widget elementor-widget-<kind>` and an
`elementor-widget-container`, the story's own post-info row among them: that `widget` names no
sidebar (a list of other posts keeps its own words: `elementor-widget-posts`, `recent`)."""


def icon_elements(*class_parts: str, below: bool = False) -> Any:
    """An XPath of the empty elements icon fonts draw with, whose class holds one of these parts
    (`glyphicon-calendar`, Font Awesome's `fa-user`): a theme heads a row with one, and the
    element around it holds what the icon names. `below`: of the element it is asked of, not of
    the whole page."""
    classes = " or ".join(f"contains(@class, '{part}')" for part in class_parts)
    return etree.XPath(f"{'.' if below else ''}//*[not(*)][not(normalize-space())][{classes}]")


def inside(element: Any, container: Any | None) -> bool:
    """True for the container itself or an element below it (never for no container)."""
    if container is None:
        return False
    return element is container or any(a is container for a in element.iterancestors())


def _word_pattern(words: frozenset[str], not_after: tuple[str, ...] = ()) -> re.Pattern[str]:
    """A regex finding one of `words` as a whole word of a class/id string (split at `-`/`_`),
    except right after one of `not_after` (a word with its separator)."""
    alternation = "|".join(sorted(words, key=len, reverse=True))
    exceptions = "".join(f"(?<!{re.escape(prefix)})" for prefix in not_after)
    return re.compile(rf"(?:^|[\s_-]){exceptions}(?:{alternation})(?=$|[\s_-])")


BYLINE_WORD_NOT_AFTER = ("text-",)
"""Compounds in which a byline word names a page builder's block: Elementor's
`elementor-widget-text-editor` wraps every text block it prints (a share count, a newsletter
form's `Email*`), so `editor` there names no editor."""


DATE_WORDS_RE = _word_pattern(DATE_ATTRIBUTE_WORDS)


BYLINE_WORDS_RE = _word_pattern(BYLINE_ATTRIBUTE_WORDS, BYLINE_WORD_NOT_AFTER)


def _attributes(element: Any) -> str:
    return _folded_attributes(_attribute_text(element))


@lru_cache(maxsize=WORDS_CACHE)
def _folded_attributes(raw: str) -> str:
    return camel_case_apart(raw).lower()


_WITH_ATTRIBUTES = etree.XPath("descendant-or-self::*[@class or @id or @itemprop]")
"""Elements (document order) that carry a class, id or itemprop: the only ones `marked_elements` keeps."""


MARK_CACHE_MAX = 50_000  # a theme prints a few hundred class/id strings (test portal: ~800)
"""(pattern, class/id/itemprop string) verdicts `marked_elements` remembers."""


Attributed = list[tuple[Any, str]]
"""Elements with a class, id or itemprop, each with its `_attributes` string, in document order."""


def attributed_elements(doc: Any) -> Attributed:
    """The page's elements with a class, id or itemprop and their lower-cased `class id itemprop`
    strings (read once for both `marked_elements` calls of a page)."""
    return [(element, _attributes(element)) for element in _WITH_ATTRIBUTES(doc)]


def marked_elements(attributed: Attributed, pattern: re.Pattern[str]) -> list[Any]:
    """Elements (of the page's `attributed_elements(doc)`) whose class, id or itemprop has a word matching
    `pattern`, in document order."""
    # Keyed by the pattern's text: hashing a compiled pattern hashes its whole program (~0.6 us).
    verdicts = _MARK_VERDICTS.setdefault(pattern.pattern, {})
    if len(verdicts) > MARK_CACHE_MAX:
        verdicts.clear()
    marked = []
    for element, attributes in attributed:
        verdict = verdicts.get(attributes)
        if verdict is None:
            verdict = verdicts[attributes] = pattern.search(attributes) is not None
        if verdict:
            marked.append(element)
    return marked


_MARK_VERDICTS: dict[str, dict[str, bool]] = {}
"""Per pattern, the verdicts of `marked_elements` on class/id/itemprop strings: pages of one portal repeat
the same strings."""
