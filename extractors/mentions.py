"""From a processed Doc's event candidates to Mentions: canonical names, the date and amount of
each event, whether it is background, and the Venezuela tie."""

from __future__ import annotations

import re
from datetime import date

from spacy.tokens import Doc

from extractors.event_dates import ArticleDates
from extractors.events import _ACTS_FOR_TYPES, Candidate
from extractors.gazetteer import Entity
from extractors.groups import program_groups, refine
from extractors.names import entities_of
from extractors.models import ArticleText, Mention
from extractors.money import find_amounts
from newsmon.models import stable_id

# The word before an amount a measure moved away from ("from $25 million", "desde 25 millones").
_PREVIOUS = re.compile(r"\b(?:from|desde)\s+(?:up to\s+|about\s+)?(?:US)?$", re.IGNORECASE)
# What stands between the amount a measure moved away from and the one it moved to ("$25 million
# to $50 million", "de 15 a 25 millones": the first number may lack its unit).
_TO = re.compile(r"^\s*(?:to|a|hasta)\s*$", re.IGNORECASE)
# An article with this many mentions of Venezuela-tied names is about Venezuela as a whole.
_FOCUS_MENTIONS = 3


def _period_end(value: date, precision: str | None) -> date:
    if precision == "year":
        return date(value.year, 12, 31)
    if precision == "month":
        return date(value.year + (value.month == 12), value.month % 12 + 1, 1)
    return value


def doc_mentions(doc: Doc, article: ArticleText, entities: dict[str, Entity], version: str) -> list[Mention]:
    candidates: list[Candidate] = doc._.events
    if not candidates:
        return []
    entities = entities_of(doc, entities)
    dates = ArticleDates(doc, article.published_at)
    named = sum(1 for e in doc.ents if e.ent_id_ in entities and entities[e.ent_id_].venezuela)
    focus = named >= _FOCUS_MENTIONS
    paragraphs: dict[int, str] | None = None  # built for the first group a program may name
    # the words as the article wrote them (a title-case headline was lowered for the parser)
    original = article.text if len(article.text) == len(doc.text) else doc.text
    mentions: dict[tuple, Mention] = {}
    for cand in candidates:
        sent = doc[cand.sentence[0]:cand.sentence[1]]
        if cand.target is None:
            continue
        actor_entity = entities.get(cand.actor.ent_id_) if cand.actor is not None else None
        target_entity = entities[cand.target.ent_id_]
        if target_entity.id in program_groups():
            paragraphs = paragraphs if paragraphs is not None else dates.paragraph_texts()
            group = refine(target_entity.id, sent.text, doc[cand.trigger].idx - sent.start_char,
                           paragraphs.get(cand.sentence[0], sent.text), doc.text)
            target_entity = entities.get(group, target_entity)
        # Tied to Venezuela: a Venezuelan name in the sentence, an article about Venezuela, the
        # theatre of the US campaign (the Caribbean: its boat strikes are reported without naming
        # Venezuela), or, in an article that names Venezuela, a Venezuelan party.
        tied = focus or any(entities[e.ent_id_].venezuela for e in sent.ents if e.ent_id_ in entities) or \
            target_entity.kind == "place" or (
            named > 0 and (target_entity.venezuela or (actor_entity is not None and actor_entity.venezuela)))
        if not tied:
            continue
        actor = actor_entity.id if actor_entity else None
        if actor_entity and actor_entity.kind == "person" and actor_entity.acts_for and cand.event_type in _ACTS_FOR_TYPES:
            actor = actor_entity.acts_for
        trigger = doc[cand.trigger]
        chosen, proxy = dates.for_event(sent, trigger, cand.event_type, cand.target.ent_id_,
                                        intended=cand.modality == "intended")
        amount = None
        if cand.event_type in ("reward", "sanction"):
            amounts = find_amounts(sent.text)
            if amounts:
                offset = trigger.idx - sent.start_char
                # "raised from $25 million to $50 million": the amount it became, not the one it was
                became = [a for a in amounts if not _PREVIOUS.search(sent.text[max(0, a.start - 8):a.start]) and
                          not any(_TO.match(sent.text[a.end:b.start]) for b in amounts if b.start >= a.end)]
                amount = min(became or amounts, key=lambda a: abs(a.start - offset)).value
        background = False
        if proxy is not None and proxy.value is not None and dates.reference is not None:
            month_start = date(dates.reference.year, dates.reference.month, 1)
            background = _period_end(proxy.value, proxy.precision) <= month_start and \
                (proxy.precision != "day" or proxy.value < month_start)
        key = (sent.start, cand.event_type, target_entity.id, cand.designation, amount)
        when = chosen.value if chosen else None
        same = [k for k in mentions if k[:5] == key]
        if same and (when is None or any(k[5] is None or k[5] == when for k in same)):
            continue
        # "terminated the 2023 designation in February, and in September ended the 2021 one": one
        # sentence, two dated acts on the same target are two mentions (the later one's id carries its date)
        mentions[key + (when,)] = Mention(
            mention_id=stable_id(article.article_id, sent.start_char, sent.end_char, cand.event_type,
                                 target_entity.id, cand.designation, amount, *([when] if same else [])),
            article_id=article.article_id, event_type=cand.event_type, actor=actor, target=target_entity.id,
            actor_text=cand.actor.text if cand.actor is not None else None, target_text=cand.target.text,
            designation=cand.designation, status=cand.status, modality=cand.modality,
            event_date=chosen.value if chosen else None, date_precision=chosen.precision if chosen else None,
            amount_usd=amount, is_background=background, sentence=original[sent.start_char:sent.end_char],
            char_start=sent.start_char,
            char_end=sent.end_char, extractor_version=version)
    return _share_paragraph_dates(list(mentions.values()), dates, doc)


