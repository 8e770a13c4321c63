"""Story location: the regions an article names (dateline, headline, body) and where it happened.

The dateline place decides first; the headline's and body's own administrative mentions
(`Kecamatan X, Kabupaten Y`, `Desa Z`, `Bupati Banyuasin`) decide when there is no dateline or it
names only a province. A name several regions share (`Bogor`, `Mekar Jaya`, `Mura`) is read as
the one inside the regions the article itself names unambiguously, else inside the portal's home
region (registry). Nothing is guessed without evidence: an article that names no place, or only
ambiguous ones, stays unknown.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from crawler.places.gazetteer import (
    DISTRICT,
    LEVEL_NAMES,
    PROVINCE,
    REGENCY,
    TIER_DISTRICT,
    TIER_TOWN,
    TIER_VILLAGE,
    VILLAGE,
    WORD,
    Entry,
    Gazetteer,
    gazetteer,
    name_key,
)

MAX_NAME_WORDS = 5  # `Kepulauan Siau Tagulandang Biaro`, `Penukal Abab Lematang Ilir`: 4 words
BODY_CHARS = 6_000
"""Characters of a body searched for places: the opening holds the story's place; the whole of 40
of the 41 dev-corpus bodies (../shared/corpus id-national, id-regional) fits."""
LEAD_CHARS = 400  # the opening paragraph (lead), where a story says where it happened
LEAD_WEIGHT = 1.5
TITLE_WEIGHT = 2.0  # a place in the headline says more than one in the body
CUE_WEIGHT = 1.5  # `Kabupaten X`, `Desa Y`: an administrative mention, not a passing one
CLEAR_LEAD = 1.5
"""A text-only location needs its region to score 1.5 times the next one (on the gold set in
tests/data/places_gold.json, 1.25 let two-place stories through, 2.0 dropped true ones)."""

# Confidence of a location, by how it was decided (shown to researchers; filter on it).
CONFIDENCE = {
    "dateline": 0.95,  # the dateline names one region
    "dateline-text": 0.9,  # a shared dateline name, decided by the article's other places
    "dateline-tier": 0.8,  # a shared dateline name: a regency's own name before a seat elsewhere
    "portal": 0.7,  # a shared name decided by the portal's home region
    "text": 0.5,  # + up to 0.35 by the winning region's share of all place mentions
}


_ANY_REGENCY = (REGENCY, None)
_CUES: dict[str, tuple[tuple[int, ...], str | None]] = {
    **dict.fromkeys(("provinsi", "prov", "gubernur", "wagub", "pemprov", "polda", "kapolda",
                     "kejati", "kanwil"), ((PROVINCE,), None)),
    **dict.fromkeys(("kabupaten", "kab", "pemkab", "bupati", "wabup", "kabupatennya"),
                    ((REGENCY,), "kabupaten")),
    **dict.fromkeys(("kota", "pemkot", "walikota", "wawali", "wawako", "polresta", "polrestabes",
                     "kapolresta", "kapolrestabes"), ((REGENCY,), "kota")),
    **dict.fromkeys(("polres", "kapolres", "kejari", "kodim", "dandim", "sekda", "pengadilan"),
                    ((REGENCY,), None)),
    **dict.fromkeys(("dprd", "kpu", "kpud", "bawaslu", "bpbd", "bappeda", "pemda", "daerah"),
                    ((PROVINCE, REGENCY), None)),
    **dict.fromkeys(("kecamatan", "kec", "camat", "distrik", "polsek", "kapolsek", "koramil"),
                    ((DISTRICT,), None)),
    **dict.fromkeys(("desa", "kelurahan", "kel", "gampong", "nagari", "pekon", "kades", "lurah",
                     "keuchik", "dusun"), ((VILLAGE,), None)),
}  # fmt: skip
"""Words that say the next name is a region of a given level (and kind): `Bupati Lahat`."""

_NOT_A_REGION = frozenset(
    ("jalan", "jl", "jln", "gang", "gg", "lorong", "sungai", "sei", "danau", "selat", "teluk",
     "gunung", "pulau", "hotel", "universitas", "univ", "bahasa", "suku", "nasi", "masakan",
     "rm", "stadion", "persatuan", "klub", "rumah", "makan", "hutan", "tanjung", "bukit")
)  # fmt: skip
"""A name right after these is a street, river, mountain, hotel, university, language or dish
(`Jalan Palembang`, `Sungai Musi`, `nasi Padang`), not a story's region (except in a dateline)."""

DATELINE, TITLE, BODY, PORTAL = "dateline", "title", "body", "portal"


