"""The portal registry: a TOML sites file of portals with region and per-portal overrides."""

from __future__ import annotations

import os
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import tomlkit

from crawler.fingerprints import portal_key

DEFAULT_SITES_FILE = "sites.toml"
PLATFORMS = ("wordpress", "blogspot", "other")
CHANNELS = ("sitemap", "news-sitemap", "feed", "wp-json", "blogspot-feed", "archive", "pagination")
"""Channel names a registry entry may list in `channels` (empty = probe and use all that answer)."""
_NAME = re.compile(r"^[a-z0-9][a-z0-9._-]{0,62}$")

EXAMPLE = """\
# Warta portal registry: one [[site]] table per portal.
#
# [[site]]
# name = "ttn"                         # short unique name, used by `warta crawl ttn`
# url = "https://ttn.example.id/"       # the portal's home URL
# province = "Sumatera Selatan"
# regency = "Banyuasin"
# platform = "wordpress"               # wordpress | blogspot | other (set by `warta sites add`)
# channels = ["sitemap", "feed"]       # optional: only these discovery channels
# extra_boilerplate = ["Ikuti kami di"] # optional: the portal's own boilerplate lines
# download_delay = 2.0                 # optional politeness overrides
# concurrency = 1
"""


class SitesError(ValueError):
    """A sites file or entry that cannot be used (one-line message naming the entry)."""


@dataclass
class Site:
    """One registered portal."""

    name: str
    url: str
    province: str | None = None
    regency: str | None = None
    platform: str | None = None
    channels: list[str] = field(default_factory=list)
    extra_boilerplate: list[str] = field(default_factory=list)
    download_delay: float | None = None
    concurrency: int | None = None
    notes: str | None = None

    def spider_args(self) -> dict[str, Any]:
        """Arguments of the portal spider for this portal."""
        args: dict[str, Any] = {"url": self.url, "site": self.name}
        for key in ("province", "regency", "platform"):
            if getattr(self, key):
                args[key] = getattr(self, key)
        if self.channels:
            args["channels"] = ",".join(self.channels)
        if self.extra_boilerplate:
            args["extra_boilerplate"] = list(self.extra_boilerplate)
        if self.download_delay is not None:
            args["download_delay"] = self.download_delay
        if self.concurrency is not None:
            args["concurrency"] = self.concurrency
        return args

    def as_toml(self) -> dict[str, Any]:
        """The entry as written to the sites file (empty fields left out)."""
        return {k: v for k, v in self.__dict__.items() if v not in (None, [], "")}


def default_sites_path() -> Path:
    """`$WARTA_SITES`, else ./sites.toml."""
    return Path(os.environ.get("WARTA_SITES") or DEFAULT_SITES_FILE)


def site_name_for(url: str) -> str:
    """A registry name derived from a portal URL (its host without `www.`)."""
    return portal_key(url).replace(":", "-") or "portal"


def _entry(raw: Any, index: int) -> Site:
    where = f"entry {index}"
    if not isinstance(raw, dict):
        raise SitesError(f"{where}: expected a [[site]] table")
    name = raw.get("name")
    if isinstance(name, str):
        where = f"entry {index} ({name!r})"
    unknown = set(raw) - set(Site.__dataclass_fields__)
    if unknown:
        raise SitesError(f"{where}: unknown keys {', '.join(sorted(unknown))}")
    if not isinstance(name, str) or not _NAME.match(name):
        raise SitesError(f"{where}: name must be lower-case letters, digits, '.', '_' or '-'")
    url = raw.get("url")
    if (
        not isinstance(url, str)
        or not url.startswith(("http://", "https://"))
        or not portal_key(url)
    ):
        raise SitesError(f"{where}: url must be an http(s) URL, got {url!r}")
    platform = raw.get("platform")
    if platform is not None and platform not in PLATFORMS:
        raise SitesError(f"{where}: platform must be one of {', '.join(PLATFORMS)}")
    for key in ("channels", "extra_boilerplate"):
        value = raw.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise SitesError(f"{where}: {key} must be a list of strings")
    bad = set(raw.get("channels", [])) - set(CHANNELS)
    if bad:
        raise SitesError(f"{where}: unknown channels {', '.join(sorted(bad))}")
    for key in ("province", "regency", "notes"):
        if raw.get(key) is not None and not isinstance(raw[key], str):
            raise SitesError(f"{where}: {key} must be text")
    _check_region(raw.get("province"), raw.get("regency"), where)
    delay = raw.get("download_delay")
    if delay is not None and (not isinstance(delay, int | float) or not 0 <= delay <= 600):
        raise SitesError(f"{where}: download_delay must be seconds between 0 and 600")
    concurrency = raw.get("concurrency")
    if concurrency is not None and (not isinstance(concurrency, int) or not 1 <= concurrency <= 16):
        raise SitesError(f"{where}: concurrency must be a whole number from 1 to 16")
    return Site(**raw)


