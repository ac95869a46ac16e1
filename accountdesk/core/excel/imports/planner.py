"""The import plan: for every row, before anything is written, new / update / unchanged / duplicate / error and why."""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from accountdesk.core.excel.imports.rows import Problem, RowPlan
from accountdesk.core.excel.read.headers import HeaderMatch
from accountdesk.core.excel.read.reader import SheetData
from accountdesk.core.excel.read.values import Birthday, MonthDay, PersonName, code_key, name_key, phone_key
from accountdesk.core.i18n import Message
from accountdesk.core.storage.models import Contact, Customer, Interaction, Transaction, User, utcnow
from accountdesk.core.time import local_date

ON_DUPLICATE = ("skip", "update", "new")
ACTIONS = ("new", "update", "unchanged", "duplicate", "error")
# Customer fields an import can set, in sheet order; the rest belong to tiering or the team.
CUSTOMER_FIELDS = (
    "code", "name", "company", "contact_person", "phone", "landline", "email", "position", "address", "region",
    "industry", "source", "birthday", "cooperation_since", "owner_id", "tier", "stage", "need_type",
    "purchasing_power", "referrals", "followers", "notes", "custom_fields",
)
# An update never rewrites the code (it is how the row was matched) nor the grade and stage,
# which tiering owns and records in the tier history; a sheet sets them only on new customers.
UPDATABLE_CUSTOMER_FIELDS = tuple(f for f in CUSTOMER_FIELDS if f not in ("code", "tier", "stage"))
CONTACT_FIELDS = ("name", "phone", "email", "wechat", "position", "is_primary", "birth_calendar", "birth_year",
                  "birth_month", "birth_day", "birth_leap_month", "notes")
TRANSACTION_FIELDS = ("occurred_on", "product", "quantity", "amount_cents", "notes")
INTERACTION_FIELDS = ("kind", "occurred_at", "summary", "outcome", "next_step", "satisfaction", "contact_id", "user_id")
MODELS = {"customers": Customer, "contacts": Contact, "transactions": Transaction, "interactions": Interaction}
STORED_FIELDS = {"customers": CUSTOMER_FIELDS, "contacts": CONTACT_FIELDS, "transactions": TRANSACTION_FIELDS,
                 "interactions": INTERACTION_FIELDS}
_CHUNK = 500


@dataclass
class ImportOptions:
    on_duplicate: str = "skip"  # skip | update | new
    create_customers: bool = False
    strict: bool = False
    # The day of the import: a year-less 最近拜访 is the latest such day on or before it, and an
    # opening purchase figure is dated on it. None: the local date when the plan is made.
    today: date | None = None
    # Headers of columns the user chose not to keep (as custom fields or otherwise).
    skip_columns: tuple[str, ...] = ()


@dataclass
class ImportPlan:
    kind: str
    sheet: SheetData
    header: HeaderMatch
    options: ImportOptions
    rows: list[RowPlan]
    new_customers: dict[str, dict[str, Any]] = field(default_factory=dict)  # child kinds, --create-customers
    notes: list[Message] = field(default_factory=list)  # file-level remarks (ignored columns …)

    def counts(self) -> dict[str, int]:
        counts = dict.fromkeys(ACTIONS, 0)
        for row in self.rows:
            counts[row.action] += 1
        counts["customers_created"] = len(self.new_customers) if self.kind != "customers" else counts["new"]
        return counts

    @property
    def rejected(self) -> list[RowPlan]:
        return [row for row in self.rows if row.action == "error"]

    @property
    def writes(self) -> int:
        return sum(1 for row in self.rows if row.action in ("new", "update"))

    def problems(self) -> list[Problem]:
        return [p for row in self.rows for p in row.problems]


def _problem(parsed: RowPlan, header: HeaderMatch, name: str | None, zh: str, en: str, *, warning: bool = False) -> Problem:
    column = header.describe_column(header.columns[name]) if name and name in header.columns else None
    return Problem(parsed.row, column, Message(zh, en), name, warning)


def _plain(text: str) -> str:
    return unicodedata.normalize("NFKC", text).strip().casefold()


def _chunks(items: list, size: int = _CHUNK) -> Iterable[list]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


class UserIndex:
    """Team members by login or display name, for owner and "by" columns."""

    def __init__(self, session: Session) -> None:
        self.by_name: dict[str, int] = {}
        self.names: dict[int, str] = {}
        for user_id, name, display in session.execute(select(User.id, User.name, User.display_name).where(User.deleted_at.is_(None))):
            self.names[user_id] = display or name
            for key in (name, display):
                if key:
                    self.by_name.setdefault(_plain(key), user_id)

    def find(self, name: str) -> int | None:
        return self.by_name.get(_plain(name))


