"""The one XML entry point (entity-safe, size-capped lxml) and size-capped decompression.

XML: a document whose prolog declares entities or an internal DTD subset (`<!DOCTYPE x [...]>`,
`<!ENTITY ...>`) is refused before lxml sees it, so an entity bomb or an external-entity (XXE)
reference is never expanded or read; so is a DOCTYPE naming only a SYSTEM file. A DOCTYPE that
only names an external PUBLIC DTD (RSS 0.91's Netscape DTD, XHTML's) is accepted: lxml parses with
`resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False`, so that DTD is never
fetched or read (libxml2's own depth limit of 256 and text-node limits stay on).

Before parsing, whitespace and a byte order mark ahead of `<?xml` are dropped (WordPress plugins
print them), and a bare `&` (`?a=1&b=2`) is escaped so it stays literal; an HTML entity name
(`&nbsp;`, which the never-loaded DTD would declare) becomes its numeric character reference.

Decompression: `decompress_capped` streams gzip / deflate / brotli / zstd and stops as soon as the
output passes the cap: it never holds more than `cap + 1` bytes of output (brotli: plus at most
one 32 KiB output block), whatever the compression ratio, and raises `DiscoveryError('too-large')`.
Output is kept as a list of pieces, so the stop happens with no regrowth copy of the buffer.
"""

from __future__ import annotations

import html.entities
import io
import re
import zlib
from collections.abc import Collection, Iterator

import brotli
import zstandard
from lxml import etree

from crawler.discovery._http import SERVER_NOISE_MAX_BYTES
from crawler.discovery.records import DiscoveryError

MAX_XML_BYTES = 50 * 1024 * 1024
"""Largest XML document parsed: the sitemaps protocol's 50 MB (52,428,800 bytes) per file,
which is also far above any real feed."""

INPUT_CHUNK = 64 * 1024
"""Compressed bytes fed to a decompressor per step (bounds its internal buffering)."""

OUTPUT_CHUNK = 256 * 1024
"""Most decompressed bytes asked for per step: small next to any useful cap, large enough that
per-call overhead is negligible (a 20 MB page takes 80 steps)."""

ZSTD_MAX_WINDOW = 8 * 1024 * 1024
"""Largest zstd window accepted: RFC 9659 (zstd content coding for HTTP) caps it at 8 MB, which
also bounds the decoder's memory; larger windows are refused."""

AMPERSAND_GROWTH = 14
"""Most bytes one `&` can become when repaired: `&nGt;` is two code points, `&#8811;&#8402;`
(HTML's longest expansion in bytes per `&`); a document that could outgrow its cap is not repaired."""

TAIL_SCAN_BYTES = 1024 * 1024
"""How far from its end a cut-off document is searched for the last complete record's end tag:
far above one sitemap `<url>` or feed `<item>` (a few KiB; a full-text item some hundred KiB)."""

_GZIP_MAGIC = b"\x1f\x8b"
_ZSTD_MAGIC = 0xFD2FB528
_ZSTD_SKIPPABLE_MIN, _ZSTD_SKIPPABLE_MAX = 0x184D2A50, 0x184D2A5F
_DOCTYPE = b"<!doctype"
_UTF8_BOM = b"\xef\xbb\xbf"
_LEADING_SPACE = b" \t\r\n"
_WIDE_BOMS = (  # UTF-32 first: its little-endian BOM starts with UTF-16's
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\xfe\xff", "utf-16-be"),
    (b"\xff\xfe", "utf-16-le"),
)
# XML 1.0 production 75 (ExternalID with PUBLIC) and 12-13 (PubidLiteral), no internal subset
_PUBLIC_DOCTYPE = re.compile(
    rb"<!DOCTYPE\s+[A-Za-z_:][\w.:-]*\s+PUBLIC\s+"
    rb"(?:\"[-'()+,./:=?;!*#@$_%\w \r\n]*\"|'[-()+,./:=?;!*#@$_%\w \r\n]*')"
    rb"(?:\s+(?:\"[^\"]*\"|'[^']*'))?\s*>"
)
_SUSPECT_AMPERSAND = re.compile(rb"&(?!(?:amp|lt|gt|quot|apos|#[0-9]+|#[xX][0-9a-fA-F]+);)")
_CDATA_COMMENT_OR_AMPERSAND = re.compile(
    rb"<!\[CDATA\[.*?(?:\]\]>|\Z)|<!--.*?(?:-->|\Z)"
    rb"|&(?:#[0-9]+;|#[xX][0-9a-fA-F]+;|([A-Za-z_][\w.-]*);)?",
    re.S,
)
_XML_ENTITIES = frozenset({b"amp", b"lt", b"gt", b"quot", b"apos"})
_END_TAG = re.compile(rb"</\s*(?:[A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*)\s*>")


