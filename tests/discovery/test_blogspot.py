"""blogspot: Blogger feed URLs, Atom and alt=json pages, next-page computation, detection."""

from __future__ import annotations

import json

import pytest

from crawler.discovery import DiscoveryError
from crawler.discovery.blogspot import (
    blogger_feed_url,
    blogger_next_url,
    blogger_search_url,
    looks_like_blogger,
    parse_blogger_feed,
)

BASE = "https://kabarlahat.blogspot.com"
FEED = f"{BASE}/feeds/posts/default"


def _atom(total: int, start: int, per_page: int, slugs: list[str]) -> bytes:
    entries = "".join(
        f"""<entry><id>tag:blogger.com,1999:blog-42.post-{i}</id>
<published>2024-05-{20 - i:02d}T08:00:00.001+07:00</published>
<updated>2024-05-{20 - i:02d}T09:10:00.002+07:00</updated>
<title type='text'>Kabar nomor {i}</title>
<link rel='replies' type='application/atom+xml' href='{BASE}/feeds/{i}/comments/default' title='Posting Komentar'/>
<link rel='edit' type='application/atom+xml' href='https://www.blogger.com/feeds/42/posts/default/{i}'/>
<link rel='self' type='application/atom+xml' href='https://www.blogger.com/feeds/42/posts/default/{i}'/>
<link rel='alternate' type='text/html' href='{BASE}/2024/05/{slug}.html' title='Kabar nomor {i}'/>
</entry>"""
        for i, slug in enumerate(slugs)
    )
    return f"""<?xml version='1.0' encoding='UTF-8'?><?xml-stylesheet href="https://www.blogger.com/styles/atom.css" type="text/css"?>
<feed xmlns='http://www.w3.org/2005/Atom' xmlns:openSearch='http://a9.com/-/spec/opensearchrss/1.0/'
 xmlns:blogger='http://schemas.google.com/blogger/2008'><id>tag:blogger.com,1999:blog-42</id>
<title type='text'>Kabar Lahat</title>
<link rel='alternate' type='text/html' href='{BASE}/'/>
<link rel='next' type='application/atom+xml' href='https://www.blogger.com/feeds/42/posts/default?start-index={start + per_page}&amp;max-results={per_page}'/>
<generator version='7.00' uri='https://www.blogger.com'>Blogger</generator>
<openSearch:totalResults>{total}</openSearch:totalResults><openSearch:startIndex>{start}</openSearch:startIndex>
<openSearch:itemsPerPage>{per_page}</openSearch:itemsPerPage>{entries}</feed>""".encode()


def test_feed_url_builder():
    assert blogger_feed_url(BASE) == f"{FEED}?start-index=1&max-results=150"
    assert (
        blogger_feed_url(BASE + "/2024/05/x.html", 151, 500)
        == f"{FEED}?start-index=151&max-results=150"
    )
    assert (
        blogger_feed_url(BASE, 1, 25, alt="json") == f"{FEED}?start-index=1&max-results=25&alt=json"
    )
    with pytest.raises(DiscoveryError):
        blogger_feed_url(BASE, 0)


def test_atom_page_with_paging_on_the_portal_host():
    url = f"{FEED}?start-index=1&max-results=2"
    page = parse_blogger_feed(
        url, _atom(5, 1, 2, ["jalan-lintas-lahat-diperbaiki", "festival-kopi-semende"])
    )
    assert [e.url for e in page.entries] == [
        f"{BASE}/2024/05/jalan-lintas-lahat-diperbaiki.html",
        f"{BASE}/2024/05/festival-kopi-semende.html",
    ]
    first = page.entries[0]
    assert (first.channel, first.kind, first.title) == ("blogspot-feed", "article", "Kabar nomor 0")
    assert first.published_at == "2024-05-20T08:00:00+07:00"
    assert first.lastmod == "2024-05-20T09:10:00+07:00"
    assert (page.total_results, page.start_index, page.items_per_page) == (5, 1, 2)
    assert page.next_url == f"{FEED}?start-index=3&max-results=2"


def test_last_atom_page_has_no_next():
    url = f"{FEED}?start-index=5&max-results=2"
    assert parse_blogger_feed(url, _atom(5, 5, 2, ["ujung"])).next_url is None


