"""The customer archive (客户档案): customers, contacts, transactions, interactions, feedback, owners and tags."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time, timezone
from decimal import Decimal, InvalidOperation
from typing import Any, TypeVar

from sqlalchemy import Select, and_, case, func, literal, select
from sqlalchemy.orm import Session

from accountdesk.core.changes import Changes, changes_of
from accountdesk.core.conflicts import ConflictError, check_version
from accountdesk.core.i18n import AccountDeskError, ValidationError
from accountdesk.core.models import (
    FEEDBACK_KINDS,
    INTERACTION_KINDS,
    LIFECYCLE_STAGES,
    NEED_TYPES,
    Contact,
    Customer,
    CustomerTag,
    Feedback,
    Interaction,
    RevisitPlan,
    Tag,
    Tracked,
    Transaction,
    User,
    decimal_to_cents,
    utcnow,
)
from accountdesk.core.search import apply_search, customer_search_key

__all__ = ["ConflictError", "changes_of", "Changes"]

T = TypeVar("T", bound=Tracked)

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_CODE_NUMBER = re.compile(r"(\d+)$")
# Fields that feed the search key: changing one recomputes it.
_SEARCH_FIELDS = {"name", "code", "phone", "company", "contact_person"}

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
}


def _label(field: str) -> tuple[str, str]:
    return FIELD_LABELS.get(field, (field, field))


def _invalid(field: str, zh_reason: str, en_reason: str) -> ValidationError:
    zh_label, en_label = _label(field)
    return ValidationError(f"{zh_label}：{zh_reason}", f"{en_label}: {en_reason}", field=field)


class NotFoundError(AccountDeskError):
    """The row asked for does not exist (or was purged)."""


# --- cleaning values ------------------------------------------------------------------------


def _clean_text(value: Any, field: str, max_length: int, *, required: bool = False) -> str | None:
    text = "" if value is None else str(value).strip()
    if not text:
        if required:
            raise _invalid(field, "不能为空", "must not be empty")
        return None
    if len(text) > max_length:
        raise _invalid(field, f"不能超过 {max_length} 个字符", f"must be at most {max_length} characters")
    return text


def _clean_choice(value: Any, field: str, choices: tuple[str, ...]) -> str | None:
    if value in (None, ""):
        return None
    if value not in choices:
        raise _invalid(field, f"“{value}”不是可选值（{'、'.join(choices)}）", f"'{value}' is not one of {', '.join(choices)}")
    return value


def _clean_int(value: Any, field: str, low: int | None = None, high: int | None = None) -> int | None:
    if value in (None, ""):
        return None
    try:
        number = int(value)
    except (TypeError, ValueError):
        raise _invalid(field, f"“{value}”不是整数", f"'{value}' is not a whole number") from None
    if (low is not None and number < low) or (high is not None and number > high):
        raise _invalid(field, f"应在 {low} 到 {high} 之间", f"must be between {low} and {high}")
    return number


def _clean_date(value: Any, field: str, *, required: bool = False) -> date | None:
    if value in (None, ""):
        if required:
            raise _invalid(field, "不能为空", "must not be empty")
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value).strip())
    except ValueError:
        raise _invalid(field, f"日期“{value}”无效", f"date '{value}' is not a valid date") from None


def _clean_instant(value: Any, field: str) -> datetime:
    if value in (None, ""):
        raise _invalid(field, "不能为空", "must not be empty")
    if isinstance(value, datetime):
        # A time without a zone is the user's local time.
        return value if value.tzinfo else value.astimezone()
    if isinstance(value, date):
        return datetime.combine(value, time(12, 0)).astimezone()
    raise _invalid(field, f"时间“{value}”无效", f"'{value}' is not a valid time")


def _clean_amount(value: Any) -> int:
    if value in (None, ""):
        raise _invalid("amount", "不能为空", "must not be empty")
    if isinstance(value, float):
        raise TypeError("amounts are Decimal or text, never float")
    try:
        amount = Decimal(str(value).strip())
        return decimal_to_cents(amount)
    except (InvalidOperation, ValueError):
        raise _invalid("amount", f"金额“{value}”无效（最多两位小数）", f"'{value}' is not a valid amount (two decimals at most)") from None


# --- users and tags -------------------------------------------------------------------------


def ensure_user(session: Session, name: str, display_name: str | None = None) -> User:
    name = _clean_text(name, "owner", 64, required=True)  # type: ignore[assignment]
    user = session.scalar(select(User).where(User.name == name))
    if user is None:
        user = User(name=name, display_name=display_name or name)
        session.add(user)
        session.flush()
    elif user.deleted_at is not None:
        user.deleted_at = None
    return user


def list_users(session: Session) -> list[User]:
    return list(session.scalars(select(User).where(User.deleted_at.is_(None)).order_by(User.name)))


def list_tags(session: Session) -> list[Tag]:
    return list(session.scalars(select(Tag).where(Tag.deleted_at.is_(None)).order_by(Tag.name)))


def set_customer_tags(session: Session, customer_id: int, names: list[str]) -> Customer:
    customer = get_customer(session, customer_id)
    wanted = list(dict.fromkeys(n.strip() for n in names if n and n.strip()))
    tags = []
    for name in wanted:
        tag = session.scalar(select(Tag).where(Tag.name == name))
        if tag is None:
            tag = Tag(name=_clean_text(name, "tag", 64, required=True))
            session.add(tag)
        tags.append(tag)
    before = ", ".join(sorted(t.name for t in customer.tags))
    customer.tags = tags
    after = ", ".join(sorted(t.name for t in tags))
    if before != after:
        # Tags live in an association table the flush hook does not see: note the change here.
        _touch(customer)
        from accountdesk.core.models import AuditEntry

        session.flush()
        session.add(AuditEntry(user=session.info.get("user"), entity="customers", entity_uid=customer.uid,
                               customer_id=customer.id, action="update", field="tags",
                               old_value=before or None, new_value=after or None))
        changes_of(session).customers.add(customer.id)
    return customer


def add_tag_to_customers(session: Session, customer_ids: list[int], name: str) -> int:
    count = 0
    for customer_id in customer_ids:
        customer = get_customer(session, customer_id)
        names = [t.name for t in customer.tags]
        if name not in names:
            set_customer_tags(session, customer_id, [*names, name])
            count += 1
    return count


def _touch(obj: Tracked) -> None:
    obj.updated_at = utcnow()


# --- generic helpers ------------------------------------------------------------------------


def _get(session: Session, model: type[T], row_id: int, *, include_deleted: bool = False) -> T:
    obj = session.get(model, row_id)
    if obj is None or (obj.deleted_at is not None and not include_deleted):
        raise NotFoundError(f"找不到记录（{model.__tablename__} #{row_id}），可能已被删除。",
                            f"Record {model.__tablename__} #{row_id} was not found; it may have been deleted.")
    return obj


def _soft_delete(session: Session, model: type[T], row_id: int) -> T:
    obj = _get(session, model, row_id)
    obj.deleted_at = utcnow()
    session.flush()
    return obj


def _restore(session: Session, model: type[T], row_id: int) -> T:
    obj = _get(session, model, row_id, include_deleted=True)
    obj.deleted_at = None
    session.flush()
    return obj


def _apply(obj: Tracked, values: dict[str, Any]) -> None:
    for key, value in values.items():
        if getattr(obj, key) != value:
            setattr(obj, key, value)


# --- customers ------------------------------------------------------------------------------


def _customer_values(session: Session, fields: dict[str, Any], *, creating: bool) -> dict[str, Any]:
    values: dict[str, Any] = {}
    text_fields = {"name": 200, "company": 200, "contact_person": 100, "phone": 40, "email": 200,
                   "position": 100, "address": 300, "industry": 100, "source": 100, "notes": 100_000,
                   "tier_lock_reason": 10_000, "purchasing_power": 8}
    for key, value in fields.items():
        if key in text_fields:
            values[key] = _clean_text(value, key, text_fields[key], required=(key == "name"))
        elif key == "code":
            values[key] = _clean_text(value, key, 32)
        elif key in ("birthday", "cooperation_since"):
            values[key] = _clean_date(value, key)
        elif key == "stage":
            values[key] = _clean_choice(value, key, LIFECYCLE_STAGES)
        elif key == "need_type":
            values[key] = _clean_choice(value, key, NEED_TYPES)
        elif key in ("referrals", "followers"):
            values[key] = _clean_int(value, key, 0, 10**9) or 0
        elif key == "tier":
            values[key] = _clean_text(value, key, 16)
        elif key == "tier_locked":
            values[key] = bool(value)
        elif key == "owner_id":
            values[key] = None if value in (None, "") else _get(session, User, int(value)).id
        elif key == "owner":
            values["owner_id"] = ensure_user(session, value).id if value else None
        else:
            raise ValidationError(f"客户没有字段“{key}”", f"customers have no field '{key}'", field=key)
    if "email" in values and values["email"] and not _EMAIL.match(values["email"]):
        raise _invalid("email", f"“{values['email']}”不是有效的邮箱地址", f"'{values['email']}' is not a valid email address")
    if "phone" in values and values["phone"] and len(re.sub(r"\D", "", values["phone"])) < 5:
        raise _invalid("phone", f"“{values['phone']}”不像电话号码", f"'{values['phone']}' does not look like a phone number")
    if creating and not values.get("name"):
        raise _invalid("name", "不能为空", "must not be empty")
    return values


def next_customer_code(session: Session, prefix: str = "C") -> str:
    codes = session.scalars(select(Customer.code).where(Customer.code.like(f"{prefix}%"))).all()
    highest = 0
    for code in codes:
        match = _CODE_NUMBER.search(code)
        if match and code[: match.start()] == prefix:
            highest = max(highest, int(match.group(1)))
    return f"{prefix}{highest + 1:06d}"


def _check_code_free(session: Session, code: str, customer_id: int | None) -> None:
    query = select(Customer.id).where(Customer.code == code, Customer.deleted_at.is_(None))
    if customer_id is not None:
        query = query.where(Customer.id != customer_id)
    if session.scalar(query) is not None:
        raise _invalid("code", f"“{code}”已被其他客户使用", f"'{code}' is already used by another customer")


def _refresh_search_key(session: Session, customer: Customer) -> None:
    # No autoflush here: the edit and its new key go out in one flush, so one version bump.
    with session.no_autoflush:
        contacts = session.scalars(select(Contact).where(Contact.customer_id == customer.id)).all() if customer.id else []
    customer.search_key = customer_search_key(customer, contacts)


def create_customer(session: Session, fields: dict[str, Any]) -> Customer:
    values = _customer_values(session, fields, creating=True)
    code = values.get("code") or next_customer_code(session)
    values["code"] = code
    _check_code_free(session, code, None)
    customer = Customer(**values)
    customer.search_key = customer_search_key(customer)
    session.add(customer)
    session.flush()
    return customer


def get_customer(session: Session, customer_id: int, *, include_deleted: bool = False) -> Customer:
    return _get(session, Customer, customer_id, include_deleted=include_deleted)


def update_customer(
    session: Session, customer_id: int, changes: dict[str, Any], *, expected_version: int | None = None
) -> Customer:
    customer = get_customer(session, customer_id)
    values = _customer_values(session, changes, creating=False)
    check_version(customer, expected_version, values)
    if values.get("code"):
        _check_code_free(session, values["code"], customer.id)
    elif "code" in values:
        raise _invalid("code", "不能为空", "must not be empty")
    if "name" in values and not values["name"]:
        raise _invalid("name", "不能为空", "must not be empty")
    _apply(customer, values)
    if _SEARCH_FIELDS & values.keys():
        _refresh_search_key(session, customer)
    session.flush()
    return customer


def delete_customer(session: Session, customer_id: int) -> Customer:
    return _soft_delete(session, Customer, customer_id)


def restore_customer(session: Session, customer_id: int) -> Customer:
    customer = get_customer(session, customer_id, include_deleted=True)
    _check_code_free(session, customer.code, customer.id)
    return _restore(session, Customer, customer_id)


def assign_owner(session: Session, customer_ids: list[int], owner_name: str | None) -> int:
    owner_id = ensure_user(session, owner_name).id if owner_name else None
    changed = 0
    for customer_id in customer_ids:
        customer = get_customer(session, customer_id)
        if customer.owner_id != owner_id:
            customer.owner_id = owner_id
            changed += 1
    session.flush()
    return changed


@dataclass
class CustomerFilter:
    text: str = ""
    tier: str | None = None
    stage: str | None = None
    owner_id: int | None = None
    tag: str | None = None
    overdue: bool = False
    churn_risk: bool = False
    include_deleted: bool = False
    today: date | None = None

    def only_text(self) -> bool:
        """True when nothing but the search text narrows the list (an in-memory index can answer)."""
        return not (self.tier or self.stage or self.owner_id is not None or self.tag or self.overdue
                    or self.churn_risk or self.include_deleted)


def _last_contact_column():
    return (
        select(func.max(Interaction.occurred_at))
        .where(Interaction.customer_id == Customer.id, Interaction.deleted_at.is_(None))
        .correlate(Customer)
        .scalar_subquery()
    )


def planned_state(column):
    """`state = 'planned'` written so SQLite looks plans up by customer: with the (state, due)
    index it would walk every planned revisit of the book for each page of rows."""
    return (column + literal("")) == "planned"


def _next_revisit_column():
    return (
        select(func.min(RevisitPlan.due_on))
        .where(RevisitPlan.customer_id == Customer.id, RevisitPlan.state == "planned", RevisitPlan.deleted_at.is_(None))
        .correlate(Customer)
        .scalar_subquery()
    )


def _total_spend_column():
    return (
        select(func.coalesce(func.sum(Transaction.amount_cents), 0))
        .where(Transaction.customer_id == Customer.id, Transaction.deleted_at.is_(None))
        .correlate(Customer)
        .scalar_subquery()
    )


def filtered_customers(flt: CustomerFilter) -> Select:
    query = select(Customer.id)
    if not flt.include_deleted:
        query = query.where(Customer.deleted_at.is_(None))
    if flt.text:
        query = apply_search(query, flt.text)
    if flt.tier:
        query = query.where(Customer.tier == flt.tier)
    if flt.stage:
        query = query.where(Customer.stage == flt.stage)
    if flt.owner_id is not None:
        query = query.where(Customer.owner_id == flt.owner_id)
    if flt.tag:
        query = query.where(
            Customer.id.in_(select(CustomerTag.customer_id).join(Tag, Tag.id == CustomerTag.tag_id).where(Tag.name == flt.tag))
        )
    if flt.overdue:
        today = flt.today or date.today()
        query = query.where(
            Customer.id.in_(
                select(RevisitPlan.customer_id).where(
                    RevisitPlan.state == "planned", RevisitPlan.deleted_at.is_(None), RevisitPlan.due_on < today
                )
            )
        )
    if flt.churn_risk:
        query = query.where(Customer.stage.in_(("at_risk", "churned")))
    return query


SORTABLE = {
    "code": Customer.code,
    "name": Customer.name,
    "company": Customer.company,
    "contact_person": Customer.contact_person,
    "phone": Customer.phone,
    "tier": Customer.tier,
    "score": Customer.score,
    "stage": Customer.stage,
    "updated_at": Customer.updated_at,
}


def customer_ids(session: Session, flt: CustomerFilter | None = None, order_by: str = "code", descending: bool = False) -> list[int]:
    """Ids of the customers a filter selects, in display order (cheap: the list view holds only ids)."""
    query = filtered_customers(flt or CustomerFilter())
    if order_by == "owner":
        key = select(User.name).where(User.id == Customer.owner_id).correlate(Customer).scalar_subquery()
    elif order_by == "last_contact":
        key = _last_contact_column()
    elif order_by == "next_revisit":
        key = _next_revisit_column()
    elif order_by == "total_spend":
        key = _total_spend_column()
    else:
        key = SORTABLE.get(order_by, Customer.code)
    # Blanks sort last either way; the id keeps the order stable.
    blank_last = case((key.is_(None), 1), else_=0)
    query = query.order_by(blank_last, key.desc() if descending else key.asc(), Customer.id)
    return list(session.scalars(query))


@dataclass(frozen=True)
class CustomerRow:
    """One customer as the list shows it: plain values, no session attached."""

    id: int
    code: str
    name: str
    company: str | None
    contact_person: str | None
    phone: str | None
    owner: str | None
    tier: str | None
    score: float | None
    stage: str | None
    last_contact: datetime | None
    next_revisit: date | None
    total_spend_cents: int
    tags: tuple[str, ...]
    version: int
    deleted: bool


def customer_rows(session: Session, ids: list[int]) -> dict[int, CustomerRow]:
    """Rows for the given ids in a handful of queries (one per 500 ids), for the list view's cache."""
    rows: dict[int, CustomerRow] = {}
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        last_contact = dict(
            session.execute(
                select(Interaction.customer_id, func.max(Interaction.occurred_at))
                .where(Interaction.customer_id.in_(chunk), Interaction.deleted_at.is_(None))
                .group_by(Interaction.customer_id)
            ).all()
        )
        next_revisit = dict(
            session.execute(
                select(RevisitPlan.customer_id, func.min(RevisitPlan.due_on))
                .where(RevisitPlan.customer_id.in_(chunk), planned_state(RevisitPlan.state),
                       RevisitPlan.deleted_at.is_(None))
                .group_by(RevisitPlan.customer_id)
            ).all()
        )
        spend = dict(
            session.execute(
                select(Transaction.customer_id, func.sum(Transaction.amount_cents))
                .where(Transaction.customer_id.in_(chunk), Transaction.deleted_at.is_(None))
                .group_by(Transaction.customer_id)
            ).all()
        )
        tags: dict[int, list[str]] = {}
        for customer_id, tag_name in session.execute(
            select(CustomerTag.customer_id, Tag.name)
            .join(Tag, Tag.id == CustomerTag.tag_id)
            .where(CustomerTag.customer_id.in_(chunk))
            .order_by(Tag.name)
        ):
            tags.setdefault(customer_id, []).append(tag_name)
        for row in session.execute(
            select(
                Customer.id, Customer.code, Customer.name, Customer.company, Customer.contact_person, Customer.phone,
                User.name, Customer.tier, Customer.score, Customer.stage, Customer.version, Customer.deleted_at,
            )
            .outerjoin(User, User.id == Customer.owner_id)
            .where(Customer.id.in_(chunk))
        ):
            (cid, code, name, company, person, phone, owner, tier, score, stage, version, deleted_at) = row
            last = last_contact.get(cid)
            if last is not None and last.tzinfo is None:
                last = last.replace(tzinfo=timezone.utc)
            rows[cid] = CustomerRow(
                id=cid, code=code, name=name, company=company, contact_person=person, phone=phone, owner=owner,
                tier=tier, score=score, stage=stage, last_contact=last, next_revisit=next_revisit.get(cid),
                total_spend_cents=int(spend.get(cid) or 0), tags=tuple(tags.get(cid, ())), version=version,
                deleted=deleted_at is not None,
            )
    return rows


