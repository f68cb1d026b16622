"""What a monitor run reports: its stages' summaries, and the console text of them."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel

from newsmon.events.resolve import ResolutionSummary
from newsmon.extraction import ExtractionSummary
from newsmon.ingest import RunSummary, format_summary


class MonitorResult(BaseModel):
    ingest: RunSummary
    extraction: ExtractionSummary
    resolution: ResolutionSummary
    delivery: Any = None  # newsmon.alerts.deliver.DeliverySummary

    def one_line(self) -> str:
        i, x, r = self.ingest, self.extraction, self.resolution
        return (f"articles {i.new} new / {i.seen} seen / {i.failed} failed; {x.mentions} mentions from "
                f"{x.articles} articles; {r.events_created} new events, {r.events_updated} updated; "
                f"{r.alerts} alerts")


def format_result(result: MonitorResult) -> str:
    """The console summary of `newsmon run`: sources, then stages, then the alerts raised."""
    x, r = result.extraction, result.resolution
    ingest_text = format_summary(result.ingest).replace("\nNothing new since the last run.", "")
    lines = [ingest_text,
             f"extraction ({x.extractor_version}): {x.mentions} mentions from {x.articles} articles in {x.seconds:.1f}s",
             f"events: {r.events_created} new, {r.events_updated} updated, from {r.mentions} mentions; "
             f"{r.alerts} alerts raised"]
    console = getattr(result.delivery, "console_lines", None) or []
    if console:
        lines.append("alerts:")
        lines += [f"  {line}" for line in console]
    if result.delivery is not None and (result.delivery.channels or result.delivery.unconfigured):
        from newsmon.alerts.deliver import format_delivery

        lines.append("alert delivery:")
        lines += format_delivery(result.delivery)
    if result.ingest.new == 0 and not console:
        lines.append("Nothing new since the last run.")
    return "\n".join(lines)
