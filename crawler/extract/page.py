"""HTML page -> RawArticle: decoding, structured metadata, content container, dates, bylines (orchestration)."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any
from urllib.parse import urlsplit

from lxml import etree

from crawler.extract.chrome import strip_page_chrome
from crawler.extract.containers import (
    ContainerMatch,
    ContainerResult,
    extract_blocks,
    flatten_blocks,
    is_header_block,
    locate_container,
)
from crawler.extract.datefallback import (
    page_day,
    printed_only_in_lists,
    reconcile,
    stated_in_indonesian_zone,
    structured_day,
)
from crawler.extract.dates import (
    WIB,
    parse_date_details,
    parse_indonesian_date,
    pick_dates,
    url_date,
)
from crawler.extract.decode import decode_html
from crawler.extract.dom import (
    element_descriptor,
    fold,
    parse_html,
    short_text,
    text_of,
)
from crawler.extract.fallback import (
    FALLBACK_CONTAINER,
    fallback_paragraphs,
    needs_fallback,
    page_prose,
    region_texts,
    regions_prose,
    without,
)
from crawler.extract.marks import (
    BYLINE_WORDS_RE,
    DATE_WORDS_RE,
    Attributed,
    attributed_elements,
    class_words,
    icon_elements,
    in_chrome,
    inside,
    marked_elements,
    post_wrapper,
)
from crawler.extract.metadata import (
    ARTICLE_TYPES,
    NEWS_TYPES,
    PageMetadata,
    label_kind_function,
    read_metadata,
)
from crawler.extract.parts import ArticlePages, article_pages, pager_scope
from crawler.extract.printed import (
    MAX_DATE_TEXT_CHARS,
    blogger_date_headers,
    needs_visible_dates,
    visible_dates,
)
from crawler.extract.related import teaser_card_lists
from crawler.extract.scorer import comment_regions, excluded_regions
from crawler.extract.taxonomy import post_taxonomy
from crawler.items import RawArticle

__all__ = [
    "extract_page",
    "parse_indonesian_date",
    "raw_from_blogger_entry",
    "raw_from_wp_post",
]

MAX_BYLINE_CHARS = 200
"""A byline or author-box name line is short; longer texts under `author` classes are bios."""

MAX_LABEL_CHARS = 24
"""A byline label (`Penulis`, `Editor :`, `Jurnalis`) is a word or two."""

MAX_CREDIT_ROWS = 6
"""A credits table lists a few roles (writer, editor, photographer); more rows is data."""

MAX_BYLINE_PIECES = 6
"""A credits box names a few roles (`Author`/name, `Editor`/name, a counter); an element under an
`author`-ish class with more pieces is a topic list or a row of share buttons."""

PHOTO_WORDS = frozenset({"photo", "foto", "image", "img", "caption", "gallery", "galeri", "thumb"})
"""Class/id words of photo boxes, whose credits are not article bylines."""

PHOTO_BOX_DEPTH = 3
"""A credit sits at most a few levels inside its photo box; classes further up (a `category-photo`
page wrapper) say nothing about it."""

JOB_TITLE_WORDS = frozenset({"job", "jobtitle"})
"""Class/id/itemprop words of the element that prints a person's job title beside their name
(schema.org's `jobTitle`, a theme's `job_title`): `Former Deputy Tech Editor` run into `Will
Judd` is no part of the name. An `author-title` is one only beside an `author-name` of its own:
alone, or around the name, it is an author box's heading (`<h4 class="author-title">Matthias`)."""

_JOB_TITLE_CANDIDATES = (
    ".//*[contains(translate(concat(@class, ' ', @id, ' ', @itemprop), 'JOBTILE', 'jobtile'), 'job')"
    " or contains(translate(concat(@class, ' ', @id), 'TITLE', 'title'), 'title')]"
)
"""The descendants whose class, id or itemprop holds `job` or `title`: `_job_titles` reads only
these (a byline element's other descendants cost a class split each)."""

