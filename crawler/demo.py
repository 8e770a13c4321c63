"""`warta demo`: serve the bundled test portals on loopback, crawl them, show the archive and a search."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from crawler.runner import LOOPBACK_SETTINGS, run_crawl
from crawler.search import HIGHLIGHT, search
from crawler.storage import Archive


def run_demo(
    db: str | Path,
    *,
    generated_articles: int = 40,
    query: str = "banjir",
    echo: Callable[[str], None] = print,
) -> dict:
    """Crawl the test portal and its syndicating neighbour into `db`; print what was stored and the
    result of a sample search. Returns the counts it printed."""
    from crawler.testportal import PortalSpec, serve_portals

    specs = [
        PortalSpec(name="main", articles=generated_articles),
        PortalSpec(name="second", second_portal=True),
    ]
    with serve_portals(specs) as portals:
        urls = [p.url for p in portals]
        echo(f"serving the test portals on loopback: {', '.join(urls)}")
        runs = run_crawl(
            [{"url": u} for u in urls],
            db=db,
            overrides={**LOOPBACK_SETTINGS, "LOG_LEVEL": "WARNING"},
        )
    for run in runs:
        echo(
            f"crawled {run['site']}: {run['pages_fetched']} pages, {run['articles_new']} new articles,"
            f" {run['articles_duplicate']} copies, {run['articles_dropped']} dropped"
        )
    with Archive(db, readonly=True) as archive:
        total = archive.count_articles()
        copies = archive.conn.execute(
            "SELECT count(*) FROM articles WHERE duplicate_of IS NOT NULL"
        ).fetchone()[0]
        echo(f"\n{db} now holds {total} articles ({copies} recorded as copies). Newest:")
        for title, site, published, authors in archive.conn.execute(
            "SELECT title, site, published_at, authors FROM articles"
            " ORDER BY published_at DESC LIMIT 5"
        ):
            echo(f"  {(published or '')[:10]}  {site}  {title}  {authors}")
        hits = search(archive, query, limit=3)
        echo(f'\nwarta search "{query}" --db {db}:')
        for hit in hits:
            snippet = hit.snippet.replace(HIGHLIGHT[0], "[").replace(HIGHLIGHT[1], "]")
            echo(f"  {hit.title}\n    {hit.url}\n    {snippet}")
        if not hits:
            echo("  no match")
    return {"articles": total, "copies": copies, "hits": len(hits)}
