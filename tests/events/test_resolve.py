"""Event resolution on a real store, with mentions written directly (no extractor)."""

from datetime import datetime, timezone

from helpers import add_article, add_mention
from newsmon.events.resolve import resolve_pending

NOW = datetime(2025, 11, 25, tzinfo=timezone.utc)
CHANNELS = ["console", "jsonl"]


def events(con):
    cur = con.execute("SELECT * FROM events ORDER BY event_type, target, event_date")
    cols = [d[0] for d in cur.description]
    return [dict(zip(cols, r)) for r in cur.fetchall()]


def alert_reasons(con, channel="console"):
    rows = con.execute("SELECT reason, split_part(alert_key, ':', 4) FROM alerts WHERE channel = ?", [channel])
    return sorted((f"{reason} {value}" if value else reason,) for reason, value in rows.fetchall())


def fto_announced(con, article):
    return add_mention(con, article, "designation", "Cartel de los Soles", actor="State Department",
                       designation="FTO", status="announced", modality="intended", event_date="2025-11-24")


def fto_effective(con, article):
    return add_mention(con, article, "designation", "Cartel de los Soles", actor="United States",
                       designation="FTO", status="effective", event_date="2025-11-24")


def test_announced_then_effective_is_one_event_whose_status_moved(store):
    fto_announced(store, add_article(store, "a17", published="2025-11-17"))
    fto_effective(store, add_article(store, "a24", source="wire", published="2025-11-24"))
    summary = resolve_pending(store, CHANNELS, NOW)
    assert (summary.mentions, summary.events_created, summary.alerts) == (2, 1, 2)
    (event,) = events(store)
    assert (event["status"], str(event["event_date"]), event["article_count"], event["source_count"]) == \
        ("effective", "2025-11-24", 2, 2)
    assert alert_reasons(store) == [("changed:status effective",), ("new",)]
    history = store.execute("SELECT field, old_value, new_value, article_id FROM event_history "
                            "WHERE field = 'status'").fetchall()
    assert history == [("status", "announced", "effective", "a24")]
    reasons = [r[0] for r in store.execute("SELECT merge_reason FROM event_mentions ORDER BY article_id").fetchall()]
    assert reasons[0].startswith("new event") and reasons[1].startswith("joined: same event_type+target+designation")


def test_either_order_gives_the_same_event(store):
    fto_effective(store, add_article(store, "a24", published="2025-11-24", fetched="2025-11-24T00:00:00"))
    fto_announced(store, add_article(store, "a17", published="2025-11-17", fetched="2025-11-25T00:00:00"))
    # ordered by publication: the announcement is resolved first either way
    resolve_pending(store, CHANNELS, NOW)
    (event,) = events(store)
    assert event["status"] == "effective" and event["article_count"] == 2


def test_late_report_of_an_earlier_stage_does_not_move_status_back(store):
    fto_effective(store, add_article(store, "a24", published="2025-11-24"))
    resolve_pending(store, CHANNELS, NOW)
    fto_announced(store, add_article(store, "a30", published="2025-11-30"))
    resolve_pending(store, CHANNELS, NOW)
    (event,) = events(store)
    assert event["status"] == "effective"
    assert alert_reasons(store) == [("new",)]


def test_sdgt_and_fto_of_the_same_cartel_stay_apart_and_month_matches_day(store):
    a = add_article(store, "a1", published="2025-11-17")
    add_mention(store, a, "designation", "Cartel de los Soles", actor="Treasury", designation="SDGT",
                status="effective", event_date="2025-07", background=True)
    fto_announced(store, a)
    b = add_article(store, "a2", published="2025-11-24")
    add_mention(store, b, "designation", "Cartel de los Soles", actor="Treasury", designation="SDGT",
                status="effective", event_date="2025-07-25", background=True)
    resolve_pending(store, CHANNELS, NOW)
    by_designation = {e["designation"]: e for e in events(store)}
    assert set(by_designation) == {"SDGT", "FTO"}
    sdgt = by_designation["SDGT"]
    assert (str(sdgt["event_date"]), sdgt["date_precision"], sdgt["article_count"]) == ("2025-07-25", "day", 2)
    assert alert_reasons(store) == [("new",)]  # the FTO; background mentions never alert


def test_rewards_of_different_amounts_are_two_events(store):
    a = add_article(store, "a1")
    add_mention(store, a, "reward", "Nicolás Maduro", actor="State Department", amount=25e6, event_date="2025-01")
    add_mention(store, a, "reward", "Nicolás Maduro", actor="State Department", amount=50e6, event_date="2025-08")
    b = add_article(store, "a2")
    add_mention(store, b, "reward", "Nicolás Maduro", actor="State Department", amount=50e6)  # no date: joins
    resolve_pending(store, CHANNELS, NOW)
    rewards = events(store)
    assert sorted((e["amount_usd"], e["article_count"]) for e in rewards) == [(25e6, 1), (50e6, 2)]
    assert [e["summary"] for e in sorted(rewards, key=lambda e: e["amount_usd"])] == [
        "State Department offers $25M reward for Nicolás Maduro (Jan 2025)",
        "State Department reward for Nicolás Maduro raised to $50M from $25M (Aug 2025)"]  # issue 12


