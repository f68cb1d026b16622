"""Sentence boundaries at line breaks: articles put headlines, subheadings and paragraphs on
their own lines, and the parser alone would run them together."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


@Language.component("newsmon_paragraphs")
def paragraph_breaks(doc: Doc) -> Doc:
    for token in doc[:-1]:
        if "\n" in token.text_with_ws and not token.is_space or token.is_space and "\n" in token.text:
            doc[token.i + 1].is_sent_start = True
    return doc