class CustomerIndex:
    """Live customers by code, phone and fuzzy name, to find duplicates and whom a row belongs to."""

    def __init__(self, session: Session, *, full: bool) -> None:
        columns = [getattr(Customer, name) for name in CUSTOMER_FIELDS] if full else [
            Customer.code, Customer.name, Customer.company, Customer.phone]
        self.rows: dict[int, dict[str, Any]] = {}
        self.by_code: dict[str, int] = {}
        self.by_phone: dict[str, list[int]] = {}
        self.by_name_key: dict[str, list[int]] = {}
        self.by_exact_name: dict[str, list[int]] = {}
        keys = [c.key for c in columns]
        for record in session.execute(select(Customer.id, *columns).where(Customer.deleted_at.is_(None))):
            values = dict(zip(keys, record[1:], strict=True))
            self.add(record[0], values)

    def add(self, customer_id: int, values: dict[str, Any]) -> None:
        self.rows[customer_id] = values
        if values.get("code"):
            self.by_code[code_key(values["code"])] = customer_id
        phone = phone_key(values.get("phone"))
        if phone:
            self.by_phone.setdefault(phone, []).append(customer_id)
        for text in (values.get("name"), values.get("company")):
            key = name_key(text)
            if key:
                ids = self.by_name_key.setdefault(key, [])
                if customer_id not in ids:
                    ids.append(customer_id)
        if values.get("name"):
            self.by_exact_name.setdefault(_plain(values["name"]), []).append(customer_id)

    def describe(self, customer_id: int) -> str:
        row = self.rows[customer_id]
        return f"{row.get('name')}（{row.get('code')}）"


def _same(field_name: str, old: Any, new: Any) -> bool:
    if field_name == "phone":
        return old == new or (phone_key(old) is not None and phone_key(old) == phone_key(new))
    if isinstance(old, str) and isinstance(new, str):
        return old.strip() == new.strip()
    if isinstance(old, datetime) and isinstance(new, datetime):
        # Sheets hold times to the second.
        return abs((old - new).total_seconds()) < 1
    return old == new


def _diff(current: dict[str, Any], values: dict[str, Any], fields: Iterable[str]) -> dict[str, tuple[Any, Any]]:
    return {name: (current.get(name), values[name]) for name in fields
            if name in values and not _same(name, current.get(name), values[name])}


# --- customers -----------------------------------------------------------------------------------


# A WeChat cell saying the WeChat is the mobile number.
_WECHAT_IS_PHONE = frozenset({"同手机", "同手机号", "同电话", "手机同号", "同号", "同上", "手机号"})
# Opening figures this large are more often a unit applied twice than a real year's purchases.
IMPLAUSIBLE_CENTS = 100_000_000 * 100


def _customer_values(parsed: RowPlan, header: HeaderMatch, users: UserIndex, today: date) -> None:
    values = parsed.values
    if "name" not in values and "company" in values and "name" not in header.columns:
        values["name"] = values["company"]
    if "name" not in values and not any(p.field == "name" for p in parsed.problems):
        parsed.problems.append(_problem(parsed, header, "name", "缺少客户名称", "the customer name is missing"))
    _person_values(parsed, header, today)
    opening = values.pop("opening_spend", None)
    if opening:
        parsed.extras["opening_spend"] = opening
        if abs(opening) > IMPLAUSIBLE_CENTS:
            parsed.problems.append(_problem(
                parsed, header, "opening_spend", f"金额 ¥{opening / 100:,.2f} 超过 1 亿元，请核对单位",
                f"the amount ¥{opening / 100:,.2f} is over ¥100 million; please check its unit", warning=True))
    last = values.pop("last_contact", None)
    if isinstance(last, MonthDay):
        last = last.latest_on_or_before(today)
    if last is not None:
        if last > today:
            parsed.problems.append(_problem(parsed, header, "last_contact", f"最近拜访“{last}”在今天之后，未记为联系",
                                            f"last contact {last} is after today; not recorded", warning=True))
        else:
            parsed.extras["last_contact"] = last
    owner = values.pop("owner", None) if "owner" in values else None
    if owner:
        owner_id = users.find(owner)
        if owner_id is None:
            parsed.problems.append(_problem(parsed, header, "owner", f"负责人“{owner}”不是团队成员，未设置",
                                            f"owner '{owner}' is not a team member; left unset", warning=True))
        else:
            values["owner_id"] = owner_id


