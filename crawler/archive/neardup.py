"""Near-duplicate clusters: MinHash of clean bodies, LSH candidates, cluster ids and canonical copies."""

from __future__ import annotations

import hashlib
import logging
import re
import sys
import time
import unicodedata
import zlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime

import numpy as np
from datasketch import LeanMinHash, MinHash, MinHashLSH
from datasketch.minhash import _fmix

logger = logging.getLogger(__name__)

SHINGLE_WORDS = 4
"""Words per shingle. bench/neardup.py, seed "tune", threshold 0.4: pair F1 0.9995 with 3 words,
0.9975 with 4, 0.990 with 5 (rewording breaks more long shingles). 4, not 3: real regional prose
shares more three-word formulas ("kata dia saat") between distinct stories than the generator does."""
NUM_PERM = 128
"""MinHash permutations: estimate sd <= 0.044 around the threshold (sqrt(J(1-J)/128) at J=0.4);
datasketch's default; signature time grows linearly with it."""
THRESHOLD = 0.4
"""Estimated Jaccard from which two bodies are copies of one story. bench/neardup.py, seed "tune":
precision 0.9964 / recall 0.9969 at 0.3, 1.0 / 0.9951 at 0.4, 1.0 / 0.9738 at 0.5 (copies with a
paragraph cut, "Baca juga" lines and rewording fall to ~0.45; follow-up stories that repeat one or
two background paragraphs stay under ~0.3)."""
LSH_PARAMS = (42, 3)
"""LSH bands x rows (126 of the 128 values): a pair at Jaccard 0.4 becomes a candidate with
probability 0.94 (1-(1-0.4^3)^42), at 0.5 with 0.996. bench/neardup.py, seed "tune": recall 0.9981
against 0.9951 with (32, 4) and 0.9751 with (25, 5), same precision and time."""
MAX_BUCKET = 3000
"""A band bucket of more distinct bodies is template text (schedules, price lists), not one story
copied: its 4.5M pairs would cost more than the rest of the archive; other bands still match."""
VERIFY_CHUNK = 20_000  # candidate pairs checked per numpy step: 2 x 20k x 128 x 4 bytes = 20 MB
# (bench/crawl.py: 200k per step added ~100 MB to a 5,000-article crawl for no speed gain)
MIN_SHINGLES = 8
"""Bodies with fewer distinct shingles (under ~12 words) carry too little text to call copies."""
MINHASH_SEED = 1  # datasketch's default seed: signatures equal datasketch.MinHash's own
BATCH_SHINGLES = 20_000
"""Shingles permuted per numpy batch: 20k x 128 x 4 bytes = 10 MB stays in cache; measured 3x faster
per article than 100k-shingle batches on this machine."""

_WORD = re.compile(r"\w+")
# ASCII punctuation and symbols become spaces, so `translate` + `split` gives the `\w+` runs of
# ASCII text 4x faster than the regex; other text takes the regex after NFKC.
_ASCII_SEPARATORS = str.maketrans(
    {chr(i): " " for i in range(128) if not (chr(i).isalnum() or chr(i) == "_")}
)
# Typographic punctuation common in Indonesian news (quotes, dashes, ellipsis, no-break space): folded
# to ASCII first so most bodies keep the fast path.
_TYPOGRAPHIC = ("\u201c", "\u201d", "\u2018", "\u2019", "\u2013", "\u2014", "\u2026", "\xa0")
_HASH_MULTIPLIER = np.uint64(0x9E3779B97F4A7C15)  # 2^64 / golden ratio: spreads word-hash combos
_EMPTY = np.uint32(0xFFFFFFFF)  # datasketch's "no value" for the affine32 scheme


@dataclass(frozen=True)
class Doc:
    """One archived article as clustering sees it."""

    key: str
    """Its `url_key`."""
    body: str
    published_at: str | None = None
    first_seen_at: str | None = None
    exact_copy_of: str | None = None
    """`duplicate_of` of the row: an exact copy is never canonical while its original is there."""


