"""Where reminders come from: birthdays, festivals, anniversaries, revisits and churn rules,
each turned into candidates with a key that names the occurrence (kind, subject, occurrence)."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field
from datetime import date, timedelta

from sqlalchemy import String, and_, cast, exists, func, literal, or_, select, true
from sqlalchemy.orm import Session

from accountdesk.core.i18n import counted
from accountdesk.core.reminders.care_dates import (
    anniversary_occurrences,
    birthday_occurrences,
    festivals_between,
    lunar_birthdays_hitting,
    solar_days_hitting,
)
from accountdesk.core.reminders.churn import churn_signals, describe
from accountdesk.core.reminders.settings import ANY_TIER, ReminderSettings
from accountdesk.core.revisits.plans import CADENCE_PURPOSE, load_cadence
from accountdesk.core.storage.bulk_rows import existing_keys
from accountdesk.core.storage.models import Contact, Customer, Reminder, RevisitPlan, WinBack
from accountdesk.core.storage.sql import month_day, month_day_values

WEEKDAYS_ZH = "一二三四五六日"
_LUNAR_MONTHS = ("正", "二", "三", "四", "五", "六", "七", "八", "九", "十", "冬", "腊")
_LUNAR_DAY_TENS = ("初", "十", "廿", "三")
_DIGITS = "一二三四五六七八九十"


def lunar_text(month: int, day: int, leap: bool = False) -> str:
    """农历 month/day as people write it, e.g. 闰四月初八, 八月十五, 腊月廿三."""
    if day == 10:
        day_text = "初十"
    elif day == 20:
        day_text = "二十"
    elif day == 30:
        day_text = "三十"
    else:
        day_text = _LUNAR_DAY_TENS[day // 10] + _DIGITS[day % 10 - 1]
    return ("闰" if leap else "") + _LUNAR_MONTHS[month - 1] + "月" + day_text


@dataclass(slots=True)
class Candidate:
    """A reminder that should exist; it is inserted only if its key is new."""

    key: str
    kind: str
    subject_zh: str
    subject_en: str
    detail_zh: str | None
    detail_en: str | None
    customer_id: int | None
    contact_id: int | None
    event_on: date | None
    due_on: date
    data: dict = field(default_factory=dict)


Scope = Collection[int] | None  # the customers to look at; None means all of them


def _in_scope(column, scope: Scope):
    return column.in_(list(scope)) if scope is not None else true()


After = date | None  # a new day's run: only what came into view since this day's run


def _window(today: date, settings: ReminderSettings, kind: str, after: After = None) -> tuple[date, date]:
    """Events from `catch_up_days` ago (raised late if the app was closed) to the lead time ahead;
    after a run on `after`, only those that came into view since (the rest were raised then)."""
    lead = timedelta(days=settings.lead(kind))
    start = today - timedelta(days=settings.catch_up_days)
    if after is not None:
        start = max(start, after + lead + timedelta(days=1))
    return start, today + lead


def _day_text(on: date) -> str:
    return f"{on.isoformat()}（周{WEEKDAYS_ZH[on.weekday()]}）"


# --- birthdays -----------------------------------------------------------------------------------


def birthday_candidates(session: Session, today: date, settings: ReminderSettings, scope: Scope = None,
                        after: After = None) -> list[Candidate]:
    start, end = _window(today, settings, "birthday", after)
    if start > end:
        return []
    lead = settings.lead("birthday")
    solar_pairs = sorted(solar_days_hitting(start, end))
    lunar_triples = sorted(lunar_birthdays_hitting(start, end))
    leap = func.coalesce(Contact.birth_leap_month, False)
    # The database picks, through the (birth_month, birth_day) index, the few contacts whose
    # month/day falls in the window in either calendar; birthday_occurrences() then keeps those
    # that really fall in it in their own calendar.
    pairs = sorted(set(solar_pairs) | {(month, day) for month, day, _leap in lunar_triples})
    if not pairs:
        return _customer_birthday_candidates(session, start, end, lead, settings, scope)
    on_a_day = or_(*(and_(Contact.birth_month == month, Contact.birth_day == day) for month, day in pairs))
    rows = session.execute(
        select(Contact.id, Contact.uid, Contact.name, Contact.birth_calendar, Contact.birth_month, Contact.birth_day,
               leap, Customer.id, Customer.code, Customer.name, Customer.tier)
        .join(Customer, Customer.id == Contact.customer_id)
        .where(Contact.deleted_at.is_(None), Customer.deleted_at.is_(None), Contact.birth_month.is_not(None),
               Contact.birth_day.is_not(None), on_a_day, _in_scope(Contact.customer_id, scope))
    ).all()
    found = []
    for contact_id, uid, name, calendar_kind, month, day, is_leap, customer_id, code, customer_name, tier in rows:
        lunar = calendar_kind == "lunar"
        for occurrence in birthday_occurrences(calendar_kind or "solar", month, day, bool(is_leap), start, end):
            on = occurrence.on
            lunar_zh = f"（农历{lunar_text(month, day, bool(is_leap))}）" if lunar else ""
            lunar_en = f" (lunar {'leap ' if is_leap else ''}{month}/{day})" if lunar else ""
            found.append(Candidate(
                key=f"birthday:{uid}:{occurrence.label}", kind="birthday",
                subject_zh=f"{name} 生日{lunar_zh} · {customer_name}",
                subject_en=f"{name}'s birthday{lunar_en} · {customer_name}",
                detail_zh=f"{name}（{customer_name} {code}）{_day_text(on)}生日{lunar_zh}。",
                detail_en=f"{name} ({customer_name} {code}) has a birthday on {on.isoformat()}{lunar_en}.",
                customer_id=customer_id, contact_id=contact_id, event_on=on, due_on=on - timedelta(days=lead),
                data={"calendar": "lunar" if lunar else "solar", "birth_month": month, "birth_day": day,
                      "leap_month": bool(is_leap), "tier": tier,
                      "greeting": settings.greeting("birthday", tier, name=name)},
            ))
    return found + _customer_birthday_candidates(session, start, end, lead, settings, scope)


def month_day_filter(session: Session, column, pairs: list[tuple[int, int]]):
    """Dates falling on one of these (month, day) pairs in any year, found through the column's
    month-day index (a birthday moves every year, so no stored date could be indexed)."""
    return month_day(session, column).in_(month_day_values(session, pairs))


def _customer_birthday_candidates(session: Session, start: date, end: date, lead: int,
                                  settings: ReminderSettings, scope: Scope) -> list[Candidate]:
    """Customers who are people (Customer.birthday, a solar date) get birthday reminders too."""
    pairs = sorted(solar_days_hitting(start, end))
    rows = session.execute(
        select(Customer.id, Customer.uid, Customer.code, Customer.name, Customer.tier, Customer.birthday)
        .where(Customer.deleted_at.is_(None), Customer.birthday.is_not(None), month_day_filter(session, Customer.birthday, pairs),
               _in_scope(Customer.id, scope))
    ).all()
    found = []
    for customer_id, uid, code, name, tier, birthday in rows:
        for occurrence in birthday_occurrences("solar", birthday.month, birthday.day, False, start, end):
            on = occurrence.on
            found.append(Candidate(
                key=f"birthday:{uid}:{occurrence.label}", kind="birthday",
                subject_zh=f"{name} 生日", subject_en=f"{name}'s birthday",
                detail_zh=f"客户 {name}（{code}）{_day_text(on)}生日。",
                detail_en=f"Customer {name} ({code}) has a birthday on {on.isoformat()}.",
                customer_id=customer_id, contact_id=None, event_on=on, due_on=on - timedelta(days=lead),
                data={"calendar": "solar", "tier": tier, "greeting": settings.greeting("birthday", tier, name=name)},
            ))
    return found


# --- festivals -----------------------------------------------------------------------------------


def festival_candidates(session: Session, today: date, settings: ReminderSettings, scope: Scope = None,
                        after: After = None) -> list[Candidate]:
    """One reminder per festival (not per customer), with a greeting per tier and who to greet."""
    if scope is not None:
        return []  # festivals concern no customer in particular: the day's full pass raises them
    start, end = _window(today, settings, "festival", after)
    if start > end:
        return []
    occurrences = festivals_between(start, end, settings.festivals, settings.custom_days)
    if not occurrences:
        return []
    lead = settings.lead("festival")
    counts: dict[str, int] = {}
    for tier, count in session.execute(
        select(Customer.tier, func.count()).where(Customer.deleted_at.is_(None)).group_by(Customer.tier)
    ):
        counts[tier or ANY_TIER] = counts.get(tier or ANY_TIER, 0) + count
    found = []
    for festival, label in occurrences:
        greetings = {tier: settings.greeting("festival", None if tier == ANY_TIER else tier, name="{name}",
                                             occasion=festival.name_zh) for tier in sorted(counts) or [ANY_TIER]}
        who_zh = "、".join(f"{tier if tier != ANY_TIER else '未分级'} 级 {count} 位" for tier, count in sorted(counts.items()))
        who_en = ", ".join(f"{count} in tier {tier if tier != ANY_TIER else '(none)'}" for tier, count in sorted(counts.items()))
        found.append(Candidate(
            key=f"festival:{festival.code}:{label}", kind="festival",
            subject_zh=f"{festival.name_zh}（{festival.on.isoformat()}）", subject_en=f"{festival.name_en} ({festival.on.isoformat()})",
            detail_zh=f"{festival.name_zh}在{_day_text(festival.on)}，请向客户致以节日问候：{who_zh}。",
            detail_en=f"{festival.name_en} falls on {festival.on.isoformat()}; send greetings to customers: {who_en}.",
            customer_id=None, contact_id=None, event_on=festival.on, due_on=festival.on - timedelta(days=lead),
            data={"festival": festival.code, "greetings": greetings, "customers_by_tier": counts},
        ))
    return found


# --- anniversaries -------------------------------------------------------------------------------


def anniversary_candidates(session: Session, today: date, settings: ReminderSettings, scope: Scope = None,
                           after: After = None) -> list[Candidate]:
    start, end = _window(today, settings, "anniversary", after)
    if start > end:
        return []
    lead = settings.lead("anniversary")
    pairs = sorted(solar_days_hitting(start, end))
    rows = session.execute(
        select(Customer.id, Customer.uid, Customer.code, Customer.name, Customer.tier, Customer.cooperation_since)
        .where(Customer.deleted_at.is_(None), Customer.cooperation_since.is_not(None),
               month_day_filter(session, Customer.cooperation_since, pairs), _in_scope(Customer.id, scope))
    ).all()
    found = []
    for customer_id, uid, code, name, tier, since in rows:
        for on, years in anniversary_occurrences(since, start, end):
            found.append(Candidate(
                key=f"anniversary:{uid}:{on.year}", kind="anniversary",
                subject_zh=f"{name} 合作 {years} 周年", subject_en=f"{name}: {counted(years, 'year')} of cooperation",
                detail_zh=f"与 {name}（{code}）自 {since.isoformat()} 起合作，{_day_text(on)}满 {years} 周年。",
                detail_en=f"{name} ({code}) has worked with us since {since.isoformat()}: {counted(years, 'year')} "
                          f"on {on.isoformat()}.",
                customer_id=customer_id, contact_id=None, event_on=on, due_on=on - timedelta(days=lead),
                data={"years": years, "since": since.isoformat(), "tier": tier,
                      "greeting": settings.greeting("anniversary", tier, name=name, years=years)},
            ))
    return found


# --- revisits ------------------------------------------------------------------------------------


def _revisit_key_expr(suffix: str):
    return literal("revisit:") + RevisitPlan.uid + literal(":") + cast(RevisitPlan.due_on, String) + literal(suffix)


def revisit_candidates(session: Session, today: date, settings: ReminderSettings, scope: Scope = None,
                       after: After = None) -> list[Candidate]:
    """A "due" reminder from lead days before a planned revisit through its grace, then an "overdue" one.

    The database leaves out plans whose reminder already exists (a join on the unique key), so a
    run over 100,000 planned customers touches only what is new.
    """
    lead, grace = settings.lead("revisit"), settings.grace_days
    cadence = load_cadence(session)
    found = []
    stages = [("due", today - timedelta(days=grace), today + timedelta(days=lead)),
              ("overdue", None, today - timedelta(days=grace + 1))]
    if after is not None:  # only plans that came due, or went overdue, since the run on `after`
        stages = [("due", after + timedelta(days=lead + 1), today + timedelta(days=lead)),
                  ("overdue", after - timedelta(days=grace), today - timedelta(days=grace + 1))]
    for stage, low, high in stages:
        key = _revisit_key_expr(f":{stage}")
        query = (
            select(RevisitPlan.id, RevisitPlan.uid, RevisitPlan.due_on, RevisitPlan.purpose, RevisitPlan.channel,
                   Customer.id, Customer.code, Customer.name, Customer.tier, RevisitPlan.origin_interaction_id)
            .join(Customer, Customer.id == RevisitPlan.customer_id)
            .where(RevisitPlan.state == "planned", RevisitPlan.deleted_at.is_(None), Customer.deleted_at.is_(None),
                   RevisitPlan.due_on <= high, ~exists().where(Reminder.key == key),
                   _in_scope(RevisitPlan.customer_id, scope))
        )
        if low is not None:
            query = query.where(RevisitPlan.due_on >= low)
        for (plan_id, plan_uid, due_on, purpose, channel, customer_id, code, name, tier,
             origin) in session.execute(query):
            purpose_text = purpose or CADENCE_PURPOSE
            channel = channel or cadence.channel(tier)
            late = (today - due_on).days
            if origin is not None:  # a dated next step someone promised: the step is the subject
                subject_zh, subject_en, detail_zh, detail_en, due = _followup_texts(
                    stage, name, code, purpose_text, due_on, late, lead, grace, today, settings)
            elif stage == "due":
                subject_zh, subject_en = f"回访 {name}", f"Revisit {name}"
                detail_zh = f"{name}（{code}，{tier or '未分级'}）计划于{_day_text(due_on)}回访：{purpose_text}。"
                detail_en = f"{name} ({code}, tier {tier or '(none)'}) is due for a revisit on {due_on.isoformat()}."
                due = due_on - timedelta(days=lead)
            else:
                subject_zh, subject_en = f"回访逾期 {name}", f"Revisit overdue: {name}"
                detail_zh = f"{name}（{code}）的回访应于 {due_on.isoformat()} 完成，已逾期 {late} 天（宽限 {grace} 天）。"
                detail_en = (f"The revisit of {name} ({code}) was due on {due_on.isoformat()}: {counted(late, 'day')} late "
                             f"(grace {grace}).")
                # Appears in the centre when it became overdue, or at the start of the catch-up
                # window for one long overdue (the detail keeps the real date and days late).
                due = max(due_on + timedelta(days=grace + 1), today - timedelta(days=settings.catch_up_days))
            found.append(Candidate(
                key=f"revisit:{plan_uid}:{due_on.isoformat()}:{stage}", kind="revisit",
                subject_zh=subject_zh, subject_en=subject_en, detail_zh=detail_zh, detail_en=detail_en,
                customer_id=customer_id, contact_id=None, event_on=due_on, due_on=due,
                data={"plan_id": plan_id, "plan_uid": plan_uid, "stage": stage, "tier": tier, "channel": channel,
                      "purpose": purpose_text, "days_late": max(0, late), "followup": origin is not None},
            ))
    return found


def _followup_texts(stage: str, name: str, code: str, step: str, due_on: date, late: int, lead: int, grace: int,
                    today: date, settings: ReminderSettings) -> tuple[str, str, str, str, date]:
    """(subjects, details, the day it shows) of a follow-up's reminder."""
    if stage == "due":
        return (f"跟进 {name}：{step}", f"Follow up with {name}: {step}",
                f"{name}（{code}）：{step}，应于{_day_text(due_on)}完成。",
                f"{name} ({code}): {step}, due on {due_on.isoformat()}.", due_on - timedelta(days=lead))
    days = counted(late, "day")
    return (f"跟进逾期 {name}：{step}", f"Follow-up overdue: {name}: {step}",
            f"{name}（{code}）的跟进“{step}”应于 {due_on.isoformat()} 完成，已逾期 {late} 天。",
            f"The follow-up '{step}' with {name} ({code}) was due on {due_on.isoformat()}: {days} late.",
            max(due_on + timedelta(days=grace + 1), today - timedelta(days=settings.catch_up_days)))


