"""Archive: the one class that writes archive.db (articles, FTS, raw pages, profiles; seen URLs and
runs in its crawlstate part, the file and its writer lock in sqlite.py)."""

from __future__ import annotations

import hashlib
import itertools
import json
import os
import sys
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from operator import itemgetter
from pathlib import Path
from typing import Any

import zstandard
from sqlite_utils import Database

from crawler.archive import migrations
from crawler.archive.crawlstate import CrawlState, json_text
from crawler.archive.sqlite import (
    ArchiveError,
    check_sqlite_once,
    default_db_path,
    lock_writer,
    sqlite3,
    unlock_writer,
    utc_now,
)
from crawler.items import LIST_FIELDS, RECORD_LIST_FIELDS, ArticleItem, article_columns
from crawler.research import stemming

BUSY_TIMEOUT_MS = 30_000  # readers and the writer wait up to 30 s for a lock instead of failing
# zstd's own default level. On the corpus's real pages (../shared/corpus, 217 pages of 185 kB)
# level 3 compresses 5.34x at 0.55 CPU ms a page, level 10 5.92x at 2.97 ms (test portal, 31 kB:
# 0.08 vs 0.45 ms): 11% larger raw blobs for 2.4 ms less crawl CPU on every real page.
ZSTD_LEVEL = 3
WRITER_CACHE_KIB = 2_048
"""A crawl's writer page cache: SQLite's own default (2 MB). A crawl writes a few dozen articles a
second at most, and a larger cache only adds memory (bench/crawl.py: peak RSS from 1,000 to 5,000
articles grew 34 MB with 2 MB, 90 MB with 64 MB)."""
BULK_CACHE_KIB = 65_536
"""The page cache of a bulk writer (the distributed ingester, import-warc, the search bench's
ingest): the index pages a batch of articles touches stay in memory between batches instead of
being read again (bench/search.py --append at 1.5M articles: 256 MB wrote 209 KiB an article
against 178 with 64 MB, 16 MB no fewer)."""
WAL_CHECKPOINT_PAGES = 16_384
"""WAL pages (64 MB) after which a commit copies them into the database (SQLite's default 1,000: a
commit of 1,000 articles writes more than that, so every commit checkpointed and synced)."""
BULK_CHECKPOINT_PAGES = 131_072
"""WAL pages (512 MB) after which a bulk writer's commit copies them into the database. At 1.5M
articles a commit of 1,000 writes ~18 pages an article into the WAL (random index leaves, FTS
segments), and the next commits write many of the same pages again: over 7 commits 30 % fewer
distinct pages, over 10 34 % fewer, so a checkpoint every ~7 commits copies 30 % less than one
every commit (64 MB: each bulk commit filled it). A crawl keeps 64 MB (a smaller WAL file)."""

SEGMENTS_BEFORE_MERGE = 16
"""Segments of a search index past which searches read lists from several levels' worth: FTS5
merges a level once it holds automerge's 16 (migrations.FTS_SETTINGS). At 1,256,000 articles as
ingested the indexes held 21-26, and merging them made the bench's searches 0.59x the CPU
(README, search section)."""
BULK_MERGE_SHARE = 0.1
BULK_MERGE_MIN_ARTICLES = 10_000
"""A bulk write that added at least a tenth of the archive (and 10,000 articles) merges the search
indexes at its end: ~65 s of CPU at 1,320,000 articles (bench/search.py --optimize), a sixth of
what writing a tenth of them costs at ~2,300 a second, and the next searches run at 0.5-0.8x the
CPU. Smaller writes (a crawl's run, an append) only hint at `warta optimize`."""


# Columns that an update never overwrites: identity and history.
_KEEP_ON_UPDATE = frozenset({"id", "url_key", "first_seen_at", "cluster_id", "is_canonical"})


