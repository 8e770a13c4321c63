"""Response bytes -> text: the browser's charset order, made robust against charsets that lie."""

from __future__ import annotations

import codecs
import re
from collections.abc import Mapping
from functools import cache
from typing import Any

META_SCAN_BYTES = 8192
"""How far into the document a `<meta charset>` is looked for. Browsers prescan 1024 bytes; real
portals put 3-6 kB of scripts and link tags before their meta, so we look further."""

FALLBACK_ENCODING = "cp1252"
"""What browsers assume for an undeclared, non-UTF-8 Western page (WHATWG encoding standard)."""

_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# The WHATWG encoding standard decodes these labels as windows-1252, which is a superset.
_WHATWG_ALIASES = {
    "iso-8859-1": "cp1252",
    "iso8859-1": "cp1252",
    "latin1": "cp1252",
    "latin-1": "cp1252",
    "l1": "cp1252",
    "us-ascii": "cp1252",
    "ascii": "cp1252",
    "windows-1252": "cp1252",
    "x-user-defined": "cp1252",
    "unicode": "utf-8",
    "utf8": "utf-8",
}

_HEADER_CHARSET = re.compile(r"charset\s*=\s*[\"']?\s*([\w.:-]+)", re.IGNORECASE)
_META_CHARSET = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?\s*([\w.:-]+)", re.IGNORECASE)
# Characters that XML (and so lxml) refuses: C0 controls except tab/newline/return, and
# the non-characters U+FFFE/U+FFFF. Looking for each with `in` is ~4x faster than one regex scan
# of a page that has none of them (nearly every page).
_XML_ILLEGAL_CHARS = tuple(
    chr(code) for code in (*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0xFFFE, 0xFFFF)
)
_XML_ILLEGAL = re.compile("[" + re.escape("".join(_XML_ILLEGAL_CHARS)) + "]")


def normalise_encoding(label: str | None) -> str | None:
    """A Python codec name for a charset label, or None when Python does not know it."""
    if not label:
        return None
    label = label.strip().strip("\"'").lower()
    label = _WHATWG_ALIASES.get(label, label)
    try:
        return codecs.lookup(label).name
    except (LookupError, ValueError):
        return None


def header_charset(headers: Mapping[str, str] | None) -> str | None:
    """The codec named by a `Content-Type` header's charset parameter, if any."""
    if not headers:
        return None
    for key, value in headers.items():
        if str(key).lower() == "content-type" and value:
            match = _HEADER_CHARSET.search(str(value))
            if match:
                return normalise_encoding(match.group(1))
    return None


def meta_charset(body: bytes) -> str | None:
    """The codec named by `<meta charset>` or `<meta http-equiv=Content-Type>` near the start."""
    match = _META_CHARSET.search(body[:META_SCAN_BYTES])
    if not match:
        return None
    return normalise_encoding(match.group(1).decode("ascii", "ignore"))


def _is_utf8(body: bytes) -> bool:
    try:
        body.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


MOSTLY_UTF8_SHARE = 0.9
"""Share of multi-byte UTF-8 sequences among non-ASCII runs above which an undeclared page with a
few stray bytes is still read as UTF-8 (one bad byte should not garble every accented letter)."""

_NON_ASCII_RUN = re.compile(rb"[\x80-\xff]+")


def _mostly_utf8(body: bytes) -> bool:
    runs = _NON_ASCII_RUN.findall(body)
    if not runs:
        return False
    utf8_runs = sum(1 for run in runs if _is_utf8(run))
    return utf8_runs / len(runs) >= MOSTLY_UTF8_SHARE


