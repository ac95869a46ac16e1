"""The customer list: filters, sort orders and the plain rows the list, board and exports show."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime, timezone

from sqlalchemy import Select, case, func, literal, select
from sqlalchemy.orm import Session

from accountdesk.core.archive.search import apply_search, ranked_customer_ids, search_terms
from accountdesk.core.storage.models import (
    Customer,
    CustomerFigures,
    CustomerTag,
    Interaction,
    RevisitPlan,
    Tag,
    Transaction,
    User,
)
from accountdesk.core.storage.sql import first_column
from accountdesk.core.tiering.segments import FrequencyBands, frequency_bands


@dataclass
class CustomerFilter:
    text: str = ""
    tier: str | None = None
    stage: str | None = None
    owner_id: int | None = None
    tag: str | None = None
    region: str | None = None  # 城市/地区, as a sheet brought it or a person typed it
    overdue: bool = False
    churn_risk: bool = False
    include_deleted: bool = False
    today: date | None = None
    # The method's classes (客户分类): stored codes, as models.LEVELS, NEED_TYPES and rfm.SEGMENTS.
    purchasing_power: str | None = None
    need_type: str | None = None
    frequency_level: str | None = None  # high / mid / low, from the kept figures (segments.py)
    rfm_segment: str | None = None
    # The team's frequency bands; None: read from the settings when the filter is run.
    frequency_bands: FrequencyBands | None = None

    def only_text(self) -> bool:
        """True when nothing but the search text narrows the list (an in-memory index can answer)."""
        return not (self.tier or self.stage or self.owner_id is not None or self.tag or self.region or self.overdue
                    or self.churn_risk or self.include_deleted or self.purchasing_power or self.need_type
                    or self.frequency_level or self.rfm_segment)

    def with_bands(self, session: Session) -> CustomerFilter:
        """The filter with the team's frequency bands filled in (when it filters by frequency)."""
        if self.frequency_level and self.frequency_bands is None:
            return replace(self, frequency_bands=frequency_bands(session))
        return self


def _frequency_clause(level: str, bands: FrequencyBands):
    """Customers whose kept figures put them in a frequency class, as FrequencyBands.level() does:
    by distinct purchase days in the scoring window, among customers who ever bought."""
    days = CustomerFigures.window_days
    in_band = {"high": days >= bands.high_min_days,
               "mid": (days >= bands.mid_min_days) & (days < bands.high_min_days),
               "low": days < bands.mid_min_days}.get(level)
    if in_band is None:
        return literal(False)
    return Customer.id.in_(select(CustomerFigures.customer_id).where(CustomerFigures.purchase_days > 0, in_band))


def _last_contact_column():
    return (
        select(func.max(Interaction.occurred_at))
        .where(Interaction.customer_id == Customer.id, Interaction.deleted_at.is_(None))
        .correlate(Customer)
        .scalar_subquery()
    )


def planned_state(column):
    """`state = 'planned'` written so SQLite looks plans up by customer: with the (state, due)
    index it would walk every planned revisit of the book for each page of rows."""
    return (column + literal("")) == "planned"


def _next_revisit_column():
    return (
        select(func.min(RevisitPlan.due_on))
        .where(RevisitPlan.customer_id == Customer.id, RevisitPlan.state == "planned", RevisitPlan.deleted_at.is_(None))
        .correlate(Customer)
        .scalar_subquery()
    )


def _total_spend_column():
    return (
        select(func.coalesce(func.sum(Transaction.amount_cents), 0))
        .where(Transaction.customer_id == Customer.id, Transaction.deleted_at.is_(None))
        .correlate(Customer)
        .scalar_subquery()
    )


def filtered_customers(flt: CustomerFilter) -> Select:
    query = select(Customer.id)
    if not flt.include_deleted:
        query = query.where(Customer.deleted_at.is_(None))
    if flt.text:
        query = apply_search(query, flt.text)
    if flt.tier:
        query = query.where(Customer.tier == flt.tier)
    if flt.stage:
        query = query.where(Customer.stage == flt.stage)
    if flt.owner_id is not None:
        query = query.where(Customer.owner_id == flt.owner_id)
    if flt.region:
        query = query.where(Customer.region == flt.region)
    if flt.tag:
        query = query.where(
            Customer.id.in_(select(CustomerTag.customer_id).join(Tag, Tag.id == CustomerTag.tag_id).where(Tag.name == flt.tag))
        )
    if flt.overdue:
        today = flt.today or date.today()
        query = query.where(
            Customer.id.in_(
                select(RevisitPlan.customer_id).where(
                    RevisitPlan.state == "planned", RevisitPlan.deleted_at.is_(None), RevisitPlan.due_on < today
                )
            )
        )
    if flt.churn_risk:
        query = query.where(Customer.stage.in_(("at_risk", "churned")))
    if flt.purchasing_power:
        query = query.where(Customer.purchasing_power == flt.purchasing_power)
    if flt.need_type:
        query = query.where(Customer.need_type == flt.need_type)
    if flt.rfm_segment:
        query = query.where(Customer.rfm_segment == flt.rfm_segment)
    if flt.frequency_level:
        query = query.where(_frequency_clause(flt.frequency_level, flt.frequency_bands or FrequencyBands()))
    return query


SORTABLE = {
    "code": Customer.code,
    "name": Customer.name,
    "company": Customer.company,
    "contact_person": Customer.contact_person,
    "phone": Customer.phone,
    "region": Customer.region,
    "tier": Customer.tier,
    "score": Customer.score,
    "stage": Customer.stage,
    "updated_at": Customer.updated_at,
    "purchasing_power": Customer.purchasing_power,
    "need_type": Customer.need_type,
    "rfm_segment": Customer.rfm_segment,
}