# --- churn ---------------------------------------------------------------------------------------


def churn_candidates(session: Session, today: date, settings: ReminderSettings, scope: Scope = None,
                     after: After = None) -> list[Candidate]:
    # The day's full pass reads the figures the run has just refreshed (activity.py). Most of its
    # warnings were raised on earlier days; only new ones get their sentences.
    signals = churn_signals(session, today, settings.churn, scope, stored=scope is None, after=after)
    # A customer being won back is already being worked on: the win-back's own dated actions
    # stand for its churn warnings until it ends (complaints still come through).
    winning_back = set(session.scalars(select(WinBack.customer_id).where(WinBack.outcome.is_(None),
                                                                         WinBack.deleted_at.is_(None))))
    signals = [s for s in signals if s.kind != "churn" or s.customer_id not in winning_back]
    known = existing_keys(session, [signal.key for signal in signals])
    # A warning whose rule started to hold long ago (say after an import) appears at the start
    # of the catch-up window, not years back; the detail still says since when.
    earliest = today - timedelta(days=settings.catch_up_days)
    found = []
    for signal in signals:
        key = signal.key
        if key in known:
            continue
        subject_zh, subject_en, detail_zh, detail_en = describe(signal)
        found.append(Candidate(
            key=key, kind=signal.kind, subject_zh=subject_zh, subject_en=subject_en, detail_zh=detail_zh,
            detail_en=detail_en, customer_id=signal.customer_id, contact_id=None, event_on=signal.event_on,
            due_on=max(signal.fired_on, earliest),
            data={"rule": signal.rule, "tier": signal.tier, "customer_code": signal.customer_code, **signal.numbers},
        ))
    return found


SOURCES = (
    ("revisit", revisit_candidates),
    ("birthday", birthday_candidates),
    ("festival", festival_candidates),
    ("anniversary", anniversary_candidates),
    ("churn", churn_candidates),
)
