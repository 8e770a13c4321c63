"""`warta worker`, `warta ingest`, `warta queue` and the seeding path of `warta crawl --redis`."""

from __future__ import annotations

import json
import signal
from typing import Any

import click

from crawler.cli.common import (
    UserError,
    cli,
    db_option,
    db_path,
    open_archive,
    parse_overrides,
    settings_options,
    settle_bulk_write,
)


def redis_option(f):
    """The shared `--redis URL` option (default `$WARTA_REDIS_URL`)."""
    return click.option(
        "--redis",
        "redis_url",
        envvar="WARTA_REDIS_URL",
        required=True,
        metavar="URL",
        help="Redis of the shared frontier, e.g. redis://127.0.0.1:6379/0 (default: $WARTA_REDIS_URL).",
    )(f)


def _frontier(redis_url: str):
    from crawler.distributed import Frontier, FrontierError

    try:
        return Frontier.connect(redis_url)
    except FrontierError as exc:
        raise click.ClickException(str(exc)) from None


def seed_crawl(redis_url: str, portals: list[dict[str, Any]], *, overrides=()) -> None:
    """`warta crawl --redis`: queue the portals (spider arguments) as seeds for the workers."""
    from crawler.distributed import seed_portals

    if overrides:
        raise UserError("--set configures a crawl process: give it to `warta worker` instead")
    frontier = _frontier(redis_url)
    try:
        report = seed_portals(frontier, portals)
    except ValueError as exc:
        raise UserError(str(exc)) from None
    round_note = "a new crawl round" if report["fresh_round"] else "joining the running crawl"
    click.echo(f"seeded {report['seeded']} portals ({round_note}); `warta worker` fetches them")
    if not report["ingester"]:
        click.echo(
            "note: no `warta ingest` is running; articles wait in Redis until one does", err=True
        )
    if not report["known_ready"]:
        click.echo(
            "note: workers start once `warta ingest` has published the archive's known URLs",
            err=True,
        )


@cli.command()
@redis_option
@click.option(
    "--until-done",
    is_flag=True,
    help="Exit once the crawl is finished (nothing queued, no worker holding a request).",
)
@click.option(
    "--heartbeat",
    type=click.FloatRange(1, 3600),
    default=None,
    metavar="SECONDS",
    help="Declare this worker dead after this much silence (default: WARTA_HEARTBEAT_SECONDS).",
)
@settings_options
def worker(redis_url, until_done, heartbeat, overrides, log_level):
    """Crawl from the shared frontier: fetch, extract and clean; articles go to `warta ingest`.

    Run as many as you like, on any machines that reach the Redis. Politeness
    (CONCURRENT_REQUESTS_PER_DOMAIN, DOWNLOAD_DELAY) holds for the whole fleet, and a worker that
    dies loses nothing: its requests go back to the queue once its heartbeat stops.

    \b
    Example:
        warta worker --redis redis://10.0.0.5:6379/0 --until-done
    """
    from crawler.distributed import FrontierError, run_worker

    settings: dict[str, Any] = {"LOG_LEVEL": log_level, **parse_overrides(overrides)}
    try:
        result = run_worker(
            redis_url, overrides=settings, until_done=until_done, heartbeat=heartbeat
        )
    except FrontierError as exc:
        raise click.ClickException(str(exc)) from None
    click.echo(
        f"worker {result['worker']}: {result['pages']} pages, {result['articles']} articles"
        f" queued for the archive ({result['finish_reason']})"
    )


