"""Venezuelans named by the program that concerns them (issue 10; rules in data/groups.yaml).

"The Supreme Court let the administration end protections for 350,000 Venezuelans" is about the
TPS holders, "a judge barred the removal of Venezuelans under the Alien Enemies Act" about the
detainees: the two programs are distinct developments, and an analyst filters on them. The name
of the program is often a sentence away from the group, so the paragraph and then the article
decide when the sentence does not.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path

import yaml

from extractors.gazetteer import data_dir


@functools.cache
def _load(path: Path) -> dict[str, dict[str, re.Pattern]]:
    rules = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    return {group: {program: re.compile(r"\b(?:" + "|".join(re.escape(c) for c in sorted(cues, key=len, reverse=True))
                                         + r")\b")
                    for program, cues in programs.items()}
            for group, programs in rules.items()}


def program_groups(path: str | Path | None = None) -> dict[str, dict[str, re.Pattern]]:
    return _load(Path(path or data_dir() / "groups.yaml"))


def _programs(text: str, cues: dict[str, re.Pattern], offset: int = 0) -> dict[str, int]:
    """The programs named in `text`, each with the distance of its nearest cue to `offset`."""
    lowered = text.lower()
    found = {}
    for program, pattern in cues.items():
        spans = [m.start() for m in pattern.finditer(lowered)]
        if spans:
            found[program] = min(abs(s - offset) for s in spans)
    return found


def refine(target: str, sentence: str, trigger_offset: int, paragraph: str, article: str,
           rules: dict[str, dict[str, re.Pattern]] | None = None) -> str:
    """The program group `target` stands for here, or `target` itself."""
    cues = (rules if rules is not None else program_groups()).get(target)
    if not cues:
        return target
    found = _programs(sentence, cues, trigger_offset)
    if found:
        return min(found, key=found.get)
    found = _programs(paragraph, cues)
    if len(found) == 1:
        return next(iter(found))
    # the article's own program: the one it names most, twice as often as any other
    lowered = article.lower()
    counts = sorted(((len(p.findall(lowered)), program) for program, p in cues.items()), reverse=True)
    if counts[0][0] and (len(counts) == 1 or counts[0][0] >= 2 * counts[1][0]):
        return counts[0][1]
    return target
