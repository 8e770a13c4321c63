"""Element helpers every extractor shares: parsing, text, class/id words, chrome-word tests, removal."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

from lxml import etree

NOISE_WORDS = frozenset(
    {"share", "shares", "sharing", "sharedaddy", "social", "sosmed", "related", "terkait",
     "relatedposts", "yarpp", "crp", "tags", "tag", "tagcloud", "comment", "comments", "komentar",
     "disqus", "ad", "ads", "adsbygoogle", "advert", "advertisement", "adv", "iklan", "banner",
     "sponsor", "sponsored", "promo", "newsletter", "subscribe", "subscription", "breadcrumb",
     "breadcrumbs", "navigation", "nav", "pagination", "popup", "modal", "widget", "sidebar",
     "caption", "credit", "credits", "print", "rating", "reaction", "reactions", "emoji",
     "donate", "donasi", "addtoany", "a2a", "heateor", "sfsi", "ssba", "mashsb", "essb", "wpulike",
     "pvc", "views", "author", "byline", "bio", "avatar", "meta", "footer", "hidden",
     "gallery", "slider", "carousel", "recommended", "rekomendasi", "readmore", "bacajuga",
     "baca", "lainnya", "also", "jeg", "td", "code", "ai", "g1", "mvp", "penci", "disclaimer",
     "aawp", "embedded", "hatom", "rollover", "tooltip", "popover", "hovercard", "cta", "follow",
     "whatsapp", "telegram", "poll", "polls", "polling", "quiz"}
)  # fmt: skip
"""Class/id words (split at spaces, `-` and `_`) of nodes that are chrome, not story. Theme
prefixes (`jeg`, `td`, `g1`, `mvp`, `penci`, `ai` for Ad Inserter, `code` for `code-block` ad
slots) only count together with another noise word; see `is_noise`."""


THEME_PREFIXES = frozenset(
    {"jeg", "td", "code", "ai", "g1", "mvp", "penci", "also", "baca", "lainnya", "widget"}
)
"""Words of NOISE_WORDS that mark noise only next to another noise word (`jeg_share_button`).
`widget` is one: page builders wrap every block of a story in one (Elementor's
`elementor-widget-container`; wcxb-articles: 8 pages lost their whole text to it), while a
sidebar's widgets sit outside the article container."""


NOISE_PREFIXES = ("share", "social", "related", "comment", "advert", "sponsor", "subscri",
                  "newsletter", "breadcrumb", "adsense", "adslot", "adunit", "dfp", "gpt-ad")  # fmt: skip
"""Class/id word prefixes of chrome nodes (`sharebox`, `relatedposts`, `commentlist`)."""


STRONG_NOISE_SHARE = 0.6
"""A noise-classed node holding more than 60 % of the container's text is the article itself
wrapped in an unlucky class (`post-has-ads`), so it is kept."""


_WORD_SPLIT = re.compile(r"[\s_\-]+")

WORDS_CACHE = 8192  # a theme prints a few hundred class/id strings (test portal: ~800)
"""Class/id strings whose words `attribute_words` remembers: every extractor asks again for the
same wrappers, ~500 times a page (wcxb-articles)."""


def attribute_words(element: Any) -> tuple[str, ...]:
    """The words of an element's class and id, lower-cased, split at spaces, `-` and `_`."""
    class_name, element_id = element.get("class"), element.get("id")
    if not class_name and not element_id:
        return ()
    return _words_of(f"{class_name or ''} {element_id or ''}")


@lru_cache(maxsize=WORDS_CACHE)
def _words_of(raw: str) -> tuple[str, ...]:
    return tuple(word for word in _WORD_SPLIT.split(camel_case_apart(raw).lower()) if word)


_CAMEL_JOINT = re.compile(r"(?<=[a-z])(?=[A-Z][a-z])")


def camel_case_apart(text: str) -> str:
    """Class names written in camel case as words (`authorName` -> `author Name`): CSS modules
    and component libraries name a byline or a comment list so (`authorDate_authorName__x`)."""
    return _CAMEL_JOINT.sub(" ", text)


def class_name_words(name: str) -> tuple[str, ...]:
    """The words of one class name, split as `attribute_words` splits them."""
    return _words_of(name)


