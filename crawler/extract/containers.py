"""Article containers: theme-aware rules, a generic main-content scorer, and flattening to blocks."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from copy import deepcopy
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import pairwise
from typing import Any

from lxml import etree

from crawler.clean.dateline import is_bold_dateline
from crawler.extract.captions import image_captions
from crawler.extract.chrome import DROP_TAGS
from crawler.extract.dates import parse_date_details
from crawler.extract.dom import (
    BLOCK_TAGS,
    HEADING_TAGS,
    LINK_LIST_DENSITY,
    STRONG_NOISE_SHARE,
    attribute_words,
    class_name_words,
    element_descriptor,
    fold,
    has_ancestor,
    is_noise,
    is_strong_noise,
    link_density,
    linked_chars,
    own_text,
    remove_keeping_tail,
    sentence_chars,
    text_length,
    text_of,
)
from crawler.extract.related import take_related_boxes
from crawler.extract.scorer import (
    MAIN_TAG,
    MIN_PARAGRAPH_CHARS,
    excluded_regions,
    find_main_content,
)


def _has_class(name: str) -> str:
    return f"contains(concat(' ', normalize-space(@class), ' '), ' {name} ')"


CONTAINER_RULES: tuple[tuple[str, str], ...] = (
    # WordPress news themes, most specific first (class names from the themes' own templates).
    ("theme:tagdiv", f"//div[{_has_class('tdb_single_content')}]//div[{_has_class('tdb-block-inner')}]"),
    ("theme:tagdiv", f"//div[{_has_class('td-post-content')}]"),
    ("theme:jnews", f"//div[{_has_class('jeg_inner_content')}]//div[{_has_class('content-inner')}]"),
    ("theme:jnews", f"//div[{_has_class('jeg_post_content')}]"),
    ("theme:publisher", f"//div[{_has_class('single-post-content')}]"),
    ("theme:smartmag", f"//div[{_has_class('post-content-wrap')}]//div[{_has_class('entry-content')}]"),
    ("theme:mh", f"//div[{_has_class('mh-content')}]//div[{_has_class('entry-content')}]"),
    ("theme:colormag", f"//div[{_has_class('article-content')}]//div[{_has_class('entry-content')}]"),
    ("theme:soledad", f"//div[{_has_class('inner-post-entry')}]"),
    ("theme:soledad", f"//div[{_has_class('penci-entry-content')}]"),
    ("theme:herald", f"//div[{_has_class('herald-entry-content')}]"),
    ("theme:bimber", f"//div[{_has_class('g1-content-narrow')}][{_has_class('entry-content')}]"),
    ("theme:zox", "//div[@id='mvp-content-main']"),
    ("theme:jannah", f"//div[{_has_class('entry-content')}][{_has_class('entry')}]"),
    ("theme:sahifa", f"//div[{_has_class('post-inner')}]//div[{_has_class('entry')}]"),
    ("blogspot:post-body", f"//div[{_has_class('post-body')}]"),
    # schema.org microdata: the page marks its own article body.
    ("schema:articleBody", "//*[@itemprop='articleBody']"),
    # National portals' article bodies (current templates).
    ("site:kompas", f"//div[{_has_class('read__content')}]"),
    ("site:detik", f"//div[{_has_class('detail__body-text')}]"),
    ("site:liputan6", f"//div[{_has_class('article-content-body__item-content')}]"),
    ("site:okezone", "//div[@id='contentx']"),
    ("site:antara", f"//div[{_has_class('post-content')}][{_has_class('wrap__article-detail-content')}]"),
    # Generic WordPress and CMS content wrappers.
    ("wp:entry-content", f"//div[{_has_class('entry-content')}]"),
    ("wp:post-content", f"//div[{_has_class('post-content')}]"),
    ("wp:post-entry", f"//div[{_has_class('post-entry')}]"),
    ("cms:article-body", f"//div[{_has_class('article-body')} or {_has_class('article__body')} or {_has_class('story-body')}]"),
)  # fmt: skip
"""(rule name, XPath) in priority order; the first rule whose match holds enough text wins."""

MIN_CONTAINER_CHARS = 200
"""A rule's match with less text is a teaser or an empty template slot (shortest real article
body in the dev corpus is a ~300-character photo caption story)."""

CAPTION_TAGS = frozenset({"figcaption"})
"""Caption elements: photo captions and credits are not story text."""


BYLINE_WORDS = frozenset(
    {
        "author",
        "byline",
        "penulis",
        "reporter",
        "editor",
        "wartawan",
        "jurnalis",
        "credit",
        "credits",
    }
)
"""Class/id words of nodes whose text is a visible byline (kept as `byline_texts`)."""

PROSE_TAGS = ("p", "div", "td", "li", "section", "blockquote")
"""Elements whose own text counts as prose when deciding whether a page is a photo story."""


_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)


@dataclass
class ContainerResult:
    """The article body found on a page."""

    paragraphs: list[str] = field(default_factory=list)
    """Text blocks in reading order, whitespace folded."""
    container: str | None = None
    """The rule that found them (`theme:tagdiv`, `schema:articleBody`, `generic`, ...)."""
    byline_sources: dict[str, str | None] = field(default_factory=dict)
    """Byline / author-box texts found inside the container and taken out of it, in page order,
    each with the `element_descriptor` of the node it was read from (the slot)."""
    element: Any = field(default=None, repr=False, compare=False)
    """The container element itself (already cleaned), for callers that look around it."""
    related_links: list[str] = field(default_factory=list)
    """Link titles of the related-posts boxes taken out of the container."""
    opening: int = 0
    """How many of the first paragraphs came from before the container (`lead_blocks`)."""
    related_boxes: tuple[Any, ...] = field(default=(), repr=False, compare=False)
    """The related-posts boxes taken out of the container (detached elements): other stories'
    teasers, which the fallback's measure of the page's prose leaves out."""

    @property
    def byline_texts(self) -> list[str]:
        """The byline texts, in page order."""
        return list(self.byline_sources)


@dataclass
class ContainerMatch:
    """Where a page keeps its article body, before any cleaning."""

    name: str
    """The rule that matched (`theme:jnews`, `generic`, ...); `<rule>:empty` for an empty post."""
    element: Any = field(repr=False, compare=False)
    """The container element."""
    empty: bool = False
    """The post's own container is there but holds no text: the page is an empty post."""
    excluded: set[Any] | None = field(default=None, repr=False, compare=False)
    """The page's `excluded_regions`, when the generic scorer read them (for callers that need
    them too)."""
    learned: bool = False
    """Found by the rule learned for the portal (`locate_container(preferred=...)`)."""
    lead: list[str] = field(default_factory=list, repr=False, compare=False)
    """Blocks of pure prose before a generic container that open its story (`lead_blocks`)."""


