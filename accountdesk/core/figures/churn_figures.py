"""Each customer's purchase and contact figures for the churn check, kept between daily runs.

The churn rules need, per customer, the last purchase, the median gap between purchase days,
the spend of two sliding windows and the last contact. Worked out from scratch they cost a pass
over every transaction (seconds at 100,000 customers); the `customer_activity` table keeps them
as of the day of the last refresh, and a day later only a few customers can differ:

- those any of whose rows were written since the last refresh (their `updated_at`, or new rows
  beyond the highest ids seen then, which a merge may bring with older stamps), and
- those with a purchase dated after the last refresh, up to today;

and the customers with a purchase on a day that left the recent window, or the previous one, in
between have their two window sums moved by those purchases' amounts.

Everything else about a day's check is arithmetic on these integers. Whatever the cache cannot
vouch for (no state yet, other rules, another time zone, a jump back in time or far ahead, a
merge) makes it rebuild from scratch.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from sqlalchemy import Integer, and_, case, cast, delete, func, select
from sqlalchemy.orm import Session

from accountdesk.core.storage.bulk_rows import add_to_columns, insert_rows
from accountdesk.core.storage.database import settled_before
from accountdesk.core.storage.models import (
    AuditEntry,
    Customer,
    CustomerActivity,
    Interaction,
    Setting,
    Transaction,
    write_internal_setting,
)
from accountdesk.core.storage.sql import epoch_seconds
from accountdesk.core.tiering.metrics import DayOrdinals, day_list, local_day_start_utc, median_gap
from accountdesk.core.time import LocalDays, local_zone

STATE_SETTING = "reminders.activity"
# Past this many customers to refresh, one pass over everything is cheaper than IN lists.
_MAX_PARTIAL = 20_000
# A refresh more than this many days after the last one rebuilds (the boundary days add up).
_MAX_DAYS_AHEAD = 31
_CHUNK = 5000  # ids per IN list, well under SQLite's bound-parameter limit

COLUMNS = ["customer_id", "entered_day", "last_purchase_day", "purchase_days", "median_gap",
           "recent_spend_cents", "previous_spend_cents", "last_contact_day", "changed_day"]


@dataclass(frozen=True, slots=True)
class Activity:
    """One customer's figures as of a day (days are date ordinals)."""

    customer_id: int
    entered_day: int
    last_purchase_day: int | None
    purchase_days: int
    median_gap: float | None
    recent_spend_cents: int
    previous_spend_cents: int
    last_contact_day: int | None
    # The day these figures last changed (bookkeeping: equal figures are equal whatever the day).
    changed_day: int = field(default=0, compare=False)

    def row(self) -> tuple:
        return (self.customer_id, self.entered_day, self.last_purchase_day, self.purchase_days, self.median_gap,
                self.recent_spend_cents, self.previous_spend_cents, self.last_contact_day, self.changed_day)


@dataclass(frozen=True)
class State:
    """What stored figures stand for: their day, their window (days here; the grading figures
    keep months), the time zone, and the moment and highest row ids of the refresh that wrote them."""

    day: date
    window: int
    zone: str
    at: datetime  # every row stamped before this is reflected
    max_customer_id: int
    max_transaction_id: int
    max_interaction_id: int

    def as_json(self) -> dict:
        return {"day": self.day.isoformat(), "window": self.window, "zone": self.zone,
                "at": self.at.isoformat(), "max_customer_id": self.max_customer_id,
                "max_transaction_id": self.max_transaction_id,
                "max_interaction_id": self.max_interaction_id}

    @classmethod
    def from_json(cls, value: object) -> State | None:
        try:
            window = value["window"] if "window" in value else value["window_days"]  # as first stored
            return cls(date.fromisoformat(value["day"]), int(window), str(value["zone"]),
                       datetime.fromisoformat(value["at"]), int(value["max_customer_id"]),
                       int(value["max_transaction_id"]),
                       int(value["max_interaction_id"]))
        except (TypeError, KeyError, ValueError):
            return None

    @classmethod
    def now(cls, session: Session, day: date, window: int) -> State:
        """The state a refresh starting now, to `day`, would record."""
        started = settled_before(session)
        return cls(day, window, str(local_zone()), started, *_highest_ids(session))

    def can_move_to(self, new: State) -> bool:
        """Whether figures of this state can be brought to `new` by reworking some customers (else
        they are rebuilt): same window and time zone, and a day not earlier nor too far ahead."""
        return (self.window == new.window and self.zone == new.zone and self.day <= new.day
                and (new.day - self.day).days <= _MAX_DAYS_AHEAD)

    def rows_to_rework(self, day: date, *, contacts_dated: bool = False) -> list:
        """Queries of the customers whose figures must be worked out again to move them from this
        state to `day`: any of whose purchases or contacts were written since (by stamp, or, for
        merged rows that keep older stamps, by id), from whom one was moved away (as the audit
        trail tells), or who have a purchase (and, with `contacts_dated`, a contact) dated after
        this state's day, up to `day`."""
        queries = [
            select(Transaction.customer_id).where(Transaction.updated_at >= self.at),
            select(Interaction.customer_id).where(Interaction.updated_at >= self.at),
            select(Transaction.customer_id).where(Transaction.id > self.max_transaction_id),
            select(Interaction.customer_id).where(Interaction.id > self.max_interaction_id),
            select(cast(AuditEntry.old_value, Integer)).where(
                AuditEntry.at >= self.at, AuditEntry.field == "customer_id", AuditEntry.old_value.is_not(None),
                AuditEntry.entity.in_((Transaction.__tablename__, Interaction.__tablename__))),
        ]
        if day > self.day:
            queries.append(select(Transaction.customer_id).where(
                Transaction.occurred_on.between(self.day + timedelta(days=1), day)))
            if contacts_dated:
                when = Interaction.occurred_at
                queries.append(select(Interaction.customer_id).where(
                    when >= local_day_start_utc(self.day + timedelta(days=1)),
                    when < local_day_start_utc(day + timedelta(days=1))))
        return queries


