"""`warta sites` (the portal registry) and `warta schedule` (periodic crawls)."""

from __future__ import annotations

import click

from crawler.cli.common import UserError, cli, db_option, db_path


@cli.group()
def sites() -> None:
    """The portal registry (a TOML sites file).

    \b
    Example:
        warta sites add https://portal-berita.example.id --province "Sumatera Selatan" --regency Banyuasin
        warta sites list
        warta sites show portal-berita.example.id
    """


def _sites_option(f):
    return click.option("--sites", "sites_file", type=click.Path(dir_okay=False), default=None,
                        help="Sites file (default: $WARTA_SITES, else ./sites.toml).")(f)  # fmt: skip


@sites.command("add")
@click.argument("url")
@_sites_option
@click.option("--name", help="Registry name (default: the portal's host).")
@click.option("--province", help="Province, e.g. 'Sumatera Selatan'.")
@click.option("--regency", help="Regency or city, e.g. Banyuasin.")
@click.option("--no-probe", is_flag=True, help="Register without contacting the portal.")
@click.option("--force", is_flag=True, help="Replace an existing entry for this name or portal.")
def sites_add(url, sites_file, name, province, regency, no_probe, force):
    """Probe a portal (platform, channels that answer) and add it to the sites file.

    \b
    Example:
        warta sites add https://ttn.example.id --name ttn --regency Banyuasin
    """
    from crawler.crawl.probe import ProbeError, probe_portal
    from crawler.crawl.registry import (
        Site,
        SitesError,
        default_sites_path,
        registered_clash,
        save_site,
        site_name_for,
    )

    if not url.startswith(("http://", "https://")):
        raise UserError(f"not a portal URL (http:// or https://): {url}")
    site = Site(name=name or site_name_for(url), url=url, province=province, regency=regency)
    sites_path = sites_file or default_sites_path()
    try:
        clash = None if force else registered_clash(site, sites_path)
    except SitesError as exc:
        raise click.ClickException(str(exc)) from None
    if clash:  # before contacting the portal: nothing to probe for a refused entry
        raise UserError(
            f"{sites_path}: {clash.name!r} is already registered for {clash.url}"
            " (use --force to replace it, or --name for another name)"
        )
    if not no_probe:
        try:
            found = probe_portal(url)
        except ProbeError as exc:
            raise click.ClickException(f"{exc} (use --no-probe to register it anyway)") from None
        site.platform = found.platform
        site.channels = found.channels
        click.echo(f"{url}: {found.platform}; channels that answer: {', '.join(found.channels)}")
        for note in found.notes:
            click.echo(f"  note: {note}")
        if not (province or regency):
            _suggest_home(site, found)
    try:
        path = save_site(site, sites_path, force=force)
    except SitesError as exc:
        raise click.ClickException(str(exc)) from None
    click.echo(f"added {site.name!r} to {path}")


def _suggest_home(site, found) -> None:
    """Fill an entry's home region from the portal's own datelines, saying so."""
    from crawler.crawl.probe import suggest_home
    from crawler.places import gazetteer

    suggest_home(found)
    votes, total = found.home_votes
    if found.home_regency is None:
        click.echo(f"  home region: no regency named by most datelines ({total} coded); not set")
        return
    regency = gazetteer().region(found.home_regency)
    province = gazetteer().region(found.home_regency[:2])
    assert regency is not None and province is not None
    site.regency, site.province = regency.name, province.name
    click.echo(
        f"  home region: {regency.name}, {province.name} ({votes} of {total} datelines);"
        " written to the entry (--province/--regency set another)"
    )


@sites.command("list")
@_sites_option
def sites_list(sites_file):
    """List the registered portals.

    \b
    Example:
        warta sites list --sites sumsel.toml
    """
    from crawler.crawl.registry import SitesError, load_sites

    try:
        registry = load_sites(sites_file)
    except SitesError as exc:
        raise click.ClickException(str(exc)) from None
    if not registry:
        click.echo("no portal registered yet (warta sites add URL)")
        return
    for site in registry:
        region = ", ".join(x for x in (site.regency, site.province) if x)
        click.echo(f"{site.name:24} {site.url:40} {site.platform or '?':9} {region}")


@sites.command("show")
@click.argument("name")
@db_option
@_sites_option
def sites_show(name, db, sites_file):
    """What Warta learned about a portal from its own pages: its profile, every version.

    NAME is the portal's site name in the archive (its registry name, or host[:port] for an
    ad-hoc crawl). The profile lists what the portal's articles repeat and cleaning removes:
    lines, its dateline's outlet and shapes, its sign-off, title affixes, names that are no one.

    \b
    Example:
        warta sites show ttn --db archive.db
    """
    from crawler.cli.common import open_archive
    from crawler.crawl.registry import SitesError, find_site, load_sites
    from crawler.profiles import MIN_PAGES, describe

    try:
        entry = find_site(load_sites(sites_file), name)
    except (SitesError, OSError):
        entry = None
    if entry is not None:
        region = ", ".join(x for x in (entry.regency, entry.province) if x)
        click.echo(f"{entry.name}: {entry.url} {entry.platform or ''} {region}".rstrip())
    with open_archive(db) as archive:
        versions = archive.profiles(site=name, history=True)
        articles = archive.count_articles(site=name)
    click.echo(f"{name}: {articles} articles in the archive")
    if not versions:
        click.echo(
            f"no profile learned yet (one is learned after {MIN_PAGES} article pages; until"
            " then the shared grammar cleans alone)"
        )
        return
    for row in versions[:-1]:
        click.echo(next(describe(row, current=False)))
    for line in describe(versions[-1]):
        click.echo(line)


@cli.command()
@db_option
@_sites_option
@click.option(
    "--every", default="hourly", show_default=True, type=click.Choice(["hourly", "6h", "daily"])
)
@click.option(
    "--systemd", is_flag=True, help="A systemd timer and service instead of a crontab line."
)
@click.option("--install", is_flag=True, help="Install it (user crontab, or user systemd units).")
def schedule(db, sites_file, every, systemd, install):
    """Print (or install) a periodic `warta crawl --all`.

    Each run crawls every registered portal, fetching only what is new; a per-portal lock keeps
    two runs of one portal from overlapping, and a killed run resumes at the next one.

    \b
    Example:
        warta schedule --every daily
        warta schedule --systemd --install
    """
    from crawler.crawl.registry import SitesError, default_sites_path, load_sites
    from crawler.crawl.schedule import (
        ScheduleError,
        crontab_line,
        install_crontab,
        install_systemd,
        make_schedule,
        systemd_units,
    )

    sites_path = sites_file or str(default_sites_path())
    try:
        registered = load_sites(sites_path)
    except SitesError as exc:
        raise click.ClickException(str(exc)) from None
    if not registered:
        nothing = (
            f"{sites_path} registers no portal: a scheduled `warta crawl --all` would crawl nothing"
        )
        if install:
            raise UserError(f"{nothing}; add portals first (warta sites add URL)")
        click.echo(f"warning: {nothing} until you add portals (warta sites add URL)", err=True)
    try:
        plan = make_schedule(every, db_path(db), sites_path)
        if install and systemd:
            for path in install_systemd(plan):
                click.echo(f"wrote {path}")
            click.echo("enabled warta-crawl.timer (systemctl --user list-timers shows it)")
        elif install:
            click.echo(f"installed in your crontab:\n{install_crontab(plan)}")
        elif systemd:
            for name, text in systemd_units(plan).items():
                click.echo(f"# {name}\n{text}")
        else:
            click.echo(crontab_line(plan))
    except ScheduleError as exc:
        raise click.ClickException(str(exc)) from None
