"""The generic main-content scorer: readability-style scoring grown to the story's wrapper, and the
page regions that are never the article."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from typing import Any

from crawler.extract.dom import (
    BLOCK_TAGS,
    NOISE_PREFIXES,
    WORDS_CACHE,
    attribute_words,
    fold,
    has_ancestor,
    link_density,
    linked_chars,
    own_text,
    sentence_chars,
    text_of,
)


def _class_and_id(element: Any) -> str:
    return f"{element.get('class') or ''} {element.get('id') or ''}".lower()


POSITIVE_WORDS = frozenset(
    {"article", "body", "content", "entry", "main", "post", "text", "story", "blog", "isi",
     "berita", "detail", "read", "artikel", "news"}
)  # fmt: skip
"""Class/id words of likely article containers (readability's positive list plus Indonesian)."""

NEGATIVE_WORDS = frozenset(
    {"comment", "comments", "meta", "footer", "footnote", "sidebar", "widget", "related",
     "share", "sharing", "social", "nav", "menu", "ad", "ads", "advert", "banner", "sponsor",
     "promo", "popular", "terpopuler", "populer", "terkait", "lainnya", "rekomendasi", "header",
     "masthead", "breadcrumb", "tags", "tag", "author", "byline", "caption", "copyright"}
)  # fmt: skip
"""Class/id words of chrome blocks (readability's negative list plus Indonesian)."""

POSITIVE_FACTOR = 1.5
NEGATIVE_FACTOR = 0.5
"""Class-name factors. Readability adds +/-25 points, which lets a teaser `<article>` with one
short paragraph beat a real story on pages with little text; as factors, class names only
break ties between candidates that already hold text (measured on the dev sets)."""

MIN_PARAGRAPH_CHARS = 25
"""Readability's shortest paragraph worth scoring."""

_SCORED_TAGS = (
    "p",
    "pre",
    "figcaption",
    "td",
    "div",
    "section",
    "article",
    "blockquote",
    "li",
    "font",
    "center",
    "span",
)


def _class_factor(element: Any) -> float:
    words = set(attribute_words(element))
    factor = 1.0
    if words & NEGATIVE_WORDS or any(w.startswith(NOISE_PREFIXES) for w in words):
        factor *= NEGATIVE_FACTOR
    if words & POSITIVE_WORDS:
        factor *= POSITIVE_FACTOR
    if element.tag == "article" or element.get("itemprop") == "articleBody":
        factor *= POSITIVE_FACTOR
    return factor


EXCLUDED_REGION_NAMES = re.compile(
    r"(?:comments?|commentlist|comment-respond|respond|replies|disqus\w*|komentar|komen)"
    r"(?:[-_](?:area|list|section|wrapper|container|block|wrap|box|holder|content|thread))?"
)
"""Whole class names or ids of reader-comment regions (`comments`, `comments-area`, `respond`,
`disqus_thread`, Indonesian `komentar`): never the article, however long. Whole names only: state classes such as
`has-comments` or `comments-open` sit on the article's own wrapper (wcxb-articles: 2 pages)."""


@lru_cache(maxsize=WORDS_CACHE)
def _names_comment_region(class_and_id: str) -> bool:
    return any(EXCLUDED_REGION_NAMES.fullmatch(name) for name in class_and_id.split())


EXCLUDED_REGION_TAGS = frozenset({"aside", "nav", "footer"})
"""HTML5 regions that are by definition outside the main content."""

MAIN_TAG = "main"
"""The page's main content. The HTML standard allows only `html`, `body`, `div` and `form`
ancestors for it, so a region around it is the parser's doing (a menu's `<li>` left open wraps
the rest of the page in the `<nav>`): such a region is never excluded."""


def comment_regions(doc: Any) -> set[Any]:
    """The page's reader-comment regions (EXCLUDED_REGION_NAMES) with all their descendants."""
    return excluded_regions(doc, tags=frozenset())


def in_comment_region(element: Any) -> bool:
    """True for an element inside (or itself) a reader-comment region, as `comment_regions` finds
    them, asked of one element by its ancestors (a few candidates need no whole-page scan)."""
    for node in (element, *element.iterancestors()):
        if not isinstance(node.tag, str) or not (node.get("class") or node.get("id")):
            continue
        if _names_comment_region(_class_and_id(node)) and node.find(f".//{MAIN_TAG}") is None:
            return True
    return False


def excluded_regions(doc: Any, *, tags: frozenset[str] = EXCLUDED_REGION_TAGS) -> set[Any]:
    """Elements never part of the article: HTML5 navigation, aside and footer regions (`tags`),
    reader comments (with all their descendants)."""
    excluded: set[Any] = set()
    for element in doc.iter():
        if element in excluded or not isinstance(element.tag, str):
            continue
        if element.tag in tags or (
            (element.get("class") or element.get("id"))
            and _names_comment_region(_class_and_id(element))
        ):
            if element.find(f".//{MAIN_TAG}") is not None:
                continue  # a region the parser wrapped around the page's <main>
            excluded.add(element)
            excluded.update(element.iterdescendants())
    return excluded


TOP_CANDIDATES = 15
"""Candidates (by score before the link-density discount) whose link density is measured;
readability measures its top 5, we keep a wider margin for link-heavy wrappers."""


def find_main_content(doc: Any, excluded: set[Any] | None = None) -> Any | None:
    """The element holding the most paragraph text (readability-style scoring), or None."""
    scores: dict[Any, float] = {}
    excluded = excluded_regions(doc) if excluded is None else excluded
    for element in doc.iter(*_SCORED_TAGS):
        if element in excluded:
            continue
        if element.tag in ("div", "section", "article", "td", "li", "span", "font", "center"):
            text = own_text(element)
        else:
            text = fold(text_of(element))
        if len(text) < MIN_PARAGRAPH_CHARS:
            continue
        score = 1 + text.count(",") + min(len(text) // 100, 3)
        if element.tag in ("div", "section", "article", "td", "span", "font", "center"):
            scores[element] = scores.get(element, 0.0) + score  # text directly in a wrapper
        ancestor = element.getparent()
        for divider in (1, 2, 3):
            if ancestor is None or not isinstance(ancestor.tag, str):
                break
            scores[ancestor] = scores.get(ancestor, 0.0) + score / divider
            ancestor = ancestor.getparent()
    if not scores:
        return None
    ranked = sorted(
        (
            (score * _class_factor(element), element)
            for element, score in scores.items()
            if element.tag not in ("html", "body", "figure", "figcaption")
            and element not in excluded
        ),
        key=lambda item: item[0],
        reverse=True,
    )
    best, best_score = None, 0.0
    for weighted, element in ranked[:TOP_CANDIDATES]:
        if weighted <= best_score:
            break  # the discount only lowers a score: no later candidate can win
        final = weighted * (1 - link_density(element))
        if final > best_score:
            best, best_score = element, final
    if best is None:
        return None
    # A top candidate that is a single paragraph: its parent holds the story.
    if best.tag in ("p", "pre", "blockquote", "li") and best.getparent() is not None:
        best = best.getparent()
    return _grow(best, excluded)


GROW_LEVELS = 5
"""Ancestors of the scorer's choice examined for the rest of a story split over blocks (page
builders nest each block 3-5 levels below the story's wrapper). Chosen on the even half of
wcxb-articles (3-6 measured within 0.002; the odd half confirmed it)."""

GROW_GAIN = 1.3
"""An ancestor replaces the choice when it holds this many times its sentences..."""

GROW_MAX_LINK_SHARE = 0.15
"""...and at most this share of its text sits in links (teaser lists and menus are linked)."""


def _grow(best: Any, excluded: set[Any]) -> Any:
    """The scorer's choice, or the ancestor holding the rest of its story: readability scores a
    paragraph into three ancestors only, so a story split over page-builder blocks loses to one
    of its own blocks."""
    region = _RegionText()
    region.add(best.iter(*BLOCK_TAGS), excluded)
    found = region.sentences
    current = best
    for _ in range(GROW_LEVELS):
        parent = current.getparent()
        if parent is None or parent.tag in ("body", "html") or parent in excluded:
            break
        # The parent's blocks are the current region's and those of the parent and its other
        # children: each block is read once however many levels are examined.
        if parent.tag in BLOCK_TAGS:
            region.add((parent,), excluded)
        for child in parent:
            if child is not current:
                region.add(child.iter(*BLOCK_TAGS), excluded)
        if region.sentences >= GROW_GAIN * max(found, 1) and (
            region.linked < GROW_MAX_LINK_SHARE * region.chars
        ):
            best = parent
        current = parent
    return best


class _RegionText:
    """Running totals of a region's blocks' own text (outside excluded regions): characters,
    characters of sentence lines (`sentence_chars`) and linked characters."""

    def __init__(self) -> None:
        self.chars = self.sentences = self.linked = 0

    def add(self, blocks: Iterable[Any], excluded: set[Any]) -> None:
        """Count these blocks in (each once: the caller never passes a block twice)."""
        for element in blocks:
            if element in excluded:
                continue
            parts = [element.text or ""]
            linked = 0
            for child in element:
                tag = child.tag if isinstance(child.tag, str) else ""
                if tag and tag not in BLOCK_TAGS and tag != "br":
                    text = text_of(child)
                    parts.append(text)
                    linked += len(fold(text)) if tag == "a" else linked_chars(child)
                parts.append(child.tail or "")
            text = fold("".join(parts))
            self.chars += len(text)
            self.sentences += sentence_chars([text]) if text else 0
            # a block inside an `<a>` (a teaser card, `<a><div><p>headline</p></div></a>`) is link
            # text, though no `<a>` sits inside it
            self.linked += len(text) if text and has_ancestor(element, "a") else linked
