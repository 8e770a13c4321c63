"""The generic spider: any portal from its home URL, through every discovery channel it answers."""

from __future__ import annotations

import logging
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from typing import Any
from urllib.parse import urljoin, urlsplit

import scrapy
from scrapy.exceptions import IgnoreRequest
from scrapy.http import Request, Response, TextResponse
from scrapy.spidermiddlewares.httperror import HttpError

from crawler.article import LISTED_BY, TEXT_BLOCK, page_kind, recognise
from crawler.crawl.extensions import shared_archive, shared_profiles
from crawler.crawl.middlewares import network_failure_kind
from crawler.crawl.policy.revisits import queued_this_run, revisit_due
from crawler.crawl.registry import CHANNELS
from crawler.discovery import (
    Discovered,
    DiscoveryError,
    archives,
    blogspot,
    feeds,
    links,
    pages,
    pagination,
    robots,
    sitemaps,
    wordpress,
)
from crawler.extract import extract_page
from crawler.extract.parts import SplitArticle
from crawler.fingerprints import fetch_url, portal_key, url_key
from crawler.items import ArticleItem, RawArticle
from crawler.profiles import ReadingRules, reading_rules

logger = logging.getLogger(__name__)

MAX_SITEMAP_DEPTH = 10  # the sitemaps protocol lets an index point at sitemaps only; 10 is generous
HTML_TYPES = (b"text/html", b"application/xhtml+xml")
# Request priorities: robots and sitemaps/feeds/API pages first (many articles per request), then
# articles (newer months before older ones), then the pagination walk (fewest URLs per request).
PRIORITY = {"robots": 3000, "sitemap": 2500, "feed": 2500, "api": 2500, "listing": 0}
ARTICLE_PRIORITY_BASE = 1000  # + months since 2000, so newer articles are fetched first
EPOCH_YEAR = 2000  # months are counted from here; an undated article sorts with the oldest
WP_API_FIELDS = ("title", "published_at", "modified_at", "categories", "tags", "image_url")
"""REST API post fields that replace what extraction read off the page (structured, exact)."""


def _day(value: str | None) -> str | None:
    """`YYYY-MM-DD` bound from a user's date (None stays None)."""
    if not value:
        return None
    try:
        return datetime.fromisoformat(value).date().isoformat()
    except ValueError:
        raise ValueError(f"not a date (YYYY-MM-DD): {value}") from None


def article_priority(when: str | None) -> int:
    """Request priority of an article: newer publication months first."""
    if not when or len(when) < 7 or not when[:4].isdigit() or not when[5:7].isdigit():
        return ARTICLE_PRIORITY_BASE
    months = (int(when[:4]) - EPOCH_YEAR) * 12 + int(when[5:7])
    return ARTICLE_PRIORITY_BASE + max(0, min(months, 1200))


NOT_ARTICLE_OUTCOME = "dropped:not-article"
"""The fetch outcome of a page refused for claiming nothing (crawler.article.why_not_article)."""


def _source_of(channel: str) -> str:
    return {"news-sitemap": "sitemap", "sitemap": "sitemap", "feed": "feed", "wp-json": "api",
            "blogspot-feed": "feed", "archive": "text", "pagination": "text"}.get(channel, channel)  # fmt: skip