_NEVER_BLANK = frozenset({"code", "name"})


def customer_ids(session: Session, flt: CustomerFilter | None = None, order_by: str = "code", descending: bool = False) -> list[int]:
    """Ids of the customers a filter selects, in display order (cheap: the list view holds only ids).
    With a search text, the default order is the search's own: best match first (search.py)."""
    if flt is not None:
        flt = flt.with_bands(session)
    query = filtered_customers(flt or CustomerFilter())
    if flt is not None and search_terms(flt.text) and order_by == "code" and not descending:
        session.flush()
        return ranked_customer_ids(session, query, flt.text)
    if order_by == "owner":
        key = select(User.name).where(User.id == Customer.owner_id).correlate(Customer).scalar_subquery()
    elif order_by == "last_contact":
        key = _last_contact_column()
    elif order_by == "next_revisit":
        key = _next_revisit_column()
    elif order_by == "total_spend":
        key = _total_spend_column()
    else:
        key = SORTABLE.get(order_by, Customer.code)
    # Blanks sort last either way; the id keeps the order stable. Code and name are never blank,
    # and without the blank test the default order (by code) reads the live-code index alone.
    ordering = [key.desc() if descending else key.asc(), Customer.id]
    if order_by not in _NEVER_BLANK:
        ordering.insert(0, case((key.is_(None), 1), else_=0))
    # Straight from the driver (which does not autoflush, hence the flush): 100,000 ids cost
    # several times more as ORM or even Core rows.
    session.flush()
    return first_column(session, query.order_by(*ordering))


@dataclass(frozen=True)
class CustomerRow:
    """One customer as the list shows it: plain values, no session attached."""

    id: int
    code: str
    name: str
    company: str | None
    contact_person: str | None
    phone: str | None
    owner: str | None
    tier: str | None
    score: float | None
    stage: str | None
    last_contact: datetime | None
    next_revisit: date | None
    total_spend_cents: int
    tags: tuple[str, ...]
    version: int
    deleted: bool
    purchasing_power: str | None = None
    need_type: str | None = None
    frequency_level: str | None = None
    rfm_segment: str | None = None


def customer_rows(session: Session, ids: list[int]) -> dict[int, CustomerRow]:
    """Rows for the given ids in a handful of queries (one per 500 ids), for the list view's cache."""
    rows: dict[int, CustomerRow] = {}
    bands = frequency_bands(session) if ids else FrequencyBands()
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        last_contact = dict(
            session.execute(
                select(Interaction.customer_id, func.max(Interaction.occurred_at))
                .where(Interaction.customer_id.in_(chunk), Interaction.deleted_at.is_(None))
                .group_by(Interaction.customer_id)
            ).all()
        )
        next_revisit = dict(
            session.execute(
                select(RevisitPlan.customer_id, func.min(RevisitPlan.due_on))
                .where(RevisitPlan.customer_id.in_(chunk), planned_state(RevisitPlan.state),
                       RevisitPlan.deleted_at.is_(None))
                .group_by(RevisitPlan.customer_id)
            ).all()
        )
        spend = dict(
            session.execute(
                select(Transaction.customer_id, func.sum(Transaction.amount_cents))
                .where(Transaction.customer_id.in_(chunk), Transaction.deleted_at.is_(None))
                .group_by(Transaction.customer_id)
            ).all()
        )
        frequency = {
            customer_id: bands.level_of_days(window_days, purchase_days)
            for customer_id, window_days, purchase_days in session.execute(
                select(CustomerFigures.customer_id, CustomerFigures.window_days, CustomerFigures.purchase_days)
                .where(CustomerFigures.customer_id.in_(chunk))
            )
        }
        tags: dict[int, list[str]] = {}
        for customer_id, tag_name in session.execute(
            select(CustomerTag.customer_id, Tag.name)
            .join(Tag, Tag.id == CustomerTag.tag_id)
            .where(CustomerTag.customer_id.in_(chunk))
            .order_by(Tag.name)
        ):
            tags.setdefault(customer_id, []).append(tag_name)
        for row in session.execute(
            select(
                Customer.id, Customer.code, Customer.name, Customer.company, Customer.contact_person, Customer.phone,
                User.name, Customer.tier, Customer.score, Customer.stage, Customer.version, Customer.deleted_at,
                Customer.purchasing_power, Customer.need_type, Customer.rfm_segment,
            )
            .outerjoin(User, User.id == Customer.owner_id)
            .where(Customer.id.in_(chunk))
        ):
            (cid, code, name, company, person, phone, owner, tier, score, stage, version, deleted_at,
             power, need_type, segment) = row
            last = last_contact.get(cid)
            if last is not None and last.tzinfo is None:
                last = last.replace(tzinfo=timezone.utc)
            rows[cid] = CustomerRow(
                id=cid, code=code, name=name, company=company, contact_person=person, phone=phone, owner=owner,
                tier=tier, score=score, stage=stage, last_contact=last, next_revisit=next_revisit.get(cid),
                total_spend_cents=int(spend.get(cid) or 0), tags=tuple(tags.get(cid, ())), version=version,
                deleted=deleted_at is not None, purchasing_power=power, need_type=need_type,
                frequency_level=frequency.get(cid), rfm_segment=segment,
            )
    return rows


def regions(session: Session) -> list[str]:
    """The regions live customers are in, for the list's region filter."""
    return list(session.scalars(select(Customer.region).where(Customer.deleted_at.is_(None), Customer.region.is_not(None))
                                .distinct().order_by(Customer.region)))


def count_customers(session: Session) -> int:
    return session.scalar(select(func.count()).select_from(Customer).where(Customer.deleted_at.is_(None))) or 0
