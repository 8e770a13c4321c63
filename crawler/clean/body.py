"""Paragraph-level cleaning: boilerplate lines, related links, captions, lead matter, sign-off footer."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache

from crawler.clean import byline, names
from crawler.clean import vocabulary as v
from crawler.clean.dateline import Dateline, split_dateline
from crawler.clean.lines import (
    CAPTION_MAX_WORDS,
    LINE_VERDICT_CACHE,
    fold_whitespace,
    heads_a_tip_call,
    in_data_record,
    is_boilerplate_line,
    is_caption,
    is_credit_line,
    is_credited_caption,
    is_headline_line,
    mentions_site,
    promotes_site,
    related_line,
    related_titles,
    site_credited_caption,
    site_keys_of,
    word_count,
)
from crawler.clean.profile import PortalProfile

LEAD_MAX_WORDS = 60  # captions and date/byline lines above a dateline: <= ~40 words (dev set)
"""A paragraph before the dateline longer than this is story text: the dateline search stops."""
CREDIT_NAME_MAX_WORDS = 5  # `LA ODE HAMZAH`: a photographer's name before the dateline
"""Words of a photo credit's name that may run on into the dateline after it."""
DATELINE_SEARCH_PARAGRAPHS = 5  # date line, `Reporter :`, `Editor :`, caption, then the story
"""Paragraphs at the top that may come before the one holding the dateline."""
FOOTER_MAX_WORDS = 40  # author-box bios and mottos seen after sign-offs are under 30 words
"""A paragraph after the sign-off longer than this is story text."""
TAIL_SEARCH = 8  # sign-off, tag words, author box name twice, bio, share lines ...
"""Paragraphs at the end searched for the sign-off."""
AUTHOR_BOX_MAX_LINES = 3  # the name, a bio, a link to the writer's posts
"""Paragraphs after an author-box heading at the story's end that are the box's."""
AUTHOR_BOX_LINE_MAX_WORDS = 60  # twice FOOTER_MAX_WORDS: a bio under its own heading runs longer
"""Words of one of those paragraphs: a longer one is story, and the heading is left alone."""
FOOTER_MAX_NAMES = 3  # author box: the name, the name again, a tag word; more lines are a list
"""Trailing name-like lines that can be an author box rather than the end of a list."""
FOOTER_MAX_SENTENCES = 1  # an author-box motto or one-line bio; two full sentences are story
"""Full sentences that may follow a sign-off and still be dropped as footer."""
SUMMARY_SEARCH = 3  # the repeated summary sits right above the story, once
"""Leading paragraphs checked for being a copy of a later one."""
SUMMARY_CONTAINMENT = 0.8  # a summary copy shares ~all its 3-grams; two lead sentences < 0.3
"""Share of a paragraph's word 3-grams found in a later paragraph for it to be that one's copy."""
TAG_WORDS_MAX = 3  # `ntb`, `pilkada banyuasin`: tag words printed after a story
"""Lower-case words a trailing tag line may have."""


_RELATED_HEADINGS = frozenset(v.RELATED_HEADINGS)


@dataclass
class BodyResult:
    """Clean paragraphs and everything lifted out of them."""

    paragraphs: list[str] = field(default_factory=list)
    fields: byline.BylineFields = field(default_factory=byline.BylineFields)
    dateline: Dateline | None = None
    agency_tags: list[str] = field(default_factory=list)
    related_links: list[str] = field(default_factory=list)
    syndicated_from: str | None = None


def normalize_paragraphs(paragraphs: Sequence[str]) -> list[str]:
    """Paragraph strings folded; blank ones dropped; a text holding blank lines split at them."""
    result: list[str] = []
    for paragraph in paragraphs or ():
        if not isinstance(paragraph, str):
            continue
        for piece in v.PARAGRAPH_SPLIT.split(paragraph):
            folded = fold_whitespace(piece)
            if folded and folded.strip(v.ZERO_WIDTH_JOINERS):
                result.append(folded)
    return result


def _matches_extra(paragraph: str, extra_keys: Sequence[str]) -> bool:
    key = names.fold_key(paragraph)
    return any(key == phrase or key.startswith(phrase) for phrase in extra_keys if phrase)


