"""Article pages of a test portal rendered without a server, extracted and observed."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import urlsplit

from crawler.article import article_record, build_article
from crawler.clean.profile import PortalProfile
from crawler.extract import extract_page
from crawler.items import RawArticle
from crawler.profiles import Observation, observation, reading_rules
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
        """The archive row a crawl makes of it: read as the profile learned and cleaned with it,
        or by the shared rules alone."""
        raw = self.raw if profile is None else self.read(profile)
        return article_record(build_article(raw, profile=profile))

    def read(self, profile: PortalProfile) -> RawArticle:
        """Its extraction with the container rule and byline slot the profile learned."""
        return extract_page(self.html, self.url, **reading_rules(profile))


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