def _person_values(parsed: RowPlan, header: HeaderMatch, today: date) -> None:
    """The person columns of a customer sheet (联系人, 手机, 职位, 微信, 生日) describe its contact
    person: they make (or update) the customer's primary contact, and the birthday is the person's,
    never the company's. A birthday nobody can read is said for its cell and costs nothing else."""
    values = parsed.values
    if isinstance(values.get("phone"), PersonName):
        person = values.pop("phone")
        if person.phone:
            values["phone"] = person.phone
        if "contact_person" not in values:
            values["contact_person"] = person.text
    for problem in parsed.problems:
        if problem.field == "birthday" and not problem.warning:
            problem.warning = True
            problem.message = Message(f"{problem.message.zh}；生日无法识别，客户照常导入，生日留空",
                                      f"{problem.message.en}; the birthday is unreadable, the customer is "
                                      "imported without it")
    birthday = values.pop("birthday", None)
    if birthday is not None and birthday.year is not None and not birthday.lunar and birthday.year > today.year - 10:
        # Nobody a key-account manager deals with was born in the last ten years: Excel made "3月12日"
        # typed into a cell a date of the year it was typed. The month and day are the birthday.
        birthday = Birthday(birthday.month, birthday.day)
    wechat = values.pop("wechat", None)
    if wechat and _plain(wechat) in _WECHAT_IS_PHONE:
        wechat = values.get("phone")
    name = values.get("contact_person")
    if "contact_person" not in header.columns:
        # No person named beside the customer: the customer is the person (a sheet of people). A full
        # date stays the customer's birthday; a lunar or year-less one, which only a contact can
        # hold, goes on a contact of the same name.
        if birthday is not None and birthday.as_date() is not None:
            values["birthday"], birthday = birthday.as_date(), None
        if name is None and (birthday is not None or wechat):
            name = values.get("name")
    if not name:
        return
    contact: dict[str, Any] = {"name": name, "phone": values.get("phone"), "position": values.get("position"),
                               "wechat": wechat}
    if birthday is not None:
        contact.update(birth_calendar="lunar" if birthday.lunar else "solar", birth_year=birthday.year,
                       birth_month=birthday.month, birth_day=birthday.day, birth_leap_month=birthday.leap_month)
    parsed.extras["contact"] = {k: v for k, v in contact.items() if v is not None}


_SAME_CODE = Message("编号相同", "same code")
_SAME_PHONE = Message("电话相同", "same phone")
_SAME_NAME = Message("名称相同", "same name")
_SIMILAR_NAME = Message("名称相似", "similar name")


def _name_reason(name: str | None, company: str | None, other_names: Iterable[str | None]) -> Message:
    """名称相同 when a name is the other's, letter for letter; 名称相似 when only the common suffixes
    (有限公司, Ltd …) and punctuation differ."""
    mine = {_plain(n) for n in (name, company) if n}
    return _SAME_NAME if mine & {_plain(n) for n in other_names if n} else _SIMILAR_NAME


