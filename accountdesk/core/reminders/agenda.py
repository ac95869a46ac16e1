"""The day's agenda (今日): one owner's revisits, care dates, churn warnings and complaints, ranked by
value at risk and capped at the owner's daily capacity; the rest on the coming working days."""

from __future__ import annotations

import math
import time
from dataclasses import dataclass, field
from datetime import date, timedelta

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from accountdesk.core.archive.records import log_interaction
from accountdesk.core.changes import Changes
from accountdesk.core.i18n import Message, ValidationError, current_language
from accountdesk.core.reminders.centre import set_state, snooze
from accountdesk.core.reminders.settings import ReminderSettings, load_reminder_settings
from accountdesk.core.revisits.levelling import capacity_of
from accountdesk.core.revisits.plans import CADENCE_PURPOSE, reschedule_revisit
from accountdesk.core.revisits.workdays import WorkCalendar, load_work_calendar
from accountdesk.core.storage.models import (
    Customer,
    CustomerFigures,
    Reminder,
    RevisitPlan,
    WinBack,
    WinBackAction,
)
from accountdesk.core.tiering.stage_policies import load_stage_policies
from accountdesk.core.time import local_noon_utc
from accountdesk.core.winback.plans import complete_action, move_action, reason_label

# Value at risk = tier weight × urgency × spend factor. The weights are far enough apart that no
# B or C item can outrank an overdue A revisit (A overdue ≥ 100 × 1.5 = 150; B ≤ 30 × 3 × 1.5 = 135),
# and a festival (not one customer's) stays below it too.
TIER_WEIGHT = {"A": 100.0, "B": 30.0, "C": 10.0}
NO_TIER_WEIGHT = 5.0
FESTIVAL_WEIGHT = 100.0
KINDS = ("revisit", "complaint", "churn", "winback", "birthday", "anniversary", "festival", "custom")


def spend_factor(spend_cents: int) -> float:
    """1 for nothing bought, up to 1.5 for a million yuan and more (logarithmic)."""
    yuan = max(0, spend_cents) / 100
    return 1.0 + min(0.5, math.log10(1 + yuan) / 12)


def urgency(kind: str, day: date, due_on: date, event_on: date | None, *, overdue: bool = False,
            rules: int = 1) -> float:
    """How pressing an item is on `day`, 0.5–3."""
    if kind == "revisit":
        if overdue:
            return 1.5 + min(1.5, (day - due_on).days / 20)
        return 1.2 if due_on <= day else 1.0
    if kind == "complaint":
        return 2.0 + min(1.0, (day - (event_on or due_on)).days / 30)
    if kind == "churn":
        return min(2.5, 1.5 + 0.3 * (rules - 1))
    if kind == "winback":
        # A step promised to a customer already drifting away: above a fresh churn warning, and
        # more pressing the longer it waits.
        return 2.0 + min(1.0, max(0, (day - due_on).days) / 20)
    if kind in ("birthday", "anniversary", "festival"):
        on = event_on or due_on
        ahead = (on - day).days
        if ahead < 0:
            return 0.5
        return 1.4 if ahead == 0 else max(0.6, 1.2 - 0.1 * ahead)
    return 1.0


@dataclass(frozen=True)
class AgendaItem:
    """One thing to do, with why (plain values; the Today page and `agenda --json` show these)."""

    kind: str
    customer_id: int | None
    customer_code: str | None
    customer_name: str | None
    tier: str | None
    owner_id: int | None
    due_on: date
    event_on: date | None
    planned_for: date
    reason_zh: str
    reason_en: str
    score: float
    overdue: bool = False
    plan_id: int | None = None
    reminder_id: int | None = None
    contact_id: int | None = None
    action_id: int | None = None  # a win-back's step
    greeting: str | None = None
    channel: str | None = None
    data: dict = field(default_factory=dict, compare=False)

    @property
    def key(self) -> str:
        if self.plan_id is not None:
            return f"plan:{self.plan_id}"
        if self.action_id is not None:
            return f"winback:{self.action_id}"
        return f"reminder:{self.reminder_id}"

    def reason(self, language: str | None = None) -> str:
        return self.reason_zh if (language or current_language()) == "zh" else self.reason_en

    def moved_to(self, day: date) -> AgendaItem:
        return AgendaItem(**{**self.__dict__, "planned_for": day})

    def as_json(self, language: str | None = None) -> dict:
        return {
            "kind": self.kind, "customer_code": self.customer_code, "customer_name": self.customer_name,
            "tier": self.tier, "due_date": self.due_on.isoformat(),
            "event_date": self.event_on.isoformat() if self.event_on else None,
            "planned_for": self.planned_for.isoformat(), "reason": self.reason(language),
            "overdue": self.overdue, "score": round(self.score, 1), "plan_id": self.plan_id,
            "reminder_id": self.reminder_id, "action_id": self.action_id, "greeting": self.greeting, "channel": self.channel,
        }


