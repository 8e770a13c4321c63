"""Full-text search over the archive: query planning, bm25 ranking, filters, hits and snippets."""

from __future__ import annotations

import json
import sqlite3
from collections import deque
from dataclasses import asdict, dataclass, field
from datetime import date
from functools import cached_property
from typing import Any
from urllib.parse import urlsplit

from crawler.archive.migrations import SEARCH_KEY_BITS, search_key_sql
from crawler.archive.storage import Archive
from crawler.research import query as query_language
from crawler.research.indexsync import EXACT_INDEX, STEM_INDEX
from crawler.research.stemming import iter_token_spans, site_token, stem_word, tokens

TITLE_WEIGHT, BODY_WEIGHT, AUTHORS_WEIGHT = 10.0, 1.0, 2.0
"""bm25 column weights: a word in the headline says far more about an article than one in its body
(tests/research/test_search.py checks a title hit outranks a body-only hit)."""
SNIPPET_TOKENS = 16  # about one line of a terminal around the first hit
MAX_QUERY_CHARS = (
    1000  # longer queries are refused: no real search needs more, FTS5 time grows with it
)
MAX_LIMIT = 10_000  # the CLI's ceiling; a bigger result set is an export (`warta export --query`)
HIGHLIGHT = ("\x02", "\x03")  # markers the CLI turns into colour or brackets
RANK_CAP = 75_000
"""Most matches that bm25 ranks whole for a query of one phrase (of k phrases: RANK_CAP // k, as
bm25 reads every phrase's hits in each row), or the common threshold (COMMON_SHARE of the
archive) when that is more, so a word that is not common is always ranked over every match. FTS5's
bm25 costs ~0.9 us of CPU per phrase and matching row of a mid word (bench/search.py, 1,000,000
articles): 75,000 keep a ranked search under ~75 ms. Common queries have a window of their own
(COMMON_WINDOW)."""
RANK_WINDOW = 20_000
"""Newest matches that bm25 ranks for a query with more than RANK_CAP (per phrase, like RANK_CAP):
a word in more than 7.5 % of a million articles, whose IDF says little about any one of them;
~18 ms. Results.ranked says so."""
COUNT_LIMIT = 200_000
"""Matches a search counts at most (6 ms of doclist at 1,000,000 articles); past it the count says
"more than 200,000"."""
SCAN_CAP = 100_000
"""Newest matches a search with a filter that FTS5 cannot check (author, language, region, story
region, canonical-only) looks at: ~0.25 us each through a set of ids (below), ~25 ms. Above the
70,625 articles of the bench's commonest 1-10 % word, so such words are ranked whole."""
SET_MAX = 50_000
"""Largest set of article ids a filter is checked against (read from an index and held in memory:
~0.2 us an id, ~10 ms); a filter whose ids and whose exceptions both number more is checked on each
match's row through the covering index (~3 us a match)."""
COMMON_SHARE = 0.071
"""A query is common when every word it needs is in more than this share of the archive's
articles. In the bench's generated archives the top 1 % of stems starts at 7.11 % of the articles
and the 1-10 % band ends at 7.05-7.07 % (at every size from 1,050,000 to 1,216,000), so 7.1 % puts
every top-1 % word above and every rarer one below (7 % put the commonest 1-10 % words among the
common ones as the archive grew). bm25's IDF of such a word is under 2.6 (a rarer word's is 4.6-7),
so its ranking is mostly term frequency and length, which a large sample of its newest matches
shows as well; words that are not common are ranked whole, as before."""
COMMON_WINDOW = 5_000
"""Newest matches a common query ranks, divided among what bm25 reads in each row: its phrases,
the portal tokens of a site or region filter, and positions for a phrase or field query. Before
bm25 ranks a row it reads the whole doclist of every phrase to count the articles holding it (its
IDF): ~30-40 ms for a word in most articles at 1,176,000 (bench/search.py), whatever is ranked;
each ranked row then costs ~1-4 us a phrase, so 5,000 keep that part under ~20 ms. The summary
line says so (`best of the newest 5,000`)."""
COMMON_SCAN = 20_000
"""Newest matches a common query with a filter checked match by match looks at (SCAN_CAP for the
others), divided like COMMON_WINDOW: ~0.5-2 us each with an author's check and bm25 of the passing
ones; an author's articles among them (~1 %, ~200) are ranked. With 30,000 the slowest of 8 of
bench/search.py's queries per author cell took 70-151 ms of CPU, with 20,000 64-106 (1,196,000
articles)."""
ID_MASK = (1 << SEARCH_KEY_BITS) - 1
"""An index rowid's low bits: the article id (the high bits are its publication minute)."""
ORDERS = ("relevance", "newest")
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


