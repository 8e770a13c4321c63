"""Learning a portal's profile from its pages: house styles of the test portal (invented chrome that
no vocabulary lists) are learned from 20 pages and removed; story text never is."""

from __future__ import annotations

import pytest

from crawler.clean.lines import is_boilerplate_line
from crawler.clean.profile import PortalProfile, mask_line
from crawler.profiles import MIN_PAGES, Observation, learn, matches, merge
from crawler.testportal import PortalSpec
from crawler.testportal.house import house_chrome, house_leaks, house_style, house_styles
from tests.profiles.pages import pages

FIELDS = ("title", "body", "editor", "agency_tag")
FOLDED = ("authors", "dateline_place", "dateline_outlet")


def _fold(value):
    if isinstance(value, list):
        return [v.casefold() for v in value]
    return value.casefold() if isinstance(value, str) else value


def differences(page, record) -> list[str]:
    """Fields of a cleaned record that differ from the page's truth (the title only where
    extraction read the printed headline: a Blogger page whose `<h1>` is the site's name loses
    it before cleaning, an extraction matter)."""
    truth = page.truth
    wrong = [f for f in FIELDS if record[f] != truth[f]]
    wrong += [f for f in FOLDED if _fold(record[f]) != _fold(truth[f])]
    if "title" in wrong and truth["title"] not in (page.raw.title or ""):
        wrong.remove("title")
    return wrong


@pytest.mark.parametrize("seed", range(10))
def test_a_house_style_is_in_no_vocabulary(seed):
    style = house_style(seed)
    assert not any(is_boilerplate_line(line) for line in house_chrome(style))
    spec = PortalSpec(articles=12, showcase=False, house=seed, theme="plain")
    for page in pages(spec):
        assert house_leaks(page.record(), page.truth, [style]), page.url


@pytest.mark.parametrize(
    ("seed", "theme"),
    [(1, "jnews"), (2, "tagdiv"), (3, "plain"), (4, "blogspot"), (5, "jnews"), (7, "plain"),
     (11, "tagdiv"), (12, "blogspot")],
)  # fmt: skip
def test_a_profile_learned_from_twenty_pages_removes_the_house_chrome(seed, theme):
    spec = PortalSpec(articles=60, showcase=False, house=seed, theme=theme)
    served = pages(spec)
    profile = learn([page.observe() for page in served[:MIN_PAGES]])
    assert profile.pages == MIN_PAGES and not profile.is_empty()
    styles = house_styles(seed)
    for page in served:
        record = page.record(profile)
        assert house_leaks(record, page.truth, styles) == [], page.url
        assert differences(page, record) == [], page.url


def test_story_text_is_never_learned():
    served = pages(PortalSpec(articles=200, showcase=False, seed=4, theme="jnews"))
    story = {mask_line(p) for page in served for p in str(page.truth["body"]).split("\n\n")}
    for start in range(0, len(served) - MIN_PAGES + 1, MIN_PAGES):
        window = served[start : start + MIN_PAGES]
        profile = learn([page.observe() for page in window])
        assert not story & set(profile.lines), start
        for page in window:
            assert differences(page, page.record(profile)) == [], page.url


def _observations(lines_by_page: list[list[str]]) -> list[Observation]:
    return [
        Observation(key=f"k{i}", paragraphs=tuple(lines), title=f"Judul berita nomor {i} hari ini")
        for i, lines in enumerate(lines_by_page)
    ]


def test_a_line_on_most_pages_is_chrome_one_on_few_is_not():
    story = "Warga desa bergotong royong memperbaiki saluran air yang tersumbat sampah plastik."
    pages_ = [
        [f"Cerita nomor {i} tentang desa yang berbeda setiap hari."] for i in range(MIN_PAGES)
    ]
    for i, lines in enumerate(pages_):
        if i % 5:  # 80 % of the pages
            lines.append("Sorotan Tamsawi")
        if i % 5 == 0:  # 20 %
            lines.append(story)
    profile = learn(_observations(pages_))
    assert mask_line("Sorotan Tamsawi") in profile.lines
    assert mask_line(story) not in profile.lines
    # numbers are masked, so the numbered story line above counts as one line on every page,
    # but a line longer than any chrome paragraph is never a profile line
    assert all(len(sample) < 400 for sample in profile.lines.values())


