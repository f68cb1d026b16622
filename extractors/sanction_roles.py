"""Who a sanction is on, beyond what the parse gives (issue 10): a measure's holder (the
company licensed, the country whose licence lapses), the recipient of a licence, the country a
secondary tariff is aimed at, the migrants an immigration measure is on; the sanctioning power is
never the target. A mixin of EventFinder: its methods read the finder's data (self.nouns) and
triggers.yaml's sanction rule.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from extractors.roles import Roles


class SanctionRoles:
    def _measure_holder(self, actor: Span | None, roles: Roles) -> tuple[Span | None, Span | None]:
        """"the Venezuela oil license expires", "Chevron's licence": a Venezuelan or company name
        that qualifies a measure noun holds it or is what it is on; it does not impose it.
        Returns (holder, actor)."""
        if actor is not None and actor.root.dep_ in ("poss", "compound", "nmod") and \
                actor.root.head.lemma_.lower() in self.nouns["sanction"] and \
                (roles.entity(actor).venezuela or roles.kind(actor) == "company"):
            return actor, None
        return None, actor

    def _sanction_roles(self, token: Token, sent: Span, roles: Roles, rule: dict, actor: Span | None,
                        holder: Span | None, targets: list[Span]) -> tuple[Span | None, list[Span]]:
        if holder is not None and holder.ent_id_ not in {t.ent_id_ for t in targets} and \
                not any(roles.kind(t) == "company" for t in targets):
            targets = [holder] + targets  # ("Chevron's Venezuela licence" is Chevron's, not on Venezuela)
        # "U.S. sanctions on judges", "property in the United States is blocked": the power that
        # imposes the measures is where they come from or apply, not whom they are aimed at
        targets = [t for t in targets if t.ent_id_ not in rule.get("not_targets", ())]
        licensees = self._licensees(token, roles, rule)
        if licensees:
            # "issued Venezuela General License 41, authorizing Chevron to resume ...": the company
            # a licence lets act is whom it is granted to (the country only names the programme)
            targets = licensees
        recipient = self._recipient(token, roles, rule)
        if recipient is not None:
            # "Chevron received a new licence from the Treasury": the holder is the target, the
            # grantor (if named) acts; "ordered Chevron to wind down": the orderer still acts
            targets = [recipient]
            if token.lemma_.lower() not in rule.get("holder_verbs", ()):
                actor = next((s for c in token.head.children if c.dep_ == "prep" and c.norm_ in ("from", "of", "by")
                              for s in roles.entities_in(c.subtree, rule["actor_kinds"])), None)
        if targets and all(roles.kind(t) == "government" for t in targets):
            # "terminated the designation of Venezuela for TPS": an immigration measure is on the
            # migrants, not on their country's government
            targets = self._implied_target(sent, roles) or targets
        if not targets:
            # "ended TPS for Venezuelans": the migrants; "imposed a tariff on goods from any country
            # that buys Venezuelan oil": whoever the measure's clause names
            targets = self._implied_target(sent, roles) or self._tariff_targets(token, roles, rule, actor)
        return actor, targets

    @staticmethod
    def _licensees(token: Token, roles: Roles, rule: dict) -> list[Span]:
        """The companies that the measure's clause authorizes or allows to act ("authorizing Chevron
        to resume operations", "allow Chevron and Eni to maintain operations")."""
        verbs = set(rule.get("licensee_verbs", ()))
        found = [s for t in roles.subtree(token) if t.lemma_.lower() in verbs and t.pos_ == "VERB"
                 for c in t.children if c.dep_ in ("dobj", "dative")
                 for s in roles.entities_in([c], ["company"])]
        return roles.with_conjuncts(found)

    @staticmethod
    def _recipient(token: Token, roles: Roles, rule: dict) -> Span | None:
        """The subject of "received / obtained / regained a licence", or of "wind down": who holds
        the measure."""
        head = token.head
        if token.lemma_.lower() in rule.get("holder_verbs", ()):
            # "the deadline for Chevron to wind down", "gave Chevron a deadline to wind down": who
            # winds down holds the licence that ends
            found = [s for c in token.children if c.dep_ == "nsubj" for s in roles.entities_in(c.subtree, ["company"])]
            verb = head.head if head.pos_ == "NOUN" else head  # "gave Chevron (a deadline | 30 days) to wind down"
            if not found and head.i != token.i:
                found = [s for c in verb.children if c.dep_ in ("dative", "dobj") and c.i != head.i
                         for s in roles.entities_in(c.subtree, ["company"])]
            return found[0] if found else None
        if token.dep_ != "dobj" or head.lemma_.lower() not in rule.get("recipient_verbs", ()):
            return None
        found = [s for c in head.children if c.dep_ == "nsubj" for s in roles.entities_in(c.subtree, ["company"])]
        if not found and not any(c.dep_ == "nsubj" for c in head.children):
            # a subject the parse missed: the company named right before the verb ("y Chevron obtuvo")
            found = roles.entities_in(head.doc[max(head.i - 2, head.sent.start):head.i], ["company"])
        return found[0] if found else None

    @staticmethod
    def _tariff_targets(token: Token, roles: Roles, rule: dict, actor: Span | None) -> list[Span]:
        """"a 25% tariff on all goods from any country that buys Venezuelan oil": a secondary
        tariff is aimed at the country whose buyers it taxes, named anywhere in its clause (not
        in its subject, which is who imposes it)."""
        measures = set(rule.get("clause_target_measures", []))
        if not measures & {token.lemma_.lower(), *(c.lemma_.lower() for c in token.children if c.dep_ == "dobj")}:
            return []
        subjects = {t.i for c in token.children if c.dep_ in ("nsubj", "nsubjpass") for t in c.subtree}
        spans = roles.entities_in([t for t in roles.subtree(token) if t.i not in subjects], rule["target_kinds"], actor)
        return roles.with_conjuncts([s for s in spans if not roles._qualifier(s)])
