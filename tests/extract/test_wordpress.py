"""WordPress REST API posts and Blogger feed entries -> RawArticle."""

import pytest

from crawler.extract import raw_from_blogger_entry, raw_from_wp_post
from crawler.extract.wordpress import wp_time
from tests.extract.pages import CHROME, STORY, STORY_HTML

SITE = "https://kabarsukamaju.co.id"


def wp_post(**changes):
    post = {
        "id": 101,
        "link": f"{SITE}/2024/05/21/jembatan-gantung-diresmikan/",
        "date": "2024-05-21T14:30:00",
        "date_gmt": "2024-05-21T07:30:00",
        "modified": "2024-05-21T16:00:00",
        "modified_gmt": "2024-05-21T09:00:00",
        "title": {"rendered": "Jembatan Gantung &#8211; Warga Bersyukur"},
        "content": {"rendered": CHROME + STORY_HTML},
        "excerpt": {"rendered": "<p>Ringkasan singkat &amp; padat.</p>"},
        "_embedded": {
            "author": [{"id": 1, "name": "admin"}],
            "wp:term": [
                [{"taxonomy": "category", "name": "Daerah"}],
                [
                    {"taxonomy": "post_tag", "name": "jembatan"},
                    {"taxonomy": "post_tag", "name": "desa"},
                ],
            ],
            "wp:featuredmedia": [{"source_url": f"{SITE}/wp-content/uploads/jembatan.jpg"}],
        },
    }
    post.update(changes)
    return post


def test_wp_post_fields():
    raw = raw_from_wp_post(wp_post(), site_url=SITE)
    assert raw.url == f"{SITE}/2024/05/21/jembatan-gantung-diresmikan/"
    assert raw.title == "Jembatan Gantung – Warga Bersyukur"
    assert raw.paragraphs == STORY  # same chrome removal and flattening as pages
    assert raw.published_at == "2024-05-21T14:30:00+07:00"
    assert raw.published_at_source == "api"
    assert raw.modified_at == "2024-05-21T16:00:00+07:00"
    assert raw.meta_authors == ["admin"]
    assert raw.categories == ["Daerah"]
    assert raw.tags == ["jembatan", "desa"]
    assert raw.image_url.endswith("jembatan.jpg")
    assert raw.description == "Ringkasan singkat & padat."
    assert raw.container == "wp:api"


@pytest.mark.parametrize(
    ("local", "gmt", "expected"),
    [
        ("2024-05-21T14:30:00", "2024-05-21T07:30:00", "2024-05-21T14:30:00+07:00"),
        ("2024-05-21T15:30:00", "2024-05-21T07:30:00", "2024-05-21T15:30:00+08:00"),
        ("2024-05-21T14:30:00", None, "2024-05-21T14:30:00+07:00"),
        (None, "2024-05-21T07:30:00", "2024-05-21T07:30:00+00:00"),
        ("2024-05-21T14:30:00", "2024-05-01T07:30:00", "2024-05-01T07:30:00+00:00"),
        ("2024-05-21T14:30:00+07:00", None, "2024-05-21T14:30:00+07:00"),
        (None, None, None),
        ("bukan tanggal", 42, None),
    ],
)
def test_wp_time(local, gmt, expected):
    assert wp_time(local, gmt) == expected


@pytest.mark.parametrize(
    "post",
    [
        None,
        {},
        {"content": 5},
        {"title": ["x"], "_embedded": "rusak"},
        "string",
        wp_post(link=None),
    ],
)
def test_malformed_posts_never_raise(post):
    raw = raw_from_wp_post(post, site_url=SITE)
    assert raw.url.startswith(SITE)


def test_blogger_entry():
    entry = {
        "title": {"$t": "Jalan Desa Diperbaiki"},
        "content": {"type": "html", "$t": "<br><br>".join(STORY)},
        "published": {"$t": "2024-05-20T08:00:00.000+07:00"},
        "updated": {"$t": "2024-05-20T09:00:00.000+07:00"},
        "link": [
            {"rel": "replies", "href": f"{SITE}/feeds/1/comments"},
            {"rel": "alternate", "href": f"{SITE}/2024/05/jalan-desa.html"},
        ],
        "author": [{"name": {"$t": "Siti Rahmawati"}}],
        "category": [{"term": "Infrastruktur"}],
    }
    raw = raw_from_blogger_entry(entry, site_url=SITE)
    assert raw.url == f"{SITE}/2024/05/jalan-desa.html"
    assert raw.title == "Jalan Desa Diperbaiki"
    assert raw.paragraphs == STORY
    assert raw.published_at == "2024-05-20T08:00:00+07:00"
    assert raw.published_at_source == "feed"
    assert raw.meta_authors == ["Siti Rahmawati"]
    assert raw.tags == ["Infrastruktur"]


@pytest.mark.parametrize("entry", [None, {}, {"link": "x"}, {"content": {"$t": None}}])
def test_malformed_blogger_entries_never_raise(entry):
    assert raw_from_blogger_entry(entry, site_url=SITE).url.startswith(SITE)
