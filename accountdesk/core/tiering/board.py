"""What the tier board (分级看板) reads: customers per tier in score order with each column's
count and spend, and the card rows (customer row plus lock state) for the cards in view."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from accountdesk.core.archive.records import (
    CustomerFilter,
    CustomerRow,
    customer_rows,
    filtered_customers,
)
from accountdesk.core.storage.models import (
    Customer,
    Interaction,
    RevisitPlan,
    ScoringModel,
    Transaction,
)
from accountdesk.core.tiering.scoring import DEFAULT_DEFINITION, GradedWith, ScoringDefinition, graded_with

UNGRADED = ""  # the column key of customers no re-grade has reached yet
# How cards are ordered within a column: best score first, soonest revisit first, longest
# silence first (never contacted at the top), or by name.
CARD_ORDERS = ("score", "next_revisit", "last_contact", "name")


@dataclass
class BoardColumn:
    """One tier's customers, best score first (ties by code), with the column's figures."""

    tier: str  # UNGRADED for customers without a tier
    ids: list[int] = field(default_factory=list)
    scores: list[float | None] = field(default_factory=list)
    total_spend_cents: int = 0
    locked: int = 0  # customers whose tier was set by hand

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
    graded: GradedWith | None = None  # the sheet whose re-grade gave the stored tiers
    tiers_are_current: bool = True  # the stored tiers are what the active sheet, as it is now, gives

    @property
    def total(self) -> int:
        return sum(column.count for column in self.columns.values())


@dataclass(frozen=True)
class BoardCard:
    """What one card shows: the list row of the customer and whether its tier is locked."""

    row: CustomerRow
    locked: bool
    lock_reason: str | None


def _active_model(session: Session) -> ScoringModel | None:
    model = session.scalars(
        select(ScoringModel)
        .where(ScoringModel.deleted_at.is_(None), ScoringModel.is_active.is_(True))
        .order_by(ScoringModel.id)
        .limit(1)
    ).first()
    return model


def _active_definition(session: Session) -> tuple[ScoringDefinition, str, int | None]:
    """The active model without creating one (the board may read before any re-grade ran)."""
    model = _active_model(session)
    if model is None:
        return ScoringDefinition.from_json(DEFAULT_DEFINITION), "", None
    return ScoringDefinition.from_json(model.definition), model.name, model.version


def board_tiers(session: Session) -> list[str]:
    """The active model's tier names, best first (A, B, C unless configured otherwise)."""
    return list(_active_definition(session)[0].tiers)


def _ordered(query, order: str):
    """`query` (over customers) sorted for the board; the revisit and contact dates come from
    one grouped subquery each (a correlated one per customer is far slower at 100,000)."""
    if order == "next_revisit":
        due = (
            select(RevisitPlan.customer_id.label("customer_id"), func.min(RevisitPlan.due_on).label("key"))
            .where(RevisitPlan.state == "planned", RevisitPlan.deleted_at.is_(None))
            .group_by(RevisitPlan.customer_id)
            .subquery()
        )
        query = query.outerjoin(due, due.c.customer_id == Customer.id)
        return query.order_by(case((due.c.key.is_(None), 1), else_=0), due.c.key.asc(), Customer.code, Customer.id)
    if order == "last_contact":
        last = (
            select(Interaction.customer_id.label("customer_id"), func.max(Interaction.occurred_at).label("key"))
            .where(Interaction.deleted_at.is_(None))
            .group_by(Interaction.customer_id)
            .subquery()
        )
        query = query.outerjoin(last, last.c.customer_id == Customer.id)
        return query.order_by(case((last.c.key.is_(None), 0), else_=1), last.c.key.asc(), Customer.code, Customer.id)
    if order == "name":
        return query.order_by(Customer.name, Customer.code, Customer.id)
    return query.order_by(case((Customer.score.is_(None), 1), else_=0), Customer.score.desc(), Customer.code,
                          Customer.id)


def load_board(session: Session, flt: CustomerFilter | None = None, order: str = "score") -> BoardData:
    """Ids per tier for the customers `flt` selects, in `order` (one of CARD_ORDERS), in one
    query; the columns' spend comes separately (`column_spend`), as it reads every purchase."""
    definition, name, version = _active_definition(session)
    columns: dict[str, BoardColumn] = {tier: BoardColumn(tier) for tier in definition.tiers}
    stray: dict[str, BoardColumn] = {}
    locked = 0
    # The filter's own conditions, selecting what a card column needs.
    query = _ordered(
        filtered_customers((flt or CustomerFilter()).with_bands(session)).with_only_columns(
            Customer.id, Customer.tier, Customer.score, Customer.tier_locked),
        order,
    )
    for customer_id, tier, score, is_locked in session.execute(query):
        key = tier or UNGRADED
        column = columns.get(key)
        if column is None:
            column = stray.setdefault(key, BoardColumn(key))
        column.ids.append(customer_id)
        column.scores.append(score)
        column.locked += bool(is_locked)
        locked += bool(is_locked)
    ordered = {**columns, **{k: v for k, v in sorted(stray.items()) if k != UNGRADED}}
    if UNGRADED in stray:
        ordered[UNGRADED] = stray[UNGRADED]
    graded = graded_with(session)
    model = _active_model(session)
    if graded is None:  # never graded: nothing stale unless someone carries a tier
        current = not any(column.count for key, column in ordered.items() if key != UNGRADED)
    elif model is None:
        current = False
    else:
        current = graded.matches(model.id, model.version, model.definition)
    return BoardData(list(definition.tiers), ordered, name, version, definition.mode, locked, graded, current)


def _narrows(flt: CustomerFilter | None) -> bool:
    return flt is not None and not (flt.only_text() and not flt.text.strip())


def column_spend(session: Session, flt: CustomerFilter | None = None) -> dict[str, int]:
    """All-time spend (cents) per tier of the customers `flt` selects (UNGRADED: no tier)."""
    matching = (filtered_customers((flt or CustomerFilter()).with_bands(session))
                .with_only_columns(Customer.id, Customer.tier).subquery())
    if _narrows(flt):
        # A part of the book: look its purchases up customer by customer.
        query = (
            select(matching.c.tier, func.coalesce(func.sum(Transaction.amount_cents), 0))
            .join(Transaction, Transaction.customer_id == matching.c.id)
            .where(Transaction.deleted_at.is_(None))
            .group_by(matching.c.tier)
        )
    else:
        # The whole book: one pass over the purchases in index order beats a lookup per customer.
        per_customer = (
            select(Transaction.customer_id.label("customer_id"), func.sum(Transaction.amount_cents).label("cents"))
            .where(Transaction.deleted_at.is_(None))
            .group_by(Transaction.customer_id)
            .subquery()
        )
        query = (
            select(matching.c.tier, func.coalesce(func.sum(per_customer.c.cents), 0))
            .join(per_customer, per_customer.c.customer_id == matching.c.id)
            .group_by(matching.c.tier)
        )
    return {tier or UNGRADED: int(cents or 0) for tier, cents in session.execute(query)}


def card_rows(session: Session, ids: list[int]) -> dict[int, BoardCard]:
    """Cards for the given ids: the customer list's rows plus whether the tier is locked."""
    rows = customer_rows(session, ids)
    locks: dict[int, tuple[bool, str | None]] = {}
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        for cid, locked, reason in session.execute(
            select(Customer.id, Customer.tier_locked, Customer.tier_lock_reason).where(Customer.id.in_(chunk))
        ):
            locks[cid] = (bool(locked), reason)
    return {cid: BoardCard(row, *locks.get(cid, (False, None))) for cid, row in rows.items()}
