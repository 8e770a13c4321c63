"""Full-text search over the archive: FTS5 bm25 ranking, filters, highlighted snippets."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import asdict, dataclass, field
from typing import Any

from crawler.storage import Archive

TITLE_WEIGHT, BODY_WEIGHT, AUTHORS_WEIGHT = 10.0, 1.0, 2.0
"""bm25 column weights: a word in the headline says far more about an article than one in its body
(tests/test_search.py checks a title hit outranks a body-only hit)."""
SNIPPET_TOKENS = 16  # about one line of a terminal around the first hit
MAX_QUERY_CHARS = (
    1000  # longer queries are refused: no real search needs more, FTS5 time grows with it
)
HIGHLIGHT = ("\x02", "\x03")  # markers the CLI turns into colour or brackets


class SearchError(ValueError):
    """A query the archive cannot run (one-line message)."""


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

    def as_json(self) -> dict[str, Any]:
        """The hit as a JSON-ready dict, highlight markers turned into `[` `]`."""
        out = asdict(self)
        out["snippet"] = self.snippet.replace(HIGHLIGHT[0], "[").replace(HIGHLIGHT[1], "]")
        return out


def check_query(query: str) -> str:
    """Refuse queries that cannot be valid before they reach SQLite."""
    if "\x00" in query:
        raise SearchError("query contains a NUL byte")
    query = query.strip()
    if not query:
        raise SearchError("empty query")
    if len(query) > MAX_QUERY_CHARS:
        raise SearchError(f"query longer than {MAX_QUERY_CHARS} characters")
    return query


def search(
    archive: Archive,
    query: str,
    *,
    site: str | None = None,
    since: str | None = None,
    until: str | None = None,
    limit: int = 20,
) -> list[Hit]:
    """Articles matching an FTS5 query, best first (bm25, title weighted above body)."""
    query = check_query(query)
    where = ["articles_fts MATCH ?"]
    args: list[Any] = [query]
    if site:
        where.append("a.site = ?")
        args.append(site)
    if since:
        where.append("a.published_at >= ?")
        args.append(since)
    if until:
        where.append("a.published_at < ?")
        args.append(until)
    sql = f"""
        SELECT a.url, a.title, a.site, a.published_at, a.authors, a.duplicate_of,
               snippet(articles_fts, 1, ?, ?, '…', {SNIPPET_TOKENS}) AS snippet,
               bm25(articles_fts, {TITLE_WEIGHT}, {BODY_WEIGHT}, {AUTHORS_WEIGHT}) AS score
        FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid
        WHERE {" AND ".join(where)}
        ORDER BY score LIMIT ?
    """
    try:
        rows = archive.conn.execute(sql, [*HIGHLIGHT, *args, limit]).fetchall()
    except sqlite3.OperationalError as exc:
        raise SearchError(f"malformed query {query!r}: {exc}") from None
    return [
        Hit(
            url=r[0],
            title=r[1],
            site=r[2],
            published_at=r[3],
            authors=json.loads(r[4] or "[]"),
            duplicate_of=r[5],
            snippet=r[6] or "",
            score=r[7],
        )
        for r in rows
    ]
