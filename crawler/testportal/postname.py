"""The `postname` theme: a portal whose URLs do not say what a page is.

Posts live at short slugs under sections (`/berita/banjir-garut/`), at the root, at `/read/<id>/`
and at `/?p=<id>` (crawler/testportal/permalinks.py), beside listing pages of the same shapes that
are not articles: section fronts that claim `og:type=article`, one that is a bare index of links
without any markup, an editor's pick showing one full post
with that post's NewsArticle JSON-LD, a popular-posts page, search results, a tag page whose only
post brings its JSON-LD, author and date archives. Some posts carry no markup at all (no OpenGraph,
no JSON-LD, no single-post classes): only their text says they are articles. Among the posts a
hostile portal's faults (FAULTS): a 500, an empty 200, a soft 404, a redirect home, a deleted post.
The feed lists every post, so each channel alone reaches them all.
"""

from __future__ import annotations

import json
import re
from urllib.parse import quote

from crawler.testportal import feeds
from crawler.testportal.formats import iso, tanggal
from crawler.testportal.model import Article
from crawler.testportal.permalinks import (
    FAULTS,
    PICK_PATH,
    POPULAR_PATH,
    SECTIONS,
    SHORT_SLUG_THEME,
    shape_of,
)
from crawler.testportal.portal import EpochState
from crawler.testportal.themes import Listing, Plain, Served, e

HTML = "text/html; charset=UTF-8"
RSS = "application/rss+xml; charset=UTF-8"

SECTION_SIZE = 10  # WordPress "Blog pages show at most" default, as the router's listings
INDEX_SIZE = 5  # the plain index of the last section pages on early, so its walk is seen
INDEX_SECTION = "daerah"
"""The section whose front is a bare index: a list of links, no headlines, no markup at all."""
POPULAR_SIZE = 5  # popular-posts boxes show five
PICK_POSITION = 2  # the editor's pick: the third newest post
BARE_EVERY = 7
"""Every seventh post (by id) is printed without OpenGraph, JSON-LD or single-post body classes."""

SEARCHES = ("banjir", "jalan")
"""Search terms the header links (`/?s=banjir`): WordPress search result pages."""

__all__ = ["FAULTS", "PICK_PATH", "POPULAR_PATH", "Postname", "is_bare"]

MOVED_PREFIX = "/lama/"
"""Old addresses (`/lama/<post id>/`, the CMS before WordPress) that answer 301 with the post's
permalink; the post sitemap, the feed and the ticker still list the newest section post's one
beside its permalink."""

SECTION_PAGE = re.compile(r"^/(" + "|".join(SECTIONS) + r")/(?:page/(\d+)/)?$")


def is_bare(article: Article) -> bool:
    """Whether a post is printed without any article markup (only its text says what it is)."""
    return article.post_id % BARE_EVERY == 0