def count_customers(session: Session) -> int:
    return session.scalar(select(func.count()).select_from(Customer).where(Customer.deleted_at.is_(None))) or 0


# --- contacts -------------------------------------------------------------------------------

_DAYS_IN_MONTH = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def _contact_values(fields: dict[str, Any], *, creating: bool) -> dict[str, Any]:
    values: dict[str, Any] = {}
    text_fields = {"name": 100, "phone": 40, "email": 200, "wechat": 100, "position": 100, "notes": 100_000}
    for key, value in fields.items():
        if key in text_fields:
            values[key] = _clean_text(value, key, text_fields[key], required=(key == "name"))
        elif key == "is_primary":
            values[key] = bool(value)
        elif key == "birth_calendar":
            values[key] = _clean_choice(value or "solar", key, ("solar", "lunar"))
        elif key == "birth_leap_month":
            values[key] = bool(value)
        elif key == "birth_year":
            values[key] = _clean_int(value, key, 1900, 2100)
        elif key == "birth_month":
            values[key] = _clean_int(value, key, 1, 12)
        elif key == "birth_day":
            values[key] = _clean_int(value, key, 1, 31)
        elif key == "birthday":
            # A solar date given whole: split into its parts.
            day = _clean_date(value, key)
            values.update(birth_calendar="solar", birth_leap_month=False,
                          birth_year=day.year if day else None, birth_month=day.month if day else None,
                          birth_day=day.day if day else None)
        else:
            raise ValidationError(f"联系人没有字段“{key}”", f"contacts have no field '{key}'", field=key)
    if creating and not values.get("name"):
        raise _invalid("name", "不能为空", "must not be empty")
    if "email" in values and values["email"] and not _EMAIL.match(values["email"]):
        raise _invalid("email", f"“{values['email']}”不是有效的邮箱地址", f"'{values['email']}' is not a valid email address")
    return values


