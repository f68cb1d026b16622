"""Reading the clause around a trigger (a mixin of EventFinder): its modality and status cues,
the regimes it lists under, its objects, quoted speech and who speaks. The methods read the
finder's data (self.cues, self.status_cues, self.saying, self.coordination, self.entities).
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from extractors.roles import Roles


class ClauseReader:
    def _official_speaker(self, sents: list[Span], roles: Roles) -> Span | None:
        """The listed name (an official, a government) that is the subject of a verb of saying
        in these sentences, if any."""
        for sent in sents:
            for token in sent:
                if token.lemma_.lower() in self.saying:
                    for child in token.children:
                        ent = roles.at.get(child.i) if child.dep_ == "nsubj" else None
                        if ent is not None and ent.ent_id_ in self.entities:
                            return ent
        return None

    def _reported(self, token: Token) -> bool:
        """Whether the trigger's clause is what someone said or announced ("said the licence
        would be terminated", "announced that the designation would end")."""
        verb = token if token.pos_ in ("VERB", "AUX") else token.head
        return verb.dep_ == "ccomp" and verb.head.lemma_.lower() in self.saying

    def _first_person(self, token: Token) -> bool:
        """Whether the trigger's clause has a first-person subject ("we may be having talks")."""
        node = token
        for _ in range(3):
            if any(c.dep_ == "nsubj" and c.lower_ in self.first_person for c in node.children):
                return True
            if node.head.i == node.i:
                break
            node = node.head
        return False

    @staticmethod
    def _quoted(sent: Span) -> set[int]:
        """Tokens between quotation marks (of three words or more: a "scare quote" is not speech)."""
        inside, start, quoted = False, 0, set()
        for token in sent:
            if token.text in ('"', "“", "”", "«", "»"):
                if inside and token.i - start > 3:
                    quoted |= set(range(start, token.i))
                inside, start = not inside, token.i
        if inside and sent.end - start > 3:
            quoted |= set(range(start, sent.end))
        return quoted

    @staticmethod
    def _has_object(token: Token, objects: list[str]) -> bool:
        """Whether the trigger acts on one of `objects` (its object, passive subject, a
        compound, or for a noun the verb it is the object of)."""
        # the subject too: "the licence lapsed", "the carrier group reached the Caribbean"
        near = [c for c in token.children if c.dep_ in ("dobj", "nsubjpass", "nsubj", "compound", "attr", "amod")]
        if token.pos_ == "NOUN" and token.dep_ in ("dobj", "nsubjpass", "nsubj", "compound"):
            near.append(token.head)
        words = {t.lemma_.lower() for c in near for t in (c, *(g for g in c.children if g.dep_ in ("compound", "amod")))}
        words.add(token.lemma_.lower())
        return bool(words & set(objects))

    def _regimes_for(self, token: Token, sent_regimes: list[tuple[int, int, str]]) -> list[str]:
        """The regimes a trigger lists under: those in its subtree, else the first within 15
        tokens after it and the ones coordinated with it ("as FTOs and SDGTs": two listings),
        else one just before it ("FTO designation")."""
        subtree = {t.i for t in token.subtree}
        inside = [r for r in sent_regimes if r[0] in subtree]
        if not inside:
            inside = [r for r in sent_regimes if r[0] > token.i and r[0] - token.i <= 15]
        if inside:
            doc = token.doc
            chain = [inside[0]]
            for r in inside[1:]:  # coordinated: only "and", "or", commas and articles between
                gap = doc[chain[-1][1]:r[0]]
                if len(gap) <= 3 and all(t.lower_ in self.coordination for t in gap):
                    chain.append(r)
            return list(dict.fromkeys(r[2] for r in chain))
        before = [r for r in sent_regimes if r[1] <= token.i and token.i - r[1] <= 3]
        return [before[-1][2]] if before else []

    def _standing(self, event_type: str, sent: Span, rule: dict) -> tuple[set[str], set[str]]:
        """The words and verb forms that make a trigger a standing position or a hypothetical; a
        threat is conditional by nature ("would answer any aggression", "all options remain open")."""
        if event_type == "statement" and any(c in sent.text.lower() for c in rule.get("threat_cues", ())):
            return self.standing - set(rule.get("threat_conditionals", ())), set()
        return self.standing, self.standing_morph

    def _reports_position(self, token: Token, rule: dict) -> bool:
        """Whether a verb of saying reports a stronger position in its complement ("said the
        administration rejected the ruling", "said ..., rejecting the decision")."""
        return any(t.dep_ in ("ccomp", "advcl", "xcomp") and t.pos_ == "VERB" and
                   t.lemma_.lower() in self.verbs["statement"] and t.lemma_.lower() not in rule["weak"]
                   for t in token.children)

    def _clause(self, token: Token, sent: Span) -> set[str]:
        """Lemmas around the trigger that can qualify it: its children, its heads up to the
        sentence root, and their auxiliaries, modifiers and complements."""
        # not a coordinated clause's ("flew 137 Venezuelans to El Salvador ..., and they remain in
        # prison": "remain" qualifies the second clause, not the flight)
        words = {c.lemma_.lower() for c in token.children if not (c.dep_ == "conj" and c.pos_ in ("VERB", "AUX"))}
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
        morph = self._verb_morph(token)
        if self.cues["intended"] & words or self.morph_cues.get("intended", set()) & morph:
            return "intended"
        if self.cues["possible"] & words or self.morph_cues.get("possible", set()) & morph:
            return "possible"
        return "asserted"

    @staticmethod
    def _verb_morph(token: Token) -> set[str]:
        """Morphology of the trigger's verb, or of the verb a noun trigger hangs from ("impondrá
        sanciones", "un ataque supondría"): languages that mark the future or the conditional on
        the verb (issue 11)."""
        verb = token if token.pos_ in ("VERB", "AUX") else token.head
        return set(str(verb.morph).split("|")) if verb.pos_ in ("VERB", "AUX") else set()

    def _status(self, token: Token, sent: Span, modality: str) -> str:
        words = self._clause(token, sent) | {token.lemma_.lower()}
        if self.status_cues["revoked"] & words:
            return "revoked"
        if modality == "intended" or self.status_cues["announced"] & words:
            return "announced"
        return "effective"

    def _generic_regimes(self, regimes: list[str], sent: Span, sent_regimes, actor, rule: dict) -> list[str]:
        """"the Treasury designated X as a terrorist organization": a list named only generically
        is the acting authority's (triggers.yaml, designation.generic_regime)."""
        generic = rule.get("generic_regime")
        if not generic or actor is None:
            return regimes
        listed = generic["by_actor"].get(actor.id) or generic["by_actor"].get(actor.acts_for or "")
        generic_names = set(generic["names"])
        named = [sent.doc[s:e].text.lower() for s, e, _ in sent_regimes]
        if listed is None or not named or any(name not in generic_names for name in named):
            return regimes  # an explicit name ("Foreign Terrorist Organization") is what it says
        return list(dict.fromkeys(listed if r == "FTO" else r for r in regimes))  # the generic names are FTO's

    def _refers_back(self, token: Token) -> bool:
        """"the groups named in the notice", "those designated": a reduced passive of listing that
        refers back to the listing the article last reported."""
        return bool(self._last_listing) and token.dep_ == "acl" and token.tag_ == "VBN" and \
            token.lemma_.lower() in self.verbs["designation"]