# --- XML ----------------------------------------------------------------------------------


def _to_utf8(data: bytes) -> tuple[bytes, str | None]:
    """Transcode UTF-16 / UTF-32 documents to UTF-8 so the prolog check sees ASCII markup."""
    codec = next((name for bom, name in _WIDE_BOMS if data.startswith(bom)), None)
    if codec is None:
        if data.startswith((b"<\x00?\x00", b"<\x00\x00\x00")):
            codec = "utf-16-le" if data[2:3] != b"\x00" else "utf-32-le"
        elif data.startswith((b"\x00<\x00?", b"\x00\x00\x00<")):
            codec = "utf-16-be" if data[1:2] == b"<" else "utf-32-be"
        else:
            return data, None
    try:
        text = data.decode(codec)
    except UnicodeDecodeError as exc:
        raise DiscoveryError(f"undecodable {codec} XML: {exc.reason}") from None
    return text.lstrip("\ufeff").encode("utf-8"), "utf-8"


def check_prolog(data: bytes) -> None:
    """Refuse a document whose prolog declares entities or a DTD subset, or that is an HTML page.

    A DOCTYPE naming only an external PUBLIC DTD passes: that DTD is never loaded (see above).
    """
    position = 0
    length = len(data)
    while True:
        position = data.find(b"<", position)
        if position < 0 or position + 1 >= length:
            return
        following = data[position + 1 : position + 2]
        if following == b"?":
            end = data.find(b"?>", position + 2)
            if end < 0:
                raise DiscoveryError("unterminated processing instruction in XML prolog")
            position = end + 2
        elif data.startswith(b"<!--", position):
            end = data.find(b"-->", position + 4)
            if end < 0:
                raise DiscoveryError("unterminated comment in XML prolog")
            position = end + 3
        elif following == b"!":
            public = _PUBLIC_DOCTYPE.match(data, position)
            if public is not None:
                position = public.end()  # an HTML root after it is refused once parsed
                continue
            # a doctype's name follows within a few bytes of whitespace; 64 bytes is ample
            declaration = data[position : position + 64].lower()
            name = declaration[len(_DOCTYPE) :].lstrip()
            if declaration.startswith(_DOCTYPE) and name.startswith(b"html"):
                raise DiscoveryError("an HTML page, not XML", reason="html")
            raise DiscoveryError(
                "XML with a DTD or entity declaration refused (entity expansion / XXE guard)",
                reason="entity",
            )
        else:
            return  # the root element starts here: the prolog is over


def _repair_ampersand(match: re.Match[bytes]) -> bytes:
    text = match.group()
    if text[:1] == b"<" or text[:2] == b"&#":
        return text  # CDATA, a comment or a character reference: already right
    name = match.group(1)
    if name is None:
        return b"&amp;" + text[1:]
    if name in _XML_ENTITIES:
        return text
    replacement = html.entities.html5.get(name.decode("ascii", "replace") + ";")
    if replacement is None:
        return b"&amp;" + text[1:]  # not an entity anyone declares: the text as written
    return "".join(f"&#{ord(c)};" for c in replacement).encode("ascii")


