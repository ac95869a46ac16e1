"""Demo data as a team that has used AccountDesk for a year leaves it: revisits done (mostly on time),
current revisit plans, tier history over the past year, and churn warnings already dealt with."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, time, timedelta, timezone
from random import Random

from sqlalchemy import exists, func, select, update
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session

from accountdesk.core.revisits.plans import CADENCE_PURPOSE, PLANNER, last_contact_of, load_cadence
from accountdesk.core.revisits.workdays import load_work_calendar
from accountdesk.core.storage.bulk import BulkInserter
from accountdesk.core.storage.models import Customer, Interaction, Reminder, RevisitPlan, TierChange, utcnow
from accountdesk.core.storage.sql import epoch_seconds
from accountdesk.core.time import LocalDays, local_noon_utc, local_zone

# Contacts that count as a revisit (an email or a WeChat message is not one), and how far back.
REVISIT_KINDS = ("visit", "phone", "meeting")
HISTORY_DAYS = 365
# Grading runs of the past year (days before today), so the tier history has moves to show
# for a quarter and for the month so far.
GRADING_DAYS_BACK = (360, 270, 180, 90, 30, 0)
# A churn warning whose rule started to hold this long ago was raised back then and dealt with.
SETTLED_AFTER_DAYS = 60
# How much care each kind of customer gets: customers already drifting away are revisited later.
_CARE = {"declining": 0.85, "churned": 0.75, "one_off": 0.9}
# Days a revisit was done before (negative) or after its date, when on time (within the 3-day grace).
_ON_TIME = (-5, -4, -3, -2, -1, 0, 1, 2, 3)
_ON_TIME_WEIGHTS = (1, 1, 2, 3, 5, 8, 5, 3, 2)
_HISTORY_COLUMNS = ("customer_id", "owner_id", "due_on", "purpose", "channel", "state", "done_on", "interaction_id")


def team_diligence(seed: int, owners: Sequence[int]) -> dict[int, float]:
    """How reliably each demo manager keeps revisit dates (0.75–0.97), fixed by the seed."""
    rng = Random(f"diligence:{seed}")
    return {owner: rng.uniform(0.75, 0.97) for owner in owners}


class RevisitHistory:
    """Writes a done revisit plan for each visit, call or meeting of the last year, chunk by chunk."""

    def __init__(self, connection: Connection, today: date, seed: int, diligence: dict[int, float], *,
                 now: datetime, user: str) -> None:
        self.connection = connection
        self.today = today
        self.rng = Random(f"revisit-history:{seed}")
        self.diligence = diligence
        self.since = datetime.combine(today - timedelta(days=HISTORY_DAYS), time(), tzinfo=local_zone()) \
            .astimezone(timezone.utc)
        self.inserter = BulkInserter(connection, RevisitPlan.__table__, _HISTORY_COLUMNS, now=now, user=user)
        self.zone = local_zone()

    @property
    def driver_seconds(self) -> float:
        return self.inserter.driver_seconds

    def write(self, customers: dict[int, tuple[int, str]]) -> int:
        """`customers`: id → (owner id, archetype) of customers just inserted; returns plans written."""
        if not customers:
            return 0
        rng = self.rng
        random, choices = rng.random, rng.choices
        query = (
            select(Interaction.id, Interaction.customer_id, Interaction.occurred_at, Interaction.kind)
            .where(Interaction.customer_id.between(min(customers), max(customers)),
                   Interaction.kind.in_(REVISIT_KINDS), Interaction.occurred_at >= self.since,
                   Interaction.deleted_at.is_(None))
            .order_by(Interaction.id)
        )
        rows = []
        for interaction_id, customer_id, occurred_at, kind in self.connection.execute(query):
            if customer_id not in customers:
                continue
            owner, archetype = customers[customer_id]
            done_on = occurred_at.astimezone(self.zone).date()
            on_time = self.diligence.get(owner, 0.85) * _CARE.get(archetype, 1.0)
            if random() < on_time:
                late = choices(_ON_TIME, _ON_TIME_WEIGHTS)[0]
            else:
                late = 4 + min(40, int(rng.expovariate(1 / 8)))
            rows.append((customer_id, owner, done_on - timedelta(days=late), CADENCE_PURPOSE, kind, "done", done_on,
                         interaction_id))
        return self.inserter.insert(rows)


def plan_current_revisits(session: Session, today: date, seed: int, diligence: dict[int, float]) -> int:
    """The next revisit of every live customer without one, as a team working its calendar has it.

    Where the cadence (last contact + the tier's interval) still lies ahead, that is the date.
    Where it has passed, an attentive manager has long rescheduled it, so most are upcoming; a
    few are due now and a minority, mostly customers already at risk or lost, are overdue. No
    date is earlier than the cadence's, so revisits.sync_cadence leaves them where they are.
    """
    rng = Random(f"revisit-plans:{seed}")
    cadence = load_cadence(session)
    planned = exists().where(RevisitPlan.customer_id == Customer.id, RevisitPlan.state == "planned",
                             RevisitPlan.deleted_at.is_(None))
    rows = session.execute(
        select(Customer.id, Customer.tier, Customer.owner_id, Customer.stage,
               epoch_seconds(session, last_contact_of(Customer.id)), epoch_seconds(session, Customer.created_at))
        .where(Customer.deleted_at.is_(None), ~planned)
        .order_by(Customer.id)
    ).all()
    days = LocalDays()
    workdays = load_work_calendar(session)
    today_ord = today.toordinal()
    out = []
    for customer_id, tier, owner_id, stage, last_epoch, created_epoch in rows:
        interval = cadence.interval(tier)
        natural = days.ordinal(last_epoch if last_epoch is not None else (created_epoch or 0)) + interval
        if natural <= today_ord:
            neglected = stage in ("at_risk", "churned")
            slack = 1.6 - diligence.get(owner_id, 0.85)  # 0.63 for the most attentive, 0.85 for the least
            roll = rng.random()
            overdue = (0.45 if neglected else 0.07) * slack
            if roll < overdue:
                natural = max(natural, today_ord - rng.randint(10, 75))
            elif roll < overdue + 0.08:
                natural = max(natural, today_ord - rng.randint(0, 3))  # due now, within the grace
            else:
                natural = today_ord + rng.randint(1, max(1, min(interval, 45)))  # rescheduled ahead
        # The team planned on working days (as the planner does): a past date on the working day
        # before, a coming one on the working day after.
        due = date.fromordinal(natural)
        due = workdays.on_or_before(due) if natural < today_ord else workdays.on_or_after(due)
        out.append((customer_id, owner_id, due, CADENCE_PURPOSE, cadence.channel(tier),
                    "planned"))
    columns = ("customer_id", "owner_id", "due_on", "purpose", "channel", "state")
    # Written as the cadence writes its own plans (updated_by PLANNER), so the reminder run treats them alike.
    return BulkInserter(session.connection(), RevisitPlan.__table__, columns, now=utcnow(), user=PLANNER).insert(out)


def regrade_over_time(session: Session, today: date):
    """Grade as of each day of GRADING_DAYS_BACK, dating each run's tier changes on that day.

    regrade_all stamps its changes with the wall clock; the demo's history stands for grading
    runs of the past year, so their `changed_at` is moved to (local noon of) each as-of day.
    """
    from accountdesk.core.tiering.regrade import regrade_all

    table = TierChange.__table__
    report = None
    for back in GRADING_DAYS_BACK:
        day = today - timedelta(days=back)
        before = session.scalar(select(func.max(table.c.id))) or 0
        report = regrade_all(session, as_of=day)
        session.execute(update(table).where(table.c.id > before).values(changed_at=local_noon_utc(day)))
    return report


def settle_old_warnings(session: Session, today: date, user: str | None) -> int:
    """Mark churn warnings that started to hold SETTLED_AFTER_DAYS or more ago as done.

    Over a year of use, a warning raised months ago has been acted on (a call, a visit); the
    reminder run keeps its key and so never raises it again. Complaints stay open: they close
    when the complaint is resolved.
    """
    from accountdesk.core.reminders.churn import churn_signals
    from accountdesk.core.reminders.settings import load_reminder_settings

    settings = load_reminder_settings(session)
    cutoff = today - timedelta(days=SETTLED_AFTER_DAYS)
    keys = [s.key for s in churn_signals(session, today, settings.churn)
            if s.kind == "churn" and s.fired_on <= cutoff]
    table = Reminder.__table__
    settled = 0
    for start in range(0, len(keys), 500):
        result = session.execute(
            update(table)
            .where(table.c.key.in_(keys[start:start + 500]), table.c.state == "new")
            .values(state="done", version=table.c.version + 1, updated_at=utcnow(), updated_by=user)
        )
        settled += result.rowcount or 0
    return settled
