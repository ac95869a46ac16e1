"""What a mutation changed, so views refresh exactly what concerns them."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Changes:
    customers: set[int] = field(default_factory=set)
    customer_list: bool = False  # rows added or removed, not only edited
    contacts: bool = False
    transactions: bool = False
    interactions: bool = False
    feedback: bool = False
    revisits: bool = False
    reminders: bool = False
    winbacks: bool = False
    care: bool = False
    tiers: bool = False
    settings: bool = False
    users: bool = False
    everything: bool = False  # an import, merge, restore or another user's commit

    def __or__(self, other: Changes) -> Changes:
        merged = Changes()
        for name in self.__dataclass_fields__:
            mine, theirs = getattr(self, name), getattr(other, name)
            setattr(merged, name, mine | theirs)
        return merged

    def touches(self, name: str) -> bool:
        return self.everything or bool(getattr(self, name))

    @classmethod
    def all(cls) -> Changes:
        return cls(everything=True)


# Which part of the interface a table's rows show up in.
TABLE_FLAGS = {
    "customers": "customer_list",
    "contacts": "contacts",
    "transactions": "transactions",
    "interactions": "interactions",
    "feedback": "feedback",
    "revisit_plans": "revisits",
    "reminders": "reminders",
    "win_backs": "winbacks",
    "win_back_actions": "winbacks",
    "care_records": "care",
    "scoring_models": "tiers",
    "tier_policies": "tiers",
    "tier_changes": "tiers",
    "settings": "settings",
    "users": "users",
    "tags": "customer_list",
    "customer_tags": "customer_list",
}


def changes_for_table(name: str, customer_ids=()) -> Changes:
    """What writing rows of table `name` (of these customers) changed, for a statement that wrote
    many rows at once; an ORM flush reports per row (storage/audit.py)."""
    changes = Changes(customers=set(customer_ids))
    flag = TABLE_FLAGS.get(name)
    if flag:
        setattr(changes, flag, True)
    return changes


def changes_of(session) -> Changes:
    """What a session changed so far: its ORM flushes (storage/audit.py) and every bulk writer,
    which records here too (record()), so callers announce what the core did, never a guess."""
    return session.info.setdefault("changes", Changes())


def record(session, changes: Changes) -> Changes:
    """Add what a bulk statement changed to the session's record; returns the whole record."""
    merged = changes_of(session) | changes
    session.info["changes"] = merged
    return merged
