"""Articles split over several pages, end to end: the real `warta crawl` (Scrapy) against a small
loopback portal whose later pages fail or repeat, the raw pages kept, and `warta reprocess` after.
The test portal's own split articles (crawler/testportal, README "Articles split over pages") are
checked field by field in test_e2e_crawl.py; this portal adds the faults. Its text is invented."""

from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from crawler.archive.storage import Archive
from tests.conftest import run_warta

pytestmark = pytest.mark.e2e

LOOPBACK = ["-s", "DOWNLOAD_DELAY=0", "-s", "AUTOTHROTTLE_ENABLED=False", "-s", "RETRY_TIMES=0"]
WORDS = ["warga", "desa", "menanam", "padi", "di", "sawah", "yang", "baru", "dibuka", "setelah"]


def paragraphs(topic: str, first: int, count: int) -> list[str]:
    """Invented story paragraphs, each one different."""
    return [
        f"Paragraf {n} tentang {topic}: {' '.join(WORDS[n % 5 :] + WORDS[: n % 5])} tahun ini."
        for n in range(first, first + count)
    ]


# slug -> pages (each a list of paragraphs); page N of a slug lives at /2024/05/10/<slug>/N/
STORIES = {
    "panen-padi-gagal": [
        paragraphs("panen", 0, 4),
        paragraphs("panen", 4, 3),
        paragraphs("panen", 7, 3),
    ],
    "jalan-desa-rusak": [paragraphs("jalan", 0, 4), paragraphs("jalan", 4, 3)],
    "pasar-baru-dibuka": [paragraphs("pasar", 0, 5)],
    "banjir-susulan": [paragraphs("banjir", 0, 3), paragraphs("banjir", 3, 3)],
}
ONLY_LATER = "banjir-susulan"  # the home page links its page 2 alone
FAILING = "/2024/05/10/jalan-desa-rusak/2/"  # answers 500: the article keeps its first page
REPEATING = "pasar-baru-dibuka"  # a box of short news numbers its pages with ?box=N


def page_html(base: str, slug: str, number: int) -> str:
    pages = STORIES[slug]
    path = f"/2024/05/10/{slug}/"
    if slug == REPEATING:
        pager = f'<div class="box-pager"><a href="{base}{path}?box=2">2</a></div>'
        text = "".join(f"<p>{p}</p>" for p in pages[0])
    else:
        links = " ".join(
            f"<span>{n}</span>" if n == number else f'<a href="{base}{path}{n}/">{n}</a>'
            for n in range(1, len(pages) + 1)
            if n
            <= number + 1  # each page links the next one only: later pages are found on the way
        )
        pager = f'<div class="page-links">Halaman: {links}</div>'
        text = "".join(f"<p>{p}</p>" for p in pages[number - 1])
    title = slug.replace("-", " ").title()
    return f"""<!doctype html><html lang="id"><head><meta charset="utf-8"><title>{title}</title>
<meta property="og:type" content="article"><meta property="og:title" content="{title}">
<script type="application/ld+json">{{"@type": "NewsArticle", "headline": "{title}",
"datePublished": "2024-05-10T08:00:00+07:00"}}</script></head>
<body class="single single-post"><header><a href="{base}/">Kabar Contoh</a></header>
<article class="post"><h1 class="entry-title">{title}</h1>
<time class="entry-date" datetime="2024-05-10T08:00:00+07:00">10 Mei 2024</time>
<div class="entry-content">{text}{pager}</div></article></body></html>"""


class Handler(BaseHTTPRequestHandler):
    def log_message(self, format, *args):  # quiet
        pass

    def do_GET(self):
        base = f"http://127.0.0.1:{self.server.server_address[1]}"
        path = self.path.partition("?")[0]
        self.server.requests.append(self.path)
        if path == "/":
            links = "".join(
                f'<li><a href="{base}/2024/05/10/{s}/{"2/" if s == ONLY_LATER else ""}">{s}</a></li>'
                for s in STORIES
            )
            return self.reply(200, f"<html><body><ul>{links}</ul></body></html>")
        if self.path == FAILING:
            return self.reply(500, "<html><body>galat</body></html>")
        parts = path.strip("/").split("/")
        if len(parts) >= 4 and parts[3] in STORIES:
            number = int(parts[4]) if len(parts) > 4 and parts[4].isdigit() else 1
            if number <= len(STORIES[parts[3]]):
                return self.reply(200, page_html(base, parts[3], number))
        return self.reply(404, "<html><body>tidak ada</body></html>")

    def reply(self, status: int, html: str):
        body = html.encode()
        self.send_response(status)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture(scope="module")
