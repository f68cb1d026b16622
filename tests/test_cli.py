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


def _one_clear_line(result) -> str:
    """stderr is one line, without a traceback."""
    assert "Traceback" not in result.stderr, result.stderr
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, result.stderr
    return lines[0]


def test_sql_on_a_corrupt_store_or_a_folder_says_so_in_one_line(tmp_path):
    """Issue 8 item 10."""
    corrupt = tmp_path / "corrupt.duckdb"
    corrupt.write_bytes(b"not a database " * 100)
    result = newsmon("sql", "select 1", "--db", str(corrupt), cwd=tmp_path)
    assert result.returncode == 2
    assert "not a DuckDB database file" in _one_clear_line(result) and str(corrupt) in result.stderr

    folder = tmp_path / "store-folder"
    folder.mkdir()
    result = newsmon("sql", "select 1", "--db", str(folder), cwd=tmp_path)
    assert result.returncode == 2
    assert f"{folder} is a folder, not a DuckDB file" in _one_clear_line(result)


def test_run_with_a_store_under_a_regular_file_says_so_in_one_line(tmp_path):
    """Issue 8 item 10: was only "File exists: '<that file>'", after a failed flow run."""
    regular = tmp_path / "notes.txt"
    regular.write_text("x")
    result = newsmon("run", "--db", str(regular / "sub" / "store.duckdb"), "--no-seeds", "--feed",
                     "http://127.0.0.1:9/none.xml", cwd=tmp_path)
    assert result.returncode == 2
    assert f"{regular} is a file, not a folder" in _one_clear_line(result)


def test_run_says_what_to_set_when_prefect_does_not_start(tmp_path):
    """Issue 9: a fresh PREFECT_HOME and a start-up timeout too short for any machine stand for
    a machine too busy for the default: one line naming the setting, exit 1, no traceback."""
    env = {**os.environ, "PREFECT_HOME": str(tmp_path / "fresh-prefect-home"),
           "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS": "1"}
    env.pop("PREFECT_API_URL", None)
    result = subprocess.run([sys.executable, "-m", "newsmon.cli", "run", "--db", str(tmp_path / "s.duckdb"),
                             "--no-seeds", "--feed", "http://127.0.0.1:9/none.xml"],
                            cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120)
    assert result.returncode == 1, result.stderr
    line = _one_clear_line(result)
    assert "ephemeral API server did not come up within 1 s" in line
    assert "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS" in line


def test_ephemeral_startup_timeout_defaults_to_90s_and_the_users_setting_wins(tmp_path):
    """Issue 9: Prefect's 20 s default is too short on a busy machine."""
    code = "from newsmon.cli import ephemeral_startup_timeout as t; print(t())"
    env = {k: v for k, v in os.environ.items() if k != "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS"}
    env["PREFECT_HOME"] = str(tmp_path / "prefect-home")
    for value, expected in ((None, "90"), ("240", "240")):
        if value:
            env["PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS"] = value
        out = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, env=env, capture_output=True, text=True,
                             timeout=120)
        assert out.stdout.strip() == expected, out.stderr
