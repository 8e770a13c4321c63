"""feedparser's corpus, read from ../shared/conformance at test time, against parse_feed.

Every file: no exception but a DiscoveryError, and only for a document that declares entities
(kept refused: entity expansion / XXE guard) or holds no element at all. Every entry link a
file's `Expect:` comment states is found. Where feedparser itself is installed (not a Warta
dependency: `pip install feedparser`), every entry link it finds is found too, except the few
differences tests/conformance.py lists with why.
"""

from __future__ import annotations

import pytest

from crawler.discovery import DiscoveryError
from crawler.discovery._urls import absolute_url
from tests.conformance import (
    FEED_DIFFERENCES,
    FEEDS,
    FeedFile,
    absent,
    feed_files,
    feedparser_links,
    warta_feed_links,
)

pytestmark = pytest.mark.skipif(bool(absent(FEEDS)), reason=absent(FEEDS) or "")


def warta_links(feed: FeedFile) -> set[str] | DiscoveryError:
    """Entry URLs Warta finds in one file, or the DiscoveryError it refuses the file with."""
    found = warta_feed_links(feed)
    if isinstance(found, Exception) and not isinstance(found, DiscoveryError):
        raise found  # a crash, not a refusal: the test fails with its traceback
    return found


def _files() -> list[FeedFile]:
    return list(feed_files()) if absent(FEEDS) is None else []


def test_the_corpus_is_read_whole():
    files = _files()
    assert len(files) > 2000
    assert sum(bool(f.claimed_links()) for f in files) >= 40


def test_no_file_raises_and_only_entity_or_empty_documents_are_refused():
    refused = {}
    for feed in _files():
        found = warta_links(feed)
        if isinstance(found, DiscoveryError):
            refused[feed.name] = found.reason
    for name, reason in refused.items():
        body = (FEEDS / name).read_bytes()
        assert (reason == "entity" and b"<!ENTITY" in body) or (
            reason == "malformed" and b"<" not in body.split(b"-->", 1)[-1]
        ), name
    assert len(refused) <= 3


def test_every_link_an_expect_comment_states_is_found():
    missing = []
    for feed in _files():
        claimed = [absolute_url(link, feed.url) for link in feed.claimed_links()]
        found = warta_links(feed)
        found = set() if isinstance(found, DiscoveryError) else found
        missing += [(feed.name, link) for link in claimed if link not in found]
    assert missing == []


def test_every_link_feedparser_finds_is_found():
    feedparser = pytest.importorskip("feedparser", reason="feedparser is not installed")
    missing = []
    for feed in _files():
        found = warta_links(feed)
        found = set() if isinstance(found, DiscoveryError) else found
        lost = feedparser_links(feedparser, feed) - found
        if lost and feed.name not in FEED_DIFFERENCES:
            missing.append((feed.name, sorted(lost)))
    assert missing == []
