"""Per-portal health read from the archive: last good run, articles per day, missing fields."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from crawler.archive.storage import Archive

RECENT_DAYS = 30  # "articles per day" is averaged over the last 30 days of publication dates


@dataclass
class PortalHealth:
    """One portal's row of `warta stats`."""

    site: str
    articles: int
    copies: int
    last_run_at: str | None
    last_run_reason: str | None
    last_success_at: str | None
    per_day: float
    missing_author: float
    missing_date: float
    missing_dateline: float
    taken_down: int

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        return dict(self.__dict__)


def portal_health(archive: Archive) -> list[PortalHealth]:
    """Health of every portal in the archive, by site name."""
    conn = archive.conn
    rows = conn.execute(
        """
        SELECT site, count(*),
               sum(duplicate_of IS NOT NULL),
               avg(authors = '[]'),
               avg(published_at IS NULL),
               avg(dateline_place IS NULL AND dateline_outlet IS NULL),
               sum(taken_down_at IS NOT NULL),
               max(published_at)
        FROM articles GROUP BY site ORDER BY site
        """
    ).fetchall()
    out = []
    for site, n, copies, no_author, no_date, no_dateline, taken_down, newest in rows:
        last = conn.execute(
            "SELECT started_at, finish_reason FROM crawl_runs WHERE site = ? ORDER BY id DESC LIMIT 1",
            (site,),
        ).fetchone()
        success = conn.execute(
            "SELECT max(finished_at) FROM crawl_runs WHERE site = ? AND finish_reason = 'finished'"
            " AND pages_fetched > 0",
            (site,),
        ).fetchone()
        recent = 0
        if newest:
            recent = conn.execute(
                "SELECT count(*) FROM articles WHERE site = ? AND published_at >= date(?, ?)",
                (site, newest[:10], f"-{RECENT_DAYS} days"),
            ).fetchone()[0]
        out.append(
            PortalHealth(
                site=site,
                articles=n,
                copies=copies or 0,
                last_run_at=last[0] if last else None,
                last_run_reason=last[1] if last else None,
                last_success_at=success[0] if success else None,
                per_day=round(recent / RECENT_DAYS, 2),
                missing_author=round(no_author or 0, 3),
                missing_date=round(no_date or 0, 3),
                missing_dateline=round(no_dateline or 0, 3),
                taken_down=taken_down or 0,
            )
        )
    return out
