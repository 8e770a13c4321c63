"""bench/regional.py: the table's keys, the targets on id-regional, and the clean skip without it."""

from __future__ import annotations

import pytest

from bench import regional
from bench.metrics import load_gold
from crawler.clean import clean_body_text

KEYS = {
    "pages",
    "body_f1",
    "boilerplate_left",
    "dateline_place_acc",
    "dateline_outlet_acc",
    "authors_acc",
    "editor_acc",
    "agency_acc",
    "ms_per_page",
}


def test_skips_cleanly_without_the_corpus(monkeypatch, capsys):
    monkeypatch.setattr(regional, "load_gold", lambda name: None)
    assert regional.score_regional() == {}
    assert regional.main([]) == 0
    assert capsys.readouterr().out.startswith("skipped")


@pytest.mark.skipif(load_gold("id-regional") is None, reason="../shared corpus absent")
def test_meets_the_issue_targets_on_id_regional():
    scores = regional.score_regional()
    assert scores.keys() >= KEYS
    assert scores["body_f1"] >= 0.98
    assert scores["boilerplate_left"] == 0
    assert scores["dateline_place_acc"] >= 0.95
    assert scores["dateline_outlet_acc"] >= 0.95
    assert scores["authors_acc"] >= 0.95


@pytest.mark.skipif(load_gold("id-national") is None, reason="../shared corpus absent")
def test_gold_clean_bodies_pass_through_unchanged():
    """False-positive guard: hand-cleaned Indonesian bodies must come out of the cleaner as they
    went in (whitespace folded)."""
    bodies = [r["body"] for r in load_gold("id-national") if "body" in r]
    bodies += [r["expected"]["body"] for r in load_gold("id-regional")]
    changed = 0
    for body in bodies:
        folded = "\n\n".join(" ".join(p.split()) for p in body.split("\n\n") if p.strip())
        changed += clean_body_text(folded) != folded
    assert changed == 0