EDITOR_OUTPUT_WORDS = frozenset({("text", "editor"), ("ql", "editor"), ("editor", "content")})
"""Adjacent class words naming a rich-text editor's output (Elementor's
`elementor-widget-text-editor`, Quill's `ql-editor`): the story itself, not an editor's credit."""


def _is_byline(words: Sequence[str]) -> bool:
    found = [w for w in words if w in BYLINE_WORDS]
    if found == ["editor"] and EDITOR_OUTPUT_WORDS.intersection(pairwise(words)):
        return False
    return bool(found)


MAX_BYLINE_CHARS = 300
"""A byline or author box with more text is prose that merely sits in an author-classed block."""


def _names_story_blocks(element: Any) -> bool:
    """Whether a class holding the element's byline word is also on a sibling with prose (of
    MAX_BYLINE_CHARS or more): the word names the page builder's blocks (`editor-temp` on every
    section of a story), not the byline's slot."""
    parent = element.getparent()
    named = {
        name
        for name in (element.get("class") or "").split()
        if BYLINE_WORDS.intersection(class_name_words(name))
    }
    if parent is None or not named:
        return False
    return any(
        sibling is not element
        and named.intersection((sibling.get("class") or "").split())
        and text_length(sibling) >= MAX_BYLINE_CHARS
        for sibling in parent
        if isinstance(sibling.tag, str)
    )


def _is_hidden(element: Any) -> bool:
    if element.get("hidden") is not None or element.get("aria-hidden") == "true":
        return element.tag not in ("span", "i", "b", "em", "strong")
    style = element.get("style")
    return bool(style and _HIDDEN_STYLE.search(style))


MIN_FIGURE_PROSE_CHARS = 200
"""A figure with this much text outside its caption holds a quote or a table, not a photo (photo
credits and alt texts are shorter; wcxb-articles: pull quotes and `wp-block-table` figures)."""