@dataclass
class Hit:
    """One search result."""

    url: str
    title: str | None
    site: str
    published_at: str | None
    authors: list[str] = field(default_factory=list)
    snippet: str = ""
    score: float = 0.0
    duplicate_of: str | None = None
    id: int = 0
    province: str | None = None
    regency: str | None = None

    def as_json(self) -> dict[str, Any]:
        """The hit as a JSON-ready dict, highlight markers turned into `[` `]`."""
        out = asdict(self)
        out["snippet"] = self.snippet.replace(HIGHLIGHT[0], "[").replace(HIGHLIGHT[1], "]")
        return out


@dataclass
class Results:
    """The hits of one search and how they were found."""

    hits: list[Hit]
    total: int
    """Matching articles (all filters applied); a lower bound when `total_exact` is false."""
    total_exact: bool = True
    ranked: int | None = None
    """Set when there were more than RANK_CAP matches: bm25 ranked only the newest `ranked`."""
    ranked_since: str | None = None
    """Publication date (YYYY-MM-DD) of the oldest match that was ranked, when `ranked` is set."""
    order: str = "relevance"

    def summary(self, *, cli: bool = True) -> str:
        """One line: how many hits of how many matches, and how to see more (`cli`: in the
        command's words, else in the search page's)."""
        shown = len(self.hits)
        total = f"{self.total:,}" if self.total_exact else f"more than {self.total:,}"
        if self.ranked is not None:
            since = f", published since {self.ranked_since}" if self.ranked_since else ""
            narrow = (
                "--since/--until or a filter; --newest lists by date"
                if cli
                else "dates or a filter; newest first lists by date"
            )
            return (
                f"{shown} of {total} matches, best of the newest {self.ranked:,}{since}"
                f" (narrow with more words, {narrow})"
            )
        if shown < self.total or not self.total_exact:
            return f"{shown} of {total} matches" + ("; --limit for more" if cli else "")
        return f"{shown} match" + ("" if shown == 1 else "es")


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
class _Plan:
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

    @property
    def filtered(self) -> bool:
        """Whether some filter is checked match by match (not inside FTS5)."""
        return bool(self.where or self.sets)

    def sql(
        self, select: str, *, rows: bool = True, low: int | None = None, join: bool = False
    ) -> tuple[str, list]:
        """`SELECT select FROM index f [row join] WHERE ...` and its parameters; `rows` false
        leaves the per-match filters out, `low` raises the range's lower end, `join` joins the
        article's covering index even without row conditions."""
        conditions = [f"f.{self.index} MATCH ?"]
        args: list[Any] = [self.fts]
        bottoms = [x for x in (self.low, low) if x is not None]
        if bottoms:
            conditions.append("f.rowid >= ?")
            args.append(max(bottoms))
        if self.high is not None:
            conditions.append("f.rowid < ?")
            args.append(self.high)
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


def _conditions(archive: Archive, match: Match, filters: Filters) -> _Conditions:
    """How each filter that FTS5 cannot check is checked: a set of ids when it is small (or its
    complement is), else a condition on the match's row; an author narrows by the words of the
    name in the authors field first (a set of index rowids) and is then checked on the row."""
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
        if words:  # every row whose authors hold the name's words in order: a superset
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


def _plan(archive: Archive, match: Match, filters: Filters) -> _Plan:
    fts = match.fts
    tokens = 0
    if filters.site and match.index == STEM_INDEX:  # the portal tokens filter inside FTS5
        names = filters.sites if filters.sites is not None else (filters.site,)
        portal_tokens = " OR ".join(f'"{site_token(name)}"' for name in names)
        fts = f"({fts}) AND site_key : ({portal_tokens})"
        tokens += len(names)
    if filters.region and match.index == STEM_INDEX:
        # a region is its portals': their tokens narrow inside FTS5, the region's ids stay exact
        portals = region_portals(archive, filters.region) or ["-"]
        portal_tokens = " OR ".join(f'"{site_token(name)}"' for name in portals)
        fts = f"({fts}) AND site_key : ({portal_tokens})"
        tokens += len(portals)
    low = _date_key(archive, filters.since) if filters.since else None
    high = _date_key(archive, filters.until) if filters.until else None
    if high is not None:  # an undated article (minute 0) is not published before any date
        low = max(low or 0, 1 << SEARCH_KEY_BITS)
    found = _conditions(archive, match, filters)
    if found.empty:  # no article passes: an empty range
        low, high = 1, 0
    return _Plan(
        match.index, fts, low, high, found.where, found.args, found.sets, found.set_args, tokens
    )


