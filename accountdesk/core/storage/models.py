"""The SQLAlchemy ORM: every table AccountDesk stores, and the rules every edited row follows."""

from __future__ import annotations

import uuid
from datetime import date, datetime, timezone
from decimal import Decimal

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    TypeDecorator,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, declared_attr, mapped_column, relationship

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

# Written into the SQLite header (PRAGMA application_id) so a file can be recognised
# as ours before anything is read or written: "ADK1".
SQLITE_APPLICATION_ID = 0x41444B31


def utcnow() -> datetime:
    return datetime.now(timezone.utc)


def new_uid() -> str:
    return str(uuid.uuid4())


class UTCDateTime(TypeDecorator[datetime]):
    """Stores instants as naive UTC and hands back aware UTC datetimes on every backend."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given where a UTC instant is stored")
        return value.astimezone(timezone.utc).replace(tzinfo=None)

    def process_result_value(self, value: datetime | None, dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=timezone.utc)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


# What the system derives and writes itself (re-grading): these columns sit outside the row's
# optimistic-lock version and its updated_at/updated_by stamps, so the nightly re-grade never
# collides with a person typing a phone number. Their history is the tier history.
DERIVED_COLUMNS: dict[str, frozenset[str]] = {
    "customers": frozenset({"tier", "score", "stage", "rfm_segment"}),
}


# Partial and expression indexes live in the migrations alone: declaring `sqlite_where` /
# `postgresql_where` here made SQLAlchemy import the whole PostgreSQL dialect at every start.
# Autogenerate (migrations/env.py) and the schema test leave exactly these alone.
MIGRATION_ONLY_INDEXES = frozenset({
    "uq_customers_code_live",
    "ix_transactions_live_by_customer",
    "ix_interactions_live_by_customer",
    "ix_customers_birthday_month_day",
    "ix_customers_cooperation_since_month_day",
})


def autogenerate_includes(obj, name, type_, reflected, compare_to) -> bool:
    """Alembic's include_object: everything but the indexes kept in the migrations alone."""
    return not (type_ == "index" and name in MIGRATION_ONLY_INDEXES)


class Tracked:
    """Columns every user-edited table carries: identity across copies, timestamps, author,
    an optimistic-lock version and a tombstone."""

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uid: Mapped[str] = mapped_column(String(36), default=new_uid, unique=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)
    updated_by: Mapped[str | None] = mapped_column(String(64))
    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)
    deleted_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    @declared_attr.directive
    def __mapper_args__(cls) -> dict:
        # The version is bumped by the audit hook (storage/audit.py), and only for what a person
        # edits: a background job writing DERIVED_COLUMNS never turns a person's save into a
        # conflict. Every UPDATE still checks the version it read.
        return {"version_id_col": cls.version, "version_id_generator": False}

    @property
    def is_deleted(self) -> bool:
        return self.deleted_at is not None


def cents_to_decimal(cents: int | None) -> Decimal | None:
    return None if cents is None else (Decimal(cents) / 100).quantize(Decimal("0.01"))


def decimal_to_cents(amount: Decimal | int | str) -> int:
    value = Decimal(str(amount)) * 100
    if value != value.to_integral_value():
        raise ValueError(f"amount {amount} has more than two decimal places")
    return int(value)


class User(Tracked, Base):
    __tablename__ = "users"

    name: Mapped[str] = mapped_column(String(64), unique=True)
    display_name: Mapped[str | None] = mapped_column(String(100))
    # rep: their own and shared customers; manager: also their team's; admin: every customer. On
    # PostgreSQL the server enforces it (migration 0020's row security); a local file does not.
    role: Mapped[str] = mapped_column(String(16), default="rep")
    team: Mapped[str | None] = mapped_column(String(64))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    # Contacts this owner can make in a day (the Today list's length, the levelling's ceiling);
    # None: the default (agenda.DEFAULT_CAPACITY).
    daily_capacity: Mapped[int | None] = mapped_column(Integer)


