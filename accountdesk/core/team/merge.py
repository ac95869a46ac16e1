"""Merging a diverged copy of a database (e.g. a sync tool's "conflicted copy") into this one.

Rows are matched by `uid`. What each side changed since they diverged is read from the audit
trail (entries one side has and the other lacks), not from clocks: a change made on one side
only is taken whatever the two computers' clocks say. Rows changed on both sides are merged
field by field; a field both changed goes to the newer `updated_at` and is listed for review.
Rows nobody audited (bulk imports) fall back to the newer `updated_at`. The other file is only
read; the whole merge is one transaction, after a verified backup.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Table, create_engine, delete, func, insert, select, update
from sqlalchemy.orm import Session

from accountdesk.core.archive.search import build_search_key
from accountdesk.core.figures import churn_figures as activity
from accountdesk.core.figures import grading_figures as customer_figures
from accountdesk.core.i18n import AccountDeskError
from accountdesk.core.storage import change_counter  # noqa: F401  (a merge's commit must reach other users' views)
from accountdesk.core.storage.audit import DISCARDED
from accountdesk.core.storage.models import (
    TRACKED_MODELS,
    AuditEntry,
    Base,
    Customer,
    CustomerTag,
    Setting,
    utcnow,
    write_internal_setting,
)
from accountdesk.core.team.merge_report import MergeReport, ReviewItem

# Tables in an order where every row's references are merged before it.
TRACKED_TABLES: list[Table] = [
    t for t in Base.metadata.sorted_tables if t.name in {m.__tablename__ for m in TRACKED_MODELS}
]
# Never compared: the local key, the lock counter and derived text.
NOT_COMPARED = frozenset({"id", "version", "search_key", "created_at", "updated_at", "updated_by"})
# Rows created independently on both sides that are the same thing (one tag "VIP", one tier "A").
NATURAL_KEYS: dict[str, tuple[str, ...]] = {
    "users": ("name",),
    "tags": ("name",),
    "reminders": ("key",),
    "tier_policies": ("tier",),
    "settings": ("key",),
}
MERGE_SETTING_PREFIX = "merge."
CHUNK = 500


class MergeError(AccountDeskError):
    """The merge could not be done; nothing was changed."""


# --- reading a side -------------------------------------------------------------------------


@dataclass
class Side:
    """Every tracked row of one database, keyed by uid, with references expressed as uids."""

    rows: dict[str, dict[str, dict[str, Any]]]  # table -> uid -> row (FK columns hold uids)
    ids: dict[str, dict[str, int]]  # table -> uid -> local id
    tag_links: set[tuple[str, str]]  # (customer uid, tag uid)


def _foreign_keys(table: Table) -> dict[str, str]:
    return {fk.parent.name: fk.column.table.name for fk in table.foreign_keys}


def _read_side(connection: Connection) -> Side:
    raw: dict[str, list[dict[str, Any]]] = {}
    uid_of: dict[str, dict[int, str]] = {}
    for table in TRACKED_TABLES:
        rows = [dict(row._mapping) for row in connection.execute(select(table))]
        raw[table.name] = rows
        uid_of[table.name] = {row["id"]: row["uid"] for row in rows}
    side = Side(rows={}, ids={}, tag_links=set())
    for table in TRACKED_TABLES:
        fks = _foreign_keys(table)
        by_uid = {}
        for row in raw[table.name]:
            for column, target in fks.items():
                if row[column] is not None:
                    row[column] = uid_of[target].get(row[column])
            by_uid[row["uid"]] = row
        side.rows[table.name] = by_uid
        side.ids[table.name] = {row["uid"]: row["id"] for row in raw[table.name]}
    links = CustomerTag.__table__
    for customer_id, tag_id in connection.execute(select(links.c.customer_id, links.c.tag_id)):
        customer_uid, tag_uid = uid_of["customers"].get(customer_id), uid_of["tags"].get(tag_id)
        if customer_uid and tag_uid:
            side.tag_links.add((customer_uid, tag_uid))
    return side


def _audit_fields(rows: Iterable[Any]) -> dict[str, set[str]]:
    """entity uid -> the fields those audit entries changed ("*" for a creation)."""
    changed: dict[str, set[str]] = {}
    for entity_uid, action, field_name in rows:
        if action == DISCARDED:
            continue  # a value typed and not kept changed nothing
        if action == "create":
            name = "*"
        elif action in ("delete", "restore"):
            name = "deleted_at"
        else:
            name = field_name or "*"
        changed.setdefault(entity_uid, set()).add(name)
    return changed


# --- the other file -------------------------------------------------------------------------


def _snapshot(other_path: Path, scratch: Path) -> Path:
    """A private copy of the other file to read from, made without creating or changing any file
    beside it (a read-only SQLite connection to a WAL file would leave -wal and -shm behind)."""
    from accountdesk.core.storage.models import SQLITE_APPLICATION_ID
    from accountdesk.core.storage.sqlite_file import (
        SQLITE_HEADER,
        copy_sqlite_consistently,
        read_sqlite_facts,
    )

    with other_path.open("rb") as handle:
        header = handle.read(100)
    ours = len(header) == 100 and header.startswith(SQLITE_HEADER) and \
        int.from_bytes(header[68:72], "big") == SQLITE_APPLICATION_ID
    if not ours:
        read_sqlite_facts(other_path)  # raises the refusal, naming the file; nothing is opened
        raise MergeError(f"“{other_path}”不是 AccountDesk 数据库。", f"'{other_path}' is not an AccountDesk database.")
    copy = scratch / "other.accountdesk"
    wal_mode = header[18] == 2
    if wal_mode and not other_path.with_name(other_path.name + "-wal").exists():
        # A WAL file nobody has open (an open one always has its -wal): the file alone is complete.
        shutil.copyfile(other_path, copy)
    else:
        copy_sqlite_consistently(other_path, copy)
    return copy


IDENTITY_KEY = "database_id"


class UnrelatedDatabase(MergeError):
    """The other file is another database (another company's book), not a copy of this one."""


def _database_identity(connection: Connection) -> str | None:
    from accountdesk.core.storage.models import Meta

    return connection.execute(select(Meta.value).where(Meta.key == IDENTITY_KEY)).scalar()


def _refuse_unrelated(mine: str | None, theirs: str | None, other_path: Path) -> None:
    if mine and theirs and mine != theirs:
        raise UnrelatedDatabase(
            f"“{other_path}”不是本数据库的副本，而是另一个数据库（例如其他公司的客户档案）；合并会把两本客户档案混在一起，"
            "因此未做任何改动。若确实要把它并入，请使用“强制合并”（命令行：accountdesk merge 文件 --force）。",
            f"'{other_path}' is not a copy of this database but another database (another company's book, "
            "perhaps); merging would mix two books, so nothing was changed. If you really mean to bring it "
            "in, force the merge ('accountdesk merge FILE --force').",
        )


@contextmanager
def _other_connection(other_path: Path) -> Iterator[Connection]:
    """The other file, read from a private copy; an older schema is migrated in that copy."""
    from accountdesk.core.storage.database import (
        head_revision,
        known_revisions,
        open_database,
        read_sqlite_facts,
    )

    with tempfile.TemporaryDirectory(prefix="accountdesk-merge-") as scratch:
        source = _snapshot(other_path, Path(scratch))
        facts = read_sqlite_facts(source)
        if facts.revision is not None and facts.revision not in known_revisions():
            raise MergeError(
                f"“{other_path}”由更新版本的 AccountDesk 创建，无法合并；请先升级本程序。",
                f"'{other_path}' was written by a newer AccountDesk and cannot be merged; upgrade AccountDesk first.",
            )
        if facts.revision != head_revision():
            open_database(source, user="merge", backup_dir=Path(scratch)).dispose()
        engine = create_engine(f"sqlite+pysqlite:///{source.resolve()}")
        try:
            with engine.connect() as connection:
                yield connection
        finally:
            engine.dispose()


def _identity(other_path: Path) -> str:
    return hashlib.sha1(str(other_path.resolve()).encode("utf-8")).hexdigest()[:16]


def _refuse_same_file(database, other_path: Path) -> None:
    if database.path is not None and other_path.exists() and Path(database.path).resolve() == other_path.resolve():
        raise MergeError("不能把数据库与它自己合并。", "A database cannot be merged with itself.")


# --- planning -------------------------------------------------------------------------------


@dataclass
class Plan:
    inserts: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    updates: dict[str, list[tuple[int, int, dict[str, Any]]]] = field(default_factory=dict)  # id, version, values
    alias: dict[str, str] = field(default_factory=dict)  # their uid -> our uid
    audit_rows: list[dict[str, Any]] = field(default_factory=list)
    tag_links: list[tuple[str, str]] = field(default_factory=list)
    tag_unlinks: list[tuple[str, str]] = field(default_factory=list)
    touched_customers: set[str] = field(default_factory=set)
    report: MergeReport | None = None


def _label_of(row: dict[str, Any]) -> str:
    for key in ("name", "code", "subject", "key", "tier", "product", "summary", "content"):
        value = row.get(key)
        if isinstance(value, str) and value:
            return value[:60]
    return row["uid"]


def _content_columns(table: Table) -> list[str]:
    return [c.name for c in table.columns if c.name not in NOT_COMPARED and c.name != "uid"]


def _merge_pair(
    table: Table,
    mine: dict[str, Any],
    theirs: dict[str, Any],
    my_fields: set[str],
    their_fields: set[str],
    review: list[ReviewItem],
) -> dict[str, Any] | None:
    """The values to write into my row, or None to keep it as it is."""
    columns = _content_columns(table)
    differing = [c for c in columns if mine.get(c) != theirs.get(c)]
    if not differing:
        return None
    their_newer = _newer(theirs, mine, differing)
    whole_theirs = {c: theirs[c] for c in differing}
    whole_theirs.update(updated_at=theirs["updated_at"], updated_by=theirs["updated_by"])
    if "search_key" in table.c:
        whole_theirs["search_key"] = theirs["search_key"]
    if not their_fields and not my_fields:
        # No history on either side (bulk-written rows): the newer stamp is all we have.
        return whole_theirs if their_newer else None
    if their_fields and not my_fields:
        return whole_theirs
    if my_fields and not their_fields:
        return None
    everything = set(columns)
    my_fields = everything if "*" in my_fields else my_fields
    their_fields = everything if "*" in their_fields else their_fields
    result: dict[str, Any] = {}
    contested: list[str] = []
    for column in differing:
        if column == "deleted_at":
            continue
        if column in their_fields and column not in my_fields:
            result[column] = theirs[column]
        elif column in my_fields and column not in their_fields:
            continue
        else:
            contested.append(column)
            if their_newer:
                result[column] = theirs[column]
    reason = "both_changed"
    if "deleted_at" in differing:
        # A delete against an edit: whichever happened later wins (the delete's own instant
        # against the editor's last save).
        reason = "edit_vs_delete"
        deleter, editor = (mine, theirs) if mine["deleted_at"] is not None else (theirs, mine)
        deleted_wins = deleter["deleted_at"] >= editor["updated_at"]
        outcome = deleter["deleted_at"] if deleted_wins else None
        if outcome != mine["deleted_at"]:
            result["deleted_at"] = outcome
        contested.append("deleted_at")
    if contested:
        if reason == "edit_vs_delete":
            final = result.get("deleted_at", mine["deleted_at"])
            kept = "theirs" if final == theirs["deleted_at"] else "mine"
        else:
            kept = "theirs" if their_newer else "mine"
        review.append(ReviewItem(
            entity=table.name, uid=mine["uid"], label=_label_of(mine), reason=reason, fields=contested, kept=kept,
            detail={c: {"mine": mine.get(c), "theirs": theirs.get(c)} for c in contested},
        ))
    if not result:
        return None
    newer = theirs if their_newer else mine
    result.update(updated_at=max(mine["updated_at"], theirs["updated_at"]), updated_by=newer["updated_by"])
    return result


def _newer(theirs: dict[str, Any], mine: dict[str, Any], columns: list[str]) -> bool:
    """Whether their row is the newer: by its stamp, then (same instant) by author and values, so
    that merging A into B and B into A decide alike."""
    def rank(row: dict[str, Any]) -> tuple:
        return (row["updated_at"], row.get("updated_by") or "", tuple(repr(row.get(c)) for c in columns))

    return rank(theirs) > rank(mine)


def _natural_match(table: Table, theirs: dict[str, Any], mine_by_key: dict[tuple, dict[str, Any]]) -> dict | None:
    keys = NATURAL_KEYS.get(table.name)
    if not keys:
        return None
    return mine_by_key.get(tuple(theirs[k] for k in keys))


def _free_code(code: str, taken: set[str]) -> str:
    number = 2
    while f"{code}-{number}" in taken:
        number += 1
    return f"{code}-{number}"


def _plan(session: Session, mine: Side, theirs: Side, their_audit: list[dict[str, Any]], mark: int,
          report: MergeReport) -> Plan:
    plan = Plan(report=report)
    audit = AuditEntry.__table__
    their_audit_uids = {row["uid"] for row in their_audit}
    known: set[str] = set()
    uids = list(their_audit_uids)
    for start in range(0, len(uids), CHUNK):
        known.update(session.scalars(select(audit.c.uid).where(audit.c.uid.in_(uids[start:start + CHUNK]))))
    # What they changed: their history entries I do not have.
    their_changes = _audit_fields(
        (row["entity_uid"], row["action"], row["field"]) for row in their_audit if row["uid"] not in known
    )
    # What I changed since the last merge with this file, and they never saw.
    my_changes = _audit_fields(
        (row.entity_uid, row.action, row.field)
        for row in session.execute(select(audit.c.entity_uid, audit.c.action, audit.c.field, audit.c.uid)
                                   .where(audit.c.id > mark))
        if row.uid not in their_audit_uids
    )
    review = report.review
    for table in TRACKED_TABLES:
        name = table.name
        my_rows = mine.rows[name]
        keys = NATURAL_KEYS.get(name)
        mine_by_key = {tuple(r[k] for k in keys): r for r in my_rows.values()} if keys else {}
        for uid, their_row in theirs.rows[name].items():
            if name == "settings" and str(their_row["key"]).startswith(MERGE_SETTING_PREFIX):
                continue  # their merge points count their history, not ours
            their_row = {k: (plan.alias.get(v, v) if k in _foreign_keys(table) else v) for k, v in their_row.items()}
            my_row = my_rows.get(uid)
            if my_row is None:
                twin = _natural_match(table, their_row, mine_by_key)
                if twin is not None:
                    # The same user/tag/setting created on both sides: one row, the newer values.
                    plan.alias[uid] = twin["uid"]
                    values = _merge_pair(table, twin, {**their_row, "uid": twin["uid"]}, set(), set(), review)
                    if values:
                        plan.updates.setdefault(name, []).append((mine.ids[name][twin["uid"]], twin["version"], values))
                    continue
                row = dict(their_row)
                row.pop("id", None)
                plan.inserts.setdefault(name, []).append(row)
                continue
            values = _merge_pair(table, my_row, their_row, my_changes.get(uid, set()), their_changes.get(uid, set()),
                                 review)
            if values:
                plan.updates.setdefault(name, []).append((mine.ids[name][uid], my_row["version"], values))
    _settle_code_clashes(plan, mine, review)
    plan.audit_rows = [row for row in their_audit if row["uid"] not in known]
    my_tag_events = [
        (row.entity_uid, row.at, row.old_value, row.new_value, row.uid)
        for row in session.execute(select(audit.c.entity_uid, audit.c.at, audit.c.old_value, audit.c.new_value,
                                          audit.c.uid)
                                   .where(audit.c.id > mark, audit.c.field == "tags", audit.c.entity == "customers"))
        if row.uid not in their_audit_uids
    ]
    their_tag_events = [
        (row["entity_uid"], row["at"], row["old_value"], row["new_value"], row["uid"]) for row in their_audit
        if row["uid"] not in known and row["field"] == "tags" and row["entity"] == "customers"
    ]
    plan.tag_links, plan.tag_unlinks = _merge_tags(plan, mine, theirs, my_tag_events + their_tag_events)
    for name, rows in plan.inserts.items():
        report.inserted[name] = len(rows)
    for name, changes in plan.updates.items():
        report.updated[name] = len(changes)
        deleted = sum(1 for _id, _v, values in changes if values.get("deleted_at") is not None)
        if deleted:
            report.deleted[name] = deleted
    report.audit_entries = len(plan.audit_rows)
    report.tag_links = len(plan.tag_links)
    report.tag_unlinks = len(plan.tag_unlinks)
    return plan


def _settle_code_clashes(plan: Plan, mine: Side, review: list[ReviewItem]) -> None:
    """After the merge, no two live customers may share a code. Of a clashing group the customer
    created first keeps the code and the others get CODE-2, CODE-3 … (listed for review); the same
    customers are renamed whichever file is merged into which."""
    final: dict[str, dict[str, Any]] = {uid: dict(row) for uid, row in mine.rows["customers"].items()}
    updates = {row_id: values for row_id, _version, values in plan.updates.get("customers", [])}
    id_to_uid = {row_id: uid for uid, row_id in mine.ids["customers"].items()}
    for row_id, values in updates.items():
        final[id_to_uid[row_id]].update(values)
    inserted = {row["uid"]: row for row in plan.inserts.get("customers", [])}
    final.update(inserted)
    live: dict[str, list[dict[str, Any]]] = {}
    for uid, row in final.items():
        if row["deleted_at"] is None:
            live.setdefault(row["code"], []).append({**row, "uid": uid})
    taken = {code for code in live}
    for code in sorted(live):
        group = live[code]
        if len(group) < 2:
            continue
        group.sort(key=lambda row: (row["created_at"], row["uid"]))
        for row in group[1:]:
            new_code = _free_code(code, taken)
            taken.add(new_code)
            review.append(ReviewItem(
                entity="customers", uid=row["uid"], label=_label_of(row), reason="code_clash", fields=["code"],
                kept="combined", detail={"code": {"mine": code, "theirs": new_code}},
            ))
            if row["uid"] in inserted:
                inserted[row["uid"]]["code"] = new_code
                continue
            row_id = mine.ids["customers"][row["uid"]]
            if row_id in updates:
                updates[row_id]["code"] = new_code
            else:
                version = mine.rows["customers"][row["uid"]]["version"]
                values = {"code": new_code}
                updates[row_id] = values
                plan.updates.setdefault("customers", []).append((row_id, version, values))


def _tag_changes(old: str | None, new: str | None) -> tuple[set[str], set[str]]:
    """The tags an audited edit added and removed (the trail keeps them as "a, b" lists)."""
    before = {t.strip() for t in (old or "").split(",") if t.strip()}
    after = {t.strip() for t in (new or "").split(",") if t.strip()}
    return after - before, before - after


def _merge_tags(plan: Plan, mine: Side, theirs: Side, events: list[tuple]) -> tuple[list, list]:
    """Tag links as a set both sides edited: a tag one side removed stays removed unless the other side
    added it again later; with no history for a tag (bulk imports), what either side has is kept.
    Returns the links to add and the links of mine to remove, as (customer uid, tag uid)."""
    latest: dict[tuple[str, str], tuple] = {}
    for customer_uid, at, old, new, entry_uid in events:
        added, removed = _tag_changes(old, new)
        for name, present in [*((n, True) for n in added), *((n, False) for n in removed)]:
            key = (customer_uid, name)
            stamp = (at, entry_uid)
            if key not in latest or stamp > latest[key][0]:
                latest[key] = (stamp, present)
    my_names = {uid: row["name"] for uid, row in mine.rows["tags"].items()}
    tag_uid_by_name = {row["name"]: uid for uid, row in mine.rows["tags"].items()}
    for uid, row in theirs.rows["tags"].items():
        tag_uid_by_name.setdefault(row["name"], plan.alias.get(uid, uid))
    their_names = {uid: row["name"] for uid, row in theirs.rows["tags"].items()}
    mine_links = {(c, my_names[t]) for c, t in mine.tag_links if t in my_names}
    their_links = {(plan.alias.get(c, c), their_names[t]) for c, t in theirs.tag_links if t in their_names}
    add, remove = [], []
    for customer_uid, name in sorted(mine_links ^ their_links):
        decided = latest.get((customer_uid, name))
        present = decided[1] if decided is not None else True
        tag_uid = tag_uid_by_name[name]
        if present and (customer_uid, name) not in mine_links:
            add.append((customer_uid, tag_uid))
        elif not present and (customer_uid, name) in mine_links:
            remove.append((customer_uid, tag_uid))
    return add, remove


# --- applying -------------------------------------------------------------------------------


def _read_their_audit(connection: Connection, theirs: Side) -> list[dict[str, Any]]:
    customer_uid = {row_id: uid for uid, row_id in theirs.ids["customers"].items()}
    rows = []
    for row in connection.execute(select(AuditEntry.__table__).order_by(AuditEntry.__table__.c.id)):
        values = dict(row._mapping)
        values.pop("id")
        values["customer_id"] = customer_uid.get(values["customer_id"]) if values["customer_id"] is not None else None
        rows.append(values)
    return rows


def _pause_for_tests() -> None:
    # Lets a test kill the process while the merge transaction is open (all-or-nothing check).
    signal = os.environ.get("ACCOUNTDESK_TEST_PAUSE_IN_MERGE")
    if signal:
        Path(signal).write_text(str(os.getpid()), encoding="utf-8")
        time.sleep(60)


def _apply(session: Session, plan: Plan, mine: Side, *, source: str, merger: str) -> None:
    """Write the plan. Whatever comes from the copy is authored by `merger` (the merge is their act);
    the copy's own names and dates stay in the history as a claim, never as the author."""
    ids = {name: dict(by_uid) for name, by_uid in mine.ids.items()}
    now = utcnow()
    touched_customers: set[int] = set()

    def local(table: Table, values: dict[str, Any]) -> dict[str, Any]:
        result = dict(values)
        for column, target in _foreign_keys(table).items():
            if column in result and result[column] is not None:
                result[column] = ids[target].get(result[column])
                if result[column] is None and not table.c[column].nullable:
                    raise MergeError(
                        f"合并失败：{table.name} 中的记录 {values.get('uid')} 引用了不存在的 {target} 记录；未做任何改动。",
                        f"Merge failed: a {table.name} row ({values.get('uid')}) refers to a missing {target} row; "
                        "nothing was changed.",
                    )
        return result

    for table in TRACKED_TABLES:
        name = table.name
        if name == "customers":
            # Codes that move (a rename there, a clash settled here) step aside first, so that no
            # statement meets a code that is only on its way out.
            for row_id, version, values in plan.updates.get(name, []):
                if "code" in values:
                    session.execute(update(table).where(table.c.id == row_id, table.c.version == version)
                                    .values(code=f"~merge~{row_id}"))
        rows = [{**local(table, row), "updated_by": merger} for row in plan.inserts.get(name, [])]
        if rows:
            session.execute(insert(table), rows)
            new_uids = [row["uid"] for row in rows]
            for start in range(0, len(new_uids), CHUNK):
                chunk = new_uids[start:start + CHUNK]
                ids[name].update(dict(session.execute(select(table.c.uid, table.c.id).where(table.c.uid.in_(chunk))).all()))
        for row_id, version, values in plan.updates.get(name, []):
            values = local(table, values)
            values["updated_by"] = merger
            values["version"] = version + 1  # an open form on this row now sees a conflict
            result = session.execute(
                update(table).where(table.c.id == row_id, table.c.version == version).values(**values)
            )
            if result.rowcount != 1:
                raise MergeError(
                    "合并期间有同事保存了修改，合并已取消、未做任何改动；请重试。",
                    "Someone saved a change while the merge ran; the merge was cancelled and nothing "
                    "was changed. Please try again.",
                )
            if name == "customers":
                touched_customers.add(row_id)
            elif name == "contacts":
                customer = session.execute(select(table.c.customer_id).where(table.c.id == row_id)).scalar()
                touched_customers.add(customer)
        if name == "customers":
            touched_customers.update(ids[name][row["uid"]] for row in rows)
        elif name == "contacts":
            touched_customers.update(row["customer_id"] for row in rows)
    _pause_for_tests()
    if plan.audit_rows:
        audit_rows = []
        for row in plan.audit_rows:
            values = dict(row)
            values["entity_uid"] = plan.alias.get(values["entity_uid"], values["entity_uid"])
            customer_uid = values["customer_id"]
            values["customer_id"] = ids["customers"].get(plan.alias.get(customer_uid, customer_uid)) if customer_uid else None
            # Merged again from a further copy: the first claim is the one kept.
            values["claimed_user"] = values.get("claimed_user") or values["user"]
            values["claimed_at"] = values.get("claimed_at") or values["at"]
            values.update(user=merger, at=now, merged_from=values.get("merged_from") or source)
            audit_rows.append(values)
        session.execute(insert(AuditEntry.__table__), audit_rows)
    if plan.tag_links:
        links = [{"customer_id": ids["customers"][c], "tag_id": ids["tags"][t]} for c, t in plan.tag_links
                 if c in ids["customers"] and t in ids["tags"]]
        if links:
            session.execute(insert(CustomerTag.__table__), links)
    link_table = CustomerTag.__table__
    for customer_uid, tag_uid in plan.tag_unlinks:
        session.execute(delete(link_table).where(link_table.c.customer_id == ids["customers"][customer_uid],
                                                 link_table.c.tag_id == ids["tags"][tag_uid]))
    _refresh_search_keys(session, touched_customers)


def _refresh_search_keys(session: Session, customer_ids: set[int]) -> None:
    """Search text is derived from a customer and its contacts, which may have come from both sides."""
    customers, contacts = Customer.__table__, Base.metadata.tables["contacts"]
    wanted = sorted(i for i in customer_ids if i is not None)
    for start in range(0, len(wanted), CHUNK):
        chunk = wanted[start:start + CHUNK]
        people: dict[int, list[Any]] = {}
        for contact in session.execute(select(contacts.c.customer_id, contacts.c.name, contacts.c.phone)
                                       .where(contacts.c.customer_id.in_(chunk), contacts.c.deleted_at.is_(None))):
            people.setdefault(contact.customer_id, []).append(contact)
        for row in session.execute(select(customers).where(customers.c.id.in_(chunk))):
            found = people.get(row.id, [])
            key = build_search_key(
                row.name, row.code, row.phone,
                extra_names=[n for n in (row.company, row.contact_person, *(c.name for c in found)) if n],
                extra_phones=[c.phone for c in found],
            )
            if key != row.search_key:
                session.execute(update(customers).where(customers.c.id == row.id).values(search_key=key))


def _merge_point(session: Session, identity: str) -> tuple[int, dict[str, Any] | None]:
    value = session.scalar(select(Setting.value).where(Setting.key == MERGE_SETTING_PREFIX + identity))
    if isinstance(value, dict):
        return int(value.get("audit_mark", 0)), value
    return 0, None


def _record_merge_point(session: Session, identity: str, other_path: Path, report: MergeReport, user: str) -> None:
    audit = AuditEntry.__table__
    now = utcnow()
    value = {
        "other": str(other_path.resolve()),
        "audit_mark": int(session.scalar(select(func.max(audit.c.id))) or 0),
        "merged_at": now.isoformat(),
        "review": [item.as_dict() for item in report.review[:200]],
    }
    write_internal_setting(session, MERGE_SETTING_PREFIX + identity, value, user=user)


# --- the entry points -----------------------------------------------------------------------


def last_merge(database, other_path: Path) -> dict[str, Any] | None:
    """What the last merge with this file recorded (when, and the rows listed for review)."""
    with database.session() as session:
        return _merge_point(session, _identity(Path(other_path)))[1]


def merge_databases(database, other_path: Path, dry_run: bool = False, *, force: bool = False) -> MergeReport:
    """Merge the copy at `other_path` into `database`; see the module docstring for the rules. Another
    database (a different identity in meta) is refused unless `force`."""
    from accountdesk.core.team.backup import backup_database
    from accountdesk.core.team.conflicts import run_with_retry

    other_path = Path(other_path)
    if not other_path.is_file():
        raise MergeError(f"找不到要合并的文件“{other_path}”。", f"The file to merge, '{other_path}', was not found.")
    _refuse_same_file(database, other_path)
    if database.read_only and not dry_run:
        raise database.read_only_reason
    with _other_connection(other_path) as connection:
        if not force:
            _refuse_unrelated(database.meta(IDENTITY_KEY), _database_identity(connection), other_path)
        theirs = _read_side(connection)
        their_audit = _read_their_audit(connection, theirs)
    identity = _identity(other_path)
    preview = MergeReport(other=str(other_path), dry_run=dry_run)
    with database.session() as session:
        mark, _ = _merge_point(session, identity)
        _plan(session, _read_side(session.connection()), theirs, their_audit, mark, preview)
    if dry_run or not preview.changed:
        return preview
    # A file or a server alike: a verified copy first, so a merge can always be taken back.
    backup = backup_database(database, label="before-merge")

    def attempt() -> MergeReport:
        report = MergeReport(other=str(other_path), dry_run=False, backup_path=backup)
        with database.write() as session:
            # Planned again inside the write lock: someone may have saved since the preview.
            mark, _ = _merge_point(session, identity)
            mine = _read_side(session.connection())
            plan = _plan(session, mine, theirs, their_audit, mark, report)
            _apply(session, plan, mine, source=other_path.name, merger=database.user)
            # Merged rows keep their own stamps, which the kept churn and grading figures cannot
            # see as new.
            activity.forget(session)
            customer_figures.forget(session)
            _record_merge_point(session, identity, other_path, report, database.user)
        return report

    return run_with_retry(attempt)
