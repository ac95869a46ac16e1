"""The customer archive (客户档案): customers, contacts, transactions, interactions, feedback, owners and tags."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from sqlalchemy import and_, inspect, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from accountdesk.core.archive.codes import allocate_customer_codes, note_codes_given
from accountdesk.core.archive.customer_list import (  # noqa: F401  (the list is part of the archive's API)
    SORTABLE,
    CustomerFilter,
    CustomerRow,
    count_customers,
    customer_ids,
    customer_rows,
    filtered_customers,
    planned_state,
    regions,
)
from accountdesk.core.archive.search import customer_search_key
from accountdesk.core.archive.validation import (  # noqa: F401  (NotFoundError and FIELD_LABELS are part of the API)
    FIELD_LABELS,
    NotFoundError,
    apply_values,
    clean_amount,
    clean_choice,
    clean_date,
    clean_instant,
    clean_int,
    clean_text,
    get_row,
    invalid,
    restore_row,
    soft_delete,
    touch,
)
from accountdesk.core.changes import Changes, changes_of
from accountdesk.core.i18n import ValidationError
from accountdesk.core.revisits.completion import contact_logged, reopen_for_removed_contacts
from accountdesk.core.revisits.followups import (
    drop_followups_of,
    followup_of,
    restore_followups_of,
    set_followup,
)
from accountdesk.core.revisits.plans import update_revisit_plan
from accountdesk.core.storage.audit import keep_discarded
from accountdesk.core.storage.models import (
    FEEDBACK_KINDS,
    INTERACTION_KINDS,
    LIFECYCLE_STAGES,
    NEED_TYPES,
    Contact,
    Customer,
    Feedback,
    Interaction,
    RevisitPlan,
    Tag,
    Tracked,
    Transaction,
    User,
    utcnow,
)
from accountdesk.core.team.conflicts import BOOKKEEPING, ConflictError, Resolution, check_version

__all__ = ["ConflictError", "changes_of", "Changes"]

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
# Fields that feed the search key: changing one recomputes it.
_SEARCH_FIELDS = {"name", "code", "phone", "company", "contact_person"}

# --- users and tags -------------------------------------------------------------------------


def ensure_user(session: Session, name: str, display_name: str | None = None) -> User:
    name = clean_text(name, "owner", 64, required=True)  # type: ignore[assignment]
    user = session.scalar(select(User).where(User.name == name))
    if user is None and session.get_bind().dialect.name == "postgresql":
        # A colleague may add the same new name at this moment: a savepoint keeps our transaction.
        try:
            with session.begin_nested():
                user = User(name=name, display_name=display_name or name)
                session.add(user)
        except IntegrityError:
            user = session.scalar(select(User).where(User.name == name))
    elif user is None:
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
            tag = Tag(name=clean_text(name, "tag", 64, required=True))
            session.add(tag)
        tags.append(tag)
    before = ", ".join(sorted(t.name for t in customer.tags))
    customer.tags = tags
    after = ", ".join(sorted(t.name for t in tags))
    if before != after:
        # Tags live in an association table the flush hook does not see: note the change here.
        touch(customer)
        from accountdesk.core.storage.models import AuditEntry

        session.flush()
        session.add(AuditEntry(user=session.info.get("user"), entity="customers", entity_uid=customer.uid,
                               customer_id=customer.id, action="update", field="tags",
                               old_value=before or None, new_value=after or None))
        changes_of(session).customers.add(customer.id)
    return customer


def add_tag_to_customers(session: Session, ids: list[int], name: str) -> int:
    count = 0
    for customer_id in ids:
        customer = get_customer(session, customer_id)
        names = [t.name for t in customer.tags]
        if name not in names:
            set_customer_tags(session, customer_id, [*names, name])
            count += 1
    return count


# --- customers ------------------------------------------------------------------------------


def _customer_values(session: Session, fields: dict[str, Any], *, creating: bool) -> dict[str, Any]:
    values: dict[str, Any] = {}
    text_fields = {"name": 200, "company": 200, "contact_person": 100, "phone": 40, "landline": 40, "email": 200,
                   "position": 100, "address": 300, "region": 100, "industry": 100, "source": 100, "notes": 100_000,
                   "tier_lock_reason": 10_000, "stage_lock_reason": 10_000, "purchasing_power": 8}
    for key, value in fields.items():
        if key in text_fields:
            values[key] = clean_text(value, key, text_fields[key], required=(key == "name"))
        elif key == "code":
            values[key] = clean_text(value, key, 32)
        elif key in ("birthday", "cooperation_since"):
            values[key] = clean_date(value, key)
        elif key == "stage":
            values[key] = clean_choice(value, key, LIFECYCLE_STAGES)
        elif key == "need_type":
            values[key] = clean_choice(value, key, NEED_TYPES)
        elif key in ("referrals", "followers"):
            values[key] = clean_int(value, key, 0, 10**9) or 0
        elif key == "tier":
            values[key] = clean_text(value, key, 16)
        elif key in ("tier_locked", "stage_locked"):
            values[key] = bool(value)
        elif key == "owner_id":
            values[key] = None if value in (None, "") else get_row(session, User, int(value)).id
        elif key == "owner":
            values["owner_id"] = ensure_user(session, value).id if value else None
        elif key == "custom_fields":
            values[key] = _custom_fields(value)
        else:
            raise ValidationError(f"客户没有字段“{key}”", f"customers have no field '{key}'", field=key)
    if "email" in values and values["email"] and not _EMAIL.match(values["email"]):
        raise invalid("email", f"“{values['email']}”不是有效的邮箱地址", f"'{values['email']}' is not a valid email address")
    if "phone" in values and values["phone"] and len(re.sub(r"\D", "", values["phone"])) < 5:
        raise invalid("phone", f"“{values['phone']}”不像电话号码", f"'{values['phone']}' does not look like a phone number")
    if creating and not values.get("name"):
        raise invalid("name", "不能为空", "must not be empty")
    return values


def _custom_fields(value: Any) -> dict[str, str] | None:
    """A customer's own fields (a sheet's columns with no field of their own): name → text; a
    field left empty is dropped."""
    if value in (None, "", {}):
        return None
    if not isinstance(value, dict):
        raise invalid("custom_fields", "自定义字段应为“名称：内容”", "custom fields must be 'name: text' pairs")
    kept = {}
    for name, text in value.items():
        name = clean_text(name, "custom_fields", 100)
        text = clean_text(text, "custom_fields", 10_000)
        if name and text:
            kept[name] = text
    return kept or None


def next_customer_code(session: Session, prefix: str = "C") -> str:
    return allocate_customer_codes(session, 1, prefix=prefix)[0]


def _check_code_free(session: Session, code: str, customer_id: int | None) -> None:
    query = select(Customer.id).where(Customer.code == code, Customer.deleted_at.is_(None))
    if customer_id is not None:
        query = query.where(Customer.id != customer_id)
    if session.scalar(query) is not None:
        raise invalid("code", f"“{code}”已被其他客户使用", f"'{code}' is already used by another customer")


def _refresh_search_key(session: Session, customer: Customer) -> None:
    # No autoflush here: the edit and its new key go out in one flush, so one version bump.
    with session.no_autoflush:
        contacts = session.scalars(select(Contact).where(Contact.customer_id == customer.id)).all() if customer.id else []
    customer.search_key = customer_search_key(customer, contacts)


# Why a stage chosen on the customer form is locked, when the person gave no reason of their own.
STAGE_SET_ON_FORM = "在客户资料中手动设置 / set by hand on the customer form"


def _lock_a_chosen_stage(values: dict[str, Any], current: str | None) -> None:
    """A stage a person sets is theirs: locked (with a reason) so a re-grade does not overwrite it."""
    if values.get("stage") and values["stage"] != current and "stage_locked" not in values:
        values["stage_locked"] = True
        values["stage_lock_reason"] = values.get("stage_lock_reason") or STAGE_SET_ON_FORM


def create_customer(session: Session, fields: dict[str, Any]) -> Customer:
    values = _customer_values(session, fields, creating=True)
    _lock_a_chosen_stage(values, None)
    code = values.get("code") or next_customer_code(session)
    values["code"] = code
    _check_code_free(session, code, None)
    if fields.get("code"):
        note_codes_given(session, [code])
    customer = Customer(**values)
    customer.search_key = customer_search_key(customer)
    session.add(customer)
    session.flush()
    return customer


def get_customer(session: Session, customer_id: int, *, include_deleted: bool = False, lock: bool = False) -> Customer:
    return get_row(session, Customer, customer_id, include_deleted=include_deleted, lock=lock)


def tags_text(names) -> str:
    """A customer's tags as one comparable text: distinct names, sorted, comma separated."""
    if isinstance(names, str):
        for separator in ("，", "、", ";", "；"):
            names = names.replace(separator, ",")
        names = names.split(",")
    return ", ".join(sorted({name.strip() for name in names or () if name and name.strip()}))


