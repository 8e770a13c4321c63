"""A distributed worker's copy of the ingester's profiles (the Redis hash, read every few seconds)."""

from __future__ import annotations

import json

from crawler.clean.profile import PortalProfile, mask_line
from crawler.profiles.remote import RemoteProfiles, profiles_key


class FakeRedis:
    """The one call RemoteProfiles makes, over a dict (a real Redis runs in tests/distributed)."""

    def __init__(self):
        self.hashes: dict[str, dict[str, str]] = {}
        self.reads = 0

    def hgetall(self, key):
        self.reads += 1
        return dict(self.hashes.get(key, {}))


def payload(version: int, profile: PortalProfile) -> str:
    return json.dumps({"version": version, "profile": profile.to_json()})


def test_a_worker_reads_published_profiles_and_refreshes_them():
    client = FakeRedis()
    learned = PortalProfile(lines={mask_line("Sorotan Tamsawi"): "Sorotan Tamsawi"}, pages=20)
    client.hashes[profiles_key()] = {"portal-a": payload(1, learned), "portal-b": "{not json"}
    remote = RemoteProfiles(client, refresh=3600)
    assert remote.profile_for("portal-a").lines == learned.lines
    assert remote.profile_for("portal-b") is None  # a damaged entry is ignored, not fatal
    assert remote.profile_for("portal-c") is None
    assert client.reads == 1  # within `refresh` the copy is not read again
    client.hashes[profiles_key()]["portal-c"] = payload(1, learned)
    assert remote.profile_for("portal-c") is None
    remote.refresh = 0
    assert remote.profile_for("portal-c") is not None


def test_a_worker_keeps_its_copy_when_redis_is_gone():
    client = FakeRedis()
    client.hashes[profiles_key()] = {"portal-a": payload(1, PortalProfile(pages=20))}
    remote = RemoteProfiles(client, refresh=0)
    assert remote.profile_for("portal-a") is not None

    def gone(key):
        raise ConnectionError("redis went away")

    client.hgetall = gone
    assert remote.profile_for("portal-a") is not None
