"""Datelines: `PLACE, OUTLET –` and its regional variants, split into place and outlet fields.

A small left-to-right parser over the opening of a paragraph: parts (a domain, a name in capitals,
an outlet in parentheses, a date) joined by separators, ending at the dateline's own separator.
Every cut point is a candidate; the longest one whose parts read as at most one place and at most
one outlet wins, so a dash later in the story or inside an outlet name is never mistaken for it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from crawler.clean import names
from crawler.clean import vocabulary as v

_INSTITUTIONS = frozenset(v.INSTITUTION_WORDS)
_PROVINCES = frozenset(v.PROVINCE_NAMES + v.PROVINCE_NAMES_ENGLISH)
_PLACE_ABBREVIATIONS = frozenset(v.PLACE_ABBREVIATIONS)

SITE_NAME_COVERAGE = 0.75  # `MUKOMUKO` = 8/13 of `radarmukomuko` (a place); `JABARNEWS` = all
"""Share of a site's name a dateline name must cover to be read as the outlet."""
LONE_CAPS_MIN_LETTERS = 5  # `BOGOR,` is a dateline; `KPK,` / `PLN,` open sentences about agencies
"""Letters a lone all-caps place needs to end at a bare comma."""
MAX_TLD_LETTERS = 4  # `.Com`, `.News`: a longer label after the dot is a name (`.KalselKini`)
"""Letters of the longest domain ending written in capitals in a dateline."""
OWN_LINE_MAX_WORDS = 8  # `Swaramalut.com- Halut`, `BANYUASIN, SITE.COM –`; a longer line is text
"""Words of a dateline standing on a line of its own."""


@dataclass(frozen=True)
class Dateline:
    """A dateline found at the start of a paragraph."""

    place: str | None
    outlet: str | None
    prefix: str
    """The text removed from the paragraph (dateline and its separator)."""
    rest: str
    """The paragraph after the dateline (empty when the dateline stood on its own line)."""
    strong: bool = True
    """False when it ends at a bare `:`, `;` or `,` (a caption keyword can look the same)."""


@dataclass(frozen=True)
class _Part:
    kind: str  # domain | paren | date | name | glued
    text: str
    end: int
    glued: bool = False  # runs straight into the next word (`comSAMPANG`, `SAMPANGPemkab`)


SITE_STEMS_CACHE = 256  # one hint list per portal (name, host, learned outlets) and pass
"""Site-hint lists whose stems are remembered."""


@lru_cache(maxsize=SITE_STEMS_CACHE)
def _site_stems(site_hints: tuple[str, ...]) -> list[str]:
    stems = []
    for hint in site_hints:
        if not hint:
            continue
        stem = names.outlet_stem(hint)
        if stem:
            stems.append(stem)
    return stems


def _matches_site(text: str, stems: Sequence[str]) -> bool:
    key = names.compact_key(text)
    if len(key) < 2:
        return False
    for stem in stems:
        if key == stem or (key in stem and len(key) >= SITE_NAME_COVERAGE * len(stem)):
            return True
        if stem in key and len(stem) >= SITE_NAME_COVERAGE * len(key):
            return True
        if text.isupper() and 2 <= len(key) <= 4 and key[0] == stem[0]:
            position = 0
            for letter in key[1:]:
                position = stem.find(letter, position + 1)
                if position < 0:
                    break
            else:
                return True  # initials: `PB` for pedomanbengkulu
    return False


def _role(part: _Part, stems: Sequence[str], outlet_written: bool = False) -> str:
    """`outlet`, `province`, `place`, `date` or `weak-outlet` (a short code in capitals).

    `outlet_written`: another part writes the outlet as a domain or in brackets; a name that
    only resembles the site's name is then the place the portal is named after (`BONE,
    bonesatu.com –`, `Tarakan, Tarakanku.id -`)."""
    if part.kind in ("domain", "paren"):
        return "outlet"
    if part.kind == "date":
        return "date"
    text = part.text
    key = " ".join(text.casefold().split())
    if key in _PLACE_ABBREVIATIONS:
        return "place"
    if key in _PROVINCES:
        return "province"
    first = key.split()[0]
    if (
        first in _INSTITUTIONS
        or v.CAMEL_CASE_WORD.search(text)
        or names.has_outlet_word(text)
        or (
            not outlet_written
            and _matches_site(text, stems)
            # `PURBALINGGA –` on purbalinggaku.com: a place the gazetteer knows stays the place
            and not names.is_indonesian_place(text)
        )
    ):
        return "outlet"
    if text.isupper() and len(text) <= 4 and " " not in text:
        return "weak-outlet"
    return "place"


def _match_part(text: str, pos: int, previous: _Part | None) -> _Part | None:
    if previous is not None and previous.glued:
        match = v.DATELINE_GLUED_CAPS.match(text, pos)
        if match:
            return _Part("glued", match["seg"], match.end(), glued=True)
        return None
    if pos == 0:
        match = v.DATELINE_BRACKETED_PLACE.match(text)
        if match:
            return _Part("name", match["seg"].strip(), match.end())
    for kind, pattern in (
        ("date", v.DATELINE_DATE),
        ("paren", v.DATELINE_PAREN),
        ("domain", v.DATELINE_DOMAIN),
        ("name", v.DATELINE_NAME),
    ):
        match = pattern.match(text, pos)
        if not match:
            continue
        seg = match["seg"]
        end = match.end()
        glued = end < len(text) and text[end].isalpha()
        if kind == "paren":
            end = match.end()
            glued = False
        elif glued and kind != "domain":
            return None
        return _Part(kind, seg.strip(), end, glued)
    return None


