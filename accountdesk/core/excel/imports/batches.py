"""Writing an import plan (bulk inserts, audited updates) in one transaction or, on a shared file, in
short parts kept all-or-nothing by the batch; recording it, and undoing it."""

from __future__ import annotations

import os
import socket
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from operator import itemgetter
from typing import Any

from sqlalchemy import Date, bindparam, func, insert, literal, select, update
from sqlalchemy.orm import Session, selectinload

from accountdesk.core.archive.codes import allocate_customer_codes, note_codes_given
from accountdesk.core.archive.search import customer_search_key
from accountdesk.core.changes import Changes
from accountdesk.core.excel.imports.planner import (
    CONTACT_FIELDS,
    CUSTOMER_FIELDS,
    INTERACTION_FIELDS,
    MODELS,
    TRANSACTION_FIELDS,
    ImportPlan,
    json_value,
)
from accountdesk.core.excel.imports.searchkeys import SearchKeyBuilder
from accountdesk.core.i18n import AccountDeskError, Message
from accountdesk.core.revisits.completion import contacts_logged, reopen_for_removed_contacts
from accountdesk.core.storage.bulk_rows import insert_through_driver
from accountdesk.core.storage.models import (
    Contact,
    Customer,
    ImportBatch,
    ImportRecord,
    Interaction,
    Transaction,
    UTCDateTime,
    utcnow,
)
from accountdesk.core.time import local_date, local_noon_utc

_CHUNK = 500
_WRITE_CHUNK = 20_000
_INSERT_FIELDS = {
    "customers": CUSTOMER_FIELDS,
    "contacts": ("customer_id", *CONTACT_FIELDS),
    "transactions": ("customer_id", *TRANSACTION_FIELDS),
    "interactions": ("customer_id", *INTERACTION_FIELDS),
}
# Columns the database would fill by default; a bulk insert names every column, so we fill them.
_DEFAULTS: dict[str, dict[str, Any]] = {
    "customers": {},  # set in _customer_row
    "contacts": {"is_primary": False, "birth_calendar": "solar", "birth_leap_month": False},
    "transactions": {},
    "interactions": {},
}


@dataclass
class ImportResult:
    batch_id: int | None
    counts: dict[str, int]
    created: int = 0
    updated: int = 0
    customers_created: int = 0
    backup: str | None = None
    customer_ids: set[int] = field(default_factory=set)

    @property
    def changes(self) -> Changes:
        """An import can touch anything a view shows (metrics, tiers, reminders follow the rows)."""
        return Changes(customers=set(self.customer_ids), everything=True)


def _chunks(items: list, size: int = _CHUNK) -> Iterable[list]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def next_customer_codes(session: Session, count: int, taken: set[str]) -> list[str]:
    """Fresh codes C000001, C000002 … for customers a sheet gives none (none of them in `taken`)."""
    return allocate_customer_codes(session, count, taken=taken)


def fast_uids(count: int) -> list[str]:
    """Random (version 4) UUIDs, the same as models.new_uid gives, at a fraction of the cost."""
    raw = os.urandom(16 * count)
    uids = []
    for i in range(0, 16 * count, 16):
        part = bytearray(raw[i : i + 16])
        part[6] = (part[6] & 0x0F) | 0x40
        part[8] = (part[8] & 0x3F) | 0x80
        h = part.hex()
        uids.append(f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}")
    return uids


def _driver_rows(session: Session, table, columns: list[str], rows: list[dict[str, Any]]) -> list[tuple]:
    """Rows as the DBAPI takes them, converted by each column's own SQLAlchemy bind processor.
    Timestamps and dates repeat a lot in an import, so each distinct value is converted once."""
    dialect = session.get_bind().dialect
    for name in columns:
        processor = table.c[name].type._cached_bind_processor(dialect)
        if processor is None:
            continue
        memo: dict[Any, Any] = {}
        for row in rows:
            value = row[name]
            try:
                row[name] = memo[value]
            except KeyError:
                row[name] = memo[value] = processor(value)
            except TypeError:  # unhashable (JSON): converted every time
                row[name] = processor(value)
    return list(map(itemgetter(*columns), rows))


