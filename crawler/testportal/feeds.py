"""Machine-readable channels of the test portal: robots.txt, sitemaps, RSS/Atom feeds, WP REST."""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import datetime, timedelta
from urllib.parse import urlencode
from xml.sax.saxutils import escape as xml_escape

from crawler.testportal.formats import iso, iso_naive, rfc822, utc
from crawler.testportal.model import Article, slugify
from crawler.testportal.portal import EpochState, Portal

WP_VERSION = "6.4.3"
FEED_ITEMS = 10  # WordPress "Syndication feeds show the most recent" default
CORE_SITEMAP_URLS = 2000  # wp_sitemaps_get_max_urls() default
YOAST_SITEMAP_URLS = 1000  # Yoast SEO's entries per sitemap
BLOGGER_SITEMAP_URLS = 150  # posts per Blogger `sitemap.xml?page=N`
NEWS_WINDOW = timedelta(hours=48)  # Google News sitemaps list articles of the last two days
BLOGGER_MAX_RESULTS = 150  # Blogger caps `max-results` of a feed page
BLOGGER_DEFAULT_RESULTS = 25  # Blogger's feed page size when none is asked
REST_MAX_PER_PAGE = 100  # WordPress REST `per_page` maximum
REST_DEFAULT_PER_PAGE = 10
BLOG_ID = "4421"  # the invented Blogger blog id in feed ids

XML_HEAD = '<?xml version="1.0" encoding="UTF-8"?>\n'
SITEMAP_NS = 'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"'


def x(text: object) -> str:
    """XML-escape text content."""
    return xml_escape(str(text), {'"': "&quot;"})


def cdata(text: str) -> str:
    """A CDATA section (WordPress wraps creators, categories and content in them)."""
    return "<![CDATA[" + text.replace("]]>", "]]]]><![CDATA[>") + "]]>"


# ---- robots ------------------------------------------------------------------------------------


def robots_txt(portal: Portal) -> str:
    """robots.txt as WordPress + Yoast (or Blogger) serve it, with Sitemap: lines."""
    if portal.is_blogspot:
        return (
            "User-agent: Mediapartners-Google\nDisallow: \n\n"
            "User-agent: *\nDisallow: /search\nDisallow: /__control__/\nAllow: /\n\n"
            f"Sitemap: {portal.url('/sitemap.xml')}\n"
        )
    return (
        "# START YOAST BLOCK\n# ---------------------------\n"
        "User-agent: *\nDisallow: /wp-admin/\nAllow: /wp-admin/admin-ajax.php\n"
        "Disallow: /__control__/\n\n"
        f"Sitemap: {portal.url('/sitemap_index.xml')}\n"
        f"Sitemap: {portal.url('/news-sitemap.xml')}\n"
        "# ---------------------------\n# END YOAST BLOCK\n"
    )


# ---- sitemaps ----------------------------------------------------------------------------------


def _sitemap_index(entries: Sequence[tuple[str, datetime | None]], xsl: str = "") -> str:
    parts = [XML_HEAD]
    if xsl:
        parts.append(f'<?xml-stylesheet type="text/xsl" href="{x(xsl)}"?>\n')
    parts.append(f"<sitemapindex {SITEMAP_NS}>\n")
    for loc, lastmod in entries:
        mod = f"<lastmod>{iso(lastmod)}</lastmod>" if lastmod else ""
        parts.append(f"<sitemap><loc>{x(loc)}</loc>{mod}</sitemap>\n")
    parts.append("</sitemapindex>\n")
    return "".join(parts)


def _urlset(entries: Sequence[tuple[str, datetime | None, str | None]], xsl: str = "") -> str:
    parts = [XML_HEAD]
    if xsl:
        parts.append(f'<?xml-stylesheet type="text/xsl" href="{x(xsl)}"?>\n')
    parts.append(
        f'<urlset {SITEMAP_NS} xmlns:image="http://www.google.com/schemas/sitemap-image/1.1">\n'
    )
    for loc, lastmod, image in entries:
        mod = f"<lastmod>{iso(lastmod)}</lastmod>" if lastmod else ""
        img = f"<image:image><image:loc>{x(image)}</image:loc></image:image>" if image else ""
        parts.append(f"<url><loc>{x(loc)}</loc>{mod}{img}</url>\n")
    parts.append("</urlset>\n")
    return "".join(parts)


