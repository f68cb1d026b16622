"""Store-bound stages of a monitor run that follow ingestion: each opens the store, does its
one job in its own transaction(s), and returns a summary. The flow's tasks call these."""

from __future__ import annotations

from pathlib import Path

from newsmon.events.resolve import ResolutionSummary, resolve_pending
from newsmon.settings import Settings
from newsmon.store.db import open_store


def resolve_stage(db_path: Path, channels: list[str], lock_wait_s: float = 0.0) -> ResolutionSummary:
    """Attach every unresolved mention to its event; events, history and alerts in one transaction."""
    with open_store(db_path, lock_wait_s=lock_wait_s) as con:
        return resolve_pending(con, channels)


def deliver_stage(settings: Settings):
    """Deliver every pending alert of the outbox to its channel, not holding the store while
    the channels are talked to."""
    from newsmon.alerts.deliver import deliver_outbox

    return deliver_outbox(settings.db_path, settings, lock_wait_s=settings.db_lock_wait_s)
