"""URL shape and identity: what a URL's shape says (article, listing, or only the page can tell),
the same-portal test, and the sitemap names that list articles.

A shape orders the work; it never decides alone what a page is: a section and a post with a short
slug (`/daerah/`, `/news/banjir-garut/`) look alike, so such URLs are `page`: fetched and judged by
their content (crawler.discovery.pages, crawler.article.page_kind).

The segment vocabularies below are URL-path words (WordPress bases, Indonesian portal sections),
not page boilerplate; page-text vocabulary lives in crawler/clean/vocabulary.py.
"""

from __future__ import annotations

from urllib.parse import parse_qs, unquote, urlsplit

from crawler.discovery._urls import absolute_url, host_and_port

__all__ = [
    "absolute_url",
    "classify_url",
    "lists_articles",
    "looks_like_article_url",
    "looks_like_listing_url",
    "same_portal",
]

NON_CONTENT_SEGMENTS = frozenset(
    {
        "wp-admin",
        "wp-content",
        "wp-includes",
        "wp-json",
        "wp-login.php",
        "xmlrpc.php",
        "wp-cron.php",
        "cdn-cgi",
        "attachment",
        "comments",
        "trackback",
        "embed",
        "feed",
        "feeds",
        "rss",
        "atom",
        "login",
        "logout",
        "register",
        "cart",
        "checkout",
    }
)
"""Path segments of machinery, media and feeds (WordPress core paths, Cloudflare, Blogger feeds):
such a URL is never an article nor a listing page."""

LISTING_SEGMENTS = frozenset(
    {
        "category",
        "categories",
        "kategori",
        "tag",
        "tags",
        "topik",
        "topic",
        "label",
        "author",
        "penulis",
        "page",
        "halaman",
        "search",
        "cari",
        "pencarian",
        "indeks",
        "index",
        "arsip",
        "archive",
        "archives",
    }
)
"""Path segments of listing pages: WordPress category/tag/author/page bases and their Indonesian
renamings on regional portals, Blogger `/search/label/`, index (`/indeks`) and archive pages."""

STATIC_PAGE_SLUGS = frozenset(
    {
        "tentang-kami",
        "tentang",
        "redaksi",
        "susunan-redaksi",
        "kontak",
        "kontak-kami",
        "hubungi-kami",
        "pedoman-media-siber",
        "pedoman-pemberitaan-media-siber",
        "kode-etik",
        "kode-etik-jurnalistik",
        "kebijakan-privasi",
        "privacy-policy",
        "disclaimer",
        "syarat-dan-ketentuan",
        "info-iklan",
        "iklan",
        "karir",
        "about",
        "about-us",
        "contact",
        "contact-us",
        "sitemap",
    }
)
"""Slugs of the fixed pages every Indonesian portal carries (Dewan Pers asks for the editorial
team and the cyber-media guideline): neither articles nor listings."""

PAGINATION_SEGMENTS = frozenset({"page", "halaman"})
"""LISTING_SEGMENTS that page a listing only when a page number follows (`/page/2/`); before a
slug they name a section (`/page/how-to-make-a-good-game`)."""

ARCHIVE_SEGMENTS = frozenset({"archive", "archives", "arsip"})
"""LISTING_SEGMENTS that may also open a post's own permalink: a date and a slug after them
(`/archive/2014/04/judul/361373/`, `/archives/2025/12/16/judul.html`) or WordPress's numeric
permalink (`/archives/123`)."""

ITEM_SEGMENTS = frozenset({"read", "baca", "artikel", "article", "detail"})
"""Path segments that name one item (detik/kompas/liputan6 `/read/`, `/baca/`, `/artikel/`):
anything after them is an article (`berita`/`news` name sections, so they are not here)."""

BLOGGER_ARCHIVE_SUFFIX = "_archive"
"""Blogger's date archive pages end so (`/2016_03_27_archive.html`)."""

