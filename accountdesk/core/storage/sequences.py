"""The customer-code sequence of a server (PostgreSQL; migration 0014 creates it)."""

from __future__ import annotations

from sqlalchemy import Connection, text


def draw_code_numbers(connection: Connection, count: int) -> list[int]:
    """`count` numbers nobody else is ever handed, in ascending order."""
    return sorted(connection.execute(
        text("SELECT nextval('customer_code_seq') FROM generate_series(1, :count)"), {"count": count}).scalars())


def last_code_number(connection: Connection) -> int:
    return connection.execute(text("SELECT last_value FROM customer_code_seq")).scalar_one()


def skip_code_numbers(connection: Connection, gap: int) -> None:
    """Draw and drop `gap` numbers: the sequence only moves forwards."""
    connection.execute(text("SELECT count(nextval('customer_code_seq')) FROM generate_series(1, :gap)"), {"gap": gap})


def set_last_code_number(connection: Connection, number: int) -> None:
    connection.execute(text("SELECT setval('customer_code_seq', :n)"), {"n": number})
