"""Readers of other projects' conformance material in ../shared/conformance, and Warta's answers.

Shared by the tests and bench/conformance.py (no tests here). Each reader turns a suite, read at
test time, into plain cases: Scrapy's sitemap tests (their
inline bodies and expectations, read with `ast`), Google's robots.txt tests (`robots_test.cc`,
read by a small interpreter of the C++ it is written in), feedparser's corpus (each file's header
comment) and warcio's test files. Nothing of theirs is copied into the repository; tests and
bench/conformance.py skip, saying why, when the folder is absent.
"""

from __future__ import annotations

import ast
import io
import random
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urljoin

from warcio.archiveiterator import ArchiveIterator

from crawler.archive import Archive
from crawler.archive.warc import HTML_TYPES, READ_ERRORS, ImportSummary, WarcError, import_warc
from crawler.crawl.policy.robots import rules_from_response
from crawler.crawl.policy.robotstxt import escape_pattern, is_product_token, match_path, read_lines
from crawler.discovery import DiscoveryError
from crawler.discovery._dates import parse_w3c_datetime
from crawler.discovery._urls import absolute_url
from crawler.discovery.feeds import parse_feed
from crawler.discovery.robots import sitemaps_from_robots
from crawler.discovery.sitemaps import parse_sitemap

REPO = Path(__file__).resolve().parent.parent
CONFORMANCE = REPO.parent / "shared" / "conformance"
SITEMAP_TESTS = CONFORMANCE / "sitemaps" / "scrapy_test_utils_sitemap.py"
ROBOTS_TESTS = CONFORMANCE / "robots" / "robots_test.cc"
FEEDS = CONFORMANCE / "feeds"
WARCS = CONFORMANCE / "warc"

FEED_DOCUMENT_ROOT = "http://127.0.0.1:8097/tests/"
"""Where feedparser's own test harness serves the corpus: its expected URLs are resolved so."""


def absent(path: Path) -> str | None:
    """Why a suite cannot be read (its path is missing), or None when it is there."""
    return None if path.exists() else f"{path} is absent (../shared/conformance not laid out)"


# --- Scrapy's sitemap tests ---------------------------------------------------------------------


@dataclass
class SitemapCase:
    """One test function of Scrapy's sitemap tests."""

    name: str
    body: bytes | str | None = None
    """The sitemap given to `Sitemap(...)`, or None for a robots.txt case."""
    expected: list | None = None
    """What `list(Sitemap(body))` must be (dicts of loc / lastmod / alternate ...)."""
    kind: str | None = None
    """The `Sitemap.type` asserted (`urlset`, `sitemapindex`), when one is."""
    robots: bytes | str | None = None
    """The robots.txt given to `sitemap_urls_from_robots`, for that kind of case."""
    base_url: str | None = None


def _call_name(node: ast.AST) -> str | None:
    if isinstance(node, ast.Call):
        func = node.func
        return func.id if isinstance(func, ast.Name) else getattr(func, "attr", None)
    return None


def _sitemap_case(function: ast.FunctionDef) -> SitemapCase:
    case = SitemapCase(function.name)
    names: dict[str, ast.AST] = {}
    for node in ast.walk(function):
        if isinstance(node, ast.Assign) and isinstance(node.targets[0], ast.Name):
            names[node.targets[0].id] = node.value

    def value(node: ast.AST) -> object:
        while isinstance(node, ast.Name) and node.id in names:
            node = names[node.id]
        if _call_name(node) == "list":
            return value(node.args[0])  # type: ignore[attr-defined]
        if isinstance(node, ast.Call):
            return node
        return ast.literal_eval(node)

    for node in ast.walk(function):
        name = _call_name(node)
        if name == "Sitemap" and case.body is None:
            case.body = value(node.args[0])  # type: ignore[attr-defined,assignment]
        elif name == "sitemap_urls_from_robots":
            case.robots = value(node.args[0])  # type: ignore[attr-defined,assignment]
            for keyword in node.keywords:  # type: ignore[attr-defined]
                if keyword.arg == "base_url":
                    case.base_url = ast.literal_eval(keyword.value)
        elif isinstance(node, ast.Compare) and isinstance(node.ops[0], ast.Eq):
            left = node.left
            if isinstance(left, ast.Attribute) and left.attr == "type":
                case.kind = ast.literal_eval(node.comparators[0])
            elif isinstance(value(left), ast.Call):
                case.expected = ast.literal_eval(node.comparators[-1])
    return case