class Mention(NamedTuple):
    """One place name found in an article, with every region it could stand for."""

    where: str
    """`dateline`, `title` or `body`."""
    start: int
    text: str
    entries: tuple[Entry, ...]
    cue: bool
    """Written after an administrative word (`Kabupaten`, `Desa`, `Bupati`)."""


@dataclass
class StoryLocation:
    """Where a story happened, and every coded place it names."""

    province_code: str | None = None
    province: str | None = None
    regency_code: str | None = None
    regency: str | None = None
    source: str | None = None
    """`dateline`, `text` (headline and body) or `portal` (a shared name decided by the
    portal's home region); None when unknown."""
    confidence: float | None = None
    places: list[dict[str, Any]] = field(default_factory=list)
    """Every coded mention: `{"code", "name", "level", "where", "count"}`, in reading order."""

    def fields(self) -> dict[str, Any]:
        """The ArticleItem fields this location fills."""
        return {
            "story_province_code": self.province_code,
            "story_province": self.province,
            "story_regency_code": self.regency_code,
            "story_regency": self.regency,
            "story_places": self.places,
            "story_location_source": self.source,
            "story_location_confidence": self.confidence,
        }


# -- finding names ------------------------------------------------------------------------------


_CUE_GAPS = frozenset((" ", ". ", ".", "  ", ".  "))  # `Kab. Lahat`, `Kec Talang Kelapa`
_NAME_GAPS = frozenset((" ", "-", " - ", "  "))  # between the words of one name


def _allowed(entry: Entry, surface: str, where: str, cue) -> bool:
    if entry.caps and not surface.isupper():
        return False
    if where == DATELINE:
        return True
    if entry.dateline_only:
        return False
    if cue is None:
        return not entry.cue and entry.tier < TIER_DISTRICT
    levels, kind = cue
    if entry.level not in levels:
        return False
    if entry.level == PROVINCE:
        return entry.tier == 0
    if entry.level == REGENCY:
        return entry.tier == 0 and (kind is None or _kind_of(entry.code) == kind)
    return True


def _kind_of(code: str) -> str:
    return "kota" if code[3] in "789" else "kabupaten"  # regency codes 01-69, city codes 71-99


_CAPITAL_WORD = re.compile(r"\b[A-Z][\w'’]*")
_LAST_WORD = re.compile(r"(\w+)(?:\.[ \t]{0,2}|[ \t]{1,2})$")  # `Kab. Lahat`, `Kec Talang`
_LOWER_CUES = ("kabupaten ", "kab. ", "kota ", "provinsi ")  # `di kabupaten lahat`
_NEXT_WORD = re.compile(r"(?: |-| - |  )(" + WORD.pattern + ")")
"""The next word of a name: after one space or a hyphen (`Toli-Toli`), never across punctuation."""
_LOOKBACK = 16  # characters before a name where its cue word (`Kecamatan `, `Kab. `) stands


def _word_key(word: str) -> str:
    """`name_key` of one word, fast for the plain ASCII words of most text."""
    folded = word.casefold()
    return folded if folded.isalnum() and folded.isascii() else name_key(word)


def _word_before(text: str, start: int) -> str | None:
    """The word right before `start` (lower case) when only a space or `. ` separates them."""
    found = _LAST_WORD.search(text, max(0, start - _LOOKBACK), start)
    return found.group(1).casefold() if found else None


def _starts(text: str) -> list[re.Match]:
    """Where a name may begin in running text: capitalised words, and lower-case words after
    `kabupaten`, `kota`, `provinsi` (`di kabupaten lahat`)."""
    starts = list(_CAPITAL_WORD.finditer(text))
    extra = []
    for cue in _LOWER_CUES:  # str.find: far cheaper than a regex over every word
        at = text.find(cue)
        while at >= 0:
            word = WORD.match(text, at + len(cue))
            if word is not None and word.group()[0].islower():
                extra.append(word)
            at = text.find(cue, at + 1)
    if extra:
        starts = sorted(starts + extra, key=lambda m: m.start())
    return starts


