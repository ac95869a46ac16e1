"""Calendar arithmetic for care moments: solar and lunar birthdays, Chinese festivals, anniversaries."""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

from lunardate import LunarDate

# lunardate's tables cover lunar years 1900–2099.
LUNAR_YEARS = range(1900, 2100)


def solar_on(year: int, month: int, day: int) -> date | None:
    """A month/day in a given year; 29 February falls on the 28th in a common year."""
    if not (1 <= month <= 12) or day < 1:
        return None
    last = calendar.monthrange(year, month)[1]
    if day > last:
        if month == 2 and day == 29:
            day = 28
        else:
            return None
    return date(year, month, day)


@lru_cache(maxsize=8192)
def lunar_to_solar(lunar_year: int, month: int, day: int, leap: bool = False) -> date | None:
    """The solar date of a lunar month/day in a lunar year, as a birthday is kept.

    A leap-month date in a year without that leap month falls in the ordinary month; day 30
    in a 29-day month falls on day 29. None outside the library's range or for nonsense input.
    """
    if lunar_year not in LUNAR_YEARS or not (1 <= month <= 12) or not (1 <= day <= 30):
        return None
    if leap and LunarDate.leap_month_for_year(lunar_year) != month:
        leap = False
    for candidate in (day, day - 1) if day == 30 else (day,):
        try:
            return LunarDate(lunar_year, month, candidate, leap).to_solar_date()
        except ValueError:
            continue
    return None


def lunar_of(day: date) -> tuple[int, int, int, bool]:
    """(lunar year, month, day, is leap month) of a solar date."""
    lunar = LunarDate.from_solar_date(day.year, day.month, day.day)
    return lunar.year, lunar.month, lunar.day, lunar.is_leap_month


@dataclass(frozen=True)
class Occurrence:
    """One yearly occurrence: its solar date and the label that makes its reminder key unique."""

    on: date
    label: str


def birthday_occurrences(
    calendar_kind: str, month: int, day: int, leap: bool, start: date, end: date
) -> list[Occurrence]:
    """Occurrences of a birthday within [start, end], recomputed for each year.

    Solar birthdays are labelled by the solar year ("2026"); lunar ones by the lunar year
    ("lunar-2026"), because a lunar year's birthday may fall in the next solar January and
    one solar year can hold two lunar birthdays.
    """
    found: list[Occurrence] = []
    if calendar_kind == "lunar":
        for lunar_year in range(start.year - 1, end.year + 1):
            on = lunar_to_solar(lunar_year, month, day, leap)
            if on is not None and start <= on <= end:
                found.append(Occurrence(on, f"lunar-{lunar_year}"))
    else:
        for year in range(start.year, end.year + 1):
            on = solar_on(year, month, day)
            if on is not None and start <= on <= end:
                found.append(Occurrence(on, str(year)))
    return found


def days_in(start: date, end: date) -> list[date]:
    return [start + timedelta(days=offset) for offset in range((end - start).days + 1)]


@lru_cache(maxsize=64)
def lunar_birthdays_hitting(start: date, end: date) -> frozenset[tuple[int, int, bool]]:
    """Every lunar (month, day, leap) whose birthday falls within [start, end].

    Lets the database pick the few contacts concerned instead of sending all of them to Python.
    """
    hits: set[tuple[int, int, bool]] = set()
    for month in range(1, 13):
        for day in range(1, 31):
            for leap in (False, True):
                if birthday_occurrences("lunar", month, day, leap, start, end):
                    hits.add((month, day, leap))
    return frozenset(hits)


def solar_days_hitting(start: date, end: date) -> frozenset[tuple[int, int]]:
    """Every solar (month, day) whose yearly date falls within [start, end] (29 Feb included)."""
    hits = {(on.month, on.day) for on in days_in(start, end)}
    for year in range(start.year, end.year + 1):
        if not calendar.isleap(year) and start <= date(year, 2, 28) <= end:
            hits.add((2, 29))
    return frozenset(hits)


# --- festivals ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Festival:
    code: str
    name_zh: str
    name_en: str
    on: date


