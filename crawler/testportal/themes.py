"""HTML chromes of the test portal: JNews, Newspaper (tagDiv), a plain WordPress theme, Blogspot.

Each theme wraps the stored body ("the_content") in the structure its real counterpart prints:
head metadata (JSON-LD, OpenGraph, article:*), menus, sidebars, share buttons, tags, author box,
related posts, comments and footer. Off-portal links point at reserved `.invalid` hosts only.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from html import escape
from urllib.parse import quote

from crawler.testportal.formats import MONTHS, iso, tanggal, tanggal_lengkap
from crawler.testportal.model import Article, Comment, StaticPage, slugify
from crawler.testportal.portal import EpochState, Portal, Term

WP_VERSION = "6.4.3"
SIDEBAR_ITEMS = 5  # JNews and tagDiv sidebars show five popular / recent posts by default
TAG_CLOUD_SIZE = 15  # the WordPress tag-cloud widget's default shows up to 45; themes trim it
MENU_CATEGORIES = 9  # main menus of regional portals list about eight to ten sections
RELATED_POSTS = 4  # JNews and tagDiv related-post blocks show three to six posts


def e(text: object) -> str:
    """HTML-escape text for element content and attribute values."""
    return escape(str(text), quote=True)


def _json_ld(data: object, css_class: str = "") -> str:
    klass = f' class="{css_class}"' if css_class else ""
    # "</" never appears inside a script element's JSON
    payload = json.dumps(data, ensure_ascii=False).replace("</", "<\\/")
    return f'<script type="application/ld+json"{klass}>{payload}</script>'


def _person_id(base: str, name: str) -> str:
    return f"{base}/#/schema/person/{hashlib.md5(name.encode()).hexdigest()}"


@dataclass
class Listing:
    """A listing page: home, category, tag, author, date archive, index or Blogspot search."""

    kind: str
    title: str
    items: list[Article]
    page: int = 1
    total_pages: int = 1
    canonical: str = ""
    prev_url: str | None = None
    next_url: str | None = None
    description: str = ""
    body_class: str = "archive"


@dataclass
class Served:
    """A response a theme gives itself before the router's (a feed of its own, a fault)."""

    status: int
    body: bytes = b""
    content_type: str = "text/html; charset=UTF-8"
    kind: str = "other"
    """Route kind for the request statistics (as the router's: article, listing, feed, ...)."""
    headers: dict[str, str] = field(default_factory=dict)
    last_modified: datetime | None = None


SHARE_NETWORKS = (
    ("facebook", "Facebook", "https://facebook.invalid/sharer.php?u={u}"),
    ("twitter", "Twitter", "https://twitter.invalid/intent/tweet?text={t}&url={u}"),
    ("whatsapp", "WhatsApp", "whatsapp://send?text={t}%20{u}"),
    ("telegram", "Telegram", "https://telegram.invalid/share/url?url={u}&text={t}"),
)


