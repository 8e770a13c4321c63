"""`python -m tests.faultportal`: serve the fault portals on 127.0.0.1 and print their URLs as JSON."""

from __future__ import annotations

import json
import signal
import sys
import threading

from tests.faultportal.server import ROBOTS_FAULTS, PortalServer, bomb, serve_forever


def main() -> None:
    """Start one server per portal, print `{"portals": {name: url}}`, serve until SIGTERM."""
    for coding in ("gzip", "br", "zstd"):
        bomb(coding)  # built before the first request so no request waits for it
    servers = [
        PortalServer("main"),
        PortalServer("traps"),
        *(PortalServer(kind) for kind in ROBOTS_FAULTS),
    ]
    serve_forever(servers)
    print(json.dumps({"portals": {s.portal: s.url for s in servers}}), flush=True)
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    signal.signal(signal.SIGINT, lambda *_: stop.set())
    stop.wait()
    for server in servers:
        server.shutdown()
        server.server_close()
    sys.exit(0)


if __name__ == "__main__":
    main()
