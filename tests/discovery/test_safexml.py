"""safexml: DTD/entity refusal (billion laughs, XXE), size caps, capped decompression per codec."""

from __future__ import annotations

import gzip
import http.server
import os
import threading
import tracemalloc
import zlib

import brotli
import pytest
import zstandard

from crawler.discovery import DiscoveryError
from crawler.discovery.safexml import (
    check_prolog,
    decode_content,
    decompress_capped,
    gunzip_if_gzipped,
    parse_xml,
    repair_ampersands,
    stream_children,
)

MIB = 1024 * 1024
BOMB_MIB = 256  # 32x the cap below and 5x the 50 MB memory budget: an uncapped decoder fails both
CAP = 8 * MIB


def billion_laughs(levels: int = 10) -> bytes:
    """The classic entity bomb: 10 levels of 10x references expand to 10^10 'lol's."""
    declarations = ['<!ENTITY lol0 "lol">']
    for level in range(1, levels):
        declarations.append(f'<!ENTITY lol{level} "{f"&lol{level - 1};" * 10}">')
    dtd = "".join(declarations)
    return (
        f'<?xml version="1.0"?>\n<!DOCTYPE urlset [{dtd}]>\n'
        f"<urlset><url><loc>&lol{levels - 1};</loc></url></urlset>"
    ).encode()


def test_billion_laughs_is_refused_before_expansion():
    tracemalloc.start()
    try:
        with pytest.raises(DiscoveryError) as caught:
            parse_xml(billion_laughs())
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert caught.value.reason == "entity"
    assert peak < MIB  # nothing was expanded


def test_billion_laughs_is_refused_by_the_streaming_parser_too():
    with pytest.raises(DiscoveryError) as caught:
        stream_children(billion_laughs())
    assert caught.value.reason == "entity"


def test_external_entity_file_is_never_opened(tmp_path):
    # a FIFO blocks whoever opens it for reading until a writer comes: if the parser tried to
    # read the "file", this test would hang (and pytest-timeout would fail it) instead of passing
    fifo = tmp_path / "secret"
    os.mkfifo(fifo)
    document = (
        f'<?xml version="1.0"?><!DOCTYPE urlset [<!ENTITY xxe SYSTEM "file://{fifo}">]>'
        "<urlset><url><loc>&xxe;</loc></url></urlset>"
    ).encode()
    for parse in (parse_xml, stream_children):
        with pytest.raises(DiscoveryError) as caught:
            parse(document)
        assert caught.value.reason == "entity"


def test_external_dtd_is_never_fetched():
    hits: list[str] = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            hits.append(self.path)
            self.send_response(200)
            self.end_headers()
            self.wfile.write(b'<!ENTITY leak "leaked">')

        def log_message(self, *args):
            pass

    server = http.server.HTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        url = f"http://127.0.0.1:{server.server_port}/evil.dtd"
        document = (
            f'<?xml version="1.0"?><!DOCTYPE rss SYSTEM "{url}"><rss><channel/></rss>'
        ).encode()
        with pytest.raises(DiscoveryError):
            parse_xml(document, recover=True)
    finally:
        server.shutdown()
        server.server_close()
    assert hits == []


@pytest.mark.parametrize(
    ("document", "reason"),
    [
        (b"<!DOCTYPE html><html><body>Halaman tidak ditemukan</body></html>", "html"),
        (b"\n  <!doctype HTML>\n<html></html>", "html"),
        (b'<?xml version="1.0"?><!-- c --><!DOCTYPE x SYSTEM "x.dtd"><x/>', "entity"),
        (b"<!ENTITY a 'b'><x/>", "entity"),
        ('<?xml version="1.0" encoding="UTF-16"?><!DOCTYPE x []><x/>'.encode("utf-16"), "entity"),
        (b"", "empty"),
        (b"   \n ", "empty"),
        (b"<urlset><url></urlset>", "malformed"),
        (b"<?xml version='1.0'", "malformed"),
    ],
)
def test_unsafe_or_broken_xml_is_refused_with_a_reason(document, reason):
    with pytest.raises(DiscoveryError) as caught:
        parse_xml(document)
    assert caught.value.reason == reason


