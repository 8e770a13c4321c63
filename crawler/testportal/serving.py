"""Serve test portals on loopback: in a subprocess (tests, demo) or in a thread, with their truth."""

from __future__ import annotations

import json
import os
import selectors
import signal
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from crawler.testportal.httpd import PortalHTTPServer
from crawler.testportal.portal import Portal, build_portals
from crawler.testportal.spec import PortalSpec

STARTUP_TIMEOUT_S = 60  # building a 10,000-article portal takes a few seconds on a slow machine
STOP_TIMEOUT_S = 10


class PortalServeError(RuntimeError):
    """The portal server did not start (or printed something other than its URLs)."""


def build_portal(spec: PortalSpec) -> Portal:
    """A portal's content and truth without a server (a second portal needs `build_portals`)."""
    return build_portals([spec])[0]


@dataclass
class ServedPortal:
    """A running portal: its URL, the Portal (for truth) and helpers that talk to the server."""

    name: str
    url: str
    portal: Portal

    @property
    def spec(self) -> PortalSpec:
        """The portal's resolved spec."""
        return self.portal.spec

    def truth(self, epoch: int = 1) -> list[dict[str, object]]:
        """What Warta must archive from this portal in `epoch` (see `Portal.truth`)."""
        return self.portal.truth(epoch)

    def expected_drops(self, epoch: int = 1) -> list[dict[str, str]]:
        """URLs that are bad or not articles on purpose (see `Portal.expected_drops`)."""
        return self.portal.expected_drops(epoch)

    def changes(self, epoch: int = 2) -> dict[str, list[str]]:
        """URLs added / edited / removed / redirected in `epoch`."""
        return self.portal.changes(epoch)

    def control(self, name: str, **params: object) -> dict:
        """GET `/__control__/<name>?params` on the server and return its JSON."""
        query = "&".join(f"{k}={v}" for k, v in params.items())
        target = f"{self.url}/__control__/{name}" + (f"?{query}" if query else "")
        opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
        with opener.open(target, timeout=30) as response:
            return json.loads(response.read())

    def set_epoch(self, epoch: int) -> None:
        """Switch the served state (1: first crawl, 2: after the changes)."""
        self.control("epoch", set=epoch)
        self.portal.epoch = epoch

    def gate(self, **command: int) -> dict:
        """Command the article gate (`close_after=n`, `barrier=k`, `open=1`) and return its state
        (`served`, `waiting`, `closed`); with no command, just the state."""
        return self.control("gate", **command)

    def wait_for_gate(self, *, waiting: int = 1, timeout: float = 120.0) -> dict:
        """Block until at least `waiting` article requests are held at the gate (the event a test
        interrupts a crawl at); fails after `timeout` seconds."""
        deadline = time.monotonic() + timeout
        while True:
            state = self.gate()
            if state["waiting"] >= waiting:
                return state
            if time.monotonic() > deadline:
                raise TimeoutError(f"no {waiting} article requests held at the gate: {state}")
            time.sleep(0.05)

    def requests(self, reset: bool = False) -> dict:
        """Request counts per route kind and the request log (`reset` clears them after)."""
        return self.control("requests", reset=1) if reset else self.control("requests")


def _handles(
    portals: Sequence[Portal], specs: Sequence[PortalSpec], urls: Sequence[str]
) -> list[ServedPortal]:
    handles = []
    for portal, spec, url in zip(portals, specs, urls, strict=True):
        portal.base_url = url
        handles.append(ServedPortal(spec.name, url, portal))
    return handles


@contextmanager
def serve_portals(specs: Sequence[PortalSpec]) -> Iterator[list[ServedPortal]]:
    """Serve portals from a subprocess (`python -m crawler.testportal`), one port each.

    Yields handles in spec order and stops the server on exit. Raises PortalServeError when the
    server does not come up.
    """
    specs = list(specs)
    repo = Path(__file__).resolve().parent.parent.parent
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(repo), env.get("PYTHONPATH")]))
    command = [
        sys.executable,
        "-m",
        "crawler.testportal",
        "--specs",
        json.dumps([spec.to_json() for spec in specs]),
    ]
    process = subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env, cwd=repo
    )
    try:
        portals = build_portals(specs)  # built here too (for truth) while the server starts
        line = _read_line(process)
        try:
            urls = [entry["url"] for entry in json.loads(line)["portals"]]
        except (ValueError, KeyError, TypeError) as exc:
            stderr = process.stderr.read() if process.poll() is not None and process.stderr else ""
            raise PortalServeError(f"portal server said {line!r} {stderr[-2000:]}") from exc
        yield _handles(portals, specs, urls)
    finally:
        _stop(process)


def _read_line(process: subprocess.Popen) -> str:
    if process.stdout is None:
        raise PortalServeError("portal server has no stdout")
    selector = selectors.DefaultSelector()
    selector.register(process.stdout, selectors.EVENT_READ)
    if not selector.select(STARTUP_TIMEOUT_S):
        raise PortalServeError(f"portal server printed nothing in {STARTUP_TIMEOUT_S} s")
    return process.stdout.readline()


def _stop(process: subprocess.Popen) -> None:
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=STOP_TIMEOUT_S)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
    for stream in (process.stdout, process.stderr):
        if stream is not None:
            stream.close()


@contextmanager
def serve_portals_in_thread(specs: Sequence[PortalSpec]) -> Iterator[list[ServedPortal]]:
    """Serve portals from threads of this process (quick unit tests; no subprocess)."""
    specs = list(specs)
    portals = build_portals(specs)
    servers = [PortalHTTPServer(p, p.spec.delay_ms) for p in portals]
    try:
        for server in servers:
            server.start()
        yield _handles(portals, specs, [s.url for s in servers])
    finally:
        for server in servers:
            server.stop()
