"""How demo customers behave over time: archetypes, their purchase rhythms, and the dates they are in touch."""

from __future__ import annotations

from dataclasses import dataclass
from random import Random

HISTORY_DAYS = 3 * 365  # transactions reach back three years at most


@dataclass(frozen=True)
class Archetype:
    """A kind of customer behaviour: how often it buys, how happy it is, how often it complains."""

    name: str
    weight: int
    satisfaction: float  # mean satisfaction of its interactions (1–5)
    contact_every: tuple[int, int]  # days between two interactions
    complaint_chance: float
    praise_chance: float
    need_weights: tuple[int, int, int]  # price, quality, service
    notes: tuple[str, ...] = ()


ARCHETYPES: tuple[Archetype, ...] = (
    Archetype("steady", 12, 4.3, (30, 75), 0.12, 0.25, (2, 4, 4), ("年度框架协议客户", "每月固定下单")),
    Archetype("frequent", 4, 4.4, (25, 50), 0.15, 0.30, (2, 3, 5), ("小批量高频补货", "有专人对接仓库")),
    Archetype("quarterly", 16, 4.0, (60, 120), 0.10, 0.10, (4, 4, 2), ("按季度集中采购",)),
    Archetype("seasonal", 12, 3.9, (60, 130), 0.10, 0.10, (5, 3, 2), ("旺季前集中备货", "春节前订单量大")),
    Archetype("growing", 8, 4.5, (30, 60), 0.08, 0.30, (2, 5, 3), ("业务扩张中，采购量逐月上升", "新开两家分店")),
    Archetype("declining", 10, 3.0, (50, 110), 0.50, 0.03, (6, 2, 2), ("去年起订单减少，疑似转向竞品", "采购负责人换人")),
    Archetype("churned", 12, 2.4, (60, 120), 0.60, 0.02, (6, 2, 2), ("已半年多没有下单", "被竞品低价抢走")),
    Archetype("one_off", 12, 3.5, (90, 180), 0.15, 0.05, (5, 3, 2), ("项目型采购，一次性订单",)),
    Archetype("new", 6, 4.1, (10, 25), 0.05, 0.10, (3, 3, 4), ("新签客户，重点培养",)),
    Archetype("potential", 8, 3.8, (20, 60), 0.00, 0.00, (4, 3, 3), ("已报价，尚未成交", "展会上留的名片，有采购意向")),
)
ARCHETYPE_WEIGHTS = [a.weight for a in ARCHETYPES]

# Months a seasonal customer buys in (e.g. stocking up before the Spring Festival, summer, Double 11).
SEASONS = ((1, 2, 9), (3, 4, 5), (6, 7, 8), (9, 10, 11), (11, 12, 1), (4, 9, 12))


@dataclass
class Timeline:
    """When one customer started, bought and was in touch; dates are proleptic ordinals."""

    cooperation_since: int | None
    purchases: list[tuple[int, float]]  # (day, order-size factor from the customer's trend)
    contacts_from: int
    contacts_until: int
    winback: int | None = None  # one late attempt to bring a churned customer back


def _step(rng: Random, mean: float, spread: float, least: int = 3) -> int:
    return max(least, round(rng.gauss(mean, spread)))


def _regular(rng: Random, start: int, end: int, mean: float, spread: float, extra: float = 0.0) -> list[int]:
    days = []
    t = start + rng.randint(0, max(1, int(mean * 0.7)))
    while t <= end:
        days.append(t)
        if extra and rng.random() < extra:
            second = t + rng.randint(5, 20)
            if second <= end:
                days.append(second)
        t += _step(rng, mean, spread)
    return days


def _seasonal(rng: Random, start: int, end: int) -> list[int]:
    from datetime import date

    peaks = set(rng.choice(SEASONS))
    days = []
    first = date.fromordinal(start)
    year, month = first.year, first.month
    while True:
        month_start = date(year, month, 1).toordinal()
        if month_start > end:
            break
        count = rng.randint(2, 4) if month in peaks else (1 if rng.random() < 0.08 else 0)
        for _ in range(count):
            day = month_start + rng.randint(0, 27)
            if start <= day <= end:
                days.append(day)
        month += 1
        if month == 13:
            year, month = year + 1, 1
    return sorted(days)


def _trended(rng: Random, start: int, end: int, step_from: float, step_to: float) -> list[int]:
    days = []
    span = max(1, end - start)
    t = start + rng.randint(0, 10)
    while t <= end:
        days.append(t)
        fraction = (t - start) / span
        t += _step(rng, step_from + (step_to - step_from) * fraction, 4)
    return days


def make_timeline(rng: Random, archetype: Archetype, today: int) -> Timeline:
    """The purchase days and contact window of one customer of the given archetype."""
    window_start = today - HISTORY_DAYS
    kind = archetype.name
    factor_from, factor_to = 1.0, 1.0
    winback = None
    if kind == "potential":
        first = today - rng.randint(20, 240)
        return Timeline(None, [], first, today)
    if kind == "new":
        since = today - rng.randint(5, 90)
        count = rng.randint(1, 3)
        days = sorted(rng.randint(since, today) for _ in range(count))
        return Timeline(since, [(d, 1.0) for d in days], since - rng.randint(10, 60), today)
    if kind == "one_off":
        since = today - rng.randint(60, HISTORY_DAYS)
        days = [since]
        if rng.random() < 0.3:
            days.append(min(today, since + rng.randint(10, 40)))
        until = min(today, since + rng.randint(60, 400))
        return Timeline(since, [(d, 1.0) for d in days], since - rng.randint(15, 90), until)
    if kind == "growing":
        since = today - rng.randint(300, 720)
        days = _trended(rng, since, today, 45, 10)
        factor_from, factor_to = 0.6, 1.8
        until = today
    else:
        since = today - rng.randint(400, 1600)
        start = max(since, window_start)
        until = today
        if kind == "steady":
            days = _regular(rng, start, today, 30, 6, extra=0.6)
        elif kind == "frequent":
            days = _regular(rng, start, today, 8, 3)
        elif kind == "quarterly":
            days = _regular(rng, start, today, 91, 12)
        elif kind == "seasonal":
            days = _seasonal(rng, start, today)
        elif kind == "declining":
            last = today - rng.randint(30, 110)
            days = _trended(rng, start, last, 18, 75)
            factor_from, factor_to = 1.3, 0.5
        else:  # churned: bought regularly, then stopped 6 to 18 months ago
            last = today - rng.randint(183, 548)
            days = _regular(rng, start, last, 35, 10) or [last]
            factor_from, factor_to = 1.0, 0.7
            until = min(today, last + rng.randint(20, 120))
            if rng.random() < 0.5:
                winback = today - rng.randint(5, 90)
    if not days:
        days = [rng.randint(max(since, window_start), today)]
    first_day, last_day = days[0], days[-1]
    span = max(1, last_day - first_day)
    purchases = [(d, factor_from + (factor_to - factor_from) * (d - first_day) / span) for d in days]
    return Timeline(since, purchases, max(since, window_start) - rng.randint(0, 45), until, winback)


def contact_days(rng: Random, archetype: Archetype, timeline: Timeline, today: int) -> list[int]:
    """The days this customer and its owner were in touch, up to yesterday.

    Not today: an interaction gets an office-hours time, which later today would still lie ahead.
    """
    low, high = archetype.contact_every
    days = []
    t = timeline.contacts_from + rng.randint(0, low)
    while t <= timeline.contacts_until and t < today:
        days.append(t)
        t += rng.randint(low, high)
    if timeline.winback is not None and (not days or timeline.winback > days[-1]):
        days.append(timeline.winback)
    return days
