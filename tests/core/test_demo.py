"""Demo data: deterministic by seed, realistic in spread, and stored like any other row."""

from __future__ import annotations

import re
import shutil
from datetime import datetime, time, timedelta, timezone

import pytest
from sqlalchemy import func, select

from accountdesk.core.archive.search import pinyin_forms, search_customer_ids
from accountdesk.core.demo import customers as demo_customers
from accountdesk.core.demo.book import generate_demo
from accountdesk.core.kpi import figures as kpi
from accountdesk.core.reminders.settings import load_reminder_settings
from accountdesk.core.revisits.plans import plan_revisits
from accountdesk.core.storage.change_counter import read_change_counter
from accountdesk.core.storage.database import open_database
from accountdesk.core.storage.models import (
    Contact,
    Customer,
    Feedback,
    Interaction,
    Reminder,
    RevisitPlan,
    Transaction,
    User,
)
from accountdesk.core.time import local_date


def _fingerprint(database) -> list[tuple]:
    with database.session() as session:
        totals = dict(session.execute(
            select(Customer.code, func.sum(Transaction.amount_cents))
            .join(Transaction, Transaction.customer_id == Customer.id, isouter=True)
            .group_by(Customer.code)).all())
        contacts = dict(session.execute(
            select(Customer.code, func.count(Contact.id)).join(Contact).group_by(Customer.code)).all())
        rows = session.execute(select(Customer.code, Customer.name, Customer.company, Customer.phone)
                               .order_by(Customer.code)).all()
    return [(*row, totals.get(row.code), contacts.get(row.code)) for row in rows]


def test_same_seed_gives_the_same_customers(db, sqlite_template, tmp_path, today):
    other_path = tmp_path / "other.accountdesk"
    shutil.copyfile(sqlite_template, other_path)
    other = open_database(other_path, user="someone")
    try:
        generate_demo(db, customers=120, seed=7, today=today)
        generate_demo(other, customers=120, seed=7, today=today)
        assert _fingerprint(db) == _fingerprint(other)
        third_path = tmp_path / "third.accountdesk"
        shutil.copyfile(sqlite_template, third_path)
        third = open_database(third_path, user="someone")
        generate_demo(third, customers=120, seed=8, today=today)
        assert [r[1] for r in _fingerprint(third)] != [r[1] for r in _fingerprint(db)]
        third.dispose()
    finally:
        other.dispose()


