"""The search planner: a checked query, its filters, and how FTS5, sets of article ids and the
match's row check them (search.py ranks what it plans)."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from datetime import date
from functools import cached_property
from typing import Any
from urllib.parse import urlsplit

from crawler.archive.migrations import SEARCH_KEY_BITS, search_key_sql
from crawler.archive.storage import Archive
from crawler.research import query as query_language
from crawler.research.indexsync import EXACT_INDEX, STEM_INDEX
from crawler.research.stemming import site_token, tokens

MAX_QUERY_CHARS = (
    1000  # longer queries are refused: no real search needs more, FTS5 time grows with it
)
SET_MAX = 50_000
"""Largest set of article ids a filter is checked against (read from an index and held in memory:
~0.2 us an id, ~10 ms); a filter whose ids and whose exceptions both number more is checked on each
match's row through the covering index (~3 us a match)."""
ID_MASK = (1 << SEARCH_KEY_BITS) - 1
"""An index rowid's low bits: the article id (the high bits are its publication minute)."""
FACTS_INDEX = "articles_search_facts"
"""The covering index (m012) that gives a match's filter and facet columns without its row."""
_ARTICLE = f"CROSS JOIN articles a INDEXED BY {FACTS_INDEX} ON a.id = (f.rowid & {ID_MASK})"


class SearchError(ValueError):
    """A query the archive cannot run (one-line message)."""


@dataclass(frozen=True)
class Filters:
    """Which articles a search or an export looks at (all given conditions must hold).

    A new filter is a field here and a condition in `row_sql` (checked on each match through the
    covering index `articles_search_facts`, or an EXISTS on a table of its own); `sql` gives
    export the same conditions."""

    site: str | None = None
    """Portal: its name as stored in `articles.site` (the registry name) or its host."""
    region: str | None = None
    """Province or regency (either column, case-insensitive)."""
    author: str | None = None
    """One of the article's authors (whole name, case-insensitive)."""
    language: str | None = None
    """ISO 639-1 code of the detected language (`id`, `jv`, `su`, ...)."""
    since: str | None = None
    """Published on or after this date (YYYY-MM-DD)."""
    until: str | None = None
    """Published before this date (YYYY-MM-DD)."""
    canonical_only: bool = False
    """Leave out exact copies (`duplicate_of`) and non-canonical members of near-duplicate clusters."""
    story_region: str | None = None
    """Where the story happened: a province or regency, by name or Kemendagri code (`Banyuasin`,
    `16.07`, `Sumsel`); a province includes its regencies. Checked: the code."""
    sites: tuple[str, ...] | None = None
    """The portal names `site` stands for in one archive (set by `resolved`)."""

    def checked(self) -> Filters:
        """The filters with dates validated and normalised (SearchError when one is not a date)."""
        values = asdict(self)
        for name in ("since", "until"):
            if values[name] is not None:
                values[name] = _iso_date(values[name], name)
        for name in ("site", "region", "author", "language"):
            if isinstance(values[name], str) and "\x00" in values[name]:
                raise SearchError(f"--{name} contains a NUL byte")
        if values["story_region"] is not None:
            values["story_region"] = _story_region_code(values["story_region"])
        if values["sites"] is not None:
            values["sites"] = tuple(values["sites"])
        return Filters(**values)

    def resolved(self, archive: Archive) -> Filters:
        """The filters with `site` looked up in the archive (SearchError naming the portals
        there when it is none of them)."""
        if not self.site or self.sites is not None:
            return self
        values = asdict(self)
        values["sites"] = tuple(resolve_site(archive, self.site))
        return Filters(**values)

    def sql(self, alias: str = "a") -> tuple[list[str], list[Any]]:
        """WHERE conditions over `articles AS alias` and their parameters."""
        where, args = self.row_sql(alias)
        if self.site:
            names = self.sites if self.sites is not None else (self.site,)
            where.insert(0, f"{alias}.site IN ({', '.join('?' * len(names))})")
            args[:0] = list(names)
        if self.since:
            where.append(f"{alias}.published_at >= ?")
            args.append(self.since)
        if self.until:
            where.append(f"{alias}.published_at < ?")
            args.append(self.until)
        return where, args

    def row_sql(self, alias: str = "a") -> tuple[list[str], list[Any]]:
        """The conditions that a search checks on each match's row (the portal and the dates are
        checked inside the index): region, author, language, canonical-only, story region."""
        where: list[str] = []
        args: list[Any] = []
        if self.region:
            where.append(
                f"({alias}.province = ? COLLATE NOCASE OR {alias}.regency = ? COLLATE NOCASE)"
            )
            args += [self.region, self.region]
        if self.author:
            # instr() first: the JSON is read only for the rows that hold the name at all
            where.append(
                f"instr(lower({alias}.authors), lower(?)) > 0 AND EXISTS (SELECT 1 FROM"
                f" json_each({alias}.authors) AS author WHERE author.value = ? COLLATE NOCASE)"
            )
            args += [self.author, self.author]
        if self.language:
            where.append(f"{alias}.language = ?")
            args.append(self.language)
        if self.canonical_only:
            where.append(f"{alias}.duplicate_of IS NULL AND {alias}.is_canonical = 1")
        if self.story_region:
            level = "regency" if "." in self.story_region else "province"
            where.append(f"{alias}.story_{level}_code = ?")
            args.append(self.story_region)
        return where, args

    def as_json(self) -> dict[str, Any]:
        """The filters that are set, as a JSON-ready dict."""
        return {k: v for k, v in asdict(self).items() if v not in (None, False) and k != "sites"}


