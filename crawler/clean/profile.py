"""A portal's learned profile: the chrome its own articles repeat, and how cleaning removes it.

A profile is learned by `crawler.profiles` from a portal's article pages (what repeats across them
after masking numbers and dates); this module holds what was learned and the pure functions the
cleaning grammar calls to apply it. A profile only removes (lines, a dateline prefix, a sign-off
suffix, a title affix, a name taken for an author); it never adds text.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from crawler.clean import names
from crawler.clean import vocabulary as v
from crawler.clean.dateline import Dateline

PROFILE_FORMAT = 1
"""Version of the mask and of the JSON below: a stored profile of another format is ignored (and
learned again), since its keys were made by another mask."""

DAY_WORDS = frozenset(v.DAY_NAMES) | {
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
}  # fmt: skip
MONTH_WORDS = frozenset(v.MONTH_NAMES)
"""Day and month names masked as `<d>` / `<m>` (Indonesian and English): a date header changes
every day but is one line of chrome."""

LINE_MAX_CHARS = 400  # 3x the longest annotated boilerplate paragraph of the dev sets (~130)
"""Longer paragraphs are never profile lines (story text); it also bounds the masking work."""
HEAD_PARAGRAPHS = 8  # date line, byline lines, caption, widget labels: <= 5 in the dev sets, + 3
"""Paragraphs at an article's top that may stand above (or be) the one opening the story."""
SEGMENT_SLACK = 10  # the separator after the dateline's last segment may start at char 90
"""Characters read past DATELINE_MAX_CHARS when an opening is cut into segments."""
OPENING_MAX_SEGMENTS = v.DATELINE_MAX_SEGMENTS
"""Segments of a paragraph's opening read for a learned dateline (place, outlet, place, story)."""
SIGNOFF_MAX_WORDS = 6  # `(KS. 17*)`, `(Nama/Kode)`: a bracketed code is a few tokens
"""Words of a sign-off candidate (a bracketed suffix, a short own line, a run after the last stop)."""
SIGNOFF_RUN_MAX_WORDS = 3  # `KS/17`, `Red: KS`: an unbracketed code after the last full stop
"""Words of an unbracketed sign-off run after the story's last sentence."""
SIGNOFF_TAIL_MAX_CHARS = 40  # twice the longest dev-set sign-off `(irw/ce2/ray/jpnn)`
"""Characters of a sign-off candidate."""
TITLE_AFFIX_MAX_WORDS = 5  # `Kabar Satu`, `SUARAKITA.CO`, `Portal Berita Kabar Satu Online`
"""Words a title prefix or suffix (the site's name) may have."""
TITLE_MIN_WORDS = 2  # a headline left with one word was not a headline plus an affix
"""Words a title must keep after its affix is removed."""

_MASK_TOKEN = re.compile(r"\d+|[^\W\d_]+")
_SPACE = re.compile(r"\s+")
_DASHES = str.maketrans({"–": "-", "—": "-", "−": "-", "‒": "-", "―": "-"})

_WORD = r"[^\W_](?:[\w'’&.\-]*[^\W_])?"
_SEGMENT = re.compile(rf"{_WORD}(?: {{1,2}}{_WORD})*")
_SEPARATOR = re.compile(r"[^\w\"“”‘’']+")
_BRACKET_TAIL = re.compile(r"(?P<sig>[(\[][^()\[\]]{1,40}[)\]])[\s.]*$")
_RUN_TAIL = re.compile(r"[.!?”\"]\s*(?P<sig>[^\s.!?”\"][^.!?”\"]{0,38}?)\s*$")
_SENTENCE_INSIDE = re.compile(r"[.!?]\s+\S")
_TITLE_SEPARATOR = re.compile(r"\s+(?:[-–—|•·»«~/]+|::)\s+|\s*[:|»«]\s+|\s*\|\s*")
_SENTENCE_CHARS = frozenset(".!?”\"')]…")


def _mask_token(match: re.Match[str]) -> str:
    token = match.group()
    if token.isdigit():
        return "0"
    if token in DAY_WORDS:
        return "<d>"
    if token in MONTH_WORDS:
        return "<m>"
    return token


MASK_CACHE = 8192  # a portal's chrome lines repeat on every page; story lines do not
"""Masked lines remembered (a few hundred pages' short paragraphs)."""


@lru_cache(maxsize=MASK_CACHE)
def mask_line(text: str) -> str:
    """A paragraph's profile key: NFKC, case folded, whitespace folded, numbers `0`, day and month
    names `<d>` / `<m>` (`Jumat, 25 Oktober 2019` and `Senin, 3 Juni 2024` share one key)."""
    folded = " ".join(unicodedata.normalize("NFKC", text or "").casefold().split())
    return _MASK_TOKEN.sub(_mask_token, folded)


