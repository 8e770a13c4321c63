"""Related-posts boxes inside an article container: found, their link titles read, then removed."""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import urlsplit

from crawler.clean import vocabulary
from crawler.extract.dom import (
    HEADING_TAGS,
    LINK_LIST_DENSITY,
    STRONG_NOISE_SHARE,
    attribute_words,
    fold,
    is_noise,
    is_strong_noise,
    link_density,
    linked_chars,
    remove_keeping_tail,
    text_length,
    text_of,
)

RELATED_CLASS_COMPOUNDS = (
    "bacajuga", "bacapula", "bacalainnya", "lihatjuga", "simakjuga", "readalso", "alsoread",
    "beritaterkait", "artikelterkait", "postterkait", "related", "terkait", "youmaylike",
    "readnext",
)  # fmt: skip
"""Class/id names (separators removed) of related-posts boxes: the related subset of
`containers.NOISE_COMPOUNDS` and NOISE_WORDS (`baca-juga-box`, `jp-relatedposts`,
`jnews_inline_related_post`, `artikel_terkait`)."""

RELATED_CLASS_WORDS = frozenset({"yarpp", "crp"})
"""Whole class/id words of related-posts plugins (Yet Another Related Posts, Contextual Related
Posts) too short to match inside other words."""

LIST_TAGS = frozenset({"ul", "ol", "div", "table"})
"""Elements that can hold the link list following a related heading."""

BOX_TAGS = frozenset(
    {"div", "section", "aside", "ul", "ol", "table", "blockquote", "nav", "figure"}
)
"""Wrappers a related-posts box is built from (paragraphs and inline markup are lines)."""

LEAD_IN_TAGS = frozenset({"p", "div", "strong", "b", "span"})
"""Non-heading elements that print a box heading (`<p><strong>Baca Juga</strong></p>`)."""

MAX_HEADING_CHARS = 60
"""Characters of the longest box heading (`Baca Juga Berita Lainnya:` is 25); MAX_HEADING_WORDS
words of Indonesian average under ten characters each."""

MAX_HEADING_WORDS = 6
"""A box heading is a short marker (`Baca Juga`, `Baca Juga Berita Lainnya`); longer is a sentence."""

MIN_TITLE_WORDS = 3
"""Headlines run 6-15 words (vocabulary.JOINED_TITLE_MIN_WORDS); a shorter link text in a box
is a category name, a comment count or a `Selengkapnya` button."""

NOT_TITLE_WORDS = frozenset(
    {"category", "categories", "cat", "tag", "tags", "meta", "date", "time", "author", "byline",
     "comment", "comments", "count", "thumb", "thumbnail", "label", "labels", "readmore"}
)  # fmt: skip
"""Class/id words of the parts of a related-post card that are not its title."""

_HEADING_EDGES = " \t:.;-–—|[]()»>…"


def is_related_heading(text: str | None) -> bool:
    """True for the heading of a related-posts box (`Baca Juga`, `BACA JUGA:`, `Berita Terkait`)."""
    text = fold(text)
    if not text or len(text.split()) > MAX_HEADING_WORDS:
        return False
    if " ".join(text.casefold().strip(_HEADING_EDGES).split()) in vocabulary.RELATED_HEADINGS:
        return True
    match = vocabulary.RELATED_MARKER.match(text)
    return match is not None and not match.group("title").strip(_HEADING_EDGES)


def _has_related_class(element: Any) -> bool:
    words = attribute_words(element)
    joined = "".join(words)
    return any(c in joined for c in RELATED_CLASS_COMPOUNDS) or bool(
        RELATED_CLASS_WORDS.intersection(words)
    )


def _short_text(element: Any, limit: int = MAX_HEADING_CHARS) -> str | None:
    """The element's folded text, or None once it runs past `limit` characters (bounded work
    on big wrappers)."""
    parts: list[str] = []
    size = 0
    for piece in element.itertext():
        size += len(piece)
        if size > limit * 4:  # whitespace folds away; stop reading well past the limit
            return None
        parts.append(piece)
    text = fold("".join(parts))
    return text if len(text) <= limit else None


