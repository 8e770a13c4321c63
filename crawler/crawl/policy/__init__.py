"""Crawl policy as plain functions, no Scrapy: what a crawl may fetch, when, and how often.

`guards` (addresses a crawl may connect to), `robots` (RFC 9309 robots.txt), `pacing` (Retry-After,
backoff, Crawl-delay), `traps` (endless URL spaces), `seenset` (the on-disk seen-request set),
`revisits` (when an archived URL is due again).
"""
