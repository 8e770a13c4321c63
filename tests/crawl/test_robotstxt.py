"""robotstxt: pattern matching against a plain reference, the substring index, groups and names."""

from __future__ import annotations

import random
import re

import pytest

from crawler.crawl.policy.robotstxt import Matcher, RobotsTxt, Rule, read_groups, read_lines
from tests.conformance import hostile_robots

ALPHABET = "ab/.?=-"


def reference_regex(pattern: str) -> re.Pattern[str]:
    """RFC 9309 2.2.3 read literally: `*` any characters, a final `$` the end (a regex)."""
    anchored = pattern.endswith("$")
    body = pattern[:-1] if anchored else pattern
    regex = "".join(".*" if c == "*" else re.escape(c) for c in body) + ("\\Z" if anchored else "")
    return re.compile(regex, re.S)


def reference_decision(rules: list[Rule], path: str, compiled: dict | None = None) -> bool | None:
    """The longest matching pattern decides, Allow on a tie; None when nothing matches."""
    compiled = {} if compiled is None else compiled
    best: tuple[int, bool] | None = None
    for rule in rules:
        regex = compiled.get(rule.pattern) or compiled.setdefault(
            rule.pattern, reference_regex(rule.pattern)
        )
        if regex.match(path):
            key = (rule.priority, rule.allow)
            best = key if best is None or key > best else best
    return None if best is None else best[1]


def _pattern(rng: random.Random) -> str:
    text = "/" + "".join(rng.choice(ALPHABET + "**") for _ in range(rng.randint(0, 7)))
    return text + "$" if rng.random() < 0.3 else text


def test_decisions_equal_the_plain_reference_on_random_rules():
    rng = random.Random(20240521)
    for _ in range(2000):
        rules = [Rule(rng.random() < 0.5, _pattern(rng)) for _ in range(rng.randint(1, 8))]
        matcher = Matcher(rules)
        for _ in range(10):
            path = "/" + "".join(rng.choice(ALPHABET) for _ in range(rng.randint(0, 10)))
            assert matcher.decide(path) == reference_decision(rules, path), (rules, path)


def test_the_index_narrows_a_hostile_file_to_a_few_candidates_and_loses_none():
    body = hostile_robots()
    assert 450_000 < len(body) < 520_000
    robots = RobotsTxt.parse(body)
    assert robots.allowed("http://p.example/", "warta")  # builds the matcher
    matcher = robots.matchers["warta"]
    rules = matcher.rules
    assert len(rules) == 18_000
    rng = random.Random(1)
    # paths written from the file's own patterns (each `*` filled), so they meet rules
    paths = [
        rng.choice(rules).pattern.rstrip("$").replace("*", rng.choice(["", "x/", "foto"]))
        for _ in range(40)
    ]
    paths += [f"/berita/foto/{rng.randint(0, 99_999)}/judul.html" for _ in range(10)]
    compiled: dict = {}
    decided = 0
    for path in paths:
        assert len(matcher.candidates(path)) < 200  # of 18,000: the index did its work
        decision = matcher.decide(path)
        assert decision == reference_decision(rules, path, compiled), path
        decided += decision is not None
    assert decided >= 40


@pytest.mark.parametrize(
    ("line", "name"),
    [
        ("Disallow: /a", "disallow"),
        ("disallowed: /a", "disallow"),
        ("Dissallow: /a", "disallow"),
        ("User-Agent: x", "user-agent"),
        ("useragent: x", "user-agent"),
        ("Site-map: http://x/", "sitemap"),
        ("Crawl-delay: 5", "crawl-delay"),
        ("Noindex: /a", None),
        ("disallow /a", "disallow"),
    ],
)
def test_line_names(line, name):
    (read,) = read_lines(line.encode())
    assert read.name == name


def test_crawl_delay_and_sitemap_lines_do_not_close_a_group():
    body = b"User-agent: a\nCrawl-delay: 4\nSitemap: http://x/s.xml\nUser-agent: b\nDisallow: /x\n"
    (group,) = read_groups(read_lines(body))
    assert group.agents == ["a", "b"] and group.crawl_delay == "4"
    robots = RobotsTxt.parse(body)
    assert not robots.allowed("http://p.example/x", "a")
    assert robots.crawl_delay("b") == "4" and robots.crawl_delay("c") is None


def test_a_latin1_rule_is_matched_by_its_percent_encoded_bytes():
    robots = RobotsTxt.parse(b"User-agent: *\nDisallow: /b\xe9rita/\n")
    assert not robots.allowed("http://p.example/b%E9rita/satu", "warta")
    assert robots.allowed("http://p.example/berita/satu", "warta")
