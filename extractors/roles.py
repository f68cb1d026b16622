"""Who acts and who is acted on, from the dependency parse (issue 10: open-world roles).

Role fillers are the entities of the Doc: gazetteer names and the article's own names
(extractors/names.py), each with a kind. `Roles` is built per Doc; the event component asks it
for the actor and the targets of a trigger token.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from extractors.gazetteer import Entity

_CLIMB = {"xcomp", "ccomp", "conj", "advcl", "relcl", "acl", "pcomp", "dobj", "pobj", "prep", "attr", "nsubj",
          "nsubjpass", "appos", "npadvmod", "oprd", "acomp"}
# Prepositions are read by their norm: the word itself in English, the English equivalent
# in another language (extractors/grammar.py sets it: "contra" -> "against").
_TARGET_PREPS = {"of", "for", "with", "against", "on", "in", "at", "to", "into", "toward", "towards", "off", "near",
                 "over"}
# Clauses inside a role that say something else about its filler: "the cartel, which supports
# A and B" sanctions only the cartel; "Saab, a businessman close to Maduro" is about Saab.
_ASIDES = {"relcl", "acl", "advcl", "parataxis"}
_PRONOUNS = {"he", "him", "his", "she", "her", "himself", "herself"}
# Clauses that say what a reward is for, not something else about its filler: "up to $15 million
# for information leading to Maduro's arrest, and up to $10 million each for A and B".
_PURPOSE = {"lead", "conducir", "llevar"}
_COURT_NOUNS = {"court", "panel", "justices", "judge", "tribunal"}


def _dateline(token: Token) -> bool:
    """"WASHINGTON — The Treasury ...": a dateline the parser takes for the subject; the name in
    apposition to it is the real one."""
    doc = token.doc
    return token.text.isupper() and token.i + 1 < len(doc) and doc[token.i + 1].text in ("—", "–", "-", "--")


def _listed_after(appos: Token, named: dict) -> list[Token]:
    """Named conjuncts hanging on an appositive (or on an appositive of it): "Hugo Carvajal, a.k.a.
    'El Pollo,' the former director ..., and Clíver Alcalá" lists Alcalá too."""
    found, stack = [], [appos]
    while stack:
        node = stack.pop()
        for c in node.children:
            if c.dep_ == "conj" and c.i in named:
                found.append(c)
            elif c.dep_ == "appos":
                stack.append(c)
    return found


def _definite(noun: Token) -> bool:
    """A noun phrase that opens with "the" or "all", or counts ("nine justices"): one already known."""
    first = noun.doc[noun.left_edge.i]
    return first.lower_ in ("the", "all") or (first.like_num and first.i < noun.i)


def _relative(token: Token) -> bool:
    """A relative pronoun: "who", "which", Spanish "que" (PronType=Rel)."""
    return token.tag_ in ("WP", "WDT") or "Rel" in token.morph.get("PronType")