def loaded_values(obj: Tracked) -> dict[str, Any]:
    """The stored values a form shows, kept by the form as the base of a three-way save."""
    values = {key: getattr(obj, key) for key in (attr.key for attr in inspect(obj).mapper.column_attrs)
              if key not in BOOKKEEPING}
    if isinstance(obj, Customer):
        values["tags"] = tags_text(tag.name for tag in obj.tags)
    return values


def update_customer(
    session: Session, customer_id: int, changes: dict[str, Any], *, expected_version: int | None = None,
    base: dict[str, Any] | None = None,
) -> Customer:
    """Save a customer's fields (and "tags"); with the version and `base` values the form loaded,
    fields only this user changed are written, fields only a colleague changed are kept, and only
    fields both changed differently raise a ConflictError (see conflicts.check_version)."""
    # A form's save of a deleted row is a conflict (deleted by someone else), not "not found".
    customer = get_customer(session, customer_id, lock=True, include_deleted=expected_version is not None)
    changes = dict(changes)
    tags = tags_text(changes.pop("tags")) if "tags" in changes else None
    values = _customer_values(session, changes, creating=False)
    if tags is not None:
        values["tags"] = tags
    values = check_version(customer, expected_version, values, base=base,
                           stored={"tags": tags_text(t.name for t in customer.tags)})
    tags = values.pop("tags", None)
    if values.get("code"):
        _check_code_free(session, values["code"], customer.id)
        note_codes_given(session, [values["code"]])
    elif "code" in values:
        raise invalid("code", "不能为空", "must not be empty")
    if "name" in values and not values["name"]:
        raise invalid("name", "不能为空", "must not be empty")
    _lock_a_chosen_stage(values, customer.stage)
    apply_values(customer, values)
    if _SEARCH_FIELDS & values.keys():
        _refresh_search_key(session, customer)
    session.flush()
    if tags is not None:
        set_customer_tags(session, customer.id, [name for name in tags.split(", ") if name])
    return customer


