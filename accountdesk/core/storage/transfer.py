"""Every table of one AccountDesk database copied into another, straight through the drivers:
a server's backup into a file (one consistent snapshot) and a file restored onto a server.

Row by row through SQLAlchemy a 100,000-customer book took minutes; here rows stream from a
server-side cursor (or SQLite's own) in driver form, each column converted once by a function
picked for its type, and go in with executemany (SQLite) or COPY (PostgreSQL). A file being
filled keeps no journal and builds its indexes once at the end: it is new, and is deleted if
anything goes wrong.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date, datetime, timezone

from sqlalchemy import Connection, Engine, Table

from accountdesk.core.storage.models import Base, Meta, Presence

_BATCH = 20_000
_SQLITE_INSTANT = "%Y-%m-%d %H:%M:%S.%f"


def copied_tables() -> list[Table]:
    """The tables a backup holds, parents before children (who has the file open is not kept;
    `meta` is copied on its own, as the target keeps some of its own keys)."""
    skip = {Meta.__tablename__, Presence.__tablename__}
    return [table for table in Base.metadata.sorted_tables if table.name not in skip]


@contextmanager
def snapshot(engine: Engine) -> Iterator[Connection]:
    """One read-only transaction that sees the whole database as of one moment, whatever
    colleagues commit meanwhile (REPEATABLE READ on PostgreSQL; on SQLite a read transaction
    sees one state of the file already)."""
    options: dict = {}
    if engine.dialect.name == "postgresql":
        options = {"isolation_level": "REPEATABLE READ", "postgresql_readonly": True}
    with engine.connect() as connection:
        connection = connection.execution_options(**options) if options else connection
        with connection.begin():
            if engine.dialect.name != "postgresql":
                # Hold the snapshot from the first read on (a deferred transaction starts it lazily).
                connection.exec_driver_sql("SELECT count(*) FROM sqlite_master").fetchall()
            yield connection


# --- reading ------------------------------------------------------------------------------------


def server_rows(connection: Connection, table: Table, batch: int = _BATCH) -> Iterator[list[tuple]]:
    """A server table's rows in batches, from a server-side cursor in `connection`'s transaction."""
    columns = ", ".join(f'"{column.name}"' for column in table.columns)
    raw = connection.connection.driver_connection
    with raw.cursor(name=f"accountdesk_copy_{table.name}") as cursor:  # type: ignore[union-attr]
        cursor.itersize = batch
        cursor.execute(f'SELECT {columns} FROM "{table.name}"')
        while rows := cursor.fetchmany(batch):
            yield rows


def file_rows(connection: sqlite3.Connection, table: Table, batch: int = _BATCH) -> Iterator[list[tuple]]:
    columns = ", ".join(f'"{column.name}"' for column in table.columns)
    cursor = connection.execute(f'SELECT {columns} FROM "{table.name}"')
    while rows := cursor.fetchmany(batch):
        yield rows


# --- converting ---------------------------------------------------------------------------------


def _to_file_converter(type_name: str) -> Callable[[object], object] | None:
    """A server value (psycopg's Python object) → what SQLAlchemy's SQLite types store."""
    if type_name in ("UTCDateTime", "DateTime"):
        memo: dict[object, object] = {}

        def instant(value: object) -> object:
            if not isinstance(value, datetime):
                return value
            stored = memo.get(value)
            if stored is None:
                naive = value.astimezone(timezone.utc).replace(tzinfo=None) if value.tzinfo else value
                stored = memo[value] = naive.strftime(_SQLITE_INSTANT)
            return stored

        return instant
    if type_name == "Date":
        return lambda value: value.isoformat() if isinstance(value, date) else value
    if type_name == "Boolean":
        return lambda value: int(value) if isinstance(value, bool) else value
    if type_name == "JSON":
        return lambda value: None if value is None else json.dumps(value, ensure_ascii=False)
    return None


def _to_server_converter(type_name: str) -> Callable[[object], object] | None:
    """A file value (sqlite3's) → what COPY takes for the server column: the file's text for
    instants, days and JSON is what the server parses; flags are stored as 0 and 1."""
    if type_name == "Boolean":
        return lambda value: None if value is None else bool(value)
    return None


def _converted(rows: list[tuple], converters: list[tuple[int, Callable[[object], object]]]) -> list[tuple]:
    if not converters:
        return rows
    result = []
    for row in rows:
        values = list(row)
        for index, convert in converters:
            values[index] = convert(values[index])
        result.append(tuple(values))
    return result


def _converters(table: Table, pick) -> list[tuple[int, Callable[[object], object]]]:
    found = []
    for index, column in enumerate(table.columns):
        convert = pick(type(column.type).__name__)
        if convert is not None:
            found.append((index, convert))
    return found


# --- writing ------------------------------------------------------------------------------------


def fill_file(target: sqlite3.Connection, batches: Callable[[Table], Iterator[list[tuple]]],
              progress: Callable[[str, int], None] | None = None) -> dict[str, int]:
    """Empty every copied table of a new AccountDesk file and fill it from `batches(table)`
    (server rows); indexes are dropped first and built again at the end, once."""
    counts: dict[str, int] = {}
    tables = copied_tables()
    target.execute("PRAGMA foreign_keys=OFF")
    target.execute("PRAGMA journal_mode=OFF")
    target.execute("PRAGMA synchronous=OFF")
    target.execute("PRAGMA cache_size=-262144")
    names = [table.name for table in tables]
    indexes = [(name, sql) for name, sql in target.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN "
        f"({', '.join('?' for _ in names)})", names)]
    target.execute("BEGIN")
    for name, _sql in indexes:
        target.execute(f'DROP INDEX "{name}"')
    for table in reversed(tables):
        target.execute(f'DELETE FROM "{table.name}"')  # the defaults a new file starts with
    for table in tables:
        converters = _converters(table, _to_file_converter)
        columns = ", ".join(f'"{column.name}"' for column in table.columns)
        marks = ", ".join("?" for _ in table.columns)
        sql = f'INSERT INTO "{table.name}" ({columns}) VALUES ({marks})'
        count = 0
        for rows in batches(table):
            target.executemany(sql, _converted(rows, converters))
            count += len(rows)
            if progress is not None:
                progress(table.name, count)
        counts[table.name] = count
    for _name, sql in indexes:
        target.execute(sql)
    target.execute("COMMIT")
    return counts


def fill_server(connection: Connection, batches: Callable[[Table], Iterator[list[tuple]]],
                progress: Callable[[str, int], None] | None = None) -> dict[str, int]:
    """Fill the copied tables of an empty server database from `batches(table)` (file rows) with
    COPY, in `connection`'s transaction; the id sequences are moved past the ids copied."""
    counts: dict[str, int] = {}
    raw = connection.connection.driver_connection
    tables = copied_tables()
    for table in reversed(tables):
        connection.exec_driver_sql(f'DELETE FROM "{table.name}"')  # the defaults a new database starts with
    with raw.cursor() as cursor:  # type: ignore[union-attr]
        for table in tables:
            converters = _converters(table, _to_server_converter)
            columns = ", ".join(f'"{column.name}"' for column in table.columns)
            count = 0
            with cursor.copy(f'COPY "{table.name}" ({columns}) FROM STDIN') as copy:
                for rows in batches(table):
                    for row in _converted(rows, converters):
                        copy.write_row(row)
                    count += len(rows)
                    if progress is not None:
                        progress(table.name, count)
            counts[table.name] = count
            key = table.primary_key.columns.values()
            if len(key) == 1 and key[0].autoincrement is not False and type(key[0].type).__name__ == "Integer":
                cursor.execute(
                    f"SELECT setval(pg_get_serial_sequence('\"{table.name}\"', '{key[0].name}'), "
                    f'coalesce((SELECT max("{key[0].name}") FROM "{table.name}"), 0) + 1, false)')
    return counts