@lru_cache(maxsize=LINE_VERDICT_CACHE)  # both passes compare the same leading paragraphs
def _trigrams(text: str) -> frozenset[tuple[str, ...]]:
    tokens = [t.casefold() for t in v.WORD.findall(text)]
    if len(tokens) < 3:
        return frozenset({tuple(tokens)} if tokens else ())
    return frozenset(tuple(tokens[i : i + 3]) for i in range(len(tokens) - 2))


def drop_repeated_summary(paragraphs: list[str]) -> list[str]:
    """Without a leading paragraph that a later one repeats (a summary printed above the story).

    Only a paragraph with exactly one later copy is a summary: text repeated three times is not,
    and dropping it would let the next pass drop the next copy.
    """
    head = paragraphs[: 2 * SUMMARY_SEARCH]
    grams_of = [_trigrams(p) for p in head]
    drop: set[int] = set()
    for i in range(min(SUMMARY_SEARCH, len(head))):
        grams = grams_of[i]
        if not grams or i in drop:
            continue
        copies = [
            j
            for j in range(i + 1, len(head))
            if len(grams & grams_of[j]) >= SUMMARY_CONTAINMENT * len(grams)
            and len(grams_of[j]) >= len(grams)
        ]
        if len(copies) == 1 and copies[0] <= i + SUMMARY_SEARCH:
            drop.add(i)
    return [p for index, p in enumerate(paragraphs) if index not in drop]


def _strip_syndication(paragraph: str, result: BodyResult) -> str:
    lowered = paragraph.casefold()
    if not any(hint in lowered for hint in v.SYNDICATION_HINTS):
        return paragraph
    match = v.SYNDICATION.search(paragraph)
    if not match:
        return paragraph
    source = match.group("source").strip(' .,:"“”')
    if source and result.syndicated_from is None:
        result.syndicated_from = source
    return paragraph[: match.start()].rstrip()


def join_split_labels(paragraphs: list[str]) -> list[str]:
    """`Editor` / `: Nama` printed as two blocks become one line (`Editor: Nama`)."""
    result: list[str] = []
    for paragraph in paragraphs:
        if paragraph[:1] in ":：" and result and word_count(result[-1]) <= v.LEAD_LABEL_MAX_WORDS:
            result[-1] = f"{result[-1]}: {paragraph[1:].strip()}"
        else:
            result.append(paragraph)
    return result


def drop_lead_labels(paragraphs: list[str]) -> list[str]:
    """Without the kicker / category lines standing above the story's first sentence."""
    for index, paragraph in enumerate(paragraphs):
        if word_count(paragraph) >= v.PROSE_MIN_WORDS:
            return paragraphs[index:] if index else paragraphs
        is_label = (
            word_count(paragraph) <= v.LEAD_LABEL_MAX_WORDS
            and not v.SENTENCE_END.search(paragraph)
            and not any(q in paragraph for q in v.QUOTE_CHARS)
        )
        if not is_label:
            return paragraphs[index:]
    return paragraphs


