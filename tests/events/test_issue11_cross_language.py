"""Issue 11: a development reported in English and in Spanish is one event with sources in both
languages, and raises one NEW alert. The real stages (store, extraction with both real spaCy
models, resolution) on a real DuckDB store, no Prefect."""

from datetime import datetime, timezone

import duckdb
import pytest

from newsmon.models import Article

pytestmark = pytest.mark.slow

PUBLISHED = datetime(2025, 11, 24, 15, 0, tzinfo=timezone.utc)
ENGLISH = ("US designates Venezuela's Cartel de los Soles a terrorist group\n\n"
           "On November 24, 2025, the State Department formally designated Cartel de los Soles as a Foreign "
           "Terrorist Organization.")
SPANISH = ("EE. UU. designa al Cartel de los Soles como organización terrorista\n\n"
           "El Departamento de Estado designó formalmente este lunes al Cartel de los Soles como Organización "
           "Terrorista Extranjera, una medida que el Gobierno de Nicolás Maduro rechazó.")


def _batch(*articles):
    from newsmon.ingest import SeedBatch

    return SeedBatch(directory="feeds", articles=list(articles))


def test_issue11_same_development_in_english_and_spanish_is_one_event_and_one_alert(db_path):
    from newsmon import extraction, ingest, stages

    english = Article(source="Reuters", url="http://en.example/fto", text=ENGLISH, published_at=PUBLISHED)
    spanish = Article(source="Efecto Cocuyo", url="http://es.example/fto", text=SPANISH, published_at=PUBLISHED,
                      declared_language="es-VE")
    assert (english.language, spanish.language) == ("en", "es")
    ingest.store_run(db_path, _batch(english), [], [], PUBLISHED)
    ingest.store_run(db_path, _batch(spanish), [], [], PUBLISHED)
    summary = extraction.extract_pending(db_path)
    assert summary.articles == 2 and summary.failed == 0
    stages.resolve_stage(db_path, ["console"])

    with duckdb.connect(str(db_path), read_only=True) as con:
        languages = dict(con.execute("SELECT url, language FROM articles").fetchall())
        by_language = con.execute(
            "SELECT a.language, m.event_type, m.target, m.designation, m.event_date "
            "FROM event_mentions m JOIN articles a USING (article_id) "
            "WHERE m.designation = 'FTO' ORDER BY a.language").fetchall()
        events = con.execute("SELECT event_id, article_count, source_count, status FROM events "
                             "WHERE designation = 'FTO' AND target = 'Cartel de los Soles'").fetchall()
        new_alerts = con.execute("SELECT count(DISTINCT alert_key) FROM alerts WHERE reason = 'new' "
                                 "AND event_id = ?", [events[0][0]]).fetchone()[0] if events else None
    assert languages == {"http://en.example/fto": "en", "http://es.example/fto": "es"}
    # the same canonical mention from both languages (names, regime, date)
    assert {row[0] for row in by_language} == {"en", "es"}
    assert len({row[1:] for row in by_language}) == 1, by_language
    assert len(events) == 1, events
    assert events[0][1:] == (2, 2, "effective")
    assert new_alerts == 1