def delete_customer(session: Session, customer_id: int) -> Customer:
    return soft_delete(session, Customer, customer_id)


def restore_customer(session: Session, customer_id: int) -> Customer:
    customer = get_customer(session, customer_id, include_deleted=True)
    _check_code_free(session, customer.code, customer.id)
    return restore_row(session, Customer, customer_id)


def assign_owner(session: Session, ids: list[int], owner_name: str | None) -> int:
    owner_id = ensure_user(session, owner_name).id if owner_name else None
    changed = 0
    for customer_id in ids:
        customer = get_customer(session, customer_id)
        if customer.owner_id != owner_id:
            customer.owner_id = owner_id
            changed += 1
    session.flush()
    return changed


# --- contacts -------------------------------------------------------------------------------

_DAYS_IN_MONTH = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def _contact_values(fields: dict[str, Any], *, creating: bool) -> dict[str, Any]:
    values: dict[str, Any] = {}
    text_fields = {"name": 100, "phone": 40, "email": 200, "wechat": 100, "position": 100, "notes": 100_000}
    for key, value in fields.items():
        if key in text_fields:
            values[key] = clean_text(value, key, text_fields[key], required=(key == "name"))
        elif key == "is_primary":
            values[key] = bool(value)
        elif key == "birth_calendar":
            values[key] = clean_choice(value or "solar", key, ("solar", "lunar"))
        elif key == "birth_leap_month":
            values[key] = bool(value)
        elif key == "birth_year":
            values[key] = clean_int(value, key, 1900, 2100)
        elif key == "birth_month":
            values[key] = clean_int(value, key, 1, 12)
        elif key == "birth_day":
            values[key] = clean_int(value, key, 1, 31)
        elif key == "birthday":
            # A solar date given whole: split into its parts.
            day = clean_date(value, key)
            values.update(birth_calendar="solar", birth_leap_month=False,
                          birth_year=day.year if day else None, birth_month=day.month if day else None,
                          birth_day=day.day if day else None)
        else:
            raise ValidationError(f"联系人没有字段“{key}”", f"contacts have no field '{key}'", field=key)
    if creating and not values.get("name"):
        raise invalid("name", "不能为空", "must not be empty")
    if "email" in values and values["email"] and not _EMAIL.match(values["email"]):
        raise invalid("email", f"“{values['email']}”不是有效的邮箱地址", f"'{values['email']}' is not a valid email address")
    return values


