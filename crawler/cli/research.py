"""`warta search`: full-text search of the archive from the command line."""

from __future__ import annotations

import json
import sys

import click

from crawler.cli import UserError, cli, db_option, open_archive


@cli.command()
@click.argument("query")
@db_option
@click.option("--site", help="Only this portal (its site name, e.g. ttn.co.id).")
@click.option("--since", help="Published on or after (YYYY-MM-DD).")
@click.option("--until", help="Published before (YYYY-MM-DD).")
@click.option("--limit", default=20, show_default=True, type=click.IntRange(1, 10_000))
@click.option("--json", "as_json", is_flag=True, help="One JSON object per line.")
def search(query, db, site, since, until, limit, as_json):
    """Full-text search, best match first (title weighted above body).

    \b
    Query syntax (SQLite FTS5):
        banjir garut          both words, anywhere
        "dana hibah"          the exact phrase
        banjir OR longsor     either word
        pilkada NOT kpu       the first without the second
        bangun*               any word starting with bangun
        title:pilkada         only in the headline

    \b
    Example:
        warta search '"pilkada banyuasin"' --since 2024-01-01
    """
    from crawler.search import HIGHLIGHT, SearchError
    from crawler.search import search as run_search

    with open_archive(db) as archive:
        try:
            hits = run_search(archive, query, site=site, since=since, until=until, limit=limit)
        except SearchError as exc:
            raise UserError(str(exc)) from None
    if as_json:
        for hit in hits:
            click.echo(json.dumps(hit.as_json(), ensure_ascii=False))
        return
    if not hits:
        click.echo("no match")
        return
    color = sys.stdout.isatty()
    for hit in hits:
        snippet = hit.snippet.replace(HIGHLIGHT[0], "\x1b[1m" if color else "[").replace(
            HIGHLIGHT[1], "\x1b[0m" if color else "]"
        )
        when = (hit.published_at or "")[:10]
        copy = f" (copy of {hit.duplicate_of})" if hit.duplicate_of else ""
        click.echo(f"{when} {hit.site} | {hit.title}{copy}\n    {hit.url}\n    {snippet}")
