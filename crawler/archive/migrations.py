"""Schema of archive.db as an ordered list of named migrations (an existing archive upgrades in place)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

migrations = Migrations("warta")

FTS_TOKENIZER = "unicode61 remove_diacritics 2"  # Indonesian needs no English stemming (not porter)
FTS_COLUMNS = ("title", "body", "authors")


@migrations()
def m001_articles(db: Database) -> None:
    """One row per canonical URL key, the data dictionary of crawler.items.ArticleItem."""
    db.execute(
        """
        CREATE TABLE articles (
            id INTEGER PRIMARY KEY,
            url_key TEXT NOT NULL UNIQUE,
            url TEXT NOT NULL,
            canonical_url TEXT,
            site TEXT NOT NULL,
            province TEXT,
            regency TEXT,
            title TEXT,
            body TEXT NOT NULL DEFAULT '',
            authors TEXT NOT NULL DEFAULT '[]',
            editor TEXT,
            posted_by TEXT,
            dateline_place TEXT,
            dateline_outlet TEXT,
            agency_tag TEXT,
            related_links TEXT NOT NULL DEFAULT '[]',
            syndicated_from TEXT,
            published_at TEXT,
            published_at_source TEXT,
            modified_at TEXT,
            modified_at_source TEXT,
            language TEXT,
            tags TEXT NOT NULL DEFAULT '[]',
            categories TEXT NOT NULL DEFAULT '[]',
            image_url TEXT,
            word_count INTEGER NOT NULL DEFAULT 0,
            content_hash TEXT NOT NULL DEFAULT '',
            duplicate_of TEXT,
            discovered_via TEXT,
            http_status INTEGER,
            fetched_at TEXT,
            etag TEXT,
            last_modified TEXT,
            first_seen_at TEXT NOT NULL,
            last_seen_at TEXT NOT NULL,
            taken_down_at TEXT,
            cluster_id TEXT,
            is_canonical INTEGER NOT NULL DEFAULT 1
        )
        """
    )
    db.execute("CREATE INDEX articles_site_published ON articles (site, published_at)")
    db.execute("CREATE INDEX articles_published ON articles (published_at)")
    db.execute("CREATE INDEX articles_content_hash ON articles (content_hash)")
    db.execute("CREATE INDEX articles_cluster ON articles (cluster_id)")


@migrations()
def m002_articles_fts(db: Database) -> None:
    """FTS5 over title, body and authors; triggers fire only when those columns change."""
    db.table("articles").enable_fts(
        list(FTS_COLUMNS), tokenize=FTS_TOKENIZER, create_triggers=False
    )
    cols = ", ".join(FTS_COLUMNS)
    new = ", ".join(f"new.{c}" for c in FTS_COLUMNS)
    old = ", ".join(f"old.{c}" for c in FTS_COLUMNS)
    db.execute(
        f"""CREATE TRIGGER articles_ai AFTER INSERT ON articles BEGIN
              INSERT INTO articles_fts (rowid, {cols}) VALUES (new.id, {new});
            END"""
    )
    db.execute(
        f"""CREATE TRIGGER articles_ad AFTER DELETE ON articles BEGIN
              INSERT INTO articles_fts (articles_fts, rowid, {cols}) VALUES ('delete', old.id, {old});
            END"""
    )
    db.execute(
        f"""CREATE TRIGGER articles_au AFTER UPDATE OF {cols} ON articles BEGIN
              INSERT INTO articles_fts (articles_fts, rowid, {cols}) VALUES ('delete', old.id, {old});
              INSERT INTO articles_fts (rowid, {cols}) VALUES (new.id, {new});
            END"""
    )


@migrations()
def m003_crawl_runs(db: Database) -> None:
    """One row per crawl run (per portal and worker) with its stats."""
    db.execute(
        """
        CREATE TABLE crawl_runs (
            id INTEGER PRIMARY KEY,
            site TEXT,
            spider TEXT NOT NULL,
            worker TEXT,
            started_at TEXT NOT NULL,
            finished_at TEXT,
            finish_reason TEXT,
            pages_fetched INTEGER NOT NULL DEFAULT 0,
            articles_new INTEGER NOT NULL DEFAULT 0,
            articles_updated INTEGER NOT NULL DEFAULT 0,
            articles_unchanged INTEGER NOT NULL DEFAULT 0,
            articles_duplicate INTEGER NOT NULL DEFAULT 0,
            articles_dropped INTEGER NOT NULL DEFAULT 0,
            drops TEXT NOT NULL DEFAULT '{}',
            errors TEXT NOT NULL DEFAULT '{}',
            stats TEXT NOT NULL DEFAULT '{}'
        )
        """
    )
    db.execute("CREATE INDEX crawl_runs_site ON crawl_runs (site, started_at)")


@migrations()
def m004_urls(db: Database) -> None:
    """The on-disk seen-URL set: every URL key met, the channel that first found it, fetch state."""
    db.execute(
        """
        CREATE TABLE urls (
            url_key TEXT PRIMARY KEY,
            url TEXT NOT NULL,
            site TEXT NOT NULL,
            kind TEXT NOT NULL DEFAULT 'article',
            channel TEXT,
            discovered_at TEXT NOT NULL,
            lastmod TEXT,
            fetched_at TEXT,
            outcome TEXT,
            etag TEXT,
            last_modified TEXT
        ) WITHOUT ROWID
        """
    )
    db.execute("CREATE INDEX urls_site ON urls (site, kind)")


@migrations()
def m005_raw_pages_and_revisions(db: Database) -> None:
    """Raw responses (compressed) for re-extraction and WARC export; earlier versions of articles."""
    db.execute(
        """
        CREATE TABLE raw_pages (
            id INTEGER PRIMARY KEY,
            url TEXT NOT NULL,
            final_url TEXT NOT NULL,
            url_key TEXT NOT NULL,
            site TEXT,
            status INTEGER NOT NULL,
            headers TEXT NOT NULL DEFAULT '{}',
            fetched_at TEXT NOT NULL,
            payload_digest TEXT NOT NULL,
            encoding TEXT NOT NULL DEFAULT 'zstd',
            body BLOB NOT NULL
        )
        """
    )
    db.execute("CREATE INDEX raw_pages_url_key ON raw_pages (url_key, fetched_at)")
    db.execute(
        """
        CREATE TABLE article_revisions (
            id INTEGER PRIMARY KEY,
            url_key TEXT NOT NULL,
            title TEXT,
            body TEXT NOT NULL,
            content_hash TEXT NOT NULL,
            fetched_at TEXT,
            replaced_at TEXT NOT NULL
        )
        """
    )
    db.execute("CREATE INDEX article_revisions_key ON article_revisions (url_key, replaced_at)")


@migrations()
def m006_urls_queue_state(db: Database) -> None:
    """The seen-URL table doubles as the crawl's on-disk frontier: which run queued a URL, and
    the publication date a channel gave (newest-first ordering, window checks on resume)."""
    db.execute("ALTER TABLE urls ADD COLUMN queued_run INTEGER")
    db.execute("ALTER TABLE urls ADD COLUMN published_at TEXT")
    db.execute("CREATE INDEX urls_pending ON urls (site, kind, fetched_at)")


@migrations()
def m007_stem_index(db: Database) -> None:
    """Indonesian stems of title, body and authors in a second, contentless FTS5 index (so that
    `bangun` finds `pembangunan`); triggers re-stem through `warta_stem`, which every Archive
    connection registers, and a delete re-stems the old text to remove exactly what was added."""
    from crawler.research import stemming

    stemming.register(db.conn)
    cols = ", ".join(FTS_COLUMNS)
    stem = stemming.STEM_FUNCTION
    new = ", ".join(f"{stem}(new.{c})" for c in FTS_COLUMNS)
    old = ", ".join(f"{stem}(old.{c})" for c in FTS_COLUMNS)
    db.execute(
        f"CREATE VIRTUAL TABLE articles_stem_fts USING fts5({cols}, content='',"
        f" tokenize='{FTS_TOKENIZER}')"
    )
    db.execute(
        f"""CREATE TRIGGER articles_stem_ai AFTER INSERT ON articles BEGIN
              INSERT INTO articles_stem_fts (rowid, {cols}) VALUES (new.id, {new});
            END"""
    )
    db.execute(
        f"""CREATE TRIGGER articles_stem_ad AFTER DELETE ON articles BEGIN
              INSERT INTO articles_stem_fts (articles_stem_fts, rowid, {cols})
              VALUES ('delete', old.id, {old});
            END"""
    )
    db.execute(
        f"""CREATE TRIGGER articles_stem_au AFTER UPDATE OF {cols} ON articles BEGIN
              INSERT INTO articles_stem_fts (articles_stem_fts, rowid, {cols})
              VALUES ('delete', old.id, {old});
              INSERT INTO articles_stem_fts (rowid, {cols}) VALUES (new.id, {new});
            END"""
    )
    db.execute(
        f"INSERT INTO articles_stem_fts (rowid, {cols})"
        f" SELECT id, {', '.join(f'{stem}({c})' for c in FTS_COLUMNS)} FROM articles"
    )


@migrations()
def m008_article_list_view(db: Database) -> None:
    """`article_list`: one line per article with its month, for browsing and faceting
    (`warta serve`); the body stays in `articles`."""
    db.execute(
        """
        CREATE VIEW article_list AS
        SELECT id, published_at, substr(published_at, 1, 7) AS month, site, province, regency,
               title, url, authors, language, word_count, duplicate_of, is_canonical, cluster_id
        FROM articles
        """
    )


@migrations()
def m009_stem_index_site_key(db: Database) -> None:
    """The stem index also holds each article's portal as one token (`site_key`: `s` + hex of
    the site name), so a search within one portal intersects doclists inside FTS5 instead of
    ranking every match in the archive and then dropping the other portals' rows."""
    from crawler.research import stemming

    stemming.register(db.conn)
    for trigger in ("ai", "ad", "au"):
        db.execute(f"DROP TRIGGER IF EXISTS articles_stem_{trigger}")
    db.execute("DROP TABLE IF EXISTS articles_stem_fts")
    stem = stemming.STEM_FUNCTION
    cols = ", ".join((*FTS_COLUMNS, "site_key"))
    new = ", ".join([*(f"{stem}(new.{c})" for c in FTS_COLUMNS), "'s' || hex(new.site)"])
    old = ", ".join([*(f"{stem}(old.{c})" for c in FTS_COLUMNS), "'s' || hex(old.site)"])
    db.execute(
        f"CREATE VIRTUAL TABLE articles_stem_fts USING fts5({cols}, content='',"
        f" tokenize='{FTS_TOKENIZER}')"
    )
    db.execute(
        f"""CREATE TRIGGER articles_stem_ai AFTER INSERT ON articles BEGIN
              INSERT INTO articles_stem_fts (rowid, {cols}) VALUES (new.id, {new});
            END"""
    )
    db.execute(
        f"""CREATE TRIGGER articles_stem_ad AFTER DELETE ON articles BEGIN
              INSERT INTO articles_stem_fts (articles_stem_fts, rowid, {cols})
              VALUES ('delete', old.id, {old});
            END"""
    )
    db.execute(
        f"""CREATE TRIGGER articles_stem_au AFTER UPDATE OF {", ".join(FTS_COLUMNS)}, site
            ON articles BEGIN
              INSERT INTO articles_stem_fts (articles_stem_fts, rowid, {cols})
              VALUES ('delete', old.id, {old});
              INSERT INTO articles_stem_fts (rowid, {cols}) VALUES (new.id, {new});
            END"""
    )
    db.execute(
        f"INSERT INTO articles_stem_fts (rowid, {cols}) SELECT id,"
        f" {', '.join(f'{stem}({c})' for c in FTS_COLUMNS)}, 's' || hex(site) FROM articles"
    )


