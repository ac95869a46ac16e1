"""Demo data: a seeded, deterministic, realistic customer book with its histories, bulk-inserted in one transaction."""

from __future__ import annotations

import multiprocessing
import queue
import re
import time
import traceback
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from random import Random

from sqlalchemy import bindparam, insert, select, update
from sqlalchemy.engine import Connection

from accountdesk.core.archive.codes import note_codes_given
from accountdesk.core.archive.search import pinyin_forms
from accountdesk.core.demo import vocabulary as vocab
from accountdesk.core.demo.customers import CustomerGenerator, CustomerPlan
from accountdesk.core.demo.history import (
    RevisitHistory,
    plan_current_revisits,
    regrade_over_time,
    settle_old_warnings,
    team_diligence,
)
from accountdesk.core.i18n import Message
from accountdesk.core.reminders.runs import generate_reminders
from accountdesk.core.revisits.plans import plan_revisits
from accountdesk.core.storage.bulk import BulkInserter, new_uids, reserve_ids, roomy_cache
from accountdesk.core.storage.change_counter import bump_change_counter
from accountdesk.core.storage.database import Database
from accountdesk.core.storage.models import (
    Contact,
    Customer,
    CustomerTag,
    Feedback,
    Interaction,
    Tag,
    Transaction,
    User,
    utcnow,
)

CHUNK = 1000  # customers generated and inserted per round, so memory stays flat at 100,000
# From this many customers on they are made in a second process while this one writes them:
# making them is most of the work, and on two cores the two halves overlap.
SECOND_PROCESS_FROM = 5000
_CODE = re.compile(r"^C(\d+)$")


@dataclass
class DemoReport:
    """What one demo run created, and which follow-up steps (grading, revisits, reminders) ran."""

    seed: int
    today: date
    customers: int = 0
    contacts: int = 0
    transactions: int = 0
    interactions: int = 0
    feedback: int = 0
    revisits_done: int = 0  # the past year's revisit history
    users: int = 0
    tags: int = 0
    first_code: str | None = None
    last_code: str | None = None
    insert_seconds: float = 0.0  # generating and writing, before the follow-up steps
    driver_seconds: float = 0.0  # of which inside the driver's executemany (the floor in `accountdesk bench`)
    seconds: float = 0.0
    follow_ups: dict[str, str] = field(default_factory=dict)  # step -> "done" | "skipped: why"
    follow_up_seconds: dict[str, float] = field(default_factory=dict)
    follow_up_results: dict[str, str] = field(default_factory=dict)  # step -> what it did, e.g. "A 812, B 2403"

    def as_dict(self) -> dict:
        return {
            "seed": self.seed,
            "today": self.today.isoformat(),
            "customers": self.customers,
            "contacts": self.contacts,
            "transactions": self.transactions,
            "interactions": self.interactions,
            "feedback": self.feedback,
            "revisits_done": self.revisits_done,
            "users": self.users,
            "tags": self.tags,
            "first_code": self.first_code,
            "last_code": self.last_code,
            "insert_seconds": round(self.insert_seconds, 3),
            "driver_seconds": round(self.driver_seconds, 3),
            "seconds": round(self.seconds, 3),
            "follow_ups": dict(self.follow_ups),
            "follow_up_seconds": {k: round(v, 3) for k, v in self.follow_up_seconds.items()},
            "follow_up_results": dict(self.follow_up_results),
        }

    def summary(self) -> Message:
        codes = f"{self.first_code}–{self.last_code}" if self.first_code else "-"
        steps_zh, steps_en = [], []
        for step, state in self.follow_ups.items():
            name = _STEP_NAMES[step]
            if state == "done":
                seconds = self.follow_up_seconds.get(step, 0.0)
                steps_zh.append(f"{name.zh}：完成（{self.follow_up_results.get(step, '')}，{seconds:.1f} 秒）")
                steps_en.append(f"{name.en}: done ({self.follow_up_results.get(step, '')}, {seconds:.1f} s)")
            else:
                steps_zh.append(f"{name.zh}：跳过（模块尚未提供）")
                steps_en.append(f"{name.en}: skipped (module not available yet)")
        return Message(
            f"已生成演示数据（种子 {self.seed}）：客户 {self.customers} 个（{codes}），联系人 {self.contacts} 个，"
            f"交易 {self.transactions} 笔，互动 {self.interactions} 次，反馈 {self.feedback} 条，"
            f"新建负责人账户 {self.users} 个；用时 {self.seconds:.1f} 秒（写入 {self.insert_seconds:.1f} 秒）。"
            + "；".join(steps_zh),
            f"Demo data generated (seed {self.seed}): {self.customers} customers ({codes}), {self.contacts} contacts, "
            f"{self.transactions} transactions, {self.interactions} interactions, {self.feedback} feedback items, "
            f"{self.users} new owner accounts; took {self.seconds:.1f} s (writing {self.insert_seconds:.1f} s). "
            + "; ".join(steps_en),
        )


