"""End to end: a portal whose posts say nothing of themselves (no JSON-LD, no `og:type`, no
single-post classes, no date on the page or in the URL) and whose feed lists them. The real `warta
crawl` stores them through the feed, with the feed's dates, and refuses them where only a sitemap
names them; a post the sitemap queued before the feed was read is judged with the feed's word, and
one an earlier run refused is fetched once more when a later run's feed lists it."""

from __future__ import annotations

import json
import threading
import time
from collections import Counter
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import ClassVar

import pytest
from click.testing import CliRunner

from crawler.archive.storage import Archive
from crawler.cli import cli
from tests.conftest import run_warta

pytestmark = pytest.mark.e2e

LOOPBACK = ["-s", "DOWNLOAD_DELAY=0", "-s", "AUTOTHROTTLE_ENABLED=False",
            "-s", "WARTA_RETRY_BACKOFF_BASE=0"]  # fmt: skip
POSTS = {
    "/kabar/sungai-meluap-lagi/": ("Sungai Meluap Lagi di Kampung Tanjung", "Mon, 06 May 2024 03:15:00 +0000"),
    "/kabar/jalan-desa-diaspal/": ("Jalan Desa Akhirnya Diaspal Warga", "Tue, 07 May 2024 04:30:00 +0000"),
    "/kabar/pasar-pagi-ramai/": ("Pasar Pagi Kembali Ramai Pembeli", "Wed, 08 May 2024 01:00:00 +0000"),
}  # fmt: skip


def post_page(title: str) -> bytes:
    lines = "".join(
        f"<div>Warga Kampung Tanjung mencatat perubahan hari ini, catatan nomor {n} dari {title}.</div>"
        for n in range(14)
    )
    return (
        f'<!doctype html><html lang="id"><head><meta charset="utf-8"><title>{title}</title>'
        f'</head><body><div class="wrap"><h1>{title}</h1><div class="isi">{lines}</div></div>'
        "</body></html>"
    ).encode()


class QuietPortal(BaseHTTPRequestHandler):
    feed_delay = post_delay = 0.0
    posts_served: ClassVar[Counter[str]] = Counter()  # post path -> answers, every test's

    def log_message(self, format, *args):  # keep the test output quiet
        pass

    def do_GET(self):
        base = f"http://{self.headers['Host']}"
        path = self.path.split("?")[0]
        if path == "/robots.txt":
            return self.answer(
                f"User-agent: *\nSitemap: {base}/sitemap.xml\n".encode(), "text/plain"
            )
        if path == "/sitemap.xml":
            urls = "".join(f"<url><loc>{base}{p}</loc></url>" for p in POSTS)
            body = f'<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{urls}</urlset>'
            return self.answer(body.encode(), "application/xml")
        if path == "/feed/":
            time.sleep(self.feed_delay)
            items = "".join(
                f"<item><title>{t}</title><link>{base}{p}</link><pubDate>{d}</pubDate></item>"
                for p, (t, d) in POSTS.items()
            )
            body = f'<?xml version="1.0"?><rss version="2.0"><channel><title>Kabar Tanjung</title>{items}</channel></rss>'
            return self.answer(body.encode(), "application/rss+xml")
        if path in POSTS:
            self.posts_served[path] += 1
            time.sleep(self.post_delay)
            return self.answer(post_page(POSTS[path][0]), "text/html; charset=utf-8")
        if path == "/":
            links = "".join(f'<li><a href="{p}">{t}</a></li>' for p, (t, _) in POSTS.items())
            body = f"<!doctype html><html><body><ul>{links}</ul></body></html>"
            return self.answer(body.encode(), "text/html; charset=utf-8")
        self.answer(b"not here", "text/plain", status=404)

    def answer(self, body: bytes, content_type: str, status: int = 200):
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


class SlowFeedPortal(QuietPortal):
    feed_delay = 1.5  # the sitemap (named by robots.txt) is read first, so it queues the posts ...
    post_delay = 3.0  # ... and the feed is read before any post arrives


