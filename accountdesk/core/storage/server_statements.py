"""Statements written as SQL text on a server connection (PostgreSQL): what restoring a backup
onto a server and telling whether it holds data need."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import Connection, text


def row_count(connection: Connection, table_name: str) -> int:
    return connection.execute(text(f'SELECT count(*) FROM "{table_name}"')).scalar_one()


def keep_authors(connection: Connection) -> None:
    """For the rest of the transaction the server's author trigger (migration 0018) lets the
    tables' owner keep the names rows bring (a restore brings back who wrote what)."""
    connection.execute(text("SET LOCAL accountdesk.keep_authors = 'on'"))


def upsert_meta(connection: Connection, pairs: Iterable[tuple[str, str]]) -> None:
    for key, value in pairs:
        connection.execute(text("INSERT INTO meta (key, value) VALUES (:key, :value) "
                                "ON CONFLICT (key) DO UPDATE SET value = excluded.value"),
                           {"key": key, "value": value})


def bump_change_counter(connection: Connection) -> None:
    """Everyone with this database open sees a change (and reloads)."""
    connection.execute(text(
        "INSERT INTO meta (key, value) VALUES ('change_counter', '1') ON CONFLICT (key) "
        "DO UPDATE SET value = CAST(CAST(meta.value AS BIGINT) + 1 AS VARCHAR)"))