def plan_customers(session: Session, parsed_rows: list[RowPlan], header: HeaderMatch, options: ImportOptions,
                   progress: Callable[[int, int], None] | None = None) -> list[RowPlan]:
    index = CustomerIndex(session, full=True)
    users = UserIndex(session)
    mode = options.on_duplicate
    seen_code: dict[str, RowPlan] = {}
    seen_phone: dict[str, RowPlan] = {}
    seen_name: dict[str, RowPlan] = {}
    plans: list[RowPlan] = []
    updated_targets: dict[int, RowPlan] = {}
    total = len(parsed_rows)
    today = options.today or local_date(utcnow())
    for number, parsed in enumerate(parsed_rows):
        if progress and number % 5000 == 0:
            progress(number, total)
        _customer_values(parsed, header, users, today)
        values = parsed.values
        problems = parsed.problems
        plan = parsed  # the parsed row becomes its own plan
        plans.append(plan)
        if problems and not all(p.warning for p in problems):
            plan.action = "error"
            continue
        code = values.get("code")
        ck = code_key(code) if code else None
        pk = phone_key(values.get("phone"))
        name, company = values.get("name"), values.get("company")
        nks = [name_key(name)]
        if company and company != name:
            nks.append(name_key(company))
        nks = [k for k in dict.fromkeys(nks) if k]

        # Within the file: the first row wins; a later one naming the same customer is a duplicate.
        earlier, reason = None, None
        if ck and ck in seen_code:
            earlier, reason = seen_code[ck], _SAME_CODE
        else:
            hits = [(seen_phone[pk], _SAME_PHONE)] if pk and pk in seen_phone else []
            hits += [(seen_name[k], _name_reason(name, company, (seen_name[k].values.get("name"),
                                                                 seen_name[k].values.get("company"))))
                     for k in nks if k in seen_name]
            for other, why in hits:
                other_code = other.values.get("code")
                if ck and other_code and code_key(other_code) != ck:
                    # Both coded, differently: two customers that share a phone or a name.
                    _similar(plan, parsed, f"第 {other.row} 行（编号 {other_code}）", f"row {other.row} (code {other_code})", why)
                    continue
                earlier, reason = other, why
                break
        if earlier is not None:
            if mode == "new" and not (ck and ck in seen_code):
                pass
            else:
                plan.action = "duplicate" if mode != "new" else "error"
                plan.note = Message(f"与第 {earlier.row} 行重复（{reason.zh}）", f"duplicate of row {earlier.row} ({reason.en})")
                if plan.action == "error":
                    plan.problems.append(_problem(parsed, header, "code", f"编号在文件中出现两次（第 {earlier.row} 行）",
                                                  f"the code appears twice in the file (row {earlier.row})"))
                continue

        # Against the database.
        matched: int | None = None
        conflict = False
        why = None
        if ck and ck in index.by_code:
            matched, why = index.by_code[ck], _SAME_CODE
        else:
            candidates: list[tuple[int, Message]] = []
            if pk and pk in index.by_phone:
                candidates += [(cid, _SAME_PHONE) for cid in index.by_phone[pk]]
            for key in nks:
                if key in index.by_name_key:
                    candidates += [(cid, _name_reason(name, company, (index.rows[cid].get("name"),
                                                                      index.rows[cid].get("company"))))
                                   for cid in index.by_name_key[key]]
            if candidates and ck:
                # The sheet gives a code no customer has: a new customer, however alike.
                cid, why = candidates[0]
                _similar(plan, parsed, f"已有客户 {index.describe(cid)}", f"existing customer {index.describe(cid)}", why)
            elif candidates:
                matched, why = candidates[0]
                conflict = len({cid for cid, _ in candidates}) > 1
        if matched is None:
            _register(plan, ck, pk, nks, seen_code, seen_phone, seen_name)
            continue
        existing = index.describe(matched)
        plan.target_id = matched
        if mode == "skip":
            plan.action = "duplicate"
            plan.note = Message(f"已有客户 {existing}（{why.zh}），跳过", f"already in the database as {existing} ({why.en}); skipped")
        elif mode == "new":
            if ck and ck in index.by_code:
                plan.action = "error"
                plan.problems.append(_problem(parsed, header, "code", f"编号已被客户 {existing} 使用",
                                              f"the code is already used by {existing}"))
            else:
                plan.target_id = None
                plan.note = Message(f"与已有客户 {existing} 相似（{why.zh}），仍作为新客户导入",
                                    f"similar to {existing} ({why.en}); imported as a new customer anyway")
                _register(plan, ck, pk, nks, seen_code, seen_phone, seen_name)
        else:  # update
            if conflict:
                plan.action = "error"
                plan.problems.append(Problem(parsed.row, None, Message(
                    f"与多个已有客户相同（{why.zh}，如 {existing}），无法确定更新哪一个；请补上客户编号，或用 --on-duplicate new",
                    f"matches several existing customers ({why.en}, e.g. {existing}); give the customer code, "
                    "or use --on-duplicate new"), None))
            elif matched in updated_targets:
                plan.action = "duplicate"
                plan.note = Message(f"与第 {updated_targets[matched].row} 行更新同一客户", f"updates the same customer as row {updated_targets[matched].row}")
            else:
                if "custom_fields" in values:
                    # The sheet's columns add to the custom fields kept from earlier sheets.
                    values["custom_fields"] = {**(index.rows[matched].get("custom_fields") or {}), **values["custom_fields"]}
                changes = _diff(index.rows[matched], values, UPDATABLE_CUSTOMER_FIELDS)
                plan.changes = changes
                plan.action = "update" if changes else "unchanged"
                plan.note = Message(f"已有客户 {existing}（{why.zh}）", f"existing customer {existing} ({why.en})")
                updated_targets[matched] = plan
            _register(plan, ck, pk, nks, seen_code, seen_phone, seen_name)
    return plans


def _similar(plan: RowPlan, parsed: RowPlan, other_zh: str, other_en: str, why: Message) -> None:
    if any(p.warning and p.field == "similar" for p in plan.problems):
        return
    plan.problems.append(Problem(parsed.row, None, Message(
        f"与{other_zh}{why.zh}，但编号不同，按不同客户导入；请核对",
        f"{why.en} as {other_en} but a different code, so imported as another customer; please check"),
        "similar", warning=True))


def _register(plan: RowPlan, ck, pk, nks, seen_code, seen_phone, seen_name) -> None:
    if ck:
        seen_code.setdefault(ck, plan)
    if pk:
        seen_phone.setdefault(pk, plan)
    for key in nks:
        seen_name.setdefault(key, plan)


def json_value(value: Any) -> Any:
    """A stored value as JSON keeps it (for ImportRecord.before and --json)."""
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return value