def _check_birthday(contact: Contact) -> None:
    month, day = contact.birth_month, contact.birth_day
    if (month is None) != (day is None):
        raise invalid("birth_day", "生日需同时填写月和日", "a birthday needs both month and day")
    if month is None:
        return
    limit = 30 if contact.birth_calendar == "lunar" else _DAYS_IN_MONTH[month - 1]
    if day > limit:  # type: ignore[operator]
        raise invalid("birth_day", f"{month} 月没有 {day} 日", f"month {month} has no day {day}")
    if contact.birth_leap_month and contact.birth_calendar != "lunar":
        raise invalid("birth_calendar", "只有农历生日可以是闰月", "only a lunar birthday can be in a leap month")


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


def update_contact(session: Session, contact_id: int, changes: dict[str, Any], *, expected_version: int | None = None,
                  base: dict[str, Any] | None = None) -> Contact:
    """Save a contact's fields, three ways against the `base` values its form loaded (see update_customer)."""
    contact = get_row(session, Contact, contact_id, lock=True, include_deleted=expected_version is not None)
    values = _contact_values(changes, creating=False)
    values = check_version(contact, expected_version, values, base=base)
    if "name" in values and not values["name"]:
        raise invalid("name", "不能为空", "must not be empty")
    apply_values(contact, values)
    _check_birthday(contact)
    session.flush()
    if {"name", "phone"} & values.keys():
        _refresh_search_key(session, get_customer(session, contact.customer_id))
        session.flush()
    return contact


def delete_contact(session: Session, contact_id: int) -> Contact:
    contact = soft_delete(session, Contact, contact_id)
    _refresh_search_key(session, get_customer(session, contact.customer_id))
    session.flush()
    return contact


def restore_contact(session: Session, contact_id: int) -> Contact:
    contact = restore_row(session, Contact, contact_id)
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
            values[key] = clean_date(value, key, required=True)
        elif key == "amount":
            values["amount_cents"] = clean_amount(value)
        elif key == "amount_cents":
            values[key] = int(value)
        elif key == "product":
            values[key] = clean_text(value, key, 200)
        elif key == "quantity":
            values[key] = clean_int(value, "quantity", 0, 10**9)
        elif key == "notes":
            values[key] = clean_text(value, key, 100_000)
        else:
            raise ValidationError(f"交易没有字段“{key}”", f"transactions have no field '{key}'", field=key)
    if creating:
        if "occurred_on" not in values:
            raise invalid("occurred_on", "不能为空", "must not be empty")
        if "amount_cents" not in values:
            raise invalid("amount", "不能为空", "must not be empty")
    return values


