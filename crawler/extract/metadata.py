"""Structured page metadata: JSON-LD, OpenGraph, `article:*` and named meta tags, canonical, title."""

from __future__ import annotations

import html
import json
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urljoin, urlsplit

from lxml import etree

from crawler.clean import vocabulary
from crawler.extract.dates import DateCandidate
from crawler.extract.dom import text_of

ARTICLE_TYPES = frozenset(
    {
        "newsarticle",
        "article",
        "reportagenews",
        "blogposting",
        "analysisnewsarticle",
        "opinionnewsarticle",
        "reviewnewsarticle",
        "backgroundnewsarticle",
        "askpublicnewsarticle",
        "liveblogposting",
        "socialmediaposting",
        "report",
        "scholarlyarticle",
        "techarticle",
    }
)
"""schema.org types (lower-case) whose objects describe the article itself."""

NEWS_TYPES = frozenset(
    {"newsarticle", "reportagenews", "analysisnewsarticle", "opinionnewsarticle",
     "reviewnewsarticle", "backgroundnewsarticle", "askpublicnewsarticle"}
)  # fmt: skip
"""Article types that give the `jsonld:NewsArticle` signal."""

PUBLISHED_META = (
    "article:published_time", "og:published_time", "published_time", "datepublished",
    "pubdate", "publishdate", "publish_date", "publish-date", "dtk:publishdate",
    "content_publisheddate", "dc.date.issued", "dcterms.issued", "dc.date", "dcterms.date",
    "dc.date.created", "dcterms.created", "sailthru.date", "parsely-pub-date", "date",
    "article.published", "originalpublicationdate", "release_date", "og:article:published_time",
    "bt:pubdate", "cxenseparse:recs:publishtime",
)  # fmt: skip
"""`<meta name|property|itemprop>` keys (lower-case) holding the publication time, best first."""

MODIFIED_META = (
    "article:modified_time", "og:updated_time", "datemodified", "dateupdated",
    "dcterms.modified", "dc.date.modified", "last-modified", "lastmod",
    "og:article:modified_time", "bt:moddate",
)  # fmt: skip
"""`<meta>` keys (lower-case) holding the last modification time, best first."""

TITLE_SEPARATORS = (" - ", " | ", " – ", " — ", " :: ", " : ", " · ", " • ", " » ", " / ")
"""Separators between a headline and the site name in `<title>` / `og:title`."""

SITE_PREFIX_SEPARATORS = (": ",)
"""Separators that follow a site name put before the headline without a space before them
(`Kabarsatu.com: Judul Berita`); only a segment that is the site's own name is cut there."""

MIN_INITIALS = 3
"""A site name of this many words or more is also known by its initials (`World Future Awards |`
... `| WFA`); two-letter initials are too often words or codes of their own."""

_ENTITY = re.compile(r"&(?:#\d{2,6}|#x[0-9a-fA-F]{2,5}|[a-zA-Z]{2,8});")

MAX_SITE_SEGMENT_WORDS = 6
"""A title segment longer than this is part of the headline, not a site name ("Tekno
Liputan6.com", "Health :: Okezone Lifestyle" are 2-4 words)."""

_TRAILING_COMMA = re.compile(r",\s*([}\]])")
_JSON_CONTROL = re.compile(r"[\x00-\x1f]")
_HOST_NOISE = re.compile(r"^(?:www\d?|m|amp|mobile)\.")
_ALNUM = re.compile(r"[\W_]+")


@dataclass
class PageMetadata:
    """What a page says about itself in machine-readable form."""

    title: str | None = None
    """The cleaned headline (JSON-LD, then OpenGraph, then `<h1>`, then `<title>`)."""
    canonical_url: str | None = None
    site_name: str | None = None
    """The site's own name: the first of `site_names`."""
    application_name: str | None = None
    """`<meta name=application-name>`."""
    publisher: str | None = None
    """The JSON-LD article's publisher name."""
    site_names: list[str] = field(default_factory=list)
    """Every name the page gives its site: `og:site_name`, `application-name`, the JSON-LD
    publisher and WebSite names (titles lose these as affixes)."""
    description: str | None = None
    image_url: str | None = None
    authors: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    categories: list[str] = field(default_factory=list)
    dates: list[DateCandidate] = field(default_factory=list)
    """Date strings from JSON-LD and meta tags, with their roles."""
    jsonld_types: list[str] = field(default_factory=list)
    """schema.org `@type`s (lower-case) of every JSON-LD object on the page."""
    og_type: str | None = None
    generators: list[str] = field(default_factory=list)
    """`<meta name=generator>` contents (`WordPress 6.5`, `blogger`)."""
    jsonld_body: str | None = None
    """JSON-LD `articleBody`, when the page ships one (a last resort for the body)."""


