"""`newsmon` end to end in a subprocess, as a user runs it (Prefect's ephemeral server)."""

import json
import os
import subprocess
import sys

from conftest import SEEDS_DIR
from feeds_fixtures import rss


def newsmon(*args, cwd, timeout=120):
    env = dict(os.environ)
    return subprocess.run([sys.executable, "-m", "newsmon.cli", *args], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=timeout)


def test_run_then_sql(tmp_path, feed_server):
    url = feed_server.add("/f.xml", rss([{"title": "Venezuela item", "link": "http://n/1", "description": "x"}]))
    db = tmp_path / "cli.duckdb"
    run = newsmon("run", "--db", str(db), "--seeds", str(SEEDS_DIR), "--feed", url,
                  "--feed", "http://127.0.0.1:9/unreachable.xml", cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    assert "articles: 3 new, 0 already seen, 1 failed" in run.stdout
    assert "unreachable" in run.stdout

    again = newsmon("run", "--db", str(db), "--seeds", str(SEEDS_DIR), "--feed", url, cwd=tmp_path)
    assert again.returncode == 0, again.stderr
    assert "Nothing new since the last run." in again.stdout

    table = newsmon("sql", "select count(*) as n from articles", "--db", str(db), cwd=tmp_path)
    assert table.returncode == 0, table.stderr
    assert table.stdout.splitlines()[2].strip() == "3"
    as_json = newsmon("sql", "select source, count(*) as n from articles group by 1 order by 1",
                      "--db", str(db), "--json", cwd=tmp_path)
    assert json.loads(as_json.stdout) == [{"source": url, "n": 1}, {"source": "seeds", "n": 2}]
    as_csv = newsmon("sql", "select 1 as a, NULL as b", "--db", str(db), "--csv", cwd=tmp_path)
    assert as_csv.stdout.splitlines() == ["a,b", "1,"]


def test_sql_errors_are_clear(tmp_path):
    missing = newsmon("sql", "select 1", "--db", str(tmp_path / "none.duckdb"), cwd=tmp_path)
    assert missing.returncode == 2 and "run `newsmon run` first" in missing.stderr
