"""Care records (客户回馈): gifts, coupons and points given to a customer, and what they cost."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from accountdesk.core.archive.validation import (
    apply_values,
    clean_amount,
    clean_choice,
    clean_date,
    clean_text,
    get_row,
    invalid,
    restore_row,
    soft_delete,
)
from accountdesk.core.i18n import Message, ValidationError
from accountdesk.core.storage.models import CARE_RECORD_KINDS, CareRecord, Customer
from accountdesk.core.team.conflicts import check_version

CARE_KIND_LABELS = {
    "gift": Message("礼品", "Gift"),
    "coupon": Message("优惠券", "Coupon"),
    "points": Message("积分", "Points"),
}


def care_kind_label(code: str, language: str | None = None) -> str:
    label = CARE_KIND_LABELS.get(code)
    return label.text(language) if label is not None else code


def _care_values(fields: dict[str, Any], *, creating: bool) -> dict[str, Any]:
    values: dict[str, Any] = {}
    if creating or "kind" in fields:
        kind = clean_choice(fields.get("kind"), "kind", CARE_RECORD_KINDS)
        if kind is None:
            raise invalid("kind", "请选择礼品、优惠券或积分", "choose gift, coupon or points")
        values["kind"] = kind
    if creating or "item" in fields:
        values["item"] = clean_text(fields.get("item"), "item", 200, required=True)
    if creating or "value" in fields or "value_cents" in fields:
        try:
            cents = fields["value_cents"] if "value_cents" in fields else clean_amount(fields.get("value"))
        except ValidationError as error:
            error.field = "value"  # the form's field, whatever the amount check calls it
            raise
        if cents is None or int(cents) < 0:
            raise invalid("value", "不能为负数", "must not be negative")
        values["value_cents"] = int(cents)
    if creating or "given_on" in fields:
        values["given_on"] = clean_date(fields.get("given_on"), "given_on", required=True)
    if "occasion" in fields:
        values["occasion"] = clean_text(fields.get("occasion"), "occasion", 100)
    return values


def add_care(session: Session, customer_id: int, fields: dict[str, Any]) -> CareRecord:
    """Record what was given: kind, item, value (yuan, exact) or value_cents, given_on, occasion."""
    customer = get_row(session, Customer, customer_id)
    record = CareRecord(customer_id=customer.id, **_care_values(fields, creating=True))
    session.add(record)
    session.flush()
    return record


def update_care(session: Session, record_id: int, changes: dict[str, Any], *, expected_version: int | None = None,
                base: dict[str, Any] | None = None) -> CareRecord:
    """Save a care record's fields, three ways against the values its form loaded."""
    record = get_row(session, CareRecord, record_id, lock=True, include_deleted=expected_version is not None)
    values = check_version(record, expected_version, _care_values(changes, creating=False), base=base)
    apply_values(record, values)
    session.flush()
    return record


def delete_care(session: Session, record_id: int) -> CareRecord:
    return soft_delete(session, CareRecord, record_id)


def restore_care(session: Session, record_id: int) -> CareRecord:
    return restore_row(session, CareRecord, record_id)


def list_care(session: Session, customer_id: int, *, since: date | None = None) -> list[CareRecord]:
    """The customer's care records, newest first."""
    query = select(CareRecord).where(CareRecord.customer_id == customer_id, CareRecord.deleted_at.is_(None))
    if since is not None:
        query = query.where(CareRecord.given_on >= since)
    return list(session.scalars(query.order_by(CareRecord.given_on.desc(), CareRecord.id.desc())))
