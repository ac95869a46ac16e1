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


def changes_of(session) -> Changes:
    """What a session's flushes changed so far (ORM changes; bulk statements report their own)."""
    return session.info.setdefault("changes", Changes())