def sitemap_cases() -> list[SitemapCase]:
    """Every test function of Scrapy's sitemap tests that gives a body and an expectation."""
    tree = ast.parse(SITEMAP_TESTS.read_text(encoding="utf-8"))
    cases = [_sitemap_case(f) for f in tree.body if isinstance(f, ast.FunctionDef)]
    return [c for c in cases if c.expected is not None]


# --- Google's robots.txt tests ------------------------------------------------------------------


@dataclass
class RobotsCase:
    """One expectation of robots_test.cc."""

    test: str
    """The TEST's name: `ID_...` cases are RFC 9309's, `GoogleOnly_...` Google's own behaviour."""
    line: int
    kind: str
    """`allowed` (IsUserAgentAllowed), `valid-agent`, `valid-lines`, `unknown-lines`,
    `last-line`, `sitemap` (parse statistics), `path` (GetPathParamsQuery), `escape`."""
    args: tuple[bytes, ...]
    expected: object

    @property
    def google_only(self) -> bool:
        """Google-specific behaviour beyond the RFC (the suite's own marking)."""
        return self.test.startswith("GoogleOnly_") or self.kind in ("path", "escape")


_CC_TOKEN = re.compile(
    r'(?P<space>\s+)|(?P<comment>//[^\n]*|/\*.*?\*/)|(?P<string>"(?:[^"\\\n]|\\.)*")'
    r"|(?P<number>\d+)|(?P<name>(?:::)?[A-Za-z_]\w*(?:::[A-Za-z_]\w*)*)"
    r"|(?P<op>==|!=|<=|>=|&&|\|\||->|[-+*/<>=!&|(){}\[\];,.#])",
    re.S,
)
_CC_ESCAPE = re.compile(rb"\\(x[0-9A-Fa-f]+|[0-7]{1,3}|.)", re.S)
_CC_SIMPLE = {b"n": b"\n", b"r": b"\r", b"t": b"\t", b"\\": b"\\", b'"': b'"', b"'": b"'"}
_CC_TYPES = frozenset(
    {"absl::string_view", "std::string", "size_t", "int", "char", "bool", "RobotsStatsReporter"}
)
_CC_STATS = {
    "valid_directives": "valid-lines",
    "unknown_directives": "unknown-lines",
    "last_line_seen": "last-line",
    "sitemap": "sitemap",
}
_CC_CHECKS = {
    "IsUserAgentAllowed": "allowed",
    "IsValidUserAgentToObey": "valid-agent",
    "TestPath": "path",
    "TestEscape": "escape",
}


def _cc_string(literal: str) -> bytes:
    """A C string literal's bytes (UTF-8 source, `\\xNN` and octal escapes)."""

    def one(match: re.Match[bytes]) -> bytes:
        escape = match.group(1)
        if escape[:1] == b"x":
            return bytes([int(escape[1:], 16) & 0xFF])
        if escape[:1].isdigit():
            return bytes([int(escape, 8) & 0xFF])
        return _CC_SIMPLE.get(escape, escape)

    return _CC_ESCAPE.sub(one, literal[1:-1].encode("utf-8"))


@dataclass
class _Report:
    """A RobotsStatsReporter: the robots.txt it last parsed."""

    body: bytes = b""


@dataclass
class _Pending:
    """A call to the code under test, waiting for its EXPECT_*."""

    kind: str
    args: tuple


