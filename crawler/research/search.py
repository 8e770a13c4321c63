"""Full-text search over the archive: bm25 ranking and its windows, hits, facets and snippets
(the query and its filters are planned in planner.py)."""

from __future__ import annotations

import heapq
import json
from collections import deque
from dataclasses import asdict, dataclass, field, replace
from typing import Any

from crawler.archive.migrations import search_key_sql
from crawler.archive.sqlite import sqlite3
from crawler.archive.storage import Archive
from crawler.research import query as query_language
from crawler.research.indexsync import STEM_INDEX
from crawler.research.planner import (
    ID_MASK,
    Filters,
    Match,
    Plan,
    SearchError,
    key_date,
    plan_query,
    prepare,
)
from crawler.research.stemming import iter_token_spans, stem_word

TITLE_WEIGHT, BODY_WEIGHT, AUTHORS_WEIGHT = 10.0, 1.0, 2.0
"""bm25 column weights: a word in the headline says far more about an article than one in its body
(tests/research/test_search.py checks a title hit outranks a body-only hit)."""
SNIPPET_TOKENS = 16  # about one line of a terminal around the first hit
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
LIST_ALL = 20_000
"""Most articles of an author that a newest-first search reads in one pass, listing every match
(rather than a list and a count): ~4 us a match with its row check, ~80 ms at most."""
COMMON_SAMPLE = 20_000
"""Newest articles on which a word's share is estimated first (~1 ms a word, against ~6 ms for
counting it up to COMMON_SHARE of a million): at least twice COMMON_SHARE there makes it common,
at most half of it not common, and a share in between is decided by the count. At 20,000 the
estimate's standard error is under 0.2 points, so a word near the threshold is always counted;
a word whose share of the newest articles is twice its share of the archive (a burst) counts
as common."""
UNSCORED_SHARE = 0.5
"""A query's words in more than this share of the newest COMMON_SAMPLE articles are left out of
its bm25 score (one is kept when every word is; in a query that is not common, only words every
match holds; never a word of a NEAR or under a field, see query.unscorable): bm25's IDF of a word
in n of N articles is log((N - n + 0.5) / (n + 0.5)), which FTS5 sets to 1e-6 from n = N / 2 up,
so such a word adds almost nothing to any score, yet computing its IDF reads its whole doclist
(~60 ms for a word in every article at 1,256,000, bench/search.py)."""
ESTIMATE_MARGIN = 0.9
"""Share of the ranking cap under which a query estimated on the newest COMMON_SAMPLE articles is
ranked and counted in one pass (over the cap the pass stops and its work is lost). A query at the
cap of one phrase at 1,256,000 articles (~45,000 matches of two phrases, 3.5 %) shows ~700 times
among the newest 20,000, one standard error ~26 (4 %): 10 % below the cap is 2.5 standard errors.
Was half the cap, which sent `hangus NOT bupati` (44,341 matches, cap 44,588) through a count
and a second pass of the NOT."""
ORDERS = ("relevance", "newest")


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
    unscored: list[str] = field(default_factory=list)
    """Words of the query left out of its bm25 score: they are in most articles
    (UNSCORED_SHARE)."""

    def summary(self, *, cli: bool = True) -> str:
        """One line: how many hits of how many matches, and how to see more (`cli`: in the
        command's words, else in the search page's)."""
        shown = len(self.hits)
        total = f"{self.total:,}" if self.total_exact else f"more than {self.total:,}"
        left = f"; not ranked by {', '.join(self.unscored)}: in most articles" * bool(self.unscored)
        if self.ranked is not None:
            since = f", published since {self.ranked_since}" if self.ranked_since else ""
            narrow = (
                "--since/--until or a filter; --newest lists by date"
                if cli
                else "dates or a filter; newest first lists by date"
            )
            return (
                f"{shown} of {total} matches, best of the newest {self.ranked:,}{since}{left}"
                f" (narrow with more words, {narrow})"
            )
        if shown < self.total or not self.total_exact:
            return f"{shown} of {total} matches{left}" + ("; --limit for more" if cli else "")
        return f"{shown} match" + ("" if shown == 1 else "es") + left


