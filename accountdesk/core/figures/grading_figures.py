"""Each customer's purchase and contact figures for grading, kept between re-grades.

Grading needs, per customer, the columns of metrics.FIGURE_COLUMNS: counts, spend, first and last
purchase, distinct purchase days and their median gap, the window's and the previous window's
figures, the last contact and the scored contacts of the window. Worked out from scratch they
cost two aggregates over every purchase and contact, most of a re-grade at 100,000 customers with
a million purchases. The `customer_figures` table keeps them as of the last re-grade's day, and a
day later only a few customers can differ:

- those any of whose purchases or contacts were written since (by stamp, or by id for merged
  rows that keep older stamps), and
- those with a purchase or a contact dated after the last day, up to the new one;

and the customers with purchases or scored contacts that left the window, or the previous one,
in between have those moved out by arithmetic.

Whatever the table cannot vouch for (no state yet, another window or time zone, an earlier day or
one far ahead, a merge) makes it rebuild from scratch. A read-only caller (a dry run, a preview)
brings the figures up to date in memory and writes nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from sqlalchemy import and_, delete, func, select
from sqlalchemy.orm import Session

from accountdesk.core.figures.churn_figures import State, customers_named, id_chunks, kept_state
from accountdesk.core.storage.bulk_rows import add_to_columns, insert_rows
from accountdesk.core.storage.models import CustomerFigures, Interaction, Transaction, write_internal_setting
from accountdesk.core.storage.sql import driver_rows
from accountdesk.core.tiering.metrics import (
    FIGURE_COLUMNS,
    CustomerMetrics,
    MetricsWindow,
    figure_rows,
    local_day_start_utc,
    metrics_from_rows,
    open_complaints,
    read_base,
)

STATE_SETTING = "tiering.figures"

# The columns a window boundary moves, in the order of a shift's deltas.
SHIFTED = ["window_count", "window_days", "window_spend_cents", "previous_spend_cents",
           "satisfaction_sum", "satisfaction_count"]
_SHIFTED_AT = [FIGURE_COLUMNS.index(name) for name in SHIFTED]


def forget(session: Session) -> None:
    """Make the next re-grade rebuild every customer's figures (after a merge, say)."""
    write_internal_setting(session, STATE_SETTING, None)


@dataclass
class Plan:
    """How to bring the stored figures to `state`: rework `customer_ids` from their rows (None:
    everyone) and add each shifted customer's deltas (in SHIFTED order) to its row."""

    customer_ids: set[int] | None
    state: State
    shifts: dict[int, list[int]] = field(default_factory=dict)


def _add(shifts: dict[int, list[int]], rows, columns: list[tuple[str, int]]) -> None:
    """Add each row's values (customer id first) into its customer's deltas: per value, the
    SHIFTED column it moves and the sign it moves it with."""
    places = [(SHIFTED.index(name), sign) for name, sign in columns]
    for customer_id, *values in rows:
        deltas = shifts.setdefault(customer_id, [0] * len(SHIFTED))
        for value, (index, sign) in zip(values, places, strict=True):
            deltas[index] += sign * int(value or 0)


def _window_shifts(session: Session, before: date, after: date, months: int) -> dict[int, list[int]]:
    """What leaves the windows between the end of `before` and the end of `after`: purchases that
    left the window move their spend to the previous one, those that left the previous one drop
    out, and scored contacts that left the window drop out of the satisfaction sums."""
    old, new = MetricsWindow(before, months), MetricsWindow(after, months)
    shifts: dict[int, list[int]] = {}
    day = Transaction.occurred_on
    live = Transaction.deleted_at.is_(None)
    if new.start > old.start:  # window: day in (start, as_of]
        left = and_(live, day > old.start, day <= new.start)
        rows = session.execute(select(Transaction.customer_id, func.count(), func.count(day.distinct()),
                                      func.sum(Transaction.amount_cents), func.sum(Transaction.amount_cents))
                               .where(left).group_by(Transaction.customer_id))
        _add(shifts, rows, [("window_count", -1), ("window_days", -1), ("window_spend_cents", -1),
                            ("previous_spend_cents", 1)])
        # Scored contacts count from the local day after the window's start.
        when = Interaction.occurred_at
        scored = session.execute(
            select(Interaction.customer_id, func.sum(Interaction.satisfaction), func.count(Interaction.satisfaction))
            .where(Interaction.deleted_at.is_(None),
                   when >= local_day_start_utc(old.start + timedelta(days=1)),
                   when < local_day_start_utc(new.start + timedelta(days=1)))
            .group_by(Interaction.customer_id))
        _add(shifts, scored, [("satisfaction_sum", -1), ("satisfaction_count", -1)])
    if new.previous_start > old.previous_start:
        rows = session.execute(select(Transaction.customer_id, func.sum(Transaction.amount_cents))
                               .where(live, day > old.previous_start, day <= new.previous_start)
                               .group_by(Transaction.customer_id))
        _add(shifts, rows, [("previous_spend_cents", -1)])
    return shifts