class PortalSpider(scrapy.Spider):
    """Crawls one portal: robots.txt sitemaps, sitemap indexes, feeds, the WordPress REST API or
    Blogger feeds, date archives (with a date window) and home/category pagination."""

    name = "portal"

    def __init__(
        self,
        url: str | None = None,
        site: str | None = None,
        since: str | None = None,
        until: str | None = None,
        province: str | None = None,
        regency: str | None = None,
        platform: str | None = None,
        channels: str | list[str] | None = None,
        extra_boilerplate: list[str] | str | None = None,
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
        self.start_key = url_key(url)
        self.site = site or portal_key(url)
        self.since = _day(since)
        self.until = _day(until)
        self.province = province
        self.regency = regency
        self.platform = platform
        if isinstance(channels, str):
            channels = [c.strip() for c in channels.split(",") if c.strip()]
        unknown = set(channels or []) - set(CHANNELS)
        if unknown:
            raise ValueError(f"unknown channels: {', '.join(sorted(unknown))}")
        self.channels = set(channels or CHANNELS)
        if isinstance(extra_boilerplate, str):
            extra_boilerplate = [extra_boilerplate]
        self.extra_boilerplate = list(extra_boilerplate or [])
        self.revisit_all = str(revisit).lower() in {"1", "true", "yes", "all"}
        self.allowed_domains = [parts.hostname or ""]
        self.api_started = False
        self.incremental = False
        # set once the REST API or a (non-news) sitemap has listed articles; `--channels` without
        # those channels, or a portal without them, keeps the pagination walk, and so does a
        # sitemap cut off mid-file (the articles past the cut are known to no channel)
        self.listed_all = False
        self.sitemap_cut = False
        self.blogger_started = False
        # URL key -> the channel listing posts (a feed) that named a URL another channel had found
        # first: the page is judged with the portal's word for it (crawler.article.LISTED_BY)
        self.also_listed: dict[str, str] = {}

    # -- helpers ------------------------------------------------------------------------------

    @property
    def complete_channel(self) -> bool:
        """Has a complete channel (REST API, sitemaps) listed the articles, none of it cut off?"""
        return self.listed_all and not self.sitemap_cut

    @property
    def archive(self):
        return shared_archive(self.crawler)

    @property
    def run_id(self) -> int:
        return int(self.crawler.stats.get_value("warta/run_id") or 0)

    def _count(self, key: str, n: int = 1) -> None:
        self.crawler.stats.inc_value(key, n)

    def _on_portal(self, url: str) -> bool:
        return links.same_portal(url, self.base_url)

    def _in_window(self, when: str | None) -> bool:
        if not when:
            return True
        day = when[:10]
        return not ((self.since and day < self.since) or (self.until and day >= self.until))

    def _request(self, url: str, callback, *, kind: str, channel: str, priority: int | None = None,
                 **meta: Any) -> Request:  # fmt: skip
        dont_filter = meta.pop("dont_filter", False)
        return Request(
            url,
            callback=callback,
            errback=self.on_error,
            priority=PRIORITY.get(kind, 0) if priority is None else priority,
            dont_filter=dont_filter,
            meta={"kind": kind, "channel": channel, **meta},
        )

    def article_requests(
        self, found: list[Discovered], *, api_posts: dict[str, dict] | None = None
    ):
        """Requests for discovered article URLs that are new or due for a revisit. The archive's
        `urls` table is the frontier: it records each URL once, with the channel that found it
        first, and which run queued it (so one run fetches a URL once, and a killed run's
        unfetched URLs are picked up by the next)."""
        wanted: list[tuple[str, Discovered]] = []  # (URL key, what was found), key computed once
        for d in found:
            if d.kind != "article" or not self._on_portal(d.url):
                continue
            if not self._in_window(d.published_at or (d.lastmod if not self.since else None)):
                self._count("warta/skipped/outside-window")
                continue
            wanted.append((url_key(d.url), d))
        if not wanted:
            return
        archive = self.archive
        archive.note_urls(
            {
                "url_key": key, "url": d.url, "site": self.site, "kind": "article",
                "channel": d.channel, "lastmod": d.lastmod, "published_at": d.published_at,
            }
            for key, d in wanted
        )  # fmt: skip
        run_id = self.run_id
        for key, d in wanted:
            state = archive.url_state(key)
            listed_too = d.channel in LISTED_BY and (state or {}).get("channel") not in LISTED_BY
            if listed_too and (state or {}).get("outcome") == NOT_ARTICLE_OUTCOME:
                # refused before the portal's list of its posts named it: fetched once more,
                # judged with that word (the URL's channel becomes the list's, so only once)
                archive.mark_listed(key, d.channel)
                archive.mark_queued(key, run_id)
                self._count("warta/requeued/listed")
                yield self._article_request(d.url, state=None, channel=d.channel,
                                            published_at=d.published_at,
                                            api_post=(api_posts or {}).get(d.url))  # fmt: skip
                continue
            if queued_this_run(state, run_id=run_id):
                if listed_too:
                    self.also_listed[key] = d.channel
                continue  # another channel already queued it in this run
            if not revisit_due(state, lastmod=d.lastmod, published_at=d.published_at,
                               revisit_all=self.revisit_all):  # fmt: skip
                self._count("warta/skipped/known")
                continue
            if listed_too:  # the request goes out under the channel that found the URL first
                self.also_listed[key] = d.channel
            archive.mark_queued(key, run_id)
            yield self._article_request(
                d.url, state=state, channel=(state or {}).get("channel") or d.channel,
                published_at=d.published_at,
                api_post=(api_posts or {}).get(d.url),
            )  # fmt: skip

    def _article_request(self, url: str, *, state: dict | None, channel: str,
                         published_at: str | None, api_post: dict | None = None) -> Request:  # fmt: skip
        revisit = bool(state and state.get("fetched_at"))
        request = self._request(
            fetch_url(url), self.parse_article, kind="article", channel=channel,
            priority=article_priority(published_at or (state or {}).get("published_at")),
            listed_published_at=published_at, listed_source=_source_of(channel),
            revisit=revisit, api_post=api_post, dont_filter=True, run_id=self.run_id,
            handle_httpstatus_list=[304, 404, 410] if revisit else [],
        )  # fmt: skip
        if revisit and state and state.get("outcome") == "article":
            if state.get("etag"):
                request.headers["If-None-Match"] = state["etag"]
            if state.get("last_modified"):
                request.headers["If-Modified-Since"] = state["last_modified"]
        return request

    # -- start --------------------------------------------------------------------------------

    async def start(self):
        base = self.base_url
        # A portal with archived articles gets an incremental run: walks stop at known pages.
        self.incremental = self.archive.count_articles(site=self.site) > 0
        # URLs an earlier run found but never fetched (it was killed, or the fetch failed).
        pending = list(self.archive.pending_urls(self.site))
        if pending:
            self._count("warta/resumed/pending", len(pending))
            logger.info(
                "%s: %d URLs found by an earlier run are still to fetch", self.site, len(pending)
            )
        for request in self._requeue(pending, revisit=False):
            yield request
        if self.revisit_all:
            # a full revisit also reaches articles no channel lists any more: removed (404/410)
            # or moved home, they are marked taken down and keep their last good text
            for request in self._requeue(self.archive.archived_urls(self.site), revisit=True):
                yield request
        yield self._request(urljoin(base, "/robots.txt"), self.parse_robots, kind="robots",
                            channel="robots", probe=True)  # fmt: skip
        if self.channels & {"sitemap", "news-sitemap"}:
            for path in sitemaps.sitemap_candidates(base):
                yield self._request(path, self.parse_sitemap, kind="sitemap", channel="sitemap",
                                    probe=True, depth=0)  # fmt: skip
        if "feed" in self.channels:
            yield self._request(urljoin(base, "/feed/"), self.parse_feed, kind="feed",
                                channel="feed", probe=True)  # fmt: skip
        if "wp-json" in self.channels and self.platform in (None, "wordpress"):
            for request in self._start_api():
                yield request
        if "blogspot-feed" in self.channels and self.platform == "blogspot":
            for request in self._start_blogger():
                yield request
        if "archive" in self.channels and self.since:
            for request in self._start_archives():
                yield request
        yield self._request(self.start_url, self.parse_listing, kind="listing", channel="start",
                            listing_page=1, dont_filter=True)  # fmt: skip

    def _requeue(self, rows, *, revisit: bool):
        """Article requests for `urls` rows in the date window, queued in this run (`revisit`: the
        row's fetch state makes the request conditional)."""
        run_id = self.run_id
        for row in rows:
            if self._in_window(row["published_at"]):
                state = self.archive.url_state(row["url_key"])
                if run_id and state and state.get("queued_run") == run_id:
                    continue  # already queued in this run (adopted from a stopped run's queue)
                self.archive.mark_queued(row["url_key"], run_id)
                yield self._article_request(row["url"], state=row if revisit else None,
                                            channel=row["channel"] or "start",
                                            published_at=row["published_at"])  # fmt: skip

    def _start_api(self):
        if self.api_started:
            return
        self.api_started = True
        url = wordpress.wp_posts_url(self.base_url, 1, after=self.since, before=self.until)
        yield self._request(url, self.parse_wp_posts, kind="api", channel="wp-json", probe=True,
                            api_page=1, handle_httpstatus_list=[400])  # fmt: skip

    def _start_blogger(self):
        if self.blogger_started:
            return
        self.blogger_started = True
        yield self._request(blogspot.blogger_feed_url(self.base_url), self.parse_blogger_feed,
                            kind="feed", channel="blogspot-feed", probe=True)  # fmt: skip

    def _start_archives(self):
        """Day archives for the date window, newest first (only with --since: the window bounds it)."""
        first = date.fromisoformat(self.since)
        last = date.fromisoformat(self.until) - timedelta(days=1) if self.until else date.today()
        for url in archives.day_archive_urls(self.base_url, first, last):
            yield self._request(url, self.parse_listing, kind="listing", channel="archive",
                                listing_page=1, probe=True)  # fmt: skip

    # -- callbacks ----------------------------------------------------------------------------

    def parse_robots(self, response: Response):
        if not self.channels & {"sitemap", "news-sitemap"}:
            return
        for sitemap_url in robots.sitemaps_from_robots(response.body, response.url):
            if self._on_portal(sitemap_url):
                yield self._request(sitemap_url, self.parse_sitemap, kind="sitemap",
                                    channel="sitemap", depth=0)  # fmt: skip

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
        entries = _articles_of_post_sitemap(response.url, page.entries)
        if page.truncated:  # cut off mid-file: its complete entries count, the rest is unknown
            self.sitemap_cut = True
            self._count("warta/errors/sitemap-truncated")
            logger.warning("%s: sitemap %s is cut off; read its %d complete entries",
                           self.site, response.url, len(page.entries))  # fmt: skip
        elif "sitemap" in self.channels and any(
            d.kind == "article" and d.channel == "sitemap" for d in entries
        ):
            self.listed_all = True
        if page.over_limit:
            self._count("warta/errors/sitemap-over-limit")
            logger.warning("%s: %s lists more than the protocol's 50,000 URLs; %d ignored",
                           self.site, response.url, page.over_limit)  # fmt: skip
        found = [d for d in entries if d.channel in self.channels or d.kind == "sitemap"]
        for d in found:
            if d.kind != "sitemap" or not self._on_portal(d.url):
                continue
            if depth + 1 > MAX_SITEMAP_DEPTH:
                self._count("warta/errors/sitemap-too-deep")
                continue
            if self.since and d.lastmod and d.lastmod[:10] < self.since:
                continue  # a child sitemap last changed before the window holds nothing for it
            yield self._request(d.url, self.parse_sitemap, kind="sitemap", channel=d.channel,
                                depth=depth + 1)  # fmt: skip
        yield from self.article_requests(found)

    def parse_feed(self, response: Response):
        try:
            found = feeds.parse_feed(response.url, response.body, response.headers)
        except DiscoveryError as exc:
            self._unusable_feed(response, "feed", exc)
            return
        yield from self.article_requests(found)

    def _unusable_feed(self, response: Response, label: str, exc: DiscoveryError) -> None:
        """Count and log a feed that does not parse (a probe of a guessed feed URL stays quiet)."""
        if not response.meta.get("probe"):
            self._count("warta/errors/bad-feed")
            logger.warning("%s: unusable %s %s: %s", self.site, label, response.url, exc)

    def parse_wp_posts(self, response: Response):
        """One page of the WordPress REST API: article URLs with their structured fields, then the
        next page (newest first; the --since/--until window is the API's after/before)."""
        page_no = response.meta.get("api_page", 1)
        try:
            posts, total_pages = wordpress.parse_wp_posts(
                response.body, response.headers, response.status
            )
        except DiscoveryError as exc:
            self._count("warta/probes/no-rest-api" if page_no == 1 else "warta/errors/bad-rest-api")
            if page_no > 1:
                logger.warning("%s: REST API page %d unusable: %s", self.site, page_no, exc)
            return
        if page_no == 1:
            self.listed_all = self.listed_all or bool(posts)
            self.platform = self.platform or "wordpress"
            self._count("warta/channels/wp-json")
        by_url = {p["url"]: {k: p.get(k) for k in WP_API_FIELDS} for p in posts}
        found = wordpress.discovered_from_wp_posts(posts)
        all_known = bool(found) and self._all_known(found)
        yield from self.article_requests(found, api_posts=by_url)
        if all_known and self.incremental and not self.revisit_all:
            self._count("warta/pagination/stopped-at-known")
            return
        limit = self.settings.getint("WARTA_MAX_LISTING_PAGES")
        if posts and (total_pages is None or page_no < total_pages) and page_no < limit:
            url = wordpress.wp_posts_url(
                self.base_url, page_no + 1, after=self.since, before=self.until
            )
            yield self._request(url, self.parse_wp_posts, kind="api", channel="wp-json",
                                api_page=page_no + 1, handle_httpstatus_list=[400])  # fmt: skip

    def parse_blogger_feed(self, response: Response):
        try:
            page = blogspot.parse_blogger_feed(response.url, response.body, response.headers)
        except DiscoveryError as exc:
            self._unusable_feed(response, "Blogger feed", exc)
            return
        self.platform = self.platform or "blogspot"
        yield from self.article_requests(page.entries)
        if page.next_url and self._on_portal(page.next_url):
            yield self._request(page.next_url, self.parse_blogger_feed, kind="feed",
                                channel="blogspot-feed")  # fmt: skip

    def parse_listing(self, response: Response):
        """Home, category, archive and pagination pages: article links, the next page, and (from the
        home page) category links, advertised feeds and the platform's own channels. A page fetched
        as a listing that shows it is an article is stored as one, and its links still followed."""
        if not self._is_html(response):
            return
        channel = response.meta.get("channel")
        if channel == "pagination" and self.complete_channel:
            # a complete channel (the REST API, or sitemaps listing the articles) already named
            # every article: the category and page walks would only repeat it, at a third of the
            # pages of a first crawl (bench/crawl.py)
            self._count("warta/pagination/skipped-complete-channel")
            return
        read = pagination.read_listing(response.body, response.url)
        yield from self._article_in_listing(response, read)
        yield from self._walk(response, read, page=response.meta.get("listing_page", 1),
                              channel=channel)  # fmt: skip

    def _walk(
        self, response: Response, read: pagination.ListingPage, *, page: int, channel: str | None
    ):
        """A listing's article candidates, (from the home page) its categories and channels, and its
        next page."""
        link_channel = "archive" if channel == "archive" else "pagination"
        next_url = read.next_url
        found = [
            Discovered(url=link.url, channel=link_channel, published_at=link.published_at,
                       title=link.text,
                       kind="article" if link.kind in pages.CANDIDATE_KINDS else "listing")
            for link in read.links
            # the page's own next page is a listing whatever its shape (`/kanal/berita/berita/`)
            if link.kind in (*pages.CANDIDATE_KINDS, "listing") and link.url != next_url
            and url_key(link.url) != self.start_key  # fetched first, past the duplicate filter
        ]  # fmt: skip
        articles = [d for d in found if d.kind == "article"]
        follow_links = channel == "archive" or "pagination" in self.channels
        if follow_links:
            yield from self.article_requests(articles)
        if channel == "start":
            yield from self._from_home(response, found)
        if not follow_links:
            return
        if articles and self.incremental and not self.revisit_all and self._all_known(articles):
            self._count("warta/pagination/stopped-at-known")
            return
        limit = self.settings.getint("WARTA_MAX_LISTING_PAGES")
        if next_url and self._on_portal(next_url):
            if page >= limit:
                self._count("warta/pagination/limit")
                return
            yield self._request(next_url, self.parse_listing, kind="listing", channel=link_channel,
                                listing_page=page + 1)  # fmt: skip

    def _article_in_listing(self, response: Response, read: pagination.ListingPage):
        """The article a page fetched as a listing turns out to be (a start URL that is an article,
        a post whose URL has a listing's shape), recorded as fetched for this run."""
        kind = page_kind(read.signals)
        if kind == "listing" or (kind == "unknown" and TEXT_BLOCK not in read.signals):
            return  # what nearly every listing page says: no extraction needed
        raw, headers, fetched_at = self._extract(response)
        if recognise(raw, read.signals) != "article" or not self._in_window(raw.published_at):
            return
        self._count("warta/recognised/article-fetched-as-listing")
        key, channel = url_key(response.url), response.meta.get("channel") or "start"
        self.archive.note_urls([{"url_key": key, "url": response.url, "site": self.site,
                                 "kind": "article", "channel": channel}])  # fmt: skip
        self.archive.mark_queued(key, self.run_id)  # no channel fetches it again in this run
        yield self._article_item(response, raw, headers, fetched_at, channel=channel)

    def _walk_candidate(self, response: Response):
        """Walk a page fetched as an article candidate that is no article (a section front without
        a category base, an index), as the home page's category links are walked: on a first run
        only."""
        self._count("warta/recognised/candidate-walked")
        if "pagination" not in self.channels or self.incremental or self.complete_channel:
            return
        read = pagination.read_listing(response.body, response.url)
        yield from self._walk(response, read, page=1, channel="pagination")

    def _from_home(self, response: Response, found: list[Discovered]):
        body, url, headers = response.body, response.url, response.headers
        if self.platform is None:
            if blogspot.looks_like_blogger(body, headers, url):
                self.platform = "blogspot"
            elif wordpress.looks_like_wordpress(body, headers):
                self.platform = "wordpress"
        if self.platform == "blogspot" and "blogspot-feed" in self.channels:
            yield from self._start_blogger()
        if self.platform == "wordpress" and "wp-json" in self.channels:
            yield from self._start_api()
        if "pagination" in self.channels and not self.incremental:
            # category walks serve the backfill; new articles reach the home page first
            for d in found:
                if d.kind == "listing":
                    yield self._request(d.url, self.parse_listing, kind="listing",
                                        channel="pagination", listing_page=1)  # fmt: skip
        if "feed" in self.channels:
            for feed_url in feeds.feed_links_from_html(body, url, fallback=False):
                if self._on_portal(feed_url):
                    yield self._request(feed_url, self.parse_feed, kind="feed", channel="feed")

    def _all_known(self, found: list[Discovered]) -> bool:
        archive = self.archive
        for d in found:
            state = archive.url_state(url_key(d.url))
            if not state or not state.get("fetched_at"):
                return False
        return True

    def _is_html(self, response: Response) -> bool:
        content_type = (response.headers.get(b"Content-Type") or b"").split(b";")[0].strip().lower()
        if content_type and content_type not in HTML_TYPES:
            return False
        return isinstance(response, TextResponse) or not content_type

    async def parse_article(self, response: Response):
        meta = response.meta
        # the URL we asked for, not where a redirect landed (a takedown redirects home)
        request_url = meta.get("redirect_urls", [None])[0] or (
            response.request.url if response.request else response.url
        )
        key = url_key(request_url)
        archive = self.archive
        if response.status == 304:
            archive.mark_fetched(key, url=request_url, site=self.site, outcome="article")
            archive.touch_article(key)
            self._count("warta/articles/not-modified")
            return
        if response.status in (404, 410) or (meta.get("revisit") and _is_home(response.url)):
            if archive.mark_taken_down(key):
                self._count("warta/articles/taken-down")
            archive.mark_fetched(
                key, url=request_url, site=self.site, outcome=f"gone:{response.status}"
            )
            return
        if "partial" in response.flags:
            # the connection closed before a body without Content-Length was complete
            self._count("warta/errors/partial-response")
            archive.mark_fetched(
                key, url=request_url, site=self.site, outcome="error:partial-response"
            )
            return
        if not self._is_html(response):
            self._count("warta/dropped/non-html")
            logger.info("%s: not an HTML page, skipped: %s", self.site, response.url)
            archive.mark_fetched(key, url=request_url, site=self.site, outcome="dropped:non-html")
            return
        raw, headers, fetched_at = self._extract(response)
        # a URL whose shape cannot tell, or a page that claims nothing: judged by what it shows
        channel = self.also_listed.pop(key, None) or meta.get("channel")
        kind = pages.recognise_page(raw, response.body, response.url, channel=channel)
        if kind == "listing" or (kind == "unknown" and _is_page_shaped(response.url)):
            for found in self._walk_candidate(response):
                yield found
        if kind != "listing" and raw.page_number > 1:  # a split article's later page
            self._count("warta/articles/later-page")
            archive.mark_fetched(key, url=request_url, site=self.site, outcome="later-page")
            first = Discovered(raw.page_urls[1], meta.get("channel") or "pagination", "article")
            for request in self.article_requests([first]):
                yield request
            return
        api_post = meta.get("api_post")
        if api_post:
            _use_api_fields(raw, api_post)
        if not raw.published_at and meta.get("listed_published_at"):
            raw.published_at = meta["listed_published_at"]
            raw.published_at_source = meta.get("listed_source")
        if not self._in_window(raw.published_at):
            self._count("warta/skipped/outside-window")
            archive.mark_fetched(key, url=request_url, site=self.site, outcome="outside-window")
            return
        item = self._article_item(response, raw, headers, fetched_at, channel=meta.get("channel"))
        if len(raw.page_urls) > 1:
            await self._read_later_pages(item)
        yield item

    async def _read_later_pages(self, item: ArticleItem) -> None:
        """Fetch a split article's later pages one after another and join their text to the
        item's (`join_pages`); each fetch goes through the downloader, so the portal's pacing,
        robots.txt and the address guard hold for it. A page that cannot be read, or that only
        repeats text already read, ends the article there (counted and logged)."""
        assert item.raw is not None
        split = SplitArticle(item, dict(item.raw.page_urls))
        while (number := split.next_page()) is not None:
            url = split.known[number]
            request = self._request(url, self.parse_article, kind="article-part",
                                    channel=item.discovered_via or "", dont_filter=True)  # fmt: skip
            try:
                response = await self.crawler.engine.download_async(request)
            except Exception as exc:  # refused, or no answer after the retries
                self._part_missing(url, getattr(exc, "kind", None) or type(exc).__name__)
                break
            if response.status != 200 or "partial" in response.flags or not self._is_html(response):
                self._part_missing(url, f"HTTP {response.status}" if response.status != 200
                                   else "not a whole HTML page")  # fmt: skip
                break
            raw, headers, fetched_at = self._extract(response)
            if not split.add(number, raw):
                self._count("warta/articles/part-repeated")
                logger.info("%s: %s repeats the article's text; not joined", self.site, url)
                break
            item.raw_parts.append(
                {"number": number, "url": url, "final_url": response.url, "status": response.status,
                 "headers": headers, "body": response.body, "fetched_at": fetched_at.isoformat()}
            )  # fmt: skip
        split.joined()
        if split.parts:  # stored with more than one page
            self._count("warta/articles/split")
            self._count("warta/articles/split-pages", len(split.parts) + 1)

    def _part_missing(self, url: str, why: str) -> None:
        self._count("warta/articles/part-missing")
        logger.warning("%s: cannot fetch %s, a later page of a split article (%s); the article is"
                       " stored with the pages before it", self.site, url, why)  # fmt: skip

    def _extract(self, response: Response) -> tuple[RawArticle, dict[str, str], datetime]:
        """The page's raw fields, its headers as text, and when it was fetched."""
        fetched_at = datetime.now(UTC).replace(microsecond=0)
        headers = {
            k.decode("latin-1"): b", ".join(v).decode("latin-1")
            for k, v in response.headers.items()
        }
        learned = self._learned_reading()
        raw = extract_page(response.body, response.url, headers=headers, fetched_at=fetched_at,
                           **learned)  # fmt: skip
        if learned["container_rule"] is not None and raw.container == learned["container_rule"]:
            self._count("warta/profiles/container-read")
        if learned["byline_rule"] in raw.byline_sources.values():
            self._count("warta/profiles/byline-read")
        return raw, headers, fetched_at

    def _learned_reading(self) -> ReadingRules:
        """The container rule and byline slot the portal's profile learned from its good pages."""
        crawler = getattr(self, "crawler", None)
        profiles = shared_profiles(crawler) if crawler is not None else None
        return reading_rules(profiles.profile_for(self.site) if profiles is not None else None)

    def _article_item(self, response: Response, raw: RawArticle, headers: dict[str, str],
                      fetched_at: datetime, *, channel: str | None) -> ArticleItem:  # fmt: skip
        return ArticleItem(
            url=response.url,
            site=self.site,
            province=self.province,
            regency=self.regency,
            discovered_via=channel,
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
        # crawler.crawl.middlewares.Refused names its outcome and has counted it already
        refused = getattr(failure.value, "kind", None) if failure.check(IgnoreRequest) else None
        if failure.check(HttpError):
            status = failure.value.response.status
            kind = f"http_{status}"
        elif refused:
            kind = refused
        else:
            kind = network_failure_kind(failure.value) or (
                failure.type.__name__ if failure.type else "error"
            )
        if meta.get("probe") and kind.startswith("http_"):
            self._count("warta/probes/missing")
            return
        if not refused:
            self._count(f"warta/errors/{kind}")
        # a refusal was logged where it was decided; other failures are news here
        logger.log(logging.DEBUG if refused else logging.WARNING,
                   "%s: cannot fetch %s (%s): %s", self.site, request.url, meta.get("kind"),
                   failure.getErrorMessage())  # fmt: skip
        if meta.get("kind") == "article" and kind != "requeued":
            # the URL asked for, not a later redirect hop; an old address of an article this run
            # fetches itself is no error
            asked = meta.get("redirect_urls", [request.url])[0]
            outcome = "redirected" if kind == "redirect-to-queued" else f"error:{kind}"
            self.archive.mark_fetched(url_key(asked), url=asked, site=self.site,
                                      outcome=outcome)  # fmt: skip


def _use_api_fields(raw: RawArticle, post: dict) -> None:
    """Structured fields the WordPress REST API gave for this post replace the page's guesses."""
    for name in WP_API_FIELDS:
        value = post.get(name)
        if value:
            setattr(raw, name, value)
            if name in ("published_at", "modified_at"):
                setattr(raw, f"{name}_source", "api")
    if "api:wp-post" not in raw.article_signals:
        raw.article_signals.append("api:wp-post")


def _articles_of_post_sitemap(sitemap_url: str, entries: list[Discovered]) -> list[Discovered]:
    """A post or news sitemap names articles whatever their URL shape (the home page that Yoast
    puts first in its post sitemap stays a listing)."""
    news = any(d.channel == "news-sitemap" for d in entries)
    if not (news or links.lists_articles(sitemap_url)):
        return entries
    return [
        replace(d, kind="article") if d.kind == "listing" and not _is_home(d.url) else d
        for d in entries
    ]


def _is_page_shaped(url: str) -> bool:
    """A URL only its page can tell (a section, a short slug): when the page is not recognised
    either, it is walked as sections were before URLs stopped deciding."""
    return links.classify_url(url) == "page"


def _is_home(url: str) -> bool:
    return urlsplit(url).path in ("", "/")
