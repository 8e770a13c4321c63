"""The generic spider: any portal from its home URL, through every discovery channel it answers."""

from __future__ import annotations

import logging
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urljoin, urlsplit

import scrapy
from scrapy.http import Request, Response, TextResponse
from scrapy.spidermiddlewares.httperror import HttpError
from twisted.internet.error import DNSLookupError, TCPTimedOutError, TimeoutError

from crawler.discovery import Discovered, DiscoveryError, feeds, links, pagination, robots, sitemaps
from crawler.extensions import shared_archive
from crawler.extract import extract_page
from crawler.fingerprints import fetch_url, portal_key, url_key
from crawler.items import ArticleItem
from crawler.revisits import revisit_due

logger = logging.getLogger(__name__)

MAX_SITEMAP_DEPTH = (
    10  # the sitemaps protocol lets an index point at sitemaps, not deeper; 10 is generous
)
HTML_TYPES = (b"text/html", b"application/xhtml+xml")
# Priorities: sitemaps and feeds first (they list many articles per request), then articles,
# then the pagination walk (least URLs per request).
PRIORITY = {"robots": 30, "sitemap": 20, "feed": 20, "article": 10, "listing": 0}


def _day(value: str | None) -> str | None:
    """`YYYY-MM-DD` bound from a user's date (None stays None)."""
    if not value:
        return None
    try:
        return datetime.fromisoformat(value).date().isoformat()
    except ValueError:
        raise ValueError(f"not a date (YYYY-MM-DD): {value}") from None


