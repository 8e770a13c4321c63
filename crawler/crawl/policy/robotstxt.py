"""robots.txt as a file: its lines, its groups and the longest-match decision (RFC 9309, as Google's parser).

Follows Google's reference parser (robots.cc, whose test suite tests/crawl/test_robots_conformance.py
reads from ../shared/conformance): a line is `name: value` (a forgotten colon is accepted when
the line is two words), `#` starts a comment, CR, LF and CRLF end lines, a whole or partial UTF-8
byte order mark is skipped, a line keeps its first 16,663 bytes. A group is one or more
user-agent lines and the rules after them; only another user-agent line after rules closes it
(Sitemap, Crawl-delay and unknown lines do not). A user-agent value is matched up to its first
character outside `[A-Za-z_-]` ("FOO BAR" names `foo`), case-insensitively; the groups naming the
crawler are merged, else the `*` groups. A rule's path has its non-ASCII octets percent-encoded;
the rule with the longest pattern that matches the URL's path and query decides, Allow winning a
tie; `*` matches any characters and a final `$` the end. Google's own extra: an Allow ending in
`/index.htm(l)` also allows its directory.

Matching is fast on hostile files: rules are indexed by a rare 3-character substring of their
literal parts, so a decision tests only the rules that can match (bench/conformance.py measures a
500 KiB file of 18,000 wildcard rules), and a wildcard rule is matched by leftmost segment search
(no regular expression, so no backtracking blow-up).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

MAX_LINE_BYTES = 2083 * 8 - 1
"""Longest line read, in bytes: Google's parser keeps 8 x 2083 bytes of a line, its end included
(kMaxLineLen in robots.cc), and drops the rest; a longer rule is cut, not lost."""

PARTIAL_BOMS = (b"\xef\xbb\xbf", b"\xef\xbb", b"\xef")
"""A UTF-8 byte order mark, whole or cut short, skipped at the start of the file (Google's parser)."""

FIELD_PREFIXES = (
    ("user-agent", "user-agent"),
    ("useragent", "user-agent"),
    ("user agent", "user-agent"),
    ("sitemap", "sitemap"),
    ("site-map", "sitemap"),
    ("crawl-delay", "crawl-delay"),
    ("allow", "allow"),
    ("disallow", "disallow"),
    ("dissallow", "disallow"),
    ("dissalow", "disallow"),
    ("disalow", "disallow"),
    ("diasllow", "disallow"),
    ("disallaw", "disallow"),
)
"""What a line is, by how its name starts (lower case), in the order Google's parser asks
(robots.cc, ParsedRobotsKey: `Disallowed:` is a Disallow, and so are its listed misspellings),
plus the widely used, non-standard Crawl-delay."""

INDEX_PAGE = "/index.htm"
"""Google: an Allow whose last segment starts `index.htm` also allows its directory (`/dir/$`)."""

NGRAM = 3
"""Length of the substrings rules are indexed by: 3 characters keep the buckets of real files small
(a 500 KiB file of 18,000 rules: some dozen candidates per URL)."""

_EXACT_FIELDS = dict(FIELD_PREFIXES)
_LINE_BREAK = re.compile(rb"\r\n|\r|\n")
_TO_ESCAPE = re.compile(rb"%([0-9a-fA-F]{2})|[\x80-\xff]")
_PRODUCT_TOKEN = re.compile(r"[A-Za-z_-]+")


@dataclass(frozen=True)
class Line:
    """One `name: value` line of a robots.txt."""

    number: int
    """1-based line number (CR, LF and CRLF each end a line)."""
    name: str | None
    """`user-agent`, `allow`, `disallow`, `sitemap` or `crawl-delay`; None for a line not known."""
    key: str
    """The name as written."""
    value: str


@dataclass(frozen=True)
class Rule:
    """One Allow or Disallow pattern, percent-encoded."""

    allow: bool
    pattern: str

    @property
    def priority(self) -> int:
        """RFC 9309 2.2.2: the most specific match wins, counted in octets of the pattern."""
        return len(self.pattern)


@dataclass
class Group:
    """User-agent lines and the rules after them."""

    agents: list[str] = field(default_factory=list)
    """Product tokens named, lower case; `*` for the catch-all."""
    rules: list[Rule] = field(default_factory=list)
    crawl_delay: str | None = None
    """The first Crawl-delay value in the group, as written."""


def escape_pattern(pattern: str) -> str:
    """A rule's path with octets above US-ASCII percent-encoded and existing escapes upper-cased."""
    raw = pattern.encode("utf-8", "surrogateescape")
    if _TO_ESCAPE.search(raw) is None:
        return pattern

    def one(match: re.Match[bytes]) -> bytes:
        hex_digits = match.group(1)
        return b"%" + (hex_digits.upper() if hex_digits else b"%02X" % match.group()[0])

    return _TO_ESCAPE.sub(one, raw).decode("ascii")


def _first_of(text: str, characters: str, start: int) -> int:
    found = [i for i in (text.find(c, start) for c in characters) if i >= 0]
    return min(found) if found else -1


def match_path(url: str) -> str:
    """The part of a URL rules match: path, params and query without the fragment (`/` when none)."""
    start = 2 if url.startswith("//") else 0
    early = _first_of(url, "/?;", start)
    scheme_end = url.find("://", start)
    if scheme_end < 0 or 0 <= early < scheme_end:
        scheme_end = start  # a `://` inside the path or query is no scheme
    else:
        scheme_end += 3
    path_start = _first_of(url, "/?;", scheme_end)
    if path_start < 0:
        return "/"
    fragment = url.find("#", start)
    if 0 <= fragment < path_start:
        return "/"
    path = url[path_start : fragment if fragment >= 0 else len(url)]
    return path if path.startswith("/") else "/" + path


def is_product_token(text: str) -> bool:
    """RFC 9309 2.2.1: a crawler's product token is letters, `_` and `-` only, and not empty."""
    return _PRODUCT_TOKEN.fullmatch(text) is not None


def field_name(key: str) -> str | None:
    """What a line named `key` is (`user-agent`, `allow`, ...), or None when not known."""
    key = key.lower()
    exact = _EXACT_FIELDS.get(key)
    if exact is not None:
        return exact
    return next((name for prefix, name in FIELD_PREFIXES if key.startswith(prefix)), None)


def _key_and_value(text: str) -> tuple[str, str] | None:
    text = text.split("#", 1)[0].strip()
    key, colon, value = text.partition(":")
    if not colon:
        words = text.split()  # Google: a forgotten colon, when the line is exactly two words
        if len(words) != 2:
            return None
        key, value = words
    key = key.strip()
    return (key, value.strip()) if key else None


def read_lines(body: bytes) -> list[Line]:
    """The `name: value` lines of a robots.txt body (BOM skipped, long lines cut, comments dropped)."""
    for bom in PARTIAL_BOMS:
        if body.startswith(bom):
            body = body[len(bom) :]
            break
    lines: list[Line] = []
    for number, raw in enumerate(_LINE_BREAK.split(body), start=1):
        pair = _key_and_value(raw[:MAX_LINE_BYTES].decode("utf-8", "surrogateescape"))
        if pair is not None:
            lines.append(Line(number, field_name(pair[0]), *pair))
    return lines


def _agent_name(value: str) -> str:
    if value.startswith("*") and (len(value) == 1 or value[1].isspace()):
        return "*"
    token = _PRODUCT_TOKEN.match(value)  # Google: the token ends at its first other character
    return token.group().lower() if token else ""


def _rules(allow: bool, value: str) -> list[Rule]:
    pattern = escape_pattern(value)
    if not pattern:
        return []  # an empty pattern matches with priority 0, which never decides
    rules = [Rule(allow, pattern)]
    slash = pattern.rfind("/")
    if allow and slash >= 0 and pattern[slash:].startswith(INDEX_PAGE):
        rules.append(Rule(True, pattern[: slash + 1] + "$"))
    return rules


def read_groups(lines: list[Line]) -> list[Group]:
    """The groups of a file: user-agent lines, then rules until a user-agent line after rules.

    Other lines (Sitemap, Crawl-delay, unknown) neither open nor close a group; rules before the
    first user-agent line belong to no group and are ignored.
    """
    groups: list[Group] = []
    current: Group | None = None
    has_rules = False
    for line in lines:
        if line.name == "user-agent":
            if current is None or has_rules:
                current = Group()
                groups.append(current)
                has_rules = False
            name = _agent_name(line.value)
            if name:
                current.agents.append(name)
        elif current is None:
            continue
        elif line.name in ("allow", "disallow"):
            has_rules = True
            current.rules += _rules(line.name == "allow", line.value)
        elif line.name == "crawl-delay" and current.crawl_delay is None:
            current.crawl_delay = line.value
    return groups


Compiled = tuple[str, tuple[str, ...], str | None, bool]
"""A pattern as (literal prefix, middle segments, last segment or None without `*`, `$`-anchored)."""


def _compile(pattern: str) -> Compiled:
    anchored = pattern.endswith("$")
    if anchored:
        pattern = pattern[:-1]
    parts = pattern.split("*")
    if len(parts) == 1:
        return parts[0], (), None, anchored
    return parts[0], tuple(p for p in parts[1:-1] if p), parts[-1], anchored


def _matches(
    path: str, prefix: str, middle: tuple[str, ...], last: str | None, anchored: bool
) -> bool:
    """Does `path` match `prefix*middle*...*last` (`$`: to the end)? The leftmost place of each
    segment is always a right choice, so one pass of `str.find` decides."""
    if not path.startswith(prefix):
        return False
    if last is None:
        return not anchored or len(path) == len(prefix)
    position = len(prefix)
    for segment in middle:
        found = path.find(segment, position)
        if found < 0:
            return False
        position = found + len(segment)
    if anchored:
        return path.endswith(last) and len(path) - len(last) >= position
    return path.find(last, position) >= 0


def _grams(compiled: Compiled) -> set[str]:
    """The 3-character substrings of a pattern's literal parts."""
    prefix, middle, last, _anchored = compiled
    found: set[str] = set()
    for literal in (prefix, *middle, last or ""):
        found.update(literal[i : i + NGRAM] for i in range(len(literal) - NGRAM + 1))
    return found


class Matcher:
    """One crawler's rules, by priority (Allow first on a tie), indexed by 3-character substrings."""

    def __init__(self, rules: list[Rule]) -> None:
        self.rules = sorted(rules, key=lambda r: (-r.priority, not r.allow))
        self.compiled = [_compile(rule.pattern) for rule in self.rules]
        grams = [_grams(compiled) for compiled in self.compiled]
        counts: Counter[str] = Counter()
        for found in grams:
            counts.update(found)
        self.always: list[int] = []
        """Rules with no literal part of 3 characters: tested for every URL."""
        self.index: dict[str, list[int]] = {}
        for position, found in enumerate(grams):
            if found:  # a rule can only match a path that holds each of its substrings
                rarest = min(found, key=counts.__getitem__)  # any one is right; rare is fast
                self.index.setdefault(rarest, []).append(position)
            else:
                self.always.append(position)

    def candidates(self, path: str) -> list[int]:
        """Positions of the rules that may match `path` (every one that does), by priority."""
        found = set(self.always)
        index = self.index
        for start in range(len(path) - NGRAM + 1):
            bucket = index.get(path[start : start + NGRAM])
            if bucket:
                found.update(bucket)
        return sorted(found)

    def decide(self, path: str) -> bool | None:
        """True (allowed) or False by the most specific matching rule; None when none matches."""
        for position in self.candidates(path):
            if _matches(path, *self.compiled[position]):
                return self.rules[position].allow
        return None


@dataclass
class RobotsTxt:
    """A parsed robots.txt: asked whether a crawler may fetch a URL, and its Crawl-delay."""

    groups: list[Group]
    matchers: dict[str, Matcher] = field(default_factory=dict, repr=False)
    """Each crawler's matcher, built at its first question."""

    @classmethod
    def parse(cls, body: bytes | str) -> RobotsTxt:
        """Read a robots.txt body (bytes as served; str is taken as UTF-8)."""
        if isinstance(body, str):
            body = body.encode("utf-8", "surrogateescape")
        return cls(read_groups(read_lines(body)))

    def groups_for(self, agent: str) -> list[Group]:
        """The groups naming `agent`, else the `*` groups (RFC 9309 2.2.1)."""
        agent = agent.lower()
        named = [g for g in self.groups if agent in g.agents]
        return named or [g for g in self.groups if "*" in g.agents]

    def allowed(self, url: str, agent: str) -> bool:
        """May `agent` (a product token) fetch `url` (percent-encoded, as it is requested)?"""
        key = agent.lower()
        matcher = self.matchers.get(key)
        if matcher is None:
            rules = [rule for group in self.groups_for(key) for rule in group.rules]
            matcher = self.matchers[key] = Matcher(rules)
        decision = matcher.decide(match_path(url))
        return True if decision is None else decision

    def crawl_delay(self, agent: str) -> str | None:
        """The Crawl-delay written for `agent`'s groups, as written, or None."""
        return next(
            (g.crawl_delay for g in self.groups_for(agent) if g.crawl_delay is not None), None
        )