class Archive(CrawlState):
    """An archive.db opened for reading, or for writing by its single writer connection (`bulk`:
    a writer of many articles a second, such as `warta ingest` and `import-warc`, with
    BULK_CACHE_KIB and BULK_CHECKPOINT_PAGES)."""

    def __init__(
        self,
        path: str | os.PathLike[str] | None = None,
        *,
        readonly: bool = False,
        bulk: bool = False,
    ):
        self.path = Path(path or default_db_path())
        self.readonly = readonly
        self._writer_lock: str | None = None
        try:
            if readonly:
                if not self.path.exists():
                    raise ArchiveError(f"no archive at {self.path} (crawl first: warta crawl URL)")
                conn = sqlite3.connect(
                    f"file:{self.path}?mode=ro",
                    uri=True,
                    isolation_level=None,
                    check_same_thread=False,
                )
            else:
                if self.path.parent and not self.path.parent.exists():
                    raise ArchiveError(
                        f"cannot create archive {self.path}: no folder {self.path.parent}"
                    )
                check_sqlite_once()  # the writer says which SQLite it relies on
                self._writer_lock = lock_writer(self.path)
                conn = sqlite3.connect(
                    str(self.path), isolation_level=None, check_same_thread=False
                )
            conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            if not readonly:
                conn.execute("PRAGMA journal_mode = WAL")
                conn.execute("PRAGMA synchronous = NORMAL")
                cache_kib = BULK_CACHE_KIB if bulk else WRITER_CACHE_KIB
                checkpoint_pages = BULK_CHECKPOINT_PAGES if bulk else WAL_CHECKPOINT_PAGES
                conn.execute(f"PRAGMA cache_size = -{cache_kib}")
                conn.execute(f"PRAGMA wal_autocheckpoint = {checkpoint_pages}")
            stemming.register(conn)  # the stem index triggers call warta_stem on every write
            self.conn = conn
            self.db = Database(conn)
            if not readonly:
                migrations.apply(self.db)
            elif not self.db["articles"].exists():
                raise ArchiveError(f"{self.path} is not a Warta archive")
        except sqlite3.DatabaseError as exc:
            self._release_lock()
            raise ArchiveError(f"cannot open archive {self.path}: {exc}") from None
        except ArchiveError:
            self._release_lock()
            raise
        self._zstd = zstandard.ZstdCompressor(level=ZSTD_LEVEL)
        self._index_queue: list[tuple[int, str, tuple]] = []  # rowid, SQL, values

    def pending_migrations(self) -> list[str]:
        """Names of schema migrations this archive has not had yet (an older archive)."""
        return [m.name for m in migrations.migrations.pending(self.db)]

    # -- transactions -------------------------------------------------------------------------

    def begin(self) -> None:
        """Open a write transaction unless one is open (writes are batched between commits)."""
        if not self.conn.in_transaction:
            self.conn.execute("BEGIN IMMEDIATE")

    def commit(self) -> None:
        """Commit the open write transaction, if any (its index writes first)."""
        if self.conn.in_transaction:
            self._write_index_queue()
            self.conn.execute("COMMIT")

    def rollback(self) -> None:
        """Abandon the open write transaction, if any (and the index writes it queued)."""
        self._index_queue.clear()
        if self.conn.in_transaction:
            self.conn.execute("ROLLBACK")

    def checkpoint(self) -> None:
        """Commit, then copy the whole WAL into the database file now (closing the last
        connection does it too; a bulk writer's timing includes it)."""
        self.commit()
        self.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()

    @contextmanager
    def transaction(self) -> Iterator[Archive]:
        """A write transaction that commits on success and rolls back on error."""
        self.begin()
        try:
            yield self
        except BaseException:
            self.rollback()
            raise
        else:
            self.commit()

    def close(self) -> None:
        """Commit pending writes and close the connection."""
        try:
            if not self.readonly:
                self.commit()
        finally:
            self.conn.close()
            self._release_lock()

    def _release_lock(self) -> None:
        if self._writer_lock is not None:
            unlock_writer(self._writer_lock)
            self._writer_lock = None

    def __enter__(self) -> Archive:
        return self

    def __exit__(self, *exc: object) -> None:
        if exc[0] is not None and not self.readonly:
            self.rollback()
        self.close()

    # -- articles -----------------------------------------------------------------------------

    def save_article(self, item: ArticleItem | Mapping[str, Any], *, now: str | None = None) -> str:
        """Insert or update one article row; the old text goes to `article_revisions` when it
        changed. Returns `new`, `updated` or `unchanged`."""
        now = now or utc_now()
        row = _article_row(item)
        self.begin()
        row["first_seen_at"] = now  # kept only by a new row (an update keeps the stored one)
        row["last_seen_at"] = now
        cols = [c for c in row if c != "id"]
        # A new URL key is one statement, the insert, which does nothing when the key is archived:
        # one lookup of the key instead of a SELECT before it (~30 us of CPU an article at
        # 1,256,000, bench/search.py --append). Not INSERT ... RETURNING (SQLite 3.40 wrote it
        # like a trigger-firing statement: twice the CPU of this INSERT and 20-50 KB more written).
        cur = self.conn.execute(
            f"INSERT INTO articles ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})"
            " ON CONFLICT (url_key) DO NOTHING",
            [row[c] for c in cols],
        )
        if cur.rowcount == 1:
            self._index_article(int(cur.lastrowid or 0))
            return "new"
        old = self.conn.execute(
            "SELECT title, body, content_hash, fetched_at, id, authors, site,"
            f" {_SEARCH_KEY} FROM articles WHERE url_key = ?",
            (row["url_key"],),
        ).fetchone()
        old_title, old_body, old_hash, old_fetched = old[:4]
        row["taken_down_at"] = None
        changed = old_hash != row["content_hash"] or (old_title or "") != (row["title"] or "")
        if changed:
            self.conn.execute(
                "INSERT INTO article_revisions (url_key, title, body, content_hash, fetched_at, replaced_at)"
                " VALUES (?, ?, ?, ?, ?, ?)",
                (row["url_key"], old_title, old_body, old_hash, old_fetched, now),
            )
            cols = [c for c in row if c not in _KEEP_ON_UPDATE]
        else:  # only the bookkeeping the caller gave (a partial record leaves the rest alone)
            bookkeeping = ("last_seen_at", "fetched_at", "http_status", "etag", "last_modified",
                           "taken_down_at")  # fmt: skip
            cols = [c for c in bookkeeping if c in row]
        self.conn.execute(
            f"UPDATE articles SET {', '.join(f'{c} = ?' for c in cols)} WHERE url_key = ?",
            [row[c] for c in cols] + [row["url_key"]],
        )
        if not INDEXED_COLUMNS.isdisjoint(cols):
            self._reindex_article(old[4], old[7], *old[:2], *old[5:7])
        return "updated" if changed else "unchanged"

    # -- the two full-text indexes --------------------------------------------------------------
    # Written here at the commit, not by triggers (m010): SQLite 3.40's FTS5 writes its pending
    # terms at every statement savepoint, which a trigger-firing statement opens (513 articles/s).
    # The delete trigger (m012) covers deletes, which the Archive never makes.

    def _index_article(self, article_id: int) -> None:
        """Queue one article row, as stored, for both FTS indexes (rowid: its search key)."""
        key, title, body, authors, site = self.conn.execute(
            f"SELECT {_SEARCH_KEY}, title, body, authors, site FROM articles WHERE id = ?",
            (article_id,),
        ).fetchone()
        self._queue_index_write(_EXACT_INSERT, key, (title, body, authors))
        self._queue_index_write(_STEM_INSERT, key, stemming.stem_row(title, body, authors, site))

    def _reindex_article(
        self, article_id: int, key: int, title: str | None, body: str, authors: str, site: str
    ) -> None:
        """Replace an updated row's index entries: the old values (given) out, the stored in."""
        self._queue_index_write(_EXACT_DELETE, key, (title, body, authors))
        self._queue_index_write(_STEM_DELETE, key, stemming.stem_row(title, body, authors, site))
        self._index_article(article_id)

    def _queue_index_write(self, sql: str, key: int, values: tuple) -> None:
        """Hold one index write until the commit (or until INDEX_QUEUE_MAX are held)."""
        self._index_queue.append((key, sql, values))
        if len(self._index_queue) >= INDEX_QUEUE_MAX:
            self._write_index_queue()

    def _write_index_queue(self) -> None:
        """Write the queued index entries in rowid order, each index's own: FTS5 writes a segment
        whenever a rowid is lower than the last one, and search keys arrive in any order. A run
        of the same statement goes in one executemany (one statement, not one per row)."""
        queued, self._index_queue = self._index_queue, []
        try:
            for index in ("articles_fts", "articles_stem_fts"):
                # a stable sort: a row's delete stays before its insert under the same key
                mine = sorted((w for w in queued if _INDEX_OF[w[1]] == index), key=_by_key)
                for sql, run in itertools.groupby(mine, key=_by_sql):
                    self.conn.executemany(sql, [(key, *values) for key, _, values in run])
        except sqlite3.Error as exc:
            self._abandon_index_write(exc)

    def rebuild_search_indexes(self) -> int:
        """Empty both FTS indexes and write every article into them again (`warta reindex`):
        they are derived from `articles` alone. Returns the articles indexed."""
        with self.transaction():
            for index in ("articles_fts", "articles_stem_fts"):
                self.conn.execute(f"INSERT INTO {index} ({index}) VALUES ('delete-all')")
            migrations.fill_search_indexes(self.conn)
        return self.count_articles()

    def merge_search_indexes(self, *, progress: bool = False) -> dict[str, tuple[int, int]]:
        """Merge each FTS index into one segment (`warta optimize`), then copy the WAL into the
        file. Returns index name -> (segments before, segments after)."""
        from tqdm import tqdm

        self.commit()
        merged = {}
        for index in ("articles_fts", "articles_stem_fts"):
            before = self.segment_count(index)
            leaves = self.conn.execute(f"SELECT count(*) FROM {index}_idx").fetchone()[0]
            with tqdm(
                total=leaves // migrations.MERGE_STEP_PAGES + 1,
                desc=index,
                unit="step",
                file=sys.stderr,
                disable=not progress,
            ) as bar:
                try:
                    migrations.merge_into_one_segment(self.conn, index, on_step=bar.update)
                except sqlite3.Error as exc:  # a full disk, say: the steps done stay committed
                    raise ArchiveError(
                        f"cannot merge {index} of {self.path}: {exc} (the steps done are kept;"
                        " run again to go on)"
                    ) from None
            merged[index] = (before, self.segment_count(index))
        self.checkpoint()
        return merged

    def settle_bulk_write(
        self, added: int, *, progress: bool = False
    ) -> dict[str, tuple[int, int]] | None:
        """The end of a bulk write (`warta ingest`, `import-warc`) that added `added` articles:
        when they are at least BULK_MERGE_SHARE of the archive (and BULK_MERGE_MIN_ARTICLES) and
        a search index is in more than SEGMENTS_BEFORE_MERGE segments, merge both indexes into
        one segment each (`merge_search_indexes`) and return what it merged; else None. A crawl's
        few articles a run leave that to `warta optimize`, which a bulk write hints at."""
        total = self.count_articles()
        if added < max(BULK_MERGE_MIN_ARTICLES, BULK_MERGE_SHARE * total):
            return None
        if self.max_segment_count() <= SEGMENTS_BEFORE_MERGE:
            return None
        return self.merge_search_indexes(progress=progress)

    def max_segment_count(self) -> int:
        """The segments of the search index in most of them."""
        return max(self.segment_count(index) for index in ("articles_fts", "articles_stem_fts"))

    def segment_count(self, index: str) -> int:
        """Segments of one FTS index (each search reads a list from every one)."""
        return self.conn.execute(f"SELECT count(DISTINCT segid) FROM {index}_idx").fetchone()[0]

    def _abandon_index_write(self, exc: sqlite3.Error) -> None:
        """An index write failed after its row was written: roll the transaction back rather than
        commit a row the indexes do not know."""
        self.rollback()
        raise ArchiveError(f"cannot write the search index of {self.path}: {exc}") from None

    def original_of(self, content_hash: str, url_key: str) -> dict[str, Any] | None:
        """The archived original (`url_key`, `published_at`) with this exact body, other than
        `url_key` itself, or None."""
        if not content_hash:
            return None
        found = self.conn.execute(
            "SELECT url_key, published_at FROM articles WHERE content_hash = ? AND url_key != ?"
            " AND duplicate_of IS NULL ORDER BY first_seen_at, id LIMIT 1",
            (content_hash, url_key),
        ).fetchone()
        return {"url_key": found[0], "published_at": found[1]} if found else None

    def relink_copies(self, old_original: str, new_original: str) -> int:
        """Make `new_original` the original of `old_original` and of all its copies (an earlier
        published copy turned up). Returns the rows changed."""
        self.begin()
        cur = self.conn.execute(
            "UPDATE articles SET duplicate_of = ? WHERE (url_key = ? OR duplicate_of = ?)"
            " AND url_key != ?",
            (new_original, old_original, old_original, new_original),
        )
        return cur.rowcount

    def touch_article(self, url_key: str, *, when: str | None = None) -> None:
        """Record that an unchanged article (HTTP 304) is still online."""
        self.begin()
        self.conn.execute(
            "UPDATE articles SET last_seen_at = ?, taken_down_at = NULL WHERE url_key = ?",
            (when or utc_now(), url_key),
        )

    def mark_taken_down(self, url_key: str, *, when: str | None = None) -> bool:
        """Record that an archived article is gone (404/410, or redirected home); keeps its text."""
        self.begin()
        cur = self.conn.execute(
            "UPDATE articles SET taken_down_at = ? WHERE url_key = ? AND taken_down_at IS NULL",
            (when or utc_now(), url_key),
        )
        return cur.rowcount > 0

    def get_article(self, url_key: str) -> dict[str, Any] | None:
        """One article row as a dict (JSON list fields decoded), or None."""
        cur = self.conn.execute("SELECT * FROM articles WHERE url_key = ?", (url_key,))
        found = cur.fetchone()
        if found is None:
            return None
        return decode_row(dict(zip([d[0] for d in cur.description], found, strict=True)))

    def iter_articles(self, *, site: str | None = None) -> Iterator[dict[str, Any]]:
        """Every article row (JSON list fields decoded), ordered by id."""
        sql, args = "SELECT * FROM articles", []
        if site:
            sql, args = sql + " WHERE site = ?", [site]
        cur = self.conn.execute(sql + " ORDER BY id", args)
        names = [d[0] for d in cur.description]
        for found in cur:
            yield decode_row(dict(zip(names, found, strict=True)))

    def article_sites(self) -> list[str]:
        """The portals the archive holds articles of, by name."""
        return [r[0] for r in self.conn.execute("SELECT DISTINCT site FROM articles ORDER BY site")]

    def count_articles(self, *, site: str | None = None) -> int:
        """Number of article rows (of one portal)."""
        if site:
            return self.conn.execute(
                "SELECT count(*) FROM articles WHERE site = ?", (site,)
            ).fetchone()[0]
        return self.conn.execute("SELECT count(*) FROM articles").fetchone()[0]

    def coverage(self, *, level: str = "province", period: str = "year", site: str | None = None,
                 since: str | None = None, until: str | None = None) -> list[tuple]:  # fmt: skip
        """Originals (no exact copies) per story region (`province`/`regency`; NULL: unknown) and
        `year`/`month` of publication, as `(code, name, period, count)`."""
        col = {"province": "story_province", "regency": "story_regency"}[level]
        sql = f"SELECT {col}_code, max({col}), substr(published_at, 1, {7 if period == 'month' else 4})"
        where = [("site = ?", site), ("published_at >= ?", since), ("published_at < ?", until)]
        used = [(clause, value) for clause, value in where if value]
        return self.conn.execute(
            f"{sql} AS p, count(*) FROM articles WHERE duplicate_of IS NULL"
            f"{''.join(' AND ' + clause for clause, _ in used)} GROUP BY {col}_code, p ORDER BY 1, 3",
            [value for _, value in used],
        ).fetchall()

    # -- raw pages ----------------------------------------------------------------------------

    def save_raw_page(
        self,
        *,
        url: str,
        final_url: str,
        url_key: str,
        site: str | None,
        status: int,
        headers: Mapping[str, str],
        body: bytes,
        fetched_at: str | None = None,
        part_of: str | None = None,
        part: int | None = None,
    ) -> int:
        """Keep one raw response (zstd-compressed body, SHA-1 payload digest as WARC writes it);
        a later page of a split article names the article's URL key (`part_of`) and its number."""
        digest = payload_digest(body)
        self.begin()
        cur = self.conn.execute(
            "INSERT INTO raw_pages (url, final_url, url_key, site, status, headers, fetched_at,"
            " payload_digest, encoding, body, part_of, part)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'zstd', ?, ?, ?)",
            (
                url,
                final_url,
                url_key,
                site,
                status,
                json.dumps(dict(headers), ensure_ascii=False),
                fetched_at or utc_now(),
                digest,
                self._zstd.compress(body),
                part_of,
                part,
            ),
        )
        return int(cur.lastrowid or 0)

    # -- faithful archive: raw pages read back, in-place updates, clusters, revisions -----------

    def raw_page_ids(
        self,
        *,
        site: str | None = None,
        since: str | None = None,
        latest: bool = False,
        parts: bool = False,
    ) -> list[int]:
        """Ids of stored raw responses in fetch order; `latest` keeps each URL key's newest fetch,
        `since` keeps fetches on or after a time (`YYYY-MM-DD` or ISO 8601, UTC). The later pages
        of split articles only with `parts` (they are read with their article: `raw_parts`)."""
        where, args = [] if parts else ["part_of IS NULL"], []
        if site:
            where.append("site = ?")
            args.append(site)
        if since:
            where.append("fetched_at >= ?")
            args.append(since)
        clause = f" WHERE {' AND '.join(where)}" if where else ""
        if latest:
            sql = (
                "SELECT id FROM (SELECT id, fetched_at, row_number() OVER (PARTITION BY url_key"
                f" ORDER BY fetched_at DESC, id DESC) AS newest FROM raw_pages{clause})"
                " WHERE newest = 1 ORDER BY fetched_at, id"
            )
        else:
            sql = f"SELECT id FROM raw_pages{clause} ORDER BY fetched_at, id"
        return [r[0] for r in self.conn.execute(sql, args)]

    def raw_pages(self, ids: Iterable[int], *, chunk: int = 200) -> Iterator[dict[str, Any]]:
        """Raw responses by id, in the order given: row fields with `headers` decoded and `body` as
        the decompressed bytes (a row whose body cannot be decompressed comes with `body` None)."""
        unzstd = zstandard.ZstdDecompressor()
        ids = list(ids)
        for start in range(0, len(ids), chunk):
            part = ids[start : start + chunk]
            cur = self.conn.execute(
                f"SELECT * FROM raw_pages WHERE id IN ({', '.join('?' * len(part))})", part
            )
            names = [d[0] for d in cur.description]
            found = {r[0]: dict(zip(names, r, strict=True)) for r in cur}
            for page_id in part:
                row = found.get(page_id)
                if row is None:
                    continue
                row["body"] = _decompress(unzstd, row["encoding"], row["body"])
                try:
                    row["headers"] = json.loads(row["headers"] or "{}")
                except ValueError:
                    row["headers"] = {}
                yield row

    def raw_parts(self, url_key: str, since: str | None) -> list[dict[str, Any]]:
        """The later pages of a split article as fetched with its first page (at or after
        `since`, that fetch's time): each page number's newest fetch, in page order, read as
        `raw_pages` reads them."""
        ids = [
            row[0]
            for row in self.conn.execute(
                "SELECT id FROM (SELECT id, part, row_number() OVER (PARTITION BY part"
                " ORDER BY fetched_at DESC, id DESC) AS newest FROM raw_pages"
                " WHERE part_of = ? AND fetched_at >= ?) WHERE newest = 1 ORDER BY part",
                (url_key, since or ""),
            )
        ]
        return list(self.raw_pages(ids))

    def update_article_fields(self, url_key: str, fields: Mapping[str, Any]) -> bool:
        """Overwrite some fields of one article in place (no revision: a re-extraction is not an
        edit by the portal); both FTS indexes follow. True when a row changed."""
        names = [n for n in fields if n in _UPDATABLE]
        if not names:
            return False
        values = [
            _json_text(list(fields[n] or [])) if n in _JSON_LISTS else fields[n] for n in names
        ]
        self.begin()
        old = None
        if not INDEXED_COLUMNS.isdisjoint(names):
            sql = f"SELECT id, {_SEARCH_KEY}, title, body, authors, site FROM articles"
            old = self.conn.execute(f"{sql} WHERE url_key = ?", (url_key,)).fetchone()
        cur = self.conn.execute(
            f"UPDATE articles SET {', '.join(f'{n} = ?' for n in names)} WHERE url_key = ?",
            [*values, url_key],
        )
        if old is not None and cur.rowcount > 0:
            self._reindex_article(*old)
        return cur.rowcount > 0

    def set_duplicate_of(self, changes: Iterable[tuple[str | None, str]]) -> int:
        """Set `duplicate_of` for `(original_or_None, url_key)` pairs; returns the rows changed."""
        self.begin()
        before = self.conn.total_changes
        self.conn.executemany(
            "UPDATE articles SET duplicate_of = ? WHERE url_key = ? AND duplicate_of IS NOT ?",
            ((original, key, original) for original, key in changes),
        )
        return self.conn.total_changes - before

    def set_clusters(self, changes: Iterable[tuple[str | None, int, str]]) -> int:
        """Set `cluster_id, is_canonical` for `(cluster_id, is_canonical, url_key)` triples (the
        near-duplicate clustering's output); returns the rows changed."""
        self.begin()
        before = self.conn.total_changes
        self.conn.executemany(
            "UPDATE articles SET cluster_id = ?, is_canonical = ? WHERE url_key = ?"
            " AND (cluster_id IS NOT ? OR is_canonical IS NOT ?)",
            ((cid, canon, key, cid, canon) for cid, canon, key in changes),
        )
        return self.conn.total_changes - before

    def article_revisions(self, url_key: str) -> list[dict[str, Any]]:
        """Earlier versions of an article (title, body, hash, fetch time, when replaced), oldest
        first."""
        cur = self.conn.execute(
            "SELECT * FROM article_revisions WHERE url_key = ? ORDER BY replaced_at, id",
            (url_key,),
        )
        names = [d[0] for d in cur.description]
        return [dict(zip(names, r, strict=True)) for r in cur]

    def has_raw_page(self, url_key: str, payload_digest: str, fetched_at: str | None) -> bool:
        """True when this exact response (same body, same fetch time) is already kept."""
        return (
            self.conn.execute(
                "SELECT 1 FROM raw_pages WHERE url_key = ? AND payload_digest = ?"
                " AND fetched_at IS ? LIMIT 1",
                (url_key, payload_digest, fetched_at),
            ).fetchone()
            is not None
        )

    # -- portal profiles (crawler.profiles) -------------------------------------------------------

    def profiles(self, *, site: str | None = None, history: bool = False) -> list[dict[str, Any]]:
        """Learned portal profiles: the newest version of each portal (every version, oldest
        first, with `history`), `profile` decoded from JSON."""
        where, args = (" WHERE site = ?", [site]) if site else ("", [])
        try:
            cur = self.conn.execute(
                f"SELECT * FROM portal_profiles{where} ORDER BY site, version", args
            )
        except sqlite3.OperationalError:  # an archive from before m013, opened read-only
            return []
        names = [d[0] for d in cur.description]
        rows = [dict(zip(names, r, strict=True)) for r in cur]
        for row in rows:
            row["profile"] = json.loads(row["profile"])
        return rows if history else list({row["site"]: row for row in rows}.values())

    def save_profile(
        self, site: str, version: int, profile: Mapping[str, Any], *, pages: int, reason: str
    ) -> None:
        """Store a version of a portal's profile (learned now, from `pages` article pages)."""
        self.begin()
        self.conn.execute(
            "INSERT OR REPLACE INTO portal_profiles (site, version, profile, learned_at, pages,"
            " reason) VALUES (?, ?, ?, ?, ?, ?)",
            (site, version, json_text(profile), utc_now(), pages, reason),
        )

    def update_profile(
        self, site: str, version: int, *, checked: int = 0, matched: int = 0,
        backfilled: bool = False,
    ) -> None:  # fmt: skip
        """Count pages checked against a profile version (and how many matched); with
        `backfilled`, record that the stored articles were re-cleaned with it."""
        self.begin()
        self.conn.execute(
            "UPDATE portal_profiles SET checked = checked + ?, matched = matched + ?,"
            " checked_at = CASE WHEN ? THEN ? ELSE checked_at END,"
            " backfilled_at = CASE WHEN ? THEN ? ELSE backfilled_at END"
            " WHERE site = ? AND version = ?",
            (checked, matched, checked > 0, utc_now(), backfilled, utc_now(), site, version),
        )

    def same_body_rows(self, content_hash: str) -> list[dict[str, Any]]:
        """`url_key, published_at, first_seen_at, duplicate_of` of every article with this exact
        body hash, in archive order."""
        cur = self.conn.execute(
            "SELECT url_key, published_at, first_seen_at, duplicate_of FROM articles"
            " WHERE content_hash = ? ORDER BY id",
            (content_hash,),
        )
        names = [d[0] for d in cur.description]
        return [dict(zip(names, r, strict=True)) for r in cur]