class PortalSpider(scrapy.Spider):
    """Crawls one portal: robots.txt sitemaps, sitemap indexes, the feed, home/category pagination."""

    name = "portal"

    def __init__(
        self,
        url: str | None = None,
        site: str | None = None,
        since: str | None = None,
        until: str | None = None,
        province: str | None = None,
        regency: str | None = None,
        revisit: str | bool = False,
        **kwargs: Any,
    ):
        super().__init__(**kwargs)
        if not url:
            raise ValueError(
                "the portal spider needs a portal URL: scrapy crawl portal -a url=https://…"
            )
        if "://" not in url:
            url = "https://" + url
        parts = urlsplit(url)
        self.base_url = f"{parts.scheme}://{parts.netloc}/"
        self.start_url = url
        self.site = site or portal_key(url)
        self.since = _day(since)
        self.until = _day(until)
        self.province = province
        self.regency = regency
        self.revisit_all = str(revisit).lower() in {"1", "true", "yes", "all"}
        self.allowed_domains = [parts.hostname or ""]
        self.extra_boilerplate: list[str] = []

    # -- helpers ------------------------------------------------------------------------------

    @property
    def archive(self):
        return shared_archive(self.crawler)

    def _count(self, key: str, n: int = 1) -> None:
        self.crawler.stats.inc_value(key, n)

    def _on_portal(self, url: str) -> bool:
        return links.same_portal(url, self.base_url)

    def _in_window(self, when: str | None) -> bool:
        if not when:
            return True
        day = when[:10]
        return not ((self.since and day < self.since) or (self.until and day >= self.until))

    def _request(self, url: str, callback, *, kind: str, channel: str, **meta: Any) -> Request:
        return Request(
            url,
            callback=callback,
            errback=self.on_error,
            priority=PRIORITY.get(kind, 0),
            meta={"kind": kind, "channel": channel, **meta},
        )

    def article_requests(self, found: list[Discovered]):
        """Requests for discovered article URLs that are new or due for a revisit."""
        wanted = []
        for d in found:
            if d.kind != "article" or not self._on_portal(d.url):
                continue
            if not self._in_window(d.published_at or d.lastmod):
                self._count("warta/skipped/outside-window")
                continue
            wanted.append(d)
        if not wanted:
            return
        archive = self.archive
        archive.note_urls(
            {
                "url_key": url_key(d.url),
                "url": d.url,
                "site": self.site,
                "kind": "article",
                "channel": d.channel,
                "lastmod": d.lastmod,
            }
            for d in wanted
        )
        for d in wanted:
            key = url_key(d.url)
            state = archive.url_state(key)
            if not revisit_due(
                state, lastmod=d.lastmod, published_at=d.published_at, revisit_all=self.revisit_all
            ):
                self._count("warta/skipped/known")
                continue
            headers = {}
            if state and state.get("outcome") == "article":
                if state.get("etag"):
                    headers["If-None-Match"] = state["etag"]
                if state.get("last_modified"):
                    headers["If-Modified-Since"] = state["last_modified"]
            request = self._request(
                fetch_url(d.url),
                self.parse_article,
                kind="article",
                channel=(state and state.get("channel")) or d.channel,
                listed_published_at=d.published_at,
                listed_source=_source_of(d.channel),
                revisit=bool(state and state.get("fetched_at")),
                handle_httpstatus_list=[304, 404, 410] if state and state.get("fetched_at") else [],
            )
            request.headers.update(headers)
            yield request

    # -- start --------------------------------------------------------------------------------

    async def start(self):
        base = self.base_url
        yield self._request(
            urljoin(base, "/robots.txt"),
            self.parse_robots,
            kind="robots",
            channel="robots",
            probe=True,
        )
        for path in sitemaps.sitemap_candidates(base):
            yield self._request(
                path, self.parse_sitemap, kind="sitemap", channel="sitemap", probe=True, depth=0
            )
        yield self._request(
            urljoin(base, "/feed/"), self.parse_feed, kind="feed", channel="feed", probe=True
        )
        yield self._request(
            self.start_url,
            self.parse_listing,
            kind="listing",
            channel="start",
            listing_page=1,
            dont_filter=True,
        )

    # -- callbacks ----------------------------------------------------------------------------

    def parse_robots(self, response: Response):
        for sitemap_url in robots.sitemaps_from_robots(response.body, response.url):
            if self._on_portal(sitemap_url):
                yield self._request(
                    sitemap_url, self.parse_sitemap, kind="sitemap", channel="sitemap", depth=0
                )

    def parse_sitemap(self, response: Response):
        depth = response.meta.get("depth", 0)
        try:
            page = sitemaps.parse_sitemap(
                response.url, response.body, response.headers, depth=depth
            )
        except DiscoveryError as exc:
            if response.meta.get("probe"):
                self._count("warta/probes/not-a-sitemap")
                return
            self._count("warta/errors/bad-sitemap")
            logger.warning("%s: unusable sitemap %s: %s", self.site, response.url, exc)
            return
        self._count("warta/sitemaps/parsed")
        if page.over_limit:
            self._count("warta/errors/sitemap-over-limit")
            logger.warning(
                "%s: %s lists more than the protocol's 50,000 URLs; %d ignored",
                self.site,
                response.url,
                page.over_limit,
            )
        found = page.entries
        for d in found:
            if d.kind == "sitemap" and self._on_portal(d.url):
                if depth + 1 > MAX_SITEMAP_DEPTH:
                    self._count("warta/errors/sitemap-too-deep")
                    continue
                if (
                    not self._in_window(d.lastmod)
                    and self.since
                    and d.lastmod
                    and d.lastmod[:10] < self.since
                ):
                    continue  # a child sitemap last changed before the window holds nothing for it
                yield self._request(
                    d.url, self.parse_sitemap, kind="sitemap", channel=d.channel, depth=depth + 1
                )
        yield from self.article_requests(found)

    def parse_feed(self, response: Response):
        try:
            found = feeds.parse_feed(response.url, response.body, response.headers)
        except DiscoveryError as exc:
            if not response.meta.get("probe"):
                self._count("warta/errors/bad-feed")
                logger.warning("%s: unusable feed %s: %s", self.site, response.url, exc)
            return
        yield from self.article_requests(found)

    def parse_listing(self, response: Response):
        """Home, category and pagination pages: article links, next page, and (from the home page)
        category and feed links."""
        if not self._is_html(response):
            return
        page = response.meta.get("listing_page", 1)
        found = [
            Discovered(url=link.url, channel="pagination", kind=link.kind,
                       published_at=link.published_at, title=link.text)
            for link in pagination.listing_links(response.body, response.url)
            if link.kind in ("article", "listing")
        ]  # fmt: skip
        articles = [d for d in found if d.kind == "article"]
        yield from self.article_requests(articles)
        if response.meta.get("channel") == "start":
            for d in found:
                if d.kind == "listing":
                    yield self._request(
                        d.url,
                        self.parse_listing,
                        kind="listing",
                        channel="pagination",
                        listing_page=1,
                    )
            for feed_url in feeds.feed_links_from_html(response.body, response.url):
                if self._on_portal(feed_url):
                    yield self._request(feed_url, self.parse_feed, kind="feed", channel="feed")
        if articles and self._all_known(articles) and not self.revisit_all:
            self._count("warta/pagination/stopped-at-known")
            return
        next_url = pagination.next_page_url(response.body, response.url)
        limit = self.settings.getint("WARTA_MAX_LISTING_PAGES")
        if next_url and self._on_portal(next_url):
            if page >= limit:
                self._count("warta/pagination/limit")
                return
            yield self._request(
                next_url,
                self.parse_listing,
                kind="listing",
                channel="pagination",
                listing_page=page + 1,
            )

    def _all_known(self, found: list[Discovered]) -> bool:
        archive = self.archive
        for d in found:
            state = archive.url_state(url_key(d.url))
            if not state or not state.get("fetched_at"):
                return False
        return True

    def _is_html(self, response: Response) -> bool:
        content_type = response.headers.get(b"Content-Type", b"").split(b";")[0].strip().lower()
        if content_type and content_type not in HTML_TYPES:
            return False
        return isinstance(response, TextResponse) or not content_type

    def parse_article(self, response: Response):
        meta = response.meta
        key = url_key(response.request.url if response.request else response.url)
        if response.status == 304:
            self.archive.mark_fetched(key, url=response.url, site=self.site, outcome="article")
            self._count("warta/articles/not-modified")
            return
        if response.status in (404, 410) or (meta.get("revisit") and _is_home(response.url)):
            if self.archive.mark_taken_down(key):
                self._count("warta/articles/taken-down")
            self.archive.mark_fetched(
                key, url=response.url, site=self.site, outcome=f"gone:{response.status}"
            )
            return
        if not self._is_html(response):
            self._count("warta/dropped/non-html")
            logger.info("%s: not an HTML page, skipped: %s", self.site, response.url)
            self.archive.mark_fetched(
                key, url=response.url, site=self.site, outcome="dropped:non-html"
            )
            return
        fetched_at = datetime.now(UTC).replace(microsecond=0)
        headers = {
            k.decode("latin-1"): b", ".join(v).decode("latin-1")
            for k, v in response.headers.items()
        }
        raw = extract_page(response.body, response.url, headers=headers, fetched_at=fetched_at)
        if not raw.published_at and meta.get("listed_published_at"):
            raw.published_at = meta["listed_published_at"]
            raw.published_at_source = meta.get("listed_source")
        if not self._in_window(raw.published_at):
            self._count("warta/skipped/outside-window")
            self.archive.mark_fetched(
                key, url=response.url, site=self.site, outcome="outside-window"
            )
            return
        yield ArticleItem(
            url=response.url,
            site=self.site,
            province=self.province,
            regency=self.regency,
            discovered_via=meta.get("channel"),
            http_status=response.status,
            fetched_at=fetched_at.isoformat(),
            etag=headers.get("ETag"),
            last_modified=headers.get("Last-Modified"),
            raw=raw,
            raw_body=response.body,
            raw_headers=headers,
        )

    def on_error(self, failure):
        request = failure.request
        meta = request.meta
        if failure.check(HttpError):
            status = failure.value.response.status
            if meta.get("probe") and status in (404, 410, 403):
                self._count("warta/probes/missing")
                return
            kind = f"http_{status}"
        elif failure.check(DNSLookupError):
            kind = "dns"
        elif failure.check(TimeoutError, TCPTimedOutError):
            kind = "timeout"
        else:
            kind = failure.type.__name__ if failure.type else "error"
        if meta.get("probe") and kind.startswith("http_"):
            self._count("warta/probes/missing")
            return
        self._count(f"warta/errors/{kind}")
        logger.warning(
            "%s: cannot fetch %s (%s): %s",
            self.site,
            request.url,
            meta.get("kind"),
            failure.getErrorMessage(),
        )
        if meta.get("kind") == "article":
            self.archive.mark_fetched(
                url_key(request.url), url=request.url, site=self.site, outcome=f"error:{kind}"
            )


def _is_home(url: str) -> bool:
    return urlsplit(url).path in ("", "/")


def _source_of(channel: str) -> str:
    return {
        "news-sitemap": "sitemap",
        "sitemap": "sitemap",
        "feed": "feed",
        "wp-json": "api",
        "blogspot-feed": "feed",
    }.get(channel, channel)