@migrations()
def m010_index_writes_by_archive(db: Database) -> None:
    """`Archive` writes both FTS indexes itself when it inserts or updates an article, in the
    statement after the row's (SQLite 3.40's FTS5 flushes its pending terms at every statement
    savepoint, which a trigger-firing statement opens: per-row flushes halved ingest). The insert
    and update triggers go; the delete triggers stay for deletes, which Archive never makes."""
    for trigger in ("articles_ai", "articles_au", "articles_stem_ai", "articles_stem_au"):
        db.execute(f"DROP TRIGGER IF EXISTS {trigger}")


SEARCH_KEY_BITS = 32
"""Low bits of a search-index rowid that hold the article id (ids stay below 2**32)."""


def search_key_sql(published_at: str, article_id: str) -> str:
    """SQL for an article's rowid in both FTS indexes (m012): the minute of its publication on the
    portal's own clock in the high bits, its id in the low 32, so rowid order is publication
    order (newest first is a reverse scan, a date range is a rowid range). Undated: minute 0."""
    p = published_at
    clock = (
        f"substr({p}, 1, 10) || ' ' || CASE WHEN substr({p}, 11, 1) IN ('T', ' ')"
        f" AND substr({p}, 14, 1) = ':' THEN substr({p}, 12, 5) ELSE '00:00' END"
    )
    minute = (
        f"CASE WHEN {p} IS NULL THEN 0 ELSE min(2147483647, max(1, coalesce("
        f"CAST(strftime('%s', {clock}) AS INTEGER) / 60, 1))) END"
    )
    return f"(({minute}) << {SEARCH_KEY_BITS}) | {article_id}"


