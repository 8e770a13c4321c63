"""Indonesian word stems for search: Sastrawi stemming of texts and of FTS5 queries."""

from __future__ import annotations

import re
import sqlite3
import string
from collections.abc import Iterator
from dataclasses import dataclass, field

from Sastrawi.Stemmer.StemmerFactory import StemmerFactory

STEM_FUNCTION = "warta_stem"
"""SQL name of `stem_text` on the Archive's connection; the stem index triggers call it."""
STEM_QUERY_FUNCTION = "warta_stem_query"
"""SQL name of `stem_query(...).fts` (Datasette registers it for its stemmed canned query)."""

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
_SEPARATORS = str.maketrans(
    dict.fromkeys(
        string.punctuation + "\u201c\u201d\u2018\u2019\u2013\u2014\u2026\u00ab\u00bb\u00b7\u2022",
        " ",
    )
)
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
    words = text.lower().translate(_SEPARATORS).split()
    try:  # the common case, every word seen before, runs at C speed
        return " ".join(map(_cache.__getitem__, words))
    except KeyError:
        return " ".join([_stem_piece(word) for word in words])


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
    """Make `warta_stem(text)` and `warta_stem_query(query)` callable from SQL on a connection."""
    conn.create_function(STEM_FUNCTION, 1, stem_text, deterministic=True)
    conn.create_function(STEM_QUERY_FUNCTION, 1, _stem_query_sql, deterministic=True)


@dataclass
class StemmedQuery:
    """An FTS5 query rewritten onto stems, and what a snippet should highlight."""

    fts: str
    """The query for `articles_stem_fts`: same operators and columns, each word stemmed."""
    stems: set[str] = field(default_factory=set)
    """Stems of the searched words (and of phrase words)."""
    prefixes: set[str] = field(default_factory=set)
    """Prefix terms (`bangun*`), lower-case, matched against stems as typed."""
    literal_words: set[str] = field(default_factory=set)
    """The searched words as typed, lower-case (what `--exact` highlights)."""


def stem_query(query: str) -> StemmedQuery:
    """Rewrite an FTS5 query so that each word matches every form sharing its stem.

    Operators (AND, OR, NOT, NEAR), parentheses, column filters (`title:`, `{title body}:`),
    `^` and `+` pass through; words and phrase contents become stems; prefix terms stay as typed.
    Malformed syntax is left malformed so that SQLite reports it."""
    pieces = _lex(query)
    out: list[str] = []
    result = StemmedQuery(fts="")
    in_braces = False
    for index, (kind, text) in enumerate(pieces):
        following = _next_significant(pieces, index)
        if kind == "char":
            in_braces = (in_braces or text == "{") and text != "}"
            out.append(text)
        elif kind == "space":
            out.append(text)
        elif kind == "string":
            inner = text[1:-1].replace('""', '"') if _closed(text) else None
            if inner is None:
                out.append(text)
            elif following == "*":
                result.prefixes.add(" ".join(tokens(inner)))
                out.append(text)
            else:
                result.literal_words.update(tokens(inner))
                stemmed = stem_text(inner) or ""
                result.stems.update(stemmed.split())
                out.append(_quote(stemmed) if stemmed else text)
        else:  # bareword
            if (
                in_braces
                or text in _OPERATORS
                or following == ":"
                or (text == "NEAR" and following == "(")
            ):
                out.append(text)
            elif following == "*":
                result.prefixes.add(text.lower())
                out.append(text)
            else:
                result.literal_words.update(tokens(text))
                stemmed = stem_text(text) or ""
                words = stemmed.split()
                result.stems.update(words)
                if not words:
                    out.append(text)
                elif len(words) == 1 and words[0].isalnum() and words[0] not in _OPERATORS:
                    out.append(words[0])
                else:
                    out.append(_quote(stemmed))
    result.fts = "".join(out)
    return result


def _stem_query_sql(query: str | None) -> str | None:
    return None if query is None else stem_query(str(query)).fts


def _quote(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


def _closed(string_piece: str) -> bool:
    return (
        len(string_piece) >= 2
        and string_piece.endswith('"')
        and _lex_string_end(string_piece, 0) == len(string_piece)
    )


def _lex_string_end(query: str, start: int) -> int:
    """Index just past the string starting at `start` (len(query) + 1 when unterminated)."""
    position = start + 1
    while position < len(query):
        if query[position] == '"':
            if position + 1 < len(query) and query[position + 1] == '"':
                position += 2
                continue
            return position + 1
        position += 1
    return len(query) + 1


def _lex(query: str) -> list[tuple[str, str]]:
    """Split an FTS5 query into (`space` | `string` | `bareword` | `char`, text) pieces."""
    pieces: list[tuple[str, str]] = []
    position = 0
    while position < len(query):
        char = query[position]
        if char.isspace():
            end = position
            while end < len(query) and query[end].isspace():
                end += 1
            pieces.append(("space", query[position:end]))
        elif char == '"':
            end = min(_lex_string_end(query, position), len(query))
            pieces.append(("string", query[position:end]))
        elif _BAREWORD_CHAR.match(char):
            end = position
            while end < len(query) and _BAREWORD_CHAR.match(query[end]):
                end += 1
            pieces.append(("bareword", query[position:end]))
        else:
            end = position + 1
            pieces.append(("char", char))
        position = end
    return pieces


def _next_significant(pieces: list[tuple[str, str]], index: int) -> str | None:
    """Text of the next piece after `index` that is not whitespace."""
    for kind, text in pieces[index + 1 :]:
        if kind != "space":
            return text
    return None