def _lead(element: Any) -> tuple[str, Any | None]:
    """The text a block opens with, its own leading text or else its first child's (bounded),
    with that child (None when the block's own text leads)."""
    lead = fold(element.text)
    if lead:
        return lead, None
    first = next((child for child in element if isinstance(child.tag, str)), None)
    return ((_short_text(first) or "") if first is not None else ""), first


def _leading_heading(element: Any) -> str | None:
    """The related heading a block opens with (its own leading text or its first child)."""
    lead, _ = _lead(element)
    return lead if lead and is_related_heading(lead) else None


def _has_links(element: Any) -> bool:
    return any(fold(text_of(a)) for a in element.iter("a"))


def _is_link_list(element: Any) -> bool:
    if element.tag not in LIST_TAGS or not _has_links(element):
        return False
    return link_density(element) >= LINK_LIST_DENSITY


def _is_box(element: Any, container_chars: int) -> bool:
    """A block wrapper the container cleaning would drop as a related box, or a block opening
    with a related heading whose remaining text is links."""
    if element.tag not in BOX_TAGS:
        return False
    words = attribute_words(element)
    if words and _has_related_class(element) and is_noise(words):
        if not _has_links(element):
            return False
        return (
            is_strong_noise(words) or text_length(element) <= STRONG_NOISE_SHARE * container_chars
        )
    heading = _leading_heading(element)
    if heading is None:
        return _headed_headline_list(element, container_chars)
    if not _has_links(element):
        return False
    size = text_length(element)
    rest = max(size - len(heading), 1)
    if _in_teaser_cards(element) >= CARD_TEXT_SHARE * rest:
        return True  # cards with excerpts: unlinked text, however long, each under its headline
    if size > STRONG_NOISE_SHARE * container_chars:
        return False
    return linked_chars(element) >= LINK_LIST_DENSITY * rest


HEADED_LIST_DENSITY = 0.95
"""Share of a label-headed box's other text that must sit in links: nothing but headlines (a
listicle's `Other local movers` with a sentence over its list of names is story; wcxb-articles
0057, where 0.8 dropped it)."""


def _headed_headline_list(element: Any, container_chars: int) -> bool:
    """A box in any language: a short unlinked label (`Mehr zum Thema`, `Související`, `İlgili
    Haberler`) over two or more linked headlines and nothing else (the related heading's words
    are not needed where the shape says it)."""
    label, first = _lead(element)
    if first is not None and (first.tag in (*LIST_TAGS, "a") or first.find(".//a") is not None):
        return False  # a list or a link leads: no label over it
    words = label.rstrip(" :").split()
    if not words or len(words) > MAX_HEADING_WORDS or label[-1] in ".!?,;":
        return False
    if any(c.isdigit() or c == ":" for c in " ".join(words)):
        return False  # `Plan to spend: $15-$70` over shop links: a story's own list
    headlines = [a for a in element.iter("a") if len(fold(text_of(a)).split()) >= MIN_TITLE_WORDS]
    if len(headlines) < MIN_TEASER_CARDS:
        return False
    size = text_length(element)
    if size > STRONG_NOISE_SHARE * container_chars:
        return False
    return linked_chars(element) >= HEADED_LIST_DENSITY * max(size - len(label), 1)


def _labelled_link_line(element: Any) -> bool:
    """A paragraph in any language that is a short label and one linked headline to another
    page and nothing else (`A lire aussi : <a>Titre</a>`, `Te puede interesar: <a>...</a>`,
    `<strong>Lesen Sie auch:</strong> <a>...</a>`, `<h4>Zobacz także</h4><a>...</a>`): the
    related-link shape, whatever its words."""
    if element.tag not in ("p", "div") or element.find(".//a") is None:
        return False
    label, first = _lead(element)
    if first is not None and (first.tag == "a" or first.find(".//a") is not None):
        return False  # a link leads: no label before it
    if not label.endswith(":") and (first is None or first.tag not in HEADING_TAGS):
        return False  # a label ends with a colon, unless a heading element prints it
    words = label.rstrip(" :").split()
    if not words or len(words) > LINE_LABEL_MAX_WORDS:
        return False
    if not all(word.isalpha() for word in words):
        return False  # `>> Related:`, `Step 2:`: a list's own marks
    if is_related_heading(label):
        return False  # `Baca juga: <a>Judul</a>`: the cleaning grammar reads the marker's line
    anchors = list(element.iter("a"))
    if len(anchors) != 1:
        return False
    href = (anchors[0].get("href") or "").strip().lower()
    if href.startswith(("#", "mailto:", "tel:", "javascript:")):
        return False
    title = fold(text_of(anchors[0]))
    if not LINE_TITLE_MIN_WORDS <= len(title.split()) <= vocabulary.RELATED_TITLE_MAX_WORDS:
        return False
    return len(fold(text_of(element))) <= len(label) + len(title) + 2


