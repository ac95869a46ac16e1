"""The reminder centre: raising care, revisit and churn reminders exactly once, their states, what is due."""

from __future__ import annotations

import json
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from sqlalchemy import func, or_, select, update
from sqlalchemy.orm import Session

from accountdesk.core.bulk_rows import insert_rows, new_uids
from accountdesk.core.changes import Changes
from accountdesk.core.i18n import Message, ValidationError, current_language
from accountdesk.core.models import (
    REMINDER_KINDS,
    REMINDER_STATES,
    Contact,
    Customer,
    Feedback,
    Interaction,
    Reminder,
    RevisitPlan,
    Setting,
    TierPolicy,
    Transaction,
    new_uid,
    utcnow,
)
from accountdesk.core.reminder_settings import SETTING_KEY, ReminderSettings, load_reminder_settings
from accountdesk.core.reminder_sources import SOURCES, Candidate
from accountdesk.core.revisits import PLANNER, close_open_reminders, plan_revisits, serialize_generation
from accountdesk.core.sql_time import dialect_name

KIND_NAMES = {
    "revisit": Message("回访", "Revisit"),
    "birthday": Message("生日", "Birthday"),
    "festival": Message("节日", "Festival"),
    "anniversary": Message("合作纪念", "Anniversary"),
    "churn": Message("流失预警", "Churn warning"),
    "complaint": Message("投诉", "Complaint"),
    "custom": Message("自定义", "Custom"),
}
OPEN_STATES = ("new", "seen", "snoozed")
CARE_KINDS = ("birthday", "festival", "anniversary")
_CHUNK = 500
_KEY_CHUNK = 5000  # well under SQLite's 32,766 bound parameters


@dataclass
class GenerationReport:
    """What one generation run did; `created` counts reminders raised by this run only."""

    today: date
    full: bool = True  # a full pass over every customer, or only those changed since the last run
    scope_size: int | None = None
    created: Counter = field(default_factory=Counter)
    new_keys: list[str] = field(default_factory=list)
    planned_revisits: int = 0
    woken: int = 0  # snoozed reminders whose date came
    superseded: int = 0  # "due" revisit reminders replaced by their "overdue" one
    seconds: float = 0.0

    @property
    def total_created(self) -> int:
        return sum(self.created.values())

    @property
    def changes(self) -> Changes:
        return Changes(reminders=bool(self.total_created or self.woken or self.superseded),
                       revisits=bool(self.planned_revisits))

    def summary(self) -> Message:
        parts_zh = "，".join(f"{KIND_NAMES[k].zh} {n}" for k, n in sorted(self.created.items())) or "无"
        parts_en = ", ".join(f"{KIND_NAMES[k].en.lower()} {n}" for k, n in sorted(self.created.items())) or "none"
        return Message(f"新提醒 {self.total_created} 条（{parts_zh}）；新回访计划 {self.planned_revisits} 个。",
                       f"{self.total_created} new reminders ({parts_en}); {self.planned_revisits} revisits planned.")

    def as_dict(self) -> dict:
        return {"today": self.today.isoformat(), "full": self.full, "scope_size": self.scope_size,
                "created": dict(self.created), "total_created": self.total_created,
                "planned_revisits": self.planned_revisits, "woken": self.woken, "superseded": self.superseded,
                "seconds": round(self.seconds, 3)}


# --- raising -------------------------------------------------------------------------------------

_REMINDER_COLUMNS = ["uid", "created_at", "updated_at", "updated_by", "version", "key", "kind", "subject", "detail",
                     "customer_id", "contact_id", "event_on", "due_on", "state", "snoozed_until", "data"]


def existing_keys(session: Session, keys: list[str]) -> set[str]:
    """Which of these reminder keys are already raised (looked up through the unique index).

    Straight through the driver: a full pass checks ~100,000 keys, and SQLAlchemy's expanding
    IN costs more than the lookups themselves.
    """
    found: set[str] = set()
    if not keys:
        return found
    connection = session.connection()
    if dialect_name(session) == "postgresql":
        rows = connection.exec_driver_sql("SELECT key FROM reminders WHERE key = ANY(%s)", (list(keys),))
        return {row[0] for row in rows}
    for start in range(0, len(keys), _KEY_CHUNK):
        chunk = keys[start:start + _KEY_CHUNK]
        marks = ",".join("?" * len(chunk))
        found.update(row[0] for row in connection.exec_driver_sql(
            f"SELECT key FROM reminders WHERE key IN ({marks})", tuple(chunk)))
    return found


