"""`warta serve`: Datasette metadata, search, facets, canned queries, read-only; a browser test."""

import asyncio
import json
import os
import re
import subprocess
import sys
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from crawler.research.serve import CANNED_QUERIES, build, database_name, metadata
from tests.conftest import PROXY_VARS, REPO
from tests.research.test_search_fixtures import ARTICLES, build_archive

CHROMIUM = Path("/usr/bin/chromium")
DEAD_PROXY_PORT = 9  # discard: nothing listens there on a test machine, so proxied requests fail
LOOPBACK_HOSTS = {"127.0.0.1", "localhost"}
BRIDGE, PILKADA, FLOOD, TOURISM, BRIDGE_COPY = (spec["url"] for spec in ARTICLES)
SERVE_START_SECONDS = 60  # a cold Datasette import on a busy 2-core machine takes ~5 s


@pytest.fixture(scope="module")
def archive_file(tmp_path_factory):
    return build_archive(tmp_path_factory.mktemp("serve") / "archive.db")


@pytest.fixture(scope="module")
def get(archive_file):
    datasette = build(archive_file)
    asyncio.run(datasette.invoke_startup())

    def fetch(path):
        return asyncio.run(datasette.client.get(path))

    return fetch


def test_metadata_has_title_dictionary_facets_and_queries(archive_file):
    found = metadata(archive_file)
    assert found["title"] == "Warta archive"
    database = found["databases"][database_name(archive_file)]
    articles = database["tables"]["articles"]
    assert "Place of the dateline" in articles["columns"]["dateline_place"]
    assert database["tables"]["article_list"]["facets"] == [
        "site",
        "province",
        "regency",
        "month",
        {"array": "authors"},
        "story_province",
        "story_regency",
    ]
    assert set(database["queries"]) == set(CANNED_QUERIES)


def test_search_page_is_the_stemmed_search_with_facets(get):
    response = get("/archive/search?q=bangun")
    assert response.status_code == 200
    html = response.text
    for url in (BRIDGE, PILKADA, FLOOD, TOURISM, BRIDGE_COPY):  # every form of `bangun`
        assert f'<a class="warta-article" href="{url}">' in html
    assert "5 matches" in html and 'data-facet="site"' in html and 'data-facet="month"' in html
    data = get("/archive/search.json?q=bangun&site=garutpos.id").json()
    assert {row["url"] for row in data["rows"]} == {FLOOD, TOURISM}
    assert data["facets"]["site"] == [["garutpos.id", 2]] and not data["facets_estimated"]


def test_search_page_says_what_to_change(get):
    response = get("/archive/search?q=pilkada+OR")
    assert response.status_code == 400
    assert "needs something to search on each side" in response.text
    response = get("/archive/search?q=banjir&site=nosuch")
    assert "garutpos.id, kabarbanyuasin.id" in response.text


@pytest.mark.parametrize("table", ["articles", "article_list"])
def test_table_pages_offer_only_the_stemmed_search_box(get, table):
    html = get(f"/archive/{table}").text
    assert "action='/archive/search'" in html and "name='q'" in html
    assert 'name="_search"' not in html  # no box of Datasette's own that matches words as typed


def test_facets_by_site_region_month_and_author(get):
    data = get("/archive/article_list.json?_extra=facet_results").json()
    facets = data["facet_results"]
    facets = facets.get("results", facets)  # Datasette 1.x nests them
    assert {"site", "province", "regency", "month", "authors"} <= set(facets)
    months = {row["value"]: row["count"] for row in facets["month"]["results"]}
    assert months["2024-03"] == 2
    authors = {row["value"]: row["count"] for row in facets["authors"]["results"]}
    assert authors["Rina Wulandari"] == 3


@pytest.mark.parametrize(
    "path, expected",
    [
        (
            "/archive/search.json?q=dibangun&_shape=array",
            {BRIDGE, PILKADA, FLOOD, TOURISM, BRIDGE_COPY},
        ),
        ("/archive/search.json?q=meluap&_shape=array", {FLOOD}),
        ("/archive/author_articles.json?author=agus+saputra&_shape=array", {PILKADA}),
        (f"/archive/copies_of_article.json?url={BRIDGE}&_shape=array", {BRIDGE, BRIDGE_COPY}),
    ],
)
def test_canned_queries(get, path, expected):
    response = get(path)
    assert response.status_code == 200, response.text
    assert {row["url"] for row in response.json()} == expected


