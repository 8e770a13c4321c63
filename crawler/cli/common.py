"""What every `warta` command shares: the click group, the --db and -s options, UserError."""

from __future__ import annotations

import click

from crawler import __version__
from crawler.archive.sqlite import ArchiveError, default_db_path
from crawler.archive.storage import Archive


def db_option(f):
    """The shared `--db PATH` option."""
    return click.option(
        "--db",
        "db",
        type=click.Path(dir_okay=False),
        default=None,
        help="Archive file (default: $WARTA_DB, else ./archive.db).",
    )(f)


def db_path(db: str | None) -> str:
    """The archive path a command uses."""
    return db or default_db_path()


def open_archive(db: str | None, *, readonly: bool = True, bulk: bool = False) -> Archive:
    """Open the archive, turning a bad path into a one-line error (`bulk`: a writer of many
    articles a second, with the larger page cache and WAL)."""
    try:
        return Archive(db_path(db), readonly=readonly, bulk=bulk)
    except ArchiveError as exc:
        raise click.ClickException(str(exc)) from None


OPTIMIZE_HINT_SEGMENTS = 16
"""Segments of a search index from which a bulk write suggests `warta optimize`: FTS5 merges a
level once it holds automerge's 16 (migrations.FTS_SETTINGS), so more than that means searches
read lists from several levels' worth; at 1,256,000 articles as ingested the indexes held 21-26
and `warta optimize` made the bench's searches 0.59x the CPU (README, search section)."""


def optimize_hint(archive: Archive) -> str | None:
    """A line suggesting `warta optimize` when a search index is in many segments, else None."""
    segments = max(archive.segment_count(index) for index in ("articles_fts", "articles_stem_fts"))
    if segments <= OPTIMIZE_HINT_SEGMENTS:
        return None
    return (
        f"the search indexes are in up to {segments} segments:"
        " `warta optimize` merges them (faster searches)"
    )


def settings_options(f):
    """The shared `-s NAME=VALUE` and `--log-level` options of commands that run Scrapy."""
    f = click.option(
        "--log-level",
        default="WARNING",
        show_default=True,
        type=click.Choice(["DEBUG", "INFO", "WARNING", "ERROR"]),
    )(f)
    return click.option(
        "-s",
        "--set",
        "overrides",
        multiple=True,
        metavar="NAME=VALUE",
        help="Override a Scrapy or WARTA_* setting (repeatable).",
    )(f)


def parse_overrides(pairs: tuple[str, ...]) -> dict[str, str]:
    """`-s NAME=VALUE` pairs as a settings dict (UserError on a pair without `=`)."""
    settings = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        if not sep or not name.strip():
            raise UserError(f"--set expects NAME=VALUE, got {pair!r}")
        settings[name.strip()] = value
    return settings


class UserError(click.ClickException):
    """A bad argument that is the user's to fix: one line, exit code 2."""

    exit_code = 2


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="warta")
def cli() -> None:
    """Warta: archive Indonesian regional news portals into a searchable SQLite archive.

    \b
    Example:
        warta demo && warta search banjir
    """


def main() -> None:
    """Console-script entry point."""
    cli(prog_name="warta")
