"""The scoring model (分级标准评分表): criteria with bands → points and weights, the composite
score, grading by thresholds or by share, and the stored models (one active)."""

from __future__ import annotations

import copy
import hashlib
import json
from bisect import bisect_right
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from fractions import Fraction
from itertools import pairwise
from operator import attrgetter
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from accountdesk.core.i18n import Message, ValidationError
from accountdesk.core.storage.models import (
    ScoringModel,
    Setting,
    TierChange,
    cents_to_decimal,
    decimal_to_cents,
    utcnow,
    write_internal_setting,
)
from accountdesk.core.tiering.metrics import DEFAULT_WINDOW_MONTHS, METRICS, CustomerMetrics

GRADING_MODES = ("thresholds", "share")
ACTIVE_MODEL_SETTING = "tiering.active_model"
DEFAULT_MODEL_NAME = "默认评分表 / Default scoring sheet"
MAX_POINTS = 100.0


def _bands(*pairs: tuple[float | str, float]) -> list[dict]:
    return [{"min": bound, "points": points} for bound, points in pairs]


# The seed method: frequency, spend, loyalty and influence, plus satisfaction and complaints.
# Money bounds are in yuan; the weights add up to 100.
DEFAULT_DEFINITION: dict[str, Any] = {
    "window_months": DEFAULT_WINDOW_MONTHS,
    "tiers": ["A", "B", "C"],
    "grading": {"mode": "thresholds", "thresholds": [75, 50], "shares": [0.2, 0.3, 0.5]},
    "criteria": [
        {"key": "frequency", "label": {"zh": "购买频率", "en": "Purchase frequency"}, "metric": "purchase_days",
         "weight": 25, "bands": _bands((12, 100), (6, 80), (3, 60), (1, 30), (0, 0))},
        {"key": "spend", "label": {"zh": "消费金额", "en": "Spend"}, "metric": "window_spend",
         "weight": 30, "bands": _bands(("50000", 100), ("20000", 80), ("5000", 60), ("1000", 30), ("0", 0))},
        {"key": "loyalty", "label": {"zh": "忠诚度（合作年限）", "en": "Loyalty (years of cooperation)"},
         "metric": "tenure_years", "weight": 15, "missing_points": 0,
         "bands": _bands((5, 100), (3, 80), (1, 50), (0, 20))},
        {"key": "influence", "label": {"zh": "影响力", "en": "Influence"}, "metric": "influence",
         "weight": 10, "bands": _bands((5, 100), (2, 70), (1, 40), (0, 0))},
        {"key": "satisfaction", "label": {"zh": "满意度", "en": "Satisfaction"}, "metric": "satisfaction",
         "weight": 10, "missing_points": 60, "bands": _bands((4.5, 100), (4, 80), (3, 50), (0, 20))},
        {"key": "complaints", "label": {"zh": "投诉", "en": "Complaints"}, "metric": "open_complaints",
         "weight": 10, "bands": [{"max": 0, "points": 100}, {"max": 1, "points": 40}, {"points": 0}]},
    ],
}


def default_definition() -> dict[str, Any]:
    return copy.deepcopy(DEFAULT_DEFINITION)


def _invalid(zh: str, en: str, place: str) -> ValidationError:
    return ValidationError(f"评分表{place}：{zh}", f"scoring sheet{place}: {en}", field=place.strip(" ，,") or None)


def _number(value: Any, place: str, *, money: bool) -> float | int:
    """A band bound or weight from JSON; money bounds (yuan) become exact cents."""
    if isinstance(value, bool) or value is None:
        raise _invalid(f"“{value}”不是数字", f"'{value}' is not a number", place)
    if money:
        try:
            return decimal_to_cents(str(value))
        except Exception:
            raise _invalid(f"金额“{value}”无效", f"amount '{value}' is not valid", place) from None
    try:
        return float(value) if not isinstance(value, int) else value
    except (TypeError, ValueError):
        raise _invalid(f"“{value}”不是数字", f"'{value}' is not a number", place) from None


