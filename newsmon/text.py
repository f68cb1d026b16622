"""Text hygiene shared by every reader: HTML to text, Unicode cleanup, content hashing."""

from __future__ import annotations

import hashlib
import html
import re
import unicodedata
from html.parser import HTMLParser

# Block-level tags end a paragraph: keep their boundaries as newlines so sentences
# from adjacent <p> elements do not run together.
_BLOCK_TAGS = frozenset(
    "p div br li ul ol h1 h2 h3 h4 h5 h6 blockquote pre tr table section article header footer".split()
)
_SKIP_TAGS = frozenset(("script", "style", "head", "title", "noscript", "template"))
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b\ufeff]")
_SPACES = re.compile(r"[ \t\u00a0\u2009\u202f]+")
_BLANK_LINES = re.compile(r"\n\s*\n+")


class _TextExtractor(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs) -> None:
        if tag in _SKIP_TAGS:
            self._skip += 1
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP_TAGS:
            self._skip = max(0, self._skip - 1)
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(data)


def html_to_text(markup: str) -> str:
    """Strip tags and decode entities; tolerant of broken markup (never raises)."""
    if "<" not in markup and "&" not in markup:
        return clean_text(markup)
    parser = _TextExtractor()
    try:
        parser.feed(markup)
        parser.close()
        text = "".join(parser.parts)
    except Exception:  # HTMLParser is lenient, but a pathological input must not kill a run
        text = html.unescape(re.sub(r"<[^>]*>", " ", markup))
    # The parser has decoded each entity once: an escaped tag (`&lt;img&gt;`) is now the literal
    # text "<img>", which is what a reader sees, and stays text. Decoding again would turn a
    # literal "&lt;" into "<" (issue 8).
    return clean_text(text)


def clean_text(text: str) -> str:
    """NFC-normalise, drop control characters, collapse runs of spaces and blank lines."""
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    text = _CONTROL.sub("", text)
    lines = [_SPACES.sub(" ", line).strip() for line in text.split("\n")]
    return _BLANK_LINES.sub("\n\n", "\n".join(lines)).strip()


def normalise_for_hash(text: str) -> str:
    """The form two copies of one story share: case, punctuation style and spacing folded."""
    text = unicodedata.normalize("NFKC", text).casefold()
    text = text.replace("\u2019", "'").replace("\u2018", "'").replace("\u201c", '"').replace("\u201d", '"')
    return " ".join(re.findall(r"\w+", text))


def content_hash(text: str) -> str:
    """Stable id of an article's normalised text: the same story under two GUIDs hashes alike."""
    return hashlib.sha256(normalise_for_hash(text).encode("utf-8")).hexdigest()[:32]


# Characters that make Markdown inline syntax anywhere in a line (emphasis, code, links, table
# cells); `<`, `>` and `&` are HTML-escaped instead. Line-start syntax (`#`, `-`, `>`) cannot
# arise: every escaped text is placed after a prefix on its line.
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]|~])")


def markdown_text(text: str) -> str:
    """Text as a literal in Markdown: HTML-escaped (`<img onerror=...>` stays visible text,
    never a live tag) and Markdown punctuation backslash-escaped; on one line (issue 8)."""
    escaped = html.escape(" ".join(str(text).split()), quote=False)
    return _MARKDOWN_SPECIAL.sub(r"\\\1", escaped)


def markdown_link(url: str | None) -> str | None:
    """A URL safe as a Markdown link target: http(s) only (no `javascript:`), with the
    characters that would end or break the target percent-encoded. None when unsafe."""
    from urllib.parse import quote, urlparse

    url = (url or "").strip()
    parsed = urlparse(url)
    if parsed.scheme not in ("http", "https") or not parsed.netloc:
        return None
    return quote(url, safe=":/?#@!$&'*+,;=%~-._")
