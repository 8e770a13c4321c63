"""What a parsed page loses before any reading: scripts, styles, embeds and comments removed, a
tag the parser left open around content unwrapped, a `<noscript>` copy of the story dropped."""

from __future__ import annotations

from typing import Any

from lxml import etree

from crawler.extract.dom import fold, parse_fragment, remove_keeping_tail, text_of
from crawler.extract.scorer import MIN_PARAGRAPH_CHARS

DROP_TAGS = frozenset(
    {"script", "style", "noscript", "template", "iframe", "object", "embed", "svg", "canvas",
     "button", "select", "input", "textarea", "link", "meta", "head", "video", "audio", "map"}
)  # fmt: skip
"""Elements that never carry article text."""


TEMPLATE_SCRIPT_TYPES = frozenset({"text/template", "text/x-template", "text/html"})
"""`<script type>`s whose content is HTML rendered client-side (Blogger's Contempo-era themes
ship the post body this way)."""


def _unwrap_template_scripts(doc: Any) -> None:
    for script in list(doc.iter("script")):
        if (script.get("type") or "").strip().lower() not in TEMPLATE_SCRIPT_TYPES:
            continue
        fragment = parse_fragment(script.text or "")
        parent = script.getparent()
        if fragment is None or parent is None:
            continue
        fragment.tag = "div"
        fragment.tail = script.tail
        parent.replace(script, fragment)


_NON_TEXT_NODES = (etree.Comment, etree.ProcessingInstruction, etree.Entity, *sorted(DROP_TAGS))
"""What `strip_page_chrome` removes: every node that is no element (lxml gives those three kinds a
non-string tag) and the DROP_TAGS elements."""


PHRASING_ONLY_TAGS = frozenset(
    {
        "button",
        "select",
        "svg",
        "canvas",
        "object",
        "embed",
        "map",
        "video",
        "audio",
        "iframe",
        "noscript",
    }
)
"""DROP_TAGS elements whose content cannot hold blocks. libxml2 nests the rest of a page inside one
left open (an unclosed `<button>` in a menu swallowed whole articles on 3 wcxb-articles pages), so
one that holds a block element is unwrapped instead of removed."""

_SWALLOWED_BLOCK = etree.XPath("descendant::*[self::p or self::div or self::article or self::main]")

_COPY_TAGS = ("p", "h1", "h2", "h3", "h4", "li", "blockquote")
"""Blocks compared to tell a copy of the page's text from content a tag left open swallowed."""


def strip_page_chrome(doc: Any) -> None:
    """Remove elements that never carry text (scripts, styles, embeds, comments) in place."""
    _unwrap_template_scripts(doc)
    doomed = list(doc.iter(*_NON_TEXT_NODES))  # lxml's filtered walk, in document order
    elsewhere: set[str] | None = None
    for element in doomed:
        if element.tag in PHRASING_ONLY_TAGS and _SWALLOWED_BLOCK(element):
            if element.tag == "noscript":
                if elsewhere is None:
                    elsewhere = _block_texts_outside(doc, "noscript")
                if _copies_page_text(element, elsewhere):
                    remove_keeping_tail(element)  # the page's scripts render it too
                    continue
            _unwrap(element)
        else:
            remove_keeping_tail(element)


def _block_texts_outside(doc: Any, tag: str) -> set[str]:
    """The texts of the page's blocks outside elements of this tag."""
    outside = set()
    for block in doc.iter(*_COPY_TAGS):
        if next(block.iterancestors(tag), None) is None:
            outside.add(fold(text_of(block)))
    return outside


def _copies_page_text(element: Any, elsewhere: set[str]) -> bool:
    """Whether at least half of an element's blocks (MIN_PARAGRAPH_CHARS or more) repeat blocks
    found elsewhere on the page: a `<noscript>` copy of a story its scripts render too (the story was
    read twice on one wcxb-articles page and on a Blogger page of `dates` and `wp-themes`), not
    the rest of a page that a `<noscript>` left open swallowed."""
    texts = [
        t for b in element.iter(*_COPY_TAGS) if len(t := fold(text_of(b))) >= MIN_PARAGRAPH_CHARS
    ]
    return bool(texts) and 2 * sum(t in elsewhere for t in texts) >= len(texts)


def _unwrap(element: Any) -> None:
    """Replace an element by its children and text (a tag the parser left open around content)."""
    parent = element.getparent()
    if parent is None:
        return
    index = parent.index(element)
    previous = element.getprevious()
    if element.text:
        if previous is not None:
            previous.tail = (previous.tail or "") + element.text
        else:
            parent.text = (parent.text or "") + element.text
    children = list(element)
    for offset, child in enumerate(children):
        parent.insert(index + offset, child)
    if element.tail:
        last = children[-1] if children else element.getprevious()
        if last is not None and last is not element:
            last.tail = (last.tail or "") + element.tail
        else:
            parent.text = (parent.text or "") + element.tail
    parent.remove(element)
