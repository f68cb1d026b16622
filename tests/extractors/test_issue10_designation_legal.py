"""Issue 10, designations and legal actions the rules missed on the feed-like dev articles: lists
of designees, nominal listings, seizures, transfers and rulings, on the real model (sentences
written for these tests, not taken from any evaluation set)."""

from datetime import date

import pytest

from extraction_helpers import mentions_of

pytestmark = pytest.mark.slow


def found(nlp, text, published=date(2025, 11, 20)):
    return [(m.event_type, m.actor, m.target, m.designation) for m in mentions_of(nlp, text, published)]


def targets(nlp, text, event_type):
    return {m[2] for m in found(nlp, text) if m[0] == event_type}


def test_a_dateline_is_not_the_subject(nlp):
    text = ("WASHINGTON — The U.S. Department of the Treasury's Office of Foreign Assets Control (OFAC) today "
            "designated Venezuela's Diosdado Cabello.")
    assert ("designation", "Treasury", "Diosdado Cabello", "SDN") in found(nlp, text)


def test_designees_together_with_their_relatives(nlp):
    text = ("The Treasury Department on Monday designated Diosdado Cabello, together with his wife, Marleny "
            "Contreras, and his brother, José David Cabello.")
    assert {"Diosdado Cabello", "Marleny Contreras", "José David Cabello"} <= targets(nlp, text, "designation")


def test_a_name_listed_after_an_appositive_is_listed_too(nlp):
    text = ("The case targets allies of Venezuela's Nicolás Maduro.\n\nAlso indicted in Miami are Hugo Carvajal, a.k.a. \"El Pollo,\" the former spy chief, and Clíver "
            "Alcalá, a retired general.")
    assert {"Hugo Carvajal", "Clíver Alcalá"} <= targets(nlp, text, "legal_action")


def test_a_coordinated_second_listing_is_its_own_act(nlp):
    text = ("In March, OFAC named Tareck El Aissami a narcotics trafficker under the Kingpin Act, and in July "
            "it sanctioned Diosdado Cabello.")
    assert ("designation", "Diosdado Cabello", "SDN") in {(m[0], m[2], m[3]) for m in found(nlp, text)}


def test_among_those_designated_after_an_sdn_listing(nlp):
    text = ("The Treasury Department on Friday sanctioned Venezuela's Tareck El Aissami.\n\n"
            "Among those designated are Pedro Tellechea and Héctor Obregón.")
    assert {"Pedro Tellechea", "Héctor Obregón"} <= targets(nlp, text, "designation")


def test_the_designation_of_a_person_names_no_list_and_is_an_sdn_listing(nlp):
    text = "The move comes after the March listing of Venezuela's Pedro Tellechea."
    assert ("designation", "Pedro Tellechea", "SDN") in {(m[0], m[2], m[3]) for m in found(nlp, text)}


def test_pdvsa_spelled_pdvsa_in_lowercase_letters(nlp):
    text = "The designation of PdVSA will stop Venezuela from diverting its oil revenue."
    assert ("designation", "PDVSA", "SDN") in {(m[0], m[2], m[3]) for m in found(nlp, text)}


def test_a_month_naming_the_listing_is_its_date(nlp):
    text = "The new measures follow the March listing of Venezuela's Pedro Tellechea."
    mentions = mentions_of(nlp, text, date(2025, 11, 20))
    assert [(m.event_type, m.event_date) for m in mentions if m.target == "Pedro Tellechea"] == \
        [("designation", date(2025, 3, 1))]


def test_a_seizure_is_aimed_at_whoever_used_the_property(nlp):
    text = "Federal agents seized a Gulfstream jet used by Nicolás Maduro in Panama on Tuesday."
    assert ("legal_action", "Nicolás Maduro") in {(m[0], m[2]) for m in found(nlp, text)}


def _dates(nlp, text, published=date(2025, 1, 10)):
    mentions = mentions_of(nlp, text, published)
    return {m.target: m.event_date for m in mentions}


def test_those_designated_are_told_in_the_present(nlp):
    text = ("Today, the Treasury Department is sanctioning eight officials of Nicolás Maduro's government. "
            "Among those designated are Pedro Tellechea and Héctor Obregón.")
    assert _dates(nlp, text).get("Héctor Obregón") == date(2025, 1, 10)


