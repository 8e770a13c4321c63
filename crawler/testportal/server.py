"""The test portal's routes: a router from request path to response (pure apart from its cache,
counters and gate); crawler.testportal.httpd serves it on loopback."""

from __future__ import annotations

import hashlib
import json
import re
import threading
from collections import Counter, OrderedDict
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from email.utils import parsedate_to_datetime
from urllib.parse import parse_qs, quote, unquote, urlsplit

from crawler.testportal import feeds
from crawler.testportal.formats import tanggal
from crawler.testportal.gate import Gate
from crawler.testportal.model import SPLIT_NEXTPAGE, Article
from crawler.testportal.paging import PAGE_PARAM, query_page
from crawler.testportal.portal import EpochState, Portal, Term
from crawler.testportal.postname import Postname
from crawler.testportal.showcase import PDF_PATH
from crawler.testportal.themes import Listing, theme_for

LISTING_SIZE = 10  # WordPress "Blog pages show at most" default
INDEX_SIZE = 30  # index pages of Indonesian portals list about thirty stories per screen
CACHE_BYTES = 64 * 1024 * 1024  # rendered responses kept per portal (about 2,000 article pages)
CONTROL_PREFIX = "/__control__/"
MAX_POST_BYTES = 1024 * 1024  # the portal takes no uploads; a comment form post is a few KiB
LOG_LIMIT = 500_000  # request-log entries kept per portal (a 5,000-article crawl makes ~15,000)

HTML = "text/html; charset=UTF-8"
XML = "application/xml; charset=UTF-8"
JSON_TYPE = "application/json; charset=UTF-8"

ARTICLE_WP = re.compile(r"^/(\d{4})/(\d{2})/(\d{2})/([^/]+)/(amp/)?$")
ARTICLE_WP_NO_SLASH = re.compile(r"^/(\d{4})/(\d{2})/(\d{2})/([^/]+)$")
ARTICLE_WP_PAGE = re.compile(r"^/(\d{4})/(\d{2})/(\d{2})/([^/]+)/(\d+)/$")
"""Page N of an article split by `<!--nextpage-->` (`/YYYY/MM/DD/slug/N/`)."""
ARTICLE_BLOGGER = re.compile(r"^/(\d{4})/(\d{2})/([^/]+)\.html$")
DATE_ARCHIVE = re.compile(r"^/(\d{4})/(?:(\d{2})/(?:(\d{2})/)?)?(?:page/(\d+)/)?$")
TERM_ARCHIVE = re.compile(r"^/(category|tag|author)/([^/]+)/(?:page/(\d+)/)?$")
TERM_FEED = re.compile(r"^/(category|tag)/([^/]+)/feed/$")
HOME_PAGE = re.compile(r"^/page/(\d+)/$")
CORE_SITEMAP = re.compile(
    r"^/wp-sitemap-(posts-post|posts-page|taxonomies-category|"
    r"taxonomies-post_tag|users)-(\d+)\.xml$"
)
YOAST_SITEMAP = re.compile(
    r"^/((?:post-sitemap\d*|page-sitemap|category-sitemap|"
    r"post_tag-sitemap|author-sitemap)\.xml)$"
)
REST_POST = re.compile(r"^/wp-json/wp/v2/posts/(\d+)/?$")

# The smallest valid images and PDF, so that linked files answer with real bytes.
GIF_PIXEL = bytes.fromhex(
    "47494638396101000100800000000000ffffff21f90401000000002c00000000010001000002024401003b"
)
PDF_BYTES = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]"
    b"/Count 1>>endobj\n3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\n"
    b"trailer<</Root 1 0 R>>\n%%EOF\n"
)


@dataclass
class Response:
    """One HTTP response of the portal."""

    status: int
    body: bytes = b""
    content_type: str = HTML
    headers: dict[str, str] = field(default_factory=dict)
    kind: str = "other"
    """Route kind for request statistics: article, amp, listing, feed, sitemap, api, robots, …"""
    last_modified: datetime | None = None
    etag: str = ""


def _page_number(text: str | None) -> int:
    return int(text) if text else 1


