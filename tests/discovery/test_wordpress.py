"""wordpress: REST posts URLs and parsing (401/404/HTML/non-list refused), WordPress detection."""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta, timezone

import pytest

from crawler.discovery import DiscoveryError
from crawler.discovery.platform import probe_platform
from crawler.discovery.wordpress import (
    discovered_from_wp_posts,
    parse_wp_posts,
    wp_api_root,
    wp_api_root_from_headers,
    wp_api_root_from_html,
    wp_posts_url,
)

BASE = "https://beritabanyuasin.example"


@pytest.mark.parametrize(
    ("kwargs", "expected"),
    [
        (
            {"base": BASE, "page": 1},
            f"{BASE}/wp-json/wp/v2/posts?page=1&per_page=100&orderby=date&order=desc&_embed=1",
        ),
        (
            {"base": BASE + "/", "page": 3, "per_page": 500},
            f"{BASE}/wp-json/wp/v2/posts?page=3&per_page=100&orderby=date&order=desc&_embed=1",
        ),
        (
            {
                "base": BASE,
                "page": 2,
                "per_page": 20,
                "after": date(2024, 1, 1),
                "before": "2024-02-01",
            },
            f"{BASE}/wp-json/wp/v2/posts?page=2&per_page=20&orderby=date&order=desc"
            "&after=2024-01-01T00%3A00%3A00&before=2024-02-01T00%3A00%3A00&_embed=1",
        ),
        (
            {
                "base": BASE,
                "page": 1,
                "after": datetime(2024, 5, 1, 6, 0, tzinfo=timezone(timedelta(hours=7))),
            },
            f"{BASE}/wp-json/wp/v2/posts?page=1&per_page=100&orderby=date&order=desc"
            "&after=2024-05-01T06%3A00%3A00%2B07%3A00&_embed=1",
        ),
        (
            {"base": f"{BASE}/berita/", "page": 1},  # WordPress installed in a folder
            f"{BASE}/berita/wp-json/wp/v2/posts?page=1&per_page=100&orderby=date&order=desc&_embed=1",
        ),
        (
            {"base": f"{BASE}/?rest_route=/", "page": 1, "per_page": 10},  # plain permalinks
            f"{BASE}/?rest_route=%2Fwp%2Fv2%2Fposts&page=1&per_page=10&orderby=date&order=desc&_embed=1",
        ),
    ],
)
def test_wp_posts_url(kwargs, expected):
    assert wp_posts_url(**kwargs) == expected


@pytest.mark.parametrize(
    "kwargs",
    [
        {"base": BASE, "page": 0},
        {"base": BASE, "page": -1},
        {"base": "ftp://x", "page": 1},
        {"base": BASE, "page": 1, "after": "kemarin"},
    ],
)
def test_wp_posts_url_refuses_bad_arguments(kwargs):
    with pytest.raises(DiscoveryError):
        wp_posts_url(**kwargs)


def test_wp_api_root():
    assert wp_api_root(BASE) == f"{BASE}/wp-json/"
    assert wp_api_root(f"{BASE}/wp-json/") == f"{BASE}/wp-json/"
    assert wp_api_root("bukan url") is None


def _post(post_id: int, slug: str, **extra) -> dict:
    post = {
        "id": post_id,
        "date": "2024-05-21T14:30:00",
        "date_gmt": "2024-05-21T07:30:00",
        "modified": "2024-05-22T09:00:00",
        "modified_gmt": "2024-05-22T02:00:00",
        "slug": slug,
        "link": f"{BASE}/2024/05/21/{slug}/",
        "title": {"rendered": "Jalan Desa Sungai Rengit Akhirnya Dicor &#8211; Warga Lega"},
        "content": {
            "rendered": "<p>Banyuasin, Berita Banyuasin &#8211; Jalan desa &#8230;</p>",
            "protected": False,
        },
        "excerpt": {"rendered": "<p>Jalan desa sepanjang dua kilometer&nbsp;rampung.</p>\n"},
        "author": 3,
        "categories": [5],
        "_embedded": {
            "author": [{"id": 3, "name": "admin"}],
            "wp:featuredmedia": [{"source_url": f"{BASE}/wp-content/uploads/2024/05/jalan.jpg"}],
            "wp:term": [
                [{"id": 5, "name": "Daerah", "taxonomy": "category"}],
                [
                    {"id": 9, "name": "Infrastruktur", "taxonomy": "post_tag"},
                    {"id": 10, "name": "Sungai Rengit", "taxonomy": "post_tag"},
                ],
            ],
        },
    }
    post.update(extra)
    return post