USER_ROLES = ("rep", "manager", "admin")


class Tag(Tracked, Base):
    __tablename__ = "tags"

    name: Mapped[str] = mapped_column(String(64), unique=True)
    color: Mapped[str | None] = mapped_column(String(16))


class CustomerTag(Base):
    __tablename__ = "customer_tags"

    customer_id: Mapped[int] = mapped_column(ForeignKey("customers.id", ondelete="CASCADE"), primary_key=True)
    tag_id: Mapped[int] = mapped_column(ForeignKey("tags.id", ondelete="CASCADE"), primary_key=True)


LIFECYCLE_STAGES = ("potential", "new", "active", "loyal", "at_risk", "churned")
NEED_TYPES = ("price", "quality", "service")
LEVELS = ("high", "mid", "low")


class Customer(Tracked, Base):
    """(Migration 0002 also indexes birthday and cooperation_since by month and day, with an
    expression per database that sql_time.month_day repeats.)"""

    __tablename__ = "customers"
    # 客户编号 is unique among live customers only (a deleted customer's code may be reused): the
    # partial unique index uq_customers_code_live (code) WHERE deleted_at IS NULL, from migration
    # 0001. Like every partial index it lives in the migrations only: a dialect's *_where argument
    # here would make SQLAlchemy import that dialect's whole package (asyncio included) at every
    # start, and the schema never comes from this metadata.
    __table_args__ = (Index("ix_customers_owner_tier", "owner_id", "tier"),)

    code: Mapped[str] = mapped_column(String(32))
    name: Mapped[str] = mapped_column(String(200))
    company: Mapped[str | None] = mapped_column(String(200))
    contact_person: Mapped[str | None] = mapped_column(String(100))
    phone: Mapped[str | None] = mapped_column(String(40), index=True)
    landline: Mapped[str | None] = mapped_column(String(40))  # 座机, beside the mobile in `phone`
    email: Mapped[str | None] = mapped_column(String(200))
    position: Mapped[str | None] = mapped_column(String(100))
    address: Mapped[str | None] = mapped_column(String(300))
    region: Mapped[str | None] = mapped_column(String(100), index=True)  # 城市/地区, a list filter
    industry: Mapped[str | None] = mapped_column(String(100))
    source: Mapped[str | None] = mapped_column(String(100))
    birthday: Mapped[date | None] = mapped_column(Date)
    cooperation_since: Mapped[date | None] = mapped_column(Date)
    owner_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    # Classification (客户分类); tier and stage are written by tiering, the rest entered.
    tier: Mapped[str | None] = mapped_column(String(16))
    score: Mapped[float | None] = mapped_column()
    tier_locked: Mapped[bool] = mapped_column(Boolean, default=False)
    tier_lock_reason: Mapped[str | None] = mapped_column(Text)
    stage: Mapped[str | None] = mapped_column(String(16))
    # A stage set by hand is kept by re-grading until unlocked, like a tier override.
    stage_locked: Mapped[bool] = mapped_column(Boolean, default=False)
    stage_lock_reason: Mapped[str | None] = mapped_column(Text)
    rfm_segment: Mapped[str | None] = mapped_column(String(32))
    referrals: Mapped[int] = mapped_column(Integer, default=0)
    followers: Mapped[int] = mapped_column(Integer, default=0)
    need_type: Mapped[str | None] = mapped_column(String(16))
    purchasing_power: Mapped[str | None] = mapped_column(String(8))
    notes: Mapped[str | None] = mapped_column(Text)
    # Columns a sheet brought that have no field of their own, header → text (an import loses nothing).
    custom_fields: Mapped[dict | None] = mapped_column(JSON)
    # Lower-case name, pinyin, initials, code, phone digits and contact names, for search.
    search_key: Mapped[str] = mapped_column(Text, default="")
    # A customer merged into another (a duplicate) is a tombstone naming the one kept (and a
    # foreign key, so merging diverged copies of the book maps it like every other reference).
    merged_into_id: Mapped[int | None] = mapped_column(ForeignKey("customers.id"))

    owner: Mapped[User | None] = relationship(lazy="joined")
    contacts: Mapped[list[Contact]] = relationship(back_populates="customer", order_by="Contact.id")
    tags: Mapped[list[Tag]] = relationship(secondary="customer_tags", order_by="Tag.name")