def plan(session: Session, as_of: date, months: int) -> Plan:
    """Which customers' figures to rework, and which to shift, so that they stand as of `as_of`."""
    new_state, state = kept_state(session, STATE_SETTING, as_of, months)
    if state is None:
        return Plan(None, new_state)
    # Purchases and contacts dated after the last day, up to the new one, count now.
    sources = state.rows_to_rework(as_of, contacts_dated=True)
    customer_ids = customers_named(session, sources)
    if customer_ids is None:
        return Plan(None, new_state)
    shifts = {customer_id: deltas for customer_id, deltas in _window_shifts(session, state.day, as_of, months).items()
              if customer_id not in customer_ids and any(deltas)}
    return Plan(customer_ids, new_state, shifts)


def _stored(session: Session) -> dict[int, tuple]:
    table = CustomerFigures.__table__
    rows = driver_rows(session.connection(), select(*(table.c[name] for name in FIGURE_COLUMNS)))
    return {row[0]: row for row in rows}


def figures(session: Session, as_of: date, months: int, *, store: bool) -> dict[int, tuple]:
    """Customer id → its FIGURE_COLUMNS tuple as of the end of `as_of` (every customer with a
    purchase or contact, deleted ones too), equal to metrics.figure_rows. With `store`, the
    table and its state are brought to `as_of` in the caller's transaction."""
    todo = plan(session, as_of, months)
    if todo.customer_ids is None:
        rows = figure_rows(session, as_of, months)
        if store:
            _write(session, todo, None, rows)
        return rows
    rows = _stored(session)
    # A shifted customer without a row would mean a table someone else emptied: rework it.
    missing = {customer_id for customer_id in todo.shifts if customer_id not in rows}
    for customer_id in missing:
        del todo.shifts[customer_id]
    reworked_ids = todo.customer_ids | missing
    reworked: dict[int, tuple] = {}
    for chunk in id_chunks(reworked_ids):
        reworked.update(figure_rows(session, as_of, months, chunk))
    for customer_id in reworked_ids:
        rows.pop(customer_id, None)
    rows.update(reworked)
    for customer_id, deltas in todo.shifts.items():
        row = list(rows[customer_id])
        for index, delta in zip(_SHIFTED_AT, deltas, strict=True):
            row[index] += delta
        rows[customer_id] = tuple(row)
    if store:
        _write(session, todo, reworked_ids, reworked)
    return rows


def metrics_of_everyone(session: Session, as_of: date, months: int) -> dict[int, CustomerMetrics]:
    """compute_metrics for every live customer, from the kept figures brought to `as_of` in memory
    (for reads such as exports: nothing is written)."""
    rows = figures(session, as_of, months, store=False)
    return metrics_from_rows(read_base(session), rows, open_complaints(session, as_of), as_of)


def _write(session: Session, todo: Plan, reworked_ids: set[int] | None, reworked: dict[int, tuple]) -> None:
    """Replace the rows of `reworked_ids` (None: every row) by `reworked`, move the shifted ones,
    and record the plan's state."""
    table = CustomerFigures.__table__
    for chunk in id_chunks(reworked_ids):
        query = delete(table)
        session.execute(query if chunk is None else query.where(table.c.customer_id.in_(chunk)))
    insert_rows(session, table, FIGURE_COLUMNS, list(reworked.values()))
    if todo.shifts:
        # Straight to the driver: plain integers, a few thousand rows.
        add_to_columns(session, table, SHIFTED,
                       [(*deltas, customer_id) for customer_id, deltas in todo.shifts.items()])
    write_internal_setting(session, STATE_SETTING, todo.state.as_json())
