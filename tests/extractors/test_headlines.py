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
            "Venezuela's Alex Saab was extradited from Cape Verde on Saturday. Foreign Minister Yván Gil "
            "dismissed the planned listing of the Cartel de los Soles as a lie.")
    mentions = extract_mentions(nlp, [ArticleText(article_id="h", text=text, published_at=date(2025, 11, 17))])
    headline = {(m.event_type, m.target) for m in mentions if m.char_start == 0}
    assert ("legal_action", "Alex Saab") in headline
    assert ("statement", "Cartel de los Soles") in headline


@pytest.mark.slow
def test_issue10_a_headline_read_the_body_does_not_report_is_dropped(nlp):
    text = ("Saab extradited to Miami as Caracas rejects planned U.S. terrorist listing of Cartel de los Soles\n\n"
            "Venezuela's Alex Saab arrived in Miami on Saturday.")
    mentions = extract_mentions(nlp, [ArticleText(article_id="h", text=text, published_at=date(2025, 11, 17))])
    assert not [m for m in mentions if m.char_start == 0 and m.event_type in ("legal_action", "statement")]


@pytest.mark.slow
def test_issue10_a_sentence_of_the_body_is_not_a_headline(nlp):
    text = "Venezuela's Alex Saab has been held since 2020.\n\nSaab, the businessman, dismissed the claims."
    found = {(m.event_type, m.target) for m in extract_mentions(
        nlp, [ArticleText(article_id="b", text=text, published_at=date(2025, 11, 17))])}
    assert ("legal_action", "Alex Saab") not in found


def test_issue10_a_plural_noun_is_not_read_as_a_shorter_verb():
    assert verb_lemma("bands", {"ban"}) is None
    assert verb_lemma("barred", {"bar"}) == ("bar", True)
    assert verb_lemma("pushes", {"push"}) == ("push", False)


@pytest.mark.slow
def test_issue10_a_headline_takes_the_lede_s_date_for_the_same_development(nlp):
    text = ("Treasury sanctions Venezuela's Cartel de los Soles\n\n"
            "The Treasury Department sanctioned Venezuela's Cartel de los Soles on July 25, 2025.")
    mentions = extract_mentions(nlp, [ArticleText(article_id="d", text=text, published_at=date(2025, 7, 28))])
    headline = [m for m in mentions if m.char_start == 0 and m.event_type == "designation"]
    assert headline and headline[0].event_date == date(2025, 7, 25)
