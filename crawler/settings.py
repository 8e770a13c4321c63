"""Scrapy settings for Warta: politeness, pipeline order, and the WARTA_* group (documented in README)."""

from crawler import __version__

BOT_NAME = "warta"
SPIDER_MODULES = ["spiders"]
NEWSPIDER_MODULE = "spiders"

# --- Warta's own settings (each is listed in README.md; tests/test_docs.py checks) -------------
WARTA_DB = None
"""Archive path; None means `$WARTA_DB`, else ./archive.db."""
WARTA_CONTACT = "https://github.com/warta-archive/warta"
"""Contact URL or e-mail put in the User-Agent so portal operators can reach the crawl's owner."""
WARTA_SITES_FILE = None
"""Portal registry (TOML); None means `$WARTA_SITES`, else ./sites.toml."""
WARTA_BATCH_SIZE = 200
"""Articles per write transaction (bench/crawl.py: 200 keeps commit cost under 2 % of a crawl)."""
WARTA_COMMIT_SECONDS = 2.0
"""Longest time written items wait in an open transaction (bounds loss on a crash to 2 s of work)."""
WARTA_KEEP_RAW = True
"""Keep every fetched article response (compressed) in `raw_pages` for reprocessing and WARC export."""
WARTA_MIN_BODY_CHARS = 120
"""Shorter clean bodies are dropped as `short-body`: the shortest real article in the dev corpus
(../shared/corpus/id-national) has 149 characters; below 120 are teasers and empty shells."""
WARTA_MAX_LISTING_PAGES = 1000
"""Most pages of one pagination walk (home, category, feed, REST, archive) per run: a trap guard;
the largest real regional portal seen in the corpus has under 600 home pages."""
WARTA_STATE_DIR = None
"""Per-portal lock files and Scrapy job folders; None means `state/` beside the archive."""
WARTA_EXTRA_BOILERPLATE: list[str] = []
"""Extra boilerplate lines (exact or prefix) removed from bodies, on top of the shared vocabulary."""
WARTA_CLUSTER_AFTER_CRAWL = True
"""Recompute near-duplicate clusters (`cluster_id`, `is_canonical`) when a `warta crawl` stored or
changed articles (crawler/archive/neardup.py; bench/neardup.py: 100,000 articles in under a minute)."""
WARTA_ADDRESS_GUARD = True
"""Refuse requests to loopback, private, link-local (169.254.169.254), multicast or reserved
addresses, checked after DNS and after every redirect, unless the portal's start URL is on that
address (crawler/crawl/policy/guards.py). Off only for a crawl that must reach an internal mirror."""
WARTA_TRAP_FILTER = True
"""Drop crawl traps (repeated path segments, deep paths, endless calendars, redirect loops and
chains) and strip session/tracking parameters from requested URLs (crawler/crawl/policy/traps.py)."""
WARTA_MAX_PATH_DEPTH = 12
"""Most path segments a requested URL may have: real portal URLs have 1-7; deeper are traps."""
WARTA_MAX_DECOMPRESSED_SIZE = 20 * 1024 * 1024
"""Largest body after gzip/deflate/br/zstd decoding: DOWNLOAD_MAXSIZE's 20 MB, ten times the
largest real article page in the corpus; a decompression bomb stops here."""
WARTA_RETRY_BACKOFF_BASE = 1.0
"""Seconds before the first retry of a failed request; each next retry waits twice as long."""
WARTA_RETRY_BACKOFF_MAX = 60.0
"""Longest wait between two attempts at one URL (a minute keeps a run moving)."""
WARTA_RETRY_AFTER_MAX = 600.0
"""A 429/503 `Retry-After` up to this many seconds is honoured (the portal is paused that long);
a longer one gives the request up for this run (the next scheduled run tries again)."""
WARTA_PROFILES = True
"""Learn each portal's profile from its own article pages (crawler/profiles/: after 20 of them)
and clean its pages with it: the lines, dateline, sign-off, title affix and byline names its
articles repeat. Off: every page is cleaned by the shared grammar alone."""
WARTA_PROFILE_BACKFILL = True
"""At the end of a crawl, re-clean the stored articles a profile learned during it would change
(the pages fetched before it existed). Off: left to `warta reprocess`."""
WARTA_REDIS_URL = None
"""Distributed mode (crawler/distributed/): the Redis of the shared frontier; None means
`$WARTA_REDIS_URL` for `warta worker` / `ingest` / `queue`, and a single-process `warta crawl`."""
WARTA_HEARTBEAT_SECONDS = 30.0
"""A `warta worker` silent this long is presumed dead and its requests go back to the queue:
Scrapy's reactor can stay busy for seconds on a 50,000-URL sitemap, so much less reaps live ones."""