@dataclass
class _Interpreter:
    """Runs one TEST body: the string building, loops and EXPECT_* calls the suite uses."""

    tokens: list[tuple[str, str, int]]
    test: str
    position: int = 0
    scopes: list[dict] = field(default_factory=lambda: [{}])
    cases: list[RobotsCase] = field(default_factory=list)

    def peek(self) -> str | None:
        """The next token's text."""
        return self.tokens[self.position][1] if self.position < len(self.tokens) else None

    def take(self, wanted: str | None = None) -> tuple[str, str, int]:
        """Consume a token (that must be `wanted` when given)."""
        token = self.tokens[self.position]
        self.position += 1
        if wanted is not None and token[1] != wanted:
            raise SyntaxError(
                f"{self.test}: expected {wanted!r}, got {token[1]!r} (line {token[2]})"
            )
        return token

    def scope_of(self, name: str) -> dict:
        """The innermost scope holding a variable."""
        for scope in reversed(self.scopes):
            if name in scope:
                return scope
        raise NameError(f"{self.test}: unknown variable {name}")

    def block(self) -> None:
        """`{ statements }` in a scope of its own."""
        self.take("{")
        self.scopes.append({})
        while self.peek() != "}":
            self.statement()
        self.take("}")
        self.scopes.pop()

    def skip_block(self) -> None:
        """Pass over a `{ ... }` without running it."""
        depth = 0
        while True:
            text = self.take()[1]
            depth += {"{": 1, "}": -1}.get(text, 0)
            if depth == 0:
                return

    def statement(self) -> None:
        """One statement: block, while loop, declaration or expression."""
        if self.peek() == "{":
            return self.block()
        if self.peek() == "while":
            self.take()
            self.take("(")
            start = self.position
            for _ in range(1_000_000):  # the suite's loops build 16 KiB lines
                self.position = start
                condition = self.expression()
                self.take(")")
                if not condition:
                    return self.skip_block()
                self.block()
            raise RuntimeError(f"{self.test}: a loop that does not end")
        while self.peek() in ("const", "static"):
            self.take()
        if self.peek() in _CC_TYPES:
            kind = self.take()[1]
            name = self.take()[1]
            if self.peek() == "[":
                self.take("[")
                self.take("]")
            value: object = {"RobotsStatsReporter": _Report()}.get(kind, 0)
            if kind in ("std::string", "absl::string_view"):
                value = b""
            if self.peek() == "=":
                self.take()
                value = self.expression()
            self.scopes[-1][name] = value
        else:
            self.expression()
        self.take(";")
        return None

    def expression(self) -> object:
        """Comparison over sums over products over unary terms."""
        left = self.sum()
        while self.peek() in ("<", ">", "<=", ">=", "==", "!="):
            operator, right = self.take()[1], self.sum()
            left = {
                "<": left < right,  # type: ignore[operator]
                ">": left > right,  # type: ignore[operator]
                "<=": left <= right,  # type: ignore[operator]
                ">=": left >= right,  # type: ignore[operator]
                "==": left == right,
                "!=": left != right,
            }[operator]
        return left

    def sum(self) -> object:
        """`a + b - c`."""
        left = self.product()
        while self.peek() in ("+", "-"):
            operator, right = self.take()[1], self.product()
            left = left + right if operator == "+" else left - right  # type: ignore[operator]
        return left

    def product(self) -> object:
        """`a * b`."""
        left = self.unary()
        while self.peek() == "*":
            self.take()
            left = left * self.unary()  # type: ignore[operator]
        return left

    def unary(self) -> object:
        """`&name` (an out-parameter) or a primary with `.method()` calls after it."""
        if self.peek() == "&":
            self.take()
            return ("reference", self.take()[1])
        value = self.primary()
        while self.peek() == ".":
            self.take()
            method = self.take()[1]
            self.arguments()
            if method in ("length", "size"):
                value = len(value)  # type: ignore[arg-type]
            elif isinstance(value, _Report) and method in _CC_STATS:
                value = _Pending(_CC_STATS[method], (value.body,))
            else:
                raise SyntaxError(f"{self.test}: unknown method {method}")
        return value

    def arguments(self) -> list:
        """`(a, b, ...)`."""
        self.take("(")
        values = []
        while self.peek() != ")":
            values.append(self.expression())
            if self.peek() == ",":
                self.take()
        self.take(")")
        return values

    def primary(self) -> object:
        """A literal (adjacent strings joined), a variable, a parenthesis or a call."""
        kind, text, line = self.take()
        if kind == "string":
            value = _cc_string(text)
            while self.position < len(self.tokens) and self.tokens[self.position][0] == "string":
                value += _cc_string(self.take()[1])
            return value
        if kind == "number":
            return int(text)
        if text == "(":
            value = self.expression()
            self.take(")")
            return value
        if kind == "name" and self.peek() == "(":
            return self.call(text.lstrip(":"), self.arguments(), line)
        if kind == "name":
            return self.scope_of(text)[text]
        raise SyntaxError(f"{self.test}: unexpected {text!r} (line {line})")

    def call(self, name: str, args: list, line: int) -> object:
        """The functions the suite calls: string helpers, the code under test, EXPECT_*."""
        short = name.rsplit("::", 1)[-1]
        if short == "StrAppend":
            variable = args[0][1]
            scope = self.scope_of(variable)
            scope[variable] = scope[variable] + b"".join(args[1:])
            return None
        if short == "StrCat":
            return b"".join(args)
        if name in ("std::string", "absl::string_view"):
            return args[0] if args else b""
        if short == "ParseRobotsTxt":
            self.scope_of(args[1][1])[args[1][1]] = _Report(args[0])
            return None
        if short in ("IsUserAgentAllowed", "IsValidUserAgentToObey"):
            return _Pending(_CC_CHECKS[short], tuple(args))
        if short in ("EXPECT_TRUE", "EXPECT_FALSE"):
            pending = args[0]
            self.cases.append(
                RobotsCase(self.test, line, pending.kind, pending.args, short == "EXPECT_TRUE")
            )
            return None
        if short == "EXPECT_EQ":
            expected, pending = args
            self.cases.append(RobotsCase(self.test, line, pending.kind, pending.args, expected))
            return None
        if short in ("TestPath", "TestEscape"):
            self.cases.append(RobotsCase(self.test, line, _CC_CHECKS[short], (args[0],), args[1]))
            return None
        raise NameError(f"{self.test}: unknown function {name}")


