"""Named customer-list views (e.g. "A 级 · 价格敏感 · 有流失风险"): a combination of filters the team saves and picks again."""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from accountdesk.core.archive.customer_list import CustomerFilter
from accountdesk.core.changes import changes_of
from accountdesk.core.i18n import ValidationError
from accountdesk.core.storage.models import LEVELS, LIFECYCLE_STAGES, NEED_TYPES, Setting
from accountdesk.core.tiering.rfm import SEGMENT_LABELS
from accountdesk.core.tiering.segments import FREQUENCY_LEVELS

# One settings row holds every view of the team: views are few, read together, and travel with
# the book (backups, merges of a copy) like every other team setting.
VIEWS_SETTING = "customers.saved_views"
MAX_NAME = 80

# What a view keeps of a filter. "today" is not kept (an overdue view means overdue on the day it
# is picked), nor the frequency bands (the team's current bands apply).
_TEXT_FIELDS = ("text", "tier", "stage", "tag", "purchasing_power", "need_type", "frequency_level", "rfm_segment")
_CHOICES = {"stage": LIFECYCLE_STAGES, "purchasing_power": LEVELS, "need_type": NEED_TYPES,
            "frequency_level": FREQUENCY_LEVELS, "rfm_segment": tuple(SEGMENT_LABELS)}


@dataclass(frozen=True)
class SavedView:
    name: str
    text: str = ""
    tier: str | None = None
    stage: str | None = None
    owner_id: int | None = None
    tag: str | None = None
    overdue: bool = False
    churn_risk: bool = False
    purchasing_power: str | None = None
    need_type: str | None = None
    frequency_level: str | None = None
    rfm_segment: str | None = None
    region: str | None = None

    def customer_filter(self, today: date | None = None) -> CustomerFilter:
        return CustomerFilter(
            text=self.text, tier=self.tier, stage=self.stage, owner_id=self.owner_id, tag=self.tag,
            overdue=self.overdue, churn_risk=self.churn_risk, today=today, purchasing_power=self.purchasing_power,
            need_type=self.need_type, frequency_level=self.frequency_level, rfm_segment=self.rfm_segment,
            region=self.region,
        )

    def as_dict(self) -> dict[str, Any]:
        return {f.name: getattr(self, f.name) for f in fields(self)}

    @classmethod
    def of_filter(cls, name: str, flt: CustomerFilter) -> SavedView:
        return cls(name=name, text=flt.text.strip(), tier=flt.tier, stage=flt.stage, owner_id=flt.owner_id,
                   tag=flt.tag, overdue=flt.overdue, churn_risk=flt.churn_risk,
                   purchasing_power=flt.purchasing_power, need_type=flt.need_type,
                   frequency_level=flt.frequency_level, rfm_segment=flt.rfm_segment, region=flt.region)

    @classmethod
    def from_stored(cls, stored: Any) -> SavedView | None:
        """A stored view, or None for one this version cannot read (it is skipped, never an error)."""
        if not isinstance(stored, dict) or not isinstance(stored.get("name"), str) or not stored["name"].strip():
            return None
        values: dict[str, Any] = {"name": stored["name"].strip()}
        for key in _TEXT_FIELDS:
            value = stored.get(key)
            if isinstance(value, str) and value and (key not in _CHOICES or value in _CHOICES[key]):
                values[key] = value
        owner = stored.get("owner_id")
        if isinstance(owner, int) and not isinstance(owner, bool):
            values["owner_id"] = owner
        for key in ("overdue", "churn_risk"):
            values[key] = stored.get(key) is True
        return cls(**values)


def _stored(session: Session) -> Setting | None:
    return session.scalar(select(Setting).where(Setting.key == VIEWS_SETTING))


def saved_views(session: Session) -> list[SavedView]:
    """The team's views, in name order."""
    setting = _stored(session)
    if setting is None or setting.deleted_at is not None or not isinstance(setting.value, list):
        return []
    views = [view for view in map(SavedView.from_stored, setting.value) if view is not None]
    return sorted({view.name: view for view in views}.values(), key=lambda view: view.name)


def _write(session: Session, views: list[SavedView]) -> None:
    value = [view.as_dict() for view in sorted(views, key=lambda view: view.name)]
    setting = _stored(session)
    if setting is None:
        session.add(Setting(key=VIEWS_SETTING, value=value))
    else:
        setting.value = value
        setting.deleted_at = None
    session.flush()
    changes_of(session).settings = True


def save_view(session: Session, name: str, flt: CustomerFilter) -> SavedView:
    """Save the filter under a name (a view of the same name is replaced); in the change history
    like any team setting."""
    name = (name or "").strip()
    if not name:
        raise ValidationError("视图需要一个名称", "a view needs a name", field="name")
    if len(name) > MAX_NAME:
        raise ValidationError(f"视图名称最多 {MAX_NAME} 个字", f"a view name has at most {MAX_NAME} characters",
                              field="name")
    view = SavedView.of_filter(name, flt)
    _write(session, [v for v in saved_views(session) if v.name != name] + [view])
    return view


def delete_view(session: Session, name: str) -> bool:
    """Remove a view; False when there was none of that name."""
    views = saved_views(session)
    kept = [v for v in views if v.name != name]
    if len(kept) == len(views):
        return False
    _write(session, kept)
    return True