@dataclass(frozen=True)
class Band:
    """Points for values within [low, high] (either end open); the first matching band wins."""

    points: float
    low: float | int | None = None
    high: float | int | None = None

    def matches(self, value: float | int) -> bool:
        return (self.low is None or value >= self.low) and (self.high is None or value <= self.high)

    def label(self, money: bool) -> str:
        def show(bound: float | int) -> str:
            if money:
                return str(cents_to_decimal(int(bound)))
            return f"{bound:g}" if isinstance(bound, float) else str(bound)

        if self.low is not None and self.high is not None:
            return f"{show(self.low)}–{show(self.high)}"
        if self.low is not None:
            return f"≥ {show(self.low)}"
        if self.high is not None:
            return f"≤ {show(self.high)}"
        return "*"


@dataclass(frozen=True)
class Criterion:
    """One row of the scoring sheet: a metric, its bands and its weight."""

    key: str
    label: Message
    metric: str
    weight: float
    bands: tuple[Band, ...]
    missing_points: float = 0.0
    higher_is_better: bool = True

    @property
    def money(self) -> bool:
        return METRICS[self.metric].unit == "money"

    def band_for(self, value: float | int | None) -> Band | None:
        if value is None:
            return None
        for band in self.bands:
            if band.matches(value):
                return band
        return None

    def points_for(self, value: float | int | None) -> float:
        if value is None:
            return self.missing_points
        band = self.band_for(value)
        return 0.0 if band is None else band.points