def test_issue10_a_raise_reported_a_day_late_is_the_same_raise(store):
    a = add_article(store, "a1")
    add_mention(store, a, "reward", "Nicolás Maduro", actor="State Department", amount=50e6, event_date="2025-08-07")
    b = add_article(store, "a2")  # a foreign outlet's "el jueves", read against the next day
    add_mention(store, b, "reward", "Nicolás Maduro", actor="United States", amount=50e6, event_date="2025-08-08")
    c = add_article(store, "a3")
    add_mention(store, c, "reward", "Nicolás Maduro", actor="State Department", amount=50e6, event_date="2025-08")
    resolve_pending(store, CHANNELS, NOW)
    assert [(e["amount_usd"], e["article_count"]) for e in events(store)] == [(50e6, 3)]


def test_talks_possible_and_planned_call_stay_apart(store):
    a = add_article(store, "a1")
    add_mention(store, a, "diplomacy", "Nicolás Maduro", actor="Donald Trump", modality="possible",
                event_date="2025-11-16")
    b = add_article(store, "a2", published=None)
    add_mention(store, b, "diplomacy", "Nicolás Maduro", actor="Donald Trump", modality="intended",
                event_date="2025-11-24")
    add_mention(store, b, "diplomacy", "Nicolás Maduro", actor=None, modality="intended")  # "the planned call"
    resolve_pending(store, CHANNELS, NOW)
    talks = sorted((e["modality"], e["article_count"]) for e in events(store))
    assert talks == [("intended", 1), ("possible", 1)]
    counts = store.execute("SELECT event_id, count(*) FROM event_mentions GROUP BY 1 ORDER BY 2").fetchall()
    assert [c for _, c in counts] == [1, 2]


def test_rerun_raises_nothing_and_alerts_are_per_channel(store):
    fto_announced(store, add_article(store, "a17"))
    first = resolve_pending(store, CHANNELS, NOW)
    again = resolve_pending(store, CHANNELS, NOW)
    assert (first.alerts, again.mentions, again.alerts) == (1, 0, 0)
    assert store.execute("SELECT channel FROM alerts ORDER BY 1").fetchall() == [("console",), ("jsonl",)]
    keys = {r[0] for r in store.execute("SELECT alert_key FROM alerts").fetchall()}
    assert len(keys) == 1


def test_re_report_adds_a_source_and_raises_nothing(store):
    fto_effective(store, add_article(store, "a1", source="seeds"))
    resolve_pending(store, CHANNELS, NOW)
    store.execute("INSERT INTO feeds (url, name, official) VALUES ('https://state.gov/rss', 'State', true)")
    fto_effective(store, add_article(store, "a2", source="State"))
    resolve_pending(store, CHANNELS, NOW)
    (event,) = events(store)
    assert (event["article_count"], event["source_count"], event["official"]) == (2, 2, True)
    assert alert_reasons(store) == [("new",)]


def test_background_only_event_alerts_when_first_reported_as_news(store):
    a = add_article(store, "a1")
    add_mention(store, a, "legal_action", "Nicolás Maduro", actor="Justice Department", event_date="2020",
                background=True)
    resolve_pending(store, CHANNELS, NOW)
    assert alert_reasons(store) == []
    b = add_article(store, "a2")
    add_mention(store, b, "legal_action", "Nicolás Maduro", actor="Justice Department", event_date="2020-03-26")
    resolve_pending(store, CHANNELS, NOW)
    assert alert_reasons(store) == [("new",)]
    (event,) = events(store)
    assert event["is_background"] is False


def test_a_failed_write_leaves_nothing_half_done(store, monkeypatch):
    import newsmon.events.resolve as resolve

    fto_announced(store, add_article(store, "a17"))

    def boom(*args, **kwargs):
        raise RuntimeError("killed mid-write")

    monkeypatch.setattr(resolve, "_raise_alerts", boom)
    try:
        resolve_pending(store, CHANNELS, NOW)
    except RuntimeError:
        pass
    assert store.execute("SELECT count(*) FROM events").fetchone() == (0,)
    assert store.execute("SELECT count(*) FROM event_mentions WHERE event_id IS NOT NULL").fetchone() == (0,)
    monkeypatch.undo()
    assert resolve_pending(store, CHANNELS, NOW).alerts == 1