def _date_key(archive: Archive, day: str) -> int:
    """The smallest index rowid of an article published on or after `day` (00:00 local)."""
    return int(
        archive.conn.execute(f"SELECT {search_key_sql(':day', '0')}", {"day": day}).fetchone()[0]
    )


def _key_date(key: int) -> str | None:
    """The publication date (YYYY-MM-DD) a search key holds, None for an undated article."""
    minute = key >> SEARCH_KEY_BITS
    if minute <= 1:
        return None
    return date.fromordinal(date(1970, 1, 1).toordinal() + minute // 1440).isoformat()


def common_threshold(archive: Archive) -> int:
    """The number of articles a common word is in more than: COMMON_SHARE of the archive (its
    highest id: ids are never reused, so that is at least its rows; one index seek)."""
    newest = archive.conn.execute("SELECT max(id) FROM articles").fetchone()[0] or 0
    return int(newest * COMMON_SHARE)


def common_query(archive: Archive, match: Match, *, threshold: int | None = None) -> bool:
    """Whether every word or prefix the query looks for (not those after NOT) is common
    (COMMON_SHARE); a phrase of several words, a NEAR or `^` makes it not common. One count per
    word, stopped at the threshold (~6 ms for a common word at 1,000,000)."""
    if threshold is None:
        threshold = common_threshold(archive)

    def common(node: query_language.Node) -> bool:
        if isinstance(node, query_language.Phrase):
            if len(node.words) != 1 or node.initial:
                return False
            fts = query_language.to_fts(node, stemmed=not match.exact)
            found = archive.conn.execute(
                f"SELECT count(*) FROM ({match.ids_sql} LIMIT ?)", [fts, threshold + 1]
            ).fetchone()[0]
            return bool(found > threshold)
        if isinstance(node, query_language.Columns):
            return not node.negated and common(node.child)
        if isinstance(node, query_language.Bool):
            if node.op == "NOT":
                return common(node.parts[0])
            return all(common(part) for part in node.parts)
        return False  # NEAR

    return match.tree is not None and common(match.tree)


def find(
    archive: Archive,
    query: str,
    *,
    filters: Filters | None = None,
    order: str = "relevance",
    exact: bool = False,
    limit: int = 20,
) -> Results:
    """Articles matching a query, best first (bm25, title weighted above body) or newest first.

    Words match every Indonesian form with the same stem (`bangun` finds `pembangunan`) unless
    `exact`. A query with more than RANK_CAP matches is ranked over its newest RANK_CAP (the
    Results say so). Raises SearchError (one line) for a malformed query or filter."""
    if order not in ORDERS:
        raise SearchError(f"order {order!r}: choose {' or '.join(ORDERS)}")
    filters = (filters or Filters()).checked().resolved(archive)
    match = prepare(query, exact=exact)
    try:
        limit = max(1, min(int(limit), MAX_LIMIT))
    except (TypeError, ValueError):
        raise SearchError(f"limit {limit!r} is not a number") from None
    plan = _plan(archive, match, filters)
    try:
        return _run(archive, match, plan, order, limit)
    except sqlite3.OperationalError as exc:
        raise SearchError(f"cannot search {query.strip()!r}: {exc}") from None


def _run(archive: Archive, match: Match, plan: _Plan, order: str, limit: int) -> Results:
    conn = archive.conn
    phrases = max(1, match.phrases)
    threshold = common_threshold(archive)
    cap = max(1, max(RANK_CAP, threshold) // phrases)  # a word that is not common: every match
    weights = f"{TITLE_WEIGHT}, {BODY_WEIGHT}, {AUTHORS_WEIGHT}"
    if plan.index == STEM_INDEX:
        weights += ", 0.0"  # site_key: a filter, never a reason to rank higher
    score = f"bm25(f.{plan.index}, {weights})"
    if order == "relevance" and common_query(archive, match, threshold=threshold):
        # bm25 reads each phrase in every row, portal tokens included; positions cost more
        share = phrases + plan.tokens + match.positional
        window, scan = max(1, COMMON_WINDOW // share), max(1, COMMON_SCAN // share)
        return _run_common(archive, match, plan, limit, window, scan, score)
    if match.positional and order == "relevance" and not plan.filtered:
        # counting a phrase, NEAR or a field reads every candidate's positions, as ranking does:
        # rank every match in one pass when there are at most `cap` (they are rarely more)
        sql, args = plan.sql(f"f.rowid, {score}")
        rows = conn.execute(f"{sql} ORDER BY f.rowid DESC LIMIT ?", [*args, cap + 1]).fetchall()
        if len(rows) <= cap:
            best = sorted(((k & ID_MASK, v) for k, v in rows), key=lambda r: (r[1], r[0]))
            return Results(_hits(archive, match, best[:limit]), len(rows), order=order)
    sql, args = plan.sql("1", rows=False)  # the doclists only, no positions: ~0.03 us a match
    matches = conn.execute(
        f"SELECT count(*) FROM ({sql} LIMIT ?)", [*args, COUNT_LIMIT + 1]
    ).fetchone()[0]
    if plan.filtered:
        if matches > cap:  # more matches than bm25 ranks: the newest passing ones are ranked
            cap = max(1, min(RANK_WINDOW, RANK_CAP) // phrases)
        return _run_filtered(archive, match, plan, order, limit, matches, cap, score)
    total, exact_total = min(matches, COUNT_LIMIT), matches <= COUNT_LIMIT
    low = None
    if order == "newest":
        sql, args = plan.sql(f"f.rowid & {ID_MASK}, 0.0")
        ranked = conn.execute(f"{sql} ORDER BY f.rowid DESC LIMIT ?", [*args, limit]).fetchall()
    else:
        if matches > cap:
            cap = max(1, min(RANK_WINDOW, RANK_CAP) // phrases)
            low = _nth_newest(archive, plan, cap)
        sql, args = plan.sql(f"f.rowid & {ID_MASK} AS id, {score} AS score", low=low)
        ranked = conn.execute(f"{sql} ORDER BY score, id LIMIT ?", [*args, limit]).fetchall()
    return Results(
        hits=_hits(archive, match, ranked),
        total=total,
        total_exact=exact_total,
        ranked=cap if low is not None else None,
        ranked_since=_key_date(low) if low is not None else None,
        order=order,
    )


def _run_common(
    archive: Archive, match: Match, plan: _Plan, limit: int, window: int, scan: int, score: str
) -> Results:
    """A common query ranked over its newest `window` matches that pass the filters, in one pass
    and without a full count (past the window, the count says "more than `window`"). A filter
    checked match by match looks at the newest `scan` matches at most, unless the portal tokens
    of a region already narrow them inside FTS5 and only sets of ids are left to check (most
    pass; finding the bound would cost what the pass does)."""
    low = None
    if plan.where or (plan.sets and not plan.tokens):
        sql, args = plan.sql("f.rowid", rows=False)
        found = archive.conn.execute(
            f"{sql} ORDER BY f.rowid DESC LIMIT 1 OFFSET ?", [*args, scan - 1]
        ).fetchone()
        low = found[0] if found else None
    sql, args = plan.sql(f"f.rowid, {score}", low=low)
    rows = archive.conn.execute(
        f"{sql} ORDER BY f.rowid DESC LIMIT ?", [*args, window + 1]
    ).fetchall()
    best = sorted(((k & ID_MASK, v) for k, v in rows[:window]), key=lambda r: (r[1], r[0]))
    hits = _hits(archive, match, best[:limit])
    if len(rows) > window:
        since = _key_date(rows[window - 1][0])
        return Results(hits, window, False, ranked=window, ranked_since=since)
    if low is not None:  # fewer pass among the newest `scan`: all of them ranked
        return Results(hits, len(rows), False, ranked=scan, ranked_since=_key_date(low))
    return Results(hits, len(rows))


def _nth_newest(archive: Archive, plan: _Plan, n: int, *, rows: bool = False) -> int:
    """The index rowid of the `n`-th newest match (without the per-match filters unless `rows`)."""
    sql, args = plan.sql("f.rowid", rows=rows)
    return int(
        archive.conn.execute(
            f"{sql} ORDER BY f.rowid DESC LIMIT 1 OFFSET ?", [*args, n - 1]
        ).fetchone()[0]
    )


def _run_filtered(
    archive: Archive, match: Match, plan: _Plan, order: str, limit: int, matches: int, cap: int,
    score: str,
) -> Results:  # fmt: skip
    """A search with filters checked match by match: over every match, or over the newest
    SCAN_CAP when there are more; ranked whole up to `cap` passing matches, else the newest `cap`."""
    conn = archive.conn
    window = _nth_newest(archive, plan, SCAN_CAP) if matches > SCAN_CAP else None
    ranked_count: int | None = SCAN_CAP if window is not None else None
    oldest = window
    if order == "newest":
        sql, args = plan.sql(f"f.rowid & {ID_MASK}, 0.0")
        ranked = conn.execute(f"{sql} ORDER BY f.rowid DESC LIMIT ?", [*args, limit]).fetchall()
        sql, args = plan.sql("1", low=window)
        total = conn.execute(
            f"SELECT count(*) FROM ({sql} LIMIT ?)", [*args, COUNT_LIMIT + 1]
        ).fetchone()[0]
        return Results(
            hits=_hits(archive, match, ranked),
            total=min(total, COUNT_LIMIT),
            total_exact=window is None and total <= COUNT_LIMIT,
            order=order,
        )
    sql, args = plan.sql(f"f.rowid, {score}", low=window)
    rows = conn.execute(f"{sql} ORDER BY f.rowid DESC LIMIT ?", [*args, cap + 1]).fetchall()
    total, exact_total = len(rows), window is None
    if len(rows) > cap:  # more pass than bm25 ranks: the newest `cap` of them
        rows = rows[:cap]
        oldest, ranked_count = rows[-1][0], cap
        sql, args = plan.sql("1", low=window)
        total = conn.execute(
            f"SELECT count(*) FROM ({sql} LIMIT ?)", [*args, COUNT_LIMIT + 1]
        ).fetchone()[0]
        exact_total = window is None and total <= COUNT_LIMIT
        total = min(total, COUNT_LIMIT)
    best = sorted(((key & ID_MASK, value) for key, value in rows), key=lambda r: (r[1], r[0]))
    return Results(
        hits=_hits(archive, match, best[:limit]),
        total=total,
        total_exact=exact_total,
        ranked=ranked_count,
        ranked_since=_key_date(oldest) if oldest is not None else None,
        order=order,
    )


def _hits(archive: Archive, match: Match, ranked: list[tuple[int, float]]) -> list[Hit]:
    """The hits for (id, score) pairs, in their order, with snippets (bodies read only here)."""
    if not ranked:
        return []
    ids = [row[0] for row in ranked]
    details = {
        row[0]: row
        for row in archive.conn.execute(
            "SELECT id, url, title, site, published_at, authors, duplicate_of, body, province,"
            f" regency FROM articles WHERE id IN ({', '.join('?' * len(ids))})",
            ids,
        )
    }
    hits = []
    for article_id, score in ranked:
        row = details.get(article_id)
        if row is None:
            continue
        hits.append(
            Hit(
                id=row[0],
                url=row[1],
                title=row[2],
                site=row[3],
                published_at=row[4],
                authors=_json_list(row[5]),
                duplicate_of=row[6],
                snippet=snippet(row[7] or "", match),
                score=score,
                province=row[8],
                regency=row[9],
            )
        )
    return hits


FACET_SAMPLE = 10_000
"""Matches a facet count reads at most: above, every k-th article id is read and each count is
scaled by k and marked estimated (10,000 rows: ~20 ms; an estimate of a share of 10% then lands
within about 6% of its value, one standard error). Past COUNT_LIMIT matches, k comes from the
archive's size (its highest id) rather than a full count: fewer rows, a wider error."""
FACETS = ("site", "province", "regency", "month", "authors")
FACET_VALUES = 10  # values shown per facet: a screenful


@dataclass
class Facets:
    """Counts of the matches per portal, province, regency, month and author."""

    counts: dict[str, list[tuple[str, int]]]
    """Each facet's values, most frequent first (FACET_VALUES of them)."""
    estimated: bool = False
    """Counted over every `stride`-th article id and scaled: approximate."""
    stride: int = 1


def facets(
    archive: Archive,
    query: str,
    *,
    filters: Filters | None = None,
    exact: bool = False,
) -> Facets:
    """Facet counts over every match of a query (see FACET_SAMPLE for when they are estimated)."""
    filters = (filters or Filters()).checked().resolved(archive)
    match = prepare(query, exact=exact)
    plan = _plan(archive, match, filters)
    try:
        sql, args = plan.sql("1", rows=False)
        matches = archive.conn.execute(
            f"SELECT count(*) FROM ({sql} LIMIT ?)", [*args, COUNT_LIMIT + 1]
        ).fetchone()[0]
        if matches > COUNT_LIMIT:  # every k-th id of the archive: at most FACET_SAMPLE rows
            newest = archive.conn.execute("SELECT max(id) FROM articles").fetchone()[0] or 0
            matches = max(matches, newest)
        stride = max(1, -(-matches // FACET_SAMPLE))
        sql, args = plan.sql(
            "a.site, a.province, a.regency, substr(a.published_at, 1, 7), a.authors", join=True
        )
        if stride > 1:  # checked on the index row, before the article's row is looked up
            sql += f" AND (f.rowid & {ID_MASK}) % {stride} = 0"
        rows = archive.conn.execute(sql, args).fetchall()
    except sqlite3.OperationalError as exc:
        raise SearchError(f"cannot search {query.strip()!r}: {exc}") from None
    tallies: dict[str, dict[str, int]] = {name: {} for name in FACETS}
    for row in rows:
        for name, value in zip(FACETS[:4], row[:4], strict=True):
            if value:
                tallies[name][value] = tallies[name].get(value, 0) + 1
        for author in _json_list(row[4]):
            tallies["authors"][author] = tallies["authors"].get(author, 0) + 1
    counts = {
        name: sorted(((v, n * stride) for v, n in found.items()), key=lambda x: (-x[1], x[0]))[
            :FACET_VALUES
        ]
        for name, found in tallies.items()
    }
    return Facets(counts, estimated=stride > 1, stride=stride)


def search(
    archive: Archive,
    query: str,
    *,
    site: str | None = None,
    since: str | None = None,
    until: str | None = None,
    region: str | None = None,
    author: str | None = None,
    language: str | None = None,
    canonical_only: bool = False,
    exact: bool = False,
    order: str = "relevance",
    limit: int = 20,
    story_region: str | None = None,
) -> list[Hit]:
    """The hits of `find` for keyword filters (see `find`)."""
    filters = Filters(
        site, region, author, language, since, until, canonical_only, story_region=story_region
    )
    return find(archive, query, filters=filters, order=order, exact=exact, limit=limit).hits


def snippet(text: str, match: Match, *, width: int = SNIPPET_TOKENS) -> str:
    """About `width` words of `text` around its first matching word, matches between HIGHLIGHT
    markers (an ellipsis marks cut ends); the opening words when nothing in the text matches.
    Reads the text only up to the end of the window."""
    lead = width // 4  # words shown before the first match
    # No word can match before the first place a stem core (Match.stem_cores) occurs: the words
    # before it are only counted, not lower-cased and stemmed.
    lowered = text.lower()
    if len(lowered) != len(text):  # a letter whose lower case is longer: offsets would shift
        first_core = 0
    else:
        places = [p for core in match.stem_cores if (p := lowered.find(core)) >= 0]
        first_core = min(places, default=len(text))
    window: deque[tuple[int, int]] = deque(maxlen=lead + 1)
    spans: list[tuple[int, int]] = []
    found = False
    skipped = 0
    opening: list[tuple[int, int]] = []
    for span in iter_token_spans(text):
        if found:
            spans.append(span)
            if len(spans) >= width + 1:  # one more than shown: tells whether the end is cut
                break
            continue
        if len(opening) <= width:
            opening.append(span)
        if len(window) == window.maxlen:
            skipped += 1
        window.append(span)
        if first_core >= len(text) and len(opening) > width:
            break  # nothing in the text can match: the opening words are the snippet
        if span[1] > first_core and _matches(text[span[0] : span[1]], match):
            found = True
            spans = list(window)
    if not found:
        spans, skipped = opening, 0
    if not spans:
        return ""
    cut_end = len(spans) > width
    spans = spans[:width]
    out: list[str] = ["…"] if skipped else []
    cursor = spans[0][0]
    for start, stop in spans:
        out.append(text[cursor:start])
        word = text[start:stop]
        out.append(f"{HIGHLIGHT[0]}{word}{HIGHLIGHT[1]}" if _matches(word, match) else word)
        cursor = stop
    if cut_end:
        out.append("…")
    return " ".join("".join(out).split())


def _matches(word: str, match: Match) -> bool:
    folded = word.lower()  # `word` is one token already
    candidate = folded
    if not match.exact and any(core in folded for core in match.stem_cores):
        candidate = stem_word(folded)  # Sastrawi: ~0.4 ms for a word this process never saw
    if candidate in match.terms:
        return True
    return any(folded.startswith(p) or candidate.startswith(p) for p in match.prefixes if p)


def _json_list(value: str | None) -> list[str]:
    try:
        found = json.loads(value or "[]")
    except ValueError:
        return []
    return [str(x) for x in found] if isinstance(found, list) else []


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