def _insert_ignoring_duplicates(session: Session, rows: list[tuple]) -> int:
    """INSERT … ON CONFLICT (key) DO NOTHING: the unique key, not a prior check, is what makes a
    reminder raised exactly once, whoever else inserts it between our check and our insert."""
    return insert_rows(session, Reminder.__table__, _REMINDER_COLUMNS, rows, ignore_conflicts_on="key")


def raise_reminders(session: Session, candidates: list[Candidate]) -> list[str]:
    """Insert the candidates whose key is new; returns the keys this call inserted."""
    unique: dict[str, Candidate] = {}
    for candidate in candidates:
        unique.setdefault(candidate.key, candidate)
    if not unique:
        return []
    known = existing_keys(session, list(unique))
    # In key order, so the unique key index is filled at one end (see new_uids).
    fresh = sorted((c for key, c in unique.items() if key not in known), key=lambda c: c.key)
    now, user = utcnow(), session.info.get("user")
    uids = new_uids(len(fresh))
    rows = []
    for uid, c in zip(uids, fresh, strict=True):
        data = dict(c.data)
        data["en"] = {"subject": c.subject_en, "detail": c.detail_en}
        # Bulk insert: no ORM flush stamps these rows, so the tracked columns are set here.
        rows.append((uid, now, now, user, 1, c.key, c.kind, c.subject_zh[:300], c.detail_zh, c.customer_id,
                     c.contact_id, c.event_on, c.due_on, "new", None, data))
    inserted = _insert_ignoring_duplicates(session, rows)
    if inserted == len(rows):
        return [c.key for c in fresh]
    # Someone else raised some of them meanwhile: ours are exactly the rows carrying our uids.
    ours: set[str] = set()
    for start in range(0, len(uids), _CHUNK):
        ours.update(session.scalars(select(Reminder.key).where(Reminder.uid.in_(uids[start:start + _CHUNK]))))
    return [c.key for c in fresh if c.key in ours]


def _wake_snoozed(session: Session, today: date) -> int:
    table = Reminder.__table__
    result = session.execute(
        update(table)
        .where(table.c.state == "snoozed", table.c.snoozed_until <= today, table.c.deleted_at.is_(None))
        .values(state="new", version=table.c.version + 1, updated_at=utcnow(), updated_by=session.info.get("user"))
    )
    return result.rowcount or 0


# --- incremental runs ----------------------------------------------------------------------------

STATE_SETTING = "reminders.generation"
# Rows are stamped by their writer's clock and committed a little after they were stamped:
# looking back this much before the last run's start absorbs both (on SQLite writers queue,
# so nothing committed later can carry an earlier stamp; each day's first run is full anyway).
_LOOKBACK = timedelta(minutes=10)
# Beyond this many changed customers a full pass is as cheap as a scoped one.
_MAX_SCOPE = 5000
_MAX_SCOPE_ROWS = 20000


@dataclass(frozen=True)
class _RunState:
    day: date
    at: datetime
    rules: str  # fingerprint of the settings and tier policies the run used


def _load_state(session: Session) -> _RunState | None:
    value = session.scalar(select(Setting.value).where(Setting.key == STATE_SETTING))
    try:
        return _RunState(date.fromisoformat(value["day"]), datetime.fromisoformat(value["at"]), str(value["rules"]))
    except (TypeError, KeyError, ValueError):
        return None


def _save_state(session: Session, today: date, started: datetime, rules: str) -> None:
    """Bookkeeping, not a user's edit: written with Core, so it leaves no audit entry every 30 minutes."""
    table = Setting.__table__
    value = {"day": today.isoformat(), "at": started.isoformat(), "rules": rules}
    now = utcnow()
    result = session.execute(
        update(table).where(table.c.key == STATE_SETTING)
        .values(value=value, updated_at=now, version=table.c.version + 1, deleted_at=None)
    )
    if not result.rowcount:
        session.execute(table.insert().values(uid=new_uid(), created_at=now, updated_at=now, version=1,
                                              updated_by=session.info.get("user"), key=STATE_SETTING, value=value))