def kept_state(session: Session, setting: str, day: date, window: int) -> tuple[State, State | None]:
    """The state a refresh to `day` would record, and the one kept in `setting` if the figures
    it stands for can be moved there (None: rebuild them)."""
    new_state = State.now(session, day, window)
    state = State.from_json(session.scalar(select(Setting.value).where(Setting.key == setting)))
    return new_state, state if state is not None and state.can_move_to(new_state) else None


def customers_named(session: Session, queries: Iterable) -> set[int] | None:
    """The customer ids the queries return, or None past _MAX_PARTIAL (then one pass over every
    customer is cheaper than reworking them by IN lists)."""
    customer_ids: set[int] = set()
    for query in queries:
        customer_ids.update(session.scalars(query.limit(_MAX_PARTIAL + 1)))
        if len(customer_ids) > _MAX_PARTIAL:
            return None
    return customer_ids


# --- working the figures out ---------------------------------------------------------------------


def _windows(today: date, window_days: int) -> tuple[date, date]:
    """First day of the recent window and of the previous one (each `window_days` long, to today)."""
    recent_start = today - timedelta(days=window_days - 1)
    return recent_start, recent_start - timedelta(days=window_days)


def id_chunks(customer_ids: Collection[int] | None) -> Iterator[list[int] | None]:
    """The ids in sorted lists short enough for an IN (None, for every customer, stays None)."""
    if customer_ids is None:
        yield None
        return
    ordered = sorted(customer_ids)
    for start in range(0, len(ordered), _CHUNK):
        yield ordered[start:start + _CHUNK]


def compute(session: Session, today: date, window_days: int,
            customer_ids: Collection[int] | None = None) -> list[Activity]:
    """The figures of every customer (or of those in `customer_ids`) as of `today`, from the rows."""
    connection = session.connection()
    recent_start, previous_start = _windows(today, max(1, window_days))
    days = LocalDays(local_zone())
    ordinals = DayOrdinals()
    today_ord = today.toordinal()
    dialect = connection.dialect.name
    result: list[Activity] = []
    for chunk in id_chunks(customer_ids):
        # Deleted customers too: their figures wait, unused, in case the deletion is undone.
        customers = select(Customer.id, epoch_seconds(session, Customer.created_at))
        # Both aggregates read only the covering indexes of live rows (ix_*_live_by_customer),
        # in customer order; a customer's purchase days come as one text.
        day = Transaction.occurred_on
        purchases = (
            select(Transaction.customer_id, day_list(dialect),
                   func.sum(case((day >= recent_start, Transaction.amount_cents), else_=0)),
                   func.sum(case((and_(day >= previous_start, day < recent_start), Transaction.amount_cents),
                                 else_=0)))
            .where(Transaction.deleted_at.is_(None), day <= today)
            .group_by(Transaction.customer_id)
        )
        contacts = (select(Interaction.customer_id, epoch_seconds(session, func.max(Interaction.occurred_at)))
                    .where(Interaction.deleted_at.is_(None)).group_by(Interaction.customer_id))
        if chunk is not None:
            customers = customers.where(Customer.id.in_(chunk))
            purchases = purchases.where(Transaction.customer_id.in_(chunk))
            contacts = contacts.where(Interaction.customer_id.in_(chunk))
        bought = {customer_id: (texts, int(recent or 0), int(previous or 0))
                  for customer_id, texts, recent, previous in connection.execute(purchases)}
        last_contact = {customer_id: days.ordinal(epoch) for customer_id, epoch in connection.execute(contacts)
                        if epoch is not None}
        for customer_id, created_epoch in connection.execute(customers):
            entered = days.ordinal(created_epoch or 0)
            found = bought.get(customer_id)
            if found is None:
                result.append(Activity(customer_id, entered, None, 0, None, 0, 0, last_contact.get(customer_id),
                                       today_ord))
                continue
            texts, recent, previous = found
            purchase_days = sorted(set(map(ordinals.__getitem__, texts.split(","))))
            result.append(Activity(customer_id, entered, purchase_days[-1], len(purchase_days), median_gap(purchase_days),
                                   recent, previous, last_contact.get(customer_id), today_ord))
    return result