def _bulk_insert(session: Session, model, rows: list[dict[str, Any]] | Callable[[int, int], list[dict[str, Any]]],
                 count: int | None = None, *, ids: bool = True) -> list[int]:
    """Insert rows with executemany and return their ids in order.

    `rows` is a list, or a function giving rows [start, stop), built a chunk at a time so a large
    import never holds every converted row twice. On SQLite the write lock is ours (BEGIN
    IMMEDIATE): the ids are allotted here and the rows go to the driver's executemany, converted
    by SQLAlchemy's own column processors. On PostgreSQL a Core insert with RETURNING hands the
    ids back.
    """
    build = rows if callable(rows) else (lambda start, stop: rows[start:stop])  # type: ignore[index]
    total = count if count is not None else len(rows)  # type: ignore[arg-type]
    if not total:
        return []
    table = model.__table__
    if session.get_bind().dialect.name != "sqlite":
        everything = build(0, total)
        if not ids:
            session.execute(insert(table), everything)
            return []
        result = session.execute(insert(table).returning(table.c.id, sort_by_parameter_order=True), everything)
        return list(result.scalars())
    first_id = (session.scalar(select(func.max(table.c.id))) or 0) + 1 if ids else None
    connection = session.connection()
    columns: list[str] | None = None
    for start in range(0, total, _WRITE_CHUNK):
        chunk = build(start, min(start + _WRITE_CHUNK, total))
        if first_id is not None:
            for offset, row in enumerate(chunk, start=first_id + start):
                row["id"] = offset
        if columns is None:
            columns = list(chunk[0])
        # Straight to the driver: the change counter hears of this write through the ImportRecord
        # insert that always follows (a session statement on a tracked table).
        insert_through_driver(connection, table, columns, _driver_rows(session, table, columns, chunk))
    return list(range(first_id, first_id + total)) if first_id is not None else []


def _record_created(session: Session, batch_id: int, model, ids: list[int]) -> None:
    """One ImportRecord per created row, written by the database from the rows themselves
    (one INSERT … SELECT, not a hundred thousand parameter sets)."""
    if not ids:
        return
    table = model.__table__
    records = ImportRecord.__table__
    columns = [records.c.batch_id, records.c.entity, records.c.entity_id, records.c.action]
    chosen = select(literal(batch_id), literal(table.name), table.c.id, literal("created"))
    if ids == list(range(ids[0], ids[0] + len(ids))):
        session.execute(insert(records).from_select(columns, chosen.where(table.c.id.between(ids[0], ids[-1]))))
        return
    for chunk in _chunks(ids, 10_000):
        session.execute(insert(records).from_select(columns, chosen.where(table.c.id.in_(chunk))))


def _tracked(values: dict[str, Any], now: datetime, user: str | None, uid: str) -> dict[str, Any]:
    values.update(uid=values.get("uid") or uid, created_at=now, updated_at=now, updated_by=user, version=1)
    return values


# Columns every new customer row names; the others only when some row has a value for them
# (fewer columns make the executemany cheaper, and absent ones are NULL anyway).
_CUSTOMER_REQUIRED: dict[str, Any] = {"code": None, "name": None, "tier_locked": False, "tier_lock_reason": None,
                                       "referrals": 0, "followers": 0}


def _customer_template(customer_values: list[dict[str, Any]]) -> dict[str, Any]:
    present: set[str] = set()
    for values in customer_values:
        present.update(values)
    template = dict(_CUSTOMER_REQUIRED)
    template.update((name, None) for name in CUSTOMER_FIELDS if name in present and name not in template)
    return template


# A grade a sheet gives (综合评价) is the manager's judgement, not a stale figure: re-grading keeps
# it until the customer has purchases of its own to be graded by.
IMPORTED_TIER_REASON = "导入的等级"


def _customer_row(values: dict[str, Any], template: dict[str, Any], now: datetime, user: str | None, uid: str,
                  keys: SearchKeyBuilder) -> dict[str, Any]:
    row = {**template, **{k: v for k, v in values.items() if k in template and v is not None}}
    if row.get("tier"):
        row["tier_locked"], row["tier_lock_reason"] = True, IMPORTED_TIER_REASON
    get = row.get
    name, company = row["name"], get("company")
    # The same text twice adds nothing to the key (its parts are deduplicated), only time.
    extra = [n for n in (company if company != name else None, get("contact_person")) if n]
    row["search_key"] = keys.key(name, row["code"] or "", get("phone"), extra_names=extra)
    return _tracked(row, now, user, uid)


