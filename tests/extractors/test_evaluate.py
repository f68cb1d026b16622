"""The scorer on hand-built gold and predictions (no spaCy)."""

import json
from datetime import date

import pytest

from extractors.evaluate import load_gold, score

TEXT = "date 2025-11-24 The State Department designated Cartel de los Soles as an FTO. Caracas rejected it.\n"


@pytest.fixture
def folder(tmp_path):
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "distractor_b.txt").write_text("date 2025-11-24 Baseball in Maracaibo.\n", encoding="utf-8")
    gold = {"article": "a.txt", "event_type": "designation", "actor": "State Department",
            "target": "Cartel de los Soles", "designation": "FTO", "status": "effective", "event_date": "2025-11",
            "date_precision": "month", "evidence": "designated Cartel de los Soles as an FTO",
            "development": "fto"}
    (tmp_path / "gold.jsonl").write_text(json.dumps(gold) + "\n", encoding="utf-8")
    return tmp_path


def pred(**kw):
    base = {"article": "a.txt", "event_type": "designation", "actor": "State Department",
            "target": "Cartel de los Soles", "designation": "FTO", "status": "effective", "modality": "asserted",
            "event_date": date(2025, 11, 1), "date_precision": "month", "amount_usd": None, "is_background": False,
            "sentence": "The State Department designated Cartel de los Soles as an FTO.", "char_start": 0,
            "char_end": 62}
    base.update(kw)
    return base


def test_perfect_match(folder):
    report = score(load_gold(folder), [pred()])
    assert (report.overall.tp, report.overall.fp, report.overall.fn) == (1, 0, 0)
    assert report.field_right["event_date"] == 1  # month precision compared at month precision


def test_wrong_target_is_a_false_positive_and_a_false_negative(folder):
    report = score(load_gold(folder), [pred(target="Tren de Aragua")])
    assert (report.overall.tp, report.overall.fp, report.overall.fn) == (0, 1, 1)


def test_wrong_date_still_matches_but_the_field_is_wrong(folder):
    report = score(load_gold(folder), [pred(event_date=date(2025, 11, 24), date_precision="day")])
    assert report.overall.tp == 1 and report.field_right["event_date"] == 0


def test_other_sentence_does_not_match(folder):
    report = score(load_gold(folder), [pred(char_start=63, char_end=83)])
    assert report.overall.tp == 0


def test_distractor_hits_are_counted(folder):
    report = score(load_gold(folder), [pred(), pred(article="distractor_b.txt")])
    assert (report.distractor_mentions, report.distractor_articles_hit, report.distractor_articles) == (1, 1, 1)


def test_invalid_gold_names_file_and_line(folder):
    (folder / "gold.jsonl").write_text('{"article": "a.txt", "event_type": "coup"}\n', encoding="utf-8")
    with pytest.raises(ValueError, match="gold.jsonl:1"):
        load_gold(folder)


def test_evidence_must_be_in_the_article(folder):
    line = json.loads((folder / "gold.jsonl").read_text(encoding="utf-8"))
    line["evidence"] = "not in the text"
    (folder / "gold.jsonl").write_text(json.dumps(line) + "\n", encoding="utf-8")
    with pytest.raises(ValueError, match="evidence not found"):
        load_gold(folder)
