"""Search for research: Indonesian stems, every filter, --exact, query rewriting, the CLI."""

import json
import string

import pytest
from click.testing import CliRunner

from crawler.archive.storage import Archive
from crawler.cli import cli
from crawler.fingerprints import url_key
from crawler.research.query import parse, to_fts
from crawler.research.search import Filters, SearchError, prepare, search, snippet
from crawler.research.stemming import stem_text, stem_word, tokens
from tests.research.test_search_fixtures import (
    ARTICLES,
    article_item,
    build_archive,
    build_archive_from_before_the_stem_index,
)

BRIDGE, PILKADA, FLOOD, TOURISM, BRIDGE_COPY = (spec["url"] for spec in ARTICLES)


@pytest.fixture(scope="module")
def archive_file(tmp_path_factory):
    return build_archive(tmp_path_factory.mktemp("research") / "archive.db")


@pytest.fixture
def archive(archive_file):
    with Archive(archive_file, readonly=True) as archive:
        yield archive


def urls(hits):
    return sorted(h.url for h in hits)


@pytest.mark.parametrize(
    "word, stem",
    [
        ("pembangunan", "bangun"),
        ("dibangun", "bangun"),
        ("membangun", "bangun"),
        ("bangunan", "bangun"),
        ("berkampanye", "kampanye"),
        ("merendam", "rendam"),
        ("pemerintah", "perintah"),
        ("garut", "garut"),
    ],
)
def test_stem_word(word, stem):
    assert stem_word(word) == stem


@pytest.mark.parametrize(
    "query, fts",
    [
        ("pembangunan jembatan", '("bangun") AND ("jembatan")'),
        ('"dibangun di bantaran"', '"bangun di bantaran"'),
        ("banjir OR longsor", '("banjir") OR ("longsor")'),
        ("pilkada NOT kpu", '("pilkada") NOT ("kpu")'),
        ("bangun*", '"bangun"*'),
        ("pembangunan*", '"pembangunan"*'),  # a prefix stays as typed
        ("title:pembangunan", 'title : ("bangun")'),
        ("{title body}:dibangun", '{title body} : ("bangun")'),
        ("NEAR(pembangunan jembatan, 5)", 'NEAR("bangun" "jembatan", 5)'),
        ("desa_desa", '"desa desa"'),
        ("desa-desa", '"desa desa"'),
    ],
)
def test_stem_query_keeps_syntax_and_stems_words(query, fts):
    assert to_fts(parse(query).tree, stemmed=True) == fts


def test_stem_text_keeps_order_and_none():
    assert stem_text("Pembangunan Jembatan dibangun") == "bangun jembatan bangun"
    assert stem_text(None) is None


OLD_SEPARATORS = str.maketrans(
    dict.fromkeys(
        string.punctuation + "\u201c\u201d\u2018\u2019\u2013\u2014\u2026\u00ab\u00bb\u00b7\u2022",
        " ",
    )
)  # stem_text's table before it folded typographic marks first


@pytest.mark.parametrize(
    "text",
    [
        "\u201cKami membangun jembatan,\u201d kata Bupati \u2014 Rudy \u2013 kemarin\u2026",
        "\u2018Warga\u2019 \u00abmengungsi\u00bb \u00b7 banjir \u2022 pembangunan\xa0desa",
        "Kafe\u0301 di Garut, caf\u00e9 \u201cdibangun\u201d\xa0warga (2024)!",  # stays non-ASCII
        string.punctuation
        + "bangun\u201c\u201d\u2018\u2019\u2013\u2014\u2026\u00ab\u00bb\u00b7\u2022desa",
        "Pembangunan jembatan, dibangun warga: selesai.",
    ],
)
def test_stem_text_is_the_same_on_typographic_punctuation(text):
    """Folding typographic marks first (translate's ASCII fast path) changes no stem."""
    pieces = text.lower().translate(OLD_SEPARATORS).split()
    expected = " ".join(" ".join(stem_word(t) for t in tokens(piece)) for piece in pieces)
    assert stem_text(text) == expected


@pytest.mark.parametrize("query", ["bangun", "pembangunan", "dibangun", "membangun"])
def test_any_form_finds_every_form(archive, query):
    # `bangun` family: pembangunan (bridge + copy), membangun (pilkada), dibangun (flood),
    # bangunan (tourism)
    assert urls(search(archive, query)) == sorted([BRIDGE, PILKADA, FLOOD, TOURISM, BRIDGE_COPY])


def test_exact_matches_the_word_as_typed(archive):
    assert urls(search(archive, "dibangun", exact=True)) == [FLOOD]
    assert urls(search(archive, "bangun", exact=True)) == []
    assert urls(search(archive, "bangun*", exact=True)) == [TOURISM]


