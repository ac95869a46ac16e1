"""Hand-made customers, purchases, contacts and complaints for the tiering tests (through the ORM)."""

from __future__ import annotations

from datetime import date, datetime, time, timezone
from decimal import Decimal

from sqlalchemy.orm import Session

from accountdesk.core.archive.search import customer_search_key
from accountdesk.core.storage.models import Customer, Feedback, Interaction, Transaction, decimal_to_cents


def add_customer(session: Session, code: str, name: str | None = None, **fields) -> Customer:
    customer = Customer(code=code, name=name or f"客户{code}", **fields)
    customer.search_key = customer_search_key(customer)
    session.add(customer)
    session.flush()
    return customer


def buy(session: Session, customer: Customer, day: date, yuan: str | int | Decimal, **fields) -> Transaction:
    row = Transaction(customer_id=customer.id, occurred_on=day, amount_cents=decimal_to_cents(yuan), **fields)
    session.add(row)
    session.flush()
    return row


def local_noon(day: date) -> datetime:
    return datetime.combine(day, time(12)).astimezone().astimezone(timezone.utc)


def talk(session: Session, customer: Customer, day: date, satisfaction: int | None = None, **fields) -> Interaction:
    row = Interaction(
        customer_id=customer.id, kind="phone", occurred_at=local_noon(day), satisfaction=satisfaction, **fields
    )
    session.add(row)
    session.flush()
    return row


def complain(session: Session, customer: Customer, day: date, *, kind: str = "complaint",
             resolved_on: date | None = None) -> Feedback:
    row = Feedback(
        customer_id=customer.id, kind=kind, received_on=day, content="质量问题",
        resolved=resolved_on is not None, resolved_on=resolved_on,
    )
    session.add(row)
    session.flush()
    return row
