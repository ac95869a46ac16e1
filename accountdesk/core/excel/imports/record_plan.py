"""Planning rows that belong to a customer (contacts, transactions, interactions): whose, and whether already there."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timezone
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from accountdesk.core.excel.imports.planner import (
    MODELS,
    STORED_FIELDS,
    CustomerIndex,
    ImportOptions,
    UserIndex,
    _chunks,
    _diff,
    _plain,
    _problem,
)
from accountdesk.core.excel.imports.rows import Problem, RowPlan
from accountdesk.core.excel.read.headers import HeaderMatch
from accountdesk.core.excel.read.values import Birthday, code_key, name_key, phone_key
from accountdesk.core.i18n import Message
from accountdesk.core.storage.models import Contact


class CustomerResolver:
    """Finds the customer a transaction, interaction or contact row names, by code or by name."""

    def __init__(self, session: Session, header: HeaderMatch, options: ImportOptions) -> None:
        self.index = CustomerIndex(session, full=False)
        self.header = header
        self.options = options
        self.new_customers: dict[str, dict[str, Any]] = {}
        self.new_by_code: dict[str, str] = {}
        self.new_by_name: dict[str, str] = {}

    def resolve(self, parsed: RowPlan, plan: RowPlan) -> None:
        values = parsed.values
        code = values.pop("customer_code", None)
        name = values.pop("customer_name", None)
        index = self.index
        if not code and not name:
            plan.problems.append(Problem(parsed.row, None, Message("没有写明客户（客户编号或客户名称）",
                                                                    "no customer given (customer code or name)")))
            return
        if code:
            found = index.by_code.get(code_key(code))
            if found is not None:
                plan.customer_id = found
                return
            if code_key(code) in self.new_by_code:
                plan.new_customer = self.new_by_code[code_key(code)]
                return
        if name:
            exact = index.by_exact_name.get(_plain(name), [])
            fuzzy = index.by_name_key.get(name_key(name) or "", [])
            candidates = exact or fuzzy
            if len(set(candidates)) == 1:
                plan.customer_id = candidates[0]
                if code:
                    plan.problems.append(_problem(parsed, self.header, "customer_code",
                                                  f"客户编号“{code}”不存在，已按名称对应到 {index.describe(candidates[0])}",
                                                  f"customer code '{code}' is unknown; matched {index.describe(candidates[0])} by name",
                                                  warning=True))
                elif not exact:
                    plan.note = Message(f"按名称对应到 {index.describe(candidates[0])}",
                                        f"matched {index.describe(candidates[0])} by name")
                return
            if len(set(candidates)) > 1:
                listed = "、".join(index.describe(c) for c in dict.fromkeys(candidates))
                plan.problems.append(_problem(parsed, self.header, "customer_name",
                                              f"有多个客户名为“{name}”（{listed}），请写明客户编号",
                                              f"several customers are called '{name}' ({listed}); give the customer code"))
                return
            key = name_key(name) or _plain(name)
            if key in self.new_by_name:
                plan.new_customer = self.new_by_name[key]
                return
        if self.options.create_customers:
            if not name:
                plan.problems.append(_problem(parsed, self.header, "customer_code",
                                              f"客户编号“{code}”不存在，且没有客户名称可用来新建客户",
                                              f"customer code '{code}' is unknown and there is no name to create the customer with"))
                return
            key = f"new:{len(self.new_customers) + 1}"
            self.new_customers[key] = {"code": code, "name": name, "row": parsed.row}
            if code:
                self.new_by_code[code_key(code)] = key
            self.new_by_name[name_key(name) or _plain(name)] = key
            plan.new_customer = key
            return
        what = f"“{code}”" if code else f"“{name}”"
        field_name = "customer_code" if code else "customer_name"
        plan.problems.append(_problem(parsed, self.header, field_name,
                                      f"找不到客户{what}（可用 --create-customers 新建）",
                                      f"unknown customer {what.strip('“”')!r} (use --create-customers to create it)"))


def _local_to_utc(moment: datetime) -> datetime:
    # A sheet's times are the manager's local wall-clock times.
    return moment.astimezone(timezone.utc)


def _child_values(kind: str, parsed: RowPlan, header: HeaderMatch, users: UserIndex) -> None:
    values = parsed.values
    if kind == "contacts":
        birthday = values.pop("birthday", None)
        if isinstance(birthday, Birthday):
            values.update(birth_calendar="lunar" if birthday.lunar else "solar", birth_year=birthday.year,
                          birth_month=birthday.month, birth_day=birthday.day, birth_leap_month=birthday.leap_month)
        if "name" not in values and not any(p.field == "name" for p in parsed.problems):
            parsed.problems.append(_problem(parsed, header, "name", "缺少联系人姓名", "the contact's name is missing"))
    elif kind == "transactions":
        if "amount" in values:
            values["amount_cents"] = values.pop("amount")
        for name, zh, en in (("occurred_on", "缺少日期", "the date is missing"), ("amount_cents", "缺少金额", "the amount is missing")):
            source = "amount" if name == "amount_cents" else name
            if name not in values and not any(p.field == source for p in parsed.problems):
                parsed.problems.append(_problem(parsed, header, source, zh, en))
    elif kind == "interactions":
        moment = values.get("occurred_at")
        if isinstance(moment, datetime):
            values["occurred_at"] = _local_to_utc(moment)
        elif not any(p.field == "occurred_at" for p in parsed.problems):
            parsed.problems.append(_problem(parsed, header, "occurred_at", "缺少时间", "the date is missing"))
        values.setdefault("kind", "other")
        by = values.pop("user", None)
        if by:
            user_id = users.find(by)
            if user_id is None:
                parsed.problems.append(_problem(parsed, header, "user", f"“{by}”不是团队成员，未记录经办人",
                                                f"'{by}' is not a team member; left unset", warning=True))
            else:
                values["user_id"] = user_id


def _natural_key(kind: str, customer: int | str, values: dict[str, Any]) -> tuple | None:
    if kind == "transactions":
        return (customer, values.get("occurred_on"), values.get("amount_cents"), _plain(values.get("product") or ""))
    if kind == "interactions":
        moment = values.get("occurred_at")
        if isinstance(moment, datetime):
            moment = moment.replace(microsecond=0)
        return (customer, moment, values.get("kind"), _plain(values.get("summary") or "")[:200])
    return None


def _contact_keys(customer: int | str, values: dict[str, Any]) -> list[tuple]:
    keys = []
    if values.get("name"):
        keys.append((customer, "name", name_key(values["name"]) or _plain(values["name"])))
    phone = phone_key(values.get("phone"))
    if phone:
        keys.append((customer, "phone", phone))
    return keys


def _load_existing(session: Session, kind: str, customer_ids: set[int], uids: set[str]
                   ) -> tuple[dict, dict, dict, set[str]]:
    """Existing records of these customers (and those named by uid): natural key → id, uid → id,
    id → values, and the uids of deleted records (which a new record must not reuse)."""
    model = MODELS[kind]
    fields = STORED_FIELDS[kind]
    columns = [model.id, model.uid, model.customer_id, *(getattr(model, f) for f in fields)]
    by_key: dict[tuple, list[int]] = {}
    by_uid: dict[str, int] = {}
    current: dict[int, dict[str, Any]] = {}
    dead: set[str] = set()
    for chunk in _chunks(sorted(uids)):
        dead.update(session.scalars(select(model.uid).where(model.uid.in_(chunk), model.deleted_at.is_not(None))))
    batches = [model.customer_id.in_(chunk) for chunk in _chunks(sorted(customer_ids))]
    batches += [model.uid.in_(chunk) for chunk in _chunks(sorted(uids))]
    for condition in batches:
        for record in session.execute(select(*columns).where(condition, model.deleted_at.is_(None))):
            values = dict(zip(fields, record[3:], strict=True))
            current[record[0]] = values
            by_uid[record[1]] = record[0]
            if kind == "contacts":
                for key in _contact_keys(record[2], values):
                    by_key.setdefault(key, []).append(record[0])
            else:
                key = _natural_key(kind, record[2], values)
                if key is not None:
                    by_key.setdefault(key, []).append(record[0])
    for ids in by_key.values():
        ids.sort()  # the n-th line of a sheet meets the n-th record with its key, in the order written
    return by_key, by_uid, current, dead


def plan_children(session: Session, kind: str, parsed_rows: list[RowPlan], header: HeaderMatch,
                  options: ImportOptions, progress: Callable[[int, int], None] | None = None
                  ) -> tuple[list[RowPlan], dict[str, dict[str, Any]]]:
    resolver = CustomerResolver(session, header, options)
    users = UserIndex(session)
    plans: list[RowPlan] = []
    for parsed in parsed_rows:
        plan = parsed
        resolver.resolve(parsed, plan)
        _child_values(kind, parsed, header, users)
        plans.append(plan)
    customer_ids = {p.customer_id for p in plans if p.customer_id is not None}
    uids = {p.values["uid"] for p in plans if p.values.get("uid")}
    by_key, by_uid, current, dead_uids = _load_existing(session, kind, customer_ids, uids)
    contacts_by_customer = _contacts_by_customer(session, customer_ids) if kind == "interactions" else {}
    mode = options.on_duplicate
    seen: dict[tuple, RowPlan] = {}
    # Two identical purchase lines in one file are two purchases (the same item ordered twice in a
    # day), not a duplicate: they count by multiplicity. The n-th line with a key matches the n-th
    # record already stored with it, so importing the same file again adds nothing.
    by_multiplicity = kind in ("transactions", "interactions")
    occurrences: dict[tuple, int] = {}
    targeted: dict[int, RowPlan] = {}
    total = len(plans)
    for number, plan in enumerate(plans):
        if progress and number % 5000 == 0:
            progress(number, total)
        values = plan.values
        if kind == "interactions" and values.get("contact") is not None:
            _resolve_contact(plan, header, contacts_by_customer)
        if plan.errors:
            plan.action = "error"
            continue
        owner: int | str = plan.customer_id if plan.customer_id is not None else plan.new_customer  # type: ignore[assignment]
        keys = _contact_keys(owner, values) if kind == "contacts" else [k for k in [_natural_key(kind, owner, values)] if k]
        uid = values.get("uid")
        if uid:
            keys.insert(0, ("uid", uid))
        repeat_keys = ([("uid", uid)] if uid else []) if by_multiplicity else keys
        earlier = next((seen[k] for k in repeat_keys if k in seen), None)
        if earlier is not None and mode != "new":
            plan.action = "duplicate"
            plan.note = Message(f"与第 {earlier.row} 行重复", f"duplicate of row {earlier.row}")
            continue
        matched = by_uid.get(uid) if uid else None
        if matched is None and by_multiplicity:
            key = keys[-1] if keys and keys[-1][0] != "uid" else None
            if key is not None:
                nth = occurrences.get(key, 0)
                occurrences[key] = nth + 1
                stored = by_key.get(key, [])
                matched = stored[nth] if nth < len(stored) else None
        elif matched is None:
            matched = next((by_key[k][0] for k in keys if k in by_key), None)
        for key in repeat_keys:
            seen.setdefault(key, plan)
        if matched is None:
            if uid and uid in dead_uids:
                values.pop("uid", None)  # that record was deleted; this one becomes a new record
            continue
        plan.target_id = matched
        if mode == "skip":
            plan.action = "duplicate"
            plan.note = Message("数据库中已有相同记录，跳过", "the same record is already in the database; skipped")
        elif mode == "update":
            if matched in targeted:
                plan.action = "duplicate"
                plan.note = Message(f"与第 {targeted[matched].row} 行对应同一记录", f"matches the same record as row {targeted[matched].row}")
                continue
            targeted[matched] = plan
            changes = _diff(current[matched], values, STORED_FIELDS[kind])
            plan.changes = changes
            plan.action = "update" if changes else "unchanged"
        else:
            plan.target_id = None
            if uid:
                values.pop("uid", None)  # a second copy gets its own identity
    # A customer is created only for rows that go in: one named only by rejected rows is not.
    wanted = {plan.new_customer for plan in plans if plan.action == "new" and plan.new_customer}
    return plans, {key: values for key, values in resolver.new_customers.items() if key in wanted}


def _contacts_by_customer(session: Session, customer_ids: set[int]) -> dict[int, dict[str, int]]:
    found: dict[int, dict[str, int]] = {}
    for chunk in _chunks(sorted(customer_ids)):
        for contact_id, customer_id, name in session.execute(
            select(Contact.id, Contact.customer_id, Contact.name).where(Contact.customer_id.in_(chunk), Contact.deleted_at.is_(None))
        ):
            found.setdefault(customer_id, {}).setdefault(_plain(name), contact_id)
    return found


def _resolve_contact(plan: RowPlan, header: HeaderMatch, contacts: dict[int, dict[str, int]]) -> None:
    name = plan.values.pop("contact")
    contact_id = contacts.get(plan.customer_id or -1, {}).get(_plain(name))
    if contact_id is None:
        column = header.describe_column(header.columns["contact"])
        plan.problems.append(Problem(plan.row, column, Message(f"客户没有名为“{name}”的联系人，未关联联系人",
                                                               f"the customer has no contact named '{name}'; left unlinked"),
                                     "contact", warning=True))
    else:
        plan.values["contact_id"] = contact_id
