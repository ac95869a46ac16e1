"""What stored codes (stages, kinds, fields, audit actions) are called on screen, in either language."""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLocale

from accountdesk.core.storage.models import cents_to_decimal

STAGES = {
    "potential": QT_TRANSLATE_NOOP("Labels", "Potential"),
    "new": QT_TRANSLATE_NOOP("Labels", "New"),
    "active": QT_TRANSLATE_NOOP("Labels", "Active"),
    "loyal": QT_TRANSLATE_NOOP("Labels", "Loyal"),
    "at_risk": QT_TRANSLATE_NOOP("Labels", "At risk"),
    "churned": QT_TRANSLATE_NOOP("Labels", "Churned"),
}
INTERACTION_KINDS = {
    "phone": QT_TRANSLATE_NOOP("Labels", "Phone call"),
    "email": QT_TRANSLATE_NOOP("Labels", "Email"),
    "visit": QT_TRANSLATE_NOOP("Labels", "Visit"),
    "meeting": QT_TRANSLATE_NOOP("Labels", "Meeting"),
    "wechat": QT_TRANSLATE_NOOP("Labels", "WeChat"),
    "other": QT_TRANSLATE_NOOP("Labels", "Other"),
}
FEEDBACK_KINDS = {
    "complaint": QT_TRANSLATE_NOOP("Labels", "Complaint"),
    "suggestion": QT_TRANSLATE_NOOP("Labels", "Suggestion"),
    "praise": QT_TRANSLATE_NOOP("Labels", "Praise"),
}
NEED_TYPES = {
    "price": QT_TRANSLATE_NOOP("Labels", "Price-sensitive"),
    "quality": QT_TRANSLATE_NOOP("Labels", "Quality-sensitive"),
    "service": QT_TRANSLATE_NOOP("Labels", "Service-sensitive"),
}
LEVELS = {
    "high": QT_TRANSLATE_NOOP("Labels", "High"),
    "mid": QT_TRANSLATE_NOOP("Labels", "Medium"),
    "low": QT_TRANSLATE_NOOP("Labels", "Low"),
}
# Purchasing power (购买力) is stored as a level; the method calls its classes 高端/中端/低端.
PURCHASING_POWER = {
    "high": QT_TRANSLATE_NOOP("Labels", "High-end buyer"),
    "mid": QT_TRANSLATE_NOOP("Labels", "Mid-range buyer"),
    "low": QT_TRANSLATE_NOOP("Labels", "Low-end buyer"),
}
AUDIT_ACTIONS = {
    "create": QT_TRANSLATE_NOOP("Labels", "Created"),
    "update": QT_TRANSLATE_NOOP("Labels", "Changed"),
    "delete": QT_TRANSLATE_NOOP("Labels", "Deleted"),
    "restore": QT_TRANSLATE_NOOP("Labels", "Restored"),
    # A value typed, then given up for a colleague's in a conflict: Before is what stayed.
    "discarded": QT_TRANSLATE_NOOP("Labels", "Not kept (conflict)"),
    "merge": QT_TRANSLATE_NOOP("Labels", "Merged"),
    "unmerge": QT_TRANSLATE_NOOP("Labels", "Merge undone"),
}
ENTITIES = {
    "customers": QT_TRANSLATE_NOOP("Labels", "Customer"),
    "contacts": QT_TRANSLATE_NOOP("Labels", "Contact"),
    "transactions": QT_TRANSLATE_NOOP("Labels", "Transaction"),
    "interactions": QT_TRANSLATE_NOOP("Labels", "Interaction"),
    "feedback": QT_TRANSLATE_NOOP("Labels", "Feedback"),
    "revisit_plans": QT_TRANSLATE_NOOP("Labels", "Revisit plan"),
    "reminders": QT_TRANSLATE_NOOP("Labels", "Reminder"),
    "tier_changes": QT_TRANSLATE_NOOP("Labels", "Tier change"),
    "win_backs": QT_TRANSLATE_NOOP("Labels", "Win-back"),
    "win_back_actions": QT_TRANSLATE_NOOP("Labels", "Win-back action"),
    "care_records": QT_TRANSLATE_NOOP("Labels", "Care given"),
}
# 流失原因, as core/winback/plans.py codes them.
WINBACK_REASONS = {
    "price": QT_TRANSLATE_NOOP("Labels", "Price"),
    "quality": QT_TRANSLATE_NOOP("Labels", "Quality"),
    "service": QT_TRANSLATE_NOOP("Labels", "Service"),
    "competitor": QT_TRANSLATE_NOOP("Labels", "Competitor"),
    "need_gone": QT_TRANSLATE_NOOP("Labels", "Need gone"),
    "contact_left": QT_TRANSLATE_NOOP("Labels", "Contact left"),
    "other": QT_TRANSLATE_NOOP("Labels", "Other reason"),
}
WINBACK_OUTCOMES = {
    "won": QT_TRANSLATE_NOOP("Labels", "Won back"),
    "lost": QT_TRANSLATE_NOOP("Labels", "Lost"),
}
CARE_KINDS = {
    "gift": QT_TRANSLATE_NOOP("Labels", "Gift"),
    "coupon": QT_TRANSLATE_NOOP("Labels", "Coupon"),
    "points": QT_TRANSLATE_NOOP("Labels", "Points"),
}
FIELDS = {
    "code": QT_TRANSLATE_NOOP("Labels", "Code"),
    "name": QT_TRANSLATE_NOOP("Labels", "Name"),
    "company": QT_TRANSLATE_NOOP("Labels", "Company"),
    "contact_person": QT_TRANSLATE_NOOP("Labels", "Contact person"),
    "phone": QT_TRANSLATE_NOOP("Labels", "Phone"),
    "email": QT_TRANSLATE_NOOP("Labels", "Email"),
    "position": QT_TRANSLATE_NOOP("Labels", "Position"),
    "address": QT_TRANSLATE_NOOP("Labels", "Address"),
    "landline": QT_TRANSLATE_NOOP("Labels", "Landline"),
    "region": QT_TRANSLATE_NOOP("Labels", "Region"),
    "custom_fields": QT_TRANSLATE_NOOP("Labels", "Custom fields"),
    "industry": QT_TRANSLATE_NOOP("Labels", "Industry"),
    "source": QT_TRANSLATE_NOOP("Labels", "Source"),
    "birthday": QT_TRANSLATE_NOOP("Labels", "Birthday"),
    "cooperation_since": QT_TRANSLATE_NOOP("Labels", "Customer since"),
    "owner_id": QT_TRANSLATE_NOOP("Labels", "Owner"),
    "owner": QT_TRANSLATE_NOOP("Labels", "Owner"),
    "tier": QT_TRANSLATE_NOOP("Labels", "Tier"),
    "score": QT_TRANSLATE_NOOP("Labels", "Score"),
    "tier_locked": QT_TRANSLATE_NOOP("Labels", "Tier locked"),
    "tier_lock_reason": QT_TRANSLATE_NOOP("Labels", "Reason for the tier lock"),
    "stage": QT_TRANSLATE_NOOP("Labels", "Stage"),
    "rfm_segment": QT_TRANSLATE_NOOP("Labels", "RFM segment"),
    "referrals": QT_TRANSLATE_NOOP("Labels", "Referrals"),
    "followers": QT_TRANSLATE_NOOP("Labels", "Followers"),
    "need_type": QT_TRANSLATE_NOOP("Labels", "Need type"),
    "purchasing_power": QT_TRANSLATE_NOOP("Labels", "Purchasing power"),
    "notes": QT_TRANSLATE_NOOP("Labels", "Notes"),
    "tags": QT_TRANSLATE_NOOP("Labels", "Tags"),
    "wechat": QT_TRANSLATE_NOOP("Labels", "WeChat"),
    "is_primary": QT_TRANSLATE_NOOP("Labels", "Primary contact"),
    "birth_calendar": QT_TRANSLATE_NOOP("Labels", "Birthday calendar"),
    "birth_year": QT_TRANSLATE_NOOP("Labels", "Birth year"),
    "birth_month": QT_TRANSLATE_NOOP("Labels", "Birthday month"),
    "birth_day": QT_TRANSLATE_NOOP("Labels", "Birthday day"),
    "birth_leap_month": QT_TRANSLATE_NOOP("Labels", "Leap month"),
    "occurred_on": QT_TRANSLATE_NOOP("Labels", "Date"),
    "occurred_at": QT_TRANSLATE_NOOP("Labels", "Time"),
    "product": QT_TRANSLATE_NOOP("Labels", "Product"),
    "quantity": QT_TRANSLATE_NOOP("Labels", "Quantity"),
    "amount_cents": QT_TRANSLATE_NOOP("Labels", "Amount"),
    "amount": QT_TRANSLATE_NOOP("Labels", "Amount"),
    "kind": QT_TRANSLATE_NOOP("Labels", "Kind"),
    "summary": QT_TRANSLATE_NOOP("Labels", "Summary"),
    "outcome": QT_TRANSLATE_NOOP("Labels", "Outcome"),
    "next_step": QT_TRANSLATE_NOOP("Labels", "Next step"),
    "satisfaction": QT_TRANSLATE_NOOP("Labels", "Satisfaction"),
    "contact_id": QT_TRANSLATE_NOOP("Labels", "Contact"),
    "user_id": QT_TRANSLATE_NOOP("Labels", "Recorded by"),
    "received_on": QT_TRANSLATE_NOOP("Labels", "Received"),
    "content": QT_TRANSLATE_NOOP("Labels", "Content"),
    "resolved": QT_TRANSLATE_NOOP("Labels", "Resolved"),
    "resolved_on": QT_TRANSLATE_NOOP("Labels", "Resolved on"),
    "resolution": QT_TRANSLATE_NOOP("Labels", "Resolution"),
    "due_on": QT_TRANSLATE_NOOP("Labels", "Due"),
    "purpose": QT_TRANSLATE_NOOP("Labels", "Purpose"),
    "channel": QT_TRANSLATE_NOOP("Labels", "Channel"),
    "state": QT_TRANSLATE_NOOP("Labels", "State"),
    "done_on": QT_TRANSLATE_NOOP("Labels", "Done on"),
    "customer_id": QT_TRANSLATE_NOOP("Labels", "Customer"),
    "merged_into_id": QT_TRANSLATE_NOOP("Labels", "Merged into"),
    "merged_into": QT_TRANSLATE_NOOP("Labels", "Merged into"),
    "merged_from": QT_TRANSLATE_NOOP("Labels", "Merged from"),
}


