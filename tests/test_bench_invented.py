"""The invented held-out sets (bench/invented): Warta keeps the figures it reached on them."""

from __future__ import annotations

import pytest

from bench.invented import run


@pytest.fixture(scope="module")
def report():
    scores, _ = run(systems=("warta",))
    return scores


@pytest.mark.parametrize(
    ("name", "min_f1", "max_leaking", "min_authors"),
    [
        ("id-text-a", 0.998, 2, 1.0),
        ("id-text-b", 0.999, 0, 1.0),
        ("id-text-c", 0.999, 0, 1.0),
        ("id-text-d", 0.98, 3, 0.98),
        ("id-text-e", 0.999, 0, 1.0),
        ("id-text-f", 0.995, 1, 1.0),
    ],
)
def test_cleaning_on_invented_articles(report, name, min_f1, max_leaking, min_authors):
    scores = report[name]
    assert scores["body_f1"] >= min_f1
    assert scores["leaking"] <= max_leaking
    assert scores["authors"] >= min_authors


@pytest.mark.parametrize(
    ("name", "min_f1", "max_leaking", "min_authors", "min_day"),
    [
        ("id-html-a", 0.99, 0, 0.95, 1.0),
        ("id-html-b", 0.99, 0, 1.0, 1.0),
        ("id-html-c", 0.99, 0, 0.87, 1.0),
        ("id-html-d", 0.98, 2, 1.0, 1.0),
        ("id-html-e", 0.99, 1, 0.95, 1.0),
        ("id-html-f", 0.98, 6, 0.9, 1.0),
        ("gen-html-a", 0.968, 10, 0.83, 0.9),
        ("gen-html-b", 0.94, 13, 0.66, 0.91),
        ("id-html-g", 0.994, 0, 0.95, 0.95),
        ("id-html-h", 0.98, 4, 0.85, 1.0),
        ("gen-html-c", 0.937, 14, 0.8, 0.8),
        ("id-html-i", 0.995, 0, 1.0, 1.0),
        ("gen-html-d", 0.958, 7, 0.7, 1.0),
        ("gen-html-e", 0.949, 11, 0.6, 0.9),
        ("id-html-j", 0.993, 0, 1.0, 1.0),
        ("gen-html-f", 0.951, 13, 0.65, 0.95),
        ("id-html-k", 0.988, 0, 0.95, 1.0),
    ],
)
def test_extraction_on_invented_pages(report, name, min_f1, max_leaking, min_authors, min_day):
    scores = report[name]["warta"]
    assert scores["body_f1"] >= min_f1
    assert scores["leaking"] <= max_leaking
    assert scores["authors"] >= min_authors
    assert scores["day"] >= min_day


def test_publication_days_on_invented_dated_pages(report):
    assert report["dates-a"]["warta"]["day"] >= 0.9
    assert report["dates-b"]["warta"]["day"] >= 0.86
    assert report["dates-c"]["warta"]["day"] >= 0.825
    assert report["dates-d"]["warta"]["day"] >= 0.875
    assert report["dates-e"]["warta"]["day"] >= 0.875
    assert report["dates-f"]["warta"]["day"] >= 0.833


@pytest.mark.parametrize(
    ("name", "min_read_right"),
    [("discovery", 76), ("discovery-b", 79), ("discovery-c", 60), ("discovery-d", 48)],
)
def test_discovery_on_invented_files(report, name, min_read_right):
    scores = report[name]
    assert scores["tracebacks"] == 0
    assert scores["files_read_right"] >= min_read_right
    assert scores["article_urls_refused"] == 0
