"""Raw article text -> clean fields: the Indonesian cleaning grammar's public entry points.

`clean_article` takes the article container's text blocks (still carrying dateline, "Baca juga"
lines, sign-off, editor lines, author box and prompts) and returns the clean body plus every field
it lifted out. `clean_body_text` cleans an already-joined body. Both are pure, deterministic and
never raise on bad input.
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from crawler.clean import byline, names
from crawler.clean import vocabulary as v
from crawler.clean.body import (
    DATELINE_SEARCH_PARAGRAPHS,
    BodyResult,
    clean_paragraphs,
    normalize_paragraphs,
)
from crawler.clean.dateline import split_dateline
from crawler.clean.language import detect_language, in_indonesian_family
from crawler.clean.profile import PortalProfile
from crawler.clean.vocabulary import PARAGRAPH_SPLIT

__all__ = ["CleanText", "clean_article", "clean_body_text", "detect_language"]

log = logging.getLogger(__name__)

PARAGRAPH_JOINER = "\n\n"
"""How clean paragraphs are joined into `body`."""
MAX_PASSES = 16  # dev-set and test-portal pages settle in 2 passes, adversarial texts in <= 4
"""Upper bound on re-cleaning passes (each pass that changes something deletes text)."""


@dataclass
class CleanText:
    """An article's clean body and the fields the cleaning lifted out of it."""

    body: str = ""
    """Paragraphs joined by a blank line."""
    authors: list[str] = field(default_factory=list)
    """Reporters, titles stripped, accounts excluded."""
    editor: str | None = None
    posted_by: str | None = None
    """The posting account (`admin`, `Redaksi`, an account code)."""
    dateline_place: str | None = None
    dateline_outlet: str | None = None
    agency_tag: str | None = None
    """Trailing initials or agency code without parentheses (`fyk/ash`, `ant`, `*`)."""
    related_links: list[str] = field(default_factory=list)
    """Titles of removed "Baca juga" links."""
    syndicated_from: str | None = None
    language: str | None = None


def _unique(items: Sequence[str]) -> list[str]:
    seen: set[str] = set()
    result = []
    for item in items:
        key = names.fold_key(item)
        if key and key not in seen:
            seen.add(key)
            result.append(item.strip())
    return result


def _strings(values: Sequence[str] | None) -> list[str]:
    if isinstance(values, str):
        return [values]
    return [x for x in values or () if isinstance(x, str) and x.strip()]


def _grammar_applies(paragraphs: Sequence[str]) -> bool:
    """The Indonesian grammar runs unless the text is clearly in another language and is not
    datelined from an Indonesian place (`SAMARINDA, Mahakam Chronicle –`: an Indonesian outlet's
    English edition prints its datelines, bylines and sign-offs as its Indonesian one does)."""
    return in_indonesian_family(PARAGRAPH_JOINER.join(paragraphs)) or _datelined_in_indonesia(
        paragraphs
    )


def _datelined_in_indonesia(paragraphs: Sequence[str]) -> bool:
    for paragraph in paragraphs[:DATELINE_SEARCH_PARAGRAPHS]:
        found = split_dateline(paragraph)
        # `Mataram, W Nusa Tenggara`: the place before its province
        place = found.place.split(",")[0] if found is not None and found.place else None
        if place and names.is_indonesian_place(place):
            return True
    return False


def _fixed_point(paragraphs: list[str], profile: PortalProfile | None = None) -> list[str]:
    """Clean again until nothing changes, so cleaning a clean body is a no-op.

    Each pass only deletes text (after the first folds whitespace), so the loop ends; the language
    gate is decided anew each pass because deleting lines can change the detected language.
    """
    current = paragraphs
    for _ in range(MAX_PASSES):
        indonesian = _grammar_applies(current)
        cleaned = clean_paragraphs(current, indonesian=indonesian, profile=profile).paragraphs
        if cleaned == current:
            return cleaned
        current = cleaned
    return current


def byline_fields(byline_texts: Sequence[str], site_name: str | None) -> byline.BylineFields:
    """The people byline texts name: labelled lines by the grammar, bare names as authors (a
    piece led by a label the grammar does not know, `Credit: X` under a photo, names no author)."""
    fields = byline.BylineFields()
    for text in byline_texts:
        parsed = byline.parse_byline_line(text, site_name=site_name)
        if parsed is not None:
            fields.extend(parsed)
            continue
        for piece in byline.without_contacts(text).split("|"):
            parsed = byline.parse_byline_line(piece, site_name=site_name)
            if parsed is not None:  # `By X | Twitter: @x`: a labelled field of its own
                fields.extend(parsed)
                continue
            piece = byline.strip_trailing_date(piece.strip())
            piece = byline.strip_outlet_suffix(piece, site_name=site_name)
            if names.is_account(piece, site_name=site_name):
                fields.posted_by.append(piece)
            elif ":" not in piece and names.looks_like_name(piece):
                # `Ashley Biancuzzo, Associate Editor`; a job title in a slot of its own
                people = [p for p in names.split_names(piece) if not names.is_role(p)]
                fields.authors.extend(people)
                fields.bare_authors.extend(people)
    return fields


