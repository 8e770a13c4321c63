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
