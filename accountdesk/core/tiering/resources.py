"""Resources that act (资源配置): which customers are owned by someone below the rep level their tier's policy asks for."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from accountdesk.core.i18n import Message, ValidationError
from accountdesk.core.storage.models import Customer, User
from accountdesk.core.tiering.policies import TierPolicyView, tier_policies

# The roles a member has (User.role, which on a server also decides what they see: rep, manager,
# admin) read as rep levels: a rep is an account manager, a manager leads a team (the senior
# level). "admin" is an account's rights, not a rep level: an admin owning customers is not judged.
ROLE_RANKS = {"rep": 2, "manager": 3}
ROLE_LABELS = {
    "rep": Message("客户经理", "account manager"),
    "manager": Message("团队主管", "team manager"),
    "admin": Message("管理员", "administrator"),
}
# Words of a policy's rep level (free text, e.g. "资深客户经理") that name a rank, most senior first.
_LEVEL_WORDS = (
    (3, ("资深", "高级", "senior", "总监", "director", "vp", "副总")),
    (2, ("经理", "manager", "account")),
    (1, ("专员", "客服", "助理", "初级", "junior", "rep", "assistant")),
)


def rank_of_level(text: str | None) -> int | None:
    """The rank a policy's rep level names; None when it names none we know (then nothing is checked)."""
    if not text:
        return None
    lowered = text.strip().lower()
    if lowered in ROLE_RANKS:
        return ROLE_RANKS[lowered]
    for rank, words in _LEVEL_WORDS:
        if any(word in lowered for word in words):
            return rank
    return None


def required_rank(policy: TierPolicyView | None, top_tier: bool) -> int | None:
    """What a tier asks of its customers' owners: its policy's rep level, or for the best tier at
    least an account manager (the method: an A customer is never left to a junior)."""
    rank = rank_of_level(policy.rep_level if policy is not None else None)
    if rank is None and top_tier:
        return ROLE_RANKS["rep"]
    return rank


@dataclass(frozen=True)
class ResourceGap:
    """Customers of one tier owned by one person below what the tier asks (owner None: nobody owns them)."""

    tier: str
    owner: str | None  # login
    owner_role: str | None
    customers: int
    required: str  # the policy's rep level as written, or the role asked for
    top_tier: bool

    @property
    def junior(self) -> bool:
        return self.owner_role == "rep"

    def message(self, owner_name: str | None = None) -> Message:
        who = owner_name or self.owner
        if self.owner is None:
            return Message(f"{self.tier} 级：{self.customers} 位客户没有负责人（应由{self.required}负责）",
                           f"Tier {self.tier}: {self.customers} customer(s) have no owner ({self.required} asked)")
        role = ROLE_LABELS.get(self.owner_role or "", Message(self.owner_role or "", self.owner_role or ""))
        return Message(f"{self.tier} 级：{who}（{role.zh}）负责 {self.customers} 位客户，低于要求的{self.required}",
                       f"Tier {self.tier}: {who} ({role.en}) owns {self.customers} customer(s), "
                       f"below the {self.required} the tier asks")

    def as_dict(self) -> dict:
        return {"tier": self.tier, "owner": self.owner, "owner_role": self.owner_role, "customers": self.customers,
                "required": self.required, "junior": self.junior}


def resource_gaps(session: Session) -> list[ResourceGap]:
    """Per tier and owner, the live customers whose owner is below the tier's rep level (or who
    have none), best tier first, most customers first. One grouped read of the customers."""
    policies = tier_policies(session)
    if not policies:
        return []
    asked: dict[str, tuple[int, str, bool]] = {}
    for position, policy in enumerate(policies):
        rank = required_rank(policy, position == 0)
        if rank is not None:
            role = min((code for code, value in ROLE_RANKS.items() if value >= rank), key=ROLE_RANKS.get, default="manager")
            asked[policy.tier] = (rank, (policy.rep_level or "").strip() or ROLE_LABELS[role].text(), position == 0)
    if not asked:
        return []
    roles = {uid: (name, role) for uid, name, role in session.execute(select(User.id, User.name, User.role))}
    gaps: list[ResourceGap] = []
    for tier, owner_id, count in session.execute(
        select(Customer.tier, Customer.owner_id, func.count())
        .where(Customer.deleted_at.is_(None), Customer.tier.in_(list(asked)))
        .group_by(Customer.tier, Customer.owner_id)
    ):
        rank, required, top = asked[tier]
        name, role = roles.get(owner_id, (None, None)) if owner_id is not None else (None, None)
        if owner_id is not None and (role not in ROLE_RANKS or ROLE_RANKS[role] >= rank):
            continue
        gaps.append(ResourceGap(tier, name, role, int(count), required, top))
    order = {policy.tier: index for index, policy in enumerate(policies)}
    return sorted(gaps, key=lambda g: (order[g.tier], -g.customers, g.owner is None, g.owner or ""))


def owner_roles(session: Session, owner_ids: list[int]) -> dict[int, str]:
    """Each owner's role (User.role), by id."""
    if not owner_ids:
        return {}
    return dict(session.execute(select(User.id, User.role).where(User.id.in_(owner_ids))).all())


def set_owner_role(session: Session, owner_id: int, role: str) -> User:
    """An owner's role (rep, manager or admin; on a server also what they may see); in the change history."""
    if role not in (*ROLE_RANKS, "admin"):
        raise ValidationError(f"未知的角色“{role}”", f"unknown role '{role}'", field="role")
    user = session.get(User, owner_id)
    if user is None or user.deleted_at is not None:
        raise ValidationError(f"负责人 {owner_id} 不存在。", f"Owner {owner_id} does not exist.", field="owner_id")
    user.role = role
    session.flush()
    return user