SCREEN_READER_CLASSES = frozenset(
    {"screen-reader-text", "sr-only", "visually-hidden", "visuallyhidden", "screen-reader-only"}
)
"""Classes of text hidden from view for screen readers (WordPress core, Bootstrap, HTML5
Boilerplate): a label such as `Post author`, never the name itself."""

MAX_JOB_TITLE_CHARS = 80
"""A job title is a short phrase (`Executive Digital Editor and Master Gardener` is 45
characters); a longer element is a biography or a box, not a title."""

MAX_BYLINES = 6
"""More distinct byline texts than this means we are reading a list of other articles' authors."""


WP_PAGE_CLASSES = ("page-id-", "page-template")
"""Body class prefixes WordPress's body_class() adds, with `page`, to a static page only (a bare
`page` class is common on other CMSs)."""

BLOGGER_PAGE_PATH = re.compile(r"^/p/[^/]+\.html$")
"""Blogger's static pages (`/p/kontak.html`): the blog's pages, never posts."""
BLOGGER_POST_PATH = re.compile(r"/\d{4}/\d{2}/[^/]+\.html")
"""A Blogger post's permalink (`/2024/05/banjir-garut.html`)."""


def _is_label(block: str, label_kind: Any) -> bool:
    if label_kind is None or len(block) > MAX_LABEL_CHARS:
        return False
    try:
        return label_kind(block.strip(" :;|-–")) is not None
    except Exception:
        return False


def byline_pieces(element: Any, label_kind: Any = None) -> list[str]:
    """A byline element's texts, labels paired with their values, printed dates dropped.

    Credits boxes put a label and its name in separate elements, in either order (`Author` /
    `Nama` or `Nama` / `Jurnalis`) or in table cells (`Penulis` / `: Nama`); pairing them gives
    the cleaning grammar `Label: Nama`, one piece per role.
    """
    blocks = [b for b in flatten_blocks(element) if not _is_date_stamp(b)]
    for title in _job_titles(element) + _screen_reader_texts(element):
        blocks = [fold(b.replace(title, " ")).strip(" ,|-–—") for b in blocks]
        blocks = [b for b in blocks if b]
    pieces: list[str] = []
    index = 0
    while index < len(blocks):
        block = blocks[index]
        following = blocks[index + 1] if index + 1 < len(blocks) else None
        if block.startswith(":") and pieces:
            pieces[-1] = f"{pieces[-1].rstrip(' :')}: {block.lstrip(' :')}"  # a table cell value
        elif _is_label(block, label_kind) and following and not _is_label(following, label_kind):
            pieces.append(f"{block.rstrip(' :')}: {following.lstrip(' :')}")
            index += 1
        elif _is_label(block, label_kind) and pieces and ":" not in pieces[-1]:
            pieces[-1] = f"{block.rstrip(' :')}: {pieces[-1]}"  # name first, label after
        else:
            pieces.append(block)
        index += 1
    return [piece for piece in pieces if not _foreign_label(piece, label_kind)]


def _job_titles(element: Any) -> list[str]:
    """The job titles printed inside a byline element (JOB_TITLE_WORDS), no link among them
    (a name is often a link to its author page; a title never)."""
    titles: list[str] = []
    nodes = element.xpath(_JOB_TITLE_CANDIDATES)  # libxml2 finds the few that may be one
    if not nodes:
        return titles
    named = [node for node in element.iterdescendants() if {"author", "name"} <= class_words(node)]
    for node in nodes:
        if node.find(".//a") is not None:
            continue
        words = class_words(node)
        beside_name = {"author", "title"} <= words and any(
            not inside(name, node) and not inside(node, name) for name in named
        )
        if words & JOB_TITLE_WORDS or beside_name:
            text = fold(text_of(node))
            if text and len(text) <= MAX_JOB_TITLE_CHARS:
                titles.append(text)
    return titles


def _screen_reader_texts(element: Any) -> list[str]:
    """Texts a byline element hides from the eye for screen readers (WordPress themes'
    `<span class="screen-reader-text">Post author</span>` run into `By Nama`)."""
    return [
        text
        for node in element.iter()
        if SCREEN_READER_CLASSES.intersection((node.get("class") or "").split())
        and (text := fold(text_of(node)))
    ]