@dataclass(frozen=True)
class Cluster:
    """Two or more articles that tell one story."""

    cluster_id: str
    canonical: str
    """`url_key` of the earliest published copy."""
    members: tuple[str, ...]
    """Every member's `url_key`, canonical first, then by publication time."""


@dataclass
class ClusterSummary:
    """What one clustering pass of an archive found and wrote."""

    articles: int = 0
    clusters: int = 0
    clustered_articles: int = 0
    rows_changed: int = 0
    seconds: float = 0.0
    timings: dict[str, float] = field(default_factory=dict)


# -- signatures --------------------------------------------------------------------------------


class _Permutations:
    """datasketch's affine32 permutations for NUM_PERM and MINHASH_SEED, built once."""

    a: np.ndarray
    b: np.ndarray

    def __init__(self) -> None:
        perms = MinHash(num_perm=NUM_PERM, seed=MINHASH_SEED, scheme="affine32").permutations
        self.a = np.asarray(perms[0], dtype=np.uint32)
        self.b = np.asarray(perms[1], dtype=np.uint32)


_PERMS: _Permutations | None = None
_WORD_HASHES: dict[str, int] = {}
_WORD_CACHE_LIMIT = 2_000_000  # distinct words kept hashed (~200 MB); a real archive has < 1M


def _perms() -> _Permutations:
    global _PERMS
    if _PERMS is None:
        _PERMS = _Permutations()
    return _PERMS


def words(body: str | None) -> list[str]:
    """The body's words: NFKC, case-folded `\\w+` runs (so punctuation and spacing never matter)."""
    if not body:
        return []
    if not body.isascii():
        for mark in _TYPOGRAPHIC:
            body = body.replace(mark, " ")
        if not body.isascii():
            return _WORD.findall(unicodedata.normalize("NFKC", body).casefold())
    return body.translate(_ASCII_SEPARATORS).lower().split()


def _word_hashes(tokens: list[str]) -> np.ndarray:
    cache = _WORD_HASHES
    if len(cache) > _WORD_CACHE_LIMIT:
        cache.clear()
    values = list(map(cache.get, tokens))
    if None in values:
        for i, value in enumerate(values):
            if value is None:
                token = tokens[i]
                values[i] = cache[token] = zlib.crc32(token.encode("utf-8"))
    return np.array(values, dtype=np.uint64)


def shingle_hashes(body: str | None) -> np.ndarray:
    """32-bit hashes of the body's distinct SHINGLE_WORDS-word shingles (sorted; empty when the body
    is shorter than one shingle)."""
    tokens = words(body)
    n = len(tokens) - SHINGLE_WORDS + 1
    if n <= 0:
        return np.empty(0, dtype=np.uint32)
    hashed = _word_hashes(tokens)
    with np.errstate(over="ignore"):
        combined = hashed[:n].copy()
        for j in range(1, SHINGLE_WORDS):
            combined = combined * _HASH_MULTIPLIER + hashed[j : j + n]
    folded = ((combined >> np.uint64(32)) ^ combined).astype(np.uint32)
    return np.unique(folded)


def _minhash_rows(hashes: list[np.ndarray]) -> np.ndarray:
    """MinHash signatures (datasketch affine32 scheme) of several shingle-hash sets at once."""
    perms = _perms()
    out = np.full((len(hashes), NUM_PERM), _EMPTY, dtype=np.uint32)
    lengths = np.array([len(h) for h in hashes], dtype=np.int64)
    filled = np.flatnonzero(lengths)
    if filled.size == 0:
        return out
    flat = np.concatenate([hashes[i] for i in filled])
    mixed = _fmix(flat, 32)
    starts = np.concatenate(([0], np.cumsum(lengths[filled])[:-1]))
    with np.errstate(over="ignore"):
        permuted = np.multiply(perms.a[:, None], mixed[None, :])
        permuted += perms.b[:, None]
    out[filled] = np.minimum.reduceat(permuted, starts, axis=1).T
    return out


