"""The search planner gives what ranking every match would give: same hits, same order, same
count, for every filter and both orders; above the ranking cap, the newest matches ranked."""

import json
import random
from datetime import datetime, timedelta

import pytest

from crawler.archive.storage import Archive
from crawler.fingerprints import content_hash, url_key
from crawler.research import planner
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
           "title:desa", "NEAR(banjir sungai, 4)", "(desa OR sawah) NOT title:harga",
           "warga NOT NEAR(harga beras, 3)"]  # fmt: skip
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


def not_common(monkeypatch):
    """Every query of this small archive (whose words are all in most articles) taken as not
    common, the caps of a big archive's rarer words then apply (RANK_CAP, SCAN_CAP, COUNT_LIMIT)."""
    monkeypatch.setattr(searching, "common_query", lambda *args, **kwargs: False)
    monkeypatch.setattr(searching, "COMMON_SHARE", 0.0)


@pytest.mark.parametrize("set_max", [50_000, 0], ids=["id-sets", "row-checks"])
@pytest.mark.parametrize("query", QUERIES)
@pytest.mark.parametrize("filters", FILTERS, ids=lambda f: json.dumps(f.as_json()) or "none")
def test_the_plan_finds_what_ranking_every_match_finds(
    archive_file, monkeypatch, query, filters, set_max
):
    # set_max 0: no set of ids is small enough, so every filter is checked on the match's row
    monkeypatch.setattr(planner, "SET_MAX", set_max)
    with Archive(archive_file, readonly=True) as archive:
        every = every_match(archive, query, filters)
        for order, expected in (
            ("relevance", sorted(every, key=lambda r: (r[1], r[0]))),
            ("newest", sorted(every, key=newest_key, reverse=True)),
        ):
            found = find(archive, query, filters=filters, order=order, limit=15)
            assert [h.id for h in found.hits] == [r[0] for r in expected[:15]], order
            assert (found.total, found.total_exact, found.ranked) == (len(every), True, None)


@pytest.mark.parametrize("query", ["warga NOT harga", "desa jalan", "banjir OR pasar"])
def test_a_query_estimated_under_the_cap_is_ranked_and_counted_in_one_pass(
    archive_file, monkeypatch, query
):
    not_common(monkeypatch)
    monkeypatch.setattr(searching, "COMMON_SAMPLE", 20)  # 240 articles: big enough to sample
    estimates: list[int | None] = []
    estimate = searching._estimated_matches
    monkeypatch.setattr(
        searching, "_estimated_matches", lambda *a: estimates.append(estimate(*a)) or estimates[-1]
    )
    with Archive(archive_file, readonly=True) as archive:
        every = every_match(archive, query, Filters())
        found = find(archive, query, limit=15)
    assert estimates and all(e is not None for e in estimates)
    assert [h.id for h in found.hits] == [r[0] for r in sorted(every, key=lambda r: (r[1], r[0]))][
        :15
    ]
    assert (found.total, found.total_exact, found.ranked) == (len(every), True, None)


@pytest.mark.parametrize("filters", [Filters(), Filters(site="ttn"), Filters(author="agus saputra")],
                         ids=["none", "site", "author"])  # fmt: skip
