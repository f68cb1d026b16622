"""The terminal views of `newsmon events` and `newsmon alerts` (issue 12): a default view of the
columns an analyst reads, that fits the terminal with the summary whole (wrapped, never cut),
and `--wide` with every column the query gives. JSON and CSV always carry every column."""

from __future__ import annotations

from datetime import datetime
from typing import Any, Callable, Sequence

from pydantic import BaseModel

from newsmon.tabulate import render_table, terminal_width


class View(BaseModel):
    """Which query columns a default view shows, under which headers, and which wrap."""

    columns: list[tuple[str, str]]  # (query column, header)
    wrap: list[str]
    formats: dict[str, str] = {}  # query column -> strftime format for its datetimes


# The summary says who did what to whom, when, and at which stage; the type and the number of
# sources are what an analyst sorts and weighs by. Wrapped columns in order of priority.
EVENTS_VIEW = View(columns=[("last_seen_at", "last seen"), ("event_type", "type"), ("source_count", "sources"),
                            ("summary", "summary")],
                   wrap=["summary", "event_type"], formats={"last_seen_at": "%Y-%m-%d"})
ALERTS_VIEW = View(columns=[("created_at", "raised (UTC)"), ("alert", "alert"), ("summary", "summary"),
                            ("delivery_state", "delivery")],
                   wrap=["summary", "alert", "delivery_state"], formats={"created_at": "%Y-%m-%d %H:%M"})


def _shown(value: Any, fmt: str | None) -> Any:
    if value is None:
        return ""
    if fmt and isinstance(value, datetime):
        return value.strftime(fmt)
    if isinstance(value, str):
        return value.replace("_", " ")  # "military action" can wrap, "military_action" cannot
    return value


def render_view(view: View, columns: Sequence[str], rows: Sequence[Sequence[Any]], width: int | None = None) -> str:
    """The default view of a listing: its columns, fitted to `width` (the terminal's)."""
    index = [columns.index(name) for name, _ in view.columns]
    shown = [[_shown(row[i], view.formats.get(name)) for i, (name, _) in zip(index, view.columns)] for row in rows]
    headers = [header for _, header in view.columns]
    headers_of = dict(view.columns)
    wrap = [headers_of[name] for name in view.wrap]
    return render_table(headers, shown, max_width=None, width=width or terminal_width(), wrap=wrap)


def renderer(view: View | None, wide: bool) -> Callable[[Sequence[str], Sequence[Sequence[Any]]], str]:
    """The table renderer of a listing: its default view, or with --wide every column whole."""
    if view is None or wide:
        return lambda columns, rows: render_table(columns, rows, max_width=None)
    return lambda columns, rows: render_view(view, columns, rows)