def fill_search_indexes(
    conn: Any, indexes: tuple[str, ...] = ("articles_fts", "articles_stem_fts")
) -> None:
    """Write every article into the (empty) FTS indexes, as the Archive writes one row."""
    from crawler.research import stemming

    stemming.register(conn)
    stem = stemming.STEM_FUNCTION
    key = search_key_sql("published_at", "id")
    cols = ", ".join(FTS_COLUMNS)
    # in rowid order: FTS5 writes a segment whenever a rowid is lower than the one before it
    if "articles_fts" in indexes:
        conn.execute(
            f"INSERT INTO articles_fts (rowid, {cols}) SELECT {key} AS k, {cols} FROM articles"
            " ORDER BY k"
        )
    if "articles_stem_fts" in indexes:
        conn.execute(
            f"INSERT INTO articles_stem_fts (rowid, {cols}, site_key) SELECT {key} AS k,"
            f" {', '.join(f'{stem}({c})' for c in FTS_COLUMNS)}, 's' || hex(site) FROM articles"
            " ORDER BY k"
        )
    for index in indexes:
        finish_merges(conn, index)


MERGE_STEP_PAGES = 20_000
"""Pages of FTS5 merge work per `merge` command of `finish_merges` (~80 MB a statement); any step
does the same work in all (m016 finished the stem index's begun merge in 23 steps at 1,350,000
articles)."""


