"""Permalinks of the `postname` theme: short slugs under sections, at the root, `?p=ID`, `/read/ID`.

A WordPress portal on `/%category%/%postname%/` with the category base removed (a common plugin on
Indonesian portals) prints a post as `/berita/banjir-garut/`, the very shape of a section front
(`/berita/`, `/daerah/garut/`); a portal moved from an older CMS keeps `/read/<id>/`, and posts
published before permalinks were set stay at `/?p=<id>`. The theme mixes all of them, in turn by
post id, so one portal holds every shape.
"""

from __future__ import annotations

from crawler.testportal.model import Article, Corpus, slugify

SHORT_SLUG_THEME = "postname"
"""The theme name (PortalSpec.theme) whose articles live at these permalinks."""

SECTIONS = ("berita", "news", "daerah")
"""Section fronts (categories without a base); each holds the posts filed under it."""

SHAPES = ("berita", "news", "root", "read", "berita", "query", "daerah", "news")
"""Permalink shape of a post, chosen in turn by post id: mostly sections, some at the root,
`/read/<id>/` and `/?p=<id>`."""

PICK_PATH = "/pilihan-redaksi/"
"""The editor's pick: one post in full, a listing."""

POPULAR_PATH = "/terpopuler/"
"""The popular posts: five teasers, a listing."""

FAULTS = {
    "/berita/gangguan-server/": "server error (500)",
    "/news/halaman-kosong/": "empty page (200, no body)",
    "/berita/belum-tersedia/": "soft 404 (200, the not-found page)",
    "/news/pindah-alamat/": "redirect to the home page (301)",
    "/read/404404/": "deleted post (404)",
}
"""Short-slug URLs the portal links (header ticker, post sitemap, feed) that never hold an
article, with what they answer."""

SLUG_WORDS = 2
"""Words of a short slug (`banjir-garut`): what editors type when they shorten a headline slug."""

RESERVED_SLUGS = frozenset(
    {*SECTIONS, "read", "tag", "category", "author", "feed", "page", "wp-json", "wp-admin",
     "wp-content", "indeks", "pilihan-redaksi", "terpopuler", "tentang-kami", "redaksi", "kontak",
     "pedoman-media-siber"}
)  # fmt: skip
"""Slugs WordPress would not give a post here: section, route and static page names."""


def shape_of(article: Article) -> str:
    """The permalink shape of a post: a section name, `root`, `read` or `query`."""
    return SHAPES[article.post_id % len(SHAPES)]


def _short_slug(title: str) -> str:
    words = slugify(title).split("-")
    count = SLUG_WORDS
    # a slug of numbers alone (`1-200`) is no slug a reader or a crawler recognises as a post
    while count < len(words) and not any(c.isalpha() for c in "".join(words[:count])):
        count += 1
    return "-".join(words[:count])


def short_slug_paths(corpus: Corpus) -> dict[str, str]:
    """The path of every post of a corpus (both epochs), by key: short slugs made unique in post-id
    order with `-2`, `-3` as WordPress does."""
    articles = [*corpus.articles, *([corpus.epoch2_new] if corpus.epoch2_new else [])]
    taken = set(RESERVED_SLUGS)
    paths: dict[str, str] = {}
    for article in sorted(articles, key=lambda a: a.post_id):
        shape = shape_of(article)
        if shape == "read":
            paths[article.key] = f"/read/{article.post_id}/"
            continue
        if shape == "query":
            paths[article.key] = f"/?p={article.post_id}"
            continue
        base = _short_slug(article.title)
        slug, number = base, 1
        while slug in taken:
            number += 1
            slug = f"{base}-{number}"
        taken.add(slug)
        paths[article.key] = f"/{slug}/" if shape == "root" else f"/{shape}/{slug}/"
    return paths
