"""Win-back figures for a period: how many were started and why (churn reasons), how many were won
back or lost, the win-back rate, overall and per owner."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from accountdesk.core.storage.models import WINBACK_REASONS, Customer, User, WinBack

UNASSIGNED = "—"


@dataclass
class WinBackCounts:
    """One owner's (or everyone's) win-backs: started in the period by reason, closed in it by outcome."""

    owner: str
    started: int = 0
    still_open: int = 0  # of those started in the period
    won: int = 0
    lost: int = 0
    reasons: dict[str, int] = field(default_factory=dict)

    @property
    def rate(self) -> float | None:
        """Won back among those that ended in the period (None when none ended)."""
        ended = self.won + self.lost
        return self.won / ended if ended else None

    def as_dict(self) -> dict:
        return {"owner": self.owner, "started": self.started, "open": self.still_open, "won": self.won,
                "lost": self.lost, "rate": self.rate, "reasons": dict(self.reasons)}


@dataclass
class WinBackFigures:
    start: date
    end: date
    total: WinBackCounts
    owners: list[WinBackCounts]

    def as_dict(self) -> dict:
        return {"start": self.start.isoformat(), "end": self.end.isoformat(), **self.total.as_dict(),
                "owners": [o.as_dict() for o in self.owners]}


def win_back_figures(session: Session, start: date, end: date) -> WinBackFigures:
    """Reasons count the win-backs started between start and end; the rate those that ended then."""
    total = WinBackCounts(owner="")
    owners: dict[str, WinBackCounts] = {}
    reasons: dict[str, Counter] = {}
    rows = session.execute(
        select(User.name, WinBack.reason, WinBack.started_on, WinBack.outcome, WinBack.closed_on)
        .join(Customer, Customer.id == WinBack.customer_id)
        .outerjoin(User, User.id == Customer.owner_id)
        .where(WinBack.deleted_at.is_(None), Customer.deleted_at.is_(None),
               (WinBack.started_on.between(start, end)) | (WinBack.closed_on.between(start, end)))
    )
    for owner, reason, started_on, outcome, closed_on in rows:
        key = owner or UNASSIGNED
        mine = owners.setdefault(key, WinBackCounts(owner=key))
        for counts in (total, mine):
            if start <= started_on <= end:
                counts.started += 1
                counts.still_open += outcome is None
                reasons.setdefault(counts.owner, Counter())[reason] += 1
            if closed_on is not None and start <= closed_on <= end:
                counts.won += outcome == "won"
                counts.lost += outcome == "lost"
    order = {code: index for index, code in enumerate(WINBACK_REASONS)}
    for counts in (total, *owners.values()):
        found = reasons.get(counts.owner, Counter())
        counts.reasons = dict(sorted(found.items(), key=lambda kv: (-kv[1], order.get(kv[0], 99))))
    ranked = sorted(owners.values(), key=lambda c: (c.owner == UNASSIGNED, -c.started, c.owner))
    return WinBackFigures(start, end, total, ranked)
