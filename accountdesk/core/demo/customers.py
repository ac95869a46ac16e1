"""How one demo customer is made: its company or person, contacts, purchases, interactions, feedback and tags."""

from __future__ import annotations

import calendar
import math
from bisect import bisect
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from itertools import accumulate
from random import Random
from types import SimpleNamespace

from lunardate import LunarDate

from accountdesk.core.archive.search import customer_search_key, pinyin_forms
from accountdesk.core.demo import vocabulary as vocab
from accountdesk.core.demo.rhythms import (
    ARCHETYPE_WEIGHTS,
    ARCHETYPES,
    Archetype,
    Timeline,
    contact_days,
    make_timeline,
)
from accountdesk.core.storage.models import NEED_TYPES

LUNAR_SHARE = 0.15
LEAP_MONTH_BIRTHS = ((1963, 4), (1966, 3), (1968, 7), (1971, 5), (1974, 4), (1976, 8), (1979, 6), (1982, 4),
                     (1984, 10), (1987, 6), (1990, 5), (1993, 3), (1995, 8), (1998, 5), (2001, 4))
_INDUSTRY_WEIGHTS = [i.weight for i in vocab.INDUSTRIES]
_SMALL_TRADES = tuple(i for i in vocab.INDUSTRIES if i.name in ("零售", "餐饮", "汽车", "农业"))
_SOURCE_NAMES = [s for s, _ in vocab.SOURCES]
_SOURCE_WEIGHTS = [w for _, w in vocab.SOURCES]
_KINDS = ("phone", "email", "visit", "meeting", "wechat", "other")
# How each purchasing-power level is mostly reached: big accounts get visits and meetings.
_KIND_CUM = {
    power: (list(accumulate(weights)), sum(weights))
    for power, weights in {
        "high": (25, 10, 25, 15, 24, 1),
        "mid": (35, 15, 14, 5, 30, 1),
        "low": (35, 25, 4, 1, 34, 1),
    }.items()
}
_ORDER_MEDIAN_YUAN = {"high": 20000.0, "mid": 5000.0, "low": 1200.0}
# Office hours, 08:00 to 18:50, in ten-minute steps.
_MINUTES = tuple(timedelta(hours=h, minutes=m) for h in range(8, 19) for m in range(0, 60, 10))


@dataclass
class CustomerPlan:
    """One customer before insertion: its row and the rows that will hang from it."""

    row: dict
    contacts: list[dict]
    purchases: list[tuple[int, str, int, int, str | None]]  # day, product, quantity, cents, note
    touches: list[tuple[datetime, str, int, str, str | None, str | None, int | None, int]]
    feedback: list[tuple[str, int, str, bool, int | None, str | None]]
    tag_ids: list[int]
    archetype: str = ""  # how it behaves (demo_rhythms.ARCHETYPES): later demo steps follow it


