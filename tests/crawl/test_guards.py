"""The address guard decides on addresses given by a STUB resolver: no test resolves or connects."""

from __future__ import annotations

import pytest

from crawler.crawl.policy.guards import (
    PortalAddressPolicy,
    address_category,
    check_url,
    decide,
    literal_address,
    resolve_host,
    url_host,
)
from tests.netguard import loopback_only  # noqa: F401 - fixture

pytestmark = pytest.mark.usefixtures("loopback_only")

# Invented names: the stub answers for them, nothing else is ever asked.
ZONE = {
    "portal-berita.example": ["203.0.113.10"],  # documentation range, judged as non-global
    "kabar-garut.example": ["93.184.216.34"],
    "metadata.example": ["169.254.169.254"],
    "intranet.example": ["10.1.2.3"],
    "router.example": ["192.168.1.1"],
    "mixed.example": ["93.184.216.34", "10.0.0.7"],
    "v6-private.example": ["fd00::1"],
    "v6-public.example": ["2606:4700::1111"],
    "mapped.example": ["::ffff:127.0.0.1"],
    "lokal.example": ["127.0.0.1"],
}


class StubResolver:
    """A resolver that answers from ZONE and records every name it was asked for."""

    def __init__(self, zone=None):
        self.zone = ZONE if zone is None else zone
        self.asked: list[str] = []

    def __call__(self, host: str) -> list[str]:
        self.asked.append(host)
        if host not in self.zone:
            raise OSError(f"stub: no such name {host}")
        return self.zone[host]


@pytest.mark.parametrize(
    ("address", "category"),
    [
        ("127.0.0.1", "loopback"),
        ("127.8.9.10", "loopback"),
        ("::1", "loopback"),
        ("10.0.0.1", "private"),
        ("172.16.5.4", "private"),
        ("172.31.255.255", "private"),
        ("192.168.0.1", "private"),
        ("fd12:3456::1", "private"),
        ("169.254.169.254", "link-local"),
        ("fe80::1", "link-local"),
        ("224.0.0.1", "multicast"),
        ("ff02::1", "multicast"),
        ("0.0.0.0", "unspecified"),
        ("::", "unspecified"),
        ("240.0.0.1", "private"),  # Python files class E under both reserved and private
        ("100.64.0.1", "non-global"),  # carrier-grade NAT
        ("::ffff:10.0.0.1", "private"),  # IPv4-mapped
        ("::ffff:169.254.169.254", "link-local"),
        ("64:ff9b::a9fe:a9fe", "link-local"),  # NAT64 of 169.254.169.254
        ("2002:0a00:0001::1", "private"),  # 6to4 of 10.0.0.1
        ("93.184.216.34", None),
        ("2606:4700::1111", None),
        ("8.8.8.8", None),
        ("not an address", "unparsable"),
    ],
)
def test_address_categories(address, category):
    assert address_category(address) == category


@pytest.mark.parametrize(
    ("host", "literal"),
    [
        ("127.0.0.1", "127.0.0.1"),
        ("2130706433", "127.0.0.1"),  # decimal
        ("0x7f000001", "127.0.0.1"),  # hexadecimal
        ("0x7f.1", "127.0.0.1"),
        ("127.1", "127.0.0.1"),
        ("017700000001", "127.0.0.1"),  # octal
        ("0251.0376.0251.0376", "169.254.169.254"),
        ("[::1]", "::1"),
        ("cafe.be", None),  # hex letters but a name
        ("portal-berita.example", None),
        ("", None),
    ],
)
def test_numeric_host_forms_are_parsed_locally(host, literal):
    found = literal_address(host)
    assert (str(found) if found else None) == literal


@pytest.mark.parametrize(
    ("url", "host"),
    [
        ("http://Portal-Berita.Example./a", "portal-berita.example"),
        ("http://[::1]:8080/", "::1"),
        ("https://user:pw@10.0.0.1/", "10.0.0.1"),
        ("http:///nohost", None),
        ("http://[not-closed/", None),
    ],
)
def test_url_host(url, host):
    assert url_host(url) == host


def test_literal_hosts_never_reach_the_resolver():
    resolver = StubResolver()
    assert resolve_host("169.254.169.254", resolver) == ("169.254.169.254",)
    assert resolve_host("0x7f000001", resolver) == ("127.0.0.1",)
    assert resolver.asked == []