# --- Politeness -------------------------------------------------------------------------------
USER_AGENT = f"Warta/{__version__} (news archive crawler; +{WARTA_CONTACT})"
ROBOTSTXT_OBEY = True
CONCURRENT_REQUESTS = 16
CONCURRENT_REQUESTS_PER_DOMAIN = 2  # issue 4: at most two concurrent requests per portal
DOWNLOAD_DELAY = 0.5
AUTOTHROTTLE_ENABLED = True
AUTOTHROTTLE_START_DELAY = 1.0
AUTOTHROTTLE_MAX_DELAY = 30.0
AUTOTHROTTLE_TARGET_CONCURRENCY = 1.0
RETRY_ENABLED = True
RETRY_TIMES = 3
RETRY_HTTP_CODES = [429, 500, 502, 503, 504, 522, 524, 408]
DOWNLOAD_TIMEOUT = 30
DOWNLOAD_MAXSIZE = 20 * 1024 * 1024  # the largest real article page in the corpus is under 2 MB
DOWNLOAD_WARNSIZE = 5 * 1024 * 1024
REDIRECT_MAX_TIMES = 10
COOKIES_ENABLED = False
TELNETCONSOLE_ENABLED = False
# Scrapy 2.19's remote-control server runs Python sent over HTTP and writes job files to the home
# folder: an archive crawler on a shared or scheduled machine needs neither.
REMOTE_CONTROL_ENABLED = False
# Scrapy re-reads a callback's source with `ast` (a development-time warning about `return value`
# in generators) whenever the callback object is new, as it is for every request read back from
# the job folder's disk queue: 2% of a test-portal crawl's CPU (py-spy on bench/crawl.py).
WARN_ON_GENERATOR_RETURN_VALUE = False

# --- Hardening (crawler/crawl/middlewares.py) -------------------------------------------------------
DOWNLOADER_MIDDLEWARES = {
    "crawler.crawl.middlewares.ResumedQueueMiddleware": 30,  # a resumed queue's duplicates go first
    "crawler.crawl.middlewares.AddressGuardMiddleware": 40,  # before OffsiteMiddleware (50)
    "scrapy.downloadermiddlewares.robotstxt.RobotsTxtMiddleware": None,  # fails open on 5xx
    "crawler.crawl.middlewares.RobotsPolicyMiddleware": 100,
    "scrapy.downloadermiddlewares.retry.RetryMiddleware": None,
    "crawler.crawl.middlewares.RetryAfterMiddleware": 550,
    "scrapy.downloadermiddlewares.httpcompression.HttpCompressionMiddleware": None,
    "crawler.crawl.middlewares.CappedDecompressionMiddleware": 590,
    "crawler.crawl.middlewares.RedirectTrapMiddleware": 650,  # sees 3xx before RedirectMiddleware (600)
    "crawler.crawl.middlewares.PacingMiddleware": 950,  # waits last, just before the download slot
}
SPIDER_MIDDLEWARES = {
    "crawler.crawl.middlewares.TrapFilterMiddleware": 850,
}
DUPEFILTER_CLASS = "crawler.crawl.middlewares.DiskDupeFilter"  # fingerprints on disk, not in a set

# --- Pipeline ---------------------------------------------------------------------------------
ITEM_PIPELINES = {
    "crawler.crawl.pipelines.CleanPipeline": 100,
    "crawler.crawl.pipelines.ValidatePipeline": 200,
    "crawler.crawl.pipelines.DeduplicatePipeline": 300,
    "crawler.crawl.pipelines.StorePipeline": 400,
}
EXTENSIONS = {
    "crawler.crawl.extensions.RunRecorder": 500,
}

LOG_LEVEL = "INFO"
LOG_FORMATTER = "crawler.crawl.extensions.WartaLogFormatter"
FEED_EXPORT_ENCODING = "utf-8"