_STEP_NAMES = {
    "regrade": Message("重新分级", "re-grading"),
    "revisits": Message("回访计划", "revisit planning"),
    "reminders": Message("提醒生成", "reminder generation"),
}


@dataclass
class _Stamp:
    """The bookkeeping columns every bulk-inserted row carries (the ORM would set them on a flush)."""

    now: datetime
    user: str

    def row(self, **values: object) -> dict:
        values.update(uid=new_uids(1)[0], created_at=self.now, updated_at=self.now,
                      updated_by=self.user, version=1)
        return values


# --- writing ------------------------------------------------------------------------------------

CUSTOMER_COLUMNS = (
    "id", "code", "name", "company", "contact_person", "phone", "email", "position", "address", "industry",
    "source", "birthday", "cooperation_since", "owner_id", "tier_locked", "referrals", "followers", "need_type",
    "purchasing_power", "notes", "search_key",
)
CONTACT_COLUMNS = (
    "id", "customer_id", "name", "phone", "email", "wechat", "position", "is_primary", "birth_calendar",
    "birth_year", "birth_month", "birth_day", "birth_leap_month", "notes",
)
TRANSACTION_COLUMNS = ("customer_id", "occurred_on", "product", "quantity", "amount_cents", "notes")
INTERACTION_COLUMNS = ("customer_id", "occurred_at", "kind", "contact_id", "summary", "outcome", "next_step",
                       "satisfaction", "user_id")
FEEDBACK_COLUMNS = ("customer_id", "kind", "received_on", "content", "resolved", "resolved_on", "resolution")


def _ensure_users(connection: Connection, rng: Random, stamp: _Stamp) -> tuple[list[int], int]:
    """The demo team (5–8 managers with Chinese names); existing users of the same name are reused."""
    count = rng.randint(5, 8)
    team: list[tuple[str, str]] = []
    seen: set[str] = set()
    while len(team) < count:
        surname = rng.choice(vocab.SURNAMES[:60])
        given = rng.choice(vocab.GIVEN_CHARS_MALE if rng.random() < 0.55 else vocab.GIVEN_CHARS_FEMALE)
        login = ".".join((pinyin_forms(surname)[0], pinyin_forms(given)[0]))
        if login not in seen:
            seen.add(login)
            team.append((login, surname + given))
    existing = dict(connection.execute(select(User.name, User.id).where(User.name.in_([t[0] for t in team]))).all())
    missing = [stamp.row(name=login, display_name=display, role="manager" if i == 0 else "rep", active=True)
               for i, (login, display) in enumerate(team) if login not in existing]
    if missing:
        table = User.__table__
        ids = connection.execute(insert(table).returning(table.c.id, sort_by_parameter_order=True), missing).scalars()
        existing.update(zip([row["name"] for row in missing], ids, strict=True))
    return [existing[login] for login, _ in team], len(missing)


def _ensure_tags(connection: Connection, stamp: _Stamp) -> tuple[dict[str, int], int]:
    existing = dict(connection.execute(select(Tag.name, Tag.id)).all())
    missing = [stamp.row(name=name, color=color) for name, color in vocab.TAGS if name not in existing]
    if missing:
        table = Tag.__table__
        ids = connection.execute(insert(table).returning(table.c.id, sort_by_parameter_order=True), missing).scalars()
        existing.update(zip([row["name"] for row in missing], ids, strict=True))
    return existing, len(missing)


def _first_free_number(connection: Connection) -> int:
    highest = 0
    for code in connection.execute(select(Customer.code)).scalars():
        match = _CODE.match(code or "")
        if match:
            highest = max(highest, int(match.group(1)))
    return highest + 1


