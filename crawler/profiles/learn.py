"""Learning a portal's profile from its article pages: what repeats across them is its chrome."""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from crawler.clean import byline, names
from crawler.clean import vocabulary as v
from crawler.clean.body import TAIL_SEARCH
from crawler.clean.lines import is_boilerplate_line, is_caption
from crawler.clean.profile import (
    HEAD_PARAGRAPHS,
    LINE_MAX_CHARS,
    DatelineShape,
    PortalProfile,
    Segment,
    affix_key,
    is_place_like,
    mask_line,
    opening_segments,
    signoff_candidate,
    title_affixes,
)

MIN_PAGES = 20
"""Article pages of a portal before a profile is learned. With REPEAT_SHARE = 0.5, a line printed
on 80% of a portal's articles is learned, and a line on 20% is not, each with probability above
99.7% in 20 pages (binomial tails 0.00056 and 0.0026); fewer pages leave a portal with today's
cleaning. bench/profiles.py measures the learning curve on the test portal."""
REPEAT_SHARE = 0.5
"""Share of pages a line, dateline outlet, sign-off, title affix or name must be on to be chrome.
Site-wide chrome is on ~every page; the test portal's most repeated story line (a stock closing
sentence) reaches 7 of 20 articles (0.35) in its worst 20-page window (4 seeds x 600 articles)."""
MIN_REPEAT_PAGES = 3  # a pair of pages can share a line by chance; three is a habit
"""Fewest pages a feature must be on, whatever the window."""
SHAPE_MIN_PAGES = 2  # the outlet's repetition is the evidence; a shape need only recur once
"""Pages a dateline shape of a learned outlet must be seen on."""
TAIL_PARAGRAPHS = 4  # the sign-off sits in the last paragraph before editor lines and prompts
"""Paragraphs at a page's end where a learned sign-off is looked for when matching a page."""
MATCH_SHARE = 0.5  # half way between "as on the learning pages" (1) and "none of it" (0)
"""Share of a profile's usual features a page must carry to match it."""
SLOT_AGREE_SHARE = 0.5  # a portal's byline agrees on ~every such page; a teaser by chance only
"""Share of the pages naming someone elsewhere on which a byline slot must name that person too,
or its names are left out (the slot prints other people: another story's reporter, a button)."""
CHROME_NAME_MIN_PAGES = 3  # as MIN_REPEAT_PAGES
"""Pages naming another author a candidate chrome name must be seen with."""
CHROME_NAME_PRESENCE = 0.8  # a share label is on every page; no reporter co-signs 80% of others'
"""Share of the pages naming another author on which a repeated byline name must also stand."""
CHROME_NAME_MIN_OTHERS = 3  # a one-reporter portal whose structured data names 1-2 editors
"""Distinct other authors a repeated byline name must stand beside: fewer could be a real
reporter who co-signs with one or two colleagues."""


@dataclass(frozen=True)
class Observation:
    """What learning keeps of one article page: its raw text blocks and a few fields."""

    key: str
    """The article's URL key (a page observed twice counts once)."""
    paragraphs: tuple[str, ...]
    """The content container's text blocks before cleaning (RawArticle.paragraphs)."""
    title: str | None = None
    authors: tuple[str, ...] = ()
    """The clean authors of the page (as stored)."""
    container: str | None = None
    byline_slots: tuple[tuple[str, bool], ...] = ()
    """(byline slot, whether it names someone the page names elsewhere) for a page that names
    someone in its structured data or text."""
    identities: tuple[str, ...] = ()
    """The site's own names on the page (og:site_name, the host)."""


def _need(pages: int) -> int:
    return max(MIN_REPEAT_PAGES, math.ceil(REPEAT_SHARE * pages))


def _lifted_by_grammar(text: str) -> bool:
    """A line the cleaning grammar reads fields from (a sign-off of its own): never a profile
    line, so the grammar keeps the field."""
    return byline.own_line_signoff(text) is not None


def _learn_lines(observations: Sequence[Observation], need: int) -> dict[str, str]:
    df: Counter[str] = Counter()
    samples: dict[str, str] = {}
    for obs in observations:
        keys: dict[str, str] = {}
        for paragraph in obs.paragraphs:
            if len(paragraph) <= LINE_MAX_CHARS:
                keys.setdefault(mask_line(paragraph), paragraph)
        df.update(keys.keys())
        for key, text in keys.items():
            samples.setdefault(key, text)
    return {
        key: samples[key]
        for key, count in df.items()
        if count >= need and key and not _lifted_by_grammar(samples[key])
    }