def normalise_separator(separator: str) -> str:
    """A separator as shapes compare it: no whitespace, every dash a hyphen (`.– ` -> `.-`)."""
    return _SPACE.sub("", separator or "").translate(_DASHES)


@dataclass(frozen=True)
class Segment:
    """One name-like run at a paragraph's opening and the separator after it."""

    text: str
    separator: str
    """Normalised (`normalise_separator`); empty at the end of the paragraph."""
    end: int
    """Index in the paragraph just past the separator (where the next segment starts)."""


def opening_segments(paragraph: str, limit: int = OPENING_MAX_SEGMENTS) -> list[Segment]:
    """The first `limit` segments of a paragraph's opening (within a dateline's reach)."""
    segments: list[Segment] = []
    pos = 0
    # a dateline ends within DATELINE_MAX_CHARS: a segment running past that is story text
    text = (paragraph or "")[: v.DATELINE_MAX_CHARS + SEGMENT_SLACK]
    while len(segments) < limit and pos < v.DATELINE_MAX_CHARS:
        found = _SEGMENT.match(text, pos)
        if not found:
            break
        pos = found.end()
        separator = _SEPARATOR.match(text, pos)
        end = separator.end() if separator else pos
        segments.append(Segment(found.group(), normalise_separator(text[pos:end]), end))
        if not separator or end >= len(text):
            break
        pos = end
    return segments


def is_place_like(text: str) -> bool:
    """A dateline place: one to four capitalised words (`Palu`, `Kabupaten Sigi`, `BANYUASIN`)."""
    words = text.split()
    return 0 < len(words) <= v.DATELINE_MAX_NAME_WORDS and text[:1].isupper()


@dataclass(frozen=True)
class DatelineShape:
    """A learned dateline: the outlet (by stem) and the separators around it.

    `before` is the separator after a place printed before the outlet (None: the outlet opens the
    paragraph); `after` the separator after the outlet; `place_after` the separator after a place
    printed after the outlet (None: the story follows the outlet)."""

    outlet: str
    after: str
    before: str | None = None
    place_after: str | None = None

    def key(self) -> tuple[str, str, str, str]:
        """A sortable identity."""
        return (self.outlet, self.before or "", self.after, self.place_after or "")


def signoff_candidate(paragraph: str) -> tuple[int, str] | None:
    """(start, text) of what may be a sign-off at a paragraph's end: a short line of its own, a
    bracketed code after the last sentence, or a short run after the last full stop."""
    text = (paragraph or "").rstrip()
    if not text:
        return None
    found = _BRACKET_TAIL.search(text)
    if found and found.start("sig") > 0:
        before = text[: found.start("sig")].rstrip()
        if before and (before[-1] in _SENTENCE_CHARS or before[-1].isalnum()):
            return found.start("sig"), found.group("sig")
    if len(text.split()) <= SIGNOFF_MAX_WORDS and len(text) <= SIGNOFF_TAIL_MAX_CHARS:
        # a line of its own: a bracketed code, or one with digits or marks (`KS/17`, `-KS-`) and
        # no sentence in it; not a word (a widget's label)
        if text[:1] in "([":
            return 0, text
        coded = any(not (ch.isalpha() or ch.isspace()) for ch in text)
        if not _SENTENCE_INSIDE.search(text):
            return (0, text) if coded else None
    found = _RUN_TAIL.search(text)
    if found and len(found.group("sig").split()) <= SIGNOFF_RUN_MAX_WORDS:
        return found.start("sig"), found.group("sig")
    return None


def title_affixes(title: str) -> tuple[tuple[str, str, int] | None, tuple[str, str, int] | None]:
    """(prefix, suffix) candidates of a title, each (segment, normalised separator, cut index):
    the title without the prefix starts at the index; without the suffix it ends there."""
    text = (title or "").strip()
    separators = list(_TITLE_SEPARATOR.finditer(text))
    if not separators:
        return None, None
    prefix = suffix = None
    first, last = separators[0], separators[-1]
    head = text[: first.start()].strip()
    if head and len(head.split()) <= TITLE_AFFIX_MAX_WORDS:
        prefix = (head, normalise_separator(first.group()), first.end())
    tail = text[last.end() :].strip()
    if tail and len(tail.split()) <= TITLE_AFFIX_MAX_WORDS:
        suffix = (tail, normalise_separator(last.group()), last.start())
    return prefix, suffix


def affix_key(segment: str, separator: str) -> str:
    """The key of a title affix: its masked text and its separator."""
    return f"{mask_line(segment)}\x1f{separator}"


