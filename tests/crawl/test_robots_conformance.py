"""Google's robots.txt test suite, read from ../shared/conformance at test time, against Warta's decision.

Each `EXPECT_*` of robots_test.cc is one case (tests/conformance.py builds its strings as the C++
does). `IsUserAgentAllowed(robots, agent, url)` asks the robots middleware's own decision:
`rules_from_response(200, robots).allows(url, agent)` (tests/conformance.py, warta_robots_answer).
The parse statistics (lines read, unknown, last line) ask `read_lines`, the `Sitemap:` case the
spider's `sitemaps_from_robots`, the helper checks `match_path` (GetPathParamsQuery) and
`escape_pattern` (MaybeEscapePattern).

Every case passes, RFC 9309's (`ID_...`) and Google's own (`GoogleOnly_...`) alike. Google's
behaviour beyond the RFC is followed because each is stricter or harmless:
- a missing colon (`disallow /`), misspelt names (`dissallow`) and lines named by prefix
  (`Disallowed:`) read as rules: stricter, more Disallow lines are obeyed;
- the user-agent value ends at its first character outside `[A-Za-z_-]` (`Foo Bar` names `foo`):
  stricter, Warta obeys groups written for it with junk after the name;
- a line keeps 16,663 bytes: harmless, no real rule is that long, and it bounds the work per rule;
- `Allow: /dir/index.html` also allows `/dir/`: harmless, the same page;
- a URL is matched as requested, not percent-encoded again (`/ツ` does not match the rule
  `/%E3%83%84`): harmless, Scrapy always requests percent-encoded URLs.
Beyond the suite Warta is stricter than Google in two ways: it honours Crawl-delay (capped), and
a 5xx, 429 or unreachable robots.txt disallows the whole portal for now (tests/crawl/test_robots.py).
"""

from __future__ import annotations

import pytest

from tests.conformance import ROBOTS_TESTS, RobotsCase, absent, robots_cases, warta_robots_answer

pytestmark = pytest.mark.skipif(bool(absent(ROBOTS_TESTS)), reason=absent(ROBOTS_TESTS) or "")


def _cases() -> list[RobotsCase]:
    return robots_cases() if absent(ROBOTS_TESTS) is None else []


def test_the_suite_is_read_whole():
    cases = _cases()
    kinds = {case.kind for case in cases}
    assert len(cases) >= 200 and sum(c.kind == "allowed" for c in cases) >= 145
    assert kinds == {
        "allowed",
        "valid-agent",
        "valid-lines",
        "unknown-lines",
        "last-line",
        "sitemap",
        "path",
        "escape",
    }
    long_lines = [c for c in cases if c.test == "GoogleOnly_LineTooLong"]
    assert long_lines and all(len(c.args[0]) > 16_000 for c in long_lines)  # built by the loop


@pytest.mark.parametrize("case", _cases(), ids=lambda c: f"{c.test}:{c.line}")
def test_case(case: RobotsCase):
    assert warta_robots_answer(case) == case.expected