def finish_merges(conn: Any, index: str) -> None:
    """Do now the segment merges automerge has begun or has due in one FTS index (a fill in one
    statement leaves a 16-segment merge begun: m015's rebuild of the stem index at 1,256,000
    articles left ~430,000 pages of it, which automerge spreads over the next ~140,000 articles'
    commits: 3.8 more pages of the WAL an article). `usermerge` as `automerge`: an explicit merge does what automerge
    would, no more."""
    conn.execute(
        f"INSERT INTO {index} ({index}, rank) VALUES ('usermerge', ?)",
        (FTS_SETTINGS["automerge"],),
    )
    _merge_until_done(conn, index, MERGE_STEP_PAGES)


def merge_into_one_segment(
    conn: Any, index: str, on_step: Callable[[], object] | None = None
) -> None:
    """Merge every segment of one FTS index into one (FTS5's `optimize`, done as its incremental
    `merge` with a negative page count first): each search then reads one list a word instead of
    one in every segment. In steps of MERGE_STEP_PAGES, each its own transaction unless the
    caller holds one, so the WAL stays small and the next call resumes an interrupted merge.
    Calls `on_step` after each step (progress)."""
    _merge_until_done(conn, index, -MERGE_STEP_PAGES, on_step)


def _merge_until_done(
    conn: Any, index: str, first_pages: int, on_step: Callable[[], object] | None = None
) -> None:
    """Run FTS5 `merge` commands until one finds nothing to do; the first writes `first_pages`
    (negative: begin by making every segment an input of one merge)."""
    pages = first_pages
    while True:
        before = conn.total_changes
        conn.execute(f"INSERT INTO {index} ({index}, rank) VALUES ('merge', ?)", (pages,))
        if on_step is not None:
            on_step()
        if conn.total_changes - before < 2:  # FTS5's sign that the merge found nothing to do
            return
        pages = MERGE_STEP_PAGES


@migrations()
def m012_search_indexes_in_publication_order(db: Database) -> None:
    """Both FTS indexes contentless and keyed by publication time (`search_key_sql`): newest-first
    and date filters run inside FTS5, and ranking can stop at the newest N matches; a covering
    index gives the filters and facets of a match without reading its row (issue 16)."""
    from crawler.research import stemming

    stemming.register(db.conn)
    for name in ("articles_ad", "articles_stem_ad"):
        db.execute(f"DROP TRIGGER IF EXISTS {name}")
    db.execute("DROP TABLE IF EXISTS articles_fts")
    db.execute("DROP TABLE IF EXISTS articles_stem_fts")
    cols = ", ".join(FTS_COLUMNS)
    db.execute(
        f"CREATE VIRTUAL TABLE articles_fts USING fts5({cols}, content='',"
        f" tokenize='{FTS_TOKENIZER}')"
    )
    db.execute(
        f"CREATE VIRTUAL TABLE articles_stem_fts USING fts5({cols}, site_key, content='',"
        f" tokenize='{FTS_TOKENIZER}')"
    )
    stem = stemming.STEM_FUNCTION
    key = search_key_sql("old.published_at", "old.id")
    old = ", ".join(f"old.{c}" for c in FTS_COLUMNS)
    stems = ", ".join([*(f"{stem}(old.{c})" for c in FTS_COLUMNS), "'s' || hex(old.site)"])
    db.execute(
        f"""CREATE TRIGGER articles_ad AFTER DELETE ON articles BEGIN
              INSERT INTO articles_fts (articles_fts, rowid, {cols}) VALUES ('delete', {key}, {old});
              INSERT INTO articles_stem_fts (articles_stem_fts, rowid, {cols}, site_key)
              VALUES ('delete', {key}, {stems});
            END"""
    )
    db.execute(
        "CREATE INDEX IF NOT EXISTS articles_search_facts ON articles (id, published_at, site, language,"
        " province, regency, duplicate_of, is_canonical, authors)"
    )
    fill_search_indexes(db.conn)