def test_a_neighbours_relative_clause_lends_no_date(nlp):
    text = ("The Treasury Department sanctioned eight officials of Nicolás Maduro's government. Among those "
            "designated are Pedro Tellechea and Héctor Obregón. The remaining six are commanders of the forces "
            "that carried out the repression which followed the July 28 presidential election.")
    assert _dates(nlp, text).get("Héctor Obregón") != date(2024, 7, 28)


def test_issue10_removal_flights_are_no_legal_action(nlp):
    """The taxonomy's legal_action is an indictment, charge, extradition, arrest or court ruling:
    a deportation or a removal flight is none (fourth session: the rule that read them as legal
    actions, and the dev gold that annotated them, were removed)."""
    for text in ("The administration flew 150 Venezuelans to Honduras on Friday, and they remain in custody "
                 "there, officials said.",
                 "Officials said 90 members of Tren de Aragua had been sent to El Salvador on Sunday.",
                 "The government deported 200 Venezuelans to Caracas on Monday."):
        assert "legal_action" not in {m[0] for m in found(nlp, text)}, text


def test_sending_an_envoy_or_warships_is_no_deportation(nlp):
    text = ("Trump sent envoy Richard Grenell to Caracas to meet Nicolás Maduro, and the Pentagon sent three "
            "destroyers to the Caribbean.")
    assert "legal_action" not in {m[0] for m in found(nlp, text)}


def test_a_judges_ruling_on_the_alien_enemies_act_is_about_the_migrants(nlp):
    text = ("Chief Judge James Boasberg ruled on Friday that the government had misused the Alien Enemies Act, "
            "finding that Tren de Aragua is not a foreign government.")
    assert ("legal_action", "James Boasberg", "Venezuelan detainees") in {m[:3] for m in found(nlp, text)}



def test_the_groups_named_in_the_notice_share_its_listings(nlp):
    text = ("The State Department will designate Tren de Aragua as a Foreign Terrorist Organization, according "
            "to a notice posted on Wednesday. The groups named in the notice are Tren de Aragua and the "
            "Sinaloa Cartel.")
    mentions = mentions_of(nlp, text, date(2025, 2, 19))
    named = [(m.designation, m.status, m.event_date) for m in mentions if m.target == "Sinaloa Cartel"]
    assert named == [("FTO", "announced", None)]


def test_all_nine_justices_are_the_court_last_named(nlp):
    text = ("The Supreme Court heard the case in April. But all nine justices agreed that Venezuelans facing "
            "deportation must get notice.")
    assert ("legal_action", "Supreme Court", "Venezuelan migrants") in {m[:3] for m in found(nlp, text)}


def test_a_court_clearing_the_way_for_a_measure_rules(nlp):
    text = "Supreme Court clears way for ending Venezuelans' protected status"
    assert ("legal_action", "Supreme Court", "Venezuelan TPS holders") in {m[:3] for m in found(nlp, text)}


def test_a_headline_treasury_targets_x_is_an_sdn_listing(nlp):
    text = ("Treasury Targets Venezuelan Oil Minister Pedro Tellechea\n\n"
            "The Treasury Department on Friday sanctioned Pedro Tellechea, Venezuela's oil minister.")
    listed = [m for m in found(nlp, text) if m == ("designation", "Treasury", "Pedro Tellechea", "SDN")]
    assert len(listed) == 2  # the headline and the lede


def test_also_listing_someone_keeps_the_list_of_the_last_listing(nlp):
    text = ("The Treasury on Monday designated Venezuelan Vice President Tareck El Aissami under the Kingpin Act. "
            "It also blacklisted the businessman Samark López.")
    assert ("designation", "Samark López", "KINGPIN") in {(m[0], m[2], m[3]) for m in found(nlp, text)}


def test_clemency_granted_to_someone_is_aimed_at_them(nlp):
    text = "President Joe Biden granted clemency to Alex Saab, the Venezuelan businessman, the White House said."
    assert ("legal_action", "Alex Saab") in {(m[0], m[2]) for m in found(nlp, text)}


def test_prosecutors_accusing_someone_charge_them(nlp):
    text = "U.S. prosecutors on Thursday accused Diosdado Cabello of turning Venezuela into a hub for cocaine."
    assert ("legal_action", "Justice Department", "Diosdado Cabello") in {m[:3] for m in found(nlp, text)}


def test_an_official_accusing_someone_charges_no_one(nlp):
    text = "Nicolás Maduro on Thursday accused Marco Rubio of plotting against Venezuela."
    assert "legal_action" not in {m[0] for m in found(nlp, text)}
