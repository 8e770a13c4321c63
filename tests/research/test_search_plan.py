"""The search planner gives what ranking every match would give: same hits, same order, same
count, for every filter and both orders; above the ranking cap, the newest matches ranked."""

import json
import random
from datetime import datetime, timedelta

import pytest

from crawler.archive.storage import Archive
from crawler.fingerprints import content_hash, url_key
from crawler.research import search as searching
from crawler.research.search import Filters, find, prepare

SITES = [("ttn", "Sumatera Selatan", "Banyuasin"), ("garutpos.id", "Jawa Barat", "Garut"),
         ("kabarbone.id", "Sulawesi Selatan", "Bone")]  # fmt: skip
WORDS = [
    "banjir",
    "desa",
    "jalan",
    "rusak",
    "warga",
    "bupati",
    "pasar",
    "harga",
    "beras",
    "panen",
    "sawah",
    "sungai",
]
AUTHORS = ["Rina Wulandari", "Agus Saputra", "Dedi Kurniawan"]
ZONES = ("+07:00", "+08:00", "+09:00")
ARTICLES = 240
QUERIES = ["banjir", "desa jalan", "banjir OR pasar", "warga NOT harga", '"jalan rusak"', "pan*",
           "title:desa", "NEAR(banjir sungai, 4)"]  # fmt: skip
FILTERS = [
    Filters(),
    Filters(site="garutpos.id"),
    Filters(site="ttn"),
    Filters(region="garut"),
    Filters(author="rina wulandari"),
    Filters(language="jv"),
    Filters(since="2024-03-01"),
    Filters(until="2024-03-01"),
    Filters(since="2024-02-10", until="2024-02-11"),  # the day boundary in local time
    Filters(canonical_only=True),
    Filters(site="kabarbone.id", since="2024-01-15", canonical_only=True, language="id"),
]


@pytest.fixture(scope="module")
def archive_file(tmp_path_factory):
    rng = random.Random(7)
    path = tmp_path_factory.mktemp("plan") / "archive.db"
    start = datetime(2024, 1, 1)
    with Archive(path) as archive:
        for number in range(ARTICLES):
            site, province, regency = SITES[number % len(SITES)]
            when = start + timedelta(minutes=rng.randrange(90 * 24 * 60))
            published = (
                None if number % 17 == 0 else when.strftime("%Y-%m-%dT%H:%M:00") + rng.choice(ZONES)
            )
            body = " ".join(rng.choices(WORDS, k=rng.randint(5, 40)))
            url = f"https://{site}/{number}/"
            archive.save_article(
                {
                    "url": url,
                    "url_key": url_key(url),
                    "site": site,
                    "province": province,
                    "regency": regency,
                    "title": " ".join(rng.choices(WORDS, k=4)),
                    "body": body,
                    "authors": rng.sample(AUTHORS, rng.choice((1, 2))),
                    "language": "jv" if number % 9 == 0 else "id",
                    "published_at": published,
                    "content_hash": content_hash(body),
                    "duplicate_of": "ttn/0" if number % 11 == 5 else None,
                    "is_canonical": number % 13 != 3,
                }
            )
        archive.commit()
    return path


def every_match(archive, query, filters):
    """(id, score, published_at) of every match, the filters checked on the article rows."""
    match = prepare(query)
    where, args = filters.checked().resolved(archive).sql("a")
    weights = f"{searching.TITLE_WEIGHT}, {searching.BODY_WEIGHT}, {searching.AUTHORS_WEIGHT}, 0.0"
    return archive.conn.execute(
        f"SELECT a.id, bm25(f.{match.index}, {weights}), a.published_at FROM {match.index} f"
        f" JOIN articles a ON a.id = (f.rowid & {searching.ID_MASK})"
        f" WHERE {' AND '.join([f'f.{match.index} MATCH ?', *where])}",
        [match.fts, *args],
    ).fetchall()


def newest_key(row):
    return ((row[2] or "")[:16], row[0])  # the portal's own clock to the minute, then the id