def test_parse_wp_posts():
    body = json.dumps(
        [_post(11, "jalan-desa-sungai-rengit-dicor"), _post(12, "tanpa-link", link=None)]
    )
    posts, total = parse_wp_posts(body.encode(), {"X-WP-Total": "250", "X-WP-TotalPages": "3"})
    assert total == 3
    assert len(posts) == 1  # the post without a link is skipped
    post = posts[0]
    assert post["url"] == f"{BASE}/2024/05/21/jalan-desa-sungai-rengit-dicor/"
    assert post["title"] == "Jalan Desa Sungai Rengit Akhirnya Dicor \u2013 Warga Lega"
    assert post["published_at"] == "2024-05-21T14:30:00+07:00"
    assert post["modified_at"] == "2024-05-22T09:00:00+07:00"
    assert post["author_names"] == ["admin"]
    assert post["categories"] == ["Daerah"]
    assert post["tags"] == ["Infrastruktur", "Sungai Rengit"]
    assert post["image_url"] == f"{BASE}/wp-content/uploads/2024/05/jalan.jpg"
    assert post["content_html"].startswith("<p>Banyuasin")
    assert post["excerpt"] == "Jalan desa sepanjang dua kilometer rampung."  # nbsp folded


def test_site_offset_comes_from_date_and_date_gmt():
    wita = _post(13, "a", date="2024-05-21T15:30:00", date_gmt="2024-05-21T07:30:00")
    posts, _ = parse_wp_posts(json.dumps([wita]))
    assert posts[0]["published_at"] == "2024-05-21T15:30:00+08:00"


def test_scrapy_style_headers_are_read():
    class Headers(dict):
        def getlist(self, name):
            return next(v for k, v in self.items() if k.lower() == name.lower().encode())

    headers = Headers({b"x-wp-totalpages": [b"7"]})
    assert parse_wp_posts(b"[]", headers) == ([], 7)


def test_discovered_from_wp_posts():
    posts, _ = parse_wp_posts(json.dumps([_post(11, "jalan-desa-sungai-rengit-dicor")]))
    (found,) = discovered_from_wp_posts(posts)
    assert (found.channel, found.kind) == ("wp-json", "article")
    assert found.published_at == "2024-05-21T14:30:00+07:00"
    assert found.lastmod == "2024-05-22T09:00:00+07:00"


def test_a_php_warning_printed_before_the_json_costs_nothing():
    warning = (
        "<br />\n<b>Deprecated</b>:  Function get_magic_quotes_gpc() is deprecated in"
        " <b>/home/portal/public_html/wp-includes/load.php</b> on line <b>651</b><br />\n"
    )
    body = json.dumps([_post(11, "jalan-desa-sungai-rengit-dicor")])
    assert parse_wp_posts((warning + body).encode()) == parse_wp_posts(body.encode())
    with pytest.raises(DiscoveryError, match="malformed"):
        parse_wp_posts((warning + "Error establishing a database connection").encode())


def test_a_php_message_printed_after_the_json_costs_nothing():
    body = json.dumps([_post(11, "jalan-desa-sungai-rengit-dicor")])
    notice = (
        "<br />\n<b>Deprecated</b>:  Creation of dynamic property Iklan::$slot is deprecated in"
        " <b>/home/portal/public_html/wp-content/themes/x/iklan.php</b> on line <b>57</b><br />\n"
    )
    assert parse_wp_posts((body + notice).encode()) == parse_wp_posts(body.encode())
    # other text after the JSON is no answer to read
    with pytest.raises(DiscoveryError, match="malformed"):
        parse_wp_posts((body + "<html><body>Maintenance</body></html>").encode())


def test_page_past_the_end_is_the_end_not_an_error():
    body = json.dumps(
        {"code": "rest_post_invalid_page_number", "message": "...", "data": {"status": 400}}
    )
    assert parse_wp_posts(body, {"X-WP-TotalPages": "3"}, status=400) == ([], 3)


