"""When an already-archived URL is due to be fetched again (plain functions over the seen-URL state)."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, datetime, timedelta
from typing import Any

FRESH_DAYS = 3
"""Articles published in the last 3 days are revisited each run: regional portals correct typos,
add photos and change headlines mostly within the first days (the test portal models this)."""
FRESH_REVISIT_HOURS = 6  # and at most every 6 hours, so an hourly cron does not refetch them all


def _parse(ts: str | None) -> datetime | None:
    if not ts:
        return None
    try:
        value = datetime.fromisoformat(ts.replace("Z", "+00:00"))
    except ValueError:
        return None
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def revisit_due(
    state: Mapping[str, Any] | None,
    *,
    lastmod: str | None = None,
    published_at: str | None = None,
    now: datetime | None = None,
    revisit_all: bool = False,
) -> bool:
    """True when a URL should be fetched: never fetched, fetch failed, the channel reports a newer
    modification than our fetch, it is still fresh, or the user asked to revisit everything."""
    if state is None or not state.get("fetched_at"):
        return True
    outcome = state.get("outcome") or ""
    if outcome.startswith("error"):
        return True
    if revisit_all:
        return True
    fetched = _parse(state["fetched_at"])
    if fetched is None:
        return True
    changed = _parse(lastmod)
    if changed is not None and changed > fetched:
        return True
    now = now or datetime.now(UTC)
    published = _parse(published_at)
    return (
        published is not None
        and now - published < timedelta(days=FRESH_DAYS)
        and now - fetched > timedelta(hours=FRESH_REVISIT_HOURS)
    )


def queued_twice(state: Mapping[str, Any] | None, *, run_id: int, queued_by: int | None) -> bool:
    """Is an article request that run `queued_by` queued a duplicate in run `run_id`?

    A run stopped with Ctrl-C leaves its queue in the job folder, and the next run also requeues
    every URL the archive still has unfetched. The archive's `urls` row says which run queued the
    URL last: a request from an earlier run's queue is a duplicate once this run has queued the URL
    itself (from the archive's pending list or a channel), so each URL is requested once."""
    if queued_by in (None, run_id):
        return False
    return queued_this_run(state, run_id=run_id)


def queued_this_run(state: Mapping[str, Any] | None, *, run_id: int) -> bool:
    """Has run `run_id` queued (or fetched) this URL itself, by the archive's `urls` row?"""
    return bool(run_id and state and state.get("queued_run") == run_id)


def redirects_to_queued(state: Mapping[str, Any] | None, *, run_id: int) -> bool:
    """Does an article request's redirect lead to an article URL this run has queued (or fetched)
    itself? Following it would fetch that article twice and store it under two keys; the URL the
    redirect came from is that article's old address."""
    return queued_this_run(state, run_id=run_id) and (state or {}).get("kind") == "article"