def _foreign_label(piece: str, label_kind: Any) -> bool:
    """`Sumber: X`, `Foto: X`: a labelled credit whose label is no byline label."""
    label, colon, _ = piece.partition(":")
    if not colon or label_kind is None or len(label) > MAX_LABEL_CHARS:
        return False
    return not _is_label(label, label_kind)


def _credits_someone_else(text: str, label_kind: Any) -> bool:
    """`Foto: Magnus Berge`: a credit whose label (a word or two, no figure) is no byline label;
    the name elements inside it credit a photograph, not the story."""
    label = text.partition(":")[0].strip()
    return (
        bool(label)
        and not any(c.isdigit() for c in label)
        and len(label.split()) <= 2
        and _foreign_label(text, label_kind)
    )


def _is_date_stamp(block: str) -> bool:
    if len(block) > MAX_DATE_TEXT_CHARS:
        return False
    parsed = parse_date_details(block)
    return parsed is not None and parsed.has_time


def _in_photo(element: Any) -> bool:
    """Photo credits (`FOTO/NAMA`) sit in figures and photo boxes; they are not bylines."""
    for depth, node in enumerate([element, *element.iterancestors()]):
        if node.tag in ("body", "html"):
            break
        if node.tag in ("figure", "figcaption"):
            return True
        if depth <= PHOTO_BOX_DEPTH and class_words(node) & PHOTO_WORDS:
            return True
    return False


def _credit_tables(doc: Any, container: Any, label_kind: Any) -> list[Any]:
    """Small key/value tables whose first column holds byline labels (`Penulis | : Nama`)."""
    if label_kind is None:
        return []
    tables = []
    for table in doc.iter("table"):
        if inside(table, container):
            continue
        rows = [row for row in table.iter("tr")]
        if not rows or len(rows) > MAX_CREDIT_ROWS:
            continue
        first_cells = [next(iter(row.iter("td", "th")), None) for row in rows]
        if all(cell is not None for cell in first_cells) and any(
            _is_label(fold(text_of(cell)), label_kind) for cell in first_cells
        ):
            tables.append(table)
    return tables


_TEXT_WITH_COLON = etree.XPath("//*[contains(text(), ':') or contains(text(), '：')]")


def _labelled_rows(doc: Any, label_kind: Any) -> list[Any]:
    """Elements of no byline class with a field of their own text that opens with a byline label
    and its colon (`<span>Penulis: <a>Nama</a></span>`, `<div class="read-meta">Oleh: <a>Nama</a> –
    Senin, ...</div>`, `Senin, 05/02/2024 - 14:22 WIB | Laporan: Nama | Dibaca: 1284 kali`)."""
    if label_kind is None:
        return []
    rows = []
    for element in _TEXT_WITH_COLON(doc):
        own = _own_lead_text(element).replace("\uff1a", ":")
        if any(_author_field(field, label_kind) for field in _ROW_FIELD_SEPARATOR.split(own)):
            rows.append(element)
    return rows


def _own_lead_text(element: Any) -> str:
    """The text an element opens with itself: its own text, or after an empty leading child (an
    icon: `<li><i class="bi bi-person"></i> Penulis: Nama</li>`)."""
    own = element.text or ""
    icon = element[0] if len(element) else None
    if not own.strip() and icon is not None and isinstance(icon.tag, str):
        return own if "".join(icon.itertext()).strip() else icon.tail or ""
    return own


_PERSON_ICONS = icon_elements(
    "fa-user", "bi-person", "icon-user", "glyphicon-user", "dashicons-admin-users", below=True
)
"""Empty icon elements of icon fonts that head a person's name (Font Awesome's `fa-user`,
Bootstrap's `bi-person`, `glyphicon-user`, `dashicons-admin-users`): a theme prints its byline
after one where it prints no label (`<span><i class="fa fa-user"></i> Nama</span>`), as it prints
its date after a calendar's. Not a pencil: it heads an `Edit` button as often as a writer."""


def _parent(element: Any | None) -> Any | None:
    return None if element is None else element.getparent()