_FIGURE_TEXT = etree.XPath(".//text()[not(ancestor::figcaption)]")


def _holds_prose(figure: Any) -> bool:
    return sum(len(fold(str(t))) for t in _FIGURE_TEXT(figure)) >= MIN_FIGURE_PROSE_CHARS


TOC_TAGS = frozenset({"ul", "ol", "nav"})
"""Elements a table of contents is written as."""

MIN_TOC_LINKS = 3
"""A table of contents lists several sections; one or two in-page links are a footnote or a
`back to top`."""


def _is_table_of_contents(element: Any) -> bool:
    """A list of MIN_TOC_LINKS or more links, every one to a part of this page (`#section`),
    holding nearly all its text (LINK_PARAGRAPH_DENSITY): the page's own headings again."""
    links = list(element.iter("a"))
    if len(links) < MIN_TOC_LINKS:
        return False
    if not all(len(href := (a.get("href") or "").strip()) > 1 and href[0] == "#" for a in links):
        return False
    total = text_length(element)
    linked = sum(len(fold(text_of(a))) for a in links)
    return bool(total) and linked >= LINK_PARAGRAPH_DENSITY * total


def clean_container(container: Any, *, keep_captions: bool = False) -> dict[str, str | None]:
    """Remove chrome (share, tags, related, comments, ads, captions, hidden) inside a container.

    Returns the texts of byline / author-box nodes that were taken out, in page order, each with
    the `element_descriptor` of the node it was read from.
    """
    total = max(text_length(container), 1)
    bylines: dict[str, str | None] = {}
    doomed = [] if keep_captions else image_captions(container)
    # a highlighter marks code tokens with classes (`hljs-comment`): never chrome
    code = {e for block in container.iter("pre", "code") for e in block.iterdescendants()}
    for element in container.iterdescendants():
        if not isinstance(element.tag, str):
            doomed.append(element)
            continue
        if element in code:
            continue
        if element.tag in DROP_TAGS or _is_hidden(element):
            doomed.append(element)
            continue
        if keep_captions and (element.tag in CAPTION_TAGS or element.tag == "figure"):
            continue
        if element.tag == "figure" and _holds_prose(element):
            continue  # a quote or a table set in a figure (its figcaption still goes)
        if element.tag in CAPTION_TAGS or element.tag in ("figure", "aside"):
            doomed.append(element)
            continue
        if element.tag in TOC_TAGS and _is_table_of_contents(element):
            doomed.append(element)
            continue
        words = attribute_words(element)
        if not words:
            continue
        if keep_captions and any(e.tag in CAPTION_TAGS for e in element.iterancestors()):
            continue
        if (
            _is_byline(words)
            and text_length(element) < MAX_BYLINE_CHARS
            and not _names_story_blocks(element)
        ):
            # a form's field labels sit under the classes of what they ask for (a comment form's
            # `Name *` under `comment-form-author`): never the page's own byline
            # and a reader comment's `comment-author` names a commenter
            if not has_ancestor(element, "form") and "comment" not in words:
                for text in _lines(element):  # a byline row's `<br>` parts name, date and editor
                    bylines.setdefault(text, element_descriptor(element))
            doomed.append(element)
        elif is_noise(words):
            if element.tag in ("p", "span", "strong", "b", "em", "i", "a") and not is_strong_noise(
                words
            ):
                continue  # inline or paragraph markup with a stray class is story text
            if text_length(element) > STRONG_NOISE_SHARE * total and not is_strong_noise(words):
                continue
            doomed.append(element)
    kept: set[Any] = set()
    for element in doomed:
        if any(ancestor in kept for ancestor in element.iterancestors()):
            continue
        kept.add(element)
    for element in kept:
        if element.getparent() is not None:
            remove_keeping_tail(element)
    return bylines


LINK_PARAGRAPH_DENSITY = 0.95
"""A paragraph after the story counts as a link to another article only when all of it is the link
(a `Baca juga: <a>Title</a>` line keeps its unlinked marker and stays for the cleaning grammar)."""

MAX_LEAD_IN_CHARS = 80
"""A short line ending in a colon right before such a list is its heading."""


