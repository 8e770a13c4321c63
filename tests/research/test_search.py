"""Search: ranking, filters, snippets, and malformed queries as one-line errors."""

import pytest

from crawler.archive.storage import Archive
from crawler.fingerprints import content_hash, url_key
from crawler.items import ArticleItem
from crawler.research.search import SearchError, search

ROWS = [
    (
        "https://a.id/2024/01/05/pilkada-banyuasin/",
        "a.id",
        "Pilkada Banyuasin memasuki masa kampanye",
        "Para calon bupati mulai berkampanye di desa-desa.",
        "2024-01-05T09:00:00+07:00",
    ),
    (
        "https://a.id/2024/02/10/jalan-rusak/",
        "a.id",
        "Jalan rusak di Betung dikeluhkan warga",
        "Warga menyebut jalan itu rusak sejak Pilkada lalu dan belum diperbaiki.",
        "2024-02-10T09:00:00+07:00",
    ),
    (
        "https://b.id/2023/12/01/banjir-garut/",
        "b.id",
        "Banjir di Garut",
        "Sungai Cimanuk meluap dan merendam permukiman.",
        "2023-12-01T09:00:00+07:00",
    ),
]


@pytest.fixture
def archive(archive_path):
    with Archive(archive_path) as archive:
        for url, site, title, body, published in ROWS:
            item = ArticleItem(
                url=url,
                url_key=url_key(url),
                site=site,
                title=title,
                body=body,
                published_at=published,
            )
            item.content_hash = content_hash(body)
            archive.save_article(item)
        archive.commit()
        yield archive


def test_title_hit_outranks_body_only_hit(archive):
    hits = search(archive, "pilkada")
    assert [h.url for h in hits] == [ROWS[0][0], ROWS[1][0]]
    assert hits[0].score < hits[1].score  # bm25: lower is better


def test_snippet_highlights_the_match(archive):
    (hit,) = search(archive, "cimanuk")
    assert "[Cimanuk]" in hit.as_json()["snippet"]


@pytest.mark.parametrize(
    "kwargs, expected",
    [
        ({"site": "b.id"}, []),
        ({"since": "2024-02-01"}, [ROWS[1][0]]),
        ({"until": "2024-02-01"}, [ROWS[0][0]]),
    ],
)
def test_filters(archive, kwargs, expected):
    assert [h.url for h in search(archive, "pilkada", **kwargs)] == expected


@pytest.mark.parametrize(
    "query", ['"unbalanced', "AND", "title:", "pilkada OR", "\x00x", "", "a" * 5000]
)
def test_malformed_queries_raise_search_error(archive, query):
    with pytest.raises(SearchError):
        search(archive, query)


def test_quotes_and_sql_are_data_not_code(archive):
    assert search(archive, '"\'; DROP TABLE articles; --"') == []
    assert archive.count_articles() == 3
