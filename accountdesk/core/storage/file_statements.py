"""Statements on an AccountDesk file opened straight with sqlite3 (no engine): switching its mode,
reading who is present, backups and restores, and the change watcher's cheap poll."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable

from accountdesk.core.storage.change_counter import CHANGE_COUNTER_KEY

_UPSERT_META = "INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value"


def presence_rows(connection: sqlite3.Connection) -> list[tuple]:
    """(user, machine, pid, since, heartbeat_at, session_uid) of every presence row."""
    return connection.execute("SELECT user, machine, pid, since, heartbeat_at, session_uid FROM presence").fetchall()


def upsert_meta(connection: sqlite3.Connection, pairs: Iterable[tuple[str, str]]) -> None:
    """Set meta keys to values, in the connection's current transaction (or at once in autocommit)."""
    connection.executemany(_UPSERT_META, pairs)


def upsert_meta_immediately(connection: sqlite3.Connection, pairs: Iterable[tuple[str, str]]) -> None:
    """Set meta keys in a transaction of their own that takes the write lock first (BEGIN IMMEDIATE);
    `connection` is in autocommit mode (isolation_level=None)."""
    connection.execute("BEGIN IMMEDIATE")
    upsert_meta(connection, pairs)
    connection.execute("COMMIT")


def meta_pairs(connection: sqlite3.Connection) -> list[tuple[str, str]]:
    return [(key, value) for key, value in connection.execute("SELECT key, value FROM meta")]


def customer_codes(connection: sqlite3.Connection) -> list[str]:
    """Every customer's code, deleted ones too."""
    return [code for (code,) in connection.execute("SELECT code FROM customers")]


def change_counter(connection: sqlite3.Connection) -> int:
    row = connection.execute("SELECT value FROM meta WHERE key=?", (CHANGE_COUNTER_KEY,)).fetchone()
    return int(row[0]) if row else 0