def _translate(table: dict[str, str], code: str | None) -> str:
    if not code:
        return ""
    source = table.get(code)
    return QCoreApplication.translate("Labels", source) if source else code


def stage(code: str | None) -> str:
    return _translate(STAGES, code)


def interaction_kind(code: str | None) -> str:
    return _translate(INTERACTION_KINDS, code)


def feedback_kind(code: str | None) -> str:
    return _translate(FEEDBACK_KINDS, code)


def need_type(code: str | None) -> str:
    return _translate(NEED_TYPES, code)


def level(code: str | None) -> str:
    return _translate(LEVELS, code)


def purchasing_power(code: str | None) -> str:
    return _translate(PURCHASING_POWER, code)


def audit_action(code: str | None) -> str:
    return _translate(AUDIT_ACTIONS, code)


def entity(code: str | None) -> str:
    return _translate(ENTITIES, code)


def field(code: str | None) -> str:
    return _translate(FIELDS, code)


def winback_reason(code: str | None) -> str:
    return _translate(WINBACK_REASONS, code)


def winback_outcome(code: str | None) -> str:
    return _translate(WINBACK_OUTCOMES, code)


def care_kind(code: str | None) -> str:
    return _translate(CARE_KINDS, code)


def choices(table: dict[str, str]) -> list[tuple[str, str]]:
    """(code, translated label) pairs in the table's order, for combo boxes."""
    return [(code, QCoreApplication.translate("Labels", source)) for code, source in table.items()]


# --- values ---------------------------------------------------------------------------------


def join(items) -> str:
    """A short list in running text: "VIP、华东" in Chinese, "VIP, East" in English."""
    return QCoreApplication.translate("Labels", ", ").join(items)


def money(cents: int | None) -> str:
    """¥12,345.60 (grouped in the interface language; exact, from integer cents)."""
    if cents is None:
        return ""
    amount = cents_to_decimal(cents)
    sign = "-" if cents < 0 else ""
    whole, _, fraction = f"{abs(amount):.2f}".partition(".")
    grouped = QLocale().toString(int(whole))
    return f"{sign}¥{grouped}.{fraction}"


def day(value: date | datetime | None) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        value = value.astimezone().date()
    return value.isoformat()


def moment(value: datetime | None) -> str:
    """A stored UTC instant in the user's local time, to the minute."""
    if value is None:
        return ""
    return value.astimezone().strftime("%Y-%m-%d %H:%M")


def score(value: float | None) -> str:
    return "" if value is None else f"{value:.1f}"
