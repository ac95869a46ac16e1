"""What care costs against what each tier brings: gifts, coupons and points given in a period per
tier, next to the tier's spend in the same days."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from accountdesk.core.kpi.figures import NO_TIER, tier_distribution
from accountdesk.core.storage.models import CareRecord, Customer


@dataclass(frozen=True)
class TierCare:
    tier: str
    customers: int
    cared_for: int  # customers who were given something
    records: int
    cost_cents: int
    spend_cents: int

    @property
    def cost_share(self) -> float | None:
        """Care cost as a share of the tier's spend (None when the tier bought nothing)."""
        return self.cost_cents / self.spend_cents if self.spend_cents else None

    def as_dict(self) -> dict:
        return {"tier": self.tier, "customers": self.customers, "cared_for": self.cared_for, "records": self.records,
                "cost_cents": self.cost_cents, "spend_cents": self.spend_cents, "cost_share": self.cost_share}


def care_by_tier(session: Session, start: date, end: date) -> list[TierCare]:
    """Per tier (the customer's tier now, as the tier distribution counts it), care given between
    start and end and the tier's spend in those days; tiers with neither are left out."""
    care = {
        tier: (int(cared), int(records), int(cost or 0))
        for tier, cared, records, cost in session.execute(
            select(func.coalesce(Customer.tier, NO_TIER), func.count(func.distinct(CareRecord.customer_id)),
                   func.count(CareRecord.id), func.sum(CareRecord.value_cents))
            .join(Customer, Customer.id == CareRecord.customer_id)
            .where(Customer.deleted_at.is_(None), CareRecord.deleted_at.is_(None),
                   CareRecord.given_on.between(start, end))
            .group_by(Customer.tier))
    }
    rows = []
    for tier in tier_distribution(session, start, end):
        cared, records, cost = care.get(tier.tier, (0, 0, 0))
        if records or tier.spend_cents:
            rows.append(TierCare(tier.tier, tier.customers, cared, records, cost, tier.spend_cents))
    return rows