class _DtdServer:
    """A loopback HTTP server that records every path asked of it (an external DTD fetch)."""

    def __init__(self) -> None:
        hits: list[str] = []

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self):
                hits.append(self.path)
                self.send_response(200)
                self.end_headers()
                self.wfile.write(b'<!ENTITY leak "leaked">')

            def log_message(self, *args):
                pass

        self.hits = hits
        self.server = http.server.HTTPServer(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self) -> _DtdServer:
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.server.shutdown()
        self.server.server_close()

    @property
    def url(self) -> str:
        """The DTD's URL."""
        return f"http://127.0.0.1:{self.server.server_port}/rss-0.91.dtd"


def test_a_public_doctype_is_accepted_and_its_dtd_never_fetched():
    with _DtdServer() as server:
        document = (
            '<?xml version="1.0"?>\n<!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS '
            f'0.91//EN" "{server.url}">\n<rss version="0.91"><channel><title>Kabar&nbsp;Garut'
            "</title><item><link>https://kabar.example/a</link></item></channel></rss>"
        ).encode()
        for recover in (False, True):
            root = parse_xml(document, recover=recover)
            assert root.findtext("channel/title") == "Kabar\u00a0Garut"
        _root, children = stream_children(document)
        assert [c.tag for c in children] == ["channel"]
    assert server.hits == []


@pytest.mark.parametrize(
    "doctype",
    [
        '<!DOCTYPE rss PUBLIC "-//Netscape//DTD RSS 0.91//EN" "x.dtd" [<!ENTITY a "b">]>',
        '<!DOCTYPE rss PUBLIC "-//Netscape//DTD RSS 0.91//EN" [<!ENTITY a "b">]>',
        '<!DOCTYPE rss PUBLIC "-//Netscape//DTD RSS 0.91//EN" "x.dtd" []>',
        '<!DOCTYPE rss SYSTEM "x.dtd">',
        '<!DOCTYPE rss PUBLIC "-//Netscape//DTD RSS 0.91//EN" "x.dtd"><!ENTITY a "b">',
        '<!doctype rss public "-//Netscape//DTD RSS 0.91//EN" "x.dtd">',
    ],
)
def test_any_subset_entity_or_system_dtd_stays_refused(doctype):
    document = f'<?xml version="1.0"?>{doctype}<rss><channel/></rss>'.encode()
    for parse in (parse_xml, stream_children):
        with pytest.raises(DiscoveryError) as caught:
            parse(document)
        assert caught.value.reason == "entity"


def test_an_xhtml_page_with_a_public_doctype_is_html():
    page = (
        b'<?xml version="1.0"?><!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" '
        b'"http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd"><html><body/></html>'
    )
    for parse in (parse_xml, stream_children):
        with pytest.raises(DiscoveryError) as caught:
            parse(page)
        assert caught.value.reason == "html"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (b"?p=1&lang=id", "?p=1&lang=id"),
        (b"Tom & Jerry", "Tom & Jerry"),
        (b"a &amp; b &lt; c &#65; &#x42;", "a & b < c A B"),
        (b"caf&eacute; &hellip;", "caf\u00e9 \u2026"),
        (b"&bogus; &x", "&bogus; &x"),
        (b"<![CDATA[Tom & Jerry &amp;]]>", "Tom & Jerry &amp;"),
    ],
)
def test_bare_ampersands_stay_literal_and_html_entities_are_read(text, expected):
    root = parse_xml(b"<title>" + text + b"</title>")
    assert root.text == expected