def _check_birthday(contact: Contact) -> None:
    month, day = contact.birth_month, contact.birth_day
    if (month is None) != (day is None):
        raise _invalid("birth_day", "生日需同时填写月和日", "a birthday needs both month and day")
    if month is None:
        return
    limit = 30 if contact.birth_calendar == "lunar" else _DAYS_IN_MONTH[month - 1]
    if day > limit:  # type: ignore[operator]
        raise _invalid("birth_day", f"{month} 月没有 {day} 日", f"month {month} has no day {day}")
    if contact.birth_leap_month and contact.birth_calendar != "lunar":
        raise _invalid("birth_calendar", "只有农历生日可以是闰月", "only a lunar birthday can be in a leap month")


def add_contact(session: Session, customer_id: int, fields: dict[str, Any]) -> Contact:
    customer = get_customer(session, customer_id)
    contact = Contact(customer_id=customer.id, **_contact_values(fields, creating=True))
    if contact.birth_calendar is None:
        contact.birth_calendar = "solar"
    _check_birthday(contact)
    session.add(contact)
    session.flush()
    _refresh_search_key(session, customer)
    session.flush()
    return contact


def update_contact(session: Session, contact_id: int, changes: dict[str, Any], *, expected_version: int | None = None) -> Contact:
    contact = _get(session, Contact, contact_id)
    values = _contact_values(changes, creating=False)
    check_version(contact, expected_version, values)
    if "name" in values and not values["name"]:
        raise _invalid("name", "不能为空", "must not be empty")
    _apply(contact, values)
    _check_birthday(contact)
    session.flush()
    if {"name", "phone"} & values.keys():
        _refresh_search_key(session, get_customer(session, contact.customer_id))
        session.flush()
    return contact


