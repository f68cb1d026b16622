"""Issue 11: articles.language in the store: written at ingestion, identified for rows stored
before the column existed, and only the languages newsmon reads are selected for extraction."""

from datetime import datetime, timezone

from newsmon.models import Article
from newsmon.store.articles import fill_languages, store_articles
from newsmon.store.mentions import pending_articles

NOW = datetime(2025, 11, 24, 12, tzinfo=timezone.utc)
SPANISH = "El Departamento de Estado designó al Cartel de los Soles como organización terrorista extranjera."
PORTUGUESE = "O Departamento de Estado designou o Cartel de los Soles como organização terrorista estrangeira."
ENGLISH = "The State Department designated the Cartel de los Soles as a foreign terrorist organization."


def test_issue11_language_is_stored_and_counted_per_new_article(store):
    result = store_articles(store, [Article(source="a", url=f"http://x.org/{i}", text=t)
                                    for i, t in enumerate([SPANISH, PORTUGUESE, ENGLISH])], NOW)
    assert result.languages == {"es": 1, "pt": 1, "en": 1}
    assert dict(store.execute("SELECT url, language FROM articles").fetchall()) == {
        "http://x.org/0": "es", "http://x.org/1": "pt", "http://x.org/2": "en"}


def test_issue11_rows_stored_before_the_column_are_identified_from_their_text(store):
    store_articles(store, [Article(source="a", url=f"http://x.org/{i}", text=t)
                           for i, t in enumerate([SPANISH, PORTUGUESE, ENGLISH])], NOW)
    store.execute("UPDATE articles SET language = NULL")  # as schema 006 leaves older rows
    assert fill_languages(store, batch=2) == 3
    assert sorted(r[0] for r in store.execute("SELECT language FROM articles").fetchall()) == ["en", "es", "pt"]
    assert fill_languages(store) == 0


def test_issue11_only_read_languages_are_pending_extraction(store):
    store_articles(store, [Article(source="a", url=f"http://x.org/{i}", text=t)
                           for i, t in enumerate([SPANISH, PORTUGUESE, ENGLISH, "Hola"])], NOW)
    pending = pending_articles(store, "v1", 10)
    assert sorted(lang for *_, lang in pending) == ["en", "es", "und"]  # 'und' is read as English
    assert sorted(lang for *_, lang in pending_articles(store, "v1", 10, reextract=True)) == ["en", "es", "und"]
