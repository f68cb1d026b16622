"""The event component: per sentence, trigger words (data/triggers.yaml) and, from the
dependency parse, who acts (the trigger's subject, agent or possessor) and who is acted on (its
object, or the object of its preposition): any named entity of the Doc (extractors/roles.py).

`find` matches; `__call__` writes the candidates to `doc._.events`.
"""

from __future__ import annotations

import functools
from pathlib import Path

import yaml
from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc, Span, Token

from extractors.gazetteer import Entity, _is_acronym, data_dir, load_gazetteer
from extractors.headlines import headline_candidates, is_headline
from extractors.money import find_amounts
from extractors.names import entities_of
from extractors.roles import Roles
from extractors.candidates import Candidate
from extractors.clauses import ClauseReader
from extractors.domain_roles import DomainRoles
from extractors.side_roles import SideRoles
from extractors.sanction_roles import SanctionRoles

if not Doc.has_extension("events"):
    Doc.set_extension("events", default=[])

# Which type a trigger token tries first when its lemma triggers several.
TYPE_ORDER = ["designation", "reward", "statement", "legal_action", "military_action", "sanction", "diplomacy"]
_SAYING = {"say", "tell", "add", "write", "post", "declare", "state", "announce", "insist"}
_COORDINATION = {"and", "or", ",", "a", "an", "as", "the"}
# A designation is the designating authority's act (Rubio designates for State); any other act is
# the act of whoever the sentence names (GUIDELINES, actor).
_ACTS_FOR_TYPES = {"designation"}


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


