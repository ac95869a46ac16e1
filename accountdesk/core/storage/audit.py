"""The audit trail: every ORM change to a tracked row stamps its author and leaves who/when/field/old → new."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import event, inspect, select
from sqlalchemy.orm import Session

from accountdesk.core.changes import TABLE_FLAGS, changes_of
from accountdesk.core.storage.models import DERIVED_COLUMNS, AuditEntry, Customer, Tracked, new_uid, utcnow

# Bookkeeping columns that change on every save and say nothing to a reader.
UNAUDITED = {"id", "uid", "created_at", "updated_at", "updated_by", "version", "search_key"}


def _text(value: object) -> str | None:
    if value is None:
        return None
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return format(value, "f")
    return str(value)


def _customer_id(obj: Tracked) -> int | None:
    if isinstance(obj, Customer):
        return obj.id
    return getattr(obj, "customer_id", None)


def _note_change(session: Session, obj: Tracked, action: str) -> None:
    changes = changes_of(session)
    customer_id = _customer_id(obj)
    if customer_id is not None:
        changes.customers.add(customer_id)
    if isinstance(obj, Customer):
        if action != "update":
            changes.customer_list = True
        return
    flag = TABLE_FLAGS.get(obj.__tablename__)
    if flag:
        setattr(changes, flag, True)


def _column_keys(obj: Tracked) -> list[str]:
    return [attr.key for attr in inspect(obj).mapper.column_attrs if attr.key not in UNAUDITED]


def _changed_columns(obj: Tracked) -> dict[str, tuple[object, object]]:
    """Column → (old, new) for what really changed in this flush (bookkeeping columns aside)."""
    state = inspect(obj)
    changed = {}
    for key in _column_keys(obj):
        history = state.attrs[key].history
        if not history.has_changes():
            continue
        old = history.deleted[0] if history.deleted else None
        new = history.added[0] if history.added else None
        if old != new:
            changed[key] = (old, new)
    return changed


@event.listens_for(Session, "before_flush")
def _stamp_and_audit(session: Session, _context, _instances) -> None:
    user = session.info.get("user")
    now = utcnow()
    pending: list[tuple[Tracked, str, list[tuple[str | None, str | None, str | None]]]] = []
    for obj in session.new:
        if isinstance(obj, Tracked):
            obj.updated_by = user
            obj.updated_at = now
            pending.append((obj, "create", []))
    for obj in session.dirty:
        if not isinstance(obj, Tracked) or not session.is_modified(obj, include_collections=False):
            continue
        changed = _changed_columns(obj)
        derived = DERIVED_COLUMNS.get(obj.__tablename__, frozenset())
        if not changed or all(key in derived for key in changed):
            continue  # nothing, or only what the system derives: no stamp, no version, no audit
        version = inspect(obj).attrs["version"]
        if not version.history.has_changes():  # a writer that sets the version itself is left be
            obj.version = (version.loaded_value if isinstance(version.loaded_value, int) else obj.version) + 1
        obj.updated_by = user
        obj.updated_at = now
        action = "update"
        fields = []
        for key, (old, new) in changed.items():
            if key == "deleted_at":
                action = "delete" if new is not None else "restore"
                continue
            fields.append((key, _text(old), _text(new)))
        pending.append((obj, action, fields))
    if not session.info.get("skip_audit"):
        session.info.setdefault("audit_pending", []).extend(pending)


@event.listens_for(Session, "after_flush")
def _write_audit(session: Session, _context) -> None:
    # Written after the flush so new rows have their ids (a customer's trail is found by id).
    pending = session.info.pop("audit_pending", [])
    if not pending:
        return
    for obj, action, _fields in pending:
        _note_change(session, obj, action)
    user = session.info.get("user")
    now = utcnow()
    rows = []
    for obj, action, fields in pending:
        base = {
            "at": now,
            "user": user,
            "entity": obj.__tablename__,
            "entity_uid": obj.uid,
            "customer_id": _customer_id(obj),
            "action": action,
        }
        if action == "update":
            rows.extend({**base, "field": f, "old_value": o, "new_value": n} for f, o, n in fields)
        else:
            rows.append({**base, "field": None, "old_value": None, "new_value": None})
            rows.extend({**base, "action": "update", "field": f, "old_value": o, "new_value": n} for f, o, n in fields)
    if rows:
        for row in rows:
            row["uid"] = new_uid()
        session.connection().execute(AuditEntry.__table__.insert(), rows)


# The action of an entry that keeps a value a person typed and then, facing a colleague's save
# of the same field, chose not to keep: old_value is what stayed, new_value what they had typed.
DISCARDED = "discarded"


def keep_discarded(session: Session, obj: Tracked, discarded: dict[str, object],
                   kept: dict[str, object] | None = None) -> None:
    """Keep in the change history the values a person typed but gave up for a colleague's
    (`kept` gives the value that stayed for fields that are not columns, such as tags)."""
    if not discarded:
        return
    now = utcnow()
    kept = kept or {}
    rows = [
        {"uid": new_uid(), "at": now, "user": session.info.get("user"), "entity": obj.__tablename__,
         "entity_uid": obj.uid, "customer_id": _customer_id(obj), "action": DISCARDED, "field": key,
         "old_value": _text(kept[key] if key in kept else getattr(obj, key, None)),
         "new_value": _text(value)}
        for key, value in discarded.items()
    ]
    # Through the session, so the change counter tells colleagues' history tabs.
    session.execute(AuditEntry.__table__.insert(), rows)
    _note_change(session, obj, "update")


def customer_trail(session: Session, customer_id: int, limit: int = 500) -> list[AuditEntry]:
    """The audit trail of a customer and everything filed under it, newest first."""
    return list(
        session.scalars(
            select(AuditEntry)
            .where(AuditEntry.customer_id == customer_id)
            .order_by(AuditEntry.at.desc(), AuditEntry.id.desc())
            .limit(limit)
        )
    )