FILE_EXTENSIONS = frozenset(
    {
        "jpg", "jpeg", "png", "gif", "webp", "svg", "bmp", "ico", "tif", "tiff", "avif",
        "pdf", "doc", "docx", "xls", "xlsx", "ppt", "pptx", "odt", "ods", "rtf", "csv", "txt",
        "zip", "rar", "7z", "gz", "tgz", "tar", "apk", "exe", "dmg",
        "mp3", "mp4", "m4a", "wav", "ogg", "webm", "avi", "mov", "mkv", "flv",
        "css", "js", "json", "xml", "woff", "woff2", "ttf", "eot", "otf",
    }
)  # fmt: skip
"""File extensions that are downloads, media or assets, never pages."""

PAGE_EXTENSIONS = frozenset({"html", "htm", "shtml", "php", "asp", "aspx", "jsp"})
"""Extensions of server-rendered pages: stripped before a slug is judged."""

YEARS = range(1990, 2100)
"""Plausible years in date paths: Indonesian news portals are online since the mid-1990s."""

MIN_ID_DIGITS = 5
"""Digits of a bare numeric article id (`/berita/546646/...`); 4 digits pass when not a year."""

MIN_SLUG_WORDS = 4
"""Words in a slug that alone marks an article: Indonesian headlines run 6-14 words; section and
fixed-page slugs run 1-3 (the 4-word `pedoman-pemberitaan-media-siber` is in STATIC_PAGE_SLUGS)."""

MIN_SLUG_CHARS = 16
"""Characters in such a slug: four short words (`cek-fakta-hari-ini` is 18)."""

MIN_HTML_SLUG_WORDS = 2
"""Words in a `.html` slug that marks an article (`/daerah/banjir-garut.html`)."""

LISTING_QUERY_KEYS = frozenset({"cat", "tag", "paged", "s", "author", "updated-max", "label"})
"""Query keys of WordPress (and Blogger) listing pages when permalinks are off."""


def _split_extension(segment: str) -> tuple[str, str]:
    stem, dot, extension = segment.rpartition(".")
    if not dot or not stem or not extension.isalnum() or extension.isdigit():
        return segment, ""  # `24.600.504`: a dotted id, no file type
    return stem, extension.lower()


def _slug_words(stem: str) -> list[str]:
    for separator in "_.+ ":
        stem = stem.replace(separator, "-")
    return [word for word in stem.split("-") if word]


def _is_year(segment: str) -> bool:
    return len(segment) == 4 and segment.isdigit() and int(segment) in YEARS


def _is_month(segment: str) -> bool:
    return segment.isdigit() and len(segment) <= 2 and 1 <= int(segment) <= 12


def _is_day(segment: str) -> bool:
    return segment.isdigit() and len(segment) <= 2 and 1 <= int(segment) <= 31


def _is_numeric_id(segment: str) -> bool:
    if not segment.isdigit():
        return False
    return len(segment) >= MIN_ID_DIGITS or (len(segment) == 4 and not _is_year(segment))


def _has_embedded_id(stem: str) -> bool:
    """`news-6775-...`, `d-7016153`, `169565-jalan-...`, `...-822151`: an id glued to a slug."""
    words = _slug_words(stem)
    if len(words) < 2:
        return False
    return any(_is_numeric_id(word) for word in (words[0], words[1], words[-1]))


def _is_slug(segment: str) -> bool:
    return any(character.isalpha() for character in segment)


def _is_headline(stem: str) -> bool:
    """A slug (without its extension) long enough to mark an article alone (MIN_SLUG_WORDS,
    MIN_SLUG_CHARS)."""
    return len(_slug_words(stem)) >= MIN_SLUG_WORDS and len(stem) >= MIN_SLUG_CHARS


