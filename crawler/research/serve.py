"""`warta serve`: the archive in a browser through Datasette, read-only, with Warta's metadata."""

from __future__ import annotations

import asyncio
import socket
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import markupsafe
from datasette import hookimpl

from crawler import __version__
from crawler.research import stemming
from crawler.research.export import fields_dictionary
from crawler.research.search import AUTHORS_WEIGHT, BODY_WEIGHT, TITLE_WEIGHT

DEFAULT_HOST = "127.0.0.1"
LISTEN_BACKLOG = 128  # asyncio's own default for create_server
PLUGIN_NAME = "warta"
SETTINGS = {
    "default_page_size": 50,  # a screenful of headlines
    "facet_time_limit_ms": 1_000,  # facets over a million rows take ~0.5 s on 2 cores
    "sql_time_limit_ms": 5_000,  # canned research queries group the whole archive
    "truncate_cells_html": 200,  # bodies and long URLs stay readable in a table
    "allow_download": False,  # the archive is shared by serving it, not by copying the file
    "allow_csv_stream": True,
}
"""Datasette settings for the archive (its defaults are tuned for small tables)."""

HIDDEN_TABLES = ("articles_stem_fts", "_sqlite_migrations")
"""Tables a reader has no use for: the contentless stem index and the migration log."""

FACETS = ["site", "province", "regency", {"array": "authors"}]
LIST_FACETS = ["site", "province", "regency", "month", {"array": "authors"}]
STORY_FACETS = ["story_province", "story_regency"]
"""Facets by where the stories happened (crawler.places), beside the portals' home region."""

LIST_VIEW_COLUMNS = frozenset(
    [
        "id",
        "published_at",
        "site",
        "province",
        "regency",
        "title",
        "url",
        "authors",
        "language",
        "word_count",
        "duplicate_of",
        "is_canonical",
        "cluster_id",
        "story_province",
        "story_regency",
        "story_province_code",
        "story_regency_code",
    ]
)
"""Columns of the `article_list` view (migrations m008, m014) besides `month`."""

