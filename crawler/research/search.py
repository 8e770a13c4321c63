"""Full-text search over the archive: FTS5 bm25 ranking, Indonesian stems, filters, snippets."""

from __future__ import annotations

import json
import random
import sqlite3
from collections import deque
from dataclasses import asdict, dataclass, field, replace
from datetime import date
from functools import cached_property
from typing import Any

from crawler.archive.migrations import FTS_COLUMNS, FTS_TOKENIZER
from crawler.archive.storage import Archive
from crawler.research.stemming import (
    STEM_FUNCTION,
    iter_token_spans,
    site_token,
    stem_query,
    stem_word,
)

TITLE_WEIGHT, BODY_WEIGHT, AUTHORS_WEIGHT = 10.0, 1.0, 2.0
"""bm25 column weights: a word in the headline says far more about an article than one in its body
(tests/research/test_search.py checks a title hit outranks a body-only hit)."""
SNIPPET_TOKENS = 16  # about one line of a terminal around the first hit
MAX_QUERY_CHARS = (
    1000  # longer queries are refused: no real search needs more, FTS5 time grows with it
)
MAX_LIMIT = 10_000  # the CLI's ceiling; a bigger result set is an export (`warta export --query`)
HIGHLIGHT = ("\x02", "\x03")  # markers the CLI turns into colour or brackets
EXACT_INDEX, STEM_INDEX = "articles_fts", "articles_stem_fts"
"""The literal-token index (migration m002) and the Indonesian-stem index (m007, m009)."""


class SearchError(ValueError):
    """A query the archive cannot run (one-line message)."""


@dataclass(frozen=True)
class Filters:
    """Which articles a search or an export looks at (all given conditions must hold)."""

    site: str | None = None
    """Portal name, exactly as in `articles.site`."""
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
        return Filters(**values)

    def sql(self, alias: str = "a") -> tuple[list[str], list[Any]]:
        """WHERE conditions over `articles AS alias` and their parameters."""
        where: list[str] = []
        args: list[Any] = []
        if self.site:
            where.append(f"{alias}.site = ?")
            args.append(self.site)
        if self.region:
            where.append(
                f"({alias}.province = ? COLLATE NOCASE OR {alias}.regency = ? COLLATE NOCASE)"
            )
            args += [self.region, self.region]
        if self.author:
            where.append(
                f"EXISTS (SELECT 1 FROM json_each({alias}.authors) AS author"
                " WHERE author.value = ? COLLATE NOCASE)"
            )
            args.append(self.author)
        if self.language:
            where.append(f"{alias}.language = ?")
            args.append(self.language)
        if self.since:
            where.append(f"{alias}.published_at >= ?")
            args.append(self.since)
        if self.until:
            where.append(f"{alias}.published_at < ?")
            args.append(self.until)
        if self.canonical_only:
            where.append(f"{alias}.duplicate_of IS NULL AND {alias}.is_canonical = 1")
        if self.story_region:
            level = "regency" if "." in self.story_region else "province"
            where.append(f"{alias}.story_{level}_code = ?")
            args.append(self.story_region)
        return where, args

    def as_json(self) -> dict[str, Any]:
        """The filters that are set, as a JSON-ready dict."""
        return {k: v for k, v in asdict(self).items() if v not in (None, False)}


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

    @cached_property
    def stem_cores(self) -> tuple[str, ...]:
        """Each searched stem or prefix without its first letter. Sastrawi strips affixes and
        at most recodes a stem's first letter (`memukul` -> `pukul`, `menyapu` -> `sapu`), so a
        word whose stem is `bangun` holds `angun`; words that hold no core need no stemming (no
        exception among 36,000 affixed forms and dev-corpus words; a miss costs a highlight)."""
        return tuple(sorted({term[1:] for term in self.terms | self.prefixes}))


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
    """Check a query and aim it at the stem index (default) or the literal one (`exact`)."""
    query = check_query(query)
    stemmed = stem_query(query)
    if exact:
        return Match(
            EXACT_INDEX, query, frozenset(stemmed.literal_words), frozenset(stemmed.prefixes), True
        )
    return Match(
        STEM_INDEX, stemmed.fts, frozenset(stemmed.stems), frozenset(stemmed.prefixes), False
    )


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
    limit: int = 20,
    story_region: str | None = None,
) -> list[Hit]:
    """Articles matching an FTS5 query, best first (bm25, title weighted above body).

    Words match every Indonesian form with the same stem (`bangun` finds `pembangunan`) unless
    `exact`. Raises SearchError (one line) for a malformed query or filter."""
    filters = Filters(
        site, region, author, language, since, until, canonical_only, story_region
    ).checked()
    match = prepare(query, exact=exact)
    try:
        limit = max(1, min(int(limit), MAX_LIMIT))
    except (TypeError, ValueError):
        raise SearchError(f"limit {limit!r} is not a number") from None
    fts = match.fts
    if filters.site and match.index == STEM_INDEX:
        # the portal token in the stem index does the site filter inside FTS5
        fts = f"({fts}) AND site_key:{site_token(filters.site)}"
        filters = replace(filters, site=None)
    where, args = filters.sql("a")
    conditions = " AND ".join([f"{match.index} MATCH ?", *where])
    # Articles rows are big (the body lives in them): join them only when a filter needs them.
    join = f"CROSS JOIN articles a ON a.id = {match.index}.rowid" if where else ""
    weights = f"{TITLE_WEIGHT}, {BODY_WEIGHT}, {AUTHORS_WEIGHT}"
    if match.index == STEM_INDEX:
        weights += ", 0.0"  # site_key: a filter, never a reason to rank higher
    # CROSS JOIN keeps the FTS index as the outer loop: SQLite must never scan a whole portal and
    # probe the index row by row. Bodies are read only for the hits that survive the LIMIT.
    ranked_sql = f"""
        SELECT {match.index}.rowid,
               bm25({match.index}, {weights}) AS score
        FROM {match.index} {join}
        WHERE {conditions}
        ORDER BY score, {match.index}.rowid LIMIT ?
    """
    try:
        ranked = archive.conn.execute(ranked_sql, [fts, *args, limit]).fetchall()
    except sqlite3.OperationalError as exc:
        raise SearchError(f"malformed query {query.strip()!r}: {exc}") from None
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