def _pages_of(items: list, size: int) -> int:
    return max(1, -(-len(items) // size))


def core_sitemap_index(portal: Portal, state: EpochState) -> str:
    """`/wp-sitemap.xml`: WordPress core's index of post, page, taxonomy and user sitemaps."""
    pages = _pages_of(state.articles, CORE_SITEMAP_URLS)
    entries: list[tuple[str, datetime | None]] = [
        (portal.url(f"/wp-sitemap-posts-post-{n}.xml"), None) for n in range(1, pages + 1)
    ]
    entries += [
        (portal.url("/wp-sitemap-posts-page-1.xml"), None),
        (portal.url("/wp-sitemap-taxonomies-category-1.xml"), None),
        (portal.url("/wp-sitemap-taxonomies-post_tag-1.xml"), None),
        (portal.url("/wp-sitemap-users-1.xml"), None),
    ]
    return _sitemap_index(entries, portal.url("/wp-sitemap-index.xsl"))


def core_sitemap(portal: Portal, state: EpochState, kind: str, number: int) -> str | None:
    """One WordPress core sitemap (`posts-post-N`, `posts-page-1`, taxonomies, users) or None."""
    xsl = portal.url("/wp-sitemap.xsl")
    if kind == "posts-post":
        ordered = sorted(state.articles, key=lambda a: a.post_id)  # core orders posts by ID
        chunk = ordered[(number - 1) * CORE_SITEMAP_URLS : number * CORE_SITEMAP_URLS]
        if not chunk:
            return None
        return _urlset([(portal.article_url(a), a.modified, None) for a in chunk], xsl)
    if number != 1:
        return None
    if kind == "posts-page":
        return _urlset(
            [(portal.url(portal.page_path(p)), None, None) for p in portal.corpus.pages], xsl
        )
    if kind == "taxonomies-category":
        return _urlset(
            [(portal.url(f"/category/{t.slug}/"), None, None) for t in state.categories.values()],
            xsl,
        )
    if kind == "taxonomies-post_tag":
        return _urlset(
            [(portal.url(f"/tag/{t.slug}/"), None, None) for t in state.tags.values()], xsl
        )
    if kind == "users":
        return _urlset(
            [(portal.url(f"/author/{t.slug}/"), None, None) for t in state.authors.values()], xsl
        )
    return None


def _yoast_posts(state: EpochState) -> list[Article]:
    return sorted(state.articles, key=lambda a: (a.modified, a.post_id))  # oldest change first


def yoast_index(portal: Portal, state: EpochState) -> str:
    """`/sitemap_index.xml`: Yoast's index, including a malformed and an empty sitemap."""
    posts = _yoast_posts(state)
    xsl = portal.url("/main-sitemap.xsl")
    entries: list[tuple[str, datetime | None]] = []
    for n in range(1, _pages_of(posts, YOAST_SITEMAP_URLS) + 1):
        chunk = posts[(n - 1) * YOAST_SITEMAP_URLS : n * YOAST_SITEMAP_URLS]
        name = "/post-sitemap.xml" if n == 1 else f"/post-sitemap{n}.xml"
        entries.append((portal.url(name), chunk[-1].modified if chunk else None))
    newest = state.articles[0].modified if state.articles else None
    entries += [
        (portal.url("/page-sitemap.xml"), newest),
        (portal.url("/category-sitemap.xml"), newest),
        (portal.url("/post_tag-sitemap.xml"), newest),
        (portal.url("/author-sitemap.xml"), newest),
        (portal.url("/sitemap-broken.xml"), newest),
        (portal.url("/video-sitemap.xml"), newest),
    ]
    return _sitemap_index(entries, xsl)


def yoast_sitemap(portal: Portal, state: EpochState, name: str) -> str | None:
    """One Yoast sitemap by file name (`post-sitemap2.xml`, `category-sitemap.xml`, …) or None."""
    xsl = portal.url("/main-sitemap.xsl")
    if name.startswith("post-sitemap"):
        number_text = name[len("post-sitemap") : -len(".xml")] or "1"
        if not number_text.isdigit():
            return None
        number = int(number_text)
        chunk = _yoast_posts(state)[(number - 1) * YOAST_SITEMAP_URLS : number * YOAST_SITEMAP_URLS]
        if not chunk or number < 1:
            return None
        return _urlset(
            [(portal.article_url(a), a.modified, portal.url(a.image)) for a in chunk], xsl
        )
    if name == "page-sitemap.xml":
        return _urlset(
            [(portal.url("/"), None, None)]
            + [(portal.url(portal.page_path(p)), None, None) for p in portal.corpus.pages],
            xsl,
        )
    if name == "category-sitemap.xml":
        return _urlset(
            [
                (portal.url(f"/category/{t.slug}/"), t.articles[0].modified, None)
                for t in state.categories.values()
            ],
            xsl,
        )
    if name == "post_tag-sitemap.xml":
        return _urlset(
            [
                (portal.url(f"/tag/{t.slug}/"), t.articles[0].modified, None)
                for t in state.tags.values()
            ],
            xsl,
        )
    if name == "author-sitemap.xml":
        return _urlset(
            [
                (portal.url(f"/author/{t.slug}/"), t.articles[0].modified, None)
                for t in state.authors.values()
            ],
            xsl,
        )
    return None


def broken_sitemap(portal: Portal, state: EpochState) -> str:
    """A sitemap cut off mid-element, with a bare ampersand: malformed on purpose."""
    first = portal.article_url(state.articles[0]) if state.articles else portal.url("/")
    return (
        f"{XML_HEAD}<urlset {SITEMAP_NS}>\n<url><loc>{x(first)}</loc><lastmod>2024-05-3"
        "</url>\n<url><loc>Berita & Peristiwa</loc>\n<url><lo"
    )


def news_sitemap(portal: Portal, state: EpochState) -> str:
    """`/news-sitemap.xml`: Google News entries for the last 48 hours of the portal's clock."""
    cutoff = state.clock - NEWS_WINDOW
    parts = [
        XML_HEAD,
        f'<urlset {SITEMAP_NS} xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">\n',
    ]
    for article in state.articles:
        if article.published < cutoff:
            break
        parts.append(
            f"<url><loc>{x(portal.article_url(article))}</loc><news:news><news:publication>"
            f"<news:name>{x(portal.site.name)}</news:name><news:language>id</news:language>"
            f"</news:publication><news:publication_date>{iso(article.published)}"
            f"</news:publication_date><news:title>{x(article.title)}</news:title></news:news>"
            "</url>\n"
        )
    parts.append("</urlset>\n")
    return "".join(parts)


def blogger_sitemap(portal: Portal, state: EpochState, page: int | None) -> str | None:
    """Blogger's `/sitemap.xml` (an index of `?page=N`) or one of its pages."""
    ordered = state.articles
    if page is None:
        pages = _pages_of(ordered, BLOGGER_SITEMAP_URLS)
        return _sitemap_index(
            [(portal.url(f"/sitemap.xml?page={n}"), None) for n in range(1, pages + 1)]
        )
    chunk = ordered[(page - 1) * BLOGGER_SITEMAP_URLS : page * BLOGGER_SITEMAP_URLS]
    if page < 1 or not chunk:
        return None
    return _urlset([(portal.article_url(a), a.modified, None) for a in chunk])


def blogger_pages_sitemap(portal: Portal) -> str:
    """Blogger's `/sitemap-pages.xml` (static pages)."""
    return _urlset([(portal.url(portal.page_path(p)), None, None) for p in portal.corpus.pages])


# ---- WordPress RSS -----------------------------------------------------------------------------


def wordpress_rss(
    portal: Portal, state: EpochState, items: list[Article], self_url: str, title: str = ""
) -> str:
    """An RSS 2.0 feed in WordPress's format (full content in `content:encoded`)."""
    site = portal.site
    newest = max((a.modified for a in items), default=state.clock)
    parts = [
        XML_HEAD,
        '<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"'
        ' xmlns:wfw="http://wellformedweb.org/CommentAPI/" xmlns:dc="http://purl.org/dc/elements/1.1/"'
        ' xmlns:atom="http://www.w3.org/2005/Atom" xmlns:sy="http://purl.org/rss/1.0/modules/syndication/"'
        ' xmlns:slash="http://purl.org/rss/1.0/modules/slash/">\n<channel>\n',
        f"<title>{x(title or site.name)}</title>\n",
        f'<atom:link href="{x(self_url)}" rel="self" type="application/rss+xml" />\n',
        f"<link>{x(portal.url(''))}</link>\n<description>{x(site.tagline)}</description>\n",
        f"<lastBuildDate>{rfc822(utc(newest))}</lastBuildDate>\n<language>id</language>\n",
        "<sy:updatePeriod>hourly</sy:updatePeriod>\n<sy:updateFrequency>1</sy:updateFrequency>\n",
        f"<generator>https://wordpress.org/?v={WP_VERSION}</generator>\n",
    ]
    for article in items:
        url = portal.article_url(article)
        # get_the_content() of the feed loop: page 1 of a split article
        content = portal.content_pages(article, state.epoch)[0]
        categories = "".join(
            f"<category>{cdata(name)}</category>"
            for name in (*portal.categories_of(article), *article.tags)
        )
        parts.append(
            f"<item>\n<title>{x(article.title)}</title>\n<link>{x(url)}</link>\n"
            f"<comments>{x(url)}#respond</comments>\n"
            f"<dc:creator>{cdata(article.account.display)}</dc:creator>\n"
            f"<pubDate>{rfc822(utc(article.published))}</pubDate>\n{categories}\n"
            f'<guid isPermaLink="false">{x(portal.url(f"/?p={article.post_id}"))}</guid>\n'
            f"<description>{cdata(article.excerpt)}</description>\n"
            f"<content:encoded>{cdata(content)}</content:encoded>\n"
            f"<wfw:commentRss>{x(url)}feed/</wfw:commentRss>\n"
            f"<slash:comments>{len(article.comments)}</slash:comments>\n</item>\n"
        )
    parts.append("</channel>\n</rss>\n")
    return "".join(parts)


def comments_rss(portal: Portal, state: EpochState) -> str:
    """`/comments/feed/`: the newest comments (titles only)."""
    rows = []
    for article in state.articles[:50]:  # WordPress reads comments of recent posts only
        for comment in article.comments:
            when = article.published + timedelta(minutes=comment.minutes_after)
            rows.append((when, article, comment))
    rows.sort(key=lambda r: r[0], reverse=True)
    parts = [
        XML_HEAD,
        '<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"'
        ' xmlns:atom="http://www.w3.org/2005/Atom">\n<channel>\n',
        f"<title>Komentar untuk {x(portal.site.name)}</title>\n<link>{x(portal.url(''))}</link>\n",
        f"<description>{x(portal.site.tagline)}</description>\n",
    ]
    for when, article, comment in rows[:FEED_ITEMS]:
        parts.append(
            f"<item><title>Komentar pada {x(article.title)} oleh {x(comment.author)}</title>"
            f"<link>{x(portal.article_url(article))}#comments</link>"
            f"<dc:creator>{cdata(comment.author)}</dc:creator><pubDate>{rfc822(utc(when))}"
            f"</pubDate><description>{cdata(comment.text)}</description></item>\n"
        )
    parts.append("</channel>\n</rss>\n")
    return "".join(parts)


# ---- Blogger feeds -----------------------------------------------------------------------------


def blogger_feed(
    portal: Portal,
    state: EpochState,
    items: list[Article],
    *,
    total: int,
    start: int,
    per_page: int,
    fmt: str,
    summary: bool,
    base_path: str,
) -> tuple[str, str]:
    """A Blogger posts feed page: (content type, body) in `atom`, `rss` or `json`."""
    site = portal.site
    updated = max((a.modified for a in state.articles), default=state.clock)
    feed_url = portal.url(base_path)
    next_start = start + per_page if start - 1 + per_page < total else None
    alt = "" if fmt == "atom" else f"alt={fmt}&"
    next_url = (
        f"{feed_url}?{alt}start-index={next_start}&max-results={per_page}" if next_start else None
    )
    entries = [_blogger_entry(portal, state, a, summary) for a in items]
    if fmt == "json":
        feed: dict[str, object] = {
            "id": {"$t": f"tag:blogger.com,1999:blog-{BLOG_ID}"},
            "updated": {"$t": _blogger_time(updated)},
            "title": {"type": "text", "$t": site.name},
            "subtitle": {"type": "html", "$t": site.tagline},
            "link": [{"rel": "alternate", "type": "text/html", "href": portal.url("/")}]
            + (
                [{"rel": "next", "type": "application/atom+xml", "href": next_url}]
                if next_url
                else []
            ),
            "openSearch$totalResults": {"$t": str(total)},
            "openSearch$startIndex": {"$t": str(start)},
            "openSearch$itemsPerPage": {"$t": str(per_page)},
            "entry": [_json_entry(entry) for entry in entries],
        }
        body = json.dumps({"version": "1.0", "encoding": "UTF-8", "feed": feed}, ensure_ascii=False)
        return "application/json; charset=UTF-8", body
    if fmt == "rss":
        parts = [
            XML_HEAD,
            '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom"'
            ' xmlns:openSearch="http://a9.com/-/spec/opensearchrss/1.0/">\n<channel>\n',
            f"<title>{x(site.name)}</title>\n<link>{x(portal.url('/'))}</link>\n",
            f"<description>{x(site.tagline)}</description>\n",
            f"<lastBuildDate>{rfc822(updated)}</lastBuildDate>\n",
            f"<openSearch:totalResults>{total}</openSearch:totalResults>\n"
            f"<openSearch:startIndex>{start}</openSearch:startIndex>\n"
            f"<openSearch:itemsPerPage>{per_page}</openSearch:itemsPerPage>\n",
        ]
        if next_url:
            parts.append(
                f'<atom:link rel="next" type="application/rss+xml" href="{x(next_url)}"/>\n'
            )
        for entry in entries:
            parts.append(
                f'<item><guid isPermaLink="false">{x(entry["id"])}</guid>'
                f"<pubDate>{rfc822(entry['published_dt'])}</pubDate>"
                f"<atom:updated>{entry['updated']}</atom:updated>"
                + "".join(
                    f'<category domain="http://www.blogger.com/atom/ns#">{x(c)}</category>'
                    for c in entry["labels"]
                )
                + f"<title>{x(entry['title'])}</title><description>{x(entry['content'])}"
                f"</description><link>{x(entry['url'])}</link><author>noreply@blogger.com"
                f" ({x(entry['author'])})</author></item>\n"
            )
        parts.append("</channel>\n</rss>\n")
        return "application/rss+xml; charset=UTF-8", "".join(parts)
    parts = [
        "<?xml version='1.0' encoding='UTF-8'?>",
        "<feed xmlns='http://www.w3.org/2005/Atom'"
        " xmlns:openSearch='http://a9.com/-/spec/opensearchrss/1.0/'"
        " xmlns:blogger='http://schemas.google.com/blogger/2008'"
        " xmlns:gd='http://schemas.google.com/g/2005'"
        " xmlns:thr='http://purl.org/syndication/thread/1.0'>",
        f"<id>tag:blogger.com,1999:blog-{BLOG_ID}</id><updated>{_blogger_time(updated)}</updated>",
        f"<title type='text'>{x(site.name)}</title><subtitle type='html'>{x(site.tagline)}</subtitle>",
        f"<link rel='http://schemas.google.com/g/2005#feed' type='application/atom+xml'"
        f" href='{x(feed_url)}'/>",
        f"<link rel='self' type='application/atom+xml'"
        f" href='{x(f'{feed_url}?start-index={start}&max-results={per_page}')}'/>",
        f"<link rel='alternate' type='text/html' href='{x(portal.url('/'))}'/>",
    ]
    if next_url:
        parts.append(f"<link rel='next' type='application/atom+xml' href='{x(next_url)}'/>")
    parts.append(
        "<author><name>admin</name><email>noreply@blogger.com</email></author>"
        "<generator version='7.00' uri='http://www.blogger.com'>Blogger</generator>"
        f"<openSearch:totalResults>{total}</openSearch:totalResults>"
        f"<openSearch:startIndex>{start}</openSearch:startIndex>"
        f"<openSearch:itemsPerPage>{per_page}</openSearch:itemsPerPage>"
    )
    for entry in entries:
        kind = "summary" if summary else "content"
        labels = "".join(
            f"<category scheme='http://www.blogger.com/atom/ns#' term='{x(c)}'/>"
            for c in entry["labels"]
        )
        parts.append(
            f"<entry><id>{x(entry['id'])}</id><published>{entry['published']}</published>"
            f"<updated>{entry['updated']}</updated>{labels}"
            f"<title type='text'>{x(entry['title'])}</title>"
            f"<{kind} type='html'>{x(entry['content'])}</{kind}>"
            f"<link rel='replies' type='text/html' href='{x(entry['url'])}#comment-form'"
            f" title='{entry['comments']} Komentar'/>"
            f"<link rel='alternate' type='text/html' href='{x(entry['url'])}'"
            f" title='{x(entry['title'])}'/>"
            f"<author><name>{x(entry['author'])}</name><email>noreply@blogger.com</email></author>"
            f"<thr:total>{entry['comments']}</thr:total></entry>"
        )
    parts.append("</feed>")
    return "application/atom+xml; charset=UTF-8", "".join(parts)


def _blogger_time(moment: datetime) -> str:
    return moment.isoformat(timespec="milliseconds")


def _blogger_entry(portal: Portal, state: EpochState, article: Article, summary: bool) -> dict:
    content, _ = portal.content(article, state.epoch)
    return {
        "id": f"tag:blogger.com,1999:blog-{BLOG_ID}.post-{article.post_id}",
        "published": _blogger_time(article.published),
        "published_dt": article.published,
        "updated": _blogger_time(article.modified),
        "labels": list(portal.labels_of(article)),
        "title": article.title,
        "content": article.excerpt if summary else content,
        "url": portal.article_url(article),
        "author": article.account.display,
        "comments": len(article.comments),
    }


def _json_entry(entry: dict) -> dict:
    return {
        "id": {"$t": entry["id"]},
        "published": {"$t": entry["published"]},
        "updated": {"$t": entry["updated"]},
        "category": [
            {"scheme": "http://www.blogger.com/atom/ns#", "term": c} for c in entry["labels"]
        ],
        "title": {"type": "text", "$t": entry["title"]},
        "content": {"type": "html", "$t": entry["content"]},
        "link": [
            {"rel": "alternate", "type": "text/html", "href": entry["url"], "title": entry["title"]}
        ],
        "author": [{"name": {"$t": entry["author"]}, "email": {"$t": "noreply@blogger.com"}}],
        "thr$total": {"$t": str(entry["comments"])},
    }


# ---- WordPress REST API ------------------------------------------------------------------------


class RestError(Exception):
    """A WordPress REST error: HTTP status, error code and message."""

    def __init__(self, status: int, code: str, message: str) -> None:
        super().__init__(message)
        self.status, self.code, self.message = status, code, message

    def body(self) -> str:
        """The error as WordPress prints it."""
        return json.dumps(
            {"code": self.code, "message": self.message, "data": {"status": self.status}}
        )


def rest_index(portal: Portal) -> str:
    """`/wp-json/`: the API root with the routes a client discovers."""
    routes = {
        "/wp/v2/posts": {
            "namespace": "wp/v2",
            "methods": ["GET"],
            "endpoints": [
                {
                    "methods": ["GET"],
                    "args": {
                        "page": {"default": 1},
                        "per_page": {
                            "default": REST_DEFAULT_PER_PAGE,
                            "maximum": REST_MAX_PER_PAGE,
                        },
                        "after": {"format": "date-time"},
                        "before": {"format": "date-time"},
                        "orderby": {"default": "date"},
                        "order": {"default": "desc", "enum": ["asc", "desc"]},
                    },
                }
            ],
        },
        "/wp/v2/posts/(?P<id>[\\d]+)": {"namespace": "wp/v2", "methods": ["GET"]},
        "/wp/v2/categories": {"namespace": "wp/v2", "methods": ["GET"]},
        "/wp/v2/tags": {"namespace": "wp/v2", "methods": ["GET"]},
        "/wp/v2/users": {"namespace": "wp/v2", "methods": ["GET"]},
    }
    offset = portal.site.tz.utcoffset(None)
    hours = offset.total_seconds() / 3600 if offset else 0
    return json.dumps(
        {
            "name": portal.site.name,
            "description": portal.site.tagline,
            "url": portal.url(""),
            "home": portal.url(""),
            "gmt_offset": int(hours) if hours == int(hours) else hours,
            "timezone_string": {
                "WIB": "Asia/Jakarta",
                "WITA": "Asia/Makassar",
                "WIT": "Asia/Jayapura",
            }.get(portal.site.tz_label, ""),
            "namespaces": ["oembed/1.0", "wp/v2", "wp-site-health/v1"],
            "authentication": [],
            "routes": routes,
        },
        ensure_ascii=False,
    )


def _rest_time(text: str, portal: Portal) -> datetime:
    """A REST `after`/`before` value: ISO 8601, in the site's zone when it carries none."""
    try:
        # an unencoded "+" of the offset arrives as a space
        moment = datetime.fromisoformat(text.strip().replace(" ", "+").replace("Z", "+00:00"))
    except ValueError as exc:
        raise RestError(400, "rest_invalid_param", f"Invalid parameter(s): {text}") from exc
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=portal.site.tz)
    return moment


def _int_param(params: dict[str, str], name: str, default: int) -> int:
    raw = params.get(name)
    if raw is None or raw == "":
        return default
    try:
        return int(raw)
    except ValueError as exc:
        raise RestError(400, "rest_invalid_param", f"Invalid parameter(s): {name}") from exc


def rest_post(portal: Portal, state: EpochState, article: Article, embed: bool) -> dict:
    """One post object as `/wp-json/wp/v2/posts` returns it."""
    url = portal.article_url(article)
    # the_content applied to the whole post_content: every page of a split post, one after another
    content = "".join(portal.content_pages(article, state.epoch))
    cat_terms = [(slugify(n), n) for n in portal.categories_of(article)]
    tag_terms = [(slugify(n), n) for n in article.tags]
    cat_ids = [_term_id(state, "category", slug) for slug, _ in cat_terms]
    tag_ids = [_term_id(state, "post_tag", slug) for slug, _ in tag_terms]
    account = article.account
    post: dict[str, object] = {
        "id": article.post_id,
        "date": iso_naive(article.published),
        "date_gmt": iso_naive(utc(article.published)),
        "guid": {"rendered": portal.url(f"/?p={article.post_id}")},
        "modified": iso_naive(article.modified),
        "modified_gmt": iso_naive(utc(article.modified)),
        "slug": article.slug,
        "status": "publish",
        "type": "post",
        "link": url,
        "title": {"rendered": x(article.title).replace("&quot;", "&#8221;")},
        "content": {"rendered": content + "\n", "protected": False},
        "excerpt": {"rendered": f"<p>{x(article.excerpt)}</p>\n", "protected": False},
        "author": _user_id(account.slug),
        "featured_media": article.post_id + 50000,
        "comment_status": "open",
        "ping_status": "open",
        "sticky": False,
        "template": "",
        "format": "standard",
        "meta": [],
        "categories": cat_ids,
        "tags": tag_ids,
        "_links": {
            "self": [{"href": portal.url(f"/wp-json/wp/v2/posts/{article.post_id}")}],
            "collection": [{"href": portal.url("/wp-json/wp/v2/posts")}],
            "author": [
                {
                    "embeddable": True,
                    "href": portal.url(f"/wp-json/wp/v2/users/{_user_id(account.slug)}"),
                }
            ],
        },
    }
    if embed:
        post["_embedded"] = {
            "author": [
                {
                    "id": _user_id(account.slug),
                    "name": account.display,
                    "url": "",
                    "description": account.bio,
                    "link": portal.url(f"/author/{account.slug}/"),
                    "slug": account.slug,
                }
            ],
            "wp:featuredmedia": [
                {
                    "id": article.post_id + 50000,
                    "source_url": portal.url(article.image),
                    "alt_text": "",
                    "caption": {"rendered": ""},
                }
            ],
            "wp:term": [
                [
                    {
                        "id": i,
                        "link": portal.url(f"/category/{slug}/"),
                        "name": name,
                        "slug": slug,
                        "taxonomy": "category",
                    }
                    for i, (slug, name) in zip(cat_ids, cat_terms, strict=True)
                ],
                [
                    {
                        "id": i,
                        "link": portal.url(f"/tag/{slug}/"),
                        "name": name,
                        "slug": slug,
                        "taxonomy": "post_tag",
                    }
                    for i, (slug, name) in zip(tag_ids, tag_terms, strict=True)
                ],
            ],
        }
    return post


def _term_id(state: EpochState, taxonomy: str, slug: str) -> int:
    terms = state.categories if taxonomy == "category" else state.tags
    keys = list(terms)
    base = 1 if taxonomy == "category" else 1000  # category and tag ids never collide
    return base + keys.index(slug) if slug in terms else 0


def _user_id(slug: str) -> int:
    return 1 + sum(ord(c) for c in slug) % 997  # a stable small id per account


def rest_posts(
    portal: Portal, state: EpochState, params: dict[str, str]
) -> tuple[str, dict[str, str]]:
    """`/wp-json/wp/v2/posts`: (JSON body, headers) or RestError for bad parameters."""
    page = _int_param(params, "page", 1)
    per_page = _int_param(params, "per_page", REST_DEFAULT_PER_PAGE)
    if page < 1:
        raise RestError(400, "rest_invalid_param", "Invalid parameter(s): page")
    if not 1 <= per_page <= REST_MAX_PER_PAGE:
        raise RestError(
            400,
            "rest_invalid_param",
            "Invalid parameter(s): per_page (per_page must be between 1 (inclusive)"
            " and 100 (inclusive))",
        )
    order = params.get("order", "desc")
    orderby = params.get("orderby", "date")
    if order not in ("asc", "desc"):
        raise RestError(400, "rest_invalid_param", "Invalid parameter(s): order")
    if orderby not in ("date", "id", "modified", "title", "slug"):
        raise RestError(400, "rest_invalid_param", "Invalid parameter(s): orderby")
    items = [a for a in state.articles]
    if "after" in params:
        after = _rest_time(params["after"], portal)
        items = [a for a in items if a.published > after]
    if "before" in params:
        before = _rest_time(params["before"], portal)
        items = [a for a in items if a.published < before]
    if params.get("categories"):
        wanted = {int(v) for v in params["categories"].split(",") if v.strip().isdigit()}
        items = [
            a
            for a in items
            if wanted & {_term_id(state, "category", slugify(n)) for n in portal.categories_of(a)}
        ]
    keys = {
        "date": lambda a: (a.published, a.post_id),
        "id": lambda a: a.post_id,
        "modified": lambda a: (a.modified, a.post_id),
        "title": lambda a: a.title,
        "slug": lambda a: a.slug,
    }
    items.sort(key=keys[orderby], reverse=order == "desc")
    total = len(items)
    total_pages = -(-total // per_page)
    if total and page > total_pages:
        raise RestError(
            400,
            "rest_post_invalid_page_number",
            "The page number requested is larger than the number of pages available.",
        )
    chunk = items[(page - 1) * per_page : page * per_page]
    embed = "_embed" in params
    body = json.dumps([rest_post(portal, state, a, embed) for a in chunk], ensure_ascii=False)
    base = portal.url("/wp-json/wp/v2/posts")
    links = []
    query = {k: v for k, v in params.items() if k != "page"}

    def page_url(n: int) -> str:
        return f"{base}?{urlencode({**query, 'page': n})}"

    if page > 1:
        links.append(f'<{page_url(page - 1)}>; rel="prev"')
    if page < total_pages:
        links.append(f'<{page_url(page + 1)}>; rel="next"')
    headers = {"X-WP-Total": str(total), "X-WP-TotalPages": str(total_pages)}
    if links:
        headers["Link"] = ", ".join(links)
    return body, headers


def rest_terms(
    portal: Portal, state: EpochState, taxonomy: str, params: dict[str, str]
) -> tuple[str, dict[str, str]]:
    """`/wp-json/wp/v2/categories` and `/tags`: every term with its post count."""
    terms = state.categories if taxonomy == "category" else state.tags
    page = _int_param(params, "page", 1)
    per_page = _int_param(params, "per_page", REST_DEFAULT_PER_PAGE)
    if page < 1 or not 1 <= per_page <= REST_MAX_PER_PAGE:
        raise RestError(400, "rest_invalid_param", "Invalid parameter(s): page, per_page")
    rows = [
        {
            "id": _term_id(state, taxonomy, t.slug),
            "count": len(t.articles),
            "description": "",
            "link": portal.url(f"/{'category' if taxonomy == 'category' else 'tag'}/{t.slug}/"),
            "name": t.name,
            "slug": t.slug,
            "taxonomy": taxonomy,
            "parent": 0,
            "meta": [],
        }
        for t in terms.values()
    ]
    total = len(rows)
    total_pages = -(-total // per_page)
    if total and page > total_pages:
        raise RestError(
            400,
            "rest_invalid_page_number",
            "The page number requested is larger than the number of pages available.",
        )
    chunk = rows[(page - 1) * per_page : page * per_page]
    return json.dumps(chunk, ensure_ascii=False), {
        "X-WP-Total": str(total),
        "X-WP-TotalPages": str(total_pages),
    }


def rest_users(portal: Portal, state: EpochState) -> str:
    """`/wp-json/wp/v2/users`: accounts with published posts."""
    return json.dumps(
        [
            {
                "id": _user_id(t.slug),
                "name": t.name,
                "url": "",
                "description": t.person.bio if t.person else "",
                "link": portal.url(f"/author/{t.slug}/"),
                "slug": t.slug,
            }
            for t in state.authors.values()
        ],
        ensure_ascii=False,
    )
