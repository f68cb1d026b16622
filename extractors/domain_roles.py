"""Roles that the parse alone does not give, from what this domain knows (issue 10): a court acts
by rulings, immigration measures are about the migrants, a position is about what the act it
answers was aimed at, a threat is aimed at the other government. A mixin of EventFinder: its
methods read the finder's data (self.rules, self.reaction_nouns, self._last_target).
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from extractors.candidates import Candidate
from extractors.roles import Roles

VENEZUELA = "Venezuela"  # the gazetteer's id of the country and its government


class DomainRoles:
    def _legal_words(self, legal: dict) -> None:
        """The legal-action words that need a court, a moved group or a prosecutor (triggers.yaml)."""
        # words that are a legal action only in a court's mouth (see triggers.yaml)
        self.court_words = set(legal.get("court_verbs", [])) | set(legal.get("court_nouns", []))
        self.court_only = self.court_words - self.verbs["legal_action"] - self.nouns["legal_action"]
        # moving people to a place: a deportation only when a group is moved (domain_roles._transferred)
        transfer = legal.get("transfer", {})
        self.transfer_only = (set(transfer.get("verbs", [])) | set(transfer.get("nouns", []))) - \
            self.verbs["legal_action"] - self.nouns["legal_action"]
        self.verbs["legal_action"] |= set(transfer.get("verbs", []))
        self.prosecutor_only = set(legal.get("prosecutor_verbs", [])) - self.verbs["legal_action"]
        self.verbs["legal_action"] |= self.prosecutor_only
        self.nouns["legal_action"] |= set(transfer.get("nouns", []))
        self.verbs["legal_action"] |= set(legal.get("court_verbs", []))
        self.nouns["legal_action"] |= set(legal.get("court_nouns", []))

    def _prosecutor(self, actor: Span | None, roles: Roles) -> bool:
        """Whether the actor is (or acts for) the prosecuting authority."""
        return actor is not None and bool({actor.ent_id_, roles.entity(actor).acts_for} &
                                          set(self.rules["legal_action"]["prosecutors"]))

    def _reactions(self, doc: Doc, candidates: list[Candidate]) -> list[Candidate]:
        """A position is about what the act it answers was aimed at: "dismissed the charges
        against him" is about him (the charges stay a mention of their own: the sentence reports
        them too), "called the move a lie" is about the target of the act the article last
        reported."""
        for stmt in [c for c in candidates if c.event_type == "statement"]:
            trigger = doc[stmt.trigger]
            inner = [c for c in candidates if c.event_type != "statement" and c.target is not None and
                     trigger.is_ancestor(doc[c.trigger])]
            if inner:
                stmt.target = inner[0].target
            elif self._last_target is not None and any(
                    c.dep_ in ("dobj", "nsubjpass", "nsubj") and c.lemma_.lower() in self.reaction_nouns and
                    not any(t.ent_id_ for t in c.subtree)  # "the listing of the Cartel" names its own
                    for c in trigger.children):
                stmt.target = self._last_target
        out, seen = [], set()
        for c in candidates:
            key = (c.event_type, c.trigger, c.target.ent_id_ if c.target is not None else None, c.designation)
            if key in seen:
                continue
            seen.add(key)
            out.append(c)
        return out

    @staticmethod
    def _one_direction(candidates: list[Candidate]) -> list[Candidate]:
        """"The United States and Venezuela carried out a swap, with Caracas releasing ten
        Americans": one exchange between two sides, told from both ends, is reported once."""
        seen, keep = set(), []
        for c in candidates:
            if c.event_type == "diplomacy" and c.actor is not None and c.target is not None:
                pair = frozenset((c.actor.ent_id_, c.target.ent_id_))
                if (pair, c.actor.ent_id_) not in seen and any(p == pair for p, _ in seen):
                    continue
                seen.add((pair, c.actor.ent_id_))
            keep.append(c)
        return keep

    @staticmethod
    def _outermost(doc: Doc, candidates: list[Candidate]) -> list[Candidate]:
        """"granted Chevron a license to ...": the license is the granting; a trigger inside the
        clause of another trigger of the same type yields to it. Not across a clause of its own:
        "Trump recognizes Guaidó; Maduro breaks ties" (two reports glued by the parser), "named A
        ..., and in July it sanctioned B" (a second act; for statements, only with its own subject)."""
        def inside(outer: Token, token: Token, event_type: str) -> bool:
            breaks = {"ccomp", "parataxis"} | ({"conj"} if event_type != "statement" else set())
            node = token
            while node.i != outer.i:
                if node.dep_ in breaks or node.head.i == node.i:
                    return False
                if node.dep_ == "conj" and node.pos_ in ("VERB", "AUX") and \
                        any(c.dep_ in ("nsubj", "nsubjpass") for c in node.children):
                    return False  # "Noem cancelled the extension, and DHS published the termination"
                node = node.head
            return True

        keep = []
        for cand in candidates:
            token = doc[cand.trigger]
            if any(o.event_type == cand.event_type and o.trigger != cand.trigger and
                   doc[o.trigger].is_ancestor(token) and inside(doc[o.trigger], token, cand.event_type)
                   for o in candidates):
                continue
            keep.append(cand)
        return keep

    @staticmethod
    def _inside_rulings(doc: Doc, candidates: list[Candidate], roles: Roles) -> list[Candidate]:
        """"the justices let the administration end parole", "a judge blocked DHS from ending the
        grants": the measure a ruling allows or blocks is what the ruling is about, not an act the
        sentence reports (the measure itself is reported where it was taken)."""
        rulings = [doc[c.trigger] for c in candidates
                   if c.event_type == "legal_action" and c.actor is not None and roles.kind(c.actor) == "court"]
        return [c for c in candidates if c.event_type not in ("sanction", "legal_action") or
                not any(r.i != c.trigger and r.is_ancestor(doc[c.trigger]) for r in rulings)]

    def _ruling(self, token: Token, sent: Span, roles: Roles, court: Span | None, modality: str) -> list[Candidate]:
        """A court's ruling ("the Supreme Court allowed ...", "the justices' order"): about whoever
        its clause names, groups first."""
        if court is None:
            return []
        kinds = self.rules["legal_action"]["court_target_kinds"]
        targets = self._implied_target(sent, roles) or \
            roles.with_conjuncts(roles.entities_in(roles.subtree(token), kinds, court))
        return [Candidate("legal_action", token.i, (sent.start, sent.end), court, target, None, modality, None)
                for target in targets]

    def _property_users(self, token: Token, roles: Roles, kinds: list[str], actor: Span | None) -> list[Span]:
        """"seized a jet used by Maduro", "the seizure of an aircraft owned by PDVSA": a seizure of
        property is aimed at whoever uses or owns it (triggers.yaml, legal_action.property_*)."""
        rule = self.rules["legal_action"]
        if token.lemma_.lower() not in rule.get("property_lemmas", ()):
            return []
        users = rule.get("property_users", {})
        found = []
        for t in roles.subtree(token):
            link = users.get(t.lemma_.lower()) or users.get(t.lower_)
            if link is None or t.i == token.i:
                continue
            for prep in (c for c in t.children if c.dep_ in ("agent", "prep") and c.norm_ == link):
                found += roles.entities_in(prep.subtree, kinds, actor)
        return roles.with_conjuncts(found)

    def _transferred(self, token: Token, roles: Roles) -> list[Span]:
        """"flew 137 Venezuelans to El Salvador", "238 members of Tren de Aragua had been sent to
        El Salvador", "the transfer of 200 Venezuelans to a prison": moving people to a place is a
        deportation only when those moved are a group (or members of an organisation, who stand for
        it); "sent an envoy to Caracas", "sent warships to the Caribbean" are not
        (triggers.yaml, legal_action.transfer)."""
        rule = self.rules["legal_action"]["transfer"]
        if not any(t.dep_ in ("prep", "dative") and t.norm_ in rule["destinations"] for t in token.subtree):
            return []
        if token.pos_ in ("NOUN", "PROPN"):
            moved = [g for c in token.children if c.dep_ == "prep" and c.norm_ == "of" for g in c.children if g.dep_ == "pobj"]
        else:
            moved = [c for c in token.children if c.dep_ in ("dobj", "nsubjpass")]
        found = []
        for m in moved:
            kinds = rule["target_kinds"] + (rule["member_of_kinds"] if m.lemma_.lower() in rule["members"] else [])
            found += roles.entities_in(roles.subtree(m), kinds)
        return roles.with_conjuncts(found)

    @staticmethod
    def _counterpart(roles: Roles, actor: Span | None, counterparts: dict[str, str]) -> list[Span]:
        """The other government, as the article names it: a threat by the U.S. side is aimed at
        Venezuela and the other way round."""
        entity = roles.entity(actor)
        if entity is None:
            return []
        side = VENEZUELA if entity.venezuela else entity.id
        while side not in counterparts and roles.entities.get(side) is not None and roles.entities[side].acts_for:
            side = roles.entities[side].acts_for
        other = counterparts.get(side)
        return [e for e in actor.doc.ents if e.ent_id_ == other][:1] if other else []

    @staticmethod
    def _speaker_kinds(subject: Token, roles: Roles) -> set[str]:
        """The kinds of the names a subject is made of (its head words, not what they qualify)."""
        return {roles.kind(roles.at[t.i]) for t in subject.subtree if t.i in roles.at and
                t.dep_ not in ("poss", "pobj", "appos") and roles.at[t.i].root.i == t.i}

    def _implied_target(self, sent: Span, roles: Roles) -> list[Span]:
        """The target an immigration measure is about when its sentence has a cue (triggers.yaml,
        legal_action.implied_target), as a span over the cue word."""
        implied = self.rules["legal_action"].get("implied_target")
        if not implied or implied["target"] not in roles.entities:
            return []
        cues = set(implied["cues"])
        lowered = sent.text.lower()
        span = next((sent.doc[t.i:t.i + 1] for t in sent if t.lemma_.lower() in cues or t.lower_ in cues), None)
        for phrase in (c for c in cues if " " in c and span is None):
            at = lowered.find(phrase)
            if at >= 0:
                span = sent.doc.char_span(sent.start_char + at, sent.start_char + at + len(phrase),
                                          alignment_mode="expand")
        if span is None:
            return []
        # a Span's ent_id_ is its root token's: the cue words carry the implied target's id
        for token in span:
            token.ent_id_ = implied["target"]
        return [Span(sent.doc, span.start, span.end, label="NORP")]
