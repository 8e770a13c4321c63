"""`warta demo`: serve the bundled test portals on loopback, crawl them, show the archive and a search."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from crawler.archive.storage import Archive
from crawler.crawl.runner import LOOPBACK_SETTINGS, run_crawl
from crawler.research.search import HIGHLIGHT, search

DEMO_PORTS = (8461, 8462)
"""Fixed loopback ports, so a second `warta demo` into the same archive finds the same portals
(and shows an incremental run) instead of adding them again under new host:port names."""


def run_demo(
    db: str | Path,
    *,
    generated_articles: int = 40,
    query: str = "banjir",
    echo: Callable[[str], None] = print,
) -> dict:
    """Crawl the test portal and its syndicating neighbour into `db`; print what was stored and the
    result of a sample search. Returns the counts it printed."""
    from crawler.testportal import PortalServeError, PortalSpec, serve_portals

    specs = [
        PortalSpec(name="main", articles=generated_articles, port=DEMO_PORTS[0]),
        PortalSpec(name="second", second_portal=True, port=DEMO_PORTS[1]),
    ]
    try:
        with serve_portals(specs) as portals:
            return _crawl_and_show(portals, db, query, echo)
    except PortalServeError:
        echo(f"ports {DEMO_PORTS} are taken: serving the demo on other ports (a new site name)")
        specs = [replace(spec, port=0) for spec in specs]
        with serve_portals(specs) as portals:
            return _crawl_and_show(portals, db, query, echo)


def _crawl_and_show(portals, db, query, echo) -> dict:
    urls = [p.url for p in portals]
    echo(f"serving the test portals on loopback: {', '.join(urls)}")
    runs = run_crawl(
        [{"url": u} for u in urls],
        db=db,
        # the portals serve broken pages on purpose: their outcomes are counted, not logged
        overrides={**LOOPBACK_SETTINGS, "LOG_LEVEL": "ERROR"},
    )
    for run in runs:
        drops, errors = json.loads(run["drops"]), json.loads(run["errors"])
        echo(
            f"crawled {run['site']}: {run['pages_fetched']} pages, {run['articles_new']} new articles,"
            f" {run['articles_duplicate']} copies; dropped {drops or 'none'}; errors {errors or 'none'}"
        )
    echo(
        "(the test portals serve a malformed and an empty sitemap, an empty post and pages that"
        " are not articles on purpose: each ends as a counted drop or error, never a crash)"
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
