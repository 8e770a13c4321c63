"""Scores the Indonesian cleaning grammar on ../shared/corpus/id-regional (regional portal articles).

Each gold record carries the article's paragraphs as a reader sees them (`raw_paragraphs`) and a
hand-made clean version (`expected`). We feed the paragraphs, the title and the portal's host to
`clean_article` and compare: body shingle F1, boilerplate left behind (any annotated boilerplate
paragraph, dateline prefix or stripped suffix still in the body), and exact field accuracy.

Run: `python bench/regional.py` (add `--no-site` to withhold the host, `--verbose` for failures).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import Any

if __package__ in (None, ""):  # `python bench/regional.py` from the repo root
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.metrics import (
    corpus_f1,
    fold,
    leaks,
    load_gold,
    precision_recall,
    same_set,
    tokens,
)
from crawler.clean import clean_article, detect_language

GOLD_SET = "id-regional"


def _tag(value: str | None) -> str:
    """Agency tags compare without their parentheses (`(fyk/ash)` == `fyk/ash`)."""
    return fold((value or "").strip().strip("()[]").strip())


def field_checks(result: Any, expected: dict) -> dict[str, bool]:
    """Which of a cleaned article's fields match a gold record's `expected` (place, outlet,
    authors, editor, agency tag)."""
    return {
        "place": fold(result.dateline_place) == fold(expected.get("dateline_place")),
        "outlet": fold(result.dateline_outlet) == fold(expected.get("dateline_outlet")),
        "authors": same_set(result.authors, expected.get("authors")),
        "editor": fold(result.editor) == fold(expected.get("editor")),
        "agency": _tag(result.agency_tag) == _tag(expected.get("agency_tag")),
    }


def _boilerplate_left(record: dict, body: str) -> list[str]:
    """Annotated boilerplate (paragraphs, dateline prefix, stripped suffixes) still in the body."""
    annotation = record.get("annotation") or {}
    raw = record["raw_paragraphs"]
    expected = record["expected"]["body"]
    left: list[str] = []
    for index in annotation.get("boilerplate_paragraph_indices") or []:
        text = raw[index]
        # A boilerplate line whose words also occur in the gold body (rare) cannot be tested.
        if leaks(body, text) and not leaks(expected, text):
            left.append(text)
    prefix = annotation.get("dateline_prefix")
    if prefix:
        opening = expected.split()[:3]  # the prefix counts as left when it still opens the story
        if leaks(body, prefix + " " + " ".join(opening)):
            left.append(prefix)
    line_index = annotation.get("dateline_paragraph_index")
    if line_index is not None and leaks(body, raw[line_index]):
        left.append(raw[line_index])
    for index, suffix in (annotation.get("stripped_suffixes") or {}).items():
        paragraph = raw[int(index)]
        kept = paragraph[: len(paragraph) - len(suffix)].split()[-4:]
        # the suffix counts as left when it still follows the paragraph's last words
        if tokens(suffix):
            still_there = leaks(body, " ".join(kept) + " " + suffix)
        else:  # `(*)` has no word tokens: look for the characters themselves
            still_there = suffix.strip() in body
        if still_there:
            left.append(suffix.strip())
    return left


def score_regional(*, use_site: bool = True, verbose: bool = False) -> dict:
    """Cleaning scores on id-regional (an empty dict when ../shared is absent)."""
    gold = load_gold(GOLD_SET)
    if not gold:
        return {}
    pairs = []
    counts = dict.fromkeys(("place", "outlet", "authors", "editor", "agency"), 0)
    boilerplate_pages = 0
    elapsed = 0.0
    failures: list[str] = []
    load_start = time.perf_counter()
    detect_language("Memuat model bahasa sekali sebelum mengukur waktu per halaman.")
    model_load_ms = 1000 * (time.perf_counter() - load_start)
    for record in gold:
        expected = record["expected"]
        start = time.perf_counter()
        result = clean_article(
            list(record["raw_paragraphs"]),
            title=record.get("title"),
            site_name=record.get("site") if use_site else None,
        )
        elapsed += time.perf_counter() - start
        pairs.append(precision_recall(result.body, expected["body"]))
        checks = field_checks(result, expected)
        for key, ok in checks.items():
            counts[key] += ok
            if not ok:
                got = {
                    "place": result.dateline_place,
                    "outlet": result.dateline_outlet,
                    "authors": result.authors,
                    "editor": result.editor,
                    "agency": result.agency_tag,
                }[key]
                want_key = {"place": "dateline_place", "outlet": "dateline_outlet"}.get(
                    key, "agency_tag" if key == "agency" else key
                )
                failures.append(
                    f"{record['id']}: {key} got {got!r} want {expected.get(want_key)!r}"
                )
        left = _boilerplate_left(record, result.body)
        if left:
            boilerplate_pages += 1
            failures.append(f"{record['id']}: boilerplate left {left!r}")
        precision, recall = pairs[-1]
        if precision < 1 or recall < 1:
            failures.append(f"{record['id']}: body precision {precision:.3f} recall {recall:.3f}")
    pages = len(gold)
    precision, recall, f1 = corpus_f1(pairs)
    scores: dict[str, object] = {
        "pages": pages,
        "body_precision": round(precision, 4),
        "body_recall": round(recall, 4),
        "body_f1": round(f1, 4),
        "boilerplate_left": boilerplate_pages,
        "dateline_place_acc": round(counts["place"] / pages, 4),
        "dateline_outlet_acc": round(counts["outlet"] / pages, 4),
        "authors_acc": round(counts["authors"] / pages, 4),
        "editor_acc": round(counts["editor"] / pages, 4),
        "agency_acc": round(counts["agency"] / pages, 4),
        "ms_per_page": round(1000 * elapsed / pages, 2),
        "language_model_load_ms": round(model_load_ms),
    }
    if verbose:
        scores["failures"] = failures
    return scores


def main(argv: list[str] | None = None) -> int:
    """Print the id-regional table (exit 0; a skip line when ../shared is absent)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-site", action="store_true", help="do not pass the portal host")
    parser.add_argument("--verbose", action="store_true", help="list every failed check")
    args = parser.parse_args(argv)
    scores = score_regional(use_site=not args.no_site, verbose=args.verbose)
    if not scores:
        print(f"skipped: ../shared/corpus/{GOLD_SET} not found")
        return 0
    failures = scores.pop("failures", [])
    print(f"| id-regional ({'host given' if not args.no_site else 'no host'}) | value |")
    print("| --- | --- |")
    for key, value in scores.items():
        print(f"| {key} | {value} |")
    for line in failures:
        print(" -", line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
