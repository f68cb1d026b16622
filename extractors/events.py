"""The event component: per sentence, trigger words (data/triggers.yaml) and, from the
dependency parse, who acts (the trigger's subject, agent or possessor) and who is acted on (its
object, or the object of its preposition), restricted to gazetteer entities.

`find` matches; `__call__` writes the candidates to `doc._.events`.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

import yaml
from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc, Span, Token

from extractors.gazetteer import Entity, _is_acronym, data_dir, load_gazetteer
from extractors.money import find_amounts

if not Doc.has_extension("events"):
    Doc.set_extension("events", default=[])

# Which type a trigger token tries first when its lemma triggers several.
TYPE_ORDER = ["designation", "reward", "statement", "legal_action", "military_action", "sanction", "diplomacy"]
_SUBJECTS = {"nsubj", "nsubjpass", "csubj"}
_CLIMB = {"xcomp", "ccomp", "conj", "advcl", "relcl", "acl", "pcomp", "dobj", "pobj", "prep", "attr", "nsubj",
          "nsubjpass", "appos", "npadvmod", "oprd"}
_TARGET_PREPS = {"of", "for", "with", "against", "on", "in", "at", "to", "into", "toward", "towards", "off", "near"}
# Persons act for an authority when the act is that authority's (Rubio designates for State).
_ACTS_FOR_TYPES = {"designation", "sanction", "reward", "legal_action", "military_action"}


@dataclass
class Candidate:
    event_type: str
    trigger: int                # token index
    sentence: tuple[int, int]   # token span of the sentence
    actor: Span | None
    target: Span | None
    designation: str | None
    modality: str
    status: str | None


@functools.cache
def _yaml(path: Path):
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def load_triggers(path: str | Path | None = None) -> dict:
    return _yaml(Path(path or data_dir() / "triggers.yaml"))


def load_designations(path: str | Path | None = None) -> dict[str, list[str]]:
    return _yaml(Path(path or data_dir() / "designations.yaml"))


@Language.factory("newsmon_events", default_config={"triggers": None, "designations": None, "gazetteer": None})
def make_events(nlp: Language, name: str, triggers: str | None, designations: str | None,
                gazetteer: str | None) -> "EventFinder":
    return EventFinder(nlp, load_triggers(triggers), load_designations(designations), load_gazetteer(gazetteer))


class EventFinder:
    def __init__(self, nlp: Language, triggers: dict, designations: dict[str, list[str]],
                 entities: dict[str, Entity]) -> None:
        self.rules = triggers["types"]
        self.cues = {k: set(v) for k, v in triggers["modality"].items()}
        self.status_cues = {k: set(v) for k, v in triggers["status"].items()}
        self.entities = entities
        self.verbs = {t: set(r.get("verbs", [])) for t, r in self.rules.items()}
        self.nouns = {t: set(r.get("nouns", [])) for t, r in self.rules.items()}
        self.phrases = Matcher(nlp.vocab)
        for event_type, rule in self.rules.items():
            for phrase in rule.get("phrases", []):
                self.phrases.add(event_type, [[{"LEMMA": w}] for w in phrase.split()])
        self.regimes_case = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.regimes_lower = PhraseMatcher(nlp.vocab, attr="LOWER")
        for regime, names in designations.items():
            self.regimes_case.add(regime, [nlp.make_doc(n) for n in names if _is_acronym(n)])
            self.regimes_lower.add(regime, [nlp.make_doc(n) for n in names if not _is_acronym(n)])

    # ---- matching -------------------------------------------------------------------------
    def _regimes(self, doc: Doc) -> list[tuple[int, int, str]]:
        found = [(s, e, doc.vocab.strings[m]) for m, s, e in list(self.regimes_case(doc)) + list(self.regimes_lower(doc))]
        return sorted(found)

    def _trigger_types(self, token: Token, phrase_types: dict[int, set[str]]) -> list[str]:
        lemma = token.lemma_.lower()
        types = set(phrase_types.get(token.i, ()))
        if token.pos_ in ("VERB", "AUX"):
            types |= {t for t, verbs in self.verbs.items() if lemma in verbs}
        elif token.pos_ in ("NOUN", "PROPN"):
            types |= {t for t, nouns in self.nouns.items() if lemma in nouns}
        return [t for t in TYPE_ORDER if t in types]

    def find(self, doc: Doc) -> list[Candidate]:
        gaz = {i: ent for ent in doc.ents if ent.ent_id_ in self.entities for i in range(ent.start, ent.end)}
        regimes = self._regimes(doc)
        phrase_types: dict[int, set[str]] = {}
        for match_id, start, _ in self.phrases(doc):
            phrase_types.setdefault(start, set()).add(doc.vocab.strings[match_id])
        found: list[Candidate] = []
        for sent in doc.sents:
            if sent.text.rstrip().rstrip("\"”'’").endswith("?"):
                continue  # a reporter's question reports nothing
            sent_regimes = [r for r in regimes if sent.start <= r[0] < sent.end]
            # "a reward for the arrest of Maduro": the arrest is the reward's purpose, not an event
            inside_reward = {t.i for tok in sent if tok.lemma_.lower() in self.nouns["reward"]
                             for t in tok.subtree if t.i != tok.i}
            if inside_reward:  # "a reward ... leading to the arrest of": the reward's purpose
                inside_reward |= {t.i for t in sent if t.pos_ == "NOUN" and t.lemma_.lower() in ("arrest", "conviction", "capture")}
            in_sentence: list[Candidate] = []
            for token in sent:
                if token.dep_ == "amod" or token.i in gaz or token.i in inside_reward:
                    continue
                if token.lower_ == "license" or token.lower_ == "licence":
                    if token.head.lower_ == "under":
                        continue  # "operating under its license": a state of affairs, not an act
                for event_type in self._trigger_types(token, phrase_types):
                    candidates = self._build(event_type, token, sent, gaz, sent_regimes)
                    if candidates:
                        in_sentence += candidates
                        break
            found += self._outermost(doc, in_sentence)
        return found

    @staticmethod
    def _outermost(doc: Doc, candidates: list[Candidate]) -> list[Candidate]:
        """"granted Chevron a license to ...": the license is the granting; a trigger inside the
        subtree of another trigger of the same type yields to it."""
        keep = []
        for cand in candidates:
            token = doc[cand.trigger]
            if any(o.event_type == cand.event_type and o.trigger != cand.trigger and
                   doc[o.trigger].is_ancestor(token) for o in candidates):
                continue
            keep.append(cand)
        return keep

    def _build(self, event_type: str, token: Token, sent: Span, gaz: dict[int, Span],
               sent_regimes: list[tuple[int, int, str]]) -> list[Candidate]:
        rule = self.rules[event_type]
        regime = self._regime_for(token, sent_regimes) if sent_regimes else None
        if rule.get("needs_designation") and regime is None:
            return []
        if event_type == "sanction" and regime is not None:
            return []  # a listing under a regime is a designation, not an economic measure
        if rule.get("needs_amount") and token.pos_ == "VERB" and not find_amounts(sent.text):
            return []
        modality = self._modality(token, sent, event_type)
        if rule.get("needs_cue") and modality not in rule["needs_cue"]:
            return []
        actor = self._actor(token, sent, gaz, rule["actor_kinds"])
        targets = self._targets(token, sent, gaz, rule["target_kinds"], actor, event_type)
        if event_type == "diplomacy":
            actor, targets = self._parties(token, sent, gaz, rule, actor, targets)
        if rule.get("needs_actor") and actor is None:
            return []
        status = self._status(token, sent, modality) if event_type == "designation" else None
        designation = regime if event_type == "designation" else None
        return [Candidate(event_type, token.i, (sent.start, sent.end), actor, target, designation, modality, status)
                for target in targets]

    # ---- roles ----------------------------------------------------------------------------
    def _entity_in(self, tokens, gaz: dict[int, Span], kinds: list[str], exclude: Span | None = None) -> list[Span]:
        """Gazetteer names among `tokens` of the most preferred kind present (kinds are listed
        in order of preference), never the actor or the authority it acts for."""
        excluded = set()
        if exclude is not None:
            excluded = {exclude.ent_id_, self.entities[exclude.ent_id_].acts_for}
        seen, spans = set(), []
        for t in tokens:
            ent = gaz.get(t.i)
            if ent is None or (ent.start, ent.end) in seen or ent.ent_id_ in excluded:
                continue
            if self.entities[ent.ent_id_].kind in kinds:
                seen.add((ent.start, ent.end))
                spans.append(ent)
        if not spans:
            return spans
        best = min(kinds.index(self.entities[e.ent_id_].kind) for e in spans)
        return [e for e in spans if kinds.index(self.entities[e.ent_id_].kind) == best]

    def _actor(self, token: Token, sent: Span, gaz: dict[int, Span], kinds: list[str]) -> Span | None:
        node = token
        for _ in range(4):
            agents = [c for c in node.children if c.dep_ == "agent"]
            subjects = [c for c in node.children if c.dep_ in ("nsubj", "csubj")]
            owners = [c for c in node.children if c.dep_ in ("poss", "compound", "amod", "nmod")] if node.i == token.i else []
            for group in (agents, subjects, owners):
                for child in group:
                    if child.i == token.i or token in child.subtree:
                        continue  # the clause the trigger itself sits in is not its actor
                    spans = self._entity_in(child.subtree, gaz, kinds)
                    if spans:
                        return spans[0]
            if node.dep_ not in _CLIMB or node.head.i == node.i:
                break
            node = node.head
        before = self._entity_in((t for t in sent if t.i < token.i), gaz, kinds)
        return before[-1] if before and token.pos_ == "VERB" else None

    def _targets(self, token: Token, sent: Span, gaz: dict[int, Span], kinds: list[str], actor: Span | None,
                 event_type: str) -> list[Span]:
        if event_type == "statement":
            # a position is about the organisation or person it names anywhere in its clause
            return self._with_conjuncts(self._entity_in(token.subtree, gaz, kinds, actor))
        direct = [c for c in token.children if c.dep_ in ("dobj", "nsubjpass", "dative", "attr", "oprd")]
        # "designated X, along with Y": Y is coordinated with X
        direct += [c for c in token.children if c.dep_ == "prep" and c.lower_ in ("along", "together", "alongside")]
        preps = [c for c in token.children if c.dep_ == "prep" and c.lower_ in _TARGET_PREPS]
        head = token.head
        if token.dep_ in ("dobj", "attr") and head.pos_ == "VERB":
            # "carried out a strike against a vessel": the light verb holds the preposition
            preps += [c for c in head.children if c.dep_ == "prep" and c.lower_ in _TARGET_PREPS]
        groups = [direct, preps, [c for c in token.children if c.dep_ in ("relcl", "acl")]]
        if token.dep_ == "xcomp":
            # "ordered Chevron to wind down": the object of the controlling verb
            groups.append([c for c in head.children if c.dep_ in ("dobj", "dative")])
        if token.lower_ == "list" and token.dep_ in ("dobj", "pobj"):
            # "Cartel de los Soles joined the list of ...": the subject of the verb
            verb = head if head.pos_ in ("VERB", "AUX") else head.head
            groups.append([c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")])
        found = []
        for group in groups:
            spans = [s for c in group for s in self._entity_in(c.subtree, gaz, kinds, actor)]
            if spans:  # the preferred kind across the whole group ("granted Chevron a license ... in Venezuela")
                top = min(kinds.index(self.entities[e.ent_id_].kind) for e in spans)
                spans = [e for e in spans if kinds.index(self.entities[e.ent_id_].kind) == top]
            found.append(spans)
        ranked = [(kinds.index(self.entities[spans[0].ent_id_].kind), i) for i, spans in enumerate(found) if spans]
        if ranked:
            # the most preferred kind of target, from the closest attachment that has one
            _, best = min(ranked)
            return self._with_conjuncts(found[best])
        if event_type == "reward" and find_amounts(sent.text):
            # "the $25 million reward set in early January": the person named nearest
            near = self._entity_in(sorted(sent, key=lambda t: abs(t.i - token.i)), gaz, kinds, actor)
            return near[:1]
        return []

    def _parties(self, token: Token, sent: Span, gaz: dict[int, Span], rule: dict, actor: Span | None,
                 targets: list[Span]) -> tuple[Span | None, list[Span]]:
        """Talks between two sides: "A and B carried out a swap", "an exchange between A and B"."""
        kinds = rule["target_kinds"]
        between = [t for t in token.subtree if t.dep_ == "prep" and t.lower_ == "between"]
        if between:
            sides = self._entity_in(between[0].subtree, gaz, kinds) or []
            if len(sides) >= 2:
                return sides[0], [sides[1]]
        if actor is not None and not targets:
            partners = [c for c in actor.root.children if c.dep_ == "conj"]
            spans = [s for c in partners for s in self._entity_in(c.subtree, gaz, kinds, actor)]
            if spans:
                return actor, spans[:1]
        return actor, targets

    @staticmethod
    def _with_conjuncts(spans: list[Span]) -> list[Span]:
        """Tren de Aragua *and* Sinaloa Cartel: every conjoined name is a target; a possessor
        ("Venezuela's ... Nicolás Maduro") is not, when what it possesses is named."""
        unique, seen = [], set()
        for span in spans:
            if span.root.dep_ == "poss" and any(o.start > span.start and o.root.is_ancestor(span.root) or
                                                 o.start > span.start and span.root.head.is_ancestor(o.root) or
                                                 o.root.i == span.root.head.i for o in spans if o.start != span.start):
                continue
            if span.ent_id_ not in seen:
                seen.add(span.ent_id_)
                unique.append(span)
        return unique

    def _regime_for(self, token: Token, sent_regimes: list[tuple[int, int, str]]) -> str | None:
        subtree = {t.i for t in token.subtree}
        inside = [r for r in sent_regimes if r[0] in subtree]
        if inside:
            return inside[0][2]
        after = [r for r in sent_regimes if r[0] > token.i and r[0] - token.i <= 15]
        if after:
            return after[0][2]
        before = [r for r in sent_regimes if r[1] <= token.i and token.i - r[1] <= 3]  # "FTO designation"
        return before[-1][2] if before else None

    def _clause(self, token: Token, sent: Span) -> set[str]:
        """Lemmas around the trigger that can qualify it: its children, its heads up to the
        sentence root, and their auxiliaries, modifiers and complements."""
        words = {c.lemma_.lower() for c in token.children}
        node = token
        for _ in range(4):
            if node.head.i == node.i:
                break
            node = node.head
            words.add(node.lemma_.lower())
            words |= {c.lemma_.lower() for c in node.children if c.dep_ in
                      ("aux", "auxpass", "advmod", "acomp", "neg", "amod", "xcomp", "dobj", "attr", "oprd")}
        return words

    def _modality(self, token: Token, sent: Span, event_type: str) -> str:
        words = self._clause(token, sent)
        if event_type == "statement":
            # a rejection is a position taken in the whole sentence ("called it non-existent")
            sentence_words = {t.lemma_.lower() for t in sent} | {t.lower_ for t in sent}
            if self.cues["denied"] & (sentence_words | {token.lemma_.lower()}):
                return "denied"
        if self.cues["intended"] & words:
            return "intended"
        if self.cues["possible"] & words:
            return "possible"
        return "asserted"

    def _status(self, token: Token, sent: Span, modality: str) -> str:
        words = self._clause(token, sent) | {token.lemma_.lower()}
        if self.status_cues["revoked"] & words:
            return "revoked"
        if modality == "intended" or self.status_cues["announced"] & words:
            return "announced"
        return "effective"

    # ---- annotating -----------------------------------------------------------------------
    def __call__(self, doc: Doc) -> Doc:
        doc._.events = self.find(doc)
        return doc
