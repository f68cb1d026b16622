"""Issue 10, fourth session: Venezuelans named by the program that concerns them
(extractors/groups.py, data/groups.yaml). Sentences written for these tests."""

from extractors.groups import refine

M = "Venezuelan migrants"


def test_issue10_the_sentence_names_the_program():
    s = "The court let the administration end Temporary Protected Status for 350,000 Venezuelans."
    assert refine(M, s, 10, s, s) == "Venezuelan TPS holders"
    s = "A judge barred removals of Venezuelans under the Alien Enemies Act."
    assert refine(M, s, 8, s, s) == "Venezuelan detainees"


def test_issue10_two_programs_in_a_sentence_the_nearest_cue_decides():
    s = "Three days after a ruling on TPS, the court stopped Alien Enemies Act removals of Venezuelans."
    assert refine(M, s, s.index("stopped"), s, s) == "Venezuelan detainees"


def test_issue10_the_paragraph_then_the_articles_own_program_decide():
    s = "The justices sided with the government on Monday on the Venezuelans."
    paragraph = s + " The case concerns Temporary Protected Status."
    assert refine(M, s, 5, paragraph, paragraph) == "Venezuelan TPS holders"
    article = (paragraph.replace("Temporary Protected Status", "the program") +
               " TPS was extended in 2021. Holders of TPS may work. A separate Alien Enemies Act case is pending.")
    assert refine(M, s, 5, s, article) == "Venezuelan TPS holders"  # TPS twice, the act once


def test_issue10_parole_keeps_the_migrants_and_an_even_article_decides_nothing():
    s = "The court allowed the administration to end parole for Venezuelans."
    assert refine(M, s, 5, s, s + " TPS ended too.") == M
    s = "The justices ruled on the Venezuelans."
    assert refine(M, s, 5, s, s + " TPS ended. The Alien Enemies Act was invoked.") == M


def test_issue10_other_targets_are_left_alone():
    s = "Treasury sanctioned Tren de Aragua under the Alien Enemies Act."
    assert refine("Tren de Aragua", s, 0, s, s) == "Tren de Aragua"
