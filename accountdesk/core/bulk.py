"""Fast bulk inserts of tracked rows (demo data, large imports): the driver's executemany, bookkeeping set here."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import datetime

from sqlalchemy import Table, insert
from sqlalchemy.engine import Connection

# Bulk inserts bypass the ORM flush (and so audit.py), so they set what a flush would have set.
STAMP_COLUMNS = ("uid", "created_at", "updated_at", "updated_by", "version")
_VARIANT = {c: "89ab"[int(c, 16) & 3] for c in "0123456789abcdef"}


def new_uids(count: int) -> list[str]:
    """`count` random version-4 UUIDs as text, several times faster than str(uuid.uuid4()) in a loop."""
    blob = os.urandom(16 * count).hex()
    return [
        f"{blob[k:k + 8]}-{blob[k + 8:k + 12]}-4{blob[k + 13:k + 16]}-{_VARIANT[blob[k + 16]]}{blob[k + 17:k + 20]}-"
        f"{blob[k + 20:k + 32]}"
        for k in range(0, 32 * count, 32)
    ]


class BulkInserter:
    """Inserts many rows of one table in one executemany, converting values exactly as SQLAlchemy would.

    Rows are tuples in the order of `columns`; with `now` and `user` given, the stamp columns
    (uid, created_at, updated_at, updated_by, version) are prepended to each row here.
    SQLAlchemy's own executemany converts every value of every row; here each column's converter
    runs once per distinct value, which matters when 300,000 rows share one timestamp.
    """

    def __init__(self, connection: Connection, table: Table, columns: Sequence[str], *,
                 now: datetime | None = None, user: str | None = None) -> None:
        self.connection = connection
        self.table = table
        self.stamped = now is not None
        self.now, self.user = now, user
        names = (*STAMP_COLUMNS, *columns) if self.stamped else tuple(columns)
        self.names = names
        dialect = connection.dialect
        self.processors = [
            (index, processor, {})
            for index, name in enumerate(names)
            if (processor := table.c[name].type.dialect_impl(dialect).bind_processor(dialect)) is not None
        ]
        marker = {"qmark": "?", "format": "%s", "pyformat": "%s"}.get(dialect.paramstyle)
        quote = dialect.identifier_preparer.quote
        self.sql = None
        if marker is not None:
            self.sql = (f"INSERT INTO {dialect.identifier_preparer.format_table(table)} "
                        f"({', '.join(quote(n) for n in names)}) VALUES ({', '.join([marker] * len(names))})")

    def _stamped(self, rows: list[Sequence]) -> list[list]:
        if not self.stamped:
            return [list(row) for row in rows]
        head = (self.now, self.now, self.user, 1)
        return [[uid, *head, *row] for uid, row in zip(new_uids(len(rows)), rows, strict=True)]

    def insert(self, rows: Iterable[Sequence]) -> int:
        rows = rows if isinstance(rows, list) else list(rows)
        if not rows:
            return 0
        prepared = self._stamped(rows)
        if self.sql is None:  # a driver with another parameter style: let SQLAlchemy do it all
            self.connection.execute(insert(self.table), [dict(zip(self.names, row, strict=True)) for row in prepared])
            return len(prepared)
        for index, processor, memo in self.processors:
            for row in prepared:
                value = row[index]
                try:
                    row[index] = memo[value]
                except KeyError:
                    row[index] = memo[value] = processor(value)
                except TypeError:  # unhashable (e.g. a JSON document)
                    row[index] = processor(value)
            if len(memo) > 50_000:
                memo.clear()
        self.connection.exec_driver_sql(self.sql, [tuple(row) for row in prepared])
        return len(prepared)


def reserve_ids(connection: Connection, table: Table, count: int) -> list[int] | None:
    """`count` fresh primary keys for `table`, so child rows can be built before the parents are sent.

    SQLite: the caller holds the write lock (a write session begins IMMEDIATE), so the keys after
    the current maximum stay free. PostgreSQL: drawn from the table's own sequence, so other
    clients never collide. Other backends: None (insert with RETURNING instead).
    """
    if count <= 0:
        return []
    name = connection.dialect.name
    if name == "sqlite":
        quoted = connection.dialect.identifier_preparer.format_table(table)
        highest = connection.exec_driver_sql(f"SELECT max(id) FROM {quoted}").scalar() or 0
        return list(range(highest + 1, highest + 1 + count))
    if name == "postgresql":
        result = connection.exec_driver_sql(
            "SELECT nextval(pg_get_serial_sequence(%s, 'id')) FROM generate_series(1, %s)", (table.name, count))
        return [row[0] for row in result]
    return None


@contextmanager
def roomy_cache(connection: Connection, mebibytes: int = 256) -> Iterator[None]:
    """On SQLite, a larger page cache while a bulk insert runs (random UUID keys touch pages all
    over their index); the connection's own setting is restored afterwards."""
    if connection.dialect.name != "sqlite":
        yield
        return
    before = connection.exec_driver_sql("PRAGMA cache_size").scalar()
    connection.exec_driver_sql(f"PRAGMA cache_size={-1024 * mebibytes}")
    try:
        yield
    finally:
        connection.exec_driver_sql(f"PRAGMA cache_size={int(before)}")
