"""Properties: never raises, cleaning a clean body changes nothing, datelines never eat the story."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from crawler.clean.cleaner import _clean, _clean_body, clean_article, clean_body_text
from crawler.clean.dateline import split_dateline
from crawler.clean.vocabulary import DATELINE_MAX_CHARS

# Text that looks like regional news: words, capitalised names, separators, brackets, quotes.
WORDS = st.sampled_from(
    [
        "Garut", "GARUT", "warga", "desa", "Bupati", "kata", "ujarnya", "(Joni)", "(ant)", "–",
        "-", "|", "#", "_", ",", ".", ":", ";", "WartaKita.com", "BACA", "JUGA:", "Penulis:",
        "Editor", "admin", "Foto:", "“Kami", "siap,”", "(*)", "**", "#joni", "/red/", "KABAR",
        "Redaksi", "S.Pd", "Iptu", "Sukamaju", "2024", "(21/5/2024)", "ADVERTISEMENT", "Share:",
        "ilustrasi", "\n", "\n\n", "Baca", "juga", "Lihat", "Google", "News", "©",
    ]
)  # fmt: skip
NEWSY_TEXT = st.lists(WORDS, max_size=40).map(" ".join)
ANY_TEXT = st.one_of(st.text(max_size=300), NEWSY_TEXT)
PARAGRAPHS = st.lists(ANY_TEXT, max_size=10)

FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FAST
@given(
    paragraphs=PARAGRAPHS,
    title=st.one_of(st.none(), ANY_TEXT),
    byline_texts=st.lists(ANY_TEXT, max_size=3),
    meta_authors=st.lists(ANY_TEXT, max_size=3),
    site_name=st.one_of(st.none(), st.text(max_size=30)),
    extra=st.lists(ANY_TEXT, max_size=2),
)
def test_clean_article_never_raises(
    paragraphs, title, byline_texts, meta_authors, site_name, extra
):
    # `_clean` is `clean_article` without its last-resort `except`: a bug must fail here instead of
    # being turned into an empty result.
    result = _clean(paragraphs, title, byline_texts, meta_authors, site_name, extra)
    assert isinstance(result.body, str)
    assert all(isinstance(a, str) and a for a in result.authors)
    public = clean_article(
        paragraphs,
        title=title,
        byline_texts=byline_texts,
        meta_authors=meta_authors,
        site_name=site_name,
        extra_phrases=extra,
    )
    assert public == result


@FAST
@given(paragraphs=PARAGRAPHS)
def test_cleaning_a_clean_body_changes_nothing(paragraphs):
    body = _clean(paragraphs, None, (), (), None, ()).body
    assert _clean_body(body) == body
    assert clean_body_text(body) == body


@FAST
@given(text=ANY_TEXT)
def test_clean_body_text_is_idempotent(text):
    once = _clean_body(text)  # without the last-resort `except`, so bugs fail the test
    assert _clean_body(once) == once
    assert clean_body_text(text) == once


PLACES = st.sampled_from(["Garut", "GARUT", "Bengkulu Selatan", "MEKAR JAYA", "Sikka", "Halut"])
OUTLETS = st.sampled_from(
    ["WartaKita.com", "SUARAGARUT.CO.ID", "TTN.com", "KABAR WARGA", "(Antara)"]
)
SEPARATORS = st.sampled_from([" – ", " - ", " — ", " -- ", " | ", " # ", " _ ", ",- ", ".- "])
STORY_WORDS = st.lists(
    st.sampled_from(["warga", "desa", "bupati", "banjir", "–", "-", "pasar", "(2024)", "Garut"]),
    min_size=1,
    max_size=25,
)
STORY_OPENERS = st.sampled_from(["Warga", "Bupati", "Pemerintah", "Ratusan", "Kapolres", "“Kami"])


@FAST
@given(place=PLACES, outlet=OUTLETS, sep=SEPARATORS, opener=STORY_OPENERS, words=STORY_WORDS)
def test_dateline_split_keeps_the_whole_story(place, outlet, sep, opener, words):
    story = " ".join([opener, *words]) + "."
    joiner = " " if outlet.startswith("(") else ", "
    found = split_dateline(f"{place}{joiner}{outlet}{sep}{story}")
    assert found is not None
    assert found.rest == story


@FAST
@given(text=ANY_TEXT)
def test_dateline_split_only_removes_a_short_prefix(text):
    found = split_dateline(text)
    if found is None:
        return
    assert len(found.prefix) <= DATELINE_MAX_CHARS + 60  # the parts plus an optional unit tag
    # nothing but the prefix is taken (`A:0` splits as `A:` and `0`: spacing aside)
    assert "".join((found.prefix + found.rest).split()) == "".join(text.split())


# Few distinct lines, many repeats: the shape that makes a rule cascade one copy per pass.
REPEATS = st.lists(
    st.sampled_from(
        [
            "Warga berkumpul di alun-alun Garut untuk menyaksikan pawai budaya tahunan.",
            "GARUT – Warga berkumpul di alun-alun Garut untuk menyaksikan pawai budaya tahunan.",
            "Joni Karbot",
            "admin",
            "(Joni)",
            "BACA JUGA: Pawai Budaya Garut",
            "Baca Juga :",
            "ilustrasi",
            "ntb",
        ]
    ),
    max_size=40,
)


@FAST
@given(paragraphs=REPEATS)
def test_repeated_lines_settle_and_stay_clean(paragraphs):
    body = _clean(paragraphs, None, (), (), None, ()).body
    assert _clean_body(body) == body


# Letters a case-insensitive regex matches to ASCII ones, and look-alikes that it does not.
TRICKY = st.sampled_from(
    ["COPYRİGHT", "copyrıght", "Credıts", "ſumber", "Photographer", "PHOTOGRAPHER", "Hak Cipta",
     "hak\tcipta", "(C)", "(c)", "©", "Kredit", "AuthorAni", "PenulisJoni", "Editor(", "：", ";",
     "•", "·", "|", "Penulis", "credits", "Ǆ", "ﬁ", "K"]
)  # fmt: skip
LINE_TEXT = st.lists(st.one_of(WORDS, TRICKY), max_size=20).map(" ".join)


@FAST
@given(text=st.one_of(LINE_TEXT, st.text(max_size=80)))
def test_byline_prechecks_never_skip_a_match(text):
    """A substitution, split or line test that a precheck skips could not have matched anything."""
    from crawler.clean import byline
    from crawler.clean import vocabulary as v

    folded = byline._case_folded(text)
    for pattern, needles, haystack in (
        (v.COPYRIGHT_IN_LINE, v.COPYRIGHT_IN_LINE_NEEDS, folded),
        (v.BYLINE_TRAILER, v.BYLINE_TRAILER_NEEDS, folded),
        (v.GLUED_BYLINE_LABEL, v.GLUED_BYLINE_LABEL_NEEDS, text),
        (v.BYLINE_FIELD_SPLIT, v.BYLINE_FIELD_SEPARATORS, text),
        (v.LABEL_INSIDE, v.LABEL_SEPARATORS, text),
        (v.COPYRIGHT_ANY_LANGUAGE, v.COPYRIGHT_NEEDS, text.casefold()),
        (v.AFFILIATE_DISCLOSURE, v.AFFILIATE_NEEDS, text.casefold()),
        (v.PAYWALL_LINE, v.PAYWALL_NEEDS, text.casefold()),
    ):
        if pattern.search(text):
            assert byline.holds_any(haystack, needles), pattern.pattern
