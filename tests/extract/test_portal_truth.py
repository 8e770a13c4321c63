"""The test portal in every theme: extraction's fields equal the truth; no drop is archived."""

import pytest

from bench.extraction import (
    EXTRACTION_FIELDS,
    PORTAL_THEMES,
    SHARED_FIELDS,
    check_portal,
    portal_markdown,
)


@pytest.fixture(scope="module")
def report():
    """The 30 showcase articles of the main portal, served in each theme (loopback, threads)."""
    return check_portal(PORTAL_THEMES)


@pytest.mark.parametrize("theme", PORTAL_THEMES)
def test_extraction_fields_equal_the_truth(report, theme):
    result = report[theme]
    assert result["articles"] == 30
    wrong = [m for m in result["mismatches"] if m.field in EXTRACTION_FIELDS + SHARED_FIELDS]
    assert wrong == []


@pytest.mark.parametrize("theme", PORTAL_THEMES)
def test_pages_that_are_not_articles_are_not_archived(report, theme):
    drops = report[theme]["drops"]
    assert drops, "the portal lists its empty post and static pages"
    assert [d["url"] for d in drops if d["verdict"] is None] == []
    empty = [d for d in drops if "galeri" in d["url"]]
    assert [d["verdict"] for d in empty] == ["empty-body"]  # never a widget's text


def test_portal_table(report):
    table = portal_markdown(report)
    assert table.splitlines()[0].startswith("| theme | articles |")
    assert len(table.splitlines()) == 2 + len(PORTAL_THEMES)