def test_per_portal_per_month_counts_originals(get):
    rows = get("/archive/articles_per_portal_per_month.json?_shape=array").json()
    counts = {(r["site"], r["month"]): r["articles"] for r in rows}
    assert counts[("kabarbanyuasin.id", "2024-03")] == 1
    assert ("sumselterkini.id", "2024-03") not in counts  # only an exact copy there


def test_read_only(get, archive_file):
    response = get("/archive.json?sql=DELETE+FROM+articles")
    assert response.status_code == 400
    response = get("/archive.json?sql=select+count(*)+as+n+from+articles&_shape=array")
    assert response.json() == [{"n": len(ARTICLES)}]


def test_malformed_search_is_an_error_page_not_a_crash(get):
    response = get("/archive/search?q=%22unbalanced")
    assert response.status_code == 400
    assert "add the closing" in response.text


@pytest.fixture(scope="module")
def server(archive_file):
    """`warta serve --port 0` in a subprocess; yields its URL, stops it by its own pid."""
    env = {k: v for k, v in os.environ.items() if k not in PROXY_VARS}
    process = subprocess.Popen(
        [sys.executable, "-m", "crawler.cli", "serve", "--port", "0", "--db", str(archive_file)],
        cwd=REPO,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    try:
        line = process.stdout.readline()  # blocks until the address is printed (or exit)
        found = re.search(r"http://127\.0\.0\.1:\d+/", line)
        if not found:
            process.kill()
            pytest.fail(f"serve printed {line!r}; stderr: {process.stderr.read()[-500:]}")
        yield found.group(0)
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()


def test_serve_binds_loopback_and_answers(server):
    with urllib.request.urlopen(server + "archive/article_list.json?_shape=array", timeout=30) as r:
        rows = json.load(r)
    assert len(rows) == len(ARTICLES)


def test_serve_missing_archive_is_one_line(tmp_path):
    done = subprocess.run(
        [sys.executable, "-m", "crawler.cli", "serve", "--db", str(tmp_path / "none.db")],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=SERVE_START_SECONDS,
    )
    assert done.returncode == 1
    assert "no archive" in done.stderr and "Traceback" not in done.stderr
    assert not (tmp_path / "none.db").exists()


@pytest.mark.browser
@pytest.mark.skipif(not CHROMIUM.exists(), reason="no /usr/bin/chromium (apt-get install chromium)")
def test_browser_search_boxes_use_the_stemmed_search(server, tmp_path):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM),
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--disable-quic",
                # Everything not on loopback goes to a proxy port where nothing listens (Chromium
                # reaches 127.0.0.1 directly), so not even a stray IP literal leaves this machine.
                f"--proxy-server=http://127.0.0.1:{DEAD_PROXY_PORT}",
                "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1",
            ],
        )
        try:
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            requested: list[str] = []
            page.on("request", lambda request: requested.append(request.url))
            page.goto(server + "archive/article_list", timeout=30_000)
            page.fill("input#warta-q", "bangun")
            page.press("input#warta-q", "Enter")
            page.wait_for_url(re.compile(r"/archive/search\?q=bangun"), timeout=30_000)
            links = page.locator("a.warta-article")
            assert links.count() == 5  # stemmed: pembangunan, membangun, dibangun, bangunan
            assert {links.nth(i).get_attribute("href") for i in range(5)} == {
                BRIDGE,
                PILKADA,
                FLOOD,
                TOURISM,
                BRIDGE_COPY,
            }
            assert page.locator("text=5 matches").count() >= 1
            assert page.locator("[data-facet=regency] a", has_text="Garut").count() == 1
            page.goto(server + "archive/articles", timeout=30_000)  # the table with the text
            page.fill("input#warta-q", "meluap")
            page.press("input#warta-q", "Enter")
            page.wait_for_url(re.compile(r"/archive/search\?q=meluap"), timeout=30_000)
            link = page.locator("a.warta-article")
            assert link.count() == 1 and link.first.get_attribute("href") == FLOOD
            assert link.first.inner_text() == ARTICLES[2]["title"]
            shot = tmp_path / "serve-search.png"
            page.screenshot(path=str(shot), full_page=True)
            assert shot.stat().st_size > 10_000
            outside = [u for u in requested if urlsplit(u).hostname not in LOOPBACK_HOSTS]
            assert not outside, f"the page asked for non-loopback URLs: {outside[:3]}"
        finally:
            browser.close()