class _PlanWriter:
    """Writes an import plan's rows into one batch, a range at a time: all in the caller's one
    transaction (apply_plan), or each range in a short transaction of its own (apply_plan_in_parts)."""

    def __init__(self, plan: ImportPlan, batch_id: int, user: str | None) -> None:
        self.plan, self.batch_id, self.user = plan, batch_id, user
        self.now = utcnow()
        self.kind = plan.kind
        self.result = ImportResult(batch_id, plan.counts())
        self.new_rows = [row for row in plan.rows if row.action == "new"]
        self.updates = [row for row in plan.rows if row.action == "update"]
        # Customers first: those a customer sheet adds, or those a child sheet names (--create-customers).
        self.customer_values = ([row.values for row in self.new_rows] if self.kind == "customers"
                                else list(plan.new_customers.values()))
        self.taken = {v["code"] for v in self.customer_values if v.get("code")}
        self.keys = SearchKeyBuilder()
        self.keys.prepare(text for values in self.customer_values for text in
                          (values.get("name"), values.get("company"), values.get("contact_person")))
        self.template = _customer_template(self.customer_values)
        self.customer_uids = fast_uids(len(self.customer_values))
        self.customer_ids: list[int] = []
        # Written customer rows that bring a contact person, an opening figure or a last contact.
        self.with_extras = ([row for row in (*self.new_rows, *self.updates) if row.extras]
                            if self.kind == "customers" else [])
        self._new_position = {id(row): i for i, row in enumerate(self.new_rows)}

    def steps(self) -> list[tuple[Callable[[Session, int, int], None], int]]:
        """(write a range, how many rows) in the order they must be written."""
        steps: list[tuple[Callable[[Session, int, int], None], int]] = [(self.customers, len(self.customer_values))]
        if self.kind != "customers":
            steps.append((self.children, len(self.new_rows)))
        steps.append((self.apply_updates, len(self.updates)))
        if self.kind == "customers":
            steps.append((self.customer_records, len(self.with_extras)))
        return steps

    def customer_records(self, session: Session, start: int, stop: int) -> None:
        """The contact person, opening purchase and historic contact of each customer row, so an
        imported book has contacts to pick, spend to grade by and a cadence from the last visit."""
        chosen = self.with_extras[start:stop]
        owners = [self.customer_ids[self._new_position[id(row)]] if id(row) in self._new_position else row.target_id
                  for row in chosen]
        have_primary = _customers_with_primary(session, [cid for row, cid in zip(chosen, owners, strict=True)
                                                         if row.action == "update"])
        existing = [cid for row, cid in zip(chosen, owners, strict=True) if row.action == "update"]
        named = _contact_names(session, existing)
        # A customer already in the book keeps its own history: the sheet's opening figure only for
        # one with no purchases yet, its last visit only when newer than the last contact logged
        # (so importing the same sheet again adds nothing).
        with_purchases = _customers_with(session, Transaction, existing)
        last_logged = _last_contacts(session, existing)
        contacts, purchases, visits = [], [], []
        day = self.plan.options.today or local_date(self.now)
        for row, customer_id in zip(chosen, owners, strict=True):
            extras = row.extras
            person = extras.get("contact")
            if person and (customer_id, person["name"]) not in named:
                contact = {name: person.get(name) for name in _INSERT_FIELDS["contacts"] if name != "customer_id"}
                contact.update(customer_id=customer_id, is_primary=customer_id not in have_primary, uid=None)
                for name, default in _DEFAULTS["contacts"].items():
                    if contact.get(name) is None:
                        contact[name] = default
                contacts.append(contact)
            if extras.get("opening_spend") and customer_id not in with_purchases:
                purchases.append({"customer_id": customer_id, "occurred_on": day, "product": OPENING_PRODUCT,
                                  "quantity": None, "amount_cents": extras["opening_spend"], "notes": OPENING_NOTE,
                                  "uid": None})
            last = extras.get("last_contact")
            if last and (customer_id not in last_logged or local_date(last_logged[customer_id]) < last):
                visits.append({"customer_id": customer_id, "kind": "visit", "occurred_at": local_noon_utc(last),
                               "summary": LAST_CONTACT_SUMMARY, "outcome": None, "next_step": None,
                               "satisfaction": None, "contact_id": None, "user_id": None, "uid": None})
        for model, rows in ((Contact, contacts), (Transaction, purchases), (Interaction, visits)):
            for row, uid in zip(rows, fast_uids(len(rows)), strict=True):
                _tracked(row, self.now, self.user, uid)
            ids = _bulk_insert(session, model, rows)
            _record_created(session, self.batch_id, model, ids)
            self.result.customer_ids.update(r["customer_id"] for r in rows)
        if visits:
            contacts_logged(session, {r["customer_id"] for r in visits})

    def customers(self, session: Session, start: int, stop: int) -> None:
        values = self.customer_values[start:stop]
        if start == 0:
            note_codes_given(session, list(self.taken))
        missing = [v for v in values if not v.get("code")]
        if missing:
            for row, code in zip(missing, next_customer_codes(session, len(missing), self.taken), strict=True):
                row["code"] = code
                self.taken.add(code)

        def rows(first: int, last: int) -> list[dict[str, Any]]:
            return [_customer_row(values[i], self.template, self.now, self.user, self.customer_uids[start + i],
                                  self.keys) for i in range(first, last)]

        ids = _bulk_insert(session, Customer, rows, len(values))
        _record_created(session, self.batch_id, Customer, ids)
        self.customer_ids += ids
        self.result.customers_created += len(ids)
        self.result.customer_ids.update(ids)

    def children(self, session: Session, start: int, stop: int) -> None:
        new_ids = dict(zip(self.plan.new_customers.keys(), self.customer_ids, strict=True))
        model = MODELS[self.kind]
        fields = _INSERT_FIELDS[self.kind]
        defaults = _DEFAULTS[self.kind]
        chosen = self.new_rows[start:stop]
        rows = []
        for row, uid in zip(chosen, fast_uids(len(chosen)), strict=True):
            values = row.values
            record = {name: values.get(name) for name in fields}
            record["customer_id"] = row.customer_id if row.customer_id is not None else new_ids[row.new_customer]
            for name, default in defaults.items():
                if record.get(name) is None:
                    record[name] = default
            record["uid"] = values.get("uid")
            rows.append(_tracked(record, self.now, self.user, uid))
        ids = _bulk_insert(session, model, rows)
        _record_created(session, self.batch_id, model, ids)
        self.result.customer_ids.update(r["customer_id"] for r in rows)
        if self.kind == "contacts":
            _refresh_search_keys(session, {r["customer_id"] for r in rows})
        if self.kind == "interactions":
            # Imported contacts complete the revisits they were, as contacts logged by hand do.
            contacts_logged(session, {r["customer_id"] for r in rows})

    def apply_updates(self, session: Session, start: int, stop: int) -> None:
        chosen = self.updates[start:stop]
        records = _apply_updates(session, self.plan, chosen, self.batch_id)
        if records:
            _bulk_insert(session, ImportRecord, records, ids=False)
        if self.kind == "customers":
            self.result.customer_ids.update(row.target_id for row in chosen if row.target_id is not None)

    def summary(self) -> dict[str, Any]:
        self.result.created = len(self.new_rows)
        self.result.updated = len(self.updates)
        summary = dict(self.result.counts)
        summary.update(created=self.result.created, updated=self.result.updated,
                       customers_created=self.result.customers_created)
        return summary


