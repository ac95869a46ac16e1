"""SQL expressions that turn stored dates and instants into plain numbers on SQLite and PostgreSQL alike.

Reading integers instead of date objects lets a query hand 100,000 rows to Python cheaply;
the local date of an instant is then worked out in Python (the database knows no local zone).
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import Integer, cast, func, literal_column
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import ColumnElement

# date.toordinal() of 1 January 1 is 1; its Julian day number at midnight is 1721425.5.
_JULIAN_DAY_OF_ORDINAL_ZERO = 1721424.5


def dialect_name(session: Session) -> str:
    return session.get_bind().dialect.name


def epoch_seconds(session: Session, instant: ColumnElement) -> ColumnElement:
    """Seconds since 1970-01-01 UTC of a stored (naive UTC) instant."""
    if dialect_name(session) == "postgresql":
        return cast(func.extract("epoch", instant), Integer)
    return cast(func.strftime("%s", instant), Integer)


def day_ordinal(session: Session, day: ColumnElement) -> ColumnElement:
    """date.toordinal() of a stored date."""
    if dialect_name(session) == "postgresql":
        return cast(day - literal_column("DATE '0001-01-01'"), Integer) + 1
    return cast(func.julianday(day) - _JULIAN_DAY_OF_ORDINAL_ZERO, Integer)


def ordinal_text(session: Session, ordinal: ColumnElement) -> ColumnElement:
    """date.fromordinal(n).isoformat() of an integer day number, as text ("2026-11-20")."""
    if dialect_name(session) == "postgresql":
        return func.to_char(literal_column("DATE '0001-01-01'") + (ordinal - 1), "YYYY-MM-DD")
    return func.date(ordinal + _JULIAN_DAY_OF_ORDINAL_ZERO)


def month_day(session: Session, day: ColumnElement) -> ColumnElement:
    """A stored date's month and day as one value, written exactly as the month-day indexes of
    migration 0002 are (customers' birthdays and cooperation starts), so lookups use them:
    'MM-DD' text on SQLite (dates are stored as ISO text), month × 100 + day on PostgreSQL."""
    if dialect_name(session) == "postgresql":
        return literal_column(f"(EXTRACT(MONTH FROM {day.table.name}.{day.name}) * 100 "
                              f"+ EXTRACT(DAY FROM {day.table.name}.{day.name}))")
    return literal_column(f"substr({day.table.name}.{day.name}, 6)")  # a literal 6, as in the index


def month_day_values(session: Session, pairs: Iterable[tuple[int, int]]) -> list:
    """(month, day) pairs as month_day() gives them."""
    if dialect_name(session) == "postgresql":
        return [month * 100 + day for month, day in pairs]
    return [f"{month:02d}-{day:02d}" for month, day in pairs]


def without_index(session: Session, column) -> ColumnElement:
    """The column written "+column" on SQLite, which keeps the planner from using an index on it.

    For reads over most of a table SQLite otherwise walks that index and fetches rows in its
    order (random pages); without it, it scans in table order or picks a better index. PostgreSQL
    plans these reads well by itself.
    """
    if dialect_name(session) == "postgresql":
        return column
    return literal_column(f"+{column.table.name}.{column.name}", column.type)


def driver_rows(connection, statement) -> list[tuple]:
    """Every row of `statement` as the driver gives it (plain tuples; dates as SQLite's text).

    For reads of 100,000 rows and more: SQLAlchemy's result rows cost more than the database's
    own work there. SQLAlchemy still compiles the statement and converts its parameters.
    """
    result = connection.execute(statement)
    try:
        return result.cursor.fetchall()
    finally:
        result.close()


def first_column(session: Session, statement) -> list:
    """The first column of every row of `statement`, as the driver gives it (see driver_rows)."""
    return [row[0] for row in driver_rows(session.connection(), statement)]
