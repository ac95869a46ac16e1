"""Checking what a manager typed or imported: clean values, and errors that name the field in both languages."""

from __future__ import annotations

from datetime import date, datetime, time
from decimal import Decimal, InvalidOperation
from typing import Any, TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from accountdesk.core.i18n import AccountDeskError, ValidationError
from accountdesk.core.storage.models import Tracked, decimal_to_cents, utcnow

T = TypeVar("T", bound=Tracked)

FIELD_LABELS = {
    "name": ("客户名称", "customer name"),
    "code": ("客户编号", "customer code"),
    "phone": ("电话", "phone"),
    "email": ("邮箱", "email"),
    "stage": ("生命周期阶段", "lifecycle stage"),
    "need_type": ("需求类型", "need type"),
    "occurred_on": ("交易日期", "transaction date"),
    "amount": ("金额", "amount"),
    "quantity": ("数量", "quantity"),
    "kind": ("类型", "kind"),
    "occurred_at": ("互动时间", "interaction time"),
    "satisfaction": ("满意度", "satisfaction"),
    "content": ("内容", "content"),
    "received_on": ("收到日期", "date received"),
    "birth_month": ("生日月份", "birthday month"),
    "birth_day": ("生日日期", "birthday day"),
    "birth_calendar": ("历法", "calendar"),
    "referrals": ("转介绍数", "referrals"),
    "followers": ("粉丝数", "followers"),
    "reason": ("流失原因", "churn reason"),
    "note": ("说明", "note"),
    "due_on": ("日期", "date"),
    "action": ("挽回措施", "win-back action"),
    "outcome": ("挽回结果", "outcome"),
    "closed_on": ("结束日期", "end date"),
    "item": ("回馈内容", "what was given"),
    "value": ("价值", "value"),
    "given_on": ("赠送日期", "date given"),
    "occasion": ("场合", "occasion"),
}


def field_label(field: str) -> tuple[str, str]:
    return FIELD_LABELS.get(field, (field, field))


def invalid(field: str, zh_reason: str, en_reason: str) -> ValidationError:
    zh_label, en_label = field_label(field)
    return ValidationError(f"{zh_label}：{zh_reason}", f"{en_label}: {en_reason}", field=field)


class NotFoundError(AccountDeskError):
    """The row asked for does not exist (or was purged)."""


# --- cleaning values ------------------------------------------------------------------------


def clean_text(value: Any, field: str, max_length: int, *, required: bool = False) -> str | None:
    text = "" if value is None else str(value).strip()
    if not text:
        if required:
            raise invalid(field, "不能为空", "must not be empty")
        return None
    if len(text) > max_length:
        raise invalid(field, f"不能超过 {max_length} 个字符", f"must be at most {max_length} characters")
    return text


def clean_choice(value: Any, field: str, choices: tuple[str, ...]) -> str | None:
    if value in (None, ""):
        return None
    if value not in choices:
        raise invalid(field, f"“{value}”不是可选值（{'、'.join(choices)}）", f"'{value}' is not one of {', '.join(choices)}")
    return value


def clean_int(value: Any, field: str, low: int | None = None, high: int | None = None) -> int | None:
    if value in (None, ""):
        return None
    try:
        number = int(value)
    except (TypeError, ValueError):
        raise invalid(field, f"“{value}”不是整数", f"'{value}' is not a whole number") from None
    if (low is not None and number < low) or (high is not None and number > high):
        raise invalid(field, f"应在 {low} 到 {high} 之间", f"must be between {low} and {high}")
    return number


def clean_date(value: Any, field: str, *, required: bool = False) -> date | None:
    if value in (None, ""):
        if required:
            raise invalid(field, "不能为空", "must not be empty")
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value).strip())
    except ValueError:
        raise invalid(field, f"日期“{value}”无效", f"date '{value}' is not a valid date") from None


def clean_instant(value: Any, field: str) -> datetime:
    if value in (None, ""):
        raise invalid(field, "不能为空", "must not be empty")
    if isinstance(value, datetime):
        # A time without a zone is the user's local time.
        return value if value.tzinfo else value.astimezone()
    if isinstance(value, date):
        return datetime.combine(value, time(12, 0)).astimezone()
    raise invalid(field, f"时间“{value}”无效", f"'{value}' is not a valid time")


MAX_AMOUNT_YUAN = 10**15


def clean_amount(value: Any) -> int:
    if value in (None, ""):
        raise invalid("amount", "不能为空", "must not be empty")
    if isinstance(value, float):
        raise TypeError("amounts are Decimal or text, never float")
    try:
        amount = Decimal(str(value).strip())
        if not amount.is_finite() or abs(amount) > MAX_AMOUNT_YUAN:
            raise invalid("amount", f"金额“{value}”超出范围（上限 ±10^15 元）",
                          f"'{value}' is out of range (the limit is ±10^15 yuan)")
        return decimal_to_cents(amount)
    except (InvalidOperation, ValueError):
        raise invalid("amount", f"金额“{value}”无效（最多两位小数）", f"'{value}' is not a valid amount (two decimals at most)") from None


# --- generic helpers ------------------------------------------------------------------------


def get_row(session: Session, model: type[T], row_id: int, *, include_deleted: bool = False, lock: bool = False) -> T:
    """The row with this id; with `lock`, locked for this transaction and read afresh, so a
    colleague's save lands wholly before this check or waits until this write commits (PostgreSQL
    row lock; on SQLite the write transaction already holds the file's lock)."""
    if lock:
        session.execute(select(model.id).where(model.id == row_id).with_for_update())
        obj = session.get(model, row_id, populate_existing=True)
    else:
        obj = session.get(model, row_id)
    if obj is None or (obj.deleted_at is not None and not include_deleted):
        raise NotFoundError(f"找不到记录（{model.__tablename__} #{row_id}），可能已被删除。",
                            f"Record {model.__tablename__} #{row_id} was not found; it may have been deleted.")
    return obj


def soft_delete(session: Session, model: type[T], row_id: int) -> T:
    obj = get_row(session, model, row_id)
    obj.deleted_at = utcnow()
    session.flush()
    return obj


def restore_row(session: Session, model: type[T], row_id: int) -> T:
    obj = get_row(session, model, row_id, include_deleted=True)
    obj.deleted_at = None
    session.flush()
    return obj


def apply_values(obj: Tracked, values: dict[str, Any]) -> None:
    for key, value in values.items():
        if getattr(obj, key) != value:
            setattr(obj, key, value)


def touch(obj: Tracked) -> None:
    """A person changed what belongs to the row but lives elsewhere (its tags): a new version, so
    a form still showing the old state sees it (the flush bumps versions only for its own columns)."""
    obj.updated_at = utcnow()
    obj.version = obj.version + 1
