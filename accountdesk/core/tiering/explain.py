"""Score explanations: for one customer, each criterion's raw value, band, points, weight and
contribution to the composite score."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy.orm import Session

from accountdesk.core.i18n import Message, ValidationError
from accountdesk.core.storage.models import Customer, cents_to_decimal
from accountdesk.core.tiering.lifecycle import lifecycle_rules, lifecycle_stage
from accountdesk.core.tiering.metrics import METRICS, CustomerMetrics, compute_metrics
from accountdesk.core.tiering.scoring import current_model, definition_of


def _display(metric: str, value: int | float | None) -> str | None:
    if value is None:
        return None
    unit = METRICS[metric].unit
    if unit == "money":
        return str(cents_to_decimal(int(value)))
    if unit == "ratio":
        return f"{value * 100:.1f}%"
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


@dataclass(frozen=True)
class CriterionScore:
    """One line of a score explanation: raw value, band, points, weight and contribution."""

    key: str
    label: Message
    metric: str
    value: int | float | None  # raw (money in cents)
    display_value: str | None  # as a person reads it (money in yuan)
    band: str | None  # None: no value, the criterion's missing points apply
    points: float
    weight: float
    contribution: float  # points × weight ÷ total positive weight; the contributions add up to the score

    def as_dict(self) -> dict:
        return {
            "key": self.key,
            "label": self.label.text(),
            "label_zh": self.label.zh,
            "label_en": self.label.en,
            "metric": self.metric,
            "value": self.display_value,
            "band": self.band,
            "points": self.points,
            "weight": self.weight,
            "contribution": self.contribution,
        }


@dataclass
class ScoreBreakdown:
    """Why a customer has its score and tier, criterion by criterion."""

    customer_id: int
    code: str
    name: str
    as_of: date
    model_id: int | None  # None until a model is stored (the first re-grade stores the default)
    model_name: str
    model_version: int | None
    score: float
    rule_tier: str | None  # what the thresholds give; None in share mode (it depends on everyone)
    tier: str | None  # the stored tier
    tier_locked: bool
    lock_reason: str | None
    stage: str
    rfm_segment: str | None
    criteria: list[CriterionScore]
    metrics: CustomerMetrics
    stage_locked: bool = False  # set by hand: re-grading keeps it
    stage_lock_reason: str | None = None

    def as_dict(self) -> dict:
        return {
            "customer_id": self.customer_id,
            "code": self.code,
            "name": self.name,
            "as_of": self.as_of.isoformat(),
            "model_id": self.model_id,
            "model_name": self.model_name,
            "model_version": self.model_version,
            "score": self.score,
            "rule_tier": self.rule_tier,
            "tier": self.tier,
            "tier_locked": self.tier_locked,
            "lock_reason": self.lock_reason,
            "stage": self.stage,
            "stage_locked": self.stage_locked,
            "stage_lock_reason": self.stage_lock_reason,
            "rfm_segment": self.rfm_segment,
            "criteria": [c.as_dict() for c in self.criteria],
            "metrics": self.metrics.as_dict(),
        }


def live_customer(session: Session, customer_id: int) -> Customer:
    customer = session.get(Customer, customer_id)
    if customer is None or customer.deleted_at is not None:
        raise ValidationError(f"找不到客户 {customer_id}", f"no customer {customer_id}", field="customer_id")
    return customer


def score_breakdown(session: Session, customer_id: int, as_of: date) -> ScoreBreakdown:
    """Each criterion's raw value, band, points, weight and contribution for one customer."""
    customer = live_customer(session, customer_id)
    model = current_model(session)
    definition = definition_of(model)
    metrics = compute_metrics(session, as_of, definition.window_months, customer_ids=[customer_id])[customer_id]
    divisor = definition.positive_weight
    lines = []
    for criterion in definition.criteria:
        value = metrics.value(criterion.metric)
        band = criterion.band_for(value)
        points = criterion.points_for(value)
        lines.append(
            CriterionScore(
                key=criterion.key,
                label=criterion.label,
                metric=criterion.metric,
                value=value,
                display_value=_display(criterion.metric, value),
                band=None if value is None else (band.label(criterion.money) if band else "*"),
                points=points,
                weight=criterion.weight,
                contribution=round(points * criterion.weight / divisor, 2),
            )
        )
    score = definition.score(metrics)
    return ScoreBreakdown(
        customer_id=customer.id,
        code=customer.code,
        name=customer.name,
        as_of=as_of,
        model_id=model.id,
        model_name=model.name,
        model_version=model.version,
        score=score,
        rule_tier=definition.tier_by_threshold(score) if definition.mode == "thresholds" else None,
        tier=customer.tier,
        tier_locked=bool(customer.tier_locked),
        lock_reason=customer.tier_lock_reason,
        stage=(customer.stage or "") if customer.stage_locked else lifecycle_stage(metrics, lifecycle_rules(session)),
        rfm_segment=customer.rfm_segment,
        criteria=lines,
        metrics=metrics,
        stage_locked=bool(customer.stage_locked),
        stage_lock_reason=customer.stage_lock_reason,
    )