class EventFinder(ClauseReader, DomainRoles, SanctionRoles, SideRoles):
    def __init__(self, nlp: Language, triggers: dict, designations: dict[str, list[str]],
                 entities: dict[str, Entity]) -> None:
        self.rules = triggers["types"]
        self.cues = {k: set(v) for k, v in triggers["modality"].items()}
        # morphological cues ("Tense=Fut"): languages that mark the future on the verb (issue 11)
        self.morph_cues = {k: set(v) for k, v in triggers.get("modality_morph", {}).items()}
        # verbs of saying and the words that may join coordinated regimes, in the data's language
        self.saying = set(triggers.get("saying", _SAYING))
        self.coordination = set(triggers.get("coordination", _COORDINATION))
        self.standing_morph = set(triggers.get("standing_morph", []))  # "requeriría": would require
        self.pronouns = set(triggers.get("pronouns", [])) or None  # personal pronouns, if not English
        self.first_person = set(triggers.get("first_person", ["we", "i"]))  # in a quote: the speaker
        self.status_cues = {k: set(v) for k, v in triggers["status"].items()}
        # words of the trigger's clause that make it a standing position or a hypothetical
        self.standing = set(triggers.get("standing", []))
        self.reported_future = set(triggers.get("reported_future", []))  # "said it would end"
        self.not_target_heads = set(triggers.get("not_target_heads", []))
        self.document_subjects = set(triggers.get("document_subjects", []))
        self.reaction_nouns = set(triggers["types"]["statement"].get("reaction_objects", []))
        self.entities = entities
        self.verbs = {t: set(r.get("verbs", [])) for t, r in self.rules.items()}
        self.nouns = {t: set(r.get("nouns", [])) for t, r in self.rules.items()}
        self._legal_words(self.rules["legal_action"])
        self.phrases = Matcher(nlp.vocab)
        for event_type, rule in self.rules.items():
            for phrase in rule.get("phrases", []):
                # one pattern of lemmas ("reach out"), not one pattern per word; modifiers may
                # stand between them ("breaking diplomatic and political relations")
                pattern = []
                for n, word in enumerate(phrase.split()):
                    if n:
                        pattern.append({"POS": {"IN": ["ADJ", "CCONJ"]}, "OP": "*"})
                    pattern.append({"LEMMA": word})
                self.phrases.add(event_type, [pattern])
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
        elif token.pos_ in ("NOUN", "PROPN") and not token.tag_.startswith("VB"):
            types |= {t for t, nouns in self.nouns.items() if lemma in nouns}
        return [t for t in TYPE_ORDER if t in types]

    def find(self, doc: Doc) -> list[Candidate]:
        regimes = self._regimes(doc)
        roles = Roles(doc, entities_of(doc, self.entities), {i for s, e, _ in regimes for i in range(s, e)},
                      self.not_target_heads, self.pronouns)
        gaz = roles.at
        phrase_types: dict[int, set[str]] = {}
        self._phrase_types = phrase_types
        for match_id, start, _ in self.phrases(doc):
            phrase_types.setdefault(start, set()).add(doc.vocab.strings[match_id])
        found: list[Candidate] = []
        headline_reads: set[int] = set()
        self._listed = {}  # target id -> the regime it was last listed under in this article
        self._last_listing = []  # the regimes of the article's last reported listing
        self._last_state = (None, None)  # its modality and status
        self._speaker = None  # the official quoted in or next to the sentence being read
        self._last_place = None  # the place the article last named ("the region" refers to it)
        self._last_target = None  # whom the article's last reported act was aimed at
        self._last_targets = []  # and every target of the last sentence that reported acts
        self._last_actors = []  # the actors of the acts and positions read so far, in order
        sents = list(doc.sents)
        for n, sent in enumerate(sents):
            if sent.text.rstrip().rstrip("\"”'’").endswith("?"):
                continue  # a reporter's question reports nothing
            sent_regimes = [r for r in regimes if sent.start <= r[0] < sent.end]
            # "a reward for the arrest of Maduro": the arrest is the reward's purpose, not an event
            inside_reward = {t.i for tok in sent if tok.lemma_.lower() in self.nouns["reward"]
                             for t in tok.subtree if t.i != tok.i}
            if inside_reward:  # "a reward ... leading to the arrest of": the reward's purpose
                inside_reward |= {t.i for t in sent if t.pos_ == "NOUN" and t.lemma_.lower() in ("arrest", "conviction", "capture")}
            # quoted speech comments on events, unless an official says it ("Trump said")
            self._speaker = self._official_speaker(sents[max(0, n - 1):n + 2], roles)
            quoted = set() if self._speaker is not None else self._quoted(sent)
            in_sentence: list[Candidate] = []
            for token in sent:
                if token.i in quoted:
                    continue
                if token.dep_ == "amod" or token.i in gaz or token.i in inside_reward or \
                        token.dep_ == "compound" and token.pos_ == "NOUN":  # "carrier strike group"
                    continue
                if token.lower_ == "license" or token.lower_ == "licence":
                    if token.head.lower_ == "under":
                        continue  # "operating under its license": a state of affairs, not an act
                for event_type in self._trigger_types(token, phrase_types):
                    candidates = self._build(event_type, token, sent, roles, sent_regimes)
                    if candidates:
                        in_sentence += candidates
                        break
            if is_headline(sent):
                by_position = headline_candidates(self, sent, roles, sent_regimes, in_sentence)
                headline_reads = {id(c) for c in by_position}
                in_sentence += by_position
            kept = self._outermost(doc, self._inside_rulings(doc, self._reactions(doc, in_sentence), roles))
            kept = self._one_direction(kept)
            self._listed.update({c.target.ent_id_: c.designation for c in kept if c.designation and c.target is not None})
            listings = [c for c in kept if c.designation]
            if listings:  # its regimes, modality and status, for a later sentence that refers back to it
                self._last_listing = list(dict.fromkeys(c.designation for c in listings))
                self._last_state = (listings[-1].modality, listings[-1].status)
            acts = [c for c in kept if c.event_type != "statement" and c.target is not None]
            if acts:
                self._last_target, self._last_targets = acts[-1].target, [c.target for c in acts]
            found += kept
            self._last_actors += [c.actor for c in kept if c.actor is not None]
            places = roles.entities_in(list(sent), ["place"])
            self._last_place = places[-1] if places else self._last_place
        # a headline read by position stands only where the article's body reports the same
        # development: a misread headline must not raise an alert of its own
        body = {(c.event_type, c.target.ent_id_) for c in found if id(c) not in headline_reads and c.target is not None}
        return [c for c in found if id(c) not in headline_reads or
                (c.target is not None and (c.event_type, c.target.ent_id_) in body)]

    def _build(self, event_type: str, token: Token, sent: Span, roles: Roles,
               sent_regimes: list[tuple[int, int, str]]) -> list[Candidate]:
        rule = self.rules[event_type]
        listed_status = None
        regimes = self._regimes_for(token, sent_regimes) if sent_regimes else []
        implied = rule.get("implied_regime") or {}
        lemma = token.lemma_.lower()
        if rule.get("needs_designation") and not regimes and not (
                lemma in implied.get("lemmas", ()) or lemma in implied.get("by_actor_lemmas", ()) or
                lemma in implied.get("blocking_lemmas", ()) and self._has_object(token, implied["blocking_objects"]) or
                lemma in self.nouns["designation"] and token.pos_ in ("NOUN", "PROPN") and
                (self._listed or lemma in implied.get("noun_lemmas", ())) or self._refers_back(token)):
            return []
        if event_type == "sanction" and regimes:
            return []  # a listing under a regime is a designation, not an economic measure
        amounts = find_amounts(sent.text)
        if rule.get("needs_amount") and token.pos_ == "VERB" and not amounts:
            return []
        words = self._clause(token, sent)
        if event_type in ("sanction", "legal_action", "designation") and any(
                c.dep_ == "nsubj" and c.lemma_.lower() in self.document_subjects for c in token.children):
            return []  # "GL 41 authorizes transactions with ...": what a document provides, not an act
        if event_type == "military_action" and token.dep_ == "attr" and token.head.lemma_ == "be":
            return []  # "the measure was an attack on Venezuela's sovereignty": a characterisation
        # a verb in the simple past reports what happened, whatever the clause above it says ("he
        # would activate a plan after the United States sent warships"); a coordinated clause's
        # words do not qualify the trigger ("and they remain in prison"); a threat is conditional
        own = {c.lemma_.lower() for c in token.children if c.dep_ != "conj"} \
            if token.tag_ == "VBD" and event_type != "statement" else words
        standing_words, standing_morph = self._standing(event_type, sent, rule)
        standing = standing_words & (own | {c.lower_ for c in token.children if c.dep_ != "conj"})
        reported = bool(standing) and standing <= self.reported_future and self._reported(token) and \
            not any(c.dep_ == "neg" for c in (token if token.pos_ in ("VERB", "AUX") else token.head).children)
        # ("said he would not rule out sanctions": no act)
        if standing and not reported or standing_morph & self._verb_morph(token):
            return []  # "has long sanctioned", "would require": a standing position or a hypothetical
        modality = self._modality(token, sent, event_type)
        lemma = token.lemma_.lower()
        weak = (lemma in rule.get("weak", []) or token.lower_ in rule.get("weak", [])) and \
            event_type not in self._phrase_types.get(token.i, ())  # "acusar formalmente": a phrase is specific
        threat = event_type == "statement" and any(c in sent.text.lower() for c in rule.get("threat_cues", ()))
        if weak and lemma in rule.get("accusing", ()) and self._accuses_other_side(token, sent, roles, rule):
            weak = False  # "accused Washington of preparing a regime-change operation": a position
        if weak and rule.get("needs_cue") and modality not in rule["needs_cue"] and not threat:
            return []
        if weak and event_type == "statement" and not threat and not self.cues["denied"] & \
                {w for t in token.subtree for w in (t.lemma_.lower(), t.lower_)}:
            return []  # "the group, which Washington says Maduro leads": the cue must be in what is said
        if weak and event_type == "statement" and self._reports_position(token, rule):
            return []  # "said the administration rejected the ruling": the rejection is the position
        if weak and rule.get("weak_objects") and not self._has_object(token, rule["weak_objects"]):
            return []  # "issued a statement", "sent a letter": not an economic or military act
        kinds = rule["actor_kinds"]
        court = roles.actor(token, sent, ["court"], fallback=False)
        if court is not None and event_type != "legal_action":
            return []  # what a court does is a ruling, not a sanction or a statement
        if event_type == "legal_action" and (lemma in self.court_only or court is not None and lemma in self.court_words):
            return self._ruling(token, sent, roles, court, modality)  # "Judge X ruled ...": a ruling, by its court
        actor = roles.actor(token, sent, kinds)
        if event_type == "legal_action" and lemma in self.prosecutor_only and not self._prosecutor(actor, roles):
            return []  # "prosecutors accused him of ...": a charge only in a prosecutor's mouth
        holder = None
        if event_type == "sanction":
            holder, actor = self._measure_holder(actor, roles)
        if event_type == "designation" and regimes:
            regimes = self._generic_regimes(regimes, sent, sent_regimes, roles.entity(actor), rule)
        targets = roles.targets(token, sent, rule["target_kinds"], actor, event_type,
                                near_amount=event_type == "reward" and bool(amounts))
        if event_type == "diplomacy":
            actor, targets = self._diplomacy_roles(token, lemma, rule, roles, actor, targets)
        if not targets and event_type == "military_action":
            targets = self._military_place(token, sent, rule, roles, actor)
        actor_entity = roles.entity(actor)
        if event_type == "legal_action" and not targets and token.pos_ == "VERB" and actor_entity is not None \
                and not actor_entity.venezuela:
            # "invoked the Alien Enemies Act ... against Tren de Aragua": whoever its clause names,
            # else, for an immigration measure, the migrants (someone must act: "the ruling does
            # not affect deportations" is no act)
            targets = roles.with_conjuncts(roles.entities_in(roles.subtree(token), rule["target_kinds"], actor)) or \
                self._implied_target(sent, roles)
        if event_type == "legal_action":
            targets = self._property_users(token, roles, rule["target_kinds"], actor) or targets
        if event_type == "sanction":
            actor, targets = self._sanction_roles(token, sent, roles, rule, actor, holder, targets)
        if actor is None and self._speaker is not None and self._first_person(token):
            actor = self._speaker  # "'We may be having talks with Maduro,' Trump said": we is the speaker
        if rule.get("needs_actor") and actor is None:
            return []
        if event_type == "statement" and any(
                (c.dep_ == "nsubj" or c.dep_ in ("compound", "poss") and token.pos_ == "NOUN") and
                self._speaker_kinds(c, roles) and not self._speaker_kinds(c, roles) & set(kinds) for c in token.children):
            # ... nor "an FAA warning": an agency's notice, whoever the sentence's subject is
            return []  # "InSight Crime called it an oversimplification": a think tank's view, not an official's
        if event_type == "statement" and threat and (modality != "denied" or not targets):
            # a threat is aimed at the other country, whoever else its sentence names
            targets = self._counterpart(roles, actor, rule.get("counterparts", {})) or \
                self._counterpart(roles, self._threatening(token, roles), rule.get("counterparts", {})) or targets
        if event_type == "statement" and not targets:
            targets = [None]  # what it is about may be the act it answers (see _reactions)
        if weak and rule.get("weak_actor_kinds") and (actor is None or roles.kind(actor) not in rule["weak_actor_kinds"]):
            return []  # "a judge ruled", "the court ordered": rulings come from courts and judges
        if event_type == "designation" and not regimes and lemma in self.nouns["designation"] and \
                lemma not in implied.get("lemmas", ()) and token.pos_ in ("NOUN", "PROPN"):
            # "the listing" after "designated X as an FTO": the regime X was listed under (a
            # Venezuelan "actor" is someone talking about the listing, not making it)
            if actor is not None and roles.entity(actor).venezuela:
                return []
            # "the designation of PdVSA", "the May listing of Cabello": a person or a company
            # listed with no list named is on the SDN list (a country's "designation for TPS" is not)
            listed = {t.ent_id_: self._listed.get(t.ent_id_) or (implied["regime"] if lemma in implied.get(
                "noun_lemmas", ()) and roles.kind(t) in implied["noun_target_kinds"] else None) for t in targets}
            return [Candidate(event_type, token.i, (sent.start, sent.end), actor, target, listed[target.ent_id_],
                              modality, self._status(token, sent, modality))
                    for target in targets if listed[target.ent_id_]]
        if event_type == "designation" and not regimes and self._refers_back(token) and lemma not in implied["lemmas"]:
            # "The groups named in the notice are ...": the notice's listings, as announced or made
            regimes, (modality, listed_status) = self._last_listing, self._last_state
        if event_type == "designation" and not regimes:
            # "Among those designated are ...", after the article reported an SDN listing: that
            # listing's, though no one is named as acting
            follows_listing = actor is None and implied["regime"] in self._listed.values()
            if lemma in implied.get("by_actor_lemmas", ()) and lemma not in implied["lemmas"] and not follows_listing and \
                    (actor is None or actor.ent_id_ not in implied["by_actors"] and
                     roles.entity(actor).acts_for not in implied["by_actors"]):
                return []  # "designated" with no list named: an SDN listing only when OFAC does it
            targets = [t for t in targets if roles.kind(t) in implied["target_kinds"]]
            # "It also blacklisted his front man" after a Kingpin Act listing: the same list
            also = self._last_listing[:1] if any(c.lower_ == "also" for c in token.children) else []
            regimes = also or [implied["regime"]]
        status = self._status(token, sent, modality) if event_type == "designation" else None
        status = listed_status or status
        return [Candidate(event_type, token.i, (sent.start, sent.end), actor, target, regime, modality, status)
                for target in targets for regime in (regimes if event_type == "designation" else [None])]

    # ---- annotating -----------------------------------------------------------------------
    def __call__(self, doc: Doc) -> Doc:
        doc._.events = self.find(doc)
        return doc
