"""Indexes a health check puts back when a file lost them (the migrations create them first)."""

from __future__ import annotations

from sqlalchemy import text
from sqlalchemy.orm import Session

# Two live customers never share a code (deleted ones may): a partial unique index.
LIVE_CODE_INDEX = "uq_customers_code_live"


def create_live_code_index(session: Session) -> None:
    """Create the live-code index on a SQLite file (where a copy or an old tool may have dropped it)."""
    session.execute(text(f"CREATE UNIQUE INDEX {LIVE_CODE_INDEX} ON customers (code) WHERE deleted_at IS NULL"))