class Postname(Plain):
    """Twenty Twenty-One markup on short-slug permalinks, with listings that are not articles."""

    key = SHORT_SLUG_THEME

    # ---- routes of its own -------------------------------------------------------------------

    def serve(
        self, state: EpochState, path: str, params: dict[str, str]
    ) -> Article | Listing | Served | None:
        """Posts at their permalinks, section fronts, the pick, popular and search pages, the
        feed and post sitemap with every post, and the faults."""
        if path in FAULTS:
            return self._fault(state, path)
        if path.startswith(MOVED_PREFIX):
            return self._moved_post(state, path)
        if path == "/":
            if params.get("s"):
                return self._search(params["s"], state)
            if params.get("p", "").isdigit():
                return self._query_post(state, f"/?p={int(params['p'])}")
            return None
        article = state.by_path.get(path)
        if article is not None:
            return article
        if match := SECTION_PAGE.match(path):
            return self._section(state, match.group(1), int(match.group(2) or 1))
        if path == PICK_PATH:
            return Listing("pick", "Pilihan Redaksi", state.articles[PICK_POSITION:][:1],
                           canonical=self.url(PICK_PATH), body_class="pilihan-redaksi")  # fmt: skip
        if path == POPULAR_PATH:
            return Listing("popular", "Terpopuler", self.popular(state)[:POPULAR_SIZE],
                           canonical=self.url(POPULAR_PATH), body_class="terpopuler")  # fmt: skip
        if path == "/feed/":
            return self._feed(state)
        if path == "/post-sitemap.xml":
            return self._post_sitemap(state)
        return None

    def _fault(self, state: EpochState, path: str) -> Served:
        if path.startswith("/berita/gangguan"):
            return Served(500, b"<html><body><h1>500 Internal Server Error</h1></body></html>",
                          kind="fault")  # fmt: skip
        if path.startswith("/news/halaman"):
            return Served(200, b"", kind="fault")
        if path.startswith("/news/pindah"):
            return Served(301, headers={"Location": self.url("/")}, kind="fault")
        status = 404 if path.startswith("/read/") else 200
        return Served(status, self.not_found_page(state).encode(), kind="fault")

    def moved(self, state: EpochState) -> dict[str, Article]:
        """Old addresses still listed, each with the post it moved to (the newest section post)."""
        posts = [a for a in state.articles if shape_of(a) == SECTIONS[0]][:1]
        return {f"{MOVED_PREFIX}{a.post_id}/": a for a in posts}

    def _listed_oddities(self, state: EpochState) -> list[tuple[str, str]]:
        """(path, link text) of what the sitemap, the feed and the ticker list beside the posts:
        the faults and the old addresses."""
        moved = ((path, post.title) for path, post in self.moved(state).items())
        return [*FAULTS.items(), *moved]

    def _moved_post(self, state: EpochState, path: str) -> Served | None:
        """An old address: 301 to its post's permalink (any post id's, as a CMS redirect map)."""
        post_id = path[len(MOVED_PREFIX) :].strip("/")
        target = next((a for a in state.articles if str(a.post_id) == post_id), None)
        if target is None:
            return None
        return Served(301, headers={"Location": self.link(target)}, kind="redirect")

    def _query_post(self, state: EpochState, path: str) -> Article | Served | None:
        """A post at `/?p=ID`; a removed one answers 404, a moved one 301 home (the router's
        `gone` paths hold no query)."""
        gone = state.gone.get(path)
        if gone == 404:
            return Served(404, self.not_found_page(state).encode(), kind="not-found")
        if gone == 301:
            return Served(301, headers={"Location": self.url("/")}, kind="redirect")
        return state.by_path.get(path)  # None: the router's shortlink to the permalink

    def _section(self, state: EpochState, section: str, page: int) -> Listing | None:
        items = [a for a in state.articles if shape_of(a) == section]
        size = INDEX_SIZE if section == INDEX_SECTION else SECTION_SIZE
        total = max(1, -(-len(items) // size))
        if not items or not 1 <= page <= total:
            return None

        def page_url(n: int) -> str:
            return self.url(f"/{section}/" if n == 1 else f"/{section}/page/{n}/")

        return Listing(
            kind="index" if section == INDEX_SECTION else "section",
            title=section.capitalize(),
            items=items[(page - 1) * size : page * size],
            page=page,
            total_pages=total,
            canonical=page_url(page),
            prev_url=page_url(page - 1) if page > 1 else None,
            next_url=page_url(page + 1) if page < total else None,
            body_class="section-front",
        )

    def _search(self, query: str, state: EpochState) -> Listing:
        wanted = query.casefold()
        items = [a for a in state.articles if wanted in a.title.casefold()][:SECTION_SIZE]
        return Listing(
            kind="search",
            title=f"Hasil pencarian untuk: {query}",
            items=items,
            canonical=self.url(f"/?s={quote(query)}"),
            body_class="search search-results",
        )

    def _feed(self, state: EpochState) -> Served:
        """RSS of every post (the portal set "Syndication feeds show the most recent" high), the
        faults among them as a careless feed plugin lists them."""
        body = feeds.wordpress_rss(self.portal, state, state.articles, self.url("/feed/"))
        listed = self._listed_oddities(state)
        faults = "".join(
            f"<item>\n<title>{e(title)}</title>\n<link>{self.url(path)}</link>\n</item>\n"
            for path, title in listed
        )
        body = body.replace("</channel>", faults + "</channel>")
        newest = max((a.modified for a in state.articles), default=None)
        return Served(200, body.encode(), RSS, kind="feed", last_modified=newest)

    def _post_sitemap(self, state: EpochState) -> Served:
        """Yoast's post sitemap with every post, the faults listed too."""
        body = feeds.yoast_sitemap(self.portal, state, "post-sitemap.xml") or ""
        listed = self._listed_oddities(state)
        faults = "".join(f"<url><loc>{self.url(path)}</loc></url>\n" for path, _ in listed)
        body = body.replace("</urlset>", faults + "</urlset>")
        return Served(200, body.encode(), "application/xml; charset=UTF-8", kind="sitemap")

    # ---- chrome and pages ----------------------------------------------------------------------

    def _header(self, state: EpochState) -> str:
        """The default header, then a row of sections, the pick, popular, searches and a ticker of
        the latest links (the faults among them)."""
        links = [(self.url(f"/{s}/"), s.capitalize()) for s in SECTIONS]
        links += [(self.url(PICK_PATH), "Pilihan Redaksi"), (self.url(POPULAR_PATH), "Terpopuler")]
        links += [(self.url(f"/?s={q}"), f"Cari: {q}") for q in SEARCHES]
        row = "".join(f'<li class="menu-item"><a href="{h}">{e(t)}</a></li>' for h, t in links)
        listed = self._listed_oddities(state)
        ticker = "".join(
            f'<li><a href="{self.url(path)}">{e(title)}</a></li>' for path, title in listed
        )
        return (
            f'{super()._header(state)}<div class="section-menu"><ul class="section-list">{row}'
            f'</ul></div><div class="ticker"><span>Kabar kilat:</span><ul>{ticker}</ul></div>'
        )

    def item_href(self, article: Article, position: int, source: str) -> str:
        """A listing link; tracking parameters join a `?p=` link's query with `&`."""
        href = super().item_href(article, position, source)
        url = self.link(article)
        return href if "?" not in url else href.replace(f"{url}?", f"{url}&", 1)

    def listing_page(self, state: EpochState, listing: Listing) -> str:
        """Section fronts, the pick and the popular page in their own markup; archives and
        search results as the default theme prints them."""
        if listing.kind == "section":
            return self._teaser_page(state, listing, og_type="article")
        if listing.kind == "index":
            return self._index_page(state, listing)
        if listing.kind == "popular":
            return self._teaser_page(state, listing, og_type="website")
        if listing.kind == "pick":
            return self._pick_page(state, listing)
        return super().listing_page(state, listing)

    def listing_head(self, listing: Listing) -> str:
        """The default head; a tag page with one post also prints that post's NewsArticle (an SEO
        plugin's habit)."""
        head = super().listing_head(listing)
        if listing.kind == "tag" and len(listing.items) == 1:
            head += "\n" + self._post_jsonld(listing.items[0])
        return head

    def _post_jsonld(self, article: Article) -> str:
        url = self.link(article)
        data = {
            "@context": "https://schema.org",
            "@type": "NewsArticle",
            "url": url,
            "mainEntityOfPage": {"@type": "WebPage", "@id": url},
            "headline": article.title,
            "datePublished": iso(article.published),
            "dateModified": iso(article.modified),
            "author": {"@type": "Person", "name": article.account.display},
        }
        payload = json.dumps(data, ensure_ascii=False).replace("</", "<\\/")
        return f'<script type="application/ld+json">{payload}</script>'

    def _head(self, listing: Listing, og_type: str, extra: str = "") -> str:
        rel = "".join(
            f'<link rel="{name}" href="{e(target)}">\n'
            for name, target in (("prev", listing.prev_url), ("next", listing.next_url))
            if target
        )
        title = f"{listing.title} - {self.site.name}"
        return (
            f'<meta charset="UTF-8">\n<title>{e(title)}</title>\n'
            f'<link rel="canonical" href="{e(listing.canonical)}">\n{rel}'
            f'<meta property="og:type" content="{og_type}">\n'
            f'<meta property="og:title" content="{e(title)}">\n'
            f'<meta property="og:url" content="{e(listing.canonical)}">\n'
            f"{extra}{self.feed_links()}\n{self.stylesheet}"
        )

    def _teaser_page(self, state: EpochState, listing: Listing, og_type: str) -> str:
        """A section front or popular page: teasers with excerpts, no WordPress archive classes
        (a page builder's template), the section front claiming `og:type=article`."""
        items = "".join(
            f'<div class="kabar-item"><h2 class="kabar-title"><a href="'
            f'{e(self.item_href(a, i, "section"))}">{e(a.title)}</a></h2><time datetime="'
            f'{iso(a.published)}">{tanggal(a.published)}</time><p>{e(a.excerpt)}</p></div>'
            for i, a in enumerate(listing.items)
        )
        pager = (
            f'<div class="kabar-pager"><a class="next page-numbers" href="{e(listing.next_url)}">'
            "Berikutnya</a></div>"
            if listing.next_url
            else ""
        )
        main = (
            f'<h1 class="page-title">{e(listing.title)}</h1><p>Kabar terbaru rubrik '
            f'{e(listing.title)} dari {e(self.site.name)}.</p><div class="kabar-list">{items}'
            f"</div>{pager}"
        )
        return self.document(state, self._head(listing, og_type), listing.body_class, main)

    def _index_page(self, state: EpochState, listing: Listing) -> str:
        """A bare index: one link per line with its date, no headlines, no OpenGraph, no JSON-LD,
        no archive classes (what an older CMS prints): neither an article nor a listing by its
        markup."""
        rows = "".join(
            f'<li><a href="{e(self.item_href(a, i, "indeks"))}">{e(a.title)}</a> '
            f"<span>{tanggal(a.published)}</span></li>"
            for i, a in enumerate(listing.items)
        )
        pager = (
            f'<a class="next page-numbers" href="{e(listing.next_url)}">Berikutnya</a>'
            if listing.next_url
            else ""
        )
        main = f'<div class="indeks"><b>{e(listing.title)}</b><ul>{rows}</ul>{pager}</div>'
        head = (
            f'<meta charset="UTF-8">\n<title>{e(listing.title)} - {e(self.site.name)}</title>\n'
            f"{self.stylesheet}"
        )
        return self.document(state, head, listing.body_class, main)

    def _pick_page(self, state: EpochState, listing: Listing) -> str:
        """The editor's pick: one post in full under its linked headline, with that post's
        NewsArticle and `og:type=article` in the head; the page itself is a listing."""
        if not listing.items:
            return self.not_found_page(state)
        article = listing.items[0]
        content, _ = self.portal.content(article, state.epoch)
        main = (
            f'<h1 class="page-title">{e(listing.title)}</h1><article class="pick-item">'
            f'<h2 class="entry-title"><a href="{self.link(article)}">{e(article.title)}</a></h2>'
            f'<time datetime="{iso(article.published)}">{tanggal(article.published)}</time>'
            f'<div class="entry-content">{content}</div></article>'
        )
        head = self._head(listing, "article", self._post_jsonld(article) + "\n")
        return self.document(state, head, listing.body_class, main)

    def article_head(
        self, state: EpochState, article: Article, url: str, canonical: str | None = None
    ) -> str:
        """The default head; a bare post's head has its title, description, author and canonical
        only (no OpenGraph, no JSON-LD)."""
        if not is_bare(article):
            return super().article_head(state, article, url, canonical)
        return (
            f'<meta charset="UTF-8">\n<title>{e(article.title)} - {e(self.site.name)}</title>\n'
            f'<meta name="description" content="{e(article.excerpt)}">\n'
            f'<meta name="author" content="{e(article.account.display)}">\n'
            f'<link rel="canonical" href="{canonical or url}">\n{self.feed_links()}\n'
            f"{self.stylesheet}"
        )

    def body_class_single(self, article: Article) -> str:
        """Single-post classes; a bare post's template prints none."""
        return "kabar-detail" if is_bare(article) else super().body_class_single(article)