LINE_LABEL_MAX_WORDS = 4
"""Words of a related line's label (`Baca juga berita lainnya`, `También te puede interesar`);
a longer lead-in is a sentence of the story introducing its link."""
LINE_TITLE_MIN_WORDS = 6
"""Words of the headline a labelled link line names; shorter links under a label are the story's
own (`Pictured: <a>Living Lace Parvati</a>`, `Website: <a>Terra & Co.</a>` on wcxb-articles
4701 and 0143, where 3 took them)."""


MIN_TEASER_CARDS = 2
"""Cards a related box under its heading shows at least (themes show 3 to 8)."""
CARD_TEXT_SHARE = 0.9  # the heading's own wrapper and a `see all` link are the rest
"""Share of a box's text (its heading aside) that must sit in its cards."""


_STORY_ID = re.compile(r"\d{5,}")
"""A story's numeric id in its URL path (`/42432483/`, `-a12345.html`)."""


def _links_into(card: Any, own_ids: set[str]) -> bool:
    """True when a link in the card carries one of the page's own story ids in its path."""
    return any(
        own_ids.intersection(_STORY_ID.findall(urlsplit(anchor.get("href") or "").path))
        for anchor in card.iter("a")
    )


MAX_TEASER_CARD_CHARS = 1000  # dev pages' teaser grids run to ~700, the invented sets' to ~520
"""A teaser card holds a headline and an excerpt of a few sentences; a larger block around a
linked headline is a page section (an article whose headline links to its own full text)."""


def _linked_headline(heading: Any) -> bool:
    """A heading that is one link to another page (`<h4><a href="/x">Title</a>`): its text is its
    link's, and the link leaves the page (not an accordion's `#section`)."""
    text = fold(text_of(heading))
    return MIN_TITLE_WORDS <= len(text.split()) <= vocabulary.RELATED_TITLE_MAX_WORDS and any(
        fold(text_of(anchor)) == text and not (anchor.get("href") or "#").startswith("#")
        for anchor in heading.iter("a")
    )


def _in_teaser_cards(box: Any) -> int:
    """Characters of a box's text inside teaser cards (`teaser_cards`); 0 when the box has fewer
    than MIN_TEASER_CARDS. A story's paragraphs sit under no linked headline."""
    cards = teaser_cards(box)
    return sum(text_length(card) for card in cards) if len(cards) >= MIN_TEASER_CARDS else 0


def teaser_cards(root: Any) -> list[Any]:
    """The teaser cards below `root`: around each headline that is one link to another story,
    the largest block holding no other such headline (its category, date and excerpt with it)."""
    headlines = [h for h in root.iterdescendants(*HEADING_TAGS) if _linked_headline(h)]
    if len(headlines) < MIN_TEASER_CARDS:
        return []
    marked = set(headlines)
    holders: dict[Any, int] = {}  # ancestor -> linked headlines below it
    for headline in headlines:
        for ancestor in headline.iterancestors():
            holders[ancestor] = holders.get(ancestor, 0) + 1
            if ancestor is root:
                break
    cards = []
    for headline in headlines:
        card = headline
        for ancestor in headline.iterancestors():
            if ancestor is root or holders.get(ancestor, 0) > 1 or ancestor in marked:
                break
            card = ancestor
        cards.append(card)
    return cards


