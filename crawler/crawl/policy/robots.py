"""robots.txt as RFC 9309 says: what a fetch outcome means, the rules per portal, their cache.

Unlike Scrapy's RobotsTxtMiddleware, which allows everything when robots.txt cannot be fetched,
this follows RFC 9309 section 2.3.1: a 2xx answer is parsed (its first 500 KiB); a 4xx answer
("unavailable") allows everything; a 5xx or 429 answer, a time-out or a network error
("unreachable") disallows the whole portal for now. Rules are cached for at most 24 hours
(section 2.4). Crawl-delay is read (capped). Matching is robotstxt.py's (RFC 9309 as Google's
reference parser reads it; it replaced Protego, which failed 14 of the reference suite's 145
decisions and took 22 ms per URL on a 500 KiB file), with the crawler's product token. Pure:
nothing here knows Scrapy.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import urlsplit, urlunsplit

from crawler.crawl.policy.robotstxt import RobotsTxt
from crawler.discovery.robots import MAX_ROBOTS_BYTES

CACHE_SECONDS = 24 * 3600
"""RFC 9309 section 2.4: crawlers SHOULD NOT use a cached robots.txt for more than 24 hours."""

UNREACHABLE_RETRY_SECONDS = 600
"""How long an unreachable robots.txt keeps the portal disallowed before it is fetched again:
ten minutes, the order of Google's documented re-check interval for 5xx robots.txt answers."""

MAX_CRAWL_DELAY = 30.0
"""Longest Crawl-delay honoured, in seconds: Warta's AUTOTHROTTLE_MAX_DELAY (crawler/settings.py);
a longer one (some portals say 86400) is honoured up to this and logged."""

FETCH_FAILURE_KINDS = ("dns", "timeout", "connection-refused", "network", "refused")
"""Ways a robots.txt fetch fails without an HTTP answer; all mean "unreachable"."""


@dataclass(frozen=True)
class RobotsRules:
    """What one portal's robots.txt says, as of one fetch."""

    verdict: str
    """`parsed` (rules apply), `allow-all` (unavailable: 4xx, or too many redirects) or
    `disallow-all` (unreachable: 5xx, 429, time-out, network error)."""
    reason: str
    """The fetch outcome: `http_200`, `http_404`, `http_503`, `timeout`, `network`, ..."""
    expires_at: float
    """Monotonic time after which the rules must be fetched again."""
    parser: RobotsTxt | None = field(default=None, compare=False, repr=False)
    truncated: bool = False
    """The file was longer than the 500 KiB parsed."""

    def allows(self, url: str, agent: str) -> bool:
        """May `agent` (a product token) fetch `url`? robots.txt itself is always allowed."""
        if is_robots_url(url):
            return True  # RFC 9309 section 2.2.2: /robots.txt is implicitly allowed
        if self.verdict == "allow-all":
            return True
        if self.verdict == "disallow-all" or self.parser is None:
            return False
        try:
            return self.parser.allowed(url, agent)
        except Exception:  # a parser bug on a hostile file must not crash the crawl: be polite
            return False

    def crawl_delay(self, agent: str) -> float | None:
        """The Crawl-delay for `agent` in seconds (capped at MAX_CRAWL_DELAY), or None."""
        delay = self.raw_crawl_delay(agent)
        if delay is None or delay != delay or delay <= 0:  # none, NaN or not a delay
            return None
        return min(delay, MAX_CRAWL_DELAY)

    def raw_crawl_delay(self, agent: str) -> float | None:
        """The Crawl-delay as written (uncapped), for logging."""
        written = self.parser.crawl_delay(agent) if self.parser is not None else None
        try:
            return float(written) if written is not None else None
        except ValueError:
            return None

    def fresh(self, now: float) -> bool:
        """True while the rules may still be used."""
        return now < self.expires_at


def robots_url(url: str) -> str | None:
    """The robots.txt URL governing `url` (same scheme, host and port), or None."""
    try:
        parts = urlsplit(url)
    except (ValueError, TypeError, AttributeError):
        return None
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return None
    return urlunsplit((parts.scheme, parts.netloc, "/robots.txt", "", ""))