def signatures(bodies: Iterable[str | None]) -> tuple[np.ndarray, np.ndarray]:
    """MinHash signatures of bodies, row by row, and a mask of the bodies long enough to compare.

    Values equal `datasketch.MinHash(num_perm=NUM_PERM, scheme="affine32")` fed the same shingle
    hashes; computed in numpy batches instead of one Python call per shingle.
    """
    rows: list[np.ndarray] = []
    valid: list[bool] = []
    batch: list[np.ndarray] = []
    batch_size = 0
    for body in bodies:
        hashes = shingle_hashes(body)
        ok = len(hashes) >= MIN_SHINGLES
        valid.append(ok)
        batch.append(hashes if ok else hashes[:0])
        batch_size += len(hashes)
        if batch_size >= BATCH_SHINGLES:
            rows.append(_minhash_rows(batch))
            batch, batch_size = [], 0
    if batch:
        rows.append(_minhash_rows(batch))
    if not rows:
        return np.empty((0, NUM_PERM), dtype=np.uint32), np.empty(0, dtype=bool)
    return np.concatenate(rows), np.array(valid, dtype=bool)


def signature(body: str | None) -> np.ndarray | None:
    """One body's MinHash signature, or None when it is too short to compare."""
    sigs, valid = signatures([body])
    return sigs[0] if valid[0] else None


def as_minhash(sig: np.ndarray) -> LeanMinHash:
    """A signature as a datasketch LeanMinHash (for `jaccard`, LSH queries, serialisation)."""
    return LeanMinHash(seed=MINHASH_SEED, hashvalues=sig, scheme="affine32")


def estimated_jaccard(a: np.ndarray, b: np.ndarray) -> float:
    """Share of equal MinHash values: the estimate of the two shingle sets' Jaccard similarity."""
    return float(np.count_nonzero(a == b)) / NUM_PERM


# -- candidate pairs and clusters --------------------------------------------------------------


def similar_pairs(sigs: np.ndarray, valid: np.ndarray | None = None) -> list[tuple[int, int]]:
    """Index pairs (i < j) whose estimated Jaccard reaches THRESHOLD: LSH banding (LSH_PARAMS) done
    with numpy sorts instead of a hash-table index, then every candidate checked on all NUM_PERM
    values. Gives exactly the pairs of `similar_pairs_datasketch` (a test checks): two signatures
    are candidates when one band is equal in both, the criterion of datasketch's MinHashLSH.
    bench/neardup.py, 100,000 articles: several times faster than the datasketch index, and
    16 bytes an article per band instead of a Python dict entry per band and article."""
    n = len(sigs)
    keep = np.flatnonzero(np.ones(n, dtype=bool) if valid is None else valid)
    if keep.size < 2:
        return []
    # Exact duplicates share every band: pair them with one representative, band the rest.
    distinct, first, inverse = _distinct_rows(sigs[keep])
    representative = keep[first]
    rep_of = representative[inverse]
    copies = rep_of != keep
    pairs: list[tuple[int, int]] = list(
        zip(rep_of[copies].tolist(), keep[copies].tolist(), strict=True)
    )
    candidates = _band_candidates(distinct)
    for start in range(0, len(candidates), VERIFY_CHUNK):
        part = candidates[start : start + VERIFY_CHUNK]
        agree = np.count_nonzero(distinct[part[:, 0]] == distinct[part[:, 1]], axis=1)
        similar = representative[part[agree >= THRESHOLD * NUM_PERM]]
        low, high = (
            np.minimum(similar[:, 0], similar[:, 1]),
            np.maximum(similar[:, 0], similar[:, 1]),
        )
        pairs.extend(zip(low.tolist(), high.tolist(), strict=True))
    return pairs


_ROW_MIX = np.random.default_rng(20240521).integers(1, 2**63, NUM_PERM, dtype=np.uint64) | 1
"""Fixed odd multipliers that fold a signature row into one 64-bit key (seeded: deterministic)."""


