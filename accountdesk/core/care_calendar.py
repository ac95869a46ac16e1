"""Care dates for the revisit calendar: birthdays, cooperation anniversaries and festivals in a date range."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import and_, func, or_, select, tuple_
from sqlalchemy.orm import Session

from accountdesk.core.care_dates import (
    anniversary_occurrences,
    birthday_occurrences,
    festivals_between,
    lunar_birthdays_hitting,
    solar_days_hitting,
)
from accountdesk.core.models import Contact, Customer
from accountdesk.core.reminder_settings import load_reminder_settings
from accountdesk.core.reminder_sources import lunar_text, month_day_filter


@dataclass(frozen=True)
class CareEvent:
    """One care date as the calendar shows it (plain values)."""

    kind: str  # birthday | anniversary | festival
    on: date
    title_zh: str
    title_en: str
    customer_id: int | None = None
    customer_code: str | None = None
    customer_name: str | None = None
    tier: str | None = None
    contact_id: int | None = None

    def title(self, language: str | None = None) -> str:
        from accountdesk.core.i18n import current_language

        return self.title_zh if (language or current_language()) == "zh" else self.title_en


def care_events_between(session: Session, start: date, end: date, *, owner_id: int | None = None,
                        tier: str | None = None, festivals: bool = True) -> list[CareEvent]:
    """Care dates within [start, end] of live customers (optionally one owner's or one tier's,
    `tier=""` for customers without a tier), by date. Festivals concern everyone and are
    included unless `festivals=False`."""
    customer_filters = [Customer.deleted_at.is_(None)]
    if owner_id is not None:
        customer_filters.append(Customer.owner_id == owner_id)
    if tier is not None:
        customer_filters.append(Customer.tier.is_(None) if tier == "" else Customer.tier == tier)
    events: list[CareEvent] = []
    solar_pairs = sorted(solar_days_hitting(start, end))
    lunar_triples = sorted(lunar_birthdays_hitting(start, end))
    leap = func.coalesce(Contact.birth_leap_month, False)
    is_lunar = Contact.birth_calendar == "lunar"
    conditions = [and_(~is_lunar, tuple_(Contact.birth_month, Contact.birth_day).in_(solar_pairs))]
    if lunar_triples:
        conditions.append(and_(is_lunar, tuple_(Contact.birth_month, Contact.birth_day, leap).in_(lunar_triples)))
    rows = session.execute(
        select(Contact.id, Contact.name, Contact.birth_calendar, Contact.birth_month, Contact.birth_day, leap,
               Customer.id, Customer.code, Customer.name, Customer.tier)
        .join(Customer, Customer.id == Contact.customer_id)
        .where(Contact.deleted_at.is_(None), Contact.birth_month.is_not(None), Contact.birth_day.is_not(None),
               or_(*conditions), *customer_filters)
    )
    for contact_id, name, calendar_kind, month, day, is_leap, customer_id, code, customer_name, tier_value in rows:
        lunar = calendar_kind == "lunar"
        note_zh = f"（农历{lunar_text(month, day, bool(is_leap))}）" if lunar else ""
        note_en = f" (lunar {'leap ' if is_leap else ''}{month}/{day})" if lunar else ""
        for occurrence in birthday_occurrences(calendar_kind or "solar", month, day, bool(is_leap), start, end):
            events.append(CareEvent("birthday", occurrence.on, f"{name} 生日{note_zh}", f"{name}'s birthday{note_en}",
                                    customer_id, code, customer_name, tier_value, contact_id))
    rows = session.execute(
        select(Customer.id, Customer.code, Customer.name, Customer.tier, Customer.cooperation_since, Customer.birthday)
        .where(or_(and_(Customer.cooperation_since.is_not(None), month_day_filter(Customer.cooperation_since, solar_pairs)),
                   and_(Customer.birthday.is_not(None), month_day_filter(Customer.birthday, solar_pairs))),
               *customer_filters)
    )
    for customer_id, code, name, tier_value, since, birthday in rows:
        if since is not None:
            for on, years in anniversary_occurrences(since, start, end):
                events.append(CareEvent("anniversary", on, f"{name} 合作 {years} 周年", f"{name}: {years} years together",
                                        customer_id, code, name, tier_value))
        if birthday is not None:
            for occurrence in birthday_occurrences("solar", birthday.month, birthday.day, False, start, end):
                events.append(CareEvent("birthday", occurrence.on, f"{name} 生日", f"{name}'s birthday",
                                        customer_id, code, name, tier_value))
    if festivals:
        settings = load_reminder_settings(session)
        for festival, _label in festivals_between(start, end, settings.festivals, settings.custom_days):
            events.append(CareEvent("festival", festival.on, festival.name_zh, festival.name_en))
    return sorted(events, key=lambda e: (e.on, e.kind != "festival", e.customer_code or "", e.title_zh))