def test_a_name_beside_many_reporters_is_no_author_a_lone_reporter_is():
    reporters = ["Ahmad Fauzi", "Dewi Lestari", "Rizal Hakim", "Yoga Pratama"]
    label = [
        Observation(key=f"a{i}", paragraphs=(), authors=("Tebarkan", reporters[i % 4]))
        for i in range(MIN_PAGES)
    ]
    assert set(learn(label).chrome_names) == {"tebarkan"}
    alone = [Observation(key=f"b{i}", paragraphs=(), authors=("Joni Karbot",)) for i in range(20)]
    assert learn(alone).chrome_names == {}
    # one reporter who co-signs with two colleagues now and then is still a reporter
    mostly = [
        Observation(key=f"c{i}", paragraphs=(), authors=("Joni Karbot",)
                    + ((reporters[i % 2],) if i % 4 == 0 else ()))
        for i in range(MIN_PAGES)
    ]  # fmt: skip
    assert learn(mostly).chrome_names == {}


def test_a_redesign_stops_matching_and_the_merged_profile_removes_both():
    spec = PortalSpec(articles=80, showcase=False, house=21, redesign=22, theme="plain")
    served = pages(spec)  # newest first: the redesigned half comes first
    new, old = served[:40], served[40:]
    profile_new = learn([p.observe() for p in new[:MIN_PAGES]])
    assert sum(matches(profile_new, p.observe()) for p in old) < len(old) / 2
    profile_old = learn([p.observe() for p in old[:MIN_PAGES]])
    both = merge(profile_new, profile_old)
    styles = house_styles(21, 22)
    for page in served:
        assert house_leaks(page.record(both), page.truth, styles) == [], page.url


def _slots(*pages: tuple[tuple[str, bool], ...]) -> list[Observation]:
    return [Observation(key=f"k{i}", paragraphs=(), byline_slots=s) for i, s in enumerate(pages)]


def test_the_slot_naming_the_pages_people_is_read_one_naming_others_is_skipped():
    teaser = ("div.next-byline", False)
    page = (("span.byline", True), teaser)
    account_only = (teaser,)  # the byline printed `admin`: it named no person, so it is not listed
    profile = learn(_slots(*[page] * 6, *[account_only] * 4))
    assert profile.byline == "span.byline"
    assert profile.byline_skip == ["div.next-byline"]


def test_a_slot_is_skipped_only_against_what_the_page_says_elsewhere():
    # pages naming no one outside their byline slots record no slots (book._byline_slots), so a
    # portal whose only author is its byline never loses it; a slot that sometimes disagrees (a
    # co-author, an editor) but agrees on most pages is read
    assert learn(_slots(*[()] * 20)).byline_skip == []
    mostly = [(("span.byline", True),)] * 7 + [(("span.byline", False),)] * 3
    profile = learn(_slots(*mostly))
    assert (profile.byline, profile.byline_skip) == ("span.byline", [])


def test_a_learned_teaser_slot_keeps_other_stories_reporters_out_of_the_authors():
    spec = PortalSpec(articles=40, showcase=False, house=5, theme="plain")
    served = pages(spec)
    profile = learn([page.observe() for page in served[:MIN_PAGES]])
    style = house_style(5)
    assert f"div.{style.teaser_class}" in profile.byline_skip
    assert PortalProfile.from_json(profile.to_json()) == profile
    without = [house_leaks(page.record(), page.truth, [style]) for page in served]
    # without the profile a teaser's reporter leaks wherever the page's own byline names no one
    # the cleaning can vouch for (most pages of this house style)
    assert sum("teaser-author" in found for found in without) > len(served) / 2
    assert not any("teaser-author" in house_leaks(page.record(profile), page.truth, [style])
                   for page in served)  # fmt: skip
