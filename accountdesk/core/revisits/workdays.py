"""The working-day calendar revisits are planned on: weekends, China's public holidays and the
official make-up working days (调休), with the team's own extra days off and make-up days."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache

from sqlalchemy import select
from sqlalchemy.orm import Session

from accountdesk.core.changes import Changes
from accountdesk.core.i18n import ValidationError
from accountdesk.core.storage.models import Setting

SETTING_KEY = "calendar.workdays"

# How each year's days off are known, best first.
OFFICIAL = "official"  # the State Council's schedule, as the chinese-calendar package keeps it
STATUTORY = "statutory"  # only the statutory holidays (holidays package): the make-up days are unknown
WEEKENDS = "weekends"  # neither library covers the year: weekends only


@dataclass(frozen=True)
class DayOverride:
    """A day the team marks by hand: off (a company holiday, or a public one a library lacks) or
    a working day (a make-up Saturday the State Council announced after the library was released)."""

    on: date
    off: bool
    name: str = ""

    def as_json(self) -> dict:
        return {"date": self.on.isoformat(), "off": self.off, "name": self.name}

    @classmethod
    def from_json(cls, value: dict) -> DayOverride:
        return cls(date.fromisoformat(str(value["date"])), bool(value.get("off", True)), str(value.get("name") or ""))


@lru_cache(maxsize=64)
def _official_year(year: int) -> tuple[dict[date, str], dict[date, str]] | None:
    """(days off, make-up working days) of a year from chinese-calendar, None where it lacks the year."""
    try:
        from chinese_calendar import constants
    except ImportError:  # pragma: no cover - a declared dependency; statutory dates still serve
        return None
    # The package keeps English names; each holiday's Chinese one is on its enum member.
    chinese = {member.value: member.chinese for member in constants.Holiday}
    off = {day: chinese.get(name, name) for day, name in constants.holidays.items() if day.year == year}
    if not off:
        return None
    work = {day: chinese.get(name, name) for day, name in constants.workdays.items() if day.year == year}
    return off, work


@lru_cache(maxsize=64)
def _statutory_year(year: int) -> dict[date, str]:
    """The statutory holidays (and their observed days) of a year, without make-up days."""
    try:
        import holidays

        listed = holidays.country_holidays("CN", years=year, language="zh_CN")
    except Exception:  # a year or language the library cannot give: weekends only
        return {}
    return {day: str(name) for day, name in listed.items() if day.year == year}


@lru_cache(maxsize=64)
def year_source(year: int) -> str:
    if _official_year(year) is not None:
        return OFFICIAL
    return STATUTORY if _statutory_year(year) else WEEKENDS


@dataclass
class WorkCalendar:
    """Which days are working days. Built once per operation; `is_workday` is a set lookup."""

    overrides: dict[date, DayOverride] = field(default_factory=dict)
    _off: dict[int, dict[date, str]] = field(default_factory=dict, repr=False)
    _work: dict[int, dict[date, str]] = field(default_factory=dict, repr=False)

    def _year(self, year: int) -> tuple[dict[date, str], dict[date, str]]:
        if year not in self._off:
            official = _official_year(year)
            off, work = official if official is not None else (_statutory_year(year), {})
            self._off[year], self._work[year] = off, work
        return self._off[year], self._work[year]

    def is_workday(self, day: date) -> bool:
        override = self.overrides.get(day)
        if override is not None:
            return not override.off
        off, work = self._year(day.year)
        if day in work:
            return True
        if day in off:
            return False
        return day.weekday() < 5

    def holiday_name(self, day: date) -> str | None:
        """Why a day is off or a working day against the week's rhythm (节日 or “调休上班”), else None."""
        override = self.overrides.get(day)
        if override is not None:
            return override.name or None
        off, work = self._year(day.year)
        if day in off:
            return off[day]
        if day in work:
            return f"{work[day]}调休上班"
        return None

    def on_or_after(self, day: date) -> date:
        while not self.is_workday(day):
            day += timedelta(days=1)
        return day

    def on_or_before(self, day: date) -> date:
        while not self.is_workday(day):
            day -= timedelta(days=1)
        return day

    def nearest(self, day: date, *, not_before: date | None = None) -> date:
        """The working day nearest `day` (the later one on a tie), never before `not_before`."""
        later, earlier = self.on_or_after(day), self.on_or_before(day)
        if not_before is not None and earlier < not_before:
            return max(later, self.on_or_after(not_before))
        return earlier if (day - earlier) < (later - day) else later

    def workdays_from(self, start: date) -> Iterator[date]:
        """Working days from `start` (inclusive) on, without end."""
        day = start
        while True:
            if self.is_workday(day):
                yield day
            day += timedelta(days=1)

    def add_workdays(self, start: date, count: int) -> date:
        """The working day `count` working days after `start` (0: `start` itself, or the next working day)."""
        days = self.workdays_from(start)
        found = next(days)
        for _ in range(count):
            found = next(days)
        return found


def load_overrides(session: Session) -> list[DayOverride]:
    value = session.scalar(select(Setting.value).where(Setting.key == SETTING_KEY, Setting.deleted_at.is_(None)))
    items = (value or {}).get("days") if isinstance(value, dict) else None
    found = []
    for item in items or []:
        try:
            found.append(DayOverride.from_json(item))
        except (KeyError, TypeError, ValueError):  # a hand-edited entry that is not a date: ignored
            continue
    return found


def load_work_calendar(session: Session) -> WorkCalendar:
    return WorkCalendar({override.on: override for override in load_overrides(session)})


def save_overrides(session: Session, overrides: list[DayOverride]) -> Changes:
    """Replace the team's extra days off and make-up working days (one setting for the database)."""
    by_day: dict[date, DayOverride] = {}
    for override in overrides:
        if override.on in by_day and by_day[override.on].off != override.off:
            raise ValidationError(f"{override.on.isoformat()} 不能既是休息日又是上班日。",
                                  f"{override.on.isoformat()} cannot be both a day off and a working day.",
                                  field="date")
        by_day[override.on] = override
    value = {"days": [by_day[day].as_json() for day in sorted(by_day)]}
    row = session.scalar(select(Setting).where(Setting.key == SETTING_KEY))
    if row is None:
        session.add(Setting(key=SETTING_KEY, value=value))
    else:
        row.value = value
        row.deleted_at = None
    session.flush()
    return Changes(settings=True, revisits=True)


def parse_override_lines(text: str) -> list[DayOverride]:
    """The settings box's lines: `2027-02-05 休 春节` (a day off) or `2027-02-20 班 春节调休` (a working day)."""
    found = []
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        parts = line.split(None, 2)
        try:
            on = date.fromisoformat(parts[0])
        except ValueError:
            raise ValidationError(f"第 {number} 行：“{parts[0]}”不是日期（YYYY-MM-DD）。",
                                  f"line {number}: '{parts[0]}' is not a date (YYYY-MM-DD).", field="days") from None
        mark = parts[1] if len(parts) > 1 else "休"
        if mark in ("休", "off", "holiday"):
            off = True
        elif mark in ("班", "work", "workday"):
            off = False
        else:
            raise ValidationError(f"第 {number} 行：请写“休”或“班”，而不是“{mark}”。",
                                  f"line {number}: write 'off' or 'work', not '{mark}'.", field="days")
        found.append(DayOverride(on, off, parts[2].strip() if len(parts) > 2 else ""))
    return found


def override_lines(overrides: list[DayOverride]) -> str:
    return "\n".join(f"{o.on.isoformat()} {'休' if o.off else '班'}" + (f" {o.name}" if o.name else "")
                     for o in sorted(overrides, key=lambda o: o.on))