def is_robots_url(url: str) -> bool:
    """True when `url` is a portal's /robots.txt."""
    try:
        parts = urlsplit(url)
    except (ValueError, TypeError, AttributeError):
        return False
    return parts.path == "/robots.txt" and not parts.query


def product_token(user_agent: str | bytes | None) -> str:
    """The product token robots.txt groups are matched against (`Warta/0.1 (...)` -> `warta`)."""
    if isinstance(user_agent, bytes):
        user_agent = user_agent.decode("latin-1")
    if not user_agent:
        return "*"
    token = user_agent.strip().split("/", 1)[0].split()[0] if user_agent.strip() else ""
    # RFC 9309 section 2.2.1: the product token is letters, "_" and "-" only
    token = "".join(c for c in token if c.isascii() and (c.isalpha() or c in "_-"))
    return token.lower() or "*"


def max_age(cache_control: str | None) -> float | None:
    """Seconds from a Cache-Control `max-age` directive, or None."""
    if not cache_control:
        return None
    for directive in cache_control.split(","):
        name, _, value = directive.strip().partition("=")
        if name.strip().lower() == "max-age":
            try:
                return max(0.0, float(value.strip().strip('"')))
            except ValueError:
                return None
    return None


def _lifetime(cache_control: str | None) -> float:
    age = max_age(cache_control)
    return CACHE_SECONDS if age is None else min(age, CACHE_SECONDS)


def _cut(body: bytes) -> tuple[bytes, bool]:
    truncated = len(body) > MAX_ROBOTS_BYTES
    if truncated:
        body = body[:MAX_ROBOTS_BYTES]
        cut = max(body.rfind(b"\n"), body.rfind(b"\r"))
        body = body[: cut + 1] if cut >= 0 else b""  # a rule cut in half is not a rule
    return body, truncated


def rules_from_response(
    status: int, body: bytes | None, *, now: float, cache_control: str | None = None
) -> RobotsRules:
    """The rules a robots.txt answer gives (after redirects were followed)."""
    reason = f"http_{status}"
    if 200 <= status < 300:
        text, truncated = _cut(body or b"")
        parser = RobotsTxt.parse(text)  # garbage lines hold no rule: RFC 9309, parse what you can
        return RobotsRules("parsed", reason, now + _lifetime(cache_control), parser, truncated)
    if status == 429 or 500 <= status < 600:
        return rules_from_failure(reason, now=now)
    if 300 <= status < 500:
        # 4xx (and a 3xx left after the redirect limit): "unavailable", so anything may be crawled
        return RobotsRules("allow-all", reason, now + _lifetime(cache_control))
    return rules_from_failure(reason, now=now)  # 1xx or nonsense: treat as unreachable


def rules_from_failure(kind: str, *, now: float) -> RobotsRules:
    """Rules after a fetch that got no usable answer: the whole portal is disallowed for now."""
    return RobotsRules("disallow-all", kind, now + UNREACHABLE_RETRY_SECONDS)


class RobotsCache:
    """The latest rules per robots.txt URL; an unreachable refresh keeps older parsed rules."""

    def __init__(self) -> None:
        self._rules: dict[str, RobotsRules] = {}

    def get(self, robots: str, now: float) -> RobotsRules | None:
        """Fresh rules for a robots.txt URL, or None when they must be (re)fetched."""
        rules = self._rules.get(robots)
        return rules if rules is not None and rules.fresh(now) else None

    def put(self, robots: str, rules: RobotsRules) -> RobotsRules:
        """Store new rules and return the ones to use.

        RFC 9309 section 2.4: when a refresh finds robots.txt unreachable, the previous parsed
        rules stay in force (until the next retry) rather than shutting the portal."""
        previous = self._rules.get(robots)
        if (
            rules.verdict == "disallow-all"
            and previous is not None
            and previous.verdict == "parsed"
        ):
            rules = RobotsRules(
                previous.verdict,
                previous.reason,
                rules.expires_at,
                previous.parser,
                previous.truncated,
            )
        self._rules[robots] = rules
        return rules

    def __len__(self) -> int:
        return len(self._rules)
