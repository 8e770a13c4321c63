"""Scoring rules of ../shared/corpus/README.md: shingle F1 for bodies, leaks, folded exact matches."""

from __future__ import annotations

import gzip
import json
import re
import unicodedata
from collections import Counter
from pathlib import Path

SHARED = Path(__file__).resolve().parent.parent.parent / "shared"
CORPUS = SHARED / "corpus"
SHINGLE = 4  # the corpus README's metric: multisets of 4-token shingles

_WORD = re.compile(r"\w+")


def tokens(text: str | None) -> list[str]:
    """Unicode word runs, lower-cased."""
    return [t.lower() for t in _WORD.findall(text or "")]


def shingles(text: str | None) -> Counter:
    """Multiset of 4-token shingles (a shorter text is one shingle of all its tokens)."""
    toks = tokens(text)
    if len(toks) < SHINGLE:
        return Counter([tuple(toks)]) if toks else Counter()
    return Counter(tuple(toks[i : i + SHINGLE]) for i in range(len(toks) - SHINGLE + 1))


def precision_recall(predicted: str | None, gold: str | None) -> tuple[float, float]:
    """Per-document shingle precision and recall."""
    p, g = shingles(predicted), shingles(gold)
    shared = sum((p & g).values())
    precision = shared / sum(p.values()) if p else 0.0
    recall = shared / sum(g.values()) if g else 0.0
    return precision, recall


def corpus_f1(pairs: list[tuple[float, float]]) -> tuple[float, float, float]:
    """Mean precision, mean recall and their harmonic mean over documents."""
    if not pairs:
        return 0.0, 0.0, 0.0
    precision = sum(p for p, _ in pairs) / len(pairs)
    recall = sum(r for _, r in pairs) / len(pairs)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def leaks(predicted: str | None, forbidden: str) -> bool:
    """True when the forbidden string's token sequence occurs in the predicted body."""
    needle = tokens(forbidden)
    if not needle:
        return False
    hay = tokens(predicted)
    n = len(needle)
    return any(hay[i : i + n] == needle for i in range(len(hay) - n + 1))


def fold(text: str | None) -> str:
    """Unicode whitespace and case folding for exact comparisons."""
    return " ".join(unicodedata.normalize("NFKC", text or "").split()).casefold()


def same_set(predicted: list[str] | None, gold: list[str] | None) -> bool:
    """Author lists compare as sets of folded names."""
    return {fold(x) for x in predicted or []} == {fold(x) for x in gold or []}


def read_page(path: Path) -> bytes:
    """A corpus page's bytes (pages are gzip-compressed)."""
    return gzip.decompress(path.read_bytes())


def load_gold(name: str):
    """A corpus set's gold.json, or None when ../shared is absent."""
    path = CORPUS / name / "gold.json"
    if not path.exists():
        return None
    return json.loads(path.read_text(encoding="utf-8"))
