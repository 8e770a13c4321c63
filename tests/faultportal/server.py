"""The fault portal's HTTP side: one loopback port per portal, every fault bounded in time and size.

A stall ends after STALL_SECONDS; the 50 MB page is streamed in chunks (never held); bombs are
built once, small on the wire; a redirect "to another host" goes to 127.0.0.2 (loopback, and
nothing listens there). Every answer is counted per fault kind (`/__faults__` returns the counts).
"""

from __future__ import annotations

import contextlib
import gzip
import json
import random
import socket
import struct
import threading
import time
from collections import Counter
from datetime import date, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

import brotli
import zstandard

from tests.faultportal import pages

FAULT_DAY = "/2024/05/20"
"""Fault pages live under one date path so they look like articles to the spider."""

STALL_SECONDS = 10.0
"""Longest a stalled response hangs (the crawl's DOWNLOAD_TIMEOUT must be shorter)."""

BIG_PAGE_BYTES = 50 * 1024 * 1024
"""The oversized page: 50 MB, streamed."""

STREAM_CHUNK = 64 * 1024
"""Bytes per write when streaming the big page."""

BOMB_BYTES = 256 * 1024 * 1024
"""What a decompression bomb expands to: 256 MiB of zeros, 13 times the 20 MB cap (gzip ~260 KB
on the wire, brotli and zstd a few KB)."""

BOMB_MEMBER = 16 * 1024 * 1024
"""Zero bytes per gzip member; the bomb repeats one member (gzip allows concatenated members)."""

HEALTHY = 6
"""Healthy articles on the main portal (listed in its sitemap and on its home page)."""

ROBOTS_PORTAL_ARTICLES = 2
"""Healthy articles on each robots.txt fault portal."""

# fault kind -> slug under FAULT_DAY (all listed in the main portal's sitemap)
ARTICLE_FAULTS = {
    "http-500": "galat-server-500",
    "http-502": "galat-gateway-502",
    "http-503": "galat-layanan-503",
    "http-503-retry-after": "galat-layanan-503-retry-after",
    "http-429-retry-after": "terlalu-banyak-permintaan-429",
    "retry-after-too-long": "galat-layanan-503-besok-saja",
    "http-503-then-ok": "pulih-setelah-galat-503",
    "reset-mid-body": "koneksi-putus-di-tengah-halaman",
    "stall": "respons-macet-tanpa-akhir",
    "truncated-gzip": "gzip-terpotong-di-tengah",
    "gzip-bomb": "bom-dekompresi-gzip",
    "brotli-bomb": "bom-dekompresi-brotli",
    "zstd-bomb": "bom-dekompresi-zstd",
    "page-50mb": "halaman-lima-puluh-megabita",
    "page-50mb-chunked": "halaman-lima-puluh-megabita-tanpa-panjang",
    "redirect-chain": "pengalihan-tanpa-akhir",
    "redirect-loop": "pengalihan-melingkar",
    "redirect-other-host": "pengalihan-ke-host-lain",
    "invalid-utf8": "utf8-rusak-di-tengah-berita",
    "lying-charset": "charset-yang-berbohong",
    "no-body": "halaman-tanpa-body",
    "nested-100k": "seratus-ribu-elemen-bersarang",
    "binary-as-html": "berkas-biner-sebagai-html",
    "robots-disallowed": None,  # a healthy article under /rahasia/, which robots.txt disallows
    "split-page-500": "berita-dua-halaman-halaman-kedua-galat",  # its page 2 answers 500
}

ROBOTS_FAULTS = ("robots-500", "robots-503", "robots-429", "robots-stall", "robots-reset",
                 "robots-404", "robots-403")  # fmt: skip
"""One small portal per robots.txt fault (robots.txt governs a whole portal)."""

_counts: Counter[str] = Counter()
_served: Counter[tuple[str, str]] = Counter()
_times: dict[str, list[float]] = {}
_injected_paths: set[tuple[str, str]] = set()
_lock = threading.Lock()
_bombs: dict[str, bytes] = {}


def count(kind: str) -> int:
    """Count one injection of a fault; returns how many times it was injected so far."""
    with _lock:
        _counts[kind] += 1
        return _counts[kind]


