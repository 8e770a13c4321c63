"""`warta serve`: the archive in a browser through Datasette, read-only, with Warta's metadata."""

from __future__ import annotations

import asyncio
import functools
import socket
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import markupsafe
from datasette import hookimpl

from crawler import __version__
from crawler.research import search as searching
from crawler.research import stemming
from crawler.research.export import fields_dictionary

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

HIDDEN_TABLES = ("articles_fts", "articles_stem_fts", "_sqlite_migrations")
"""Tables a reader has no use for: the two contentless search indexes and the migration log
(search goes through the search page, /DB/search, the same search as `warta search`)."""
TEMPLATES = Path(__file__).resolve().parent / "templates"
PAGE_SIZE = 50  # hits on one search page: as many rows as a table page shows

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


def search_box_html(path: str | Path) -> str:
    """The search box of the article tables: a form to the search page (stemmed, ranked, with
    facets), the only search box Warta serves."""
    db = markupsafe.escape(database_name(path))
    return (
        f"<form class='warta-search' action='/{db}/search' method='get'>"
        "<label for='warta-q'>Search articles</label> "
        "<input id='warta-q' type='search' name='q' placeholder='banjir garut'> "
        "<input type='submit' value='Search'> <span class='warta-note'>finds every Indonesian"
        " form of each word (bangun finds pembangunan), like <code>warta search</code></span>"
        "</form>"
    )


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
            "description_html": search_box_html(path),
            "columns": dictionary,
            "facets": FACETS + STORY_FACETS,
            "sort_desc": "published_at",
            "size": 50,
        },
        "article_list": {
            "title": "Article list",
            "description_html": search_box_html(path),
            "columns": list_columns,
            "facets": LIST_FACETS + STORY_FACETS,
            "sort_desc": "published_at",
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
            "<a href='/{db}/search'>search</a> (every Indonesian form of each word, as"
            " <code>warta search</code>)."
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
    return Datasette(
        files=[str(path)], metadata=metadata(path), settings=SETTINGS, template_dir=str(TEMPLATES)
    )


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
    """Every Datasette connection can stem (`warta_stem`, which the delete trigger calls)."""
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


@hookimpl
def register_routes():
    """The search page: `/DB/search` (HTML) and `/DB/search.json`."""
    return [(r"^/(?P<database>[^/]+)/search(?P<format>\.json)?$", search_page)]


SEARCH_FIELDS = ("site", "region", "author", "language", "since", "until")
"""Filters the search page takes from its URL, named as the CLI's options."""


async def search_page(datasette, request):
    """Ranked (or newest-first) search with facets, the same search as `warta search`."""
    from datasette.utils.asgi import NotFound, Response

    name = request.url_vars["database"]
    try:
        database = datasette.get_database(name)
    except KeyError:
        raise NotFound(f"no database {name}") from None
    args = request.args
    query = (args.get("q") or "").strip()
    filters = searching.Filters(
        **{field: (args.get(field) or "").strip() or None for field in SEARCH_FIELDS},
        canonical_only=bool(args.get("canonical")),
    )
    order = "newest" if args.get("order") == "newest" else "relevance"
    exact = bool(args.get("exact"))
    started = time.perf_counter()
    outcome: dict[str, Any] = {"error": None, "results": None, "facets": None}
    if query:
        run = functools.partial(_search, database.path, query, filters, order, exact)
        outcome = await asyncio.get_running_loop().run_in_executor(None, run)
    elapsed_ms = (time.perf_counter() - started) * 1000
    results, found_facets = outcome["results"], outcome["facets"]
    if request.url_vars.get("format") == ".json":
        if outcome["error"]:
            return Response.json({"ok": False, "error": outcome["error"]}, status=400)
        rows = [hit.as_json() for hit in results.hits] if results else []
        if args.get("_shape") == "array":
            return Response.json(rows)
        return Response.json(
            {
                "ok": True,
                "rows": rows,
                "total": results.total if results else 0,
                "total_exact": results.total_exact if results else True,
                "summary": results.summary(cli=False) if results else "",
                "facets": found_facets.counts if found_facets else {},
                "facets_estimated": found_facets.estimated if found_facets else False,
            }
        )
    context = {
        "database": name,
        "q": query,
        "filters": filters,
        "order": order,
        "exact": exact,
        "error": outcome["error"],
        "results": results,
        "hits": [_hit_view(hit) for hit in results.hits] if results else [],
        "facets": _facet_view(request, found_facets) if found_facets else [],
        "facets_estimated": found_facets.estimated if found_facets else False,
        "elapsed_ms": elapsed_ms,
    }
    html = await datasette.render_template("warta_search.html", context, request=request)
    return Response.html(html, status=400 if outcome["error"] else 200)


_readers = threading.local()


def _reader(path: str) -> Any:
    """This thread's read-only Archive of `path` (one per thread, kept: a warm page cache)."""
    from crawler.archive.storage import Archive

    found = getattr(_readers, "archives", None)
    if found is None:
        found = _readers.archives = {}
    if path not in found:
        found[path] = Archive(path, readonly=True)
    return found[path]


def _search(path: str, query: str, filters: Any, order: str, exact: bool) -> dict[str, Any]:
    """One search page's results and facets (run in a worker thread)."""
    archive = _reader(path)
    try:
        results = searching.find(
            archive, query, filters=filters, order=order, exact=exact, limit=PAGE_SIZE
        )
        found = searching.facets(archive, query, filters=filters, exact=exact)
    except searching.SearchError as exc:
        return {"error": str(exc), "results": None, "facets": None}
    return {"error": None, "results": results, "facets": found}


def _hit_view(hit: Any) -> dict[str, Any]:
    """A hit for the template: the snippet as HTML with its matches marked."""
    text = markupsafe.escape(hit.snippet)
    marked = (
        str(text)
        .replace(searching.HIGHLIGHT[0], "<mark>")
        .replace(searching.HIGHLIGHT[1], "</mark>")
    )
    return {**hit.as_json(), "snippet_html": markupsafe.Markup(marked)}


def _facet_view(request: Any, found: Any) -> list[dict[str, Any]]:
    """Each facet's values with the link that adds it as a filter."""
    from urllib.parse import urlencode

    target = {"site": "site", "province": "region", "regency": "region", "authors": "author"}
    views = []
    for name, values in found.counts.items():
        items = []
        for value, count in values:
            params = {key: request.args.get(key) for key in request.args.keys()}  # noqa: SIM118
            if name == "month":
                params["since"] = f"{value}-01"
                year, month = int(value[:4]), int(value[5:7])
                params["until"] = f"{year + month // 12}-{month % 12 + 1:02d}-01"
            else:
                params[target[name]] = value
            items.append({"value": value, "count": count, "href": "?" + urlencode(params)})
        views.append({"name": name, "values": items})
    return views