def test_a_resolver_failure_is_no_address():
    assert resolve_host("unknown.example", StubResolver()) == ()

    def broken(host):
        raise UnicodeError("label too long")

    assert resolve_host("x" * 300 + ".example", broken) == ()


@pytest.mark.parametrize(
    ("url", "allowed", "reason"),
    [
        ("http://kabar-garut.example/2024/05/21/banjir/", True, None),
        ("http://metadata.example/latest/meta-data/", False, "link-local"),
        ("http://169.254.169.254/latest/meta-data/", False, "link-local"),
        ("http://intranet.example/", False, "private"),
        ("http://router.example/admin", False, "private"),
        ("http://mixed.example/", False, "private"),  # one private answer is enough to refuse
        ("http://v6-private.example/", False, "private"),
        ("http://v6-public.example/", True, None),
        ("http://mapped.example/", False, "loopback"),
        ("http://lokal.example/", False, "loopback"),
        ("http://2130706433/", False, "loopback"),
        ("http://[::1]:8000/", False, "loopback"),
        ("http://unknown.example/", False, "unresolvable"),
        ("file:///etc/passwd", False, "scheme"),
        ("ftp://kabar-garut.example/", False, "scheme"),
        ("gopher://127.0.0.1:6379/_FLUSHALL", False, "scheme"),
        ("http:///nohost", False, "no-host"),
    ],
)
def test_verdicts_for_a_public_portal(url, allowed, reason):
    verdict = check_url(url, StubResolver(), start_url="http://kabar-garut.example/")
    assert (verdict.allowed, verdict.reason) == (allowed, reason)


@pytest.mark.parametrize(
    ("start_url", "url", "allowed"),
    [
        # a user who asks to crawl a loopback portal means it ...
        ("http://127.0.0.1:8000/", "http://127.0.0.1:8000/2024/05/21/a/", True),
        ("http://127.0.0.1:8000/", "http://127.0.0.1:9999/other-port/", True),
        ("http://127.0.0.1:8000/", "http://localhost:8000/", True),  # the same address
        ("http://lokal.example/", "http://127.0.0.1/x", True),
        # ... but only that address: a redirect elsewhere inside the private ranges is refused
        ("http://127.0.0.1:8000/", "http://127.0.0.2:8000/", False),
        ("http://127.0.0.1:8000/", "http://169.254.169.254/", False),
        ("http://127.0.0.1:8000/", "http://intranet.example/", False),
        ("http://intranet.example/", "http://10.1.2.3/", True),
        ("http://intranet.example/", "http://10.1.2.4/", False),
        ("http://10.1.2.3/", "http://router.example/", False),
        # a public start URL exempts nothing, even for its own name (DNS rebinding)
        ("http://kabar-garut.example/", "http://127.0.0.1/", False),
        # public hosts stay allowed from a private portal
        ("http://127.0.0.1:8000/", "http://kabar-garut.example/", True),
    ],
)
def test_the_start_urls_own_address_is_exempt_and_nothing_else(start_url, url, allowed):
    resolver = StubResolver({**ZONE, "localhost": ["127.0.0.1"]})
    assert check_url(url, resolver, start_url=start_url).allowed is allowed


def test_policy_rechecks_the_address_a_name_resolves_to_now():
    # the portal's name first resolves to its private address, later (rebinding) to metadata
    zone = {"intranet.example": ["10.1.2.3"]}
    policy = PortalAddressPolicy.for_start_url("http://intranet.example/", StubResolver(zone))
    assert policy.check("http://intranet.example/a", ["10.1.2.3"]).allowed
    verdict = policy.check("http://intranet.example/a", ["169.254.169.254"])
    assert (verdict.allowed, verdict.reason) == (False, "link-local")


def test_decide_never_raises_on_junk():
    assert not decide(None, []).allowed
    assert not decide("x", ["not-an-ip"]).allowed
    assert decide("x", ["93.184.216.34"], exempt=["garbage"]).allowed
    assert not check_url(None, StubResolver()).allowed  # type: ignore[arg-type]
    assert not check_url("http://[", StubResolver()).allowed
