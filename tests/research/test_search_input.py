"""Search takes what people type (issue 12, items 4 and 5), through the CLI, checked by the API."""

import json

import pytest
from click.testing import CliRunner

from crawler.archive.storage import Archive
from crawler.cli import cli
from crawler.fingerprints import content_hash, url_key
from crawler.research.search import SearchError, find, search

TYPED = {
    "covid": ("Kasus covid-19 di Banyuasin turun", "Dinas mencatat kasus covid-19 menurun."),
    "reduplicated": ("Desa-desa di Garut berbenah", "Anak-anak ikut membersihkan desa-desa."),
    "percent": ("Harga cabai naik 80%", "Pedagang menyebut kenaikan 80% dalam sepekan."),
    "apostrophe": ("Warga: it's time", "Spanduk bertuliskan it's time terpasang di balai."),
    "pilkada": ("Pilkada damai", "KPU dan warga menjaga pilkada tetap damai."),
    "pilkada-only": ("Pilkada tanpa insiden", "Warga menyambut pilkada dengan tenang."),
}
VILLAGES = 60  # articles that all hold `desa`, more than the default --limit of 20


def _row(url: str, site: str, title: str, body: str, day: int) -> dict:
    return {
        "url": url,
        "url_key": url_key(url),
        "site": site,
        "title": title,
        "body": body,
        "published_at": f"2024-03-{day:02d}T08:00:00+07:00",
        "content_hash": content_hash(body),
        "authors": ["Rina Wulandari"],
        "language": "id",
    }


@pytest.fixture(scope="module")
def archive_file(tmp_path_factory):
    path = tmp_path_factory.mktemp("typed") / "archive.db"
    with Archive(path) as archive:
        for number, (title, body) in enumerate(TYPED.values(), 1):
            archive.save_article(_row(f"https://ttn.co.id/{number}/", "ttn", title, body, number))
        for number in range(VILLAGES):
            archive.save_article(
                _row(
                    f"https://kabardesa.id/{number}/",
                    "kabardesa.id",
                    f"Rapat desa ke-{number}",
                    f"Warga desa membahas dana desa tahap {number}.",
                    1 + number % 28,
                )
            )
        archive.commit()
    return path


def run(archive_file, *args):
    return CliRunner().invoke(cli, ["search", *args, "--db", str(archive_file)])


def cli_urls(result) -> list[str]:
    return [line.strip() for line in result.stdout.splitlines() if line.startswith("    http")]


def api_urls(archive_file, query, **kwargs) -> list[str]:
    with Archive(archive_file, readonly=True) as archive:
        return [hit.url for hit in search(archive, query, **kwargs)]


@pytest.mark.parametrize(
    "query, number",
    [
        ("covid-19", 1),
        ("desa-desa", 2),
        ("anak-anak", 2),
        ("80%", 3),
        ("it's", 4),
    ],
)
def test_typed_words_search_as_the_words_they_are(archive_file, query, number):
    result = run(archive_file, query)
    assert result.exit_code == 0, result.output
    expected = f"https://ttn.co.id/{number}/"
    assert cli_urls(result) == [expected]
    assert api_urls(archive_file, query) == [expected]


def test_a_hyphenated_word_is_its_words_in_order(archive_file):
    # `desa-desa` is the phrase "desa desa": the 60 articles that only say `desa` once at a time
    # do not match it
    assert len(api_urls(archive_file, "desa", limit=100)) == VILLAGES + 1
    assert api_urls(archive_file, "desa-desa") == ["https://ttn.co.id/2/"]


