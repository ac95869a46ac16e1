"""Stored search keys brought up to the way this version builds them, when a database is opened."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sqlalchemy import bindparam, select, update
from sqlalchemy.orm import Session

from accountdesk.core.archive.search import KEYS_VERSION, build_search_key
from accountdesk.core.storage.models import Contact, Customer, Meta

# In meta, like the change counter: a property of the file's derived data, not a team setting (a
# merge or a restore does not carry it from one file to another; each file knows its own keys).
KEYS_VERSION_KEY = "search_keys_version"
# Customers per write transaction: short, so a colleague saving on a shared file waits little.
_CHUNK = 2000


def stored_keys_version(session: Session) -> int:
    """How the stored keys were built: 1 (one character at a time) when the database never said."""
    value = session.scalar(select(Meta.value).where(Meta.key == KEYS_VERSION_KEY))
    return int(value) if value is not None and value.isdigit() else 1


def _keys_of(session: Session, ids: list[int]) -> list[dict[str, Any]]:
    """The new key of each of these customers whose stored key differs from it."""
    contacts: dict[int, list[Any]] = {}
    for row in session.execute(select(Contact.customer_id, Contact.name, Contact.phone)
                               .where(Contact.customer_id.in_(ids), Contact.deleted_at.is_(None))
                               .order_by(Contact.id)):
        contacts.setdefault(row.customer_id, []).append(row)
    changed = []
    for row in session.execute(select(Customer.id, Customer.name, Customer.code, Customer.phone, Customer.company,
                                      Customer.contact_person, Customer.search_key).where(Customer.id.in_(ids))):
        people = contacts.get(row.id, [])
        key = build_search_key(
            row.name, row.code, row.phone,
            extra_names=[n for n in (row.company, row.contact_person, *(c.name for c in people)) if n],
            extra_phones=[c.phone for c in people],
        )
        if key != row.search_key:
            changed.append({"b_id": row.id, "b_key": key})
    return changed


def _mark_current(session: Session) -> None:
    table = Meta.__table__
    value = str(KEYS_VERSION)
    if not session.execute(table.update().where(table.c.key == KEYS_VERSION_KEY).values(value=value)).rowcount:
        session.execute(table.insert().values(key=KEYS_VERSION_KEY, value=value))


def rebuild_search_keys(database, progress: Callable[[int, int], None] | None = None) -> int:
    """Rebuild every customer's search key (deleted ones too: a restore brings them back), a chunk
    per short write transaction, then record that the keys are current. Returns how many changed.

    Keys are derived data: written with Core, so neither a customer's version nor its updated_at
    moves (a colleague's open form saves without a conflict) and no audit entry is made; the
    change counter still tells other clients that customers changed."""
    with database.session() as session:
        ids = list(session.scalars(select(Customer.id).order_by(Customer.id)))
    statement = update(Customer.__table__).where(Customer.__table__.c.id == bindparam("b_id")) \
        .values(search_key=bindparam("b_key"))
    changed = 0
    for start in range(0, len(ids), _CHUNK):
        with database.write() as session:
            keys = _keys_of(session, ids[start:start + _CHUNK])
            if keys:
                session.execute(statement, keys)
            changed += len(keys)
        if progress is not None:
            progress(min(start + _CHUNK, len(ids)), len(ids))
    with database.write() as session:
        _mark_current(session)
    return changed


def refresh_search_keys(database) -> int | None:
    """Rebuild the stored keys if they were built by an older version (on opening a database);
    how many changed, or None when nothing had to be done (or can be: a read-only database)."""
    if database.read_only:
        return None
    with database.session() as session:
        if stored_keys_version(session) >= KEYS_VERSION:
            return None
    return rebuild_search_keys(database)
