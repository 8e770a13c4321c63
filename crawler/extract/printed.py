"""The dates a page prints for a reader: found, marked published or updated, nearest the headline
first, and told apart from the dates of the lists of other stories beside the story."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import datetime
from functools import lru_cache
from typing import Any

from lxml import etree

from crawler.extract.dates import (
    PUBLISHED_MARK,
    UPDATED_MARK,
    DateCandidate,
    dates_by_kind,
    is_render_stamp,
    parse_date_details,
)
from crawler.extract.dom import fold, short_text, text_of
from crawler.extract.marks import (
    DATE_WORDS_RE,
    Attributed,
    class_words,
    icon_elements,
    in_chrome,
    inside,
    marked_elements,
)
from crawler.extract.scorer import EXCLUDED_REGION_TAGS, in_comment_region

MAX_DATE_TEXT_CHARS = 120
"""Printed dates (`Selasa, 21 Mei 2024 | 14:30 WIB`, `Posted on 21/05/2024 by admin`) are short."""

_ZONE_WORD = re.compile(r"\b(?:WIB|WITA|WIT)\b", re.IGNORECASE)


_DATE_ICONS = icon_elements("calendar", "clock", "icon-time")
"""Empty icon elements of icon fonts (Bootstrap's `glyphicon-calendar`, Font Awesome's
`fa-clock-o`, `icon-clock`, `dashicons-calendar-alt`): a theme heads its date with one, and the
element around it holds the date."""

MAX_DATE_TEXT_CANDIDATES = 40
"""Visible date strings examined per page: the article's own date sits near its headline."""


def _document_positions(doc: Any) -> dict[Any, int]:
    return {element: index for index, element in enumerate(doc.iter())}


@lru_cache(maxsize=256)
def _searching_for(markers: tuple[str, ...]) -> Any:
    """The XPath of the page's text nodes holding one of these markers. It walks every text node
    (2.3 ms on a wcxb-articles page of 1,870 elements) and asks each `contains()` of each (24
    markers cost a page ~0.4 ms more than the 2-3 it holds), so a page is searched only for the
    markers its whole text holds, and not at all when it holds none."""
    tests = " or ".join(f"contains(., '{marker}')" for marker in markers)
    return etree.XPath(f"//text()[{tests}]")


_ZONE_MARKERS = ("WIB", "WITA", "WIT", "wib")


def _has_zone(text: str) -> bool:
    return bool(_ZONE_WORD.search(text))


def _names_time(text: str) -> bool:
    return bool(PUBLISHED_MARK.search(text) or UPDATED_MARK.search(text))


_TIME_MARKERS = (
    "ipublikasi", "erbit", "iperbarui", "ublished", "pdated", "Tayang", "tayang",
    "ublicado", "ublié", "eröffentlicht", "ctualizado", "tualizado", "ktualisiert",
    "publikowano", "ublikováno", "eřejněno", "ayınlan", "ayımlan", "ublicera", "ubliser",
    "ulkaistu", "özzétéve", "Publicat ",
)  # fmt: skip
"""Text that says what time it gives (`Dipublikasikan pada 04/03/2024 10:30`), whatever its
element's class: a date line as much as one with a zone word."""


_MODIFIED_CLASS_WORDS = frozenset({"updated", "modified", "lastmod"})


def _marked_modified(element: Any) -> bool:
    """An element whose class says it holds the modification time (`<time class="entry-date
    updated">`), and not the publication's too (WordPress marks an unedited post's one `<time>`
    `published updated`)."""
    words = class_words(element)
    return bool(words & _MODIFIED_CLASS_WORDS) and "published" not in words


MAX_LABELLED_STAMP_CHARS = 120  # `Tayang perdana: Senin, 24 Juni 2024 21:30 WIB` is 45, with a
# byline before it (`Por Nombre · Publicado el miércoles 12 de junio de 2024, 21:10 h`) 80
"""A line with a publication label inside the story is its stamp up to this length; longer, it
is a sentence (`Tayang perdana pada 24 Juni 2024, film itu ...`)."""


def _labelled_stamp(text: str) -> bool:
    """A short line with a publication label or a zone word, giving a time and ending in no full
    stop (`Diterbitkan: ...`, `Tayang perdana: ...`, `Por X · Publicado el ...`, `Senin,
    05/02/2024 - 14:22 WIB | Laporan: Nama`): the story's own stamp printed in it, not an event
    it reports."""
    text = fold(text)
    if len(text) > MAX_LABELLED_STAMP_CHARS or text.endswith("."):
        return False  # a sentence reporting an event (`... tayang perdana pada ... pukul 20.00.`)
    if not (PUBLISHED_MARK.search(text) or _ZONE_WORD.search(text)):
        return False
    parsed = parse_date_details(text)
    return parsed is not None and parsed.has_time


