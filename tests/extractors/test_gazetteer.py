"""The gazetteer component on a blank pipeline: canonical names, longest match, acronyms."""

import spacy

import extractors.gazetteer  # noqa: F401
from extractors.gazetteer import load_gazetteer


def ents(text):
    nlp = spacy.blank("en")
    nlp.add_pipe("newsmon_gazetteer")
    return [(e.text, e.ent_id_, e.label_) for e in nlp(text).ents]


def test_aliases_map_to_canonical_names():
    assert ents("Venezuela's socialist dictator Nicolás Maduro Moros met Ric Grenell") == [
        ("Venezuela", "Venezuela", "GPE"), ("Nicolás Maduro Moros", "Nicolás Maduro", "PERSON"),
        ("Ric Grenell", "Richard Grenell", "PERSON")]


def test_longest_match_wins_and_possessives_keep_the_name():
    assert ents("Treasury's Office of Foreign Assets Control listed Cartel de los Soles'") == [
        ("Treasury's Office of Foreign Assets Control", "Treasury", "ORG"),
        ("Cartel de los Soles", "Cartel de los Soles", "ORG")]


def test_acronyms_are_case_sensitive():
    assert ents("It allows us to do that") == []
    assert ents("the US and OFAC") == [("US", "United States", "GPE"), ("OFAC", "Treasury", "ORG")]


def test_every_gazetteer_entry_is_valid():
    entities = load_gazetteer()
    assert {"Nicolás Maduro", "Cartel de los Soles", "State Department", "Treasury"} <= set(entities)
    for entity in entities.values():
        assert entity.aliases and (entity.acts_for is None or entity.acts_for in entities)