class _Writer:
    """Sends generated customers to the database, a chunk at a time, inside the caller's transaction."""

    def __init__(self, connection: Connection, stamp: _Stamp, report: DemoReport, history: RevisitHistory) -> None:
        self.connection = connection
        self.history = history
        self.report = report
        args = {"now": stamp.now, "user": stamp.user}
        self.customers = BulkInserter(connection, Customer.__table__, CUSTOMER_COLUMNS, **args)
        self.contacts = BulkInserter(connection, Contact.__table__, CONTACT_COLUMNS, **args)
        self.transactions = BulkInserter(connection, Transaction.__table__, TRANSACTION_COLUMNS, **args)
        self.interactions = BulkInserter(connection, Interaction.__table__, INTERACTION_COLUMNS, **args)
        self.feedback = BulkInserter(connection, Feedback.__table__, FEEDBACK_COLUMNS, **args)
        self.links = BulkInserter(connection, CustomerTag.__table__, ("customer_id", "tag_id"))

    @property
    def driver_seconds(self) -> float:
        parts = (self.customers, self.contacts, self.transactions, self.interactions, self.feedback, self.links,
                 self.history)
        return sum(part.driver_seconds for part in parts)

    def _ids(self, table, rows: list[dict], columns: tuple[str, ...], inserter: BulkInserter) -> list[int]:
        ids = reserve_ids(self.connection, table, len(rows))
        if ids is not None:
            for row, new_id in zip(rows, ids, strict=True):
                row["id"] = new_id
            inserter.insert([tuple(row[c] for c in columns) for row in rows])
            return ids
        plain = [{c: row[c] for c in columns if c != "id"} for row in rows]
        for row in plain:
            row.update(uid=new_uids(1)[0], created_at=inserter.now, updated_at=inserter.now,
                       updated_by=inserter.user, version=1)
        result = self.connection.execute(insert(table).returning(table.c.id, sort_by_parameter_order=True), plain)
        return list(result.scalars())

    def write(self, plans: list[CustomerPlan]) -> list[int]:
        customer_ids = self._ids(Customer.__table__, [p.row for p in plans], CUSTOMER_COLUMNS, self.customers)
        contact_rows = []
        for plan, customer_id in zip(plans, customer_ids, strict=True):
            for contact in plan.contacts:
                contact["customer_id"] = customer_id
                contact_rows.append(contact)
        contact_ids = iter(self._ids(Contact.__table__, contact_rows, CONTACT_COLUMNS, self.contacts))
        fromordinal = date.fromordinal
        transactions, interactions, feedback, links = [], [], [], []
        for plan, customer_id in zip(plans, customer_ids, strict=True):
            own = [next(contact_ids) for _ in plan.contacts]
            transactions.extend((customer_id, fromordinal(day), product, quantity, cents, note)
                                for day, product, quantity, cents, note in plan.purchases)
            interactions.extend((customer_id, at, kind, own[ci], summary, outcome, step, satisfaction, user)
                                for at, kind, ci, summary, outcome, step, satisfaction, user in plan.touches)
            feedback.extend((customer_id, kind, fromordinal(day), content, resolved,
                             fromordinal(done) if done else None, resolution)
                            for kind, day, content, resolved, done, resolution in plan.feedback)
            links.extend((customer_id, tag_id) for tag_id in plan.tag_ids)
        report = self.report
        report.customers += len(plans)
        report.contacts += len(contact_rows)
        report.transactions += self.transactions.insert(transactions)
        report.interactions += self.interactions.insert(interactions)
        report.feedback += self.feedback.insert(feedback)
        self.links.insert(links)
        report.revisits_done += self.history.write(
            {cid: (plan.row["owner_id"], plan.archetype) for plan, cid in zip(plans, customer_ids, strict=True)})
        return customer_ids


def _made_chunks(generator: CustomerGenerator, customers: int) -> Iterator[list[CustomerPlan]]:
    for start in range(0, customers, CHUNK):
        yield [generator.customer() for _ in range(min(CHUNK, customers - start))]


def _make_in_second_process(generator: CustomerGenerator, customers: int, outbox) -> None:
    """Runs in the second process: the customers a chunk at a time, then the generator's tallies."""
    try:
        for chunk in _made_chunks(generator, customers):
            outbox.put(("chunk", chunk))
        outbox.put(("done", generator.referrals, generator.next_number))
    except BaseException:
        outbox.put(("error", traceback.format_exc()))


class _Customers:
    """The customers a run makes, a chunk at a time; afterwards the generator's tallies (referrals
    by index, the next free number). The same customers either way: with `second_process`, the
    generator, its random state included, moves to a spawned process (safe beside Qt's threads)
    that makes the next chunks while this one writes."""

    def __init__(self, generator: CustomerGenerator, customers: int, *, second_process: bool) -> None:
        self.generator = generator
        self.customers = customers
        self.second_process = second_process
        self.referrals: dict[int, int] = generator.referrals
        self.next_number = generator.next_number

    def __iter__(self) -> Iterator[list[CustomerPlan]]:
        if not self.second_process:
            yield from _made_chunks(self.generator, self.customers)
            self.referrals, self.next_number = self.generator.referrals, self.generator.next_number
            return
        context = multiprocessing.get_context("spawn")
        outbox = context.Queue(maxsize=3)  # a few chunks ahead at most: memory stays flat
        maker = context.Process(target=_make_in_second_process, args=(self.generator, self.customers, outbox),
                                name="accountdesk-demo-customers", daemon=True)
        maker.start()
        try:
            while True:
                try:
                    kind, *payload = outbox.get(timeout=1)
                except queue.Empty:
                    if not maker.is_alive():
                        raise RuntimeError(
                            f"the process making demo customers stopped (exit code {maker.exitcode})") from None
                    continue
                if kind == "chunk":
                    yield payload[0]
                elif kind == "done":
                    self.referrals, self.next_number = payload
                    return
                else:
                    raise RuntimeError(f"making demo customers failed:\n{payload[0]}")
        finally:
            if maker.is_alive():
                maker.terminate()
            maker.join()