class Router:
    """Maps requests to responses for one portal; pure apart from its cache and counters."""

    def __init__(self, portal: Portal) -> None:
        self.portal = portal
        self.theme = Postname(portal) if portal.spec.theme == Postname.key else theme_for(portal)
        self._cache: OrderedDict[tuple[int, str], Response] = OrderedDict()
        self._cache_bytes = 0
        self._lock = threading.Lock()
        self.counts: Counter[str] = Counter()
        self.log: list[tuple[str, int]] = []
        self.gate = Gate()
        """Holds article requests on a test's command (`/__control__/gate`)."""

    # ---- entry point --------------------------------------------------------------------------

    def handle(self, method: str, target: str, headers: dict[str, str] | None = None) -> Response:
        """The response to `method target` (GET or HEAD) given request headers; never raises."""
        headers = {k.lower(): v for k, v in (headers or {}).items()}
        try:
            parts = urlsplit(target)
            path = unquote(parts.path) or "/"
            query = parts.query
            if path.startswith(CONTROL_PREFIX):
                return self._control(path, query)
            if method not in ("GET", "HEAD"):
                response = Response(
                    405, b"Method Not Allowed", "text/plain; charset=UTF-8", {"Allow": "GET, HEAD"}
                )
            else:
                response = self._cached(path, query)
        except Exception as exc:  # a fixture server answers 500 rather than dying
            response = Response(
                500, f"internal error: {exc!r}".encode(), "text/plain; charset=UTF-8"
            )
            path = target
        with self._lock:
            self.counts[response.kind] += 1
            self.counts["total"] += 1
            if len(self.log) < LOG_LIMIT:
                self.log.append((target, response.status))
        return _conditional(response, headers)

    def _cached(self, path: str, query: str) -> Response:
        epoch = self.portal.epoch
        normalised = query
        if self._is_article_path(path):  # any query serves the same page, bar a page number
            page = parse_qs(query).get(PAGE_PARAM)
            normalised = f"{PAGE_PARAM}={page[-1]}" if page else ""
        key = (epoch, f"{path}?{normalised}")
        with self._lock:
            hit = self._cache.get(key)
            if hit is not None:
                self._cache.move_to_end(key)
                return hit
        response = self._route(self.portal.state(epoch), path, query)
        if response.status in (200, 404) and not response.etag:
            response.etag = '"' + hashlib.sha1(response.body).hexdigest()[:24] + '"'
        with self._lock:
            self._cache[key] = response
            self._cache_bytes += len(response.body)
            while self._cache_bytes > CACHE_BYTES and self._cache:
                _, old = self._cache.popitem(last=False)
                self._cache_bytes -= len(old.body)
        return response

    def is_article_target(self, target: str) -> bool:
        """Is this request target (path and query) one of the portal's article pages?"""
        return self._is_article_path(unquote(urlsplit(target).path))

    def _is_article_path(self, path: str) -> bool:
        if self.portal.is_blogspot:
            return ARTICLE_BLOGGER.match(path) is not None
        return ARTICLE_WP.match(path) is not None or ARTICLE_WP_PAGE.match(path) is not None

    # ---- control ------------------------------------------------------------------------------

    def _control(self, path: str, query: str) -> Response:
        params = {k: v[-1] for k, v in parse_qs(query, keep_blank_values=True).items()}
        name = path[len(CONTROL_PREFIX) :].strip("/")
        if name == "epoch":
            if "set" in params:
                try:
                    epoch = int(params["set"])
                except ValueError:
                    epoch = 0
                if epoch not in (1, 2):
                    return _json(400, {"error": "epoch must be 1 or 2"}, "control")
                self.portal.epoch = epoch
            return _json(200, {"epoch": self.portal.epoch}, "control")
        if name == "requests":
            with self._lock:
                payload = {"counts": dict(self.counts), "log": [list(entry) for entry in self.log]}
                if params.get("reset"):
                    self.counts.clear()
                    self.log.clear()
            return _json(200, payload, "control")
        if name == "gate":
            try:
                if "close_after" in params:
                    self.gate.close_after(int(params["close_after"]))
                elif "barrier" in params:
                    self.gate.barrier(int(params["barrier"]))
                elif "open" in params:
                    self.gate.open()
            except ValueError:
                return _json(400, {"error": "close_after and barrier take a number"}, "control")
            return _json(200, self.gate.state(), "control")
        if name == "truth":
            epoch = int(params.get("epoch", self.portal.epoch) or 1)
            return _json(
                200,
                {
                    "articles": self.portal.truth(epoch),
                    "expected_drops": self.portal.expected_drops(epoch),
                    "changes": self.portal.changes(epoch),
                },
                "control",
            )
        return _json(404, {"error": f"unknown control {name!r}"}, "control")

    # ---- routing ------------------------------------------------------------------------------

    def _route(self, state: EpochState, path: str, query: str) -> Response:
        if path in state.gone:
            return self._gone(state, path)
        if path.endswith("/amp/") and path[: -len("amp/")] in state.gone:
            return self._gone(state, path[: -len("amp/")])
        if path.endswith((".jpg", ".jpeg", ".png", ".gif", ".webp", ".ico")):
            return Response(200, GIF_PIXEL, "image/gif", kind="media")
        if path == "/robots.txt":
            return Response(
                200,
                feeds.robots_txt(self.portal).encode(),
                "text/plain; charset=UTF-8",
                kind="robots",
            )
        if self.portal.is_blogspot:
            return self._route_blogger(state, path, query)
        return self._route_wordpress(state, path, query)

    def _gone(self, state: EpochState, path: str) -> Response:
        if state.gone[path] == 301:
            return Response(301, b"", HTML, {"Location": self.portal.url("/")}, kind="redirect")
        return self._not_found(state)

    def _not_found(self, state: EpochState) -> Response:
        return Response(404, self.theme.not_found_page(state).encode(), HTML, kind="not-found")

    def _article(
        self, state: EpochState, article: Article, amp: bool = False, page: int = 1
    ) -> Response:
        if amp:
            html = self.theme.amp_page(state, article)
        else:
            html = self.theme.article_page(state, article, page)
        content_type = "text/html" if "charset-lie" in article.flags else HTML
        headers = {}
        if not self.portal.is_blogspot:
            headers["Link"] = (
                f'<{self.portal.url("/wp-json/")}>; rel="https://api.w.org/", '
                f'<{self.portal.url(f"/wp-json/wp/v2/posts/{article.post_id}")}>; rel="alternate";'
                f' type="application/json", <{self.portal.url(f"/?p={article.post_id}")}>;'
                " rel=shortlink"
            )
        return Response(
            200,
            html.encode("utf-8"),
            content_type,
            headers,
            kind="amp" if amp else "article",
            last_modified=article.modified,
        )

    def _article_at(self, state: EpochState, article: Article, params: dict[str, str]) -> Response:
        """An article at its permalink, with the page a `?page=N` query asks for: served for the
        `?page=N` form (and a query permalink), 301 to `<permalink>N/` for `<!--nextpage-->`, 404
        past the last page; ignored on a one-page article (WordPress ignores unknown queries)."""
        number = query_page(params.get(PAGE_PARAM))
        if article.pages == 1 or number is None or number <= 1:
            return self._article(state, article)
        if number > article.pages:
            return self._not_found(state)
        if article.split == SPLIT_NEXTPAGE and "?" not in self.portal.article_path(article):
            location = self.portal.page_url(article, number)
            return Response(301, b"", HTML, {"Location": location}, kind="redirect")
        return self._article(state, article, page=number)

    def _article_page(self, state: EpochState, path: str) -> Response | None:
        """Page N of a `<!--nextpage-->` article at `<permalink>N/` (`/slug/1/`: 301 to the
        permalink; without the trailing slash: 301 to it), or None."""
        paged = state.page_paths.get(path)
        if paged is None:
            if not path.endswith("/") and f"{path}/" in state.page_paths:
                location = self.portal.url(f"{path}/")
                return Response(301, b"", HTML, {"Location": location}, kind="redirect")
            return None
        article, number = paged
        if number == 1:
            location = self.portal.article_url(article)
            return Response(301, b"", HTML, {"Location": location}, kind="redirect")
        return self._article(state, article, page=number)

    def _listing_response(self, state: EpochState, listing: Listing) -> Response:
        html = self.theme.listing_page(state, listing)
        headers = {}
        if not self.portal.is_blogspot:
            headers["Link"] = f'<{self.portal.url("/wp-json/")}>; rel="https://api.w.org/"'
        return Response(200, html.encode(), HTML, headers, kind="listing")

    def _paged_listing(
        self,
        state: EpochState,
        kind: str,
        title: str,
        items: list[Article],
        base_path: str,
        page: int,
        body_class: str,
        description: str = "",
    ) -> Response:
        total_pages = max(1, -(-len(items) // LISTING_SIZE))
        if page < 1 or page > total_pages or (not items and kind != "home"):
            return self._not_found(state)
        base = self.portal.url(base_path)

        def page_url(n: int) -> str:
            return base if n == 1 else f"{base}page/{n}/"

        listing = Listing(
            kind=kind,
            title=title,
            items=items[(page - 1) * LISTING_SIZE : page * LISTING_SIZE],
            page=page,
            total_pages=total_pages,
            canonical=page_url(page),
            prev_url=page_url(page - 1) if page > 1 else None,
            next_url=page_url(page + 1) if page < total_pages else None,
            description=description,
            body_class=body_class + (" paged" if page > 1 else ""),
        )
        return self._listing_response(state, listing)

    # ---- WordPress ----------------------------------------------------------------------------

    def _route_wordpress(self, state: EpochState, path: str, query: str) -> Response:
        params = {k: v[-1] for k, v in parse_qs(query, keep_blank_values=True).items()}
        portal = self.portal
        if state.page_paths and (paged := self._article_page(state, path)) is not None:
            return paged
        served = self.theme.serve(state, path, params)  # a theme's own permalinks and pages first
        if isinstance(served, Article):
            return self._article_at(state, served, params)
        if isinstance(served, Listing):
            return self._listing_response(state, served)
        if served is not None:
            return Response(served.status, served.body, served.content_type, served.headers,
                            kind=served.kind, last_modified=served.last_modified)  # fmt: skip
        if path == "/":
            if params.get("p", "").isdigit():
                return self._shortlink(state, int(params["p"]))
            return self._paged_listing(
                state, "home", portal.site.name, state.articles, "/", 1, "home blog"
            )
        match = ARTICLE_WP.match(path)
        if match:
            article = state.by_path.get(path[: -len("amp/")] if match.group(5) else path)
            if article is None:
                return self._not_found(state)
            if match.group(5):
                return self._article(state, article, amp=True)
            return self._article_at(state, article, params)
        match = ARTICLE_WP_NO_SLASH.match(path)
        if match and f"{path}/" in state.by_path:
            return Response(301, b"", HTML, {"Location": portal.url(f"{path}/")}, kind="redirect")
        if match := HOME_PAGE.match(path):
            return self._paged_listing(
                state,
                "home",
                portal.site.name,
                state.articles,
                "/",
                int(match.group(1)),
                "home blog",
            )
        if match := TERM_ARCHIVE.match(path):
            return self._term_listing(
                state, match.group(1), match.group(2), _page_number(match.group(3))
            )
        if match := DATE_ARCHIVE.match(path):
            return self._date_listing(state, match)
        if path == "/indeks" or path == "/indeks/":
            return self._index_page(state, params)
        if path == "/feed/":
            return self._rss(state, state.articles, "/feed/", _page_number(params.get("paged")))
        if match := TERM_FEED.match(path):
            terms = state.categories if match.group(1) == "category" else state.tags
            term = terms.get(match.group(2))
            if term is None:
                return self._not_found(state)
            return self._rss(
                state, term.articles, path, 1, f"{portal.site.name} &#187; {term.name}"
            )
        if path == "/comments/feed/":
            return self._xml(
                feeds.comments_rss(portal, state), "feed", "application/rss+xml; charset=UTF-8"
            )
        if path.startswith("/wp-json"):
            return self._rest(state, path, params)
        xml = self._wordpress_sitemap(state, path)
        if xml is not None:
            return xml
        for page in portal.corpus.pages:
            if path == portal.page_path(page):
                return Response(
                    200, self.theme.static_page(state, page).encode(), HTML, kind="page"
                )
        if path == PDF_PATH:
            return Response(200, PDF_BYTES, "application/pdf", kind="media")
        if path.startswith("/wp-admin"):
            return Response(403, b"Forbidden", "text/plain; charset=UTF-8", kind="other")
        return self._not_found(state)

    def _shortlink(self, state: EpochState, post_id: int) -> Response:
        for article in state.articles:
            if article.post_id == post_id:
                return Response(
                    301, b"", HTML, {"Location": self.portal.article_url(article)}, kind="redirect"
                )
        return self._not_found(state)

    def _term_listing(self, state: EpochState, kind: str, slug: str, page: int) -> Response:
        index = {"category": state.categories, "tag": state.tags, "author": state.authors}[kind]
        term: Term | None = index.get(slug)
        if term is None:
            return self._not_found(state)
        label = {"category": "Kategori", "tag": "Tag", "author": "Penulis"}[kind]
        description = term.person.bio if term.person else f"Berita terbaru seputar {term.name}"
        return self._paged_listing(
            state,
            kind,
            f"Arsip {label}: {term.name}" if kind != "author" else term.name,
            term.articles,
            f"/{kind}/{slug}/",
            page,
            f"archive {kind} {kind}-{slug}",
            description,
        )

    def _date_listing(self, state: EpochState, match: re.Match[str]) -> Response:
        year, month, day, page = match.groups()
        items = [
            a
            for a in state.articles
            if a.published.year == int(year)
            and (month is None or a.published.month == int(month))
            and (day is None or a.published.day == int(day))
        ]
        base = f"/{year}/" + (f"{month}/" if month else "") + (f"{day}/" if day else "")
        title = (
            year if month is None else f"{month}/{year}" if day is None else f"{day}/{month}/{year}"
        )
        return self._paged_listing(
            state, "date", f"Arsip Harian: {title}", items, base, _page_number(page), "archive date"
        )

    def _index_page(self, state: EpochState, params: dict[str, str]) -> Response:
        """`/indeks?date=YYYY-MM-DD[&page=N]`: all stories of a day, with previous/next days."""
        try:
            day = date.fromisoformat(params["date"]) if params.get("date") else state.clock.date()
        except ValueError:
            return self._not_found(state)
        page = _page_number(params.get("page")) if params.get("page", "1").isdigit() else 0
        items = state.by_day.get(day, [])
        total_pages = max(1, -(-len(items) // INDEX_SIZE))
        if page < 1 or page > total_pages:
            return self._not_found(state)
        oldest = state.articles[-1].published.date() if state.articles else day
        base = self.portal.url(f"/indeks?date={day.isoformat()}")

        def day_url(d: date) -> str:
            return self.portal.url(f"/indeks?date={d.isoformat()}")

        # older days are linked only while there are older stories: no endless calendar
        prev_url = day_url(day - timedelta(days=1)) if day > oldest else None
        next_url = day_url(day + timedelta(days=1)) if day < state.clock.date() else None
        if page < total_pages:
            next_url = f"{base}&page={page + 1}"
        listing = Listing(
            kind="indeks",
            title=f"Indeks Berita {tanggal(datetime(day.year, day.month, day.day))}",
            items=items[(page - 1) * INDEX_SIZE : page * INDEX_SIZE],
            page=page,
            total_pages=total_pages,
            canonical=base if page == 1 else f"{base}&page={page}",
            prev_url=prev_url,
            next_url=next_url,
            body_class="page-template page-template-indeks page",
        )
        return self._listing_response(state, listing)

    def _rss(
        self, state: EpochState, items: list[Article], path: str, page: int, title: str = ""
    ) -> Response:
        chunk = items[(page - 1) * feeds.FEED_ITEMS : page * feeds.FEED_ITEMS]
        if page < 1 or (page > 1 and not chunk):
            return self._not_found(state)
        self_url = self.portal.url(path if page == 1 else f"{path}?paged={page}")
        body = feeds.wordpress_rss(self.portal, state, chunk, self_url, title)
        newest = max((a.modified for a in chunk), default=None)
        return Response(
            200,
            body.encode(),
            "application/rss+xml; charset=UTF-8",
            kind="feed",
            last_modified=newest,
        )

    def _xml(
        self, body: str, kind: str, content_type: str = XML, last_modified: datetime | None = None
    ) -> Response:
        return Response(200, body.encode(), content_type, kind=kind, last_modified=last_modified)

    def _wordpress_sitemap(self, state: EpochState, path: str) -> Response | None:
        portal = self.portal
        newest = state.articles[0].modified if state.articles else None
        if path == "/wp-sitemap.xml":
            return self._xml(
                feeds.core_sitemap_index(portal, state), "sitemap", last_modified=newest
            )
        if match := CORE_SITEMAP.match(path):
            body = feeds.core_sitemap(portal, state, match.group(1), int(match.group(2)))
            return self._xml(body, "sitemap") if body else self._not_found(state)
        if path == "/sitemap_index.xml":
            return self._xml(feeds.yoast_index(portal, state), "sitemap", last_modified=newest)
        if path == "/sitemap.xml":
            return Response(
                301, b"", HTML, {"Location": portal.url("/sitemap_index.xml")}, kind="redirect"
            )
        if match := YOAST_SITEMAP.match(path):
            body = feeds.yoast_sitemap(portal, state, match.group(1))
            return self._xml(body, "sitemap") if body else self._not_found(state)
        if path == "/news-sitemap.xml":
            return self._xml(feeds.news_sitemap(portal, state), "sitemap", last_modified=newest)
        if path == "/sitemap-broken.xml":
            return self._xml(feeds.broken_sitemap(portal, state), "sitemap")
        if path == "/video-sitemap.xml":
            return Response(200, b"", XML, kind="sitemap")
        return None

    def _rest(self, state: EpochState, path: str, params: dict[str, str]) -> Response:
        portal = self.portal
        try:
            if path in ("/wp-json", "/wp-json/"):
                return Response(200, feeds.rest_index(portal).encode(), JSON_TYPE, kind="api")
            if path.rstrip("/") == "/wp-json/wp/v2/posts":
                body, headers = feeds.rest_posts(portal, state, params)
                return Response(200, body.encode(), JSON_TYPE, headers, kind="api")
            if match := REST_POST.match(path):
                post_id = int(match.group(1))
                for article in state.articles:
                    if article.post_id == post_id:
                        post = feeds.rest_post(portal, state, article, "_embed" in params)
                        return Response(
                            200,
                            json.dumps(post, ensure_ascii=False).encode(),
                            JSON_TYPE,
                            kind="api",
                            last_modified=article.modified,
                        )
                raise feeds.RestError(404, "rest_post_invalid_id", "Invalid post ID.")
            if path.rstrip("/") in ("/wp-json/wp/v2/categories", "/wp-json/wp/v2/tags"):
                taxonomy = "category" if path.rstrip("/").endswith("categories") else "post_tag"
                body, headers = feeds.rest_terms(portal, state, taxonomy, params)
                return Response(200, body.encode(), JSON_TYPE, headers, kind="api")
            if path.rstrip("/") == "/wp-json/wp/v2/users":
                return Response(
                    200, feeds.rest_users(portal, state).encode(), JSON_TYPE, kind="api"
                )
            raise feeds.RestError(
                404, "rest_no_route", "No route was found matching the URL and request method."
            )
        except feeds.RestError as error:
            return Response(error.status, error.body().encode(), JSON_TYPE, kind="api")

    # ---- Blogspot -----------------------------------------------------------------------------

    def _route_blogger(self, state: EpochState, path: str, query: str) -> Response:
        params = {k: v[-1] for k, v in parse_qs(query, keep_blank_values=True).items()}
        portal = self.portal
        if path == "/":
            return self._blogger_listing(
                state, "home", portal.site.name, state.articles, params, "/search"
            )
        if match := ARTICLE_BLOGGER.match(path):
            article = state.by_path.get(path)
            if article is None:
                return self._not_found(state)
            return self._article(state, article)
        if path == "/search":
            return self._blogger_listing(
                state, "search", "Postingan", state.articles, params, "/search"
            )
        if path.startswith("/search/label/"):
            label = path[len("/search/label/") :]
            items = [a for a in state.articles if label in portal.labels_of(a)]
            if not items:
                return self._not_found(state)
            return self._blogger_listing(
                state,
                "label",
                f"Menampilkan postingan dengan label {label}",
                items,
                params,
                f"/search/label/{quote(label)}",
            )
        if match := re.match(r"^/(\d{4})/(?:(\d{2})/)?$", path):
            year, month = match.groups()
            items = [
                a
                for a in state.articles
                if a.published.year == int(year)
                and (month is None or a.published.month == int(month))
            ]
            if not items:
                return self._not_found(state)
            listing = Listing(
                kind="archive",
                title=f"Postingan dari {month + '/' if month else ''}{year}",
                items=items,
                canonical=portal.url(path),
            )
            return self._listing_response(state, listing)
        if path in ("/feeds/posts/default", "/feeds/posts/summary"):
            return self._blogger_feed(state, path, params)
        if path == "/sitemap.xml":
            number = params.get("page")
            body = feeds.blogger_sitemap(
                portal, state, int(number) if number and number.isdigit() else None
            )
            return self._xml(body, "sitemap") if body else self._not_found(state)
        if path == "/sitemap-pages.xml":
            return self._xml(feeds.blogger_pages_sitemap(portal), "sitemap")
        for page in portal.corpus.pages:
            if path == portal.page_path(page):
                return Response(
                    200, self.theme.static_page(state, page).encode(), HTML, kind="page"
                )
        return self._not_found(state)

    def _blogger_listing(
        self,
        state: EpochState,
        kind: str,
        title: str,
        items: list[Article],
        params: dict[str, str],
        base_path: str,
    ) -> Response:
        """Blogger's `updated-max` pagination: posts older than the last one shown."""
        try:
            per_page = max(1, min(int(params.get("max-results", LISTING_SIZE)), 50))
        except ValueError:
            per_page = LISTING_SIZE
        if params.get("updated-max"):
            try:
                limit = datetime.fromisoformat(params["updated-max"].replace(" ", "+"))
            except ValueError:
                return self._not_found(state)
            if limit.tzinfo is None:
                limit = limit.replace(tzinfo=self.portal.site.tz)
            items = [a for a in items if a.published < limit]
        chunk = items[:per_page]
        next_url = None
        if len(items) > per_page:
            last = chunk[-1].published.isoformat(timespec="seconds")
            next_url = self.portal.url(
                f"{base_path}?updated-max={quote(last, safe='')}&max-results={per_page}"
            )
        listing = Listing(
            kind=kind,
            title=title,
            items=chunk,
            canonical=self.portal.url(base_path if kind != "home" else "/"),
            prev_url=None,
            next_url=next_url,
        )
        return self._listing_response(state, listing)

    def _blogger_feed(self, state: EpochState, path: str, params: dict[str, str]) -> Response:
        fmt = params.get("alt", "atom")
        if fmt not in ("atom", "rss", "json"):
            return Response(400, b"Invalid alt parameter", "text/plain; charset=UTF-8", kind="feed")
        try:
            start = int(params.get("start-index", 1))
            per_page = int(params.get("max-results", feeds.BLOGGER_DEFAULT_RESULTS))
        except ValueError:
            return Response(400, b"Invalid parameter", "text/plain; charset=UTF-8", kind="feed")
        start = max(1, start)
        per_page = max(1, min(per_page, feeds.BLOGGER_MAX_RESULTS))
        items = list(state.articles)
        for name, keep in (
            ("published-min", lambda a, t: a.published >= t),
            ("published-max", lambda a, t: a.published < t),
        ):
            if params.get(name):
                try:
                    moment = datetime.fromisoformat(params[name].replace(" ", "+"))
                except ValueError:
                    return Response(400, b"Invalid date", "text/plain; charset=UTF-8", kind="feed")
                if moment.tzinfo is None:
                    moment = moment.replace(tzinfo=self.portal.site.tz)
                items = [a for a in items if keep(a, moment)]
        if params.get("orderby") == "updated":
            items.sort(key=lambda a: a.modified, reverse=True)
        chunk = items[start - 1 : start - 1 + per_page]
        content_type, body = feeds.blogger_feed(
            self.portal,
            state,
            chunk,
            total=len(items),
            start=start,
            per_page=per_page,
            fmt=fmt,
            summary=path.endswith("summary"),
            base_path=path,
        )
        return Response(
            200,
            body.encode(),
            content_type,
            kind="feed",
            last_modified=max((a.modified for a in chunk), default=None),
        )


def _json(status: int, payload: object, kind: str) -> Response:
    return Response(status, json.dumps(payload, ensure_ascii=False).encode(), JSON_TYPE, kind=kind)


def _not_modified(response: Response) -> Response:
    """The 304 answer to a conditional GET for `response`: no body, the same validators."""
    return Response(
        304,
        b"",
        response.content_type,
        dict(response.headers),
        kind=response.kind,
        last_modified=response.last_modified,
        etag=response.etag,
    )


def _conditional(response: Response, headers: dict[str, str]) -> Response:
    """A 304 when the request's validators match (If-None-Match first, then If-Modified-Since)."""
    if response.status != 200:
        return response
    if_none_match = headers.get("if-none-match")
    if if_none_match is not None:
        tags = {t.strip() for t in if_none_match.split(",")}
        if response.etag and (response.etag in tags or "*" in tags or f"W/{response.etag}" in tags):
            return _not_modified(response)
        return response
    since = headers.get("if-modified-since")
    if since and response.last_modified is not None:
        try:
            when = parsedate_to_datetime(since)
        except (TypeError, ValueError):
            return response
        if when.tzinfo is not None and response.last_modified.replace(microsecond=0) <= when:
            return _not_modified(response)
    return response