def crawled(tmp_path_factory):
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.requests = []
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    db = tmp_path_factory.mktemp("split") / "archive.db"
    url = f"http://127.0.0.1:{server.server_address[1]}/"
    try:
        result = run_warta("crawl", url, *LOOPBACK, db=db)
        assert result.returncode == 0, result.stderr[-3000:]
        yield {"db": db, "result": result, "requests": list(server.requests), "url": url}
    finally:
        server.shutdown()
        server.server_close()


def whole(slug: str) -> str:
    """The body of a story with every page read."""
    return "\n\n".join(paragraph for page in STORIES[slug] for paragraph in page)


def stored_bodies(db) -> dict[str, str]:
    with Archive(db, readonly=True) as archive:
        rows = archive.conn.execute("SELECT url_key, body FROM articles").fetchall()
    return {key.split("/")[-1]: body for key, body in rows}


def test_every_page_is_read_in_order_and_joined(crawled):
    bodies = stored_bodies(crawled["db"])
    assert set(bodies) == set(STORIES), "a later page is no article of its own"
    assert bodies["panen-padi-gagal"] == whole("panen-padi-gagal")
    asked = [p for p in crawled["requests"] if "panen-padi-gagal" in p]
    assert asked == [f"/2024/05/10/panen-padi-gagal/{n}" for n in ("", "2/", "3/")]


def test_a_later_page_that_fails_leaves_the_pages_before_it_counted(crawled):
    bodies = stored_bodies(crawled["db"])
    assert bodies["jalan-desa-rusak"] == "\n\n".join(STORIES["jalan-desa-rusak"][0])
    with Archive(crawled["db"], readonly=True) as archive:
        stats = json.loads(archive.runs(limit=1)[0]["stats"])
    assert stats["warta/articles/part-missing"] == 1
    # stored with more than one page: one article of three pages, one of two
    assert stats["warta/articles/split"] == 2 and stats["warta/articles/split-pages"] == 5
    assert "jalan-desa-rusak/2/" in crawled["result"].stderr  # the warning names the page
    assert "Traceback" not in crawled["result"].stderr


def test_a_later_page_found_first_leads_to_its_article(crawled):
    bodies = stored_bodies(crawled["db"])
    assert bodies[ONLY_LATER] == whole(ONLY_LATER)  # stored once, under its first page's URL
    with Archive(crawled["db"], readonly=True) as archive:
        stats = json.loads(archive.runs(limit=1)[0]["stats"])
        later = archive.url_state(
            crawled["url"].removeprefix("http://") + f"2024/05/10/{ONLY_LATER}/2"
        )
    assert stats["warta/articles/later-page"] == 1
    assert later is not None and later["outcome"] == "later-page"


def test_a_widgets_page_that_repeats_the_story_is_not_joined(crawled):
    bodies = stored_bodies(crawled["db"])
    assert bodies[REPEATING] == "\n\n".join(STORIES[REPEATING][0])
    with Archive(crawled["db"], readonly=True) as archive:
        stats = json.loads(archive.runs(limit=1)[0]["stats"])
    assert stats["warta/articles/part-repeated"] == 1


def test_later_pages_are_kept_raw_as_parts_and_reprocess_joins_them(crawled, tmp_path):
    db = crawled["db"]
    with Archive(db, readonly=True) as archive:
        parts = archive.conn.execute(
            "SELECT part_of, part, url FROM raw_pages WHERE part_of IS NOT NULL ORDER BY url"
        ).fetchall()
    assert [(key.split("/")[-1], part) for key, part, _ in parts] == [
        ("banjir-susulan", 2),
        ("panen-padi-gagal", 2),
        ("panen-padi-gagal", 3),
    ]
    with Archive(db) as archive:  # a stored body cut to its first page: reprocess mends it
        archive.conn.execute(
            "UPDATE articles SET body = 'terpotong' WHERE url_key LIKE '%panen-padi-gagal'"
        )
        archive.commit()
    result = run_warta("reprocess", db=db)
    assert result.returncode == 0, result.stderr[-3000:]
    assert stored_bodies(db)["panen-padi-gagal"] == whole("panen-padi-gagal")
    # four article pages re-read (the parts with their article, none as a page of its own)
    assert result.stdout.startswith("4 pages") and "1 updated" in result.stdout
    assert "unreadable" not in result.stdout