class CustomerCollaborator(Base):
    """A member who works on a customer they do not own (协作人): reading it, or changing it too."""

    __tablename__ = "customer_collaborators"

    customer_id: Mapped[int] = mapped_column(ForeignKey("customers.id", ondelete="CASCADE"), primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), primary_key=True, index=True)
    can_write: Mapped[bool] = mapped_column(Boolean, default=False)


class Contact(Tracked, Base):
    __tablename__ = "contacts"
    __table_args__ = (Index("ix_contacts_birthday", "birth_month", "birth_day"),)

    customer_id: Mapped[int] = mapped_column(ForeignKey("customers.id"), index=True)
    name: Mapped[str] = mapped_column(String(100))
    phone: Mapped[str | None] = mapped_column(String(40))
    email: Mapped[str | None] = mapped_column(String(200))
    wechat: Mapped[str | None] = mapped_column(String(100))
    position: Mapped[str | None] = mapped_column(String(100))
    is_primary: Mapped[bool] = mapped_column(Boolean, default=False)
    # A birthday is a month and day in the solar or the lunar calendar; the year is often
    # unknown. A lunar birthday in a leap month sets birth_leap_month.
    birth_calendar: Mapped[str] = mapped_column(String(8), default="solar")  # solar | lunar
    birth_year: Mapped[int | None] = mapped_column(Integer)
    birth_month: Mapped[int | None] = mapped_column(Integer)
    birth_day: Mapped[int | None] = mapped_column(Integer)
    birth_leap_month: Mapped[bool] = mapped_column(Boolean, default=False)
    notes: Mapped[str | None] = mapped_column(Text)

    customer: Mapped[Customer] = relationship(back_populates="contacts")

    @property
    def is_lunar_birthday(self) -> bool:
        return self.birth_calendar == "lunar"


class Transaction(Tracked, Base):
    __tablename__ = "transactions"
    # (and, from migration 0002, ix_transactions_live_by_customer (customer_id, occurred_on,
    # amount_cents) WHERE deleted_at IS NULL: everything grading and the churn check read of the
    # live rows, in customer order, so their aggregates scan it alone; see Customer on partial indexes)
    __table_args__ = (Index("ix_transactions_customer_date", "customer_id", "occurred_on"),)

    customer_id: Mapped[int] = mapped_column(ForeignKey("customers.id"))
    occurred_on: Mapped[date] = mapped_column(Date, index=True)
    product: Mapped[str | None] = mapped_column(String(200))
    quantity: Mapped[int | None] = mapped_column(Integer)
    amount_cents: Mapped[int] = mapped_column(BigInteger)
    notes: Mapped[str | None] = mapped_column(Text)

    @property
    def amount(self) -> Decimal:
        return cents_to_decimal(self.amount_cents)  # type: ignore[return-value]


INTERACTION_KINDS = ("phone", "email", "visit", "meeting", "wechat", "other")