@dataclass(frozen=True)
class ScoringDefinition:
    """A validated scoring model; built from (and written back to) the JSON kept in the database."""

    criteria: tuple[Criterion, ...]
    tiers: tuple[str, ...]
    mode: str
    thresholds: tuple[float, ...]
    shares: tuple[Fraction, ...]
    window_months: int
    source: dict = field(compare=False, repr=False, default_factory=dict)

    @property
    def positive_weight(self) -> float:
        return sum(c.weight for c in self.criteria if c.weight > 0)

    @classmethod
    def from_json(cls, data: dict) -> ScoringDefinition:
        if not isinstance(data, dict):
            raise _invalid("定义必须是对象", "the definition must be an object", "")
        tiers = tuple(str(t).strip() for t in data.get("tiers") or ())
        if len(tiers) < 2 or any(not t for t in tiers) or len(set(tiers)) != len(tiers):
            raise _invalid("至少需要两个互不相同的等级名称", "needs at least two distinct tier names", "，tiers")
        if any(len(t) > 16 for t in tiers):
            raise _invalid("等级名称最长 16 个字符", "tier names are at most 16 characters", "，tiers")
        window = data.get("window_months", DEFAULT_WINDOW_MONTHS)
        if not isinstance(window, int) or isinstance(window, bool) or not 1 <= window <= 120:
            raise _invalid("统计窗口须为 1–120 个月", "the window must be 1–120 months", "，window_months")
        grading = data.get("grading") or {}
        mode = grading.get("mode", "thresholds")
        if mode not in GRADING_MODES:
            raise _invalid(f"未知的分级方式“{mode}”", f"unknown grading mode '{mode}'", "，grading.mode")
        thresholds = tuple(
            float(_number(v, "，grading.thresholds", money=False)) for v in grading.get("thresholds") or ()
        )
        raw_shares = grading.get("shares") or ()
        try:
            shares = tuple(Fraction(str(v)) for v in raw_shares)
        except (ValueError, ZeroDivisionError):
            raise _invalid("比例须为数字", "shares must be numbers", "，grading.shares") from None
        if mode == "thresholds":
            if len(thresholds) != len(tiers) - 1:
                raise _invalid(
                    f"{len(tiers)} 个等级需要 {len(tiers) - 1} 个分数线",
                    f"{len(tiers)} tiers need {len(tiers) - 1} thresholds",
                    "，grading.thresholds",
                )
            if any(a <= b for a, b in pairwise(thresholds)):
                raise _invalid("分数线须从高到低排列", "thresholds must fall from the first tier to the last",
                               "，grading.thresholds")
        if mode == "share" and (len(shares) != len(tiers) or any(s < 0 for s in shares) or sum(shares) != 1):
            raise _invalid(
                "每个等级一个比例，均不为负，合计为 1", "one share per tier, none negative, adding up to 1",
                "，grading.shares",
            )
        raw_criteria = data.get("criteria") or []
        if not raw_criteria:
            raise _invalid("至少需要一项评分标准", "needs at least one criterion", "，criteria")
        criteria = tuple(_criterion(raw, index) for index, raw in enumerate(raw_criteria, start=1))
        if len({c.key for c in criteria}) != len(criteria):
            raise _invalid("评分标准的 key 不能重复", "criterion keys must be unique", "，criteria")
        if not any(c.weight > 0 for c in criteria):
            raise _invalid("至少一项标准的权重须大于 0", "at least one weight must be above 0", "，criteria")
        return cls(criteria, tiers, mode, thresholds, shares, window, copy.deepcopy(data))

    def to_json(self) -> dict:
        return copy.deepcopy(self.source)

    def score(self, metrics: CustomerMetrics) -> float:
        """Composite 0–100: the weighted points over the positive weights, clamped."""
        total = 0.0
        for criterion in self.criteria:
            total += criterion.weight * criterion.points_for(metrics.value(criterion.metric))
        return clamp_score(total / self.positive_weight)

    def scorer(self) -> Callable[[CustomerMetrics], float]:
        """A fast `score` for re-grading thousands of customers (the same arithmetic)."""
        divisor = self.positive_weight
        parts = [(c.weight, _point_function(c)) for c in self.criteria]
        names = [c.metric for c in self.criteria]
        fetch = attrgetter(*names) if len(names) > 1 else (lambda m: (getattr(m, names[0]),))

        def score(metrics: CustomerMetrics) -> float:
            total = 0.0
            for (weight, points), value in zip(parts, fetch(metrics), strict=True):
                total += weight * points(value)
            return clamp_score(total / divisor)

        return score

    def score_all(self, population: Sequence[CustomerMetrics]) -> list[float]:
        """`score` of each customer in order, a criterion at a time over the whole population
        (the same additions in the same order, so the same floats)."""
        totals = [0.0] * len(population)
        for criterion in self.criteria:
            weight, points = criterion.weight, _point_function(criterion)
            values = map(attrgetter(criterion.metric), population)
            totals = [total + weight * earned for total, earned in zip(totals, map(points, values), strict=True)]
        divisor = self.positive_weight
        return [round(min(MAX_POINTS, max(0.0, total / divisor)), 1) for total in totals]

    def tier_by_threshold(self, score: float) -> str:
        for tier, threshold in zip(self.tiers, self.thresholds, strict=False):
            if score >= threshold:
                return tier
        return self.tiers[-1]

    def share_counts(self, population: int) -> list[int]:
        """How many of `population` customers go to each tier in share mode (exact rounding of
        the cumulative shares, so the counts always add up to the population)."""
        counts, previous, cumulative = [], 0, Fraction(0)
        for share in self.shares:
            cumulative += share
            boundary = int(cumulative * population + Fraction(1, 2))
            counts.append(boundary - previous)
            previous = boundary
        return counts

    def grade(self, scored: Sequence[tuple[int, str, float]]) -> dict[int, str]:
        """Tiers for (customer id, code, score) triples: by threshold, or by rank in share mode,
        ranking by score then code so equal scores are split the same way every time."""
        if self.mode == "thresholds":
            return {customer_id: self.tier_by_threshold(score) for customer_id, _code, score in scored}
        ranked = sorted(scored, key=lambda item: (-item[2], item[1], item[0]))
        result: dict[int, str] = {}
        position = 0
        for tier, count in zip(self.tiers, self.share_counts(len(ranked)), strict=True):
            for customer_id, _code, _score in ranked[position : position + count]:
                result[customer_id] = tier
            position += count
        return result


