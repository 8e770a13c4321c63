"""Crash safety: real `warta crawl` processes SIGKILLed at random moments (a bounded number of times),
the archive checked after every kill, then resumed to the same rows as an uninterrupted crawl."""

from __future__ import annotations

import random

import pytest

from crawler.testportal import PortalSpec, serve_portals
from tests.crashkit import (
    archive_rows,
    check_archive,
    crawl_and_kill,
    crawl_and_kill_at_gate,
    crawl_to_end,
)

pytestmark = [pytest.mark.e2e, pytest.mark.slow]

ROUNDS = 2
"""Fresh archives crawled under kills."""
KILLS_PER_ROUND = 4
"""Kills per archive before it is resumed to the end: 8 kills in all."""
MAX_EXTRA_SECONDS = 0.5
"""A kill lands up to this long after the gate first held an article (the let-through pages are
being parsed, cleaned and committed then)."""
GENERATED_ARTICLES = 20
"""Generated articles on top of the showcase: a crawl of about 50 articles."""


@pytest.fixture(scope="module")
def portal():
    with serve_portals([PortalSpec(name="main", articles=GENERATED_ARTICLES)]) as (served,):
        yield served


@pytest.fixture(scope="module")
def reference(portal, tmp_path_factory):
    """The rows of an uninterrupted crawl."""
    db = tmp_path_factory.mktemp("reference") / "archive.db"
    returncode, _seconds, stderr = crawl_to_end(portal.url, db)
    assert returncode == 0, stderr
    return archive_rows(db)


def test_killed_crawls_leave_a_sound_archive_and_resume_to_the_same_rows(
    portal, reference, tmp_path_factory
):
    rows = reference
    assert rows, "the reference crawl archived nothing"
    rng = random.Random()
    seed = rng.randrange(1 << 30)
    rng.seed(seed)  # printed on failure so a bad moment can be replayed
    kills = 0
    for round_number in range(ROUNDS):
        db = tmp_path_factory.mktemp(f"killed{round_number}") / "archive.db"
        for _ in range(KILLS_PER_ROUND):
            left = len(rows) - check_archive(db).articles
            if left < 2:
                break
            # the gate lets some articles through and holds the next: the run is alive at the
            # kill whatever the machine's speed; the extra wait spreads kills over processing
            # and commits of the pages let through
            moment = (rng.randrange(0, left - 1), rng.uniform(0.0, MAX_EXTRA_SECONDS))
            result = crawl_and_kill_at_gate(
                portal, db, let_through=moment[0], extra_seconds=moment[1]
            )
            assert result.killed, (seed, moment, "the run ended before an article was held")
            kills += 1
            check = check_archive(db)
            assert check.ok, (seed, moment, check)
        returncode, _, stderr = crawl_to_end(portal.url, db)
        assert returncode == 0, stderr
        final = check_archive(db)
        assert final.ok, (seed, final)
        resumed = archive_rows(db)
        assert set(resumed) == set(rows), (seed, set(rows) ^ set(resumed))  # none lost, none extra
        assert resumed == rows, seed  # same titles and bodies
    assert kills >= KILLS_PER_ROUND, f"only {kills} of the runs were still running when killed"


def test_a_kill_before_the_first_commit_leaves_no_half_archive(portal, tmp_path):
    db = tmp_path / "archive.db"
    crawl_and_kill(portal.url, db, 0.2)
    check = check_archive(db)
    assert check.ok, check