@dataclass
class Agenda:
    """The list for `day` (at most `capacity` items) and what waits on the following working days."""

    day: date
    owner_id: int | None
    capacity: int
    days: dict[date, list[AgendaItem]]
    seconds: float = 0.0

    @property
    def today(self) -> list[AgendaItem]:
        return self.days.get(self.day, [])

    @property
    def later(self) -> list[AgendaItem]:
        return [item for day in sorted(self.days) if day != self.day for item in self.days[day]]

    def items(self) -> list[AgendaItem]:
        return [item for day in sorted(self.days) for item in self.days[day]]


_DAY_NAMES = "一二三四五六日"


def _revisit_items(session: Session, owner_id: int | None, day: date, end: date, grace: int) -> list[AgendaItem]:
    suggestions = {stage: policy.action for stage, policy in load_stage_policies(session).items() if policy.action}
    base = (
        select(RevisitPlan.id, RevisitPlan.due_on, RevisitPlan.planned_for, RevisitPlan.purpose, RevisitPlan.channel,
               Customer.id, Customer.code, Customer.name, Customer.tier, func.coalesce(CustomerFigures.spend_cents, 0),
               Customer.stage)
        .join(Customer, Customer.id == RevisitPlan.customer_id)
        .outerjoin(CustomerFigures, CustomerFigures.customer_id == Customer.id)
        .where(RevisitPlan.state == "planned", RevisitPlan.deleted_at.is_(None), Customer.deleted_at.is_(None))
    )
    owned = RevisitPlan.owner_id.is_(None) if owner_id is None else RevisitPlan.owner_id == owner_id
    # Two queries, each through the (owner, planned_for) index; an OR would walk every plan.
    rows = list(session.execute(base.where(owned, RevisitPlan.planned_for <= end)))
    rows += list(session.execute(base.where(owned, RevisitPlan.planned_for.is_(None), RevisitPlan.due_on <= end)))
    items = []
    for plan_id, due_on, planned_for, purpose, channel, customer_id, code, name, tier, spend, stage in rows:
        planned = max(day, when_of(planned_for, due_on))
        overdue = (day - due_on).days > grace
        late = (day - due_on).days
        purpose_text = purpose or CADENCE_PURPOSE
        if overdue:
            zh = f"回访已逾期 {late} 天（应于 {due_on.isoformat()}）· {purpose_text}"
            en = f"Revisit {late} days overdue (due {due_on.isoformat()})"
        elif due_on <= day:
            zh = f"今日回访（{due_on.isoformat()} 到期）· {purpose_text}" if due_on == day else \
                f"回访已到期 {late} 天 · {purpose_text}"
            en = "Revisit due today" if due_on == day else f"Revisit due {late} days ago"
        else:
            zh = f"回访计划于 {due_on.isoformat()}（周{_DAY_NAMES[due_on.weekday()]}）· {purpose_text}"
            en = f"Revisit planned for {due_on.isoformat()}"
        if stage in suggestions:  # what the customer's lifecycle stage calls for
            zh += f" · 建议：{suggestions[stage]}"
            en += f" · suggested: {suggestions[stage]}"
        weight = TIER_WEIGHT.get(tier or "", NO_TIER_WEIGHT)
        score = weight * urgency("revisit", planned, due_on, None, overdue=overdue) * spend_factor(int(spend or 0))
        items.append(AgendaItem("revisit", customer_id, code, name, tier, owner_id, due_on, due_on, planned, zh, en,
                                score, overdue=overdue, plan_id=plan_id, channel=channel))
    return items


def when_of(planned_for: date | None, due_on: date) -> date:
    return planned_for if planned_for is not None else due_on


