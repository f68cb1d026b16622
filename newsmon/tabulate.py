"""Render query results for the terminal: a readable table, JSON or CSV."""

from __future__ import annotations

import csv
import io
import json
import shutil
import textwrap
from datetime import date, datetime
from decimal import Decimal
from typing import Any, Sequence


def _cell(value: Any, max_width: int | None) -> str:
    if value is None:
        return "NULL"
    text = value.isoformat() if isinstance(value, (date, datetime)) else str(value)
    text = text.replace("\n", " ⏎ ")
    return text if max_width is None or len(text) <= max_width else text[: max_width - 1] + "…"


def terminal_width() -> int:
    """The terminal's width: COLUMNS when set, else the terminal's, else 100 (a pipe)."""
    return shutil.get_terminal_size((100, 24)).columns


def _wrap_widths(widths: list[int], wrap: list[int], least: dict[int, int], width: int) -> list[int]:
    """Fit the table in `width`: the wrapped columns, in order of priority, share what the
    others leave. Each gets at least `least` (its longest word, so no word is broken), the
    first takes the rest up to its natural width, then the next. Narrower than the least
    widths allow, the line overflows: text is never cut."""
    fixed = sum(w for i, w in enumerate(widths) if i not in wrap) + 3 * (len(widths) - 1)
    out = list(widths)
    for i in wrap:
        out[i] = least[i]
    room = width - fixed - sum(least[i] for i in wrap)
    for i in wrap:
        extra = max(0, min(widths[i] - least[i], room))
        out[i] += extra
        room -= extra
    return out


def render_table(columns: Sequence[str], rows: Sequence[Sequence[Any]], max_width: int | None = 60,
                 width: int | None = None, wrap: Sequence[str] = ()) -> str:
    """A table for the terminal. Cells longer than `max_width` are cut (None: never). With
    `width`, the columns named in `wrap` (first: the one that matters most) get the width the
    others leave and are wrapped onto more lines, never cut: the whole text is there."""
    cells = [[_cell(v, None if columns[i] in wrap else max_width) for i, v in enumerate(row)] for row in rows]
    widths = [max([len(c)] + [len(r[i]) for r in cells]) for i, c in enumerate(columns)]
    numeric = [all(isinstance(r[i], (int, float, Decimal)) or r[i] is None for r in rows)
               and any(r[i] is not None for r in rows) for i in range(len(columns))]
    wrapped = [columns.index(c) for c in wrap if c in columns]  # in the order of priority given
    if width and wrapped:
        least = {i: max(len(w) for text in [columns[i]] + [r[i] for r in cells] for w in text.split() or [""])
                 for i in wrapped}
        widths = _wrap_widths(widths, wrapped, least, width)

    def line(values: Sequence[str]) -> str:
        return " | ".join(v.rjust(w) if numeric[i] else v.ljust(w) for i, (v, w) in enumerate(zip(values, widths))).rstrip()

    out = [line(columns), "-+-".join("-" * w for w in widths)]
    for row in cells:
        parts = [textwrap.wrap(v, widths[i], break_long_words=True, break_on_hyphens=False) or [""]
                 if i in wrapped else [v] for i, v in enumerate(row)]
        for n in range(max(len(p) for p in parts)):
            out.append(line([p[n] if n < len(p) else "" for p in parts]))
    out.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(out)


def render_json(columns: Sequence[str], rows: Sequence[Sequence[Any]]) -> str:
    def default(value: Any) -> Any:
        if isinstance(value, (date, datetime)):
            return value.isoformat()
        if isinstance(value, Decimal):
            return float(value)
        return str(value)

    return json.dumps([dict(zip(columns, row)) for row in rows], default=default, ensure_ascii=False, indent=2)


def render_csv(columns: Sequence[str], rows: Sequence[Sequence[Any]]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow(["" if v is None else (v.isoformat() if isinstance(v, (date, datetime)) else v) for v in row])
    return buffer.getvalue().rstrip("\n")
