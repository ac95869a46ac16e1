"""What a customer lacks to reach the next tier, criterion by criterion, read off the active scoring sheet ("再购买 2 次、消费再增 ¥8,000 即可升为 B 级")."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from decimal import Decimal
from itertools import product
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from accountdesk.core.i18n import Message, counted
from accountdesk.core.storage.models import Customer, cents_to_decimal
from accountdesk.core.tiering.explain import ScoreBreakdown
from accountdesk.core.tiering.metrics import METRICS, CustomerMetrics
from accountdesk.core.tiering.scoring import (
    Criterion,
    ScoringDefinition,
    clamp_score,
    current_model,
    definition_of,
)

# Rungs looked at per criterion: the next few bands up are what a plan is made of.
_RUNGS = 4
_PURCHASES = {"purchase_count", "purchase_days", "purchase_count_all", "purchase_days_all"}
_SPEND = {"window_spend", "total_spend"}
# Years of cooperation come with time only: a plan uses them last.
_SLOW_UNITS = {"years"}
# Each further criterion in a plan is one more thing to work on.
_PER_STEP = 0.1


def _yuan(cents: float) -> str:
    amount = Decimal(int(round(cents))) / 100
    return f"¥{amount:,.0f}" if amount == amount.to_integral_value() else f"¥{amount:,.2f}"


def _shown(metric: str, value: float) -> str:
    unit = METRICS[metric].unit
    if unit == "money":
        return _yuan(value)
    if unit == "ratio":
        return f"{value * 100:.0f}%"
    return f"{value:g}"


@dataclass(frozen=True)
class Step:
    """Bringing one criterion's value to `target` (money in cents), worth `gain` score points."""

    key: str
    label: Message
    metric: str
    current: float | int | None
    target: float | int
    points: float  # the criterion's points at the target
    gain: float  # score points it adds (points gained × weight ÷ the total weight)

    @property
    def text(self) -> Message:
        metric, label, current, target = self.metric, self.label, self.current, self.target
        unit = METRICS[metric].unit
        better = target > current if current is not None else True
        if current is None or unit in ("score", "ratio"):
            shown = _shown(metric, target)
            return Message(f"{label.zh}达到 {shown}", f"{label.en} reaching {shown}")
        if unit == "years":
            return Message(f"合作满 {target:g} 年", f"{target:g} year{'' if target == 1 else 's'} of cooperation")
        delta = abs(target - current)
        if unit == "money":
            if metric in _SPEND:
                return Message(f"消费再增 {_yuan(delta)}", f"{_yuan(delta)} more spend")
            return Message(f"{label.zh}再增 {_yuan(delta)}", f"{label.en} up by {_yuan(delta)}")
        count = math.ceil(delta - 1e-9) if unit == "count" else delta
        if metric in _PURCHASES:
            return Message(f"再购买 {count:g} 次", counted(int(count), "more purchase"))
        if metric == "referrals":
            return Message(f"再获 {count:g} 个转介绍", counted(int(count), "more referral"))
        if metric == "open_complaints":
            return Message(f"解决 {count:g} 个投诉", f"{counted(int(count), 'open complaint')} resolved")
        if unit == "days":
            return Message(f"{label.zh}降至 {target:g} 天", f"{label.en} down to {target:g} days")
        if better:
            return Message(f"{label.zh}再增 {count:g}", f"{label.en} up by {count:g}")
        return Message(f"{label.zh}降至 {target:g}", f"{label.en} down to {target:g}")

    @property
    def effort(self) -> float:
        """How far the step is from where the customer stands, relative to the target."""
        if METRICS[self.metric].unit in _SLOW_UNITS:
            return 10.0
        if self.current is None:
            return 1.0
        return abs(self.target - self.current) / max(abs(self.target), abs(self.current), 1)

    def as_dict(self) -> dict[str, Any]:
        money = METRICS[self.metric].unit == "money"

        def plain(value):
            return None if value is None else (str(cents_to_decimal(int(value))) if money else value)

        return {"key": self.key, "metric": self.metric, "current": plain(self.current), "target": plain(self.target),
                "gain": round(self.gain, 2), "text_zh": self.text.zh, "text_en": self.text.en}


@dataclass(frozen=True)
class CriterionGap:
    """One criterion's share of the way up: its next band, and the band that alone would do."""

    key: str
    label: Message
    next_step: Step | None  # None: already at its best band
    enough_alone: Step | None  # the nearest band that lifts the tier by this criterion alone


