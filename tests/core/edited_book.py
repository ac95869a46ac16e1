"""A small book and the edits a manager makes to it day after day, for the tests of figures kept
between runs (the churn figures, the grading figures): after each edit, kept must equal computed."""

from __future__ import annotations

import random
from datetime import date, datetime, timedelta, timezone

from sqlalchemy import select, update

from accountdesk.core.storage.models import Customer, Interaction, Transaction
from accountdesk.core.time import local_noon_utc

LONG_AGO = datetime(2026, 1, 1, tzinfo=timezone.utc)
_MERGED_AMOUNT = 12_300


def make_book(session, start: date, customers: int = 25, seed: int = 3, *, days: int = 120,
              scored: bool = False) -> list[int]:
    """Customers with up to 12 purchases over the `days` before `start` and a contact each (most
    of them); `scored`: up to 4 contacts each instead, scored or not. One purchase, and with
    `scored` one contact, is dated a few days after `start` (entered in advance)."""
    rng = random.Random(seed)
    ids = []
    for number in range(customers):
        customer = Customer(code=f"K{number:03d}", name=f"客户{number}",
                            created_at=datetime(2025, 1, 1, 12, tzinfo=timezone.utc))
        session.add(customer)
        session.flush()
        ids.append(customer.id)
        for _ in range(rng.randint(0, 12)):
            session.add(Transaction(customer_id=customer.id, occurred_on=start - timedelta(days=rng.randint(0, days)),
                                    amount_cents=rng.randint(1, 500) * 100, product="P"))
        if scored:
            for _ in range(rng.randint(0, 4)):
                session.add(Interaction(customer_id=customer.id, kind="phone", satisfaction=rng.choice([None, 2, 4, 5]),
                                        occurred_at=local_noon_utc(start - timedelta(days=rng.randint(0, days)))))
        elif rng.random() < 0.8:
            session.add(Interaction(customer_id=customer.id, kind="phone",
                                    occurred_at=local_noon_utc(start - timedelta(days=rng.randint(0, 200)))))
    # Rows dated ahead count from their day on.
    session.add(Transaction(customer_id=ids[0], occurred_on=start + timedelta(days=3), amount_cents=100, product="P"))
    if scored:
        session.add(Interaction(customer_id=ids[1], kind="visit", satisfaction=1,
                                occurred_at=local_noon_utc(start + timedelta(days=2))))
    session.flush()
    return ids


def age_rows(session) -> None:
    """Stamp every purchase and contact long ago, as if written well before the first refresh
    (on PostgreSQL, rows stamped moments ago count as changed)."""
    for model in (Customer, Transaction, Interaction):
        session.execute(update(model).values(updated_at=LONG_AGO))


def edit(session, change: str, customer: int, day: date, ids: list[int]) -> None:
    """Make one of the edits that kept figures must notice (an unknown `change` does nothing)."""
    live = Transaction.deleted_at.is_(None)
    if change == "add a purchase today":
        session.add(Transaction(customer_id=customer, occurred_on=day, amount_cents=99_900, product="P"))
    elif change == "delete a purchase":
        sale = session.scalars(select(Transaction).where(Transaction.customer_id == customer, live)).first()
        if sale is None:
            sale = session.scalars(select(Transaction).where(live)).first()
        sale.deleted_at = datetime.now(timezone.utc)
    elif change == "log a contact":
        session.add(Interaction(customer_id=customer, kind="visit", satisfaction=3, occurred_at=local_noon_utc(day)))
    elif change == "delete a contact":
        contact = session.scalars(select(Interaction).where(Interaction.deleted_at.is_(None))
                                  .order_by(Interaction.satisfaction.is_(None), Interaction.id)).first()
        contact.deleted_at = datetime.now(timezone.utc)
    elif change == "a merged row with an old stamp":
        old = datetime(2024, 1, 1, tzinfo=timezone.utc)
        session.add(Transaction(customer_id=customer, occurred_on=day - timedelta(days=2), amount_cents=_MERGED_AMOUNT,
                                product="P", created_at=old, updated_at=old))
        session.flush()
        # The ORM stamps updated_at on insert; put the old stamp back as a merge keeps it.
        session.execute(update(Transaction).where(Transaction.updated_at > old, Transaction.amount_cents == _MERGED_AMOUNT)
                        .values(updated_at=old))
    elif change == "move a purchase to another customer":
        sale = session.scalars(select(Transaction).where(live).order_by(Transaction.id.desc())).first()
        sale.customer_id = customer if sale.customer_id != customer else ids[-1]
    session.flush()