class _Shape:
    """A URL's path cut into the parts the shape rules read."""

    def __init__(self, url: str) -> None:
        parts = urlsplit(url.strip())
        self.scheme = parts.scheme.lower()
        parts.port  # noqa: B018 - raises ValueError on a malformed port
        self.has_host = bool(parts.hostname)
        self.query = parse_qs(parts.query, keep_blank_values=True)
        # a Java servlet's `;jsessionid=...` rides on the last segment: not part of its name
        raw_segments = [unquote(s.split(";", 1)[0]) for s in parts.path.split("/") if s]
        raw_segments = [s for s in raw_segments if s]
        self.segments = [s for s in raw_segments if s.lower() != "amp"]  # AMP twin: same shape
        self.lowered = [s.lower() for s in self.segments]
        last = self.segments[-1] if self.segments else ""
        self.stem, self.extension = _split_extension(last)

    def date_run(self) -> tuple[int, int] | None:
        """(start, end) indexes of a `/YYYY/MM/` or `/YYYY/MM/DD/` run, or None when the path has
        none."""
        segments = self.lowered
        for index, segment in enumerate(segments):
            if _is_year(segment) and index + 1 < len(segments) and _is_month(segments[index + 1]):
                end = index + 2
                if end < len(segments) and _is_day(segments[end]):
                    end += 1
                return index, end
        return None

    def listing_segments(self) -> list[str]:
        """The LISTING_SEGMENTS of the path, a pagination word only when a number follows it."""
        found = []
        for index, segment in enumerate(self.lowered):
            if segment not in LISTING_SEGMENTS:
                continue
            following = self.lowered[index + 1 : index + 2]
            if segment in PAGINATION_SEGMENTS and following and not following[0].isdigit():
                continue
            found.append(segment)
        return found

    def is_numbered_post(self) -> bool:
        """WordPress's numeric permalink: an archive word, then the post's number
        (`/archives/123`)."""
        stem = self.stem
        return (
            len(self.lowered) >= 2
            and self.lowered[-2] in ARCHIVE_SEGMENTS
            and stem.isdigit()
            and not _is_year(stem)
        )

    def is_dated_post(self) -> bool:
        """A date run with a slug or an id after it (`/2024/05/21/judul/`), or a date run closing
        a path whose headline slug comes first (`/judul-berita-yang-panjang/2025/11`)."""
        run = self.date_run()
        if run is None:
            return False
        start, end = run
        if any(_is_slug(s) or _is_numeric_id(s) for s in self.segments[end:]):
            return True
        before = self.segments[:start]
        return end == len(self.segments) and any(
            _is_headline(_split_extension(s)[0]) for s in before
        )


def _classify(url: str) -> str:
    shape = _Shape(url)
    if shape.scheme not in ("http", "https") or not shape.has_host:
        return "other"  # not an http(s) URL with a host
    if shape.extension in FILE_EXTENSIONS:
        return "other"
    if any(segment in NON_CONTENT_SEGMENTS for segment in shape.lowered):
        return "other"
    if shape.lowered[:1] == ["p"] and shape.extension in PAGE_EXTENSIONS:
        return "other"  # Blogger static pages live under /p/
    listing = shape.listing_segments()
    if listing:
        if set(listing) <= ARCHIVE_SEGMENTS and (shape.is_dated_post() or shape.is_numbered_post()):
            return "article"
        return "listing"
    if shape.stem.lower().endswith(BLOGGER_ARCHIVE_SUFFIX) and shape.extension in PAGE_EXTENSIONS:
        return "listing"  # Blogger's `/2016_03_27_archive.html`
    only_index_page = not shape.segments or shape.lowered == ["index.php"]
    if only_index_page and "p" in shape.query and shape.query["p"][0].rstrip("/").isdigit():
        return "article"  # WordPress post with plain permalinks (`/?p=7818`)
    if only_index_page and "page_id" in shape.query:
        return "other"
    if LISTING_QUERY_KEYS & shape.query.keys() and not _is_headline(shape.stem):
        return "listing"  # not on a post's own path: `label=` is a campaign tag there too
    if only_index_page and any(len(v[0]) >= 4 and v[0].isdigit() for v in shape.query.get("m", [])):
        return "listing"  # WordPress date archive with plain permalinks (`/?m=202405`)
    if shape.stem.lower() in STATIC_PAGE_SLUGS and len(shape.segments) == 1:
        return "other"
    if shape.date_run() is not None:
        return "article" if shape.is_dated_post() else "listing"
    if ITEM_SEGMENTS & set(shape.lowered[:-1]):
        return "article"  # `/read/746674/...`, `/read/2015/11/04/...`, `/artikel/judul/`
    has_slug = any(_is_slug(s) for s in shape.segments)
    if has_slug and any(_is_numeric_id(_split_extension(s)[0]) for s in shape.segments):
        return "article"  # `/berita/12345/judul-berita`
    if any(_has_embedded_id(_split_extension(s)[0]) for s in shape.segments):
        return "article"
    if _is_headline(shape.stem):
        return "article"
    if shape.extension in PAGE_EXTENSIONS and len(_slug_words(shape.stem)) >= MIN_HTML_SLUG_WORDS:
        return "article"
    if not shape.segments:
        return "listing"  # the home page
    if all(_is_year(s) for s in shape.lowered):
        return "listing"  # a year archive
    if len(shape.segments) == 1 and shape.stem.isdigit() and not shape.extension:
        return "page"  # WordPress's `/%post_id%/` permalink, or a fixed page: only it can tell
    if any(_is_slug(s) for s in shape.segments) and shape.extension in ("", *PAGE_EXTENSIONS):
        # a section without a category base (`/daerah/`) or a post with a short slug
        # (`/news/banjir-garut/`, WordPress `/%category%/%postname%/`): only the page can tell
        return "page"
    return "other"


