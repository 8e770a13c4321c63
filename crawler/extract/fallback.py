"""The generic fallback: trafilatura's text when Warta's rules found only part of a page's prose."""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from crawler.extract.dom import (
    BLOCK_TAGS,
    fold,
    has_ancestor,
    linked_chars,
    sentence_chars,
    text_of,
)

log = logging.getLogger(__name__)

MIN_PROSE_BLOCK_CHARS = 25
"""Readability's shortest paragraph worth scoring: shorter blocks are labels, buttons, dates."""

MAX_PROSE_LINK_SHARE = 0.3
"""A block with more of its text in links is a teaser or a link list, not prose."""

MIN_SHARE_OF_PAGE_PROSE = 0.7
"""Below this share of the page's prose, the body is suspect: one section of a story split over
page-builder blocks, or a teaser. Chosen on the even half of wcxb-articles (0.6-0.8 measured
within 0.001; the odd half confirmed it); the fallback only replaces a body when it gains enough."""

MIN_FALLBACK_GAIN = 1.5
"""trafilatura's text replaces Warta's only when it holds this many times more sentences (counted by
`sentence_chars`): a fallback that finds about as much prose has found the same story, and
one that adds only list items and labels has found a list of other articles. Measured like
MIN_SHARE_OF_PAGE_PROSE; 1.3 let trafilatura's teaser lists replace two dev-set stories."""

FALLBACK_CONTAINER = "fallback:trafilatura"
"""`RawArticle.container` of a body that came from the fallback."""


@dataclass(frozen=True)
class PageProse:
    """How much running text a page holds, outside navigation and comments."""

    prose_chars: int = 0
    """Unlinked characters of blocks of MIN_PROSE_BLOCK_CHARS or more, mostly unlinked."""
    sentence_chars: int = 0
    """Characters of the page's lines that read as sentences (`sentence_chars`): as much as any
    extractor can find on it."""


def page_prose(doc: Any, excluded: set[Any] | frozenset[Any] = frozenset()) -> PageProse:
    """Measure a page's prose in one pass over its blocks, outside `excluded` regions."""
    blocks = (e for body in doc.iter("body") for e in body.iterdescendants(*BLOCK_TAGS))
    return _prose_of(blocks, excluded)


def regions_prose(regions: Iterable[Any]) -> PageProse:
    """The prose of some regions of a page (each region's blocks, itself included), measured as
    `page_prose` measures the page's."""
    blocks = (e for region in regions for e in region.iter(*BLOCK_TAGS))
    return _prose_of(blocks, frozenset())


def without(page: PageProse, part: PageProse) -> PageProse:
    """The page's prose less a part of it."""
    return PageProse(
        max(page.prose_chars - part.prose_chars, 0),
        max(page.sentence_chars - part.sentence_chars, 0),
    )


def _prose_of(blocks: Iterable[Any], excluded: set[Any] | frozenset[Any]) -> PageProse:
    prose = sentences = 0
    for element in blocks:
        if element in excluded:
            continue
        if not len(element):  # no children (a paragraph of plain text): one line, no links
            texts = [fold(element.text)]
            size, linked = len(texts[0]), 0
        else:
            texts, linked = _block_lines(element)
            size = sum(len(text) for text in texts)
        if size and has_ancestor(element, "a"):
            linked = size  # a teaser card's headline: HTML5 lets `<a>` wrap whole blocks
        if size >= MIN_PROSE_BLOCK_CHARS and linked < MAX_PROSE_LINK_SHARE * size:
            prose += size - linked
        sentences += sentence_chars(texts)
    return PageProse(prose, sentences)


def _block_lines(element: Any) -> tuple[list[str], int]:
    """A block's own lines (split at `<br>`, nested blocks left out) and its linked characters."""
    lines = [[element.text or ""]]
    linked = 0
    for child in element:
        tag = child.tag if isinstance(child.tag, str) else ""
        if tag == "br":
            lines.append([])
        elif tag and tag not in BLOCK_TAGS:
            text = text_of(child)
            lines[-1].append(text)
            linked += len(fold(text)) if tag == "a" else linked_chars(child)
        lines[-1].append(child.tail or "")
    return [fold("".join(parts)) for parts in lines], linked


def needs_fallback(paragraphs: list[str], page: PageProse) -> bool:
    """True when the body is empty, or holds too little of the page's prose while the page holds
    MIN_FALLBACK_GAIN times its sentences: trafilatura reads the same page, so on a page without
    them its run is spared."""
    found = sum(len(p) for p in paragraphs)
    if not found:
        return True  # the page's prose may sit where this measure cannot see it (script-built)
    if found >= MIN_SHARE_OF_PAGE_PROSE * page.prose_chars:
        return False
    return page.sentence_chars > MIN_FALLBACK_GAIN * sentence_chars(paragraphs)


def region_texts(elements: Iterable[Any]) -> frozenset[str]:
    """The folded texts of the blocks among `elements`."""
    texts = (fold(text_of(e)) for e in elements if isinstance(e.tag, str) and e.tag in BLOCK_TAGS)
    return frozenset(text for text in texts if text)


def fallback_paragraphs(
    page_text: str, url: str, found: list[str], outside: frozenset[str] = frozenset()
) -> list[str] | None:
    """trafilatura's paragraphs for a page (comments left out, and the texts of `outside`: the
    page's reader comments, which trafilatura may not know by their names, `komentar`), when
    they are MIN_FALLBACK_GAIN times longer than `found`; else None. Never raises."""
    try:
        import trafilatura
    except ImportError:  # a declared dependency; a broken install costs the fallback only
        return None
    try:
        text = trafilatura.extract(
            page_text, url=url or None, include_comments=False, include_tables=True
        )
    except Exception:  # the library's own bugs on hostile pages must not cost the article
        log.debug("trafilatura failed on %s", url, exc_info=True)
        return None
    paragraphs = [cell for line in (text or "").split("\n") for cell in _cells(fold(line))]
    paragraphs = [paragraph for paragraph in paragraphs if paragraph not in outside]
    if sentence_chars(paragraphs) <= MIN_FALLBACK_GAIN * sentence_chars(found):
        return None
    return paragraphs


def _cells(line: str) -> list[str]:
    """A line of trafilatura's text as blocks: a table row it writes `| a | b |` gives its cells,
    each a block as Warta's own flattening gives a table's (a page laid out in a table puts its
    story in one cell)."""
    if len(line) > 1 and line.startswith("|") and line.endswith("|"):
        return [cell for cell in (fold(part) for part in line[1:-1].split(" | ")) if cell]
    return [line] if line else []