def common_threshold(archive: Archive) -> int:
    """The number of articles a common word is in more than: COMMON_SHARE of the archive (its
    highest id: ids are never reused, so that is at least its rows; one index seek)."""
    newest = archive.conn.execute("SELECT max(id) FROM articles").fetchone()[0] or 0
    return int(newest * COMMON_SHARE)


def common_query(
    archive: Archive,
    match: Match,
    *,
    threshold: int | None = None,
    counts: dict[query_language.Node, int] | None = None,
    shares: dict[query_language.Node, float] | None = None,
) -> bool:
    """Whether every word or prefix the query looks for (not those after NOT) is common
    (COMMON_SHARE); a phrase of several words, a NEAR or `^` makes it not common. One count per
    word, stopped at the threshold (~6 ms for a common word at 1,000,000); `counts` gets each
    word's count that is exact (at most the threshold), `shares` each word's share of the newest
    COMMON_SAMPLE articles where that was looked at."""
    if threshold is None:
        threshold = common_threshold(archive)
    sample = _sample_key(archive) if threshold > 10 * COMMON_SAMPLE * COMMON_SHARE else None

    def common(node: query_language.Node) -> bool:
        if isinstance(node, query_language.Phrase):
            if len(node.words) != 1 or node.initial:
                return False
            fts = query_language.to_fts(node, stemmed=not match.exact)
            if sample is not None:
                seen = _sample_count(archive, match, node, sample)
                if shares is not None:
                    shares[node] = seen / COMMON_SAMPLE
                if seen >= 2 * COMMON_SHARE * COMMON_SAMPLE:
                    return True
                if seen <= COMMON_SHARE * COMMON_SAMPLE / 2:
                    return False
            found = archive.conn.execute(
                f"SELECT count(*) FROM ({match.ids_sql} LIMIT ?)", [fts, threshold + 1]
            ).fetchone()[0]
            if counts is not None and found <= threshold:
                counts[node] = found
            return bool(found > threshold)
        if isinstance(node, query_language.Columns):
            return not node.negated and common(node.child)
        if isinstance(node, query_language.Bool):
            if node.op == "NOT":
                return common(node.parts[0])
            return all(common(part) for part in node.parts)
        return False  # NEAR

    return match.tree is not None and common(match.tree)


def _sample_count(archive: Archive, match: Match, word: query_language.Phrase, sample: int) -> int:
    """The newest COMMON_SAMPLE articles (from index rowid `sample` up) that hold a word."""
    fts = query_language.to_fts(word, stemmed=not match.exact)
    return int(
        archive.conn.execute(
            f"SELECT count(*) FROM ({match.ids_sql} AND rowid >= ?)", [fts, sample]
        ).fetchone()[0]
    )


def _needed_shares(
    archive: Archive, match: Match, threshold: int, shares: dict[query_language.Node, float]
) -> None:
    """Add to `shares` the share of the newest COMMON_SAMPLE articles of each word that bm25 may
    leave out of a query of several phrases (query.unscorable, every match holding it), so that
    _scored leaves out those in most articles; nothing in an archive too small to sample."""
    scored = query_language.scored_part(match.tree) if match.tree is not None else None
    if scored is None or threshold <= 10 * COMMON_SAMPLE * COMMON_SHARE:
        return
    phrases = [n for n in query_language.walk(scored) if isinstance(n, query_language.Phrase)]
    words = [p for p in query_language.unscorable(scored, needed=True)
             if len(p.words) == 1 and not p.initial and p not in shares]  # fmt: skip
    if len(phrases) < 2 or not words or (sample := _sample_key(archive)) is None:
        return
    for word in words:
        shares[word] = _sample_count(archive, match, word, sample) / COMMON_SAMPLE


def _sample_key(archive: Archive) -> int | None:
    """The smallest index rowid of the newest COMMON_SAMPLE articles (an index walk, ~0.2 ms)."""
    found = archive.conn.execute(
        f"SELECT {search_key_sql('published_at', '0')} FROM (SELECT published_at FROM articles"
        " WHERE published_at IS NOT NULL ORDER BY published_at DESC LIMIT 1 OFFSET ?)",
        [COMMON_SAMPLE - 1],
    ).fetchone()
    return None if found is None else int(found[0])


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
    # newest first, an author narrows inside FTS5 (every match listed at once) unless the query
    # reads no positions and every word is common: then most of the author's articles match,
    # and stepping through the newest matches (a doclist, no positions) stops sooner
    common = None
    if order == "newest" and filters.author and not match.positional:
        common = common_query(archive, match)
    narrow = order == "newest" and bool(filters.author) and not common
    plan = plan_query(archive, match, filters, ranked=not narrow)
    try:
        return _run(archive, match, plan, order, limit, common=common)
    except sqlite3.OperationalError as exc:
        raise SearchError(f"cannot search {query.strip()!r}: {exc}") from None