# How the records a customer sheet's figures become are named, so a person sees where they came from.
OPENING_PRODUCT = "期初采购额（导入）"
OPENING_NOTE = "导入表格中的采购额，作为期初数 / opening figure from an imported sheet"
LAST_CONTACT_SUMMARY = "最近拜访（导入） / last visit (imported)"


def _customers_with_primary(session: Session, customer_ids: list[int]) -> set[int]:
    found: set[int] = set()
    for chunk in _chunks(customer_ids):
        found.update(session.scalars(select(Contact.customer_id).where(
            Contact.customer_id.in_(chunk), Contact.is_primary.is_(True), Contact.deleted_at.is_(None))))
    return found


def _customers_with(session: Session, model, customer_ids: list[int]) -> set[int]:
    found: set[int] = set()
    for chunk in _chunks(customer_ids):
        found.update(session.scalars(select(model.customer_id).where(
            model.customer_id.in_(chunk), model.deleted_at.is_(None)).distinct()))
    return found


def _last_contacts(session: Session, customer_ids: list[int]) -> dict[int, datetime]:
    found: dict[int, datetime] = {}
    for chunk in _chunks(customer_ids):
        found.update(session.execute(select(Interaction.customer_id, func.max(Interaction.occurred_at)).where(
            Interaction.customer_id.in_(chunk), Interaction.deleted_at.is_(None)).group_by(Interaction.customer_id)).all())
    return found