def test_title_hit_outranks_body_only_hit(archive):
    hits = search(archive, "kampanye")
    assert hits[0].url == PILKADA
    hits = search(archive, "pembangunan", canonical_only=True)
    assert hits[0].url == BRIDGE  # the word in the title: first
    assert hits[0].score < hits[-1].score


def test_snippet_highlights_other_forms(archive):
    (hit,) = search(archive, "banjir meluap", limit=5)
    assert "[meluap]" in hit.as_json()["snippet"]
    hits = {h.url: h for h in search(archive, "bangun")}
    assert "[dibangun]" in hits[FLOOD].as_json()["snippet"]
    assert "[bangunan]" in hits[TOURISM].as_json()["snippet"]


@pytest.mark.parametrize(
    "word",
    ["memukul", "menyapu", "mengatakan", "pengeluaran", "diperbaiki", "pemerintahan", "terendam"],
)
def test_a_stem_is_its_word_but_for_the_first_letter(word):
    """The premise of Match.stem_cores: snippets stem only words that hold a core."""
    assert stem_word(word) != word and stem_word(word)[1:] in word


@pytest.mark.parametrize(
    "query, text, highlighted",
    [
        ("kata", "Camat Sulaiman mengatakan jalan itu rusak.", "\x02mengatakan\x03"),
        ("pukul", "Warga memukul kentongan saat air naik.", "\x02memukul\x03"),
        ("sapu", "Petugas menyapu halaman pasar.", "\x02menyapu\x03"),
        ("rendam*", "Sawah terendam dan warga merendam benih.", "\x02merendam\x03"),
    ],
)
def test_snippet_highlights_recoded_forms(query, text, highlighted):
    assert highlighted in snippet(text, prepare(query))


def test_snippet_skips_a_core_inside_another_word():
    text = "Kepala dusun Tangun hadir pagi itu. " * 6 + "Jembatan itu dibangun warga desa."
    found = snippet(text, prepare("bangun"))
    assert "\x02dibangun\x03" in found and "\x02Tangun" not in found
    assert found.startswith("…")


def test_snippet_without_a_match_is_the_opening():
    text = "Warga desa bergotong royong memperbaiki saluran air sebelum musim hujan tiba. " * 5
    found = snippet(text, prepare("banjir"))
    assert found.startswith("Warga desa bergotong") and found.endswith("…")
    assert "\x02" not in found
    assert len(found.removesuffix("…").split()) == 16


def test_phrase_on_stems(archive):
    assert urls(search(archive, '"pembangunan jembatan"')) == sorted([BRIDGE, BRIDGE_COPY])
    assert urls(search(archive, '"jembatan pembangunan"')) == []


@pytest.mark.parametrize(
    "kwargs, expected",
    [
        ({"site": "garutpos.id"}, [FLOOD, TOURISM]),
        ({"region": "garut"}, [FLOOD, TOURISM]),
        ({"region": "Sumatera Selatan"}, [BRIDGE, PILKADA, BRIDGE_COPY]),
        ({"author": "rina wulandari"}, [BRIDGE, PILKADA, BRIDGE_COPY]),
        ({"author": "Agus Saputra"}, [PILKADA]),
        ({"author": "Rina"}, []),
        ({"language": "su"}, [TOURISM]),
        ({"since": "2024-03-03"}, [PILKADA, BRIDGE_COPY]),
        ({"until": "2024-01-15"}, [FLOOD]),
        ({"since": "2024-01-01", "until": "2024-03-03"}, [BRIDGE, TOURISM]),
        ({"canonical_only": True}, [BRIDGE, PILKADA, FLOOD, TOURISM]),
        ({"site": "kabarbanyuasin.id", "author": "Agus Saputra"}, [PILKADA]),
    ],
)
def test_filters(archive, kwargs, expected):
    assert urls(search(archive, "bangun", **kwargs)) == sorted(expected)


@pytest.mark.parametrize(
    "query",
    ['"unbalanced', "AND", "title:", "pilkada OR", "(banjir", "nosuchcolumn:banjir", "\x00", " "],
)
@pytest.mark.parametrize("exact", [False, True])
def test_malformed_queries_raise_search_error(archive, query, exact):
    with pytest.raises(SearchError):
        search(archive, query, exact=exact)


@pytest.mark.parametrize(
    "bad", [{"since": "yesterday"}, {"until": "2024-13-01"}, {"site": "a\x00"}]
)
def test_bad_filters_raise_search_error(archive, bad):
    with pytest.raises(SearchError):
        search(archive, "banjir", **bad)