def serve(handler: type[QuietPortal]) -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="module")
def portal() -> Iterator[str]:
    yield from serve(QuietPortal)


@pytest.fixture(scope="module")
def slow_feed_portal() -> Iterator[str]:
    yield from serve(SlowFeedPortal)


def crawl(url: str, db, *channels: str) -> tuple[dict[str, str], dict]:
    """Run `warta crawl` with these channels: (stored path -> published_at, the run's drops)."""
    result = run_warta("crawl", url, "--channels", ",".join(channels), *LOOPBACK, db=db)
    assert result.returncode == 0, result.stderr[-3000:]
    assert "Traceback" not in result.stderr
    with Archive(db, readonly=True) as archive:
        rows = archive.conn.execute("SELECT url, published_at FROM articles").fetchall()
        (run,) = archive.runs(limit=1)
    stored = {u.removeprefix(url.rstrip("/")): when for u, when in rows}
    return stored, json.loads(run["drops"] or "{}")


def test_the_feed_vouches_for_posts_that_say_nothing_of_themselves(portal, tmp_path):
    stored, _ = crawl(portal, tmp_path / "archive.db", "feed")
    assert set(stored) == set(POSTS)
    assert stored["/kabar/sungai-meluap-lagi/"].startswith("2024-05-06T")  # the feed's date


def test_a_sitemap_alone_does_not_vouch_for_them(portal, tmp_path):
    stored, drops = crawl(portal, tmp_path / "archive.db", "sitemap")
    assert stored == {}
    assert drops.get("not-article") == len(POSTS)


def test_a_post_the_sitemap_queued_first_is_judged_with_the_feeds_word(slow_feed_portal, tmp_path):
    stored, drops = crawl(slow_feed_portal, tmp_path / "archive.db", "sitemap", "feed")
    assert set(stored) == set(POSTS), drops
    with Archive(tmp_path / "archive.db", readonly=True) as archive:
        channels = {r[0] for r in archive.conn.execute("SELECT discovered_via FROM articles")}
    assert channels == {"sitemap"}  # found first by the sitemap: the feed's word came later


def test_reprocess_and_a_warc_import_judge_them_as_the_crawl_did(portal, tmp_path):
    db = tmp_path / "archive.db"
    crawl(portal, db, "feed")
    result = run_warta("reprocess", db=db)
    assert result.returncode == 0, result.stderr[-3000:]
    assert "3 unchanged" in result.stdout and "no longer an article" not in result.stdout
    with Archive(db, readonly=True) as archive:
        assert archive.count_articles() == len(POSTS)
    # the WARC keeps the channel that found each page; an import reads it back
    runner, warc = CliRunner(), tmp_path / "quiet.warc.gz"
    exported = runner.invoke(cli, ["export-warc", "--db", str(db), "--output", str(warc)])
    assert exported.exit_code == 0, exported.output
    imported = runner.invoke(cli, ["import-warc", str(warc), "--db", str(tmp_path / "copy.db")])
    assert imported.exit_code == 0, imported.output
    with Archive(tmp_path / "copy.db", readonly=True) as archive:
        assert archive.count_articles() == len(POSTS), imported.output


def test_a_post_refused_before_the_feed_named_it_is_fetched_again_once(portal, tmp_path):
    db = tmp_path / "archive.db"
    stored, drops = crawl(portal, db, "sitemap")
    assert stored == {} and drops.get("not-article") == len(POSTS)
    before = sum(QuietPortal.posts_served.values())
    stored, _ = crawl(portal, db, "sitemap", "feed")  # a later run reads the feed too
    assert set(stored) == set(POSTS)
    assert sum(QuietPortal.posts_served.values()) - before == len(POSTS)
    before = sum(QuietPortal.posts_served.values())
    crawl(portal, db, "sitemap", "feed")  # and the next fetches none of them again
    assert sum(QuietPortal.posts_served.values()) == before