class Roles:
    def __init__(self, doc: Doc, entities: dict[str, Entity], reserved: set[int] = frozenset(),
                 not_target_heads: set[str] = frozenset(), pronouns: set[str] | None = None) -> None:
        self.doc = doc
        self.pronouns = pronouns or _PRONOUNS  # the data's language's (Spanish: él, lo, le, su, ...)
        self.not_target_heads = not_target_heads
        self.entities = entities
        # `reserved`: tokens that name something else (a legal regime: "Foreign Terrorist
        # Organizations" is not an organisation)
        self.at = {i: ent for ent in doc.ents if ent.ent_id_ in entities and not reserved.intersection(
            range(ent.start, ent.end)) for i in range(ent.start, ent.end)}
        self._resolve_pronouns()

    def _resolve_pronouns(self) -> None:
        """"He called Saab's extradition an aggression": a personal pronoun stands for the last
        person named in its sentence or the one before it (news style: subject continuity)."""
        last: Span | None = None
        last_sent = -1
        last_court: Span | None = None
        for sent_no, sent in enumerate(self.doc.sents):
            for token in sent:
                ent = self.at.get(token.i)
                if ent is not None and self.kind(ent) == "court" and token.i == ent.start:
                    last_court = ent
                elif ent is None and last_court is not None and token.lower_ in _COURT_NOUNS and token.i > 0 \
                        and (self.doc[token.i - 1].lower_ in ("the", "same") or _definite(token)) \
                        and token.pos_ in ("NOUN", "PROPN"):
                    # "the court", "the panel", "the justices", "all nine justices", "the appeals
                    # court": the court the article last named
                    self.at[token.i] = last_court
                    continue
                if ent is not None and self.kind(ent) == "person" and token.i == ent.start:
                    last, last_sent = ent, sent_no
                elif token.lower_ in self.pronouns and (token.pos_ == "PRON" or token.dep_ == "poss") and last is not None \
                        and sent_no - last_sent <= 1:
                    self.at[token.i] = last

    def kind(self, span: Span) -> str:
        return self.entities[span.ent_id_].kind

    def entity(self, span: Span | None) -> Entity | None:
        return self.entities.get(span.ent_id_) if span is not None else None

    # ---- where role fillers are looked for ---------------------------------------------------
    def _inside(self, root: Token, keep_asides: bool = False):
        """The tokens of `root`'s subtree, without the asides hanging under it."""
        stack = [root]
        while stack:
            node = stack.pop()
            yield node
            for child in node.children:
                if not keep_asides and child.dep_ in _ASIDES and child.lemma_ not in _PURPOSE:
                    continue
                if child.dep_ == "appos" and node.i in self.at and not _dateline(node):
                    # "Alex Saab, a businessman close to Maduro": Saab; but in a list "A, a general,
                    # and B, a minister" the parser hangs B on A's appositive: B is still listed
                    stack.extend(_listed_after(child, self.at))
                    continue
                stack.append(child)

    def _speaker(self, subject: Token):
        """The words naming who speaks ("White House spokeswoman Abigail Jackson", "the minister,
        Diosdado Cabello"), without what an aside says of them ("himself accused of leading the
        Cartel", "uno de los señalados como jefes del Cartel" may be what the position is about)."""
        stack = [subject]
        while stack:
            node = stack.pop()
            yield node
            stack += [c for c in node.children if c.dep_ not in _ASIDES and
                      not (c.dep_ == "appos" and (node.i in self.at or c.i not in self.at))]

    def subtree(self, root: Token) -> list[Token]:
        """All of `root`'s subtree, asides included, in text order."""
        return sorted(self._inside(root, keep_asides=True), key=lambda t: t.i)

    def entities_in(self, tokens, kinds: list[str], exclude: Span | None = None) -> list[Span]:
        """Entities among `tokens` of the most preferred kind present (kinds in order of
        preference), never `exclude` nor the authority it acts for."""
        excluded = set()
        if exclude is not None:
            excluded = {exclude.ent_id_, self.entities[exclude.ent_id_].acts_for}
        seen, spans = set(), []
        for t in sorted(tokens, key=lambda t: t.i) if not isinstance(tokens, list) else tokens:
            ent = self.at.get(t.i)
            if ent is None or (ent.start, ent.end) in seen or ent.ent_id_ in excluded:
                continue
            if self.kind(ent) in kinds:
                seen.add((ent.start, ent.end))
                spans.append(ent)
        if not spans:
            return spans
        best = min(kinds.index(self.kind(e)) for e in spans)
        return [e for e in spans if kinds.index(self.kind(e)) == best]

    # ---- actor ------------------------------------------------------------------------------
    def actor(self, token: Token, sent: Span, kinds: list[str], fallback: bool = True) -> Span | None:
        if token.dep_ == "acl" and token.tag_ == "VBN":
            # a reduced passive ("officials designated by Treasury") acts only through its agent
            agents = [s for c in token.children if c.dep_ == "agent" for s in self.entities_in(c.subtree, kinds)]
            return agents[0] if agents else None
        node = token
        for _ in range(4):
            agents = [c for c in node.children if c.dep_ == "agent"]
            subjects = [c for c in node.children if c.dep_ in ("nsubj", "csubj")]
            owners = [c for c in node.children if c.dep_ in ("poss", "compound", "nmod")] if node.i == token.i else []
            for group in (agents, subjects, owners):
                for child in group:
                    if child.i == token.i or token in child.subtree:
                        continue  # the clause the trigger itself sits in is not its actor
                    if node.dep_ in ("relcl", "acl") and _relative(child) and self._antecedent(child, sent, kinds):
                        return self._antecedent(child, sent, kinds)
                    spans = self.entities_in(self._inside(child), kinds)
                    if spans:
                        return spans[0]
            if node.dep_ not in _CLIMB or node.head.i == node.i:
                break
            node = node.head
        if not fallback or any(c.dep_ in ("nsubj", "csubj") for c in token.children):
            return None  # "experts describe ...": a subject that names no one is still the subject
        # no subject: the last name before the verb, but never its passive subject ("Saab was
        # arrested": Saab is acted on, not acting)
        patients = {t.i for c in token.children if c.dep_ in ("nsubjpass", "dobj") for t in c.subtree}
        before = self.entities_in([t for t in sent if t.i < token.i and t.i not in patients], kinds)
        return before[-1] if before and token.pos_ == "VERB" else None

    def _antecedent(self, pronoun: Token, sent: Span, kinds: list[str]) -> Span | None:
        """"a ruling by Judge Talwani in Boston, who had blocked ...", "U.S. prosecutors in
        Miami, who charged him": a relative pronoun's subject is the last name before it that can
        act (a place it is said to be in cannot)."""
        before = [self.at[t.i] for t in sent if t.i < pronoun.i and t.i in self.at and
                  self.kind(self.at[t.i]) in kinds and self.kind(self.at[t.i]) != "place"]
        return before[-1] if before else None

    # ---- targets ----------------------------------------------------------------------------
    def targets(self, token: Token, sent: Span, kinds: list[str], actor: Span | None, event_type: str,
                near_amount: bool) -> list[Span]:
        """Who or what the trigger acts on: from its own attachments first; only when they name
        nothing, from the clauses hanging under them too ("a tariff on any country that buys
        oil from Venezuela")."""
        found = self._targets(token, sent, kinds, actor, event_type, near_amount, keep_asides=False)
        if not found and event_type != "statement":
            found = self._targets(token, sent, kinds, actor, event_type, near_amount, keep_asides=True)
        return found

    def _targets(self, token: Token, sent: Span, kinds: list[str], actor: Span | None, event_type: str,
                 near_amount: bool, keep_asides: bool) -> list[Span]:
        if event_type == "statement":
            # a position is about what it names in its own clause ("rejected the decision to list X"),
            # not about who holds it ("White House spokeswoman Abigail Jackson said ...")
            # The speaker's own side may be, when an act is said to be against it ("the accusations
            # against Venezuela were a lie", said by a minister).
            speaker = {t.i for c in token.children if c.dep_ == "nsubj" for t in self._speaker(c)}
            # nor about who authored the act it answers ("a 'racist' campaign by the Trump administration")
            speaker |= {w.i for t in token.subtree if t.dep_ == "pobj" and t.head.norm_ == "by" for w in t.subtree}
            inside = [t for t in self._inside(token, keep_asides=True) if t.i not in speaker]
            return self.with_conjuncts(self.entities_in(inside, kinds, actor) or [
                e for e in self.entities_in(inside, kinds) if actor is not None and e.ent_id_ != actor.ent_id_ and
                e.root.dep_ == "pobj" and e.root.head.norm_ == "against"])
        direct = [c for c in token.children if c.dep_ in ("dobj", "nsubjpass", "dative", "attr", "oprd")]
        # "designated X, along with Y": Y is coordinated with X
        direct += [c for c in token.children if c.dep_ == "prep" and (c.norm_ in ("along", "together", "alongside") or
                   any(a.dep_ == "advmod" and a.norm_ in ("along", "together") for a in c.children))]
        preps = [c for c in token.children if c.dep_ == "prep" and c.norm_ in _TARGET_PREPS]
        owners = [c for c in token.children if c.dep_ in ("poss", "compound")] if token.pos_ == "NOUN" else []
        head = token.head
        if token.dep_ in ("dobj", "attr") and head.pos_ == "VERB":
            # "carried out a strike against a vessel": the light verb holds the preposition
            # ("granted clemency to Saab": the parser may call that "to" a dative)
            preps += [c for c in head.children if c.dep_ in ("prep", "dative") and c.norm_ in _TARGET_PREPS]
        if token.dep_ == "acl" and token.tag_ == "VBN":
            # "the officials designated today", "the fourth head of state placed on the SDN list":
            # a reduced passive is about the noun it qualifies (or, after "became", its subject)
            head_noun = token.head
            direct = [head_noun] + direct
            if head_noun.dep_ == "attr":
                direct += [c for c in head_noun.head.children if c.dep_ == "nsubj"]
            if head_noun.dep_ == "nsubj" and head_noun.head.lemma_ == "be":
                # "The groups named in the notice are A, B and C": what the copula equates them with
                direct += [c for c in head_noun.head.children if c.dep_ == "attr"]
            if head_noun.dep_ == "pobj" and head_noun.head.norm_ == "among":
                # "Among those designated are A and B": the copula's subject lists them
                direct += [c for c in head_noun.head.head.children if c.dep_ in ("nsubj", "attr")]
        groups = [direct, preps, [c for c in token.children if c.dep_ in ("relcl", "acl")]]
        if token.dep_ == "xcomp":
            # "ordered Chevron to wind down": the object of the controlling verb
            groups.append([c for c in head.children if c.dep_ in ("dobj", "dative")])
        if token.dep_ in ("nsubjpass", "nsubj") and token.pos_ == "NOUN":
            # "Maduro's indictment was unsealed", "the designation of X takes effect"
            groups.append([c for c in head.children if c.dep_ in ("dobj", "attr")])
            if token.dep_ == "nsubj" and event_type == "military_action":  # "the strike killed four men off the coast"
                groups.append([c for c in head.children if c.dep_ == "prep" and c.norm_ in _TARGET_PREPS])
        if token.lower_ in ("list", "sanctions") and token.dep_ in ("dobj", "pobj"):
            # "Cartel de los Soles joined the list of ...": the subject of the verb
            verb = head if head.pos_ in ("VERB", "AUX") else head.head
            groups.append([c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")])
        groups.append(owners)  # "Maduro's indictment": the possessor is acted on
        found = []
        for group in groups:
            spans = [s for c in group for s in self.entities_in(self._inside(c, keep_asides or c in groups[2]),
                                                                kinds, actor) if not self._qualifier(s)]
            if spans:  # the preferred kind across the whole group
                top = min(kinds.index(self.kind(e)) for e in spans)
                spans = [e for e in spans if kinds.index(self.kind(e)) == top]
            found.append(spans)
        ranked = [(kinds.index(self.kind(spans[0])), i) for i, spans in enumerate(found) if spans]
        if ranked:
            _, best = min(ranked)  # the most preferred kind, from the closest attachment that has one
            return self.with_conjuncts(found[best])
        if near_amount and keep_asides:
            # "the $25 million reward set in early January": the person named nearest
            near = self.entities_in(sorted(sent, key=lambda t: abs(t.i - token.i)), kinds, actor)
            near = sorted(near, key=lambda e: abs(e.start - token.i))
            return near[:1]
        return []

    def _qualifier(self, span: Span) -> bool:
        """"U.S. jurisdiction", "at U.S. request": the name only qualifies a noun that is not acted on."""
        root = span.root
        if root.dep_ == "npadvmod" and root.head.dep_ == "amod":
            root = root.head  # "Maduro-aligned officials": the name qualifies the adjective that qualifies
        return root.dep_ in ("compound", "amod", "nmod", "poss") and root.head.lemma_.lower() in self.not_target_heads

    def parties(self, token: Token, kinds: list[str], actor: Span | None,
                targets: list[Span]) -> tuple[Span | None, list[Span]]:
        """Talks between two sides: "A and B carried out a swap", "an exchange between A and B"."""
        between = [t for t in token.subtree if t.dep_ == "prep" and t.norm_ == "between"]
        if between:
            sides = self.entities_in(between[0].subtree, kinds) or []
            if len(sides) >= 2:
                return sides[0], [sides[1]]
        if actor is not None and not targets:
            # "Maduro's government and the opposition signed": the conjunct of what the actor owns
            # ("the government of Nicolás Maduro and the opposition": what the actor heads by "of" too)
            node = actor.root
            while node.head.i != node.i and (node.dep_ in ("poss", "compound") or
                                             node.dep_ == "pobj" and node.head.norm_ == "of"):
                node = node.head.head if node.dep_ == "pobj" else node.head
            partners = [c for c in (*actor.root.children, *node.children) if c.dep_ == "conj"]
            spans = [s for c in partners for s in self.entities_in(c.subtree, kinds, actor)]
            if spans:
                return actor, spans[:1]
        return actor, targets

    @staticmethod
    def with_conjuncts(spans: list[Span]) -> list[Span]:
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