def _icon_rows(rows: list[Any], scope: Any | None) -> list[Any]:
    """The elements around a person icon inside `scope` (the story's post wrapper, else the
    container's parent), as `_labelled_rows` gives the labelled ones (a meta row under the
    headline may be in the container). Further out an icon heads a sidebar's list of people (a
    village's `Aparatur Desa`), not the story's writer."""
    if scope is None:
        return []
    found = []
    for icon in _PERSON_ICONS(scope):
        parent = icon.getparent()
        if parent is None or parent.tag in ("a", "button"):
            continue  # a link or button the icon heads is an account's or an action's
        if sum(1 for e in parent.iter() if isinstance(e.tag, str) and not len(e)) > 2:
            continue  # a row of several icons' fields (date, name, section): `_labelled_rows`'
        if parent not in rows and parent not in found:
            found.append(parent)
    return found


def _author_field(field: str, label_kind: Any) -> bool:
    """`Penulis: Nama`, `Laporan: Nama`: a field opening with an author label and its colon."""
    label, colon, _ = field.partition(":")
    return bool(colon and label.strip() and label_kind(label.strip()) == "author")


_ROW_FIELD_SEPARATOR = re.compile(r"\s+[-–—|•·]\s+|\s*[|•·]\s*")
"""Between the fields of a meta row: a spaced dash, a bar or a bullet."""


def _row_credit(text: str, label_kind: Any) -> str | None:
    """A meta row's author field (`Laporan: Nama` of `Senin, ... | Laporan: Nama | Dibaca: ...`)
    when every other field of it is a date or a counter, else None."""
    fields = [f for f in _ROW_FIELD_SEPARATOR.split(text) if f.strip()]
    credits = [f.strip() for f in fields if _author_field(f, label_kind)]
    if len(credits) != 1:
        return None
    others = [f for f in fields if f.strip() not in credits]
    stamps = all(_is_date_field(f) or _COUNTER.search(f) or _CLOCK.match(f) for f in others)
    return credits[0] if stamps else None


def _is_date_field(field: str) -> bool:
    """A meta row's date, with or without its time (`Senin, 02/11/2026` beside `16:45 WITA`)."""
    return len(field) <= MAX_DATE_TEXT_CHARS and parse_date_details(field) is not None


_COUNTER = re.compile(r"\d[\d.,]*\s*(?:kali|x|views?|pembaca|komentar|comments?)\b", re.I)
"""A view or comment counter in a meta row (`Dibaca: 1284 kali`)."""
_CLOCK = re.compile(r"^\s*\d{1,2}[:.]\d{2}(?:\s*(?:WIB|WITA|WIT))?\s*$", re.I)
"""A time of day standing as a field of its own (`Senin, 05/02/2024 - 14:22 WIB`)."""


def _byline_texts(
    doc: Any, container: Any, attributed: Attributed
) -> tuple[list[str], dict[str, str | None]]:
    """Byline pieces of the page outside the body, each with the `element_descriptor` of the
    element it was read from."""
    label_kind = label_kind_function()
    post = post_wrapper(container)
    found: list[tuple[str, list[str], str | None]] = []  # (plain text, pieces, descriptor)
    marked = marked_elements(attributed, BYLINE_WORDS_RE) + doc.xpath("//*[@rel][@rel='author']")
    marked += _credit_tables(doc, container, label_kind)
    rows = _labelled_rows(doc, label_kind)  # a meta row under the headline may be in the container
    rows += _icon_rows(rows, post if post is not None else _parent(container))
    marked += rows
    rows_set = set(rows)
    other_credits: list[Any] = []  # `Foto: Nama` rows: the names inside them are no bylines
    for element in marked:
        if element.tag in ("html", "body", "meta", "link"):
            continue
        if other_credits and any(inside(element, credit) for credit in other_credits):
            continue
        if (
            inside(element, container)
            and (element not in rows_set or element.tag == "p")
            and element.get("rel") != "author"  # HTML's author link, in a meta row of the post
        ):
            continue
        plain = short_text(element, MAX_BYLINE_CHARS, " ")
        if not plain:
            continue
        if (
            any(_longer_form(seen, plain) for seen, _, _ in found)
            or in_chrome(element, post)
            or _in_photo(element)
        ):
            continue
        pieces = byline_pieces(element, label_kind)
        if not pieces and _credits_someone_else(plain, label_kind):
            other_credits.append(element)
            continue
        if not pieces and element in rows_set:  # `Oleh: Nama – Senin, 1 Juli 2024 00:40 WIT`
            credit = _row_credit(plain, label_kind)
            pieces = [credit] if credit else []
        if not pieces or len(pieces) > MAX_BYLINE_PIECES:
            continue  # a list of topics or share buttons under an `author`-ish class
        found = [entry for entry in found if not _longer_form(plain, entry[0])]
        found.append((plain, pieces, element_descriptor(element)))
    sources: dict[str, str | None] = {}
    for _, pieces, descriptor in found:
        for piece in pieces:
            sources.setdefault(piece, descriptor)
    return list(sources)[:MAX_BYLINES], sources