def test_demo_data_has_a_realistic_spread(db, today):
    report = generate_demo(db, customers=300, seed=1, today=today)
    half_year_ago = today - timedelta(days=183)
    with db.session() as session:
        customers = session.scalars(select(Customer)).all()
        assert len(customers) == report.customers == 300
        codes = [c.code for c in customers]
        assert all(re.fullmatch(r"C\d{6}", code) for code in codes) and len(set(codes)) == 300
        assert len({c.owner_id for c in customers}) >= 5

        last_purchase = dict(session.execute(
            select(Transaction.customer_id, func.max(Transaction.occurred_on)).group_by(Transaction.customer_id)).all())
        churned = [c for c in customers if c.id in last_purchase and last_purchase[c.id] < half_year_ago]
        never_bought = [c for c in customers if c.id not in last_purchase]
        assert len(churned) >= 15, "customers who stopped buying six months ago or more"
        assert len(never_bought) >= 5, "potential customers without a purchase"
        assert max(last_purchase.values()) <= today

        contacts = session.scalars(select(Contact)).all()
        lunar = [c for c in contacts if c.birth_calendar == "lunar"]
        assert 0.08 < len(lunar) / len(contacts) < 0.25
        assert any(c.birth_leap_month for c in lunar)
        assert all(re.fullmatch(r"1[3-9]\d{9}", c.phone) for c in contacts)
        assert all(1 <= len([k for k in contacts if k.customer_id == c.id]) <= 3 for c in customers[:50])

        amounts = session.scalars(select(Transaction.amount_cents)).all()
        assert all(type(a) is int and a > 0 for a in amounts)
        ranked = sorted(amounts)
        assert ranked[len(ranked) * 19 // 20] > 10 * ranked[len(ranked) // 20], "a log-normal spread, not a flat one"
        spend = sorted((int(total) for total in session.execute(
            select(func.sum(Transaction.amount_cents)).group_by(Transaction.customer_id)).scalars()), reverse=True)
        assert sum(spend[: len(spend) // 5]) > 0.5 * sum(spend), "a few big accounts carry most of the spend"

        complaints = session.scalars(select(Feedback).where(Feedback.kind == "complaint")).all()
        assert any(not f.resolved for f in complaints) and any(f.resolved for f in complaints)
        assert session.scalar(select(func.count()).where(Feedback.kind == "praise")) > 0

        latest = session.scalar(select(func.max(Interaction.occurred_at)))
        start_of_today = datetime.combine(today, time()).astimezone(timezone.utc)
        assert latest < start_of_today, "no interaction later than now"
        satisfaction = {customer_id: float(mean) for customer_id, mean in session.execute(
            select(Interaction.customer_id, func.avg(Interaction.satisfaction))
            .where(Interaction.satisfaction.is_not(None)).group_by(Interaction.customer_id))}
        active = [satisfaction[c.id] for c in customers
                  if last_purchase.get(c.id, half_year_ago) > today - timedelta(days=60) and satisfaction.get(c.id)]
        lost = [satisfaction[c.id] for c in churned if satisfaction.get(c.id)]
        assert sum(lost) / len(lost) < sum(active) / len(active) - 0.5


def test_rows_carry_their_bookkeeping_and_are_searchable(db, today):
    generate_demo(db, customers=60, seed=2, today=today, follow_ups=False)  # grading would edit customers
    with db.session() as session:
        for model in (Customer, Contact, Transaction, Interaction, Feedback):
            rows = session.execute(select(model.uid, model.version, model.updated_by, model.created_at)).all()
            assert rows and len({r.uid for r in rows}) == len(rows)
            assert {r.version for r in rows} == {1} and {r.updated_by for r in rows} == {db.user}
            assert all(r.created_at.tzinfo is not None for r in rows)
        customer = session.scalars(select(Customer).where(Customer.company.is_not(None)).limit(1)).one()
        initials = pinyin_forms(customer.name)[1]
        assert customer.id in search_customer_ids(session, initials)
        assert customer.id in search_customer_ids(session, customer.contacts[0].phone)


def test_a_second_run_adds_customers_with_new_codes(db, today):
    first = generate_demo(db, customers=40, seed=1, today=today)
    second = generate_demo(db, customers=40, seed=1, today=today)
    assert (first.first_code, first.last_code) == ("C000001", "C000040")
    assert (second.first_code, second.last_code) == ("C000041", "C000080")
    assert second.users == 0, "the demo team is reused, not duplicated"
    with db.session() as session:
        assert session.scalar(select(func.count(func.distinct(Customer.code)))) == 80
        assert session.scalar(select(func.count(func.distinct(Customer.name)))) == 80
        assert session.scalar(select(func.count()).select_from(User)) == first.users


def test_other_clients_are_told_about_the_new_customers(db, today):
    with db.session() as session:
        before = read_change_counter(session.connection())
    generate_demo(db, customers=5, seed=1, today=today, follow_ups=False)
    with db.session() as session:
        assert read_change_counter(session.connection()) > before


def test_report_counts_what_was_written(db, today):
    report = generate_demo(db, customers=30, seed=4, today=today)
    document = report.as_dict()
    with db.session() as session:
        assert document["transactions"] == session.scalar(select(func.count()).select_from(Transaction))
        assert document["interactions"] == session.scalar(select(func.count()).select_from(Interaction))
    assert set(document["follow_ups"]) == {"regrade", "revisits", "reminders"}
    assert all(v == "done" or v.startswith("skipped") for v in document["follow_ups"].values())
    summary = report.summary()
    assert "30" in summary.zh and "客户" in summary.zh and "30 customers" in summary.en


def test_the_demo_book_looks_like_a_year_of_use(db, today):
    """What a manager sees on the dashboard and the calendar of a fresh demo: revisits mostly kept,
    a minority overdue, tiers that moved over the last quarter, and a workable list of churn warnings."""
    generate_demo(db, customers=300, seed=1, today=today)
    with db.session() as session:
        customers = session.scalar(select(func.count()).select_from(Customer))
        figures = kpi.revisits_on_time(session, today - timedelta(days=365), today, today)
        assert figures.on_time_rate is not None and 0.5 <= figures.on_time_rate <= 0.95
        assert figures.done_late > 0, "some revisits were done late"
        done = session.execute(select(RevisitPlan.done_on, RevisitPlan.interaction_id, Interaction.occurred_at)
                               .join(Interaction, Interaction.id == RevisitPlan.interaction_id)
                               .where(RevisitPlan.state == "done")).all()
        assert done and all(local_date(at) == done_on for done_on, _, at in done)
        grace = load_reminder_settings(session).grace_days
        planned = session.scalars(select(RevisitPlan.due_on).where(RevisitPlan.state == "planned")).all()
        assert len(planned) == customers, "one planned revisit per customer"
        overdue = [d for d in planned if (today - d).days > grace]
        assert 0 < len(overdue) < 0.2 * customers
        assert sum(d > today for d in planned) > 0.6 * customers, "most revisits lie ahead"
        assert kpi.tier_migration(session, today - timedelta(days=90), today).moved() >= 1
        warned = set(session.scalars(select(Reminder.customer_id).where(
            Reminder.kind.in_(("churn", "complaint")), Reminder.state == "new")))
        assert 0 < len(warned) < 0.3 * customers
        stages = dict(session.execute(select(Customer.id, Customer.stage)).all())
        assert sum(stages[c] in ("at_risk", "churned") for c in warned) > 0.5 * len(warned)


def test_planning_after_the_demo_keeps_its_revisit_history(db, today):
    generate_demo(db, customers=80, seed=3, today=today)
    with db.session() as session:
        before = session.execute(select(RevisitPlan.id, RevisitPlan.due_on, RevisitPlan.state)).all()
    with db.write() as session:
        assert plan_revisits(session, today) == 0
    with db.session() as session:
        assert session.execute(select(RevisitPlan.id, RevisitPlan.due_on, RevisitPlan.state)).all() == before


def test_a_purchase_share_thins_the_purchases_of_the_same_customers(sqlite_template, tmp_path, today):
    counts, people = {}, {}
    for share in (1.0, 0.5):
        path = tmp_path / f"share-{share}.accountdesk"
        shutil.copyfile(sqlite_template, path)
        database = open_database(path, user="tester")
        generate_demo(database, customers=60, seed=4, today=today, follow_ups=False, purchase_share=share)
        with database.session() as session:
            counts[share] = session.scalar(select(func.count()).select_from(Transaction))
            people[share] = session.execute(select(Customer.code, Customer.name, Customer.phone)
                                            .order_by(Customer.code)).all()
            interactions = session.scalar(select(func.count()).select_from(Interaction))
        database.dispose()
        counts[share, "interactions"] = interactions
    assert people[0.5] == people[1.0]
    assert 0.4 < counts[0.5] / counts[1.0] < 0.6
    assert counts[0.5, "interactions"] == counts[1.0, "interactions"]


def _full_fingerprint(database) -> dict[str, list[tuple]]:
    """Every generated row that matters, by customer code (ids and stamps aside)."""
    code = Customer.code
    with database.session() as session:
        return {
            "customers": session.execute(select(code, Customer.name, Customer.phone, Customer.referrals,
                                                Customer.birthday).order_by(code)).all(),
            "contacts": session.execute(select(code, Contact.name, Contact.phone, Contact.birth_month,
                                               Contact.birth_day).join(Contact).order_by(code, Contact.name)).all(),
            "purchases": session.execute(select(code, Transaction.occurred_on, Transaction.product,
                                                Transaction.amount_cents).join(Transaction)
                                         .order_by(code, Transaction.occurred_on, Transaction.amount_cents)).all(),
            "contacts_logged": session.execute(select(code, Interaction.occurred_at, Interaction.kind,
                                                      Interaction.summary, Interaction.satisfaction)
                                               .join(Interaction).order_by(code, Interaction.occurred_at)).all(),
            "feedback": session.execute(select(code, Feedback.received_on, Feedback.content).join(Feedback)
                                        .order_by(code, Feedback.received_on, Feedback.content)).all(),
        }


def test_a_large_book_made_in_a_second_process_is_the_same_book(sqlite_template, tmp_path, today, monkeypatch):
    from accountdesk.core.demo import book as demo

    books = {}
    for second_process in (False, True):
        monkeypatch.setattr(demo, "SECOND_PROCESS_FROM", 1 if second_process else 10**9)
        path = tmp_path / f"second-{second_process}.accountdesk"
        shutil.copyfile(sqlite_template, path)
        database = open_database(path, user="tester")
        report = generate_demo(database, customers=demo.CHUNK + 150, seed=5, today=today, follow_ups=False)
        books[second_process] = (_full_fingerprint(database), report.last_code)
        database.dispose()
    assert books[True] == books[False]
    assert books[True][1] == f"C{demo.CHUNK + 150:06d}"
    assert any(row[3] for row in books[True][0]["customers"]), "the book has referrals to carry over"


class BrokenGenerator(demo_customers.CustomerGenerator):
    """Fails on its third customer (in whichever process makes them)."""

    made = 0

    def customer(self):
        self.made += 1
        if self.made == 3:
            raise ValueError("no more names")
        return super().customer()


def test_a_failure_in_the_second_process_stops_the_run_and_writes_nothing(db, today, monkeypatch):
    from accountdesk.core.demo import book as demo

    monkeypatch.setattr(demo, "SECOND_PROCESS_FROM", 1)
    monkeypatch.setattr(demo, "CustomerGenerator", BrokenGenerator)
    with pytest.raises(RuntimeError, match="no more names"):
        generate_demo(db, customers=5, seed=5, today=today, follow_ups=False)
    with db.session() as session:
        assert session.scalar(select(func.count()).select_from(Customer)) == 0