def _classify_lines(
    paragraphs: list[str],
    result: BodyResult,
    *,
    title: str | None,
    site_name: str | None,
    extra_keys: Sequence[str],
    indonesian: bool,
    profile: PortalProfile | None = None,
) -> list[str]:
    """Drop whole-line boilerplate, lifting out related titles, byline fields and syndication;
    the portal's own lines of chrome (its profile) go last, once nothing else wants them."""
    kept: list[str] = []
    site_keys = site_keys_of(site_name)
    title_key = names.fold_key(title) if title else ""
    expecting_related = 0  # title lines a bare marker or a related box heading may still take
    after_marker = False  # those titles follow a bare marker: past the first, each a headline
    expecting_label: str | None = None
    expecting_answers = 0  # answer lines a reader poll's call may still take
    last = len(paragraphs) - 1
    for index, paragraph in enumerate(paragraphs):
        if extra_keys and _matches_extra(paragraph, extra_keys):
            continue
        if expecting_answers:
            expecting_answers -= 1
            short = word_count(paragraph) <= v.POLL_OPTION_MAX_WORDS
            if short and not v.SENTENCE_END.search(paragraph) and not is_credit_line(paragraph):
                continue
            expecting_answers = 0
        poll_sized = indonesian and word_count(paragraph) <= v.POLL_PROMPT_MAX_WORDS
        if poll_sized and v.POLL_PROMPT.search(paragraph):
            expecting_answers = v.POLL_MAX_OPTIONS
            continue
        opening = v.REPORT_LINE_OPENING.match(paragraph) if index == 0 else None
        if opening and names.looks_like_name(opening["name"]):
            result.fields.authors.append(opening["name"])
            continue
        if indonesian and "(" in paragraph:
            paragraph = _lift_bracketed_related(paragraph, result)
        if "[" in paragraph and v.SHORTCODE.search(paragraph):
            paragraph = fold_whitespace(v.SHORTCODE.sub(" ", paragraph))
            if not paragraph:
                continue
        if index < last and heads_a_tip_call(paragraph, paragraphs[index + 1]):
            continue
        if not indonesian:
            linked = related_line(paragraph)
            if linked is not None:
                result.related_links.extend(linked)
                continue
            learned = profile is not None and profile.is_line(paragraph)
            if not (
                is_boilerplate_line(paragraph, indonesian=False)
                or learned
                or is_credited_caption(paragraph)
            ):
                kept.append(paragraph)
            continue
        titles = related_titles(paragraph)
        if titles is None:
            titles = related_line(paragraph)  # `Don't miss: Judul`, `See also: Judul`
        if expecting_related and titles is None:
            box = expecting_related > 1 and not after_marker
            first = after_marker and expecting_related == v.RELATED_BOX_MAX_TITLES
            expecting_related -= 1
            limit = v.RELATED_BOX_TITLE_MAX_WORDS if box else v.RELATED_TITLE_MAX_WORDS
            ends_sentence = paragraph.rstrip().endswith(".")
            headline = first or not after_marker or is_headline_line(paragraph)
            credit = is_credit_line(paragraph)
            if word_count(paragraph) <= limit and not ends_sentence and headline and not credit:
                result.related_links.append(paragraph)
                continue
            expecting_related = 0
        if expecting_label:
            kind, expecting_label = expecting_label, None
            fields = byline.parse_byline_line(f"{kind}: {paragraph}", site_name=site_name)
            if fields and names.looks_like_name(paragraph):
                result.fields.extend(fields)
                continue
        if title_key and names.fold_key(paragraph) == title_key:
            continue
        if titles is not None:
            result.related_links.extend(titles)
            expecting_related = 0
            if not titles:
                heading = names.fold_key(paragraph).strip(" :.-–—[]()")
                box = heading in _RELATED_HEADINGS
                # a bare marker may head a list of titles too (`Baca Juga:` and two headlines);
                # past the first, each must read as a headline (is_headline_line)
                expecting_related = v.RELATED_BOX_MAX_TITLES
                after_marker = not box
            continue
        if v.PREV_NEXT_LABEL.match(paragraph):
            expecting_related, after_marker = 1, False  # the neighbouring post's title follows
            continue
        bare = byline.bare_label_kind(paragraph)
        if bare:
            expecting_label = {"author": "penulis", "editor": "editor"}.get(bare, "publish")
            continue
        fields = (
            None
            if v.RECORD_FIELD_LINE.match(paragraph) and in_data_record(paragraphs, index)
            else byline.parse_byline_line(paragraph, site_name=site_name)
        )
        if fields is None:  # a byline line with every field skipped is dropped all the same
            fields = byline.dated_byline(paragraph, site_name=site_name)
        if fields is not None:
            result.fields.extend(fields)
            continue
        paragraph = _strip_syndication(paragraph, result)
        source = v.SOURCE_LINE.match(paragraph)
        if source and word_count(source.group("source")) <= v.SOURCE_MAX_WORDS:
            if result.syndicated_from is None:
                result.syndicated_from = source.group("source").strip(" .")
            continue
        if is_boilerplate_line(paragraph) or is_caption(paragraph):
            continue
        if site_keys and promotes_site(paragraph, site_keys):
            continue
        if site_keys and index < last and site_credited_caption(paragraph, site_keys):
            continue
        if profile is not None and profile.is_line(paragraph):
            continue
        kept.append(paragraph)
    return kept


def _lift_bracketed_related(paragraph: str, result: BodyResult) -> str:
    """A paragraph without the related links it holds in brackets (`(Baca: Judul)`), their
    titles kept."""
    found = v.RELATED_IN_BRACKETS.findall(paragraph)
    if not found:
        return paragraph
    result.related_links.extend(title.strip() for title in found)
    return fold_whitespace(v.RELATED_IN_BRACKETS.sub(" ", paragraph))