def _vouched_for(visible: byline.BylineFields, meta_people: Sequence[str]) -> list[str]:
    """The visible authors the page stands behind. A name alone in a byline slot (bare) may be
    another story's reporter, a reviewer, a commenter or a job title (wcxb-articles: `By Kathryn
    Giuffrida` above a related post's `By Christen Russo`; `Staff Writer` under a name the
    JSON-LD gives). Once a labelled byline (`By X`, `Penulis: X`) names someone, or the
    structured data names one of the bare names, only the names those two give are kept."""
    key = names.compact_key
    labelled = Counter(map(key, visible.authors)) - Counter(map(key, visible.bare_authors))
    meta = {key(name) for name in meta_people}
    if not labelled and meta.isdisjoint(map(key, visible.bare_authors)):
        return visible.authors
    return [name for name in visible.authors if key(name) in labelled or key(name) in meta]


def _meta_people(
    meta_authors: Sequence[str], site_name: str | None, editor: str | None
) -> tuple[list[str], list[str]]:
    """The people and the posting accounts structured data names as authors. It names
    reporters only when nothing visible does: it often names the editor, the site or the
    posting account instead."""
    excluded = {names.fold_key(editor)} if editor else set()
    people, accounts = [], []
    for raw in meta_authors:
        for name in names.split_names(raw):
            if names.is_site_name(name, site_name):
                continue  # the publisher as structured-data author: neither reporter nor account
            if names.is_generic_account(name):
                accounts.append(name)
            elif names.is_organisation(name):
                continue  # the publisher named as author
            elif names.fold_key(name) not in excluded and names.looks_like_name(
                names.capitalised(name)  # `kirstin boatto`, typed in a CMS profile
            ):
                people.append(name)
    return people, accounts


_SYSTEM_ACCOUNTS = frozenset(v.SYSTEM_ACCOUNTS)


def _choose_people(
    visible: byline.BylineFields,
    body: BodyResult,
    meta_authors: Sequence[str],
    site_name: str | None,
    profile: PortalProfile | None = None,
) -> tuple[list[str], str | None, str | None]:
    editors = [
        name
        for name in _unique(visible.editors + body.fields.editors)
        if names.fold_key(name) not in _SYSTEM_ACCOUNTS
    ]
    editor = editors[0] if editors else None
    posted = _unique(visible.posted_by + body.fields.posted_by)
    meta_people, meta_accounts = _meta_people(meta_authors, site_name, editor)
    authors = []
    for name in _vouched_for(visible, meta_people) + body.fields.authors:
        if names.is_account(name, site_name=site_name) or names.names_an_institution(name):
            posted.append(name)  # an institution's desk posting it (`Pusdalops BPBD SBB`)
        else:
            authors.append(name)
    authors = _unique(authors)
    if profile is not None:  # a share button's label in a byline slot is no one
        authors = [a for a in authors if not profile.is_chrome_name(a)]
    if not authors:
        authors = _unique(meta_people)
    if not authors and not posted:  # a photo story crediting its photographer alone
        authors = _unique(visible.photographers + body.fields.photographers)
    if not authors:
        authors = _site_namesakes(visible.posted_by, site_name)
    if not authors:
        authors = _posting_people(posted, site_name)
    posted = _unique(posted + meta_accounts)
    authors = [names.canonical_case(name) for name in authors]
    editor = names.canonical_case(editor) if editor else None
    return authors, editor, (posted[0] if posted else None)


def _posting_people(posted_by: Sequence[str], site_name: str | None) -> list[str]:
    """The people who posted the article (`Posted by Joni Karbot at 10.00`, `Diposting oleh ...`)
    when nothing else credits anyone: on Blogger and on small portals whose reporter posts their
    own story that is the writer. Accounts (`admin`, `Redaksi`), the site and organisations
    (`Humas Polres Garut`) stay posting accounts only."""
    return _unique(
        [
            name
            for name in posted_by
            if not names.is_account(name, site_name=site_name)
            and not names.is_organisation(name)
            and not names.names_an_institution(name)
            and names.looks_like_name(name)
        ]
    )


def _site_namesakes(posted_by: Sequence[str], site_name: str | None) -> list[str]:
    """The site's own name printed as the post's byline, where the site is named after its
    author (`Written by Jon Norris` on Jon Norris Photography; `names.is_site_namesake`): the
    author when no one else is named. Structured data alone does not count: there the site's
    name is as often the publisher (`Al Jazeera`, `The Economist`)."""
    return _unique(
        [
            name
            for name in posted_by
            if names.is_site_name(name, site_name)
            and names.is_site_namesake(names.capitalised(name))
        ]
    )


