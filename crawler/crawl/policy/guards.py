"""Address guard: may a crawl connect to a URL's host, judged on the address it resolves to.

A request whose host is (or resolves to) a loopback, private, link-local, multicast, reserved,
unspecified or otherwise non-global address is refused before any connection is made, unless the
portal's own start URL is on that very address (a user who asks to crawl http://127.0.0.1:8000/
means it). Name resolution is injected: callers pass a resolver, tests pass a stub, so deciding
never needs the network. Pure: nothing here knows Scrapy.
"""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from urllib.parse import urlsplit

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
Resolver = Callable[[str], Iterable[str]]
"""host name -> IP address strings; raises OSError (or returns nothing) when the name does not
resolve. The crawl's resolver is Scrapy's, so the address checked is the address connected to."""

ALLOWED_SCHEMES = frozenset({"http", "https"})
"""Schemes a crawl may fetch: a portal that links `file:///etc/passwd` or `ftp://` gets nothing."""

NAT64_PREFIX = ipaddress.ip_network("64:ff9b::/96")
"""RFC 6052 well-known NAT64 prefix: its last 32 bits are an IPv4 address that must be judged."""

_NUMERIC_HOST_CHARS = frozenset("0123456789abcdefxABCDEFX.")
"""Characters of the numeric IPv4 shorthands inet_aton(3) accepts (`2130706433`, `0x7f.1`, `127.1`)."""


@dataclass(frozen=True)
class AddressVerdict:
    """The guard's decision on one URL."""

    allowed: bool
    reason: str | None = None
    """Why it is refused: `scheme`, `no-host`, `unresolvable`, or the address's category
    (`loopback`, `private`, `link-local`, `multicast`, `reserved`, `unspecified`, `non-global`)."""
    host: str | None = None
    addresses: tuple[str, ...] = field(default_factory=tuple)


def url_host(url: str) -> str | None:
    """The host of an http(s) URL, lower-cased, without brackets or a trailing dot; None if absent."""
    if not isinstance(url, str):
        return None
    try:
        host = urlsplit(url.strip()).hostname
    except ValueError:
        return None
    host = (host or "").rstrip(".")
    return host or None


def url_scheme(url: str) -> str:
    """The lower-cased scheme of a URL ('' when it has none or cannot be split)."""
    if not isinstance(url, str):
        return ""
    try:
        return urlsplit(url.strip()).scheme.lower()
    except ValueError:
        return ""


def literal_address(host: str | None) -> IPAddress | None:
    """The IP address a host names literally (IPv4, IPv6, numeric IPv4 shorthands), else None.

    Parsing is local (inet_aton(3) on numeric text only): it never sends a DNS query."""
    if not host:
        return None
    try:
        return ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        pass
    if set(host) <= _NUMERIC_HOST_CHARS and any(c.isdigit() for c in host):
        try:
            return ipaddress.IPv4Address(socket.inet_aton(host))
        except (OSError, ValueError):
            return None
    return None


def _embedded_ipv4(address: IPAddress) -> ipaddress.IPv4Address | None:
    if not isinstance(address, ipaddress.IPv6Address):
        return None
    if address.ipv4_mapped is not None:
        return address.ipv4_mapped
    if address.sixtofour is not None:
        return address.sixtofour
    if address.teredo is not None:
        return address.teredo[1]  # the client's address
    if address in NAT64_PREFIX:
        return ipaddress.IPv4Address(int(address) & 0xFFFFFFFF)
    return None


def address_category(address: IPAddress | str) -> str | None:
    """Why an address is off-limits (`loopback`, `private`, `link-local`, ...), or None when global."""
    if isinstance(address, str):
        try:
            address = ipaddress.ip_address(address.strip("[]").split("%", 1)[0])
        except ValueError:
            return "unparsable"
    embedded = _embedded_ipv4(address)
    if embedded is not None:
        inner = address_category(embedded)
        if inner:
            return inner
    if address.is_unspecified:
        return "unspecified"
    if address.is_loopback:
        return "loopback"
    if address.is_link_local:
        return "link-local"  # 169.254.169.254, the cloud metadata service, lives here
    if address.is_multicast:
        return "multicast"
    if address.is_private:
        return "private"
    if address.is_reserved:
        return "reserved"
    if not address.is_global:
        return "non-global"  # shared address space 100.64.0.0/10 (carrier NAT), benchmarking, ...
    return None


def resolve_host(host: str, resolver: Resolver) -> tuple[str, ...]:
    """The addresses a host stands for: itself when literal, else the resolver's answer (may be empty)."""
    literal = literal_address(host)
    if literal is not None:
        return (str(literal),)
    try:
        found = tuple(str(a) for a in resolver(host) or ())
    except (OSError, UnicodeError, ValueError):
        return ()
    return found


def decide(
    host: str | None,
    addresses: Iterable[str],
    *,
    exempt: Iterable[str] = (),
    scheme: str = "http",
) -> AddressVerdict:
    """Allow a request to `host` at `addresses` only when every address is global or exempt."""
    addresses = tuple(addresses)
    if scheme not in ALLOWED_SCHEMES:
        return AddressVerdict(False, "scheme", host, addresses)
    if not host:
        return AddressVerdict(False, "no-host", host, addresses)
    if not addresses:
        return AddressVerdict(False, "unresolvable", host, addresses)
    exempt_set = {_normal(a) for a in exempt}
    for address in addresses:
        category = address_category(address)
        if category and _normal(address) not in exempt_set:
            return AddressVerdict(False, category, host, addresses)
    return AddressVerdict(True, None, host, addresses)


def _normal(address: str) -> str:
    try:
        return str(ipaddress.ip_address(address.strip("[]").split("%", 1)[0]))
    except ValueError:
        return address


class PortalAddressPolicy:
    """The guard for one portal: its start URL's own off-limits addresses are exempt, nothing else."""

    def __init__(self, start_url: str | None = None, start_addresses: Iterable[str] = ()):
        self.start_url = start_url
        self.exempt: frozenset[str] = frozenset(
            _normal(a) for a in start_addresses if address_category(a)
        )

    @classmethod
    def for_start_url(cls, start_url: str | None, resolver: Resolver) -> PortalAddressPolicy:
        """The policy of a portal, its start URL's host resolved with `resolver`."""
        host = url_host(start_url) if start_url else None
        return cls(start_url, resolve_host(host, resolver) if host else ())

    def check(self, url: str, addresses: Iterable[str]) -> AddressVerdict:
        """The verdict on a URL whose host resolved to `addresses`."""
        return decide(url_host(url), addresses, exempt=self.exempt, scheme=url_scheme(url))


def check_url(url: str, resolver: Resolver, *, start_url: str | None = None) -> AddressVerdict:
    """One-off verdict on a URL for a portal whose start URL is `start_url` (both resolved)."""
    policy = PortalAddressPolicy.for_start_url(start_url, resolver)
    host = url_host(url)
    return policy.check(url, resolve_host(host, resolver) if host else ())
