"""Issue 11 through the real monitor flow: feeds served over HTTP on 127.0.0.1, Prefect's test
harness, a real store and both real spaCy models. Each article's language is stored; Spanish
goes to the Spanish pipeline, English to the English one, other languages are stored and
counted, not extracted."""

from xml.sax.saxutils import escape

import duckdb
import pytest

pytestmark = pytest.mark.slow


def feed(items: list[dict], language: str | None = None) -> str:
    """RSS 2.0 with an optional channel <language> (what Spanish outlets declare)."""
    body = "".join(f"<item><title>{escape(i['title'])}</title><link>{escape(i['link'])}</link>"
                   f"<description>{escape(i['description'])}</description>"
                   "<pubDate>Mon, 24 Nov 2025 15:00:00 GMT</pubDate></item>" for i in items)
    lang = f"<language>{language}</language>" if language else ""
    return ('<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>t</title>'
            f"<link>http://example.org/</link><description>t</description>{lang}{body}</channel></rss>")


SPANISH = [
    {"title": "EE. UU. designa al Cartel de los Soles como organización terrorista extranjera",
     "link": "http://es.example/fto",
     "description": "El Departamento de Estado designó formalmente este lunes al Cartel de los Soles como "
                    "Organización Terrorista Extranjera. El canciller Yván Gil rechazó la designación del Cartel de los Soles."},
    # Spanish, relevant to no one: the Spanish gate drops it
    {"title": "Los Leones del Caracas ganan el clásico ante Magallanes",
     "link": "http://es.example/beisbol",
     "description": "Los Leones se impusieron 5 a 4 en el estadio de Valencia ante 20.000 aficionados."},
]
PORTUGUESE = [
    {"title": "Estados Unidos designam o Cartel de los Soles como organização terrorista",
     "link": "http://pt.example/fto",
     "description": "O Departamento de Estado dos Estados Unidos designou nesta segunda-feira o Cartel de los "
                    "Soles, que Washington atribui ao governo de Nicolás Maduro, como organização terrorista "
                    "estrangeira, segundo um comunicado publicado no seu site."},
]
ENGLISH = [
    {"title": "US designates Venezuela's Cartel de los Soles a terrorist group",
     "link": "http://en.example/fto",
     "description": "On November 24, 2025, the State Department formally designated Cartel de los Soles as a "
                    "Foreign Terrorist Organization."},
]


def test_issue11_monitor_stores_languages_routes_spanish_and_skips_other_languages(
        prefect_harness, settings, feed_server, tmp_path):
    from flows.monitor import monitor
    from newsmon.ingest import format_summary

    urls = [feed_server.add("/es.xml", feed(SPANISH, "es-VE")), feed_server.add("/pt.xml", feed(PORTUGUESE)),
            feed_server.add("/en.xml", feed(ENGLISH, "en-us"))]
    s = settings.model_copy(update={"feed_urls": urls, "alert_jsonl_path": tmp_path / "alerts.jsonl"})

    state = monitor(settings=s, return_state=True)
    assert state.is_completed()
    result = state.result()
    assert result.ingest.languages == {"es": 2, "pt": 1, "en": 1}
    assert "languages of new articles: es 2, en 1, pt 1 (pt stored, not extracted)" in format_summary(result.ingest)
    # the Portuguese item is not extracted (nor pending: it is not selected)
    assert result.extraction.articles == 3 and result.extraction.failed == 0

    with duckdb.connect(str(settings.db_path), read_only=True) as con:
        languages = dict(con.execute("SELECT url, language FROM articles").fetchall())
        extracted = {r[0] for r in con.execute(
            "SELECT a.url FROM articles a JOIN article_extractions x USING (article_id)").fetchall()}
        rows = con.execute(
            "SELECT a.url, a.language, m.event_type, m.target, m.designation FROM event_mentions m "
            "JOIN articles a USING (article_id) ORDER BY ALL").fetchall()
        event = con.execute("SELECT article_count, source_count FROM events WHERE designation = 'FTO' "
                            "AND target = 'Cartel de los Soles'").fetchall()
    assert languages == {"http://es.example/fto": "es", "http://es.example/beisbol": "es",
                         "http://pt.example/fto": "pt", "http://en.example/fto": "en"}
    assert "http://pt.example/fto" not in extracted and len(extracted) == 3
    mentions = [r[1:] for r in rows]
    # the Spanish item read by the Spanish pipeline: the listing and the rejection, canonical names
    assert ("es", "designation", "Cartel de los Soles", "FTO") in mentions
    assert ("es", "statement", "Cartel de los Soles", None) in mentions
    assert ("en", "designation", "Cartel de los Soles", "FTO") in mentions
    assert not any(m[0] == "pt" for m in mentions)
    assert not any(r[0] == "http://es.example/beisbol" for r in rows)  # the baseball result: nothing
    assert event == [(2, 2)]

    second = monitor(settings=s)
    assert (second.ingest.new, second.extraction.articles) == (0, 0)  # the Portuguese item stays unextracted