def _is_lead_in(element: Any) -> bool:
    text = fold(text_of(element))
    if element.tag in HEADING_TAGS:
        return True
    return (
        element.tag in ("p", "div", "strong", "b")
        and 0 < len(text) <= MAX_LEAD_IN_CHARS
        and text.endswith(":")
    )


def trim_trailing_link_sections(container: Any) -> None:
    """Remove link lists (and their headings) that follow the story's last prose paragraph."""
    children = [c for c in container if isinstance(c.tag, str)]
    texts = [fold(text_of(c)) for c in children]
    if len(children) == 1 and texts[0]:
        trim_trailing_link_sections(children[0])
        return
    densities: dict[int, float] = {}  # nothing moves until the end: each child measured once

    def density(index: int) -> float:
        if index not in densities:
            densities[index] = link_density(children[index])
        return densities[index]

    def is_link_block(index: int) -> bool:
        """A child with text that is mostly links (a paragraph: LINK_PARAGRAPH_DENSITY)."""
        if not texts[index]:
            return False
        paragraph = children[index].tag == "p"
        return density(index) >= (LINK_PARAGRAPH_DENSITY if paragraph else LINK_LIST_DENSITY)

    last_prose = -1
    for index, (child, text) in enumerate(zip(children, texts, strict=True)):
        if (
            child.tag not in HEADING_TAGS
            and len(text) >= MIN_PARAGRAPH_CHARS
            and not is_link_block(index)
            and density(index) < 0.5
        ):
            last_prose = index
    doomed: list[Any] = []
    for index in range(len(children) - 1, last_prose, -1):
        child = children[index]
        if is_link_block(index):
            doomed.append(child)
            previous = index - 1
            while previous > last_prose and (
                not texts[previous] or _is_lead_in(children[previous])
            ):
                if texts[previous]:
                    doomed.append(children[previous])
                previous -= 1
    kept = [(c, t) for c, t in zip(children, texts, strict=True) if c not in doomed and t]
    if kept and kept[-1][1].endswith(":") and _is_lead_in(kept[-1][0]):
        doomed.append(kept[-1][0])  # the lead-in of a list that was removed as chrome
    for element in doomed:
        if element.getparent() is not None:
            remove_keeping_tail(element)


def _lines(element: Any) -> list[str]:
    """An element's text split at its `<br>` line breaks, each line folded."""
    if element.find(".//br") is None:
        text = fold(text_of(element))
        return [text] if text else []
    copy = deepcopy(element)
    copy.tail = None
    for br in copy.iter("br"):
        br.tail = "\n" + (br.tail or "")
    return [line for line in map(fold, text_of(copy).split("\n")) if line]


def flatten_blocks(container: Any) -> list[str]:
    """The container's text as blocks: block elements and `<br>` split, inline text is kept."""
    blocks: list[str] = []
    buffer: list[str] = []

    def flush() -> None:
        text = fold("".join(buffer))
        buffer.clear()
        if text:
            blocks.append(text)

    def walk(element: Any, depth: int) -> None:
        tag = element.tag if isinstance(element.tag, str) else ""
        if tag == "br":
            flush()
        elif tag in BLOCK_TAGS or tag == "li":
            flush()
            if element.text:
                buffer.append(element.text)
            if depth < 400:  # deeper than any real page; bounds hostile nesting
                for child in element:
                    walk(child, depth + 1)
            flush()
        elif tag:
            if element.text:
                buffer.append(element.text)
            if depth < 400:
                for child in element:
                    walk(child, depth + 1)
        if element.tail:
            buffer.append(element.tail)

    _separate_bold_datelines(container)
    if container.text:
        buffer.append(container.text)
    for child in container:
        walk(child, 0)
    flush()
    return blocks


BOLD_TAGS = ("b", "strong")
DATELINE_SEPARATOR = " – "  # the separator the cleaning grammar cuts datelines at


def _separate_bold_datelines(container: Any) -> None:
    """A paragraph that opens with a bold dateline and runs straight into the story (`<b>Outlet.com,
    Place</b> Story…`) gets a separator after the bold run: its markup was the only boundary."""
    for paragraph in container.iter("p"):
        first = next(iter(paragraph), None)
        if first is None or first.tag not in BOLD_TAGS or (paragraph.text or "").strip():
            continue
        tail = (first.tail or "").lstrip()
        if tail[:1] in tuple("-–—|:,#_") or len(first):
            continue
        if is_bold_dateline(first.text or ""):
            first.tail = DATELINE_SEPARATOR + tail