def delete_contact(session: Session, contact_id: int) -> Contact:
    contact = _soft_delete(session, Contact, contact_id)
    _refresh_search_key(session, get_customer(session, contact.customer_id))
    session.flush()
    return contact


def restore_contact(session: Session, contact_id: int) -> Contact:
    contact = _restore(session, Contact, contact_id)
    _refresh_search_key(session, get_customer(session, contact.customer_id))
    session.flush()
    return contact


def list_contacts(session: Session, customer_id: int, *, include_deleted: bool = False) -> list[Contact]:
    query = select(Contact).where(Contact.customer_id == customer_id)
    if not include_deleted:
        query = query.where(Contact.deleted_at.is_(None))
    return list(session.scalars(query.order_by(Contact.is_primary.desc(), Contact.id)))


# --- transactions ---------------------------------------------------------------------------


def _transaction_values(fields: dict[str, Any], *, creating: bool) -> dict[str, Any]:
    values: dict[str, Any] = {}
    for key, value in fields.items():
        if key == "occurred_on":
            values[key] = _clean_date(value, key, required=True)
        elif key == "amount":
            values["amount_cents"] = _clean_amount(value)
        elif key == "amount_cents":
            values[key] = int(value)
        elif key == "product":
            values[key] = _clean_text(value, key, 200)
        elif key == "quantity":
            values[key] = _clean_int(value, "quantity", 0, 10**9)
        elif key == "notes":
            values[key] = _clean_text(value, key, 100_000)
        else:
            raise ValidationError(f"交易没有字段“{key}”", f"transactions have no field '{key}'", field=key)
    if creating:
        if "occurred_on" not in values:
            raise _invalid("occurred_on", "不能为空", "must not be empty")
        if "amount_cents" not in values:
            raise _invalid("amount", "不能为空", "must not be empty")
    return values


