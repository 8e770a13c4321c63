"""The archive: archive.db and everything that reads or rewrites stored pages.

`storage.Archive` is the only writer of SQL (`migrations` beside it); `history` (versions and
diffs), `neardup` (near-duplicate clusters), `warc` (WARC export/import), `reprocess` (stored raw
pages through today's extraction).
"""

from crawler.archive.sqlite import ArchiveError, default_db_path
from crawler.archive.storage import Archive

__all__ = ["Archive", "ArchiveError", "default_db_path"]
