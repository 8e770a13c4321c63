"""Language of an article from its text (py3langid), with Indonesian told apart from Malay."""

from __future__ import annotations

import math
import threading
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from crawler.clean import vocabulary as v

MIN_LETTERS = 25  # below ~25 letters (`Kami siap`, `ilustrasi`) langid's best guess is noise
"""Letters a text needs before a language is claimed for it."""
MIN_CONFIDENCE = 0.5  # normalised probability; short Indonesian lines that are right score > 0.8
"""Below this probability the text gets no language."""
SAMPLE_CHARS = 4000  # the opening paragraphs decide as well as the whole text (dev sets)
"""How much of a long text is classified."""

CACHE_SIZE = 256  # cleaning asks about the same body up to three times in a row; a few pages' worth
"""Samples whose language is remembered."""
DFA_WINDOW = 6  # deepest state of py3langid 0.4.0's model DFA (breadth-first from its start state)
"""Bytes read from the start state to find the DFA state at a position (see `_visit_counts`)."""

_INDONESIAN = frozenset(v.INDONESIAN_MARKERS)
_MALAY = frozenset(v.MALAY_MARKERS)
_LOCK = threading.Lock()


@lru_cache(maxsize=1)
def _identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


@dataclass(frozen=True)
class _Model:
    """py3langid's model as numpy arrays for `_classify`."""

    next_state: np.ndarray
    """The byte DFA: next state = next_state[row_base[state] + byte]."""
    row_base: np.ndarray
    feature: np.ndarray
    """Feature counted on entering each state (-1: none)."""
    table: np.ndarray
    """Log-probability of each feature per language (rows: features)."""
    float16_to_32: np.ndarray | None
    """float32 value of every float16 bit pattern, when `table` holds float16 (exact, and
    faster than numpy's own conversion of a few hundred gathered rows)."""


@lru_cache(maxsize=1)
def _model() -> _Model | None:
    """The identifier's model for `_classify`, or None when this py3langid keeps it in another
    shape (then its own `classify` runs)."""
    identifier = _identifier()
    try:
        next_state = np.frombuffer(identifier.tk_nextmove, dtype=np.uint32)
        row_base = np.asarray(identifier._rowbase, dtype=np.int64)
        feature = np.asarray(identifier.tk_output, dtype=np.int64)
        table = np.ascontiguousarray(identifier.nb_ptc)
        identifier._encode, identifier._alias_pairs, identifier.nb_pc  # noqa: B018
    except (AttributeError, TypeError, ValueError):
        return None
    if row_base.max() + 256 > next_state.size or feature.size != row_base.size:
        return None
    lookup = None
    if table.dtype == np.float16:
        lookup = np.arange(1 << 16, dtype=np.uint16).view(np.float16).astype(np.float32)
        table = table.view(np.uint16)
    return _Model(next_state, row_base, feature, table, lookup)


def _visit_counts(data: bytes, model: _Model) -> tuple[np.ndarray, np.ndarray] | None:
    """py3langid's `visit_counts` as (features, counts) arrays in order of first visit, with the
    DFA walked by numpy; None when the walk cannot be vouched for.

    The state at each byte is found by reading the `DFA_WINDOW` bytes up to it from the start
    state: in an Aho-Corasick DFA the state is the longest pattern prefix ending there, never
    longer than the deepest state. The states are then checked against the sequential walk's own
    recurrence (state[i] = next(state[i-1], byte[i])): when it holds at every byte they are the
    sequential walk's states, by induction; when it does not, None sends the caller to py3langid."""
    text = np.frombuffer(data, dtype=np.uint8).astype(np.int64)
    size = text.size
    states = np.zeros(size, dtype=np.int64)
    for back in range(min(DFA_WINDOW, size) - 1, -1, -1):  # the byte `back` places before
        states[back:] = model.next_state[model.row_base[states[back:]] + text[: size - back]]
    # (ndarray methods rather than numpy's Python-level wrappers: this runs twice an article)
    following = model.next_state[model.row_base[states[:-1]] + text[1:]]
    if (states[1:] != following).any():
        return None
    found = model.feature[states]
    found = found[found >= 0]
    if found.size == 0:
        return found, found
    by_feature = found.argsort(kind="stable")  # equal features keep position order
    ordered = found[by_feature]
    new_run = np.empty(ordered.size, dtype=bool)
    new_run[0] = True
    np.not_equal(ordered[1:], ordered[:-1], out=new_run[1:])
    starts = new_run.nonzero()[0]
    ends = np.empty_like(starts)
    ends[:-1] = starts[1:]
    ends[-1] = ordered.size
    first_visit = by_feature[starts].argsort()  # distinct positions: any sort is stable
    return ordered[starts][first_visit], (ends - starts)[first_visit]