def _reminder_items(session: Session, owner_id: int | None, day: date, end: date,
                    settings: ReminderSettings) -> list[AgendaItem]:
    stale_before = day - timedelta(days=settings.catch_up_days)
    open_now = or_(Reminder.state.in_(("new", "seen")),
                   (Reminder.state == "snoozed") & (Reminder.snoozed_until <= end))
    owned = Customer.owner_id.is_(None) if owner_id is None else Customer.owner_id == owner_id
    rows = session.execute(
        select(Reminder.id, Reminder.kind, Reminder.subject, Reminder.detail, Reminder.data, Reminder.event_on,
               Reminder.due_on, Reminder.snoozed_until, Reminder.contact_id, Customer.id, Customer.code, Customer.name,
               Customer.tier, func.coalesce(CustomerFigures.spend_cents, 0))
        .join(Customer, Customer.id == Reminder.customer_id)
        .outerjoin(CustomerFigures, CustomerFigures.customer_id == Customer.id)
        .where(Reminder.deleted_at.is_(None), Customer.deleted_at.is_(None), owned, open_now,
               Reminder.due_on <= end, Reminder.kind != "revisit",
               or_(Reminder.kind.not_in(("birthday", "anniversary")), Reminder.event_on.is_(None),
                   Reminder.event_on >= stale_before))
    )
    items = []
    for (rid, kind, subject, detail, data, event_on, due_on, snoozed, contact_id, customer_id, code, name, tier,
         spend) in rows:
        data = data or {}
        english = data.get("en") or {}
        planned = max(day, due_on, snoozed or due_on)
        rules = len(data.get("rules") or []) or 1
        weight = TIER_WEIGHT.get(tier or "", NO_TIER_WEIGHT)
        score = weight * urgency(kind, planned, due_on, event_on, rules=rules) * spend_factor(int(spend or 0))
        items.append(AgendaItem(kind, customer_id, code, name, tier, owner_id, due_on, event_on, planned,
                                detail or subject, english.get("detail") or english.get("subject") or detail or subject,
                                score, reminder_id=rid, contact_id=contact_id, greeting=data.get("greeting"), data=data))
    return items


def _winback_items(session: Session, owner_id: int | None, day: date, end: date) -> list[AgendaItem]:
    """The open steps of win-backs still in progress, on their day (late ones today)."""
    owned = Customer.owner_id.is_(None) if owner_id is None else Customer.owner_id == owner_id
    rows = session.execute(
        select(WinBackAction.id, WinBackAction.due_on, WinBackAction.action, WinBack.reason, Customer.id,
               Customer.code, Customer.name, Customer.tier, func.coalesce(CustomerFigures.spend_cents, 0))
        .join(WinBack, WinBack.id == WinBackAction.win_back_id)
        .join(Customer, Customer.id == WinBackAction.customer_id)
        .outerjoin(CustomerFigures, CustomerFigures.customer_id == Customer.id)
        .where(WinBackAction.done_on.is_(None), WinBackAction.deleted_at.is_(None), WinBackAction.due_on <= end,
               WinBack.outcome.is_(None), WinBack.deleted_at.is_(None), Customer.deleted_at.is_(None), owned)
    )
    items = []
    for action_id, due_on, action, reason, customer_id, code, name, tier, spend in rows:
        planned = max(day, due_on)
        late = (day - due_on).days
        why_zh, why_en = reason_label(reason, "zh"), reason_label(reason, "en")
        if late > 0:
            zh = f"挽回措施已逾期 {late} 天（应于 {due_on.isoformat()}）：{action} · 流失原因：{why_zh}"
            en = f"Win-back action {late} days late (due {due_on.isoformat()}): {action} · reason: {why_en}"
        else:
            zh = f"挽回措施：{action} · 流失原因：{why_zh}"
            en = f"Win-back action: {action} · reason: {why_en}"
        weight = TIER_WEIGHT.get(tier or "", NO_TIER_WEIGHT)
        score = weight * urgency("winback", planned, due_on, None) * spend_factor(int(spend or 0))
        items.append(AgendaItem("winback", customer_id, code, name, tier, owner_id, due_on, due_on, planned, zh, en,
                                score, overdue=late > 0, action_id=action_id))
    return items


def _festival_items(session: Session, owner_id: int | None, day: date, end: date) -> list[AgendaItem]:
    """A festival is one item for the owner: greet my customers (the recipient list)."""
    open_now = or_(Reminder.state.in_(("new", "seen")),
                   (Reminder.state == "snoozed") & (Reminder.snoozed_until <= end))
    rows = session.execute(
        select(Reminder.id, Reminder.subject, Reminder.data, Reminder.event_on, Reminder.due_on, Reminder.snoozed_until)
        .where(Reminder.deleted_at.is_(None), Reminder.kind == "festival", Reminder.customer_id.is_(None), open_now,
               Reminder.due_on <= end, or_(Reminder.event_on.is_(None), Reminder.event_on >= day))
    ).all()
    if not rows:
        return []
    owned = Customer.owner_id.is_(None) if owner_id is None else Customer.owner_id == owner_id
    mine = session.scalar(select(func.count()).select_from(Customer).where(Customer.deleted_at.is_(None), owned)) or 0
    items = []
    for rid, subject, data, event_on, due_on, snoozed in rows:
        data = data or {}
        english = (data.get("en") or {}).get("subject") or subject
        planned = max(day, due_on, snoozed or due_on)
        score = FESTIVAL_WEIGHT * urgency("festival", planned, due_on, event_on)
        items.append(AgendaItem("festival", None, None, None, None, owner_id, due_on, event_on, planned,
                                f"{subject}：向我的 {mine} 位客户致以问候", f"{english}: greet my {mine} customers",
                                score, reminder_id=rid, data=data))
    return items


