"""crawler.article: recognising a page by what it is (page_kind, recognise) and the validation
that keeps listings, static pages and teasers out of the archive (why_not_article)."""

from __future__ import annotations

import gzip
import json
from collections import Counter

import pytest

from crawler.article import listed_signals, page_kind, recognise, why_not_article
from crawler.discovery.pages import signals_of
from crawler.extract import extract_page
from crawler.items import ArticleItem, RawArticle
from tests.conftest import REPO

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
        # the portal's feed lists the page as a post: its word, which a listing still overrules
        (["listed:feed"], "article"),
        (["listed:news-sitemap", "text:block"], "article"),
        (["listed:feed", "listing:teasers"], "listing"),
        (["listed:feed", "wp:archive"], "listing"),
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
        (["listed:feed"], None),
        (["listed:wp-json"], None),
        (["listed:feed", "wp:page"], "not-article"),  # WordPress lists no static page in a feed
        (["listed:feed", "listing:posts"], "listing"),
        (["og:article", "listing:teasers"], "listing"),
        (["wp:archive", "jsonld:NewsArticle"], "listing"),
    ],
)
def test_why_not_article_keeps_listings_out_with_their_own_reason(signals, reason):
    assert why_not_article(item(signals), min_body_chars=MIN) == reason


@pytest.mark.parametrize(
    ("channel", "signals"),
    [
        ("feed", ["listed:feed"]),
        ("blogspot-feed", ["listed:blogspot-feed"]),
        ("news-sitemap", ["listed:news-sitemap"]),
        ("wp-json", ["listed:wp-json"]),
        # these list pages of every kind: a section, a static page, a tag
        ("sitemap", []),
        ("archive", []),
        ("pagination", []),
        ("start", []),
        (None, []),
    ],
)
def test_only_channels_that_list_posts_one_by_one_vouch_for_a_page(channel, signals):
    assert listed_signals(channel) == signals


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


CORPUS = REPO.parent / "shared" / "corpus"
CORPUS_SETS = ("id-national", "scrapinghub", "wp-themes")
"""Article pages of three dev sets (../shared/corpus: Indonesian national news, international news,
WordPress and Blogger themes), read in place, never copied."""


def corpus_pages():
    """(set, page file, URL, HTML) of every corpus article whose gold body (where the gold has
    one) is of article length."""
    for name in CORPUS_SETS:
        gold = json.loads((CORPUS / name / "gold.json").read_text(encoding="utf-8"))
        records = gold if isinstance(gold, list) else [{"page": k, **v} for k, v in gold.items()]
        for record in records:
            page = record.get("page") or ""
            path = CORPUS / name / (page if page.startswith("pages/") else f"pages/{page}")
            if not path.is_file():
                path = path.with_name(path.name + ".html.gz")  # scrapinghub names pages by id
            body = record.get("body")
            if not path.is_file() or not record.get("url", "").startswith("http"):
                continue
            if body is not None and len(body) < MIN:
                continue  # a photo caption or a date-only record: no article to recognise
            yield name, page, record["url"], gzip.decompress(path.read_bytes())


@pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus is absent")
def test_no_real_article_of_the_dev_corpus_is_judged_a_listing():
    # every page judged as the spider judges a candidate whose URL cannot tell
    judged = Counter()
    wrong = []
    for name, page, url, html in corpus_pages():
        raw_page = extract_page(html, url)
        kind = recognise(raw_page, signals_of(html, url))
        judged[kind] += 1
        if kind == "listing":
            wrong.append(f"{name}/{page}: {raw_page.article_signals}")
    assert sum(judged.values()) > 200
    assert not wrong, "\n".join(wrong)
    assert judged["article"] >= 0.97 * sum(judged.values()), judged
