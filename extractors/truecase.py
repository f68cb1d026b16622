"""Title-case headlines read as sentences (issue 10).

"Treasury Sanctions the President of Venezuela" is tagged by the model as a string of proper
nouns, so its verb is never seen. A title-case headline's capitalised words that the article's
own body writes in lower case ("sanctions", "company") are lowered before parsing; names stay
as the body writes them. Only case changes, so every character offset stays valid and the
stored sentence is cut from the original text.
"""

from __future__ import annotations

import re

_WORD = re.compile(r"[^\W\d_][^\W_]*(?:['’-][^\W\d_]+)*")
# Words a title-case style leaves in lower case, or capitalises, without meaning a name.
_SMALL = {"a", "an", "the", "of", "to", "in", "on", "at", "for", "and", "or", "as", "by", "with", "from", "over",
          "de", "del", "la", "el", "los", "las", "y", "en", "por", "para", "con", "al"}
# A headline is in title case when this share of its longer words is capitalised.
_TITLE_SHARE = 0.75


def _headline_span(text: str) -> tuple[int, int] | None:
    start = len(text) - len(text.lstrip())
    end = text.find("\n", start)
    end = len(text) if end < 0 else end
    line = text[start:end].strip()
    # a headline carries no final punctuation, but may end on an abbreviation ("... S.A.")
    if not line or end >= len(text) or line[-1] in ".!?" and not re.search(r"\b(?:[A-Z]\.){2,}$", line):
        return None
    return start, end


def truecase_headline(text: str) -> str:
    """`text` with its title-case headline's common words in lower case (same length)."""
    span = _headline_span(text)
    if span is None:
        return text
    start, end = span
    words = list(_WORD.finditer(text, start, end))
    longer = [w for w in words if w.group().lower() not in _SMALL]
    if len(longer) < 3 or sum(w.group()[0].isupper() for w in longer) < _TITLE_SHARE * len(longer):
        return text
    body = text[end:]
    lowered = set(_WORD.findall(body))
    # a word the body capitalises inside a sentence is a name ("Treasury"); at a sentence's start,
    # any word is capitalised
    named = {m.group() for m in _WORD.finditer(body) if m.group()[0].isupper() and
             not re.search(r"(?:^|[.!?:\n\"“”]\s*)$", body[max(0, m.start() - 3):m.start()])}
    chars = list(text)
    for w in words[1:]:
        word = w.group()
        if word[0].isupper() and not word.isupper() and word.lower() in lowered and word not in named:
            chars[w.start():w.end()] = word.lower()
    return "".join(chars)
