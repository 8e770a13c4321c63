"""A portal's deterministic corpus: showcase + generated articles, slugs, ids and epoch-2 changes."""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import datetime, timedelta

from crawler.testportal import showcase
from crawler.testportal.blocks import link_keys
from crawler.testportal.generator import generate_article, generate_articles
from crawler.testportal.house import house_articles
from crawler.testportal.model import Article, Corpus, slugify
from crawler.testportal.spec import PortalSpec, site_for

EPOCH_HOURS = 6
"""The portal clock advances this many hours per epoch (time passes between two crawls)."""
FIRST_POST_ID = 1001  # WordPress ids of a site with some pages and drafts start above 1000
GENERATED_NEWEST_HOURS = 1.5  # the newest generated article is this old at the clock


def clock(spec: PortalSpec, epoch: int = 1) -> datetime:
    """The portal's clock in an epoch, in its own zone."""
    resolved = spec.resolved()
    site = site_for(resolved)
    start = datetime.fromisoformat(resolved.now).astimezone(site.tz)
    return start + timedelta(hours=EPOCH_HOURS * (max(epoch, 1) - 1))


def build_corpus(spec: PortalSpec, source: Corpus | None = None) -> Corpus:
    """Everything a portal publishes across epochs, deterministic in the spec.

    `source` is the first portal's corpus; a second portal republishes one of its articles.
    """
    spec = spec.resolved()
    site = site_for(spec)
    now = clock(spec)
    articles: list[Article] = []
    empty_key = None
    if spec.showcase:
        articles.extend(showcase.showcase_articles(site))
        empty = showcase.empty_body_article(site)
        articles.append(empty)
        empty_key = empty.key
    prefix = "s" if spec.second_portal else "g"
    articles.extend(
        generate_articles(
            spec.articles or 0,
            seed=spec.seed,
            site=site,
            newest=now - timedelta(hours=GENERATED_NEWEST_HOURS),
            oldest=now - timedelta(days=365.25 * spec.years),
            key_prefix=prefix,
            older_keys=[a.key for a in articles if not a.flags],
        )
    )
    if spec.house is not None:
        articles = house_articles(articles, house=spec.house, redesign=spec.redesign)
    if spec.second_portal and source is not None:
        originals = {a.key: a for a in source.articles}
        original = originals.get(showcase.SYNDICATED_KEY)
        if original is not None:
            articles.append(showcase.syndicated_copy(original, site))
    articles = [a for a in articles if a.published <= now]
    if spec.platform == "blogspot":
        # Blogger has no page breaks: an article split on WordPress is one page there
        articles = [replace(a, page_breaks=(), split="") if a.split else a for a in articles]
    articles.sort(key=lambda a: (a.published, a.key), reverse=True)
    articles = _assign_slugs_and_ids(articles, blogspot=spec.platform == "blogspot")
    corpus = Corpus(site=site, articles=articles, pages=list(showcase.STATIC_PAGES))
    corpus.empty_body_key = empty_key
    _plan_epoch2(corpus, spec, now)
    return corpus


def _assign_slugs_and_ids(articles: list[Article], blogspot: bool) -> list[Article]:
    """Unique slugs (WordPress adds `-2`, `-3`) and post ids ascending with publication time."""
    seen: dict[str, int] = {}
    ids = {a.key: FIRST_POST_ID + i for i, a in enumerate(reversed(articles))}
    out = []
    for article in reversed(articles):
        # Blogger cuts post URLs to about six words; WordPress keeps the whole title
        base = slugify(article.title, max_words=6 if blogspot else 0)
        count = seen.get(base, 0) + 1
        seen[base] = count
        slug = base if count == 1 else f"{base}-{count}"
        year_month = article.published.strftime("%Y/%m")
        image = f"/wp-content/uploads/{year_month}/{slug}.jpg"
        out.append(replace(article, slug=slug, post_id=ids[article.key], image=image))
    out.reverse()
    return out


def _plan_epoch2(corpus: Corpus, spec: PortalSpec, now: datetime) -> None:
    """Choose what changes in epoch 2: one new, one edited, one removed, one redirected article."""
    by_key = {a.key: a for a in corpus.articles}
    clock2 = now + timedelta(hours=EPOCH_HOURS)
    if spec.showcase and showcase.EPOCH2_EDIT_KEY in by_key:
        new = showcase.epoch2_new_article(corpus.site)
        edit_key = showcase.EPOCH2_EDIT_KEY
        removed, redirected = showcase.EPOCH2_REMOVED_KEY, showcase.EPOCH2_REDIRECTED_KEY
    else:
        inbound = {key for a in corpus.articles for key in link_keys(a.dress)}
        candidates = [
            a.key
            for a in corpus.articles[2:]
            if a.key not in inbound and not a.flags and a.copy_of is None
        ]
        if len(candidates) < 3:
            return
        edit_key, removed, redirected = (
            candidates[0],
            candidates[2],
            candidates[4 % len(candidates)],
        )
        if redirected in (edit_key, removed):
            redirected = candidates[1]
        rng = random.Random(f"{spec.seed}:epoch2")
        new = generate_article(
            rng, corpus.site, f"{'s' if spec.second_portal else 'g'}-baru", clock2, []
        )
    published = (clock2 - timedelta(hours=1)).replace(second=0, microsecond=0)
    used = {a.slug for a in corpus.articles}
    slug = slugify(new.title, max_words=6 if spec.platform == "blogspot" else 0)
    while slug in used:
        slug += "-2"
    corpus.epoch2_new = replace(
        new,
        published=published,
        modified=published,
        slug=slug,
        post_id=FIRST_POST_ID + len(corpus.articles) + 1,
        image=f"/wp-content/uploads/{published.strftime('%Y/%m')}/{slug}.jpg",
    )
    edited = by_key[edit_key]
    if spec.showcase and edit_key == showcase.EPOCH2_EDIT_KEY:
        corpus.epoch2_edit = showcase.edited_version(edited, 2, clock2)
    else:
        paragraphs = list(edited.paragraphs)
        paragraphs[-1] = paragraphs[-1] + " Informasi ini diperbarui setelah ada tambahan data."
        corpus.epoch2_edit = replace(
            edited,
            title=f"{edited.title} (Diperbarui)",
            paragraphs=tuple(paragraphs),
            modified=clock2 - timedelta(hours=2),
        )
    corpus.epoch2_removed = removed
    corpus.epoch2_redirected = redirected
