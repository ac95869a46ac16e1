"""Fast inserts of many generated rows (reminders, revisit plans) straight through the database driver.

SQLAlchemy's per-row parameter processing costs ~15 µs a row, too much for the 100,000 rows a
first reminder run over a large archive can raise; here values are converted once, in bulk,
to what each driver stores, and sent with one executemany.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date, datetime, timezone

from sqlalchemy import Connection, Table
from sqlalchemy.orm import Session

from accountdesk.core.storage.change_counter import note_write
from accountdesk.core.storage.models import DERIVED_COLUMNS
from accountdesk.core.storage.sql import dialect_name


def _instant(postgres: bool) -> Callable[[object], object]:
    # A run stamps all its rows with one instant: converting each distinct value once is what
    # keeps 100,000 rows × 2 stamps cheap.
    memo: dict[object, object] = {}

    def convert(value: object) -> object:
        if not isinstance(value, datetime):
            return value
        stored = memo.get(value)
        if stored is None:
            naive = value.astimezone(timezone.utc).replace(tzinfo=None)
            # The text form SQLAlchemy's SQLite type stores and reads back; PostgreSQL takes the value.
            stored = naive if postgres else naive.strftime("%Y-%m-%d %H:%M:%S.%f")
            memo[value] = stored
        return stored

    return convert


def _day(value: object) -> object:
    return value.isoformat() if isinstance(value, date) else value


def _flag(value: object) -> object:
    return int(value) if isinstance(value, bool) else value


def _document(value: object) -> object:
    return json.dumps(value, ensure_ascii=False) if isinstance(value, dict | list) else value


def _converter(column_type: object, postgres: bool) -> Callable[[object], object] | None:
    """How a column's Python values become what the driver stores (None: as they are)."""
    name = type(column_type).__name__
    if name in ("UTCDateTime", "DateTime"):
        return _instant(postgres)
    if name == "JSON":
        return _document
    if postgres:
        return None
    if name == "Date":
        return _day
    if name == "Boolean":
        return _flag
    return None


def _driver_form(table: Table, columns: list[str], rows: list[tuple], postgres: bool) -> list[tuple]:
    """Rows with each value as the driver stores it (a trailing id, past `columns`, is left as is).
    Column by column rather than value by value: most columns need no conversion at all."""
    converters = [(index, convert) for index, name in enumerate(columns)
                  if (convert := _converter(table.c[name].type, postgres)) is not None]
    if not converters:
        return rows
    converted = []
    for row in rows:
        values = list(row)
        for index, convert in converters:
            values[index] = convert(values[index])
        converted.append(tuple(values))
    return converted


def _note_rows(session: Session, table: Table, columns: list[str], rows: list[tuple]) -> None:
    """Count a driver-level insert like any other write, naming the customers it touched."""
    customer_ids: set = set()
    if "customer_id" in columns:
        index = columns.index("customer_id")
        customer_ids = {row[index] for row in rows if row[index] is not None}
    note_write(session, table.name, customer_ids)


def update_derived(session: Session, table: Table, columns: list[str], rows: list[tuple]) -> int:
    """UPDATE what the system derives (models.DERIVED_COLUMNS) for rows given as (values…, id):
    the row's version and its updated_at/updated_by stay as the last person left them, so a
    background job never makes a person's save a conflict. Returns the rows written."""
    outside = set(columns) - DERIVED_COLUMNS.get(table.name, frozenset())
    if outside:
        raise ValueError(f"{table.name}: {sorted(outside)} are edited by people; write them through the ORM")
    if not rows:
        return 0
    rows = _driver_form(table, columns, rows, dialect_name(session) == "postgresql")
    assignments = ", ".join(f"{name} = ?" for name in columns)
    driver_executemany(session.connection(), f"UPDATE {table.name} SET {assignments} WHERE id = ?", rows)
    note_write(session, table.name, {row[-1] for row in rows} if table.name == "customers" else ())
    return len(rows)