def _classify(sample: str) -> tuple[str, float]:
    """py3langid's `classify(sample)` with normalised probabilities: the same arithmetic on the
    same numbers, the DFA walk vectorised (`_visit_counts`); py3langid's own when that cannot
    run. tests/clean/test_language.py compares the two."""
    identifier = _identifier()
    model = _model()
    if model is None:
        return identifier.classify(sample)
    data = identifier._encode(sample)
    visits = _visit_counts(data, model)
    if visits is None:
        return identifier.classify(sample)
    features, counts = visits
    if features.size:
        rows = model.table.take(features, axis=0)
        if model.float16_to_32 is not None:
            rows = model.float16_to_32.take(rows)
        scores = np.log1p(counts.astype(np.float32)) @ rows + identifier.nb_pc
    else:  # no features: every language equally likely, as py3langid scores it
        scores = np.zeros(len(identifier.nb_classes), dtype=np.float32)
    scores *= 1.0 / math.sqrt(len(data) or 1)  # py3langid's temperature: sqrt of the byte length
    np.exp(scores - scores.max(), out=scores)
    scores /= scores.sum()
    for first, duplicate in identifier._alias_pairs:  # a label listed twice gets one score
        scores[first] += scores[duplicate]
        scores[duplicate] = 0.0
    best = int(scores.argmax())
    return identifier.nb_classes[best], float(scores[best])


def _indonesian_or_malay(text: str) -> str:
    words = [w.casefold() for w in v.WORD.findall(text)]
    indonesian = sum(w in _INDONESIAN for w in words)
    malay = sum(w in _MALAY for w in words)
    return "ms" if malay > indonesian else "id"


def detect_language(text: str | None) -> str | None:
    """ISO 639-1 code of the text's language, or None when it is too short or unclear."""
    if not isinstance(text, str):
        return None
    return _detect_sample(text[:SAMPLE_CHARS])


def in_indonesian_family(text: str | None) -> bool:
    """True when `detect_language(text)` is None or an Indonesian-family language (the cleaning
    grammar's gate), without counting the marker words that tell Indonesian from Malay."""
    if not isinstance(text, str):
        return True
    language = _langid_language(text[:SAMPLE_CHARS])
    return language is None or language == _MARKERS_DECIDE or language in v.INDONESIAN_FAMILY


def _has_letters(sample: str, needed: int) -> bool:
    for ch in sample:
        if ch.isalpha():
            needed -= 1
            if needed <= 0:
                return True
    return False


_MARKERS_DECIDE = "markers"
"""`_langid_language`'s answer for an Indonesian-family label: marker words pick `id` or `ms`."""


@lru_cache(maxsize=CACHE_SIZE)
def _detect_sample(sample: str) -> str | None:
    language = _langid_language(sample)
    if language == _MARKERS_DECIDE:
        # langid mixes up Indonesian, Malay, Javanese and Sundanese news text; markers decide.
        return _indonesian_or_malay(sample)
    return language


@lru_cache(maxsize=CACHE_SIZE)
def _langid_language(sample: str) -> str | None:
    """What the language model says of a sample: an ISO 639-1 code, None, or `_MARKERS_DECIDE`."""
    if not _has_letters(sample, MIN_LETTERS):
        return None
    try:
        with _LOCK:
            language, probability = _classify(sample)
    except Exception:  # a broken model file must not break cleaning
        return None
    if language in v.INDONESIAN_FAMILY:
        return _MARKERS_DECIDE
    if probability < MIN_CONFIDENCE:
        return None
    language = v.ISO_639_1_FOR.get(language, language)
    return language if len(language) == 2 else None