def _learned_dateline(paragraphs: list[str], profile: PortalProfile) -> tuple[int, Dateline] | None:
    """The portal's own dateline (a shape its profile learned) on the paragraph opening the story
    or a short one above it."""
    for index in range(min(DATELINE_SEARCH_PARAGRAPHS, len(paragraphs))):
        found = profile.split_dateline(paragraphs[index])
        if found is not None:
            return index, found
        if word_count(paragraphs[index]) >= v.PROSE_MIN_WORDS:
            break
    return None


def _find_dateline(
    paragraphs: list[str], site_hints: Sequence[str], profile: PortalProfile | None = None
) -> tuple[int, Dateline] | None:
    """Index and dateline of the paragraph opening the story, searching past lead matter."""
    if profile is not None:
        learned = _learned_dateline(paragraphs, profile)
        if learned is not None:
            return learned
    weak: tuple[int, Dateline] | None = None
    story_seen = False
    for index in range(min(DATELINE_SEARCH_PARAGRAPHS, len(paragraphs))):
        found = split_dateline(
            paragraphs[index], site_hints=site_hints, strict=index > 0, known_places=not story_seen
        )
        # after a story sentence, only a dateline that opens the text on its own line counts: a
        # line that is nothing but `Nama | Outlet` there is a sign-off, not where the story starts
        if found is not None and not (story_seen and not found.rest):
            if found.strong or found.outlet is not None:
                return (index, found) if weak is None or found.outlet else weak
            if weak is None:
                weak = (index, found)
        if word_count(paragraphs[index]) > LEAD_MAX_WORDS:
            break
        story_seen = story_seen or _is_story_sentence(paragraphs[index])
    return weak


def _is_story_sentence(paragraph: str) -> bool:
    """A paragraph of story prose: a sentence of PROSE_MIN_WORDS words or more, no caption (nor
    a short one closing with an `(Outlet/Nama)` credit: above the dateline, a photo's)."""
    return (
        word_count(paragraph) >= v.PROSE_MIN_WORDS
        and bool(v.SENTENCE_END.search(paragraph))
        and not is_caption(paragraph)
        and not (
            word_count(paragraph) <= CAPTION_MAX_WORDS and v.SLASH_CREDIT_END.search(paragraph)
        )
    )


def _cut_caption_before_dateline(paragraphs: list[str], site_hints: Sequence[str]) -> list[str]:
    """A caption whose capitalised photo credit runs into the dateline in one paragraph (`... FOTO:
    OUTLET/NAMA FOTOGRAFER KONAWE, outlet.com – story`) cut off where a dateline of a place the
    gazetteer knows begins."""
    for index in range(min(DATELINE_SEARCH_PARAGRAPHS, len(paragraphs))):
        credit = v.CAPS_PHOTO_CREDIT.search(paragraphs[index])
        if credit is None:
            continue
        after = paragraphs[index][credit.end() :]
        starts = [m.start() for m in re.finditer(r"(?<!\S)\S", after)][: CREDIT_NAME_MAX_WORDS + 1]
        for start in starts[1:]:  # the photographer's name has a word at least
            found = split_dateline(after[start:], site_hints=site_hints)
            if found is not None and found.place and names.is_indonesian_place(found.place):
                return [*paragraphs[:index], after[start:], *paragraphs[index + 1 :]]
    return paragraphs


def _lift_report_bylines(paragraphs: list[str], result: BodyResult) -> tuple[list[str], str | None]:
    """`Laporan Wartawan Outlet, Nama | PLACE – story`: the credit's people to the fields, the
    paragraph from the dateline on, and the outlet the credit named (for a dateline naming none)."""
    for index in range(min(DATELINE_SEARCH_PARAGRAPHS, len(paragraphs))):
        match = v.REPORT_BYLINE_BEFORE_DATELINE.match(paragraphs[index])
        if match is None or split_dateline(match["rest"]) is None:
            continue
        fields = byline.parse_byline_line(match["report"])
        if fields is None:
            continue
        result.fields.extend(fields)
        rest = [*paragraphs[:index], match["rest"], *paragraphs[index + 1 :]]
        return rest, match["outlet"].strip()
    return paragraphs, None