def _same_development(a: Mention, b: Mention, headline: bool = False) -> bool:
    """Two mentions of one article that report the same development: same type, target and
    regime, no conflicting amount; for recurring kinds (strikes, talks) this cannot be told,
    except of a headline, which tells its lede's news ("U.S. strikes fourth boat off Venezuela")."""
    return a.event_type == b.event_type and a.target == b.target and a.designation == b.designation and \
        a.status == b.status and \
        (headline or a.event_type not in ("military_action", "diplomacy", "statement")) and \
        (a.amount_usd is None or b.amount_usd is None or a.amount_usd == b.amount_usd)


def _share_paragraph_dates(mentions: list[Mention], dates: ArticleDates, doc: Doc) -> list[Mention]:
    """An undated mention takes the date of the same development given elsewhere in its paragraph
    ("The State Department designated X on Feb. 20. The designation freezes ..."), the nearest
    first (GUIDELINES, dates rule 3)."""
    sentence_of = {s.start_char: n for n, s in enumerate(dates.sents)}
    paragraph = {m.mention_id: dates.paragraph.get(sentence_of.get(m.char_start, -1)) for m in mentions}
    out = []
    for m in mentions:
        if m.event_date is None and paragraph[m.mention_id] is not None:
            dated = [o for o in mentions if o.event_date is not None and o.mention_id != m.mention_id and
                     paragraph[o.mention_id] == paragraph[m.mention_id] and
                     _same_development(m, o, headline=sentence_of.get(m.char_start) == 0)]
            if dated:
                o = min(dated, key=lambda o: abs(o.char_start - m.char_start))
                m = m.model_copy(update={"event_date": o.event_date, "date_precision": o.date_precision,
                                         "is_background": o.is_background})
        if m.event_date is None and sentence_of.get(m.char_start) == 0 and dates.ref is not None and \
                dates.present_headline:
            # a headline in the present tense that its lede does not date: the article's date
            m = m.model_copy(update={"event_date": dates.ref, "date_precision": "day"})
        out.append(m)
    return out