def clamp_score(value: float) -> float:
    return round(min(MAX_POINTS, max(0.0, value)), 1)


def _point_function(criterion: Criterion) -> Callable[[float | int | None], float]:
    missing = criterion.missing_points
    lows = [b.low for b in criterion.bands]
    if all(b.high is None for b in criterion.bands) and all(low is not None for low in lows[:-1]) and all(
        a > b for a, b in pairwise(lows) if b is not None
    ):
        # The usual sheet: "at least x → p" rungs from the top down, perhaps ending in a
        # catch-all. A binary search over the rungs gives the same answer as the scan.
        ascending = [low for low in reversed(lows) if low is not None]
        rung_points = [b.points for b in reversed(criterion.bands) if b.low is not None]
        below_all = criterion.bands[-1].points if lows[-1] is None else 0.0
        table = [below_all, *rung_points]

        def ladder(value: float | int | None) -> float:
            if value is None:
                return missing
            return table[bisect_right(ascending, value)]

        return ladder
    bands = [(b.low, b.high, b.points) for b in criterion.bands]

    def points(value: float | int | None) -> float:
        if value is None:
            return missing
        for low, high, band_points in bands:
            if (low is None or value >= low) and (high is None or value <= high):
                return band_points
        return 0.0

    return points


def _criterion(raw: dict, index: int) -> Criterion:
    place = f"，第 {index} 项标准"
    if not isinstance(raw, dict):
        raise _invalid("标准必须是对象", "a criterion must be an object", place)
    metric = raw.get("metric")
    if metric not in METRICS:
        raise _invalid(f"未知的指标“{metric}”", f"unknown metric '{metric}'", place)
    spec = METRICS[metric]
    money = spec.unit == "money"
    key = str(raw.get("key") or metric)
    label = raw.get("label") or {}
    if isinstance(label, str):
        label = {"zh": label, "en": label}
    weight = float(_number(raw.get("weight", 1), place + " weight", money=False))
    missing = float(_number(raw.get("missing_points", 0), place + " missing_points", money=False))
    bands = []
    for band in raw.get("bands") or []:
        points = float(_number(band.get("points"), place + " points", money=False))
        if not 0 <= points <= MAX_POINTS or not 0 <= missing <= MAX_POINTS:
            raise _invalid("分值须在 0–100 之间", "points must be within 0–100", place)
        low = _number(band["min"], place + " min", money=money) if band.get("min") is not None else None
        high = _number(band["max"], place + " max", money=money) if band.get("max") is not None else None
        if low is not None and high is not None and low > high:
            raise _invalid("区间下限大于上限", "a band's min is above its max", place)
        bands.append(Band(points, low, high))
    if not bands:
        raise _invalid("至少需要一个分档", "needs at least one band", place)
    better = raw.get("better", "higher" if spec.higher_is_better else "lower")
    if better not in ("higher", "lower"):
        raise _invalid("better 须为 higher 或 lower", "better must be 'higher' or 'lower'", place)
    criterion = Criterion(
        key=key,
        label=Message(str(label.get("zh") or key), str(label.get("en") or label.get("zh") or key)),
        metric=metric,
        weight=weight,
        bands=tuple(bands),
        missing_points=missing,
        higher_is_better=better == "higher",
    )
    _check_monotone(criterion, place)
    return criterion