@migrations()
def m013_portal_profiles(db: Database) -> None:
    """One row per version of a portal's learned profile (`crawler.profiles`): the profile as JSON,
    when and from how many article pages it was learned and why (`learned`, `layout-changed`,
    `new-chrome`), how many pages were checked against it since and matched, and when the stored
    articles were re-cleaned with it (NULL: not yet)."""
    db.execute(
        """
        CREATE TABLE IF NOT EXISTS portal_profiles (
            site TEXT NOT NULL,
            version INTEGER NOT NULL,
            profile TEXT NOT NULL,
            learned_at TEXT NOT NULL,
            pages INTEGER NOT NULL,
            reason TEXT NOT NULL,
            checked INTEGER NOT NULL DEFAULT 0,
            matched INTEGER NOT NULL DEFAULT 0,
            checked_at TEXT,
            backfilled_at TEXT,
            PRIMARY KEY (site, version)
        )
        """
    )


@migrations()
def m014_story_places(db: Database) -> None:
    """Where each story happened (`crawler.places`): province and regency codes and names, every
    coded place the article names, what decided it and how sure; indexed for the story-region
    filter and coverage counts. `article_list` gains the story's province and regency (facets).
    Archived rows stay NULL until `warta reprocess` fills them. Safe to run again (a test
    rewinds an archive's migration log)."""
    present = set(db["articles"].columns_dict)
    for column, kind in (
        ("story_province_code", "TEXT"),
        ("story_province", "TEXT"),
        ("story_regency_code", "TEXT"),
        ("story_regency", "TEXT"),
        ("story_places", "TEXT NOT NULL DEFAULT '[]'"),
        ("story_location_source", "TEXT"),
        ("story_location_confidence", "REAL"),
    ):
        if column not in present:
            db.execute(f"ALTER TABLE articles ADD COLUMN {column} {kind}")
    db.execute(
        "CREATE INDEX IF NOT EXISTS articles_story_province"
        " ON articles (story_province_code, published_at)"
    )
    db.execute(
        "CREATE INDEX IF NOT EXISTS articles_story_regency"
        " ON articles (story_regency_code, published_at)"
    )
    db.execute("DROP VIEW IF EXISTS article_list")
    db.execute(
        """
        CREATE VIEW article_list AS
        SELECT id, published_at, substr(published_at, 1, 7) AS month, site, province, regency,
               story_province, story_regency, title, url, authors, language, word_count,
               duplicate_of, is_canonical, cluster_id, story_province_code, story_regency_code
        FROM articles
        """
    )


FTS_SETTINGS = {"automerge": 16, "crisismerge": 64, "hashsize": 16 * 2**20}
"""FTS5 options of both indexes (m015). automerge 16 (FTS5's default: 4) merges 16 segments of a
level at once, so each entry is rewritten about half as often: a batch of 1,000 articles cost 634 us
of commit CPU an article at 1,000,000 articles, 230-330 us with 16 (bench/search.py's ingest);
crisismerge 64 leaves that merging incremental. hashsize 16 MB (default 1 MB) holds a commit's
entries in memory until the commit writes them as one segment, instead of one per MB."""
STEM_PREFIX = "3"
"""Prefix index of the stem index: a 3-letter prefix (`pem*`) reads one list instead of merging
the lists of every word it begins (0.4-1 s at 1,000,000 articles); ~45 us of ingest CPU an article."""