def _contact_names(session: Session, customer_ids: list[int]) -> set[tuple[int, str]]:
    found: set[tuple[int, str]] = set()
    for chunk in _chunks(customer_ids):
        found.update(session.execute(select(Contact.customer_id, Contact.name).where(
            Contact.customer_id.in_(chunk), Contact.deleted_at.is_(None))).tuples())
    return found


def _new_batch(session: Session, plan: ImportPlan, user: str | None, summary: dict | None = None) -> ImportBatch:
    batch = ImportBatch(kind=plan.kind, file_name=str(plan.sheet.path), sheet=plan.sheet.sheet, started_at=utcnow(),
                        user=user, summary=summary)
    session.add(batch)
    session.flush()
    return batch


def apply_plan(session: Session, plan: ImportPlan, *, user: str | None,
               progress: Callable[[int, int], None] | None = None) -> ImportResult:
    """Write every accepted row of the plan in the caller's transaction and record the batch."""
    batch = _new_batch(session, plan, user)
    writer = _PlanWriter(plan, batch.id, user)
    if progress:
        progress(0, max(len(writer.customer_values) + len(writer.new_rows), 1))
    for step, count in writer.steps():
        if count:
            step(session, 0, count)
    batch.summary = writer.summary()
    session.flush()
    if progress:
        progress(1, 1)
    return writer.result


# --- in parts: a shared file ------------------------------------------------------------------------

WRITING = "writing"  # the state of a batch whose parts are still being written
# A part is sized to take about this long, so a colleague's save waits at most about as long.
PART_SECONDS = 0.4
# The pause after each part. SQLite gives the lock to no one in particular: a waiting writer
# checks again every 100 ms (its busy handler's longest sleep), so without a pause longer than
# that, the next part would take the lock back before any colleague's save noticed it was free.
PART_PAUSE = 0.15
# A batch still "writing" with no part written for this long was left by a program that stopped.
ABANDONED_AFTER = timedelta(minutes=10)


def _writer_mark() -> dict[str, Any]:
    return {"state": WRITING, "machine": socket.gethostname(), "pid": os.getpid(),
            "heartbeat": utcnow().isoformat()}


def apply_plan_in_parts(database, plan: ImportPlan, *, user: str | None,
                        progress: Callable[[int, int], None] | None = None,
                        retry: Callable[[Callable[[], Any]], Any] = lambda fn: fn()) -> ImportResult:
    """Write the plan in short transactions, so colleagues' saves on a shared file go in between.

    All or nothing is kept by the batch: it is marked "writing" until its last part is in, each
    part commits its rows with their undo records, and a failure (or a cancel) undoes the parts
    already written. A program killed half-way leaves the mark, and whoever opens the file next
    undoes what it wrote (undo_interrupted_imports). `retry` runs each part's transaction again
    when a colleague holds the lock for too long.
    """
    def new_batch() -> int:
        with database.write() as session:
            return _new_batch(session, plan, user, _writer_mark()).id

    batch_id = retry(new_batch)
    writer = _PlanWriter(plan, batch_id, user)
    total = max(sum(count for _step, count in writer.steps()), 1)
    done = 0
    try:
        for step, count in writer.steps():
            start, size = 0, 500
            while start < count:
                stop = min(count, start + size)
                began = time.perf_counter()

                def part(step=step, start=start, stop=stop) -> None:
                    with database.write() as session:
                        step(session, start, stop)
                        batch = session.get(ImportBatch, batch_id)
                        batch.summary = _writer_mark()

                retry(part)
                spent = time.perf_counter() - began
                time.sleep(PART_PAUSE)
                written = stop - start
                done += written
                start = stop
                # Next part about PART_SECONDS long: as many rows as this pace allows.
                size = max(100, min(20_000, int(written * PART_SECONDS / max(spent, 1e-3))))
                if progress:
                    progress(done, total)

        def finish() -> None:
            with database.write() as session:
                session.get(ImportBatch, batch_id).summary = writer.summary()

        retry(finish)
    except BaseException:
        def take_back() -> None:
            with database.write() as session:
                undo_import(session, batch_id, user=user)
                batch = session.get(ImportBatch, batch_id)
                batch.summary = {**(batch.summary or {}), "state": "taken back"}

        retry(take_back)
        raise
    return writer.result