@dataclass(frozen=True)
class Match:
    """A checked query ready for one of the two FTS indexes."""

    index: str
    """`articles_fts` (literal tokens) or `articles_stem_fts` (stems)."""
    fts: str
    """The FTS5 query to run on that index."""
    terms: frozenset[str]
    """Folded tokens (exact) or stems that a snippet highlights."""
    prefixes: frozenset[str]
    """Prefix terms that a snippet highlights."""
    exact: bool
    phrases: int = 1
    """Phrases in the query (bm25 reads each one's hits in every ranked row)."""
    positional: bool = False
    """The query has a phrase of several words, a NEAR or a field (`title:`): FTS5 reads the
    positions of every candidate to find its matches."""
    tree: query_language.Node | None = None
    """The parsed query."""

    @cached_property
    def stem_cores(self) -> tuple[str, ...]:
        """Each searched stem or prefix without its first letter. Sastrawi strips affixes and
        at most recodes a stem's first letter (`memukul` -> `pukul`, `menyapu` -> `sapu`), so a
        word whose stem is `bangun` holds `angun`; words that hold no core need no stemming (no
        exception among 36,000 affixed forms and dev-corpus words; a miss costs a highlight)."""
        return tuple(sorted({term[1:] for term in self.terms | self.prefixes}))

    @property
    def ids_sql(self) -> str:
        """SQL selecting the ids of the matching articles (one parameter: `fts`)."""
        return f"SELECT rowid & {ID_MASK} FROM {self.index} WHERE {self.index} MATCH ?"


def check_query(query: str) -> str:
    """Refuse queries that cannot be valid before they reach SQLite."""
    if not isinstance(query, str):
        raise SearchError("query is not text")
    if "\x00" in query:
        raise SearchError("query contains a NUL byte")
    try:
        query.encode("utf-8")
    except UnicodeEncodeError:  # e.g. an invalid byte on the command line, surrogate-escaped
        raise SearchError("query is not valid UTF-8 text") from None
    query = query.strip()
    if not query:
        raise SearchError("empty query")
    if len(query) > MAX_QUERY_CHARS:
        raise SearchError(f"query longer than {MAX_QUERY_CHARS} characters")
    return query


def prepare(query: str, *, exact: bool = False) -> Match:
    """Check and parse a query and aim it at the stem index (default) or the literal one
    (`exact`). SearchError says what to change in a query that cannot be read."""
    query = check_query(query)
    try:
        parsed = query_language.parse(query)
    except query_language.QueryError as exc:
        raise SearchError(f"cannot search {query!r}: {exc}") from None
    prefixes = frozenset(p.words[-1] for p in parsed.phrases if p.prefix)
    words: set[str] = set()
    for phrase in parsed.phrases:
        whole = phrase.words[:-1] if phrase.prefix else phrase.words
        words.update(whole if exact else query_language.stem_words(whole))
    fts = query_language.to_fts(parsed.tree, stemmed=not exact)
    return Match(
        EXACT_INDEX if exact else STEM_INDEX,
        fts,
        frozenset(words),
        prefixes,
        exact,
        max(1, len(parsed.phrases)),
        any(
            isinstance(node, query_language.Near | query_language.Columns)
            or (isinstance(node, query_language.Phrase) and len(node.words) > 1)
            for node in query_language.walk(parsed.tree)
        ),
        parsed.tree,
    )