def test_above_the_cap_the_newest_matches_are_ranked(archive_file, monkeypatch, filters):
    cap = 12
    monkeypatch.setattr(searching, "RANK_CAP", 20)  # "warga" has more matches than that
    not_common(monkeypatch)
    monkeypatch.setattr(searching, "RANK_WINDOW", cap)
    with Archive(archive_file, readonly=True) as archive:
        passing = every_match(archive, "warga", filters)
        newest = sorted(passing, key=newest_key, reverse=True)[:cap]  # of those that pass
        expected = sorted(newest, key=lambda r: (r[1], r[0]))
        found = find(archive, "warga", filters=filters, limit=5)
        assert [h.id for h in found.hits] == [r[0] for r in expected[:5]]
        assert found.ranked == cap and found.ranked_since == min(r[2] for r in newest)[:10]
        assert "best of the newest 12, published since" in found.summary()
        assert (found.total, found.total_exact) == (len(passing), True)
        newest_first = find(archive, "warga", filters=filters, order="newest", limit=5)
        ordered = sorted(passing, key=newest_key, reverse=True)
        assert [h.id for h in newest_first.hits] == [r[0] for r in ordered[:5]]
        assert newest_first.ranked is None  # newest-first has no cap on what it lists
        two_words = find(archive, "warga desa", filters=filters, limit=5)
        assert two_words.ranked in (None, cap // 2)  # two phrases: half as many ranked


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
    not_common(monkeypatch)
    with Archive(archive_file, readonly=True) as archive:
        assert len(every_match(archive, "warga", Filters())) > 10
        found = find(archive, "warga", limit=5)
    assert (found.total, found.total_exact) == (10, False)
    assert found.summary() == "5 of more than 10 matches; --limit for more"


@pytest.mark.parametrize("set_max", [50_000, 0], ids=["id-sets", "row-checks"])
def test_past_the_scan_cap_the_newest_matches_are_checked(archive_file, monkeypatch, set_max):
    monkeypatch.setattr(searching, "SCAN_CAP", 15)
    not_common(monkeypatch)
    monkeypatch.setattr(planner, "SET_MAX", set_max)
    filters = Filters(author="agus saputra")
    with Archive(archive_file, readonly=True) as archive:
        newest = sorted(every_match(archive, "warga", Filters()), key=newest_key, reverse=True)
        window = {r[0] for r in newest[:15]}
        passing = [r for r in every_match(archive, "warga", filters) if r[0] in window]
        found = find(archive, "warga", filters=filters, limit=5)
        newest_first = find(archive, "warga", filters=filters, order="newest", limit=5)
        everyone = sorted(every_match(archive, "warga", filters), key=newest_key, reverse=True)
        language = Filters(language="id")
        in_language = [r for r in every_match(archive, "warga", language) if r[0] in window]
        by_language = find(archive, "warga", filters=language, order="newest", limit=5)
        every_in_language = sorted(
            every_match(archive, "warga", language), key=newest_key, reverse=True
        )
    assert [h.id for h in found.hits] == [
        r[0] for r in sorted(passing, key=lambda r: (r[1], r[0]))[:5]
    ]
    assert found.ranked == 15
    assert (found.total, found.total_exact) == (len(passing), False)
    # newest first, the author's name narrows inside FTS5: every passing match is counted
    assert [h.id for h in newest_first.hits] == [r[0] for r in everyone[:5]]
    assert (newest_first.total, newest_first.total_exact) == (len(everyone), True)
    # a filter FTS5 cannot narrow: every match listed in date order, the newest 15 counted
    assert [h.id for h in by_language.hits] == [r[0] for r in every_in_language[:5]]
    assert (by_language.total, by_language.total_exact) == (len(in_language), False)


def test_a_filter_no_article_passes_finds_nothing_and_filters_are_checked_in_memory(
    archive_file,
):
    with Archive(archive_file, readonly=True) as archive:
        match = prepare("warga")
        nobody = planner.plan_query(archive, match, Filters(region="Nowhere").checked())
        assert (nobody.low, nobody.high) == (1, 0)
        assert find(archive, "warga", filters=Filters(language="xx")).hits == []
        for everyone in (Filters(canonical_only=True, language="id"), Filters(language="id")):
            plan = planner.plan_query(archive, match, everyone.checked())
            assert plan.sets and not plan.where  # the few exceptions, held in memory
        everyone = planner.plan_query(archive, match, Filters(region="garut").checked())
        assert everyone.sets and not everyone.where  # a set of ids, no row reads
        author = planner.plan_query(archive, match, Filters(author="Agus Saputra").checked())
        assert len(author.sets) == 1 and len(author.where) == 1  # the name's words, then the row


@pytest.mark.parametrize(
    "filters",
    [Filters(region="Garut"), Filters(language="id"), Filters(language="jv"),
     Filters(canonical_only=True), Filters(story_region="16.07")],
    ids=lambda f: json.dumps(f.as_json()),
)  # fmt: skip
def test_a_filter_set_reads_an_index_never_the_article_rows(archive_file, filters):
    with Archive(archive_file, readonly=True) as archive:
        plan = planner.plan_query(archive, prepare("warga"), filters.checked())
        sql, args = plan.sql("f.rowid")
        steps = [row[3] for row in archive.conn.execute(f"EXPLAIN QUERY PLAN {sql}", args)]
    if not plan.sets:  # the fixture has no story region: no article passes, nothing to read
        assert (plan.low, plan.high) == (1, 0) and filters.story_region
        return
    reads = [s for s in steps if s.split()[1:2] == ["articles"]]
    assert reads and all("USING" in s and "INDEX" in s for s in reads), steps  # never the rows


def test_the_search_indexes_merge_sixteen_segments_and_the_stem_index_has_prefixes(archive_file):
    with Archive(archive_file, readonly=True) as archive:
        for index in ("articles_fts", "articles_stem_fts"):
            config = dict(archive.conn.execute(f"SELECT k, v FROM {index}_config"))
            assert (config["automerge"], config["crisismerge"]) == (16, 64)
        assert (
            "prefix='3'"
            in archive.conn.execute(
                "SELECT sql FROM sqlite_master WHERE name = 'articles_stem_fts'"
            ).fetchone()[0]
        )


@pytest.mark.parametrize("filters", [Filters(), Filters(site="ttn"), Filters(author="agus saputra")],
                         ids=["none", "site", "author"])  # fmt: skip
def test_a_common_query_ranks_its_newest_matches_and_others_rank_whole(
    archive_file, monkeypatch, filters
):
    monkeypatch.setattr(searching, "COMMON_WINDOW", 12)  # RANK_CAP stays far above the archive
    # a site filter adds its portal token to what bm25 reads in each row: half as many ranked
    window = 6 if filters.site else 12
    with Archive(archive_file, readonly=True) as archive:
        passing = every_match(archive, "warga", filters)
        assert len(passing) > window
        newest = sorted(passing, key=newest_key, reverse=True)[:window]
        found = find(archive, "warga", filters=filters, limit=5)
        assert [h.id for h in found.hits] == [
            r[0] for r in sorted(newest, key=lambda r: (r[1], r[0]))[:5]
        ]
        assert found.ranked == window
        # a word in fewer articles than the common share is ranked over every match
        monkeypatch.setattr(searching, "COMMON_SHARE", 1.0)
        whole = find(archive, "warga", filters=filters, limit=5)
        assert [h.id for h in whole.hits] == [
            r[0] for r in sorted(passing, key=lambda r: (r[1], r[0]))[:5]
        ]
        assert (whole.ranked, whole.total, whole.total_exact) == (None, len(passing), True)


@pytest.mark.parametrize(
    ("query", "common"),
    [("warga", True), ("warga desa", True), ("banjir OR pasar", True), ("warga NOT harga", True),
     ("title:desa", True), ("pan*", True), ('"jalan rusak"', False), ("NEAR(banjir sungai, 4)", False),
     ("warga zzzjarang", False), ("warga OR zzzjarang", False), ("zzzjarang NOT warga", False)],
)  # fmt: skip
def test_a_query_is_common_when_every_word_it_needs_is(archive_file, query, common):
    with Archive(archive_file, readonly=True) as archive:
        assert searching.common_query(archive, prepare(query)) is common


def test_a_word_clearly_common_or_rare_among_the_newest_articles_is_not_counted_whole(
    archive_file, monkeypatch
):
    monkeypatch.setattr(searching, "COMMON_SAMPLE", 20)  # 240 articles: big enough to sample
    with Archive(archive_file, readonly=True) as archive:
        statements: list[str] = []
        archive.conn.set_trace_callback(statements.append)
        try:
            assert searching.common_query(archive, prepare("warga")) is True
            assert searching.common_query(archive, prepare("zzzjarang")) is False
        finally:
            archive.conn.set_trace_callback(None)
    words = [s for s in statements if "MATCH" in s]
    assert len(words) == 2 and all("rowid >=" in s and "LIMIT" not in s for s in words)


def test_a_common_query_with_a_row_filter_looks_at_its_newest_matches_only(
    archive_file, monkeypatch
):
    monkeypatch.setattr(searching, "COMMON_SCAN", 40)
    filters = Filters(author="agus saputra")  # checked on each match's row
    with Archive(archive_file, readonly=True) as archive:
        newest = sorted(every_match(archive, "warga", Filters()), key=newest_key, reverse=True)
        window = {r[0] for r in newest[:40]}
        passing = [r for r in every_match(archive, "warga", filters) if r[0] in window]
        found = find(archive, "warga", filters=filters, limit=5)
        newest_first = find(archive, "warga", filters=filters, order="newest", limit=5)
        everyone = sorted(every_match(archive, "warga", filters), key=newest_key, reverse=True)
    assert 0 < len(passing) < 40
    assert [h.id for h in found.hits] == [
        r[0] for r in sorted(passing, key=lambda r: (r[1], r[0]))[:5]
    ]
    assert (found.total, found.total_exact, found.ranked) == (len(passing), False, 40)
    # newest first lists every passing match in date order; the count covers the window only
    assert [h.id for h in newest_first.hits] == [r[0] for r in everyone[:5]]
    assert (newest_first.total, newest_first.total_exact) == (len(passing), False)


def test_facets_past_the_count_limit_sample_by_the_archive_size(archive_file, monkeypatch):
    monkeypatch.setattr(searching, "COUNT_LIMIT", 10)
    monkeypatch.setattr(searching, "FACET_SAMPLE", 20)
    with Archive(archive_file, readonly=True) as archive:
        matches = len(every_match(archive, "warga", Filters()))
        newest = archive.conn.execute("SELECT max(id) FROM articles").fetchone()[0]
        found = searching.facets(archive, "warga")
    assert matches > 10 and found.estimated
    assert found.stride == -(-max(matches, newest) // 20)
    total = sum(n for _, n in found.counts["site"])
    assert abs(total - matches) <= found.stride * len(SITES)


@pytest.mark.parametrize(
    ("query", "shares", "scored", "unscored"),
    [("warga NOT harga", None, '"warga"', []),
     ("(desa OR sawah) NOT title:harga", None, '("desa") OR ("sawah")', []),
     ("warga desa", {"warga": 0.9, "desa": 0.3}, '"desa"', ["warga"]),
     ("warga desa", {"warga": 0.9, "desa": 0.6}, '"desa"', ["warga"]),  # all in most: one kept
     ("warga OR desa NOT pasar", {"warga": 0.2, "desa": 0.3}, '("warga") OR ("desa")', []),
     ("warga desa", {"warga": 0.2, "desa": 0.3}, None, []),
     ('"jalan rusak" desa', {"desa": 0.9}, '"jalan rusak"', ["desa"]),
     ("title:warga desa", {"warga": 0.9, "desa": 0.6}, 'title : ("warga")', ["desa"])],  # field: kept
)  # fmt: skip
def test_bm25_scores_what_can_change_the_order_of_the_matches(query, shares, scored, unscored):
    match = prepare(query)
    words = {p: shares[p.words[0]] for p in planner.query_language.walk(match.tree)
             if isinstance(p, planner.query_language.Phrase) and shares and p.words[0] in shares}  # fmt: skip
    assert searching._scored(match, words or None) == (scored, unscored)


@pytest.mark.parametrize("query", ["warga desa", "banjir OR pasar", "warga NOT harga"])
def test_a_common_query_leaves_words_in_most_articles_out_of_its_score(
    archive_file, monkeypatch, query
):
    monkeypatch.setattr(searching, "COMMON_WINDOW", 40)
    monkeypatch.setattr(searching, "COMMON_SAMPLE", 20)  # 240 articles: big enough to sample
    monkeypatch.setattr(searching, "UNSCORED_SHARE", 0.0)  # every word counts as in most
    with Archive(archive_file, readonly=True) as archive:
        match = prepare(query)
        shares: dict = {}
        assert searching.common_query(archive, match, shares=shares)
        left_out = query.split(" NOT ")[1:]  # no match holds it: never scored
        kept = min((p for p in shares if p.words[0] not in left_out), key=lambda p: shares[p])
        window = 40 // match.phrases
        newest = sorted(every_match(archive, query, Filters()), key=newest_key, reverse=True)
        ranked = {r[0] for r in newest[:window]}
        scores = {r[0]: r[1] for r in every_match(archive, kept.words[0], Filters())}
        expected = sorted(ranked, key=lambda i: (scores.get(i, 0.0), i))
        found = find(archive, query, limit=10)
    assert [h.id for h in found.hits] == expected[:10]
    assert found.ranked == window and not found.total_exact
    others = sorted({p.words[0] for p in shares} - {kept.words[0], *left_out})
    assert found.unscored == ([] if "NOT" in query else others)
    if found.unscored:
        assert f"not ranked by {others[0]}: in most articles" in found.summary()


def test_a_filtered_query_its_counts_put_over_the_cap_is_not_tried_in_one_pass(
    archive_file, monkeypatch
):
    monkeypatch.setattr(searching, "COMMON_SAMPLE", 20)  # 240 articles: big enough to sample
    filters = Filters(site="ttn", author="agus saputra")  # fewer pass than the cap
    query = "warga NOT zzzjarang"  # as many matches as "warga"
    with Archive(archive_file, readonly=True) as archive:
        words = len(every_match(archive, "warga", Filters()))
        newest = archive.conn.execute("SELECT max(id) FROM articles").fetchone()[0]
        # "warga" not common, and the cap of a query of two phrases (half the common
        # threshold) under its count: a one pass would stop at the cap
        monkeypatch.setattr(searching, "COMMON_SHARE", (words + 1) / newest)
        monkeypatch.setattr(searching, "RANK_CAP", words)
        statements: list[str] = []
        archive.conn.set_trace_callback(statements.append)
        try:
            found = find(archive, query, filters=filters, limit=5)
        finally:
            archive.conn.set_trace_callback(None)
        passing = every_match(archive, query, filters)
    expected = sorted(passing, key=lambda r: (r[1], r[0]))
    assert [h.id for h in found.hits] == [r[0] for r in expected[:5]]
    assert (found.total, found.total_exact, found.ranked) == (len(passing), True, None)
    assert not any("CASE WHEN" in s and "bm25" in s for s in statements)  # no one pass


@pytest.mark.parametrize("query", ["warga NOT harga", "warga NOT harga NOT title:beras"])
@pytest.mark.parametrize("filters", [Filters(), Filters(site="ttn")], ids=["none", "site"])
def test_a_not_is_estimated_as_its_left_side_less_both(archive_file, monkeypatch, query, filters):
    monkeypatch.setattr(searching, "COMMON_SAMPLE", 20)  # 240 articles: big enough to sample
    with Archive(archive_file, readonly=True) as archive:
        match = prepare(query)
        plan = planner.plan_query(archive, match, filters.checked().resolved(archive))
        whole = searching._estimated_matches(archive, plan)  # FTS5's NOT on the sample
        statements: list[str] = []
        archive.conn.set_trace_callback(statements.append)
        try:
            assert searching._estimated_matches(archive, plan, match) == whole
        finally:
            archive.conn.set_trace_callback(None)
    assert whole and not any(" NOT " in s for s in statements if "MATCH" in s)


def test_the_summary_names_the_words_left_out_of_the_ranking():
    hit = searching.Hit(url="https://ttn.co.id/1/", title="x", site="ttn", published_at=None)
    assert searching.Results([hit], 1, unscored=["yang"]).summary() == (
        "1 match; not ranked by yang: in most articles"
    )
    assert searching.Results([hit], 2, unscored=["yang", "dan"]).summary(cli=False) == (
        "1 of 2 matches; not ranked by yang, dan: in most articles"
    )
    assert "not ranked" not in searching.Results([hit], 2).summary()


@pytest.mark.parametrize(
    ("query", "shares", "scored", "unscored"),
    [("warga desa", {"warga": 0.9, "desa": 0.3}, '"desa"', ["warga"]),
     ('"jalan rusak" desa', {"desa": 0.9}, '"jalan rusak"', ["desa"]),
     ("NEAR(warga desa, 5)", {"warga": 0.9, "desa": 0.3}, None, []),  # a NEAR is scored whole
     ("NEAR(warga desa, 5) pasar", {"warga": 0.9, "pasar": 0.9}, 'NEAR("warga" "desa", 5)',
      ["pasar"]),
     ("warga OR desa", {"warga": 0.9, "desa": 0.3}, None, []),  # a match may hold only warga
     ("title:warga desa", {"warga": 0.9, "desa": 0.3}, None, []),  # its IDF: warga in titles
     ("(warga OR pasar) desa", {"warga": 0.9, "pasar": 0.9, "desa": 0.3}, None, [])],
)  # fmt: skip
def test_a_query_that_is_not_common_leaves_out_only_words_every_match_holds(
    query, shares, scored, unscored
):
    # its rows are read from the scored part: that part must match every match of the query
    match = prepare(query)
    words = {p: shares[p.words[0]] for p in planner.query_language.walk(match.tree)
             if isinstance(p, planner.query_language.Phrase) and p.words[0] in shares}  # fmt: skip
    assert searching._scored(match, words, needed=True) == (scored, unscored)


@pytest.mark.parametrize(
    ("query", "kept", "left_out"),
    [('"jalan rusak" warga', '"jalan rusak"', ["warga"]),
     ("NEAR(banjir sungai, 4) warga", "NEAR(banjir sungai, 4)", ["warga"]),
     ("NEAR(banjir sungai, 4)", "NEAR(banjir sungai, 4)", []),
     ('(warga OR sawah) "jalan rusak"', '(warga OR sawah) "jalan rusak"', [])],
)  # fmt: skip
@pytest.mark.parametrize("filters", [Filters(), Filters(site="ttn")], ids=["none", "site"])
def test_a_query_that_is_not_common_is_ranked_without_its_words_in_most_articles(
    archive_file, monkeypatch, query, kept, left_out, filters
):
    monkeypatch.setattr(searching, "COMMON_SAMPLE", 20)  # 240 articles: big enough to sample
    monkeypatch.setattr(searching, "UNSCORED_SHARE", 0.0)  # every word counts as in most
    with Archive(archive_file, readonly=True) as archive:
        assert not searching.common_query(archive, prepare(query))
        matches = {r[0] for r in every_match(archive, query, filters)}
        scores = {r[0]: r[1] for r in every_match(archive, kept, filters) if r[0] in matches}
        found = find(archive, query, filters=filters, limit=10)
    assert [h.id for h in found.hits] == sorted(scores, key=lambda i: (scores[i], i))[:10]
    assert (found.total, found.total_exact, found.ranked) == (len(matches), True, None)
    assert found.unscored == left_out
    assert ("not ranked by warga: in most articles" in found.summary()) is bool(left_out)