def changed_customers(session: Session, since: datetime) -> set[int] | None:
    """Customers any of whose rows were written since `since` (None: too many to be worth scoping)."""
    ids: set[int] = set()
    sources = [
        select(Customer.id).where(Customer.updated_at >= since),
        select(Contact.customer_id).where(Contact.updated_at >= since),
        select(Transaction.customer_id).where(Transaction.updated_at >= since),
        select(Interaction.customer_id).where(Interaction.updated_at >= since),
        select(Feedback.customer_id).where(Feedback.updated_at >= since),
        # Plans the cadence wrote itself were handled by the run that wrote them.
        select(RevisitPlan.customer_id).where(RevisitPlan.updated_at >= since,
                                              or_(RevisitPlan.updated_by.is_(None), RevisitPlan.updated_by != PLANNER)),
    ]
    for query in sources:
        # No DISTINCT: it would make SQLite walk the customer_id index instead of the
        # updated_at range; duplicates fall out in the set.
        rows = session.scalars(query.limit(_MAX_SCOPE_ROWS + 1)).all()
        ids.update(rows)
        if len(rows) > _MAX_SCOPE_ROWS or len(ids) > _MAX_SCOPE:
            return None
    return ids


def _rules_fingerprint(session: Session) -> str:
    """Changes whenever the reminder settings or a tier policy (intervals, channels) change."""
    setting = session.execute(
        select(Setting.updated_at, Setting.version).where(Setting.key == SETTING_KEY)).first()
    policies = session.execute(
        select(func.max(TierPolicy.updated_at), func.count(), func.sum(TierPolicy.version))).first()
    return repr((tuple(setting) if setting else None, tuple(policies) if policies else None))


def _scope(session: Session, today: date, full: bool | None, rules: str) -> set[int] | None:
    """None for a full pass (a new day, new rules, or asked for); else the customers changed since."""
    if full:
        return None
    state = _load_state(session)
    if state is None or state.day != today or state.rules != rules:
        return None
    return changed_customers(session, state.at - _LOOKBACK)


def generate_reminders(session: Session, today: date, *, settings: ReminderSettings | None = None,
                       full: bool | None = None) -> GenerationReport:
    """Plan missing revisits and raise every reminder due by `today` (plus lead times) exactly once.

    Idempotent, and it catches up: care moments of the last `catch_up_days` and every overdue
    revisit are raised even if no run happened on their day. Safe to run from several processes
    at once; the unique key makes a second raise a no-op.

    Whether a reminder exists depends only on the date, the rules and the rows of its customer,
    so the first run of a day looks at every customer and later runs that day only at customers
    whose rows changed since the previous run (what keeps the 30-minute runs cheap).
    """
    started_clock = time.perf_counter()
    serialize_generation(session)
    started = utcnow()
    settings = settings or load_reminder_settings(session)
    rules = _rules_fingerprint(session)
    scope = _scope(session, today, full, rules)
    report = GenerationReport(today=today, full=scope is None, scope_size=None if scope is None else len(scope))
    if scope is None or scope:
        report.planned_revisits = plan_revisits(session, today, customer_ids=scope)
    report.woken = _wake_snoozed(session, today)
    candidates: list[Candidate] = []
    if scope is None or scope:
        for _kind, source in SOURCES:
            candidates.extend(source(session, today, settings, scope))
    kinds = {c.key: c.kind for c in candidates}
    report.new_keys = raise_reminders(session, candidates)
    report.created.update(kinds[key] for key in report.new_keys)
    overdue = [key for key in report.new_keys if key.startswith("revisit:") and key.endswith(":overdue")]
    report.superseded = close_open_reminders(session, [key[: -len("overdue")] + "due" for key in overdue], "done")
    _save_state(session, today, started, rules)
    report.seconds = time.perf_counter() - started_clock
    return report