def find_mentions(text: str, where: str, gaz: Gazetteer | None = None) -> list[Mention]:
    """Every place name in a text, longest first (`Musi Rawas Utara` is not `Musi Rawas`).

    In a headline or body a name must be capitalised, or follow an administrative word; districts
    and villages count only after one (`Kecamatan Talang Kelapa`, `Desa Sungsang`). A dateline
    may name anything, in any case."""
    gaz = gaz or gazetteer()
    gaz.load_all()
    dateline = where == DATELINE
    starts = list(WORD.finditer(text)) if dateline else _starts(text)
    names_first, any_first = gaz.first_words, gaz.all_first_words
    found: list[Mention] = []
    done = 0
    for first in starts:
        start = first.start()
        if start < done:
            continue
        key = _word_key(first.group())
        if key not in any_first:
            continue
        cue = None
        if not dateline:
            before = _word_before(text, start)
            if before is not None:
                if before in _NOT_A_REGION:
                    continue
                cue = _CUES.get(before)
            if cue is None and key not in names_first:
                continue
        levels = cue[0] if cue else ()
        longest = (
            any_first[key]
            if dateline or (levels and levels[-1] > REGENCY)
            else names_first.get(key, 0)
        )
        if not longest:
            continue
        words = [first]
        while len(words) < longest:
            following = _NEXT_WORD.match(text, words[-1].end())
            if following is None:
                break
            words.append(following)
        word_keys = [key] + [_word_key(w.group(1)) for w in words[1:]]
        mention = _longest(text, where, words, word_keys, cue, gaz)
        if mention is not None:
            found.append(mention)
            done = mention.start + len(mention.text)
    return found


def _longest(text, where, words, word_keys, cue, gaz: Gazetteer) -> Mention | None:
    """The longest name starting at `words[0]` that the context allows, as a Mention."""
    dateline = where == DATELINE
    levels = cue[0] if cue else ()
    start = words[0].start()
    for stop in range(len(words), 0, -1):
        key = "".join(word_keys[:stop])
        entries = gaz.names(key)
        if dateline or DISTRICT in levels:
            entries = entries + gaz.districts(key)
        if VILLAGE in levels or (dateline and not any(e.tier < TIER_DISTRICT for e in entries)):
            entries = entries + gaz.village_entries(key)
        if not entries:
            continue
        end = words[stop - 1].end(words[stop - 1].lastindex or 0)
        said = cue
        if not dateline and text.startswith(" Kota", end):
            said = ((REGENCY,), "kota")  # `Polres Bima Kota`, `Tasikmalaya Kota`
        surface = text[start:end]
        kept = tuple(e for e in entries if _allowed(e, surface, where, said))
        if kept:
            return Mention(where, start, surface, kept, said is not None)
    return None


# -- deciding what each name stands for ---------------------------------------------------------


def _readings(mention: Mention) -> list[Entry]:
    """The readings worth weighing: provinces, regencies, seats and towns before districts and
    villages; and the finest of nested ones (`Jambi` the city inside `Jambi` the province)."""
    entries = list(mention.entries)
    named = [e for e in entries if e.tier < TIER_DISTRICT]
    if named:
        entries = named
    if len(entries) == 1:
        return entries
    outer = {e.code[:cut] for e in entries for cut in (2, 5, 8) if len(e.code) > cut}
    return [e for e in entries if e.code not in outer]


def _ancestors(code: str) -> list[str]:
    """The code and the codes of the regions that hold it, finest first."""
    parts = code.split(".")
    return [".".join(parts[:n]) for n in range(len(parts), 0, -1)]


def _support(prior: list[tuple[str, int]]) -> tuple[dict[str, tuple[int, int]], dict[str, int]]:
    """For every region a prior code lies in, how deep the two agree and the best rank; and the
    prior codes themselves with their rank."""
    around: dict[str, tuple[int, int]] = {}
    exact: dict[str, int] = {}
    for code, rank in prior:
        exact[code] = max(exact.get(code, 0), rank)
        for outer in _ancestors(code):
            score = (outer.count(".") + 1, rank)
            if around.get(outer, (0, 0)) < score:
                around[outer] = score
    return around, exact


def _needs_support(readings: list[Entry], where: str) -> bool:
    """A name that is only a village's (in a dateline), or only a seat's or town's (in a
    headline or body), with no administrative word before it, counts only where the article or
    portal places it: 83,000 village names catch foreign words (`KUALA LUMPUR` is a village in
    Gorontalo), seats are common words and given names (`Negara`, `Sumber`, `Marisa`, `Mulia`)."""
    lowest = TIER_VILLAGE if where == DATELINE else TIER_TOWN
    return all(e.tier >= lowest for e in readings)


