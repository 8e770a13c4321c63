"""A test-side tripwire: any DNS query or connection to an address outside 127.0.0.0/8 fails the test.

The address guard is tested on its decision with stub resolvers; this makes sure that even a
wrong guard (or a wrong test) cannot send a packet anywhere else.
"""

from __future__ import annotations

import ipaddress
import socket

import pytest


class NetworkForbidden(AssertionError):
    """A test tried to reach the network outside the loopback range."""


def _loopback(host: object) -> bool:
    try:
        return ipaddress.ip_address(str(host).strip("[]")).is_loopback
    except ValueError:
        return str(host) == "localhost"


@pytest.fixture
def loopback_only(monkeypatch):
    """Patch name resolution and connect() so only 127.0.0.0/8 (and 'localhost') is reachable."""
    real_getaddrinfo = socket.getaddrinfo
    real_connect = socket.socket.connect
    real_connect_ex = socket.socket.connect_ex

    def getaddrinfo(host, *args, **kwargs):
        if host is not None and not _loopback(host):
            raise NetworkForbidden(f"DNS query for {host!r} in a test")
        return real_getaddrinfo(host, *args, **kwargs)

    def gethostbyname(host):
        raise NetworkForbidden(f"DNS query for {host!r} in a test")

    def connect(self, address):
        if isinstance(address, tuple) and not _loopback(address[0]):
            raise NetworkForbidden(f"connection to {address!r} in a test")
        return real_connect(self, address)

    def connect_ex(self, address):
        if isinstance(address, tuple) and not _loopback(address[0]):
            raise NetworkForbidden(f"connection to {address!r} in a test")
        return real_connect_ex(self, address)

    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)
    monkeypatch.setattr(socket, "gethostbyname", gethostbyname)
    monkeypatch.setattr(socket, "gethostbyname_ex", gethostbyname)
    monkeypatch.setattr(socket.socket, "connect", connect)
    monkeypatch.setattr(socket.socket, "connect_ex", connect_ex)
    yield