def resolve_site(archive: Archive, site: str) -> list[str]:
    """The portal names in the archive that `site` means: the name itself, or every portal whose
    articles live on that host (`ttn.co.id`, `https://www.ttn.co.id/`). SearchError listing the
    archive's portals when none matches."""
    portals = archive_portals(archive)
    wanted = site.strip()
    if wanted in portals:
        return [wanted]
    folded = {name.lower(): name for name in portals}
    if wanted.lower() in folded:
        return [folded[wanted.lower()]]
    host = _host(wanted)
    found = [name for name, url in portals.items() if host and _host(url) == host]
    if found:
        return found
    shown = ", ".join(sorted(portals)[:SITES_LISTED]) or "none yet"
    more = f" and {len(portals) - SITES_LISTED} more" if len(portals) > SITES_LISTED else ""
    raise SearchError(
        f"no portal {site!r} in this archive; its portals (by name or host): {shown}{more}"
    )


SITES_LISTED = 30  # portals an unknown --site lists: a screenful; `warta sites list` has them all


def region_portals(archive: Archive, region: str) -> list[str]:
    """The portals of a province or regency (case-insensitive), as one article of each gives it
    (the registry's region of a portal; the search still checks each match's own row)."""
    rows = archive.conn.execute(
        "WITH RECURSIVE portal(site) AS (SELECT min(site) FROM articles UNION ALL"
        " SELECT (SELECT min(site) FROM articles WHERE site > portal.site) FROM portal"
        " WHERE portal.site IS NOT NULL)"
        " SELECT site FROM portal WHERE site IS NOT NULL AND EXISTS (SELECT 1 FROM (SELECT"
        " province, regency FROM articles WHERE articles.site = portal.site LIMIT 1)"
        " WHERE province = :r COLLATE NOCASE OR regency = :r COLLATE NOCASE)",
        {"r": region},
    ).fetchall()
    return [row[0] for row in rows]


def archive_portals(archive: Archive) -> dict[str, str]:
    """Each portal name in the archive with the URL of one of its articles (one index seek per
    portal, so cheap at any size)."""
    rows = archive.conn.execute(
        "WITH RECURSIVE portal(site) AS (SELECT min(site) FROM articles UNION ALL"
        " SELECT (SELECT min(site) FROM articles WHERE site > portal.site) FROM portal"
        " WHERE portal.site IS NOT NULL)"
        " SELECT site, (SELECT url FROM articles WHERE articles.site = portal.site LIMIT 1)"
        " FROM portal WHERE site IS NOT NULL"
    ).fetchall()
    return {site: url or "" for site, url in rows}


def _host(value: str) -> str:
    """The host of a URL or bare host name, lower-case, without `www.`."""
    text = value.strip().lower()
    host = urlsplit(text if "//" in text else f"//{text}").hostname or ""
    return host.removeprefix("www.")


