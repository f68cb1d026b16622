"""Issue 12: one-line summaries from the templates of summaries.yaml: every event type, unknown
parts left out (never "?"), dates as precise as known, and an edited data file takes effect."""

from datetime import date

import pytest

from newsmon.events.summaries import (SUMMARIES_FILE, Template, format_amount, format_date, load_templates,
                                      summarise)

EXAMPLES = [
    ({"event_type": "designation", "actor": "State Department", "target": "Cartel de los Soles", "designation": "FTO",
      "status": "announced", "event_date": date(2025, 11, 24), "date_precision": "day"},
     "State Department to list Cartel de los Soles as a terrorist organization (FTO), effective 24 Nov 2025"),
    ({"event_type": "designation", "actor": "Treasury", "target": "Cartel de los Soles", "designation": "SDGT",
      "status": "effective", "event_date": date(2025, 7, 1), "date_precision": "month"},
     "Treasury lists Cartel de los Soles as a global terrorist (SDGT), effective Jul 2025"),
    ({"event_type": "designation", "actor": None, "target": "PDVSA", "designation": "SDN", "status": "revoked"},
     "SDN listing of PDVSA lifted"),
    ({"event_type": "reward", "actor": "State Department", "target": "Nicolás Maduro", "amount_usd": 15e6,
      "event_date": date(2020, 3, 26), "date_precision": "day"},
     "State Department offers $15M reward for Nicolás Maduro (26 Mar 2020)"),
    ({"event_type": "reward", "actor": None, "target": "Diosdado Cabello", "amount_usd": None},
     "Reward offered for Diosdado Cabello"),
    ({"event_type": "sanction", "actor": "Treasury", "target": "PDVSA", "event_date": date(2019, 1, 1),
      "date_precision": "year"}, "Treasury sanctions PDVSA (2019)"),
    ({"event_type": "legal_action", "actor": None, "target": "Alex Saab"}, "Legal action against Alex Saab"),
    ({"event_type": "military_action", "actor": "United States", "target": "Venezuela"},
     "United States military action against Venezuela"),
    ({"event_type": "diplomacy", "actor": None, "target": "Nicolás Maduro", "modality": "intended"},
     "Talks with Nicolás Maduro planned"),
    ({"event_type": "diplomacy", "actor": "Nicolás Maduro", "target": "United States", "modality": "denied"},
     "Nicolás Maduro rules out talks with United States"),
    ({"event_type": "statement", "actor": "Donald Trump", "target": "Venezuela", "modality": "asserted"},
     "Donald Trump on Venezuela"),
    ({"event_type": "statement", "actor": "Diosdado Cabello", "target": "Cartel de los Soles", "modality": "denied",
      "about": "the FTO listing of Cartel de los Soles"},
     "Venezuela's Diosdado Cabello rejects the FTO listing of Cartel de los Soles"),
    ({"event_type": "statement", "actor": None, "target": None, "modality": "asserted"}, "Statement"),
    ({"event_type": "embargo", "actor": None, "target": "Citgo"}, "Embargo on Citgo"),
]


@pytest.mark.parametrize("event,expected", EXAMPLES, ids=[e[1][:40] for e in EXAMPLES])
def test_issue12_summaries(event, expected):
    assert summarise(event) == expected


def test_issue12_a_rise_reads_as_a_rise():
    event = {"event_type": "reward", "actor": "State Department", "target": "Nicolás Maduro", "amount_usd": 50e6,
             "event_date": date(2025, 8, 1), "date_precision": "month"}
    assert summarise(event, previous_amount=25e6) == \
        "State Department reward for Nicolás Maduro raised to $50M from $25M (Aug 2025)"


def test_issue12_optional_parts_and_required_fields():
    template = Template(text="{actor} lists {target}[ ({date})][ by {nobody}]")
    assert template.render({"actor": "Treasury", "target": "PDVSA", "date": "2019"}) == "Treasury lists PDVSA (2019)"
    assert template.render({"actor": None, "target": "PDVSA"}) is None  # a required field unknown: not this template


def test_issue12_dates_and_amounts():
    assert format_date(date(2025, 8, 1), "month") == "Aug 2025"
    assert format_date(date(2025, 8, 4), "day") == "4 Aug 2025"
    assert format_date(None, None) is None
    assert [format_amount(x) for x in (50e6, 2.5e6, 500_000, 1.2e9)] == ["$50M", "$2.5M", "$500,000", "$1.2B"]


def test_issue12_an_edited_data_file_changes_the_summaries(tmp_path):
    edited = tmp_path / "summaries.yaml"
    edited.write_text(SUMMARIES_FILE.read_text(encoding="utf-8").replace(
        '"{actor} sanctions {target}[ ({date})]"', '"{target} sanctioned by {actor}[ on {date}]"'), encoding="utf-8")
    event = {"event_type": "sanction", "actor": "Treasury", "target": "PDVSA", "event_date": date(2019, 1, 28),
             "date_precision": "day"}
    assert summarise(event, templates=load_templates(edited)) == "PDVSA sanctioned by Treasury on 28 Jan 2019"