_RULE_NAMES = re.compile(r"' ([\w-]+) '|@id='([\w-]+)'")


_CLASS_VALUES = etree.XPath("descendant-or-self::*/@class", smart_strings=False)
_ID_VALUES = etree.XPath("descendant-or-self::*/@id", smart_strings=False)


def _class_and_id_words(doc: Any) -> set[str]:
    """Every class name and id on the page (read by XPath: twice as fast as walking it)."""
    present = set(" ".join(_CLASS_VALUES(doc)).split())
    present.update(identifier for identifier in _ID_VALUES(doc) if identifier)
    return present


def apply_rules(
    doc: Any, rules: Iterable[tuple[str, str]] = CONTAINER_RULES
) -> tuple[str, Any] | None:
    """The first container rule with a match holding enough text: (rule name, element)."""
    found = _apply_rules(doc, rules)
    return (found.name, found.element) if found is not None and not found.empty else None


RULE_CHROME_CLASS_PREFIXES = ("popular", "populer", "terpopuler", "widget_", "widget-")
"""Whole class-name prefixes (lower case) of widgets listing other posts (Blogger's
`PopularPosts`, WordPress's `widget_recent_entries`, `popular-posts`): post-like markup in them
(`.post > .post-content`) is never the page's article. Words inside layout classes
(`right-sidebar`, `penci_sidebar`) say nothing, so whole names are tested."""

RULE_CHROME_CLASSES = frozenset({"sidebar"})
"""Whole class names of a sidebar column (Blogger's classic `sidebar section`)."""

RULE_CHROME_TAGS = frozenset({"aside", "nav"})
"""HTML5 regions outside the main content; a rule's match inside one is a widget."""

GENERIC_RULE_NAMES = frozenset({"wp:post-content", "wp:post-entry", "cms:article-body"})
"""Rules whose class names are too common (listing cards, widgets) for an empty match to prove
that the page is an empty post."""


def _in_rule_chrome(element: Any) -> bool:
    for ancestor in element.iterancestors():
        if ancestor.tag in ("body", "html", MAIN_TAG):
            return False  # regions around <main> are the parser's doing (see MAIN_TAG)
        if ancestor.tag in RULE_CHROME_TAGS:
            return True
        classes = (ancestor.get("class") or "").lower().split()
        if any(
            c in RULE_CHROME_CLASSES or c.startswith(RULE_CHROME_CLASS_PREFIXES) for c in classes
        ):
            return True
    return False


def _holds_no_text(element: Any) -> bool:
    """True when nothing but chrome (ad slots, share rows, scripts) is inside the element.

    Unlike `clean_container`, a noise node holding all the text is still noise here: an ad
    slot's "- Advertisement -" is the only text of an empty post's container.
    """
    for text_node in element.xpath(".//text()"):
        if not fold(str(text_node)):
            continue
        owner = text_node.getparent()
        if text_node.is_tail:
            owner = owner.getparent()
        if owner is None or not _is_chrome_text(owner, element):
            return False
    return True


def _is_chrome_text(owner: Any, container: Any) -> bool:
    for node in (owner, *owner.iterancestors()):
        if node is container:
            return False
        tag = node.tag if isinstance(node.tag, str) else ""
        if not tag or tag in DROP_TAGS or _is_hidden(node):
            return True
        words = attribute_words(node)
        if tag in CAPTION_TAGS or "caption" in words:
            return False  # a photo post's captions are its text (see photo_story_gallery)
        if words and (is_noise(words) or _is_byline(words)):
            return True
    return False


def _apply_rules(doc: Any, rules: Iterable[tuple[str, str]]) -> ContainerMatch | None:
    """The first rule match holding enough text; else the first empty post container found."""
    present = _class_and_id_words(doc)
    empty: ContainerMatch | None = None
    for name, xpath in rules:
        needed = [cls or ident for cls, ident in _RULE_NAMES.findall(xpath)]
        if needed and not all(word in present for word in needed):
            continue  # cheap pre-check: a class or id the rule needs is not on the page
        try:
            matches = [m for m in doc.xpath(xpath) if not _in_rule_chrome(m)]
        except etree.XPathError:
            continue
        best, best_length = None, 0
        for match in matches:
            length = text_length(match)
            if best is None or length > best_length:
                best, best_length = match, length
        if best is not None and best_length >= MIN_CONTAINER_CHARS:
            return ContainerMatch(name, best)
        proves_empty = empty is None and name not in GENERIC_RULE_NAMES
        if best is not None and proves_empty and _holds_no_text(best):
            empty = ContainerMatch(f"{name}:empty", best, empty=True)
    return empty