def _is_lead_matter(paragraph: str) -> bool:
    return (
        is_boilerplate_line(paragraph)
        or is_caption(paragraph)
        or byline.parse_byline_line(paragraph) is not None
    )


def story_openings(paragraphs: Sequence[str], lines: dict[str, str]) -> list[str]:
    """The paragraph that opens the story (and a short one right above it: a dateline on its own
    line), after the portal's lines and the lead matter the grammar drops."""
    kept: list[str] = []
    for paragraph in paragraphs[:HEAD_PARAGRAPHS]:
        if mask_line(paragraph) in lines or _is_lead_matter(paragraph):
            continue
        kept.append(paragraph)
        if len(v.WORD.findall(paragraph)) >= v.PROSE_MIN_WORDS:
            return kept[-2:]
    return kept[-2:]


def _outlet_candidates(paragraph: str) -> list[str]:
    """The first two segments of an opening that could be an outlet (a capitalised name of at
    most four words with a separator after it)."""
    return [
        segment.text
        for segment in opening_segments(paragraph)[:2]
        if segment.separator
        and segment.text[:1].isupper()
        and len(segment.text.split()) <= v.DATELINE_MAX_NAME_WORDS
    ]


def _learn_datelines(
    observations: Sequence[Observation], lines: dict[str, str], need: int
) -> tuple[list[DatelineShape], dict[str, list[str]]]:
    openings = [story_openings(obs.paragraphs, lines) for obs in observations]
    stem_pages: Counter[str] = Counter()
    forms: dict[str, Counter[str]] = defaultdict(Counter)
    for paragraphs in openings:
        stems: set[str] = set()
        for paragraph in paragraphs:
            for text in _outlet_candidates(paragraph):
                stem = names.outlet_stem(text)
                if len(stem) >= 2:
                    stems.add(stem)
                    forms[stem][text] += 1
        stem_pages.update(stems)
    outlets = {stem for stem, count in stem_pages.items() if count >= need}
    if not outlets:
        return [], {}
    shape_pages: Counter[DatelineShape] = Counter()
    for paragraphs in openings:
        shapes: set[DatelineShape] = set()
        for paragraph in paragraphs:
            shapes |= _shapes_of(opening_segments(paragraph), outlets)
        shape_pages.update(shapes)
    learned = _select_shapes(shape_pages)
    used = {shape.outlet for shape in learned}
    printed = {stem: [form for form, _ in forms[stem].most_common()] for stem in sorted(used)}
    return sorted(learned, key=DatelineShape.key), printed


def _select_shapes(shape_pages: Counter[DatelineShape]) -> list[DatelineShape]:
    """The shapes to learn, each seen on SHAPE_MIN_PAGES pages: `OUTLET, PLACE -` where it is on at
    least REPEAT_SHARE of the pages opening with `OUTLET,` (else the place is the story's first
    words), `OUTLET,` alone where it stands without a learned place on SHAPE_MIN_PAGES pages."""
    learned: list[DatelineShape] = []
    for shape, count in shape_pages.items():
        if count < SHAPE_MIN_PAGES:
            continue
        if shape.place_after is not None:
            if count >= REPEAT_SHARE * shape_pages[DatelineShape(shape.outlet, shape.after)]:
                learned.append(shape)
        elif shape.before is not None:
            learned.append(shape)
        else:
            with_place = sum(
                n
                for s, n in shape_pages.items()
                if s.place_after is not None
                and (s.outlet, s.after) == (shape.outlet, shape.after)
                and n >= REPEAT_SHARE * count
            )
            if count - with_place >= SHAPE_MIN_PAGES:
                learned.append(shape)
    return learned


def _shapes_of(segments: Sequence[Segment], outlets: set[str]) -> set[DatelineShape]:
    """The shapes one paragraph's opening has around a learned outlet (with and without a place
    after it)."""
    shapes: set[DatelineShape] = set()
    if len(segments) >= 2 and segments[0].separator and is_place_like(segments[0].text):
        stem = names.outlet_stem(segments[1].text)
        if stem in outlets and names.outlet_stem(segments[0].text) not in outlets:
            shapes.add(DatelineShape(stem, segments[1].separator, before=segments[0].separator))
    if segments and segments[0].separator:
        stem = names.outlet_stem(segments[0].text)
        if stem in outlets:
            after = segments[0].separator
            shapes.add(DatelineShape(stem, after))
            if (
                len(segments) >= 2
                and segments[1].separator
                and is_place_like(segments[1].text)
                and names.outlet_stem(segments[1].text) not in outlets
            ):
                shapes.add(DatelineShape(stem, after, place_after=segments[1].separator))
    return shapes


