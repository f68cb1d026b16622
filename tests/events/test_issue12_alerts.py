"""Issue 12: within a run an article's mentions of one development are combined before its
alerts are raised, alerts keep the order their reports appeared in, and summaries read as an
analyst would write them."""

from datetime import datetime, timezone

from helpers import add_article, add_mention
from newsmon.alerts.deliver import deliver_pending
from newsmon.events.resolve import resolve_pending
from newsmon.settings import Settings

NOW = datetime(2025, 11, 25, tzinfo=timezone.utc)


def console_lines(store, tmp_path):
    return deliver_pending(store, Settings(db_path=tmp_path / "unused.duckdb", alert_prefect=False), NOW).console_lines


def payloads(store):
    import json

    rows = store.execute("SELECT reason, payload FROM alerts WHERE channel = 'console' ORDER BY seq").fetchall()
    return [(reason, json.loads(payload)) for reason, payload in rows]


def test_issue12_new_alert_carries_the_date_its_article_states_and_comes_before_the_change(store, tmp_path):
    a17 = add_article(store, "a17", published="2025-11-17")
    # "Rubio announced the State Department plans to designate ...": no date in this sentence
    add_mention(store, a17, "designation", "Cartel de los Soles", actor="State Department", designation="FTO",
                status="announced", modality="intended")
    add_mention(store, a17, "diplomacy", "Nicolás Maduro", actor="Donald Trump", modality="possible",
                event_date="2025-11-16")
    # "... intends to designate ... effective November 24, 2025": the same article, later
    add_mention(store, a17, "designation", "Cartel de los Soles", actor="State Department", designation="FTO",
                status="announced", modality="intended", event_date="2025-11-24")
    a24 = add_article(store, "a24", source="Wire", published="2025-11-24")
    add_mention(store, a24, "designation", "Cartel de los Soles", actor="United States", designation="FTO",
                status="effective", event_date="2025-11-24")
    summary = resolve_pending(store, ["console"], NOW)
    assert summary.alerts == 3

    lines = console_lines(store, tmp_path)
    assert lines == [
        "NEW: State Department to list Cartel de los Soles as a terrorist organization (FTO), effective 24 Nov 2025 "
        "[2 articles, 2 sources]",
        "NEW: Donald Trump says talks with Nicolás Maduro are possible (16 Nov 2025) [1 article, 1 source]",
        "CHANGED status -> effective: State Department lists Cartel de los Soles as a terrorist organization (FTO), "
        "effective 24 Nov 2025 [2 articles, 2 sources]",
    ]
    (new_reason, new), _, (changed_reason, changed) = payloads(store)
    assert (new_reason, new["status"], new["event_date"]) == ("new", "announced", "2025-11-24")
    assert (changed_reason, changed["status"]) == ("changed:status", "effective")


def test_issue12_an_article_that_introduces_and_moves_a_development_raises_one_new_alert(store, tmp_path):
    a = add_article(store, "a24", published="2025-11-24")
    add_mention(store, a, "designation", "Tren de Aragua", actor="State Department", designation="FTO",
                status="announced", modality="intended", event_date="2025-02-20")
    add_mention(store, a, "designation", "Tren de Aragua", actor="State Department", designation="FTO",
                status="effective", event_date="2025-02-20")
    assert resolve_pending(store, ["console"], NOW).alerts == 1
    assert console_lines(store, tmp_path) == [
        "NEW: State Department lists Tren de Aragua as a terrorist organization (FTO), effective 20 Feb 2025 "
        "[1 article, 1 source]"]
    # the change is still history: the event's life cycle is recorded
    assert store.execute("SELECT old_value, new_value FROM event_history WHERE field = 'status'").fetchall() == [
        ("announced", "effective")]


def test_issue12_alerts_of_two_runs_are_delivered_run_by_run_each_in_report_order(store, tmp_path):
    first = add_article(store, "a1", published="2025-11-17")
    add_mention(store, first, "sanction", "PDVSA", actor="Treasury", event_date="2025-11-17")
    resolve_pending(store, ["console"], datetime(2025, 11, 24, tzinfo=timezone.utc))
    for name, target, day in (("b2", "Alex Saab", "2025-11-19"), ("b1", "Tareck El Aissami", "2025-11-18")):
        b = add_article(store, name, published=day)
        add_mention(store, b, "legal_action", target, actor="Justice Department", event_date=day)
    resolve_pending(store, ["console"], NOW)
    lines = console_lines(store, tmp_path)
    assert [line.split(" (")[0] for line in lines] == [
        "NEW: Treasury sanctions PDVSA",
        "NEW: Legal action against Tareck El Aissami by Justice Department",  # reported on the 18th
        "NEW: Legal action against Alex Saab by Justice Department",  # on the 19th
    ]


def test_issue12_a_statement_says_what_it_rejects_when_its_article_reports_it(store):
    a = add_article(store, "a24", published="2025-11-24")
    add_mention(store, a, "designation", "Cartel de los Soles", actor="Treasury", designation="SDGT",
                status="effective", event_date="2025-07", background=True)
    add_mention(store, a, "designation", "Cartel de los Soles", actor="United States", designation="FTO",
                status="effective", event_date="2025-11-24")
    add_mention(store, a, "statement", "Cartel de los Soles", actor="Yván Gil", modality="denied")
    b = add_article(store, "b", published=None)
    add_mention(store, b, "statement", "Venezuela", actor="Delcy Rodríguez", modality="denied")
    resolve_pending(store, ["console"], NOW)
    summaries = dict(store.execute("SELECT actor, summary FROM events WHERE event_type = 'statement'").fetchall())
    assert summaries == {
        "Yván Gil": "Venezuela's foreign minister Yván Gil rejects the FTO listing of Cartel de los Soles (Nov 2025)",
        "Delcy Rodríguez": "Venezuela's vice president Delcy Rodríguez rejects the action against Venezuela",
    }
    assert store.execute("SELECT about FROM events WHERE actor = 'Yván Gil'").fetchone() == (
        "the FTO listing of Cartel de los Soles",)


def test_issue12_no_summary_or_alert_line_has_a_question_mark(store, tmp_path):
    a = add_article(store, "a1", published=None)
    add_mention(store, a, "reward", "Nicolás Maduro", actor=None, amount=25e6)
    add_mention(store, a, "statement", "Cartel de los Soles", actor="Yván Gil", modality="denied")
    add_mention(store, a, "diplomacy", "United States", actor="Nicolás Maduro", modality="asserted")
    add_mention(store, a, "military_action", "Caribbean", actor="Pentagon")
    add_mention(store, a, "designation", "Sinaloa Cartel", actor=None, designation="FTO", status="effective")
    resolve_pending(store, ["console"], NOW)
    summaries = sorted(r[0] for r in store.execute("SELECT summary FROM events").fetchall())
    assert summaries == [
        "$25M reward offered for Nicolás Maduro",
        "Pentagon military activity in Caribbean",
        "Sinaloa Cartel listed as a terrorist organization (FTO)",
        "Talks between Nicolás Maduro and United States",
        "Venezuela's foreign minister Yván Gil rejects the action against Cartel de los Soles",
    ]
    assert all("?" not in line and "None" not in line for line in console_lines(store, tmp_path))