@cli.command()
@redis_option
@db_option
@click.option(
    "--until-done",
    is_flag=True,
    help="Exit once the crawl is finished and every queued article is in the archive.",
)
@click.option(
    "--batch",
    type=click.IntRange(1, 100_000),
    default=None,
    help="Messages per archive transaction (default: WARTA_BATCH_SIZE).",
)
def ingest(redis_url, db, until_done, batch):
    """Write the workers' articles into the archive: the one writer of archive.db.

    Applies the item queue with the same deduplication and storage code as a single-process
    crawl, commits, and only then removes what it applied from Redis, so nothing is lost if it
    dies. It also publishes the archive's known URLs so workers skip what is archived. Only one
    runs at a time (a lease in Redis).

    \b
    Example:
        warta ingest --redis redis://10.0.0.5:6379/0 --db archive.db
    """
    from crawler.crawl.runner import warta_settings
    from crawler.distributed import Ingester, IngestError

    settings = warta_settings()
    frontier = _frontier(redis_url)
    stop = {"now": False}

    def request_stop(signum, frame):
        stop["now"] = True

    archive = open_archive(db, readonly=False, bulk=True)
    previous = {s: signal.signal(s, request_stop) for s in (signal.SIGINT, signal.SIGTERM)}
    try:
        ingester = Ingester(
            frontier,
            archive,
            batch_size=batch or settings.getint("WARTA_BATCH_SIZE"),
            keep_raw=settings.getbool("WARTA_KEEP_RAW"),
            cluster_after_crawl=settings.getbool("WARTA_CLUSTER_AFTER_CRAWL"),
        )
        try:
            known = ingester.open()
            click.echo(f"ingesting into {db_path(db)}; {known} known URLs published", err=True)
            totals = ingester.run(until_done=until_done, should_stop=lambda: stop["now"])
        except IngestError as exc:
            raise click.ClickException(str(exc)) from None
        finally:
            ingester.close()
        hint = (
            settle_bulk_write(archive, totals.articles.get("new", 0)) if totals.messages else None
        )
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
        archive.close()
    articles = ", ".join(f"{n} {k}" for k, n in sorted(totals.articles.items())) or "no articles"
    click.echo(
        f"ingested {totals.messages} messages: {articles}; {totals.events} URL events,"
        f" {totals.runs_closed} worker runs closed, {totals.failed} failed"
    )
    if hint:
        click.echo(hint)


@cli.command()
@redis_option
@click.option("--json", "as_json", is_flag=True, help="JSON instead of a table.")
def queue(redis_url, as_json):
    """Show the shared frontier: queue, seen set, items waiting, portals and live workers.

    \b
    Example:
        warta queue --redis redis://10.0.0.5:6379/0
    """
    status = _frontier(redis_url).status()
    if as_json:
        click.echo(json.dumps(status, ensure_ascii=False, indent=2))
        return
    ingester = status["ingester"] or "none running"
    click.echo(f"requests queued  {status['requests_queued']:>10}")
    click.echo(f"seeds waiting    {status['seeds_waiting']:>10}")
    click.echo(f"seen requests    {status['seen_requests']:>10}")
    ready = "" if status["known_ready"] else "  (not published yet)"
    click.echo(f"known URLs       {status['known_urls']:>10}{ready}")
    click.echo(
        f"items waiting    {status['items_waiting']:>10}"
        f"  (+{status['items_processing']} being written, {status['items_failed']} failed)"
    )
    click.echo(f"ingester         {ingester}")
    click.echo(f"crawl finished   {'yes' if status['drained'] else 'no':>10}")
    portals = status["portals"]
    if portals:
        click.echo(f"\n{'portal':32} {'queued':>8} {'fetched':>8} {'articles':>8}")
        for name, counts in portals.items():
            click.echo(
                f"{name[:32]:32} {counts['queued']:>8} {counts['fetched']:>8}"
                f" {counts['articles']:>8}"
            )
    workers = status["workers"]
    click.echo(f"\nworkers: {sum(1 for w in workers.values() if w['alive'])} alive")
    for name, info in workers.items():
        state = "alive" if info["alive"] else "silent (its requests return to the queue)"
        click.echo(
            f"  {name}  {state}; {info.get('pages', 0)} pages, {info['inflight']} in flight,"
            f" last beat {info.get('beat_at', '?')}"
        )
