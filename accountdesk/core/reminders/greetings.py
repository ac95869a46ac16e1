"""A festival's recipient list: whom to greet (customers of the chosen tiers and owners), through
which contact, with a personal greeting that addresses them as people do (魏总, 刘经理), exportable
for sending; marking them greeted logs a care contact on each customer."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from accountdesk.core.changes import Changes
from accountdesk.core.excel.exports.writer import ExportColumn, Written, write_table
from accountdesk.core.i18n import Message, ValidationError
from accountdesk.core.reminders.care_dates import FESTIVAL_NAMES, Festival, festivals_in_year
from accountdesk.core.reminders.settings import ReminderSettings, load_reminder_settings
from accountdesk.core.revisits.completion import GREETED
from accountdesk.core.storage.models import Contact, Customer, Interaction, User
from accountdesk.core.time import local_noon_utc

# Two-character surnames (复姓) common enough to meet on a customer list.
COMPOUND_SURNAMES = frozenset((
    "欧阳", "司马", "诸葛", "上官", "东方", "皇甫", "尉迟", "公孙", "慕容", "令狐", "夏侯", "长孙", "宇文",
    "司徒", "轩辕", "端木", "独孤", "南宫", "万俟", "闻人", "申屠", "澹台", "呼延", "司空", "赫连", "钟离",
))
# How a title is said after the surname, most senior first: 总经理 王强 → 王总, 销售经理 刘芳 → 刘经理.
TITLES = (
    ("董事长", "董"), ("总裁", "总"), ("总经理", "总"), ("总监", "总"), ("副总", "总"), ("CEO", "总"), ("总", "总"),
    ("主任", "主任"), ("部长", "部长"), ("处长", "处长"), ("局长", "局长"), ("科长", "科长"), ("院长", "院长"),
    ("校长", "校长"), ("厂长", "厂长"), ("店长", "店长"), ("经理", "经理"), ("主管", "主管"), ("教授", "教授"),
    ("老师", "老师"), ("医生", "医生"), ("律师", "律师"), ("工程师", "工"),
)


def surname_of(name: str) -> str:
    name = name.strip()
    return name[:2] if name[:2] in COMPOUND_SURNAMES else name[:1]


def form_of_address(name: str | None, position: str | None) -> str:
    """魏强 + 总经理 → 魏总; 刘芳 + 采购经理 → 刘经理; 欧阳明 + 主任 → 欧阳主任; without a title
    the full name (a surname alone would be rude); a name in Latin letters stays as written."""
    name = (name or "").strip()
    if not name:
        return ""
    if name.isascii():
        return name
    title = next((short for word, short in TITLES if word.lower() in (position or "").lower()), None)
    return f"{surname_of(name)}{title}" if title else name


def find_festival(text: str, year: int) -> Festival:
    """A festival of `year` by its code (spring_festival) or name (春节, 春节 without 节 as 中秋)."""
    wanted = text.strip().lower()
    for festival in festivals_in_year(year):
        names = {festival.code, festival.name_zh, festival.name_en.lower(), festival.name_zh.removesuffix("节")}
        if wanted in names:
            return festival
    known = "、".join(zh for zh, _en in FESTIVAL_NAMES.values())
    raise ValidationError(f"没有名为“{text}”的节日。可选：{known}",
                          f"No festival named '{text}'. Known: {', '.join(code for code in FESTIVAL_NAMES)}",
                          field="festival")


@dataclass(frozen=True)
class Recipient:
    customer_id: int
    customer_code: str
    customer_name: str
    tier: str | None
    owner: str | None
    contact_id: int | None
    contact_name: str
    position: str
    address_as: str  # 魏总
    phone: str
    wechat: str
    greeting: str

    def as_json(self) -> dict:
        return {"customer_code": self.customer_code, "customer_name": self.customer_name, "tier": self.tier,
                "owner": self.owner, "contact_name": self.contact_name, "position": self.position,
                "address_as": self.address_as, "phone": self.phone, "wechat": self.wechat, "greeting": self.greeting}


@dataclass(frozen=True)
class RecipientList:
    festival: Festival
    recipients: list[Recipient]

    def counts_by_tier(self) -> dict[str, int]:
        counts: dict[str, int] = {}
        for recipient in self.recipients:
            counts[recipient.tier or "—"] = counts.get(recipient.tier or "—", 0) + 1
        return counts


def festival_recipients(session: Session, festival: Festival, *, tiers: Collection[str] | None = None,
                        owners: Collection[int | None] | None = None,
                        settings: ReminderSettings | None = None) -> RecipientList:
    """Live customers of these tiers (None: all) and owners (None: all), best tier and biggest
    name first, each through its primary contact (else its first, else the customer's own
    contact person), with the tier's festival greeting addressed to that person."""
    settings = settings or load_reminder_settings(session)
    query = (select(Customer.id, Customer.code, Customer.name, Customer.tier, Customer.contact_person,
                    Customer.position, Customer.phone, Customer.owner_id)
             .where(Customer.deleted_at.is_(None), Customer.merged_into_id.is_(None)))
    if tiers is not None:
        query = query.where(Customer.tier.in_(list(tiers)))
    customers = session.execute(query).all()
    if owners is not None:
        customers = [c for c in customers if c.owner_id in owners]
    owner_names = dict(session.execute(select(User.id, User.display_name).where(User.display_name.is_not(None))).all())
    owner_names.update({uid: owner_names.get(uid) or name for uid, name in session.execute(select(User.id, User.name))})
    contacts: dict[int, Contact] = {}
    ids = [c.id for c in customers]
    for start in range(0, len(ids), 500):
        for contact in session.scalars(select(Contact).where(Contact.customer_id.in_(ids[start:start + 500]),
                                                             Contact.deleted_at.is_(None))
                                       .order_by(Contact.is_primary.desc(), Contact.id)):
            contacts.setdefault(contact.customer_id, contact)
    found = []
    for c in customers:
        contact = contacts.get(c.id)
        name = contact.name if contact is not None else (c.contact_person or "")
        position = (contact.position if contact is not None else c.position) or ""
        address = form_of_address(name, position) or c.name
        greeting = settings.greeting("festival", c.tier, name=address, occasion=festival.name_zh) or ""
        found.append(Recipient(c.id, c.code, c.name, c.tier, owner_names.get(c.owner_id), contact.id if contact else None,
                               name, position, address, (contact.phone if contact is not None else None) or c.phone or "",
                               (contact.wechat if contact is not None else None) or "", greeting))
    found.sort(key=lambda r: (r.tier or "~", r.customer_code))
    return RecipientList(festival, found)


