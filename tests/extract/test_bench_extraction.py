"""bench/extraction.py: scoring helpers, the table, and skipping when ../shared is absent."""

from pathlib import Path

import pytest

import bench.metrics
from bench import extraction
from bench.extraction import Page, Prediction, markdown, same_day, same_minute, score_set


@pytest.fixture
def no_shared(monkeypatch, tmp_path: Path):
    monkeypatch.setattr(bench.metrics, "CORPUS", tmp_path / "absent")


def test_skips_cleanly_without_shared(no_shared, capsys):
    assert extraction.run() is None
    assert extraction.main([]) == 0
    assert "skipped" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("predicted", "gold", "alternatives", "expected"),
    [
        ("2024-05-21T14:30:59+07:00", "2024-05-21T14:30+07:00", [], True),
        ("2024-05-21T07:30:10+00:00", "2024-05-21T14:30+07:00", [], True),
        ("2024-05-21T14:31:00+07:00", "2024-05-21T14:30+07:00", [], False),
        ("2024-05-21T15:32:00+07:00", "2024-05-21T16:00+07:00", ["2024-05-21T15:32+07:00"], True),
        ("2024-05-21", "2024-05-21T14:30+07:00", [], False),
        (None, "2024-05-21T14:30+07:00", [], False),
    ],
)
def test_same_minute(predicted, gold, alternatives, expected):
    assert same_minute(predicted, gold, alternatives) is expected


def test_same_day_uses_the_printed_offset():
    assert same_day("2024-05-21T23:30:00+07:00", "2024-05-21")
    assert not same_day(None, "2024-05-21")


def test_wp_theme_scores_and_table():
    page = Page(
        "wp-themes",
        "a.html.gz",
        "https://contoh.id/",
        b"",
        {"with": ["jembatan baru", "desa"], "without": ["Bagikan"], "date": "2024-05-21"},
    )
    scores = score_set(
        "wp-themes",
        [page],
        [Prediction(body="Ada jembatan\nbaru di desa.", published_at="2024-05-21T09:00:00+07:00")],
    )
    assert scores["with_present"] == 1.0
    assert scores["without_present"] == 0.0
    assert scores["date_day"] == 1.0
    table = markdown({"cleaning": False, "sets": {"wp-themes": {"warta": scores}}})
    assert "| wp-themes | warta | 1 |" in table


def test_wcxb_scores_halves_authors_and_days():
    gold = {
        "body": "Jembatan baru itu diresmikan bupati pada Selasa pagi di desa.",
        "title": "Jembatan Baru",
        "author": "Sari Dewi, and Budi Santoso",
        "date": "2024-05-21",
        "with": ["diresmikan bupati"],
        "without": ["Bagikan"],
    }
    pages = [
        Page("wcxb-articles", "0002.html.gz", "https://contoh.id/a", b"", gold),
        Page("wcxb-articles", "0003.html.gz", "https://contoh.id/b", b"", gold),
    ]
    right = Prediction(
        body=gold["body"],
        title="Jembatan baru",
        authors=["Budi Santoso", "Sari Dewi"],
        published_at="2024-05-21T23:00:00-04:00",
    )
    wrong = Prediction(body="Bagikan ke Facebook", title="Beranda", authors=["Sari Dewi"])
    scores = score_set("wcxb-articles", pages, [right, wrong])
    assert (scores["body_f1_even"], scores["body_f1_odd"]) == (1.0, 0.0)
    assert scores["title_exact"] == 0.5
    assert scores["authors_exact"] == 0.5
    assert (scores["date_day"], scores["date_day_even"], scores["date_day_odd"]) == (0.5, 1.0, 0.0)
    assert (scores["with_present"], scores["without_present"]) == (0.5, 0.5)
    table = markdown({"cleaning": True, "sets": {"wcxb-articles": {"warta": scores}}})
    assert "wcxb-articles even / odd files: warta body F1 1.000 / 0.000, day 1.000 / 0.000" in table


def test_dates_set_scores_days_and_missing_dates():
    pages = [
        Page("dates", f"{n}.html.gz", "https://contoh.id/", b"", {"date": "2019-06-27"})
        for n in "ab"
    ]
    scores = score_set(
        "dates", pages, [Prediction(published_at="2019-06-27"), Prediction()], "htmldate"
    )
    assert (scores["date_day"], scores["no_date"]) == (0.5, 1)
    assert "body_f1" not in scores


def test_htmldate_and_readability_run_only_where_they_have_something_to_say():
    assert extraction.systems_for("scrapinghub", extraction.SYSTEMS) == [
        "warta", "trafilatura", "trafilatura-precision", "readability",
    ]  # fmt: skip
    assert extraction.systems_for("dates", extraction.SYSTEMS) == [
        "warta", "trafilatura", "trafilatura-precision", "htmldate",
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("predicted", "gold", "expected"),
    [
        (["Sari Dewi", "Budi Santoso"], "Budi Santoso and Sari Dewi", True),
        (["Dylan Bailey, MS, RD"], "Dylan Bailey, MS, RD", True),
        (["Sari Dewi"], "Sari Dewi, Budi Santoso", False),
        (None, "Sari Dewi", False),
    ],
)
def test_same_author_words(predicted, gold, expected):
    assert extraction.same_author_words(predicted, gold) is expected


def test_forget_text_caches_empties_the_libraries_memo_caches():
    from htmldate.extractors import try_date_expr
    from htmldate.utils import Extractor  # noqa: F401  (loads the module the cache lives in)

    try_date_expr("21 Mei 2024", "%Y-%m-%d", False, *extraction_bounds())
    assert try_date_expr.cache_info().currsize >= 1
    extraction.forget_text_caches()
    assert try_date_expr.cache_info().currsize == 0


def extraction_bounds():
    from datetime import datetime

    return datetime(1995, 1, 1), datetime(2030, 1, 1)