CANNED_QUERIES: dict[str, dict[str, Any]] = {
    "search": {
        "title": "Search articles (Indonesian word forms)",
        "description": "Full-text search that also finds other forms of each word: bangun finds"
        ' pembangunan and dibangun. FTS5 syntax: "an exact phrase", OR, NOT, prefix*.',
        "sql": f"""
            SELECT a.published_at, a.site, a.title, a.url, a.authors, a.duplicate_of
            FROM articles_stem_fts s JOIN articles a ON a.id = s.rowid
            WHERE articles_stem_fts MATCH {stemming.STEM_QUERY_FUNCTION}(:q)
            ORDER BY bm25(articles_stem_fts, {TITLE_WEIGHT}, {BODY_WEIGHT}, {AUTHORS_WEIGHT}, 0.0)
            LIMIT 100
        """,
    },
    "articles_per_portal_per_month": {
        "title": "Articles per portal per month",
        "description": "Originals only (exact copies left out), by month of publication.",
        "sql": """
            SELECT site, substr(published_at, 1, 7) AS month, count(*) AS articles
            FROM articles WHERE duplicate_of IS NULL
            GROUP BY site, month ORDER BY site, month
        """,
    },
    "articles_per_region_per_month": {
        "title": "Articles per regency per month",
        "description": "Originals only, by the portal's home province and regency.",
        "sql": """
            SELECT province, regency, substr(published_at, 1, 7) AS month, count(*) AS articles
            FROM articles WHERE duplicate_of IS NULL
            GROUP BY province, regency, month ORDER BY province, regency, month
        """,
    },
    "articles_per_story_regency_per_month": {
        "title": "Articles per story regency per month",
        "description": "Where the stories happened (dateline, headline and body, coded to"
        " Kemendagri regions), not the portals' home: originals only, by month of publication;"
        " an empty regency is a story coded only to its province, or of unknown place.",
        "sql": """
            SELECT story_province_code, story_province, story_regency_code, story_regency,
                   substr(published_at, 1, 7) AS month, count(*) AS articles
            FROM articles WHERE duplicate_of IS NULL
            GROUP BY story_province_code, story_regency_code, month
            ORDER BY story_province_code, story_regency_code, month
        """,
    },
    "author_articles": {
        "title": "An author's articles",
        "description": "Every article that names this author (whole name, any case), newest first.",
        "sql": """
            SELECT a.published_at, a.site, a.title, a.url, a.authors
            FROM articles a
            WHERE EXISTS (SELECT 1 FROM json_each(a.authors) AS author
                          WHERE author.value = :author COLLATE NOCASE)
            ORDER BY a.published_at DESC
        """,
    },
    "top_authors": {
        "title": "Most prolific authors per portal",
        "sql": """
            SELECT a.site, author.value AS author, count(*) AS articles
            FROM articles a, json_each(a.authors) AS author
            WHERE a.duplicate_of IS NULL
            GROUP BY a.site, author.value ORDER BY articles DESC LIMIT 200
        """,
    },
    "copies_of_article": {
        "title": "Copies of one article",
        "description": "The original (give its URL) and every archived exact copy or"
        " near-duplicate of it on other portals.",
        "sql": """
            WITH original AS (
                SELECT url_key, cluster_id FROM articles WHERE url = :url OR url_key = :url
            )
            SELECT a.published_at, a.site, a.title, a.url,
                   CASE WHEN a.url_key = o.url_key THEN 'original'
                        WHEN a.duplicate_of = o.url_key THEN 'exact copy'
                        ELSE 'near duplicate' END AS relation
            FROM articles a, original o
            WHERE a.url_key = o.url_key OR a.duplicate_of = o.url_key
               OR (o.cluster_id IS NOT NULL AND a.cluster_id = o.cluster_id)
            ORDER BY a.published_at
        """,
    },
    "most_copied_articles": {
        "title": "Most copied articles",
        "description": "Originals with the most exact copies on other portals.",
        "sql": """
            SELECT o.published_at, o.site, o.title, o.url, count(*) AS copies
            FROM articles c JOIN articles o ON o.url_key = c.duplicate_of
            GROUP BY o.id ORDER BY copies DESC LIMIT 100
        """,
    },
    "portals": {
        "title": "Portals in the archive",
        "sql": """
            SELECT site, max(province) AS province, max(regency) AS regency,
                   count(*) AS articles, min(published_at) AS first_published,
                   max(published_at) AS last_published, max(fetched_at) AS last_fetched
            FROM articles GROUP BY site ORDER BY site
        """,
    },
    "crawl_runs_recent": {
        "title": "Recent crawl runs",
        "sql": """
            SELECT id, site, started_at, finished_at, finish_reason, pages_fetched,
                   articles_new, articles_updated, articles_duplicate, articles_dropped
            FROM crawl_runs ORDER BY id DESC LIMIT 100
        """,
    },
}
"""Common research questions as parameterised SQL (Datasette binds `:name` values)."""


class ServeError(Exception):
    """The archive cannot be served (one-line message for the user)."""


def database_name(path: str | Path) -> str:
    """The name Datasette gives the archive in its URLs (`archive` for archive.db)."""
    return Path(path).stem


