"""Small RSS 2.0 and Atom documents built in code, so each test says what its feed holds."""

from __future__ import annotations

from xml.sax.saxutils import escape


def rss(items: list[dict], title: str = "Test feed") -> str:
    parts = []
    for item in items:
        fields = "".join(
            f"<{tag}>{escape(str(item[key]))}</{tag}>"
            for key, tag in (("title", "title"), ("link", "link"), ("guid", "guid"),
                             ("description", "description"), ("pubDate", "pubDate"))
            if key in item
        )
        parts.append(f"<item>{fields}</item>")
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
        f"<title>{escape(title)}</title><link>http://example.org/</link><description>t</description>"
        + "".join(parts) + "</channel></rss>"
    )


def atom(entries: list[dict], title: str = "Test atom") -> str:
    parts = []
    for e in entries:
        parts.append(
            "<entry>"
            f"<title>{escape(e['title'])}</title>"
            f"<id>{escape(e['id'])}</id>"
            + (f'<link href="{escape(e["link"])}"/>' if "link" in e else "")
            + (f"<updated>{e['updated']}</updated>" if "updated" in e else "")
            + (f'<content type="html">{escape(e["content"])}</content>' if "content" in e else "")
            + "</entry>"
        )
    return (
        '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
        f"<title>{escape(title)}</title><id>urn:test</id><updated>2025-11-24T00:00:00Z</updated>"
        + "".join(parts) + "</feed>"
    )
