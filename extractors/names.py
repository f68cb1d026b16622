"""Open-world names: every person, organisation, agency, country or place spaCy's NER finds
that the gazetteer does not list gets a canonical name of its own, so that roles are not
limited to the gazetteer (issue 10). The gazetteer still wins where it knows a name: it
canonicalises ("Maduro" -> "Nicolás Maduro") and says what is Venezuelan.

The canonical form of an unlisted name is the fullest form the article uses ("Padrino" after
"Vladimir Padrino López" is "Vladimir Padrino López"), without titles, articles or the
possessive "'s": the same person named in full in two articles gets the same form. The entity
spans get `ent_id_` = that form, and `doc._.names` maps it to an `Entity`.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path

import yaml
from spacy.language import Language
from spacy.tokens import Doc, Span

from extractors.gazetteer import Entity, data_dir

if not Doc.has_extension("names"):
    Doc.set_extension("names", default={})

# spaCy NER labels that can fill a role, and the kind they give (see gazetteer.jsonl kinds).
# Unlisted countries, cities and places get kinds that no role asks for: open-world places
# ("Mexico City", "Barbados", a dateline) made wrong targets of talks and strikes, while the
# countries and seas that matter are in the gazetteer.
_NER_KINDS = {"PERSON": "person", "ORG": "organisation", "GPE": "country", "LOC": "location", "FAC": "location",
              # the Spanish model's labels
              "PER": "person", "MISC": None}


@functools.cache
def _name_rules(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def name_rules(path: str | Path | None = None) -> dict:
    return _name_rules(Path(path or data_dir() / "names.yaml"))


@Language.factory("newsmon_names", default_config={"rules": None, "extra": None})
def make_names(nlp: Language, name: str, rules: str | None, extra: str | None = None) -> "NameResolver":
    """`extra`: a language's additions (data/<language>/names.yaml): its lists are added to the
    shared ones, its `ner_kinds` override the kinds of its model's NER labels, its other values
    replace the shared ones (issue 11)."""
    merged = dict(name_rules(rules))
    for key, value in (name_rules(extra) if extra else {}).items():
        if isinstance(value, dict):
            merged[key] = {**merged.get(key, {}), **value}
        elif isinstance(value, list):
            merged[key] = merged.get(key, []) + value
        else:
            merged[key] = value
    return NameResolver(merged)


class NameResolver:
    def __init__(self, rules: dict) -> None:
        self.titles = {t.lower() for t in rules.get("titles", [])}
        self.agency_heads = {w.lower() for w in rules.get("agency_heads", [])}
        self.legislature_heads = {w.lower() for w in rules.get("legislature_heads", [])}
        self.not_names = {w.lower() for w in rules.get("not_names", [])}
        self.not_name_words = {w.lower() for w in rules.get("not_name_words", [])}
        self.venezuelan_cues = {w.lower() for w in rules.get("venezuelan_cues", [])}
        self.ner_kinds = {**_NER_KINDS, **rules.get("ner_kinds", {})}
        # an unlisted person named by fewer words, in its fullest form, is no name (a model that
        # tags towns and common nouns as persons: "Cumaná", "Paz" of a ministry's title)
        self.min_person_words = rules.get("min_person_words", 1)
        self.court_titles = {w.lower() for w in rules.get("court_titles", [])}
        self.court_heads = {w.lower() for w in rules.get("court_heads", [])}

    def _core(self, span: Span) -> Span | None:
        """The span without leading titles/determiners and a trailing possessive."""
        start, end = span.start, span.end
        doc = span.doc
        while start < end and (doc[start].lower_ in self.titles or doc[start].pos_ == "DET" or doc[start].is_punct):
            start += 1
        while end > start and (doc[end - 1].lower_ in ("'s", "’s", "'", "’") or doc[end - 1].is_punct):
            end -= 1
        if start >= end:
            return None
        return Span(doc, start, end, label=span.label_)

    def _kind(self, span: Span) -> str | None:
        kind = self.ner_kinds.get(span.label_)
        if kind == "organisation" and any(t.lower_ in self.court_heads for t in span):
            return "court"
        if kind == "organisation" and any(t.lower_ in self.legislature_heads for t in span):
            return "legislature"
        if kind == "organisation" and any(t.lower_ in self.agency_heads for t in span):
            return "agency"
        if kind == "person":
            # "U.S. District Judge Edward Chen": the title may sit inside the span or just before it
            words, i = [t.lower_ for t in span], span.start - 1
            while i >= max(0, span.start - 3) and span.doc[i].is_title:  # "Chief Judge", "District Judge"
                words.append(span.doc[i].lower_)
                i -= 1
            if self.court_titles.intersection(words):
                return "court"
        return kind

    def __call__(self, doc: Doc) -> Doc:
        names: dict[str, Entity] = {}
        open_spans: list[tuple[Span, str]] = []
        kept = []
        for ent in doc.ents:
            if ent.ent_id_:  # a gazetteer name
                kept.append(ent)
                continue
            kind = self._kind(ent)
            core = self._core(ent) if kind else None
            if core is None or core.text.lower() in self.not_names or not any(t.is_alpha for t in core) \
                    or any(t.lower_ in self.not_name_words for t in core) \
                    or all(t.is_lower for t in core if t.is_alpha):
                kept.append(ent)
                continue
            open_spans.append((core, kind))
        # The fullest form: a person named by a shorter form of a longer name in the article
        fullest: dict[str, str] = {}
        persons = sorted({s.text for s, k in open_spans if k in ("person", "court")}, key=len, reverse=True)
        for text in persons:
            words = text.split()
            longer = next((p for p in persons if len(p.split()) > len(words) and
                           (p.split()[-len(words):] == words or p.split()[1:1 + len(words)] == words)), None)
            fullest[text] = fullest.get(longer, longer) if longer else text
        # "Chen" after "Judge Edward Chen": the short form of a listed person named in the article
        listed = {}
        for ent in kept:
            if ent.ent_id_ and ent.label_ in ("PERSON", "PER", "ORG") and len(ent) > 1:
                listed.setdefault(ent[-1].text, ent)
        for core, kind in open_spans:
            match = listed.get(core.text) if kind in ("person", "court") and len(core) == 1 else None
            if match is not None:
                kept.append(Span(doc, core.start, core.end, label=match.label_, span_id=match.ent_id_))
                continue
            canonical = fullest.get(core.text, core.text) if kind in ("person", "court") else re.sub(r"\s+", " ", core.text)
            if kind == "person" and len(canonical.split()) < self.min_person_words:
                continue
            before = doc[max(0, core.start - 3):core.start]
            venezuelan = any(t.lower_ in self.venezuelan_cues for t in before) or \
                any(t.lower_ in self.venezuelan_cues for t in core)
            entity = names.get(canonical)
            if entity is None or (venezuelan and not entity.venezuela):
                names[canonical] = Entity(id=canonical, kind=kind, venezuela=venezuelan)
            kept.append(Span(doc, core.start, core.end, label=core.label_, span_id=canonical))
        doc.ents = sorted(kept, key=lambda s: s.start)
        doc._.names = names
        return doc


def entities_of(doc: Doc, gazetteer: dict[str, Entity]) -> dict[str, Entity]:
    """The gazetteer's entities and the article's own names (the gazetteer wins)."""
    names = doc._.names
    if not names:
        return gazetteer
    merged = dict(names)
    merged.update(gazetteer)
    return merged
