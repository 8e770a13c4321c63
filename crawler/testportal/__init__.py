"""Test portals: realistic Indonesian regional news sites served on loopback, with their truth.

spec = PortalSpec(articles=200)                 # the main portal, JNews chrome
portal = build_portal(spec)                     # content + truth, no server
with serve_portals([spec, PortalSpec(name="second", second_portal=True)]) as (main, second):
    main.url                                    # http://127.0.0.1:PORT
    main.truth()                                # what Warta must archive from it
    main.set_epoch(2)                           # one new, one edited, one removed, one moved
"""

from crawler.testportal.portal import Portal, build_portals
from crawler.testportal.serving import (
    PortalServeError,
    ServedPortal,
    build_portal,
    serve_portals,
    serve_portals_in_thread,
)
from crawler.testportal.spec import PortalSpec, PortalSpecError

__all__ = [
    "Portal",
    "PortalServeError",
    "PortalSpec",
    "PortalSpecError",
    "ServedPortal",
    "build_portal",
    "build_portals",
    "serve_portals",
    "serve_portals_in_thread",
]
