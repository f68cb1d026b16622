"""Alert delivery: the outbox (`alerts` table) drained to its channels."""