@dataclass
class NextTierGap:
    tier: str | None  # the tier the score gives now
    next_tier: str | None  # None: already the top tier
    score: float
    needed: float | None  # the score the next tier starts at (None: not known, share mode with nobody there)
    criteria: list[CriterionGap] = field(default_factory=list)
    plan: list[Step] = field(default_factory=list)  # the easiest steps that together reach it

    @property
    def reachable(self) -> bool:
        return bool(self.plan)

    @property
    def summary(self) -> Message:
        if self.next_tier is None:
            return Message(f"已是最高等级{f' {self.tier} 级' if self.tier else ''}", "already in the top tier")
        if self.needed is None:
            return Message(f"按比例分级：{self.next_tier} 级目前没有客户，无法算出差距",
                           f"tiers go by share and tier {self.next_tier} has nobody yet, so the gap is unknown")
        if not self.plan:
            return Message(f"按当前评分表，改进各项指标也无法升为 {self.next_tier} 级",
                           f"by the current scoring sheet no improvement reaches tier {self.next_tier}")
        zh = "、".join(step.text.zh for step in self.plan)
        en = " and ".join(step.text.en for step in self.plan) if len(self.plan) <= 2 else \
            ", ".join(step.text.en for step in self.plan[:-1]) + " and " + self.plan[-1].text.en
        return Message(f"{zh} 即可升为 {self.next_tier} 级", f"{en} would lift it to tier {self.next_tier}")

    def as_dict(self) -> dict[str, Any]:
        return {
            "tier": self.tier, "next_tier": self.next_tier, "score": self.score, "needed_score": self.needed,
            "summary_zh": self.summary.zh, "summary_en": self.summary.en,
            "plan": [step.as_dict() for step in self.plan],
            "criteria": [{"key": gap.key, "next": gap.next_step.as_dict() if gap.next_step else None,
                          "enough_alone": gap.enough_alone.as_dict() if gap.enough_alone else None}
                         for gap in self.criteria],
        }


def _rungs(criterion: Criterion, value: float | int | None, divisor: float) -> list[Step]:
    """The bands above where the customer stands, nearest first, each worth more than the last."""
    if criterion.weight <= 0:
        return []
    now = criterion.points_for(value)
    bounds = sorted({b for band in criterion.bands for b in (band.low, band.high) if b is not None},
                    reverse=not criterion.higher_is_better)
    steps: list[Step] = []
    best = now
    for bound in bounds:
        if value is not None and not (bound > value if criterion.higher_is_better else bound < value):
            continue
        points = criterion.points_for(bound)
        if points > best:
            steps.append(Step(criterion.key, criterion.label, criterion.metric, value, bound, points,
                              criterion.weight * (points - now) / divisor))
            best = points
        if len(steps) == _RUNGS:
            break
    return steps


def next_tier_gap(definition: ScoringDefinition, metrics: CustomerMetrics, tier: str | None,
                  needed: float | None) -> NextTierGap:
    """What `metrics` lack to score `needed` (where the tier above `tier` starts)."""
    divisor = definition.positive_weight
    score = definition.score(metrics)
    tiers = list(definition.tiers)
    position = tiers.index(tier) if tier in tiers else len(tiers)
    above = tiers[position - 1] if position > 0 else None
    gap = NextTierGap(tier, above, score, needed)
    if above is None or needed is None:
        return gap
    base = sum(c.weight * c.points_for(metrics.value(c.metric)) for c in definition.criteria)

    def reaches(steps: tuple[Step, ...]) -> bool:
        total = base + sum(step.gain for step in steps) * divisor
        return clamp_score(total / divisor) >= needed

    rungs = {c.key: _rungs(c, metrics.value(c.metric), divisor) for c in definition.criteria}
    for criterion in definition.criteria:
        options = rungs[criterion.key]
        alone = next((step for step in options if reaches((step,))), None)
        gap.criteria.append(CriterionGap(criterion.key, criterion.label, options[0] if options else None, alone))
    # The easiest way up: the least effort over every choice of bands (at most 5^6 choices on a
    # six-criterion sheet, plain additions), each extra criterion in the plan counted a little.
    best: tuple[float, tuple[Step, ...]] | None = None
    for choice in product(*([None, *options] for options in rungs.values() if options)):
        steps = tuple(step for step in choice if step is not None)
        if steps and reaches(steps):
            effort = sum(step.effort for step in steps) + _PER_STEP * len(steps)
            if best is None or effort < best[0]:
                best = (effort, steps)
    if best is not None:
        gap.plan = list(best[1])
    return gap


def needed_score(session: Session, definition: ScoringDefinition, tier: str | None) -> float | None:
    """The score the tier above `tier` starts at: its threshold, or by share the lowest score
    of a customer graded into it now."""
    tiers = list(definition.tiers)
    position = tiers.index(tier) if tier in tiers else len(tiers)
    if position == 0:
        return None
    if definition.mode == "thresholds":
        return definition.thresholds[position - 1]
    return session.scalar(select(func.min(Customer.score)).where(
        Customer.tier == tiers[position - 1], Customer.deleted_at.is_(None), Customer.tier_locked.is_(False)))


def gap_of(session: Session, breakdown: ScoreBreakdown) -> NextTierGap:
    """The next-tier gap of a score breakdown, by the same active sheet it was scored with."""
    definition = definition_of(current_model(session))
    tier = breakdown.rule_tier if definition.mode == "thresholds" else breakdown.tier
    return next_tier_gap(definition, breakdown.metrics, tier, needed_score(session, definition, tier))