class Interaction(Tracked, Base):
    __tablename__ = "interactions"
    __table_args__ = (
        # (and, from migration 0002, ix_interactions_live_by_customer (customer_id, occurred_at,
        # satisfaction) WHERE deleted_at IS NULL: see Transaction)
        Index("ix_interactions_customer_when", "customer_id", "occurred_at"),
        CheckConstraint("satisfaction IS NULL OR (satisfaction BETWEEN 1 AND 5)", name="satisfaction_range"),
    )

    customer_id: Mapped[int] = mapped_column(ForeignKey("customers.id"))
    contact_id: Mapped[int | None] = mapped_column(ForeignKey("contacts.id"))
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    kind: Mapped[str] = mapped_column(String(16))
    occurred_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)  # (from migration 0003)
    summary: Mapped[str | None] = mapped_column(Text)
    outcome: Mapped[str | None] = mapped_column(Text)
    next_step: Mapped[str | None] = mapped_column(Text)
    satisfaction: Mapped[int | None] = mapped_column(Integer)


FEEDBACK_KINDS = ("complaint", "suggestion", "praise")


class Feedback(Tracked, Base):
    __tablename__ = "feedback"

    customer_id: Mapped[int] = mapped_column(ForeignKey("customers.id"), index=True)
    kind: Mapped[str] = mapped_column(String(16))
    received_on: Mapped[date] = mapped_column(Date)
    content: Mapped[str] = mapped_column(Text)
    resolved: Mapped[bool] = mapped_column(Boolean, default=False)
    resolved_on: Mapped[date | None] = mapped_column(Date)
    resolution: Mapped[str | None] = mapped_column(Text)


REVISIT_STATES = ("planned", "done", "skipped")


class RevisitPlan(Tracked, Base):
    __tablename__ = "revisit_plans"
    __table_args__ = (Index("ix_revisit_plans_state_due", "state", "due_on"),
                      Index("ix_revisit_plans_owner_planned", "owner_id", "planned_for"))

    customer_id: Mapped[int] = mapped_column(ForeignKey("customers.id"), index=True)
    owner_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    due_on: Mapped[date] = mapped_column(Date)
    purpose: Mapped[str | None] = mapped_column(Text)
    channel: Mapped[str | None] = mapped_column(String(16))
    state: Mapped[str] = mapped_column(String(16), default="planned")
    done_on: Mapped[date | None] = mapped_column(Date)
    interaction_id: Mapped[int | None] = mapped_column(ForeignKey("interactions.id"))
    # The working day the revisit is to be made on, levelled to the owner's capacity: the due
    # date itself for a plan ahead, a coming day for one already overdue (due_on keeps how late).
    planned_for: Mapped[date | None] = mapped_column(Date)
    # A dated follow-up (下一步 with a date) is a plan made from the interaction that promised it;
    # None for revisits (the cadence's and those planned on purpose).
    origin_interaction_id: Mapped[int | None] = mapped_column(ForeignKey("interactions.id"), index=True)


REMINDER_KINDS = ("revisit", "birthday", "festival", "anniversary", "churn", "complaint", "custom")
REMINDER_STATES = ("new", "seen", "snoozed", "done", "dismissed")


class Reminder(Tracked, Base):
    __tablename__ = "reminders"
    __table_args__ = (Index("ix_reminders_state_due", "state", "due_on"),)

    # The key names what the reminder is about (e.g. "birthday:<contact uid>:2026"), so the
    # same reminder can never be raised twice, whoever generates it and however often.
    key: Mapped[str] = mapped_column(String(200), unique=True)
    kind: Mapped[str] = mapped_column(String(16))
    subject: Mapped[str] = mapped_column(String(300))
    detail: Mapped[str | None] = mapped_column(Text)
    customer_id: Mapped[int | None] = mapped_column(ForeignKey("customers.id"), index=True)
    contact_id: Mapped[int | None] = mapped_column(ForeignKey("contacts.id"))
    event_on: Mapped[date | None] = mapped_column(Date)
    due_on: Mapped[date] = mapped_column(Date)
    state: Mapped[str] = mapped_column(String(16), default="new")
    snoozed_until: Mapped[date | None] = mapped_column(Date)
    data: Mapped[dict | None] = mapped_column(JSON)