EXPORT_COLUMNS = (
    ("customer_code", "客户编号", "Code"), ("customer_name", "客户名称", "Customer"), ("tier", "等级", "Tier"),
    ("owner", "负责人", "Owner"), ("contact_name", "联系人", "Contact"), ("position", "职务", "Position"),
    ("address_as", "称呼", "Address as"), ("phone", "电话", "Phone"), ("wechat", "微信", "WeChat"),
    ("greeting", "祝福语", "Greeting"),
)


def export_recipients(recipients: RecipientList, path: Path | str) -> Written:
    """The list as .xlsx or .csv, for sending (a phone's group message, a WeChat helper, a mail merge)."""
    festival = recipients.festival
    title = Message(f"{festival.name_zh}祝福名单", f"{festival.name_en} greetings").text()
    columns = [ExportColumn(key, Message(zh, en).text()) for key, zh, en in EXPORT_COLUMNS]
    rows = [[r.as_json()[key] or "" for key, _zh, _en in EXPORT_COLUMNS] for r in recipients.recipients]
    return write_table(Path(path), title, columns, rows)


def mark_greeted(session: Session, festival: Festival, recipients: Sequence[Recipient], on: date,
                 *, user_id: int | None = None) -> Changes:
    """Log the greeting as a WeChat contact on each customer (its timeline shows it; a churn
    warning for silence counts it), once per festival and customer. A greeting sent to many
    completes no revisit: the plan still asks for a real conversation."""
    summary_of = {r.customer_id: f"{festival.name_zh}祝福：{r.greeting}" for r in recipients}
    done = set(session.scalars(select(Interaction.customer_id).where(
        Interaction.customer_id.in_(list(summary_of)), Interaction.deleted_at.is_(None),
        Interaction.summary.like(f"{festival.name_zh}祝福：%"), Interaction.occurred_at >= local_noon_utc(
            date(festival.on.year, 1, 1))))) if summary_of else set()
    for recipient in recipients:
        if recipient.customer_id in done:
            continue
        session.add(Interaction(customer_id=recipient.customer_id, contact_id=recipient.contact_id, user_id=user_id,
                                kind="wechat", occurred_at=local_noon_utc(on), summary=summary_of[recipient.customer_id],
                                outcome=GREETED))
        done.add(recipient.customer_id)
    session.flush()
    return Changes(customers=set(summary_of), interactions=True)