def add_transaction(session: Session, customer_id: int, fields: dict[str, Any]) -> Transaction:
    customer = get_customer(session, customer_id)
    transaction = Transaction(customer_id=customer.id, **_transaction_values(fields, creating=True))
    session.add(transaction)
    session.flush()
    return transaction


def update_transaction(session: Session, transaction_id: int, changes: dict[str, Any], *, expected_version: int | None = None) -> Transaction:
    transaction = _get(session, Transaction, transaction_id)
    values = _transaction_values(changes, creating=False)
    check_version(transaction, expected_version, values)
    _apply(transaction, values)
    session.flush()
    return transaction


def delete_transaction(session: Session, transaction_id: int) -> Transaction:
    return _soft_delete(session, Transaction, transaction_id)


def restore_transaction(session: Session, transaction_id: int) -> Transaction:
    return _restore(session, Transaction, transaction_id)


def list_transactions(session: Session, customer_id: int, *, include_deleted: bool = False) -> list[Transaction]:
    query = select(Transaction).where(Transaction.customer_id == customer_id)
    if not include_deleted:
        query = query.where(Transaction.deleted_at.is_(None))
    return list(session.scalars(query.order_by(Transaction.occurred_on.desc(), Transaction.id.desc())))


# --- interactions ---------------------------------------------------------------------------