def teaser_card_lists(root: Any, page_url: str | None = None) -> list[Any]:
    """The teaser cards below `root` that stand with MIN_TEASER_CARDS - 1 siblings or more (a
    grid or list of other stories, wherever on the page). A card whose headline links into the
    page's own story (a slideshow's `/photo-gallery/<the story's id>/...`) is the story's."""
    own_ids = set(_STORY_ID.findall(urlsplit(page_url).path)) if page_url else set()
    cards = [
        card
        for card in teaser_cards(root)
        if text_length(card) <= MAX_TEASER_CARD_CHARS
        and not (own_ids and _links_into(card, own_ids))
    ]
    by_parent: dict[Any, list[Any]] = {}
    for card in cards:
        by_parent.setdefault(card.getparent(), []).append(card)
    return [
        card for group in by_parent.values() if len(group) >= MIN_TEASER_CARDS for card in group
    ]


def _heading_and_list(element: Any) -> Any | None:
    """The link list right after a related heading element (`<p>Baca juga:</p><ul>…</ul>`)."""
    if element.tag not in HEADING_TAGS and element.tag not in LEAD_IN_TAGS:
        return None
    following = element.getnext()
    while following is not None and not isinstance(following.tag, str):
        following = following.getnext()
    if following is None or following.tag not in LIST_TAGS:
        return None
    if is_related_heading(_short_text(element)) and _is_link_list(following):
        return following
    return None


def _link_titles(box: Any) -> list[str]:
    titles: list[str] = []
    for anchor in box.iter("a"):
        rel = (anchor.get("rel") or "").lower().split()
        if "tag" in rel or "category" in rel:
            continue
        if any(
            NOT_TITLE_WORDS.intersection(attribute_words(node))
            for node in (anchor, *_ancestors_within(anchor, box))
        ):
            continue
        title = fold(text_of(anchor))
        words = len(title.split())
        if words < MIN_TITLE_WORDS or words > vocabulary.RELATED_TITLE_MAX_WORDS:
            continue
        if is_related_heading(title) or title in titles:
            continue
        titles.append(title)
    return titles


def _ancestors_within(element: Any, top: Any) -> list[Any]:
    found = []
    for ancestor in element.iterancestors():
        if ancestor is top:
            break
        found.append(ancestor)
    return found


def take_related_boxes(container: Any, removed: list[Any] | None = None) -> list[str]:
    """Remove the related-posts boxes inside a container and return their link titles in order.

    A box is a wrapper whose class says so (`baca-juga-box`, `jp-relatedposts`, `yarpp`), a block
    opening with a related heading followed only by links, or a heading element (`Baca Juga:`)
    followed by a list of links. A `Baca juga: <a>Judul</a>` line in a paragraph is not a box: it
    stays for the cleaning grammar. `removed`, when given, receives the removed elements.
    """
    try:
        return _take(container, removed)
    except (ValueError, TypeError, RecursionError):
        return []


_CANDIDATE_TAGS = tuple(sorted(BOX_TAGS | HEADING_TAGS | LEAD_IN_TAGS))
"""The only tags `_is_box` or `_heading_and_list` can take."""


def _take(container: Any, removed: list[Any] | None = None) -> list[str]:
    total = max(text_length(container), 1)
    doomed: list[Any] = []
    titles: list[str] = []
    taken: set[Any] = set()
    for element in container.iterdescendants(*_CANDIDATE_TAGS):  # lxml filters the tags in C
        if element in taken:
            continue
        if taken and any(ancestor in taken for ancestor in element.iterancestors()):
            continue
        if _is_box(element, total) or _labelled_link_line(element):
            parts = [element]
        else:
            following = _heading_and_list(element)
            if following is None:
                continue
            parts = [element, following]
        box_titles = [t for part in parts for t in _link_titles(part)]
        if not box_titles:
            continue
        for part in parts:
            taken.add(part)
            doomed.append(part)
        titles.extend(t for t in box_titles if t not in titles)
    for element in doomed:
        if element.getparent() is not None:
            remove_keeping_tail(element)
    if removed is not None:
        removed.extend(doomed)
    return titles
