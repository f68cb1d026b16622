from datetime import datetime, timezone
from pathlib import Path

import pytest

from conftest import SEEDS_DIR
from newsmon.seeds import read_seed_dir, read_seed_file, split_date_marker, title_from_text


def test_both_seed_articles_are_read_with_their_dates():
    articles, failures = read_seed_dir(SEEDS_DIR)
    assert failures == []
    by_name = {Path(a.url).name: a for a in articles}
    assert set(by_name) == {"000_d3ddbd832c743706.txt", "002_1aeb7da22f5ccb56.txt"}
    dated = by_name["000_d3ddbd832c743706.txt"]
    assert dated.published_at == datetime(2025, 11, 17, tzinfo=timezone.utc)
    assert dated.text.startswith("President Donald Trump said Sunday night")  # marker stripped
    assert "date 2025" not in dated.text[:20]
    assert by_name["002_1aeb7da22f5ccb56.txt"].published_at is None  # unknown, never invented
    assert all(a.url.startswith("file://") and a.source == "seeds" for a in articles)


def test_titles_are_the_first_sentence_of_a_long_first_line():
    articles, _ = read_seed_dir(SEEDS_DIR)
    titles = sorted(a.title for a in articles)
    assert titles[0].startswith("On November 24, 2025, the United States formally designated")
    assert len(titles[0]) <= 200
    assert titles[1] == ("President Donald Trump said Sunday night that discussions with Venezuela’s socialist "
                         "dictator Nicolás Maduro are possible and that Maduro wants to talk.")


def test_short_first_line_is_a_headline():
    assert title_from_text("Venezuela rejects designation\n\nCaracas said...") == "Venezuela rejects designation"


@pytest.mark.parametrize("raw, expected", [
    ("date 2025-01-02 Text", datetime(2025, 1, 2, tzinfo=timezone.utc)),
    ("  date 2025-01-02\nText", datetime(2025, 1, 2, tzinfo=timezone.utc)),
    ("date 2025-13-40 Text", None),       # not a date: left as text, date unknown
    ("dated 2025-01-02 Text", None),
    ("Text date 2025-01-02", None),       # only a leading marker counts
])
def test_date_marker(raw, expected):
    published, _ = split_date_marker(raw)
    assert published == expected


def test_bad_seed_files_are_reported_and_the_rest_read(tmp_path):
    (tmp_path / "a.txt").write_text("date 2025-11-20 Venezuela news.", encoding="utf-8")
    (tmp_path / "b.txt").write_bytes(b"\xff\xfe\x00bad bytes \xc3\x28")
    (tmp_path / "c.txt").write_text("date 2025-11-20   \n  ", encoding="utf-8")
    (tmp_path / "ignored.md").write_text("not a seed", encoding="utf-8")
    articles, failures = read_seed_dir(tmp_path)
    assert [a.text for a in articles] == ["Venezuela news."]
    assert {name for name, _ in failures} == {"b.txt", "c.txt"}
    assert "not UTF-8" in dict(failures)["b.txt"]


def test_missing_seed_dir_is_a_failure_not_a_crash(tmp_path):
    articles, failures = read_seed_dir(tmp_path / "nope")
    assert articles == [] and "does not exist" in failures[0][1]


def test_read_seed_file_rejects_empty(tmp_path):
    path = tmp_path / "empty.txt"
    path.write_text("", encoding="utf-8")
    with pytest.raises(ValueError, match="empty.txt"):
        read_seed_file(path)


# --- issue 12: a seed article's outlet is its source ---

def test_issue12_source_marker_and_dateline_name_the_outlet(tmp_path):
    (tmp_path / "a.txt").write_text("date 2025-11-24\nsource Miami Herald\nThe United States designated ...\n",
                                    encoding="utf-8")
    (tmp_path / "b.txt").write_text("Source: El País\ndate 2025-11-25 Caracas rejected ...\n", encoding="utf-8")
    (tmp_path / "c.txt").write_text("CARACAS, Nov 24 (Reuters) - Venezuela's government rejected ...\n",
                                    encoding="utf-8")
    (tmp_path / "d.txt").write_text("Source of the leak was a senior official, the paper said.\n", encoding="utf-8")
    articles, failures = read_seed_dir(tmp_path)
    assert failures == []
    by_name = {Path(a.url).name: a for a in articles}
    assert {n: a.source for n, a in by_name.items()} == {
        "a.txt": "Miami Herald", "b.txt": "El País", "c.txt": "Reuters", "d.txt": "seeds"}
    assert by_name["a.txt"].text.startswith("The United States designated")
    assert by_name["b.txt"].text.startswith("Caracas rejected")
    assert by_name["b.txt"].published_at == datetime(2025, 11, 25, tzinfo=timezone.utc)
    assert by_name["c.txt"].text.startswith("CARACAS, Nov 24 (Reuters)")  # a dateline is part of the text


FTO_TEXT = ("On November 24, 2025, the United States formally designated Venezuela's Cartel de los Soles as a "
            "Foreign Terrorist Organization, the State Department said.\n")


def _fto_sources(tmp_path, first: str, second: str):
    import duckdb

    from newsmon import extraction, ingest, stages

    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "one.txt").write_text(first + FTO_TEXT, encoding="utf-8")
    (seeds / "two.txt").write_text(second + "Washington said: " + FTO_TEXT, encoding="utf-8")
    db = tmp_path / "s.duckdb"
    run = ingest.store_run(db, ingest.read_seeds(seeds), [], [], datetime.now(timezone.utc))
    assert [(s.source, s.new) for s in run.sources] == [("seeds", 2)]
    extraction.extract_pending(db)
    stages.resolve_stage(db, ["console"])
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute("SELECT article_count, source_count FROM events WHERE event_type = 'designation' "
                           "AND designation = 'FTO' AND target = 'Cartel de los Soles'").fetchall()


def test_issue12_two_outlets_seed_articles_are_two_sources(tmp_path):
    assert _fto_sources(tmp_path, "date 2025-11-24\nsource Miami Herald\n", "date 2025-11-24\nsource Reuters\n") \
        == [(2, 2)]


def test_issue12_seed_files_without_an_outlet_count_each_as_a_source(tmp_path):
    assert _fto_sources(tmp_path, "date 2025-11-24 ", "date 2025-11-24 ") == [(2, 2)]


def test_issue12_one_outlets_two_files_are_one_source(tmp_path):
    assert _fto_sources(tmp_path, "source Reuters\ndate 2025-11-24 ", "source Reuters\ndate 2025-11-24 ") == [(2, 1)]
