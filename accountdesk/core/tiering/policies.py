"""Tier policies (行动方案): per tier the revisit interval, channel, service level, discount and rep level."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from accountdesk.core.changes import Changes
from accountdesk.core.i18n import ValidationError
from accountdesk.core.storage.models import INTERACTION_KINDS, TierPolicy

EDITABLE_FIELDS = (
    "revisit_interval_days",
    "channel",
    "service_level",
    "discount_percent",
    "rep_level",
    "action_plan",
    "sort_order",
)
DEFAULT_REVISIT_INTERVAL_DAYS = 90


@dataclass(frozen=True)
class TierPolicyView:
    """A plain copy of one tier's policy, safe to hand to the GUI or an exporter."""

    tier: str
    sort_order: int
    revisit_interval_days: int
    channel: str | None
    service_level: str | None
    discount_percent: str | None
    rep_level: str | None
    action_plan: str | None

    def as_dict(self) -> dict:
        return dict(self.__dict__)


def _view(policy: TierPolicy) -> TierPolicyView:
    return TierPolicyView(
        tier=policy.tier,
        sort_order=policy.sort_order,
        revisit_interval_days=policy.revisit_interval_days,
        channel=policy.channel,
        service_level=policy.service_level,
        discount_percent=policy.discount_percent,
        rep_level=policy.rep_level,
        action_plan=policy.action_plan,
    )


def tier_policies(session: Session) -> list[TierPolicyView]:
    """Every tier's policy, best tier first."""
    rows = session.scalars(
        select(TierPolicy).where(TierPolicy.deleted_at.is_(None)).order_by(TierPolicy.sort_order, TierPolicy.tier)
    )
    return [_view(row) for row in rows]


def policy_for(session: Session, tier: str | None) -> TierPolicyView | None:
    if not tier:
        return None
    row = session.scalars(select(TierPolicy).where(TierPolicy.tier == tier, TierPolicy.deleted_at.is_(None))).first()
    return _view(row) if row is not None else None


def _clean(field: str, value: object) -> object:
    if field in ("revisit_interval_days", "sort_order"):
        if isinstance(value, bool) or not isinstance(value, int) or (field == "revisit_interval_days" and value < 1):
            raise ValidationError(
                "回访间隔须为正整数（天）" if field == "revisit_interval_days" else "排序须为整数",
                "the revisit interval must be a whole number of days above 0"
                if field == "revisit_interval_days"
                else "the order must be a whole number",
                field=field,
            )
        return value
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    text = str(value).strip()
    if field == "channel" and text not in INTERACTION_KINDS:
        raise ValidationError(
            f"未知的联系方式“{text}”（可选：{'、'.join(INTERACTION_KINDS)}）",
            f"unknown channel '{text}' (one of: {', '.join(INTERACTION_KINDS)})",
            field=field,
        )
    if field == "discount_percent":
        try:
            amount = Decimal(text.rstrip("%"))
        except InvalidOperation:
            raise ValidationError(f"折扣“{text}”不是数字", f"discount '{text}' is not a number", field=field) from None
        if not Decimal(0) <= amount <= Decimal(100):
            raise ValidationError("折扣须在 0–100 之间", "the discount must be within 0–100", field=field)
        return format(amount.normalize(), "f")
    return text


def update_tier_policy(session: Session, tier: str, changes: dict) -> Changes:
    """Change some fields of a tier's policy, creating the policy for a tier name not seen yet."""
    unknown = set(changes) - set(EDITABLE_FIELDS)
    if unknown:
        name = sorted(unknown)[0]
        raise ValidationError(f"行动方案没有字段“{name}”", f"a tier policy has no field '{name}'", field=name)
    cleaned = {field: _clean(field, value) for field, value in changes.items()}
    policy = session.scalars(select(TierPolicy).where(TierPolicy.tier == tier)).first()
    if policy is None:
        tier = tier.strip()
        if not tier or len(tier) > 16:
            raise ValidationError("等级名称须为 1–16 个字符", "a tier name has 1–16 characters", field="tier")
        next_order = session.scalar(select(func.coalesce(func.max(TierPolicy.sort_order), -1))) + 1
        policy = TierPolicy(tier=tier, sort_order=next_order, revisit_interval_days=DEFAULT_REVISIT_INTERVAL_DAYS)
        session.add(policy)
    elif policy.deleted_at is not None:
        policy.deleted_at = None
    for field, value in cleaned.items():
        setattr(policy, field, value)
    session.flush()
    return Changes(tiers=True, settings=True)
