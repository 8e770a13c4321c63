"""Options of one test portal (`PortalSpec`) and the site identity each role gets by default."""

from __future__ import annotations

from dataclasses import asdict, dataclass, replace
from datetime import datetime

from crawler.testportal.house import house_site
from crawler.testportal.model import WIB, ZONES, SiteInfo

THEMES = ("jnews", "tagdiv", "plain", "blogspot", "postname")
PLATFORMS = ("wordpress", "blogspot")
SECOND_PORTAL_ARTICLES = 12  # a small neighbour portal: a dozen stories of its own besides the copy
DEFAULT_NOW = "2024-06-01T10:00:00+07:00"
"""The portal's clock unless a spec sets another: Saturday 1 June 2024, 10:00 WIB."""


class PortalSpecError(ValueError):
    """A PortalSpec option has a value the portal does not know."""


@dataclass(frozen=True)
class PortalSpec:
    """Options of one test portal. Unset options (None) get role-dependent defaults."""

    name: str = "main"
    """Label of this portal within one run (`main`, `second`, …)."""
    articles: int | None = None
    """Generated articles in addition to the hand-written showcase (default: none on the main
    portal, 12 on a second portal, which has no showcase)."""
    theme: str | None = None
    """`jnews`, `tagdiv`, `plain`, `blogspot` or `postname` (short-slug permalinks, hostile listings
    and faults; crawler/testportal/postname.py) (default: jnews; tagdiv for a second portal)."""
    platform: str | None = None
    """`wordpress` or `blogspot` (the blogspot theme implies the blogspot platform)."""
    delay_ms: int = 0
    """Fixed delay before every response (load benchmarks)."""
    now: str = DEFAULT_NOW
    """The portal's clock in epoch 1 (ISO 8601 with offset); epoch N runs 6 h later per epoch."""
    seed: int = 1
    """Seed of the generated articles."""
    showcase: bool | None = None
    """Include the hand-written showcase articles (default: yes, except on a second portal)."""
    second_portal: bool = False
    """Republish one showcase article of the first portal verbatim (syndication)."""
    site_name: str | None = None
    """The portal's display name (default by role)."""
    timezone: str | None = None
    """`WIB`, `WITA` or `WIT` (default by role)."""
    years: float = 4.0
    """Generated articles are spread over this many years before the clock (backfill)."""
    port: int = 0
    """Loopback port to serve on (0: any free port)."""
    house: int | None = None
    """Seed of a house style (`crawler.testportal.house`): invented chrome on generated articles."""
    redesign: int | None = None
    """Seed of the house style of the newer half of the generated articles (a redesign)."""

    def resolved(self) -> PortalSpec:
        """This spec with every default filled in; raises PortalSpecError on unknown values."""
        theme, platform = self.theme, self.platform
        if theme == "blogspot" or platform == "blogspot":
            theme, platform = "blogspot", "blogspot"
        theme = theme or ("tagdiv" if self.second_portal else "jnews")
        platform = platform or "wordpress"
        if theme not in THEMES:
            raise PortalSpecError(f"unknown theme {theme!r}; one of {', '.join(THEMES)}")
        if platform not in PLATFORMS:
            raise PortalSpecError(f"unknown platform {platform!r}; one of {', '.join(PLATFORMS)}")
        if self.timezone is not None and self.timezone not in ZONES:
            raise PortalSpecError(f"unknown timezone {self.timezone!r}; one of WIB, WITA, WIT")
        articles = self.articles
        if articles is None:
            articles = SECOND_PORTAL_ARTICLES if self.second_portal else 0
        if articles < 0 or self.delay_ms < 0:
            raise PortalSpecError("articles and delay_ms must not be negative")
        try:
            clock = datetime.fromisoformat(self.now)
        except ValueError as exc:
            raise PortalSpecError(f"now={self.now!r} is not ISO 8601") from exc
        if clock.tzinfo is None:
            raise PortalSpecError(f"now={self.now!r} has no UTC offset")
        showcase = (not self.second_portal) if self.showcase is None else self.showcase
        timezone = self.timezone or ("WIT" if platform == "blogspot" else "WIB")
        return replace(
            self,
            articles=articles,
            theme=theme,
            platform=platform,
            showcase=showcase,
            timezone=timezone,
        )

    def to_json(self) -> dict[str, object]:
        """The spec as a JSON-able dict (the subprocess server reads it back)."""
        return asdict(self)


def site_for(spec: PortalSpec) -> SiteInfo:
    """The identity a resolved spec's portal carries (name, dateline outlet, zone, region)."""
    tz = ZONES.get(spec.timezone or "WIB", WIB)
    label = spec.timezone or "WIB"
    if spec.second_portal:
        site = SiteInfo(
            "Sumsel Terkini",
            "SumselTerkini.com",
            "Cepat, Akurat, Berimbang",
            tz=tz,
            tz_label=label,
            email="redaksi@sumselterkini.example",
            address="Jalan Kapten Rivai, Palembang",
        )
    elif spec.platform == "blogspot":
        site = SiteInfo(
            "Berita Halmahera",
            "BeritaHalmahera.com",
            "Suara dari Bumi Kie Raha",
            tz=tz,
            tz_label=label,
            region="Maluku Utara",
            region_category="Malut",
            email="beritahalmahera@example.test",
            address="Tobelo, Halmahera Utara",
        )
    else:
        site = SiteInfo(
            "Warta Daerah",
            "WartaDaerah.id",
            "Kabar Terkini dari Daerah",
            tz=tz,
            tz_label=label,
            email="redaksi@wartadaerah.example",
            address="Jalan Merdeka, Pangkalan Balai, Banyuasin",
        )
    if spec.site_name:
        outlet = spec.site_name.replace(" ", "") + ".id"
        site = replace(site, name=spec.site_name, outlet=outlet)
    if spec.house is not None:
        site = house_site(site, spec.house)
    return site