def _clean(
    paragraphs: Sequence[str],
    title: str | None,
    byline_texts: Sequence[str],
    meta_authors: Sequence[str],
    site_name: str | None,
    extra_phrases: Sequence[str],
    profile: PortalProfile | None = None,
    site_hints: Sequence[str] = (),
) -> CleanText:
    paras = normalize_paragraphs(_strings(paragraphs))
    indonesian = _grammar_applies(paras)
    body = clean_paragraphs(
        paras,
        title=title,
        site_name=site_name,
        extra_phrases=_strings(extra_phrases),
        indonesian=indonesian,
        profile=profile,
        site_hints=_strings(site_hints),
    )
    final = _fixed_point(body.paragraphs, profile)
    visible = byline_fields(_strings(byline_texts), site_name)
    authors, editor, posted_by = _choose_people(
        visible, body, _strings(meta_authors), site_name, profile
    )
    final = _without_closing_bio(final, authors)
    text = PARAGRAPH_JOINER.join(final)
    dateline = body.dateline
    return CleanText(
        body=text,
        authors=authors,
        editor=editor,
        posted_by=posted_by,
        dateline_place=dateline.place if dateline else None,
        dateline_outlet=dateline.outlet if dateline else None,
        # the sign-off closest to the story's end (recorded first, walking backwards)
        agency_tag=body.agency_tags[0].strip("()[] ") if body.agency_tags else None,
        related_links=_unique(body.related_links),
        syndicated_from=body.syndicated_from,
        language=detect_language(text),
    )


def _without_closing_bio(paragraphs: list[str], authors: Sequence[str]) -> list[str]:
    """The story without a last paragraph about its own writer: it opens with an author's name
    and goes on as a sentence about them (`Helen Obi is a transportation planner ...`, `*) Nama
    adalah dosen ...`), in any language, and is short (v.CLOSING_BIO_MAX_WORDS); or it names an
    author with their e-mail or social handle (`Contact Nama at ... Follow her on X: @nama`) in
    at most v.CLOSING_CONTACT_MAX_WORDS."""
    if not paragraphs or not authors:
        return paragraphs
    last = paragraphs[-1].lstrip("*) ").strip()
    words = len(last.split())
    if words > v.CLOSING_BIO_MAX_WORDS:
        return paragraphs
    for name in authors:
        rest = last[len(name) :] if last.casefold().startswith(name.casefold()) else None
        if rest and rest[:1] == " " and rest.split()[0][:1].islower():
            return paragraphs[:-1]
    if words <= v.CLOSING_CONTACT_MAX_WORDS and v.CONTACT_IN_BYLINE.search(last):
        folded = last.casefold()
        if any(name.casefold() in folded for name in authors):
            return paragraphs[:-1]  # `Contact Nama at ... Follow her on X: @nama`
    return paragraphs


def clean_article(
    paragraphs: list[str],
    *,
    title: str | None = None,
    byline_texts: Sequence[str] = (),
    meta_authors: Sequence[str] = (),
    site_name: str | None = None,
    extra_phrases: Sequence[str] = (),
    profile: PortalProfile | None = None,
    site_hints: Sequence[str] = (),
) -> CleanText:
    """Clean an article's text blocks into a body and the fields lifted out of it.

    `byline_texts` are visible bylines outside the body (they win over `meta_authors`, which come
    from structured data); `site_name` may be the portal's name or host (it tells an outlet from a
    place and an account from a person); `extra_phrases` are a portal's own boilerplate lines;
    `profile` is what the portal's own articles were learned to repeat (`crawler.profiles`);
    `site_hints` are more of the site's names a dateline's outlet may be (publisher, host).
    Never raises: unusable input gives an empty `CleanText`.
    """
    try:
        return _clean(
            paragraphs,
            title if isinstance(title, str) else None,
            byline_texts,
            meta_authors,
            site_name if isinstance(site_name, str) else None,
            extra_phrases,
            profile,
            site_hints,
        )
    except Exception:  # a cleaning bug must cost one article's fields, never the crawl
        log.exception("clean_article failed; returning an empty result")
        return CleanText()


def _clean_body(text: str) -> str:
    if not isinstance(text, str):
        return ""
    paras = normalize_paragraphs(PARAGRAPH_SPLIT.split(text))
    return PARAGRAPH_JOINER.join(_fixed_point(paras))


def clean_body_text(text: str) -> str:
    """Body-only cleaning of an already-joined text (paragraphs separated by blank lines)."""
    try:
        return _clean_body(text)
    except Exception:
        log.exception("clean_body_text failed; returning an empty body")
        return ""
