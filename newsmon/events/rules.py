"""The resolution rules (rules.yaml) as validated models, and the pure predicates they drive:
block keys and date compatibility."""

from __future__ import annotations

import calendar
import functools
from datetime import date
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ConfigDict

RULES_FILE = Path(__file__).with_name("rules.yaml")
BLOCK_FIELDS = {"event_type", "actor", "target", "designation", "parties", "modality", "amount_usd", "side",
                "speaker"}


class TypeRule(BaseModel):
    model_config = ConfigDict(extra="forbid")

    block_on: list[str]
    also_equal: list[str] = []
    date_tolerance_days: int = 0
    state_fields: list[str] = []
    status_order: list[str] = []
    undated_in_article_month: bool = False
    unknown_side: str | None = None

    def model_post_init(self, __context: Any) -> None:
        unknown = set(self.block_on + self.also_equal) - BLOCK_FIELDS
        if unknown:
            raise ValueError(f"unknown fields in rule: {sorted(unknown)}")


class Rules(BaseModel):
    model_config = ConfigDict(extra="forbid")

    types: dict[str, TypeRule]

    def for_type(self, event_type: str) -> TypeRule:
        return self.types.get(event_type) or TypeRule(block_on=["event_type", "target"])


@functools.cache
def load_rules(path: Path = RULES_FILE) -> Rules:
    return Rules.model_validate(yaml.safe_load(path.read_text(encoding="utf-8")))


@functools.cache
def _sides() -> dict[str, str]:
    """Each listed name -> the government it acts for ("Richard Grenell" and "Donald Trump" ->
    "United States"; a Venezuelan official -> "Venezuela"), from the extractor's gazetteer."""
    from extractors.gazetteer import load_gazetteer

    entities = load_gazetteer()

    def top(name: str, seen: tuple[str, ...] = ()) -> str:
        entity = entities.get(name)
        if entity is None:
            return name
        if entity.acts_for and entity.acts_for not in seen:
            return top(entity.acts_for, (*seen, name))
        return "Venezuela" if entity.venezuela else name

    return {name: top(name) for name in entities}


def speakers_compatible(a: str | None, b: str | None) -> bool:
    """The same speaker, or a government and one who speaks for it ("Venezuela" and its foreign
    minister Yván Gil); two officials are two speakers."""
    if a is None or b is None or a == b:
        return True
    sides = _sides()
    return sides.get(a, a) == b or sides.get(b, b) == a


def fields_agree(name: str, mention: dict, event: dict) -> bool:
    """An `also_equal` field: equal when both sides know it (`speaker`: compatible speakers)."""
    if name == "speaker":
        return speakers_compatible(mention.get("actor"), event.get("actor"))
    a, b = field_value(mention, name), field_value(event, name)
    return a is None or b is None or a == b


def field_value(record: dict, name: str) -> Any:
    if name == "parties":
        return "|".join(sorted(str(record.get(k) or "") for k in ("actor", "target")))
    if name == "speaker":
        return record.get("actor")
    if name == "side":  # the government the actor acts for: envoys and presidents speak for one side
        actor = record.get("actor")
        return _sides().get(actor, actor) if actor else None
    return record.get(name)


def block_key(record: dict, rule: TypeRule) -> str:
    """The indexed key of the block a mention or event belongs to (a report naming no actor is
    put on the rule's `unknown_side`, when it has one)."""
    def value(name: str) -> Any:
        found = field_value(record, name)
        return rule.unknown_side if found is None and name == "side" else found

    return "\x1f".join(f"{name}={value(name) or ''}" for name in rule.block_on)


def period(value: date, precision: str | None) -> tuple[date, date]:
    """The days a (possibly coarse) date stands for: a day, its month, or its year."""
    if precision == "year":
        return date(value.year, 1, 1), date(value.year, 12, 31)
    if precision == "month":
        last = calendar.monthrange(value.year, value.month)[1]
        return date(value.year, value.month, 1), date(value.year, value.month, last)
    return value, value


def date_gap_days(a: date | None, pa: str | None, b: date | None, pb: str | None) -> int | None:
    """Days between the two periods (0 when they overlap); None when either date is unknown."""
    if a is None or b is None:
        return None
    a0, a1 = period(a, pa)
    b0, b1 = period(b, pb)
    if a1 < b0:
        return (b0 - a1).days
    if b1 < a0:
        return (a0 - b1).days
    return 0


def dates_compatible(a: date | None, pa: str | None, b: date | None, pb: str | None, tolerance_days: int) -> bool:
    """A month-precision date matches any day of that month; an unknown date matches anything."""
    gap = date_gap_days(a, pa, b, pb)
    return gap is None or gap <= tolerance_days


PRECISION_RANK = {None: 0, "year": 1, "month": 2, "day": 3}


def more_precise(new_precision: str | None, old_precision: str | None) -> bool:
    return PRECISION_RANK.get(new_precision, 0) > PRECISION_RANK.get(old_precision, 0)


def happened_after(a: dict, b: dict) -> bool:
    """`a` is known to have happened after `b`."""
    return a.get("event_date") is not None and b.get("event_date") is not None and a["event_date"] > b["event_date"]


def fmt_date(record: dict) -> str:
    d = record.get("event_date")
    if d is None:
        return "unknown"
    return {"year": f"{d:%Y}", "month": f"{d:%Y-%m}"}.get(record.get("date_precision"), d.isoformat())