@dataclass(frozen=True)
class Plan:
    """One query against one index: FTS5 expression, rowid range, and the filters FTS5 cannot
    check: sets of ids (or index rowids) each match is looked up in, and conditions on its row."""

    index: str
    fts: str
    low: int | None
    high: int | None
    where: list[str]
    """Conditions on the match's row (`a`, through the covering index): ~3 us a match."""
    args: list[Any]
    sets: list[str] = field(default_factory=list)
    """Conditions on `f.rowid` against a set held in memory: ~0.2 us a match."""
    set_args: list[Any] = field(default_factory=list)
    tokens: int = 0
    """Portal tokens a site or region filter added to `fts` (bm25 reads each one in every row)."""
    narrowed: str | None = None
    """The author's words in the authors field (FTS5 syntax) when they narrow inside `fts` (a
    plan that bm25 does not rank): no match is outside the articles they match."""
    extra: str = ""
    """What the filters added to the query's own FTS5 expression in `fts` (` AND site_key : ...`)."""

    @property
    def filtered(self) -> bool:
        """Whether some filter is checked match by match (not inside FTS5)."""
        return bool(self.where or self.sets)

    def scoring(self, fts: str) -> str:
        """The plan's FTS5 query with `fts` in place of the query's own expression."""
        return _with_filters(fts, self.extra)

    def passing(self) -> tuple[str, list[Any]]:
        """An expression over `f` that is 1 when a match passes the per-match filters, else 0:
        the sets first, the row (one lookup in the covering index) only for those that pass
        them; and its parameters."""
        expression, args = "1", []
        if self.where:
            expression = (
                f"EXISTS (SELECT 1 FROM articles a INDEXED BY {FACTS_INDEX} WHERE"
                f" a.id = (f.rowid & {ID_MASK}) AND {' AND '.join(self.where)})"
            )
            args = list(self.args)
        if self.sets:
            expression = f"CASE WHEN {' AND '.join(self.sets)} THEN {expression} ELSE 0 END"
            args = [*self.set_args, *args]
        return expression, args

    def sql(
        self,
        select: str,
        *,
        rows: bool = True,
        low: int | None = None,
        join: bool = False,
        scored: str | None = None,
        keys: list[int] | None = None,
    ) -> tuple[str, list]:
        """`SELECT select FROM index f [row join] WHERE ...` and its parameters; `rows` false
        leaves the per-match filters out, `low` raises the range's lower end, `join` joins the
        article's covering index even without row conditions. With `scored` (a part of the
        query's expression, see query.scored_part) the rows are read from that part and kept
        when they match the whole plan (a set of index rowids built once), or when they are among
        `keys` (index rowids of matches found before): what bm25 in `select` reads is then that
        part alone."""
        bottoms = [x for x in (self.low, low) if x is not None]
        ranges, range_args = [], []
        if bottoms:
            ranges.append("rowid >= ?")
            range_args.append(max(bottoms))
        if self.high is not None:
            ranges.append("rowid < ?")
            range_args.append(self.high)
        conditions = [f"f.{self.index} MATCH ?", *(f"f.{r}" for r in ranges)]
        args: list[Any] = [self.fts if scored is None else self.scoring(scored), *range_args]
        # `+`: checked on each row read, never a list of rowids for FTS5 to seek one by one
        if keys is not None:
            conditions.append("+f.rowid IN (SELECT value FROM json_each(?))")
            args.append(json.dumps(keys))
        elif scored is not None:
            inner = " AND ".join([f"{self.index} MATCH ?", *ranges])
            conditions.append(f"+f.rowid IN (SELECT rowid FROM {self.index} WHERE {inner})")
            args += [self.fts, *range_args]
        joined = ""
        if (rows and self.where) or join:
            joined = _ARTICLE
        if rows:  # the sets first: SQLite checks them before it looks up the row
            conditions += self.sets + self.where
            args += self.set_args + self.args
        # CROSS JOIN keeps the index the outer loop: matches stream in rowid (publication) order
        # and each is looked up once in the covering index, never the other way round.
        return (
            f"SELECT {select} FROM {self.index} f {joined} WHERE {' AND '.join(conditions)}",
            args,
        )