def repair_ampersands(data: bytes, max_bytes: int = MAX_XML_BYTES) -> bytes:
    """Escape each `&` that starts no XML reference, and turn HTML entity names into character
    references, outside CDATA and comments; a document that could outgrow `max_bytes` stays as is."""
    if _SUSPECT_AMPERSAND.search(data) is None:
        return data
    if len(data) + AMPERSAND_GROWTH * data.count(b"&") > max_bytes:
        return data
    return _CDATA_COMMENT_OR_AMPERSAND.sub(_repair_ampersand, data)


def after_server_noise(data: bytes) -> bytes | None:
    """The document of a body a server printed something before, from its XML declaration on:
    a PHP warning ahead of WordPress's feed or sitemap on a misconfigured host (`<br /><b>Warning
    </b>: Cannot modify header information ...<?xml`), which libxml2, browsers and Scrapy refuse.
    None when no declaration follows within SERVER_NOISE_MAX_BYTES. Callers try it only after
    the body as sent failed to parse to their root, so a whole document is never cut."""
    at = data.find(b"<?xml", 1, SERVER_NOISE_MAX_BYTES)
    return data[at:] if at > 0 else None


def cut_after_last_record(
    data: bytes, records: Collection[str], roots: Collection[str]
) -> tuple[bytes, bool]:
    """A document cut off before its root's end tag, shortened to its last complete record.

    Returns `(data, False)` when the last end tag among `records` and `roots` (local names) is a
    root's (the document is whole) or none is found near the end; else `(prefix, True)`, the
    prefix ending with the last complete record's end tag, so a recovering parser yields no half
    record (a `<loc>` cut mid-URL).
    """
    position = len(data)
    floor = max(0, len(data) - TAIL_SCAN_BYTES)
    while position > floor:
        position = data.rfind(b"</", floor, position)
        if position < 0:
            break
        end_tag = _END_TAG.match(data, position)
        if end_tag is None:
            continue
        name = end_tag.group(1).decode("ascii")
        if name in roots:
            return data, False
        if name in records:
            whole = end_tag.end()
            return (data[:whole] if data[whole:].strip() else data), True
    if floor == 0:  # the whole document was searched: no record ever ended
        names = b"|".join(re.escape(name.encode("ascii")) for name in records)
        first = re.search(rb"<(?:[A-Za-z_][\w.-]*:)?(?:" + names + rb")[\s/>]", data)
        if first is not None:
            return data[: first.start()], True  # cut inside the first record
    return data, False


def _prepare(data: bytes, max_bytes: int) -> tuple[bytes, str | None]:
    if not isinstance(data, bytes):
        raise DiscoveryError(f"XML body must be bytes, not {type(data).__name__}")
    if len(data) > max_bytes:
        raise DiscoveryError(f"XML body of {len(data)} bytes exceeds {max_bytes}", "too-large")
    if not data.strip():
        raise DiscoveryError("empty XML body", reason="empty")
    data, encoding = _to_utf8(data)
    if data.startswith(_UTF8_BOM):
        data, encoding = data[len(_UTF8_BOM) :], encoding or "utf-8"
    if data[:1] in (b" ", b"\t", b"\r", b"\n"):
        data = data.lstrip(_LEADING_SPACE)  # libxml2 wants `<?xml` first: blank lines are noise
    check_prolog(data)
    if encoding is None:
        data, encoding = _mislabelled_windows_1252(data)
    return repair_ampersands(data, max_bytes), encoding


_DECLARED_ENCODING = re.compile(rb"^<\?xml[^>]{0,200}?encoding\s*=\s*[\"']([A-Za-z0-9._-]+)")