NOISE_COMPOUNDS = ("bacajuga", "readalso", "alsoread", "bacalainnya", "lihatjuga", "simakjuga",
                   "beritaterkait", "artikelterkait", "postterkait", "beritalainnya", "artikellainnya",
                   "youmaylike", "readmore", "codeblock", "readnext", "moreon", "trendingnow",
                   "tdarec", "instagrammedia", "tiktokembed", "googlenews")  # fmt: skip
"""Class/id names written as several words (`baca-juga`, `read_also`) whose parts alone are
harmless; matched on the class/id with separators removed. `instagram-media` and `tiktok-embed`
are the blockquotes those embeds print before their scripts run (the post's caption and `A post
shared by`, in the page's language): the embed's text, not the story's."""


def element_descriptor(element: Any) -> str | None:
    """`tag.class.class` of an element, its classes sorted and those with a digit left out (post
    ids, counters), so the same slot on every page of a theme has the same descriptor; None for an
    element without a lasting class (a bare `span` names no slot)."""
    classes = sorted(
        {c for c in (element.get("class") or "").split() if not any(ch.isdigit() for ch in c)}
    )
    if not classes or not isinstance(element.tag, str):
        return None
    return ".".join([element.tag, *classes])


def has_ancestor(element: Any, tag: str) -> bool:
    """True when an element sits inside a `tag` element (a field label inside a `<form>`, a
    teaser card's text inside the `<a>` that wraps the whole card)."""
    return next(element.iterancestors(tag), None) is not None  # libxml2 filters: 5x faster


def is_noise(words: Sequence[str]) -> bool:
    """Do these class/id words mark a chrome node (share box, related posts, ads, comments)?"""
    return _is_noise(words if isinstance(words, tuple) else tuple(words))


@lru_cache(maxsize=WORDS_CACHE)
def _is_noise(words: tuple[str, ...]) -> bool:
    joined = "".join(words)
    if any(compound in joined for compound in NOISE_COMPOUNDS):
        return True
    strong = [w for w in words if w in NOISE_WORDS and w not in THEME_PREFIXES]
    if strong:
        return True
    return any(w.startswith(NOISE_PREFIXES) for w in words)


def fold(text: str | None) -> str:
    """Whitespace runs (including no-break spaces) folded to one space, ends stripped."""
    if not text:
        return ""
    if not text.isascii():  # O(1) in CPython: an ASCII string has neither invisible character
        text = text.replace("\u200b", "").replace("\ufeff", "")
    # str.split() splits at exactly the characters a regex `\s+` matches, 3x faster than re.sub
    return " ".join(text.split())


def short_text(element: Any, limit: int, separator: str = "") -> str | None:
    """`fold` of the element's text joined by `separator`, or None when that is longer than
    `limit`: reading stops soon after the limit, so a page wrapper costs no more than a label."""
    parts: list[str] = []
    size = 0
    checked = 4 * limit  # raw characters read before folding is worth a look
    try:
        for chunk in element.itertext():
            parts.append(chunk)
            size += len(chunk) + len(separator)
            if size > checked:
                if len(fold(separator.join(parts))) > limit:  # a prefix folds no longer
                    return None
                checked = 2 * size
    except (ValueError, TypeError):
        return None
    text = fold(separator.join(parts))
    return text if len(text) <= limit else None


def remove_keeping_tail(element: Any) -> None:
    """Detach an element, keeping its tail text in the document."""
    parent = element.getparent()
    if parent is None:
        return
    tail = element.tail
    if tail and tail.strip():
        previous = element.getprevious()
        if previous is not None:
            previous.tail = (previous.tail or "") + tail
        else:
            parent.text = (parent.text or "") + tail
    parent.remove(element)


def text_length(element: Any) -> int:
    """Characters of an element's whitespace-folded text (0 when lxml cannot walk it)."""
    try:
        return len(fold(text_of(element)))
    except ValueError:
        return 0


