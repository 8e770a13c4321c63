"""robots: `Sitemap:` lines of a robots.txt."""

from __future__ import annotations

import pytest

from crawler.discovery.robots import discovered_from_robots, sitemaps_from_robots

BASE = "https://kabargarut.example"

ROBOTS = f"""\ufeffUser-agent: *
Disallow: /wp-admin/
Allow: /wp-admin/admin-ajax.php

# peta situs
Sitemap: {BASE}/sitemap_index.xml
sitemap:{BASE}/news-sitemap.xml   # berita terbaru
SITEMAP: {BASE}/sitemap_index.xml
Sitemap: /wp-sitemap.xml
Sitemap:
Sitemap: ftp://kabargarut.example/old.xml
Disallow: /?s=
"""


def test_sitemap_lines_in_order_deduplicated_and_absolute():
    assert sitemaps_from_robots(ROBOTS, BASE + "/robots.txt") == [
        f"{BASE}/sitemap_index.xml",
        f"{BASE}/news-sitemap.xml",
        f"{BASE}/wp-sitemap.xml",
    ]


def test_relative_lines_are_dropped_without_a_base():
    assert sitemaps_from_robots(ROBOTS) == [f"{BASE}/sitemap_index.xml", f"{BASE}/news-sitemap.xml"]


@pytest.mark.parametrize(
    "text", [None, "", b"", "User-agent: *\nDisallow: /", b"\xff\xfe\x00garbage", 42]
)
def test_no_sitemaps(text):
    assert sitemaps_from_robots(text) == []


def test_bytes_are_accepted_and_cut_at_500_kib():
    padding = b"# " + b"x" * (500 * 1024) + b"\n"
    body = f"Sitemap: {BASE}/a.xml\n".encode() + padding + f"Sitemap: {BASE}/b.xml\n".encode()
    assert sitemaps_from_robots(body) == [f"{BASE}/a.xml"]


def test_discovered_records_carry_the_robots_channel():
    found = discovered_from_robots(f"Sitemap: {BASE}/sitemap.xml")
    assert [(d.url, d.channel, d.kind) for d in found] == [
        (f"{BASE}/sitemap.xml", "robots", "sitemap")
    ]


@pytest.mark.parametrize("bom", [b"\xef\xbb\xbf", b"\xef\xbb", b"\xef"])
def test_a_whole_or_partial_bom_does_not_cost_the_first_line(bom):
    body = bom + b"Sitemap: https://kabar.example/sitemap.xml\nUser-agent: *\n"
    assert sitemaps_from_robots(body) == ["https://kabar.example/sitemap.xml"]
