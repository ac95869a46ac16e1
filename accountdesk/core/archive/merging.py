"""Merging a duplicate customer into the one kept: its records move over, it stays as a tombstone, and the merge can be undone."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from accountdesk.core.archive.search import customer_search_key
from accountdesk.core.archive.validation import get_row
from accountdesk.core.i18n import AccountDeskError, Message
from accountdesk.core.storage.models import (
    AuditEntry,
    Contact,
    Customer,
    CustomerMerge,
    Feedback,
    Interaction,
    Reminder,
    RevisitPlan,
    Transaction,
    utcnow,
)
from accountdesk.core.tiering.regrade import regrade_all

# What a customer's archive holds, in the order a preview lists it. Deleted rows move too: a
# tombstone of a contact belongs with the customer like the rest of its history.
MOVED = (Contact, Transaction, Interaction, Feedback, RevisitPlan, Reminder)
MOVED_LABELS = {
    "contacts": Message("联系人", "contacts"),
    "transactions": Message("购买记录", "purchases"),
    "interactions": Message("互动记录", "interactions"),
    "feedback": Message("反馈", "feedback"),
    "revisit_plans": Message("回访计划", "revisit plans"),
    "reminders": Message("提醒", "reminders"),
}
# Audit actions of the two customers' change history (besides the moved rows' own entries).
MERGED = "merge"
UNMERGED = "unmerge"


class MergeRefused(AccountDeskError):
    """A merge or its undo that cannot be done as asked; nothing was written."""


@dataclass
class MergePreview:
    """What merging `other` into `kept` moves: rows per table (by MOVED's table names)."""

    kept_id: int
    kept_code: str
    kept_name: str
    other_id: int
    other_code: str
    other_name: str
    counts: dict[str, int] = field(default_factory=dict)

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    def lines(self, language: str | None = None) -> list[str]:
        return [f"{MOVED_LABELS[table].text(language)}: {count}" for table, count in self.counts.items()]

    def as_dict(self) -> dict[str, Any]:
        return {"kept": {"code": self.kept_code, "name": self.kept_name},
                "merged": {"code": self.other_code, "name": self.other_name}, "moved": dict(self.counts)}


@dataclass
class MergeOutcome:
    merge_id: int
    preview: MergePreview
    undone: bool = False

    def as_dict(self) -> dict[str, Any]:
        return {"merge_id": self.merge_id, "undone": self.undone, **self.preview.as_dict()}


def _live(session: Session, customer_id: int) -> Customer:
    return get_row(session, Customer, customer_id, lock=True)


def _counts(moved: dict[str, list[int]]) -> dict[str, int]:
    return {model.__tablename__: len(moved.get(model.__tablename__, ())) for model in MOVED}


def _rows_of(session: Session, customer_id: int) -> dict[str, list[int]]:
    return {model.__tablename__: list(session.scalars(select(model.id).where(model.customer_id == customer_id)
                                                      .order_by(model.id)))
            for model in MOVED}


def preview_merge(session: Session, kept_id: int, other_id: int) -> MergePreview:
    """What a merge would move, before anything is written (the merge dialog shows it)."""
    if kept_id == other_id:
        raise MergeRefused("不能把客户合并到它自己", "a customer cannot be merged into itself")
    kept = get_row(session, Customer, kept_id)
    other = get_row(session, Customer, other_id)
    return MergePreview(kept.id, kept.code, kept.name, other.id, other.code, other.name,
                        _counts(_rows_of(session, other_id)))


def _note(session: Session, customer: Customer, action: str, field_name: str, value: str) -> None:
    session.add(AuditEntry(user=session.info.get("user"), entity=Customer.__tablename__, entity_uid=customer.uid,
                           customer_id=customer.id, action=action, field=field_name, new_value=value))


def _refresh_keys(session: Session, *customers: Customer) -> None:
    # Contact names are part of a customer's search key: moving contacts moves what finds them.
    session.flush()
    for customer in customers:
        contacts = session.scalars(select(Contact).where(Contact.customer_id == customer.id)).all()
        customer.search_key = customer_search_key(customer, contacts)


def merge_customers(session: Session, kept_id: int, other_id: int, today: date) -> MergeOutcome:
    """Move every contact, purchase, interaction, feedback, revisit plan and reminder of `other`
    to `kept`; `other` becomes a tombstone naming `kept` (its code stays its own); both change
    histories say so; the kept one's figures and tier are worked out again as of `today`."""
    preview = preview_merge(session, kept_id, other_id)
    kept, other = _live(session, kept_id), _live(session, other_id)
    moved = _rows_of(session, other_id)
    for model in MOVED:
        ids = moved[model.__tablename__]
        # Through the ORM, row by row: each move is stamped and audited (customer_id old → new),
        # which is also how the kept figures learn whose purchases moved away.
        for row in session.scalars(select(model).where(model.id.in_(ids))) if ids else ():
            row.customer_id = kept.id
    other.merged_into_id = kept.id
    other.deleted_at = utcnow()
    record = CustomerMerge(user=session.info.get("user"), kept_id=kept.id, merged_id=other.id, moved=moved)
    session.add(record)
    _note(session, kept, MERGED, "merged_from", f"{other.code} {other.name}")
    _note(session, other, MERGED, "merged_into", f"{kept.code} {kept.name}")
    _refresh_keys(session, kept, other)
    session.flush()
    regrade_all(session, today, reason=f"合并客户 {other.code} / merged customer {other.code}")
    return MergeOutcome(record.id, preview)


def last_merge(session: Session, customer_id: int) -> CustomerMerge | None:
    """The newest merge not undone that this customer took part in (kept or merged away)."""
    return session.scalar(
        select(CustomerMerge)
        .where(CustomerMerge.undone_at.is_(None),
               (CustomerMerge.kept_id == customer_id) | (CustomerMerge.merged_id == customer_id))
        .order_by(CustomerMerge.id.desc()).limit(1))


def undo_merge(session: Session, merge_id: int, today: date) -> MergeOutcome:
    """Put every row the merge moved back on the merged customer and bring that customer back,
    as before the merge; rows added to the kept customer since stay with it."""
    record = session.get(CustomerMerge, merge_id)
    if record is None:
        raise MergeRefused(f"找不到合并记录 {merge_id}", f"no merge {merge_id}")
    if record.undone_at is not None:
        raise MergeRefused("这次合并已经撤销过了", "this merge was already undone")
    kept = get_row(session, Customer, record.kept_id, include_deleted=True, lock=True)
    other = get_row(session, Customer, record.merged_id, include_deleted=True, lock=True)
    taken = session.scalar(select(Customer.code).where(Customer.code == other.code, Customer.deleted_at.is_(None),
                                                       Customer.id != other.id))
    if taken is not None:
        raise MergeRefused(f"编号“{other.code}”已被其他客户使用，无法恢复被合并的客户",
                           f"the code '{other.code}' is now used by another customer, so the merged one cannot come back")
    preview = MergePreview(kept.id, kept.code, kept.name, other.id, other.code, other.name, _counts(record.moved))
    for model in MOVED:
        ids = record.moved.get(model.__tablename__) or []
        for row in session.scalars(select(model).where(model.id.in_(ids))) if ids else ():
            row.customer_id = other.id
    other.deleted_at = None
    other.merged_into_id = None
    record.undone_at = utcnow()
    _note(session, kept, UNMERGED, "merged_from", f"{other.code} {other.name}")
    _note(session, other, UNMERGED, "merged_into", f"{kept.code} {kept.name}")
    _refresh_keys(session, kept, other)
    session.flush()
    regrade_all(session, today, reason=f"撤销合并 {other.code} / merge of {other.code} undone")
    return MergeOutcome(record.id, preview, undone=True)


def customer_id_by_code(session: Session, code: str, *, include_merged: bool = False) -> int:
    """The live customer with this code (or, with include_merged, the newest tombstone of a merge)."""
    found = session.scalar(select(Customer.id).where(Customer.code == code, Customer.deleted_at.is_(None)))
    if found is None and include_merged:
        found = session.scalar(select(Customer.id).where(Customer.code == code, Customer.merged_into_id.is_not(None))
                               .order_by(Customer.id.desc()).limit(1))
    if found is None:
        raise MergeRefused(f"找不到客户编号“{code}”", f"no customer with code '{code}'")
    return found