def classify_url(url: str) -> str:
    """What a URL's shape says: 'article' (date path, numeric id, long slug, `/read/`), 'listing'
    (home, category/tag/author base, page N, date archive, search), 'page' (a section or a short
    slug: its content decides) or 'other' (files, feeds, machinery, fixed pages)."""
    if not isinstance(url, str):
        return "other"
    try:
        return _classify(url)
    except ValueError:
        return "other"


def looks_like_article_url(url: str) -> bool:
    """True when the URL has the shape of one article (date path, numeric id, long slug, `/read/`)."""
    return classify_url(url) == "article"


def looks_like_listing_url(url: str) -> bool:
    """True when the URL has the shape of a listing page (home, taxonomy, page N, date archive)."""
    return classify_url(url) == "listing"


POST_SITEMAP_WORDS = frozenset(
    {"post", "posts", "news", "berita", "artikel", "article", "articles"}
)
"""Words of sitemap file names that list articles: Yoast / Rank Math `post-sitemap2.xml`, WordPress
core `wp-sitemap-posts-post-1.xml`, Google News `news-sitemap.xml`, Indonesian `sitemap-berita.xml`."""

OTHER_SITEMAP_WORDS = frozenset(
    {"page", "pages", "category", "kategori", "tag", "tags", "author", "users", "user",
     "taxonomies", "video", "image", "images"}
)  # fmt: skip
"""Words of sitemap file names that list something else (`wp-sitemap-posts-page-1.xml`,
`post_tag-sitemap.xml`, `category-sitemap.xml`): they win over POST_SITEMAP_WORDS."""


def lists_articles(sitemap_url: str) -> bool:
    """True when a sitemap's file name says it lists posts or news: its entries are article
    candidates whatever their shape."""
    if not isinstance(sitemap_url, str):
        return False
    try:
        name = unquote(urlsplit(sitemap_url.strip()).path.rsplit("/", 1)[-1]).lower()
    except ValueError:
        return False
    words = set(_slug_words(name.replace("_", "-")))
    return bool(words & POST_SITEMAP_WORDS) and not words & OTHER_SITEMAP_WORDS


def same_portal(url: str, base_url: str, *, include_subdomains: bool = False) -> bool:
    """True when `url` is on the portal of `base_url`: host and port equal after folding `www.`."""
    if not isinstance(url, str) or not isinstance(base_url, str):
        return False
    if absolute_url(url) is None:
        return False
    this, base = host_and_port(url), host_and_port(base_url)
    if this is None or base is None or this[1] != base[1]:
        return False
    if this[0] == base[0]:
        return True
    return include_subdomains and this[0].endswith("." + base[0])
