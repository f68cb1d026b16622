"""The date of an event, decided over the whole article (issue 10; rules in
devset/GUIDELINES.md, "Dates"):

1. a date of the trigger's own clause (or of a clause above it, or one modifying it);
2. else a date of its sentence that no other act of the sentence claims ("granted in 2022"
   dates the granting, not the revocation);
3. else the date of a neighbouring sentence of the same paragraph that continues the same
   development: it names the same target, or opens by referring back ("The notice was
   published on Feb. 20 ...", "It took effect ...");
4. else, for news told in the present tense ("designates", "has designated"), the article's
   own date.

A month-day with no year is the past occurrence in a past-tense clause and the next one in a
future clause. Precision is kept. With no article date, a month-day takes the year of the
article's closest explicit date (extractors/undated.py); other relative dates stay unresolved.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from spacy.tokens import Doc, Span, Token

from extractors.dates import DateExpr, find_dates
from extractors.dates_es import find_dates_es
from extractors.headlines import is_headline
from extractors.undated import infer_years

# Phrases that mark the date of a designation taking effect (preferred over other dates).
_EFFECTIVE_CUES = ("effective", "beginning", "starting", "as of", "effect", "effect on", "from",
                   # Spanish (issue 11): "a partir del 24 de noviembre", "entrará en vigor el 24"
                   "a partir del", "a partir de", "vigor el", "vigor desde el", "efectiva el", "efectiva desde el")
# Words before a deadline ("until May 27", "hasta el 3 de abril"): a date by which something is to
# happen, not the date of the act that set it.
_DEADLINE_CUES = (" until", " till", " back to", "extended to", "postponed to", "delayed to", " deadline of",
                  " hasta el", " hasta")
# Openings of a sentence that continues the previous one's development.
_BACK_REFERENCES = {"it", "the", "this", "that", "they", "these", "those", "its", "their", "he", "she"}
_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_MONTH_NAMES = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
                "november", "december")
# what joins the two ends of a span of time: "September and October", "March to May", "2019-2020"
_RANGE = re.compile(r"\s*(?:and|to|through|until|-|–|y|a|hasta)\s*", re.I)
_FUTURE = {"will", "shall", "intend", "plan", "expect", "effective", "schedule", "set"}
# The date expressions of each language (issue 11). find_dates_es decides the year of a
# month-day itself, so only English month-days go through _year_shift.
_FINDERS = {"en": find_dates, "es": find_dates_es}


def _after(text: str, expr: DateExpr, cues: tuple[str, ...]) -> bool:
    """Whether one of `cues` (lower case) ends just before the date expression."""
    return text[max(0, expr.start - 16):expr.start].lower().rstrip().endswith(cues)


def _clause_verb(token: Token) -> Token:
    node = token
    while node.pos_ not in ("VERB", "AUX") and node.head.i != node.i:
        node = node.head
    return node


def _year_shift(expr: DateExpr, future: bool, ref: date | None) -> DateExpr:
    """A month-day without a year ("on May 19"), which `find_dates` puts nearest to the
    article's date: moved to the past occurrence for past reporting, to the next one for
    future plans."""
    text = expr.text.lower()
    if ref is None or expr.value is None or expr.precision != "day" or not expr.relative or \
            not any(m in text for m in _MONTHS) or re.search(r"\b(?:19|20)\d{2}\b", text):
        return expr
    value = expr.value
    try:
        if not future and value > ref:
            value = value.replace(year=value.year - 1)
        elif future and value < ref:
            value = value.replace(year=value.year + 1)
    except ValueError:  # February 29
        return expr
    return DateExpr(expr.start, expr.end, expr.text, value, expr.precision, expr.relative, expr.same_day)



_COARSER = {"day": 0, "month": 1, "year": 2}


def _anchored(expr: DateExpr, last: DateExpr | None, ref: date | None) -> DateExpr:
    """"the same day", "that month", "five days before that": the previous date of the
    article, at the expression's precision at most, moved by its offset; an offset with no
    previous date counts from the article's date ("two days later" in a lede)."""
    if (last is None or last.value is None) and expr.offset_days and ref is not None:
        last = DateExpr(0, 0, "", ref, "day", True)
    if last is None or last.value is None:
        return DateExpr(expr.start, expr.end, expr.text, None, None, True)
    precision = max(last.precision, expr.anaphor_precision or "day", key=lambda p: _COARSER.get(p, 0))
    value = last.value
    if expr.offset_days:
        if last.precision != "day":
            return DateExpr(expr.start, expr.end, expr.text, None, None, True)
        value = value + timedelta(days=expr.offset_days)
    if precision == "month":
        value = value.replace(day=1)
    elif precision == "year":
        value = value.replace(month=1, day=1)
    return DateExpr(expr.start, expr.end, expr.text, value, precision, True)