def test_ampersand_repair_never_outgrows_the_cap():
    document = b"<x>" + b"&" * 1000 + b"</x>"
    assert repair_ampersands(document, max_bytes=2000) == document  # left for the parser
    assert repair_ampersands(document).count(b"&amp;") == 1000


@pytest.mark.parametrize("lead", [b"\n\n", b"  \t\r\n", b"\xef\xbb\xbf", b"\xef\xbb\xbf\n "])
def test_blank_lines_and_a_bom_before_the_declaration_are_dropped(lead):
    root = parse_xml(lead + b'<?xml version="1.0" encoding="UTF-8"?><judul>Banjir</judul>')
    assert root.text == "Banjir"


def test_doctype_text_after_the_root_is_plain_content():
    root = parse_xml(
        b"<rss><channel><description><![CDATA[<!DOCTYPE x>]]></description></channel></rss>"
    )
    assert root.findtext("channel/description") == "<!DOCTYPE x>"


def test_prolog_check_accepts_declaration_comments_and_bom():
    check_prolog(b'\xef\xbb\xbf<?xml version="1.0"?>\n<!-- dibuat oleh plugin -->\n<urlset/>')


def test_utf16_document_parses():
    root = parse_xml(
        '<?xml version="1.0" encoding="UTF-16"?><judul>Banjir di Garut</judul>'.encode("utf-16")
    )
    assert root.text == "Banjir di Garut"


def test_size_cap_is_enforced_before_parsing():
    with pytest.raises(DiscoveryError) as caught:
        parse_xml(b"<x>" + b"a" * 2000 + b"</x>", max_bytes=1000)
    assert caught.value.reason == "too-large"


def test_deep_nesting_is_refused_without_huge_tree():
    with pytest.raises(DiscoveryError):
        parse_xml(b"<a>" * 100_000 + b"</a>" * 100_000)


def test_stream_children_yields_each_child_complete():
    root, children = stream_children(
        b"<urlset><url><loc>a</loc></url><url><loc>b</loc></url></urlset>"
    )
    assert root.tag == "urlset"
    assert [child.findtext("loc") for child in children] == ["a", "b"]


def test_stream_children_reports_breakage_midway():
    # libxml2 reads ahead by a version-dependent amount (2.14 reports this at the first read,
    # earlier versions at the broken child): the contract is that the error is a DiscoveryError
    # from one of the two calls, never an lxml exception or a silent stop.
    with pytest.raises(DiscoveryError):
        _root, children = stream_children(
            b"<urlset><url><loc>a</loc></url><url><loc>b</url></urlset>"
        )
        list(children)


# --- decompression ----------------------------------------------------------------------


def _stream(compressor_factory, finish, size_mib: int) -> bytes:
    compressor = compressor_factory()
    chunk = b"\0" * MIB
    parts = [compressor(chunk) for _ in range(size_mib)]
    return b"".join(parts) + finish()


def _gzip_bomb() -> bytes:
    c = zlib.compressobj(1, zlib.DEFLATED, 16 + zlib.MAX_WBITS)  # level 1: 3x faster to build
    return _stream(lambda: c.compress, c.flush, BOMB_MIB)


def _deflate_bomb() -> bytes:
    c = zlib.compressobj(1)
    return _stream(lambda: c.compress, c.flush, BOMB_MIB)


def _brotli_bomb() -> bytes:
    c = brotli.Compressor(quality=5)
    return _stream(lambda: c.process, c.finish, BOMB_MIB)


def _zstd_bomb() -> bytes:
    c = zstandard.ZstdCompressor(level=3).compressobj()
    return _stream(lambda: c.compress, c.flush, BOMB_MIB)


BOMBS = {"gzip": _gzip_bomb, "deflate": _deflate_bomb, "br": _brotli_bomb, "zstd": _zstd_bomb}


@pytest.fixture(scope="module")
def bombs() -> dict[str, bytes]:
    return {coding: make() for coding, make in BOMBS.items()}