def build_agenda(session: Session, day: date, owner_id: int | None, *, days: int = 7,
                 capacity: int | None = None, calendar: WorkCalendar | None = None,
                 settings: ReminderSettings | None = None) -> Agenda:
    """The ranked list for `day` and the `days - 1` days after it (working days only after the first).

    Each day takes the `capacity` items of highest value at risk among those planned for it or
    left over from the day before; the rest move on to the next working day.
    """
    clock = time.perf_counter()
    settings = settings or load_reminder_settings(session)
    calendar = calendar or load_work_calendar(session)
    capacity = capacity if capacity is not None else capacity_of(session, owner_id)
    list_days = [day]
    later = calendar.workdays_from(day + timedelta(days=1))
    while len(list_days) < max(1, days):
        list_days.append(next(later))
    end = list_days[-1]
    pool = (_revisit_items(session, owner_id, day, end, settings.grace_days)
            + _reminder_items(session, owner_id, day, end, settings)
            + _winback_items(session, owner_id, day, end)
            + _festival_items(session, owner_id, day, end))
    pool.sort(key=lambda item: item.planned_for)
    placed: dict[date, list[AgendaItem]] = {}
    waiting: list[AgendaItem] = []
    index = 0
    for list_day in list_days:
        while index < len(pool) and pool[index].planned_for <= list_day:
            waiting.append(pool[index])
            index += 1
        waiting.sort(key=rank_key)
        taken, waiting = waiting[:capacity], waiting[capacity:]
        placed[list_day] = [item if item.planned_for == list_day else item.moved_to(list_day) for item in taken]
    return Agenda(day, owner_id, capacity, placed, time.perf_counter() - clock)


def rank_key(item: AgendaItem) -> tuple:
    return (-item.score, item.due_on, item.customer_code or "", item.key)


KIND_LABELS = {
    "revisit": Message("回访", "Revisit"),
    "complaint": Message("投诉", "Complaint"),
    "churn": Message("流失预警", "Churn warning"),
    "winback": Message("挽回", "Win-back"),
    "birthday": Message("生日", "Birthday"),
    "anniversary": Message("合作纪念", "Anniversary"),
    "festival": Message("节日", "Festival"),
    "custom": Message("自定义", "Custom"),
}


# --- the one-click actions of the Today page ------------------------------------------------------


def log_contact(session: Session, customer_id: int, reminder_id: int | None, kind: str, summary: str | None,
                done_on: date, *, action_id: int | None = None) -> Changes:
    """Log a contact made for an agenda item (a greeting sent, a warning followed up, a win-back step
    taken) and close the item's reminder or step as done. The contact restarts the customer's
    revisit cadence as any contact does."""
    interaction = log_interaction(session, customer_id, {"kind": kind, "summary": summary or None,
                                                          "occurred_at": local_noon_utc(done_on)})
    if reminder_id is not None:
        set_state(session, reminder_id, "done")
    if action_id is not None:
        complete_action(session, action_id, done_on)
    return Changes(customers={customer_id}, interactions=True, reminders=True, revisits=True,
                   winbacks=action_id is not None) if interaction is not None else Changes()


def snooze_item(session: Session, *, day: date, today: date, plan_id: int | None = None,
                reminder_id: int | None = None, action_id: int | None = None) -> Changes:
    """Put an agenda item on another day: a reminder is snoozed until then; a revisit already due
    keeps its due date (how late it is) and is planned for that day; one ahead moves to that day."""
    if reminder_id is not None:
        snooze(session, reminder_id, day)
        return Changes(reminders=True)
    if action_id is not None:
        move_action(session, action_id, day)
        return Changes(winbacks=True)
    if plan_id is None:
        return Changes()
    plan = session.get(RevisitPlan, plan_id)
    if plan is None or plan.deleted_at is not None or plan.state != "planned":
        raise ValidationError(f"回访计划 {plan_id} 已不是计划中。", f"Revisit plan {plan_id} is no longer planned.",
                              field="plan_id")
    if plan.due_on < today:
        plan.planned_for = day
        session.flush()
    else:
        reschedule_revisit(session, plan_id, day)
    return Changes(revisits=True, reminders=True)
