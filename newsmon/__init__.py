"""newsmon: a streaming monitor for Venezuela-policy developments.

The package holds the plain, typed functions that the Prefect flows in `flows/`
wire together: settings, models, seed and feed readers, and the DuckDB store.
"""

__version__ = "0.1.0"
