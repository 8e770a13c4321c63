"""Whether both FTS indexes are exactly what a rebuild from `articles` gives (the sync check)."""

from __future__ import annotations

import random

from crawler.archive.migrations import FTS_COLUMNS, FTS_TOKENIZER, search_key_sql
from crawler.archive.sqlite import sqlite3
from crawler.archive.storage import Archive
from crawler.research.stemming import STEM_FUNCTION

EXACT_INDEX, STEM_INDEX = "articles_fts", "articles_stem_fts"
"""The literal-token index and the Indonesian-stem index (both rebuilt by migration m012)."""

SYNC_CHECK_SAMPLE = 2_000  # articles rebuilt by `warta reindex --check`: ~10 s on 1,000,000
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
    # Rows of the live index are search keys (publication minute, id): the rebuild keys them the
    # same way, so an article whose date changed without a reindex shows up as a mismatch.
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
        f" SELECT {search_key_sql('published_at', 'id')}, {', '.join(values)} FROM articles{where}"
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
            f"SELECT * FROM {live} WHERE term = ? AND (doc & {0xFFFFFFFF}) IN"
            " (SELECT id FROM temp.check_ids)"
        )
        mine = f"SELECT * FROM {rebuilt} WHERE term = ?"
        for a, b in ((in_sample, mine), (mine, in_sample)):
            mismatches += conn.execute(
                f"SELECT count(*) FROM ({a} EXCEPT {b})", (term, term)
            ).fetchone()[0]
        mismatches += conn.execute(  # rows the index holds that are no longer articles
            f"SELECT count(*) FROM {index} f WHERE {index} MATCH ? AND NOT EXISTS (SELECT 1"
            f" FROM articles a WHERE a.id = (f.rowid & {0xFFFFFFFF})"
            f" AND {search_key_sql('a.published_at', 'a.id')} = f.rowid)",
            ('"' + term.replace('"', '""') + '"',),
        ).fetchone()[0]
    return mismatches