def locate_container(
    doc: Any, excluded: set[Any] | None = None, preferred: str | None = None
) -> ContainerMatch | None:
    """Where the article body is: the `preferred` rule (a CONTAINER_RULES name learned for the
    portal) when it matches with enough text, then theme rules, an empty post's own container,
    then generic scoring (None when the page has no candidate at all)."""
    if preferred:
        learned = _apply_rules(doc, [rule for rule in CONTAINER_RULES if rule[0] == preferred])
        if learned is not None and not learned.empty:
            learned.learned = True
            return learned
    found = _apply_rules(doc, CONTAINER_RULES)
    if found is not None:
        return found
    excluded = excluded_regions(doc) if excluded is None else excluded
    element = find_main_content(doc, excluded)
    if element is None:
        return None
    return ContainerMatch(
        "generic", element, excluded=excluded, lead=lead_blocks(element, excluded)
    )


LEAD_LEVELS = 3
"""Levels above the scorer's choice whose earlier children may open its story: an intro kept in
a sibling block (`#intro` beside `#content`) or in a sibling of its wrapper's wrapper. Chosen on
the even half of wcxb-articles (body F1 0.9479 with none; 1: 0.9482, 2: 0.9486, 3: 0.9488,
4: 0.9487); the odd half confirmed it (0.9427 -> 0.9445), and scrapinghub gains 0.0003."""

LEAD_MIN_SENTENCE_CHARS = 80
LEAD_MAX_LINK_SHARE = 0.25
"""Readability's test for a sibling paragraph it adds to the story: over 80 characters, with
under a quarter of its text in links."""


def lead_blocks(container: Any, excluded: set[Any]) -> list[str]:
    """The blocks of the elements before the scorer's choice, at most LEAD_LEVELS up, that read
    as its opening (readability's sibling step, for the blocks before the choice only: those
    after it measured worse, even half 0.9479 -> 0.9467), in page order."""
    blocks: list[str] = []
    current = container
    for _ in range(LEAD_LEVELS):
        parent = current.getparent()
        if parent is None or parent.tag in ("body", "html") or parent in excluded:
            break
        found = [
            lines for e in current.itersiblings(preceding=True) if (lines := _lead(e, excluded))
        ]
        blocks[:0] = [block for lines in reversed(found) for block in lines]
        current = parent
    return blocks


def _lead(element: Any, excluded: set[Any]) -> list[str]:
    """The element's blocks when it is pure prose: no heading (a standfirst), caption, byline,
    date, chrome or hidden part, mostly sentences, few links; else none."""
    if not isinstance(element.tag, str) or element in excluded or element.tag in HEADING_TAGS:
        return []
    for node in element.iter():
        if not isinstance(node.tag, str):
            continue
        if node.tag in CAPTION_TAGS or node.tag in ("time", "figure") or _is_hidden(node):
            return []
        words = attribute_words(node)
        if words and ("caption" in words or is_noise(words) or _is_byline(words)):
            return []
    lines = flatten_blocks(element)
    chars = sum(map(len, lines))
    sentences = sentence_chars(lines)
    if (
        sentences >= LEAD_MIN_SENTENCE_CHARS
        and 2 * sentences >= chars
        and linked_chars(element) < LEAD_MAX_LINK_SHARE * chars
    ):
        return lines
    return []


def _largest_cluster(elements: Iterable[Any], measure: Any, level: int) -> tuple[Any, int]:
    """The ancestor (`level` steps up) gathering the most text of `elements`, and that text size."""
    sizes: dict[Any, int] = {}
    for element in elements:
        anchor = element
        for _ in range(level):
            parent = anchor.getparent()
            if parent is None:
                break
            anchor = parent
        sizes[anchor] = sizes.get(anchor, 0) + len(measure(element))
    if not sizes:
        return None, 0
    best = max(sizes, key=sizes.__getitem__)
    return best, sizes[best]


