"""Article pages of a test portal rendered without a server, extracted and observed."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import urlsplit

from crawler.article import article_record, build_article
from crawler.clean.profile import PortalProfile
from crawler.extract import extract_page
from crawler.items import RawArticle
from crawler.profiles import Observation, observation
from crawler.testportal import PortalSpec, build_portal
from crawler.testportal.server import Router


@dataclass(frozen=True)
class Page:
    """One served article page, its extraction and its truth."""

    url: str
    html: bytes
    raw: RawArticle
    truth: dict

    def observe(self) -> Observation:
        """What learning keeps of it (with the authors the shared grammar finds)."""
        return observation(self.raw, build_article(self.raw).authors)

    def record(self, profile: PortalProfile | None = None) -> dict:
        """The archive row cleaning makes of it (with a profile, or the shared grammar alone)."""
        return article_record(build_article(self.raw, profile=profile))


@lru_cache(maxsize=16)
def pages(spec: PortalSpec) -> tuple[Page, ...]:
    """Every archivable article of a portal, newest first (the order a crawl stores them)."""
    portal = build_portal(spec)
    router = Router(portal)
    found = []
    for truth in portal.truth():
        url = str(truth["url"])
        response = router.handle("GET", urlsplit(url).path)
        found.append(Page(url, response.body, extract_page(response.body, url), truth))
    return tuple(found)
