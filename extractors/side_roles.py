"""Roles of the acts between the two sides (issue 10): talks, exchanges and deployments. A
mixin of EventFinder: its methods read the finder's data (self.entities, self._last_place) and
use DomainRoles._counterpart.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from extractors.domain_roles import VENEZUELA
from extractors.roles import Roles


class SideRoles:
    def _diplomacy_roles(self, token: Token, lemma: str, rule: dict, roles: Roles, actor: Span | None,
                         targets: list[Span]) -> tuple[Span | None, list[Span]]:
        actor, targets = roles.parties(token, rule["target_kinds"], actor, targets)
        if actor is None:
            actor, targets = self._both_governments(token, rule, roles) or (actor, targets)
        # the other side of talks is a government, an official or a listed group; an unlisted
        # organisation met, visited or exchanged with is a club, a firm, a team
        targets = [t for t in targets if t.ent_id_ in self.entities or roles.kind(t) != "organisation"]
        if actor is not None and lemma in rule.get("exchange_lemmas", ()) and token.pos_ == "VERB":
            # "Biden frees Alex Saab", "Venezuela freed ten Americans": a prisoner release is
            # an exchange with the other government, not with the people freed
            targets = self._counterpart(roles, actor, rule.get("counterparts", {})) or targets
        if lemma in rule.get("exchange_nouns", ()) and token.pos_ in ("NOUN", "PROPN"):
            actor, targets = self._exchange_sides(rule, roles, actor, targets)
        if not targets and actor is not None and lemma in rule.get("counterpart_lemmas", ()):
            # "Venezuela agreed to take back deportees", "resumed accepting deportation flights":
            # an exchange with no other side named is with the other government
            targets = self._counterpart(roles, actor, rule.get("counterparts", {}))
        return actor, targets

    def _military_place(self, token: Token, sent: Span, rule: dict, roles: Roles, actor: Span | None) -> list[Span]:
        """"deployed troops along the coast": the place named in the sentence, else, for a
        Venezuelan mobilisation, Venezuela itself (the taxonomy's "target or place"), else, for a
        deployment "to the region", the place the article named before."""
        places = roles.entities_in([t for t in sent], ["place"], actor)
        actor_entity = roles.entity(actor)
        if places:
            return places[:1]
        if actor_entity is not None and actor_entity.venezuela:
            home = [e for e in sent.ents if e.ent_id_ == VENEZUELA] or ([actor] if actor.ent_id_ == VENEZUELA else [])
            return home[:1]
        if self._last_place is not None and any(
                t.lemma_.lower() in rule.get("place_anaphors", ()) and any(c.lower_ == "the" for c in t.children)
                for t in token.subtree):
            return [self._last_place]
        return []

    def _exchange_sides(self, rule: dict, roles: Roles, actor: Span | None,
                        targets: list[Span]) -> tuple[Span | None, list[Span]]:
        """"a prisoner exchange between Caracas and Washington", "un canje con EE. UU.": an
        exchange is between the two governments whichever one the sentence names, and is told in
        one order (triggers.yaml, diplomacy.exchange_nouns, both_sides), so that every report of it
        is one event. (A release is told by who frees whom: "Venezuela freed ten Americans".)"""
        counterparts = rule.get("counterparts", {})
        order = (rule.get("both_sides") or {}).get("order")
        if actor is None and len(targets) == 1:
            actor = next(iter(self._counterpart(roles, targets[0], counterparts)), None)
        if order and actor is not None and len(targets) == 1 and \
                [self._side(targets[0].ent_id_), self._side(actor.ent_id_)] == order:
            actor, targets = targets[0], [actor]
        return actor, targets

    @staticmethod
    def _both_governments(token: Token, rule: dict, roles: Roles) -> tuple[Span, list[Span]] | None:
        """"the two governments carried out a prisoner exchange", "ambos gobiernos concretaron el
        intercambio": the two sides are the article's two governments, in the order the data gives
        (triggers.yaml, diplomacy.both_sides)."""
        both = rule.get("both_sides")
        if not both:
            return None
        node, subjects = token, []
        for _ in range(3):
            subjects += [c for c in node.children if c.dep_ in ("nsubj", "nsubjpass")]
            if node.head.i == node.i:
                break
            node = node.head
        if not any(s.lemma_.lower() in both["heads"] and any(c.lower_ in both["numbers"] for c in s.children)
                   for s in subjects):
            return None
        first, second = (next((e for e in token.doc.ents if e.ent_id_ == side), None) for side in both["order"])
        return (first, [second]) if first is not None and second is not None else None