def _split_place_domain(part: _Part) -> list[_Part]:
    """`Banyuasin.Sibanews.com` -> place `Banyuasin` + outlet `Sibanews.com`."""
    labels = part.text.split(".")
    if (
        part.kind == "domain"
        and len(labels) >= 3
        and labels[0][:1].isupper()
        and labels[0][1:].islower()
        and labels[1][:1].isupper()
    ):
        return [_Part("name", labels[0], part.end), _Part("domain", ".".join(labels[1:]), part.end)]
    if (  # `Martapura.KalselKini -`: a place the gazetteer knows, a dot, the outlet's name
        part.kind == "name"
        and len(labels) == 2
        and labels[1][:1].isupper()
        and len(labels[1]) > MAX_TLD_LETTERS
        and names.is_indonesian_place(labels[0])
    ):
        return [_Part("name", labels[0], part.end), _Part("name", labels[1], part.end)]
    return [part]


def _has_brand_capitals(text: str) -> bool:
    """All capitals, or a capitalised code that is no province (`CNBC Indonesia`, not `Kota Bima`)."""
    if text.isupper():
        return True
    return any(
        word.isupper() and len(word) >= 2 and word.casefold() not in _PROVINCES
        for word in text.split()
    )


def _joiner(separator: str) -> str:
    """How two names of one place are written back: `Bandung, Jawa Barat`, `Ambon/Seram`."""
    if "," in separator:
        return ", "
    return "/" if "/" in separator else " "


def _assign(
    parts: list[_Part], separators: list[str], stems: Sequence[str]
) -> tuple[str | None, str | None] | None:
    """(place, outlet) when the parts read as <= 1 place and <= 1 outlet, else None."""
    place: str | None = None
    outlet: str | None = None
    weak: list[str] = []
    outlet_written = any(part.kind in ("domain", "paren") for part in parts)
    for index, part in enumerate(parts):
        role = _role(part, stems, outlet_written)
        if role == "date":
            continue
        if role == "province" and place is not None:
            place = f"{place}{_joiner(separators[index - 1])}{part.text}"
            continue
        if role == "outlet":
            if outlet is not None:
                return None
            outlet = part.text
            continue
        if role == "weak-outlet":
            weak.append(part.text)
            continue
        if place is not None:
            if names.is_region(part.text):  # `SUMSEL, BANYUASIN –`: the regency after the province
                place = f"{place}{_joiner(separators[index - 1])}{part.text}"
                continue
            if outlet is None and _has_brand_capitals(part.text):
                outlet = part.text  # `MAKASSAR, FAJAR –`, `Jakarta, CNBC Indonesia –`
                continue
            return None
        place = part.text
    for code in weak:
        if outlet is None and place is not None:
            outlet = code
        elif place is None:
            place = code
        else:
            return None
    if place is None and outlet is None:
        return None
    return place, outlet


def _is_caps_or_brand(part: _Part) -> bool:
    return part.kind in ("domain", "paren", "date", "glued") or part.text.isupper()


def _is_lone_caps_place(part: _Part) -> bool:
    """`JAKARTA, Presiden ...`: one capitalised place may end at a comma if it is long enough."""
    letters = sum(c.isalpha() for c in part.text)
    return part.kind == "name" and part.text.isupper() and letters >= LONE_CAPS_MIN_LETTERS


