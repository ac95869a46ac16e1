"""Lifecycle stages (potential, new, active, loyal, at risk, churned) derived from metrics, with
thresholds kept in a team setting."""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields

from sqlalchemy import select
from sqlalchemy.orm import Session

from accountdesk.core.i18n import Message, ValidationError
from accountdesk.core.storage.models import LIFECYCLE_STAGES, Setting
from accountdesk.core.tiering.metrics import CustomerMetrics

LIFECYCLE_SETTING = "tiering.lifecycle"

STAGE_LABELS: dict[str, Message] = {
    "potential": Message("潜在客户", "Potential"),
    "new": Message("新客户", "New"),
    "active": Message("活跃客户", "Active"),
    "loyal": Message("忠诚客户", "Loyal"),
    "at_risk": Message("流失风险", "At risk"),
    "churned": Message("已流失", "Churned"),
}
assert set(STAGE_LABELS) == set(LIFECYCLE_STAGES)


@dataclass(frozen=True)
class LifecycleRules:
    """When a customer counts as new, loyal, at risk or churned (days and years as of a date)."""

    new_days: int = 90  # first purchase at most this many days ago
    loyal_years: float = 2.0  # cooperating at least this long ...
    loyal_purchase_days: int = 4  # ... and buying on at least this many days in the window
    at_risk_factor: float = 2.0  # silent longer than this many of its own typical intervals
    at_risk_min_days: int = 60  # never at risk sooner than this
    at_risk_days: int = 180  # silence that is a risk when no typical interval is known
    churned_days: int = 365  # silent this long: churned

    def as_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict | None) -> LifecycleRules:
        rules = cls()
        if not data:
            return rules
        values = {}
        for item in fields(cls):
            if item.name not in data:
                continue
            value = data[item.name]
            if isinstance(value, bool) or not isinstance(value, int | float) or value < 0:
                raise ValidationError(
                    f"生命周期设置“{item.name}”须为非负数字",
                    f"lifecycle setting '{item.name}' must be a number not below 0",
                    field=item.name,
                )
            values[item.name] = value
        merged = {**rules.as_dict(), **values}
        if merged["at_risk_days"] > merged["churned_days"] or merged["at_risk_min_days"] > merged["churned_days"]:
            raise ValidationError(
                "流失风险的天数不能超过已流失的天数",
                "the at-risk silence cannot be longer than the churned silence",
                field="churned_days",
            )
        return cls(**merged)


def lifecycle_rules(session: Session) -> LifecycleRules:
    setting = session.scalars(select(Setting).where(Setting.key == LIFECYCLE_SETTING)).first()
    return LifecycleRules.from_json(setting.value if setting is not None else None)  # type: ignore[arg-type]


def save_lifecycle_rules(session: Session, changes: dict) -> LifecycleRules:
    """Change some thresholds; the setting's audit trail records who changed what."""
    rules = LifecycleRules.from_json({**lifecycle_rules(session).as_dict(), **changes})
    setting = session.scalars(select(Setting).where(Setting.key == LIFECYCLE_SETTING)).first()
    if setting is None:
        session.add(Setting(key=LIFECYCLE_SETTING, value=rules.as_dict()))
    else:
        setting.value = rules.as_dict()
    session.flush()
    return rules


def lifecycle_stage(metrics: CustomerMetrics, rules: LifecycleRules) -> str:
    """The stage a customer is in as of the metrics' date."""
    if metrics.last_purchase is None or metrics.recency_days is None:
        return "potential"
    silence = metrics.recency_days
    if silence >= rules.churned_days:
        return "churned"
    if metrics.purchase_interval_days is not None:
        at_risk_after = max(rules.at_risk_min_days, rules.at_risk_factor * metrics.purchase_interval_days)
    else:
        at_risk_after = rules.at_risk_days
    if silence > min(at_risk_after, rules.churned_days):
        return "at_risk"
    first_days = silence + (metrics.last_purchase - metrics.first_purchase).days if metrics.first_purchase else 0
    if first_days <= rules.new_days:
        return "new"
    tenure = metrics.tenure_years or 0.0
    if tenure >= rules.loyal_years and metrics.purchase_days >= rules.loyal_purchase_days:
        return "loyal"
    return "active"