def generate_demo(database: Database, customers: int = 300, seed: int = 1, *, today: date,
                  follow_ups: bool = True, purchase_share: float = 1.0) -> DemoReport:
    """Add `customers` realistic customers (with contacts, 2–3 years of history, feedback and tags).

    The same seed on the same database gives the same customers; codes continue after the
    highest existing C-number, so a second run adds customers instead of clashing. With
    `follow_ups`, grading, revisit planning and reminders run afterwards (see _follow_up).
    `purchase_share` below 1 keeps that share of the purchases (a thinner book of the same customers).
    """
    started = time.perf_counter()
    rng = Random(seed)
    report = DemoReport(seed=seed, today=today)
    stamp = _Stamp(now=utcnow(), user=database.user)
    with database.write() as session:
        connection = session.connection()
        owners, report.users = _ensure_users(connection, rng, stamp)
        tags, report.tags = _ensure_tags(connection, stamp)
        first_number = _first_free_number(connection)
        taken = set(connection.execute(select(Customer.name)).scalars())
        generator = CustomerGenerator(rng, today, owners, tags, taken, first_number,
                                      purchase_share=purchase_share, seed=seed)
        diligence = team_diligence(seed, owners)
        history = RevisitHistory(connection, today, seed, diligence, now=stamp.now, user=stamp.user)
        writer = _Writer(connection, stamp, report, history)
        made = _Customers(generator, customers, second_process=customers >= SECOND_PROCESS_FROM)
        ids: list[int] = []
        with roomy_cache(connection):
            for chunk in made:
                ids += writer.write(chunk)
            if made.referrals:
                # Referrals are counted on the referrer, known only once later customers exist.
                table = Customer.__table__
                connection.execute(
                    update(table).where(table.c.id == bindparam("target")).values(referrals=bindparam("n")),
                    [{"target": ids[i], "n": n} for i, n in sorted(made.referrals.items())],
                )
        # Bulk statements bypass the session's bookkeeping, so announce the change to other clients
        # (team.ChangeWatcher) ourselves.
        bump_change_counter(session)
        if customers:
            report.first_code = f"C{first_number:06d}"
            report.last_code = f"C{made.next_number - 1:06d}"
            note_codes_given(session, [report.last_code])  # a server numbers the next customers after these
    # The follow-ups read every table just filled: on a server, plans made for empty tables would
    # take minutes where seconds do.
    database.analyze()
    report.insert_seconds = time.perf_counter() - started
    report.driver_seconds = writer.driver_seconds
    if follow_ups:
        _follow_up(database, today, report, seed, diligence)
    report.seconds = time.perf_counter() - started
    return report


def _follow_up(database: Database, today: date, report: DemoReport, seed: int, diligence: dict[int, float]) -> None:
    # Each step leaves the book as a year of use would: tier history over the year, revisit plans
    # a team keeps up with, old churn warnings dealt with (demo_history).
    def revisits(session):
        return plan_current_revisits(session, today, seed, diligence) + plan_revisits(session, today)

    def reminders(session):
        result = generate_reminders(session, today)
        settle_old_warnings(session, today, database.user)
        return result

    steps = (
        ("regrade", lambda session: regrade_over_time(session, today)),
        ("revisits", revisits),
        ("reminders", reminders),
    )
    for step, call in steps:
        started = time.perf_counter()
        with database.write() as session:
            result = call(session)
        report.follow_up_seconds[step] = time.perf_counter() - started
        report.follow_ups[step] = "done"
        report.follow_up_results[step] = _describe(result)


def _describe(result: object) -> str:
    """A few words on what a follow-up step did, whatever report object it returns."""
    counts = getattr(result, "counts", None)
    if isinstance(counts, dict) and counts:
        return ", ".join(f"{tier} {n}" for tier, n in sorted(counts.items()))
    created = getattr(result, "total_created", None)
    if isinstance(created, int):
        return str(created)
    return str(result) if isinstance(result, int) else ""