def robots_cases() -> list[RobotsCase]:
    """Every expectation of robots_test.cc, its strings built as the C++ builds them."""
    source = ROBOTS_TESTS.read_text(encoding="utf-8")
    tokens = [
        (match.lastgroup or "", match.group(), source.count("\n", 0, match.start()) + 1)
        for match in _CC_TOKEN.finditer(source)
        if match.lastgroup not in ("space", "comment")
    ]
    cases: list[RobotsCase] = []
    position = 0
    while position < len(tokens):
        if tokens[position][1] == "TEST" and tokens[position + 1][1] == "(":
            run = _Interpreter(tokens, tokens[position + 4][1], position + 6)
            run.block()
            cases += run.cases
            position = run.position
        else:
            position += 1
    return cases


# --- feedparser's corpus ------------------------------------------------------------------------


@dataclass
class FeedFile:
    """One file of feedparser's corpus and what its header comment says."""

    path: Path
    name: str
    """The path below feeds/ (`wellformed/rss/item_link.xml`)."""
    body: bytes
    headers: dict[str, str]
    """HTTP headers the file is served with (`Header:` lines)."""
    expect: str
    """The `Expect:` expression over feedparser's result."""

    @property
    def url(self) -> str:
        """The document URL feedparser's harness serves the file at."""
        return FEED_DOCUMENT_ROOT + self.name

    def claimed_links(self) -> list[str]:
        """Entry links the `Expect:` expression states (link, alternate href, URL-shaped id)."""
        return expected_entry_links(self.expect)


_FEED_COMMENT = re.compile(rb"<!--(.*?)-->", re.S)


def feed_files() -> Iterator[FeedFile]:
    """Every XML file of the corpus, in path order."""
    for path in sorted(FEEDS.rglob("*.xml")):
        body = path.read_bytes()
        headers: dict[str, str] = {}
        expect = ""
        comment = _FEED_COMMENT.search(body)
        for line in (comment.group(1) if comment else b"").decode("utf-8", "replace").splitlines():
            key, _, value = line.strip().partition(":")
            if key == "Header":
                name, _, header = value.strip().partition(":")
                headers[name.strip()] = header.strip()
            elif key == "Expect":
                expect = value.strip()
        yield FeedFile(path, path.relative_to(FEEDS).as_posix(), body, headers, expect)


_URL_SHAPED = re.compile(r"(?i)^https?://")


