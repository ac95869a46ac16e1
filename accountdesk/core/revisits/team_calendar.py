"""What the settings screen changes about planning: the team's extra days off and make-up working
days, each owner's daily capacity, and the preview of the days the calendar knows; saving either
levels the plans again at once, so the calendar and Today show the new days without waiting for
the next reminder run."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy.orm import Session

from accountdesk.core.changes import Changes
from accountdesk.core.revisits.levelling import level_revisits
from accountdesk.core.revisits.workdays import (
    WorkCalendar,
    load_overrides,
    load_work_calendar,
    override_lines,
    parse_override_lines,
    save_overrides,
    year_source,
)
from accountdesk.core.team.identity import set_capacity

PREVIEW_DAYS = 400  # far enough to show next year's 春节 from any day of this one


@dataclass(frozen=True)
class KnownDay:
    """A day the calendar treats against the week's rhythm: a day off on a weekday, a make-up
    working day on a weekend, or a day the team listed."""

    on: date
    off: bool
    name: str
    team: bool  # from the team's own list, not a library


@dataclass(frozen=True)
class CalendarPreview:
    text: str  # the team's list as the settings box shows it
    days: list[KnownDay]
    sources: dict[int, str]  # year -> workdays.OFFICIAL | STATUTORY | WEEKENDS


def calendar_preview(session: Session, today: date, *, limit: int = 12) -> CalendarPreview:
    """The team's list and the next `limit` special days from today, with this year's and next
    year's source, so a manager sees whether the library already knows next year's schedule."""
    overrides = load_overrides(session)
    calendar = WorkCalendar({o.on: o for o in overrides})
    return CalendarPreview(override_lines(overrides), special_days(calendar, today, limit),
                           {year: year_source(year) for year in (today.year, today.year + 1)})


def special_days(calendar: WorkCalendar, start: date, limit: int) -> list[KnownDay]:
    found: list[KnownDay] = []
    day = start
    end = start + timedelta(days=PREVIEW_DAYS)
    while day <= end and len(found) < limit:
        name = calendar.holiday_name(day)
        weekend = day.weekday() >= 5
        off = not calendar.is_workday(day)
        team = day in calendar.overrides
        # A plain weekend is no news; a day off on a weekday, a worked weekend or a named day is.
        if team or (off and not weekend) or (not off and weekend) or (name and off):
            found.append(KnownDay(day, off, name or "", team))
        day += timedelta(days=1)
    return found


def save_planning(session: Session, today: date, *, capacities: dict[int, int | None] | None = None,
                  days_text: str | None = None) -> Changes:
    """Save owners' daily capacities (None: the default) and/or the team's list of days (the
    settings box's lines, `2027-02-05 休 春节`), then level every plan once on the new calendar
    and capacities. A bad line or capacity is refused (with its line number); nothing is saved."""
    changes = Changes()
    overrides = parse_override_lines(days_text) if days_text is not None else None
    for owner_id, capacity in (capacities or {}).items():
        changes = changes | set_capacity(session, owner_id, capacity)
    if overrides is not None:
        changes = changes | save_overrides(session, overrides)
    if capacities or overrides is not None:
        level_revisits(session, today, calendar=load_work_calendar(session))
        changes = changes | Changes(revisits=True, reminders=True)
    return changes
