"""The crawl's memory in archive.db: the seen-URL table (`urls`, the frontier of incremental and
resumed runs) and one `crawl_runs` row per run. A part of the Archive (mixed into it), so that its
SQL stays the Archive's."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping
from contextlib import AbstractContextManager
from dataclasses import asdict, dataclass
from typing import TYPE_CHECKING, Any

from crawler.archive.sqlite import sqlite3, utc_now


def json_text(value: Any) -> str:
    """A value as the JSON text the archive stores (sorted keys, UTF-8 kept, anything else str)."""
    return json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)


@dataclass
class RunCounts:
    """What one crawl run did, as stored in `crawl_runs`."""

    pages_fetched: int = 0
    articles_new: int = 0
    articles_updated: int = 0
    articles_unchanged: int = 0
    articles_duplicate: int = 0
    articles_dropped: int = 0


class CrawlState:
    """The Archive's seen-URL and crawl-run tables (uses the Archive's `conn` and `begin`)."""

    conn: sqlite3.Connection

    if TYPE_CHECKING:  # provided by the Archive this is mixed into

        def begin(self) -> None: ...

        def transaction(self) -> AbstractContextManager[Any]: ...

    # -- seen URLs ----------------------------------------------------------------------------

    def note_urls(self, found: Iterable[Mapping[str, Any]], *, now: str | None = None) -> int:
        """Record discovered URLs (keys `url_key, url, site, kind, channel, lastmod, published_at`);
        the first channel to find a URL is kept. Returns how many were new."""
        now = now or utc_now()
        self.begin()
        before = self.conn.total_changes
        rows = (
            {
                "lastmod": None,
                "published_at": None,
                "kind": "article",
                "channel": None,
                **f,
                "now": now,
            }
            for f in found
        )
        self.conn.executemany(
            "INSERT INTO urls (url_key, url, site, kind, channel, discovered_at, lastmod, published_at)"
            " VALUES (:url_key, :url, :site, :kind, :channel, :now, :lastmod, :published_at)"
            " ON CONFLICT (url_key) DO UPDATE SET lastmod = coalesce(excluded.lastmod, lastmod),"
            " published_at = coalesce(published_at, excluded.published_at)"
            " WHERE excluded.lastmod IS NOT NULL OR excluded.published_at IS NOT NULL",
            rows,
        )
        return self.conn.total_changes - before

    def mark_queued(self, url_key: str, run_id: int) -> None:
        """Record that run `run_id` has queued a fetch of this URL (the in-run duplicate filter)."""
        self.begin()
        self.conn.execute("UPDATE urls SET queued_run = ? WHERE url_key = ?", (run_id, url_key))

    def mark_listed(self, url_key: str, channel: str) -> None:
        """Record that a channel listing posts one by one (a feed) names this URL, which another
        channel found first: its page is judged with that word from now on."""
        self.begin()
        self.conn.execute("UPDATE urls SET channel = ? WHERE url_key = ?", (channel, url_key))

    def pending_urls(self, site: str) -> Iterator[dict[str, Any]]:
        """Article URLs of a portal that were discovered but never fetched (a killed or failed
        earlier run), newest first."""
        cur = self.conn.execute(
            "SELECT url_key, url, channel, lastmod, published_at FROM urls"
            " WHERE site = ? AND kind = 'article' AND fetched_at IS NULL"
            " ORDER BY coalesce(published_at, lastmod) DESC",
            (site,),
        )
        names = [d[0] for d in cur.description]
        for found in cur.fetchall():
            yield dict(zip(names, found, strict=True))

    def archived_urls(self, site: str) -> list[dict[str, Any]]:
        """Every URL of a portal that last yielded an article (the set a full revisit fetches)."""
        cur = self.conn.execute(
            "SELECT url_key, url, channel, published_at, fetched_at, outcome, etag, last_modified"
            " FROM urls WHERE site = ? AND kind = 'article' AND outcome = 'article'",
            (site,),
        )
        names = [d[0] for d in cur.description]
        return [dict(zip(names, found, strict=True)) for found in cur.fetchall()]

    def url_state(self, url_key: str) -> dict[str, Any] | None:
        """The seen-set row of a URL key, or None when never seen."""
        cur = self.conn.execute("SELECT * FROM urls WHERE url_key = ?", (url_key,))
        found = cur.fetchone()
        return dict(zip([d[0] for d in cur.description], found, strict=True)) if found else None

    def mark_fetched(
        self,
        url_key: str,
        *,
        url: str,
        site: str,
        outcome: str,
        fetched_at: str | None = None,
        etag: str | None = None,
        last_modified: str | None = None,
        kind: str = "article",
    ) -> None:
        """Record a fetch of a URL and its outcome (`article`, `unchanged`, `dropped:<reason>`, ...)."""
        fetched_at = fetched_at or utc_now()
        self.begin()
        self.conn.execute(
            "INSERT INTO urls (url_key, url, site, kind, discovered_at, fetched_at, outcome, etag, last_modified)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
            " ON CONFLICT (url_key) DO UPDATE SET fetched_at = excluded.fetched_at,"
            " outcome = excluded.outcome, etag = coalesce(excluded.etag, etag),"
            " last_modified = coalesce(excluded.last_modified, last_modified)",
            (url_key, url, site, kind, fetched_at, fetched_at, outcome, etag, last_modified),
        )

    # -- crawl runs ---------------------------------------------------------------------------

    def start_run(
        self,
        *,
        spider: str,
        site: str | None,
        worker: str | None = None,
        started_at: str | None = None,
    ) -> int:
        """Open a `crawl_runs` row; returns its id (committed at once so a killed run leaves it)."""
        with self.transaction():
            cur = self.conn.execute(
                "INSERT INTO crawl_runs (site, spider, worker, started_at) VALUES (?, ?, ?, ?)",
                (site, spider, worker, started_at or utc_now()),
            )
        return int(cur.lastrowid or 0)

    def finish_run(
        self,
        run_id: int,
        *,
        counts: RunCounts,
        finish_reason: str,
        drops: Mapping[str, int],
        errors: Mapping[str, int],
        stats: Mapping[str, Any],
        finished_at: str | None = None,
    ) -> None:
        """Close a `crawl_runs` row with the run's counts and stats."""
        with self.transaction():
            fields = asdict(counts)
            self.conn.execute(
                f"UPDATE crawl_runs SET finished_at = ?, finish_reason = ?, drops = ?, errors = ?,"
                f" stats = ?, {', '.join(f'{k} = ?' for k in fields)} WHERE id = ?",
                [
                    finished_at or utc_now(),
                    finish_reason,
                    json_text(drops),
                    json_text(errors),
                    json_text(stats),
                    *fields.values(),
                    run_id,
                ],
            )

    def runs(self, *, site: str | None = None, limit: int = 20) -> list[dict[str, Any]]:
        """Most recent crawl runs first."""
        sql, args = "SELECT * FROM crawl_runs", []
        if site:
            sql, args = sql + " WHERE site = ?", [site]
        cur = self.conn.execute(sql + " ORDER BY id DESC LIMIT ?", [*args, limit])
        names = [d[0] for d in cur.description]
        return [dict(zip(names, r, strict=True)) for r in cur]
