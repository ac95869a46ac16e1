"""Policies per lifecycle stage (潜在→推广, 新→新客关怀, 活跃→优惠, 忠诚→关怀与特权, 流失→挽回), beside the
per-tier ones: a revisit interval that may be stricter than the tier's, a channel and a suggested action."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from accountdesk.core.changes import Changes
from accountdesk.core.i18n import ValidationError
from accountdesk.core.storage.models import INTERACTION_KINDS, LIFECYCLE_STAGES, Setting

SETTING_KEY = "policies.stages"
EDITABLE_FIELDS = ("interval_days", "channel", "action")
# How personal a channel is: where a tier and a stage name different channels, the more
# personal one is the stricter.
CHANNEL_RANK = {"visit": 5, "meeting": 4, "phone": 3, "wechat": 2, "email": 1, "other": 0}


@dataclass(frozen=True)
class StagePolicy:
    stage: str
    interval_days: int | None  # None: the tier's interval alone
    channel: str | None
    action: str | None

    def as_json(self) -> dict:
        return {"interval_days": self.interval_days, "channel": self.channel, "action": self.action}


# The method's treatment of each stage; a team changes them in Settings.
DEFAULT_STAGE_POLICIES = {
    "potential": StagePolicy("potential", 60, "email", "市场推广：发送产品资料和活动邀请"),
    "new": StagePolicy("new", 30, "phone", "新客关怀：回访首单体验，介绍服务与联系人"),
    "active": StagePolicy("active", None, None, "推送优惠和新品，促进复购"),
    "loyal": StagePolicy("loyal", None, None, "关怀与特权：专属礼遇、优先服务"),
    "at_risk": StagePolicy("at_risk", 21, "phone", "尽快联系，了解原因；必要时发起挽回"),
    "churned": StagePolicy("churned", 30, "visit", "挽回：分析流失原因，制定挽回措施"),
}


def _from_json(stage: str, value: object) -> StagePolicy:
    default = DEFAULT_STAGE_POLICIES[stage]
    if not isinstance(value, dict):
        return default
    days = value.get("interval_days", default.interval_days)
    channel = value.get("channel", default.channel)
    return StagePolicy(stage, int(days) if isinstance(days, int) and days > 0 else None,
                       channel if channel in INTERACTION_KINDS else None, value.get("action", default.action))


def load_stage_policies(session: Session) -> dict[str, StagePolicy]:
    """Every stage's policy: the team's where it set one, the method's default elsewhere."""
    stored = session.scalar(select(Setting.value).where(Setting.key == SETTING_KEY, Setting.deleted_at.is_(None)))
    stored = stored if isinstance(stored, dict) else {}
    return {stage: _from_json(stage, stored.get(stage)) for stage in LIFECYCLE_STAGES}


def _clean(field: str, value: object) -> object:
    if field == "interval_days":
        if value in (None, "", 0):
            return None
        if isinstance(value, bool) or not isinstance(value, int) or value < 1:
            raise ValidationError("回访间隔须为正整数（天），留空则沿用等级的间隔",
                                  "the revisit interval is a whole number of days above 0, or empty for the tier's",
                                  field=field)
        return value
    text = "" if value is None else str(value).strip()
    if not text:
        return None
    if field == "channel" and text not in INTERACTION_KINDS:
        raise ValidationError(f"未知的联系方式“{text}”（可选：{'、'.join(INTERACTION_KINDS)}）",
                              f"unknown channel '{text}' (one of: {', '.join(INTERACTION_KINDS)})", field=field)
    return text[:500]


def update_stage_policy(session: Session, stage: str, changes: dict) -> Changes:
    """Change some fields of a stage's policy (kept as one team setting, in the change history)."""
    if stage not in LIFECYCLE_STAGES:
        raise ValidationError(f"未知的生命周期阶段“{stage}”", f"unknown lifecycle stage '{stage}'", field="stage")
    unknown = set(changes) - set(EDITABLE_FIELDS)
    if unknown:
        name = sorted(unknown)[0]
        raise ValidationError(f"阶段策略没有字段“{name}”", f"a stage policy has no field '{name}'", field=name)
    policies = load_stage_policies(session)
    current = policies[stage].as_json()
    current.update({field: _clean(field, value) for field, value in changes.items()})
    value = {name: policy.as_json() for name, policy in policies.items()}
    value[stage] = current
    row = session.scalar(select(Setting).where(Setting.key == SETTING_KEY))
    if row is None:
        session.add(Setting(key=SETTING_KEY, value=value))
    else:
        row.value = value
        row.deleted_at = None
    session.flush()
    return Changes(settings=True, revisits=True)


def stricter_interval(tier_days: int, stage: StagePolicy | None) -> int:
    """The shorter of the tier's interval and the stage's (a stage without one leaves the tier's)."""
    if stage is None or stage.interval_days is None:
        return tier_days
    return min(tier_days, stage.interval_days)


def stricter_channel(tier_channel: str | None, stage: StagePolicy | None) -> str | None:
    """The more personal of the tier's channel and the stage's."""
    stage_channel = stage.channel if stage is not None else None
    if tier_channel is None or stage_channel is None:
        return tier_channel or stage_channel
    return max((tier_channel, stage_channel), key=lambda kind: CHANNEL_RANK.get(kind, 0))
