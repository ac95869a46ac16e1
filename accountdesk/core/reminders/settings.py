"""The team's reminder settings (lead times, churn thresholds, festivals, greetings), kept in one Setting."""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from accountdesk.core.reminders.care_dates import DEFAULT_FESTIVALS, CustomDay
from accountdesk.core.storage.models import Setting

SETTING_KEY = "reminders"
ANY_TIER = "*"

DEFAULT_LEAD_DAYS = {"birthday": 3, "festival": 3, "anniversary": 7, "revisit": 3}

# Greeting suggestions per tier (行动方案: A one-to-one and warm, C short and standard).
# Placeholders: {name} the contact or customer, {occasion} the festival, {years} of cooperation.
DEFAULT_GREETINGS: dict[str, dict[str, str]] = {
    "birthday": {
        "A": "{name}，生日快乐！感谢您一直以来的信任与支持，我们为您准备了一份生日心意，祝您身体健康、万事顺意。",
        "B": "{name}，生日快乐！祝您工作顺利，生活美满。",
        ANY_TIER: "{name}，祝您生日快乐！",
    },
    "festival": {
        "A": "{name}，{occasion}快乐！感谢您长期以来的支持，祝您和家人阖家幸福、万事如意。",
        "B": "{name}，{occasion}快乐！祝您和家人节日愉快。",
        ANY_TIER: "{occasion}快乐！感谢您的支持。",
    },
    "anniversary": {
        "A": "{name}，今天是我们合作 {years} 周年。感谢您的信任，我们将继续为您提供专属服务。",
        "B": "{name}，感谢 {years} 年来的合作与支持，期待继续携手。",
        ANY_TIER: "感谢 {years} 年来的合作与支持！",
    },
}


@dataclass
class ChurnThresholds:
    """流失预警 rules; each names its numbers so a warning can say why it fired.

    The defaults aim at a warning list a key-account manager works through, not one that names
    every quiet customer: on the demo book about one customer in six, mostly those already at
    risk. Lower them in the settings for a more watchful team.
    """

    # Days since the last purchase above gap_factor × the customer's own median purchase gap.
    # 3: a monthly buyer is flagged after three missed orders, past the jitter of normal ordering.
    gap_factor: float = 3.0
    min_purchase_days: int = 4  # distinct purchase days needed before a "typical gap" means anything
    # Never warn about a purchase fewer days ago than this: as lifecycle's at_risk_min_days, two
    # months, so a weekly buyer missing three weeks is not yet a churn case.
    min_silence_days: int = 60
    # Spend in the last window_days down more than spend_drop_percent against the window before.
    # Half-year windows, as quarterly and seasonal buyers swing too much from one quarter to the next.
    window_days: int = 180
    spend_drop_percent: int = 75
    # Only customers who spent at least this much in the earlier window (¥5,000): small accounts
    # dropping from a few hundred yuan are noise on a key-account list.
    min_previous_spend_cents: int = 500_000
    # No interaction for this many days, per tier ("*" for customers without a tier): twice each
    # tier's default revisit interval (A 30, B 60, C 90 days), i.e. a whole revisit missed.
    silence_days: dict[str, int] = field(default_factory=lambda: {"A": 60, "B": 120, "C": 180, ANY_TIER: 180})
    # A complaint still unresolved this many days after it was received.
    complaint_days: int = 7

    def silence_for(self, tier: str | None) -> int:
        return int(self.silence_days.get(tier or ANY_TIER, self.silence_days.get(ANY_TIER, 180)))


@dataclass
class ReminderSettings:
    lead_days: dict[str, int] = field(default_factory=lambda: dict(DEFAULT_LEAD_DAYS))
    # Care moments that fell due while the app was closed are still raised this many days late.
    catch_up_days: int = 7
    # A planned revisit is "due" (amber) from its date and "overdue" (red) after this grace.
    grace_days: int = 7
    festivals: list[str] = field(default_factory=lambda: list(DEFAULT_FESTIVALS))
    custom_days: list[CustomDay] = field(default_factory=list)
    churn: ChurnThresholds = field(default_factory=ChurnThresholds)
    greetings: dict[str, dict[str, str]] = field(default_factory=lambda: {k: dict(v) for k, v in DEFAULT_GREETINGS.items()})

    def lead(self, kind: str) -> int:
        return int(self.lead_days.get(kind, 0))

    def greeting(self, kind: str, tier: str | None, **values: Any) -> str | None:
        by_tier = self.greetings.get(kind) or DEFAULT_GREETINGS.get(kind) or {}
        template = by_tier.get(tier or ANY_TIER) or by_tier.get(ANY_TIER)
        if not template:
            return None
        try:
            return template.format(**values)
        except (KeyError, IndexError, ValueError):  # a hand-edited template with a bad placeholder
            return template

    @classmethod
    def from_json(cls, value: dict | None) -> ReminderSettings:
        settings = cls()
        if not isinstance(value, dict):
            return settings
        settings.lead_days.update({str(k): int(v) for k, v in (value.get("lead_days") or {}).items()})
        for name in ("catch_up_days", "grace_days"):
            if value.get(name) is not None:
                setattr(settings, name, int(value[name]))
        if isinstance(value.get("festivals"), list):
            settings.festivals = [str(code) for code in value["festivals"]]
        settings.custom_days = [CustomDay.from_json(item) for item in value.get("custom_days") or []]
        churn = value.get("churn") or {}
        for spec in fields(ChurnThresholds):
            if spec.name in churn:
                current = getattr(settings.churn, spec.name)
                if isinstance(current, dict):
                    current.update({str(k): int(v) for k, v in churn[spec.name].items()})
                else:
                    setattr(settings.churn, spec.name, type(current)(churn[spec.name]))
        for kind, by_tier in (value.get("greetings") or {}).items():
            settings.greetings.setdefault(kind, {}).update({str(k): str(v) for k, v in by_tier.items()})
        return settings

    def as_json(self) -> dict:
        churn = {spec.name: getattr(self.churn, spec.name) for spec in fields(ChurnThresholds)}
        return {
            "lead_days": dict(self.lead_days),
            "catch_up_days": self.catch_up_days,
            "grace_days": self.grace_days,
            "festivals": list(self.festivals),
            "custom_days": [custom.as_json() for custom in self.custom_days],
            "churn": churn,
            "greetings": {kind: dict(by_tier) for kind, by_tier in self.greetings.items()},
        }


def load_reminder_settings(session: Session) -> ReminderSettings:
    value = session.scalar(select(Setting.value).where(Setting.key == SETTING_KEY, Setting.deleted_at.is_(None)))
    return ReminderSettings.from_json(value if isinstance(value, dict) else None)


def save_reminder_settings(session: Session, settings: ReminderSettings) -> None:
    row = session.scalar(select(Setting).where(Setting.key == SETTING_KEY))
    if row is None:
        session.add(Setting(key=SETTING_KEY, value=settings.as_json()))
    else:
        row.value = settings.as_json()
        row.deleted_at = None
    session.flush()