def expected_entry_links(expect: str) -> list[str]:
    """Entry links an `Expect:` expression claims, in order.

    Counted: `entries[i]['link']` (feedparser's entry link, an alternate link or a permalink
    guid), `entries[i]['links'][0]['href']` unless the expression gives that link another rel
    than `alternate`, and `entries[i]['id' | 'guid']` when its value is an http(s) URL (a
    permalink). Not counted: ids that are no URL (`abc`, `tag:...`), which are no link.
    """
    try:
        tree = ast.parse(expect, mode="eval")
    except SyntaxError:
        return []
    other_rel: set[str] = set()
    claims: list[tuple[str, str]] = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Compare) or not all(isinstance(o, ast.Eq) for o in node.ops):
            continue
        value = node.comparators[-1]
        if not isinstance(value, ast.Constant) or not isinstance(value.value, str):
            continue
        for side in (node.left, *node.comparators[:-1]):
            path = ast.unparse(side).replace('"', "'")
            if path.endswith("['rel']") and value.value != "alternate":
                other_rel.add(path[: -len("['rel']")])
            claims.append((path, value.value))
    found = []
    for path, value in claims:
        entry = re.fullmatch(r"entries\[\d+\](?:\['(\w+)'\]|\.(\w+))(.*)", path)
        if entry is None:
            continue
        field_name, rest = entry.group(1) or entry.group(2), entry.group(3)
        if field_name == "link" and not rest:
            found.append(value)
        elif field_name == "links" and re.fullmatch(r"\[0\]\['href'\]", rest):
            if path[: -len("['href']")] not in other_rel:
                found.append(value)
        elif field_name in ("id", "guid") and not rest and _URL_SHAPED.match(value):
            found.append(value)
    return list(dict.fromkeys(found))


# --- warcio's test files ------------------------------------------------------------------------


def warc_files() -> list[Path]:
    """warcio's WARC and ARC test files (licences left out)."""
    return sorted(p for p in WARCS.iterdir() if p.is_file() and not p.name.startswith("LICENSE"))


FEED_DIFFERENCES = {
    "wellformed/atom/entry_link_no_href_link_priority.xml": (
        "feedparser 6 returns the enclosure as the second entry's link, against its own Expect "
        "(the alternate link), which Warta follows"
    ),
    "wellformed/atom10/entry_link_no_href_link_priority.xml": "as atom/ (enclosure vs alternate)",
    "wellformed/atom/entry_link_rel_enclosure_no_href.xml": "as above (enclosure vs alternate)",
    "wellformed/atom10/entry_link_rel_enclosure_no_href.xml": "as above (enclosure vs alternate)",
    "wellformed/atom10/entry_id_with_attributes.xml": (
        "the id `right` is no URL: feedparser resolves it as a relative link, Warta crawls no such page"
    ),
    "wellformed/lang/http_content_language_entry_title_inherit_2.xml": "the id `1` is no URL",
    "wellformed/node_precedence/atom10_id.xml": "the ids `Correct Value` / `Incorrect Value` are no URLs",
}
"""Files where Warta finds fewer entry links than the installed feedparser, and why that is right."""


# --- Warta's answers, and the reference parsers' (shared by the tests and the bench) ------------

SCRAPY_KINDS = {"urlset": "urlset", "sitemapindex": "index"}
"""Scrapy's `Sitemap.type` and Warta's `SitemapPage.kind` for the same root."""


def declares_entities(body: bytes | str | None) -> bool:
    """A sitemap body that declares entities (the XXE case): Warta refuses those whole."""
    data = body.encode() if isinstance(body, str) else body or b""
    return b"<!ENTITY" in data


def sitemap_verdict(case: SitemapCase) -> tuple[bool, str]:
    """Does Warta read a Scrapy case as Scrapy expects? (passed, what differs or how it passed).

    Compared: each entry's URL and lastmod, and the kind. Not compared (Warta does not model
    them): priority, changefreq, hreflang alternates. A body declaring entities passes when
    Warta refuses it (`entity`): stricter than Scrapy, which reads it with the entity left out.
    """
    if case.robots is not None:
        found = sitemaps_from_robots(case.robots, case.base_url)
        return found == case.expected, f"{found}"
    try:
        page = parse_sitemap("http://www.example.com/sitemap.xml", case.body)
    except DiscoveryError as exc:
        if declares_entities(case.body):
            return exc.reason == "entity", "refused (entity declarations): stricter than Scrapy"
        return case.expected == [], f"refused ({exc.reason})"
    if declares_entities(case.body):
        return False, "a document declaring entities was read"
    found = [(entry.url, entry.lastmod) for entry in page.entries]
    wanted = [
        (absolute_url(entry["loc"].strip()), parse_w3c_datetime(entry.get("lastmod") or None))
        for entry in case.expected or []
    ]
    kind_ok = case.kind is None or page.kind == SCRAPY_KINDS[case.kind]
    return found == wanted and kind_ok, f"{page.kind}: {found}"