def _text(value: Any) -> str | None:
    """A JSON-LD value as text: the first of a list, an object's name (or value, text, URL, id),
    whitespace folded and HTML entities undone (a CMS escapes its JSON-LD as HTML: `O&#8217;Brien`)."""
    if isinstance(value, str):
        folded = " ".join(_unescaped(value, times=1).split())
        return folded or None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    if isinstance(value, dict):
        for key in ("name", "@value", "text", "url", "@id"):
            if key in value:
                return _text(value[key])
    if isinstance(value, list) and value:
        return _text(value[0])
    return None


def _unescaped(text: str, *, times: int) -> str:
    """`text` with HTML entities undone, up to `times` times while any is left (a CMS that
    escapes its JSON-LD as HTML escapes an already escaped `&#8230;` again: `&amp;#8230;`)."""
    for _ in range(times):
        if not _ENTITY.search(text):
            break
        text = html.unescape(text)
    return text


def load_json_loosely(text: str) -> Any:
    """Parse a JSON-LD block, tolerating comments, CDATA, trailing commas and raw newlines."""
    text = text.strip()
    for wrapper in ("<!--", "-->", "<![CDATA[", "]]>", "//<![CDATA[", "//]]>"):
        text = text.replace(wrapper, "")
    text = text.strip().rstrip(";")
    try:
        return json.loads(text, strict=False)
    except ValueError:
        pass  # only now is the trailing-comma substitution worth its scan of the block
    try:
        return json.loads(_TRAILING_COMMA.sub(r"\1", text), strict=False)
    except ValueError:
        pass
    cleaned = _JSON_CONTROL.sub(" ", _TRAILING_COMMA.sub(r"\1", text))
    try:
        return json.loads(cleaned, strict=False)
    except ValueError:
        pass
    # Several objects glued together, or garbage after the first: keep what decodes.
    decoder = json.JSONDecoder(strict=False)
    found: list[Any] = []
    index = 0
    while index < len(cleaned):
        start = min(
            (i for i in (cleaned.find("{", index), cleaned.find("[", index)) if i >= 0), default=-1
        )
        if start < 0:
            break
        try:
            value, end = decoder.raw_decode(cleaned, start)
        except ValueError:
            index = start + 1
            continue
        found.append(value)
        index = end
    return found or None


def _walk_jsonld(value: Any, depth: int = 0) -> Iterator[dict]:
    if depth > 6:  # deeper nesting is never article metadata; bounds hostile input
        return
    if isinstance(value, list):
        for item in value:
            yield from _walk_jsonld(item, depth + 1)
    elif isinstance(value, dict):
        yield value
        for key in ("@graph", "mainEntity", "mainEntityOfPage", "itemListElement", "hasPart"):
            inner = value.get(key)
            if isinstance(inner, (dict, list)):
                yield from _walk_jsonld(inner, depth + 1)


def _types(obj: dict) -> list[str]:
    raw = obj.get("@type")
    values = raw if isinstance(raw, list) else [raw]
    return [v.rsplit("/", 1)[-1].lower() for v in values if isinstance(v, str)]


def jsonld_objects(doc: Any) -> list[dict]:
    """Every JSON-LD object on the page (lists and `@graph` flattened), in document order."""
    objects: list[dict] = []
    try:
        scripts = doc.xpath(
            '//script[contains(translate(@type,"LDJSON","ldjson"),"ld+json")]/text()'
        )
    except Exception:
        return objects
    for script in scripts[:20]:  # bounded: real pages have at most a handful of blocks
        data = load_json_loosely(str(script))
        if data is not None:
            objects.extend(_walk_jsonld(data))
    return objects