SYNC_CHECK_TERMS = 200  # terms compared in a sampled check: ~1 s on a million-article archive


def index_mismatches(
    archive: Archive, *, sample: int | None = None, terms: int = SYNC_CHECK_TERMS, seed: int = 0
) -> dict[str, int]:
    """How far each FTS index is from one rebuilt out of `articles` now: the number of differing
    (term, row, column, offset) entries per index, so `{"articles_fts": 0, "articles_stem_fts": 0}`
    means both are exactly in sync.

    Rebuilds from every row, or from `sample` random rows and compares up to `terms` of their
    terms (every row of the archive holding such a term must be an article). Builds its indexes in
    the connection's temp schema, so it runs on a read-only archive too."""
    conn = archive.conn
    rng = random.Random(seed)
    ids = None
    if sample is not None:
        every = [r[0] for r in conn.execute("SELECT id FROM articles")]
        ids = sorted(rng.sample(every, min(sample, len(every))))
    try:
        return {
            index: _index_mismatches(conn, index, ids, terms, rng)
            for index in (EXACT_INDEX, STEM_INDEX)
        }
    finally:
        _drop_check_tables(conn)


def _drop_check_tables(conn: sqlite3.Connection) -> None:
    """Remove the temp tables a sync check builds (before each index's check, and after)."""
    for name in ("check_vocab", "check_live_vocab", "check_rebuilt", "check_ids"):
        conn.execute(f"DROP TABLE IF EXISTS temp.{name}")


def _index_mismatches(
    conn: sqlite3.Connection, index: str, ids: list[int] | None, terms: int, rng: random.Random
) -> int:
    """Differing entries between one live index and its rebuild (see `index_mismatches`)."""
    columns = list(FTS_COLUMNS)
    values = list(FTS_COLUMNS)
    if index == STEM_INDEX:
        values = [f"{STEM_FUNCTION}({c})" for c in FTS_COLUMNS] + ["'s' || hex(site)"]
        columns.append("site_key")
    _drop_check_tables(conn)
    conn.execute(
        f"CREATE VIRTUAL TABLE temp.check_rebuilt USING fts5({', '.join(columns)}, content='',"
        f" tokenize='{FTS_TOKENIZER}')"
    )
    conn.execute("CREATE TEMP TABLE check_ids (id INTEGER PRIMARY KEY)")
    where = ""
    if ids is not None:
        conn.executemany("INSERT INTO temp.check_ids VALUES (?)", ((i,) for i in ids))
        where = " WHERE id IN (SELECT id FROM temp.check_ids)"
    conn.execute(
        f"INSERT INTO temp.check_rebuilt (rowid, {', '.join(columns)})"
        f" SELECT id, {', '.join(values)} FROM articles{where}"
    )
    conn.execute(
        "CREATE VIRTUAL TABLE temp.check_vocab USING fts5vocab(temp, check_rebuilt, 'instance')"
    )
    conn.execute(
        f"CREATE VIRTUAL TABLE temp.check_live_vocab USING fts5vocab(main, {index}, 'instance')"
    )
    live, rebuilt = "temp.check_live_vocab", "temp.check_vocab"
    if ids is None:
        return sum(
            conn.execute(
                f"SELECT count(*) FROM (SELECT * FROM {a} EXCEPT SELECT * FROM {b})"
            ).fetchone()[0]
            for a, b in ((live, rebuilt), (rebuilt, live))
        )
    vocabulary = sorted({r[0] for r in conn.execute(f"SELECT DISTINCT term FROM {rebuilt}")})
    mismatches = 0
    for term in rng.sample(vocabulary, min(terms, len(vocabulary))):
        in_sample = (
            f"SELECT * FROM {live} WHERE term = ? AND doc IN (SELECT id FROM temp.check_ids)"
        )
        mine = f"SELECT * FROM {rebuilt} WHERE term = ?"
        for a, b in ((in_sample, mine), (mine, in_sample)):
            mismatches += conn.execute(
                f"SELECT count(*) FROM ({a} EXCEPT {b})", (term, term)
            ).fetchone()[0]
        mismatches += conn.execute(  # rows the index holds that are no longer articles
            f"SELECT count(*) FROM {index} WHERE {index} MATCH ?"
            " AND rowid NOT IN (SELECT id FROM articles)",
            ('"' + term.replace('"', '""') + '"',),
        ).fetchone()[0]
    return mismatches


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