def _longer_form(text: str, shorter: str) -> bool:
    """True when a byline text is another's longer form, to be kept instead of it (`Penulis: X`
    over `X`). A text that goes on from the name with a sentence or a date (an author box's `X is
    the CEO of ...`, `X July 3, 2025` run together from two spans) is not: the name alone is
    kept beside it."""
    if shorter not in text:
        return False
    rest = text.partition(shorter)[2].strip()
    if not text.startswith(shorter) or not rest:
        return True
    return not (rest[0].islower() or parse_date_details(rest) is not None)


def _read_learned_slots(
    texts: list[str],
    sources: Mapping[str, str | None],
    byline_rule: str | None,
    byline_skip: Sequence[str],
) -> list[str]:
    """The byline texts of a page read as its portal's profile learned: none of the slots in
    `byline_skip` (they name other people), and where the portal's byline slot (`byline_rule`)
    is on the page, only its texts; a labelled text (`Editor: X`) is kept from any slot."""
    slots = set(sources.values())
    rule_here = byline_rule is not None and byline_rule in slots
    if not rule_here and slots.isdisjoint(byline_skip):
        return texts
    label_kind = label_kind_function()
    kept = [t for t in texts if sources.get(t) not in byline_skip or _is_labelled(t, label_kind)]
    if not rule_here:
        return kept
    return [t for t in kept if sources.get(t) == byline_rule or _is_labelled(t, label_kind)]


def _is_labelled(text: str, label_kind: Any) -> bool:
    """`Editor: X`, `Penulis : X`: a byline piece led by a byline label."""
    label, colon, _ = text.partition(":")
    return bool(colon) and _is_label(label, label_kind)


def _generated_by_blogger(meta: PageMetadata) -> bool:
    """The page's generator meta names Blogger, in any case: its themes print `blogger` (all 37
    Blogger pages of the dev corpus), older ones `Blogger`."""
    return any(generator.lower().startswith("blogger") for generator in meta.generators)


def _signals(doc: Any, url: str, meta: PageMetadata, container: str | None) -> list[str]:
    """Recognition signals of the page's own claims (its head as `meta` read it: the head itself
    is stripped by then)."""
    signals: list[str] = []
    types = set(meta.jsonld_types)
    if types & NEWS_TYPES:
        signals.append("jsonld:NewsArticle")
    elif types & ARTICLE_TYPES:
        signals.append("jsonld:Article")
    if (meta.og_type or "").lower() == "article":
        signals.append("og:article")
    body = doc.find("body")
    body_classes = set((body.get("class") or "").split()) if body is not None else set()
    if body_classes & {"single-post", "single"}:
        signals.append("wp:single")
    elif "page" in body_classes and any(c.startswith(WP_PAGE_CLASSES) for c in body_classes):
        signals.append("wp:page")
    if url_date(url) is not None:
        signals.append("url:date")
    if BLOGGER_PAGE_PATH.match(urlsplit(url or "").path):
        signals.append("blogspot:page")
    elif (container or "").startswith("blogspot:post-body") or (
        BLOGGER_POST_PATH.search(url or "") and _generated_by_blogger(meta)
    ):
        signals.append("blogspot:post")
    return signals