@pytest.mark.parametrize(
    ("body", "status", "reason"),
    [
        (json.dumps({"code": "rest_forbidden", "data": {"status": 401}}), 401, "http"),
        (json.dumps({"code": "rest_no_route", "data": {"status": 404}}), 404, "http"),
        (b"<!DOCTYPE html><html><body>404 Halaman Tidak Ditemukan</body></html>", 404, "html"),
        (
            b"<!DOCTYPE html><html><body>Beranda</body></html>",
            200,
            "html",
        ),  # REST disabled: home page
        (b"Forbidden", 403, "http"),
        (json.dumps({"code": "rest_disabled", "message": "REST API dimatikan"}), 200, "malformed"),
        (json.dumps({"name": "Berita Banyuasin", "routes": {}}), 200, "malformed"),
        (b"[{", 200, "malformed"),
        (b"[" * 100_000 + b"]" * 100_000, 200, "malformed"),  # nesting bomb
        (b"", 200, "empty"),
        (json.dumps({"code": "rest_invalid_param"}), 400, "http"),
        (b"[]", 500, "http"),
    ],
)
def test_refused_answers(body, status, reason):
    with pytest.raises(DiscoveryError) as caught:
        parse_wp_posts(body if isinstance(body, bytes) else body.encode(), {}, status=status)
    assert caught.value.reason == reason


HEADERS = {
    "Link": [
        f'<{BASE}/wp-json/>; rel="https://api.w.org/"',
        f'<{BASE}/wp-json/wp/v2/pages/2>; rel="alternate"; type="application/json", <{BASE}/?p=2>; rel=shortlink',
    ]
}


def test_api_root_from_link_header_and_html():
    assert wp_api_root_from_headers(HEADERS) == f"{BASE}/wp-json/"
    assert wp_api_root_from_headers({"Link": f"<{BASE}/?p=2>; rel=shortlink"}) is None
    html = f'<html><head><link rel="https://api.w.org/" href="{BASE}/wp-json/" /></head></html>'
    assert wp_api_root_from_html(html, BASE) == f"{BASE}/wp-json/"
    assert wp_api_root_from_html("<html></html>", BASE) is None


WP_HOME = f"""<!DOCTYPE html><html lang="id"><head><meta name="generator" content="WordPress 6.5.3" />
<link rel="stylesheet" href="{BASE}/wp-content/themes/jnews/style.css"></head><body></body></html>"""
WP_ASSETS_ONLY = (
    f'<html><head><script src="{BASE}/wp-includes/js/jquery/jquery.min.js"></script></head></html>'
)
BLOGGER_HOME = """<!DOCTYPE html><html><head><meta content='blogger' name='generator'/>
<link href='https://www.blogger.com/static/v1/widgets/2975350028-css_bundle_v2.css' rel='stylesheet'/>
</head><body></body></html>"""
BLOGGER_CUSTOM_DOMAIN = """<html><head><link rel="service.post" type="application/atom+xml"
href="https://www.blogger.com/feeds/1234567890/posts/default"/></head></html>"""
PLAIN_HOME = (
    "<!DOCTYPE html><html><head><title>Portal Berita</title></head><body><p>Halo</p></body></html>"
)


@pytest.mark.parametrize(
    ("html", "headers", "url", "expected"),
    [
        (WP_HOME, {}, BASE, "wordpress"),
        (WP_ASSETS_ONLY, {}, BASE, "wordpress"),
        (PLAIN_HOME, HEADERS, BASE, "wordpress"),  # the REST Link header alone
        (BLOGGER_HOME, {}, "https://kabarlahat.example/", "blogspot"),
        (BLOGGER_CUSTOM_DOMAIN, {}, "https://kabarlahat.example/", "blogspot"),
        (PLAIN_HOME, {}, "https://kabarlahat.blogspot.com/", "blogspot"),
        (PLAIN_HOME, {}, BASE, "other"),
        ("", {}, BASE, "other"),
        (None, None, None, "other"),
        (b"\x00\xff" * 100, {}, BASE, "other"),
        (b"<p>" + b"x" * (21 * 1024 * 1024), {}, BASE, "other"),  # oversized: no verdict
    ],
)
def test_probe_platform(html, headers, url, expected):
    assert probe_platform(html, headers, url) == expected


@pytest.mark.parametrize(
    "fragment",
    ["Banjir di Banyuasin", "  Pilkada   Garut ", "Tag & Kategori", "Judul <em>miring</em>",
     "Harga naik 5%", "tab\there", "baris\nbaru", "no\u00a0break", "zero\u200bwidth", "\ufeffBOM",
     "kontrol\x0cform", "non\ufdd0char", "C1\x85next", "“Kutipan” — tanda", "1 > 0", ""],
)  # fmt: skip
def test_plain_text_fast_path_reads_like_the_parser(fragment):
    """Titles and term names without markup skip the HTML parser; the text must be the parser's."""
    from crawler.discovery._html import element_text, parse_html
    from crawler.discovery.wordpress import _html_text

    root = parse_html(f"<div>{fragment}</div>") if fragment.strip() else None
    parsed = (element_text(root) if root is not None else fragment) or None
    assert _html_text(fragment) == (parsed if fragment.strip() else None)
