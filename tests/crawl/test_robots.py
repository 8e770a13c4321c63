"""robots.txt as RFC 9309 says: fetch outcomes, 500 KiB parsing, 24 h cache, Crawl-delay."""

from __future__ import annotations

import pytest

from crawler.crawl.policy.robots import (
    CACHE_SECONDS,
    MAX_CRAWL_DELAY,
    UNREACHABLE_RETRY_SECONDS,
    RobotsCache,
    RobotsRules,
    is_robots_url,
    max_age,
    product_token,
    robots_url,
    rules_from_failure,
    rules_from_response,
)
from crawler.discovery.robots import MAX_ROBOTS_BYTES

NOW = 1000.0
AGENT = "warta"
ROBOTS = b"""User-agent: *
Disallow: /wp-admin/
Allow: /wp-admin/admin-ajax.php
Crawl-delay: 2

User-agent: Warta
Disallow: /cari/
Disallow: /*?print=
Crawl-delay: 5
"""


@pytest.mark.parametrize(
    ("status", "verdict"),
    [
        (200, "parsed"),
        (203, "parsed"),
        (400, "allow-all"),
        (401, "allow-all"),  # RFC 9309 2.3.1.3: 4xx is "unavailable", even 401/403
        (403, "allow-all"),
        (404, "allow-all"),
        (410, "allow-all"),
        (429, "disallow-all"),  # too many requests: treated as unreachable (issue 8)
        (500, "disallow-all"),
        (502, "disallow-all"),
        (503, "disallow-all"),
        (599, "disallow-all"),
        (301, "allow-all"),  # a redirect still unresolved after the limit: unavailable
        (100, "disallow-all"),
        (999, "disallow-all"),
    ],
)
def test_status_decides_the_verdict(status, verdict):
    assert rules_from_response(status, b"", now=NOW).verdict == verdict


@pytest.mark.parametrize("kind", ["timeout", "network", "refused-address-private"])
def test_a_failed_fetch_disallows_the_portal_for_now(kind):
    rules = rules_from_failure(kind, now=NOW)
    assert rules.verdict == "disallow-all"
    assert not rules.allows("http://portal.example/2024/05/21/a/", AGENT)
    assert rules.fresh(NOW + UNREACHABLE_RETRY_SECONDS - 1)
    assert not rules.fresh(NOW + UNREACHABLE_RETRY_SECONDS)


@pytest.mark.parametrize(
    ("url", "agent", "allowed"),
    [
        ("http://p.example/2024/05/21/banjir-garut/", AGENT, True),
        ("http://p.example/cari/?q=banjir", AGENT, False),
        ("http://p.example/2024/05/21/a/?print=1", AGENT, False),
        ("http://p.example/wp-admin/", AGENT, True),  # the warta group replaces the * group
        ("http://p.example/wp-admin/", "otherbot", False),
        ("http://p.example/wp-admin/admin-ajax.php", "otherbot", True),  # longest match wins
        ("http://p.example/cari/", "otherbot", True),
        ("http://p.example/robots.txt", AGENT, True),
    ],
)
def test_parsed_rules_match_the_product_token(url, agent, allowed):
    rules = rules_from_response(200, ROBOTS, now=NOW)
    assert rules.allows(url, agent) is allowed


def test_robots_txt_itself_is_always_allowed():
    for rules in (
        rules_from_response(200, b"User-agent: *\nDisallow: /\n", now=NOW),
        rules_from_failure("timeout", now=NOW),
    ):
        assert rules.allows("http://p.example/robots.txt", AGENT)
        assert not rules.allows("http://p.example/", AGENT)


def test_a_4xx_allows_everything():
    rules = rules_from_response(404, b"<html>not found</html>", now=NOW)
    assert rules.allows("http://p.example/anything/at/all", AGENT)


def test_crawl_delay_for_the_group_and_capped():
    rules = rules_from_response(200, ROBOTS, now=NOW)
    assert rules.crawl_delay(AGENT) == 5.0
    assert rules.crawl_delay("otherbot") == 2.0
    slow = rules_from_response(200, b"User-agent: *\nCrawl-delay: 86400\n", now=NOW)
    assert slow.crawl_delay(AGENT) == MAX_CRAWL_DELAY
    assert slow.raw_crawl_delay(AGENT) == 86400
    for junk in (b"Crawl-delay: soon", b"Crawl-delay: -3", b"Crawl-delay: nan"):
        rules = rules_from_response(200, b"User-agent: *\n" + junk + b"\n", now=NOW)
        assert rules.crawl_delay(AGENT) is None
    assert rules_from_response(404, b"", now=NOW).crawl_delay(AGENT) is None