INDEX_QUEUE_MAX = 20_000  # index writes held (~100 MB of text): 4 an article, 200 a crawl batch
INDEXED_COLUMNS = frozenset({"title", "body", "authors", "site", "published_at"})
"""Columns of `articles` the FTS indexes hold (the stem index also the portal as `site_key`, both
rowids the publication time): a write that changes one rewrites the row's index entries."""
_SEARCH_KEY = migrations.search_key_sql("published_at", "id")
_EXACT_INSERT = "INSERT INTO articles_fts (rowid, title, body, authors) VALUES (?, ?, ?, ?)"
_EXACT_DELETE = (
    "INSERT INTO articles_fts (articles_fts, rowid, title, body, authors)"
    " VALUES ('delete', ?, ?, ?, ?)"
)
_STEM_INSERT = (
    "INSERT INTO articles_stem_fts (rowid, title, body, authors, site_key) VALUES (?, ?, ?, ?, ?)"
)
_STEM_DELETE = (
    "INSERT INTO articles_stem_fts (articles_stem_fts, rowid, title, body, authors, site_key)"
    " VALUES ('delete', ?, ?, ?, ?, ?)"
)
_INDEX_OF = {
    sql: sql.split()[2] for sql in (_EXACT_INSERT, _EXACT_DELETE, _STEM_INSERT, _STEM_DELETE)
}
_by_key, _by_sql = itemgetter(0), itemgetter(1)