def _mislabelled_windows_1252(data: bytes) -> tuple[bytes, str | None]:
    """A document that says (or by default is) UTF-8 but is not, transcoded from windows-1252:
    PHP CMSs write their database's Latin bytes under a UTF-8 declaration (`caf\xe9`, curly
    quotes 0x93/0x94), which libxml2 would stop at or turn into U+FFFD inside a URL."""
    declared = _DECLARED_ENCODING.match(data)
    if declared and declared.group(1).lower().replace(b"_", b"-") not in (b"utf-8", b"utf8"):
        return data, None
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace").encode("utf-8"), "utf-8"
    return data, None


def _parser_options(recover: bool, encoding: str | None) -> dict:
    return {
        "resolve_entities": False,
        "no_network": True,
        "load_dtd": False,
        "dtd_validation": False,
        "huge_tree": False,
        "remove_comments": True,
        "remove_pis": True,
        "recover": recover,
        "encoding": encoding,
    }


def _check_root(element: etree._Element) -> None:
    docinfo = element.getroottree().docinfo
    # belt and braces: an encoding the prolog check could not read (EBCDIC...) still ends here
    subset = docinfo.internalDTD
    declares = subset is not None and (any(subset.iterentities()) or any(subset.iterelements()))
    if declares or (docinfo.doctype and not docinfo.public_id):
        raise DiscoveryError("XML with a DTD refused (entity expansion / XXE guard)", "entity")
    if local_name(element).lower() == "html":
        raise DiscoveryError("an HTML page, not XML", reason="html")


def parse_xml(
    data: bytes,
    *,
    max_bytes: int = MAX_XML_BYTES,
    recover: bool = False,
    base_url: str | None = None,
) -> etree._Element:
    """Parse a whole XML document safely and return its root element (DiscoveryError if unsafe/broken).

    `base_url` is the document's own URL: `element.base` then resolves `xml:base` against it.
    """
    data, encoding = _prepare(data, max_bytes)
    parser = etree.XMLParser(**_parser_options(recover, encoding))
    try:
        root = etree.fromstring(data, parser, base_url=base_url)
    except etree.XMLSyntaxError as exc:
        raise DiscoveryError(f"malformed XML: {exc}") from None
    if root is None:
        raise DiscoveryError("no XML element could be recovered")
    _check_root(root)
    return root


def local_name(element: etree._Element) -> str:
    """An element's tag without its namespace (`{ns}loc` -> `loc`)."""
    tag = element.tag
    if not isinstance(tag, str):
        return ""
    return tag.rsplit("}", 1)[-1]


def namespace(element: etree._Element) -> str:
    """An element's namespace URI, or '' when it has none."""
    tag = element.tag
    if isinstance(tag, str) and tag.startswith("{"):
        return tag[1 : tag.index("}")]
    return ""


def stream_children(
    data: bytes, *, max_bytes: int = MAX_XML_BYTES, recover: bool = False
) -> tuple[etree._Element, Iterator[etree._Element]]:
    """Parse incrementally: return the root element and an iterator over its direct children.

    Each child is complete when yielded and freed when the iterator resumes, so memory stays
    bounded by one child however long the file. Errors surface as DiscoveryError from either call
    (with `recover`, libxml2 repairs what it can and only an unusable document is an error).
    """
    data, encoding = _prepare(data, max_bytes)
    options = _parser_options(recover, encoding)
    events = etree.iterparse(io.BytesIO(data), events=("start", "end"), **options)
    try:
        _event, root = next(events)
    except StopIteration:
        raise DiscoveryError("no XML root element") from None
    except etree.XMLSyntaxError as exc:
        raise DiscoveryError(f"malformed XML: {exc}") from None
    _check_root(root)

    def children() -> Iterator[etree._Element]:
        """Each direct child of the root, complete; the previous ones are freed."""
        depth = 1
        try:
            for event, element in events:
                if event == "start":
                    depth += 1
                    continue
                depth -= 1
                if depth != 1:
                    continue
                yield element
                element.clear()  # the lxml FAQ's iterparse pattern: free done children
                while element.getprevious() is not None:
                    del root[0]
        except etree.XMLSyntaxError as exc:
            raise DiscoveryError(f"malformed XML: {exc}") from None

    return root, children()