TRUSTED_RULE_PREFIXES = ("theme:", "site:", "blogspot:")
"""Container rules written for one theme or portal: what they find is the post (or proves it
empty), so the generic fallback never second-guesses them."""


def _may_fall_back(located: ContainerMatch | None) -> bool:
    """The generic fallback may replace a body found by generic rules or the scorer, never one of
    a theme's own container or of the portal's learned rule. A generic rule's empty match (an
    empty `entry-content`) proves no empty post: on the 3 dev pages with one, a page builder or a
    plugin had put the story elsewhere on the page; a theme's empty container does prove one."""
    if located is None:
        return True
    if located.learned:
        return False
    return not located.name.startswith(TRUSTED_RULE_PREFIXES)


def _union(first: list[str], second: list[str]) -> list[str]:
    """`first`, then the names of `second` it lacks (case folded), in order."""
    seen = {name.casefold() for name in first}
    merged = list(first)
    for name in second:
        if name.casefold() not in seen:
            seen.add(name.casefold())
            merged.append(name)
    return merged


def extract_page(
    body: bytes | str | None,
    url: str,
    *,
    headers: Mapping[str, str] | None = None,
    fetched_at: datetime | None = None,
    container_rule: str | None = None,
    byline_rule: str | None = None,
    byline_skip: Sequence[str] = (),
) -> RawArticle:
    """Read one article page into a RawArticle (never raises; an empty RawArticle on bad input).

    `container_rule` names a container rule learned for the portal (a `RawArticle.container`
    value of its good pages, such as `wp:post-content`): tried first, and trusted like a theme's.
    `byline_rule` names the portal's learned byline slot (a `RawArticle.byline_sources` value):
    where it is on the page, unlabelled names from other slots are left out; the slots in
    `byline_skip` (learned to name other people) are never read.
    """
    try:
        return _extract(
            body,
            url,
            headers=headers,
            fetched_at=fetched_at,
            container_rule=container_rule,
            byline_rule=byline_rule,
            byline_skip=byline_skip,
        )
    except RecursionError:
        return RawArticle(url=url or "")
    except Exception:  # bad input must never escape; an empty result is the documented outcome
        return RawArticle(url=url or "")


