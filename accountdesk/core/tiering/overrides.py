"""Manual tier overrides (with a reason and a lock that re-grading respects) and the tier history."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from accountdesk.core.changes import Changes
from accountdesk.core.i18n import ValidationError
from accountdesk.core.revisits.replan import replan_for_tiers
from accountdesk.core.storage.models import LIFECYCLE_STAGES, ScoringModel, TierChange, utcnow
from accountdesk.core.tiering.explain import live_customer
from accountdesk.core.tiering.lifecycle import STAGE_LABELS
from accountdesk.core.tiering.policies import tier_policies
from accountdesk.core.tiering.scoring import active_model, current_model, definition_of


def known_tiers(session: Session) -> list[str]:
    """The active model's tiers, then any other tier a policy exists for."""
    tiers = list(definition_of(current_model(session)).tiers)
    tiers.extend(p.tier for p in tier_policies(session) if p.tier not in tiers)
    return tiers


def set_manual_tier(session: Session, customer_id: int, tier: str, reason: str, lock: bool = True, *,
                    today: date) -> Changes:
    """Overrule the grade: set a tier with a reason; a locked tier survives re-grading. The
    customer's open revisit plan follows the new tier's cadence (as of `today`)."""
    customer = live_customer(session, customer_id)
    tier = (tier or "").strip()
    reason = (reason or "").strip()
    tiers = known_tiers(session)
    if tier not in tiers:
        raise ValidationError(
            f"未知的等级“{tier}”（可选：{'、'.join(tiers)}）", f"unknown tier '{tier}' (one of: {', '.join(tiers)})",
            field="tier",
        )
    if not reason:
        raise ValidationError("手动调整等级须填写原因", "a manual tier change needs a reason", field="reason")
    model = active_model(session)
    old_tier = customer.tier
    customer.tier = tier
    customer.tier_locked = lock
    customer.tier_lock_reason = reason if lock else None
    session.add(TierChange(
        customer_id=customer.id, changed_at=utcnow(), old_tier=old_tier, new_tier=tier, score=customer.score,
        model_id=model.id, model_version=model.version, manual=True, reason=reason,
    ))
    session.flush()
    replanned = replan_for_tiers(session, [customer.id], today) if old_tier != tier else []
    return Changes(customers={customer.id}, tiers=True, revisits=bool(replanned))


def set_manual_stage(session: Session, customer_id: int, stage: str, reason: str) -> Changes:
    """Set the lifecycle stage by hand with a reason; it is locked, so re-grading keeps it."""
    customer = live_customer(session, customer_id)
    stage = (stage or "").strip()
    reason = (reason or "").strip()
    if stage not in LIFECYCLE_STAGES:
        names = "、".join(STAGE_LABELS[s].zh for s in LIFECYCLE_STAGES)
        raise ValidationError(f"未知的生命周期阶段“{stage}”（可选：{names}）",
                              f"unknown lifecycle stage '{stage}' (one of: {', '.join(LIFECYCLE_STAGES)})",
                              field="stage")
    if not reason:
        raise ValidationError("手动设置生命周期阶段须填写原因", "a lifecycle stage set by hand needs a reason",
                              field="stage_lock_reason")
    customer.stage = stage
    customer.stage_locked = True
    customer.stage_lock_reason = reason
    session.flush()
    return Changes(customers={customer.id}, tiers=True)


def unlock_stage(session: Session, customer_id: int) -> Changes:
    """Let the next re-grade set this customer's lifecycle stage again."""
    customer = live_customer(session, customer_id)
    customer.stage_locked = False
    customer.stage_lock_reason = None
    session.flush()
    return Changes(customers={customer.id}, tiers=True)


def unlock_tier(session: Session, customer_id: int) -> Changes:
    """Let the next re-grade set this customer's tier again (the audit trail keeps the unlock)."""
    customer = live_customer(session, customer_id)
    customer.tier_locked = False
    customer.tier_lock_reason = None
    session.flush()
    return Changes(customers={customer.id}, tiers=True)


@dataclass(frozen=True)
class TierHistoryEntry:
    changed_at: datetime
    old_tier: str | None
    new_tier: str | None
    score: float | None
    model_id: int | None
    model_name: str | None
    model_version: int | None
    manual: bool
    reason: str | None
    by: str | None

    def as_dict(self) -> dict:
        return {**self.__dict__, "changed_at": self.changed_at.isoformat(timespec="seconds")}


def tier_history(session: Session, customer_id: int) -> list[TierHistoryEntry]:
    """Every tier change of a customer, newest first."""
    query = (
        select(TierChange, ScoringModel.name)
        .outerjoin(ScoringModel, ScoringModel.id == TierChange.model_id)
        .where(TierChange.customer_id == customer_id, TierChange.deleted_at.is_(None))
        .order_by(TierChange.changed_at.desc(), TierChange.id.desc())
    )
    return [
        TierHistoryEntry(
            changed_at=change.changed_at, old_tier=change.old_tier, new_tier=change.new_tier, score=change.score,
            model_id=change.model_id, model_name=model_name, model_version=change.model_version,
            manual=bool(change.manual), reason=change.reason, by=change.updated_by,
        )
        for change, model_name in session.execute(query)
    ]
