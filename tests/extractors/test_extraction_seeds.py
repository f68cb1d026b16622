"""Issue 3's bar on the two seed articles, on the real model: every listed development found
with the right actor, target, date and status."""

from pathlib import Path

import pytest

from conftest import SEEDS_DIR
from extractors import ArticleText, extract_mentions
from newsmon.seeds import read_seed_dir


@pytest.fixture(scope="module")
def mentions(nlp):
    articles, _ = read_seed_dir(SEEDS_DIR)
    texts = [ArticleText(article_id=Path(a.url).name[:3], text=a.text, published_at=a.published_date) for a in articles]
    found = extract_mentions(nlp, texts)
    return {(m.article_id, m.event_type, m.target, m.designation, m.amount_usd, str(m.event_date), m.status,
             m.modality, m.is_background, m.actor) for m in found}, found


@pytest.mark.parametrize("expected", [
    ("000", "designation", "Cartel de los Soles", "FTO", None, "2025-11-24", "announced", "intended", False, "State Department"),
    ("000", "designation", "Cartel de los Soles", "SDGT", None, "2025-07-01", "effective", "asserted", True, "Treasury"),
    ("000", "reward", "Nicolás Maduro", None, 50e6, "2025-08-01", None, "asserted", True, "State Department"),
    ("000", "diplomacy", "Nicolás Maduro", None, None, "2025-11-16", None, "possible", False, "Donald Trump"),
    ("002", "designation", "Cartel de los Soles", "FTO", None, "2025-11-24", "effective", "asserted", False, "United States"),
    ("002", "designation", "Cartel de los Soles", "SDGT", None, "2025-07-01", "effective", "asserted", True, "Treasury"),
    ("002", "designation", "Tren de Aragua", "FTO", None, "2025-02-01", "effective", "asserted", True, None),
    ("002", "designation", "Sinaloa Cartel", "FTO", None, "2025-02-01", "effective", "asserted", True, None),
    ("002", "legal_action", "Nicolás Maduro", None, None, "2020-01-01", None, "asserted", True, "United States"),
    ("002", "military_action", "Caribbean", None, None, "2025-09-01", None, "asserted", True, "United States"),
    ("002", "diplomacy", "Nicolás Maduro", None, None, "2025-11-24", None, "intended", False, "Donald Trump"),
    ("002", "statement", "Cartel de los Soles", None, None, "None", None, "denied", False, "Yván Gil"),
])
def test_seed_developments_are_found(mentions, expected):
    assert expected in mentions[0]


def test_the_25m_reward_of_january_is_found_apart_from_the_50m(mentions):
    rewards = sorted((m.amount_usd, str(m.event_date)) for m in mentions[1] if m.event_type == "reward")
    assert rewards == [(25e6, "2025-01-01"), (50e6, "2025-08-01")]


def test_provenance_offsets_point_at_the_sentence(mentions):
    articles, _ = read_seed_dir(SEEDS_DIR)
    texts = {Path(a.url).name[:3]: a.text for a in articles}
    for m in mentions[1]:
        assert texts[m.article_id][m.char_start:m.char_end] == m.sentence


def test_no_mention_from_a_reporters_question(mentions):
    assert not any(m.sentence.rstrip().endswith("?") for m in mentions[1])
