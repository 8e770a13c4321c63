"""Distributed mode against a real redis-server on 127.0.0.1: the frontier's queue, politeness,
in-flight recovery and item queue; the ingester on a real archive; and real `warta worker` /
`warta ingest` processes crawling the test portal (same rows as one process, a SIGKILLed worker
loses nothing)."""

from __future__ import annotations

import itertools
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
import redis

from crawler.archive.sqlite import sqlite3  # the SQLite library the archive uses
from crawler.archive.storage import Archive
from crawler.distributed import (
    Frontier,
    Ingester,
    IngestError,
    WorkerSpider,
    decode_item,
    decode_request,
    encode_item,
    encode_request,
)
from crawler.fingerprints import content_hash, url_key
from crawler.items import ArticleItem
from crawler.testportal import PortalSpec, serve_portals
from tests.conftest import PROXY_VARS, REPO, run_warta

REDIS_SERVER = shutil.which("redis-server")
pytestmark = [
    pytest.mark.redis,
    pytest.mark.skipif(REDIS_SERVER is None, reason="redis-server is not installed"),
]
LOOPBACK = ["-s", "DOWNLOAD_DELAY=0", "-s", "AUTOTHROTTLE_ENABLED=False"]
CRAWL_TIMEOUT = 120  # seconds for one distributed crawl of the test portal, kills included
HEARTBEAT_SECONDS = 10
"""Heartbeat TTL of the kill test: a live worker beats every 3.3 s, so only a worker stalled for
10 s is presumed dead (seen: 4 s was too short on a 2-core machine at load 13); the victim's
requests come back 10 s after the kill."""
KILL_AFTER_ARTICLES = 8  # article responses served before the gate holds the rest (of 60)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def redis_server(tmp_path_factory):
    """A redis-server of our own on 127.0.0.1 (free port, no persistence), stopped after."""
    folder = tmp_path_factory.mktemp("redis")
    for _attempt in range(5):  # another process may take the free port before redis binds it
        port = _free_port()
        process = subprocess.Popen(
            [REDIS_SERVER, "--port", str(port), "--bind", "127.0.0.1", "--save", "",
             "--appendonly", "no", "--dir", str(folder)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )  # fmt: skip
        client = redis.Redis(host="127.0.0.1", port=port)
        deadline = time.monotonic() + 5
        while time.monotonic() < deadline and process.poll() is None:
            try:
                client.ping()
                break
            except redis.ConnectionError:
                time.sleep(0.05)
        else:
            process.kill()
            process.wait()
            continue
        try:
            yield f"redis://127.0.0.1:{port}/0"
        finally:
            process.terminate()
            process.wait(timeout=10)
        return
    pytest.fail("redis-server did not start")


@pytest.fixture
def redis_url(redis_server):
    """The test Redis, emptied."""
    redis.Redis.from_url(redis_server).flushall()
    return redis_server


@pytest.fixture
def frontier(redis_url):
    return Frontier.connect(redis_url)


# -- codecs -------------------------------------------------------------------------------------


def test_requests_round_trip_through_json_with_callbacks_by_name():
    from scrapy import Request

    spider = WorkerSpider()
    request = Request(
        "http://127.0.0.1:8000/2024/05/21/banjir-rob/?utm_source=x",
        callback=spider.parse_article,
        errback=spider.on_error,
        priority=1290,
        headers={"If-None-Match": '"abc"'},
        meta={"kind": "article", "warta_portal": "portal-a", "listed": None, "pages": [1, 2]},
    )
    back = decode_request(encode_request(request), spider)
    assert back.url == request.url
    assert back.callback.__name__ == "parse_article" and back.callback.__self__ is spider
    assert back.errback.__name__ == "on_error"
    assert back.priority == 1290
    assert back.headers.get("If-None-Match") == b'"abc"'
    assert back.meta == request.meta


def test_articles_round_trip_with_their_raw_response():
    item = ArticleItem(
        url="http://127.0.0.1:8000/a/",
        url_key="127.0.0.1:8000/a",
        site="portal-a",
        title="Banjir rob di pesisir",
        body="Air laut naik.\n\nWarga mengungsi.",
        authors=["Rina Marlina"],
        tags=["banjir"],
        raw_body="<html>Banjir rob…</html>".encode(),
        raw_headers={"ETag": '"x"'},
    )
    back = decode_item(json.loads(json.dumps(encode_item(item))))
    assert back.raw_body == item.raw_body and back.raw_headers == item.raw_headers
    assert (back.url_key, back.title, back.body, back.authors, back.tags) == (
        item.url_key, item.title, item.body, item.authors, item.tags
    )  # fmt: skip


# -- the frontier: queue order, politeness, in-flight recovery ----------------------------------


_IDS = itertools.count(1)


def _claim(frontier, worker="w1", **policy):
    policy = {"concurrency": 0, "delay": 0.0, "lease_seconds": 60.0, **policy}
    return frontier.claim_request(worker, str(next(_IDS)), **policy)


def test_portals_take_turns_within_a_priority_and_priority_comes_first(frontier):
    for i in range(3):
        frontier.push_request("a.example", 10, f"a{i}")
    for i in range(3):
        frontier.push_request("b.example", 10, f"b{i}")
    frontier.push_request("c.example", 20, "c0")
    order = [_claim(frontier).payload for _ in range(7)]
    assert order == ["c0", "a0", "b0", "a1", "b1", "a2", "b2"]
    assert _claim(frontier) is None


@pytest.mark.parametrize(
    ("concurrency", "handed_out"),
    [(1, ["a0", "b0"]), (2, ["a0", "b0", "a1", "b1"]), (0, ["a0", "b0", "a1", "b1", "a2", "b2"])],
)
def test_concurrency_per_portal_holds_across_workers(frontier, concurrency, handed_out):
    for i in range(3):
        frontier.push_request("a.example", 0, f"a{i}")
        frontier.push_request("b.example", 0, f"b{i}")
    got = []
    for worker in ["w1", "w2", "w3"] * 3:  # three workers asking in turn
        claim = _claim(frontier, worker, concurrency=concurrency)
        if claim:
            got.append(claim)
    assert [c.payload for c in got] == handed_out
    if concurrency:
        first = got[0]
        frontier.end_download("w1", first.inflight_id, first.portal)  # a0's response arrived
        assert _claim(frontier, "w2", concurrency=concurrency).portal == "a.example"


def test_delay_per_portal_spaces_hand_outs_across_workers(frontier):
    for i in range(2):
        frontier.push_request("a.example", 0, f"a{i}")
    # Redis' clock decides; 2 s leaves room for a stalled machine between the first two claims
    assert _claim(frontier, "w1", delay=2.0).payload == "a0"
    assert _claim(frontier, "w2", delay=2.0) is None  # inside the portal's delay
    time.sleep(2.05)
    assert _claim(frontier, "w2", delay=2.0).payload == "a1"


def test_a_portal_override_from_the_registry_wins_over_the_default(frontier):
    frontier.seed([{"url": "http://a.example/", "site": "a"}], concurrency={"a.example": 1})
    for i in range(2):
        frontier.push_request("a.example", 0, f"a{i}")
    assert _claim(frontier, concurrency=8).payload == "a0"
    assert _claim(frontier, concurrency=8) is None


def test_a_dead_workers_requests_and_seeds_go_back_once(frontier):
    frontier.push_request("a.example", 5, "a0")
    frontier.push_request("a.example", 5, "a1")
    frontier.seed([{"url": "http://a.example/", "site": "a"}])
    frontier.beat("w1", {"pid": 1}, ttl=0.2)
    held = [_claim(frontier, "w1"), _claim(frontier, "w1")]
    assert all(held) and frontier.claim_seed("w1", "s1") is not None
    assert frontier.queued() == 0 and not frontier.drained()
    time.sleep(0.3)  # the heartbeat expires
    assert frontier.reap() == {"w1": 3}
    assert frontier.reap() == {}  # only one reaper wins
    assert frontier.queued() == 2 and frontier.redis.llen(frontier.keys.seeds) == 1
    assert "w1" not in frontier.workers()
    lost = [json.loads(m) for m in frontier.redis.lrange(frontier.keys.items, 0, -1)]
    assert lost[0]["type"] == "run_lost" and lost[0]["worker"] == "w1"
    assert sorted(_claim(frontier, "w2").payload for _ in range(2)) == ["a0", "a1"]


def test_a_live_worker_is_not_reaped_and_a_retiring_one_hands_its_work_back(frontier):
    frontier.push_request("a.example", 0, "a0")
    frontier.beat("w1", {}, ttl=30)
    _claim(frontier, "w1")
    assert frontier.reap() == {}
    assert frontier.retire("w1") == 1
    assert frontier.queued() == 1 and frontier.workers() == {}


def test_a_retry_replaces_its_parent_in_one_step(frontier):
    frontier.push_request("a.example", 0, "a0")
    parent = _claim(frontier, "w1", concurrency=1)
    frontier.push_request(
        "a.example", 0, "a0-retry", replaces=("w1", parent.inflight_id, parent.portal)
    )
    assert frontier.redis.hlen(frontier.keys.inflight("w1")) == 0
    assert _claim(frontier, "w1", concurrency=1).payload == "a0-retry"  # the lease was released


def test_drained_only_when_nothing_is_queued_or_held(frontier):
    assert frontier.drained()
    frontier.push_request("a.example", 0, "a0")
    assert not frontier.drained()
    claim = _claim(frontier, "w1")
    assert not frontier.drained()  # in flight
    frontier.release("w1", claim.inflight_id, claim.portal)
    assert frontier.drained()


def test_taken_messages_come_back_in_order_when_the_ingester_dies(frontier):
    frontier.send({"n": 1}, {"n": 2}, {"n": 3})
    assert [json.loads(m)["n"] for m in frontier.take(2)] == [1, 2]
    survivor = Frontier.connect(_url(frontier))  # a new ingester process
    assert survivor.recover_taken() == 2
    assert [json.loads(m)["n"] for m in survivor.take(10)] == [1, 2, 3]
    survivor.done_with_taken()
    assert survivor.waiting() == 0 and survivor.redis.llen(survivor.keys.processing) == 0


def _url(frontier) -> str:
    kwargs = frontier.redis.connection_pool.connection_kwargs
    return f"redis://{kwargs['host']}:{kwargs['port']}/{kwargs.get('db', 0)}"


# -- the ingester on a real archive ---------------------------------------------------------------


def _article(n: int, body: str | None = None) -> ArticleItem:
    url = f"http://127.0.0.1:8000/2024/05/{n:02d}/berita-{n}/"
    body = body or f"Warga Desa Sukamaju nomor {n} bergotong royong membersihkan saluran air."
    return ArticleItem(
        url=url, url_key=url_key(url), canonical_url=url, site="portal-a", title=f"Berita {n}",
        body=body, content_hash=content_hash(body), published_at=f"2024-05-{n:02d}T08:00:00+07:00",
        fetched_at="2024-06-01T03:00:00+00:00", http_status=200, raw_body=b"<html>x</html>",
        raw_headers={},
    )  # fmt: skip


def drained_ingester(frontier, archive) -> Ingester:
    """An ingester into `archive` that has applied every message queued (the caller closes it)."""
    ingester = Ingester(frontier, archive, batch_size=3, cluster_after_crawl=False)
    ingester.open()
    while ingester.step():
        pass
    return ingester


def test_the_ingester_stores_through_the_pipeline_code_and_publishes_known_urls(frontier, tmp_path):
    same = "Isi berita yang sama persis dimuat dua portal tanpa perubahan sedikit pun di sini."
    worker = "w1"
    run = f"{worker}|portal-a"
    frontier.send(
        {"type": "run_started", "run": run, "site": "portal-a", "worker": worker, "at": None},
        {"type": "article", "run": run, "item": encode_item(_article(1))},
        {"type": "article", "run": run, "item": encode_item(_article(2, same))},
        {"type": "article", "run": run, "item": encode_item(_article(3, same))},
        {"type": "not-a-kind"},
        {"type": "article", "run": run, "item": encode_item(_article(1))},  # delivered twice
        {"type": "run_finished", "run": run, "reason": "finished",
         "stats": {"downloader/response_count": 7, "warta/dropped/short-body": 1}, "at": None},
    )  # fmt: skip
    with Archive(tmp_path / "a.db") as archive:
        ingester = drained_ingester(frontier, archive)
        rows = {r["url_key"]: r for r in archive.iter_articles()}
        run_row = archive.runs(limit=1)[0]
        raw_pages = archive.conn.execute("SELECT count(*) FROM raw_pages").fetchone()[0]
        ingester.close()
    assert len(rows) == 3
    assert rows[_article(3).url_key]["duplicate_of"] == _article(2).url_key
    assert raw_pages == 4  # the repeated message keeps its raw page; its row is `unchanged`
    assert ingester.totals.articles == {"new": 2, "duplicate": 1, "unchanged": 1}
    assert ingester.totals.failed == 1 and frontier.redis.llen(frontier.keys.failed) == 1
    assert (run_row["worker"], run_row["site"], run_row["finish_reason"]) == (
        worker, "portal-a", "finished"
    )  # fmt: skip
    assert (run_row["pages_fetched"], run_row["articles_new"], run_row["articles_duplicate"]) == (
        7, 2, 1
    )  # fmt: skip
    assert run_row["articles_dropped"] == 1
    state = frontier.known_state(_article(1).url_key)
    assert state["outcome"] == "article" and state["fetched_at"]
    assert frontier.archived_count("portal-a") == 3


def test_a_feed_naming_a_refused_url_reaches_the_archive_and_the_mirror(frontier, tmp_path):
    key, url = "portal-a.example/kabar/sungai", "https://portal-a.example/kabar/sungai"
    frontier.send(
        {"type": "noted", "rows": [{"url_key": key, "url": url, "site": "portal-a",
                                    "channel": "sitemap"}], "at": None},
        {"type": "fetched", "url_key": key, "url": url, "site": "portal-a",
         "outcome": "dropped:not-article", "fetched_at": None},
        {"type": "listed", "url_key": key, "channel": "feed"},
    )  # fmt: skip
    with Archive(tmp_path / "a.db") as archive:
        ingester = drained_ingester(frontier, archive)
        assert archive.url_state(key)["channel"] == "feed"
        ingester.close()
    assert ingester.totals.failed == 0
    assert frontier.known_state(key)["channel"] == "feed"  # so a worker fetches it again once


def test_one_ingester_at_a_time(frontier, tmp_path):
    with Archive(tmp_path / "a.db") as archive:
        first = Ingester(frontier, archive, holder="first")
        first.open()
        with pytest.raises(IngestError, match="first"):
            Ingester(frontier, archive, holder="second").open()
        first.close()
        Ingester(frontier, archive, holder="second").open()


# -- the command line -----------------------------------------------------------------------------


def _cli(*args: str, redis_url: str):
    from click.testing import CliRunner

    from crawler.cli import cli

    return CliRunner().invoke(cli, list(args), env={"WARTA_REDIS_URL": redis_url})


def test_seeding_and_queue_commands(redis_url):
    seeded = _cli("crawl", "http://127.0.0.1:9/", "http://127.0.0.1:10/", redis_url=redis_url)
    assert seeded.exit_code == 0, seeded.output
    assert "seeded 2 portals (a new crawl round)" in seeded.output
    assert "no `warta ingest` is running" in seeded.output
    data = json.loads(_cli("queue", "--json", redis_url=redis_url).output)
    assert data["seeds_waiting"] == 2 and data["known_ready"] is False and not data["drained"]
    table = _cli("queue", redis_url=redis_url)
    assert table.exit_code == 0 and "seeds waiting             2" in table.output
    again = _cli("crawl", "http://127.0.0.1:9/", redis_url=redis_url)
    assert "joining the running crawl" in again.output
    wrong = _cli("crawl", "http://127.0.0.1:9/", "-s", "X=1", redis_url=redis_url)
    assert wrong.exit_code == 2 and "warta worker" in wrong.output


@pytest.mark.parametrize(
    "args", [["queue"], ["worker", "--until-done"], ["ingest"], ["crawl", "http://127.0.0.1:9/"]]
)
def test_an_unreachable_redis_is_one_line_not_a_traceback(args, tmp_path):
    closed = f"redis://127.0.0.1:{_free_port()}/0"  # nothing listens there
    db = ["--db", str(tmp_path / "a.db")] if args[0] == "ingest" else []
    result = _cli(*args, *db, redis_url=closed)
    assert result.exit_code == 1, result.output
    assert "cannot reach Redis" in result.output and result.exception.__class__ is SystemExit


# -- real processes against the test portal -------------------------------------------------------


def _env(redis_url: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in PROXY_VARS}
    env["WARTA_REDIS_URL"] = redis_url
    return env


def _spawn(*args: str, env: dict[str, str], log: Path) -> subprocess.Popen:
    handle = open(log, "w")  # noqa: SIM115 - closed when the process is reaped (test end)
    return subprocess.Popen(
        [sys.executable, "-m", "crawler.cli", *args], cwd=REPO, env=env, stdout=handle,
        stderr=subprocess.STDOUT,
    )  # fmt: skip


def _wait_all(processes: list[subprocess.Popen], timeout: float, logs: list[Path]) -> None:
    deadline = time.monotonic() + timeout
    try:
        for process in processes:
            process.wait(timeout=max(1.0, deadline - time.monotonic()))
    except subprocess.TimeoutExpired:
        tails = "\n".join(f"--- {log}\n{log.read_text()[-2000:]}" for log in logs)
        pytest.fail(f"distributed crawl not finished in {timeout} s\n{tails}")
    finally:
        for process in processes:
            if process.poll() is None:
                process.kill()
                process.wait()


def _worker_holding_a_request(frontier, fleet: list[subprocess.Popen]) -> subprocess.Popen:
    """A worker of the fleet with a request in flight (held at the gate). Not simply the first
    worker: the portal's concurrency is shared by the fleet (CONCURRENT_REQUESTS_PER_DOMAIN), so
    with three workers and two slots one worker may hold nothing at all."""
    by_pid = {process.pid: process for process in fleet}
    deadline = time.monotonic() + CRAWL_TIMEOUT
    while time.monotonic() < deadline:
        for info in frontier.workers().values():
            if info.get("inflight") and info.get("pid") in by_pid:
                return by_pid[info["pid"]]
        time.sleep(0.05)
    pytest.fail(f"no worker holds a request: {frontier.workers()}")


def distributed_crawl(portals, db: Path, redis_url: str, folder: Path, *, workers: int,
                      heartbeat: float, kill_one: bool = False) -> dict:  # fmt: skip
    """Ingester first (publishes the known URLs), seed, then the workers, each fetching one request
    at a time. The first portal's article gate decides the moments, not the machine's speed:
    without `kill_one`, a barrier holds article requests until every worker waits on one (so
    every worker provably fetches); with `kill_one`, after a few articles the gate holds them all,
    and a worker holding one is SIGKILLed with its request in flight."""
    env = _env(redis_url)
    frontier = Frontier.connect(redis_url)
    logs = [folder / "ingest.log"]
    ingester = _spawn("ingest", "--until-done", "--db", str(db), env=env, log=logs[0])
    deadline = time.monotonic() + 60
    while not frontier.known_ready():
        assert ingester.poll() is None, logs[0].read_text()
        assert time.monotonic() < deadline, "the ingester did not start"
        time.sleep(0.1)
    gated = portals[0]
    if kill_one:
        gated.gate(close_after=KILL_AFTER_ARTICLES)
    else:
        gated.gate(barrier=workers)
    seeded = run_warta("crawl", *[p.url for p in portals], env=env)
    assert seeded.returncode == 0, seeded.stderr
    fleet = []
    for i in range(workers):
        logs.append(folder / f"worker{i}.log")
        fleet.append(_spawn("worker", "--until-done", "--heartbeat", str(heartbeat), *LOOPBACK,
                            "-s", "CONCURRENT_REQUESTS=1", env=env, log=logs[-1]))  # fmt: skip
    killed_pid = None
    survivors = fleet
    if kill_one:
        gated.wait_for_gate(waiting=1, timeout=CRAWL_TIMEOUT)
        assert not frontier.drained(), "the crawl must still be running at the kill"
        victim = _worker_holding_a_request(frontier, fleet)
        killed_pid = victim.pid
        os.kill(killed_pid, signal.SIGKILL)
        victim.wait()
        gated.gate(open=1)
        survivors = [w for w in fleet if w is not victim]
    _wait_all([*survivors, ingester], CRAWL_TIMEOUT, logs)
    outputs = {log.name: log.read_text() for log in logs}
    assert ingester.returncode == 0, outputs["ingest.log"][-3000:]
    assert all(w.returncode == 0 for w in survivors), outputs
    return {"frontier": frontier, "logs": outputs, "killed_pid": killed_pid}


def _rows(db: Path) -> dict[str, tuple]:
    with sqlite3.connect(db) as conn:
        return {
            row[0]: row[1:]
            for row in conn.execute(
                "SELECT url_key, canonical_url, site, title, body, authors, editor, dateline_place,"
                " published_at, duplicate_of, content_hash, language, cluster_id, is_canonical"
                " FROM articles"
            )
        }


@pytest.mark.e2e
@pytest.mark.slow
def test_two_workers_and_an_ingester_store_what_one_process_stores(redis_url, tmp_path):
    specs = [PortalSpec(name="main", articles=20), PortalSpec(name="second", second_portal=True)]
    with serve_portals(specs) as portals:
        single_db = tmp_path / "single.db"
        single = run_warta("crawl", *[p.url for p in portals], *LOOPBACK, db=single_db)
        assert single.returncode == 0, single.stderr[-3000:]
        db = tmp_path / "distributed.db"
        crawl = distributed_crawl(portals, db, redis_url, tmp_path, workers=2, heartbeat=20)
        truth = {t["url_key"] for p in portals for t in p.truth()}
    single_rows, rows = _rows(single_db), _rows(db)
    assert set(rows) == set(single_rows) == truth
    wrong = [key for key in rows if rows[key] != single_rows[key]]
    assert not wrong, f"{len(wrong)} rows differ, e.g. {wrong[:3]}"
    with sqlite3.connect(db) as conn:
        raw = conn.execute(
            "SELECT count(*), count(DISTINCT url_key) FROM raw_pages WHERE part_of IS NULL"
        ).fetchone()
        parts = conn.execute("SELECT part_of, part FROM raw_pages WHERE part_of IS NOT NULL")
        parts = sorted(parts.fetchall())
        runs = conn.execute("SELECT worker, site, finish_reason, pages_fetched FROM crawl_runs")
        runs = runs.fetchall()
        outcomes = dict(conn.execute("SELECT outcome, count(*) FROM urls GROUP BY outcome"))
    with sqlite3.connect(single_db) as conn:
        single_outcomes = dict(conn.execute("SELECT outcome, count(*) FROM urls GROUP BY outcome"))
        single_parts = conn.execute("SELECT part_of, part FROM raw_pages WHERE part_of IS NOT NULL")
        single_parts = sorted(single_parts.fetchall())
    assert raw == (len(rows), len(rows)), "each article fetched once across the workers"
    assert parts == single_parts and len(parts) == 3, "a split article's later pages, once each"
    assert outcomes == single_outcomes
    workers = {worker for worker, *_ in runs}
    assert len(workers) == 2, "one crawl_runs row per worker and portal"
    assert all(reason == "finished" and pages > 0 for _, _, reason, pages in runs)
    status = crawl["frontier"].status()
    assert status["drained"] and status["items_waiting"] == 0 and status["items_failed"] == 0
    assert status["workers"] == {}


@pytest.mark.e2e
@pytest.mark.slow
def test_a_worker_killed_mid_crawl_loses_nothing(redis_url, tmp_path):
    specs = [PortalSpec(name="main", articles=60, showcase=False)]
    with serve_portals(specs) as portals:
        db = tmp_path / "distributed.db"
        crawl = distributed_crawl(
            portals, db, redis_url, tmp_path, workers=3, heartbeat=HEARTBEAT_SECONDS, kill_one=True
        )
        truth = {t["url_key"] for p in portals for t in p.truth()}
    rows = _rows(db)
    assert set(rows) == truth
    with sqlite3.connect(db) as conn:
        runs = conn.execute("SELECT worker, finish_reason FROM crawl_runs").fetchall()
    lost = {w for w, reason in runs if reason == "worker-lost"}
    assert lost and all(f":{crawl['killed_pid']}:" in w for w in lost)
    assert any(reason == "finished" for _, reason in runs)
    assert "stopped beating" in "".join(crawl["logs"].values())
    assert crawl["frontier"].status()["items_failed"] == 0