def _check_region(province: str | None, regency: str | None, where: str) -> None:
    """SitesError unless province and regency name regions of the gazetteer (crawler.places),
    the regency inside the province; the message names the nearest names or the choices."""
    from crawler.places import PROVINCE, REGENCY, GazetteerError, gazetteer

    found = None
    try:
        if province:
            found = gazetteer().resolve(province, levels=(PROVINCE,))
        if regency:
            matches = gazetteer().find(regency, levels=(REGENCY,))
            inside = [r for r in matches if found is None or r.province_code == found.code]
            if not matches:
                gazetteer().resolve(regency, levels=(REGENCY,))  # raises, naming the nearest
            elif not inside:
                elsewhere = ", ".join(f"{r.name} ({r.code})" for r in matches)
                raise GazetteerError(f"{regency!r} is not in {province}: {elsewhere}")
            elif len(inside) > 1:
                choices = " or ".join(repr(r.name) for r in inside)
                raise GazetteerError(f"{regency!r} names several regions: write {choices}")
    except GazetteerError as exc:
        raise SitesError(
            f"{where}: {'regency' if found or not province else 'province'} {exc}"
        ) from None


def load_sites(path: str | os.PathLike[str] | None = None) -> list[Site]:
    """Every portal of a sites file (a missing file is an empty registry)."""
    path = Path(path) if path else default_sites_path()
    if not path.exists():
        return []
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise SitesError(f"{path}: cannot read: {exc}") from None
    except tomllib.TOMLDecodeError as exc:
        raise SitesError(f"{path}: not valid TOML: {exc}") from None
    unknown = set(data) - {"site"}
    if unknown:
        raise SitesError(f"{path}: unknown top-level keys {', '.join(sorted(unknown))}")
    entries = data.get("site", [])
    if not isinstance(entries, list):
        raise SitesError(f"{path}: 'site' must be an array of tables ([[site]])")
    sites = []
    seen: set[str] = set()
    for i, raw in enumerate(entries, 1):
        try:
            site = _entry(raw, i)
        except SitesError as exc:
            raise SitesError(f"{path}: {exc}") from None
        if site.name in seen:
            raise SitesError(f"{path}: entry {i}: duplicate name {site.name!r}")
        seen.add(site.name)
        sites.append(site)
    return sites


def find_site(sites: list[Site], name_or_url: str) -> Site | None:
    """The registered portal with this name, or whose URL is on the same portal as this URL."""
    for site in sites:
        if site.name == name_or_url:
            return site
    if "://" in name_or_url:
        key = portal_key(name_or_url)
        for site in sites:
            if portal_key(site.url) == key:
                return site
    return None


def registered_clash(site: Site, path: str | os.PathLike[str] | None = None) -> Site | None:
    """The registered portal that has this site's name or URL, if any."""
    existing = load_sites(path)
    return find_site(existing, site.name) or find_site(existing, site.url)


def save_site(
    site: Site, path: str | os.PathLike[str] | None = None, *, force: bool = False
) -> Path:
    """Add a portal to the sites file (comments and order kept); an existing entry with the same
    name or portal is replaced only with `force`."""
    path = Path(path) if path else default_sites_path()
    existing = load_sites(path)
    _entry(site.as_toml(), len(existing) + 1)  # validate before touching the file
    clash = registered_clash(site, path)
    if clash and not force:
        raise SitesError(
            f"{path}: {clash.name!r} is already registered (use --force to replace it)"
        )
    doc = (
        tomlkit.parse(path.read_text(encoding="utf-8")) if path.exists() else tomlkit.parse(EXAMPLE)
    )
    tables = doc.get("site")
    if tables is None:
        tables = tomlkit.aot()
        doc.append("site", tables)
    if clash:
        for i, table in enumerate(tables):
            if table.get("name") == clash.name:
                del tables[i]
                break
    table = tomlkit.table()
    for key, value in site.as_toml().items():
        table.add(key, value)
    tables.append(table)
    tmp = path.with_name(path.name + ".tmp")
    try:
        tmp.write_text(tomlkit.dumps(doc), encoding="utf-8")
        os.replace(tmp, path)
    except OSError as exc:
        raise SitesError(f"cannot write {path}: {exc.strerror}") from None
    return path
