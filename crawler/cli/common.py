"""What every `warta` command shares: the click group, the --db and -s options, UserError."""

from __future__ import annotations

import sys

import click

from crawler import __version__
from crawler.archive.sqlite import ArchiveError, default_db_path
from crawler.archive.storage import SEGMENTS_BEFORE_MERGE, Archive


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


def settle_bulk_write(archive: Archive, added: int) -> str | None:
    """The line a bulk write ends with about its search indexes: merged (when it added a large
    share of the archive, `Archive.settle_bulk_write`), or a hint to run `warta optimize` when
    they are in many segments, else None."""
    try:
        merged = archive.settle_bulk_write(added, progress=sys.stderr.isatty())
    except ArchiveError as exc:  # a full disk: the merge steps done stay, the articles are safe
        return f"search indexes not merged: {exc}"
    if merged:
        before = max(segments for segments, _ in merged.values())
        return f"merged the search indexes from up to {before} segments into one (faster searches)"
    segments = archive.max_segment_count()
    if segments <= SEGMENTS_BEFORE_MERGE:
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
