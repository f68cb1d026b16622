"""Issue 8: fault and hostile-input cases through the real code path: the `monitor` flow on
Prefect's test harness, or `newsmon run` in a subprocess, against feeds served by a real HTTP
server on 127.0.0.1. Each run must end on its own within a bound, record the bad feed or item
with a clear reason, ingest the other feeds of the same run, and a rerun must store nothing
twice and lose nothing.

Cases batched per run (each Prefect run costs seconds). Covered elsewhere through the real path,
not repeated here: bad feeds file (tests/flows/test_monitor.py::test_a_failing_task_fails_the_flow),
readers during a run (tests/store/test_db.py::test_a_reader_waits_for_the_writer_then_reads),
the 2,106 feeds of feedparser's own suite, charsets included
(tests/feeds/test_feedparser_corpus.py).
"""

from __future__ import annotations

import asyncio
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest

from feed_server import FeedServer
from feeds_fixtures import rss

# The description is HTML: `&lt;img ...&gt;` in it is markup shown as text (a real <img> tag would
# be stripped); rss() escapes it once more for the XML.
FTO = ("On November 24, 2025, the State Department formally designated Cartel de los Soles as a Foreign "
       "Terrorist Organization &lt;img src=x onerror=alert(1)&gt;, a step Caracas called ridiculous.")
MARKUP = "<img src=x onerror=alert(1)>"


def rows(db_path, sql, params=None):
    with duckdb.connect(str(db_path), read_only=True) as con:
        return con.execute(sql, params or []).fetchall()


def free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def billion_laughs(levels: int = 5, uses: int = 20) -> bytes:
    decls = '<!ENTITY a0 "' + "x" * 100 + '">' + "".join(
        f'<!ENTITY a{i} "' + f"&a{i - 1};" * 10 + '">' for i in range(1, levels + 1))
    return (f'<?xml version="1.0"?><!DOCTYPE rss [{decls}]><rss version="2.0"><channel><title>t</title>'
            f'<item><title>Bomb</title><description>{f"&a{levels};" * uses}</description></item>'
            '</channel></rss>').encode()


def serve_hostile(server: FeedServer, other: FeedServer, tmp_path: Path) -> dict[str, str]:
    """name -> URL of every feed of the batched run."""
    local = tmp_path / "local-secret.xml"
    local.write_text(rss([{"title": "LOCAL FILE CONTENT", "link": "http://local/1", "description": "secret"}]),
                     encoding="utf-8")
    other.add("/internal", rss([{"title": "INTERNAL SERVICE", "link": "http://internal/1", "description": "x"}]))
    latin = ('<?xml version="1.0" encoding="iso-8859-1"?><rss version="2.0"><channel><title>t</title>'
             '<item><title>Peña Nieto y el café de Mérida</title><link>http://latin.example/1</link>'
             '<description>Señal</description></item></channel></rss>').encode("iso-8859-1")
    malformed = rss([{"title": "Survives malformed XML", "link": "http://malformed.example/1",
                      "description": "kept"}]).replace("</channel></rss>", "<item><title>cut")
    server.add("/moved-here.xml", rss([{"title": "Moved feed story", "link": "http://moved.example/1",
                                         "description": "Fishermen in Vigo."}]))
    feeds = {
        "good": server.add("/good.xml", rss([{"title": "US designates Venezuela's Cartel de los Soles a terrorist group",
                                              "link": "http://news.example/fto", "description": FTO,
                                              "pubDate": "Mon, 24 Nov 2025 15:00:00 GMT"}])),
        "local_path": server.add("/local.xml", str(local)),
        "dev_zero": server.add("/zero.xml", "/dev/zero"),
        "redirect_loopback": server.add("/hop.xml", status=302, location=other.url("/internal")),
        "redirect_metadata": server.add("/meta.xml", status=302, location="http://169.254.169.254/latest/meta-data/"),
        "redirect_same_origin": server.add("/moved.xml", status=301, location="/moved-here.xml"),
        "guid_a": server.add("/a.xml", rss([{"title": "Feed A: port strike talks", "guid": "12345",
                                             "description": "Dockworkers in Rotterdam met employers."}])),
        "guid_b": server.add("/b.xml", rss([{"title": "Feed B: wheat harvest", "guid": "12345",
                                             "description": "Farmers in Kansas reported a record yield."}])),
        "rate_limited": server.add("/429.xml", status=429, extra_headers={"Retry-After": "600"}),
        "unavailable": server.add("/503.xml", status=503,
                                  extra_headers={"Retry-After": "Wed, 21 Oct 2065 07:28:00 GMT"}),
        "malformed": server.add("/malformed.xml", malformed),
        "body_50mb": server.add("/huge.xml", generate=50_000_000),
        "slow_drip": server.add("/drip.xml", rss([{"title": "drip", "link": "http://d/1"}]), drip_s=0.05),
        "http_500": server.add("/500.xml", status=500),
        "latin1": server.add("/latin.xml", latin, content_type="application/rss+xml; charset=iso-8859-1"),
        "relative": server.add("/relative.xml", rss([{"title": "Relative link story", "link": "/story/rel",
                                                      "description": "Bakers in Lyon."}])),
        "entity_bomb": server.add("/bomb.xml", billion_laughs()),
    }
    return feeds


