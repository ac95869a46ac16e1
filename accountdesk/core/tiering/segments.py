"""Purchase frequency as the method's classes (高频/中频/低频), from a customer's own purchase days, with bands the team sets."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from accountdesk.core.i18n import Message, ValidationError
from accountdesk.core.storage.models import Setting
from accountdesk.core.tiering.metrics import CustomerMetrics

FREQUENCY_SETTING = "segments.frequency_bands"
FREQUENCY_LEVELS = ("high", "mid", "low")
FREQUENCY_LABELS = {
    "high": Message("高频", "high frequency"),
    "mid": Message("中频", "medium frequency"),
    "low": Message("低频", "low frequency"),
}


@dataclass(frozen=True)
class FrequencyBands:
    """Distinct purchase days within the scoring window (12 months by default) from which a
    customer buys often (高频) or now and then (中频); fewer is 低频. The defaults follow the
    default sheet's frequency rungs: monthly buyers are high, quarterly ones medium."""

    high_min_days: int = 12
    mid_min_days: int = 4

    def level(self, metrics: CustomerMetrics) -> str | None:
        """high / mid / low; None for a customer who never bought (its frequency is unknown)."""
        return self.level_of_days(metrics.purchase_days, metrics.purchase_days_all)

    def level_of_days(self, window_days: int, all_days: int) -> str | None:
        """The class of `window_days` purchase days in the window (`all_days` ever; 0: unknown)."""
        if not all_days:
            return None
        if window_days >= self.high_min_days:
            return "high"
        return "mid" if window_days >= self.mid_min_days else "low"

    def as_dict(self) -> dict[str, int]:
        return {"high_min_days": self.high_min_days, "mid_min_days": self.mid_min_days}


def frequency_bands(session: Session) -> FrequencyBands:
    stored = session.scalar(select(Setting.value).where(Setting.key == FREQUENCY_SETTING, Setting.deleted_at.is_(None)))
    if not isinstance(stored, dict):
        return FrequencyBands()
    try:
        return FrequencyBands(int(stored["high_min_days"]), int(stored["mid_min_days"]))
    except (KeyError, TypeError, ValueError):
        return FrequencyBands()


def save_frequency_bands(session: Session, high_min_days: int, mid_min_days: int) -> FrequencyBands:
    """Set the bands (a team setting, in the change history like any other)."""
    if not 1 <= mid_min_days < high_min_days:
        raise ValidationError("购买频率分档：高频的购买天数须多于中频，且都至少为 1",
                              "frequency bands: high frequency needs more purchase days than medium, and both at least 1",
                              field="frequency_bands")
    bands = FrequencyBands(high_min_days, mid_min_days)
    setting = session.scalar(select(Setting).where(Setting.key == FREQUENCY_SETTING))
    if setting is None:
        session.add(Setting(key=FREQUENCY_SETTING, value=bands.as_dict()))
    else:
        setting.value = bands.as_dict()
        setting.deleted_at = None
    session.flush()
    return bands