@pytest.mark.parametrize("coding", sorted(BOMBS))
def test_decompression_bomb_stops_at_the_cap_with_bounded_memory(bombs, coding):
    bomb = bombs[coding]
    tracemalloc.start()
    try:
        baseline, _ = tracemalloc.get_traced_memory()
        with pytest.raises(DiscoveryError) as caught:
            decompress_capped(bomb, coding, CAP)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    growth = peak - baseline
    assert caught.value.reason == "too-large"
    assert growth < 50 * MIB
    # output held at the stop is at most 1.1x the cap (the input itself is already in memory)
    assert growth <= 1.1 * CAP + len(bomb) + MIB


@pytest.mark.parametrize("coding", sorted(BOMBS))
def test_output_exactly_at_the_cap_passes_and_one_byte_more_fails(coding):
    body = os.urandom(1000) + b"berita " * 20_000
    compressed = {
        "gzip": gzip.compress,
        "deflate": zlib.compress,
        "br": brotli.compress,
        "zstd": zstandard.ZstdCompressor().compress,
    }[coding](body)
    assert decompress_capped(compressed, coding, len(body)) == body
    with pytest.raises(DiscoveryError) as caught:
        decompress_capped(compressed, coding, len(body) - 1)
    assert caught.value.reason == "too-large"


@pytest.mark.parametrize("coding", sorted(BOMBS))
def test_truncated_bodies_are_errors_not_half_results(coding):
    body = os.urandom(50_000) + b"kabar daerah " * 10_000
    compressed = {
        "gzip": gzip.compress,
        "deflate": zlib.compress,
        "br": brotli.compress,
        "zstd": zstandard.ZstdCompressor().compress,
    }[coding](body)
    with pytest.raises(DiscoveryError) as caught:
        decompress_capped(compressed[: len(compressed) * 2 // 3], coding, 10 * MIB)
    assert caught.value.reason == "malformed"


@pytest.mark.parametrize("coding", sorted(BOMBS))
def test_garbage_is_a_corrupt_body_error(coding):
    with pytest.raises(DiscoveryError):
        decompress_capped(b"\x00\x01bukan data terkompresi" * 10, coding, MIB)


def test_zstd_window_above_the_http_limit_is_refused():
    params = zstandard.ZstdCompressionParameters.from_level(3, window_log=27)
    frame = zstandard.ZstdCompressor(compression_params=params).compressobj()
    body = frame.compress(os.urandom(64) * 4096) + frame.flush()
    with pytest.raises(DiscoveryError):
        decompress_capped(body, "zstd", 64 * MIB)


def test_raw_deflate_is_accepted():
    raw = zlib.compressobj(6, zlib.DEFLATED, -zlib.MAX_WBITS)
    body = raw.compress(b"sitemap " * 1000) + raw.flush()
    assert decompress_capped(body, "deflate", MIB) == b"sitemap " * 1000


def test_multi_member_gzip_is_read_whole():
    assert (
        decompress_capped(gzip.compress(b"satu ") + gzip.compress(b"dua"), "gzip", 100)
        == b"satu dua"
    )


def test_stacked_content_codings_are_undone_in_reverse():
    body = b"<urlset/>" * 100
    encoded = brotli.compress(gzip.compress(body))  # Content-Encoding: gzip, br
    assert decode_content(encoded, "gzip, br", MIB) == body


@pytest.mark.parametrize(("coding", "cap"), [("compress", 10), ("gzip", 0), ("identity", 3)])
def test_unknown_coding_bad_cap_and_identity_over_cap_are_refused(coding, cap):
    with pytest.raises(DiscoveryError):
        decompress_capped(b"abcdef", coding, cap)


def test_gunzip_if_gzipped_sniffs_the_magic():
    assert gunzip_if_gzipped(gzip.compress(b"<urlset/>"), MIB) == b"<urlset/>"
    assert gunzip_if_gzipped(b"<urlset/>", MIB) == b"<urlset/>"