def _pick(
    readings: list[Entry], prior: list[tuple[str, int]], needs_support: bool = False
) -> tuple[Entry | None, str]:
    """The reading best supported by the prior codes (`(code, rank)`: rank 2 the article's own
    places, 1 the portal's home region), and how it was decided; (None, "") when undecided.
    Support is the number of levels a reading and a prior code share when one holds the other
    (a village in the district the article names beats one in its province)."""
    if len(readings) == 1 and not needs_support:
        return readings[0], ""
    around, exact = _support(prior)
    scored = []
    for entry in readings:
        best = around.get(entry.code, (0, 0))
        for outer in _ancestors(entry.code)[1:]:
            rank = exact.get(outer)
            if rank is not None and (outer.count(".") + 1, rank) > best:
                best = (outer.count(".") + 1, rank)
        scored.append((best, entry))
    scored.sort(key=lambda pair: pair[0], reverse=True)
    top, runner_up = scored[0][0], scored[1][0] if len(scored) > 1 else (0, 0)
    if top[0] > 0 and top > runner_up:
        return scored[0][1], ("text" if top[1] == 2 else PORTAL)
    lowest = min(e.tier for e in readings)
    at_lowest = [e for e in readings if e.tier == lowest]
    if len(at_lowest) == 1 and lowest < TIER_DISTRICT and not needs_support:
        return at_lowest[0], "tier"
    return None, ""


def _common(readings: list[Entry]) -> str | None:
    """The largest region that holds every reading (a province or regency), if any."""
    codes = [e.code for e in readings]
    shared = codes[0].split(".")
    for code in codes[1:]:
        parts = code.split(".")
        n = 0
        while n < min(len(shared), len(parts)) and shared[n] == parts[n]:
            n += 1
        shared = shared[:n]
    return ".".join(shared) or None


def home_codes(
    province: str | None, regency: str | None, gaz: Gazetteer | None = None
) -> list[str]:
    """Codes of a portal's home region from its registry names (unknown names give none)."""
    gaz = gaz or gazetteer()
    codes: list[str] = []
    provinces = gaz.find(province, levels=(PROVINCE,)) if province else []
    if len(provinces) == 1:
        codes.append(provinces[0].code)
    if regency:
        found = gaz.find(regency, levels=(REGENCY,))
        if codes:
            found = [r for r in found if r.code.startswith(codes[0] + ".")]
        if len(found) == 1:
            codes.insert(0, found[0].code)
            if not provinces:
                codes.append(found[0].province_code)
    return codes


def locate(
    dateline_place: str | None,
    title: str | None,
    body: str | None,
    *,
    home: Iterable[str] = (),
    gaz: Gazetteer | None = None,
) -> StoryLocation:
    """Where a story happened, from its dateline place, headline and body; `home` holds the
    codes of the portal's home region (`home_codes`), used only to read shared names."""
    gaz = gaz or gazetteer()
    mentions = []
    if dateline_place:
        mentions += find_mentions(dateline_place, DATELINE, gaz)
    if title:
        mentions += find_mentions(title, TITLE, gaz)
    if body:
        mentions += find_mentions(body[:BODY_CHARS], BODY, gaz)
    resolved: dict[int, tuple[str, str]] = {}  # mention index -> (code, how)
    readings = [_readings(m) for m in mentions]
    prior: list[tuple[str, int]] = []
    needs = [
        not m.cue and _needs_support(r, m.where) for m, r in zip(mentions, readings, strict=True)
    ]
    for i, options in enumerate(readings):
        if len(options) == 1 and not needs[i]:
            resolved[i] = (options[0].code, "")
            prior.append((options[0].code, 2))
        elif mentions[i].where == DATELINE and not needs[i] and (shared := _common(options)):
            prior.append((shared, 2))  # `BOGOR`: somewhere in Jawa Barat, whichever it is
    portal_prior = [(code, 1) for code in home]
    changed = True
    while changed:  # each newly read name can decide another (`Desa X` after `Kecamatan Y`)
        changed = False
        for i, options in enumerate(readings):
            if i in resolved:
                continue
            entry, how = _pick(options, prior + portal_prior, needs[i])
            if entry is not None:
                resolved[i] = (entry.code, how)
                prior.append((entry.code, 2 if how != PORTAL else 1))
                changed = True
    for i, options in enumerate(readings):
        if i not in resolved and not needs[i]:
            shared = _common(options)
            if shared:
                resolved[i] = (shared, "shared")
    location = StoryLocation(places=_places(mentions, resolved, gaz))
    _decide(location, mentions, resolved, bool(dateline_place and dateline_place.strip()), gaz)
    return location