def configure_search_index(conn: Any, index: str) -> None:
    """Set FTS_SETTINGS on one FTS index (kept in its config table)."""
    for name, value in FTS_SETTINGS.items():
        conn.execute(f"INSERT INTO {index} ({index}, rank) VALUES (?, ?)", (name, value))


@migrations()
def m015_search_filters_and_prefixes(db: Database) -> None:
    """Search without reading article rows for its filters (issue 16): indexes that give the ids
    of a language, a province or regency and the copies (a filter checks each match against
    them in memory); the stem index rebuilt with a 3-letter prefix index; both indexes merge 16
    segments at a time and buffer a whole commit (FTS_SETTINGS)."""
    from crawler.research import stemming

    stemming.register(db.conn)
    db.execute("CREATE INDEX IF NOT EXISTS articles_language ON articles (language)")
    db.execute(
        "CREATE INDEX IF NOT EXISTS articles_province_nocase ON articles (province COLLATE NOCASE)"
    )
    db.execute(
        "CREATE INDEX IF NOT EXISTS articles_regency_nocase ON articles (regency COLLATE NOCASE)"
    )
    db.execute(
        "CREATE INDEX IF NOT EXISTS articles_copies ON articles (id)"
        " WHERE duplicate_of IS NOT NULL OR is_canonical = 0"
    )
    db.execute("DROP TABLE IF EXISTS articles_stem_fts")
    db.execute(
        f"CREATE VIRTUAL TABLE articles_stem_fts USING fts5({', '.join(FTS_COLUMNS)}, site_key,"
        f" content='', tokenize='{FTS_TOKENIZER}', prefix='{STEM_PREFIX}')"
    )
    for index in ("articles_fts", "articles_stem_fts"):
        configure_search_index(db.conn, index)
    fill_search_indexes(db.conn, ("articles_stem_fts",))


APPENDING_INDEXES = {
    "articles_story_province": "story_province_code",
    "articles_story_regency": "story_regency_code",
    "articles_cluster": "cluster_id",
}
"""Indexes m016 keys by one column and keeps to the rows where it is set (name -> column)."""


@migrations()
def m016_appending_indexes_and_finished_merges(db: Database) -> None:
    """Ingest at 1,000,000 articles and more (issue 16). The story-region and cluster indexes hold
    only rows where the code or cluster is set, keyed by it alone: with the date second, a new
    article went to a random page of each story index (2.4 pages of the WAL an article at
    1,256,000); by the code alone it goes after the code's last row. Every query that reads them
    names a code or cluster (the story-region filter takes ids by code; coverage counts now scan
    the table: 4.7 s instead of 10 at 1,310,000 articles). Both search indexes finish the merges
    a rebuild left begun (`finish_merges`). Together 16.6 pages of the WAL an article before, 10.4
    after; bench/search.py --append 20000 on fresh copies of a 1,256,000-article archive, six
    pairs with main's code taking turns (load 2.6-4.5): 1,348-1,916 articles per CPU-second
    (mean 1,664) against 971-1,315 (1,160). Takes 58-81 s there (31-42 s of CPU). Safe to run
    again: an index already in this form is left alone, a finished merge has nothing to do."""
    for name, column in APPENDING_INDEXES.items():
        wanted = f"CREATE INDEX {name} ON articles ({column}) WHERE {column} IS NOT NULL"
        found = db.execute(
            "SELECT sql FROM sqlite_master WHERE type = 'index' AND name = ?", [name]
        ).fetchone()
        if found is not None and found[0] == wanted:
            continue
        db.execute(f"DROP INDEX IF EXISTS {name}")
        db.execute(wanted)
    for index in ("articles_fts", "articles_stem_fts"):
        finish_merges(db.conn, index)


@migrations()
def m017_raw_page_parts(db: Database) -> None:
    """Raw pages of a split article's later pages (`/slug/2/`, `?page=2`) name the article they
    belong to (`part_of`, its URL key) and their page number (`part`), so a re-extraction joins
    them to its first page again, and readers of article pages leave them out. Safe to run again."""
    present = set(db["raw_pages"].columns_dict)
    if "part_of" not in present:
        db.execute("ALTER TABLE raw_pages ADD COLUMN part_of TEXT")
    if "part" not in present:
        db.execute("ALTER TABLE raw_pages ADD COLUMN part INTEGER")
    db.execute(
        "CREATE INDEX IF NOT EXISTS raw_pages_part_of ON raw_pages (part_of, part, fetched_at)"
        " WHERE part_of IS NOT NULL"
    )


def apply(db: Database) -> None:
    """Bring the archive's schema up to date."""
    migrations.apply(db)