# 流失原因 and 挽回结果 (win-back): codes stored, labels in core/winback/plans.py.
WINBACK_REASONS = ("price", "quality", "service", "competitor", "need_gone", "contact_left", "other")
WINBACK_OUTCOMES = ("won", "lost")


class WinBack(Tracked, Base):
    """An attempt to win back a customer drifting away: why they drift, and how it ended."""

    __tablename__ = "win_backs"

    customer_id: Mapped[int] = mapped_column(ForeignKey("customers.id"), index=True)
    # The churn warning it was started from, if any (closed as done when the win-back starts).
    reminder_id: Mapped[int | None] = mapped_column(ForeignKey("reminders.id"))
    started_on: Mapped[date] = mapped_column(Date)
    reason: Mapped[str] = mapped_column(String(16))
    note: Mapped[str | None] = mapped_column(Text)
    outcome: Mapped[str | None] = mapped_column(String(16))  # None while open
    closed_on: Mapped[date | None] = mapped_column(Date)


class WinBackAction(Tracked, Base):
    """One dated step of a win-back plan (挽回措施); open steps appear in Today on their day."""

    __tablename__ = "win_back_actions"
    __table_args__ = (Index("ix_win_back_actions_done_due", "done_on", "due_on"),)

    win_back_id: Mapped[int] = mapped_column(ForeignKey("win_backs.id"), index=True)
    # The win-back's customer, kept on the step so its history and Today find it without a join.
    customer_id: Mapped[int] = mapped_column(ForeignKey("customers.id"), index=True)
    due_on: Mapped[date] = mapped_column(Date)
    action: Mapped[str] = mapped_column(String(200))
    done_on: Mapped[date | None] = mapped_column(Date)


CARE_RECORD_KINDS = ("gift", "coupon", "points")


class CareRecord(Tracked, Base):
    """客户回馈: a gift, coupon or points given to a customer, with what it cost."""

    __tablename__ = "care_records"

    customer_id: Mapped[int] = mapped_column(ForeignKey("customers.id"), index=True)
    kind: Mapped[str] = mapped_column(String(16))
    item: Mapped[str] = mapped_column(String(200))
    value_cents: Mapped[int] = mapped_column(BigInteger)
    given_on: Mapped[date] = mapped_column(Date, index=True)
    occasion: Mapped[str | None] = mapped_column(String(100))


class ScoringModel(Tracked, Base):
    __tablename__ = "scoring_models"

    name: Mapped[str] = mapped_column(String(100))
    is_active: Mapped[bool] = mapped_column(Boolean, default=False)
    # Criteria, bands, weights, grading mode and tier names; see tiering.py.
    definition: Mapped[dict] = mapped_column(JSON)


class TierPolicy(Tracked, Base):
    __tablename__ = "tier_policies"

    tier: Mapped[str] = mapped_column(String(16), unique=True)
    sort_order: Mapped[int] = mapped_column(Integer, default=0)
    revisit_interval_days: Mapped[int] = mapped_column(Integer)
    channel: Mapped[str | None] = mapped_column(String(16))
    service_level: Mapped[str | None] = mapped_column(String(100))
    discount_percent: Mapped[str | None] = mapped_column(String(16))  # exact decimal text, e.g. "8.5"
    rep_level: Mapped[str | None] = mapped_column(String(100))
    action_plan: Mapped[str | None] = mapped_column(Text)


class TierChange(Tracked, Base):
    __tablename__ = "tier_changes"

    customer_id: Mapped[int] = mapped_column(ForeignKey("customers.id"), index=True)
    changed_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    old_tier: Mapped[str | None] = mapped_column(String(16))
    new_tier: Mapped[str | None] = mapped_column(String(16))
    score: Mapped[float | None] = mapped_column()
    model_id: Mapped[int | None] = mapped_column(ForeignKey("scoring_models.id"))
    model_version: Mapped[int | None] = mapped_column(Integer)
    manual: Mapped[bool] = mapped_column(Boolean, default=False)
    reason: Mapped[str | None] = mapped_column(Text)