def read_artifact_markdown() -> str:
    from prefect.client.orchestration import get_client

    async def latest():
        async with get_client() as client:
            response = await client._client.post("/artifacts/filter", json={
                "artifacts": {"key": {"any_": ["newsmon-alerts"]}}, "limit": 1, "sort": "CREATED_DESC"})
            return response.json()[0]["data"]

    return asyncio.run(latest())


def test_issue8_hostile_feeds_in_one_monitor_run_then_a_rerun(prefect_harness, settings, tmp_path):
    from flows.monitor import monitor
    from newsmon.digest import build_digest
    from newsmon.report import format_result

    with FeedServer() as server, FeedServer() as other:
        feeds = serve_hostile(server, other, tmp_path)
        names = {url: name for name, url in feeds.items()}
        webhook = f"http://127.0.0.1:{free_port()}/hook"  # nobody listens: the webhook is down
        s = settings.model_copy(update={
            "feed_urls": list(feeds.values()), "alert_jsonl_path": tmp_path / "alerts.jsonl",
            "alert_webhook_url": webhook, "alert_webhook_timeout_s": 1.0, "alert_webhook_backoff_s": 0.1,
            "fetch_timeout_s": 1.0, "fetch_deadline_s": 2.0, "fetch_max_bytes": 10_000_000})

        started = time.perf_counter()
        state = monitor(settings=s, return_state=True)
        first_s = time.perf_counter() - started
        assert state.is_completed(), state.message
        result = state.result()
        by = {names[x.source]: x for x in result.ingest.sources}
        text = format_result(result)
        print(f"\nfirst run: {first_s:.1f}s\n{text}")

        # 3: a body that names a path is parsed as a body, never opened
        for name in ("local_path", "dev_zero"):
            assert by[name].status == "error" and by[name].error.startswith("not a feed"), by[name]
        # 4: redirect hops to other private/loopback/link-local addresses are refused; same origin is fine
        assert "refused: 127.0.0.1 is a loopback address" in by["redirect_loopback"].error
        assert "169.254.169.254 is a link-local address" in by["redirect_metadata"].error
        assert other.requests == []
        assert by["redirect_same_origin"].new == 1
        # 6: the same plain GUID in two feeds of one host: two stories
        assert (by["guid_a"].new, by["guid_b"].new) == (1, 1)
        # 7: Retry-After (seconds and HTTP date) recorded, capped at a day
        assert "HTTP 429" in by["rate_limited"].error and "Retry-After" in by["rate_limited"].error
        assert "HTTP 503" in by["unavailable"].error and "Retry-After" in by["unavailable"].error
        # the eleven that held, through the flow
        assert by["malformed"].new == 1
        assert "exceeds the cap of 10000000" in by["body_50mb"].error
        assert "timed out" in by["slow_drip"].error
        assert by["http_500"].error == "HTTP 500 Internal Server Error"
        assert by["latin1"].new == 1 and by["relative"].new == 1
        assert "expand to 200,000,000 characters" in by["entity_bomb"].error
        assert by["good"].new == 1
        # 8: the webhook is down: the run says so per channel, and the other channels delivered
        webhook_result = result.delivery.channels["webhook"]
        assert webhook_result.delivered == 0 and webhook_result.pending >= 1
        assert result.delivery.channels["jsonl"].delivered == result.resolution.alerts >= 1
        assert "alert delivery:" in text and "  webhook: 0 delivered," in text

        db = s.db_path
        stored = dict(rows(db, "SELECT url, text FROM articles"))
        assert not any("LOCAL FILE CONTENT" in t or "INTERNAL SERVICE" in t for t in stored.values())
        assert stored[server.url("/story/rel")].startswith("Relative link story")
        assert any("Peña Nieto y el café de Mérida" in t for t in stored.values())
        # 5: escaped markup is literal text in articles.text, and escaped wherever rendered
        assert MARKUP in stored["http://news.example/fto"]
        assert rows(db, "SELECT last_http_status, next_poll_at IS NOT NULL, "
                        "next_poll_at < now() + INTERVAL 25 HOUR FROM feeds WHERE url = ?",
                    [feeds["unavailable"]]) == [(503, True, True)]
        alert_payloads = [json.loads(line)["event"] for line in
                          (tmp_path / "alerts.jsonl").read_text(encoding="utf-8").splitlines()]
        carried = [p for p in alert_payloads if MARKUP in json.dumps(p, ensure_ascii=False)]
        print(f"alerts carrying the markup as text: {len(carried)} of {len(alert_payloads)}")
        with duckdb.connect(str(db), read_only=True) as con:
            from datetime import datetime, timedelta, timezone

            now = datetime.now(timezone.utc)
            digest = build_digest(con, now - timedelta(days=1), now + timedelta(minutes=1)).markdown
        artifact = read_artifact_markdown()
        for rendered in (digest, artifact):
            assert "<img" not in rendered and "onerror=alert(1)>" not in rendered
        if carried:
            assert "&lt;img src=x onerror=alert(1)&gt;" in digest + artifact

        # the rerun: nothing stored twice, 304s, the rate-limited feeds are not asked again
        count = rows(db, "SELECT count(*) FROM articles")[0][0]
        requests_429 = len(server.statuses("/429.xml"))
        started = time.perf_counter()
        second = monitor(settings=s)
        second_s = time.perf_counter() - started
        by2 = {names[x.source]: x for x in second.ingest.sources}
        print(f"second run: {second_s:.1f}s\n{format_result(second)}")
        assert second.ingest.new == 0 and rows(db, "SELECT count(*) FROM articles")[0][0] == count
        assert by2["good"].status == "not_modified" and 304 in server.statuses("/good.xml")
        assert (by2["rate_limited"].status, by2["unavailable"].status) == ("deferred", "deferred")
        assert by2["rate_limited"].error.endswith("(Retry-After of HTTP 429 Too Many Requests)")
        # a feed that was no feed is fetched again and still reported, not hidden behind a 304
        for name in ("local_path", "dev_zero", "entity_bomb"):
            assert by2[name].status == "error" and by2[name].error == by[name].error
        assert len(server.statuses("/429.xml")) == requests_429
        assert second.delivery.channels["webhook"].pending == webhook_result.pending
        assert first_s < 120 and second_s < 60