def visible_dates(
    doc: Any,
    title: str | None,
    container: Any,
    attributed: Attributed,
    read_before: Sequence[Any] = (),
    related_boxes: Sequence[Any] = (),
) -> list[DateCandidate]:
    """Printed date strings, the ones nearest the headline first. `read_before` are the
    date-marked elements of the page before its text was read: those the reading removed from
    the container (the story's own date row under its headline) come first."""
    found: list[tuple[Any, str]] = []  # element, text
    root = doc.getroottree().getroot()
    removed = [
        e
        for e in read_before
        if e is not root
        and root not in e.iterancestors()
        and not any(inside(e, box) for box in related_boxes)  # other stories' dates
    ]
    for element in removed:
        found.append((element, short_text(element, MAX_DATE_TEXT_CHARS) or ""))
    marked = marked_elements(attributed, DATE_WORDS_RE)
    marked_set = set(marked)
    marked += [t for t in doc.iter("time") if t not in marked_set]
    marked += [  # the row a calendar or clock icon heads: `<li><i class="icon-clock"></i> ...`
        parent
        for icon in _DATE_ICONS(doc)
        if (parent := icon.getparent()) is not None and parent not in marked_set
    ]
    for element in marked:
        if element.tag in ("html", "body", "head", "title") or in_comment_region(element):
            continue  # a reader's comment is dated when it was written
        if element.tag == "time" and element.get("datetime"):
            found.append((element, element.get("datetime")))
        found.append((element, short_text(element, MAX_DATE_TEXT_CHARS) or ""))
    # text with a zone word, then text that names its time, whatever its element's class
    page_text = text_of(doc)
    for markers, is_date_text in ((_ZONE_MARKERS, _has_zone), (_TIME_MARKERS, _names_time)):
        present = tuple(marker for marker in markers if marker in page_text)
        if not present:
            continue
        for text_node in _searching_for(present)(doc):
            element = text_node.getparent()
            if element is None or in_comment_region(element):
                continue
            if inside(element, container) and not _labelled_stamp(str(text_node)):
                continue  # unmarked dates inside the story are events, not the publication
            if is_date_text(text_node):
                found.append((element, fold(str(text_node))))
    seen: set[str] = set()
    dated: list[tuple[Any, str, str]] = []  # element, date text, kind
    for element, text in found:
        if not text or len(text) > MAX_DATE_TEXT_CHARS or text in seen:
            continue
        seen.add(text)
        for kind, part in dates_by_kind(text):  # `Diperbarui: B | Diterbitkan: A`
            if parse_date_details(part) is not None:
                dated.append((element, part, kind))
    if len(dated) > 1:  # nearest the headline first (a stable sort: ties keep the page's order)
        positions = _document_positions(doc)
        anchor = _headline_position(doc, title, container, positions)
        removed_set = set(removed)
        dated.sort(
            key=lambda item: (
                (-1, False, 0)
                if item[0] in removed_set
                else (
                    in_chrome(item[0]),
                    _marked_modified(item[0]),  # `<time class="updated">` after the published
                    abs(positions.get(item[0], 0) - anchor),
                )
            )
        )
    return [
        DateCandidate(text, "text", kind, chrome=element not in removed and _in_lists(element))
        for element, text, kind in dated[:MAX_DATE_TEXT_CANDIDATES]
    ]


def _headline_position(
    doc: Any, title: str | None, container: Any, positions: dict[Any, int]
) -> int:
    """Where the page's headline is (an `h1`/`h2` reading as the title), else its container."""
    folded_title = fold(title).casefold() if title else ""
    if folded_title:
        for heading in doc.iter("h1", "h2"):
            if fold(text_of(heading)).casefold() == folded_title:
                anchor = positions.get(heading, 0)
                if anchor:
                    return anchor
                break
    return positions.get(container, 0) if container is not None else 0


_BLOGGER_DATE_HEADER = etree.XPath(
    "//h2[contains(concat(' ', normalize-space(@class), ' '), ' date-header ')]"
)
"""Blogger's post template prints the post's day in `<h2 class='date-header'>` (every layout,
classic to Contempo); on a post's own page it is that post's and no other."""


def blogger_date_headers(doc: Any) -> list[DateCandidate]:
    """The day a Blogger post page's date header states, as its markup's own (`meta`) date."""
    headers = _BLOGGER_DATE_HEADER(doc)
    if len(headers) != 1:  # several: a listing of posts, each under its day
        return []
    text = short_text(headers[0], MAX_DATE_TEXT_CHARS)
    return [DateCandidate(text, "meta", "published")] if text else []


def _in_lists(element: Any) -> bool:
    """Inside a region listing other stories: a chrome-classed one, or an HTML5 `<aside>`,
    `<nav>` or `<footer>` (HTML gives those to content beside the story's)."""
    return in_chrome(element) or any(
        ancestor.tag in EXCLUDED_REGION_TAGS for ancestor in element.iterancestors()
    )


def needs_visible_dates(candidates: list[DateCandidate], now: datetime | None = None) -> bool:
    """Printed dates are read when structured data gives no timed publication date, or gives a
    `Z` stamp that may be WIB mislabelled as UTC, or one at the fetch (`is_render_stamp`)."""
    timed = False
    for candidate in candidates:
        if candidate.kind != "published":
            continue
        parsed = parse_date_details(candidate.raw)
        if parsed is None:
            continue
        if parsed.utc_stamp or (now is not None and is_render_stamp(parsed, now)):
            return True
        timed = timed or parsed.has_time
    return not timed
