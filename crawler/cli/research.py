"""`warta search`, `warta export` and `warta serve`: the archive for research use."""

from __future__ import annotations

import json
import os
import sys

import click

from crawler.cli.common import UserError, cli, db_option, db_path, open_archive


def filter_options(f):
    """The selection options that search and export share."""
    options = [
        click.option(
            "--site", help="Only this portal: its registry name (ttn) or its host (ttn.co.id)."
        ),
        click.option("--region", help="Only portals of this province or regency (e.g. Garut)."),
        click.option(
            "--story-region",
            help="Only stories that happened in this province or regency (name or code, e.g."
            " Banyuasin, 16.07, Sumsel; a province includes its regencies).",
        ),
        click.option("--author", help="Only articles by this author (whole name, any case)."),
        click.option("--language", help="Only articles in this language (ISO 639-1, e.g. id)."),
        click.option("--since", help="Published on or after (YYYY-MM-DD)."),
        click.option("--until", help="Published before (YYYY-MM-DD)."),
        click.option(
            "--canonical-only",
            is_flag=True,
            help="Leave out exact copies and non-canonical near-duplicates.",
        ),
    ]
    for option in reversed(options):
        f = option(f)
    return f


def _filters(site, region, author, language, since, until, canonical_only, story_region=None):
    from crawler.research.search import Filters, SearchError

    try:
        return Filters(
            site, region, author, language, since, until, canonical_only, story_region
        ).checked()
    except SearchError as exc:
        raise UserError(str(exc)) from None


@cli.command()
@click.argument("query")
@db_option
@filter_options
@click.option("--exact", is_flag=True, help="Match words literally (no Indonesian stemming).")
@click.option("--newest", is_flag=True, help="Newest first instead of best match first.")
@click.option("--limit", default=20, show_default=True, type=click.IntRange(1, 10_000))
@click.option("--json", "as_json", is_flag=True, help="One JSON object per line.")
def search(
    query,
    db,
    site,
    region,
    story_region,
    author,
    language,
    since,
    until,
    canonical_only,
    exact,
    newest,
    limit,
    as_json,
):
    """Full-text search, best match first (title weighted above body).

    Words match every Indonesian form of the same stem: `bangun` also finds
    `pembangunan`, `dibangun` and `membangun` (`--exact` matches words as typed).
    Type words as they are written: covid-19, desa-desa, anak-anak, 80%, it's.

    \b
    Query syntax:
        banjir garut          both words, anywhere
        "dana hibah"          the exact phrase
        banjir OR longsor     either word (or, OR: any case)
        pilkada NOT kpu       the first without the second (also: pilkada -kpu)
        (banjir OR longsor) garut   grouping
        bangun*               any word starting with bangun
        title:pilkada         only in the headline (also body:, authors:)
        NEAR(banjir garut, 5) both words within 5 words of each other
        "not"                 a quoted operator is a word

    A query with more than 50,000 matches is ranked over its newest 50,000,
    and the last line says so; --newest lists every match by date.

    \b
    Example:
        warta search '"pilkada banyuasin"' --since 2024-01-01 --region Banyuasin
        warta search banjir --story-region Sumsel
    """
    from crawler.research.search import HIGHLIGHT, SearchError, find

    filters = _filters(site, region, author, language, since, until, canonical_only, story_region)
    with open_archive(db) as archive:
        try:
            results = find(
                archive,
                query,
                filters=filters,
                order="newest" if newest else "relevance",
                exact=exact,
                limit=limit,
            )
        except SearchError as exc:
            raise UserError(str(exc)) from None
    if as_json:
        for hit in results.hits:
            click.echo(json.dumps(hit.as_json(), ensure_ascii=False))
        click.echo(results.summary(), err=True)
        return
    if not results.hits:
        click.echo("no match")
        return
    color = sys.stdout.isatty()
    for hit in results.hits:
        snippet = hit.snippet.replace(HIGHLIGHT[0], "\x1b[1m" if color else "[").replace(
            HIGHLIGHT[1], "\x1b[0m" if color else "]"
        )
        when = (hit.published_at or "")[:10]
        copy = f" (copy of {hit.duplicate_of})" if hit.duplicate_of else ""
        click.echo(f"{when} {hit.site} | {hit.title}{copy}\n    {hit.url}\n    {snippet}")
    click.echo(results.summary())