def newsmon_run(*args: str, cwd: Path, home: Path) -> subprocess.Popen:
    env = dict(os.environ, PREFECT_HOME=str(home), PREFECT_SERVER_ANALYTICS_ENABLED="false",
               NEWSMON_FETCH_DEADLINE_S="60", NEWSMON_FETCH_TIMEOUT_S="20", NEWSMON_DB_LOCK_WAIT_S="300")
    home.mkdir(parents=True, exist_ok=True)
    # output to files, not pipes: a full pipe would block the child while it is not being waited on
    out, err = (open(home / name, "w+", encoding="utf-8") for name in ("stdout", "stderr"))
    proc = subprocess.Popen([sys.executable, "-m", "newsmon.cli", "run", "--no-seeds", *args], cwd=cwd, env=env,
                            stdout=out, stderr=err, text=True)
    proc.outputs, proc.started = (out, err), time.perf_counter()
    return proc


def _ends(text: str) -> str:
    """The first and last lines of a child's stderr: the first error is at the top, the last at the end."""
    return text if len(text) <= 6000 else text[:3000] + "\n[...]\n" + text[-3000:]


def wait_measured(proc: subprocess.Popen, timeout_s: float) -> tuple[int, float, int, str, str]:
    """(returncode, seconds since it started, peak RSS in MB, stdout, stderr) of one child."""
    deadline = time.perf_counter() + timeout_s
    while True:
        pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
        if pid:
            break
        if time.perf_counter() > deadline:
            proc.kill()
            pytest.fail(f"newsmon run did not end within {timeout_s}s")
        time.sleep(0.1)
    seconds = time.perf_counter() - proc.started
    proc.returncode = os.waitstatus_to_exitcode(status)
    texts = []
    for handle in proc.outputs:
        handle.seek(0)
        texts.append(handle.read())
        handle.close()
    return proc.returncode, seconds, usage.ru_maxrss // 1024, texts[0], texts[1]