def warta_robots_answer(case: RobotsCase) -> object:
    """What Warta says for one robots_test.cc case, in the form the suite expects.

    `allowed` asks the robots middleware's own decision, `rules_from_response(200, body)
    .allows(url, agent)`; the parse statistics ask `read_lines`, the `Sitemap:` case the spider's
    `sitemaps_from_robots`, the helper checks `match_path` and `escape_pattern`.
    """

    def text(raw: bytes) -> str:
        return raw.decode("utf-8", "surrogateescape")

    if case.kind == "allowed":
        body, agent, url = case.args
        return rules_from_response(200, body, now=0.0).allows(text(url), text(agent))
    if case.kind == "valid-agent":
        return is_product_token(text(case.args[0]))
    if case.kind == "sitemap":
        return "".join(sitemaps_from_robots(case.args[0])).encode()
    if case.kind == "path":
        return match_path(text(case.args[0])).encode()
    if case.kind == "escape":
        return escape_pattern(text(case.args[0])).encode()
    lines = read_lines(case.args[0])
    if case.kind == "valid-lines":
        return sum(line.name is not None for line in lines)
    if case.kind == "unknown-lines":
        return sum(line.name is None for line in lines)
    if case.kind == "last-line":
        return max(line.number for line in lines)
    raise ValueError(f"unknown case kind {case.kind}")


def hostile_robots(rules: int = 18_000, seed: int = 7) -> bytes:
    """A robots.txt of about 500 KiB: thousands of wildcard rules over a news portal's words."""
    rng = random.Random(seed)
    words = ["berita", "daerah", "foto", "video", "tag", "cari", "print", "amp", "kanal", "indeks"]
    lines = ["User-agent: *"]
    for i in range(rules):
        a, b = rng.sample(words, 2)
        pattern = rng.choice(
            [
                f"/{a}/*{b}{i}",
                f"/*?{a}{i}=*",
                f"/{a}{i}/*/{b}*.php$",
                f"/*/{b}-{i}*",
                f"/{a}/{b}/{i}/",
            ]
        )
        lines.append(f"{rng.choice(['Allow', 'Disallow', 'Disallow'])}: {pattern}")
    return ("\n".join(lines) + "\n").encode()


def warta_feed_links(feed: FeedFile) -> set[str] | Exception:
    """Entry URLs Warta finds in one corpus file, or the exception it raised."""
    try:
        return {entry.url for entry in parse_feed(feed.url, feed.body, feed.headers)}
    except Exception as exc:  # the caller tells a DiscoveryError from a crash
        return exc


def feedparser_links(feedparser, feed: FeedFile) -> set[str]:
    """Entry links feedparser finds (http(s) only: Warta crawls nothing else), served as its own
    test harness serves the file (document URL, headers)."""
    headers = {name.lower(): value for name, value in feed.headers.items()}
    headers["content-location"] = urljoin(feed.url, headers.get("content-location", ""))
    parsed = feedparser.parse(io.BytesIO(feed.body), response_headers=headers)
    links = {absolute_url(entry.get("link")) for entry in parsed.entries}
    return {link for link in links if link}


def warcio_reading(path: Path) -> tuple[Counter, bool]:
    """What warcio reads in a file (ARC converted): counts of record kinds, `capture` for each
    HTML 2xx http(s) response or resource, and whether it breaks before the end."""
    counts: Counter = Counter()
    try:
        with open(path, "rb") as stream:
            for record in ArchiveIterator(stream, arc2warc=True):
                counts[record.rec_type] += 1
                url = record.rec_headers.get_header("WARC-Target-URI") or ""
                if record.rec_type == "resource":
                    status, kind = "200", record.rec_headers.get_header("Content-Type")
                elif record.rec_type == "response" and record.http_headers is not None:
                    status = record.http_headers.get_statuscode() or ""
                    kind = record.http_headers.get_header("Content-Type")
                else:
                    continue
                html = (kind or "").split(";")[0].strip().lower() in HTML_TYPES
                if url.startswith(("http://", "https://")) and status.startswith("2") and html:
                    counts["capture"] += 1
    except READ_ERRORS:
        return counts, True
    return counts, False


def warta_import(path: Path, archive_path: Path) -> tuple[ImportSummary, WarcError | None]:
    """Warta's import of one file into a fresh archive: (ImportSummary, WarcError or None)."""
    with Archive(archive_path) as archive:
        try:
            return import_warc(archive, [path]), None
        except WarcError as exc:
            return exc.summary or ImportSummary(), exc