def _candidate(
    text: str,
    parts: list[_Part],
    separators: list[str],
    end: int,
    *,
    stems: Sequence[str],
    strict: bool,
    known_places: bool = False,
) -> Dateline | None:
    rest = text[end:]
    final = separators[-1] if separators else ""
    own_line = not rest.strip()
    final_chars = set(final.strip())
    if final_chars & v.DATELINE_INNER_ONLY:
        return None
    if own_line:
        if len(text[:end].split()) > OWN_LINE_MAX_WORDS:
            return None
        if not final_chars and not (len(parts) >= 2 or parts[0].kind == "domain"):
            return None
    elif final == "glue":
        if not v.STORY_START.match(rest) or not rest[:1].isupper():
            return None
    else:
        if not final_chars or not v.STORY_START.match(rest):
            return None
        if final_chars & v.DATELINE_FINAL_STRONG:
            glued_both = final == final.strip()
            if glued_both and not (rest[:1].isupper() and rest[1:2].islower()):
                return None  # `Covid-19`: a hyphenated word, not `Sikka-Bupati`
        else:  # `:`, `;` or `,` only
            if parts[-1].kind not in ("domain", "paren") and any(
                set(sep) & v.DATELINE_FINAL_STRONG for sep in separators[:-1]
            ):
                return None  # `OUTLET – Bupati X, ...`: the dash already ended the dateline
            # (`Banyuasin | Kabarcontoh.com:` ends at the outlet's own colon)
            # after capitals; `:` / `;` also after a domain or bracketed outlet (`Garut, X.com:`)
            has_brand = any(p.kind in ("domain", "paren") for p in parts) and "," not in final
            # RRI's `KBRN, Ternate:`: a station's code in capitals, then an Indonesian place
            has_brand = has_brand or (
                len(parts) == 2
                and parts[0].text.isupper()
                and len(parts[0].text) <= 5
                and names.is_indonesian_place(parts[1].text)
            )
            if not has_brand and not all(_is_caps_or_brand(p) for p in parts):
                return None
            if "," in final_chars and not rest[:1].isupper():
                return None
            if "," in final_chars and len(parts) < 2 and not _is_lone_caps_place(parts[0]):
                return None
    strong_end = bool(final_chars & v.DATELINE_FINAL_STRONG)
    roles = _assign(parts, separators, stems)
    if roles is None:
        return None
    place, outlet = roles
    if (
        strict
        and not own_line
        and outlet is None
        and not (place or "").isupper()
        # `Muara Enim, Rabu (5/3/2025) –` under a caption: a place the gazetteer knows, dashed
        and not (known_places and strong_end and names.is_indonesian_place(place or ""))
    ):
        return None
    prefix = text[:end]
    hashtag = v.HASHTAG_UNIT_TOKEN.match(rest)
    if hashtag and not own_line:
        prefix = text[: end + hashtag.end()]
        rest = rest[hashtag.end() :]
    strong = own_line or final == "glue" or strong_end
    return Dateline(place=place, outlet=outlet, prefix=prefix, rest=rest.strip(), strong=strong)


def split_dateline(
    paragraph: str,
    *,
    site_hints: Sequence[str] = (),
    strict: bool = False,
    known_places: bool = False,
) -> Dateline | None:
    """The dateline opening a paragraph and the story after it, or None.

    `site_hints` (site name, host) help tell an outlet from a place; `strict` (for paragraphs
    after the first) demands an outlet, a place in capitals or a dateline on its own line, or
    with `known_places` (lead matter such as a caption above it, no story yet) a place the
    gazetteer knows before a dash.
    """
    text = (paragraph or "").strip()
    if not text:
        return None
    stems = _site_stems(tuple(site_hints))
    parts: list[_Part] = []
    separators: list[str] = []
    candidates: list[tuple[int, list[_Part], list[str]]] = []
    pos = 0
    while len(parts) < v.DATELINE_MAX_SEGMENTS and pos < v.DATELINE_MAX_CHARS:
        part = _match_part(text, pos, parts[-1] if parts else None)
        if part is None:
            break
        pieces = _split_place_domain(part)
        for piece in pieces[:-1]:
            parts.append(piece)
            separators.append(".")
        parts.append(pieces[-1])
        pos = part.end
        if pos >= len(text):
            separators.append("")
            candidates.append((pos, list(parts), list(separators)))
            break
        if part.glued:
            separators.append("glue")
            candidates.append((pos, list(parts), list(separators)))
            continue
        if text.startswith("(", pos) and part.kind == "name":
            separators.append("")  # `KOTABARU(BK88)-`: the outlet's bracket glued to the place
            continue
        match = v.DATELINE_SEPARATOR.match(text, pos)
        if not match or match.end() == pos:
            break
        separators.append(match["sep"])
        pos = match.end()
        candidates.append((pos, list(parts), list(separators)))
    for end, cand_parts, cand_seps in reversed(candidates):
        found = _candidate(
            text, cand_parts, cand_seps, end, stems=stems, strict=strict, known_places=known_places
        )
        if found is not None:
            return found
    return None if strict else _place_and_full_stop(text)


def _place_and_full_stop(text: str) -> Dateline | None:
    """`Medan. A long-promised canal ...`: the English Indonesian press's dateline, a place and a
    full stop; only an Indonesian place the gazetteer knows (a sentence of one word is rare, a
    one-word place name opening a story's first line is this form)."""
    match = v.FULL_STOP_DATELINE.match(text)
    if match is None or not names.is_indonesian_place(match["place"]):
        return None
    return Dateline(
        place=match["place"],
        outlet=None,
        prefix=text[: match.end()].rstrip(),
        rest=text[match.end() :].strip(),
    )


def is_bold_dateline(text: str) -> bool:
    """True for a bold run that is a whole dateline with no separator of its own, `Outlet.com,
    Place` or `Place, Outlet.com` (the page's bold markup is the only separator: extraction adds
    one so `split_dateline` can cut there)."""
    text = text.strip()
    if not text or len(text) > v.DATELINE_MAX_CHARS or text.count(",") != 1:
        return False
    first, second = (part.strip() for part in text.split(","))
    for outlet, place in ((first, second), (second, first)):
        found = v.DATELINE_DOMAIN.fullmatch(outlet)
        words = place.split()
        if (
            found
            and 0 < len(words) <= v.DATELINE_MAX_NAME_WORDS
            and all(w[:1].isupper() for w in words)
        ):
            return True
    return False