def test_issue10_a_measure_or_ruling_dated_a_day_apart_by_two_reports_is_one_event(store):
    add_mention(store, add_article(store, "lapse1", published="2024-04-17"), "sanction", "Venezuela",
                actor="State Department", event_date="2024-04-17")
    add_mention(store, add_article(store, "lapse2", source="wire", published="2024-04-18"), "sanction", "Venezuela",
                actor="United States", event_date="2024-04-18")
    add_mention(store, add_article(store, "stay1", published="2025-05-19"), "legal_action", "Venezuelan migrants",
                actor="Supreme Court", event_date="2025-05-19")
    add_mention(store, add_article(store, "stay2", source="wire", published="2025-05-20"), "legal_action",
                "Venezuelan migrants", actor="Supreme Court", event_date="2025-05-20")
    # a measure a week later is another development
    add_mention(store, add_article(store, "later", published="2024-04-25"), "sanction", "Venezuela",
                actor="Treasury", event_date="2024-04-25")
    resolve_pending(store, CHANNELS, NOW)
    assert [(e["event_type"], e["article_count"]) for e in events(store)] == \
        [("legal_action", 2), ("sanction", 2), ("sanction", 1)]


def test_issue10_talks_told_by_the_envoy_and_by_the_president_are_one_meeting(store):
    add_mention(store, add_article(store, "envoy", published="2025-01-31"), "diplomacy", "Nicolás Maduro",
                actor="Richard Grenell", event_date="2025-01-31")
    add_mention(store, add_article(store, "president", source="wire", published="2025-02-01"), "diplomacy",
                "Nicolás Maduro", actor="Donald Trump", event_date="2025-01-31")
    add_mention(store, add_article(store, "caracas", source="vtv", published="2025-02-01"), "diplomacy",
                "Nicolás Maduro", actor="Delcy Rodríguez", event_date="2025-01-31")
    resolve_pending(store, CHANNELS, NOW)
    assert sorted(e["article_count"] for e in events(store)) == [1, 2]  # the Venezuelan side's talks stay apart


def test_issue10_a_government_and_its_minister_rejecting_one_listing_are_one_position(store):
    add_mention(store, add_article(store, "ministry", published="2025-11-17"), "statement", "Cartel de los Soles",
                actor="Venezuela", modality="denied")
    add_mention(store, add_article(store, "minister", source="efe", published="2025-11-18"), "statement",
                "Cartel de los Soles", actor="Yván Gil", modality="denied")
    add_mention(store, add_article(store, "rally", source="vtv", published="2025-11-18"), "statement",
                "Cartel de los Soles", actor="Diosdado Cabello", modality="denied")
    resolve_pending(store, CHANNELS, NOW)
    # Cabello is another speaker of the same side: his rejection stays his own
    assert sorted(e["article_count"] for e in events(store)) == [1, 2]


def test_issue10_one_side_s_strike_told_by_the_pentagon_and_by_washington_is_one_event(store):
    add_mention(store, add_article(store, "dod", published="2025-09-02"), "military_action", "Caribbean",
                actor="Pentagon", event_date="2025-09-02")
    add_mention(store, add_article(store, "wire", source="wire", published="2025-09-03"), "military_action",
                "Venezuela", actor="United States", event_date="2025-09-02")
    add_mention(store, add_article(store, "next", published="2025-09-16"), "military_action", "Caribbean",
                actor="Pentagon", event_date="2025-09-15")
    resolve_pending(store, CHANNELS, NOW)
    assert sorted(e["article_count"] for e in events(store)) == [1, 2]


def test_issue10_an_undated_report_does_not_join_a_development_years_away(store):
    add_mention(store, add_article(store, "arrest", published="2020-06-13"), "legal_action", "Alex Saab",
                event_date="2020-06-12")
    # an undated report in a 2023 article tells recent news, not the 2020 arrest
    add_mention(store, add_article(store, "swap", source="wire", published="2023-12-21"), "legal_action",
                "Alex Saab")
    # and a dated report years before an undated development's first article does not join it
    add_mention(store, add_article(store, "later", source="efe", published="2023-12-22"), "legal_action",
                "Alex Saab", event_date="2020-06-12")
    resolve_pending(store, CHANNELS, NOW)
    assert sorted(e["article_count"] for e in events(store)) == [1, 2]


def test_issue10_a_strike_reported_with_no_actor_is_the_us_campaigns(store):
    """rules.yaml military_action.unknown_side: an actor-less report of a strike joins the
    Pentagon's strike of that day; Venezuela's own deployment that day stays its own event."""
    add_mention(store, add_article(store, "pentagon", published="2025-09-02"), "military_action", "Caribbean",
                actor="Pentagon", event_date="2025-09-02")
    add_mention(store, add_article(store, "wire", source="wire", published="2025-09-03"), "military_action",
                "Tren de Aragua", event_date="2025-09-02")
    add_mention(store, add_article(store, "caracas", source="vtv", published="2025-09-02"), "military_action",
                "Venezuela", actor="Venezuela", event_date="2025-09-02")
    resolve_pending(store, CHANNELS, NOW)
    assert sorted((e["actor"], e["article_count"]) for e in events(store)) == [("Pentagon", 2), ("Venezuela", 1)]