def _check_monotone(criterion: Criterion, place: str) -> None:
    """A better value may never earn a lower contribution: the promise that raising a positively
    weighted metric never lowers the score."""
    bounds = sorted({b for band in criterion.bands for b in (band.low, band.high) if b is not None})
    step = 1 if criterion.money or METRICS[criterion.metric].unit == "count" else 1e-6
    probes = sorted({p for b in bounds for p in (b - step, b, b + step)} | {0})
    points = [criterion.points_for(p) for p in probes]
    rising = criterion.higher_is_better == (criterion.weight >= 0)
    pairs = list(pairwise(points))
    if any((b < a) if rising else (b > a) for a, b in pairs):
        raise _invalid(
            f"“{criterion.label.zh}”的分档不单调：更好的数值不能得更少的分",
            f"the bands of '{criterion.label.en}' are not monotone: a better value may not earn fewer points",
            place,
        )


# --- stored models ---------------------------------------------------------------------------


def list_models(session: Session) -> list[ScoringModel]:
    return list(
        session.scalars(select(ScoringModel).where(ScoringModel.deleted_at.is_(None)).order_by(ScoringModel.id))
    )


def _stored_active(session: Session) -> ScoringModel | None:
    return session.scalars(
        select(ScoringModel)
        .where(ScoringModel.deleted_at.is_(None), ScoringModel.is_active.is_(True))
        .order_by(ScoringModel.id)
        .limit(1)
    ).first()


def current_model(session: Session) -> ScoringModel:
    """The active model for reading: the stored one, or (before any exists) an unsaved default
    with no id, so reading never writes (a read-only database stays readable)."""
    model = _stored_active(session)
    if model is not None:
        return model
    existing = list_models(session)
    if existing:
        return existing[0]
    return ScoringModel(name=DEFAULT_MODEL_NAME, is_active=True, definition=default_definition(), version=1)


def active_model(session: Session) -> ScoringModel:
    """The active scoring model; the default one is created the first time none exists."""
    model = _stored_active(session)
    if model is not None:
        return model
    existing = list_models(session)
    if existing:
        model = existing[0]
        model.is_active = True
    else:
        model = ScoringModel(name=DEFAULT_MODEL_NAME, is_active=True, definition=default_definition())
        session.add(model)
    session.flush()
    _record_activation(session, model, reason="默认评分表 / default model")
    return model


def definition_of(model: ScoringModel) -> ScoringDefinition:
    return ScoringDefinition.from_json(model.definition)


def save_model(
    session: Session, name: str, definition: dict, *, model_id: int | None = None, activate: bool = False
) -> ScoringModel:
    """Create a model, or replace the definition of `model_id` (its version goes up)."""
    ScoringDefinition.from_json(definition)  # refuses an invalid sheet before anything is stored
    name = name.strip()
    if not name:
        raise ValidationError("评分表名称不能为空", "the scoring sheet needs a name", field="name")
    if model_id is None:
        model = ScoringModel(name=name, is_active=False, definition=copy.deepcopy(definition))
        session.add(model)
    else:
        model = _model(session, model_id)
        model.name = name
        model.definition = copy.deepcopy(definition)
    session.flush()
    if activate:
        activate_model(session, model.id)
    return model


def activate_model(session: Session, model_id: int, reason: str | None = None) -> ScoringModel:
    """Make one model the active one; recorded in the audit trail and the activation setting."""
    chosen = _model(session, model_id)
    for model in list_models(session):
        if model.is_active and model.id != chosen.id:
            model.is_active = False
    chosen.is_active = True
    session.flush()
    _record_activation(session, chosen, reason=reason)
    return chosen


def delete_model(session: Session, model_id: int) -> None:
    """Tombstone a stored model; the active one cannot go (activate another first)."""
    model = _model(session, model_id)
    if model.is_active:
        raise ValidationError(
            f"评分表“{model.name}”正在使用，不能删除；请先启用另一张评分表。",
            f"the scoring sheet '{model.name}' is in use and cannot be deleted; activate another one first.",
            field="model_id",
        )
    model.deleted_at = utcnow()
    session.flush()


