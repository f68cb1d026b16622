"""Connections, schema migrations and named queries.

Schema files `sql/schema/NNN_name.sql` are applied once each, in order, and recorded in
`schema_version`. Queries live in `sql/queries/NAME.sql` and are loaded by name; callers bind
parameters, never format values into SQL.
"""

from __future__ import annotations

import functools
import importlib.util
import re
import sys
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

import duckdb

from newsmon.settings import PROJECT_ROOT

# DuckDB's Python client tries `import pandas` (twice) for every bound value when pandas is not
# installed; each failed import walks sys.path (~0.3 ms). Recording the absence once turns the
# probe into a dict lookup: binding 1,000 rows drops from ~500 ms to ~40 ms. Only when pandas is
# really absent, so a user who has it keeps it.
if importlib.util.find_spec("pandas") is None:
    sys.modules.setdefault("pandas", None)  # type: ignore[assignment]

SQL_DIR = PROJECT_ROOT / "sql"
_SCHEMA_FILE = re.compile(r"^(\d{3})_[a-z0-9_]+\.sql$")


class StoreLockedError(RuntimeError):
    """Another process holds the DuckDB file (DuckDB allows one writer per file)."""


class StoreOpenError(RuntimeError):
    """The store path cannot be a DuckDB store: a folder, a file that is not DuckDB's, a path
    under a regular file. The message is one line that names the path and what is wrong."""


# Bytes 8-11 of every DuckDB database file (after an 8-byte checksum) read "DUCK".
_DUCKDB_MAGIC = b"DUCK"


def check_store_path(db_path: Path | str) -> None:
    """Raise StoreOpenError when `db_path` cannot be opened or created as a store. Opens no
    database and takes no lock, so a command can check before it starts any work."""
    if str(db_path) == ":memory:":
        return
    path = Path(db_path)
    if path.is_dir():
        raise StoreOpenError(f"the store path {path} is a folder, not a DuckDB file "
                             f"(give a file path such as {path / 'newsmon.duckdb'})")
    if path.exists():
        try:
            with path.open("rb") as f:
                header = f.read(12)
        except OSError as exc:
            raise StoreOpenError(f"cannot read the store {path}: {exc.strerror or exc}") from exc
        if header[8:12] != _DUCKDB_MAGIC:
            raise StoreOpenError(f"{path} is not a DuckDB database file (corrupt or another kind of "
                                 f"file): move it away or give another store path")
        return
    for parent in path.parents:
        if parent.exists():
            if not parent.is_dir():
                raise StoreOpenError(f"cannot create the store {path}: {parent} is a file, not a folder")
            return


def schema_files(sql_dir: Path = SQL_DIR) -> list[tuple[int, Path]]:
    files = []
    for path in sorted((sql_dir / "schema").glob("*.sql")):
        match = _SCHEMA_FILE.match(path.name)
        if not match:
            raise ValueError(f"schema file {path.name} is not named NNN_name.sql")
        files.append((int(match.group(1)), path))
    versions = [v for v, _ in files]
    if len(set(versions)) != len(versions):
        raise ValueError(f"duplicate schema version numbers in {sql_dir / 'schema'}")
    return files


def apply_migrations(con: duckdb.DuckDBPyConnection, sql_dir: Path = SQL_DIR) -> list[int]:
    """Apply the schema files not applied yet; returns the versions applied now."""
    con.execute(
        "CREATE TABLE IF NOT EXISTS schema_version ("
        " version INTEGER PRIMARY KEY, name VARCHAR NOT NULL,"
        " applied_at TIMESTAMPTZ NOT NULL DEFAULT current_timestamp)"
    )
    done = {row[0] for row in con.execute("SELECT version FROM schema_version").fetchall()}
    applied = []
    for version, path in schema_files(sql_dir):
        if version in done:
            continue
        con.execute("BEGIN TRANSACTION")
        try:
            con.execute(path.read_text(encoding="utf-8"))
            con.execute("INSERT INTO schema_version (version, name) VALUES (?, ?)", [version, path.name])
            con.execute("COMMIT")
        except Exception:
            con.execute("ROLLBACK")
            raise
        applied.append(version)
    return applied


@functools.cache
def query(name: str) -> str:
    """The text of `sql/queries/<name>.sql`."""
    path = SQL_DIR / "queries" / f"{name}.sql"
    if not path.is_file():
        raise KeyError(f"no named query {name!r} (looked for {path})")
    return path.read_text(encoding="utf-8")


def connect(db_path: Path | str, read_only: bool = False, lock_wait_s: float = 0.0) -> duckdb.DuckDBPyConnection:
    """Open the store, waiting up to `lock_wait_s` while another process holds the file."""
    target = str(db_path)
    deadline = time.monotonic() + lock_wait_s
    delay = 0.1
    while True:
        try:
            return duckdb.connect(target, read_only=read_only)
        except duckdb.Error as exc:
            if not (isinstance(exc, duckdb.IOException) and "lock" in str(exc).lower()):
                raise _open_error(target, exc) from exc
            if time.monotonic() >= deadline:
                raise StoreLockedError(
                    f"the store {target} is in use by another process (a run is writing it); "
                    f"waited {lock_wait_s:.0f}s. Try again when the run ends."
                ) from exc
            time.sleep(delay)
            delay = min(delay * 2, 1.0)


def _open_error(target: str, exc: Exception) -> StoreOpenError:
    """DuckDB's reason in one line, prefixed with the path, for an error that is not a lock."""
    try:
        check_store_path(target)  # a folder, a foreign file, a path under a file: say which
    except StoreOpenError as clear:
        return clear
    reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    return StoreOpenError(f"cannot open the store {target}: {reason}")


@contextmanager
def open_store(db_path: Path | str, lock_wait_s: float = 0.0) -> Iterator[duckdb.DuckDBPyConnection]:
    """A read-write connection with the schema up to date; closed on exit."""
    if str(db_path) != ":memory:":
        try:
            Path(db_path).parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:  # e.g. a parent is a regular file: "File exists" alone says too little
            check_store_path(db_path)
            raise StoreOpenError(f"cannot create the store {db_path}: {exc.strerror or exc}") from exc
    con = connect(db_path, lock_wait_s=lock_wait_s)
    try:
        apply_migrations(con)
        yield con
    finally:
        con.close()
