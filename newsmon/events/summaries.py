"""One-line summaries of events from their fields, by the templates of summaries.yaml (issue 12).

A template is used only when every field it needs is known, and its optional [parts] drop
out when theirs are not: a summary never shows "?". The gazetteer (read, not changed) says
which names are places and whom a person acts for.
"""

from __future__ import annotations

import functools
import json
import os
import re
from datetime import date
from pathlib import Path
import yaml
from pydantic import BaseModel, ConfigDict, Field

from newsmon.settings import PROJECT_ROOT

SUMMARIES_FILE = Path(__file__).with_name("summaries.yaml")
_FIELD = re.compile(r"\{(\w+)\}")
_OPTIONAL = re.compile(r"\[([^\[\]]*)\]")


class Template(BaseModel):
    model_config = ConfigDict(extra="forbid")

    text: str
    when: dict[str, str | list[str]] = Field(default_factory=dict)

    def matches(self, event: dict) -> bool:
        for name, wanted in self.when.items():
            allowed = wanted if isinstance(wanted, list) else [wanted]
            if event.get(name) not in allowed:
                return False
        return True

    def render(self, values: dict[str, str | None]) -> str | None:
        """The text with its fields filled, or None when a required field is unknown."""
        def optional(match: re.Match) -> str:
            part = match.group(1)
            return part if all(values.get(f) for f in _FIELD.findall(part)) else ""

        text = _OPTIONAL.sub(optional, self.text)
        if not all(values.get(f) for f in _FIELD.findall(text)):
            return None
        return _FIELD.sub(lambda m: str(values[m.group(1)]), text)


class SummaryTemplates(BaseModel):
    model_config = ConfigDict(extra="forbid")

    designations: dict[str, str] = Field(default_factory=dict)
    possessive: dict[str, str] = Field(default_factory=dict)
    actor_labels: dict[str, str] = Field(default_factory=dict)
    about: dict[str, str] = Field(default_factory=dict)
    types: dict[str, list[Template]]
    default: list[Template]


@functools.cache
def load_templates(path: Path = SUMMARIES_FILE) -> SummaryTemplates:
    return SummaryTemplates.model_validate(yaml.safe_load(path.read_text(encoding="utf-8")))


@functools.cache
def _gazetteer(path: Path) -> dict[str, dict]:
    """name -> {kind, acts_for} of the gazetteer's actors; empty when the file is missing."""
    if not path.is_file():
        return {}
    entries = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            record = json.loads(line)
            entries[record["id"]] = {"kind": record.get("kind"), "acts_for": record.get("acts_for")}
    return entries


def gazetteer() -> dict[str, dict]:
    # the same data the extractor uses: NEWSMON_EXTRACTOR_DATA when an expert edits a copy
    data = Path(os.environ.get("NEWSMON_EXTRACTOR_DATA") or PROJECT_ROOT / "extractors" / "data")
    return _gazetteer(data / "gazetteer.jsonl")


def format_date(value: date | None, precision: str | None) -> str | None:
    """24 Nov 2025, Nov 2025 or 2025, as precise as the event is known."""
    if value is None:
        return None
    if precision == "year":
        return f"{value:%Y}"
    if precision == "month":
        return f"{value:%b %Y}"
    return f"{value.day} {value:%b %Y}"


def format_amount(amount: float | None) -> str | None:
    if amount is None:
        return None
    if amount >= 1e9:
        return f"${amount / 1e9:g}B"
    if amount >= 1e6:
        return f"${amount / 1e6:g}M"
    return f"${amount:,.0f}"


def actor_label(actor: str | None, templates: SummaryTemplates) -> str | None:
    if not actor:
        return None
    if actor in templates.actor_labels:
        return templates.actor_labels[actor]
    entry = gazetteer().get(actor, {})
    prefix = templates.possessive.get(entry.get("acts_for") or "") if entry.get("kind") == "person" else None
    return f"{prefix} {actor}" if prefix else actor


def field_values(event: dict, templates: SummaryTemplates, previous_amount: float | None = None) -> dict:
    target = event.get("target")
    is_place = bool(target) and gazetteer().get(target, {}).get("kind") == "place"
    designation = event.get("designation")
    return {
        "event_type": str(event.get("event_type") or "event").replace("_", " ").capitalize(),
        "actor": actor_label(event.get("actor"), templates),
        "target": target,
        "against": None if is_place else target,
        "where": target if is_place else None,
        "date": format_date(event.get("event_date"), event.get("date_precision")),
        "designation": designation,
        "as_designation": templates.designations.get(designation or "", f"as {designation}" if designation else None),
        "amount": format_amount(event.get("amount_usd")),
        "previous_amount": format_amount(previous_amount),
        "about": event.get("about"),
        "status": event.get("status"),
        "modality": event.get("modality"),
    }


def summarise(event: dict, previous_amount: float | None = None, templates: SummaryTemplates | None = None) -> str:
    """The event's one line: the first template of its type that matches and can be filled."""
    templates = templates or load_templates()
    values = field_values(event, templates, previous_amount)
    for template in templates.types.get(event.get("event_type") or "", []) + templates.default:
        if template.matches(event):
            text = template.render(values)
            if text:
                return text
    return values["event_type"]


def about_text(mention: dict, templates: SummaryTemplates | None = None) -> str | None:
    """What a statement about this mention's development is about ("the FTO listing of X")."""
    templates = templates or load_templates()
    template = templates.about.get(mention.get("event_type") or "")
    if not template:
        return None
    return Template(text=template).render(field_values(mention, templates))

