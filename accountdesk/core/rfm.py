"""RFM analysis: quintile scores for recency, frequency and monetary value, and the eight
customer segments (重要价值客户 … 一般挽留客户)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from accountdesk.core.i18n import Message
from accountdesk.core.metrics import CustomerMetrics

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
    scores: dict[float, int] = {}
    for position, value in enumerate(ordered):
        if value not in scores:
            scores[value] = 1 + min(4, 5 * position // count)
    return scores


def rfm_scores(population: Iterable[CustomerMetrics]) -> dict[int, RfmScore]:
    """R, F, M quintiles and segment for every customer who has bought at least once.

    Frequency and money are the window's figures; a score is "high" when it is above the
    population's mean score, the usual rule for the eight segments.
    """
    buyers = [m for m in population if m.recency_days is not None]
    if not buyers:
        return {}
    recency = quintile_scores([-m.recency_days for m in buyers])  # type: ignore[operator]
    frequency = quintile_scores([m.purchase_days for m in buyers])
    money = quintile_scores([m.window_spend for m in buyers])
    scores = [
        (m.customer_id, recency[-m.recency_days], frequency[m.purchase_days], money[m.window_spend])  # type: ignore[operator]
        for m in buyers
    ]
    count = len(scores)
    mean_r = sum(s[1] for s in scores) / count
    mean_f = sum(s[2] for s in scores) / count
    mean_m = sum(s[3] for s in scores) / count
    return {
        customer_id: RfmScore(r, f, m, SEGMENTS[(r > mean_r, f > mean_f, m > mean_m)])
        for customer_id, r, f, m in scores
    }
