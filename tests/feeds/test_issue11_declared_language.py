"""Issue 11: the language a feed or entry declares, and the text's when it contradicts it."""

from newsmon.feeds.parse import parse_feed
from newsmon.models import FeedSource

SPANISH = "El Departamento de Estado designó al Cartel de los Soles como organización terrorista extranjera."
ENGLISH = "The State Department designated the Cartel de los Soles as a foreign terrorist organization."


def rss(language: str | None, *texts: str) -> bytes:
    items = "".join(f"<item><title>t{i}</title><link>http://x.org/{i}</link><description>{t}</description></item>"
                    for i, t in enumerate(texts))
    lang = f"<language>{language}</language>" if language else ""
    return (f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>f</title>'
            f"<link>http://x.org/</link><description>d</description>{lang}{items}</channel></rss>").encode()


def test_issue11_the_feeds_declared_language_wins_on_short_text():
    source = FeedSource(name="f", url="http://x.org/feed")
    (short,), _ = parse_feed(rss("es-VE", "Maduro"), source)
    assert (short.declared_language, short.language) == ("es-VE", "es")


def test_issue11_text_overrules_a_cms_default_declaration():
    source = FeedSource(name="f", url="http://x.org/feed")
    articles, _ = parse_feed(rss("en-us", SPANISH, ENGLISH), source)
    assert [a.language for a in articles] == ["es", "en"]


def test_issue11_without_a_declaration_the_text_decides_and_the_feeds_file_language_counts():
    articles, _ = parse_feed(rss(None, SPANISH, ENGLISH), FeedSource(name="f", url="http://x.org/feed"))
    assert [a.language for a in articles] == ["es", "en"]
    stated = FeedSource(name="f", url="http://x.org/feed", language="es")  # `language: es` in feeds.yaml
    (short,), _ = parse_feed(rss(None, "Caracas"), stated)
    assert short.language == "es"
    (default,), _ = parse_feed(rss(None, "Caracas"), FeedSource(name="f", url="http://x.org/feed"))
    assert default.declared_language is None  # the model's default "en" is no declaration