# --- decompression ----------------------------------------------------------------------


def _too_large(cap: int) -> DiscoveryError:
    return DiscoveryError(f"decompressed body exceeds the cap of {cap} bytes", reason="too-large")


class _Output:
    """Decompressed pieces kept up to `cap + 1` bytes: a list, so no buffer regrowth or copies."""

    def __init__(self, cap: int) -> None:
        self.cap = cap
        self.pieces: list[bytes] = []
        self.size = 0

    def room(self) -> int:
        """Bytes to ask the decoder for next: one chunk, never past one byte over the cap."""
        return min(OUTPUT_CHUNK, self.cap + 1 - self.size)

    def add(self, piece: bytes) -> None:
        """Keep a piece; DiscoveryError('too-large') once the total passes the cap."""
        if piece:
            self.pieces.append(piece)
            self.size += len(piece)
            if self.size > self.cap:
                raise _too_large(self.cap)

    def value(self) -> bytes:
        """All pieces joined."""
        return b"".join(self.pieces)


def _inflate(data: bytes, wbits: int, cap: int, multi_member: bool) -> bytes:
    out = _Output(cap)
    while True:
        decompressor = zlib.decompressobj(wbits)
        view = memoryview(data)
        position = 0
        try:
            while not decompressor.eof:
                if decompressor.unconsumed_tail:
                    source: bytes | memoryview = decompressor.unconsumed_tail
                elif position < len(data):
                    source = view[position : position + INPUT_CHUNK]
                    position += INPUT_CHUNK
                else:
                    source = b""  # input used up: drain what the decoder still holds
                piece = decompressor.decompress(source, out.room())
                if not piece and not source:
                    raise DiscoveryError("truncated compressed body")
                out.add(piece)
        except zlib.error as exc:
            raise DiscoveryError(f"corrupt compressed body: {exc}") from None
        rest = decompressor.unused_data + bytes(view[position:])
        if not multi_member or not rest.strip(b"\x00") or not rest.startswith(_GZIP_MAGIC):
            return out.value()  # trailing NUL padding or garbage is ignored, as gzip(1) does
        data = rest


def _brotli(data: bytes, cap: int) -> bytes:
    out = _Output(cap)
    decompressor = brotli.Decompressor()
    if not hasattr(decompressor, "can_accept_more_data"):  # brotli < 1.2 cannot bound its output
        raise DiscoveryError("brotli >= 1.2 is needed for capped decompression", reason="encoding")
    view = memoryview(data)
    try:
        for position in range(0, len(data), INPUT_CHUNK):
            chunk = bytes(view[position : position + INPUT_CHUNK])
            out.add(decompressor.process(chunk, output_buffer_limit=out.room()))
            while not decompressor.can_accept_more_data():
                piece = decompressor.process(b"", output_buffer_limit=out.room())
                if not piece:
                    break
                out.add(piece)
        while not decompressor.is_finished():
            piece = decompressor.process(b"", output_buffer_limit=out.room())
            if not piece:
                raise DiscoveryError("truncated brotli body")
            out.add(piece)
    except brotli.error as exc:
        raise DiscoveryError(f"corrupt brotli body: {exc}") from None
    return out.value()