def metadata(path: str | Path) -> dict[str, Any]:
    """Datasette metadata: title, description, data dictionary, facets, canned queries."""
    dictionary = fields_dictionary()
    list_columns = {
        "month": "Month of publication (YYYY-MM, in the portal's own time zone).",
        **{k: v for k, v in dictionary.items() if k in LIST_VIEW_COLUMNS},
    }
    tables: dict[str, Any] = {
        "articles": {
            "title": "Articles",
            "description": "One row per archived article (URL key). Search finds words as"
            " typed; the 'Search articles' query also finds other Indonesian word forms.",
            "columns": dictionary,
            "facets": FACETS + STORY_FACETS,
            "sort_desc": "published_at",
            "fts_table": "articles_fts",
            "fts_pk": "id",
            "size": 50,
        },
        "article_list": {
            "title": "Article list",
            "description": "Articles without their text, with the month of publication: the"
            " place to browse, facet by portal, region, month and author, and search.",
            "columns": list_columns,
            "facets": LIST_FACETS + STORY_FACETS,
            "sort_desc": "published_at",
            "fts_table": "articles_fts",
            "fts_pk": "id",
        },
        "crawl_runs": {"description": "One row per crawl run of one portal, with its counts."},
        "urls": {"description": "Every URL met while crawling, how it was found and fetched."},
        "article_revisions": {"description": "Earlier texts of articles that changed."},
        "raw_pages": {"description": "Pages as fetched (zstd-compressed HTML)."},
    }
    for name in HIDDEN_TABLES:
        tables[name] = {"hidden": True}
    return {
        "title": "Warta archive",
        "description_html": (
            f"Articles from Indonesian regional news portals, archived by Warta {__version__}. "
            "Start at <a href='/{db}/article_list'>the article list</a> or "
            "<a href='/{db}/search'>search with Indonesian word forms</a>."
        ).format(db=markupsafe.escape(database_name(path))),
        "databases": {
            database_name(path): {
                "description": "The archive: articles, crawl runs, seen URLs, raw pages.",
                "tables": tables,
                "queries": {
                    name: {**query, "sql": " ".join(query["sql"].split())}
                    for name, query in CANNED_QUERIES.items()
                },
            }
        },
    }


def build(path: str | Path):
    """A Datasette app over the archive file, read-only (`?mode=ro`), Warta plugin registered."""
    from datasette.app import Datasette
    from datasette.plugins import pm

    path = Path(path)
    if not path.is_file():
        raise ServeError(f"no archive at {path} (crawl first: warta crawl URL)")
    if not pm.is_registered(sys.modules[__name__]):
        pm.register(sys.modules[__name__], name=PLUGIN_NAME)
    # A mutable database: Datasette opens it `?mode=ro`, so a crawl may keep writing meanwhile.
    return Datasette(files=[str(path)], metadata=metadata(path), settings=SETTINGS)


def run(
    path: str | Path,
    *,
    host: str = DEFAULT_HOST,
    port: int = 0,
    announce: Callable[[str], Any] = print,
) -> None:
    """Serve the archive until interrupted; `announce` gets the URL once the socket is bound."""
    import uvicorn

    datasette = build(path)
    try:
        sock = socket.socket(_family(host), socket.SOCK_STREAM)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind((host, port))
        sock.listen(LISTEN_BACKLOG)  # connections queue from the moment the address is printed
    except (OSError, UnicodeError) as exc:
        raise ServeError(f"cannot listen on {host}:{port}: {exc}") from None
    bound_port = sock.getsockname()[1]
    asyncio.run(datasette.invoke_startup())
    shown = f"[{host}]" if ":" in host else host
    announce(f"Serving {path} at http://{shown}:{bound_port}/ (read-only; Ctrl-C to stop)")
    sys.stdout.flush()
    config = uvicorn.Config(datasette.app(), log_level="warning", lifespan="on")
    try:
        uvicorn.Server(config).run(sockets=[sock])
    finally:
        sock.close()


# -- Datasette plugin hooks ---------------------------------------------------------------------


@hookimpl
def prepare_connection(conn):
    """Every Datasette connection can stem: `warta_stem_query(:q)` in the search query."""
    stemming.register(conn)


@hookimpl
def render_cell(row, value, column, table, database, datasette):
    """A headline links to its article on the portal."""
    if column != "title" or value in (None, "") or not hasattr(row, "keys"):
        return None
    if "url" not in row.keys():  # noqa: SIM118 (sqlite3.Row: `in` looks at values)
        return None
    url = row["url"]
    if not isinstance(url, str) or not url.startswith(("http://", "https://")):
        return None
    return markupsafe.Markup('<a class="warta-article" href="{}">{}</a>').format(url, value)


def _family(host: str) -> socket.AddressFamily:
    return socket.AF_INET6 if ":" in host else socket.AF_INET