@pytest.mark.parametrize("depth", [2_000, 3], ids=["post-filter", "row-checks"])
@pytest.mark.parametrize("query", QUERIES)
@pytest.mark.parametrize("filters", FILTERS, ids=lambda f: json.dumps(f.as_json()) or "none")
def test_the_plan_finds_what_ranking_every_match_finds(
    archive_file, monkeypatch, query, filters, depth
):
    # depth 3: the best 3 hold too few that pass the row conditions, so every match is checked
    monkeypatch.setattr(searching, "POST_FILTER_DEPTH", depth)
    with Archive(archive_file, readonly=True) as archive:
        every = every_match(archive, query, filters)
        for order, expected in (
            ("relevance", sorted(every, key=lambda r: (r[1], r[0]))),
            ("newest", sorted(every, key=newest_key, reverse=True)),
        ):
            found = find(archive, query, filters=filters, order=order, limit=15)
            assert [h.id for h in found.hits] == [r[0] for r in expected[:15]], order
            assert (found.total, found.total_exact, found.ranked) == (len(every), True, None)


@pytest.mark.parametrize("filters", [Filters(), Filters(site="ttn"), Filters(author="agus saputra")],
                         ids=["none", "site", "author"])  # fmt: skip
def test_above_the_cap_the_newest_matches_are_ranked(archive_file, monkeypatch, filters):
    cap = 12
    monkeypatch.setattr(searching, "RANK_CAP", cap)
    with Archive(archive_file, readonly=True) as archive:
        everything = every_match(archive, "warga", Filters(site=filters.site))
        newest = sorted(everything, key=newest_key, reverse=True)[:cap]
        passing = {r[0] for r in every_match(archive, "warga", filters)}
        expected = sorted((r for r in newest if r[0] in passing), key=lambda r: (r[1], r[0]))
        found = find(archive, "warga", filters=filters, limit=5)
        assert [h.id for h in found.hits] == [r[0] for r in expected[:5]]
        assert found.ranked == cap and found.ranked_since == min(r[2] for r in newest)[:10]
        assert "best of the newest 12, published since" in found.summary()
        if filters.author:  # the author is checked on the newest `cap` only: a lower bound
            assert (found.total, found.total_exact) == (len(expected), False)
            assert found.summary().startswith(f"5 of more than {len(expected)} matches")
        else:
            assert (found.total, found.total_exact) == (len(everything), True)
        newest_first = find(archive, "warga", filters=filters, order="newest", limit=5)
        ordered = sorted(every_match(archive, "warga", filters), key=newest_key, reverse=True)
        assert [h.id for h in newest_first.hits] == [r[0] for r in ordered[:5]]
        assert newest_first.ranked is None  # newest-first has no cap on what it lists


def test_facets_count_every_match_or_say_they_estimate(archive_file, monkeypatch):
    with Archive(archive_file, readonly=True) as archive:
        rows = every_match(archive, "desa", Filters())
        ids = [r[0] for r in rows]
        sites = archive.conn.execute(
            f"SELECT site, count(*) FROM articles WHERE id IN ({','.join(map(str, ids))})"
            " GROUP BY site ORDER BY count(*) DESC, site"
        ).fetchall()
        exact = searching.facets(archive, "desa")
        assert exact.counts["site"] == [tuple(r) for r in sites] and not exact.estimated
        monkeypatch.setattr(searching, "FACET_SAMPLE", 20)
        estimated = searching.facets(archive, "desa")
        assert estimated.estimated and estimated.stride == -(-len(ids) // 20)
        total = sum(n for _, n in estimated.counts["site"])
        assert abs(total - len(ids)) <= estimated.stride * len(SITES)


def test_the_count_stops_at_its_limit_and_says_more_than(archive_file, monkeypatch):
    monkeypatch.setattr(searching, "COUNT_LIMIT", 10)
    with Archive(archive_file, readonly=True) as archive:
        assert len(every_match(archive, "warga", Filters())) > 10
        found = find(archive, "warga", limit=5)
    assert (found.total, found.total_exact) == (10, False)
    assert found.summary() == "5 of more than 10 matches; --limit for more"


def test_past_the_row_check_cap_the_newest_are_ranked(archive_file, monkeypatch):
    monkeypatch.setattr(searching, "POST_FILTER_DEPTH", 3)
    monkeypatch.setattr(searching, "ROW_CHECK_CAP", 15)
    filters = Filters(author="agus saputra")
    with Archive(archive_file, readonly=True) as archive:
        newest = sorted(every_match(archive, "warga", Filters()), key=newest_key, reverse=True)
        window = {r[0] for r in newest[:15]}
        passing = [r for r in every_match(archive, "warga", filters) if r[0] in window]
        found = find(archive, "warga", filters=filters, limit=5)
    assert [h.id for h in found.hits] == [
        r[0] for r in sorted(passing, key=lambda r: (r[1], r[0]))[:5]
    ]
    assert found.ranked == 15
