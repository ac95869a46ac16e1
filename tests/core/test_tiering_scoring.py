"""The scoring sheet: bands, weights, validation, grading by thresholds and by share."""

from __future__ import annotations

import dataclasses
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from accountdesk.core.i18n import ValidationError
from accountdesk.core.tiering.metrics import CustomerMetrics
from accountdesk.core.tiering.scoring import ScoringDefinition, default_definition


def sheet(**changes) -> ScoringDefinition:
    data = default_definition()
    data.update(changes)
    return ScoringDefinition.from_json(data)


def criterion(definition: ScoringDefinition, key: str):
    return next(c for c in definition.criteria if c.key == key)


def test_spend_bands_are_in_yuan_and_inclusive():
    spend = criterion(sheet(), "spend")
    assert spend.points_for(5_000_000) == 100  # 50,000.00 yuan in cents
    assert spend.points_for(4_999_999) == 80
    assert spend.points_for(0) == 0
    assert spend.band_for(5_000_000).label(money=True) == "≥ 50000.00"


def test_complaints_score_fewer_points_the_more_there_are():
    complaints = criterion(sheet(), "complaints")
    assert [complaints.points_for(n) for n in (0, 1, 2, 7)] == [100, 40, 0, 0]


def test_missing_satisfaction_scores_neutral_points():
    assert criterion(sheet(), "satisfaction").points_for(None) == 60


def test_composite_of_the_default_sheet():
    definition = sheet()
    best = CustomerMetrics(1, purchase_days=12, window_spend=5_000_000, tenure_years=6.0, influence=5,
                           satisfaction=5.0, open_complaints=0)
    assert definition.score(best) == 100.0
    assert definition.scorer()(best) == 100.0
    nothing = CustomerMetrics(2)  # prospect: only the neutral satisfaction and no complaints count
    assert definition.score(nothing) == pytest.approx((60 * 10 + 100 * 10) / 100)
    assert definition.tier_by_threshold(75) == "A"
    assert definition.tier_by_threshold(74.9) == "B"
    assert definition.tier_by_threshold(10) == "C"


def test_tier_names_are_configurable():
    definition = sheet(tiers=["高端", "中端", "低端"])
    assert definition.grade([(1, "a", 90.0), (2, "b", 60.0), (3, "c", 5.0)]) == {1: "高端", 2: "中端", 3: "低端"}


@pytest.mark.parametrize(
    ("change", "fragment"),
    [
        ({"tiers": ["A"]}, "two distinct tier names"),
        ({"grading": {"mode": "thresholds", "thresholds": [50]}}, "3 tiers need 2 thresholds"),
        ({"grading": {"mode": "thresholds", "thresholds": [50, 75]}}, "must fall"),
        ({"grading": {"mode": "share", "shares": [0.2, 0.3, 0.4]}}, "adding up to 1"),
        ({"grading": {"mode": "ranking"}}, "unknown grading mode"),
        ({"criteria": [{"metric": "shoe_size", "bands": [{"points": 1}]}]}, "unknown metric"),
        ({"criteria": [{"metric": "purchase_days", "bands": [{"min": 5, "points": 10}, {"min": 1, "points": 90}]}]},
         "not monotone"),
        ({"criteria": [{"metric": "purchase_days", "bands": [{"min": 5, "points": 120}]}]}, "within 0–100"),
        ({"criteria": [{"metric": "window_spend", "bands": [{"min": "1.005", "points": 10}]}]}, "amount"),
    ],
)
def test_invalid_sheets_are_refused_with_a_reason(change, fragment):
    data = default_definition()
    data.update(change)
    with pytest.raises(ValidationError) as raised:
        ScoringDefinition.from_json(data)
    assert fragment in raised.value.message.en
    assert raised.value.message.zh.startswith("评分表")


def test_a_negative_weight_needs_bands_that_rise_with_the_metric():
    data = default_definition()
    data["criteria"].append({"key": "penalty", "metric": "open_complaints", "weight": -20,
                             "bands": [{"min": 2, "points": 100}, {"min": 1, "points": 50}, {"points": 0}]})
    definition = ScoringDefinition.from_json(data)
    calm = CustomerMetrics(1, purchase_days=12, window_spend=5_000_000, tenure_years=6.0, influence=5,
                           satisfaction=5.0)
    angry = dataclasses.replace(calm, open_complaints=2)
    assert definition.score(calm) == 100.0
    assert definition.score(angry) < definition.score(calm)


# --- share mode ---------------------------------------------------------------------------------