def detect_encoding(body: bytes, headers: Mapping[str, str] | None = None) -> str:
    """The codec to decode `body` with: BOM, valid UTF-8, HTTP header, `<meta>`, then cp1252.

    Valid UTF-8 wins over any declaration: a page in a legacy charset whose non-ASCII bytes also
    happen to form valid UTF-8 sequences is vanishingly rare, while portals that declare
    iso-8859-1 and send UTF-8 are common.
    """
    for bom, name in _BOMS:
        if body.startswith(bom):
            return name
    if _is_utf8(body):
        return "utf-8"
    declared = header_charset(headers) or meta_charset(body)
    if declared in ("utf-16", "utf-16-le", "utf-16-be"):
        # A BOM-less page that calls itself UTF-16 is ASCII-compatible bytes in practice.
        declared = None
    if declared:
        return declared
    return "utf-8" if _mostly_utf8(body) else FALLBACK_ENCODING


def decode_html(body: bytes | str | None, headers: Mapping[str, str] | None = None) -> str:
    """Page text from response bytes (a str passes through); never raises, never returns None."""
    if body is None:
        return ""
    if isinstance(body, str):
        text = body
    else:
        try:
            data = bytes(body)
        except (TypeError, ValueError):
            return ""
        utf8_text = _valid_utf8_text(data)
        if utf8_text is not None:
            text = utf8_text
        else:
            encoding = detect_encoding(data, headers)
            for bom, name in _BOMS:
                if name == encoding and data.startswith(bom):
                    data = data[len(bom) :]
            try:
                text = data.decode(encoding, errors="replace")
            except (LookupError, ValueError):
                text = data.decode(FALLBACK_ENCODING, errors="replace")
    if any(char in text for char in _XML_ILLEGAL_CHARS):
        text = _XML_ILLEGAL.sub("", text)
    if len(text) <= MOJIBAKE_REPAIR_MAX_CHARS and _may_be_mojibake(text):
        text = repair_mojibake(text)
    return text


def _may_be_mojibake(text: str) -> bool:
    """`_MOJIBAKE` searched only in a text holding one of its lead characters (`str.__contains__`
    scans 20x faster than the regex, and most pages hold none of them)."""
    return ("â" in text or "Ã" in text or "Â" in text) and bool(_MOJIBAKE.search(text))


MOJIBAKE_REPAIR_MAX_CHARS = 4_000_000
"""Pages longer than this keep their marks: the repair costs ~0.6 s a megabyte, the largest real
article page in the corpus is under 2 MB, and a hostile 20 MB page must not cost ten seconds."""


_MOJIBAKE = re.compile("â€|â\x80|Ã[\x80-\xbf]|Â[\x80-\xbf]")
r"""UTF-8 punctuation and accents read as windows-1252 or Latin-1 (`â€™`, `â\x80\x99` for `’`,
`Ã©` for `é`, `Â®` for `®`): the marks of a text encoded twice, which some sites serve (13 of the
1,719 dev pages, all valid UTF-8 bytes). Other text never pairs these characters so."""


def repair_mojibake(text: str) -> str:
    """`text` with its doubly encoded runs decoded once more, by ftfy (which leaves a run alone
    unless the repair reads better: `Âge` stays); only the encoding is fixed, not the markup,
    quotes, widths or line breaks. Unchanged when ftfy is not installed."""
    try:
        import ftfy
    except ImportError:  # a declared dependency; without it the page keeps its marks
        return text
    try:
        return ftfy.fix_text(text, _encoding_only(ftfy))
    except Exception:  # the library's own bug on a hostile page must not cost the page
        return text


def _valid_utf8_text(data: bytes) -> str | None:
    """The text of a page without a BOM that is valid UTF-8 (what `detect_encoding` picks for it,
    decoded once instead of twice), else None."""
    if data.startswith(tuple(bom for bom, _ in _BOMS)):
        return None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return None


@cache
def _encoding_only(ftfy: Any) -> Any:
    """ftfy's configuration with every fix but the encoding's turned off."""
    return ftfy.TextFixerConfig(
        unescape_html=False, remove_terminal_escapes=False, fix_latin_ligatures=False,
        fix_character_width=False, uncurl_quotes=False, fix_line_breaks=False,
        fix_surrogates=False, remove_control_chars=False, normalization=None, explain=False,
    )  # fmt: skip
