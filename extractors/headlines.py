"""Headlines (issue 10): "Saab extradited to Miami", "Caracas rejects planned U.S. listing",
"U.S. sanctions Maduro's wife". The parser, trained on running text, reads headline-ese badly
(a present-tense verb after a name becomes a noun, a bare participle a modifier), so a headline's
trigger verbs the parse missed are read by their position instead:

- NAME verb-s ... NAME: the first name acts, the next name of a target kind is acted on;
- NAME verb-ed ...: the bare participle is a passive: the name is acted on, "by NAME" acts.

Only verbs of the trigger lists, in their -s and -ed forms, and only where the parse produced no
candidate of that type for the token; designations still need a regime (named, or implied as
in the body text).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Span, Token

if TYPE_CHECKING:
    from extractors.events import Candidate, EventFinder
    from extractors.roles import Roles

# Words that end a headline clause: the roles of one verb do not reach past them.
_CLAUSE_BREAKS = {";", ":", "as", "after", "while", "amid", "before", "despite", "but", "to", "for", "in", "at"}


def is_headline(sent: Span) -> bool:
    """The article's first sentence when it carries no final punctuation (a headline may end on a
    quotation: 'Caracas denounces U.S. sanctions as "crime of aggression"')."""
    text = sent.text.strip().rstrip("\"”'’").rstrip()
    return sent.start == 0 and bool(text) and text[-1] not in ".!?"


def verb_lemma(word: str, verbs: set[str]) -> tuple[str, bool] | None:
    """(lemma, passive) of an inflected trigger verb: "rejects" -> ("reject", False),
    "extradited" -> ("extradite", True), "frees" -> ("free", False)."""
    word = word.lower()
    if word.endswith("ed"):
        stems = [word[:-1], word[:-2]]  # extradite-d, detain-ed
        if len(word) > 4 and word[-3] == word[-4]:
            stems.append(word[:-3])  # bar-red
        if word.endswith("ied"):
            stems.append(word[:-3] + "y")
        passive = True
    elif word.endswith("s") and not word.endswith("ss"):
        stems = [word[:-1]]  # reject-s, ease-s
        if word.endswith("ies"):
            stems.append(word[:-3] + "y")
        elif word.endswith(("ses", "xes", "zes", "ches", "shes", "oes")):
            stems.append(word[:-2])  # push-es ("bands" is not "ban")
        passive = False
    else:
        return None
    for stem in stems:
        if stem in verbs:
            return stem, passive
    return None


def _clause_names(roles: "Roles", tokens: list[Token]) -> list[Span]:
    """The names among `tokens`, in order, up to the first clause break."""
    names: list[Span] = []
    for token in tokens:
        if token.lower_ in _CLAUSE_BREAKS:
            break
        ent = roles.at.get(token.i)
        if ent is not None and (not names or names[-1].start != ent.start):
            names.append(ent)
    return names


def headline_candidates(finder: "EventFinder", sent: Span, roles: "Roles", regimes: list[tuple[int, int, str]],
                        taken: list["Candidate"]) -> list["Candidate"]:
    from extractors.events import TYPE_ORDER, Candidate

    found: list[Candidate] = []
    done = {(c.trigger, c.event_type) for c in taken}
    for token in sent:
        for event_type in TYPE_ORDER:
            rule = finder.rules[event_type]
            if (token.i, event_type) in done or token.i in roles.at:
                continue
            read = verb_lemma(token.text, finder.verbs[event_type])
            if read is None:
                continue
            lemma, passive = read
            if lemma in rule.get("weak", ()) or event_type == "legal_action" and lemma in finder.court_only:
                continue  # these need their object or their court: the parse must show it
            before = _clause_names(roles, [t for t in reversed(sent[:token.i - sent.start])])
            after = _clause_names(roles, list(sent[token.i - sent.start + 1:]))
            if passive:
                agent = [e for e in after if e.start > token.i and sent.doc[e.start - 1].lower_ == "by"]
                actor, targets = (agent[0] if agent else None), before[:1]
            else:
                actor, targets = (before[0] if before else None), after
            kinds = rule["target_kinds"]
            targets = [t for t in targets if roles.kind(t) in kinds and (actor is None or t.ent_id_ != actor.ent_id_)]
            if event_type == "statement":
                # "scorns doubled U.S. bounty on Maduro": the name qualifying the act answered is its author
                targets = [t for t in targets if not (t.root.dep_ in ("compound", "poss") and
                                                      t.root.head.lemma_.lower() in finder.reaction_nouns)]
            if actor is not None and roles.kind(actor) not in rule["actor_kinds"]:
                actor = None
            if not targets or (rule.get("needs_actor") and actor is None):
                continue
            designations = [None]
            if event_type == "designation":
                named = finder._regimes_for(token, regimes)
                implied = rule.get("implied_regime") or {}
                if named:
                    designations = named
                elif lemma in implied.get("lemmas", ()) or lemma in implied.get("by_actor_lemmas", ()) and \
                        actor is not None and actor.ent_id_ in implied.get("by_actors", ()):
                    # "Treasury Sanctions X", "Treasury Targets X": as in the body, an OFAC listing
                    targets = [t for t in targets if roles.kind(t) in implied["target_kinds"]]
                    designations = [implied["regime"]]
                else:
                    continue
            if event_type == "reward" and rule.get("needs_amount"):
                continue
            modality = finder._modality(token, sent, event_type)
            if event_type == "statement" and modality != "denied" and lemma in rule.get("weak", ()):
                continue
            status = finder._status(token, sent, modality) if event_type == "designation" else None
            found += [Candidate(event_type, token.i, (sent.start, sent.end), actor, target, regime, modality, status)
                      for target in (targets if not passive else targets[:1]) for regime in designations]
            break
    return found