def _interaction_values(session: Session, fields: dict[str, Any], *, creating: bool) -> dict[str, Any]:
    values: dict[str, Any] = {}
    for key, value in fields.items():
        if key == "kind":
            values[key] = _clean_choice(value, key, INTERACTION_KINDS)
        elif key == "occurred_at":
            values[key] = _clean_instant(value, key)
        elif key in ("summary", "outcome", "next_step"):
            values[key] = _clean_text(value, key, 100_000)
        elif key == "satisfaction":
            values[key] = _clean_int(value, key, 1, 5)
        elif key == "contact_id":
            values[key] = None if value in (None, "") else _get(session, Contact, int(value)).id
        elif key == "user_id":
            values[key] = None if value in (None, "") else int(value)
        else:
            raise ValidationError(f"互动记录没有字段“{key}”", f"interactions have no field '{key}'", field=key)
    if creating:
        if not values.get("kind"):
            raise _invalid("kind", "不能为空", "must not be empty")
        values.setdefault("occurred_at", utcnow())
    return values


def log_interaction(session: Session, customer_id: int, fields: dict[str, Any]) -> Interaction:
    customer = get_customer(session, customer_id)
    values = _interaction_values(session, fields, creating=True)
    if "user_id" not in values:
        user_name = session.info.get("user")
        if user_name:
            values["user_id"] = ensure_user(session, user_name).id
    interaction = Interaction(customer_id=customer.id, **values)
    session.add(interaction)
    session.flush()
    # Any logged contact restarts the customer's revisit cadence (last contact + tier interval).
    from accountdesk.core.revisits import reset_cadence

    reset_cadence(session, customer.id)
    return interaction