def _people(value: Any, by_id: dict[str, dict]) -> list[str]:
    values = value if isinstance(value, list) else [value]
    names: list[str] = []
    for item in values:
        if isinstance(item, dict) and "@id" in item and "name" not in item:
            item = by_id.get(str(item["@id"]), item)
        if isinstance(item, dict) and vocabulary.PHOTOGRAPHER_TITLE.search(
            _text(item.get("jobTitle")) or ""
        ):
            continue  # credited for the pictures (`"jobTitle": "Fotograf"`)
        name = _text(item.get("name")) if isinstance(item, dict) else _text(item)
        if name and not _looks_like_url(name):
            names.append(name)
    return names


def _looks_like_url(text: str) -> bool:
    return text.startswith(("http://", "https://", "//", "www."))


def _keywords(value: Any) -> list[str]:
    if isinstance(value, str):
        return [part.strip() for part in value.split(",") if part.strip()]
    if isinstance(value, list):
        out: list[str] = []
        for item in value:
            out.extend(_keywords(item))
        return out
    return []


def _meta_map(doc: Any) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for meta in doc.iter("meta"):
        content = meta.get("content")
        if content is None:
            continue
        content = content.strip()
        if not content:
            continue
        for attribute in ("property", "name", "itemprop", "http-equiv"):
            key = meta.get(attribute)
            if key:
                found.setdefault(key.strip().lower(), []).append(content)
    return found


def _site_keys(url: str, site_names: Sequence[str]) -> list[str]:
    """Folded names a title segment may carry for this site: its registrable domain label, each
    of its own names, and the initials of a long name."""
    keys = []
    label = _registrable_label(url)
    if label:
        keys.append(_ALNUM.sub("", label))
    for name in site_names:
        keys.append(_ALNUM.sub("", name.lower()))
        words = [w for w in _ALNUM.split(name) if w]
        if len(words) >= MIN_INITIALS:
            keys.append("".join(w[0] for w in words).lower())
    return [k for k in keys if len(k) >= 3]


SECOND_LEVEL_LABELS = frozenset(
    {"co", "com", "or", "go", "ac", "web", "net", "org", "sch", "gov", "edu", "my", "mil", "ponpes",
     "desa", "blogspot", "wordpress", "tumblr", "wixsite", "weebly", "substack"}
)  # fmt: skip
"""Labels that belong to the suffix, not the site: under a country code (`.co.id`, `.or.id`,
`.sch.id`, `.desa.id`) and blog hosts (`kabardesa.blogspot.com`: the site is `kabardesa`)."""


def _registrable_label(url: str) -> str | None:
    """The site's own label of a URL's host: `kompas` in regional.kompas.com, `detik` in
    news.detik.co.id, `thefocus` in thefocus.ai."""
    host = _HOST_NOISE.sub("", (urlsplit(url).hostname or "").lower())
    labels = [label for label in host.split(".") if label]
    if len(labels) < 2:
        return labels[0] if labels else None
    labels.pop()  # the top-level domain
    while len(labels) > 1 and labels[-1] in SECOND_LEVEL_LABELS:
        labels.pop()
    return labels[-1]


_PAGE_OR_DOMAIN_SEGMENT = re.compile(
    r"(?:halaman|hal\.?|page)\s*\d{1,3}|[\w-]+(?:\.[\w-]+)*\.(?:com|id|net|org|news|co)", re.I
)
"""A title segment that is a page number (`Halaman 2`) or a domain (`Tribunsumsel.com`, a
syndicated story's source): never the headline."""


def _is_site_segment(segment: str, keys: list[str]) -> bool:
    if _PAGE_OR_DOMAIN_SEGMENT.fullmatch(segment.strip()):
        return True
    if len(segment.split()) > MAX_SITE_SEGMENT_WORDS:
        return False
    folded = _ALNUM.sub("", segment.lower())
    if not folded:
        return True
    return any(key in folded or folded in key for key in keys)