STRONG_NOISE_PREFIXES = (
    "comment", "related", "share", "sharedaddy", "disqus", "disclaimer", "aawp", "adsbygoogle",
    "advertisement", "sponsored", "newsletter",
)  # fmt: skip
"""Class/id word prefixes so specific to chrome that even a `<p>` or a node holding most of the
container's text is removed (reader comments, related posts, affiliate disclaimers, ads)."""


def is_strong_noise(words: Sequence[str]) -> bool:
    """Class/id words so specific to chrome that the node goes whatever text it holds."""
    return any(w.startswith(STRONG_NOISE_PREFIXES) for w in words)


LINK_LIST_DENSITY = 0.8
"""Share of linked text above which a list or box after the story is a list of other articles
(related posts, "more on this topic"); readability's own cut-off for link-heavy blocks is 0.5,
we stay stricter because in-story lists of sources are linked too."""


HEADING_TAGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})


def link_density(element: Any) -> float:
    """Share of an element's text that sits inside links (1.0 for an element without text)."""
    total = text_length(element)
    if not total:
        return 1.0
    return min(linked_chars(element) / total, 1.0)


def linked_chars(element: Any) -> int:
    """Characters of the whitespace-folded text of the links in an element (itself included)."""
    return sum(len(fold(text_of(a))) for a in element.iter("a"))


_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*>", re.IGNORECASE)


def _parser() -> Any:
    # Plain etree elements (not lxml.html's HtmlElement) iterate several times faster; huge_tree
    # stays off so hostile nesting is cut by libxml2 instead of exhausting memory.
    return etree.HTMLParser(huge_tree=False, remove_comments=True, remove_pis=True)


def text_of(element: Any) -> str:
    """All text inside an element (its tail excluded), like lxml.html's `text_content()`."""
    if not isinstance(element.tag, str):
        return ""  # a comment or processing instruction holds no page text
    try:
        # libxml2's text serialisation: the same text as "".join(itertext()), 3-4x faster (665
        # elements of a wcxb-articles page: 1.2-1.4 ms against 5.0-5.6)
        return etree.tostring(element, method="text", encoding=str, with_tail=False)
    except (ValueError, TypeError, etree.LxmlError):
        return ""


def parse_html(text: str) -> Any | None:
    """An lxml document for page text, or None when nothing parses (never raises)."""
    if not text or not text.strip():
        return None
    try:
        doc = etree.fromstring(_XML_DECLARATION.sub("", text, count=1), _parser())
    except Exception:
        return None
    if doc is None or not isinstance(doc.tag, str):
        return None
    return doc


def parse_fragment(text: str) -> Any | None:
    """A `<div>` element wrapping an HTML fragment (WordPress `content.rendered`), or None."""
    if not text or not text.strip():
        return None
    try:
        doc = etree.fromstring(f"<html><body><div>{text}</div></body></html>", _parser())
    except Exception:
        return None
    if doc is None:
        return None
    return doc.find("body/div")


MIN_SENTENCE_LINE_CHARS = 60
"""A line of running prose: at least this long and ending like a sentence. Teaser titles, dates,
labels and menu lines are shorter or end without punctuation."""

_SENTENCE_END = re.compile(r"[.!?\"\u201d'\u2019)]\s*$")


def sentence_chars(lines: list[str]) -> int:
    """Characters of the lines that read as running prose (see MIN_SENTENCE_LINE_CHARS)."""
    return sum(
        len(line)
        for line in lines
        if len(line) >= MIN_SENTENCE_LINE_CHARS and _SENTENCE_END.search(line)
    )


BLOCK_TAGS = frozenset(
    {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd",
     "blockquote", "section", "article", "table", "tbody", "thead", "tfoot", "tr", "td", "th",
     "pre", "figure", "header", "footer", "aside", "center", "main", "form", "address", "hr",
     "nav", "details", "summary", "caption", "fieldset", "legend", "body", "html"}
)  # fmt: skip
"""Elements that start a new text block when flattened."""


def own_text(element: Any) -> str:
    """Text directly in the element and in its inline children (not in nested blocks)."""
    parts = [element.text or ""]
    for child in element:
        tag = child.tag if isinstance(child.tag, str) else ""
        if tag and tag not in BLOCK_TAGS and tag != "br":
            parts.append(text_of(child))
        parts.append(child.tail or "")
    return fold("".join(parts))