def update_interaction(session: Session, interaction_id: int, changes: dict[str, Any], *, expected_version: int | None = None) -> Interaction:
    interaction = _get(session, Interaction, interaction_id)
    values = _interaction_values(session, changes, creating=False)
    check_version(interaction, expected_version, values)
    _apply(interaction, values)
    session.flush()
    return interaction


def delete_interaction(session: Session, interaction_id: int) -> Interaction:
    return _soft_delete(session, Interaction, interaction_id)


def restore_interaction(session: Session, interaction_id: int) -> Interaction:
    return _restore(session, Interaction, interaction_id)


def list_interactions(session: Session, customer_id: int, *, include_deleted: bool = False) -> list[Interaction]:
    query = select(Interaction).where(Interaction.customer_id == customer_id)
    if not include_deleted:
        query = query.where(Interaction.deleted_at.is_(None))
    return list(session.scalars(query.order_by(Interaction.occurred_at.desc(), Interaction.id.desc())))


# --- feedback -------------------------------------------------------------------------------


def _feedback_values(fields: dict[str, Any], *, creating: bool) -> dict[str, Any]:
    values: dict[str, Any] = {}
    for key, value in fields.items():
        if key == "kind":
            values[key] = _clean_choice(value, key, FEEDBACK_KINDS)
        elif key in ("received_on", "resolved_on"):
            values[key] = _clean_date(value, key)
        elif key == "content":
            values[key] = _clean_text(value, key, 100_000, required=True)
        elif key == "resolution":
            values[key] = _clean_text(value, key, 100_000)
        elif key == "resolved":
            values[key] = bool(value)
        else:
            raise ValidationError(f"反馈没有字段“{key}”", f"feedback has no field '{key}'", field=key)
    if creating:
        for required in ("kind", "content"):
            if not values.get(required):
                raise _invalid(required, "不能为空", "must not be empty")
        values.setdefault("received_on", date.today())
        if values["received_on"] is None:
            values["received_on"] = date.today()
    return values


