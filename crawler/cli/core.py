"""`warta crawl`, `extract`, `stats`, `demo`: the foundation commands."""

from __future__ import annotations

import gzip
import json
import sys
from pathlib import Path

import click

from crawler.archive.sqlite import ArchiveError
from crawler.cli.common import (
    UserError,
    cli,
    db_option,
    db_path,
    open_archive,
    parse_overrides,
    settings_options,
)
from crawler.crawl.extensions import FORCED_SHUTDOWN

INTERRUPTED = ("shutdown", FORCED_SHUTDOWN)
"""finish_reason of runs stopped by Ctrl-C (once: graceful, twice: forced)."""


def _print_runs(runs: list[dict]) -> None:
    for run in runs:
        errors = json.loads(run.get("errors") or "{}")
        drops = json.loads(run.get("drops") or "{}")
        click.echo(
            f"{run['site']}: {run['pages_fetched']} pages, {run['articles_new']} new, "
            f"{run['articles_updated']} updated, {run['articles_unchanged']} unchanged, "
            f"{run['articles_duplicate']} copies, {run['articles_dropped']} dropped"
            + (f" {drops}" if drops else "")
            + (f", errors {errors}" if errors else "")
            + f" ({run['finish_reason']})"
        )


def _date(value: str | None, flag: str) -> str | None:
    if value is None:
        return None
    from datetime import date

    try:
        return date.fromisoformat(value).isoformat()
    except ValueError:
        raise UserError(f"{flag} expects a date YYYY-MM-DD, got {value!r}") from None


def _portals_to_crawl(targets, all_sites, sites_file) -> list[dict]:
    """Spider arguments for each target: a registered portal by name, or any portal URL."""
    from crawler.crawl.registry import SitesError, find_site, load_sites

    try:
        registry = load_sites(sites_file)
    except SitesError as exc:
        raise click.ClickException(str(exc)) from None
    if all_sites:
        if targets:
            raise UserError("give portal names/URLs or --all, not both")
        if not registry:
            raise click.ClickException(
                "the sites file lists no portal (add one: warta sites add URL)"
            )
        return [site.spider_args() for site in registry]
    if not targets:
        raise UserError("name at least one portal URL or registered name, or use --all")
    portals = []
    for target in targets:
        site = find_site(registry, target)
        if site is not None:
            portals.append(site.spider_args())
        elif target.startswith(("http://", "https://")):
            portals.append({"url": target})
        else:
            raise UserError(
                f"not a portal URL (http:// or https://) nor a registered name: {target}"
            )
    return portals


