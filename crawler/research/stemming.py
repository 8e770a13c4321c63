"""Indonesian word stems for search: Sastrawi stemming of texts and of FTS5 queries."""

from __future__ import annotations

import re
import string
from collections.abc import Iterator

from Sastrawi.Stemmer.StemmerFactory import StemmerFactory
from sqlite_utils.utils import (
    sqlite3,  # the SQLite library sqlite-utils connects with (crawler.archive.sqlite.SQLITE_MODULE)
)

STEM_FUNCTION = "warta_stem"
"""SQL name of `stem_text` on the Archive's connection; the stem index triggers call it."""
STEMMER_VERSION = 1
"""Bump with a migration that rebuilds `articles_stem_fts` whenever `stem_text` changes output:
the contentless stem index deletes a row by re-stemming its old text, so both must agree."""

CACHE_MAX_WORDS = 500_000
"""Stems remembered per process (~60 MB at most). A month of regional news has ~150k distinct
tokens, so the cache rarely fills; when it does it starts over rather than growing without bound."""

# A token as FTS5's unicode61 tokenizer sees one: a run of letters and digits ("_" separates).
_TOKEN = re.compile(r"[^\W_]+")
# Fast path of stem_text: the punctuation of news text becomes a space before splitting; any
# other non-letter left inside a piece is split off by _TOKEN on the slow path.
_TYPOGRAPHIC = "\u201c\u201d\u2018\u2019\u2013\u2014\u2026\u00ab\u00bb\u00b7\u2022"
_SEPARATORS = str.maketrans(dict.fromkeys(string.punctuation + _TYPOGRAPHIC, " "))
_ASCII_SEPARATORS = str.maketrans(dict.fromkeys(string.punctuation, " "))
_FOLDED = (*_TYPOGRAPHIC, "\xa0")
"""Replaced by a space before `translate`, which is fast only on ASCII text (CPython walks any
other text char by char): splitting a 4,175-character paragraph with curly quotes, dashes and an
ellipsis took 464 us, 106 with these folded first. The no-break space splits words either way."""
_BAREWORD_CHAR = re.compile(r"[A-Za-z0-9_\x1a\x80-\U0010ffff]")
_OPERATORS = frozenset({"AND", "OR", "NOT"})

_stemmer = StemmerFactory().create_stemmer().delegatedStemmer  # the uncached Stemmer
_cache: dict[str, str] = {}


def stem_word(token: str) -> str:
    """The Sastrawi stem of one lower-case token (`pembangunan` -> `bangun`), cached."""
    found = _cache.get(token)
    if found is None:
        if len(_cache) >= CACHE_MAX_WORDS:
            _cache.clear()
        found = _stemmer.stem_word(token) or token
        _cache[token] = found
    return found


def tokens(text: str) -> list[str]:
    """Lower-case tokens of a text, split as FTS5 unicode61 splits them."""
    return _TOKEN.findall(text.lower())


def iter_token_spans(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) offsets of the tokens of a text, split as FTS5 unicode61 splits them."""
    return (m.span() for m in _TOKEN.finditer(text))


def stem_text(text: str | None) -> str | None:
    """The text as space-separated stems in reading order (None stays None)."""
    if text is None:
        return None
    if not isinstance(text, str):
        text = str(text)
    words = _separated(text.lower()).split()
    try:  # the common case, every word seen before, runs at C speed
        return " ".join(map(_cache.__getitem__, words))
    except KeyError:
        return " ".join([_stem_piece(word) for word in words])


def _separated(text: str) -> str:
    """The text with its separator punctuation as spaces (`_SEPARATORS`), on translate's fast
    path whenever folding `_FOLDED` leaves it ASCII."""
    if not text.isascii():
        for mark in _FOLDED:
            text = text.replace(mark, " ")
        if not text.isascii():
            return text.translate(_SEPARATORS)
    return text.translate(_ASCII_SEPARATORS)


def _stem_piece(word: str) -> str:
    """Stems of one whitespace-separated piece: one token, or several when punctuation that
    `_SEPARATORS` does not list still joins them (cached under the whole piece)."""
    found = _cache.get(word)
    if found is not None:
        return found
    parts = _TOKEN.findall(word)
    if parts == [word]:
        return stem_word(word)
    found = " ".join(stem_word(part) for part in parts)
    _cache[word] = found
    return found


def site_token(site: str | None) -> str:
    """The one-token form of a portal name in the stem index's `site_key` column: `s` and the
    hex of its UTF-8 bytes, as SQL's `'s' || hex(site)` writes it (migration m009)."""
    return "s" + (site or "").encode("utf-8").hex().upper()


def stem_row(
    title: str | None, body: str | None, authors: str | None, site: str | None
) -> tuple[str | None, str | None, str | None, str]:
    """The values of one `articles_stem_fts` row (title, body, authors, site_key) for an
    article's stored title, body, authors (JSON text) and site."""
    return stem_text(title), stem_text(body), stem_text(authors), site_token(site)


def register(conn: sqlite3.Connection) -> None:
    """Make `warta_stem(text)` callable from SQL on a connection (the delete trigger calls it);
    once per connection (SQLite refuses to replace a function while a statement is open)."""
    try:
        conn.execute(f"SELECT {STEM_FUNCTION}(NULL)").fetchone()
        return
    except sqlite3.OperationalError:  # no such function yet
        pass
    conn.create_function(STEM_FUNCTION, 1, stem_text, deterministic=True)