def _last_story_paragraph(paragraphs: Sequence[str], lines: dict[str, str]) -> str | None:
    """The story's last paragraph: the last one that is no line of chrome (a repeated sign-off
    line of its own counts: it is the candidate) and no lead matter."""
    for paragraph in reversed(paragraphs[-TAIL_SEARCH:]):
        if _is_lead_matter(paragraph):
            continue
        own_line = signoff_candidate(paragraph)
        if (own_line is None or own_line[0] > 0) and mask_line(paragraph) in lines:
            continue
        return paragraph
    return None


def _generic_signoff(paragraph: str) -> bool:
    """The grammar already lifts a sign-off off this paragraph's end."""
    if byline.own_line_signoff(paragraph) is not None:
        return True
    _, signoff, marker = byline.strip_trailing_signoff(paragraph)
    return signoff is not None or marker is not None


def _learn_signoffs(
    observations: Sequence[Observation], lines: dict[str, str], need: int
) -> dict[str, str]:
    df: Counter[str] = Counter()
    samples: dict[str, str] = {}
    for obs in observations:
        last = _last_story_paragraph(obs.paragraphs, lines)
        if last is None or _generic_signoff(last):
            continue
        found = signoff_candidate(last)
        if found is None:
            continue
        key = mask_line(found[1])
        df[key] += 1
        samples.setdefault(key, found[1])
    return {key: samples[key] for key, count in df.items() if count >= need}


def _learn_title_affixes(
    observations: Sequence[Observation],
) -> tuple[dict[str, str], dict[str, str]]:
    titles = [obs.title for obs in observations if obs.title]
    need = _need(len(titles))
    prefixes: Counter[str] = Counter()
    suffixes: Counter[str] = Counter()
    samples: dict[str, str] = {}
    for title in titles:
        prefix, suffix = title_affixes(title)
        if prefix:
            key = affix_key(prefix[0], prefix[1])
            prefixes[key] += 1
            samples.setdefault("p" + key, f"{prefix[0]}{prefix[1]}")
        if suffix:
            key = affix_key(suffix[0], suffix[1])
            suffixes[key] += 1
            samples.setdefault("s" + key, f"{suffix[1]}{suffix[0]}")
    return (
        {k: samples["p" + k] for k, n in prefixes.items() if n >= need},
        {k: samples["s" + k] for k, n in suffixes.items() if n >= need},
    )


def _learn_chrome_names(observations: Sequence[Observation], need: int) -> dict[str, str]:
    authors = [{names.fold_key(a): a for a in obs.authors if a.strip()} for obs in observations]
    df = Counter(key for page in authors for key in page)
    learned: dict[str, str] = {}
    for key, count in df.items():
        if count < need:
            continue
        with_others = [page for page in authors if any(k != key for k in page)]
        present = sum(key in page for page in with_others)
        others = {k for page in with_others for k in page if k != key}
        if (
            len(with_others) >= CHROME_NAME_MIN_PAGES
            and present >= CHROME_NAME_PRESENCE * len(with_others)
            and len(others) >= CHROME_NAME_MIN_OTHERS
        ):
            learned[key] = next(page[key] for page in authors if key in page)
    return learned


def _most_common(values: Iterable[str | None], need: int) -> str | None:
    counted = Counter(value for value in values if value)
    if not counted:
        return None
    value, count = counted.most_common(1)[0]
    return value if count >= need else None


def _learn_byline_slots(observations: Sequence[Observation]) -> tuple[str | None, list[str]]:
    """(the slot that names the page's people on most pages that name them elsewhere, the slots
    that name someone else on most such pages: a teaser for another story, a share button)."""
    agree: Counter[str] = Counter()
    disagree: Counter[str] = Counter()
    for obs in observations:
        for slot, agrees in obs.byline_slots:
            (agree if agrees else disagree)[slot] += 1
    vouching_pages = sum(any(agrees for _, agrees in obs.byline_slots) for obs in observations)
    read = _most_common(
        agree.elements(), max(MIN_REPEAT_PAGES, math.ceil(REPEAT_SHARE * vouching_pages))
    )
    skip = [
        slot
        for slot, wrong in disagree.items()
        if wrong >= MIN_REPEAT_PAGES and agree[slot] < SLOT_AGREE_SHARE * (wrong + agree[slot])
    ]
    return read, sorted(skip)