def _run(
    archive: Archive, match: Match, plan: Plan, order: str, limit: int, *, common: bool | None
) -> Results:
    """The search itself (`common`: whether the query is common, when find knows already)."""
    conn = archive.conn
    phrases = max(1, match.phrases)
    threshold = common_threshold(archive)
    cap = max(1, max(RANK_CAP, threshold) // phrases)  # a word that is not common: every match
    weights = f"{TITLE_WEIGHT}, {BODY_WEIGHT}, {AUTHORS_WEIGHT}"
    if plan.index == STEM_INDEX:
        weights += ", 0.0"  # site_key: a filter, never a reason to rank higher
    score = f"bm25(f.{plan.index}, {weights})"
    if order == "newest" and plan.narrowed and _at_most(archive, plan, plan.narrowed, LIST_ALL):
        # few candidates, all listed at once: oldest first, then reversed (SQLite 3.40's FTS5
        # skips a few matches of an AND or a phrase when it reads a doclist newest first; bench
        # archive: 4,502 of 4,507)
        sql, args = plan.sql(f"f.rowid & {ID_MASK}, 0.0")
        every = conn.execute(f"{sql} ORDER BY f.rowid", args).fetchall()[::-1]
        return Results(_hits(archive, match, every[:limit]), len(every), order=order)
    if order == "newest" and plan.filtered:
        return _run_newest(archive, match, plan, limit, common=bool(common))
    counts: dict[query_language.Node, int] = {}
    shares: dict[query_language.Node, float] = {}
    if order == "relevance" and common_query(
        archive, match, threshold=threshold, counts=counts, shares=shares
    ):
        # bm25 reads each phrase in every row, portal tokens included; positions cost more
        share = phrases + plan.tokens + match.positional
        window, scan = max(1, COMMON_WINDOW // share), max(1, COMMON_SCAN // share)
        scored, unscored = _scored(match, shares)
        common_results = _run_common(archive, match, plan, limit, window, scan, score, scored)
        common_results.unscored = unscored
        return common_results
    if order == "relevance":  # its words in most articles: left out of bm25, as a common query's
        _needed_shares(archive, match, threshold, shares)
        scored, unscored = _scored(match, shares, needed=True)
    else:
        scored, unscored = _scored(match)
    one_pass = match.positional or plan.filtered
    several = not isinstance(match.tree, query_language.Phrase)  # one word: counting is cheap
    if order == "relevance" and not one_pass and several:
        # a query of several words (or a NOT) whose match count is not known: one pass when its
        # words' counts bound it under `cap`, or the newest articles put it under 90 % of it
        # (ESTIMATE_MARGIN)
        bound = _most_matches(match.tree, counts)
        one_pass = bound is not None and bound <= cap
        if not one_pass and (estimate := _estimated_matches(archive, plan, match)) is not None:
            one_pass = estimate <= cap * ESTIMATE_MARGIN
    elif order == "relevance" and plan.filtered and not match.positional:
        # a filter checked match by match: no one pass that its words' counts and the newest
        # articles put over its bound (it would stop there, its work lost)
        bound = _most_matches(match.tree, counts)
        if bound is not None and bound > min(cap, SCAN_CAP):
            estimate = None if several else bound  # one word: its count
            if several:
                estimate = _estimated_matches(archive, plan, match)
            one_pass = estimate is None or estimate <= min(cap, SCAN_CAP)
    if order == "relevance" and one_pass:
        # counting a phrase, NEAR or a field reads every candidate's positions, as ranking does,
        # and a filter's count reads every candidate too: when there are at most `most`, one
        # pass (oldest first: FTS5 reads a doclist backwards at a cost) checks each candidate
        # and scores those that pass
        most = min(cap, SCAN_CAP) if plan.filtered else cap
        passing, passing_args = plan.passing()
        scoring = f"CASE WHEN {passing} THEN {score} END" if plan.filtered else score
        sql, args = plan.sql(f"f.rowid, {scoring}", rows=False, scored=scored)
        rows = conn.execute(f"{sql} LIMIT ?", [*passing_args, *args, most + 1]).fetchall()
        if len(rows) <= most:
            found = [(v, k & ID_MASK) for k, v in rows if v is not None]
            best = [(k, v) for v, k in heapq.nsmallest(limit, found)]
            return Results(_hits(archive, match, best), len(found), order=order, unscored=unscored)
    if plan.fts == match.fts and plan.low is None and plan.high is None and match.tree in counts:
        matches = counts[match.tree]  # one word or prefix, counted by common_query already
    else:
        sql, args = plan.sql("1", rows=False)  # the doclists only, no positions: ~0.03 us each
        matches = conn.execute(
            f"SELECT count(*) FROM ({sql} LIMIT ?)", [*args, COUNT_LIMIT + 1]
        ).fetchone()[0]
    if plan.filtered:
        if matches > cap:  # more matches than bm25 ranks: the newest passing ones are ranked
            cap = max(1, min(RANK_WINDOW, RANK_CAP) // phrases)
        filtered = _run_filtered(archive, match, plan, order, limit, matches, cap, score, scored)
        filtered.unscored = unscored
        return filtered
    total, exact_total = min(matches, COUNT_LIMIT), matches <= COUNT_LIMIT
    low = None
    if order == "newest":
        sql, args = plan.sql(f"f.rowid & {ID_MASK}, 0.0")
        ranked = conn.execute(f"{sql} ORDER BY f.rowid DESC LIMIT ?", [*args, limit]).fetchall()
    else:
        if matches > cap:
            cap = max(1, min(RANK_WINDOW, RANK_CAP) // phrases)
            low = _nth_newest(archive, plan, cap)
        sql, args = plan.sql(f"f.rowid & {ID_MASK} AS id, {score} AS score", low=low, scored=scored)
        ranked = conn.execute(f"{sql} ORDER BY score, id LIMIT ?", [*args, limit]).fetchall()
    return Results(
        hits=_hits(archive, match, ranked),
        total=total,
        total_exact=exact_total,
        ranked=cap if low is not None else None,
        ranked_since=key_date(low) if low is not None else None,
        order=order,
        unscored=unscored,
    )


def _scored(
    match: Match, shares: dict[query_language.Node, float] | None = None, *, needed: bool = False
) -> tuple[str | None, list[str]]:
    """The part of the query that bm25 scores (FTS5 syntax; None: the whole query) and the words
    left out of it: its NOT parts are (no match holds them: they add 0 to every score), and the
    words in more than UNSCORED_SHARE of the newest articles (`shares`; the least common of them
    kept when all are). With `needed`, only words every match holds are left out (the part then
    matches every match of the query, and more: rows are read from it, see Plan.sql)."""
    if match.tree is None:
        return None, []
    heavy: list[query_language.Phrase] = []
    if shares:
        scored = query_language.scored_part(match.tree)
        nodes = list(query_language.walk(scored)) if scored is not None else []
        words = [n for n in nodes if isinstance(n, query_language.Phrase)]
        candidates = (
            query_language.unscorable(scored, needed=needed) if scored is not None else set()
        )
        heavy = [w for w in words if shares.get(w, 0.0) > UNSCORED_SHARE and w in candidates]
        if heavy and len(heavy) == len(words):
            heavy.remove(min(heavy, key=lambda w: shares[w]))
    part = query_language.scored_part(match.tree, frozenset(heavy))
    fts = None if part is None else query_language.to_fts(part, stemmed=not match.exact)
    if fts == match.fts or part is None:
        return None, []
    return fts, list(dict.fromkeys(" ".join(w.words) for w in heavy))


def _run_common(
    archive: Archive, match: Match, plan: Plan, limit: int, window: int, scan: int, score: str,
    scored: str | None = None,
) -> Results:  # fmt: skip
    """A common query ranked over its newest `window` matches that pass the filters, in one pass
    and without a full count (past the window, the count says "more than `window`"). A filter
    checked match by match looks at the newest `scan` matches at most, unless the portal tokens
    of a region already narrow them inside FTS5 and only sets of ids are left to check (most
    pass; finding the bound would cost what the pass does). With `scored` (part of the query,
    see _scored) the window is found first and bm25 reads that part only; a match holding none
    of it scores 0 (last)."""
    low = None
    if plan.where or (plan.sets and not plan.tokens):
        sql, args = plan.sql("f.rowid", rows=False)
        found = archive.conn.execute(
            f"{sql} ORDER BY f.rowid DESC LIMIT 1 OFFSET ?", [*args, scan - 1]
        ).fetchone()
        low = found[0] if found else None
    if scored is None:
        sql, args = plan.sql(f"f.rowid, {score}", low=low)
        rows = archive.conn.execute(
            f"{sql} ORDER BY f.rowid DESC LIMIT ?", [*args, window + 1]
        ).fetchall()
    else:
        sql, args = plan.sql("f.rowid", low=low)
        keys = archive.conn.execute(
            f"{sql} ORDER BY f.rowid DESC LIMIT ?", [*args, window + 1]
        ).fetchall()
        scores: dict[int, float] = {}
        if keys:  # the filters are passed already: the keys are those that pass
            found = [key for (key,) in keys]
            sql, args = plan.sql(
                f"f.rowid, {score}", rows=False, low=found[-1], scored=scored, keys=found
            )
            scores = dict(archive.conn.execute(sql, args).fetchall())
        rows = [(key, scores.get(key, 0.0)) for (key,) in keys]
    best = sorted(((k & ID_MASK, v) for k, v in rows[:window]), key=lambda r: (r[1], r[0]))
    hits = _hits(archive, match, best[:limit])
    if len(rows) > window:
        since = key_date(rows[window - 1][0])
        return Results(hits, window, False, ranked=window, ranked_since=since)
    if low is not None:  # fewer pass among the newest `scan`: all of them ranked
        return Results(hits, len(rows), False, ranked=scan, ranked_since=key_date(low))
    return Results(hits, len(rows))


def _at_most(archive: Archive, plan: Plan, fts: str, most: int) -> bool:
    """Whether at most `most` articles match `fts` in the plan's index (~1 us an article)."""
    found = archive.conn.execute(
        f"SELECT count(*) FROM (SELECT rowid FROM {plan.index} WHERE {plan.index} MATCH ? LIMIT ?)",
        [fts, most + 1],
    ).fetchone()[0]
    return bool(found <= most)


def _most_matches(node: query_language.Node | None, counts: dict) -> int | None:
    """At most how many articles match a query, from its words' counts (None: not known)."""
    if isinstance(node, query_language.Phrase):
        return counts.get(node)
    if isinstance(node, query_language.Columns):
        return None if node.negated else _most_matches(node.child, counts)
    if isinstance(node, query_language.Bool):
        found = [_most_matches(part, counts) for part in node.parts]
        if node.op == "NOT":
            return found[0]
        if node.op == "AND":
            return min((n for n in found if n is not None), default=None)
        return None if None in found else sum(n for n in found if n is not None)
    return None


def _run_newest(archive: Archive, match: Match, plan: Plan, limit: int, *, common: bool) -> Results:
    """Newest first with filters checked match by match: a pass lists the newest `limit` that
    pass, stopping there; another counts those that pass among the newest SCAN_CAP matches at
    most (COMMON_SCAN for a common query, whose count says "more than" anyway), the row read
    only for matches that pass the sets."""
    conn = archive.conn
    scan = COMMON_SCAN if common else SCAN_CAP
    sql, args = plan.sql(f"f.rowid & {ID_MASK}, 0.0")
    hits = conn.execute(f"{sql} ORDER BY f.rowid DESC LIMIT ?", [*args, limit]).fetchall()
    if len(hits) < limit:  # every match looked at: those are all that pass
        return Results(_hits(archive, match, hits), len(hits), order="newest")
    passing, passing_args = plan.passing()
    sql, args = plan.sql(f"{passing} AS pass", rows=False)
    # oldest first when that may read every match (FTS5 reads a doclist backwards at up to
    # twice the cost); past `scan`, or for a common query, the newest `scan` are counted
    seen, passed = scan + 1, 0.0
    if not (common or _many_matches(archive, plan, scan, match)):
        seen, passed = conn.execute(
            f"SELECT count(*), total(pass) FROM ({sql} LIMIT ?)",
            [*passing_args, *args, scan + 1],
        ).fetchone()
    if seen > scan:  # the newest `scan`: found newest first (doclists only), counted oldest first
        window = _nth_newest(archive, plan, scan, missing=True)
        sql, args = plan.sql(f"{passing} AS pass", rows=False, low=window)
        seen, passed = conn.execute(
            f"SELECT count(*), total(pass) FROM ({sql})", [*passing_args, *args]
        ).fetchone()
        seen = scan + 1 if window is not None else seen
    return Results(
        hits=_hits(archive, match, hits),
        total=max(int(passed), len(hits)),
        total_exact=seen <= scan,
        order="newest",
    )


def _estimated_matches(archive: Archive, plan: Plan, match: Match | None = None) -> int | None:
    """The plan's FTS5 matches as estimated from those among the newest COMMON_SAMPLE articles
    (~1 ms; None with a date range or in a small archive). A query `a NOT b` is counted there as
    `a` less `a AND b`: FTS5 reads the whole of `b`'s doclist for a NOT whatever the range
    (`bapagi NOT yang` among the newest 20,000: 55 ms; the two counts: 4 ms)."""
    newest = archive.conn.execute("SELECT max(id) FROM articles").fetchone()[0] or 0
    if plan.low is not None or plan.high is not None or newest < 10 * COMMON_SAMPLE:
        return None
    key = _sample_key(archive)
    if key is None:
        return None
    tree = match.tree if match is not None else None
    if isinstance(tree, query_language.Bool) and tree.op == "NOT" and match is not None:
        rest = tree.parts[1:]
        left = query_language.to_fts(tree.parts[0], stemmed=not match.exact)
        right = query_language.to_fts(
            rest[0] if len(rest) == 1 else query_language.Bool("OR", rest),
            stemmed=not match.exact,
        )
        seen = 0
        for fts, sign in ((left, 1), (f"({left}) AND ({right})", -1)):
            sql, args = replace(plan, fts=plan.scoring(fts)).sql("1", rows=False, low=key)
            seen += sign * archive.conn.execute(f"SELECT count(*) FROM ({sql})", args).fetchone()[0]
    else:
        sql, args = plan.sql("1", rows=False, low=key)
        seen = archive.conn.execute(f"SELECT count(*) FROM ({sql})", args).fetchone()[0]
    return int(seen * newest // COMMON_SAMPLE)


def _many_matches(archive: Archive, plan: Plan, n: int, match: Match | None = None) -> bool:
    """Whether the plan's FTS5 query likely has more than `n` matches (estimated)."""
    estimate = _estimated_matches(archive, plan, match)
    return estimate is not None and estimate > n


def _nth_newest(archive: Archive, plan: Plan, n: int, *, missing: bool = False) -> int | None:
    """The index rowid of the `n`-th newest match, without the per-match filters (None when
    there are fewer and `missing`)."""
    sql, args = plan.sql("f.rowid", rows=False)
    found = archive.conn.execute(
        f"{sql} ORDER BY f.rowid DESC LIMIT 1 OFFSET ?", [*args, n - 1]
    ).fetchone()
    return None if found is None and missing else int(found[0])


def _run_filtered(
    archive: Archive, match: Match, plan: Plan, order: str, limit: int, matches: int, cap: int,
    score: str, scored: str | None,
) -> Results:  # fmt: skip
    """A search with filters checked match by match: over every match, or over the newest
    SCAN_CAP when there are more; ranked whole up to `cap` passing matches, else the newest `cap`."""
    conn = archive.conn
    window = _nth_newest(archive, plan, SCAN_CAP) if matches > SCAN_CAP else None
    ranked_count: int | None = SCAN_CAP if window is not None else None
    oldest = window
    sql, args = plan.sql(f"f.rowid, {score}", low=window, scored=scored)
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
        ranked_since=key_date(oldest) if oldest is not None else None,
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
    plan = plan_query(archive, match, filters, ranked=False)
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