def clean_title(
    title: str | None,
    *,
    url: str = "",
    site_name: str | None = None,
    site_names: Sequence[str] = (),
    headings: Sequence[str] = (),
) -> str | None:
    """Drop the site's own name before or after a title (" - Site", "Site | ", "Site: "), and
    undo HTML entities a CMS escaped twice; prefer a matching `<h1>`.

    The site is known by its URL's domain and by `site_name` / `site_names` (`og:site_name`,
    `application-name`, the JSON-LD publisher, ...).
    """
    if not title:
        return None
    title = " ".join(_unescaped(title, times=MAX_ESCAPES).split())  # JSON-LD's `&amp;#8230;`
    if not title:
        return None
    keys = _site_keys(url, [*([site_name] if site_name else []), *site_names])
    folded_title = title.casefold()
    in_heading = False
    for heading in headings:
        heading = " ".join(heading.split())
        if _is_own_name(heading, keys):
            continue  # a blog's name in the page header, not the post's headline
        if len(heading) >= 8 and folded_title.startswith(heading.casefold()):
            rest = title[len(heading) :]
            if not rest.strip() or any(rest.startswith(sep.rstrip()) for sep in TITLE_SEPARATORS):
                title = heading  # which may end in the site's name too (`Judul – Site`)
                in_heading = True
                break
    changed = True
    while changed:
        changed = False
        for separator in TITLE_SEPARATORS:
            head, sep, tail = title.rpartition(separator)
            if sep and head.strip() and _is_site_segment(tail, keys):
                title, changed = head.strip(), True
                break
            if in_heading:
                continue  # a headline the page prints may well open with the site's name
            head, sep, tail = title.partition(separator)
            if sep and tail.strip() and _is_site_segment(head, keys):
                title, changed = tail.strip(), True
                break
        for separator in () if in_heading else SITE_PREFIX_SEPARATORS:
            head, sep, tail = title.partition(separator)
            if sep and tail.strip() and head.strip() and _is_own_name(head, keys):
                title, changed = tail.strip(), True
    for separator in TITLE_SEPARATORS:  # `Title – Site.com – Portal Berita Sumsel`: its tagline
        segments = title.split(separator)
        for index in range(1, len(segments) - 1):
            if _is_own_name(segments[index], keys):
                return separator.join(segments[:index]).strip() or None
    return title or None


MAX_ESCAPES = 3
"""Times a title is unescaped: a CMS that escapes its JSON-LD escapes the already escaped
`&#8230;` (`&amp;#8230;`); no dev title is escaped more than twice."""

DOMAIN_ENDINGS = frozenset({"", "com", "id", "coid", "net", "org", "news", "co"})
"""What may follow a site's name in the same segment (`Kabarsatu.com`, `KABARSATU.CO.ID`)."""


def _is_own_name(segment: str, keys: list[str]) -> bool:
    """A segment that is one of the site's names, whole (stricter than `_is_site_segment`)."""
    folded = _ALNUM.sub("", segment.lower())
    return any(folded.startswith(key) and folded[len(key) :] in DOMAIN_ENDINGS for key in keys)


HOME_NAME_MAX_CHARS = 60
"""A home-linked header heading this short is the site's name: 98 % of the 1,265 `og:site_name`
values of the dev corpus (../shared/corpus, all sets) are; a longer one is more likely a teaser."""


def _headings(doc: Any, url: str) -> tuple[list[str], list[str]]:
    """The page's `<h1>` texts, and apart from them those whose text is all a link to the site's
    home page (a blog's or theme's header: the site's own name, whatever it is called)."""
    found: list[str] = []
    home: list[str] = []
    for heading in doc.iter("h1"):
        text = " ".join(text_of(heading).split())
        if text:
            (home if _links_home(heading, text, url) else found).append(text)
        if len(found) >= 8:
            break
    return found, home


def _links_home(heading: Any, text: str, url: str) -> bool:
    """All of the heading's text is inside links to the root of the page's own site."""
    anchors = heading.xpath(".//a[@href]")
    if not anchors or " ".join(" ".join(text_of(a) for a in anchors).split()) != text:
        return False
    page = urlsplit(url)
    for anchor in anchors:
        target = urlsplit(urljoin(url, anchor.get("href", "").strip()))
        if target.netloc != page.netloc or target.path not in ("", "/") or target.query:
            return False
    return True


def _unique(values: list[str]) -> list[str]:
    """Values in order, case-insensitive duplicates dropped."""
    seen: set[str] = set()
    unique = []
    for value in values:
        if value.casefold() not in seen:
            seen.add(value.casefold())
            unique.append(value)
    return unique


TWITTER_LABEL_PAIRS = 4
"""`twitter:labelN` / `twitter:dataN` pairs read: Yoast SEO prints two on a post (`Written by` /
`Ditulis oleh` and the author's name, then the reading time), other plugins up to four."""


