"""Response plumbing shared by the channels: header look-up, body coercion, HTML sniffing."""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from typing import Any

from crawler.discovery.records import DiscoveryError

HTML_SNIFF_BYTES = 1024
"""Bytes looked at to tell an HTML page from XML/JSON (a doctype or `<html>` comes first;
the WHATWG MIME sniffing algorithm also looks at the first 512 bytes after whitespace)."""


SERVER_NOISE_MAX_BYTES = 16 * 1024
"""Bytes a misconfigured server may print before a document and still have it read: a PHP
warning (`<br /><b>Warning</b>: Cannot modify header information ...`) is ~300 bytes, a page of
them a few KB."""

JSON_AFTER_NOISE_TRIES = 8
"""Brackets after which `json_after_server_noise` tries to decode (a PHP warning's text seldom
holds one; each failed try is quick, a successful one reads the whole body)."""


_PHP_MESSAGE = re.compile(
    r"\s*(?:<br\s*/?>\s*)*(?:<b>)?\s*(?:PHP\s+)?(?:Warning|Notice|Deprecated|Strict Standards"
    r"|Fatal error|Parse error)\b",
    re.I,
)
"""The start of a PHP message a server printed into its answer (`<br /><b>Deprecated</b>: ...`)."""


def json_after_server_noise(data: bytes) -> Any:
    """The JSON value of a body a server printed PHP messages around: the first `[` or `{` within
    SERVER_NOISE_MAX_BYTES that starts a value running to the end of the body, or to a PHP message
    printed after it (at most SERVER_NOISE_MAX_BYTES). Callers try it only after the body failed
    to decode whole. ValueError when none does."""
    text = data.decode("utf-8")
    decoder = json.JSONDecoder()
    for tries, bracket in enumerate(re.finditer(r"[\[{]", text[:SERVER_NOISE_MAX_BYTES])):
        if tries >= JSON_AFTER_NOISE_TRIES:
            break
        try:
            value, end = decoder.raw_decode(text, bracket.start())
        except ValueError:
            continue
        rest = text[end:]
        if not rest.strip():
            return value
        if len(rest) <= SERVER_NOISE_MAX_BYTES and _PHP_MESSAGE.match(rest):
            return value
    raise ValueError("no JSON value after the server's output")


def _text(value: Any) -> str:
    if isinstance(value, bytes | bytearray):
        return bytes(value).decode("latin-1")
    return str(value)


def header_values(headers: Any, name: str) -> list[str]:
    """All values of a header from a dict (str or bytes keys, str/bytes/list values) or Scrapy Headers."""
    if not headers:
        return []
    getlist = getattr(headers, "getlist", None)
    if callable(getlist):
        try:
            return [_text(v) for v in getlist(name)]
        except Exception:  # a foreign object with a getlist of another shape: fall through
            pass
    if not isinstance(headers, Mapping):
        try:
            headers = dict(headers)
        except (TypeError, ValueError):
            return []
    wanted = name.lower()
    found: list[str] = []
    for key, value in headers.items():
        if _text(key).lower() != wanted:
            continue
        values = value if isinstance(value, list | tuple) else [value]
        found.extend(_text(v) for v in values if v is not None)
    return found


def header_value(headers: Any, name: str) -> str | None:
    """The first value of a header, stripped, or None."""
    values = header_values(headers, name)
    return values[0].strip() if values else None


def as_bytes(body: Any) -> bytes:
    """A response body as bytes (str is encoded as UTF-8; None is empty)."""
    if body is None:
        return b""
    if isinstance(body, bytes):
        return body
    if isinstance(body, bytearray | memoryview):
        return bytes(body)
    if isinstance(body, str):
        return body.encode("utf-8")
    raise DiscoveryError(f"body must be bytes or str, not {type(body).__name__}")


def looks_like_html(body: bytes) -> bool:
    """True when the body starts like an HTML page (doctype html, <html>, <head> or <body>)."""
    head = body[:HTML_SNIFF_BYTES].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    while head.startswith(b"<!--"):  # skip leading comments (WordPress cache plugins add some)
        end = head.find(b"-->")
        if end < 0:
            return False
        head = head[end + 3 :].lstrip()
    return head.startswith((b"<!doctype html", b"<html", b"<head", b"<body"))


def link_header(headers: Any) -> list[tuple[str, set[str]]]:
    """RFC 8288 `Link` header entries as (target URL, lower-cased rel tokens)."""
    entries: list[tuple[str, set[str]]] = []
    for value in header_values(headers, "link"):
        for part in value.split(","):
            target, _, params = part.strip().partition(">")
            if not target.startswith("<"):
                continue
            rels: set[str] = set()
            for param in params.split(";"):
                name, _, param_value = param.strip().partition("=")
                if name.strip().lower() == "rel":
                    rels.update(param_value.strip().strip('"').lower().split())
            entries.append((target[1:].strip(), rels))
    return entries
