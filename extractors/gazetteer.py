"""The gazetteer of actors that matter (data/gazetteer.jsonl) and the spaCy component that
marks their names in a Doc as entities carrying the canonical name (`ent.ent_id_`)."""

from __future__ import annotations

import functools
import json
import os
from dataclasses import dataclass, field, replace
from pathlib import Path

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

DATA = Path(__file__).with_name("data")


def data_dir() -> Path:
    """The domain data in use: the package's data/, or NEWSMON_EXTRACTOR_DATA (an edited copy)."""
    return Path(os.environ.get("NEWSMON_EXTRACTOR_DATA") or DATA)
LABELS = {"person": "PERSON", "agency": "ORG", "government": "GPE", "organisation": "ORG", "company": "ORG",
          "group": "NORP", "country": "GPE", "location": "LOC", "court": "ORG",
          "place": "LOC"}


@dataclass(frozen=True)
class Entity:
    id: str
    kind: str
    venezuela: bool = False
    acts_for: str | None = None
    aliases: tuple[str, ...] = field(default_factory=tuple)


def load_gazetteer(path: str | Path | None = None) -> dict[str, Entity]:
    return _load_gazetteer(Path(path or data_dir() / "gazetteer.jsonl"))


@functools.cache
def _load_gazetteer(path: Path) -> dict[str, Entity]:
    entities = {}
    for number, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
            entity = Entity(id=record["id"], kind=record["kind"], venezuela=record.get("venezuela", False),
                            acts_for=record.get("acts_for"), aliases=tuple(record["aliases"]))
        except (ValueError, KeyError) as exc:
            raise ValueError(f"{path}:{number}: bad gazetteer line: {exc}") from exc
        if entity.kind not in LABELS:
            raise ValueError(f"{path}:{number}: unknown kind {entity.kind!r} (one of {sorted(LABELS)})")
        entities[entity.id] = entity
    return entities


def _is_acronym(alias: str) -> bool:
    """'US', 'U.S.', 'OFAC': matched case-sensitively, so the pronoun 'us' is not the US."""
    letters = [c for c in alias if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def with_aliases(entities: dict[str, Entity], path: str | Path) -> dict[str, Entity]:
    """The gazetteer with another language's names of its entities (`{"id", "aliases"}` lines,
    data/<language>/gazetteer_aliases.jsonl): one set of canonical names for every language."""
    merged = dict(entities)
    for number, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
            entity = merged[record["id"]]
        except (ValueError, KeyError) as exc:
            raise ValueError(f"{path}:{number}: bad alias line (the id must be a gazetteer id): {exc}") from exc
        merged[entity.id] = replace(entity, aliases=entity.aliases + tuple(record["aliases"]))
    return merged


@Language.factory("newsmon_gazetteer", default_config={"path": None, "aliases": None})
def make_gazetteer(nlp: Language, name: str, path: str | None, aliases: str | None) -> "GazetteerRuler":
    entities = load_gazetteer(path)
    return GazetteerRuler(nlp, with_aliases(entities, aliases) if aliases else entities)


class GazetteerRuler:
    """Finds gazetteer names (longest match wins) and writes them to `doc.ents`, over the
    statistical NER where they overlap."""

    def __init__(self, nlp: Language, entities: dict[str, Entity]) -> None:
        self.entities = entities
        self.by_case = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.by_lower = PhraseMatcher(nlp.vocab, attr="LOWER")
        for entity in entities.values():
            acronyms = [nlp.make_doc(a) for a in entity.aliases if _is_acronym(a)]
            names = [nlp.make_doc(a) for a in entity.aliases if not _is_acronym(a)]
            if acronyms:
                self.by_case.add(entity.id, acronyms)
            if names:
                self.by_lower.add(entity.id, names)

    def find(self, doc: Doc) -> list[Span]:
        spans = []
        for matcher in (self.by_case, self.by_lower):
            for match_id, start, end in matcher(doc):
                entity_id = doc.vocab.strings[match_id]
                spans.append(Span(doc, start, end, label=LABELS[self.entities[entity_id].kind], span_id=entity_id))
        return filter_spans(spans)

    def __call__(self, doc: Doc) -> Doc:
        found = self.find(doc)
        taken = {i for span in found for i in range(span.start, span.end)}
        kept = [e for e in doc.ents if not any(i in taken for i in range(e.start, e.end))]
        doc.ents = filter_spans(found + kept)
        return doc


def canonical(span: Span, entities: dict[str, Entity]) -> Entity | None:
    return entities.get(span.ent_id_) if span.ent_id_ else None