def _distinct_rows(rows: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """`np.unique(rows, axis=0, return_index, return_inverse)` through a 64-bit key per row (a 1-D
    sort, ~20x faster than sorting 512-byte rows); falls back to the row sort if two different
    rows ever share a key."""
    with np.errstate(over="ignore"):
        keys = (rows.astype(np.uint64) * _ROW_MIX).sum(axis=1, dtype=np.uint64)
    _, first, inverse = np.unique(keys, return_index=True, return_inverse=True)
    inverse = inverse.ravel()
    if not np.array_equal(rows[first][inverse], rows):
        _, first, inverse = np.unique(rows, axis=0, return_index=True, return_inverse=True)
        inverse = inverse.ravel()
    return rows[first], first, inverse


def _band_candidates(distinct: np.ndarray) -> np.ndarray:
    """Row pairs (a < b) of the signature matrix equal on at least one band, without repeats."""
    bands, rows = LSH_PARAMS
    n = len(distinct)
    position = np.arange(n)
    found: list[np.ndarray] = []
    for band in range(bands):
        columns = distinct[:, band * rows : (band + 1) * rows]
        order = np.lexsort(columns.T[::-1])
        ordered = columns[order]
        # Runs of equal band values in sorted order are the LSH buckets.
        starts = np.ones(n, dtype=bool)
        starts[1:] = np.any(ordered[1:] != ordered[:-1], axis=1)
        first = np.flatnonzero(starts)
        lengths = np.diff(np.append(first, n))
        for length in lengths[lengths > MAX_BUCKET]:
            logger.warning(
                "LSH band %d: %d distinct bodies share one bucket; skipped in this band",
                band,
                length,
            )
        run_start, run_length = np.repeat(first, lengths), np.repeat(lengths, lengths)
        usable = (run_length >= 2) & (run_length <= MAX_BUCKET)
        # Every member pairs with each member after it in its run.
        after = np.where(usable, run_start + run_length - position - 1, 0)
        if not after.any():
            continue
        left = np.repeat(position, after)
        step = np.arange(len(left)) - np.repeat(np.cumsum(after) - after, after) + 1
        found.append(_ordered_pairs(order[left], order[left + step]))
    if not found:
        return np.empty((0, 2), dtype=np.int64)
    pairs = np.concatenate(found).astype(np.int64)
    codes = np.unique(pairs[:, 0] * n + pairs[:, 1])  # a 1-D sort of pair codes drops repeats
    return np.stack([codes // n, codes % n], axis=1)


def _ordered_pairs(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    return np.stack([np.minimum(a, b), np.maximum(a, b)], axis=1)


def similar_pairs_datasketch(
    sigs: np.ndarray, valid: np.ndarray | None = None
) -> list[tuple[int, int]]:
    """The same pairs as `similar_pairs`, through a datasketch MinHashLSH index (each document
    queries those inserted before it): the reference bench/neardup.py and the tests compare with."""
    n = len(sigs)
    if valid is None:
        valid = np.ones(n, dtype=bool)
    lsh = MinHashLSH(num_perm=NUM_PERM, params=LSH_PARAMS)
    pairs: list[tuple[int, int]] = []
    first_of: dict[bytes, int] = {}
    for i in range(n):
        if not valid[i]:
            continue
        row = sigs[i]
        raw = row.tobytes()
        same = first_of.get(raw)
        if same is not None:
            pairs.append((same, i))
            continue
        first_of[raw] = i
        minhash = as_minhash(row)
        found = lsh.query(minhash)
        if found:
            candidates = np.fromiter(found, dtype=np.int64, count=len(found))
            agree = np.count_nonzero(sigs[candidates] == row, axis=1)
            for j in candidates[agree >= THRESHOLD * NUM_PERM]:
                pairs.append((int(j), i))
        lsh.insert(i, minhash, check_duplication=False)
    return pairs


def _components(n: int, pairs: Iterable[tuple[int, int]]) -> list[list[int]]:
    parent = list(range(n))

    def root(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for a, b in pairs:
        ra, rb = root(a), root(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    groups: dict[int, list[int]] = {}
    for i in range(n):
        groups.setdefault(root(i), []).append(i)
    return [g for g in groups.values() if len(g) > 1]


def iso_instant(value: str | None) -> float:
    """Seconds since the epoch of an ISO 8601 time (naive = UTC); +inf when missing or unreadable."""
    if not value:
        return float("inf")
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        return float("inf")
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=UTC)
    return parsed.timestamp()


def canonical_order(doc: Doc) -> tuple:
    """Sort key of a cluster member: originals before exact copies, then earliest published,
    earliest archived, and the URL key (so ties never depend on the input order)."""
    return (
        doc.exact_copy_of is not None,
        iso_instant(doc.published_at),
        iso_instant(doc.first_seen_at),
        doc.key,
    )


def cluster_id_for(canonical_key: str) -> str:
    """Deterministic id of the cluster whose canonical copy has this `url_key` (16 hex digits of its
    SHA-1): stable while later copies join, the same on every machine and every run."""
    return hashlib.sha1(canonical_key.encode("utf-8")).hexdigest()[:16]


def group_clusters(docs: Sequence[Doc], pairs: Iterable[tuple[int, int]]) -> list[Cluster]:
    """Clusters (two or more members) from similar index pairs, each with its canonical copy."""
    clusters = []
    for group in _components(len(docs), pairs):
        members = sorted((docs[i] for i in group), key=canonical_order)
        canonical = members[0].key
        clusters.append(
            Cluster(
                cluster_id=cluster_id_for(canonical),
                canonical=canonical,
                members=tuple(d.key for d in members),
            )
        )
    clusters.sort(key=lambda c: c.cluster_id)
    return clusters


def find_clusters(docs: Sequence[Doc]) -> list[Cluster]:
    """Near-duplicate clusters among documents (pure: the same docs give the same clusters in any
    order)."""
    sigs, valid = signatures(d.body for d in docs)
    return group_clusters(docs, similar_pairs(sigs, valid))


# -- the archive -------------------------------------------------------------------------------


def cluster_archive(archive, *, progress: bool = False) -> ClusterSummary:
    """Cluster every article of the archive and write `cluster_id` / `is_canonical` where they
    changed (articles in no cluster get NULL and 1). Reads bodies in a stream; keeps only
    signatures (NUM_PERM x 4 bytes per article) in memory."""
    from tqdm import tqdm

    started = time.perf_counter()
    summary = ClusterSummary()
    total = archive.count_articles()
    docs: list[Doc] = []
    current: dict[str, tuple[str | None, int]] = {}
    bar = tqdm(total=total, desc="signatures", unit="art", file=sys.stderr, disable=not progress)

    def stream() -> Iterable[str]:
        for row in archive.conn.execute(
            "SELECT url_key, body, published_at, first_seen_at, duplicate_of, cluster_id,"
            " is_canonical FROM articles ORDER BY id"
        ):
            key, body, published, first_seen, duplicate_of, cluster_id, is_canonical = row
            docs.append(Doc(key, "", published, first_seen, duplicate_of))
            current[key] = (cluster_id, int(is_canonical))
            bar.update()
            yield body

    sigs, valid = signatures(stream())
    bar.close()
    summary.timings["signatures"] = time.perf_counter() - started
    t = time.perf_counter()
    pairs = similar_pairs(sigs, valid)
    summary.timings["lsh"] = time.perf_counter() - t
    t = time.perf_counter()
    clusters = group_clusters(docs, pairs)
    wanted: dict[str, tuple[str | None, int]] = {key: (None, 1) for key in current}
    for cluster in clusters:
        for key in cluster.members:
            wanted[key] = (cluster.cluster_id, int(key == cluster.canonical))
    changes = [
        (cid, canon, key) for key, (cid, canon) in wanted.items() if current[key] != (cid, canon)
    ]
    summary.rows_changed = archive.set_clusters(changes) if changes else 0
    archive.commit()
    summary.timings["write"] = time.perf_counter() - t
    summary.articles = len(docs)
    summary.clusters = len(clusters)
    summary.clustered_articles = sum(len(c.members) for c in clusters)
    summary.seconds = time.perf_counter() - started
    return summary
