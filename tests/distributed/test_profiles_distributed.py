"""Distributed mode learns portal profiles in the ingester, per portal, and workers clean with the
copy it publishes (a real redis-server on 127.0.0.1, real `warta worker` / `warta ingest`)."""

from __future__ import annotations

import json

import pytest

from crawler.archive import Archive
from crawler.profiles.remote import profiles_key
from crawler.testportal import PortalSpec, serve_portals
from crawler.testportal.house import house_leaks, house_styles
from tests.distributed.test_distributed import (  # noqa: F401 - fixtures used by name
    REDIS_SERVER,
    distributed_crawl,
    redis_server,
    redis_url,
)

pytestmark = [
    pytest.mark.redis,
    pytest.mark.e2e,
    pytest.mark.skipif(REDIS_SERVER is None, reason="redis-server is not installed"),
]

SPECS = [
    PortalSpec(name="first", articles=45, showcase=False, house=31, theme="tagdiv"),
    PortalSpec(name="second", articles=45, showcase=False, house=32, theme="jnews"),
    PortalSpec(name="small", articles=10, showcase=False, house=33, theme="plain"),
]


def test_the_ingester_learns_each_portal_and_applies_it_to_every_stored_article(
    redis_url,  # noqa: F811 - the fixture imported above
    tmp_path,
):
    db = tmp_path / "distributed.db"
    with serve_portals(SPECS) as portals:
        crawl = distributed_crawl(portals, db, redis_url, tmp_path, workers=2, heartbeat=20)
        truths = {p.name: {t["url_key"]: t for t in p.truth()} for p in portals}
        sites = {p.name: p.portal.site_key for p in portals}
    with Archive(db, readonly=True) as archive:
        profiles = {row["site"]: row for row in archive.profiles()}
        rows = {row["url_key"]: row for row in archive.iter_articles()}
    assert set(profiles) == {sites["first"], sites["second"]}, "learned per portal, not small"
    for row in profiles.values():
        assert row["pages"] == 20 and row["backfilled_at"] is not None
    published = crawl["frontier"].redis.hgetall(profiles_key())
    assert {site: json.loads(v)["version"] for site, v in published.items()} == {
        sites["first"]: 1,
        sites["second"]: 1,
    }
    for spec in SPECS[:2]:
        styles = house_styles(spec.house)
        truth = truths[spec.name]
        leaking = [key for key in truth if house_leaks(rows[key], truth[key], styles)]
        assert leaking == [], f"{spec.name}: {len(leaking)} articles keep chrome"
    small = truths["small"]
    assert all(house_leaks(rows[k], small[k], house_styles(33)) for k in small)
