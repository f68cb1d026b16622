"""The DuckDB store: schema migrations, named queries, and the writers of each table."""

from newsmon.store.db import apply_migrations, connect, open_store, query

__all__ = ["apply_migrations", "connect", "open_store", "query"]