def _places(
    mentions: list[Mention], resolved: dict[int, tuple[str, str]], gaz: Gazetteer
) -> list[dict[str, Any]]:
    counts: Counter[tuple[str, str]] = Counter()
    order: list[tuple[str, str]] = []
    for i, mention in enumerate(mentions):
        if i in resolved:
            key = (resolved[i][0], mention.where)
            if key not in counts:
                order.append(key)
            counts[key] += 1
    places = []
    for code, where in order:
        region = gaz.region(code)
        places.append(
            {
                "code": code,
                "name": region.name if region else None,
                "level": LEVEL_NAMES[code.count(".") + 1],
                "where": where,
                "count": counts[(code, where)],
            }
        )
    return places


def _set(location: StoryLocation, code: str, source: str, confidence: float, gaz: Gazetteer):
    province = gaz.region(code[:2])
    location.province_code = code[:2]
    location.province = province.name if province else None
    if code.count(".") >= 1:
        regency = gaz.region(code[:5])
        location.regency_code = code[:5]
        location.regency = regency.name if regency else None
    location.source = source
    location.confidence = round(confidence, 2)


def _decide(
    location: StoryLocation,
    mentions: list[Mention],
    resolved: dict[int, tuple[str, str]],
    has_dateline: bool,
    gaz: Gazetteer,
) -> None:
    """Fill the story's province and regency: the dateline's place, else the text's clear
    leader (within the dateline's province when the dateline names only a province)."""
    dateline = [(i, m) for i, m in enumerate(mentions) if m.where == DATELINE]
    coded = [(i, resolved[i]) for i, _ in dateline if i in resolved]
    fine = [(i, r) for i, r in coded if r[0].count(".") >= 1]
    if fine:
        code, how = fine[0][1]
        if how == PORTAL:
            source, confidence = PORTAL, CONFIDENCE[PORTAL]
        elif how in ("text", "shared"):
            source, confidence = DATELINE, CONFIDENCE["dateline-text"]
        elif how == "tier":
            source, confidence = DATELINE, CONFIDENCE["dateline-tier"]
        else:
            source, confidence = DATELINE, CONFIDENCE[DATELINE]
        _set(location, code, source, confidence, gaz)
        return
    if has_dateline and not coded:
        return  # the dateline names a place the gazetteer does not know (abroad): unknown
    within = coded[0][1][0] if coded else None  # a dateline naming only a province
    scores: dict[str, float] = defaultdict(float)
    province_scores: dict[str, float] = defaultdict(float)
    for i, mention in enumerate(mentions):
        if i not in resolved or mention.where == DATELINE:
            continue
        code = resolved[i][0]
        if within and not code.startswith(within):
            continue
        weight = TITLE_WEIGHT if mention.where == TITLE else 1.0
        if mention.cue or code.count(".") >= 2:
            weight *= CUE_WEIGHT
        if mention.where == BODY and mention.start < LEAD_CHARS:
            weight *= LEAD_WEIGHT
        province_scores[code[:2]] += weight
        if code.count(".") >= 1:
            scores[code[:5]] += weight
    leader = _leader(scores)
    if leader:
        share = scores[leader] / sum(scores.values())
        _set(location, leader, "text", CONFIDENCE["text"] + 0.35 * share, gaz)
        if within:
            location.confidence = CONFIDENCE["dateline-text"]
        return
    if within:
        _set(location, within, DATELINE, CONFIDENCE[DATELINE], gaz)
        return
    province = _leader(province_scores)
    if province:
        share = province_scores[province] / sum(province_scores.values())
        _set(location, province, "text", CONFIDENCE["text"] + 0.35 * share, gaz)


def _leader(scores: dict[str, float]) -> str | None:
    """The region that scores CLEAR_LEAD times the next one, or None."""
    if not scores:
        return None
    ranked = sorted(scores.items(), key=lambda kv: (-kv[1], kv[0]))[:2]
    if len(ranked) == 1 or ranked[0][1] >= CLEAR_LEAD * ranked[1][1]:
        return ranked[0][0]
    return None


HOME_MIN_DATELINES = 3  # a portal's home is suggested from at least 3 coded datelines
HOME_MAJORITY = 0.5  # ... and only when one regency holds more than half of them


def home_region(locations: Iterable[StoryLocation]) -> tuple[str | None, int, int]:
    """The regency most of a portal's datelines name: `(code, its datelines, coded datelines)`;
    code None when fewer than HOME_MIN_DATELINES are coded or none holds a majority."""
    votes: Counter[str] = Counter(
        loc.regency_code
        for loc in locations
        if loc.regency_code and loc.source in (DATELINE, PORTAL)
    )
    total = sum(votes.values())
    if total < HOME_MIN_DATELINES:
        return None, 0, total
    code, count = votes.most_common(1)[0]
    return (code if count > HOME_MAJORITY * total else None), count, total
