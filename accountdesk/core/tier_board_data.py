"""What the tier board (分级看板) reads: customers per tier in score order with each column's
count and spend, and the card rows (customer row plus lock state) for the cards in view."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from accountdesk.core.archive import CustomerFilter, CustomerRow, customer_rows, filtered_customers
from accountdesk.core.models import Customer, ScoringModel, Transaction
from accountdesk.core.scoring import DEFAULT_DEFINITION, ScoringDefinition

UNGRADED = ""  # the column key of customers no re-grade has reached yet


@dataclass
class BoardColumn:
    """One tier's customers, best score first (ties by code), with the column's figures."""

    tier: str  # UNGRADED for customers without a tier
    ids: list[int] = field(default_factory=list)
    scores: list[float | None] = field(default_factory=list)
    total_spend_cents: int = 0

    @property
    def count(self) -> int:
        return len(self.ids)


@dataclass
class BoardData:
    """The whole board for one filter: the model's tiers in order, then any other stored tier."""

    tiers: list[str]  # the active model's tier names, best first
    columns: dict[str, BoardColumn]  # model tiers, stray stored tiers, then UNGRADED if any
    model_name: str
    model_version: int | None
    grading_mode: str
    locked: int = 0

    @property
    def total(self) -> int:
        return sum(column.count for column in self.columns.values())


@dataclass(frozen=True)
class BoardCard:
    """What one card shows: the list row of the customer and whether its tier is locked."""

    row: CustomerRow
    locked: bool
    lock_reason: str | None


def _active_definition(session: Session) -> tuple[ScoringDefinition, str, int | None]:
    """The active model without creating one (the board may read before any re-grade ran)."""
    model = session.scalars(
        select(ScoringModel)
        .where(ScoringModel.deleted_at.is_(None), ScoringModel.is_active.is_(True))
        .order_by(ScoringModel.id)
        .limit(1)
    ).first()
    if model is None:
        return ScoringDefinition.from_json(DEFAULT_DEFINITION), "", None
    return ScoringDefinition.from_json(model.definition), model.name, model.version


def board_tiers(session: Session) -> list[str]:
    """The active model's tier names, best first (A, B, C unless configured otherwise)."""
    return list(_active_definition(session)[0].tiers)


def load_board(session: Session, flt: CustomerFilter | None = None) -> BoardData:
    """Ids per tier for the customers `flt` selects (two queries, whatever the book's size)."""
    definition, name, version = _active_definition(session)
    matching = filtered_customers(flt or CustomerFilter()).subquery()
    columns: dict[str, BoardColumn] = {tier: BoardColumn(tier) for tier in definition.tiers}
    stray: dict[str, BoardColumn] = {}
    locked = 0
    blank_last = case((Customer.score.is_(None), 1), else_=0)
    query = (
        select(Customer.id, Customer.tier, Customer.score, Customer.tier_locked)
        .where(Customer.id.in_(select(matching.c.id)))
        .order_by(blank_last, Customer.score.desc(), Customer.code, Customer.id)
    )
    for customer_id, tier, score, is_locked in session.execute(query):
        key = tier or UNGRADED
        column = columns.get(key)
        if column is None:
            column = stray.setdefault(key, BoardColumn(key))
        column.ids.append(customer_id)
        column.scores.append(score)
        locked += bool(is_locked)
    spend = session.execute(
        select(Customer.tier, func.coalesce(func.sum(Transaction.amount_cents), 0))
        .join(Transaction, Transaction.customer_id == Customer.id)
        .where(Customer.id.in_(select(matching.c.id)), Transaction.deleted_at.is_(None))
        .group_by(Customer.tier)
    )
    ordered = {**columns, **{k: v for k, v in sorted(stray.items()) if k != UNGRADED}}
    if UNGRADED in stray:
        ordered[UNGRADED] = stray[UNGRADED]
    for tier, cents in spend:
        column = ordered.get(tier or UNGRADED)
        if column is not None:
            column.total_spend_cents = int(cents or 0)
    return BoardData(list(definition.tiers), ordered, name, version, definition.mode, locked)


def card_rows(session: Session, ids: list[int]) -> dict[int, BoardCard]:
    """Cards for the given ids: the customer list's rows plus the lock (a page at a time)."""
    rows = customer_rows(session, ids)
    locks: dict[int, tuple[bool, str | None]] = {}
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        for customer_id, is_locked, reason in session.execute(
            select(Customer.id, Customer.tier_locked, Customer.tier_lock_reason).where(Customer.id.in_(chunk))
        ):
            locks[customer_id] = (bool(is_locked), reason)
    return {
        customer_id: BoardCard(row, *locks.get(customer_id, (False, None)))
        for customer_id, row in rows.items()
    }