def test_at_least_500_kib_is_parsed_and_a_cut_rule_is_dropped():
    filler = b"# " + b"x" * 1000 + b"\n"
    padding = filler * ((MAX_ROBOTS_BYTES - 200) // len(filler))
    late_rule = b"User-agent: *\nDisallow: /late/\n"
    body = padding + late_rule  # ends before 500 KiB: must be parsed
    assert len(body) <= MAX_ROBOTS_BYTES
    rules = rules_from_response(200, body, now=NOW)
    assert not rules.truncated
    assert not rules.allows("http://p.example/late/x", AGENT)
    too_long = (
        padding + b"x" * (MAX_ROBOTS_BYTES - len(padding) - 10) + b"\nUser-agent: *\nDisallow: /\n"
    )
    rules = rules_from_response(200, too_long, now=NOW)
    assert rules.truncated
    assert rules.allows("http://p.example/after-the-cut/", AGENT)  # rules past 500 KiB ignored


def test_cut_in_the_middle_of_a_rule():
    head = b"User-agent: *\n" + b"#" * (MAX_ROBOTS_BYTES - 26) + b"\n"
    body = head + b"Disallow: /berita/rahasia/\n"  # the cut falls right after "Disallow: /"
    assert body[:MAX_ROBOTS_BYTES].endswith(b"\nDisallow: /")
    rules = rules_from_response(200, body, now=NOW)
    assert rules.truncated
    assert rules.allows("http://p.example/b", AGENT)  # not "Disallow: /" from a cut line


@pytest.mark.parametrize(
    "body",
    [
        b"\xff\xfe\x00garbage\x00\x01",
        b"<html><body>Not robots</body></html>",
        b"User-agent: *\nDisallow: /\xff\xfe/\n",
        "User-agent: *\nDisallow: /b\u00e9rita/\n".encode(),
        b"\xef\xbb\xbfUser-agent: *\nDisallow: /bom/\n",
        b"",
    ],
)
def test_odd_bodies_never_raise(body):
    rules = rules_from_response(200, body, now=NOW)
    assert rules.verdict == "parsed"
    rules.allows("http://p.example/x", AGENT)
    rules.crawl_delay(AGENT)


def test_bom_is_skipped():
    rules = rules_from_response(200, b"\xef\xbb\xbfUser-agent: *\nDisallow: /bom/\n", now=NOW)
    assert not rules.allows("http://p.example/bom/1", AGENT)


@pytest.mark.parametrize(
    ("header", "seconds"),
    [
        (None, CACHE_SECONDS),
        ("max-age=600", 600),
        ("public, max-age=3600", 3600),
        ("max-age=999999999", CACHE_SECONDS),  # never beyond 24 hours
        ("max-age=nonsense", CACHE_SECONDS),
        ("no-cache", CACHE_SECONDS),
    ],
)
def test_cached_at_most_24_hours(header, seconds):
    rules = rules_from_response(200, ROBOTS, now=NOW, cache_control=header)
    assert rules.expires_at == NOW + seconds


def test_max_age_parsing():
    assert max_age('max-age="60"') == 60
    assert max_age("max-age=-5") == 0
    assert max_age(None) is None


def test_cache_expires_and_an_unreachable_refresh_keeps_the_old_rules():
    cache = RobotsCache()
    key = "http://p.example/robots.txt"
    assert cache.get(key, NOW) is None
    cache.put(key, rules_from_response(200, ROBOTS, now=NOW))
    assert cache.get(key, NOW + 10).verdict == "parsed"
    assert cache.get(key, NOW + CACHE_SECONDS) is None  # stale after 24 h
    kept = cache.put(key, rules_from_failure("timeout", now=NOW + CACHE_SECONDS))
    assert kept.verdict == "parsed"  # RFC 9309 2.4: an unreachable refresh keeps the last copy
    assert not kept.allows("http://p.example/cari/", AGENT)
    assert kept.expires_at == NOW + CACHE_SECONDS + UNREACHABLE_RETRY_SECONDS
    other = "http://q.example/robots.txt"
    assert cache.put(other, rules_from_failure("timeout", now=NOW)).verdict == "disallow-all"


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("http://p.example:8080/a/b?c=1#d", "http://p.example:8080/robots.txt"),
        ("https://P.example/", "https://P.example/robots.txt"),
        ("ftp://p.example/", None),
        ("not a url", None),
        (None, None),
    ],
)
def test_robots_url(url, expected):
    assert robots_url(url) == expected


def test_is_robots_url():
    assert is_robots_url("http://p.example/robots.txt")
    assert not is_robots_url("http://p.example/robots.txt?x=1")
    assert not is_robots_url("http://p.example/a/robots.txt")


@pytest.mark.parametrize(
    ("user_agent", "token"),
    [
        ("Warta/0.1 (news archive crawler; +https://example.org)", "warta"),
        (b"Warta/0.1", "warta"),
        ("Mozilla/5.0 (compatible; Warta)", "mozilla"),
        ("my_bot-2", "my_bot-"),
        ("", "*"),
        (None, "*"),
        ("   ", "*"),
    ],
)
def test_product_token(user_agent, token):
    assert product_token(user_agent) == token


def test_rules_are_frozen_values():
    rules = RobotsRules("allow-all", "http_404", NOW + 1)
    with pytest.raises(AttributeError):
        rules.verdict = "parsed"  # type: ignore[misc]