def label_kind_function() -> Any:
    """The cleaning grammar's byline-label classifier, when the package is installed.

    Byline labels (`Penulis`, `Jurnalis`, `Editor`, their misspellings) are Indonesian vocabulary,
    which lives in `crawler.clean` only; without it bylines are passed on unpaired.
    """
    try:
        from crawler.clean.byline import label_kind
    except Exception:
        return None
    return label_kind


def _labelled_twitter_authors(first: Callable[..., str | None]) -> list[str]:
    """The names that `twitter:dataN` gives under an author label (`twitter:labelN` `Written by`,
    `Ditulis oleh`, as the cleaning grammar reads byline labels)."""
    label_kind = label_kind_function()
    if label_kind is None:
        return []
    found = []
    for number in range(1, TWITTER_LABEL_PAIRS + 1):
        label, value = first(f"twitter:label{number}"), first(f"twitter:data{number}")
        if label and value and not _looks_like_url(value) and label_kind(label) == "author":
            found.append(value)
    return found


_MICRODATA_AUTHORS = etree.XPath("//*[@itemprop][contains(@itemprop, 'author')]")
MICRODATA_NAME_MAX_CHARS = 80
"""Characters of a microdata author's text; a longer one is a box, not a name. The structured
authors of 800 dev pages (wcxb-articles, dates) run to 54-63 characters with a second name and an
outlet (`Manoj Jain and Jagpreet Chhatwal, The Commercial Appeal`), one to 96 with a job title."""


def _microdata_authors(doc: Any) -> list[str]:
    """The article's authors in schema.org microdata (`<div itemprop="author" itemscope
    itemtype="http://schema.org/Person"><span itemprop="name">X</span>`, a theme's hidden vcard):
    a Person or plain text under an article's item or none; not an organisation, nor the author
    of a comment or review inside the article."""
    found: list[str] = []
    for element in _MICRODATA_AUTHORS(doc):
        if "author" not in (element.get("itemprop") or "").split():
            continue
        scope = next((a for a in element.iterancestors() if a.get("itemscope") is not None), None)
        if scope is not None and not _is_article_item(scope.get("itemtype") or ""):
            continue
        if element.get("itemscope") is not None:
            itemtype = (element.get("itemtype") or "").rsplit("/", 1)[-1].casefold()
            if itemtype and itemtype != "person":
                continue
            holder = next(
                (e for e in element.iterdescendants() if e.get("itemprop") == "name"), None
            )
            if holder is None:
                continue
        else:
            holder = element
        name = " ".join((holder.get("content") or "".join(holder.itertext())).split())
        label, colon, rest = name.partition(":")
        if colon and len(label.split()) <= 2:
            name = rest.strip()  # `Текст: Name`, `Penulis: Name`: the label printed in the item
        if name and len(name) <= MICRODATA_NAME_MAX_CHARS and not _looks_like_url(name):
            found.append(name)
    return found


def _is_article_item(itemtype: str) -> bool:
    """A microdata item type that is the page's article or page (not a comment or review)."""
    kind = itemtype.rsplit("/", 1)[-1].casefold()
    return kind in ARTICLE_TYPES or kind in ("webpage", "itempage")