@pytest.mark.parametrize(
    "typed, upper",
    [("pilkada not kpu", "pilkada NOT kpu"), ("pilkada or covid", "pilkada OR covid"),
     ("pilkada and kpu", "pilkada AND kpu"), ("pilkada -kpu", "pilkada NOT kpu"),
     ("near(kasus covid, 3)", "NEAR(kasus covid, 3)")],
)  # fmt: skip
def test_operators_work_in_the_case_people_type_them(archive_file, typed, upper):
    lower_result = run(archive_file, typed)
    assert lower_result.exit_code == 0, lower_result.output
    assert cli_urls(lower_result) == cli_urls(run(archive_file, upper))
    assert cli_urls(lower_result)  # every pair finds something
    assert api_urls(archive_file, typed) == api_urls(archive_file, upper)


def test_lower_case_not_excludes(archive_file):
    assert api_urls(archive_file, "pilkada not kpu") == ["https://ttn.co.id/6/"]
    assert api_urls(archive_file, '"not"') == []  # quoted, an operator is a word


@pytest.mark.parametrize(
    "query, advice",
    [
        ('"unbalanced', 'add the closing "'),
        ("AND", 'quote it: "and"'),
        ("pilkada OR", "needs something to search on each side"),
        ("NOT kpu", "needs something to search before it"),
        ("title:", "needs a word after it, e.g. title:pilkada"),
        ("titel:banjir", "the fields are title:, body:, authors:"),
        ("(banjir", 'add a ")"'),
        ("banjir)", "remove it"),
        ("NEAR(banjir garut,", "NEAR(banjir garut, 5)"),
        ("%", "nothing to search for"),
    ],
)
def test_a_syntax_error_says_what_to_change(archive_file, query, advice):
    result = run(archive_file, query)
    assert result.exit_code == 2
    message = result.stderr.strip()
    assert advice in message and len(message.splitlines()) == 1, message
    with Archive(archive_file, readonly=True) as archive, pytest.raises(SearchError) as raised:
        search(archive, query)
    assert advice in str(raised.value)


def test_help_keeps_the_full_syntax():
    result = CliRunner().invoke(cli, ["search", "--help"])
    for needle in ('"dana hibah"', " OR ", " NOT ", "bangun*", "title:", "NEAR(", "covid-19",
                   "--newest", "--exact", "Example:"):  # fmt: skip
        assert needle in result.output, needle


def test_search_says_when_it_cuts_off(archive_file):
    result = run(archive_file, "desa")
    assert result.exit_code == 0
    assert len(cli_urls(result)) == 20
    assert result.stdout.splitlines()[-1] == "20 of 61 matches; --limit for more"
    every = run(archive_file, "desa", "--limit", "100")
    assert len(cli_urls(every)) == 61 and every.stdout.splitlines()[-1] == "61 matches"
    with Archive(archive_file, readonly=True) as archive:
        found = find(archive, "desa")
    assert (len(found.hits), found.total, found.total_exact) == (20, 61, True)
    as_json = run(archive_file, "desa", "--json")
    assert len([json.loads(line) for line in as_json.stdout.splitlines()]) == 20
    assert as_json.stderr.strip() == "20 of 61 matches; --limit for more"


def test_an_unknown_site_lists_the_sites(archive_file):
    result = run(archive_file, "desa", "--site", "nosuch")
    assert result.exit_code == 2
    assert "no portal 'nosuch'" in result.stderr and "kabardesa.id, ttn" in result.stderr


@pytest.mark.parametrize("site", ["ttn", "ttn.co.id", "https://www.ttn.co.id/", "TTN.co.id"])
def test_a_site_is_its_registry_name_or_its_host(archive_file, site):
    result = run(archive_file, "pilkada", "--site", site)
    assert result.exit_code == 0, result.output
    expected = ["https://ttn.co.id/5/", "https://ttn.co.id/6/"]
    assert sorted(cli_urls(result)) == expected
    assert sorted(api_urls(archive_file, "pilkada", site=site)) == expected
    assert api_urls(archive_file, "rapat", site=site) == []  # kabardesa.id's words stay out


def test_newest_first(archive_file):
    result = run(archive_file, "pilkada OR covid", "--newest")
    assert cli_urls(result) == [f"https://ttn.co.id/{n}/" for n in (6, 5, 1)]
