"""newsmon.language: the declared language when reliable, else py3langid on the text."""

import pytest

from newsmon.language import detect_language, identify, normalise_declared

# Short news items written for these tests (headlines and ledes), in the four languages the
# monitored feeds carry; the last five are hard (names and a few function words).
SNIPPETS = [
 ("en", "Treasury sanctions Venezuelan officials over election fraud"),
 ("en", "The State Department said on Sunday it would designate the cartel as a terrorist group."),
 ("en", "Oil prices rose after Washington revoked Chevron's licence to pump crude in Venezuela."),
 ("en", "Maduro calls U.S. strikes on boats an act of aggression"),
 ("en", "Pentagon deploys aircraft carrier to the Caribbean"),
 ("en", "Trump says he may talk to Maduro"),
 ("en", "A federal judge in New York unsealed the indictment on Thursday."),
 ("en", "Caracas rejects reward offer as 'pathetic'"),
 ("en", "Bondi doubles bounty on Venezuelan leader to $50 million"),
 ("en", "Venezuela's opposition leader Maria Corina Machado wins Nobel Peace Prize"),
 ("es", "EE. UU. sanciona a funcionarios venezolanos por fraude electoral"),
 ("es", "El Departamento de Estado anunció el domingo que designará al cartel como grupo terrorista."),
 ("es", "Maduro califica de agresión los ataques de EE.UU. contra lanchas"),
 ("es", "El Pentágono despliega un portaaviones en el Caribe"),
 ("es", "Trump dice que podría hablar con Maduro"),
 ("es", "Caracas rechaza la recompensa y la califica de patética"),
 ("es", "Bondi duplica la recompensa por Maduro a 50 millones de dólares"),
 ("es", "La Cancillería venezolana repudió el comunicado del Gobierno estadounidense."),
 ("es", "Venezuela movilizó a miles de milicianos tras el despliegue naval"),
 ("es", "Chevron deberá cesar sus operaciones en Venezuela antes del 3 de abril"),
 ("pt", "EUA sancionam funcionários venezuelanos por fraude eleitoral"),
 ("pt", "O Departamento de Estado anunciou no domingo que vai designar o cartel como grupo terrorista."),
 ("pt", "Maduro chama de agressão os ataques dos EUA contra lanchas"),
 ("pt", "Pentágono envia porta-aviões ao Caribe"),
 ("pt", "Trump diz que pode conversar com Maduro"),
 ("pt", "Caracas rejeita recompensa e a chama de patética"),
 ("pt", "Governo brasileiro acompanha com preocupação a tensão na fronteira com a Venezuela"),
 ("pt", "A petroleira Chevron terá de encerrar as operações na Venezuela até 3 de abril"),
 ("pt", "Lula conversou por telefone com Maduro nesta segunda-feira"),
 ("pt", "O preço do petróleo subiu depois da revogação da licença"),
 ("fr", "Les États-Unis sanctionnent des responsables vénézuéliens pour fraude électorale"),
 ("fr", "Le département d'État a annoncé dimanche qu'il désignerait le cartel comme groupe terroriste."),
 ("fr", "Maduro qualifie d'agression les frappes américaines contre des bateaux"),
 ("fr", "Le Pentagone déploie un porte-avions dans les Caraïbes"),
 ("fr", "Trump dit qu'il pourrait parler à Maduro"),
 ("fr", "Caracas rejette la récompense, qu'il juge pathétique"),
 ("fr", "La prime pour la capture de Maduro doublée à 50 millions de dollars"),
 ("fr", "Le Venezuela mobilise des milliers de miliciens après le déploiement naval"),
 ("fr", "Chevron devra cesser ses activités au Venezuela avant le 3 avril"),
 ("fr", "Le prix du pétrole a grimpé après la révocation de la licence"),
 # hard: very short, names-heavy
 ("es", "Maduro: «Venezuela no se rinde»"),
 ("en", "Venezuela: what we know"),
 ("es", "Última hora: ataque en el Caribe"),
 ("pt", "Venezuela: o que se sabe"),
 ("fr", "Venezuela : ce que l'on sait"),
]


def test_identifies_short_news_items():
    wrong = [(lang, text) for lang, text in SNIPPETS if detect_language(text) != lang]
    # measured: 44 of 45 ("Venezuela: o que se sabe" reads as Spanish)
    assert len(wrong) <= 2, wrong


@pytest.mark.parametrize("declared, code", [
    ("es", "es"), ("es-VE", "es"), ("es_419", "es"), ("en-US", "en"), ("EN", "en"), (" pt-BR ", "pt"),
    ("spa", "es"), ("eng", "en"),
    (None, None), ("", None), ("English", None), ("es_ES.UTF-8", None), ("x", None), ("??", None), ("zzz", None),
])
def test_normalise_declared(declared, code):
    assert normalise_declared(declared) == code


def test_a_reliable_declared_language_is_kept():
    # a short Portuguese headline the model takes for Spanish: the feed knows better
    assert detect_language("Venezuela: o que se sabe", declared="pt-BR") == "pt"
    assert detect_language("Maduro", declared="es") == "es"
    assert detect_language("", declared="en") == "en"


def test_text_that_clearly_contradicts_the_declared_language_wins():
    spanish = ("El Departamento de Estado anunció el domingo que designará al cartel como organización "
               "terrorista extranjera a partir del 24 de noviembre.")
    assert detect_language(spanish, declared="en-us") == "es"
    english = "The State Department said on Sunday it would designate the cartel as a terrorist group."
    assert detect_language(english, declared="es") == "en"


def test_a_malformed_declaration_falls_back_to_the_text():
    text = "La Cancillería venezolana repudió el comunicado del Gobierno estadounidense."
    assert detect_language(text, declared="Spanish (Venezuela)") == "es"
    assert detect_language(text, declared=None) == "es"


@pytest.mark.parametrize("text", ["", "   ", "OK", "Maduro", "12345 !!!", "https://example.org/a/b?c=1", "Trump Maduro"])
def test_too_little_text_is_undetermined(text):
    assert detect_language(text) == "und"


def test_noise_is_ignored():
    text = ("<p>Trump dice que podría hablar con Maduro</p> https://example.org/noticias/2025/11/17 "
            "contacto@example.org 2025-11-17")
    assert detect_language(text) == "es"


def test_other_languages_get_their_code():
    assert detect_language("Il governo italiano ha condannato gli attacchi nei Caraibi") == "it"
    assert detect_language("Последние новости о Венесуэле и санкциях США") == "ru"


def test_identify_reports_probability_and_letters():
    code, probability, letters = identify("Le prix du pétrole a grimpé après la révocation de la licence")
    assert code == "fr" and probability > 0.9 and letters > 40