def test_bad_limit_is_a_search_error(archive):
    with pytest.raises(SearchError):
        search(archive, "banjir", limit="many")
    assert len(search(archive, "bangun", limit=-5)) == 1  # clamped to at least one hit


def test_injection_attempts_are_data(archive):
    with pytest.raises(SearchError, match="no portal"):
        search(archive, "banjir", site="x' OR '1'='1")
    assert search(archive, "banjir", author="x' OR '1'='1") == []
    assert search(archive, '"\'; DROP TABLE articles; --"') == []
    assert archive.count_articles() == len(ARTICLES)


def test_filters_sql_is_parameterised():
    where, args = Filters(site="a'b", author="x", canonical_only=True).sql("a")
    assert "a'b" not in " ".join(where)
    assert args == ["a'b", "x", "x"]


def test_stem_index_follows_updates_and_deletes(tmp_path):
    path = build_archive(tmp_path / "a.db")
    with Archive(path) as archive:
        changed = article_item({**ARTICLES[2], "body": "Air surut dan warga membersihkan rumah."})
        assert archive.save_article(changed) == "updated"
        archive.commit()  # index writes land with the batch's commit
        assert urls(search(archive, "meluap")) == []  # only the old body had it
        assert urls(search(archive, "merendam")) == [FLOOD]  # still in the title
        assert urls(search(archive, "bersih")) == [FLOOD]
        archive.conn.execute("DELETE FROM articles WHERE url = ?", (FLOOD,))
        assert search(archive, "bersih") == []
        archive.conn.execute(
            "INSERT INTO articles_stem_fts(articles_stem_fts) VALUES ('integrity-check')"
        )
        archive.commit()


def test_migration_backfills_an_older_archive(tmp_path):
    """An archive written before the stem index existed gets its stems when it is opened."""
    path = build_archive_from_before_the_stem_index(tmp_path / "old.db")
    with Archive(path) as archive:
        assert urls(search(archive, "dibangun", site="garutpos.id")) == [FLOOD, TOURISM]


def run(*args):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def test_cli_json_and_filters(archive_file):
    result = run("search", "bangun", "--db", str(archive_file), "--region", "Garut", "--json")
    assert result.exit_code == 0, result.output
    found = [json.loads(line) for line in result.stdout.splitlines()]
    assert sorted(h["url"] for h in found) == [FLOOD, TOURISM]
    assert result.stderr.strip() == "2 matches"  # the count goes to stderr, the rows to stdout
    assert all(h["regency"] == "Garut" for h in found)


def test_cli_exact_and_text_output(archive_file):
    result = run("search", "dibangun", "--db", str(archive_file), "--exact")
    assert result.exit_code == 0
    assert "[dibangun]" in result.output and FLOOD in result.output
    assert run("search", "zzzz", "--db", str(archive_file)).output.strip() == "no match"


@pytest.mark.parametrize(
    "args",
    [
        ['"unbalanced'],
        ["pilkada OR"],
        ["banjir", "--since", "kemarin"],
        ["banjir", "--until", "2024-02-30"],
    ],
)
def test_cli_errors_are_one_line_exit_2(archive_file, args):
    result = CliRunner().invoke(cli, ["search", *args, "--db", str(archive_file)])
    assert result.exit_code == 2
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert len(result.output.strip().splitlines()) == 1
    assert "Traceback" not in result.output


def test_cli_help_explains_syntax():
    result = run("search", "--help")
    for needle in ('"dana hibah"', " OR ", " NOT ", "bangun*", "--exact", "Example:"):
        assert needle in result.output


def test_site_filter_inside_the_index_is_exact(tmp_path):
    """The portal token in the stem index matches one site name only, not a longer one."""
    specs = [
        {**ARTICLES[2], "url": "https://pos.id/banjir/", "site": "pos.id"},
        {**ARTICLES[2], "url": "https://garutpos.id/banjir/", "site": "garutpos.id"},
        {**ARTICLES[2], "url": "https://a.garutpos.id/banjir/", "site": "a.garutpos.id"},
    ]
    with Archive(build_archive(tmp_path / "s.db", specs)) as archive:
        for spec in specs:
            assert urls(search(archive, "banjir", site=spec["site"])) == [spec["url"]]
        assert archive.update_article_fields(url_key(specs[1]["url"]), {"site": "pos.id"})
        archive.commit()
        assert urls(search(archive, "banjir", site="pos.id")) == sorted(
            [specs[0]["url"], specs[1]["url"]]
        )
        with pytest.raises(
            SearchError, match=r"no portal 'garutpos\.id'.*a\.garutpos\.id, pos\.id"
        ):
            search(archive, "banjir", site="garutpos.id")  # no article of that portal left
