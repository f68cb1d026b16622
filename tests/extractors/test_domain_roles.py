"""Unit tests of DomainRoles' candidate filters on hand-built parses (spacy.blank: the rule, not
the model's parse, is under test)."""

import spacy
from spacy.tokens import Doc, Span

from extractors.candidates import Candidate
from extractors.domain_roles import DomainRoles
from extractors.gazetteer import Entity
from extractors.roles import Roles


def test_issue10_a_measure_a_court_blocks_is_the_rulings_not_a_new_measure():
    # "Judge Ellis blocked DHS from ending parole": the ending is what the ruling is about
    nlp = spacy.blank("en")
    words = ["Judge", "Ellis", "blocked", "DHS", "from", "ending", "parole"]
    doc = Doc(nlp.vocab, words=words, heads=[1, 2, 2, 2, 2, 4, 5],
              deps=["compound", "nsubj", "ROOT", "dobj", "prep", "pcomp", "dobj"])
    doc.ents = [Span(doc, 0, 2, label="PERSON", span_id="Mary Ellis"), Span(doc, 3, 4, label="ORG", span_id="DHS")]
    roles = Roles(doc, {"Mary Ellis": Entity("Mary Ellis", "court"), "DHS": Entity("DHS", "agency")})
    judge, dhs = doc.ents
    ruling = Candidate("legal_action", 2, (0, 7), judge, None, None, "asserted", None)
    measure = Candidate("sanction", 5, (0, 7), dhs, None, None, "asserted", None)
    assert DomainRoles._inside_rulings(doc, [ruling, measure], roles) == [ruling]
    # an agency's own act under an agency's verb is not a ruling's
    agency_act = Candidate("legal_action", 2, (0, 7), dhs, None, None, "asserted", None)
    assert DomainRoles._inside_rulings(doc, [agency_act, measure], roles) == [agency_act, measure]