def _check_zstd_frames(data: bytes) -> None:
    """Walk zstd frame and block headers (RFC 8878 section 3.1) so a truncated body is an error."""
    position = 0
    length = len(data)
    while position < length:
        if length - position < 4:
            raise DiscoveryError("truncated zstd body")
        magic = int.from_bytes(data[position : position + 4], "little")
        position += 4
        if _ZSTD_SKIPPABLE_MIN <= magic <= _ZSTD_SKIPPABLE_MAX:
            size = int.from_bytes(data[position : position + 4], "little")
            position += 4 + size
            continue
        if magic != _ZSTD_MAGIC:
            raise DiscoveryError("corrupt zstd body: bad frame magic")
        if position >= length:
            raise DiscoveryError("truncated zstd body")
        descriptor = data[position]
        position += 1
        single_segment = bool(descriptor & 0x20)
        has_checksum = bool(descriptor & 0x04)
        dictionary_id_size = (0, 1, 2, 4)[descriptor & 0x03]
        content_size_size = (1 if single_segment else 0, 2, 4, 8)[descriptor >> 6]
        position += (0 if single_segment else 1) + dictionary_id_size + content_size_size
        while True:
            if position + 3 > length:
                raise DiscoveryError("truncated zstd body")
            header = int.from_bytes(data[position : position + 3], "little")
            position += 3
            block_type = (header >> 1) & 0x03
            block_size = header >> 3
            if block_type == 3:
                raise DiscoveryError("corrupt zstd body: reserved block type")
            position += 1 if block_type == 1 else block_size
            if header & 0x01:
                break
        position += 4 if has_checksum else 0
    if position > length:
        raise DiscoveryError("truncated zstd body")


def _zstd(data: bytes, cap: int) -> bytes:
    _check_zstd_frames(data)
    out = _Output(cap)
    decompressor = zstandard.ZstdDecompressor(max_window_size=ZSTD_MAX_WINDOW)
    try:
        with decompressor.stream_reader(io.BytesIO(data), read_across_frames=True) as reader:
            while piece := reader.read(out.room()):
                out.add(piece)
    except zstandard.ZstdError as exc:
        raise DiscoveryError(f"corrupt zstd body: {exc}") from None
    return out.value()


def decompress_capped(data: bytes, encoding: str, cap: int) -> bytes:
    """Decode one HTTP content coding (gzip, deflate, br, zstd, identity), refusing output above `cap` bytes."""
    if cap <= 0:
        raise DiscoveryError(f"decompression cap must be positive, got {cap}", reason="encoding")
    if not isinstance(data, bytes | bytearray | memoryview):
        raise DiscoveryError(f"compressed body must be bytes, not {type(data).__name__}")
    data = bytes(data)
    coding = (encoding or "identity").strip().lower()
    if coding in ("identity", ""):
        if len(data) > cap:
            raise _too_large(cap)
        return data
    if coding in ("gzip", "x-gzip"):
        return _inflate(data, 16 + zlib.MAX_WBITS, cap, multi_member=True)
    if coding == "deflate":
        # RFC 9110 says zlib-wrapped; some servers send raw deflate (Scrapy accepts both too)
        zlib_wrapped = (
            len(data) >= 2 and (data[0] & 0x0F) == 8 and (data[0] << 8 | data[1]) % 31 == 0
        )
        return _inflate(data, zlib.MAX_WBITS if zlib_wrapped else -zlib.MAX_WBITS, cap, False)
    if coding in ("br", "brotli"):
        return _brotli(data, cap)
    if coding in ("zstd", "x-zstd"):
        return _zstd(data, cap)
    raise DiscoveryError(f"unsupported content coding {encoding!r}", reason="encoding")


def decode_content(data: bytes, content_encoding: str | None, cap: int) -> bytes:
    """Undo a whole `Content-Encoding` header (codings applied in order, undone in reverse), capped."""
    codings = [c.strip() for c in (content_encoding or "").split(",") if c.strip()]
    if not codings:
        return decompress_capped(data, "identity", cap)
    for coding in reversed(codings):
        data = decompress_capped(data, coding, cap)
    return data


def gunzip_if_gzipped(data: bytes, cap: int) -> bytes:
    """Decompress a body that starts with the gzip magic (a `.xml.gz` file); other bodies pass, capped."""
    if data[:2] == _GZIP_MAGIC:
        return decompress_capped(data, "gzip", cap)
    return decompress_capped(data, "identity", cap)