def count_path(kind: str, path: str) -> int:
    """Count one injection of a fault per distinct path (a retried request of the same path on a
    loaded machine is no new injection); returns the distinct paths so far."""
    with _lock:
        if (kind, path) not in _injected_paths:
            _injected_paths.add((kind, path))
            _counts[kind] += 1
        return _counts[kind]


def counts() -> dict[str, int]:
    """Injections per fault kind so far."""
    with _lock:
        return dict(_counts)


def bomb(coding: str) -> bytes:
    """A body of `coding` that decodes to BOMB_BYTES of zeros (built once, kept small)."""
    with _lock:
        if coding in _bombs:
            return _bombs[coding]
    if coding == "gzip":
        member = gzip.compress(b"\0" * BOMB_MEMBER, compresslevel=9)
        body = member * (BOMB_BYTES // BOMB_MEMBER)
    elif coding == "br":
        compressor = brotli.Compressor(quality=1)
        chunk = b"\0" * BOMB_MEMBER
        parts = [compressor.process(chunk) for _ in range(BOMB_BYTES // BOMB_MEMBER)]
        body = b"".join(parts) + compressor.finish()
    else:
        compressor = zstandard.ZstdCompressor(level=3).compressobj()
        chunk = b"\0" * BOMB_MEMBER
        parts = [compressor.compress(chunk) for _ in range(BOMB_BYTES // BOMB_MEMBER)]
        body = b"".join(parts) + compressor.flush()
    with _lock:
        _bombs[coding] = body
    return body


def entity_bomb() -> bytes:
    """A sitemap with a billion-laughs entity bomb (must be refused, never expanded)."""
    entities = ['<!ENTITY lol0 "lol">'] + [
        f'<!ENTITY lol{i} "{("&lol" + str(i - 1) + ";") * 10}">' for i in range(1, 10)
    ]
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE urlset [\n'
        + "\n".join(entities)
        + '\n]>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        "<url><loc>&lol9;</loc></url></urlset>\n"
    ).encode()


def sitemap(base: str, paths: list[str]) -> bytes:
    """A sitemap listing `paths` on `base`."""
    urls = "".join(f"<url><loc>{base}{p}</loc><lastmod>2024-05-20</lastmod></url>" for p in paths)
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{urls}</urlset>\n'
    ).encode()


def healthy(prefix: str = "", n: int = HEALTHY, offset: int = 0) -> list[pages.Article]:
    """The healthy articles of a portal."""
    return [pages.article(offset + i, prefix) for i in range(n)]


def traps_articles() -> list[pages.Article]:
    """The healthy articles of the traps portal (after the robots portals' ones)."""
    offset = HEALTHY + ROBOTS_PORTAL_ARTICLES * len(ROBOTS_FAULTS)
    return healthy(n=ROBOTS_PORTAL_ARTICLES, offset=offset)


def secret_article() -> pages.Article:
    """The healthy article robots.txt forbids (under /rahasia/)."""
    return pages.article(7, "/rahasia")


def fault_path(kind: str) -> str:
    """The URL path of an article fault."""
    slug = ARTICLE_FAULTS[kind]
    return secret_article().path if slug is None else f"{FAULT_DAY}/{slug}/"


class FaultHandler(BaseHTTPRequestHandler):
    """Answers one portal's requests; `server.portal` names the portal (`main` or a robots fault)."""

    protocol_version = "HTTP/1.1"
    server_version = "KabarUji/1.0"

    def log_message(self, format, *args):
        pass  # quiet: tests read counts, not logs

    def finish(self):
        with contextlib.suppress(OSError):  # the client left, or we reset the connection on purpose
            super().finish()

    # -- plumbing ----------------------------------------------------------------------------

    @property
    def base(self) -> str:
        host, port = self.server.server_address[:2]
        return f"http://{host}:{port}"

    def send(
        self, status: int, body: bytes = b"", content_type="text/html; charset=utf-8", **headers
    ):
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for name, value in headers.items():
            self.send_header(name.replace("_", "-"), str(value))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def redirect(self, location: str, status: int = 302):
        self.send(status, b"", Location=location)

    def reset_after(self, head: bytes, announced: int):
        """Send headers announcing `announced` bytes, `head` of them, then a TCP reset."""
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(announced))
        self.end_headers()
        self.wfile.write(head)
        self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        self.connection.close()  # linger 0: RST, not FIN
        self.close_connection = True

    def stall(self):
        """Headers, a little body, then nothing until STALL_SECONDS pass (or the client leaves)."""
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", "100000")
        self.end_headers()
        self.wfile.write(b"<!DOCTYPE html><html><head><title>Menunggu")
        deadline = time.monotonic() + STALL_SECONDS
        while time.monotonic() < deadline:
            time.sleep(0.1)
        self.close_connection = True

    def stream(self, total: int, *, chunked: bool):
        """Stream `total` bytes of HTML filler without holding them (stops when the client leaves)."""
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        if chunked:
            self.send_header("Transfer-Encoding", "chunked")
        else:
            self.send_header("Content-Length", str(total))
        self.end_headers()
        chunk = (b"<p>" + b"isi halaman yang sangat panjang " * 2000 + b"</p>\n")[:STREAM_CHUNK]
        sent = 0
        try:
            while sent < total:
                piece = chunk[: total - sent]
                if chunked:
                    self.wfile.write(f"{len(piece):x}\r\n".encode() + piece + b"\r\n")
                else:
                    self.wfile.write(piece)
                sent += len(piece)
            if chunked:
                self.wfile.write(b"0\r\n\r\n")
        except OSError:
            pass  # the crawler gave up at its size limit, as it should
        self.close_connection = True

    # -- routing -----------------------------------------------------------------------------

    def do_HEAD(self):
        self.do_GET()

    def do_GET(self):
        parts = urlsplit(self.path)
        path, query = parts.path, parse_qs(parts.query)
        if path == "/__faults__":
            self.send(200, json.dumps(counts()).encode(), "application/json")
            return
        if path == "/__times__":
            with _lock:
                times = dict(_times)
            self.send(200, json.dumps(times).encode(), "application/json")
            return
        with _lock:
            _served[(self.server.portal, path)] += 1
            nth = _served[(self.server.portal, path)]
            _times.setdefault(f"{self.server.portal}{path}", []).append(time.monotonic())
        if self.server.portal == "traps":
            self.traps_portal(path, query)
            return
        if self.server.portal != "main":
            self.robots_portal(path)
            return
        self.main_portal(path, query, nth)

    def robots_portal(self, path: str):
        kind = self.server.portal
        offset = HEALTHY + ROBOTS_PORTAL_ARTICLES * ROBOTS_FAULTS.index(kind)
        articles = healthy(n=ROBOTS_PORTAL_ARTICLES, offset=offset)  # each portal its own stories
        if path == "/robots.txt":
            count(kind)
            if kind == "robots-stall":
                self.stall()
            elif kind == "robots-reset":
                self.reset_after(b"User-agent: *\nDisall", 500)
            else:
                status = int(kind.rsplit("-", 1)[1])
                headers = {"Retry_After": 1} if status == 429 else {}
                self.send(status, b"robots.txt sedang tidak tersedia", "text/plain", **headers)
            return
        if path in ("/sitemap.xml",):
            self.send(200, sitemap(self.base, [a.path for a in articles]), "application/xml")
            return
        for item in articles:
            if path == item.path:
                self.send(200, pages.article_html(item, self.base).encode())
                return
        if path == "/":
            self.send(
                200, pages.listing_html(self.base, "Kabar Uji", [a.path for a in articles]).encode()
            )
            return
        self.send(404, b"<html><body>tidak ditemukan</body></html>")

    def main_portal(self, path: str, query: dict, nth: int):
        base = self.base
        articles = healthy()
        if path == "/robots.txt":
            body = (
                "User-agent: *\nDisallow: /rahasia/\n"
                f"Sitemap: {base}/sitemap.xml\nSitemap: {base}/sitemap-entitas.xml\n"
            )
            self.send(200, body.encode(), "text/plain")
            return
        if path == "/sitemap.xml":
            paths = [a.path for a in articles] + [fault_path(k) for k in ARTICLE_FAULTS]
            self.send(200, sitemap(base, paths), "application/xml")
            return
        if path == "/sitemap-entitas.xml":
            count("entity-bomb-sitemap")
            self.send(200, entity_bomb(), "application/xml")
            return
        if path == "/":
            page = pages.listing_html(base, "Kabar Uji", [a.path for a in articles])
            self.send(200, page.encode())
            return
        for item in articles:
            if path == item.path:
                self.send(200, pages.article_html(item, base).encode())
                return
        if path == secret_article().path:
            count("robots-disallowed")  # reached only if robots.txt were ignored
            self.send(200, pages.article_html(secret_article(), base).encode())
            return
        for kind, slug in ARTICLE_FAULTS.items():
            if slug and path == f"{FAULT_DAY}/{slug}/":
                self.fault(kind, nth)
                return
        if path == fault_path("split-page-500") + "2/":
            count("split-page-500")
            self.send(500, b"<html><body>Internal Server Error</body></html>")
            return
        if path.startswith("/pengalihan/"):
            count("redirect-chain")
            number = int(path.rstrip("/").rsplit("/", 1)[1])
            self.redirect(f"{base}/pengalihan/{number + 1}/")
            return
        if path in ("/lingkar/a/", "/lingkar/b/"):
            count("redirect-loop")
            self.redirect(f"{base}/lingkar/{'b' if path.endswith('a/') else 'a'}/")
            return
        self.send(404, b"<html><body>tidak ditemukan</body></html>")

    def traps_portal(self, path: str, query: dict):
        """A portal without sitemaps or feeds (so its listings are walked) whose home page links
        into crawl traps."""
        base = self.base
        articles = traps_articles()
        if path == "/robots.txt":
            self.send(200, b"User-agent: *\nDisallow: /wp-admin/\n", "text/plain")
            return
        if path == "/":
            today = date.today()
            extra = (
                f'<a href="{base}/agenda/{today.year}/{today.month:02d}/">Agenda</a>'
                f'<a href="{base}/kalender/?tanggal={today.isoformat()}">Kalender</a>'
                f'<a href="{base}/arsip/?sid=1">Arsip</a>'
                f'<a href="{base}/kanal/berita/">Kanal</a>'
                f'<a href="{base}/dalam/a1/">Dalam</a>'
            )
            page = pages.listing_html(base, "Kabar Jebakan", [a.path for a in articles])
            self.send(200, page.replace("</body>", extra + "</body>").encode())
            return
        for item in articles:
            if path == item.path:
                self.send(200, pages.article_html(item, base).encode())
                return
        if not self.traps(path, query):
            self.send(404, b"<html><body>tidak ditemukan</body></html>")

    def traps(self, path: str, query: dict) -> bool:
        base = self.base
        if path.startswith("/agenda/"):
            count("endless-calendar")
            year, month = (int(x) for x in path.strip("/").split("/")[1:3])
            year, month = (year + 1, 1) if month == 12 else (year, month + 1)
            page = pages.listing_html(base, "Agenda", [], f"{base}/agenda/{year}/{month:02d}/")
            self.send(200, page.encode())
            return True
        if path == "/kalender/":
            count("endless-calendar")
            day = date.fromisoformat(query.get("tanggal", [date.today().isoformat()])[0])
            following = (day + timedelta(days=1)).isoformat()
            page = pages.listing_html(base, "Kalender", [], f"{base}/kalender/?tanggal={following}")
            self.send(200, page.encode())
            return True
        if path == "/arsip/":
            count("session-ids")
            session = int(query.get("sid", ["0"])[0] or 0) + 1
            page = pages.listing_html(base, "Arsip", [], f"{base}/arsip/?sid={session}")
            self.send(200, page.encode())
            return True
        if path.startswith("/kanal/"):
            count_path("relative-link-loop", path)  # how far the loop grew, not how often asked
            page = pages.listing_html(base, "Kanal", [], "berita/")  # relative: grows forever
            self.send(200, page.encode())
            return True
        if path.startswith("/dalam/"):
            count("deep-path")
            depth = path.count("/")
            page = pages.listing_html(base, "Dalam", [], f"{base}{path}a{depth}/")
            self.send(200, page.encode())
            return True
        return False

    def fault(self, kind: str, nth: int):
        base = self.base
        item = pages.article(20, FAULT_DAY)  # the text a fault page would have carried
        page = pages.article_html(item, base).encode()
        if kind == "http-503-then-ok" and nth > 1:
            count("http-503-then-ok")
            recovered = pages.article(21, "")
            self.send(
                200,
                pages.article_html(recovered, base)
                .replace(recovered.path, fault_path(kind))
                .encode(),
            )
            return
        if kind == "split-page-500":  # page 1 is whole; its pager links the failing page 2
            here = fault_path(kind)
            pager = f'<div class="page-links">Halaman: <span>1</span> <a href="{base}{here}2/">2</a></div>'
            first = pages.article_html(item, base).replace(item.path, here)
            self.send(200, first.replace("</div></article>", pager + "</div></article>").encode())
            return
        count(kind)
        if kind == "http-500":
            self.send(500, b"<html><body>Internal Server Error</body></html>")
        elif kind == "http-502":
            self.send(502, b"<html><body>Bad Gateway</body></html>")
        elif kind == "http-503":
            self.send(503, b"<html><body>Service Unavailable</body></html>")
        elif kind in ("http-503-retry-after", "http-503-then-ok"):
            self.send(503, b"<html><body>Sedang perawatan</body></html>", Retry_After=1)
        elif kind == "http-429-retry-after":
            self.send(429, b"<html><body>Too Many Requests</body></html>", Retry_After=1)
        elif kind == "retry-after-too-long":
            self.send(503, b"<html><body>Kembali besok</body></html>", Retry_After=86400)
        elif kind == "reset-mid-body":
            self.reset_after(page[: len(page) // 3], len(page))
        elif kind == "stall":
            self.stall()
        elif kind == "truncated-gzip":
            squeezed = gzip.compress(page)
            self.send(200, squeezed[: len(squeezed) * 2 // 3], Content_Encoding="gzip")
        elif kind in ("gzip-bomb", "brotli-bomb", "zstd-bomb"):
            coding = {"gzip-bomb": "gzip", "brotli-bomb": "br", "zstd-bomb": "zstd"}[kind]
            self.send(200, bomb(coding), Content_Encoding=coding)
        elif kind == "page-50mb":
            self.stream(BIG_PAGE_BYTES, chunked=False)
        elif kind == "page-50mb-chunked":
            self.stream(BIG_PAGE_BYTES, chunked=True)
        elif kind == "redirect-chain":
            self.redirect(f"{base}/pengalihan/1/")
        elif kind == "redirect-loop":
            self.redirect(f"{base}/lingkar/a/")
        elif kind == "redirect-other-host":
            port = self.server.server_address[1]
            self.redirect(f"http://127.0.0.2:{port}{FAULT_DAY}/dialihkan/")
        elif kind == "invalid-utf8":
            broken = pages.article(22, FAULT_DAY)
            text = pages.article_html(broken, base).replace(broken.path, fault_path(kind)).encode()
            cut = text.index(b"<p>") + 40
            self.send(200, text[:cut] + b"\xff\xfe\xc3\x28\xa0\xa1" + text[cut:])
        elif kind == "lying-charset":
            liar = pages.article(23, FAULT_DAY)
            text = pages.article_html(liar, base, charset="iso-8859-1")
            text = text.replace(liar.path, fault_path(kind)).replace("Camat", "“Camat”")
            self.send(200, text.encode("utf-8"), "text/html; charset=iso-8859-1")
        elif kind == "no-body":
            self.send(200, b"<!DOCTYPE html><html><head><title>Kosong</title></head></html>")
        elif kind == "nested-100k":
            depth = 100_000
            body = b"<div>" * depth + b"<p>paling dalam</p>" + b"</div>" * depth
            self.send(
                200,
                b"<!DOCTYPE html><html><head><title>Sarang</title></head><body>"
                + body
                + b"</body></html>",
            )
        elif kind == "binary-as-html":
            self.send(200, random.Random(8).randbytes(200_000))  # the same bytes every time
        else:  # pragma: no cover - every kind above has a branch
            self.send(500, b"unknown fault")


class PortalServer(ThreadingHTTPServer):
    """One portal on one loopback port."""

    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, portal: str):
        super().__init__(("127.0.0.1", 0), FaultHandler)
        self.portal = portal

    @property
    def url(self) -> str:
        host, port = self.server_address[:2]
        return f"http://{host}:{port}/"


def serve_forever(servers: list[PortalServer]) -> None:
    """Serve every portal, each from its own thread, until the process ends."""
    for server in servers:
        threading.Thread(target=server.serve_forever, daemon=True).start()