# --- states --------------------------------------------------------------------------------------


def _live_reminder(session: Session, reminder_id: int) -> Reminder:
    reminder = session.get(Reminder, reminder_id)
    if reminder is None or reminder.deleted_at is not None:
        raise ValidationError(f"提醒 {reminder_id} 不存在。", f"Reminder {reminder_id} does not exist.", field="reminder_id")
    return reminder


def _check_state(state: str) -> None:
    if state not in REMINDER_STATES:
        raise ValidationError(f"提醒状态“{state}”无效。", f"'{state}' is not a reminder state.", field="state")


def set_state(session: Session, reminder_id: int, state: str) -> Reminder:
    """new / seen / done / dismissed (use snooze() to snooze)."""
    _check_state(state)
    reminder = _live_reminder(session, reminder_id)
    reminder.state = state
    if state != "snoozed":
        reminder.snoozed_until = None
    session.flush()
    return reminder


def snooze(session: Session, reminder_id: int, until: date) -> Reminder:
    """Hide a reminder until a date; it comes back as new on that day."""
    reminder = _live_reminder(session, reminder_id)
    reminder.state = "snoozed"
    reminder.snoozed_until = until
    session.flush()
    return reminder


def set_state_many(session: Session, reminder_ids: list[int], state: str) -> int:
    _check_state(state)
    count = 0
    for start in range(0, len(reminder_ids), _CHUNK):
        for reminder in session.scalars(select(Reminder).where(Reminder.id.in_(reminder_ids[start:start + _CHUNK]),
                                                               Reminder.deleted_at.is_(None))):
            reminder.state = state
            reminder.snoozed_until = None
            count += 1
    session.flush()
    return count


def snooze_many(session: Session, reminder_ids: list[int], until: date) -> int:
    count = 0
    for start in range(0, len(reminder_ids), _CHUNK):
        for reminder in session.scalars(select(Reminder).where(Reminder.id.in_(reminder_ids[start:start + _CHUNK]),
                                                               Reminder.deleted_at.is_(None))):
            reminder.state = "snoozed"
            reminder.snoozed_until = until
            count += 1
    session.flush()
    return count


def add_custom_reminder(session: Session, subject: str, due_on: date, *, customer_id: int | None = None,
                        detail: str | None = None) -> Reminder:
    """A reminder a manager writes by hand (kind "custom")."""
    subject = (subject or "").strip()
    if not subject:
        raise ValidationError("提醒内容不能为空。", "A reminder needs a subject.", field="subject")
    reminder = Reminder(key=f"custom:{new_uid()}", kind="custom", subject=subject[:300], detail=detail,
                        customer_id=customer_id, due_on=due_on, event_on=due_on, state="new", data={})
    session.add(reminder)
    session.flush()
    return reminder


# --- listing -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ReminderRow:
    """A reminder as the centre and the CLI show it (plain values)."""

    id: int
    key: str
    kind: str
    subject_zh: str
    subject_en: str
    detail_zh: str | None
    detail_en: str | None
    customer_id: int | None
    customer_code: str | None
    customer_name: str | None
    contact_id: int | None
    event_on: date | None
    due_on: date
    state: str
    snoozed_until: date | None
    data: dict

    def subject(self, language: str | None = None) -> str:
        return self.subject_zh if (language or current_language()) == "zh" else self.subject_en

    def detail(self, language: str | None = None) -> str | None:
        return self.detail_zh if (language or current_language()) == "zh" else self.detail_en

    def as_json(self, language: str | None = None) -> dict:
        return {
            "id": self.id, "key": self.key, "kind": self.kind, "subject": self.subject(language),
            "detail": self.detail(language), "customer_code": self.customer_code,
            "customer_name": self.customer_name, "event_date": self.event_on.isoformat() if self.event_on else None,
            "due_date": self.due_on.isoformat(), "state": self.state,
            "snoozed_until": self.snoozed_until.isoformat() if self.snoozed_until else None,
            "rule": self.data.get("rule"), "greeting": self.data.get("greeting"),
        }


