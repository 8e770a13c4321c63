"""Discovery channels: plain functions from a fetched response (url, body, headers) to URLs to crawl.

Each module is one channel family and knows nothing of Scrapy:

- `robots`      robots.txt `Sitemap:` lines
- `sitemaps`    sitemap indexes, urlsets, Google News sitemaps (`.xml.gz` too)
- `feeds`       RSS 2.0 / Atom / RDF items and `<link rel=alternate>` autodiscovery
- `wordpress`   the WordPress REST API (`/wp-json/wp/v2/posts`) and WordPress detection
- `blogspot`    Blogger feeds (`/feeds/posts/default`, Atom and `alt=json`) and Blogger detection
- `archives`    date archives (`/YYYY/MM/`, `/YYYY/MM/DD/`, `/indeks?date=`)
- `pagination`  next-page detection and listing-page links
- `links`       URL shape (article / listing / page: only its content can tell), same-portal test
- `pages`       what a fetched page shows it is (platform markup, structured data, structure)
- `safexml`     the one XML entry point (entity-safe, capped) and capped decompression

Results are `Discovered` records carrying the channel that found them, so the archive can record
which channel first found each URL. URLs are absolute, stripped of whitespace and fragments;
on-portal filtering is left to `links.same_portal` (callers decide), except `listing_links`,
which returns on-portal links only. The only exception any of these functions raises is
`DiscoveryError`, for malformed or oversized input.
"""

from crawler.discovery.records import CHANNELS, KINDS, Discovered, DiscoveryError

__all__ = ["CHANNELS", "KINDS", "Discovered", "DiscoveryError"]