@dataclass
class _Conditions:
    """The filters FTS5 cannot check, as the plan will check them."""

    sets: list[str] = field(default_factory=list)
    set_args: list[Any] = field(default_factory=list)
    where: list[str] = field(default_factory=list)
    args: list[Any] = field(default_factory=list)
    empty: bool = False
    """A filter no article passes: the search has no hits."""

    def add_ids(
        self, archive: Archive, ids_sql: str, args: list[Any], *, negate: bool = False
    ) -> bool:
        """Check matches against the article ids `ids_sql` selects (or their complement) when
        there are at most SET_MAX of them; False when there are more. No id to leave out: no check."""
        found = archive.conn.execute(
            f"SELECT count(*) FROM ({ids_sql} LIMIT ?)", [*args, SET_MAX + 1]
        ).fetchone()[0]
        if found > SET_MAX:
            return False
        if found == 0:
            self.empty = self.empty or not negate
            return True
        self.sets.append(f"(f.rowid & {ID_MASK}) {'NOT IN' if negate else 'IN'} ({ids_sql})")
        self.set_args += args
        return True

    def add_keys(self, archive: Archive, keys_sql: str, args: list[Any]) -> bool:
        """Check matches against the index rowids `keys_sql` selects (from either FTS index)
        when there are at most SET_MAX of them; False when there are more."""
        found = archive.conn.execute(
            f"SELECT count(*) FROM ({keys_sql} LIMIT ?)", [*args, SET_MAX + 1]
        ).fetchone()[0]
        if found > SET_MAX:
            return False
        self.empty = self.empty or found == 0
        # `+`: a filter on each match, never a list of rowids for FTS5 to look up one by one
        self.sets.append(f"+f.rowid IN ({keys_sql})")
        self.set_args += args
        return True

    def add_row_check(self, condition: str, args: list[Any]) -> None:
        """Check a condition on each match's row (the covering index)."""
        self.where.append(condition)
        self.args += args


_SITE_KEYS = f"SELECT rowid FROM {STEM_INDEX} WHERE {STEM_INDEX} MATCH ?"
_AUTHOR_KEYS = f"SELECT rowid FROM {EXACT_INDEX} WHERE {EXACT_INDEX} MATCH ?"
_REGION_IDS = (
    "SELECT id FROM articles WHERE province = ? COLLATE NOCASE"
    " UNION ALL SELECT id FROM articles WHERE regency = ? COLLATE NOCASE"
)
_LANGUAGE_IDS = "SELECT id FROM articles WHERE language = ?"
_OTHER_LANGUAGE_IDS = (
    "SELECT id FROM articles WHERE language < ? UNION ALL SELECT id FROM articles"
    " WHERE language > ? UNION ALL SELECT id FROM articles WHERE language IS NULL"
)
_COPY_IDS = "SELECT id FROM articles WHERE duplicate_of IS NOT NULL OR is_canonical = 0"
"""Exact copies and non-canonical near-duplicates (the partial index `articles_copies`, m015)."""


def _conditions(
    archive: Archive, match: Match, filters: Filters, *, author_in_fts: bool = False
) -> _Conditions:
    """How each filter that FTS5 cannot check is checked: a set of ids when it is small (or its
    complement is), else a condition on the match's row; an author narrows by the words of the
    name in the authors field first (a set of index rowids, unless `author_in_fts`: the query
    holds them already) and is then checked on the row."""
    found = _Conditions()
    if filters.site and match.index == EXACT_INDEX:  # the stem index holds each portal's token
        names = filters.sites if filters.sites is not None else (filters.site,)
        portals = " OR ".join(f'"{site_token(name)}"' for name in names)
        if not found.add_keys(archive, _SITE_KEYS, [f"site_key : ({portals})"]):
            found.add_row_check(f"a.site IN ({', '.join('?' * len(names))})", list(names))
    if filters.region:
        region = [filters.region, filters.region]
        if not found.add_ids(archive, _REGION_IDS, region):
            found.add_row_check(
                "(a.province = ? COLLATE NOCASE OR a.regency = ? COLLATE NOCASE)", region
            )
    if filters.author:
        words = tokens(filters.author)
        if words and not author_in_fts:  # rows whose authors hold the name's words: a superset
            phrase = '"' + " ".join(w.replace('"', '""') for w in words) + '"'
            found.add_keys(archive, _AUTHOR_KEYS, [f"authors : {phrase}"])
        found.add_row_check(
            "instr(lower(a.authors), lower(?)) > 0 AND EXISTS (SELECT 1 FROM"
            " json_each(a.authors) AS author WHERE author.value = ? COLLATE NOCASE)",
            [filters.author, filters.author],
        )
    if filters.language:
        other = [filters.language, filters.language]
        if not (
            found.add_ids(archive, _OTHER_LANGUAGE_IDS, other, negate=True)
            or found.add_ids(archive, _LANGUAGE_IDS, [filters.language])
        ):
            found.add_row_check("a.language = ?", [filters.language])
    if filters.canonical_only and not found.add_ids(archive, _COPY_IDS, [], negate=True):
        found.add_row_check("a.duplicate_of IS NULL AND a.is_canonical = 1", [])
    if filters.story_region:
        level = "regency" if "." in filters.story_region else "province"
        ids_sql = f"SELECT id FROM articles WHERE story_{level}_code = ?"
        if not found.add_ids(archive, ids_sql, [filters.story_region]):
            found.add_row_check(f"a.story_{level}_code = ?", [filters.story_region])
    return found


