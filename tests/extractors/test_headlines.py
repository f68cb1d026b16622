"""Issue 10: headline-ese read by position where the parse misses it (real model for the
end-to-end cases; the verb reading is a pure function)."""

from datetime import date

import pytest

from extractors import ArticleText, extract_mentions
from extractors.headlines import verb_lemma


@pytest.mark.parametrize("word, expected", [
    ("rejects", ("reject", False)), ("extradited", ("extradite", True)), ("detained", ("detain", True)),
    ("eases", ("ease", False)), ("frees", ("free", False)), ("designated", ("designate", True)),
    ("process", None), ("Tuesday", None),
])
def test_issue10_headline_verbs_are_read_from_their_inflection(word, expected):
    verbs = {"reject", "extradite", "detain", "ease", "free", "designate", "proces"}
    assert verb_lemma(word, verbs) == expected


@pytest.mark.slow
def test_issue10_a_headline_is_read_by_position(nlp):
    text = ("Saab extradited to Miami as Caracas rejects planned U.S. terrorist listing of Cartel de los Soles\n\n"
            "Venezuela's Alex Saab arrived in Miami on Saturday.")
    found = {(m.event_type, m.target) for m in extract_mentions(
        nlp, [ArticleText(article_id="h", text=text, published_at=date(2025, 11, 17))])}
    assert ("legal_action", "Alex Saab") in found
    assert ("statement", "Cartel de los Soles") in found


@pytest.mark.slow
def test_issue10_a_sentence_of_the_body_is_not_a_headline(nlp):
    text = "Venezuela's Alex Saab has been held since 2020.\n\nSaab, the businessman, dismissed the claims."
    found = {(m.event_type, m.target) for m in extract_mentions(
        nlp, [ArticleText(article_id="b", text=text, published_at=date(2025, 11, 17))])}
    assert ("legal_action", "Alex Saab") not in found