# Our stable codes for the festivals the `holidays` library names (English names as keys),
# and how to compute each one when the library does not list it for a year.
FESTIVAL_NAMES: dict[str, tuple[str, str]] = {
    "new_year": ("元旦", "New Year's Day"),
    "spring_eve": ("除夕", "Chinese New Year's Eve"),
    "spring_festival": ("春节", "Spring Festival"),
    "lantern": ("元宵节", "Lantern Festival"),
    "qingming": ("清明节", "Qingming Festival"),
    "labour_day": ("劳动节", "Labour Day"),
    "dragon_boat": ("端午节", "Dragon Boat Festival"),
    "qixi": ("七夕", "Qixi Festival"),
    "mid_autumn": ("中秋节", "Mid-Autumn Festival"),
    "national_day": ("国庆节", "National Day"),
    "double_ninth": ("重阳节", "Double Ninth Festival"),
}
_LIBRARY_NAMES = {
    "New Year's Day": "new_year",
    "Chinese New Year's Eve": "spring_eve",
    "Chinese New Year (Spring Festival)": "spring_festival",
    "Tomb-Sweeping Day": "qingming",
    "Labor Day": "labour_day",
    "Dragon Boat Festival": "dragon_boat",
    "Mid-Autumn Festival": "mid_autumn",
    "National Day": "national_day",
}
_LUNAR_FESTIVALS = {
    "spring_festival": (1, 1),
    "lantern": (1, 15),
    "dragon_boat": (5, 5),
    "qixi": (7, 7),
    "mid_autumn": (8, 15),
    "double_ninth": (9, 9),
}
_SOLAR_FESTIVALS = {"new_year": (1, 1), "labour_day": (5, 1), "national_day": (10, 1)}
DEFAULT_FESTIVALS = ("new_year", "spring_festival", "lantern", "dragon_boat", "mid_autumn", "national_day")


def _library_festivals(year: int) -> dict[str, date]:
    """First day of each festival the maintained holidays library lists for China in a year."""
    try:
        import holidays

        listed = holidays.country_holidays("CN", years=year, language="en_US")
    except Exception:  # the library does not cover this year or cannot load: computed dates serve
        return {}
    found: dict[str, date] = {}
    for on, names in sorted(listed.items()):
        for name in names.split("; "):
            code = _LIBRARY_NAMES.get(name.strip())
            if code and code not in found:
                found[code] = on
    return found


@lru_cache(maxsize=32)
def festivals_in_year(year: int) -> tuple[Festival, ...]:
    """All known festivals of a solar year, library dates first, computed ones for the rest."""
    dates = _library_festivals(year)
    for code, (month, day) in _LUNAR_FESTIVALS.items():
        if code not in dates:
            on = lunar_to_solar(year, month, day)
            if on is not None:
                dates[code] = on
    for code, (month, day) in _SOLAR_FESTIVALS.items():
        dates.setdefault(code, date(year, month, day))
    if "spring_eve" not in dates and "spring_festival" in dates:
        dates["spring_eve"] = dates["spring_festival"] - timedelta(days=1)
    return tuple(
        sorted(
            (Festival(code, *FESTIVAL_NAMES[code], on) for code, on in dates.items() if code in FESTIVAL_NAMES),
            key=lambda festival: festival.on,
        )
    )


@dataclass(frozen=True)
class CustomDay:
    """A day the team adds to the festivals (a trade fair, the company's own anniversary …)."""

    code: str
    name_zh: str
    name_en: str
    month: int
    day: int
    calendar: str = "solar"  # solar | lunar

    @classmethod
    def from_json(cls, value: dict) -> CustomDay:
        name_zh = str(value.get("name_zh") or value.get("name") or value.get("code") or "")
        return cls(
            code=str(value.get("code") or name_zh),
            name_zh=name_zh,
            name_en=str(value.get("name_en") or name_zh),
            month=int(value["month"]),
            day=int(value["day"]),
            calendar=str(value.get("calendar") or "solar"),
        )

    def as_json(self) -> dict:
        return {"code": self.code, "name_zh": self.name_zh, "name_en": self.name_en,
                "month": self.month, "day": self.day, "calendar": self.calendar}


def festivals_between(start: date, end: date, codes: tuple[str, ...] | list[str],
                      custom_days: list[CustomDay]) -> list[tuple[Festival, str]]:
    """(festival, occurrence label) for the chosen festivals and custom days within [start, end]."""
    wanted = set(codes)
    found: list[tuple[Festival, str]] = []
    for year in range(start.year, end.year + 1):
        for festival in festivals_in_year(year):
            if festival.code in wanted and start <= festival.on <= end:
                found.append((festival, str(year)))
    for custom in custom_days:
        for occurrence in birthday_occurrences(custom.calendar, custom.month, custom.day, False, start, end):
            found.append((Festival(f"custom-{custom.code}", custom.name_zh, custom.name_en, occurrence.on),
                          occurrence.label))
    return sorted(found, key=lambda item: item[0].on)


# --- anniversaries -----------------------------------------------------------------------------


def anniversary_occurrences(since: date, start: date, end: date) -> list[tuple[date, int]]:
    """(date, years of cooperation) of each anniversary of `since` within [start, end]."""
    found = []
    for year in range(max(start.year, since.year + 1), end.year + 1):
        on = solar_on(year, since.month, since.day)
        if on is not None and start <= on <= end:
            found.append((on, year - since.year))
    return found