def learn(observations: Sequence[Observation]) -> PortalProfile:
    """The profile of a portal from observations of its article pages (a page counted once)."""
    unique = list({obs.key: obs for obs in observations}.values())
    need = _need(len(unique))
    lines = _learn_lines(unique, need)
    signoffs = _learn_signoffs(unique, lines, need)
    lines = {k: text for k, text in lines.items() if k not in signoffs}
    datelines, outlets = _learn_datelines(unique, lines, need)
    prefixes, suffixes = _learn_title_affixes(unique)
    identities = Counter(i for obs in unique for i in dict.fromkeys(obs.identities))
    chrome_names = _learn_chrome_names(unique, need)
    byline, byline_skip = _learn_byline_slots(unique)
    profile = PortalProfile(
        lines=lines,
        datelines=datelines,
        outlets=outlets,
        signoffs=signoffs,
        title_prefixes=prefixes,
        title_suffixes=suffixes,
        chrome_names=chrome_names,
        container=_most_common((obs.container for obs in unique), need),
        byline=byline,
        byline_skip=byline_skip,
        identities=[i for i, n in identities.most_common() if n >= need],
        pages=len(unique),
    )
    if unique:
        counts = [feature_count(profile, o) for o in unique]
        profile.features_per_page = round(sum(counts) / len(counts), 3)
    return profile


def feature_count(profile: PortalProfile, obs: Observation) -> int:
    """How many of the profile's features a page carries (each line of chrome counts once; the
    dateline, the sign-off, the title affix and a name in a byline slot count one each)."""
    count = len({mask_line(p) for p in obs.paragraphs if profile.is_line(p)})
    if obs.title and profile.strip_title(obs.title) != obs.title.strip():
        count += 1
    if any(profile.is_chrome_name(a) for a in obs.authors):
        count += 1
    if any(profile.split_dateline(p) is not None for p in obs.paragraphs[:HEAD_PARAGRAPHS]):
        count += 1
    if any(profile.strip_signoff(p) is not None for p in obs.paragraphs[-TAIL_PARAGRAPHS:]):
        count += 1
    return count


def matches(profile: PortalProfile, obs: Observation) -> bool:
    """True when a page looks like the pages the profile was learned from: its body was found by
    the same container rule and it carries at least MATCH_SHARE of the features those pages
    carried on average (a redesign may keep a widget or the outlet's name, not the rest)."""
    if profile.container and obs.container and obs.container != profile.container:
        return False
    if profile.is_empty():
        return True
    return feature_count(profile, obs) >= MATCH_SHARE * profile.features_per_page


def restrict(profile: PortalProfile, keys: set[tuple[str, str]]) -> PortalProfile:
    """The part of a profile whose features (`PortalProfile.feature_keys`) are in `keys`."""
    shapes = [s for s in profile.datelines if ("dateline", "\x1f".join(s.key())) in keys]
    return PortalProfile(
        lines={k: x for k, x in profile.lines.items() if ("line", k) in keys},
        datelines=shapes,
        outlets={k: f for k, f in profile.outlets.items() if any(s.outlet == k for s in shapes)},
        signoffs={k: x for k, x in profile.signoffs.items() if ("signoff", k) in keys},
        title_prefixes={
            k: x for k, x in profile.title_prefixes.items() if ("title-prefix", k) in keys
        },
        title_suffixes={
            k: x for k, x in profile.title_suffixes.items() if ("title-suffix", k) in keys
        },
        chrome_names={k: x for k, x in profile.chrome_names.items() if ("name", k) in keys},
        pages=profile.pages,
    )


def merge(old: PortalProfile, new: PortalProfile) -> PortalProfile:
    """A profile that removes what either removes (an old layout's pages still re-extract), with
    the newer one's container, byline slot, identities and match baseline."""
    outlets = {k: list(forms) for k, forms in old.outlets.items()}
    for stem, forms in new.outlets.items():
        outlets[stem] = list(dict.fromkeys([*forms, *outlets.get(stem, [])]))
    shapes = {shape.key(): shape for shape in [*old.datelines, *new.datelines]}
    return PortalProfile(
        lines={**old.lines, **new.lines},
        datelines=[shapes[k] for k in sorted(shapes)],
        outlets=outlets,
        signoffs={**old.signoffs, **new.signoffs},
        title_prefixes={**old.title_prefixes, **new.title_prefixes},
        title_suffixes={**old.title_suffixes, **new.title_suffixes},
        chrome_names={**old.chrome_names, **new.chrome_names},
        container=new.container or old.container,
        byline=new.byline or old.byline,
        byline_skip=sorted({*old.byline_skip, *new.byline_skip} - {new.byline or old.byline}),
        identities=list(dict.fromkeys([*new.identities, *old.identities])),
        pages=new.pages,
        features_per_page=new.features_per_page,
    )
