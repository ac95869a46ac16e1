"""Running reminder generation: a full pass once a day, incremental passes over changed customers,
raising each reminder exactly once, and (for the app) short write transactions."""

from __future__ import annotations

import time
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from sqlalchemy import func, or_, select, update
from sqlalchemy.orm import Session

from accountdesk.core.changes import Changes
from accountdesk.core.figures import churn_figures as activity
from accountdesk.core.i18n import Message, counted
from accountdesk.core.reminders.settings import SETTING_KEY, ReminderSettings, load_reminder_settings
from accountdesk.core.reminders.sources import SOURCES, Candidate
from accountdesk.core.revisits.completion import complete_by_contacts, contacts_written_since
from accountdesk.core.revisits.levelling import level_revisits
from accountdesk.core.revisits.plans import PLANNER, close_open_reminders, plan_revisits, serialize_generation
from accountdesk.core.storage.bulk import new_uids
from accountdesk.core.storage.bulk_rows import existing_keys, insert_rows
from accountdesk.core.storage.database import settled_before
from accountdesk.core.storage.models import (
    Contact,
    Customer,
    Feedback,
    Interaction,
    Reminder,
    RevisitPlan,
    Setting,
    TierPolicy,
    Transaction,
    utcnow,
    write_internal_setting,
)

KIND_NAMES = {
    "revisit": Message("回访", "Revisit"),
    "birthday": Message("生日", "Birthday"),
    "festival": Message("节日", "Festival"),
    "anniversary": Message("合作纪念", "Anniversary"),
    "churn": Message("流失预警", "Churn warning"),
    "complaint": Message("投诉", "Complaint"),
    "custom": Message("自定义", "Custom"),
}
_CHUNK = 500


@dataclass
class GenerationReport:
    """What one generation run did; `created` counts reminders raised by this run only."""

    today: date
    full: bool = True  # a full pass over every customer, or only those changed since the last run
    scope_size: int | None = None
    after: date | None = None  # a new day's run: dates after this day were looked at for everyone
    created: Counter = field(default_factory=Counter)
    new_keys: list[str] = field(default_factory=list)
    planned_revisits: int = 0
    levelled: int = 0  # plans given another working day (or a coming one, when overdue)
    missed: int = 0  # care reminders whose day passed unanswered, closed as missed
    completed_revisits: int = 0  # plans a contact logged elsewhere completed
    woken: int = 0  # snoozed reminders whose date came
    superseded: int = 0  # "due" revisit reminders replaced by their "overdue" one
    seconds: float = 0.0

    @property
    def total_created(self) -> int:
        return sum(self.created.values())

    @property
    def changes(self) -> Changes:
        return Changes(reminders=bool(self.total_created or self.woken or self.superseded or self.missed),
                       revisits=bool(self.planned_revisits or self.levelled or self.completed_revisits))

    def summary(self) -> Message:
        parts_zh = "，".join(f"{KIND_NAMES[k].zh} {n}" for k, n in sorted(self.created.items())) or "无"
        parts_en = ", ".join(f"{KIND_NAMES[k].en.lower()} {n}" for k, n in sorted(self.created.items())) or "none"
        return Message(f"新提醒 {self.total_created} 条（{parts_zh}）；新回访计划 {self.planned_revisits} 个。",
                       f"{counted(self.total_created, 'new reminder')} ({parts_en}); "
                       f"{counted(self.planned_revisits, 'revisit')} planned.")

    def as_dict(self) -> dict:
        return {"today": self.today.isoformat(), "full": self.full, "scope_size": self.scope_size,
                "after": self.after.isoformat() if self.after else None,
                "created": dict(self.created), "total_created": self.total_created,
                "planned_revisits": self.planned_revisits, "completed_revisits": self.completed_revisits,
                "levelled": self.levelled, "missed": self.missed, "woken": self.woken, "superseded": self.superseded,
                "seconds": round(self.seconds, 3)}


# --- raising -------------------------------------------------------------------------------------

_REMINDER_COLUMNS = ["uid", "created_at", "updated_at", "updated_by", "version", "key", "kind", "subject", "detail",
                     "customer_id", "contact_id", "event_on", "due_on", "state", "snoozed_until", "data"]


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


CARE_KINDS = ("birthday", "anniversary", "festival")


def close_missed_care(session: Session, today: date) -> int:
    """Care reminders still open after their day close as missed: a birthday last week is no
    longer something to do, and the customer's record keeps that it was missed (data.missed)."""
    table = Reminder.__table__
    rows = session.execute(
        select(table.c.id, table.c.data).where(
            table.c.state.in_(("new", "seen", "snoozed")), table.c.kind.in_(CARE_KINDS),
            table.c.event_on < today, table.c.deleted_at.is_(None))
    ).all()
    now, user = utcnow(), session.info.get("user")
    for reminder_id, data in rows:
        marked = dict(data or {})
        marked["missed"] = True
        marked["missed_on"] = today.isoformat()
        session.execute(update(table).where(table.c.id == reminder_id).values(
            state="dismissed", snoozed_until=None, data=marked, version=table.c.version + 1, updated_at=now,
            updated_by=user))
    return len(rows)


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
# Beyond this many changed customers a full pass is as cheap as a scoped one.
_MAX_SCOPE = 5000
_MAX_SCOPE_ROWS = 20000