def _apply_dateline(
    paragraphs: list[str],
    result: BodyResult,
    site_hints: Sequence[str],
    profile: PortalProfile | None = None,
) -> list[str]:
    paragraphs, report_outlet = _lift_report_bylines(paragraphs, result)
    paragraphs = _cut_caption_before_dateline(paragraphs, site_hints)
    found = _find_dateline(paragraphs, site_hints, profile)
    if found is None:
        return paragraphs
    index, dateline = found
    if dateline.outlet is None and report_outlet:  # the outlet the credit named
        dateline = replace(dateline, outlet=report_outlet)
    result.dateline = dateline
    rest = [dateline.rest] if dateline.rest else []
    return rest + paragraphs[index + 1 :]


def _harvest_footer(paragraph: str, result: BodyResult, site_name: str | None) -> None:
    """The fields of a line closing the story: a posting account, or a reporter signing with
    the outlet. A bare name there (an author box's) names no one the page vouches for."""
    if names.is_account(paragraph, site_name=site_name):
        result.fields.posted_by.append(paragraph.strip())
    elif (named := _name_before_outlet(paragraph, site_name)) is not None:
        result.fields.authors.append(names.clean_name(named))  # signed with the outlet


def _name_before_outlet(paragraph: str, site_name: str | None) -> str | None:
    """The name of a `Nama | Outlet` / `Nama - Kabarcontoh.com` line: a reporter signing with the
    outlet (byline.strip_outlet_suffix), else None."""
    name = byline.strip_outlet_suffix(paragraph.strip(), site_name=site_name)
    return name if name != paragraph.strip() and names.looks_like_name(name) else None


def _is_tag_words(paragraph: str) -> bool:
    words = paragraph.split()
    return 1 <= len(words) <= TAG_WORDS_MAX and all(w.isalpha() and w.islower() for w in words)


def _is_footer_line(paragraph: str, site_name: str | None) -> bool:
    """A line that cannot end a story: an account, a bare name, tag words, hashtags."""
    if v.SENTENCE_END.search(paragraph) and not names.looks_like_name(paragraph):
        return False
    return (
        names.is_account(paragraph, site_name=site_name)
        or names.looks_like_name(paragraph)
        or _name_before_outlet(paragraph, site_name) is not None
        or _is_tag_words(paragraph)
        or byline.is_hashtag_line(paragraph)
    )


def _is_definite_footer(paragraph: str, site_name: str | None) -> bool:
    """An account, tag words, hashtags or a name signed with the outlet: never story text,
    whatever precedes them."""
    return (
        names.is_account(paragraph, site_name=site_name)
        or _name_before_outlet(paragraph, site_name) is not None
        or _is_tag_words(paragraph)
        or byline.is_hashtag_line(paragraph)
    )


def _drop_author_box(paras: list[str]) -> list[str]:
    """Without an author box that a heading of its own (`Tentang Penulis`) opens near the end:
    the heading and up to AUTHOR_BOX_MAX_LINES short paragraphs after it, in any language."""
    for index in range(len(paras) - 1, max(0, len(paras) - 2 - AUTHOR_BOX_MAX_LINES), -1):
        if v.AUTHOR_BOX_HEADING.match(paras[index]):
            box = paras[index + 1 :]
            if all(word_count(p) <= AUTHOR_BOX_LINE_MAX_WORDS for p in box):
                return paras[:index]
            break
    return paras


def _looks_like_author_box(run: list[str], site_name: str | None) -> bool:
    """An account, a name printed twice, or a name with a degree: an author box, not a list."""
    keys = [names.fold_key(names.clean_name(p)) for p in run]
    return (
        any(names.is_account(p, site_name=site_name) for p in run)
        or len(set(keys)) < len(keys)
        or any(names.clean_name(p) != p.strip() for p in run)
    )


def _drop_unsigned_footer(paras: list[str], result: BodyResult, site_name: str | None) -> list[str]:
    """Without the author box / tag lines closing a story that has no sign-off.

    Bare names go only as a short run that reads as an author box and follows no list
    introduction (`...:`): a story may end with a list of villages or officials.
    """
    if len(paras) < 2:  # a footer follows a story
        return paras
    start = len(paras)
    while start > 1 and _is_footer_line(paras[start - 1], site_name):
        start -= 1
    run = paras[start:]
    is_list = (
        len(run) > FOOTER_MAX_NAMES
        or paras[start - 1].rstrip().endswith(":")
        or not _looks_like_author_box(run, site_name)
    )
    if run and is_list:
        start = len(paras)
        while start > 1 and _is_definite_footer(paras[start - 1], site_name):
            start -= 1
    for paragraph in paras[start:]:
        _harvest_footer(paragraph, result, site_name)
    return paras[:start]


