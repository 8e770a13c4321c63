"""crawler.article: recognising a page by what it is (page_kind, recognise) and the validation
that keeps listings, static pages and teasers out of the archive (why_not_article)."""

from __future__ import annotations

import pytest

from crawler.article import page_kind, recognise, why_not_article
from crawler.items import ArticleItem, RawArticle

MIN = 400
BODY = "Warga Desa Sungai Kelambu memperbaiki jembatan gantung yang rusak. " * 10


@pytest.mark.parametrize(
    ("signals", "kind"),
    [
        ([], "unknown"),
        (["text:block"], "unknown"),  # a block alone needs a headline and a date (recognise)
        (["og:article"], "article"),
        (["jsonld:NewsArticle"], "article"),
        (["url:date"], "article"),
        (["content:text"], "article"),
        (["listing:teasers"], "listing"),
        # a listing's structure overrules an article's claims (a section front saying og:article)
        (["og:article", "listing:teasers"], "listing"),
        (["jsonld:NewsArticle", "og:article", "listing:describes-other"], "listing"),
        # the platform's own page type overrules everything on the page
        (["wp:archive", "og:article", "jsonld:NewsArticle"], "listing"),
        (["wp:single", "listing:teasers"], "article"),
        (["api:wp-post", "listing:posts"], "article"),
    ],
)
def test_page_kind_weighs_platform_then_structure_then_claims(signals, kind):
    assert page_kind(signals) == kind


def raw(signals=(), *, title="Jembatan Desa Diperbaiki", published="2024-05-21T10:00:00+07:00"):
    return RawArticle(
        url="https://kabarsambas.example/news/jembatan-desa/",
        title=title,
        paragraphs=[BODY],
        published_at=published,
        article_signals=list(signals),
    )


def test_a_page_without_claims_is_an_article_by_its_text_headline_and_date():
    page = raw()
    assert recognise(page, ["text:block"]) == "article"
    assert "content:text" in page.article_signals


@pytest.mark.parametrize(
    ("title", "published"), [(None, "2024-05-21T10:00:00+07:00"), ("Judul", None)]
)
def test_text_without_a_headline_or_a_date_of_its_own_is_not_enough(title, published):
    page = raw(title=title, published=published)
    assert recognise(page, ["text:block"]) == "unknown"
    assert "content:text" not in page.article_signals


def test_recognise_adds_each_signal_once():
    page = raw(["og:article"])
    recognise(page, ["og:article", "text:block"])
    assert page.article_signals == ["og:article", "text:block"]


def item(signals, body=BODY, title="Jembatan Desa Diperbaiki"):
    return ArticleItem(
        url="https://kabarsambas.example/x/", title=title, body=body, raw=raw(signals)
    )


@pytest.mark.parametrize(
    ("signals", "reason"),
    [
        (["og:article"], None),
        (["content:text"], None),
        ([], "not-article"),
        (["text:block"], "not-article"),
        (["wp:page"], "not-article"),
        (["og:article", "listing:teasers"], "listing"),
        (["wp:archive", "jsonld:NewsArticle"], "listing"),
    ],
)
def test_why_not_article_keeps_listings_out_with_their_own_reason(signals, reason):
    assert why_not_article(item(signals), min_body_chars=MIN) == reason


def test_a_listing_is_named_before_its_short_body():
    assert (
        why_not_article(item(["listing:teasers"], body="Ringkas."), min_body_chars=MIN) == "listing"
    )


def test_short_and_empty_bodies_keep_their_reasons():
    assert (
        why_not_article(item(["og:article"], body="Ringkas."), min_body_chars=MIN) == "short-body"
    )
    assert why_not_article(item(["og:article"], body=" "), min_body_chars=MIN) == "empty-body"
    assert why_not_article(item(["og:article"], title=""), min_body_chars=MIN) == "no-title"