@dataclass
class PortalProfile:
    """What one portal's articles repeat, as learned from `pages` of them."""

    lines: dict[str, str] = field(default_factory=dict)
    """Masked paragraph key -> one paragraph as printed: lines of chrome, removed anywhere."""
    datelines: list[DatelineShape] = field(default_factory=list)
    outlets: dict[str, list[str]] = field(default_factory=dict)
    """Outlet stem -> the forms printed in datelines (`Kabarsatu.com`, `KABAR SATU`)."""
    signoffs: dict[str, str] = field(default_factory=dict)
    """Masked sign-off key -> one as printed (`(ks. 0*)` -> `(KS. 17*)`): lifted as agency tag."""
    title_prefixes: dict[str, str] = field(default_factory=dict)
    """Affix key (`affix_key`) -> the prefix as printed with its separator."""
    title_suffixes: dict[str, str] = field(default_factory=dict)
    chrome_names: dict[str, str] = field(default_factory=dict)
    """Folded name -> as printed: texts in byline slots that are no person (a share button)."""
    container: str | None = None
    """The container rule that held the body on most pages (`theme:jnews`, `wp:entry-content`)."""
    byline: str | None = None
    """The byline slot that names the page's people on most pages (`div.td-post-author-name`: a
    `RawArticle.byline_sources` value); read first, other slots' bare names left out."""
    byline_skip: list[str] = field(default_factory=list)
    """Byline slots that name other people than the page's (a teaser for another story): left out."""
    identities: list[str] = field(default_factory=list)
    """The site's own names seen on its pages (og:site_name, host): hints for the dateline."""
    pages: int = 0
    """Article pages it was learned from."""
    features_per_page: float = 0.0
    """Learned features (lines, dateline, sign-off, title affix, name) a page it was learned from
    carried on average: the baseline of the re-learn trigger."""

    def __post_init__(self) -> None:
        self._refresh()

    def _refresh(self) -> None:
        # A paragraph masks to a learned key only if it is about as long as the sample (other
        # numbers and dates): twice the longest sample plus a date's length bounds the lines worth
        # masking, so story paragraphs are skipped without a regex.
        self._max_line = max((len(s) for s in self.lines.values()), default=0) * 2 + 20
        self._shapes = sorted(
            self.datelines,
            key=lambda s: (s.before is None and s.place_after is None, s.key()),
        )
        affixes = [*self.title_prefixes, *self.title_suffixes]  # the site's name, often
        self._hints = [form for forms in self.outlets.values() for form in forms]
        self._hints += [key.split("\x1f")[0] for key in affixes]

    # -- what it holds --------------------------------------------------------------------------

    def is_empty(self) -> bool:
        """True when nothing repeated on the pages it was learned from."""
        return not (
            self.lines
            or self.datelines
            or self.signoffs
            or self.title_prefixes
            or self.title_suffixes
            or self.chrome_names
        )

    def feature_keys(self) -> set[tuple[str, str]]:
        """Every learned feature as (kind, key): compares two profiles."""
        keys = {("line", k) for k in self.lines}
        keys |= {("dateline", "\x1f".join(s.key())) for s in self.datelines}
        keys |= {("signoff", k) for k in self.signoffs}
        keys |= {("title-prefix", k) for k in self.title_prefixes}
        keys |= {("title-suffix", k) for k in self.title_suffixes}
        keys |= {("name", k) for k in self.chrome_names}
        return keys

    def site_hints(self) -> list[str]:
        """Outlet forms, title affixes and site names the generic dateline parser may read as the
        outlet."""
        return [*self._hints, *self.identities]

    # -- applying it ------------------------------------------------------------------------------

    def is_line(self, paragraph: str) -> bool:
        """True for a paragraph that is one of the portal's lines of chrome."""
        if not self.lines or len(paragraph) > self._max_line:
            return False
        return mask_line(paragraph) in self.lines

    def split_dateline(self, paragraph: str) -> Dateline | None:
        """The portal's own dateline opening a paragraph (a learned shape), or None."""
        if not self._shapes:
            return None
        segments = opening_segments(paragraph)
        for shape in self._shapes:
            found = _match_shape(shape, segments)
            if found is None:
                continue
            end, place, outlet = found
            rest = paragraph[end:].strip()
            if rest and not v.STORY_START.match(rest):
                continue
            return Dateline(place=place, outlet=outlet, prefix=paragraph[:end], rest=rest)
        return None

    def strip_signoff(self, paragraph: str) -> tuple[str, str] | None:
        """(the paragraph without the portal's sign-off, the sign-off's code), or None."""
        if not self.signoffs:
            return None
        found = signoff_candidate(paragraph)
        if found is None or mask_line(found[1]) not in self.signoffs:
            return None
        start, text = found
        return paragraph[:start].rstrip(), text.strip().strip("()[]").strip()

    def strip_title(self, title: str | None) -> str | None:
        """The title without the portal's own prefix or suffix."""
        if not title or not (self.title_prefixes or self.title_suffixes):
            return title
        text = title.strip()
        prefix, suffix = title_affixes(text)
        if prefix and affix_key(prefix[0], prefix[1]) in self.title_prefixes:
            rest = text[prefix[2] :].strip()
            if len(rest.split()) >= TITLE_MIN_WORDS:
                text = rest
                suffix = title_affixes(text)[1]
        if suffix and affix_key(suffix[0], suffix[1]) in self.title_suffixes:
            rest = text[: suffix[2]].strip()
            if len(rest.split()) >= TITLE_MIN_WORDS:
                text = rest
        return text

    def is_chrome_name(self, name: str) -> bool:
        """True for a byline text the portal prints on its pages that names no one."""
        return bool(self.chrome_names) and names.fold_key(name) in self.chrome_names

    def touches(self, title: str | None, body: str, authors: Iterable[str]) -> bool:
        """True when a stored article still holds something this profile removes (it was cleaned
        before the profile existed, or with an older version of it)."""
        if self.strip_title(title) != (title.strip() if title else title):
            return True
        if any(self.is_chrome_name(a) for a in authors or ()):
            return True
        paragraphs = [p for p in v.PARAGRAPH_SPLIT.split(body or "") if p.strip()]
        if any(self.is_line(p) for p in paragraphs):
            return True
        if any(self.split_dateline(p) is not None for p in paragraphs[:HEAD_PARAGRAPHS]):
            return True
        return any(self.strip_signoff(p) is not None for p in paragraphs[-3:])

    # -- storage ----------------------------------------------------------------------------------

    def to_json(self) -> dict[str, Any]:
        """A JSON-ready dict (what archive.db stores)."""
        return {
            "format": PROFILE_FORMAT,
            "lines": dict(self.lines),
            "datelines": [
                {
                    "outlet": s.outlet,
                    "before": s.before,
                    "after": s.after,
                    "place_after": s.place_after,
                }
                for s in self.datelines
            ],
            "outlets": {k: list(forms) for k, forms in self.outlets.items()},
            "signoffs": dict(self.signoffs),
            "title_prefixes": dict(self.title_prefixes),
            "title_suffixes": dict(self.title_suffixes),
            "chrome_names": dict(self.chrome_names),
            "container": self.container,
            "byline": self.byline,
            "byline_skip": list(self.byline_skip),
            "identities": list(self.identities),
            "pages": self.pages,
            "features_per_page": self.features_per_page,
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any] | None) -> PortalProfile | None:
        """The profile a `to_json` dict describes; None for another format or a damaged one."""
        if not isinstance(data, Mapping) or data.get("format") != PROFILE_FORMAT:
            return None
        try:
            return cls(
                lines=_str_dict(data.get("lines")),
                datelines=[
                    DatelineShape(
                        outlet=str(s["outlet"]),
                        after=str(s["after"]),
                        before=s.get("before"),
                        place_after=s.get("place_after"),
                    )
                    for s in data.get("datelines") or []
                ],
                outlets={
                    str(k): [str(f) for f in forms]
                    for k, forms in (data.get("outlets") or {}).items()
                },
                signoffs=_str_dict(data.get("signoffs")),
                title_prefixes=_str_dict(data.get("title_prefixes")),
                title_suffixes=_str_dict(data.get("title_suffixes")),
                chrome_names=_str_dict(data.get("chrome_names")),
                container=data.get("container"),
                byline=data.get("byline"),
                byline_skip=[str(x) for x in data.get("byline_skip") or []],
                identities=[str(x) for x in data.get("identities") or []],
                pages=int(data.get("pages") or 0),
                features_per_page=float(data.get("features_per_page") or 0.0),
            )
        except (KeyError, TypeError, ValueError, AttributeError):
            return None


def _str_dict(value: Any) -> dict[str, str]:
    return {str(k): str(x) for k, x in (value or {}).items()}


def _match_shape(
    shape: DatelineShape, segments: Sequence[Segment]
) -> tuple[int, str | None, str] | None:
    """(end of the dateline, place, outlet as printed) when the segments have this shape."""
    if shape.before is not None:
        if len(segments) < 2:
            return None
        place, outlet = segments[0], segments[1]
        if (
            place.separator == shape.before
            and outlet.separator == shape.after
            and is_place_like(place.text)
            and names.outlet_stem(outlet.text) == shape.outlet
            and names.outlet_stem(place.text) != shape.outlet
        ):
            return outlet.end, place.text, outlet.text
        return None
    if not segments or names.outlet_stem(segments[0].text) != shape.outlet:
        return None
    outlet = segments[0]
    if outlet.separator != shape.after:
        return None
    if shape.place_after is None:
        return outlet.end, None, outlet.text
    if len(segments) < 2:
        return None
    place = segments[1]
    if place.separator == shape.place_after and is_place_like(place.text):
        return place.end, place.text, outlet.text
    return None
