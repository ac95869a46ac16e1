"""The change counter: every commit that changed user data bumps meta 'change_counter'.

A watcher (team.ChangeWatcher) compares it to the value it saw last. This works the same on
SQLite and PostgreSQL (no listening connection to keep alive, works through poolers), ignores
presence heartbeats (not user data), and lets a client tell its own commits from other
people's: it remembers the counter values its own commits produced. Chosen over LISTEN/NOTIFY,
which needs a dedicated connection per client and misses notifications while reconnecting.
Importing this module installs the session listeners (db.py should import it, like audit).
"""

from __future__ import annotations

import weakref

from sqlalchemy import BigInteger, Pool, String, cast, event, select
from sqlalchemy.orm import ORMExecuteState, Session

from accountdesk.core.changes import changes_for_table, record
from accountdesk.core.storage.models import TRACKED_MODELS, AuditEntry, Meta, Tracked

CHANGE_COUNTER_KEY = "change_counter"

_TRACKED_TABLES = frozenset(model.__tablename__ for model in TRACKED_MODELS) | {
    AuditEntry.__tablename__, "customer_tags", "import_batches", "import_records",
}
_FLAG = "accountdesk_wrote_user_data"
# Counter values this process's commits produced, per connection pool: one pool is one open
# Database (its write engine shares the pool), so a second Database on the same file — another
# window — counts as someone else.
_own_counters: weakref.WeakKeyDictionary[Pool, set[int]] = weakref.WeakKeyDictionary()


def own_counter_values(session_or_bind) -> set[int]:
    """The counter values this process's own commits on that database produced (and not yet seen)."""
    bind = session_or_bind.get_bind() if isinstance(session_or_bind, Session) else session_or_bind
    return _own_counters.setdefault(bind.pool, set())


@event.listens_for(Session, "after_flush")
def _note_orm_write(session: Session, context) -> None:
    if any(isinstance(obj, Tracked) for obj in (*session.new, *session.dirty, *session.deleted)):
        session.info[_FLAG] = True


def note_write(session: Session, table_name: str, customer_ids=()) -> None:
    """A statement wrote many rows of `table_name` at once: count it for the change counter and
    record what it changed, as a flush does for the rows it writes."""
    if table_name in _TRACKED_TABLES:
        session.info[_FLAG] = True
        record(session, changes_for_table(table_name, customer_ids))


@event.listens_for(Session, "do_orm_execute")
def _note_statement_write(state: ORMExecuteState) -> None:
    # Bulk Core statements run through the session (imports, demo data, merge, planning) count too.
    if not (state.is_insert or state.is_update or state.is_delete):
        return
    table = getattr(state.statement, "table", None)
    name = getattr(table, "name", None)
    if name:
        note_write(state.session, name)


@event.listens_for(Session, "before_commit")
def _bump_on_commit(session: Session) -> None:
    if session.info.get("skip_change_counter"):
        return
    session.flush()  # the final flush happens after this hook; do it now so its writes count
    if session.info.pop(_FLAG, False):
        bump_change_counter(session)


@event.listens_for(Session, "after_rollback")
def _forget_on_rollback(session: Session) -> None:
    session.info.pop(_FLAG, None)


def bump_change_counter(session: Session) -> int:
    """Count one more committed change; returns the new value (remembered as our own)."""
    dialect = session.get_bind().dialect.name
    # Imported here: the PostgreSQL dialect package costs a tenth of a second at start-up.
    if dialect == "postgresql":
        from sqlalchemy.dialects.postgresql import insert as factory
    else:
        from sqlalchemy.dialects.sqlite import insert as factory
    table = Meta.__table__
    statement = factory(table).values(key=CHANGE_COUNTER_KEY, value="1")
    statement = statement.on_conflict_do_update(
        index_elements=[table.c.key],
        set_={"value": cast(cast(table.c.value, BigInteger) + 1, String)},
    ).returning(table.c.value)
    value = int(session.connection().execute(statement).scalar_one())
    own_counter_values(session).add(value)
    return value


def read_change_counter(connection) -> int:
    value = connection.execute(select(Meta.value).where(Meta.key == CHANGE_COUNTER_KEY)).scalar()
    return int(value) if value is not None else 0