def add_transaction(session: Session, customer_id: int, fields: dict[str, Any]) -> Transaction:
    customer = get_customer(session, customer_id)
    transaction = Transaction(customer_id=customer.id, **_transaction_values(fields, creating=True))
    session.add(transaction)
    session.flush()
    return transaction


def update_transaction(session: Session, transaction_id: int, changes: dict[str, Any], *, expected_version: int | None = None,
                  base: dict[str, Any] | None = None) -> Transaction:
    """Save a transaction's fields, three ways against the `base` values its form loaded (see update_customer)."""
    transaction = get_row(session, Transaction, transaction_id, lock=True, include_deleted=expected_version is not None)
    values = _transaction_values(changes, creating=False)
    values = check_version(transaction, expected_version, values, base=base)
    apply_values(transaction, values)
    session.flush()
    return transaction


def delete_transaction(session: Session, transaction_id: int) -> Transaction:
    return soft_delete(session, Transaction, transaction_id)


def restore_transaction(session: Session, transaction_id: int) -> Transaction:
    return restore_row(session, Transaction, transaction_id)


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
            values[key] = clean_choice(value, key, INTERACTION_KINDS)
        elif key == "occurred_at":
            values[key] = clean_instant(value, key)
        elif key in ("summary", "outcome", "next_step"):
            values[key] = clean_text(value, key, 100_000)
        elif key == "satisfaction":
            values[key] = clean_int(value, key, 1, 5)
        elif key == "contact_id":
            values[key] = None if value in (None, "") else get_row(session, Contact, int(value)).id
        elif key == "user_id":
            values[key] = None if value in (None, "") else int(value)
        else:
            raise ValidationError(f"互动记录没有字段“{key}”", f"interactions have no field '{key}'", field=key)
    if creating:
        if not values.get("kind"):
            raise invalid("kind", "不能为空", "must not be empty")
        values.setdefault("occurred_at", utcnow())
    return values


def _followup_fields(session: Session, fields: dict[str, Any]) -> tuple[dict[str, Any], bool, date | None, int | None]:
    """(the interaction's own fields, whether a follow-up date was given, that date, its owner's id).

    "next_step_on" dates the next step (None: no follow-up); "next_step_owner" (a login name, as the
    customer's owner) or "next_step_owner_id" says whose it is, the customer's owner by default."""
    fields = dict(fields)
    given = "next_step_on" in fields
    due_on = clean_date(fields.pop("next_step_on", None), "next_step_on")
    owner_name = fields.pop("next_step_owner", None)
    owner_id = fields.pop("next_step_owner_id", None)
    if owner_name:
        owner_id = ensure_user(session, owner_name).id
    elif owner_id not in (None, ""):
        owner_id = get_row(session, User, int(owner_id)).id
    else:
        owner_id = None
    return fields, given, due_on, owner_id


def log_interaction(session: Session, customer_id: int, fields: dict[str, Any]) -> Interaction:
    customer = get_customer(session, customer_id)
    fields, _given, due_on, owner_id = _followup_fields(session, fields)
    values = _interaction_values(session, fields, creating=True)
    if "user_id" not in values:
        user_name = session.info.get("user")
        if user_name:
            values["user_id"] = ensure_user(session, user_name).id
    interaction = Interaction(customer_id=customer.id, **values)
    session.add(interaction)
    session.flush()
    if due_on is not None:  # a dated next step is a to-do: in the calendar, the reminders, the sheets
        set_followup(session, interaction, due_on, owner_id)
    # Any logged contact completes the revisit it was (a plan whose window it falls in) and
    # restarts the customer's cadence (last contact + tier interval).
    contact_logged(session, customer.id)
    return interaction


