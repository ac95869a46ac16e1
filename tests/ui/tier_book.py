"""A small customer book for the tier board and tier tab tests: known owners, tags and purchases."""

from __future__ import annotations

from datetime import date, datetime, time, timezone

from accountdesk.core.archive import records as archive
from accountdesk.core.archive.search import customer_search_key
from accountdesk.core.storage.models import Customer, Interaction, Transaction, decimal_to_cents

# code: (name, owner, tag, yuan per month for 12 months, purchase months, cooperation since, referrals)
BOOK = {
    "C001": ("华兴贸易", "wang", "VIP", "6000", 12, date(2019, 1, 1), 6),
    "C002": ("远方商行", "li", "华东", "2000", 4, date(2024, 6, 1), 1),
    "C003": ("旧客户", "li", None, "100", 1, None, 0),
    "C004": ("潜在客户", "wang", "VIP", "0", 0, None, 0),
    "C005": ("顺达物流", "wang", "华东", "3000", 6, date(2021, 3, 1), 2),
}


def noon(day: date) -> datetime:
    return datetime.combine(day, time(12)).astimezone().astimezone(timezone.utc)


def fill_book(database) -> dict[str, int]:
    """Create the book (ungraded); returns customer ids by code."""
    ids = {}
    with database.write() as session:
        for code, (name, owner, tag, yuan, months, since, referrals) in BOOK.items():
            customer = Customer(code=code, name=name, cooperation_since=since, referrals=referrals,
                                owner_id=archive.ensure_user(session, owner).id)
            customer.search_key = customer_search_key(customer)
            session.add(customer)
            session.flush()
            ids[code] = customer.id
            for month in range(1, months + 1):
                session.add(Transaction(customer_id=customer.id, occurred_on=date(2026, month, 5),
                                        amount_cents=decimal_to_cents(yuan)))
            if months:
                session.add(Interaction(customer_id=customer.id, kind="phone", occurred_at=noon(date(2026, 10, 1)),
                                        satisfaction=5 if months > 4 else 3))
            session.flush()
            if tag:
                archive.set_customer_tags(session, customer.id, [tag])
    return ids


def grade(database, today: date) -> None:
    from accountdesk.core.tiering.regrade import regrade_all

    with database.write() as session:
        regrade_all(session, today)