def photo_story_gallery(container: Any) -> Any | None:
    """The gallery element when a container is a photo story, else None.

    A photo story's captions, gathered under their gallery, outweigh the largest run of
    sibling paragraphs (gallery pages of national portals carry no other prose).
    """
    captions = list(container.iter("figcaption"))
    if len(captions) < 2:
        return None
    gallery, caption_chars = _largest_cluster(captions, lambda c: fold(text_of(c)), level=2)
    prose = [
        e
        for e in container.iter(*PROSE_TAGS)
        if not any(a.tag in ("figure", "figcaption") for a in e.iterancestors())
    ]
    _, prose_chars = _largest_cluster(
        (e for e in prose if len(own_text(e)) >= MIN_PARAGRAPH_CHARS), own_text, level=1
    )
    return gallery if caption_chars > prose_chars else None


def extract_blocks(
    doc: Any, *, title: str | None = None, located: ContainerMatch | None = None
) -> ContainerResult:
    """Find the article container (theme rules, then generic scoring) and flatten it to blocks.

    Related-posts boxes inside it are taken out (their link titles kept), then chrome. Blocks
    that repeat the headline or are only a date stamp (the page header caught inside a generic
    container) are dropped. An empty post (its theme container holds no text) gives no blocks:
    the text of other posts elsewhere on the page is never its body. `located` is a
    `locate_container` result the caller already has.
    """
    located = located or locate_container(doc)
    if located is None:
        return ContainerResult()
    if located.empty:
        return ContainerResult([], located.name, {}, located.element)
    name, container = located.name, located.element
    gallery = photo_story_gallery(container)
    if gallery is not None:
        container, name = gallery, f"{name}+captions"

    boxes: list[Any] = []
    related = take_related_boxes(container, boxes)
    bylines = clean_container(container, keep_captions=gallery is not None)
    if located.excluded:
        # the navigation, aside, footer and comment regions the scorer left out of its count: a
        # generic container grown to a page wrapper holds the site's menus
        excluded = located.excluded
        regions = [
            e
            for e in container.iterdescendants()
            if e in excluded and e.getparent() not in excluded
        ]
        _remove_lesser(container, regions)
    # forms: a newsletter signup, a comment or search form, a donation box
    _remove_lesser(container, [f for f in container.iter("form") if f is not container])
    trim_trailing_link_sections(container)
    blocks = [b for b in flatten_blocks(container) if not is_header_block(b, title)]
    opening = _opening(located.lead, blocks, title) if located.lead and gallery is None else []
    return ContainerResult(
        opening + blocks, name, bylines, container, related, len(opening), tuple(boxes)
    )


def _remove_lesser(container: Any, elements: list[Any]) -> None:
    """Take these elements out of the container, except one holding half its text or more: that
    one wraps the story (a `<nav>` a page left open around it, ASP.NET's page-wide `<form>`)."""
    total = text_length(container)
    for element in elements:
        if element.getparent() is not None and text_length(element) < total / 2:
            remove_keeping_tail(element)


def _opening(lead: list[str], blocks: list[str], title: str | None) -> list[str]:
    """The lead's blocks of four words or more, less those that repeat the body (a key-points
    box)."""
    body = _shingles(" ".join(blocks))
    opening = []
    for block in lead:
        own = _shingles(block)
        if not own or is_header_block(block, title) or 2 * len(own & body) >= len(own):
            continue
        opening.append(block)
    return opening


def _shingles(text: str) -> set[tuple[str, ...]]:
    """The text's runs of four words (case folded): two texts sharing many say the same."""
    words = text.casefold().split()
    return {tuple(words[i : i + 4]) for i in range(len(words) - 3)}


MAX_STAMP_CHARS = 60
"""A printed date stamp (`Selasa, 23/02/2016 15:32 WIB`) is shorter than this; a longer block
with a date in it is a sentence."""


@lru_cache(maxsize=16)  # asked once for every block of the page
def _title_key(title: str) -> str:
    return fold(title).casefold()


def is_header_block(block: str, title: str | None) -> bool:
    """A block that repeats the headline or is only a printed date stamp (page header text)."""
    if title and block.casefold() == _title_key(title):
        return True
    if len(block) <= MAX_STAMP_CHARS:
        parsed = parse_date_details(block)
        if parsed is not None and parsed.has_time:
            return True
    return False