@dataclass(frozen=True)
class _RunState:
    day: date
    at: datetime
    rules: str  # fingerprint of the settings and tier policies the run used
    ended: datetime | None = None  # when the run wrote its last row (older states do not say)


def _load_state(session: Session) -> _RunState | None:
    value = session.scalar(select(Setting.value).where(Setting.key == STATE_SETTING))
    try:
        ended = datetime.fromisoformat(value["ended"]) if isinstance(value, dict) and value.get("ended") else None
        return _RunState(date.fromisoformat(value["day"]), datetime.fromisoformat(value["at"]), str(value["rules"]), ended)
    except (TypeError, KeyError, ValueError):
        return None


def _save_state(session: Session, today: date, started: datetime, rules: str) -> None:
    # Every 30 minutes: written as bookkeeping, so it leaves no audit entry.
    write_internal_setting(session, STATE_SETTING, {"day": today.isoformat(), "at": started.isoformat(), "rules": rules,
                                                    "ended": utcnow().isoformat()})


def changed_customers(session: Session, since: datetime, planner_since: datetime | None = None) -> set[int] | None:
    """Customers any of whose rows were written since `since` (None: too many to be worth scoping).
    Plans the planner wrote count from `planner_since` (the end of the last run) when it is known:
    a re-grade re-plans between runs, and those plans no run has seen yet."""
    planner_rows = RevisitPlan.updated_by != PLANNER
    if planner_since is not None:
        planner_rows = or_(planner_rows, RevisitPlan.updated_at >= planner_since)
    ids: set[int] = set()
    sources = [
        select(Customer.id).where(Customer.updated_at >= since),
        select(Contact.customer_id).where(Contact.updated_at >= since),
        select(Transaction.customer_id).where(Transaction.updated_at >= since),
        select(Interaction.customer_id).where(Interaction.updated_at >= since),
        select(Feedback.customer_id).where(Feedback.updated_at >= since),
        # Plans the cadence wrote itself during a run were handled by the run that wrote them.
        select(RevisitPlan.customer_id).where(RevisitPlan.updated_at >= since,
                                              or_(RevisitPlan.updated_by.is_(None), planner_rows)),
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


# The very first run looks for contacts this far back (as revisits.sync_cadence does).
_FIRST_LOOKBACK_DAYS = 14
# A day's first run over the days since the last run (rather than over every date again) while
# the gap is at most this long; past it, a full pass.
_MAX_DAYS_BEHIND = 31


def _scope(session: Session, today: date, full: bool | None, rules: str,
           state: _RunState | None) -> tuple[set[int] | None, date | None]:
    """(customers to look at with every date, day after which to look for dates that came).

    (None, None): a full pass, every customer and every date (asked for, no earlier run, new
    rules, or a gap too long). A later run the same day: (the customers changed since, None).
    A new day's first run: (the customers changed since the last run, its day), since a reminder
    exists for each date the last run covered unless the customer's rows changed.
    """
    if full or state is None or state.rules != rules or not 0 <= (today - state.day).days <= _MAX_DAYS_BEHIND:
        return None, None
    changed = changed_customers(session, state.at, state.ended)
    if changed is None:
        return None, None
    return changed, None if state.day == today else state.day


@dataclass
class _Run:
    today: date
    started: datetime
    rules: str
    scope: set[int] | None
    after: date | None  # on a new day, the last run's day: dates after it are looked at for everyone
    report: GenerationReport
    clock: float

    @property
    def sweeps(self) -> bool:
        """Looks at every customer (for every date, or for the dates since the last run)."""
        return self.scope is None or self.after is not None

    def passes(self) -> list[tuple[set[int] | None, date | None]]:
        """(scope, after) of each pass over the sources."""
        found = [] if self.scope is None or not self.scope else [(self.scope, None)]
        if self.sweeps:
            found.append((None, self.after))
        return found


def _begin(session: Session, today: date, full: bool | None) -> _Run:
    """Decide full or incremental, plan missing revisits, wake snoozed reminders (writes, briefly)."""
    clock = time.perf_counter()
    serialize_generation(session)
    started = settled_before(session)  # rows stamped before it are all seen by this run
    rules = _rules_fingerprint(session)
    previous = _load_state(session)
    scope, after = _scope(session, today, full, rules, previous)
    report = GenerationReport(today=today, full=scope is None or after is not None,
                              scope_size=None if scope is None else len(scope), after=after)
    if scope is None or scope:
        # Contacts written before the previous run started moved their plans then.
        contacts_since = None if previous is None else previous.at
        # A contact synced from a colleague's copy or written by an older client completes its
        # revisit here; one logged in this app did at once (records.log_interaction).
        fresh = contacts_written_since(session, contacts_since or utcnow() - timedelta(days=_FIRST_LOOKBACK_DAYS))
        report.completed_revisits = len(complete_by_contacts(session, fresh))
        report.planned_revisits = plan_revisits(session, today, customer_ids=scope, contacts_since=contacts_since)
    unlevelled = session.scalar(select(RevisitPlan.id).where(
        RevisitPlan.state == "planned", RevisitPlan.planned_for.is_(None), RevisitPlan.deleted_at.is_(None)).limit(1))
    if scope is None or after is not None or unlevelled is not None:
        # The day's first pass (or one after plans were made or moved outside a run) spreads every owner's plans (and overdue backlog) over the coming
        # working days; later passes level only the owners of customers given a new plan.
        report.levelled = len(level_revisits(session, today).placements)
    report.woken = _wake_snoozed(session, today)
    report.missed = close_missed_care(session, today)
    return _Run(today, started, rules, scope, after, report, clock)


def _finish(session: Session, run: _Run, candidates: list[Candidate], new_keys: list[str]) -> GenerationReport:
    report = run.report
    kinds = {c.key: c.kind for c in candidates}
    report.new_keys = new_keys
    report.created.update(kinds[key] for key in new_keys)
    overdue = [key for key in new_keys if key.startswith("revisit:") and key.endswith(":overdue")]
    report.superseded = close_open_reminders(session, [key[: -len("overdue")] + "due" for key in overdue], "done")
    _save_state(session, run.today, run.started, run.rules)
    report.seconds = time.perf_counter() - run.clock
    return report


def generate_reminders(session: Session, today: date, *, settings: ReminderSettings | None = None,
                       full: bool | None = None) -> GenerationReport:
    """Plan missing revisits and raise every reminder due by `today` (plus lead times) exactly once,
    in the caller's transaction.

    Idempotent, and it catches up: care moments of the last `catch_up_days` and every overdue
    revisit are raised even if no run happened on their day. Safe to run from several processes
    at once; the unique key makes a second raise a no-op.

    Whether a reminder exists depends only on the date, the rules and the rows of its customer,
    so the first run of a day looks at every customer and later runs that day only at customers
    whose rows changed since the previous run (what keeps the 30-minute runs cheap).
    """
    run = _begin(session, today, full)
    settings = settings or load_reminder_settings(session)
    if run.sweeps:
        activity.refresh(session, today, settings.churn.window_days)
    candidates: list[Candidate] = []
    for scope, after in run.passes():
        for _kind, source in SOURCES:
            candidates.extend(source(session, today, settings, scope, after))
    return _finish(session, run, candidates, raise_reminders(session, candidates))


def run_generation(database, today: date, *, full: bool | None = None, batch: int = 5000) -> GenerationReport:
    """generate_reminders as the app and the CLI run it: the same result, in short transactions.

    A full pass over 100,000 customers reads for seconds; holding SQLite's write lock that long
    would make a colleague's save wait (or time out). So only the planning takes the lock; the
    sources read in their own read transactions; reminders are inserted in batches, each its own
    short write. Exactly-once still holds: every insert is keyed, and an interrupted run leaves
    the state of the last completed run, so the next run covers what this one did not.
    """
    with database.write() as session:
        run = _begin(session, today, full)
    candidates: list[Candidate] = []
    passes = run.passes()
    if passes:
        with database.session() as session:
            settings = load_reminder_settings(session)
    if run.sweeps:
        # Worked out in a read transaction; only storing the figures takes the write lock.
        with database.session() as session:
            refresh = activity.plan_refresh(session, today, settings.churn.window_days)
            figures = activity.compute(session, today, settings.churn.window_days, refresh.customer_ids)
        with database.write() as session:
            activity.store(session, refresh, figures)
    for scope, after in passes:
        for _kind, source in SOURCES:
            with database.session() as session:  # one read transaction per source: short shared locks
                candidates.extend(source(session, today, settings, scope, after))
    with database.session() as session:
        known = existing_keys(session, [c.key for c in candidates])
    fresh = sorted((c for c in candidates if c.key not in known), key=lambda c: c.key)
    new_keys: list[str] = []
    for start in range(0, len(fresh), batch):
        with database.write() as session:
            new_keys.extend(raise_reminders(session, fresh[start:start + batch]))
    with database.write() as session:
        return _finish(session, run, candidates, new_keys)


# --- bench -------------------------------------------------------------------------------------


def benchmark_generation(database, today: date) -> list[dict]:
    """For `accountdesk bench`: time the runs the scheduler makes (writes to the database given).

    1. the first run over a fresh archive (plans every revisit, raises the backlog);
    2. a later run the same day with nothing changed (every 30 minutes: the < 1 s target);
    3. the next day's first run (a full pass over every customer, once a day, in the background).
    """
    results = []
    for label, day in (("first run", today), ("same day, 30 min later", today),
                       ("next day, full pass", today + timedelta(days=1))):
        started = time.perf_counter()
        report = run_generation(database, day)
        results.append({"run": label, "seconds": round(time.perf_counter() - started, 3), "full": report.full,
                        "created": report.total_created, "planned_revisits": report.planned_revisits})
    return results