def read_metadata(doc: Any, url: str) -> PageMetadata:
    """Read JSON-LD, OpenGraph, `article:*` and named meta tags, canonical and title off a tree."""
    meta = PageMetadata()
    objects = jsonld_objects(doc)
    meta.jsonld_types = [t for obj in objects for t in _types(obj)]
    by_id = {str(obj["@id"]): obj for obj in objects if isinstance(obj.get("@id"), str)}
    articles = [obj for obj in objects if ARTICLE_TYPES.intersection(_types(obj))]
    pages = [obj for obj in objects if {"webpage", "itempage"}.intersection(_types(obj))]
    article = articles[0] if articles else {}
    tags = _meta_map(doc)

    def first(*keys: str) -> str | None:
        for key in keys:
            for value in tags.get(key, ()):
                folded = " ".join(value.split())
                if folded:
                    return folded
        return None

    for obj in articles + pages:
        for key, kind in (("datePublished", "published"), ("dateModified", "modified")):
            value = _text(obj.get(key))
            if value:
                meta.dates.append(DateCandidate(value, "jsonld", kind))
    for kind, keys in (("published", PUBLISHED_META), ("modified", MODIFIED_META)):
        for key in keys:
            for value in tags.get(key, ()):
                meta.dates.append(DateCandidate(value, "meta", kind))
    for element in doc.xpath(  # the cheap existence test first: half the time of the reverse
        "//*[@datetime or @content][@itemprop='datePublished' or @itemprop='dateModified']"
    ):
        if element.tag == "meta":
            continue  # read with the other `<meta>` keys
        kind = "published" if element.get("itemprop") == "datePublished" else "modified"
        stated = element.get("datetime") or element.get("content")
        meta.dates.append(DateCandidate(stated, "meta", kind))
    for element in doc.xpath("//abbr[contains(@class,'published')][@title]")[:1]:
        meta.dates.append(DateCandidate(element.get("title"), "meta", "published"))

    publisher = article.get("publisher") if article else None
    websites = [obj for obj in objects if "website" in _types(obj)]
    meta.application_name = first("application-name")
    meta.publisher = _text(publisher) if publisher else None
    headings, home_names = _headings(doc, url)
    meta.site_names = _unique(
        [
            *(
                name
                for name in (
                    first("og:site_name"),
                    meta.application_name,
                    meta.publisher,
                    *(_text(website.get("name")) for website in websites[:2]),
                )
                if name and not _looks_like_url(name)
            ),
            *(name for name in home_names if len(name) <= HOME_NAME_MAX_CHARS),
        ]
    )
    meta.site_name = meta.site_names[0] if meta.site_names else None
    meta.og_type = first("og:type")
    meta.generators = list(tags.get("generator", ()))
    meta.description = first("og:description", "description", "twitter:description") or (
        _text(article.get("description")) if article else None
    )
    image = first("og:image", "og:image:url", "twitter:image")
    if not image and article:
        image = _text(article.get("image"))
    meta.image_url = urljoin(url, image) if image else None

    # the article's author; without an article object, Yoast's WebPage one names it
    described = article or (pages[0] if pages else {})
    names = _people(described.get("author"), by_id) if described else []
    for key in ("article:author", "author", "dc.creator", "parsely-author", "sailthru.author"):
        for value in tags.get(key, ()):
            if not _looks_like_url(value):
                names.extend(part.strip() for part in value.split(",") if part.strip())
    names.extend(_labelled_twitter_authors(first))
    if not names:
        names.extend(_microdata_authors(doc))
    meta.authors = _unique(names)

    keywords = _keywords(article.get("keywords")) if article else []
    keywords += tags.get("article:tag", []) + tags.get("news_keywords", [])
    meta.tags = _unique(keywords)
    sections = (_keywords(article.get("articleSection")) if article else []) + tags.get(
        "article:section", []
    )
    meta.categories = _unique(sections)
    if article and isinstance(article.get("articleBody"), str):
        meta.jsonld_body = article["articleBody"]

    canonical = None
    for link in doc.xpath("//link[@rel][@href]"):
        if "canonical" in link.get("rel", "").lower().split():
            canonical = link.get("href")
            break
    canonical = canonical or first("og:url")
    if canonical:
        canonical = urljoin(url, canonical.strip())
        if _same_portal(canonical, url):
            meta.canonical_url = canonical

    title_element = doc.find(".//title")
    sources = (
        _text(article.get("headline")) if article else None,
        first("og:title", "twitter:title"),
        _text(article.get("name")) if article else None,
        text_of(title_element) if title_element is not None else None,
        *headings,
    )
    identity = _site_keys(url, meta.site_names)
    for source in sources:
        title = clean_title(source, url=url, site_names=meta.site_names, headings=headings)
        if title and not _is_own_name(title, identity):
            meta.title = title
            break  # a title that is only the site's own name names no article: read on
    return meta


def _same_portal(candidate: str, url: str) -> bool:
    a = _HOST_NOISE.sub("", (urlsplit(candidate).hostname or "").lower())
    b = _HOST_NOISE.sub("", (urlsplit(url).hostname or "").lower())
    if not a or not b:
        return False
    return (
        a == b or a.endswith("." + b) or b.endswith("." + a) or _registrable(a) == _registrable(b)
    )


def _registrable(host: str) -> str:
    labels = host.split(".")
    if len(labels) >= 3 and labels[-2] in {"co", "or", "go", "ac", "web", "my", "sch", "com"}:
        return ".".join(labels[-3:])
    return ".".join(labels[-2:])
