"""`python -m crawler.testportal`: serve test portals on 127.0.0.1 and print their URLs as JSON."""

from __future__ import annotations

import argparse
import json
import signal
import sys
import threading

from crawler.testportal.httpd import PortalHTTPServer
from crawler.testportal.portal import build_portals
from crawler.testportal.spec import THEMES, PortalSpec, PortalSpecError


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m crawler.testportal",
        description="Serve the Warta test portal(s) on 127.0.0.1 until SIGTERM or Ctrl-C."
        ' Prints one JSON line: {"portals": [{"name", "url", "theme", "platform"}]}.',
    )
    parser.add_argument(
        "--articles",
        type=int,
        default=0,
        help="generated articles (besides the hand-written showcase)",
    )
    parser.add_argument("--theme", choices=THEMES, default=None)
    parser.add_argument("--platform", choices=("wordpress", "blogspot"), default=None)
    parser.add_argument("--delay-ms", type=int, default=0, help="fixed delay per request")
    parser.add_argument("--now", default=None, help="the portal clock, ISO 8601 with offset")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--second-portal",
        action="store_true",
        help="also serve a second portal that republishes one article",
    )
    parser.add_argument("--port", type=int, default=0, help="port of the first portal (0: any)")
    parser.add_argument(
        "--specs", default=None, help="JSON list of PortalSpec dicts (overrides the other options)"
    )
    return parser


def _specs(args: argparse.Namespace) -> list[PortalSpec]:
    if args.specs:
        return [PortalSpec(**entry) for entry in json.loads(args.specs)]
    options: dict[str, object] = {
        "articles": args.articles,
        "theme": args.theme,
        "platform": args.platform,
        "delay_ms": args.delay_ms,
        "seed": args.seed,
    }
    if args.now:
        options["now"] = args.now
    specs = [PortalSpec(name="main", **options)]  # type: ignore[arg-type]
    if args.second_portal:
        specs.append(
            PortalSpec(name="second", second_portal=True, delay_ms=args.delay_ms, now=specs[0].now)
        )
    return specs


def main(argv: list[str] | None = None) -> int:
    """Serve until SIGTERM/SIGINT; exit 0 on a clean stop, 2 on bad options."""
    args = _parser().parse_args(argv)
    try:
        specs = _specs(args)
        portals = build_portals(specs)
    except (PortalSpecError, TypeError, ValueError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    servers = []
    for index, (spec, portal) in enumerate(zip(specs, portals, strict=True)):
        port = spec.port or (args.port if index == 0 else 0)
        try:
            servers.append(PortalHTTPServer(portal, spec.delay_ms, port=port))
        except OSError as exc:
            print(f"error: cannot serve on 127.0.0.1:{port}: {exc.strerror}", file=sys.stderr)
            return 2
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    signal.signal(signal.SIGINT, lambda *_: stop.set())
    for server in servers:
        server.start()
    listing = [
        {
            "name": spec.name,
            "url": server.url,
            "theme": portal.spec.theme,
            "platform": portal.spec.platform,
            "site_name": portal.site.name,
        }
        for spec, portal, server in zip(specs, portals, servers, strict=True)
    ]
    print(json.dumps({"portals": listing}), flush=True)
    while not stop.wait(0.5):
        pass
    for server in servers:
        server.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