def author_phrase(match: Match, author: str) -> str | None:
    """FTS5 syntax for the words of an author's name in the authors field of the match's index
    (stemmed in the stem index, as it holds them); None when the name has no word."""
    words = tuple(tokens(author))
    if not words:
        return None
    phrase = query_language.to_fts(query_language.Phrase(words), stemmed=match.index == STEM_INDEX)
    return f"authors : ({phrase})"


def _with_filters(fts: str, extra: str) -> str:
    """A query's FTS5 expression with what the filters add inside FTS5 (`Plan.extra`)."""
    return f"({fts}){extra}" if extra else fts


def plan_query(archive: Archive, match: Match, filters: Filters, *, ranked: bool = True) -> Plan:
    """How to run a query with filters. Unless `ranked`, an author's name narrows inside FTS5
    (an AND with the name's words in the authors field: the index skips to the author's few
    rows instead of checking every match, ~4 us an article of the author's); a ranked query
    keeps it out of the FTS5 query, where bm25 would score the name's words too."""
    extra = ""
    tokens = 0
    if filters.site and match.index == STEM_INDEX:  # the portal tokens filter inside FTS5
        names = filters.sites if filters.sites is not None else (filters.site,)
        portal_tokens = " OR ".join(f'"{site_token(name)}"' for name in names)
        extra += f" AND site_key : ({portal_tokens})"
        tokens += len(names)
    if filters.region and match.index == STEM_INDEX:
        # a region is its portals': their tokens narrow inside FTS5, the region's ids stay exact
        portals = region_portals(archive, filters.region) or ["-"]
        portal_tokens = " OR ".join(f'"{site_token(name)}"' for name in portals)
        extra += f" AND site_key : ({portal_tokens})"
        tokens += len(portals)
    low = _date_key(archive, filters.since) if filters.since else None
    high = _date_key(archive, filters.until) if filters.until else None
    if high is not None:  # an undated article (minute 0) is not published before any date
        low = max(low or 0, 1 << SEARCH_KEY_BITS)
    narrowed = None if ranked or not filters.author else author_phrase(match, filters.author)
    if narrowed:
        extra += f" AND {narrowed}"
    found = _conditions(archive, match, filters, author_in_fts=narrowed is not None)
    if found.empty:  # no article passes: an empty range
        low, high = 1, 0
    fts = _with_filters(match.fts, extra)
    return Plan(
        match.index, fts, low, high, found.where, found.args, found.sets, found.set_args, tokens,
        narrowed, extra,
    )  # fmt: skip


def _date_key(archive: Archive, day: str) -> int:
    """The smallest index rowid of an article published on or after `day` (00:00 local)."""
    return int(
        archive.conn.execute(f"SELECT {search_key_sql(':day', '0')}", {"day": day}).fetchone()[0]
    )


def key_date(key: int) -> str | None:
    """The publication date (YYYY-MM-DD) a search key holds, None for an undated article."""
    minute = key >> SEARCH_KEY_BITS
    if minute <= 1:
        return None
    return date.fromordinal(date(1970, 1, 1).toordinal() + minute // 1440).isoformat()


def _story_region_code(value: str) -> str:
    """The Kemendagri code of a province or regency given by name or code (SearchError naming
    the nearest names or the choices)."""
    from crawler.places import GazetteerError, gazetteer

    if "\x00" in value:
        raise SearchError("--story-region contains a NUL byte")
    try:
        return gazetteer().resolve(value).code
    except GazetteerError as exc:
        raise SearchError(f"--story-region: {exc}") from None


def _iso_date(value: str, name: str) -> str:
    try:
        return date.fromisoformat(str(value).strip()).isoformat()
    except ValueError:
        raise SearchError(f"--{name} {value!r} is not a date (YYYY-MM-DD)") from None
