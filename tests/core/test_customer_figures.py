"""The kept grading figures (customer_figures) stay equal to figures worked out from the rows,
re-grade after re-grade, whatever is written in between; a quiet next day reworks only a few
customers; and a re-grade from kept figures grades as one from scratch does."""

from __future__ import annotations

from datetime import date, timedelta

from edited_book import age_rows, edit, make_book
from sqlalchemy import select

from accountdesk.core.figures import grading_figures as customer_figures
from accountdesk.core.storage.models import CustomerFigures, Interaction, Transaction
from accountdesk.core.tiering import regrade as tiering
from accountdesk.core.tiering.metrics import FIGURE_COLUMNS, figure_rows
from accountdesk.core.time import local_noon_utc

MONTHS = 1  # a short window, so a few weeks cross both of its boundaries


def table(session) -> dict[int, tuple]:
    columns = [getattr(CustomerFigures, name) for name in FIGURE_COLUMNS]
    return {row[0]: tuple(row) for row in session.execute(select(*columns))}


def test_kept_figures_follow_the_rows_day_after_day(db):
    start = date(2026, 6, 1)
    with db.write() as session:
        ids = make_book(session, start, 30, days=75, scored=True)
        assert customer_figures.plan(session, start, MONTHS).customer_ids is None  # no state yet: everyone
        assert customer_figures.figures(session, start, MONTHS, store=True) == figure_rows(session, start, MONTHS)
        assert table(session) == figure_rows(session, start, MONTHS)

    day = start
    steps = [
        (1, "add a purchase today"), (1, "delete a purchase"), (2, "log a contact"), (3, "nothing"),
        (1, "a merged row with an old stamp"), (7, "move a purchase to another customer"), (30, "nothing"),
        (1, "delete a contact"), (20, "nothing"), (2, "add a purchase today"),
    ]
    for index, (days, change) in enumerate(steps):
        day += timedelta(days=days)
        with db.write() as session:
            edit(session, change, ids[index % len(ids)], day, ids)
            expected = figure_rows(session, day, MONTHS)
            assert customer_figures.figures(session, day, MONTHS, store=False) == expected, f"in memory, {change}"
            assert customer_figures.figures(session, day, MONTHS, store=True) == expected, f"after {change} on {day}"
            assert table(session) == expected, f"stored after {change} on {day}"


def kept_book(db, start: date, customers: int) -> None:
    """A book written long ago, its figures kept as of `start`."""
    with db.write() as session:
        make_book(session, start, customers, days=75, scored=True)
        age_rows(session)
        customer_figures.figures(session, start, MONTHS, store=True)


def test_a_quiet_next_day_reworks_only_rows_dated_that_day_and_shifts_the_rest(db):
    start = date(2026, 6, 1)
    kept_book(db, start, 40)
    with db.write() as session:
        for days in (1, 2, 3):
            day = start + timedelta(days=days)
            dated_that_day = set(session.scalars(select(Transaction.customer_id).where(Transaction.occurred_on == day)))
            dated_that_day |= set(session.scalars(select(Interaction.customer_id).where(
                Interaction.occurred_at == local_noon_utc(day))))
            todo = customer_figures.plan(session, day, MONTHS)
            assert todo.customer_ids == dated_that_day
            assert todo.shifts, "nothing left the window: the book does not test the shifts"
            assert customer_figures.figures(session, day, MONTHS, store=True) == figure_rows(session, day, MONTHS)


def test_other_windows_earlier_days_and_forgetting_rebuild(db):
    start = date(2026, 6, 1)
    kept_book(db, start, 10)
    with db.write() as session:
        assert customer_figures.plan(session, start, MONTHS).customer_ids is not None
        assert customer_figures.plan(session, start, MONTHS + 1).customer_ids is None
        assert customer_figures.plan(session, start - timedelta(days=1), MONTHS).customer_ids is None
        assert customer_figures.plan(session, start + timedelta(days=40), MONTHS).customer_ids is None
        customer_figures.forget(session)
        assert customer_figures.plan(session, start, MONTHS).customer_ids is None
        # A row gone behind the state's back: a customer to shift without one is reworked.
        customer_figures.figures(session, start, MONTHS, store=True)
        later = start + timedelta(days=5)
        shifted = sorted(customer_figures.plan(session, later, MONTHS).shifts)
        assert shifted
        session.execute(CustomerFigures.__table__.delete().where(CustomerFigures.customer_id == shifted[0]))
        assert customer_figures.figures(session, later, MONTHS, store=True) == figure_rows(session, later, MONTHS)


def test_a_regrade_from_kept_figures_grades_as_one_from_scratch(db):
    start = date(2026, 6, 1)
    with db.write() as session:
        make_book(session, start, 60, seed=8, days=75, scored=True)
        tiering.regrade_all(session, as_of=start)
    for days in (1, 9, 30):
        day = start + timedelta(days=days)
        with db.write() as session:
            kept = tiering.regrade_all(session, as_of=day, dry_run=True)
            customer_figures.forget(session)
            scratch = tiering.regrade_all(session, as_of=day, dry_run=True)
        assert (kept.counts, kept.stages, kept.segments, kept.matrix) == (
            scratch.counts, scratch.stages, scratch.segments, scratch.matrix)
        assert [(m.customer_id, m.new_tier, m.score) for m in kept.changes] == [
            (m.customer_id, m.new_tier, m.score) for m in scratch.changes]
        with db.write() as session:
            tiering.regrade_all(session, as_of=day)