_KIND_ORDER = {kind: index for index, kind in enumerate(("churn", "complaint", "revisit", "birthday", "anniversary",
                                                          "festival", "custom"))}


def due_reminders(session: Session, today: date, days: int = 0, *, kinds: tuple[str, ...] | None = None,
                  customer_id: int | None = None, settings: ReminderSettings | None = None) -> list[ReminderRow]:
    """Open reminders due by today + `days`: new and seen ones, and snoozed ones whose date has come.

    Care reminders whose day is more than `catch_up_days` past are left out: a birthday a month
    ago is no longer something to act on.
    """
    settings = settings or load_reminder_settings(session)
    horizon = today + timedelta(days=max(0, days))
    stale_before = today - timedelta(days=settings.catch_up_days)
    query = (
        select(Reminder.id, Reminder.key, Reminder.kind, Reminder.subject, Reminder.detail, Reminder.customer_id,
               Customer.code, Customer.name, Reminder.contact_id, Reminder.event_on, Reminder.due_on, Reminder.state,
               Reminder.snoozed_until, Reminder.data)
        .outerjoin(Customer, Customer.id == Reminder.customer_id)
        .where(
            Reminder.deleted_at.is_(None),
            or_(Reminder.customer_id.is_(None), Customer.deleted_at.is_(None)),
            or_(Reminder.state.in_(("new", "seen")), (Reminder.state == "snoozed") & (Reminder.snoozed_until <= today)),
            Reminder.due_on <= horizon,
            or_(Reminder.kind.not_in(CARE_KINDS), Reminder.event_on.is_(None), Reminder.event_on >= stale_before),
        )
    )
    if kinds:
        query = query.where(Reminder.kind.in_(kinds))
    if customer_id is not None:
        query = query.where(Reminder.customer_id == customer_id)
    rows = []
    for (rid, key, kind, subject, detail, cust_id, code, name, contact_id, event_on, due_on, state, snoozed,
         data) in session.execute(query):
        data = data or {}
        english = data.get("en") or {}
        rows.append(ReminderRow(rid, key, kind, subject, english.get("subject") or subject, detail,
                                english.get("detail") or detail, cust_id, code, name, contact_id, event_on, due_on,
                                state, snoozed, data))
    rows.sort(key=lambda r: (r.due_on, _KIND_ORDER.get(r.kind, 99), r.customer_code or "", r.id))
    return rows


def count_due(session: Session, today: date) -> int:
    """How many reminders wait (the main window's badge): new ones and snoozed ones whose date came."""
    return session.scalar(
        select(func.count()).select_from(Reminder).where(
            Reminder.deleted_at.is_(None), Reminder.due_on <= today,
            or_(Reminder.state == "new", (Reminder.state == "snoozed") & (Reminder.snoozed_until <= today)),
        )
    ) or 0


# --- command line --------------------------------------------------------------------------------


def run_reminders_command(database, today: date, days: int, as_json: bool) -> int:
    """`accountdesk reminders`: catch up (raise what is due), then list what is due by today + days."""
    report = None
    if not database.read_only:
        with database.write() as session:
            report = generate_reminders(session, today)
    with database.session() as session:
        rows = due_reminders(session, today, days)
    if as_json:
        json.dump([row.as_json() for row in rows], sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return 0
    horizon = today + timedelta(days=max(0, days))
    if report is not None and report.total_created:
        print(report.summary())
    print(Message(f"截至 {horizon.isoformat()} 的提醒：{len(rows)} 条", f"Reminders due by {horizon.isoformat()}: {len(rows)}"))
    for row in rows:
        who = f" [{row.customer_code}]" if row.customer_code else ""
        print(f"{row.due_on.isoformat()}  {KIND_NAMES.get(row.kind, Message(row.kind, row.kind))!s:<8} "
              f"{row.subject()}{who}  ({row.state})")
    return 0


__all__ = [
    "GenerationReport", "KIND_NAMES", "REMINDER_KINDS", "ReminderRow", "add_custom_reminder", "count_due",
    "due_reminders", "generate_reminders", "raise_reminders", "run_reminders_command", "set_state",
    "set_state_many", "snooze", "snooze_many",
]