def _has_signoff(paragraph: str, site_name: str | None, outlet: str | None) -> bool:
    if byline.own_line_signoff(paragraph, site_name=site_name, outlet=outlet):
        return True
    if byline.strip_trailing_byline(paragraph, site_name=site_name)[1]:
        return True
    _, signoff, marker = byline.strip_trailing_signoff(
        paragraph, site_name=site_name, outlet=outlet
    )
    return signoff is not None or marker is not None


def _record_signoff(signoff: byline.Signoff | None, result: BodyResult) -> None:
    if signoff is None:
        return
    if signoff.author:
        result.fields.authors.append(signoff.author)
    if signoff.editor:
        result.fields.editors.append(signoff.editor)
    if signoff.tag:
        result.agency_tags.append(signoff.tag)


def _lift_learned_signoff(
    paras: list[str], result: BodyResult, profile: PortalProfile
) -> list[str]:
    """Without the portal's own sign-off (a shape its profile learned), recorded as agency tag."""
    for index in range(len(paras) - 1, max(-1, len(paras) - 1 - TAIL_SEARCH), -1):
        found = profile.strip_signoff(paras[index])
        if found is not None:
            rest, code = found
            if code:
                result.agency_tags.append(code)
            if rest.strip(" .,"):
                paras[index] = rest
            else:
                del paras[index]
            return paras
        if word_count(paras[index]) > FOOTER_MAX_WORDS:
            break
    return paras


def _describes_the_sites_writer(paragraph: str, site_name: str | None) -> bool:
    """An author box's bio closing the story: a writer or account described as the site's own
    (`Nama adalah jurnalis Outlet yang meliput ...`)."""
    if not v.SELF_DESCRIPTION.match(paragraph) or word_count(paragraph) > FOOTER_MAX_WORDS * 2:
        return False
    return mentions_site(paragraph, site_keys_of(site_name))


def _apply_tail(
    paragraphs: list[str],
    result: BodyResult,
    site_name: str | None,
    profile: PortalProfile | None = None,
) -> list[str]:
    """Lift the sign-off(s) off the story's end and drop the footer printed after them."""
    paras = list(paragraphs)
    if len(paras) > 1 and _describes_the_sites_writer(paras[-1], site_name):
        paras = paras[:-1]
    if profile is not None and profile.signoffs:
        paras = _lift_learned_signoff(paras, result, profile)
    outlet = result.dateline.outlet if result.dateline else None
    anchor = None
    for index in range(len(paras) - 1, max(-1, len(paras) - 1 - TAIL_SEARCH), -1):
        if _has_signoff(paras[index], site_name, outlet):
            anchor = index
            break
        if word_count(paras[index]) > FOOTER_MAX_WORDS:
            break
    if anchor is not None:
        sentences_after = sum(
            word_count(p) >= v.PROSE_MIN_WORDS and bool(v.SENTENCE_END.search(p))
            for p in paras[anchor + 1 :]
        )
        if sentences_after > FOOTER_MAX_SENTENCES:
            anchor = None  # story goes on after it: not the closing sign-off
    if anchor is None:
        return _drop_unsigned_footer(paras, result, site_name)
    for paragraph in paras[anchor + 1 :]:
        _harvest_footer(paragraph, result, site_name)
    del paras[anchor + 1 :]
    index = anchor
    while index >= 0:
        own = byline.own_line_signoff(paras[index], site_name=site_name, outlet=outlet)
        if own is not None:
            _record_signoff(own, result)
            del paras[index]
            index -= 1
            continue
        rest, trailing_fields = byline.strip_trailing_byline(paras[index], site_name=site_name)
        if trailing_fields:
            result.fields.extend(trailing_fields)
            paras[index] = rest
            continue
        rest, signoff, marker = byline.strip_trailing_signoff(
            paras[index], site_name=site_name, outlet=outlet
        )
        if signoff is None and marker is None:
            break
        _record_signoff(signoff, result)
        if rest.strip(" .,"):
            paras[index] = rest
        else:
            del paras[index]
            index -= 1
    return paras