def add_feedback(session: Session, customer_id: int, fields: dict[str, Any]) -> Feedback:
    customer = get_customer(session, customer_id)
    feedback = Feedback(customer_id=customer.id, **_feedback_values(fields, creating=True))
    session.add(feedback)
    session.flush()
    return feedback


def update_feedback(session: Session, feedback_id: int, changes: dict[str, Any], *, expected_version: int | None = None) -> Feedback:
    feedback = _get(session, Feedback, feedback_id)
    values = _feedback_values(changes, creating=False)
    check_version(feedback, expected_version, values)
    _apply(feedback, values)
    session.flush()
    return feedback


def resolve_feedback(session: Session, feedback_id: int, resolution: str | None, resolved_on: date) -> Feedback:
    return update_feedback(session, feedback_id, {"resolved": True, "resolution": resolution, "resolved_on": resolved_on})


def delete_feedback(session: Session, feedback_id: int) -> Feedback:
    return _soft_delete(session, Feedback, feedback_id)


def restore_feedback(session: Session, feedback_id: int) -> Feedback:
    return _restore(session, Feedback, feedback_id)


def list_feedback(session: Session, customer_id: int, *, include_deleted: bool = False) -> list[Feedback]:
    query = select(Feedback).where(Feedback.customer_id == customer_id)
    if not include_deleted:
        query = query.where(Feedback.deleted_at.is_(None))
    return list(session.scalars(query.order_by(Feedback.received_on.desc(), Feedback.id.desc())))


def open_complaints(session: Session, customer_id: int) -> list[Feedback]:
    return list(
        session.scalars(
            select(Feedback)
            .where(and_(Feedback.customer_id == customer_id, Feedback.kind == "complaint",
                        Feedback.resolved.is_(False), Feedback.deleted_at.is_(None)))
            .order_by(Feedback.received_on)
        )
    )
