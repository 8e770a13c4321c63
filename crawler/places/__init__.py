"""Places: the gazetteer of Indonesia's administrative regions and where each story happened."""

from crawler.places.gazetteer import (
    PROVINCE,
    REGENCY,
    Gazetteer,
    GazetteerError,
    Region,
    gazetteer,
    name_key,
)
from crawler.places.locate import StoryLocation, find_mentions, home_codes, home_region, locate

__all__ = [
    "PROVINCE",
    "REGENCY",
    "Gazetteer",
    "GazetteerError",
    "Region",
    "StoryLocation",
    "find_mentions",
    "gazetteer",
    "home_codes",
    "home_region",
    "locate",
    "name_key",
]