def _extract(
    body: bytes | str | None,
    url: str,
    *,
    headers: Mapping[str, str] | None,
    fetched_at: datetime | None,
    container_rule: str | None = None,
    byline_rule: str | None = None,
    byline_skip: Sequence[str] = (),
) -> RawArticle:
    url = url or ""
    page_text = decode_html(body, headers)
    doc = parse_html(page_text)
    if doc is None:
        return RawArticle(url=url)
    html_element = doc if doc.tag == "html" else doc.find(".//html")
    html_lang = html_element.get("lang") if html_element is not None else None
    meta = read_metadata(doc, url)
    if _generated_by_blogger(meta):
        meta.dates.extend(blogger_date_headers(doc))
    structured = structured_day(doc, url, fetched_at)  # needs the scripts stripped next
    strip_page_chrome(doc)
    located = locate_container(doc, preferred=container_rule)
    # the pager of a split article sits in its text's container or next to it
    pages = (
        article_pages(pager_scope(located.element), url, meta.canonical_url)
        if located is not None
        else ArticlePages(1)
    )
    link_categories, link_tags = post_taxonomy(
        doc, located.element if located is not None else None, meta.title
    )
    prose = None
    teasers: frozenset[str] = frozenset()
    if _may_fall_back(located):
        known = located.excluded if located is not None else None
        # grids of other stories' teaser cards, however long their excerpts, are no prose of it
        story_element = located.element if located is not None else None
        cards = [
            e
            for card in teaser_card_lists(doc, url)
            if story_element is None
            or not (inside(card, story_element) or inside(story_element, card))
            for e in card.iter()
        ]
        teasers = region_texts(cards)
        excluded = excluded_regions(doc) if known is None else known
        prose = page_prose(doc, excluded | set(cards) if cards else excluded)
    # the story's own date row may sit in the container, which reading the text takes apart
    visible_read = needs_visible_dates(meta.dates, fetched_at)
    dates_before = marked_elements(attributed_elements(doc), DATE_WORDS_RE) if visible_read else []
    result = extract_blocks(doc, title=meta.title, located=located)
    if pages.pager_texts:  # a split article's pager inside its text
        result.paragraphs = [p for p in result.paragraphs if p not in pages.pager_texts]
    container = result.element
    if not result.paragraphs and meta.jsonld_body:
        result = ContainerResult(
            [fold(p) for p in meta.jsonld_body.split("\n") if fold(p)], "jsonld:articleBody"
        )
    # the fallback is weighed against the container's own text: an opening read before it
    # must not keep a page from the fallback that it would have needed without one
    own = result.paragraphs[result.opening :]
    if prose is not None and result.related_boxes:  # teasers of other stories, however long
        prose = without(prose, regions_prose(result.related_boxes))
    if prose is not None and needs_fallback(own, prose):
        comments = region_texts(comment_regions(doc))  # trafilatura may not know `komentar`
        boxes = region_texts(e for box in result.related_boxes for e in box.iter())
        outside = comments | teasers | boxes
        replacement = fallback_paragraphs(page_text, url, own, outside)
        if replacement is not None:
            story = [block for block in replacement if not is_header_block(block, meta.title)]
            result = ContainerResult(story, FALLBACK_CONTAINER, result.byline_sources)
    attributed = attributed_elements(doc)  # nothing changes the page from here on
    bylines, byline_sources = _byline_texts(doc, container, attributed)
    for text, slot in result.byline_sources.items():
        if text not in bylines:
            bylines.append(text)
            byline_sources.setdefault(text, slot)
    bylines = _read_learned_slots(bylines, byline_sources, byline_rule, byline_skip)
    candidates = list(meta.dates)
    if visible_read:
        candidates += visible_dates(
            doc, meta.title, container, attributed, dates_before, result.related_boxes
        )
    picked = pick_dates(candidates, url=url, now=fetched_at, default_tz=WIB)
    day = None
    # a sidebar's `15:10 WITA` does not outrank the URL's own day (the story's own row does)
    printed_beside_a_dated_url = url_date(url) is not None and printed_only_in_lists(
        picked, candidates
    )
    if printed_beside_a_dated_url or not stated_in_indonesian_zone(
        picked, candidates, now=fetched_at, default_tz=WIB
    ):
        day = page_day(
            page_text, url, fetched_at, structured, own_source=picked.published_at_source
        )
    if day is not None and (picked.published_at or "")[:10] != day[0].isoformat():
        if not visible_read:  # the page's printed times may tell the day's time or zone
            candidates += visible_dates(doc, meta.title, container, attributed)
        picked = reconcile(picked, day, candidates, now=fetched_at, default_tz=WIB)
    return RawArticle(
        url=url,
        canonical_url=meta.canonical_url,
        title=meta.title,
        paragraphs=result.paragraphs,
        related_links=result.related_links,
        byline_texts=bylines,
        byline_sources={text: slot for text in bylines if (slot := byline_sources.get(text))},
        meta_authors=meta.authors,
        published_at=picked.published_at,
        published_at_source=picked.published_at_source,
        modified_at=picked.modified_at,
        modified_at_source=picked.modified_at_source,
        tags=_union(meta.tags, link_tags),
        categories=_union(meta.categories, link_categories),
        image_url=meta.image_url,
        site_name=meta.site_name,
        site_names=list(meta.site_names),
        application_name=meta.application_name,
        publisher=meta.publisher,
        description=meta.description,
        html_lang=html_lang.strip() if html_lang else None,
        article_signals=_signals(doc, url, meta, result.container),
        container=result.container,
        page_number=pages.number,
        page_urls=pages.urls,
    )


from crawler.extract.wordpress import raw_from_blogger_entry, raw_from_wp_post  # noqa: E402