def test_json_page():
    payload = {
        "version": "1.0",
        "feed": {
            "openSearch$totalResults": {"$t": "3"},
            "openSearch$startIndex": {"$t": "1"},
            "openSearch$itemsPerPage": {"$t": "2"},
            "entry": [
                {
                    "published": {"$t": "2024-05-19T07:00:00.000+07:00"},
                    "updated": {"$t": "2024-05-19T07:30:00.000+07:00"},
                    "title": {"type": "text", "$t": "Sungai Lematang Meluap"},
                    "link": [
                        {"rel": "replies", "href": f"{BASE}/feeds/7/comments/default"},
                        {
                            "rel": "alternate",
                            "type": "text/html",
                            "href": f"{BASE}/2024/05/sungai-lematang-meluap.html",
                        },
                    ],
                },
                {"title": {"$t": "tanpa tautan"}, "link": []},
                "bukan entri",
            ],
        },
    }
    url = f"{FEED}?start-index=1&max-results=2&alt=json"
    page = parse_blogger_feed(url, json.dumps(payload).encode())
    assert [e.url for e in page.entries] == [f"{BASE}/2024/05/sungai-lematang-meluap.html"]
    assert page.entries[0].title == "Sungai Lematang Meluap"
    assert page.entries[0].published_at == "2024-05-19T07:00:00+07:00"
    assert page.total_results == 3
    assert page.next_url == f"{FEED}?start-index=2&max-results=2&alt=json"


@pytest.mark.parametrize(
    ("start", "count", "total", "expected_start"),
    [
        (1, 150, 400, 151),
        (151, 150, 400, 301),
        (301, 100, 400, None),  # 301 + 100 > 400
        (1, 0, 400, None),  # an empty page ends the walk
        (1, 150, None, 151),  # no total: a full page means more
        (151, 20, None, None),  # no total: a short page is the last
    ],
)
def test_next_page_computation(start, count, total, expected_start):
    url = f"{FEED}?start-index={start}&max-results=150"
    expected = (
        None if expected_start is None else f"{FEED}?start-index={expected_start}&max-results=150"
    )
    assert blogger_next_url(url, start, count, total) == expected


@pytest.mark.parametrize(
    ("body", "reason"),
    [
        (b"", "empty"),
        (b"<!DOCTYPE html><html><body>Blog tidak ditemukan</body></html>", "html"),
        (b'{"error": "x"}', "malformed"),
        (b"{broken", "malformed"),
        (b"<sitemapindex/>", "malformed"),
    ],
)
def test_bad_feeds_are_refused(body, reason):
    with pytest.raises(DiscoveryError) as caught:
        parse_blogger_feed(FEED, body)
    assert caught.value.reason == reason


def test_search_url():
    assert blogger_search_url(BASE, "2024-05-20T07:59:00+07:00", 8) == (
        f"{BASE}/search?updated-max=2024-05-20T07%3A59%3A00%2B07%3A00&max-results=8"
    )


@pytest.mark.parametrize(
    ("html", "url", "expected"),
    [
        ("<html></html>", "https://kabarlahat.blogspot.co.id/", True),
        ("<meta name='generator' content='Blogger'>", "https://kabarlahat.example/", True),
        ("<script src='https://www.blogger.com/static/v1/jsbin/1.js'></script>", None, True),
        ("<meta name='generator' content='WordPress 6.5'>", "https://kabarlahat.example/", False),
        ("<p>blogspot disebut di teks</p>", "https://blogspotter.example/", False),
        (None, None, False),
    ],
)
def test_blogger_detection(html, url, expected):
    assert looks_like_blogger(html, {}, url) is expected


def test_a_json_in_script_answer_is_read_as_its_json():
    payload = {
        "feed": {
            "entry": [
                {
                    "link": [
                        {"rel": "alternate", "href": f"{BASE}/2024/05/sungai-lematang-meluap.html"}
                    ]
                }
            ]
        }
    }
    body = f"// API callback\ntampilkanPos({json.dumps(payload)});\n".encode()
    page = parse_blogger_feed(f"{FEED}?alt=json-in-script&callback=tampilkanPos", body)
    assert [e.url for e in page.entries] == [f"{BASE}/2024/05/sungai-lematang-meluap.html"]


def test_a_comments_feed_lists_the_posts_its_comments_are_on():
    post = f"{BASE}/2024/05/sungai-lematang-meluap.html"
    comments = [
        {"link": [{"rel": "alternate", "href": f"{post}?showComment=1716000000000#c{n}"}]}
        for n in (11, 12)
    ]
    url = f"{BASE}/feeds/comments/default?alt=json"
    page = parse_blogger_feed(url, json.dumps({"feed": {"entry": comments}}).encode())
    assert [e.url for e in page.entries] == [post]