def update_interaction(session: Session, interaction_id: int, changes: dict[str, Any], *, expected_version: int | None = None,
                       base: dict[str, Any] | None = None) -> Interaction:
    """Save an interaction's fields, three ways against the `base` values its form loaded (see
    update_customer); a dated next step moves its to-do."""
    interaction = get_row(session, Interaction, interaction_id, lock=True, include_deleted=expected_version is not None)
    changes, given, due_on, owner_id = _followup_fields(session, changes)
    values = _interaction_values(session, changes, creating=False)
    values = check_version(interaction, expected_version, values, base=base)
    moved = "occurred_at" in values and values["occurred_at"] != interaction.occurred_at
    apply_values(interaction, values)
    session.flush()
    if given:
        set_followup(session, interaction, due_on, owner_id)
    elif "next_step" in values:  # the promise reworded: its to-do says so too
        plan = followup_of(session, interaction.id)
        if plan is not None:
            set_followup(session, interaction, plan.due_on, plan.owner_id)
    if moved:  # now perhaps in a plan's window
        contact_logged(session, interaction.customer_id)
    return interaction


def delete_interaction(session: Session, interaction_id: int) -> Interaction:
    interaction = soft_delete(session, Interaction, interaction_id)
    reopen_for_removed_contacts(session, [interaction.id])
    drop_followups_of(session, interaction.id)
    return interaction


def restore_interaction(session: Session, interaction_id: int) -> Interaction:
    interaction = restore_row(session, Interaction, interaction_id)
    restore_followups_of(session, interaction.id)
    contact_logged(session, interaction.customer_id)
    return interaction


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
            values[key] = clean_choice(value, key, FEEDBACK_KINDS)
        elif key in ("received_on", "resolved_on"):
            values[key] = clean_date(value, key)
        elif key == "content":
            values[key] = clean_text(value, key, 100_000, required=True)
        elif key == "resolution":
            values[key] = clean_text(value, key, 100_000)
        elif key == "resolved":
            values[key] = bool(value)
        else:
            raise ValidationError(f"反馈没有字段“{key}”", f"feedback has no field '{key}'", field=key)
    if creating:
        for required in ("kind", "content"):
            if not values.get(required):
                raise invalid(required, "不能为空", "must not be empty")
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


def update_feedback(session: Session, feedback_id: int, changes: dict[str, Any], *, expected_version: int | None = None,
                  base: dict[str, Any] | None = None) -> Feedback:
    """Save a feedback's fields, three ways against the `base` values its form loaded (see update_customer)."""
    feedback = get_row(session, Feedback, feedback_id, lock=True, include_deleted=expected_version is not None)
    values = _feedback_values(changes, creating=False)
    values = check_version(feedback, expected_version, values, base=base)
    apply_values(feedback, values)
    session.flush()
    return feedback


def resolve_feedback(session: Session, feedback_id: int, resolution: str | None, resolved_on: date) -> Feedback:
    return update_feedback(session, feedback_id, {"resolved": True, "resolution": resolution, "resolved_on": resolved_on})


def delete_feedback(session: Session, feedback_id: int) -> Feedback:
    return soft_delete(session, Feedback, feedback_id)


def restore_feedback(session: Session, feedback_id: int) -> Feedback:
    return restore_row(session, Feedback, feedback_id)


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


# --- saving after a conflict -----------------------------------------------------------------

_UPDATERS = {
    "customers": (update_customer, Customer),
    "contacts": (update_contact, Contact),
    "transactions": (update_transaction, Transaction),
    "interactions": (update_interaction, Interaction),
    "feedback": (update_feedback, Feedback),
    "revisit_plans": (update_revisit_plan, RevisitPlan),
}


def save_resolution(session: Session, resolution: Resolution) -> Tracked:
    """Save what a person chose in the conflict dialog: their changes, three ways against the
    values stored when the conflict was shown, and the values they gave up kept in the history."""
    update, model = _UPDATERS[resolution.entity]
    assert resolution.id is not None
    row = update(session, resolution.id, resolution.changes, expected_version=resolution.expected_version,
                 base=resolution.base) if resolution.changes else get_row(session, model, resolution.id, lock=True)
    kept = {"tags": tags_text(t.name for t in row.tags)} if isinstance(row, Customer) else None
    keep_discarded(session, row, resolution.discarded, kept)
    return row