class ArticleDates:
    """The dates of every sentence of an article, resolved once; "the same day" takes the date
    of the last sentence before it that had one."""

    def __init__(self, doc: Doc, ref: date | None) -> None:
        self.doc = doc
        self.ref = ref
        find_dates = _FINDERS.get(doc.lang_, _FINDERS["en"])
        self.english = find_dates is _FINDERS["en"]
        self.sents = list(doc.sents)
        self.index = {s.start: n for n, s in enumerate(self.sents)}
        self.paragraph = {}
        paragraph = 0
        for n, sent in enumerate(self.sents):
            previous = self.sents[n - 1] if n else None
            # the break may sit inside the previous sentence's trailing whitespace
            if previous is not None and "\n" in doc.text[previous.start_char + len(previous.text.rstrip()):sent.start_char]:
                # a headline (a first paragraph of one sentence) tells the lede's news: one paragraph
                paragraph += not (n == 1 and paragraph == 0)
            self.paragraph[n] = paragraph
        self.by_sentence: dict[int, list[DateExpr]] = {}
        self.proxy: dict[int, list[DateExpr]] = {}
        found = [(sent.text, find_dates(sent.text, ref)) for sent in self.sents]
        if ref is None:  # an undated article: month-days take the year of its own explicit dates
            found = list(zip((text for text, _ in found), infer_years(found, find_dates)))
        last: DateExpr | None = None
        for sent, (_, raw) in zip(self.sents, found):
            exprs = []
            for expr in raw:
                if expr.same_day:
                    expr = _anchored(expr, last, ref)
                exprs.append(expr)
            self.by_sentence[sent.start] = exprs
            # "the same day" is the day of the last act the article dated, not of a deadline or of
            # the day a measure starts to apply ("can be applied from April 2")
            dated = [e for e in exprs if e.value is not None and not _after(sent.text, e, _DEADLINE_CUES + (" from",))]
            if dated:
                last = dated[0]
        absolute = [e.value for exprs in self.by_sentence.values() for e in exprs
                    if not e.relative and e.precision in ("day", "month") and e.value]
        # With no publication date, background is judged against the latest date the article
        # states (weekdays and the like stay unresolved in the stored dates).
        self.reference = ref or (max(absolute) if absolute else None)
        if ref is None and self.reference is not None:
            for sent in self.sents:
                self.proxy[sent.start] = find_dates(sent.text, self.reference)
        self.present_headline = False  # the headline tells its news in the present tense
        # sentences with an act of their own: their dates are not lent to a neighbour
        self.eventful = {c.sentence[0] for c in getattr(doc._, "events", [])}

    def paragraph_texts(self) -> dict[int, str]:
        """The text of each sentence's paragraph, by the sentence's first token."""
        text = {}
        for n, sent in enumerate(self.sents):
            text[self.paragraph[n]] = text.get(self.paragraph[n], "") + sent.text_with_ws
        return {sent.start: text[self.paragraph[n]] for n, sent in enumerate(self.sents)}

    def _token_at(self, sent: Span, char: int) -> Token | None:
        return next((t for t in sent if t.idx >= sent.start_char + char), None)

    @staticmethod
    def _pick(sent: Span, exprs: list[DateExpr], usable: list[int], offset: int) -> int:
        i = min(usable, key=lambda i: abs(exprs[i].start - offset))
        # a span of time ("throughout September and October", "from March to May") is dated by
        # its start, whichever of its ends the trigger sits nearer
        while i - 1 in usable and _RANGE.fullmatch(sent.text[exprs[i - 1].end:exprs[i].start]):
            i -= 1
        return i

    def _result(self, sent: Span, exprs: list[DateExpr], i: int, future: bool | None):
        # future None: no tense to go by, the occurrence nearest the article's date stands
        chosen = _year_shift(exprs[i], future, self.ref) if self.english and future is not None else exprs[i]
        proxies = self.proxy.get(sent.start)
        proxy = proxies[i] if proxies and len(proxies) == len(exprs) else chosen
        return chosen, proxy

    def _noun_month(self, trigger: Token) -> DateExpr | None:
        """"the May listing of Cabello", "January's designation": a month naming an act (a noun)
        is its date, the last such month up to the article's date."""
        if self.ref is None or trigger.pos_ not in ("NOUN", "PROPN"):
            return None
        for c in trigger.children:
            name = c.text.lower()
            if c.dep_ in ("compound", "poss", "nmod") and c.text[:1].isupper() and name in _MONTH_NAMES and \
                    not any(t.like_num for t in c.doc[c.i + 1:c.i + 2]):  # "May 16": the sentence's date
                month = _MONTH_NAMES.index(name) + 1
                year = self.ref.year if month <= self.ref.month else self.ref.year - 1
                start = c.idx - trigger.sent.start_char
                return DateExpr(start, start + len(c.text), c.text, date(year, month, 1), "month", True)
        return None

    def for_event(self, sent: Span, trigger: Token, event_type: str,
                  target_id: str | None = None, intended: bool = False) -> tuple[DateExpr | None, DateExpr | None]:
        own = self._noun_month(trigger)
        if own is not None:
            return own, own
        home = _clause_verb(trigger)
        future = bool(_FUTURE & ({c.lemma_.lower() for c in home.children} | {home.lemma_.lower()})) or \
            "Fut" in home.morph.get("Tense")  # Spanish "designará": the future is on the verb
        exprs = [e for e in self.by_sentence.get(sent.start, []) if e.value is not None or e.relative]
        offset = trigger.idx - sent.start_char
        if exprs:
            clause, free = [], []
            for i, expr in enumerate(exprs):
                token = self._token_at(sent, expr.start)
                if token is None:
                    continue
                if _after(sent.text, expr, _DEADLINE_CUES):
                    continue  # a deadline is not the act's date: "gave Chevron until May 27 to wind down"
                if expr.precision == "year" and not expr.relative and token.dep_ in ("compound", "nummod", "amod") \
                        and token.head.pos_ in ("NOUN", "PROPN") and token.head.i != trigger.i:
                    continue  # a year naming another thing: "ended the 2023 designation", "the 2024 election"
                verb = _clause_verb(token)
                if verb.i == home.i or verb.is_ancestor(home) or (verb.head.i == trigger.i and verb.i != trigger.i):
                    clause.append(i)
                elif not verb.is_ancestor(trigger) and verb.i != trigger.i and verb.tag_ in ("VBN", "VBD") and \
                        verb.dep_ in ("relcl", "acl", "advcl", "conj") and verb.i > trigger.i:
                    continue  # another act's own date: "ending the license granted in 2022"
                else:
                    free.append(i)
            if event_type == "designation":
                # a listing's effective date anywhere in its sentence ("Rubio announced on Sunday that
                # the designation would take effect on Nov. 24") wins over the announcement's
                cued = [i for i in clause + free if _after(sent.text, exprs[i], _EFFECTIVE_CUES)]
                if cued:  # its tense is the effect's, not the announcement's: the nearest occurrence
                    return self._result(sent, exprs, cued[-1], None)
            for usable in (clause, free):
                if usable:
                    return self._result(sent, exprs, self._pick(sent, exprs, usable, offset), future)
        # a neighbour of the same paragraph continuing the same development
        n = self.index.get(sent.start)
        if n is not None:
            for m in (n + 1, n - 1):
                if not 0 <= m < len(self.sents) or self.paragraph[m] != self.paragraph[n]:
                    continue
                other = self.sents[m]
                # not a date that only describes something else ("the repression which followed
                # the July 28 election"): a relative clause's date is that clause's
                dated = [e for e in self.by_sentence.get(other.start, []) if e.value is not None and
                         _clause_verb(self._token_at(other, e.start) or other.root).dep_ not in ("relcl", "acl")]
                if not dated or other.start in self.eventful:
                    continue
                names_target = target_id is not None and any(e.ent_id_ == target_id for e in other.ents)
                refers_back = m == n + 1 and other[0].lower_ in _BACK_REFERENCES
                if names_target or refers_back:
                    return self._result(other, self.by_sentence[other.start],
                                        self.by_sentence[other.start].index(dated[0]), future)
        # present-tense news: the article's own date ("Among those designated are ...": a reduced
        # passive is told in the tense of the clause its noun sits in); a headline's present tense
        # is headline style ("Washington doubles reward"), dated by its lede first (mentions.py)
        if home.dep_ == "acl" and home.tag_ == "VBN":
            home = _clause_verb(home.head)
        # (not for an act only intended: "the groups named in the notice are ...", of a listing the
        # State Department will make, takes place when it takes effect)
        if self.ref is not None and not intended and (home.tag_ in ("VBZ", "VBP") or
                                     any(c.norm_ in ("has", "have") and c.dep_ == "aux" or
                                         c.dep_ in ("aux", "auxpass") and c.tag_ in ("VBZ", "VBP")
                                         for c in home.children)):  # "is announcing", "is designated"
            if n == 0 and is_headline(sent):
                self.present_headline = True
                return None, None
            today = DateExpr(0, 0, "", self.ref, "day", True)
            return today, today
        return None, None