def _writer_gone(summary: dict, now: datetime) -> bool:
    try:
        heartbeat = datetime.fromisoformat(summary["heartbeat"])
    except (KeyError, TypeError, ValueError):
        return True
    if now - heartbeat > ABANDONED_AFTER:
        return True
    if summary.get("machine") != socket.gethostname():
        return False  # another computer's import, still under way
    pid = summary.get("pid")
    if not isinstance(pid, int) or pid == os.getpid():
        return pid != os.getpid()
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except OSError:
        return False
    return False


def undo_interrupted_imports(session: Session) -> list[int]:
    """Undo the imports a stopped program left half-written (marked "writing", their writer gone);
    returns their batch numbers."""
    now = utcnow()
    undone = []
    for batch in session.scalars(select(ImportBatch).where(ImportBatch.undone_at.is_(None))
                                 .order_by(ImportBatch.id.desc()).limit(50)):
        summary = batch.summary or {}
        if summary.get("state") != WRITING or not _writer_gone(summary, now):
            continue
        undo_import(session, batch.id)
        batch.summary = {**(batch.summary or {}), "state": "interrupted"}
        undone.append(batch.id)
    session.flush()
    return undone


def _apply_updates(session: Session, plan: ImportPlan, updates: list, batch_id: int) -> list[dict[str, Any]]:
    """Updates go through the ORM, so the version counter and the audit trail see them."""
    model = MODELS[plan.kind]
    by_id = {row.target_id: row for row in updates}
    objects: dict[int, Any] = {}
    for chunk in _chunks(sorted(by_id)):
        query = select(model).where(model.id.in_(chunk))
        if plan.kind == "customers":
            query = query.options(selectinload(Customer.contacts))
        objects.update((obj.id, obj) for obj in session.scalars(query))
    befores: dict[int, dict[str, Any]] = {}
    for target_id, row in by_id.items():
        obj = objects[target_id]
        assert row.changes is not None
        # A field a colleague changed since the sheet was planned keeps their value (the plan was
        # made in an earlier transaction when a shared file is written in parts).
        changes = {name: (old, new) for name, (old, new) in row.changes.items() if getattr(obj, name) == old}
        befores[target_id] = {name: json_value(old) for name, (old, _new) in changes.items()}
        for name, (_old, new) in changes.items():
            setattr(obj, name, new)
        if plan.kind == "customers":
            obj.search_key = customer_search_key(obj, obj.contacts)
    session.flush()
    if plan.kind == "contacts":
        _refresh_search_keys(session, {obj.customer_id for obj in objects.values()})
    return [{"batch_id": batch_id, "entity": model.__tablename__, "entity_id": target_id, "action": "updated",
             "before": {"fields": before, "version": objects[target_id].version}}
            for target_id, before in befores.items()]


def _refresh_search_keys(session: Session, customer_ids: set[int]) -> None:
    """A customer is found by its contacts' names and phones too; bring their keys up to date."""
    for chunk in _chunks(sorted(customer_ids)):
        customers = session.scalars(
            select(Customer).where(Customer.id.in_(chunk)).options(selectinload(Customer.contacts))
        ).all()
        updates = [{"b_id": c.id, "b_key": customer_search_key(c, c.contacts)} for c in customers]
        if updates:
            session.execute(
                update(Customer.__table__).where(Customer.__table__.c.id == bindparam("b_id")).values(
                    search_key=bindparam("b_key")),
                updates,
            )
        for customer in customers:
            session.expire(customer, ["search_key"])


# --- undo ----------------------------------------------------------------------------------------


@dataclass
class UndoResult:
    batch_id: int
    removed: int = 0
    restored: int = 0
    skipped: list[Message] = field(default_factory=list)
    customer_ids: set[int] = field(default_factory=set)

    @property
    def changes(self) -> Changes:
        return Changes(customers=set(self.customer_ids), everything=True)

    def as_dict(self) -> dict:
        return {"batch_id": self.batch_id, "removed": self.removed, "restored": self.restored,
                "skipped": [m.en for m in self.skipped]}


def _restore_value(model, name: str, value: Any) -> Any:
    """A value kept as JSON in ImportRecord.before, back in its column's Python type."""
    if not isinstance(value, str):
        return value
    column_type = model.__table__.c[name].type
    if isinstance(column_type, UTCDateTime):
        return datetime.fromisoformat(value)
    if isinstance(column_type, Date):
        return date.fromisoformat(value)
    return value