def payload_digest(data: bytes) -> str:
    """WARC-style payload digest: `sha1:` and the base32 SHA-1 of the bytes."""
    import base64

    return "sha1:" + base64.b32encode(hashlib.sha1(data).digest()).decode("ascii")


_COLUMNS = tuple(article_columns())  # read once: dataclasses.fields() costs ~10 us a call
_JSON_LISTS = LIST_FIELDS | RECORD_LIST_FIELDS  # columns stored as JSON lists
_json_text = json.JSONEncoder(ensure_ascii=False).encode
"""`json.dumps(value, ensure_ascii=False)` with its encoder made once (dumps makes one a call when
given an option: ~4 us of each of an article's three or more lists)."""


def _article_row(item: ArticleItem | Mapping[str, Any]) -> dict[str, Any]:
    source = asdict_shallow(item) if isinstance(item, ArticleItem) else dict(item)
    row: dict[str, Any] = {}
    for name in _COLUMNS:
        if name not in source:
            continue
        value = source[name]
        if name in _JSON_LISTS:
            value = _json_text(list(value)) if value else "[]"
        row[name] = value
    for name in ("first_seen_at", "last_seen_at", "taken_down_at"):
        row.setdefault(name, None)
    row["is_canonical"] = 1 if row.get("is_canonical", True) else 0
    if not row.get("url_key"):
        raise ArchiveError(f"article without url_key: {source.get('url')}")
    return row


