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
# The other side's measures a Venezuelan position may name ("called the new bounties a show").
_MEASURES = ("designation", "reward", "sanction", "legal_action")


class DomainRoles:
    def _legal_words(self, legal: dict) -> None:
        """The legal-action words that need a court or a prosecutor (triggers.yaml)."""
        # words that are a legal action only in a court's mouth (see triggers.yaml)
        self.court_words = set(legal.get("court_verbs", [])) | set(legal.get("court_nouns", []))
        self.court_only = self.court_words - self.verbs["legal_action"] - self.nouns["legal_action"]
        self.prosecutor_only = set(legal.get("prosecutor_verbs", [])) - self.verbs["legal_action"]
        self.verbs["legal_action"] |= self.prosecutor_only
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
            answered = self._answered(trigger, self._other_side(stmt.actor))
            # "rejected the U.S. decision, calling the Cartel an invention": a name the position
            # characterises itself is what it is about
            named = stmt.target is not None and stmt.target.root.dep_ == "dobj" and \
                stmt.target.root.head.lemma_.lower() in self.rules["statement"].get("characterising", ())
            home = self._home(doc, stmt) if answered is not None and not named and \
                answered.lemma_.lower() in self.rules["statement"].get("home_measures", ()) and \
                not self._answers_group(stmt) else None
            move = self._foreign_move(doc, stmt, trigger, answered)
            if move is not None:
                stmt.target = move
            elif inner:
                stmt.target = inner[0].target
            elif home is not None:
                stmt.target = home
            elif self._last_target is not None and answered is not None and not named:
                # "El Aissami rejected the accusation" after a listing of him and his front man: himself
                stmt.target = next((t for t in self._last_targets if stmt.actor is not None and
                                    t.ent_id_ == stmt.actor.ent_id_), self._last_target)
        spoken = self._spoken_of(doc, candidates)
        out, seen = [], set()
        for c in candidates:
            key = (c.event_type, c.trigger, c.target.ent_id_ if c.target is not None else None, c.designation)
            if key in seen or id(c) in spoken:
                continue
            seen.add(key)
            out.append(c)
        return out

    def _spoken_of(self, doc: Doc, candidates: list[Candidate]) -> set[int]:
        """"Gil called the new bounties on Maduro a pathetic show": a measure a Venezuelan position
        names only by a noun, with no author of its own (a name of the other side on the noun or
        on the nouns it hangs from), is what the position is about, not news of its own, and the
        speaker is not its author ("rejected Washington's decision to double the reward" names
        its author, and stays)."""
        dropped = set()
        for stmt in [c for c in candidates if c.event_type == "statement" and c.actor is not None]:
            speaker = self.entities.get(stmt.actor.ent_id_)
            if speaker is None or not speaker.venezuela:
                continue
            trigger, other = doc[stmt.trigger], self._other_side(stmt.actor)
            for c in candidates:
                act = doc[c.trigger]
                if c.event_type not in _MEASURES or c.actor is None or c.actor.start != stmt.actor.start or \
                        act.pos_ not in ("NOUN", "PROPN") or not trigger.is_ancestor(act):
                    continue
                # an author named on the noun or on the nouns it hangs from ("Washington's decision to ...")
                chain, node = [act], act
                while node.head.i != node.i and node.head.i != trigger.i:
                    node = node.head
                    chain.append(node)
                named = [t for t in act.subtree] + [t for n in chain[1:] for c2 in n.children
                                                    if c2.dep_ in ("poss", "compound") or
                                                    c2.dep_ == "prep" and c2.norm_ == "by" for t in c2.subtree]
                authored = any(t.ent_id_ and self._side(t.ent_id_) == other for t in named)
                if not authored:
                    dropped.add(id(c))
        return dropped

    def _foreign_move(self, doc: Doc, stmt: Candidate, trigger: Token, answered: Token | None) -> Span | None:
        """"Caracas denounced the post as a colonialist threat", "denunció las amenazas de
        Washington": a Venezuelan position on the other side's military move or message
        (triggers.yaml, statement.foreign_moves) is about its author: the one the noun names, else
        the other side's last actor in the article, else its government or leader last named."""
        moves = set(self.rules["statement"].get("foreign_moves", ()))
        entity = self.entities.get(stmt.actor.ent_id_) if stmt.actor is not None else None
        other = self._other_side(stmt.actor)
        if entity is None or not entity.venezuela or other is None:
            return None
        # the noun it answers, or the one it characterises ("calificó el mensaje como una amenaza")
        nouns = [answered] if answered is not None else [
            c for c in trigger.children if c.dep_ in ("dobj", "obj", "nsubj", "nsubjpass") and c.pos_ == "NOUN"]
        noun = next((n for n in nouns if n.lemma_.lower() in moves), None)
        if noun is None:
            return None
        named = [e for e in doc.ents if e.ent_id_ and noun.i not in range(e.start, e.end) and
                 any(t.head.i == noun.i or t.head.head.i == noun.i for t in e) and self._side(e.ent_id_) == other]
        if named:
            return named[0]
        earlier = [a for a in self._last_actors if self._side(a.ent_id_) == other]
        if earlier:
            return earlier[-1]
        # else the other side's government or leader the article last named before the position
        named = [e for e in doc.ents if e.start < trigger.i and e.ent_id_ and self._side(e.ent_id_) == other and
                 self.entities[e.ent_id_].kind in ("person", "government")]
        return named[-1] if named else next((e for e in doc.ents if e.ent_id_ == other), None)

    def _side(self, ent_id: str) -> str | None:
        """The government a name acts for at the top (Trump, the Pentagon: the United States)."""
        entity, seen = self.entities.get(ent_id), set()
        while entity is not None and entity.acts_for and entity.id not in seen:
            seen.add(entity.id)
            entity = self.entities.get(entity.acts_for)
        if entity is None:
            return None
        return VENEZUELA if entity.venezuela else entity.id

    def _answered(self, trigger: Token, other_side: str | None) -> Token | None:
        """The act a position answers when it names it only by a noun ("rejected the sanctions",
        "the U.S. decision"): a reaction noun whose words name no one but its author (a possessor
        or a compound: "Washington's decision"; the speaker's counterpart after "of": "las amenazas
        de Washington"); "the listing of the Cartel" names its own."""
        for c in trigger.children:
            if c.dep_ not in ("dobj", "nsubjpass", "nsubj") or c.lemma_.lower() not in self.reaction_nouns:
                continue
            authors = {t.i for a in c.children if a.dep_ in ("poss", "compound") for t in a.subtree}
            authors |= {t.i for a in c.children if a.dep_ == "prep" and a.norm_ == "of" and other_side and
                        any(o.dep_ == "pobj" and o.ent_id_ == other_side for o in a.children) for t in a.subtree}
            if not any(t.ent_id_ for t in c.subtree if t.i not in authors):
                return c
        return None

    def _answers_group(self, stmt: Candidate) -> bool:
        """Whether the act last reported was aimed at a group or at the speaker himself: "called the
        measure ridiculous" after the listing of the Cartel is about the Cartel, "rejected the
        sanctions" by a sanctioned minister about him."""
        last = self._last_target
        if last is None:
            return False
        return self.entities[last.ent_id_].kind in self.rules["statement"].get("group_kinds", ()) or \
            stmt.actor is not None and any(t.ent_id_ == stmt.actor.ent_id_ for t in self._last_targets)

    def _home(self, doc: Doc, stmt: Candidate) -> Span | None:
        """"Caracas rejected the sanctions", "the minister called the tariff arbitrary": a Venezuelan
        position on a measure (triggers.yaml, statement.home_measures) is about the country itself,
        not about whoever the article last named."""
        entity = self.entities.get(stmt.actor.ent_id_) if stmt.actor is not None else None
        if entity is None or not entity.venezuela:
            return None
        lo, hi = stmt.sentence
        named = [e for e in doc.ents if e.ent_id_ == VENEZUELA]
        return next((e for e in named if lo <= e.start < hi), named[0] if named else None)

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

    def _other_side(self, actor: Span | None) -> str | None:
        """The id of the speaker's counterpart government (triggers.yaml, statement.counterparts)."""
        return self.rules["statement"].get("counterparts", {}).get(self._side(actor.ent_id_)) if actor else None

    def _counterpart(self, roles: Roles, actor: Span | None, counterparts: dict[str, str]) -> list[Span]:
        """The other government, as the article names it: a threat by the U.S. side is aimed at
        Venezuela and the other way round."""
        other = counterparts.get(self._side(actor.ent_id_)) if actor is not None else None
        return [e for e in actor.doc.ents if e.ent_id_ == other][:1] if other else []

    @staticmethod
    def _threatening(token: Token, roles: Roles) -> Span | None:
        """The government a reported threat is made for when the speaker has no side the gazetteer
        knows ("adviser John Bolton said the United States was prepared to sanction ..."): the
        subject of the threatening clause."""
        return next((roles.at[t.i] for t in token.subtree if t.dep_ == "nsubj" and t.i in roles.at and
                     roles.kind(roles.at[t.i]) == "government"), None)

    def _accuses_other_side(self, token: Token, sent: Span, roles: Roles, rule: dict) -> bool:
        """Whether an official accuses the other government ("Maduro accused Washington of ..."):
        the verb's object (Spanish "a Washington": a dative) is the speaker's counterpart."""
        other = self._counterpart(roles, roles.actor(token, sent, rule["actor_kinds"]), rule.get("counterparts", {}))
        return bool(other) and any(c.dep_ in ("dobj", "dative") and roles.at.get(c.i) is not None and
                                   roles.at[c.i].ent_id_ == other[0].ent_id_ for c in token.children)

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