@cli.command()
@click.argument("targets", nargs=-1)
@db_option
@click.option("--all", "all_sites", is_flag=True, help="Crawl every portal of the sites file.")
@click.option(
    "--sites",
    "sites_file",
    type=click.Path(dir_okay=False),
    default=None,
    help="Sites file (default: $WARTA_SITES, else ./sites.toml).",
)
@click.option("--since", help="Only articles published on or after this date (YYYY-MM-DD).")
@click.option("--until", help="Only articles published before this date (YYYY-MM-DD).")
@click.option(
    "--channels",
    help="Only these discovery channels, comma-separated "
    "(sitemap, news-sitemap, feed, wp-json, blogspot-feed, archive, pagination).",
)
@click.option(
    "--revisit",
    is_flag=True,
    help="Fetch archived articles again (conditional GET): finds edits and takedowns.",
)
@settings_options
@click.option(
    "--redis",
    "redis_url",
    envvar="WARTA_REDIS_URL",
    metavar="URL",
    help="Distributed mode: only seed the portals on this Redis for `warta worker` processes"
    " (default: $WARTA_REDIS_URL).",
)
def crawl(
    targets,
    db,
    all_sites,
    sites_file,
    since,
    until,
    channels,
    revisit,
    overrides,
    log_level,
    redis_url,
):
    """Crawl portals (home URLs or registered names) into the archive.

    Finds articles through robots.txt sitemaps, sitemap indexes, news sitemaps, feeds, the
    WordPress REST API, Blogger feeds, date archives (with --since) and home/category pagination;
    stays on each portal's domain; cleans, deduplicates and stores every article. A second run
    fetches only what is new; a run that was killed resumes where it stopped.

    \b
    Example:
        warta crawl https://portal-berita.example.id --db banyuasin.db
        warta crawl --all --since 2024-01-01
        warta crawl --all --redis redis://10.0.0.5:6379/0   (then: warta worker, warta ingest)
    """
    from crawler.crawl.runner import run_crawl

    settings = {"LOG_LEVEL": log_level, **parse_overrides(overrides)}
    since, until = _date(since, "--since"), _date(until, "--until")
    if since and until and since >= until:
        raise UserError("--since must be before --until")
    if channels:
        from crawler.crawl.registry import CHANNELS

        unknown = {c.strip() for c in channels.split(",")} - set(CHANNELS)
        if unknown:
            raise UserError(
                f"unknown channels {', '.join(sorted(unknown))}; known: {', '.join(CHANNELS)}"
            )
    portals = _portals_to_crawl(targets, all_sites, sites_file)
    for portal in portals:
        portal.update({"since": since, "until": until, "revisit": revisit})
        if channels:
            portal["channels"] = channels
    if redis_url:
        from crawler.cli.distributed import seed_crawl

        seed_crawl(redis_url, portals, overrides=overrides)
        return
    try:
        runs = run_crawl(portals, db=db_path(db), overrides=settings, echo=click.echo)
    except ArchiveError as exc:
        raise click.ClickException(str(exc)) from None
    _print_runs(runs)
    stopped = [r["site"] for r in runs if r["finish_reason"] in INTERRUPTED]
    if stopped:
        click.echo(
            f"interrupted: {', '.join(stopped)} stopped before the end; run the same `warta crawl`"
            " again to resume (what was stored stays)",
            err=True,
        )
        sys.exit(130)  # the shell's code for a run ended by Ctrl-C
    if runs and all(r["pages_fetched"] == 0 for r in runs):
        raise click.ClickException("no page could be fetched from any portal (see errors above)")


@cli.command()
@click.argument("page", type=click.Path(dir_okay=False, allow_dash=True))
@click.option("--url", required=True, help="The URL the page was fetched from.")
def extract(page, url):
    """Extract and clean one saved page, print its archive fields as JSON.

    PAGE is an .html or .html.gz file, or - for standard input. Uses exactly the functions the
    crawl uses, without Scrapy.

    \b
    Example:
        warta extract saved/article.html.gz --url https://portal.example.id/2024/05/21/judul/
    """
    from crawler.article import article_record, extract_article

    try:
        data = sys.stdin.buffer.read() if page == "-" else Path(page).read_bytes()
    except OSError as exc:
        raise click.ClickException(f"cannot read {page}: {exc.strerror}") from None
    if data[:2] == b"\x1f\x8b":
        try:
            data = gzip.decompress(data)
        except (OSError, EOFError) as exc:
            raise click.ClickException(f"{page} is not valid gzip: {exc}") from None
    from crawler.crawl.pipelines import place_article

    item = place_article(extract_article(data, url))  # where the story happened, as the crawl
    click.echo(json.dumps(article_record(item), ensure_ascii=False, indent=2))


def _profile_json(versions: list[dict] | None) -> dict | None:
    """A portal's current profile in `warta stats --json`, with when its layout last changed
    (`warta sites show` prints it all)."""
    if not versions:
        return None
    keys = ("version", "learned_at", "pages", "reason", "checked", "matched", "backfilled_at")
    changed = [row["learned_at"] for row in versions if row["reason"] == "layout-changed"]
    return {
        **{key: versions[-1][key] for key in keys},
        "layout_changed_at": (changed or [None])[-1],
    }