def model_activations(session: Session) -> list[dict]:
    setting = session.scalars(select(Setting).where(Setting.key == ACTIVE_MODEL_SETTING)).first()
    if setting is None or not isinstance(setting.value, dict):
        return []
    return list(setting.value.get("history", []))


def _record_activation(session: Session, model: ScoringModel, reason: str | None) -> None:
    setting = session.scalars(select(Setting).where(Setting.key == ACTIVE_MODEL_SETTING)).first()
    entry = {
        "model_id": model.id,
        "model_uid": model.uid,
        "name": model.name,
        "version": model.version,
        "at": utcnow().isoformat(timespec="seconds"),
        "by": session.info.get("user"),
        "reason": reason,
    }
    history = list(setting.value.get("history", [])) if setting is not None and isinstance(setting.value, dict) else []
    value = {**entry, "history": [*history, entry]}
    if setting is None:
        session.add(Setting(key=ACTIVE_MODEL_SETTING, value=value))
    else:
        setting.value = value
    session.flush()


def _model(session: Session, model_id: int) -> ScoringModel:
    model = session.get(ScoringModel, model_id)
    if model is None or model.deleted_at is not None:
        raise ValidationError(f"找不到评分表 {model_id}", f"no scoring sheet {model_id}", field="model_id")
    return model


def criterion_labels(definition: ScoringDefinition) -> Iterable[tuple[str, Message]]:
    return ((c.key, c.label) for c in definition.criteria)


# --- which sheet graded the stored tiers ---------------------------------------------------------

GRADED_WITH = "tiering.graded_with"


@dataclass(frozen=True)
class GradedWith:
    """The scoring sheet (and its version) whose re-grade gave the tiers customers carry now."""

    model_id: int | None
    model_name: str
    model_version: int | None
    as_of: date | None
    fingerprint: str | None = None  # of the definition graded with (a rename changes the version only)

    def matches(self, model_id: int | None, version: int | None, definition: dict | None) -> bool:
        """Whether grading with this model now would use the same sheet as the stored tiers did."""
        if model_id != self.model_id:
            return False
        if self.fingerprint is not None and definition is not None:
            return self.fingerprint == definition_fingerprint(definition)
        return version == self.model_version


def definition_fingerprint(definition: dict) -> str:
    return hashlib.sha256(json.dumps(definition, sort_keys=True, ensure_ascii=False).encode("utf-8")).hexdigest()[:16]


def record_grading(session: Session, model: ScoringModel, as_of: date) -> None:
    """Note that the stored tiers are now this model's (bookkeeping: no audit entry)."""
    write_internal_setting(session, GRADED_WITH, {
        "model_id": model.id, "model_name": model.name, "model_version": model.version, "as_of": as_of.isoformat(),
        "fingerprint": definition_fingerprint(model.definition or {})})


def graded_with(session: Session) -> GradedWith | None:
    """Which sheet graded the stored tiers: as noted by the last re-grade, or (a book graded before
    that was noted) the sheet of the latest tier change a re-grade made; None if never graded."""
    value = session.scalar(select(Setting.value).where(Setting.key == GRADED_WITH))
    if isinstance(value, dict) and value.get("model_id") is not None:
        as_of = value.get("as_of")
        return GradedWith(int(value["model_id"]), str(value.get("model_name") or ""),
                          value.get("model_version"), date.fromisoformat(as_of) if as_of else None,
                          value.get("fingerprint"))
    row = session.execute(
        select(TierChange.model_id, TierChange.model_version, ScoringModel.name)
        .join(ScoringModel, ScoringModel.id == TierChange.model_id)
        .where(TierChange.manual.is_(False), TierChange.deleted_at.is_(None))
        .order_by(TierChange.id.desc()).limit(1)
    ).first()
    if row is None:
        return None
    return GradedWith(row[0], row[2], row[1], None)

