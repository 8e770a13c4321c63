"""The loopback HTTP/1.1 server of one test portal: answers with its Router's responses."""

from __future__ import annotations

import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from crawler.testportal.formats import http_date
from crawler.testportal.portal import Portal
from crawler.testportal.server import CONTROL_PREFIX, MAX_POST_BYTES, Router


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "nginx"
    sys_version = ""
    disable_nagle_algorithm = True  # headers and body go out at once on keep-alive connections

    def do_GET(self) -> None:
        """Serve a GET."""
        self._serve(send_body=True)

    def do_HEAD(self) -> None:
        """Serve a HEAD (headers of the GET, no body)."""
        self._serve(send_body=False)

    def do_POST(self) -> None:
        """Answer a POST with 405 (the portal takes no comments)."""
        # read the request body so that a kept-alive connection stays in step, then refuse (405)
        length = int(self.headers.get("Content-Length") or 0)
        if 0 < length <= MAX_POST_BYTES:
            self.rfile.read(length)
        elif length:
            self.close_connection = True
        self._serve(send_body=True)

    def _serve(self, send_body: bool) -> None:
        server: PortalHTTPServer = self.server  # type: ignore[assignment]
        router = server.router
        if server.delay_s and not self.path.startswith(CONTROL_PREFIX):
            time.sleep(server.delay_s)
        if router.is_article_target(self.path):
            router.gate.pass_through()
        response = router.handle(self.command, self.path, dict(self.headers.items()))
        self.send_response(response.status)
        self.send_header("Content-Type", response.content_type)
        if response.status != 304:
            self.send_header("Content-Length", str(len(response.body)))
        if response.etag:
            self.send_header("ETag", response.etag)
        if response.last_modified is not None:
            self.send_header("Last-Modified", http_date(response.last_modified))
        if response.kind in ("article", "listing", "page", "not-found", "amp"):
            self.send_header("X-Powered-By", "PHP/8.1.27")
            self.send_header("Vary", "Accept-Encoding")
        for name, value in response.headers.items():
            self.send_header(name, value)
        self.end_headers()
        if send_body and response.status != 304 and response.body:
            self.wfile.write(response.body)

    def log_message(self, format: str, *args: object) -> None:
        """Silent: the router keeps its own request log."""


class PortalHTTPServer(ThreadingHTTPServer):
    """A threading HTTP/1.1 server on 127.0.0.1 serving one portal."""

    daemon_threads = True
    request_queue_size = 128  # benchmarks open many connections at once
    allow_reuse_address = True

    def __init__(self, portal: Portal, delay_ms: int = 0, port: int = 0) -> None:
        super().__init__(("127.0.0.1", port), _Handler)
        self.url = f"http://127.0.0.1:{self.server_address[1]}"
        portal.base_url = self.url
        self.router = Router(portal)
        self.delay_s = delay_ms / 1000
        self.thread: threading.Thread | None = None

    def start(self) -> None:
        """Serve in a daemon thread."""
        self.thread = threading.Thread(
            target=self.serve_forever, name=f"portal-{self.url}", daemon=True
        )
        self.thread.start()

    def stop(self) -> None:
        """Stop serving and close the socket."""
        self.shutdown()
        self.server_close()
        if self.thread is not None:
            self.thread.join(timeout=5)