def driver_executemany(connection: Connection, sql: str, rows: list[tuple]) -> None:
    """executemany straight to the driver, `sql` written with ? marks: at many thousand rows
    SQLAlchemy's per-row parameter handling costs more than the database's own work, so rows
    arrive in driver form."""
    if connection.dialect.paramstyle != "qmark":
        sql = sql.replace("?", "%s")
    connection.exec_driver_sql(sql, rows)


def add_to_columns(session: Session, table: Table, added: list[str], rows: list[tuple], *,
                   also_set: tuple[str, ...] = (), key: str = "customer_id") -> None:
    """UPDATE `table` SET each of `added` = itself + ?, each of `also_set` = ? WHERE `key` = ?, for
    rows given as (amounts…, values…, key), straight to the driver: plain numbers only (figures
    shifted by a day), where SQLAlchemy's per-row parameter handling would cost more than the updates."""
    assignments = [f"{name} = {name} + ?" for name in added] + [f"{name} = ?" for name in also_set]
    driver_executemany(session.connection(), f"UPDATE {table.name} SET {', '.join(assignments)} WHERE {key} = ?", rows)


def insert_through_driver(connection: Connection, table: Table, columns: list[str], rows: list[tuple]) -> None:
    """INSERT rows already in the driver's form (tuples in `columns` order) with one executemany;
    `?` marks, so SQLite only."""
    preparer = connection.dialect.identifier_preparer
    statement = (f"INSERT INTO {preparer.format_table(table)} ({', '.join(preparer.quote(c) for c in columns)}) "
                 f"VALUES ({', '.join('?' for _ in columns)})")
    connection.exec_driver_sql(statement, rows)


def insert_rows(session: Session, table: Table, columns: list[str], rows: list[tuple],
                *, ignore_conflicts_on: str | None = None) -> int:
    """INSERT the rows (tuples in `columns` order); with `ignore_conflicts_on`, rows whose value in
    that unique column already exists are skipped (ON CONFLICT … DO NOTHING). Returns rows inserted."""
    if not rows:
        return 0
    postgres = dialect_name(session) == "postgresql"
    json_columns = {name for name in columns if table.c[name].type.__class__.__name__ == "JSON"}
    marks = []
    for name in columns:
        mark = "%s" if postgres else "?"
        marks.append(f"CAST({mark} AS JSON)" if postgres and name in json_columns else mark)
    sql = f"INSERT INTO {table.name} ({', '.join(columns)}) VALUES ({', '.join(marks)})"
    if ignore_conflicts_on:
        sql += f" ON CONFLICT ({ignore_conflicts_on}) DO NOTHING"
    result = session.connection().exec_driver_sql(sql, _driver_form(table, columns, rows, postgres))
    _note_rows(session, table, columns, rows)
    return result.rowcount if result.rowcount is not None and result.rowcount >= 0 else len(rows)


_KEY_CHUNK = 5000  # well under SQLite's 32,766 bound parameters


def existing_keys(session: Session, keys: list[str]) -> set[str]:
    """Which of these reminder keys are already raised (looked up through the unique index).

    Straight through the driver: a full pass checks ~100,000 keys, and SQLAlchemy's expanding
    IN costs more than the lookups themselves.
    """
    found: set[str] = set()
    if not keys:
        return found
    connection = session.connection()
    if dialect_name(session) == "postgresql":
        rows = connection.exec_driver_sql("SELECT key FROM reminders WHERE key = ANY(%s)", (list(keys),))
        return {row[0] for row in rows}
    for start in range(0, len(keys), _KEY_CHUNK):
        chunk = keys[start:start + _KEY_CHUNK]
        marks = ",".join("?" * len(chunk))
        found.update(row[0] for row in connection.exec_driver_sql(
            f"SELECT key FROM reminders WHERE key IN ({marks})", tuple(chunk)))
    return found