def large_feed(n: int) -> str:
    return rss([{"title": f"Harbour report {i}: cargo volumes in Rotterdam", "guid": f"urn:big:{i}",
                 "link": f"http://big.example/{i}", "description": f"Port authorities counted {i} containers "
                 "on the quay this week, a figure they called routine.", "pubDate": "Mon, 24 Nov 2025 10:00:00 GMT"}
                for i in range(n)])


def test_issue8_large_feed_kill_9_mid_run_and_two_writers_via_the_cli(tmp_path):
    """`newsmon run` in subprocesses: a 5,000-item feed (time, peak memory), a run killed with
    SIGKILL while it fetches (nothing half-stored; the rerun stores everything once), then two
    runs writing the same store at once (both complete; nothing stored twice)."""
    db = tmp_path / "store.duckdb"
    with FeedServer() as server:
        big = server.add("/big.xml", large_feed(5000))
        small = server.add("/small.xml", rss([{"title": "Small feed item", "link": "http://small.example/1",
                                               "description": "Bakers in Lyon."}]))
        drip = server.add("/drip.xml", rss([{"title": "Dripped item", "link": "http://drip.example/1",
                                             "description": "Slowly."}]), drip_s=0.02)
        print(f"\n5,000-item feed: {len(server.routes['/big.xml'].body) / 1e6:.1f} MB")

        # kill -9 while fetching: the drip keeps the run in its fetch stage
        victim = newsmon_run("--db", str(db), "--feed", big, "--feed", drip, cwd=tmp_path, home=tmp_path / "p0")
        deadline = time.monotonic() + 120
        while not server.active and time.monotonic() < deadline:  # the drip is being served
            if victim.poll() is not None:
                pytest.fail(f"run ended before it was killed: {(tmp_path / 'p0' / 'stderr').read_text()[-2000:]}")
            time.sleep(0.05)
        assert server.active, "the run never fetched the dripping feed"
        os.kill(victim.pid, signal.SIGKILL)
        victim.wait(30)
        before = rows(db, "SELECT count(*) FROM articles")[0][0] if db.exists() else 0
        assert before == 0  # killed before its one store transaction: nothing half-stored

        # the rerun, measured: the 5,000-item feed stored once
        server.routes["/drip.xml"].drip_s = 0
        code, seconds, peak_mb, out, err = wait_measured(
            newsmon_run("--db", str(db), "--feed", big, "--feed", drip, cwd=tmp_path, home=tmp_path / "p1"), 600)
        print(f"rerun with the 5,000-item feed: exit {code}, {seconds:.1f}s, peak RSS {peak_mb} MB\n"
              + "\n".join(line for line in out.splitlines() if not line.startswith("http")))
        assert code == 0, _ends(err)
        assert "articles: 5001 new, 0 already seen, 0 failed" in out, out
        assert rows(db, "SELECT count(*), count(DISTINCT url) FROM articles") == [(5001, 5001)]

        # two writers at once: both end, one waits for the other's lock; nothing stored twice
        server.update("/big.xml", large_feed(5010))
        started = time.perf_counter()
        first = newsmon_run("--db", str(db), "--feed", big, cwd=tmp_path, home=tmp_path / "p2")
        second = newsmon_run("--db", str(db), "--feed", big, "--feed", small, cwd=tmp_path, home=tmp_path / "p3")
        outcomes = [wait_measured(p, 600) for p in (first, second)]
        print("two writers: " + "; ".join(f"exit {c}, {s:.1f}s, peak RSS {m} MB" for c, s, m, _, _ in outcomes)
              + f"; wall {time.perf_counter() - started:.1f}s")
        for code, _, _, _, err in outcomes:
            assert code == 0, _ends(err)
        new_counts = [int(out.split("articles: ")[1].split(" new")[0]) for _, _, _, out, _ in outcomes]
        assert sum(new_counts) == 11  # the 10 new big items once, and the small feed's item
        assert rows(db, "SELECT count(*), count(DISTINCT url) FROM articles") == [(5012, 5012)]
        assert peak_mb < 1500