@cli.command()
@db_option
@click.option(
    "--check",
    is_flag=True,
    help="Compare the indexes with a rebuild of 2,000 sampled articles instead (exit 1 when"
    " they differ); --check --all compares every article.",
)
@click.option("--all", "whole", is_flag=True, help="With --check: every article, not a sample.")
def reindex(db, check, whole):
    """Rebuild both search indexes from the articles table.

    The indexes are derived from `articles` alone; this writes them again
    (minutes for a million articles). --check only compares them.

    \b
    Example:
        warta reindex --check && warta reindex
    """
    from crawler.research.indexsync import SYNC_CHECK_SAMPLE, index_mismatches

    if check:
        with open_archive(db) as archive:
            found = index_mismatches(archive, sample=None if whole else SYNC_CHECK_SAMPLE)
        for index, count in found.items():
            click.echo(f"{index}: {count} differences")
        if any(found.values()):
            raise click.ClickException("the search indexes differ from the articles: warta reindex")
        return
    with open_archive(db, readonly=False) as archive:
        articles = archive.rebuild_search_indexes()
    click.echo(f"{articles:,} articles indexed")


@cli.command()
@db_option
def optimize(db):
    """Merge each search index into one segment: faster searches after a large import.

    An archive written in many commits keeps each index in dozens of segments, and every search
    reads each of them. This merges them (FTS5's optimize) in steps that each commit: it can be
    stopped and run again, and the disk needs no room for a second copy of an index.

    \b
    Example:
        warta import-warc crawl-2023-*.warc.gz && warta optimize
    """
    import time

    from crawler.archive.sqlite import ArchiveError

    if not os.path.exists(db_path(db)):
        raise UserError(f"no archive at {db_path(db)}")
    started = time.monotonic()
    with open_archive(db, readonly=False, bulk=True) as archive:
        try:
            merged = archive.merge_search_indexes(progress=sys.stderr.isatty())
        except ArchiveError as exc:
            raise click.ClickException(str(exc)) from None
    for index, (before, after) in merged.items():
        click.echo(f"{index}: {before} segments -> {after}")
    click.echo(f"merged in {time.monotonic() - started:,.0f} s")


@cli.command()
@db_option
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["jsonl", "csv", "parquet"]),
    default="jsonl",
    show_default=True,
    help="Data file format.",
)
@click.option(
    "--output",
    required=True,
    type=click.Path(file_okay=False),
    help="Folder to write (created; an existing non-empty one needs --force).",
)
@filter_options
@click.option("--query", help="Only articles matching this full-text query (as in search).")
@click.option("--exact", is_flag=True, help="Match --query words literally (no stemming).")
@click.option("--force", is_flag=True, help="Replace the contents of an existing output folder.")
@click.option(
    "--progress/--no-progress",
    default=None,
    help="Progress bar on stderr (default: when stderr is a terminal).",
)
def export(
    db,
    fmt,
    output,
    site,
    region,
    story_region,
    author,
    language,
    since,
    until,
    canonical_only,
    query,
    exact,
    force,
    progress,
):
    """Export articles as a dataset: data file, README.md card, manifest.json.

    Rows are ordered by id and nothing in the files depends on the time of the
    export, so exporting the same archive twice gives byte-identical files.
    Parquet keeps real types: UTC timestamps, lists for authors and tags.

    \b
    Example:
        warta export --format parquet --output pilkada-2024 \\
            --query pilkada --since 2024-01-01 --until 2025-01-01 --canonical-only
    """
    from crawler.research.export import ExportError
    from crawler.research.export import export as run_export

    filters = _filters(site, region, author, language, since, until, canonical_only, story_region)
    if progress is None:
        progress = sys.stderr.isatty()
    with open_archive(db) as archive:
        try:
            result = run_export(
                archive,
                output,
                fmt=fmt,
                filters=filters,
                query=query,
                exact=exact,
                force=force,
                progress=progress,
            )
        except ExportError as exc:
            raise UserError(str(exc)) from None
        except OSError as exc:
            raise click.ClickException(f"cannot write {output}: {exc.strerror or exc}") from None
    click.echo(f"{result.rows:,} articles -> {result.folder}")


@cli.command()
@db_option
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option(
    "--port",
    default=8001,
    show_default=True,
    type=click.IntRange(0, 65535),
    help="0: any free port.",
)
def serve(db, host, port):
    """Browse and search the archive in a web browser (Datasette, read-only).

    Full-text search on articles, facets by portal, region, month and author,
    and canned queries for common research questions. Prints the address,
    then serves until interrupted (Ctrl-C).

    \b
    Example:
        warta serve --port 8001   # then open http://127.0.0.1:8001/
    """
    from crawler.research.serve import ServeError, run

    with open_archive(db) as archive:  # a missing or foreign file is a one-line error
        outdated = archive.pending_migrations()
    if outdated:
        with open_archive(db, readonly=False):
            pass  # brings an older archive's schema up to date before read-only serving
    try:
        run(db_path(db), host=host, port=port, announce=click.echo)
    except ServeError as exc:
        raise click.ClickException(str(exc)) from None