RELEASE_END_SHARE = 0.6  # gen-html-d 05's `###` comes after 87 % of its text, its About after
"""Share of the text a press release's closing mark comes after; an issuer's `About` section and
contacts are the last fifth or less of a release."""


def _until_release_end(paragraphs: list[str]) -> list[str]:
    """A press release up to its closing mark (`###`, `-30-`), in any language: what follows it is
    the issuer's `About ...` section and media contacts, not the story. A mark before
    RELEASE_END_SHARE of the text divides the story instead, and goes with the line rules."""
    total = sum(len(p) for p in paragraphs)
    seen = 0
    for index, paragraph in enumerate(paragraphs):
        if seen >= RELEASE_END_SHARE * total and v.RELEASE_END.match(paragraph):
            return paragraphs[:index]
        seen += len(paragraph)
    return paragraphs


CLOSING_CREDIT_MAX_WORDS = 20  # `Texto: Nama | Fotos: Nama | Edição: Nama` runs to 9
"""Words of a labelled credit line closing a story in another language; a longer line is prose."""
CLOSING_CREDITS_MAX = 3
"""Labelled credit lines read back from a story's end (writer, photographer, editor)."""


def _lift_closing_credits(
    paragraphs: list[str], result: BodyResult, site_name: str | None
) -> list[str]:
    """A story in another language without the labelled credit lines that close it (`Text: Nama
    Fotos: Nama`, `Texto: Nama`): their names go to the result's fields, as the Indonesian
    grammar's sign-offs do. A line must hold a colon and parse as a byline line's fields only."""
    end = len(paragraphs)
    while end > 0 and len(paragraphs) - end < CLOSING_CREDITS_MAX:
        line = paragraphs[end - 1]
        if ":" not in line or word_count(line) > CLOSING_CREDIT_MAX_WORDS:
            break
        fields = byline.parse_byline_line(line, site_name=site_name)
        if not fields:
            break
        result.fields.extend(fields)
        end -= 1
    return paragraphs[:end]


def _drop_adjacent_duplicates(paragraphs: list[str]) -> list[str]:
    """Without a sentence printed twice in a row (short cells such as table numbers may repeat)."""
    result: list[str] = []
    for paragraph in paragraphs:
        repeated = result and names.fold_key(result[-1]) == names.fold_key(paragraph)
        if repeated and word_count(paragraph) >= v.PROSE_MIN_WORDS:
            continue
        result.append(paragraph)
    return result


def clean_paragraphs(
    paragraphs: Sequence[str],
    *,
    title: str | None = None,
    site_name: str | None = None,
    extra_phrases: Sequence[str] = (),
    indonesian: bool = True,
    profile: PortalProfile | None = None,
    site_hints: Sequence[str] = (),
) -> BodyResult:
    """One cleaning pass over an article's text blocks; fields lifted out on the result.

    `indonesian=False` (text detected as another language) removes only language-neutral widget
    lines and `extra_phrases`; the Indonesian grammar (dateline, bylines, sign-offs) stays off.
    `profile` is the portal's learned chrome; `site_hints` more names of the site (its
    `og:site_name`, host, publisher) that a dateline's outlet may be.
    """
    result = BodyResult()
    extra_keys = [names.fold_key(p) for p in extra_phrases or () if isinstance(p, str)]
    paras = _drop_author_box(join_split_labels(normalize_paragraphs(paragraphs)))
    paras = _until_release_end(paras)
    paras = _classify_lines(
        paras,
        result,
        title=title,
        site_name=site_name,
        extra_keys=extra_keys,
        indonesian=indonesian,
        profile=profile,
    )
    if indonesian:
        hints = [site_name] if site_name else []
        hints += [h for h in site_hints if h and h not in hints]
        if profile is not None:
            hints += [h for h in profile.site_hints() if h not in hints]
        paras = drop_repeated_summary(paras)
        paras = _apply_dateline(paras, result, hints, profile)
        paras = drop_lead_labels(paras)
        paras = _apply_tail(paras, result, site_name, profile)
    else:
        paras = _lift_closing_credits(paras, result, site_name)
    result.paragraphs = _drop_adjacent_duplicates([p for p in paras if p.strip()])
    return result