def undo_import(session: Session, batch_id: int, *, user: str | None = None) -> UndoResult:
    """Remove what an import created (tombstones, so nothing is erased) and put back what it updated.

    A record edited by someone since the import keeps that newer edit, and is listed as skipped.
    """
    batch = session.get(ImportBatch, batch_id)
    if batch is None:
        raise AccountDeskError(f"没有编号为 {batch_id} 的导入记录", f"there is no import number {batch_id}")
    if batch.undone_at is not None:
        raise AccountDeskError(f"导入 {batch_id} 已在 {batch.undone_at:%Y-%m-%d %H:%M} 撤销过",
                               f"import {batch_id} was already undone at {batch.undone_at:%Y-%m-%d %H:%M}")
    user = user or session.info.get("user")
    now = utcnow()
    result = UndoResult(batch_id)
    records = session.execute(
        select(ImportRecord.entity, ImportRecord.entity_id, ImportRecord.action, ImportRecord.before)
        .where(ImportRecord.batch_id == batch_id).order_by(ImportRecord.id)
    ).all()
    models = {model.__tablename__: model for model in MODELS.values()}
    created: dict[str, list[int]] = {}
    updated: list[tuple[str, int, dict]] = []
    for entity, entity_id, action, before in records:
        if action == "created":
            created.setdefault(entity, []).append(entity_id)
        else:
            updated.append((entity, entity_id, before or {}))

    touched_contacts_of: set[int] = set()
    # Updates first, while the records they restore are certainly live.
    for entity, entity_id, before in updated:
        model = models[entity]
        obj = session.get(model, entity_id)
        if obj is None or obj.deleted_at is not None or obj.version != before.get("version"):
            label = Message(f"{entity} #{entity_id} 在导入后又被修改或删除，保留其最新内容",
                            f"{entity} #{entity_id} was changed or deleted after the import; its newer state is kept")
            result.skipped.append(label)
            continue
        for name, value in before.get("fields", {}).items():
            setattr(obj, name, _restore_value(model, name, value))
        if entity == "customers":
            result.customer_ids.add(obj.id)
            touched_contacts_of.add(obj.id)  # its name or phone may be back to the old one
        else:
            result.customer_ids.add(obj.customer_id)
        if entity == "contacts":
            touched_contacts_of.add(obj.customer_id)
        result.restored += 1
    session.flush()

    for entity, ids in created.items():
        table = models[entity].__table__
        for chunk in _chunks(ids):
            if entity != "customers":
                result.customer_ids.update(session.scalars(select(table.c.customer_id).where(table.c.id.in_(chunk))))
            else:
                result.customer_ids.update(chunk)
            done = session.execute(
                update(table).where(table.c.id.in_(chunk), table.c.deleted_at.is_(None)).values(
                    deleted_at=now, updated_at=now, updated_by=user, version=table.c.version + 1)
            )
            result.removed += done.rowcount or 0
        if entity == "interactions":
            reopen_for_removed_contacts(session, ids)
        if entity == "contacts":
            touched_contacts_of.update(result.customer_ids)
    if touched_contacts_of:
        _refresh_search_keys(session, touched_contacts_of)
    batch.undone_at = now
    summary = dict(batch.summary or {})
    summary["undo"] = result.as_dict()
    batch.summary = summary
    session.flush()
    session.expire_all()
    return result


@dataclass
class ImportSummary:
    """One past import, as the history list shows it."""

    id: int
    kind: str
    file_name: str
    sheet: str | None
    started_at: datetime
    user: str | None
    summary: dict
    undone_at: datetime | None

    @property
    def can_undo(self) -> bool:
        return self.undone_at is None

    def as_dict(self) -> dict:
        return {"id": self.id, "kind": self.kind, "file": self.file_name, "sheet": self.sheet,
                "started_at": self.started_at.isoformat(), "user": self.user, "summary": self.summary,
                "undone_at": self.undone_at.isoformat() if self.undone_at else None}


def list_imports(session: Session, limit: int = 200) -> list[ImportSummary]:
    """Past imports, newest first."""
    batches = session.scalars(select(ImportBatch).order_by(ImportBatch.id.desc()).limit(limit))
    return [ImportSummary(b.id, b.kind, b.file_name, b.sheet, b.started_at, b.user, dict(b.summary or {}), b.undone_at)
            for b in batches]