# --- keeping them ----------------------------------------------------------------------------------


def _save_state(session: Session, state: State | None) -> None:
    write_internal_setting(session, STATE_SETTING, None if state is None else state.as_json())


def forget(session: Session) -> None:
    """Make the next refresh rebuild every customer's figures (after a merge, say)."""
    _save_state(session, None)


@dataclass(frozen=True)
class Refresh:
    """What a refresh will do: rework `customer_ids` (None: every customer) from their rows, move
    the window sums of the customers in `shifts` by (recent, previous), then record `state`."""

    customer_ids: set[int] | None
    state: State
    shifts: dict[int, tuple[int, int]] = field(default_factory=dict)


def _highest_ids(session: Session) -> tuple[int, int, int]:
    return (session.scalar(select(func.max(Customer.id))) or 0, session.scalar(select(func.max(Transaction.id))) or 0,
            session.scalar(select(func.max(Interaction.id))) or 0)


def _window_shifts(session: Session, before: date, today: date, window_days: int) -> dict[int, tuple[int, int]]:
    """How each customer's window sums move from `before` to `today`: purchases that left the
    recent window move to the previous one, those that left the previous one drop out. (Purchases
    that became "up to today" change the purchase days too; their customers are reworked.)"""
    recent_before, previous_before = _windows(before, window_days)
    recent_now, previous_now = _windows(today, window_days)
    shifts: dict[int, tuple[int, int]] = {}
    for low, high, recent, previous in ((recent_before, recent_now - timedelta(days=1), -1, 1),
                                        (previous_before, previous_now - timedelta(days=1), 0, -1)):
        if low > high:
            continue
        rows = session.execute(
            select(Transaction.customer_id, func.sum(Transaction.amount_cents))
            .where(Transaction.deleted_at.is_(None), Transaction.occurred_on.between(low, high))
            .group_by(Transaction.customer_id)
        )
        for customer_id, cents in rows:
            moved_recent, moved_previous = shifts.get(customer_id, (0, 0))
            shifts[customer_id] = (moved_recent + recent * int(cents), moved_previous + previous * int(cents))
    return shifts


def plan_refresh(session: Session, today: date, window_days: int) -> Refresh:
    """Which customers' figures to rework so that they stand as of `today` (reads only)."""
    new_state, state = kept_state(session, STATE_SETTING, today, window_days)
    if state is None:
        return Refresh(None, new_state)
    # Only new customers of their own: a deleted one keeps its figures (the check skips it), a
    # changed tier or name is read live. Contacts count whatever their date.
    sources = [select(Customer.id).where(Customer.id > state.max_customer_id), *state.rows_to_rework(today)]
    customer_ids = customers_named(session, sources)
    if customer_ids is None:
        return Refresh(None, new_state)
    shifts = {customer_id: shift for customer_id, shift in _window_shifts(session, state.day, today, window_days).items()
              if customer_id not in customer_ids}
    return Refresh(customer_ids, new_state, shifts)


def store(session: Session, refresh: Refresh, figures: Iterable[Activity]) -> int:
    """Write the reworked figures and the new state; returns how many customers' figures were written."""
    table = CustomerActivity.__table__
    if refresh.customer_ids is None:
        session.execute(delete(table))
    else:
        for chunk in id_chunks(refresh.customer_ids):
            session.execute(delete(table).where(table.c.customer_id.in_(chunk)))
    rows = [figure.row() for figure in figures]
    insert_rows(session, table, COLUMNS, rows)
    if refresh.shifts:
        # Straight to the driver: plain integers, and SQLAlchemy's per-row parameter handling
        # would cost more than the updates.
        day = refresh.state.day.toordinal()
        add_to_columns(
            session, table, ["recent_spend_cents", "previous_spend_cents"],
            [(recent, previous, day, customer_id) for customer_id, (recent, previous) in refresh.shifts.items()],
            also_set=("changed_day",),
        )
    _save_state(session, refresh.state)
    return len(rows) + len(refresh.shifts)


def refresh(session: Session, today: date, window_days: int) -> int:
    """Bring the stored figures to `today` in the caller's transaction; returns how many customers'
    figures changed (reworked or moved)."""
    plan = plan_refresh(session, today, window_days)
    figures = compute(session, today, window_days, plan.customer_ids) if plan.customer_ids != set() else []
    return store(session, plan, figures)
