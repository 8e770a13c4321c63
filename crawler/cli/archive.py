"""`warta export-warc`, `import-warc`, `reprocess`, `history`, `cluster`: the faithful-archive commands."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import click

from crawler.cli.common import UserError, cli, db_option, open_archive, settle_bulk_write


def _day(value: str | None, option: str) -> str | None:
    """A `YYYY-MM-DD` (or full ISO 8601) bound, checked."""
    if not value:
        return None
    from datetime import datetime

    try:
        datetime.fromisoformat(value)
    except ValueError:
        raise UserError(f"{option} expects a date (YYYY-MM-DD), got {value!r}") from None
    return value


def _progress() -> bool:
    return sys.stderr.isatty()


@cli.command("export-warc")
@db_option
@click.option(
    "--output",
    "-o",
    required=True,
    type=click.Path(dir_okay=False, writable=True),
    help="WARC file to write; gzipped per record when it ends in .gz.",
)
@click.option("--site", help="Only raw pages of this portal (its site name).")
@click.option("--since", help="Only pages fetched on or after this date (YYYY-MM-DD, UTC).")
def export_warc(db, output, site, since):
    """Write the archive's stored raw responses as a standard WARC file.

    Each raw page becomes a request, a response and a metadata record (portal, region, discovery
    channel); warcio reads the file back and pywb replays it. Bodies are the decoded HTML the crawl
    kept, so Content-Encoding is dropped from the stored headers.

    \b
    Example:
        warta export-warc --output banyuasin-2024.warc.gz --site ttn.co.id
    """
    from crawler.archive.warc import WarcError
    from crawler.archive.warc import export_warc as run_export

    since = _day(since, "--since")
    if not Path(output).parent.exists():
        raise UserError(f"no folder {Path(output).parent} for {output}")
    with open_archive(db) as archive:
        try:
            summary = run_export(archive, output, site=site, since=since, progress=_progress())
        except WarcError as exc:
            raise click.ClickException(str(exc)) from None
    click.echo(
        f"wrote {summary.pages} raw pages ({summary.records} records, {summary.bytes:,} bytes)"
        f" to {output}" + (f"; {summary.skipped} damaged pages skipped" if summary.skipped else "")
    )


@cli.command("import-warc")
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False))
@db_option
@click.option("--site", help="Site name for pages whose WARC does not name one (default: host).")
def import_warc(files, db, site):
    """Ingest WARC files (Warta's or any crawler's) through extraction and cleaning.

    HTML responses go through exactly the crawl's path: extraction, cleaning, validation, exact-copy
    linking, raw page kept; other records are counted and skipped. Importing a file twice adds
    nothing. Near-duplicate clusters are recomputed afterwards.

    \b
    Example:
        warta import-warc crawl-2023-*.warc.gz --db archive.db
    """
    from crawler.archive.neardup import cluster_archive
    from crawler.archive.reprocess import site_phrases
    from crawler.archive.warc import WarcError
    from crawler.archive.warc import import_warc as run_import

    for path in files:
        if not os.path.isfile(path):
            raise UserError(f"no such file: {path}")
    with open_archive(db, readonly=False, bulk=True) as archive:
        try:
            summary = run_import(
                archive, files, site=site, extra_phrases=site_phrases(site), progress=_progress()
            )
        except WarcError as exc:
            raise click.ClickException(str(exc)) from None
        stored = summary.new + summary.updated + summary.duplicate
        if stored:
            cluster_archive(archive, progress=_progress())
        hint = settle_bulk_write(archive, summary.new) if stored else None
    skipped = ", ".join(f"{n} {why}" for why, n in sorted(summary.skipped.items()))
    click.echo(
        f"{summary.files} files, {summary.responses} HTML responses: {summary.new} new,"
        f" {summary.updated} updated, {summary.unchanged} unchanged, {summary.duplicate} copies,"
        f" {summary.already_there} already imported" + (f"; skipped {skipped}" if skipped else "")
    )
    if hint:
        click.echo(hint)


@cli.command()
@db_option
@click.option("--site", help="Only articles of this portal (its site name).")
@click.option("--since", help="Only articles published on or after this date (YYYY-MM-DD).")
@click.option(
    "--workers",
    type=click.IntRange(1, 64),
    default=min(2, os.cpu_count() or 1),
    show_default="2 or the cores there are",
    help="Processes that run extraction.",
)
@click.option(
    "--places-only",
    is_flag=True,
    help="Only recompute where each story happened (from stored fields; no raw page needed).",
)
@click.option("--json", "as_json", is_flag=True, help="Print the summary as JSON.")
def reprocess(db, site, since, workers, places_only, as_json):
    """Re-run extraction and cleaning on stored raw pages; update changed articles in place.

    Uses the newest raw page of each article; only rows whose extracted fields change are written
    (the full-text index follows), so a reprocess after no rule change writes nothing. A page that
    no longer yields an article keeps its stored row. Exact-copy links and near-duplicate clusters
    are re-derived when bodies change. Each portal's learned profile is applied; a portal with
    enough stored pages but no profile (an archive older than profiles) gets one first. Every
    selected article's story location (province and regency codes) is then recomputed from its
    stored fields, rows without a raw page included.

    \b
    Example:
        warta reprocess --site ttn.co.id --since 2024-01-01
        warta reprocess --places-only      # fill story locations of an older archive
    """
    from crawler.archive.reprocess import reprocess as run_reprocess

    since = _day(since, "--since")
    with open_archive(db, readonly=False) as archive:
        summary = run_reprocess(
            archive,
            site=site,
            since=since,
            workers=workers,
            progress=_progress(),
            places_only=places_only,
        )
    if as_json:
        data = {
            k: v for k, v in summary.__dict__.items() if k not in ("clustering", "changed_fields")
        }
        data["changed_fields"] = dict(summary.changed_fields)
        data["pages_per_second"] = round(summary.pages_per_second, 1)
        click.echo(json.dumps(data, indent=2))
        return
    fields = ", ".join(f"{name} {n}" for name, n in summary.changed_fields.most_common())
    click.echo(
        f"{summary.pages} pages in {summary.seconds:.1f} s ({summary.pages_per_second:.1f}/s):"
        f" {summary.updated} updated, {summary.unchanged} unchanged"
        + (f", {summary.kept_invalid} kept (no longer an article)" if summary.kept_invalid else "")
        + (f", {summary.unreadable} unreadable" if summary.unreadable else "")
    )
    if fields:
        click.echo(f"changed fields: {fields}")
    if summary.profiles_learned:
        click.echo(f"profiles learned from stored pages: {', '.join(summary.profiles_learned)}")
    if summary.relinked:
        click.echo(f"exact-copy links changed: {summary.relinked}")
    click.echo(
        f"story locations: {summary.places_checked} articles checked,"
        f" {summary.places_changed} changed"
    )


@cli.command()
@click.argument("url")
@db_option
@click.option("--json", "as_json", is_flag=True, help="Versions and diffs as JSON.")
@click.option(
    "--context",
    type=click.IntRange(0, 1000),
    default=8,
    show_default=True,
    help="Unchanged words shown around each change.",
)
def history(url, db, as_json, context):
    """Show every archived version of an article and a word-level diff between them.

    Removed words are marked [-like this-], added words {+like this+} (coloured on a terminal).
    Also says when the portal took the article down (404/410 or a redirect home).

    \b
    Example:
        warta history https://ttn.co.id/2024/05/21/banjir-rendam-desa/
    """
    from crawler.archive.history import article_history, render_history

    with open_archive(db) as archive:
        found = article_history(archive, url)
    if found is None:
        raise click.ClickException(f"not in the archive: {url}")
    if as_json:
        click.echo(json.dumps(found.as_json(), ensure_ascii=False, indent=2))
        return
    click.echo(render_history(found, context=context, color=sys.stdout.isatty()))


@cli.command()
@db_option
def cluster(db):
    """Group near-duplicate articles (syndicated copies) into clusters.

    MinHash over word shingles of each clean body with LSH candidates; every copy is kept, with a
    `cluster_id` and `is_canonical` (the earliest published copy). `warta crawl` runs this after
    each crawl; run it by hand after changing the archive otherwise.

    \b
    Example:
        warta cluster --db archive.db
    """
    from crawler.archive.neardup import cluster_archive

    with open_archive(db, readonly=False) as archive:
        summary = cluster_archive(archive, progress=_progress())
    click.echo(
        f"{summary.articles} articles: {summary.clusters} clusters holding"
        f" {summary.clustered_articles} articles; {summary.rows_changed} rows changed"
        f" ({summary.seconds:.1f} s)"
    )
