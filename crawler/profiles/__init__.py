"""Portal profiles: each portal's chrome learned from its own article pages, and applied to them.

`learn` turns observations of a portal's pages into a `PortalProfile` (what repeats across them
after masking numbers and dates: lines, the dateline's outlet and shapes, the sign-off, title
affixes, names in byline slots that are no one); `book` keeps each archive's profiles, learns them
after MIN_PAGES pages, re-learns them when a portal's layout changes and knows which still have to
be applied to stored articles; `remote` shares them with distributed workers through Redis;
`report` says in words what a profile holds. The
profile itself and how the cleaning grammar applies it live in `crawler.clean.profile`.
"""

from crawler.clean.profile import PortalProfile
from crawler.profiles.book import (
    ProfileBook,
    ProfileChange,
    ReadingRules,
    book_for,
    observation,
    observation_of_item,
    reading_rules,
)
from crawler.profiles.learn import MIN_PAGES, REPEAT_SHARE, Observation, learn, matches, merge
from crawler.profiles.report import describe, status

__all__ = [
    "MIN_PAGES",
    "REPEAT_SHARE",
    "Observation",
    "PortalProfile",
    "ProfileBook",
    "ProfileChange",
    "ReadingRules",
    "book_for",
    "describe",
    "learn",
    "matches",
    "merge",
    "observation",
    "observation_of_item",
    "reading_rules",
    "status",
]