class Theme:
    """The parts all four chromes share: head metadata, structured data, comments, caches."""

    name = "base"
    stylesheet = ""

    def __init__(self, portal: Portal) -> None:
        self.portal = portal
        self.site = portal.site
        self._cache: dict[tuple[int, str], str] = {}
        self._neighbours: dict[int, dict[str, int]] = {}
        self._term_positions: dict[tuple[int, int], dict[str, int]] = {}

    # ---- shared data ------------------------------------------------------------------------

    def cached(self, state: EpochState, key: str, build) -> str:
        """A chrome fragment built once per epoch (menus, sidebars, footers)."""
        slot = (state.epoch, key)
        if slot not in self._cache:
            self._cache[slot] = build(state)
        return self._cache[slot]

    def url(self, path: str) -> str:
        """Absolute URL on the portal."""
        return self.portal.url(path)

    def link(self, article: Article) -> str:
        """The article's permalink."""
        return self.portal.article_url(article)

    def index_of(self, state: EpochState, article: Article) -> int:
        """Position of an article in the epoch's newest-first list."""
        if state.epoch not in self._neighbours:
            self._neighbours[state.epoch] = {a.key: i for i, a in enumerate(state.articles)}
        return self._neighbours[state.epoch].get(article.key, 0)

    def prev_next(
        self, state: EpochState, article: Article
    ) -> tuple[Article | None, Article | None]:
        """(older, newer) neighbours for previous / next post links."""
        i = self.index_of(state, article)
        older = state.articles[i + 1] if i + 1 < len(state.articles) else None
        newer = state.articles[i - 1] if i > 0 else None
        return older, newer

    def related(self, state: EpochState, article: Article) -> list[Article]:
        """Posts of the same first category near this one (the theme's related-posts block)."""
        names = article.categories or article.tags
        if not names:
            return []
        term = state.categories.get(slugify(names[0])) or state.tags.get(slugify(names[0]))
        pool = term.articles if term else state.articles
        slot = (state.epoch, id(pool))
        positions = self._term_positions.get(slot)
        if positions is None:
            positions = {a.key: i for i, a in enumerate(pool)}
            self._term_positions[slot] = positions
        i = positions.get(article.key, 0)
        around = pool[i + 1 : i + 1 + RELATED_POSTS] + pool[max(0, i - RELATED_POSTS) : i]
        return [a for a in around if a.key != article.key][:RELATED_POSTS]

    def popular(self, state: EpochState) -> list[Article]:
        """The "popular posts" widget: most commented among the 60 newest."""
        recent = state.articles[:60]  # popularity plugins count views of the last weeks only
        return sorted(recent, key=lambda a: (-len(a.comments), -a.published.timestamp()))[
            :SIDEBAR_ITEMS
        ]

    def menu(self, state: EpochState) -> list[Term]:
        """The main menu's categories, biggest first."""
        terms = sorted(state.categories.values(), key=lambda t: (-len(t.articles), t.name))
        return terms[:MENU_CATEGORIES]

    def tag_cloud(self, state: EpochState) -> list[Term]:
        """The tag-cloud widget's tags."""
        terms = sorted(state.tags.values(), key=lambda t: (-len(t.articles), t.name))
        return sorted(terms[:TAG_CLOUD_SIZE], key=lambda t: t.name)

    def months(self, state: EpochState) -> list[tuple[int, int, int]]:
        """(year, month, count) for the archives widget, newest first."""
        counts: dict[tuple[int, int], int] = {}
        for article in state.articles:
            ym = (article.published.year, article.published.month)
            counts[ym] = counts.get(ym, 0) + 1
        return [(y, m, n) for (y, m), n in sorted(counts.items(), reverse=True)]

    # ---- head ---------------------------------------------------------------------------------

    def feed_links(self) -> str:
        """`<link rel=alternate>` to the portal's feeds (autodiscovery)."""
        name = e(self.site.name)
        return (
            f'<link rel="alternate" type="application/rss+xml" title="{name} &raquo; Feed"'
            f' href="{self.url("/feed/")}">\n'
            f'<link rel="alternate" type="application/rss+xml" title="{name} &raquo; Umpan'
            f' Komentar" href="{self.url("/comments/feed/")}">'
        )

    def wp_links(self, post_id: int | None = None) -> str:
        """The REST, RSD, generator and shortlink tags every WordPress head carries."""
        parts = [
            f'<link rel="https://api.w.org/" href="{self.url("/wp-json/")}">',
            f'<link rel="EditURI" type="application/rsd+xml" title="RSD"'
            f' href="{self.url("/xmlrpc.php?rsd")}">',
            f'<meta name="generator" content="WordPress {WP_VERSION}">',
        ]
        if post_id:
            parts.append(
                f'<link rel="alternate" type="application/json"'
                f' href="{self.url(f"/wp-json/wp/v2/posts/{post_id}")}">'
            )
            parts.append(f'<link rel="shortlink" href="{self.url(f"/?p={post_id}")}">')
        return "\n".join(parts)

    def jsonld_author(self, article: Article) -> dict[str, str]:
        """Who the structured data names as author (sometimes the site or the editor: traps)."""
        mode = article.jsonld_author
        if mode == "site":
            return {"@type": "Organization", "name": self.site.name, "url": self.url("/")}
        if mode == "editor" and article.editor:
            return {"@type": "Person", "name": article.editor}
        if mode == "reporter":
            reporter = article.box if article.box else article.account
            if article.authors and not reporter.is_person:
                return {"@type": "Person", "name": article.authors[0]}
            return {"@type": "Person", "name": reporter.display}
        account = article.account
        return {
            "@type": "Person",
            "name": account.display,
            "url": self.url(f"/author/{account.slug}/"),
        }

    def article_jsonld(self, state: EpochState, article: Article, url: str) -> str:
        """JSON-LD for an article page in the article's style (Yoast @graph, plain, both, none)."""
        if "false-z" in article.flags or article.jsonld == "none":
            return ""
        base = self.url("")
        image = self.url(article.image)
        author = self.jsonld_author(article)
        published, modified = iso(article.published), iso(article.modified)
        parts = []
        if article.jsonld in ("yoast", "both"):
            person_id = _person_id(base, author["name"])
            author_ref = {"name": author["name"], "@id": person_id}
            graph = [
                {
                    "@type": "NewsArticle",
                    "@id": f"{url}#article",
                    "isPartOf": {"@id": url},
                    "author": author_ref,
                    "headline": article.title,
                    "datePublished": published,
                    "dateModified": modified,
                    "mainEntityOfPage": {"@id": url},
                    "wordCount": len(article.body.split()),
                    "commentCount": len(article.comments),
                    "publisher": {"@id": f"{base}/#organization"},
                    "image": {"@id": f"{url}#primaryimage"},
                    "thumbnailUrl": image,
                    "keywords": list(article.tags),
                    "articleSection": list(self.portal.categories_of(article)),
                    "inLanguage": "id",
                },
                {
                    "@type": "WebPage",
                    "@id": url,
                    "url": url,
                    "name": f"{article.title} - {self.site.name}",
                    "isPartOf": {"@id": f"{base}/#website"},
                    "primaryImageOfPage": {"@id": f"{url}#primaryimage"},
                    "datePublished": published,
                    "dateModified": modified,
                    "breadcrumb": {"@id": f"{url}#breadcrumb"},
                    "inLanguage": "id",
                },
                {
                    "@type": "ImageObject",
                    "@id": f"{url}#primaryimage",
                    "url": image,
                    "contentUrl": image,
                    "width": 780,
                    "height": 440,
                },
                {
                    "@type": "BreadcrumbList",
                    "@id": f"{url}#breadcrumb",
                    "itemListElement": [
                        {"@type": "ListItem", "position": 1, "name": "Beranda", "item": f"{base}/"},
                        {"@type": "ListItem", "position": 2, "name": article.title},
                    ],
                },
                {
                    "@type": "WebSite",
                    "@id": f"{base}/#website",
                    "url": f"{base}/",
                    "name": self.site.name,
                    "description": self.site.tagline,
                    "publisher": {"@id": f"{base}/#organization"},
                    "inLanguage": "id",
                },
                {
                    "@type": "Organization",
                    "@id": f"{base}/#organization",
                    "name": self.site.name,
                    "url": f"{base}/",
                    "logo": {
                        "@type": "ImageObject",
                        "url": self.url("/wp-content/uploads/logo.png"),
                    },
                },
            ]
            if author["@type"] == "Person":
                graph.append(
                    {
                        "@type": "Person",
                        "@id": person_id,
                        "name": author["name"],
                        "url": author.get("url", f"{base}/"),
                    }
                )
            parts.append(
                _json_ld({"@context": "https://schema.org", "@graph": graph}, "yoast-schema-graph")
            )
        if article.jsonld in ("plain", "both"):
            parts.append(
                _json_ld(
                    {
                        "@context": "http://schema.org",
                        "@type": "NewsArticle",
                        "mainEntityOfPage": {"@type": "WebPage", "@id": url},
                        "dateCreated": published,
                        "datePublished": published,
                        "dateModified": modified,
                        "url": url,
                        "headline": article.title,
                        "name": article.title,
                        "articleSection": ", ".join(self.portal.categories_of(article)),
                        "keywords": ", ".join(article.tags),
                        "image": {
                            "@type": "ImageObject",
                            "url": image,
                            "width": 780,
                            "height": 440,
                        },
                        "author": author,
                        "publisher": {
                            "@type": "Organization",
                            "name": self.site.name,
                            "url": f"{base}/",
                        },
                    }
                )
            )
        return "\n".join(parts)

    def article_head(
        self, state: EpochState, article: Article, url: str, canonical: str | None = None
    ) -> str:
        """`<head>` content of an article page (`canonical`: of page N of a split article)."""
        title = f"{article.title} - {self.site.name}"
        desc = e(article.excerpt.replace(" […]", "…"))
        if "false-z" in article.flags:
            # detik-style: the local wall time stamped with a false "Z"
            published = article.published.strftime("%Y-%m-%dT%H:%M:%SZ")
            modified = article.modified.strftime("%Y-%m-%dT%H:%M:%SZ")
        else:
            published, modified = iso(article.published), iso(article.modified)
        charset = "iso-8859-1" if "charset-lie" in article.flags else "UTF-8"
        tags = "".join(f'<meta property="article:tag" content="{e(t)}">\n' for t in article.tags)
        section = self.portal.categories_of(article)
        section_meta = (
            f'<meta property="article:section" content="{e(section[0])}">\n' if section else ""
        )
        return (
            f'<meta charset="{charset}">\n'
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f"<title>{e(title)}</title>\n"
            f'<meta name="description" content="{desc}">\n'
            '<meta name="robots" content="index, follow, max-image-preview:large">\n'
            f'<link rel="canonical" href="{canonical or url}">\n'
            '<meta property="og:locale" content="id_ID">\n'
            '<meta property="og:type" content="article">\n'
            f'<meta property="og:title" content="{e(title)}">\n'
            f'<meta property="og:description" content="{desc}">\n'
            f'<meta property="og:url" content="{url}">\n'
            f'<meta property="og:site_name" content="{e(self.site.name)}">\n'
            '<meta property="article:publisher" content="https://facebook.invalid/wartadaerah">\n'
            f'<meta property="article:published_time" content="{published}">\n'
            f'<meta property="article:modified_time" content="{modified}">\n'
            f"{section_meta}{tags}"
            f'<meta property="og:image" content="{self.url(article.image)}">\n'
            '<meta property="og:image:width" content="780">\n'
            '<meta property="og:image:height" content="440">\n'
            f'<meta name="author" content="{e(article.account.display)}">\n'
            '<meta name="twitter:card" content="summary_large_image">\n'
            '<meta name="twitter:label1" content="Ditulis oleh">\n'
            f'<meta name="twitter:data1" content="{e(article.account.display)}">\n'
            f"{self.article_jsonld(state, article, url)}\n"
            f"{self.feed_links()}\n{self.wp_links(article.post_id)}\n"
            f'<link rel="amphtml" href="{url}amp/">\n'
            f"{self.stylesheet}"
        )

    def listing_head(self, listing: Listing) -> str:
        """`<head>` content of a listing page (rel=prev/next as Yoast prints them)."""
        title = listing.title if listing.kind == "home" else f"{listing.title} - {self.site.name}"
        if listing.page > 1:
            title = f"{listing.title} - Halaman {listing.page} dari {listing.total_pages}"
        rel = ""
        if listing.prev_url:
            rel += f'<link rel="prev" href="{e(listing.prev_url)}">\n'
        if listing.next_url:
            rel += f'<link rel="next" href="{e(listing.next_url)}">\n'
        base = self.url("")
        graph = {
            "@context": "https://schema.org",
            "@graph": [
                {
                    "@type": "CollectionPage",
                    "@id": listing.canonical,
                    "url": listing.canonical,
                    "name": title,
                    "isPartOf": {"@id": f"{base}/#website"},
                    "inLanguage": "id",
                },
                {
                    "@type": "WebSite",
                    "@id": f"{base}/#website",
                    "url": f"{base}/",
                    "name": self.site.name,
                    "inLanguage": "id",
                },
            ],
        }
        return (
            '<meta charset="UTF-8">\n'
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f"<title>{e(title)}</title>\n"
            f'<meta name="description" content="{e(listing.description or self.site.tagline)}">\n'
            f'<link rel="canonical" href="{e(listing.canonical)}">\n{rel}'
            '<meta property="og:locale" content="id_ID">\n'
            '<meta property="og:type" content="website">\n'
            f'<meta property="og:title" content="{e(title)}">\n'
            f'<meta property="og:url" content="{e(listing.canonical)}">\n'
            f'<meta property="og:site_name" content="{e(self.site.name)}">\n'
            f"{_json_ld(graph, 'yoast-schema-graph')}\n{self.feed_links()}\n{self.wp_links()}\n"
            f"{self.stylesheet}"
        )

    def page_head(self, title: str, canonical: str, robots: str = "index, follow") -> str:
        """`<head>` content of a static page or an error page."""
        base = self.url("")
        graph = {
            "@context": "https://schema.org",
            "@graph": [
                {
                    "@type": "WebPage",
                    "@id": canonical,
                    "url": canonical,
                    "name": f"{title} - {self.site.name}",
                    "isPartOf": {"@id": f"{base}/#website"},
                    "inLanguage": "id",
                }
            ],
        }
        return (
            '<meta charset="UTF-8">\n'
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f"<title>{e(title)} - {e(self.site.name)}</title>\n"
            f'<meta name="robots" content="{robots}">\n'
            f'<link rel="canonical" href="{e(canonical)}">\n'
            '<meta property="og:type" content="website">\n'
            f'<meta property="og:title" content="{e(title)} - {e(self.site.name)}">\n'
            f'<meta property="og:site_name" content="{e(self.site.name)}">\n'
            f"{_json_ld(graph, 'yoast-schema-graph')}\n{self.feed_links()}\n{self.wp_links()}\n"
            f"{self.stylesheet}"
        )

    # ---- shared fragments ---------------------------------------------------------------------

    def share_links(self, article: Article, wrap: str) -> str:
        """Share buttons as `<a>` elements in the theme's markup (`wrap` formats one button)."""
        u, t = quote(self.link(article), safe=""), quote(article.title, safe="")
        return "".join(
            wrap.format(net=net, label=label, href=e(template.format(u=u, t=t)))
            for net, label, template in SHARE_NETWORKS
        )

    def comments_list(self, article: Article, url: str) -> str:
        """The WordPress comment list (with the `?replytocom=` links real sites print)."""
        if not article.comments:
            return ""
        items = []
        for n, comment in enumerate(article.comments, start=1):
            cid = article.post_id * 10 + n
            items.append(self.comment_item(comment, cid, article, url))
        return f'<ol class="comment-list commentlist">{"".join(items)}</ol>'

    def comment_item(self, comment: Comment, cid: int, article: Article, url: str) -> str:
        """One comment in WordPress markup."""
        when = article.published + timedelta(minutes=comment.minutes_after)
        return (
            f'<li class="comment even thread-even depth-1" id="comment-{cid}">'
            f'<article id="div-comment-{cid}" class="comment-body"><footer class="comment-meta">'
            f'<div class="comment-author vcard"><img alt="" src="{self.url("/wp-content/uploads/avatar.png")}"'
            f' class="avatar avatar-50 photo" height="50" width="50" loading="lazy">'
            f'<b class="fn">{e(comment.author)}</b> <span class="says">berkata:</span></div>'
            f'<div class="comment-metadata"><a href="{url}#comment-{cid}"><time datetime="{iso(when)}">'
            f"{tanggal(when)} pukul {when:%H.%M}</time></a></div></footer>"
            f'<div class="comment-content"><p>{e(comment.text)}</p></div>'
            f'<div class="reply"><a rel="nofollow" class="comment-reply-link"'
            f' href="{url}?replytocom={cid}#respond">Balas</a></div></article></li>'
        )

    def comment_form(self, heading: str, tag: str = "h3") -> str:
        """The WordPress comment form."""
        return (
            f'<div id="respond" class="comment-respond"><{tag} id="reply-title"'
            f' class="comment-reply-title">{heading}</{tag}>'
            f'<form action="{self.url("/wp-comments-post.php")}" method="post" id="commentform"'
            ' class="comment-form"><p class="comment-notes">Alamat email Anda tidak akan'
            ' dipublikasikan. Ruas yang wajib ditandai *</p><p class="comment-form-comment">'
            '<label for="comment">Komentar *</label><textarea id="comment" name="comment"'
            ' cols="45" rows="8" required></textarea></p><p class="comment-form-author">'
            '<label for="author">Nama *</label><input id="author" name="author" type="text"></p>'
            '<p class="form-submit"><input name="submit" type="submit" id="submit" class="submit"'
            ' value="Kirim Komentar"></p></form></div>'
        )

    def footer_links(self) -> str:
        """Links to the static pages, as every portal's footer menu carries them."""
        return "".join(
            f'<li class="menu-item"><a href="{self.url(self.portal.page_path(p))}">{e(p.title)}</a></li>'
            for p in self.portal.corpus.pages
        )

    def copyright(self, state: EpochState) -> str:
        """The footer's copyright line."""
        return f"© {state.clock.year} {e(self.site.name)}. All Rights Reserved."

    def date_text(self, article: Article) -> str:
        """The visible date of an article (full form with zone on the false-Z trap)."""
        if "false-z" in article.flags:
            return tanggal_lengkap(article.published, self.site.tz_label)
        return tanggal(article.published)

    # ---- pages (implemented per theme) -----------------------------------------------------

    def serve(
        self, state: EpochState, path: str, params: dict[str, str]
    ) -> Article | Listing | Served | None:
        """What this theme answers itself before the router's WordPress routes (permalinks and
        pages of its own): an article, a listing, a ready response, or None."""
        return None

    def article_page(self, state: EpochState, article: Article, page: int = 1) -> str:
        """A full article page (page `page` of an article split over pages)."""
        raise NotImplementedError

    def article_body(self, state: EpochState, article: Article, page: int = 1) -> str:
        """The stored body an article page prints: page `page`'s part and its page links."""
        return self.portal.page_content(article, page, state.epoch)

    def listing_page(self, state: EpochState, listing: Listing) -> str:
        """A full listing page."""
        raise NotImplementedError

    def static_page(self, state: EpochState, page: StaticPage) -> str:
        """A full static (non-article) page."""
        raise NotImplementedError

    def not_found_page(self, state: EpochState) -> str:
        """The theme's 404 page."""
        raise NotImplementedError

    def amp_page(self, state: EpochState, article: Article) -> str:
        """The AMP variant of an article (the AMP plugin's reader template)."""
        url = self.link(article)
        # the AMP reader prints get_the_content(): page 1 of a split article, no page links
        content = self.portal.content_pages(article, state.epoch)[0]
        content = content.replace("<img ", '<amp-img layout="responsive" ')
        hours = max(0, int((state.clock - article.published).total_seconds() // 3600))
        ago = f"{hours} jam yang lalu" if hours < 48 else f"{hours // 24} hari yang lalu"
        cats = ", ".join(
            f'<a href="{self.url(f"/category/{slug}/")}" rel="category tag">{e(n)}</a>'
            for n, slug in self._category_slugs(article)
        )
        tags = ", ".join(
            f'<a href="{self.url(f"/tag/{slug}/")}" rel="tag">{e(n)}</a>'
            for n, slug in self._tag_slugs(article)
        )
        data = {
            "@context": "http://schema.org",
            "@type": "NewsArticle",
            "mainEntityOfPage": url,
            "headline": article.title,
            "datePublished": iso(article.published),
            "dateModified": iso(article.modified),
            "author": self.jsonld_author(article),
            "publisher": {"@type": "Organization", "name": self.site.name},
            "image": {"@type": "ImageObject", "url": self.url(article.image)},
        }
        charset = "iso-8859-1" if "charset-lie" in article.flags else "utf-8"
        return (
            f'<!doctype html>\n<html amp lang="id-ID">\n<head>\n<meta charset="{charset}">\n'
            f"<title>{e(article.title)} - {e(self.site.name)}</title>\n"
            f'<link rel="canonical" href="{url}">\n'
            '<meta name="viewport" content="width=device-width,minimum-scale=1,initial-scale=1">\n'
            f"{_json_ld(data)}\n"
            "<style amp-custom>body{font-family:serif}.amp-wp-title{font-size:1.6em}</style>\n"
            '</head>\n<body class="">\n'
            f'<header id="top" class="amp-wp-header"><div><a href="{self.url("/")}">'
            f"{e(self.site.name)}</a></div></header>\n"
            '<article class="amp-wp-article"><header class="amp-wp-article-header">'
            f'<h1 class="amp-wp-title">{e(article.title)}</h1>'
            '<div class="amp-wp-meta amp-wp-byline"><span class="amp-wp-author author vcard">'
            f"{e(article.account.display)}</span></div>"
            f'<div class="amp-wp-meta amp-wp-posted-on"><time datetime="{iso(article.published)}">'
            f"{ago}</time></div></header>\n"
            '<figure class="amp-wp-article-featured-image wp-caption"><amp-img width="780"'
            f' height="440" src="{self.url(article.image)}" layout="intrinsic"></amp-img></figure>\n'
            f'<div class="amp-wp-article-content">\n{content}\n</div>\n'
            f'<footer class="amp-wp-article-footer"><div class="amp-wp-meta amp-wp-tax-category">'
            f'Kategori: {cats}</div><div class="amp-wp-meta amp-wp-tax-tag">Tag: {tags}</div>'
            f'<div class="amp-wp-meta amp-wp-comments-link"><a href="{url}#respond">Tinggalkan'
            " Komentar</a></div></footer></article>\n"
            f'<footer class="amp-wp-footer"><div><h2>{e(self.site.name)}</h2><p>'
            f'{self.copyright(state)}</p><a href="#top" class="back-to-top">Kembali ke atas</a>'
            "</div></footer>\n</body>\n</html>\n"
        )

    def _category_slugs(self, article: Article) -> list[tuple[str, str]]:
        return [(n, slugify(n)) for n in self.portal.categories_of(article)]

    def _tag_slugs(self, article: Article) -> list[tuple[str, str]]:
        return [(n, slugify(n)) for n in self.portal.labels_of(article)]

    def item_href(self, article: Article, position: int, source: str) -> str:
        """A listing link to an article; one in five carries tracking parameters."""
        url = self.link(article)
        if position % 5 == 3:  # one link in five, as share-tracking plugins tag them
            return f"{url}?utm_source={source}&utm_medium=listing&utm_campaign=beranda"
        return url

    def body_class_single(self, article: Article) -> str:
        """WordPress body classes of a single post."""
        return (
            f"wp-singular post-template-default single single-post postid-{article.post_id}"
            f" single-format-standard wp-theme-{self.name}"
        )


# =============================================================================================
# JNews
# =============================================================================================


class JNews(Theme):
    """The JNews theme (jeg_* classes, content-inner inside entry-content)."""

    name = "jnews"
    stylesheet = (
        '<link rel="stylesheet" id="jnews-frontend-css"'
        ' href="/wp-content/themes/jnews/assets/dist/frontend.min.css?ver=11.0.5" media="all">'
    )

    def document(self, state: EpochState, head: str, body_class: str, main: str) -> str:
        """The whole JNews page around `main`."""
        header = self.cached(state, "header", self._header)
        footer = self.cached(state, "footer", self._footer)
        return (
            f'<!DOCTYPE html>\n<html lang="id-ID">\n<head>\n{head}\n</head>\n'
            f'<body class="{body_class} jeg_toggle_light jnews jsc_normal">\n'
            '<div class="jeg_ad jeg_ad_top jnews_header_top_ads"><div class="ads-wrapper"></div>'
            f'</div>\n<div class="jeg_viewport">\n{header}\n<div class="post-wrapper"><div'
            f' class="post-wrap">\n{main}\n</div></div>\n{footer}\n</div>\n</body>\n</html>\n'
        )

    def _header(self, state: EpochState) -> str:
        menu = "".join(
            f'<li class="menu-item menu-item-type-taxonomy menu-item-object-category">'
            f'<a href="{self.url(f"/category/{t.slug}/")}">{e(t.name)}</a></li>'
            for t in self.menu(state)
        )
        top = "".join(
            f'<li class="menu-item"><a href="{self.url(self.portal.page_path(p))}">{e(p.title)}</a></li>'
            for p in self.portal.corpus.pages
        )
        return (
            '<div class="jeg_header_wrapper"><div class="jeg_header normal">'
            '<div class="jeg_topbar jeg_container jeg_navbar_wrapper dark"><div class="container">'
            '<div class="jeg_nav_row"><div class="jeg_nav_col jeg_nav_left jeg_nav_grow">'
            f'<div class="item_wrap jeg_nav_alignleft"><div class="jeg_nav_item">'
            f'<ul class="jeg_menu jeg_top_menu">{top}</ul></div>'
            f'<div class="jeg_nav_item jeg_top_date">{tanggal_lengkap(state.clock, self.site.tz_label)}'
            "</div></div></div></div></div></div>"
            '<div class="jeg_midbar jeg_container jeg_navbar_wrapper normal"><div class="container">'
            '<div class="jeg_nav_row"><div class="jeg_nav_col jeg_nav_left jeg_nav_normal">'
            '<div class="item_wrap jeg_nav_alignleft"><div class="jeg_nav_item jeg_logo'
            f' jeg_desktop_logo"><div class="site-title"><a href="{self.url("/")}"'
            f' style="padding: 0 0 0 0;"><img class="jeg_logo_img" src="{self.url("/wp-content/uploads/logo.png")}"'
            f' alt="{e(self.site.name)}"></a></div></div></div></div></div></div></div>'
            '<div class="jeg_bottombar jeg_navbar jeg_container jeg_navbar_wrapper jeg_navbar_normal">'
            '<div class="container"><div class="jeg_nav_row"><div class="jeg_nav_col jeg_nav_left'
            ' jeg_nav_grow"><div class="item_wrap jeg_nav_alignleft"><div class="jeg_nav_item'
            ' jeg_main_menu_wrapper"><div class="jeg_mainmenu_wrap"><ul class="jeg_menu'
            f' jeg_main_menu jeg_menu_style_2"><li class="menu-item"><a href="{self.url("/")}">'
            f"Beranda</a></li>{menu}</ul></div></div></div></div>"
            '<div class="jeg_nav_col jeg_nav_right"><div class="jeg_nav_item jeg_search_wrapper'
            f' search_icon"><form action="{self.url("/")}" method="get" class="jeg_search_form">'
            '<input name="s" class="jeg_search_input" placeholder="Cari..." type="text"></form>'
            "</div></div></div></div></div></div></div>"
            '<div class="jeg_navbar_mobile_wrapper"><div class="jeg_navbar_mobile">'
            f'<div class="jeg_mobile_bottombar"><ul class="jeg_mobile_menu">{menu}</ul></div>'
            "</div></div>"
        )

    def _sidebar(self, state: EpochState) -> str:
        popular = "".join(
            f'<li><div class="jeg_post_item"><span class="jeg_order">{i}</span>'
            f'<h3 class="jeg_post_title"><a href="{self.link(a)}?utm_source=populer&amp;utm_medium=widget">'
            f"{e(a.title)}</a></h3></div></li>"
            for i, a in enumerate(self.popular(state), start=1)
        )
        cloud = "".join(
            f'<a href="{self.url(f"/tag/{t.slug}/")}" class="tag-cloud-link" style="font-size:'
            f' {8 + min(len(t.articles), 14)}pt;">{e(t.name)}</a> '
            for t in self.tag_cloud(state)
        )
        months = "".join(
            f'<li><a href="{self.url(f"/{y}/{m:02d}/")}">{MONTHS[m - 1]} {y}</a>&nbsp;({n})</li>'
            for y, m, n in self.months(state)[:12]
        )
        recent = "".join(
            f'<div class="jeg_post jeg_pl_xs_3"><div class="jeg_postblock_content"><h3'
            f' class="jeg_post_title"><a href="{self.link(a)}amp/">{e(a.title)}</a></h3></div></div>'
            for a in state.articles[:SIDEBAR_ITEMS]
        )
        return (
            '<div class="jeg_sidebar jeg_sticky_sidebar col-md-4"><div class="jegStickyHolder">'
            '<div class="theiaStickySidebar">'
            '<div class="widget widget_jnews_module_block_21" id="jnews_module_block_21-2"><div'
            ' class="jeg_block_heading jeg_block_heading_6"><h3 class="jeg_block_title"><span>'
            f'Berita Terkini</span></h3></div><div class="jeg_posts">{recent}</div></div>'
            '<div class="widget widget_jnews_popular" id="jnews_popular-2"><div'
            ' class="jeg_block_heading jeg_block_heading_6"><h3 class="jeg_block_title"><span>'
            f'Terpopuler</span></h3></div><ul class="popularpost_list">{popular}</ul></div>'
            '<div class="widget widget_tag_cloud" id="tag_cloud-2"><div class="jeg_block_heading'
            ' jeg_block_heading_6"><h3 class="jeg_block_title"><span>Tag Populer</span></h3></div>'
            f'<div class="tagcloud">{cloud}</div></div>'
            '<div class="widget widget_archive" id="archives-2"><div class="jeg_block_heading'
            ' jeg_block_heading_6"><h3 class="jeg_block_title"><span>Arsip</span></h3></div>'
            f"<ul>{months}</ul></div>"
            "</div></div></div>"
        )

    def _footer(self, state: EpochState) -> str:
        return (
            '<div class="footer-holder" id="footer"><div class="jeg_footer jeg_footer_1 dark">'
            '<div class="jeg_footer_container jeg_container"><div class="jeg_footer_content">'
            '<div class="container"><div class="row"><div class="jeg_footer_primary clearfix">'
            f'<div class="col-md-4 footer_column"><div class="widget widget_text"><div class="textwidget">'
            f"<p>{e(self.site.name)} &#8211; {e(self.site.tagline)}. {e(self.site.address)}.</p>"
            "</div></div></div></div></div></div></div>"
            '<div class="jeg_footer_bottom"><div class="container"><div class="jeg_footer_right">'
            f'<ul class="jeg_menu_footer">{self.footer_links()}</ul></div>'
            f'<p class="copyright">{self.copyright(state)}</p></div></div></div></div></div>'
        )

    def _share(self, article: Article, where: str) -> str:
        buttons = self.share_links(
            article,
            '<a href="{href}" rel="nofollow" class="jeg_btn-{net} expanded"><i class="fa'
            ' fa-{net}"></i><span>Share on {label}</span></a>',
        )
        return (
            f'<div class="jeg_share_{where}_container"><div class="jeg_share_button clearfix">'
            '<div class="jeg_share_stats"><div class="jeg_share_count"><div class="counts">0'
            '</div><span class="sharetext">SHARES</span></div></div>'
            f'<div class="jeg_sharelist">{buttons}</div></div></div>'
        )

    def _post_item(self, article: Article, position: int, excerpt: bool = True) -> str:
        href = self.item_href(article, position, "jnews")
        meta = (
            f'<div class="jeg_post_meta"><div class="jeg_meta_author"><span class="by">by</span>'
            f' <a href="{self.url(f"/author/{article.account.slug}/")}">{e(article.account.display)}</a>'
            f'</div><div class="jeg_meta_date"><a href="{self.link(article)}"><i class="fa fa-clock-o">'
            f"</i> {tanggal(article.published)}</a></div>"
            f'<div class="jeg_meta_comment"><a href="{self.link(article)}#comments"><i class="fa'
            f' fa-comment-o"></i> {len(article.comments)}</a></div></div>'
        )
        text = (
            f'<div class="jeg_post_excerpt"><p>{e(article.excerpt)}</p>'
            f'<a href="{self.link(article)}" class="jeg_readmore">Read more</a></div>'
            if excerpt
            else ""
        )
        return (
            f'<article class="jeg_post jeg_pl_md_2 format-standard"><div class="jeg_thumb">'
            f'<a href="{self.link(article)}"><div class="thumbnail-container animate-lazy size-715">'
            f'<img width="350" height="250" src="{self.url(article.image)}" class="attachment-jnews-350x250'
            f' size-jnews-350x250 wp-post-image" alt="{e(article.title)}" decoding="async"></div></a>'
            f'</div><div class="jeg_postblock_content"><h3 class="jeg_post_title"><a href="{e(href)}">'
            f"{e(article.title)}</a></h3>{meta}{text}</div></article>"
        )

    def article_page(self, state: EpochState, article: Article, page: int = 1) -> str:
        """A JNews single post."""
        url = self.link(article)
        content = self.article_body(state, article, page)
        cat_links = [
            f'<a href="{self.url(f"/category/{slug}/")}" rel="category tag">{e(n)}</a>'
            for n, slug in self._category_slugs(article)
        ]
        cats = '<span class="category-separator">, </span>'.join(cat_links)
        first_cat = cat_links[0] if cat_links else ""
        tags = "".join(
            f'<a href="{self.url(f"/tag/{slug}/")}" rel="tag">{e(n)}</a>'
            for n, slug in self._tag_slugs(article)
        )
        older, newer = self.prev_next(state, article)
        prevnext = ""
        if older:
            prevnext += (
                f'<a href="{self.link(older)}" class="post prev-post"><span class="caption">'
                f'Previous Post</span><h3 class="post-title">{e(older.title)}</h3></a>'
            )
        if newer:
            prevnext += (
                f'<a href="{self.link(newer)}" class="post next-post"><span class="caption">'
                f'Next Post</span><h3 class="post-title">{e(newer.title)}</h3></a>'
            )
        person = article.box or article.account
        box = (
            '<div class="jnews_author_box_container "><div class="jeg_authorbox"><div'
            f' class="jeg_author_image"><img alt="{e(person.display)}" src="{self.url("/wp-content/uploads/avatar.png")}"'
            ' class="avatar avatar-80 photo" height="80" width="80"></div><div'
            f' class="jeg_author_content"><h3 class="jeg_author_name"><a href="{self.url(f"/author/{person.slug}/")}">'
            f'{e(person.display)}</a></h3><p class="jeg_author_desc">{e(person.bio)}</p>'
            '<div class="jeg_author_socials"></div></div></div></div>'
        )
        related = "".join(
            self._post_item(a, i, excerpt=False) for i, a in enumerate(self.related(state, article))
        )
        comments = (
            '<div class="jnews_comment_container"><div class="jeg_comments"><div id="comments"'
            f' class="comments-area"><h3 class="comments-title">{len(article.comments)} Komentar</h3>'
            f"{self.comments_list(article, url)}{self.comment_form('Tinggalkan Balasan')}</div></div></div>"
        )
        main = (
            '<div class="jeg_main "><div class="jeg_container"><div class="jeg_content'
            ' jeg_singlepage"><div class="container"><div class="jeg_ad jeg_article_top'
            ' jnews_article_top_ads"><div class="ads-wrapper"></div></div><div class="row">'
            '<div class="jeg_main_content col-md-8"><div class="jeg_inner_content">'
            '<div class="jeg_breadcrumbs jeg_breadcrumb_container"><div id="breadcrumbs"><span>'
            f'<a href="{self.url("/")}">Beranda</a></span><i class="fa fa-angle-right"></i>'
            f"<span>{first_cat}</span></div></div>"
            f'<div class="entry-header"><h1 class="jeg_post_title">{e(article.title)}</h1>'
            '<div class="jeg_meta_container"><div class="jeg_post_meta jeg_post_meta_1">'
            '<div class="meta_left"><div class="jeg_meta_author"><img alt="" src="'
            f'{self.url("/wp-content/uploads/avatar.png")}" class="avatar avatar-80 photo" height="80"'
            f' width="80"><span class="meta_text">by</span> <a href="{self.url(f"/author/{article.account.slug}/")}">'
            f'{e(article.account.display)}</a></div><div class="jeg_meta_date"><a href="{url}">'
            f"{self.date_text(article)}</a></div>"
            f'<div class="jeg_meta_category"><span><span class="meta_text">in</span> {cats}</span>'
            '</div></div><div class="meta_right"><div class="jeg_meta_comment"><a href="'
            f'{url}#comments"><i class="fa fa-comment-o"></i> {len(article.comments)}</a></div>'
            "</div></div></div></div>"
            '<div class="jeg_featured featured_image"><a href="'
            f'{self.url(article.image)}"><div class="thumbnail-container animate-lazy"><img'
            f' width="750" height="422" src="{self.url(article.image)}" class="attachment-jnews-750x422'
            f' size-jnews-750x422 wp-post-image" alt="{e(article.title)}"></div></a></div>'
            f"{self._share(article, 'top')}"
            '<div class="jeg_ad jeg_article jnews_content_top_ads "><div class="ads-wrapper"></div></div>'
            '<div class="entry-content no-share"><div class="jeg_share_button share-float'
            ' jeg_sticky_share clearfix share-monocrhome"><div class="jeg_share_float_container">'
            f'</div></div><div class="content-inner ">\n{content}\n</div></div>'
            f'<div class="jeg_post_tags"><span>Tags:</span> {tags}</div>'
            f"{self._share(article, 'bottom')}"
            '<div class="jeg_ad jeg_article jnews_content_bottom_ads "><div class="ads-wrapper">'
            "</div></div>"
            f'<div class="jnews_prev_next_container"><div class="jeg_prevnext_post">{prevnext}</div></div>'
            f"{box}"
            '<div class="jnews_related_post_container"><div class="jeg_postblock_22 jeg_postblock'
            ' jeg_module_hook jeg_pagination_disable jeg_col_2o3"><div class="jeg_block_heading'
            ' jeg_block_heading_6 jeg_subcat_right"><h3 class="jeg_block_title"><span>Berita'
            '<strong> Terkait</strong></span></h3></div><div class="jeg_block_container"><div'
            f' class="jeg_posts_wrap"><div class="jeg_posts jeg_load_more_flag">{related}</div>'
            "</div></div></div></div>"
            f'<div class="jnews_popup_post_container"></div>{comments}'
            f"</div></div>{self.cached(state, 'sidebar', self._sidebar)}</div></div></div></div></div>"
        )
        return self.document(
            state,
            self.article_head(state, article, url, self.portal.canonical_url(article, page)),
            self.body_class_single(article),
            main,
        )

    def listing_page(self, state: EpochState, listing: Listing) -> str:
        """A JNews archive / home page."""
        items = "".join(self._post_item(a, i) for i, a in enumerate(listing.items))
        nav = _page_numbers(listing, "jnews")
        heading = (
            ""
            if listing.kind == "home"
            else f'<div class="jeg_cat_header"><h1 class="jeg_cat_title">{e(listing.title)}</h1>'
            f'<h2 class="jeg_cat_subtitle">{e(listing.description)}</h2></div>'
        )
        main = (
            '<div class="jeg_main"><div class="jeg_container"><div class="jeg_content"><div'
            f' class="jeg_section"><div class="container">{heading}<div class="jeg_cat_content row">'
            '<div class="jeg_main_content col-sm-8"><div class="jeg_inner_content"><div'
            ' class="jnews_archive_content_wrapper"><div class="jeg_postblock_5 jeg_postblock'
            ' jeg_col_2o3"><div class="jeg_block_container"><div class="jeg_posts'
            f' jeg_load_more_flag">{items}</div></div>{nav}</div></div></div></div>'
            f"{self.cached(state, 'sidebar', self._sidebar)}</div></div></div></div></div>"
        )
        return self.document(state, self.listing_head(listing), listing.body_class, main)

    def static_page(self, state: EpochState, page: StaticPage) -> str:
        """A JNews page."""
        body = "".join(f"<p>{e(p)}</p>" for p in page.paragraphs)
        main = (
            '<div class="jeg_main"><div class="jeg_container"><div class="jeg_content'
            ' jeg_singlepage"><div class="container"><div class="row"><div class="jeg_main_content'
            f' col-md-8"><div class="entry-header"><h1 class="jeg_post_title">{e(page.title)}</h1>'
            f'</div><div class="entry-content"><div class="content-inner">{body}</div></div></div>'
            f"{self.cached(state, 'sidebar', self._sidebar)}</div></div></div></div></div>"
        )
        head = self.page_head(page.title, self.url(self.portal.page_path(page)))
        return self.document(state, head, "page-template-default page", main)

    def not_found_page(self, state: EpochState) -> str:
        """The JNews 404 page."""
        main = (
            '<div class="jeg_main"><div class="jeg_container"><div class="jeg_content"><div'
            ' class="container"><div class="jeg_empty_module"><h1 class="jeg_404_title">404</h1>'
            "<p>Halaman yang Anda cari tidak ditemukan.</p></div></div></div></div></div>"
        )
        head = self.page_head("Halaman tidak ditemukan", self.url("/"), "noindex, follow")
        return self.document(state, head, "error404", main)


def _page_numbers(listing: Listing, style: str) -> str:
    """Numbered pagination as each theme prints it."""
    if listing.total_pages <= 1:
        return ""
    base = listing.canonical
    pages = []
    for n in range(max(1, listing.page - 2), min(listing.total_pages, listing.page + 2) + 1):
        href = e(_page_url(listing, n))
        if n == listing.page:
            pages.append(
                f'<span aria-current="page" class="page-numbers current">{n}</span>'
                if style != "jnews"
                else f'<span class="page_number active">{n}</span>'
            )
        elif style == "jnews":
            pages.append(f'<a href="{href}" class="page_number" data-id="{n}">{n}</a>')
        elif style == "tagdiv":
            pages.append(f'<a href="{href}" class="page" title="{n}">{n}</a>')
        else:
            pages.append(f'<a class="page-numbers" href="{href}">{n}</a>')
    prev_link = next_link = ""
    if style == "jnews":
        if listing.prev_url:
            prev_link = f'<a href="{e(listing.prev_url)}" class="page_nav prev">&lsaquo; Prev</a>'
        if listing.next_url:
            next_link = f'<a href="{e(listing.next_url)}" class="page_nav next">Next &rsaquo;</a>'
        return (
            f'<div class="jeg_navigation jeg_pagination jeg_pagenav_1 jeg_aligncenter">'
            f'<div class="navigation_wrap">{prev_link}{"".join(pages)}{next_link}</div></div>'
        )
    if style == "tagdiv":
        if listing.prev_url:
            prev_link = f'<a href="{e(listing.prev_url)}"><i class="td-icon-menu-left"></i></a>'
        if listing.next_url:
            next_link = f'<a href="{e(listing.next_url)}"><i class="td-icon-menu-right"></i></a>'
        return (
            f'<div class="page-nav td-pb-padding-side">{prev_link}{"".join(pages)}{next_link}'
            f'<span class="pages">Halaman {listing.page} dari {listing.total_pages}</span></div>'
        )
    if listing.prev_url:
        prev_link = (
            f'<a class="prev page-numbers" href="{e(listing.prev_url)}">&laquo; Sebelumnya</a>'
        )
    if listing.next_url:
        next_link = (
            f'<a class="next page-numbers" href="{e(listing.next_url)}">Berikutnya &raquo;</a>'
        )
    del base
    return (
        f'<nav class="navigation pagination" aria-label="Pos"><h2 class="screen-reader-text">'
        f'Navigasi pos</h2><div class="nav-links">{prev_link}{"".join(pages)}{next_link}'
        "</div></nav>"
    )


def _page_url(listing: Listing, n: int) -> str:
    """URL of page `n` of a WordPress listing (`…/page/N/`; page 1 is the listing itself)."""
    base = listing.canonical
    if "/page/" in base:
        base = base.split("/page/")[0] + "/"
    return base if n == 1 else f"{base}page/{n}/"


# =============================================================================================
# Newspaper (tagDiv)
# =============================================================================================


class TagDiv(Theme):
    """The Newspaper theme by tagDiv (td-* classes, td-post-content)."""

    name = "Newspaper"
    stylesheet = (
        '<link rel="stylesheet" id="td-theme-css"'
        ' href="/wp-content/themes/Newspaper/style.css?ver=12.6.2" media="all">'
    )

    def document(self, state: EpochState, head: str, body_class: str, main: str) -> str:
        """The whole Newspaper page around `main`."""
        header = self.cached(state, "header", self._header)
        footer = self.cached(state, "footer", self._footer)
        return (
            f'<!DOCTYPE html>\n<html lang="id-ID">\n<head>\n{head}\n</head>\n'
            f'<body class="{body_class} td-standard-pack global-block-template-1 td-full-layout"'
            ' itemscope="itemscope" itemtype="https://schema.org/WebPage">\n'
            '<div class="td-scroll-up"><i class="td-icon-menu-up"></i></div>\n'
            f'<div id="td-outer-wrap" class="td-theme-wrap">\n{header}\n{main}\n{footer}\n'
            "</div>\n</body>\n</html>\n"
        )

    def _header(self, state: EpochState) -> str:
        menu = "".join(
            f'<li class="menu-item menu-item-type-taxonomy menu-item-object-category td-menu-item'
            f' td-normal-menu"><a href="{self.url(f"/category/{t.slug}/")}">{e(t.name)}</a></li>'
            for t in self.menu(state)
        )
        return (
            '<div id="td-mobile-nav"><div class="td-mobile-container"><div class="td-mobile-content">'
            f'<div class="menu-main-container"><ul class="td-mobile-main-menu">{menu}</ul></div>'
            "</div></div></div>"
            '<div class="tdc-header-wrap"><div class="td-header-wrap td-header-style-1">'
            '<div class="td-header-top-menu-full td-container-wrap"><div class="td-container'
            ' td-header-row td-header-top-menu"><div class="top-bar-style-1"><div'
            ' class="td-header-sp-top-menu"><div class="td_data_time"><div>'
            f"{tanggal_lengkap(state.clock, self.site.tz_label)}</div></div>"
            f'<div class="menu-top-container"><ul class="top-header-menu">{self.footer_links()}</ul>'
            "</div></div></div></div></div>"
            '<div class="td-banner-wrap-full td-logo-wrap-full td-container-wrap"><div'
            ' class="td-container td-header-row td-header-header"><div class="td-header-sp-logo">'
            f'<a class="td-main-logo" href="{self.url("/")}"><img class="td-retina-data"'
            f' src="{self.url("/wp-content/uploads/logo.png")}" alt="{e(self.site.name)}">'
            f'<span class="td-visual-hidden">{e(self.site.name)}</span></a></div>'
            '<div class="td-header-sp-recs"><div class="td-header-rec-wrap"><div class="td-a-rec'
            ' td-a-rec-id-header td_block_template_1"><span class="td-adspot-title">- Advertisement'
            " -</span></div></div></div></div></div>"
            '<div class="td-header-menu-wrap-full td-container-wrap"><div class="td-header-menu-wrap'
            ' td-header-gradient"><div class="td-container td-header-row td-header-main-menu">'
            '<div id="td-header-menu" role="navigation"><div class="menu-main-container"><ul'
            f' id="menu-main-1" class="sf-menu"><li class="menu-item"><a href="{self.url("/")}">'
            f"Beranda</a></li>{menu}</ul></div></div></div></div></div></div></div>"
        )

    def _sidebar(self, state: EpochState) -> str:
        recent = "".join(
            f'<div class="td_module_6 td_module_wrap td-animation-stack"><div class="item-details">'
            f'<h3 class="entry-title td-module-title"><a href="{self.link(a)}amp/" rel="bookmark"'
            f' title="{e(a.title)}">{e(a.title)}</a></h3><div class="td-module-meta-info">'
            f'<span class="td-post-date"><time class="entry-date updated td-module-date"'
            f' datetime="{iso(a.published)}">{tanggal(a.published)}</time></span></div></div></div>'
            for a in state.articles[:SIDEBAR_ITEMS]
        )
        popular = "".join(
            f'<li><a href="{self.link(a)}?utm_source=populer&amp;utm_medium=widget">{e(a.title)}</a></li>'
            for a in self.popular(state)
        )
        cloud = "".join(
            f'<a href="{self.url(f"/tag/{t.slug}/")}" class="tag-cloud-link">{e(t.name)}</a> '
            for t in self.tag_cloud(state)
        )
        return (
            '<div class="td-pb-span4 td-main-sidebar" role="complementary"><div'
            ' class="td-ss-main-sidebar">'
            '<aside class="td_block_template_1 widget"><h4 class="block-title"><span>Berita Terbaru'
            f'</span></h4><div class="td_block_inner">{recent}</div></aside>'
            '<aside class="td_block_template_1 widget widget_wpp"><h4 class="block-title"><span>'
            f'Terpopuler</span></h4><ul class="wpp-list">{popular}</ul></aside>'
            '<aside class="td_block_template_1 widget widget_tag_cloud"><h4 class="block-title">'
            f'<span>Tag</span></h4><div class="tagcloud">{cloud}</div></aside>'
            "</div></div>"
        )

    def _footer(self, state: EpochState) -> str:
        return (
            '<div class="td-footer-wrapper td-container-wrap"><div class="td-container"><div'
            ' class="td-pb-row"><div class="td-pb-span12"><div class="td-footer-info"><div'
            f' class="footer-text-wrap">{e(self.site.name)} &#8211; {e(self.site.tagline)}.'
            f" Alamat redaksi: {e(self.site.address)}.</div></div></div></div></div></div>"
            '<div class="td-sub-footer-container td-container-wrap"><div class="td-container">'
            '<div class="td-pb-row"><div class="td-pb-span td-sub-footer-menu"><div'
            f' class="menu-footer-container"><ul class="td-subfooter-menu">{self.footer_links()}</ul>'
            '</div></div><div class="td-pb-span td-sub-footer-copy">'
            f"{self.copyright(state)}</div></div></div></div>"
        )

    def _share(self, article: Article, where: str) -> str:
        buttons = self.share_links(
            article,
            '<a class="td-social-sharing-button td-social-sharing-button-js td-social-network'
            ' td-social-{net}" href="{href}"><div class="td-social-but-icon"><i'
            ' class="td-icon-{net}"></i></div><div class="td-social-but-text">{label}</div></a>',
        )
        return (
            f'<div class="td-post-sharing-{where}"><div id="td_social_sharing_article_{where}"'
            ' class="td-post-sharing td-ps-bg td-ps-notext td-post-sharing-style1 "><div'
            f' class="td-post-sharing-visible">{buttons}</div></div></div>'
        )

    def _module(self, article: Article, position: int) -> str:
        href = self.item_href(article, position, "newspaper")
        return (
            '<div class="td_module_10 td_module_wrap td-animation-stack"><div class="td-module-thumb">'
            f'<a href="{self.link(article)}" rel="bookmark" class="td-image-wrap" title="{e(article.title)}">'
            f'<img class="entry-thumb" src="{self.url(article.image)}" alt="" width="218" height="150">'
            '</a></div><div class="item-details"><h3 class="entry-title td-module-title">'
            f'<a href="{e(href)}" rel="bookmark" title="{e(article.title)}">{e(article.title)}</a></h3>'
            '<div class="td-module-meta-info"><span class="td-post-author-name"><a href="'
            f'{self.url(f"/author/{article.account.slug}/")}">{e(article.account.display)}</a>'
            '<span> - </span></span><span class="td-post-date"><time class="entry-date updated'
            f' td-module-date" datetime="{iso(article.published)}">{tanggal(article.published)}'
            '</time></span><span class="td-module-comments"><a href="'
            f'{self.link(article)}#respond">{len(article.comments)}</a></span></div>'
            f'<div class="td-excerpt">{e(article.excerpt)}</div></div></div>'
        )

    def article_page(self, state: EpochState, article: Article, page: int = 1) -> str:
        """A Newspaper single post."""
        url = self.link(article)
        content = self.article_body(state, article, page)
        cat_links = self._category_slugs(article)
        categories = "".join(
            f'<li class="entry-category"><a href="{self.url(f"/category/{slug}/")}">{e(n)}</a></li>'
            for n, slug in cat_links
        )
        crumbs = "".join(
            f' <i class="td-icon-right td-bread-sep"></i> <span><a class="entry-crumb"'
            f' href="{self.url(f"/category/{slug}/")}">{e(n)}</a></span>'
            for n, slug in cat_links[:1]
        )
        tags = "".join(
            f'<li><a href="{self.url(f"/tag/{slug}/")}">{e(n)}</a></li>'
            for n, slug in self._tag_slugs(article)
        )
        older, newer = self.prev_next(state, article)
        prevnext = '<div class="td-block-row td-post-next-prev">'
        if older:
            prevnext += (
                f'<div class="td-block-span6 td-post-prev-post"><div class="td-post-next-prev-content">'
                f'<span>Artikel sebelumnya</span><a href="{self.link(older)}">{e(older.title)}</a></div></div>'
            )
        if newer:
            prevnext += (
                f'<div class="td-block-span6 td-post-next-post"><div class="td-post-next-prev-content">'
                f'<span>Artikel berikutnya</span><a href="{self.link(newer)}">{e(newer.title)}</a></div></div>'
            )
        prevnext += "</div>"
        person = article.box or article.account
        box = (
            f'<div class="author-box-wrap"><a href="{self.url(f"/author/{person.slug}/")}"><img'
            f' alt="{e(person.display)}" src="{self.url("/wp-content/uploads/avatar.png")}" class="avatar'
            ' avatar-96 photo" height="96" width="96"></a><div class="desc"><div class="td-author-name'
            f' vcard author"><span class="fn"><a href="{self.url(f"/author/{person.slug}/")}">'
            f'{e(person.display)}</a></span></div><div class="td-author-description">{e(person.bio)}'
            '</div><div class="td-author-social"></div><div class="clearfix"></div></div></div>'
        )
        related = "".join(
            '<div class="td-related-span4"><div class="td_module_related_posts td-animation-stack'
            ' td_mod_related_posts"><div class="td-module-image"><div class="td-module-thumb"><a'
            f' href="{self.link(a)}" rel="bookmark" class="td-image-wrap"><img class="entry-thumb"'
            f' src="{self.url(a.image)}" alt="" width="218" height="150"></a></div></div><div'
            f' class="item-details"><h3 class="entry-title td-module-title"><a href="{self.link(a)}"'
            f' rel="bookmark" title="{e(a.title)}">{e(a.title)}</a></h3></div></div></div>'
            for a in self.related(state, article)
        )
        main = (
            '<div class="td-main-content-wrap td-container-wrap"><div class="td-container'
            ' td-post-template-default"><div class="td-crumb-container"><div class="entry-crumbs">'
            f'<span><a title="" class="entry-crumb" href="{self.url("/")}">Beranda</a></span>{crumbs}'
            '</div></div><div class="td-pb-row"><div class="td-pb-span8 td-main-content"'
            ' role="main"><div class="td-ss-main-content">'
            f'<article id="post-{article.post_id}" class="post-{article.post_id} post type-post'
            ' status-publish format-standard has-post-thumbnail" itemscope'
            ' itemtype="https://schema.org/Article"><div class="td-post-header">'
            f'<ul class="td-category">{categories}</ul><header class="td-post-title">'
            f'<h1 class="entry-title">{e(article.title)}</h1><div class="td-module-meta-info">'
            '<div class="td-post-author-name"><div class="td-author-by">Oleh</div> <a href="'
            f'{self.url(f"/author/{article.account.slug}/")}">{e(article.account.display)}</a>'
            '<div class="td-author-line"> - </div></div><span class="td-post-date"><time'
            f' class="entry-date updated td-module-date" datetime="{iso(article.published)}">'
            f"{self.date_text(article)}</time></span>"
            f'<div class="td-post-comments"><a href="{url}#comments"><i class="td-icon-comments">'
            f'</i>{len(article.comments)}</a></div><div class="td-post-views"><i'
            f' class="td-icon-views"></i><span class="td-nr-views-{article.post_id}">'
            f"{_views(article)}</span></div></div></header></div>"
            f"{self._share(article, 'top')}"
            '<div class="td-post-featured-image"><a href="'
            f'{self.url(article.image)}" data-caption="" class="td-modal-image"><img'
            f' class="entry-thumb td-modal-image" src="{self.url(article.image)}" alt=""'
            f' title="{e(article.title)}" width="696" height="392"></a></div>'
            '<div class="td-post-content tagdiv-type"><div class="td-a-rec td-a-rec-id-content_top'
            ' tdi_3 td_block_template_1"><span class="td-adspot-title">- Advertisement -</span>'
            f"</div>\n{content}\n"
            '<div class="td-a-rec td-a-rec-id-content_bottom td_block_template_1"></div></div>'
            f'<footer><div class="td-post-source-tags"><ul class="td-tags td-post-small-box'
            f' clearfix"><li><span>TAGS</span></li>{tags}</ul></div>'
            f"{self._share(article, 'bottom')}{prevnext}{box}</footer></article>"
            '<div class="td_block_wrap td_block_related_posts td_with_ajax_pagination'
            ' td-pb-border-top td_block_template_1"><h4 class="td-related-title td-block-title">'
            '<a class="td-related-left td-cur-simple-item" href="#">ARTIKEL TERKAIT</a><a'
            ' class="td-related-right" href="#">LEBIH DARI PENULIS</a></h4><div'
            f' class="td_block_inner"><div class="td-related-row">{related}</div></div></div>'
            f'<div class="comments" id="comments">{self.comments_list(article, url)}'
            f"{self.comment_form('TINGGALKAN KOMENTAR')}</div>"
            f"</div></div>{self.cached(state, 'sidebar', self._sidebar)}</div></div></div>"
        )
        return self.document(
            state,
            self.article_head(state, article, url, self.portal.canonical_url(article, page)),
            self.body_class_single(article),
            main,
        )

    def listing_page(self, state: EpochState, listing: Listing) -> str:
        """A Newspaper category / home page."""
        items = "".join(self._module(a, i) for i, a in enumerate(listing.items))
        heading = (
            ""
            if listing.kind == "home"
            else f'<div class="td-page-header"><h1 class="entry-title td-page-title"><span>'
            f"{e(listing.title)}</span></h1></div>"
        )
        main = (
            '<div class="td-main-content-wrap td-container-wrap"><div class="td-container">'
            f'<div class="td-pb-row"><div class="td-pb-span8 td-main-content">{heading}'
            f'<div class="td-ss-main-content">{items}{_page_numbers(listing, "tagdiv")}</div></div>'
            f"{self.cached(state, 'sidebar', self._sidebar)}</div></div></div>"
        )
        return self.document(state, self.listing_head(listing), listing.body_class, main)

    def static_page(self, state: EpochState, page: StaticPage) -> str:
        """A Newspaper page."""
        body = "".join(f"<p>{e(p)}</p>" for p in page.paragraphs)
        main = (
            '<div class="td-main-content-wrap td-container-wrap"><div class="td-container"><div'
            ' class="td-pb-row"><div class="td-pb-span8 td-main-content"><div class="td-page-header">'
            f'<h1 class="entry-title td-page-title"><span>{e(page.title)}</span></h1></div>'
            f'<div class="td-page-content tagdiv-type">{body}</div></div>'
            f"{self.cached(state, 'sidebar', self._sidebar)}</div></div></div>"
        )
        head = self.page_head(page.title, self.url(self.portal.page_path(page)))
        return self.document(state, head, "page-template-default page", main)

    def not_found_page(self, state: EpochState) -> str:
        """The Newspaper 404 page."""
        main = (
            '<div class="td-main-content-wrap td-container-wrap"><div class="td-container"><div'
            ' class="td-pb-row"><div class="td-pb-span12 td-main-content"><div'
            ' class="td-404-title">Ooops... Kesalahan 404</div><div class="td-404-sub-title">'
            "Maaf, halaman yang Anda minta tidak ditemukan.</div></div></div></div></div>"
        )
        head = self.page_head("Halaman tidak ditemukan", self.url("/"), "noindex, follow")
        return self.document(state, head, "error404", main)


# =============================================================================================
# A plain default theme (Twenty Twenty-One style)
# =============================================================================================


class Plain(Theme):
    """A default WordPress theme: entry-content, entry-footer byline, author bio."""

    name = "twentytwentyone"
    stylesheet = (
        '<link rel="stylesheet" id="twenty-twenty-one-style-css"'
        ' href="/wp-content/themes/twentytwentyone/style.css?ver=2.1" media="all">'
    )

    def document(self, state: EpochState, head: str, body_class: str, main: str) -> str:
        """The whole page around `main` (html lang left at the installer's default, en-US)."""
        header = self.cached(state, "header", self._header)
        aside = self.cached(state, "sidebar", self._sidebar)
        return (
            f'<!doctype html>\n<html lang="en-US">\n<head>\n{head}\n</head>\n'
            f'<body class="{body_class} wp-embed-responsive is-light-theme no-js singular'
            ' has-main-navigation">\n<div id="page" class="site"><a class="skip-link'
            ' screen-reader-text" href="#content">Langsung ke konten</a>\n'
            f'{header}\n<div id="content" class="site-content"><div id="primary"'
            f' class="content-area"><main id="main" class="site-main">\n{main}\n</main></div></div>\n'
            f'{aside}\n<footer id="colophon" class="site-footer"><nav aria-label="Menu Sekunder"'
            f' class="footer-navigation"><ul class="footer-navigation-wrapper">{self.footer_links()}'
            '</ul></nav><div class="site-info"><div class="site-name"><a href="'
            f'{self.url("/")}">{e(self.site.name)}</a></div><div class="powered-by">'
            f"{self.copyright(state)} Dengan bangga ditenagai oleh WordPress.</div></div></footer>"
            "\n</div>\n</body>\n</html>\n"
        )

    def _header(self, state: EpochState) -> str:
        menu = "".join(
            f'<li class="menu-item"><a href="{self.url(f"/category/{t.slug}/")}">{e(t.name)}</a></li>'
            for t in self.menu(state)
        )
        return (
            '<header id="masthead" class="site-header has-title-and-tagline has-menu"><div'
            f' class="site-branding"><p class="site-title"><a href="{self.url("/")}" rel="home">'
            f'{e(self.site.name)}</a></p><p class="site-description">{e(self.site.tagline)}</p></div>'
            '<nav id="site-navigation" class="primary-navigation" aria-label="Menu Utama"><div'
            f' class="primary-menu-container"><ul id="primary-menu-list" class="menu-wrapper">{menu}'
            "</ul></div></nav></header>"
        )

    def _sidebar(self, state: EpochState) -> str:
        recent = "".join(
            f'<li><a href="{self.link(a)}">{e(a.title)}</a></li>'
            for a in state.articles[:SIDEBAR_ITEMS]
        )
        months = "".join(
            f'<li><a href="{self.url(f"/{y}/{m:02d}/")}">{MONTHS[m - 1]} {y}</a></li>'
            for y, m, _ in self.months(state)
        )
        cats = "".join(
            f'<li class="cat-item"><a href="{self.url(f"/category/{t.slug}/")}">{e(t.name)}</a></li>'
            for t in sorted(state.categories.values(), key=lambda t: t.name)
        )
        return (
            '<aside class="widget-area"><section id="recent-posts-2" class="widget'
            f' widget_recent_entries"><h2 class="widget-title">Pos-pos Terbaru</h2><nav><ul>{recent}'
            '</ul></nav></section><section id="archives-2" class="widget widget_archive"><h2'
            f' class="widget-title">Arsip</h2><nav><ul>{months}</ul></nav></section><section'
            ' id="categories-2" class="widget widget_categories"><h2 class="widget-title">'
            f"Kategori</h2><nav><ul>{cats}</ul></nav></section></aside>"
        )

    def article_page(self, state: EpochState, article: Article, page: int = 1) -> str:
        """A single post in the default theme."""
        url = self.link(article)
        content = self.article_body(state, article, page)
        cats = ", ".join(
            f'<a href="{self.url(f"/category/{slug}/")}" rel="category tag">{e(n)}</a>'
            for n, slug in self._category_slugs(article)
        )
        tags = ", ".join(
            f'<a href="{self.url(f"/tag/{slug}/")}" rel="tag">{e(n)}</a>'
            for n, slug in self._tag_slugs(article)
        )
        bio = ""
        if article.box:
            person = article.box
            bio = (
                '<div class="author-bio show-avatar-true"><img alt="" src="'
                f'{self.url("/wp-content/uploads/avatar.png")}" class="avatar avatar-85 photo"'
                ' height="85" width="85"><div class="author-bio-content"><h2 class="author-title">'
                f'Diterbitkan oleh {e(person.display)}</h2><p class="author-description">'
                f'{e(person.bio)} <a class="author-link" href="{self.url(f"/author/{person.slug}/")}"'
                f' rel="author">Lihat semua pos oleh {e(person.display)}</a></p></div></div>'
            )
        older, newer = self.prev_next(state, article)
        nav = '<nav class="navigation post-navigation" aria-label="Pos"><div class="nav-links">'
        if older:
            nav += (
                f'<div class="nav-previous"><a href="{self.link(older)}" rel="prev"><p'
                f' class="meta-nav">Pos sebelumnya</p><p class="post-title">{e(older.title)}</p></a></div>'
            )
        if newer:
            nav += (
                f'<div class="nav-next"><a href="{self.link(newer)}" rel="next"><p'
                f' class="meta-nav">Pos berikutnya</p><p class="post-title">{e(newer.title)}</p></a></div>'
            )
        nav += "</div></nav>"
        count = len(article.comments)
        comments_title = (
            f'<h2 class="comments-title">{count} tanggapan untuk'
            f" &#8220;{e(article.title)}&#8221;</h2>"
            if count
            else ""
        )
        main = (
            f'<article id="post-{article.post_id}" class="post-{article.post_id} post type-post'
            ' status-publish format-standard has-post-thumbnail hentry entry">'
            f'<header class="entry-header alignwide"><h1 class="entry-title">{e(article.title)}</h1>'
            f'<figure class="post-thumbnail"><img width="1568" height="882" src="{self.url(article.image)}"'
            ' class="attachment-post-thumbnail size-post-thumbnail wp-post-image" alt=""'
            ' decoding="async"></figure></header>'
            f'<div class="entry-content">\n{content}\n</div>'
            '<footer class="entry-footer default-max-width"><div class="posted-by"><span'
            f' class="posted-on">Diterbitkan <time class="entry-date published updated"'
            f' datetime="{iso(article.published)}">{self.date_text(article)}</time></span><span'
            f' class="byline">Oleh <a href="{self.url(f"/author/{article.account.slug}/")}"'
            f' rel="author">{e(article.account.display)}</a></span></div><div'
            f' class="post-taxonomies"><span class="cat-links">Dikategorikan sebagai {cats} </span>'
            f'<span class="tags-links">Ditandai {tags}</span></div></footer>{bio}</article>'
            f'<div id="comments" class="comments-area default-max-width show-avatars">{comments_title}'
            f"{self.comments_list(article, url)}{self.comment_form('Leave a Reply', 'h2')}</div>{nav}"
        )
        return self.document(
            state,
            self.article_head(state, article, url, self.portal.canonical_url(article, page)),
            self.body_class_single(article),
            main,
        )

    def listing_page(self, state: EpochState, listing: Listing) -> str:
        """An archive in the default theme (excerpts)."""
        items = []
        for i, article in enumerate(listing.items):
            href = self.item_href(article, i, "arsip")
            items.append(
                f'<article id="post-{article.post_id}" class="post-{article.post_id} post'
                ' type-post status-publish format-standard hentry entry"><header'
                f' class="entry-header"><h2 class="entry-title default-max-width"><a href="{e(href)}">'
                f'{e(article.title)}</a></h2></header><div class="entry-content"><p>'
                f"{e(article.excerpt)}</p></div><footer"
                ' class="entry-footer default-max-width"><span class="posted-on">Diterbitkan <time'
                f' class="entry-date published" datetime="{iso(article.published)}">'
                f'{tanggal(article.published)}</time></span> <span class="comments-link"><a'
                f' href="{self.link(article)}#comments">{len(article.comments)} Komentar</a></span>'
                "</footer></article>"
            )
        heading = (
            ""
            if listing.kind == "home"
            else f'<header class="page-header alignwide"><h1 class="page-title">{e(listing.title)}'
            "</h1></header>"
        )
        main = f"{heading}{''.join(items)}{_page_numbers(listing, 'plain')}"
        return self.document(state, self.listing_head(listing), listing.body_class, main)

    def static_page(self, state: EpochState, page: StaticPage) -> str:
        """A page in the default theme."""
        body = "".join(f"<p>{e(p)}</p>" for p in page.paragraphs)
        main = (
            '<article class="page type-page status-publish hentry entry"><header'
            f' class="entry-header alignwide"><h1 class="entry-title">{e(page.title)}</h1></header>'
            f'<div class="entry-content">{body}</div></article>'
        )
        head = self.page_head(page.title, self.url(self.portal.page_path(page)))
        return self.document(state, head, "page-template-default page", main)

    def not_found_page(self, state: EpochState) -> str:
        """The default theme's 404 page."""
        main = (
            '<header class="page-header alignwide"><h1 class="page-title">Tidak ada apa-apa di'
            ' sini</h1></header><div class="error-404 not-found default-max-width"><div'
            ' class="page-content"><p>Sepertinya tidak ada yang ditemukan di lokasi ini.</p></div>'
            "</div>"
        )
        head = self.page_head("Halaman tidak ditemukan", self.url("/"), "noindex, follow")
        return self.document(state, head, "error404", main)


# =============================================================================================
# Blogspot
# =============================================================================================


class Blogspot(Theme):
    """A Blogger template (Contempo-like): post-body entry-content, post-footer labels."""

    name = "blogspot"

    def feed_links(self) -> str:
        """Blogger's Atom and RSS alternates."""
        name = e(self.site.name)
        return (
            f'<link rel="alternate" type="application/atom+xml" title="{name} - Atom"'
            f' href="{self.url("/feeds/posts/default")}">\n'
            f'<link rel="alternate" type="application/rss+xml" title="{name} - RSS"'
            f' href="{self.url("/feeds/posts/default?alt=rss")}">'
        )

    def wp_links(self, post_id: int | None = None) -> str:
        """Blogger's generator tag (no WordPress links)."""
        return '<meta content="blogger" name="generator">'

    def article_jsonld(self, state: EpochState, article: Article, url: str) -> str:
        """The BlogPosting object Blogger prints (publisher is Blogger itself)."""
        return _json_ld(
            {
                "@context": "http://schema.org",
                "@type": "BlogPosting",
                "mainEntityOfPage": {"@type": "WebPage", "@id": url},
                "headline": article.title,
                "description": article.excerpt.replace(" […]", "…"),
                "datePublished": iso(article.published),
                "dateModified": iso(article.modified),
                "image": {
                    "@type": "ImageObject",
                    "url": self.url(article.image),
                    "height": 348,
                    "width": 1200,
                },
                "publisher": {
                    "@type": "Organization",
                    "name": "Blogger",
                    "logo": {"@type": "ImageObject", "url": self.url("/img/blogger_logo.png")},
                },
                "author": {"@type": "Person", "name": article.account.display},
            }
        )

    def document(
        self, state: EpochState, head: str, body_class: str, main: str, widget_class: str = ""
    ) -> str:
        """The whole Blogger page around `main`."""
        header = self.cached(state, "header", self._header)
        sidebar = self.cached(state, "sidebar", self._sidebar)
        return (
            '<!DOCTYPE html>\n<html dir="ltr" lang="id">\n<head>\n'
            '<meta content="width=device-width, initial-scale=1" name="viewport">\n'
            f'{head}\n</head>\n<body class="{body_class} version-1-3-3 variant-indie_light">\n'
            f'<div class="page">\n{header}\n<div class="page_body"><div class="centered"><main'
            ' class="centered-bottom" id="main" role="main" tabindex="-1"><div class="main section"'
            f' id="page_body" name="Badan Halaman"><div class="widget Blog" data-version="2"'
            f' id="Blog1">\n{main}\n</div></div></main></div></div>\n{sidebar}\n'
            '<footer class="footer section" id="footer"><div class="widget Attribution"'
            ' id="Attribution1"><div class="widget-content"><div class="blogger">Diberdayakan oleh'
            ' <a href="https://blogger.invalid" rel="nofollow">Blogger</a></div>'
            f'<div class="copyright">{self.copyright(state)}</div></div></div></footer>\n'
            "</div>\n</body>\n</html>\n"
        )

    def _header(self, state: EpochState) -> str:
        pages = "".join(
            f'<li><a href="{self.url(self.portal.page_path(p))}">{e(p.title)}</a></li>'
            for p in self.portal.corpus.pages
        )
        return (
            '<header class="centered-top-container" role="banner"><div class="centered-top">'
            '<div class="blog-name container"><div class="container section" id="header"><div'
            ' class="widget Header" data-version="2" id="Header1"><div class="header-widget">'
            f'<div><h1><a href="{self.url("/")}">{e(self.site.name)}</a></h1></div>'
            f'<p>{e(self.site.tagline)}</p></div></div></div></div><nav role="navigation"><div'
            ' class="widget PageList" data-version="2" id="PageList1"><div class="widget-content">'
            f'<ul><li class="selected"><a href="{self.url("/")}">Beranda</a></li>{pages}</ul></div>'
            "</div></nav></div></header>"
        )

    def _sidebar(self, state: EpochState) -> str:
        popular = "".join(
            f'<div class="post"><div class="post-content"><a class="post-title" href="{self.link(a)}">'
            f'{e(a.title)}</a><div class="snippet-item post-snippet">{e(a.excerpt)}'
            "</div></div></div>"
            for a in self.popular(state)
        )
        label_counts: dict[str, int] = {}
        for article in state.articles:
            for label in self.portal.labels_of(article):
                label_counts[label] = label_counts.get(label, 0) + 1
        labels = "".join(
            f'<li><a class="label-name" href="{self.url("/search/label/" + _label_path(n))}">{e(n)}'
            f'<span class="label-count">{c}</span></a></li>'
            for n, c in sorted(label_counts.items())[:30]
        )
        years: dict[int, list[tuple[int, int]]] = {}
        for y, m, n in self.months(state):
            years.setdefault(y, []).append((m, n))
        archive = "".join(
            f'<li class="archivedate"><a class="post-count-link" href="{self.url(f"/{y}/")}">{y}</a>'
            f'<span class="post-count">{sum(n for _, n in ms)}</span><ul class="hierarchy">'
            + "".join(
                f'<li class="archivedate"><a class="post-count-link" href="{self.url(f"/{y}/{m:02d}/")}">'
                f'{MONTHS[m - 1]}</a><span class="post-count">{n}</span></li>'
                for m, n in ms
            )
            + "</ul></li>"
            for y, ms in years.items()
        )
        return (
            '<aside class="sidebar-container container sidebar-invisible" role="complementary">'
            '<div class="sidebar_top_wrapper"><div class="sidebar_top section" id="sidebar_top">'
            '<div class="widget PopularPosts" data-version="2" id="PopularPosts1"><h3'
            f' class="title">Postingan Populer</h3><div role="feed">{popular}</div></div>'
            '<div class="widget Label" data-version="2" id="Label1"><h3 class="title">Label</h3>'
            f'<div class="widget-content list-label-widget-content"><ul>{labels}</ul></div></div>'
            '<div class="widget BlogArchive" data-version="2" id="BlogArchive1"><h3 class="title">'
            'Arsip Blog</h3><div class="widget-content"><div id="ArchiveList"><div'
            f' id="BlogArchive1_ArchiveList"><ul class="hierarchy">{archive}</ul></div></div></div>'
            "</div></div></div></aside>"
        )

    def article_head(
        self, state: EpochState, article: Article, url: str, canonical: str | None = None
    ) -> str:
        """Blogger's head: canonical, og:*, feeds, BlogPosting JSON-LD (no article:* meta)."""
        charset = "iso-8859-1" if "charset-lie" in article.flags else "UTF-8"
        return (
            f'<meta content="text/html; charset={charset}" http-equiv="Content-Type">\n'
            f'{self.wp_links()}\n<link href="{self.url("/favicon.ico")}" rel="icon" type="image/x-icon">\n'
            f'<link href="{url}" rel="canonical">\n{self.feed_links()}\n'
            f'<link rel="service.post" type="application/atom+xml" title="{e(self.site.name)} - Atom"'
            ' href="https://blogger.invalid/feeds/4421/posts/default">\n'
            f'<meta content="{url}" property="og:url">\n'
            f'<meta content="{e(article.title)}" property="og:title">\n'
            f'<meta content="{e(article.excerpt.replace(" […]", "…"))}" property="og:description">\n'
            f'<meta content="{self.url(article.image)}" property="og:image">\n'
            f"<title>{e(article.title)}</title>\n"
            f"{self.article_jsonld(state, article, url)}"
        )

    def _post(self, state: EpochState, article: Article, full: bool) -> str:
        url = self.link(article)
        labels = "".join(
            f'<a href="{self.url("/search/label/" + _label_path(n))}" rel="tag">{e(n)}</a>'
            for n in self.portal.labels_of(article)
        )
        if full:
            content, _ = self.portal.content(article, state.epoch)
            body = (
                f'<div class="post-body entry-content float-container"'
                f' id="post-body-{article.post_id}">\n{content}\n</div>'
            )
        else:
            body = (
                f'<div class="container post-body entry-content" id="post-snippet-{article.post_id}">'
                f'<div class="snippet-container r-snippet-container"><div class="snippet-item'
                f' r-snippetized">{e(article.excerpt)}</div></div></div>'
                f'<div class="jump-link flat-button"><a href="{url}#more" title="{e(article.title)}">'
                "Baca selengkapnya &#187;</a></div>"
            )
        share = self.share_links(
            article,
            '<a class="goog-inline-block share-button sb-{net}" href="{href}"'
            ' target="_blank" title="Bagikan ke {label}"><span class="share-button-link-text">'
            "Bagikan ke {label}</span></a>",
        )
        title = (
            f'<h3 class="post-title entry-title">{e(article.title)}</h3>'
            if full
            else f'<h3 class="post-title entry-title"><a href="{url}">{e(article.title)}</a></h3>'
        )
        return (
            '<div class="post-outer-container"><div class="post-outer"><div class="post">'
            f'<a name="{article.post_id}"></a>{title}'
            '<div class="post-header"><div class="post-header-line-1"><span class="byline'
            ' post-author vcard"><span class="byline-label">Oleh</span> <span class="fn"><a'
            f' class="g-profile" href="https://blogger.invalid/profile/{article.account.slug}" rel="author"'
            f' title="author profile"><span>{e(article.account.display)}</span></a></span></span>'
            f'<span class="byline post-timestamp"><a class="timestamp-link" href="{url}"'
            f' rel="bookmark" title="permanent link"><time class="published"'
            f' datetime="{iso(article.published)}" title="{iso(article.published)}">'
            f"{self.date_text(article)}</time></a></span></div></div>{body}"
            '<div class="post-footer"><div class="post-footer-line post-footer-line-1"><div'
            f' class="byline post-share-buttons goog-inline-block">{share}</div></div>'
            '<div class="post-footer-line post-footer-line-2"><span class="byline post-labels">'
            f'<span class="byline-label">Label:</span>{labels}</span></div></div></div></div></div>'
        )

    def article_page(self, state: EpochState, article: Article, page: int = 1) -> str:
        """A Blogger item page (Blogger has no page breaks: `page` is always 1)."""
        url = self.link(article)
        comments = "".join(
            f'<li class="comment" id="c{article.post_id}{n}"><div class="comment-block"><div'
            f' class="comment-header"><cite class="user">{e(c.author)}</cite></div><p'
            f' class="comment-content">{e(c.text)}</p></div></li>'
            for n, c in enumerate(article.comments)
        )
        older, newer = self.prev_next(state, article)
        pager = '<div class="blog-pager container" id="blog-pager">'
        if newer:
            pager += (
                f'<a class="blog-pager-newer-link" href="{self.link(newer)}"'
                ' id="Blog1_blog-pager-newer-link" title="Posting Lebih Baru">Posting Lebih Baru</a>'
            )
        if older:
            pager += (
                f'<a class="blog-pager-older-link" href="{self.link(older)}"'
                ' id="Blog1_blog-pager-older-link" title="Posting Lama">Posting Lama</a>'
            )
        pager += f'<a class="home-link" href="{self.url("/")}">Beranda</a></div>'
        main = (
            '<div class="blog-posts hfeed container"><article class="post-outer-container">'
            f"{self._post(state, article, True)}"
            f'<section class="comments embed" data-num-comments="{len(article.comments)}"'
            ' id="comments"><a name="comments"></a><h3 class="title">Komentar</h3><div'
            f' class="comments-content"><ol id="top-ra">{comments}</ol></div><p'
            ' class="comment-footer"><a href="https://blogger.invalid/comment/frame">Posting'
            " Komentar</a></p></section></article></div>"
            f"{pager}"
        )
        return self.document(state, self.article_head(state, article, url), "item-view", main)

    def listing_page(self, state: EpochState, listing: Listing) -> str:
        """A Blogger home, search, label or archive page with snippets and an older-posts link."""
        posts = "".join(self._post(state, a, False) for a in listing.items)
        pager = '<div class="blog-pager container" id="blog-pager">'
        if listing.prev_url:
            pager += (
                f'<a class="blog-pager-newer-link" href="{e(listing.prev_url)}"'
                ' id="Blog1_blog-pager-newer-link" title="Posting Lebih Baru">Posting Lebih Baru</a>'
            )
        if listing.next_url:
            pager += (
                f'<a class="blog-pager-older-link flat-button ripple" href="{e(listing.next_url)}"'
                ' id="Blog1_blog-pager-older-link" title="Posting Lama">Posting Lama</a>'
            )
        pager += "</div>"
        heading = (
            ""
            if listing.kind == "home"
            else f'<div class="post-filter-message"><div>{e(listing.title)}</div></div>'
        )
        main = f'{heading}<div class="blog-posts hfeed container">{posts}</div>{pager}'
        head = (
            f'<meta content="text/html; charset=UTF-8" http-equiv="Content-Type">\n{self.wp_links()}\n'
            f'<link href="{e(listing.canonical)}" rel="canonical">\n{self.feed_links()}\n'
            f"<title>{e(self.site.name if listing.kind == 'home' else listing.title + ' - ' + self.site.name)}</title>"
        )
        return self.document(state, head, "feed-view", main)

    def static_page(self, state: EpochState, page: StaticPage) -> str:
        """A Blogger static page (`/p/slug.html`)."""
        body = "".join(f"<p>{e(p)}</p>" for p in page.paragraphs)
        main = (
            '<div class="blog-posts hfeed container"><div class="post-outer-container"><div'
            f' class="post"><h3 class="post-title entry-title">{e(page.title)}</h3>'
            f'<div class="post-body entry-content">{body}</div></div></div></div>'
        )
        head = (
            f'{self.wp_links()}\n<link href="{self.url(self.portal.page_path(page))}"'
            f' rel="canonical">\n{self.feed_links()}\n<title>{e(page.title)}</title>'
        )
        return self.document(state, head, "item-view", main)

    def not_found_page(self, state: EpochState) -> str:
        """Blogger's "page not found" view."""
        main = (
            '<div class="status-msg-wrap"><div class="status-msg-body">Maaf, halaman yang Anda'
            " cari di blog ini tidak ada.</div></div>"
        )
        head = f"{self.wp_links()}\n{self.feed_links()}\n<title>{e(self.site.name)}</title>"
        return self.document(state, head, "error-view", main)


def _views(article: Article) -> int:
    """A stable, made-up view counter (tagDiv prints one under the title): 40 to 2,039."""
    return (article.post_id * 37) % 2000 + 40


def _label_path(name: str) -> str:
    return quote(name)


THEME_CLASSES: dict[str, type[Theme]] = {
    "jnews": JNews,
    "tagdiv": TagDiv,
    "plain": Plain,
    "blogspot": Blogspot,
}


def theme_for(portal: Portal) -> Theme:
    """The theme renderer a portal's spec asks for."""
    return THEME_CLASSES[portal.spec.theme or "jnews"](portal)