shares = st.lists(st.integers(min_value=0, max_value=10), min_size=2, max_size=5).filter(lambda parts: sum(parts) > 0)


@settings(max_examples=150, deadline=None)
@given(parts=shares, scores=st.lists(st.integers(min_value=0, max_value=20), max_size=120))
def test_share_mode_puts_the_configured_share_in_each_tier(parts, scores):
    total = sum(parts)
    tiers = [f"T{i}" for i in range(len(parts))]
    data = default_definition()
    data["tiers"] = tiers
    data["grading"] = {"mode": "share", "shares": [f"{p}/{total}" for p in parts]}
    definition = ScoringDefinition.from_json(data)
    population = [(i, f"C{i:04d}", float(score)) for i, score in enumerate(scores)]
    graded = definition.grade(population)
    assert set(graded) == {i for i, _, _ in population}
    counts = [sum(1 for tier in graded.values() if tier == name) for name in tiers]
    n = len(population)
    for count, part in zip(counts, parts, strict=True):
        assert abs(count - Fraction(part, total) * n) < 2  # rounding of the cumulative shares
    assert sum(counts) == n
    # Better scores never land in a lower tier; equal scores split by customer code.
    rank = {name: index for index, name in enumerate(tiers)}
    ordered = sorted(population, key=lambda item: (-item[2], item[1]))
    positions = [rank[graded[i]] for i, _, _ in ordered]
    assert positions == sorted(positions)


def test_share_counts_add_up_exactly():
    definition = sheet(grading={"mode": "share", "shares": [0.2, 0.3, 0.5]})
    assert definition.share_counts(10) == [2, 3, 5]
    assert definition.share_counts(7) == [1, 3, 3]  # boundaries round(1.4)=1, round(3.5)=4
    assert definition.share_counts(0) == [0, 0, 0]


def test_share_mode_breaks_ties_by_code_every_time():
    definition = sheet(grading={"mode": "share", "shares": [0.5, 0.5, 0]})
    population = [(3, "C3", 50.0), (1, "C1", 50.0), (2, "C2", 50.0), (4, "C4", 50.0)]
    assert definition.grade(population) == {1: "A", 2: "A", 3: "B", 4: "B"}
    assert definition.grade(list(reversed(population))) == {1: "A", 2: "A", 3: "B", 4: "B"}


# --- monotone scores ----------------------------------------------------------------------------

RISING_METRICS = ["purchase_days", "purchase_count", "window_spend", "total_spend", "tenure_years",
                  "influence", "satisfaction", "referrals", "repeat_rate"]


@st.composite
def ladder(draw, metric: str) -> dict:
    bounds = sorted(set(draw(st.lists(st.integers(min_value=0, max_value=200), min_size=1, max_size=5))))
    points = sorted(draw(st.lists(st.integers(min_value=0, max_value=100), min_size=len(bounds),
                                  max_size=len(bounds))))
    bands = [{"min": bound, "points": p} for bound, p in zip(bounds, points, strict=True)]
    bands.reverse()  # the sheet lists the top rung first
    return {"key": metric, "metric": metric, "weight": draw(st.integers(min_value=1, max_value=50)),
            "bands": bands, "missing_points": draw(st.integers(min_value=0, max_value=100))}


@st.composite
def scoring_sheet(draw) -> dict:
    metrics = draw(st.lists(st.sampled_from(RISING_METRICS), min_size=1, max_size=5, unique=True))
    criteria = [draw(ladder(metric)) for metric in metrics]
    criteria.append({"key": "complaints", "metric": "open_complaints", "weight": 10,
                     "bands": [{"max": 0, "points": 100}, {"max": 2, "points": 30}, {"points": 0}]})
    return {"tiers": ["A", "B", "C"], "grading": {"mode": "thresholds", "thresholds": [70, 40]},
            "criteria": criteria}


@settings(max_examples=200, deadline=None)
@given(data=st.data())
def test_score_never_falls_when_a_positively_weighted_metric_rises(data):
    definition = ScoringDefinition.from_json(data.draw(scoring_sheet()))
    metric = data.draw(st.sampled_from([c.metric for c in definition.criteria if c.weight > 0
                                        and c.higher_is_better]))
    values = {name: data.draw(st.integers(min_value=0, max_value=250)) for name in RISING_METRICS}
    values["open_complaints"] = data.draw(st.integers(min_value=0, max_value=4))
    before = CustomerMetrics(1, **values)
    raised = dataclasses.replace(before, **{metric: values[metric] + data.draw(st.integers(1, 100))})
    assert definition.score(raised) >= definition.score(before)
    assert definition.scorer()(raised) == definition.score(raised)