@cli.command()
@db_option
@click.option("--json", "as_json", is_flag=True, help="JSON instead of a table.")
@click.option(
    "--coverage",
    "show_coverage",
    is_flag=True,
    help="Stories per province or regency over time (where the stories happened).",
)
@click.option(
    "--level", type=click.Choice(["province", "regency"]), default="province", show_default=True
)
@click.option("--period", type=click.Choice(["year", "month"]), default="year", show_default=True)
@click.option("--site", help="Coverage of one portal's stories only.")
@click.option(
    "--chart",
    type=click.Path(dir_okay=False),
    help="With --coverage: also write the coverage as an SVG heat map to this file.",
)
def stats(db, as_json, show_coverage, level, period, site, chart):
    """Per-portal health: articles, last successful run, articles per day, missing fields, profile.

    A portal whose layout broke shows up as a jump in missing author, date or dateline, and as
    its profile re-learned because the layout changed (`warta sites show NAME` tells more).
    `--coverage` instead counts stories per province or regency where they happened, per year
    or month, and `--chart` draws it (a figure for a paper).

    \b
    Example:
        warta stats --db archive.db
        warta stats --coverage --level regency --period month --chart coverage.svg
    """
    if show_coverage:
        _coverage(db, as_json, level, period, site, chart)
        return
    from crawler.profiles import status
    from crawler.research.health import portal_health

    with open_archive(db) as archive:
        rows = portal_health(archive)
        runs = archive.runs(limit=5)
        versions: dict[str, list[dict]] = {}
        for row in archive.profiles(history=True):
            versions.setdefault(row["site"], []).append(row)
    if as_json:
        data = [{**r.as_dict(), "profile": _profile_json(versions.get(r.site))} for r in rows]
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
        return
    if not rows:
        click.echo("the archive holds no articles yet")
        return
    header = f"{'site':28} {'articles':>8} {'copies':>6} {'per day':>7} {'no author':>9} {'no date':>7} {'no dateline':>11}  last success"
    click.echo(f"{header:109}  profile")
    for r in rows:
        click.echo(
            f"{r.site[:28]:28} {r.articles:>8} {r.copies:>6} {r.per_day:>7} "
            f"{r.missing_author:>9.0%} {r.missing_date:>7.0%} {r.missing_dateline:>11.0%}  "
            f"{r.last_success_at or 'never':25}  {status(versions.get(r.site, []))}"
        )
    click.echo("\nlatest runs:")
    _print_runs(runs)


def _coverage(db, as_json, level, period, site, chart) -> None:
    from crawler.places.coverage import coverage, table, write_svg

    with open_archive(db) as archive:
        found = coverage(archive, level=level, period=period, site=site)
    if as_json:
        rows = [
            {"code": code, "name": name, "period": when, "articles": n}
            for (code, when), n in sorted(found.counts.items())
            for name in [dict(found.regions)[code]]
        ]
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
    elif not found.regions:
        click.echo("the archive holds no articles yet")
    else:
        for line in table(found):
            click.echo(line)
    if chart:
        try:
            path = write_svg(found, chart)
        except OSError as exc:
            raise click.ClickException(f"cannot write {chart}: {exc.strerror or exc}") from None
        click.echo(f"chart -> {path}", err=as_json)


@cli.command()
@db_option
@click.option(
    "--articles",
    default=40,
    show_default=True,
    type=click.IntRange(0, 100_000),
    help="Generated articles on top of the hand-written showcase ones.",
)
@click.option("--query", default="banjir", show_default=True, help="The sample search to run.")
def demo(db, articles, query):
    """Crawl the bundled test portal (served on 127.0.0.1) into the archive, then search it.

    Works with no internet: the portal is a realistic Indonesian regional news site that Warta
    ships for its tests, served on a loopback port for the length of the demo.

    \b
    Example:
        warta demo --db demo.db --query pilkada
    """
    from crawler.demo import run_demo

    try:
        run_demo(db_path(db), generated_articles=articles, query=query, echo=click.echo)
    except ArchiveError as exc:
        raise click.ClickException(str(exc)) from None