def asdict_shallow(item: ArticleItem) -> dict[str, Any]:
    """An ArticleItem's stored fields as a dict (no deep copies of the raw page)."""
    return {name: getattr(item, name) for name in _COLUMNS}


def decode_row(row: dict[str, Any]) -> dict[str, Any]:
    """Decode the JSON list columns of an `articles` row."""
    for name in _JSON_LISTS:
        if isinstance(row.get(name), str):
            try:
                row[name] = json.loads(row[name])
            except ValueError:
                row[name] = []
    return row


# Columns an in-place update (reprocess) may overwrite: the extracted and cleaned fields.
_UPDATABLE = frozenset(article_columns()) - {
    "id",
    "url_key",
    "first_seen_at",
    "last_seen_at",
    "taken_down_at",
    "cluster_id",
    "is_canonical",
}


def _decompress(unzstd: zstandard.ZstdDecompressor, encoding: str, blob: bytes) -> bytes | None:
    """A stored raw body as bytes (None when it is damaged or in an unknown encoding)."""
    import gzip

    try:
        if encoding == "zstd":
            return unzstd.decompress(blob)
        if encoding == "gzip":
            return gzip.decompress(blob)
        if encoding == "identity":
            return bytes(blob)
    except (zstandard.ZstdError, OSError, EOFError):
        return None
    return None
