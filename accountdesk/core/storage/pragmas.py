"""SQLite's settings of a connection or a file (PRAGMA), each a named function.

`connection` is a sqlite3 connection opened straight on the file (mode switches, backups,
the change watcher); `session` one of the application's SQLAlchemy sessions.
"""

from __future__ import annotations

import sqlite3

from sqlalchemy import text
from sqlalchemy.orm import Session


def set_journal_mode(connection: sqlite3.Connection, mode: str) -> str:
    """Ask for journal `mode` (wal, delete); returns the mode the file is in afterwards."""
    return connection.execute(f"PRAGMA journal_mode={mode.upper()}").fetchone()[0]


def journal_mode(connection: sqlite3.Connection) -> str:
    return connection.execute("PRAGMA journal_mode").fetchone()[0]


def set_busy_timeout(connection: sqlite3.Connection, milliseconds: int) -> None:
    connection.execute(f"PRAGMA busy_timeout={int(milliseconds)}")


def set_full_sync(connection: sqlite3.Connection) -> None:
    connection.execute("PRAGMA synchronous=FULL")


def data_version(connection: sqlite3.Connection) -> int:
    """A number that moves whenever another connection commits to the file."""
    return int(connection.execute("PRAGMA data_version").fetchone()[0])


def set_cache_size(session: Session, kibibytes: int) -> None:
    """The page cache of the session's connection, in KiB (SQLite's default is 2000)."""
    session.execute(text(f"PRAGMA cache_size=-{int(kibibytes)}"))
