"""RFM analysis: quintile scores for recency, frequency and monetary value, and the eight
customer segments (重要价值客户 … 一般挽留客户)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from accountdesk.core.i18n import Message
from accountdesk.core.tiering.metrics import CustomerMetrics

# Keyed by (R high, F high, M high); the stored value is the key, labels are for display.
SEGMENTS: dict[tuple[bool, bool, bool], str] = {
    (True, True, True): "important_value",
    (True, False, True): "important_develop",
    (False, True, True): "important_keep",
    (False, False, True): "important_retain",
    (True, True, False): "general_value",
    (True, False, False): "general_develop",
    (False, True, False): "general_keep",
    (False, False, False): "general_retain",
}
SEGMENT_LABELS: dict[str, Message] = {
    "important_value": Message("重要价值客户", "Important value"),
    "important_develop": Message("重要发展客户", "Important to develop"),
    "important_keep": Message("重要保持客户", "Important to keep"),
    "important_retain": Message("重要挽留客户", "Important to win back"),
    "general_value": Message("一般价值客户", "General value"),
    "general_develop": Message("一般发展客户", "General to develop"),
    "general_keep": Message("一般保持客户", "General to keep"),
    "general_retain": Message("一般挽留客户", "General to win back"),
}


@dataclass(frozen=True, slots=True)
class RfmScore:
    recency: int  # 1–5, 5 = bought most recently
    frequency: int  # 1–5, 5 = most purchase days in the window
    monetary: int  # 1–5, 5 = most spend in the window
    segment: str

    def as_dict(self) -> dict:
        return {
            "r": self.recency,
            "f": self.frequency,
            "m": self.monetary,
            "segment": self.segment,
            "segment_label": SEGMENT_LABELS[self.segment].zh,
        }


def quintile_scores(values: list[float]) -> dict[float, int]:
    """1–5 for each distinct value, by the share of the population strictly below it; equal
    values share a score."""
    ordered = sorted(values)
    count = len(ordered)
    # Walking down from the top, each value's last assignment is its first (lowest) position.
    first = {value: position for position, value in zip(range(count - 1, -1, -1), reversed(ordered), strict=True)}
    return {value: 1 + min(4, 5 * position // count) for value, position in first.items()}


def _rfm_triples(population: Iterable[CustomerMetrics]) -> list[tuple[int, int, int, int]]:
    buyers = [m for m in population if m.recency_days is not None]
    if not buyers:
        return []
    recency_of = [m.recency_days for m in buyers]
    frequency_of = [m.purchase_days for m in buyers]
    money_of = [m.window_spend for m in buyers]
    recency = quintile_scores([-days for days in recency_of])  # type: ignore[operator]
    frequency = quintile_scores(frequency_of)
    money = quintile_scores(money_of)
    return list(zip(
        [m.customer_id for m in buyers],
        [recency[-days] for days in recency_of],  # type: ignore[operator]
        map(frequency.__getitem__, frequency_of),
        map(money.__getitem__, money_of),
        strict=True,
    ))


def _segment_rule(scores: list[tuple[int, int, int, int]]):
    """The segment of an (R, F, M) score: each is "high" above the population's mean score."""
    count = len(scores)
    mean_r = sum(s[1] for s in scores) / count
    mean_f = sum(s[2] for s in scores) / count
    mean_m = sum(s[3] for s in scores) / count
    return lambda r, f, m: SEGMENTS[(r > mean_r, f > mean_f, m > mean_m)]


def rfm_scores(population: Iterable[CustomerMetrics]) -> dict[int, RfmScore]:
    """R, F, M quintiles and segment for every customer who has bought at least once.

    Frequency and money are the window's figures; a score is "high" when it is above the
    population's mean score, the usual rule for the eight segments.
    """
    scores = _rfm_triples(population)
    if not scores:
        return {}
    segment = _segment_rule(scores)
    return {customer_id: RfmScore(r, f, m, segment(r, f, m)) for customer_id, r, f, m in scores}


def rfm_segments(population: Iterable[CustomerMetrics]) -> dict[int, str]:
    """Only the segment of each buyer (as `rfm_scores` gives it), for re-grading the whole book."""
    scores = _rfm_triples(population)
    if not scores:
        return {}
    segment = _segment_rule(scores)
    # Eight segments from 125 score combinations: each is worked out once.
    table = {(r, f, m): segment(r, f, m) for r in range(1, 6) for f in range(1, 6) for m in range(1, 6)}
    return {customer_id: table[r, f, m] for customer_id, r, f, m in scores}