class CustomerGenerator:
    """Makes customers one by one from a seeded random source; nothing here touches the database."""

    def __init__(self, rng: Random, today: date, owners: list[int], tags: dict[str, int],
                 taken_names: set[str], first_number: int, *, purchase_share: float = 1.0,
                 seed: int = 1) -> None:
        self.rng = rng
        # Below 1, each purchase day is kept with this chance (a book of a given volume, e.g. the
        # bench's); drawn from a source of its own, so the customers stay the same otherwise.
        self.purchase_share = purchase_share
        self.thinning = Random(seed * 7919 + 17)
        self.today = today
        self.today_ord = today.toordinal()
        self.owners = owners
        # Senior reps carry more of the book, as the first names in a team usually do.
        self.owner_weights = [max(1, 6 - i) for i in range(len(owners))]
        self.tags = tags
        self.taken_names = taken_names
        self.next_number = first_number
        self.names: list[str] = []  # of this run's customers, for referral notes
        self.referrals: dict[int, int] = {}  # index in this run -> referrals made
        self._midnights: dict[int, datetime] = {}

    # --- people and places ----------------------------------------------------------------------

    def person_name(self) -> tuple[str, bool]:
        rng = self.rng
        female = rng.random() < 0.45
        pool = vocab.GIVEN_CHARS_FEMALE if female else vocab.GIVEN_CHARS_MALE
        given = rng.choice(pool)
        if len(given) == 1 and rng.random() < 0.55:
            given += rng.choice(pool)[0]
        return rng.choice(vocab.SURNAMES) + given, female

    def mobile(self) -> str:
        return self.rng.choice(vocab.MOBILE_PREFIXES) + f"{self.rng.randrange(10**8):08d}"

    def landline(self, area: str) -> str:
        width = 8 if len(area) == 3 or self.rng.random() < 0.7 else 7
        return f"{area}-{self.rng.randrange(2 * 10 ** (width - 1), 10**width)}"

    def address(self, city: tuple) -> str:
        province, name, districts, _area = city
        rng = self.rng
        building = rng.choice(vocab.BUILDINGS)
        suffix = f"{building}{rng.randint(2, 28)}0{rng.randint(1, 9)}室" if building else ""
        return f"{province}{name}市{rng.choice(districts)}{rng.choice(vocab.ROADS)}{rng.randint(1, 999)}号{suffix}"

    def birthday(self, contact: dict) -> None:
        """Solar or (about one in seven) lunar month and day; the year is often unknown."""
        rng = self.rng
        if rng.random() < 0.1:
            return  # nobody asked yet
        year = self.today.year - rng.randint(25, 60) if rng.random() < 0.7 else None
        if rng.random() < LUNAR_SHARE:
            contact["birth_calendar"] = "lunar"
            leap_years = [(y, m) for y, m in LEAP_MONTH_BIRTHS if self.today.year - 62 <= y <= self.today.year - 23]
            if rng.random() < 0.07 and leap_years:
                # Born in a leap month (e.g. 闰四月 of 1982): the birthday only recurs in years with that leap month.
                year, month = rng.choice(leap_years)
                contact.update(birth_year=year, birth_month=month, birth_day=rng.randint(1, 29), birth_leap_month=True)
                return
            month, day = rng.randint(1, 12), rng.randint(1, 30)
            if day == 30 and (year is None or not _lunar_exists(year, month, 30)):
                day = 29  # the 30th only exists in long lunar months
            contact.update(birth_year=year, birth_month=month, birth_day=day)
            return
        month = rng.randint(1, 12)
        day = rng.randint(1, calendar.monthrange(year or 2001, month)[1])
        contact.update(birth_calendar="solar", birth_year=year, birth_month=month, birth_day=day)

    def contact(self, position: str, email_domain: str | None) -> dict:
        rng = self.rng
        name, _female = self.person_name()
        phone = self.mobile()
        spelled = pinyin_forms(name)[0]
        if email_domain and rng.random() < 0.7:
            email = f"{spelled}@{email_domain}"
        elif rng.random() < 0.5:
            email = f"{rng.randrange(10**7, 10**10)}@qq.com" if rng.random() < 0.6 else \
                f"{spelled}{rng.randint(1, 99)}@{rng.choice(vocab.EMAIL_DOMAINS_PERSONAL)}"
        else:
            email = None
        roll = rng.random()
        wechat = phone if roll < 0.35 else (f"{spelled}{rng.randint(1970, 2005)}" if roll < 0.7 else None)
        row = dict(name=name, phone=phone, email=email, wechat=wechat, position=position, is_primary=False,
                   birth_calendar="solar", birth_year=None, birth_month=None, birth_day=None,
                   birth_leap_month=False, notes=None)
        self.birthday(row)
        return row

    def unique(self, make: Callable[[], str], fallback: Callable[[str], str]) -> str:
        for _ in range(12):
            name = make()
            if name not in self.taken_names:
                break
        while name in self.taken_names:
            name = fallback(name)
        self.taken_names.add(name)
        return name

    # --- one customer ---------------------------------------------------------------------------

    def customer(self) -> CustomerPlan:
        rng = self.rng
        archetype: Archetype = rng.choices(ARCHETYPES, ARCHETYPE_WEIGHTS)[0]
        industry = rng.choices(vocab.INDUSTRIES, _INDUSTRY_WEIGHTS)[0]
        city = rng.choice(vocab.CITIES)
        code = f"C{self.next_number:06d}"
        self.next_number += 1
        individual = rng.random() < 0.08
        power = rng.choices(("high", "mid", "low"), (20, 45, 35))[0]
        if individual:
            power = "low" if rng.random() < 0.7 else "mid"
        contacts: list[dict]
        birthday = None
        if individual:
            # A shopkeeper or trader buying in person: the customer is the contact.
            industry = rng.choice(_SMALL_TRADES)
            company = None
            position = "店主" if rng.random() < 0.5 else "个体经营者"
            me = self.contact(position, None)
            for _ in range(12):
                if me["name"] not in self.taken_names:
                    break
                me = self.contact(position, None)
            name = self.unique(lambda: me["name"], lambda n: f"{me['name']}（{city[1]}{rng.randint(1, 99)}）")
            if me["birth_year"] and me["birth_calendar"] == "solar":
                birthday = date(me["birth_year"], me["birth_month"], me["birth_day"])
                me.update(birth_year=None, birth_month=None, birth_day=None)  # kept once, on the customer
            contacts = [me]
        else:
            def short() -> str:
                brand = "".join(rng.sample(vocab.BRAND_CHARS, 2))
                return brand + rng.choice(industry.name_words)

            name = self.unique(short, lambda n: f"{city[1]}{n}" if not n.startswith(city[1]) else f"{n}{rng.randint(2, 99)}")
            city_word = city[1] + ("市" if rng.random() < 0.5 else "")
            company = f"{city_word}{name.removeprefix(city[1])}{rng.choice(vocab.COMPANY_SUFFIXES)}"
            domain = f"{pinyin_forms(name.removeprefix(city[1])[:2])[0]}.com.cn" if rng.random() < 0.6 else None
            size = rng.choices((1, 2, 3), (35, 40, 25))[0]
            positions = [rng.choice(vocab.POSITIONS_BUYER if rng.random() < 0.6 else vocab.POSITIONS_SENIOR)]
            positions += [rng.choice(vocab.POSITIONS_SENIOR + vocab.POSITIONS_OTHER) for _ in range(size - 1)]
            contacts = [self.contact(p, domain) for p in positions]
        contacts[0]["is_primary"] = True
        primary = contacts[0]
        phone = primary["phone"] if individual or rng.random() < 0.7 else self.landline(city[3])

        timeline = make_timeline(rng, archetype, self.today_ord)
        index = len(self.names)
        source = rng.choices(_SOURCE_NAMES, _SOURCE_WEIGHTS)[0]
        notes = rng.choice(archetype.notes) if archetype.notes and rng.random() < 0.4 else None
        if source == "老客户转介绍" and index > 0:
            referrer = rng.randrange(max(0, index - 5000), index)
            self.referrals[referrer] = self.referrals.get(referrer, 0) + 1
            notes = f"经{self.names[referrer]}介绍"
        self.names.append(name)

        need_type = rng.choices(NEED_TYPES, archetype.need_weights)[0]
        followers = int(math.exp(rng.gauss(5.0, 1.5))) if rng.random() < 0.25 else 0
        row = dict(
            code=code, name=name, company=company, contact_person=primary["name"], phone=phone,
            email=primary["email"], position=primary["position"], address=self.address(city),
            industry=industry.name, source=source, birthday=birthday,
            cooperation_since=date.fromordinal(timeline.cooperation_since) if timeline.cooperation_since else None,
            owner_id=rng.choices(self.owners, self.owner_weights)[0], tier=None, score=None, tier_locked=False,
            tier_lock_reason=None, stage=None, rfm_segment=None, referrals=0, followers=followers,
            need_type=need_type, purchasing_power=power, notes=notes,
        )
        contact_views = [SimpleNamespace(deleted_at=None, **c) for c in contacts]
        row["search_key"] = customer_search_key(SimpleNamespace(**row), contact_views)  # type: ignore[arg-type]

        favourites = rng.sample(industry.products, min(len(industry.products), rng.randint(2, 4)))
        product_weights = [rng.randint(1, 10) for _ in favourites]
        purchases = self.purchases(timeline.purchases, power, favourites, product_weights)
        if self.purchase_share < 1:  # made, then dropped: the main source draws as it always does
            keep = self.thinning.random
            purchases = [purchase for purchase in purchases if keep() < self.purchase_share]
        products = [p for p, _ in favourites]
        touches = self.touches(archetype, timeline, power, row["owner_id"], products, contacts)
        feedback = self.feedback(archetype, timeline, products, primary["name"])
        tag_ids = self.pick_tags(archetype, power, need_type)
        return CustomerPlan(row, contacts, purchases, touches, feedback, tag_ids, archetype.name)

    def purchases(self, days: list[tuple[int, float]], power: str, favourites: list[tuple[str, int]],
                  weights: list[int]) -> list[tuple[int, str, int, int, str | None]]:
        rng = self.rng
        random, gauss, exp = rng.random, rng.gauss, math.exp
        mu = math.log(_ORDER_MEDIAN_YUAN[power]) + gauss(0, 0.4)
        price_factor = rng.uniform(0.9, 1.1)
        # Unit prices in cents, ending in a 0 like real price lists.
        units = [(name, max(100, round(yuan * price_factor * 10) * 10)) for name, yuan in favourites]
        cum = list(accumulate(weights))
        total = cum[-1]
        out = []
        for day, trend in days:
            product, unit_cents = units[bisect(cum, random() * total)]
            value_cents = exp(gauss(mu, 0.55)) * trend * 100  # order sizes spread log-normally
            quantity = max(1, round(value_cents / unit_cents))
            cents = unit_cents * quantity
            note = None
            roll = random()
            if roll < 0.15:
                cents = max(100, cents * 95 // 10000 * 100)  # a 5 % discount, rounded down to the yuan
                note = "九五折"
            elif roll < 0.25:
                note = rng.choice(vocab.TRANSACTION_NOTES) or None
            out.append((day, product, quantity, cents, note))
        return out

    def touches(self, archetype: Archetype, timeline: Timeline, power: str, owner: int, products: list[str],
                contacts: list[dict]):
        rng = self.rng
        random, choice, gauss = rng.random, rng.choice, rng.gauss
        cum, total = _KIND_CUM[power]
        out = []
        for day in contact_days(rng, archetype, timeline, self.today_ord):
            kind = _KINDS[bisect(cum, random() * total)]
            contact_index = 0 if random() < 0.6 else rng.randrange(len(contacts))
            mean = archetype.satisfaction
            if day == timeline.winback:
                summary, mean = "电话挽回：询问停止采购的原因，介绍新的优惠政策", 2.0
            else:
                summary = choice(vocab.INTERACTION_SUMMARIES[kind]).format(
                    product=choice(products), contact=contacts[contact_index]["name"])
            satisfaction = None if (kind == "email" or random() < 0.2) else min(5, max(1, round(gauss(mean, 0.7))))
            level = satisfaction if satisfaction is not None else round(mean)
            outcome = choice(vocab.OUTCOMES_GOOD if level >= 4 else vocab.OUTCOMES_NEUTRAL if level == 3
                             else vocab.OUTCOMES_BAD)
            weekday = (day + 6) % 7  # Monday is 0, as date.weekday()
            if weekday >= 5 and random() < 0.8:  # business is done on weekdays, mostly
                day -= weekday - 4
            at = self.local_midnight_utc(day) + _MINUTES[rng.randrange(len(_MINUTES))]
            user = owner if random() < 0.9 else choice(self.owners)
            out.append((at, kind, contact_index, summary, outcome, choice(vocab.NEXT_STEPS) or None, satisfaction,
                        user))
        return out

    def local_midnight_utc(self, day: int) -> datetime:
        # Interactions happen at local office hours; stored as UTC. One conversion per distinct day.
        at = self._midnights.get(day)
        if at is None:
            at = self._midnights[day] = datetime.fromordinal(day).astimezone(timezone.utc)
        return at

    def feedback(self, archetype: Archetype, timeline, products: list[str], contact_name: str):
        rng = self.rng
        out = []
        start = timeline.contacts_from
        end = min(self.today_ord, max(timeline.contacts_until, start + 1))
        kinds: list[str] = []
        if rng.random() < archetype.complaint_chance:
            kinds += ["complaint"] * (2 if rng.random() < 0.3 else 1)
        if rng.random() < 0.12:
            kinds.append("suggestion")
        if rng.random() < archetype.praise_chance:
            kinds.append("praise")
        troubled = archetype.name in ("declining", "churned")
        for kind in kinds:
            day = rng.randint(start, end)
            text = {"complaint": vocab.COMPLAINTS, "suggestion": vocab.SUGGESTIONS, "praise": vocab.PRAISES}[kind]
            content = rng.choice(text).format(product=rng.choice(products), contact=contact_name)
            resolved, resolved_on, resolution = False, None, None
            if kind == "complaint":
                old = self.today_ord - day > 60
                chance = (0.55 if troubled else 0.9) if old else 0.35
                if rng.random() < chance:
                    resolved = True
                    resolved_on = min(self.today_ord, day + rng.randint(1, 20))
                    resolution = rng.choice(vocab.RESOLUTIONS)
            elif kind == "praise" or rng.random() < 0.5:
                resolved, resolved_on = True, min(self.today_ord, day + rng.randint(0, 10))
            out.append((kind, day, content, resolved, resolved_on, resolution))
        return out

    def pick_tags(self, archetype: Archetype, power: str, need_type: str) -> list[int]:
        rng = self.rng
        chosen = set()
        if power == "high" and archetype.name in ("steady", "frequent", "growing") and rng.random() < 0.6:
            chosen.add("重点客户")
        if need_type == "price" and rng.random() < 0.5:
            chosen.add("价格敏感")
        if archetype.name in ("declining", "churned") and rng.random() < 0.4:
            chosen.add("有竞品介入")
        if archetype.name == "seasonal" and rng.random() < 0.5:
            chosen.add("年底集中采购")
        for _ in range(rng.choice((0, 0, 1, 1, 2))):
            chosen.add(rng.choice(vocab.TAGS)[0])
        return sorted(self.tags[name] for name in chosen if name in self.tags)


def _lunar_exists(year: int, month: int, day: int) -> bool:
    try:
        LunarDate(year, month, day).to_solar_date()
    except ValueError:
        return False
    return True