class Setting(Tracked, Base):
    """Team-wide settings kept in the database (per-machine ones live in QSettings)."""

    __tablename__ = "settings"

    key: Mapped[str] = mapped_column(String(100), unique=True)
    value: Mapped[dict | list | str | int | float | bool | None] = mapped_column(JSON)


def write_internal_setting(session, key: str, value: object, *, user: str | None = None) -> None:
    """Store a setting the program keeps for itself (run states, merge points): bookkeeping, not a
    user's edit, so it is written with Core and leaves no audit entry."""
    table = Setting.__table__
    now = utcnow()
    changed = {"updated_by": user} if user else {}
    result = session.execute(
        table.update().where(table.c.key == key)
        .values(value=value, updated_at=now, version=table.c.version + 1, deleted_at=None, **changed)
    )
    if not result.rowcount:
        session.execute(table.insert().values(uid=new_uid(), created_at=now, updated_at=now, version=1,
                                              updated_by=user or session.info.get("user"), key=key, value=value))


class AuditEntry(Base):
    __tablename__ = "audit_entries"
    __table_args__ = (Index("ix_audit_entries_entity", "entity", "entity_uid"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uid: Mapped[str] = mapped_column(String(36), default=new_uid, unique=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)
    user: Mapped[str | None] = mapped_column(String(64))
    entity: Mapped[str] = mapped_column(String(32))  # table name
    entity_uid: Mapped[str] = mapped_column(String(36))
    customer_id: Mapped[int | None] = mapped_column(Integer, index=True)
    action: Mapped[str] = mapped_column(String(16))  # create | update | delete | restore
    field: Mapped[str | None] = mapped_column(String(64))
    old_value: Mapped[str | None] = mapped_column(Text)
    new_value: Mapped[str | None] = mapped_column(Text)
    # An entry merged in from a copy: `user` is who merged it and `at` when; what the copy claimed
    # (a name nobody may have signed in as, a date that may be made up) is kept only as text.
    merged_from: Mapped[str | None] = mapped_column(String(500))
    claimed_user: Mapped[str | None] = mapped_column(String(64))
    claimed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class ImportBatch(Base):
    """One import run, kept so it can be reviewed and undone."""

    __tablename__ = "import_batches"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uid: Mapped[str] = mapped_column(String(36), default=new_uid, unique=True)
    kind: Mapped[str] = mapped_column(String(16))
    file_name: Mapped[str] = mapped_column(String(500))
    sheet: Mapped[str | None] = mapped_column(String(200))
    started_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    user: Mapped[str | None] = mapped_column(String(64))
    summary: Mapped[dict | None] = mapped_column(JSON)
    undone_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class ImportRecord(Base):
    """What one import did to one row: created it, or updated it from `before`."""

    __tablename__ = "import_records"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    batch_id: Mapped[int] = mapped_column(ForeignKey("import_batches.id", ondelete="CASCADE"), index=True)
    entity: Mapped[str] = mapped_column(String(32))
    entity_id: Mapped[int] = mapped_column(Integer)
    action: Mapped[str] = mapped_column(String(16))  # created | updated
    before: Mapped[dict | None] = mapped_column(JSON)


class CustomerMerge(Base):
    """One merge of a duplicate customer into the one kept: which rows moved, kept for its undo."""

    __tablename__ = "customer_merges"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uid: Mapped[str] = mapped_column(String(36), default=new_uid, unique=True)
    merged_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    user: Mapped[str | None] = mapped_column(String(64))
    kept_id: Mapped[int] = mapped_column(ForeignKey("customers.id"), index=True)
    merged_id: Mapped[int] = mapped_column(ForeignKey("customers.id"), index=True)
    moved: Mapped[dict] = mapped_column(JSON)  # table name → ids of the rows moved to the kept customer
    undone_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class Presence(Base):
    """Who has the database open, refreshed by a heartbeat; stale rows expire."""

    __tablename__ = "presence"
    __table_args__ = (UniqueConstraint("session_uid"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    session_uid: Mapped[str] = mapped_column(String(36), default=new_uid)
    user: Mapped[str] = mapped_column(String(64))
    machine: Mapped[str] = mapped_column(String(200))
    pid: Mapped[int] = mapped_column(Integer)
    since: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    heartbeat_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class CustomerActivity(Base):
    """What the daily churn check needs of each customer's purchases and contacts, kept between runs.

    A cache, not user data: derived from transactions and interactions as of `day` in the
    "reminders.activity" setting, refreshed each day for the customers whose rows changed or whose
    purchases crossed a window boundary, and rebuilt from scratch whenever in doubt. Days are
    date ordinals (local days for contacts), so the check compares integers.
    """

    __tablename__ = "customer_activity"

    customer_id: Mapped[int] = mapped_column(ForeignKey("customers.id"), primary_key=True)
    entered_day: Mapped[int] = mapped_column(Integer)  # local day the customer entered the archive
    last_purchase_day: Mapped[int | None] = mapped_column(Integer)
    purchase_days: Mapped[int] = mapped_column(Integer, default=0)  # distinct purchase days
    median_gap: Mapped[float | None] = mapped_column(Float)  # median days between purchase days
    recent_spend_cents: Mapped[int] = mapped_column(BigInteger, default=0)
    previous_spend_cents: Mapped[int] = mapped_column(BigInteger, default=0)
    last_contact_day: Mapped[int | None] = mapped_column(Integer)
    changed_day: Mapped[int] = mapped_column(Integer)  # the day these figures last changed


class CustomerFigures(Base):
    """What grading needs of each customer's purchases and contacts, kept between re-grades.

    A cache, not user data: the columns of metrics.FIGURE_COLUMNS as of `day` in the
    "tiering.figures" setting, for the window of months named there. A re-grade reworks the
    customers whose rows changed and moves the window figures of those whose purchases or contacts
    crossed a window boundary, and rebuilds from scratch whenever in doubt. Customers with neither
    a purchase nor a contact have no row.
    """

    __tablename__ = "customer_figures"

    customer_id: Mapped[int] = mapped_column(ForeignKey("customers.id"), primary_key=True)
    purchase_count: Mapped[int] = mapped_column(Integer)  # all time, as the window's below
    spend_cents: Mapped[int] = mapped_column(BigInteger)
    first_purchase_day: Mapped[int | None] = mapped_column(Integer)  # date ordinals
    last_purchase_day: Mapped[int | None] = mapped_column(Integer)
    purchase_days: Mapped[int] = mapped_column(Integer)  # distinct purchase days
    median_gap: Mapped[float | None] = mapped_column(Float)  # median days between purchase days
    window_count: Mapped[int] = mapped_column(Integer)
    window_days: Mapped[int] = mapped_column(Integer)
    window_spend_cents: Mapped[int] = mapped_column(BigInteger)
    previous_spend_cents: Mapped[int] = mapped_column(BigInteger)  # the window before
    last_contact_day: Mapped[int | None] = mapped_column(Integer)  # a local day
    satisfaction_sum: Mapped[int] = mapped_column(Integer)  # contacts in the window that were scored
    satisfaction_count: Mapped[int] = mapped_column(Integer)


class Meta(Base):
    """Properties of the database file itself (application marker, shared mode, change counter)."""

    __tablename__ = "meta"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


TRACKED_MODELS: tuple[type[Tracked], ...] = (
    User,
    Tag,
    Customer,
    Contact,
    Transaction,
    Interaction,
    Feedback,
    RevisitPlan,
    Reminder,
    ScoringModel,
    TierPolicy,
    TierChange,
    Setting,
    WinBack,
    WinBackAction,
    CareRecord,
)
